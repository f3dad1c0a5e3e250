# SYNTAX TEST "source.shell" "curl JSON bodies are highlighted as JSON"
curl -X POST https://cloud.leonardo.ai/api/rest/v1/generations \
  -H 'content-type: application/json' \
#     ^^^^^^^^^^^^ string.quoted.single.shell - meta.embedded.block.json.curl
  -d '{"prompt": "a cat", "num_images": 2}'
#    ^ string.quoted.single.shell punctuation.definition.string.begin.shell
#     ^ meta.embedded.block.json.curl meta.structure.dictionary.json
#       ^^^^^^ meta.embedded.block.json.curl meta.structure.dictionary.json support.type.property-name.json
#                  ^^^^^ meta.embedded.block.json.curl string.quoted.double.json
#                                       ^ meta.embedded.block.json.curl constant.numeric.json
#                                         ^ string.quoted.single.shell punctuation.definition.string.end.shell - meta.embedded.block.json.curl

# The catalogue's own example: the body starts on the line after the quote.
curl --request POST \
     --url https://cloud.leonardo.ai/api/rest/v1/generations \
     --data '
#           ^ punctuation.definition.string.begin.shell
{
# <- meta.embedded.block.json.curl meta.structure.dictionary.json
  "height": 512,
#           ^^^ meta.embedded.block.json.curl constant.numeric.json
  "alchemy": true
#            ^^^^ meta.embedded.block.json.curl constant.language.json
}
'
# <- punctuation.definition.string.end.shell - meta.embedded.block.json.curl
echo after
# <- - meta.embedded.block.json.curl

curl --json '[1, {"a": null}]' https://example.com
#            ^ meta.embedded.block.json.curl meta.structure.array.json
#                      ^^^^ meta.embedded.block.json.curl constant.language.json
#                              ^^^^^^^^^^^^^^^^^^^ - meta.embedded.block.json.curl
curl --data-raw '{"b": "c"}' https://example.com
#                ^ meta.embedded.block.json.curl
curl --data-binary '{}' https://example.com
#                   ^ meta.embedded.block.json.curl

# An option at the very start of a line (no whitespace before it).
-d '{"x": 1}'
# <~~~~- meta.embedded.block.json.curl meta.structure.dictionary.json
# <-- constant.other.option.curl.shell

# Not JSON: form data, a double-quoted body, an option inside a string, a comment.
curl -d 'prompt=a cat' https://example.com
#        ^^^^^^ string.quoted.single.shell - meta.embedded.block.json.curl
curl -d "{\"a\": 1}" https://example.com
#        ^ - meta.embedded.block.json.curl
echo "-d '{}'"
#         ^ - meta.embedded.block.json.curl
# curl -d '{"a": 1}'
#          ^ comment.line.number-sign.shell - meta.embedded.block.json.curl
