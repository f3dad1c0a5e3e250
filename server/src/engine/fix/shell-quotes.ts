// Shell quoting for fixes in curl commands: `'…'` sends `$VAR` as written, `"…"` expands it. A fix
// that puts a variable into a single-quoted header switches that word to double quotes, when the
// word's text means the same inside double quotes.

import type { Span, TextEdit } from '../types.js';

/**
 * The edits that turn the single-quoted section around `span` (on one line) into a double-quoted
 * one, or undefined when there is no such section or its text would change meaning in double quotes
 * (it holds `"`, `\`, a backtick, or a `$` that `allowDollar` does not permit).
 */
export function switchToDoubleQuotes(text: string, span: Span, allowDollar: boolean): TextEdit[] | undefined {
  const open = quoteBefore(text, span.start);
  const close = quoteAfter(text, span.end);
  if (open === undefined || close === undefined) return undefined;
  const content = text.slice(open + 1, close);
  if (/["\\`]/.test(content) || (!allowDollar && content.includes('$'))) return undefined;
  return [
    { start: open, end: open + 1, newText: '"' },
    { start: close, end: close + 1, newText: '"' },
  ];
}

function quoteBefore(text: string, from: number): number | undefined {
  for (let i = from - 1; i >= 0; i--) {
    const c = text[i];
    if (c === "'") return i;
    if (c === '\n' || c === '\r') return undefined;
  }
  return undefined;
}

function quoteAfter(text: string, from: number): number | undefined {
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if (c === "'") return i;
    if (c === '\n' || c === '\r') return undefined;
  }
  return undefined;
}
