// invalid-id, v2 cases: image ids in guidances and style ids that are not UUIDs; a style given by its
// name gets the model's UUID for it.
import { ruleTester } from '../helpers/rule-tester.js';

const request = (parameters: string, model = 'gemini-image-2') => `const LEONARDO = 'https://cloud.leonardo.ai/api/rest/v2/generations';

export async function generate(prompt: string, referenceId: string) {
  const response = await fetch(LEONARDO, {
    method: 'POST',
    headers: { authorization: \`Bearer \${process.env.LEONARDO_API_KEY}\`, 'content-type': 'application/json' },
    body: JSON.stringify({ model: '${model}', parameters: ${parameters}, public: false }),
  });
  return response.json();
}
`;

ruleTester.run('invalid-id', {
  valid: [
    { name: 'not flagged: a run-time image id', code: request(`{ prompt, guidances: { image_reference: [{ image: { id: referenceId, type: 'GENERATED' } }] } }`) },
    { name: 'not flagged: a UUID image id', code: request(`{ prompt, guidances: { image_reference: [{ image: { id: 'b3e0d1a2-0c59-4a8e-9f3e-6f1f2f0c9d11', type: 'UPLOADED' } }] } }`) },
    { name: 'not flagged: the docs placeholder', code: request(`{ prompt, guidances: { image_reference: [{ image: { id: 'XXXXXXXX-XXXX-XXXX-XXXX-XXXXXXXXXXXX', type: 'UPLOADED' } }] } }`) },
    { name: 'not flagged: a template id', code: request(`{ prompt, guidances: { image_reference: [{ image: { id: \`\${referenceId}\`, type: 'UPLOADED' } }] } }`) },
    { name: 'not flagged: a URL sent as type URL', code: request(`{ prompt, guidances: { image_reference: [{ image: { type: 'URL', url: 'https://cdn.example.com/ref.png' } }] } }`) },
    { name: 'not flagged: a style UUID', code: request(`{ prompt, style_ids: ['3cbb655a-7ca4-463f-b697-8a03ad67327c'] }`) },
    {
      name: 'another provider with the same keys is not judged',
      code: `await fetch('https://api.example.com/v2/generations', { method: 'POST', body: JSON.stringify({ model: 'gemini-image-2', parameters: { style_ids: ['acrylic'] } }) });`,
    },
  ],
  invalid: [
    {
      name: 'an image id that is a URL: send it as type URL with url',
      code: request(`{ prompt, guidances: { image_reference: [{ image: { id: 'https://cdn.example.com/ref.png', type: 'UPLOADED' }, strength: 'MID' }] } }`),
      findings: [
        {
          message: `'guidances.image_reference[].image.id' must be a UUID, not a URL: send it as 'type: "URL"' with 'url'.`,
          at: [7, 121, '\'https://cdn.example.com/ref.png\''],
          fixes: [],
        },
      ],
    },
    {
      name: 'an image id that is a file name',
      code: request(`{ prompt, guidances: { image_reference: [{ image: { id: 'portrait.jpg', type: 'UPLOADED' } }] } }`),
      findings: [
        {
          message: `'guidances.image_reference[].image.id' must be a UUID (an uploaded or generated image's id), not "portrait.jpg".`,
          at: [7, 121, '\'portrait.jpg\''],
          fixes: [],
        },
      ],
    },
    {
      name: 'a style given by its name: the UUID of that style of the model, preferred',
      code: request(`{ prompt, style_ids: ['acrylic'] }`),
      findings: [
        {
          message: `'style_ids' takes style UUIDs: use 3cbb655a-7ca4-463f-b697-8a03ad67327c for "Acrylic".`,
          at: [7, 87, '\'acrylic\''],
          fixes: [{ title: 'Use Acrylic\'s UUID', output: request(`{ prompt, style_ids: ['3cbb655a-7ca4-463f-b697-8a03ad67327c'] }`), preferred: true }],
        },
      ],
    },
    {
      name: 'a style name the model does not have: no fix',
      code: request(`{ prompt, style_ids: ['vaporwave'] }`),
      findings: [
        {
          message: `An entry of 'style_ids' must be a style UUID of gemini-image-2, not "vaporwave".`,
          at: [7, 87, '\'vaporwave\''],
          fixes: [],
        },
      ],
    },
  ],
});
