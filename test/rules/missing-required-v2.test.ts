// missing-required on v2 requests: no model, a required parameter absent, a guidance item without image.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fixed } from '../helpers/lint.js';
import { fetchCode, lintFetch, lintJson, rows } from '../helpers/v2.js';

const RULE = 'missing-required';
const ID = '5c1c7b5e-0d6e-4e55-9bd0-0b3b5c8c3b1a';

test('no prompt for a model that requires it: on the parameters brace, with a placeholder', () => {
  const body = `{ model: 'gpt-image-1.5', parameters: { quality: 'HIGH' }, public: false }`;
  const [hit, ...rest] = lintFetch(RULE, body);
  assert.equal(rest.length, 0);
  assert.equal(hit!.text, '{');
  assert.equal(hit!.message, '`parameters` needs `prompt` for `gpt-image-1.5`, and it is missing.');
  assert.equal(fixed(fetchCode(body), RULE), fetchCode(`{ model: 'gpt-image-1.5', parameters: { quality: 'HIGH', prompt: 'TODO: describe what to generate' }, public: false }`));
  const nullPrompt = lintJson(RULE, '{"model": "flux-dev", "parameters": {"prompt": null}}');
  assert.equal(nullPrompt[0]!.message, '`parameters` needs `prompt` for `flux-dev`, and it is null.');
});

test('no model; no parameters at all', () => {
  const [noModel] = lintJson(RULE, '{"parameters": {"prompt": "x"}, "public": false}');
  assert.equal(noModel!.message, 'A v2 body needs `model`, the model string (`gpt-image-1.5`, `kling-3.0`, ...).');
  const [noParams] = lintJson(RULE, '{"model": "lucid-origin", "public": false}');
  assert.equal(noParams!.message, '`lucid-origin` requires `parameters` with `prompt`, and it is missing.');
});

test('required guidances: the upscaler\'s image, grok\'s start frame, an item without image', () => {
  const upscaler = lintJson(RULE, '{"model": "aurora-upscaler-creative", "parameters": {"upscale_factor": 2}}');
  // The input image's width and height: both sources require them too.
  assert.deepEqual(upscaler.map((h) => h.message), [
    '`parameters` needs `guidances` for `aurora-upscaler-creative`, and it is missing.',
    '`parameters` needs `height` for `aurora-upscaler-creative`, and it is missing.',
    '`parameters` needs `width` for `aurora-upscaler-creative`, and it is missing.',
  ]);
  const grok = lintJson(RULE, '{"model": "grok-imagine-1.5", "parameters": {"prompt": "x", "guidances": {}}}');
  assert.deepEqual(grok.map((h) => h.message), ['`guidances` needs `start_frame` for `grok-imagine-1.5`, and it is missing.']);
  const item = lintJson(RULE, `{"model": "gemini-image-2", "parameters": {"prompt": "x", "guidances": {"image_reference": [{"id": "${ID}", "type": "UPLOADED"}]}}}`);
  assert.deepEqual(item.map((h) => h.message), ['`guidances.image_reference[]` needs `image` for `gemini-image-2`, and it is missing.']);
});

test('not flagged: what only one source requires, unknown keys, conditional properties, models without prompt', () => {
  const silent = [
    // Veo quantity and Rodin output_format: only the spec requires them.
    `{"model": "veo-3.1-generate-001", "parameters": {"prompt": "x"}}`,
    `{"model": "rodin-v2", "parameters": {"prompt": "x", "guidances": {"image_reference": [{"image": {"id": "${ID}", "type": "UPLOADED"}}]}}}`,
    // Content strength: required by the spec only.
    `{"model": "phoenix-v0.9", "parameters": {"prompt": "x", "guidances": {"content": [{"image": {"id": "${ID}", "type": "GENERATED"}}]}}}`,
    // upscale_factor / creativity: required by the guide only.
    `{"model": "aurora-upscaler-creative", "parameters": {"width": 1024, "height": 1024, "guidances": {"image_reference": [{"image": {"id": "${ID}", "type": "GENERATED"}}]}}}`,
  ];
  for (const body of silent) assert.deepEqual(lintJson(RULE, body), [], body);
  assert.deepEqual(lintFetch(RULE, `{ model: 'gpt-image-1.5', parameters: { ...opts } }`), []);
  assert.deepEqual(lintFetch(RULE, `{ model: 'gpt-image-1.5', parameters: { ...(prompt && { prompt }) } }`), []);
  assert.deepEqual(rows(lintFetch(RULE, `{ models: 'gpt-image-2', parameters: { prompt } }`)), []);
});
