// JSON text → engine Values with exact spans (jsonc-parser). Used for JSON request files and for the
// JSON bodies embedded in curl commands, .http files and Postman collections.

import { printParseErrorCode, visit, type JSONVisitor, type ParseError } from 'jsonc-parser';
import type { ArrayValue, ObjectValue, Property, Span, Value } from '../types.js';
import { NestedTooDeeply } from './nesting.js';
import { insertStyle, removalSpan } from './spans.js';

export interface JsonParse {
  /** The root value, when the text parsed far enough to have one. */
  value?: Value;
  errors: Array<{ message: string; span: Span }>;
}

export interface JsonParseOptions {
  /** Added to every offset: the position of the parsed text inside the document. */
  baseOffset?: number;
  /** Whether comments are errors (strict JSON bodies) or allowed (JSONC files). */
  allowComments?: boolean;
  /** Whether trailing commas are errors. */
  allowTrailingComma?: boolean;
}

/** Deeper than this the JSON is not a request body; the tree is not walked (no stack overflow). */
const MAX_DEPTH = 64;

export function parseJsonValue(source: string, options: JsonParseOptions = {}): JsonParse {
  // A byte-order mark is not JSON: read it as a space, so every offset stays where it is.
  const text = source.charCodeAt(0) === 0xfeff ? ' ' + source.slice(1) : source;
  const base = options.baseOffset ?? 0;
  return readWellFormed(text, new ValueBuilder(text, base), options.allowComments !== false) ?? parseWithVisitor(text, base, options);
}

/**
 * jsonc-parser's reading of `text` (the BOM already replaced): every document, well-formed or not,
 * with its errors. Exported for the test that holds the well-formed fast path to it.
 */
export function parseWithVisitor(text: string, base: number, options: JsonParseOptions): JsonParse {
  const builder = new ValueBuilder(text, base);
  try {
    visit(text, builder.visitor, {
      disallowComments: options.allowComments === false,
      allowTrailingComma: options.allowTrailingComma ?? false,
      allowEmptyContent: true,
    });
  } catch (error) {
    // jsonc-parser recurses per nesting level: pathologically deep documents exhaust the stack.
    if (error instanceof RangeError) throw new NestedTooDeeply();
    throw error;
  }
  return builder.value ? { value: builder.value, errors: builder.errors } : { errors: builder.errors };
}

/** An object, array or property being read: what its Value needs when it ends. */
interface OpenObject {
  type: 'object';
  offset: number;
  depth: number;
  properties: Property[];
  hasUnknownKeys: boolean;
  /** Where the last property ends (jsonc-parser's property extent, past a missing value's comma or brace). */
  lastMemberEnd: number | undefined;
}
interface OpenArray {
  type: 'array';
  offset: number;
  depth: number;
  elements: Value[];
}
interface OpenProperty {
  type: 'property';
  key: string;
  keyOffset: number;
  keyLength: number;
  value: Value | undefined;
}
type Open = OpenObject | OpenArray | OpenProperty;

/**
 * Values built straight from jsonc-parser's events, with the extents its `parseTree` gives each node
 * (a property missing its value ends where jsonc-parser ends it: at the next comma or the closing
 * brace), without building that tree first. Containers nested deeper than MAX_DEPTH become unknown
 * values, and what is inside them is not read.
 */
class ValueBuilder {
  value: Value | undefined;
  readonly errors: JsonParse['errors'] = [];
  private readonly stack: Open[] = [];
  /** How many containers deep inside one that is too deep (0: reading). */
  private skipped = 0;
  private skippedOffset = 0;
  readonly visitor: JSONVisitor;

  constructor(
    private readonly text: string,
    private readonly base: number,
  ) {
    this.visitor = {
      onObjectBegin: (offset) => this.begin('object', offset),
      onArrayBegin: (offset) => this.begin('array', offset),
      onObjectEnd: (offset, length) => this.end(offset + length),
      onArrayEnd: (offset, length) => this.end(offset + length),
      onObjectProperty: (key, offset, length) => this.property(key, offset, length),
      onLiteralValue: (value: unknown, offset, length) => this.literalValue(value, offset, length),
      onSeparator: (separator, offset) => {
        if (this.skipped === 0 && separator === ',' && this.top()?.type === 'property') this.completeProperty(offset);
      },
      onError: (error, offset, length) => {
        this.errors.push({
          message: describeError({ error, offset, length }, text),
          // An error at the end of the text (an unclosed brace) has no character to sit on: it ends at the end.
          span: { start: this.base + offset, end: this.base + Math.min(offset + Math.max(length, 1), text.length) },
        });
      },
    };
  }

  private top(): Open | undefined {
    return this.stack[this.stack.length - 1];
  }

  /** jsonc-parser counts an unterminated comment (`[/*` to the end) past the end of the text: cut there. */
  private clamp(offset: number, length: number): number {
    return Math.max(0, Math.min(length, this.text.length - offset));
  }

  private depth(): number {
    const top = this.top();
    if (!top) return 0;
    // A property's value is one deeper than its object.
    const container = top.type === 'property' ? this.stack[this.stack.length - 2] : top;
    return (container as OpenObject | OpenArray).depth + 1;
  }

  /** A key (its text without quotes, unescaped) at [offset, offset + length) of the text, quotes included. */
  property(key: string, offset: number, length: number): void {
    if (this.skipped > 0) return;
    this.stack.push({ type: 'property', key, keyOffset: offset, keyLength: length, value: undefined });
  }

  /** A string, number, boolean or null at [offset, offset + length) of the text. */
  literalValue(value: unknown, offset: number, length: number): void {
    if (this.skipped > 0) return;
    this.add(this.literal(value, offset, length));
  }

  /** The `{` or `[` at `offset` opens a container. */
  begin(type: 'object' | 'array', offset: number): void {
    if (this.skipped > 0) {
      this.skipped++;
      return;
    }
    const depth = this.depth();
    if (depth >= MAX_DEPTH) {
      this.skipped = 1;
      this.skippedOffset = offset;
      return;
    }
    this.stack.push(
      type === 'object'
        ? { type, offset, depth, properties: [], hasUnknownKeys: false, lastMemberEnd: undefined }
        : { type, offset, depth, elements: [] },
    );
  }

  /** The open container ends at `endOffset` (just past its `}` or `]`). */
  end(endOffset: number): void {
    if (this.skipped > 0) {
      if (--this.skipped === 0) this.add({ kind: 'unknown', span: this.span(this.skippedOffset, endOffset) });
      return;
    }
    // A property missing its value ends with its object.
    if (this.top()?.type === 'property') this.completeProperty(endOffset);
    const open = this.stack.pop() as OpenObject | OpenArray;
    const span = this.span(open.offset, endOffset);
    this.add(open.type === 'array' ? arrayOf(span, open.elements) : this.object(open, span));
  }

  /** A finished value, for the property, array or root it belongs to. */
  private add(value: Value): void {
    const top = this.top();
    if (!top) this.value ??= value;
    else if (top.type === 'array') top.elements.push(value);
    else if (top.type === 'property') {
      top.value = value;
      this.completeProperty(value.span.end - this.base);
    }
  }

  private completeProperty(endOffset: number): void {
    const property = this.stack.pop() as OpenProperty;
    const object = this.top() as OpenObject;
    object.lastMemberEnd = property.keyOffset + this.clamp(property.keyOffset, endOffset - property.keyOffset);
    if (!property.value) object.hasUnknownKeys = true;
    object.properties.push(this.propertyOf(property.key, property.keyOffset, property.keyLength, property.value));
  }

  /** The property of `key` (at [keyOffset, keyOffset + keyLength), quotes included) and its value, if it has one. */
  propertyOf(key: string, keyOffset: number, keyLength: number, value: Value | undefined): Property {
    const length = this.clamp(keyOffset, keyLength);
    const keySpan = this.span(keyOffset, keyOffset + length);
    const end = value ? value.span.end - this.base : keyOffset + length;
    const removal = removalSpan(this.text, keyOffset, end);
    return {
      key,
      keySpan,
      value: value ?? { kind: 'unknown', span: { start: keySpan.end, end: keySpan.end } },
      span: { start: this.base + keyOffset, end: this.base + end },
      removeSpan: this.base === 0 ? removal : { start: this.base + removal.start, end: this.base + removal.end },
    };
  }

  private object(open: OpenObject, span: Span): ObjectValue {
    return this.objectOf(open.offset, span, open.properties, open.hasUnknownKeys, open.lastMemberEnd);
  }

  /** The object whose `{` is at `offset`; `lastMemberEnd` is where its last property ends (jsonc-parser's extent). */
  objectOf(offset: number, span: Span, properties: Property[], hasUnknownKeys: boolean, lastMemberEnd: number | undefined): ObjectValue {
    const base = this.base;
    const first = properties[0];
    return {
      kind: 'object',
      span,
      properties,
      hasUnknownKeys,
      openBrace: { start: base + offset, end: base + offset + 1 },
      insertAt: base + (lastMemberEnd ?? offset + 1),
      style: insertStyle(this.text, offset, first && first.span.start - base, '"'),
    };
  }

  /** A string, number, boolean or null at [offset, offset + length) of the text. */
  literal(value: unknown, offset: number, length: number): Value {
    const span = this.span(offset, offset + length);
    switch (typeof value) {
      case 'string':
        return { kind: 'string', value, span, inner: { start: span.start + 1, end: span.end - 1 }, quote: '"' };
      case 'number':
        return { kind: 'number', value, raw: this.text.slice(offset, span.end - this.base), span };
      case 'boolean':
        return { kind: 'boolean', value, span };
      default:
        return { kind: 'null', span };
    }
  }

  /** The document span of [start, end) of the parsed text, cut at its end. */
  span(start: number, end: number): Span {
    return { start: this.base + start, end: this.base + start + this.clamp(start, end - start) };
  }
}

/** The character codes the fast path reads. */
const Char = {
  Tab: 0x09,
  LineFeed: 0x0a,
  CarriageReturn: 0x0d,
  Space: 0x20,
  Quote: 0x22,
  Plus: 0x2b,
  Comma: 0x2c,
  Minus: 0x2d,
  Dot: 0x2e,
  Slash: 0x2f,
  Zero: 0x30,
  Nine: 0x39,
  Colon: 0x3a,
  Star: 0x2a,
  OpenBracket: 0x5b,
  Backslash: 0x5c,
  CloseBracket: 0x5d,
  OpenBrace: 0x7b,
  CloseBrace: 0x7d,
  LineSeparator: 0x2028,
  ParagraphSeparator: 0x2029,
} as const;

/**
 * Read a well-formed document (strict JSON, plus comments when `comments`) by character codes,
 * building its Values with `builder`'s own parts (the extents jsonc-parser's visitor would give them,
 * so the Values are the same), without the builder's stack of open containers. At the first thing that is not plainly well-formed (a syntax
 * error, a trailing comma, a space character other than space, tab and line breaks, an unterminated
 * comment, nesting as deep as MAX_DEPTH) it gives up and returns undefined, and jsonc-parser reads the whole text again,
 * with its errors: broken documents keep jsonc-parser's exact reading.
 *
 * Written by hand because no library gives both: jsonc-parser's scanner and visitor, which track
 * lines and build token values for every event, cost most of a request file's analysis (as much as
 * the JSON language service's parse and schema validation together), and `JSON.parse`, as fast as
 * it is, gives no positions. String contents with escapes are decoded by `JSON.parse` itself.
 */
function readWellFormed(text: string, builder: ValueBuilder, comments: boolean): JsonParse | undefined {
  const length = text.length;
  let pos = 0;

  /** Skip spaces, line breaks and comments; false on a comment not allowed or not closed. */
  function skipTrivia(): boolean {
    while (pos < length) {
      const c = text.charCodeAt(pos);
      if (c === Char.Space || c === Char.LineFeed || c === Char.CarriageReturn || c === Char.Tab) pos++;
      else if (c === Char.Slash) {
        if (!comments) return false;
        const next = text.charCodeAt(pos + 1);
        if (next === Char.Slash) {
          pos += 2;
          while (pos < length) {
            const d = text.charCodeAt(pos);
            if (d === Char.LineFeed || d === Char.CarriageReturn || d === Char.LineSeparator || d === Char.ParagraphSeparator) break;
            pos++;
          }
        } else if (next === Char.Star) {
          const close = text.indexOf('*/', pos + 2);
          if (close < 0) return false;
          pos = close + 2;
        } else return false;
      } else return true;
    }
    return true;
  }

  /** The end of the string token starting at `pos` (a quote), or -1; its value in `stringValue`. */
  let stringValue = '';
  function readString(): number {
    let end = pos + 1;
    let escaped = false;
    for (;;) {
      if (end >= length) return -1;
      const c = text.charCodeAt(end);
      if (c === Char.Quote) break;
      if (c < Char.Space) return -1;
      if (c === Char.Backslash) {
        escaped = true;
        end++;
      }
      end++;
    }
    end++;
    if (!escaped) stringValue = text.slice(pos + 1, end - 1);
    else {
      try {
        stringValue = JSON.parse(text.slice(pos, end)) as string;
      } catch {
        return -1; // an escape JSON does not know: jsonc-parser reports it
      }
    }
    return end;
  }

  /** After a number or a keyword: what jsonc-parser would also end the token at. */
  function delimited(at: number): boolean {
    if (at >= length) return true;
    const c = text.charCodeAt(at);
    return c === Char.Space || c === Char.LineFeed || c === Char.CarriageReturn || c === Char.Tab || c === Char.Comma || c === Char.CloseBrace || c === Char.CloseBracket || c === Char.Slash;
  }

  function digits(at: number): number {
    while (at < length) {
      const c = text.charCodeAt(at);
      if (c < Char.Zero || c > Char.Nine) break;
      at++;
    }
    return at;
  }

  /** The end of the number token at `pos` (JSON's grammar), or -1. */
  function numberEnd(): number {
    let at = pos;
    if (text.charCodeAt(at) === Char.Minus) at++;
    const first = text.charCodeAt(at);
    if (first === Char.Zero) at++;
    else if (first > Char.Zero && first <= Char.Nine) at = digits(at + 1);
    else return -1;
    if (text.charCodeAt(at) === Char.Dot) {
      const fraction = digits(at + 1);
      if (fraction === at + 1) return -1;
      at = fraction;
    }
    const e = text.charCodeAt(at);
    if (e === 0x65 || e === 0x45) {
      at++;
      const sign = text.charCodeAt(at);
      if (sign === Char.Plus || sign === Char.Minus) at++;
      const exponent = digits(at);
      if (exponent === at) return -1;
      at = exponent;
    }
    return delimited(at) ? at : -1;
  }

  function keyword(word: string): boolean {
    return text.startsWith(word, pos) && delimited(pos + word.length);
  }

  /** The value at `pos` (after trivia), or undefined to give up. */
  function value(depth: number): Value | undefined {
    if (!skipTrivia() || pos >= length) return undefined;
    const start = pos;
    const c = text.charCodeAt(pos);
    if (c === Char.OpenBrace) return depth < MAX_DEPTH ? object(depth) : undefined;
    if (c === Char.OpenBracket) return depth < MAX_DEPTH ? array(depth) : undefined;
    if (c === Char.Quote) {
      const end = readString();
      if (end < 0) return undefined;
      pos = end;
      return builder.literal(stringValue, start, end - start);
    }
    if (c === Char.Minus || (c >= Char.Zero && c <= Char.Nine)) {
      const end = numberEnd();
      if (end < 0) return undefined;
      pos = end;
      return builder.literal(Number(text.slice(start, end)), start, end - start);
    }
    for (const [word, literal] of KEYWORDS) {
      if (keyword(word)) {
        pos += word.length;
        return builder.literal(literal, start, word.length);
      }
    }
    return undefined;
  }

  /** After an item of a container: true past a comma before the next item, false at `close`, undefined to give up. */
  function another(close: number): boolean | undefined {
    if (!skipTrivia()) return undefined;
    const next = text.charCodeAt(pos);
    if (next === close) return false;
    if (next !== Char.Comma) return undefined;
    pos++;
    return skipTrivia() ? true : undefined;
  }

  function object(depth: number): ObjectValue | undefined {
    const open = pos++;
    const properties: Property[] = [];
    let lastMemberEnd: number | undefined;
    if (!skipTrivia()) return undefined;
    let more = text.charCodeAt(pos) !== Char.CloseBrace;
    while (more) {
      if (text.charCodeAt(pos) !== Char.Quote) return undefined;
      const keyOffset = pos;
      const keyEnd = readString();
      if (keyEnd < 0) return undefined;
      const key = stringValue;
      pos = keyEnd;
      if (!skipTrivia() || text.charCodeAt(pos) !== Char.Colon) return undefined;
      pos++;
      const member = value(depth + 1);
      if (!member) return undefined;
      properties.push(builder.propertyOf(key, keyOffset, keyEnd - keyOffset, member));
      lastMemberEnd = pos;
      const next = another(Char.CloseBrace);
      if (next === undefined) return undefined;
      more = next;
    }
    pos++;
    return builder.objectOf(open, builder.span(open, pos), properties, false, lastMemberEnd);
  }

  function array(depth: number): ArrayValue | undefined {
    const open = pos++;
    const elements: Value[] = [];
    if (!skipTrivia()) return undefined;
    let more = text.charCodeAt(pos) !== Char.CloseBracket;
    while (more) {
      const element = value(depth + 1);
      if (!element) return undefined;
      elements.push(element);
      const next = another(Char.CloseBracket);
      if (next === undefined) return undefined;
      more = next;
    }
    pos++;
    return arrayOf(builder.span(open, pos), elements);
  }

  if (!skipTrivia()) return undefined;
  if (pos === length) return { errors: [] }; // empty content: no value, no error
  const root = value(0);
  return root && skipTrivia() && pos === length ? { value: root, errors: [] } : undefined;
}

const KEYWORDS: ReadonlyArray<readonly [string, boolean | null]> = [
  ['true', true],
  ['false', false],
  ['null', null],
];

function arrayOf(span: Span, elements: Value[]): ArrayValue {
  return { kind: 'array', span, elements, hasUnknownElements: false };
}

function describeError(error: ParseError, text: string): string {
  const code = printParseErrorCode(error.error);
  const found = text.slice(error.offset, error.offset + Math.max(error.length, 1));
  const readable = code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return found.trim() ? `${readable} at '${found.slice(0, 20)}'` : readable;
}
