// out-of-range on v2 requests: numbers outside the model's range or set, lengths, reference counts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lintFetch, lintJson, rows } from '../helpers/v2.js';

const RULE = 'out-of-range';
const ref = (n: number, kind = 'image_reference') =>
  `"${kind}": [${Array.from({ length: n }, () => '{"image": {"id": "5c1c7b5e-0d6e-4e55-9bd0-0b3b5c8c3b1a", "type": "GENERATED"}}').join(', ')}]`;

test('a duration outside the model\'s set or range; the nearest value offered', () => {
  const [hit, ...rest] = lintFetch(RULE, `{ model: 'kling-2.6', parameters: { prompt, duration: 8 }, public: false }`);
  assert.equal(rest.length, 0);
  assert.equal(hit!.message, '`duration` 8 is not 5 or 10 for `kling-2.6`.');
  assert.deepEqual(hit!.finding.fixes.map((f) => [f.edits[0]!.newText, f.preferred]), [['10', false]]);
  const [range] = lintJson(RULE, '{"model": "kling-video-o-1", "parameters": {"prompt": "x", "duration": 12}}');
  assert.equal(range!.message, '`duration` 12 is outside 3..10 for `kling-video-o-1`.');
  const [factor] = lintJson(RULE, '{"model": "aurora-upscaler-precise", "parameters": {"upscale_factor": 7}}');
  assert.match(factor!.message, /^`upscale_factor` 7 is not 2, 3, 4, 5, 6 or 8 for/);
  const [seed] = lintJson(RULE, '{"model": "rodin-v2", "parameters": {"prompt": "x", "seed": 70000}}');
  assert.equal(seed!.message, '`seed` 70000 is outside 0..65535 for `rodin-v2`.');
});

test('too many references (maxItems); style_ids over the guides\' limit of 1 is a warning', () => {
  const refs = lintJson(RULE, `{"model": "gpt-image-1.5", "parameters": {"prompt": "x", "guidances": {${ref(7)}}}}`);
  assert.deepEqual(refs.map((h) => [h.message, h.severity]), [['`guidances.image_reference` has 7 items: `gpt-image-1.5` takes at most 6.', 'error']]);
  const styles = lintJson(RULE, '{"model": "lucid-origin", "parameters": {"prompt": "x", "style_ids": ["111dc692-d470-4eec-b791-3475abac4c46", "a5632c7c-ddbb-4e2f-ba34-8456ab3ac436"]}}');
  assert.deepEqual(rows(styles).map((r) => r[1]), ['warning']);
});

test('a prompt longer than the model takes', () => {
  const [hit] = lintJson(RULE, `{"model": "kling-2.6", "parameters": {"prompt": "${'a'.repeat(2600)}"}}`);
  assert.equal(hit!.message, '`prompt` is 2600 characters, more than the 2500 `kling-2.6` takes.');
});

test('not flagged: the wider range of two sources, counts one source allows, sizes and quantity', () => {
  const silent = [
    // Kling O1 image_reference: 5 in the spec, 4 in the guide.
    `{"model": "kling-video-o-1", "parameters": {"prompt": "x", "guidances": {${ref(5)}}}}`,
    // upscale_factor 5: only the guides.
    `{"model": "aurora-upscaler-creative", "parameters": {"upscale_factor": 5}}`,
    // Prompt 1501..2500 on Kling: only the guide says 1500.
    `{"model": "kling-3.0", "parameters": {"prompt": "${'b'.repeat(2000)}"}}`,
    // width/height belong to invalid-dimensions, quantity above max to too-many-images.
    `{"model": "phoenix-v1.0", "parameters": {"prompt": "x", "width": 9000, "quantity": 12}}`,
    `{"model": "seedance-2.0", "parameters": {"prompt": "x", "seed": -1, "duration": 5}}`,
  ];
  for (const body of silent) assert.deepEqual(lintJson(RULE, body), [], body.slice(0, 80));
});
