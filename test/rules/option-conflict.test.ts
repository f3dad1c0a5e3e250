// option-conflict: field combinations the API rejects, judged with the SDK's defaults in SDK calls.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fixed, lint } from '../helpers/lint.js';

const RULE = 'option-conflict';
const HEADER = '// POST /generations\n';
const run = (code: string, path = 'app.ts') => lint(code, { rules: [RULE], path });
const rows = (code: string, path = 'app.ts') => run(code, path).map((h) => [h.line, h.column, h.text]);
const fix = (code: string, path = 'app.ts') => fixed(code, RULE, { path });

const KINO_XL = 'aa77f04e-3eec-4034-9c07-d0f619684628';
const FETCH = (body: string) => `const BASE = 'https://cloud.leonardo.ai/api/rest/v1';
export async function go(key: string, c: boolean, extra: object, modelId?: string) {
  return fetch(\`\${BASE}/generations\`, {
    method: 'POST',
    headers: { authorization: \`Bearer \${key}\`, 'content-type': 'application/json' },
    body: JSON.stringify(${body}),
  });
}
`;
const SDK = (args: string, method = 'image.createGeneration') => `import { Leonardo } from '@leonardo-ai/sdk';
const leonardo = new Leonardo({ bearerAuth: process.env.LEONARDO_API_KEY ?? '' });
export async function go(prompt: string, c: boolean) {
  return leonardo.${method}(${args});
}
`;

test('photoReal v1 with a modelId (JSON file): on modelId, the API error, fix removes it', () => {
  const code = `${HEADER}{
  "prompt": "a portrait in a sunflower field",
  "modelId": "${KINO_XL}",
  "photoReal": true,
  "alchemy": true,
  "photoRealVersion": "v1"
}`;
  const hits = run(code, 'request.jsonc');
  assert.deepEqual(hits.map((h) => [h.line, h.column, h.text]), [[4, 3, '"modelId"']]);
  assert.match(hits[0]!.message, /photoReal v1 picks its own model: with `modelId` set, the API answers `photoreal mode, unexpected model id provided`/);
  assert.equal(hits[0]!.finding.apiError, 'photoreal mode, unexpected model id provided');
  assert.equal(hits[0]!.finding.endpoint, 'POST /generations');
  const out = fix(code, 'request.jsonc');
  assert.equal(out, `${HEADER}{
  "prompt": "a portrait in a sunflower field",
  "photoReal": true,
  "alchemy": true,
  "photoRealVersion": "v1"
}`);
  JSON.parse(out.slice(HEADER.length));
});

test('photoReal without photoRealVersion is v1: a modelId conflicts (fetch)', () => {
  const code = FETCH(`{ prompt: 'a fox', modelId: '${KINO_XL}', photoReal: true }`);
  assert.deepEqual(rows(code), [[6, 45, 'modelId']]);
  assert.equal(fix(code).includes(`JSON.stringify({ prompt: 'a fox', photoReal: true })`), true);
});

test('SDK photoReal v1 without modelId: null: the SDK default model is sent; on photoReal, fix adds modelId: null', () => {
  const code = SDK(`{
    prompt,
    photoReal: true,
    photoRealVersion: 'v1',
    numImages: 2,
  }`);
  const hits = run(code);
  assert.deepEqual(hits.map((h) => [h.line, h.column, h.text]), [[6, 5, 'photoReal']]);
  assert.match(hits[0]!.message, /the SDK sends its default `modelId` when the call does not set `modelId: null`/);
  assert.equal(fix(code).includes(`    numImages: 2,\n    modelId: null,\n  })`), true);
});

test('SDK photoReal v1 with an explicit modelId: the fix sets it to null (removing would bring the default back)', () => {
  const code = SDK(`{ prompt, photoReal: true, modelId: '${KINO_XL}' }`);
  assert.deepEqual(rows(code).map((r) => r[2]), ['modelId']);
  assert.equal(fix(code).includes(`{ prompt, photoReal: true, modelId: null }`), true);
});

test('photoReal with alchemy: false: on alchemy, fix sets it to true', () => {
  const code = `${HEADER}{"prompt": "x", "photoReal": true, "alchemy": false}`;
  assert.deepEqual(rows(code, 'r.jsonc'), [[2, 36, '"alchemy"']]);
  assert.match(run(code, 'r.jsonc')[0]!.message, /photoReal requires alchemy/);
  assert.equal(fix(code, 'r.jsonc'), `${HEADER}{"prompt": "x", "photoReal": true, "alchemy": true}`);
});

test('ultra with alchemy: explicit in a raw body (on alchemy), the SDK default in an SDK call (on ultra)', () => {
  const raw = run(FETCH(`{ prompt: 'x', ultra: true, alchemy: true }`));
  assert.deepEqual(raw.map((h) => h.text), ['alchemy']);
  assert.match(raw[0]!.message, /ultra cannot be combined with alchemy/);
  assert.notEqual(raw[0]!.finding.fixes[0]!.preferred, true, 'turning alchemy off is one of two choices');
  const sdk = run(SDK(`{ prompt, ultra: true }`));
  assert.deepEqual(sdk.map((h) => h.text), ['ultra']);
  assert.match(sdk[0]!.message, /the SDK sends `alchemy: true` unless the call sets it/);
  assert.equal(sdk[0]!.finding.fixes[0]!.title, 'Add `alchemy: false`');
  assert.deepEqual(rows(SDK(`{ prompt, ultra: true, alchemy: false }`)), []);
  assert.deepEqual(rows(FETCH(`{ prompt: 'x', ultra: true }`)), [], 'a raw request without alchemy');
});

test('unzoom without unzoomAmount or an init image', () => {
  const hits = run(`${HEADER}{"prompt": "x", "unzoom": true}`, 'r.jsonc');
  assert.deepEqual(hits.map((h) => h.text), ['"unzoom"']);
  assert.match(hits[0]!.message, /this request has no `unzoomAmount` and no `init_image_id`/);
  const amountOnly = run(`${HEADER}{"prompt": "x", "unzoom": true, "unzoomAmount": 1.2}`, 'r.jsonc');
  assert.match(amountOnly[0]!.message, /has no `init_image_id`: the API rejects it/);
  assert.deepEqual(rows(`${HEADER}{"prompt": "x", "unzoom": true, "unzoomAmount": 1.2, "init_image_id": "${KINO_XL}"}`, 'r.jsonc'), []);
});

test('upscalerStyle with ultraUpscaleStyle; the SDK sends upscalerStyle "GENERAL" by default', () => {
  const code = `// POST /variations/universal-upscaler
{"initImageId": "${KINO_XL}", "upscalerStyle": "CINEMATIC", "ultraUpscaleStyle": "REALISTIC"}`;
  const hits = run(code, 'u.jsonc');
  assert.deepEqual(hits.map((h) => h.text), ['"upscalerStyle"']);
  assert.equal(hits[0]!.finding.endpoint, 'POST /variations/universal-upscaler');
  assert.deepEqual(hits[0]!.finding.fixes.map((f) => [f.title, f.preferred ?? false]), [
    ['Remove `upscalerStyle`', false],
    ['Remove `ultraUpscaleStyle`', false],
  ]);
  const sdk = SDK(`{ initImageId: '${KINO_XL}', ultraUpscaleStyle: 'ARTISTIC' }`, 'variation.createUniversalUpscalerJob');
  const sdkHits = run(sdk);
  assert.deepEqual(sdkHits.map((h) => h.text), ['ultraUpscaleStyle']);
  assert.equal(fix(sdk).includes(`ultraUpscaleStyle: 'ARTISTIC', upscalerStyle: null }`), true);
});

test('photoReal v2 without a modelId in a raw request: on photoRealVersion', () => {
  const hits = run(FETCH(`{ prompt: 'x', photoReal: true, photoRealVersion: 'v2', alchemy: true }`));
  assert.deepEqual(hits.map((h) => h.text), ['photoRealVersion']);
  assert.match(hits[0]!.message, /photoReal v2 needs a `modelId`/);
  assert.deepEqual(hits[0]!.finding.fixes, []);
});

test('not flagged: photoReal v2 with a model id, the clean SDK call, photoReal off', () => {
  assert.deepEqual(rows(FETCH(`{ prompt: 'x', modelId: '${KINO_XL}', photoReal: true, photoRealVersion: 'v2', alchemy: true }`)), []);
  assert.deepEqual(rows(SDK(`{ prompt, modelId: null, photoReal: true, photoRealVersion: 'v1', alchemy: true }`)), []);
  assert.deepEqual(rows(SDK(`{ prompt, photoReal: true, photoRealVersion: 'v2' }`)), [], 'the SDK sends its default model');
  assert.deepEqual(rows(FETCH(`{ prompt: 'x', modelId: '${KINO_XL}', photoReal: false }`)), []);
  assert.deepEqual(rows(FETCH(`{ prompt: 'x', modelId: null, photoReal: true }`)), []);
  assert.deepEqual(rows(FETCH(`{ prompt: 'x', photoReal: true }`)), [], 'alchemy omitted in a raw request');
});

test('not flagged: conditional, unknown and spread values', () => {
  assert.deepEqual(rows(FETCH(`{ prompt: 'x', photoReal: true, ...(c && { modelId: '${KINO_XL}' }) }`)), []);
  assert.deepEqual(rows(FETCH(`{ prompt: 'x', photoReal: c, modelId: '${KINO_XL}' }`)), []);
  assert.deepEqual(rows(FETCH(`{ prompt: 'x', photoReal: true, modelId }`)), []);
  assert.deepEqual(rows(FETCH(`{ prompt: 'x', photoReal: true, photoRealVersion: c ? 'v1' : 'v2', modelId: '${KINO_XL}' }`)), []);
  assert.deepEqual(rows(SDK(`{ prompt, photoReal: true, ...(c ? { modelId: null } : {}) }`)), []);
  const spread = `import { Leonardo } from '@leonardo-ai/sdk';
const leonardo = new Leonardo({ bearerAuth: '' });
export const go = (options: object) => leonardo.image.createGeneration({ prompt: 'x', photoReal: true, ...options });
`;
  assert.deepEqual(rows(spread), [], 'unknown keys may hold modelId: null');
});

test('not flagged: v2 API requests and other providers', () => {
  const v2 = `export const go = () => fetch('https://cloud.leonardo.ai/api/rest/v2/generations', {
  method: 'POST',
  body: JSON.stringify({ model: 'lucid-realism', parameters: { photoReal: true, modelId: '${KINO_XL}' } }),
});`;
  assert.deepEqual(rows(v2), []);
  const other = `export const go = () => fetch('https://api.example.com/v1/generations', {
  method: 'POST',
  body: JSON.stringify({ prompt: 'x', photoReal: true, modelId: '${KINO_XL}', ultra: true, alchemy: true }),
});`;
  assert.deepEqual(rows(other), []);
});
