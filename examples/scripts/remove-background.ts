// Cut a product photo out of its background and put it on a studio backdrop, with Leonardo's
// remove-bg model on the synchronous v2 endpoint (answers in one call, within about 27 seconds).

const LEONARDO_SYNC = 'https://cloud.leonardo.ai/api/rest/v2/generationssync';

export interface Cutout {
  url: string;
  width?: number;
  height?: number;
}

export async function removeBackground(imageUrl: string, backdropUrl: string): Promise<Cutout> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), 60_000);
  try {
    const res = await fetch(LEONARDO_SYNC, {
      method: 'POST',
      signal: controller.signal,
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${process.env.LEONARDO_API_KEY}`,
      },
      body: JSON.stringify({
        model: 'remove-bg',
        ephemeral: true,
        parameters: {
          guidances: {
            image_reference: [{ image: { url: imageUrl, type: 'URL' } }],
          },
          bg_image_url: backdropUrl,
          type: 'product',
          shadow_type: 'drop',
          format: 'webp',
        },
      }),
    });
    const data = await res.json();
    // Errors come back as 200 with `errors[]` as often as with a 4xx.
    if (!res.ok || data.errors?.length) {
      throw new Error(`remove-bg failed: ${data.errors?.[0]?.message ?? res.statusText}`);
    }
    const [result] = data.results;
    return { url: result.url, width: result.width, height: result.height };
  } finally {
    clearTimeout(timer);
  }
}
