// wrong-id-kind: ids followed from the response they came from to the request that uses them.
import { edit, ruleTester } from '../helpers/rule-tester.js';
import { CORRECT_FLOW_CASES } from '../helpers/correct-flows.js';

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
const VARIATION = `${SERVICE}
export async function upscaleThenCutOut(generationId: string) {
  const images = await imagesOf(generationId);
  const { data: upscale } = await leonardo.post('/variations/upscale', { id: images[0].id });
  const variationId = upscale.sdUpscaleJob.id;
  await leonardo.post('/variations/nobg', { id: variationId });
  await leonardo.post('/variations/unzoom', { id: variationId, isVariation: false });
}
`;

ruleTester.run('wrong-id-kind', {
  valid: [
    {
      name: 'the right ids in the right places',
      code: `${SERVICE}
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
`,
    },
    {
      name: 'a variation id when isVariation may come from a spread',
      code: `${SERVICE}
export async function cutOut(generationId: string, options: object) {
  const images = await imagesOf(generationId);
  const { data } = await leonardo.post('/variations/upscale', { id: images[0].id });
  await leonardo.post('/variations/nobg', { id: data.sdUpscaleJob.id, ...options });
}
`,
    },
    ...CORRECT_FLOW_CASES,
  ],
  invalid: [
    {
      name: 'an uploaded init image id given to a variation endpoint: couldn\'t access image',
      code: `${SERVICE}
export async function upscaleUpload() {
  const upload = await uploadImage('png');
  const { data } = await leonardo.post('/variations/upscale', { id: upload.id });
  return data.sdUpscaleJob.id;
}
`,
      findings: [
        {
          message: "'id' is given an uploaded init image id: variations of uploaded images are not supported.",
          at: [23, 65, 'id'],
          severity: 'error',
          apiError: 'couldn\'t access image',
          endpoint: 'POST /variations/upscale',
          fixes: [],
        },
      ],
    },
    {
      name: 'an uploaded init image id as init_generation_image_id: rename to init_image_id',
      code: `${SERVICE}
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
`,
      findings: [
        {
          message: "'init_generation_image_id' is given an uploaded init image id: an image uploaded with POST /init-image goes in 'init_image_id'.",
          at: [26, 5, 'init_generation_image_id'],
          fixes: [{ title: "Rename to 'init_image_id'", output: edit('init_generation_image_id', 'init_image_id'), preferred: true }],
        },
      ],
    },
    {
      name: 'a generation id given as motion imageId: Service Error',
      code: `${SERVICE}
export async function animate(prompt: string) {
  const { data: created } = await leonardo.post('/generations', { prompt, modelId: 'b24e16ff-06e3-43eb-8d33-4416c2d75876' });
  const generationId = created.sdGenerationJob.generationId;
  const { data } = await leonardo.post('/generations-motion-svd', { imageId: generationId, motionStrength: 5 });
  return data.motionSvdGenerationJob.generationId;
}
`,
      findings: [
        {
          message: "'imageId' is given a generation id: motion takes the id of an image (a generated image's id), not the generation's id.",
          at: [24, 69, 'imageId'],
          apiError: 'Service Error',
          fixes: [],
        },
      ],
    },
    {
      name: 'a generation id given as a variation id',
      code: `${SERVICE}
export async function removeBackground(generationId: string) {
  const { data } = await leonardo.get(\`/generations/\${generationId}\`);
  return leonardo.post('/variations/nobg', { id: data.generations_by_pk.id });
}
`,
      findings: [
        {
          message: "'id' is given a generation id: variations of uploaded images are not supported.",
          at: [23, 46, 'id'],
          fixes: [],
        },
      ],
    },
    {
      name: 'a generated image id as init_image_id: invalid init image id, rename to init_generation_image_id',
      code: `${SERVICE}
export async function refine(generationId: string) {
  const [first] = await imagesOf(generationId);
  const { data } = await leonardo.post('/generations', { prompt: 'sharper', init_image_id: first.id, init_strength: 0.3 });
  return data;
}
`,
      findings: [
        {
          message: "'init_image_id' is given a generated image id: an image generated on Leonardo.Ai goes in 'init_generation_image_id'.",
          at: [23, 77, 'init_image_id'],
          fixes: [{ title: "Rename to 'init_generation_image_id'", output: edit('init_image_id', 'init_generation_image_id'), preferred: true }],
        },
      ],
    },
    {
      name: 'a variation result id without isVariation: true, and isVariation: false',
      code: VARIATION,
      findings: [
        {
          message: "'id' is given a variation id: the API looks it up among variations only with 'isVariation: true'.",
          at: [25, 45, 'id'],
          fixes: [{ title: "Add 'isVariation: true'", output: edit(': variationId }', ': variationId, isVariation: true }'), preferred: true }],
        },
        {
          message: "'id' is given a variation id: the API looks it up among variations only with 'isVariation: true'.",
          at: [26, 47, 'id'],
          fixes: [{ title: "Set 'isVariation' to true", output: edit('false', 'true'), preferred: true }],
        },
      ],
    },
    {
      name: 'a variation result id without isVariation: the flag is added',
      code: VARIATION.replace(`  await leonardo.post('/variations/unzoom', { id: variationId, isVariation: false });\n`, ''),
      findings: [
        {
          message: "'id' is given a variation id: the API looks it up among variations only with 'isVariation: true'.",
          at: [25, 45, 'id'],
          fixes: [{ title: "Add 'isVariation: true'", output: edit(': variationId }', ': variationId, isVariation: true }'), preferred: true }],
        },
      ],
    },
    {
      name: 'the SDK: camelCase names in the message and the fix',
      code: `import { Leonardo } from '@leonardo-ai/sdk';
const leonardo = new Leonardo({ bearerAuth: process.env.LEONARDO_API_KEY });

export async function fromGenerated(imageId: string) {
  const result = await leonardo.image.getGenerationById(imageId);
  const generation = result.object?.generationsByPk;
  if (generation?.status !== 'COMPLETE') return;
  const image = generation.generatedImages?.[0];
  return leonardo.image.createGeneration({ prompt: 'again', initImageId: image?.id, initStrength: 0.5 });
}
`,
      findings: [
        {
          message: "'initImageId' is given a generated image id: an image generated on Leonardo.Ai goes in 'initGenerationImageId'.",
          at: [9, 61, 'initImageId'],
          fixes: [{ title: "Rename to 'initGenerationImageId'", output: edit('initImageId', 'initGenerationImageId'), preferred: true }],
        },
      ],
    },
    {
      name: 'companion flags and types: isInitImage for motion, imageType, the universal upscaler source',
      code: `${SERVICE}
export async function fromUpload() {
  const upload = await uploadImage('png');
  await leonardo.post('/generations-motion-svd', { imageId: upload.id });
  await leonardo.post('/generations-image-to-video', { prompt: 'waves', imageId: upload.id, imageType: 'GENERATED' });
  await leonardo.post('/variations/universal-upscaler', { generatedImageId: upload.id, upscaleMultiplier: 1.5 });
}
`,
      findings: [
        {
          message: "'imageId' is given an uploaded init image id: the API looks it up among uploaded images only with 'isInitImage: true'.",
          at: [23, 52, 'imageId'],
          fixes: [{ title: "Add 'isInitImage: true'", output: edit('.id ', '.id, isInitImage: true '), preferred: true }],
        },
        {
          message: `'imageId' is given an uploaded init image id: 'imageType' must say "UPLOADED".`,
          at: [24, 73, 'imageId'],
          fixes: [{ title: `Set 'imageType' to "UPLOADED"`, output: edit('\'GENERATED\'', '\'UPLOADED\''), preferred: true }],
        },
        {
          message: "'generatedImageId' is given an uploaded init image id: the universal upscaler takes this kind of id as 'initImageId'.",
          at: [25, 59, 'generatedImageId'],
          fixes: [{ title: "Rename to 'initImageId'", output: edit('generatedImageId', 'initImageId'), preferred: true }],
        },
      ],
    },
  ],
});
