// Value origins within one TS/JS file, syntax only: for an expression, where its value came from —
// the response of a known Leonardo call (and how far into it: `.json()`, `.data`, `.object`, then a
// property path), the response of an upload to a presigned URL, or a literal. It follows `const`s,
// variables assigned in one way only, destructuring, `for...of`, array callbacks, `.then(...)`, the
// return values of same-file functions and the parameters of same-file functions whose every caller
// is visible. Anything else is unknown, and unknown is the answer whenever the file disagrees with
// itself (two callers passing different things). Built once per analysis and shared by the flow rules.

import ts from 'typescript';
import type { Endpoint, Field } from '../../api/types.js';
import { v2ResponseEndpoint } from '../../api/v2-responses.js';
import type { SendCall } from '../extract/ts/calls.js';
import { createContext, type TsContext } from '../extract/ts/context.js';
import { isFallbackOperator, kindTable, resolveIdentifier, skipOuter } from '../extract/ts/scope.js';
import { accessedKey, bindingValue, calledFunction, constantObject, isExported, isMemberAccess, memberExpressions, parameterArguments, parameterCalls, passedFunctions, thisClass, type MemberAccess } from '../extract/ts/resolve.js';
import { installsResponseInterceptor } from '../extract/ts/client-setup.js';
import { bindingNames, referencesOf, type Binding, type FileIndex } from '../extract/ts/file-index.js';
import { isTsParsed } from '../extract/typescript.js';
import { calleeName } from '../extract/ts/values.js';
import type { MemoKey } from '../memo.js';
import type { RequestSite, RuleContext, SourceKind, Span } from '../types.js';
import { factsOfFile, type FileFacts } from './file-facts.js';
import { isPresignedUrl } from './presigned.js';
import { classifyUse, ELEMENT_CALLBACKS, bindingOfFunction, classMember, isEmptyFallback, isFunctionNode, isGenerator, namedMember, returnedExpressions, type Callers, type FunctionNode } from './functions.js';
import { element, follow, member, merge, methodResult, patternSteps } from './origins.js';
import { itemOf, lacksField, objectFields, responseRoot } from './shape.js';
import { isStatusCheckedAt } from './status-checks.js';
import type { Origin, ResponseStage, UploadOrigin } from './types.js';
import { importedReturn } from '../workspace/imported-names.js';
import type { ImportResolver } from '../workspace/types.js';

const MAX_DEPTH = 40;
const BUDGET = 200_000;
/** How many steps (a fallback's side, a constant, a helper's return) `alternativesOf` takes: a helper's chain is a few. */
const MAX_ALTERNATIVE_STEPS = 6;

/** A memo entry still being worked out, with how deep in the flow's nested work it started. */
class Pending {
  constructor(readonly level: number) {}
}

/** One `Pending` per level, made once: an entry is marked pending for every expression the flow works out, and they are never changed. */
const PENDING: Pending[] = [];
function pendingAt(level: number): Pending {
  return PENDING[level] ?? (PENDING[level] = new Pending(level));
}

/** An origin in a memo: null for none, a `Pending` while it is being worked out. */
type Remembered = Origin | null | Pending;

/**
 * The cycle bookkeeping of the flow's three memos (expressions, bindings, function returns). A value
 * read while it is still being worked out is a cycle (`x = x.next`, or a status check asked on the way
 * that reads the same variable) and unknown there; an answer that met such a cycle below a level it
 * did not start is not kept, since it was worked out with a value missing (it would stay unknown for
 * every later read): it is worked out again when asked again.
 */
class Settling {
  private level = 0;
  private lowestHit = Infinity;

  recall(remembered: Remembered): Origin | undefined {
    if (remembered instanceof Pending) {
      this.lowestHit = Math.min(this.lowestHit, remembered.level);
      return undefined;
    }
    return remembered ?? undefined;
  }

  /** `work(key)`, with `key` marked pending in `table` while it runs and its answer kept there when it is final. */
  settle<K>(flow: Flow, table: Map<K, Remembered>, key: K, depth: number, work: (this: Flow, key: K, depth: number) => Origin | undefined): Origin | undefined {
    const level = ++this.level;
    table.set(key, pendingAt(level));
    const outer = this.lowestHit;
    this.lowestHit = Infinity;
    let origin: Origin | undefined;
    try {
      origin = work.call(flow, key, depth);
    } finally {
      this.level--;
      const partial = this.lowestHit < level;
      if (partial) table.delete(key);
      else table.set(key, origin ?? null);
      this.lowestHit = Math.min(outer, partial ? this.lowestHit : Infinity);
    }
    return origin;
  }
}

/** The kinds `Flow.compute` works out an origin for; every other kind has none. */
const FOLLOWED = kindTable([
  ts.SyntaxKind.StringLiteral,
  ts.SyntaxKind.NoSubstitutionTemplateLiteral,
  ts.SyntaxKind.NumericLiteral,
  ts.SyntaxKind.TrueKeyword,
  ts.SyntaxKind.FalseKeyword,
  ts.SyntaxKind.NullKeyword,
  ts.SyntaxKind.AwaitExpression,
  ts.SyntaxKind.Identifier,
  ts.SyntaxKind.PropertyAccessExpression,
  ts.SyntaxKind.ElementAccessExpression,
  ts.SyntaxKind.CallExpression,
  ts.SyntaxKind.BinaryExpression,
  ts.SyntaxKind.ConditionalExpression,
]);

/** The stage a client's awaited call result is at. */
const STAGE_OF: Partial<Record<SourceKind, ResponseStage>> = {
  fetch: 'http',
  ky: 'http',
  got: 'http',
  axios: 'axios',
  ofetch: 'body',
  sdk: 'sdk',
};


export class Flow {
  readonly sourceFile: ts.SourceFile;
  readonly text: string;
  readonly index: FileIndex;
  readonly facts: FileFacts;
  /** The extractor's evaluation context over the same parse (for its value and header readers). */
  readonly context: TsContext;
  /** The extractor's request sites by where they end. */
  private readonly sites = new Map<number, RequestSite[]>();
  /** Where the sends end (mayRequestOrSendAt). */
  private sendEnds?: Set<number>;
  /** Each expression's origin worked out so far. */
  private readonly memo = new Map<ts.Expression, Remembered>();
  private readonly bindingMemo = new Map<Binding, Remembered>();
  private readonly returns = new Map<FunctionNode, Remembered>();
  /** What a member of a same-file class or constant object holds, by the class (or the constant's binding) and key. */
  private readonly memberMemo = new Map<ts.Node | Binding, Map<string, Remembered>>();
  /** The extractor's client calls: every call of the file was looked at, so a call not here is not one. */
  private readonly sends: ReadonlyMap<ts.CallExpression, SendCall>;
  private readonly callerMemo = new Map<ts.Node, Callers>();
  /** The uses of each name asked about, by the binding they refer to (see referencesOf). */
  private readonly usesByName = new Map<string, Map<Binding, ts.Identifier[]>>();
  private budget = BUDGET;
  private readonly settling = new Settling();
  /** Whether the file installs an axios response interceptor (asked once). */
  private interceptsAxios?: boolean;
  /** Whether an exported function counts as called from elsewhere (see FlowOptions). */
  private readonly exportsHaveOtherCallers: boolean;
  /** What other modules work out once per flow (member reads, status-check memos). */
  private readonly derivedValues = new Map<string, unknown>();

  constructor(
    sourceFile: ts.SourceFile,
    index: FileIndex,
    sends: ReadonlyMap<ts.CallExpression, SendCall>,
    requests: readonly RequestSite[],
    options: FlowOptions = {},
  ) {
    this.sourceFile = sourceFile;
    this.sends = sends;
    this.text = sourceFile.text;
    this.index = index;
    this.facts = factsOfFile(index);
    this.context = createContext(sourceFile, index, options.imports);
    this.exportsHaveOtherCallers = options.exportsHaveOtherCallers === true;
    for (const site of requests) {
      const same = this.sites.get(site.span.end);
      if (same) same.push(site);
      else this.sites.set(site.span.end, [site]);
    }
  }

  /** A value worked out once for this flow and kept with it (`key` names what it is). */
  derived<T>(key: string, compute: () => T): T {
    if (!this.derivedValues.has(key)) this.derivedValues.set(key, compute());
    return this.derivedValues.get(key) as T;
  }

  /**
   * Empty every table this flow built, when the analysis that made it ends (see memo.ts: dead
   * tables in the old generation keep the young nodes and origins they point to alive).
   */
  release(): void {
    this.memo.clear();
    this.bindingMemo.clear();
    this.returns.clear();
    this.memberMemo.clear();
    this.callerMemo.clear();
    this.usesByName.clear();
    this.sites.clear();
    this.sendEnds?.clear();
    this.derivedValues.clear();
  }

  /** The Leonardo request a call makes, as the extractor found it. */
  siteOf(call: ts.CallExpression): RequestSite | undefined {
    // By end first: most calls end where no request does, and their start (a trivia scan) is not needed.
    const candidates = this.sites.get(call.end);
    if (!candidates) return undefined;
    const start = call.getStart(this.sourceFile);
    // Two sites at one span (a send and a wrapper call): the later one, as a map by span would keep.
    for (let i = candidates.length - 1; i >= 0; i--) {
      const site = candidates[i];
      if (site.span.start !== start) continue;
      // One of the requests one call can make (per element, branch or call): the answer is one of theirs, unless they agree.
      if (site.perElement && candidates.some((other) => other.perElement && other.span.start === start && !sameRequest(other, site))) return undefined;
      return site;
    }
    return undefined;
  }

  /** The HTTP client call shape (URL, body, headers) of any call, Leonardo or not. */
  send(call: ts.CallExpression): SendCall | undefined {
    return this.sends.get(call);
  }

  /** Every HTTP client call of the file with its shape, in document order (as the extractor found them). */
  allSends(): ReadonlyMap<ts.CallExpression, SendCall> {
    return this.sends;
  }

  /**
   * Whether a call ending at `end` may be a request (siteOf) or a send: a pass over every call
   * (FileIndex.callEnds) rules out the others without reading them.
   */
  mayRequestOrSendAt(end: number): boolean {
    if (this.sites.has(end)) return true;
    if (!this.sendEnds) {
      this.sendEnds = new Set();
      for (const call of this.sends.keys()) this.sendEnds.add(call.end);
    }
    return this.sendEnds.has(end);
  }

  spanOf(node: ts.Node): Span {
    return { start: node.getStart(this.sourceFile), end: node.end };
  }

  /** Where the value of `expression` came from, or undefined when that is not known. */
  originOf(expression: ts.Expression, depth = 0): Origin | undefined {
    const node = skipOuter(expression);
    // A kind `compute` does not follow (`this`, `new`, literals of objects and arrays, ...) has no origin: it is
    // answered without a memo entry (most receivers the member reads ask about are such, or globals).
    if (!FOLLOWED[node.kind]) return undefined;
    if (node.kind === ts.SyntaxKind.Identifier) {
      // Likewise a name no scope of the file declares (`console`, `Math`, `process`): a global, with no origin.
      if (!this.index.byName.has((node as ts.Identifier).text)) return undefined;
      // A name read where no write of its own may reach holds its binding's one value: the binding's
      // memo answers, without an entry per use (most expressions the flow is asked about are names).
      const binding = this.binding(node as ts.Identifier);
      if (!binding) return undefined;
      if (!this.facts.assignments.has(binding) || this.facts.opaque.has(binding)) return this.bindingValue(binding, depth);
    }
    const cached = this.memo.get(node);
    if (cached !== undefined) return this.settling.recall(cached);
    if (depth > MAX_DEPTH || this.budget <= 0) return undefined;
    this.budget--;
    // eslint-disable-next-line @typescript-eslint/unbound-method -- settle calls it with this Flow as `this` (its `work` is typed `this: Flow`)
    return this.settling.settle(this, this.memo, node, depth, this.compute);
  }

  /** True when a JobStatus check guards `node` (see status-checks.ts). */
  statusCheckedAt(node: ts.Node): boolean {
    return isStatusCheckedAt(this, node);
  }

  binding(id: ts.Identifier): Binding | undefined {
    return resolveIdentifier(this.index, id);
  }

  /** The references to a binding in the file. */
  referencesOf(binding: Binding): readonly ts.Identifier[] {
    // The uses of a name are sorted by binding once: a common name (`data`, `res`) has many bindings, each asked about.
    let byBinding = this.usesByName.get(binding.name);
    if (!byBinding) {
      byBinding = new Map();
      for (const id of this.facts.references.get(binding.name) ?? []) {
        const target = this.binding(id);
        if (!target) continue;
        const uses = byBinding.get(target);
        if (uses) uses.push(id);
        else byBinding.set(target, [id]);
      }
      this.usesByName.set(binding.name, byBinding);
    }
    return byBinding.get(binding) ?? [];
  }

  private at(expression: ts.Expression, depth: number): Origin | undefined {
    return this.originOf(expression, depth + 1);
  }

  /** (Every kind this switch answers for is listed in FOLLOWED.) */
  private compute(this: Flow, node: ts.Expression, depth: number): Origin | undefined {
    switch (node.kind) {
      case ts.SyntaxKind.StringLiteral:
      case ts.SyntaxKind.NoSubstitutionTemplateLiteral:
        return { kind: 'literal', value: (node as ts.StringLiteral).text };
      case ts.SyntaxKind.NumericLiteral:
        return { kind: 'literal', value: Number((node as ts.NumericLiteral).text) };
      case ts.SyntaxKind.TrueKeyword:
      case ts.SyntaxKind.FalseKeyword:
        return { kind: 'literal', value: node.kind === ts.SyntaxKind.TrueKeyword };
      case ts.SyntaxKind.NullKeyword:
        return { kind: 'literal', value: null };
      case ts.SyntaxKind.AwaitExpression:
        return this.at((node as ts.AwaitExpression).expression, depth);
      case ts.SyntaxKind.Identifier:
        return this.identifier(node as ts.Identifier, depth);
      case ts.SyntaxKind.PropertyAccessExpression:
      case ts.SyntaxKind.ElementAccessExpression:
        return this.access(node as MemberAccess, depth);
      case ts.SyntaxKind.CallExpression:
        return this.call(node as ts.CallExpression, depth);
      case ts.SyntaxKind.BinaryExpression:
        return this.binary(node as ts.BinaryExpression, depth);
      case ts.SyntaxKind.ConditionalExpression: {
        const conditional = node as ts.ConditionalExpression;
        return this.either([conditional.whenTrue, conditional.whenFalse], depth);
      }
      default:
        return undefined;
    }
  }

  /**
   * `a.b`, `a?.b`, `a["b"]`, `a[0]`: a step into what `a` holds; when that is not known, what the
   * resolver says a same-file object or class member holds (`this.generation`, `state.result`), with a
   * status check at the write carried to the read as at a return.
   */
  private access(access: MemberAccess, depth: number): Origin | undefined {
    const receiver = this.at(access.expression, depth);
    if (receiver) {
      const key = accessedKey(access);
      return key !== undefined ? member(receiver, key) : element(receiver, skipOuter((access as ts.ElementAccessExpression).argumentExpression));
    }
    // Asked only where the resolver may answer, and once per member: `this.key` of a class that writes
    // it, and a key of a constant holding an object literal or a `new` (a parameter's `options.x` is what
    // each caller passes, which parameterFeeds already follows).
    const key = accessedKey(access);
    if (key === undefined) return undefined;
    const object = skipOuter(access.expression);
    let owner: ts.Node | Binding | undefined;
    if (object.kind === ts.SyntaxKind.ThisKeyword) {
      owner = this.index.thisMembers.has(key) ? thisClass(access) : undefined;
    } else if (ts.isIdentifier(object)) {
      owner = constantObject(object, this.index);
    }
    if (!owner) return undefined;
    let members = this.memberMemo.get(owner);
    if (!members) this.memberMemo.set(owner, (members = new Map<string, Remembered>()));
    const cached = members.get(key);
    if (cached !== undefined) return this.settling.recall(cached);
    return this.settling.settle(this, members, key, depth, () => {
      const written = memberExpressions(access, this.context);
      return written && merge(written.map((expression) => this.checkedAt(expression, this.at(expression, depth))));
    });
  }

  /** An origin read at `node`, marked checked when a status check guards `node`. */
  private checkedAt(node: ts.Node, origin: Origin | undefined): Origin | undefined {
    return origin?.kind === 'response' && !origin.statusChecked && this.statusCheckedAt(node) ? Object.assign({}, origin, { statusChecked: true }) : origin;
  }

  /** `a ?? []`, `a || {}`, `c && a`: the value, with empty fallbacks ignored. */
  private binary(node: ts.BinaryExpression, depth: number): Origin | undefined {
    switch (node.operatorToken.kind) {
      case ts.SyntaxKind.QuestionQuestionToken:
      case ts.SyntaxKind.BarBarToken:
        return this.either([node.left, node.right], depth);
      case ts.SyntaxKind.AmpersandAmpersandToken:
        return this.at(node.right, depth);
      default:
        return undefined;
    }
  }

  private either(branches: ts.Expression[], depth: number): Origin | undefined {
    // (A guess the answer certainly lacks, `p.generations_by_pk || p.generations`, reads undefined: the other side is the value.)
    // Such code guesses the answer's shape: the value is marked so (ResponseOrigin `shapeGuessed`).
    const kept = branches.filter((b) => !isEmptyFallback(b));
    const known = kept.filter((b) => !this.readsNothing(b, depth));
    const value = merge(known.map((b) => this.at(b, depth)));
    return known.length < kept.length ? shapeGuessed(value) : value;
  }

  /**
   * `x.name` where `x` is an answer the catalogue knows, `name` is certainly not on it (shape.ts
   * `lacksField`), and the code writes no `name` onto the value it is read off (`body.state = "queued"`).
   */
  private readsNothing(expression: ts.Expression, depth: number): boolean {
    const node = skipOuter(expression);
    if (!ts.isPropertyAccessExpression(node)) return false;
    const name = node.name.text;
    const receiver = this.at(node.expression, depth);
    if (receiver?.kind !== 'response' || !lacksField(receiver, name)) return false;
    let root = skipOuter(node.expression);
    while (isMemberAccess(root)) root = skipOuter(root.expression);
    const binding = ts.isIdentifier(root) ? this.binding(root) : undefined;
    return !binding || !this.index.memberAssignments.get(binding)?.some((write) => isMemberAccess(write.left) && accessedKey(write.left) === name);
  }

  /**
   * The values an expression may hold where they do not agree, each one known: the two sides of
   * `data?.generations_by_pk || data`, also through a constant holding it or a same-file helper that
   * returns it (`const job = pickJob(res.data)`). `originOf` has one value or none; a rule asking
   * whether any of the values has a field asks this. A value that is not known is left out.
   */
  alternativesOf(expression: ts.Expression, depth = 0): Origin[] {
    const known = this.originOf(expression);
    if (known) return [known];
    if (depth >= MAX_ALTERNATIVE_STEPS) return [];
    const node = skipOuter(expression);
    const each = (branches: ts.Expression[]): Origin[] => branches.filter((b) => !isEmptyFallback(b)).flatMap((b) => this.alternativesOf(b, depth + 1));
    if (ts.isAwaitExpression(node)) return this.alternativesOf(node.expression, depth + 1);
    if (ts.isConditionalExpression(node)) return each([node.whenTrue, node.whenFalse]);
    if (ts.isBinaryExpression(node)) {
      return isFallbackOperator(node.operatorToken.kind) ? each([node.left, node.right]) : [];
    }
    if (ts.isIdentifier(node)) {
      // A constant's one initializer (a `let` may hold another write where it is read).
      const binding = this.binding(node);
      return binding?.kind === 'const' && binding.initializer && !this.facts.opaque.has(binding) ? this.alternativesOf(binding.initializer, depth + 1) : [];
    }
    if (ts.isCallExpression(node)) {
      const fn = this.calledFunction(node);
      return fn ? each(returnedExpressions(fn)) : [];
    }
    return [];
  }

  private call(call: ts.CallExpression, depth: number): Origin | undefined {
    const site = this.siteOf(call);
    if (site) return this.siteOrigin(site, call, depth);
    const callee = skipOuter(call.expression);
    if (ts.isPropertyAccessExpression(callee)) {
      const method = callee.name.text;
      const callback = call.arguments[0] && skipOuter(call.arguments[0]);
      if (method === 'then' && callback && isFunctionNode(callback)) return this.returnOrigin(callback, depth);
      const receiver = this.at(callee.expression, depth);
      // `res.json().catch(() => null)`: the answer, or nothing to read in it; `.finally(cb)` hands it on as it is.
      if (receiver && (method === 'finally' || (method === 'catch' && callback && isFunctionNode(callback) && returnedExpressions(callback).length === 0))) return receiver;
      if (receiver) return methodResult(receiver, method);
      if (method === 'parse' && isIdentifierNamed(callee.expression, 'JSON') && call.arguments[0]) {
        return this.parsedText(call.arguments[0], depth);
      }
    }
    const raced = this.raced(call, depth);
    if (raced !== null) return raced;
    const send = this.send(call);
    if (send) return this.sendOrigin(send, call, depth);
    const fn = this.calledFunction(call);
    // (A generator's call gives an iterator, not what it returns.)
    if (fn) return isGenerator(fn) ? undefined : this.returnOrigin(fn, depth);
    const passed = ts.isIdentifier(callee) ? this.passedReturn(callee, depth) : null;
    return passed !== null ? passed : importedReturn(call, this.context);
  }

  /**
   * `fetcher()` where `fetcher` is a parameter: what the functions the visible calls pass for it
   * return, all of them agreeing (`poll(() => axios.get(url), ...)` from two places); null when the
   * callee is not such a parameter.
   */
  private passedReturn(callee: ts.Identifier, depth: number): Origin | undefined | null {
    const binding = this.binding(callee);
    if (binding?.kind !== 'param' || !parameterArguments(binding, this.context)?.length) return null;
    const passed = passedFunctions(binding, this.context);
    return passed ? merge(passed.map((fn) => this.returnOrigin(fn, depth))) : undefined;
  }

  /** `JSON.parse(await res.text())`: the body, read as text and parsed (also through a name holding the text). */
  private parsedText(argument: ts.Expression, depth: number): Origin | undefined {
    let node = skipOuter(argument);
    if (ts.isIdentifier(node)) {
      const bound = bindingValue(node, this.context);
      if (bound) node = skipOuter(bound.expression);
    }
    if (ts.isAwaitExpression(node)) node = skipOuter(node.expression);
    if (!ts.isCallExpression(node) || !ts.isPropertyAccessExpression(node.expression) || node.expression.name.text !== 'text') {
      return undefined;
    }
    const response = this.at(node.expression.expression, depth);
    return response?.kind === 'response' && response.stage === 'http' ? Object.assign({}, response, { stage: 'body', field: undefined }) : undefined;
  }

  private siteOrigin(site: RequestSite, call: ts.CallExpression, depth: number): Origin | undefined {
    // The v2 create answers `generate.generationId` (v2ResponseEndpoint); a v1 request, its endpoint's answer.
    const endpoint = site.url?.apiVersion === 'v2' ? v2ResponseEndpoint(site.v2Endpoint) : site.endpoint;
    if (site.source === 'wrapper') {
      // What the wrapper returns of its own send's answer (`return res.json()`), for this call's endpoint.
      const fn = this.calledFunction(call) ?? this.memberFunction(call);
      const result = fn ? this.returnOrigin(fn, depth) : importedReturn(call, this.context);
      if (result?.kind !== 'response' || result.endpoint) return result;
      return endpoint ? Object.assign({}, result, { endpoint }) : undefined;
    }
    // An axios response interceptor may hand back the body instead of the response; `ofetch.raw` gives the response.
    if (site.source === 'axios' && (this.interceptsAxios ??= installsResponseInterceptor(this))) return undefined;
    if (site.source === 'ofetch' && isMemberCall(call, 'raw')) return undefined;
    // A site without an endpoint (a wrapper's own send to `${BASE}${path}`) is bound at the wrapper's calls.
    const send = site.source === 'got' ? this.send(call) : undefined;
    const stage = send ? stageOf(send) : STAGE_OF[site.source];
    return stage ? responseRoot(endpoint, site.naming, stage) : undefined;
  }

  /** A client call that is not a Leonardo request: an upload to a presigned URL, or a wrapper's send. */
  private sendOrigin(send: SendCall, call: ts.CallExpression, depth: number): Origin | undefined {
    const stage = stageOf(send);
    if (!stage) return undefined;
    const url = send.url && this.at(send.url, depth);
    if (url?.kind === 'response' && isPresignedUrl(url)) {
      const upload: UploadOrigin = { kind: 'upload', stage: stage === 'axios' ? 'axios' : stage === 'body' ? 'body' : 'http', call, endpoint: url.endpoint! };
      return upload;
    }
    return responseRoot(undefined, 'wire', stage);
  }

  private identifier(id: ts.Identifier, depth: number): Origin | undefined {
    const binding = this.binding(id);
    if (!binding) return undefined;
    // A reassigned `let` read where one write certainly reaches (`response = await axios.get(...)`) holds that write's value.
    // The extractor's own resolver decides which write that is, so a request's URL and its response agree.
    if (this.facts.assignments.has(binding) && !this.facts.opaque.has(binding)) {
      const reaching = bindingValue(id, this.context, binding);
      if (reaching) return this.at(reaching.expression, depth);
    }
    return this.bindingValue(binding, depth);
  }

  /** The one value a binding holds wherever it is read (all its writes agree): worked out once, for its first read. */
  private bindingValue(binding: Binding, depth: number): Origin | undefined {
    const cached = this.bindingMemo.get(binding);
    if (cached !== undefined) return this.settling.recall(cached);
    if (depth > MAX_DEPTH || this.budget <= 0) return undefined;
    this.budget--;
    // eslint-disable-next-line @typescript-eslint/unbound-method -- settle calls it with this Flow as `this` (its `work` is typed `this: Flow`)
    return this.settling.settle(this, this.bindingMemo, binding, depth, this.bindingOrigin);
  }

  private bindingOrigin(this: Flow, binding: Binding, depth: number): Origin | undefined {
    if (this.facts.opaque.has(binding)) return undefined;
    if (binding.kind === 'param') return this.parameter(binding, binding.name, depth);
    if (binding.kind !== 'const' && binding.kind !== 'let' && binding.kind !== 'var') return undefined;
    const declaration = binding.node;
    if (!ts.isVariableDeclaration(declaration)) return undefined;
    const writes = this.facts.assignments.get(binding) ?? [];
    if (ts.isArrayBindingPattern(declaration.name) && writes.length === 0) {
      const parallel = this.parallelElement(declaration.name, declaration.initializer, binding.name, depth);
      if (parallel) return parallel.origin;
    }
    const source = this.declarationSource(declaration, writes.length > 0, depth);
    if (!ts.isIdentifier(declaration.name)) {
      if (writes.length > 0) return undefined;
      return source.known ? follow(source.origin, patternSteps(declaration.name, binding.name)) : undefined;
    }
    const taken = source.known && isObjectBody(source.origin) ? writes.filter((w) => !this.onlyForArrays(w, binding)) : writes;
    const kept = source.known && taken.length < writes.length ? shapeGuessed(source.origin) : source.known ? source.origin : undefined;
    const values = [...(source.known ? [kept] : []), ...taken.map((w) => this.at(w, depth))];
    return merge(values);
  }

  /**
   * `if (Array.isArray(x)) x = x[0] ?? {}`: a write made only where the name holds an array, code written
   * for another shape of answer, which a response known to be an object never takes (so the name keeps it).
   */
  private onlyForArrays(value: ts.Expression, binding: Binding): boolean {
    const assignment = value.parent;
    if (!ts.isBinaryExpression(assignment) || assignment.right !== value) return false;
    for (let node: ts.Node = assignment; !isFunctionNode(node) && !ts.isSourceFile(node); node = node.parent) {
      const parent = node.parent;
      if (!ts.isIfStatement(parent) || parent.thenStatement !== node) continue;
      const test = skipOuter(parent.expression);
      if (!ts.isCallExpression(test) || calleeName(test.expression) !== 'Array.isArray' || test.arguments.length !== 1) continue;
      const tested = skipOuter(test.arguments[0]);
      if (ts.isIdentifier(tested) && this.binding(tested) === binding) return true;
    }
    return false;
  }

  /**
   * `Promise.race([fetchGeneration(id), timeout(30000)])` (or `Promise.any`): what the one promise of the
   * list that can give a value gives, the others being timers that only reject or give nothing
   * (`givesNothing`). Null when the call is not such a race.
   */
  private raced(call: ts.CallExpression, depth: number): Origin | undefined | null {
    const callee = calleeName(call.expression);
    if (callee !== 'Promise.race' && callee !== 'Promise.any') return null;
    const list = call.arguments[0] && skipOuter(call.arguments[0]);
    if (!list || !ts.isArrayLiteralExpression(list) || list.elements.some(ts.isSpreadElement)) return undefined;
    const giving = list.elements.filter((element) => !this.givesNothing(element));
    return giving.length === 1 ? this.at(giving[0], depth) : undefined;
  }

  /**
   * A promise that gives no value to read: `new Promise((_, reject) => ...)` that never resolves, or one
   * resolved with nothing (`new Promise((resolve) => setTimeout(resolve, ms))`), directly or as what a
   * same-file function returns (`timeout(30000)`, `sleep(ms)`).
   */
  private givesNothing(expression: ts.Expression, calls = 0): boolean {
    const node = skipOuter(expression);
    if (ts.isCallExpression(node)) {
      // (Through a few functions at most: `function wait() { return wait(); }` must not recurse for ever.)
      const fn = calls < 3 ? this.calledFunction(node) : undefined;
      const returned = fn && returnedExpressions(fn);
      return returned !== undefined && returned.length > 0 && returned.every((r) => this.givesNothing(r, calls + 1));
    }
    if (!ts.isNewExpression(node) || !isIdentifierNamed(node.expression, 'Promise')) return false;
    const executor = node.arguments?.[0] && skipOuter(node.arguments[0]);
    if (!executor || !isFunctionNode(executor)) return false;
    const resolve = executor.parameters[0];
    if (!resolve) return true;
    if (!ts.isIdentifier(resolve.name)) return false;
    const binding = this.binding(resolve.name);
    // Every use of `resolve` calls it with nothing, or hands it to a timer (`setTimeout(resolve, ms)`).
    return binding !== undefined && this.referencesOf(binding).every((use) => {
      const parent = use.parent;
      if (ts.isCallExpression(parent) && parent.expression === use) return parent.arguments.length === 0;
      return ts.isCallExpression(parent) && parent.arguments[0] === use && isIdentifierNamed(parent.expression, 'setTimeout');
    });
  }

  /**
   * `const [a, b] = await Promise.all([first, second])`: each name takes what its own promise gives
   * (`{ origin }`, undefined inside when that is not known). Undefined when the initializer is not such
   * a list (or a spread makes the positions unknown): the declaration is then read as any other.
   */
  private parallelElement(pattern: ts.ArrayBindingPattern, initializer: ts.Expression | undefined, name: string, depth: number): { origin: Origin | undefined } | undefined {
    let node = initializer && skipOuter(initializer);
    if (node && ts.isAwaitExpression(node)) node = skipOuter(node.expression);
    if (!node || !ts.isCallExpression(node) || calleeName(node.expression) !== 'Promise.all') return undefined;
    const list = node.arguments[0] && skipOuter(node.arguments[0]);
    if (!list || !ts.isArrayLiteralExpression(list)) return undefined;
    const position = pattern.elements.findIndex((e) => !ts.isOmittedExpression(e) && bindingNames(e.name).some((id) => id.text === name));
    const element = pattern.elements[position];
    if (!element || ts.isOmittedExpression(element) || element.dotDotDotToken || list.elements.slice(0, position + 1).some(ts.isSpreadElement)) return { origin: undefined };
    const promise = list.elements[position];
    return { origin: promise && follow(this.at(promise, depth), patternSteps(element.name, name)) };
  }

  /** What a declaration's initializer (or its `for...of` element) holds; `known: false` when it holds nothing to merge. */
  private declarationSource(
    declaration: ts.VariableDeclaration,
    hasWrites: boolean,
    depth: number,
  ): { known: true; origin: Origin | undefined } | { known: false } {
    const initializer = declaration.initializer;
    if (initializer) {
      if (hasWrites && isEmptyFallback(initializer)) return { known: false };
      return { known: true, origin: this.at(initializer, depth) };
    }
    const loop = declaration.parent.parent;
    if (ts.isForOfStatement(loop)) {
      // `for await (const gen of watch(id))` over a same-file generator: what it yields.
      const generator = this.generatorCalled(loop.expression);
      if (generator) return { known: true, origin: this.yieldedOrigin(generator, depth) };
      const list = this.at(loop.expression, depth);
      return { known: true, origin: list?.kind === 'response' ? itemOf(list) : undefined };
    }
    return { known: false };
  }

  /** The value a destructuring declaration or parameter takes apart. */
  patternSource(declaration: ts.VariableDeclaration | ts.ParameterDeclaration): Origin | undefined {
    if (ts.isVariableDeclaration(declaration)) {
      const source = this.declarationSource(declaration, false, 0);
      return source.known ? source.origin : undefined;
    }
    const fn = declaration.parent as FunctionNode;
    const position = fn.parameters.indexOf(declaration);
    if (position < 0 || declaration.dotDotDotToken) return undefined;
    const feeds = this.parameterFeeds(fn, position, 0);
    return feeds && merge(feeds);
  }

  private parameter(binding: Binding, name: string, depth: number): Origin | undefined {
    const parameter = binding.node;
    if (!ts.isParameter(parameter) || parameter.dotDotDotToken) return undefined;
    const writes = this.facts.assignments.get(binding);
    if (writes && !ts.isIdentifier(parameter.name)) return undefined;
    const fn = parameter.parent;
    const position = fn.parameters.indexOf(parameter);
    if (position < 0) return undefined;
    const feeds = this.parameterFeeds(fn, position, depth);
    if (!feeds) return undefined;
    const source = merge(feeds);
    // A parameter written only where it holds an array keeps a response known to be an object (see onlyForArrays).
    if (writes) return isObjectBody(source) && writes.every((w) => this.onlyForArrays(w, binding)) ? shapeGuessed(source) : undefined;
    return ts.isIdentifier(parameter.name) ? source : follow(source, patternSteps(parameter.name, name));
  }

  /** The values a parameter receives, one per caller; undefined when not every caller is visible. */
  private parameterFeeds(fn: FunctionNode, position: number, depth: number): Array<Origin | undefined> | undefined {
    const parent = fn.parent;
    if (ts.isCallExpression(parent) && parent.arguments.includes(fn as unknown as ts.Expression)) {
      const callback = fn as unknown as ts.Expression;
      const feed = this.callbackFeed(parent, callback, position, depth) ?? this.passedFeed(parent, callback, position, depth);
      return feed === null ? undefined : [feed];
    }
    const callers = this.callersOf(fn);
    if (callers.escapes || callers.calls.length + callers.callbacks.length === 0) return undefined;
    const feeds = this.argumentFeeds(callers.calls, position, depth);
    if (!feeds) return undefined;
    for (const call of callers.callbacks) {
      const feed = this.callbackFeed(call, call.arguments[0], position, depth);
      if (feed === null) return undefined;
      feeds.push(feed);
    }
    return feeds;
  }

  /** What a callback's parameter receives: `p.then(cb)` the awaited value, `arr.map(cb)` an element; null when unknown. */
  private callbackFeed(call: ts.CallExpression, callback: ts.Expression, position: number, depth: number): Origin | undefined | null {
    const callee = skipOuter(call.expression);
    if (!ts.isPropertyAccessExpression(callee) || call.arguments[0] !== callback || position !== 0) return null;
    const method = callee.name.text;
    if (method === 'then') return this.at(callee.expression, depth);
    if (!ELEMENT_CALLBACKS.has(method)) return null;
    const list = this.at(callee.expression, depth);
    return list?.kind === 'response' ? itemOf(list) : undefined;
  }

  /**
   * What a callback handed to a same-file function receives: what that function passes when it calls
   * the parameter it took the callback as (`isDone(value)` in `poll(fetcher, isDone)`), all its calls
   * agreeing; null when the function is not known or does anything else with the parameter.
   */
  private passedFeed(call: ts.CallExpression, callback: ts.Expression, position: number, depth: number): Origin | undefined | null {
    const receiver = this.calledFunction(call);
    const at = call.arguments.indexOf(callback);
    if (!receiver || call.arguments.slice(0, at).some(ts.isSpreadElement)) return null;
    const parameter = receiver.parameters[at] as ts.ParameterDeclaration | undefined;
    const calls = parameter && parameterCalls(parameter, this.context);
    if (!calls || calls.length === 0) return null;
    const feeds = this.argumentFeeds(calls, position, depth);
    return feeds && merge(feeds);
  }

  /** What each call passes for the parameter at `position`, with the status checks at the call; null when a spread hides it. */
  private argumentFeeds(calls: readonly ts.CallExpression[], position: number, depth: number): Array<Origin | undefined> | null {
    const feeds: Array<Origin | undefined> = [];
    for (const call of calls) {
      const args = call.arguments;
      if (args.slice(0, position + 1).some(ts.isSpreadElement)) return null;
      const argument = args[position];
      feeds.push(this.checkedAt(call, argument && this.at(argument, depth)));
    }
    return feeds;
  }

  /** The value a same-file function returns (all its returns agree), with status checks at the returns. */
  returnOrigin(fn: FunctionNode, depth = 0): Origin | undefined {
    const cached = this.returns.get(fn);
    if (cached !== undefined) return this.settling.recall(cached);
    if (depth > MAX_DEPTH) return undefined;
    // eslint-disable-next-line @typescript-eslint/unbound-method -- settle calls it with this Flow as `this` (its `work` is typed `this: Flow`)
    return this.settling.settle(this, this.returns, fn, depth, this.returned);
  }

  private returned(this: Flow, fn: FunctionNode, depth: number): Origin | undefined {
    const values: Array<Origin | undefined> = [];
    for (const expression of returnedExpressions(fn)) values.push(this.checkedAt(expression, this.at(expression, depth)));
    return merge(values);
  }

  /** The same-file generator function an expression calls (`watch(id)` of `async function* watch`). */
  private generatorCalled(expression: ts.Expression): FunctionNode | undefined {
    const node = skipOuter(expression);
    const fn = ts.isCallExpression(node) ? this.calledFunction(node) : undefined;
    return fn && isGenerator(fn) ? fn : undefined;
  }

  /** What a generator yields, each `yield` agreeing; unknown where it delegates (`yield*`) or yields nothing. */
  private yieldedOrigin(fn: FunctionNode, depth: number): Origin | undefined {
    if (depth > MAX_DEPTH || !fn.body) return undefined;
    const values: Array<Origin | undefined> = [];
    let delegates = false;
    const visit = (node: ts.Node): void => {
      if (isFunctionNode(node) || ts.isClassLike(node)) return;
      if (ts.isYieldExpression(node)) {
        if (node.asteriskToken || !node.expression) delegates = true;
        else values.push(this.at(node.expression, depth + 1));
      }
      node.forEachChild(visit);
    };
    fn.body.forEachChild(visit);
    return delegates || values.length === 0 ? undefined : merge(values);
  }

  /** The same-file function a call calls, as the resolver finds it (`f()`, `this.m()`, `Class.m()`, `obj.m()`, `instance.m()`). */
  calledFunction(call: ts.CallExpression): FunctionNode | undefined {
    return calledFunction(call, this.context);
  }

  /** `client.request(...)` where exactly one method or function property in the file has that name. */
  private memberFunction(call: ts.CallExpression): FunctionNode | undefined {
    const callee = skipOuter(call.expression);
    if (!ts.isPropertyAccessExpression(callee)) return undefined;
    // The names the index lists (no walk of the tree): the method or property each declares.
    const name = callee.name.text;
    const found: FunctionNode[] = [];
    for (const id of referencesOf(this.index, name)) {
      const fn = (id.parent as ts.NamedDeclaration).name === id ? namedMember(id.parent, name) : undefined;
      if (fn) found.push(fn);
    }
    return found?.length === 1 ? found[0] : undefined;
  }

  /** Direct calls of a function and the calls that pass it as a callback. */
  callersOf(fn: FunctionNode): Callers {
    let callers = this.callerMemo.get(fn);
    if (callers) return callers;
    callers = { calls: [], callbacks: [], escapes: this.exportsHaveOtherCallers && isExportedFunction(fn) };
    const binding = bindingOfFunction(fn, (id) => this.binding(id));
    if (binding) {
      for (const reference of this.referencesOf(binding)) classifyUse(reference, reference.parent, callers);
    } else if (ts.isMethodDeclaration(fn) && ts.isIdentifier(fn.name)) {
      const name = fn.name.text;
      for (const access of this.facts.accesses) {
        if (!ts.isPropertyAccessExpression(access) || access.name.text !== name) continue;
        if (access.expression.kind === ts.SyntaxKind.ThisKeyword && classMember(access, name, this.context) === fn) classifyUse(access, access.parent, callers);
        else callers.escapes = true;
      }
    } else {
      callers.escapes = true;
    }
    this.callerMemo.set(fn, callers);
    return callers;
  }
}

export interface FlowOptions {
  /** What other modules export (the workspace index), for values and responses that come from them. */
  imports?: ImportResolver;
  /**
   * An exported function has callers this file does not show (the workspace summary asks what one
   * returns to an importer): its same-file callers' checks are not its own.
   */
  exportsHaveOtherCallers?: boolean;
}

/** `export function f`, `export const f = () => …`. */
function isExportedFunction(fn: FunctionNode): boolean {
  return isExported(ts.isFunctionDeclaration(fn) ? fn : ts.isVariableDeclaration(fn.parent) ? fn.parent.parent.parent : undefined);
}

function isMemberCall(call: ts.CallExpression, name: string): boolean {
  const callee = skipOuter(call.expression);
  return ts.isPropertyAccessExpression(callee) && callee.name.text === name;
}

function isIdentifierNamed(expression: ts.Expression, name: string): boolean {
  const node = skipOuter(expression);
  return ts.isIdentifier(node) && node.text === name;
}

/** The flow analysis of one analysis's parse, emptied when the analysis ends (see `Flow.release`). */
const FLOW: MemoKey<Flow | undefined> = { release: (flow) => flow?.release() };

/** Two requests one call makes answer alike: the same endpoint, of the same API version. */
function sameRequest(a: RequestSite, b: RequestSite): boolean {
  if (a.v2Endpoint !== b.v2Endpoint || a.url?.apiVersion !== b.url?.apiVersion) return false;
  // (Two endpoints that answer alike, POST /generations-image-to-video and -text-to-video: the answer is known either way.)
  return a.endpoint === b.endpoint || (a.endpoint !== undefined && b.endpoint !== undefined && answerShape(a.endpoint) === answerShape(b.endpoint));
}

const answerShapes = new WeakMap<Endpoint, string>();

/** An endpoint's answer as its fields spell it (names, types, nesting), to tell two answers alike; '' when the catalogue has none. */
function answerShape(endpoint: Endpoint): string {
  let shape = answerShapes.get(endpoint);
  if (shape === undefined) {
    const spell = (fields: readonly Field[] | undefined): string =>
      (fields ?? []).map((f) => `${f.wire}:${f.types.join('|')}{${spell(f.fields)}}[${f.items ? spell([f.items]) : ''}]`).join(',');
    shape = endpoint.response ? spell(endpoint.response) : `none:${endpoint.method} ${endpoint.path}`;
    answerShapes.set(endpoint, shape);
  }
  return shape;
}

/** The flow analysis of a TS/JS document, built once per analysis; undefined for other documents. */
export function flowFor(ctx: Pick<RuleContext, 'parsed' | 'requests' | 'memo'>): Flow | undefined {
  return ctx.memo.get(FLOW, () => {
    if (!isTsParsed(ctx.parsed)) return undefined;
    const { sourceFile, index, sends, imports } = ctx.parsed;
    return new Flow(sourceFile, index, sends, ctx.requests, imports ? { imports } : {});
  });
}

/** The value as code that guesses its shape reads it (see ResponseOrigin `shapeGuessed`). */
function shapeGuessed(origin: Origin | undefined): Origin | undefined {
  return origin?.kind === 'response' ? Object.assign({}, origin, { shapeGuessed: true }) : origin;
}

/** The stage a client call's awaited result is at, as its options make it (got's `responseType: "json"`, `resolveBodyOnly`). */
function stageOf(send: SendCall): ResponseStage | undefined {
  switch (send.answer) {
    case 'json':
      return 'got';
    case 'body':
      return 'body';
    case 'unknown':
      return undefined;
    default:
      return STAGE_OF[send.source];
  }
}

/** A response body (or part of one) the catalogue knows to be an object, not a list. */
function isObjectBody(origin: Origin | undefined): boolean {
  return origin?.kind === 'response' && objectFields(origin) !== undefined;
}
