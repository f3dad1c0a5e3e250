// type-mismatch: literals of the wrong JSON type, and their lossless conversions.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyEdits, fixed, lint } from '../helpers/lint.js';

const RULE = 'type-mismatch';
const HEADER = '// POST /generations\n';
const json = (code: string, path = 'request.jsonc') => lint(code, { rules: [RULE], path });
const fix = (code: string, path = 'request.jsonc') => fixed(code, RULE, { path });

test('"true" for a boolean: on the value, quoting the API error, fixed to true', () => {
  const code = `${HEADER}{
  "prompt": "a red fox",
  "alchemy": "true",
  "photoReal": "False"
}`;
  const hits = json(code);
  assert.deepEqual(hits.map((h) => [h.line, h.column, h.text]), [
    [4, 14, '"true"'],
    [5, 16, '"False"'],
  ]);
  assert.equal(
    hits[0]!.message,
    "`alchemy` must be a boolean, not the string \"true\": the API answers `expected a boolean for type 'Boolean', but found a string`.",
  );
  assert.equal(hits[0]!.finding.apiError, "expected a boolean for type 'Boolean', but found a string");
  assert.equal(fix(`${HEADER}{"prompt": "x", "alchemy": "true"}`), `${HEADER}{"prompt": "x", "alchemy": true}`);
  assert.equal(fix(`${HEADER}{"prompt": "x", "photoReal": "False"}`), `${HEADER}{"prompt": "x", "photoReal": false}`);
});

test('"512" for an integer becomes 512; "7.5" for a number becomes 7.5', () => {
  assert.equal(fix(`${HEADER}{"prompt": "x", "width": "512"}`), `${HEADER}{"prompt": "x", "width": 512}`);
  assert.equal(fix(`${HEADER}{"prompt": "x", "guidance_scale": "7.5"}`), `${HEADER}{"prompt": "x", "guidance_scale": 7.5}`);
  const [hit] = json(`${HEADER}{"prompt": "x", "num_inference_steps": "30"}`);
  assert.match(hit!.message, /`num_inference_steps` must be an integer, not the string "30": the API rejects the request \(POST \/generations\)/);
});

test('a fractional number for an integer: flagged, no fix (the intended value is not certain)', () => {
  const [hit] = json(`${HEADER}{"prompt": "x", "num_inference_steps": 7.5}`);
  assert.equal(hit!.text, '7.5');
  assert.match(hit!.message, /must be an integer, not the fractional number 7.5/);
  assert.deepEqual(hit!.finding.fixes, []);
  const [text] = json(`${HEADER}{"prompt": "x", "num_inference_steps": "7.5"}`);
  assert.deepEqual(text!.finding.fixes, []);
});

test('a number for a string becomes a string; a boolean for a string has no fix', () => {
  assert.equal(fix(`${HEADER}{"prompt": 123}`), `${HEADER}{"prompt": "123"}`);
  const [hit] = json(`${HEADER}{"prompt": "x", "photoRealVersion": true}`);
  assert.match(hit!.message, /`photoRealVersion` must be a string, not the boolean true/);
  assert.deepEqual(hit!.finding.fixes, []);
});

test('an object or a single value for an array is wrapped in one', () => {
  const code = `${HEADER}{"prompt": "x", "elements": {"akUUID": "b7c6e9e5-2d38-4b8e-9a51-2b0f6a1d2c3e"}}`;
  const [hit] = json(code);
  assert.match(hit!.message, /`elements` must be an array, not an object/);
  assert.equal(fix(code), `${HEADER}{"prompt": "x", "elements": [{"akUUID": "b7c6e9e5-2d38-4b8e-9a51-2b0f6a1d2c3e"}]}`);
  assert.equal(fix(`${HEADER}{"prompt": "x", "imagePrompts": "abc"}`), `${HEADER}{"prompt": "x", "imagePrompts": ["abc"]}`);
});

test('array elements and nested fields are checked', () => {
  const code = `${HEADER}{
  "prompt": "x",
  "imagePrompts": ["a", 2],
  "controlnets": [{"initImageId": "3f1c5c8e-9a8e-4b8e-9a51-2b0f6a1d2c3e", "preprocessorId": "67", "weight": "0.5"}]
}`;
  const hits = json(code);
  assert.deepEqual(hits.map((h) => [h.line, h.text]), [
    [4, '2'],
    [5, '"67"'],
    [5, '"0.5"'],
  ]);
  assert.match(hits[0]!.message, /`imagePrompts\[\]` must be a string, not the number 2/);
  assert.match(hits[1]!.message, /`controlnets\[\]\.preprocessorId` must be a number/);
});

test('numbers for width/height are invalid-dimensions business; a string width is still flagged here', () => {
  assert.deepEqual(json(`${HEADER}{"prompt": "x", "width": 512.5}`), []);
  assert.equal(json(`${HEADER}{"prompt": "x", "width": "512"}`).length, 1);
});

test('valid bodies, null, integers for numbers and other APIs are not flagged', () => {
  const valid = `${HEADER}{
  "prompt": "a castle",
  "negative_prompt": null,
  "alchemy": true,
  "guidance_scale": 7,
  "init_strength": 0.4,
  "width": 1024,
  "imagePrompts": ["3f1c5c8e-9a8e-4b8e-9a51-2b0f6a1d2c3e"],
  "controlnets": [{"initImageId": "3f1c5c8e-9a8e-4b8e-9a51-2b0f6a1d2c3e", "preprocessorId": 67, "weight": 1}]
}`;
  assert.deepEqual(json(valid), []);
  assert.deepEqual(json('{"prompt": "hi", "width": "512", "height": "512", "stream": "true"}', 'other-api.json'), []);
  const v2 = '// POST https://cloud.leonardo.ai/api/rest/v2/generations\n{"model": "gpt-image-1.5", "parameters": {"prompt": "x", "width": 1024, "quantity": 1, "num_images": "2"}, "public": false}';
  assert.deepEqual(json(v2), []);
});

test('axios: strings for booleans and integers, fixed in the literal quote style', () => {
  const code = `import axios from 'axios';
const leonardo = axios.create({ baseURL: 'https://cloud.leonardo.ai/api/rest/v1' });
export const generate = (prompt: string) =>
  leonardo.post('/generations', { prompt, photoReal: 'true', alchemy: "true", num_images: '2' });
`;
  const hits = lint(code, { rules: [RULE] });
  assert.deepEqual(hits.map((h) => [h.line, h.column, h.text]), [
    [4, 54, "'true'"],
    [4, 71, '"true"'],
    [4, 91, "'2'"],
  ]);
  const edits = hits.flatMap((h) => h.finding.fixes.filter((f) => f.preferred).flatMap((f) => f.edits));
  assert.equal(
    applyEdits(code, edits),
    code.replace("photoReal: 'true', alchemy: \"true\", num_images: '2'", 'photoReal: true, alchemy: true, num_images: 2'),
  );
});

test('fetch: a const declaration is fixed where it is declared; only the literal side of a fallback', () => {
  const code = `const PUBLIC = 'false';
export async function generate(prompt: string, steps?: string) {
  return fetch('https://cloud.leonardo.ai/api/rest/v1/generations', {
    method: 'POST',
    body: JSON.stringify({ prompt, public: PUBLIC, num_inference_steps: steps || '30' }),
  });
}
`;
  const hits = lint(code, { rules: [RULE] });
  assert.deepEqual(hits.map((h) => [h.line, h.text]), [
    [1, "'false'"],
    [5, "'30'"],
  ]);
  assert.equal(fixed(code.replace(" || '30'", ''), RULE), code.replace(" || '30'", '').replace("'false'", 'false'));
});

test('SDK call: the SDK rejects the call before sending it', () => {
  const code = `import { Leonardo } from '@leonardo-ai/sdk';
const leonardo = new Leonardo({ bearerAuth: process.env.LEONARDO_API_KEY ?? '' });
await leonardo.image.createGeneration({ prompt: 'a fox', numImages: '2', alchemy: true });
`;
  const [hit, ...rest] = lint(code, { rules: [RULE] });
  assert.equal(rest.length, 0);
  assert.equal(hit!.message, '`numImages` must be an integer, not the string "2": the SDK\'s schema rejects the call before anything is sent.');
  assert.equal(hit!.finding.apiError, undefined);
  assert.equal(fixed(code, RULE), code.replace("numImages: '2'", 'numImages: 2'));
});

test('fetch to another provider is not flagged', () => {
  const code = `await fetch('https://api.replicate.com/v1/predictions', { method: 'POST', body: JSON.stringify({ input: { width: '512', alchemy: 'true' } }) });`;
  assert.deepEqual(lint(code, { rules: [RULE] }), []);
});

test('curl: string literals become numbers in place, numbers become strings', () => {
  const doubleQuoted = `curl https://cloud.leonardo.ai/api/rest/v1/generations -H "authorization: Bearer $LEONARDO_API_KEY" \\
  --data "{\\"prompt\\": \\"a fox\\", \\"width\\": \\"512\\"}"
`;
  const [width] = lint(doubleQuoted, { rules: [RULE], path: 'generate.sh' });
  assert.equal(width!.text, '\\"512\\"');
  assert.equal(fixed(doubleQuoted, RULE, { path: 'generate.sh' }), doubleQuoted.replace('\\"512\\"', '512'));
  const singleQuoted = `curl https://cloud.leonardo.ai/api/rest/v1/generations -H "authorization: Bearer $LEONARDO_API_KEY" \\
  --data '{"prompt": 42}'
`;
  assert.equal(fixed(singleQuoted, RULE, { path: 'generate.sh' }), singleQuoted.replace('42', '"42"'));
});
