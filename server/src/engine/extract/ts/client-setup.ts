// What a file does to its HTTP clients outside their calls, decided on the syntax tree (a comment or
// a string that mentions `interceptors` is not code): axios interceptors, default headers, ky/got
// `beforeRequest` and ofetch `onRequest` hooks, `setHeader(...)` and `headers.set/append(...)`.
// A request whose headers the extractor sees may still get its key from one of these, and an axios
// response interceptor may hand back the body instead of the response.
//
// The text is searched first for the words these are written with: a file without them (most files)
// is answered without reading the tree.

import ts from 'typescript';
import type { TsParsed } from '../typescript.js';
import { skipOuter } from './scope.js';
import { returnedExpressions, someNode } from './resolve.js';

/** The parse and its index (a TsParsed, or the flow analysis over one). */
type Parsed = Pick<TsParsed, 'sourceFile' | 'index'>;

/** The words these are written with: a file without them sets no header outside its calls. */
const HEADER_SETUP_TEXT = /\binterceptors\b|\.defaults\s*\.\s*headers|\bbeforeRequest\b|\bonRequest\b|\bsetHeader\s*\(|\bheaders\s*\.\s*(?:set|append)\s*\(/;
const INTERCEPTORS_TEXT = /\binterceptors\b/;
/** The hooks' part of them, found among the index's listed names rather than its calls. */
const HOOK_TEXT = /\bbeforeRequest\b|\bonRequest\b/;
/** Names of the hooks where ky, got and ofetch set a request's headers. */
const HOOK_NAMES = new Set(['beforeRequest', 'onRequest']);
const SK = ts.SyntaxKind;

/**
 * Whether the code may add headers to requests outside the calls that send them: an axios
 * interceptor (`api.interceptors.request.use(...)`, or `.response`, which can retry with a key),
 * client defaults (`axios.defaults.headers.common["Authorization"] = ...`), a `beforeRequest` or
 * `onRequest` hook (`hooks: { beforeRequest: [...] }`, `onRequest(ctx) {...}`), `res.setHeader(...)`,
 * `req.headers.set(...)` / `.append(...)`.
 */
export function setsHeadersOutsideCalls(parsed: Parsed): boolean {
  const text = parsed.sourceFile.text;
  if (!HEADER_SETUP_TEXT.test(text)) return false;
  // An axios interceptor or default headers (on any client: see clientSetupTargets).
  if (clientSetupTargets(parsed).length > 0) return true;
  for (const call of parsed.index.calls) {
    const callee = call.expression;
    if (isAccessOf(callee, 'setHeader') || (callee.kind === SK.Identifier && (callee as ts.Identifier).text === 'setHeader')) return true;
    if ((isAccessOf(callee, 'set') || isAccessOf(callee, 'append')) && namedHeaders(callee.expression)) return true;
  }
  if (!HOOK_TEXT.test(text)) return false;
  for (const piece of parsed.index.pieces) {
    for (const node of piece.nodes) {
      if (node.kind === SK.Identifier && HOOK_NAMES.has((node as ts.Identifier).text)) return true;
    }
  }
  return false;
}

/**
 * Whether the code installs an axios response interceptor that may change the answer:
 * `api.interceptors.response.use(...)`, unless its first handler hands back the response it is given on
 * every `return` (`(response) => { log(response.status); return response; }`), or there is none (`use(undefined, onError)`).
 */
export function installsResponseInterceptor(parsed: Parsed): boolean {
  if (!INTERCEPTORS_TEXT.test(parsed.sourceFile.text)) return false;
  return parsed.index.calls.some((call) => isInterceptorUse(call.expression, 'response') && !handsBackResponse(call.arguments[0]));
}

/** A handler that returns its own parameter, unchanged, on every path (or no handler: `null`, `undefined`). */
function handsBackResponse(handler: ts.Expression | undefined): boolean {
  if (!handler) return false;
  const node = skipOuter(handler);
  if (node.kind === SK.NullKeyword || (ts.isIdentifier(node) && node.text === 'undefined')) return true;
  if (!ts.isArrowFunction(node) && !ts.isFunctionExpression(node)) return false;
  const parameter = node.parameters[0];
  if (!parameter || !ts.isIdentifier(parameter.name) || node.parameters.length !== 1) return false;
  const name = parameter.name.text;
  const returned = returnedExpressions(node);
  // (Nothing may write into it either: `response.data = response.data.result` reshapes the answer in place.)
  const writes = someNode(node.body, (n) => (ts.isBinaryExpression(n) && n.operatorToken.kind >= SK.FirstAssignment && n.operatorToken.kind <= SK.LastAssignment && rootName(n.left) === name) || undefined);
  return returned.length > 0 && !writes && returned.every((e) => { const r = skipOuter(e); return ts.isIdentifier(r) && r.text === name; }) && endsWithReturn(node);
}

/** The name at the root of `a.b.c`. */
function rootName(node: ts.Expression): string | undefined {
  let current = skipOuter(node);
  while (ts.isPropertyAccessExpression(current) || ts.isElementAccessExpression(current)) current = skipOuter(current.expression);
  return ts.isIdentifier(current) ? current.text : undefined;
}

/** An arrow with an expression body, or a body whose last statement returns (no path falls off its end). */
function endsWithReturn(fn: ts.ArrowFunction | ts.FunctionExpression): boolean {
  const body = fn.body;
  if (!ts.isBlock(body)) return true;
  const last = body.statements[body.statements.length - 1];
  return last !== undefined && ts.isReturnStatement(last);
}

/**
 * The words an axios client is set up with from outside its module (`api.interceptors.request.use`,
 * `axios.defaults.headers.common[...] = ...`): a file without them sets up no other module's client.
 */
export const CLIENT_SETUP_TEXT = /\binterceptors\b|\.defaults\s*\.\s*headers/;

/**
 * The clients the code installs an axios interceptor on or sets default headers of: `x` of
 * `x.interceptors.request.use(...)`, `x.interceptors.response.use(...)` and `x.defaults.headers`.
 */
export function clientSetupTargets(parsed: Parsed): ts.Expression[] {
  if (!CLIENT_SETUP_TEXT.test(parsed.sourceFile.text)) return [];
  const out: ts.Expression[] = [];
  for (const call of parsed.index.calls) {
    const callee = call.expression;
    if (isInterceptorUse(callee, 'request') || isInterceptorUse(callee, 'response')) out.push(callee.expression.expression.expression);
  }
  for (const piece of parsed.index.pieces) {
    for (const node of piece.nodes) {
      if (node.kind !== SK.PropertyAccessExpression) continue;
      const access = node as ts.PropertyAccessExpression;
      if (access.name.text === 'headers' && isAccessOf(access.expression, 'defaults')) out.push(access.expression.expression);
    }
  }
  return out;
}

/** `<client>.interceptors.<phase>.use` */
function isInterceptorUse(callee: ts.Expression, phase: 'request' | 'response'): callee is ts.PropertyAccessExpression & { expression: ts.PropertyAccessExpression & { expression: ts.PropertyAccessExpression } } {
  return isAccessOf(callee, 'use') && isAccessOf(callee.expression, phase) && isAccessOf(callee.expression.expression, 'interceptors');
}

function isAccessOf(node: ts.Expression, name: string): node is ts.PropertyAccessExpression {
  return node.kind === SK.PropertyAccessExpression && (node as ts.PropertyAccessExpression).name.text === name;
}

/** `headers` or `<x>.headers`. */
function namedHeaders(expression: ts.Expression): boolean {
  return (expression.kind === SK.Identifier && (expression as ts.Identifier).text === 'headers') || isAccessOf(expression, 'headers');
}
