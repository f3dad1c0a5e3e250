// unknown-endpoint: wrong hosts and bases, unknown and removed paths, wrong methods, in every source kind.
import { edit, ruleTester } from '../helpers/rule-tester.js';

const BASE = 'https://cloud.leonardo.ai/api/rest/v1';
const SH = 'deploy.sh';

ruleTester.run('unknown-endpoint', {
  valid: [
    {
      name: 'a let URL an if writes another way, to endpoints that exist',
      path: 'video.ts',
      code: `const BASE = '${BASE}';
export async function create(prompt: string, video: boolean) {
  let endpoint = \`\${BASE}/generations\`;
  if (video) endpoint = \`\${BASE}/generations-text-to-video\`;
  return fetch(endpoint, { method: 'POST', headers: { authorization: \`Bearer \${process.env.LEONARDO_API_KEY}\` }, body: JSON.stringify({ prompt }) });
}
`,
    },
    {
      name: 'an id with an empty fallback (a guard) in a poll URL stays an unknown id',
      code: `const BASE = '${BASE}';
export async function poll(data: { sdGenerationJob?: { generationId?: string } }) {
  const generationId = data?.sdGenerationJob?.generationId ?? '';
  if (!generationId) throw new Error('no generationId');
  const res = await fetch(\`\${BASE}/generations/\${generationId}\`, { headers: { authorization: \`Bearer \${process.env.LEONARDO_API_KEY}\` } });
  return res.json();
}
`,
    },
    {
      name: 'real endpoints, templates with unknown ids, v2, other APIs, HEAD probes',
      path: SH,
      code: `#!/bin/sh
curl -X POST ${BASE}/generations -d '{"prompt":"x"}'
curl "${BASE}/generations/$GENERATION_ID"
curl -X DELETE "${BASE}/generations/\${ID}"
curl "${BASE}/$ENDPOINT"
curl -X POST https://cloud.leonardo.ai/api/rest/v2/generations -d '{"model":"x"}'
curl -X POST https://api.openai.com/v1/generation -d '{}'
curl -I ${BASE}/generations
curl ${BASE}/variations/3f1c5c8e-9a8e-4b8e-9a51-2b0f6a1d2c3e
`,
    },
    {
      name: "Leonardo's web app, not its REST API: the GraphQL endpoint a session token drives, and the app's login-session route",
      path: 'webapp.ts',
      code: `const GRAPHQL_URL = 'https://api.leonardo.ai/v1/graphql';
const AUTH_URL = 'https://app.leonardo.ai/api/auth';
export async function tokenBalance(token: string) {
  const res = await fetch(GRAPHQL_URL, {
    method: 'POST',
    headers: { authorization: \`Bearer \${token}\`, 'content-type': 'application/json' },
    body: JSON.stringify({ operationName: 'GetTokenBalance', variables: {}, query: 'query GetTokenBalance { user_details { paidTokens } }' }),
  });
  return res.json();
}
export async function session(cookie: string) {
  const res = await fetch(\`\${AUTH_URL}/session\`, { headers: { cookie } });
  return res.json();
}
`,
    },
  ],
  invalid: [
    { name: "a REST path on the web app's host", path: SH, code: `curl https://app.leonardo.ai/api/me -H "authorization: Bearer $LEONARDO_API_KEY"\n`, findings: [
      {
        message: "'app.leonardo.ai' is not the Leonardo.Ai API host: the REST API is at https://cloud.leonardo.ai/api/rest/v1.",
        at: [1, 6, 'https://app.leonardo.ai/api'],
        fixes: [{ title: 'Use https://cloud.leonardo.ai/api/rest/v1', output: edit('https://app.leonardo.ai/api', 'https://cloud.leonardo.ai/api/rest/v1'), preferred: true }],
      },
    ] },
    {
      name: "a helper's calls that add to its path, not only fill in an id, are judged at each call",
      path: 'app.js',
      code: `const BASE = '${BASE}';
const headers = { authorization: \`Bearer \${process.env.LEONARDO_API_KEY}\` };
async function get(rest) {
  return (await fetch(\`\${BASE}/generations/\${rest}\`, { headers })).json();
}
get('3f1c5c8e-9a8e-4b8e-9a51-2b0f6a1d2c3e');
get('3f1c5c8e-9a8e-4b8e-9a51-2b0f6a1d2c3e/variationz');
`,
      findings: [
        {
          message: 'GET /generations/3f1c…/variationz is not an endpoint of the Leonardo.Ai REST API.',
          at: [7, 5, "'3f1c5c8e-9a8e-4b8e-9a51-2b0f6a1d2c3e/variationz'"],
          fixes: [],
        },
      ],
    },
    {
      name: 'a let URL an if writes another way: each URL its writes leave is judged (the body is the same on both)',
      path: 'video.ts',
      code: `const BASE = '${BASE}';
export async function create(prompt: string, video: boolean) {
  let endpoint = \`\${BASE}/generations\`;
  if (video) {
    endpoint = \`\${BASE}/generations-text-to-videos\`;
  }
  const r = await fetch(endpoint, { method: 'POST', headers: { authorization: \`Bearer \${process.env.LEONARDO_API_KEY}\` }, body: JSON.stringify({ prompt }) });
  return r.json();
}
`,
      findings: [
        {
          message: 'POST /generations-text-to-videos is not an endpoint of the Leonardo.Ai REST API: did you mean POST /generations-text-to-video?',
          at: [5, 24, '/generations-text-to-videos'],
          fixes: [{ title: 'Use POST /generations-text-to-video', output: edit('/generations-text-to-videos', '/generations-text-to-video'), preferred: false }],
        },
      ],
    },
    {
      name: "a path cut short at a word of a longer endpoint's (GET /generations/user, the user id left out) is no endpoint, not /generations/{id}",
      path: 'history.ts',
      code: `import axios from 'axios';
const api = axios.create({ baseURL: '${BASE}', headers: { authorization: \`Bearer \${process.env.LEONARDO_API_KEY}\` } });
export async function history() {
  const response = await api.get('/generations/user', { params: { limit: 10 } });
  return response.data.generations;
}
export const mine = (userId: string) => api.get(\`/generations/user/\${userId}\`);
export const one = () => api.get('/generations/3f1c2b7a-8d4e-4f60-9a1b-2c3d4e5f6a7b');
`,
      findings: [
        {
          message: 'GET /generations/user is not an endpoint of the Leonardo.Ai REST API: add the id, as in GET /generations/user/{userId}.',
          at: [4, 35, '/generations/user'],
          fixes: [],
        },
      ],
    },
    {
      name: 'a path that is not an endpoint: /generation → /generations (curl)',
      path: SH,
      code: `curl -X POST ${BASE}/generation -H 'content-type: application/json' -d '{"prompt":"a cat"}'\n`,
      findings: [
        {
          message: 'POST /generation is not an endpoint of the Leonardo.Ai REST API: did you mean POST /generations?',
          at: [1, 51, '/generation'],
          fixes: [{ title: 'Use POST /generations', output: edit('/generation', '/generations'), preferred: false }],
        },
      ],
    },
    {
      name: 'a word where the template has an id (POST /variations/create against GET /variations/{id}) is a path the API lacks, not a method to change',
      path: 'variations.ts',
      code: `import axios from 'axios';
const client = axios.create({ baseURL: '${BASE}', headers: { Authorization: \`Bearer \${process.env.LEONARDO_API_KEY}\` } });
export const vary = (id: string) => client.post('/variations/create', { id });
`,
      findings: [{ message: 'POST /variations/create is not an endpoint of the Leonardo.Ai REST API.', at: [3, 50, '/variations/create'], fixes: [] }],
    },
    {
      name: 'a path missing its leading segments: /universal-upscaler → /variations/universal-upscaler',
      path: SH,
      code: `curl -X POST ${BASE}/universal-upscaler --json '{"generatedImageId":"3f1c5c8e-9a8e-4b8e-9a51-2b0f6a1d2c3e"}'\n`,
      findings: [
        {
          message: 'POST /universal-upscaler is not an endpoint of the Leonardo.Ai REST API: did you mean POST /variations/universal-upscaler?',
          at: [1, 51, '/universal-upscaler'],
          fixes: [{ title: 'Use POST /variations/universal-upscaler', output: edit('/universal-upscaler', '/variations/universal-upscaler'), preferred: false }],
        },
      ],
    },
    { name: '/init-images → /init-image', path: SH, code: `curl -X POST ${BASE}/init-images -d '{"extension":"png"}'\n`, findings: [
      {
        message: 'POST /init-images is not an endpoint of the Leonardo.Ai REST API: did you mean POST /init-image?',
        at: [1, 51, '/init-images'],
        fixes: [{ title: 'Use POST /init-image', output: edit('/init-images', '/init-image'), preferred: false }],
      },
    ] },
    { name: "a template keeps the request's id", path: SH, code: `curl ${BASE}/generation/3f1c5c8e-9a8e-4b8e-9a51-2b0f6a1d2c3e\n`, findings: [
      {
        message: 'GET /generation/3f1c… is not an endpoint of the Leonardo.Ai REST API: did you mean GET /generations/{id}?',
        at: [1, 43, '/generation/3f1c5c8e-9a8e-4b8e-9a51-2b0f6a1d2c3e'],
        fixes: [{ title: 'Use GET /generations/3f1c…', output: edit('/generation/3f1c5c8e-9a8e-4b8e-9a51-2b0f6a1d2c3e', '/generations/3f1c5c8e-9a8e-4b8e-9a51-2b0f6a1d2c3e'), preferred: false }],
      },
    ] },
    { name: 'a wrong host: api.leonardo.ai', path: SH, code: `curl -X POST https://api.leonardo.ai/v1/generations -d '{"prompt":"a cat"}'\n`, findings: [
      {
        message: "'api.leonardo.ai' is not the Leonardo.Ai API host: the REST API is at https://cloud.leonardo.ai/api/rest/v1.",
        at: [1, 14, 'https://api.leonardo.ai/v1'],
        fixes: [{ title: 'Use https://cloud.leonardo.ai/api/rest/v1', output: edit('https://api.leonardo.ai/v1', 'https://cloud.leonardo.ai/api/rest/v1'), preferred: true }],
      },
    ] },
    { name: 'a wrong host: leonardo.ai/api/rest/v1', path: SH, code: `curl https://leonardo.ai/api/rest/v1/me\n`, findings: [
      {
        message: "'leonardo.ai' is not the Leonardo.Ai API host: the REST API is at https://cloud.leonardo.ai/api/rest/v1.",
        at: [1, 6, 'https://leonardo.ai/api/rest/v1'],
        fixes: [{ title: 'Use https://cloud.leonardo.ai/api/rest/v1', output: edit('https://leonardo.ai/api/rest/v1', 'https://cloud.leonardo.ai/api/rest/v1'), preferred: true }],
      },
    ] },
    { name: 'a missing base', path: SH, code: `curl https://cloud.leonardo.ai/generations -d '{"prompt":"x"}'\n`, findings: [
      {
        message: "'https://cloud.leonardo.ai/generations' misses the API base '/api/rest/v1': use https://cloud.leonardo.ai/api/rest/v1.",
        at: [1, 6, 'https://cloud.leonardo.ai'],
        fixes: [{ title: 'Use https://cloud.leonardo.ai/api/rest/v1', output: edit('https://cloud.leonardo.ai', 'https://cloud.leonardo.ai/api/rest/v1'), preferred: true }],
      },
    ] },
    { name: 'a method the path does not take: the method is fixed where it is written', path: SH, code: `curl -X POST ${BASE}/me\n`, findings: [
      {
        message: '/me does not take POST: use GET.',
        at: [1, 9, 'POST'],
        fixes: [{ title: 'Use GET', output: edit('POST', 'GET'), preferred: false }],
      },
    ] },
    { name: 'a method implied by data: no fix', path: SH, code: `curl ${BASE}/generations/3f1c5c8e-9a8e-4b8e-9a51-2b0f6a1d2c3e -d '{}'\n`, findings: [
      {
        message: '/generations/{id} does not take POST: use GET or DELETE (curl sends POST because of the data).',
        at: [1, 43, '/generations/3f1c5c8e-9a8e-4b8e-9a51-2b0f6a1d2c3e'],
        fixes: [],
      },
    ] },
    { name: 'a removed endpoint says it was removed', path: SH, code: `curl -X POST ${BASE}/generations-texture -d '{"prompt":"x"}'\n`, findings: [
      {
        message: 'POST /generations-texture was removed from the Leonardo.Ai API, with no replacement: the request fails.',
        at: [1, 51, '/generations-texture'],
        fixes: [],
      },
    ] },
    {
      name: '.http files: the path and the method of the request line',
      path: 'api.http',
      code: `@base = ${BASE}

###
POST {{base}}/generation
Content-Type: application/json

{"prompt": "a cat"}

###
PUT {{base}}/me
`,
      findings: [
        {
          message: 'POST /generation is not an endpoint of the Leonardo.Ai REST API: did you mean POST /generations?',
          at: [4, 14, '/generation'],
          fixes: [{ title: 'Use POST /generations', output: edit('/generation', '/generations'), preferred: false }],
        },
        {
          message: '/me does not take PUT: use GET.',
          at: [10, 1, 'PUT'],
          fixes: [{ title: 'Use GET', output: edit('PUT', 'GET'), preferred: false }],
        },
      ],
    },
    { name: '.http files: the method fixed', path: 'a.http', code: `PUT ${BASE}/me HTTP/1.1\nauthorization: Bearer {{key}}\n`, findings: [
      {
        message: '/me does not take PUT: use GET.',
        at: [1, 1, 'PUT'],
        fixes: [{ title: 'Use GET', output: edit('PUT', 'GET'), preferred: false }],
      },
    ] },
    { name: 'Markdown code blocks', path: 'README.md', code: `Upscale:\n\n\`\`\`bash\n$ curl -X POST ${BASE}/variations/upscaler -d '{"id":"x"}'\n\`\`\`\n`, findings: [
      {
        message: 'POST /variations/upscaler is not an endpoint of the Leonardo.Ai REST API: did you mean POST /variations/upscale?',
        at: [4, 53, '/variations/upscaler'],
        fixes: [{ title: 'Use POST /variations/upscale', output: edit('/variations/upscaler', '/variations/upscale'), preferred: false }],
      },
    ] },
    {
      name: 'Postman collections',
      path: 'Leonardo.postman_collection.json',
      code: JSON.stringify(
        {
          info: { name: 'L', schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json' },
          item: [{ name: 'x', request: { method: 'POST', url: { raw: `${BASE}/generation` }, body: { mode: 'raw', raw: '{"prompt":"a"}' } } }],
        },
        null,
        '\t',
      ),
      findings: [
        {
          message: 'POST /generation is not an endpoint of the Leonardo.Ai REST API: did you mean POST /generations?',
          at: [12, 51, '/generation'],
          fixes: [{ title: 'Use POST /generations', output: edit('/generation', '/generations'), preferred: false }],
        },
      ],
    },
    {
      name: 'TypeScript fetch: an unknown path and a wrong method literal',
      code: `await fetch('${BASE}/generation', { method: 'POST', body: JSON.stringify({ prompt: 'x' }) });
await fetch('${BASE}/me', { method: 'post' });
`,
      findings: [
        {
          message: 'POST /generation is not an endpoint of the Leonardo.Ai REST API: did you mean POST /generations?',
          at: [1, 51, '/generation'],
          fixes: [{ title: 'Use POST /generations', output: edit('/generation', '/generations'), preferred: false }],
        },
        {
          message: '/me does not take POST: use GET.',
          at: [2, 68, 'post'],
          fixes: [{ title: 'Use GET', output: edit('post', 'get'), preferred: false }],
        },
      ],
    },
    {
      name: 'TypeScript: a wrong host in a string literal is fixed inside the quotes',
      code: `await fetch('https://leonardo.ai/api/rest/v1/generations', { method: 'POST', body: '{}' });\n`,
      findings: [
        {
          message: "'leonardo.ai' is not the Leonardo.Ai API host: the REST API is at https://cloud.leonardo.ai/api/rest/v1.",
          at: [1, 14, 'https://leonardo.ai/api/rest/v1'],
          fixes: [{ title: 'Use https://cloud.leonardo.ai/api/rest/v1', output: edit('https://leonardo.ai/api/rest/v1', 'https://cloud.leonardo.ai/api/rest/v1'), preferred: true }],
        },
      ],
    },
    { name: 'a JSON request file naming an endpoint that does not exist', path: 'cat.jsonc', code: '// POST /generation\n{"prompt": "a cat"}\n', findings: [
      {
        message: 'POST /generation is not an endpoint of the Leonardo.Ai REST API: did you mean POST /generations?',
        at: [1, 9, '/generation'],
        fixes: [{ title: 'Use POST /generations', output: edit('/generation', '/generations'), preferred: false }],
      },
    ] },
  ],
});
