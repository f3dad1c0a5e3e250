// deprecated-field on v2 requests: the video mode tiers and the legacy frame objects.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lintFetch, lintJson, rows } from '../helpers/v2.js';

const RULE = 'deprecated-field';

test('the video mode tier: a warning, no fix', () => {
  const [hit, ...rest] = lintFetch(RULE, `{ model: 'motion_2.0-fast', parameters: { prompt, mode: 'RESOLUTION_720', width: 1280, height: 720 } }`);
  assert.equal(rest.length, 0);
  assert.deepEqual([hit!.text, hit!.severity], ['mode', 'warning']);
  assert.equal(hit!.message, '`mode` is deprecated on `motion_2.0-fast`: set `width` and `height` instead.');
  assert.deepEqual(hit!.finding.fixes, []);
});

test('the legacy start_frame object', () => {
  const hits = lintJson(RULE, '{"model": "veo-3.1-generate-001", "parameters": {"prompt": "x", "start_frame": {"id": "5c1c7b5e-0d6e-4e55-9bd0-0b3b5c8c3b1a", "type": "GENERATED"}}}');
  assert.deepEqual(rows(hits), [['"start_frame"', 'warning']]);
  assert.equal(hits[0]!.message, '`start_frame` is deprecated on `veo-3.1-generate-001`: use `guidances.start_frame: [{ image }]`.');
});

test('not flagged: image-model mode, guidances frames', () => {
  assert.deepEqual(lintJson(RULE, '{"model": "phoenix-v1.0", "parameters": {"prompt": "x", "mode": "QUALITY"}}'), []);
  assert.deepEqual(lintJson(RULE, '{"model": "veo-3.1-generate-001", "parameters": {"prompt": "x", "guidances": {"start_frame": [{"image": {"id": "5c1c7b5e-0d6e-4e55-9bd0-0b3b5c8c3b1a", "type": "GENERATED"}}]}}}'), []);
});
