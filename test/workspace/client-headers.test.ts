// The key headers of a client another module makes (`lib/leonardo.ts` exports `axios.create({ baseURL,
// headers })`): a request through it is judged by auth-header as if the client were in the caller's
// file. What the client lacks or gets wrong is reported where the caller names the client, with the
// header (or the client) in the finding's related information and no fix (the text is in the other
// module); a client whose headers cannot all be seen keeps the rule silent.

import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { lintProject, ROOT } from './project.js';

const TSCONFIG = `{ "compilerOptions": { "strict": true, "baseUrl": ".", "paths": { "@/*": ["./src/*"] } } }`;

const ROUTE = `import { NextResponse } from "next/server";
import { leonardo } from "@/lib/leonardo";

export async function POST(request: Request) {
  const { prompt } = await request.json();
  const job = await leonardo.post("/generations", { prompt, width: 1024, height: 768, num_images: 2 });
  const me = await leonardo.get("/me", { headers: { "x-request-id": crypto.randomUUID() } });
  return NextResponse.json({ id: job.data.sdGenerationJob.generationId, user: me.data });
}
`;

function lib(options: string, after = ''): string {
  return `import axios from "axios";

export const leonardo = axios.create({
  baseURL: "https://cloud.leonardo.ai/api/rest/v1",
${options}});
${after}`;
}

function authFindings(libText: string, extra: Record<string, string> = {}) {
  const { findings, described } = lintProject({ 'tsconfig.json': TSCONFIG, 'src/lib/leonardo.ts': libText, 'src/app/api/generate/route.ts': ROUTE, ...extra });
  const route = 'src/app/api/generate/route.ts';
  return {
    described: described[route].filter((d) => d.startsWith('auth-header')),
    findings: findings[route].filter((f) => f.ruleId === 'auth-header'),
    lib: described['src/lib/leonardo.ts'],
  };
}

test('a client made without any auth header: each request through it is missing the header, at the caller', () => {
  const { described, findings, lib: own } = authFindings(lib(`  headers: { "Content-Type": "application/json" },\n`));
  assert.deepEqual(described, ['auth-header 6:21 leonardo.post', 'auth-header 7:51 {'], described.join('\n'));
  const [post, get] = findings;
  assert.match(post.message, /sends no 'authorization' header/);
  assert.deepEqual(post.fixes, []);
  assert.equal(post.related?.[0].file, path.join(ROOT, 'src/lib/leonardo.ts'));
  assert.match(post.related[0].message, /'leonardo'/);
  assert.equal(post.related[0].range.start.line, 2);
  // A call with headers of its own: the header can be added there (never preferred), and the client is named.
  assert.equal(get.fixes.length, 1);
  assert.equal(get.fixes[0].preferred, false);
  assert.equal(get.related?.[0].file, path.join(ROOT, 'src/lib/leonardo.ts'));
  // The client's own module makes no request: nothing there.
  assert.deepEqual(own, []);
});

test('a client with no options object at all is missing the header too', () => {
  const { described } = authFindings(`import axios from "axios";\nexport const leonardo = axios.create({ baseURL: "https://cloud.leonardo.ai/api/rest/v1" });\n`);
  assert.deepEqual(described, ['auth-header 6:21 leonardo.post', 'auth-header 7:51 {']);
});

test('a client whose Authorization lacks "Bearer ": the value problem at the caller, related to the header', () => {
  const { described, findings } = authFindings(lib(`  headers: { Authorization: process.env.LEONARDO_API_KEY },\n`));
  assert.deepEqual(described, ['auth-header 6:21 leonardo.post', 'auth-header 7:20 leonardo.get'], described.join('\n'));
  const finding = findings[0];
  assert.match(finding.message, /no 'Bearer ' scheme/);
  assert.deepEqual(finding.fixes, []);
  assert.match(finding.detail ?? '', /leonardo\.ts/);
  assert.equal(finding.related?.[0].file, path.join(ROOT, 'src/lib/leonardo.ts'));
  assert.match(finding.related[0].message, /'Authorization' header/);
  assert.equal(finding.related[0].range.start.line, 4);
});

test('a client sending the key as x-api-key: the foreign header named at the caller', () => {
  const { described, findings } = authFindings(lib(`  headers: { "x-api-key": process.env.LEONARDO_API_KEY! },\n`));
  assert.deepEqual(described, ['auth-header 6:21 leonardo.post', 'auth-header 7:20 leonardo.get']);
  assert.match(findings[0].message, /does not read the 'x-api-key' header/);
});

test('a client with "Bearer:" (a colon) is malformed', () => {
  const { findings } = authFindings(lib('  headers: { authorization: `Bearer: ${process.env.LEONARDO_API_KEY}` },\n'));
  assert.equal(findings.length, 2);
  assert.match(findings[0].message, /Remove the colon after 'Bearer'/);
});

test('a client with a good header, or headers that cannot all be seen, keeps auth-header silent', () => {
  const silent: Record<string, string> = {
    template: lib('  headers: { Authorization: `Bearer ${process.env.LEONARDO_API_KEY}` },\n'),
    concatenated: lib('  headers: { authorization: "Bearer " + KEY },\n', 'const KEY = process.env.LEONARDO_API_KEY;\n'),
    'imported key': `import axios from "axios";\nimport { LEONARDO_KEY } from "./config";\nexport const leonardo = axios.create({ baseURL: "https://cloud.leonardo.ai/api/rest/v1", headers: { authorization: \`Bearer \${LEONARDO_KEY}\` } });\n`,
    'spread of an unknown object': lib('  headers: { ...defaultHeaders() },\n', 'function defaultHeaders() { return JSON.parse(process.env.HEADERS!); }\n'),
    'headers from a call': lib('  headers: authHeaders(),\n'),
    'whole options from elsewhere': `import axios from "axios";\nimport { options } from "./options";\nexport const leonardo = axios.create(options);\n`,
    'request interceptor': lib('', 'leonardo.interceptors.request.use((config) => { config.headers.Authorization = `Bearer ${process.env.LEONARDO_API_KEY}`; return config; });\n'),
    'defaults set later': lib('', 'leonardo.defaults.headers.common["Authorization"] = `Bearer ${process.env.LEONARDO_API_KEY}`;\n'),
  };
  for (const [name, text] of Object.entries(silent)) {
    const { described } = authFindings(text, { 'src/lib/config.ts': 'export const LEONARDO_KEY = process.env.LEONARDO_API_KEY!;\n' });
    assert.deepEqual(described, [], `${name}: ${described.join('\n')}`);
  }
});

test('the caller adds the key itself, or installs an interceptor: silent', () => {
  const noAuth = lib('');
  const { described } = lintProject({
    'tsconfig.json': TSCONFIG,
    'src/lib/leonardo.ts': noAuth,
    'src/jobs/own-header.ts': `import { leonardo } from "@/lib/leonardo";
export const start = (prompt: string) =>
  leonardo.post("/generations", { prompt }, { headers: { authorization: \`Bearer \${process.env.LEONARDO_API_KEY}\` } });
`,
    'src/jobs/interceptor.ts': `import { leonardo } from "@/lib/leonardo";
leonardo.interceptors.request.use((config) => config);
export const start = (prompt: string) => leonardo.post("/generations", { prompt });
`,
  });
  assert.deepEqual(described['src/jobs/own-header.ts'], []);
  assert.deepEqual(described['src/jobs/interceptor.ts'], []);
});

test('ky: a client made with ky.create({ prefixUrl }) and no headers, used through a re-export', () => {
  const { described } = lintProject({
    'src/leonardo/client.ts': `import ky from "ky";\nexport const api = ky.create({ prefixUrl: "https://cloud.leonardo.ai/api/rest/v1" });\n`,
    'src/leonardo/index.ts': `export { api } from "./client";\n`,
    'src/worker.ts': `import { api } from "./leonardo";\nexport const me = () => api.get("me").json();\n`,
  });
  assert.deepEqual(described['src/worker.ts'], ['auth-header 2:25 api.get']);
});

test('each file alone: a request through an imported client is never said to lack a header', () => {
  const { described } = lintProject({ 'tsconfig.json': TSCONFIG, 'src/lib/leonardo.ts': lib(''), 'src/app/api/generate/route.ts': ROUTE }, { alone: true });
  assert.deepEqual(described['src/app/api/generate/route.ts'], []);
});

test('a third module installs an interceptor on the client, or sets the global axios defaults: silent', () => {
  const noAuth = lib('');
  const interceptors = {
    'the client imported by name': `import { leonardo } from "@/lib/leonardo";
leonardo.interceptors.request.use((config) => {
  config.headers.Authorization = \`Bearer \${process.env.LEONARDO_API_KEY}\`;
  return config;
});
`,
    'the client through a namespace import': `import * as lib from "../lib/leonardo";
lib.leonardo.interceptors.request.use((config) => config);
`,
    'a set-up function handed the client (it may be any client)': `import type { AxiosInstance } from "axios";
export function withAuth(instance: AxiosInstance) {
  instance.interceptors.request.use((config) => config);
  return instance;
}
`,
    'the global defaults, which instances made after them take': `import axios from "axios";
axios.defaults.headers.common.Authorization = \`Bearer \${process.env.LEONARDO_API_KEY}\`;
`,
  };
  for (const [name, setup] of Object.entries(interceptors)) {
    const { described } = authFindings(noAuth, { 'src/lib/setup.ts': setup });
    assert.deepEqual(described, [], `${name}: ${described.join('\n')}`);
  }
});

test("an interceptor on another module's client, or in a comment, does not hide the missing header", () => {
  const other = `import axios from "axios";
export const backend = axios.create({ baseURL: "/api" });
`;
  const { described } = authFindings(lib(''), {
    'src/lib/backend.ts': other,
    'src/lib/setup.ts': `import { backend } from "./backend";
// leonardo.interceptors.request.use(...) is set up in a later version
backend.interceptors.request.use((config) => config);
`,
  });
  assert.deepEqual(described, ['auth-header 6:21 leonardo.post', 'auth-header 7:51 {']);
});

test('the global axios set up in another module: a direct axios request is silent, a fetch is not', () => {
  const { described } = lintProject({
    'src/setup.ts': `import axios from "axios";\naxios.defaults.headers.common["Authorization"] = \`Bearer \${process.env.LEONARDO_API_KEY}\`;\n`,
    'src/jobs.ts': `import axios from "axios";
export const viaAxios = () => axios.post("https://cloud.leonardo.ai/api/rest/v1/generations", { prompt: "a fox" });
export const viaFetch = () => fetch("https://cloud.leonardo.ai/api/rest/v1/me");
`,
  });
  assert.deepEqual(described['src/jobs.ts'], ['auth-header 3:37 "https://cloud.leonardo.ai/api/rest/v1/me"']);
});

test('a module that starts or stops setting up a client names the files that asked about one', () => {
  const files = { 'tsconfig.json': TSCONFIG, 'src/lib/leonardo.ts': lib(''), 'src/app/api/generate/route.ts': ROUTE };
  const { index, described } = lintProject(files);
  assert.equal(described['src/app/api/generate/route.ts'].filter((d) => d.startsWith('auth-header')).length, 2);
  const setup = path.join(ROOT, 'src/lib/setup.ts');
  const affected = index.update(setup, `import { leonardo } from "./leonardo";\nleonardo.interceptors.request.use((c) => c);\n`);
  assert.ok(affected.includes(path.join(ROOT, 'src/app/api/generate/route.ts')), affected.join('\n'));
  // Its removal names them again.
  assert.ok(index.update(setup, null).includes(path.join(ROOT, 'src/app/api/generate/route.ts')));
});
