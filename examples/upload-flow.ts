// Image-to-image from an uploaded photo: upload, generate, poll, upscale.
// Each step has a mistake that Leonardo answers with an error (or a silent empty result).
import { readFile } from 'node:fs/promises';

const BASE = 'https://cloud.leonardo.ai/api/rest/v1';
const headers = {
  accept: 'application/json',
  'content-type': 'application/json',
  authorization: `Bearer ${process.env.LEONARDO_API_KEY}`,
};

export async function restyle(path: string): Promise<string> {
  // 1. Ask for a presigned upload.
  const initRes = await fetch(`${BASE}/init-image`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ extension: 'jpg' }),
  });
  const { uploadInitImage } = await initRes.json();

  // 2. Upload the file to S3. presigned-upload-auth: S3 answers 403 to the API key.
  const form = new FormData();
  for (const [key, value] of Object.entries(JSON.parse(uploadInitImage.fields))) {
    form.append(key, value as string);
  }
  form.append('file', new Blob([await readFile(path)]));
  const uploadRes = await fetch(uploadInitImage.url, { method: 'POST', headers: { authorization: headers.authorization }, body: form });
  const uploaded = await uploadRes.json(); // presigned-upload-response: S3 answers 204 No Content
  console.log('uploaded', uploaded);

  // 3. Generate from the uploaded image.
  const genRes = await fetch(`${BASE}/generations`, {
    method: 'POST',
    headers,
    body: JSON.stringify({
      prompt: 'the same scene as a watercolor',
      init_generation_image_id: uploadInitImage.id, // wrong-id-kind: an uploaded image is an init_image_id
      init_strength: 0.5,
    }),
  });
  const job = await genRes.json();
  const generationId = job.sdGenerationJob.generationId;

  // 4. Read the result. unchecked-generation-status: the images are empty while PENDING.
  const result = await (await fetch(`${BASE}/generations/${generationId}`, { headers })).json();
  const image = result.generations_by_pk.generated_images[0];

  // 5. Upscale it. unknown-response-field: the job's id is sdUpscaleJob.id
  const upscale = await (await fetch(`${BASE}/variations/upscale`, { method: 'POST', headers, body: JSON.stringify({ id: image.id }) })).json();
  return upscale.sdUpscaleJob.jobId;
}

// direct-file-upload: POST /init-image takes JSON {extension}; the file goes to the presigned URL.
export async function uploadDirectly(file: Blob): Promise<void> {
  const form = new FormData();
  form.append('file', file);
  await fetch(`${BASE}/init-image`, { method: 'POST', headers: { authorization: headers.authorization }, body: form });
}
