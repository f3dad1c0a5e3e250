// invalid-dimensions on v2 requests: sides outside the model's list, range or multiple; unlisted pairs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lint } from '../helpers/lint.js';
import { lintFetch, lintJson, rows } from '../helpers/v2.js';

const RULE = 'invalid-dimensions';

test('a side outside the range, and not a multiple of 8', () => {
  const hits = lintFetch(RULE, `{ model: 'gpt-image-1.5', parameters: { prompt, width: 1000, height: 1540 }, public: false }`);
  assert.deepEqual(rows(hits), [['1000', 'error'], ['1540', 'error']]);
  assert.equal(hits[0]!.message, '`width` 1000 is outside 1024..1536 for `gpt-image-1.5`.');
  assert.equal(hits[1]!.message, '`height` 1540 is outside 1024..1536 for `gpt-image-1.5`.');
  assert.deepEqual(hits[0]!.finding.fixes.map((f) => [f.edits[0]!.newText, f.preferred]), [['1024', false]]);
  const [multiple] = lintJson(RULE, '{"model": "phoenix-v1.0", "parameters": {"prompt": "x", "width": 1020, "height": 1024}}');
  assert.equal(multiple!.message, '`width` 1020 is not a multiple of 8 for `phoenix-v1.0`.');
  assert.deepEqual(multiple!.finding.fixes.map((f) => f.edits[0]!.newText), ['1016', '1024']);
});

test('a side not in the model\'s list', () => {
  const [hit] = lintFetch(RULE, `{ model: 'kling-2.6', parameters: { prompt, width: 854, height: 1080 } }`);
  assert.equal(hit!.message, '`width` 854 is not 0, 1080, 1440 or 1920 for `kling-2.6`.');
  assert.deepEqual(hit!.finding.fixes.map((f) => f.edits[0]!.newText), ['1080']);
});

test('a pair the model does not list: on the width, with pairs of the same aspect', () => {
  const [hit, ...rest] = lintJson(RULE, '{"model": "motion_2.0", "parameters": {"prompt": "x", "width": 1280, "height": 480}}');
  assert.equal(rest.length, 0);
  assert.equal(hit!.message, "1280x480 is not one of `motion_2.0`'s sizes: the API rejects it.");
  const [veo] = lintJson(RULE, '{"model": "veo-3.1-lite", "parameters": {"prompt": "x", "width": 1920, "height": 1920}}');
  assert.match(veo!.message, /^1920x1920 is not one of `veo-3\.1-lite`'s sizes: the API rejects it\.$/);
  // nano-banana-2: the guide says the server does not validate pairs.
  const [nano] = lintJson(RULE, '{"model": "nano-banana-2", "parameters": {"prompt": "x", "width": 1024, "height": 2048}}');
  assert.equal(nano!.severity, 'warning');
  assert.match(nano!.message, /the API falls back to 1:1/);
});

test('not flagged: wider ranges, pairs one source lists, 0 for auto, one side unknown', () => {
  const silent = [
    // FLUX.2 Pro: 64..14142 in the spec, 256..1440 in the guide.
    `{"model": "flux-pro-2.0", "parameters": {"prompt": "x", "width": 2048, "height": 128}}`,
    // gpt-image-1.5: no pair rule in the spec.
    `{"model": "gpt-image-1.5", "parameters": {"prompt": "x", "width": 1536, "height": 1536}}`,
    // grok-imagine-1.5 HD pairs: spec only.
    `{"model": "grok-imagine-1.5", "parameters": {"prompt": "x", "width": 1888, "height": 1072, "guidances": {"start_frame": [{"image": {"id": "5c1c7b5e-0d6e-4e55-9bd0-0b3b5c8c3b1a", "type": "GENERATED"}}]}}}`,
    // nano-banana-2: a listed 4:5 2K pair; gemini-image-2 width 1584 (spec only) and 672 (guide only).
    `{"model": "nano-banana-2", "parameters": {"prompt": "x", "width": 1856, "height": 2304}}`,
    `{"model": "gemini-image-2", "parameters": {"prompt": "x", "width": 1584, "height": 672}}`,
    `{"model": "gemini-2.5-flash-image", "parameters": {"prompt": "x", "width": 0, "height": 1024}}`,
    `{"model": "lucid-origin", "parameters": {"prompt": "x", "width": 1360, "height": 768, "mode": "ULTRA"}}`,
    `{"model": "kling-3.0", "parameters": {"prompt": "x", "width": 3840, "height": 2160}}`,
  ];
  for (const body of silent) assert.deepEqual(lintJson(RULE, body), [], body);
  assert.deepEqual(lintFetch(RULE, `{ model: 'motion_2.0', parameters: { prompt, width: 1280, height: opts.height } }`), []);
  assert.deepEqual(lint(`await fetch('https://api.example.com/v2/generations', { method: 'POST', body: JSON.stringify({ model: 'motion_2.0', parameters: { width: 7 } }) });`, { rules: [RULE] }), []);
});
