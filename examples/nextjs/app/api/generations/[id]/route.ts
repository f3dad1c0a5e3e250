// Next.js (app router): GET /api/generations/[id] reports a generation's status and, once it is
// complete, its image URLs. The browser polls this route every few seconds.
import { NextResponse, type NextRequest } from 'next/server';

interface GeneratedImage {
  id: string;
  url: string;
  nsfw: boolean;
}

export async function GET(_req: NextRequest, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const res = await fetch(`https://cloud.leonardo.ai/api/rest/v2/generations/${encodeURIComponent(id)}`, {
    headers: {
      accept: 'application/json',
      authorization: `Bearer ${process.env.LEONARDO_API_KEY}`,
    },
    cache: 'no-store',
  });
  if (!res.ok) {
    return NextResponse.json({ status: 'PENDING' }, { status: 202 });
  }
  const data = await res.json();
  const generation = data.generations_by_pk;
  if (generation?.status !== 'COMPLETE') {
    return NextResponse.json({ status: generation?.status ?? 'PENDING' });
  }
  const images = (generation.generated_images as GeneratedImage[]).filter((image) => !image.nsfw).map((image) => image.url);
  return NextResponse.json({ status: 'COMPLETE', images });
}
