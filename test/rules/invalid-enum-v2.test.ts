// invalid-enum on v2 requests: model strings (unknown, retired, v1 ids) and per-model value sets.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fixed, lint } from '../helpers/lint.js';
import { fetchCode, jsonFile, lintFetch, lintJson, rows } from '../helpers/v2.js';

const RULE = 'invalid-enum';
const ID = '5c1c7b5e-0d6e-4e55-9bd0-0b3b5c8c3b1a';

test('a model string that does not exist: the nearest one, offered (not preferred)', () => {
  const [hit, ...rest] = lintFetch(RULE, `{ model: 'nano-banana-pro', parameters: { prompt }, public: false }`);
  assert.equal(rest.length, 0);
  assert.equal(hit!.text, "'nano-banana-pro'");
  assert.equal(hit!.message, '`nano-banana-pro` is not a v2 model string: use `gemini-image-2` (Nano Banana Pro).');
  assert.deepEqual(hit!.finding.fixes[0]!.edits[0]!.newText, 'gemini-image-2');
  assert.ok(hit!.finding.fixes.every((f) => !f.preferred));
  const [dash] = lintJson(RULE, '{"model": "gpt-image-1-5", "parameters": {"prompt": "x"}}');
  assert.equal(dash!.finding.fixes[0]!.edits[0]!.newText, 'gpt-image-1.5');
  const [prefix] = lintJson(RULE, '{"model": "seedance-2.5", "parameters": {"prompt": "x"}}');
  assert.match(prefix!.message, /use `bytedance\/seedance-2\.5` \(Seedance 2\.5\)/);
});

test('a case-only difference: the exact string is the preferred fix', () => {
  const body = `{ model: 'GPT-Image-1.5', parameters: { prompt } }`;
  const [hit] = lintFetch(RULE, body);
  assert.equal(hit!.message, '`GPT-Image-1.5` is not a v2 model string: model strings are case-sensitive, use `gpt-image-1.5`.');
  assert.equal(fixed(fetchCode(body), RULE), fetchCode(body.replace('GPT-Image-1.5', 'gpt-image-1.5')));
});

test('retired model strings: the date and the successor', () => {
  const [sora] = lintJson(RULE, '{"model": "sora-2", "parameters": {"prompt": "x"}}');
  assert.equal(sora!.message, '`sora-2` was retired on 2026-07-09: pick a current model.');
  const [preview] = lintJson(RULE, '{"model": "veo-3.1-generate-preview", "parameters": {"prompt": "x"}}');
  assert.equal(preview!.message, '`veo-3.1-generate-preview` was retired on 2026-05-13: use `veo-3.1-generate-001`.');
  assert.equal(preview!.finding.fixes[0]!.preferred, false);
  const [lite] = lintJson(RULE, '{"model": "seedance-1.0-lite", "parameters": {"prompt": "x"}}');
  assert.match(lite!.message, /use `seedance-1\.0-pro-fast`/);
});

test('a v1 platform model id as the v2 model: its v2 successor', () => {
  const [hit] = lintJson(RULE, '{"model": "de7d3faf-762f-48e0-b3b7-9d0ac3a3fcf3", "parameters": {"prompt": "x"}}');
  assert.equal(hit!.message, "`de7d3faf…` is a v1 model id (Leonardo Phoenix 1.0): v2's `model` is `phoenix-v1.0`.");
  assert.equal(hit!.finding.fixes[0]!.edits[0]!.newText, 'phoenix-v1.0');
});

test('both strings of a ternary are checked', () => {
  const hits = lintFetch(RULE, `{ model: fast ? 'flux-schnel' : 'flux-dev', parameters: { prompt } }`);
  assert.deepEqual(rows(hits), [["'flux-schnel'", 'error']]);
});

test('parameter values outside the model\'s set; case-only differences preferred', () => {
  const body = `{"model": "gpt-image-1.5", "parameters": {"prompt": "x", "quality": "high", "prompt_enhance": "MAYBE"}}`;
  const hits = lintJson(RULE, body);
  assert.deepEqual(rows(hits), [['"high"', 'error'], ['"MAYBE"', 'error']]);
  assert.equal(hits[0]!.message, '`quality` "high" is not allowed for `gpt-image-1.5`: use "HIGH".');
  assert.equal(hits[1]!.message, '`prompt_enhance` "MAYBE" is not allowed for `gpt-image-1.5`: it takes "AUTO", "ON" or "OFF".');
  assert.equal(fixed(jsonFile(`{"model": "gpt-image-1.5", "parameters": {"prompt": "x", "quality": "high"}}`), RULE, { path: 'request.jsonc' }),
    jsonFile(`{"model": "gpt-image-1.5", "parameters": {"prompt": "x", "quality": "HIGH"}}`));
  // Guidance strength and image type, nested.
  const nested = lintJson(RULE, `{"model": "phoenix-v1.0", "parameters": {"prompt": "x", "guidances": {"content": [{"image": {"id": "${ID}", "type": "FILE"}, "strength": "MAX"}]}}}`);
  assert.deepEqual(rows(nested), [['"FILE"', 'error'], ['"MAX"', 'error']]);
});

test('style ids outside the model\'s style set', () => {
  // A video style on an image model.
  const [hit] = lintJson(RULE, `{"model": "lucid-origin", "parameters": {"prompt": "x", "style_ids": ["964d8a8f-865b-48c5-b79e-e75ae8727648"]}}`);
  assert.match(hit!.message, /^Style `964d8a8f…` is not one of `lucid-origin`'s \d+ styles\.$/);
});

test('not flagged: values one source lists (AUTO, content ULTRA, upscale 5), both Portrait UUIDs, unknown values', () => {
  const silent = [
    // AUTO only in the spec; ULTRA content strength only in the spec.
    `{"model": "gemini-image-2", "parameters": {"prompt": "x", "prompt_enhance": "AUTO"}}`,
    `{"model": "lucid-realism", "parameters": {"prompt": "x", "guidances": {"content": [{"image": {"id": "${ID}", "type": "UPLOADED"}, "strength": "ULTRA"}]}}}`,
    // INIT only in older guides.
    `{"model": "flux-kontext-pro", "parameters": {"prompt": "x", "guidances": {"image_reference": [{"image": {"id": "${ID}", "type": "INIT"}, "strength": "HIGH"}]}}}`,
    // Portrait: 8e2bc543 (Nano Banana pages) and ab5a4220 (spec).
    `{"model": "nano-banana-2", "parameters": {"prompt": "x", "style_ids": ["8e2bc543-6ee2-45f9-bcd9-594b6ce84dcd"]}}`,
    `{"model": "nano-banana-2", "parameters": {"prompt": "x", "style_ids": ["ab5a4220-7c42-41e5-a578-eddb9fed3d75"]}}`,
    `{"model": "rodin-v2", "parameters": {"prompt": "x", "quality": "medium", "material": "PBR", "mesh_mode": "Quad"}}`,
    `{"model": "google/nano-banana-2.1", "parameters": {"prompt": "x"}}`,
  ];
  for (const body of silent) assert.deepEqual(lintJson(RULE, body), [], body);
  const dynamic = fetchCode(`{ model: process.env.MODEL ?? 'gpt-image-1.5', parameters: { prompt, quality: opts.quality } }`);
  assert.deepEqual(lint(dynamic, { rules: [RULE] }), []);
});
