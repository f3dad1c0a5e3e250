// Fixes that depend on each other, and what `--fix` may apply (RULES.md "Preferred means certain"):
// the fix loop the CLI's --fix and the editor's fix-all share, run on realistic files.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../server/src/engine/analyze.js';
import { compatibleFixes, fixUntilStable } from '../../server/src/engine/fix/apply.js';
import { declineUncertainReads } from '../../server/src/engine/fix/reads.js';
import { documentKindForPath } from '../../server/src/engine/extract/index.js';
import type { Finding, Fix } from '../../server/src/engine/types.js';
import { lint } from '../helpers/lint.js';

/** What `leonardo-lint --fix` writes for this file (the same loop, the same re-analysis). */
function fixFile(text: string, path: string): { text: string; findings: Finding[] } {
  const kind = documentKindForPath(path, text) ?? 'typescript';
  const run = (t: string) => analyze({ text: t, kind, path }, {}).findings;
  const result = fixUntilStable(text, run(text), run);
  return { text: result.text, findings: result.findings };
}

const FETCH = (body: string, headers = 'authorization: `Bearer ${process.env.LEONARDO_API_KEY}`') => `export async function generate(prompt: string) {
  return fetch('https://cloud.leonardo.ai/api/rest/v1/generations', {
    method: 'POST',
    headers: { ${headers} },
    body: JSON.stringify(${body}),
  });
}
`;

const PHOENIX = 'b24e16ff-06e3-43eb-8d33-4416c2d75876';

test('"enhancePrompt": "true" becomes true and the instruction it enables stays (JSON request file)', () => {
  const text = '{"prompt": "x", "enhancePrompt": "true", "enhancePromptInstruction": "make it moody"}\n';
  const out = fixFile(text, 'portrait.leonardo.json');
  assert.equal(out.text, '{"prompt": "x", "enhancePrompt": true, "enhancePromptInstruction": "make it moody"}\n');
  assert.deepEqual(out.findings.map((f) => f.ruleId), []);
});

test('photoReal: "true" with photoRealVersion "v2" and a modelId: nothing removed, in JSON and in code', () => {
  const json = `{"prompt": "x", "photoReal": "true", "photoRealVersion": "v2", "photoRealStrength": 0.45, "modelId": "${PHOENIX}"}\n`;
  assert.equal(fixFile(json, 'r.leonardo.json').text, json.replace('"true"', 'true'));
  const code = FETCH(`{ prompt, photoReal: 'true', photoRealVersion: 'v2', modelId: '${PHOENIX}' }`);
  assert.equal(fixFile(code, 'app.ts').text, code.replace("'true'", 'true'));
});

test('a companion written as a plain string boolean is judged as what it means; an unclear one is unknown', () => {
  const rules = ['ineffective-option'];
  const path = 'r.leonardo.json';
  // "true": on (silent); "false": certainly off (reported, as false would be); "yes": unknown (silent).
  assert.deepEqual(lint('{"prompt": "x", "unzoom": "true", "unzoomAmount": 1.2}', { path, rules }).length, 0);
  assert.deepEqual(lint('{"prompt": "x", "unzoom": " TRUE ", "unzoomAmount": 1.2}', { path, rules }).length, 0);
  assert.deepEqual(lint('{"prompt": "x", "unzoom": "false", "unzoomAmount": 1.2}', { path, rules }).map((h) => h.text), ['"unzoomAmount"']);
  assert.deepEqual(lint('{"prompt": "x", "unzoom": "yes", "unzoomAmount": 1.2}', { path, rules }).length, 0);
  // option-conflict reads "true" as true too: photoReal v1 with a modelId is a conflict, and its fix is offered only.
  const conflict = lint(`{"prompt": "x", "photoReal": "true", "modelId": "${PHOENIX}"}`, { path, rules: ['option-conflict'] });
  assert.deepEqual(conflict.map((h) => h.text), ['"modelId"']);
  assert.equal(conflict[0].finding.fixes.some((f) => f.preferred), false);
});

test('--fix never removes a field, clamps a number or guesses a value', () => {
  const text = `{
  "prompt": "a lighthouse",
  "promptMagicStrength": 0.5,
  "guidance_scale": 25,
  "num_inference_steps": 70,
  "num_images": 12,
  "width": 770,
  "scheduler": "EULER",
  "promt": "typo",
  "photoReal": true,
  "alchemy": false,
  "modelId": "${PHOENIX}"
}
`;
  const before = analyze({ text, kind: 'json', path: 'r.leonardo.json' }).findings;
  const offered = new Map(before.map((f) => [f.ruleId, f.fixes]));
  for (const rule of ['ineffective-option', 'out-of-range', 'too-many-images', 'invalid-dimensions', 'invalid-enum', 'unknown-field', 'option-conflict']) {
    const fixes = before.filter((f) => f.ruleId === rule).flatMap((f) => f.fixes);
    assert.ok(fixes.length > 0, `${rule} offers a fix`);
    assert.deepEqual(fixes.filter((f) => f.preferred).map((f) => f.title), [], `${rule}: offered, never preferred`);
  }
  assert.ok(offered.size > 0);
  assert.equal(fixFile(text, 'r.leonardo.json').text, text);
});

test('the fixes --fix applies are the certain ones: case-only and separator renames, lossless conversions', () => {
  const text = '{"prompt": "x", "sd_Version": "SDXL_1_0", "numImages": "2", "tiling": "False", "presetStyle": "cinematic"}\n';
  assert.equal(
    fixFile(text, 'r.leonardo.json').text,
    '{"prompt": "x", "sd_version": "SDXL_1_0", "num_images": 2, "tiling": false, "presetStyle": "CINEMATIC"}\n',
  );
});

test('a header rename is applied only when it gives a complete `Bearer <key>`', () => {
  const url = 'https://cloud.leonardo.ai/api/rest/v1/me';
  const token = `await fetch('${url}', { headers: { 'x-api-key': '{{token}}' } });\n`;
  const [hit] = lint(token, { rules: ['auth-header'] });
  assert.equal(hit.finding.fixes[0].preferred, false, 'a rename alone would send authorization: {{token}}');
  assert.equal(fixFile(token, 'app.ts').text, token);
  const unknown = `await fetch('${url}', { headers: { 'x-api-key': getToken() } });\n`;
  assert.equal(fixFile(unknown, 'app.ts').text, unknown);
  const http = `GET ${url}\nx-api-key: {{token}}\n`;
  assert.equal(fixFile(http, 'r.http').text, http);

  const key = `await fetch('${url}', { headers: { 'x-api-key': process.env.LEONARDO_API_KEY } });\n`;
  assert.equal(fixFile(key, 'app.ts').text, key.replace("'x-api-key': process.env.LEONARDO_API_KEY", "'authorization': `Bearer ${process.env.LEONARDO_API_KEY}`"));
  const curl = `curl ${url} -H "x-api-key: $LEONARDO_API_KEY"\n`;
  assert.equal(fixFile(curl, 'r.sh').text, `curl ${url} -H "authorization: Bearer $LEONARDO_API_KEY"\n`);
  // An authorization value that may not be a key gets the prefix only when chosen.
  const bare = `await fetch('${url}', { headers: { authorization: '{{token}}' } });\n`;
  assert.equal(fixFile(bare, 'app.ts').text, bare);
});

test('removing the only header (or field) leaves `{}`, not `{  }`', () => {
  const code = `const LEONARDO = 'https://cloud.leonardo.ai/api/rest/v1';
const apiKey = process.env.LEONARDO_API_KEY;
export async function upload(file: Blob) {
  const res = await fetch(\`\${LEONARDO}/init-image\`, { method: 'POST', headers: { authorization: \`Bearer \${apiKey}\` }, body: JSON.stringify({ extension: 'png' }) });
  const { uploadInitImage } = await res.json();
  await fetch(uploadInitImage.url, { method: 'POST', headers: { Authorization: \`Bearer \${apiKey}\` }, body: file });
  await fetch(uploadInitImage.url, {
    method: 'POST',
    headers: {
      Authorization: \`Bearer \${apiKey}\`,
    },
    body: file,
  });
}
`;
  const hits = lint(code, { rules: ['presigned-upload-auth'] });
  assert.equal(hits.length, 2);
  const [oneLine, ownLine] = hits.map((h) => apply(code, h.finding.fixes[0]));
  assert.match(oneLine, /method: 'POST', headers: \{\}, body: file \}\);/);
  assert.match(ownLine, /method: 'POST',\n {4}headers: \{\},\n {4}body: file,/);
  const body = FETCH('{\n      promptMagicStrength: 0.5,\n    }');
  const [only] = lint(body, { rules: ['ineffective-option'] });
  assert.match(apply(body, only.finding.fixes[0]), /body: JSON\.stringify\(\{\}\),/);
});

test('a fix that reads other fields waits for a pass in which no other fix edits them', () => {
  // The SDK call asks for photoReal with a misspelt version: renaming it (certain) makes this v2, so
  // "Add 'modelId: null'" (right for v1) must not be applied in the same pass on the old reading.
  // (JavaScript: in a type-checked file the misspelt key is TypeScript's to report, and the fix is then
  // not certain at all: option-conflict offers it without preferring it.)
  const code = `import { Leonardo } from '@leonardo-ai/sdk';
const leonardo = new Leonardo({ bearerAuth: process.env.LEONARDO_API_KEY ?? '' });
export const go = (prompt) => leonardo.image.createGeneration({ prompt, photoReal: 'true', photorealVersion: 'v2' });
`;
  const out = fixFile(code, 'app.js').text;
  assert.match(out, /photoReal: true, photoRealVersion: 'v2' \}/);
  assert.doesNotMatch(out, /modelId/);
  assert.doesNotMatch(fixFile(code.replace('(prompt)', '(prompt: string)'), 'app.ts').text, /modelId/);
  // Without the misspelt key, the same fix is applied (certain: photoReal v1 and no model written).
  const v1 = code.replace(", photorealVersion: 'v2'", '');
  assert.match(fixFile(v1, 'app.js').text, /photoReal: true, modelId: null \}/);
});

test('two keys that a certain rename would give the same name are never renamed in one pass', () => {
  const code = FETCH('{ Prompt: "a", PROMPT: "b", Alchemy: "true" }');
  // Pass 1 renames Prompt and Alchemy; PROMPT waits, and then its rename would write a duplicate: offered only.
  assert.equal(fixFile(code, 'app.ts').text, code.replace('{ Prompt: "a", PROMPT: "b", Alchemy: "true" }', '{ prompt: "a", PROMPT: "b", alchemy: true }'));
});

test('compatibleFixes: a fix that reads a span is left for the next pass when another fix edits it', () => {
  const finding = (fix: Fix, start: number): Finding => ({ ruleId: 'r', severity: 'error', message: `m${start}`, span: { start, end: start + 1 }, fixes: [fix] });
  const independent: Fix = { title: 'convert', edits: [{ start: 10, end: 16, newText: 'true' }], preferred: true };
  const dependent: Fix = { title: 'insert', edits: [{ start: 30, end: 30, newText: ', x: null' }], preferred: true, reads: [{ start: 0, end: 31 }] };
  const outside: Fix = { title: 'elsewhere', edits: [{ start: 40, end: 41, newText: 'y' }], preferred: true };
  // The dependent fix comes first in the document, but waits: the conversion edits what it read.
  assert.deepEqual(compatibleFixes([finding(dependent, 5), finding(independent, 10), finding(outside, 40)]).map((f) => f.title), ['convert', 'elsewhere']);
  assert.deepEqual(compatibleFixes([finding(dependent, 5), finding(outside, 40)]).map((f) => f.title), ['insert', 'elsewhere']);
  // Nor is a fix taken that would edit what a taken fix read.
  const first: Fix = { title: 'first', edits: [{ start: 50, end: 51, newText: 'a' }], preferred: true, reads: [{ start: 45, end: 60 }] };
  const second: Fix = { title: 'second', edits: [{ start: 55, end: 56, newText: 'b' }], preferred: true, reads: [{ start: 54, end: 57 }] };
  assert.deepEqual(compatibleFixes([finding(first, 50), finding(second, 55)]).map((f) => f.title), ['first']);
});

function apply(text: string, fix: Fix): string {
  let out = text;
  for (const e of [...fix.edits].sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}

test('the same holds for any rule that says what its fixes read: unknown-field and wrong-id-kind', () => {
  // wrong-id-kind adds `isVariation: true` beside a variation's id, decided on the body's other keys.
  const code = (extra: string) => `import axios from 'axios';
const leonardo = axios.create({ baseURL: 'https://cloud.leonardo.ai/api/rest/v1', headers: { authorization: \`Bearer \${process.env.LEONARDO_API_KEY}\` } });

export async function cutOut(imageId: string) {
  const { data: upscale } = await leonardo.post('/variations/upscale', { id: imageId });
  await leonardo.post('/variations/nobg', { id: upscale.sdUpscaleJob.id${extra} });
}
`;
  const addFlag = (text: string) => lint(text, { rules: ['wrong-id-kind'] }).flatMap((h) => h.finding.fixes);
  // Alone in its body, the flag is certain, and --fix adds it.
  assert.deepEqual(addFlag(code('')).map((f) => [f.title, f.preferred]), [["Add 'isVariation: true'", true]]);
  assert.equal(fixFile(code(''), 'app.ts').text, code(', isVariation: true'));
  // Beside the flag written in other case, unknown-field's certain rename goes first and the addition
  // waits: the flag is written once, not twice.
  assert.equal(addFlag(code(', IsVariation: true'))[0].preferred, false);
  assert.equal(fixFile(code(', IsVariation: true'), 'app.ts').text, code(', isVariation: true'));
  // Beside a key that is only near the flag (a guess, offered): nothing is certain, --fix writes nothing.
  assert.equal(addFlag(code(', isVariaton: true'))[0].preferred, false);
  assert.equal(fixFile(code(', isVariaton: true'), 'app.ts').text, code(', isVariaton: true'));
});

test('declineUncertainReads: a preferred fix that read a body is offered only while every key there is known', () => {
  const check = (text: string): boolean | undefined => {
    const { requests } = analyze({ text: `// POST /generations\n${text}`, kind: 'jsonc', path: 'request.jsonc' }, { rules: [] });
    const body = requests[0].body!;
    const fix: Fix = { title: 'Add', edits: [{ start: body.span.end - 1, end: body.span.end - 1, newText: ', "x": 1' }], preferred: true, reads: [body.span] };
    declineUncertainReads([{ ruleId: 'r', severity: 'error', message: 'm', span: body.span, fixes: [fix] }], requests);
    return fix.preferred;
  };
  assert.equal(check('{"prompt": "x", "alchemy": true}\n'), true);
  assert.equal(check('{"prompt": "x", "alchemyy": true}\n'), false);
  // The editor's `$schema` is not a key sent to the API.
  assert.equal(check('{"$schema": "./schema.json", "prompt": "x"}\n'), true);
});
