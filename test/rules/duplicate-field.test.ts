// duplicate-field: the same key twice in one object literal or JSON object; the earlier one is ignored.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fixed, lint } from '../helpers/lint.js';

const RULE = 'duplicate-field';
const run = (code: string, path = 'app.ts') => lint(code, { rules: [RULE], path });
const rows = (code: string, path = 'app.ts') => run(code, path).map((h) => [h.line, h.column, h.text]);
const fix = (code: string, path = 'app.ts') => fixed(code, RULE, { path });

test('a key twice in a JSON request file: on the earlier one, fix removes it', () => {
  const code = `{
  "prompt": "A portrait of an astronaut in a sunflower field",
  "num_images": 4,
  "width": 832,
  "num_images": 2
}`;
  const hits = run(code, 'portrait.leonardo.json');
  assert.deepEqual(hits.map((h) => [h.line, h.column, h.text]), [[3, 3, '"num_images"']]);
  assert.equal(
    hits[0]!.message,
    '`num_images` is set again later in this object; only the later value is sent, this one is ignored.',
  );
  assert.equal(hits[0]!.severity, 'warning');
  assert.equal(hits[0]!.finding.endpoint, 'POST /generations');
  const out = fix(code, 'portrait.leonardo.json');
  assert.equal(out, `{
  "prompt": "A portrait of an astronaut in a sunflower field",
  "width": 832,
  "num_images": 2
}`);
  assert.deepEqual(JSON.parse(out), JSON.parse(code), 'removing the earlier key sends the same request');
});

test('three times: each earlier one is reported; nested objects too', () => {
  const code = `// POST /generations
{"prompt": "a", "prompt": "b", "prompt": "c", "controlnets": [{"weight": 0.5, "preprocessorId": 67, "weight": 0.7}]}`;
  assert.deepEqual(rows(code, 'r.jsonc'), [
    [2, 2, '"prompt"'],
    [2, 17, '"prompt"'],
    [2, 64, '"weight"'],
  ]);
});

test('an object literal in a fetch body and in an SDK call', () => {
  const raw = `export const go = (key: string) => fetch('https://cloud.leonardo.ai/api/rest/v1/generations', {
  method: 'POST',
  headers: { authorization: \`Bearer \${key}\` },
  body: JSON.stringify({ prompt: 'a fox', width: 512, height: 512, width: 768 }),
});
`;
  assert.deepEqual(rows(raw), [[4, 43, 'width']]);
  assert.equal(fix(raw).includes(`JSON.stringify({ prompt: 'a fox', height: 512, width: 768 })`), true);
  const sdk = `import { Leonardo } from '@leonardo-ai/sdk';
const leonardo = new Leonardo({ bearerAuth: process.env.LEONARDO_API_KEY ?? '' });
export const go = () => leonardo.image.createGeneration({
  prompt: 'a fox',
  numImages: 2,
  'numImages': 1,
});
`;
  assert.deepEqual(rows(sdk), [[5, 3, 'numImages']]);
});

test('one literal shared by two requests is reported once', () => {
  const code = `const body = { prompt: 'a', prompt: 'b' };
export const one = () => fetch('https://cloud.leonardo.ai/api/rest/v1/generations', { method: 'POST', body: JSON.stringify(body) });
export const two = () => fetch('https://cloud.leonardo.ai/api/rest/v1/generations', { method: 'POST', body: JSON.stringify(body) });
`;
  assert.deepEqual(rows(code), [[1, 16, 'prompt']]);
});

test('not flagged: deliberate overrides (spreads, assignments, Object.assign, conditional pieces)', () => {
  const code = `const defaults = { prompt: 'a default', width: 512, num_images: 1 };
export async function go(key: string, c: boolean, prompt: string) {
  const body: Record<string, unknown> = { ...defaults, prompt, ...(c ? { width: 768 } : { width: 1024 }) };
  body.num_images = 2;
  if (c) body.prompt = 'x';
  Object.assign(body, { width: 640 });
  return fetch('https://cloud.leonardo.ai/api/rest/v1/generations', {
    method: 'POST',
    headers: { authorization: \`Bearer \${key}\` },
    body: JSON.stringify(body),
  });
}
`;
  assert.deepEqual(rows(code), []);
});

test('not flagged: aliases are different keys; v2 requests and other providers', () => {
  const sdk = `import { Leonardo } from '@leonardo-ai/sdk';
const leonardo = new Leonardo({ bearerAuth: '' });
export const go = () => leonardo.image.createGeneration({ prompt: 'a', numImages: 2, num_images: 2 });
`;
  assert.deepEqual(rows(sdk), [], 'num_images is unknown-field, not a duplicate');
  const v2 = `export const go = () => fetch('https://cloud.leonardo.ai/api/rest/v2/generations', {
  method: 'POST',
  body: JSON.stringify({ model: 'x', public: false, public: true }),
});`;
  assert.deepEqual(rows(v2), []);
  const other = `export const go = () => fetch('https://api.example.com/v1/images', {
  method: 'POST',
  body: JSON.stringify({ prompt: 'a', prompt: 'b' }),
});`;
  assert.deepEqual(rows(other), []);
  assert.deepEqual(rows('{"name": "x", "name": "y"}', 'package.json'), [], 'not a request file');
});
