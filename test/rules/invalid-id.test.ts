// invalid-id: id fields whose literal is not a UUID; URLs and file names get the upload explanation.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lint } from '../helpers/lint.js';

const RULE = 'invalid-id';
const HEADER = '// POST /generations\n';
const run = (code: string, path = 'app.ts') => lint(code, { rules: [RULE], path });
const rows = (code: string, path = 'app.ts') => run(code, path).map((h) => [h.line, h.column, h.text]);

const FETCH = (path: string, body: string) => `const BASE = 'https://cloud.leonardo.ai/api/rest/v1';
export async function go(key: string, id: string, c: boolean) {
  return fetch(\`\${BASE}${path}\`, {
    method: 'POST',
    headers: { authorization: \`Bearer \${key}\`, 'content-type': 'application/json' },
    body: JSON.stringify(${body}),
  });
}
`;
const SDK = (call: string) => `import { Leonardo } from '@leonardo-ai/sdk';
const leonardo = new Leonardo({ bearerAuth: process.env.LEONARDO_API_KEY ?? '' });
export async function go(id: string) {
  return ${call};
}
`;
const UUID = 'b7c6e9e5-2d38-4b8e-9a51-2b0f6a1d2c3e';

test('a URL as init_image_id: the upload explanation and the API error', () => {
  const code = `${HEADER}{
  "prompt": "a watercolour fox",
  "init_image_id": "https://example.com/fox.png",
  "init_strength": 0.4
}`;
  const hits = run(code, 'request.jsonc');
  assert.deepEqual(hits.map((h) => [h.line, h.column, h.text]), [[4, 20, '"https://example.com/fox.png"']]);
  assert.equal(
    hits[0]!.message,
    '`init_image_id` must be a UUID, not a URL ("https://example.com/fox.png"): the API answers `invalid init image id`. ' +
      'Upload the image with POST /init-image first (then send the file to the presigned URL it returns), and pass `uploadInitImage.id`.',
  );
  assert.equal(hits[0]!.finding.apiError, 'invalid init image id');
  assert.equal(hits[0]!.finding.endpoint, 'POST /generations');
  assert.deepEqual(hits[0]!.finding.fixes, []);
});

test('a model name as modelId, an empty akUUID, a file name as controlnets[].initImageId', () => {
  const code = `${HEADER}{
  "prompt": "a harbour",
  "modelId": "phoenix",
  "controlnets": [{ "initImageId": "pose.jpg", "initImageType": "UPLOADED", "preprocessorId": 67 }],
  "elements": [{ "akUUID": "" }]
}`;
  const hits = run(code, 'request.jsonc');
  assert.deepEqual(hits.map((h) => [h.line, h.column, h.text]), [
    [4, 14, '"phoenix"'],
    [5, 36, '"pose.jpg"'],
    [6, 28, '""'],
  ]);
  assert.match(hits[0]!.message, /`modelId` must be a UUID, not "phoenix": the API rejects the request\. Model ids are listed by GET \/platformModels\./);
  assert.match(hits[1]!.message, /`initImageId` must be a UUID, not a file name \("pose\.jpg"\).*POST \/init-image/);
  assert.equal(hits[2]!.message, '`akUUID` must be a UUID, not "": the API rejects the request.');
});

test('variations take the id of a generated image (axios, the file name in the example)', () => {
  const code = `const axios = require('axios');
const leonardo = axios.create({ baseURL: 'https://cloud.leonardo.ai/api/rest/v1' });
async function removeBackground() {
  const { data } = await leonardo.post('/variations/nobg', { id: 'cat.png', isVariation: false });
  return data;
}
module.exports = { removeBackground };
`;
  const hits = run(code, 'variations.js');
  assert.deepEqual(hits.map((h) => [h.line, h.column, h.text]), [[4, 66, "'cat.png'"]]);
  assert.match(hits[0]!.message, /`id` must be a UUID, not a file name \("cat\.png"\).*generations_by_pk\.generated_images\[\]\.id/);
});

test('fetch: both branches of a conditional are checked, data URLs are named as image data', () => {
  const hits = run(FETCH('/generations', `{ prompt: 'x', init_image_id: c ? '${UUID}' : 'data:image/png;base64,iVBORw0KGgo=' }`));
  assert.equal(hits.length, 1);
  assert.match(hits[0]!.message, /not image data \(a data URL\)/);
  assert.equal(hits[0]!.line, 6);
});

test('SDK call: SDK names in the message', () => {
  const hits = run(SDK(`leonardo.image.createGeneration({ prompt: 'x', initImageId: 'uploads/fox.webp' })`));
  assert.equal(hits.length, 1);
  assert.match(hits[0]!.message, /^`initImageId` must be a UUID, not a file name/);
  const motion = run(SDK(`leonardo.motion.createSVDMotionGeneration({ imageId: 'not-an-id' })`));
  assert.match(motion[0]!.message, /^`imageId` must be a UUID, not "not-an-id"/);
});

test('lists of ids: each styleIds entry is checked', () => {
  const code = `// POST /generations-text-to-video
{"prompt": "a wave", "styleIds": ["cinematic", "${UUID}"]}`;
  const hits = run(code, 'video.jsonc');
  assert.deepEqual(hits.map((h) => h.text), ['"cinematic"']);
  assert.match(hits[0]!.message, /^An entry of `styleIds` must be a UUID/);
});

test('not flagged: UUIDs (any case), the docs placeholder, templates, unknown values', () => {
  assert.deepEqual(rows(`${HEADER}{"prompt": "x", "modelId": "${UUID.toUpperCase()}"}`, 'r.jsonc'), []);
  assert.deepEqual(rows(`${HEADER}{"prompt": "x", "modelId": "XXXXXXXX-XXXX-XXXX-XXXX-XXXXXXXXXXXX"}`, 'r.jsonc'), []);
  assert.deepEqual(rows(`${HEADER}{"prompt": "x", "init_image_id": "{{initImageId}}"}`, 'r.jsonc'), []);
  assert.deepEqual(rows(FETCH('/generations', `{ prompt: 'x', init_image_id: id, modelId: process.env.MODEL_ID }`)), []);
  assert.deepEqual(rows(FETCH('/generations', `{ prompt: 'x', init_image_id: \`\${id}\` }`)), []);
  assert.deepEqual(rows(FETCH('/variations/upscale', `{ id }`)), []);
});

test('not flagged: number ids (type-mismatch owns them), non-id strings, other providers; v2 by its own schema', () => {
  const code = `${HEADER}{"prompt": "x", "controlnets": [{"initImageId": "${UUID}", "preprocessorId": 67, "initImageType": "UPLOADED"}], "userElements": [{"userLoraId": 12}]}`;
  assert.deepEqual(rows(code, 'r.jsonc'), []);
  assert.deepEqual(rows(`${HEADER}{"prompt": "fox.png", "negative_prompt": "https://x"}`, 'r.jsonc'), []);
  const v2 = `export const go = () => fetch('https://cloud.leonardo.ai/api/rest/v2/generations', {
  method: 'POST',
  body: JSON.stringify({ model: 'flux-pro-2.0', parameters: { guidances: { image_reference: [{ image: { id: 'fox.png' } }] } } }),
});`;
  // v2 is judged by the v2 catalogue (invalid-id-v2.test.ts), not by v1's fields: one finding, on the v2 path.
  assert.deepEqual(run(v2).map((h) => h.message), ['`guidances.image_reference[].image.id` must be a UUID (an uploaded or generated image\'s id), not "fox.png".']);
  const other = `export const go = () => fetch('https://api.replicate.com/v1/predictions', {
  method: 'POST',
  body: JSON.stringify({ modelId: 'stability', init_image_id: 'fox.png' }),
});`;
  assert.deepEqual(rows(other), []);
});
