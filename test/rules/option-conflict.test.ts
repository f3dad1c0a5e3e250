// option-conflict: field combinations the API rejects, judged with the SDK's defaults in SDK calls.
import { test } from 'node:test';
import { edit, ruleTester } from '../helpers/rule-tester.js';

const HEADER = '// POST /generations\n';
const KINO_XL = 'aa77f04e-3eec-4034-9c07-d0f619684628';
const FETCH = (body: string) => `const BASE = 'https://cloud.leonardo.ai/api/rest/v1';
export async function go(key: string, c: boolean, extra: object, modelId?: string) {
  return fetch(\`\${BASE}/generations\`, {
    method: 'POST',
    headers: { authorization: \`Bearer \${key}\`, 'content-type': 'application/json' },
    body: JSON.stringify(${body}),
  });
}
`;
const SDK = (args: string, method = 'image.createGeneration') => `import { Leonardo } from '@leonardo-ai/sdk';
const leonardo = new Leonardo({ bearerAuth: process.env.LEONARDO_API_KEY ?? '' });
export async function go(prompt: string, c: boolean) {
  return leonardo.${method}(${args});
}
`;
const PORTRAIT_FIXED = `${HEADER}{
  "prompt": "a portrait in a sunflower field",
  "photoReal": true,
  "alchemy": true,
  "photoRealVersion": "v1"
}`;

ruleTester.run('option-conflict', {
  valid: [
    { name: 'SDK ultra with alchemy: false', code: SDK(`{ prompt, ultra: true, alchemy: false }`) },
    { name: 'a raw request with ultra and no alchemy', code: FETCH(`{ prompt: 'x', ultra: true }`) },
    { name: 'unzoom with unzoomAmount and an init image', path: 'r.jsonc', code: `${HEADER}{"prompt": "x", "unzoom": true, "unzoomAmount": 1.2, "init_image_id": "${KINO_XL}"}` },
    { name: 'photoReal v2 with a model id', code: FETCH(`{ prompt: 'x', modelId: '${KINO_XL}', photoReal: true, photoRealVersion: 'v2', alchemy: true }`) },
    { name: 'the clean SDK call', code: SDK(`{ prompt, modelId: null, photoReal: true, photoRealVersion: 'v1', alchemy: true }`) },
    { name: 'SDK photoReal v2: the SDK sends its default model', code: SDK(`{ prompt, photoReal: true, photoRealVersion: 'v2' }`) },
    { name: 'photoReal off', code: FETCH(`{ prompt: 'x', modelId: '${KINO_XL}', photoReal: false }`) },
    { name: 'modelId null', code: FETCH(`{ prompt: 'x', modelId: null, photoReal: true }`) },
    { name: 'alchemy omitted in a raw request', code: FETCH(`{ prompt: 'x', photoReal: true }`) },
    { name: 'a conditional modelId', code: FETCH(`{ prompt: 'x', photoReal: true, ...(c && { modelId: '${KINO_XL}' }) }`) },
    { name: 'an unknown photoReal', code: FETCH(`{ prompt: 'x', photoReal: c, modelId: '${KINO_XL}' }`) },
    { name: 'an unknown modelId', code: FETCH(`{ prompt: 'x', photoReal: true, modelId }`) },
    { name: 'an unknown modelId beside null, or beside undefined', code: FETCH(`{ prompt: 'x', photoReal: true, modelId: c ? modelId || '${KINO_XL}' : null }`) },
    { name: 'a modelId that may be left out (undefined)', code: FETCH(`{ prompt: 'x', photoReal: true, modelId: c ? '${KINO_XL}' : undefined }`) },
    { name: 'a conditional photoRealVersion', code: FETCH(`{ prompt: 'x', photoReal: true, photoRealVersion: c ? 'v1' : 'v2', modelId: '${KINO_XL}' }`) },
    { name: 'SDK: a conditional modelId: null', code: SDK(`{ prompt, photoReal: true, ...(c ? { modelId: null } : {}) }`) },
    {
      name: 'SDK: unknown keys may hold modelId: null',
      code: `import { Leonardo } from '@leonardo-ai/sdk';
const leonardo = new Leonardo({ bearerAuth: '' });
export const go = (options: object) => leonardo.image.createGeneration({ prompt: 'x', photoReal: true, ...options });
`,
    },
    {
      name: 'v2 API request',
      code: `export const go = () => fetch('https://cloud.leonardo.ai/api/rest/v2/generations', {
  method: 'POST',
  body: JSON.stringify({ model: 'lucid-realism', parameters: { photoReal: true, modelId: '${KINO_XL}' } }),
});`,
    },
    {
      name: 'another provider',
      code: `export const go = () => fetch('https://api.example.com/v1/generations', {
  method: 'POST',
  body: JSON.stringify({ prompt: 'x', photoReal: true, modelId: '${KINO_XL}', ultra: true, alchemy: true }),
});`,
    },
  ],
  invalid: [
    {
      name: 'photoReal v1 with a modelId (JSON file): on modelId, the API error, fix removes it',
      path: 'request.jsonc',
      code: `${HEADER}{
  "prompt": "a portrait in a sunflower field",
  "modelId": "${KINO_XL}",
  "photoReal": true,
  "alchemy": true,
  "photoRealVersion": "v1"
}`,
      findings: [
        {
          message: `photoReal v1 picks its own model: remove 'modelId', or use photoRealVersion "v2" with an SDXL model.`,
          at: [4, 3, '"modelId"'],
          apiError: 'photoreal mode, unexpected model id provided',
          endpoint: 'POST /generations',
          fixes: [{ title: "Remove 'modelId'", output: PORTRAIT_FIXED, preferred: false }],
        },
      ],
    },
    { name: 'photoReal without photoRealVersion is v1: a modelId conflicts (fetch)', code: FETCH(`{ prompt: 'a fox', modelId: '${KINO_XL}', photoReal: true }`), findings: [
      {
        message: `photoReal v1 picks its own model: remove 'modelId', or use photoRealVersion "v2" with an SDXL model.`,
        at: [6, 45, 'modelId'],
        fixes: [{ title: "Remove 'modelId'", output: edit('modelId: \'aa77f04e-3eec-4034-9c07-d0f619684628\', ', ''), preferred: false }],
      },
    ] },
    {
      name: 'photoReal v1 with a modelId that falls back to a literal (modelId || KINO_XL): a modelId is always sent',
      code: FETCH(`{ prompt: 'a fox', modelId: modelId || '${KINO_XL}', photoReal: true, photoRealStrength: 0.55 }`),
      findings: [
        {
          message: `photoReal v1 picks its own model: remove 'modelId', or use photoRealVersion "v2" with an SDXL model.`,
          at: [6, 45, 'modelId'],
          fixes: [{ title: "Remove 'modelId'", output: edit("modelId: modelId || 'aa77f04e-3eec-4034-9c07-d0f619684628', ", ''), preferred: false }],
        },
      ],
    },
    {
      name: 'SDK photoReal v1 without modelId: null: the SDK default model is sent; on photoReal, fix adds modelId: null',
      code: SDK(`{
    prompt,
    photoReal: true,
    photoRealVersion: 'v1',
    numImages: 2,
  }`),
      findings: [
        {
          message: "photoReal v1 picks its own model, but the SDK sends its default 'modelId': set 'modelId: null'.",
          at: [6, 5, 'photoReal'],
          fixes: [{ title: "Add 'modelId: null'", output: edit('2', '2,\n    modelId: null'), preferred: true }],
        },
      ],
    },
    {
      name: 'SDK photoReal v1 with an explicit modelId: the fix sets it to null (removing would bring the default back)',
      code: SDK(`{ prompt, photoReal: true, modelId: '${KINO_XL}' }`),
      findings: [
        {
          message: `photoReal v1 picks its own model: remove 'modelId', or use photoRealVersion "v2" with an SDXL model.`,
          at: [4, 69, 'modelId'],
          fixes: [{ title: "Set 'modelId' to null", output: edit('\'aa77f04e-3eec-4034-9c07-d0f619684628\'', 'null'), preferred: false }],
        },
      ],
    },
    { name: 'photoReal with alchemy: false: on alchemy, fix sets it to true', path: 'r.jsonc', code: `${HEADER}{"prompt": "x", "photoReal": true, "alchemy": false}`, findings: [
      {
        message: "photoReal requires alchemy: remove 'alchemy: false'.",
        at: [2, 36, '"alchemy"'],
        fixes: [{ title: "Set 'alchemy' to true", output: edit('false', 'true'), preferred: false }],
      },
    ] },
    { name: 'ultra with alchemy explicit in a raw body: on alchemy, one of two choices', code: FETCH(`{ prompt: 'x', ultra: true, alchemy: true }`), findings: [
      {
        message: "ultra cannot be combined with alchemy: keep one of 'ultra: true' and 'alchemy: true'.",
        at: [6, 54, 'alchemy'],
        fixes: [{ title: "Set 'alchemy' to false", output: edit(' true ', ' false '), preferred: false }],
      },
    ] },
    { name: 'ultra with the SDK default alchemy: on ultra', code: SDK(`{ prompt, ultra: true }`), findings: [
      {
        message: "ultra cannot be combined with alchemy, and the SDK sends 'alchemy: true' unless the call sets it: set 'alchemy: false'.",
        at: [4, 52, 'ultra'],
        fixes: [{ title: "Add 'alchemy: false'", output: edit('true', 'true, alchemy: false'), preferred: false }],
      },
    ] },
    { name: 'unzoom without unzoomAmount or an init image', path: 'r.jsonc', code: `${HEADER}{"prompt": "x", "unzoom": true}`, findings: [
      {
        message: "unzoom requires 'unzoomAmount' and 'init_image_id': add 'unzoomAmount' and 'init_image_id'.",
        at: [2, 17, '"unzoom"'],
        fixes: [],
      },
    ] },
    { name: 'unzoom with unzoomAmount but no init image', path: 'r.jsonc', code: `${HEADER}{"prompt": "x", "unzoom": true, "unzoomAmount": 1.2}`, findings: [
      {
        message: "unzoom requires 'unzoomAmount' and 'init_image_id': add 'init_image_id'.",
        at: [2, 17, '"unzoom"'],
        fixes: [],
      },
    ] },
    {
      name: 'upscalerStyle with ultraUpscaleStyle: two removals offered',
      path: 'u.jsonc',
      code: `// POST /variations/universal-upscaler
{"initImageId": "${KINO_XL}", "upscalerStyle": "CINEMATIC", "ultraUpscaleStyle": "REALISTIC"}`,
      findings: [
        {
          message: "'upscalerStyle' cannot be used with 'ultraUpscaleStyle': keep one.",
          at: [2, 57, '"upscalerStyle"'],
          endpoint: 'POST /variations/universal-upscaler',
          fixes: [
            { title: "Remove 'upscalerStyle'", output: edit('"upscalerStyle": "CINEMATIC", ', ''), preferred: false },
            { title: "Remove 'ultraUpscaleStyle'", output: edit(', "ultraUpscaleStyle": "REALISTIC"', ''), preferred: false },
          ],
        },
      ],
    },
    {
      name: 'the SDK sends upscalerStyle "GENERAL" by default',
      code: SDK(`{ initImageId: '${KINO_XL}', ultraUpscaleStyle: 'ARTISTIC' }`, 'variation.createUniversalUpscalerJob'),
      findings: [
        {
          message: `'ultraUpscaleStyle' cannot be used with 'upscalerStyle', which the SDK sends as "GENERAL" unless set to null.`,
          at: [4, 111, 'ultraUpscaleStyle'],
          fixes: [{ title: "Add 'upscalerStyle: null'", output: edit('ARTISTIC\' }', 'ARTISTIC\', upscalerStyle: null }'), preferred: true }],
        },
      ],
    },
    {
      name: 'photoReal v2 without a modelId in a raw request: on photoRealVersion',
      code: FETCH(`{ prompt: 'x', photoReal: true, photoRealVersion: 'v2', alchemy: true }`),
      findings: [
        {
          message: "photoReal v2 needs a 'modelId': Leonardo Kino XL, Leonardo Diffusion XL or Leonardo Vision XL.",
          at: [6, 58, 'photoRealVersion'],
          fixes: [],
        },
      ],
    },
  ],
});

test('removing modelId leaves valid JSON', () => {
  JSON.parse(PORTRAIT_FIXED.slice(HEADER.length));
});
