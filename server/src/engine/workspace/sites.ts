// Requests a file makes through what another module exports: a call on an imported client instance
// (`leonardo.post("/generations", body)`) and a call to an imported wrapper (`generateImage({...})`).
// The request is the caller's: its path and body are the caller's literals, so findings land where
// the mistake is written, and the site names the other module (`related`) for the finding's
// related information.

import ts from 'typescript';
import type { Catalogue } from '../../api/types.js';
import type { RequestSite, Value } from '../types.js';
import { bodyValue } from '../extract/ts/bodies.js';
import { methodOption, readBody, sendThrough, type MethodRef, type SendCall } from '../extract/ts/calls.js';
import { readOptions } from '../extract/ts/clients.js';
import { spanOf, type TsContext } from '../extract/ts/context.js';
import { makeSite, siteFromSend } from '../extract/ts/requests.js';
import { skipOuter } from '../extract/ts/scope.js';
import { joinBase, leonardoUrl, urlPieces, type UrlPiece } from '../extract/ts/urls.js';
import { constString } from '../extract/ts/values.js';
import { importedFact } from './imported-names.js';
import type { ExportFact } from './types.js';
import { appendAll } from '../arrays.js';

type ClientFact = Extract<ExportFact, { kind: 'client' }>;
type WrapperFact = Extract<ExportFact, { kind: 'wrapper' }>;

/** The requests of the file made through imported clients and wrappers (calls not already same-file sends). */
export function importedSites(ctx: TsContext, catalogue: Catalogue, sends: ReadonlyMap<ts.CallExpression, SendCall>): RequestSite[] {
  const out: RequestSite[] = [];
  // Only a call whose callee starts at an import's name (`leonardo.post`, `api.client.post`, `generate`)
  // can go through what another module exports: the others are passed over without resolving a name.
  const imported = new Set<string>();
  for (const binding of ctx.index.imports) imported.add(binding.name);
  if (imported.size === 0) return out;
  for (const call of ctx.index.calls) {
    if (sends.has(call)) continue;
    let root = skipOuter(call.expression);
    while (ts.isPropertyAccessExpression(root)) root = skipOuter(root.expression);
    if (!ts.isIdentifier(root) || !imported.has(root.text)) continue;
    const site = importedSite(call, ctx, catalogue);
    if (site) out.push(site);
  }
  return out;
}

function importedSite(call: ts.CallExpression, ctx: TsContext, catalogue: Catalogue): RequestSite | undefined {
  const through = importedClientSend(call, ctx);
  if (through) {
    const site = siteFromSend(through.send, through.pieces, ctx, catalogue);
    if (!site) return undefined;
    site.related = [through.fact.origin.related];
    const headers = through.fact.headers;
    if (!headers || headers.unknown) {
      // The instance's own headers cannot all be seen: what the call shows is not all that is sent.
      if (site.headers) site.headers = Object.assign({}, site.headers, { hasUnknownKeys: true });
      return site;
    }
    const callee = skipOuter(call.expression);
    site.clientHeaders = { headers: headers.keyHeaders, client: through.fact.origin.related, at: spanOf(callee, ctx) };
    return site;
  }
  const fact = importedFact(call.expression, ctx);
  return fact?.kind === 'wrapper' ? wrapperSite(call, fact, ctx, catalogue) : undefined;
}

/**
 * A call on a client instance another module exports, as a send with its URL pieces (the
 * instance's base URL joined in). Also used by the index, for wrappers around imported clients.
 */
export function importedClientSend(call: ts.CallExpression, ctx: TsContext): { send: SendCall; pieces: UrlPiece[]; fact: ClientFact } | undefined {
  if (!ctx.imports) return undefined;
  const callee = skipOuter(call.expression);
  let fact: ExportFact | undefined;
  let member: ts.MemberName | undefined;
  if (ts.isPropertyAccessExpression(callee)) {
    fact = importedFact(callee.expression, ctx);
    member = callee.name;
  }
  if (fact?.kind !== 'client') {
    fact = importedFact(callee, ctx);
    member = undefined;
  }
  if (fact?.kind !== 'client') return undefined;
  const library = fact.library;
  const send = sendThrough(
    { library, instance: { library }, ...(member ? { member: member.text, memberNode: member } : {}) },
    call,
    ctx,
  );
  if (!send) return undefined;
  const own = send.url ? urlPieces(send.url, ctx) : [];
  const base = send.base ? urlPieces(send.base, ctx) : fact.base !== undefined ? [{ text: fact.base }] : [];
  return { send, pieces: joinBase(base, own), fact };
}

/** A call to an imported wrapper: the URL is the wrapper's with the caller's path argument in it, the body the caller's argument. */
function wrapperSite(call: ts.CallExpression, fact: WrapperFact, ctx: TsContext, catalogue: Catalogue): RequestSite | undefined {
  // A spread argument moves every later argument: which one is the body cannot be known.
  if (call.arguments.some(ts.isSpreadElement)) return undefined;
  const urlArgument = fact.urlParam === undefined ? undefined : call.arguments[fact.urlParam];
  const urlDefault = fact.urlParam === undefined ? undefined : fact.defaults?.[fact.urlParam];
  if (fact.urlParam !== undefined && !urlArgument && urlDefault === undefined) return undefined;
  const pieces: UrlPiece[] = [];
  for (const piece of fact.url) {
    if (!('param' in piece)) {
      pieces.push({ text: piece.text });
      continue;
    }
    const path = urlArgument ? urlPieces(urlArgument, ctx) : [{ text: urlDefault! }];
    // A base joined to the parameter with a `/` (axios `baseURL` + `url`) and a path written with its own.
    const last = pieces[pieces.length - 1];
    if (last?.text.endsWith('/') && path[0]?.text.startsWith('/')) pieces[pieces.length - 1] = { text: last.text.slice(0, -1) };
    appendAll(pieces, path);
  }
  const url = leonardoUrl(pieces, spanOf(urlArgument ?? call, ctx));
  if (!url?.path) return undefined;
  const passed = fact.optionsParam === undefined ? undefined : readOptions(call.arguments[fact.optionsParam], ctx);
  const bodyExpression = fact.bodyParam !== undefined ? call.arguments[fact.bodyParam] : passed && readBody(passed, fact.keys);
  const site = makeSite(
    {
      source: 'wrapper',
      url,
      method: wrapperMethod(call, fact, ctx) ?? (passed && methodOption(passed, undefined, ctx).method),
      body: bodyExpression && aroundBody(bodyValue(bodyExpression, ctx), fact),
      span: spanOf(call, ctx),
    },
    catalogue,
  );
  site.related = [fact.origin.related];
  return site;
}

/**
 * The caller's body as the wrapper sends it (`{ ...params, modelId }`): without the keys the wrapper
 * writes after it (their values are the wrapper's), and with keys of the wrapper's own that this file
 * cannot see (judged in the wrapper's module).
 */
function aroundBody(value: Value, fact: WrapperFact): Value {
  const overrides = fact.bodyOverrides;
  if (!overrides && !fact.bodyAdds) return value;
  if (value.kind === 'alternatives') return Object.assign({}, value, { options: value.options.map((option) => aroundBody(option, fact)) });
  if (value.kind !== 'object') return value;
  const properties = overrides ? value.properties.filter((p) => !overrides.includes(p.key)) : value.properties;
  return Object.assign({}, value, { properties, hasUnknownKeys: value.hasUnknownKeys || fact.bodyAdds === true });
}

function wrapperMethod(call: ts.CallExpression, fact: WrapperFact, ctx: TsContext): MethodRef | undefined {
  if (fact.method) return { value: fact.method };
  if (fact.methodParam === undefined) return undefined;
  const expression = call.arguments[fact.methodParam];
  if (!expression) {
    const fallback = fact.defaults?.[fact.methodParam];
    return fallback ? { value: fallback.toUpperCase() } : undefined;
  }
  const literal = constString(expression, ctx);
  return literal ? { value: literal.value.toUpperCase(), span: literal.inner } : undefined;
}
