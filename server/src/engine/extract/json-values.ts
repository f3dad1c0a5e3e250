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
  const fast = new ValueBuilder(text, base);
  if (readWellFormed(text, fast, options.allowComments !== false)) return fast.value ? { value: fast.value, errors: [] } : { errors: [] };
  return parseWithVisitor(text, base, options);
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
    this.add(open.type === 'array' ? array(open, span) : this.object(open, span));
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
    const keyLength = this.clamp(property.keyOffset, property.keyLength);
    const keySpan = this.span(property.keyOffset, property.keyOffset + keyLength);
    object.lastMemberEnd = property.keyOffset + this.clamp(property.keyOffset, endOffset - property.keyOffset);
    if (!property.value) object.hasUnknownKeys = true;
    const value: Value = property.value ?? { kind: 'unknown', span: { start: keySpan.end, end: keySpan.end } };
    const end = property.value ? property.value.span.end - this.base : property.keyOffset + keyLength;
    const removal = removalSpan(this.text, property.keyOffset, end);
    object.properties.push({
      key: property.key,
      keySpan,
      value,
      span: { start: this.base + property.keyOffset, end: this.base + end },
      removeSpan: { start: this.base + removal.start, end: this.base + removal.end },
    });
  }

  private object(open: OpenObject, span: Span): ObjectValue {
    const base = this.base;
    const first = open.properties[0];
    return {
      kind: 'object',
      span,
      properties: open.properties,
      hasUnknownKeys: open.hasUnknownKeys,
      openBrace: { start: base + open.offset, end: base + open.offset + 1 },
      insertAt: base + (open.lastMemberEnd ?? open.offset + 1),
      style: insertStyle(this.text, open.offset, first && first.span.start - base, '"'),
    };
  }

  private literal(value: unknown, offset: number, length: number): Value {
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
  private span(start: number, end: number): Span {
    return { start: this.base + start, end: this.base + start + this.clamp(start, end - start) };
  }
}

const enum Char {
  Tab = 0x09,
  LineFeed = 0x0a,
  CarriageReturn = 0x0d,
  Space = 0x20,
  Quote = 0x22,
  Plus = 0x2b,
  Comma = 0x2c,
  Minus = 0x2d,
  Dot = 0x2e,
  Slash = 0x2f,
  Zero = 0x30,
  Nine = 0x39,
  Colon = 0x3a,
  Star = 0x2a,
  OpenBracket = 0x5b,
  Backslash = 0x5c,
  CloseBracket = 0x5d,
  OpenBrace = 0x7b,
  CloseBrace = 0x7d,
  LineSeparator = 0x2028,
  ParagraphSeparator = 0x2029,
}

/** Nesting the fast path reads before it leaves the document to jsonc-parser (MAX_DEPTH and beyond). */
const FAST_DEPTH = 200;

/**
 * Read a well-formed document (strict JSON, plus comments when `comments`) by character codes,
 * handing `builder` the events jsonc-parser's visitor would hand it, in the same order with the same
 * offsets, so the Values are the same. At the first thing that is not plainly well-formed (a syntax
 * error, a trailing comma, a space character other than space, tab and line breaks, an unterminated
 * comment, deep nesting) it gives up and returns false, and jsonc-parser reads the whole text again,
 * with its errors: broken documents keep jsonc-parser's exact reading.
 *
 * Written by hand because no library gives both: jsonc-parser's scanner and visitor, which track
 * lines and build token values for every event, cost most of a request file's analysis (as much as
 * the JSON language service's parse and schema validation together), and `JSON.parse`, as fast as
 * it is, gives no positions. String contents with escapes are decoded by `JSON.parse` itself.
 */
function readWellFormed(text: string, builder: ValueBuilder, comments: boolean): boolean {
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

  function value(depth: number): boolean {
    if (!skipTrivia() || pos >= length) return false;
    const c = text.charCodeAt(pos);
    if (c === Char.OpenBrace) return depth < FAST_DEPTH && container('object', Char.CloseBrace, depth, member);
    if (c === Char.OpenBracket) return depth < FAST_DEPTH && container('array', Char.CloseBracket, depth, value);
    if (c === Char.Quote) {
      const end = readString();
      if (end < 0) return false;
      builder.literalValue(stringValue, pos, end - pos);
      pos = end;
      return true;
    }
    if (c === Char.Minus || (c >= Char.Zero && c <= Char.Nine)) {
      const end = numberEnd();
      if (end < 0) return false;
      builder.literalValue(Number(text.slice(pos, end)), pos, end - pos);
      pos = end;
      return true;
    }
    for (const [word, literal] of KEYWORDS) {
      if (keyword(word)) {
        builder.literalValue(literal, pos, word.length);
        pos += word.length;
        return true;
      }
    }
    return false;
  }

  /** An object member: a key, a colon and a value. */
  function member(depth: number): boolean {
    if (text.charCodeAt(pos) !== Char.Quote) return false;
    const end = readString();
    if (end < 0) return false;
    builder.property(stringValue, pos, end - pos);
    pos = end;
    if (!skipTrivia() || text.charCodeAt(pos) !== Char.Colon) return false;
    pos++;
    return value(depth);
  }

  /** The object or array at `pos`: its items (members or values) separated by commas, to `close`. */
  function container(type: 'object' | 'array', close: Char, depth: number, item: (depth: number) => boolean): boolean {
    builder.begin(type, pos++);
    if (!skipTrivia()) return false;
    if (text.charCodeAt(pos) !== close) {
      for (;;) {
        if (!skipTrivia() || !item(depth + 1) || !skipTrivia()) return false;
        const next = text.charCodeAt(pos);
        if (next === close) break;
        if (next !== Char.Comma) return false;
        pos++;
      }
    }
    builder.end(++pos);
    return true;
  }

  if (!skipTrivia()) return false;
  if (pos === length) return true; // empty content: no value, no error
  return value(0) && skipTrivia() && pos === length;
}

const KEYWORDS: ReadonlyArray<readonly [string, boolean | null]> = [
  ['true', true],
  ['false', false],
  ['null', null],
];

function array(open: OpenArray, span: Span): ArrayValue {
  return { kind: 'array', span, elements: open.elements, hasUnknownElements: false };
}

function describeError(error: ParseError, text: string): string {
  const code = printParseErrorCode(error.error);
  const found = text.slice(error.offset, error.offset + Math.max(error.length, 1));
  const readable = code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return found.trim() ? `${readable} at \`${found.slice(0, 20)}\`` : readable;
}
