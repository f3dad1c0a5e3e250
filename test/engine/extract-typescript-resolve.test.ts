// How far the TS/JS extractor follows a value through ordinary code (extract/ts/resolve.ts): bodies
// sent only when present, wrappers that are class methods, static helpers or an object's methods (and
// functions that call them), URLs from config objects, constructors and helper functions, reassigned
// `let`s (the value at each call), bodies built in callbacks, and literal fallbacks and bounds. What
// cannot be ordered or known stays unknown.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describe, extract, objectOf, plain, property, text } from './extract-typescript-helpers.js';

const V1 = 'https://cloud.leonardo.ai/api/rest/v1';

test('a class wrapper that sends its body only when there is one: each this.request(...) call is a request', () => {
  const code = `const BASE_URL = "${V1}";

export class LeonardoService {
  constructor(private readonly apiKey: string) {}

  private async request<T>(endpoint: string, method: "GET" | "POST" | "DELETE", body?: unknown): Promise<T> {
    const response = await fetch(\`\${BASE_URL}\${endpoint}\`, {
      method,
      headers: { Authorization: \`Bearer \${this.apiKey}\`, "Content-Type": "application/json" },
      body: body ? JSON.stringify(body) : undefined,
    });
    if (!response.ok) throw new Error(\`Leonardo error \${response.status}\`);
    return response.json() as Promise<T>;
  }

  async createGeneration(prompt: string) {
    return this.request("/generations", "POST", { prompt, modelId: "b24e16ff-06e3-43eb-8d33-4416c2d75876", num_images: 2 });
  }

  async getGeneration(id: string) {
    return this.request(\`/generations/\${id}\`, "GET");
  }
}`;
  const sites = extract(code).filter((s) => s.source === 'wrapper');
  assert.deepEqual(sites.map(describe), [
    `wrapper POST ${V1}/generations`,
    `wrapper GET ${V1}/generations/{id}`,
  ]);
  assert.deepEqual(plain(sites[0].body), { prompt: '?prompt', modelId: 'b24e16ff-06e3-43eb-8d33-4416c2d75876', num_images: 2 });
  assert.equal(text(code, sites[0].methodSpan), 'POST');
  assert.equal(sites[1].body, undefined, 'a call that passes no body sends none');
});

test('bodies sent when present: a spread of `body && {...}`, `payload ?? undefined`, `b && JSON.stringify(b)`', () => {
  const code = `import axios from "axios";
const API = "${V1}";
const KEY = process.env.LEONARDO_API_KEY;
const http = axios.create({ baseURL: API, headers: { Authorization: \`Bearer \${KEY}\` } });

async function leo(path: string, method = "GET", body?: object) {
  const res = await fetch(API + path, {
    method,
    headers: { authorization: \`Bearer \${KEY}\`, "content-type": "application/json" },
    ...(body && { body: JSON.stringify(body) }),
  });
  return res.json();
}

async function send(url: string, payload?: Record<string, unknown>) {
  const { data } = await http.post(url, payload ?? undefined);
  return data;
}

const put = (path: string, b?: object) => fetch(API + path, { method: "PUT", body: b && JSON.stringify(b) });

async function del(path: string, body?: object) {
  const payload = body ? JSON.stringify(body) : null;
  return fetch(API + path, { method: "DELETE", body: payload });
}

await leo("/generations", "POST", { prompt: "a lighthouse", width: 1024 });
await leo("/me");
await send("/generations-lcm", { prompt: "a fox", guidance: 2 });
await put("/elements/1", { name: "x" });
await del("/generations/abc", { reason: "test" });`;
  const sites = extract(code).filter((s) => s.source === 'wrapper');
  assert.deepEqual(sites.map(describe), [
    `wrapper POST ${V1}/generations`,
    `wrapper GET ${V1}/me`,
    `wrapper POST ${V1}/generations-lcm`,
    `wrapper PUT ${V1}/elements/1`,
    `wrapper DELETE ${V1}/generations/abc`,
  ]);
  assert.deepEqual(plain(sites[0].body), { prompt: 'a lighthouse', width: 1024 });
  assert.equal(sites[1].body, undefined);
  assert.deepEqual(plain(sites[2].body), { prompt: 'a fox', guidance: 2 });
  assert.deepEqual(plain(sites[3].body), { name: 'x' });
  assert.deepEqual(plain(sites[4].body), { reason: 'test' }, 'through a variable holding the conditional');
});

test('static helpers, an object of methods, and functions that pass their parameters on to a wrapper', () => {
  const code = `import axios from "axios";
const API = "${V1}";
const KEY = process.env.LEONARDO_API_KEY!;
const client = axios.create({ baseURL: API, headers: { Authorization: \`Bearer \${KEY}\` } });

export class Leonardo {
  static async request(method: "GET" | "POST", path: string, body?: Record<string, unknown>) {
    const res = await fetch(API + path, { method, headers: { authorization: \`Bearer \${KEY}\` }, ...(body && { body: JSON.stringify(body) }) });
    return res.json();
  }
  static post(path: string, body: Record<string, unknown>) {
    return Leonardo.request("POST", path, body);
  }
  static get(path: string) {
    return this.request("GET", path);
  }
}

export const leonardo = {
  async post(path: string, payload?: object) {
    const { data } = await client.post(path, payload);
    return data;
  },
};

class Api {
  private async request<T>(endpoint: string, init: RequestInit = {}): Promise<T> {
    const res = await fetch(\`\${API}\${endpoint}\`, { ...init, headers: { Authorization: \`Bearer \${KEY}\` } });
    return res.json() as Promise<T>;
  }
  post<T>(endpoint: string, data?: unknown) {
    return this.request<T>(endpoint, { method: "POST", body: JSON.stringify(data) });
  }
}
const api = new Api();

export async function run(userPrompt: string, where: string) {
  await Leonardo.post("/generations", { prompt: userPrompt, num_images: 4 });
  await Leonardo.get("/me");
  await leonardo.post("/generations-texture", { prompt: userPrompt });
  await api.post("/generations-lcm", { prompt: userPrompt, strength: "HIGH" });
  await Leonardo.post(where, { prompt: userPrompt });
  await axios.post("https://example.com/hook", { ok: true });
}`;
  const sites = extract(code).filter((s) => s.source === 'wrapper');
  assert.deepEqual(sites.map(describe), [
    `wrapper POST ${V1}/generations`,
    `wrapper GET ${V1}/me`,
    `wrapper POST ${V1}/generations-texture`,
    `wrapper POST ${V1}/generations-lcm`,
  ], 'a path that cannot be known and another API make no request');
  assert.deepEqual(plain(sites[0].body), { prompt: '?userPrompt', num_images: 4 });
  assert.equal(text(code, sites[0].url?.span), '"/generations"', 'the path is where the caller wrote it');
  assert.equal(text(code, sites[0].methodSpan), 'POST');
  assert.deepEqual(plain(sites[2].body), { prompt: '?userPrompt' });
  assert.deepEqual(plain(sites[3].body), { prompt: '?userPrompt', strength: 'HIGH' }, 'a body the middle function builds from its parameter');
});

test('URLs from a config object, a constructor parameter property, and helper functions taking the path', () => {
  const code = `export const config = { leonardo: { baseUrl: "${V1}" } };
const apiUrl = (path: string) => \`\${config.leonardo.baseUrl}\${path}\`;

class LeonardoClient {
  constructor(private apiKey: string, private base = "${V1}") {}
  me() {
    return fetch(\`\${this.base}/me\`, { headers: { authorization: \`Bearer \${this.apiKey}\` } });
  }
}

export async function models() {
  return fetch(apiUrl("/platformModels"));
}
export const client = new LeonardoClient(process.env.LEONARDO_API_KEY!);`;
  assert.deepEqual(extract(code).map(describe), [
    `fetch GET ${V1}/me`,
    `fetch GET ${V1}/platformModels`,
  ]);
});

test("reassigned let variables (Leonardo's Node samples): each call uses the value the variable holds at that call", () => {
  const code = `const axios = require("axios");
const headers = { accept: "application/json", "content-type": "application/json", authorization: \`Bearer \${process.env.LEONARDO_API_KEY}\` };

async function main() {
  let url = "${V1}/generations";
  let payload = { prompt: "An oil painting of a cat", modelId: "b24e16ff-06e3-43eb-8d33-4416c2d75876", width: 1024, height: 768, num_images: 4 };
  let response = await axios.post(url, payload, { headers });
  const generationId = response.data.sdGenerationJob.generationId;

  url = \`${V1}/generations/\${generationId}\`;
  response = await axios.get(url, { headers });

  url = "${V1}/generations-motion-svd";
  payload = { imageId: "8b1a3c61-9a6d-4d32-b7b8-2cf4a2a3b1d0", motionStrength: 5 };
  response = await axios.post(url, payload, { headers });
}
main();`;
  const sites = extract(code);
  assert.deepEqual(sites.map(describe), [
    `axios POST ${V1}/generations`,
    `axios GET ${V1}/generations/{…}`,
    `axios POST ${V1}/generations-motion-svd`,
  ]);
  assert.deepEqual(plain(sites[2].body), { imageId: '8b1a3c61-9a6d-4d32-b7b8-2cf4a2a3b1d0', motionStrength: 5 });
  assert.equal((plain(sites[0].body) as { width: number }).width, 1024);
});

test('a reassigned let whose value at the call cannot be ordered stays unknown; a URL an if writes another way is each of its URLs', () => {
  const code = `import axios from "axios";
export async function run(upscale: boolean, prompts: string[]) {
  let url = "${V1}/variations/upscale";
  if (upscale) url = "${V1}/variations/unzoom";
  await axios.post(url, { id: "x" });

  let body = { prompt: "first", width: 1024 };
  for (const prompt of prompts) {
    await axios.post("${V1}/generations", body);
    body = { prompt, width: 1023 };
  }

  let target = "${V1}/me";
  const later = () => axios.get(target);
  target = "${V1}/generations/1";
  await later();

  let count = 1;
  count += 1;
  await axios.post("${V1}/generations", { prompt: "x", num_images: count });
}`;
  const sites = extract(code);
  // The URL an if writes another way is each of its URLs in turn (one request each, as `upscale ? a : b` is).
  assert.deepEqual(sites.map(describe), [`axios POST ${V1}/variations/unzoom`, `axios POST ${V1}/variations/upscale`, `axios POST ${V1}/generations`, `axios POST ${V1}/generations`]);
  assert.ok(sites[0].perElement && sites[1].perElement);
  assert.equal(sites[2].body?.kind, 'unknown', 'a body reassigned later in the loop may be either');
  assert.deepEqual(plain(sites[3].body), { prompt: 'x', num_images: '?count' });
});

test("a constructor's default reaches this.member when the class is only read for its static members besides each new", () => {
  const code = `const BASE = "${V1}";
class Leo {
  constructor(private apiKey: string, private base = BASE) {}
  static headers(key: string) { return { "Content-Type": "application/json", Authorization: \`Bearer \${key}\` }; }
  async generate(prompt: string) {
    return fetch(\`\${this.base}/generations\`, { method: "POST", headers: Leo.headers(this.apiKey), body: JSON.stringify({ prompt, width: 1920 }) });
  }
}
export const leo = new Leo(process.env.LEONARDO_API_KEY!);

class Made {
  constructor(private base = BASE) {}
  static create(base: string) { return new this(base); }
  async me() { return fetch(\`\${this.base}/me\`); }
}
export const made = Made.create("https://proxy.example.com/leonardo");`;
  // Made builds itself with \`new this(...)\`: its base is whatever create() is given, so no request is known there.
  assert.deepEqual(extract(code).map(describe), [`fetch POST ${V1}/generations`]);
});

test('a module-level let written and read in one function: the write before the call, when nothing runs in between', () => {
  const code = `import axios from "axios";
const headers = { authorization: \`Bearer \${process.env.LEONARDO_API_KEY}\` };
let url = "${V1}/me";
let payload = { prompt: "first" };
let response;

export async function main(id: string) {
  url = \`${V1}/generations/\${id}\`;
  response = await axios.get(url, { headers });
  url = "${V1}/variations/upscale";
  payload = { id: response.data.generations_by_pk.generated_images[0].id };
  response = await axios.post(url, payload, { headers });
}

export function poller(id: string) {
  let target = "${V1}/me";
  return async () => {
    target = \`${V1}/generations/\${id}\`;
    return axios.get(target, { headers });
  };
}`;
  assert.deepEqual(extract(code).map(describe), [`axios GET ${V1}/generations/{id}`, `axios POST ${V1}/variations/upscale`, `axios GET ${V1}/generations/{id}`]);
  assert.deepEqual(plain(extract(code)[1].body), { id: '?response.data.generations_by_pk.generated_images[0].id' });
});

test('a module-level let read in a function after code that may write it elsewhere stays unknown', () => {
  const code = `import axios from "axios";
let url = "${V1}/me";
async function reset() { url = "${V1}/me"; }
function log(value: string) { console.log(value); }

export async function afterAwait(id: string) {
  url = \`${V1}/generations/\${id}\`;
  await reset();
  return axios.get(url);
}
export async function afterCall(id: string) {
  url = \`${V1}/generations/\${id}\`;
  log(url);
  return axios.get(url);
}
export async function inBranch(id: string, ok: boolean) {
  if (ok) url = \`${V1}/generations/\${id}\`;
  return axios.get(url);
}
export async function beforeAnyWrite() {
  return axios.get(url);
}`;
  // Each call's URL is either /me or /generations/{id}: none is known, so none is a request of either.
  assert.deepEqual(extract(code).map(describe), []);
});

test('bodies built in callbacks: a map then a loop, forEach, and Promise.all over a map', () => {
  const code = `import axios from "axios";
const URL = "${V1}/generations";
const headers = { Authorization: \`Bearer \${process.env.LEONARDO_API_KEY}\`, "Content-Type": "application/json" };

export async function batch(prompts: string[], modelId: string) {
  const bodies = prompts.map((p) => ({ prompt: p, modelId, width: 1024, height: 768 }));
  for (const body of bodies) {
    await fetch(URL, { method: "POST", headers, body: JSON.stringify(body) });
  }
}

export async function fanOut(items: { prompt: string }[]) {
  return Promise.all(items.map(async (x) => fetch(URL, { method: "POST", headers, body: JSON.stringify({ prompt: x.prompt, num_images: 2 }) })));
}

export function queue(prompts: string[]) {
  const payloads = prompts.map((prompt) => {
    return { prompt, guidance_scale: 7 };
  });
  payloads.forEach(async (payload) => {
    await axios.post(URL, payload, { headers });
  });
  for (const payload of [{ prompt: "a" }, { prompt: "b", num_images: 3 }]) void axios.post(URL, payload, { headers });
}`;
  const sites = extract(code);
  assert.deepEqual(sites.map((s) => plain(s.body)), [
    { prompt: '?p', modelId: '?modelId', width: 1024, height: 768 },
    { prompt: '?x.prompt', num_images: 2 },
    { prompt: '?prompt', guidance_scale: 7 },
    // A literal list of objects looped over: one request per element (requests.ts elementSets).
    { prompt: 'a' },
    { prompt: 'b', num_images: 3 },
  ]);
});

test('fallbacks and bounds: the literal side is a value the request can send, the other side stays unknown', () => {
  const code = `import axios from "axios";
export async function generate(prompt: string, options: { width?: number; height?: number } = {}, n = 1) {
  const body = {
    prompt,
    width: options.width || 1024,
    height: options.height ?? 768,
    num_images: Math.min(n, 4),
    guidance_scale: Math.max(1, Math.min(options.height ?? 7, 20)),
    steps: Math.min(Number(process.env.STEPS), 8, 60),
    seed: Math.min(3, 9),
  };
  return axios.post("${V1}/generations", body);
}`;
  const [site] = extract(code);
  assert.deepEqual(plain(site.body), {
    prompt: '?prompt',
    width: { oneOf: ['?options.width', 1024] },
    height: { oneOf: ['?options.height', 768] },
    num_images: { oneOf: ['?n', 4] },
    guidance_scale: { oneOf: ['?Math.min(options.height ?? 7, 20)', 1] },
    steps: { oneOf: ['?Number(process.env.STEPS)', 8] },
    seed: 3,
  });
});

test('a let every path assigns before the call (if/else, else if, a switch whose clauses all write or throw): one of those writes', () => {
  const code = `import axios from "axios";
const headers = { authorization: \`Bearer \${process.env.LEONARDO_API_KEY}\` };

export async function create(kind: "photo" | "art" | "fast", prompt: string) {
  let body: Record<string, unknown>;
  if (kind === "photo") {
    body = { prompt, modelId: "aa77f04e-3eec-4034-9c07-d0f619684628", width: 1024 };
  } else if (kind === "art") {
    const style = "ANIME";
    body = { prompt, presetStyle: style, width: 832 };
  } else {
    body = { prompt, num_images: 2 };
  }
  body.public = false;
  return axios.post("${V1}/generations", body, { headers });
}

export async function size(preset: string, prompt: string) {
  let width = 512;
  switch (preset) {
    case "wide":
      width = 1536;
      break;
    case "square":
    case "tile":
      width = 1024;
      break;
    default:
      throw new Error(\`unknown preset \${preset}\`);
  }
  return axios.post("${V1}/generations", { prompt, width, height: 1024 }, { headers });
}

export async function upscale(id: string, creative: boolean) {
  let target: string;
  if (creative) target = \`${V1}/variations/universal-upscaler/\${id}\`;
  else target = "${V1}/variations/universal-upscaler/" + id;
  return axios.get(target, { headers });
}`;
  const sites = extract(code);
  assert.deepEqual(sites.map(describe), [`axios POST ${V1}/generations`, `axios POST ${V1}/generations`, `axios GET ${V1}/variations/universal-upscaler/{id}`]);
  // Each write is an option with its own spans, and what the code adds after the if/else goes into each.
  assert.deepEqual(plain(sites[0].body), {
    oneOf: [
      { prompt: '?prompt', modelId: 'aa77f04e-3eec-4034-9c07-d0f619684628', width: 1024, public: false },
      { prompt: '?prompt', presetStyle: 'ANIME', width: 832, public: false },
      { prompt: '?prompt', num_images: 2, public: false },
    ],
  });
  const bodies = sites[0].body?.kind === 'alternatives' ? sites[0].body.options : [];
  assert.equal(text(code, objectOf(bodies[1]).properties[2].value.span), '832');
  // The throwing default sends nothing; the two clauses that fall into one write share it.
  assert.deepEqual(plain(property(sites[1].body, 'width').value), { oneOf: [1536, 1024] });
  assert.equal(text(code, property(sites[1].body, 'width').value.span), 'width');
  // Both writes spell one URL: it is known, but located in neither, so no fix edits only one of them.
  assert.equal(sites[2].url?.path, '/variations/universal-upscaler/{id}');
  assert.equal(sites[2].url?.pathSpan, undefined);
});

test('a let that some path to the call leaves as it was keeps what it held before as an option; unknown when that is not known, a branch names it again after its write, or branches write differently', () => {
  const code = `import axios from "axios";
const headers = { authorization: \`Bearer \${process.env.LEONARDO_API_KEY}\` };

export async function noElse(hd: boolean) {
  let body = { prompt: "x", width: 512 };
  if (hd) body = { prompt: "x", width: 1536 };
  return axios.post("${V1}/generations", body, { headers });
}
export async function noInitial(hd: boolean) {
  let body;
  if (hd) body = { prompt: "x", width: 1536 };
  return axios.post("${V1}/generations", body, { headers });
}
export async function namedInOpenPath(hd: boolean) {
  let body = { prompt: "x", width: 512 };
  if (hd) body = { prompt: "x", width: 1536 };
  else log(body);
  return axios.post("${V1}/generations", body, { headers });
}
export async function noDefault(kind: string) {
  let body;
  switch (kind) {
    case "a":
      body = { prompt: "a" };
      break;
    case "b":
      body = { prompt: "b" };
      break;
  }
  return axios.post("${V1}/generations", body, { headers });
}
export async function fallsThrough(kind: string) {
  let body;
  switch (kind) {
    case "a":
      body = { prompt: "a" };
    default:
      body = { prompt: "b" };
  }
  return axios.post("${V1}/generations", body, { headers });
}
export async function breaksEarly(kind: string, skip: boolean) {
  let body;
  switch (kind) {
    case "a":
      if (skip) break;
      body = { prompt: "a" };
      break;
    default:
      body = { prompt: "b" };
  }
  return axios.post("${V1}/generations", body, { headers });
}
export async function moreAfter(kind: string) {
  let body;
  if (kind === "a") {
    body = { prompt: "a" };
    log(body);
  } else {
    body = { prompt: "b" };
  }
  return axios.post("${V1}/generations", body, { headers });
}
export async function inLoop(prompts: string[]) {
  let body = { prompt: "first" };
  for (const prompt of prompts) {
    await axios.post("${V1}/generations", body, { headers });
    if (prompt) body = { prompt };
    else body = { prompt: "empty" };
  }
}
export async function twoEndpoints(video: boolean) {
  let url: string;
  if (video) url = "${V1}/generations-image-to-video";
  else url = "${V1}/generations";
  return axios.post(url, { prompt: "x" }, { headers });
}
export async function everyPath(kind: string) {
  let body;
  if (kind === "a") {
    log(kind);
    body = { prompt: "a" };
  } else {
    body = { prompt: "b" };
  }
  return axios.post("${V1}/generations", body, { headers });
}`;
  const sites = extract(code);
  // The URL of twoEndpoints is one of two endpoints: one request to each, with the body both send.
  assert.equal(sites.length, 11);
  assert.deepEqual(sites.map((s) => s.body?.kind), ['alternatives', 'unknown', 'unknown', 'unknown', 'unknown', 'unknown', 'unknown', 'unknown', 'object', 'object', 'alternatives']);
  assert.deepEqual(sites.slice(8, 10).map((s) => s.url?.path).sort(), ['/generations', '/generations-image-to-video']);
  // The if without an else: its write, or the initializer the other path keeps, each where it is written.
  assert.deepEqual(plain(sites[0].body), { oneOf: [{ prompt: 'x', width: 1536 }, { prompt: 'x', width: 512 }] });
  const options = sites[0].body?.kind === 'alternatives' ? sites[0].body.options : [];
  assert.equal(text(code, objectOf(options[1]).properties[1].value.span), '512');
});

test("a module's let written on every branch of the function that reads it: one of the writes, unless code may run after a write in its branch", () => {
  const code = `const headers = { authorization: \`Bearer \${process.env.LEONARDO_API_KEY}\` };
let body: object;
async function reset() { body = { prompt: "reset" }; }
export async function sized(hd: boolean) {
  if (hd) body = { prompt: "a", width: 1536 };
  else body = { prompt: "b", width: 768 };
  await fetch("${V1}/generations", { method: "POST", headers, body: JSON.stringify(body) });
}
export async function awaited(hd: boolean) {
  if (hd) {
    body = { prompt: "a", width: 1536 };
    await reset();
  } else body = { prompt: "b", width: 768 };
  await fetch("${V1}/generations", { method: "POST", headers, body: JSON.stringify(body) });
}`;
  assert.deepEqual(extract(code).map((s) => plain(s.body)), [
    { oneOf: [{ prompt: 'a', width: 1536 }, { prompt: 'b', width: 768 }] },
    '?body',
  ]);
});

test('fetch options written into before the call: a key written in straight-line code is that option, a body written only when there is one is sent when present', () => {
  const code = `const KEY = process.env.LEONARDO_API_KEY;
export async function generate(prompt: string) {
  const init: RequestInit = { headers: { authorization: \`Bearer \${KEY}\` } };
  init.method = "POST";
  init.body = JSON.stringify({ prompt, num_images: 2 });
  return fetch("${V1}/generations", init);
}
async function send(method: string, path: string, body?: object) {
  const opts: any = { method, headers: { authorization: \`Bearer \${KEY}\` } };
  if (body) opts.body = JSON.stringify(body);
  return fetch("${V1}" + path, opts);
}
export async function run() {
  await send("POST", "/generations", { prompt: "a fox", width: 640 });
  await send("GET", "/me");
}`;
  const [generate, , post, get] = extract(code);
  assert.equal(describe(generate), `fetch POST ${V1}/generations`);
  assert.deepEqual(plain(generate.body), { prompt: '?prompt', num_images: 2 });
  assert.equal(text(code, generate.methodSpan), 'POST');
  assert.deepEqual([post, get].map(describe), [`wrapper POST ${V1}/generations`, `wrapper GET ${V1}/me`]);
  assert.deepEqual(plain(post.body), { prompt: 'a fox', width: 640 });
  assert.equal(get.body, undefined, 'a call without a body sends none');
});

test('fetch options written where the call may or may not see it leave that option unknown, never its literal or its absence', () => {
  const code = `const KEY = process.env.LEONARDO_API_KEY;
const shared: RequestInit = { method: "GET", headers: { authorization: \`Bearer \${KEY}\` } };
export function useJson() {
  shared.method = "POST";
}
export async function branch(prompt: string, hd: boolean) {
  const init: RequestInit = { method: "GET", headers: { authorization: \`Bearer \${KEY}\` } };
  if (hd) {
    init.method = "POST";
    init.body = JSON.stringify({ prompt, width: 1536 });
  }
  return fetch("${V1}/generations", init);
}
export async function elsewhere() {
  return fetch("${V1}/generations", shared);
}
export async function nested() {
  const init: any = { method: "POST", headers: { "content-type": "application/json" } };
  init.headers.authorization = \`Bearer \${KEY}\`;
  init.body = JSON.stringify({ prompt: "x" });
  return fetch("${V1}/generations", init);
}
export async function computed(key: string) {
  const init: any = { method: "GET" };
  init[key] = "POST";
  return fetch("${V1}/generations", init);
}
export async function loop(prompts: string[]) {
  const init: RequestInit = { method: "POST", headers: { authorization: \`Bearer \${KEY}\` } };
  for (const prompt of prompts) {
    await fetch("${V1}/generations", init);
    init.body = JSON.stringify({ prompt });
  }
}
export async function afterwards() {
  const init: RequestInit = { method: "POST", headers: { authorization: \`Bearer \${KEY}\` }, body: JSON.stringify({ prompt: "x" }) };
  const res = await fetch("${V1}/generations", init);
  init.body = JSON.stringify({ prompt: "y" });
  return res;
}
export async function assigned(prompt: string) {
  const init: RequestInit = { method: "GET", headers: { authorization: \`Bearer \${KEY}\` } };
  Object.assign(init, { method: "POST", body: JSON.stringify({ prompt }) });
  return fetch("${V1}/generations", init);
}`;
  const sites = extract(code);
  assert.deepEqual(sites.map(describe), [
    `fetch ? ${V1}/generations`,
    `fetch ? ${V1}/generations`,
    `fetch POST ${V1}/generations`,
    `fetch ? ${V1}/generations`,
    `fetch POST ${V1}/generations`,
    `fetch POST ${V1}/generations`,
    `fetch ? ${V1}/generations`,
  ]);
  assert.equal(sites[6].body, undefined, 'Object.assign may have set any option');
  assert.equal(sites[0].body, undefined);
  // A header written into the literal's headers: they are not all seen.
  assert.equal(sites[2].headers, undefined);
  assert.deepEqual(plain(sites[2].body), { prompt: 'x' });
  assert.equal(sites[4].body, undefined, 'the loop writes the body after the first call');
  assert.deepEqual(plain(sites[5].body), { prompt: 'x' }, 'a write after the call is not what it sent');
});

test("a parameter's default is one option when calls this file cannot see may leave it out, as the literal side of ?? is", () => {
  const code = `const headers = { authorization: \`Bearer \${process.env.LEONARDO_API_KEY}\` };
export async function exported(prompt: string, model = "phoenix", count: number = 2) {
  return fetch("${V1}/generations", { method: "POST", headers, body: JSON.stringify({ prompt, presetStyle: model, num_images: count }) });
}
export async function calledHere(prompt: string, width = 768) {
  return fetch("${V1}/generations", { method: "POST", headers, body: JSON.stringify({ prompt, width }) });
}
async function everyCallSeen(prompt: string, width = 640) {
  return fetch("${V1}/generations", { method: "POST", headers, body: JSON.stringify({ prompt, width }) });
}
export async function run() {
  await calledHere("an owl");
  await everyCallSeen("a cat", 512);
}`;
  const [exported, calledHere, everyCallSeen] = extract(code);
  assert.deepEqual(plain(exported.body), { prompt: '?prompt', presetStyle: { oneOf: ['?model', 'phoenix'] }, num_images: { oneOf: ['?count', 2] } });
  const style = property(exported.body, 'presetStyle').value;
  assert.equal(style.kind === 'alternatives' && text(code, style.options[1].span), '"phoenix"');
  // A visible call that leaves it out brings the default already (once); other calls may pass anything.
  assert.deepEqual(plain(property(calledHere.body, 'width').value), { oneOf: [768, '?width'] });
  // Every call is seen, and each passes a width: the default is never sent.
  assert.deepEqual(plain(property(everyCallSeen.body, 'width').value), 512);
});

test('a call nested deep between a write and a read counts as code that may write the name (as deep as the parser goes)', () => {
  // (Deeper, the parser itself runs out of stack: the file is then reported as nested too deeply.)
  const depth = 1200;
  const nested = `${'if (ok) { '.repeat(depth)}log(url);${' }'.repeat(depth)}`;
  const code = `import axios from "axios";
let url = "${V1}/me";
export async function main(id: string, ok: boolean) {
  url = \`${V1}/generations/\${id}\`;
  ${nested}
  let body;
  if (ok) { body = { prompt: "a" }; ${nested} } else { body = { prompt: "b" }; }
  return axios.post(url, body);
}`;
  // A call in between may write the module's url: unknown, and no request; what matters is the answer, not a crash.
  assert.deepEqual(extract(code).map(describe), []);
});
