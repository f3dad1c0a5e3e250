// The API key on the wire: which requests go to Leonardo with visible headers, which header carries
// the key (`authorization`, or a misspelt or foreign name that was meant to), and how the header's
// value reads as text: its known start (`Bearer `), whether the rest is unknown, and where each known
// character sits in the document. Shared by auth-header, hardcoded-api-key and client-exposed-api-key.

import type { LintDocument, ObjectValue, Property, RequestSite, Span, Value } from '../types.js';
import { editDistance } from '../fix/suggest.js';
import { meantOptions } from '../body/walk.js';

export const AUTH_HEADER = 'authorization';

/** Header names people use for an API key that Leonardo does not read. */
const FOREIGN_NAMES = new Set([
  'x-api-key', 'api-key', 'apikey', 'api_key', 'x-apikey', 'x-api-token', 'api-token', 'x-key', 'key',
  'x-leonardo-key', 'x-leonardo-api-key', 'leonardo-api-key', 'leonardo-key', 'x-auth-token', 'x-auth',
  'auth', 'x-access-token', 'access-token', 'token', 'bearer', 'authentication', 'x-authorization',
]);

export type HeaderNameKind = 'authorization' | 'misspelt' | 'foreign';

/** What a header name is to Leonardo's authentication: the header, a misspelling of it, another API's key header. */
export function headerNameKind(name: string): HeaderNameKind | undefined {
  const lower = name.trim().toLowerCase();
  if (lower === AUTH_HEADER) return 'authorization';
  if (FOREIGN_NAMES.has(lower)) return 'foreign';
  const folded = lower.replace(/[\s_-]/g, '');
  if (folded.length >= 9 && editDistance(folded, AUTH_HEADER, 3) <= 3) return 'misspelt';
  return undefined;
}

/** A request that goes to a leonardo.ai host (any API version), whatever the client. SDK calls included. */
export function isLeonardoRequest(request: RequestSite): boolean {
  if (request.source === 'sdk' || request.source === 'json-file') return true;
  const host = request.url?.host;
  return host !== undefined && (host === 'leonardo.ai' || host.endsWith('.leonardo.ai'));
}

/** The requests to Leonardo whose header map is visible (SDK calls and JSON request files have none). */
export function requestsWithHeaders(requests: readonly RequestSite[]): Array<RequestSite & { headers: ObjectValue }> {
  return requests.filter((r): r is RequestSite & { headers: ObjectValue } => r.headers !== undefined && isLeonardoRequest(r));
}

/** The headers of a map that carry (or were meant to carry) the API key. */
export function keyHeaders(headers: ObjectValue): Array<{ property: Property; kind: HeaderNameKind }> {
  const out: Array<{ property: Property; kind: HeaderNameKind }> = [];
  for (const property of headers.properties) {
    const kind = headerNameKind(property.key);
    if (kind) out.push({ property, kind });
  }
  return out;
}

/**
 * A header value as text. `head` is the known text before the first unknown part (all of it when
 * `complete`); `headStart` is the document offset of head[0] when head is written verbatim (no
 * escapes), so edits can target its characters. `expression` is the unknown part's text when the
 * value is nothing but one unknown part (`${key}`, `$LEONARDO_API_KEY`, `process.env.KEY`).
 */
export interface HeaderText {
  value: Value;
  head: string;
  headStart?: number;
  complete: boolean;
  expression?: string;
  /** The shell quote around a curl header (`'` means `$VAR` is sent as written). */
  shellQuote?: string;
}

/** Each literal option of a header value, read as text (values that are neither strings nor expressions are skipped). */
export function headerTexts(value: Value, doc: LintDocument, source: RequestSite['source']): HeaderText[] {
  const out: HeaderText[] = [];
  // (`process.env.LEONARDO_API_KEY ?? ""` is a guard for a key that is not set: its empty string is not judged.)
  for (const option of meantOptions(value)) {
    const text = headerText(option, doc, source);
    if (text) out.push(text);
  }
  return out;
}

function headerText(value: Value, doc: LintDocument, source: RequestSite['source']): HeaderText | undefined {
  if (value.kind === 'string') {
    const raw = doc.text.slice(value.inner.start, value.inner.end);
    const shellQuote = source === 'curl' ? value.quote : undefined;
    return { value, head: value.value, complete: true, ...(raw === value.value ? { headStart: value.inner.start } : {}), ...(shellQuote ? { shellQuote } : {}) };
  }
  if (value.kind !== 'unknown') return undefined;
  const written = doc.text.slice(value.span.start, value.span.end);
  if (doc.kind === 'typescript' || doc.kind === 'javascript') return codeText(value, written);
  return variableText(value, value.text ?? written, written);
}

/** A JS expression: a template literal, `'Bearer ' + key`, or any other expression. */
function codeText(value: Value, written: string): HeaderText {
  const start = value.span.start;
  if (written.startsWith('`')) {
    const open = written.indexOf('${');
    const head = open < 0 ? written.slice(1, -1) : written.slice(1, open);
    const whole = /^`\$\{([^`]*)\}`$/s.exec(written);
    return {
      value,
      head,
      complete: open < 0,
      ...(head.includes('\\') ? {} : { headStart: start + 1 }),
      ...(whole && !whole[1].includes('${') ? { expression: whole[1].trim() } : {}),
    };
  }
  const concat = /^(['"])((?:\\.|(?!\1)[^\\\r\n])*)\1\s*\+/.exec(written);
  if (concat) {
    const head = concat[2];
    return { value, head, complete: false, ...(head.includes('\\') ? {} : { headStart: start + 1 }) };
  }
  return { value, head: '', complete: false, headStart: start, expression: written.trim() };
}

/** A curl / .http value holding a variable: `Bearer $KEY`, `{{token}}`. The text is as decoded. */
function variableText(value: Value, text: string, written: string): HeaderText {
  const cut = text.search(/\$|\{\{/);
  const head = cut < 0 ? text : text.slice(0, cut);
  const verbatim = written.startsWith(head);
  const single = /^(?:\$\{?[A-Za-z_]\w*\}?|\{\{[^{}]*\}\})$/.exec(text.trim());
  return {
    value,
    head,
    complete: false,
    ...(verbatim ? { headStart: value.span.start } : {}),
    ...(single ? { expression: single[0] } : {}),
  };
}

/** The document span of head[from, to), when head is verbatim. */
export function headSpan(text: HeaderText, from: number, to: number): Span | undefined {
  return text.headStart === undefined ? undefined : { start: text.headStart + from, end: text.headStart + to };
}

/**
 * Where a JS property's value is written at the property itself (`authorization: <here>`), which
 * differs from `value.span` when the value came through a `const`. Undefined when it cannot be told.
 */
export function useSiteSpan(property: Property, doc: LintDocument): Span | undefined {
  const { keySpan, span } = property;
  if (span.start === keySpan.start && span.end === keySpan.end) return undefined;
  const colon = /^\s*:\s*/.exec(doc.text.slice(keySpan.end, span.end));
  if (!colon) return undefined;
  return { start: keySpan.end + colon[0].length, end: span.end };
}
