// invalid-enum on responses: a response enum (`generations_by_pk.status`: PENDING, COMPLETE, FAILED)
// compared with a value it never has.
import { edit, ruleTester } from '../helpers/rule-tester.js';
import { CORRECT_FLOW_CASES } from '../helpers/correct-flows.js';

ruleTester.run('invalid-enum', {
  valid: [
    {
      name: 'the right values, HTTP statuses, unknown objects, other enums used correctly',
      code: `import axios from 'axios';
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
`,
    },
    ...CORRECT_FLOW_CASES,
  ],
  invalid: [
    {
      name: 'status === "complete": on the literal, preferred fix to "COMPLETE"',
      code: `const BASE = 'https://cloud.leonardo.ai/api/rest/v1';
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
`,
      findings: [
        {
          message: `'generations_by_pk.status' of the GET /generations/{id} response is compared with "complete", a value it never has: did you mean "COMPLETE"?`,
          at: [8, 31, '\'complete\''],
          severity: 'error',
          fixes: [{ title: 'Change to "COMPLETE"', output: edit('complete', 'COMPLETE'), preferred: true }],
        },
      ],
    },
    {
      name: '"Complete", "done", !==, switch cases and constants; the SDK and variation statuses',
      code: `import { Leonardo } from '@leonardo-ai/sdk';
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
`,
      findings: [
        {
          message: `'generationsByPk.status' is compared with "done", a value it never has, so the comparison never matches.`,
          at: [3, 14, '\'done\''],
          fixes: [],
        },
        {
          message: `'generationsByPk.status' of the GET /generations/{id} response is compared with "Complete", a value it never has: did you mean "COMPLETE"?`,
          at: [8, 33, '\'Complete\''],
          fixes: [{ title: 'Change to "COMPLETE"', output: edit('Complete', 'COMPLETE'), preferred: true }],
        },
        {
          message: `'generationsByPk.status' of the GET /generations/{id} response is compared with "failed", a value it never has: did you mean "FAILED"?`,
          at: [13, 10, '\'failed\''],
          fixes: [{ title: 'Change to "FAILED"', output: edit('\'failed\'', '\'FAILED\''), preferred: true }],
        },
        {
          message: `'status' is compared with "COMPLETED", a value it never has: did you mean "COMPLETE"?`,
          at: [17, 46, '\'COMPLETED\''],
          fixes: [{ title: 'Change to "COMPLETE"', output: edit('COMPLETED', 'COMPLETE'), preferred: false }], // not case-only: a guess
        },
      ],
    },
  ],
});
