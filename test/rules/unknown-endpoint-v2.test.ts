// unknown-endpoint on the v2 API: paths and methods judged against v2's own endpoints (POST
// /generations, POST /generationssync, GET /models), v1 paths written under /v2 (polling results at
// /v2/generations/{id}), in every source kind; v2 requests never judged by v1's endpoint list.
import { edit, ruleTester } from '../helpers/rule-tester.js';

const V2 = 'https://cloud.leonardo.ai/api/rest/v2';
const SH = 'generate.sh';
const TS = 'leonardo.ts';

ruleTester.run('unknown-endpoint', {
  valid: [
    {
      name: 'not flagged: the three v2 endpoints, unknown paths, HEAD probes, and other providers’ v2',
      path: SH,
      code: `#!/bin/sh
curl -X POST ${V2}/generations -H "authorization: Bearer $LEONARDO_API_KEY" --json '{"model":"kling-3.0","parameters":{"prompt":"waves"}}'
curl -X POST ${V2}/generationssync --json '{"model":"remove-bg","parameters":{"guidances":{}}}'
curl ${V2}/models -H "authorization: Bearer $LEONARDO_API_KEY"
curl -X POST "${V2}/$ENDPOINT" --json '{"model":"kling-3.0"}'
curl -I ${V2}/generations
curl -X POST https://api.stability.ai/v2beta/generation --json '{"prompt":"x"}'
curl https://cloud.leonardo.ai/api/rest/v1/generations/$GENERATION_ID
`,
    },
    {
      name: 'not flagged: a v2 base joined with a path known only at run time',
      path: TS,
      code: `const BASE = "https://cloud.leonardo.ai/api/rest/v2";
export async function send(path: string, body: object) {
  return fetch(\`\${BASE}\${path}\`, { method: "POST", body: JSON.stringify(body) });
}
export const go = () => send("/generations", { model: "veo-3.1-generate-001", parameters: { prompt: "rain on a window" } });
`,
    },
    {
      name: 'JSON request files: a first-line comment naming the right v2 endpoint',
      path: 'bicycle.jsonc',
      code: '// POST /v2/generations\n{"model": "gpt-image-1.5", "parameters": {"prompt": "a red bicycle"}}\n',
    },
    {
      name: 'JSON request files: a requestFiles setting naming a v2 endpoint',
      path: 'bodies/cutout.json',
      config: { requestFiles: { 'bodies/*.json': 'POST /v2/generationssync', 'models.json': 'GET /v2/models' } },
      code: '{"model": "remove-bg", "parameters": {"guidances": {}}, "ephemeral": true}',
    },
  ],
  invalid: [
    {
      name: 'a misspelt v2 path: /v2/generation, with the nearest path offered but not preferred (a guess)',
      path: SH,
      code: `curl -X POST ${V2}/generation \\
  -H "authorization: Bearer $LEONARDO_API_KEY" \\
  --json '{"model":"gpt-image-1.5","parameters":{"prompt":"a lighthouse at dusk","quantity":1},"public":false}'
`,
      findings: [
        {
          message: 'POST /v2/generation is not a Leonardo.Ai v2 endpoint: did you mean POST /v2/generations?',
          at: [1, 51, '/generation'],
          fixes: [{ title: 'Use POST /generations', output: edit('/generation', '/generations'), preferred: false }],
        },
      ],
    },
    {
      name: 'a difference of case only is a certain fix: /v2/Generations → /v2/generations',
      path: SH,
      code: `curl -X POST ${V2}/Generations --json '{"model":"flux-pro-2.0","parameters":{"prompt":"a fox"}}'\n`,
      findings: [
        {
          message: 'POST /v2/Generations is not a Leonardo.Ai v2 endpoint: did you mean POST /v2/generations?',
          at: [1, 51, '/Generations'],
          fixes: [{ title: 'Use POST /generations', output: edit('/Generations', '/generations'), preferred: true }],
        },
      ],
    },
    {
      name: 'polling /v2/generations/{id}: results are read with v1 GET /generations/{id}',
      path: TS,
      code: `import axios from "axios";

export async function waitForImage(generationId: string): Promise<string> {
  for (let attempt = 0; attempt < 30; attempt++) {
    const { data } = await axios.get(\`https://cloud.leonardo.ai/api/rest/v2/generations/\${generationId}\`, {
      headers: { authorization: \`Bearer \${process.env.LEONARDO_API_KEY}\` },
    });
    if (data.generations_by_pk?.status === "COMPLETE") return data.generations_by_pk.generated_images[0].url;
    await new Promise((resolve) => setTimeout(resolve, 2000));
  }
  throw new Error("timed out");
}
`,
      findings: [
        {
          message: 'GET /v2/generations/{generationId} is not a v2 endpoint: v2 results are read with v1 GET /api/rest/v1/generations/{id}.',
          at: [5, 38, '`https://cloud.leonardo.ai/api/rest/v2/generations/${generationId}`'],
          fixes: [{ title: 'Use /api/rest/v1', output: edit('v2', 'v1'), preferred: true }],
        },
      ],
    },
    {
      name: 'polling with the v2 base in a constant: reported (the POST to /v2/generations is right), and the shared constant is left alone',
      path: TS,
      code: `const LEONARDO_V2 = "https://cloud.leonardo.ai/api/rest/v2";
const headers = { authorization: \`Bearer \${process.env.LEONARDO_API_KEY}\`, "content-type": "application/json" };

export async function create(prompt: string) {
  const res = await fetch(\`\${LEONARDO_V2}/generations\`, {
    method: "POST",
    headers,
    body: JSON.stringify({ model: "gemini-image-2", parameters: { prompt, quantity: 1 }, public: false }),
  });
  return (await res.json()).generate.generationId as string;
}

export async function status(id: string) {
  const res = await fetch(\`\${LEONARDO_V2}/generations/\${id}\`, { headers });
  return (await res.json()).generations_by_pk?.status;
}
`,
      findings: [
        {
          message: 'GET /v2/generations/{id} is not a v2 endpoint: v2 results are read with v1 GET /api/rest/v1/generations/{id}.',
          at: [14, 27, '`${LEONARDO_V2}/generations/${id}`'],
          fixes: [],
        },
      ],
    },
    {
      name: 'a poll helper called with the id: reported once, at the helper\'s fetch, not again at each call',
      path: TS,
      code: `const V2 = "https://cloud.leonardo.ai/api/rest/v2";
const headers = { authorization: \`Bearer \${process.env.LEONARDO_API_KEY}\` };

async function poll(id: string) {
  return (await fetch(\`\${V2}/generations/\${id}\`, { headers })).json();
}

export async function run(prompt: string) {
  const res = await fetch(\`\${V2}/generations\`, { method: "POST", headers, body: JSON.stringify({ model: "gpt-image-1.5", parameters: { prompt } }) });
  const created = await res.json();
  await poll(created.generate.generationId);
  return poll(created.generate.generationId);
}
`,
      findings: [
        {
          message: 'GET /v2/generations/{id} is not a v2 endpoint: v2 results are read with v1 GET /api/rest/v1/generations/{id}.',
          at: [5, 23, '`${V2}/generations/${id}`'],
          fixes: [],
        },
      ],
    },
    {
      name: 'a v1 path under /v2 is told which v1 endpoint it is: DELETE (preferred: v2 has no read or delete of its own)',
      path: SH,
      code: `curl -X DELETE "${V2}/generations/$GENERATION_ID" -H "authorization: Bearer $LEONARDO_API_KEY"\n`,
      findings: [
        {
          message: "DELETE /v2/generations/{…} is not a v2 endpoint: use v1's DELETE /api/rest/v1/generations/{id}.",
          at: [1, 17, 'https://cloud.leonardo.ai/api/rest/v2/generations/$GENERATION_ID'],
          fixes: [{ title: 'Use /api/rest/v1', output: edit('v2', 'v1'), preferred: true }],
        },
      ],
    },
    {
      name: 'a v1 path under /v2 is told which v1 endpoint it is: init-image (offered: a body written for v2 may not fit v1)',
      path: SH,
      code: `curl -X POST ${V2}/init-image --json '{"extension":"png"}'\n`,
      findings: [
        {
          message: "POST /v2/init-image is not a v2 endpoint: use v1's POST /api/rest/v1/init-image.",
          at: [1, 51, '/init-image'],
          fixes: [{ title: 'Use /api/rest/v1', output: edit('v2', 'v1'), preferred: false }],
        },
      ],
    },
    {
      name: 'an invented v2 path with no near endpoint says where models are sent',
      path: SH,
      code: `curl -X POST ${V2}/generations/motion-svd --json '{"imageId":"3f1c5c8e-9a8e-4b8e-9a51-2b0f6a1d2c3e","motionStrength":5}'\n`,
      findings: [
        {
          message: 'POST /v2/generations/motion-svd is not a Leonardo.Ai v2 endpoint: models are sent to POST /v2/generations.',
          at: [1, 51, '/generations/motion-svd'],
          fixes: [],
        },
      ],
    },
    {
      name: 'a wrong method on /v2/generations (.http): it takes POST',
      path: 'v2.http',
      code: `GET ${V2}/generations\nAuthorization: Bearer {{apiKey}}\n`,
      findings: [
        {
          message: '/v2/generations does not take GET: use POST.',
          at: [1, 1, 'GET'],
          fixes: [{ title: 'Use POST', output: edit('GET', 'POST'), preferred: false }],
        },
      ],
    },
    {
      name: 'a wrong method on /v2/generationssync (axios.get): it takes POST',
      path: TS,
      code: `import axios from "axios";\nexport const list = () => axios.get("${V2}/generationssync");\n`,
      findings: [
        {
          message: '/v2/generationssync does not take GET: use POST.',
          at: [2, 33, 'get'],
          fixes: [{ title: 'Use POST', output: edit('get', 'post'), preferred: false }],
        },
      ],
    },
    {
      name: 'a wrong host on a v2 URL gets the v2 base',
      path: SH,
      code: `curl -X POST https://api.leonardo.ai/api/rest/v2/generations --json '{"model":"flux-pro-2.0","parameters":{"prompt":"a fox"}}'\n`,
      findings: [
        {
          message: "'api.leonardo.ai' is not the Leonardo.Ai API host: the v2 API is at https://cloud.leonardo.ai/api/rest/v2.",
          at: [1, 14, 'https://api.leonardo.ai/api/rest/v2'],
          fixes: [{ title: 'Use https://cloud.leonardo.ai/api/rest/v2', output: edit('https://api.leonardo.ai/api/rest/v2', 'https://cloud.leonardo.ai/api/rest/v2'), preferred: true }],
        },
      ],
    },
    {
      name: 'JSON request files: a first-line comment naming a misspelt v2 endpoint',
      path: 'bicycle.jsonc',
      code: '// POST /v2/generation\n{"model": "gpt-image-1.5", "parameters": {"prompt": "a red bicycle"}}\n',
      findings: [
        {
          message: 'POST /v2/generation is not a Leonardo.Ai v2 endpoint: did you mean POST /v2/generations?',
          at: [1, 12, '/generation'],
          fixes: [{ title: 'Use POST /generations', output: edit('/generation', '/generations'), preferred: false }],
        },
      ],
    },
  ],
});
