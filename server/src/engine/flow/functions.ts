// Same-file functions as the flow analysis sees them: what a call calls, what a function returns,
// who calls it (directly, or as an array or `.then` callback), and whether it is also used in ways
// that hide its callers (exported, stored, passed elsewhere).

import ts from 'typescript';
import { skipOuter } from '../extract/ts/scope.js';
import type { Binding } from '../extract/ts/file-index.js';
import { ELEMENT_CALLBACKS, isFunctionNode, returnedExpressions as allReturned, type FunctionNode } from '../extract/ts/resolve.js';

// What a function is and returns is the resolver's (extract/ts/resolve.ts), shared with the extractor.
export { ELEMENT_CALLBACKS, classMember, functionOfBinding, isFunctionNode, namedMember, type FunctionNode } from '../extract/ts/resolve.js';

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

/** `function*`, `async function*`, or a generator method. */
export function isGenerator(fn: FunctionNode): boolean {
  return (ts.isFunctionDeclaration(fn) || ts.isFunctionExpression(fn) || ts.isMethodDeclaration(fn)) && fn.asteriskToken !== undefined;
}

/** The expressions a function returns, without empty fallbacks (`return null`, `return []`). */
export function returnedExpressions(fn: FunctionNode): ts.Expression[] {
  return allReturned(fn).filter((expression) => !isEmptyFallback(expression));
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

