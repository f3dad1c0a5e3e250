// deprecated-field: controlNet, controlNetType, weighting (and any field the API marks deprecated).
import { ruleTester } from '../helpers/rule-tester.js';

const HEADER = '// POST /generations\n';

ruleTester.run('deprecated-field', {
  valid: [
    {
      name: 'controlnets, the replacement',
      path: 'r.jsonc',
      code: `${HEADER}{
  "prompt": "a dancer",
  "controlnets": [{ "initImageId": "5f1e6d2a-7c0b-4d2e-9a4f-3b8c1e2d4f60", "initImageType": "UPLOADED", "preprocessorId": 67, "weight": 0.6 }]
}`,
    },
    { name: 'not a field of another endpoint', path: 'v.jsonc', code: `// POST /generations-text-to-video\n{"prompt": "x", "weighting": 1}` },
    {
      name: 'another provider',
      code: `export const go = () => fetch('https://api.example.com/v1/generations', {
  method: 'POST',
  body: JSON.stringify({ prompt: 'x', controlNet: true, weighting: 1 }),
});`,
    },
    {
      name: 'v2 request',
      code: `export const go = () => fetch('https://cloud.leonardo.ai/api/rest/v2/generations', {
  method: 'POST',
  body: JSON.stringify({ model: 'x', parameters: { controlNet: true } }),
});`,
    },
  ],
  invalid: [
    {
      name: 'the three deprecated /generations fields (JSON file): on the key, pointing to controlnets, no mechanical rewrite',
      path: 'r.jsonc',
      code: `${HEADER}{
  "prompt": "a dancer",
  "controlNet": true,
  "controlNetType": "POSE",
  "weighting": 0.6,
  "init_image_id": "5f1e6d2a-7c0b-4d2e-9a4f-3b8c1e2d4f60"
}`,
      findings: [
        {
          message: "'controlNet' is deprecated (since September 2024): use an entry in the 'controlnets' array instead.",
          at: [4, 3, '"controlNet"'],
          severity: 'warning',
          endpoint: 'POST /generations',
          fixes: [],
        },
        {
          message: "'controlNetType' is deprecated (since September 2024): use 'controlnets[].preprocessorId' (the controlnet to apply) instead.",
          at: [5, 3, '"controlNetType"'],
          fixes: [],
        },
        {
          message: "'weighting' is deprecated (since September 2024): use 'controlnets[].weight' instead.",
          at: [6, 3, '"weighting"'],
          fixes: [],
        },
      ],
    },
    {
      name: 'SDK call',
      code: `import { Leonardo } from '@leonardo-ai/sdk';
const leonardo = new Leonardo({ bearerAuth: process.env.LEONARDO_API_KEY ?? '' });
export const go = (prompt: string) => leonardo.image.createGeneration({ prompt, controlNet: false });
`,
      findings: [
        {
          message: "'controlNet' is deprecated (since September 2024): use an entry in the 'controlnets' array instead.",
          at: [3, 81, 'controlNet'],
          fixes: [],
        },
      ],
    },
    {
      name: 'fetch body: sent on some paths, still deprecated',
      code: `export async function go(key: string, c: boolean) {
  const body: Record<string, unknown> = { prompt: 'a dancer' };
  if (c) body.weighting = 0.5;
  return fetch('https://cloud.leonardo.ai/api/rest/v1/generations', {
    method: 'POST',
    headers: { authorization: \`Bearer \${key}\` },
    body: JSON.stringify(body),
  });
}
`,
      findings: [
        {
          message: "'weighting' is deprecated (since September 2024): use 'controlnets[].weight' instead.",
          at: [3, 15, 'weighting'],
          fixes: [],
        },
      ],
    },
  ],
});
