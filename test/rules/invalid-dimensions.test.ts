// invalid-dimensions: width/height not a multiple of 8 within bounds, or not a fixed size.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyEdits, fixed, lint } from '../helpers/lint.js';

const RULE = 'invalid-dimensions';
const HEADER = '// POST /generations\n';
const LCM = '// POST /generations-lcm\n';
const json = (code: string, path = 'request.jsonc') => lint(code, { rules: [RULE], path });
const fix = (code: string) => fixed(code, RULE, { path: 'request.jsonc' });

test('not a multiple of 8: on the value, with the API error, fixed to the nearest multiple', () => {
  const code = `${HEADER}{
  "prompt": "a harbour at night",
  "width": 1024,
  "height": 770
}`;
  const [hit, ...rest] = json(code);
  assert.equal(rest.length, 0);
  assert.deepEqual([hit!.line, hit!.column, hit!.text], [5, 13, '770']);
  assert.match(hit!.message, /^`height` 770 is not a multiple of 8: the API answers `invalid dimensions`\./);
  assert.match(hit!.message, /from 32 to 1536 in multiples of 8/);
  assert.equal(hit!.finding.apiError, 'invalid dimensions');
  assert.equal(fix(code), code.replace('770', '768'));
});

test('the catalogue says 1024, the current API 1536: the message says so, and 1536 is accepted', () => {
  const [hit] = json(`${HEADER}{"prompt": "x", "width": 1920}`);
  assert.match(hit!.message, /`width` 1920 is over 1536/);
  assert.match(hit!.message, /error catalogue still says 32 to 1024; the current API accepts up to 1536/);
  assert.equal(fix(`${HEADER}{"prompt": "x", "width": 1920}`), `${HEADER}{"prompt": "x", "width": 1536}`);
  assert.deepEqual(json(`${HEADER}{"prompt": "x", "width": 1536, "height": 1280}`), []);
});

test('below the minimum goes up to 32; a tie offers both neighbours, neither preferred', () => {
  assert.equal(fix(`${HEADER}{"prompt": "x", "height": 16}`), `${HEADER}{"prompt": "x", "height": 32}`);
  const [tie] = json(`${HEADER}{"prompt": "x", "width": 516}`);
  assert.deepEqual(tie!.finding.fixes.map((f) => [f.title, f.preferred]), [
    ['Change width to 512', false],
    ['Change width to 520', false],
  ]);
});

test('LCM endpoints take 512, 640 or 1024 only', () => {
  const code = `${LCM}{"prompt": "x", "imageDataUrl": "data:image/jpeg;base64,AAAA", "width": 600, "height": 832}`;
  const hits = json(code);
  assert.deepEqual(hits.map((h) => h.text), ['600', '832']);
  assert.match(hits[0]!.message, /POST \/generations-lcm takes 512, 640 or 1024\./);
  assert.doesNotMatch(hits[0]!.message, /1536/);
  assert.deepEqual(hits[1]!.finding.fixes.map((f) => f.edits[0]!.newText), ['640', '1024']);
});

test('pricing calculator imageWidth/imageHeight: 32..1024 multiples of 8', () => {
  const code = '// POST /pricing-calculator\n{"service": "IMAGE_GENERATION", "serviceParams": {"IMAGE_GENERATION": {"imageWidth": 1536, "imageHeight": 512, "numImages": 1}}}';
  const [hit] = json(code);
  assert.equal(hit!.text, '1536');
  assert.match(hit!.message, /`imageWidth` 1536 is over 1024/);
});

test('a fractional size is judged here and fixed to the nearest valid size', () => {
  const code = `${HEADER}{"prompt": "x", "width": 512.5, "height": 768}`;
  const [hit] = json(code);
  assert.match(hit!.message, /512.5 is not a multiple of 8/);
  assert.equal(fix(code), code.replace('512.5', '512'));
});

test('valid sizes, strings, other endpoints and other APIs are not flagged', () => {
  assert.deepEqual(json(`${HEADER}{"prompt": "x", "width": 832, "height": 1216}`), []);
  assert.deepEqual(json(`${HEADER}{"prompt": "x", "width": "770"}`), []);
  assert.deepEqual(json(`${LCM}{"prompt": "x", "imageDataUrl": "data:image/jpeg;base64,AAAA", "width": 1024, "height": 640}`), []);
  assert.deepEqual(json('// POST /generations-text-to-video\n{"prompt": "waves", "width": 1000, "height": 563}'), []);
  assert.deepEqual(json('{"prompt": "hi", "width": 1000, "height": 563, "steps": 30}', 'comfy.json'), []);
  const v2 = '// POST https://cloud.leonardo.ai/api/rest/v2/generations\n{"model": "flux-pro-2.0", "parameters": {"prompt": "x", "width": 1000, "height": 1000}}';
  assert.deepEqual(json(v2), []);
});

test('fetch: each branch of a conditional is judged; a const is fixed at its declaration', () => {
  const code = `const HEIGHT = 770;
export async function generate(prompt: string, hd: boolean) {
  return fetch('https://cloud.leonardo.ai/api/rest/v1/generations', {
    method: 'POST',
    headers: { authorization: \`Bearer \${process.env.LEONARDO_API_KEY}\` },
    body: JSON.stringify({ prompt, width: hd ? 2048 : 1024, height: HEIGHT }),
  });
}
`;
  const hits = lint(code, { rules: [RULE] });
  assert.deepEqual(hits.map((h) => [h.line, h.column, h.text]), [
    [1, 16, '770'],
    [6, 48, '2048'],
  ]);
  assert.ok(hits.every((h) => h.finding.fixes.every((f) => !f.preferred)), 'the nearest valid size is a guess: offered, not preferred');
  const edits = hits.flatMap((h) => h.finding.fixes.slice(0, 1).flatMap((f) => f.edits));
  const out = applyEdits(code, edits);
  assert.match(out, /^const HEIGHT = 768;/);
  assert.match(out, /width: hd \? 1536 : 1024/);
});

test('SDK call: LCM sizes through leonardo.realtimeCanvas', () => {
  const code = `import { Leonardo } from '@leonardo-ai/sdk';
const leonardo = new Leonardo({ bearerAuth: process.env.LEONARDO_API_KEY ?? '' });
await leonardo.realtimeCanvas.createLCMGeneration({ prompt: 'a fox', imageDataUrl: dataUrl, width: 768, height: 512 });
`;
  const [hit, ...rest] = lint(code, { rules: [RULE] });
  assert.equal(rest.length, 0);
  assert.equal(hit!.text, '768');
  assert.match(hit!.message, /POST \/generations-lcm takes 512, 640 or 1024/);
});
