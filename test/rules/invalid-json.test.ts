// invalid-json: bodies that must be JSON and are not, on the exact character, in every source kind.
import { edit, ruleTester } from '../helpers/rule-tester.js';
import { test } from 'node:test';
import assert from 'node:assert/strict';

const URL = 'https://cloud.leonardo.ai/api/rest/v1/generations';
const curl = (body: string) => `curl -X POST ${URL} \\\n  -H 'content-type: application/json' \\\n  -d '${body}'\n`;
const SH = 'generate.sh';

ruleTester.run('invalid-json', {
  valid: [
    {
      name: 'a deploy script: other providers, bodies from files or variables, shell variables inside the JSON',
      path: SH,
      code: `#!/usr/bin/env bash
set -euo pipefail
API=https://cloud.leonardo.ai/api/rest/v1

# Another provider's API: not ours to judge.
curl -s https://api.example.com/v1/images -d "{'prompt': 'x'}"

# A body from a file, and from stdin via a variable: not linted.
curl -s -X POST "$API/generations" --data @request.json
curl -s -X POST "$API/generations" -d "$BODY"

# Shell variables inside the JSON are unknown, not errors.
curl -s -X POST "$API/generations" -d '{"prompt": "'"$PROMPT"'", "num_images": '"$N"'}'
`,
    },
    { name: '.http bodies with {{variables}}', path: 'gen.http', code: `POST ${URL}\nContent-Type: application/json\n\n{"prompt": "{{prompt}}", "num_images": {{n}}}\n` },
  ],
  invalid: [
    { name: "Python's True", path: SH, code: curl('{"prompt": "a cat", "alchemy": True}'), findings: [
      {
        message: "The body of this curl command is not valid JSON: 'True' is Python, not JSON: write 'true'.",
        at: [3, 38, 'True'],
        fixes: [{ title: 'Write true', output: edit('True', 'true'), preferred: true }],
      },
    ] },
    { name: "Python's False", path: SH, code: curl('{"prompt": "a cat", "alchemy": False}'), findings: [
      {
        message: "The body of this curl command is not valid JSON: 'False' is Python, not JSON: write 'false'.",
        at: [3, 38, 'False'],
        fixes: [{ title: 'Write false', output: edit('False', 'false'), preferred: true }],
      },
    ] },
    { name: "Python's None", path: SH, code: curl('{"prompt": "a cat", "alchemy": None}'), findings: [
      {
        message: "The body of this curl command is not valid JSON: 'None' is Python, not JSON: write 'null'.",
        at: [3, 38, 'None'],
        fixes: [{ title: 'Write null', output: edit('None', 'null'), preferred: true }],
      },
    ] },
    { name: 'single quotes', path: SH, code: `curl -X POST ${URL} -d "{'prompt': 'a cat'}"\n`, findings: [
      {
        message: 'The body of this curl command is not valid JSON: single quotes: JSON strings and keys take double quotes.',
        at: [1, 69, '\'prompt\''],
        fixes: [{ title: 'Write "prompt"', output: edit("{'prompt'", '{\\"prompt\\"'), preferred: true }],
      },
    ] },
    { name: 'a trailing comma', path: SH, code: curl('{"prompt": "a cat", "num_images": 2,}'), findings: [
      {
        message: "The body of this curl command is not valid JSON: a trailing comma before '}': JSON allows no comma after the last property.",
        at: [3, 42, ','],
        fixes: [{ title: 'Remove the trailing comma', output: edit('2,}', '2}'), preferred: true }],
      },
    ] },
    { name: 'an unquoted key', path: SH, code: curl('{prompt: "a cat"}'), findings: [
      {
        message: `The body of this curl command is not valid JSON: the key 'prompt' is not quoted: JSON keys take double quotes ("prompt").`,
        at: [3, 8, 'prompt'],
        fixes: [{ title: 'Write "prompt"', output: edit('{prompt:', '{"prompt":'), preferred: true }],
      },
    ] },
    { name: 'a comment', path: SH, code: curl('{"prompt": "a cat" /* 2 images */}'), findings: [
      {
        message: 'The body of this curl command is not valid JSON: a comment: JSON has no comments.',
        at: [3, 26, '/* 2 images */'],
        fixes: [],
      },
    ] },
    { name: 'POST /generations gets its catalogue answer', path: SH, code: curl('{"prompt": "a cat",}'), findings: [
      {
        message: "The body of this curl command is not valid JSON: a trailing comma before '}': JSON allows no comma after the last property.",
        at: [3, 25, ','],
        apiError: 'expecting a value for non-nullable variable: "prompt"',
        endpoint: 'POST /generations',
        fixes: [{ title: 'Remove the trailing comma', output: edit('cat",}\'', 'cat"}\''), preferred: true }],
      },
    ] },
    {
      name: 'another endpoint: the message says the API rejects the request',
      path: SH,
      code: `curl -X POST https://cloud.leonardo.ai/api/rest/v1/init-image -d '{"extension": png}'\n`,
      findings: [
        {
          message: "The body of this curl command is not valid JSON: 'png' is not a JSON value (strings take double quotes).",
          at: [1, 81, 'png'],
          fixes: [],
        },
      ],
    },
    {
      name: 'a deploy script: only the broken body of the Leonardo call is flagged',
      path: SH,
      code: `#!/usr/bin/env bash
set -euo pipefail
API=https://cloud.leonardo.ai/api/rest/v1

# Another provider's API: not ours to judge.
curl -s https://api.example.com/v1/images -d "{'prompt': 'x'}"

# A body from a file, and from stdin via a variable: not linted.
curl -s -X POST "$API/generations" --data @request.json
curl -s -X POST "$API/generations" -d "$BODY"

# Shell variables inside the JSON are unknown, not errors.
curl -s -X POST "$API/generations" -d '{"prompt": "'"$PROMPT"'", "num_images": '"$N"'}'

curl -s -X POST "$API/generations" \\
  -H "authorization: Bearer $LEONARDO_API_KEY" \\
  -d '{
    "prompt": "a lighthouse",
    "public": False
  }'
`,
      findings: [
        {
          message: "The body of this curl command is not valid JSON: 'False' is Python, not JSON: write 'false'.",
          at: [19, 15, 'False'],
          fixes: [{ title: 'Write false', output: edit('False', 'false'), preferred: true }],
        },
      ],
    },
    {
      name: '.http body with a comment',
      path: 'gen.http',
      code: `POST ${URL}\nContent-Type: application/json\n\n{\n  "prompt": "a cat",\n  // two images\n  "num_images": 2\n}\n`,
      findings: [
        {
          message: 'The body of this request is not valid JSON: a comment: JSON has no comments.',
          at: [6, 3, '// two images'],
          fixes: [],
        },
      ],
    },
    {
      name: 'Postman raw bodies: the finding lands in the collection file',
      path: 'Leonardo.postman_collection.json',
      code: JSON.stringify(
        {
          info: { _postman_id: 'x', name: 'L', schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json' },
          item: [{ name: 'gen', request: { method: 'POST', url: URL, body: { mode: 'raw', raw: '{\n  "prompt": "a cat",\n  "alchemy": True\n}', options: { raw: { language: 'json' } } } } }],
        },
        null,
        2,
      ),
      findings: [
        {
          message: "The raw body of this Postman request is not valid JSON: 'True' is Python, not JSON: write 'true'.",
          at: [15, 63, 'True'],
          fixes: [{ title: 'Write true', output: edit('True', 'true'), preferred: true }],
        },
      ],
    },
    { name: 'JSON request files that do not parse', path: 'cat.jsonc', code: '// POST /generations\n{\n  "prompt": "a cat",\n  "width": 512,\n}\n', findings: [
      {
        message: "This request file is not valid JSON: a trailing comma before '}': JSON allows no comma after the last property.",
        at: [4, 15, ','],
        fixes: [{ title: 'Remove the trailing comma', output: edit('512,\n', '512\n'), preferred: true }],
      },
    ] },
    { name: 'Markdown: only code blocks', path: 'README.md', code: `Send \`{"prompt": True}\` with curl:\n\n\`\`\`sh\ncurl ${URL} -d '{"prompt": True}'\n\`\`\`\n`, findings: [
      {
        message: "The body of this curl command is not valid JSON: 'True' is Python, not JSON: write 'true'.",
        at: [4, 71, 'True'],
        fixes: [{ title: 'Write true', output: edit(': True}\'', ': true}\''), preferred: true }],
      },
    ] },
  ],
});

test('--fix removes every trailing comma of a request file, round after round, and the file then parses', async () => {
  const { analyze } = await import('../../server/src/engine/analyze.js');
  const { fixUntilStable } = await import('../../server/src/engine/fix/apply.js');
  const text = '{\n  "prompt": "a cat",\n  "controlnets": [{"preprocessorId": 67, "weight": 0.5,},],\n  "num_images": 2,\n}\n';
  const findings = (t: string) => analyze({ text: t, kind: 'json', path: 'cat.leonardo.json' }).findings;
  const result = fixUntilStable(text, findings(text), findings);
  assert.equal(result.text, '{\n  "prompt": "a cat",\n  "controlnets": [{"preprocessorId": 67, "weight": 0.5}],\n  "num_images": 2\n}\n');
  assert.deepEqual(findings(result.text).filter((f) => f.ruleId === 'invalid-json'), []);
});
