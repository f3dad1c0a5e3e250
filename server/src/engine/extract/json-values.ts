// JSON text → engine Values with exact spans (jsonc-parser). Used for JSON request files and for the
// JSON bodies embedded in curl commands, .http files and Postman collections.

import { parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import type { ArrayValue, ObjectValue, Property, Span, Value } from '../types.js';
import { NestedTooDeeply } from './nesting.js';
import { insertStyle, removalSpan } from './spans.js';
import { appendAll } from '../arrays.js';

export interface JsonParse {
  /** The root value, when the text parsed far enough to have one. */
  value?: Value;
  /** The jsonc-parser tree (offsets relative to the parsed text, not shifted). */
  root?: Node;
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
  const base = options.baseOffset ?? 0;
  // A byte-order mark is not JSON: read it as a space, so every offset stays where it is.
  const text = source.charCodeAt(0) === 0xfeff ? ' ' + source.slice(1) : source;
  const parseErrors: ParseError[] = [];
  let root: Node | undefined;
  try {
    root = parseTree(text, parseErrors, {
      disallowComments: options.allowComments === false,
      allowTrailingComma: options.allowTrailingComma ?? false,
      allowEmptyContent: true,
    });
  } catch (error) {
    // jsonc-parser recurses per nesting level: pathologically deep documents exhaust the stack.
    if (error instanceof RangeError) throw new NestedTooDeeply();
    throw error;
  }
  const errors = parseErrors.map((e) => ({
    message: describeError(e, text),
    // An error at the end of the text (an unclosed brace) has no character to sit on: it ends at the end.
    span: { start: base + e.offset, end: base + Math.min(e.offset + Math.max(e.length, 1), text.length) },
  }));
  if (!root) return { errors };
  clampToText(root, text.length);
  return { value: toValue(root, text, base, 0), root, errors };
}

/** jsonc-parser counts an unterminated comment (`[/*` to the end) past the end of the text: cut every node there. */
function clampToText(root: Node, length: number): void {
  const stack = [root];
  for (let node = stack.pop(); node; node = stack.pop()) {
    (node as { length: number }).length = Math.max(0, Math.min(node.length, length - node.offset));
    if (node.children) appendAll(stack, node.children);
  }
}

function describeError(error: ParseError, text: string): string {
  const code = printParseErrorCode(error.error);
  const found = text.slice(error.offset, error.offset + Math.max(error.length, 1));
  const readable = code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return found.trim() ? `${readable} at \`${found.slice(0, 20)}\`` : readable;
}

function span(node: Node, base: number): Span {
  return { start: base + node.offset, end: base + node.offset + node.length };
}

function toValue(node: Node, text: string, base: number, depth: number): Value {
  const s = span(node, base);
  switch (node.type) {
    case 'string':
      return {
        kind: 'string',
        value: String(node.value),
        span: s,
        inner: { start: s.start + 1, end: s.end - 1 },
        quote: '"',
      };
    case 'number':
      return { kind: 'number', value: Number(node.value), raw: text.slice(node.offset, node.offset + node.length), span: s };
    case 'boolean':
      return { kind: 'boolean', value: Boolean(node.value), span: s };
    case 'null':
      return { kind: 'null', span: s };
    case 'array':
      return depth >= MAX_DEPTH ? { kind: 'unknown', span: s } : toArray(node, text, base, depth);
    case 'object':
      return depth >= MAX_DEPTH ? { kind: 'unknown', span: s } : toObject(node, text, base, depth);
    default:
      return { kind: 'unknown', span: s };
  }
}

function toArray(node: Node, text: string, base: number, depth: number): ArrayValue {
  return {
    kind: 'array',
    span: span(node, base),
    elements: (node.children ?? []).map((child) => toValue(child, text, base, depth + 1)),
    hasUnknownElements: false,
  };
}

function toObject(node: Node, text: string, base: number, depth: number): ObjectValue {
  const properties: Property[] = [];
  let hasUnknownKeys = false;
  for (const member of node.children ?? []) {
    const [keyNode, valueNode] = member.children ?? [];
    if (!keyNode) continue;
    const keySpan = span(keyNode, base);
    const value: Value = valueNode
      ? toValue(valueNode, text, base, depth + 1)
      : { kind: 'unknown', span: { start: keySpan.end, end: keySpan.end } };
    if (!valueNode) hasUnknownKeys = true;
    const end = valueNode ? valueNode.offset + valueNode.length : keyNode.offset + keyNode.length;
    const removal = removalSpan(text, member.offset, end);
    properties.push({
      key: String(keyNode.value),
      keySpan,
      value,
      span: { start: base + member.offset, end: base + end },
      removeSpan: { start: base + removal.start, end: base + removal.end },
    });
  }
  const first = node.children?.[0];
  const last = node.children?.[node.children.length - 1];
  const lastEnd = last ? last.offset + last.length : node.offset + 1;
  return {
    kind: 'object',
    span: span(node, base),
    properties,
    hasUnknownKeys,
    openBrace: { start: base + node.offset, end: base + node.offset + 1 },
    insertAt: base + lastEnd,
    style: insertStyle(text, node.offset, first?.offset, '"'),
  };
}
