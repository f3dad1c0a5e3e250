// Same-file wrappers: a function that builds the URL from its parameters and sends another parameter
// as the body (`const leo = (path, body) => fetch(`${BASE}${path}`, {body: JSON.stringify(body)})`,
// `api(base, path, body)`). Each call to it with a literal path (and base) is a request; its body is
// the call's argument. A function that
// passes its own parameter on as a wrapper's path (`static post(path, body) { return this.request('POST',
// path, body) }`) is a wrapper too, its calls followed through the chain. The method is a literal, a
// parameter, or chosen by whether a parameter is passed (`body ? "POST" : "GET"`): what each call sends.

import ts from 'typescript';
import type { Catalogue } from '../../../api/types.js';
import type { ObjectValue, Property, RequestSite, Value } from '../../types.js';
import { bodyValue, sentExpression } from './bodies.js';
import { methodOption, readBody, type MethodRef, type SendCall } from './calls.js';
import { readOptions } from './clients.js';
import { propertyKey } from './objects.js';
import { spanOf, type TsContext } from './context.js';
import { headersOf, makeSite } from './requests.js';
import { isFallbackOperator, resolveIdentifier, skipOuter } from './scope.js';
import { calledName, type Binding } from './file-index.js';
import { isFullUrl, joinBase, leonardoUrl, urlPieces, type UrlPiece } from './urls.js';
import { bindingValue, calledFunction, enclosingFunction, functionName, lacksKey, memberName, objectProperty, passedFor, patternElement } from './resolve.js';
import { constString, valueOf } from './values.js';

export interface Wrapper {
  fn: ts.SignatureDeclaration;
  send: SendCall;
  /** The send's URL pieces; the URL parameters' placeholders are replaced at each call. */
  pieces: UrlPiece[];
  /** The parameter that is the URL's last part (its path): the request's URL is located at its argument. */
  urlParam: number;
  /** Other parameters the URL is built from (`${base}${path}`: the base). */
  moreUrlParams?: number[];
  bodyParam?: number;
  methodParam?: number;
  /** A method chosen by whether a parameter is there: `body ? "POST" : "GET"`. */
  methodWhen?: { param: number; present: string; absent: string };
  /** The method and the body read off an options parameter (`options.method`, `options.data`). */
  methodKey?: ParameterKey;
  bodyKey?: ParameterKey;
  /** A parameter passed (or spread) as the client's options: `fetch(url, {...init})`, or the rest of it (`{ headers, ...rest }`). */
  optionsParam?: number;
  /** The keys a rest of the options parameter leaves out (`headers` of `{ headers, ...rest }`): the client never gets them from it. */
  optionsOmit?: string[];
  /** For a function that calls another wrapper with its own parameters: that wrapper and the call. */
  via?: { inner: Wrapper; call: ts.CallExpression };
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

/** Most URL parameters a wrapper has (`api(base, version, path)`). */
const MAX_URL_PARAMS = 3;

/**
 * Register the function around `send` as a wrapper when its URL is built from its parameters: the
 * last one in the URL is its path (`${BASE}${path}`, `${base}${path}`).
 */
export function registerWrapper(table: WrapperTable, send: SendCall, pieces: UrlPiece[], ctx: TsContext): void {
  // Only a URL built from a parameter makes a wrapper: most sends are ruled out here.
  if (!pieces.some((p) => p.unknown?.binding?.kind === 'param')) return;
  const fn = enclosingFunction(send.call);
  if (!fn) return;
  const urlParams = new Set<number>();
  let urlParam: number | undefined;
  let last: number | undefined;
  let query = false;
  for (const piece of pieces) {
    if (!piece.unknown) query ||= piece.text.includes('?');
    const index = parameterIndex(fn, piece.unknown?.binding);
    if (index === undefined) continue;
    urlParams.add(index);
    last = index;
    // The path is the last parameter before the query string (`${base}${path}?${query}`).
    if (!query) urlParam = index;
  }
  urlParam ??= last;
  if (urlParam === undefined || urlParams.size > MAX_URL_PARAMS) return;
  urlParams.delete(urlParam);
  const wrapper: Wrapper = { fn, send, pieces: send.base ? (send.url ? urlPieces(send.url, ctx) : []) : pieces, urlParam };
  if (urlParams.size > 0) wrapper.moreUrlParams = [...urlParams];
  const body = send.body && skipOuter(sentExpression(send.body, ctx));
  if (body && ts.isIdentifier(body)) wrapper.bodyParam = parameterIndex(fn, resolveIdentifier(ctx.index, body));
  if (body && wrapper.bodyParam === undefined) wrapper.bodyKey = parameterKey(fn, body, ctx);
  const method = send.methodExpression && skipOuter(send.methodExpression);
  if (!send.method && method && ts.isIdentifier(method)) {
    wrapper.methodParam = parameterIndex(fn, resolveIdentifier(ctx.index, method));
    if (wrapper.methodParam === undefined) wrapper.methodKey = parameterKey(fn, method, ctx);
  } else if (!send.method && method && ts.isConditionalExpression(method)) {
    wrapper.methodWhen = methodWhen(fn, method, ctx);
  } else if (!send.method && method) {
    wrapper.methodKey = parameterKey(fn, method, ctx);
  }
  for (const open of send.openOptions) {
    const from = optionsPart(open, fn, ctx);
    if (from && from.key === undefined) {
      wrapper.optionsParam = from.param;
      if (from.omit) wrapper.optionsOmit = from.omit;
      break;
    }
  }
  addWrapper(table, wrapper);
}

/**
 * `body ? "POST" : "GET"` (or `!body ? "GET" : "POST"`) on a parameter the function does not write:
 * the method each call sends by whether it passes that parameter, as a body sent only when there is
 * one (`body ? JSON.stringify(body) : undefined`) is followed to each call.
 */
function methodWhen(fn: ts.SignatureDeclaration, method: ts.ConditionalExpression, ctx: TsContext): Wrapper['methodWhen'] {
  let condition = skipOuter(method.condition);
  let [present, absent] = [method.whenTrue, method.whenFalse];
  if (ts.isPrefixUnaryExpression(condition) && condition.operator === ts.SyntaxKind.ExclamationToken) {
    condition = skipOuter(condition.operand);
    [present, absent] = [absent, present];
  }
  const binding = ts.isIdentifier(condition) ? resolveIdentifier(ctx.index, condition) : undefined;
  const param = binding && !binding.reassigned ? parameterIndex(fn, binding) : undefined;
  const whenPresent = constString(present, ctx);
  const whenAbsent = constString(absent, ctx);
  if (param === undefined || !whenPresent || !whenAbsent) return undefined;
  return { param, present: whenPresent.value.toUpperCase(), absent: whenAbsent.value.toUpperCase() };
}

/** Add a wrapper to the table; the names it is called by go into `names` too, when given. */
function addWrapper(table: WrapperTable, wrapper: Wrapper, names?: Set<string>): void {
  const fn = wrapper.fn;
  table.byFunction.set(fn, wrapper);
  const name = functionName(fn);
  if (name) {
    table.names.add(name);
    names?.add(name);
  }
  const member = memberName(fn);
  if (member) {
    table.names.add(member);
    names?.add(member);
    const list = table.byMember.get(member);
    if (list) list.push(wrapper);
    else table.byMember.set(member, [wrapper]);
  }
}

/**
 * Register the function around a call to a wrapper as a wrapper itself when it passes one of its own
 * parameters as the path (`post(path, body) { return this.request("POST", path, body) }`). True
 * when it is new.
 */
export function registerChainedWrapper(table: WrapperTable, call: ts.CallExpression, inner: Wrapper, ctx: TsContext, names: Set<string>): boolean {
  const fn = enclosingFunction(call);
  if (!fn || table.byFunction.has(fn) || fn === inner.fn) return false;
  const path = argument({ call, fn: inner.fn }, base(inner).urlParam, ctx);
  const node = path && skipOuter(path);
  // The path is the parameter itself, or the last parameter of a URL built around it
  // (`fetchWithTimeout(\`${this.baseUrl}${path}\`)`: each call's URL is its own path joined in).
  const urlParam = !node
    ? undefined
    : ts.isIdentifier(node)
      ? parameterIndex(fn, resolveIdentifier(ctx.index, node))
      : urlPieces(node, ctx).reduce<number | undefined>((last, piece) => parameterIndex(fn, piece.unknown?.binding) ?? last, undefined);
  if (urlParam === undefined) return false;
  addWrapper(table, Object.assign({}, base(inner), { fn, urlParam, via: { inner, call } }), names);
  return true;
}

/** The wrapper around the client call at the end of a chain. */
function base(wrapper: Wrapper): Wrapper {
  let current = wrapper;
  while (current.via) current = current.via.inner;
  return current;
}

/** The position of the plain-name parameter of `fn` a binding is; undefined for any other binding. */
export function parameterIndex(fn: ts.SignatureDeclaration, binding: Binding | undefined): number | undefined {
  if (!binding || binding.kind !== 'param' || binding.scope !== fn) return undefined;
  const index = fn.parameters.indexOf(binding.node as ts.ParameterDeclaration);
  return index >= 0 && ts.isIdentifier(fn.parameters[index].name) ? index : undefined;
}

/**
 * The wrapper a call goes through, if any: the function the call calls when the resolver finds it,
 * else (a receiver it cannot follow, `client.request(...)`) the one wrapper of that member name.
 * A client call itself (`axios.post(...)`) is never a wrapper call.
 */
export function wrapperFor(call: ts.CallExpression, table: WrapperTable, ctx: TsContext, isSend: (call: ts.CallExpression) => boolean): Wrapper | undefined {
  const name = calledName(call);
  if (name === undefined || !table.names.has(name)) return undefined;
  const callee = skipOuter(call.expression);
  const fn = calledFunction(call, ctx);
  if (fn) return table.byFunction.get(fn);
  if (ts.isIdentifier(callee)) {
    // `const leo = wrap(...)` and other bindings the resolver does not call into.
    const binding = resolveIdentifier(ctx.index, callee);
    const target = binding && binding.kind !== 'function' && binding.initializer ? skipOuter(binding.initializer) : undefined;
    return target ? table.byFunction.get(target) : undefined;
  }
  if (isSend(call)) return undefined;
  const candidates = table.byMember.get(name);
  return candidates?.length === 1 ? candidates[0] : undefined;
}

/** A call and the function it calls, with the call whose arguments that function's own parameters take. */
interface Frame {
  call: ts.CallExpression;
  fn: ts.SignatureDeclaration;
  outer?: Frame;
}

/** The frames of a call to a wrapper, innermost first: the call to the client's wrapper, then each call around it. */
function frameOf(call: ts.CallExpression, wrapper: Wrapper): Frame {
  let frame: Frame = { call, fn: wrapper.fn };
  for (let current = wrapper; current.via; current = current.via.inner) {
    frame = { call: current.via.call, fn: current.via.inner.fn, outer: frame };
  }
  return frame;
}

/** The request a call to a wrapper sends, when its path is literal and the URL is Leonardo's. */
export function siteFromWrapperCall(
  call: ts.CallExpression,
  wrapper: Wrapper,
  ctx: TsContext,
  catalogue: Catalogue,
): RequestSite | undefined {
  if (enclosingFunction(call) === wrapper.fn) return undefined;
  const frame = frameOf(call, wrapper);
  const inner = base(wrapper);
  const pathArgument = argument(frame, inner.urlParam, ctx);
  if (!pathArgument) return undefined;
  const send = inner.send;
  // Each URL parameter's placeholder is what the call passes for it (`api(V1, "/generations")`).
  const passed = new Map<ts.Node, UrlPiece[]>([[inner.fn.parameters[inner.urlParam], framePieces(pathArgument, frame, ctx)]]);
  for (const index of inner.moreUrlParams ?? []) {
    const part = argument(frame, index, ctx);
    if (part) passed.set(inner.fn.parameters[index], framePieces(part, frame, ctx));
  }
  // (A parameter the code sends alone when it is a full URL, `path.startsWith("http") ? path : BASE + path`: so a call passing one.)
  const whole = inner.pieces.findIndex((piece) => piece.unknown?.orWhole && isFullUrl(passed.get(piece.unknown.binding!.node)));
  const sent = whole >= 0 ? inner.pieces.slice(whole) : inner.pieces;
  const relative = sent.flatMap((piece) => (piece.unknown?.binding && passed.get(piece.unknown.binding.node)) || [piece]);
  const basePieces = send.base && urlPieces(send.base, ctx);
  const pieces = basePieces ? joinBase(basePieces, relative) : relative;
  const url = leonardoUrl(pieces, spanOf(pathArgument, ctx));
  if (!url?.path) return undefined;
  // The send's own URL, the parameter left a placeholder: when it has a path and the call only fills in
  // whole segments of it (an id), the send is a request of its own, and its path is judged there. A
  // call that adds segments or text (`get("abc/variationz")`, `gen("-texturee")`) makes a path of its own.
  const own = leonardoUrl(basePieces ? joinBase(basePieces, inner.pieces) : inner.pieces, url.span)?.path;
  if (own !== undefined && fillsSegments(own, url.path)) url.judgedAtSend = true;
  const options = inner.optionsParam === undefined ? undefined : readOptions(argument(frame, inner.optionsParam, ctx), ctx);
  for (const key of inner.optionsOmit ?? []) options?.props.delete(key);
  const written =
    inner.bodyParam !== undefined
      ? argument(frame, inner.bodyParam, ctx)
      : inner.bodyKey
        ? argumentKey(frame, inner.bodyKey, ctx)
        : send.body ?? (options && readBody(options, send.keys));
  const bodyExpression = written && passedOn(written, frame, ctx);
  return makeSite(
    {
      source: 'wrapper',
      url,
      method: send.method ?? methodArgument(frame, inner, ctx) ?? (options && methodOption(options, undefined, ctx).method),
      body: bodyExpression && bodyValue(bodyExpression, ctx),
      headers: wrapperHeaders(inner, frame, ctx),
      span: spanOf(call, ctx),
    },
    catalogue,
  );
}

/**
 * A call to a wrapper that sends the URL it is given as it is (`fetchWithTimeout(url, init)` into
 * `fetch(url, {...})`): that URL argument, and the headers the request carries, the call's merged as the
 * wrapper merges them or else the wrapper's own. For uploads to a URL no request site stands for (a
 * presigned upload URL, presigned-upload-auth). Undefined for a wrapper that builds the URL.
 */
export function wrapperSend(call: ts.CallExpression, wrapper: Wrapper, ctx: TsContext): { url: ts.Expression; headers: ObjectValue | undefined } | undefined {
  if (enclosingFunction(call) === wrapper.fn) return undefined;
  const inner = base(wrapper);
  if (inner.send.base || inner.moreUrlParams || inner.pieces.length !== 1 || !inner.pieces[0].unknown) return undefined;
  const frame = frameOf(call, wrapper);
  const url = argument(frame, inner.urlParam, ctx);
  if (!url || ts.isSpreadElement(url)) return undefined;
  return { url, headers: wrapperHeaders(inner, frame, ctx) ?? headersOf(inner.send.headers, ctx) };
}

/**
 * The headers a call to a wrapper sends in the options the wrapper hands on to its client
 * (`fetchWithTimeout(url, { headers })` into `fetch(url, { ...opts, signal })`), judged where the call
 * writes them. They reach the wire as the wrapper's options object is written: a `headers` option of its
 * own after the spread replaces them, unless it spreads `opts.headers` in, and a header of its own written
 * after theirs replaces that one. The map is the merged one (a finding on a header of the wrapper's own is
 * the same at every call, reported once); an instance's headers or a spread of others leave it open.
 * Undefined when none of the call's headers reach the wire, or they cannot be seen.
 */
function wrapperHeaders(inner: Wrapper, frame: Frame, ctx: TsContext): ObjectValue | undefined {
  if (inner.optionsParam === undefined) return undefined;
  const passed = argument(frame, inner.optionsParam, ctx);
  const written = passed && readOptions(passed, ctx).props.get('headers');
  const theirs = written && headersOf([written], ctx);
  if (!theirs) return undefined;
  const fn = inner.fn;
  const param = inner.optionsParam;
  const spread = inner.send.openOptions.find((open) => optionsPart(open, fn, ctx)?.param === param);
  // (The options handed on whole, `fetch(url, opts)`, or spread where no `headers` option of the wrapper's comes after.)
  const literal = spread && ts.isSpreadAssignment(spread.parent) && ts.isObjectLiteralExpression(spread.parent.parent) ? spread.parent.parent : undefined;
  const after = literal?.properties.slice(literal.properties.indexOf(spread!.parent as ts.SpreadAssignment) + 1);
  const own = after?.filter((member) => ts.isPropertyAssignment(member) && propertyKey(member.name, ctx) === 'headers').pop() as ts.PropertyAssignment | undefined;
  let open = theirs.hasUnknownKeys || inner.send.headers.some((expression) => expression !== own?.initializer);
  // (A rest that leaves `headers` out, `{ headers, ...rest }`, hands on none of the call's.)
  if (!own) return spread && !inner.optionsOmit?.includes('headers') ? Object.assign({}, theirs, { hasUnknownKeys: open }) : undefined;
  const map = skipOuter(own.initializer);
  if (!ts.isObjectLiteralExpression(map)) return undefined;
  const mine = headersOf([map], ctx);
  if (!mine) return undefined;
  // The wrapper's own map, in order: the call's headers where it spreads them, each header replacing one of the same name before it.
  const sent: Property[] = [];
  let spreadsTheirs = false;
  for (const member of map.properties) {
    if (ts.isSpreadAssignment(member) && isOptionsKey(member.expression, fn, param, 'headers', ctx)) {
      spreadsTheirs = true;
      for (const property of theirs.properties) replaceKey(sent, property);
      continue;
    }
    const start = spanOf(member, ctx).start;
    const property = mine.properties.find((p) => p.span.start === start);
    // (A spread of a constant map, `...DEFAULT_HEADERS`, is its headers.)
    const spreadIn = !property && ts.isSpreadAssignment(member) ? valueOf(member.expression, ctx) : undefined;
    if (property) replaceKey(sent, property);
    else if (spreadIn?.kind === 'object' && !spreadIn.hasUnknownKeys) for (const header of spreadIn.properties) replaceKey(sent, header);
    else open = true;
  }
  if (!spreadsTheirs || !sent.some((property) => theirs.properties.includes(property))) return undefined;
  return Object.assign({}, theirs, { properties: sent, hasUnknownKeys: open });
}

/** Put a header in the map being built, in place of any of the same name (header names are case-insensitive). */
function replaceKey(sent: Property[], property: Property): void {
  const lower = property.key.toLowerCase();
  const at = sent.findIndex((other) => other.key.toLowerCase() === lower);
  if (at >= 0) sent.splice(at, 1);
  sent.push(property);
}

/**
 * What part of a function's options parameter an expression is: the parameter itself (`opts`), the rest of
 * it (`...rest` of `{ timeoutMs, headers, ...rest }`, or of `const { headers = {}, ...init } = options`), with
 * the keys the rest leaves out, or one key of it (`headers` destructured so). Undefined for anything else.
 */
function optionsPart(expression: ts.Expression, fn: ts.SignatureDeclaration, ctx: TsContext): { param: number; key?: string; omit?: string[] } | undefined {
  const node = skipOuter(expression);
  const binding = ts.isIdentifier(node) ? resolveIdentifier(ctx.index, node) : undefined;
  if (!binding || binding.reassigned) return undefined;
  const whole = parameterIndex(fn, binding);
  if (whole !== undefined) return { param: whole };
  let pattern: ts.ObjectBindingPattern | undefined;
  let param: number | undefined;
  const declaration = binding.node;
  if (binding.kind === 'param' && binding.scope === fn && ts.isParameter(declaration) && ts.isObjectBindingPattern(declaration.name)) {
    pattern = declaration.name;
    param = fn.parameters.indexOf(declaration);
  } else if (ts.isVariableDeclaration(declaration) && ts.isObjectBindingPattern(declaration.name) && declaration.initializer && enclosingFunction(declaration) === fn) {
    // (`const { headers = {}, ...init } = options` in the wrapper, on its options parameter as it was passed.)
    const from = skipOuter(declaration.initializer);
    const source = ts.isIdentifier(from) ? resolveIdentifier(ctx.index, from) : undefined;
    param = source && !source.reassigned ? parameterIndex(fn, source) : undefined;
    pattern = declaration.name;
  }
  if (!pattern || param === undefined) return undefined;
  const rest = pattern.elements.find((element) => element.dotDotDotToken && ts.isIdentifier(element.name) && element.name.text === binding.name);
  if (rest) {
    const omit = pattern.elements.flatMap((element) => {
      const key = element.dotDotDotToken ? undefined : (element.propertyName ?? element.name);
      return key && (ts.isIdentifier(key) || ts.isStringLiteral(key)) ? [key.text] : [];
    });
    return { param, omit };
  }
  const taken = patternElement(pattern, binding.name);
  return taken ? { param, key: taken.key } : undefined;
}

/** `opts.headers`, `opts?.headers`, `opts.headers ?? {}`, or `headers` destructured off the options: that key of the options parameter. */
function isOptionsKey(expression: ts.Expression, fn: ts.SignatureDeclaration, param: number, key: string, ctx: TsContext): boolean {
  let node = skipOuter(expression);
  if (ts.isBinaryExpression(node) && isFallbackOperator(node.operatorToken.kind)) node = skipOuter(node.left);
  if (ts.isPropertyAccessExpression(node)) {
    if (node.name.text !== key) return false;
    const whole = optionsPart(node.expression, fn, ctx);
    return whole?.param === param && whole.key === undefined && whole.omit === undefined;
  }
  const part = optionsPart(node, fn, ctx);
  return part?.param === param && part.key === key;
}

/** True when `path` is `template` with only whole `{…}` segments filled in (`/generations/{id}` → `/generations/abc`). */
function fillsSegments(template: string, path: string): boolean {
  const want = template.split('/');
  const got = path.split('/');
  return want.length === got.length && want.every((segment, i) => segment === got[i] || (/^\{[^/{}]*\}$/.test(segment) && got[i] !== ''));
}

/**
 * The argument a call passes for a parameter (or the parameter's default); when that is a parameter
 * of the function around the call, what the call around that passes, and so on out.
 */
function argument(frame: Frame, index: number, ctx: TsContext): ts.Expression | undefined {
  // After a spread (`call(...args)`), which argument is the parameter's cannot be known: the spread
  // itself stands for it (a value that cannot be known, not one that is absent).
  const spread = frame.call.arguments.slice(0, index + 1).find(ts.isSpreadElement);
  if (spread) return spread;
  const expression = passedFor(frame.call.arguments, index, frame.fn.parameters[index], ctx);
  const outer = frame.outer;
  if (!expression || !outer) return expression;
  const node = skipOuter(expression);
  const position = ts.isIdentifier(node) ? parameterIndex(outer.fn, resolveIdentifier(ctx.index, node)) : undefined;
  return position === undefined ? expression : argument(outer, position, ctx);
}

/**
 * The URL pieces of an argument of the chain (`\`${this.baseUrl}${path}\`` in `get(path)`), each parameter of
 * a function of the chain in it taken at what the call around that function passes (`/generations/${id}`).
 */
function framePieces(expression: ts.Expression, frame: Frame, ctx: TsContext, depth = 0): UrlPiece[] {
  const pieces = urlPieces(expression, ctx);
  if (!frame.outer || depth > MAX_FRAMES) return pieces;
  return pieces.flatMap((piece) => {
    const binding = piece.unknown?.binding;
    for (let outer = frame.outer; binding?.kind === 'param' && outer; outer = outer.outer) {
      const index = parameterIndex(outer.fn, binding);
      if (index === undefined) continue;
      const passed = argument(outer, index, ctx);
      return passed ? framePieces(passed, outer, ctx, depth + 1) : [piece];
    }
    return [piece];
  });
}

/** Most functions a chain of wrappers passes a URL through. */
const MAX_FRAMES = 8;

/**
 * A body written in options that a function of the chain builds from its own parameter
 * (`post(path, data) { return this.request(path, { method: "POST", body: JSON.stringify(data) }) }`):
 * what the call around it passes for that parameter.
 */
function passedOn(expression: ts.Expression, frame: Frame, ctx: TsContext): ts.Expression {
  if (!frame.outer) return expression;
  const node = skipOuter(sentExpression(expression, ctx));
  const position = ts.isIdentifier(node) ? parameterIndex(frame.outer.fn, resolveIdentifier(ctx.index, node)) : undefined;
  return (position !== undefined && argument(frame.outer, position, ctx)) || expression;
}

/** `options.method`: the parameter (by its index) and the key read off it. */
/** A key of an options parameter (`options.method`, or `method` of `{ method = "GET", body } = {}`), with its default. */
interface ParameterKey {
  param: number;
  key: string;
  /** What a call that leaves the key out sends (`"GET"` of `method = "GET"`). */
  fallback?: ts.Expression;
}

function parameterKey(fn: ts.SignatureDeclaration, expression: ts.Expression, ctx: TsContext): ParameterKey | undefined {
  if (ts.isIdentifier(expression)) return destructuredKey(fn, expression, ctx);
  // `options.method ?? "GET"`: the key, and what a call that leaves it out sends.
  if (ts.isBinaryExpression(expression) && isFallbackOperator(expression.operatorToken.kind)) {
    const key = parameterKey(fn, skipOuter(expression.left), ctx);
    return key && !key.fallback ? Object.assign(key, { fallback: expression.right }) : undefined;
  }
  if (!ts.isPropertyAccessExpression(expression)) return undefined;
  const receiver = skipOuter(expression.expression);
  const param = ts.isIdentifier(receiver) ? parameterIndex(fn, resolveIdentifier(ctx.index, receiver)) : undefined;
  return param === undefined ? undefined : { param, key: expression.name.text };
}

/** `method` of `async function send(path, { method = "GET", body } = {})`: that key of the parameter it destructures. */
function destructuredKey(fn: ts.SignatureDeclaration, name: ts.Identifier, ctx: TsContext): ParameterKey | undefined {
  const binding = resolveIdentifier(ctx.index, name);
  const parameter = binding?.node;
  if (!binding || binding.kind !== 'param' || binding.scope !== fn || binding.reassigned || !parameter || !ts.isParameter(parameter) || !ts.isObjectBindingPattern(parameter.name)) {
    return undefined;
  }
  const taken = patternElement(parameter.name, binding.name);
  if (!taken) return undefined;
  const { element, key } = taken;
  return { param: fn.parameters.indexOf(parameter), key, ...(element.initializer ? { fallback: element.initializer } : {}) };
}

/**
 * What a call passes for `options.key`: that property of the object literal it passes (or a constant
 * holding one); the key's default where the object certainly lacks it (`{}`, or no argument).
 */
function argumentKey(frame: Frame, at: ParameterKey, ctx: TsContext): ts.Expression | undefined {
  const passed = argument(frame, at.param, ctx);
  let node = passed && skipOuter(passed);
  if (node && ts.isIdentifier(node)) {
    const bound = bindingValue(node, ctx);
    node = bound && skipOuter(bound.expression);
  }
  if (!node || !ts.isObjectLiteralExpression(node)) return undefined;
  const found = objectProperty(node, at.key);
  if (found) return found[0];
  return lacksKey(node, at.key, ctx) ? at.fallback : undefined;
}

function methodArgument(frame: Frame, wrapper: Wrapper, ctx: TsContext): MethodRef | undefined {
  if (wrapper.methodKey) {
    const expression = argumentKey(frame, wrapper.methodKey, ctx);
    const literal = expression && constString(expression, ctx);
    return literal ? { value: literal.value.toUpperCase(), span: literal.inner } : undefined;
  }
  const when = wrapper.methodWhen;
  if (when) {
    // No span: the literal is the wrapper's, shared by every call (an edit there changes them all).
    const passed = argument(frame, when.param, ctx);
    const present = passed ? truthy(valueOf(passed, ctx)) : false;
    return present === undefined ? undefined : { value: present ? when.present : when.absent };
  }
  if (wrapper.methodParam === undefined) return undefined;
  const expression = argument(frame, wrapper.methodParam, ctx);
  const literal = expression && constString(expression, ctx);
  return literal ? { value: literal.value.toUpperCase(), span: literal.inner } : undefined;
}

/** Whether a value is truthy, when that can be known (each option of alternatives alike). */
function truthy(value: Value): boolean | undefined {
  switch (value.kind) {
    case 'object':
    case 'array':
      return true;
    case 'string':
      return value.value !== '';
    case 'number':
      return value.value !== 0 && !Number.isNaN(value.value);
    case 'boolean':
      return value.value;
    case 'null':
      return false;
    case 'foreign':
      return value.what !== 'undefined';
    case 'alternatives': {
      const answers = new Set(value.options.map(truthy));
      return answers.size === 1 ? [...answers][0] : undefined;
    }
    case 'unknown':
      return undefined;
  }
}
