// From a URL written in a document (decoded, with its mapping) to the RequestUrl of a RequestSite,
// for the text-based sources (curl, .http, Postman). A URL on a leonardo.ai host under /api/rest/v1
// or /v2 is Leonardo's; so is an attempt at the API with the wrong base (`api.leonardo.ai/v1/…`,
// `cloud.leonardo.ai/generations`), which `unknown-endpoint` reports.

import { matchV2Endpoint, v2Endpoints, type V2Endpoint } from '../../../api/endpoints-v2.js';
import { getCatalogue } from '../../../api/catalogue.js';
import type { Catalogue, Endpoint } from '../../../api/types.js';
import type { RequestUrl } from '../../types.js';
import { LEONARDO_HOST, parseLeonardoUrl, type LeonardoUrl } from '../leonardo-url.js';
import { isVerbatim, mapSpan, withPlaceholders, type MappedText } from './mapped-text.js';

/**
 * A leonardo.ai URL that misses the `/api/rest/v1` base: any path on `api.` or `cloud.leonardo.ai`
 * but the web app's GraphQL endpoint, and on other leonardo.ai hosts a path that starts like an API
 * path (`/api`, `/rest`, `/v1`) and then like a REST path (`/api/generations`, not `/api/auth/session`).
 */
const WRONG_BASE = /^(?:https?:\/\/)?((?:[a-z0-9-]+\.)*leonardo\.ai)(?::\d+)?((?:\/api)?(?:\/rest)?(?:\/v1)?)(\/[^?#]*)?/i;

export function parseMisplacedLeonardoUrl(url: string): LeonardoUrl | undefined {
  const m = WRONG_BASE.exec(url.trim());
  if (!m) return undefined;
  const host = m[1].toLowerCase();
  const base = m[2] ?? '';
  const apiHost = host === 'api.leonardo.ai' || host === LEONARDO_HOST;
  if (!apiHost && base === '') return undefined;
  const rawPath = m[3] ?? '';
  if (rawPath === '' || rawPath === '/') return undefined;
  // Leonardo's other surfaces are not attempts at the REST API: the web app's GraphQL API
  // (`api.leonardo.ai/v1/graphql`, driven with a session token) on any host, and on the web app's
  // host (`app.leonardo.ai/api/auth/session`) a route whose first segment no REST path starts with.
  const first = /^\/([^/]*)/.exec(rawPath)?.[1]?.toLowerCase() ?? '';
  if (first === 'graphql' || (!apiHost && !startsLikeApiPath(first))) return undefined;
  const lead = url.length - url.trimStart().length;
  return {
    host,
    apiVersion: 'v1',
    path: rawPath.length > 1 ? rawPath.replace(/(?<!\/)\/+$/, '') : rawPath,
    pathOffset: lead + m[0].length - rawPath.length,
  };
}

/** The first segments of the v1 and v2 paths (`generations`, `me`, `init-image`, ...). */
let apiSegments: ReadonlySet<string> | undefined;

/**
 * A first path segment a REST path starts with, or one letter or two off at its end
 * (`generation`, `init-images`); a segment that cannot be known (`{…}`) may be one.
 */
function startsLikeApiPath(first: string): boolean {
  if (first.includes('{')) return true;
  apiSegments ??= new Set([...getCatalogue().endpoints, ...v2Endpoints()].map((e) => e.path.split('/')[1]?.toLowerCase() ?? ''));
  for (const segment of apiSegments) {
    if (segment === first) return true;
    const [short, long] = segment.length < first.length ? [segment, first] : [first, segment];
    if (short.length >= 4 && long.length - short.length <= 2 && long.startsWith(short)) return true;
  }
  return false;
}

/** Whether a URL text has the canonical base `cloud.leonardo.ai/api/rest/v1` (or v2). */
export function hasCanonicalBase(url: Pick<RequestUrl, 'host' | 'text'>): boolean {
  if (url.host !== LEONARDO_HOST) return false;
  // The base as written in lower case (nearly every URL, and every one a request file's endpoint makes)
  // without the case-insensitive expression's scan.
  const at = url.text.indexOf('/api/rest/v');
  if (at >= 0) {
    const version = url.text[at + 11];
    const next = url.text[at + 12];
    if ((version === '1' || version === '2') && (next === undefined || next === '/' || next === '?' || next === '#')) return true;
  }
  return CANONICAL_BASE.test(url.text);
}

const CANONICAL_BASE = /\/api\/rest\/v[12](?:[/?#]|$)/i;

/** The RequestUrl of a mapped URL text, when it is a Leonardo URL. */
export function leonardoRequestUrl(url: MappedText, docText: string): RequestUrl | undefined {
  const shown = withPlaceholders(url);
  const parsed = parseLeonardoUrl(shown.text) ?? parseMisplacedLeonardoUrl(shown.text);
  if (!parsed) return undefined;
  const result: RequestUrl = {
    text: shown.text.trim(),
    span: mapSpan(url, 0, url.text.length),
    host: parsed.host,
    path: parsed.path,
    apiVersion: parsed.apiVersion,
  };
  const start = shown.toDecoded[parsed.pathOffset];
  const end = shown.toDecoded[parsed.pathOffset + parsed.path.length];
  const written = shown.text.slice(parsed.pathOffset, parsed.pathOffset + parsed.path.length) === parsed.path;
  if (written && end - start === parsed.path.length && isVerbatim(url, start, end, docText)) {
    result.pathSpan = mapSpan(url, start, end);
  }
  return result;
}

/** The catalogue endpoint of a request, when its URL is a v1 URL with the canonical base. */
export function endpointFor(
  catalogue: Catalogue,
  method: string | undefined,
  url: RequestUrl | undefined,
): Endpoint | undefined {
  if (!method || !url?.path || url.apiVersion !== 'v1' || !hasCanonicalBase(url)) return undefined;
  return catalogue.match(method, url.path)?.endpoint;
}

/** The v2 endpoint of a request, when its URL is a v2 URL with the canonical base (v1's catalogue never judges it). */
export function v2EndpointFor(method: string | undefined, url: RequestUrl | undefined): V2Endpoint | undefined {
  if (!method || !url?.path || url.apiVersion !== 'v2' || !hasCanonicalBase(url)) return undefined;
  return matchV2Endpoint(method, url.path);
}
