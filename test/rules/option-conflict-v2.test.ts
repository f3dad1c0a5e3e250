// option-conflict on v2 requests: sync-only keys on the async endpoint, forbidden combinations.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lint } from '../helpers/lint.js';
import { lintJson, rows } from '../helpers/v2.js';

const RULE = 'option-conflict';
const IMAGE = '{"image": {"id": "5c1c7b5e-0d6e-4e55-9bd0-0b3b5c8c3b1a", "type": "GENERATED"}}';

test('ephemeral/base64 sent to /v2/generations: remove offered', () => {
  const code = `const res = await fetch('https://cloud.leonardo.ai/api/rest/v2/generations', {
  method: 'POST',
  headers: { authorization: \`Bearer \${process.env.LEONARDO_API_KEY}\` },
  body: JSON.stringify({ model: 'remove-bg', parameters: { guidances: { image_reference: [{ image: { id: imageId, type: 'UPLOADED' } }] } }, ephemeral: true, base64: true }),
});`;
  const hits = lint(code, { rules: [RULE] });
  assert.deepEqual(rows(hits), [['ephemeral', 'error'], ['base64', 'error']]);
  assert.equal(hits[0].message, '`ephemeral` is only for /v2/generationssync: do not send it to /v2/generations.');
  assert.equal(hits[0].finding.fixes[0].preferred, false);
  const sync = code.replace('/v2/generations', '/v2/generationssync');
  assert.deepEqual(lint(sync, { rules: [RULE] }), []);
});

test('the legacy start_frame with guidances.start_frame; reference images with frames on Kling O3', () => {
  const legacy = lintJson(RULE, `{"model": "veo-3.1-generate-001", "parameters": {"prompt": "x", "start_frame": {"id": "5c1c7b5e-0d6e-4e55-9bd0-0b3b5c8c3b1a", "type": "GENERATED"}, "guidances": {"start_frame": [${IMAGE}]}}}`);
  assert.deepEqual(legacy.map((h) => h.message), ['`veo-3.1-generate-001` does not take `start_frame` together with `guidances.start_frame`: send one of them.']);
  const mix = lintJson(RULE, `{"model": "kling-video-o-3", "parameters": {"prompt": "x", "guidances": {"image_reference": [${IMAGE}], "start_frame": [${IMAGE}]}}}`);
  assert.equal(mix.length, 1);
  assert.equal(mix[0].text, '"image_reference"');
});

test('an end frame without a start frame', () => {
  const [hit] = lintJson(RULE, `{"model": "veo-3.1-generate-001", "parameters": {"prompt": "x", "guidances": {"end_frame": [${IMAGE}]}}}`);
  assert.equal(hit.message, '`guidances.end_frame` needs a `start_frame` for `veo-3.1-generate-001`: add one or drop the end frame.');
});

test('not flagged: frames together, empty arrays, unknown guidances, other models', () => {
  const silent = [
    `{"model": "veo-3.1-generate-001", "parameters": {"prompt": "x", "guidances": {"start_frame": [${IMAGE}], "end_frame": [${IMAGE}]}}}`,
    `{"model": "kling-video-o-3", "parameters": {"prompt": "x", "guidances": {"image_reference": [], "start_frame": [${IMAGE}]}}}`,
    `{"model": "seedance-2.0", "parameters": {"prompt": "x", "guidances": {"image_reference": [${IMAGE}], "start_frame": [${IMAGE}]}}}`,
  ];
  for (const body of silent) assert.deepEqual(lintJson(RULE, body), [], body);
});
