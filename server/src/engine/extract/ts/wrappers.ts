// Same-file wrappers: a function that builds the URL from one of its parameters and sends another
// parameter as the body (`const leo = (path, body) => fetch(`${BASE}${path}`, {body: JSON.stringify(body)})`).
// Each call to it with a literal path is a request; its body is the call's argument.

import ts from 'typescript';
import type { Catalogue } from '../../../api/types.js';
import type { RequestSite } from '../../types.js';
import { bodyValue, sentExpression } from './bodies.js';
import { methodOption, readBody, type MethodRef, type SendCall } from './calls.js';
import { readOptions } from './clients.js';
import { spanOf, type TsContext } from './context.js';
import { makeSite } from './requests.js';
import { resolveIdentifier, skipOuter } from './scope.js';
import type { Binding } from './file-index.js';
import { leonardoUrl, urlPieces, type UrlPiece } from './urls.js';
import { constString } from './values.js';

export interface Wrapper {
  fn: ts.SignatureDeclaration;
  send: SendCall;
  /** The send's URL pieces; the URL parameter's placeholder is replaced at each call. */
  pieces: UrlPiece[];
  urlParam: number;
  bodyParam?: number;
  methodParam?: number;
  /** A parameter passed (or spread) as the client's options: `fetch(url, {...init})`. */
  optionsParam?: number;
}

export interface WrapperTable {
  /** By the function node (for calls through a name that resolves to it). */
  byFunction: Map<ts.Node, Wrapper>;
  /** By member name (for `this.request(...)`, `client.request(...)`). */
  byMember: Map<string, Wrapper[]>;
  /** Every name a wrapper is called by: most calls are ruled out by their name alone. */
  names: Set<string>;
}

export function emptyWrapperTable(): WrapperTable {
  return { byFunction: new Map(), byMember: new Map(), names: new Set() };
}

/** Register the function around `send` as a wrapper when its URL uses exactly one of its parameters. */
export function registerWrapper(table: WrapperTable, send: SendCall, pieces: UrlPiece[], ctx: TsContext): void {
  // Only a URL built from a parameter makes a wrapper: most sends are ruled out here.
  if (!pieces.some((p) => p.unknown?.binding?.kind === 'param')) return;
  const fn = enclosingFunction(send.call);
  if (!fn) return;
  const urlParams = new Set<number>();
  for (const piece of pieces) {
    const index = parameterIndex(fn, piece.unknown?.binding);
    if (index !== undefined) urlParams.add(index);
  }
  if (urlParams.size !== 1) return;
  const wrapper: Wrapper = { fn, send, pieces, urlParam: [...urlParams][0] };
  const body = send.body && skipOuter(sentExpression(send.body, ctx));
  if (body && ts.isIdentifier(body)) wrapper.bodyParam = parameterIndex(fn, resolveIdentifier(ctx.index, body));
  const method = send.methodExpression && skipOuter(send.methodExpression);
  if (!send.method && method && ts.isIdentifier(method)) {
    wrapper.methodParam = parameterIndex(fn, resolveIdentifier(ctx.index, method));
  }
  for (const open of send.openOptions) {
    const node = skipOuter(open);
    const index = ts.isIdentifier(node) ? parameterIndex(fn, resolveIdentifier(ctx.index, node)) : undefined;
    if (index !== undefined) {
      wrapper.optionsParam = index;
      break;
    }
  }
  table.byFunction.set(fn, wrapper);
  const name = functionName(fn);
  if (name) table.names.add(name);
  const member = memberName(fn);
  if (member) {
    table.names.add(member);
    const list = table.byMember.get(member);
    if (list) list.push(wrapper);
    else table.byMember.set(member, [wrapper]);
  }
}

function enclosingFunction(node: ts.Node): ts.SignatureDeclaration | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (ts.isFunctionLike(current)) return current;
  }
  return undefined;
}

function parameterIndex(fn: ts.SignatureDeclaration, binding: Binding | undefined): number | undefined {
  if (!binding || binding.kind !== 'param' || binding.scope !== fn) return undefined;
  const index = fn.parameters.indexOf(binding.node as ts.ParameterDeclaration);
  return index >= 0 && ts.isIdentifier(fn.parameters[index].name) ? index : undefined;
}

/** The name calls use through a member: a method, or a property initialised with the function. */
function memberName(fn: ts.SignatureDeclaration): string | undefined {
  if (ts.isMethodDeclaration(fn) && ts.isIdentifier(fn.name)) return fn.name.text;
  const parent = fn.parent;
  if ((ts.isPropertyAssignment(parent) || ts.isPropertyDeclaration(parent)) && ts.isIdentifier(parent.name)) {
    return parent.name.text;
  }
  return undefined;
}

/** The name a function is called by directly: its own, or the variable it initialises. */
function functionName(fn: ts.SignatureDeclaration): string | undefined {
  if (ts.isFunctionDeclaration(fn) && fn.name) return fn.name.text;
  const parent = fn.parent;
  return ts.isVariableDeclaration(parent) && ts.isIdentifier(parent.name) ? parent.name.text : undefined;
}

/** The wrapper a call goes through, if any. */
export function wrapperFor(call: ts.CallExpression, table: WrapperTable, ctx: TsContext): Wrapper | undefined {
  const callee = skipOuter(call.expression);
  const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : undefined;
  if (name === undefined || !table.names.has(name)) return undefined;
  if (ts.isIdentifier(callee)) {
    const binding = resolveIdentifier(ctx.index, callee);
    if (!binding) return undefined;
    const target = binding.kind === 'function' ? binding.node : binding.initializer && skipOuter(binding.initializer);
    return target ? table.byFunction.get(target) : undefined;
  }
  if (ts.isPropertyAccessExpression(callee)) {
    const candidates = table.byMember.get(callee.name.text);
    return candidates?.length === 1 ? candidates[0] : undefined;
  }
  return undefined;
}

/** The request a call to a wrapper sends, when its path is literal and the URL is Leonardo's. */
export function siteFromWrapperCall(
  call: ts.CallExpression,
  wrapper: Wrapper,
  ctx: TsContext,
  catalogue: Catalogue,
): RequestSite | undefined {
  if (enclosingFunction(call) === wrapper.fn) return undefined;
  const pathArgument = argument(call, wrapper, wrapper.urlParam);
  if (!pathArgument) return undefined;
  const parameter = wrapper.fn.parameters[wrapper.urlParam];
  const pieces = wrapper.pieces.flatMap((piece) =>
    piece.unknown?.binding?.node === parameter ? urlPieces(pathArgument, ctx) : [piece],
  );
  const url = leonardoUrl(pieces, spanOf(pathArgument, ctx));
  if (!url?.path) return undefined;
  const send = wrapper.send;
  const passed = wrapper.optionsParam === undefined ? undefined : readOptions(argument(call, wrapper, wrapper.optionsParam), ctx);
  const bodyExpression =
    wrapper.bodyParam !== undefined ? argument(call, wrapper, wrapper.bodyParam) : send.body ?? (passed && readBody(passed, send.keys));
  return makeSite(
    {
      source: 'wrapper',
      url,
      method: send.method ?? methodArgument(call, wrapper, ctx) ?? (passed && methodOption(passed, undefined, ctx).method),
      body: bodyExpression && bodyValue(bodyExpression, ctx),
      span: spanOf(call, ctx),
    },
    catalogue,
  );
}

/** The call's argument for a parameter, or the parameter's default. */
function argument(call: ts.CallExpression, wrapper: Wrapper, index: number): ts.Expression | undefined {
  return call.arguments[index] ?? wrapper.fn.parameters[index]?.initializer;
}

function methodArgument(call: ts.CallExpression, wrapper: Wrapper, ctx: TsContext): MethodRef | undefined {
  if (wrapper.methodParam === undefined) return undefined;
  const expression = argument(call, wrapper, wrapper.methodParam);
  const literal = expression && constString(expression, ctx);
  return literal ? { value: literal.value.toUpperCase(), span: literal.inner } : undefined;
}
