// Operations on origins: stepping into a member or an element, the result of a method call,
// following a destructuring pattern, and merging the origins of several values into one.

import ts from 'typescript';
import { itemOf, memberOf } from './shape.js';
import type { Origin } from './types.js';

/** Array methods that return an element, and those that return (part of) the same array. */
const ELEMENT_RESULTS = new Set(['at', 'find', 'findLast', 'pop', 'shift']);
const ARRAY_RESULTS = new Set(['filter', 'slice', 'sort', 'reverse', 'toSorted', 'toReversed']);

/** Reading a fetch Response's body. */
const BODY_READERS = new Set(['json', 'text', 'blob', 'arrayBuffer', 'formData']);

export function member(origin: Origin | undefined, name: string): Origin | undefined {
  if (origin?.kind === 'response') return memberOf(origin, name);
  if (origin?.kind === 'upload' && origin.stage === 'axios' && name === 'data') return Object.assign({}, origin, { stage: 'body' });
  return undefined;
}

export function element(origin: Origin | undefined, argument: ts.Expression): Origin | undefined {
  if (ts.isStringLiteral(argument) || ts.isNoSubstitutionTemplateLiteral(argument)) return member(origin, argument.text);
  return origin?.kind === 'response' ? itemOf(origin) : undefined;
}

/** The result of `receiver.method(...)` for a response or upload receiver. */
export function methodResult(receiver: Origin, method: string): Origin | undefined {
  if (receiver.kind === 'upload') {
    return receiver.stage === 'http' && BODY_READERS.has(method) ? Object.assign({}, receiver, { stage: 'body', readBy: method }) : undefined;
  }
  if (receiver.kind !== 'response') return undefined;
  if (receiver.stage === 'http' || receiver.stage === 'got') return method === 'json' ? Object.assign({}, receiver, { stage: 'body', field: undefined }) : undefined;
  if (ELEMENT_RESULTS.has(method)) return itemOf(receiver);
  if (ARRAY_RESULTS.has(method)) return itemOf(receiver) ? receiver : undefined;
  return undefined;
}

/** One step of a destructuring pattern: a property name, an element, or a rest (same value). */
export type PatternStep = { property: string } | { element: true } | { rest: true };

/** The steps from a pattern's root to the binding named `name`. */
export function patternSteps(pattern: ts.BindingName, name: string): PatternStep[] | undefined {
  if (ts.isIdentifier(pattern)) return pattern.text === name ? [] : undefined;
  for (const element of pattern.elements) {
    if (ts.isOmittedExpression(element)) continue;
    const below = patternSteps(element.name, name);
    if (!below) continue;
    if (element.dotDotDotToken) return ts.isObjectBindingPattern(pattern) ? undefined : [{ rest: true }, ...below];
    if (ts.isArrayBindingPattern(pattern)) return [{ element: true }, ...below];
    const key = propertyNameOf(element);
    return key === undefined ? undefined : [{ property: key }, ...below];
  }
  return undefined;
}

/** The key a binding element reads: `{ a }`, `{ a: b }`, `{ "a": b }`; undefined for computed keys. */
export function propertyNameOf(element: ts.BindingElement): string | undefined {
  const key = element.propertyName ?? element.name;
  if (ts.isIdentifier(key) || ts.isStringLiteral(key) || ts.isNumericLiteral(key)) return key.text;
  return undefined;
}

export function follow(origin: Origin | undefined, steps: PatternStep[] | undefined): Origin | undefined {
  if (!steps) return undefined;
  let current = origin;
  for (const step of steps) {
    if (!current) return undefined;
    if ('property' in step) current = member(current, step.property);
    else if ('element' in step) current = current.kind === 'response' ? itemOf(current) : undefined;
  }
  return current;
}

/** One origin when every value agrees; unknown as soon as one is unknown or they differ. */
export function merge(values: ReadonlyArray<Origin | undefined>): Origin | undefined {
  if (values.length === 0) return undefined;
  const first = values[0];
  if (!first) return undefined;
  let statusChecked = first.kind === 'response' && first.statusChecked;
  for (const value of values.slice(1)) {
    if (!value || !sameOrigin(first, value)) return undefined;
    statusChecked &&= value.kind === 'response' && value.statusChecked;
  }
  return first.kind === 'response' && first.statusChecked !== statusChecked ? Object.assign({}, first, { statusChecked }) : first;
}

function sameOrigin(a: Origin, b: Origin): boolean {
  if (a.kind === 'response' && b.kind === 'response') {
    return a.endpoint === b.endpoint && a.naming === b.naming && a.stage === b.stage && a.field === b.field;
  }
  if (a.kind === 'upload' && b.kind === 'upload') return a.stage === b.stage && a.endpoint === b.endpoint;
  return a.kind === 'literal' && b.kind === 'literal' && a.value === b.value;
}
