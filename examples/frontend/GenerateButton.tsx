// A React component that calls Leonardo straight from the browser.
import { useState } from 'react';

// client-exposed-api-key: NEXT_PUBLIC_ variables are shipped to every visitor's browser
const LEONARDO_KEY = process.env.NEXT_PUBLIC_LEONARDO_API_KEY;

export function GenerateButton({ prompt }: { prompt: string }) {
  const [busy, setBusy] = useState(false);
  async function generate() {
    setBusy(true);
    await fetch('https://cloud.leonardo.ai/api/rest/v1/generations', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${LEONARDO_KEY}` },
      body: JSON.stringify({ prompt, num_images: 1, width: 512, height: 512 }),
    });
    setBusy(false);
  }
  return <button disabled={busy} onClick={generate}>Generate</button>;
}
