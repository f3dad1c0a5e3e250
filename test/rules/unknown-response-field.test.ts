// unknown-response-field: reads of fields a known Leonardo response does not have, with the real path.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fixed, lint } from '../helpers/lint.js';
import { CORRECT_FLOWS } from '../engine/flow-fixtures.js';

const RULE = 'unknown-response-field';
const only = { rules: [RULE] };
const fix = (code: string, path = 'app.ts') => fixed(code, RULE, { path });

const PREAMBLE = `const BASE = 'https://cloud.leonardo.ai/api/rest/v1';
const headers = { authorization: \`Bearer \${process.env.LEONARDO_API_KEY}\` };
`;

test('generations_by_pk.images → generated_images, on the name, fix offered (a nearest name is a guess)', () => {
  const code = `${PREAMBLE}
export async function imagesOf(id: string) {
  const res = await fetch(\`\${BASE}/generations/\${id}\`, { headers });
  const data = await res.json();
  if (data.generations_by_pk.status !== 'COMPLETE') return [];
  return data.generations_by_pk.images.map((i: { url: string }) => i.url);
}
`;
  const hits = lint(code, only);
  assert.equal(hits.length, 1);
  const [hit] = hits;
  assert.deepEqual([hit!.line, hit!.column, hit!.text], [8, 33, 'images']);
  assert.equal(hit!.severity, 'warning');
  assert.match(hit!.message, /`generations_by_pk` of the GET \/generations\/\{id\} response has no field `images`/);
  assert.match(hit!.message, /Did you mean `generated_images`\?/);
  assert.equal(hit!.finding.endpoint, 'GET /generations/{id}');
  assert.equal(fix(code), code.replace('generations_by_pk.images', 'generations_by_pk.generated_images'));
});

test('sdGenerationJob.id → generationId (axios destructured data)', () => {
  const code = `import axios from 'axios';
${PREAMBLE}
export async function start(prompt: string) {
  const { data } = await axios.post(\`\${BASE}/generations\`, { prompt, modelId: 'b24e16ff-06e3-43eb-8d33-4416c2d75876' }, { headers });
  return data.sdGenerationJob.id;
}
`;
  const [hit, ...rest] = lint(code, only);
  assert.equal(rest.length, 0);
  assert.deepEqual([hit!.line, hit!.column, hit!.text], [7, 31, 'id']);
  assert.match(hit!.message, /`sdGenerationJob` of the POST \/generations response has no field `id`.*`generationId`/);
  assert.equal(fix(code), code.replace('sdGenerationJob.id', 'sdGenerationJob.generationId'));
});

test('uploadInitImage[0] → uploadInitImage: the index is removed', () => {
  const code = `${PREAMBLE}
async function presign() {
  const res = await fetch(BASE + '/init-image', { method: 'POST', headers, body: JSON.stringify({ extension: 'png' }) });
  const json = await res.json();
  return { url: json.uploadInitImage[0].url, id: json.uploadInitImage[0].id };
}
`;
  const hits = lint(code, only);
  assert.deepEqual(hits.map((h) => [h.line, h.text]), [[7, '0'], [7, '0']]);
  assert.match(hits[0]!.message, /`uploadInitImage` of the POST \/init-image response is an object, not an array: `\[0\]` reads undefined/);
  assert.equal(hits[0]!.finding.fixes[0]!.preferred, true);
  const once = fix(code.replace('id: json.uploadInitImage[0].id', 'id: 1'));
  assert.match(once, /url: json\.uploadInitImage\.url/);
});

test('a field read straight off the axios response: res.sdGenerationJob → res.data.sdGenerationJob', () => {
  const code = `import axios from 'axios';
${PREAMBLE}
export class ImageService {
  async create(prompt: string) {
    const response = await axios.post(\`\${BASE}/generations\`, { prompt }, { headers });
    return response.sdGenerationJob.generationId;
  }
}
`;
  const [hit] = lint(code, only);
  assert.deepEqual([hit!.line, hit!.text], [8, 'sdGenerationJob']);
  assert.match(hit!.message, /not on the axios response of POST \/generations: the body is under `\.data`/);
  assert.equal(fix(code), code.replace('response.sdGenerationJob', 'response.data.sdGenerationJob'));
});

test('SDK results: the body is under .object with camelCase names', () => {
  const code = `import { Leonardo } from '@leonardo-ai/sdk';
const leonardo = new Leonardo({ bearerAuth: process.env.LEONARDO_API_KEY });

export async function run(id: string) {
  const created = await leonardo.image.createGeneration({ prompt: 'a red fox', modelId: 'b24e16ff-06e3-43eb-8d33-4416c2d75876' });
  console.log(created.sdGenerationJob);
  const result = await leonardo.image.getGenerationById(id);
  if (result.object?.generationsByPk?.status !== 'COMPLETE') return [];
  return result.object?.generations_by_pk?.generatedImages;
}
`;
  const hits = lint(code, only);
  assert.deepEqual(hits.map((h) => [h.line, h.text]), [[6, 'sdGenerationJob'], [9, 'generations_by_pk']]);
  assert.match(hits[0]!.message, /not on the SDK result of POST \/generations: the body is under `\.object`/);
  assert.equal(hits[0]!.finding.fixes[0]!.edits[0]!.newText, 'object?.sdGenerationJob');
  assert.match(hits[1]!.message, /SDK result body has no field `generations_by_pk`.*`generationsByPk`/);
  assert.equal(hits[1]!.finding.fixes[0]!.edits[0]!.newText, 'generationsByPk');
});

test('camelCase names in a raw body, a missing envelope, an array read as an element', () => {
  const code = `${PREAMBLE}
export async function summary(id: string) {
  const data = await fetch(\`\${BASE}/generations/\${id}\`, { headers }).then((r) => r.json());
  const generation = data.generationsByPk;
  const created = await (await fetch(\`\${BASE}/generations\`, { method: 'POST', headers, body: JSON.stringify({ prompt: 'x' }) })).json();
  return { generation, next: created.generationId, url: data.generations_by_pk?.generated_images?.url };
}
`;
  const hits = lint(code, only);
  assert.deepEqual(hits.map((h) => h.text), ['generationsByPk', 'generationId', 'url']);
  assert.deepEqual(hits.map((h) => h.finding.fixes[0]?.edits[0]?.newText), ['generations_by_pk', 'sdGenerationJob.generationId', '?.[0]?.url']);
});

test('a name that ends with a real one: sdUpscaleJob.jobId → id', () => {
  const code = `${PREAMBLE}
export async function upscale(imageId: string) {
  const res = await fetch(\`\${BASE}/variations/upscale\`, { method: 'POST', headers, body: JSON.stringify({ id: imageId }) });
  const { sdUpscaleJob } = await res.json();
  return sdUpscaleJob.jobId;
}
`;
  assert.equal(fix(code), code.replace('sdUpscaleJob.jobId', 'sdUpscaleJob.id'));
});

test('uploadInitImage.fields is a JSON string: reading a key off it is flagged without a fix', () => {
  const code = `${PREAMBLE}
export async function presign() {
  const res = await fetch(\`\${BASE}/init-image\`, { method: 'POST', headers, body: JSON.stringify({ extension: 'webp' }) });
  const { uploadInitImage } = await res.json();
  return uploadInitImage.fields.key;
}
`;
  const [hit] = lint(code, only);
  assert.equal(hit!.text, 'key');
  assert.match(hit!.message, /is a string: `key` reads undefined\. It holds the presigned form fields as a JSON string: read them from `JSON\.parse\(fields\)`/);
  assert.deepEqual(hit!.finding.fixes, []);
});

test('destructuring patterns are reads too', () => {
  const code = `${PREAMBLE}
export async function presign() {
  const res = await fetch(\`\${BASE}/init-image\`, { method: 'POST', headers, body: JSON.stringify({ extension: 'png' }) });
  const { uploadInitImage: { presignedUrl, id } } = await res.json();
  return { presignedUrl, id };
}
`;
  const [hit, ...rest] = lint(code, only);
  assert.equal(rest.length, 0);
  assert.deepEqual([hit!.line, hit!.text], [6, 'presignedUrl']);
  assert.match(hit!.message, /`uploadInitImage` of the POST \/init-image response has no field `presignedUrl`/);
});

test('a parameter of a same-file function called with the response', () => {
  const code = `${PREAMBLE}
function urlsOf(generation) {
  return generation.generated_images.map((image) => image.uri);
}

export async function show(id) {
  const res = await fetch(\`\${BASE}/generations/\${id}\`, { headers });
  const { generations_by_pk } = await res.json();
  if (generations_by_pk.status === 'COMPLETE') return urlsOf(generations_by_pk);
  return [];
}
`;
  const [hit, ...rest] = lint(code, { ...only, path: 'app.js' });
  assert.equal(rest.length, 0);
  assert.deepEqual([hit!.line, hit!.text], [5, 'uri']);
  assert.equal(fix(code, 'app.js'), code.replace('image.uri', 'image.url'));
});

test('silent: error bodies, array and string members, writes, unknown responses', () => {
  const code = `import axios from 'axios';
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
`;
  assert.deepEqual(lint(code, only), []);
});

test('silent: one guess among several in a fallback chain', () => {
  const code = `${PREAMBLE}
export async function presign() {
  const res = await fetch(\`\${BASE}/init-image\`, { method: 'POST', headers, body: JSON.stringify({ extension: 'png' }) });
  const data = await res.json();
  const upload = data.uploadInitImage || data.upload_init_image || data;
  const url = data.uploadInitImage.url || data.uploadInitImage.uploadUrl;
  return { upload, url, id: data.uploadInitImage?.imageId ?? data.uploadInitImage?.id };
}
`;
  assert.deepEqual(lint(code, only), []);
  assert.equal(lint(code.replace('data.uploadInitImage.url || ', ''), only).length, 1);
});

test('silent: a response interceptor that unwraps axios responses', () => {
  const code = `import axios from 'axios';
const api = axios.create({ baseURL: 'https://cloud.leonardo.ai/api/rest/v1' });
api.interceptors.response.use((response) => response.data);
export async function create(prompt: string) {
  const job = await api.post('/generations', { prompt });
  return job.sdGenerationJob.generationId;
}
`;
  assert.deepEqual(lint(code, only), []);
});

test('silent: a variable that holds different responses is unknown', () => {
  const code = `${PREAMBLE}
export async function either(id: string, upload: boolean) {
  let data;
  if (upload) data = await (await fetch(\`\${BASE}/init-image\`, { method: 'POST', headers, body: '{"extension":"png"}' })).json();
  else data = await (await fetch(\`\${BASE}/generations/\${id}\`, { headers })).json();
  return data.uploadInitImage ?? data.generations_by_pk;
}
`;
  assert.deepEqual(lint(code, only), []);
});

test('correct flows stay clean', () => {
  for (const [name, code] of Object.entries(CORRECT_FLOWS)) {
    assert.deepEqual(lint(code, { ...only, path: name === 'POLL_TIMEOUT' ? 'app.js' : 'app.ts' }), [], name);
  }
});
