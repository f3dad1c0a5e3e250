#!/usr/bin/env node
// Turn a generated product still into a 5-second clip with Kling 3.0 (Leonardo v2 API), wait for it,
// and download the MP4.
//   LEONARDO_API_KEY=... node scripts/animate-product.mjs <generated-image-id> [out.mp4]
import { writeFile } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';

const API = 'https://cloud.leonardo.ai/api/rest';
const apiKey = process.env.LEONARDO_API_KEY;
const [imageId, out = 'product.mp4'] = process.argv.slice(2);
if (!apiKey || !imageId) {
  console.error('usage: LEONARDO_API_KEY=... node scripts/animate-product.mjs <generated-image-id> [out.mp4]');
  process.exit(1);
}

const headers = {
  accept: 'application/json',
  'content-type': 'application/json',
  authorization: `Bearer ${apiKey}`,
};

async function startClip() {
  const res = await fetch(`${API}/v2/generations`, {
    method: 'POST',
    headers,
    body: JSON.stringify({
      model: 'kling-3.0',
      public: false,
      parameters: {
        prompt: 'Slow orbit around the product on a marble plinth, soft studio light, shallow depth of field',
        negative_prompt: 'blurry, warped logo, extra objects',
        duration: 5,
        width: 1920,
        height: 1080,
        motion_has_audio: false,
        guidances: {
          start_frame: [{ image: { id: imageId, type: 'GENERATED' } }],
        },
      },
    }),
  });
  const body = await res.json();
  if (!res.ok || body.errors) throw new Error(`create failed: ${JSON.stringify(body.errors ?? body)}`);
  return body.generate.generationId;
}

async function waitForClip(generationId) {
  for (let attempt = 1; attempt <= 60; attempt++) {
    const res = await fetch(`${API}/v1/generations/${generationId}`, { headers });
    const { generations_by_pk: generation } = await res.json();
    if (generation?.status === 'COMPLETE') return generation.generated_images[0].motionMP4URL;
    if (generation?.status === 'FAILED') throw new Error(`generation ${generationId} failed`);
    await sleep(10_000);
  }
  throw new Error(`generation ${generationId} still pending after 10 minutes`);
}

const generationId = await startClip();
console.log(`generation ${generationId} started`);
const videoUrl = await waitForClip(generationId);
const video = await fetch(videoUrl);
await writeFile(out, Buffer.from(await video.arrayBuffer()));
console.log(`saved ${out}`);
