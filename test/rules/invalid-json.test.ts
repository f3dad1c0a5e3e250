// invalid-json: bodies that must be JSON and are not, on the exact character, in every source kind.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, lint } from '../helpers/lint.js';

const RULE = 'invalid-json';
const only = { rules: [RULE] };
const URL = 'https://cloud.leonardo.ai/api/rest/v1/generations';
const curl = (body: string) => `curl -X POST ${URL} \\\n  -H 'content-type: application/json' \\\n  -d '${body}'\n`;
const sh = (code: string) => lint(code, { ...only, path: 'generate.sh' });

test("Python's True/False/None", () => {
  for (const [word, json] of [['True', 'true'], ['False', 'false'], ['None', 'null']]) {
    const [hit, ...rest] = sh(curl(`{"prompt": "a cat", "alchemy": ${word}}`));
    assert.equal(rest.length, 0);
    assert.equal(hit!.text, word);
    assert.equal(hit!.line, 3);
    assert.match(hit!.message, new RegExp(`\`${word}\` is Python, not JSON: write \`${json}\``));
    const [fix] = hit!.finding.fixes;
    assert.equal(fix!.title, `Write ${json}`);
    assert.equal(fix!.preferred, true);
    assert.equal(applyFix(curl(`{"prompt": "a cat", "alchemy": ${word}}`), fix!), curl(`{"prompt": "a cat", "alchemy": ${json}}`));
  }
});

test('single quotes, trailing commas, unquoted keys, comments', () => {
  const double = `curl -X POST ${URL} -d "{'prompt': 'a cat'}"\n`;
  const [quotes] = sh(double);
  assert.equal(quotes!.text, "'prompt'");
  assert.match(quotes!.message, /single quotes: JSON strings and keys take double quotes/);

  const [comma] = sh(curl('{"prompt": "a cat", "num_images": 2,}'));
  assert.equal(comma!.text, ',');
  assert.equal(comma!.column, 42);
  assert.match(comma!.message, /trailing comma before `}`/);
  assert.deepEqual(comma!.finding.fixes.map((f) => [f.title, f.preferred]), [['Remove the trailing comma', true]]);
  assert.equal(applyFix(curl('{"prompt": "a cat", "num_images": 2,}'), comma!.finding.fixes[0]!), curl('{"prompt": "a cat", "num_images": 2}'));
  assert.equal(quotes!.finding.fixes.length, 0, 'single quotes: the right quoting is not certain (escapes)');

  const [key] = sh(curl('{prompt: "a cat"}'));
  assert.equal(key!.text, 'prompt');
  assert.match(key!.message, /the key `prompt` is not quoted/);

  const [comment] = sh(curl('{"prompt": "a cat" /* 2 images */}'));
  assert.equal(comment!.text, '/* 2 images */');
  assert.match(comment!.message, /JSON has no comments/);
});

test('the message says what the API does; POST /generations gets its catalogue answer', () => {
  const [hit] = sh(curl('{"prompt": "a cat",}'));
  assert.match(hit!.message, /^The body of this curl command is not valid JSON/);
  assert.equal(hit!.finding.apiError, 'expecting a value for non-nullable variable: "prompt"');
  assert.equal(hit!.finding.endpoint, 'POST /generations');
  const [other] = sh(`curl -X POST https://cloud.leonardo.ai/api/rest/v1/init-image -d '{"extension": png}'\n`);
  assert.match(other!.message, /`png` is not a JSON value/);
  assert.match(other!.message, /rejects the request/);
  assert.equal(other!.finding.apiError, undefined);
});

test('a deploy script: only the broken body of the Leonardo call is flagged', () => {
  const script = `#!/usr/bin/env bash
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
`;
  const hits = sh(script);
  assert.deepEqual(hits.map((h) => [h.line, h.column, h.text]), [[19, 15, 'False']]);
});

test('.http bodies, with {{variables}} never flagged', () => {
  const ok = `POST ${URL}\nContent-Type: application/json\n\n{"prompt": "{{prompt}}", "num_images": {{n}}}\n`;
  assert.deepEqual(lint(ok, { ...only, path: 'gen.http' }), []);
  const bad = `POST ${URL}\nContent-Type: application/json\n\n{\n  "prompt": "a cat",\n  // two images\n  "num_images": 2\n}\n`;
  const [hit] = lint(bad, { ...only, path: 'gen.http' });
  assert.deepEqual([hit!.line, hit!.text], [6, '// two images']);
});

test('Postman raw bodies: the finding lands in the collection file', () => {
  const collection = JSON.stringify(
    {
      info: { _postman_id: 'x', name: 'L', schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json' },
      item: [{ name: 'gen', request: { method: 'POST', url: URL, body: { mode: 'raw', raw: '{\n  "prompt": "a cat",\n  "alchemy": True\n}', options: { raw: { language: 'json' } } } } }],
    },
    null,
    2,
  );
  const [hit] = lint(collection, { ...only, path: 'Leonardo.postman_collection.json' });
  assert.equal(hit!.text, 'True');
  assert.match(hit!.message, /^The raw body of this Postman request is not valid JSON/);
});

test('JSON request files that do not parse', () => {
  const code = '// POST /generations\n{\n  "prompt": "a cat",\n  "width": 512,\n}\n';
  const [hit] = lint(code, { ...only, path: 'cat.jsonc' });
  assert.deepEqual([hit!.line, hit!.text], [4, ',']);
  assert.match(hit!.message, /^This request file is not valid JSON: a trailing comma/);
});

test('Markdown: only code blocks', () => {
  const md = `Send \`{"prompt": True}\` with curl:\n\n\`\`\`sh\ncurl ${URL} -d '{"prompt": True}'\n\`\`\`\n`;
  const hits = lint(md, { ...only, path: 'README.md' });
  assert.deepEqual(hits.map((h) => h.line), [4]);
});

test('--fix removes every trailing comma of a request file, round after round, and the file then parses', async () => {
  const { fixUntilStable } = await import('../../server/src/engine/fix/apply.js');
  const text = '{\n  "prompt": "a cat",\n  "controlnets": [{"preprocessorId": 67, "weight": 0.5,},],\n  "num_images": 2,\n}\n';
  const path = 'cat.leonardo.json';
  const findings = (t: string) => lint(t, { path }).map((h) => h.finding);
  const result = fixUntilStable(text, findings(text), findings);
  assert.equal(result.text, '{\n  "prompt": "a cat",\n  "controlnets": [{"preprocessorId": 67, "weight": 0.5}],\n  "num_images": 2\n}\n');
  assert.deepEqual(lint(result.text, { path }).filter((h) => h.ruleId === RULE), []);
});
