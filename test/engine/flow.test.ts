// The value-origin analysis: where a value in a TS/JS file came from, as far as the file shows.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { getCatalogue } from '../../server/src/api/catalogue.js';
import { documentKindForPath, extractRequests } from '../../server/src/engine/extract/index.js';
import { AnalysisMemo } from '../../server/src/engine/memo.js';
import { isTsParsed, releaseParse } from '../../server/src/engine/extract/typescript.js';
import { expressionAt } from '../../server/src/engine/extract/ts/locate.js';
import { flowFor, type Flow } from '../../server/src/engine/flow/analysis.js';
import { idKindOf } from '../../server/src/engine/flow/id-kinds.js';
import { writtenPath } from '../../server/src/engine/flow/shape.js';

/** The extractor's output for a snippet, with a memo of its own: what the rules see while an analysis runs. */
function contextOf(code: string, path = 'app.ts') {
  const kind = documentKindForPath(path, code) ?? 'typescript';
  const { requests, parsed } = extractRequests({ text: code, kind, path }, getCatalogue(), {});
  return { parsed, requests, memo: new AnalysisMemo() };
}

function flowOf(code: string, path = 'app.ts'): Flow {
  const flow = flowFor(contextOf(code, path));
  assert.ok(flow, 'a TS document has a flow analysis');
  return flow;
}

/** The origin of the last expression written exactly as `text` in the file, as a short description. */
function describe(flow: Flow, text: string): string {
  const node = expressionAt(flow.sourceFile, spanOfLast(flow, text));
  assert.ok(node, `${text} is an expression`);
  const origin = flow.originOf(node);
  if (!origin) return 'unknown';
  if (origin.kind === 'literal') return `literal ${JSON.stringify(origin.value)}`;
  if (origin.kind === 'upload') return `upload ${origin.stage}`;
  const path = writtenPath(origin);
  return `${origin.endpoint?.operationId ?? 'unbound'} ${origin.stage}${path ? ` ${path}` : ''}${origin.statusChecked ? ' checked' : ''}`;
}

const PREAMBLE = `const BASE = 'https://cloud.leonardo.ai/api/rest/v1';
const headers = { authorization: \`Bearer \${process.env.LEONARDO_API_KEY}\` };
`;

test('fetch → .json() → property path, destructuring and for...of', () => {
  const flow = flowOf(`${PREAMBLE}
async function run(id: string) {
  const res = await fetch(\`\${BASE}/generations/\${id}\`, { headers });
  const data = await res.json();
  const { generations_by_pk: generation } = data;
  for (const image of generation.generated_images) console.log(image.id);
  const [first] = generation.generated_images;
  return first.url;
}`);
  assert.equal(describe(flow, 'res'), 'getGenerationById http');
  assert.equal(describe(flow, 'data'), 'getGenerationById body');
  assert.equal(describe(flow, 'generation'), 'getGenerationById body generations_by_pk');
  assert.equal(describe(flow, 'image.id'), 'getGenerationById body generations_by_pk.generated_images[0].id');
  assert.equal(describe(flow, 'first.url'), 'getGenerationById body generations_by_pk.generated_images[0].url');
  assert.equal(idKindOf(flow.originOf(expressionAt(flow.sourceFile, spanOfLast(flow, 'image.id'))!)), 'generated-image');
});

test('axios: const {data} = await axios.post(...), res.data, instances with a baseURL', () => {
  const flow = flowOf(`import axios from 'axios';
${PREAMBLE}
const api = axios.create({ baseURL: BASE, headers });
async function run() {
  const { data } = await axios.post(\`\${BASE}/init-image\`, { extension: 'png' }, { headers });
  const res = await api.post('/generations', { prompt: 'x' });
  return [data.uploadInitImage.id, res.data.sdGenerationJob.generationId];
}`);
  assert.equal(describe(flow, 'data.uploadInitImage.id'), 'uploadInitImage body uploadInitImage.id');
  assert.equal(describe(flow, 'res'), 'createGeneration axios');
  assert.equal(describe(flow, 'res.data.sdGenerationJob.generationId'), 'createGeneration body sdGenerationJob.generationId');
});

test('SDK results: camelCase under .object', () => {
  const flow = flowOf(`import { Leonardo } from '@leonardo-ai/sdk';
const leonardo = new Leonardo({ bearerAuth: process.env.LEONARDO_API_KEY });
async function run() {
  const r = await leonardo.image.createGeneration({ prompt: 'x' });
  const g = await leonardo.image.getGenerationById(r.object?.sdGenerationJob?.generationId ?? '');
  return g.object?.generationsByPk?.generatedImages?.[0]?.id;
}`);
  assert.equal(describe(flow, 'r'), 'createGeneration sdk');
  assert.equal(describe(flow, 'r.object?.sdGenerationJob?.generationId'), 'createGeneration body sdGenerationJob.generationId');
  assert.equal(describe(flow, 'g.object?.generationsByPk?.generatedImages?.[0]?.id'), 'getGenerationById body generationsByPk.generatedImages[0].id');
});

test('.then chains, JSON.parse of .text(), conditional and fallback values', () => {
  const flow = flowOf(`${PREAMBLE}
async function run(id: string) {
  const a = await fetch(\`\${BASE}/generations/\${id}\`, { headers }).then((r) => r.json());
  const b = JSON.parse(await (await fetch(\`\${BASE}/generations/\${id}\`, { headers })).text());
  const images = a.generations_by_pk?.generated_images ?? [];
  const either = Math.random() > 0.5 ? a.generations_by_pk : b.generations_by_pk;
  return [images, either, b];
}`);
  assert.equal(describe(flow, 'a'), 'getGenerationById body');
  assert.equal(describe(flow, 'b'), 'getGenerationById body');
  assert.equal(describe(flow, 'images'), 'getGenerationById body generations_by_pk.generated_images');
  assert.equal(describe(flow, 'either'), 'getGenerationById body generations_by_pk');
});

test('functions: return values, parameters with every caller visible, wrappers bound per call', () => {
  const flow = flowOf(`${PREAMBLE}
async function leonardo(path: string, body?: unknown) {
  const res = await fetch(\`\${BASE}\${path}\`, { method: 'POST', headers, body: JSON.stringify(body) });
  return res.json();
}
function idOf(job) { return job.generationId; }
function twice(x) { return x; }
async function run() {
  const created = await leonardo('/generations', { prompt: 'a fox' });
  const id = idOf(created.sdGenerationJob);
  const upload = await leonardo('/init-image', { extension: 'png' });
  twice(upload.uploadInitImage.id);
  twice(created.sdGenerationJob.generationId);
  return id;
}`);
  assert.equal(describe(flow, 'created'), 'createGeneration body');
  assert.equal(describe(flow, 'upload'), 'uploadInitImage body');
  assert.equal(describe(flow, 'id'), 'createGeneration body sdGenerationJob.generationId');
  // Two callers pass different things: the parameter is unknown.
  assert.equal(describe(flow, 'x'), 'unknown');
});

test('an exported function whose parameter is passed elsewhere is unknown; literals are known', () => {
  const flow = flowOf(`${PREAMBLE}
const DONE = 'COMPLETE';
export function handler(payload) { return payload.generations_by_pk; }
register(handler);
const check = (status) => status === DONE;`);
  assert.equal(describe(flow, 'payload.generations_by_pk'), 'unknown');
  assert.equal(describe(flow, 'DONE'), 'literal "COMPLETE"');
});

test('variables assigned in several places: one origin when they agree, unknown otherwise', () => {
  const flow = flowOf(`${PREAMBLE}
async function poll(id: string) {
  let data = null;
  data = await (await fetch(\`\${BASE}/generations/\${id}\`, { headers })).json();
  while (data.generations_by_pk.status === 'PENDING') {
    data = await (await fetch(\`\${BASE}/generations/\${id}\`, { headers })).json();
  }
  let mixed = await (await fetch(\`\${BASE}/generations/\${id}\`, { headers })).json();
  mixed = { other: true };
  let counted = 0;
  counted += 1;
  let swapped = await (await fetch(\`\${BASE}/generations/\${id}\`, { headers })).json();
  [swapped] = [mixed];
  return [data, mixed, counted, swapped];
}`);
  assert.equal(describe(flow, 'data'), 'getGenerationById body');
  assert.equal(describe(flow, 'mixed'), 'unknown');
  assert.equal(describe(flow, 'counted'), 'unknown');
  assert.equal(describe(flow, 'swapped'), 'unknown');
});

test('the upload to a presigned URL is its own origin', () => {
  const flow = flowOf(`import axios from 'axios';
${PREAMBLE}
async function upload(file: Blob) {
  const res = await fetch(\`\${BASE}/init-image\`, { method: 'POST', headers, body: JSON.stringify({ extension: 'png' }) });
  const { uploadInitImage } = await res.json();
  const s3 = await fetch(uploadInitImage.url, { method: 'POST', body: file });
  const viaAxios = await axios.post(uploadInitImage.url, file);
  return [s3, viaAxios.data];
}`);
  assert.equal(describe(flow, 'uploadInitImage.url'), 'uploadInitImage body uploadInitImage.url');
  assert.equal(describe(flow, 's3'), 'upload http');
  assert.equal(describe(flow, 'viaAxios.data'), 'upload body');
});

test('status checks travel with values returned by a helper that returns only when COMPLETE', () => {
  const flow = flowOf(`${PREAMBLE}
async function waitFor(id: string) {
  for (;;) {
    const { generations_by_pk } = await (await fetch(\`\${BASE}/generations/\${id}\`, { headers })).json();
    if (generations_by_pk.status === 'COMPLETE') return generations_by_pk;
    await new Promise((r) => setTimeout(r, 1000));
  }
}
async function fetchOnce(id: string) {
  const { generations_by_pk } = await (await fetch(\`\${BASE}/generations/\${id}\`, { headers })).json();
  return generations_by_pk;
}
async function afterWaiting(id: string) {
  const done = await waitFor(id);
  return done;
}
async function rightAway(id: string) {
  const maybe = await fetchOnce(id);
  return maybe;
}`);
  assert.equal(describe(flow, 'done'), 'getGenerationById body generations_by_pk checked');
  assert.equal(describe(flow, 'maybe'), 'getGenerationById body generations_by_pk');
});

test('no Leonardo call, no origin; non-TS documents have no flow', () => {
  const flow = flowOf(`// leonardo-free helpers
const res = await fetch('https://example.com/api/generations/1');
const data = await res.json();`);
  assert.equal(describe(flow, 'data'), 'unbound body');
  assert.equal(flowFor(contextOf('{"prompt": "x"}', 'x.leonardo.json')), undefined);
});

test('deep chains and recursion stay bounded', () => {
  const chain = Array.from({ length: 3000 }, (_, i) => `const v${i + 1} = v${i};`).join('\n');
  const flow = flowOf(`${PREAMBLE}
async function run(id: string) {
  const v0 = await (await fetch(\`\${BASE}/generations/\${id}\`, { headers })).json();
${chain}
  return v3000.generations_by_pk;
}
function a(x) { return b(x); }
function b(x) { return a(x); }
const loop = a(1);`);
  assert.equal(describe(flow, 'v3000.generations_by_pk'), 'unknown');
  assert.equal(describe(flow, 'v0'), 'getGenerationById body');
  assert.equal(describe(flow, 'loop'), 'unknown');
});

test('one flow per analysis, emptied when the analysis ends', () => {
  const context = contextOf(`${PREAMBLE}
const res = await fetch(BASE + '/me', { headers });
const me = await res.json();
me.user_details;`);
  const flow = flowFor(context)!;
  assert.equal(flowFor(context), flow);
  assert.equal(describe(flow, 'me'), 'getUserSelf body');
  // As analyze() ends an analysis: the memo (the flow's own tables), then the parse (the index, and the file facts kept on it).
  context.memo.release();
  assert.ok(isTsParsed(context.parsed));
  releaseParse(context.parsed);
  assert.equal(flow.facts.accesses.length, 0, 'the ended analysis holds no member accesses');
  assert.notEqual(flowFor(context), flow, 'a memo asked again after release starts afresh');
});

test('a reassigned let: each read is the response of the call assigned last before it, as in Leonardo\'s Node samples', () => {
  const flow = flowOf(`const axios = require('axios');
const headers = { authorization: \`Bearer \${process.env.LEONARDO_API_KEY}\` };
const generate = async () => {
  let response = await axios.post('https://cloud.leonardo.ai/api/rest/v1/generations', { prompt: 'a cat', modelId: '6bef9f1b-29cb-40c7-b9df-32b51c1f67d3' }, { headers });
  const created = response.data;
  const generationId = response.data.sdGenerationJob.generationId;
  await new Promise((resolve) => setTimeout(resolve, 20000));
  response = await axios.get(\`https://cloud.leonardo.ai/api/rest/v1/generations/\${generationId}\`, { headers });
  const fetched = response.data;
  return fetched.generations_by_pk;
};`, 'app.js');
  assert.equal(describe(flow, 'created'), 'createGeneration body');
  assert.equal(describe(flow, 'fetched'), 'getGenerationById body');
});

test('a reassigned let written in a branch, a loop or a callback is unknown where the writes disagree', () => {
  const flow = flowOf(`const axios = require('axios');
const headers = { authorization: \`Bearer \${process.env.LEONARDO_API_KEY}\` };
async function run(id, refresh) {
  let response = await axios.post('https://cloud.leonardo.ai/api/rest/v1/generations', { prompt: 'a cat' }, { headers });
  if (refresh) response = await axios.get(\`https://cloud.leonardo.ai/api/rest/v1/generations/\${id}\`, { headers });
  const afterBranch = response.data;
  let other = await axios.get(\`https://cloud.leonardo.ai/api/rest/v1/generations/\${id}\`, { headers });
  for (let i = 0; i < 3; i++) {
    const inLoop = other.data;
    other = await axios.get('https://cloud.leonardo.ai/api/rest/v1/me', { headers });
  }
  let late = await axios.get('https://cloud.leonardo.ai/api/rest/v1/me', { headers });
  setTimeout(() => { late = null; }, 10);
  const afterCallback = late.data;
  return [afterBranch, inLoop, afterCallback];
}`, 'app.js');
  assert.equal(describe(flow, 'afterBranch'), 'unknown');
  assert.equal(describe(flow, 'inLoop'), 'unknown');
  assert.equal(describe(flow, 'afterCallback'), 'unknown');
});

/** The last place `text` is written as a whole expression (not part of a longer name). */
function spanOfLast(flow: Flow, text: string) {
  const escaped = text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const matches = [...flow.text.matchAll(new RegExp(`(?<![\\w$.])${escaped}(?![\\w$])`, 'g'))];
  const last = matches[matches.length - 1];
  assert.ok(last, `${text} is in the code`);
  return { start: last.index, end: last.index + text.length };
}
