// A batch script that uses the official SDK (@leonardo-ai/sdk). SDK calls take camelCase names:
// a wire name such as `num_images` is dropped by the SDK without a word.
import { Leonardo } from '@leonardo-ai/sdk';

const leonardo = new Leonardo({ bearerAuth: process.env.LEONARDO_API_KEY ?? '' });

export async function renderProductShots(prompts: string[]): Promise<string[]> {
  const ids: string[] = [];
  for (const prompt of prompts) {
    const result = await leonardo.image.createGeneration({
      prompt,
      photoReal: true,             // option-conflict: the SDK sends its default modelId, photoReal v1 rejects it
      photoRealVersion: 'v1',
      num_images: 2,               // TypeScript says it (ts2561, the SDK's types): numImages; unknown-field leaves it to TypeScript
      width: 768,
      height: 768,
      controlNet: false,           // deprecated-field: use controlnets
    });
    const id = result.object?.sdGenerationJob?.generationId;
    if (id) ids.push(id);
  }
  return ids;
}
