// A JSON request body written inside something else (a curl argument, an .http file, a string in a
// Postman collection): parsed as strict JSON with the shared JSON extractor, every span mapped back
// into the document, and the parts that come from variables turned into unknown values.

import type { JsonError, ObjectValue, Property, Span, Value } from '../../types.js';
import { parseJsonValue } from '../json-values.js';
import { mapPoint, mapSpan, overlapsUnknown, type MappedText } from './mapped-text.js';

export interface BodyParse {
  /** The body, or an unknown value when it did not parse. */
  value: Value;
  /** What is wrong with the JSON, first error only (the rest are usually its echoes). */
  errors: JsonError[];
}

/**
 * Parse a mapped body. Unknown ranges (`$PROMPT`, `{{count}}`) are replaced by a placeholder of the
 * same length that keeps the JSON valid (letters inside a string, digits elsewhere), and the values
 * they fall in become unknown. A body that does not parse is an unknown value with its first error;
 * when the error may come from a variable outside a string, nothing is reported.
 */
export function parseMappedJson(body: MappedText): BodyParse {
  const { text: filled, unknownOutsideStrings } = fillUnknown(body);
  const whole = mapSpan(body, 0, body.text.length);
  if (filled.trim() === '') return { value: { kind: 'unknown', span: whole }, errors: [] };
  const parsed = parseJsonValue(filled, { allowComments: false, allowTrailingComma: false });
  const first = parsed.errors[0];
  if (first || !parsed.value) {
    const unknown: Value = { kind: 'unknown', span: whole, text: body.text };
    if (!first || unknownOutsideStrings) return { value: unknown, errors: [] };
    const described = describeJsonError(filled, first.span.start, first.span.end, first.message);
    return {
      value: unknown,
      errors: [{ message: described.message, span: mapSpan(body, described.start, described.end), replacement: described.replacement }],
    };
  }
  return { value: remapValue(parsed.value, body), errors: [] };
}

/** The body text with unknown ranges replaced; whether any unknown range sits outside a string. */
function fillUnknown(body: MappedText): { text: string; unknownOutsideStrings: boolean } {
  if (body.unknown.length === 0) return { text: body.text, unknownOutsideStrings: false };
  let out = '';
  let inString = false;
  let outside = false;
  let next = 0;
  for (let i = 0; i < body.text.length; i++) {
    const u = body.unknown[next];
    if (u && i === u.start) {
      out += (inString ? 'x' : '1').repeat(u.end - u.start);
      outside ||= !inString;
      i = u.end - 1;
      next++;
      continue;
    }
    const c = body.text[i];
    if (inString && c === '\\') {
      out += c + (body.text[i + 1] ?? '');
      i++;
      continue;
    }
    if (c === '"') inString = !inString;
    out += c;
  }
  return { text: out, unknownOutsideStrings: outside };
}

// -- Mapping values back into the document ------------------------------------------------------

function remapValue(value: Value, m: MappedText): Value {
  const span = mapSpan(m, value.span.start, value.span.end);
  switch (value.kind) {
    case 'string':
      if (overlapsUnknown(m, value.inner.start, value.inner.end)) return { kind: 'unknown', span, text: originalText(m, value.span) };
      return Object.assign({}, value, { span, inner: mapSpan(m, value.inner.start, value.inner.end) });
    case 'number':
    case 'boolean':
    case 'null':
      if (overlapsUnknown(m, value.span.start, value.span.end)) return { kind: 'unknown', span, text: originalText(m, value.span) };
      return Object.assign({}, value, { span });
    case 'array':
      return Object.assign({}, value, { span, elements: value.elements.map((e) => remapValue(e, m)) });
    case 'object':
      return remapObject(value, m, span);
    default:
      return Object.assign({}, value, { span });
  }
}

function remapObject(value: ObjectValue, m: MappedText, span: Span): ObjectValue {
  const properties: Property[] = [];
  let hasUnknownKeys = value.hasUnknownKeys;
  for (const p of value.properties) {
    if (overlapsUnknown(m, p.keySpan.start, p.keySpan.end)) {
      hasUnknownKeys = true;
      continue;
    }
    properties.push(Object.assign({}, p, {
      keySpan: mapSpan(m, p.keySpan.start, p.keySpan.end),
      value: remapValue(p.value, m),
      span: mapSpan(m, p.span.start, p.span.end),
      removeSpan: mapSpan(m, p.removeSpan.start, p.removeSpan.end),
    }));
  }
  return Object.assign({}, value, {
    span,
    properties,
    hasUnknownKeys,
    openBrace: mapSpan(m, value.openBrace.start, value.openBrace.end),
    insertAt: mapPoint(m, value.insertAt),
  });
}

function originalText(m: MappedText, span: Span): string {
  return m.text.slice(span.start, span.end);
}

// -- Error messages -----------------------------------------------------------------------------

export interface DescribedError {
  message: string;
  /** The exact characters at fault, in the parsed text. */
  start: number;
  end: number;
  /** What those characters certainly should be, when that is certain (`True` -> `true`, a trailing comma -> ``). */
  replacement?: string;
  /**
   * The text was written for another language (Python's literals, JavaScript's `undefined`, single
   * quotes, unquoted keys): a mistake an editor's JSON service reports only as a bare syntax error.
   */
  foreign?: boolean;
}

const PYTHON: Record<string, string> = { True: 'true', False: 'false', None: 'null' };

/**
 * Say what is wrong at a JSON parse error, in the words of the usual mistakes: Python literals,
 * single quotes, trailing commas, unquoted keys, comments. `fallback` is the parser's own message.
 */
export function describeJsonError(text: string, start: number, end: number, fallback: string): DescribedError {
  const word = /^[A-Za-z_$][\w$]*/.exec(text.slice(start))?.[0];
  if (word && Object.hasOwn(PYTHON, word)) {
    return { message: `'${word}' is Python, not JSON: write '${PYTHON[word]}'`, start, end: start + word.length, replacement: PYTHON[word], foreign: true };
  }
  if (word === 'undefined' || word === 'NaN' || word === 'Infinity') {
    return { message: `'${word}' is not a JSON value: write a number, a string or 'null'`, start, end: start + word.length, foreign: true };
  }
  const c = text[start];
  if (c === "'") {
    const close = text.indexOf("'", start + 1);
    const closed = close > start && !text.slice(start, close).includes('\n');
    const stop = closed ? close + 1 : start + 1;
    // Requoted with certainty only when nothing inside needs an escape in double quotes (no `"`, no `\`)
    // and the closing quote ends the string (`'it's'` is not `"it"` followed by `s'`).
    const inner = closed ? text.slice(start + 1, close) : undefined;
    const ends = closed && /^\s*(?:[:,}\]]|$)/.test(text.slice(close + 1));
    const replacement = inner !== undefined && ends && !/["\\]/.test(inner) ? `"${inner}"` : undefined;
    return { message: 'single quotes: JSON strings and keys take double quotes', start, end: stop, replacement, foreign: true };
  }
  if (c === '/' && (text[start + 1] === '/' || text[start + 1] === '*')) {
    return { message: 'a comment: JSON has no comments', start, end };
  }
  if (c === '}' || c === ']') {
    const comma = previousNonBlank(text, start);
    if (text[comma] === ',') {
      return {
        message: `a trailing comma before '${c}': JSON allows no comma after the last ${c === '}' ? 'property' : 'element'}`,
        start: comma,
        end: comma + 1,
        replacement: '',
      };
    }
    return { message: `a value is missing before '${c}'`, start, end: start + 1 };
  }
  if (word) {
    const before = text[previousNonBlank(text, start)];
    const after = text.slice(start + word.length).trimStart()[0];
    if ((before === '{' || before === ',') && after === ':') {
      return { message: `the key '${word}' is not quoted: JSON keys take double quotes ("${word}")`, start, end: start + word.length, replacement: `"${word}"`, foreign: true };
    }
    return { message: `'${word}' is not a JSON value (strings take double quotes)`, start, end: start + word.length };
  }
  if (/comma expected/.test(fallback)) {
    return { message: 'a comma is missing before this', start, end };
  }
  if (/close (?:brace|bracket) expected|end of string/.test(fallback)) {
    return { message: `the JSON ends early: ${fallback.replace(/ at '.*$/, '')}`, start, end };
  }
  if (/end of file expected/.test(fallback)) {
    return { message: 'text after the end of the JSON value (only one value may be sent)', start, end };
  }
  if (/invalid character/.test(fallback)) {
    return { message: "a raw control character (tab or line break) inside a string: write it as '\\t' or '\\n'", start, end };
  }
  return { message: fallback, start, end };
}

function previousNonBlank(text: string, before: number): number {
  let i = before - 1;
  while (i >= 0 && /\s/.test(text[i])) i--;
  return i;
}
