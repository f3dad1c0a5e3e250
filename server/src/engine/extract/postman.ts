// Postman collections (v2.0 / v2.1 exports): every item, in nested folders too, whose request URL is
// Leonardo's. The raw JSON body is a string inside the collection's JSON; it is decoded with its
// escapes mapped, so findings land on the exact characters of the collection file. Collection
// variables are resolved in URLs; `{{variables}}` are unknown everywhere else. Auth set with
// Postman's auth helper (on the request, a folder or the collection) is not a visible header: the
// header set is then open.

import type { Catalogue } from '../../api/types.js';
import type { EscapedRegion, LintDocument, ObjectValue, Property, RequestSite, Span, StringValue, Value } from '../types.js';
import type { Extraction } from './index.js';
import { parseJsonValue } from './json-values.js';
import { removalSpan } from './spans.js';
import { headerObject } from './text/headers.js';
import { parseMappedJson } from './text/json-body.js';
import { decodeJsonString } from './text/json-string.js';
import { mapSpan, MappedTextBuilder, overlapsUnknown, type MappedText } from './text/mapped-text.js';
import { endpointFor, leonardoRequestUrl } from './text/request-url.js';
import { expandTemplate } from './text/template.js';

const SCHEMA = /getpostman\.com\/json\/collection\/v2/;

/** Cheap test: does this JSON text look like a Postman collection (for routing JSON files)? */
export function looksLikePostmanCollection(text: string): boolean {
  return /"_postman_id"\s*:/.test(text) || SCHEMA.test(text);
}

export function extractFromPostman(doc: LintDocument, catalogue: Catalogue): Extraction {
  return extractCollection(doc, catalogue) ?? { requests: [] };
}

/** The requests of a Postman collection; undefined when the JSON is not a collection. */
export function extractCollection(doc: LintDocument, catalogue: Catalogue): Extraction | undefined {
  const root = parseJsonValue(doc.text, { allowComments: false }).value;
  if (root?.kind !== 'object') return undefined;
  const info = member(root, 'info');
  const isCollection =
    info?.kind === 'object' && (member(info, '_postman_id') !== undefined || SCHEMA.test(stringOf(member(info, 'schema')) ?? ''));
  if (!isCollection) return undefined;
  const variables = new Map<string, string>();
  const list = member(root, 'variable');
  for (const v of list?.kind === 'array' ? list.elements : []) {
    const key = v.kind === 'object' ? stringOf(member(v, 'key')) : undefined;
    const value = v.kind === 'object' ? member(v, 'value') : undefined;
    if (key !== undefined && value?.kind === 'string') variables.set(key, value.value);
  }
  const context: Context = { text: doc.text, catalogue, variables, requests: [] };
  walkItems(member(root, 'item'), authIsSet(member(root, 'auth'), false), context);
  return { requests: context.requests };
}

interface Context {
  text: string;
  catalogue: Catalogue;
  variables: ReadonlyMap<string, string>;
  requests: RequestSite[];
}

function member(object: Value | undefined, key: string): Value | undefined {
  if (object?.kind !== 'object') return undefined;
  for (let i = object.properties.length - 1; i >= 0; i--) {
    if (object.properties[i].key === key) return object.properties[i].value;
  }
  return undefined;
}

function isTrue(value: Value | undefined): boolean {
  return value?.kind === 'boolean' && value.value;
}

function stringOf(value: Value | undefined): string | undefined {
  return value?.kind === 'string' ? value.value : undefined;
}

/** Whether requests under this auth carry an authorization the headers do not show. */
function authIsSet(auth: Value | undefined, inherited: boolean): boolean {
  if (auth === undefined || auth.kind === 'null') return inherited;
  const type = stringOf(member(auth, 'type'));
  if (type === 'inherit') return inherited;
  return type !== undefined && type !== 'noauth';
}

function walkItems(items: Value | undefined, auth: boolean, context: Context): void {
  if (items?.kind !== 'array') return;
  for (const item of items.elements) {
    if (item.kind !== 'object') continue;
    const itemAuth = authIsSet(member(item, 'auth'), auth);
    if (member(item, 'item')) walkItems(member(item, 'item'), itemAuth, context);
    const request = member(item, 'request');
    if (request) {
      const site = requestSite(request, itemAuth, context);
      if (site) context.requests.push(site);
    }
  }
}

/** The decoded content of a JSON string value of the collection, with its mapping. */
function decoded(context: Context, value: StringValue): MappedText {
  return decodeJsonString(context.text, value.span.start, value.span.end - 1);
}

function urlText(url: Value | undefined, context: Context): MappedText | undefined {
  if (url?.kind === 'string') return decoded(context, url);
  const raw = member(url, 'raw');
  if (raw?.kind === 'string') return decoded(context, raw);
  if (url?.kind !== 'object') return undefined;
  // No `raw`: rebuild it from protocol, host and path (mapped to the url object, not editable).
  const parts = (v: Value | undefined, sep: string): string | undefined =>
    v?.kind === 'string' ? v.value : v?.kind === 'array' ? v.elements.map((e) => stringOf(e) ?? '').join(sep) : undefined;
  const host = parts(member(url, 'host'), '.');
  if (!host) return undefined;
  const text = `${stringOf(member(url, 'protocol')) ?? 'https'}://${host}/${parts(member(url, 'path'), '/') ?? ''}`;
  return new MappedTextBuilder().push(text, url.span.start, url.span.end).build();
}

function requestSite(request: Value, auth: boolean, context: Context): RequestSite | undefined {
  const rawUrl = urlText(request.kind === 'string' ? request : member(request, 'url'), context);
  if (!rawUrl) return undefined;
  const url = leonardoRequestUrl(expandTemplate(rawUrl, context.variables), context.text);
  if (!url) return undefined;
  const methodValue = member(request, 'method');
  const site: RequestSite = {
    source: 'postman',
    naming: 'wire',
    method: methodValue?.kind === 'string' ? methodValue.value.toUpperCase() : 'GET',
    url,
    span: request.span,
  };
  if (methodValue?.kind === 'string' && /^[A-Za-z]+$/.test(methodValue.value)) site.methodSpan = methodValue.inner;
  site.endpoint = endpointFor(context.catalogue, site.method, url);
  site.headers = headersOf(member(request, 'header'), auth, request, context);
  const body = member(request, 'body');
  if (body?.kind === 'object') applyBody(site, body, context);
  return site;
}

function headersOf(list: Value | undefined, auth: boolean, request: Value, context: Context): ObjectValue {
  const properties: Property[] = [];
  let hasUnknownKeys = auth;
  for (const entry of list?.kind === 'array' ? list.elements : []) {
    if (entry.kind !== 'object' || isTrue(member(entry, 'disabled'))) continue;
    const key = member(entry, 'key');
    const value = member(entry, 'value');
    if (key?.kind !== 'string') continue;
    const name = expandTemplate(decoded(context, key));
    if (name.unknown.length > 0) {
      hasUnknownKeys = true;
      continue;
    }
    properties.push({
      key: name.text,
      keySpan: key.inner,
      value: headerValue(value, context),
      span: { start: key.span.start, end: value?.span.end ?? key.span.end },
      removeSpan: removalSpan(context.text, entry.span.start, entry.span.end),
    });
  }
  const anchor: Span = list?.span ?? request.span;
  return headerObject(properties, anchor, hasUnknownKeys);
}

function headerValue(value: Value | undefined, context: Context): Value {
  if (value?.kind !== 'string') return value ?? { kind: 'unknown', span: { start: 0, end: 0 } };
  const text = expandTemplate(decoded(context, value));
  if (overlapsUnknown(text, 0, text.text.length)) return { kind: 'unknown', span: value.inner, text: text.text };
  const inner = mapSpan(text, 0, text.text.length);
  return { kind: 'string', value: text.text, span: value.span, inner: text.text === '' ? value.inner : inner, quote: '"' };
}

function applyBody(site: RequestSite, body: ObjectValue, context: Context): void {
  const mode = stringOf(member(body, 'mode'));
  if (isTrue(member(body, 'disabled'))) return;
  if (mode === 'formdata') {
    site.body = { kind: 'foreign', what: 'multipart form data (Postman form-data body)', span: body.span };
    return;
  }
  const raw = member(body, 'raw');
  if (mode !== 'raw' || raw?.kind !== 'string') {
    if (mode) site.body = { kind: 'unknown', span: body.span, text: `${mode} body` };
    return;
  }
  const language = stringOf(member(member(member(body, 'options'), 'raw'), 'language'));
  const contentType = site.headers?.properties.find((p) => p.key.toLowerCase() === 'content-type');
  const jsonType = contentType?.value.kind === 'string' && contentType.value.value.toLowerCase().includes('json');
  const text = expandTemplate(decoded(context, raw));
  const looksJson = /^\s*[[{]/.test(text.text);
  if (language !== 'json' && !jsonType && !looksJson) {
    site.body = { kind: 'unknown', span: raw.span, text: text.text };
    return;
  }
  const parsed = parseMappedJson(text);
  site.body = parsed.value;
  if (parsed.errors.length > 0) site.jsonErrors = parsed.errors;
  site.escapedRegions = [jsonStringRegion(raw)];
}

/** Text written inside a JSON string of the collection takes JSON escapes (`"` → `\"`, line break → `\n`). */
function jsonStringRegion(value: StringValue): EscapedRegion {
  return { span: value.inner, encode: (text) => JSON.stringify(text).slice(1, -1) };
}
