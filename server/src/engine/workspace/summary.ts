// One module's summary for the workspace index: what it exports (by name, and where each export's
// value comes from: a local declaration, another module, `export *`), and for the exports that
// matter to Leonardo requests a fact as plain data (see types.ts). Syntax only, one parse; the
// parse is dropped when the summary is made, so the index holds no syntax tree.

import ts from 'typescript';
import { exposedReads } from '../auth/exposed-env.js';
import type { TsParsed } from '../extract/typescript.js';
import { mayBeChanged, sentExpression } from '../extract/ts/bodies.js';
import { sendCall, type OptionKeys, type SendCall } from '../extract/ts/calls.js';
import { instanceFrom, readOptions, type Options } from '../extract/ts/clients.js';
import { isSdkClientConstruction } from '../extract/ts/sdk.js';
import { CLIENT_SETUP_TEXT, clientSetupTargets, setsHeadersOutsideCalls } from '../extract/ts/client-setup.js';
import { headersOf, makeSite, sendUrlPieces } from '../extract/ts/requests.js';
import { headerTexts, keyHeaders } from '../auth/headers.js';
import { createContext, spanOf, type TsContext } from '../extract/ts/context.js';
import { buildIndex, releaseIndex, type Binding } from '../extract/ts/file-index.js';
import { resolveIdentifier, skipOuter } from '../extract/ts/scope.js';
import { joinBase, leonardoUrl, urlPieces, type UrlPiece } from '../extract/ts/urls.js';
import { calledFunction, enclosingFunction, returnedExpressions } from '../extract/ts/resolve.js';
import { emptyWrapperTable, parameterIndex, registerWrapper, type Wrapper } from '../extract/ts/wrappers.js';
import { q } from '../messages.js';
import type { Related, RequestSite, Span } from '../types.js';
import { importedFact } from './imported-names.js';
import { importedClientSend } from './sites.js';
import type { ClientHeader, ClientHeaders, ExportFact, ExportedUrlPiece, FactOrigin, ImportResolver, PlainValue } from './types.js';
import { toPlain } from './plain-values.js';
import { valueOf } from '../extract/ts/values.js';
import { findRequests } from '../extract/typescript.js';
import { getCatalogue } from '../../api/catalogue.js';
import { Flow } from '../flow/analysis.js';
import type { ResponseOrigin } from '../flow/types.js';
import type { FunctionNode } from '../extract/ts/resolve.js';

/** Where an export's value comes from. `=` is CommonJS's `module.exports = value`. */
export type ExportRef = { local: true } | { from: string; name: string };

export interface ModuleSummary {
  exports: Map<string, ExportRef>;
  /** `export * from "…"` specifiers, in order. */
  stars: string[];
  /** Facts of the module's own exports, by exported name. */
  facts: Map<string, ExportFact>;
  /** The axios clients of other modules this one installs interceptors on or sets default headers of. */
  setups?: ClientSetup[];
}

/**
 * An axios client a module sets up from outside (`api.interceptors.request.use(...)`): an imported
 * one, the global `axios` (whose defaults instances made later take too), or one it cannot name (a
 * parameter, `this.client`), which may be any.
 */
export type ClientSetup = { kind: 'import'; specifier: string; imported: string } | { kind: 'axios' } | { kind: 'unknown' };

export const EMPTY_SUMMARY: ModuleSummary = { exports: new Map(), stars: [], facts: new Map() };

const EXPORTS_ANYTHING = /\bexport\b|\bexports\b/;

const PARSE_OPTIONS: ts.CreateSourceFileOptions = {
  languageVersion: ts.ScriptTarget.Latest,
  jsDocParsingMode: ts.JSDocParsingMode.ParseNone,
};

/** The summary of one module's text. `imports` answers for the modules it imports (for re-exported clients and keys). */
export function summarizeModule(path: string, text: string, imports: ImportResolver): ModuleSummary {
  // A module that exports nothing may still set up another's client (`import "./interceptors"`).
  if (!EXPORTS_ANYTHING.test(text) && !CLIENT_SETUP_TEXT.test(text)) return EMPTY_SUMMARY;
  return withSummarizer(path, text, imports, EMPTY_SUMMARY, (summarizer) => summarizer.run());
}

/**
 * What the module's exported functions that may return a Leonardo response return, by exported name
 * (asked of the index only when an importer reads what one returns: the module is parsed again then,
 * so the index build does not pay for a flow analysis of every Leonardo module).
 */
export function summarizeResponses(path: string, text: string, imports: ImportResolver): Map<string, ResponseOrigin> {
  return withSummarizer(path, text, imports, new Map<string, ResponseOrigin>(), (summarizer) => summarizer.responses());
}

/**
 * Both, from one parse: what an edit to a module whose importers read both compares with what they
 * read (workspace/index.ts).
 */
export function summarizeModuleAndResponses(path: string, text: string, imports: ImportResolver): { summary: ModuleSummary; responses: Map<string, ResponseOrigin> } {
  // Nothing exported and no client set up: no summary, and no exported function to respond.
  if (!EXPORTS_ANYTHING.test(text) && !CLIENT_SETUP_TEXT.test(text)) return { summary: EMPTY_SUMMARY, responses: new Map() };
  const fallback = { summary: EMPTY_SUMMARY, responses: new Map<string, ResponseOrigin>() };
  return withSummarizer(path, text, imports, fallback, (summarizer) => ({ summary: summarizer.run(), responses: summarizer.responses() }));
}

function withSummarizer<T>(path: string, text: string, imports: ImportResolver, fallback: T, work: (summarizer: Summarizer) => T): T {
  let sourceFile: ts.SourceFile;
  let ctx: TsContext;
  try {
    sourceFile = ts.createSourceFile(path, text, PARSE_OPTIONS, false, scriptKind(path));
    ctx = createContext(sourceFile, buildIndex(sourceFile), imports);
  } catch (error) {
    // Pathologically deep code: the module is not summarised (its importers see unknown values).
    if (error instanceof RangeError) return fallback;
    throw error;
  }
  const summarizer = new Summarizer(path, ctx);
  try {
    return work(summarizer);
  } catch (error) {
    if (error instanceof RangeError) return fallback;
    throw error;
  } finally {
    summarizer.release();
    releaseIndex(ctx.index);
  }
}

function scriptKind(path: string): ts.ScriptKind {
  const lower = path.toLowerCase();
  if (lower.endsWith('.tsx') || lower.endsWith('.jsx')) return ts.ScriptKind.TSX;
  return /\.(m|c)?js$/.test(lower) ? ts.ScriptKind.JS : ts.ScriptKind.TS;
}

class Summarizer {
  private readonly summary: ModuleSummary = { exports: new Map(), stars: [], facts: new Map() };
  /** Exported names whose value is a node of this module. */
  private readonly values = new Map<string, { node: ts.Node; nameNode: ts.Node }>();
  private wrappers?: Map<ts.Node, Wrapper>;
  /** Sends through a client another module exports (found with the wrappers). */
  private readonly throughImported: Array<{ send: SendCall; pieces: UrlPiece[] }> = [];
  /** The module's own client calls (found with the wrappers). */
  private readonly sends: Array<{ send: SendCall; pieces: UrlPiece[] }> = [];
  /** The module's flow analysis (null: the module makes no Leonardo request). */
  private flow?: Flow | null;
  private bodyWrappers?: Map<ts.Node, BodyWrapper>;
  private visited = false;

  constructor(
    private readonly path: string,
    private readonly ctx: TsContext,
  ) {}

  run(): ModuleSummary {
    this.visitStatements();
    for (const [name, { node, nameNode }] of this.values) {
      const fact = this.factOf(name, node, nameNode);
      if (fact) this.summary.facts.set(name, fact);
    }
    const setups = this.clientSetups();
    if (setups.length > 0) this.summary.setups = setups;
    return this.summary;
  }

  /** The clients of other modules (or the global axios) this module sets up; see ClientSetup. */
  private clientSetups(): ClientSetup[] {
    const ctx = this.ctx;
    const out: ClientSetup[] = [];
    for (const target of clientSetupTargets(ctx)) {
      const node = skipOuter(target);
      let setup: ClientSetup | undefined = { kind: 'unknown' };
      if (ts.isIdentifier(node)) {
        const binding = resolveIdentifier(ctx.index, node);
        if (!binding) setup = node.text === 'axios' ? { kind: 'axios' } : { kind: 'unknown' };
        else if (binding.module !== undefined) {
          setup = binding.module === 'axios' ? { kind: 'axios' } : { kind: 'import', specifier: binding.module, imported: binding.imported ?? '*' };
        } else if (binding.kind !== 'param') {
          // This module's own client (its summary says its headers cannot all be seen), or no client.
          setup = binding.initializer && instanceFrom(binding.initializer, ctx) ? undefined : { kind: 'unknown' };
        }
      } else if (ts.isPropertyAccessExpression(node) && ts.isIdentifier(node.expression)) {
        const binding = resolveIdentifier(ctx.index, node.expression);
        if (binding?.kind === 'import' && binding.imported === '*' && binding.module !== undefined) {
          setup = { kind: 'import', specifier: binding.module, imported: node.name.text };
        }
      }
      if (setup && !out.some((s) => sameSetup(s, setup))) out.push(setup);
    }
    return out;
  }

  /** See `summarizeResponses`. */
  responses(): Map<string, ResponseOrigin> {
    this.visitStatements();
    const out = new Map<string, ResponseOrigin>();
    for (const [name, { node }] of this.values) {
      const fn = functionOf(node);
      const returns = fn && this.mayRespond(fn) ? this.returnsOf(fn) : undefined;
      if (returns) out.set(name, returns);
    }
    return out;
  }

  /** The module's exports, read once (`run` and `responses` may both be asked of one summarizer). */
  private visitStatements(): void {
    if (this.visited) return;
    this.visited = true;
    for (const statement of this.ctx.sourceFile.statements) this.visit(statement);
  }

  private visit(statement: ts.Statement): void {
    const exported = ts.canHaveModifiers(statement) && ts.getModifiers(statement)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
    const isDefault = exported && ts.getModifiers(statement)?.some((m) => m.kind === ts.SyntaxKind.DefaultKeyword);
    if (ts.isFunctionDeclaration(statement) && exported) {
      const name = isDefault ? 'default' : statement.name?.text;
      if (name) this.local(name, statement, statement.name ?? statement);
    } else if (ts.isVariableStatement(statement) && exported) {
      for (const declaration of statement.declarationList.declarations) {
        if (ts.isIdentifier(declaration.name)) this.local(declaration.name.text, declaration, declaration.name);
      }
    } else if (ts.isExportAssignment(statement) && !statement.isExportEquals) {
      this.localExpression('default', statement.expression);
    } else if (ts.isExportAssignment(statement)) {
      this.localExpression('=', statement.expression);
    } else if (ts.isExportDeclaration(statement)) {
      this.exportDeclaration(statement);
    } else if (ts.isExpressionStatement(statement)) {
      this.commonJs(statement.expression);
    }
  }

  private exportDeclaration(statement: ts.ExportDeclaration): void {
    if (statement.isTypeOnly) return;
    const from = statement.moduleSpecifier && ts.isStringLiteral(statement.moduleSpecifier) ? statement.moduleSpecifier.text : undefined;
    const clause = statement.exportClause;
    if (!clause) {
      if (from !== undefined) this.summary.stars.push(from);
      return;
    }
    if (ts.isNamespaceExport(clause)) return;
    for (const element of clause.elements) {
      const name = element.name.text;
      const source = (element.propertyName ?? element.name).text;
      if (from !== undefined) this.summary.exports.set(name, { from, name: source });
      else this.localName(name, source, element);
    }
  }

  /** `module.exports = …`, `module.exports.x = …`, `exports.x = …`. */
  private commonJs(expression: ts.Expression): void {
    if (!ts.isBinaryExpression(expression) || expression.operatorToken.kind !== ts.SyntaxKind.EqualsToken) return;
    const target = skipOuter(expression.left);
    const value = expression.right;
    if (isModuleExports(target)) {
      const node = skipOuter(value);
      if (ts.isObjectLiteralExpression(node)) {
        for (const member of node.properties) {
          if (ts.isShorthandPropertyAssignment(member)) this.localName(member.name.text, member.name.text, member);
          else if (ts.isPropertyAssignment(member) && (ts.isIdentifier(member.name) || ts.isStringLiteral(member.name))) {
            this.localExpression(member.name.text, member.initializer);
          }
        }
        return;
      }
      this.localExpression('=', value);
      return;
    }
    if (ts.isPropertyAccessExpression(target) && (isModuleExports(skipOuter(target.expression)) || isExportsObject(skipOuter(target.expression)))) {
      this.localExpression(target.name.text, value);
    }
  }

  private local(name: string, node: ts.Node, nameNode: ts.Node): void {
    this.summary.exports.set(name, { local: true });
    this.values.set(name, { node, nameNode });
  }

  /** An export of a name declared (or imported) in this module. */
  private localName(exported: string, local: string, at: ts.Node): void {
    const binding = this.ctx.index.scopes.get(this.ctx.sourceFile)?.get(local);
    if (binding?.kind === 'import' && binding.module !== undefined) {
      this.summary.exports.set(exported, { from: binding.module, name: binding.imported ?? '*' });
      return;
    }
    const node = binding?.node ?? at;
    const name = (node as { name?: ts.Node }).name;
    this.local(exported, node, name && ts.isIdentifier(name) ? name : node);
  }

  private localExpression(exported: string, expression: ts.Expression): void {
    const node = skipOuter(expression);
    if (ts.isIdentifier(node)) {
      this.localName(exported, node.text, node);
      return;
    }
    this.local(exported, node, node);
  }

  private factOf(name: string, node: ts.Node, nameNode: ts.Node): ExportFact | undefined {
    const fn = functionOf(node);
    if (fn) return this.functionFact(name, fn, nameNode);
    const value = ts.isVariableDeclaration(node) ? constValue(node, this.ctx) : ts.isExpression(node) ? node : undefined;
    // A constant the module changes after it is made (`DEFAULT_BODY.width = …`) holds, for an importer, what cannot be known.
    const binding = ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) ? resolveIdentifier(this.ctx.index, node.name) : undefined;
    return value && this.valueFact(name, value, nameNode, binding !== undefined && mayBeChanged(binding, this.ctx));
  }

  private valueFact(name: string, value: ts.Expression, nameNode: ts.Node, changed = false): ExportFact | undefined {
    const ctx = this.ctx;
    if (isSdkClientConstruction(value, ctx)) {
      return { kind: 'sdk-client', origin: this.origin(name, nameNode, `${q(name)}: the Leonardo SDK client this call goes through`) };
    }
    const instance = instanceFrom(value, ctx);
    if (instance) {
      const options = readOptions(instance.config, ctx);
      const baseExpression = options.props.get('baseURL') ?? options.props.get('prefixUrl') ?? options.props.get('prefix');
      const base = baseExpression && knownText(urlPieces(baseExpression, ctx));
      return {
        kind: 'client',
        library: instance.library,
        ...(base !== undefined ? { base } : {}),
        headers: this.clientHeaders(options),
        origin: this.origin(name, nameNode, `${q(name)}: the ${instance.library} client this request goes through${base ? ` (${base})` : ''}`),
      };
    }
    const node = skipOuter(value);
    if (ts.isObjectLiteralExpression(node)) {
      const properties: Record<string, string> = {};
      let any = false;
      for (const member of node.properties) {
        if (!ts.isPropertyAssignment(member) || !(ts.isIdentifier(member.name) || ts.isStringLiteral(member.name))) continue;
        const text = stringText(member.initializer, ctx);
        if (text !== undefined) {
          properties[member.name.text] = text;
          any = true;
        }
      }
      // The whole object as plain data too, for importers that send it (`{ ...DEFAULT_BODY, prompt }`).
      const plain = changed ? undefined : toPlain(valueOf(node, ctx));
      if (!any && !plain) return undefined;
      return { kind: 'object', properties, ...(plain ? { value: plain } : {}), origin: this.origin(name, nameNode, `${q(name)} is defined here`) };
    }
    const text = stringText(node, ctx);
    if (text !== undefined) return { kind: 'string', text, origin: this.origin(name, nameNode, `${q(name)} is defined here`) };
    const plain = changed ? undefined : literalPlain(node, ctx);
    if (plain) return { kind: 'value', value: plain, function: false, origin: this.origin(name, nameNode, `${q(name)} is defined here`) };
    return this.exposedFact(name, [node], false);
  }

  /**
   * What a client's own headers say about the key. Unknown when any of them cannot be seen, or when
   * the module may add headers outside the calls (an interceptor, defaults, a hook): as auth-header
   * decides for a client in the file it judges.
   */
  private clientHeaders(options: Options): ClientHeaders {
    const ctx = this.ctx;
    if (options.open.length > 0 || setsHeadersOutsideCalls(ctx)) return { unknown: true };
    const expression = options.props.get('headers');
    if (!expression) return { keyHeaders: [] };
    const headers = headersOf([expression], ctx);
    if (!headers) return { unknown: true };
    const found = keyHeaders(headers);
    const auth = found.filter((h) => h.kind === 'authorization');
    // With an authorization header only its value matters; without one, unseen keys may be it.
    if (auth.length === 0 && headers.hasUnknownKeys) return { unknown: true };
    const doc = { text: ctx.text, kind: 'typescript' as const, path: this.path };
    const out: ClientHeader[] = [];
    for (const { property } of auth.length > 0 ? auth : found) {
      // A header whose value is written elsewhere in the module (`headers: { authorization }`): its place is the property.
      const texts = headerTexts(property.value, doc, 'axios').map((t) => ({ head: t.head, complete: t.complete, ...(t.expression ? { expression: t.expression } : {}) }));
      out.push({ name: property.key, texts, related: this.related(property.span, `the client's ${q(property.key)} header is set here`) });
    }
    return { keyHeaders: out };
  }

  private functionFact(name: string, fn: ts.SignatureDeclaration, nameNode: ts.Node): ExportFact | undefined {
    this.findWrappers();
    const message = `${q(name)}: the function that sends this request`;
    const wrapper = this.wrappers!.get(fn);
    if (wrapper) {
      const parameter = fn.parameters[wrapper.urlParam];
      // A wrapper keeps the URL relative to its client's base (joined at each call): the export joins it.
      const send = wrapper.send;
      const pieces = send.base ? joinBase(urlPieces(send.base, this.ctx), wrapper.pieces) : wrapper.pieces;
      const url: ExportedUrlPiece[] = pieces.map((piece) =>
        piece.unknown?.binding?.node === parameter ? { param: true } : { text: piece.text },
      );
      // Only the wrappers of Leonardo's API are worth keeping (the URL's known text names it).
      if (!url.some((p) => 'text' in p && /leonardo\.ai/i.test(p.text))) return undefined;
      if (url.some((p) => 'text' in p && p.text.startsWith('{'))) return undefined;
      return {
        kind: 'wrapper',
        url,
        urlParam: wrapper.urlParam,
        ...optional('bodyParam', wrapper.bodyParam),
        ...optional('methodParam', wrapper.methodParam),
        ...optional('optionsParam', wrapper.optionsParam),
        ...(wrapper.send.method ? { method: wrapper.send.method.value } : {}),
        keys: wrapper.send.keys,
        defaults: fn.parameters.map((p) => (p.initializer && ts.isStringLiteralLike(p.initializer) ? p.initializer.text : undefined)),
        ...responds(this.mayRespond(fn)),
        origin: this.origin(name, nameNode, message),
      };
    }
    const bodyWrapper = this.bodyWrappers!.get(fn);
    if (bodyWrapper) {
      return {
        kind: 'wrapper',
        url: [{ text: bodyWrapper.url }],
        bodyParam: bodyWrapper.bodyParam,
        ...(bodyWrapper.overrides.length > 0 ? { bodyOverrides: bodyWrapper.overrides } : {}),
        ...(bodyWrapper.adds ? { bodyAdds: true as const } : {}),
        ...(bodyWrapper.method ? { method: bodyWrapper.method } : {}),
        keys: bodyWrapper.keys,
        ...responds(this.mayRespond(fn)),
        origin: this.origin(name, nameNode, message),
      };
    }
    const fact = this.builtValue(name, fn) ?? this.exposedFact(name, returnedExpressions(fn), true);
    if (fact || !this.mayRespond(fn)) return fact;
    return { kind: 'response', origin: this.origin(name, nameNode, `${q(name)}: the function whose response this is`) };
  }

  /**
   * Whether a function may return (part of) a Leonardo response: the module makes a request, and the
   * function returns something other than an object, array or literal built there.
   */
  private mayRespond(fn: ts.SignatureDeclaration): boolean {
    if (!(fn as FunctionNode).body) return false;
    this.findWrappers();
    if (this.sends.length + this.throughImported.length === 0 && !SDK_TEXT.test(this.ctx.text)) return false;
    const returned = returnedExpressions(fn);
    return returned.length > 0 && !returned.every((e) => NOT_A_RESPONSE.has(skipOuter(e).kind));
  }

  /** A function whose one `return` is a known object (a body builder): its value, parameters unknown. */
  private builtValue(name: string, fn: ts.SignatureDeclaration): ExportFact | undefined {
    // An async function returns a promise, never a body.
    if (ts.canHaveModifiers(fn) && ts.getModifiers(fn)?.some((m) => m.kind === ts.SyntaxKind.AsyncKeyword)) return undefined;
    const returned = returnedExpressions(fn);
    if (returned.length !== 1) return undefined;
    const node = skipOuter(returned[0]);
    const value = valueOf(node, this.ctx);
    const plain = value.kind === 'object' ? toPlain(value) : undefined;
    if (!plain) return undefined;
    const related = this.related({ start: node.getStart(this.ctx.sourceFile), end: node.getStart(this.ctx.sourceFile) + 1 }, `${q(name)} builds this body`);
    return { kind: 'value', value: plain, function: true, origin: { file: this.path, name, related } };
  }

  /**
   * What a function returns when it is (part of) the response of a Leonardo request it makes, as the
   * flow analysis of this module works it out (a same-file caller would get the same answer).
   */
  private returnsOf(fn: ts.SignatureDeclaration): ResponseOrigin | undefined {
    const flow = this.moduleFlow();
    const origin = flow?.returnOrigin(fn);
    return origin?.kind === 'response' ? origin : undefined;
  }

  /** The flow analysis of this module, made on first use, when the module makes a Leonardo request. */
  private moduleFlow(): Flow | undefined {
    if (this.flow !== undefined) return this.flow ?? undefined;
    this.findWrappers();
    const ctx = this.ctx;
    const catalogue = getCatalogue();
    const sends = new Map<ts.CallExpression, SendCall>();
    let requests: RequestSite[];
    if (this.wrappers!.size > 0 || SDK_TEXT.test(ctx.text)) {
      // Same-file wrappers or SDK calls: the extractor's own sites (without asking the index about
      // every imported function the module calls, which would summarise each of their modules).
      requests = findRequests(createContext(ctx.sourceFile, ctx.index), catalogue, sends);
    } else {
      // Only direct sends: their sites as the flow reads them (URL, method, endpoint; no body or headers).
      requests = [];
      for (const { send, pieces } of this.sends) {
        sends.set(send.call, send);
        const url = leonardoUrl(pieces, spanOf(send.url ?? send.call, ctx));
        if (url) requests.push(makeSite({ source: send.source, url, method: send.method, span: spanOf(send.call, ctx) }, catalogue));
      }
    }
    for (const { send, pieces } of this.throughImported) {
      const url = leonardoUrl(pieces, spanOf(send.url ?? send.call, ctx));
      if (url) requests.push(makeSite({ source: send.source, url, method: send.method, span: spanOf(send.call, ctx) }, catalogue));
    }
    const options = ctx.imports ? { imports: ctx.imports, exportsHaveOtherCallers: true } : { exportsHaveOtherCallers: true };
    this.flow = requests.length > 0 ? new Flow(ctx.sourceFile, ctx.index, sends, requests, options) : null;
    return this.flow ?? undefined;
  }

  /** Empty the flow's tables (the module's parse is dropped with the summary). */
  release(): void {
    this.flow?.release();
  }

  /** A key (or anything) read from a browser-visible place: `process.env.NEXT_PUBLIC_*`, localStorage. */
  private exposedFact(name: string, expressions: ts.Expression[], isFunction: boolean): ExportFact | undefined {
    const parsed: TsParsed = { kind: 'typescript', sourceFile: this.ctx.sourceFile, index: this.ctx.index, sends: new Map() };
    if (this.ctx.imports) parsed.imports = this.ctx.imports;
    for (const expression of expressions) {
      const read = exposedReads(expression, parsed)[0];
      if (!read) continue;
      const related = read.related ?? this.related(read.span, `${q(name)} is read here from ${q(read.expression)}`);
      return {
        kind: 'exposed',
        read: { kind: read.kind, expression: read.expression, ...(read.shippedBy ? { shippedBy: read.shippedBy } : {}) },
        function: isFunction,
        origin: { file: this.path, name, related },
      };
    }
    return undefined;
  }

  /** The module's wrappers: functions whose send's URL uses one parameter, or whose fixed Leonardo URL gets a parameter as the body. */
  private findWrappers(): void {
    if (this.wrappers) return;
    const ctx = this.ctx;
    const table = emptyWrapperTable();
    this.bodyWrappers = new Map();
    for (const call of ctx.index.calls) {
      let send = sendCall(call, ctx);
      let pieces: UrlPiece[] | undefined;
      if (!send) {
        const through = importedClientSend(call, ctx);
        if (!through) continue;
        send = through.send;
        pieces = through.pieces;
        this.throughImported.push({ send, pieces });
      } else {
        pieces = sendUrlPieces(send, ctx);
        this.sends.push({ send, pieces });
      }
      registerWrapper(table, send, pieces, ctx);
      this.bodyWrapper(send, pieces);
    }
    if (this.bodyWrappers.size > 0 || ctx.imports) this.chainedBodyWrappers();
    this.wrappers = table.byFunction;
  }

  private bodyWrapper(send: SendCall, pieces: UrlPiece[]): void {
    if (!send.body || pieces.some((p) => p.unknown)) return;
    const url = leonardoUrl(pieces, { start: 0, end: 0 });
    if (!url?.path) return;
    const fn = enclosingFunction(send.call);
    const around = fn && bodyAroundParameter(fn, sentExpression(send.body, this.ctx), this.ctx);
    if (around && !this.bodyWrappers!.has(fn)) {
      const method = send.method?.value;
      this.bodyWrappers!.set(fn, { url: knownText(pieces)!, ...(method ? { method } : {}), keys: send.keys, bodyParam: around.index, overrides: around.overrides, adds: around.adds });
    }
  }

  /**
   * Functions that hand their parameter on as a body wrapper's body (`createGeneration(params) { return
   * generateImage(params) }`, `generate(prompt, options) { return generateImage({ prompt, ...options }) }`)
   * are body wrappers too, a few levels deep: what their callers pass is the body.
   */
  private chainedBodyWrappers(): void {
    const ctx = this.ctx;
    const table = this.bodyWrappers!;
    for (let round = 0, added = true; added && round < MAX_BODY_CHAIN; round++) {
      added = false;
      for (const call of ctx.index.calls) {
        // Only a call inside a function with parameters can hand one on.
        const fn = enclosingFunction(call);
        if (!fn || fn.parameters.length === 0 || table.has(fn) || call.arguments.length === 0) continue;
        const target = calledFunction(call, ctx);
        const inner = target ? table.get(target) : importedBodyWrapper(call, ctx);
        if (!inner || call.arguments.some(ts.isSpreadElement)) continue;
        const argument = call.arguments[inner.bodyParam];
        if (fn === target || !argument) continue;
        const around = bodyAroundParameter(fn, argument, ctx);
        if (!around) continue;
        // The inner wrapper's later keys replace the caller's too.
        const overrides = [...new Set([...around.overrides, ...inner.overrides])];
        table.set(fn, Object.assign({}, inner, { bodyParam: around.index, overrides, adds: around.adds || inner.adds }));
        added = true;
      }
    }
  }

  private origin(name: string, node: ts.Node, message: string): FactOrigin {
    return { file: this.path, name, related: this.related({ start: node.getStart(this.ctx.sourceFile), end: node.end }, message) };
  }

  private related(span: Span, message: string): Related {
    const sourceFile = this.ctx.sourceFile;
    const start = sourceFile.getLineAndCharacterOfPosition(span.start);
    const end = sourceFile.getLineAndCharacterOfPosition(span.end);
    return { file: this.path, range: { start, end }, message };
  }
}

const SDK_TEXT = /@leonardo-ai\/sdk/;

/** Expressions whose value is never (part of) a response. */
const NOT_A_RESPONSE = new Set([
  ts.SyntaxKind.ObjectLiteralExpression,
  ts.SyntaxKind.ArrayLiteralExpression,
  ts.SyntaxKind.StringLiteral,
  ts.SyntaxKind.NoSubstitutionTemplateLiteral,
  ts.SyntaxKind.TemplateExpression,
  ts.SyntaxKind.NumericLiteral,
  ts.SyntaxKind.TrueKeyword,
  ts.SyntaxKind.FalseKeyword,
  ts.SyntaxKind.NullKeyword,
  ts.SyntaxKind.NewExpression,
  ts.SyntaxKind.ArrowFunction,
  ts.SyntaxKind.FunctionExpression,
]);

function sameSetup(a: ClientSetup, b: ClientSetup): boolean {
  if (a.kind !== 'import' || b.kind !== 'import') return a.kind === b.kind;
  return a.specifier === b.specifier && a.imported === b.imported;
}

/** A function whose fixed Leonardo URL gets (an object built around) one of its parameters as the body. */
interface BodyWrapper {
  /** The fixed URL it sends to. */
  url: string;
  method?: string;
  keys: OptionKeys;
  bodyParam: number;
  /** Keys written after the parameter's spread: the caller's values for them are not sent. */
  overrides: string[];
  /** The body has keys of its own besides the caller's. */
  adds: boolean;
}

/** A call of a fixed-URL wrapper another module exports (`generateImage(params)`), as a body wrapper of this module would be. */
function importedBodyWrapper(call: ts.CallExpression, ctx: TsContext): BodyWrapper | undefined {
  if (!ctx.imports) return undefined;
  const fact = importedFact(call.expression, ctx);
  if (fact?.kind !== 'wrapper' || fact.bodyParam === undefined || fact.urlParam !== undefined) return undefined;
  const url = fact.url.length === 1 && 'text' in fact.url[0] ? fact.url[0].text : undefined;
  if (url === undefined) return undefined;
  return {
    url,
    ...(fact.method ? { method: fact.method } : {}),
    keys: fact.keys,
    bodyParam: fact.bodyParam,
    overrides: fact.bodyOverrides ?? [],
    adds: fact.bodyAdds === true,
  };
}

/** How many functions deep a body handed on from parameter to parameter is followed. */
const MAX_BODY_CHAIN = 4;

/**
 * The parameter of `fn` a body expression sends: the parameter itself, or an object literal that
 * spreads it once among keys it writes (`{ ...params, modelId }`, `{ prompt, ...options }`). Undefined
 * for anything else (two spreads, a computed key, a parameter that is not a plain name).
 */
function bodyAroundParameter(fn: ts.SignatureDeclaration, expression: ts.Expression, ctx: TsContext): { index: number; overrides: string[]; adds: boolean } | undefined {
  const node = skipOuter(expression);
  if (ts.isIdentifier(node)) {
    const index = parameterOf(fn, node, ctx);
    return index === undefined ? undefined : { index, overrides: [], adds: false };
  }
  if (!ts.isObjectLiteralExpression(node)) return undefined;
  let index: number | undefined;
  const overrides: string[] = [];
  let adds = false;
  for (const member of node.properties) {
    if (ts.isSpreadAssignment(member)) {
      const name = skipOuter(member.expression);
      if (index !== undefined || !ts.isIdentifier(name)) return undefined;
      index = parameterOf(fn, name, ctx);
      if (index === undefined) return undefined;
      continue;
    }
    const key = member.name && (ts.isIdentifier(member.name) || ts.isStringLiteral(member.name)) ? member.name.text : undefined;
    if (key === undefined) return undefined;
    adds = true;
    if (index !== undefined) overrides.push(key);
  }
  return index === undefined ? undefined : { index, overrides, adds };
}

/** The position of the plain-name parameter of `fn` a name refers to (not a rest parameter). */
function parameterOf(fn: ts.SignatureDeclaration, name: ts.Identifier, ctx: TsContext): number | undefined {
  const index = parameterIndex(fn, resolveIdentifier(ctx.index, name));
  return index !== undefined && !fn.parameters[index].dotDotDotToken ? index : undefined;
}

function responds(may: boolean): { responds?: true } {
  return may ? { responds: true } : {};
}

/** A constant that is a literal number, boolean or array (strings and objects have facts of their own). */
function literalPlain(node: ts.Expression, ctx: TsContext): PlainValue | undefined {
  const value = valueOf(node, ctx);
  return value.kind === 'number' || value.kind === 'boolean' || value.kind === 'array' ? toPlain(value) : undefined;
}

function optional<K extends string>(key: K, value: number | undefined): Partial<Record<K, number>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, number>);
}

function isModuleExports(node: ts.Expression): boolean {
  return ts.isPropertyAccessExpression(node) && node.name.text === 'exports' && ts.isIdentifier(node.expression) && node.expression.text === 'module';
}

function isExportsObject(node: ts.Expression): boolean {
  return ts.isIdentifier(node) && node.text === 'exports';
}

/** The function an export is: a declaration, or a constant initialised with an arrow or function expression. */
function functionOf(node: ts.Node): ts.SignatureDeclaration | undefined {
  if (ts.isFunctionDeclaration(node) || ts.isArrowFunction(node) || ts.isFunctionExpression(node)) return node;
  if (ts.isVariableDeclaration(node) && node.initializer) {
    const init = skipOuter(node.initializer);
    if (ts.isArrowFunction(init) || ts.isFunctionExpression(init)) return init;
  }
  return undefined;
}

function constValue(declaration: ts.VariableDeclaration, ctx: TsContext): ts.Expression | undefined {
  if (!declaration.initializer || !ts.isIdentifier(declaration.name)) return undefined;
  const binding: Binding | undefined = resolveIdentifier(ctx.index, declaration.name);
  return binding && !binding.reassigned ? declaration.initializer : undefined;
}

/** The text of pieces that are all known, or undefined. */
function knownText(pieces: readonly UrlPiece[]): string | undefined {
  return pieces.every((p) => !p.unknown) ? pieces.map((p) => p.text).join('') : undefined;
}

/** The whole text of a string-like constant expression (literals, templates and `+` of known parts, imported constants). */
function stringText(expression: ts.Expression, ctx: TsContext): string | undefined {
  const node = skipOuter(expression);
  if (!(ts.isStringLiteralLike(node) || ts.isTemplateExpression(node) || ts.isBinaryExpression(node) || ts.isIdentifier(node) || ts.isPropertyAccessExpression(node))) {
    return undefined;
  }
  if (ts.isPropertyAccessExpression(node)) {
    const fact = importedFact(node, ctx);
    return fact?.kind === 'string' ? fact.text : undefined;
  }
  const pieces = urlPieces(node, ctx);
  return pieces.length > 0 ? knownText(pieces) : ts.isStringLiteralLike(node) ? '' : undefined;
}
