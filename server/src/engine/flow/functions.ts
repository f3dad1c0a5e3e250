// Same-file functions as the flow analysis sees them: what a call calls, what a function returns,
// who calls it (directly, or as an array or `.then` callback), and whether it is also used in ways
// that hide its callers (exported, stored, passed elsewhere).

import ts from 'typescript';
import { skipOuter } from '../extract/ts/scope.js';
import type { Binding } from '../extract/ts/file-index.js';

/** Array methods whose callback's first parameter is an element. */
export const ELEMENT_CALLBACKS = new Set(['map', 'forEach', 'filter', 'find', 'findLast', 'findIndex', 'findLastIndex', 'some', 'every', 'flatMap']);

export type FunctionNode = ts.SignatureDeclaration & { body?: ts.ConciseBody };

/** Who calls a function: direct calls, and uses as an element callback or a `.then` callback. */
export interface Callers {
  calls: ts.CallExpression[];
  /** `arr.map(fn)` / `p.then(fn)`: the call that passes the function. */
  callbacks: ts.CallExpression[];
  /** The function is also used some other way (exported, stored, passed elsewhere). */
  escapes: boolean;
}

/** A use of a function: `f(...)`, `arr.map(f)` / `p.then(f)`, or something else (it escapes). */
export function classifyUse(use: ts.Expression, parent: ts.Node, callers: Callers): void {
  if (ts.isCallExpression(parent) && parent.expression === use) {
    callers.calls.push(parent);
  } else if (ts.isCallExpression(parent) && parent.arguments[0] === use && ts.isPropertyAccessExpression(parent.expression)) {
    const method = parent.expression.name.text;
    if (method === 'then' || ELEMENT_CALLBACKS.has(method)) callers.callbacks.push(parent);
    else callers.escapes = true;
  } else {
    callers.escapes = true;
  }
}

/** `null`, `undefined`, `[]`, `{}`, `""`: a fallback or placeholder that holds nothing. */
export function isEmptyFallback(expression: ts.Expression): boolean {
  const node = skipOuter(expression);
  if (node.kind === ts.SyntaxKind.NullKeyword) return true;
  if (ts.isIdentifier(node)) return node.text === 'undefined';
  if (ts.isArrayLiteralExpression(node)) return node.elements.length === 0;
  if (ts.isObjectLiteralExpression(node)) return node.properties.length === 0;
  return (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) && node.text === '';
}

/** The expressions a function returns: an arrow's expression body, or its `return`s (not those of nested functions). */
export function returnedExpressions(fn: FunctionNode): ts.Expression[] {
  const body = fn.body;
  if (!body) return [];
  if (!ts.isBlock(body)) return [body];
  const out: ts.Expression[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionLike(node)) return;
    if (ts.isReturnStatement(node)) {
      if (node.expression && !isEmptyFallback(node.expression)) out.push(node.expression);
      return;
    }
    node.forEachChild(visit);
  };
  body.forEachChild(visit);
  return out;
}

export function isFunctionNode(node: ts.Node): node is ts.ArrowFunction | ts.FunctionExpression {
  return ts.isArrowFunction(node) || ts.isFunctionExpression(node);
}

export function functionOfBinding(binding: Binding | undefined): FunctionNode | undefined {
  if (!binding) return undefined;
  if (binding.kind === 'function' && ts.isFunctionDeclaration(binding.node)) return binding.node;
  if (binding.kind !== 'const' || !binding.initializer) return undefined;
  const initializer = skipOuter(binding.initializer);
  return isFunctionNode(initializer) ? initializer : undefined;
}

/** The binding a function is known by: its declaration's name, or the `const` it initialises. */
export function bindingOfFunction(fn: FunctionNode, resolve: (id: ts.Identifier) => Binding | undefined): Binding | undefined {
  if (ts.isFunctionDeclaration(fn) && fn.name) return resolve(fn.name);
  const parent = fn.parent;
  if (isFunctionNode(fn) && ts.isVariableDeclaration(parent) && ts.isIdentifier(parent.name)) {
    const binding = resolve(parent.name);
    return binding?.kind === 'const' ? binding : undefined;
  }
  return undefined;
}

/** The method (or arrow-function property) `name` of the class around `node`. */
export function classMember(node: ts.Node, name: string): FunctionNode | undefined {
  let current: ts.Node | undefined = node.parent;
  while (current && !ts.isClassLike(current)) current = current.parent;
  if (!current) return undefined;
  for (const element of current.members) {
    const fn = namedMember(element, name);
    if (fn) return fn;
  }
  return undefined;
}

/** A method `name() {}` or a property `name = () => ...` / `name: function () {}`. */
export function namedMember(node: ts.Node, name: string): FunctionNode | undefined {
  if (ts.isMethodDeclaration(node) && ts.isIdentifier(node.name) && node.name.text === name) return node;
  if ((ts.isPropertyDeclaration(node) || ts.isPropertyAssignment(node)) && ts.isIdentifier(node.name) && node.name.text === name) {
    const value = node.initializer && skipOuter(node.initializer);
    return value && isFunctionNode(value) ? value : undefined;
  }
  return undefined;
}
