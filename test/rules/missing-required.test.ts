// missing-required: required fields absent (on the opening brace) or null (on the key).
// Its fixes insert a typed placeholder: offered, never preferred.
import { test } from 'node:test';
import { edit, ruleTester } from '../helpers/rule-tester.js';

const HEADER = '// POST /generations\n';
const FETCH = (body: string) => `const BASE = 'https://cloud.leonardo.ai/api/rest/v1';
export async function go(key: string, c: boolean, extra: Record<string, unknown>, prompt?: string) {
  return fetch(\`\${BASE}/generations\`, {
    method: 'POST',
    headers: { authorization: \`Bearer \${key}\`, 'content-type': 'application/json' },
    body: JSON.stringify(${body}),
  });
}
`;
const SDK = (call: string) => `import { Leonardo } from '@leonardo-ai/sdk';
const leonardo = new Leonardo({ bearerAuth: process.env.LEONARDO_API_KEY ?? '' });
export async function go(c: boolean, prompt: string) {
  return ${call};
}
`;
const WIDTH_ONLY = `${HEADER}{
  "width": 1024
}`;
const WIDTH_ONLY_FIXED = `${HEADER}{
  "width": 1024,
  "prompt": "TODO: describe what to generate"
}`;

const CLI = (guard: string) => `const BASE = 'https://cloud.leonardo.ai/api/rest/v1';
const headers = { authorization: \`Bearer \${process.env.LEONARDO_API_KEY}\`, 'content-type': 'application/json' };
async function generate(prompt: string | undefined) {
  return fetch(\`\${BASE}/generations\`, { method: 'POST', headers, body: JSON.stringify({ prompt, width: 1024 }) });
}
export async function main(args: string[]) {
  const at = args.indexOf('--prompt');
  const prompt = at >= 0 ? args[at + 1] : undefined;
  ${guard}
  await generate(prompt);
}
`;

const IMAGE_TO_VIDEO = (guard: string) => `export async function imageToVideo(req: { body: Record<string, string | undefined> }) {
  const { prompt, imageId, model = 'KLING2_1', endFrameImageId = null } = req.body;
  const videoBody: Record<string, unknown> = { prompt, imageId, imageType: 'GENERATED', model, duration: 5 };
  ${guard}videoBody.endFrameImage = { id: endFrameImageId, type: 'GENERATED' };
  const res = await fetch('https://cloud.leonardo.ai/api/rest/v1/generations-image-to-video', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: \`Bearer \${process.env.LEONARDO_API_KEY}\` },
    body: JSON.stringify(videoBody),
  });
  return res.json();
}
`;

ruleTester.run('missing-required', {
  valid: [
    { name: 'a destructured default of null the code tests before it sends it (if (id), if (hd && id))', code: IMAGE_TO_VIDEO('if (endFrameImageId) ') },
    { name: 'the same behind a test of the model and the id', code: IMAGE_TO_VIDEO("if (model === 'KLING2_1' && endFrameImageId) ") },
    { name: 'a name that may be undefined, tested before it is sent: the code handles it (exit)', code: CLI(`if (!prompt) process.exit(1);`) },
    { name: 'a name that may be undefined, tested before it is sent (== null, throw)', code: CLI(`if (prompt == null) throw new Error('--prompt is required');`) },
    { name: 'SDK: the SDK fills prompt with its default', code: SDK(`leonardo.image.createGeneration({ width: 512, height: 512 })`) },
    { name: 'SDK: createGeneration({}) is not reported', code: SDK(`leonardo.image.createGeneration({})`) },
    { name: 'a complete body', path: 'request.jsonc', code: `${HEADER}{"prompt": "a castle"}` },
    { name: 'shorthand prompt', code: FETCH(`{ prompt, width: 512 }`) },
    { name: 'a spread of unknown keys may hold prompt', code: FETCH(`{ ...extra, width: 512 }`) },
    { name: 'conditionally present', code: FETCH(`{ width: 512, ...(c && { prompt: 'x' }) }`) },
    { name: 'a fallback literal', code: FETCH(`{ prompt: prompt ?? 'a default' }`) },
    { name: 'an empty object as the fallback of a body that cannot be known: a guard, not what is meant to be sent', code: FETCH(`extra || {}`) },
    { name: 'the same guard beside a body built around what cannot be known', code: FETCH(`c ? { ...extra, modelId: 'b24e16ff-06e3-43eb-8d33-4416c2d75876' } : {}`) },
    {
      name: 'the same guard on a v2 body',
      code: `export const go = (key: string, data?: object) => fetch('https://cloud.leonardo.ai/api/rest/v2/generations', {
  method: 'POST',
  headers: { authorization: \`Bearer \${key}\` },
  body: JSON.stringify(data ?? {}),
});`,
    },
    { name: 'nullable optional field', path: 'request.jsonc', code: `${HEADER}{"prompt": "x", "negative_prompt": null}` },
    {
      name: 'v2 API request',
      code: `export const go = (key: string) => fetch('https://cloud.leonardo.ai/api/rest/v2/generations', {
  method: 'POST',
  headers: { authorization: \`Bearer \${key}\` },
  body: JSON.stringify({ model: 'gemini-2.5-flash-image', parameters: { prompt: 'a fox', width: 1024, height: 1024 }, public: false }),
});`,
    },
    {
      name: 'another provider',
      code: `export const go = () => fetch('https://api.openai.com/v1/images/generations', {
  method: 'POST',
  body: JSON.stringify({ prompt: null, model: 'dall-e-3' }),
});`,
    },
  ],
  invalid: [
    {
      name: 'prompt absent from POST /generations: on the opening brace, with the API error',
      path: 'request.jsonc',
      code: `${HEADER}{
  "modelId": "de7d3faf-762f-48e0-b3b7-9d0ac3a3fcf3",
  "width": 1024
}`,
      findings: [
        {
          message: "'prompt' is required by POST /generations and is missing.",
          at: [2, 1, '{'],
          severity: 'error',
          apiError: 'expecting a value for non-nullable variable: "prompt"',
          endpoint: 'POST /generations',
          fixes: [{ title: `Add 'prompt: "TODO: describe what to generate"'`, output: edit('1024', '1024,\n  "prompt": "TODO: describe what to generate"'), preferred: false }],
        },
      ],
    },
    { name: 'the insert fix adds a typed placeholder and is not preferred', path: 'request.jsonc', code: WIDTH_ONLY, findings: [
      {
        message: "'prompt' is required by POST /generations and is missing.",
        at: [2, 1, '{'],
        fixes: [{ title: `Add 'prompt: "TODO: describe what to generate"'`, output: WIDTH_ONLY_FIXED, preferred: false }],
      },
    ] },
    { name: 'prompt: null sits on the key; the fix replaces the null', path: 'request.jsonc', code: `${HEADER}{"prompt": null, "width": 512}`, findings: [
      {
        message: "'prompt' is required by POST /generations but is null.",
        at: [2, 2, '"prompt"'],
        fixes: [{ title: `Set 'prompt' to "TODO: describe what to generate"`, output: edit('null', '"TODO: describe what to generate"'), preferred: false }],
      },
    ] },
    {
      name: 'two required fields missing from one body: each is reported at its brace',
      code: `import axios from 'axios';
const headers = { Authorization: \`Bearer \${process.env.LEONARDO_API_KEY}\` };
export async function animate(prompt: string) {
  return axios.post('https://cloud.leonardo.ai/api/rest/v1/generations-image-to-video', { prompt, duration: 8, isPublic: false }, { headers });
}
`,
      findings: [
        {
          message: "'imageId' is required by POST /generations-image-to-video and is missing.",
          at: [4, 89, '{'],
          fixes: [{ title: 'Add \'imageId: "XXXXXXXX-XXXX-XXXX-XXXX-XXXXXXXXXXXX"\'', output: edit('false', 'false, imageId: "XXXXXXXX-XXXX-XXXX-XXXX-XXXXXXXXXXXX"'), preferred: false }],
        },
        {
          message: "'imageType' is required by POST /generations-image-to-video and is missing.",
          at: [4, 89, '{'],
          fixes: [{ title: 'Add \'imageType: "GENERATED"\'', output: edit('false', 'false, imageType: "GENERATED"'), preferred: false }],
        },
      ],
    },
    { name: 'upload extension is required', path: 'a.jsonc', code: '// POST /init-image\n{}', findings: [
      {
        message: "'extension' is required by POST /init-image and is missing.",
        at: [2, 1, '{'],
        fixes: [{ title: `Add 'extension: "png"'`, output: edit('{}', '{ "extension": "png"}'), preferred: false }],
      },
    ] },
    { name: 'variation id is required', path: 'a.jsonc', code: '// POST /variations/upscale\n{"isVariation": true}', findings: [
      {
        message: "'id' is required by POST /variations/upscale and is missing.",
        at: [2, 1, '{'],
        fixes: [{ title: `Add 'id: "XXXXXXXX-XXXX-XXXX-XXXX-XXXXXXXXXXXX"'`, output: edit('true', 'true, "id": "XXXXXXXX-XXXX-XXXX-XXXX-XXXXXXXXXXXX"'), preferred: false }],
      },
    ] },
    {
      name: "motion imageId is required; its placeholder is the docs' UUID placeholder (invalid-id stays quiet)",
      path: 'a.jsonc',
      code: '// POST /generations-motion-svd\n{"motionStrength": 5}',
      findings: [
        {
          message: "'imageId' is required by POST /generations-motion-svd and is missing.",
          at: [2, 1, '{'],
          fixes: [{ title: `Add 'imageId: "XXXXXXXX-XXXX-XXXX-XXXX-XXXXXXXXXXXX"'`, output: edit('5', '5, "imageId": "XXXXXXXX-XXXX-XXXX-XXXX-XXXXXXXXXXXX"'), preferred: false }],
        },
      ],
    },
    {
      name: 'nested required fields: elements[].akUUID, on the element brace',
      path: 'request.jsonc',
      code: `${HEADER}{
  "prompt": "a lighthouse",
  "elements": [{ "weight": 0.8 }, { "akUUID": "b7c6e9e5-2d38-4b8e-9a51-2b0f6a1d2c3e" }]
}`,
      findings: [
        {
          message: "'akUUID' is required by POST /generations in 'elements[]' and is missing.",
          at: [4, 16, '{'],
          fixes: [{ title: `Add 'akUUID: "XXXXXXXX-XXXX-XXXX-XXXX-XXXXXXXXXXXX"'`, output: edit('.8 ', '.8, "akUUID": "XXXXXXXX-XXXX-XXXX-XXXX-XXXXXXXXXXXX" '), preferred: false }],
        },
      ],
    },
    {
      name: 'raw fetch: absent prompt on the literal brace, a JS placeholder in the literal quote style',
      code: FETCH(`{ modelId: 'de7d3faf-762f-48e0-b3b7-9d0ac3a3fcf3', width: 512 }`),
      findings: [
        {
          message: "'prompt' is required by POST /generations and is missing.",
          at: [6, 26, '{'],
          fixes: [{ title: `Add 'prompt: "TODO: describe what to generate"'`, output: edit('512', '512, prompt: \'TODO: describe what to generate\''), preferred: false }],
        },
      ],
    },
    { name: 'raw fetch: prompt: undefined is left out by JSON.stringify', code: FETCH(`{ prompt: undefined, width: 512 }`), findings: [
      {
        message: "'prompt' is required by POST /generations but is undefined, which JSON.stringify leaves out.",
        at: [6, 28, 'prompt'],
        fixes: [{ title: `Set 'prompt' to "TODO: describe what to generate"`, output: edit('undefined', '"TODO: describe what to generate"'), preferred: false }],
      },
    ] },
    { name: 'a name that may be undefined and is never tested before it is sent', code: CLI(`console.log('generating');`), findings: [
      {
        message: "'prompt' is required by POST /generations but is undefined on one path, which JSON.stringify leaves out.",
        at: [4, 89, 'prompt'],
        fixes: [{ title: `Set 'prompt' to "TODO: describe what to generate"`, output: edit(' undefined;', ' "TODO: describe what to generate";'), preferred: false }],
      },
    ] },
    { name: 'a destructured default of null sent with no test of it', code: IMAGE_TO_VIDEO(''), findings: [
      {
        message: "'id' is required by POST /generations-image-to-video in 'endFrameImage' but is null on one path.",
        at: [4, 31, 'id'],
        fixes: [{ title: 'Set \'id\' to "XXXXXXXX-XXXX-XXXX-XXXX-XXXXXXXXXXXX"', output: edit('null', "'XXXXXXXX-XXXX-XXXX-XXXX-XXXXXXXXXXXX'"), preferred: false }],
      },
    ] },
    { name: 'one side of a conditional that is null is checked', code: FETCH(`{ prompt: c ? 'a fox' : null }`), findings: [
      {
        message: "'prompt' is required by POST /generations but is null on one path.",
        at: [6, 28, 'prompt'],
        fixes: [{ title: `Set 'prompt' to "TODO: describe what to generate"`, output: edit('null', '\'TODO: describe what to generate\''), preferred: false }],
      },
    ] },
    { name: 'a null side is checked next to a conditional spread', code: FETCH(`{ prompt: c ? 'x' : null, ...(c && { x: 1 }) }`), findings: [
      {
        message: "'prompt' is required by POST /generations but is null on one path.",
        at: [6, 28, 'prompt'],
        fixes: [{ title: `Set 'prompt' to "TODO: describe what to generate"`, output: edit('null', '\'TODO: describe what to generate\''), preferred: false }],
      },
    ] },
    { name: 'SDK: a required field without an SDK default is reported', code: SDK(`leonardo.initImages.uploadInitImage({})`), findings: [
      {
        message: "'extension' is required by POST /init-image and is missing.",
        at: [4, 46, '{'],
        fixes: [{ title: `Add 'extension: "png"'`, output: edit('{}', '{ extension: "png"}'), preferred: false }],
      },
    ] },
    { name: 'SDK: motion imageId, with the SDK name', code: SDK(`leonardo.motion.createSVDMotionGeneration({ motionStrength: 5 })`), findings: [
      {
        message: "'imageId' is required by POST /generations-motion-svd and is missing.",
        at: [4, 52, '{'],
        fixes: [{ title: `Add 'imageId: "XXXXXXXX-XXXX-XXXX-XXXX-XXXXXXXXXXXX"'`, output: edit('5', '5, imageId: "XXXXXXXX-XXXX-XXXX-XXXX-XXXXXXXXXXXX"'), preferred: false }],
      },
    ] },
  ],
});

test('the placeholder insert leaves valid JSON (after the comment line)', () => {
  JSON.parse(WIDTH_ONLY_FIXED.slice(HEADER.length));
});
