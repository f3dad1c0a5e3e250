// out-of-range on v2 requests: numbers outside the model's range or set, lengths, reference counts.
import { edit, ruleTester } from '../helpers/rule-tester.js';
import { fetchCode, jsonFile } from '../helpers/v2.js';

const J = 'request.jsonc';
const refs = (n: number) => `[${Array.from({ length: n }, () => '{"image": {"id": "5c1c7b5e-0d6e-4e55-9bd0-0b3b5c8c3b1a", "type": "GENERATED"}}').join(', ')}]`;
const ref = (n: number, kind = 'image_reference') => `"${kind}": ${refs(n)}`;
const LONG_PROMPT = 'a'.repeat(2600);

ruleTester.run('out-of-range', {
  valid: [
    {
      name: 'not flagged: Kling O1 with 5 image references (5 in the spec, 4 in the guide)',
      path: J,
      code: jsonFile(`{"model": "kling-video-o-1", "parameters": {"prompt": "x", "guidances": {${ref(5)}}}}`),
    },
    { name: 'not flagged: upscale_factor 5 (only the guides)', path: J, code: jsonFile(`{"model": "aurora-upscaler-creative", "parameters": {"upscale_factor": 5}}`) },
    {
      name: 'not flagged: a 2000-character prompt on Kling (only the guide says 1500)',
      path: J,
      code: jsonFile(`{"model": "kling-3.0", "parameters": {"prompt": "${'b'.repeat(2000)}"}}`),
    },
    {
      name: 'not flagged: width/height (invalid-dimensions) and quantity (too-many-images)',
      path: J,
      code: jsonFile(`{"model": "phoenix-v1.0", "parameters": {"prompt": "x", "width": 9000, "quantity": 12}}`),
    },
    { name: 'not flagged: seed -1 and duration 5 on seedance-2.0', path: J, code: jsonFile(`{"model": "seedance-2.0", "parameters": {"prompt": "x", "seed": -1, "duration": 5}}`) },
  ],
  invalid: [
    {
      name: "a duration outside the model's set: the nearest value offered, not preferred",
      code: fetchCode(`{ model: 'kling-2.6', parameters: { prompt, duration: 8 }, public: false }`),
      findings: [
        {
          message: "'duration' 8 is not 5 or 10 for kling-2.6.",
          at: [6, 80, '8'],
          severity: 'error',
          fixes: [{ title: "Set 'duration' to 10", output: edit('8', '10'), preferred: false }],
        },
      ],
    },
    {
      name: "a duration outside the model's range",
      path: J,
      code: jsonFile('{"model": "kling-video-o-1", "parameters": {"prompt": "x", "duration": 12}}'),
      findings: [
        {
          message: "'duration' 12 is outside 3..10 for kling-video-o-1.",
          at: [2, 72, '12'],
          severity: 'error',
          fixes: [{ title: "Set 'duration' to 10", output: edit('12', '10'), preferred: false }],
        },
      ],
    },
    {
      name: "an upscale_factor outside the model's set",
      path: J,
      code: jsonFile('{"model": "aurora-upscaler-precise", "parameters": {"upscale_factor": 7}}'),
      findings: [
        {
          message: "'upscale_factor' 7 is not 2, 3, 4, 5, 6 or 8 for aurora-upscaler-precise.",
          at: [2, 71, '7'],
          severity: 'error',
          fixes: [
            { title: "Set 'upscale_factor' to 6", output: edit('7', '6'), preferred: false },
            { title: "Set 'upscale_factor' to 8", output: edit('7', '8'), preferred: false },
          ],
        },
      ],
    },
    {
      name: "a seed outside the model's range",
      path: J,
      code: jsonFile('{"model": "rodin-v2", "parameters": {"prompt": "x", "seed": 70000}}'),
      findings: [
        {
          message: "'seed' 70000 is outside 0..65535 for rodin-v2.",
          at: [2, 61, '70000'],
          severity: 'error',
          fixes: [{ title: "Set 'seed' to 65535", output: edit('70000', '65535'), preferred: false }],
        },
      ],
    },
    {
      name: 'too many references (maxItems)',
      path: J,
      code: jsonFile(`{"model": "gpt-image-1.5", "parameters": {"prompt": "x", "guidances": {${ref(7)}}}}`),
      findings: [
        {
          message: "'guidances.image_reference' has 7 items: gpt-image-1.5 takes at most 6.",
          at: [2, 91, refs(7)],
          severity: 'error',
          fixes: [],
        },
      ],
    },
    {
      name: "style_ids over the guides' limit of 1: a warning",
      path: J,
      code: jsonFile('{"model": "lucid-origin", "parameters": {"prompt": "x", "style_ids": ["111dc692-d470-4eec-b791-3475abac4c46", "a5632c7c-ddbb-4e2f-ba34-8456ab3ac436"]}}'),
      findings: [
        {
          message: "'style_ids' has 2 items: lucid-origin takes at most 1.",
          at: [2, 70, '["111dc692-d470-4eec-b791-3475abac4c46", "a5632c7c-ddbb-4e2f-ba34-8456ab3ac436"]'],
          severity: 'warning',
          fixes: [],
        },
      ],
    },
    {
      name: 'a prompt longer than the model takes',
      path: J,
      code: jsonFile(`{"model": "kling-2.6", "parameters": {"prompt": "${LONG_PROMPT}"}}`),
      findings: [
        {
          message: "'prompt' is 2600 characters, more than the 2500 kling-2.6 takes.",
          at: [2, 49, `"${LONG_PROMPT}"`],
          severity: 'error',
          fixes: [],
        },
      ],
    },
  ],
});
