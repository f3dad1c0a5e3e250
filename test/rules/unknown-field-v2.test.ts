// unknown-field on v2 requests: top-level keys, parameters the model does not take, v1 names.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fixed, lint } from '../helpers/lint.js';
import { fetchCode, lintFetch, lintJson, rows } from '../helpers/v2.js';

const RULE = 'unknown-field';

test('v1 names inside parameters: the v2 name, renamed by the preferred fix', () => {
  const body = `{ model: 'gpt-image-1.5', parameters: { prompt, num_images: 2, quality: 'HIGH' }, public: false }`;
  const [hit, ...rest] = lintFetch(RULE, body);
  assert.equal(rest.length, 0);
  assert.equal(hit!.text, 'num_images');
  assert.equal(hit!.severity, 'warning');
  assert.equal(hit!.message, '`num_images` is v1\'s name: v2 takes `quantity`.');
  assert.equal(fixed(fetchCode(body), RULE), fetchCode(body.replace('num_images', 'quantity')));
  // negativePrompt → negative_prompt where the model has one; "takes none either" where it has not.
  const phoenix = lintJson(RULE, '{"model": "phoenix-v1.0", "parameters": {"prompt": "a fox", "negativePrompt": "blur"}}');
  assert.equal(phoenix[0]!.finding.fixes[0]!.edits[0]!.newText, 'negative_prompt');
  assert.equal(phoenix[0]!.finding.fixes[0]!.preferred, true);
  const gpt = lintJson(RULE, '{"model": "gpt-image-1.5", "parameters": {"prompt": "a fox", "negativePrompt": "blur"}}');
  assert.equal(gpt[0]!.message, '`negativePrompt` is v1\'s name, and `gpt-image-1.5` takes no `negative_prompt` either.');
  assert.deepEqual(gpt[0]!.finding.fixes, []);
  // v1 options no v2 model takes.
  const v1 = lintJson(RULE, '{"model": "lucid-origin", "parameters": {"prompt": "a fox", "alchemy": true, "presetStyle": "DYNAMIC"}}');
  assert.deepEqual(rows(v1), [['"alchemy"', 'warning'], ['"presetStyle"', 'warning']]);
  assert.match(v1[0]!.message, /^`alchemy` is a v1 option: v2 models do not take it\.$/);
});

test('a parameter the model does not take: a warning on open models, an error where parameters is closed', () => {
  const open = lintJson(RULE, '{"model": "gpt-image-1.5", "parameters": {"prompt": "icons", "negative_prompt": "text"}}');
  assert.deepEqual(rows(open), [['"negative_prompt"', 'warning']]);
  assert.equal(open[0]!.message, '`negative_prompt` is not a parameter of `gpt-image-1.5` in Leonardo\'s docs or spec.');
  const closed = lintJson(RULE, `{"model": "remove-bg", "parameters": {"guidances": {"image_reference": [{"image": {"id": "5c1c7b5e-0d6e-4e55-9bd0-0b3b5c8c3b1a", "type": "GENERATED"}}]}, "formats": "png"}}`);
  assert.deepEqual(rows(closed), [['"formats"', 'error']]);
  assert.equal(closed[0]!.message, '`formats` is not a parameter of `remove-bg`: the API rejects it. Did you mean `format`?');
  // A case-only difference is certain: preferred.
  const [upper] = lintJson(RULE, '{"model": "flux-pro-2.0", "parameters": {"prompt": "x", "Quantity": 2}}');
  assert.deepEqual(upper!.finding.fixes.map((f) => [f.edits[0]!.newText, f.preferred]), [['quantity', true]]);
});

test('mode on gpt-image-1.5 and ideogram-v3.0 fails since 2026-05-04: an error naming quality', () => {
  const hits = lintJson(RULE, '{"model": "ideogram-v3.0", "parameters": {"prompt": "a poster", "mode": "QUALITY"}}');
  assert.deepEqual(rows(hits), [['"mode"', 'error']]);
  assert.equal(hits[0]!.message, '`mode` makes `ideogram-v3.0` requests fail since 2026-05-04: use `quality`.');
});

test('top-level keys: parameters written beside model, v1 names, unknown keys', () => {
  const code = `import axios from 'axios';
const client = axios.create({ baseURL: 'https://cloud.leonardo.ai/api/rest/v2', headers: { authorization: \`Bearer \${process.env.LEONARDO_API_KEY}\` } });
export const video = (prompt: string) => client.post('/generations', { model: 'ltxv-2.3-fast', prompt, duration: 8, isPublic: false });
`;
  const hits = lint(code, { rules: [RULE] });
  assert.deepEqual(rows(hits), [['prompt', 'error'], ['duration', 'error'], ['isPublic', 'error']]);
  assert.equal(hits[1]!.message, '`duration` belongs inside `parameters`: at the top level the v2 API does not read it.');
  assert.deepEqual(hits[2]!.finding.fixes.map((f) => [f.edits[0]!.newText, f.preferred]), [['public', true]]);
  // `models` for `model` (seen in public code): renamed when the value is a v2 model string.
  const models = lintFetch(RULE, `{ models: 'gpt-image-2', parameters: { prompt, quality: 'LOW' }, public: false }`);
  assert.equal(models[0]!.message, '`models` is v1\'s: a v2 body names the model in `model`.');
  assert.equal(models[0]!.finding.fixes[0]!.preferred, true);
});

test('an unknown guidance kind: an error where guidances is closed', () => {
  const closed = lintJson(RULE, `{"model": "kling-video-o-3", "parameters": {"prompt": "x", "guidances": {"start_frames": []}}}`);
  assert.equal(closed[0]!.severity, 'error');
  assert.equal(closed[0]!.message, '`start_frames` is not a guidance of `kling-video-o-3`: did you mean `start_frame`?');
  const listed = lintJson(RULE, `{"model": "gpt-image-1.5", "parameters": {"prompt": "x", "guidances": {"style": []}}}`);
  assert.deepEqual(listed.map((h) => [h.message, h.severity]), [['`style` is not a guidance of `gpt-image-1.5`: it takes `image_reference`.', 'warning']]);
});

test('with an unknown or retired model only the v1 names are judged', () => {
  const code = fetchCode(`{ model: process.env.LEONARDO_MODEL, parameters: { prompt, num_images: 4, seed: 7, whatever: 1 } }`);
  assert.deepEqual(rows(lint(code, { rules: [RULE] })), [['num_images', 'warning']]);
});

test('not flagged: valid bodies of image, video and tool models; guide-only and disputed parameters', () => {
  const valid = [
    `{ model: 'gpt-image-2', parameters: { prompt, quality: 'LOW', quantity: 1, width: 1024, height: 1024, prompt_enhance: 'OFF' }, public: false }`,
    // seed on gpt-image-1.5: only the guide lists it (spec silent, parameters open).
    `{ model: 'gpt-image-1.5', parameters: { prompt, seed: 42, quality: 'MEDIUM' }, public: false }`,
    // image_reference on kling-3.0: the guide documents it, the spec's closed guidances does not.
    `{ model: 'kling-3.0', parameters: { prompt, duration: 5, guidances: { image_reference: [{ image: { id: '5c1c7b5e-0d6e-4e55-9bd0-0b3b5c8c3b1a', type: 'GENERATED' } }] } } }`,
    `{ model: 'aurora-upscaler-precise', parameters: { width: 1024, height: 1024, upscale_factor: 2, upscale_mode: 'clean', guidances: { image_reference: [{ image: { id: '5c1c7b5e-0d6e-4e55-9bd0-0b3b5c8c3b1a', type: 'GENERATED' } }] } }, public: false }`,
    // A model chosen by a ternary: each checked.
    `{ model: hd ? 'gemini-image-2' : 'nano-banana-2', parameters: { prompt, quantity: 2, prompt_enhance: 'OFF' } }`,
    // Spread and unknown values: never flagged.
    `{ model: 'flux-pro-2.0', parameters: { prompt, ...extra } }`,
  ];
  for (const body of valid) assert.deepEqual(rows(lintFetch(RULE, body)), [], body);
  // A guide-only model string: never checked.
  assert.deepEqual(lintJson(RULE, '{"model": "google/nano-banana-2.1", "parameters": {"prompt": "x", "anything": 1}}'), []);
  // Another provider's v2-looking body.
  const other = `await fetch('https://api.stability.ai/v2beta/stable-image/generate/ultra', { method: 'POST', body: JSON.stringify({ model: 'sd3', parameters: { num_images: 2 } }) });`;
  assert.deepEqual(lint(other, { rules: [RULE] }), []);
});

test('curl and .http with a v2 URL', () => {
  const curl = `curl -X POST ${'https://cloud.leonardo.ai/api/rest/v2/generations'} \\
  -H "authorization: Bearer $LEONARDO_API_KEY" -H "content-type: application/json" \\
  -d '{"model": "seedream-4.5", "parameters": {"prompt": "a fox", "num_images": 2}, "public": false}'
`;
  assert.deepEqual(rows(lint(curl, { rules: [RULE], path: 'gen.sh' })), [['"num_images"', 'warning']]);
  const http = `POST https://cloud.leonardo.ai/api/rest/v2/generations
Authorization: Bearer {{apiKey}}
Content-Type: application/json

{"model": "seedream-4.5", "parameters": {"prompt": "a fox", "numImages": 2}}
`;
  const hits = lint(http, { rules: [RULE], path: 'gen.http' });
  assert.deepEqual(rows(hits), [['"numImages"', 'warning']]);
});
