// unknown-field on v2 requests: top-level keys, parameters the model does not take, v1 names.
import { edit, ruleTester } from '../helpers/rule-tester.js';
import { fetchCode, jsonFile } from '../helpers/v2.js';

const J = 'request.jsonc';
const ID = '5c1c7b5e-0d6e-4e55-9bd0-0b3b5c8c3b1a';

/** A route whose model is `MODEL_ID_MAP[modelId] || modelId` (one of three, or unknown), with `write` under `if (modelId === 'gpt-image-1.5')`. */
function mappedModel(write: string): string {
  return `const MODEL_ID_MAP: Record<string, string> = {
  'nano-banana-2': 'nano-banana-2',
  'nano-banana-pro': 'gemini-image-2',
  'gpt-image-1.5': 'gpt-image-1.5',
};
export async function POST(req: Request) {
  const { prompt, modelId, quality, seed } = await req.json();
  const parameters: Record<string, any> = { prompt: String(prompt), quantity: 1 };
  if (modelId === 'gpt-image-1.5') {
    ${write}
  }
  return fetch('https://cloud.leonardo.ai/api/rest/v2/generations', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: \`Bearer \${process.env.LEONARDO_API_KEY}\` },
    body: JSON.stringify({ model: MODEL_ID_MAP[modelId] || modelId, parameters, public: false }),
  });
}`;
}

ruleTester.run('unknown-field', {
  valid: [
    {
      name: 'a parameter added under a condition, where the model is one of several and one of them takes it: the condition may choose that model',
      code: mappedModel("parameters.quality = quality || 'MEDIUM';"),

    },
    {
      name: 'a model and its parameters each set in both branches of an if: never paired across the branches',
      code: `export async function POST(req: Request) {
  const { prompt, hd } = await req.json();
  let model: string;
  let parameters: Record<string, unknown>;
  if (hd) {
    model = 'gpt-image-2';
    parameters = { prompt, quality: 'LOW', quantity: 1 };
  } else {
    model = 'flux-pro-2.0';
    parameters = { prompt, quantity: 1 };
  }
  return fetch('https://cloud.leonardo.ai/api/rest/v2/generations', {
    method: 'POST',
    headers: { authorization: \`Bearer \${process.env.LEONARDO_API_KEY}\`, 'content-type': 'application/json' },
    body: JSON.stringify({ model, parameters, public: false }),
  });
}
`,
    },
    {
      name: 'the same with two conditional expressions on one condition',
      code: fetchCode(`{ model: hd ? 'gpt-image-2' : 'flux-pro-2.0', parameters: hd ? { prompt, quality: 'LOW' } : { prompt }, public: false }`).replace('prompt', 'prompt, hd'),
    },
    {
      name: "a model parameter's default is never paired with the parameters another call passes",
      code: `export async function generate(parameters: Record<string, unknown>, model = 'flux-pro-2.0') {
  return fetch('https://cloud.leonardo.ai/api/rest/v2/generations', {
    method: 'POST',
    headers: { authorization: \`Bearer \${process.env.LEONARDO_API_KEY}\`, 'content-type': 'application/json' },
    body: JSON.stringify({ model, parameters, public: false }),
  });
}
export const hd = (prompt: string) => generate({ prompt, quality: 'LOW', quantity: 1 }, 'gpt-image-2');
`,
    },
    {
      name: 'not flagged: a valid gpt-image-2 body',
      code: fetchCode(`{ model: 'gpt-image-2', parameters: { prompt, quality: 'LOW', quantity: 1, width: 1024, height: 1024, prompt_enhance: 'OFF' }, public: false }`),
    },
    {
      name: 'not flagged: seed on gpt-image-1.5 (only the guide lists it; the spec is silent, parameters open)',
      code: fetchCode(`{ model: 'gpt-image-1.5', parameters: { prompt, seed: 42, quality: 'MEDIUM' }, public: false }`),
    },
    {
      name: "not flagged: image_reference on kling-3.0 (the guide documents it, the spec's closed guidances does not)",
      code: fetchCode(`{ model: 'kling-3.0', parameters: { prompt, duration: 5, guidances: { image_reference: [{ image: { id: '${ID}', type: 'GENERATED' } }] } } }`),
    },
    {
      name: 'not flagged: a valid upscaler body',
      code: fetchCode(`{ model: 'aurora-upscaler-precise', parameters: { width: 1024, height: 1024, upscale_factor: 2, upscale_mode: 'clean', guidances: { image_reference: [{ image: { id: '${ID}', type: 'GENERATED' } }] } }, public: false }`),
    },
    {
      name: 'not flagged: a model chosen by a ternary, each checked',
      code: fetchCode(`{ model: hd ? 'gemini-image-2' : 'nano-banana-2', parameters: { prompt, quantity: 2, prompt_enhance: 'OFF' } }`),
    },
    {
      name: 'not flagged: a spread of unknown values',
      code: fetchCode(`{ model: 'flux-pro-2.0', parameters: { prompt, ...extra } }`),
    },
    {
      name: 'not flagged: a guide-only model string is never checked',
      path: J,
      code: jsonFile('{"model": "google/nano-banana-2.1", "parameters": {"prompt": "x", "anything": 1}}'),
    },
    {
      name: "not flagged: another provider's v2-looking body",
      code: `await fetch('https://api.stability.ai/v2beta/stable-image/generate/ultra', { method: 'POST', body: JSON.stringify({ model: 'sd3', parameters: { num_images: 2 } }) });`,
    },
  ],
  invalid: [
    {
      name: 'a name the parameters already set is no suggestion (quality beside quantity is not a misspelt quantity)',
      code: fetchCode(`{ model: 'nano-banana-2', parameters: { prompt, quantity: 1, quality: 'HIGH' }, public: false }`),
      findings: [{ message: "'quality' is not a parameter of nano-banana-2 in Leonardo's docs or spec.", at: [6, 87, 'quality'], fixes: [] }],
    },
    {
      name: 'a parameter added under a condition that none of the models it may be sent with takes is still flagged',
      code: mappedModel("parameters.hd = quality === 'HIGH';"),

      findings: [{ message: "'hd' is not a parameter of nano-banana-2 in Leonardo's docs or spec.", at: [10, 16, 'hd'], fixes: [] }],
    },
    {
      name: 'a v1 name inside parameters: the v2 name, renamed by the preferred fix',
      code: fetchCode(`{ model: 'gpt-image-1.5', parameters: { prompt, num_images: 2, quality: 'HIGH' }, public: false }`),
      findings: [
        {
          message: "'num_images' is v1's name: v2 takes 'quantity'.",
          at: [6, 74, 'num_images'],
          severity: 'warning',
          fixes: [{ title: "Rename to 'quantity'", output: edit('num_images', 'quantity'), preferred: true }],
        },
      ],
    },
    {
      name: 'negativePrompt -> negative_prompt where the model has one',
      path: J,
      code: jsonFile('{"model": "phoenix-v1.0", "parameters": {"prompt": "a fox", "negativePrompt": "blur"}}'),
      findings: [
        {
          message: "'negativePrompt' is v1's name: v2 takes 'negative_prompt'.",
          at: [2, 61, '"negativePrompt"'],
          severity: 'warning',
          fixes: [{ title: "Rename to 'negative_prompt'", output: edit('negativePrompt', 'negative_prompt'), preferred: true }],
        },
      ],
    },
    {
      name: 'negativePrompt where the model takes no negative_prompt either: no fix',
      path: J,
      code: jsonFile('{"model": "gpt-image-1.5", "parameters": {"prompt": "a fox", "negativePrompt": "blur"}}'),
      findings: [
        {
          message: "'negativePrompt' is v1's name, and gpt-image-1.5 takes no 'negative_prompt' either.",
          at: [2, 62, '"negativePrompt"'],
          severity: 'warning',
          fixes: [],
        },
      ],
    },
    {
      name: 'v1 options no v2 model takes',
      path: J,
      code: jsonFile('{"model": "lucid-origin", "parameters": {"prompt": "a fox", "alchemy": true, "presetStyle": "DYNAMIC"}}'),
      findings: [
        {
          message: "'alchemy' is a v1 option: v2 models do not take it.",
          at: [2, 61, '"alchemy"'],
          severity: 'warning',
          fixes: [],
        },
        {
          message: "'presetStyle' is a v1 option: v2 models do not take it.",
          at: [2, 78, '"presetStyle"'],
          severity: 'warning',
          fixes: [],
        },
      ],
    },
    {
      name: 'a parameter the model does not take: a warning on open models',
      path: J,
      code: jsonFile('{"model": "gpt-image-1.5", "parameters": {"prompt": "icons", "negative_prompt": "text"}}'),
      findings: [
        {
          message: "'negative_prompt' is not a parameter of gpt-image-1.5 in Leonardo's docs or spec.",
          at: [2, 62, '"negative_prompt"'],
          severity: 'warning',
          fixes: [],
        },
      ],
    },
    {
      name: 'a parameter the model does not take: an error where parameters is closed',
      path: J,
      code: jsonFile(`{"model": "remove-bg", "parameters": {"guidances": {"image_reference": [{"image": {"id": "${ID}", "type": "GENERATED"}}]}, "formats": "png"}}`),
      findings: [
        {
          message: "'formats' is not a parameter of remove-bg: the API rejects it. Did you mean 'format'?",
          at: [2, 155, '"formats"'],
          severity: 'error',
          fixes: [{ title: "Rename to 'format'", output: edit('formats', 'format'), preferred: false }],
        },
      ],
    },
    {
      name: 'a case-only difference is certain: preferred',
      path: J,
      code: jsonFile('{"model": "flux-pro-2.0", "parameters": {"prompt": "x", "Quantity": 2}}'),
      findings: [
        {
          message: "'Quantity' is not a parameter of flux-pro-2.0 in Leonardo's docs or spec. Did you mean 'quantity'?",
          at: [2, 57, '"Quantity"'],
          severity: 'warning',
          fixes: [{ title: "Rename to 'quantity'", output: edit('Quantity', 'quantity'), preferred: true }],
        },
      ],
    },
    {
      name: 'mode on ideogram-v3.0 fails since 2026-05-04: an error naming quality',
      path: J,
      code: jsonFile('{"model": "ideogram-v3.0", "parameters": {"prompt": "a poster", "mode": "QUALITY"}}'),
      findings: [
        {
          message: "'mode' makes ideogram-v3.0 requests fail since 2026-05-04: use 'quality'.",
          at: [2, 65, '"mode"'],
          severity: 'error',
          fixes: [],
        },
      ],
    },
    {
      name: 'top-level keys: parameters written beside model, v1 names, unknown keys',
      code: `import axios from 'axios';
const client = axios.create({ baseURL: 'https://cloud.leonardo.ai/api/rest/v2', headers: { authorization: \`Bearer \${process.env.LEONARDO_API_KEY}\` } });
export const video = (prompt: string) => client.post('/generations', { model: 'ltxv-2.3-fast', prompt, duration: 8, isPublic: false });
`,
      findings: [
        {
          message: "'prompt' belongs inside 'parameters': at the top level the v2 API does not read it.",
          at: [3, 96, 'prompt'],
          severity: 'error',
          fixes: [],
        },
        {
          message: "'duration' belongs inside 'parameters': at the top level the v2 API does not read it.",
          at: [3, 104, 'duration'],
          severity: 'error',
          fixes: [],
        },
        {
          message: "'isPublic' is v1's name: a v2 body takes 'public'.",
          at: [3, 117, 'isPublic'],
          severity: 'error',
          fixes: [{ title: "Rename to 'public'", output: edit('isPublic', 'public'), preferred: true }],
        },
      ],
    },
    {
      name: '`models` for `model` (seen in public code): renamed when the value is a v2 model string',
      code: fetchCode(`{ models: 'gpt-image-2', parameters: { prompt, quality: 'LOW' }, public: false }`),
      findings: [
        {
          message: "'models' is v1's: a v2 body names the model in 'model'.",
          at: [6, 28, 'models'],
          severity: 'error',
          fixes: [{ title: "Rename to 'model'", output: edit('models', 'model'), preferred: true }],
        },
      ],
    },
    {
      name: 'an unknown guidance kind: an error where guidances is closed',
      path: J,
      code: jsonFile(`{"model": "kling-video-o-3", "parameters": {"prompt": "x", "guidances": {"start_frames": []}}}`),
      findings: [
        {
          message: "'start_frames' is not a guidance of kling-video-o-3: did you mean 'start_frame'?",
          at: [2, 74, '"start_frames"'],
          severity: 'error',
          fixes: [{ title: "Rename to 'start_frame'", output: edit('"start_frames"', '"start_frame"'), preferred: false }],
        },
      ],
    },
    {
      name: 'an unknown guidance kind: a warning where guidances lists its kinds',
      path: J,
      code: jsonFile(`{"model": "gpt-image-1.5", "parameters": {"prompt": "x", "guidances": {"style": []}}}`),
      findings: [
        {
          message: "'style' is not a guidance of gpt-image-1.5: it takes 'image_reference'.",
          at: [2, 72, '"style"'],
          severity: 'warning',
          fixes: [],
        },
      ],
    },
    {
      name: 'with an unknown or retired model only the v1 names are judged',
      code: fetchCode(`{ model: process.env.LEONARDO_MODEL, parameters: { prompt, num_images: 4, seed: 7, whatever: 1 } }`),
      findings: [
        {
          message: "'num_images' is v1's name: v2 takes 'quantity'.",
          at: [6, 85, 'num_images'],
          severity: 'warning',
          fixes: [{ title: "Rename to 'quantity'", output: edit('num_images', 'quantity'), preferred: true }],
        },
      ],
    },
    {
      name: 'curl with a v2 URL',
      path: 'gen.sh',
      code: `curl -X POST https://cloud.leonardo.ai/api/rest/v2/generations \\
  -H "authorization: Bearer $LEONARDO_API_KEY" -H "content-type: application/json" \\
  -d '{"model": "seedream-4.5", "parameters": {"prompt": "a fox", "num_images": 2}, "public": false}'
`,
      findings: [
        {
          message: "'num_images' is v1's name: v2 takes 'quantity'.",
          at: [3, 67, '"num_images"'],
          severity: 'warning',
          fixes: [{ title: "Rename to 'quantity'", output: edit('num_images', 'quantity'), preferred: true }],
        },
      ],
    },
    {
      name: '.http with a v2 URL',
      path: 'gen.http',
      code: `POST https://cloud.leonardo.ai/api/rest/v2/generations
Authorization: Bearer {{apiKey}}
Content-Type: application/json

{"model": "seedream-4.5", "parameters": {"prompt": "a fox", "numImages": 2}}
`,
      findings: [
        {
          message: "'numImages' is v1's name: v2 takes 'quantity'.",
          at: [5, 61, '"numImages"'],
          severity: 'warning',
          fixes: [{ title: "Rename to 'quantity'", output: edit('numImages', 'quantity'), preferred: true }],
        },
      ],
    },
  ],
});
