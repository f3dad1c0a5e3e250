// Span arithmetic shared by the extractors: how to delete a property or list element cleanly, and
// how to insert a new one, the same way in JSON and in JS object literals.

import type { InsertStyle, Span } from '../types.js';

function isBlank(c: string | undefined): boolean {
  return c === ' ' || c === '\t';
}

function isNewline(c: string | undefined): boolean {
  return c === '\n' || c === '\r';
}

/**
 * The span that removes the member at [start, end) of a comma-separated list, with its comma:
 * the following comma when there is one, else the preceding one. A member alone on its line(s)
 * takes its whole line with it, so no blank line is left behind. Removing the only member leaves
 * `{}` or `[]`, never `{  }` or a brace on its own line.
 */
export function removalSpan(text: string, start: number, end: number): Span {
  const span = memberRemoval(text, start, end);
  let before = span.start;
  while (before > 0 && (isBlank(text[before - 1]) || isNewline(text[before - 1]))) before--;
  let after = span.end;
  while (isBlank(text[after]) || isNewline(text[after])) after++;
  const open = text[before - 1];
  const close = text[after];
  return (open === '{' && close === '}') || (open === '[' && close === ']') ? { start: before, end: after } : span;
}

function memberRemoval(text: string, start: number, end: number): Span {
  let after = end;
  while (isBlank(text[after])) after++;
  if (text[after] === ',') {
    after++;
    let lineStart = start;
    while (lineStart > 0 && isBlank(text[lineStart - 1])) lineStart--;
    let lineEnd = after;
    while (isBlank(text[lineEnd])) lineEnd++;
    const ownLine = (lineStart === 0 || isNewline(text[lineStart - 1])) && (isNewline(text[lineEnd]) || lineEnd >= text.length);
    if (ownLine) {
      if (text[lineEnd] === '\r' && text[lineEnd + 1] === '\n') lineEnd += 2;
      else if (isNewline(text[lineEnd])) lineEnd += 1;
      return { start: lineStart, end: lineEnd };
    }
    while (isBlank(text[after])) after++;
    return { start, end: after };
  }
  // Last member: take the comma before it, and the whitespace between.
  let before = start;
  while (before > 0 && (isBlank(text[before - 1]) || isNewline(text[before - 1]))) before--;
  if (text[before - 1] === ',') return { start: before - 1, end };
  // The only member: remove it and the whitespace around it on its line.
  return { start, end };
}

/** The style for inserting a property into an object literal spanning [open, close]. */
export function insertStyle(
  text: string,
  openBrace: number,
  firstMemberStart: number | undefined,
  keyQuote: InsertStyle['keyQuote'],
): InsertStyle {
  if (firstMemberStart === undefined) {
    return { keyQuote, separator: ' ', needsComma: false };
  }
  const between = text.slice(openBrace + 1, firstMemberStart);
  const newline = between.lastIndexOf('\n');
  if (newline < 0) return { keyQuote, separator: ' ', needsComma: true };
  // The object's own line ending (not a scan of the whole document: this runs once per object).
  const eol = between[newline - 1] === '\r' ? '\r\n' : '\n';
  return { keyQuote, separator: eol + between.slice(newline + 1), needsComma: true };
}
