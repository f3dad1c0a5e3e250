// A `*.leonardo.json` file is never skipped in silence: judged against the endpoint its keys most nearly
// match (a misspelt key counting for the field it is nearest to), or given one information note saying
// how to name its endpoint. Other JSON files stay silent, as before.
import { ruleTester } from '../helpers/rule-tester.js';

const NOTE = "Cannot tell this request file's endpoint from its keys: map it in requestFiles, or name it .leonardo.jsonc with // POST /path first.";

ruleTester.run('unknown-endpoint', {
  valid: [
    { name: 'a plain JSON file with the same keys stays silent', path: 'portrait.json', code: '{"promt": "a cat", "width": 512}\n' },
    { name: 'a copy named after a request file is not one', path: 'portrait.leonardo.json.bak', code: '{"promt": "a cat", "width": 512}\n' },
    { name: 'a name that only ends like one is not one', path: 'portraitleonardo.json', code: '{"promt": "a cat", "width": 512}\n' },
    { name: 'a named file whose keys tell the endpoint', path: 'portrait.leonardo.json', code: '{"prompt": "a cat", "num_images": 2, "width": 512}\n' },
    { name: 'a named file whose misspelt keys still point at one endpoint', path: 'portrait.leonardo.json', code: '{"promt": "a cat", "negative_promt": "dog", "num_image": 2}\n' },
    { name: 'a named file mapped by requestFiles', path: 'upscale.leonardo.json', code: '{"id": "5f1e6d2a-7c0b-4d2e-9a4f-3b8c1e2d4f60"}\n', config: { requestFiles: { '*.leonardo.json': 'POST /variations/upscale' } } },
    { name: 'a named JSONC file whose first line names the endpoint', path: 'upscale.leonardo.jsonc', code: '// POST /variations/upscale\n{"id": "5f1e6d2a-7c0b-4d2e-9a4f-3b8c1e2d4f60"}\n' },
    { name: 'an empty named file, just created: nothing to judge yet', path: 'new.leonardo.json', code: '' },
    { name: 'a named v2 body', path: 'hero.leonardo.json', code: '{"model": "gemini-image-2", "parameters": {"prompt": "a cat"}}\n' },
  ],
  invalid: [
    {
      name: 'a typo defeats inference and the remaining keys fit many endpoints: one note',
      path: 'portrait.leonardo.json',
      code: '{"promt": "a cat", "width": 512}\n',
      findings: [{ message: NOTE, at: [1, 1, '{'], fixes: [], severity: 'information' }],
    },
    {
      name: 'the name is matched whatever its case (PORTRAIT.LEONARDO.JSONC, as Windows users write it)',
      path: 'PORTRAIT.LEONARDO.JSONC',
      code: '{"promt": "a cat", "width": 512}\n',
      findings: [{ message: NOTE, at: [1, 1, '{'], fixes: [], severity: 'information' }],
    },
    {
      name: 'an id alone fits several endpoints: one note',
      path: 'upscale.leonardo.json',
      code: '{\n  "id": "5f1e6d2a-7c0b-4d2e-9a4f-3b8c1e2d4f60"\n}\n',
      findings: [{ message: NOTE, at: [1, 1, '{'], fixes: [], severity: 'information' }],
    },
  ],
});

ruleTester.run('unknown-field', {
  valid: [{ name: 'a plain JSON file with misspelt keys is not a request', path: 'portrait.json', code: '{"promt": "a cat", "negative_promt": "dog", "num_image": 2}\n' }],
  invalid: [
    {
      name: 'a named file judged against the endpoint its misspelt keys most nearly match',
      path: 'portrait.leonardo.json',
      code: '{"promt": "a cat", "negative_promt": "dog", "num_image": 2}\n',
      findings: [
        { message: /promt.*prompt/, at: [1, 2, '"promt"'], fixes: [{ output: '{"prompt": "a cat", "negative_promt": "dog", "num_image": 2}\n', preferred: false }], endpoint: 'POST /generations' },
        { message: /negative_promt.*negative_prompt/, at: [1, 20, '"negative_promt"'], fixes: [{ output: '{"promt": "a cat", "negative_prompt": "dog", "num_image": 2}\n', preferred: false }] },
        { message: /num_image.*num_images/, at: [1, 45, '"num_image"'], fixes: [{ output: '{"promt": "a cat", "negative_promt": "dog", "num_images": 2}\n', preferred: false }] },
      ],
    },
  ],
});
