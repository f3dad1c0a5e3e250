// unknown-endpoint: a Leonardo.Ai v1 URL the API has no endpoint for: a wrong host or base
// (`api.leonardo.ai`, `leonardo.ai/api/rest/v1`, `cloud.leonardo.ai/generations`), a path that is not
// an endpoint (`/generation`, `/universal-upscaler`), a removed endpoint (`/generations-texture`), or
// a method the path does not take. Every source kind; v2 URLs are a different API and never judged.

import type { Catalogue, Endpoint } from '../../api/types.js';
import { ruleDocsUrl } from '../docs.js';
import { LEONARDO_BASE_URL } from '../extract/leonardo-url.js';
import { hasCanonicalBase } from '../extract/text/request-url.js';
import { editDistance, listOr } from '../suggest.js';
import type { Fix, RequestSite, Rule, RuleContext, Span, TextEdit } from '../types.js';

const ID = 'unknown-endpoint';

/** Methods nobody means as an API call (curl -I probes): never judged. */
const PROBES = new Set(['HEAD', 'OPTIONS']);

export const rule: Rule = {
  meta: {
    id: ID,
    defaultSeverity: 'error',
    description: 'A Leonardo.Ai URL the API has no endpoint for: a wrong host or base, an unknown or removed path, or a method the path does not take.',
    docsUrl: ruleDocsUrl(ID),
    fixable: true,
  },
  check(ctx) {
    for (const request of ctx.requests) {
      const url = request.url;
      if (!url?.path || url.apiVersion === 'v2') continue;
      if (url.host && !hasCanonicalBase(url)) reportBase(ctx, request);
      judgePath(ctx, request);
    }
  },
};

// -- Host and base ------------------------------------------------------------------------------

const BASE_TEXT = /^(?:https?:\/\/)?[a-z0-9.-]*leonardo\.ai(?::\d+)?(?:\/[\w.-]+)*\/?$/i;

function reportBase(ctx: RuleContext, request: RequestSite): void {
  const url = request.url!;
  const end = url.pathSpan?.start ?? url.span.end;
  // A URL span may include the quote of its literal (TS/JS): the base starts after it.
  const quoted = /^['"`]/.test(ctx.document.text[url.span.start] ?? '') && url.pathSpan ? 1 : 0;
  const span: Span = { start: url.span.start + quoted, end: Math.max(end, url.span.start + quoted) };
  const written = ctx.document.text.slice(span.start, span.end);
  const hostIsRight = url.host === 'cloud.leonardo.ai';
  const message = hostIsRight
    ? `\`${url.text}\` misses the API base \`/api/rest/v1\`: the Leonardo.Ai REST API is at \`${LEONARDO_BASE_URL}\`, so this request fails.`
    : `\`${url.host}\` is not the Leonardo.Ai API host: the REST API is at \`${LEONARDO_BASE_URL}\`, so this request fails.`;
  const fixes: Fix[] =
    url.pathSpan && BASE_TEXT.test(written)
      ? [{ title: `Use ${LEONARDO_BASE_URL}`, edits: [{ start: span.start, end: span.end, newText: LEONARDO_BASE_URL }], preferred: true }]
      : [];
  ctx.report({ message, span: span.end > span.start ? span : url.span, fixes });
}

// -- Path and method ----------------------------------------------------------------------------

function judgePath(ctx: RuleContext, request: RequestSite): void {
  const url = request.url!;
  const path = url.path!;
  const method = request.method?.toUpperCase();
  if (request.endpoint) {
    if (request.endpoint.status === 'removed') reportRemoved(ctx, request, request.endpoint);
    return;
  }
  const byPath = ctx.catalogue.matchPath(path);
  if (byPath.length > 0) {
    if (!method || PROBES.has(method) || byPath.some((e) => e.method === method)) return;
    const live = byPath.filter((e) => e.status !== 'removed');
    if (live.length === 0) reportRemoved(ctx, request, byPath[0]!);
    else if (wordInParam(path, live[0]!) && nearestEndpoints(path, method, ctx.catalogue).some((c) => c.endpoint.method === method)) {
      // `/variations/upscaler` fits `/variations/{id}` only by taking a word for an id: a misspelt path.
      reportUnknownPath(ctx, request, method);
    } else reportMethod(ctx, request, method, live);
    return;
  }
  if (hasPlaceholder(path) && couldMatch(path, ctx.catalogue)) return;
  reportUnknownPath(ctx, request, method);
}

/** Whether a `{param}` of the template is filled with a plain word (no digit, no placeholder): not an id. */
function wordInParam(path: string, endpoint: Endpoint): boolean {
  const given = segmentsOf(path);
  return segmentsOf(endpoint.path).some((s, i) => isParam(s) && /^[A-Za-z_-]+$/.test(given[i] ?? ''));
}

const METHOD_ORDER = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

function reportRemoved(ctx: RuleContext, request: RequestSite, endpoint: Endpoint): void {
  const note = endpoint.removedNote ? ` (${endpoint.removedNote})` : '';
  ctx.report({
    message: `\`${endpoint.method} ${endpoint.path}\` was removed from the Leonardo.Ai API${note}: the request fails. There is no replacement endpoint in the current API.`,
    span: pathOrUrl(request),
    fixes: [],
    endpoint: `${endpoint.method} ${endpoint.path}`,
  });
}

function reportMethod(ctx: RuleContext, request: RequestSite, method: string, endpoints: Endpoint[]): void {
  const path = endpoints[0]!.path;
  const methods = [...new Set(endpoints.map((e) => e.method))].sort((a, b) => METHOD_ORDER.indexOf(a) - METHOD_ORDER.indexOf(b));
  const implied = request.source === 'curl' && !request.methodSpan && method === 'POST'
    ? ' curl sends POST because the command has data (--data, --json or -F): remove the data, or send it as a query string with -G.'
    : '';
  ctx.report({
    message: `\`${path}\` does not take ${method}: it takes ${listOr(methods)}, so \`${method} ${request.url!.path}\` fails.${implied}`,
    span: request.methodSpan ?? pathOrUrl(request),
    fixes: methods.flatMap((m) => {
      const edit = methodEdit(ctx, request, m);
      // Never preferred: another method is another operation, and the request may mean another path.
      return edit ? [{ title: `Use ${m}`, edits: [edit], preferred: false }] : [];
    }),
    endpoint: methods.length === 1 ? `${methods[0]} ${path}` : undefined,
  });
}

/** Replace the method where it is written as a literal (curl -X, an .http request line, `method: 'POST'`). */
function methodEdit(ctx: RuleContext, request: RequestSite, method: string): TextEdit | undefined {
  const span = request.methodSpan;
  if (!span || !request.method) return undefined;
  const written = ctx.document.text.slice(span.start, span.end);
  const at = written.toUpperCase().indexOf(request.method.toUpperCase());
  if (at < 0) return undefined;
  const upper = written.slice(at, at + request.method.length) === written.slice(at, at + request.method.length).toUpperCase();
  return { start: span.start + at, end: span.start + at + request.method.length, newText: upper ? method : method.toLowerCase() };
}

interface Candidate {
  endpoint: Endpoint;
  /** The template with the request's own segments put into its `{params}`. */
  path: string;
  score: number;
}

function reportUnknownPath(ctx: RuleContext, request: RequestSite, method: string | undefined): void {
  const path = request.url!.path!;
  const candidates = nearestEndpoints(path, method, ctx.catalogue);
  const labels = candidates.map((c) => `${c.endpoint.method} ${c.endpoint.path}`);
  const shown = `${method ? `${method} ` : ''}${path}`;
  const suggestion = labels.length > 0 ? ` Did you mean ${listOr(labels.map((l) => `\`${l}\``))}?` : '';
  ctx.report({
    message: `\`${shown}\` is not an endpoint of the Leonardo.Ai REST API: the request fails.${suggestion}`,
    span: pathOrUrl(request),
    fixes: pathFixes(ctx, request, candidates),
  });
}

function pathFixes(ctx: RuleContext, request: RequestSite, candidates: Candidate[]): Fix[] {
  const pathSpan = request.url!.pathSpan;
  if (!pathSpan) return [];
  const fixes: Fix[] = [];
  for (const c of candidates) {
    if (/[{}]/.test(c.path)) continue;
    const edits: TextEdit[] = [{ start: pathSpan.start, end: pathSpan.end, newText: c.path }];
    const method = request.method?.toUpperCase();
    if (method && method !== c.endpoint.method) {
      const edit = methodEdit(ctx, request, c.endpoint.method);
      if (!edit) continue;
      edits.push(edit);
    }
    fixes.push({ title: `Use ${c.endpoint.method} ${c.path}`, edits });
  }
  // The nearest endpoint is a guess; only a path that differs in letter case alone is certain.
  const written = request.url!.path!.toLowerCase();
  if (fixes.length === 1 && candidates.length === 1 && fixes[0]!.edits.length === 1 && candidates[0]!.path.toLowerCase() === written) {
    fixes[0]!.preferred = true;
  }
  return fixes;
}

const segmentsOf = (path: string): string[] => path.split('/').filter((s) => s !== '');
const isParam = (segment: string): boolean => /^\{\w+\}$/.test(segment);

/** The template with the given path's segments in its parameters (`/generations/{id}` + `/generation/abc` → `/generations/abc`). */
function instantiate(template: string, given: string[]): string {
  return '/' + segmentsOf(template).map((s, i) => (isParam(s) && given[i] !== undefined ? given[i] : s)).join('/');
}

/** Whether `tail` is the end of `whole` (a template's params match any segment). */
function endsWith(whole: string[], tail: string[]): boolean {
  if (tail.length === 0 || tail.length >= whole.length) return false;
  const end = whole.slice(whole.length - tail.length);
  return end.every((s, i) => isParam(s) || isParam(tail[i]!) || s === tail[i]);
}

/**
 * How near an unknown path is to an endpoint, and the path to write instead: the edit distance to
 * the template filled with the path's segments, or 1 when one ends the other (`/universal-upscaler`
 * for `/variations/universal-upscaler`, `/v1/generations` for `/generations`).
 */
function nearness(path: string, given: string[], endpoint: Endpoint): { distance: number; path: string } {
  const template = segmentsOf(endpoint.path);
  if (endsWith(template, given)) {
    const lead = template.slice(0, template.length - given.length);
    return { distance: 1, path: instantiate(endpoint.path, [...lead, ...given]) };
  }
  if (endsWith(given, template)) {
    return { distance: 1, path: instantiate(endpoint.path, given.slice(given.length - template.length)) };
  }
  const filled = instantiate(endpoint.path, given);
  return { distance: editDistance(path.toLowerCase(), filled.toLowerCase(), 4), path: filled };
}

/** The endpoints nearest to an unknown path, the request's method preferred; ties all kept (at most 3). */
function nearestEndpoints(path: string, method: string | undefined, catalogue: Catalogue): Candidate[] {
  const limit = Math.min(3, Math.max(1, Math.floor(path.length / 5)));
  const scored: Candidate[] = [];
  // Split once, not once per endpoint: a long path (100 KB of `/`) is then read once.
  const given = segmentsOf(path);
  for (const endpoint of catalogue.endpoints) {
    if (endpoint.status === 'removed') continue;
    const near = nearness(path, given, endpoint);
    // Distance 0: the path already fits this template (by a word in an id's place): not a suggestion.
    if (near.distance === 0 || near.distance > limit) continue;
    const methodPenalty = method && endpoint.method !== method ? 0.5 : 0;
    scored.push({ endpoint, path: near.path, score: near.distance + methodPenalty });
  }
  scored.sort((a, b) => a.score - b.score);
  const best = scored[0]?.score;
  return scored.filter((c) => c.score === best).slice(0, 3);
}

// `[^{}]` (not `[^}]`): over a run of `{` each attempt stops at the next one, so a long run stays linear.
const PLACEHOLDER = /\{[^{}]*\}|^:\w+$|\$\{[^{}]*\}/;

function hasPlaceholder(path: string): boolean {
  return segmentsOf(path).some((s) => PLACEHOLDER.test(s));
}

/** Whether some endpoint fits the path when each unknown part may stand for anything (slashes too). */
function couldMatch(path: string, catalogue: Catalogue): boolean {
  const pattern = segmentsOf(path)
    .map((s) => (PLACEHOLDER.test(s) ? s.split(PLACEHOLDER).map(escape).join('.+') : escape(s)))
    .join('/');
  const re = new RegExp(`^/?(?:.+/)?${pattern}$`);
  return catalogue.endpoints.some((e) => re.test(e.path.replace(/\{\w+\}/g, 'x')));
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function pathOrUrl(request: RequestSite): Span {
  return request.url!.pathSpan ?? request.url!.span;
}
