// invalid-id: a v1 platform model's name given as `modelId` ("Phoenix", "Leonardo Kino XL"): the model's
// UUID is offered (never preferred: a short name may mean several versions).
import { edit, ruleTester } from '../helpers/rule-tester.js';

const HEADER = '// POST /generations\n';

ruleTester.run('invalid-id', {
  valid: [{ name: 'the UUID itself', path: 'r.jsonc', code: `${HEADER}{"prompt": "a cat", "modelId": "de7d3faf-762f-48e0-b3b7-9d0ac3a3fcf3"}\n` }],
  invalid: [
    {
      name: 'a short name that two versions share: both ids offered, newest first',
      path: 'r.jsonc',
      code: `${HEADER}{"prompt": "a cat", "modelId": "Phoenix"}\n`,
      findings: [{
        message: 'modelId takes a UUID, not the name "Phoenix": use the id of Leonardo Phoenix 1.0 or Leonardo Phoenix 0.9.',
        at: [2, 32, '"Phoenix"'],
        fixes: [
          { title: 'Use the id of Leonardo Phoenix 1.0', output: edit('"Phoenix"', '"de7d3faf-762f-48e0-b3b7-9d0ac3a3fcf3"'), preferred: false },
          { title: 'Use the id of Leonardo Phoenix 0.9', output: edit('"Phoenix"', '"6b645e3a-d64f-4341-a6d8-7a3690fbf042"'), preferred: false },
        ],
      }],
    },
    {
      name: 'a full name in code keeps the literal\'s quotes',
      code: "await fetch('https://cloud.leonardo.ai/api/rest/v1/generations', { method: 'POST', body: JSON.stringify({ prompt: 'a cat', modelId: 'Leonardo Kino XL' }) });\n",
      findings: [{
        message: 'modelId takes a UUID, not the name "Leonardo Kino XL": use the id of Leonardo Kino XL.',
        at: [1, 133, "'Leonardo Kino XL'"],
        fixes: [{ title: 'Use the id of Leonardo Kino XL', output: edit("'Leonardo Kino XL'", "'aa77f04e-3eec-4034-9c07-d0f619684628'"), preferred: false }],
      }],
    },
    {
      name: 'a name no platform model has: the usual message, no fix',
      path: 'r.jsonc',
      code: `${HEADER}{"prompt": "a cat", "modelId": "my-model"}\n`,
      findings: [{ message: /must be a UUID/, at: [2, 32, '"my-model"'], fixes: [] }],
    },
  ],
});
