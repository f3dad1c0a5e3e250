// Building the text edits of quick fixes, the same way for every source kind: the edits keep a JSON
// document JSON (double quotes) and a JS/TS literal in its own quote style. Spans come from the
// extractors, so a value that came through a `const` declaration is edited where it is declared, and
// an assigned property (`body.x = ...`) is edited at that assignment.

import type { Fix, ObjectValue, Property, Span, StringValue, TextEdit, Value } from '../types.js';

/** Replace a whole value with new literal text (`512`, `true`, `"png"`). */
export function replaceValue(value: Value, newLiteral: string): TextEdit {
  return { start: value.span.start, end: value.span.end, newText: newLiteral };
}

/** A string literal in the given quote style, escaped so the document still parses. */
export function stringLiteral(text: string, quote: StringValue['quote'] = '"'): string {
  if (quote === '"') return JSON.stringify(text);
  const escaped = text
    .replace(/\\/g, '\\\\')
    .replace(/\r/g, '\\r')
    .replace(/\n/g, '\\n')
    .replace(quote === "'" ? /'/g : /`|\$\{/g, (m) => `\\${m}`);
  return `${quote}${escaped}${quote}`;
}

/**
 * Replace a value with a string. A string literal keeps its quotes as written (JSON `"`, JS `'` or
 * `` ` ``, a curl body's `\"`): only the text between them changes. Any other value becomes a `"`
 * literal (valid in JSON and in JS).
 */
export function replaceWithString(value: Value, text: string): TextEdit {
  if (value.kind === 'string' && !/["'`\\$\r\n]/.test(text)) {
    return { start: value.inner.start, end: value.inner.end, newText: text };
  }
  return replaceValue(value, stringLiteral(text, value.kind === 'string' ? value.quote : '"'));
}

/** Whether a name can be written as a bare JS property key. */
export function isIdentifierName(name: string): boolean {
  return /^[A-Za-z_$][\w$]*$/.test(name);
}

/**
 * Rename a property's key, keeping the way it is written: a quoted key (`"sd_Version"`,
 * `'sd_Version'`, `body["x"]`, `\"sd_Version\"` in a curl body) keeps its quotes; a bare key stays
 * bare when the new name is an identifier and is quoted otherwise. A shorthand property (`{ numImages }`) becomes
 * `num_images: numImages`, so the variable it reads stays the same.
 */
export function renameKey(property: Property, newName: string): TextEdit {
  const { keySpan, key } = property;
  const quotes = keySpan.end - keySpan.start - key.length;
  // Only a bare key can be shorthand: a quoted key spanning its whole property is a JSON key without a value.
  const shorthand = quotes === 0 && (sameSpan(property.span, keySpan) || sameSpan(property.value.span, keySpan));
  if (shorthand) {
    return { start: keySpan.start, end: keySpan.start, newText: `${keyText(newName)}: ` };
  }
  if (quotes === 0) return { start: keySpan.start, end: keySpan.end, newText: keyText(newName) };
  // Quoted: `"k"`, `'k'`, or `\"k\"` in a shell-quoted curl body. Keep the quotes, replace the name.
  const quote = quotes % 2 === 0 ? quotes / 2 : 1;
  return { start: keySpan.start + quote, end: keySpan.end - quote, newText: newName };
}

/**
 * Whether a key is written as it reads: bare, or between one pair of quotes (`"k"`, `'k'`, `` `k` ``,
 * or `\"k\"` in a shell-quoted body). Only such a key can be renamed in place by `renameKey`: one
 * with escapes in it (`"g\nerated"`), one without its closing quote (`'wi⏎`) or one put together
 * across shell quotes (`}"authorization`) cannot.
 */
export function keyWrittenAsRead(text: string, property: Property): boolean {
  const written = text.slice(property.keySpan.start, property.keySpan.end);
  return written === property.key || ['"', "'", '`', '\\"'].some((q) => written === q + property.key + q);
}

function sameSpan(a: Span, b: Span): boolean {
  return a.start === b.start && a.end === b.end;
}

function keyText(name: string): string {
  return isIdentifierName(name) ? name : JSON.stringify(name);
}

/** Delete a property with its comma (and its line when it stands alone). */
export function removeProperty(property: Property): TextEdit {
  return { start: property.removeSpan.start, end: property.removeSpan.end, newText: '' };
}

/** Add `key: valueText` after the last property of an object, in the object's own layout. */
export function insertProperty(object: ObjectValue, key: string, valueText: string): TextEdit {
  const { keyQuote, separator, needsComma } = object.style;
  const quote = keyQuote === '' && !isIdentifierName(key) ? '"' : keyQuote;
  const keyPart = quote === "'" ? stringLiteral(key, "'") : quote === '"' ? JSON.stringify(key) : key;
  return {
    start: object.insertAt,
    end: object.insertAt,
    newText: `${needsComma ? ',' : ''}${separator}${keyPart}: ${valueText}`,
  };
}

/**
 * One fix per edit. Preferred only when the choices are certain (a case-only or separator-only
 * rename, a lossless conversion: RULES.md "Preferred means certain") and there is exactly one of
 * them. Being the only suggestion does not make a guess certain: a clamp (`guidance_scale` 25 → 20),
 * the nearest allowed value or the nearest name is offered, never applied by `--fix`.
 */
export function choiceFixes(choices: ReadonlyArray<{ title: string; edit: TextEdit }>, certain: boolean): Fix[] {
  const preferred = certain && choices.length === 1;
  return choices.map((c) => ({ title: c.title, edits: [c.edit], preferred }));
}
