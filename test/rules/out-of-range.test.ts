// out-of-range: numbers outside a field's range or discrete set; width/height and num_images skipped.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fixed, lint } from '../helpers/lint.js';

const RULE = 'out-of-range';
const only = { rules: [RULE] };
const HEADER = '// POST /generations\n';
const json = (code: string) => lint(code, { ...only, path: 'request.jsonc' });
const fix = (code: string) => fixed(code, RULE, { path: 'request.jsonc' });

test('above the maximum: on the value, clamped to it', () => {
  const code = `${HEADER}{
  "prompt": "a quiet library",
  "guidance_scale": 25,
  "num_inference_steps": 5
}`;
  const hits = json(code);
  assert.deepEqual(hits.map((h) => [h.line, h.column, h.text]), [
    [4, 21, '25'],
    [5, 26, '5'],
  ]);
  assert.equal(
    hits[0]!.message,
    '`guidance_scale` 25 is out of range: POST /generations takes values from 1 to 20, and the API rejects values outside it.',
  );
  assert.equal(hits[0]!.finding.endpoint, 'POST /generations');
  assert.equal(fix(`${HEADER}{"prompt": "x", "guidance_scale": 25}`), `${HEADER}{"prompt": "x", "guidance_scale": 20}`);
  assert.equal(fix(`${HEADER}{"prompt": "x", "num_inference_steps": 5}`), `${HEADER}{"prompt": "x", "num_inference_steps": 10}`);
});

test('fractional bounds: init_strength 0.1..0.9', () => {
  assert.equal(fix(`${HEADER}{"prompt": "x", "init_strength": 0.95}`), `${HEADER}{"prompt": "x", "init_strength": 0.9}`);
  assert.deepEqual(json(`${HEADER}{"prompt": "x", "init_strength": 0.1}`), []);
});

test('a discrete set: photoRealStrength, contrast', () => {
  const [strength] = json(`${HEADER}{"prompt": "x", "photoRealStrength": 0.6}`);
  assert.match(strength!.message, /`photoRealStrength` 0\.6 is not an accepted value: POST \/generations takes 0\.55, 0\.5 or 0\.45/);
  assert.equal(fix(`${HEADER}{"prompt": "x", "photoRealStrength": 0.6}`), `${HEADER}{"prompt": "x", "photoRealStrength": 0.55}`);
  assert.equal(fix(`${HEADER}{"prompt": "x", "contrast": 2}`), `${HEADER}{"prompt": "x", "contrast": 1.8}`);
  assert.deepEqual(json(`${HEADER}{"prompt": "x", "contrast": 3.5, "photoRealStrength": 0.45}`), []);
});

test('a tie between two accepted values offers both, neither preferred', () => {
  const code = '// POST /generations-text-to-video\n{"prompt": "waves", "model": "VEO3", "duration": 7}';
  const [hit] = json(code);
  assert.deepEqual(hit!.finding.fixes.map((f) => [f.title, f.preferred]), [
    ['Change duration to 6', false],
    ['Change duration to 8', false],
  ]);
});

test('LCM steps 4..16 and Universal Upscaler strengths', () => {
  const lcm = '// POST /generations-lcm\n{"prompt": "x", "imageDataUrl": "data:image/jpeg;base64,AAAA", "steps": 20, "strength": 0}';
  assert.deepEqual(json(lcm).map((h) => h.text), ['20', '0']);
  const upscaler = '// POST /variations/universal-upscaler\n{"generatedImageId": "3f1c5c8e-9a8e-4b8e-9a51-2b0f6a1d2c3e", "creativityStrength": 11, "upscaleMultiplier": 2.5}';
  assert.deepEqual(json(upscaler).map((h) => h.text), ['11', '2.5']);
});

test('fetch: the literal side of a fallback is judged and fixed in place', () => {
  const code = `export async function generate(prompt: string, steps?: number) {
  return fetch('https://cloud.leonardo.ai/api/rest/v1/generations', {
    method: 'POST',
    headers: { authorization: \`Bearer \${process.env.LEONARDO_API_KEY}\` },
    body: JSON.stringify({ prompt, num_inference_steps: steps ?? 100, guidance_scale: 7 }),
  });
}
`;
  const [hit, ...rest] = lint(code, only);
  assert.equal(rest.length, 0);
  assert.deepEqual([hit!.line, hit!.text], [5, '100']);
  assert.equal(fixed(code, RULE), code.replace('?? 100', '?? 60'));
});

test('SDK call: SDK names, the same ranges (the SDK checks none of them)', () => {
  const code = `import { Leonardo } from '@leonardo-ai/sdk';
const leonardo = new Leonardo({ bearerAuth: process.env.LEONARDO_API_KEY ?? '' });
await leonardo.image.createGeneration({ prompt: 'a fox', guidanceScale: 30, numInferenceSteps: 30 });
`;
  const [hit, ...rest] = lint(code, only);
  assert.equal(rest.length, 0);
  assert.equal(hit!.text, '30');
  assert.match(hit!.message, /^`guidanceScale` 30 is out of range/);
});

test('not flagged: width/height, num_images, strings, unknown values, valid numbers, v2 and other APIs', () => {
  assert.deepEqual(json(`${HEADER}{"prompt": "x", "width": 4000, "height": 7, "num_images": 40}`), []);
  assert.deepEqual(json(`${HEADER}{"prompt": "x", "guidance_scale": "25"}`), []);
  assert.deepEqual(json(`${HEADER}{"prompt": "x", "guidance_scale": 7, "num_inference_steps": 60, "seed": 42}`), []);
  const unknown = `const body = { prompt: 'a fox', guidance_scale: config.guidance, num_inference_steps: Number(steps) };
await fetch('https://cloud.leonardo.ai/api/rest/v1/generations', { method: 'POST', body: JSON.stringify(body) });
`;
  assert.deepEqual(lint(unknown, only), []);
  const v2 = '// POST https://cloud.leonardo.ai/api/rest/v2/generations\n{"model": "flux-pro-2.0", "parameters": {"prompt": "x", "guidance_scale": 50}}';
  assert.deepEqual(json(v2), []);
  const other = `await fetch('https://api.stability.ai/v1/generation/sdxl/text-to-image', { method: 'POST', body: JSON.stringify({ cfg_scale: 35, steps: 150 }) });`;
  assert.deepEqual(lint(other, only), []);
});
