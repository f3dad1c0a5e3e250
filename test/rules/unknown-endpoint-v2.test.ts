// unknown-endpoint on the v2 API: paths and methods judged against v2's own endpoints (POST
// /generations, POST /generationssync, GET /models), v1 paths written under /v2 (polling results at
// /v2/generations/{id}), in every source kind; v2 requests never judged by v1's endpoint list.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, fixed, lint } from '../helpers/lint.js';

const RULE = 'unknown-endpoint';
const only = { rules: [RULE] };
const V2 = 'https://cloud.leonardo.ai/api/rest/v2';
const sh = (code: string) => lint(code, { ...only, path: 'generate.sh' });
const ts = (code: string) => lint(code, { ...only, path: 'leonardo.ts' });

test('a misspelt v2 path: /v2/generation, with the nearest path offered but not preferred', () => {
  const code = `curl -X POST ${V2}/generation \\
  -H "authorization: Bearer $LEONARDO_API_KEY" \\
  --json '{"model":"gpt-image-1.5","parameters":{"prompt":"a lighthouse at dusk","quantity":1},"public":false}'
`;
  const [hit, ...rest] = sh(code);
  assert.equal(rest.length, 0);
  assert.equal(hit.text, '/generation');
  assert.match(hit.message, /^`POST \/v2\/generation` is not a Leonardo.Ai v2 endpoint: the request fails\. Did you mean `POST \/v2\/generations`\?$/);
  assert.ok(hit.message.length <= 140, hit.message);
  const [fix, ...others] = hit.finding.fixes;
  assert.equal(others.length, 0);
  assert.equal(fix.preferred, undefined, 'a nearest path is a guess');
  assert.equal(applyFix(code, fix), code.replace('/generation ', '/generations '));
});

test('a difference of case only is a certain fix: /v2/Generations → /v2/generations', () => {
  const code = `curl -X POST ${V2}/Generations --json '{"model":"flux-pro-2.0","parameters":{"prompt":"a fox"}}'\n`;
  const [hit] = sh(code);
  assert.equal(hit.text, '/Generations');
  assert.equal(hit.finding.fixes[0].preferred, true);
  assert.equal(fixed(code, RULE, { path: 'generate.sh' }), code.replace('/Generations', '/generations'));
});

test('polling /v2/generations/{id}: results are read with v1 GET /generations/{id}', () => {
  const code = `import axios from "axios";

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
`;
  const [hit, ...rest] = ts(code);
  assert.equal(rest.length, 0);
  assert.equal(hit.text, '`https://cloud.leonardo.ai/api/rest/v2/generations/${generationId}`');
  assert.equal(
    hit.message,
    '`GET /v2/generations/{generationId}` is not a v2 endpoint: v2 results are read with v1 `GET /api/rest/v1/generations/{id}`.',
  );
  assert.equal(hit.finding.endpoint, 'GET /generations/{id}');
  assert.equal(fixed(code, RULE, { path: 'leonardo.ts' }), code.replace('/api/rest/v2/generations/', '/api/rest/v1/generations/'));
});

test('polling with the v2 base in a constant: reported, and the shared constant is left alone', () => {
  const code = `const LEONARDO_V2 = "https://cloud.leonardo.ai/api/rest/v2";
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
`;
  const [hit, ...rest] = ts(code);
  assert.equal(rest.length, 0, 'the POST to /v2/generations is right');
  assert.equal(hit.text, '`${LEONARDO_V2}/generations/${id}`');
  assert.match(hit.message, /v2 results are read with v1 `GET \/api\/rest\/v1\/generations\/\{id\}`/);
  assert.deepEqual(hit.finding.fixes, []);
});

test('other v1 paths under /v2 are told which v1 endpoint they are', () => {
  const del = sh(`curl -X DELETE "${V2}/generations/$GENERATION_ID" -H "authorization: Bearer $LEONARDO_API_KEY"\n`);
  assert.equal(del.length, 1);
  assert.match(del[0].message, /^`DELETE \/v2\/generations\/\{…\}` is not a v2 endpoint: it is v1's `DELETE \/api\/rest\/v1\/generations\/\{id\}`\.$/);
  assert.equal(del[0].finding.fixes[0].preferred, true, 'v2 has no read or delete of its own');
  const upload = sh(`curl -X POST ${V2}/init-image --json '{"extension":"png"}'\n`);
  assert.match(upload[0].message, /it is v1's `POST \/api\/rest\/v1\/init-image`/);
  assert.equal(upload[0].finding.fixes[0].preferred, undefined, 'a body written for v2 may not fit v1');
  assert.equal(fixed(`curl -X POST ${V2}/init-image --json '{"extension":"png"}'\n`, RULE, { path: 'generate.sh' }), `curl -X POST https://cloud.leonardo.ai/api/rest/v1/init-image --json '{"extension":"png"}'\n`);
});

test('an invented v2 path with no near endpoint says where models are sent', () => {
  const [hit] = sh(`curl -X POST ${V2}/generations/motion-svd --json '{"imageId":"3f1c5c8e-9a8e-4b8e-9a51-2b0f6a1d2c3e","motionStrength":5}'\n`);
  assert.equal(hit.text, '/generations/motion-svd');
  assert.match(hit.message, /^`POST \/v2\/generations\/motion-svd` is not a Leonardo.Ai v2 endpoint: the request fails\. Models are sent to `POST \/v2\/generations`\.$/);
  assert.ok(hit.message.length <= 140, hit.message);
  assert.deepEqual(hit.finding.fixes, []);
});

test('a wrong method on /v2/generations: it takes POST', () => {
  const http = `GET ${V2}/generations\nAuthorization: Bearer {{apiKey}}\n`;
  const [hit] = lint(http, { ...only, path: 'v2.http' });
  assert.equal(hit.text, 'GET');
  assert.equal(hit.message, '`/v2/generations` does not take GET: it takes POST, so `GET /v2/generations` fails.');
  assert.equal(hit.finding.endpoint, 'POST /v2/generations');
  assert.equal(fixed(http, RULE, { path: 'v2.http' }), http.replace('GET ', 'POST '));

  const axios = ts(`import axios from "axios";\nexport const list = () => axios.get("${V2}/generationssync");\n`);
  assert.match(axios[0].message, /`\/v2\/generationssync` does not take GET: it takes POST/);
});

test('a wrong host on a v2 URL gets the v2 base', () => {
  const code = `curl -X POST https://api.leonardo.ai/api/rest/v2/generations --json '{"model":"flux-pro-2.0","parameters":{"prompt":"a fox"}}'\n`;
  const [hit, ...rest] = sh(code);
  assert.equal(rest.length, 0);
  assert.match(hit.message, /`api.leonardo.ai` is not the Leonardo.Ai API host: the v2 API is at `https:\/\/cloud.leonardo.ai\/api\/rest\/v2`/);
  assert.equal(fixed(code, RULE, { path: 'generate.sh' }), code.replace('api.leonardo.ai', 'cloud.leonardo.ai'));
});

test('JSON request files: a first-line comment and a requestFiles setting name v2 endpoints', () => {
  const wrong = '// POST /v2/generation\n{"model": "gpt-image-1.5", "parameters": {"prompt": "a red bicycle"}}\n';
  const [hit] = lint(wrong, { ...only, path: 'bicycle.jsonc' });
  assert.equal(hit.text, '/generation');
  assert.match(hit.message, /Did you mean `POST \/v2\/generations`\?/);

  const right = '// POST /v2/generations\n{"model": "gpt-image-1.5", "parameters": {"prompt": "a red bicycle"}}\n';
  assert.deepEqual(lint(right, { ...only, path: 'bicycle.jsonc' }), []);
  const config = { requestFiles: { 'bodies/*.json': 'POST /v2/generationssync', 'models.json': 'GET /v2/models' } };
  const removeBg = '{"model": "remove-bg", "parameters": {"guidances": {}}, "ephemeral": true}';
  assert.deepEqual(lint(removeBg, { ...only, path: 'bodies/cutout.json', config }), []);
});

test('not flagged: the three v2 endpoints, unknown paths, HEAD probes, and other providers’ v2', () => {
  const script = `#!/bin/sh
curl -X POST ${V2}/generations -H "authorization: Bearer $LEONARDO_API_KEY" --json '{"model":"kling-3.0","parameters":{"prompt":"waves"}}'
curl -X POST ${V2}/generationssync --json '{"model":"remove-bg","parameters":{"guidances":{}}}'
curl ${V2}/models -H "authorization: Bearer $LEONARDO_API_KEY"
curl -X POST "${V2}/$ENDPOINT" --json '{"model":"kling-3.0"}'
curl -I ${V2}/generations
curl -X POST https://api.stability.ai/v2beta/generation --json '{"prompt":"x"}'
curl https://cloud.leonardo.ai/api/rest/v1/generations/$GENERATION_ID
`;
  assert.deepEqual(sh(script), []);
  const code = `const BASE = "https://cloud.leonardo.ai/api/rest/v2";
export async function send(path: string, body: object) {
  return fetch(\`\${BASE}\${path}\`, { method: "POST", body: JSON.stringify(body) });
}
export const go = () => send("/generations", { model: "veo-3.1-generate-001", parameters: { prompt: "rain on a window" } });
`;
  assert.deepEqual(ts(code), []);
});
