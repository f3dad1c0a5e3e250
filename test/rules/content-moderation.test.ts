// content-moderation: prompts with a word the moderation filter rejects; never negative prompts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ruleTester } from '../helpers/rule-tester.js';
import { MODERATION_TERMS } from '../../server/src/engine/data/moderation-terms.js';

const FETCH = (body: string) => `export async function generate(style: string) {
  return fetch('https://cloud.leonardo.ai/api/rest/v1/generations', {
    method: 'POST',
    headers: { authorization: \`Bearer \${process.env.LEONARDO_API_KEY}\`, 'content-type': 'application/json' },
    body: JSON.stringify(${body}),
  });
}
`;

ruleTester.run('content-moderation', {
  valid: [
    { name: 'whole words only', code: FETCH("{ prompt: 'nakedness of the winter trees, nudes, denuded hills, nsfw_filter' }") },
    { name: 'negative_prompt is never judged', code: FETCH("{ prompt: 'a portrait in oils', negative_prompt: 'nude, naked, nsfw' }") },
    { name: 'other fields are not judged', code: FETCH("{ prompt: 'a museum hall', title: 'naked' }") },
    { name: 'a variable named like a term is not text', code: FETCH('{ prompt: `${naked}` }') },
    { name: 'an unknown prompt', code: FETCH('{ prompt: style }') },
    {
      name: 'other services are not judged',
      code: `await fetch('https://api.openai.com/v1/images/generations', { method: 'POST', body: JSON.stringify({ prompt: 'a naked tree' }) });
// leonardo is elsewhere
`,
    },
  ],
  invalid: [
    {
      name: 'the catalogue example: "naked" in a prompt, on the word, quoting the API',
      code: FETCH("{ prompt: 'a naked mole rat in a tiny hat', num_images: 1 }"),
      findings: [
        {
          message: `The prompt contains "naked", which Leonardo's moderation filter rejects (403): rephrase the prompt.`,
          at: [5, 39, 'naked'],
          severity: 'information',
          apiError: 'content moderation filter: naked',
          endpoint: 'POST /generations',
          fixes: [],
        },
      ],
    },
    { name: 'any case; each term once per prompt; several terms each reported', code: FETCH("{ prompt: 'NUDE figure study, nude, Topless' }"), findings: [
      {
        message: `The prompt contains "NUDE", which Leonardo's moderation filter rejects (403): rephrase the prompt.`,
        at: [5, 37, 'NUDE'],
        fixes: [],
      },
      {
        message: `The prompt contains "Topless", which Leonardo's moderation filter rejects (403): rephrase the prompt.`,
        at: [5, 62, 'Topless'],
        fixes: [],
      },
    ] },
    { name: 'a capitalised adjective', code: FETCH("{ prompt: 'a Pornographic poster' }"), findings: [
      {
        message: `The prompt contains "Pornographic", which Leonardo's moderation filter rejects (403): rephrase the prompt.`,
        at: [5, 39, 'Pornographic'],
        fixes: [],
      },
    ] },
    {
      name: 'SDK call: the prompt, not negativePrompt',
      code: `import { Leonardo } from '@leonardo-ai/sdk';
const leonardo = new Leonardo({ bearerAuth: process.env.LEONARDO_API_KEY });
export const run = () => leonardo.image.createGeneration({ prompt: 'a nude statue in a museum', negativePrompt: 'naked, nsfw' });
`,
      findings: [
        {
          message: `The prompt contains "nude", which Leonardo's moderation filter rejects (403): rephrase the prompt.`,
          at: [3, 71, 'nude'],
          fixes: [],
        },
      ],
    },
    { name: 'every literal that can be sent', code: FETCH("{ prompt: style === 'x' ? 'a nude' : 'a dressed figure' }"), findings: [
      {
        message: `The prompt contains "nude", which Leonardo's moderation filter rejects (403): rephrase the prompt.`,
        at: [5, 55, 'nude'],
        fixes: [],
      },
    ] },
    { name: 'the text of a template', code: FETCH('{ prompt: `a ${style} topless figure` }'), findings: [
      {
        message: `The prompt contains "topless", which Leonardo's moderation filter rejects (403): rephrase the prompt.`,
        at: [5, 48, 'topless'],
        fixes: [],
      },
    ] },
    {
      name: 'JSON request file',
      path: 'request.jsonc',
      code: '// POST /generations\n{\n  "prompt": "a naked tree in winter",\n  "negative_prompt": "nude"\n}\n',
      findings: [
        {
          message: `The prompt contains "naked", which Leonardo's moderation filter rejects (403): rephrase the prompt.`,
          at: [3, 16, 'naked'],
          fixes: [],
        },
      ],
    },
    {
      name: 'curl',
      path: 'gen.sh',
      code: `curl -X POST https://cloud.leonardo.ai/api/rest/v1/generations \\
  -H "authorization: Bearer $LEONARDO_API_KEY" -H 'content-type: application/json' \\
  -d '{"prompt": "an nsfw comic", "negative_prompt": "naked"}'
`,
      findings: [
        {
          message: `The prompt contains "nsfw", which Leonardo's moderation filter rejects (403): rephrase the prompt.`,
          at: [3, 22, 'nsfw'],
          fixes: [],
        },
      ],
    },
    {
      name: '.http file',
      path: 'gen.http',
      code: `POST https://cloud.leonardo.ai/api/rest/v1/generations
Authorization: Bearer {{$dotenv LEONARDO_API_KEY}}
Content-Type: application/json

{"prompt": "hentai style", "negative_prompt": "naked"}
`,
      findings: [
        {
          message: `The prompt contains "hentai", which Leonardo's moderation filter rejects (403): rephrase the prompt.`,
          at: [5, 13, 'hentai'],
          fixes: [],
        },
      ],
    },
    {
      name: 'the v2 API',
      code: `fetch('https://cloud.leonardo.ai/api/rest/v2/generations', {
  method: 'POST',
  headers: { authorization: \`Bearer \${process.env.LEONARDO_API_KEY}\` },
  body: JSON.stringify({ model: 'gemini-2.5-flash-image', parameters: { prompt: 'a naked sculpture', quantity: 1 }, public: false }),
});
`,
      findings: [
        {
          message: `The prompt contains "naked", which Leonardo's moderation filter rejects (403): rephrase the prompt.`,
          at: [4, 84, 'naked'],
          fixes: [],
        },
      ],
    },
    {
      name: 'Postman collection',
      path: 'leonardo.postman_collection.json',
      code: JSON.stringify({
        info: { _postman_id: '3e4f', name: 'Leonardo', schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json' },
        item: [{ name: 'Generate', request: { method: 'POST', header: [], url: { raw: 'https://cloud.leonardo.ai/api/rest/v1/generations' }, body: { mode: 'raw', raw: '{"prompt": "a \\"naked\\" tree", "negative_prompt": "nude"}' } } }],
      }),
      findings: [
        {
          message: `The prompt contains "naked", which Leonardo's moderation filter rejects (403): rephrase the prompt.`,
          at: [1, 311, 'naked'],
          fixes: [],
        },
      ],
    },
  ],
});

test('the term list stays short, starts from the catalogue example, and gives a reason for each term', () => {
  assert.equal(MODERATION_TERMS[0].term, 'naked');
  assert.ok(MODERATION_TERMS.length <= 12, 'short and conservative');
  for (const { term, reason } of MODERATION_TERMS) {
    assert.match(term, /^[a-z]+(?: [a-z]+)*$/, `${term}: lower-case words`);
    assert.ok(reason.length > 10 && !reason.includes('\n'), `${term}: a one-line reason`);
  }
  assert.equal(new Set(MODERATION_TERMS.map((t) => t.term)).size, MODERATION_TERMS.length);
});
