// duplicate-field: the same key twice in one object literal or JSON object; the earlier one is ignored.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { edit, ruleTester } from '../helpers/rule-tester.js';

const PORTRAIT = `{
  "prompt": "A portrait of an astronaut in a sunflower field",
  "num_images": 4,
  "width": 832,
  "num_images": 2
}`;
const PORTRAIT_FIXED = `{
  "prompt": "A portrait of an astronaut in a sunflower field",
  "width": 832,
  "num_images": 2
}`;

ruleTester.run('duplicate-field', {
  valid: [
    {
      name: 'deliberate overrides (spreads, assignments, Object.assign, conditional pieces)',
      code: `const defaults = { prompt: 'a default', width: 512, num_images: 1 };
export async function go(key: string, c: boolean, prompt: string) {
  const body: Record<string, unknown> = { ...defaults, prompt, ...(c ? { width: 768 } : { width: 1024 }) };
  body.num_images = 2;
  if (c) body.prompt = 'x';
  Object.assign(body, { width: 640 });
  return fetch('https://cloud.leonardo.ai/api/rest/v1/generations', {
    method: 'POST',
    headers: { authorization: \`Bearer \${key}\` },
    body: JSON.stringify(body),
  });
}
`,
    },
    {
      name: 'aliases are different keys (num_images is unknown-field in an SDK call, not a duplicate)',
      code: `import { Leonardo } from '@leonardo-ai/sdk';
const leonardo = new Leonardo({ bearerAuth: '' });
export const go = () => leonardo.image.createGeneration({ prompt: 'a', numImages: 2, num_images: 2 });
`,
    },
    {
      name: 'v2 request',
      code: `export const go = () => fetch('https://cloud.leonardo.ai/api/rest/v2/generations', {
  method: 'POST',
  body: JSON.stringify({ model: 'x', public: false, public: true }),
});`,
    },
    {
      name: 'another provider',
      code: `export const go = () => fetch('https://api.example.com/v1/images', {
  method: 'POST',
  body: JSON.stringify({ prompt: 'a', prompt: 'b' }),
});`,
    },
    { name: 'not a request file', path: 'package.json', code: '{"name": "x", "name": "y"}' },
  ],
  invalid: [
    {
      name: 'a key twice in a JSON request file: on the earlier one, fix removes it',
      path: 'portrait.leonardo.json',
      code: PORTRAIT,
      findings: [
        {
          message: "'num_images' is set again later in this object: only the later value is sent, this one is ignored.",
          at: [3, 3, '"num_images"'],
          fixes: [{ title: "Remove the earlier 'num_images'", output: PORTRAIT_FIXED, preferred: true }],
        },
      ],
    },
    {
      name: 'three times: each earlier one is reported; nested objects too',
      path: 'r.jsonc',
      code: `// POST /generations
{"prompt": "a", "prompt": "b", "prompt": "c", "controlnets": [{"weight": 0.5, "preprocessorId": 67, "weight": 0.7}]}`,
      findings: [
        {
          message: "'prompt' is set again later in this object: only the later value is sent, this one is ignored.",
          at: [2, 2, '"prompt"'],
          fixes: [{ title: "Remove the earlier 'prompt'", output: edit('"prompt": "a", ', ''), preferred: true }],
        },
        {
          message: "'prompt' is set again later in this object: only the later value is sent, this one is ignored.",
          at: [2, 17, '"prompt"'],
          fixes: [{ title: "Remove the earlier 'prompt'", output: edit('"prompt": "b", ', ''), preferred: true }],
        },
        {
          message: "'weight' is set again later in this object: only the later value is sent, this one is ignored.",
          at: [2, 64, '"weight"'],
          fixes: [{ title: "Remove the earlier 'weight'", output: edit('"weight": 0.5, ', ''), preferred: true }],
        },
      ],
    },
    {
      name: 'an object literal in a fetch body',
      code: `export const go = (key: string) => fetch('https://cloud.leonardo.ai/api/rest/v1/generations', {
  method: 'POST',
  headers: { authorization: \`Bearer \${key}\` },
  body: JSON.stringify({ prompt: 'a fox', width: 512, height: 512, width: 768 }),
});
`,
      findings: [
        {
          message: "'width' is set again later in this object: only the later value is sent, this one is ignored.",
          at: [4, 43, 'width'],
          fixes: [{ title: "Remove the earlier 'width'", output: edit('width: 512, ', ''), preferred: true }],
        },
      ],
    },
    {
      name: 'an object literal in an SDK call, one key quoted',
      code: `import { Leonardo } from '@leonardo-ai/sdk';
const leonardo = new Leonardo({ bearerAuth: process.env.LEONARDO_API_KEY ?? '' });
export const go = () => leonardo.image.createGeneration({
  prompt: 'a fox',
  numImages: 2,
  'numImages': 1,
});
`,
      findings: [
        {
          message: "'numImages' is set again later in this object: only the later value is sent, this one is ignored.",
          at: [5, 3, 'numImages'],
          fixes: [{ title: "Remove the earlier 'numImages'", output: edit('  numImages: 2,\n', ''), preferred: true }],
        },
      ],
    },
    {
      name: 'one literal shared by two requests is reported once',
      code: `const body = { prompt: 'a', prompt: 'b' };
export const one = () => fetch('https://cloud.leonardo.ai/api/rest/v1/generations', { method: 'POST', body: JSON.stringify(body) });
export const two = () => fetch('https://cloud.leonardo.ai/api/rest/v1/generations', { method: 'POST', body: JSON.stringify(body) });
`,
      findings: [
        {
          message: "'prompt' is set again later in this object: only the later value is sent, this one is ignored.",
          at: [1, 16, 'prompt'],
          fixes: [{ title: "Remove the earlier 'prompt'", output: edit('prompt: \'a\', ', ''), preferred: true }],
        },
      ],
    },
  ],
});

test('removing the earlier key sends the same request', () => {
  assert.deepEqual(JSON.parse(PORTRAIT_FIXED), JSON.parse(PORTRAIT));
});
