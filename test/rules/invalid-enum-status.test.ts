// invalid-enum on responses: a response enum (`generations_by_pk.status`: PENDING, COMPLETE, FAILED)
// compared with a value it never has.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fixed, lint } from '../helpers/lint.js';
import { at, CORRECT_FLOWS } from '../engine/flow-fixtures.js';

const RULE = 'invalid-enum';
const only = { rules: [RULE] };

const POLL = `const BASE = 'https://cloud.leonardo.ai/api/rest/v1';
const headers = { authorization: \`Bearer \${process.env.LEONARDO_API_KEY}\` };

export async function waitFor(id: string) {
  for (;;) {
    const res = await fetch(\`\${BASE}/generations/\${id}\`, { headers });
    const { generations_by_pk: generation } = await res.json();
    if (generation.status === 'complete') return generation.generated_images;
    if (generation.status === 'FAILED') throw new Error('failed');
    await new Promise((resolve) => setTimeout(resolve, 2000));
  }
}
`;

test('status === "complete": on the literal, preferred fix to "COMPLETE"', () => {
  const hits = lint(POLL, only);
  assert.equal(hits.length, 1);
  const [hit] = hits;
  assert.deepEqual([hit!.line, hit!.column, hit!.text], [...at(POLL, "'complete'"), "'complete'"]);
  assert.equal(hit!.severity, 'error');
  assert.match(hit!.message, /`generations_by_pk\.status` of the GET \/generations\/\{id\} response is compared with "complete", a value it never has/);
  assert.match(hit!.message, /The API sends "PENDING", "COMPLETE" or "FAILED"/);
  assert.match(hit!.message, /Did you mean "COMPLETE"\?/);
  assert.equal(fixed(POLL, RULE), POLL.replace("'complete'", "'COMPLETE'"));
});

test('"Complete", "done", !==, switch cases and constants; the SDK and variation statuses', () => {
  const code = `import { Leonardo } from '@leonardo-ai/sdk';
const leonardo = new Leonardo({ bearerAuth: process.env.LEONARDO_API_KEY });
const DONE = 'done';

export async function poll(id: string) {
  const result = await leonardo.image.getGenerationById(id);
  const generation = result.object?.generationsByPk;
  while (generation?.status !== 'Complete') await new Promise((r) => setTimeout(r, 1000));
  if (generation.status == DONE) console.log('finished');
  switch (generation.status) {
    case 'COMPLETE':
      break;
    case 'failed':
      throw new Error('generation failed');
  }
  const upscales = generation.generatedImages?.[0]?.generatedImageVariationGenerics ?? [];
  return upscales.filter((v) => v.status === 'COMPLETED' && v.transformType === 'UPSCALE');
}
`;
  const hits = lint(code, only);
  assert.deepEqual(hits.map((h) => h.text), ["'done'", "'Complete'", "'failed'", "'COMPLETED'"]);
  assert.deepEqual(hits.map((h) => h.finding.fixes.map((f) => [f.edits[0]!.newText, f.preferred])), [
    [],
    [['COMPLETE', true]],
    [['FAILED', true]],
    [['COMPLETE', false]],
  ]);
  assert.match(hits[0]!.message, /compared with "done"/);
  assert.match(hits[3]!.message, /`generationsByPk\.generatedImages\[0\]\.generatedImageVariationGenerics\[0\]\.status`/);
});

test('silent: the right values, HTTP statuses, unknown objects, other enums used correctly', () => {
  const code = `import axios from 'axios';
const BASE = 'https://cloud.leonardo.ai/api/rest/v1';
const headers = { authorization: \`Bearer \${process.env.LEONARDO_API_KEY}\` };

export async function check(id: string, job: { status: string }) {
  const res = await axios.get(\`\${BASE}/generations/\${id}\`, { headers });
  if (res.status !== 200) throw new Error(res.statusText);
  const generation = res.data.generations_by_pk;
  if (job.status === 'complete') console.log('someone else');
  if (generation.status === 'PENDING' || generation.status === 'FAILED') return null;
  if (generation.presetStyle === 'CINEMATIC' && generation.sdVersion === 'SDXL_1_0') console.log('cinematic');
  return generation.status === 'COMPLETE' ? generation.generated_images : [];
}
`;
  assert.deepEqual(lint(code, only), []);
});

test('correct flows stay clean', () => {
  for (const [name, code] of Object.entries(CORRECT_FLOWS)) {
    assert.deepEqual(lint(code, { ...only, path: name === 'POLL_TIMEOUT' ? 'app.js' : 'app.ts' }), [], name);
  }
});
