import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { LineIndex } from '../../server/src/engine/positions.js';

/** Line starts by the definition: a line ends at \r\n, \n or \r. */
function referenceStarts(text: string): number[] {
  const starts = [0];
  const re = /\r\n|\r|\n/g;
  for (let m = re.exec(text); m; m = re.exec(text)) starts.push(m.index + m[0].length);
  return starts;
}

describe('LineIndex', () => {
  it('agrees with the definition of a line for every offset, with and without \\r', () => {
    const text = fc.string({ unit: fc.constantFrom('a', '\n', '\r', 'é', '😀'), maxLength: 30 });
    fc.assert(
      fc.property(text, (t) => {
        const index = new LineIndex(t);
        const starts = referenceStarts(t);
        assert.equal(index.lineCount, starts.length);
        for (let offset = 0; offset <= t.length; offset++) {
          let line = 0;
          while (line + 1 < starts.length && starts[line + 1] <= offset) line++;
          assert.deepEqual(index.positionAt(offset), { line, character: offset - starts[line] });
          assert.equal(index.offsetAt(index.positionAt(offset)), offset);
        }
      }),
      { numRuns: 1000 },
    );
  });
});
