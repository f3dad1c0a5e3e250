// too-many-images on v2 requests: quantity above the model's maximum.
import { edit, ruleTester } from '../helpers/rule-tester.js';
import { fetchCode, jsonFile } from '../helpers/v2.js';

const JSON_FILE = 'request.jsonc';

ruleTester.run('too-many-images', {
  valid: [
    { name: 'not flagged: at the maximum', code: fetchCode(`{ model: 'flux-pro-2.0', parameters: { prompt, quantity: 8 } }`) },
    { name: 'not flagged: an unknown count', code: fetchCode(`{ model: 'flux-pro-2.0', parameters: { prompt, quantity: count } }`) },
    { name: 'not flagged: one video', code: fetchCode(`{ model: 'veo-3.1-lite', parameters: { prompt, quantity: 1 } }`) },
    { name: 'not flagged: an unknown model', code: fetchCode(`{ model: modelName, parameters: { prompt, quantity: 12 } }`) },
  ],
  invalid: [
    {
      name: "quantity above the model's maximum: the API error, set to the maximum (offered)",
      code: fetchCode(`{ model: 'gpt-image-1.5', parameters: { prompt, quantity: 10 }, public: false }`),
      findings: [
        {
          message: "'quantity' 10 is more than gpt-image-1.5 allows (8): the API answers 'Too many images'.",
          at: [6, 84, '10'],
          fixes: [{ title: "Set 'quantity' to 8", output: edit('10', '8'), preferred: false }],
        },
      ],
    },
    // [model, quantity, the model's maximum, the column of the quantity in the request file's body line]
    ...([
      ['seedream-5.0-pro', 7, 6, 73],
      ['ideogram-v4.0', 5, 4, 70],
      ['kling-3.0', 2, 1, 66],
      ['rodin-v2', 2, 1, 65],
    ] as const).map(([model, quantity, max, column]) => ({
      name: `quantity above the model's maximum: ${model} allows ${max}`,
      path: JSON_FILE,
      code: jsonFile(`{"model": "${model}", "parameters": {"prompt": "x", "quantity": ${quantity}}}`),
      findings: [
        {
          message: `'quantity' ${quantity} is more than ${model} allows (${max}): the API answers 'Too many images'.`,
          at: [2, column, `${quantity}`] as [number, number, string],
          fixes: [{ title: `Set 'quantity' to ${max}`, output: edit(`"quantity": ${quantity}}`, `"quantity": ${max}}`), preferred: false }],
        },
      ],
    })),
    {
      name: 'each model of a ternary; each value of a ternary',
      code: fetchCode(`{ model: hd ? 'ideogram-v4.0' : 'ideogram-v3.0', parameters: { prompt, quantity: batch ? 6 : 2 } }`),
      findings: [
        {
          message: "'quantity' 6 is more than ideogram-v4.0 allows (4): the API answers 'Too many images'.",
          at: [6, 115, '6'],
          fixes: [{ title: "Set 'quantity' to 4", output: edit('6', '4'), preferred: false }],
        },
      ],
    },
  ],
});
