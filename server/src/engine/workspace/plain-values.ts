// Values that cross modules: an exported constant's (or a body builder's) `Value` as plain data in
// its module's summary (no spans: they belong to the module that wrote it), and that data read back
// as a `Value` at the importer's expression (`DEFAULT_SIZE`, `LEONARDO_MODELS.phoenix`,
// `buildGenerationBody(prompt)`). Every span of the value read back is that expression: a finding
// on it lands where the importer uses the value, and `analyze` relates it to the other module and
// drops any fix that would edit it (the literal is not in this document).

import type { Related, Span, Value } from '../types.js';
import type { PlainValue } from './types.js';

/** A value with more nodes than this is not kept in a summary (summaries stay small). */
const MAX_NODES = 200;

/** The plain data of a value, or undefined when nothing of it is known or it is too large to keep. */
export function toPlain(value: Value): PlainValue | undefined {
  const budget = { left: MAX_NODES };
  const plain = convert(value, budget);
  return plain && budget.left >= 0 && plain.kind !== 'unknown' ? plain : undefined;
}

function convert(value: Value, budget: { left: number }): PlainValue | undefined {
  if (--budget.left < 0) return undefined;
  switch (value.kind) {
    case 'string':
      return { kind: 'string', value: value.value };
    case 'number':
      return { kind: 'number', value: value.value, raw: value.raw };
    case 'boolean':
      return { kind: 'boolean', value: value.value };
    case 'null':
      return { kind: 'null' };
    case 'unknown':
      return value.text === undefined ? { kind: 'unknown' } : { kind: 'unknown', text: value.text };
    case 'foreign':
      return { kind: 'foreign', what: value.what };
    case 'object': {
      const properties: Array<{ key: string; value: PlainValue; conditional?: boolean }> = [];
      for (const property of value.properties) {
        const inner = convert(property.value, budget);
        if (!inner) return undefined;
        properties.push({ key: property.key, value: inner, ...(property.conditional ? { conditional: true } : {}) });
      }
      return { kind: 'object', properties, hasUnknownKeys: value.hasUnknownKeys };
    }
    case 'array': {
      const elements = convertAll(value.elements, budget);
      return elements && { kind: 'array', elements, hasUnknownElements: value.hasUnknownElements };
    }
    case 'alternatives': {
      const options = convertAll(value.options, budget);
      return options && { kind: 'alternatives', options };
    }
  }
}

function convertAll(values: readonly Value[], budget: { left: number }): PlainValue[] | undefined {
  const out: PlainValue[] = [];
  for (const value of values) {
    const inner = convert(value, budget);
    if (!inner) return undefined;
    out.push(inner);
  }
  return out;
}

/** A place in the analysed document where a value of another module is read, and that module's place. */
export interface ImportedSpan {
  span: Span;
  related: Related;
}

/** Plain data read back as a `Value` whose every span is `span` (the importer's expression). */
export function fromPlain(plain: PlainValue, span: Span): Value {
  switch (plain.kind) {
    case 'string':
      // The text is not written here: `inner` is the expression, and no edit may target it.
      return { kind: 'string', value: plain.value, span, inner: span, quote: '"' };
    case 'number':
      return { kind: 'number', value: plain.value, raw: plain.raw, span };
    case 'boolean':
      return { kind: 'boolean', value: plain.value, span };
    case 'null':
      return { kind: 'null', span };
    case 'unknown':
      return plain.text === undefined ? { kind: 'unknown', span } : { kind: 'unknown', span, text: plain.text };
    case 'foreign':
      return { kind: 'foreign', what: plain.what, span };
    case 'object':
      return {
        kind: 'object',
        span,
        properties: plain.properties.map((p) => ({
          key: p.key,
          keySpan: span,
          value: fromPlain(p.value, span),
          span,
          removeSpan: span,
          // Not written in the literal that spreads it: no edit of that literal's braces applies, and it is no duplicate there.
          assigned: true,
          ...(p.conditional ? { conditional: true } : {}),
        })),
        hasUnknownKeys: plain.hasUnknownKeys,
        openBrace: span,
        insertAt: span.start,
        style: { keyQuote: '', separator: ' ', needsComma: plain.properties.length > 0 },
      };
    case 'array':
      return { kind: 'array', span, elements: plain.elements.map((e) => fromPlain(e, span)), hasUnknownElements: plain.hasUnknownElements };
    case 'alternatives':
      return { kind: 'alternatives', span, options: plain.options.map((o) => fromPlain(o, span)) };
  }
}

/** Whether an edit would change text inside an imported span (or insert at its start, where an imported object's insertions go). */
export function editsImported(edit: { start: number; end: number }, spans: Iterable<ImportedSpan>): boolean {
  for (const { span } of spans) {
    if (edit.start < span.end && edit.end > span.start) return true;
    if (edit.start === edit.end && edit.start === span.start) return true;
  }
  return false;
}
