// content-moderation: prompts with a word the moderation filter rejects; never negative prompts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lint } from '../helpers/lint.js';
import { MODERATION_TERMS } from '../../server/src/engine/data/moderation-terms.js';

const RULE = 'content-moderation';
const run = (code: string, path = 'app.ts') => lint(code, { rules: [RULE], path });
const rows = (code: string, path = 'app.ts') => run(code, path).map((h) => [h.line, h.column, h.text]);

const FETCH = (body: string) => `export async function generate(style: string) {
  return fetch('https://cloud.leonardo.ai/api/rest/v1/generations', {
    method: 'POST',
    headers: { authorization: \`Bearer \${process.env.LEONARDO_API_KEY}\`, 'content-type': 'application/json' },
    body: JSON.stringify(${body}),
  });
}
`;

test('the catalogue example: "naked" in a prompt, on the word, quoting the API', () => {
  const hits = run(FETCH("{ prompt: 'a naked mole rat in a tiny hat', num_images: 1 }"));
  assert.deepEqual(hits.map((h) => [h.line, h.column, h.text]), [[5, 39, 'naked']]);
  assert.equal(
    hits[0]!.message,
    'The prompt contains "naked", a word Leonardo\'s content moderation filter rejects: the API answers 403 Forbidden ' +
      '`content moderation filter: naked`. Rephrase the prompt (see the Terms of Service, Limitations of Use).',
  );
  assert.equal(hits[0]!.severity, 'information');
  assert.equal(hits[0]!.finding.apiError, 'content moderation filter: naked');
  assert.equal(hits[0]!.finding.endpoint, 'POST /generations');
  assert.deepEqual(hits[0]!.finding.fixes, []);
});

test('whole words, any case; each term once per prompt; several terms each reported', () => {
  assert.deepEqual(rows(FETCH("{ prompt: 'NUDE figure study, nude, Topless' }")).map((r) => r[2]), ['NUDE', 'Topless']);
  assert.deepEqual(rows(FETCH("{ prompt: 'nakedness of the winter trees, nudes, denuded hills, nsfw_filter' }")), []);
  assert.deepEqual(rows(FETCH("{ prompt: 'a Pornographic poster' }")).map((r) => r[2]), ['Pornographic']);
});

test('negative_prompt and negativePrompt are never judged; other fields neither', () => {
  assert.deepEqual(rows(FETCH("{ prompt: 'a portrait in oils', negative_prompt: 'nude, naked, nsfw' }")), []);
  const sdk = `import { Leonardo } from '@leonardo-ai/sdk';
const leonardo = new Leonardo({ bearerAuth: process.env.LEONARDO_API_KEY });
export const run = () => leonardo.image.createGeneration({ prompt: 'a nude statue in a museum', negativePrompt: 'naked, nsfw' });
`;
  assert.deepEqual(rows(sdk), [[3, 71, 'nude']]);
  assert.deepEqual(rows(FETCH("{ prompt: 'a museum hall', title: 'naked' }")), []);
});

test('every literal that can be sent, and the text of a template', () => {
  assert.deepEqual(rows(FETCH("{ prompt: style === 'x' ? 'a nude' : 'a dressed figure' }")).map((r) => r[2]), ['nude']);
  assert.deepEqual(rows(FETCH('{ prompt: `a ${style} topless figure` }')).map((r) => r[2]), ['topless']);
  assert.deepEqual(rows(FETCH('{ prompt: `${naked}` }')), [], 'a variable named like a term is not text');
  assert.deepEqual(rows(FETCH('{ prompt: style }')), []);
});

test('JSON request files, curl, .http files and the v2 API', () => {
  const json = '// POST /generations\n{\n  "prompt": "a naked tree in winter",\n  "negative_prompt": "nude"\n}\n';
  assert.deepEqual(rows(json, 'request.jsonc'), [[3, 16, 'naked']]);
  const curl = `curl -X POST https://cloud.leonardo.ai/api/rest/v1/generations \\
  -H "authorization: Bearer $LEONARDO_API_KEY" -H 'content-type: application/json' \\
  -d '{"prompt": "an nsfw comic", "negative_prompt": "naked"}'
`;
  assert.deepEqual(rows(curl, 'gen.sh'), [[3, 22, 'nsfw']]);
  const http = `POST https://cloud.leonardo.ai/api/rest/v1/generations
Authorization: Bearer {{$dotenv LEONARDO_API_KEY}}
Content-Type: application/json

{"prompt": "hentai style", "negative_prompt": "naked"}
`;
  assert.deepEqual(rows(http, 'gen.http'), [[5, 13, 'hentai']]);
  const v2 = `fetch('https://cloud.leonardo.ai/api/rest/v2/generations', {
  method: 'POST',
  headers: { authorization: \`Bearer \${process.env.LEONARDO_API_KEY}\` },
  body: JSON.stringify({ model: 'gemini-2.5-flash-image', parameters: { prompt: 'a naked sculpture', quantity: 1 }, public: false }),
});
`;
  assert.deepEqual(rows(v2).map((r) => r[2]), ['naked']);
  const postman = JSON.stringify({
    info: { _postman_id: '3e4f', name: 'Leonardo', schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json' },
    item: [{ name: 'Generate', request: { method: 'POST', header: [], url: { raw: 'https://cloud.leonardo.ai/api/rest/v1/generations' }, body: { mode: 'raw', raw: '{"prompt": "a \\"naked\\" tree", "negative_prompt": "nude"}' } } }],
  });
  assert.deepEqual(rows(postman, 'leonardo.postman_collection.json').map((r) => r[2]), ['naked']);
});

test('other services are not judged', () => {
  const code = `await fetch('https://api.openai.com/v1/images/generations', { method: 'POST', body: JSON.stringify({ prompt: 'a naked tree' }) });
// leonardo is elsewhere
`;
  assert.deepEqual(rows(code), []);
});

test('the term list stays short, starts from the catalogue example, and gives a reason for each term', () => {
  assert.equal(MODERATION_TERMS[0]!.term, 'naked');
  assert.ok(MODERATION_TERMS.length <= 12, 'short and conservative');
  for (const { term, reason } of MODERATION_TERMS) {
    assert.match(term, /^[a-z]+(?: [a-z]+)*$/, `${term}: lower-case words`);
    assert.ok(reason.length > 10 && !reason.includes('\n'), `${term}: a one-line reason`);
  }
  assert.equal(new Set(MODERATION_TERMS.map((t) => t.term)).size, MODERATION_TERMS.length);
});
