// invalid-enum on v2 requests: model strings (unknown, retired, v1 ids) and per-model value sets.
import { edit, ruleTester } from '../helpers/rule-tester.js';
import { fetchCode, jsonFile } from '../helpers/v2.js';

const J = 'request.jsonc';
const ID = '5c1c7b5e-0d6e-4e55-9bd0-0b3b5c8c3b1a';

ruleTester.run('invalid-enum', {
  valid: [
    { name: 'not flagged: AUTO (only in the spec)', path: J, code: jsonFile(`{"model": "gemini-image-2", "parameters": {"prompt": "x", "prompt_enhance": "AUTO"}}`) },
    {
      name: 'not flagged: ULTRA content strength (only in the spec)',
      path: J,
      code: jsonFile(`{"model": "lucid-realism", "parameters": {"prompt": "x", "guidances": {"content": [{"image": {"id": "${ID}", "type": "UPLOADED"}, "strength": "ULTRA"}]}}}`),
    },
    {
      name: 'not flagged: INIT image type (only in older guides)',
      path: J,
      code: jsonFile(`{"model": "flux-kontext-pro", "parameters": {"prompt": "x", "guidances": {"image_reference": [{"image": {"id": "${ID}", "type": "INIT"}, "strength": "HIGH"}]}}}`),
    },
    {
      name: 'not flagged: the Portrait style id of the Nano Banana pages (8e2bc543)',
      path: J,
      code: jsonFile(`{"model": "nano-banana-2", "parameters": {"prompt": "x", "style_ids": ["8e2bc543-6ee2-45f9-bcd9-594b6ce84dcd"]}}`),
    },
    {
      name: 'not flagged: the Portrait style id of the spec (ab5a4220)',
      path: J,
      code: jsonFile(`{"model": "nano-banana-2", "parameters": {"prompt": "x", "style_ids": ["ab5a4220-7c42-41e5-a578-eddb9fed3d75"]}}`),
    },
    { name: 'not flagged: rodin-v2 values', path: J, code: jsonFile(`{"model": "rodin-v2", "parameters": {"prompt": "x", "quality": "medium", "material": "PBR", "mesh_mode": "Quad"}}`) },
    { name: 'not flagged: a guide-only model string', path: J, code: jsonFile(`{"model": "google/nano-banana-2.1", "parameters": {"prompt": "x"}}`) },
    {
      name: 'not flagged: unknown values',
      code: fetchCode(`{ model: process.env.MODEL ?? 'gpt-image-1.5', parameters: { prompt, quality: opts.quality } }`),
    },
  ],
  invalid: [
    {
      name: 'a model string that does not exist: the nearest one, offered (not preferred)',
      code: fetchCode(`{ model: 'nano-banana-pro', parameters: { prompt }, public: false }`),
      findings: [
        {
          message: "'nano-banana-pro' is not a v2 model string: use 'gemini-image-2' (Nano Banana Pro).",
          at: [6, 35, "'nano-banana-pro'"],
          severity: 'error',
          fixes: [
            { title: 'Change to "gemini-image-2"', output: edit('nano-banana-pro', 'gemini-image-2'), preferred: false },
            { title: 'Change to "nano-banana-2"', output: edit('nano-banana-pro', 'nano-banana-2'), preferred: false },
          ],
        },
      ],
    },
    {
      name: 'a model string with a dash for the dot: the nearest one, offered',
      path: J,
      code: jsonFile('{"model": "gpt-image-1-5", "parameters": {"prompt": "x"}}'),
      findings: [
        {
          message: "'gpt-image-1-5' is not a v2 model string: use 'gpt-image-1.5' (GPT Image-1.5).",
          at: [2, 11, '"gpt-image-1-5"'],
          severity: 'error',
          fixes: [
            { title: 'Change to "gpt-image-1.5"', output: edit('gpt-image-1-5', 'gpt-image-1.5'), preferred: false },
            { title: 'Change to "gpt-image-2"', output: edit('gpt-image-1-5', 'gpt-image-2'), preferred: false },
          ],
        },
      ],
    },
    {
      name: 'a model string without its provider prefix',
      path: J,
      code: jsonFile('{"model": "seedance-2.5", "parameters": {"prompt": "x"}}'),
      findings: [
        {
          message: "'seedance-2.5' is not a v2 model string: use 'bytedance/seedance-2.5' (Seedance 2.5).",
          at: [2, 11, '"seedance-2.5"'],
          severity: 'error',
          fixes: [
            { title: 'Change to "bytedance/seedance-2.5"', output: edit('seedance-2.5', 'bytedance/seedance-2.5'), preferred: false },
            { title: 'Change to "seedance-2.0"', output: edit('seedance-2.5', 'seedance-2.0'), preferred: false },
          ],
        },
      ],
    },
    {
      name: 'a case-only difference: the exact string is the preferred fix',
      code: fetchCode(`{ model: 'GPT-Image-1.5', parameters: { prompt } }`),
      findings: [
        {
          message: "'GPT-Image-1.5' is not a v2 model string: model strings are case-sensitive, use 'gpt-image-1.5'.",
          at: [6, 35, "'GPT-Image-1.5'"],
          severity: 'error',
          fixes: [{ title: 'Change to "gpt-image-1.5"', output: edit('GPT-Image-1.5', 'gpt-image-1.5'), preferred: true }],
        },
      ],
    },
    {
      name: 'a retired model string without successor: the date',
      path: J,
      code: jsonFile('{"model": "sora-2", "parameters": {"prompt": "x"}}'),
      findings: [
        {
          message: "'sora-2' was retired on 2026-07-09: pick a current model.",
          at: [2, 11, '"sora-2"'],
          severity: 'error',
          fixes: [],
        },
      ],
    },
    {
      name: "a model checked against the app's own list before it is sent is still the caller's literal",
      code: `const V2_MODELS = ['gemini-2.5-flash-image', 'nano-banana-pro'];
async function generate(prompt: string, model: string) {
  if (!V2_MODELS.includes(model) || !new Set(V2_MODELS).has(model)) throw new Error(\`unsupported model \${model}\`);
  await fetch('https://cloud.leonardo.ai/api/rest/v2/generations', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: \`Bearer \${process.env.LEONARDO_API_KEY}\` },
    body: JSON.stringify({ model, parameters: { prompt }, public: false }),
  });
}
export const run = () => generate('a lighthouse', 'sora-2');
`,
      findings: [
        {
          message: "'sora-2' was retired on 2026-07-09: pick a current model.",
          at: [10, 51, "'sora-2'"],
          severity: 'error',
          fixes: [],
        },
      ],
    },
    {
      name: 'a retired model string: the date and the successor, not preferred',
      path: J,
      code: jsonFile('{"model": "veo-3.1-generate-preview", "parameters": {"prompt": "x"}}'),
      findings: [
        {
          message: "'veo-3.1-generate-preview' was retired on 2026-05-13: use 'veo-3.1-generate-001'.",
          at: [2, 11, '"veo-3.1-generate-preview"'],
          severity: 'error',
          fixes: [{ title: 'Change to "veo-3.1-generate-001"', output: edit('veo-3.1-generate-preview', 'veo-3.1-generate-001'), preferred: false }],
        },
      ],
    },
    {
      name: 'a retired seedance model string: its successor',
      path: J,
      code: jsonFile('{"model": "seedance-1.0-lite", "parameters": {"prompt": "x"}}'),
      findings: [
        {
          message: "'seedance-1.0-lite' was retired on 2026-05-13: use 'seedance-1.0-pro-fast'.",
          at: [2, 11, '"seedance-1.0-lite"'],
          severity: 'error',
          fixes: [{ title: 'Change to "seedance-1.0-pro-fast"', output: edit('seedance-1.0-lite', 'seedance-1.0-pro-fast'), preferred: false }],
        },
      ],
    },
    {
      name: 'a v1 platform model id as the v2 model: its v2 successor',
      path: J,
      code: jsonFile('{"model": "de7d3faf-762f-48e0-b3b7-9d0ac3a3fcf3", "parameters": {"prompt": "x"}}'),
      findings: [
        {
          message: "'de7d3faf…' is a v1 model id (Leonardo Phoenix 1.0): v2's 'model' is 'phoenix-v1.0'.",
          at: [2, 11, '"de7d3faf-762f-48e0-b3b7-9d0ac3a3fcf3"'],
          severity: 'error',
          fixes: [{ title: 'Change to "phoenix-v1.0"', output: edit('de7d3faf-762f-48e0-b3b7-9d0ac3a3fcf3', 'phoenix-v1.0'), preferred: false }],
        },
      ],
    },
    {
      name: 'both strings of a ternary are checked',
      code: fetchCode(`{ model: fast ? 'flux-schnel' : 'flux-dev', parameters: { prompt } }`),
      findings: [
        {
          message: "'flux-schnel' is not a v2 model string: did you mean 'flux-schnell'?",
          at: [6, 42, "'flux-schnel'"],
          severity: 'error',
          fixes: [{ title: 'Change to "flux-schnell"', output: edit('flux-schnel', 'flux-schnell'), preferred: false }],
        },
      ],
    },
    {
      name: "parameter values outside the model's set",
      path: J,
      code: jsonFile(`{"model": "gpt-image-1.5", "parameters": {"prompt": "x", "quality": "high", "prompt_enhance": "MAYBE"}}`),
      findings: [
        {
          message: `'quality' "high" is not allowed for gpt-image-1.5: use "HIGH".`,
          at: [2, 69, '"high"'],
          severity: 'error',
          fixes: [{ title: 'Change to "HIGH"', output: edit('high', 'HIGH'), preferred: true }],
        },
        {
          message: `'prompt_enhance' "MAYBE" is not allowed for gpt-image-1.5: it takes "AUTO", "ON" or "OFF".`,
          at: [2, 95, '"MAYBE"'],
          severity: 'error',
          fixes: [],
        },
      ],
    },
    {
      name: 'a case-only difference in a parameter value: preferred',
      path: J,
      code: jsonFile(`{"model": "gpt-image-1.5", "parameters": {"prompt": "x", "quality": "high"}}`),
      findings: [
        {
          message: `'quality' "high" is not allowed for gpt-image-1.5: use "HIGH".`,
          at: [2, 69, '"high"'],
          severity: 'error',
          fixes: [{ title: 'Change to "HIGH"', output: edit('high', 'HIGH'), preferred: true }],
        },
      ],
    },
    {
      name: 'guidance strength and image type, nested',
      path: J,
      code: jsonFile(`{"model": "phoenix-v1.0", "parameters": {"prompt": "x", "guidances": {"content": [{"image": {"id": "${ID}", "type": "FILE"}, "strength": "MAX"}]}}}`),
      findings: [
        {
          message: `'guidances.content[].image.type' "FILE" is not allowed for phoenix-v1.0: it takes one of 5 values.`,
          at: [2, 148, '"FILE"'],
          severity: 'error',
          fixes: [],
        },
        {
          message: `'guidances.content[].strength' "MAX" is not allowed for phoenix-v1.0: it takes "LOW", "MID", "HIGH" or "ULTRA".`,
          at: [2, 169, '"MAX"'],
          severity: 'error',
          fixes: [],
        },
      ],
    },
    {
      name: "a video style id outside an image model's style set",
      path: J,
      code: jsonFile(`{"model": "lucid-origin", "parameters": {"prompt": "x", "style_ids": ["964d8a8f-865b-48c5-b79e-e75ae8727648"]}}`),
      findings: [
        {
          message: "Style '964d8a8f…' is not one of lucid-origin's 8 styles.",
          at: [2, 71, '"964d8a8f-865b-48c5-b79e-e75ae8727648"'],
          severity: 'error',
          fixes: [],
        },
      ],
    },
  ],
});
