// Correct application code for the upload and result flow: every flow rule (and every other rule)
// must stay silent on all of it. Shared by the flow rule tests, with `at` to locate expected findings.

/** 1-based line and column where `needle` is written (the first time after `after`, when given). */
export function at(code: string, needle: string, after = ''): [number, number] {
  const from = after ? code.indexOf(after) : 0;
  const offset = code.indexOf(needle, Math.max(from, 0));
  if (from < 0 || offset < 0) throw new Error(`not in the code: ${after} ${needle}`);
  const before = code.slice(0, offset).split('\n');
  return [before.length, before[before.length - 1].length + 1];
}

/** A Next.js route handler: upload through the presigned URL (no auth there), then use uploadInitImage.id. */
export const UPLOAD_ROUTE_FETCH = `import { NextResponse } from 'next/server';

const LEONARDO_API = 'https://cloud.leonardo.ai/api/rest/v1';
const apiKey = process.env.LEONARDO_API_KEY;

export async function POST(request: Request) {
  const form = await request.formData();
  const file = form.get('image') as File;

  const initRes = await fetch(\`\${LEONARDO_API}/init-image\`, {
    method: 'POST',
    headers: {
      accept: 'application/json',
      'content-type': 'application/json',
      authorization: \`Bearer \${apiKey}\`,
    },
    body: JSON.stringify({ extension: 'png' }),
  });
  if (!initRes.ok) return NextResponse.json({ error: await initRes.text() }, { status: 502 });
  const { uploadInitImage } = await initRes.json();

  const fields = JSON.parse(uploadInitImage.fields);
  const s3Form = new FormData();
  for (const [key, value] of Object.entries(fields)) s3Form.append(key, value as string);
  s3Form.append('file', file);

  const uploadRes = await fetch(uploadInitImage.url, { method: 'POST', body: s3Form });
  if (uploadRes.status !== 204) {
    const detail = await uploadRes.text();
    return NextResponse.json({ error: detail }, { status: 502 });
  }

  const genRes = await fetch(\`\${LEONARDO_API}/generations\`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: \`Bearer \${apiKey}\` },
    body: JSON.stringify({
      prompt: 'a watercolor of the same scene',
      modelId: 'b24e16ff-06e3-43eb-8d33-4416c2d75876',
      init_image_id: uploadInitImage.id,
      init_strength: 0.4,
      width: 1024,
      height: 768,
      num_images: 2,
    }),
  });
  const created = await genRes.json();
  return NextResponse.json({ generationId: created.sdGenerationJob.generationId, imageId: uploadInitImage.id });
}
`;

/** A service class: an axios instance for Leonardo, plain axios (no auth) for S3. */
export const UPLOAD_SERVICE_AXIOS = `import axios from 'axios';
import FormDataNode from 'form-data';
import fs from 'node:fs';

export class LeonardoService {
  private api = axios.create({
    baseURL: 'https://cloud.leonardo.ai/api/rest/v1',
    headers: { Authorization: \`Bearer \${process.env.LEONARDO_API_KEY}\` },
  });

  async uploadInitImage(path: string): Promise<string> {
    const { data } = await this.api.post('/init-image', { extension: 'jpg' });
    const { url, fields, id } = data.uploadInitImage;
    const form = new FormDataNode();
    Object.entries(JSON.parse(fields)).forEach(([k, v]) => form.append(k, v as string));
    form.append('file', fs.createReadStream(path));
    const upload = await axios.post(url, form, { headers: form.getHeaders() });
    if (upload.status !== 204) throw new Error(\`S3 upload failed: \${upload.status}\`);
    return id;
  }

  async variationFromUpload(path: string) {
    const imageId = await this.uploadInitImage(path);
    const { data } = await this.api.post('/generations', {
      prompt: 'a cyberpunk version',
      modelId: 'aa77f04e-3eec-4034-9c07-d0f619684628',
      init_image_id: imageId,
      init_strength: 0.5,
    });
    return data.sdGenerationJob.generationId;
  }
}
`;

/** Polling in a while loop until COMPLETE, then reading the images. */
export const POLL_WHILE = `const BASE_URL = 'https://cloud.leonardo.ai/api/rest/v1';
const headers = { accept: 'application/json', authorization: \`Bearer \${process.env.LEONARDO_API_KEY}\` };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function generate(prompt: string): Promise<string[]> {
  const res = await fetch(\`\${BASE_URL}/generations\`, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/json' },
    body: JSON.stringify({ prompt, modelId: 'b24e16ff-06e3-43eb-8d33-4416c2d75876', width: 512, height: 512 }),
  });
  const { sdGenerationJob } = await res.json();
  const id = sdGenerationJob.generationId;

  let generation = null;
  while (!generation || generation.status === 'PENDING') {
    await sleep(3000);
    const poll = await fetch(\`\${BASE_URL}/generations/\${id}\`, { headers });
    const body = await poll.json();
    generation = body.generations_by_pk;
  }
  if (generation.status === 'FAILED') throw new Error('generation failed');
  return generation.generated_images.map((image: { url: string }) => image.url);
}
`;

/** Recursive setTimeout polling with an early return while not COMPLETE. */
export const POLL_TIMEOUT = `const API = 'https://cloud.leonardo.ai/api/rest/v1';

export function watchGeneration(generationId, onImages, onError) {
  const check = () => {
    fetch(\`\${API}/generations/\${generationId}\`, {
      headers: { authorization: \`Bearer \${process.env.LEONARDO_API_KEY}\` },
    })
      .then((res) => res.json())
      .then((data) => {
        const generation = data.generations_by_pk;
        if (generation.status === 'FAILED') return onError(new Error('failed'));
        if (generation.status !== 'COMPLETE') {
          setTimeout(check, 2000);
          return;
        }
        onImages(generation.generated_images.map((image) => image.url));
      })
      .catch(onError);
  };
  check();
}
`;

/** A for loop with a bounded number of attempts, returning inside the COMPLETE branch. */
export const POLL_ATTEMPTS = `import axios from 'axios';

const client = axios.create({
  baseURL: 'https://cloud.leonardo.ai/api/rest/v1',
  headers: { authorization: \`Bearer \${process.env.LEONARDO_API_KEY}\` },
});

export async function imagesFor(generationId: string) {
  for (let attempt = 0; attempt < 30; attempt++) {
    const { data } = await client.get(\`/generations/\${generationId}\`);
    const job = data.generations_by_pk;
    if (job?.status === 'COMPLETE') {
      return job.generated_images.map((img: { id: string; url: string }) => ({ id: img.id, url: img.url }));
    }
    if (job?.status === 'FAILED') throw new Error(\`generation \${generationId} failed\`);
    await new Promise((r) => setTimeout(r, 2000));
  }
  throw new Error('timed out');
}
`;

/** do/while on the status; the images are read after the loop. */
export const POLL_DO_WHILE = `const LEONARDO = 'https://cloud.leonardo.ai/api/rest/v1';
const auth = { authorization: \`Bearer \${process.env.LEONARDO_API_KEY}\` };

async function fetchGeneration(id: string) {
  const response = await fetch(\`\${LEONARDO}/generations/\${id}\`, { headers: auth });
  const json = await response.json();
  return json.generations_by_pk;
}

export async function firstImage(id: string) {
  let generation;
  do {
    await new Promise((resolve) => setTimeout(resolve, 5000));
    generation = await fetchGeneration(id);
  } while (generation.status !== 'COMPLETE');
  const [first] = generation.generated_images;
  return first?.url;
}
`;

/** A helper that returns only when COMPLETE; its caller reads the images. */
export const WAIT_HELPER = `const base = 'https://cloud.leonardo.ai/api/rest/v1';
const headers = { authorization: 'Bearer ' + process.env.LEONARDO_API_KEY };

async function waitForGeneration(id: string) {
  for (;;) {
    const res = await fetch(base + '/generations/' + id, { headers });
    const { generations_by_pk: generation } = await res.json();
    if (generation.status === 'COMPLETE') return generation;
    if (generation.status === 'FAILED') throw new Error('Generation failed');
    await new Promise((r) => setTimeout(r, 4000));
  }
}

export async function upscaleFirst(id: string) {
  const generation = await waitForGeneration(id);
  const imageId = generation.generated_images[0].id;
  const res = await fetch(base + '/variations/upscale', {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/json' },
    body: JSON.stringify({ id: imageId }),
  });
  const { sdUpscaleJob } = await res.json();
  const nobg = await fetch(base + '/variations/nobg', {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/json' },
    body: JSON.stringify({ id: sdUpscaleJob.id, isVariation: true }),
  });
  const { sdNobgJob } = await nobg.json();
  const motion = await fetch(base + '/generations-motion-svd', {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/json' },
    body: JSON.stringify({ imageId, motionStrength: 5, isPublic: false }),
  });
  const { motionSvdGenerationJob } = await motion.json();
  return { nobg: sdNobgJob.id, motion: motionSvdGenerationJob.generationId };
}
`;

/** The SDK: photoReal v2 with a model id, polling with JobStatus, a switch on the status. */
export const SDK_FLOW = `import { Leonardo } from '@leonardo-ai/sdk';
import { JobStatus } from '@leonardo-ai/sdk/sdk/models/shared';

const leonardo = new Leonardo({ bearerAuth: process.env.LEONARDO_API_KEY ?? '' });

export async function photoreal(prompt: string) {
  const created = await leonardo.image.createGeneration({
    prompt,
    modelId: 'aa77f04e-3eec-4034-9c07-d0f619684628',
    photoReal: true,
    photoRealVersion: 'v2',
    alchemy: true,
    presetStyle: 'CINEMATIC',
    width: 1024,
    height: 768,
    numImages: 2,
  });
  const generationId = created.object?.sdGenerationJob?.generationId;
  if (!generationId) throw new Error('no generation id');

  while (true) {
    const result = await leonardo.image.getGenerationById(generationId);
    const generation = result.object?.generationsByPk;
    switch (generation?.status) {
      case JobStatus.Complete:
        return generation.generatedImages?.map((image) => image.url) ?? [];
      case JobStatus.Failed:
        throw new Error('generation failed');
      default:
        await new Promise((resolve) => setTimeout(resolve, 3000));
    }
  }
}
`;

/**
 * The shape of Leonardo's own Node samples: one `let response` for every call, the GET assigned after the
 * POST; `then` is the statement that reads the GET's answer (line 7).
 */
export function reassignedResponseSample(then: string): string {
  return `const axios = require('axios');
const headers = { accept: 'application/json', authorization: \`Bearer \${process.env.LEONARDO_API_KEY}\` };
const generate = async () => {
  let response = await axios.post('https://cloud.leonardo.ai/api/rest/v1/generations', { prompt: 'a cat', modelId: '6bef9f1b-29cb-40c7-b9df-32b51c1f67d3' }, { headers });
  const generationId = response.data.sdGenerationJob.generationId;
  response = await axios.get(\`https://cloud.leonardo.ai/api/rest/v1/generations/\${generationId}\`, { headers });
  ${then}
};
generate();`;
}

export const CORRECT_FLOWS: Record<string, string> = {
  UPLOAD_ROUTE_FETCH,
  UPLOAD_SERVICE_AXIOS,
  POLL_WHILE,
  POLL_TIMEOUT,
  POLL_ATTEMPTS,
  POLL_DO_WHILE,
  WAIT_HELPER,
  SDK_FLOW,
};
