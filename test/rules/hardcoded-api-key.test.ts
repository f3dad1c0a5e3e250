// hardcoded-api-key: a real Leonardo key written in a file, shown only redacted, replaced by the environment.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, lint } from '../helpers/lint.js';

const RULE = 'hardcoded-api-key';
const run = (code: string, path = 'app.ts') => lint(code, { rules: [RULE], path });
const rows = (code: string, path = 'app.ts') => run(code, path).map((h) => [h.line, h.column, h.text]);
const KEY = '3f1b2c4d-1a2b-4c3d-9e8f-0a1b2c3d4e5f';
const PLACEHOLDER = 'XXXXXXXX-XXXX-XXXX-XXXX-XXXXXXXXXXXX';

/** Every fix of the single finding, applied. */
function fixesOf(code: string, path = 'app.ts'): string[] {
  const hits = run(code, path);
  assert.equal(hits.length, 1, `expected one finding, got ${hits.length}`);
  return hits[0]!.finding.fixes.map((f) => applyFix(code, f));
}

const GENERATE = (headers: string, prelude = '') => `${prelude}export async function generate(prompt: string) {
  const res = await fetch('https://cloud.leonardo.ai/api/rest/v1/generations', {
    method: 'POST',
    headers: ${headers},
    body: JSON.stringify({ prompt, width: 1024, height: 768 }),
  });
  return res.json();
}
`;

test('a key in the authorization header: flagged on the key, redacted, replaced by process.env', () => {
  const code = GENERATE(`{ authorization: 'Bearer ${KEY}', 'content-type': 'application/json' }`);
  const hits = run(code);
  assert.deepEqual(hits.map((h) => [h.line, h.column, h.text]), [[4, 39, KEY]]);
  assert.equal(
    hits[0]!.message,
    'A Leonardo API key (`3f1b…`) is written in this file: anyone who can read it can spend your API credits. ' +
      "Read the key from the environment (`LEONARDO_API_KEY`) and revoke this one on Leonardo's API access page.",
  );
  assert.equal(hits[0]!.severity, 'warning');
  assert.equal(hits[0]!.finding.endpoint, 'POST /generations');
  const [fix] = hits[0]!.finding.fixes;
  assert.equal(fix!.preferred, false, 'the request fails until the variable is set: never applied unasked');
  assert.match(applyFix(code, fix!), /headers: \{ authorization: `Bearer \$\{process\.env\.LEONARDO_API_KEY\}`, 'content-type'/);
});

test('a key in a const: the literal is replaced where it is declared', () => {
  const direct = GENERATE('{ authorization: KEY }', `const KEY = "${KEY}";\n`);
  assert.deepEqual(rows(direct), [[1, 14, KEY]]);
  assert.match(fixesOf(direct)[0]!, /^const KEY = process\.env\.LEONARDO_API_KEY;/);

  const template = GENERATE('{ Authorization: `Bearer ${API_KEY}` }', `const API_KEY = '${KEY}';\n`);
  assert.deepEqual(rows(template), [[1, 18, KEY]]);
  assert.match(fixesOf(template)[0]!, /^const API_KEY = process\.env\.LEONARDO_API_KEY;/);
});

test('variables and properties named like a Leonardo key, and the SDK bearerAuth', () => {
  const code = `import { Leonardo } from '@leonardo-ai/sdk';
export const LEONARDO_API_KEY = process.env.LEONARDO_API_KEY ?? '${KEY}';
const config = { leonardoApiKey: "${KEY.replace('3f', '4e')}" };
export const leonardo = new Leonardo({ bearerAuth: \`${KEY.replace('3f', '5d')}\` });
`;
  assert.deepEqual(
    rows(code).map(([line, , text]) => [line, text]),
    [
      [2, KEY],
      [3, KEY.replace('3f', '4e')],
      [4, KEY.replace('3f', '5d')],
    ],
  );
  const fixed = run(code).map((h) => applyFix(code, h.finding.fixes[0]!));
  assert.match(fixed[0]!, /LEONARDO_API_KEY \?\? process\.env\.LEONARDO_API_KEY;/);
  assert.match(fixed[2]!, /new Leonardo\(\{ bearerAuth: process\.env\.LEONARDO_API_KEY \}\)/);
});

test('not keys: the docs placeholder, model ids and other UUIDs, generic names not sent as the key', () => {
  assert.deepEqual(rows(GENERATE(`{ authorization: 'Bearer ${PLACEHOLDER}' }`)), []);
  assert.deepEqual(rows(GENERATE("{ authorization: 'Bearer 00000000-0000-0000-0000-000000000000' }")), []);
  const ids = `const MODEL_ID = '${KEY}';
const apiKey = '${KEY.replace('3f', '6c')}'; // sent to another service below
${GENERATE('{ authorization: `Bearer ${process.env.LEONARDO_API_KEY}` }')}
await fetch('https://api.example.com/v1/things', { headers: { 'x-api-key': apiKey } });
`;
  assert.deepEqual(rows(ids), []);
});

test('curl: single-quoted header switched to double quotes, double-quoted header keeps its quotes', () => {
  const single = `curl --request POST \\
  --url https://cloud.leonardo.ai/api/rest/v1/generations \\
  --header 'authorization: Bearer ${KEY}' \\
  --header 'content-type: application/json' \\
  --data '{"prompt": "An oil painting of a cat"}'
`;
  const hits = run(single, 'generate.sh');
  assert.deepEqual(hits.map((h) => [h.line, h.column, h.text]), [[3, 35, KEY]]);
  assert.ok(!hits[0]!.message.includes(KEY));
  assert.match(fixesOf(single, 'generate.sh')[0]!, /--header "authorization: Bearer \$LEONARDO_API_KEY" \\/);

  const double = `curl -H "Authorization: Bearer ${KEY}" https://cloud.leonardo.ai/api/rest/v1/me\n`;
  assert.equal(fixesOf(double, 'me.sh')[0], 'curl -H "Authorization: Bearer $LEONARDO_API_KEY" https://cloud.leonardo.ai/api/rest/v1/me\n');

  const mixed = `curl -H 'Authorization: Bearer ${KEY}' -H 'x-note: "quoted"' https://cloud.leonardo.ai/api/rest/v1/me\n`;
  assert.equal(fixesOf(mixed, 'me.sh')[0], `curl -H "Authorization: Bearer $LEONARDO_API_KEY" -H 'x-note: "quoted"' https://cloud.leonardo.ai/api/rest/v1/me\n`);
  const escaped = `curl -H 'Authorization: Bearer ${KEY} \\' https://cloud.leonardo.ai/api/rest/v1/me\n`;
  assert.deepEqual(run(escaped, 'me.sh')[0]!.finding.fixes, [], 'a backslash would mean something else in double quotes');

  const docs = `curl -H 'authorization: Bearer ${PLACEHOLDER}' https://cloud.leonardo.ai/api/rest/v1/me\n`;
  assert.deepEqual(rows(docs, 'me.sh'), []);
});

test('shell variables: a Leonardo-named export, and a generic name the header reads', () => {
  const exported = `#!/usr/bin/env bash
export LEONARDO_API_KEY=${KEY}
curl -H "authorization: Bearer $LEONARDO_API_KEY" https://cloud.leonardo.ai/api/rest/v1/me
`;
  assert.deepEqual(rows(exported, 'me.sh'), [[2, 25, KEY]]);
  assert.match(fixesOf(exported, 'me.sh')[0]!, /^export LEONARDO_API_KEY="\$LEONARDO_API_KEY"$/m);

  const generic = `TOKEN='${KEY}'\ncurl -H "authorization: Bearer \${TOKEN}" https://cloud.leonardo.ai/api/rest/v1/me\n`;
  assert.deepEqual(rows(generic, 'me.sh'), [[1, 8, KEY]]);
  assert.match(fixesOf(generic, 'me.sh')[0]!, /^TOKEN="\$LEONARDO_API_KEY"$/m);

  const unrelated = `REQUEST_ID='${KEY}'\ncurl -H "authorization: Bearer $LEONARDO_API_KEY" -H "x-request-id: $REQUEST_ID" https://cloud.leonardo.ai/api/rest/v1/me\n`;
  assert.deepEqual(rows(unrelated, 'me.sh'), []);
});

test('.http files: a header and a file variable, replaced by {{$dotenv …}} or {{$processEnv …}}', () => {
  const header = `POST https://cloud.leonardo.ai/api/rest/v1/generations
Authorization: Bearer ${KEY}
Content-Type: application/json

{"prompt": "An oil painting of a cat"}
`;
  assert.deepEqual(rows(header, 'gen.http'), [[2, 23, KEY]]);
  const [dotenv, processEnv] = fixesOf(header, 'gen.http');
  assert.match(dotenv!, /^Authorization: Bearer \{\{\$dotenv LEONARDO_API_KEY\}\}$/m);
  assert.match(processEnv!, /^Authorization: Bearer \{\{\$processEnv LEONARDO_API_KEY\}\}$/m);

  const variable = `@apiKey = ${KEY}\n\nGET https://cloud.leonardo.ai/api/rest/v1/me\nAuthorization: Bearer {{apiKey}}\n`;
  assert.deepEqual(rows(variable, 'me.http'), [[1, 11, KEY]]);
  assert.match(fixesOf(variable, 'me.http')[0]!, /^@apiKey = \{\{\$dotenv LEONARDO_API_KEY\}\}$/m);
});

test('JSON and Markdown: a key-named property and a curl example', () => {
  assert.deepEqual(rows(`{\n  "leonardoApiKey": "${KEY}",\n  "modelId": "${KEY.replace('3f', '7a')}"\n}\n`, 'settings.json'), [[2, 22, KEY]]);
  const md = `## Try it\n\n\`\`\`bash\ncurl -H 'authorization: Bearer ${KEY}' https://cloud.leonardo.ai/api/rest/v1/me\n\`\`\`\n`;
  assert.deepEqual(rows(md, 'README.md'), [[4, 32, KEY]]);
  assert.match(fixesOf(md, 'README.md')[0]!, /curl -H "authorization: Bearer \$LEONARDO_API_KEY"/);
});

test('Postman: the bearer token of a collection that calls Leonardo, and a key-named variable', () => {
  const collection = JSON.stringify(
    {
      info: { _postman_id: '1b2c', name: 'Leonardo', schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json' },
      auth: { type: 'bearer', bearer: [{ key: 'token', value: KEY, type: 'string' }] },
      item: [{ name: 'Me', request: { method: 'GET', header: [], url: { raw: 'https://cloud.leonardo.ai/api/rest/v1/me' } } }],
      variable: [{ key: 'leonardoKey', value: KEY.replace('3f', '8b') }],
    },
    null,
    2,
  );
  const hits = run(collection, 'leonardo.postman_collection.json');
  assert.deepEqual(hits.map((h) => h.text), [KEY, KEY.replace('3f', '8b')]);
  assert.equal(hits[0]!.finding.fixes[0]!.edits[0]!.newText, '{{LEONARDO_API_KEY}}');
});
