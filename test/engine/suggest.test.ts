import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { editDistance } from '../../server/src/engine/fix/suggest.js';

/** The textbook optimal string alignment distance: the whole table, no band, no early stop. */
function reference(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

describe('editDistance', () => {
  it('is the optimal string alignment distance, capped at limit + 1', () => {
    const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', '_'), maxLength: 12 });
    fc.assert(
      fc.property(word, word, fc.option(fc.integer({ min: 0, max: 5 }), { nil: undefined }), (a, b, limit) => {
        const exact = reference(a, b);
        assert.equal(editDistance(a, b, limit), limit === undefined ? exact : Math.min(exact, limit + 1));
      }),
      { seed: 20261202, numRuns: 3000 },
    );
  });

  it('knows a transposition as one edit', () => {
    assert.equal(editDistance('promtp', 'prompt'), 1);
    assert.equal(editDistance('sd_Version', 'sd_version', 3), 1);
  });

  it('compares two long, nearly equal strings within the limit band', () => {
    // A full table would be 10^10 cells (minutes, so a regression shows as a hung test, not as a timing
    // assertion); the band is 9 cells a row.
    const long = 'x'.repeat(100_000);
    assert.equal(editDistance(`/generation/${long}`, `/generations/${long}`, 4), 1);
    assert.equal(editDistance(`${long}abc`, `${long}xyz`, 2), 3, 'more than the limit: limit + 1');
  });
});
