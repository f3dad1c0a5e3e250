// invalid-id: id fields whose literal is not a UUID; URLs and file names get the upload explanation.
import { ruleTester } from '../helpers/rule-tester.js';

const HEADER = '// POST /generations\n';
const FETCH = (path: string, body: string) => `const BASE = 'https://cloud.leonardo.ai/api/rest/v1';
export async function go(key: string, id: string, c: boolean) {
  return fetch(\`\${BASE}${path}\`, {
    method: 'POST',
    headers: { authorization: \`Bearer \${key}\`, 'content-type': 'application/json' },
    body: JSON.stringify(${body}),
  });
}
`;
const SDK = (call: string) => `import { Leonardo } from '@leonardo-ai/sdk';
const leonardo = new Leonardo({ bearerAuth: process.env.LEONARDO_API_KEY ?? '' });
export async function go(id: string) {
  return ${call};
}
`;
const UUID = 'b7c6e9e5-2d38-4b8e-9a51-2b0f6a1d2c3e';

ruleTester.run('invalid-id', {
  valid: [
    { name: 'a UUID in upper case', path: 'r.jsonc', code: `${HEADER}{"prompt": "x", "modelId": "${UUID.toUpperCase()}"}` },
    { name: 'the docs placeholder', path: 'r.jsonc', code: `${HEADER}{"prompt": "x", "modelId": "XXXXXXXX-XXXX-XXXX-XXXX-XXXXXXXXXXXX"}` },
    { name: 'a template variable', path: 'r.jsonc', code: `${HEADER}{"prompt": "x", "init_image_id": "{{initImageId}}"}` },
    { name: 'unknown values', code: FETCH('/generations', `{ prompt: 'x', init_image_id: id, modelId: process.env.MODEL_ID }`) },
    { name: 'a template literal', code: FETCH('/generations', `{ prompt: 'x', init_image_id: \`\${id}\` }`) },
    { name: 'a shorthand property', code: FETCH('/variations/upscale', `{ id }`) },
    {
      name: 'number ids (type-mismatch owns them)',
      path: 'r.jsonc',
      code: `${HEADER}{"prompt": "x", "controlnets": [{"initImageId": "${UUID}", "preprocessorId": 67, "initImageType": "UPLOADED"}], "userElements": [{"userLoraId": 12}]}`,
    },
    { name: 'non-id strings', path: 'r.jsonc', code: `${HEADER}{"prompt": "fox.png", "negative_prompt": "https://x"}` },
    {
      name: 'v2 request',
      code: `export const go = () => fetch('https://cloud.leonardo.ai/api/rest/v2/generations', {
  method: 'POST',
  body: JSON.stringify({ model: 'flux-pro-2.0', parameters: { prompt: 'a fox', guidances: { image_reference: [{ image: { id: 'b3e0d1a2-0c59-4a8e-9f3e-6f1f2f0c9d11', type: 'UPLOADED' } }] } } }),
});`,
    },
    {
      name: 'another provider',
      code: `export const go = () => fetch('https://api.replicate.com/v1/predictions', {
  method: 'POST',
  body: JSON.stringify({ modelId: 'stability', init_image_id: 'fox.png' }),
});`,
    },
  ],
  invalid: [
    {
      name: 'a URL as init_image_id: the upload explanation and the API error',
      path: 'request.jsonc',
      code: `${HEADER}{
  "prompt": "a watercolour fox",
  "init_image_id": "https://example.com/fox.png",
  "init_strength": 0.4
}`,
      findings: [
        {
          message: `'init_image_id' must be a UUID, not a URL ("https://example.com/fox.png"): upload it with POST /init-image and pass its id.`,
          at: [4, 20, '"https://example.com/fox.png"'],
          apiError: 'invalid init image id',
          endpoint: 'POST /generations',
          fixes: [],
        },
      ],
    },
    {
      name: 'a model name as modelId, an empty akUUID, a file name as controlnets[].initImageId',
      path: 'request.jsonc',
      code: `${HEADER}{
  "prompt": "a harbour",
  "modelId": "my-portraits",
  "controlnets": [{ "initImageId": "pose.jpg", "initImageType": "UPLOADED", "preprocessorId": 67 }],
  "elements": [{ "akUUID": "" }]
}`,
      findings: [
        {
          message: `'modelId' must be a UUID, not "my-portraits": model ids are listed by GET /platformModels.`,
          at: [4, 14, '"my-portraits"'],
          fixes: [],
        },
        {
          message: `'initImageId' must be a UUID, not a file name ("pose.jpg"): upload it with POST /init-image and pass its id.`,
          at: [5, 36, '"pose.jpg"'],
          fixes: [],
        },
        {
          message: `'akUUID' must be a UUID, not "".`,
          at: [6, 28, '""'],
          fixes: [],
        },
      ],
    },
    {
      name: 'variations take the id of a generated image (axios, the file name in the example)',
      path: 'variations.js',
      code: `const axios = require('axios');
const leonardo = axios.create({ baseURL: 'https://cloud.leonardo.ai/api/rest/v1' });
async function removeBackground() {
  const { data } = await leonardo.post('/variations/nobg', { id: 'cat.png', isVariation: false });
  return data;
}
module.exports = { removeBackground };
`,
      findings: [
        {
          message: `'id' must be a UUID, not a file name ("cat.png"): pass a generated image's id.`,
          at: [4, 66, '\'cat.png\''],
          fixes: [],
        },
      ],
    },
    {
      name: 'fetch: both branches of a conditional are checked, data URLs are named as image data',
      code: FETCH('/generations', `{ prompt: 'x', init_image_id: c ? '${UUID}' : 'data:image/png;base64,iVBORw0KGgo=' }`),
      findings: [
        {
          message: "'init_image_id' must be a UUID, not image data (a data URL): upload it with POST /init-image and pass its id.",
          at: [6, 101, '\'data:image/png;base64,iVBORw0KGgo=\''],
          fixes: [],
        },
      ],
    },
    { name: 'SDK call: SDK names in the message', code: SDK(`leonardo.image.createGeneration({ prompt: 'x', initImageId: 'uploads/fox.webp' })`), findings: [
      {
        message: `'initImageId' must be a UUID, not a file name ("uploads/fox.webp"): upload it with POST /init-image and pass its id.`,
        at: [4, 70, '\'uploads/fox.webp\''],
        fixes: [],
      },
    ] },
    { name: 'SDK call: motion', code: SDK(`leonardo.motion.createSVDMotionGeneration({ imageId: 'not-an-id' })`), findings: [
      {
        message: `'imageId' must be a UUID, not "not-an-id".`,
        at: [4, 63, '\'not-an-id\''],
        fixes: [],
      },
    ] },
    {
      name: 'lists of ids: each styleIds entry is checked',
      path: 'video.jsonc',
      code: `// POST /generations-text-to-video
{"prompt": "a wave", "styleIds": ["cinematic", "${UUID}"]}`,
      findings: [
        {
          message: `An entry of 'styleIds' must be a UUID, not "cinematic".`,
          at: [2, 35, '"cinematic"'],
          fixes: [],
        },
      ],
    },
  ],
});
