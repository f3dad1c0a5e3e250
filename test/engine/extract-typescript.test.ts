// The TS/JS extractor: which fetch calls are Leonardo requests, how their URLs resolve, and the
// guarantees around the parse (prefilter, one parse, exact offsets, deep nesting).

import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { test } from 'node:test';
import type ts from 'typescript';
import { getCatalogue } from '../../server/src/api/catalogue.js';
import { extractFromTypeScript, isTsParsed } from '../../server/src/engine/extract/typescript.js';
import { NestedTooDeeply } from '../../server/src/engine/extract/nesting.js';
import { extract, only, plain, property, text } from './extract-typescript-helpers.js';

const catalogue = getCatalogue();

test('a file that never mentions leonardo is not parsed', () => {
  // The TypeScript the engine imports (the parser-only module scripts/engine-typescript.cjs hands to server/src), spied on.
  const engineTs = createRequire(new URL('../../server/src/engine/analyze.ts', import.meta.url))('typescript') as typeof ts;
  const parse = engineTs.createSourceFile;
  let parses = 0;
  engineTs.createSourceFile = (...args: Parameters<typeof ts.createSourceFile>) => {
    parses++;
    return parse(...args);
  };
  try {
    const code = 'fetch("https://api.openai.com/v1/images/generations", { method: "POST", body: "{}" });\n'.repeat(50);
    for (let i = 0; i < 20; i++) assert.deepEqual(extractFromTypeScript({ text: code, kind: 'typescript', path: 'a.ts' }, catalogue), { requests: [] });
    assert.equal(parses, 0, 'prefiltered files must not be parsed');
    extractFromTypeScript({ text: `${code}// leonardo\n`, kind: 'typescript', path: 'a.ts' }, catalogue);
    assert.equal(parses, 1, 'the spy sees the parse of a file that mentions Leonardo');
  } finally {
    engineTs.createSourceFile = parse;
  }
});

test('the parse is returned for the rules', () => {
  const code = '// leonardo\nconst x = 1;';
  const result = extractFromTypeScript({ text: code, kind: 'typescript', path: 'a.ts' }, catalogue);
  assert.ok(isTsParsed(result.parsed));
  assert.equal(result.parsed.sourceFile.text, code);
  assert.equal(result.parsed.sourceFile.statements.length, 1);
});

test('Next.js route handler: fetch with a template URL built on a base constant', () => {
  const code = `import { NextResponse } from "next/server";

const LEONARDO_API = "https://cloud.leonardo.ai/api/rest/v1";

export async function POST(req: Request) {
  const { prompt } = await req.json();
  const res = await fetch(\`\${LEONARDO_API}/generations\`, {
    method: "POST",
    headers: {
      accept: "application/json",
      "content-type": "application/json",
      authorization: \`Bearer \${process.env.LEONARDO_API_KEY}\`,
    },
    body: JSON.stringify({ prompt, modelId: "b24e16ff-06e3-43eb-8d33-4416c2d75876", width: 1024, height: 768, num_images: 4 }),
  });
  return NextResponse.json(await res.json());
}
`;
  const site = only(code, 'app/api/generate/route.ts');
  assert.equal(site.source, 'fetch');
  assert.equal(site.naming, 'wire');
  assert.equal(site.method, 'POST');
  assert.equal(text(code, site.methodSpan), 'POST');
  assert.equal(site.url?.text, 'https://cloud.leonardo.ai/api/rest/v1/generations');
  assert.equal(site.url?.host, 'cloud.leonardo.ai');
  assert.equal(site.url?.apiVersion, 'v1');
  assert.equal(site.url?.path, '/generations');
  assert.equal(text(code, site.url?.pathSpan), '/generations');
  assert.equal(text(code, site.url?.span), '`${LEONARDO_API}/generations`');
  assert.equal(site.endpoint?.operationId, 'createGeneration');
  assert.ok(text(code, site.span)!.startsWith('fetch(`'));
  assert.deepEqual(plain(site.body), {
    prompt: '?prompt',
    modelId: 'b24e16ff-06e3-43eb-8d33-4416c2d75876',
    width: 1024,
    height: 768,
    num_images: 4,
  });
  assert.deepEqual(site.headers?.properties.map((p) => p.key), ['accept', 'content-type', 'authorization']);
  assert.equal(text(code, property(site.headers, 'content-type').keySpan), '"content-type"');
});

test('fetch without a method is a GET; placeholders stand for the unknown parts of the path', () => {
  const code = `const BASE = 'https://cloud.leonardo.ai/api/rest/v1';
export async function poll(generationId: string) {
  const res = await fetch(\`\${BASE}/generations/\${generationId}?limit=1\`, { headers: { authorization: 'Bearer ' + key } });
  return res.json();
}`;
  const site = only(code);
  assert.equal(site.method, 'GET');
  assert.equal(site.methodSpan, undefined);
  assert.equal(site.url?.text, 'https://cloud.leonardo.ai/api/rest/v1/generations/{generationId}?limit=1');
  assert.equal(site.url?.path, '/generations/{generationId}');
  assert.equal(site.url?.pathSpan, undefined);
  assert.equal(site.endpoint?.operationId, 'getGenerationById');
  assert.equal(site.body, undefined);
});

test('URLs from concatenation, a full-URL constant and new URL(path, base)', () => {
  const code = `const HOST = "https://cloud.leonardo.ai";
const ENDPOINT = HOST + "/api/rest/v1/init-image";
const ME = new URL("me", "https://cloud.leonardo.ai/api/rest/v1/");
const ABS = new URL("/api/rest/v1/generations-lcm", HOST);
fetch(ENDPOINT, { method: "post", body: JSON.stringify({ extension: "png" }) });
fetch(ME);
fetch(ABS.toString(), { method: "POST", body: JSON.stringify({ prompt: "x" }) });
`;
  const [upload, me, lcm] = extract(code);
  assert.equal(upload?.url?.path, '/init-image');
  assert.equal(upload?.method, 'POST');
  assert.equal(text(code, upload?.methodSpan), 'post');
  assert.equal(text(code, upload?.url?.pathSpan), '/init-image');
  assert.equal(upload?.endpoint?.operationId, 'uploadInitImage');
  assert.equal(me?.url?.path, '/me');
  // The slash comes from the base, the name from the literal: no single piece to edit.
  assert.equal(me?.url?.pathSpan, undefined);
  assert.equal(me?.endpoint?.operationId, 'getUserSelf');
  assert.equal(lcm?.url?.path, '/generations-lcm');
  assert.equal(lcm?.endpoint?.operationId, 'createLCMGeneration');
});

test('the base URL from an environment variable with a literal fallback', () => {
  const code = `const base = process.env.LEONARDO_BASE_URL ?? "https://cloud.leonardo.ai/api/rest/v1";
await fetch(\`\${base}/generations\`, { method: "POST", body: JSON.stringify({ prompt: "fox" }) });`;
  assert.equal(only(code).endpoint?.operationId, 'createGeneration');
});

test('every Leonardo URL is a request, also when the endpoint does not exist or the host is wrong', () => {
  const code = `const B = "https://cloud.leonardo.ai/api/rest/v1";
fetch(B + "/generation", { method: "POST", body: JSON.stringify({ prompt: "x" }) });
fetch("https://api.leonardo.ai/api/rest/v1/generations", { method: "POST", body: JSON.stringify({ prompt: "x" }) });
fetch(B + "/generations", { method: "PUT", body: "{}" });`;
  const [typo, host, method] = extract(code);
  assert.equal(typo?.url?.path, '/generation');
  assert.equal(text(code, typo?.url?.pathSpan), '/generation');
  assert.equal(typo?.endpoint, undefined);
  assert.deepEqual(plain(typo?.body), { prompt: 'x' });
  assert.equal(host?.url?.host, 'api.leonardo.ai');
  assert.equal(host?.url?.path, '/generations');
  assert.equal(host?.endpoint, undefined, 'a wrong host has no endpoint, as in curl and .http files');
  assert.equal(method?.method, 'PUT');
  assert.equal(method?.endpoint, undefined);
});

test('a Leonardo URL with the wrong base is a request with its path, for unknown-endpoint to report', () => {
  const code = `await fetch("https://api.leonardo.ai/v1/generations", { method: "POST", body: JSON.stringify({ prompt: "x" }) });
await axios.post("https://cloud.leonardo.ai/generations", { prompt: "x" });`;
  const [api, cloud] = extract(code);
  assert.equal(api?.url?.host, 'api.leonardo.ai');
  assert.equal(api?.url?.path, '/generations');
  assert.equal(text(code, api?.url?.pathSpan), '/generations');
  assert.equal(api?.endpoint, undefined);
  assert.equal(cloud?.url?.host, 'cloud.leonardo.ai');
  assert.equal(cloud?.url?.path, '/generations');
  assert.equal(cloud?.endpoint, undefined);
});

test('v2 requests are found and marked v2, without a v1 endpoint', () => {
  const code = `await fetch("https://cloud.leonardo.ai/api/rest/v2/generations", {
  method: "POST",
  body: JSON.stringify({ model: "gemini-2.5-flash-image", parameters: { prompt: "x", quantity: 1 }, public: false }),
});`;
  const site = only(code);
  assert.equal(site.url?.apiVersion, 'v2');
  assert.equal(site.url?.path, '/generations');
  assert.equal(site.endpoint, undefined);
  assert.deepEqual(plain(site.body), { model: 'gemini-2.5-flash-image', parameters: { prompt: 'x', quantity: 1 }, public: false });
});

test('other providers get nothing, even with the same body in a file that mentions Leonardo', () => {
  const code = `// Leonardo is our fallback provider
const body = { prompt: "cat", width: "512", num_images: 20 };
await fetch("https://api.openai.com/v1/images/generations", { method: "POST", body: JSON.stringify(body) });
await fetch("https://api.stability.ai/v1/generation/stable-diffusion-xl-1024-v1-0/text-to-image", {
  method: "POST", body: JSON.stringify({ text_prompts: [{ text: "cat" }], width: "512" }),
});
await fetch("https://leonardo.example.com/api/rest/v1/generations", { method: "POST", body: JSON.stringify(body) });
await fetch("https://notleonardo.ai/api/rest/v1/generations", { method: "POST", body: JSON.stringify(body) });
const image = await fetch("https://cdn.leonardo.ai/users/u/generations/g/Default_fox_0.jpg");
await fetch(\`https://cdn.leonardo.ai/users/\${userId}/generations/\${id}/image.png\`);`;
  assert.deepEqual(extract(code), []);
});

test('a URL built from a value that cannot be known gets nothing', () => {
  const code = `// leonardo
export async function send(url: string, path: string) {
  await fetch(url, { method: "POST", body: JSON.stringify({ width: "512" }) });
  await fetch(\`https://\${host}/api/rest/v1/generations\`, { method: "POST", body: JSON.stringify({ width: "512" }) });
  await fetch(getUrl() + "/generations", { method: "POST", body: JSON.stringify({ width: "512" }) });
}`;
  assert.deepEqual(extract(code), []);
});

test('a path that starts or mixes with an unknown part has no path, but the request is still found', () => {
  const code = `const BASE = "https://cloud.leonardo.ai/api/rest/v1";
fetch(\`\${BASE}/\${resource}\`);
fetch(\`\${BASE}/generations\${query}\`);`;
  const [resource, glued] = extract(code);
  assert.equal(resource?.url?.host, 'cloud.leonardo.ai');
  assert.equal(resource?.url?.path, undefined);
  assert.equal(glued?.url?.path, undefined);
});

test('shadowed and reassigned constants are not trusted', () => {
  const code = `let BASE = "https://cloud.leonardo.ai/api/rest/v1";
BASE = mirror();
fetch(BASE + "/generations", { method: "POST", body: JSON.stringify({ prompt: "x" }) });
const API = "https://cloud.leonardo.ai/api/rest/v1";
function other(API: string) {
  return fetch(API + "/generations", { method: "POST", body: JSON.stringify({ prompt: "x" }) });
}`;
  assert.deepEqual(extract(code), []);
});

test('an inner constant of an enclosing scope resolves', () => {
  const code = `export function client() {
  const root = "https://cloud.leonardo.ai/api/rest/v1";
  return {
    me: () => fetch(\`\${root}/me\`, { headers: { authorization: "Bearer " + key } }),
  };
}`;
  assert.equal(only(code).endpoint?.operationId, 'getUserSelf');
});

test('window.fetch, globalThis.fetch and node-fetch are fetch; a local function named fetch is not', () => {
  const code = `import nodeFetch from "node-fetch";
const U = "https://cloud.leonardo.ai/api/rest/v1/me";
window.fetch(U);
globalThis.fetch(U);
nodeFetch(U);
function local() {
  const fetch = (u: string) => u;
  fetch(U);
}`;
  assert.deepEqual(extract(code).map((s) => s.source), ['fetch', 'fetch', 'fetch']);
});

test('offsets stay exact after CRLF, tabs, a BOM and astral characters', () => {
  const code =
    '\uFEFF// 🎨 Leonardo 𝒳\r\n' +
    'const emoji = "🦊🦊";\r\n' +
    '\tawait fetch("https://cloud.leonardo.ai/api/rest/v1/generations", {\r\n' +
    '\t\tmethod: "POST",\r\n' +
    '\t\tbody: JSON.stringify({ prompt: "🐉 dragon", width: "512" }),\r\n' +
    '\t});\r\n';
  const site = only(code);
  assert.equal(text(code, site.url?.pathSpan), '/generations');
  assert.equal(text(code, site.methodSpan), 'POST');
  const prompt = property(site.body, 'prompt');
  assert.equal(text(code, prompt.keySpan), 'prompt');
  assert.equal(text(code, prompt.value.span), '"🐉 dragon"');
  const width = property(site.body, 'width');
  assert.equal(text(code, width.span), 'width: "512"');
  assert.equal(width.value.kind === 'string' && text(code, width.value.inner), '512');
});

test('a URL literal with escapes is resolved but has no path span', () => {
  const code = 'fetch("https://cloud.leonardo.ai/api/rest/v1/\\u0067enerations", { method: "POST", body: "{}" });';
  const site = only(code);
  assert.equal(site.url?.path, '/generations');
  assert.equal(site.url?.pathSpan, undefined);
});

test('script kinds: TSX components, JSX in .js files and plain JavaScript', () => {
  const tsx = `export function Button() {
  const go = () => fetch("https://cloud.leonardo.ai/api/rest/v1/generations", { method: "POST", body: JSON.stringify({ prompt: "x" as string }) });
  return <button onClick={go}>Leonardo</button>;
}`;
  assert.equal(only(tsx, 'Button.tsx').endpoint?.operationId, 'createGeneration');
  const jsx = tsx.replace(' as string', '');
  assert.equal(only(jsx, 'Button.jsx').endpoint?.operationId, 'createGeneration');
  assert.equal(only(jsx, 'button.js').endpoint?.operationId, 'createGeneration');
  const cjs = `const fetch = require("node-fetch");
module.exports = () => fetch("https://cloud.leonardo.ai/api/rest/v1/me");`;
  assert.equal(only(cjs, 'me.cjs').endpoint?.operationId, 'getUserSelf');
});

test('deeply nested code does not overflow the stack', () => {
  const nested = (depth: number) => `// leonardo\nconst x = ${'['.repeat(depth)}${']'.repeat(depth)};\n` + `${'f('.repeat(depth)}${')'.repeat(depth)};`;
  assert.deepEqual(extractFromTypeScript({ text: nested(400), kind: 'typescript', path: 'deep.ts' }, catalogue).requests, []);
  // Deeper than the parser can recurse: a clear NestedTooDeeply (analyze skips the file saying so).
  assert.throws(() => extractFromTypeScript({ text: nested(100_000), kind: 'typescript', path: 'deep.ts' }, catalogue), NestedTooDeeply);
  const body = `${'{ a: '.repeat(300)}1${' }'.repeat(300)}`;
  const code = `fetch("https://cloud.leonardo.ai/api/rest/v1/generations", { method: "POST", body: JSON.stringify(${body}) });`;
  const site = only(code);
  assert.equal(site.endpoint?.operationId, 'createGeneration');
  const long = `// leonardo\nconst u = ${Array.from({ length: 20_000 }, (_, i) => `"s${i}"`).join(' + ')};\nfetch(u);`;
  assert.deepEqual(extract(long), []);
});

test('incomplete code while typing never throws and every span stays inside the text', () => {
  const code = `import axios from "axios";
import { Leonardo } from "@leonardo-ai/sdk";
const BASE = \`https://cloud.leonardo.ai/api/rest/v1\`;
const api = axios.create({ baseURL: BASE, headers: { authorization: "Bearer " + key } });
async function leo(path: string, body: unknown) {
  return fetch(BASE + path, { method: "POST", body: JSON.stringify(body) });
}
export async function run(c: boolean) {
  const body = { prompt: "x", ...(c && { alchemy: true }), ["num_images"]: c ? 2 : 4 };
  body.width = 512;
  await api.post("/generations", body);
  await leo("/init-image", { extension: "png" });
  const xhr = new XMLHttpRequest();
  xhr.open("POST", \`\${BASE}/generations-lcm\`);
  xhr.send(JSON.stringify({ prompt: "y" }));
  await new Leonardo({ bearerAuth: "" }).image.createGeneration({ prompt: "z" });
}`;
  const spans = (value: unknown, out: Array<{ start: number; end: number }>): void => {
    if (!value || typeof value !== 'object') return;
    const record = value as Record<string, unknown>;
    if (typeof record.start === 'number' && typeof record.end === 'number') out.push(record as { start: number; end: number });
    for (const [key, child] of Object.entries(record)) if (key !== 'endpoint') spans(child, out);
  };
  for (let cut = 0; cut <= code.length; cut += 4) {
    const prefix = code.slice(0, cut);
    const found: Array<{ start: number; end: number }> = [];
    spans(extractFromTypeScript({ text: prefix, kind: 'typescript', path: 'typing.ts' }, catalogue).requests, found);
    for (const span of found) assert.ok(span.start >= 0 && span.start <= span.end && span.end <= prefix.length, `cut ${cut}`);
  }
  assert.deepEqual(extract(code).map((s) => s.source), ['fetch', 'axios', 'wrapper', 'xhr', 'sdk']);
});
