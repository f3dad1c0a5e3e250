// invalid-dimensions: width/height not a multiple of 8 within bounds, or not a fixed size.
// Its fixes guess the nearest valid size (or clamp): offered, never preferred ("Preferred means certain").
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze } from '../../server/src/engine/analyze.js';
import { edit, ruleTester } from '../helpers/rule-tester.js';

const HEADER = '// POST /generations\n';
const LCM = '// POST /generations-lcm\n';

ruleTester.run('invalid-dimensions', {
  valid: [
    { name: 'the current API accepts up to 1536', path: 'request.jsonc', code: `${HEADER}{"prompt": "x", "width": 1536, "height": 1280}` },
    {
      name: 'an SDK namespace that is neither current nor one the SDK renamed is no SDK operation',
      code: `import { Leonardo } from '@leonardo-ai/sdk';
const sdk = new Leonardo({ bearerAuth: process.env.LEONARDO_API_KEY ?? '' });
export const cover = (prompt: string) => sdk.drafts.createGeneration({ prompt, width: 804 });
`,
    },
    { name: 'valid sizes', path: 'request.jsonc', code: `${HEADER}{"prompt": "x", "width": 832, "height": 1216}` },
    { name: 'a string size is type-mismatch, not judged here', path: 'request.jsonc', code: `${HEADER}{"prompt": "x", "width": "770"}` },
    { name: 'LCM fixed sizes', path: 'request.jsonc', code: `${LCM}{"prompt": "x", "imageDataUrl": "data:image/jpeg;base64,AAAA", "width": 1024, "height": 640}` },
    { name: 'another endpoint', path: 'request.jsonc', code: '// POST /generations-text-to-video\n{"prompt": "waves", "width": 1000, "height": 563}' },
    { name: 'another API (not a request file)', path: 'comfy.json', code: '{"prompt": "hi", "width": 1000, "height": 563, "steps": 30}' },
    {
      name: 'the v2 API',
      path: 'request.jsonc',
      code: '// POST https://cloud.leonardo.ai/api/rest/v2/generations\n{"model": "flux-pro-2.0", "parameters": {"prompt": "x", "width": 1000, "height": 1000}}',
    },
  ],
  invalid: [
    {
      name: 'not a multiple of 8: on the value, with the API error, fixed to the nearest multiple',
      path: 'request.jsonc',
      code: `${HEADER}{
  "prompt": "a harbour at night",
  "width": 1024,
  "height": 770
}`,
      findings: [
        {
          message: "'height' 770 is not a multiple of 8: POST /generations takes sizes from 32 to 1536 in multiples of 8.",
          at: [5, 13, '770'],
          apiError: 'invalid dimensions',
          fixes: [{ title: "Set 'height' to 768", output: edit('770', '768'), preferred: false }],
        },
      ],
    },
    {
      name: 'the catalogue says 1024, the current API 1536: the message says so',
      path: 'request.jsonc',
      code: `${HEADER}{"prompt": "x", "width": 1920}`,
      findings: [
        {
          message: "'width' 1920 is over 1536: POST /generations takes sizes from 32 to 1536 in multiples of 8.",
          at: [2, 26, '1920'],
          fixes: [{ title: "Set 'width' to 1536", output: edit('1920', '1536'), preferred: false }],
        },
      ],
    },
    { name: 'below the minimum goes up to 32', path: 'request.jsonc', code: `${HEADER}{"prompt": "x", "height": 16}`, findings: [
      {
        message: "'height' 16 is below 32: POST /generations takes sizes from 32 to 1536 in multiples of 8.",
        at: [2, 27, '16'],
        fixes: [{ title: "Set 'height' to 32", output: edit('16', '32'), preferred: false }],
      },
    ] },
    { name: 'a tie offers both neighbours, neither preferred', path: 'request.jsonc', code: `${HEADER}{"prompt": "x", "width": 516}`, findings: [
      {
        message: "'width' 516 is not a multiple of 8: POST /generations takes sizes from 32 to 1536 in multiples of 8.",
        at: [2, 26, '516'],
        fixes: [
          { title: "Set 'width' to 512", output: edit('516', '512'), preferred: false },
          { title: "Set 'width' to 520", output: edit('516', '520'), preferred: false },
        ],
      },
    ] },
    {
      name: 'LCM endpoints take 512, 640 or 1024 only',
      path: 'request.jsonc',
      code: `${LCM}{"prompt": "x", "imageDataUrl": "data:image/jpeg;base64,AAAA", "width": 600, "height": 832}`,
      findings: [
        {
          message: "'width' 600 is not one of the sizes POST /generations-lcm takes: use 512, 640 or 1024.",
          at: [2, 73, '600'],
          fixes: [{ title: "Set 'width' to 640", output: edit('600', '640'), preferred: false }],
        },
        {
          message: "'height' 832 is not one of the sizes POST /generations-lcm takes: use 512, 640 or 1024.",
          at: [2, 88, '832'],
          fixes: [
            { title: "Set 'height' to 640", output: edit('832', '640'), preferred: false },
            { title: "Set 'height' to 1024", output: edit('832', '1024'), preferred: false },
          ],
        },
      ],
    },
    {
      name: 'pricing calculator imageWidth/imageHeight: 32..1024 multiples of 8',
      path: 'request.jsonc',
      code: '// POST /pricing-calculator\n{"service": "IMAGE_GENERATION", "serviceParams": {"IMAGE_GENERATION": {"imageWidth": 1536, "imageHeight": 512, "numImages": 1}}}',
      findings: [
        {
          message: "'imageWidth' 1536 is over 1024: POST /pricing-calculator takes sizes from 32 to 1024 in multiples of 8.",
          at: [2, 86, '1536'],
          fixes: [{ title: "Set 'imageWidth' to 1024", output: edit('1536', '1024'), preferred: false }],
        },
      ],
    },
    {
      name: 'a fractional size is judged here and fixed to the nearest valid size',
      path: 'request.jsonc',
      code: `${HEADER}{"prompt": "x", "width": 512.5, "height": 768}`,
      findings: [
        {
          message: "'width' 512.5 is not a multiple of 8: POST /generations takes sizes from 32 to 1536 in multiples of 8.",
          at: [2, 26, '512.5'],
          fixes: [{ title: "Set 'width' to 512", output: edit('512.5', '512'), preferred: false }],
        },
      ],
    },
    {
      name: 'fetch: each branch of a conditional is judged; a const is fixed at its declaration',
      code: `const HEIGHT = 770;
export async function generate(prompt: string, hd: boolean) {
  return fetch('https://cloud.leonardo.ai/api/rest/v1/generations', {
    method: 'POST',
    headers: { authorization: \`Bearer \${process.env.LEONARDO_API_KEY}\` },
    body: JSON.stringify({ prompt, width: hd ? 2048 : 1024, height: HEIGHT }),
  });
}
`,
      findings: [
        {
          message: "'height' 770 is not a multiple of 8: POST /generations takes sizes from 32 to 1536 in multiples of 8.",
          at: [1, 16, '770'],
          fixes: [{ title: "Set 'height' to 768", output: edit('770', '768'), preferred: false }],
        },
        {
          message: "'width' 2048 is over 1536: POST /generations takes sizes from 32 to 1536 in multiples of 8.",
          at: [6, 48, '2048'],
          fixes: [{ title: "Set 'width' to 1536", output: edit('2048', '1536'), preferred: false }],
        },
      ],
    },
    {
      name: 'SDK call: LCM sizes through leonardo.realtimeCanvas',
      code: `import { Leonardo } from '@leonardo-ai/sdk';
const leonardo = new Leonardo({ bearerAuth: process.env.LEONARDO_API_KEY ?? '' });
await leonardo.realtimeCanvas.createLCMGeneration({ prompt: 'a fox', imageDataUrl: dataUrl, width: 768, height: 512 });
`,
      findings: [
        {
          message: "'width' 768 is not one of the sizes POST /generations-lcm takes: use 512, 640 or 1024.",
          at: [3, 100, '768'],
          fixes: [{ title: "Set 'width' to 640", output: edit('768', '640'), preferred: false }],
        },
      ],
    },
    {
      name: 'an older SDK: createGeneration under sdk.generation, its answer read the old way (not judged)',
      code: `import { Leonardo } from '@leonardo-ai/sdk';
const sdk = new Leonardo({ security: { bearerAuth: process.env.LEONARDO_API_KEY as string } });
export async function cover(prompt: string) {
  const data = await sdk.generation.createGeneration({ prompt, modelId: '6bef9f1b-29cb-40c7-b9df-32b51c1f67d3', width: 804, height: 800, numImages: 1 });
  return data.createGeneration200ApplicationJSONObject?.sdGenerationJob?.generationId;
}
`,
      findings: [
        {
          message: "'width' 804 is not a multiple of 8: POST /generations takes sizes from 32 to 1536 in multiples of 8.",
          at: [4, 120, '804'],
          fixes: [
            { title: "Set 'width' to 800", output: edit('804', '800'), preferred: false },
            { title: "Set 'width' to 808", output: edit('804', '808'), preferred: false },
          ],
        },
      ],
    },
  ],
});

test('an older SDK: only the body is judged; its answer, read as that SDK answered, is left alone', () => {
  const code = `import { Leonardo } from '@leonardo-ai/sdk';
const sdk = new Leonardo({ security: { bearerAuth: process.env.LEONARDO_API_KEY as string } });
export async function cover(prompt: string) {
  const data = await sdk.generation.createGeneration({ prompt, width: 804, height: 800, numImages: 1 });
  const job = data.createGeneration200ApplicationJSONObject?.sdGenerationJob;
  const images = await sdk.generation.getGenerationById(job!.generationId!);
  return images.getGenerationById200ApplicationJSONObject?.generationsByPk?.generatedImages;
}
`;
  const findings = analyze({ text: code, kind: 'typescript', path: 'app.ts' }).findings;
  assert.deepEqual(
    findings.map((f) => f.ruleId),
    ['invalid-dimensions'],
  );
});
