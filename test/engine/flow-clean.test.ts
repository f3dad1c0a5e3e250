// Correct upload and result flows (presigned upload without auth, polling until COMPLETE, photoReal v2
// with a model id, keys from the environment) get no finding from any rule.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lint } from '../helpers/lint.js';
import { CORRECT_FLOWS } from './flow-fixtures.js';

for (const [name, code] of Object.entries(CORRECT_FLOWS)) {
  test(`${name} is clean under every rule`, () => {
    const hits = lint(code, { path: name === 'POLL_TIMEOUT' ? 'watch.js' : 'service.ts' });
    assert.deepEqual(hits.map((h) => `${h.line}:${h.column} ${h.ruleId} ${h.message}`), []);
  });
}
