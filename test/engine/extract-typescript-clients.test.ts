// The HTTP clients the TS/JS extractor recognises: axios, got, ky, ofetch/$fetch, undici, XHR.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describe, extract, only, plain, property, text } from './extract-typescript-helpers.js';

test('axios: post with data and config, get/delete/put/patch, request and axios(config)', () => {
  const code = `import axios from "axios";
const BASE = "https://cloud.leonardo.ai/api/rest/v1";
const auth = { headers: { Authorization: \`Bearer \${process.env.LEONARDO_API_KEY}\` } };
export async function run(id: string) {
  await axios.post(\`\${BASE}/generations\`, { prompt: "castle", num_images: 2 }, auth);
  await axios.get(\`\${BASE}/generations/\${id}\`, auth);
  await axios.delete(\`\${BASE}/generations/\${id}\`);
  await axios.patch(\`\${BASE}/generations/\${id}\`, { public: true });
  await axios.request({ url: BASE + "/variations/upscale", method: "post", data: { id } });
  await axios({ method: "POST", url: \`\${BASE}/generations-motion-svd\`, data: { imageId: id }, headers: { authorization: "Bearer k" } });
  await axios(\`\${BASE}/me\`);
}`;
  const sites = extract(code);
  assert.deepEqual(sites.map(describe), [
    'axios POST https://cloud.leonardo.ai/api/rest/v1/generations',
    'axios GET https://cloud.leonardo.ai/api/rest/v1/generations/{id}',
    'axios DELETE https://cloud.leonardo.ai/api/rest/v1/generations/{id}',
    'axios PATCH https://cloud.leonardo.ai/api/rest/v1/generations/{id}',
    'axios POST https://cloud.leonardo.ai/api/rest/v1/variations/upscale',
    'axios POST https://cloud.leonardo.ai/api/rest/v1/generations-motion-svd',
    'axios GET https://cloud.leonardo.ai/api/rest/v1/me',
  ]);
  const [post, get, del, patch, upscale, svd, me] = sites;
  assert.equal(post?.endpoint?.operationId, 'createGeneration');
  assert.equal(text(code, post?.methodSpan), 'post');
  assert.deepEqual(plain(post?.body), { prompt: 'castle', num_images: 2 });
  assert.deepEqual(post?.headers?.properties.map((p) => p.key), ['Authorization']);
  assert.equal(get?.endpoint?.operationId, 'getGenerationById');
  assert.equal(get?.body, undefined);
  assert.equal(del?.endpoint?.operationId, 'deleteGenerationById');
  assert.equal(patch?.endpoint, undefined, 'PATCH /generations/{id} is not an operation');
  assert.equal(upscale?.endpoint?.operationId, 'createVariationUpscale');
  assert.equal(text(code, upscale?.methodSpan), 'post');
  assert.deepEqual(plain(upscale?.body), { id: '?id' });
  assert.equal(svd?.endpoint?.operationId, 'createSVDMotionGeneration');
  assert.deepEqual(plain(svd?.body), { imageId: '?id' });
  assert.equal(me?.endpoint?.operationId, 'getUserSelf');
});

test('axios instances: baseURL and headers from axios.create, as a variable and as a class member', () => {
  const code = `import axios, { type AxiosInstance } from "axios";

const leonardo = axios.create({
  baseURL: "https://cloud.leonardo.ai/api/rest/v1",
  headers: { authorization: \`Bearer \${process.env.LEONARDO_API_KEY}\`, accept: "application/json" },
});

export class ImageService {
  private readonly http: AxiosInstance = axios.create({ baseURL: "https://cloud.leonardo.ai/api/rest/v1/" });
  private api: AxiosInstance;
  constructor() {
    this.api = axios.create({ baseURL: "https://cloud.leonardo.ai/api/rest/v1" });
  }
  upscale(id: string) {
    return this.http.post("variations/upscale", { id });
  }
  me() {
    return this.api.get("/me");
  }
}

export const generate = (prompt: string) =>
  leonardo.post("/generations", { prompt, width: 512 }, { headers: { "content-type": "application/json" } });
export const asConfig = () => leonardo({ url: "/generations-lcm", method: "post", data: { prompt: "x" } });`;
  const [upscale, me, generate, lcm] = extract(code);
  assert.equal(upscale?.url?.text, 'https://cloud.leonardo.ai/api/rest/v1/variations/upscale');
  assert.equal(upscale?.endpoint?.operationId, 'createVariationUpscale');
  assert.equal(me?.endpoint?.operationId, 'getUserSelf');
  assert.equal(generate?.endpoint?.operationId, 'createGeneration');
  assert.equal(text(code, generate?.url?.pathSpan), '/generations');
  assert.deepEqual(generate?.headers?.properties.map((p) => p.key), ['authorization', 'accept', 'content-type']);
  assert.equal(text(code, generate?.headers?.openBrace), '{', 'insertions go into the call’s own headers');
  assert.ok(generate.headers.openBrace.start > code.indexOf('export const generate'));
  assert.equal(lcm?.endpoint?.operationId, 'createLCMGeneration');
  assert.equal(lcm?.headers?.properties.length, 2);
});

test('axios postForm sends a form; a client for another provider gets nothing', () => {
  const code = `import axios from "axios";
const openai = axios.create({ baseURL: "https://api.openai.com/v1" });
await openai.post("/images/generations", { prompt: "x", n: 20, size: "512" });
await axios.post("https://api.stability.ai/v2beta/stable-image/generate/core", { width: "512" });
await axios.postForm("https://cloud.leonardo.ai/api/rest/v1/init-image", { file: blob });`;
  const site = only(code);
  assert.equal(site.method, 'POST');
  assert.deepEqual(plain(site.body), '<form data>');
});

test('got: got(url, options), got.post with json, got.extend with prefixUrl, got({url, json})', () => {
  const code = `import got from "got";
const client = got.extend({ prefixUrl: "https://cloud.leonardo.ai/api/rest/v1", headers: { authorization: "Bearer " + key } });
await got.post("https://cloud.leonardo.ai/api/rest/v1/generations", { json: { prompt: "x", width: 640 } }).json();
await got("https://cloud.leonardo.ai/api/rest/v1/generations-lcm", { method: "POST", json: { prompt: "y" } });
await client.post("init-image", { json: { extension: "png" } });
await got({ url: "https://cloud.leonardo.ai/api/rest/v1/me", headers: { authorization: "Bearer " + key } });`;
  const [post, lcm, init, me] = extract(code);
  assert.equal(post?.source, 'got');
  assert.equal(post?.endpoint?.operationId, 'createGeneration');
  assert.deepEqual(plain(post?.body), { prompt: 'x', width: 640 });
  assert.equal(lcm?.endpoint?.operationId, 'createLCMGeneration');
  assert.equal(init?.url?.text, 'https://cloud.leonardo.ai/api/rest/v1/init-image');
  assert.equal(init?.endpoint?.operationId, 'uploadInitImage');
  assert.deepEqual(init?.headers?.properties.map((p) => p.key), ['authorization']);
  assert.equal(me?.method, 'GET');
  assert.equal(me?.endpoint?.operationId, 'getUserSelf');
});

test('ky: ky.post with json, ky(url, {method, json}), ky.create with prefixUrl', () => {
  const code = `import ky from "ky";
const api = ky.create({ prefixUrl: "https://cloud.leonardo.ai/api/rest/v1", headers: { Authorization: \`Bearer \${token}\` } });
export const a = () => ky.post("https://cloud.leonardo.ai/api/rest/v1/generations", { json: { prompt: "a", num_images: 1 } }).json();
export const b = () => ky("https://cloud.leonardo.ai/api/rest/v1/generations", { method: "post", json: { prompt: "b" } });
export const c = () => api.post("variations/unzoom", { json: { id: "x", isVariation: false } });`;
  const [a, b, c] = extract(code);
  assert.equal(a?.source, 'ky');
  assert.deepEqual(plain(a?.body), { prompt: 'a', num_images: 1 });
  assert.equal(b?.method, 'POST');
  assert.equal(text(code, b?.methodSpan), 'post');
  assert.equal(c?.endpoint?.operationId, 'createVariationUnzoom');
  assert.deepEqual(plain(c?.body), { id: 'x', isVariation: false });
});

test('ofetch and $fetch: body objects, baseURL option and ofetch.create', () => {
  const code = `import { ofetch } from "ofetch";
const leo = ofetch.create({ baseURL: "https://cloud.leonardo.ai/api/rest/v1", headers: { authorization: "Bearer x" } });
export default defineEventHandler(async () => {
  await $fetch("/generations", { baseURL: "https://cloud.leonardo.ai/api/rest/v1", method: "POST", body: { prompt: "nuxt" } });
  await ofetch("https://cloud.leonardo.ai/api/rest/v1/generations-lcm", { method: "POST", body: { prompt: "lcm", width: 512 } });
  return leo("/me");
});`;
  const [nuxt, lcm, me] = extract(code);
  assert.equal(nuxt?.source, 'ofetch');
  assert.equal(nuxt?.endpoint?.operationId, 'createGeneration');
  assert.deepEqual(plain(nuxt?.body), { prompt: 'nuxt' });
  assert.equal(lcm?.endpoint?.operationId, 'createLCMGeneration');
  assert.equal(me?.method, 'GET');
  assert.equal(me?.endpoint?.operationId, 'getUserSelf');
  assert.deepEqual(me?.headers?.properties.map((p) => p.key), ['authorization']);
});

test('undici: request imported by name, undici.request and undici.fetch', () => {
  const code = `import { request } from "undici";
import * as undici from "undici";
const { body } = await request("https://cloud.leonardo.ai/api/rest/v1/generations", {
  method: "POST",
  headers: { authorization: "Bearer " + process.env.KEY, "content-type": "application/json" },
  body: JSON.stringify({ prompt: "u", width: 768 }),
});
await undici.request("https://cloud.leonardo.ai/api/rest/v1/me");
await undici.fetch("https://cloud.leonardo.ai/api/rest/v1/me");`;
  const [post, me, fetched] = extract(code);
  assert.equal(post?.source, 'undici');
  assert.deepEqual(plain(post?.body), { prompt: 'u', width: 768 });
  assert.equal(me?.source, 'undici');
  assert.equal(me?.method, 'GET');
  assert.equal(fetched?.source, 'fetch');
  // A function named request that does not come from undici is not a client.
  assert.deepEqual(extract(`function request(u: string, o: object) {}\nrequest("https://cloud.leonardo.ai/api/rest/v1/me", {});`), []);
});

test('XMLHttpRequest: open and send on the same object in the same function', () => {
  const code = `export function upload(ext: string) {
  const xhr = new XMLHttpRequest();
  xhr.open("POST", "https://cloud.leonardo.ai/api/rest/v1/init-image");
  xhr.setRequestHeader("authorization", "Bearer " + key);
  xhr.send(JSON.stringify({ extension: ext }));
}
export function other() {
  const req = new XMLHttpRequest();
  req.open("GET", "https://cloud.leonardo.ai/api/rest/v1/me");
  req.send();
}`;
  const [upload, me] = extract(code);
  assert.equal(upload?.source, 'xhr');
  assert.equal(upload?.method, 'POST');
  assert.equal(text(code, upload?.methodSpan), 'POST');
  assert.equal(upload?.endpoint?.operationId, 'uploadInitImage');
  assert.deepEqual(plain(upload?.body), { extension: '?ext' });
  assert.equal(me?.endpoint?.operationId, 'getUserSelf');
  assert.equal(me?.body, undefined);
});

test('headers: new Headers({...}), a header constant, and headers that cannot be seen', () => {
  const code = `const H = { Authorization: "Bearer " + key };
fetch("https://cloud.leonardo.ai/api/rest/v1/me", { headers: new Headers({ authorization: "Token abc" }) });
fetch("https://cloud.leonardo.ai/api/rest/v1/me", { headers: H });
fetch("https://cloud.leonardo.ai/api/rest/v1/me", { headers: buildHeaders() });
fetch("https://cloud.leonardo.ai/api/rest/v1/me", { headers: { ...common, authorization: "Bearer x" } });`;
  const [wrapped, constant, hidden, spread] = extract(code);
  assert.equal(text(code, property(wrapped?.headers, 'authorization').value.span), '"Token abc"');
  assert.deepEqual(constant?.headers?.properties.map((p) => p.key), ['Authorization']);
  assert.equal(hidden?.headers, undefined);
  assert.equal(spread?.headers?.hasUnknownKeys, true);
});

test('fetch options from a constant object', () => {
  const code = `const options = { method: "POST", headers: { authorization: "Bearer x" }, body: JSON.stringify({ prompt: "o" }) };
await fetch("https://cloud.leonardo.ai/api/rest/v1/generations", options);`;
  const site = only(code);
  assert.equal(site.method, 'POST');
  assert.equal(text(code, site.methodSpan), 'POST');
  assert.deepEqual(plain(site.body), { prompt: 'o' });
});

test('a method given by an expression that cannot be known leaves the method and endpoint unknown', () => {
  const site = only(`fetch("https://cloud.leonardo.ai/api/rest/v1/generations", { method: verb, body: JSON.stringify({ prompt: "x" }) });`);
  assert.equal(site.method, undefined);
  assert.equal(site.endpoint, undefined);
  assert.equal(site.url?.path, '/generations');
});

test('a CommonJS script: required clients, promise chains, a module-level body', () => {
  const code = `#!/usr/bin/env node
const axios = require("axios").default;
const { default: ky } = require("ky");
const API_KEY = process.env.LEONARDO_API_KEY;
const payload = {
  prompt: process.argv[2] || "a red panda",
  modelId: "de7d3faf-762f-48e0-b3b7-9d0ac3a3fcf3",
  width: 1024,
  height: 1024,
  num_images: 1,
};
axios
  .post("https://cloud.leonardo.ai/api/rest/v1/generations", payload, {
    headers: { Authorization: "Bearer " + API_KEY },
  })
  .then((res) => console.log(res.data.sdGenerationJob.generationId))
  .catch(console.error);
ky.post("https://cloud.leonardo.ai/api/rest/v1/init-image", { json: { extension: "jpg" } });`;
  const [generation, upload] = extract(code, 'scripts/generate.js');
  assert.equal(generation?.source, 'axios');
  assert.equal(generation?.endpoint?.operationId, 'createGeneration');
  assert.deepEqual(plain(generation?.body), {
    prompt: { oneOf: ['?process.argv[2]', 'a red panda'] },
    modelId: 'de7d3faf-762f-48e0-b3b7-9d0ac3a3fcf3',
    width: 1024,
    height: 1024,
    num_images: 1,
  });
  assert.equal(upload?.source, 'ky');
  assert.equal(upload?.endpoint?.operationId, 'uploadInitImage');
});

test('fetch under another name: a constant, fetch.bind(globalThis), a parameter or a class member whose default is fetch; another function is no client', () => {
  const code = `const BASE = "https://cloud.leonardo.ai/api/rest/v1";
const doFetch: typeof fetch = fetch;
const bound = globalThis.fetch.bind(globalThis);
declare function track(url: string, init?: object): Promise<unknown>;
const logged = track;
export async function me(key: string, fetcher: typeof fetch = fetch) {
  await doFetch(\`\${BASE}/me\`, { headers: { authorization: \`Bearer \${key}\` } });
  await bound(\`\${BASE}/generations/\${key}\`);
  await fetcher(\`\${BASE}/models\`);
  await logged(\`\${BASE}/datasets\`);
}
export class Gateway {
  constructor(private readonly fetcher: typeof fetch = fetch) {}
  create(prompt: string) {
    return this.fetcher(\`\${BASE}/generations\`, { method: "POST", body: JSON.stringify({ prompt }) });
  }
}
export class Bound {
  private readonly send: typeof fetch;
  private readonly track = logged;
  constructor() {
    this.send = globalThis.fetch.bind(globalThis);
  }
  me() {
    this.track(\`\${BASE}/elements\`);
    return this.send(\`\${BASE}/me\`);
  }
}`;
  assert.deepEqual(extract(code).map(describe), [
    'fetch GET https://cloud.leonardo.ai/api/rest/v1/me',
    'fetch GET https://cloud.leonardo.ai/api/rest/v1/generations/{key}',
    'fetch GET https://cloud.leonardo.ai/api/rest/v1/models',
    'fetch POST https://cloud.leonardo.ai/api/rest/v1/generations',
    'fetch GET https://cloud.leonardo.ai/api/rest/v1/me',
  ]);
});

test("node-fetch loaded on first use in CommonJS code (the ESM-only package's shim) is fetch (public real45)", () => {
  const code = `const fetch = (...args) => import('node-fetch').then(({ default: fetch }) => fetch(...args));
const nodeFetch = (...args) => import("cross-fetch").then((m) => m.default(...args));
const BASE = 'https://cloud.leonardo.ai/api/rest/v1';
async function generate(apiKey, prompt) {
  const res = await fetch(\`\${BASE}/generations\`, {
    method: 'POST',
    headers: { authorization: \`Bearer \${apiKey}\`, 'content-type': 'application/json' },
    body: JSON.stringify({ prompt, num_images: 2 }),
  });
  return res.json();
}
async function me(apiKey) {
  return (await nodeFetch(\`\${BASE}/me\`, { headers: { authorization: \`Bearer \${apiKey}\` } })).json();
}
module.exports = { generate, me };`;
  assert.deepEqual(extract(code, 'app.js').map(describe), [
    'fetch POST https://cloud.leonardo.ai/api/rest/v1/generations',
    'fetch GET https://cloud.leonardo.ai/api/rest/v1/me',
  ]);
});

test('a function that loads another module, or changes the arguments it hands on, is not fetch', () => {
  const code = `const got = (...args) => import('got').then(({ default: got }) => got(...args));
const logged = (...args) => import('node-fetch').then(({ default: fetch }) => fetch(args[0]));
const BASE = 'https://cloud.leonardo.ai/api/rest/v1';
async function run(apiKey) {
  await got(\`\${BASE}/me\`, { headers: { authorization: \`Bearer \${apiKey}\` } });
  await logged(\`\${BASE}/me\`, { headers: { authorization: \`Bearer \${apiKey}\` } });
}
module.exports = { run };`;
  assert.deepEqual(extract(code, 'app.js').map(describe), []);
});

test('a fetch taken out of a factory\'s options with fetch as its default is fetch (hand37)', () => {
  const code = `export function createLeonardo({ apiKey, fetcher = fetch }: { apiKey: string; fetcher?: typeof fetch }) {
  return {
    async me() {
      const res = await fetcher("https://cloud.leonardo.ai/api/rest/v1/me", { headers: { authorization: \`Bearer \${apiKey}\` } });
      return res.json();
    },
  };
}
export function other({ request = (url: string) => Promise.resolve(url) }) {
  return request("https://cloud.leonardo.ai/api/rest/v1/me");
}`;
  assert.deepEqual(extract(code).map(describe), ['fetch GET https://cloud.leonardo.ai/api/rest/v1/me']);
});
