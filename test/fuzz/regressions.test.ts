// Every failure the fuzzers found, replayed: test/fuzz/regressions.json holds the (minimised)
// documents, the property each broke and what was wrong. Each must now pass every property.
import { test } from 'node:test';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { DocumentKind } from '../../server/src/engine/types.js';
import { checkDocument } from './properties.js';

interface RegressionCase {
  id: string;
  /** The property the document broke (properties.ts). */
  property: string;
  /** What was wrong, in a sentence. */
  bug: string;
  path: string;
  kind: DocumentKind;
  text: string;
}

const cases = JSON.parse(fs.readFileSync(path.join(__dirname, 'regressions.json'), 'utf8')) as RegressionCase[];

for (const c of cases) {
  test(`${c.id}: ${c.bug}`, () => {
    checkDocument({ path: c.path, kind: c.kind, text: c.text });
  });
}
