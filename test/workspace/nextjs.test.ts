// A Next.js app router project: the Leonardo code in lib/, route handlers importing it through the
// `@/` alias. Mistakes whose parts sit in different files are found at the caller's literal, with
// the other file named in the finding's related information.

import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { lintProject, ROOT } from './project.js';

const TSCONFIG = `{
  // Next.js's default
  "compilerOptions": { "strict": true, "baseUrl": ".", "paths": { "@/*": ["./src/*"] }, },
}`;

const LIB = `import axios from "axios";
import { LEONARDO_KEY } from "./config";

export const LEONARDO_URL = "https://cloud.leonardo.ai/api/rest/v1";

export const leonardo = axios.create({
  baseURL: LEONARDO_URL,
  headers: { Authorization: \`Bearer \${LEONARDO_KEY}\`, "Content-Type": "application/json" },
});

export const LEONARDO_MODELS = {
  phoenix: "6b645e3a-d64f-4341-a6d8-7a3690fbf042",
  kino: "aa77f04e-3eec-4034-9c07-d0f619684628",
};

export async function generateImage(params: Record<string, unknown>) {
  const response = await leonardo.post("/generations", params);
  return response.data.sdGenerationJob.generationId as string;
}

export function getApiKey() {
  return process.env.NEXT_PUBLIC_LEONARDO_KEY;
}
`;

const CONFIG = `export const LEONARDO_KEY = process.env.NEXT_PUBLIC_LEONARDO_API_KEY ?? "";
`;

const ROUTE = `import { NextResponse } from "next/server";
import { generateImage, leonardo, LEONARDO_MODELS } from "@/lib/leonardo";

export async function POST(request: Request) {
  const { prompt } = await request.json();
  const id = await generateImage({ prompt, modelId: LEONARDO_MODELS.phoenix, width: 1020, height: 768, num_images: 4 });
  const me = await leonardo.get("/me");
  await leonardo.post("/generation", { prompt, height: 512, width: 512 });
  return NextResponse.json({ id, me: me.data });
}
`;

const PROJECT = { 'tsconfig.json': TSCONFIG, 'src/lib/leonardo.ts': LIB, 'src/lib/config.ts': CONFIG, 'src/app/api/generate/route.ts': ROUTE };

test('Next.js: a body sent through an imported wrapper and client is checked at the caller', () => {
  const { findings, described } = lintProject(PROJECT);
  const route = described['src/app/api/generate/route.ts'];
  assert.ok(route.some((d) => d.startsWith('invalid-dimensions 6:') && d.endsWith("1020")), route.join('\n'));
  assert.ok(route.some((d) => d.startsWith('unknown-endpoint 8:') && d.includes('/generation')), route.join('\n'));
  const wrong = findings['src/app/api/generate/route.ts'].find((f) => f.ruleId === 'invalid-dimensions')!;
  assert.equal(wrong.related?.[0].file, path.join(ROOT, 'src/lib/leonardo.ts'));
  assert.match(wrong.related[0].message, /generateImage/);
  assert.equal(wrong.related[0].range.start.line, 15);
  // `/me` is a known endpoint: nothing at line 7.
  assert.ok(!route.some((d) => / 7:/.test(d)), route.join('\n'));
});

test('Next.js: a key read from NEXT_PUBLIC_* in config.ts and sent in leonardo.ts is exposed', () => {
  const { findings, described } = lintProject(PROJECT);
  const lib = described['src/lib/leonardo.ts'];
  assert.ok(lib.some((d) => d === 'client-exposed-api-key 8:39 LEONARDO_KEY'), lib.join('\n'));
  const exposed = findings['src/lib/leonardo.ts'].find((f) => f.ruleId === 'client-exposed-api-key')!;
  assert.equal(exposed.related?.[0].file, path.join(ROOT, 'src/lib/config.ts'));
  // The message says what to do; the variable read is named in the hover's detail.
  assert.match(exposed.detail ?? '', /NEXT_PUBLIC_LEONARDO_API_KEY/);
});

test('Next.js: each file alone finds none of it (single-file behaviour unchanged)', () => {
  const { described } = lintProject(PROJECT, { alone: true });
  assert.deepEqual(described['src/app/api/generate/route.ts'], []);
  assert.ok(!described['src/lib/leonardo.ts'].some((d) => d.startsWith('client-exposed-api-key')));
});
