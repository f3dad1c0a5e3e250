// Every table an analysis builds (its memo's values, the file index, the client calls) is empty when
// the analysis ends (ARCHITECTURE.md, invariant 6; memo.ts says why). Under `npm test` every analysis
// checks it, so a new table that nobody empties fails the tests.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../server/src/engine/analyze.js';
import { assertEmptied, CHECK_RELEASE, type MemoKey } from '../../server/src/engine/memo.js';
import type { Rule } from '../../server/src/engine/types.js';

const CODE = `const body = { prompt: 'a fox', num_images: 2 };
export const go = () => fetch('https://cloud.leonardo.ai/api/rest/v1/generations', { method: 'POST', body: JSON.stringify(body) });
`;

function ruleKeeping(key: MemoKey<Map<string, number>>): Rule {
  return {
    meta: { id: 'keeps-a-table', defaultSeverity: 'warning', description: 'remembers the requests it saw', docsUrl: '', fixable: false },
    check(ctx) {
      const seen = ctx.memo.get(key, () => new Map<string, number>());
      for (const request of ctx.requests) seen.set(request.endpoint?.path ?? '?', request.span.start);
    },
  };
}

test('the check is on in the tests (scripts/run-tests.mjs sets LEONARDO_LINT_CHECK_RELEASE=1)', () => {
  assert.equal(CHECK_RELEASE, true);
});

test('a memo table that nobody empties fails the analysis; one that its key empties does not', () => {
  const forgotten: MemoKey<Map<string, number>> = {};
  assert.throws(() => analyze({ text: CODE, kind: 'typescript', path: 'a.ts' }, { rules: [ruleKeeping(forgotten)] }), /Tables not emptied when the analysis ended: memo\[0\]:Map \(1\)/);
  const emptied: MemoKey<Map<string, number>> = { release: (table) => table.clear() };
  assert.deepEqual(analyze({ text: CODE, kind: 'typescript', path: 'a.ts' }, { rules: [ruleKeeping(emptied)] }).findings, []);
});

test('the check looks into nested objects, and not into syntax nodes', () => {
  const node = { kind: 80, pos: 0, end: 3, parent: undefined, children: [1, 2] };
  assert.doesNotThrow(() => assertEmptied({ index: { calls: [], byName: new Map(), root: node, budget: { left: 3 } } }));
  assert.throws(() => assertEmptied({ memo: [{ facts: { opaque: new Set([node]) } }] }), /memo\[0\]:Object\.facts\.opaque \(1\)/);
  assert.throws(() => assertEmptied({ index: { pieces: [{}] } }), /index\.pieces \(1\)/);
});
