// v2 requests (POST /api/rest/v2/generations and /generationssync) are found in every source kind
// v1 is found in, as v2 requests: apiVersion v2, the v2 endpoint, no v1 endpoint, and the body's
// `model` and `parameters` as Values (constants and ternaries resolved as for v1).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeSnippet, lint, type LintOptions } from '../helpers/lint.js';
import { plain, property } from './extract-typescript-helpers.js';
import type { RequestSite } from '../../server/src/engine/types.js';

const V2 = 'https://cloud.leonardo.ai/api/rest/v2';
const V1 = 'https://cloud.leonardo.ai/api/rest/v1';

function sites(code: string, path: string, options: LintOptions = {}): RequestSite[] {
  return [...analyzeSnippet(code, { ...options, path, rules: [] }).requests];
}

function onlySite(code: string, path: string, options: LintOptions = {}): RequestSite {
  const found = sites(code, path, options);
  assert.equal(found.length, 1, `expected one request in ${path}, got ${found.length}`);
  return found[0];
}

/** The site is a v2 request to `path` with `method`, with no v1 endpoint. */
function assertV2(site: RequestSite, method: string, path: string): void {
  assert.equal(site.url?.apiVersion, 'v2');
  assert.equal(site.url?.path, path);
  assert.equal(site.method, method);
  assert.equal(site.endpoint, undefined, 'a v2 request never resolves to a v1 endpoint');
  assert.equal(site.v2Endpoint?.method, method);
  assert.equal(site.v2Endpoint?.path, path);
}

/** The text a span of the site's body covers in the document. */
function textOf(code: string, site: RequestSite, key: string): string {
  const { value } = property(site.body, key);
  return code.slice(value.span.start, value.span.end);
}

const HEADERS = `{ authorization: \`Bearer \${process.env.LEONARDO_API_KEY}\`, "content-type": "application/json" }`;

test('fetch with a literal URL and JSON.stringify of the body', () => {
  const code = `export async function POST(req: Request) {
  const { prompt } = await req.json();
  const res = await fetch("${V2}/generations", {
    method: "POST",
    headers: ${HEADERS},
    body: JSON.stringify({ model: "gpt-image-1.5", parameters: { prompt, quality: "HIGH", quantity: 2, width: 1024, height: 1536 }, public: false }),
  });
  return Response.json(await res.json());
}
`;
  const site = onlySite(code, 'app/api/generate/route.ts');
  assert.equal(site.source, 'fetch');
  assertV2(site, 'POST', '/generations');
  assert.equal(site.v2Endpoint?.operationId, 'createGeneration');
  assert.deepEqual(plain(site.body), {
    model: 'gpt-image-1.5',
    parameters: { prompt: '?prompt', quality: 'HIGH', quantity: 2, width: 1024, height: 1536 },
    public: false,
  });
  assert.equal(textOf(code, site, 'model'), '"gpt-image-1.5"');
  assert.ok(site.headers, 'the headers are visible to auth rules');
});

test('constants: the base URL in a template literal, the model and the body in same-file constants', () => {
  const code = `const LEONARDO_V2 = "${V2}";
const MODEL = "gemini-image-2";
const STYLE_DYNAMIC = "111dc692-d470-4eec-b791-3475abac4c46";

export async function portrait(prompt: string) {
  const body = { model: MODEL, parameters: { prompt, width: 1024, height: 1024, style_ids: [STYLE_DYNAMIC] }, public: false };
  body.parameters.quantity = 1;
  return fetch(\`\${LEONARDO_V2}/generations\`, { method: "POST", headers: ${HEADERS}, body: JSON.stringify(body) });
}
`;
  const site = onlySite(code, 'portrait.ts');
  assertV2(site, 'POST', '/generations');
  const body = plain(site.body) as { model: unknown; parameters: Record<string, unknown> };
  assert.equal(body.model, 'gemini-image-2');
  assert.deepEqual(body.parameters.style_ids, ['111dc692-d470-4eec-b791-3475abac4c46']);
  assert.equal(body.parameters.width, 1024);
  // The constant's literal is where a finding on `model` would sit.
  const model = property(site.body, 'model').value;
  assert.equal(code.slice(model.span.start, model.span.end), '"gemini-image-2"');
});

test('a model chosen by a ternary of two strings is both; a fallback keeps its literal', () => {
  const code = `export async function animate(prompt: string, fast: boolean, duration?: number) {
  return fetch("${V2}/generations", {
    method: "POST",
    headers: ${HEADERS},
    body: JSON.stringify({
      model: fast ? "kling-3.0" : "veo-3.1-generate-001",
      parameters: { prompt, duration: duration ?? 8 },
    }),
  });
}
`;
  const site = onlySite(code, 'animate.ts');
  assertV2(site, 'POST', '/generations');
  assert.deepEqual(plain(property(site.body, 'model').value), { oneOf: ['kling-3.0', 'veo-3.1-generate-001'] });
  assert.deepEqual(plain(property(site.body, 'parameters').value), { prompt: '?prompt', duration: { oneOf: ['?duration', 8] } });
});

test('what the code adds inside parameters before sending (payload.parameters.x = ...) is part of the body', () => {
  const code = `const axios = require("axios");

module.exports.generate = async function generate(prompt, seed) {
  const payload = { model: "nano-banana-2", public: false, parameters: { width: 1024, height: 1024 } };
  payload.parameters.prompt = prompt;
  payload.parameters["quantity"] = 2;
  if (seed !== undefined) payload.parameters.seed = seed;
  payload.parameters.guidances = { image_reference: [] };
  payload.parameters.guidances.image_reference[0] = { image: { id: process.env.REF_ID, type: "UPLOADED" } };
  const { data } = await axios.post("${V2}/generations", payload, { headers: ${HEADERS} });
  return data.generate.generationId;
};
`;
  const site = onlySite(code, 'generate.js');
  assertV2(site, 'POST', '/generations');
  assert.deepEqual(plain(site.body), {
    model: 'nano-banana-2',
    public: false,
    parameters: { width: 1024, height: 1024, prompt: '?prompt', quantity: 2, seed: '?seed', guidances: { image_reference: [] } },
  });
  const parameters = property(site.body, 'parameters').value;
  assert.equal(parameters.kind, 'object');
  const seed = (parameters).properties.find((p) => p.key === 'seed')!;
  assert.equal(seed.conditional, true);
  assert.equal(seed.assigned, true);
  assert.equal(code.slice(seed.keySpan.start, seed.keySpan.end), 'seed');
});

test('axios: an instance with a v2 baseURL, and axios.post to /generationssync', () => {
  const code = `import axios from "axios";

const leonardo = axios.create({ baseURL: "${V2}", headers: { authorization: \`Bearer \${process.env.LEONARDO_API_KEY}\` } });

export async function generate(prompt: string) {
  const { data } = await leonardo.post("/generations", { model: "flux-pro-2.0", parameters: { prompt, quantity: 1 } });
  return data.generate.generationId;
}

export async function cutout(url: string) {
  const { data } = await axios.post("${V2}/generationssync", {
    model: "remove-bg",
    parameters: { guidances: { image_reference: [{ image: { url, type: "URL" } }] } },
    ephemeral: true,
  }, { headers: { authorization: \`Bearer \${process.env.LEONARDO_API_KEY}\` } });
  return data.results[0].url;
}
`;
  const [generate, cutout, ...rest] = sites(code, 'leonardo.ts');
  assert.equal(rest.length, 0);
  assert.equal(generate.source, 'axios');
  assertV2(generate, 'POST', '/generations');
  assert.deepEqual(plain(generate.body), { model: 'flux-pro-2.0', parameters: { prompt: '?prompt', quantity: 1 } });
  assertV2(cutout, 'POST', '/generationssync');
  assert.equal(cutout.v2Endpoint?.operationId, 'createSyncGeneration');
  assert.equal((plain(cutout.body) as Record<string, unknown>).ephemeral, true);
  assert.equal((plain(cutout.body) as { model: string }).model, 'remove-bg');
});

test('got, ky, ofetch, $fetch and XMLHttpRequest', () => {
  const body = `{ model: "seedream-4.5", parameters: { prompt: "a koi pond", quantity: 2 } }`;
  const cases: Array<[string, string, string]> = [
    ['got', `import got from "got";\nawait got.post("${V2}/generations", { json: ${body}, headers: ${HEADERS} }).json();\n`, 'job.mts'],
    ['ky', `import ky from "ky";\nawait ky.post("${V2}/generations", { json: ${body}, headers: ${HEADERS} }).json();\n`, 'job.ts'],
    ['ofetch', `import { ofetch } from "ofetch";\nawait ofetch("${V2}/generations", { method: "POST", body: ${body}, headers: ${HEADERS} });\n`, 'job.ts'],
    ['ofetch', `export default defineEventHandler(() => $fetch("${V2}/generations", { method: "POST", body: ${body}, headers: ${HEADERS} }));\n`, 'server/api/job.ts'],
    ['xhr', `const xhr = new XMLHttpRequest();\nxhr.open("POST", "${V2}/generations");\nxhr.setRequestHeader("authorization", "Bearer " + key);\nxhr.send(JSON.stringify(${body}));\n`, 'job.js'],
  ];
  for (const [source, code, path] of cases) {
    const site = onlySite(code, path);
    assert.equal(site.source, source, path);
    assertV2(site, 'POST', '/generations');
    assert.deepEqual(plain(site.body), { model: 'seedream-4.5', parameters: { prompt: 'a koi pond', quantity: 2 } }, source);
  }
});

test('a same-file wrapper: the call with a literal path and body is the v2 request', () => {
  const code = `const BASE = "${V2}";

async function leonardo<T>(path: string, body: unknown): Promise<T> {
  const res = await fetch(\`\${BASE}\${path}\`, { method: "POST", headers: ${HEADERS}, body: JSON.stringify(body) });
  if (!res.ok) throw new Error(await res.text());
  return res.json() as Promise<T>;
}

export const hero = () => leonardo("/generations", { model: "lucid-origin", parameters: { prompt: "a misty forest", mode: "ULTRA", width: 1360, height: 768 } });
`;
  const wrapped = sites(code, 'wrapper.ts').filter((s) => s.source === 'wrapper');
  assert.equal(wrapped.length, 1);
  assertV2(wrapped[0], 'POST', '/generations');
  assert.deepEqual(plain(wrapped[0].body), { model: 'lucid-origin', parameters: { prompt: 'a misty forest', mode: 'ULTRA', width: 1360, height: 768 } });
});

test('a client class: the base URL in a class member, the model in a method', () => {
  const code = `export class LeonardoClient {
  private readonly baseUrl = process.env.LEONARDO_API_URL ?? "${V2}";

  constructor(private readonly apiKey: string) {}

  async generateVideo(prompt: string) {
    const res = await fetch(\`\${this.baseUrl}/generations\`, {
      method: "POST",
      headers: { authorization: \`Bearer \${this.apiKey}\`, "content-type": "application/json" },
      body: JSON.stringify({ model: "kling-3.0", parameters: { prompt, duration: 5, width: 1920, height: 1080 } }),
    });
    return (await res.json()).generate.generationId as string;
  }
}
`;
  const site = onlySite(code, 'client.ts');
  assertV2(site, 'POST', '/generations');
  assert.deepEqual(plain(site.body), { model: 'kling-3.0', parameters: { prompt: '?prompt', duration: 5, width: 1920, height: 1080 } });

  // Another class's member of the same name, or a member written twice, says nothing about this one.
  const other = `class Staging { baseUrl = "${V2}"; }
export class Client {
  constructor(private readonly baseUrl: string) {}
  go() { return fetch(\`\${this.baseUrl}/generations\`, { method: "POST", body: JSON.stringify({ model: "x", parameters: {} }) }); }
}
export class Switching {
  url = "${V2}";
  useV1() { this.url = "${V1}"; }
  go() { return fetch(\`\${this.url}/generations\`, { method: "POST", body: "{}" }); }
}
`;
  assert.deepEqual(sites(other, 'clients.ts'), []);
});

test('curl in a shell script and in a Markdown code block', () => {
  const script = `#!/usr/bin/env bash
set -euo pipefail
curl -sS -X POST "${V2}/generations" \\
  -H "authorization: Bearer $LEONARDO_API_KEY" \\
  -H "content-type: application/json" \\
  -d '{"model": "nano-banana-2", "parameters": {"prompt": "a paper boat", "width": 1024, "height": 1024, "quantity": 1}, "public": false}'
`;
  const site = onlySite(script, 'generate.sh');
  assert.equal(site.source, 'curl');
  assertV2(site, 'POST', '/generations');
  assert.deepEqual(plain(site.body), { model: 'nano-banana-2', parameters: { prompt: 'a paper boat', width: 1024, height: 1024, quantity: 1 }, public: false });
  assert.equal(textOf(script, site, 'model'), '"nano-banana-2"');

  const markdown = `# Remove a background

\`\`\`bash
curl -X POST ${V2}/generationssync \\
  -H "authorization: Bearer $LEONARDO_API_KEY" \\
  --json '{"model":"remove-bg","parameters":{"guidances":{"image_reference":[{"image":{"id":"3f1c5c8e-9a8e-4b8e-9a51-2b0f6a1d2c3e","type":"UPLOADED"}}]}},"base64":true}'
\`\`\`
`;
  const md = onlySite(markdown, 'README.md');
  assertV2(md, 'POST', '/generationssync');
  assert.equal((plain(md.body) as { model: string }).model, 'remove-bg');
  assert.equal(textOf(markdown, md, 'base64'), 'true');
});

test('.http files and Postman collections', () => {
  const http = `@key = {{$dotenv LEONARDO_API_KEY}}

### Veo 3.1
POST ${V2}/generations
Authorization: Bearer {{key}}
Content-Type: application/json

{
  "model": "veo-3.1-generate-001",
  "parameters": { "prompt": "a hummingbird in slow motion", "duration": 8, "width": 1920, "height": 1080 }
}
`;
  const site = onlySite(http, 'leonardo.http');
  assert.equal(site.source, 'http-file');
  assertV2(site, 'POST', '/generations');
  assert.deepEqual(plain(property(site.body, 'parameters').value), { prompt: 'a hummingbird in slow motion', duration: 8, width: 1920, height: 1080 });

  const collection = JSON.stringify({
    info: { name: 'Leonardo v2', schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json' },
    item: [
      {
        name: 'Kling 3.0',
        request: {
          method: 'POST',
          header: [{ key: 'Authorization', value: 'Bearer {{apiKey}}' }],
          url: { raw: '{{v2}}/generations'.replace('{{v2}}', V2) },
          body: { mode: 'raw', raw: '{"model": "kling-3.0", "parameters": {"prompt": "waves at night", "duration": 5}}' },
        },
      },
    ],
  }, null, 2);
  const postman = onlySite(collection, 'leonardo.postman_collection.json');
  assert.equal(postman.source, 'postman');
  assertV2(postman, 'POST', '/generations');
  assert.deepEqual(plain(postman.body), { model: 'kling-3.0', parameters: { prompt: 'waves at night', duration: 5 } });
});

test('a *.leonardo.json file with top-level model and parameters is a v2 body', () => {
  const text = `{
  "model": "gpt-image-1.5",
  "parameters": { "prompt": "studio portrait, soft light", "quality": "MEDIUM", "width": 1024, "height": 1536, "quantity": 2 },
  "public": false
}
`;
  const site = onlySite(text, 'requests/portrait.leonardo.json');
  assert.equal(site.source, 'json-file');
  assertV2(site, 'POST', '/generations');
  assert.equal(site.url?.pathSpan, undefined, 'the endpoint is inferred, not written');
  assert.equal(textOf(text, site, 'model'), '"gpt-image-1.5"');

  const sync = onlySite('{"model": "remove-bg", "parameters": {"guidances": {}}, "ephemeral": true}', 'cutout.leonardo.json');
  assertV2(sync, 'POST', '/generationssync');
  const asyncRemoveBg = onlySite('{"model": "remove-bg", "parameters": {"guidances": {}}}', 'cutout.leonardo.json');
  assertV2(asyncRemoveBg, 'POST', '/generations');
});

test('not v2 bodies: other providers’ {model, parameters} outside *.leonardo.json, and v1 bodies', () => {
  assert.deepEqual(sites('{"model": "stabilityai/sdxl", "parameters": {"prompt": "x", "width": 512}}', 'hf-request.json'), []);
  assert.deepEqual(sites('{"model": "gpt-image-1", "prompt": "x", "n": 2, "size": "1024x1024"}', 'openai.json'), []);
  // A named file is v2 only with a `parameters` object; otherwise its keys are judged as before.
  assert.deepEqual(sites('{"model": "gpt-image-1.5", "parameters": "prompt=a river"}', 'river.leonardo.json'), []);
  const v1 = onlySite('{"prompt": "a river", "num_images": 2, "alchemy": true, "public": false}', 'river.leonardo.json');
  assert.equal(v1.url, undefined);
  assert.equal(v1.endpoint?.operationId, 'createGeneration');
});

test('JSONC first-line comments and requestFiles settings name v2 endpoints', () => {
  const text = '// POST /v2/generations\n{"model": "ideogram-v3.0", "parameters": {"prompt": "a poster", "quality": "BALANCED"}}\n';
  const site = onlySite(text, 'poster.jsonc');
  assertV2(site, 'POST', '/generations');
  assert.equal(text.slice(site.methodSpan!.start, site.methodSpan!.end), 'POST');
  assert.equal(text.slice(site.url!.pathSpan!.start, site.url!.pathSpan!.end), '/generations');

  const full = onlySite(`// POST ${V2}/generationssync\n{"model": "remove-bg", "parameters": {"guidances": {}}}`, 'cutout.jsonc');
  assertV2(full, 'POST', '/generationssync');

  const config = {
    requestFiles: {
      'bodies/images/*.json': 'POST /v2/generations',
      'bodies/cutouts/*.json': 'POST /v2/generationssync',
      'bodies/legacy/*.json': 'POST /generations',
      'bodies/api/*.json': 'POST /api/rest/v2/generations',
    },
  };
  const body = '{"model": "flux-pro-2.0", "parameters": {"prompt": "a lighthouse"}}';
  assertV2(onlySite(body, 'bodies/images/lighthouse.json', { config }), 'POST', '/generations');
  assertV2(onlySite(body, 'bodies/cutouts/lighthouse.json', { config }), 'POST', '/generationssync');
  assertV2(onlySite(body, 'bodies/api/lighthouse.json', { config }), 'POST', '/generations');
  const legacy = onlySite('{"prompt": "a lighthouse", "num_images": 2}', 'bodies/legacy/lighthouse.json', { config });
  assert.equal(legacy.url?.apiVersion, 'v1');
  assert.equal(legacy.endpoint?.operationId, 'createGeneration');
  assert.equal(legacy.v2Endpoint, undefined);
});

test('v1 and v2 side by side: each keeps its API; v1 rules judge only the v1 request', () => {
  const code = `const headers = ${HEADERS};

export async function legacy(prompt: string) {
  return fetch("${V1}/generations", {
    method: "POST",
    headers,
    body: JSON.stringify({ prompt, modelId: "de7d3faf-762f-48e0-b3b7-9d0ac3a3fcf3", num_images: 8, width: 1024, height: 1024 }),
  });
}

export async function current(prompt: string) {
  return fetch("${V2}/generations", {
    method: "POST",
    headers,
    body: JSON.stringify({
      model: "gpt-image-1.5",
      parameters: { prompt, quality: "HIGH", quantity: 8, width: 1024, height: 1024 },
      public: false,
    }),
  });
}
`;
  const [v1, v2, ...rest] = sites(code, 'both.ts');
  assert.equal(rest.length, 0);
  assert.equal(v1.url?.apiVersion, 'v1');
  assert.equal(v1.endpoint?.operationId, 'createGeneration');
  assert.equal(v1.v2Endpoint, undefined);
  assertV2(v2, 'POST', '/generations');

  const hits = lint(code, { path: 'both.ts' });
  const inV1 = hits.filter((h) => h.finding.span.start >= v1.span.start && h.finding.span.end <= v1.span.end);
  const inV2 = hits.filter((h) => h.finding.span.start >= v2.span.start && h.finding.span.end <= v2.span.end);
  // num_images 8 at 1024×1024 is too many for v1; quantity 8 is the v2 model's maximum.
  assert.deepEqual(inV1.map((h) => `${h.ruleId} ${h.text}`), ['too-many-images 8']);
  // The v2 body, correct for v2, is wrong under every v1 reading (no top-level prompt, unknown model/parameters).
  assert.deepEqual(inV2.map((h) => `${h.ruleId} ${h.text}: ${h.message}`), []);
});
