// unknown-endpoint: a Leonardo.Ai URL the API has no endpoint for: a wrong host or base
// (`api.leonardo.ai`, `leonardo.ai/api/rest/v1`, `cloud.leonardo.ai/generations`), a path that is not
// an endpoint (`/generation`, `/universal-upscaler`), a removed endpoint (`/generations-texture`), or
// a method the path does not take. Every source kind. v2 URLs are judged against the v2 API's own
// endpoints (api/endpoints-v2.ts), never v1's; a v1 path under /v2 (`GET /v2/generations/{id}`, how
// v2 results are often polled) is told to use the v1 base.

import { v2Endpoints } from '../../api/endpoints-v2.js';
import type { Endpoint } from '../../api/types.js';
import { fitMessage } from '../messages.js';
import { ruleDocsUrl } from '../rule-docs.js';
import { LEONARDO_BASE_URL, LEONARDO_HOST } from '../extract/leonardo-url.js';
import { hasCanonicalBase } from '../extract/text/request-url.js';
import type { JsonParsed } from '../extract/json.js';
import { editDistance, listOr } from '../fix/suggest.js';
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
    reportUnidentifiedFile(ctx);
    for (const request of ctx.requests) {
      const url = request.url;
      if (!url?.path || url.judgedAtSend) continue;
      if (url.host && !hasCanonicalBase(url)) reportBase(ctx, request);
      if (url.apiVersion === 'v2') judgeV2Path(ctx, request);
      else judgePath(ctx, request);
    }
  },
};

// -- Request files whose endpoint cannot be told --------------------------------------------------

/**
 * A `*.leonardo.json` file the user named as a request, whose endpoint neither a comment, the config nor
 * its keys tell (extract/json.ts): one note saying how to name it, never silence, never a guess.
 */
function reportUnidentifiedFile(ctx: RuleContext): void {
  const parsed = ctx.parsed as JsonParsed | undefined;
  if (parsed?.kind !== 'json' || !parsed.unidentified) return;
  ctx.report({
    message: 'Cannot tell this request file\'s endpoint from its keys: map it in requestFiles, or name it .leonardo.jsonc with // POST /path first.',
    severity: 'information',
    span: parsed.unidentified,
    fixes: [],
  });
}

// -- Host and base ------------------------------------------------------------------------------

const V2_BASE_URL = `https://${LEONARDO_HOST}/api/rest/v2`;

const BASE_TEXT = /^(?:https?:\/\/)?[a-z0-9.-]*leonardo\.ai(?::\d+)?(?:\/[\w.-]+)*\/?$/i;

function reportBase(ctx: RuleContext, request: RequestSite): void {
  const url = request.url!;
  const end = url.pathSpan?.start ?? url.span.end;
  // A URL span may include the quote of its literal (TS/JS): the base starts after it.
  const quoted = /^['"`]/.test(ctx.document.text[url.span.start] ?? '') && url.pathSpan ? 1 : 0;
  const span: Span = { start: url.span.start + quoted, end: Math.max(end, url.span.start + quoted) };
  const written = ctx.document.text.slice(span.start, span.end);
  const hostIsRight = url.host === LEONARDO_HOST;
  const base = url.apiVersion === 'v2' ? V2_BASE_URL : LEONARDO_BASE_URL;
  const api = url.apiVersion === 'v2' ? 'v2 API' : 'REST API';
  const message = hostIsRight
    ? fitMessage(`'${url.text}' misses the API base '/api/rest/v1': use ${LEONARDO_BASE_URL}.`, `This URL misses the API base '/api/rest/v1': use ${LEONARDO_BASE_URL}.`)
    : fitMessage(`'${url.host}' is not the Leonardo.Ai API host: the ${api} is at ${base}.`, `This is not the Leonardo.Ai API host: the ${api} is at ${base}.`);
  const fixes: Fix[] =
    url.pathSpan && BASE_TEXT.test(written)
      ? [{ title: `Use ${base}`, edits: [{ start: span.start, end: span.end, newText: base }], preferred: true }]
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
    if (live.length === 0) reportRemoved(ctx, request, byPath[0]);
    else if (wordInParam(path, live[0])) {
      // `/variations/upscaler` (or `/variations/create`) fits `/variations/{id}` only by taking a word for an
      // id: a path the API does not have, not a method to change.
      reportUnknownPath(ctx, request, method);
    } else reportMethod(ctx, request, method, live);
    return;
  }
  if (hasPlaceholder(path) && couldMatch(path, ctx.catalogue.endpoints)) return;
  reportUnknownPath(ctx, request, method);
}

// -- v2 paths -----------------------------------------------------------------------------------

function judgeV2Path(ctx: RuleContext, request: RequestSite): void {
  const path = request.url!.path!;
  const method = request.method?.toUpperCase();
  const byPath = v2Endpoints().filter((e) => e.path === path);
  if (byPath.length > 0) {
    if (!method || PROBES.has(method) || byPath.some((e) => e.method === method)) return;
    reportMethod(ctx, request, method, byPath);
    return;
  }
  if (hasPlaceholder(path) && couldMatch(path, v2Endpoints())) return;
  const v1 = v1EndpointAt(ctx, path, method);
  if (v1) reportV1Path(ctx, request, v1);
  else reportUnknownV2Path(ctx, request, method);
}

/**
 * The v1 endpoint a v2 path is, when the path is one of v1's (`/generations/{id}`, `/init-image`) for
 * the request's method (any method when it is unknown) and no word stands in an id's place.
 */
function v1EndpointAt(ctx: RuleContext, path: string, method: string | undefined): Endpoint | undefined {
  const live = ctx.catalogue.matchPath(path).filter((e) => e.status !== 'removed' && (!method || e.method === method));
  const endpoint = live.find((e) => e.method === 'GET') ?? live[0];
  return endpoint && !wordInParam(path, endpoint) ? endpoint : undefined;
}

/** `GET /v2/generations/{id}`: the v2 API has no such path; it is v1's. */
function reportV1Path(ctx: RuleContext, request: RequestSite, endpoint: Endpoint): void {
  const path = request.url!.path!;
  const v1 = `${endpoint.method} /api/rest/v1${endpoint.path}`;
  const why = endpoint.operationId === 'getGenerationById' ? `v2 results are read with v1 ${v1}` : `use v1's ${v1}`;
  // The version is fixed only where the URL as written holds the base once: a base in a constant
  // (or an instance's baseURL) is shared by the v2 requests that are right, and is left alone.
  const written = ctx.document.text.slice(request.url!.span.start, request.url!.span.end);
  const bases = [...written.matchAll(/\/api\/rest\/v2(?=\/)/gi)];
  const at = bases.length === 1 ? request.url!.span.start + bases[0].index + '/api/rest/v'.length : -1;
  // Certain for a read or a delete (v2 has none of its own); a body written for v2 may not fit v1's endpoint.
  const fix: Fix = { title: 'Use /api/rest/v1', edits: [{ start: at, end: at + 1, newText: '1' }] };
  if (!endpoint.hasBody) fix.preferred = true;
  const fixes: Fix[] = at >= 0 ? [fix] : [];
  ctx.report({
    message: fitMessage(`${request.method ? `${request.method.toUpperCase()} ` : ''}/v2${path} is not a v2 endpoint: ${why}.`, `This is not a v2 endpoint: ${why}.`),
    span: pathOrUrl(request),
    fixes,
    endpoint: `${endpoint.method} ${endpoint.path}`,
  });
}

function reportUnknownV2Path(ctx: RuleContext, request: RequestSite, method: string | undefined): void {
  const path = request.url!.path!;
  // A path that differs only in case fits no template by edit distance (that is case-blind): its own candidates.
  const caseOnly = v2Endpoints().filter((e) => e.path.toLowerCase() === path.toLowerCase() && (!method || e.method === method));
  const candidates = caseOnly.length > 0 ? caseOnly.map((e) => ({ endpoint: e, path: e.path, score: 0 })) : nearestEndpoints(path, method, v2Endpoints());
  const labels = candidates.map((c) => `${c.endpoint.method} /v2${c.endpoint.path}`);
  const hint = labels.length > 0 ? `did you mean ${listOr(labels)}?` : 'models are sent to POST /v2/generations.';
  ctx.report({
    message: fitMessage(`${method ? `${method} ` : ''}/v2${path} is not a Leonardo.Ai v2 endpoint: ${hint}`, `This is not a Leonardo.Ai v2 endpoint: ${hint}`),
    span: pathOrUrl(request),
    fixes: pathFixes(ctx, request, candidates),
  });
}

function sameButCase(ctx: RuleContext, edit: TextEdit): boolean {
  const written = ctx.document.text.slice(edit.start, edit.end);
  return written !== edit.newText && written.toLowerCase() === edit.newText.toLowerCase();
}

/** Whether the path's segments (`given`) are the first, literal ones of the longer template `template`. */
function startsPath(template: string, given: readonly string[]): boolean {
  const want = segmentsOf(template);
  return want.length > given.length && given.every((segment, i) => segment === want[i]);
}

/** Whether a `{param}` of the template is filled with a plain word (no digit, no placeholder): not an id. */
function wordInParam(path: string, endpoint: Target): boolean {
  const given = segmentsOf(path);
  return segmentsOf(endpoint.path).some((s, i) => isParam(s) && /^[A-Za-z_-]+$/.test(given[i] ?? ''));
}

const METHOD_ORDER = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

function reportRemoved(ctx: RuleContext, request: RequestSite, endpoint: Endpoint): void {
  ctx.report({
    message: `${endpoint.method} ${endpoint.path} was removed from the Leonardo.Ai API, with no replacement: the request fails.`,
    detail: endpoint.removedNote,
    span: pathOrUrl(request),
    fixes: [],
    endpoint: `${endpoint.method} ${endpoint.path}`,
  });
}

function reportMethod(ctx: RuleContext, request: RequestSite, method: string, endpoints: readonly Target[]): void {
  const path = shown(request, endpoints[0].path);
  const methods = [...new Set(endpoints.map((e) => e.method))].sort((a, b) => METHOD_ORDER.indexOf(a) - METHOD_ORDER.indexOf(b));
  const implied = request.source === 'curl' && !request.methodSpan && method === 'POST'
    ? 'curl sends POST because the command has data (--data, --json or -F): remove the data, or send it as a query string with -G.'
    : undefined;
  ctx.report({
    message: fitMessage(`${path} does not take ${method}: use ${listOr(methods)}${implied ? ' (curl sends POST because of the data)' : ''}.`, `${path} does not take ${method}: use ${listOr(methods)}.`),
    detail: implied,
    span: request.methodSpan ?? pathOrUrl(request),
    fixes: methods.flatMap((m) => {
      const edit = methodEdit(ctx, request, m);
      // Never preferred: another method is another operation, and the request may mean another path.
      return edit ? [{ title: `Use ${m}`, edits: [edit], preferred: false }] : [];
    }),
    endpoint: methods.length === 1 ? `${methods[0]} ${path}` : undefined,
  });
}

/** A path as messages show it: v1 paths as they are (`/generations`), v2 paths with their version (`/v2/generations`). */
function shown(request: RequestSite, path: string): string {
  return request.url?.apiVersion === 'v2' ? `/v2${path}` : path;
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

/** An endpoint a path may be judged against: one of v1's catalogue or of the v2 API's. */
type Target = Pick<Endpoint, 'method' | 'path'> & { status?: Endpoint['status'] };

interface Candidate {
  endpoint: Target;
  /** The template with the request's own segments put into its `{params}`. */
  path: string;
  score: number;
}

function reportUnknownPath(ctx: RuleContext, request: RequestSite, method: string | undefined): void {
  const path = request.url!.path!;
  const candidates = nearestEndpoints(path, method, ctx.catalogue.endpoints);
  const labels = candidates.map((c) => `${c.endpoint.method} ${c.endpoint.path}`);
  const written = `${method ? `${method} ` : ''}${path}`;
  // (`GET /generations/user`: the start of `/generations/user/{userId}`, its id left out.)
  const given = labels.length > 0 ? [] : segmentsOf(path);
  const longer = labels.length > 0 ? [] : ctx.catalogue.endpoints.filter((e) => (!method || e.method === method) && e.status !== 'removed' && startsPath(e.path, given));
  const suggestion =
    labels.length > 0
      ? `: did you mean ${listOr(labels)}?`
      : longer.length > 0 && longer.length <= 2
        ? `: add the id, as in ${listOr(longer.map((e) => `${e.method} ${e.path}`))}.`
        : '.';
  ctx.report({
    message: fitMessage(`${written} is not an endpoint of the Leonardo.Ai REST API${suggestion}`, `This is not an endpoint of the Leonardo.Ai REST API${suggestion}`),
    span: pathOrUrl(request),
    fixes: pathFixes(ctx, request, candidates),
  });
}

/**
 * The fixes to the nearest endpoints. A nearest path is a guess: offered, and preferred only when it is
 * the one fix and differs from what is written in letter case alone (v1 and v2 alike).
 */
function pathFixes(ctx: RuleContext, request: RequestSite, candidates: Candidate[]): Fix[] {
  const pathSpan = request.url!.pathSpan;
  const fixes: Fix[] = [];
  for (const c of candidates) {
    const edits: TextEdit[] | undefined =
      pathSpan && !/[{}]/.test(c.path) ? [{ start: pathSpan.start, end: pathSpan.end, newText: c.path }] : segmentEdits(ctx, request, c.path);
    if (!edits) continue;
    const method = request.method?.toUpperCase();
    if (method && method !== c.endpoint.method) {
      const edit = methodEdit(ctx, request, c.endpoint.method);
      if (!edit) continue;
      edits.push(edit);
    }
    fixes.push({ title: `Use ${c.endpoint.method} ${/[{}]/.test(c.path) ? c.endpoint.path : c.path}`, edits });
  }
  if (fixes.length === 1 && fixes[0].edits.every((e) => sameButCase(ctx, e))) fixes[0].preferred = true;
  return fixes;
}

/**
 * A path written in pieces (`${BASE}/generation/${id}`, `{{base}}/generation/{{id}}`) is fixed where its
 * written segments differ: each replaced where it is written, once, in the URL's text. Undefined when a
 * segment to change is not written once as itself (or the two paths differ in length).
 */
function segmentEdits(ctx: RuleContext, request: RequestSite, target: string): TextEdit[] | undefined {
  const url = request.url!;
  const given = segmentsOf(url.path!);
  const wanted = segmentsOf(target);
  if (given.length !== wanted.length) return undefined;
  const span = url.pathSpan ?? url.span;
  const written = ctx.document.text.slice(span.start, span.end);
  const edits: TextEdit[] = [];
  for (let i = 0; i < given.length; i++) {
    if (given[i] === wanted[i]) continue;
    if (PLACEHOLDER.test(given[i]) || isParam(wanted[i])) return undefined;
    const at = [...written.matchAll(new RegExp(`/${escape(given[i])}(?=[/?#'"\`$]|$)`, 'g'))];
    if (at.length !== 1) return undefined;
    const start = span.start + at[0].index + 1;
    edits.push({ start, end: start + given[i].length, newText: wanted[i] });
  }
  return edits.length > 0 ? edits : undefined;
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
  // At least one written segment equal on both sides: `/generation/{id}` does not end
  // `/blueprint-executions/{id}/generations` because its parts line up with parameters only.
  return end.every((s, i) => isParam(s) || isParam(tail[i]) || s === tail[i]) && end.some((s, i) => !isParam(s) && s === tail[i]);
}

/**
 * How near an unknown path is to an endpoint, and the path to write instead: the edit distance to
 * the template filled with the path's segments, or 1 when one ends the other (`/universal-upscaler`
 * for `/variations/universal-upscaler`, `/v1/generations` for `/generations`).
 */
function nearness(path: string, given: string[], endpoint: Target): { distance: number; path: string } {
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
function nearestEndpoints(path: string, method: string | undefined, endpoints: readonly Target[]): Candidate[] {
  const limit = Math.min(3, Math.max(1, Math.floor(path.length / 5)));
  const scored: Candidate[] = [];
  // Split once, not once per endpoint: a long path (100 KB of `/`) is then read once.
  const given = segmentsOf(path);
  for (const endpoint of endpoints) {
    if (endpoint.status === 'removed') continue;
    const near = nearness(path, given, endpoint);
    // Distance 0: the path already fits this template (by a word in an id's place): not a suggestion.
    // (Distance 0 by another letter case is a suggestion: `/Generations/{id}`.)
    if (near.path === path || near.distance > limit) continue;
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
function couldMatch(path: string, endpoints: readonly Target[]): boolean {
  const pattern = segmentsOf(path)
    .map((s) => (PLACEHOLDER.test(s) ? s.split(PLACEHOLDER).map(escape).join('.+') : escape(s)))
    .join('/');
  const re = new RegExp(`^/?(?:.+/)?${pattern}$`);
  return endpoints.some((e) => re.test(e.path.replace(/\{\w+\}/g, 'x')));
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function pathOrUrl(request: RequestSite): Span {
  return request.url!.pathSpan ?? request.url!.span;
}
