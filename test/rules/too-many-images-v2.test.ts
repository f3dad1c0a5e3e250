// too-many-images on v2 requests: quantity above the model's maximum.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lintFetch, lintJson, rows } from '../helpers/v2.js';

const RULE = 'too-many-images';

test('quantity above the model\'s maximum: the API error, set to the maximum (offered)', () => {
  const [hit, ...rest] = lintFetch(RULE, `{ model: 'gpt-image-1.5', parameters: { prompt, quantity: 10 }, public: false }`);
  assert.equal(rest.length, 0);
  assert.equal(hit.text, '10');
  assert.equal(hit.message, '`quantity` 10 is more than `gpt-image-1.5` allows (8): the API answers `Too many images`.');
  assert.equal(hit.finding.apiError, 'Too many images');
  assert.deepEqual(hit.finding.fixes.map((f) => [f.edits[0].newText, f.preferred]), [['8', false]]);
  assert.match(lintJson(RULE, '{"model": "seedream-5.0-pro", "parameters": {"prompt": "x", "quantity": 7}}')[0].message, /allows \(6\)/);
  assert.match(lintJson(RULE, '{"model": "ideogram-v4.0", "parameters": {"prompt": "x", "quantity": 5}}')[0].message, /allows \(4\)/);
  assert.match(lintJson(RULE, '{"model": "kling-3.0", "parameters": {"prompt": "x", "quantity": 2}}')[0].message, /allows \(1\)/);
  assert.match(lintJson(RULE, '{"model": "rodin-v2", "parameters": {"prompt": "x", "quantity": 2}}')[0].message, /allows \(1\)/);
});

test('each model of a ternary; each value of a ternary', () => {
  const hits = lintFetch(RULE, `{ model: hd ? 'ideogram-v4.0' : 'ideogram-v3.0', parameters: { prompt, quantity: batch ? 6 : 2 } }`);
  assert.deepEqual(rows(hits), [['6', 'error']]);
  assert.match(hits[0].message, /`ideogram-v4\.0` allows \(4\)/);
});

test('not flagged: at the maximum, unknown counts, other providers', () => {
  assert.deepEqual(lintFetch(RULE, `{ model: 'flux-pro-2.0', parameters: { prompt, quantity: 8 } }`), []);
  assert.deepEqual(lintFetch(RULE, `{ model: 'flux-pro-2.0', parameters: { prompt, quantity: count } }`), []);
  assert.deepEqual(lintFetch(RULE, `{ model: 'veo-3.1-lite', parameters: { prompt, quantity: 1 } }`), []);
  assert.deepEqual(lintFetch(RULE, `{ model: modelName, parameters: { prompt, quantity: 12 } }`), []);
});
