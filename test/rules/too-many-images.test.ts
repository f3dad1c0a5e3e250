// too-many-images: num_images above 8, or above 4 when a side is over 768 (default size 1024×768).
import { edit, ruleTester } from '../helpers/rule-tester.js';

const HEADER = '// POST /generations\n';

ruleTester.run('too-many-images', {
  valid: [
    { name: 'allowed count at 768×768', path: 'request.jsonc', code: `${HEADER}{"prompt": "x", "num_images": 8, "width": 768, "height": 768}` },
    { name: 'four at the default size', path: 'request.jsonc', code: `${HEADER}{"prompt": "x", "num_images": 4}` },
    {
      name: 'a count and a size that both follow a condition are not paired across its branches',
      code: `export const generate = (prompt: string, hd: boolean) =>
  fetch('https://cloud.leonardo.ai/api/rest/v1/generations', {
    method: 'POST',
    headers: { authorization: \`Bearer \${process.env.LEONARDO_API_KEY}\` },
    body: JSON.stringify({ prompt, num_images: hd ? 2 : 8, width: hd ? 1024 : 512, height: hd ? 1024 : 512 }),
  });
`,
    },
    {
      name: 'unknown size: only the hard cap applies',
      code: `const body = { prompt: 'a fox', num_images: 6, width: size, height: size };
await fetch('https://cloud.leonardo.ai/api/rest/v1/generations', { method: 'POST', body: JSON.stringify(body) });
`,
    },
    {
      name: 'a size set on some paths only',
      code: `const body: Record<string, unknown> = { prompt: 'a fox', num_images: 6, width: 512, height: 512 };
if (hd) body.width = 1024;
await fetch('https://cloud.leonardo.ai/api/rest/v1/generations', { method: 'POST', body: JSON.stringify(body) });
`,
    },
    {
      name: 'a size spread in',
      code: `await fetch('https://cloud.leonardo.ai/api/rest/v1/generations', {
  method: 'POST',
  body: JSON.stringify({ prompt: 'a fox', num_images: 6, ...sizeOptions }),
});`,
    },
    {
      name: 'SDK call whose default count fits any size',
      code: `import { Leonardo } from '@leonardo-ai/sdk';
const leonardo = new Leonardo({ bearerAuth: process.env.LEONARDO_API_KEY ?? '' });
await leonardo.image.createGeneration({ prompt: 'a fox', width: 1536, height: 1024 });
`,
    },
    {
      name: 'another API',
      code: `await fetch('https://api.example.com/v1/generations', { method: 'POST', body: JSON.stringify({ prompt: 'x', num_images: 20 }) });`,
    },
  ],
  invalid: [
    {
      name: 'above 8: on the num_images value, with the API error, set to 8',
      path: 'request.jsonc',
      code: `${HEADER}{
  "prompt": "a field of tulips",
  "num_images": 10,
  "width": 512,
  "height": 512
}`,
      findings: [
        {
          message: "'num_images' 10 is more than the 8 images one request may ask for: use 8 or fewer.",
          at: [4, 17, '10'],
          apiError: '400 Bad Request: Too many images',
          fixes: [{ title: "Set 'num_images' to 8", output: edit('10', '8'), preferred: false }],
        },
      ],
    },
    {
      name: 'above 4 with a side over 768',
      path: 'request.jsonc',
      code: `${HEADER}{"prompt": "x", "num_images": 6, "width": 512, "height": 1024}`,
      findings: [
        {
          message: "'num_images' 6 is too many with height 1024: over 768 wide or high, use 4 or fewer.",
          at: [2, 31, '6'],
          fixes: [{ title: "Set 'num_images' to 4", output: edit('6', '4'), preferred: false }],
        },
      ],
    },
    {
      name: 'above 8 with a side over 768: the limit of 8 is said first (it holds whatever the size), the size only for the 4',
      code: `const BASE_URL = 'https://cloud.leonardo.ai/api/rest/v1';
function parseDimensions(size?: string) {
  const [w, h] = (size || '1024x1024').split('x').map(Number);
  return { width: w || 1024, height: h || 1024 };
}
export async function generate(prompt: string, numImages: number, imageSize?: string) {
  const { width, height } = parseDimensions(imageSize);
  return fetch(\`\${BASE_URL}/generations\`, {
    method: 'POST',
    headers: { authorization: \`Bearer \${process.env.LEONARDO_API_KEY}\`, 'content-type': 'application/json' },
    body: JSON.stringify({ prompt, width, height, num_images: Math.min(numImages, 10) }),
  });
}`,
      findings: [
        {
          message: "'num_images' 10 is more than the 8 images one request may ask for, and 4 with width 1024: use 4 or fewer.",
          at: [11, 83, '10'],
          fixes: [{ title: "Set 'num_images' to 4", output: edit(' 10)', ' 4)'), preferred: false }],
        },
      ],
    },
    {
      name: 'an omitted size counts as the API default 1024×768: num_images 5 is too many',
      path: 'request.jsonc',
      code: `${HEADER}{"prompt": "x", "num_images": 5}`,
      findings: [
        {
          message: "'num_images' 5 is too many with the default width 1024: over 768 wide or high, use 4 or fewer.",
          at: [2, 31, '5'],
          fixes: [{ title: "Set 'num_images' to 4", output: edit('5', '4'), preferred: false }],
        },
      ],
    },
    {
      name: 'an omitted width counts as the default 1024 when only the height is given',
      path: 'request.jsonc',
      code: `${HEADER}{"prompt": "x", "num_images": 5, "height": 512}`,
      findings: [
        {
          message: "'num_images' 5 is too many with the default width 1024: over 768 wide or high, use 4 or fewer.",
          at: [2, 31, '5'],
          fixes: [{ title: "Set 'num_images' to 4", output: edit(' 5,', ' 4,'), preferred: false }],
        },
      ],
    },
    {
      name: 'fetch: a literal side in either branch of a conditional counts',
      code: `export async function generate(prompt: string, hd: boolean) {
  return fetch('https://cloud.leonardo.ai/api/rest/v1/generations', {
    method: 'POST',
    headers: { authorization: \`Bearer \${process.env.LEONARDO_API_KEY}\` },
    body: JSON.stringify({ prompt, num_images: 6, width: hd ? 1024 : 512, height: 512 }),
  });
}
`,
      findings: [
        {
          message: "'num_images' 6 is too many with width 1024: over 768 wide or high, use 4 or fewer.",
          at: [5, 48, '6'],
          fixes: [{ title: "Set 'num_images' to 4", output: edit('6', '4'), preferred: false }],
        },
      ],
    },
    {
      name: 'fetch: a count with several options at a size that is always large',
      code: `export const generate = (prompt: string, many: boolean) =>
  fetch('https://cloud.leonardo.ai/api/rest/v1/generations', {
    method: 'POST',
    headers: { authorization: \`Bearer \${process.env.LEONARDO_API_KEY}\` },
    body: JSON.stringify({ prompt, num_images: many ? 6 : 2, width: 1024, height: 768 }),
  });
`,
      findings: [
        {
          message: "'num_images' 6 is too many with width 1024: over 768 wide or high, use 4 or fewer.",
          at: [5, 55, '6'],
          fixes: [{ title: "Set 'num_images' to 4", output: edit('6 :', '4 :'), preferred: false }],
        },
      ],
    },
    {
      name: 'fetch: a count that is a fallback literal is judged on its literal side',
      code: `const body = { prompt: 'a fox', num_images: options.count ?? 12, width: 512, height: 512 };
await fetch('https://cloud.leonardo.ai/api/rest/v1/generations', { method: 'POST', body: JSON.stringify(body) });
`,
      findings: [
        {
          message: "'num_images' 12 is more than the 8 images one request may ask for: use 8 or fewer.",
          at: [1, 62, '12'],
          fixes: [{ title: "Set 'num_images' to 8", output: edit(' 12,', ' 8,'), preferred: false }],
        },
      ],
    },
    {
      name: 'SDK call: numImages with the size the SDK sends by default',
      code: `import { Leonardo } from '@leonardo-ai/sdk';
const leonardo = new Leonardo({ bearerAuth: process.env.LEONARDO_API_KEY ?? '' });
await leonardo.image.createGeneration({ prompt: 'a fox', numImages: 6 });
`,
      findings: [
        {
          message: "'numImages' 6 is too many with the default width 1024: over 768 wide or high, use 4 or fewer.",
          at: [3, 69, '6'],
          fixes: [{ title: "Set 'numImages' to 4", output: edit('6', '4'), preferred: false }],
        },
      ],
    },
    {
      name: 'pricing calculator: numImages judged against imageWidth/imageHeight',
      path: 'request.jsonc',
      code: '// POST /pricing-calculator\n{"service": "IMAGE_GENERATION", "serviceParams": {"IMAGE_GENERATION": {"imageWidth": 1024, "imageHeight": 512, "numImages": 6}}}',
      findings: [
        {
          message: "'numImages' 6 is too many with imageWidth 1024: over 768 wide or high, use 4 or fewer.",
          at: [2, 125, '6'],
          fixes: [{ title: "Set 'numImages' to 4", output: edit('6', '4'), preferred: false }],
        },
      ],
    },
    {
      name: 'the hard cap still applies when the size is unknown',
      code: `const body = { prompt: 'a fox', num_images: 9, width: size, height: size };
await fetch('https://cloud.leonardo.ai/api/rest/v1/generations', { method: 'POST', body: JSON.stringify(body) });
`,
      findings: [
        {
          message: "'num_images' 9 is more than the 8 images one request may ask for: use 8 or fewer.",
          at: [1, 45, '9'],
          fixes: [{ title: "Set 'num_images' to 8", output: edit('9', '8'), preferred: false }],
        },
      ],
    },
  ],
});
