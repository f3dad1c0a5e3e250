// Values written in one module and sent in another: constants (`DEFAULT_SIZE = 1025`,
// `LEONARDO_MODELS.phoenix`, `STYLE`), objects spread into a body (`{ ...DEFAULT_BODY, prompt }`) and
// bodies built by an imported function (`buildGenerationBody(prompt)`). The rules judge them as if
// they were written in the caller; a finding lands at the caller's expression that reads the value
// (the caller's request is what makes it a Leonardo body, and a finding can only be reported in the
// document analysed), names the field in its message, relates to where the value is written, and
// has no fix (the text to change is in the other module).

import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { lintProject, ROOT } from './project.js';

const TSCONFIG = `{ "compilerOptions": { "strict": true, "baseUrl": ".", "paths": { "@/*": ["./src/*"] } } }`;

const CONSTANTS = `export const LEONARDO_MODELS = {
  phoenix: "de7d3faf-762f-48e0-b3b7-9d0ac3a3fcf3",
  lightning: "b24e16ff-06e3-43eb-8d33-4416c2d75876",
} as const;

export const DEFAULT_SIZE = 1025;
export const SAFE_SIZE = 1024;
export const STYLE = "cinematic";
export const MAX_IMAGES = 4;
`;

const BODIES = `import { LEONARDO_MODELS, SAFE_SIZE } from "./constants";

export const DEFAULT_BODY = {
  modelId: LEONARDO_MODELS.phoenix,
  width: SAFE_SIZE,
  height: 1000,
  num_images: 12,
};

export function buildGenerationBody(prompt: string) {
  return { prompt, modelId: LEONARDO_MODELS.lightning, width: 1000, height: 1000, num_images: 12, presetStyle: "DYNAMIC" };
}

export function buildUpscaleBody(id: string) {
  return { id };
}
`;

const CLIENT = `const BASE = "https://cloud.leonardo.ai/api/rest/v1";
const headers = { authorization: \`Bearer \${process.env.LEONARDO_API_KEY}\`, "content-type": "application/json" };

export function leonardoPost(path: string, body: unknown) {
  return fetch(BASE + path, { method: "POST", headers, body: JSON.stringify(body) });
}
`;

function project(route: string): Record<string, string> {
  return {
    'tsconfig.json': TSCONFIG,
    'src/lib/constants.ts': CONSTANTS,
    'src/lib/bodies.ts': BODIES,
    'src/lib/client.ts': CLIENT,
    'src/app/api/generate/route.ts': route,
  };
}

const ROUTE = 'src/app/api/generate/route.ts';

test('imported constants used as body values are judged at the caller, related to their declaration', () => {
  const { findings, described } = lintProject(
    project(`import { DEFAULT_SIZE, LEONARDO_MODELS, MAX_IMAGES, STYLE } from "@/lib/constants";
import { leonardoPost } from "@/lib/client";

export async function POST(request: Request) {
  const { prompt } = await request.json();
  return leonardoPost("/generations", { prompt, modelId: LEONARDO_MODELS.phoenix, width: DEFAULT_SIZE, height: 768, num_images: MAX_IMAGES, presetStyle: STYLE });
}
`),
  );
  assert.deepEqual(described[ROUTE], ['invalid-dimensions 6:90 DEFAULT_SIZE', 'invalid-enum 6:154 STYLE'], described[ROUTE].join('\n'));
  const [size, style] = findings[ROUTE];
  assert.match(size.message, /'width' 1025 is not a multiple of 8/);
  assert.equal(size.related?.[0].file, path.join(ROOT, 'src/lib/constants.ts'));
  assert.match(size.related[0].message, /'DEFAULT_SIZE' is defined here/);
  assert.equal(size.related[0].range.start.line, 5);
  // The fixes would edit the name, not the literal: none is offered here.
  assert.deepEqual(size.fixes, []);
  assert.deepEqual(style.fixes, []);
  assert.match(style.message, /"cinematic"/);
});

test('an object spread into a body, and a body built by an imported function: at the spread and the call', () => {
  const { findings, described } = lintProject(
    project(`import { buildGenerationBody, DEFAULT_BODY } from "@/lib/bodies";
import { leonardoPost } from "@/lib/client";

export async function POST(request: Request) {
  const { prompt } = await request.json();
  const first = await leonardoPost("/generations", { ...DEFAULT_BODY, prompt });
  const second = await fetch("https://cloud.leonardo.ai/api/rest/v1/generations", {
    method: "POST",
    headers: { authorization: \`Bearer \${process.env.LEONARDO_API_KEY}\` },
    body: JSON.stringify(buildGenerationBody(prompt)),
  });
  return Response.json([await first.json(), await second.json()]);
}
`),
  );
  assert.deepEqual(
    described[ROUTE],
    ['too-many-images 6:57 DEFAULT_BODY', 'too-many-images 10:26 buildGenerationBody(prompt)'],
    described[ROUTE].join('\n'),
  );
  const [spread, built] = findings[ROUTE];
  assert.match(spread.message, /'num_images' 12/);
  assert.equal(spread.related?.[0].file, path.join(ROOT, 'src/lib/bodies.ts'));
  assert.match(spread.related[0].message, /'DEFAULT_BODY'/);
  assert.match(built.message, /'num_images' 12/);
  assert.match(built.related![0].message, /'buildGenerationBody' builds this body/);
  assert.equal(built.related![0].range.start.line, 10);
  assert.deepEqual([spread.fixes, built.fixes], [[], []]);
  // The module that writes the bodies sends nothing: it has no finding of its own.
  assert.deepEqual(described['src/lib/bodies.ts'], []);
});

test('the caller overrides what it spreads: a later field of its own wins', () => {
  const { described } = lintProject(
    project(`import { DEFAULT_BODY } from "@/lib/bodies";
import { leonardoPost } from "@/lib/client";
export const start = (prompt: string) => leonardoPost("/generations", { ...DEFAULT_BODY, num_images: 2, prompt });
`),
  );
  assert.deepEqual(described[ROUTE], []);
});

test('a fix on the caller\'s own literal stays; only edits of the imported expression are dropped', () => {
  const { findings } = lintProject(
    project(`import { STYLE } from "@/lib/constants";
import { leonardoPost } from "@/lib/client";
export const start = (prompt: string) => leonardoPost("/generations", { prompt, presetStyle: STYLE, scheduler: "euler" });
`),
  );
  const own = findings[ROUTE].find((f) => f.ruleId === 'invalid-enum' && f.message.includes('"euler"'))!;
  assert.ok(own.fixes.length > 0, JSON.stringify(findings[ROUTE]));
  assert.equal(own.related?.[0].file, path.join(ROOT, 'src/lib/client.ts'));
  const imported = findings[ROUTE].find((f) => f.message.includes('"cinematic"'))!;
  assert.deepEqual(imported.fixes, []);
});

test('what cannot be known stays silent: non-literal constants, changed objects, async builders, unknown parameters', () => {
  const { described } = lintProject({
    ...project(`import { SIZE, BODY, PATCHED, buildAsync, withSize } from "@/lib/dynamic";
import { leonardoPost } from "@/lib/client";

export async function POST(request: Request) {
  await leonardoPost("/generations", { prompt: "a", width: SIZE, height: 768 });
  await leonardoPost("/generations", { ...BODY, prompt: "b" });
  await leonardoPost("/generations", { ...PATCHED, prompt: "c" });
  await leonardoPost("/generations", await buildAsync("d"));
  await leonardoPost("/generations", withSize(1025));
  return new Response(null);
}
`),
    'src/lib/dynamic.ts': `export const SIZE = Number(process.env.SIZE ?? 1025);
export const BODY = { ...JSON.parse(process.env.DEFAULTS ?? "{}") };
export const PATCHED = { width: 1025, height: 768 };
PATCHED.width = 1024;
export async function buildAsync(prompt: string) {
  return { prompt, num_images: 12, width: 1024, height: 1024 };
}
export function withSize(size: number) {
  return { prompt: "x", width: size, height: size };
}
`,
  });
  assert.deepEqual(described[ROUTE], []);
});

test('the caller changes the imported object before sending it: unknown', () => {
  const { described } = lintProject(
    project(`import { DEFAULT_BODY } from "@/lib/bodies";
import { leonardoPost } from "@/lib/client";
export function start(prompt: string) {
  Object.assign(DEFAULT_BODY, { num_images: 1 });
  return leonardoPost("/generations", { ...DEFAULT_BODY, prompt });
}
`),
  );
  assert.deepEqual(described[ROUTE], []);
});

test('CommonJS: module.exports of constants read through require', () => {
  const { described } = lintProject({
    'config/leonardo.js': `module.exports = { WIDTH: 1000, HEIGHT: 1020, MODEL: "not-a-model-id" };\n`,
    'jobs/nightly.js': `const { WIDTH, HEIGHT } = require("../config/leonardo");
const config = require("../config/leonardo");
async function run() {
  await fetch("https://cloud.leonardo.ai/api/rest/v1/generations", {
    method: "POST",
    headers: { authorization: "Bearer " + process.env.LEONARDO_API_KEY },
    body: JSON.stringify({ prompt: "x", width: WIDTH, height: config.HEIGHT }),
  });
}
module.exports = { run };
`,
  });
  assert.deepEqual(described['jobs/nightly.js'], ['invalid-dimensions 7:63 config.HEIGHT'], described['jobs/nightly.js'].join('\n'));
});

test('each file alone: the imported values are unknown, nothing is reported', () => {
  const { described } = lintProject(
    project(`import { DEFAULT_SIZE } from "@/lib/constants";
import { buildGenerationBody } from "@/lib/bodies";
export const go = (prompt: string) =>
  fetch("https://cloud.leonardo.ai/api/rest/v1/generations", { method: "POST", headers: { authorization: "Bearer x" }, body: JSON.stringify({ ...buildGenerationBody(prompt), width: DEFAULT_SIZE }) });
`),
    { alone: true },
  );
  assert.deepEqual(described[ROUTE].filter((d) => !d.startsWith('auth-header')), []);
});
