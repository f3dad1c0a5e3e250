// The upload-and-generate flow done right: nothing here should be reported.
import { readFile } from 'node:fs/promises';

const BASE = 'https://cloud.leonardo.ai/api/rest/v1';
const headers = {
  accept: 'application/json',
  'content-type': 'application/json',
  authorization: `Bearer ${process.env.LEONARDO_API_KEY}`,
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function restyle(path: string): Promise<string[]> {
  const initRes = await fetch(`${BASE}/init-image`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ extension: 'jpg' }),
  });
  const { uploadInitImage } = await initRes.json();

  const form = new FormData();
  for (const [key, value] of Object.entries(JSON.parse(uploadInitImage.fields))) {
    form.append(key, value as string);
  }
  form.append('file', new Blob([await readFile(path)]));
  const uploadRes = await fetch(uploadInitImage.url, { method: 'POST', body: form });
  if (!uploadRes.ok) throw new Error(`upload failed: ${uploadRes.status}`);

  const genRes = await fetch(`${BASE}/generations`, {
    method: 'POST',
    headers,
    body: JSON.stringify({
      prompt: 'the same scene as a watercolor',
      init_image_id: uploadInitImage.id,
      init_strength: 0.5,
      modelId: 'b24e16ff-06e3-43eb-8d33-4416c2d75876',
      width: 1024,
      height: 768,
    }),
  });
  const job = await genRes.json();
  const generationId: string = job.sdGenerationJob.generationId;

  for (let attempt = 0; attempt < 60; attempt++) {
    const res = await fetch(`${BASE}/generations/${generationId}`, { headers });
    const data = await res.json();
    const generation = data.generations_by_pk;
    if (generation.status === 'FAILED') throw new Error('generation failed');
    if (generation.status === 'COMPLETE') {
      return generation.generated_images.map((image: { url: string }) => image.url);
    }
    await sleep(2000);
  }
  throw new Error('timed out');
}
