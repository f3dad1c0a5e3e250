// unchecked-generation-status: generated images read before the job is known to be COMPLETE.
import { ruleTester } from '../helpers/rule-tester.js';
import { CORRECT_FLOW_CASES } from '../helpers/correct-flows.js';

const PREAMBLE = `const BASE = 'https://cloud.leonardo.ai/api/rest/v1';
const headers = { accept: 'application/json', authorization: \`Bearer \${process.env.LEONARDO_API_KEY}\` };
`;

/** Correct polling and status handling, by name. */
const SILENT: Record<string, string> = {
  'the first image URL taken into a constant and tested before it is used (one lookup, no poll)': `${PREAMBLE}
export async function image(id: string) {
  const res = await fetch(\`\${BASE}/generations/\${id}\`, { headers });
  const imageUrl = (await res.json()).generations_by_pk?.generated_images?.[0]?.url;
  if (imageUrl) return Response.json({ imageUrl });
  return Response.json({ error: 'still generating?' }, { status: 404 });
}`,
  'the first image URL with an empty fallback (?? null, || \'\') taken into a constant and tested before it is used': `${PREAMBLE}
export async function image(id: string) {
  const res = await fetch(\`\${BASE}/generations/\${id}\`, { headers });
  const imageUrl = (await res.json()).generations_by_pk?.generated_images?.[0]?.url ?? null;
  if (imageUrl) return Response.json({ imageUrl });
  const again = await fetch(\`\${BASE}/generations/\${id}\`, { headers });
  const second = (await again.json()).generations_by_pk?.generated_images?.[0]?.url || '';
  return second ? Response.json({ imageUrl: second }) : Response.json({ error: 'still generating?' }, { status: 404 });
}`,
  'the first image URL taken into a constant, logged, then tested before it is used (a log reads nothing)': `import axios from 'axios';
${PREAMBLE}
export async function getImage(generationId: string) {
  const response = await axios.get(\`\${BASE}/generations/\${generationId}\`, { headers });
  const imageUrl = response?.data?.generations_by_pk?.generated_images?.[0]?.url;
  console.log('image', imageUrl, \`(\${imageUrl})\`);
  if (imageUrl) {
    return imageUrl;
  }
  return null;
}`,
  'the first image URL logged negated inside an object (logger.debug({ hasImage: !!imageUrl })), then tested before it is used': `${PREAMBLE}
declare const logger: { debug: (fields: unknown, message: string) => void };
export async function result(id: string) {
  const gen = (await (await fetch(\`\${BASE}/generations/\${id}\`, { headers })).json()).generations_by_pk;
  const imageUrl = gen?.generated_images?.[0]?.url;
  logger.debug({ hasImage: !!imageUrl, tried: [imageUrl] }, 'leonardo.poll_completed');
  if (imageUrl) return { status: gen?.status, imageUrl };
  return { status: gen?.status };
}`,
  'images handed on beside the status a constant holds (const status = gen.status; return { status, imageUrl })': `${PREAMBLE}
export async function result(id: string) {
  const gen = (await (await fetch(\`\${BASE}/generations/\${id}\`, { headers })).json()).generations_by_pk;
  const status = gen?.status;
  return { status, imageUrl: gen?.generated_images?.[0]?.url };
}`,
  'the status compared after a change of case or space (toLowerCase(), String(...), trim(), also through a constant and in a switch)': `${PREAMBLE}
export async function take(id: string) {
  const gen = (await (await fetch(\`\${BASE}/generations/\${id}\`, { headers })).json()).generations_by_pk;
  if (gen.status.toLowerCase() === 'complete') return gen.generated_images;
  const state = String(gen?.status).trim().toLowerCase();
  if (state === 'complete') return gen.generated_images;
  switch (gen.status.toUpperCase()) {
    case 'COMPLETE':
      return gen.generated_images;
    default:
      return [];
  }
}`,
  'read first, used after the check': `${PREAMBLE}
export async function take(id: string) {
const res = await fetch(\`\${BASE}/generations/\${id}\`, { headers });
const { generations_by_pk: job } = await res.json();
const images = job.generated_images;
if (job.status !== 'COMPLETE') return [];
return images;
}`,
  // (cleared on COMPLETE only, it is unchecked-generation-status-polls.test.ts's finding: a FAILED job is polled forever)
  'setInterval with clearInterval on COMPLETE and on FAILED': `${PREAMBLE}
export function watch(id: string, done: (urls: string[]) => void) {
const timer = setInterval(async () => {
  const res = await fetch(\`\${BASE}/generations/\${id}\`, { headers });
  const { generations_by_pk } = await res.json();
  if (generations_by_pk.status === 'COMPLETE') {
    clearInterval(timer);
    done(generations_by_pk.generated_images.map((i: { url: string }) => i.url));
  } else if (generations_by_pk.status === 'FAILED') {
    clearInterval(timer);
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

const HELPER = `${PREAMBLE}
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
const WEBHOOK_HANDLER = `${PREAMBLE}
export async function POST(request: Request) {
  const { data } = await request.json();
  const res = await fetch(\`\${BASE}/generations/\${data.object.id}\`, { headers });
  return Response.json((await res.json()).generations_by_pk.generated_images);
}
`;

ruleTester.run('unchecked-generation-status', {
  valid: [
    {
      name: 'images handed on beside the status with a list test around them (Array.isArray(...) ? ... : [])',
      path: 'api.js',
      code: `const LEO_V1 = 'https://cloud.leonardo.ai/api/rest/v1';
export async function consultarGeneracion(env, id) {
  const r = await fetch(LEO_V1 + '/generations/' + encodeURIComponent(id), { headers: { Authorization: 'Bearer ' + env.LEONARDO_API_KEY } });
  if (!r.ok) throw new Error('poll failed');
  const j = await r.json();
  const g = j && j.generations_by_pk;
  if (!g) return { status: 'PENDING', imagenes: [] };
  return { status: g.status, imagenes: Array.isArray(g.generated_images) ? g.generated_images : [] };
}`,
    },
    ...Object.entries(SILENT).map(([name, code]) => ({ name, code })),
    { name: 'a helper whose every caller has waited is checked', path: 'app.js', code: HELPER },
    { name: 'a webhook handler file is not judged', path: 'app/api/webhook/route.ts', code: WEBHOOK_HANDLER },
    ...CORRECT_FLOW_CASES,
  ],
  invalid: [
    {
      name: 'images handed on beside a name that is not the job\'s status (the HTTP status) are not checked',
      code: `${PREAMBLE}
export async function result(id: string) {
  const res = await fetch(\`\${BASE}/generations/\${id}\`, { headers });
  const status = res.status;
  const gen = (await res.json()).generations_by_pk;
  return { status, imageUrl: gen.generated_images[0].url };
}`,
      findings: [
        {
          message: "'generations_by_pk.generated_images' is read without checking the status: poll until it is COMPLETE first.",
          at: [8, 34, 'generated_images'],
          fixes: [],
        },
      ],
    },
    {
      name: 'a constant holding the first image URL that is only logged is not checked (the read itself throws on an empty list)',
      code: `import axios from 'axios';
${PREAMBLE}
export async function getImage(generationId: string) {
  const response = await axios.get(\`\${BASE}/generations/\${generationId}\`, { headers });
  const imageUrl = response.data.generations_by_pk.generated_images[0].url;
  console.log(\`image \${imageUrl}\`);
}`,
      findings: [
        {
          message: "'generations_by_pk.generated_images' is read without checking the status: poll until it is COMPLETE first.",
          at: [7, 52, 'generated_images'],
          fixes: [],
        },
      ],
    },
    {
      name: 'a call whose name only contains a status word (findOne: "dOne"), or a status compared with a state no job has (a database\'s "connected"), is no status check',
      code: `import axios from "axios";
import { Settings } from "./models/settings";
import { getMongoStatus } from "./lib/mongo";
export async function generate(generationId: string): Promise<string> {
  let apiKey = process.env.LEONARDO_API_KEY || "";
  if (!apiKey) {
    const setting = getMongoStatus() === "connected" ? await Settings.findOne({ key: "LEONARDO_API_KEY" }) : null;
    apiKey = setting?.value || "";
  }
  const startedAt = Date.now();
  while (Date.now() - startedAt < 90000) {
    const statusResp = await axios.get(\`https://cloud.leonardo.ai/api/rest/v1/generations/\${generationId}\`, { headers: { authorization: \`Bearer \${apiKey}\` } });
    const url = statusResp.data?.generations_by_pk?.generated_images?.[0]?.url;
    if (typeof url === "string" && url.length > 0) return url;
    await new Promise((r) => setTimeout(r, 2000));
  }
  throw new Error("timed out");
}`,
      findings: [
        {
          message: "This poll waits for the images but never reads 'generations_by_pk.status': stop on FAILED, or a failed job is polled until it gives up.",
          at: [13, 53, 'generated_images'],
          fixes: [],
        },
      ],
    },
    {
      name: 'a script: a function declared above the call checks the status, but is not called; the called one reads the images unchecked',
      path: 'scripts/show.mjs',
      code: `${PREAMBLE}
async function get(id) {
  const res = await fetch(\`\${BASE}/generations/\${id}\`, { headers });
  return (await res.json()).generations_by_pk;
}
async function waitDone(id) {
  for (let i = 0; i < 30; i++) {
    const job = await get(id);
    if (job.status === 'COMPLETE') return job;
    await new Promise((r) => setTimeout(r, 2000));
  }
  throw new Error('timed out');
}
async function show(id) {
  const job = await get(id);
  console.log(job.generated_images[0].url);
}
show(process.argv[2]);`,
      findings: [
        {
          message: "'generations_by_pk.generated_images' is read without checking the status: poll until it is COMPLETE first.",
          at: [18, 19, 'generated_images'],
          fixes: [],
        },
      ],
    },
    {
      name: 'right after creating the generation, without waiting: flagged on the generated_images read',
      code: `${PREAMBLE}
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
`,
      findings: [
        {
          message: "'generations_by_pk.generated_images' is read right after creating the generation: poll until its status is COMPLETE first.",
          at: [13, 33, 'generated_images'],
          severity: 'warning',
          endpoint: 'GET /generations/{id}',
          fixes: [],
        },
      ],
    },
    {
      name: 'a fixed delay is not a status check',
      code: `import axios from 'axios';
${PREAMBLE}
export class Generator {
  async images(id: string) {
    await new Promise((resolve) => setTimeout(resolve, 10_000));
    const { data } = await axios.get(\`\${BASE}/generations/\${id}\`, { headers });
    return data.generations_by_pk?.generated_images ?? [];
  }
}
`,
      findings: [
        {
          message: "'generations_by_pk.generated_images' is read after a fixed wait: poll until its status is COMPLETE first.",
          at: [9, 36, 'generated_images'],
          fixes: [],
        },
      ],
    },
    {
      name: "created, then read after a fixed wait (Leonardo's Node sample): the message says the wait is what stands in for the check",
      path: 'sample.js',
      code: `${PREAMBLE}
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
export async function main(prompt) {
  const created = await fetch(\`\${BASE}/generations\`, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify({ prompt }) });
  const { sdGenerationJob } = await created.json();
  await sleep(20000);
  const res = await fetch(\`\${BASE}/generations/\${sdGenerationJob.generationId}\`, { headers });
  const data = await res.json();
  return data.generations_by_pk.generated_images[0].url;
}
`,
      findings: [
        {
          message: "'generations_by_pk.generated_images' is read after a fixed wait: poll until its status is COMPLETE first.",
          at: [11, 33, 'generated_images'],
          fixes: [],
        },
      ],
    },
    {
      name: 'a fixed wait after a v2 create, and after no create at all (an id handed in; an inline new Promise with setTimeout): the message says the wait',
      path: 'waits.js',
      code: `${PREAMBLE}
const V2 = 'https://cloud.leonardo.ai/api/rest/v2';
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
export async function v2(prompt) {
  const created = await fetch(\`\${V2}/generations\`, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify({ model: 'gpt-image-1.5', parameters: { prompt, quantity: 1 }, public: false }) });
  const id = (await created.json()).generate.generationId;
  await sleep(20000);
  const data = await (await fetch(\`\${BASE}/generations/\${id}\`, { headers })).json();
  return data.generations_by_pk.generated_images;
}
export async function later(id) {
  await new Promise((resolve) => setTimeout(resolve, 15000));
  const data = await (await fetch(\`\${BASE}/generations/\${id}\`, { headers })).json();
  return data.generations_by_pk.generated_images;
}
export async function once(id) {
  const data = await (await fetch(\`\${BASE}/generations/\${id}\`, { headers })).json();
  return data.generations_by_pk.generated_images;
}
`,
      findings: [
        { message: "'generations_by_pk.generated_images' is read after a fixed wait: poll until its status is COMPLETE first.", at: [11, 33, 'generated_images'], fixes: [] },
        { message: "'generations_by_pk.generated_images' is read after a fixed wait: poll until its status is COMPLETE first.", at: [16, 33, 'generated_images'], fixes: [] },
        { message: "'generations_by_pk.generated_images' is read without checking the status: poll until it is COMPLETE first.", at: [20, 33, 'generated_images'], fixes: [] },
      ],
    },
    {
      name: 'checking only for FAILED lets a PENDING job through',
      path: 'app.js',
      code: `${PREAMBLE}
export async function urls(id) {
  const res = await fetch(BASE + '/generations/' + id, { headers });
  const { generations_by_pk } = await res.json();
  if (generations_by_pk.status === 'FAILED') throw new Error('failed');
  const { generated_images } = generations_by_pk;
  return generated_images.map((image) => image.url);
}
`,
      findings: [
        {
          message: "'generations_by_pk.generated_images' is read without checking the status: poll until it is COMPLETE first.",
          at: [8, 11, 'generated_images'],
          fixes: [],
        },
      ],
    },
    {
      name: 'the SDK: generationsByPk.generatedImages without JobStatus.Complete',
      code: `import { Leonardo } from '@leonardo-ai/sdk';
const leonardo = new Leonardo({ bearerAuth: process.env.LEONARDO_API_KEY });

export async function latest(generationId: string) {
  const result = await leonardo.image.getGenerationById(generationId);
  return result.object?.generationsByPk?.generatedImages?.[0]?.url;
}
`,
      findings: [
        {
          message: "'generationsByPk.generatedImages' is read without checking the status: poll until it is COMPLETE first.",
          at: [6, 42, 'generatedImages'],
          fixes: [],
        },
      ],
    },
    {
      name: 'a helper with no visible caller that reads the images unchecked',
      code: `${PREAMBLE}
export async function getGenerationImages(id: string) {
  const response = await fetch(\`\${BASE}/generations/\${id}\`, { headers });
  const json = await response.json();
  return json.generations_by_pk.generated_images;
}
`,
      findings: [
        {
          message: "'generations_by_pk.generated_images' is read without checking the status: poll until it is COMPLETE first.",
          at: [7, 33, 'generated_images'],
          fixes: [],
        },
      ],
    },
    {
      name: 'one unchecked caller of a helper is enough to flag',
      path: 'app.js',
      code: `${HELPER}export async function rightAway(id) {
  return imagesOf(id);
}
`,
      findings: [
        {
          message: "'generations_by_pk.generated_images' is read without checking the status: poll until it is COMPLETE first.",
          at: [6, 52, 'generated_images'],
          fixes: [],
        },
      ],
    },
    {
      name: 'a variable of images used before the check and after it: every use must be checked',
      code: `${PREAMBLE}
export async function take(id: string) {
  const res = await fetch(\`\${BASE}/generations/\${id}\`, { headers });
  const { generations_by_pk: job } = await res.json();
  const images = job.generated_images;
  await saveToGallery(images);
  if (job.status === 'COMPLETE') return images.map((image: { url: string }) => image.url);
  return [];
}
`,
      findings: [
        {
          message: "'generations_by_pk.generated_images' is read without checking the status: poll until it is COMPLETE first.",
          at: [7, 22, 'generated_images'],
          fixes: [],
        },
      ],
    },
    {
      name: 'a route that is not a webhook is judged',
      code: SILENT['a webhook route'].replace("'/api/leonardo/webhook'", "'/api/leonardo/result'"),
      findings: [
        {
          message: "'generations_by_pk.generated_images' is read without checking the status: poll until it is COMPLETE first.",
          at: [10, 30, 'generated_images'],
          fixes: [],
        },
      ],
    },
    {
      name: 'a loop over several generations is not a polling loop',
      code: `${PREAMBLE}
export async function collect(ids: string[]) {
  const urls: string[] = [];
  for (const id of ids) {
    await new Promise((resolve) => setTimeout(resolve, 500));
    const data = await (await fetch(\`\${BASE}/generations/\${id}\`, { headers })).json();
    urls.push(...data.generations_by_pk.generated_images.map((image: { url: string }) => image.url));
  }
  return urls;
}
`,
      findings: [
        {
          message: "'generations_by_pk.generated_images' is read without checking the status: poll until it is COMPLETE first.",
          at: [9, 41, 'generated_images'],
          fixes: [],
        },
      ],
    },
    {
      name: 'reading an image is not a test of the images: only a condition is',
      code: `${PREAMBLE}
export async function log(id: string) {
  const data = await (await fetch(\`\${BASE}/generations/\${id}\`, { headers })).json();
  console.log(data.generations_by_pk.generated_images[0].url);
  return data.generations_by_pk.generated_images.map((image: { id: string }) => image.id);
}
`,
      findings: [
        {
          message: "'generations_by_pk.generated_images' is read without checking the status: poll until it is COMPLETE first.",
          at: [6, 38, 'generated_images'],
          fixes: [],
        },
        {
          message: "'generations_by_pk.generated_images' is read without checking the status: poll until it is COMPLETE first.",
          at: [7, 33, 'generated_images'],
          fixes: [],
        },
      ],
    },
    {
      name: 'a promise chain with no wait is flagged',
      code: `${PREAMBLE}
export function firstUrl(id: string) {
  return fetch(\`\${BASE}/generations/\${id}\`, { headers })
    .then((res) => res.json())
    .then((data) => data.generations_by_pk.generated_images[0].url);
}
`,
      findings: [
        {
          message: "'generations_by_pk.generated_images' is read without checking the status: poll until it is COMPLETE first.",
          at: [7, 44, 'generated_images'],
          fixes: [],
        },
      ],
    },
    { name: 'a route handler that is not a webhook is judged', path: 'app/api/images/route.ts', code: WEBHOOK_HANDLER, findings: [
      {
        message: "'generations_by_pk.generated_images' is read without checking the status: poll until it is COMPLETE first.",
        at: [7, 61, 'generated_images'],
        fixes: [],
      },
    ] },
  ],
});
