// "Fix all" for the editor: preferred fixes applied pass after pass (each pass re-analyses the
// fixed text in memory, as `--fix` does). When one pass settles it, the fixes' own edits are
// returned (the editor keeps markers and folding around them); else one edit of the changed middle.

import { analyze } from '../engine/analyze.js';
import { compatibleFixes, fixUntilStable } from '../engine/fix/apply.js';
import type { TextEdit } from '../engine/types.js';
import type { DocumentAnalysis } from './analysis.js';

/** Edits of the analysed version that apply every preferred fix; empty when there is nothing to fix. */
export function fixAllEdits(analysis: DocumentAnalysis): TextEdit[] {
  const original = analysis.document.text;
  const firstPass = compatibleFixes(analysis.result.findings).flatMap((f) => f.edits);
  if (firstPass.length === 0) return [];
  const { text, passes } = fixUntilStable(original, analysis.result.findings, (next) =>
    analyze(Object.assign({}, analysis.document, { text: next }), { config: analysis.config }).findings,
  );
  if (passes === 1) return firstPass;
  return text === original ? [] : [replacementEdit(original, text)];
}

/** One edit turning `before` into `after`: the differing middle, common prefix and suffix kept. */
export function replacementEdit(before: string, after: string): TextEdit {
  let start = 0;
  const max = Math.min(before.length, after.length);
  while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let end = 0;
  while (end < max - start && before.charCodeAt(before.length - 1 - end) === after.charCodeAt(after.length - 1 - end)) {
    end++;
  }
  // Keep surrogate pairs whole.
  if (start > 0 && isHighSurrogate(before.charCodeAt(start - 1))) start--;
  if (end > 0 && isLowSurrogate(before.charCodeAt(before.length - end))) end--;
  return { start, end: before.length - end, newText: after.slice(start, after.length - end) };
}

function isHighSurrogate(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}
