// auth-header: `authorization: Bearer <key>` on every Leonardo request whose headers are visible.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, fixed, lint } from '../helpers/lint.js';

const RULE = 'auth-header';
const run = (code: string, path = 'app.ts') => lint(code, { rules: [RULE], path });
const rows = (code: string, path = 'app.ts') => run(code, path).map((h) => [h.line, h.column, h.text]);
const KEY = '3f1b2c4d-1a2b-4c3d-9e8f-0a1b2c3d4e5f';

/** A Next.js route handler that calls Leonardo with the given headers object. */
const ROUTE = (headers: string) => `import { NextResponse } from 'next/server';

export async function POST(request: Request) {
  const { prompt } = await request.json();
  const res = await fetch('https://cloud.leonardo.ai/api/rest/v1/generations', {
    method: 'POST',
    headers: ${headers},
    body: JSON.stringify({ prompt, modelId: 'b24e16ff-06e3-43eb-8d33-4416c2d75876', num_images: 1 }),
  });
  return NextResponse.json(await res.json());
}
`;

test('a Next.js route handler with `Bearer ${process.env.LEONARDO_API_KEY}` is clean', () => {
  assert.deepEqual(
    rows(ROUTE("{ accept: 'application/json', 'content-type': 'application/json', authorization: `Bearer ${process.env.LEONARDO_API_KEY}` }")),
    [],
  );
  assert.deepEqual(rows(ROUTE("{ Authorization: 'Bearer ' + process.env.LEONARDO_API_KEY }")), []);
  assert.deepEqual(rows(ROUTE(`{ authorization: 'bearer ${KEY}' }`)), [], 'the scheme is case-insensitive');
});

test('no authorization header: reported on the headers object, with a (non-preferred) insertion', () => {
  const code = ROUTE("{ 'content-type': 'application/json' }");
  const hits = run(code);
  assert.deepEqual(hits.map((h) => [h.line, h.column, h.text]), [[7, 14, '{']]);
  assert.equal(
    hits[0]!.message,
    'This request to Leonardo sends no `authorization` header: the API answers `Authentication hook unauthorized this request`. ' +
      'Send `authorization: Bearer <your API key>`.',
  );
  assert.equal(hits[0]!.finding.apiError, 'Authentication hook unauthorized this request');
  assert.equal(hits[0]!.finding.endpoint, 'POST /generations');
  const [fix] = hits[0]!.finding.fixes;
  assert.equal(fix!.preferred, false);
  assert.match(applyFix(code, fix!), /headers: \{ 'content-type': 'application\/json', 'authorization': `Bearer \$\{process\.env\.LEONARDO_API_KEY\}` \},/);
});

test('`Authorisation` (misspelt) is renamed; `x-api-key` is renamed and gets the Bearer prefix', () => {
  const misspelt = ROUTE('{ Authorisation: `Bearer ${process.env.LEONARDO_API_KEY}` }');
  const hits = run(misspelt);
  assert.deepEqual(hits.map((h) => [h.line, h.column, h.text]), [[7, 16, 'Authorisation']]);
  assert.match(hits[0]!.message, /^`Authorisation` is a misspelling of the `authorization` header/);
  assert.match(fixed(misspelt, RULE), /headers: \{ Authorization: `Bearer \$\{process\.env\.LEONARDO_API_KEY\}` \}/);

  const foreign = ROUTE("{ 'x-api-key': process.env.LEONARDO_API_KEY! }");
  assert.deepEqual(rows(foreign), [[7, 16, "'x-api-key'"]]);
  assert.match(run(foreign)[0]!.message, /^Leonardo does not read the `x-api-key` header/);
  assert.match(fixed(foreign, RULE), /headers: \{ 'authorization': `Bearer \$\{process\.env\.LEONARDO_API_KEY!\}` \}/);

  const apiKey = ROUTE(`{ 'api-key': '${KEY}' }`);
  assert.match(fixed(apiKey, RULE), new RegExp(`headers: \\{ 'authorization': 'Bearer ${KEY}' \\}`));
});

test('`Token …`, `Bearer:`, `Bearer Bearer`, no space: the scheme is corrected in place', () => {
  assert.match(fixed(ROUTE('{ authorization: `Token ${process.env.LEONARDO_API_KEY}` }'), RULE), /authorization: `Bearer \$\{process/);
  assert.match(fixed(ROUTE(`{ authorization: 'Bearer: ${KEY}' }`), RULE), new RegExp(`authorization: 'Bearer ${KEY}'`));
  assert.match(fixed(ROUTE('{ authorization: `Bearer Bearer ${process.env.LEONARDO_API_KEY}` }'), RULE), /authorization: `Bearer \$\{process/);
  assert.match(fixed(ROUTE('{ authorization: `Bearer${process.env.LEONARDO_API_KEY}` }'), RULE), /authorization: `Bearer \$\{process/);
  const token = run(ROUTE('{ authorization: `Token ${process.env.LEONARDO_API_KEY}` }'));
  assert.deepEqual(token.map((h) => h.text), ['Token']);
  assert.equal(
    token[0]!.message,
    'The authorization value uses the `Token` scheme: Leonardo takes only `authorization: Bearer <your API key>` and answers `Invalid response from authorization hook`.',
  );
  assert.equal(token[0]!.finding.apiError, 'Invalid response from authorization hook');
});

test('`Basic …` with an encoded credential: the rename is offered, not applied automatically', () => {
  const hits = run(ROUTE("{ authorization: 'Basic ' + btoa(user + ':' + pass) }"));
  assert.equal(hits.length, 1);
  assert.equal(hits[0]!.finding.fixes[0]!.preferred, false);
});

test('a bare key without Bearer: a literal gets the prefix, an env read or a key variable is wrapped at the use', () => {
  assert.match(fixed(ROUTE(`{ authorization: '${KEY}' }`), RULE), new RegExp(`authorization: 'Bearer ${KEY}'`));
  assert.match(
    fixed(ROUTE('{ authorization: process.env.LEONARDO_API_KEY as string }'), RULE),
    /authorization: `Bearer \$\{process\.env\.LEONARDO_API_KEY as string\}`/,
  );
  const viaConst = `const apiKey = process.env.LEONARDO_API_KEY;\n${ROUTE('{ authorization: apiKey }')}`;
  const hits = run(viaConst);
  assert.deepEqual(hits.map((h) => [h.line, h.text]), [[8, 'apiKey']]);
  const out = fixed(viaConst, RULE);
  assert.match(out, /^const apiKey = process\.env\.LEONARDO_API_KEY;/, 'the declaration stays as it is');
  assert.match(out, /authorization: `Bearer \$\{apiKey\}`/);
  assert.match(fixed(ROUTE('{ authorization: `${process.env.LEONARDO_API_KEY}` }'), RULE), /authorization: `Bearer \$\{process/);
  const literalConst = `const KEY = '${KEY}';\n${ROUTE("{ 'x-api-key': KEY }")}`;
  const renamed = fixed(literalConst, RULE);
  assert.match(renamed, new RegExp(`^const KEY = '${KEY}';`), 'a literal in a const is wrapped where it is used too');
  assert.match(renamed, /headers: \{ 'authorization': `Bearer \$\{KEY\}` \}/);
});

test('a literal key that is not a UUID is flagged without showing it; placeholders are not', () => {
  const hits = run(ROUTE("{ authorization: 'Bearer sk-live-9a8b7c6d5e4f' }"));
  assert.equal(hits.length, 1);
  assert.match(hits[0]!.message, /^The API key `sk-l…` is not a UUID/);
  assert.ok(!hits[0]!.message.includes('sk-live-9a8b7c6d5e4f'));
  assert.deepEqual(hits[0]!.finding.fixes, []);
  for (const placeholder of ['XXXXXXXX-XXXX-XXXX-XXXX-XXXXXXXXXXXX', 'YOUR_API_KEY', '<your-api-key>', '{{apiKey}}']) {
    assert.deepEqual(rows(ROUTE(`{ authorization: 'Bearer ${placeholder}' }`)), [], placeholder);
  }
  assert.match(run(ROUTE("{ authorization: 'Bearer ' }"))[0]!.message, /`Bearer` with no key/);
});

test('unknown values stay quiet: a whole-header variable, a parameter named token, a template built elsewhere', () => {
  assert.deepEqual(rows(ROUTE('{ authorization: authHeader }')), []);
  assert.deepEqual(rows(ROUTE('{ authorization: token }')), []);
  assert.deepEqual(rows(ROUTE('{ authorization: `${scheme} ${key}` }')), []);
  assert.deepEqual(rows(ROUTE('{ authorization: getAuthorization() }')), []);
  assert.deepEqual(rows(ROUTE('{ authorization: process.env.LEONARDO_AUTH_HEADER! }')), []);
  assert.deepEqual(rows(ROUTE("{ authorization: process.env['LEONARDO_TOKEN'] }")).length, 1, 'a token variable holds the bare key');
});

test('a spread of unknown headers hides whether the key is there; SDK calls have no headers', () => {
  assert.deepEqual(rows(ROUTE("{ ...defaultHeaders, 'content-type': 'application/json' }")), []);
  assert.deepEqual(rows(ROUTE("{ ...defaultHeaders, 'x-api-key': process.env.LEONARDO_API_KEY }")), []);
  const sdk = `import { Leonardo } from '@leonardo-ai/sdk';
const leonardo = new Leonardo({ bearerAuth: process.env.LEONARDO_API_KEY });
export const go = () => leonardo.image.createGeneration({ prompt: 'a fox', numImages: 1 });
`;
  assert.deepEqual(rows(sdk), []);
});

test('axios.create with headers: the instance headers count; interceptors may add the key', () => {
  const instance = (headers: string) => `import axios from 'axios';
const leonardo = axios.create({
  baseURL: 'https://cloud.leonardo.ai/api/rest/v1',
  headers: ${headers},
});
export const me = () => leonardo.get('/me');
`;
  assert.deepEqual(rows(instance('{ Authorization: `Bearer ${process.env.LEONARDO_API_KEY}` }')), []);
  assert.deepEqual(rows(instance("{ 'Content-Type': 'application/json' }")), [[4, 12, '{']]);
  assert.equal(
    run(instance("{ 'Content-Type': 'application/json' }"))[0]!.finding.fixes[0]!.edits[0]!.newText,
    ", 'Authorization': `Bearer ${process.env.LEONARDO_API_KEY}`",
    'capitalised and quoted like the other headers',
  );
  assert.deepEqual(rows(instance("{ 'X-Api-Key': process.env.LEONARDO_API_KEY }")).map((r) => r[2]), ["'X-Api-Key'"]);
  const intercepted = `${instance("{ 'Content-Type': 'application/json' }")}
leonardo.interceptors.request.use((config) => {
  config.headers.Authorization = \`Bearer \${process.env.LEONARDO_API_KEY}\`;
  return config;
});
`;
  assert.deepEqual(rows(intercepted), []);
});

test("other providers' x-api-key and missing headers are never judged", () => {
  const code = `export async function both(prompt: string) {
  await fetch('https://api.anthropic.com/v1/messages', {
    method: 'POST',
    headers: { 'x-api-key': process.env.ANTHROPIC_API_KEY!, 'anthropic-version': '2023-06-01' },
    body: JSON.stringify({ model: 'claude', messages: [{ role: 'user', content: prompt }] }),
  });
  await fetch('https://api.stability.ai/v2beta/stable-image/generate/core', { method: 'POST', headers: { accept: 'image/*' } });
  // leonardo is called elsewhere
}
`;
  assert.deepEqual(rows(code), []);
});

test('curl: single quotes keep `$LEONARDO_API_KEY` from expanding; a missing Bearer; no header at all', () => {
  const single = `curl --request GET \\
  --url https://cloud.leonardo.ai/api/rest/v1/me \\
  --header 'accept: application/json' \\
  --header 'authorization: Bearer $LEONARDO_API_KEY'
`;
  const hits = run(single, 'me.sh');
  assert.deepEqual(hits.map((h) => [h.line, h.column, h.text]), [[4, 28, 'Bearer $LEONARDO_API_KEY']]);
  assert.match(hits[0]!.message, /^`\$LEONARDO_API_KEY` is inside single quotes, so the shell sends it as written/);
  assert.match(fixed(single, RULE, { path: 'me.sh' }), /--header "authorization: Bearer \$LEONARDO_API_KEY"\n$/);

  assert.deepEqual(rows(single.replace(/'authorization: Bearer \$LEONARDO_API_KEY'/, '"authorization: Bearer $LEONARDO_API_KEY"'), 'me.sh'), []);
  const bare = 'curl -H "Authorization: $LEONARDO_API_KEY" https://cloud.leonardo.ai/api/rest/v1/me\n';
  assert.equal(fixed(bare, RULE, { path: 'me.sh' }), 'curl -H "Authorization: Bearer $LEONARDO_API_KEY" https://cloud.leonardo.ai/api/rest/v1/me\n');

  const none = 'curl https://cloud.leonardo.ai/api/rest/v1/me\n';
  const missing = run(none, 'me.sh');
  assert.deepEqual(missing.map((h) => h.text), ['curl']);
  assert.equal(
    applyFix(none, missing[0]!.finding.fixes[0]!),
    'curl -H "authorization: Bearer $LEONARDO_API_KEY" https://cloud.leonardo.ai/api/rest/v1/me\n',
  );
  assert.deepEqual(rows('curl --oauth2-bearer "$LEONARDO_API_KEY" https://cloud.leonardo.ai/api/rest/v1/me\n', 'me.sh'), []);
  assert.deepEqual(rows('curl -H "x-api-key: $KEY" https://api.example.com/v1/me\n', 'me.sh'), []);
});

test('curl in a Markdown code block: `Token` is corrected', () => {
  const md = '# Calling the API\n\n```bash\ncurl https://cloud.leonardo.ai/api/rest/v1/me -H "authorization: Token $LEONARDO_API_KEY"\n```\n';
  assert.deepEqual(rows(md, 'README.md'), [[4, 66, 'Token']]);
  assert.match(fixed(md, RULE, { path: 'README.md' }), /-H "authorization: Bearer \$LEONARDO_API_KEY"/);
});

test('.http files: a misspelt header, a missing one, and the docs example', () => {
  const misspelt = 'GET https://cloud.leonardo.ai/api/rest/v1/me\nAuthorizaton: Bearer {{$dotenv LEONARDO_API_KEY}}\n';
  assert.deepEqual(rows(misspelt, 'me.http'), [[2, 1, 'Authorizaton']]);
  assert.equal(fixed(misspelt, RULE, { path: 'me.http' }), misspelt.replace('Authorizaton', 'Authorization'));

  const missing = 'POST https://cloud.leonardo.ai/api/rest/v1/generations\nContent-Type: application/json\n\n{"prompt": "a fox"}\n';
  const hits = run(missing, 'gen.http');
  assert.deepEqual(hits.map((h) => h.line), [2]);
  assert.equal(
    applyFix(missing, hits[0]!.finding.fixes[0]!),
    'POST https://cloud.leonardo.ai/api/rest/v1/generations\nContent-Type: application/json\nAuthorization: Bearer {{$dotenv LEONARDO_API_KEY}}\n\n{"prompt": "a fox"}\n',
  );

  const docs = 'POST https://cloud.leonardo.ai/api/rest/v1/generations\naccept: application/json\nauthorization: Bearer XXXXXXXX-XXXX-XXXX-XXXX-XXXXXXXXXXXX\ncontent-type: application/json\n\n{"prompt": "An oil painting of a cat"}\n';
  assert.deepEqual(rows(docs, 'gen.http'), []);
});

test('Postman: a foreign header is renamed; the auth helper counts as the header', () => {
  const collection = (auth: object | undefined, header: object[]) =>
    JSON.stringify(
      {
        info: { _postman_id: '7c1d', name: 'Leonardo', schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json' },
        ...(auth ? { auth } : {}),
        item: [{ name: 'Me', request: { method: 'GET', header, url: { raw: 'https://cloud.leonardo.ai/api/rest/v1/me' } } }],
      },
      null,
      2,
    );
  const foreign = collection(undefined, [{ key: 'x-api-key', value: '{{LEONARDO_API_KEY}}' }]);
  const hits = run(foreign, 'leonardo.postman_collection.json');
  assert.deepEqual(hits.map((h) => h.text), ['x-api-key']);
  const out = fixed(foreign, RULE, { path: 'leonardo.postman_collection.json' });
  assert.match(out, /"key": "authorization",\s*"value": "Bearer \{\{LEONARDO_API_KEY\}\}"/);
  const helper = collection({ type: 'bearer', bearer: [{ key: 'token', value: '{{LEONARDO_API_KEY}}', type: 'string' }] }, []);
  assert.deepEqual(rows(helper, 'leonardo.postman_collection.json'), []);
  assert.deepEqual(rows(collection(undefined, [{ key: 'Accept', value: 'application/json' }]), 'leonardo.postman_collection.json').length, 1);
});

test('fetch(url) with no options cannot send the key; fetch(url, init) is not judged', () => {
  const code = `export async function poll(id: string) {
  const res = await fetch(\`https://cloud.leonardo.ai/api/rest/v1/generations/\${id}\`);
  return res.json();
}
`;
  const hits = run(code);
  assert.deepEqual(hits.map((h) => [h.line, h.column]), [[2, 27]]);
  assert.match(hits[0]!.message, /^This `fetch` to Leonardo sends no headers, so no `authorization`/);
  assert.match(
    applyFix(code, hits[0]!.finding.fixes[0]!),
    /fetch\(`https:\/\/cloud\.leonardo\.ai\/api\/rest\/v1\/generations\/\$\{id\}`, \{ headers: \{ authorization: `Bearer \$\{process\.env\.LEONARDO_API_KEY\}` \} \}\);/,
  );
  assert.deepEqual(rows("export const me = (init: RequestInit) => fetch('https://cloud.leonardo.ai/api/rest/v1/me', init);"), []);
  assert.deepEqual(rows("export const img = (url: string) => fetch('https://cdn.leonardo.ai/users/1/generations/2/image.jpg');"), []);
});
