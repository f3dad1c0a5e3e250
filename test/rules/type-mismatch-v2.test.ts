// type-mismatch on v2 requests: a literal of the wrong JSON type for the model's parameter.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fixed, lint } from '../helpers/lint.js';
import { fetchCode, jsonFile, lintFetch, lintJson, rows } from '../helpers/v2.js';

const RULE = 'type-mismatch';

test('prompt_enhance: true: the values it takes; "ON" offered, not preferred', () => {
  const [hit, ...rest] = lintFetch(RULE, `{ model: 'nano-banana-2', parameters: { prompt, prompt_enhance: true }, public: false }`);
  assert.equal(rest.length, 0);
  assert.equal(hit.text, 'true');
  assert.equal(hit.message, '`prompt_enhance` must be one of "AUTO", "ON", "OFF" for `nano-banana-2`, not the boolean true.');
  assert.deepEqual(hit.finding.fixes.map((f) => [f.edits[0].newText, f.preferred]), [['"ON"', false]]);
});

test('style_ids as a string: wrapped in an array (preferred)', () => {
  const body = `{"model": "phoenix-v1.0", "parameters": {"prompt": "x", "style_ids": "111dc692-d470-4eec-b791-3475abac4c46"}}`;
  const [hit] = lintJson(RULE, body);
  assert.match(hit.message, /^`style_ids` must be an array for `phoenix-v1\.0`, not the string/);
  assert.equal(
    fixed(jsonFile(body), RULE, { path: 'request.jsonc' }),
    jsonFile(body.replace('"111dc692-d470-4eec-b791-3475abac4c46"', '["111dc692-d470-4eec-b791-3475abac4c46"]')),
  );
});

test('numbers as strings and fractional integers; public as a string', () => {
  const body = `{ model: 'flux-pro-2.0', parameters: { prompt, width: '1024', quantity: 2.5, seed: '42' }, public: 'false' }`;
  const hits = lintFetch(RULE, body);
  assert.deepEqual(rows(hits), [["'1024'", 'error'], ['2.5', 'error'], ["'42'", 'error'], ["'false'", 'error']]);
  assert.equal(hits[3].message, '`public` must be a boolean, not the string "false".');
  assert.equal(hits[1].finding.fixes.length, 0);
  const fixedCode = fixed(fetchCode(`{ model: 'flux-pro-2.0', parameters: { prompt, width: '1024' } }`), RULE);
  assert.match(fixedCode, /width: 1024 /);
});

test('not flagged: right types, guide-only parameters, unknown values, null', () => {
  const silent = [
    `{ model: 'kling-2.6', parameters: { prompt, duration: 5, width: 1920, height: 1080, motion_has_audio: true } }`,
    `{ model: 'gpt-image-1.5', parameters: { prompt, seed: '42' } }`,
    `{ model: 'veo-3.1-generate-001', parameters: { prompt, duration: Number(seconds), seed: null } }`,
    `{ model: 'music-v1', parameters: { prompt, duration_minutes: 2 } }`,
  ];
  for (const body of silent) assert.deepEqual(lintFetch(RULE, body), [], body);
  assert.deepEqual(lint(`await fetch('https://api.example.com/v2/generations', { method: 'POST', body: JSON.stringify({ model: 'nano-banana-2', parameters: { prompt_enhance: true } }) });`, { rules: [RULE] }), []);
});
