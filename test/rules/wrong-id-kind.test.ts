// wrong-id-kind: ids followed from the response they came from to the request that uses them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fixed, lint } from '../helpers/lint.js';
import { at, CORRECT_FLOWS } from '../engine/flow-fixtures.js';

const RULE = 'wrong-id-kind';
const only = { rules: [RULE] };
const fix = (code: string) => fixed(code, RULE);

const SERVICE = `import axios from 'axios';

const leonardo = axios.create({
  baseURL: 'https://cloud.leonardo.ai/api/rest/v1',
  headers: { authorization: \`Bearer \${process.env.LEONARDO_API_KEY}\` },
});

async function uploadImage(extension: string) {
  const { data } = await leonardo.post('/init-image', { extension });
  return data.uploadInitImage;
}

async function imagesOf(generationId: string) {
  for (;;) {
    const { data } = await leonardo.get(\`/generations/\${generationId}\`);
    if (data.generations_by_pk.status === 'COMPLETE') return data.generations_by_pk.generated_images;
    await new Promise((r) => setTimeout(r, 2000));
  }
}
`;

test('an uploaded init image id given to a variation endpoint: couldn\'t access image', () => {
  const code = `${SERVICE}
export async function upscaleUpload() {
  const upload = await uploadImage('png');
  const { data } = await leonardo.post('/variations/upscale', { id: upload.id });
  return data.sdUpscaleJob.id;
}
`;
  const [hit, ...rest] = lint(code, only);
  assert.equal(rest.length, 0);
  assert.deepEqual([hit!.line, hit!.column], at(code, 'id: upload.id', "'/variations/upscale'"));
  assert.equal(hit!.severity, 'error');
  assert.match(hit!.message, /`id` is given an uploaded init image id \(`uploadInitImage\.id` from POST \/init-image\)/);
  assert.match(hit!.message, /The API answers `couldn't access image`/);
  assert.equal(hit!.finding.apiError, "couldn't access image");
  assert.equal(hit!.finding.endpoint, 'POST /variations/upscale');
  assert.deepEqual(hit!.finding.fixes, []);
});

test('an uploaded init image id as init_generation_image_id: rename to init_image_id', () => {
  const code = `${SERVICE}
export async function restyle(prompt: string) {
  const { id } = await uploadImage('jpg');
  const { data } = await leonardo.post('/generations', {
    prompt,
    modelId: 'b24e16ff-06e3-43eb-8d33-4416c2d75876',
    init_generation_image_id: id,
    init_strength: 0.4,
  });
  return data.sdGenerationJob.generationId;
}
`;
  const [hit] = lint(code, only);
  assert.deepEqual([hit!.line, hit!.column, hit!.text], [...at(code, 'init_generation_image_id'), 'init_generation_image_id']);
  assert.equal(fix(code), code.replace('init_generation_image_id: id', 'init_image_id: id'));
});

test('a generation id given as motion imageId: Service Error', () => {
  const code = `${SERVICE}
export async function animate(prompt: string) {
  const { data: created } = await leonardo.post('/generations', { prompt, modelId: 'b24e16ff-06e3-43eb-8d33-4416c2d75876' });
  const generationId = created.sdGenerationJob.generationId;
  const { data } = await leonardo.post('/generations-motion-svd', { imageId: generationId, motionStrength: 5 });
  return data.motionSvdGenerationJob.generationId;
}
`;
  const [hit] = lint(code, only);
  assert.deepEqual([hit!.line, hit!.column, hit!.text], [...at(code, 'imageId: generationId'), 'imageId']);
  assert.match(hit!.message, /`imageId` is given a generation id \(`sdGenerationJob\.generationId` from POST \/generations\)/);
  assert.equal(hit!.finding.apiError, 'Service Error');
});

test('a generation id given as a variation id', () => {
  const code = `${SERVICE}
export async function removeBackground(generationId: string) {
  const { data } = await leonardo.get(\`/generations/\${generationId}\`);
  return leonardo.post('/variations/nobg', { id: data.generations_by_pk.id });
}
`;
  const [hit] = lint(code, only);
  assert.equal(hit!.text, 'id');
  assert.match(hit!.message, /a generation id \(`generations_by_pk\.id` from GET \/generations\/\{id\}\)/);
});

test('a generated image id as init_image_id: invalid init image id, rename to init_generation_image_id', () => {
  const code = `${SERVICE}
export async function refine(generationId: string) {
  const [first] = await imagesOf(generationId);
  const { data } = await leonardo.post('/generations', { prompt: 'sharper', init_image_id: first.id, init_strength: 0.3 });
  return data;
}
`;
  const [hit] = lint(code, only);
  assert.deepEqual([hit!.line, hit!.column, hit!.text], [...at(code, 'init_image_id: first.id'), 'init_image_id']);
  assert.match(hit!.message, /The API answers `invalid init image id`/);
  assert.equal(fix(code), code.replace('init_image_id: first.id', 'init_generation_image_id: first.id'));
});

test('a variation result id without isVariation: true, and isVariation: false', () => {
  const code = `${SERVICE}
export async function upscaleThenCutOut(generationId: string) {
  const images = await imagesOf(generationId);
  const { data: upscale } = await leonardo.post('/variations/upscale', { id: images[0].id });
  const variationId = upscale.sdUpscaleJob.id;
  await leonardo.post('/variations/nobg', { id: variationId });
  await leonardo.post('/variations/unzoom', { id: variationId, isVariation: false });
}
`;
  const hits = lint(code, only);
  assert.deepEqual(hits.map((h) => [h.line, h.column]), [at(code, 'id: variationId }'), at(code, 'id: variationId, isVariation')]);
  assert.match(hits[0]!.message, /a variation id \(`sdUpscaleJob\.id` from POST \/variations\/upscale\).*`isVariation: true`.*`failed to find init variation`/);
  const once = fix(code.replace(`  await leonardo.post('/variations/unzoom', { id: variationId, isVariation: false });\n`, ''));
  assert.match(once, /\{ id: variationId, isVariation: true \}/);
  assert.deepEqual(hits[1]!.finding.fixes[0]!.edits[0]!.newText, 'true');
});

test('the SDK: camelCase names in the message and the fix', () => {
  const code = `import { Leonardo } from '@leonardo-ai/sdk';
const leonardo = new Leonardo({ bearerAuth: process.env.LEONARDO_API_KEY });

export async function fromGenerated(imageId: string) {
  const result = await leonardo.image.getGenerationById(imageId);
  const generation = result.object?.generationsByPk;
  if (generation?.status !== 'COMPLETE') return;
  const image = generation.generatedImages?.[0];
  return leonardo.image.createGeneration({ prompt: 'again', initImageId: image?.id, initStrength: 0.5 });
}
`;
  const [hit] = lint(code, only);
  assert.equal(hit!.text, 'initImageId');
  assert.match(hit!.message, /goes in `initGenerationImageId`/);
  assert.equal(fix(code), code.replace('initImageId: image?.id', 'initGenerationImageId: image?.id'));
});

test('companion flags and types: isInitImage for motion, imageType, the universal upscaler source', () => {
  const code = `${SERVICE}
export async function fromUpload() {
  const upload = await uploadImage('png');
  await leonardo.post('/generations-motion-svd', { imageId: upload.id });
  await leonardo.post('/generations-image-to-video', { prompt: 'waves', imageId: upload.id, imageType: 'GENERATED' });
  await leonardo.post('/variations/universal-upscaler', { generatedImageId: upload.id, upscaleMultiplier: 1.5 });
}
`;
  const hits = lint(code, only);
  assert.deepEqual(hits.map((h) => h.text), ['imageId', 'imageId', 'generatedImageId']);
  assert.deepEqual(
    hits.map((h) => h.finding.fixes.map((f) => [f.title, f.edits[0]!.newText])),
    [[['Add isInitImage: true', ', isInitImage: true']], [['Set imageType to "UPLOADED"', "'UPLOADED'"]], [['Rename to initImageId', 'initImageId']]],
  );
});

test('silent: the right ids in the right places', () => {
  const code = `${SERVICE}
export async function everythingRight(generationId: string) {
  const upload = await uploadImage('png');
  const images = await imagesOf(generationId);
  const imageId = images[0].id;
  await leonardo.post('/generations', { prompt: 'a', init_image_id: upload.id, init_strength: 0.5 });
  await leonardo.post('/generations', { prompt: 'b', init_generation_image_id: imageId, init_strength: 0.5 });
  const { data: up } = await leonardo.post('/variations/upscale', { id: imageId });
  await leonardo.post('/variations/nobg', { id: up.sdUpscaleJob.id, isVariation: true });
  await leonardo.post('/variations/unzoom', { id: imageId, isVariation: false });
  await leonardo.post('/generations-motion-svd', { imageId, motionStrength: 3 });
  await leonardo.post('/generations-motion-svd', { imageId: upload.id, isInitImage: true });
  await leonardo.post('/generations-image-to-video', { prompt: 'c', imageId: upload.id, imageType: 'UPLOADED' });
  await leonardo.post('/variations/universal-upscaler', { initImageId: upload.id, upscaleMultiplier: 1.5 });
  await leonardo.post('/datasets/abc/upload/gen', { generatedImageId: imageId });
}

export async function unknownIds(id: string, body: Record<string, unknown>) {
  await leonardo.post('/variations/upscale', { id });
  await leonardo.post('/variations/nobg', { id: body.id, ...body });
}
`;
  assert.deepEqual(lint(code, only), []);
});

test('silent: a variation id when isVariation may come from a spread', () => {
  const code = `${SERVICE}
export async function cutOut(generationId: string, options: object) {
  const images = await imagesOf(generationId);
  const { data } = await leonardo.post('/variations/upscale', { id: images[0].id });
  await leonardo.post('/variations/nobg', { id: data.sdUpscaleJob.id, ...options });
}
`;
  assert.deepEqual(lint(code, only), []);
});

test('correct flows stay clean', () => {
  for (const [name, code] of Object.entries(CORRECT_FLOWS)) {
    assert.deepEqual(lint(code, { ...only, path: name === 'POLL_TIMEOUT' ? 'app.js' : 'app.ts' }), [], name);
  }
});
