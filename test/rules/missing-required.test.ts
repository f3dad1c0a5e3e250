// missing-required: required fields absent (on the opening brace) or null (on the key).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fixed, lint } from '../helpers/lint.js';

const RULE = 'missing-required';
const HEADER = '// POST /generations\n';
const run = (code: string, path = 'app.ts') => lint(code, { rules: [RULE], path });
const rows = (code: string, path = 'app.ts') => run(code, path).map((h) => [h.line, h.column, h.text]);
const fix = (code: string, path = 'app.ts') => fixed(code, RULE, { path });

const FETCH = (body: string) => `const BASE = 'https://cloud.leonardo.ai/api/rest/v1';
export async function go(key: string, c: boolean, extra: Record<string, unknown>, prompt?: string) {
  return fetch(\`\${BASE}/generations\`, {
    method: 'POST',
    headers: { authorization: \`Bearer \${key}\`, 'content-type': 'application/json' },
    body: JSON.stringify(${body}),
  });
}
`;
const SDK = (call: string) => `import { Leonardo } from '@leonardo-ai/sdk';
const leonardo = new Leonardo({ bearerAuth: process.env.LEONARDO_API_KEY ?? '' });
export async function go(c: boolean, prompt: string) {
  return ${call};
}
`;

test('prompt absent from POST /generations: on the opening brace, with the API error', () => {
  const code = `${HEADER}{
  "modelId": "de7d3faf-762f-48e0-b3b7-9d0ac3a3fcf3",
  "width": 1024
}`;
  const [hit, ...rest] = run(code, 'request.jsonc');
  assert.equal(rest.length, 0);
  assert.deepEqual([hit!.line, hit!.column, hit!.text], [2, 1, '{']);
  assert.equal(
    hit!.message,
    '`prompt` is required by POST /generations and is missing: the API answers `expecting a value for non-nullable variable: "prompt"`.',
  );
  assert.equal(hit!.finding.apiError, 'expecting a value for non-nullable variable: "prompt"');
  assert.equal(hit!.finding.endpoint, 'POST /generations');
  assert.equal(hit!.severity, 'error');
});

test('the insert fix adds a typed placeholder and is not preferred', () => {
  const code = `${HEADER}{
  "width": 1024
}`;
  const [hit] = run(code, 'request.jsonc');
  const fixes = hit!.finding.fixes;
  assert.equal(fixes.length, 1);
  assert.notEqual(fixes[0]!.preferred, true);
  assert.equal(
    fix(code, 'request.jsonc'),
    `${HEADER}{
  "width": 1024,
  "prompt": "TODO: describe what to generate"
}`,
  );
  // The fixed text is valid JSON (after the comment line).
  JSON.parse(fix(code, 'request.jsonc').slice(HEADER.length));
});

test('prompt: null sits on the key; the fix replaces the null', () => {
  const code = `${HEADER}{"prompt": null, "width": 512}`;
  assert.deepEqual(rows(code, 'request.jsonc'), [[2, 2, '"prompt"']]);
  assert.match(run(code, 'request.jsonc')[0]!.message, /`prompt` is required by POST \/generations but is null/);
  assert.equal(fix(code, 'request.jsonc'), `${HEADER}{"prompt": "TODO: describe what to generate", "width": 512}`);
});

test('upload extension, variation id and motion imageId are required on their endpoints', () => {
  assert.deepEqual(rows('// POST /init-image\n{}', 'a.jsonc'), [[2, 1, '{']]);
  assert.equal(fixed('// POST /init-image\n{}', RULE, { path: 'a.jsonc' }), '// POST /init-image\n{ "extension": "png"}');
  assert.deepEqual(rows('// POST /variations/upscale\n{"isVariation": true}', 'a.jsonc'), [[2, 1, '{']]);
  const [motion] = run('// POST /generations-motion-svd\n{"motionStrength": 5}', 'a.jsonc');
  assert.match(motion!.message, /`imageId` is required by POST \/generations-motion-svd/);
  // An id placeholder is the docs' UUID placeholder (UUID-shaped: invalid-id stays quiet).
  assert.equal(
    fixed('// POST /generations-motion-svd\n{"motionStrength": 5}', RULE, { path: 'a.jsonc' }),
    '// POST /generations-motion-svd\n{"motionStrength": 5, "imageId": "XXXXXXXX-XXXX-XXXX-XXXX-XXXXXXXXXXXX"}',
  );
});

test('nested required fields: elements[].akUUID, on the element brace', () => {
  const code = `${HEADER}{
  "prompt": "a lighthouse",
  "elements": [{ "weight": 0.8 }, { "akUUID": "b7c6e9e5-2d38-4b8e-9a51-2b0f6a1d2c3e" }]
}`;
  const hits = run(code, 'request.jsonc');
  assert.deepEqual(hits.map((h) => [h.line, h.column, h.text]), [[4, 16, '{']]);
  assert.match(hits[0]!.message, /`akUUID` is required by POST \/generations in `elements\[\]` and is missing/);
});

test('raw fetch: absent prompt on the literal brace, a JS placeholder in the literal quote style', () => {
  const code = FETCH(`{ modelId: 'de7d3faf-762f-48e0-b3b7-9d0ac3a3fcf3', width: 512 }`);
  assert.deepEqual(rows(code), [[6, 26, '{']]);
  assert.match(
    fix(code),
    /body: JSON\.stringify\(\{ modelId: 'de7d3faf-762f-48e0-b3b7-9d0ac3a3fcf3', width: 512, prompt: 'TODO: describe what to generate' \}\)/,
  );
});

test('raw fetch: prompt: undefined is left out by JSON.stringify', () => {
  const hits = run(FETCH(`{ prompt: undefined, width: 512 }`));
  assert.equal(hits.length, 1);
  assert.equal(hits[0]!.text, 'prompt');
  assert.match(hits[0]!.message, /but is undefined, which JSON\.stringify leaves out/);
});

test('one side of a conditional that is null is checked', () => {
  const hits = run(FETCH(`{ prompt: c ? 'a fox' : null }`));
  assert.equal(hits.length, 1);
  assert.match(hits[0]!.message, /but is null on one path/);
  assert.equal(fix(FETCH(`{ prompt: c ? 'a fox' : null }`)).includes(`prompt: c ? 'a fox' : 'TODO: describe what to generate'`), true);
});

test('SDK: the SDK fills prompt with its default, so createGeneration({}) is not reported', () => {
  assert.deepEqual(rows(SDK(`leonardo.image.createGeneration({ width: 512, height: 512 })`)), []);
  assert.deepEqual(rows(SDK(`leonardo.image.createGeneration({})`)), []);
});

test('SDK: a required field without an SDK default is reported, with the SDK name', () => {
  const hits = run(SDK(`leonardo.initImages.uploadInitImage({})`));
  assert.equal(hits.length, 1);
  assert.match(hits[0]!.message, /`extension` is required by POST \/init-image/);
  const video = run(SDK(`leonardo.motion.createSVDMotionGeneration({ motionStrength: 5 })`));
  assert.match(video[0]!.message, /`imageId` is required/);
});

test('not flagged: complete bodies, unknown keys, conditional and unknown values', () => {
  assert.deepEqual(rows(`${HEADER}{"prompt": "a castle"}`, 'request.jsonc'), []);
  assert.deepEqual(rows(FETCH(`{ prompt, width: 512 }`)), []);
  assert.deepEqual(rows(FETCH(`{ ...extra, width: 512 }`)), [], 'a spread of unknown keys may hold prompt');
  assert.deepEqual(rows(FETCH(`{ width: 512, ...(c && { prompt: 'x' }) }`)), [], 'conditionally present');
  assert.deepEqual(rows(FETCH(`{ prompt: c ? 'x' : null, ...(c && { x: 1 }) }`)).length, 1);
  assert.deepEqual(rows(FETCH(`{ prompt: prompt ?? 'a default' }`)), []);
  assert.deepEqual(rows(`${HEADER}{"prompt": "x", "negative_prompt": null}`, 'request.jsonc'), [], 'nullable optional field');
});

test('not flagged: v2 API requests and other providers', () => {
  const v2 = `export const go = (key: string) => fetch('https://cloud.leonardo.ai/api/rest/v2/generations', {
  method: 'POST',
  headers: { authorization: \`Bearer \${key}\` },
  body: JSON.stringify({ model: 'gemini-2.5-flash-image', parameters: { prompt: 'a fox', width: 1024, height: 1024 }, public: false }),
});`;
  assert.deepEqual(rows(v2), []);
  const other = `export const go = () => fetch('https://api.openai.com/v1/images/generations', {
  method: 'POST',
  body: JSON.stringify({ prompt: null, model: 'dall-e-3' }),
});`;
  assert.deepEqual(rows(other), []);
});
