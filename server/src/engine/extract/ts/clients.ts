// Which HTTP client a callee is: `fetch`, axios, got, ky, ofetch/$fetch, undici, whether imported,
// required or global, and client instances made with `axios.create(...)`, `ky.create(...)`,
// `got.extend(...)`, `ofetch.create(...)` (bound to a variable or a `this.` member). And what an
// options object holds at a call: its literal, and what the code writes into it before the call.

import ts from 'typescript';
import type { TsContext } from './context.js';
import { resolveIdentifier, skipOuter } from './scope.js';
import { accessedKey, bindingValue, calledFunction, classMemberWrites, isMemberAccess, memberWriteOrder, parameterArguments, runsBefore, singleReturned, thisClass, type BoundValue, type MemberAccess } from './resolve.js';
import type { Binding } from './file-index.js';
import { mayWriteInto, sendsNothing, sentExpression } from './bodies.js';
import { appendAll } from '../../arrays.js';

export type ClientLibrary = 'fetch' | 'axios' | 'got' | 'ky' | 'ofetch' | 'undici';

export interface ClientInstance {
  library: ClientLibrary;
  /** The options object given to `create` / `extend`. */
  config?: ts.Expression;
}

/** What a callee denotes: a library function (or namespace) or an instance, plus the member called. */
export interface ClientCallee {
  library: ClientLibrary;
  /** Set when the receiver is an instance made by `create` / `extend`. */
  instance?: ClientInstance;
  /** `post` in `axios.post(...)`; undefined for a direct call (`axios(...)`, `fetch(...)`). */
  member?: string;
  memberNode?: ts.MemberName;
}

/** What a module's export is, by module and imported name (`*` and `default` for the whole module). */
function libraryOfImport(module: string, imported: string): ClientLibrary | 'undici-request' | undefined {
  const whole = imported === '*' || imported === 'default';
  switch (module) {
    case 'axios':
      return whole || imported === 'axios' ? 'axios' : undefined;
    case 'got':
      return whole || imported === 'got' ? 'got' : undefined;
    case 'ky':
    case 'ky-universal':
      return whole || imported === 'ky' ? 'ky' : undefined;
    case 'ofetch':
    case 'ofetch/node':
      return whole || imported === 'ofetch' || imported === '$fetch' ? 'ofetch' : undefined;
    case 'undici':
      return whole ? 'undici' : imported === 'request' ? 'undici-request' : imported === 'fetch' ? 'fetch' : undefined;
    case 'node-fetch':
    case 'cross-fetch':
    case 'isomorphic-fetch':
    case 'isomorphic-unfetch':
    case 'unfetch':
      return whole || imported === 'fetch' ? 'fetch' : undefined;
    default:
      return undefined;
  }
}

const GLOBALS: Record<string, ClientLibrary> = { fetch: 'fetch', axios: 'axios', got: 'got', ky: 'ky', ofetch: 'ofetch', $fetch: 'ofetch' };
const GLOBAL_OBJECTS = new Set(['window', 'globalThis', 'self', 'global']);
/** Every member a client call can go through (`axios.post`, `undici.request`, `$fetch.raw`, `window.fetch`). */
const CLIENT_MEMBERS = new Set([
  'get', 'post', 'put', 'patch', 'delete', 'head', 'options', 'request',
  'postForm', 'putForm', 'patchForm', 'fetch', 'raw',
]);
const FACTORIES: Record<ClientLibrary, readonly string[]> = {
  axios: ['create'],
  ky: ['create', 'extend'],
  got: ['extend'],
  ofetch: ['create'],
  fetch: [],
  undici: [],
};

/** The client a call's callee refers to, or undefined when it is not an HTTP client call. */
export function clientCallee(callee: ts.Expression, ctx: TsContext): ClientCallee | undefined {
  const node = skipOuter(callee);
  if (ts.isIdentifier(node)) {
    if (!clientNames(ctx).direct.has(node.text)) return undefined;
    const target = referent(node, ctx);
    if (!target) return undefined;
    if (target.kind === 'undici-request') return { library: 'undici', member: 'request' };
    return target.kind === 'instance' ? { library: target.instance.library, instance: target.instance } : { library: target.library };
  }
  if (!ts.isPropertyAccessExpression(node)) return undefined;
  const member = node.name.text;
  if (skipOuter(node.expression).kind === ts.SyntaxKind.ThisKeyword && clientNames(ctx).thisMembers.has(member) && holdsFetch(node, ctx)) return { library: 'fetch' };
  if (!CLIENT_MEMBERS.has(member)) return undefined;
  const receiver = skipOuter(node.expression);
  if (ts.isIdentifier(receiver) && GLOBAL_OBJECTS.has(receiver.text) && member === 'fetch') return isGlobalFetch(node, ctx) ? { library: 'fetch' } : undefined;
  const target = receiverReferent(receiver, ctx);
  if (!target || target.kind === 'undici-request') return undefined;
  if (target.kind === 'instance') return { library: target.instance.library, instance: target.instance, member, memberNode: node.name };
  if (target.library === 'undici' && member === 'fetch') return { library: 'fetch' };
  return { library: target.library, member, memberNode: node.name };
}

/**
 * Whether a call by `name` (FileIndex.calledNames) may be a client call: clientCallee rules out every
 * other call by its name alone, and this rules it out without reading the call's nodes.
 */
export function mayCallClient(name: string | undefined, names: ClientNames): boolean {
  return name !== undefined && (names.direct.has(name) || CLIENT_MEMBERS.has(name) || names.thisMembers.has(name));
}

/** The names a client call can use in this file: every other callee is ruled out by name. */
export interface ClientNames {
  /** The globals, imported names, and variables initialised by a call (a `create`/`extend` instance). */
  direct: Set<string>;
  /** `m` of a `this.m` that may hold fetch (holdsFetch says whether it does). */
  thisMembers: Set<string>;
}

/** The file's client names, worked out on first use. */
export function clientNames(ctx: TsContext): ClientNames {
  // On the index: the extractor and the flow analysis evaluate the same file in contexts of their own.
  const known = ctx.index.clientNames;
  if (known) return known;
  const names = new Set(Object.keys(GLOBALS));
  const thisMembers = new Set<string>();
  for (const binding of ctx.index.imports) names.add(binding.name);
  for (const scope of ctx.index.scopes.values()) {
    for (const binding of scope.values()) {
      const initializer = binding.initializer && skipOuter(binding.initializer);
      if (initializer && ts.isCallExpression(initializer)) names.add(binding.name);
      // `const doFetch = fetch`, `(fetcher = globalThis.fetch) => ...`: fetch under another name.
      else if (initializer ? isGlobalFetch(initializer, ctx) || isFetchShim(initializer) : defaultsToFetch(binding, ctx)) {
        names.add(binding.name);
        // `constructor(private fetcher = fetch)`: `this.fetcher` may be fetch (holdsFetch says).
        if (ts.isParameter(binding.node) && ts.isParameterPropertyDeclaration(binding.node, binding.node.parent)) thisMembers.add(binding.name);
      }
    }
  }
  for (const [name, values] of ctx.index.thisMembers) if (values.some((value) => isGlobalFetch(value, ctx))) thisMembers.add(name);
  // `pollForGeneration(client, id)` handing such a value to a same-file function: its parameter may be the
  // client too (`referent` asks the calls what it is). The calls looked at are those that pass a variable
  // with one of these names (FileIndex.argumentUses, by the variable), not every call of the file.
  // (Whether a name is an instance is asked once per binding, and the call resolved only for one that is.)
  const handed = new Set<string>();
  for (const [binding, calls] of ctx.index.argumentUses) {
    if (binding.kind === 'param' || binding.kind === 'import' || !names.has(binding.name)) continue;
    let instance: boolean | undefined;
    let previous: ts.CallExpression | undefined;
    for (const call of calls) {
      // (A call that passes the variable twice is listed twice.)
      if (call === previous) continue;
      previous = call;
      const args = call.arguments;
      for (let position = 0; position < args.length; position++) {
        const argument = args[position];
        // The argument itself, not one in parentheses or with a type assertion.
        if (!ts.isIdentifier(argument) || argument.text !== binding.name || resolveIdentifier(ctx.index, argument) !== binding) continue;
        instance ??= referent(argument, ctx)?.kind === 'instance';
        const parameter = instance ? calledFunction(call, ctx)?.parameters[position] : undefined;
        if (parameter && ts.isIdentifier(parameter.name)) handed.add(parameter.name.text);
      }
    }
  }
  for (const name of handed) names.add(name);
  const found: ClientNames = { direct: names, thisMembers };
  ctx.index.clientNames = found;
  return found;
}

/** What a name refers to: a client library, an instance of one, or undici's `request` function. */
type Referent =
  | { kind: 'library'; library: ClientLibrary }
  | { kind: 'instance'; instance: ClientInstance }
  | { kind: 'undici-request' };

function receiverReferent(receiver: ts.Expression, ctx: TsContext): Referent | undefined {
  if (ts.isIdentifier(receiver)) return referent(receiver, ctx);
  if (ts.isPropertyAccessExpression(receiver) && receiver.expression.kind === ts.SyntaxKind.ThisKeyword) {
    for (const initializer of ctx.index.thisMembers.get(receiver.name.text) ?? []) {
      const instance = instanceFrom(initializer, ctx);
      if (instance) return { kind: 'instance', instance };
    }
    return undefined;
  }
  const instance = ts.isCallExpression(receiver) ? instanceFrom(receiver, ctx) : undefined;
  return instance && { kind: 'instance', instance };
}

/** What an identifier names: a client library (imported, required or global) or an instance. */
function referent(id: ts.Identifier, ctx: TsContext): Referent | undefined {
  const binding = resolveIdentifier(ctx.index, id);
  if (!binding) {
    // An own entry only: `constructor(…)` or `toString.create(…)` must not read Object.prototype.
    const global = Object.hasOwn(GLOBALS, id.text) ? GLOBALS[id.text] : undefined;
    return global && { kind: 'library', library: global };
  }
  if (binding.kind === 'import') {
    const library = libraryOfImport(binding.module!, binding.imported!);
    if (!library) return undefined;
    return library === 'undici-request' ? { kind: library } : { kind: 'library', library };
  }
  const initializer = bindingValue(id, ctx, binding)?.expression;
  const instance = initializer && instanceFrom(initializer, ctx);
  if (instance) return { kind: 'instance', instance };
  // `const doFetch = fetch`, `fetch.bind(globalThis)`: the global fetch under another name; node-fetch loaded on first use.
  if (initializer && (isGlobalFetch(initializer, ctx) || isFetchShim(initializer))) return { kind: 'library', library: 'fetch' };
  // SvelteKit's `load({ fetch })`, injected `(fetch = globalThis.fetch) => ...`: a parameter named fetch
  // is one, and so is a parameter whose default is fetch (`fetcher = fetch`): what callers pass instead takes fetch's arguments.
  if (binding.kind !== 'param') return undefined;
  if (id.text === 'fetch' || defaultsToFetch(binding, ctx)) return { kind: 'library', library: 'fetch' };
  return passedInstance(binding, ctx);
}

/**
 * A parameter every visible call passes one client instance for (`pollForGeneration(leo, id)`, each
 * `leo` made by `axios.create` or a factory): that instance. Calls the file cannot see may pass another.
 */
function passedInstance(binding: Binding, ctx: TsContext): Referent | undefined {
  const passed = parameterArguments(binding, ctx);
  if (!passed || passed.length === 0 || passed.length > 8) return undefined;
  let first: ClientInstance | undefined;
  for (const argument of passed) {
    const node = skipOuter(argument);
    const target = ts.isIdentifier(node) && resolveIdentifier(ctx.index, node)?.kind !== 'param' ? referent(node, ctx) : undefined;
    if (target?.kind !== 'instance' || (first && target.instance.library !== first.library)) return undefined;
    first ??= target.instance;
  }
  return first && { kind: 'instance', instance: first };
}

/**
 * A parameter whose default is the global fetch (`fetcher: typeof fetch = fetch`), also one taken out of
 * an options object (`createLeonardo({ apiKey, fetcher = fetch })`).
 */
function defaultsToFetch(binding: Binding, ctx: TsContext): boolean {
  const parameter = binding.node;
  if (binding.kind !== 'param' || !ts.isParameter(parameter)) return false;
  if (ts.isIdentifier(parameter.name)) return parameter.initializer !== undefined && isGlobalFetch(parameter.initializer, ctx);
  const element = ts.isObjectBindingPattern(parameter.name) ? parameter.name.elements.find((e) => ts.isIdentifier(e.name) && e.name.text === binding.name) : undefined;
  return element?.initializer !== undefined && isGlobalFetch(element.initializer, ctx);
}

/**
 * `this.fetcher` of a class that gives the member only fetch: `constructor(private fetcher = fetch)`,
 * `this.fetcher = fetch.bind(globalThis)` (what a caller passes instead takes fetch's arguments).
 */
function holdsFetch(access: ts.PropertyAccessExpression, ctx: TsContext): boolean {
  const owner = thisClass(access);
  if (!owner) return false;
  const { values, parameter } = classMemberWrites(owner, access.name.text, ctx);
  const given = parameter ? [...values, parameter.initializer] : values;
  return given.length > 0 && given.every((value) => value !== undefined && isGlobalFetch(value, ctx));
}

/**
 * `(...args) => import('node-fetch').then(({ default: fetch }) => fetch(...args))` (or `.then((m) =>
 * m.default(...args))`): CommonJS code's way to call the ESM-only node-fetch, loaded on first use.
 * A function that hands all its arguments to a fetch module's default export is fetch.
 */
function isFetchShim(expression: ts.Expression): boolean {
  const fn = skipOuter(expression);
  if (!(ts.isArrowFunction(fn) || ts.isFunctionExpression(fn)) || fn.parameters.length !== 1) return false;
  const rest = fn.parameters[0];
  if (!rest.dotDotDotToken || !ts.isIdentifier(rest.name)) return false;
  const then = singleReturned(fn);
  if (!then || !ts.isCallExpression(then) || !ts.isPropertyAccessExpression(then.expression) || then.expression.name.text !== 'then') return false;
  const loaded = skipOuter(then.expression.expression);
  const module = ts.isCallExpression(loaded) && loaded.expression.kind === ts.SyntaxKind.ImportKeyword ? loaded.arguments[0] : undefined;
  if (!module || !ts.isStringLiteralLike(module) || libraryOfImport(module.text, 'default') !== 'fetch') return false;
  const callback = then.arguments[0] && skipOuter(then.arguments[0]);
  if (!callback || !(ts.isArrowFunction(callback) || ts.isFunctionExpression(callback)) || callback.parameters.length !== 1) return false;
  const taken = callback.parameters[0].name;
  const call = singleReturned(callback);
  if (!call || !ts.isCallExpression(call) || call.arguments.length !== 1) return false;
  const spread = call.arguments[0];
  if (!ts.isSpreadElement(spread) || !ts.isIdentifier(spread.expression) || spread.expression.text !== rest.name.text) return false;
  const callee = skipOuter(call.expression);
  // `({ default: fetch }) => fetch(...args)`, or `(m) => m.default(...args)`.
  if (ts.isObjectBindingPattern(taken)) {
    const element = taken.elements.find((e) => e.propertyName && ts.isIdentifier(e.propertyName) && e.propertyName.text === 'default');
    return element !== undefined && ts.isIdentifier(element.name) && ts.isIdentifier(callee) && callee.text === element.name.text;
  }
  return ts.isIdentifier(taken) && ts.isPropertyAccessExpression(callee) && callee.name.text === 'default' && ts.isIdentifier(callee.expression) && callee.expression.text === taken.text;
}

/** The global `fetch`, `globalThis.fetch` (or `window.`, `self.`), or one of them bound (`fetch.bind(globalThis)`). */
function isGlobalFetch(expression: ts.Expression, ctx: TsContext): boolean {
  let node = skipOuter(expression);
  if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && node.expression.name.text === 'bind') node = skipOuter(node.expression.expression);
  if (ts.isIdentifier(node)) return node.text === 'fetch' && !resolveIdentifier(ctx.index, node);
  if (!ts.isPropertyAccessExpression(node) || node.name.text !== 'fetch') return false;
  const receiver = skipOuter(node.expression);
  return ts.isIdentifier(receiver) && GLOBAL_OBJECTS.has(receiver.text) && !resolveIdentifier(ctx.index, receiver);
}

/**
 * `axios.create({...})`, `ky.extend({...})`, ...: the instance and its options; also what a same-file
 * factory returns (`function createClient() { return axios.create({ baseURL }) }`, called `createClient()`).
 */
export function instanceFrom(expression: ts.Expression, ctx: TsContext, depth = 0): ClientInstance | undefined {
  const node = skipOuter(expression);
  if (!ts.isCallExpression(node)) return undefined;
  const callee = skipOuter(node.expression);
  const receiver = ts.isPropertyAccessExpression(callee) ? skipOuter(callee.expression) : undefined;
  if (ts.isPropertyAccessExpression(callee) && receiver && ts.isIdentifier(receiver)) {
    const target = referent(receiver, ctx);
    if (target?.kind === 'library') return FACTORIES[target.library].includes(callee.name.text) ? { library: target.library, config: node.arguments[0] } : undefined;
  }
  if (depth >= 3 || !ts.isIdentifier(callee)) return undefined;
  const fn = calledFunction(node, ctx);
  const returned = fn && singleReturned(fn);
  return returned ? instanceFrom(returned, ctx, depth + 1) : undefined;
}

/** What an options object (`init`, axios config, got/ky options) shows. */
export interface Options {
  props: Map<string, ts.Expression>;
  /** Options passed whole or spread in that cannot be read here (`init`, `{...init}`). */
  open: ts.Expression[];
}

/**
 * The properties of an options object: a literal, or a name bound to one with what the code writes
 * into it before the call (see writtenOptions); spreads of constants included.
 */
export function readOptions(expression: ts.Expression | undefined, ctx: TsContext, depth = 0): Options {
  const options: Options = { props: new Map(), open: [] };
  if (!expression) return options;
  let node = skipOuter(expression);
  const use = node;
  let bound: BoundValue | undefined;
  if (ts.isIdentifier(node)) {
    bound = bindingValue(node, ctx);
    if (bound) node = skipOuter(bound.expression);
  }
  if (!ts.isObjectLiteralExpression(node) || depth > 8) {
    options.open.push(expression);
    return options;
  }
  for (const member of node.properties) {
    if (ts.isPropertyAssignment(member) && (ts.isIdentifier(member.name) || ts.isStringLiteral(member.name))) {
      options.props.set(member.name.text, member.initializer);
    } else if (ts.isShorthandPropertyAssignment(member)) {
      options.props.set(member.name.text, member.name);
    } else if (ts.isSpreadAssignment(member)) {
      // `...(body && { body: JSON.stringify(body) })`, `...(c ? { a } : {})`: what each branch may set.
      for (const branch of spreadBranches(member.expression)) {
        const spread = readOptions(branch, ctx, depth + 1);
        for (const [key, value] of spread.props) options.props.set(key, value);
        appendAll(options.open, spread.open);
      }
    }
  }
  if (bound) writtenOptions(options, bound, use, ctx);
  return options;
}

/** The option keys a client reads its body from (see calls.ts's OptionKeys). */
const BODY_OPTIONS = new Set(['body', 'json', 'data', 'form']);

/**
 * What the code writes into an options object a name holds before the call reads it, by
 * memberWriteOrder: `init.body = JSON.stringify(body)` in straight-line code before the call is that
 * option; `if (body) init.body = JSON.stringify(body)` a body sent when there is one (as `body ?
 * JSON.stringify(body) : undefined` is); any other write that may come first (in a branch, a loop,
 * another function, into a nested object, twice) leaves its option unknown, and one by a computed
 * key every option, as does handing the object to a call that may write into it (`Object.assign`) or
 * deleting a key. An option that cannot be known is one the options may hold unseen (`open`).
 */
function writtenOptions(options: Options, bound: BoundValue, use: ts.Expression, ctx: TsContext): void {
  // Written into by a call (`Object.assign(init, { method })`, `addAuth(init)`), or a key deleted: nothing is known.
  if (optionsHandedOn(bound.binding, ctx)) {
    options.props.clear();
    options.open.push(use);
    return;
  }
  const assignments = ctx.index.memberAssignments.get(bound.binding);
  if (!assignments) return;
  const written = new Map<string, Array<{ order: 'before' | 'maybe'; assignment: ts.BinaryExpression; direct: boolean }>>();
  for (const assignment of assignments) {
    const order = memberWriteOrder(assignment, use, bound);
    if (order === 'never') continue;
    let top = assignment.left as MemberAccess;
    while (isMemberAccess(top.expression)) top = top.expression;
    const key = accessedKey(top);
    if (key === undefined) {
      options.props.clear();
      options.open.push(use);
      return;
    }
    const entry = { order, assignment, direct: top === assignment.left };
    const list = written.get(key);
    if (list) list.push(entry);
    else written.set(key, [entry]);
  }
  const seen = options.open.length === 0;
  for (const [key, writes] of written) {
    let value: ts.Expression | undefined;
    if (writes.every((w) => w.order === 'before' && w.direct)) {
      value = writes[writes.length - 1].assignment.right;
    } else if (writes.length === 1 && writes[0].direct && BODY_OPTIONS.has(key) && !options.props.has(key) && seen) {
      value = bodyWhenPresent(writes[0].assignment, use, bound, ctx);
    }
    if (value) {
      options.props.set(key, value);
    } else {
      options.props.delete(key);
      if (!options.open.includes(use)) options.open.push(use);
    }
  }
}

/** True when an options object has a key deleted, or is handed to a call that may write into it (bodies.ts `mayWriteInto`). */
function optionsHandedOn(binding: Binding, ctx: TsContext): boolean {
  return ctx.index.deletes.has(binding) || (ctx.index.argumentUses.get(binding) ?? []).some((call) => mayWriteInto(call, binding, ctx));
}

/**
 * The body `if (body) init.body = JSON.stringify(body)` writes (also `if (body && method === "POST")`),
 * when the `if` (without `else`) runs before the call: it sends `body` when there is one, nothing otherwise.
 */
function bodyWhenPresent(assignment: ts.BinaryExpression, use: ts.Expression, bound: BoundValue, ctx: TsContext): ts.Expression | undefined {
  const statement = assignment.parent;
  if (!ts.isExpressionStatement(statement)) return undefined;
  const branch = ts.isBlock(statement.parent) ? statement.parent : statement;
  const choice = branch.parent;
  if (!ts.isIfStatement(choice) || choice.thenStatement !== branch || choice.elseStatement || !runsBefore(choice, use, bound)) return undefined;
  const sent = skipOuter(sentExpression(assignment.right, ctx));
  if (!ts.isIdentifier(sent)) return undefined;
  // `if (body)`, `if (body !== undefined)`, `if (body && method === "POST")`, `if (method !== "GET")`: a test
  // that there is a body, or of the method (the request's method is judged on its own).
  const binding = resolveIdentifier(ctx.index, sent);
  if (!binding) return undefined;
  const isPresenceTest = (test: ts.Expression): boolean => {
    const tested = presenceTested(test);
    return tested !== undefined && resolveIdentifier(ctx.index, tested) === binding;
  };
  return conjuncts(choice.expression).every((test) => isPresenceTest(test) || isMethodTest(test)) ? assignment.right : undefined;
}

/** The name `x`, `x !== undefined`, `x != null`, `x !== null` or `typeof x !== "undefined"` tests is there. */
function presenceTested(test: ts.Expression): ts.Identifier | undefined {
  const node = skipOuter(test);
  if (ts.isIdentifier(node)) return node;
  if (!ts.isBinaryExpression(node)) return undefined;
  const operator = node.operatorToken.kind;
  if (operator !== ts.SyntaxKind.ExclamationEqualsEqualsToken && operator !== ts.SyntaxKind.ExclamationEqualsToken) return undefined;
  const [left, right] = [skipOuter(node.left), skipOuter(node.right)];
  for (const [name, other] of [[left, right], [right, left]]) {
    if (ts.isTypeOfExpression(name) && ts.isStringLiteralLike(other) && other.text === 'undefined') {
      const operand = skipOuter(name.expression);
      return ts.isIdentifier(operand) ? operand : undefined;
    }
    if (ts.isIdentifier(name) && sendsNothing(other)) return name;
  }
  return undefined;
}

/** `a && b && c` → [a, b, c] (through parentheses). */
function conjuncts(expression: ts.Expression): ts.Expression[] {
  const node = skipOuter(expression);
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken) return [...conjuncts(node.left), ...conjuncts(node.right)];
  return [node];
}

const HTTP_METHODS = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS']);

/** `method === "POST"`, `method !== 'GET'`, `["POST", "PUT"].includes(method)`, or several joined by `||`. */
function isMethodTest(expression: ts.Expression): boolean {
  const node = skipOuter(expression);
  const isMethodName = (e: ts.Expression): boolean => ts.isStringLiteralLike(skipOuter(e)) && HTTP_METHODS.has((skipOuter(e) as ts.StringLiteralLike).text.toUpperCase());
  if (ts.isBinaryExpression(node)) {
    const operator = node.operatorToken.kind;
    if (operator === ts.SyntaxKind.BarBarToken) return isMethodTest(node.left) && isMethodTest(node.right);
    const equality = operator === ts.SyntaxKind.EqualsEqualsEqualsToken || operator === ts.SyntaxKind.ExclamationEqualsEqualsToken || operator === ts.SyntaxKind.EqualsEqualsToken || operator === ts.SyntaxKind.ExclamationEqualsToken;
    return equality && (isMethodName(node.left) || isMethodName(node.right));
  }
  if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && node.expression.name.text === 'includes') {
    const list = skipOuter(node.expression.expression);
    return ts.isArrayLiteralExpression(list) && list.elements.length > 0 && list.elements.every(isMethodName);
  }
  return false;
}

/** The objects a spread may bring in: both branches of `c ? a : b`, the right side of `c && a`, else itself. */
function spreadBranches(expression: ts.Expression): ts.Expression[] {
  const node = skipOuter(expression);
  if (ts.isConditionalExpression(node)) return [node.whenTrue, node.whenFalse];
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken) return [node.right];
  return [expression];
}

/** True when an expression is (or is bound to) an object literal: an options object rather than a URL. */
export function isOptionsObject(expression: ts.Expression, ctx: TsContext): boolean {
  let node = skipOuter(expression);
  if (ts.isIdentifier(node)) {
    const bound = bindingValue(node, ctx);
    if (!bound) return false;
    node = skipOuter(bound.expression);
  }
  return ts.isObjectLiteralExpression(node);
}
