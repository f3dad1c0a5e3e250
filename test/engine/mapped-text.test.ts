// Mapped text: decoded characters with the document span each came from.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { MappedTextBuilder, mapSpan } from '../../server/src/engine/extract/text/mapped-text.js';
import { expandTemplate } from '../../server/src/engine/extract/text/template.js';

test('a pushed run maps every character to its span, short or long (long runs are filled)', () => {
  fc.assert(
    fc.property(fc.array(fc.tuple(fc.string({ maxLength: 40 }), fc.nat(1000), fc.nat(20)), { maxLength: 8 }), (pushes) => {
      const b = new MappedTextBuilder();
      const starts: number[] = [];
      const ends: number[] = [];
      for (const [text, start, width] of pushes) {
        b.push(text, start, start + width);
        for (let i = 0; i < text.length; i++) {
          starts.push(start);
          ends.push(start + width);
        }
      }
      const m = b.build();
      assert.equal(m.text, pushes.map(([text]) => text).join(''));
      assert.deepEqual([...m.starts], starts);
      assert.deepEqual([...m.ends], ends);
    }),
    { numRuns: 200, seed: 3 },
  );
});

test('a known variable\'s value, however long, maps back to the {{name}} it replaces', () => {
  const doc = 'GET {{base}}/generations';
  const template = new MappedTextBuilder().pushVerbatim(doc, 0).build();
  const value = `https://cloud.leonardo.ai/api/rest/v1${'/x'.repeat(50)}`;
  const expanded = expandTemplate(template, new Map([['base', value]]));
  assert.equal(expanded.text, `GET ${value}/generations`);
  assert.deepEqual(expanded.unknown, []);
  assert.deepEqual(mapSpan(expanded, 4, 4 + value.length), { start: 4, end: 12 });
  assert.deepEqual(mapSpan(expanded, 4 + value.length, expanded.text.length), { start: 12, end: doc.length });
});
