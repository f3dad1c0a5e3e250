// missing-required on v2 requests: no model, a required parameter absent, a guidance item without image.
import { edit, ruleTester } from '../helpers/rule-tester.js';
import { fetchCode, jsonFile } from '../helpers/v2.js';

const J = 'request.jsonc';
const ID = '5c1c7b5e-0d6e-4e55-9bd0-0b3b5c8c3b1a';

ruleTester.run('missing-required', {
  valid: [
    { name: 'not flagged: Veo quantity (only the spec requires it)', path: J, code: jsonFile(`{"model": "veo-3.1-generate-001", "parameters": {"prompt": "x"}}`) },
    {
      name: 'not flagged: Rodin output_format (only the spec requires it)',
      path: J,
      code: jsonFile(`{"model": "rodin-v2", "parameters": {"prompt": "x", "guidances": {"image_reference": [{"image": {"id": "${ID}", "type": "UPLOADED"}}]}}}`),
    },
    {
      name: 'not flagged: content strength (required by the spec only)',
      path: J,
      code: jsonFile(`{"model": "phoenix-v0.9", "parameters": {"prompt": "x", "guidances": {"content": [{"image": {"id": "${ID}", "type": "GENERATED"}}]}}}`),
    },
    {
      name: 'not flagged: upscale_factor / creativity (required by the guide only)',
      path: J,
      code: jsonFile(`{"model": "aurora-upscaler-creative", "parameters": {"width": 1024, "height": 1024, "guidances": {"image_reference": [{"image": {"id": "${ID}", "type": "GENERATED"}}]}}}`),
    },
    { name: 'not flagged: unknown keys spread in', code: fetchCode(`{ model: 'gpt-image-1.5', parameters: { ...opts } }`) },
    { name: 'not flagged: a conditional property', code: fetchCode(`{ model: 'gpt-image-1.5', parameters: { ...(prompt && { prompt }) } }`) },
  ],
  invalid: [
    {
      name: '`models` for `model`: the body has no model; the rename (unknown-field\'s fix) is named, not offered twice',
      code: fetchCode(`{ models: 'gpt-image-1.5', parameters: { prompt } }`),
      findings: [{ message: "Rename 'models' to 'model': a v2 body needs 'model', the model string, and has none.", at: [6, 26, '{'], severity: 'error', fixes: [] }],
    },
    {
      name: '`modelId` for `model` likewise',
      code: fetchCode(`{ modelId: 'gpt-image-1.5', parameters: { prompt } }`),
      findings: [{ message: "Rename 'modelId' to 'model': a v2 body needs 'model', the model string, and has none.", at: [6, 26, '{'], severity: 'error', fixes: [] }],
    },
    {
      name: 'no prompt for a model that requires it: on the parameters brace, with a placeholder',
      code: fetchCode(`{ model: 'gpt-image-1.5', parameters: { quality: 'HIGH' }, public: false }`),
      findings: [
        {
          message: "'parameters' needs 'prompt' for gpt-image-1.5, and it is missing.",
          at: [6, 64, '{'],
          severity: 'error',
          fixes: [{ title: `Add 'prompt: "TODO: describe what to generate"'`, output: edit("HIGH' }", "HIGH', prompt: 'TODO: describe what to generate' }"), preferred: false }],
        },
      ],
    },
    {
      name: 'a null prompt',
      path: J,
      code: jsonFile('{"model": "flux-dev", "parameters": {"prompt": null}}'),
      findings: [
        {
          message: "'parameters' needs 'prompt' for flux-dev, and it is null.",
          at: [2, 38, '"prompt"'],
          severity: 'error',
          fixes: [],
        },
      ],
    },
    {
      name: 'no model',
      path: J,
      code: jsonFile('{"parameters": {"prompt": "x"}, "public": false}'),
      findings: [
        {
          message: "A v2 body needs 'model', the model string ('gpt-image-1.5', 'kling-3.0', ...).",
          at: [2, 1, '{'],
          severity: 'error',
          fixes: [{ title: `Add 'model: "TODO: model string"'`, output: edit('false', 'false, "model": "TODO: model string"'), preferred: false }],
        },
      ],
    },
    {
      name: 'no parameters at all',
      path: J,
      code: jsonFile('{"model": "lucid-origin", "public": false}'),
      findings: [
        {
          message: "lucid-origin requires 'parameters' with 'prompt', and it is missing.",
          at: [2, 1, '{'],
          severity: 'error',
          fixes: [],
        },
      ],
    },
    {
      name: "the upscaler's image guidance, and the input image's width and height (both sources require them)",
      path: J,
      code: jsonFile('{"model": "aurora-upscaler-creative", "parameters": {"upscale_factor": 2}}'),
      // One finding on the one brace, listing the fields (not three findings on the same `{`).
      findings: [
        {
          message: "'parameters' is missing 'guidances', 'height' and 'width', which aurora-upscaler-creative requires: add them.",
          at: [2, 53, '{'],
          severity: 'error',
          fixes: [],
        },
      ],
    },
    {
      name: "grok's start frame",
      path: J,
      code: jsonFile('{"model": "grok-imagine-1.5", "parameters": {"prompt": "x", "guidances": {}}}'),
      findings: [
        {
          message: "'guidances' needs 'start_frame' for grok-imagine-1.5, and it is missing.",
          at: [2, 74, '{'],
          severity: 'error',
          fixes: [],
        },
      ],
    },
    {
      name: 'a guidance item without image',
      path: J,
      code: jsonFile(`{"model": "gemini-image-2", "parameters": {"prompt": "x", "guidances": {"image_reference": [{"id": "${ID}", "type": "UPLOADED"}]}}}`),
      findings: [
        {
          message: "'guidances.image_reference[]' needs 'image' for gemini-image-2, and it is missing.",
          at: [2, 93, '{'],
          severity: 'error',
          fixes: [],
        },
      ],
    },
  ],
});
