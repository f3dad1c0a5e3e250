// ineffective-option: fields the API ignores without their companion, sd_version next to a model,
// and a presetStyle meant for the other alchemy setting.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fixed, lint } from '../helpers/lint.js';

const RULE = 'ineffective-option';
const HEADER = '// POST /generations\n';
const run = (code: string, path = 'app.ts') => lint(code, { rules: [RULE], path });
const texts = (code: string, path = 'app.ts') => run(code, path).map((h) => h.text);
const fix = (code: string, path = 'app.ts') => fixed(code, RULE, { path });

const MODEL = 'de7d3faf-762f-48e0-b3b7-9d0ac3a3fcf3';
const FETCH = (body: string) => `const BASE = 'https://cloud.leonardo.ai/api/rest/v1';
export async function go(key: string, c: boolean, extra: object, magic: boolean) {
  const body: Record<string, unknown> = ${body};
  return fetch(\`\${BASE}/generations\`, {
    method: 'POST',
    headers: { authorization: \`Bearer \${key}\`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}
`;
const SDK = (args: string, method = 'image.createGeneration') => `import { Leonardo } from '@leonardo-ai/sdk';
const leonardo = new Leonardo({ bearerAuth: process.env.LEONARDO_API_KEY ?? '' });
export async function go(prompt: string) {
  return leonardo.${method}(${args});
}
`;

test('promptMagicStrength without promptMagic (the example route): on the key, removal offered', () => {
  const code = FETCH(`{
    prompt: 'a lighthouse',
    promptMagicStrength: 0.5,
    width: 1024,
  }`);
  const hits = run(code);
  assert.deepEqual(hits.map((h) => [h.line, h.column, h.text]), [[5, 5, 'promptMagicStrength']]);
  assert.equal(hits[0]!.message, '`promptMagicStrength` has no effect without `promptMagic: true`: the API ignores it.');
  assert.equal(hits[0]!.severity, 'warning');
  assert.equal(hits[0]!.finding.endpoint, 'POST /generations');
  assert.equal(fix(code).includes(`    prompt: 'a lighthouse',\n    width: 1024,\n`), true);
});

test('each companion pair (JSON file)', () => {
  const code = `${HEADER}{
  "prompt": "x",
  "promptMagic": false,
  "promptMagicVersion": "v3",
  "enhancePromptInstruction": "make it moody",
  "imagePrompts": [],
  "imagePromptWeight": 0.4,
  "unzoomAmount": 1.2,
  "photoRealStrength": 0.45,
  "photoRealVersion": "v2"
}`;
  const hits = run(code, 'r.jsonc');
  assert.deepEqual(hits.map((h) => h.text), [
    '"promptMagicVersion"',
    '"enhancePromptInstruction"',
    '"imagePromptWeight"',
    '"unzoomAmount"',
    '"photoRealStrength"',
    '"photoRealVersion"',
  ]);
  assert.match(hits[1]!.message, /without `enhancePrompt: true`/);
  assert.match(hits[2]!.message, /without `imagePrompts`/);
  assert.match(hits[3]!.message, /without `unzoom: true`/);
  assert.match(hits[4]!.message, /without `photoReal: true`/);
  const out = fix(`${HEADER}{"prompt": "x", "unzoomAmount": 1.2}`, 'r.jsonc');
  assert.equal(out, `${HEADER}{"prompt": "x"}`);
});

test('video endpoints: promptEnhanceInstruction without promptEnhance', () => {
  const code = `// POST /generations-text-to-video
{"prompt": "waves at dawn", "promptEnhanceInstruction": "make it cinematic"}`;
  assert.deepEqual(texts(code, 'v.jsonc'), ['"promptEnhanceInstruction"']);
  const sdk = SDK(`{ prompt, imageId: '${MODEL}', imageType: 'GENERATED', promptEnhanceInstruction: 'slow motion' }`, 'motion.createImageToVideoGeneration');
  assert.deepEqual(texts(sdk), ['promptEnhanceInstruction']);
  assert.deepEqual(texts(`// POST /generations-text-to-video
{"prompt": "waves", "promptEnhance": true, "promptEnhanceInstruction": "make it cinematic"}`, 'v.jsonc'), []);
});

test('sd_version with a modelId: raw body; in an SDK call the SDK default model overrides sdVersion', () => {
  const raw = run(`${HEADER}{"prompt": "x", "modelId": "${MODEL}", "sd_version": "SDXL_1_0"}`, 'r.jsonc');
  assert.deepEqual(raw.map((h) => h.text), ['"sd_version"']);
  assert.match(raw[0]!.message, /`sd_version` has no effect when `modelId` is set/);
  const sdk = run(SDK(`{ prompt, sdVersion: 'SDXL_1_0' }`));
  assert.deepEqual(sdk.map((h) => h.text), ['sdVersion']);
  assert.match(sdk[0]!.message, /the SDK sends its default `modelId` unless the call sets `modelId: null`/);
  assert.deepEqual(sdk[0]!.finding.fixes.map((f) => [f.title, f.preferred ?? false]), [
    ['Remove `sdVersion`', false],
    ['Add `modelId: null`', false],
  ]);
  assert.deepEqual(texts(SDK(`{ prompt, sdVersion: 'SDXL_1_0', modelId: null }`)), []);
  assert.deepEqual(texts(`${HEADER}{"prompt": "x", "sd_version": "SDXL_1_0"}`, 'r.jsonc'), []);
});

test('presetStyle for the other alchemy setting; an omitted alchemy is on', () => {
  const off = run(`${HEADER}{"prompt": "x", "alchemy": false, "presetStyle": "ANIME"}`, 'r.jsonc');
  assert.deepEqual(off.map((h) => h.text), ['"presetStyle"']);
  assert.match(off[0]!.message, /presetStyle "ANIME" applies only with alchemy on; here alchemy is off/);
  assert.notEqual(off[0]!.finding.fixes[0]!.preferred, true);
  const omitted = run(`${HEADER}{"prompt": "x", "presetStyle": "LEONARDO"}`, 'r.jsonc');
  assert.match(omitted[0]!.message, /applies only with alchemy off; here alchemy is on \(its default\)/);
  const sdk = run(SDK(`{ prompt, presetStyle: 'LEONARDO' }`));
  assert.deepEqual(sdk.map((h) => h.text), ['presetStyle']);
});

test('presetStyle not judged: photoReal or ultra on, styles listed for both, unknown alchemy', () => {
  assert.deepEqual(texts(`${HEADER}{"prompt": "x", "alchemy": true, "photoReal": true, "presetStyle": "CINEMATIC"}`, 'r.jsonc'), []);
  assert.deepEqual(texts(`${HEADER}{"prompt": "x", "ultra": true, "alchemy": false, "presetStyle": "DYNAMIC"}`, 'r.jsonc'), []);
  assert.deepEqual(texts(`${HEADER}{"prompt": "x", "alchemy": false, "presetStyle": "NONE"}`, 'r.jsonc'), []);
  assert.deepEqual(texts(`${HEADER}{"prompt": "x", "alchemy": true, "presetStyle": "CINEMATIC"}`, 'r.jsonc'), [], 'photoReal-only style');
  assert.deepEqual(texts(FETCH(`{ prompt: 'x', alchemy: c, presetStyle: 'LEONARDO' }`)), []);
  assert.deepEqual(texts(FETCH(`{ prompt: 'x', presetStyle: 'LEONARDO', ...extra }`)), []);
});

test('not flagged: companions on, conditional or unknown, and unknown values', () => {
  assert.deepEqual(texts(FETCH(`{ prompt: 'x', promptMagic: true, promptMagicStrength: 0.5 }`)), []);
  assert.deepEqual(texts(FETCH(`{ prompt: 'x', promptMagic: magic, promptMagicStrength: 0.5 }`)), []);
  assert.deepEqual(texts(FETCH(`{ prompt: 'x', ...(c && { promptMagic: true }), promptMagicStrength: 0.5 }`)), []);
  assert.deepEqual(texts(FETCH(`{ prompt: 'x', ...extra, promptMagicStrength: 0.5 }`)), []);
  assert.deepEqual(texts(FETCH(`{ prompt: 'x', promptMagicStrength: extra }`)), [], 'an unknown value may be undefined');
  assert.deepEqual(texts(FETCH(`{ prompt: 'x', imagePrompts: ['${MODEL}'], imagePromptWeight: 0.4 }`)), []);
  assert.deepEqual(texts(FETCH(`{ prompt: 'x', photoReal: true, photoRealStrength: 0.5 }`)), []);
  assert.deepEqual(texts(FETCH(`{ prompt: 'x', promptMagicStrength: null }`)), []);
  const later = `const BASE = 'https://cloud.leonardo.ai/api/rest/v1';
export async function go(key: string, c: boolean) {
  const body: Record<string, unknown> = { prompt: 'x', promptMagicStrength: 0.5 };
  if (c) body.promptMagic = true;
  return fetch(\`\${BASE}/generations\`, { method: 'POST', headers: { authorization: key }, body: JSON.stringify(body) });
}
`;
  assert.deepEqual(texts(later), [], 'a companion assigned conditionally');
});

test('not flagged: v2 API requests and other providers', () => {
  const v2 = `export const go = () => fetch('https://cloud.leonardo.ai/api/rest/v2/generations', {
  method: 'POST',
  body: JSON.stringify({ model: 'flux-pro-2.0', parameters: { promptMagicStrength: 0.5, prompt_enhance: 'OFF' } }),
});`;
  assert.deepEqual(texts(v2), []);
  const other = `export const go = () => fetch('https://api.example.com/generations', {
  method: 'POST',
  body: JSON.stringify({ prompt: 'x', promptMagicStrength: 0.5, unzoomAmount: 2 }),
});`;
  assert.deepEqual(texts(other), []);
});
