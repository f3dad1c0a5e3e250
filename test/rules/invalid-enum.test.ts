// invalid-enum: strings outside a field's values; upload extensions get the catalogue's explanation.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fixed, lint } from '../helpers/lint.js';

const RULE = 'invalid-enum';
const only = { rules: [RULE] };
const HEADER = '// POST /generations\n';
const UPLOAD = '// POST /init-image\n';
const json = (code: string) => lint(code, { ...only, path: 'request.jsonc' });
const fix = (code: string) => fixed(code, RULE, { path: 'request.jsonc' });

test('a case mistake: on the value, fixed to the case-insensitive match', () => {
  const code = `${HEADER}{
  "prompt": "a lantern festival",
  "presetStyle": "cinematic",
  "transparency": "FOREGROUND_ONLY"
}`;
  const hits = json(code);
  assert.deepEqual(hits.map((h) => [h.line, h.column, h.text]), [
    [4, 18, '"cinematic"'],
    [5, 19, '"FOREGROUND_ONLY"'],
  ]);
  assert.equal(
    hits[0]!.message,
    '`presetStyle` "cinematic" is not one of the values POST /generations accepts: the API rejects the request. Did you mean "CINEMATIC"?',
  );
  assert.equal(fix(`${HEADER}{"prompt": "x", "presetStyle": "cinematic"}`), `${HEADER}{"prompt": "x", "presetStyle": "CINEMATIC"}`);
  assert.equal(fix(`${HEADER}{"prompt": "x", "transparency": "foreground-only"}`), `${HEADER}{"prompt": "x", "transparency": "foreground_only"}`);
});

test('no case match: up to 3 nearest values, none preferred', () => {
  const [hit] = json(`${HEADER}{"prompt": "x", "scheduler": "EULER"}`);
  assert.match(hit!.message, /Did you mean "EULER_DISCRETE" or "EULER_ANCESTRAL_DISCRETE"\?/);
  assert.deepEqual(hit!.finding.fixes.map((f) => [f.edits[0]!.newText, f.preferred]), [
    ['EULER_DISCRETE', false],
    ['EULER_ANCESTRAL_DISCRETE', false],
  ]);
});

test('a single near value is offered but not applied automatically (it is a guess)', () => {
  const [hit] = json(`${HEADER}{"prompt": "x", "canvasRequestType": "REPAINT"}`);
  assert.deepEqual(hit!.finding.fixes.map((f) => [f.edits[0]!.newText, f.preferred]), [['INPAINT', false]]);
});

test('nothing near: a short value list is spelt out', () => {
  const [hit, near] = json(`${HEADER}{"prompt": "x", "canvasRequestType": "BLEND", "photoRealVersion": "v9"}`);
  assert.match(hit!.message, /The values are "INPAINT", "OUTPAINT", "SKETCH2IMG" or "IMG2IMG"\./);
  assert.deepEqual(hit!.finding.fixes, []);
  assert.match(near!.message, /Did you mean "v1" or "v2"\?/);
});

test('title-case strengthType in controlnets[] and documented sets like photoRealVersion', () => {
  const code = `${HEADER}{"prompt": "x", "alchemy": true, "photoReal": true, "photoRealVersion": "V2", "controlnets": [{"initImageId": "3f1c5c8e-9a8e-4b8e-9a51-2b0f6a1d2c3e", "preprocessorId": 67, "strengthType": "mid"}]}`;
  const hits = json(code);
  assert.deepEqual(hits.map((h) => h.text), ['"V2"', '"mid"']);
  assert.match(hits[1]!.message, /`controlnets\[\]\.strengthType` "mid"/);
  assert.deepEqual(hits.map((h) => h.finding.fixes.map((f) => f.edits[0]!.newText)), [['v2'], ['Mid']]);
});

test('enum strings inside arrays are checked too (GET /blueprints platforms)', () => {
  const code = '// GET /blueprints\n{"first": 10, "platforms": ["API", "web"]}';
  const [hit, ...rest] = json(code);
  assert.equal(rest.length, 0);
  assert.equal(hit!.text, '"web"');
  assert.match(hit!.message, /`platforms\[\]` "web"/);
  assert.equal(fix(code), code.replace('"web"', '"Web"'));
});

test('upload extension as a file name: the catalogue explanation and the extension it meant', () => {
  const code = `${UPLOAD}{"extension": "photo.PNG"}`;
  const [hit] = json(code);
  assert.equal(hit!.text, '"photo.PNG"');
  assert.match(hit!.message, /^`extension` "photo\.PNG" is a file name: the API answers `invalid file extension`\./);
  assert.match(hit!.message, /bare extension of the file you will upload \(png, jpg, jpeg or webp\), not a file name or the file's data/);
  assert.match(hit!.message, /Use "png"\.$/);
  assert.equal(hit!.finding.apiError, 'invalid file extension');
  assert.equal(fix(code), `${UPLOAD}{"extension": "png"}`);
});

test('upload extension with a dot, in upper case, as a MIME type, as a data URL or base64 data', () => {
  const cases: Array<[string, string, string]> = [
    ['".jpg"', 'an extension with a dot', '"jpg"'],
    ['"WEBP"', 'in upper case', '"webp"'],
    ['"image/jpeg"', 'a MIME type', '"jpeg"'],
    ['"data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk"', 'a data URL', '"png"'],
    [`"/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAgGBgcGBQgHBwcJCQgKDBQNDAsLDBkSEw8UHR8eHR0aHBwgJC4nICIsIxwcKDcpLDAxNDQ0Hyc5PTgyPC4zNDL/2wBDAQkJCQwLDBgNDRgyIRwhMjIy"`, 'image data', '"jpg"'],
  ];
  for (const [value, kind, meant] of cases) {
    const code = `${UPLOAD}{"extension": ${value}}`;
    const [hit] = json(code);
    assert.match(hit!.message, new RegExp(`is ${kind}: the API answers \`invalid file extension\``), value);
    assert.equal(fix(code), `${UPLOAD}{"extension": ${meant}}`, value);
  }
});

test('an unsupported extension: the same API error, the accepted list, and media takes mp4/mov', () => {
  const [gif] = json(`${UPLOAD}{"extension": "gif"}`);
  assert.match(gif!.message, /`extension` "gif" is not an extension this endpoint takes/);
  assert.deepEqual(gif!.finding.fixes, []);
  const [media] = json('// POST /media\n{"extension": "clip.MOV"}');
  assert.match(media!.message, /\(mp4 or mov\)/);
  assert.equal(fixed('// POST /media\n{"extension": "clip.MOV"}', RULE, { path: 'request.jsonc' }), '// POST /media\n{"extension": "mov"}');
});

test('fetch: a fallback literal keeps its quote style when fixed', () => {
  const code = `export async function upload(file: File) {
  const res = await fetch('https://cloud.leonardo.ai/api/rest/v1/init-image', {
    method: 'POST',
    headers: { authorization: \`Bearer \${process.env.LEONARDO_API_KEY}\`, 'content-type': 'application/json' },
    body: JSON.stringify({ extension: file.name }),
  });
  return res.json();
}
export async function generate(scheduler?: string) {
  return fetch('https://cloud.leonardo.ai/api/rest/v1/generations', {
    method: 'POST',
    body: JSON.stringify({ prompt: 'a fox', scheduler: scheduler || 'euler_discrete' }),
  });
}
`;
  const [hit, ...rest] = lint(code, only);
  assert.equal(rest.length, 0);
  assert.deepEqual([hit!.line, hit!.text], [12, "'euler_discrete'"]);
  assert.equal(fixed(code, RULE), code.replace("'euler_discrete'", "'EULER_DISCRETE'"));
});

test('SDK call: an enum field is rejected by the SDK before it is sent', () => {
  const code = `import { Leonardo } from '@leonardo-ai/sdk';
const leonardo = new Leonardo({ bearerAuth: process.env.LEONARDO_API_KEY ?? '' });
await leonardo.image.createGeneration({ prompt: 'a fox', sdVersion: 'sdxl_1_0', presetStyle: SdGenerationStyle.Cinematic });
`;
  const [hit, ...rest] = lint(code, only);
  assert.equal(rest.length, 0);
  assert.match(hit!.message, /`sdVersion` "sdxl_1_0" .*: the SDK's schema rejects the call before anything is sent\. Did you mean "SDXL_1_0"\?/);
  assert.equal(hit!.finding.apiError, undefined);
  assert.equal(fixed(code, RULE), code.replace("'sdxl_1_0'", "'SDXL_1_0'"));
});

test('curl: a shell-quoted JSON body keeps its escaped quotes when fixed', () => {
  const code = `curl --request POST --url https://cloud.leonardo.ai/api/rest/v1/init-image \\
  --header "authorization: Bearer $LEONARDO_API_KEY" \\
  --data "{\\"extension\\": \\"photo.PNG\\"}"
`;
  const [hit] = lint(code, { ...only, path: 'upload.sh' });
  assert.equal(hit!.text, '\\"photo.PNG\\"');
  assert.equal(fixed(code, RULE, { path: 'upload.sh' }), code.replace('photo.PNG', 'png'));
});

test('not flagged: valid values, unknown values, response comparisons, v2 and other APIs', () => {
  assert.deepEqual(json(`${HEADER}{"prompt": "x", "presetStyle": "DYNAMIC", "scheduler": "LEONARDO", "sd_version": "SDXL_1_0", "transparency": "disabled"}`), []);
  assert.deepEqual(json(`${UPLOAD}{"extension": "jpeg"}`), []);
  const dynamic = `const res = await fetch('https://cloud.leonardo.ai/api/rest/v1/generations', { method: 'POST', body: JSON.stringify({ prompt: 'x', presetStyle: style.toUpperCase() }) });
const { generations_by_pk } = await (await fetch(\`https://cloud.leonardo.ai/api/rest/v1/generations/\${id}\`)).json();
if (generations_by_pk.status === 'complete') console.log('done');
`;
  assert.deepEqual(lint(dynamic, only), []);
  const v2 = '// POST https://cloud.leonardo.ai/api/rest/v2/generations\n{"model": "flux-pro-2.0", "parameters": {"prompt": "x", "prompt_enhance": "ON", "sd_version": "nope"}}';
  assert.deepEqual(json(v2), []);
  const other = `await fetch('https://api.openai.com/v1/images/generations', { method: 'POST', body: JSON.stringify({ prompt: 'x', presetStyle: 'cinematic', style: 'vivid' }) });`;
  assert.deepEqual(lint(other, only), []);
});
