// too-many-images: num_images above 8, or above 4 when a side is over 768 (default size 1024×768).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fixed, lint } from '../helpers/lint.js';

const RULE = 'too-many-images';
const only = { rules: [RULE] };
const HEADER = '// POST /generations\n';
const json = (code: string) => lint(code, { ...only, path: 'request.jsonc' });

test('above 8: on the num_images value, with the API error, set to 8', () => {
  const code = `${HEADER}{
  "prompt": "a field of tulips",
  "num_images": 10,
  "width": 512,
  "height": 512
}`;
  const [hit, ...rest] = json(code);
  assert.equal(rest.length, 0);
  assert.deepEqual([hit!.line, hit!.column, hit!.text], [4, 17, '10']);
  assert.equal(
    hit!.message,
    '`num_images` 10 is more than the 8 images one request may ask for: the API answers `400 Bad Request: Too many images`.',
  );
  assert.equal(hit!.finding.apiError, '400 Bad Request: Too many images');
  assert.equal(fixed(code, RULE, { path: 'request.jsonc' }), code.replace('10', '8'));
});

test('above 4 with a side over 768', () => {
  const code = `${HEADER}{"prompt": "x", "num_images": 6, "width": 512, "height": 1024}`;
  const [hit] = json(code);
  assert.match(hit!.message, /`num_images` 6 is too many with height 1024: when width or height is over 768, a request may ask for at most 4 images/);
  assert.equal(fixed(code, RULE, { path: 'request.jsonc' }), code.replace('"num_images": 6', '"num_images": 4'));
});

test('an omitted size counts as the API default 1024×768: num_images 5 is too many', () => {
  const [hit] = json(`${HEADER}{"prompt": "x", "num_images": 5}`);
  assert.equal(hit!.text, '5');
  assert.match(hit!.message, /with the default width 1024 \(width is omitted, and the API uses 1024×768\)/);
  const [onlyHeight] = json(`${HEADER}{"prompt": "x", "num_images": 5, "height": 512}`);
  assert.match(onlyHeight!.message, /default width 1024/);
});

test('fetch: a literal side in either branch of a conditional counts', () => {
  const code = `export async function generate(prompt: string, hd: boolean) {
  return fetch('https://cloud.leonardo.ai/api/rest/v1/generations', {
    method: 'POST',
    headers: { authorization: \`Bearer \${process.env.LEONARDO_API_KEY}\` },
    body: JSON.stringify({ prompt, num_images: 6, width: hd ? 1024 : 512, height: 512 }),
  });
}
`;
  const [hit] = lint(code, only);
  assert.deepEqual([hit!.line, hit!.column, hit!.text], [5, 48, '6']);
  assert.match(hit!.message, /with width 1024/);
});

test('fetch: a count that is a fallback literal is judged on its literal side', () => {
  const code = `const body = { prompt: 'a fox', num_images: options.count ?? 12, width: 512, height: 512 };
await fetch('https://cloud.leonardo.ai/api/rest/v1/generations', { method: 'POST', body: JSON.stringify(body) });
`;
  const [hit] = lint(code, only);
  assert.equal(hit!.text, '12');
  assert.equal(fixed(code, RULE), code.replace('?? 12', '?? 8'));
});

test('SDK call: numImages with the size the SDK sends by default', () => {
  const code = `import { Leonardo } from '@leonardo-ai/sdk';
const leonardo = new Leonardo({ bearerAuth: process.env.LEONARDO_API_KEY ?? '' });
await leonardo.image.createGeneration({ prompt: 'a fox', numImages: 6 });
`;
  const [hit] = lint(code, only);
  assert.equal(hit!.text, '6');
  assert.match(hit!.message, /`numImages` 6 is too many with the default width 1024 \(width is omitted, and the SDK sends 1024×768\)/);
  assert.equal(fixed(code, RULE), code.replace('numImages: 6', 'numImages: 4'));
});

test('pricing calculator: numImages judged against imageWidth/imageHeight', () => {
  const code = '// POST /pricing-calculator\n{"service": "IMAGE_GENERATION", "serviceParams": {"IMAGE_GENERATION": {"imageWidth": 1024, "imageHeight": 512, "numImages": 6}}}';
  const [hit] = json(code);
  assert.match(hit!.message, /`numImages` 6 is too many with imageWidth 1024/);
});

test('not flagged: allowed counts, unknown or conditional sizes (hard cap only), SDK defaults, other APIs', () => {
  assert.deepEqual(json(`${HEADER}{"prompt": "x", "num_images": 8, "width": 768, "height": 768}`), []);
  assert.deepEqual(json(`${HEADER}{"prompt": "x", "num_images": 4}`), []);
  const unknownSize = `const body = { prompt: 'a fox', num_images: 6, width: size, height: size };
await fetch('https://cloud.leonardo.ai/api/rest/v1/generations', { method: 'POST', body: JSON.stringify(body) });
`;
  assert.deepEqual(lint(unknownSize, only), []);
  const conditional = `const body: Record<string, unknown> = { prompt: 'a fox', num_images: 6, width: 512, height: 512 };
if (hd) body.width = 1024;
await fetch('https://cloud.leonardo.ai/api/rest/v1/generations', { method: 'POST', body: JSON.stringify(body) });
`;
  assert.deepEqual(lint(conditional, only), []);
  const spread = `await fetch('https://cloud.leonardo.ai/api/rest/v1/generations', {
  method: 'POST',
  body: JSON.stringify({ prompt: 'a fox', num_images: 6, ...sizeOptions }),
});`;
  assert.deepEqual(lint(spread, only), []);
  const sdkDefault = `import { Leonardo } from '@leonardo-ai/sdk';
const leonardo = new Leonardo({ bearerAuth: process.env.LEONARDO_API_KEY ?? '' });
await leonardo.image.createGeneration({ prompt: 'a fox', width: 1536, height: 1024 });
`;
  assert.deepEqual(lint(sdkDefault, only), []);
  const other = `await fetch('https://api.example.com/v1/generations', { method: 'POST', body: JSON.stringify({ prompt: 'x', num_images: 20 }) });`;
  assert.deepEqual(lint(other, only), []);
});

test('the hard cap still applies when the size is unknown', () => {
  const code = `const body = { prompt: 'a fox', num_images: 9, width: size, height: size };
await fetch('https://cloud.leonardo.ai/api/rest/v1/generations', { method: 'POST', body: JSON.stringify(body) });
`;
  const [hit] = lint(code, only);
  assert.equal(hit!.text, '9');
  assert.equal(fixed(code, RULE), code.replace('num_images: 9', 'num_images: 8'));
});
