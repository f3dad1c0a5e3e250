// One module's summary for the workspace index: what it exports (by name, and where each export's
// value comes from: a local declaration, another module, `export *`), and for the exports that
// matter to Leonardo requests a fact as plain data (see types.ts). Syntax only, one parse; the
// parse is dropped when the summary is made, so the index holds no syntax tree.

import ts from 'typescript';
import { exposedReads } from '../auth/exposed-env.js';
import type { TsParsed } from '../extract/typescript.js';
import { sentExpression } from '../extract/ts/bodies.js';
import { sendCall, type SendCall } from '../extract/ts/calls.js';
import { instanceFrom, readOptions } from '../extract/ts/clients.js';
import { createContext, type TsContext } from '../extract/ts/context.js';
import { buildIndex, releaseIndex, type Binding } from '../extract/ts/file-index.js';
import { sendUrlPieces } from '../extract/ts/requests.js';
import { resolveIdentifier, skipOuter } from '../extract/ts/scope.js';
import { joinBase, leonardoUrl, urlPieces, type UrlPiece } from '../extract/ts/urls.js';
import { enclosingFunction, returnedExpressions } from '../extract/ts/resolve.js';
import { emptyWrapperTable, registerWrapper, type Wrapper } from '../extract/ts/wrappers.js';
import { q } from '../messages.js';
import type { Related, Span } from '../types.js';
import { importedFact } from './imported-names.js';
import { importedClientSend } from './sites.js';
import type { ExportFact, ExportedUrlPiece, FactOrigin, ImportResolver } from './types.js';

/** Where an export's value comes from. `=` is CommonJS's `module.exports = value`. */
export type ExportRef = { local: true } | { from: string; name: string };

export interface ModuleSummary {
  exports: Map<string, ExportRef>;
  /** `export * from "…"` specifiers, in order. */
  stars: string[];
  /** Facts of the module's own exports, by exported name. */
  facts: Map<string, ExportFact>;
}

export const EMPTY_SUMMARY: ModuleSummary = { exports: new Map(), stars: [], facts: new Map() };

const EXPORTS_ANYTHING = /\bexport\b|\bexports\b/;

const PARSE_OPTIONS: ts.CreateSourceFileOptions = {
  languageVersion: ts.ScriptTarget.Latest,
  jsDocParsingMode: ts.JSDocParsingMode.ParseNone,
};

/** The summary of one module's text. `imports` answers for the modules it imports (for re-exported clients and keys). */
export function summarizeModule(path: string, text: string, imports: ImportResolver): ModuleSummary {
  if (!EXPORTS_ANYTHING.test(text)) return EMPTY_SUMMARY;
  let sourceFile: ts.SourceFile;
  let ctx: TsContext;
  try {
    sourceFile = ts.createSourceFile(path, text, PARSE_OPTIONS, false, scriptKind(path));
    ctx = createContext(sourceFile, buildIndex(sourceFile), imports);
  } catch (error) {
    // Pathologically deep code: the module is not summarised (its importers see unknown values).
    if (error instanceof RangeError) return EMPTY_SUMMARY;
    throw error;
  }
  try {
    return new Summarizer(path, ctx).run();
  } catch (error) {
    if (error instanceof RangeError) return EMPTY_SUMMARY;
    throw error;
  } finally {
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
  private bodyWrappers?: Map<ts.Node, { send: SendCall; pieces: UrlPiece[]; bodyParam: number }>;

  constructor(
    private readonly path: string,
    private readonly ctx: TsContext,
  ) {}

  run(): ModuleSummary {
    for (const statement of this.ctx.sourceFile.statements) this.visit(statement);
    for (const [name, { node, nameNode }] of this.values) {
      const fact = this.factOf(name, node, nameNode);
      if (fact) this.summary.facts.set(name, fact);
    }
    return this.summary;
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
    return value && this.valueFact(name, value, nameNode);
  }

  private valueFact(name: string, value: ts.Expression, nameNode: ts.Node): ExportFact | undefined {
    const ctx = this.ctx;
    const instance = instanceFrom(value, ctx);
    if (instance) {
      const options = readOptions(instance.config, ctx);
      const baseExpression = options.props.get('baseURL') ?? options.props.get('prefixUrl') ?? options.props.get('prefix');
      const base = baseExpression && knownText(urlPieces(baseExpression, ctx));
      return {
        kind: 'client',
        library: instance.library,
        ...(base !== undefined ? { base } : {}),
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
      return any ? { kind: 'object', properties, origin: this.origin(name, nameNode, `${q(name)} is defined here`) } : undefined;
    }
    const text = stringText(node, ctx);
    if (text !== undefined) return { kind: 'string', text, origin: this.origin(name, nameNode, `${q(name)} is defined here`) };
    return this.exposedFact(name, [node], false);
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
        origin: this.origin(name, nameNode, message),
      };
    }
    const bodyWrapper = this.bodyWrappers!.get(fn);
    if (bodyWrapper) {
      return {
        kind: 'wrapper',
        url: [{ text: knownText(bodyWrapper.pieces)! }],
        bodyParam: bodyWrapper.bodyParam,
        ...(bodyWrapper.send.method ? { method: bodyWrapper.send.method.value } : {}),
        keys: bodyWrapper.send.keys,
        origin: this.origin(name, nameNode, message),
      };
    }
    return this.exposedFact(name, returnedExpressions(fn), true);
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
      }
      pieces ??= sendUrlPieces(send, ctx);
      registerWrapper(table, send, pieces, ctx);
      this.bodyWrapper(send, pieces);
    }
    this.wrappers = table.byFunction;
  }

  private bodyWrapper(send: SendCall, pieces: UrlPiece[]): void {
    if (!send.body || pieces.some((p) => p.unknown)) return;
    const url = leonardoUrl(pieces, { start: 0, end: 0 });
    if (!url?.path) return;
    const fn = enclosingFunction(send.call);
    const body = skipOuter(sentExpression(send.body, this.ctx));
    if (!fn || !ts.isIdentifier(body)) return;
    const binding = resolveIdentifier(this.ctx.index, body);
    if (binding?.kind !== 'param' || binding.scope !== fn) return;
    const index = fn.parameters.indexOf(binding.node as ts.ParameterDeclaration);
    if (index >= 0 && !this.bodyWrappers!.has(fn)) this.bodyWrappers!.set(fn, { send, pieces, bodyParam: index });
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
