// invalid-id, v2 cases: image ids in guidances and style ids that are not UUIDs; a style given by its
// name gets the model's UUID for it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fixed, lint } from '../helpers/lint.js';

const RULE = 'invalid-id';
const only = { rules: [RULE] };

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

test('an image id that is a URL: send it as type URL with url', () => {
  const code = request(`{ prompt, guidances: { image_reference: [{ image: { id: 'https://cdn.example.com/ref.png', type: 'UPLOADED' }, strength: 'MID' }] } }`);
  const [hit, ...rest] = lint(code, only);
  assert.equal(rest.length, 0);
  assert.equal(hit.text, "'https://cdn.example.com/ref.png'");
  assert.equal(hit.message, '`guidances.image_reference[].image.id` must be a UUID, not a URL: send it as `type: "URL"` with `url`.');
  assert.deepEqual(hit.finding.fixes, []);
});

test('an image id that is a file name', () => {
  const [hit] = lint(request(`{ prompt, guidances: { image_reference: [{ image: { id: 'portrait.jpg', type: 'UPLOADED' } }] } }`), only);
  assert.match(hit.message, /^`guidances\.image_reference\[\]\.image\.id` must be a UUID \(an uploaded or generated image's id\), not "portrait\.jpg"\.$/);
});

test('a style given by its name: the UUID of that style of the model, preferred', () => {
  const code = request(`{ prompt, style_ids: ['acrylic'] }`);
  const [hit] = lint(code, only);
  assert.equal(hit.message, '`style_ids` takes style UUIDs: use 3cbb655a-7ca4-463f-b697-8a03ad67327c for "Acrylic".');
  assert.deepEqual(hit.finding.fixes.map((f) => [f.title, f.preferred]), [["Use Acrylic's UUID", true]]);
  assert.equal(fixed(code, RULE), request(`{ prompt, style_ids: ['3cbb655a-7ca4-463f-b697-8a03ad67327c'] }`));
  const [unknown] = lint(request(`{ prompt, style_ids: ['vaporwave'] }`), only);
  assert.equal(unknown.message, 'An entry of `style_ids` must be a style UUID of `gemini-image-2`, not "vaporwave".');
  assert.deepEqual(unknown.finding.fixes, []);
});

test('not flagged: UUIDs, the docs placeholder, run-time ids, templates, URLs sent as URL', () => {
  for (const parameters of [
    `{ prompt, guidances: { image_reference: [{ image: { id: referenceId, type: 'GENERATED' } }] } }`,
    `{ prompt, guidances: { image_reference: [{ image: { id: 'b3e0d1a2-0c59-4a8e-9f3e-6f1f2f0c9d11', type: 'UPLOADED' } }] } }`,
    `{ prompt, guidances: { image_reference: [{ image: { id: 'XXXXXXXX-XXXX-XXXX-XXXX-XXXXXXXXXXXX', type: 'UPLOADED' } }] } }`,
    `{ prompt, guidances: { image_reference: [{ image: { id: \`\${referenceId}\`, type: 'UPLOADED' } }] } }`,
    `{ prompt, guidances: { image_reference: [{ image: { type: 'URL', url: 'https://cdn.example.com/ref.png' } }] } }`,
    `{ prompt, style_ids: ['3cbb655a-7ca4-463f-b697-8a03ad67327c'] }`,
  ]) {
    assert.deepEqual(lint(request(parameters), only), [], parameters);
  }
});

test('a v1 body with the same keys is judged by v1, and another provider is not judged', () => {
  const other = `await fetch('https://api.example.com/v2/generations', { method: 'POST', body: JSON.stringify({ model: 'gemini-image-2', parameters: { style_ids: ['acrylic'] } }) });`;
  assert.deepEqual(lint(other, only), []);
});
