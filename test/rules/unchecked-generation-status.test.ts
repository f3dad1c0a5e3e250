// unchecked-generation-status: generated images read before the job is known to be COMPLETE.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lint } from '../helpers/lint.js';
import { CORRECT_FLOWS } from '../engine/flow-fixtures.js';

const RULE = 'unchecked-generation-status';
const only = { rules: [RULE] };
const js = { ...only, path: 'app.js' };

const PREAMBLE = `const BASE = 'https://cloud.leonardo.ai/api/rest/v1';
const headers = { accept: 'application/json', authorization: \`Bearer \${process.env.LEONARDO_API_KEY}\` };
`;

test('right after creating the generation, without waiting: flagged on the generated_images read', () => {
  const code = `${PREAMBLE}
export async function generate(prompt: string) {
  const created = await fetch(\`\${BASE}/generations\`, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/json' },
    body: JSON.stringify({ prompt, modelId: 'b24e16ff-06e3-43eb-8d33-4416c2d75876' }),
  });
  const { sdGenerationJob } = await created.json();
  const res = await fetch(\`\${BASE}/generations/\${sdGenerationJob.generationId}\`, { headers });
  const data = await res.json();
  return data.generations_by_pk.generated_images.map((image: { url: string }) => image.url);
}
`;
  const hits = lint(code, only);
  assert.equal(hits.length, 1);
  const [hit] = hits;
  assert.deepEqual([hit!.line, hit!.column, hit!.text], [13, 33, 'generated_images']);
  assert.equal(hit!.severity, 'warning');
  assert.match(hit!.message, /read right after creating the generation, without waiting for it/);
  assert.match(hit!.message, /while the job is PENDING the API answers 200 with an empty array/);
  assert.equal(hit!.finding.endpoint, 'GET /generations/{id}');
  assert.deepEqual(hit!.finding.fixes, []);
});

test('a fixed delay is not a status check', () => {
  const code = `import axios from 'axios';
${PREAMBLE}
export class Generator {
  async images(id: string) {
    await new Promise((resolve) => setTimeout(resolve, 10_000));
    const { data } = await axios.get(\`\${BASE}/generations/\${id}\`, { headers });
    return data.generations_by_pk?.generated_images ?? [];
  }
}
`;
  const [hit, ...rest] = lint(code, only);
  assert.equal(rest.length, 0);
  assert.deepEqual([hit!.line, hit!.text], [9, 'generated_images']);
  assert.match(hit!.message, /read without checking `generations_by_pk\.status` against `"COMPLETE"`/);
});

test('checking only for FAILED lets a PENDING job through', () => {
  const code = `${PREAMBLE}
export async function urls(id) {
  const res = await fetch(BASE + '/generations/' + id, { headers });
  const { generations_by_pk } = await res.json();
  if (generations_by_pk.status === 'FAILED') throw new Error('failed');
  const { generated_images } = generations_by_pk;
  return generated_images.map((image) => image.url);
}
`;
  const [hit, ...rest] = lint(code, js);
  assert.equal(rest.length, 0);
  assert.deepEqual([hit!.line, hit!.text], [8, 'generated_images']);
});

test('the SDK: generationsByPk.generatedImages without JobStatus.Complete', () => {
  const code = `import { Leonardo } from '@leonardo-ai/sdk';
const leonardo = new Leonardo({ bearerAuth: process.env.LEONARDO_API_KEY });

export async function latest(generationId: string) {
  const result = await leonardo.image.getGenerationById(generationId);
  return result.object?.generationsByPk?.generatedImages?.[0]?.url;
}
`;
  const [hit] = lint(code, only);
  assert.deepEqual([hit!.line, hit!.text], [6, 'generatedImages']);
  assert.match(hit!.message, /`generationsByPk\.generatedImages` is read without checking `generationsByPk\.status` against `JobStatus\.Complete`/);
});

test('a helper with no visible caller that reads the images unchecked', () => {
  const code = `${PREAMBLE}
export async function getGenerationImages(id: string) {
  const response = await fetch(\`\${BASE}/generations/\${id}\`, { headers });
  const json = await response.json();
  return json.generations_by_pk.generated_images;
}
`;
  assert.deepEqual(lint(code, only).map((h) => h.line), [7]);
});

test('a helper whose every caller has waited is checked; one unchecked caller is enough to flag', () => {
  const helper = `${PREAMBLE}
async function imagesOf(id) {
  const response = await fetch(\`\${BASE}/generations/\${id}\`, { headers });
  return (await response.json()).generations_by_pk.generated_images;
}
async function waitUntilComplete(id) {
  for (;;) {
    const response = await fetch(\`\${BASE}/generations/\${id}\`, { headers });
    const { generations_by_pk } = await response.json();
    if (generations_by_pk.status === 'COMPLETE') return;
    await new Promise((resolve) => setTimeout(resolve, 3000));
  }
}
export async function afterWaiting(id) {
  await waitUntilComplete(id);
  return imagesOf(id);
}
`;
  assert.deepEqual(lint(helper, js), []);
  const unchecked = `${helper}export async function rightAway(id) {
  return imagesOf(id);
}
`;
  assert.deepEqual(lint(unchecked, js).map((h) => [h.line, h.text]), [[6, 'generated_images']]);
});

test('silent: more correct polling and status handling', () => {
  const cases: Record<string, string> = {
    'read first, used after the check': `${PREAMBLE}
export async function take(id: string) {
  const res = await fetch(\`\${BASE}/generations/\${id}\`, { headers });
  const { generations_by_pk: job } = await res.json();
  const images = job.generated_images;
  if (job.status !== 'COMPLETE') return [];
  return images;
}`,
    'waiting for the images themselves': `${PREAMBLE}
export async function take(id: string) {
  let data = await (await fetch(\`\${BASE}/generations/\${id}\`, { headers })).json();
  while (!data.generations_by_pk?.generated_images?.length) {
    await new Promise((r) => setTimeout(r, 2000));
    data = await (await fetch(\`\${BASE}/generations/\${id}\`, { headers })).json();
  }
  return data.generations_by_pk.generated_images[0].url;
}`,
    'setInterval with clearInterval on COMPLETE': `${PREAMBLE}
export function watch(id: string, done: (urls: string[]) => void) {
  const timer = setInterval(async () => {
    const res = await fetch(\`\${BASE}/generations/\${id}\`, { headers });
    const { generations_by_pk } = await res.json();
    if (generations_by_pk.status === 'COMPLETE') {
      clearInterval(timer);
      done(generations_by_pk.generated_images.map((i: { url: string }) => i.url));
    }
  }, 3000);
}`,
    'includes() on a list of statuses, with a constant': `${PREAMBLE}
const COMPLETE = 'COMPLETE';
export async function take(id: string) {
  const job = (await (await fetch(\`\${BASE}/generations/\${id}\`, { headers })).json()).generations_by_pk;
  if (![COMPLETE, 'FAILED'].includes(job.status)) return null;
  return job.status === COMPLETE ? job.generated_images : [];
}`,
    'a webhook route': `import express from 'express';
${PREAMBLE}
const app = express();
app.post('/api/leonardo/webhook', async (req, res) => {
  const id = req.body.data.object.id;
  const r = await fetch(\`\${BASE}/generations/\${id}\`, { headers });
  const { generations_by_pk } = await r.json();
  await save(generations_by_pk.generated_images);
  res.sendStatus(200);
});`,
    'a guard function called by a status check': `${PREAMBLE}
function urls(generation) {
  return generation.generated_images.map((image) => image.url);
}
export async function poll(id) {
  for (let i = 0; i < 20; i++) {
    const { generations_by_pk } = await (await fetch(\`\${BASE}/generations/\${id}\`, { headers })).json();
    if (generations_by_pk.status === 'COMPLETE') return urls(generations_by_pk);
    await new Promise((r) => setTimeout(r, 1500));
  }
}`,
    'an imported wait helper': `import { pollUntilDone } from './poll';
${PREAMBLE}
export async function result(id: string) {
  await pollUntilDone(id);
  const data = await (await fetch(\`\${BASE}/generations/\${id}\`, { headers })).json();
  return data.generations_by_pk.generated_images;
}`,
    'a status predicate, same-file or named for it': `${PREAMBLE}
const isDone = (generation: { status: string }) => generation.status === 'COMPLETE';
async function fetchGeneration(id: string) {
  const res = await fetch(\`\${BASE}/generations/\${id}\`, { headers });
  return (await res.json()).generations_by_pk;
}
export async function take(id: string) {
  const generation = await fetchGeneration(id);
  if (isDone(generation)) return generation.generated_images;
  if (isGenerationComplete(generation)) return generation.generated_images;
  return [];
}`,
    'a promise chain after waiting': `${PREAMBLE}
async function fetchGeneration(id: string) {
  const res = await fetch(\`\${BASE}/generations/\${id}\`, { headers });
  return (await res.json()).generations_by_pk;
}
export function take(id: string) {
  return waitUntilComplete(id).then(() => fetchGeneration(id)).then((generation) => generation.generated_images);
}`,
    'polling on the images, with a delay between rounds': `${PREAMBLE}
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
    'an image test as the condition': `${PREAMBLE}
export async function latest(generationId: string) {
  const data = await (await fetch(\`\${BASE}/generations/\${generationId}\`, { headers })).json();
  const generatedImages = data?.generations_by_pk?.generated_images;
  if (generatedImages?.[0]?.url) return generatedImages[0].url;
  return null;
}`,
    'the images of a listing are not judged': `${PREAMBLE}
export async function gallery(userId: string) {
  const data = await (await fetch(\`\${BASE}/generations/user/\${userId}?limit=10\`, { headers })).json();
  return data.generations.flatMap((g: any) => g.generated_images);
}`,
  };
  for (const [name, code] of Object.entries(cases)) assert.deepEqual(lint(code, only), [], name);
  assert.deepEqual(lint(cases['a webhook route']!.replace("'/api/leonardo/webhook'", "'/api/leonardo/result'"), only).length, 1);
});

test('a loop over several generations is not a polling loop', () => {
  const code = `${PREAMBLE}
export async function collect(ids: string[]) {
  const urls: string[] = [];
  for (const id of ids) {
    await new Promise((resolve) => setTimeout(resolve, 500));
    const data = await (await fetch(\`\${BASE}/generations/\${id}\`, { headers })).json();
    urls.push(...data.generations_by_pk.generated_images.map((image: { url: string }) => image.url));
  }
  return urls;
}
`;
  assert.deepEqual(lint(code, only).map((h) => [h.line, h.text]), [[9, 'generated_images']]);
});

test('reading an image is not a test of the images: only a condition is', () => {
  const code = `${PREAMBLE}
export async function log(id: string) {
  const data = await (await fetch(\`\${BASE}/generations/\${id}\`, { headers })).json();
  console.log(data.generations_by_pk.generated_images[0].url);
  return data.generations_by_pk.generated_images.map((image: { id: string }) => image.id);
}
`;
  assert.deepEqual(lint(code, only).map((h) => h.line), [6, 7]);
});

test('a promise chain with no wait is flagged', () => {
  const code = `${PREAMBLE}
export function firstUrl(id: string) {
  return fetch(\`\${BASE}/generations/\${id}\`, { headers })
    .then((res) => res.json())
    .then((data) => data.generations_by_pk.generated_images[0].url);
}
`;
  assert.deepEqual(lint(code, only).map((h) => [h.line, h.text]), [[7, 'generated_images']]);
});

test('a webhook handler file is not judged', () => {
  const code = `${PREAMBLE}
export async function POST(request: Request) {
  const { data } = await request.json();
  const res = await fetch(\`\${BASE}/generations/\${data.object.id}\`, { headers });
  return Response.json((await res.json()).generations_by_pk.generated_images);
}
`;
  assert.equal(lint(code, { ...only, path: 'app/api/webhook/route.ts' }).length, 0);
  assert.equal(lint(code, { ...only, path: 'app/api/images/route.ts' }).length, 1);
});

test('correct flows stay clean', () => {
  for (const [name, code] of Object.entries(CORRECT_FLOWS)) {
    assert.deepEqual(lint(code, { ...only, path: name === 'POLL_TIMEOUT' ? 'app.js' : 'app.ts' }), [], name);
  }
});
