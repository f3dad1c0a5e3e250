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
  const builder = new ValueBuilder(text, options.baseOffset ?? 0);
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
      onObjectProperty: (key, offset, length) => {
        if (this.skipped > 0) return;
        this.stack.push({ type: 'property', key, keyOffset: offset, keyLength: length, value: undefined });
      },
      onLiteralValue: (value: unknown, offset, length) => {
        if (this.skipped > 0) return;
        this.add(this.literal(value, offset, length));
      },
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

  private begin(type: 'object' | 'array', offset: number): void {
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

  private end(endOffset: number): void {
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

function array(open: OpenArray, span: Span): ArrayValue {
  return { kind: 'array', span, elements: open.elements, hasUnknownElements: false };
}

function describeError(error: ParseError, text: string): string {
  const code = printParseErrorCode(error.error);
  const found = text.slice(error.offset, error.offset + Math.max(error.length, 1));
  const readable = code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return found.trim() ? `${readable} at '${found.slice(0, 20)}'` : readable;
}
