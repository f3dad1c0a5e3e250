// v1/v2 crossings: a v2 model string as a v1 `modelId` (invalid-id), v1's `sdGenerationJob` read off a
// v2 answer (unknown-response-field), and what a v2 answer does have (`generate.generationId`, and
// the spec's top-level `generationId`) never flagged.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fixed, lint } from '../helpers/lint.js';

const V1 = 'https://cloud.leonardo.ai/api/rest/v1/generations';
const V2 = 'https://cloud.leonardo.ai/api/rest/v2/generations';

const v1Body = (modelId: string) => `import axios from 'axios';

export async function createPortrait(prompt: string) {
  const { data } = await axios.post(
    '${V1}',
    { prompt, modelId: '${modelId}', width: 832, height: 1216, num_images: 1 },
    { headers: { authorization: \`Bearer \${process.env.LEONARDO_API_KEY}\` } },
  );
  return data.sdGenerationJob.generationId as string;
}
`;

test('invalid-id: a v2 model string as a v1 modelId says which API wants what', () => {
  for (const model of ['ideogram-v3.0', 'gpt-image-1.5', 'gemini-image-2', 'kling-3.0']) {
    const hits = lint(v1Body(model), { rules: ['invalid-id'] });
    assert.equal(hits.length, 1, model);
    assert.equal(hits[0].text, `'${model}'`);
    assert.equal(hits[0].message, `\`${model}\` is a v2 model: send it as \`model\` to POST /api/rest/v2/generations; v1 \`modelId\` takes a UUID.`);
    assert.deepEqual(hits[0].finding.fixes, []);
  }
  const alias = lint(v1Body('nano-banana-pro'), { rules: ['invalid-id'] });
  assert.match(alias[0].message, /^`nano-banana-pro` is the v2 model `gemini-image-2`: send it as `model`/);
});

test('invalid-id: a v1 UUID, a placeholder and a name that is no v2 model keep their v1 answers', () => {
  assert.deepEqual(lint(v1Body('de7d3faf-762f-48e0-b3b7-9d0ac3a3fcf3'), { rules: ['invalid-id'] }), []);
  const name = lint(v1Body('my-favourite-model'), { rules: ['invalid-id'] });
  assert.match(name[0].message, /^`modelId` must be a UUID, not "my-favourite-model"/);
});

const v2Route = (read: string) => `export async function POST(req: Request) {
  const { prompt } = await req.json();
  const res = await fetch('${V2}', {
    method: 'POST',
    headers: { authorization: \`Bearer \${process.env.LEONARDO_API_KEY}\`, 'content-type': 'application/json' },
    body: JSON.stringify({ model: 'gemini-image-2', parameters: { prompt, quantity: 1 }, public: false }),
  });
  const data = await res.json();
  return Response.json({ id: ${read} });
}
`;

test("unknown-response-field: v1's sdGenerationJob read off a v2 answer, with the v2 read as the fix", () => {
  const code = v2Route('data.sdGenerationJob.generationId');
  const [hit, ...rest] = lint(code, { rules: ['unknown-response-field'] });
  assert.equal(rest.length, 0);
  assert.equal(hit.text, 'sdGenerationJob');
  assert.equal(hit.message, "`sdGenerationJob` is v1's answer: the v2 create answers `generate.generationId`. Did you mean `generate`?");
  assert.deepEqual(hit.finding.fixes.map((f) => [f.title, f.preferred]), [['Read `generate`', true]]);
  assert.equal(fixed(code, 'unknown-response-field'), v2Route('data.generate.generationId'));
});

test('unknown-response-field: both shapes of the v2 answer are accepted; a field of neither is not', () => {
  for (const read of ['data.generate.generationId', 'data.generationId', 'data.generate.apiCreditCost', 'data.apiCreditCost', 'data.error']) {
    assert.deepEqual(lint(v2Route(read), { rules: ['unknown-response-field'] }), [], read);
  }
  const [typo] = lint(v2Route('data.generate.id'), { rules: ['unknown-response-field'] });
  assert.match(typo.message, /`generate` of the POST \/v2\/generations response has no field `id`/);
});

test('wrong-id-kind and the poll: the v2 generation id polled with v1 GET /generations/{id} is right', () => {
  const code = `const headers = { authorization: \`Bearer \${process.env.LEONARDO_API_KEY}\`, 'content-type': 'application/json' };
export async function render(prompt: string) {
  const created = await fetch('${V2}', { method: 'POST', headers, body: JSON.stringify({ model: 'kling-3.0', parameters: { prompt, duration: 5 } }) });
  const { generate } = await created.json();
  for (;;) {
    const res = await fetch(\`https://cloud.leonardo.ai/api/rest/v1/generations/\${generate.generationId}\`, { headers });
    const { generations_by_pk: job } = await res.json();
    if (job.status === 'COMPLETE') return job.generated_images[0].motionMP4URL;
    if (job.status === 'FAILED') throw new Error('generation failed');
    await new Promise((r) => setTimeout(r, 5000));
  }
}
`;
  assert.deepEqual(lint(code).filter((h) => h.ruleId !== 'content-moderation').map((h) => `${h.ruleId}: ${h.message}`), []);
});
