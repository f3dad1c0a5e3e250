// A correct request: nothing here should be reported.
const BASE_URL = 'https://cloud.leonardo.ai/api/rest/v1';

export async function createGeneration(prompt: string, apiKey: string): Promise<string> {
  const response = await fetch(`${BASE_URL}/generations`, {
    method: 'POST',
    headers: {
      accept: 'application/json',
      'content-type': 'application/json',
      authorization: `Bearer ${apiKey}`,
    },
    body: JSON.stringify({
      prompt,
      modelId: 'de7d3faf-762f-48e0-b3b7-9d0ac3a3fcf3',
      width: 1024,
      height: 768,
      num_images: 4,
      alchemy: true,
      presetStyle: 'DYNAMIC',
      photoReal: true,
      photoRealVersion: 'v2',
      guidance_scale: 7,
    }),
  });
  if (!response.ok) throw new Error(`Leonardo answered ${response.status}`);
  const data = (await response.json()) as { sdGenerationJob: { generationId: string } };
  return data.sdGenerationJob.generationId;
}
