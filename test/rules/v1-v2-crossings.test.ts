// v1/v2 crossings: a v2 model string as a v1 `modelId` (invalid-id), v1's `sdGenerationJob` read off a
// v2 answer (unknown-response-field), and what a v2 answer does have (`generate.generationId`, and
// the spec's top-level `generationId`) never flagged.
import { test } from 'node:test';
import { allRules } from '../../server/src/engine/rules/index.js';
import { checkValid, edit, ruleTester } from '../helpers/rule-tester.js';

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

ruleTester.run('invalid-id', {
  valid: [{ name: 'a v1 UUID keeps its v1 answer: nothing to report', code: v1Body('de7d3faf-762f-48e0-b3b7-9d0ac3a3fcf3') }],
  invalid: [
    ...['ideogram-v3.0', 'gpt-image-1.5', 'gemini-image-2', 'kling-3.0'].map((model) => ({
      name: `a v2 model string as a v1 modelId says which API wants what: ${model}`,
      code: v1Body(model),
      findings: [
        {
          message: `'${model}' is a v2 model: send it as 'model' to POST /api/rest/v2/generations; v1 'modelId' takes a UUID.`,
          at: [6, 24, `'${model}'`] as [number, number, string],
          fixes: [],
        },
      ],
    })),
    {
      name: 'a v2 alias as a v1 modelId names the v2 model',
      code: v1Body('nano-banana-pro'),
      findings: [
        {
          message: "'nano-banana-pro' is the v2 model 'gemini-image-2': send it as 'model' to POST /api/rest/v2/generations; v1 'modelId' takes a UUID.",
          at: [6, 24, '\'nano-banana-pro\''],
          fixes: [],
        },
      ],
    },
    {
      name: 'a name that is no v2 model keeps its v1 answer',
      code: v1Body('my-favourite-model'),
      findings: [
        {
          message: `'modelId' must be a UUID, not "my-favourite-model": model ids are listed by GET /platformModels.`,
          at: [6, 24, '\'my-favourite-model\''],
          fixes: [],
        },
      ],
    },
  ],
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

/** The same route, with statements of its own after the answer is read. */
const v2Handler = (statements: string) => `export async function POST(req: Request) {
  const { prompt } = await req.json();
  const res = await fetch('${V2}', {
    method: 'POST',
    headers: { authorization: \`Bearer \${process.env.LEONARDO_API_KEY}\`, 'content-type': 'application/json' },
    body: JSON.stringify({ model: 'gpt-image-2', parameters: { prompt }, public: false }),
  });
  const data: any = await res.json();
${statements}
}
`;

ruleTester.run('unknown-response-field', {
  valid: [
    ...['data.generate.generationId', 'data.generationId', 'data.generate.apiCreditCost', 'data.apiCreditCost', 'data.error'].map((read) => ({
      name: `both shapes of the v2 answer are accepted: ${read}`,
      code: v2Route(read),
    })),
    // The reference marks the create answer's shape disputed, linter silent (D1); working clients read its cost.
    ...['data.generate.cost.amount', 'data.generate?.cost?.unit'].map((read) => ({ name: `the create answer's cost is not judged: ${read}`, code: v2Route(read) })),
    {
      name: "v1's job key tested before it is read: a fallback for v1's answer, like the ?. chain beside it",
      code: v2Route('data.generate?.generationId || data.sdGenerationJob?.generationId || (data.sdGenerationJob && data.sdGenerationJob.generationId)'),
    },
    {
      name: 'guesses whose type is tested before they are read, in a chain beside the v2 read',
      code: v2Route('(typeof data.generate?.generationId === "string" && data.generate.generationId) || (typeof data.id === "string" && data.id) || (typeof data.sdGenerationJob?.generationId !== "undefined" && data.sdGenerationJob.generationId)'),
    },
    {
      name: 'a list of candidate ids tried in turn, one of them the v2 read',
      code: v2Route('[(data.sdGenerationJob as { generationId?: string } | undefined)?.generationId, data.generation?.id, data.generationId].find(Boolean)'),
    },
    {
      name: 'an index read only when the answer is an array (Leonardo answers some errors as a GraphQL-style list)',
      code: v2Route('Array.isArray(data) ? data[0]?.extensions?.code : data.generate.generationId'),
    },
    {
      name: 'an index read where the answer is an array, as statements: an early throw, &&, an early return',
      code: v2Handler(`  if (Array.isArray(data)) throw new Error(data[0]?.message ?? 'unknown error');
  const first = Array.isArray(data) && data[0];
  if (!Array.isArray(data)) return Response.json({ id: data.generate.generationId, first });
  return Response.json({ id: data[0].generate.generationId });`),
    },
  ],
  invalid: [
    {
      name: "v1's sdGenerationJob read off a v2 answer, with the v2 read as the fix",
      code: v2Route('data.sdGenerationJob.generationId'),
      findings: [
        {
          message: "'sdGenerationJob' is v1's answer: the v2 create answers 'generate.generationId'.",
          at: [9, 35, 'sdGenerationJob'],
          fixes: [{ title: "Read 'generate'", output: edit('sdGenerationJob', 'generate'), preferred: true }],
        },
      ],
    },
    {
      name: "v1's sdGenerationJob read off a v2 answer read as text first, then parsed",
      code: v2Route('data.sdGenerationJob.generationId').replace('const data = await res.json();', 'const text = await res.text();\n  const data = JSON.parse(text);'),
      findings: [
        {
          message: "'sdGenerationJob' is v1's answer: the v2 create answers 'generate.generationId'.",
          at: [10, 35, 'sdGenerationJob'],
          fixes: [{ title: "Read 'generate'", output: edit('sdGenerationJob', 'generate'), preferred: true }],
        },
      ],
    },
    {
      name: "a name near the v2 create answer's 'generate' (data.generation): both the guides' 'generate' and the spec's 'generationId' are offered",
      code: v2Route('data.generation ?? data.generations.id'),
      findings: [
        {
          message: "The POST /v2/generations response body has no field 'generation': did you mean 'generate' or 'generationId'?",
          at: [9, 35, 'generation'],
          fixes: [
            { title: "Read 'generate'", output: edit('data.generation ??', 'data.generate ??'), preferred: false },
            { title: "Read 'generationId'", output: edit('data.generation ??', 'data.generationId ??'), preferred: false },
          ],
        },
        {
          // (Read on from, `.id`, neither is the id: no edit.)
          message: "The POST /v2/generations response body has no field 'generations': did you mean 'generate' or 'generationId'?",
          at: [9, 54, 'generations'],
          fixes: [],
        },
      ],
    },
    {
      name: 'two v2 answers awaited together with Promise.all: each name reads its own answer',
      code: `const headers = { authorization: \`Bearer \${process.env.LEONARDO_API_KEY}\`, 'content-type': 'application/json' };
const send = (model: string, prompt: string) =>
  fetch('${V2}', { method: 'POST', headers, body: JSON.stringify({ model, parameters: { prompt } }) }).then((r) => r.json());

export async function both(prompt: string, extra: Promise<unknown>[]) {
  const [fast, best] = await Promise.all([send('gemini-2.5-flash-image', prompt), send('gpt-image-1.5', prompt)]);
  const [first, second] = await Promise.all([...extra, send('gpt-image-1.5', prompt)]);
  return [fast.generate.generationId, best.sdGenerationJob?.generationId, (first as any).sdGenerationJob, (second as any).sdGenerationJob];
}
`,
      findings: [
        {
          message: "'sdGenerationJob' is v1's answer: the v2 create answers 'generate.generationId'.",
          at: [8, 44, 'sdGenerationJob'],
          fixes: [{ title: "Read 'generate'", output: edit('best.sdGenerationJob', 'best.generate'), preferred: true }],
        },
      ],
    },
    {
      name: 'a v2 answer returned by a same-file wrapper: of the base and the path, or of the path alone',
      path: 'leonardo.js',
      code: `const ROOT = 'https://cloud.leonardo.ai/api/rest/v2';
const headers = { authorization: \`Bearer \${process.env.LEONARDO_API_KEY}\`, 'content-type': 'application/json' };
async function leonardoFetch(base, path, { method = 'GET', body } = {}) {
  const res = await fetch(\`\${base}\${path}\`, { method, headers, body: body ? JSON.stringify(body) : undefined });
  return res.json();
}
async function leonardoPost(path, body) {
  const res = await fetch(\`\${ROOT}\${path}\`, { method: 'POST', headers, body: JSON.stringify(body) });
  return res.json();
}
export async function create(prompt) {
  const data = await leonardoFetch(ROOT, '/generations', { method: 'POST', body: { model: 'nano-banana-2', parameters: { prompt }, public: false } });
  return data?.sdGenerationJob?.generationId;
}
export async function post(prompt) {
  const data = await leonardoPost('/generations', { model: 'nano-banana-2', parameters: { prompt }, public: false });
  return data.generate.generationId ?? data.sdGenerationJob.generationId;
}
`,
      findings: [
        {
          message: "'sdGenerationJob' is v1's answer: the v2 create answers 'generate.generationId'.",
          at: [13, 16, 'sdGenerationJob'],
          fixes: [{ title: "Read 'generate'", output: edit('data?.sdGenerationJob', 'data?.generate'), preferred: true }],
        },
      ],
    },
    {
      name: 'a field of neither shape of the v2 answer',
      code: v2Route('data.generate.id'),
      findings: [
        {
          message: "'generate' of the POST /v2/generations response has no field 'id': did you mean 'generationId'?",
          at: [9, 44, 'id'],
          fixes: [{ title: "Read 'generationId'", output: edit('.id ', '.generationId '), preferred: false }],
        },
      ],
    },
    {
      name: "v1's job key tested before it is read, with no v2 read beside it: the test and the reads are judged",
      code: v2Handler(`  if (data.sdGenerationJob) return Response.json({ id: data.sdGenerationJob.generationId });
  return Response.json({ id: null });`),
      findings: [
        {
          message: "'sdGenerationJob' is v1's answer: the v2 create answers 'generate.generationId'.",
          at: [9, 12, 'sdGenerationJob'],
          fixes: [{ title: "Read 'generate'", output: edit('(data.sdGenerationJob)', '(data.generate)'), preferred: true }],
        },
        {
          message: "'sdGenerationJob' is v1's answer: the v2 create answers 'generate.generationId'.",
          at: [9, 61, 'sdGenerationJob'],
          fixes: [{ title: "Read 'generate'", output: edit('data.sdGenerationJob.generationId', 'data.generate.generationId'), preferred: true }],
        },
      ],
    },
    {
      name: 'a list of candidates with no real field among them is judged',
      code: v2Route('[data.sdGenerationJob?.generationId, data.sdGenerationJob?.id].find(Boolean)'),
      findings: [
        {
          message: "'sdGenerationJob' is v1's answer: the v2 create answers 'generate.generationId'.",
          at: [9, 36, 'sdGenerationJob'],
          fixes: [{ title: "Read 'generate'", output: edit('[data.sdGenerationJob?.generationId', '[data.generate?.generationId'), preferred: true }],
        },
        {
          message: "'sdGenerationJob' is v1's answer: the v2 create answers 'generate.generationId'.",
          at: [9, 72, 'sdGenerationJob'],
          fixes: [{ title: "Read 'generate'", output: edit(' data.sdGenerationJob?.id', ' data.generate?.id'), preferred: true }],
        },
      ],
    },
    {
      name: 'a test that guards no read of the member is judged, and so is the read after it',
      code: v2Handler(`  if (data.sdGenerationJob) console.warn('a v1 answer from a v2 request');
  return Response.json({ id: data.sdGenerationJob.generationId });`),
      findings: [
        {
          message: "'sdGenerationJob' is v1's answer: the v2 create answers 'generate.generationId'.",
          at: [9, 12, 'sdGenerationJob'],
          fixes: [{ title: "Read 'generate'", output: edit('(data.sdGenerationJob)', '(data.generate)'), preferred: true }],
        },
        {
          message: "'sdGenerationJob' is v1's answer: the v2 create answers 'generate.generationId'.",
          at: [10, 35, 'sdGenerationJob'],
          fixes: [{ title: "Read 'generate'", output: edit('data.sdGenerationJob.generationId', 'data.generate.generationId'), preferred: true }],
        },
      ],
    },
    {
      name: 'an index guarded by a test of another value is judged',
      code: v2Route('Array.isArray(data.generate) ? data[0] : data.generate'),
      findings: [
        {
          message: "The POST /v2/generations response body is an object, not an array: remove the index '[0]'.",
          at: [9, 66, '0'],
          fixes: [{ title: 'Remove the index', output: edit('data[0]', 'data'), preferred: true }],
        },
      ],
    },
    {
      name: 'a comparison is no test of the member: a field the create answer lacks, compared in a condition, is judged',
      code: v2Route("data.generate.credits === 0 ? 'free' : data.generate.generationId"),
      findings: [
        {
          message: "'generate' of the POST /v2/generations response has no field 'credits'.",
          at: [9, 44, 'credits'],
          fixes: [],
        },
      ],
    },
  ],
});

test('wrong-id-kind and the poll: the v2 generation id polled with v1 GET /generations/{id} is right (no rule reports)', () => {
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
  for (const rule of allRules) if (rule.meta.id !== 'content-moderation') checkValid(rule, { code });
});
