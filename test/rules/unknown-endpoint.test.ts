// unknown-endpoint: wrong hosts and bases, unknown and removed paths, wrong methods, in every source kind.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fixed, lint } from '../helpers/lint.js';

const RULE = 'unknown-endpoint';
const only = { rules: [RULE] };
const BASE = 'https://cloud.leonardo.ai/api/rest/v1';
const sh = (code: string) => lint(code, { ...only, path: 'deploy.sh' });
const fixSh = (code: string) => fixed(code, RULE, { path: 'deploy.sh' });

test('a path that is not an endpoint: /generation → /generations (curl)', () => {
  const code = `curl -X POST ${BASE}/generation -H 'content-type: application/json' -d '{"prompt":"a cat"}'\n`;
  const [hit, ...rest] = sh(code);
  assert.equal(rest.length, 0);
  assert.equal(hit!.text, '/generation');
  assert.match(hit!.message, /`POST \/generation` is not an endpoint/);
  assert.match(hit!.message, /Did you mean `POST \/generations`\?/);
  assert.equal(fixSh(code), code.replace('/generation ', '/generations '));
});

test('a path missing its leading segments: /universal-upscaler → /variations/universal-upscaler', () => {
  const code = `curl -X POST ${BASE}/universal-upscaler --json '{"generatedImageId":"3f1c5c8e-9a8e-4b8e-9a51-2b0f6a1d2c3e"}'\n`;
  const [hit] = sh(code);
  assert.match(hit!.message, /`POST \/variations\/universal-upscaler`/);
  assert.equal(fixSh(code), code.replace('/universal-upscaler', '/variations/universal-upscaler'));
});

test('/init-images → /init-image; a template keeps the request\'s id', () => {
  const code = `curl -X POST ${BASE}/init-images -d '{"extension":"png"}'\n`;
  assert.equal(fixSh(code), code.replace('/init-images', '/init-image'));
  const get = `curl ${BASE}/generation/3f1c5c8e-9a8e-4b8e-9a51-2b0f6a1d2c3e\n`;
  assert.equal(fixSh(get), get.replace('/generation/', '/generations/'));
});

test('a wrong host: api.leonardo.ai, leonardo.ai/api/rest/v1, and a missing base', () => {
  const api = `curl -X POST https://api.leonardo.ai/v1/generations -d '{"prompt":"a cat"}'\n`;
  const [hit] = sh(api);
  assert.equal(hit!.text, 'https://api.leonardo.ai/v1');
  assert.match(hit!.message, /`api.leonardo.ai` is not the Leonardo.Ai API host/);
  assert.equal(fixSh(api), api.replace('https://api.leonardo.ai/v1', BASE));

  const bare = `curl https://leonardo.ai/api/rest/v1/me\n`;
  assert.equal(fixSh(bare), `curl ${BASE}/me\n`);

  const noBase = `curl https://cloud.leonardo.ai/generations -d '{"prompt":"x"}'\n`;
  const [missing] = sh(noBase);
  assert.match(missing!.message, /misses the API base `\/api\/rest\/v1`/);
  assert.equal(fixSh(noBase), noBase.replace('https://cloud.leonardo.ai', BASE));
});

test('a method the path does not take: the method is fixed where it is written', () => {
  const code = `curl -X POST ${BASE}/me\n`;
  const [hit] = sh(code);
  assert.equal(hit!.text, 'POST');
  assert.match(hit!.message, /`\/me` does not take POST: it takes GET/);
  assert.equal(fixSh(code), `curl -X GET ${BASE}/me\n`);

  const implied = `curl ${BASE}/generations/3f1c5c8e-9a8e-4b8e-9a51-2b0f6a1d2c3e -d '{}'\n`;
  const [post] = sh(implied);
  assert.match(post!.message, /it takes GET or DELETE/);
  assert.match(post!.message, /curl sends POST because the command has data/);
  assert.equal(post!.finding.fixes.length, 0);
});

test('a removed endpoint says it was removed', () => {
  const [hit] = sh(`curl -X POST ${BASE}/generations-texture -d '{"prompt":"x"}'\n`);
  assert.equal(hit!.text, '/generations-texture');
  assert.match(hit!.message, /was removed from the Leonardo.Ai API/);
  assert.equal(hit!.finding.fixes.length, 0);
});

test('not flagged: real endpoints, templates with unknown ids, v2, other APIs, HEAD probes', () => {
  const script = `#!/bin/sh
curl -X POST ${BASE}/generations -d '{"prompt":"x"}'
curl "${BASE}/generations/$GENERATION_ID"
curl -X DELETE "${BASE}/generations/\${ID}"
curl "${BASE}/$ENDPOINT"
curl -X POST https://cloud.leonardo.ai/api/rest/v2/generations -d '{"model":"x"}'
curl -X POST https://api.openai.com/v1/generation -d '{}'
curl -I ${BASE}/generations
curl ${BASE}/variations/3f1c5c8e-9a8e-4b8e-9a51-2b0f6a1d2c3e
`;
  assert.deepEqual(sh(script), []);
});

test('.http files: the path and the method of the request line', () => {
  const code = `@base = ${BASE}

###
POST {{base}}/generation
Content-Type: application/json

{"prompt": "a cat"}

###
PUT {{base}}/me
`;
  const hits = lint(code, { ...only, path: 'api.http' });
  assert.deepEqual(hits.map((h) => [h.line, h.text]), [[4, '/generation'], [10, 'PUT']]);
  const single = `PUT ${BASE}/me HTTP/1.1\nauthorization: Bearer {{key}}\n`;
  assert.equal(fixed(single, RULE, { path: 'a.http' }), single.replace('PUT', 'GET'));
});

test('Markdown code blocks and Postman collections', () => {
  const md = `Upscale:\n\n\`\`\`bash\n$ curl -X POST ${BASE}/variations/upscaler -d '{"id":"x"}'\n\`\`\`\n`;
  const [hit] = lint(md, { ...only, path: 'README.md' });
  assert.equal(hit!.text, '/variations/upscaler');
  assert.match(hit!.message, /`POST \/variations\/upscale`/);

  const collection = JSON.stringify(
    {
      info: { name: 'L', schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json' },
      item: [{ name: 'x', request: { method: 'POST', url: { raw: `${BASE}/generation` }, body: { mode: 'raw', raw: '{"prompt":"a"}' } } }],
    },
    null,
    '\t',
  );
  const [p] = lint(collection, { ...only, path: 'Leonardo.postman_collection.json' });
  assert.equal(p!.text, '/generation');
  assert.equal(fixed(collection, RULE, { path: 'Leonardo.postman_collection.json' }), collection.replace('/generation"', '/generations"'));
});

test('TypeScript fetch: an unknown path and a wrong method literal', () => {
  const code = `await fetch('${BASE}/generation', { method: 'POST', body: JSON.stringify({ prompt: 'x' }) });
await fetch('${BASE}/me', { method: 'post' });
`;
  const hits = lint(code, { ...only, path: 'app.ts' });
  assert.deepEqual(hits.map((h) => h.text), ['/generation', 'post']);
  const second = `await fetch('${BASE}/me', { method: 'post' });\n`;
  assert.equal(fixed(second, RULE, { path: 'app.ts' }), second.replace("'post'", "'get'"));
});

test('TypeScript: a wrong host in a string literal is fixed inside the quotes', () => {
  const code = `await fetch('https://leonardo.ai/api/rest/v1/generations', { method: 'POST', body: '{}' });\n`;
  const [hit] = lint(code, { ...only, path: 'app.ts' });
  assert.equal(hit!.text, 'https://leonardo.ai/api/rest/v1');
  assert.equal(fixed(code, RULE, { path: 'app.ts' }), code.replace('https://leonardo.ai/api/rest/v1', BASE));
});

test('a JSON request file naming an endpoint that does not exist', () => {
  const code = '// POST /generation\n{"prompt": "a cat"}\n';
  const [hit] = lint(code, { ...only, path: 'cat.jsonc' });
  assert.equal(hit!.text, '/generation');
  assert.equal(fixed(code, RULE, { path: 'cat.jsonc' }), code.replace('/generation', '/generations'));
});
