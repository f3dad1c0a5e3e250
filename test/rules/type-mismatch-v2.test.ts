// type-mismatch on v2 requests: a literal of the wrong JSON type for the model's parameter.
import { edit, ruleTester } from '../helpers/rule-tester.js';
import { fetchCode, jsonFile } from '../helpers/v2.js';

const JSON_FILE = 'request.jsonc';

ruleTester.run('type-mismatch', {
  valid: [
    { name: 'not flagged: right types', code: fetchCode(`{ model: 'kling-2.6', parameters: { prompt, duration: 5, width: 1920, height: 1080, motion_has_audio: true } }`) },
    { name: 'not flagged: a guide-only parameter', code: fetchCode(`{ model: 'gpt-image-1.5', parameters: { prompt, seed: '42' } }`) },
    { name: 'not flagged: unknown values and null', code: fetchCode(`{ model: 'veo-3.1-generate-001', parameters: { prompt, duration: Number(seconds), seed: null } }`) },
    { name: 'not flagged: an integer duration', code: fetchCode(`{ model: 'music-v1', parameters: { prompt, duration_minutes: 2 } }`) },
    {
      name: 'not flagged: another provider',
      code: `await fetch('https://api.example.com/v2/generations', { method: 'POST', body: JSON.stringify({ model: 'nano-banana-2', parameters: { prompt_enhance: true } }) });`,
    },
  ],
  invalid: [
    {
      name: 'prompt_enhance: true: the values it takes; "ON" offered, not preferred',
      code: fetchCode(`{ model: 'nano-banana-2', parameters: { prompt, prompt_enhance: true }, public: false }`),
      findings: [
        {
          message: `'prompt_enhance' must be one of "AUTO", "ON", "OFF" for nano-banana-2, not the boolean true.`,
          at: [6, 90, 'true'],
          fixes: [{ title: 'Change to "ON"', output: edit('true', '"ON"'), preferred: false }],
        },
      ],
    },
    {
      name: 'style_ids as a string: wrapped in an array (preferred)',
      path: JSON_FILE,
      code: jsonFile(`{"model": "phoenix-v1.0", "parameters": {"prompt": "x", "style_ids": "111dc692-d470-4eec-b791-3475abac4c46"}}`),
      findings: [
        {
          message: `'style_ids' must be an array for phoenix-v1.0, not the string "111dc692-d470-4eec-b791-3475abac4c46".`,
          at: [2, 70, '"111dc692-d470-4eec-b791-3475abac4c46"'],
          fixes: [{ title: 'Wrap the value in an array', output: edit('"111dc692-d470-4eec-b791-3475abac4c46"', '["111dc692-d470-4eec-b791-3475abac4c46"]'), preferred: true }],
        },
      ],
    },
    {
      name: 'numbers as strings and fractional integers; public as a string',
      code: fetchCode(`{ model: 'flux-pro-2.0', parameters: { prompt, width: '1024', quantity: 2.5, seed: '42' }, public: 'false' }`),
      findings: [
        {
          message: `'width' must be an integer for flux-pro-2.0, not the string "1024".`,
          at: [6, 80, '\'1024\''],
          fixes: [{ title: 'Use the number 1024', output: edit('\'1024\'', '1024'), preferred: true }],
        },
        {
          message: "'quantity' must be an integer for flux-pro-2.0, not the fractional number 2.5.",
          at: [6, 98, '2.5'],
          fixes: [],
        },
        {
          message: `'seed' must be an integer for flux-pro-2.0, not the string "42".`,
          at: [6, 109, '\'42\''],
          fixes: [{ title: 'Use the number 42', output: edit('\'42\'', '42'), preferred: true }],
        },
        {
          message: `'public' must be a boolean, not the string "false".`,
          at: [6, 125, '\'false\''],
          fixes: [{ title: 'Use the boolean false', output: edit('\'false\'', 'false'), preferred: true }],
        },
      ],
    },
    {
      name: 'a number as a string: unquoted',
      code: fetchCode(`{ model: 'flux-pro-2.0', parameters: { prompt, width: '1024' } }`),
      findings: [
        {
          message: `'width' must be an integer for flux-pro-2.0, not the string "1024".`,
          at: [6, 80, '\'1024\''],
          fixes: [{ title: 'Use the number 1024', output: edit('\'1024\'', '1024'), preferred: true }],
        },
      ],
    },
  ],
});
