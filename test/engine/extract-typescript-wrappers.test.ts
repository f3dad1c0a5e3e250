// Same-file wrappers around an HTTP client, and @leonardo-ai/sdk calls.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describe, extract, objectOf, only, plain, text } from './extract-typescript-helpers.js';

test('Express service: a wrapper function with a literal path and body at each call', () => {
  const code = `import express from "express";

const LEONARDO = "https://cloud.leonardo.ai/api/rest/v1";

async function leonardo(path: string, body: unknown) {
  const res = await fetch(\`\${LEONARDO}\${path}\`, {
    method: "POST",
    headers: { authorization: \`Bearer \${process.env.LEONARDO_API_KEY}\`, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(await res.text());
  return res.json();
}

const app = express();
app.post("/generate", async (req, res) => {
  const job = await leonardo("/generations", { prompt: req.body.prompt, num_images: 2, width: 1024 });
  res.json(job);
});
app.post("/upload", async (_req, res) => {
  res.json(await leonardo("/init-image", { extension: "png" }));
});`;
  const sites = extract(code);
  assert.deepEqual(sites.map(describe), [
    'fetch POST https://cloud.leonardo.ai/api/rest/v1{path}',
    'wrapper POST https://cloud.leonardo.ai/api/rest/v1/generations',
    'wrapper POST https://cloud.leonardo.ai/api/rest/v1/init-image',
  ]);
  const [inner, generate, upload] = sites;
  assert.equal(inner?.url?.path, undefined, 'the wrapper itself has no known path');
  assert.deepEqual(inner?.headers?.properties.map((p) => p.key), ['authorization', 'content-type']);
  assert.equal(generate?.naming, 'wire');
  assert.equal(generate?.endpoint?.operationId, 'createGeneration');
  assert.equal(text(code, generate?.url?.span), '"/generations"');
  assert.equal(text(code, generate?.url?.pathSpan), '/generations');
  assert.equal(text(code, generate?.methodSpan), 'POST');
  assert.deepEqual(plain(generate?.body), { prompt: '?req.body.prompt', num_images: 2, width: 1024 });
  assert.ok(text(code, generate?.span)!.startsWith('leonardo("/generations"'));
  assert.equal(upload?.endpoint?.operationId, 'uploadInitImage');
});

test('wrappers: arrow functions, + concatenation, axios inside, a method parameter, class methods', () => {
  const code = `import axios from "axios";
const BASE_URL = "https://cloud.leonardo.ai/api/rest/v1";
const post = (endpoint: string, data: object) => axios.post(BASE_URL + endpoint, data, { headers });
const call = async (method: string, endpoint: string, payload?: object) =>
  fetch(\`\${BASE_URL}\${endpoint}\`, { method, body: JSON.stringify(payload) });

class Leo {
  async request(path: string, body: Record<string, unknown>) {
    return fetch(BASE_URL + path, { method: "POST", body: JSON.stringify(body) });
  }
  async upscale(id: string) {
    return this.request("/variations/upscale", { id });
  }
}

post("/generations", { prompt: "a", width: "512" });
call("POST", "/generations-lcm", { prompt: "b" });
call("GET", "/me");`;
  const wrapperSites = extract(code).filter((s) => s.source === 'wrapper');
  assert.deepEqual(wrapperSites.map(describe), [
    'wrapper POST https://cloud.leonardo.ai/api/rest/v1/variations/upscale',
    'wrapper POST https://cloud.leonardo.ai/api/rest/v1/generations',
    'wrapper POST https://cloud.leonardo.ai/api/rest/v1/generations-lcm',
    'wrapper GET https://cloud.leonardo.ai/api/rest/v1/me',
  ]);
  const [upscale, generation, lcm, me] = wrapperSites;
  assert.deepEqual(plain(upscale?.body), { id: '?id' });
  assert.deepEqual(plain(generation?.body), { prompt: 'a', width: '512' });
  assert.equal(text(code, lcm?.methodSpan), 'POST');
  assert.equal(lcm?.endpoint?.operationId, 'createLCMGeneration');
  assert.equal(me?.endpoint?.operationId, 'getUserSelf');
  assert.equal(me?.body, undefined);
});

test('a generic JSON helper called with a Leonardo URL; calls with other URLs or unknown paths get nothing', () => {
  const code = `// leonardo and openai
async function postJson(url: string, body: unknown) {
  return fetch(url, { method: "POST", body: JSON.stringify(body) });
}
postJson("https://cloud.leonardo.ai/api/rest/v1/generations", { prompt: "x" });
postJson("https://api.openai.com/v1/images/generations", { prompt: "x", size: "512" });
postJson(someUrl, { prompt: "x" });`;
  const site = only(code);
  assert.equal(site.source, 'wrapper');
  assert.equal(site.endpoint?.operationId, 'createGeneration');
});

test('@leonardo-ai/sdk: client instance, namespace, body with SDK names', () => {
  const code = `import { Leonardo } from "@leonardo-ai/sdk";

const leonardo = new Leonardo({ bearerAuth: process.env.LEONARDO_API_KEY ?? "" });

export async function main() {
  const result = await leonardo.image.createGeneration({
    prompt: "a watercolor fox",
    modelId: "b24e16ff-06e3-43eb-8d33-4416c2d75876",
    numImages: 2,
    photoReal: true,
  });
  const id = result.object?.sdGenerationJob?.generationId;
  const gen = await leonardo.image.getGenerationById(id!);
  await leonardo.initImages.uploadInitImage({ extension: "png" });
  await leonardo.createVariationUpscale({ id: "x" });
  await leonardo.dataset.uploadDatasetImage({ extension: "jpg" }, datasetId);
  await leonardo.threeDModelAssets.delete3DModelById("m", { id: "n" });
  await leonardo.dataset.uploadDatasetImageFromGen({ datasetId: "d", requestBody: { generatedImageId: "g" } });
  await leonardo.image.notAnOperation({ prompt: "x" });
  return gen;
}`;
  const sites = extract(code);
  assert.deepEqual(
    sites.map((s) => `${s.source}:${s.naming} ${s.method} ${s.endpoint?.operationId}`),
    [
      'sdk:sdk POST createGeneration',
      'sdk:sdk GET getGenerationById',
      'sdk:sdk POST uploadInitImage',
      'sdk:sdk POST createVariationUpscale',
      'sdk:sdk POST uploadDatasetImage',
      'sdk:sdk DELETE delete3DModelById',
      'sdk:sdk POST uploadDatasetImageFromGen',
    ],
  );
  const [create, get, init, , dataset, del, older] = sites;
  assert.deepEqual(plain(older?.body), { generatedImageId: 'g' }, 'the request object of older SDK releases');
  assert.equal(create?.url, undefined);
  assert.deepEqual(objectOf(create?.body).properties.map((p) => p.key), ['prompt', 'modelId', 'numImages', 'photoReal']);
  assert.equal(get?.body, undefined);
  assert.deepEqual(plain(init?.body), { extension: 'png' });
  assert.deepEqual(plain(dataset?.body), { extension: 'jpg' });
  assert.deepEqual(plain(del?.body), { id: 'n' });
});

test('SDK clients: default import, require, namespace import, class members, typed parameters, namespace aliases', () => {
  const code = `import Leonardo from "@leonardo-ai/sdk";
import * as sdk from "@leonardo-ai/sdk";
const { Leonardo: Client } = require("@leonardo-ai/sdk");

class Gen {
  private client = new Leonardo({ bearerAuth: key });
  private other: sdk.Leonardo;
  constructor(private readonly injected: Leonardo) {
    this.other = new sdk.Leonardo({ bearerAuth: key });
  }
  a() { return this.client.image.createGeneration({ prompt: "a" }); }
  b() { return this.other.image.createGeneration({ prompt: "b" }); }
  c() { return this.injected.image.createGeneration({ prompt: "c" }); }
}
function d(leo: Leonardo) { return leo.image.createGeneration({ prompt: "d" }); }
const images = new Client({ bearerAuth: key }).image;
images.createGeneration({ prompt: "e" });`;
  const prompts = extract(code).map((s) => (plain(s.body) as { prompt: string }).prompt);
  assert.deepEqual(prompts, ['a', 'b', 'c', 'd', 'e']);
});

test('SDK-like calls without the SDK import, or on other objects, get nothing', () => {
  const code = `// leonardo
const leonardo = new Leonardo({ bearerAuth: key });
leonardo.image.createGeneration({ prompt: "x" });`;
  assert.deepEqual(extract(code), []);
  const other = `import { Leonardo } from "@leonardo-ai/sdk";
const openai = new OpenAI();
openai.image.createGeneration({ prompt: "x" });
openai.images.generate({ prompt: "x", n: 20 });`;
  assert.deepEqual(extract(other), []);
});

test('a wrapper that passes its caller’s fetch options through: method and body come from each call', () => {
  const code = `const API = "https://cloud.leonardo.ai/api/rest/v1";
export async function leonardoFetch(path: string, init: RequestInit = {}) {
  const res = await fetch(API + path, {
    ...init,
    headers: { ...init.headers, authorization: \`Bearer \${process.env.LEONARDO_API_KEY}\` },
  });
  return res.json();
}
export const whole = (path: string, init?: RequestInit) => fetch(\`\${API}\${path}\`, init);

leonardoFetch("/generations", { method: "POST", body: JSON.stringify({ prompt: "p", num_images: 9 }) });
leonardoFetch("/me");
leonardoFetch("/generations", options);
whole("/init-image", { method: "POST", body: JSON.stringify({ extension: "png" }) });`;
  const sites = extract(code);
  const [inner, innerWhole, generate, me, opaque, upload] = sites;
  assert.equal(inner?.method, undefined, 'options spread in may hold the method');
  assert.equal(innerWhole?.method, undefined);
  assert.equal(generate?.source, 'wrapper');
  assert.equal(generate?.method, 'POST');
  assert.equal(text(code, generate?.methodSpan), 'POST');
  assert.equal(generate?.endpoint?.operationId, 'createGeneration');
  assert.deepEqual(plain(generate?.body), { prompt: 'p', num_images: 9 });
  assert.equal(me?.method, 'GET');
  assert.equal(me?.endpoint?.operationId, 'getUserSelf');
  assert.equal(opaque?.method, undefined, 'options that cannot be read leave the method unknown');
  assert.equal(opaque?.endpoint, undefined);
  assert.equal(upload?.endpoint?.operationId, 'uploadInitImage');
  assert.deepEqual(plain(upload?.body), { extension: 'png' });
});

test('a wrapper that hands its caller’s options on: the call’s headers are the request’s, as the wrapper’s object merges them', () => {
  const code = `const API = "https://cloud.leonardo.ai/api/rest/v1";
async function fetchWithTimeout(url: string, opts: RequestInit, ms = 30000) {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), ms);
  try {
    return await fetch(url, { ...opts, signal: controller.signal });
  } finally {
    clearTimeout(timer);
  }
}
async function merged(path: string, opts: RequestInit = {}) {
  return fetch(API + path, { ...opts, headers: { "content-type": "application/json", ...opts.headers } });
}
async function replaced(path: string, opts: RequestInit = {}) {
  return fetch(API + path, { ...opts, headers: { authorization: \`Bearer \${process.env.LEONARDO_API_KEY}\` } });
}
async function overridden(path: string, opts: RequestInit = {}) {
  return fetch(API + path, { ...opts, headers: { ...opts.headers, Authorization: \`Bearer \${process.env.LEONARDO_API_KEY}\` } });
}

fetchWithTimeout(API + "/me", { headers: { authorization: \`Bearer \${key}\`, accept: "application/json" } });
merged("/me", { headers: { authorization: key } });
replaced("/me", { headers: { authorization: key } });
overridden("/me", { headers: { authorization: key, accept: "application/json" } });
fetchWithTimeout(API + "/me", { method: "GET" });`;
  const sites = extract(code).filter((site) => site.source === 'wrapper');
  const keys = sites.map((site) => site.headers && [site.headers.properties.map((p) => p.key).join(','), site.headers.hasUnknownKeys]);
  assert.deepEqual(keys, [
    ['authorization,accept', false],
    ['content-type,authorization', false],
    undefined,
    ['accept,Authorization', false],
    undefined,
  ]);
  assert.equal(text(code, sites[0]?.headers?.properties[0]?.span), 'authorization: `Bearer ${key}`');
});

test('a wrapper that destructures its options: the rest is handed on, the headers taken out are merged as written', () => {
  const code = `const API = "https://cloud.leonardo.ai/api/rest/v1";
const DEFAULTS = { accept: "application/json", "content-type": "application/json" };
async function inParams(url: string, { timeoutMs = 30_000, headers, ...rest }: RequestInit & { timeoutMs?: number } = {}) {
  return fetch(url, { ...rest, headers: { ...DEFAULTS, ...headers }, signal: AbortSignal.timeout(timeoutMs) });
}
function inBody(url: string, options = {}) {
  const { headers = {}, ...init } = options;
  return fetch(url, { ...init, headers: { ...DEFAULTS, ...headers } });
}
function dropped(url: string, { headers, ...rest }: RequestInit = {}) {
  return fetch(url, { ...rest });
}

inParams(API + "/generations", { method: "POST", timeoutMs: 60_000, headers: { authorization: key }, body: JSON.stringify({ prompt: "p", num_images: 2 }) });
inBody(API + "/prompt/improve", { method: "POST", headers: { "x-api-key": key }, body: JSON.stringify({ prompt: "p" }) });
dropped(API + "/me", { headers: { authorization: key } });`;
  const sites = extract(code).filter((site) => site.source === 'wrapper');
  assert.deepEqual(sites.map(describe), [
    'wrapper POST https://cloud.leonardo.ai/api/rest/v1/generations',
    'wrapper POST https://cloud.leonardo.ai/api/rest/v1/prompt/improve',
    'wrapper GET https://cloud.leonardo.ai/api/rest/v1/me',
  ]);
  assert.deepEqual(plain(sites[0]?.body), { prompt: 'p', num_images: 2 });
  const keys = sites.map((site) => site.headers && [site.headers.properties.map((p) => p.key).join(','), site.headers.hasUnknownKeys]);
  assert.deepEqual(keys, [['accept,content-type,authorization', false], ['accept,content-type,x-api-key', false], undefined]);
});

test('SvelteKit load: the fetch parameter is fetch', () => {
  const code = `export async function load({ fetch }) {
  const res = await fetch("https://cloud.leonardo.ai/api/rest/v1/me", { headers: { authorization: "Bearer " + key } });
  return { user: await res.json() };
}`;
  assert.equal(only(code, '+page.server.js').endpoint?.operationId, 'getUserSelf');
});

test('a wrapper that picks its method by whether a body is passed: each call sends the method its arguments choose', () => {
  const code = `const BASE = "https://cloud.leonardo.ai/api/rest/v1";
async function leonardo(path: string, payload?: object) {
  const res = await fetch(BASE + path, {
    method: payload ? "POST" : "GET",
    headers: { authorization: \`Bearer \${process.env.LEONARDO_API_KEY}\`, "content-type": "application/json" },
    body: payload ? JSON.stringify(payload) : undefined,
  });
  return res.json();
}
const api = (path: string, data?: unknown) => fetch(\`\${BASE}\${path}\`, { method: !data ? "GET" : "PUT", body: data && JSON.stringify(data) });
const traced = (path: string, trace: string, data?: unknown) => fetch(BASE + path, { method: data ? "POST" : "GET", headers: { "x-trace": trace }, body: data ? JSON.stringify(data) : undefined });

export async function run(input: object | undefined, rest: [string, object]) {
  await leonardo("/generations", { prompt: "a harbour at dusk", num_images: 2 });
  await leonardo("/me");
  await leonardo("/generations", undefined);
  await leonardo("/generations", input);
  await leonardo(...rest);
  await api("/elements/1", { name: "x" });
  await api("/elements/1");
  await traced("/generations", ...rest);
}`;
  const sites = extract(code).filter((s) => s.source === 'wrapper');
  assert.deepEqual(sites.map(describe), [
    'wrapper POST https://cloud.leonardo.ai/api/rest/v1/generations',
    'wrapper GET https://cloud.leonardo.ai/api/rest/v1/me',
    'wrapper GET https://cloud.leonardo.ai/api/rest/v1/generations',
    'wrapper ? https://cloud.leonardo.ai/api/rest/v1/generations',
    'wrapper PUT https://cloud.leonardo.ai/api/rest/v1/elements/1',
    'wrapper GET https://cloud.leonardo.ai/api/rest/v1/elements/1',
    'wrapper ? https://cloud.leonardo.ai/api/rest/v1/generations',
  ]);
  assert.equal(sites[0].endpoint?.operationId, 'createGeneration');
  assert.deepEqual(plain(sites[0].body), { prompt: 'a harbour at dusk', num_images: 2 });
  // The method is written once in the wrapper for every call: no call's finding edits it.
  assert.equal(sites[0].methodSpan, undefined);
  assert.equal(sites[1].endpoint?.operationId, 'getUserSelf');
  assert.equal(sites[3].endpoint, undefined, 'an argument that may or may not be there leaves the method unknown');
  assert.equal(sites[6].endpoint, undefined, 'so does one a spread may pass');
});

test('a wrapper whose base and path are both parameters: each call sends to the URL its arguments spell', () => {
  const code = `const V1 = "https://cloud.leonardo.ai/api/rest/v1";
const V2 = "https://cloud.leonardo.ai/api/rest/v2";
async function api(base: string, path: string, body?: unknown) {
  const res = await fetch(\`\${base}\${path}\`, {
    method: body ? "POST" : "GET",
    headers: { authorization: \`Bearer \${process.env.LEONARDO_API_KEY}\`, "content-type": "application/json" },
    body: body ? JSON.stringify(body) : undefined,
  });
  return res.json();
}
const search = (path: string, query: string) => fetch(\`\${V1}\${path}?\${query}\`);
const versioned = (path: string, version = "v1") => fetch(\`https://cloud.leonardo.ai/api/rest/\${version}\${path}\`);

export async function run(id: string, base: string) {
  await api(V1, "/generations", { prompt: "a lighthouse", num_images: 2 });
  await api(V2, "/generations", { model: "gpt-image-1.5", parameters: { prompt: "a lighthouse" }, public: false });
  await api(V1, \`/generations/\${id}\`);
  await api(base, "/generations", { prompt: "x" });
  await search("/generations/user/abc", "limit=10");
  await versioned("/me");
  await versioned("/generations", "v2");
}`;
  const sites = extract(code).filter((s) => s.source === 'wrapper');
  assert.deepEqual(sites.map(describe), [
    'wrapper POST https://cloud.leonardo.ai/api/rest/v1/generations',
    'wrapper POST https://cloud.leonardo.ai/api/rest/v2/generations',
    'wrapper GET https://cloud.leonardo.ai/api/rest/v1/generations/{id}',
    'wrapper GET https://cloud.leonardo.ai/api/rest/v1/generations/user/abc?limit=10',
    'wrapper GET https://cloud.leonardo.ai/api/rest/v1/me',
    'wrapper GET https://cloud.leonardo.ai/api/rest/v2/generations',
  ]);
  assert.equal(sites[0].endpoint?.operationId, 'createGeneration');
  assert.deepEqual(plain(sites[0].body), { prompt: 'a lighthouse', num_images: 2 });
  assert.equal(sites[1].url?.apiVersion, 'v2');
  // The URL is located at the path's argument (the query string's parameter is not the path).
  assert.equal(text(code, sites[0].url?.span), '"/generations"');
  assert.equal(text(code, sites[3].url?.span), '"/generations/user/abc"');
  // A base that cannot be known makes no request.
  assert.equal(sites.filter((s) => text(code, s.span)?.startsWith('api(base')).length, 0);
});

test('a method named by an object of functions ({ post }, { post: send }), also as what a factory returns (hand36)', () => {
  const code = `const BASE = "https://cloud.leonardo.ai/api/rest/v1";
const headers = { authorization: \`Bearer \${process.env.LEONARDO_API_KEY}\`, "content-type": "application/json" };

const post = async (path: string, body: unknown) => {
  const res = await fetch(\`\${BASE}\${path}\`, { method: "POST", headers, body: JSON.stringify(body) });
  return res.json();
};
const api = { post };

function send(path: string, body: unknown) {
  return fetch(\`\${BASE}\${path}\`, { method: "POST", headers, body: JSON.stringify(body) });
}
const renamed = { post: send };

function makeClient(key: string) {
  const request = async (path: string, body: unknown) =>
    (await fetch(\`\${BASE}\${path}\`, { method: "POST", headers: { authorization: \`Bearer \${key}\` }, body: JSON.stringify(body) })).json();
  return { post: request };
}
const client = makeClient(process.env.LEONARDO_API_KEY ?? "");

export async function all(prompt: string) {
  await api.post("/generations", { prompt, num_images: 2 });
  await renamed.post("/init-image", { extension: "png" });
  await client.post("/generations", { prompt, guidance_scale: 7 });
  return makeClient("").post("/generations-texture", { prompt });
}`;
  const wrapped = extract(code).filter((site) => site.source === 'wrapper').map(describe);
  assert.deepEqual(wrapped, [
    'wrapper POST https://cloud.leonardo.ai/api/rest/v1/generations',
    'wrapper POST https://cloud.leonardo.ai/api/rest/v1/init-image',
    'wrapper POST https://cloud.leonardo.ai/api/rest/v1/generations',
    'wrapper POST https://cloud.leonardo.ai/api/rest/v1/generations-texture',
  ]);
});

test('an object of functions the file writes a method over, or a factory that returns several objects, names no wrapper', () => {
  const code = `const BASE = "https://cloud.leonardo.ai/api/rest/v1";
const post = (path: string, body: unknown) => fetch(\`\${BASE}\${path}\`, { method: "POST", body: JSON.stringify(body) });
const api: Record<string, Function> = { post };
api.post = (path: string) => fetch(path);
function makeClient(dryRun: boolean) {
  if (dryRun) return { post: (path: string, body: unknown) => console.log(path, body) };
  return { post };
}
export async function go(prompt: string, dryRun: boolean) {
  await api.post("/generations", { prompt });
  return makeClient(dryRun).post("/generations", { prompt });
}`;
  assert.deepEqual(extract(code).filter((site) => site.source === 'wrapper').map(describe), []);
});
