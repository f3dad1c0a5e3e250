// deprecated-field: controlNet, controlNetType, weighting (and any field the API marks deprecated).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lint } from '../helpers/lint.js';

const RULE = 'deprecated-field';
const HEADER = '// POST /generations\n';
const run = (code: string, path = 'app.ts') => lint(code, { rules: [RULE], path });

test('the three deprecated /generations fields (JSON file): on the key, pointing to controlnets', () => {
  const code = `${HEADER}{
  "prompt": "a dancer",
  "controlNet": true,
  "controlNetType": "POSE",
  "weighting": 0.6,
  "init_image_id": "5f1e6d2a-7c0b-4d2e-9a4f-3b8c1e2d4f60"
}`;
  const hits = run(code, 'r.jsonc');
  assert.deepEqual(hits.map((h) => [h.line, h.column, h.text]), [
    [4, 3, '"controlNet"'],
    [5, 3, '"controlNetType"'],
    [6, 3, '"weighting"'],
  ]);
  assert.equal(
    hits[0]!.message,
    '`controlNet` is deprecated (since September 2024): the API may ignore it. Use an entry in the `controlnets` array instead.',
  );
  assert.match(hits[1]!.message, /Use `controlnets\[\]\.preprocessorId`/);
  assert.match(hits[2]!.message, /Use `controlnets\[\]\.weight`/);
  assert.equal(hits[0]!.severity, 'warning');
  assert.equal(hits[0]!.finding.endpoint, 'POST /generations');
  assert.deepEqual(hits.flatMap((h) => h.finding.fixes), [], 'no mechanical rewrite exists');
});

test('SDK call and fetch body', () => {
  const sdk = `import { Leonardo } from '@leonardo-ai/sdk';
const leonardo = new Leonardo({ bearerAuth: process.env.LEONARDO_API_KEY ?? '' });
export const go = (prompt: string) => leonardo.image.createGeneration({ prompt, controlNet: false });
`;
  assert.deepEqual(run(sdk).map((h) => [h.line, h.column, h.text]), [[3, 81, 'controlNet']]);
  const raw = `export async function go(key: string, c: boolean) {
  const body: Record<string, unknown> = { prompt: 'a dancer' };
  if (c) body.weighting = 0.5;
  return fetch('https://cloud.leonardo.ai/api/rest/v1/generations', {
    method: 'POST',
    headers: { authorization: \`Bearer \${key}\` },
    body: JSON.stringify(body),
  });
}
`;
  assert.deepEqual(run(raw).map((h) => h.text), ['weighting'], 'sent on some paths: still deprecated');
});

test('not flagged: controlnets, other endpoints, v2 requests and other providers', () => {
  const code = `${HEADER}{
  "prompt": "a dancer",
  "controlnets": [{ "initImageId": "5f1e6d2a-7c0b-4d2e-9a4f-3b8c1e2d4f60", "initImageType": "UPLOADED", "preprocessorId": 67, "weight": 0.6 }]
}`;
  assert.deepEqual(run(code, 'r.jsonc'), []);
  assert.deepEqual(run(`// POST /generations-text-to-video\n{"prompt": "x", "weighting": 1}`, 'v.jsonc'), [], 'not a field there');
  const other = `export const go = () => fetch('https://api.example.com/v1/generations', {
  method: 'POST',
  body: JSON.stringify({ prompt: 'x', controlNet: true, weighting: 1 }),
});`;
  assert.deepEqual(run(other), []);
  const v2 = `export const go = () => fetch('https://cloud.leonardo.ai/api/rest/v2/generations', {
  method: 'POST',
  body: JSON.stringify({ model: 'x', parameters: { controlNet: true } }),
});`;
  assert.deepEqual(run(v2), []);
});
