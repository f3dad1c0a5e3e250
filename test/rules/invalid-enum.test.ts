// invalid-enum: strings outside a field's values; upload extensions get the catalogue's explanation.
import { edit, ruleTester } from '../helpers/rule-tester.js';

const HEADER = '// POST /generations\n';
const UPLOAD = '// POST /init-image\n';
const J = 'request.jsonc';

ruleTester.run('invalid-enum', {
  valid: [
    { name: 'valid values', path: J, code: `${HEADER}{"prompt": "x", "presetStyle": "DYNAMIC", "scheduler": "LEONARDO", "sd_version": "SDXL_1_0", "transparency": "disabled"}` },
    { name: 'a valid extension', path: J, code: `${UPLOAD}{"extension": "jpeg"}` },
    {
      name: 'an empty extension replaced before it is sent (if (!ext) ext = ...), or only when it is missing (== null)',
      code: `export async function upload(imageUrl: string, contentType: string, given?: string) {
  let ext = imageUrl.includes('.') ? imageUrl.split('.').pop()!.toLowerCase() : '';
  if (!ext) {
    if (contentType.includes('png')) ext = 'png';
    else ext = 'jpg';
  }
  let other = given ?? null;
  if (other == null) other = 'webp';
  const headers = { authorization: \`Bearer \${process.env.LEONARDO_API_KEY}\`, 'content-type': 'application/json' };
  await fetch('https://cloud.leonardo.ai/api/rest/v1/init-image', { method: 'POST', headers, body: JSON.stringify({ extension: ext }) });
  return fetch('https://cloud.leonardo.ai/api/rest/v1/init-image', { method: 'POST', headers, body: JSON.stringify({ extension: other }) });
}
`,
    },
    {
      name: 'unknown values',
      code: `const res = await fetch('https://cloud.leonardo.ai/api/rest/v1/generations', { method: 'POST', body: JSON.stringify({ prompt: 'x', presetStyle: style.toUpperCase() }) });
const { generations_by_pk } = await (await fetch(\`https://cloud.leonardo.ai/api/rest/v1/generations/\${id}\`)).json();
if (generations_by_pk.status === 'complete') console.log('done');
`,
    },
    { name: 'the v2 API: a valid v2 body gets no v1 enum check (v1 presetStyle values do not apply)', path: J, code: '// POST https://cloud.leonardo.ai/api/rest/v2/generations\n{"model": "flux-pro-2.0", "parameters": {"prompt": "x", "prompt_enhance": "ON"}}' },
    {
      name: 'another API',
      code: `await fetch('https://api.openai.com/v1/images/generations', { method: 'POST', body: JSON.stringify({ prompt: 'x', presetStyle: 'cinematic', style: 'vivid' }) });`,
    },
  ],
  invalid: [
    {
      name: 'a case mistake: on the value, fixed to the case-insensitive match',
      path: J,
      code: `${HEADER}{
  "prompt": "a lantern festival",
  "presetStyle": "cinematic",
  "transparency": "FOREGROUND_ONLY"
}`,
      findings: [
        {
          message: `'presetStyle' "cinematic" is not a value POST /generations accepts: did you mean "CINEMATIC"?`,
          at: [4, 18, '"cinematic"'],
          fixes: [{ title: 'Change to "CINEMATIC"', output: edit('cinematic', 'CINEMATIC'), preferred: true }],
        },
        {
          message: `'transparency' "FOREGROUND_ONLY" is not a value POST /generations accepts: did you mean "foreground_only"?`,
          at: [5, 19, '"FOREGROUND_ONLY"'],
          fixes: [{ title: 'Change to "foreground_only"', output: edit('FOREGROUND_ONLY', 'foreground_only'), preferred: true }],
        },
      ],
    },
    { name: 'a case mistake, fixed (presetStyle)', path: J, code: `${HEADER}{"prompt": "x", "presetStyle": "cinematic"}`, findings: [
      {
        message: `'presetStyle' "cinematic" is not a value POST /generations accepts: did you mean "CINEMATIC"?`,
        at: [2, 32, '"cinematic"'],
        fixes: [{ title: 'Change to "CINEMATIC"', output: edit('cinematic', 'CINEMATIC'), preferred: true }],
      },
    ] },
    { name: 'a case and separator mistake, fixed (transparency)', path: J, code: `${HEADER}{"prompt": "x", "transparency": "foreground-only"}`, findings: [
      {
        message: `'transparency' "foreground-only" is not a value POST /generations accepts: did you mean "foreground_only"?`,
        at: [2, 33, '"foreground-only"'],
        fixes: [{ title: 'Change to "foreground_only"', output: edit('foreground-only', 'foreground_only'), preferred: true }],
      },
    ] },
    { name: 'no case match: up to 3 nearest values, none preferred', path: J, code: `${HEADER}{"prompt": "x", "scheduler": "EULER"}`, findings: [
      {
        message: `'scheduler' "EULER" is not a value POST /generations accepts: did you mean "EULER_DISCRETE" or "EULER_ANCESTRAL_DISCRETE"?`,
        at: [2, 30, '"EULER"'],
        fixes: [
          { title: 'Change to "EULER_DISCRETE"', output: edit('EULER', 'EULER_DISCRETE'), preferred: false },
          { title: 'Change to "EULER_ANCESTRAL_DISCRETE"', output: edit('EULER', 'EULER_ANCESTRAL_DISCRETE'), preferred: false },
        ],
      },
    ] },
    { name: 'a single near value is offered but not applied automatically (it is a guess)', path: J, code: `${HEADER}{"prompt": "x", "canvasRequestType": "REPAINT"}`, findings: [
      {
        message: `'canvasRequestType' "REPAINT" is not a value POST /generations accepts: did you mean "INPAINT"?`,
        at: [2, 38, '"REPAINT"'],
        fixes: [{ title: 'Change to "INPAINT"', output: edit('REPAINT', 'INPAINT'), preferred: false }],
      },
    ] },
    { name: 'nothing near: a short value list is spelt out', path: J, code: `${HEADER}{"prompt": "x", "canvasRequestType": "BLEND", "photoRealVersion": "v9"}`, findings: [
      {
        message: `'canvasRequestType' "BLEND" is not a value POST /generations accepts: use "INPAINT", "OUTPAINT", "SKETCH2IMG" or "IMG2IMG".`,
        at: [2, 38, '"BLEND"'],
        fixes: [],
      },
      {
        message: `'photoRealVersion' "v9" is not a value POST /generations accepts: did you mean "v1" or "v2"?`,
        at: [2, 67, '"v9"'],
        fixes: [
          { title: 'Change to "v1"', output: edit('v9', 'v1'), preferred: false },
          { title: 'Change to "v2"', output: edit('v9', 'v2'), preferred: false },
        ],
      },
    ] },
    {
      name: 'title-case strengthType in controlnets[] and documented sets like photoRealVersion',
      path: J,
      code: `${HEADER}{"prompt": "x", "alchemy": true, "photoReal": true, "photoRealVersion": "V2", "controlnets": [{"initImageId": "3f1c5c8e-9a8e-4b8e-9a51-2b0f6a1d2c3e", "preprocessorId": 67, "strengthType": "mid"}]}`,
      findings: [
        {
          message: `'photoRealVersion' "V2" is not a value POST /generations accepts: did you mean "v2"?`,
          at: [2, 73, '"V2"'],
          fixes: [{ title: 'Change to "v2"', output: edit('V2', 'v2'), preferred: true }],
        },
        {
          message: `'controlnets[].strengthType' "mid" is not a value POST /generations accepts: did you mean "Mid"?`,
          at: [2, 189, '"mid"'],
          fixes: [{ title: 'Change to "Mid"', output: edit('mid', 'Mid'), preferred: true }],
        },
      ],
    },
    { name: 'enum strings inside arrays are checked too (GET /blueprints platforms)', path: J, code: '// GET /blueprints\n{"first": 10, "platforms": ["API", "web"]}', findings: [
      {
        message: `'platforms[]' "web" is not a value GET /blueprints accepts: did you mean "Web"?`,
        at: [2, 36, '"web"'],
        fixes: [{ title: 'Change to "Web"', output: edit('web', 'Web'), preferred: true }],
      },
    ] },
    { name: 'upload extension as a file name: the catalogue explanation and the extension it meant', path: J, code: `${UPLOAD}{"extension": "photo.PNG"}`, findings: [
      {
        message: `'extension' "photo.PNG" is a file name: use "png", the bare extension of the file.`,
        at: [2, 15, '"photo.PNG"'],
        apiError: 'invalid file extension',
        fixes: [{ title: 'Change to "png"', output: edit('photo.PNG', 'png'), preferred: true }],
      },
    ] },
    { name: 'upload extension with a dot', path: J, code: `${UPLOAD}{"extension": ".jpg"}`, findings: [
      {
        message: `'extension' ".jpg" is an extension with a dot: use "jpg", the bare extension of the file.`,
        at: [2, 15, '".jpg"'],
        fixes: [{ title: 'Change to "jpg"', output: edit('.jpg', 'jpg'), preferred: true }],
      },
    ] },
    { name: 'upload extension in upper case', path: J, code: `${UPLOAD}{"extension": "WEBP"}`, findings: [
      {
        message: `'extension' "WEBP" is in upper case: use "webp", the bare extension of the file.`,
        at: [2, 15, '"WEBP"'],
        fixes: [{ title: 'Change to "webp"', output: edit('WEBP', 'webp'), preferred: true }],
      },
    ] },
    { name: 'upload extension as a MIME type', path: J, code: `${UPLOAD}{"extension": "image/jpeg"}`, findings: [
      {
        message: `'extension' "image/jpeg" is a MIME type: use "jpeg", the bare extension of the file.`,
        at: [2, 15, '"image/jpeg"'],
        fixes: [{ title: 'Change to "jpeg"', output: edit('image/jpeg', 'jpeg'), preferred: true }],
      },
    ] },
    {
      name: 'upload extension as a data URL',
      path: J,
      code: `${UPLOAD}{"extension": "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk"}`,
      findings: [
        {
          message: `'extension' is a data URL: use "png", the bare extension of the file.`,
          at: [2, 15, '"data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk"'],
          fixes: [{ title: 'Change to "png"', output: edit('data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk', 'png'), preferred: true }],
        },
      ],
    },
    {
      name: 'upload extension as base64 image data',
      path: J,
      code: `${UPLOAD}{"extension": "/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAgGBgcGBQgHBwcJCQgKDBQNDAsLDBkSEw8UHR8eHR0aHBwgJC4nICIsIxwcKDcpLDAxNDQ0Hyc5PTgyPC4zNDL/2wBDAQkJCQwLDBgNDRgyIRwhMjIy"}`,
      findings: [
        {
          message: `'extension' is image data: use "jpg", the bare extension of the file.`,
          at: [2, 15, '"/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAgGBgcGBQgHBwcJCQgKDBQNDAsLDBkSEw8UHR8eHR0aHBwgJC4nICIsIxwcKDcpLDAxNDQ0Hyc5PTgyPC4zNDL/2wBDAQkJCQwLDBgNDRgyIRwhMjIy"'],
          fixes: [{ title: 'Change to "jpg"', output: edit('/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAgGBgcGBQgHBwcJCQgKDBQNDAsLDBkSEw8UHR8eHR0aHBwgJC4nICIsIxwcKDcpLDAxNDQ0Hyc5PTgyPC4zNDL/2wBDAQkJCQwLDBgNDRgyIRwhMjIy', 'jpg'), preferred: true }],
        },
      ],
    },
    { name: 'an unsupported extension: the same API error and the accepted list', path: J, code: `${UPLOAD}{"extension": "gif"}`, findings: [
      {
        message: `'extension' "gif" is not an extension this endpoint takes: use the bare extension of the file (png, jpg, jpeg or webp).`,
        at: [2, 15, '"gif"'],
        fixes: [],
      },
    ] },
    { name: 'media takes mp4/mov', path: J, code: '// POST /media\n{"extension": "clip.MOV"}', findings: [
      {
        message: `'extension' "clip.MOV" is a file name: use "mov", the bare extension of the file.`,
        at: [2, 15, '"clip.MOV"'],
        fixes: [{ title: 'Change to "mov"', output: edit('clip.MOV', 'mov'), preferred: true }],
      },
    ] },
    {
      name: 'fetch: a fallback literal keeps its quote style when fixed',
      code: `export async function upload(file: File) {
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
`,
      findings: [
        {
          message: `'scheduler' "euler_discrete" is not a value POST /generations accepts: did you mean "EULER_DISCRETE"?`,
          at: [12, 69, '\'euler_discrete\''],
          fixes: [{ title: 'Change to "EULER_DISCRETE"', output: edit('euler_discrete', 'EULER_DISCRETE'), preferred: true }],
        },
      ],
    },
    {
      name: 'SDK call: an enum field is rejected by the SDK before it is sent',
      code: `import { Leonardo } from '@leonardo-ai/sdk';
const leonardo = new Leonardo({ bearerAuth: process.env.LEONARDO_API_KEY ?? '' });
await leonardo.image.createGeneration({ prompt: 'a fox', sdVersion: 'sdxl_1_0', presetStyle: SdGenerationStyle.Cinematic });
`,
      findings: [
        {
          message: `'sdVersion' "sdxl_1_0" is not a value POST /generations accepts: did you mean "SDXL_1_0"?`,
          at: [3, 69, '\'sdxl_1_0\''],
          fixes: [{ title: 'Change to "SDXL_1_0"', output: edit('sdxl_1_0', 'SDXL_1_0'), preferred: true }],
        },
      ],
    },
    {
      name: 'curl: a shell-quoted JSON body keeps its escaped quotes when fixed',
      path: 'upload.sh',
      code: `curl --request POST --url https://cloud.leonardo.ai/api/rest/v1/init-image \\
  --header "authorization: Bearer $LEONARDO_API_KEY" \\
  --data "{\\"extension\\": \\"photo.PNG\\"}"
`,
      findings: [
        {
          message: `'extension' "photo.PNG" is a file name: use "png", the bare extension of the file.`,
          at: [3, 27, '\\"photo.PNG\\"'],
          fixes: [{ title: 'Change to "png"', output: edit('photo.PNG', 'png'), preferred: true }],
        },
      ],
    },
  ],
});
