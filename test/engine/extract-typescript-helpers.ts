// Helpers for the TS/JS extractor tests: extract request sites from a snippet, read values without
// their spans, and check spans by slicing the text they point into.

import assert from 'node:assert/strict';
import { getCatalogue } from '../../server/src/api/catalogue.js';
import { documentKindForPath } from '../../server/src/engine/extract/index.js';
import { extractFromTypeScript } from '../../server/src/engine/extract/typescript.js';
import type { ObjectValue, Property, RequestSite, Span, Value } from '../../server/src/engine/types.js';

export function extract(code: string, path = 'app.ts'): RequestSite[] {
  const kind = documentKindForPath(path) ?? 'typescript';
  return extractFromTypeScript({ text: code, kind, path }, getCatalogue()).requests;
}

/** The one request of a snippet (fails when there is not exactly one). */
export function only(code: string, path?: string): RequestSite {
  const requests = extract(code, path);
  assert.equal(requests.length, 1, `expected one request, got ${requests.length}: ${requests.map(describe).join('; ')}`);
  return requests[0];
}

export function describe(site: RequestSite): string {
  return `${site.source} ${site.method ?? '?'} ${site.url?.text ?? site.endpoint?.path ?? ''}`;
}

export function text(code: string, span: Span | undefined): string | undefined {
  return span && code.slice(span.start, span.end);
}

/** A value as plain data: literals as themselves, objects as key → value, unknowns as `?text`. */
export function plain(value: Value | undefined): unknown {
  if (!value) return undefined;
  switch (value.kind) {
    case 'string':
    case 'number':
    case 'boolean':
      return value.value;
    case 'null':
      return null;
    case 'array':
      return value.elements.map(plain);
    case 'object':
      return Object.fromEntries(value.properties.map((p) => [p.key, plain(p.value)]));
    case 'alternatives':
      return { oneOf: value.options.map(plain) };
    case 'unknown':
      return `?${value.text ?? ''}`;
    case 'foreign':
      return `<${value.what}>`;
  }
}

export function objectOf(value: Value | undefined): ObjectValue {
  assert.equal(value?.kind, 'object', `expected an object, got ${value?.kind}`);
  return value;
}

export function property(value: Value | undefined, key: string): Property {
  const found = objectOf(value).properties.find((p) => p.key === key);
  assert.ok(found, `no property ${key}`);
  return found;
}

/** The text with an edit applied. */
export function edit(code: string, span: Span, newText: string): string {
  return code.slice(0, span.start) + newText + code.slice(span.end);
}
