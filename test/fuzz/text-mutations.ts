// Random edits of a whole document, as an editor produces them mid-typing and as corrupted files
// look: insertions (of syntax that matters to the extractors), deletions, truncations and
// character flips (surrogate halves, NUL, line breaks of every convention included).

import fc from 'fast-check';
import type { FuzzDocument } from './render.js';

export type TextEdit =
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'truncate'; at: number }
  | { kind: 'flip'; at: number; char: string };

/** Pieces that mean something to one of the extractors. */
const PIECES = [
  '"', "'", '`', '\\', '{', '}', '[', ']', '(', ')', ',', ':', ';', '\n', '\r\n', '\r', ' ', '\t', '$', '${', '$(', '#', '//', '/*', '*/',
  '<<EOF\n', '###\n', '```\n', '-d ', 'curl ', '"prompt": ', 'null', 'true', '1e999', '-0', '\u2028', '\ufeff', '\ud800', '\udc00', '🦊',
  '{{x}}', '@-', 'leonardo', '// eslint-disable-next-line', '// leonardo-lint-disable-next-line', '// leonardo-lint-disable', 'POST ',
];

const FLIPS = ['\u0000', '\ud800', '\udfff', '\r', '\n', '"', "'", '\\', '{', '}', 'x', '\u00a0', '\u200b', '\uffff'];

/** Positions are fractions of the length, so one edit list applies to any document. */
export const textEdit: fc.Arbitrary<TextEdit> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 4, unit: 'binary' })) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 12 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), char: fc.constantFrom(...FLIPS) }) },
);

export function applyTextEdit(text: string, edit: TextEdit): string {
  const at = text.length === 0 ? 0 : edit.at % (text.length + 1);
  switch (edit.kind) {
    case 'insert':
      return text.slice(0, at) + edit.text + text.slice(at);
    case 'delete':
      return text.slice(0, at) + text.slice(at + edit.length);
    case 'truncate':
      return text.slice(0, at);
    case 'flip':
      return at < text.length ? text.slice(0, at) + edit.char + text.slice(at + 1) : text;
  }
}

export function mutateDocument(doc: FuzzDocument, edits: readonly TextEdit[]): FuzzDocument {
  return { ...doc, text: edits.reduce(applyTextEdit, doc.text) };
}

/** A document with one to five random edits. */
export function mutatedDocument(documents: fc.Arbitrary<FuzzDocument>): fc.Arbitrary<FuzzDocument> {
  return fc.tuple(documents, fc.array(textEdit, { minLength: 1, maxLength: 5 })).map(([doc, edits]) => mutateDocument(doc, edits));
}
