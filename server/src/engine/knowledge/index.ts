// The API error knowledge base: what the editor's hovers, the explain command and the CLI read.

import { apiErrors, type ApiErrorEntry } from './api-errors.js';
import { formatExplanation } from './format.js';
import { foldName } from '../fix/suggest.js';
import { matchEntry } from './match.js';

export { apiErrors, entryById, type ApiErrorEntry } from './api-errors.js';
export { explanationTitle, formatExplanation, SUPPORT_CHECKLIST, type ExplanationFormat } from './format.js';
export { explainError, suggestFieldNames, type ErrorMatch } from './match.js';

/** A string literal (`"…"`, `'…'` or `` `…` ``) on one line, and its content. */
export interface StringLiteralAt {
  start: number;
  end: number;
  content: string;
}

/** The one-line string literal that contains `offset`, if any. */
export function stringLiteralAt(text: string, offset: number): StringLiteralAt | undefined {
  let lineStart = offset;
  while (lineStart > 0 && text[lineStart - 1] !== '\n' && text[lineStart - 1] !== '\r') lineStart--;
  let quote: string | undefined;
  let open = -1;
  for (let i = lineStart; i < text.length && text[i] !== '\n' && text[i] !== '\r'; i++) {
    const c = text[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) {
        if (offset > open && offset <= i) return { start: open, end: i + 1, content: text.slice(open + 1, i) };
        quote = undefined;
      }
    } else if (c === '"' || c === "'" || c === '`') {
      if (i >= offset) return undefined;
      quote = c;
      open = i;
    }
  }
  return undefined;
}

/** The entry whose error text the literal holds (hovers never offer status-only entries). */
function entryForErrorText(content: string): { entry: ApiErrorEntry; captures: Record<string, string> } | undefined {
  const text = content.replace(/\\(["'\\])/g, '$1');
  if (text.trim().length < 8) return undefined;
  for (const entry of apiErrors) {
    if (!entry.error) continue;
    const captures = matchEntry(entry, text);
    if (captures) return { entry, captures };
  }
  return undefined;
}

/** Markdown explaining the API error text in the string literal under the cursor, if it is one. */
export function errorHoverAt(text: string, offset: number): string | undefined {
  const literal = stringLiteralAt(text, offset);
  if (!literal) return undefined;
  const found = entryForErrorText(literal.content);
  if (!found) return undefined;
  return formatExplanation(found.entry, { captures: found.captures, message: literal.content }, 'markdown');
}

/** Catalogue entries that are about a field (wire or SDK name: `num_images` and `numImages` alike). */
export function entriesMentioningField(fieldName: string): ApiErrorEntry[] {
  const wanted = foldName(fieldName);
  return apiErrors.filter((e) => e.fields.some((f) => foldName(f) === wanted));
}
