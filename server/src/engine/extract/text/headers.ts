// Request headers of the text-based sources as the ObjectValue of RequestSite.headers: key = the
// header name as written, value = a StringValue of the header value with its exact span (an unknown
// value when it holds a variable; its text is the value as written, e.g. `Bearer $LEONARDO_API_KEY`).

import type { ObjectValue, Property, Span, StringValue, Value } from '../../types.js';
import { mapSpan, overlapsUnknown, type MappedText } from './mapped-text.js';

export interface HeaderLine {
  /** The text holding `name: value` (a curl -H argument, an .http line). */
  text: MappedText;
  /** Where `name: value` starts in `text`. */
  start: number;
  /** How to delete the whole header (option, line). */
  removeSpan: Span;
  /** The quote of the surrounding literal, for edits that write a new value. */
  quote: StringValue['quote'];
}

/** The property for a `name: value` header line; `unknownName` when the name is a variable; undefined for other text. */
export function headerProperty(line: HeaderLine): Property | 'unknownName' | undefined {
  const text = line.text.text;
  const colon = text.indexOf(':', line.start);
  if (colon < 0) return overlapsUnknown(line.text, line.start, text.length) ? 'unknownName' : undefined;
  let nameStart = line.start;
  while (/\s/.test(text[nameStart] ?? '') && nameStart < colon) nameStart++;
  let nameEnd = colon;
  while (nameEnd > nameStart && /\s/.test(text[nameEnd - 1])) nameEnd--;
  if (nameEnd === nameStart) return undefined;
  if (overlapsUnknown(line.text, nameStart, nameEnd)) return 'unknownName';
  let valueStart = colon + 1;
  while (valueStart < text.length && /[ \t]/.test(text[valueStart])) valueStart++;
  let valueEnd = text.length;
  while (valueEnd > valueStart && /\s/.test(text[valueEnd - 1])) valueEnd--;
  const valueSpan = mapSpan(line.text, valueStart, valueEnd);
  const raw = text.slice(valueStart, valueEnd);
  const value: Value = overlapsUnknown(line.text, valueStart, valueEnd)
    ? { kind: 'unknown', span: valueSpan, text: raw }
    : { kind: 'string', value: raw, span: valueSpan, inner: valueSpan, quote: line.quote };
  const keySpan = mapSpan(line.text, nameStart, nameEnd);
  return {
    key: text.slice(nameStart, nameEnd),
    keySpan,
    value,
    span: { start: keySpan.start, end: Math.max(keySpan.end, valueSpan.end) },
    removeSpan: line.removeSpan,
  };
}

/**
 * The header map. `anchor` is where a new header would go (after the last header, or after the
 * request line / URL) and what `openBrace` points at when there are no headers.
 */
export function headerObject(properties: Property[], anchor: Span, hasUnknownKeys: boolean): ObjectValue {
  const first = properties[0];
  const last = properties[properties.length - 1];
  return {
    kind: 'object',
    span: first && last ? { start: first.removeSpan.start, end: last.removeSpan.end } : anchor,
    properties,
    hasUnknownKeys,
    openBrace: anchor,
    insertAt: anchor.end,
    style: { keyQuote: '', separator: ' ', needsComma: false },
  };
}
