// unchecked-generation-status on polls (issue 19, RULES.md "Polls"): a poll that retries until the
// images (or a URL) appear and never reads `status` keeps polling a FAILED job until it gives up; a
// fixed delay, however it is written, is not a check.
import { ruleTester } from '../helpers/rule-tester.js';

const PREAMBLE = `const BASE = 'https://cloud.leonardo.ai/api/rest/v1';
const headers = { accept: 'application/json', authorization: \`Bearer \${process.env.LEONARDO_API_KEY}\` };
`;
const POLL = "This poll waits for the images but never reads 'generations_by_pk.status': stop on FAILED, or a failed job is polled until it gives up.";
const SDK_POLL = "This poll waits for the images but never reads 'generationsByPk.status': stop on FAILED, or a failed job is polled until it gives up.";
const UNCHECKED =
  "'generations_by_pk.generated_images' is read without checking the status: poll until it is COMPLETE first.";
/** A read after a fixed delay says so: a wait is no check. */
const AFTER_WAIT = "'generations_by_pk.generated_images' is read after a fixed wait: poll until its status is COMPLETE first.";
const ENDPOINT = 'GET /generations/{id}';

/** A generator that fetches the job and yields it, with a pause between rounds, reading no status. */
const POLLING_GENERATOR = `async function* pollGeneration(id: string) {
  for (let attempt = 0; attempt < 60; attempt++) {
    const res = await fetch(\`\${BASE}/generations/\${id}\`, { headers });
    const data = await res.json();
    yield data.generations_by_pk;
    await new Promise((r) => setTimeout(r, 3000));
  }
}
`;

/** A bounded poll that retries until a same-file `imageUrl(body)` gives a URL (the helper is each case's own). */
const WAIT_FOR_IMAGE_URL = `export async function waitForImage(id: string): Promise<string> {
  for (let i = 0; i < 100; i++) {
    const r = await fetch(\`\${BASE}/generations/\${id}\`, { headers });
    const url = imageUrl(await r.json());
    if (url) return url;
    await new Promise((res) => setTimeout(res, 3000));
  }
  throw new Error('timeout');
}`;

/** A bounded poll that retries until the images appear. */
const RETRY_ON_LENGTH = `${PREAMBLE}
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
export async function poll(id: string) {
  for (let attempt = 0; attempt < 30; attempt++) {
    await sleep(2000);
    const res = await fetch(\`\${BASE}/generations/\${id}\`, { headers });
    const { generations_by_pk: gen } = await res.json();
    if (gen.generated_images.length > 0) return gen.generated_images;
  }
  throw new Error('timed out');
}`;

/** A poll that retries on what a same-file helper returns; `check` is the helper's status line, if any. */
function helperPoll(check: string): string {
  return `${PREAMBLE}
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
async function getImages(id: string) {
  const data = await (await fetch(\`\${BASE}/generations/\${id}\`, { headers })).json();${check}
  return data.generations_by_pk.generated_images;
}
export async function waitImages(id: string) {
  for (let i = 0; i < 30; i++) {
    const images = await getImages(id);
    if (images.length) return images;
    await sleep(2000);
  }
  return [];
}`;
}

/** A function that pauses (`delay` statements), then reads the first image of the generation. */
function afterDelay(delay: string): string {
  return `export async function get(id: string) {
  ${delay}
  const res = await fetch(\`\${BASE}/generations/\${id}\`, { headers });
  const data = await res.json();
  return data.generations_by_pk.generated_images[0].url;
}`;
}

/** A React hook polling with setInterval; `branches` is what the callback does with the generation. */
function reactPoll(branches: string): string {
  return `import { useEffect, useState } from 'react';
import axios from 'axios';
${PREAMBLE}
export function useGenerationImages(generationId: string | null) {
  const [images, setImages] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!generationId) return;
    const id = setInterval(async () => {
      const { data } = await axios.get(\`\${BASE}/generations/\${generationId}\`, { headers });
      const gen = data.generations_by_pk;
${branches}
    }, 3000);
    return () => clearInterval(id);
  }, [generationId]);
  return { images, error };
}`;
}

const COMPLETE_BRANCH = `      if (gen.status === 'COMPLETE') {
        clearInterval(id);
        setImages(gen.generated_images.map((image: { url: string }) => image.url));
      }`;

/** A Node script waiting for a generation in a promise around setInterval; `rest` follows the COMPLETE branch. */
function promisePoll(rest: string): string {
  return `${PREAMBLE}
export function waitForImages(generationId: string): Promise<string[]> {
  return new Promise((resolve, reject) => {
    let attempts = 0;
    const timer = setInterval(async () => {
      attempts++;
      const res = await fetch(\`\${BASE}/generations/\${generationId}\`, { headers });
      const { generations_by_pk: generation } = await res.json();
      if (generation.status === 'COMPLETE') {
        clearInterval(timer);
        resolve(generation.generated_images.map((image: { url: string }) => image.url));
      }${rest}
    }, 5000);
  });
}`;
}

const INTERVAL_FOREVER = 'Stop the interval when \'generations_by_pk.status\' is "FAILED": as written a failed job is polled forever.';
const INTERVAL_GIVES_UP = 'Stop the interval when \'generations_by_pk.status\' is "FAILED": as written a failed job is polled until it gives up.';
const SDK_INTERVAL = "Stop the interval when 'generationsByPk.status' is 'JobStatus.Failed': as written a failed job is polled forever.";

/** The SDK's result polled with setInterval; `failed` is the callback's FAILED line, if any. */
function sdkPoll(failed: string): string {
  return `import { Leonardo } from '@leonardo-ai/sdk';
import { JobStatus } from '@leonardo-ai/sdk/sdk/models/shared';
const leonardo = new Leonardo({ bearerAuth: process.env.LEONARDO_API_KEY });
export function watch(id: string, onImages: (urls: string[]) => void) {
  const timer = setInterval(async () => {
    const result = await leonardo.image.getGenerationById(id);
    const generation = result.object?.generationsByPk;${failed}
    if (generation?.status === JobStatus.Complete) {
      clearInterval(timer);
      onImages((generation.generatedImages ?? []).map((image) => image.url ?? ''));
    }
  }, 2000);
}`;
}

ruleTester.run('unchecked-generation-status', {
  valid: [
    {
      name: 'for await over a polling generator that stops on the status itself',
      code: `${PREAMBLE}
async function* pollGeneration(id: string) {
  for (let attempt = 0; attempt < 60; attempt++) {
    const res = await fetch(\`\${BASE}/generations/\${id}\`, { headers });
    const { generations_by_pk: gen } = await res.json();
    if (gen.status === 'FAILED') throw new Error('generation failed');
    if (gen.status === 'COMPLETE') yield gen;
    await new Promise((r) => setTimeout(r, 3000));
  }
}
export async function firstImage(id: string) {
  for await (const generation of pollGeneration(id)) {
    const images = generation.generated_images;
    if (images.length) return images[0].url;
  }
}`,
    },
    {
      name: 'for await over a generator that checks the status in the loop',
      code: `${PREAMBLE}
${POLLING_GENERATOR}export async function firstImage(id: string) {
  for await (const generation of pollGeneration(id)) {
    if (generation.status === 'FAILED') throw new Error('failed');
    if (generation.status === 'COMPLETE') return generation.generated_images[0].url;
  }
}`,
    },
    {
      name: "a helper that labels its answer from the job's status ({ status: 'failed' } on FAILED), polled by a loop that tests the label",
      code: `${PREAMBLE}
async function check(id: string) {
  const res = await fetch(\`\${BASE}/generations/\${id}\`, { headers });
  const { generations_by_pk: gen } = await res.json();
  if (gen.status === 'FAILED') return { status: 'failed', images: [] };
  return { status: 'ok', images: gen.generated_images };
}
export async function waitForImages(id: string) {
  for (let i = 0; i < 30; i++) {
    const answer = await check(id);
    if (answer.status === 'failed') throw new Error('generation failed');
    if (answer.images.length > 0) return answer.images;
    await new Promise((r) => setTimeout(r, 2000));
  }
  throw new Error('timed out');
}`,
    },
    {
      name: "a client's status method read in the poll (jobs.status(gen)) is a status check, unlike res.status(405)",
      code: `import { jobs } from './jobs';
${PREAMBLE}
export async function waitForImages(id: string) {
  for (;;) {
    const gen = (await (await fetch(\`\${BASE}/generations/\${id}\`, { headers })).json()).generations_by_pk;
    if (jobs.status(gen) === 'FAILED') throw new Error('generation failed');
    if (gen.generated_images.length > 0) return gen.generated_images;
    await new Promise((r) => setTimeout(r, 3000));
  }
}`,
    },
    {
      name: 'the SDK: a function that calls itself again while the job is PENDING reads the status',
      code: `import { Leonardo } from '@leonardo-ai/sdk';
const leonardo = new Leonardo({ bearerAuth: process.env.LEONARDO_API_KEY! });
export const getImages = async (generationId: string): Promise<string[]> => {
  const result = await leonardo.image.getGenerationById(generationId);
  const generation = result.object?.generationsByPk;
  if (generation?.status === 'FAILED') throw new Error('generation failed');
  const images = generation?.generatedImages;
  if (images !== undefined && images.length === 0) return getImages(generationId);
  return (images ?? []).map((i) => i.url!);
};`,
    },
    {
      name: 'a status helper that hands the images on beside the status, for its caller to check',
      code: `${PREAMBLE}
export const leonardoApi = {
  async getGenerationStatus(generationId: string) {
    const response = await fetch(\`\${BASE}/generations/\${generationId}\`, { headers });
    const data = await response.json();
    return {
      status: data.generations_by_pk?.status,
      images: data.generations_by_pk?.generated_images?.map((img: { url: string }) => img.url) || [],
    };
  },
};
export async function imagesOf(generationId: string) {
  const data = await (await fetch(\`\${BASE}/generations/\${generationId}\`, { headers })).json();
  const images = data.generations_by_pk.generated_images;
  return { status: data.generations_by_pk.status, images };
}`,
    },
    {
      name: 'a poll on what a same-file helper returns, where the helper stops on FAILED',
      code: helperPoll("\n  if (data.generations_by_pk.status === 'FAILED') throw new Error('generation failed');"),
    },
    {
      name: 'a poll on the images that stops on FAILED reads the status',
      code: RETRY_ON_LENGTH.replace('    if (gen.generated_images', "    if (gen.status === 'FAILED') throw new Error('generation failed');\n    if (gen.generated_images"),
    },
    {
      name: 'a setInterval that clears itself on a status read through a destructured alias',
      code: `${PREAMBLE}
export function watch(id: string, done: (urls: string[]) => void, fail: () => void) {
  const timer = setInterval(async () => {
    const data = await (await fetch(\`\${BASE}/generations/\${id}\`, { headers })).json();
    const { status: jobStatus, generated_images } = data.generations_by_pk;
    if (jobStatus === 'FAILED') { clearInterval(timer); fail(); return; }
    if (generated_images.length) { clearInterval(timer); done(generated_images.map((i: { url: string }) => i.url)); }
  }, 3000);
}`,
    },
    {
      name: 'a poll whose round asks a same-file status function',
      code: `${PREAMBLE}
async function generationStatus(id: string): Promise<string> {
  const data = await (await fetch(\`\${BASE}/generations/\${id}\`, { headers })).json();
  return data.generations_by_pk.status;
}
export async function images(id: string) {
  while (true) {
    await new Promise((r) => setTimeout(r, 3000));
    const s = await generationStatus(id);
    if (s === 'FAILED') throw new Error('failed');
    const data = await (await fetch(\`\${BASE}/generations/\${id}\`, { headers })).json();
    if (data.generations_by_pk.generated_images.length) return data.generations_by_pk.generated_images;
  }
}`,
    },
    {
      name: 'an imported wait helper given the generation still counts as a wait',
      code: `import { waitForGeneration } from './leonardo';
${PREAMBLE}
export async function result(id: string) {
  await waitForGeneration(id, 60_000);
  const data = await (await fetch(\`\${BASE}/generations/\${id}\`, { headers })).json();
  return data.generations_by_pk.generated_images;
}`,
    },
    {
      name: 'a poll of a URL the file does not know is not judged',
      code: `${PREAMBLE}
export async function poll(url: string) {
  while (true) {
    await new Promise((r) => setTimeout(r, 2000));
    const data = await (await fetch(url, { headers })).json();
    if (data.generations_by_pk.generated_images.length) return data.generations_by_pk.generated_images;
  }
}`,
    },

    {
      name: 'a setInterval in a React effect that stops on FAILED too',
      code: reactPoll(`${COMPLETE_BRANCH} else if (gen.status === 'FAILED') {
        clearInterval(id);
        setError('The generation failed');
      }`),
    },
    {
      name: 'a setInterval that stops on any status but PENDING',
      code: reactPoll(`${COMPLETE_BRANCH} else if (gen.status !== 'PENDING') {
        clearInterval(id);
        setError(\`The generation ended \${gen.status}\`);
      }`),
    },
    {
      name: 'a setInterval whose else branch gives up and rejects',
      code: promisePoll(` else if (attempts >= 60) {
        clearInterval(timer);
        reject(new Error('no images after five minutes'));
      }`),
    },
    {
      name: 'a setInterval bounded by attempts that also rejects on FAILED',
      code: promisePoll(`
      if (generation.status === 'FAILED' || attempts >= 60) {
        clearInterval(timer);
        reject(new Error(\`generation \${generation.status}\`));
      }`),
    },
    {
      name: 'a setInterval switching on the status with a default that stops',
      code: reactPoll(`      switch (gen.status) {
        case 'PENDING':
          return;
        case 'COMPLETE':
          clearInterval(id);
          setImages(gen.generated_images.map((image: { url: string }) => image.url));
          return;
        default:
          clearInterval(id);
          setError(gen.status);
      }`),
    },
    {
      name: 'a setInterval that also compares the status with a value the file does not know is not judged',
      code: `${PREAMBLE}
export function watch(id: string, failed: string, onImages: (urls: string[]) => void, onError: () => void) {
  const timer = setInterval(async () => {
    const data = await (await fetch(\`\${BASE}/generations/\${id}\`, { headers })).json();
    const gen = data.generations_by_pk;
    if (gen.status === 'COMPLETE') {
      clearInterval(timer);
      onImages(gen.generated_images.map((image: { url: string }) => image.url));
    } else if (gen.status === failed) {
      clearInterval(timer);
      onError();
    }
  }, 3000);
}`,
    },
    {
      name: 'a setInterval that hands the status to other code is not judged',
      code: reactPoll(`      onStatus(gen.status);
${COMPLETE_BRANCH}`).replace('export function useGenerationImages(generationId: string | null)', 'export function useGenerationImages(generationId: string | null, onStatus: (status: string) => void)'),
    },
    {
      name: 'a setInterval on a response the file does not know is not judged',
      code: `${PREAMBLE}
export function watch(url: string, onImages: (urls: string[]) => void) {
  const timer = setInterval(async () => {
    const gen = (await (await fetch(url, { headers })).json()).generations_by_pk;
    if (gen.status === 'COMPLETE') {
      clearInterval(timer);
      onImages(gen.generated_images.map((image: { url: string }) => image.url));
    }
  }, 3000);
}`,
    },
    {
      name: "the SDK: a setInterval that also stops on JobStatus.Failed",
      code: sdkPoll(`
    if (generation?.status === JobStatus.Failed) {
      clearInterval(timer);
      throw new Error('generation failed');
    }`),
    },
    {
      name: 'a name rewritten where it is not a list (if (!Array.isArray(body)) body = ...), or where another name is one, is not known: silent',
      code: `${PREAMBLE}
export async function waitForImage(id: string, fallback: unknown): Promise<string> {
  for (let i = 0; i < 100; i++) {
    const r = await fetch(\`\${BASE}/generations/\${id}\`, { headers });
    let body: any = await r.json();
    let other: any = await r.json();
    if (!Array.isArray(body)) body = await load(id);
    if (Array.isArray(fallback)) other = fallback[0];
    const url = body.generations_by_pk?.generated_images?.[0]?.url ?? other.generations_by_pk?.generated_images?.[0]?.url;
    if (url) return url;
    await new Promise((res) => setTimeout(res, 3000));
  }
  throw new Error('timeout');
}`,
    },
  ],
  invalid: [
    {
      name: 'for await over a generator that polls between yields, until the images appear (hand35)',
      code: `${PREAMBLE}
${POLLING_GENERATOR}export async function firstImage(id: string) {
  for await (const generation of pollGeneration(id)) {
    const images = generation.generated_images;
    if (images.length) return images[0].url;
  }
}`,
      findings: [{ message: POLL, at: [14, 31, 'generated_images'], endpoint: ENDPOINT, fixes: [] }],
    },
    {
      name: 'a poll whose answer is taken apart as a list first (if (Array.isArray(body)) body = body[0]): this answer is an object, so body keeps it',
      code: `${PREAMBLE}
export async function waitForImage(id: string): Promise<string> {
  for (let i = 0; i < 100; i++) {
    const r = await fetch(\`\${BASE}/generations/\${id}\`, { headers });
    let body: any = await r.json();
    if (Array.isArray(body)) {
      body = body[0] ?? {};
    }
    const url = body.generations_by_pk?.generated_images?.[0]?.url;
    if (url) return url;
    await new Promise((res) => setTimeout(res, 3000));
  }
  throw new Error('timeout');
}`,
      findings: [{ message: POLL, at: [11, 41, 'generated_images'], endpoint: ENDPOINT, fixes: [] }],
    },
    {
      name: 'the same in a helper that takes the answer as a parameter and rewrites it only when it is a list',
      code: `${PREAMBLE}
function imageUrl(payload: any): string | null {
  if (Array.isArray(payload)) payload = payload[0] ?? {};
  return payload.generations_by_pk.generated_images?.[0]?.url ?? null;
}
${WAIT_FOR_IMAGE_URL}`,
      findings: [{ message: POLL, at: [6, 36, 'generated_images'], endpoint: ENDPOINT, fixes: [] }],
    },
    {
      name: 'a poll whose job is the real key or a guess the answer lacks (p.generations_by_pk || p.generations): the guess reads undefined, so the job is the real one',
      code: `${PREAMBLE}
function imageUrl(p: any): string | null {
  const gens = p.generations_by_pk || p.generations;
  const images = gens?.generated_images;
  return images?.[0]?.url ?? null;
}
${WAIT_FOR_IMAGE_URL}`,
      findings: [{ message: POLL, at: [6, 24, 'generated_images'], endpoint: ENDPOINT, fixes: [] }],
    },
    {
      name: 'a loop that waits, reads the job through a same-file helper and stops once the images are there: the images test is the poll\'s, no status check',
      path: 'video.js',
      code: `import axios from 'axios';
${PREAMBLE}
async function getGeneration(generationId) {
  const response = await axios.get(\`\${BASE}/generations/\${generationId}\`, { headers });
  return response.data;
}
export async function waitForVideo(generationId) {
  for (let attempt = 0; attempt < 10; attempt++) {
    await new Promise((resolve) => setTimeout(resolve, 10000));
    const data = await getGeneration(generationId);
    if (data.generations_by_pk.generated_images.length > 0) {
      return data.generations_by_pk.generated_images[0].motionMP4URL;
    }
  }
  throw new Error('no video');
}`,
      findings: [{ message: POLL, at: [13, 32, 'generated_images'], endpoint: ENDPOINT, fixes: [] }],
    },
    {
      name: 'an interval that stops only when the status is a constant object\'s member holding COMPLETE (STATUS.DONE) polls a failed job forever',
      code: `${PREAMBLE}
const STATUS = { DONE: 'COMPLETE' } as const;
export function watch(id: string, onDone: (urls: string[]) => void) {
  const timer = setInterval(async () => {
    const { generations_by_pk: g } = await (await fetch(\`\${BASE}/generations/\${id}\`, { headers })).json();
    if (g.status === STATUS.DONE) {
      clearInterval(timer);
      onDone(g.generated_images.map((i: { url: string }) => i.url));
    }
  }, 2000);
}`,
      findings: [{ message: INTERVAL_FOREVER, at: [10, 16, 'generated_images'], endpoint: ENDPOINT, fixes: [] }],
    },
    {
      name: 'a poll through a helper that returns the first URL or null (?? null picks a value; it waits for nothing)',
      code: `${PREAMBLE}
function imageUrl(payload: any): string | null {
  return payload.generations_by_pk.generated_images?.[0]?.url ?? null;
}
${WAIT_FOR_IMAGE_URL}`,
      findings: [{ message: POLL, at: [5, 36, 'generated_images'], endpoint: ENDPOINT, fixes: [] }],
    },
    {
      name: 'a poll that tests the status of an image (which has none) never reads the job status',
      code: `${PREAMBLE}
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
export async function pollForResult(id: string) {
  for (let i = 0; i < 30; i++) {
    const result = await fetch(\`\${BASE}/generations/\${id}\`, { headers });
    const images = (await result.json())?.generations_by_pk?.generated_images;
    if (images && images.length > 0) {
      const img = images[0];
      if (img.status === 'COMPLETE' && img.url) return img.url;
      if (img.status === 'FAILED') throw new Error('failed');
    }
    await sleep(2000);
  }
  throw new Error('timeout');
}`,
      findings: [{ message: POLL, at: [8, 62, 'generated_images'], endpoint: ENDPOINT, fixes: [] }],
    },
    {
      name: "a poll that compares only HTTP statuses (401, axios's validateStatus) reads no job status",
      path: 'poll.js',
      code: `import axios from 'axios';
${PREAMBLE}
export async function poll(id) {
  for (let i = 0; i < 30; i++) {
    try {
      const result = await axios.get(\`\${BASE}/generations/\${id}\`, { headers, validateStatus: () => true });
      if (result.status === 401) throw new Error('bad key');
      const images = result.data?.generations_by_pk?.generated_images;
      if (images && images.length > 0) return images[0].url;
    } catch (error) {
      if (error.response?.status >= 500) console.warn('retrying');
    }
    await new Promise((r) => setTimeout(r, 2000));
  }
}`,
      findings: [{ message: POLL, at: [10, 54, 'generated_images'], endpoint: ENDPOINT, fixes: [] }],
    },
    {
      name: 'a poll that stores the status in a record once the images are there never reads it to stop',
      code: `${PREAMBLE}
declare const db: { save(row: object): Promise<void> };
export function waitAndSave(id: string): Promise<void> {
  return new Promise((resolve) => {
    const interval = setInterval(async () => {
      const gen = (await (await fetch(\`\${BASE}/generations/\${id}\`, { headers })).json()).generations_by_pk;
      if (gen.generated_images.length) {
        clearInterval(interval);
        await db.save({ id: gen.id, status: gen.status, urls: gen.generated_images.map((i: { url: string }) => i.url) });
        resolve();
      }
    }, 2000);
  });
}`,
      findings: [{ message: POLL, at: [9, 15, 'generated_images'], endpoint: ENDPOINT, fixes: [] }],
    },
    {
      name: 'an Express handler: res.status(405) sets the HTTP answer, it checks no job',
      path: 'api/generate.js',
      code: `${PREAMBLE}
export default async function handler(req, res) {
  if (req.method !== 'POST') {
    return res.status(405).json({ error: 'Method not allowed' });
  }
  const poll = async (id) => {
    for (let i = 0; i < 30; i++) {
      const result = await fetch(\`\${BASE}/generations/\${id}\`, { headers });
      const images = (await result.json()).generations_by_pk.generated_images;
      if (images.length > 0) return images[0].url;
      await new Promise((resolve) => setTimeout(resolve, 2000));
    }
    throw new Error('timeout');
  };
  return res.status(200).json({ imageUrl: await poll(req.body.id) });
}`,
      findings: [{ message: POLL, at: [11, 62, 'generated_images'], endpoint: ENDPOINT, fixes: [] }],
    },
    {
      name: 'a setInterval in a React effect cleared only on COMPLETE (the cleanup runs when the page goes)',
      code: reactPoll(COMPLETE_BRANCH),
      findings: [{ message: INTERVAL_FOREVER, at: [16, 23, 'generated_images'], endpoint: ENDPOINT, fixes: [] }],
    },
    {
      name: 'a setInterval bounded by attempts but cleared on COMPLETE only',
      code: promisePoll(`
      if (attempts >= 60) {
        clearInterval(timer);
        reject(new Error('no images after five minutes'));
      }`),
      findings: [{ message: INTERVAL_GIVES_UP, at: [13, 28, 'generated_images'], endpoint: ENDPOINT, fixes: [] }],
    },
    {
      name: 'a setInterval with a destructured status, an early return while not COMPLETE and a log line',
      path: 'poll.js',
      code: `${PREAMBLE}
export function poll(generationId, render) {
  const timer = setInterval(async () => {
    const response = await fetch(\`\${BASE}/generations/\${generationId}\`, { headers });
    const { status: state, generated_images: images } = (await response.json()).generations_by_pk;
    console.log(\`generation \${generationId}: \${state}\`);
    if (state !== 'COMPLETE') return;
    clearInterval(timer);
    render(images);
  }, 2000);
}`,
      findings: [{ message: INTERVAL_FOREVER, at: [7, 28, 'generated_images'], endpoint: ENDPOINT, fixes: [] }],
    },
    {
      name: 'a poller class keeping its interval in this.timer, cleared only on COMPLETE',
      code: `import axios from 'axios';
${PREAMBLE}
export class Poller {
  private timer?: ReturnType<typeof setInterval>;
  start(id: string, onDone: (urls: string[]) => void) {
    this.timer = setInterval(async () => {
      const response = await axios.get(\`\${BASE}/generations/\${id}\`, { headers });
      const generation = response.data.generations_by_pk;
      if (generation.status === 'COMPLETE') {
        clearInterval(this.timer);
        onDone(generation.generated_images.map((image: { url: string }) => image.url));
      }
    }, 4000);
  }
}`,
      findings: [{ message: INTERVAL_FOREVER, at: [13, 27, 'generated_images'], endpoint: ENDPOINT, fixes: [] }],
    },
    {
      name: "a setInterval cleared only on COMPLETE whose catch lets a rate limit pass (an HTTP status, err.response?.status === 429)",
      code: `import axios from 'axios';
${PREAMBLE}
export function whenFinished(generationId: string): Promise<string[]> {
  return new Promise((resolve) => {
    const handle = setInterval(async () => {
      try {
        const { data } = await axios.get(\`\${BASE}/generations/\${generationId}\`, { headers });
        const gen = data.generations_by_pk;
        if (gen.status === 'COMPLETE') {
          clearInterval(handle);
          resolve(gen.generated_images.map((i: { url: string }) => i.url));
        }
      } catch (err: any) {
        const { status } = err.response ?? {};
        if (status === 503 || err.response?.status === 429) return;
        console.error(err);
      }
    }, 4000);
  });
}`,
      findings: [{ message: INTERVAL_FOREVER, at: [13, 23, 'generated_images'], endpoint: ENDPOINT, fixes: [] }],
    },
    {
      name: 'the SDK: a setInterval cleared only on JobStatus.Complete',
      code: sdkPoll(''),
      findings: [{ message: SDK_INTERVAL, at: [10, 28, 'generatedImages'], fixes: [] }],
    },
    {
      name: 'a while loop waiting for the images themselves: one finding, on the read the loop retries on',
      code: `${PREAMBLE}
export async function take(id: string) {
  let data = await (await fetch(\`\${BASE}/generations/\${id}\`, { headers })).json();
  while (!data.generations_by_pk?.generated_images?.length) {
    await new Promise((r) => setTimeout(r, 2000));
    data = await (await fetch(\`\${BASE}/generations/\${id}\`, { headers })).json();
  }
  return data.generations_by_pk.generated_images[0].url;
}`,
      findings: [{ message: POLL, at: [6, 35, 'generated_images'], endpoint: ENDPOINT, fixes: [] }],
    },
    {
      name: 'polling until a URL is present, with a delay between rounds',
      code: `${PREAMBLE}
export async function firstUrl(generationId: string) {
  let imageUrl: string | undefined;
  let attempts = 0;
  while (!imageUrl && attempts < 20) {
    await new Promise((resolve) => setTimeout(resolve, 3000));
    const pollResponse = await fetch(\`\${BASE}/generations/\${generationId}\`, { headers });
    if (pollResponse.ok) {
      const pollData = await pollResponse.json();
      const images = pollData.generations_by_pk?.generated_images;
      if (images && images.length > 0) imageUrl = images[0].url;
    }
    attempts++;
  }
  return imageUrl;
}`,
      findings: [{ message: POLL, at: [12, 50, 'generated_images'], fixes: [] }],
    },
    {
      name: 'a setInterval cleared only when images appear',
      code: `${PREAMBLE}
export function waitImages(id: string): Promise<string> {
  return new Promise((resolve) => {
    const timer = setInterval(async () => {
      const res = await fetch(\`\${BASE}/generations/\${id}\`, { headers });
      const data = await res.json();
      const images = data.generations_by_pk.generated_images;
      if (images.length > 0) {
        clearInterval(timer);
        resolve(images[0].url);
      }
    }, 3000);
  });
}`,
      findings: [{ message: POLL, at: [9, 45, 'generated_images'], fixes: [] }],
    },
    {
      name: 'a same-file function passed to setInterval, waiting for a URL',
      path: 'app.js',
      code: `${PREAMBLE}
let timer;
async function check(id) {
  const res = await fetch(\`\${BASE}/generations/\${id}\`, { headers });
  const data = await res.json();
  const url = data.generations_by_pk?.generated_images?.[0]?.url;
  if (url) {
    clearInterval(timer);
    show(url);
  }
}
export function start(id) {
  timer = setInterval(check, 3000, id);
}`,
      findings: [{ message: POLL, at: [8, 39, 'generated_images'], fixes: [] }],
    },
    {
      name: 'a bounded for loop retrying on the length of the images',
      code: RETRY_ON_LENGTH,
      findings: [{ message: POLL, at: [10, 13, 'generated_images'], fixes: [] }],
    },
    {
      name: 'a retry loop that waits through a same-file backoff helper, whatever it is called, and retries on the images',
      code: `${PREAMBLE}
function backoff(attempt: number) {
  const ms = Math.min(30_000, 1000 * 2 ** attempt);
  return new Promise((resolve) => setTimeout(resolve, ms));
}
const exponential = (attempt: number) => new Promise<void>((resolve) => setTimeout(resolve, 500 * 2 ** attempt));
export async function images(id: string, maxAttempts = 8) {
  for (let attempt = 0; attempt < maxAttempts; attempt++) {
    const data = await (await fetch(\`\${BASE}/generations/\${id}\`, { headers })).json();
    const list = data.generations_by_pk?.generated_images ?? [];
    if (list.length > 0) return list;
    await backoff(attempt);
  }
  throw new Error('timed out');
}
export async function first(id: string) {
  let attempt = 0;
  while (attempt < 6) {
    const data = await (await fetch(\`\${BASE}/generations/\${id}\`, { headers })).json();
    const url = data.generations_by_pk?.generated_images?.[0]?.url;
    if (url) return url;
    await exponential(attempt++);
  }
  return null;
}`,
      findings: [
        { message: POLL, at: [12, 42, 'generated_images'], fixes: [] },
        { message: POLL, at: [22, 41, 'generated_images'], fixes: [] },
      ],
    },
    {
      name: 'a function that schedules itself again with setTimeout until the images appear',
      code: `${PREAMBLE}
export function pollImage(id: string, onDone: (url: string) => void, tries = 0) {
  fetch(\`\${BASE}/generations/\${id}\`, { headers })
    .then((r) => r.json())
    .then((data) => {
      const images = data.generations_by_pk.generated_images;
      if (images.length) onDone(images[0].url);
      else if (tries < 20) setTimeout(() => pollImage(id, onDone, tries + 1), 3000);
    });
}`,
      findings: [{ message: POLL, at: [8, 45, 'generated_images'], fixes: [] }],
    },
    {
      name: 'an async function that calls itself again after a delay',
      code: `${PREAMBLE}
export async function pollImage(id: string, tries = 0): Promise<string> {
  const data = await (await fetch(\`\${BASE}/generations/\${id}\`, { headers })).json();
  const images = data.generations_by_pk.generated_images;
  if (images.length) return images[0].url;
  await new Promise((r) => setTimeout(r, 3000));
  return pollImage(id, tries + 1);
}`,
      findings: [{ message: POLL, at: [6, 41, 'generated_images'], fixes: [] }],
    },
    {
      name: "the SDK: a helper that calls itself while the images are empty, testing only the { status, data } label it returns itself",
      code: `import { Leonardo } from '@leonardo-ai/sdk';
const leonardo = new Leonardo({ bearerAuth: process.env.LEONARDO_API_KEY });
async function getGenerations(generationId: string): Promise<{ status: string; data: unknown }> {
  const result = await leonardo.image.getGenerationById(generationId);
  let generations = result.object;
  const images = generations?.generationsByPk?.generatedImages;
  if (images !== undefined && images.length === 0) {
    const again = await getGenerations(generationId);
    if (again.status === 'error') throw new Error('failed to get generated image');
    generations = again.data as typeof generations;
  }
  return { status: 'success', data: generations };
}
export const generate = (id: string) => getGenerations(id);`,
      findings: [{ message: SDK_POLL, at: [6, 48, 'generatedImages'], fixes: [] }],
    },
    {
      name: 'a script whose poll waits for the images, then reads the first one behind a test; called at the end of the file (round M)',
      path: 'gen-assets.mjs',
      code: `const API_KEY = process.env.LEONARDO_API_KEY;
async function main(id) {
  let done = false, tries = 0, data;
  while (!done && tries++ < 30) {
    await new Promise((r) => setTimeout(r, 4000));
    const res = await fetch(\`https://cloud.leonardo.ai/api/rest/v1/generations/\${id}\`, { headers: { Authorization: \`Bearer \${API_KEY}\` } });
    data = await res.json();
    done = !!data?.generations_by_pk?.generated_images?.length;
  }
  const img = data?.generations_by_pk?.generated_images?.[0];
  if (img?.url) console.log(img.url);
}
main(process.argv[2]);`,
      findings: [{ message: POLL, at: [8, 39, 'generated_images'], endpoint: ENDPOINT, fixes: [] }],
    },
    {
      name: 'a helper that calls itself while the images are empty, called by an arrow function declared above it (round P)',
      code: `export const run = async (id: string) => getImages(id);
const getImages = async (generationId: string): Promise<unknown> => {
  const res = await fetch(\`https://cloud.leonardo.ai/api/rest/v1/generations/\${generationId}\`, {
    headers: { authorization: \`Bearer \${process.env.LEONARDO_API_KEY}\` },
  });
  const data = await res.json();
  const images = data.generations_by_pk?.generated_images;
  if (images !== undefined && images.length === 0) return getImages(generationId);
  return images;
};`,
      findings: [{ message: POLL, at: [7, 42, 'generated_images'], endpoint: ENDPOINT, fixes: [] }],
    },
    {
      name: 'the SDK: a loop on generatedImages that never reads the status',
      code: `import { Leonardo } from '@leonardo-ai/sdk';
const leonardo = new Leonardo({ bearerAuth: process.env.LEONARDO_API_KEY });
export async function images(id: string) {
  for (let i = 0; i < 20; i++) {
    await new Promise((r) => setTimeout(r, 2000));
    const result = await leonardo.image.getGenerationById(id);
    const list = result.object?.generationsByPk?.generatedImages ?? [];
    if (list.length > 0) return list;
  }
  return [];
}`,
      findings: [{ message: SDK_POLL, at: [7, 50, 'generatedImages'], fixes: [] }],
    },
    {
      name: 'a poll on what a same-file helper returns: the finding sits on the helper\'s read',
      code: helperPoll(''),
      findings: [{ message: POLL, at: [7, 33, 'generated_images'], fixes: [] }],
    },
    {
      name: 'a same-file wait(ms) is a fixed delay, not a wait for the job',
      code: `${PREAMBLE}
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));
${afterDelay('await wait(15000);')}`,
      findings: [{ message: AFTER_WAIT, at: [9, 33, 'generated_images'], fixes: [] }],
    },
    {
      name: 'an imported waitForTimeout(ms) or wait(ms) is a fixed delay too',
      code: `import { page } from './browser';
import { wait } from './utils';
${PREAMBLE}
${afterDelay('await page.waitForTimeout(15000);\n  await wait(5000);')}`,
      findings: [{ message: AFTER_WAIT, at: [11, 33, 'generated_images'], fixes: [] }],
    },
    {
      name: 'a loop of pauses before the read is a fixed delay',
      code: `${PREAMBLE}
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
export async function get(id: string) {
  for (let i = 0; i < 3; i++) await sleep(5000);
  const data = await (await fetch(\`\${BASE}/generations/\${id}\`, { headers })).json();
  return data.generations_by_pk.generated_images;
}`,
      findings: [{ message: AFTER_WAIT, at: [8, 33, 'generated_images'], fixes: [] }],
    },
    {
      name: 'an index loop over several generations with a pause is not a poll',
      code: `${PREAMBLE}
export async function all(ids: string[]) {
  const out = [];
  for (let i = 0; i < ids.length; i++) {
    await new Promise((r) => setTimeout(r, 500));
    const data = await (await fetch(\`\${BASE}/generations/\${ids[i]}\`, { headers })).json();
    out.push(data.generations_by_pk.generated_images);
  }
  return out;
}`,
      findings: [{ message: UNCHECKED, at: [9, 37, 'generated_images'], fixes: [] }],
    },
    {
      name: 'a status check in a function declared before the read does not run there',
      path: 'app.js',
      code: `${PREAMBLE}
const isReady = (generation) => generation.status === 'COMPLETE';
const generate = async (generationId) => {
  const response = await fetch(\`\${BASE}/generations/\${generationId}\`, { headers });
  const data = await response.json();
  console.log(data.generations_by_pk.generated_images[0].url);
};
generate(process.argv[2]);`,
      findings: [{ message: UNCHECKED, at: [8, 38, 'generated_images'], fixes: [] }],
    },
    {
      name: 'a poll that only logs the status waits for the images all the same',
      code: `${PREAMBLE}
export async function render(id: string): Promise<string | null> {
  for (let i = 0; i < 15; i++) {
    await new Promise((r) => setTimeout(r, 2000));
    const poll = await fetch(\`\${BASE}/generations/\${id}\`, { headers });
    if (!poll.ok) continue;
    const data = await poll.json();
    const images = data.generations_by_pk?.generated_images;
    if (images && images.length > 0) return images[0].url;
    console.log(\`poll \${i + 1}: status \${data.generations_by_pk?.status}\`);
  }
  return null;
}`,
      findings: [{ message: POLL, at: [10, 44, 'generated_images'], fixes: [] }],
    },
    {
      name: 'the SDK: a function that calls itself again while the images are empty, never reading the status',
      code: `import { Leonardo } from '@leonardo-ai/sdk';
const leonardo = new Leonardo({ bearerAuth: process.env.LEONARDO_API_KEY! });
export const getImages = async (generationId: string): Promise<string[]> => {
  const result = await leonardo.image.getGenerationById(generationId);
  const images = result.object?.generationsByPk?.generatedImages;
  if (images !== undefined && images.length === 0) return getImages(generationId);
  return (images ?? []).map((i) => i.url!);
};`,
      findings: [{ message: SDK_POLL, at: [5, 50, 'generatedImages'], fixes: [] }],
    },
    {
      name: 'a status-blind poll inside a loop over episodes: the test of the images ends the poll, it checks nothing around it',
      code: `${PREAMBLE}
export async function repair(episodes: Array<{ prompt: string }>) {
  for (const episode of episodes) {
    const created = await fetch(\`\${BASE}/generations\`, { method: 'POST', headers, body: JSON.stringify({ prompt: episode.prompt }) });
    const generationId = (await created.json())?.sdGenerationJob?.generationId;
    let imageUrl = null;
    for (let i = 0; i < 15; i++) {
      await new Promise((resolve) => setTimeout(resolve, 2000));
      const data = await (await fetch(\`\${BASE}/generations/\${generationId}\`, { headers })).json();
      const images = data.generations_by_pk?.generated_images;
      if (images && images.length > 0) {
        imageUrl = images[0].url;
        break;
      }
    }
    console.log(imageUrl);
  }
}`,
      findings: [{ message: POLL, at: [12, 46, 'generated_images'], fixes: [] }],
    },
  ],
});
