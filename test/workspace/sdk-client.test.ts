// The SDK's client made in one module and used in another (`export const leonardo = new Leonardo({...})`,
// then `leonardo.image.createGeneration({...})` in a route): each call is an SDK operation of the
// caller's, judged where its body is written, with the client's module as related information. An
// imported object that is not the SDK's client stays unknown.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lintProject } from './project.js';

const CLIENT = `import { Leonardo } from "@leonardo-ai/sdk";

export const leonardo = new Leonardo({ bearerAuth: process.env.LEONARDO_API_KEY ?? "" });
export const notTheSdk = { image: { createGeneration: async (body: object) => body } };
`;

const ROUTE = `import { leonardo, notTheSdk } from "@/lib/leonardo";

export async function POST(request: Request) {
  const { prompt } = await request.json();
  const images = leonardo.image;
  await images.createGeneration({ prompt, width: 1000, height: 801, numImages: 2 });
  await notTheSdk.image.createGeneration({ prompt, width: 801 });
  const result = await leonardo.image.createGeneration({ prompt, photoReal: true, alchemy: true });
  return Response.json({ id: result.object?.sdGenerationJob?.generationID });
}
`;

const TSCONFIG = JSON.stringify({ compilerOptions: { baseUrl: '.', paths: { '@/*': ['src/*'] } } });

test('an SDK client another module makes: its calls are SDK operations, judged in the caller, the client named', () => {
  const { described, findings } = lintProject({ 'tsconfig.json': TSCONFIG, 'src/lib/leonardo.ts': CLIENT, 'src/app/api/route.ts': ROUTE });
  assert.deepEqual(described['src/app/api/route.ts'], [
    'invalid-dimensions 6:64 801',
    'option-conflict 8:66 photoReal',
    'unknown-response-field 9:62 generationID',
  ]);
  const [dimensions] = findings['src/app/api/route.ts'];
  assert.equal(dimensions.related?.[0].message, "'leonardo': the Leonardo SDK client this call goes through");
  assert.deepEqual(described['src/lib/leonardo.ts'], []);
});

test('alone, without the workspace, the imported client is not known to be the SDK: nothing is said', () => {
  const { described } = lintProject({ 'src/lib/leonardo.ts': CLIENT, 'src/app/api/route.ts': ROUTE }, { alone: true });
  assert.deepEqual(described['src/app/api/route.ts'], []);
});
