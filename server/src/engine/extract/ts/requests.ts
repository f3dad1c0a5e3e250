// Client calls → RequestSites: the URL must resolve to a Leonardo REST URL, then the method, the
// catalogue endpoint, the body and the visible headers are filled in.

import ts from 'typescript';
import type { Catalogue } from '../../../api/types.js';
import type { ObjectValue, RequestSite, RequestUrl, Value } from '../../types.js';
import { bodyValue } from './bodies.js';
import type { MethodRef, SendCall } from './calls.js';
import { endpointFor } from '../text/request-url.js';
import { spanOf, type TsContext } from './context.js';
import { calleeName, valueOf } from './values.js';
import { joinBase, leonardoUrl, urlPieces, type UrlPiece } from './urls.js';
import { skipOuter } from './scope.js';

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
