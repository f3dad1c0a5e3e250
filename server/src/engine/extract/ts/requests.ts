// Client calls → RequestSites: the URL must resolve to a Leonardo REST URL, then the method, the
// catalogue endpoint, the body and the visible headers are filled in.

import ts from 'typescript';
import type { Catalogue } from '../../../api/types.js';
import type { ObjectValue, RequestSite, RequestUrl, Value } from '../../types.js';
import { bodyValue, mayBeChanged } from './bodies.js';
import type { MethodRef, SendCall } from './calls.js';
import { endpointFor } from '../text/request-url.js';
import { spanOf, type TsContext } from './context.js';
import { calleeName, valueOf } from './values.js';
import { joinBase, leonardoUrl, urlPieces, type UrlPiece } from './urls.js';
import { resolveIdentifier, skipOuter } from './scope.js';
import { argumentsOfParameter, armsOf, bindingValue, bindingValues, declaredName, callbackList, objectProperty, patternElement, enclosingFunction, holds, isLoop, iteratedList, parametersBound, resolvedCalls, returnedExpressions, someNode } from './resolve.js';
import { instanceState } from './instances.js';
import { referencesOf, type Binding } from './file-index.js';

/** The URL pieces a send goes to (its base URL joined in). */
export function sendUrlPieces(send: SendCall, ctx: TsContext): UrlPiece[] {
  const pieces = send.url ? urlPieces(send.url, ctx) : [];
  return send.base ? joinBase(urlPieces(send.base, ctx), pieces) : pieces;
}

export interface SiteParts {
  source: RequestSite['source'];
  url: RequestUrl;
  method?: MethodRef;
  body?: Value;
  headers?: ObjectValue;
  span: RequestSite['span'];
}

/** A request site from its parts, with the endpoint the catalogue has for its method and path. */
export function makeSite(parts: SiteParts, catalogue: Catalogue): RequestSite {
  const { url, method } = parts;
  const site: RequestSite = { source: parts.source, naming: 'wire', url, span: parts.span };
  if (method) {
    site.method = method.value;
    if (method.span) site.methodSpan = method.span;
  }
  const endpoint = endpointFor(catalogue, method?.value, url);
  if (endpoint) site.endpoint = endpoint;
  if (parts.body) site.body = parts.body;
  if (parts.headers) site.headers = parts.headers;
  return site;
}

/** The request a client call sends, when it goes to Leonardo. */
export function siteFromSend(send: SendCall, pieces: UrlPiece[], ctx: TsContext, catalogue: Catalogue): RequestSite | undefined {
  const url = leonardoUrl(pieces, spanOf(send.url ?? send.call, ctx));
  if (!url) return undefined;
  return makeSite(
    {
      source: send.source,
      url,
      method: send.method,
      body: sendBody(send, ctx),
      headers: headersOf(send.headers, ctx),
      span: spanOf(send.call, ctx),
    },
    catalogue,
  );
}

/** Most elements a list may have for its call to be judged as one request per element. */
const MAX_ELEMENTS = 4;

/**
 * The requests one call can make, one per URL, when its URL is built from a loop variable over a
 * literal list (`for (const base of [V1, V2]) fetch(\`${base}/${id}\`)`, `[V1, V2].map((base) => ...)`),
 * or chosen by a condition (`fetch(useV2 ? V2_URL : V1_URL)`): each a URL the code can send to,
 * judged. A loop variable counts only when it is used for nothing but the URL, and a choice only
 * with a body that is the same on every path (nothing in it chosen): a body chosen by the same
 * variable or condition would pair each body with each URL. The list is a literal, or a constant
 * holding one that no element is taken out of. Undefined otherwise.
 */
export function perElementSites(send: SendCall, pieces: readonly UrlPiece[], ctx: TsContext, catalogue: Catalogue): RequestSite[] | undefined {
  const choices = loopChoices(send, pieces, ctx) ?? conditionChoices(send, pieces, ctx) ?? writeChoices(send, pieces, ctx);
  if (choices) return boundSites(sendSite(send, ctx, catalogue), choices.elements.map((element) => [[choices.key, element]]), ctx);
  const sets = elementSets(send.call, ctx);
  return sets && boundSites(sendSite(send, ctx, catalogue), sets, ctx);
}

/**
 * A request made once per element of a literal list of objects or tuples its body reads apart
 * (`FORMATS.map(async ({ width, height }) => fetch(...))`, `for (const [width, height] of SIZES)`,
 * `for (const f of FORMATS) ... f.width`): one request per element, each name the call reads taken at that
 * element's part, so one element's width is judged with its own height, never another's. (A list of plain
 * values read whole is each value in turn already, values.ts `elementValue`.) Undefined otherwise.
 */
function elementSets(call: ts.CallExpression, ctx: TsContext): Array<Array<readonly [Binding, ts.Expression]>> | undefined {
  // (Most sends are in no loop and no element callback: ruled out before their arguments are walked.)
  if (!insideIteration(call)) return undefined;
  let loop: { list: readonly ts.Expression[]; parts: Array<{ binding: Binding; at: ElementPart }> } | undefined;
  const seen = new Set<Binding>();
  let refused = false;
  const visit = (node: ts.Node): void => {
    if (refused) return;
    if (ts.isIdentifier(node)) {
      const binding = resolveIdentifier(ctx.index, node);
      if (!binding || seen.has(binding)) return;
      seen.add(binding);
      const part = elementPart(binding, ctx);
      if (!part) return;
      if (loop && loop.list !== part.list) refused = true;
      else (loop ??= { list: part.list, parts: [] }).parts.push({ binding, at: part.at });
      return;
    }
    node.forEachChild(visit);
  };
  for (const argument of call.arguments) visit(argument);
  // (Only lists of objects or tuples: a list of plain values is read whole already.)
  if (refused || !loop || !loop.parts.some((p) => p.at !== 'whole' || loop!.list.every((e) => ts.isObjectLiteralExpression(skipOuter(e))))) return undefined;
  return loop.list.map((element) => loop!.parts.flatMap(({ binding, at }) => {
    const part = partOf(element, at, ctx);
    return part ? [[binding, part] as const] : [];
  }));
}

/** The node is in the body of a `for...of` or of a list method's callback (`items.map((x) => ...)`). */
function insideIteration(node: ts.Node): boolean {
  for (let current = node.parent; current && !ts.isSourceFile(current); current = current.parent) {
    if (ts.isForOfStatement(current) || callbackList(current)) return true;
  }
  return false;
}

/** Where a name takes its value in each element: the element itself, an index of a tuple, or a key of an object. */
type ElementPart = 'whole' | { index: number } | { key: string };

/** The literal list a loop variable or an element callback's parameter (or a name destructured from either) iterates, and which part of each element the name takes. */
function elementPart(binding: Binding, ctx: TsContext): { list: readonly ts.Expression[]; at: ElementPart } | undefined {
  if (binding.reassigned) return undefined;
  const whole = iteratedList(binding);
  if (whole) {
    const list = literalList(whole, ctx);
    return list && { list, at: 'whole' };
  }
  const declaration = binding.node;
  let pattern: ts.BindingName | undefined;
  let iterated: ts.Expression | undefined;
  if (ts.isVariableDeclaration(declaration) && !declaration.initializer && ts.isForOfStatement(declaration.parent.parent)) {
    pattern = declaration.name;
    iterated = declaration.parent.parent.expression;
  } else if (ts.isParameter(declaration) && declaration.parent.parameters[0] === declaration) {
    pattern = declaration.name;
    iterated = callbackList(declaration.parent);
  }
  if (!pattern || !iterated || ts.isIdentifier(pattern)) return undefined;
  let at: ElementPart | undefined;
  if (ts.isArrayBindingPattern(pattern)) {
    const index = pattern.elements.findIndex((e) => ts.isBindingElement(e) && !e.dotDotDotToken && ts.isIdentifier(e.name) && e.name.text === binding.name);
    at = index >= 0 ? { index } : undefined;
  } else {
    const taken = patternElement(pattern, binding.name);
    at = taken && !taken.element.initializer ? { key: taken.key } : undefined;
  }
  const list = at && literalList(iterated, ctx);
  return list && at && { list, at };
}

/** The part of one element a name takes; undefined where the element does not spell it. */
function partOf(element: ts.Expression, at: ElementPart, ctx: TsContext): ts.Expression | undefined {
  if (at === 'whole') return element;
  let node = skipOuter(element);
  if (ts.isIdentifier(node)) node = skipOuter(bindingValue(node, ctx)?.expression ?? node);
  if ('index' in at) {
    const item = ts.isArrayLiteralExpression(node) && !node.elements.slice(0, at.index + 1).some(ts.isSpreadElement) ? node.elements[at.index] : undefined;
    return item && !ts.isOmittedExpression(item) ? item : undefined;
  }
  return ts.isObjectLiteralExpression(node) ? objectProperty(node, at.key)?.[0] : undefined;
}

/** What a request is made under: names taken at given expressions (`bound`), or one arm of a statement (`branch`). */
type Assumption = Pick<TsContext, 'bound' | 'branch' | 'instance'>;

/**
 * The request `send` makes under each assumption (added to the context's, then restored): one
 * `perElement` site per assumption whose URL is Leonardo's.
 */
function sitesUnder(make: () => RequestSite | undefined, assumptions: readonly Assumption[], ctx: TsContext): RequestSite[] {
  const sites: RequestSite[] = [];
  const { bound, branch, instance } = ctx;
  for (const assumption of assumptions) {
    ctx.bound = assumption.bound ?? bound;
    ctx.branch = assumption.branch ?? branch;
    ctx.instance = assumption.instance ?? instance;
    try {
      const site = make();
      if (site) sites.push(Object.assign(site, { perElement: true as const }));
    } finally {
      ctx.bound = bound;
      ctx.branch = branch;
      ctx.instance = instance;
    }
  }
  return sites;
}

/**
 * The requests a builder's method makes on what each visible chain of setters leaves on its instance
 * (`new V2Request("gpt-image-1.5").prompt(p).size(1024, 1536).send()` posting `this.payload`): one per
 * such call, read with `this` as that chain leaves it (instances.ts) and the method's parameters at
 * the call's arguments. The request read without them stays beside these (other modules may call it).
 * Undefined when the send is not in a method of a class with setters, or no call of it is such a chain.
 */
export function perInstanceSites(call: ts.CallExpression, make: () => RequestSite | undefined, ctx: TsContext): RequestSite[] | undefined {
  const fn = enclosingFunction(call);
  // (A method that never names `this` sends nothing a chain of setters leaves: ruled out before the class is looked through.)
  if (!fn || !ts.isMethodDeclaration(fn) || !ts.isClassDeclaration(fn.parent) || !someNode(fn, (n) => n.kind === ts.SyntaxKind.ThisKeyword || undefined) || !hasSetters(fn.parent)) return undefined;
  const assumptions: Assumption[] = [];
  for (const use of resolvedCalls(fn, ctx)) {
    const callee = skipOuter(use.expression);
    const instance = ts.isPropertyAccessExpression(callee) ? instanceState(callee.expression, fn, ctx) : undefined;
    const bound = instance && parametersBound(fn, use.arguments, ctx, true);
    if (bound) assumptions.push({ instance, bound });
    if (assumptions.length > MAX_CALLS) return undefined;
  }
  return assumptions.length > 0 ? sitesUnder(make, assumptions, ctx) : undefined;
}

/** A class with a method that hands back the instance (`return this`): a builder. */
function hasSetters(owner: ts.ClassDeclaration): boolean {
  return owner.members.some((member) => ts.isMethodDeclaration(member) && returnedExpressions(member).some((e) => skipOuter(e).kind === ts.SyntaxKind.ThisKeyword));
}


/** Each set of bindings added to the context's: the assumptions of a request per element or per call. */
function boundSites(make: () => RequestSite | undefined, sets: ReadonlyArray<ReadonlyArray<readonly [Binding | ts.Node, ts.Expression]>>, ctx: TsContext): RequestSite[] {
  return sitesUnder(make, sets.map((set) => ({ bound: new Map([...(ctx.bound ?? []), ...set]) })), ctx);
}

/** The request a send makes, read under the context's assumptions. */
export function sendSite(send: SendCall, ctx: TsContext, catalogue: Catalogue): () => RequestSite | undefined {
  return () => siteFromSend(send, sendUrlPieces(send, ctx), ctx, catalogue);
}

/** Most arms a statement may have for its request to be judged once per arm. */
const MAX_ARMS = 8;

/**
 * The requests `send` makes, one per arm of an `if` or `switch` before it that writes several names
 * the request reads (`if (draft) { model = "flux-schnell"; width = 512; }`, the statement the
 * resolver refused, context.ts `refused`): each with every name at what that arm leaves in it, so one
 * arm's model is judged with that arm's width, never another's. Arms that end with `return` or
 * `throw` send nothing. Undefined when the statement is in another function than the send (a call
 * may take another arm than the next one), or has more than MAX_ARMS arms.
 */
export function perBranchSites(call: ts.CallExpression, make: () => RequestSite | undefined, statement: ts.IfStatement | ts.SwitchStatement, ctx: TsContext): RequestSite[] | undefined {
  if (enclosingFunction(statement) !== enclosingFunction(call)) return undefined;
  const arms = armsOf(statement, ctx);
  if (arms.length === 0 || arms.length > MAX_ARMS) return undefined;
  const sites = sitesUnder(make, arms.map((arm) => ({ branch: { statement, arm } })), ctx);
  return sites.length > 0 ? sites : undefined;
}

/** Most calls of a function its request is judged at, one request each. */
const MAX_CALLS = 8;

/**
 * The requests a same-file function makes from what its calls pass, when every call of it is visible
 * (`requestGeneration("gemini-2.5-flash-image", styleA, prompt)` and `requestGeneration("gpt-image-2",
 * styleB, prompt)`): one per call, each with the parameters taking that call's arguments, so one call's
 * model is judged with that call's style, never another's, and a parameter read as a field
 * (`num_inference_steps: steps`) is each call's value. `call` is the client call, or the call of a
 * wrapper (`post("/generations", { prompt, steps })`), that `make` reads. Undefined otherwise.
 */
export function perCallSites(call: ts.CallExpression, make: () => RequestSite | undefined, ctx: TsContext, isWrapper: (fn: ts.Node) => boolean): RequestSite[] | undefined {
  const fn = enclosingFunction(call);
  // A wrapper's calls are requests of their own (wrappers.ts), its send one with the path left open.
  // (A TypeScript `this` parameter takes no argument: the columns would not line up with the calls.)
  if (!fn || isWrapper(fn) || fn.parameters.length === 0 || fn.parameters.some((p) => p.dotDotDotToken || !ts.isIdentifier(p.name) || p.name.text === 'this')) return undefined;
  // Each call makes the request only when nothing its arguments decide can keep it from running.
  if (!reachedOnEveryCall(call, fn)) return undefined;
  const columns: ts.Expression[][] = [];
  for (const parameter of fn.parameters) {
    const args = argumentsOfParameter(parameter, ctx);
    if (!args) return undefined;
    columns.push(args);
  }
  const calls = columns[0].length;
  if (calls < 2 || calls > MAX_CALLS) return undefined;
  const bindings: Binding[] = [];
  for (const parameter of fn.parameters) {
    const binding = resolveIdentifier(ctx.index, parameter.name as ts.Identifier);
    if (binding?.kind !== 'param') return undefined;
    bindings.push(binding);
  }
  const sets = Array.from({ length: calls }, (_, i) => bindings.map((binding, j) => [binding, columns[j][i]] as const));
  return boundSites(make, sets, ctx);
}

/**
 * `call` runs whenever `fn` runs: it sits in no branch, loop, `&&` or `?:` of the function, and no
 * statement of the function before it can return or throw (its arguments could choose either).
 */
function reachedOnEveryCall(call: ts.Node, fn: ts.SignatureDeclaration & { body?: ts.Node }): boolean {
  const body = fn.body;
  if (!body) return false;
  let child: ts.Node = call;
  for (let parent = call.parent; parent !== body; child = parent, parent = parent.parent) {
    if (!parent || ts.isFunctionLike(parent)) return false;
    if (ts.isIfStatement(parent) || ts.isSwitchStatement(parent) || ts.isConditionalExpression(parent) || isLoop(parent) || ts.isCatchClause(parent)) return false;
    if (ts.isBinaryExpression(parent) && parent.right === child && BRANCHING.has(parent.operatorToken.kind)) return false;
  }
  if (!ts.isBlock(body)) return true;
  const index = body.statements.indexOf(child as ts.Statement);
  return body.statements.slice(0, index).every((statement) => !someNode(statement, (n) => (ts.isFunctionLike(n) ? false : ts.isReturnStatement(n) || ts.isThrowStatement(n) || undefined)));
}

const BRANCHING = new Set([ts.SyntaxKind.AmpersandAmpersandToken, ts.SyntaxKind.BarBarToken, ts.SyntaxKind.QuestionQuestionToken]);

interface Choices {
  /** The loop variable, or the conditional expression, each element stands for in turn. */
  key: Binding | ts.Node;
  elements: readonly ts.Expression[];
}

function loopChoices(send: SendCall, pieces: readonly UrlPiece[], ctx: TsContext): Choices | undefined {
  const binding = pieces.find((p) => p.unknown?.binding && iteratedList(p.unknown.binding))?.unknown?.binding;
  const list = binding && literalList(iteratedList(binding)!, ctx);
  if (!binding || !list) return undefined;
  const url = [send.base, send.url].filter((e): e is ts.Expression => e !== undefined);
  const uses = referencesOf(ctx.index, binding.name).filter((id) => id !== declaredName(binding) && resolveIdentifier(ctx.index, id) === binding);
  return uses.every((use) => url.some((part) => holds(part, use))) ? { key: binding, elements: list } : undefined;
}

function conditionChoices(send: SendCall, pieces: readonly UrlPiece[], ctx: TsContext): Choices | undefined {
  if (send.openOptions.length > 0) return undefined;
  const choice = pieces.find((p) => p.unknown && ts.isConditionalExpression(p.unknown.node))?.unknown?.node as ts.ConditionalExpression | undefined;
  // A body is sent to either URL only when nothing in it is chosen (by this condition or another).
  if (!choice || (send.body !== undefined && !unchosen(sendBody(send, ctx)))) return undefined;
  return { key: choice, elements: [choice.whenTrue, choice.whenFalse] };
}

/**
 * A `let` URL an `if` or `switch` writes another way (`let endpoint = \`${BASE}/generations\`; if (video)
 * endpoint = \`${BASE}/generations-text-to-video\`;`): each URL its writes leave at the send, as the
 * branches of `video ? a : b` are, when the body is the same on every path.
 */
function writeChoices(send: SendCall, pieces: readonly UrlPiece[], ctx: TsContext): Choices | undefined {
  if (send.openOptions.length > 0) return undefined;
  const piece = pieces.find((p) => (p.unknown?.binding?.kind === 'let' || p.unknown?.binding?.kind === 'var') && ts.isIdentifier(p.unknown.node));
  const binding = piece?.unknown?.binding;
  if (!binding) return undefined;
  const bounds = bindingValues(piece.unknown!.node as ts.Identifier, ctx, binding);
  if (!bounds || bounds.length < 2 || bounds.length > MAX_ELEMENTS || (send.body !== undefined && !unchosen(sendBody(send, ctx)))) return undefined;
  return { key: binding, elements: bounds.map((bound) => bound.expression) };
}

/** A value with no alternatives anywhere in it (`c ? a : b`, `x ?? 10`, one arm's write): the same on every path. */
function unchosen(value: Value | undefined): boolean {
  if (!value) return true;
  switch (value.kind) {
    case 'alternatives':
      return false;
    case 'object':
      return !value.hasUnknownKeys && value.properties.every((p) => !p.conditional && unchosen(p.value));
    case 'array':
      return value.elements.every(unchosen);
    default:
      return true;
  }
}

/** Array methods that take elements out of a list (one pushed in is sent too, beside the others). */
const REMOVES_ELEMENTS = new Set(['pop', 'shift', 'splice']);

/** The elements of `[a, b]`, or of a constant holding it whose elements stay in it; undefined for anything else. */
function literalList(expression: ts.Expression, ctx: TsContext): readonly ts.Expression[] | undefined {
  let node = skipOuter(expression);
  if (ts.isIdentifier(node)) {
    const binding = resolveIdentifier(ctx.index, node);
    if (!binding || binding.kind !== 'const' || mayBeChanged(binding, ctx)) return undefined;
    const removes = referencesOf(ctx.index, binding.name).some((id) => {
      const parent = id.parent;
      return ts.isPropertyAccessExpression(parent) && parent.expression === id && REMOVES_ELEMENTS.has(parent.name.text) && resolveIdentifier(ctx.index, id) === binding;
    });
    if (removes) return undefined;
    const bound = bindingValue(node, ctx, binding);
    node = bound ? skipOuter(bound.expression) : node;
  }
  if (!ts.isArrayLiteralExpression(node) || node.elements.length < 2 || node.elements.length > MAX_ELEMENTS) return undefined;
  return node.elements.some(ts.isSpreadElement) ? undefined : node.elements;
}

function sendBody(send: SendCall, ctx: TsContext): Value | undefined {
  if (!send.body) return undefined;
  if (send.bodyEncoding === 'form') return { kind: 'foreign', what: 'form data', span: spanOf(send.body, ctx) };
  return bodyValue(send.body, ctx);
}

/**
 * The header map a request shows: `{...}`, `new Headers({...})`, or a constant bound to either;
 * an instance's headers merged with the call's own. Undefined when nothing of it can be seen.
 */
export function headersOf(expressions: readonly ts.Expression[], ctx: TsContext): ObjectValue | undefined {
  let merged: ObjectValue | undefined;
  let unknown = false;
  for (const expression of expressions) {
    const value = headerMap(expression, ctx);
    if (value.kind !== 'object') {
      unknown = true;
      continue;
    }
    merged = merged
      ? Object.assign({}, value, { properties: [...merged.properties, ...value.properties], hasUnknownKeys: merged.hasUnknownKeys || value.hasUnknownKeys })
      : value;
  }
  if (merged && unknown) merged = Object.assign({}, merged, { hasUnknownKeys: true });
  return merged;
}

function headerMap(expression: ts.Expression, ctx: TsContext): Value {
  const node = skipOuter(expression);
  if (ts.isNewExpression(node) && calleeName(node.expression) === 'Headers') {
    const init = node.arguments?.[0];
    return init ? valueOf(init, ctx) : { kind: 'unknown', span: spanOf(node, ctx) };
  }
  return valueOf(node, ctx);
}
