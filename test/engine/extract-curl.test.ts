// curl commands in shell scripts: which commands are Leonardo requests, method, URL, headers and
// body, with spans that land on the exact characters of the script.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { getCatalogue } from '../../server/src/api/catalogue.js';
import { extractFromShell } from '../../server/src/engine/extract/shell.js';
import type { ObjectValue, RequestSite, Span, StringValue } from '../../server/src/engine/types.js';

const catalogue = getCatalogue();
const extract = (text: string): RequestSite[] => extractFromShell({ text, kind: 'shell', path: 'run.sh' }, catalogue).requests;
const at = (text: string, span: Span | undefined): string => (span ? text.slice(span.start, span.end) : '<none>');
const prop = (o: ObjectValue, key: string) => o.properties.find((p) => p.key === key);

/** The curl example of Leonardo's own error page, verbatim. */
const ERROR_PAGE_EXAMPLE = `curl --request POST \\
     --url https://cloud.leonardo.ai/api/rest/v1/generations \\
     --header 'accept: application/json' \\
     --header 'authorization: Bearer XXXXXXXX-XXXX-XXXX-XXXX-XXXXXXXXXXXX' \\
     --header 'content-type: application/json' \\
     --data '
{
  "height": 512,
  "modelId": "XXXXXXXX-XXXX-XXXX-XXXX-XXXXXXXXXXXX",
  "prompt": "An oil painting of a cat",
  "width": 512
}
'
`;

test("the error page's curl example parses: method, URL, endpoint, headers and body", () => {
  const [site, ...rest] = extract(ERROR_PAGE_EXAMPLE);
  assert.equal(rest.length, 0);
  assert.equal(site.source, 'curl');
  assert.equal(site.naming, 'wire');
  assert.equal(site.method, 'POST');
  assert.equal(at(ERROR_PAGE_EXAMPLE, site.methodSpan), 'POST');
  assert.equal(site.url!.path, '/generations');
  assert.equal(at(ERROR_PAGE_EXAMPLE, site.url!.pathSpan), '/generations');
  assert.equal(site.endpoint?.operationId, 'createGeneration');
  const body = site.body as ObjectValue;
  assert.deepEqual(body.properties.map((p) => p.key), ['height', 'modelId', 'prompt', 'width']);
  assert.equal(at(ERROR_PAGE_EXAMPLE, prop(body, 'prompt')!.value.span), '"An oil painting of a cat"');
  assert.equal(at(ERROR_PAGE_EXAMPLE, body.openBrace), '{');
  const headers = site.headers!;
  assert.deepEqual(headers.properties.map((p) => p.key), ['accept', 'authorization', 'content-type']);
  const auth = prop(headers, 'authorization')!;
  assert.equal(auth.value.kind, 'string');
  assert.equal((auth.value).value, 'Bearer XXXXXXXX-XXXX-XXXX-XXXX-XXXXXXXXXXXX');
  assert.equal(at(ERROR_PAGE_EXAMPLE, auth.keySpan), 'authorization');
  assert.equal(at(ERROR_PAGE_EXAMPLE, auth.value.span), 'Bearer XXXXXXXX-XXXX-XXXX-XXXX-XXXXXXXXXXXX');
  assert.equal(at(ERROR_PAGE_EXAMPLE, auth.removeSpan), "--header 'authorization: Bearer XXXXXXXX-XXXX-XXXX-XXXX-XXXXXXXXXXXX' \\\n     ");
  assert.equal(site.jsonErrors, undefined);
});

test('double-quoted bodies with \\" escapes map spans back onto the script', () => {
  const script = `curl -s -X POST "https://cloud.leonardo.ai/api/rest/v1/generations" \\
  -H "authorization: Bearer $LEONARDO_API_KEY" \\
  -d "{\\"prompt\\": \\"a cat\\", \\"num_images\\": 2}"`;
  const [site] = extract(script);
  const body = site.body as ObjectValue;
  assert.equal(at(script, prop(body, 'num_images')!.keySpan), '\\"num_images\\"');
  assert.equal(at(script, prop(body, 'num_images')!.value.span), '2');
  assert.equal(at(script, (prop(body, 'prompt')!.value as StringValue).inner), 'a cat');
  const auth = prop(site.headers!, 'authorization')!;
  assert.equal(auth.value.kind, 'unknown');
  assert.equal(auth.value.kind === 'unknown' && auth.value.text, 'Bearer $LEONARDO_API_KEY');
});

test('methods: -X, -XPOST, --request, implied POST by data or --json, GET by default, -G, -I', () => {
  const method = (cmd: string) => extract(cmd)[0]?.method;
  const url = 'https://cloud.leonardo.ai/api/rest/v1/me';
  assert.equal(method(`curl ${url}`), 'GET');
  assert.equal(method(`curl -XDELETE ${url}`), 'DELETE');
  assert.equal(method(`curl -sSX put ${url}`), 'PUT');
  assert.equal(method(`curl -d '{}' ${url}`), 'POST');
  assert.equal(method(`curl --json '{}' ${url}`), 'POST');
  assert.equal(method(`curl -G -d 'a=1' ${url}`), 'GET');
  assert.equal(method(`curl -I ${url}`), 'HEAD');
  assert.equal(method(`curl -F 'file=@a.png' ${url}`), 'POST');
  const [site] = extract(`curl -XPOST ${url}`);
  assert.equal(at(`curl -XPOST ${url}`, site.methodSpan), 'POST');
});

test('--json and an attached -d take the body; options with arguments are not the URL', () => {
  const script = `curl -o out.json -m 30 --retry 3 -A "agent/1.0" --json '{"prompt":"x"}' --url https://cloud.leonardo.ai/api/rest/v1/generations`;
  const [site] = extract(script);
  assert.equal(site.endpoint?.operationId, 'createGeneration');
  assert.equal((site.body as ObjectValue).properties[0].key, 'prompt');
  const attached = `curl https://cloud.leonardo.ai/api/rest/v1/init-image -d'{"extension":"png"}'`;
  const [upload] = extract(attached);
  assert.equal(at(attached, (upload.body as ObjectValue).properties[0].keySpan), '"extension"');
});

test('--data @file and --data-urlencode are not linted; --data-raw @x is literal', () => {
  const url = 'https://cloud.leonardo.ai/api/rest/v1/generations';
  const [file] = extract(`curl -X POST ${url} --data @body.json`);
  assert.equal(file.body?.kind, 'unknown');
  assert.equal(file.jsonErrors, undefined);
  const [encoded] = extract(`curl ${url} --data-urlencode 'prompt=a cat'`);
  assert.equal(encoded.body?.kind, 'unknown');
  const [raw] = extract(`curl ${url} --data-raw '@not a file'`);
  assert.ok(raw.jsonErrors && raw.jsonErrors.length === 1);
});

test('--data @- reads the here-document', () => {
  const script = `curl -X POST https://cloud.leonardo.ai/api/rest/v1/generations \\
  -H "authorization: Bearer $KEY" --data @- <<'JSON'
{"prompt": "a fox", "num_images": 3}
JSON
echo done`;
  const [site] = extract(script);
  const body = site.body as ObjectValue;
  assert.equal(at(script, prop(body, 'num_images')!.value.span), '3');
});

test('invalid JSON bodies get an error on the exact character', () => {
  const script = `curl -X POST https://cloud.leonardo.ai/api/rest/v1/generations \\
  -d '{"prompt": "a fox", "alchemy": True}'`;
  const [site] = extract(script);
  assert.equal(site.body?.kind, 'unknown');
  assert.equal(site.jsonErrors!.length, 1);
  assert.equal(at(script, site.jsonErrors![0].span), 'True');
  assert.match(site.jsonErrors![0].message, /Python/);
});

test('variables: $VAR parts of a body are unknown values; a key from a variable makes keys unknown', () => {
  const script = `curl -X POST https://cloud.leonardo.ai/api/rest/v1/generations \\
  -d '{"prompt": "'"$PROMPT"'", "num_images": '$N', "'$KEY'": 1}'`;
  const [site] = extract(script);
  assert.equal(site.jsonErrors, undefined);
  const body = site.body as ObjectValue;
  assert.equal(prop(body, 'prompt')!.value.kind, 'unknown');
  assert.equal(body.hasUnknownKeys, true);
  assert.deepEqual(body.properties.map((p) => p.key), ['prompt', 'num_images']);
  const all = `curl -X POST https://cloud.leonardo.ai/api/rest/v1/generations -d "$BODY"`;
  assert.equal(extract(all)[0].body?.kind, 'unknown');
  assert.equal(extract(all)[0].jsonErrors, undefined);
});

test('URLs: variables assigned earlier are resolved; unknown parts match templates', () => {
  const script = `#!/usr/bin/env bash
set -euo pipefail
export BASE_URL="https://cloud.leonardo.ai/api/rest/v1"
GEN=$(curl -s -X POST "$BASE_URL/generations" -H "authorization: Bearer $LEONARDO_API_KEY" \\
  -H 'content-type: application/json' -d '{"prompt":"a lighthouse"}' | jq -r .sdGenerationJob.generationId)
curl -s "\${BASE_URL}/generations/$GEN" -H "authorization: Bearer $LEONARDO_API_KEY"
`;
  const [create, get] = extract(script);
  assert.equal(create.endpoint?.operationId, 'createGeneration');
  assert.equal(at(script, create.url!.pathSpan), '/generations');
  assert.equal(get.method, 'GET');
  assert.equal(get.url!.path, '/generations/{…}');
  assert.equal(get.endpoint?.path, '/generations/{id}');
  assert.equal(get.url!.pathSpan, undefined);
});

test('not Leonardo: other APIs, unresolvable URLs, commands that are not curl', () => {
  assert.deepEqual(extract(`curl https://api.openai.com/v1/images -d '{"prompt": True}'`), []);
  assert.deepEqual(extract(`curl "$URL" -d '{"prompt": True}'`), []);
  assert.deepEqual(extract(`echo curl https://cloud.leonardo.ai/api/rest/v1/generations`), []);
  assert.deepEqual(extract(`# curl https://cloud.leonardo.ai/api/rest/v1/generations -d '{'`), []);
  assert.deepEqual(extract(`wget https://cloud.leonardo.ai/api/rest/v1/generations`), []);
});

test('v2 and wrong hosts are recognised with their version and host', () => {
  const [v2] = extract(`curl -X POST https://cloud.leonardo.ai/api/rest/v2/generations --json '{"model":"gemini-2.5-flash-image","parameters":{}}'`);
  assert.equal(v2.url!.apiVersion, 'v2');
  assert.equal(v2.endpoint, undefined);
  const [wrong] = extract(`curl https://api.leonardo.ai/v1/generations -d '{"prompt":"x"}'`);
  assert.equal(wrong.url!.host, 'api.leonardo.ai');
  assert.equal(wrong.url!.path, '/generations');
  assert.equal(wrong.endpoint, undefined);
});

test('headers: -H @file, --oauth2-bearer and an unquoted $OPTS make the header set open; -F is a form body', () => {
  const url = 'https://cloud.leonardo.ai/api/rest/v1/init-image';
  assert.equal(extract(`curl ${url} -H @headers.txt`)[0].headers!.hasUnknownKeys, true);
  assert.equal(extract(`curl $CURL_OPTS ${url}`)[0].headers!.hasUnknownKeys, true);
  assert.equal(extract(`curl "${url}" -H "$AUTH_HEADER"`)[0].headers!.hasUnknownKeys, true);
  assert.equal(extract(`curl ${url} --oauth2-bearer "$LEONARDO_API_KEY"`)[0].headers!.hasUnknownKeys, true);
  assert.equal(extract(`curl ${url} -H 'accept: application/json'`)[0].headers!.hasUnknownKeys, false);
  assert.equal(extract(`curl ${url} -F 'file=@cat.png'`)[0].body?.kind, 'foreign');
});

test('CRLF scripts and curl inside $(…) and pipelines', () => {
  const script = 'R=$(curl -s \\\r\n  https://cloud.leonardo.ai/api/rest/v1/me)\r\necho "$R" | jq .\r\n';
  const [site] = extract(script);
  assert.equal(site.endpoint?.operationId, 'getUserSelf');
  assert.equal(at(script, site.url!.pathSpan), '/me');
});

test("a docs placeholder inside a URL (`/generations/<YOUR_GENERATION_ID>`) is part of the word, not a redirection; a `<` after a space still is", () => {
  const text = `curl --request GET \\
     --url https://cloud.leonardo.ai/api/rest/v1/generations/<YOUR_GENERATION_ID> \\
     --header 'authorization: Bearer <YOUR_API_KEY>'
curl -X POST https://cloud.leonardo.ai/api/rest/v1/generations -H "authorization: Bearer $LEONARDO_API_KEY" --data @- < body.json
`;
  const [get, post] = extract(text);
  assert.equal(get.method, 'GET');
  assert.equal(at(text, get.url!.span), 'https://cloud.leonardo.ai/api/rest/v1/generations/<YOUR_GENERATION_ID>');
  assert.equal(get.endpoint?.operationId, 'getGenerationById');
  assert.equal(post.endpoint?.operationId, 'createGeneration');
  assert.equal(at(text, post.url!.span), 'https://cloud.leonardo.ai/api/rest/v1/generations');
});
