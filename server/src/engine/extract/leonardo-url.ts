// Is this URL a Leonardo.Ai REST call, and which path of which API version? Shared by every
// extractor, so a URL means the same thing in code, curl, .http files and JSON request files.

export interface LeonardoUrl {
  /** Host as written, lower-cased (`cloud.leonardo.ai`, or a wrong one such as `api.leonardo.ai`). */
  host: string;
  apiVersion: 'v1' | 'v2';
  /** Path under /api/rest/vN, starting with `/`, without query or fragment (`/generations`). */
  path: string;
  /** Offset of `path` within the URL text (for path spans). */
  pathOffset: number;
}

export const LEONARDO_HOST = 'cloud.leonardo.ai';
export const LEONARDO_BASE_URL = `https://${LEONARDO_HOST}/api/rest/v1`;

const URL_PATTERN = /^(?:https?:\/\/)?([a-z0-9.-]*leonardo\.ai)(?::\d+)?(\/api\/rest\/(v1|v2))(\/[^?#]*)?/i;

/**
 * Parse a URL (placeholders such as `{…}` allowed in the path) as a Leonardo REST URL. Returns
 * undefined for anything that is not on a leonardo.ai host under /api/rest/v1 or /v2.
 */
export function parseLeonardoUrl(url: string): LeonardoUrl | undefined {
  const m = URL_PATTERN.exec(url.trim());
  if (!m) return undefined;
  const lead = url.length - url.trimStart().length;
  const rawPath = m[4] ?? '/';
  const path = rawPath.length > 1 ? rawPath.replace(/(?<!\/)\/+$/, '') : rawPath;
  return {
    host: m[1].toLowerCase(),
    apiVersion: m[3].toLowerCase() as 'v1' | 'v2',
    path,
    pathOffset: lead + m[0].length - rawPath.length,
  };
}

export interface EndpointRef {
  method: string;
  /** Offset of the method within the reference text. */
  methodOffset: number;
  /** The path under /api/rest/v1 (or v2), with its offset in the reference text. */
  path: string;
  pathOffset: number;
  apiVersion: 'v1' | 'v2';
  host: string;
}

/**
 * Parse an endpoint reference as users write it in settings and comments: `POST /generations`,
 * `POST https://cloud.leonardo.ai/api/rest/v1/generations`, `post /api/rest/v1/generations`, and for
 * the v2 API `POST /v2/generations` or `POST /api/rest/v2/generations`.
 */
export function parseEndpointRef(text: string): EndpointRef | undefined {
  const m = /^(\s*)([A-Za-z]+)(\s+)(\S+)\s*$/.exec(text);
  if (!m) return undefined;
  const method = m[2].toUpperCase();
  if (!['GET', 'POST', 'PUT', 'PATCH', 'DELETE'].includes(method)) return undefined;
  const target = m[4];
  const targetOffset = m[1].length + m[2].length + m[3].length;
  const methodOffset = m[1].length;
  if (target.startsWith('/api/rest/')) {
    const parsed = parseLeonardoUrl(`${LEONARDO_HOST}${target}`);
    if (!parsed) return undefined;
    return { method, methodOffset, path: parsed.path, pathOffset: targetOffset + parsed.pathOffset - LEONARDO_HOST.length, apiVersion: parsed.apiVersion, host: LEONARDO_HOST };
  }
  if (target.startsWith('/')) {
    // `/v2/generations` names the v2 API (`/v2` alone is no path: it stays a v1 path, for unknown-endpoint).
    const v2 = /^\/v2(?=\/[^/])/i.exec(target);
    const rest = v2 ? target.slice(v2[0].length) : target;
    const path = rest.length > 1 ? rest.replace(/[?#].*$/, '').replace(/(?<!\/)\/+$/, '') : rest;
    const pathOffset = targetOffset + (v2 ? v2[0].length : 0);
    return { method, methodOffset, path, pathOffset, apiVersion: v2 ? 'v2' : 'v1', host: LEONARDO_HOST };
  }
  const parsed = parseLeonardoUrl(target);
  if (!parsed) return undefined;
  return { method, methodOffset, path: parsed.path, pathOffset: targetOffset + parsed.pathOffset, apiVersion: parsed.apiVersion, host: parsed.host };
}
