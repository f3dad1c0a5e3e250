// URL expressions → text: string and template literals, `+`, same-file constants, `new URL(path, base)`,
// client base URLs, a client class's `this.baseUrl`. Parts that cannot be known become `{name}`
// placeholders; literal parts keep the document span they are written at, so a path can be edited
// where it is written.

import ts from 'typescript';
import type { RequestUrl, Span } from '../../types.js';
import { parseLeonardoUrl } from '../leonardo-url.js';
import { parseMisplacedLeonardoUrl } from '../text/request-url.js';
import { step, withBinding, type TsContext } from './context.js';
import { isFallbackOperator, resolveIdentifier, skipOuter } from './scope.js';
import { bindingValues, calledFunction, classMemberWrites, lacksKey, memberExpressions, patternElement, returnedExpressions, someNode, thisClass, visibleArguments, withArguments } from './resolve.js';
import type { Binding } from './file-index.js';
import { calleeName } from './values.js';
import { appendAll } from '../../arrays.js';
import { importedString } from '../../workspace/imported-names.js';

export interface UrlPiece {
  text: string;
  /** Where `text` is written verbatim in the document (absent when escapes or joins changed it). */
  span?: Span;
  /**
   * A part that cannot be known statically (its text is a `{name}` placeholder). `orWhole`: the code
   * sends it alone when it is a full URL (`path.startsWith("http") ? path : BASE + path`, see joinedUnlessFull).
   */
  unknown?: { node: ts.Node; binding?: Binding; orWhole?: true };
}

export function urlPieces(expression: ts.Expression, ctx: TsContext, depth = 0): UrlPiece[] {
  const node = skipOuter(expression);
  if (!step(ctx, depth)) return [placeholder(node, ctx)];
  const chosen = ctx.bound?.get(node);
  if (chosen) return urlPieces(chosen, ctx, depth + 1);
  if (ctx.imports && (ts.isIdentifier(node) || ts.isPropertyAccessExpression(node))) {
    // A URL constant another module exports (`import { LEONARDO_BASE } from "@/lib/leonardo"`).
    const text = importedString(node, ctx);
    if (text !== undefined) return text === '' ? [] : [{ text }];
  }
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
    const start = node.getStart(ctx.sourceFile);
    return literalPiece(node.text, start + 1, node.end - 1, ctx);
  }
  if (ts.isTemplateExpression(node)) return templatePieces(node, ctx, depth);
  if (ts.isBinaryExpression(node)) {
    const operator = node.operatorToken.kind;
    if (operator === ts.SyntaxKind.PlusToken) {
      return [...urlPieces(node.left, ctx, depth + 1), ...urlPieces(node.right, ctx, depth + 1)];
    }
    if (isFallbackOperator(operator)) {
      // `process.env.LEONARDO_URL ?? "https://cloud.leonardo.ai/..."`: the literal default. An empty
      // one (`data.generationId ?? ""`) is a guard for a part that is not there: the part stays unknown.
      const left = urlPieces(node.left, ctx, depth + 1);
      if (left.some((p) => !p.unknown)) return left;
      const right = urlPieces(node.right, ctx, depth + 1);
      return right.length > 0 ? right : left;
    }
  }
  if (ts.isIdentifier(node)) return identifierPieces(node, ctx, depth);
  if (ts.isConditionalExpression(node)) {
    const joined = joinedUnlessFull(node);
    if (joined) {
      // A full URL is sent as it is; anything else (a path, or a part that cannot be known) joined to the base.
      const own = urlPieces(joined.path, ctx, depth + 1);
      if (isFullUrl(own)) return own;
      // The name's own placeholder in the joined URL is marked: a wrapper's call that passes a full URL sends it alone.
      const path = own.length === 1 ? own[0].unknown?.binding : undefined;
      return urlPieces(joined.joined, ctx, depth + 1).map((piece) => (path && piece.unknown?.binding === path ? { text: piece.text, unknown: Object.assign({}, piece.unknown, { orWhole: true as const }) } : piece));
    }
  }
  if (ts.isNewExpression(node) && calleeName(node.expression) === 'URL' && node.arguments?.length) {
    const [path, base] = node.arguments;
    const pathPieces = urlPieces(path, ctx, depth + 1);
    return base ? resolveAgainst(pathPieces, urlPieces(base, ctx, depth + 1), node, ctx) : pathPieces;
  }
  if (ts.isPropertyAccessExpression(node) && node.name.text === 'href') return urlPieces(node.expression, ctx, depth + 1);
  if (ts.isPropertyAccessExpression(node)) return memberPieces(node, ctx, depth);
  if (ts.isCallExpression(node)) {
    const callee = skipOuter(node.expression);
    if (ts.isPropertyAccessExpression(callee) && callee.name.text === 'toString' && node.arguments.length === 0) {
      return urlPieces(callee.expression, ctx, depth + 1);
    }
    if (ts.isIdentifier(callee) && callee.text === 'String' && node.arguments.length === 1) {
      return urlPieces(node.arguments[0], ctx, depth + 1);
    }
    // `path.replace(/^\//, "")`: a path with its leading (or trailing) slashes taken off.
    const trimmed = ts.isPropertyAccessExpression(callee) ? slashesTrimmed(node) : undefined;
    if (trimmed && ts.isPropertyAccessExpression(callee)) return trimSlashes(urlPieces(callee.expression, ctx, depth + 1), trimmed);
    const pieces = returnedPieces(node, ctx, depth);
    if (pieces) return pieces;
  }
  return [placeholder(node, ctx)];
}

/** Regular expressions that take slashes off one end of a string, by the end they take them off. */
const SLASH_TRIMS: Record<string, 'start' | 'end'> = { '^\\/': 'start', '^\\/+': 'start', '\\/$': 'end', '\\/+$': 'end' };

/** `x.replace(/^\/+/, "")` (or `/\/+$/`): which end of `x` loses its slashes; undefined for any other call. */
function slashesTrimmed(call: ts.CallExpression): 'start' | 'end' | undefined {
  const callee = call.expression as ts.PropertyAccessExpression;
  const [pattern, replacement] = call.arguments;
  if ((callee.name.text !== 'replace' && callee.name.text !== 'replaceAll') || call.arguments.length !== 2) return undefined;
  if (!ts.isRegularExpressionLiteral(pattern) || !ts.isStringLiteralLike(replacement) || replacement.text !== '') return undefined;
  // A regular expression literal is `/body/flags`.
  const source = pattern.text.slice(1, pattern.text.lastIndexOf('/'));
  return Object.hasOwn(SLASH_TRIMS, source) ? SLASH_TRIMS[source] : undefined;
}

/** The pieces less the slashes at one end, where that end is known text. */
function trimSlashes(pieces: UrlPiece[], end: 'start' | 'end'): UrlPiece[] {
  const index = end === 'start' ? 0 : pieces.length - 1;
  const piece = pieces[index];
  if (!piece || piece.unknown) return pieces;
  // Counted by hand: `/\/+$/` backtracks quadratically over a long run of slashes that does not end the text.
  let from = 0;
  let to = piece.text.length;
  if (end === 'start') while (from < to && piece.text[from] === '/') from++;
  else while (to > from && piece.text[to - 1] === '/') to--;
  const text = piece.text.slice(from, to);
  const cut = piece.text.length - text.length;
  const span = piece.span && (end === 'start' ? { start: piece.span.start + cut, end: piece.span.end } : { start: piece.span.start, end: piece.span.end - cut });
  const out = [...pieces];
  if (text === '') out.splice(index, 1);
  else out[index] = span ? { text, span } : { text };
  return out;
}

function literalPiece(text: string, start: number, end: number, ctx: TsContext): UrlPiece[] {
  if (text === '') return [];
  // Only text written verbatim (no escapes) can be located character by character.
  return ctx.text.slice(start, end) === text ? [{ text, span: { start, end } }] : [{ text }];
}

function templatePieces(node: ts.TemplateExpression, ctx: TsContext, depth: number): UrlPiece[] {
  const head = node.head;
  const pieces = literalPiece(head.text, head.getStart(ctx.sourceFile) + 1, head.end - 2, ctx);
  for (const span of node.templateSpans) {
    appendAll(pieces, urlPieces(span.expression, ctx, depth + 1));
    const literal = span.literal;
    const closing = ts.isTemplateTail(literal) ? 1 : 2;
    appendAll(pieces, literalPiece(literal.text, literal.getStart(ctx.sourceFile) + 1, literal.end - closing, ctx));
  }
  return pieces;
}

function identifierPieces(node: ts.Identifier, ctx: TsContext, depth: number): UrlPiece[] {
  const binding = resolveIdentifier(ctx.index, node);
  const element = binding && ctx.bound?.get(binding);
  if (element) return withBinding(ctx, binding, () => urlPieces(element, ctx, depth + 1)) ?? [placeholder(node, ctx, binding)];
  const bounds = bindingValues(node, ctx, binding);
  if (!binding || !bounds) {
    // A parameter's default (`base = "https://..."`, `{ baseUrl = "https://..." } = {}`) is the URL a call
    // that passes none sends, as the literal side of `base ?? "https://..."` is.
    const fallback = binding?.kind === 'param' ? parameterDefault(binding, ctx) : undefined;
    return fallback ? (withBinding(ctx, binding!, () => urlPieces(fallback, ctx, depth + 1)) ?? [placeholder(node, ctx, binding)]) : [placeholder(node, ctx, binding)];
  }
  const pieces = withBinding(ctx, binding, () => {
    const [first, ...others] = bounds.map((bound) => urlPieces(bound.expression, ctx, depth + 1));
    if (others.length === 0) return first;
    // One of an `if`/`else`'s writes: a URL only when every write spells the same one (a part that
    // cannot be known in the same place of each), and then located in none of them, so that no
    // edit changes one write and not the others.
    const shape = urlShape(first);
    if (others.some((other) => urlShape(other) !== shape)) return undefined;
    return first.map((piece) => (piece.unknown ? piece : { text: piece.text }));
  });
  return pieces ?? [placeholder(node, ctx, binding)];
}

/**
 * The default a parameter's name has: its own (`base = "..."`), or its key's in a destructured
 * parameter; not where a call here passes something for it (the function is made for other hosts too).
 */
function parameterDefault(binding: Binding, ctx: TsContext): ts.Expression | undefined {
  const parameter = binding.node;
  if (!ts.isParameter(parameter)) return undefined;
  const key = ts.isObjectBindingPattern(parameter.name) ? patternElement(parameter.name, binding.name) : undefined;
  const fallback = ts.isIdentifier(parameter.name) ? parameter.initializer : key?.element.initializer;
  // (The calls are looked for only where there is a default: most parameters in URLs have none.)
  if (!fallback) return undefined;
  const passed = visibleArguments(parameter, ctx)?.args ?? [];
  const isDefault = (argument: ts.Expression): boolean => {
    if (!key) return argument === fallback;
    const object = skipOuter(argument);
    return ts.isObjectLiteralExpression(object) && lacksKey(object, key.key, ctx);
  };
  return passed.every(isDefault) ? fallback : undefined;
}

/** The text of URL pieces with each part that cannot be known as `{}`. */
function urlShape(pieces: readonly UrlPiece[]): string {
  return pieces.map((p) => (p.unknown ? '{}' : p.text)).join('');
}

/**
 * `this.baseUrl` in a client class, `config.baseUrl` of a constant object: the member's one value
 * (its initializer, or its one `this.baseUrl = ...`). Written more than once (a setter, a second
 * assignment), it may hold either: unknown.
 */
function memberPieces(node: ts.PropertyAccessExpression, ctx: TsContext, depth: number): UrlPiece[] {
  const values = memberExpressions(node, ctx) ?? parameterPropertyDefault(node, ctx);
  return values?.length === 1 ? urlPieces(values[0], ctx, depth + 1) : [placeholder(node, ctx)];
}

/**
 * `this.base` of `constructor(private base = "https://...")` that nothing else writes, where no `new`
 * can be seen: its default, as a plain parameter's is (identifierPieces).
 */
function parameterPropertyDefault(node: ts.PropertyAccessExpression, ctx: TsContext): ts.Expression[] | undefined {
  const owner = skipOuter(node.expression).kind === ts.SyntaxKind.ThisKeyword ? thisClass(node) : undefined;
  if (!owner) return undefined;
  const { values, parameter } = classMemberWrites(owner, node.name.text, ctx);
  const fallback = parameter?.initializer;
  // (A class that makes itself with `new this(base)` is given its base by whoever calls that.)
  if (!parameter || !fallback || values.length > 0 || someNode(owner, (n) => (ts.isNewExpression(n) && n.expression.kind === ts.SyntaxKind.ThisKeyword) || undefined)) return undefined;
  // (A `new` here that passes another base says the class is made for other hosts too.)
  const visible = visibleArguments(parameter, ctx);
  return visible?.args.some((argument) => argument !== fallback) ? undefined : [fallback];
}

/**
 * `getBaseUrl()`, `apiUrl("/generations")`: what a same-file function with one `return` returns,
 * its parameters taking the call's arguments.
 */
function returnedPieces(call: ts.CallExpression, ctx: TsContext, depth: number): UrlPiece[] | undefined {
  const fn = calledFunction(call, ctx);
  const returned = fn && returnedExpressions(fn);
  if (!fn || returned?.length !== 1) return undefined;
  // With the parameters at this call's arguments (`leonardoUrl(\`generations/${id}\`)`), so what the
  // function does to them (`path.replace(/^\//, "")`) is done to what the call passes.
  return withBinding(ctx, fn, () => withArguments(fn, call, ctx, () => urlPieces(returned[0], ctx, depth + 1)));
}

/**
 * `path.startsWith("http") ? path : \`${BASE}${path}\`` (also `/^https?:/.test(path)`, `path.includes("://")`,
 * and the arms the other way round under `!`): a URL that is `path` when it is a full one, and `path` joined
 * to a base otherwise. Undefined for any other conditional.
 */
function joinedUnlessFull(node: ts.ConditionalExpression): { path: ts.Identifier; joined: ts.Expression } | undefined {
  let condition = skipOuter(node.condition);
  let [whole, joined] = [skipOuter(node.whenTrue), skipOuter(node.whenFalse)];
  if (ts.isPrefixUnaryExpression(condition) && condition.operator === ts.SyntaxKind.ExclamationToken) {
    condition = skipOuter(condition.operand);
    [whole, joined] = [joined, whole];
  }
  if (!ts.isIdentifier(whole) || !ts.isCallExpression(condition)) return undefined;
  const callee = skipOuter(condition.expression);
  if (!ts.isPropertyAccessExpression(callee)) return undefined;
  const [argument] = condition.arguments;
  const text = argument && ts.isStringLiteralLike(argument) ? argument.text : argument && ts.isRegularExpressionLiteral(argument) ? argument.text : undefined;
  const method = callee.name.text;
  const tested = method === 'test' ? condition.arguments[0] : callee.expression;
  const pattern = method === 'test' ? skipOuter(callee.expression) : undefined;
  const names = (e: ts.Node | undefined): boolean => e !== undefined && ts.isIdentifier(skipOuter(e as ts.Expression)) && (skipOuter(e as ts.Expression) as ts.Identifier).text === whole.text;
  const full =
    ((method === 'startsWith' || method === 'includes') && text !== undefined && /^(?:http|:\/\/$)/.test(text) && names(tested)) ||
    (method === 'test' && pattern !== undefined && ts.isRegularExpressionLiteral(pattern) && /http|:\\\/\\\//.test(pattern.text) && names(tested));
  if (!full) return undefined;
  // The other arm joins the same name to something (`${BASE}${path}`, `BASE + path`).
  let mentions = false;
  const visit = (n: ts.Node): void => {
    if (mentions) return;
    if (ts.isIdentifier(n) && n.text === whole.text) mentions = true;
    else n.forEachChild(visit);
  };
  visit(joined);
  return mentions ? { path: whole, joined } : undefined;
}

/** Pieces that start with a scheme: a full URL. */
export function isFullUrl(pieces: readonly UrlPiece[] | undefined): boolean {
  const first = pieces?.[0];
  return first !== undefined && !first.unknown && /^https?:\/\//i.test(first.text);
}

function placeholder(node: ts.Node, ctx: TsContext, binding?: Binding): UrlPiece {
  const written = ctx.text.slice(node.getStart(ctx.sourceFile), node.end);
  const name = /^[\w$.]{1,40}$/.test(written) ? written : '…';
  return { text: `{${name}}`, unknown: { node, binding } };
}

function piecesText(pieces: readonly UrlPiece[]): string {
  return pieces.map((p) => p.text).join('');
}

/** The pieces covering [start, end) of the joined text, cut where needed. */
function slicePieces(pieces: readonly UrlPiece[], start: number, end: number): UrlPiece[] {
  const out: UrlPiece[] = [];
  let offset = 0;
  for (const piece of pieces) {
    const from = Math.max(start, offset);
    const to = Math.min(end, offset + piece.text.length);
    if (from < to) {
      if (from === offset && to === offset + piece.text.length) {
        out.push(piece);
      } else if (!piece.unknown) {
        const cut = from - offset;
        const text = piece.text.slice(cut, to - offset);
        out.push(piece.span ? { text, span: { start: piece.span.start + cut, end: piece.span.start + cut + text.length } } : { text });
      } else {
        out.push(piece);
      }
    }
    offset += piece.text.length;
  }
  return out;
}

const ABSOLUTE = /^[a-z][a-z0-9+.-]*:\/\//i;

/** A client's base URL joined with a request URL (axios `baseURL`, ky/got `prefixUrl`, ofetch `baseURL`). */
export function joinBase(base: readonly UrlPiece[], relative: readonly UrlPiece[]): UrlPiece[] {
  const relText = piecesText(relative);
  if (ABSOLUTE.test(relText) || base.length === 0) return [...relative];
  const baseText = piecesText(base);
  if (relText === '') return [...base];
  const baseSlash = baseText.endsWith('/');
  const relSlash = relText.startsWith('/');
  if (baseSlash && relSlash) return [...slicePieces(base, 0, baseText.length - 1), ...relative];
  if (baseSlash || relSlash) return [...base, ...relative];
  return [...base, { text: '/' }, ...relative];
}

/** `new URL(path, base)`: an absolute path wins, `/x` replaces the base's path, `x` replaces its last segment. */
function resolveAgainst(path: UrlPiece[], base: UrlPiece[], node: ts.Node, ctx: TsContext): UrlPiece[] {
  const pathText = piecesText(path);
  if (ABSOLUTE.test(pathText)) return path;
  const baseText = piecesText(base);
  const origin = /^[a-z][a-z0-9+.-]*:\/\/[^/?#{}]*/i.exec(baseText);
  if (!origin) return [placeholder(node, ctx)];
  if (pathText.startsWith('/')) return [...slicePieces(base, 0, origin[0].length), ...path];
  const baseNoQuery = baseText.replace(/[?#].*$/, '');
  const dir = baseNoQuery.lastIndexOf('/');
  const keep = dir >= origin[0].length ? dir + 1 : baseNoQuery.length;
  const prefix = slicePieces(base, 0, keep);
  return dir >= origin[0].length ? [...prefix, ...path] : [...prefix, { text: '/' }, ...path];
}

/**
 * The Leonardo REST URL the pieces spell, or undefined when they are not one (another host, a host
 * that cannot be known, a leonardo.ai URL that is no attempt at the API such as a CDN image).
 */
export function leonardoUrl(pieces: readonly UrlPiece[], span: Span): RequestUrl | undefined {
  const text = piecesText(pieces);
  // A wrong base (`api.leonardo.ai/v1/...`, `cloud.leonardo.ai/generations`) is still an attempt at the API.
  const parsed = parseLeonardoUrl(text) ?? parseMisplacedLeonardoUrl(text);
  if (!parsed || !(parsed.host === 'leonardo.ai' || parsed.host.endsWith('.leonardo.ai'))) return undefined;
  const url: RequestUrl = { text, span, host: parsed.host, apiVersion: parsed.apiVersion };
  const rawPath = /^[^?#]*/.exec(text.slice(parsed.pathOffset))![0];
  if (!rawPath.startsWith('/') || !knownPath(parsed.path)) return url;
  url.path = parsed.path;
  const pathSpan = locate(pieces, parsed.pathOffset, parsed.pathOffset + parsed.path.length);
  if (pathSpan) url.pathSpan = pathSpan;
  return url;
}

/** A path whose first segment is literal and whose other segments are literal or one placeholder each. */
function knownPath(path: string): boolean {
  const segments = path.split('/').slice(1);
  if (segments.length === 0 || segments[0] === '' || segments[0].includes('{')) return false;
  return segments.every((s) => !s.includes('{') || /^\{[^{}]*\}$/.test(s));
}

/** The document span of [start, end) of the joined text, when it lies inside one verbatim piece. */
function locate(pieces: readonly UrlPiece[], start: number, end: number): Span | undefined {
  let offset = 0;
  for (const piece of pieces) {
    const pieceEnd = offset + piece.text.length;
    if (start >= offset && end <= pieceEnd) {
      return piece.span && !piece.unknown
        ? { start: piece.span.start + start - offset, end: piece.span.start + end - offset }
        : undefined;
    }
    offset = pieceEnd;
  }
  return undefined;
}
