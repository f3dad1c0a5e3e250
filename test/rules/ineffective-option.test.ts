// ineffective-option: fields the API ignores without their companion, sd_version next to a model,
// and a presetStyle meant for the other alchemy setting.
import { edit, ruleTester } from '../helpers/rule-tester.js';

const HEADER = '// POST /generations\n';
const MODEL = 'de7d3faf-762f-48e0-b3b7-9d0ac3a3fcf3';
const FETCH = (body: string) => `const BASE = 'https://cloud.leonardo.ai/api/rest/v1';
export async function go(key: string, c: boolean, extra: object, magic: boolean) {
  const body: Record<string, unknown> = ${body};
  return fetch(\`\${BASE}/generations\`, {
    method: 'POST',
    headers: { authorization: \`Bearer \${key}\`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}
`;
const SDK = (args: string, method = 'image.createGeneration') => `import { Leonardo } from '@leonardo-ai/sdk';
const leonardo = new Leonardo({ bearerAuth: process.env.LEONARDO_API_KEY ?? '' });
export async function go(prompt: string) {
  return leonardo.${method}(${args});
}
`;

ruleTester.run('ineffective-option', {
  valid: [
    {
      name: 'promptEnhanceInstruction with promptEnhance',
      path: 'v.jsonc',
      code: `// POST /generations-text-to-video
{"prompt": "waves", "promptEnhance": true, "promptEnhanceInstruction": "make it cinematic"}`,
    },
    { name: 'sdVersion with modelId: null in an SDK call', code: SDK(`{ prompt, sdVersion: 'SDXL_1_0', modelId: null }`) },
    { name: 'sd_version without a modelId', path: 'r.jsonc', code: `${HEADER}{"prompt": "x", "sd_version": "SDXL_1_0"}` },
    { name: 'presetStyle not judged: photoReal on', path: 'r.jsonc', code: `${HEADER}{"prompt": "x", "alchemy": true, "photoReal": true, "presetStyle": "CINEMATIC"}` },
    { name: 'presetStyle not judged: ultra on', path: 'r.jsonc', code: `${HEADER}{"prompt": "x", "ultra": true, "alchemy": false, "presetStyle": "DYNAMIC"}` },
    { name: 'presetStyle NONE is listed for both', path: 'r.jsonc', code: `${HEADER}{"prompt": "x", "alchemy": false, "presetStyle": "NONE"}` },
    { name: 'a photoReal-only style', path: 'r.jsonc', code: `${HEADER}{"prompt": "x", "alchemy": true, "presetStyle": "CINEMATIC"}` },
    { name: 'presetStyle with an unknown alchemy', code: FETCH(`{ prompt: 'x', alchemy: c, presetStyle: 'LEONARDO' }`) },
    { name: 'presetStyle with keys spread in', code: FETCH(`{ prompt: 'x', presetStyle: 'LEONARDO', ...extra }`) },
    { name: 'companion on', code: FETCH(`{ prompt: 'x', promptMagic: true, promptMagicStrength: 0.5 }`) },
    { name: 'companion unknown', code: FETCH(`{ prompt: 'x', promptMagic: magic, promptMagicStrength: 0.5 }`) },
    { name: 'companion conditional', code: FETCH(`{ prompt: 'x', ...(c && { promptMagic: true }), promptMagicStrength: 0.5 }`) },
    { name: 'companion possibly spread in', code: FETCH(`{ prompt: 'x', ...extra, promptMagicStrength: 0.5 }`) },
    { name: 'an unknown value may be undefined', code: FETCH(`{ prompt: 'x', promptMagicStrength: extra }`) },
    { name: 'imagePromptWeight with imagePrompts', code: FETCH(`{ prompt: 'x', imagePrompts: ['${MODEL}'], imagePromptWeight: 0.4 }`) },
    { name: 'photoRealStrength with photoReal', code: FETCH(`{ prompt: 'x', photoReal: true, photoRealStrength: 0.5 }`) },
    { name: 'a null value is not sent', code: FETCH(`{ prompt: 'x', promptMagicStrength: null }`) },
    {
      name: 'a field and its companion each added on some paths: they may go together',
      code: `const BASE = 'https://cloud.leonardo.ai/api/rest/v1';
export async function go(key: string, real: boolean, strong: boolean, strength: number) {
  const body: Record<string, unknown> = { prompt: 'x' };
  if (real) body.photoReal = true;
  if (strong) body.photoRealStrength = 0.5;
  if (strong) body.promptMagicStrength = strength;
  return fetch(\`\${BASE}/generations\`, { method: 'POST', headers: { authorization: key }, body: JSON.stringify(body) });
}
`,
    },
    {
      name: 'a companion assigned conditionally',
      code: `const BASE = 'https://cloud.leonardo.ai/api/rest/v1';
export async function go(key: string, c: boolean) {
  const body: Record<string, unknown> = { prompt: 'x', promptMagicStrength: 0.5 };
  if (c) body.promptMagic = true;
  return fetch(\`\${BASE}/generations\`, { method: 'POST', headers: { authorization: key }, body: JSON.stringify(body) });
}
`,
    },
    {
      name: 'v2 API request',
      code: `export const go = () => fetch('https://cloud.leonardo.ai/api/rest/v2/generations', {
  method: 'POST',
  body: JSON.stringify({ model: 'flux-pro-2.0', parameters: { promptMagicStrength: 0.5, prompt_enhance: 'OFF' } }),
});`,
    },
    {
      name: 'another provider',
      code: `export const go = () => fetch('https://api.example.com/generations', {
  method: 'POST',
  body: JSON.stringify({ prompt: 'x', promptMagicStrength: 0.5, unzoomAmount: 2 }),
});`,
    },
    {
      name: 'sd_version beside a modelId chosen by a test of something else (c ? x : literal): x may be absent, not judged',
      code: `const BASE = 'https://cloud.leonardo.ai/api/rest/v1';
export const go = (prompt: string, custom: boolean, body: { modelId?: string }) =>
  fetch(\`\${BASE}/generations\`, { method: 'POST', headers: { authorization: \`Bearer \${process.env.LEONARDO_API_KEY}\` }, body: JSON.stringify({ prompt, modelId: custom ? body.modelId : '${MODEL}', sd_version: 'v1_5' }) });
`,
    },
  ],
  invalid: [
    {
      name: 'promptMagicStrength without promptMagic (the example route): on the key, removal offered',
      code: FETCH(`{
    prompt: 'a lighthouse',
    promptMagicStrength: 0.5,
    width: 1024,
  }`),
      findings: [
        {
          message: "'promptMagicStrength' has no effect without 'promptMagic: true': the API ignores it.",
          at: [5, 5, 'promptMagicStrength'],
          severity: 'warning',
          endpoint: 'POST /generations',
          fixes: [{ title: "Remove 'promptMagicStrength'", output: edit('    promptMagicStrength: 0.5,\n', ''), preferred: false }],
        },
      ],
    },
    {
      name: 'each companion pair (JSON file)',
      path: 'r.jsonc',
      code: `${HEADER}{
  "prompt": "x",
  "promptMagic": false,
  "promptMagicVersion": "v3",
  "enhancePromptInstruction": "make it moody",
  "imagePrompts": [],
  "imagePromptWeight": 0.4,
  "unzoomAmount": 1.2,
  "photoRealStrength": 0.45,
  "photoRealVersion": "v2"
}`,
      findings: [
        {
          message: "'promptMagicVersion' has no effect without 'promptMagic: true': the API ignores it.",
          at: [5, 3, '"promptMagicVersion"'],
          fixes: [{ title: "Remove 'promptMagicVersion'", output: edit('  "promptMagicVersion": "v3",\n', ''), preferred: false }],
        },
        {
          message: "'enhancePromptInstruction' has no effect without 'enhancePrompt: true': the API ignores it.",
          at: [6, 3, '"enhancePromptInstruction"'],
          fixes: [{ title: "Remove 'enhancePromptInstruction'", output: edit('  "enhancePromptInstruction": "make it moody",\n', ''), preferred: false }],
        },
        {
          message: "'imagePromptWeight' has no effect without 'imagePrompts': the API ignores it.",
          at: [8, 3, '"imagePromptWeight"'],
          fixes: [{ title: "Remove 'imagePromptWeight'", output: edit('  "imagePromptWeight": 0.4,\n', ''), preferred: false }],
        },
        {
          message: "'unzoomAmount' has no effect without 'unzoom: true': the API ignores it.",
          at: [9, 3, '"unzoomAmount"'],
          fixes: [{ title: "Remove 'unzoomAmount'", output: edit('  "unzoomAmount": 1.2,\n', ''), preferred: false }],
        },
        {
          message: "'photoRealStrength' has no effect without 'photoReal: true': the API ignores it.",
          at: [10, 3, '"photoRealStrength"'],
          fixes: [{ title: "Remove 'photoRealStrength'", output: edit('  "photoRealStrength": 0.45,\n', ''), preferred: false }],
        },
        {
          message: "'photoRealVersion' has no effect without 'photoReal: true': the API ignores it.",
          at: [11, 3, '"photoRealVersion"'],
          fixes: [{ title: "Remove 'photoRealVersion'", output: edit(',\n  "photoRealVersion": "v2"', ''), preferred: false }],
        },
      ],
    },
    { name: 'unzoomAmount alone (JSON file)', path: 'r.jsonc', code: `${HEADER}{"prompt": "x", "unzoomAmount": 1.2}`, findings: [
      {
        message: "'unzoomAmount' has no effect without 'unzoom: true': the API ignores it.",
        at: [2, 17, '"unzoomAmount"'],
        fixes: [{ title: "Remove 'unzoomAmount'", output: edit(', "unzoomAmount": 1.2', ''), preferred: false }],
      },
    ] },
    {
      name: 'video endpoints: promptEnhanceInstruction without promptEnhance',
      path: 'v.jsonc',
      code: `// POST /generations-text-to-video
{"prompt": "waves at dawn", "promptEnhanceInstruction": "make it cinematic"}`,
      findings: [
        {
          message: "'promptEnhanceInstruction' has no effect without 'promptEnhance: true': the API ignores it.",
          at: [2, 29, '"promptEnhanceInstruction"'],
          fixes: [{ title: "Remove 'promptEnhanceInstruction'", output: edit(', "promptEnhanceInstruction": "make it cinematic"', ''), preferred: false }],
        },
      ],
    },
    {
      name: 'video endpoints: SDK call',
      code: SDK(`{ prompt, imageId: '${MODEL}', imageType: 'GENERATED', promptEnhanceInstruction: 'slow motion' }`, 'motion.createImageToVideoGeneration'),
      findings: [
        {
          message: "'promptEnhanceInstruction' has no effect without 'promptEnhance: true': the API ignores it.",
          at: [4, 138, 'promptEnhanceInstruction'],
          fixes: [{ title: "Remove 'promptEnhanceInstruction'", output: edit(', promptEnhanceInstruction: \'slow motion\'', ''), preferred: false }],
        },
      ],
    },
    {
      name: 'a field added on some paths only, its companion never sent (public real41)',
      code: `export async function generate(apiKey: string, prompt: string, subtle: boolean) {
  const body: Record<string, unknown> = { prompt, modelId: 'de7d3faf-762f-48e0-b3b7-9d0ac3a3fcf3' };
  if (subtle) body.photoRealStrength = 0.45;
  return fetch('https://cloud.leonardo.ai/api/rest/v1/generations', {
    method: 'POST',
    headers: { authorization: \`Bearer \${apiKey}\`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}
`,
      findings: [
        {
          message: "'photoRealStrength' has no effect without 'photoReal: true': the API ignores it.",
          at: [3, 20, 'photoRealStrength'],
          fixes: [{ title: "Remove 'photoRealStrength'", output: edit('if (subtle) body.photoRealStrength = 0.45;', 'if (subtle) ;'), preferred: false }],
        },
      ],
    },
    { name: 'sd_version with a modelId (raw body)', path: 'r.jsonc', code: `${HEADER}{"prompt": "x", "modelId": "${MODEL}", "sd_version": "SDXL_1_0"}`, findings: [
      {
        message: "'sd_version' has no effect when 'modelId' is set: the API uses the model's own base version.",
        at: [2, 68, '"sd_version"'],
        fixes: [{ title: "Remove 'sd_version'", output: edit(', "sd_version": "SDXL_1_0"', ''), preferred: false }],
      },
    ] },
    {
      name: 'sd_version beside a modelId that falls back to a literal (a model is always sent)',
      code: `const BASE = 'https://cloud.leonardo.ai/api/rest/v1';
export async function go(prompt: string, options: { modelId?: string } = {}) {
  return fetch(\`\${BASE}/generations\`, {
    method: 'POST',
    headers: { authorization: \`Bearer \${process.env.LEONARDO_API_KEY}\`, 'content-type': 'application/json' },
    body: JSON.stringify({ prompt, modelId: options.modelId ?? '${MODEL}', sd_version: 'SDXL_1_0' }),
  });
}
`,
      findings: [
        {
          message: "'sd_version' has no effect when 'modelId' is set: the API uses the model's own base version.",
          at: [6, 104, 'sd_version'],
          fixes: [{ title: "Remove 'sd_version'", output: edit(", sd_version: 'SDXL_1_0'", ''), preferred: false }],
        },
      ],
    },
    {
      name: 'sd_version beside a modelId chosen by a test of itself (x ? x : literal) or read from a class field by name (this.models["creative"])',
      code: `const BASE = 'https://cloud.leonardo.ai/api/rest/v1';
const headers = { authorization: \`Bearer \${process.env.LEONARDO_API_KEY}\`, 'content-type': 'application/json' };
export class Images {
  private models = { creative: '${MODEL}' };
  go(prompt: string, body: { modelId?: string }) {
    return fetch(\`\${BASE}/generations\`, { method: 'POST', headers, body: JSON.stringify({ prompt, modelId: body.modelId ? body.modelId : '${MODEL}', sd_version: 'v1_5' }) });
  }
  field(prompt: string) {
    return fetch(\`\${BASE}/generations\`, { method: 'POST', headers, body: JSON.stringify({ prompt, modelId: this.models['creative'], sd_version: 'v1_5' }) });
  }
}
`,
      findings: [
        {
          message: "'sd_version' has no effect when 'modelId' is set: the API uses the model's own base version.",
          at: [6, 178, 'sd_version'],
          fixes: [{ title: "Remove 'sd_version'", output: edit("', sd_version: 'v1_5' ", "' "), preferred: false }],
        },
        {
          message: "'sd_version' has no effect when 'modelId' is set: the API uses the model's own base version.",
          at: [9, 133, 'sd_version'],
          fixes: [{ title: "Remove 'sd_version'", output: edit("], sd_version: 'v1_5' ", '] '), preferred: false }],
        },
      ],
    },
    { name: 'sdVersion in an SDK call: the SDK default model overrides it', code: SDK(`{ prompt, sdVersion: 'SDXL_1_0' }`), findings: [
      {
        message: "'sdVersion' has no effect: the SDK sends its default 'modelId' (set 'modelId: null'), and the API uses the model's version.",
        at: [4, 52, 'sdVersion'],
        fixes: [
          { title: "Remove 'sdVersion'", output: edit(', sdVersion: \'SDXL_1_0\'', ''), preferred: false },
          { title: "Add 'modelId: null'", output: edit('SDXL_1_0\' }', 'SDXL_1_0\', modelId: null }'), preferred: false },
        ],
      },
    ] },
    { name: 'presetStyle for alchemy on, alchemy off', path: 'r.jsonc', code: `${HEADER}{"prompt": "x", "alchemy": false, "presetStyle": "ANIME"}`, findings: [
      {
        message: 'presetStyle "ANIME" applies only with alchemy on, and alchemy is off: the API does not apply it.',
        at: [2, 35, '"presetStyle"'],
        fixes: [{ title: "Remove 'presetStyle'", output: edit(', "presetStyle": "ANIME"', ''), preferred: false }],
      },
    ] },
    { name: 'presetStyle for alchemy off; an omitted alchemy is on', path: 'r.jsonc', code: `${HEADER}{"prompt": "x", "presetStyle": "LEONARDO"}`, findings: [
      {
        message: 'presetStyle "LEONARDO" applies only with alchemy off, and alchemy is on (its default): the API does not apply it.',
        at: [2, 17, '"presetStyle"'],
        fixes: [{ title: "Remove 'presetStyle'", output: edit(', "presetStyle": "LEONARDO"', ''), preferred: false }],
      },
    ] },
    { name: 'presetStyle for alchemy off in an SDK call', code: SDK(`{ prompt, presetStyle: 'LEONARDO' }`), findings: [
      {
        message: 'presetStyle "LEONARDO" applies only with alchemy off, and alchemy is on (its default): the API does not apply it.',
        at: [4, 52, 'presetStyle'],
        fixes: [{ title: "Remove 'presetStyle'", output: edit(', presetStyle: \'LEONARDO\'', ''), preferred: false }],
      },
    ] },
  ],
});
