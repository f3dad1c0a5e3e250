// Next.js (app router): POST /api/generate starts a GPT Image 1.5 generation on Leonardo's v2 API
// and answers with its id; the client polls /api/generations/[id] for the images.
import { NextResponse, type NextRequest } from 'next/server';

const LEONARDO_V2 = 'https://cloud.leonardo.ai/api/rest/v2';

const SIZES = {
  square: { width: 1024, height: 1024 },
  portrait: { width: 1024, height: 1536 },
  landscape: { width: 1536, height: 1024 },
} as const;

type Orientation = keyof typeof SIZES;

interface GenerateRequest {
  prompt?: string;
  orientation?: Orientation;
  count?: number;
}

export async function POST(req: NextRequest) {
  const { prompt, orientation = 'square', count = 1 } = (await req.json()) as GenerateRequest;
  if (!prompt?.trim()) {
    return NextResponse.json({ error: 'prompt is required' }, { status: 400 });
  }
  const size = SIZES[orientation] ?? SIZES.square;

  const res = await fetch(`${LEONARDO_V2}/generations`, {
    method: 'POST',
    headers: {
      accept: 'application/json',
      'content-type': 'application/json',
      authorization: `Bearer ${process.env.LEONARDO_API_KEY}`,
    },
    body: JSON.stringify({
      model: 'gpt-image-1.5',
      parameters: {
        prompt: prompt.trim(),
        quality: 'high',
        quantity: Math.min(Math.max(Math.round(count), 1), 4),
        width: size.width,
        height: size.height,
        prompt_enhance: 'OFF',
      },
      public: false,
    }),
  });

  const data = await res.json();
  if (!res.ok || data.errors?.length) {
    const message = data.errors?.[0]?.message ?? data.error ?? `Leonardo answered ${res.status}`;
    return NextResponse.json({ error: message }, { status: 502 });
  }
  return NextResponse.json({ generationId: data.generate.generationId, cost: data.generate.apiCreditCost });
}
