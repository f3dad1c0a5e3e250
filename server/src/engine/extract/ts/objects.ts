// Object literals → ObjectValue: keys with their spans, how to remove each property and where to
// insert a new one, and the properties that spreads bring in (`...(c && {x})` conditionally,
// `...literalConst` inlined, `...param` as unknown keys).

import ts from 'typescript';
import type { InsertStyle, ObjectValue, Property, Value } from '../../types.js';
import { insertStyle, removalSpan } from '../spans.js';
import { spanOf, step, type TsContext } from './context.js';
import { skipOuter } from './scope.js';
import { constString, unknownValue, valueOf } from './values.js';
import { appendAll } from '../../arrays.js';

/** Beyond this many, the objects a spread name may hold are merged into one (see objectValues). */
const MAX_SPREAD_OPTIONS = 16;

/**
 * An object literal's value. One that spreads a name holding one of several objects (`{ ...params,
 * public: false }` where each call passes its own `params`, `{ ...(hd ? big : small) }` through a
 * constant), or an entry of a table (`{ prompt, ...MODELS[tier] }`), is each of those objects in turn
 * with the literal's own keys, not their keys merged.
 */
export function objectValues(node: ts.ObjectLiteralExpression, ctx: TsContext, depth: number): Value {
  let spread: ts.SpreadAssignment | undefined;
  for (const member of node.properties) {
    if (!ts.isSpreadAssignment(member)) continue;
    if (spread) return objectValue(node, ctx, depth);
    spread = member;
  }
  const name = spread && skipOuter(spread.expression);
  if (!spread || !name || !(ts.isIdentifier(name) || ts.isElementAccessExpression(name))) return objectValue(node, ctx, depth);
  const held = valueOf(name, ctx, depth + 1);
  const chosen = { member: spread, value: held };
  // (An unknown option, a call this file cannot see, stays one: the literal with unknown keys.)
  const distributable = held.kind === 'alternatives' && held.options.some((o) => o.kind === 'object') && held.options.every((o) => o.kind === 'object' || o.kind === 'unknown');
  if (held.kind !== 'alternatives' || held.options.length > MAX_SPREAD_OPTIONS || !distributable) {
    return objectValue(node, ctx, depth, chosen);
  }
  const options = held.options.map((value) => objectValue(node, ctx, depth, { member: spread, value }));
  return { kind: 'alternatives', span: spanOf(node, ctx), options };
}

/** The literal's object; `chosen`, when given, is what that spread member holds (already worked out). */
export function objectValue(node: ts.ObjectLiteralExpression, ctx: TsContext, depth: number, chosen?: { member: ts.SpreadAssignment; value: Value }): ObjectValue {
  const properties: Property[] = [];
  let hasUnknownKeys = false;
  for (const member of node.properties) {
    if (ts.isSpreadAssignment(member)) {
      const spread = member === chosen?.member ? spreadValue(chosen.value, false) : spreadProperties(member.expression, false, ctx, depth + 1);
      appendAll(properties, spread.properties);
      hasUnknownKeys ||= spread.unknown;
      continue;
    }
    const key = member.name ? propertyKey(member.name, ctx) : undefined;
    if (key === undefined) {
      hasUnknownKeys = true;
      continue;
    }
    properties.push({
      key,
      keySpan: spanOf(member.name, ctx),
      value: memberValue(member, ctx, depth),
      span: spanOf(member, ctx),
      removeSpan: removalSpan(ctx.text, member.getStart(ctx.sourceFile), member.end),
    });
  }
  const open = node.getStart(ctx.sourceFile);
  const members = node.properties;
  const first = members[0];
  const last = members[members.length - 1];
  return {
    kind: 'object',
    span: spanOf(node, ctx),
    properties,
    hasUnknownKeys,
    openBrace: { start: open, end: open + 1 },
    insertAt: last ? last.end : open + 1,
    style: insertStyle(ctx.text, open, first?.getStart(ctx.sourceFile), keyQuote(node, ctx)),
  };
}

/**
 * Whether the literal's last member ends inside something left open: a string (`a: "x⏎`), or an
 * object or array literal the parser could not close (its members then run on into the text after it).
 */
export function lastMemberOpen(node: ts.ObjectLiteralExpression, ctx: TsContext): boolean {
  return endsInOpenLiteral(node.properties[node.properties.length - 1], ctx);
}

/** Whether the node's text ends inside a string, template, object or array literal left open. */
function endsInOpenLiteral(node: ts.Node | undefined, ctx: TsContext): boolean {
  if (!node) return false;
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateTail(node)) return node.isUnterminated === true;
  if (ts.isTemplateExpression(node)) return endsInOpenLiteral(node.templateSpans[node.templateSpans.length - 1]?.literal, ctx);
  if (ts.isPropertyAssignment(node)) {
    const value = node.initializer;
    return endsInOpenLiteral(value.end > value.pos ? value : node.name, ctx);
  }
  if (ts.isObjectLiteralExpression(node)) return ctx.text[node.end - 1] !== '}';
  if (ts.isArrayLiteralExpression(node)) return ctx.text[node.end - 1] !== ']';
  return false;
}

/** A key as JavaScript reads it: `a`, `"a"`, `1` (→ "1"), `["a"]` or `[CONST]`; undefined when it cannot be known. */
export function propertyKey(name: ts.PropertyName, ctx: TsContext): string | undefined {
  if (ts.isIdentifier(name) || ts.isPrivateIdentifier(name) || ts.isStringLiteral(name) || ts.isNoSubstitutionTemplateLiteral(name)) {
    return name.text;
  }
  if (ts.isNumericLiteral(name)) return String(Number(name.text));
  if (ts.isComputedPropertyName(name)) return constString(name.expression, ctx)?.value;
  return undefined;
}

function memberValue(member: ts.ObjectLiteralElementLike, ctx: TsContext, depth: number): Value {
  if (ts.isPropertyAssignment(member)) return valueOf(member.initializer, ctx, depth + 1);
  if (ts.isShorthandPropertyAssignment(member)) return valueOf(member.name, ctx, depth + 1);
  if (ts.isMethodDeclaration(member)) return { kind: 'foreign', what: 'function', span: spanOf(member, ctx) };
  return unknownValue(member, ctx);
}

/** Quote new keys the way this object quotes its keys: bare unless every key is quoted. */
function keyQuote(node: ts.ObjectLiteralExpression, ctx: TsContext): InsertStyle['keyQuote'] {
  let quote: InsertStyle['keyQuote'] | undefined;
  for (const member of node.properties) {
    if (!member.name || ts.isComputedPropertyName(member.name)) continue;
    if (!ts.isStringLiteral(member.name)) return '';
    quote ??= ctx.text[member.name.getStart(ctx.sourceFile)] === "'" ? "'" : '"';
  }
  return quote ?? '';
}

/**
 * `Object.assign({ ... }, defaults, { width })`: a fresh object (the first argument is a literal) with
 * each source's properties after its own, as `{ ...defaults, width }` would have them. Undefined when
 * the target is not a literal (that object is changed in place: bodies.ts) or an argument is spread.
 */
export function assignedObject(call: ts.CallExpression, ctx: TsContext, depth: number): ObjectValue | undefined {
  const [target, ...sources] = call.arguments;
  const literal = target && skipOuter(target);
  if (!literal || !ts.isObjectLiteralExpression(literal) || sources.some(ts.isSpreadElement)) return undefined;
  const object = objectValue(literal, ctx, depth + 1);
  const properties = [...object.properties];
  let hasUnknownKeys = object.hasUnknownKeys;
  for (const source of sources) {
    const spread = spreadProperties(source, false, ctx, depth + 1);
    appendAll(properties, spread.properties);
    hasUnknownKeys ||= spread.unknown;
  }
  return Object.assign({}, object, { span: spanOf(call, ctx), properties, hasUnknownKeys });
}

export interface SpreadResult {
  properties: Property[];
  /** Keys that cannot be known came in. */
  unknown: boolean;
}

/**
 * The properties a spread brings in. `c && {...}` and each branch of `c ? {...} : {...}` bring
 * theirs conditionally; a constant object literal is inlined; `null`, `undefined`, `false` bring
 * nothing; anything else brings unknown keys.
 */
export function spreadProperties(expression: ts.Expression, conditional: boolean, ctx: TsContext, depth: number): SpreadResult {
  const node = skipOuter(expression);
  if (!step(ctx, depth)) return { properties: [], unknown: true };
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken) {
    return spreadProperties(node.right, true, ctx, depth + 1);
  }
  if (ts.isConditionalExpression(node)) {
    const whenTrue = spreadProperties(node.whenTrue, true, ctx, depth + 1);
    const whenFalse = spreadProperties(node.whenFalse, true, ctx, depth + 1);
    return { properties: [...whenTrue.properties, ...whenFalse.properties], unknown: whenTrue.unknown || whenFalse.unknown };
  }
  return spreadValue(valueOf(node, ctx, depth + 1), conditional);
}

function spreadValue(value: Value, conditional: boolean): SpreadResult {
  switch (value.kind) {
    case 'object':
      return {
        properties: conditional ? value.properties.map((p) => (Object.assign({}, p, { conditional: true }))) : value.properties,
        unknown: value.hasUnknownKeys,
      };
    case 'alternatives': {
      const parts = value.options.map((option) => spreadValue(option, true));
      return { properties: parts.flatMap((p) => p.properties), unknown: parts.some((p) => p.unknown) };
    }
    case 'null':
    case 'boolean':
    case 'number':
      return { properties: [], unknown: false };
    case 'foreign':
      return { properties: [], unknown: value.what !== 'undefined' };
    case 'string':
      return { properties: [], unknown: value.value !== '' };
    default:
      return { properties: [], unknown: true };
  }
}
