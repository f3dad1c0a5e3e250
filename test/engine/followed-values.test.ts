// The rules on code whose values the engine now follows (extract/ts/resolve.ts): each shape of public
// code that used to hide a mistake is flagged where the mistake is written, and each variation whose
// value cannot be known stays silent (invariant 3). Findings are read as (rule, text) pairs; each
// rule's messages and fixes are its own tests'.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lint } from '../helpers/lint.js';

const V1 = 'https://cloud.leonardo.ai/api/rest/v1';

function hits(code: string, path = 'app.ts'): string[] {
  return lint(code, { path }).map((hit) => `${hit.ruleId} ${hit.text}`);
}

test('a Vite app: the key from a getter function, a conditional body in a class wrapper', () => {
  const code = `const BASE_URL = "${V1}";
const getApiKey = () => (import.meta as any).env?.VITE_LEONARDO_API_KEY || "";

export class LeonardoService {
  private async request(endpoint: string, method: string, body?: unknown) {
    const res = await fetch(\`\${BASE_URL}\${endpoint}\`, {
      method,
      headers: { Authorization: \`Bearer \${getApiKey()}\`, "Content-Type": "application/json" },
      body: body ? JSON.stringify(body) : undefined,
    });
    return res.json();
  }

  generate(prompt: string) {
    return this.request("/generations", "POST", { prompt, width: 1025, height: 768, num_images: 2 });
  }
}`;
  assert.deepEqual(hits(code, 'src/services/leonardo.ts'), [
    'client-exposed-api-key (import.meta as any).env?.VITE_LEONARDO_API_KEY',
    'invalid-dimensions 1025',
  ]);
});

test('a React app: the key in an exported config object, and in a client class constructor', () => {
  const code = `export const config = { apiKey: process.env.REACT_APP_LEONARDO_KEY, model: "b24e16ff-06e3-43eb-8d33-4416c2d75876" };

export async function me() {
  const res = await fetch("${V1}/me", { headers: { authorization: \`Bearer \${config.apiKey}\` } });
  return res.json();
}

class LeonardoClient {
  private apiKey: string;
  constructor(apiKey: string) {
    this.apiKey = apiKey;
  }
  generate(prompt: string) {
    return fetch("${V1}/generations", {
      method: "POST",
      headers: { Authorization: \`Bearer \${this.apiKey}\`, "Content-Type": "application/json" },
      body: JSON.stringify({ prompt, modelId: config.model, num_images: 4 }),
    });
  }
}
export const leonardo = new LeonardoClient(import.meta.env.VITE_LEONARDO_API_KEY);`;
  assert.deepEqual(hits(code, 'src/api.ts'), [
    'client-exposed-api-key process.env.REACT_APP_LEONARDO_KEY',
    'client-exposed-api-key import.meta.env.VITE_LEONARDO_API_KEY',
  ]);
});

test('an SDK-style client: the key in the options object of the one `new`', () => {
  const code = `interface Options { apiKey: string }
class LeonardoClient {
  private apiKey: string;
  constructor(options: Options) {
    this.apiKey = options.apiKey;
  }
  me() {
    return fetch("${V1}/me", { headers: { Authorization: \`Bearer \${this.apiKey}\` } });
  }
}
export const client = new LeonardoClient({ apiKey: import.meta.env.VITE_LEONARDO_KEY });`;
  assert.deepEqual(hits(code, 'src/lib/leonardo.ts'), ['client-exposed-api-key import.meta.env.VITE_LEONARDO_KEY']);
});

test('server code: keys from server-only variables through the same getters and constructors are not exposed', () => {
  const code = `const getApiKey = () => process.env.LEONARDO_API_KEY ?? "";
export const config = { apiKey: process.env.LEONARDO_API_KEY };
class LeonardoClient {
  constructor(private readonly apiKey: string) {}
  me() {
    return fetch("${V1}/me", { headers: { Authorization: \`Bearer \${this.apiKey}\` } });
  }
}
export const a = () => fetch("${V1}/me", { headers: { Authorization: \`Bearer \${getApiKey()}\` } });
export const b = () => fetch("${V1}/me", { headers: { Authorization: \`Bearer \${config.apiKey}\` } });
export const leonardo = new LeonardoClient(process.env.LEONARDO_API_KEY!);`;
  assert.deepEqual(hits(code, 'app/api/leonardo/route.ts'), []);
});

test("Leonardo's Node sample style: a reassigned url and payload are checked at each call with the value they hold there", () => {
  const code = `const axios = require("axios");
const headers = { accept: "application/json", "content-type": "application/json", authorization: \`Bearer \${process.env.LEONARDO_API_KEY}\` };

const main = async () => {
  let url = "${V1}/generations";
  let payload = { prompt: "A cat", modelId: "b24e16ff-06e3-43eb-8d33-4416c2d75876", width: 1024, height: 768, num_images: 4 };
  let response = await axios.post(url, payload, { headers });

  url = "${V1}/generations-lcm";
  payload = { prompt: "A cat", imageDataUrl: "data:image/png;base64,AAAA", guidance: 25 };
  response = await axios.post(url, payload, { headers });

  url = "${V1}/generation";
  response = await axios.get(url, { headers });
  console.log(response.data);
};
main();`;
  assert.deepEqual(hits(code, 'index.js'), ['out-of-range 25', 'unknown-endpoint /generation']);
});

test('a reassigned value that cannot be ordered at the call is never flagged; one an if without an else may write is one of two', () => {
  const code = `import axios from "axios";
export async function run(hd: boolean, prompts: string[]) {
  let width = 1024;
  if (hd) width = 2048;
  await axios.post("${V1}/generations", { prompt: "x", width, height: 768 });

  let url = "${V1}/generations";
  for (const prompt of prompts) {
    await axios.post(url, { prompt, guidance_scale: 25 });
    url = "${V1}/no-such-endpoint";
  }
}`;
  // The width sent is 1024 or, when hd, 2048: that literal can be sent (the loop's URL cannot be ordered).
  assert.deepEqual(hits(code), ['invalid-dimensions 2048']);
});

test('bodies built in callbacks are checked in the callback where they are written', () => {
  const code = `import axios from "axios";
const URL = "${V1}/generations";
const headers = { Authorization: \`Bearer \${process.env.LEONARDO_API_KEY}\` };

export async function batch(prompts: string[]) {
  const bodies = prompts.map((p) => ({ prompt: p, width: 1025, height: 768 }));
  for (const body of bodies) await fetch(URL, { method: "POST", headers, body: JSON.stringify(body) });
}

export function queue(prompts: string[]) {
  prompts
    .map((prompt) => ({ prompt, guidance_scale: 30 }))
    .forEach((payload) => void axios.post(URL, payload, { headers }));
}

export async function fanOut(items: { prompt: string }[]) {
  return Promise.all(items.map(async (x) => fetch(URL, { method: "POST", headers, body: JSON.stringify({ prompt: x.prompt, num_images: 9, width: 1024 }) })));
}`;
  assert.deepEqual(hits(code), ['invalid-dimensions 1025', 'out-of-range 30', 'too-many-images 9']);
});

test('a function that sends its parameter as the body: each call is checked where its body is written', () => {
  const code = `import axios from "axios";
const api = axios.create({ baseURL: "${V1}", headers: { authorization: \`Bearer \${process.env.LEONARDO_API_KEY}\` } });

async function generateImage(params: Record<string, unknown>) {
  const response = await api.post("/generations", params);
  return response.data;
}
async function generateWithModel(params: Record<string, unknown>) {
  const res = await fetch("${V1}/generations", {
    method: "POST",
    headers: { authorization: \`Bearer \${process.env.LEONARDO_API_KEY}\` },
    body: JSON.stringify({ ...params, modelId: "b24e16ff-06e3-43eb-8d33-4416c2d75876", num_images: 4 }),
  });
  return res.json();
}
async function createGeneration(prompt: string, options: Record<string, unknown>) {
  return generateImage({ prompt, ...options });
}

export async function POST() {
  await generateImage({ prompt: "a fox", num_images: 9, widht: 512 });
  await generateImage({ prompt: "a cat", guidance_scale: 30 });
  await generateWithModel({ prompt: "a fox", width: 1025, num_images: 12 });
  await createGeneration("an owl", { height: 1023 });
}`;
  // Each caller's own mistakes, at its own literal; the wrapper's later `num_images: 4` wins over the caller's 12.
  assert.deepEqual(hits(code), ['too-many-images 9', 'unknown-field widht', 'out-of-range 30', 'invalid-dimensions 1025', 'invalid-dimensions 1023']);
});

test('a parameter sent as the body that the function changes, or that only unseen calls pass, says nothing', () => {
  const code = `const URL = "${V1}/generations";
const headers = { authorization: \`Bearer \${process.env.LEONARDO_API_KEY}\` };
export async function exported(params: object) {
  return fetch(URL, { method: "POST", headers, body: JSON.stringify(params) });
}
async function passedOn(params: object) {
  return fetch(URL, { method: "POST", headers, body: JSON.stringify(params) });
}
async function changed(params: Record<string, unknown>) {
  params.num_images = 4;
  return fetch(URL, { method: "POST", headers, body: JSON.stringify(params) });
}
async function handed(params: Record<string, unknown>) {
  addDefaults(params);
  return fetch(URL, { method: "POST", headers, body: JSON.stringify(params) });
}
async function fromInput(params: object) {
  return fetch(URL, { method: "POST", headers, body: JSON.stringify(params) });
}
export async function run(input: object) {
  await exported({ prompt: "a fox", num_images: 9 });
  [{ prompt: "a fox", num_images: 9 }].forEach(passedOn);
  await changed({ prompt: "a fox", num_images: 9 });
  await handed({ prompt: "a fox", num_images: 9 });
  await fromInput(input);
}`;
  // \`exported\` may be called elsewhere with other bodies, but this file's call sends 9 images.
  assert.deepEqual(hits(code), ['too-many-images 9']);
});

test('a service class: a method that hands its parameter on is checked at each call through this, an instance or an export', () => {
  const code = `const BASE = "${V1}";
export class LeonardoService {
  constructor(private apiKey: string) {}
  private async request(endpoint: string, method: string, body?: unknown) {
    const res = await fetch(\`\${BASE}\${endpoint}\`, { method, headers: { Authorization: \`Bearer \${this.apiKey}\` }, body: body ? JSON.stringify(body) : undefined });
    return res.json();
  }
  async generate(params: Record<string, unknown>) {
    return this.request("/generations", "POST", params);
  }
  async hero(prompt: string) {
    return this.generate({ prompt, width: 1025, height: 768 });
  }
  async sized(prompt: string, width: number) {
    return this.generate({ prompt, width, height: 768 });
  }
}
const service = new LeonardoService(process.env.LEONARDO_API_KEY!);
export async function run(input: Record<string, unknown>) {
  await service.generate({ prompt: "a fox", num_images: 9 });
  await service.generate(input);
  await service.sized("a cat", 1023);
}`;
  // The one call of \`sized\` this file makes sends 1023 (calls elsewhere may send other widths).
  assert.deepEqual(hits(code, 'src/services/leonardo.ts'), ['invalid-dimensions 1025', 'too-many-images 9', 'invalid-dimensions 1023']);
});

test('a key the code deletes before sending is not judged, in a constant or in what a caller passes', () => {
  const code = `const URL = "${V1}/generations";
const headers = { authorization: \`Bearer \${process.env.LEONARDO_API_KEY}\` };
async function send(params: Record<string, unknown>) {
  delete params.uiOnly;
  return fetch(URL, { method: "POST", headers, body: JSON.stringify(params) });
}
export async function run(field: string) {
  await send({ prompt: "x", uiOnly: true });
  const body: Record<string, unknown> = { prompt: "y", uiOnly: true, num_images: 9 };
  delete body.uiOnly;
  await fetch(URL, { method: "POST", headers, body: JSON.stringify(body) });
  const other: Record<string, unknown> = { prompt: "z", widht: 512 };
  delete other[field];
  await fetch(URL, { method: "POST", headers, body: JSON.stringify(other) });
}`;
  // The constant's other keys are still judged (9 images); a key deleted by name leaves none known.
  assert.deepEqual(hits(code), ['too-many-images 9']);
});

test("a method's options read key by key: the one call this file makes is checked", () => {
  const code = `interface Config { prompt: string; modelId: string; width?: number; numImages?: number; scheduler?: string }
export class LeonardoClient {
  private baseUrl = "${V1}";
  constructor(private apiKey: string) {}
  async generateImage(config: Config) {
    const body = { prompt: config.prompt, modelId: config.modelId, width: config.width, height: 768, num_images: config.numImages, scheduler: config.scheduler };
    return fetch(\`\${this.baseUrl}/generations\`, { method: "POST", headers: { Authorization: \`Bearer \${this.apiKey}\` }, body: JSON.stringify(body) });
  }
}
const client = new LeonardoClient(process.env.LEONARDO_API_KEY!);
export async function avatar(name: string) {
  return client.generateImage({ prompt: name, modelId: "b24e16ff-06e3-43eb-8d33-4416c2d75876", width: 1024, numImages: 8, scheduler: "EULER" });
}`;
  // Other modules may call the method with other options: those stay unknown, this call's are judged.
  assert.deepEqual(hits(code, 'src/lib/leonardo.ts'), ['too-many-images 8', 'invalid-enum "EULER"']);
});

test('destructured options: each name is what the one call passes, or its default', () => {
  const code = `interface Options { prompt: string; width?: number; height?: number; numImages?: number }
const headers = { authorization: \`Bearer \${process.env.LEONARDO_API_KEY}\` };

async function generate({ prompt, width = 1024, height = 1024, numImages = 9 }: Options) {
  return fetch("${V1}/generations", { method: "POST", headers, body: JSON.stringify({ prompt, width, height, num_images: numImages }) });
}
async function generateFrom(options: Options) {
  const { prompt, width: w = 512, height } = options;
  return fetch("${V1}/generations", { method: "POST", headers, body: JSON.stringify({ prompt, width: w, height }) });
}

export async function main() {
  await generate({ prompt: "a fox", width: 1025 });
  await generateFrom({ prompt: "an owl", height: 1023 });
}`;
  // The default count is judged where it is written, with the caller's width.
  assert.deepEqual(hits(code), ['too-many-images 9', 'invalid-dimensions 1025', 'invalid-dimensions 1023']);
});

test('values of several calls are never paired across calls', () => {
  const code = `const headers = { authorization: \`Bearer \${process.env.LEONARDO_API_KEY}\` };
async function generate(prompt: string, size: number, count: number) {
  return fetch("${V1}/generations", { method: "POST", headers, body: JSON.stringify({ prompt, width: size, height: size, num_images: count }) });
}
async function generateWith({ prompt, size, count }: { prompt: string; size: number; count: number }) {
  return fetch("${V1}/generations", { method: "POST", headers, body: JSON.stringify({ prompt, width: size, height: size, num_images: count }) });
}
export async function main() {
  await generate("a fox", 1024, 2);
  await generate("a cat", 512, 8);
  await generateWith({ prompt: "a fox", size: 1024, count: 2 });
  await generateWith({ prompt: "a cat", size: 512, count: 8 });
}`;
  // 1024 with 8 would be too many, but no call sends them together.
  assert.deepEqual(hits(code), []);
});

test('fallbacks and bounds: the literal side is checked, the unknown side is not', () => {
  const flagged = `import axios from "axios";
export async function generate(prompt: string, options: { width?: number } = {}, n = 1) {
  const body = { prompt, width: options.width || 1920, height: 768, num_images: Math.min(n, 8) };
  return axios.post("${V1}/generations", body);
}`;
  assert.deepEqual(hits(flagged), ['invalid-dimensions 1920', 'too-many-images 8']);

  const clean = `import axios from "axios";
export async function generate(prompt: string, options: { width?: number; steps?: number } = {}, n = 1) {
  const body = {
    prompt,
    width: options.width || 1024,
    height: 768,
    num_images: Math.min(Math.max(n, 1), 4),
    guidance_scale: Math.max(options.steps ?? 7, 1),
  };
  return axios.post("${V1}/generations", body);
}`;
  assert.deepEqual(hits(clean), []);
});

test('static helpers and an object of methods: the request is checked at each call', () => {
  const code = `const API = "${V1}";
const KEY = process.env.LEONARDO_API_KEY;
export class Leonardo {
  static async request(method: string, path: string, body?: object) {
    const res = await fetch(API + path, { method, headers: { authorization: \`Bearer \${KEY}\` }, ...(body && { body: JSON.stringify(body) }) });
    return res.json();
  }
  static post(path: string, body: object) {
    return Leonardo.request("POST", path, body);
  }
}
export const leonardo = {
  send(path: string, body: object) {
    return fetch(API + path, { method: "POST", headers: { authorization: \`Bearer \${KEY}\` }, body: JSON.stringify(body) });
  },
};
export async function run(prompt: string) {
  await Leonardo.post("/generations", { prompt, guidance_scale: 21 });
  await leonardo.send("/generations", { prompt, width: 1023 });
  await Leonardo.post("/generation", { prompt });
}`;
  assert.deepEqual(hits(code), ['out-of-range 21', 'invalid-dimensions 1023', 'unknown-endpoint /generation']);
});

/** The start of a class that keeps a generation read with axios. */
const WATCHER = `import axios from "axios";
const BASE = "${V1}";
const headers = { authorization: \`Bearer \${process.env.LEONARDO_API_KEY}\` };
export class GenerationWatcher {`;

test('the result flow through a class member, a static method and an object of methods (the resolver answers for the flow)', () => {
  const code = `${WATCHER}
  private generation: any;
  async refresh(id: string) {
    const { data } = await axios.get(\`\${BASE}/generations/\${id}\`, { headers });
    this.generation = data.generations_by_pk;
  }
  get urls(): string[] {
    return this.generation.generated_images.map((image: { url: string }) => image.url);
  }
  get failed(): boolean {
    return this.generation?.status === "ERROR";
  }
}
export class Account {
  static async me() {
    const res = await fetch(\`\${BASE}/me\`, { headers });
    return res.json();
  }
}
const api = {
  async models() {
    const res = await fetch(\`\${BASE}/platformModels\`, { headers });
    return res.json();
  },
};
export async function credits() {
  const me = await Account.me();
  const { customModels } = await api.models();
  return [me.user_details.apiCredit, customModels.length];
}`;
  assert.deepEqual(hits(code), [
    'unchecked-generation-status generated_images',
    'invalid-enum "ERROR"',
    'unknown-response-field customModels',
    'unknown-response-field apiCredit',
  ]);
});

test('a class member written only after a status check, or written from what cannot be known, is not flagged', () => {
  const code = `${WATCHER}
  private generation: any;
  private other: any;
  async refresh(id: string, url: string) {
    const { data } = await axios.get(\`\${BASE}/generations/\${id}\`, { headers });
    if (data.generations_by_pk.status === "COMPLETE") this.generation = data.generations_by_pk;
    this.other = (await axios.get(url, { headers })).data.generations_by_pk;
  }
  get urls(): string[] {
    return this.generation.generated_images.map((image: { url: string }) => image.url);
  }
  get others(): string[] {
    return this.other.generated_images.map((image: { url: string }) => image.url);
  }
}`;
  assert.deepEqual(hits(code), []);
});

test('a constant object whose keys the code writes by a computed key holds nothing known', () => {
  const code = `const headers = { authorization: \`Bearer \${process.env.LEONARDO_API_KEY}\` };
const routes = { models: "/platformModel", me: "/me" };
const fixed = { models: "/platformModel" };
export function override(name: "models" | "me", path: string) {
  routes[name] = path;
}
export async function load() {
  await fetch("${V1}" + routes.models, { headers });
  await fetch("${V1}" + fixed.models, { headers });
}`;
  assert.deepEqual(hits(code), ['unknown-endpoint /platformModel']);
});

test('the variations a user tries next: optional chains, switch, destructured and aliased statuses, defaults, Object.assign', () => {
  const headers = 'const headers = { authorization: `Bearer ${process.env.LEONARDO_API_KEY}`, "content-type": "application/json" };';
  const code = `import axios from "axios";
${headers}
export async function viaSwitch(id: string) {
  const { data } = await axios.get(\`${V1}/generations/\${id}\`, { headers });
  const gen = data?.generations_by_pk;
  switch (gen?.status) {
    case "DONE":
      return gen.generated_images;
    case "FAILED":
      throw new Error("failed");
    default:
      return null;
  }
}
export async function viaPattern(id: string) {
  const res = await fetch(\`${V1}/generations/\${id}\`, { headers });
  const { generations_by_pk: { status: state, generated_images } } = await res.json();
  return state === "succeeded" ? generated_images : [];
}
export async function viaAlias(id: string) {
  const json = await (await fetch(\`${V1}/generations/\${id}\`, { headers })).json();
  const generation = json?.generations_by_pk;
  const current = generation?.status;
  return current === "COMPLETED" ? generation?.generated_images ?? [] : [];
}
class Api {
  async request(path: string, body: Record<string, unknown> = {}, method = "POST") {
    const res = await fetch("${V1}" + path, { method, headers, body: JSON.stringify(body) });
    return res.json();
  }
}
const api = new Api();
const defaults = { modelId: "b24e16ff-06e3-43eb-8d33-4416c2d75876", height: 768 };
export async function generate(prompt: string, options: { width?: number; n?: number }, extra: object) {
  await api.request("/generations", { prompt, width: 1023, height: 768 });
  await fetch("${V1}/generations", { method: "POST", headers, body: JSON.stringify(Object.assign({}, defaults, { prompt, width: 1001 })) });
  await fetch("${V1}/generations", { method: "POST", headers, body: JSON.stringify(Object.assign({ prompt }, extra, { width: options.width || 1921, num_images: Math.min(options.n ?? 1, 8) })) });
}`;
  assert.deepEqual(hits(code), [
    'invalid-enum "DONE"',
    'invalid-enum "succeeded"',
    'invalid-enum "COMPLETED"',
    'invalid-dimensions 1023',
    'invalid-dimensions 1001',
    'invalid-dimensions 1921',
    'too-many-images 8',
  ]);
});

test('Object.assign into an object that is not a fresh literal, or from what cannot be known, says nothing it cannot know', () => {
  const code = `const headers = { authorization: \`Bearer \${process.env.LEONARDO_API_KEY}\`, "content-type": "application/json" };
export async function generate(prompt: string, base: Record<string, unknown>, extra: object) {
  await fetch("${V1}/generations", { method: "POST", headers, body: JSON.stringify(Object.assign(base, { prompt })) });
  await fetch("${V1}/generations", { method: "POST", headers, body: JSON.stringify(Object.assign({}, extra)) });
  await fetch("${V1}/generations", { method: "POST", headers, body: JSON.stringify(Object.assign({ prompt }, ...[extra])) });
}`;
  assert.deepEqual(hits(code), []);
});

test('a body or a size written on every branch before the call: each branch is checked where its mistake is written', () => {
  const code = `const GENERATIONS = "https://cloud.leonardo.ai/api/rest/v2/generations";
export async function animate(apiKey: string, tier: "pro" | "basic", prompt: string) {
  let request: Record<string, unknown>;
  if (tier === "pro") {
    request = { model: "kling-3.0", public: false, parameters: { prompt, mode: "RESOLUTION_1080" } };
  } else {
    request = { model: "kling-2.1", public: false, parameters: { prompt } };
  }
  const res = await fetch(GENERATIONS, {
    method: "POST",
    headers: { Authorization: \`Bearer \${apiKey}\`, "Content-Type": "application/json" },
    body: JSON.stringify(request),
  });
  return res.json();
}
export async function still(kind: string, prompt: string) {
  let width: number;
  let height: number;
  switch (kind) {
    case "portrait":
      width = 832;
      break;
    case "banner":
      width = 1920;
      break;
    default:
      throw new Error(\`unknown kind \${kind}\`);
  }
  return fetch("${V1}/generations", {
    method: "POST",
    headers: { authorization: \`Bearer \${process.env.LEONARDO_API_KEY}\` },
    body: JSON.stringify({ prompt, width, height: 640 }),
  });
}
export async function paired(kind: string, prompt: string) {
  let model = "gpt-image-1.5";
  let width = 1024;
  if (kind === "draft") {
    model = "flux-schnell";
    width = 512;
  }
  return fetch("https://cloud.leonardo.ai/api/rest/v2/generations", {
    method: "POST",
    headers: { authorization: \`Bearer \${process.env.LEONARDO_API_KEY}\` },
    body: JSON.stringify({ model, public: false, parameters: { prompt, width, height: 1024 } }),
  });
}`;
  // paired's branch writes the model and the width together: read apart, 512 would pair with
  // gpt-image-1.5, which no path sends; neither name is known there.
  assert.deepEqual(hits(code), ['deprecated-field mode', 'invalid-enum "kling-2.1"', 'invalid-dimensions 1920']);
});

test('names one branch writes together are read one arm at a time: the request of each arm is checked with the values of that arm, never paired with those of another', () => {
  const code = `const V2 = "https://cloud.leonardo.ai/api/rest/v2/generations";
const headers = { authorization: \`Bearer \${process.env.LEONARDO_API_KEY}\`, "content-type": "application/json" };
export async function poster(kind: string, prompt: string) {
  let width = 1024;
  let height = 1024;
  switch (kind) {
    case "banner":
      width = 1920;
      height = 640;
      break;
    case "story":
      width = 576;
      height = 1024;
      break;
    default:
      throw new Error(\`unknown kind \${kind}\`);
  }
  return fetch("${V1}/generations", { method: "POST", headers, body: JSON.stringify({ prompt, width, height }) });
}
export async function draft(fast: boolean, prompt: string) {
  let model = "flux-schnell";
  let width = 2048;
  if (fast) {
    model = "gpt-image-1.5";
    width = 512;
  }
  return fetch(V2, { method: "POST", headers, body: JSON.stringify({ model, public: false, parameters: { prompt, width, height: 1024 } }) });
}
export async function legacy(old: boolean, prompt: string) {
  let url = V2;
  let body: Record<string, unknown> = { model: "gpt-image-1.5", public: false, parameters: { prompt, width: 1024, height: 1024 } };
  if (old) {
    url = "${V1}/generations";
    body = { prompt, width: 1920, height: 1080 };
  }
  const res = await fetch(url, { method: "POST", headers, body: JSON.stringify(body) });
  const data = await res.json();
  return data.sdGenerationJob?.generationId ?? data.generate?.generationId;
}`;
  // poster's banner sends 1920 (over 1536); draft's fast arm sends gpt-image-1.5 at 512 (under its
  // 1024), and its other arm flux-schnell at 2048, which that model takes; legacy's v1 arm sends
  // 1920, and its v2 body is never judged against the v1 URL (nor the answers read against one).
  assert.deepEqual(hits(code), ['invalid-dimensions 1920', 'invalid-dimensions 512', 'invalid-dimensions 1920']);
});

test('arms that cannot be read alone leave the names unknown: an arm with branches of its own, a statement in another function than the call, an arm that returns', () => {
  const code = `const V2 = "https://cloud.leonardo.ai/api/rest/v2/generations";
const headers = { authorization: \`Bearer \${process.env.LEONARDO_API_KEY}\`, "content-type": "application/json" };
export async function nested(fast: boolean, tiny: boolean, prompt: string) {
  let model = "flux-schnell";
  let width = 2048;
  if (fast) {
    if (tiny) {
      model = "flux-schnell";
      width = 512;
    } else {
      model = "gpt-image-1.5";
      width = 1024;
    }
  }
  return fetch(V2, { method: "POST", headers, body: JSON.stringify({ model, public: false, parameters: { prompt, width, height: 1024 } }) });
}
export function later(fast: boolean) {
  let model = "flux-schnell";
  let width = 2048;
  if (fast) {
    model = "gpt-image-1.5";
    width = 1024;
  }
  return (prompt: string) => fetch(V2, { method: "POST", headers, body: JSON.stringify({ model, public: false, parameters: { prompt, width, height: 1024 } }) });
}
export async function fallthrough(kind: string, prompt: string) {
  let model = "gpt-image-1.5";
  let width = 512;
  switch (kind) {
    case "fast":
      console.log("fast");
    case "draft":
      model = "flux-schnell";
      width = 512;
      break;
    default:
      model = "gpt-image-1.5";
      width = 1024;
  }
  return fetch(V2, { method: "POST", headers, body: JSON.stringify({ model, public: false, parameters: { prompt, width, height: 1024 } }) });
}
export async function cached(hit: boolean, prompt: string) {
  let model = "flux-schnell";
  let width = 2048;
  if (hit) {
    model = "gpt-image-1.5";
    width = 512;
    return null;
  }
  return fetch(V2, { method: "POST", headers, body: JSON.stringify({ model, public: false, parameters: { prompt, width, height: 1024 } }) });
}`;
  // Read apart, nested and later would pair gpt-image-1.5 with 2048 or 512; so would fallthrough's
  // "fast" clause read alone (it runs on into "draft"). cached's arm returns before the call: only
  // flux-schnell at 2048 is sent.
  assert.deepEqual(hits(code), []);
});

test('a body some branches write is that write or what it held before, each checked where it is written; written in a loop after the call, or with nothing known before, it is never flagged', () => {
  const code = `const GENERATIONS = "https://cloud.leonardo.ai/api/rest/v2/generations";
const headers = { Authorization: \`Bearer \${process.env.LEONARDO_API_KEY}\`, "Content-Type": "application/json" };
export async function animate(tier: string, prompt: string) {
  let request: Record<string, unknown> = { model: "kling-3.0", public: false, parameters: { prompt } };
  if (tier === "legacy") request = { model: "kling-2.1", public: false, parameters: { prompt } };
  return fetch(GENERATIONS, { method: "POST", headers, body: JSON.stringify(request) });
}
export async function sized(kind: string, prompt: string) {
  let width = 1024;
  switch (kind) {
    case "banner":
      width = 1920;
      break;
    case "square":
      width = 1024;
  }
  return fetch("${V1}/generations", { method: "POST", headers, body: JSON.stringify({ prompt, width, height: 640 }) });
}
export async function batch(prompts: string[]) {
  let body: Record<string, unknown> = { prompt: "warm-up", width: 512 };
  for (const prompt of prompts) {
    await fetch("${V1}/generations", { method: "POST", headers, body: JSON.stringify(body) });
    if (prompt.length > 100) body = { prompt, width: 1920 };
    else body = { prompt, width: 512 };
  }
}
export async function oneOfTwo(tier: string, prompt: string) {
  let request: Record<string, unknown>;
  if (tier === "legacy") request = { model: "kling-2.1", public: false, parameters: { prompt } };
  else request = { model: "kling-3.0", public: false, parameters: { prompt } };
  return fetch(GENERATIONS, { method: "POST", headers, body: JSON.stringify(request) });
}
export async function nothingBefore(tier: string, prompt: string) {
  let request;
  if (tier === "legacy") request = { model: "kling-2.1", public: false, parameters: { prompt } };
  return fetch(GENERATIONS, { method: "POST", headers, body: JSON.stringify(request) });
}`;
  // animate sends kling-2.1 for the legacy tier, as \`tier === "legacy" ? "kling-2.1" : "kling-3.0"\`
  // would; sized sends 1920 × 640 for a banner. nothingBefore may send no body at all: not judged.
  assert.deepEqual(hits(code), ['invalid-enum "kling-2.1"', 'invalid-dimensions 1920', 'invalid-enum "kling-2.1"']);
});

test('fetch options filled in before the call: the body written into them is checked, and a header or method written there is not taken as missing', () => {
  const code = `const V2 = "https://cloud.leonardo.ai/api/rest/v2";
const token = () => process.env.LEONARDO_API_KEY;
export async function image(prompt: string) {
  const init: RequestInit = { method: "POST", headers: { authorization: \`Bearer \${token()}\`, "content-type": "application/json" } };
  init.body = JSON.stringify({ model: "gpt-image-2", public: false, parameters: { prompt, quantity: 1, style: "RENDER_3D" } });
  const res = await fetch(\`\${V2}/generations\`, init);
  return res.json();
}
async function leonardo(method: string, url: string, body?: object) {
  const options: any = { method, headers: { authorization: \`Bearer \${token()}\` } };
  if (body) {
    options.headers["content-type"] = "application/json";
    options.body = JSON.stringify(body);
  }
  return (await fetch(url, options)).json();
}
export async function portrait(prompt: string) {
  return leonardo("POST", "${V1}/generations", { prompt, width: 832, height: 1216, num_images: 12 });
}
export async function me() {
  const init: any = { headers: { "content-type": "application/json" } };
  init.headers.authorization = \`Bearer \${token()}\`;
  return fetch("${V1}/me", init);
}
export async function create(prompt: string) {
  const init: any = { headers: { authorization: \`Bearer \${token()}\` } };
  init.method = "POST";
  init.body = JSON.stringify({ prompt, width: 1024, height: 1024 });
  return fetch("${V1}/generations", init);
}`;
  // me() sends the key it adds to the headers, and create() posts: neither is a finding.
  assert.deepEqual(hits(code), ['unknown-field style', 'too-many-images 12']);
});

test('a wrapper whose method follows its body: each call is checked as the request its arguments make', () => {
  const code = `const LEONARDO = "${V1}";
async function request(endpoint: string, payload?: Record<string, unknown>) {
  const response = await fetch(LEONARDO + endpoint, {
    method: payload ? "POST" : "GET",
    headers: { Authorization: \`Bearer \${process.env.LEONARDO_API_KEY}\`, "Content-Type": "application/json" },
    body: payload ? JSON.stringify(payload) : undefined,
  });
  return response.json();
}
export async function render(prompt: string, extra?: Record<string, unknown>) {
  const job = await request("/generations", { prompt, width: 1024, height: 1024, num_images: 6, presetStyle: "CINEMATIK" });
  const id = job.sdGenerationJob.generationId;
  const result = await request(\`/generations/\${id}\`);
  if (result.generations_by_pk.status === "DONE") return result.generations_by_pk.generated_images;
  await request("/generations", extra);
}`;
  // The call with a body posts it; the call without one is the GET whose answer holds the status.
  assert.deepEqual(hits(code), ['too-many-images 6', 'invalid-enum "CINEMATIK"', 'invalid-enum "DONE"']);
});

test("an exported function's default model is checked where it is written, though no call in the file leaves it out", () => {
  const code = `export async function generateImage(prompt: string, model: string = "nano-banana-pro", apiKey = process.env.LEONARDO_API_KEY) {
  const res = await fetch("https://cloud.leonardo.ai/api/rest/v2/generations", {
    method: "POST",
    headers: { "Content-Type": "application/json", Authorization: \`Bearer \${apiKey}\` },
    body: JSON.stringify({ model, parameters: { prompt, quantity: 1 }, public: false }),
  });
  return res.json();
}
export async function upscale(id: string, style = "CINEMATIC") {
  return fetch("${V1}/variations/universal-upscaler", {
    method: "POST",
    headers: { authorization: \`Bearer \${process.env.LEONARDO_API_KEY}\` },
    body: JSON.stringify({ generatedImageId: id, upscalerStyle: style, creativityStrength: 5 }),
  });
}`;
  // The caller's model, when one passes it, cannot be known; the default is a valid upscaler style.
  assert.deepEqual(hits(code), ['invalid-enum "nano-banana-pro"']);
});

test('a response assigned on the one path to its read that does not throw is read as that call answers', () => {
  const code = `import axios from "axios";
const headers = { authorization: \`Bearer \${process.env.LEONARDO_API_KEY}\` };
export async function latest(id: string | undefined) {
  let response = await axios.get("${V1}/me", { headers });
  if (id) {
    response = await axios.get(\`${V1}/generations/\${id}\`, { headers });
  } else {
    throw new Error("no generation id");
  }
  return response.data.generations_by_pk.imageUrl;
}
export async function either(id: string | undefined) {
  let response;
  if (id) response = await axios.get(\`${V1}/generations/\${id}\`, { headers });
  else response = await axios.get("${V1}/me", { headers });
  return response.data.user_details;
}`;
  // The second read may be either answer: it is not judged against one of them.
  assert.deepEqual(hits(code), ['unknown-response-field imageUrl']);
});

test('a generic poll helper: the callback that judges each answer reads the response the fetcher it is given returns', () => {
  const code = `import axios from "axios";
const headers = { authorization: \`Bearer \${process.env.LEONARDO_API_KEY}\` };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function poll<T>(fetcher: () => Promise<T>, isDone: (value: T) => boolean, attempts = 30): Promise<T> {
  for (let i = 0; i < attempts; i++) {
    const value = await fetcher();
    if (isDone(value)) return value;
    await sleep(3000);
  }
  throw new Error("timed out");
}

export async function image(id: string) {
  const done = await poll(
    () => axios.get(\`${V1}/generations/\${id}\`, { headers }),
    (res) => res.data.generations_by_pk.status === "COMPLETED" || res.data.generations_by_pk.status === "FAILED",
  );
  return done.data.generations_by_pk.generated_images[0].url;
}

export async function firstImage(id: string) {
  const done = await poll(
    () => axios.get(\`${V1}/generations/\${id}\`, { headers }),
    (res) => res.data.generations_by_pk.generated_image.length > 0,
  );
  return done.data.generations_by_pk.status;
}`;
  // Both callers hand poll a fetcher of GET /generations/{id}: what poll passes isDone is that answer.
  assert.deepEqual(hits(code), ['invalid-enum "COMPLETED"', 'unknown-response-field generated_image']);
});

test('a poll helper whose fetchers answer differently, that keeps its callback, or that other modules may call, says nothing of the callback', () => {
  const code = `import axios from "axios";
const headers = { authorization: \`Bearer \${process.env.LEONARDO_API_KEY}\` };

async function poll<T>(fetcher: () => Promise<T>, isDone: (value: T) => boolean): Promise<T> {
  for (;;) {
    const value = await fetcher();
    if (isDone(value)) return value;
  }
}
export async function image(id: string) {
  return poll(() => axios.get(\`${V1}/generations/\${id}\`, { headers }), (res) => res.data.generations_by_pk.status === "COMPLETED");
}
export async function variation(id: string) {
  return poll(() => axios.get(\`${V1}/variations/\${id}\`, { headers }), (res) => res.data.generations_by_pk.status === "COMPLETED");
}

const checks: Array<(value: unknown) => boolean> = [];
async function watch<T>(fetcher: () => Promise<T>, isDone: (value: T) => boolean): Promise<T> {
  checks.push(isDone as (value: unknown) => boolean);
  for (;;) {
    const value = await fetcher();
    if (isDone(value)) return value;
  }
}
export async function watched(id: string) {
  return watch(() => axios.get(\`${V1}/generations/\${id}\`, { headers }), (res) => res.data.generations_by_pk.status === "COMPLETED");
}

export async function waitUntil<T>(fetcher: () => Promise<T>, isDone: (value: T) => boolean): Promise<T> {
  for (;;) {
    const value = await fetcher();
    if (isDone(value)) return value;
  }
}
export async function exported(id: string) {
  return waitUntil(() => axios.get(\`${V1}/generations/\${id}\`, { headers }), (res) => res.data.generations_by_pk.status === "COMPLETED");
}`;
  // poll's value is either endpoint's answer; watch's callback is kept where other code may call it;
  // waitUntil is exported, so other modules may hand it any fetcher.
  assert.deepEqual(hits(code), []);
});

test('a wrapper that takes the base URL and the path: each call is checked as the request its arguments make', () => {
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

export async function legacy(prompt: string) {
  const created = await api(V1, "/generations", { prompt, num_images: 9, width: 1024, height: 1024 });
  return created.sdGenerationJob.generationId;
}
export async function current(prompt: string) {
  return api(V2, "/generations", { model: "gpt-image-1.5", parameters: { prompt, quantity: 1, guidance: 7 }, public: false });
}
export async function status(id: string) {
  const job = await api(V1, \`/generations/\${id}\`);
  return job.generations_by_pk.status === "COMPLETED";
}
export async function elsewhere(base: string, prompt: string) {
  return api(base, "/generations", { prompt, num_images: 9, width: 1024 });
}`;
  // The base elsewhere passes cannot be known: no request is judged there.
  assert.deepEqual(hits(code), ['too-many-images 9', 'unknown-field guidance', 'invalid-enum "COMPLETED"']);
});

test('a body handed to two client calls (a retry) is only read by them; one handed to another function first may be changed there', () => {
  const code = `import axios from "axios";
const auth = { headers: { authorization: \`Bearer \${process.env.LEONARDO_API_KEY}\` } };

async function generateWithRetry(body: object) {
  try {
    return await axios.post("${V1}/generations", body, auth);
  } catch {
    return await axios.post("${V1}/generations", body, auth);
  }
}
export async function poster(prompt: string) {
  return generateWithRetry({ prompt, num_images: 9, width: 1024, height: 1024 });
}

async function generateTracked(body: object) {
  record(body);
  return axios.post("${V1}/generations", body, auth);
}
export async function tracked(prompt: string) {
  return generateTracked({ prompt, num_images: 9, width: 1024, height: 1024 });
}
declare function record(body: object): void;`;
  // One literal sent by both calls of the retry: one finding, at the literal.
  assert.deepEqual(hits(code), ['too-many-images 9']);
});

test('a URL built from a loop over a list of constants: each element is a request the call makes', () => {
  const code = `const V1 = "https://cloud.leonardo.ai/api/rest/v1/generations";
const V2 = "https://cloud.leonardo.ai/api/rest/v2/generations";
const headers = { authorization: \`Bearer \${process.env.LEONARDO_API_KEY}\` };
const BASES = [V1, V2];

export async function readGeneration(id: string) {
  for (const base of [V1, V2]) {
    const res = await fetch(\`\${base}/\${id}\`, { headers });
    if (!res.ok) continue;
    const body = await res.json();
    if (body?.generations_by_pk?.status) return body.generations_by_pk.imagez;
  }
  return null;
}
export async function createEverywhere(prompt: string) {
  await Promise.all(BASES.map((base) => fetch(base, { method: "POST", headers, body: JSON.stringify({ prompt, num_images: 9, width: 1024 }) })));
}`;
  // GET /v2/generations/{id} does not exist; the v1 body is sent to both bases (v2 knows no prompt at the
  // top level). What the loop's call answers is one of two: the read of imagez is not judged.
  assert.deepEqual(hits(code), [
    'unknown-endpoint `${base}/${id}`',
    'missing-required {',
    'unknown-field prompt',
    'unknown-field num_images',
    'too-many-images 9',
    'unknown-field width',
  ]);
});

test('a loop variable that also chooses the body, a list with a spread, or one the code takes elements out of, makes no request per element', () => {
  const code = `const V1 = "https://cloud.leonardo.ai/api/rest/v1/generations";
const V2 = "https://cloud.leonardo.ai/api/rest/v2/generations";
const headers = { authorization: \`Bearer \${process.env.LEONARDO_API_KEY}\` };
const more: string[] = [];
const BASES = [V1, V2];
if (process.env.V1_ONLY) BASES.splice(1, 1);

export async function paired(prompt: string) {
  for (const base of [V1, V2]) {
    const body = base === V2 ? { model: "gpt-image-1.5", parameters: { prompt }, public: false } : { prompt, width: 1024 };
    await fetch(base, { method: "POST", headers, body: JSON.stringify(body) });
  }
}
export async function spread(id: string) {
  for (const base of [V1, ...more]) await fetch(\`\${base}/\${id}\`, { headers });
}
export async function changed(id: string) {
  for (const base of BASES) await fetch(\`\${base}/\${id}\`, { headers });
}`;
  assert.deepEqual(hits(code), []);
});

test('a let whose only write before the call is in a branch that returns holds what it held before, at the call after the branch', () => {
  const code = `import axios from "axios";
const headers = { authorization: \`Bearer \${process.env.LEONARDO_API_KEY}\` };
export async function sized(kind: string, prompt: string) {
  let width = 2048;
  if (kind === "small") {
    width = 512;
    return axios.post("${V1}/generations", { prompt, width, height: 512 }, { headers });
  }
  return axios.post("${V1}/generations", { prompt, width, height: 768 }, { headers });
}`;
  // The first call sends 512; the second is reached only where the branch did not run: 2048.
  assert.deepEqual(hits(code), ['invalid-dimensions 2048']);
});

test('a URL a condition chooses: each is a request the call can make, with a body that is the same on every path; a body chosen too is judged at neither', () => {
  const code = `const V1 = "https://cloud.leonardo.ai/api/rest/v1";
const V2 = "https://cloud.leonardo.ai/api/rest/v2";
const headers = { authorization: \`Bearer \${process.env.LEONARDO_API_KEY}\` };
export async function status(id: string, v2: boolean) {
  const res = await fetch(\`\${v2 ? V2 : V1}/generations/\${id}\`, { headers });
  const data = await res.json();
  return data.generations_by_pk.imagez;
}
export async function remove(id: string, legacy: boolean) {
  const url = legacy ? \`\${V1}/generations/\${id}\` : \`\${V1}/generation/\${id}\`;
  return fetch(url, { method: "DELETE", headers });
}
export async function create(prompt: string, v2: boolean) {
  const url = v2 ? \`\${V2}/generations\` : \`\${V1}/generations\`;
  const body = v2 ? { model: "gpt-image-1.5", parameters: { prompt }, public: false } : { prompt };
  return fetch(url, { method: "POST", headers, body: JSON.stringify(body) });
}
export async function upscale(id: string, v2: boolean) {
  const url = v2 ? \`\${V2}/generations\` : \`\${V1}/variations/upscale\`;
  const body = { id, upscaleMultiplier: 2 };
  return fetch(url, { method: "POST", headers, body: JSON.stringify(body) });
}`;
  // GET /v2/generations/{id} and DELETE /generation/{id} do not exist. What status's call answers is one
  // of two: imagez is not judged. create's body goes with its URL: pairing them across is a guess.
  // upscale sends one body to either URL: judged at each (v2 wants a model and takes no id; v1's upscale
  // takes no upscaleMultiplier).
  assert.deepEqual(hits(code), ['unknown-endpoint `${v2 ? V2 : V1}/generations/${id}`', 'unknown-endpoint url', 'missing-required {', 'unknown-field id', 'unknown-field upscaleMultiplier']);
});

test('a request function called with a different literal model from each call: the body is checked for each model, with what that call passes', () => {
  const code = `const KEY = process.env.LEONARDO_API_KEY;
async function requestGeneration(model: string, prompt: string) {
  const res = await fetch("https://cloud.leonardo.ai/api/rest/v2/generations", {
    method: "POST",
    headers: { authorization: \`Bearer \${KEY}\`, "content-type": "application/json" },
    body: JSON.stringify({ model, public: false, parameters: { prompt, width: 1024, height: 1024, quantity: 1, quality: "LOW" } }),
  });
  return (await res.json()).generate?.generationId;
}
export async function dual(prompt: string) {
  return Promise.all([requestGeneration("gemini-2.5-flash-image", prompt), requestGeneration("gpt-image-2", prompt)]);
}

async function sized(model: string, width: number) {
  return fetch("https://cloud.leonardo.ai/api/rest/v2/generations", {
    method: "POST",
    headers: { authorization: \`Bearer \${KEY}\`, "content-type": "application/json" },
    body: JSON.stringify({ model, public: false, parameters: { prompt: "x", width, height: 1024 } }),
  });
}
export async function both() {
  await sized("gpt-image-2", 1024);
  await sized("nano-banana-2", 1536);
}`;
  // gemini-2.5-flash-image takes no quality. sized's width comes from the calls too: each call is a
  // request of its own, its model judged with its own width (1536x1024 is not a nano-banana-2 size;
  // 1024x1024 is one of gpt-image-2's), never with the other call's.
  assert.deepEqual(hits(code), ['unknown-field quality', 'invalid-dimensions 1536']);
  assert.match(lint(code, { path: 'app.ts' }).find((hit) => hit.ruleId === 'invalid-dimensions')!.message, /^1536x1024 is not one of nano-banana-2's sizes/);
});

test('requests per call are made only where each call reaches the send, reported once per literal, and never pair a maybe-undefined name a test only logs', () => {
  const code = `const headers = { authorization: \`Bearer \${process.env.LEONARDO_KEY}\`, "content-type": "application/json" };
async function request(kind: "image" | "motion", source: string, strength: number) {
  if (kind === "motion") {
    return fetch("${V1}/generations-motion-svd", { method: "POST", headers, body: JSON.stringify({ imageId: source, motionStrength: strength }) });
  }
  return fetch("${V1}/generations", { method: "POST", headers, body: JSON.stringify({ prompt: source, num_images: strength, modelId: "b24e16ff-06e3-43eb-8d33-4416c2d75876" }) });
}
request("motion", "2ae4c9a0-5b6e-4c8c-9f1e-3e0f2b1a7c11", 9);
request("image", "a lighthouse at dusk", 4);

async function generate(width: number, height: number) {
  return fetch("${V1}/generations", { method: "POST", headers, body: JSON.stringify({ prompt: "x", width, height, num_images: 10, modelId: "b24e16ff-06e3-43eb-8d33-4416c2d75876" }) });
}
generate(1024, 1024);
generate(1536, 1024);

export async function photo(prompt: string, custom: boolean) {
  const modelId = custom ? "b24e16ff-06e3-43eb-8d33-4416c2d75876" : undefined;
  if (modelId) console.log("using custom model", modelId);
  return fetch("${V1}/generations", { method: "POST", headers, body: JSON.stringify({ prompt, photoReal: true, photoRealVersion: "v1", modelId }) });
}`;
  // request's sends run for one kind each: no call's arguments are judged at the other's send.
  // generate's num_images is one mistake, whatever width each call pairs it with. photo's modelId
  // may be left out (undefined): logging it handles nothing, and photoReal v1 without it is right.
  assert.deepEqual(hits(code), ['too-many-images 10']);
});

test('a function whose calls pass its own parameters back (recursion) is followed without blowing up, and the rest of the file keeps its findings', () => {
  const code = `async function get(a: string, b: string, c: string, d: string): Promise<unknown> {
  const r = await fetch(\`${V1}/\${a}/\${b}/\${c}/\${d}\`, { headers: { authorization: \`Bearer \${process.env.LEONARDO_API_KEY}\` } });
  if (!r.ok) return get(\`\${b}\${b}\`, \`\${a}\${a}\`, \`\${d}\${c}\`, \`\${c}\${d}\`);
  return get(b, a, d, c);
}
get("generations", "x", "y", "z");
fetch("${V1}/generations", { method: "POST", headers: { authorization: \`Bearer \${process.env.LEONARDO_API_KEY}\` }, body: JSON.stringify({ prompt: "x", widht: 8 }) });`;
  assert.ok(hits(code).includes('unknown-field widht'));
});

test("a function with a TypeScript this parameter is not split per call (its arguments would not line up with the parameters)", () => {
  const code = `const headers = { authorization: \`Bearer \${process.env.LEONARDO_API_KEY}\` };
function generate(this: unknown, width: number, count = 4) {
  return fetch("${V1}/generations", { method: "POST", headers, body: JSON.stringify({ prompt: "x", width, height: 512, num_images: count }) });
}
generate(1024, 2);
generate(512, 8);`;
  // Read as columns, width would take each call's count (2, 8: not sizes) and count its default.
  assert.deepEqual(hits(code), []);
});

test('a member of a same-file enum is the literal it is initialised with; one numbered by its place, or of an enum declared twice, is unknown', () => {
  const code = `const enum LeoModel {
  Phoenix = "phoenix-v1.0",
  Kontext = "flux-kontext-pro",
}
enum Size { Small = 512, Poster = 1920 }
enum Plain { First, Second }
enum Merged { A = "phoenix-v1.0" }
enum Merged { B = "gpt-image-1.5" }
const V2 = "https://cloud.leonardo.ai/api/rest/v2/generations";
const headers = { authorization: \`Bearer \${process.env.LEONARDO_API_KEY}\`, "content-type": "application/json" };
export async function poster(prompt: string) {
  return fetch(V2, { method: "POST", headers, body: JSON.stringify({ model: LeoModel.Phoenix, public: false, parameters: { prompt, quantity: 2, contrast: 3.5 } }) });
}
export async function wide(prompt: string) {
  return fetch("${V1}/generations", { method: "POST", headers, body: JSON.stringify({ prompt, width: Size.Poster, height: Size.Small, num_images: Plain.Second }) });
}
export async function merged(prompt: string) {
  return fetch(V2, { method: "POST", headers, body: JSON.stringify({ model: Merged.A, public: false, parameters: { prompt, contrast: 3.5 } }) });
}`;
  // 1920 is over v1's 1536 (reported in the enum, where it is written); Phoenix on v2 takes contrast
  // as "LOW" / "MEDIUM" / "HIGH". Plain.Second (1) and Merged.A are not read.
  assert.deepEqual(hits(code), ['invalid-dimensions 1920', 'type-mismatch 3.5']);
});

test('a let written in a try whose catch leaves (or writes it too) holds that write after the try; one a catch may skip is unknown', () => {
  const code = `function resolveApiKey(): string {
  const key = import.meta.env.VITE_LEONARDO_API_KEY;
  if (!key) throw new Error("missing key");
  return key;
}
async function createGeneration(prompt: string, apiKey: string, width: number) {
  const res = await fetch("${V1}/generations", {
    method: "POST",
    headers: { Authorization: \`Bearer \${apiKey}\`, "Content-Type": "application/json" },
    body: JSON.stringify({ prompt, width, height: 512, num_images: 1 }),
  });
  return (await res.json())?.sdGenerationJob?.generationId;
}
export async function run(prompt: string) {
  let apiKey: string;
  try {
    apiKey = resolveApiKey();
  } catch (err) {
    return { error: true };
  }
  let width = 512;
  try {
    width = Number(prompt.length > 10 ? 2048 : 1024);
    width = 1600;
  } catch {
    width = 768;
  }
  return createGeneration(prompt, apiKey, width);
}
export async function logged(prompt: string) {
  let width = 1024;
  try {
    width = JSON.parse(prompt).width ?? 1700;
  } catch (err) {
    console.error(err);
  }
  return createGeneration(prompt, "Bearer-less", width);
}`;
  // run's key is the Vite variable (shipped to browsers); its width is 1600 or 768. In logged, the
  // parse may throw before the write: the width may still be 1024, or whatever was parsed.
  const found = hits(code);
  assert.ok(found.includes('client-exposed-api-key import.meta.env.VITE_LEONARDO_API_KEY'), found.join('\n'));
  assert.ok(found.includes('invalid-dimensions 1600'), found.join('\n'));
  assert.ok(!found.some((f) => f.includes('1700') || f.includes('2048')), found.join('\n'));
});

test('an object of methods: this.method() calls a sibling, this.key reads its property, unless code writes it', () => {
  const code = `const headers = { authorization: \`Bearer \${process.env.LEONARDO_API_KEY}\`, "content-type": "application/json" };
export const images = {
  async v2(body: object) {
    const res = await fetch("https://cloud.leonardo.ai/api/rest/v2/generations", { method: "POST", headers, body: JSON.stringify(body) });
    return res.json();
  },
  async poster(prompt: string) {
    return this.v2({ model: "gpt-image-1.5", parameters: { prompt, width: 768, height: 1024 }, public: false });
  },
};
const leonardo = {
  base: "${V1}",
  async post(path: string, body: object) {
    const res = await fetch(this.base + path, { method: "POST", headers, body: JSON.stringify(body) });
    return res.json();
  },
};
leonardo.post("/variations/upscaler", { id: "x" });
const movable = {
  base: "${V1}",
  use(base: string) {
    this.base = base;
  },
  async post(path: string, body: object) {
    return fetch(this.base + path, { method: "POST", headers, body: JSON.stringify(body) });
  },
};
movable.post("/variations/upscaler", { id: "x" });
const arrows = {
  base: "${V1}",
  post: async (path: string, body: object) => fetch(\`\${(this as any)?.base}\${path}\`, { method: "POST", headers, body: JSON.stringify(body) }),
};
arrows.post("/variations/upscaler", { id: "x" });`;
  // poster sends 768 wide to gpt-image-1.5 (1024..1536) through this.v2; leonardo.post goes to
  // this.base. movable's base is written by use(); an arrow's this is not the object's.
  assert.deepEqual(hits(code), ['invalid-dimensions 768', 'unknown-endpoint /variations/upscaler']);
});

test('getters, Object.freeze and tables read by a computed key: each value that can be sent is judged, entries never paired apart', () => {
  const code = `const BASE = "${V1}";
class Config {
  get baseUrl() {
    return BASE;
  }
  get apiKey(): string {
    return process.env.NEXT_PUBLIC_LEONARDO_API_KEY ?? "";
  }
  async generate(prompt: string) {
    return fetch(\`\${this.baseUrl}/generations\`, {
      method: "POST",
      headers: { authorization: \`Bearer \${this.apiKey}\`, "content-type": "application/json" },
      body: JSON.stringify({ prompt, ...DEFAULTS }),
    });
  }
}
const DEFAULTS = Object.freeze({ num_inference_steps: 80, width: 512, height: 512 });
const MODELS = {
  fast: { width: 512, height: 512, num_images: 4 },
  best: { width: 1024, height: 1024, num_images: 6 },
} as const;
const SIZES = { small: { width: 512, height: 512 }, wide: { width: 1536, height: 640 } };
export async function tiered(prompt: string, tier: keyof typeof MODELS, size: keyof typeof SIZES) {
  const headers = { authorization: \`Bearer \${process.env.LEONARDO_API_KEY}\`, "content-type": "application/json" };
  await fetch(\`\${BASE}/generations\`, { method: "POST", headers, body: JSON.stringify({ prompt, ...MODELS[tier] }) });
  await fetch(\`\${BASE}/generations\`, { method: "POST", headers, body: JSON.stringify({ prompt, width: SIZES[size].width, height: SIZES[size].height, num_images: 8 }) });
}`;
  // The getters give the URL and a browser-visible key; the frozen defaults send 80 steps; the best
  // tier sends 6 images at 1024. SIZES[size].width is one of two widths: not paired with a height.
  assert.deepEqual(hits(code), [
    'client-exposed-api-key process.env.NEXT_PUBLIC_LEONARDO_API_KEY',
    'out-of-range 80',
    'too-many-images 6',
  ]);
});

test('a table of values of different kinds, told apart by typeof where it is read, holds nothing known', () => {
  const code = `const PROMPTS = {
  harbour: "Abstract harbour at dawn, no text",
  poster: { prompt: "Abstract poster, no text", width: 1024, height: 1024 },
};
export async function generate(variant: keyof typeof PROMPTS) {
  const spec = PROMPTS[variant];
  const prompt = typeof spec === "string" ? spec : spec.prompt;
  return fetch("https://cloud.leonardo.ai/api/rest/v2/generations", {
    method: "POST",
    headers: { authorization: \`Bearer \${process.env.LEONARDO_API_KEY}\`, "content-type": "application/json" },
    body: JSON.stringify({ model: "gpt-image-2", public: false, parameters: { prompt, quantity: 1 } }),
  });
}`;
  // Read as each entry, the string branch would take the poster object as the prompt.
  assert.deepEqual(hits(code), []);
});

test('what the file does to an object of methods, or to a constant object, keeps its members unknown: a copy, Object.assign, an alias; an arm that writes into an object is read with that write', () => {
  const code = `const headers = { authorization: \`Bearer \${process.env.LEONARDO_API_KEY}\`, "content-type": "application/json" };
const v1 = {
  base: "${V1}",
  async post(path: string, body: object) {
    return fetch(this.base + path, { method: "POST", headers, body: JSON.stringify(body) });
  },
};
export const v2 = { ...v1, base: "https://cloud.leonardo.ai/api/rest/v2" };
export const make = (prompt: string) => v2.post("/generations", { model: "gpt-image-1.5", public: false, parameters: { prompt } });
export const leonardo = {
  base: "${V1}",
  async post(path: string, body: object) {
    return fetch(this.base + path, { method: "POST", headers, body: JSON.stringify(body) });
  },
};
export function useV2() {
  Object.assign(leonardo, { base: "https://cloud.leonardo.ai/api/rest/v2" });
}
export const make2 = (prompt: string) => leonardo.post("/generations", { model: "gpt-image-1.5", public: false, parameters: { prompt } });
export const SIZES = { wide: 1920 };
export function useServerSizes(sizes: typeof SIZES) {
  const target = SIZES;
  target.wide = sizes.wide;
}
export const wide = (prompt: string) => fetch("${V1}/generations", { method: "POST", headers, body: JSON.stringify({ prompt, width: SIZES.wide, height: 512 }) });
export async function draft(fast: boolean, prompt: string) {
  let model = "flux-schnell";
  const parameters: Record<string, unknown> = { prompt, width: 2048, height: 1024 };
  if (fast) {
    model = "gpt-image-1.5";
    parameters.width = 1024;
  }
  return fetch("https://cloud.leonardo.ai/api/rest/v2/generations", { method: "POST", headers, body: JSON.stringify({ model, public: false, parameters }) });
}`;
  // v2 (a copy) and leonardo (changed by Object.assign) may send to v2: their this.base is not v1's.
  // SIZES may be changed through an alias. draft's fast arm sends gpt-image-1.5 at the width it writes
  // (1024, not the literal's 2048), the other path flux-schnell at 2048: each valid.
  assert.deepEqual(hits(code), []);
});

test('a wrapper that reads the method and the body off an options parameter: each call is checked with what it passes there', () => {
  const code = `export async function leofetch(url: string, options: { method: string; data?: unknown }) {
  const response = await fetch(url, {
    method: options.method,
    headers: { authorization: \`Bearer \${process.env.LEONARDO_API_KEY}\`, "content-type": "application/json" },
    body: options.data ? JSON.stringify(options.data) : undefined,
  });
  return response.json();
}
export async function create(prompt: string) {
  const created = await leofetch("${V1}/generations", { method: "POST", data: { prompt, width: 1001, height: 512 } });
  return created.sdGenerationJob.id;
}
export function waitImages(id: string): Promise<unknown> {
  return new Promise((resolve) => {
    const interval = setInterval(async () => {
      const gen = (await leofetch(\`${V1}/generations/\${id}\`, { method: "GET" })).generations_by_pk;
      if (gen && gen.generated_images.length) {
        clearInterval(interval);
        resolve(gen.generated_images);
      }
    }, 2000);
  });
}`;
  // The POST's body is checked where it is written and its answer read as POST /generations'; the GET's
  // answer as GET /generations/{id}'s, in a poll that never reads the status.
  assert.deepEqual(hits(code), ['invalid-dimensions 1001', 'unknown-response-field id', 'unchecked-generation-status generated_images']);
});

test('arms that end in a call that never returns send nothing; distinct findings at one span elsewhere in a file with per-arm requests are all kept', () => {
  const code = `const V2 = "https://cloud.leonardo.ai/api/rest/v2/generations";
const headers = { authorization: \`Bearer \${process.env.LEONARDO_API_KEY}\`, "content-type": "application/json" };
function usage(message: string): never {
  console.error(message);
  process.exit(1);
}
export async function main(kind: string, prompt: string) {
  let model = "gpt-image-1.5";
  let width = 512;
  switch (kind) {
    case "fast":
      model = "flux-schnell";
      width = 512;
      break;
    case "photo":
      model = "gpt-image-1.5";
      width = 1024;
      break;
    default:
      usage(\`unknown kind \${kind}\`);
  }
  return fetch(V2, { method: "POST", headers, body: JSON.stringify({ model, public: false, parameters: { prompt, width, height: 1024 } }) });
}
export const animate = (prompt: string) => fetch("${V1}/generations-image-to-video", { method: "POST", headers, body: JSON.stringify({ prompt, duration: 8 }) });`;
  // main's default arm exits: gpt-image-1.5 at 512 (the names' first values) is never sent.
  assert.deepEqual(hits(code), ['missing-required {', 'missing-required {']);
});

test('switch clauses written as blocks (case "x": { ...; break; }) are arms as written without braces', () => {
  const code = `const headers = { authorization: \`Bearer \${process.env.LEONARDO_API_KEY}\`, "content-type": "application/json" };
export async function braced(kind: string, prompt: string) {
  let width = 1024;
  let height = 1024;
  switch (kind) {
    case "banner": {
      width = 1920;
      height = 640;
      break;
    }
    case "story": {
      width = 576;
      height = 1024;
    }
    break;
  }
  return fetch("${V1}/generations", { method: "POST", headers, body: JSON.stringify({ prompt, width, height }) });
}`;
  // The banner arm sends 1920 (over 1536); the story arm and the path through no clause send valid sizes.
  assert.deepEqual(hits(code), ['invalid-dimensions 1920']);
});

test('arms that write into the object they set, or into one made before them, are read one arm at a time with their own writes', () => {
  const code = `const V2 = "https://cloud.leonardo.ai/api/rest/v2";
const headers = { authorization: \`Bearer \${process.env.LEONARDO_API_KEY}\`, "content-type": "application/json" };
export async function submitRender(job: { kind: "image" | "clip"; prompt: string; hd: boolean }) {
  let url: string;
  let payload: Record<string, unknown>;
  if (job.kind === "clip") {
    url = \`\${V2}/generations\`;
    payload = { model: "veo-3.1-generate-001", public: false, parameters: { prompt: job.prompt, duration: 10, width: 1280, height: 720 } };
  } else {
    url = "${V1}/generations";
    payload = { prompt: job.prompt, width: 1024, height: 768 };
    if (job.hd) {
      payload.width = 1536;
      payload.height = 1540;
    }
  }
  return fetch(url, { method: "POST", headers, body: JSON.stringify(payload) });
}
export async function draft(fast: boolean, prompt: string) {
  let model = "flux-schnell";
  const parameters: Record<string, unknown> = { prompt, width: 2048, height: 1024 };
  if (fast) {
    model = "gpt-image-1.5";
    parameters.width = 4096;
  }
  return fetch(\`\${V2}/generations\`, { method: "POST", headers, body: JSON.stringify({ model, public: false, parameters }) });
}
export async function sized(wide: boolean, prompt: string) {
  const body: Record<string, unknown> = { prompt, width: 2000, height: 768 };
  body.width = 1024;
  if (wide) body.height = 1003;
  return fetch("${V1}/generations", { method: "POST", headers, body: JSON.stringify(body) });
}`;
  // The clip's duration is judged against veo (the image arm's url never pairs with it); the image arm's
  // height written under \`if (job.hd)\` is one of its options. draft's fast arm pairs gpt-image-1.5 with
  // the width it writes, the other path flux-schnell with the literal's 2048 (valid). sized: the width
  // written on every path replaces the literal's 2000; the height written under a condition is an option.
  assert.deepEqual(hits(code), ['out-of-range 10', 'invalid-dimensions 1540', 'invalid-dimensions 4096', 'invalid-dimensions 1003']);
});

test('a name the code tests before it reads it is not null there; an empty object a statement fills in is a placeholder, not a body', () => {
  const code = `const headers = { authorization: \`Bearer \${process.env.LEONARDO_API_KEY}\`, "content-type": "application/json" };
export async function animate(files: File[], prompt: string, startImageId: string, upload: (f: File) => Promise<string>) {
  let endImageId: string | null = null;
  if (files.length > 1) endImageId = await upload(files[1]);
  const payload: Record<string, unknown> = { model: "VEO3", prompt, imageId: startImageId, imageType: "UPLOADED", resolution: "RESOLUTION_4K", duration: 8 };
  if (endImageId) payload.endFrameImage = { id: endImageId, type: "UPLOADED" };
  return fetch("${V1}/generations-image-to-video", { method: "POST", headers, body: JSON.stringify(payload) });
}
export async function clip(model: string, prompt: string) {
  let url = "https://cloud.leonardo.ai/api/rest/v2/generations";
  let payload = {};
  if (model === "kling-3.0") {
    payload = { model: "kling-3.0", public: false, parameters: { prompt, duration: 20, width: 1920, height: 1080 } };
  } else if (model === "motion") {
    url = "${V1}/generations-text-to-video";
    payload = { prompt, resolution: "RESOLUTION_720" };
  }
  return fetch(url, { method: "POST", headers, body: JSON.stringify(payload) });
}`;
  // endFrameImage.id is read under \`if (endImageId)\`: never null there. The path on which clip's model is
  // neither sends the empty placeholder: not judged as a v2 body without a model.
  assert.deepEqual(hits(code), ['invalid-enum "RESOLUTION_4K"', 'out-of-range 20']);
});

test('names destructured from a constant config object hold its values: the base URL and the key', () => {
  const code = `const settings = {
  leonardo: { endpoint: "${V1}", token: "7c1e4b2a-93d5-4f60-8a2b-5d9e0c3f1a47" },
};
const flat = { endpoint: "${V1}" };
export async function me() {
  const { endpoint, token } = settings.leonardo;
  return fetch(\`\${endpoint}/me\`, { method: "POST", headers: { authorization: \`Bearer \${token}\` } });
}
export async function generate() {
  const { endpoint } = flat;
  return fetch(\`\${endpoint}/generations\`, { method: "POST", headers: { authorization: \`Bearer \${process.env.LEONARDO_API_KEY}\` }, body: JSON.stringify({ prompt: "x", guidance_scale: 25 }) });
}
const shared = { endpoint: "${V1}" };
export function useProxy(url: string) {
  const { endpoint, ...rest } = shared;
  Object.assign(shared, { endpoint: url });
  return rest;
}
export async function viaShared() {
  const { endpoint } = shared;
  return fetch(\`\${endpoint}/me\`, { method: "POST", headers: { authorization: \`Bearer \${process.env.LEONARDO_API_KEY}\` } });
}`;
  // shared is changed by Object.assign: its endpoint may be anything at the send.
  assert.deepEqual(hits(code), ['hardcoded-api-key 7c1e4b2a-93d5-4f60-8a2b-5d9e0c3f1a47', 'unknown-endpoint POST', 'out-of-range 25']);
});

test('a wrapper that destructures its options ({ method = "GET", body } = {}) or reads options.method ?? "GET": each call sends what it passes, or the default', () => {
  const code = `const API = "${V1}";
async function leonardoFetch(path: string, { method = "GET", body }: { method?: string; body?: unknown } = {}) {
  const res = await fetch(\`\${API}\${path}\`, {
    method,
    headers: { authorization: \`Bearer \${process.env.LEONARDO_API_KEY}\`, "content-type": "application/json" },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  return res.json();
}
export const status = (id: string) => leonardoFetch(\`/generations/\${id}\`);
export const me = () => leonardoFetch("/me", { method: "POST" });
export const run = () => leonardoFetch("/generations", { method: "POST", body: { prompt: "x", guidance_scale: 25 } });
async function call(path: string, options: { method?: string; body?: unknown } = {}) {
  const res = await fetch(\`\${API}\${path}\`, {
    method: options.method ?? "GET",
    headers: { authorization: \`Bearer \${process.env.LEONARDO_API_KEY}\` },
    body: options.body ? JSON.stringify(options.body) : undefined,
  });
  return res.json();
}
export const user = () => call("/me");
export const upscale = (id: string) => call("/variations/upscale", { method: "POST", body: { id, upscaleMultiplier: 2 } });`;
  // status sends GET (the default), me POST (not what /me takes), run its body; user GET, upscale a key /variations/upscale does not take.
  assert.deepEqual(hits(code), ['unknown-endpoint POST', 'out-of-range 25', 'unknown-field upscaleMultiplier']);
});

test('one name destructured from a table entry by a computed key holds that key of each entry; two names are never paired across entries', () => {
  const code = `const MODELS = {
  anime: { modelId: "b820ea11-02bf-4652-97ae-9ac0cc00593d", width: 512 },
  sketch: { modelId: "e6166dfd-9623-4a98-83ad-4decc38785b1", width: 1024 },
};
const headers = { "content-type": "application/json", authorization: \`Bearer \${process.env.LEONARDO_API_KEY}\` };
export async function generate(prompt: string, style: keyof typeof MODELS) {
  const { modelId } = MODELS[style];
  return fetch("${V1}/generations", { method: "POST", headers, body: JSON.stringify({ prompt, modelId, width: 512, height: 512, sd_version: "v2" }) });
}
export async function sized(prompt: string, style: keyof typeof MODELS) {
  const { modelId, width } = MODELS[style];
  return fetch("${V1}/generations", { method: "POST", headers, body: JSON.stringify({ prompt, modelId, width, height: 1540 }) });
}`;
  // generate sends a modelId from every entry: sd_version does nothing. sized reads two names apart:
  // neither is known (the height, a literal, is still judged).
  assert.deepEqual(hits(code), ['ineffective-option sd_version', 'invalid-dimensions 1540']);
});

test('keys written together in one arm into an object made before it are judged together, once per arm', () => {
  const code = `const headers = { authorization: \`Bearer \${process.env.LEONARDO_API_KEY}\`, "content-type": "application/json" };
export async function gen(prompt: string, photoreal: boolean) {
  const payload: Record<string, unknown> = { prompt, alchemy: true };
  if (photoreal) {
    payload.photoReal = true;
    payload.modelId = "aa77f04e-3eec-4034-9c07-d0f619684628";
  }
  return fetch("${V1}/generations", { method: "POST", headers, body: JSON.stringify(payload) });
}
export async function batch(prompt: string, big: boolean) {
  const payload: Record<string, unknown> = { prompt, width: 512, height: 512, num_images: 8 };
  if (big) {
    payload.width = 1024;
    payload.height = 1024;
    payload.num_images = 4;
  }
  return fetch("${V1}/generations", { method: "POST", headers, body: JSON.stringify(payload) });
}`;
  // gen: the photoreal arm sends photoReal v1 with a modelId. batch: each arm's count goes with its size
  // (8 at 512, 4 at 1024): neither is too many.
  assert.deepEqual(hits(code), ['option-conflict modelId']);
});

test('an argument passed as undefined (or void 0) takes the parameter\'s default, as JavaScript does', () => {
  const code = `const headers = { "content-type": "application/json", authorization: \`Bearer \${process.env.LEONARDO_API_KEY}\` };
async function generate(prompt: string, style = "Cinematic", count = 6) {
  const res = await fetch("${V1}/generations", {
    method: "POST",
    headers,
    body: JSON.stringify({ prompt, presetStyle: style, num_images: count, width: 1024, height: 1024 }),
  });
  return res.json();
}
async function wrapped(path: string, body?: object, method = "GET") {
  return fetch(\`${V1}\${path}\`, { method, headers, body: body && JSON.stringify(body) });
}
export const fox = () => generate("a red fox", undefined, 2);
export const owl = () => generate("an owl", "CINEMATIC", void 0);
export const me = () => wrapped("/me", undefined, undefined);
export const upscale = (id: string) => wrapped("/variations/upscale", { id }, undefined);`;
  // fox sends the default style (not an enum value), owl the default count (6: more than 4 at 1024);
  // upscale is sent with GET, the wrapper's default, which /variations/upscale does not take.
  assert.deepEqual(hits(code), ['invalid-enum "Cinematic"', 'too-many-images 6', 'unknown-endpoint GET']);
});

test('a promise chain that starts before the request (Promise.resolve(...).then(() => fetch(...))) is followed to its reads', () => {
  const code = `const headers = { authorization: \`Bearer \${process.env.LEONARDO_API_KEY}\`, "content-type": "application/json" };
export function generate(prompt: string) {
  return Promise.resolve(prompt.trim())
    .then((text) => fetch("${V1}/generations", { method: "POST", headers, body: JSON.stringify({ prompt: text }) }))
    .then((res) => res.json())
    .then((data) => data.generationId);
}`;
  assert.deepEqual(hits(code), ['unknown-response-field generationId']);
});

test('bodies built with map and sent by index or with entries() are each element; a known index is not read as any element', () => {
  const code = `const URL = "${V1}/generations";
const headers = { authorization: \`Bearer \${process.env.LEONARDO_API_KEY}\`, "content-type": "application/json" };
export async function batch(prompts: string[]) {
  const requests = prompts.map((p) => ({ prompt: p, presetStyle: "Cinematic", width: 512, height: 512 }));
  for (const [i, request] of requests.entries()) {
    console.log(\`sending \${i + 1}/\${requests.length}\`);
    await fetch(URL, { method: "POST", headers, body: JSON.stringify(request) });
  }
}
export async function sequential(prompts: string[]) {
  const bodies = prompts.map((prompt) => ({ prompt, num_images: 9 }));
  for (let i = 0; i < bodies.length; i++) {
    await fetch(URL, { method: "POST", headers, body: JSON.stringify(bodies[i]) });
  }
}
const SIZES = [{ width: 512, height: 512 }, { width: 1020, height: 1020 }];
export async function first(prompt: string) {
  return fetch(URL, { method: "POST", headers, body: JSON.stringify({ prompt, ...SIZES[0] }) });
}`;
  // SIZES[0] sends 512×512 only: the second entry (not a multiple of 8) is never sent.
  assert.deepEqual(hits(code), ['invalid-enum "Cinematic"', 'too-many-images 9']);
});

test("a static getter read through the class's name (Leo.apiKey, Leo.base) is what it returns", () => {
  const code = `class Leo {
  static get apiKey(): string {
    return process.env.NEXT_PUBLIC_LEONARDO_API_KEY ?? "";
  }
  static get base() {
    return "${V1}";
  }
  static async generate(prompt: string) {
    return fetch(\`\${Leo.base}/generations\`, {
      method: "POST",
      headers: { authorization: \`Bearer \${Leo.apiKey}\`, "content-type": "application/json" },
      body: JSON.stringify({ prompt, width: 1020, height: 768 }),
    });
  }
}
export default Leo;`;
  assert.deepEqual(hits(code, 'src/lib/leo.ts'), ['client-exposed-api-key process.env.NEXT_PUBLIC_LEONARDO_API_KEY', 'invalid-dimensions 1020']);
});

test("a helper's return is read with each call's own arguments: two calls, two bodies", () => {
  const code = `const headers = { authorization: \`Bearer \${process.env.LEONARDO_API_KEY}\`, "content-type": "application/json" };
function bodyFor(prompt: string, width: number, style = "DYNAMIC") {
  return { prompt, width, height: 768, presetStyle: style };
}
export async function both(prompt: string) {
  await fetch("${V1}/generations", { method: "POST", headers, body: JSON.stringify(bodyFor(prompt, 1024)) });
  await fetch("${V1}/generations", { method: "POST", headers, body: JSON.stringify(bodyFor(prompt, 1020, "Vibrant")) });
}`;
  // The first call sends 1024 and the default style; the second 1020 (no multiple of 8) and "Vibrant".
  assert.deepEqual(hits(code), ['invalid-dimensions 1020', 'invalid-enum "Vibrant"']);
});

test('a helper that writes into the object it is passed does not send only what the call passed', () => {
  const code = `const headers = { authorization: \`Bearer \${process.env.LEONARDO_API_KEY}\`, "content-type": "application/json" };
function withPrompt(body: Record<string, unknown>) {
  body.prompt = "a castle at dusk";
  return body;
}
export async function go() {
  return fetch("${V1}/generations", { method: "POST", headers, body: JSON.stringify(withPrompt({ width: 512, height: 512 })) });
}`;
  // The call passes no prompt, but the helper adds one: nothing is missing.
  assert.deepEqual(hits(code), []);
  // The same for a request made once per call of the function that sends it.
  const perCall = `const headers = { authorization: \`Bearer \${process.env.LEONARDO_API_KEY}\`, "content-type": "application/json" };
async function send(body: Record<string, unknown>, style: string) {
  body.prompt = "a castle at dusk";
  return fetch("${V1}/generations", { method: "POST", headers, body: JSON.stringify({ ...body, presetStyle: style }) });
}
export const a = () => send({ width: 512, height: 512 }, "CINEMATIC");
export const b = () => send({ width: 768, height: 512 }, "Dynamic");`;
  assert.deepEqual(hits(perCall), ['invalid-enum "Dynamic"']);
});

test('a URL helper that takes the slashes off the path (path.replace(/^\\//, "")) keeps the path known', () => {
  const code = `const API_ROOT = "${V1}/";
const headers = { authorization: \`Bearer \${process.env.LEONARDO_API_KEY}\`, "content-type": "application/json" };
function leonardoUrl(path: string): string {
  return \`\${API_ROOT.replace(/\\/+$/, "")}/\${path.replace(/^\\//, "")}\`;
}
export async function getGeneration(id: string) {
  return (await fetch(leonardoUrl(\`generation/\${id}\`), { headers })).json();
}
export async function generate(prompt: string) {
  return fetch(leonardoUrl("/generations"), { method: "POST", headers, body: JSON.stringify({ prompt, num_images: 12 }) });
}
export async function other(path: string) {
  return fetch(leonardoUrl(path.replace(/-/g, "")), { headers });
}`;
  // (other's path is one the call cannot know: not judged.)
  assert.deepEqual(hits(code), ['unknown-endpoint leonardoUrl(`generation/${id}`)', 'too-many-images 12']);
});

test('defaults in destructuring, helpers with several returns, deep copies and Array.from bodies are followed', () => {
  const code = `const H = { "content-type": "application/json", authorization: \`Bearer \${process.env.LEONARDO_API_KEY}\` };
const URL = "${V1}/generations";
const DEFAULT_BODY = { width: 1024, height: 768, num_images: 4 };
export async function exported({ prompt, count = 8 }: { prompt: string; count?: number }) {
  await fetch(URL, { method: "POST", headers: H, body: JSON.stringify({ prompt, width: 1024, height: 1024, num_images: count }) });
}
export async function fromOptions(prompt: string, options: { steps?: number }) {
  const { steps = 75 } = options;
  await fetch(URL, { method: "POST", headers: H, body: JSON.stringify({ prompt, num_inference_steps: steps }) });
}
async function called({ prompt, guidance = 25 }: { prompt: string; guidance?: number }) {
  await fetch(URL, { method: "POST", headers: H, body: JSON.stringify({ prompt, guidance_scale: guidance }) });
}
called({ prompt: "a fox", guidance: 7 });
function presetFor(look: string): string {
  switch (look) {
    case "anime": return "ANIME";
    case "closeup": return "CINEMATIC_CLOSE_UP";
    default: return "NONE";
  }
}
export async function styled(prompt: string, look: string) {
  await fetch(URL, { method: "POST", headers: H, body: JSON.stringify({ prompt, presetStyle: presetFor(look) }) });
}
export async function cloned(prompt: string, count?: number) {
  const body: Record<string, unknown> = structuredClone(DEFAULT_BODY);
  body.prompt = prompt;
  body.num_images = count ?? 6;
  await fetch(URL, { method: "POST", headers: H, body: JSON.stringify(body) });
}
export async function copied(prompt: string) {
  const body = { ...JSON.parse(JSON.stringify(DEFAULT_BODY)), prompt, height: 770 };
  await fetch(URL, { method: "POST", headers: H, body: JSON.stringify(body) });
}
export async function runs(prompt: string, n: number) {
  const bodies = Array.from({ length: n }, (_, i) => ({ prompt, seed: i, scheduler: "EULER" }));
  for (const body of bodies) await fetch(URL, { method: "POST", headers: H, body: JSON.stringify(body) });
}`;
  // called's one call passes guidance 7: its default 25 is never sent.
  assert.deepEqual(hits(code), [
    'too-many-images 8',
    'out-of-range 75',
    'invalid-enum "CINEMATIC_CLOSE_UP"',
    'too-many-images 6',
    'invalid-dimensions 770',
    'invalid-enum "EULER"',
  ]);
});

test('a wrapper that writes the body only for some methods (if (body && (method === "POST" || method === "PUT"))) sends each call\'s body', () => {
  const code = `const BASE = "${V1}";
async function makeRequest(endpoint: string, method = "GET", body?: Record<string, unknown>) {
  const config: RequestInit = { method, headers: { Authorization: \`Bearer \${process.env.LEONARDO_API_KEY}\`, "Content-Type": "application/json" } };
  if (body && (method === "POST" || method === "PUT")) {
    config.body = JSON.stringify(body);
  }
  const response = await fetch(\`\${BASE}\${endpoint}\`, config);
  return response.json();
}
export const me = () => makeRequest("/me");
export const dataset = (name: string) => makeRequest("/datasets", "POST", { name, images: [] });
export const model = (datasetId: string) => makeRequest("/models", "POST", { name: "m", datasetId, instance_prompt: "x", sd_Version: "v2" });`;
  assert.deepEqual(hits(code), ['unknown-field images', 'unknown-field sd_Version']);
});

test('a wrapper that writes the body under a test that it is there (!== undefined, != null, typeof) or of the method alone sends each call\'s body; under a test of something else it is not known', () => {
  const code = `const BASE = "${V1}";
const headers = { authorization: \`Bearer \${process.env.LEONARDO_API_KEY}\`, "content-type": "application/json" };
async function request(endpoint: string, method: string, body?: unknown) {
  const init: RequestInit = { method, headers };
  if (body !== undefined) init.body = JSON.stringify(body);
  return (await fetch(\`\${BASE}\${endpoint}\`, init)).json();
}
async function send(endpoint: string, method: string, body?: unknown) {
  const init: RequestInit = { method, headers };
  if (method !== "GET") {
    init.body = JSON.stringify(body);
  }
  return (await fetch(\`\${BASE}\${endpoint}\`, init)).json();
}
async function post(endpoint: string, body?: unknown) {
  const init: RequestInit = { method: "POST", headers };
  if (body != null && typeof body !== "undefined") init.body = JSON.stringify(body);
  return (await fetch(\`\${BASE}\${endpoint}\`, init)).json();
}
async function maybe(endpoint: string, body: unknown, ready: boolean) {
  const init: RequestInit = { method: "POST", headers };
  if (ready) init.body = JSON.stringify(body);
  return (await fetch(\`\${BASE}\${endpoint}\`, init)).json();
}
export const a = (prompt: string) => request("/generations", "POST", { prompt, guidance_scale: 25 });
export const b = (prompt: string) => send("/generations", "POST", { prompt, width: 1004 });
export const c = (prompt: string) => post("/generations", { prompt, num_images: 12 });
export const d = (prompt: string) => maybe("/generations", { prompt, scheduler: "EULER" }, prompt.length > 3);`;
  // maybe() writes the body under a test of another value: whether it is sent is not known.
  assert.deepEqual(hits(code), ['out-of-range 25', 'invalid-dimensions 1004', 'too-many-images 12']);
});

test('a constant object read under another name (const cfg = config, const leo = config.leonardo) is that object; not where code writes through the other name', () => {
  const code = `export const config = { baseUrl: "${V1}", leonardo: { base: "${V1}", model: "de7d3faf-762f-48e0-b3b7-9d0ac3a3fcf3" } };
const cfg = config;
const leo = config.leonardo;
const other = { base: "${V1}" };
const mutable = other;
mutable.base = process.env.LEONARDO_BASE ?? "";
const headers = { authorization: \`Bearer \${process.env.LEONARDO_API_KEY}\`, "content-type": "application/json" };
export const a = (prompt: string) => fetch(\`\${cfg.baseUrl}/generations\`, { method: "POST", headers, body: JSON.stringify({ prompt, guidance_scale: 25 }) });
export const b = () => fetch(\`\${leo.base}/generation\`, { headers });
export const c = (prompt: string) => fetch(\`\${config.leonardo.base}/generations\`, { method: "POST", headers, body: JSON.stringify({ prompt, modelId: leo.model, width: 1004 }) });
export const d = () => fetch(\`\${other.base}/generation\`, { headers });
export const e = () => fetch(\`\${mutable.base}/generation\`, { headers });`;
  // other.base is written through its other name, mutable: neither URL is known.
  assert.deepEqual(hits(code), ['out-of-range 25', 'unknown-endpoint /generation', 'invalid-dimensions 1004']);
});

test('a parameter read as a field is each call\'s value, one request per call: of the function that sends, or of one that calls a wrapper; with a call that passes something unknown, that request is not judged', () => {
  const code = `const headers = { authorization: \`Bearer \${process.env.LEONARDO_API_KEY}\`, "content-type": "application/json" };
async function generate(steps: number) {
  return fetch("${V1}/generations", { method: "POST", headers, body: JSON.stringify({ prompt: "x", num_inference_steps: steps }) });
}
export const hd = () => generate(80);
export const preview = () => generate(15);
async function post(path: string, body: Record<string, unknown>) {
  return fetch(\`${V1}\${path}\`, { method: "POST", headers, body: JSON.stringify(body) });
}
async function render(prompt: string, scale: number) {
  return post("/generations", { prompt, guidance_scale: scale, width: scale * 64 });
}
render("a cat", 25);
render("a dog", 7);
export const custom = (n: number) => render("x", n);`;
  // generate(15) and render("a dog", 7) are right; custom passes what cannot be known.
  assert.deepEqual(hits(code), ['out-of-range 80', 'out-of-range 25']);
});

test('a wrapper that builds its URL around its own path parameter and hands it to another wrapper (get(path) -> fetchWithTimeout(`${base}${path}`) -> fetch) is followed to each call', () => {
  const code = `export class LeonardoProvider {
  private baseUrl = "https://cloud.leonardo.ai/api/rest";
  constructor(private apiKey: string) {}
  private async fetchWithTimeout(url: string, options: RequestInit = {}): Promise<Response> {
    return fetch(url, { ...options });
  }
  private async get(path: string) {
    return this.fetchWithTimeout(\`\${this.baseUrl}\${path}\`, { headers: { authorization: \`Bearer \${this.apiKey}\` } });
  }
  async status(generationId: string) {
    const res = await this.get(\`/v1/generations/\${generationId}\`);
    const job = (await res.json()).generations_by_pk;
    if (job.status === "CANCELED") throw new Error("canceled");
    return job;
  }
  async me() {
    return (await this.get("/v1/user")).json();
  }
}`;
  assert.deepEqual(hits(code), ['invalid-enum "CANCELED"', 'unknown-endpoint /user']);
});

test('a falsy fallback ("") the code leaves on before the send (if (!model) return) is never sent; one a null test lets through is', () => {
  const code = `async function submit(model: string, prompt: string) {
  return fetch("https://cloud.leonardo.ai/api/rest/v2/generations", {
    method: "POST",
    headers: { authorization: \`Bearer \${process.env.LEONARDO_API_KEY}\`, "content-type": "application/json" },
    body: JSON.stringify({ model, parameters: { prompt, quantity: 1 }, public: false }),
  });
}
export async function POST(req: Request) {
  const body = await req.json();
  const model = typeof body.model === "string" ? body.model : "";
  if (!model) return new Response("model is required", { status: 400 });
  return submit(model, body.prompt);
}
export async function PUT(req: Request) {
  const body = await req.json();
  const model = typeof body.model === "string" ? body.model : "";
  if (model == null) return new Response("model is required", { status: 400 });
  return submit(model, body.prompt);
}`;
  // PUT's test lets "" through: it is sent.
  assert.deepEqual(hits(code), ['invalid-enum ""']);
});

test('a builder: new B().build() and a chain of setters that return this (new B(1250).size().build()) reach the class, the setters run in order', () => {
  const code = `const BASE = "${V1}";
const headers = { authorization: \`Bearer \${process.env.LEONARDO_API_KEY}\`, "content-type": "application/json" };
class Preset {
  private body = { prompt: "x", width: 1250, height: 512 };
  build() { return this.body; }
}
class Sized {
  private body: Record<string, unknown>;
  constructor(steps: number) { this.body = { prompt: "x", num_inference_steps: steps }; }
  quiet() { console.log("quiet"); return this; }
  build() { return { ...this.body }; }
}
class Builder {
  private body: Record<string, unknown> = { scheduler: "EULER_ANCESTRAL" };
  prompt(text: string) { this.body.prompt = text; return this; }
  size(side: number) { Object.assign(this.body, { width: side, height: side }); return this; }
  build() { return { ...this.body }; }
}
export async function go() {
  await fetch(\`\${BASE}/generations\`, { method: "POST", headers, body: JSON.stringify(new Preset().build()) });
  await fetch(\`\${BASE}/generations\`, { method: "POST", headers, body: JSON.stringify(new Sized(80).quiet().build()) });
  await fetch(\`\${BASE}/generations\`, { method: "POST", headers, body: JSON.stringify(new Builder().prompt("a cat").size(1000).build()) });
  await fetch(\`\${BASE}/generations\`, { method: "POST", headers, body: JSON.stringify(new Builder().prompt("a cat").size(1020).build()) });
}`;
  // Builder's setters write the prompt and the size into its body, beside the field's scheduler: no missing prompt, the scheduler judged.
  assert.deepEqual(hits(code), ['invalid-dimensions 1250', 'invalid-enum "EULER_ANCESTRAL"', 'out-of-range 80', 'invalid-dimensions 1020', 'invalid-dimensions 1020']);
});

test('builders: each setter of a fluent chain writes into the instance with its own arguments, also through a constant, a toJSON() and a send inside the class', () => {
  const code = `import axios from "axios";
const BASE = "${V1}";
const V2 = "https://cloud.leonardo.ai/api/rest/v2/generations";
const headers = { authorization: \`Bearer \${process.env.LEONARDO_API_KEY}\`, "content-type": "application/json" };
export class GenerationBuilder {
  private body: Record<string, unknown> = {};
  prompt(text: string) { this.body.prompt = text; return this; }
  model(id: string) { this.body.modelId = id; return this; }
  size(width: number, height: number) {
    if (width <= 0 || height <= 0) throw new Error("size must be positive");
    this.body.width = width;
    this.body.height = height;
    return this;
  }
  count(n: number) { this.body.num_images = n; return this; }
  build() { return this.body; }
}
export class PosterRequest {
  prompt: string;
  width: number;
  numImages: number;
  constructor(prompt: string) {
    this.prompt = prompt;
    this.width = 1024;
    this.numImages = 1;
  }
  setCount(n: number): this { this.numImages = n; return this; }
  toJSON() { return { prompt: this.prompt, width: this.width, height: 1024, num_images: this.numImages }; }
}
export class V2Request {
  private payload: { model: string; parameters: Record<string, unknown>; public: boolean };
  constructor(model: string) { this.payload = { model, parameters: {}, public: false }; }
  prompt(text: string) { this.payload.parameters.prompt = text; return this; }
  enhance(value: unknown) { this.payload.parameters.prompt_enhance = value; return this; }
  async send() {
    const res = await fetch(V2, { method: "POST", headers, body: JSON.stringify(this.payload) });
    return (await res.json()).generate.generationId as string;
  }
}
export async function banner(prompt: string) {
  const body = new GenerationBuilder().prompt(prompt).model("aa77f04e-3eec-4034-9c07-d0f619684628").size(1020, 576).count(2).build();
  return fetch(\`\${BASE}/generations\`, { method: "POST", headers, body: JSON.stringify(body) });
}
export async function posters(prompt: string) {
  const request = new PosterRequest(prompt).setCount(6);
  return axios.post(\`\${BASE}/generations\`, request.toJSON(), { headers });
}
export const cover = (prompt: string) => new V2Request("gpt-image-1.5").prompt(prompt).enhance(true).send();`;
  assert.deepEqual(hits(code), ['invalid-dimensions 1020', 'too-many-images 6', 'type-mismatch true']);
});

test('builders: a chain the model cannot run is not judged (a setter that branches, reads the instance, a mutating use of the constant, a subclass)', () => {
  const code = `const BASE = "${V1}";
const headers = { authorization: \`Bearer \${process.env.LEONARDO_API_KEY}\`, "content-type": "application/json" };
class Branchy {
  private body: Record<string, unknown> = { prompt: "x", width: 1250 };
  hd(on: boolean) { if (on) { this.body.width = 1024; } return this; }
  build() { return this.body; }
}
class Reader {
  private body: Record<string, unknown> = { prompt: "x", width: 1024 };
  square() { this.body.height = this.body.width; return this; }
  wide() { this.body.width = 1250; return this; }
  build() { return this.body; }
}
class Counter {
  private n = 1;
  twice() { this.n = 2; return this; }
  set(n: number) { this.n = n; }
  build() { return { prompt: "x", width: 1024, height: 1024, num_images: this.n }; }
}
class Base { protected body: Record<string, unknown> = {}; }
class Derived extends Base {
  wide() { this.body.width = 1250; return this; }
  build() { return { prompt: "x", ...this.body }; }
}
export async function go(on: boolean) {
  await fetch(\`\${BASE}/generations\`, { method: "POST", headers, body: JSON.stringify(new Branchy().hd(on).build()) });
  await fetch(\`\${BASE}/generations\`, { method: "POST", headers, body: JSON.stringify(new Reader().square().build()) });
  const counter = new Counter().twice();
  counter.set(6);
  await fetch(\`\${BASE}/generations\`, { method: "POST", headers, body: JSON.stringify(counter.build()) });
  await fetch(\`\${BASE}/generations\`, { method: "POST", headers, body: JSON.stringify(new Derived().wide().build()) });
}`;
  assert.deepEqual(hits(code), []);
});

test('a member read by a quoted name (SIZES["wide"], this.presets["hd"]) is that member, as SIZES.wide is; one the code writes is not known', () => {
  const code = `const BASE = "${V1}";
const headers = { authorization: \`Bearer \${process.env.LEONARDO_API_KEY}\`, "content-type": "application/json" };
const SIZES = { wide: 1020, tall: 1536 };
const EDITED = { wide: 1020 };
EDITED["wide"] = 1024;
class Presets {
  private presets = { hd: { width: 1024, height: 1000 + 4 } };
  send(prompt: string) {
    return fetch(\`\${BASE}/generations\`, { method: "POST", headers, body: JSON.stringify({ prompt, width: this.presets["hd"].width, height: this.presets["hd"]["height"] }) });
  }
}
export const go = (prompt: string) =>
  fetch(\`\${BASE}/generations\`, { method: "POST", headers, body: JSON.stringify({ prompt, width: SIZES["wide"], height: SIZES['tall'], num_images: EDITED["wide"] === 1024 ? 1 : 2 }) });
export const edited = (prompt: string) =>
  fetch(\`\${BASE}/generations\`, { method: "POST", headers, body: JSON.stringify({ prompt, width: EDITED["wide"], height: 1024 }) });`;
  assert.deepEqual(hits(code), ['invalid-dimensions 1020']);
});

test('a list of objects or tuples taken apart in a loop or a map callback: one request per element, each name at its own element', () => {
  const code = `const URL = "${V1}/generations";
const headers = { authorization: \`Bearer \${process.env.LEONARDO_API_KEY}\`, "content-type": "application/json" };
const FORMATS = [{ width: 1024, height: 1024 }, { width: 1366, height: 768 }];
const SIZES: Array<[string, number, number]> = [["square", 1024, 1024], ["banner", 1536, 644]];
const OTHERS = [{ width: 1024, height: 1024 }, { width: 1020, height: 768 }];
const PAIRED = [{ side: 1536, count: 1 }, { side: 512, count: 4 }];
export const byMap = (prompt: string) => Promise.all(FORMATS.map(async ({ width, height }) => fetch(URL, { method: "POST", headers, body: JSON.stringify({ prompt, width, height }) })));
export async function byLoop(prompt: string) {
  for (const [name, width, height] of SIZES) await fetch(URL, { method: "POST", headers, body: JSON.stringify({ prompt: \`\${prompt} \${name}\`, width, height }) });
  for (const f of OTHERS) await fetch(URL, { method: "POST", headers, body: JSON.stringify({ prompt, width: f.width, height: f.height }) });
}
export const paired = (prompt: string) => PAIRED.map((p) => fetch(URL, { method: "POST", headers, body: JSON.stringify({ prompt, width: p.side, height: p.side, num_images: p.count }) }));`;
  // 1366, 644 and 1020 are not multiples of 8; PAIRED asks for 4 images only at 512, never at 1536.
  assert.deepEqual(hits(code), ['invalid-dimensions 1366', 'invalid-dimensions 644', 'invalid-dimensions 1020']);
});

test('a same-file function that only writes into the object it is handed (setSize(body, 1250)) adds those keys in its place; one that does more leaves the object open', () => {
  const code = `const BASE = "${V1}";
const headers = { authorization: \`Bearer \${process.env.LEONARDO_API_KEY}\`, "content-type": "application/json" };
function setSize(body: Record<string, unknown>, side: number) {
  body.width = side;
  body.height = side;
}
function withModel(body: Record<string, unknown>) {
  body.modelId = "b24e16ff-06e3-43eb-8d33-4416c2d75876";
  return body;
}
function maybeLarge(body: Record<string, unknown>, large: boolean) {
  if (large) body.width = 1250;
}
function tune(body: Record<string, unknown>, extra: Record<string, unknown>) {
  Object.assign(body, { scheduler: "EULER" });
  Object.assign(body, extra);
}
export async function tuned(prompt: string, extra: Record<string, unknown>) {
  const body: Record<string, unknown> = { prompt, width: 512, height: 512 };
  tune(body, extra);
  return fetch(\`\${BASE}/generations\`, { method: "POST", headers, body: JSON.stringify(body) });
}
export async function thumbnail(prompt: string) {
  const body: Record<string, unknown> = { prompt, num_images: 1 };
  withModel(body);
  setSize(body, 1250);
  return fetch(\`\${BASE}/generations\`, { method: "POST", headers, body: JSON.stringify(body) });
}
export async function resized(prompt: string) {
  const body: Record<string, unknown> = { prompt, width: 1250, height: 1024 };
  setSize(body, 1024);
  return fetch(\`\${BASE}/generations\`, { method: "POST", headers, body: JSON.stringify(body) });
}
export async function unsure(prompt: string, large: boolean) {
  const body: Record<string, unknown> = { prompt, height: 1024 };
  maybeLarge(body, large);
  return fetch(\`\${BASE}/generations\`, { method: "POST", headers, body: JSON.stringify(body) });
}`;
  // thumbnail: 1250 for both sides; resized: setSize replaces the literal's 1250; unsure: maybeLarge may add anything;
  // tuned: Object.assign's literal keys are known, its other source's are not (no key is missing for that, none is judged wrongly).
  assert.deepEqual(hits(code), ['invalid-enum "EULER"', 'invalid-dimensions 1250', 'invalid-dimensions 1250']);
});

test('an axios instance a same-file factory returns, and one handed to a helper as a parameter, are that instance; a parameter some call fills with something else is not', () => {
  const code = `import axios from "axios";
function createClient() {
  return axios.create({ baseURL: "${V1}", headers: { Authorization: \`Bearer \${process.env.LEONARDO_API_KEY}\` } });
}
export async function generate(prompt: string) {
  const client = createClient();
  return (await client.post("/generations", { prompt, scheduler: "DPMSolverMultistep" })).data;
}
async function poll(api: ReturnType<typeof createClient>, id: string) {
  const res = await api.get(\`/generations/\${id}\`);
  return res.data.generations_by_pk.generated_imagez;
}
async function post(api: any, prompt: string) {
  return api.post("/generations", { prompt, num_images: 12 });
}
export async function run(id: string) {
  const client = createClient();
  await post(client, "x");
  await post({ post: async () => ({}) }, "y");
  return poll(client, id);
}`;
  // post() is also handed an object of its own: its api is not known to be the client.
  assert.deepEqual(hits(code), ['invalid-enum "DPMSolverMultistep"', 'unknown-response-field generated_imagez']);
});

test('a wrapper that sends a full URL as it is and joins anything else to its base (path.startsWith("http") ? path : BASE + path) is followed to each call, either way', () => {
  const code = `const BASE = "https://cloud.leonardo.ai";
async function apiFetch(endpoint: string, options: RequestInit = {}) {
  const url = endpoint.startsWith("http") ? endpoint : \`\${BASE}\${endpoint}\`;
  const res = await fetch(url, { ...options, headers: { Authorization: \`Bearer \${process.env.LEONARDO_API_KEY}\`, ...options.headers } });
  return res.json();
}
export const poll = (id: string) => apiFetch(\`/api/rest/v2/generations/\${id}\`);
export const me = () => apiFetch("https://cloud.leonardo.ai/api/rest/v1/user");
export const other = () => apiFetch("https://example.com/api/rest/v1/user");`;
  // other() goes to another host: not a Leonardo request.
  assert.deepEqual(hits(code), ['unknown-endpoint `/api/rest/v2/generations/${id}`', 'unknown-endpoint /user']);
});

test("a base URL from a parameter's default (plain, destructured, or a constructor's parameter property) is the URL a call that passes none sends; not where a call here passes another", () => {
  const code = `export function me(key: string, base = "${V1}") {
  return fetch(\`\${base}/generation\`, { headers: { authorization: \`Bearer \${key}\` } });
}
export function gen(key: string, { base = "${V1}" }: { base?: string } = {}) {
  return fetch(\`\${base}/generations\`, { method: "POST", headers: { authorization: \`Bearer \${key}\` }, body: JSON.stringify({ prompt: "x", num_images: 12 }) });
}
export class Leonardo {
  private baseUrl: string;
  constructor(private apiKey: string, { baseUrl = "${V1}" } = {}) {
    this.baseUrl = baseUrl;
  }
  me() {
    return fetch(\`\${this.baseUrl}/me\`, { headers: { Authorization: this.apiKey } });
  }
}
export class Client {
  constructor(private readonly key: string, private readonly base = "${V1}") {}
  upscale(id: string) {
    return fetch(\`\${this.base}/variations/upscale\`, { method: "POST", headers: { authorization: \`Bearer \${this.key}\` }, body: JSON.stringify({ id, upscaleMultiplier: 2 }) });
  }
}
export function other(key: string, base = "${V1}") {
  return fetch(\`\${base}/generation\`, { headers: { authorization: \`Bearer \${key}\` } });
}
other("k", "https://api.example.com/v1");`;
  // other is called here with another host: its default is not taken to be the URL.
  assert.deepEqual(hits(code), ['unknown-endpoint /generation', 'too-many-images 12', 'auth-header this.apiKey', 'unknown-field upscaleMultiplier']);
});
