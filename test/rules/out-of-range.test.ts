// out-of-range: numbers outside a field's range or discrete set; width/height and num_images skipped.
// Its fixes clamp to the range or take the nearest accepted value: offered, never preferred.
import { edit, ruleTester } from '../helpers/rule-tester.js';

const HEADER = '// POST /generations\n';
const J = 'request.jsonc';

ruleTester.run('out-of-range', {
  valid: [
    { name: 'the lower bound itself', path: J, code: `${HEADER}{"prompt": "x", "init_strength": 0.1}` },
    { name: 'accepted values of a discrete set', path: J, code: `${HEADER}{"prompt": "x", "contrast": 3.5, "photoRealStrength": 0.45}` },
    { name: 'width/height and num_images belong to other rules', path: J, code: `${HEADER}{"prompt": "x", "width": 4000, "height": 7, "num_images": 40}` },
    { name: 'a string is type-mismatch, not judged here', path: J, code: `${HEADER}{"prompt": "x", "guidance_scale": "25"}` },
    { name: 'valid numbers', path: J, code: `${HEADER}{"prompt": "x", "guidance_scale": 7, "num_inference_steps": 60, "seed": 42}` },
    {
      name: 'unknown values',
      code: `const body = { prompt: 'a fox', guidance_scale: config.guidance, num_inference_steps: Number(steps) };
await fetch('https://cloud.leonardo.ai/api/rest/v1/generations', { method: 'POST', body: JSON.stringify(body) });
`,
    },
    {
      name: "text-to-video's duration set is Veo's: a Kling model's 5 or 10, a model the body does not name, or one it cannot be known, is not judged",
      code: `const send = (body: object) => fetch('https://cloud.leonardo.ai/api/rest/v1/generations-text-to-video', { method: 'POST', headers: { authorization: \`Bearer \${process.env.LEONARDO_API_KEY}\` }, body: JSON.stringify(body) });
export const kling = (prompt: string) => send({ prompt, model: 'KLING2_5', duration: 5 });
export const unnamed = (prompt: string) => send({ prompt, duration: 10 });
export const chosen = (prompt: string, model: string) => send({ prompt, model, duration: 5 });
`,
    },
    { name: 'the v2 API', path: J, code: '// POST https://cloud.leonardo.ai/api/rest/v2/generations\n{"model": "flux-pro-2.0", "parameters": {"prompt": "x", "guidance_scale": 50}}' },
    {
      name: 'another API',
      code: `await fetch('https://api.stability.ai/v1/generation/sdxl/text-to-image', { method: 'POST', body: JSON.stringify({ cfg_scale: 35, steps: 150 }) });`,
    },
  ],
  invalid: [
    {
      name: 'above the maximum and below the minimum: on the value, clamped',
      path: J,
      code: `${HEADER}{
  "prompt": "a quiet library",
  "guidance_scale": 25,
  "num_inference_steps": 5
}`,
      findings: [
        {
          message: "'guidance_scale' 25 is out of range: POST /generations takes values from 1 to 20.",
          at: [4, 21, '25'],
          endpoint: 'POST /generations',
          fixes: [{ title: "Set 'guidance_scale' to 20", output: edit('25', '20'), preferred: false }],
        },
        {
          message: "'num_inference_steps' 5 is out of range: POST /generations takes values from 10 to 60.",
          at: [5, 26, '5'],
          fixes: [{ title: "Set 'num_inference_steps' to 10", output: edit(' 5\n', ' 10\n'), preferred: false }],
        },
      ],
    },
    { name: 'guidance_scale 25 clamped to 20', path: J, code: `${HEADER}{"prompt": "x", "guidance_scale": 25}`, findings: [
      {
        message: "'guidance_scale' 25 is out of range: POST /generations takes values from 1 to 20.",
        at: [2, 35, '25'],
        fixes: [{ title: "Set 'guidance_scale' to 20", output: edit('25', '20'), preferred: false }],
      },
    ] },
    { name: 'num_inference_steps 5 clamped to 10', path: J, code: `${HEADER}{"prompt": "x", "num_inference_steps": 5}`, findings: [
      {
        message: "'num_inference_steps' 5 is out of range: POST /generations takes values from 10 to 60.",
        at: [2, 40, '5'],
        fixes: [{ title: "Set 'num_inference_steps' to 10", output: edit('5', '10'), preferred: false }],
      },
    ] },
    { name: 'fractional bounds: init_strength 0.1..0.9', path: J, code: `${HEADER}{"prompt": "x", "init_strength": 0.95}`, findings: [
      {
        message: "'init_strength' 0.95 is out of range: POST /generations takes values from 0.1 to 0.9.",
        at: [2, 34, '0.95'],
        fixes: [{ title: "Set 'init_strength' to 0.9", output: edit('0.95', '0.9'), preferred: false }],
      },
    ] },
    { name: 'a discrete set: photoRealStrength', path: J, code: `${HEADER}{"prompt": "x", "photoRealStrength": 0.6, "alchemy": true, "photoReal": true}`, findings: [
      {
        message: "'photoRealStrength' 0.6 is not accepted by POST /generations: use 0.55, 0.5 or 0.45.",
        at: [2, 38, '0.6'],
        fixes: [{ title: "Set 'photoRealStrength' to 0.55", output: edit('0.6', '0.55'), preferred: false }],
      },
    ] },
    { name: 'a discrete set: contrast', path: J, code: `${HEADER}{"prompt": "x", "contrast": 2}`, findings: [
      {
        message: "'contrast' 2 is not accepted by POST /generations: use 1, 1.3, 1.8, 2.5, 3, 3.5, 4 or 4.5.",
        at: [2, 29, '2'],
        fixes: [{ title: "Set 'contrast' to 1.8", output: edit('2', '1.8'), preferred: false }],
      },
    ] },
    {
      name: 'a tie between two accepted values offers both, neither preferred',
      path: J,
      code: '// POST /generations-text-to-video\n{"prompt": "waves", "model": "VEO3", "duration": 7}',
      findings: [
        {
          message: "'duration' 7 is not accepted by POST /generations-text-to-video: use 4, 6 or 8.",
          at: [2, 50, '7'],
          fixes: [
            { title: "Set 'duration' to 6", output: edit('7', '6'), preferred: false },
            { title: "Set 'duration' to 8", output: edit('7', '8'), preferred: false },
          ],
        },
      ],
    },
    {
      name: 'LCM steps 4..16',
      path: J,
      code: '// POST /generations-lcm\n{"prompt": "x", "imageDataUrl": "data:image/jpeg;base64,AAAA", "steps": 20, "strength": 0}',
      findings: [
        {
          message: "'steps' 20 is out of range: POST /generations-lcm takes values from 4 to 16.",
          at: [2, 73, '20'],
          fixes: [{ title: "Set 'steps' to 16", output: edit('20', '16'), preferred: false }],
        },
        {
          message: "'strength' 0 is out of range: POST /generations-lcm takes values from 0.1 to 1.",
          at: [2, 89, '0'],
          fixes: [{ title: "Set 'strength' to 0.1", output: edit(' 0}', ' 0.1}'), preferred: false }],
        },
      ],
    },
    {
      name: 'Universal Upscaler strengths',
      path: J,
      code: '// POST /variations/universal-upscaler\n{"generatedImageId": "3f1c5c8e-9a8e-4b8e-9a51-2b0f6a1d2c3e", "creativityStrength": 11, "upscaleMultiplier": 2.5}',
      findings: [
        {
          message: "'creativityStrength' 11 is out of range: POST /variations/universal-upscaler takes values from 1 to 10.",
          at: [2, 84, '11'],
          fixes: [{ title: "Set 'creativityStrength' to 10", output: edit('11', '10'), preferred: false }],
        },
        {
          message: "'upscaleMultiplier' 2.5 is out of range: POST /variations/universal-upscaler takes values from 1 to 2.",
          at: [2, 109, '2.5'],
          fixes: [{ title: "Set 'upscaleMultiplier' to 2", output: edit('2.5', '2'), preferred: false }],
        },
      ],
    },
    {
      name: 'fetch: the literal side of a fallback is judged and fixed in place',
      code: `export async function generate(prompt: string, steps?: number) {
  return fetch('https://cloud.leonardo.ai/api/rest/v1/generations', {
    method: 'POST',
    headers: { authorization: \`Bearer \${process.env.LEONARDO_API_KEY}\` },
    body: JSON.stringify({ prompt, num_inference_steps: steps ?? 100, guidance_scale: 7 }),
  });
}
`,
      findings: [
        {
          message: "'num_inference_steps' 100 is out of range: POST /generations takes values from 10 to 60.",
          at: [5, 66, '100'],
          fixes: [{ title: "Set 'num_inference_steps' to 60", output: edit('100', '60'), preferred: false }],
        },
      ],
    },
    {
      name: 'SDK call: SDK names, the same ranges (the SDK checks none of them)',
      code: `import { Leonardo } from '@leonardo-ai/sdk';
const leonardo = new Leonardo({ bearerAuth: process.env.LEONARDO_API_KEY ?? '' });
await leonardo.image.createGeneration({ prompt: 'a fox', guidanceScale: 30, numInferenceSteps: 30 });
`,
      findings: [
        {
          message: "'guidanceScale' 30 is out of range: POST /generations takes values from 1 to 20.",
          at: [3, 73, '30'],
          fixes: [{ title: "Set 'guidanceScale' to 20", output: edit(' 30,', ' 20,'), preferred: false }],
        },
      ],
    },
  ],
});
