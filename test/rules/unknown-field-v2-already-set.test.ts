// unknown-field (v2): a v1 key beside its v2 name, which is already set. Renaming would write the key
// twice, so there is no rename: the v1 key's removal is offered (not preferred: which value was meant
// is not certain).
import { edit, ruleTester } from '../helpers/rule-tester.js';

const J = 'hero.leonardo.json';

ruleTester.run('unknown-field', {
  valid: [{ name: 'the v2 names alone', path: J, code: '{"model": "gpt-image-1.5", "public": false, "parameters": {"prompt": "x", "quantity": 1}}\n' }],
  invalid: [
    {
      name: 'num_images beside quantity, isPublic beside public, modelId beside model',
      path: J,
      code: '{"model": "gpt-image-1.5", "isPublic": true, "public": false, "modelId": "x", "parameters": {"prompt": "x", "num_images": 2, "quantity": 1}}\n',
      findings: [
        {
          message: "'isPublic' is v1's name for 'public', which is already set: remove it.",
          at: [1, 28, '"isPublic"'],
          fixes: [{ title: "Remove 'isPublic'", output: edit('"isPublic": true, ', ''), preferred: false }],
        },
        {
          message: "'modelId' is v1's name for 'model', which is already set: remove it.",
          at: [1, 63, '"modelId"'],
          fixes: [{ title: "Remove 'modelId'", output: edit('"modelId": "x", ', ''), preferred: false }],
        },
        {
          message: "'num_images' is v1's name for 'quantity', which is already set: remove it.",
          at: [1, 109, '"num_images"'],
          severity: 'warning',
          fixes: [{ title: "Remove 'num_images'", output: edit('"num_images": 2, ', ''), preferred: false }],
        },
      ],
    },
  ],
});
