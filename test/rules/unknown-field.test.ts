// unknown-field: keys an endpoint does not accept, with the key that was meant.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyEdits, fixed, lint } from '../helpers/lint.js';

const RULE = 'unknown-field';
const only = { rules: [RULE] };
/** A JSONC request file that names its endpoint on the first line. */
const HEADER = '// POST /generations\n';
const json = (code: string, path = 'request.jsonc') => lint(code, { ...only, path });
const fix = (code: string) => fixed(code, RULE, { path: 'request.jsonc' });

test('a case-only difference: sd_Version → sd_version, on the key, with the API error', () => {
  const code = `// POST /generations
{
  "prompt": "a lighthouse at dusk",
  "sd_Version": "SDXL_1_0"
}`;
  const [hit, ...rest] = json(code);
  assert.equal(rest.length, 0);
  assert.deepEqual([hit!.line, hit!.column, hit!.text], [4, 3, '"sd_Version"']);
  assert.match(hit!.message, /`Unexpected variable sd_Version`/);
  assert.match(hit!.message, /case-sensitive: use `sd_version`/);
  assert.equal(hit!.finding.apiError, 'Unexpected variable sd_Version');
  assert.equal(hit!.finding.endpoint, 'POST /generations');
  assert.equal(fix(code), code.replace('"sd_Version"', '"sd_version"'));
});

test('the SDK name in a raw body: numImages → num_images', () => {
  const code = `${HEADER}{"prompt": "a fox", "numImages": 2, "negativePrompt": "blurry"}`;
  const hits = json(code);
  assert.deepEqual(hits.map((h) => h.text), ['"numImages"', '"negativePrompt"']);
  assert.match(hits[0]!.message, /`numImages` is the SDK's name; a raw request sends `num_images`/);
  assert.equal(fix(`${HEADER}{"prompt": "a fox", "numImages": 2}`), `${HEADER}{"prompt": "a fox", "num_images": 2}`);
});

test('names copied from the generation response: imageWidth, imageHeight, inferenceSteps', () => {
  const code = `${HEADER}{"prompt": "a fox", "imageWidth": 512, "imageHeight": 512, "inferenceSteps": 30}`;
  const hits = json(code);
  assert.deepEqual(hits.map((h) => h.text), ['"imageWidth"', '"imageHeight"', '"inferenceSteps"']);
  assert.match(hits[0]!.message, /name in the GET \/generations\/\{id\} response; the request field is `width`/);
  assert.deepEqual(
    hits.map((h) => h.finding.fixes.map((f) => f.edits[0]!.newText)),
    [['width'], ['height'], ['num_inference_steps']],
  );
});

test('nested objects: a misspelt controlnets[] key', () => {
  const code = `{
  "prompt": "a knight",
  "modelId": "b24e16ff-06e3-43eb-8d33-4416c2d75876",
  "alchemy": true,
  "controlnets": [
    { "initImageId": "3f1c5c8e-9a8e-4b8e-9a51-2b0f6a1d2c3e", "preprocessorId": 67, "weigth": 0.5 }
  ]
}`;
  const [hit] = json(code, 'knight.leonardo.json');
  assert.deepEqual([hit!.line, hit!.column, hit!.text], [6, 84, '"weigth"']);
  assert.match(hit!.message, /not a field of controlnets\[\] in POST \/generations/);
  assert.equal(fixed(code, RULE, { path: 'knight.leonardo.json' }), code.replace('"weigth"', '"weight"'));
});

test("another endpoint's name for the same setting: isPublic on /generations", () => {
  const [hit] = json(`${HEADER}{"prompt": "a fox", "isPublic": false}`);
  assert.match(hit!.message, /Other endpoints call this setting `isPublic`; here it is `public`/);
});

test('a JSONC request names its endpoint: negative_prompt on text-to-video is negativePrompt', () => {
  const code = '// POST /generations-text-to-video\n{\n  "prompt": "waves",\n  "negative_prompt": "people"\n}\n';
  const [hit] = lint(code, { ...only, path: 'video.jsonc' });
  assert.deepEqual([hit!.line, hit!.column], [4, 3]);
  assert.match(hit!.message, /POST \/generations-text-to-video/);
  assert.equal(fixed(code, RULE, { path: 'video.jsonc' }), code.replace('"negative_prompt"', '"negativePrompt"'));
});

test('several near misses: each offered, none preferred', () => {
  const [hit] = json(`${HEADER}{"prompt": "a fox", "photoRealVer": "v2", "alchemy": true}`);
  assert.match(hit!.message, /Did you mean `photoReal` or `photoRealVersion`\?/);
  assert.deepEqual(hit!.finding.fixes.map((f) => [f.title, f.preferred]), [
    ['Rename to photoReal', false],
    ['Rename to photoRealVersion', false],
  ]);
});

test('no suggestion: still flagged, no fix', () => {
  const [hit] = json(`${HEADER}{"prompt": "a fox", "callbackUrl": "https://example.com"}`);
  assert.equal(hit!.text, '"callbackUrl"');
  assert.equal(hit!.message, '`callbackUrl` is not a field of POST /generations: the API answers `Unexpected variable callbackUrl`.');
  assert.deepEqual(hit!.finding.fixes, []);
});

test('valid bodies, guide-only fields, $schema and other APIs are not flagged', () => {
  const valid = `{
  "$schema": "./leonardo-request.schema.json",
  "prompt": "a castle",
  "modelId": "b24e16ff-06e3-43eb-8d33-4416c2d75876",
  "styleUUID": "111dc692-d470-4eec-b791-3475abac4c46",
  "num_images": 2,
  "width": 512,
  "height": 512,
  "controlnets": [{ "initImageId": "3f1c5c8e-9a8e-4b8e-9a51-2b0f6a1d2c3e", "initImageType": "UPLOADED", "preprocessorId": 67, "strengthType": "Mid" }],
  "elements": [{ "akUUID": "b7c6e9e5-2d38-4b8e-9a51-2b0f6a1d2c3e", "weight": 0.8 }]
}`;
  assert.deepEqual(json(valid, 'castle.leonardo.json'), []);
  assert.deepEqual(lint('{"model": "gpt-image-1", "prompt": "hi", "size": "1024x1024", "n": 2}', { ...only, path: 'openai.json' }), []);
  const v2 = '// POST https://cloud.leonardo.ai/api/rest/v2/generations\n{"model": "flux-pro-2.0", "parameters": {"prompt": "x", "quantity": 1}, "public": false}';
  assert.deepEqual(lint(v2, { ...only, path: 'v2.jsonc' }), []);
});

test('pricing calculator: service names are checked in serviceParams', () => {
  const code = '// POST /pricing-calculator\n{"service": "IMAGE_GENERATION", "serviceParams": {"imageGeneration": {"imageWidth": 512}}}';
  const [hit] = lint(code, { ...only, path: 'price.jsonc' });
  assert.equal(hit!.text, '"imageGeneration"');
  assert.match(hit!.message, /SDK's name; a raw request sends `IMAGE_GENERATION`/);
});

const FETCH = (body: string) => `const apiKey = process.env.LEONARDO_API_KEY;
export async function generate(prompt: string, hd: boolean) {
  const res = await fetch('https://cloud.leonardo.ai/api/rest/v1/generations', {
    method: 'POST',
    headers: { authorization: \`Bearer \${apiKey}\`, 'content-type': 'application/json' },
    body: JSON.stringify(${body}),
  });
  return res.json();
}
`;

test('fetch: the SDK name in a raw body, on the key, renamed in place', () => {
  const code = FETCH("{ prompt, numImages: 2, sd_Version: 'SDXL_1_0' }");
  const hits = lint(code, only);
  assert.deepEqual(hits.map((h) => [h.line, h.column, h.text]), [
    [6, 36, 'numImages'],
    [6, 50, 'sd_Version'],
  ]);
  assert.equal(hits[0]!.finding.apiError, 'Unexpected variable numImages');
  assert.equal(applyPreferred(code), FETCH("{ prompt, num_images: 2, sd_version: 'SDXL_1_0' }"));
});

test('fetch: a shorthand property keeps its variable; assigned and quoted keys are renamed where written', () => {
  const code = `const body: Record<string, unknown> = { prompt: 'a fox', modelId: 'b24e16ff-06e3-43eb-8d33-4416c2d75876' };
body.sd_Version = 'SDXL_1_0';
body['guidanceScale'] = 7;
const numImages = 2;
await fetch('https://cloud.leonardo.ai/api/rest/v1/generations', { method: 'POST', body: JSON.stringify({ ...body, numImages }) });
`;
  const hits = lint(code, only);
  assert.deepEqual(hits.map((h) => [h.line, h.column, h.text]), [
    [2, 6, 'sd_Version'],
    [3, 6, "'guidanceScale'"],
    [5, 116, 'numImages'],
  ]);
  const out = applyPreferred(code);
  assert.match(out, /body\.sd_version = 'SDXL_1_0';/);
  assert.match(out, /body\['guidance_scale'\] = 7;/);
  assert.match(out, /JSON\.stringify\(\{ \.\.\.body, num_images: numImages \}\)/);
});

const SDK = (args: string) => `import { Leonardo } from '@leonardo-ai/sdk';
const leonardo = new Leonardo({ bearerAuth: process.env.LEONARDO_API_KEY ?? '' });
export async function run(prompt: string) {
  return leonardo.image.createGeneration(${args});
}
`;

test('SDK call: a wire name is dropped silently, and the SDK sends its default instead', () => {
  const code = SDK('{ prompt, num_images: 2, alchemy: true }');
  const [hit] = lint(code, only);
  assert.deepEqual([hit!.line, hit!.column, hit!.text], [4, 52, 'num_images']);
  assert.match(hit!.message, /the SDK drops it silently, so the API never sees it/);
  assert.match(hit!.message, /the SDK takes `numImages`\. Without it the SDK sends its default, 4\./);
  assert.equal(hit!.finding.apiError, undefined);
  assert.equal(fixed(code, RULE), SDK('{ prompt, numImages: 2, alchemy: true }'));
});

test('SDK call: renaming onto a key that is already there is offered, not preferred', () => {
  const [hit] = lint(SDK('{ prompt, num_images: 2, numImages: 4 }'), only);
  assert.doesNotMatch(hit!.message, /default/);
  assert.deepEqual(hit!.finding.fixes.map((f) => f.preferred), [false]);
});

test('SDK call with SDK names, unknown keys and other providers are not flagged', () => {
  assert.deepEqual(lint(SDK('{ prompt, numImages: 2, sdVersion: SdVersions.SdxL10, guidanceScale: 7, negativePrompt: "blur" }'), only), []);
  assert.deepEqual(lint(SDK('{ prompt, ...options, [dynamicKey]: 1 }'), only), []);
  const openai = `await fetch('https://api.openai.com/v1/images/generations', {
  method: 'POST',
  body: JSON.stringify({ prompt: 'a fox', numImages: 2, sd_Version: 'x' }),
});`;
  assert.deepEqual(lint(openai, only), []);
  const v2 = `await fetch('https://cloud.leonardo.ai/api/rest/v2/generations', {
  method: 'POST',
  body: JSON.stringify({ model: 'flux-pro-2.0', parameters: { prompt: 'a fox', quantity: 2 }, public: false }),
});`;
  assert.deepEqual(lint(v2, only), []);
});

test('curl: a shell-quoted key is renamed inside its escaped quotes', () => {
  const code = `curl https://cloud.leonardo.ai/api/rest/v1/generations \\
  -H "authorization: Bearer $LEONARDO_API_KEY" -H 'content-type: application/json' \\
  -d "{\\"prompt\\": \\"a fox\\", \\"sd_Version\\": \\"SDXL_1_0\\"}"
`;
  const [hit] = lint(code, { ...only, path: 'generate.sh' });
  assert.equal(hit!.text, '\\"sd_Version\\"');
  assert.equal(fixed(code, RULE, { path: 'generate.sh' }), code.replace('sd_Version', 'sd_version'));
});

function applyPreferred(code: string): string {
  const edits = lint(code, only).flatMap((h) => h.finding.fixes.filter((f) => f.preferred).flatMap((f) => f.edits));
  return applyEdits(code, edits);
}
