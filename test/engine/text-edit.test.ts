import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { changeBetween } from '../../server/src/engine/extract/ts/text-change.js';

/** The textbook version: walk in from both ends one character at a time. */
function reference(a: string, b: string) {
  const shortest = Math.min(a.length, b.length);
  let head = 0;
  while (head < shortest && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < shortest - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  return { start: head, oldLength: a.length - head - tail, newLength: b.length - head - tail };
}

describe('changeBetween', () => {
  it('finds the same edit as a character-by-character walk', () => {
    const text = fc.string({ unit: fc.constantFrom('a', 'b', '\n', 'é'), maxLength: 40 });
    fc.assert(fc.property(text, text, (a, b) => assert.deepEqual(changeBetween(a, b), reference(a, b))), { numRuns: 2000 });
  });

  it('finds a keystroke, a deletion and a paste in a long text', () => {
    const base = 'const x = 1;\n'.repeat(5000);
    const at = 30_001;
    assert.deepEqual(changeBetween(base, base.slice(0, at) + 'y' + base.slice(at)), { start: at, oldLength: 0, newLength: 1 });
    assert.deepEqual(changeBetween(base, base.slice(0, at) + base.slice(at + 5)), reference(base, base.slice(0, at) + base.slice(at + 5)));
    const pasted = base.slice(0, at) + 'fetch("https://cloud.leonardo.ai")' + base.slice(at + 3);
    assert.deepEqual(changeBetween(base, pasted), reference(base, pasted));
    assert.deepEqual(changeBetween(base, base), { start: base.length, oldLength: 0, newLength: 0 });
    assert.deepEqual(changeBetween('', base), { start: 0, oldLength: 0, newLength: base.length });
  });
});
