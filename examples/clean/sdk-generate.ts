// Correct SDK usage: camelCase names, and photoReal v1 with modelId: null.
import { Leonardo } from '@leonardo-ai/sdk';

const leonardo = new Leonardo({ bearerAuth: process.env.LEONARDO_API_KEY ?? '' });

export async function photoreal(prompt: string) {
  return leonardo.image.createGeneration({
    prompt,
    modelId: null,
    photoReal: true,
    photoRealVersion: 'v1',
    alchemy: true,
    numImages: 2,
    width: 768,
    height: 768,
  });
}
