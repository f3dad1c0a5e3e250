// The documents the fuzzers draw: generated ones (render.ts), generated ones with random edits, and
// the files of examples/ with random edits (the examples are read when the fuzzers start, so new
// examples are fuzzed too).

import fc from 'fast-check';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { documentKindForPath } from '../../server/src/engine/extract/index.js';
import { generatedDocument, type FuzzDocument } from './render.js';
import { mutatedDocument } from './text-mutations.js';

const ROOT = path.resolve(__dirname, '../..');

function filesBelow(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? filesBelow(full) : [full];
  });
}

/** Every lintable file of examples/, as a document (path relative to the repository). */
export function exampleDocuments(): FuzzDocument[] {
  return filesBelow(path.join(ROOT, 'examples'))
    .sort()
    .flatMap((file) => {
      const text = fs.readFileSync(file, 'utf8');
      const relative = path.relative(ROOT, file).split(path.sep).join('/');
      const kind = documentKindForPath(relative, text);
      return kind ? [{ path: relative, kind, text }] : [];
    });
}

/** Generated documents, generated documents with edits, and example files with edits. */
export function fuzzDocument(examples: readonly FuzzDocument[] = exampleDocuments()): fc.Arbitrary<FuzzDocument> {
  return fc.oneof(
    { weight: 4, arbitrary: generatedDocument },
    { weight: 4, arbitrary: mutatedDocument(generatedDocument) },
    { weight: 2, arbitrary: mutatedDocument(fc.constantFrom(...examples)) },
  );
}
