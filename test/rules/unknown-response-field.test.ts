// unknown-response-field: reads of fields a known Leonardo response does not have, with the real path.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze } from '../../server/src/engine/analyze.js';
import { edit, ruleTester } from '../helpers/rule-tester.js';
import { CORRECT_FLOW_CASES } from '../helpers/correct-flows.js';

const PREAMBLE = `const BASE = 'https://cloud.leonardo.ai/api/rest/v1';
const headers = { authorization: \`Bearer \${process.env.LEONARDO_API_KEY}\` };
`;
const FALLBACKS = `${PREAMBLE}
export async function presign() {
  const res = await fetch(\`\${BASE}/init-image\`, { method: 'POST', headers, body: JSON.stringify({ extension: 'png' }) });
  const data = await res.json();
  const upload = data.uploadInitImage || data.upload_init_image || data;
  const url = data.uploadInitImage.url || data.uploadInitImage.uploadUrl;
  return { upload, url, id: data.uploadInitImage?.imageId ?? data.uploadInitImage?.id };
}
`;
const PRESIGN_INDEXED = `${PREAMBLE}
async function presign() {
  const res = await fetch(BASE + '/init-image', { method: 'POST', headers, body: JSON.stringify({ extension: 'png' }) });
  const json = await res.json();
  return { url: json.uploadInitImage[0].url, id: json.uploadInitImage[0].id };
}
`;

/** Defensive code that handles answers of other shapes: an index read where the value is a list, a guess beside a real field. */
const TESTED_GUESSES = `${PREAMBLE}
export async function presign(extension: 'png' | 'jpg') {
  const res = await fetch(\`\${BASE}/init-image\`, { method: 'POST', headers, body: JSON.stringify({ extension }) });
  const json = await res.json();
  if (Array.isArray(json)) throw new Error(json[0]?.message ?? 'upload refused');
  const upload = Array.isArray(json.uploadInitImage) ? json.uploadInitImage[0] : json.uploadInitImage;
  const url = json.uploadInitImage?.url || (json.upload_init_image && json.upload_init_image.url);
  return { url: url ?? upload.url, id: json.presigned?.imageId ?? json.uploadInitImage.id };
}
`;

ruleTester.run('unknown-response-field', {
  valid: [
    {
      name: 'answers of several shapes tried in turn by else if, after a test of the real field (public real45)',
      code: `${PREAMBLE}
export async function imagesOf(id: string) {
  const res = await fetch(\`\${BASE}/generations/\${id}\`, { headers });
  const data = await res.json();
  let imgs = null;
  if (data.generations_by_pk?.generated_images?.length > 0) {
    imgs = data.generations_by_pk.generated_images;
  } else if (data.generations && data.generations[0]?.generated_images?.length > 0) {
    imgs = data.generations[0].generated_images;
  } else if (data.status === 'COMPLETED' && data.images?.length > 0) {
    imgs = data.images;
  }
  return imgs;
}
`,
    },
    {
      name: 'a race with a function that only calls itself: followed a few calls deep, then unknown',
      code: `${PREAMBLE}
function forever(): Promise<never> { return forever(); }
export async function get(id: string) {
  const res = await Promise.race([fetch(\`\${BASE}/generations/\${id}\`, { headers }), forever()]);
  return (await res.json()).generations_by_pk.imageUrl;
}
`,
    },
    {
      name: 'a race with a promise that gives a value of its own: what the race gives is not known',
      code: `${PREAMBLE}
const cached = new Map<string, unknown>();
export async function status(id: string) {
  const fresh = fetch(\`\${BASE}/generations/\${id}\`, { headers }).then((r) => r.json());
  const local = new Promise((resolve) => setTimeout(() => resolve({ cached: cached.get(id) }), 50));
  const data: any = await Promise.race([fresh, local]);
  return data.cached ?? data.generations_by_pk?.status;
}
`,
    },
    {
      name: "a .catch handler that answers with an object of its own: its keys are not the answer's",
      code: `${PREAMBLE}
export async function status(id: string) {
  const res = await fetch(\`\${BASE}/generations/\${id}\`, { headers });
  const data = await res.json().catch(() => ({ error: 'unreadable answer' }));
  return data.error ?? data.generations_by_pk?.status;
}
`,
    },
    {
      name: "the first element's error key at the root (data?.[0]?.error, data[0].message): the GraphQL-style list some errors come as",
      code: `${PREAMBLE}
export async function start(prompt: string) {
  const response = await fetch(\`\${BASE}/generations\`, { method: 'POST', headers, body: JSON.stringify({ prompt }) });
  const data = await response.json();
  if (!response.ok) throw new Error(data?.error || data?.[0]?.error || data[0].message || 'Leonardo API error');
  return data.sdGenerationJob.generationId;
}`,
    },
    {
      name: "got: an answer its options make unknown (responseType from a variable, resolveBodyOnly without json) is not judged",
      path: 'poll.js',
      code: `const got = require('got');
${PREAMBLE}
async function images(id, type) {
  const res = await got.get(\`\${BASE}/generations/\${id}\`, { headers, responseType: type });
  const text = await got.get(\`\${BASE}/generations/\${id}\`, { headers, resolveBodyOnly: true });
  return [res.body.generations_by_pk, res.generations_by_pk, text.generations_by_pk];
}
module.exports = { images };`,
    },
    {
      name: 'code that takes the answer apart as a list first (if (Array.isArray(payload)) payload = payload[0]) is written for several shapes: its candidates are guesses',
      code: `import axios from 'axios';
${PREAMBLE}
function extractGenerationId(payload: unknown): string | null {
  if (Array.isArray(payload)) {
    payload = payload[0] ?? {};
  }
  const p = payload as Record<string, any>;
  if (p.sdGenerationJob?.generationId) return String(p.sdGenerationJob.generationId);
  if (p.generationId) return String(p.generationId);
  if (p.generate?.generationId) return String(p.generate.generationId);
  return null;
}
export async function create(prompt: string) {
  const res = await axios.post(\`\${BASE}/generations\`, { prompt }, { headers });
  return extractGenerationId(res.data);
}`,
    },
    {
      name: 'guesses each taken into a constant with a null fallback of its own, then chained',
      code: `export async function videoUrl(id: string) {
  const res = await fetch(\`https://cloud.leonardo.ai/api/rest/v1/generations/\${id}\`, { headers: { authorization: \`Bearer \${process.env.LEONARDO_API_KEY}\` } });
  const gen = (await res.json()).generations_by_pk;
  if (gen?.status !== 'COMPLETE') return null;
  const fromVideos = gen?.generated_videos?.[0]?.url || null;
  const fromImages = gen?.generated_images?.[0]?.motionMP4URL || null;
  return fromVideos || fromImages;
}`,
    },
    {
      name: 'a guess of a fallback chain first taken into a constant',
      code: `export async function start(prompt: string): Promise<string> {
  const res = await fetch('https://cloud.leonardo.ai/api/rest/v1/generations', {
    method: 'POST',
    headers: { authorization: \`Bearer \${process.env.LEONARDO_API_KEY}\`, 'content-type': 'application/json' },
    body: JSON.stringify({ prompt, num_images: 1 }),
  });
  const data = (await res.json()) as Record<string, any>;
  const sdJob = data?.sdGenerationJob;
  const byPk = data?.generations_by_pk;
  return sdJob?.generationId ?? byPk?.id ?? '';
}`,
    },
    {
      name: 'any read of the answer where Array.isArray holds of it (the error list), on v2 too',
      code: `export async function create(apiKey: string, prompt: string): Promise<string> {
  const response = await fetch('https://cloud.leonardo.ai/api/rest/v2/generations', {
    method: 'POST',
    headers: { authorization: \`Bearer \${apiKey}\`, 'content-type': 'application/json' },
    body: JSON.stringify({ model: 'seedream-4.5', public: false, parameters: { prompt, quantity: 1 } }),
  });
  const payload = await response.json();
  if (Array.isArray(payload) && payload.length > 0) throw new Error(\`rejected: \${payload[0]?.message}\`);
  const id = payload.generate?.generationId;
  if (!id) throw new Error('no generation id');
  return id;
}`,
    },
    {
      name: 'an error body axios handed through as text, read only where it is a string',
      code: `import axios from 'axios';
${PREAMBLE}
export async function start(prompt: string) {
  const res = await axios.post(\`\${BASE}/generations\`, { prompt, width: 512, height: 512 }, { headers, validateStatus: (s) => s < 500 });
  if (res.status >= 300) {
    const snippet = typeof res.data === 'string' ? res.data.slice(0, 200) : JSON.stringify(res.data).slice(0, 200);
    throw new Error(\`Leonardo error \${res.status}: \${snippet}\`);
  }
  if (typeof res.data !== 'string' && res.data.sdGenerationJob) return res.data.sdGenerationJob.generationId;
  return null;
}`,
    },
    {
      name: 'error bodies, array and string members, writes, unknown responses',
      code: `import axios from 'axios';
${PREAMBLE}
export async function careful(id: string, other: any) {
  const res = await fetch(\`\${BASE}/generations/\${id}\`, { headers });
  const data = await res.json();
  if (data.error) throw new Error(\`\${data.error} (\${data.code} at \${data.path})\`);
  if (!res.ok || res.status !== 200) throw new Error(res.statusText);
  const generation = data.generations_by_pk;
  if (!generation || generation.status !== 'COMPLETE') return null;
  const count = generation.generated_images.length;
  const first = generation.generated_images.at(0)?.url;
  const nsfw = generation.generated_images.some((image) => image.nsfw);
  const prompt = generation.prompt.trim().toUpperCase();
  data.receivedAt = Date.now();
  console.log(data.receivedAt, data.hasOwnProperty('x'), other.generations_by_pk.images);
  const unknown = await axios.get('https://example.com/api/generations/' + id);
  console.log(unknown.data.generations_by_pk.images);
  return { count, first, nsfw, prompt, elements: generation.generation_elements };
}
`,
    },
    { name: 'one guess among several in a fallback chain', code: FALLBACKS },
    {
      name: "a guess beside the error body's own key, on a failed answer (json.error || json.errorMessage)",
      code: `${PREAMBLE}
export async function create(prompt: string) {
  const res = await fetch(\`\${BASE}/generations\`, { method: 'POST', headers, body: JSON.stringify({ prompt }) });
  const json = await res.json();
  if (!res.ok) throw new Error(json.error || json.errorMessage || \`create \${res.status}\`);
  return json.sdGenerationJob.generationId;
}`,
    },
    { name: 'guesses the code tests before it reads them (Array.isArray, != null, an early throw)', code: TESTED_GUESSES },
    {
      name: 'a response interceptor that unwraps axios responses',
      code: `import axios from 'axios';
const api = axios.create({ baseURL: 'https://cloud.leonardo.ai/api/rest/v1' });
api.interceptors.response.use((response) => response.data);
export async function create(prompt: string) {
  const job = await api.post('/generations', { prompt });
  return job.sdGenerationJob.generationId;
}
`,
    },
    {
      name: 'a variable that holds different responses is unknown',
      code: `${PREAMBLE}
export async function either(id: string, upload: boolean) {
  let data;
  if (upload) data = await (await fetch(\`\${BASE}/init-image\`, { method: 'POST', headers, body: '{"extension":"png"}' })).json();
  else data = await (await fetch(\`\${BASE}/generations/\${id}\`, { headers })).json();
  return data.uploadInitImage ?? data.generations_by_pk;
}
`,
    },
    {
      name: 'a guess beside a read of a value that may be the real job (a same-file helper returns data?.generations_by_pk || data)',
      code: `import axios from 'axios';
${PREAMBLE}
function jobOf(data: any) {
  return data?.generations_by_pk || data?.generation || data || {};
}
export async function pollStatus(generationId: string): Promise<string> {
  const res = await axios.get(\`\${BASE}/generations/\${generationId}\`, { headers });
  const job = jobOf(res.data);
  return String(job?.status || res.data?.status || '').toUpperCase();
}
export async function statusInline(generationId: string): Promise<string> {
  const res = await axios.get(\`\${BASE}/generations/\${generationId}\`, { headers });
  const job = res.data?.generations_by_pk ?? res.data;
  return job?.status ?? res.data?.state;
}`,
    },
    ...CORRECT_FLOW_CASES,
  ],
  invalid: [
    {
      name: 'an else if chain in which no test reads a real field: each guess is reported',
      code: `${PREAMBLE}
export async function imagesOf(id: string) {
  const data = await (await fetch(\`\${BASE}/generations/\${id}\`, { headers })).json();
  if (data.generation?.images) return data.generation.images;
  else if (data.images) return data.images;
  return [];
}
`,
      findings: [
        {
          message: "The GET /generations/{id} response body has no field 'generation': did you mean 'generations_by_pk'?",
          at: [6, 12, 'generation'],
          fixes: [{ title: "Read 'generations_by_pk'", output: edit('.generation?', '.generations_by_pk?'), preferred: false }],
        },
        {
          message: "The GET /generations/{id} response body has no field 'generation': did you mean 'generations_by_pk'?",
          at: [6, 44, 'generation'],
          fixes: [{ title: "Read 'generations_by_pk'", output: edit('.generation.', '.generations_by_pk.'), preferred: false }],
        },
        { message: "The GET /generations/{id} response body has no field 'images'.", at: [7, 17, 'images'], fixes: [] },
        { message: "The GET /generations/{id} response body has no field 'images'.", at: [7, 37, 'images'], fixes: [] },
      ],
    },
    {
      name: 'a field the else if branch reads without its test testing it (a FAILED branch after COMPLETE)',
      code: `${PREAMBLE}
export async function result(id: string) {
  const gen = (await (await fetch(\`\${BASE}/generations/\${id}\`, { headers })).json()).generations_by_pk;
  if (gen.status === 'COMPLETE') return gen.generated_images[0]?.url;
  else if (gen.status === 'FAILED') throw new Error(gen.failureReason ?? 'failed');
  return null;
}
`,
      findings: [{ message: "'generations_by_pk' of the GET /generations/{id} response has no field 'failureReason'.", at: [7, 57, 'failureReason'], fixes: [] }],
    },
    {
      name: 'the answer raced against a timeout that only rejects (hand35)',
      code: `${PREAMBLE}
const timeout = (ms: number) => new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timed out')), ms));
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
export async function result(id: string) {
  const res = await Promise.race([fetch(\`\${BASE}/generations/\${id}\`, { headers }), timeout(30000)]);
  const data = await Promise.any([res.json(), pause(5000)]);
  return data.generations_by_pk.imageUrl;
}
`,
      findings: [
        {
          message: "'generations_by_pk' of the GET /generations/{id} response has no field 'imageUrl'.",
          at: [9, 33, 'imageUrl'],
          fixes: [],
        },
      ],
    },
    {
      name: 'the answer read through .catch(() => null) and .finally (public real43)',
      code: `${PREAMBLE}
export async function poll(id: string) {
  const res = await fetch(\`\${BASE}/generations/\${id}\`, { headers }).finally(() => console.debug('polled', id));
  const data = await res.json().catch(() => null);
  const gen = data?.generations_by_pk;
  if (gen?.status === 'COMPLETE') return { url: gen.generated_images?.[0]?.url, cost: gen?.apiCreditCost };
  return null;
}
`,
      findings: [
        {
          message: "'generations_by_pk' of the GET /generations/{id} response has no field 'apiCreditCost'.",
          at: [8, 92, 'apiCreditCost'],
          fixes: [],
        },
      ],
    },
    {
      name: "got: with responseType 'json' the body is the response's .body (also through got.extend), with resolveBodyOnly the answer itself; a body field read off the response says to use .body",
      path: 'poll.js',
      code: `const got = require('got');
${PREAMBLE}
const leonardo = got.extend({ prefixUrl: BASE, headers, responseType: 'json' });
async function images(id) {
  const { body } = await got.get(\`\${BASE}/generations/\${id}\`, { headers, responseType: 'json' });
  return body.generations_by_pk.generated_imagez;
}
async function images2(id) {
  const job = await got.get(\`\${BASE}/generations/\${id}\`, { headers, responseType: 'json', resolveBodyOnly: true });
  return job.generations_by_pk.generated_imagez;
}
async function images3(id) {
  const res = await leonardo.get(\`generations/\${id}\`);
  return res.generations_by_pk;
}
module.exports = { images, images2, images3 };`,
      findings: [
        {
          message: "'generations_by_pk' of the GET /generations/{id} response has no field 'generated_imagez': did you mean 'generated_images'?",
          at: [8, 33, 'generated_imagez'],
          severity: 'warning',
          fixes: [{ title: "Read 'generated_images'", output: edit('body.generations_by_pk.generated_imagez;', 'body.generations_by_pk.generated_images;'), preferred: false }],
        },
        {
          message: "'generations_by_pk' of the GET /generations/{id} response has no field 'generated_imagez': did you mean 'generated_images'?",
          at: [12, 32, 'generated_imagez'],
          severity: 'warning',
          fixes: [{ title: "Read 'generated_images'", output: edit('job.generations_by_pk.generated_imagez;', 'job.generations_by_pk.generated_images;'), preferred: false }],
        },
        {
          message: "'generations_by_pk' is not on the got response of GET /generations/{id}: use '.body.generations_by_pk'.",
          at: [16, 14, 'generations_by_pk'],
          severity: 'warning',
          fixes: [{ title: "Read 'body.generations_by_pk'", output: edit('res.generations_by_pk;', 'res.body.generations_by_pk;'), preferred: true }],
        },
      ],
    },
    {
      name: 'a guess beside values none of which has the field is judged (the helper unwraps a key the answer does not have)',
      code: `import axios from 'axios';
${PREAMBLE}
function jobOf(data: any) {
  return data?.generation || data;
}
export async function pollStatus(generationId: string): Promise<string> {
  const res = await axios.get(\`\${BASE}/generations/\${generationId}\`, { headers });
  const job = jobOf(res.data);
  return String(job?.state || res.data?.status || '').toUpperCase();
}`,
      findings: [
        {
          message: "The GET /generations/{id} response body has no field 'status': did you mean 'generations_by_pk.status'?",
          at: [11, 41, 'status'],
          severity: 'warning',
          fixes: [{ title: "Read 'generations_by_pk.status'", output: edit('res.data?.status ||', 'res.data?.generations_by_pk.status ||'), preferred: false }],
        },
      ],
    },
    {
      name: 'a guess taken into a constant that is also read on its own is judged',
      code: `export async function start(prompt: string) {
  const res = await fetch('https://cloud.leonardo.ai/api/rest/v1/generations', {
    method: 'POST',
    headers: { authorization: \`Bearer \${process.env.LEONARDO_API_KEY}\`, 'content-type': 'application/json' },
    body: JSON.stringify({ prompt, num_images: 1 }),
  });
  const data = await res.json();
  const byPk = data.generations_by_pk;
  console.log(byPk);
  return data.sdGenerationJob?.generationId ?? byPk?.id;
}`,
      findings: [{ message: "The POST /generations response body has no field 'generations_by_pk'.", at: [8, 21, 'generations_by_pk'], fixes: [] }],
    },
    {
      name: 'a typeof test that the body is an object, or of another value, guards nothing',
      code: `import axios from 'axios';
${PREAMBLE}
export async function start(prompt: string, note: unknown) {
  const res = await axios.post(\`\${BASE}/generations\`, { prompt }, { headers });
  if (typeof note === 'string') return res.data.sdGenerationJob.id;
  return typeof res.data === 'object' ? res.data.sdGenerationJob.generationId : null;
}`,
      findings: [
        {
          message: "'sdGenerationJob' of the POST /generations response has no field 'id': did you mean 'generationId'?",
          at: [7, 65, 'id'],
          severity: 'warning',
          endpoint: 'POST /generations',
          fixes: [{ title: "Read 'generationId'", output: edit('sdGenerationJob.id;', 'sdGenerationJob.generationId;'), preferred: false }],
        },
      ],
    },
    {
      name: 'generations_by_pk.images → generated_images, on the name, preferred fix',
      code: `${PREAMBLE}
export async function imagesOf(id: string) {
  const res = await fetch(\`\${BASE}/generations/\${id}\`, { headers });
  const data = await res.json();
  if (data.generations_by_pk.status !== 'COMPLETE') return [];
  return data.generations_by_pk.images.map((i: { url: string }) => i.url);
}
`,
      findings: [
        {
          message: "'generations_by_pk' of the GET /generations/{id} response has no field 'images': did you mean 'generated_images'?",
          at: [8, 33, 'images'],
          severity: 'warning',
          endpoint: 'GET /generations/{id}',
          fixes: [{ title: "Read 'generated_images'", output: edit('.images.', '.generated_images.'), preferred: false }], // a nearest-name guess
        },
      ],
    },
    {
      name: 'sdGenerationJob.id → generationId (axios destructured data)',
      code: `import axios from 'axios';
${PREAMBLE}
export async function start(prompt: string) {
  const { data } = await axios.post(\`\${BASE}/generations\`, { prompt, modelId: 'b24e16ff-06e3-43eb-8d33-4416c2d75876' }, { headers });
  return data.sdGenerationJob.id;
}
`,
      findings: [
        {
          message: "'sdGenerationJob' of the POST /generations response has no field 'id': did you mean 'generationId'?",
          at: [7, 31, 'id'],
          fixes: [{ title: "Read 'generationId'", output: edit('id', 'generationId'), preferred: false }], // a nearest-name guess
        },
      ],
    },
    { name: 'uploadInitImage[0] → uploadInitImage: the index is removed, at each read', code: PRESIGN_INDEXED, findings: [
      {
        message: "'uploadInitImage' of the POST /init-image response is an object, not an array: remove the index '[0]'.",
        at: [7, 38, '0'],
        fixes: [{ title: 'Remove the index', output: edit('.uploadInitImage[0].url', '.uploadInitImage.url'), preferred: true }],
      },
      {
        message: "'uploadInitImage' of the POST /init-image response is an object, not an array: remove the index '[0]'.",
        at: [7, 71, '0'],
        fixes: [{ title: 'Remove the index', output: edit('.uploadInitImage[0].id', '.uploadInitImage.id'), preferred: true }],
      },
    ] },
    { name: 'uploadInitImage[0] once', code: PRESIGN_INDEXED.replace('id: json.uploadInitImage[0].id', 'id: 1'), findings: [
      {
        message: "'uploadInitImage' of the POST /init-image response is an object, not an array: remove the index '[0]'.",
        at: [7, 38, '0'],
        fixes: [{ title: 'Remove the index', output: edit('[0]', ''), preferred: true }],
      },
    ] },
    {
      name: 'a field read straight off the axios response: res.sdGenerationJob → res.data.sdGenerationJob',
      code: `import axios from 'axios';
${PREAMBLE}
export class ImageService {
  async create(prompt: string) {
    const response = await axios.post(\`\${BASE}/generations\`, { prompt }, { headers });
    return response.sdGenerationJob.generationId;
  }
}
`,
      findings: [
        {
          message: "'sdGenerationJob' is not on the axios response of POST /generations: use '.data.sdGenerationJob'.",
          at: [8, 21, 'sdGenerationJob'],
          fixes: [{ title: "Read 'data.sdGenerationJob'", output: edit('sdGenerationJob', 'data.sdGenerationJob'), preferred: true }],
        },
      ],
    },
    {
      name: "a wrapper's call whose path and body an if/else writes together: one request per arm, and the answer read once where both arms' endpoints answer alike",
      path: 'video.js',
      code: `const BASE = 'https://cloud.leonardo.ai/api/rest/v1';
async function leonardoRequest(endpoint, method = 'GET', body = null) {
  const options = { method, headers: { 'content-type': 'application/json', authorization: \`Bearer \${process.env.LEONARDO_API_KEY}\` } };
  if (body) options.body = JSON.stringify(body);
  const response = await fetch(\`\${BASE}\${endpoint}\`, options);
  return response.json();
}
export async function makeVideo(prompt, imageId) {
  let endpoint;
  let videoBody;
  if (imageId) {
    endpoint = '/generations-image-to-video';
    videoBody = { prompt, imageId, imageType: 'GENERATED' };
  } else {
    endpoint = '/generations-text-to-video';
    videoBody = { prompt };
  }
  const result = await leonardoRequest(endpoint, 'POST', videoBody);
  return result.sdGenerationJob?.generationId ?? null;
}
export async function either(prompt, upscale) {
  let endpoint;
  if (upscale) endpoint = '/variations/upscale';
  else endpoint = '/generations-text-to-video';
  const result = await leonardoRequest(endpoint, 'POST', { prompt });
  return result.sdGenerationJob?.generationId ?? null;
}
`,
      findings: [
        {
          message: "'sdGenerationJob' is not in the POST /generations-text-to-video answer: use 'motionVideoGenerationJob', its one job key.",
          at: [19, 17, 'sdGenerationJob'],
          fixes: [{ title: "Read 'motionVideoGenerationJob'", output: edit('result.sdGenerationJob?.generationId ?? null;\n}\nexport async function either', 'result.motionVideoGenerationJob?.generationId ?? null;\n}\nexport async function either'), preferred: true }],
        },
      ],
    },
    {
      name: "SDK results: 'data' (axios's body) is not on an SDK result; its own members and the body under .object are fine",
      path: 'generate.js',
      code: `import { Leonardo } from '@leonardo-ai/sdk';
const leonardo = new Leonardo({ bearerAuth: process.env.LEONARDO_API_KEY });

export async function run() {
  const response = await leonardo.image.createGeneration({ prompt: 'a majestic cat', numImages: 1 });
  if (response.statusCode !== 200) throw new Error(response.rawResponse.statusText);
  if (!response.data) throw new Error('no data');
  return response.object?.sdGenerationJob?.generationId;
}
`,
      findings: [
        {
          message: "'data' is not on the SDK result of POST /generations: read the body from '.object'.",
          at: [7, 17, 'data'],
          fixes: [],
        },
      ],
    },
    {
      name: 'SDK results: the body is under .object with camelCase names',
      code: `import { Leonardo } from '@leonardo-ai/sdk';
const leonardo = new Leonardo({ bearerAuth: process.env.LEONARDO_API_KEY });

export async function run(id: string) {
  const created = await leonardo.image.createGeneration({ prompt: 'a red fox', modelId: 'b24e16ff-06e3-43eb-8d33-4416c2d75876' });
  console.log(created.sdGenerationJob);
  const result = await leonardo.image.getGenerationById(id);
  if (result.object?.generationsByPk?.status !== 'COMPLETE') return [];
  return result.object?.generations_by_pk?.generatedImages;
}
`,
      findings: [
        {
          message: "'sdGenerationJob' is not on the SDK result of POST /generations: use '.object?.sdGenerationJob'.",
          at: [6, 23, 'sdGenerationJob'],
          fixes: [{ title: "Read 'object?.sdGenerationJob'", output: edit('sdGenerationJob', 'object?.sdGenerationJob'), preferred: true }],
        },
        {
          message: "The GET /generations/{id} SDK result body has no field 'generations_by_pk': did you mean 'generationsByPk'?",
          at: [9, 25, 'generations_by_pk'],
          fixes: [{ title: "Read 'generationsByPk'", output: edit('generations_by_pk', 'generationsByPk'), preferred: true }],
        },
      ],
    },
    {
      name: 'camelCase names in a raw body, a missing envelope, an array read as an element',
      code: `${PREAMBLE}
export async function summary(id: string) {
  const data = await fetch(\`\${BASE}/generations/\${id}\`, { headers }).then((r) => r.json());
  const generation = data.generationsByPk;
  const created = await (await fetch(\`\${BASE}/generations\`, { method: 'POST', headers, body: JSON.stringify({ prompt: 'x' }) })).json();
  return { generation, next: created.generationId, url: data.generations_by_pk?.generated_images?.url };
}
`,
      findings: [
        {
          message: "The GET /generations/{id} response body has no field 'generationsByPk': did you mean 'generations_by_pk'?",
          at: [6, 27, 'generationsByPk'],
          fixes: [{ title: "Read 'generations_by_pk'", output: edit('generationsByPk', 'generations_by_pk'), preferred: true }],
        },
        {
          message: "The POST /generations response body has no field 'generationId': did you mean 'sdGenerationJob.generationId'?",
          at: [8, 38, 'generationId'],
          fixes: [{ title: "Read 'sdGenerationJob.generationId'", output: edit('generationId', 'sdGenerationJob.generationId'), preferred: false }],
        },
        {
          message: "'generations_by_pk.generated_images' of the GET /generations/{id} response is an array, with no member 'url': did you mean '[0].url'?",
          at: [8, 99, 'url'],
          fixes: [{ title: "Read '[0].url'", output: edit('?.url', '?.[0]?.url'), preferred: false }],
        },
      ],
    },
    {
      name: 'a name that ends with a real one: sdUpscaleJob.jobId → id',
      code: `${PREAMBLE}
export async function upscale(imageId: string) {
  const res = await fetch(\`\${BASE}/variations/upscale\`, { method: 'POST', headers, body: JSON.stringify({ id: imageId }) });
  const { sdUpscaleJob } = await res.json();
  return sdUpscaleJob.jobId;
}
`,
      findings: [
        {
          message: "'sdUpscaleJob' of the POST /variations/upscale response has no field 'jobId': did you mean 'id'?",
          at: [7, 23, 'jobId'],
          fixes: [{ title: "Read 'id'", output: edit('jobId', 'id'), preferred: false }], // a nearest-name guess
        },
      ],
    },
    {
      name: 'uploadInitImage.fields is a JSON string: reading a key off it is flagged without a fix',
      code: `${PREAMBLE}
export async function presign() {
  const res = await fetch(\`\${BASE}/init-image\`, { method: 'POST', headers, body: JSON.stringify({ extension: 'webp' }) });
  const { uploadInitImage } = await res.json();
  return uploadInitImage.fields.key;
}
`,
      findings: [
        {
          message: "'uploadInitImage.fields' of the POST /init-image response is a string: 'key' reads undefined.",
          at: [7, 33, 'key'],
          fixes: [],
        },
      ],
    },
    {
      name: 'destructuring patterns are reads too',
      code: `${PREAMBLE}
export async function presign() {
  const res = await fetch(\`\${BASE}/init-image\`, { method: 'POST', headers, body: JSON.stringify({ extension: 'png' }) });
  const { uploadInitImage: { presignedUrl, id } } = await res.json();
  return { presignedUrl, id };
}
`,
      findings: [
        {
          message: "'uploadInitImage' of the POST /init-image response has no field 'presignedUrl': did you mean 'url'?",
          at: [6, 30, 'presignedUrl'],
          fixes: [],
        },
      ],
    },
    {
      name: 'a parameter of a same-file function called with the response',
      path: 'app.js',
      code: `${PREAMBLE}
function urlsOf(generation) {
  return generation.generated_images.map((image) => image.uri);
}

export async function show(id) {
  const res = await fetch(\`\${BASE}/generations/\${id}\`, { headers });
  const { generations_by_pk } = await res.json();
  if (generations_by_pk.status === 'COMPLETE') return urlsOf(generations_by_pk);
  return [];
}
`,
      findings: [
        {
          message: "'generations_by_pk.generated_images[0]' of the GET /generations/{id} response has no field 'uri': did you mean 'url'?",
          at: [5, 59, 'uri'],
          fixes: [{ title: "Read 'url'", output: edit('uri', 'url'), preferred: false }], // a nearest-name guess
        },
      ],
    },
    {
      name: 'a row of reads off one value is no list of candidates: each is judged',
      code: `${PREAMBLE}
export async function row(id: string) {
  const gen = (await (await fetch(\`\${BASE}/generations/\${id}\`, { headers })).json()).generations_by_pk;
  return [gen.id, gen.statuss, gen.createdAt];
}
`,
      findings: [
        {
          message: "'generations_by_pk' of the GET /generations/{id} response has no field 'statuss': did you mean 'status'?",
          at: [6, 23, 'statuss'],
          fixes: [{ title: "Read 'status'", output: edit('statuss', 'status'), preferred: false }],
        },
      ],
    },
    {
      name: 'an index guarded by Array.isArray of another value is judged',
      code: TESTED_GUESSES.replace('Array.isArray(json.uploadInitImage)', 'Array.isArray(json)'),
      findings: [
        {
          message: "'uploadInitImage' of the POST /init-image response is an object, not an array: remove the index '[0]'.",
          at: [8, 61, '0'],
          fixes: [{ title: 'Remove the index', output: edit('uploadInitImage[0] ', 'uploadInitImage '), preferred: true }],
        },
      ],
    },
    {
      name: 'a field that does not exist, tested before it is read with no real field beside it: the test and the reads are judged',
      code: `${PREAMBLE}
export async function video(id: string) {
  const { generations_by_pk: gen } = await (await fetch(\`\${BASE}/generations/\${id}\`, { headers })).json();
  if (gen.status !== 'COMPLETE') return null;
  if (gen.generated_videos && gen.generated_videos.length > 0) return gen.generated_videos[0].url;
  return null;
}
`,
      findings: [
        {
          message: "'generations_by_pk' of the GET /generations/{id} response has no field 'generated_videos': did you mean 'generated_images[0].motionMP4URL'?",
          at: [7, 11, 'generated_videos'],
          fixes: [{ title: "Read 'generated_images[0].motionMP4URL'", output: edit('.generated_videos ', '.generated_images[0].motionMP4URL '), preferred: false }],
        },
        { message: "'generations_by_pk' of the GET /generations/{id} response has no field 'generated_videos': did you mean 'generated_images[0].motionMP4URL'?", at: [7, 35, 'generated_videos'], fixes: [] },
        { message: "'generations_by_pk' of the GET /generations/{id} response has no field 'generated_videos': did you mean 'generated_images[0].motionMP4URL'?", at: [7, 75, 'generated_videos'], fixes: [] },
      ],
    },
    { name: 'a fallback chain with only one guess left is judged', code: FALLBACKS.replace('data.uploadInitImage.url || ', ''), findings: [
      {
        message: "'uploadInitImage' of the POST /init-image response has no field 'uploadUrl': did you mean 'url'?",
        at: [8, 36, 'uploadUrl'],
        fixes: [{ title: "Read 'url'", output: edit('uploadUrl', 'url'), preferred: false }], // a nearest-name guess
      },
    ] },
  ],
});

test('a read behind a condition of twenty thousand operands is judged: the condition is walked from a work list', () => {
  // Through analyze, not the rule tester: the tester also binds the snippet with the compiler, which recurses per operand.
  const code = `${PREAMBLE}
export async function deep(id: string, ok: boolean) {
  const data = await (await fetch(\`\${BASE}/generations/\${id}\`, { headers })).json();
  if (${'ok && '.repeat(20000)}ok) return data[0];
  return null;
}
`;
  const findings = analyze({ text: code, kind: 'typescript', path: 'app.ts' }).findings.filter((f) => f.ruleId === 'unknown-response-field');
  assert.deepEqual(findings.map((f) => code.slice(f.span.start - 5, f.span.end + 1)), ['data[0]']);
});
