// unknown-field: keys an endpoint does not accept, with the key that was meant.
import { edit, ruleTester } from '../helpers/rule-tester.js';

/** A JSONC request file that names its endpoint on the first line. */
const HEADER = '// POST /generations\n';
const J = 'request.jsonc';
const FETCH = (body: string) => `const apiKey = process.env.LEONARDO_API_KEY;
export async function generate(prompt: string, hd: boolean) {
  const res = await fetch('https://cloud.leonardo.ai/api/rest/v1/generations', {
    method: 'POST',
    headers: { authorization: \`Bearer \${apiKey}\`, 'content-type': 'application/json' },
    body: JSON.stringify(${body}),
  });
  return res.json();
}
`;
const SDK = (args: string) => `import { Leonardo } from '@leonardo-ai/sdk';
const leonardo = new Leonardo({ bearerAuth: process.env.LEONARDO_API_KEY ?? '' });
export async function run(prompt: string) {
  return leonardo.image.createGeneration(${args});
}
`;

ruleTester.run('unknown-field', {
  valid: [
    {
      name: 'valid bodies, guide-only fields and $schema',
      path: 'castle.leonardo.json',
      code: `{
  "$schema": "./leonardo-request.schema.json",
  "prompt": "a castle",
  "modelId": "b24e16ff-06e3-43eb-8d33-4416c2d75876",
  "styleUUID": "111dc692-d470-4eec-b791-3475abac4c46",
  "num_images": 2,
  "width": 512,
  "height": 512,
  "controlnets": [
    { "initImageId": "3f1c5c8e-9a8e-4b8e-9a51-2b0f6a1d2c3e", "initImageType": "UPLOADED", "preprocessorId": 67, "strengthType": "Mid", "influence": 0.5 },
    { "initImageId": "9d2e4f60-1b7a-4c3d-8e5f-6a7b8c9d0e1f", "initImageType": "UPLOADED", "preprocessorId": 67, "strengthType": "High", "influence": 1 }
  ],
  "elements": [{ "akUUID": "b7c6e9e5-2d38-4b8e-9a51-2b0f6a1d2c3e", "weight": 0.8 }]
}`,
    },
    {
      name: "FLUX.1 Kontext's recipe: contextImages beside styleUUID (guide-only fields)",
      code: `export async function restyle(imageId: string) {
  const res = await fetch('https://cloud.leonardo.ai/api/rest/v1/generations', {
    method: 'POST',
    headers: { authorization: \`Bearer \${process.env.LEONARDO_API_KEY}\`, 'content-type': 'application/json' },
    body: JSON.stringify({
      prompt: 'the same street at night, neon signs',
      modelId: '28aeddf8-bd19-4803-80fc-79602d1a9989',
      width: 1024,
      height: 1024,
      contextImages: [{ type: 'UPLOADED', id: imageId }],
      styleUUID: '111dc692-d470-4eec-b791-3475abac4c46',
      contrastRatio: 0.5,
    }),
  });
  return (await res.json()).sdGenerationJob.generationId;
}
`,
    },
    { name: 'another API (not a request file)', path: 'openai.json', code: '{"model": "gpt-image-1", "prompt": "hi", "size": "1024x1024", "n": 2}' },
    { name: 'the v2 API', path: 'v2.jsonc', code: '// POST https://cloud.leonardo.ai/api/rest/v2/generations\n{"model": "flux-pro-2.0", "parameters": {"prompt": "x", "quantity": 1}, "public": false}' },
    { name: 'SDK call with SDK names', code: SDK('{ prompt, numImages: 2, sdVersion: SdVersions.SdxL10, guidanceScale: 7, negativePrompt: "blur" }') },
    { name: 'SDK call with unknown keys', code: SDK('{ prompt, ...options, [dynamicKey]: 1 }') },
    {
      name: 'another provider',
      code: `await fetch('https://api.openai.com/v1/images/generations', {
  method: 'POST',
  body: JSON.stringify({ prompt: 'a fox', numImages: 2, sd_Version: 'x' }),
});`,
    },
    {
      name: 'v2 fetch',
      code: `await fetch('https://cloud.leonardo.ai/api/rest/v2/generations', {
  method: 'POST',
  body: JSON.stringify({ model: 'flux-pro-2.0', parameters: { prompt: 'a fox', quantity: 2 }, public: false }),
});`,
    },
  ],
  invalid: [
    {
      name: 'a case-only difference: sd_Version → sd_version, on the key, with the API error',
      path: J,
      code: `// POST /generations
{
  "prompt": "a lighthouse at dusk",
  "sd_Version": "SDXL_1_0"
}`,
      findings: [
        {
          message: "'sd_Version' is not a field of POST /generations: use 'sd_version' (field names are case-sensitive).",
          at: [4, 3, '"sd_Version"'],
          apiError: 'Unexpected variable sd_Version',
          endpoint: 'POST /generations',
          fixes: [{ title: "Rename to 'sd_version'", output: edit('sd_Version', 'sd_version'), preferred: true }],
        },
      ],
    },
    { name: 'the SDK name in a raw body: numImages → num_images', path: J, code: `${HEADER}{"prompt": "a fox", "numImages": 2, "negativePrompt": "blurry"}`, findings: [
      {
        message: "'numImages' is the SDK's name: a raw request to POST /generations sends 'num_images'.",
        at: [2, 21, '"numImages"'],
        fixes: [{ title: "Rename to 'num_images'", output: edit('numImages', 'num_images'), preferred: true }],
      },
      {
        message: "'negativePrompt' is the SDK's name: a raw request to POST /generations sends 'negative_prompt'.",
        at: [2, 37, '"negativePrompt"'],
        fixes: [{ title: "Rename to 'negative_prompt'", output: edit('negativePrompt', 'negative_prompt'), preferred: true }],
      },
    ] },
    {
      name: 'names copied from the generation response: imageWidth, imageHeight, inferenceSteps',
      path: J,
      code: `${HEADER}{"prompt": "a fox", "imageWidth": 512, "imageHeight": 512, "inferenceSteps": 30}`,
      findings: [
        {
          message: "'imageWidth' is not a field of POST /generations: use 'width'.",
          at: [2, 21, '"imageWidth"'],
          fixes: [{ title: "Rename to 'width'", output: edit('imageWidth', 'width'), preferred: false }],
        },
        {
          message: "'imageHeight' is not a field of POST /generations: use 'height'.",
          at: [2, 40, '"imageHeight"'],
          fixes: [{ title: "Rename to 'height'", output: edit('imageHeight', 'height'), preferred: false }],
        },
        {
          message: "'inferenceSteps' is not a field of POST /generations: use 'num_inference_steps'.",
          at: [2, 60, '"inferenceSteps"'],
          fixes: [{ title: "Rename to 'num_inference_steps'", output: edit('inferenceSteps', 'num_inference_steps'), preferred: false }],
        },
      ],
    },
    {
      name: 'nested objects: a misspelt controlnets[] key',
      path: 'knight.leonardo.json',
      code: `{
  "prompt": "a knight",
  "modelId": "b24e16ff-06e3-43eb-8d33-4416c2d75876",
  "alchemy": true,
  "controlnets": [
    { "initImageId": "3f1c5c8e-9a8e-4b8e-9a51-2b0f6a1d2c3e", "preprocessorId": 67, "weigth": 0.5 }
  ]
}`,
      findings: [
        {
          message: "'weigth' is not a field of controlnets[] in POST /generations: did you mean 'weight'?",
          at: [6, 84, '"weigth"'],
          fixes: [{ title: "Rename to 'weight'", output: edit('weigth', 'weight'), preferred: false }], // a typo guess, not a known alias
        },
      ],
    },
    { name: "another endpoint's name for the same setting: isPublic on /generations", path: J, code: `${HEADER}{"prompt": "a fox", "isPublic": false}`, findings: [
      {
        message: "'isPublic' is not a field of POST /generations: here the setting is 'public'.",
        at: [2, 21, '"isPublic"'],
        fixes: [{ title: "Rename to 'public'", output: edit('isPublic', 'public'), preferred: false }],
      },
    ] },
    {
      name: 'a JSONC request names its endpoint: negative_prompt on text-to-video is negativePrompt',
      path: 'video.jsonc',
      code: '// POST /generations-text-to-video\n{\n  "prompt": "waves",\n  "negative_prompt": "people"\n}\n',
      findings: [
        {
          message: "'negative_prompt' is not a field of POST /generations-text-to-video: did you mean 'negativePrompt'?",
          at: [4, 3, '"negative_prompt"'],
          fixes: [{ title: "Rename to 'negativePrompt'", output: edit('negative_prompt', 'negativePrompt'), preferred: true }],
        },
      ],
    },
    { name: 'several near misses: each offered, none preferred', path: J, code: `${HEADER}{"prompt": "a fox", "photoRealVer": "v2", "alchemy": true}`, findings: [
      {
        message: "'photoRealVer' is not a field of POST /generations: did you mean 'photoReal' or 'photoRealVersion'?",
        at: [2, 21, '"photoRealVer"'],
        fixes: [
          { title: "Rename to 'photoReal'", output: edit('photoRealVer', 'photoReal'), preferred: false },
          { title: "Rename to 'photoRealVersion'", output: edit('photoRealVer', 'photoRealVersion'), preferred: false },
        ],
      },
    ] },
    { name: 'no suggestion: still flagged, no fix', path: J, code: `${HEADER}{"prompt": "a fox", "callbackUrl": "https://example.com"}`, findings: [
      {
        message: "'callbackUrl' is not a field of POST /generations.",
        at: [2, 21, '"callbackUrl"'],
        fixes: [],
      },
    ] },
    {
      name: 'pricing calculator: service names are checked in serviceParams',
      path: 'price.jsonc',
      code: '// POST /pricing-calculator\n{"service": "IMAGE_GENERATION", "serviceParams": {"imageGeneration": {"imageWidth": 512}}}',
      findings: [
        {
          message: "'imageGeneration' is the SDK's name: a raw request to POST /pricing-calculator sends 'IMAGE_GENERATION'.",
          at: [2, 51, '"imageGeneration"'],
          fixes: [{ title: "Rename to 'IMAGE_GENERATION'", output: edit('imageGeneration', 'IMAGE_GENERATION'), preferred: true }],
        },
      ],
    },
    { name: 'fetch: the SDK name in a raw body, on the key, renamed in place', code: FETCH("{ prompt, numImages: 2, sd_Version: 'SDXL_1_0' }"), findings: [
      {
        message: "'numImages' is the SDK's name: a raw request to POST /generations sends 'num_images'.",
        at: [6, 36, 'numImages'],
        apiError: 'Unexpected variable numImages',
        fixes: [{ title: "Rename to 'num_images'", output: edit('numImages', 'num_images'), preferred: true }],
      },
      {
        message: "'sd_Version' is not a field of POST /generations: use 'sd_version' (field names are case-sensitive).",
        at: [6, 50, 'sd_Version'],
        fixes: [{ title: "Rename to 'sd_version'", output: edit('sd_Version', 'sd_version'), preferred: true }],
      },
    ] },
    {
      name: 'fetch: a shorthand property keeps its variable; assigned and quoted keys are renamed where written',
      code: `const body: Record<string, unknown> = { prompt: 'a fox', num_inference_steps: 30 };
body.sd_Version = 'SDXL_1_0';
body['guidanceScale'] = 7;
const numImages = 2;
await fetch('https://cloud.leonardo.ai/api/rest/v1/generations', { method: 'POST', body: JSON.stringify({ ...body, numImages }) });
`,
      findings: [
        {
          message: "'sd_Version' is not a field of POST /generations: use 'sd_version' (field names are case-sensitive).",
          at: [2, 6, 'sd_Version'],
          fixes: [{ title: "Rename to 'sd_version'", output: edit('sd_Version', 'sd_version'), preferred: true }],
        },
        {
          message: "'guidanceScale' is the SDK's name: a raw request to POST /generations sends 'guidance_scale'.",
          at: [3, 6, '\'guidanceScale\''],
          fixes: [{ title: "Rename to 'guidance_scale'", output: edit('guidanceScale', 'guidance_scale'), preferred: true }],
        },
        {
          message: "'numImages' is the SDK's name: a raw request to POST /generations sends 'num_images'.",
          at: [5, 116, 'numImages'],
          fixes: [{ title: "Rename to 'num_images'", output: edit(', numImages }', ', num_images: numImages }'), preferred: true }],
        },
      ],
    },
    { name: 'SDK call: a wire name is dropped silently, and the SDK sends its default instead', path: 'app.js', code: SDK('{ prompt, num_images: 2, alchemy: true }'), findings: [
      {
        message: "'num_images' is the wire name: the SDK takes 'numImages'.",
        at: [4, 52, 'num_images'],
        fixes: [{ title: "Rename to 'numImages'", output: edit('num_images', 'numImages'), preferred: true }],
      },
    ] },
    { name: 'SDK call: renaming onto a key that is already there is offered, not preferred', path: 'app.js', code: SDK('{ prompt, num_images: 2, numImages: 4 }'), findings: [
      {
        message: "'num_images' is the wire name: the SDK takes 'numImages'.",
        at: [4, 52, 'num_images'],
        fixes: [{ title: "Rename to 'numImages'", output: edit('num_images', 'numImages'), preferred: false }],
      },
    ] },
    {
      name: 'curl: a shell-quoted key is renamed inside its escaped quotes',
      path: 'generate.sh',
      code: `curl https://cloud.leonardo.ai/api/rest/v1/generations \\
  -H "authorization: Bearer $LEONARDO_API_KEY" -H 'content-type: application/json' \\
  -d "{\\"prompt\\": \\"a fox\\", \\"sd_Version\\": \\"SDXL_1_0\\"}"
`,
      findings: [
        {
          message: "'sd_Version' is not a field of POST /generations: use 'sd_version' (field names are case-sensitive).",
          at: [3, 31, '\\"sd_Version\\"'],
          fixes: [{ title: "Rename to 'sd_version'", output: edit('sd_Version', 'sd_version'), preferred: true }],
        },
      ],
    },
  ],
});
