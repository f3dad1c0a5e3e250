// type-mismatch: literals of the wrong JSON type, and their lossless conversions.
import { edit, ruleTester } from '../helpers/rule-tester.js';

const HEADER = '// POST /generations\n';
const J = 'request.jsonc';

ruleTester.run('type-mismatch', {
  valid: [
    { name: 'a fractional width is invalid-dimensions business', path: J, code: `${HEADER}{"prompt": "x", "width": 512.5}` },
    {
      name: 'valid bodies, null, integers for numbers',
      path: J,
      code: `${HEADER}{
  "prompt": "a castle",
  "negative_prompt": null,
  "alchemy": true,
  "guidance_scale": 7,
  "init_strength": 0.4,
  "width": 1024,
  "imagePrompts": ["3f1c5c8e-9a8e-4b8e-9a51-2b0f6a1d2c3e"],
  "controlnets": [{"initImageId": "3f1c5c8e-9a8e-4b8e-9a51-2b0f6a1d2c3e", "preprocessorId": 67, "weight": 1}]
}`,
    },
    { name: 'another API (not a request file)', path: 'other-api.json', code: '{"prompt": "hi", "width": "512", "height": "512", "stream": "true"}' },
    {
      name: 'the v2 API',
      path: J,
      code: '// POST https://cloud.leonardo.ai/api/rest/v2/generations\n{"model": "gpt-image-1.5", "parameters": {"prompt": "x", "width": 1024, "height": 1024, "quantity": 1}, "public": false}',
    },
    {
      name: 'fetch to another provider',
      code: `await fetch('https://api.replicate.com/v1/predictions', { method: 'POST', body: JSON.stringify({ input: { width: '512', alchemy: 'true' } }) });`,
    },
  ],
  invalid: [
    {
      name: '"true" for a boolean: on the value, quoting the API error, fixed to true',
      path: J,
      code: `${HEADER}{
  "prompt": "a red fox",
  "alchemy": "true",
  "photoReal": "False"
}`,
      findings: [
        {
          message: `'alchemy' must be a boolean, not the string "true".`,
          at: [4, 14, '"true"'],
          apiError: 'expected a boolean for type \'Boolean\', but found a string',
          fixes: [{ title: 'Use the boolean true', output: edit('"true"', 'true'), preferred: true }],
        },
        {
          message: `'photoReal' must be a boolean, not the string "False".`,
          at: [5, 16, '"False"'],
          fixes: [{ title: 'Use the boolean false', output: edit('"False"', 'false'), preferred: true }],
        },
      ],
    },
    { name: '"true" fixed to true', path: J, code: `${HEADER}{"prompt": "x", "alchemy": "true"}`, findings: [
      {
        message: `'alchemy' must be a boolean, not the string "true".`,
        at: [2, 28, '"true"'],
        fixes: [{ title: 'Use the boolean true', output: edit('"true"', 'true'), preferred: true }],
      },
    ] },
    { name: '"False" fixed to false', path: J, code: `${HEADER}{"prompt": "x", "photoReal": "False"}`, findings: [
      {
        message: `'photoReal' must be a boolean, not the string "False".`,
        at: [2, 30, '"False"'],
        fixes: [{ title: 'Use the boolean false', output: edit('"False"', 'false'), preferred: true }],
      },
    ] },
    { name: '"512" for an integer becomes 512; a string width is still flagged here', path: J, code: `${HEADER}{"prompt": "x", "width": "512"}`, findings: [
      {
        message: `'width' must be an integer, not the string "512".`,
        at: [2, 26, '"512"'],
        fixes: [{ title: 'Use the number 512', output: edit('"512"', '512'), preferred: true }],
      },
    ] },
    { name: '"7.5" for a number becomes 7.5', path: J, code: `${HEADER}{"prompt": "x", "guidance_scale": "7.5"}`, findings: [
      {
        message: `'guidance_scale' must be a number, not the string "7.5".`,
        at: [2, 35, '"7.5"'],
        fixes: [{ title: 'Use the number 7.5', output: edit('"7.5"', '7.5'), preferred: true }],
      },
    ] },
    { name: '"30" for an integer', path: J, code: `${HEADER}{"prompt": "x", "num_inference_steps": "30"}`, findings: [
      {
        message: `'num_inference_steps' must be an integer, not the string "30".`,
        at: [2, 40, '"30"'],
        fixes: [{ title: 'Use the number 30', output: edit('"30"', '30'), preferred: true }],
      },
    ] },
    { name: 'a fractional number for an integer: flagged, no fix (the intended value is not certain)', path: J, code: `${HEADER}{"prompt": "x", "num_inference_steps": 7.5}`, findings: [
      {
        message: "'num_inference_steps' must be an integer, not the fractional number 7.5.",
        at: [2, 40, '7.5'],
        fixes: [],
      },
    ] },
    { name: 'a fractional string for an integer: no fix', path: J, code: `${HEADER}{"prompt": "x", "num_inference_steps": "7.5"}`, findings: [
      {
        message: `'num_inference_steps' must be an integer, not the string "7.5".`,
        at: [2, 40, '"7.5"'],
        fixes: [],
      },
    ] },
    { name: 'a number for a string becomes a string', path: J, code: `${HEADER}{"prompt": 123}`, findings: [
      {
        message: "'prompt' must be a string, not the number 123.",
        at: [2, 12, '123'],
        fixes: [{ title: 'Use the string "123"', output: edit('123', '"123"'), preferred: true }],
      },
    ] },
    { name: 'a boolean for a string has no fix', path: J, code: `${HEADER}{"prompt": "x", "photoRealVersion": true}`, findings: [
      {
        message: "'photoRealVersion' must be a string, not the boolean true.",
        at: [2, 37, 'true'],
        fixes: [],
      },
    ] },
    { name: 'an object for an array is wrapped in one', path: J, code: `${HEADER}{"prompt": "x", "elements": {"akUUID": "b7c6e9e5-2d38-4b8e-9a51-2b0f6a1d2c3e"}}`, findings: [
      {
        message: "'elements' must be an array, not an object.",
        at: [2, 29, '{"akUUID": "b7c6e9e5-2d38-4b8e-9a51-2b0f6a1d2c3e"}'],
        fixes: [{ title: 'Wrap the value in an array', output: edit('{"akUUID": "b7c6e9e5-2d38-4b8e-9a51-2b0f6a1d2c3e"}', '[{"akUUID": "b7c6e9e5-2d38-4b8e-9a51-2b0f6a1d2c3e"}]'), preferred: true }],
      },
    ] },
    { name: 'a single value for an array is wrapped in one', path: J, code: `${HEADER}{"prompt": "x", "imagePrompts": "abc"}`, findings: [
      {
        message: `'imagePrompts' must be an array, not the string "abc".`,
        at: [2, 33, '"abc"'],
        fixes: [{ title: 'Wrap the value in an array', output: edit('"abc"', '["abc"]'), preferred: true }],
      },
    ] },
    {
      name: 'array elements and nested fields are checked',
      path: J,
      code: `${HEADER}{
  "prompt": "x",
  "imagePrompts": ["a", 2],
  "controlnets": [{"initImageId": "3f1c5c8e-9a8e-4b8e-9a51-2b0f6a1d2c3e", "preprocessorId": "67", "weight": "0.5"}]
}`,
      findings: [
        {
          message: "'imagePrompts[]' must be a string, not the number 2.",
          at: [4, 25, '2'],
          fixes: [{ title: 'Use the string "2"', output: edit(' 2]', ' "2"]'), preferred: true }],
        },
        {
          message: `'controlnets[].preprocessorId' must be a number, not the string "67".`,
          at: [5, 93, '"67"'],
          fixes: [{ title: 'Use the number 67', output: edit('"67"', '67'), preferred: true }],
        },
        {
          message: `'controlnets[].weight' must be a number, not the string "0.5".`,
          at: [5, 109, '"0.5"'],
          fixes: [{ title: 'Use the number 0.5', output: edit('"0.5"', '0.5'), preferred: true }],
        },
      ],
    },
    {
      name: 'axios: strings for booleans and integers, fixed in the literal quote style',
      code: `import axios from 'axios';
const leonardo = axios.create({ baseURL: 'https://cloud.leonardo.ai/api/rest/v1' });
export const generate = (prompt: string) =>
  leonardo.post('/generations', { prompt, photoReal: 'true', alchemy: "true", num_images: '2' });
`,
      findings: [
        {
          message: `'photoReal' must be a boolean, not the string "true".`,
          at: [4, 54, '\'true\''],
          fixes: [{ title: 'Use the boolean true', output: edit('\'true\'', 'true'), preferred: true }],
        },
        {
          message: `'alchemy' must be a boolean, not the string "true".`,
          at: [4, 71, '"true"'],
          fixes: [{ title: 'Use the boolean true', output: edit('"true"', 'true'), preferred: true }],
        },
        {
          message: `'num_images' must be an integer, not the string "2".`,
          at: [4, 91, '\'2\''],
          fixes: [{ title: 'Use the number 2', output: edit('\'2\'', '2'), preferred: true }],
        },
      ],
    },
    {
      name: 'fetch: a const declaration is judged where it is declared; only the literal side of a fallback',
      code: `const PUBLIC = 'false';
export async function generate(prompt: string, steps?: string) {
  return fetch('https://cloud.leonardo.ai/api/rest/v1/generations', {
    method: 'POST',
    body: JSON.stringify({ prompt, public: PUBLIC, num_inference_steps: steps || '30' }),
  });
}
`,
      findings: [
        {
          message: `'public' must be a boolean, not the string "false".`,
          at: [1, 16, '\'false\''],
          fixes: [{ title: 'Use the boolean false', output: edit('\'false\'', 'false'), preferred: true }],
        },
        {
          message: `'num_inference_steps' must be an integer, not the string "30".`,
          at: [5, 82, '\'30\''],
          fixes: [{ title: 'Use the number 30', output: edit('\'30\'', '30'), preferred: true }],
        },
      ],
    },
    {
      name: 'fetch: a const declaration is fixed where it is declared',
      code: `const PUBLIC = 'false';
export async function generate(prompt: string, steps?: string) {
  return fetch('https://cloud.leonardo.ai/api/rest/v1/generations', {
    method: 'POST',
    body: JSON.stringify({ prompt, public: PUBLIC, num_inference_steps: steps }),
  });
}
`,
      findings: [
        {
          message: `'public' must be a boolean, not the string "false".`,
          at: [1, 16, '\'false\''],
          fixes: [{ title: 'Use the boolean false', output: edit('\'false\'', 'false'), preferred: true }],
        },
      ],
    },
    {
      name: 'SDK call: the SDK rejects the call before sending it',
      code: `import { Leonardo } from '@leonardo-ai/sdk';
const leonardo = new Leonardo({ bearerAuth: process.env.LEONARDO_API_KEY ?? '' });
await leonardo.image.createGeneration({ prompt: 'a fox', numImages: '2', alchemy: true });
`,
      findings: [
        {
          message: `'numImages' must be an integer, not the string "2".`,
          at: [3, 69, '\'2\''],
          fixes: [{ title: 'Use the number 2', output: edit('\'2\'', '2'), preferred: true }],
        },
      ],
    },
    {
      name: 'curl: string literals become numbers in place',
      path: 'generate.sh',
      code: `curl https://cloud.leonardo.ai/api/rest/v1/generations -H "authorization: Bearer $LEONARDO_API_KEY" \\
  --data "{\\"prompt\\": \\"a fox\\", \\"width\\": \\"512\\"}"
`,
      findings: [
        {
          message: `'width' must be an integer, not the string "512".`,
          at: [2, 46, '\\"512\\"'],
          fixes: [{ title: 'Use the number 512', output: edit('\\"512\\"', '512'), preferred: true }],
        },
      ],
    },
    {
      name: 'curl: numbers become strings',
      path: 'generate.sh',
      code: `curl https://cloud.leonardo.ai/api/rest/v1/generations -H "authorization: Bearer $LEONARDO_API_KEY" \\
  --data '{"prompt": 42}'
`,
      findings: [
        {
          message: "'prompt' must be a string, not the number 42.",
          at: [2, 22, '42'],
          fixes: [{ title: 'Use the string "42"', output: edit('42', '"42"'), preferred: true }],
        },
      ],
    },
  ],
});
