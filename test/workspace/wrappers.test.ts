// Bodies an exported wrapper builds around its caller's argument (`{ ...params, modelId }`), and
// wrappers of wrappers (`createGeneration(prompt, options)` → `generateImage({ prompt, ...options })`):
// the caller's literal is judged where it is written, without the keys the wrapper writes after it
// (the wrapper's values replace the caller's), and with the wrapper's own keys unseen here.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lintProject } from './project.js';

const LIB = `import axios from "axios";

const leonardo = axios.create({
  baseURL: "https://cloud.leonardo.ai/api/rest/v1",
  headers: { authorization: \`Bearer \${process.env.LEONARDO_API_KEY}\` },
});

export async function generateImage(params: Record<string, unknown>) {
  const response = await leonardo.post("/generations", { ...params, modelId: "6b645e3a-d64f-4341-a6d8-7a3690fbf042", num_images: 4 });
  return response.data;
}

export async function createGeneration(prompt: string, options: Record<string, unknown> = {}) {
  return generateImage({ prompt, ...options });
}

export async function quickGeneration(params: Record<string, unknown>) {
  return createGeneration("a quick sketch", params);
}
`;

const ROUTE = `import { createGeneration, generateImage, quickGeneration } from "../lib/leonardo";

export async function POST() {
  await generateImage({ prompt: "a fox", num_images: 9, widht: 512, modelId: "not-a-uuid" });
  await createGeneration("a cat", { guidance_scale: 30, prompt: 5 });
  await quickGeneration({ width: 1025 });
  await generateImage({ num_images: 2 });
}
`;

test('a body built around the caller\'s argument, through one, two and three functions', () => {
  const { described, findings } = lintProject({ 'src/lib/leonardo.ts': LIB, 'src/app/route.ts': ROUTE });
  assert.deepEqual(described['src/app/route.ts'], [
    // The caller's num_images and modelId are replaced by the wrapper's: not judged.
    'unknown-field 4:57 widht',
    'out-of-range 5:53 30',
    // The caller's prompt comes after the wrapper's own: it is the one sent.
    'type-mismatch 5:65 5',
    'invalid-dimensions 6:34 1025',
    // No prompt here, but the wrapper writes keys this file cannot see: not said to be missing.
  ]);
  const [unknown] = findings['src/app/route.ts'];
  assert.match(unknown.related?.[0].message ?? '', /generateImage/);
  assert.deepEqual(described['src/lib/leonardo.ts'], []);
});

test('a wrapper whose body spreads two things, or a computed key, leaves the caller\'s body unknown', () => {
  const lib = `const URL = "https://cloud.leonardo.ai/api/rest/v1/generations";
const headers = { authorization: \`Bearer \${process.env.LEONARDO_API_KEY}\` };
export async function twoSpreads(params: object, defaults: object) {
  return fetch(URL, { method: "POST", headers, body: JSON.stringify({ ...defaults, ...params }) });
}
export async function computed(params: object, key: string) {
  return fetch(URL, { method: "POST", headers, body: JSON.stringify({ ...params, [key]: 1 }) });
}
`;
  const caller = `import { computed, twoSpreads } from "./lib";
export async function run() {
  await twoSpreads({ prompt: "a fox", num_images: 9 }, {});
  await computed({ prompt: "a fox", num_images: 9 }, "width");
}
`;
  const { described } = lintProject({ 'src/lib.ts': lib, 'src/run.ts': caller });
  assert.deepEqual(described['src/run.ts'], []);
});

test('a module whose function hands its parameter on to an imported wrapper: its callers are checked too', () => {
  const service = `import { generateImage } from "../lib/leonardo";

export async function portrait(params: Record<string, unknown>) {
  return generateImage({ ...params, height: 1024 });
}
`;
  const job = `import { portrait } from "../services/portrait";

export async function nightly() {
  await portrait({ prompt: "a heron", width: 1023, height: 7 });
}
`;
  const { described } = lintProject({ 'src/lib/leonardo.ts': LIB, 'src/services/portrait.ts': service, 'src/jobs/nightly.ts': job });
  // The caller's height is replaced by the service's 1024: only its width is judged.
  assert.deepEqual(described['src/jobs/nightly.ts'], ['invalid-dimensions 4:46 1023']);
});

