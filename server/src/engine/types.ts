// The engine's vocabulary. Language-neutral: extractors (TS/JS, JSON, curl, .http, Markdown) turn a
// document into RequestSites whose bodies are Values; rules read Values and report Findings.
// Every position is a UTF-16 offset into the document text exactly as given (BOM included).

import type { V2Endpoint } from '../api/endpoints-v2.js';
import type { Catalogue, Endpoint, Naming } from '../api/types.js';
import type { AnalysisMemo } from './memo.js';
import type { ImportedClientHeaders, ImportResolver } from './workspace/types.js';

export interface Span {
  start: number;
  end: number;
}

// ---------------------------------------------------------------------------------------------
// Values: what a body (or a header map) is known to contain.

interface ValueBase {
  /** The whole expression / JSON value. */
  span: Span;
}

export interface StringValue extends ValueBase {
  kind: 'string';
  value: string;
  /** Span of the text between the quotes (for edits that keep the quotes). */
  inner: Span;
  /** How to write a new string literal in this document (`"` in JSON, the literal's quote in JS). */
  quote: '"' | "'" | '`';
}

export interface NumberValue extends ValueBase {
  kind: 'number';
  value: number;
  raw: string;
}

export interface BooleanValue extends ValueBase {
  kind: 'boolean';
  value: boolean;
}

export interface NullValue extends ValueBase {
  kind: 'null';
}

export interface Property {
  key: string;
  keySpan: Span;
  value: Value;
  /** Key and value together (`key: value`), without the separating comma. */
  span: Span;
  /** How to delete the property cleanly, comma and line included. */
  removeSpan: Span;
  /** Added conditionally (`if (c) body.x = ...`, `...(c && {x})`): present on some paths only. */
  conditional?: boolean;
  /** Added after the literal (`body.x = ...`), or read from another module: edits that target the literal's braces do not apply. */
  assigned?: boolean;
}

export interface ObjectValue extends ValueBase {
  kind: 'object';
  properties: Property[];
  /** Keys that cannot be known statically were spread or computed in: never assume a key is absent. */
  hasUnknownKeys: boolean;
  /** The opening brace, where `missing-required` sits and where insertions go. */
  openBrace: Span;
  /** Offset right after the last property (or after `{`), for inserting a new property. */
  insertAt: number;
  /** Indentation and separator to use when inserting a property. */
  style: InsertStyle;
}

export interface InsertStyle {
  /** `"` for JSON keys, `` (bare) for JS identifiers. */
  keyQuote: '"' | "'" | '';
  /** Newline + indentation before a new property, or ' ' for single-line objects. */
  separator: string;
  /** Whether the object already has properties (a comma is needed before the new one). */
  needsComma: boolean;
}

export interface ArrayValue extends ValueBase {
  kind: 'array';
  elements: Value[];
  /** Elements that cannot be known (spreads). */
  hasUnknownElements: boolean;
}

/** A value that cannot be known statically: never flagged, and it suppresses rules that need it. */
export interface UnknownValue extends ValueBase {
  kind: 'unknown';
  /** What is known of it, when anything: the expression text, for messages and flow rules. */
  text?: string;
  /**
   * Certainly neither null nor undefined: the left side of `x || "A"` or `x ?? 10`, sent only when it
   * holds something (the fallback is sent otherwise).
   */
  present?: true;
}

/** A value that is one of several literals (`c ? "A" : "B"`, `x ?? 10`): each option is checked. */
export interface AlternativesValue extends ValueBase {
  kind: 'alternatives';
  options: Value[];
}

/** A value that would fail to be sent as JSON at all (a function, `undefined`, a FormData). */
export interface ForeignValue extends ValueBase {
  kind: 'foreign';
  /** A short description: `FormData`, `Buffer`, `undefined`. */
  what: string;
}

export type Value =
  | StringValue
  | NumberValue
  | BooleanValue
  | NullValue
  | ObjectValue
  | ArrayValue
  | UnknownValue
  | AlternativesValue
  | ForeignValue;

// ---------------------------------------------------------------------------------------------
// Requests found in a document.

export type SourceKind =
  | 'fetch'
  | 'axios'
  | 'got'
  | 'ky'
  | 'ofetch'
  | 'undici'
  | 'xhr'
  | 'wrapper'
  | 'sdk'
  | 'json-file'
  | 'curl'
  | 'http-file'
  | 'postman';

export interface RequestUrl {
  /** The resolved URL text; unknown parts are `{…}` placeholders. */
  text: string;
  /** Where the URL (or the expression that builds it) is written. */
  span: Span;
  /** Host as written, when resolvable (`cloud.leonardo.ai`). */
  host?: string;
  /** Path under /api/rest/v1 (or v2) when resolvable, e.g. `/generations`. */
  path?: string;
  /** `v1` or `v2`: v1 rules never apply to v2 requests. */
  apiVersion?: 'v1' | 'v2';
  /** Span of the path segment text in the document, when it is a single literal piece. */
  pathSpan?: Span;
  /**
   * Set on a call to a wrapper whose own send already has this path, the call filling only an id
   * of it (`poll(id)` around `fetch(`${BASE}/generations/${id}`)`): the path is judged at the send,
   * once, not again at every call.
   */
  judgedAtSend?: true;
}

export interface RequestSite {
  source: SourceKind;
  /** `wire` for raw HTTP, `sdk` for @leonardo-ai/sdk calls. */
  naming: Naming;
  /** The method when known (`POST`); undefined when it cannot be known. */
  method?: string;
  methodSpan?: Span;
  url?: RequestUrl;
  /** The catalogue's endpoint, when method and path resolve to one (v1 only: never set on a v2 request). */
  endpoint?: Endpoint;
  /**
   * The v2 endpoint (`POST /generations`, `POST /generationssync`, `GET /models` under /api/rest/v2),
   * when the URL is a v2 URL on the canonical base and method and path resolve to one. A v2 request
   * is `url.apiVersion === 'v2'`; this says which of the v2 API's endpoints it is.
   */
  v2Endpoint?: V2Endpoint;
  /** The body, when one is sent and anything is known of it. */
  body?: Value;
  /** Header map, when visible; keys as written (compare them case-insensitively). */
  headers?: ObjectValue;
  /** The whole call / request, for rules that report on the request itself. */
  span: Span;
  /** Body text that had to be parsed as JSON and did not parse (curl, .http). */
  jsonErrors?: JsonError[];
  /**
   * Regions of the document where the body is written escaped (a double-quoted shell word, a JSON
   * string in a Postman collection). Rules write fixes as plain JSON; `analyze` passes the new text
   * of every edit inside a region through its `encode`, so a fix never breaks the quoting around it.
   */
  escapedRegions?: EscapedRegion[];
  /**
   * One of the requests one call can make, one per element of a literal list its URL is built from
   * (`for (const base of [V1, V2]) fetch(\`${base}/${id}\`)`) or per branch of a condition choosing it
   * (`fetch(v2 ? V2_URL : V1_URL)`, or a `let` URL an `if` writes another way, with a body nothing chooses), or per visible call of the same-file function it is made
   * in, the parameters taking that call's arguments: each is judged, and what the call answers is not
   * known to be any one of them unless they agree.
   */
  perElement?: true;
  /** Set when the request is made through something another file exports (an imported client or wrapper). */
  related?: Related[];
  /**
   * The key headers an imported client instance sets in its own module, when all of its headers
   * can be seen there (auth-header judges them with the call's own, as for a same-file client).
   */
  clientHeaders?: ImportedClientHeaders;
}

/** What is wrong with a body that must be JSON, in the usual words, where it is wrong. */
export interface JsonError {
  message: string;
  span: Span;
  /** The certain text for `span` (a trailing comma -> ``, `True` -> `true`), when there is one. */
  replacement?: string;
}

export interface EscapedRegion {
  span: Span;
  /** How to write text inside the region (`"` → `\"` in a double-quoted shell word). */
  encode(text: string): string;
}

// ---------------------------------------------------------------------------------------------
// Findings and fixes.

export type Severity = 'error' | 'warning' | 'information';
export type SeveritySetting = Severity | 'off';

export interface TextEdit {
  start: number;
  end: number;
  newText: string;
}

export interface Fix {
  title: string;
  edits: TextEdit[];
  /** The one certain fix: applied by `--fix`, "Auto Fix" and `source.fixAll`. */
  preferred?: boolean;
  /**
   * The text the fix was decided on beyond its own edits (the body whose other fields a cross-field
   * rule judged). `--fix` applies it only in a round in which no other applied fix edits there, so a
   * fix is never applied on the strength of a value another fix of the same round changes.
   */
  reads?: Span[];
}

export interface Finding {
  ruleId: string;
  severity: Severity;
  message: string;
  span: Span;
  fixes: Fix[];
  /** The endpoint the finding is about (`POST /generations`), for hovers and JSON output. */
  endpoint?: string;
  /** The API's own error text the request would get back, when the catalogue has one. */
  apiError?: string;
  /**
   * Background the one-line message leaves out (why, where the fact comes from, a caveat of the
   * catalogue), in Markdown: the hover shows it under the message, the Problems panel does not.
   */
  detail?: string;
  /** Other files the finding depends on (an imported client, wrapper or key), for LSP `relatedInformation`. */
  related?: Related[];
}

/** A place in another file that a finding depends on. Lines and characters are 0-based (UTF-16). */
export interface Related {
  file: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  message: string;
}

// ---------------------------------------------------------------------------------------------
// Documents and rules.

export type DocumentKind =
  | 'typescript'
  | 'javascript'
  | 'json'
  | 'jsonc'
  | 'shell'
  | 'markdown'
  | 'http'
  | 'postman';

export interface LintDocument {
  text: string;
  kind: DocumentKind;
  /** File path or URI path, for globs and messages (may be empty for untitled documents). */
  path: string;
  /** What the rest of the workspace exports (the workspace index), when the caller knows it. */
  workspace?: ImportResolver;
}

export interface RuleMeta {
  id: string;
  defaultSeverity: Severity;
  description: string;
  /** Link to docs/rules/<id>.md. */
  docsUrl: string;
  /** Whether the rule offers fixes. */
  fixable: boolean;
  /** The API's error text this rule prevents, when there is one (for hovers). */
  apiError?: string;
}

export type ReportInput = Omit<Finding, 'ruleId' | 'severity'> & { severity?: Severity };

export interface RuleContext {
  readonly document: LintDocument;
  readonly requests: readonly RequestSite[];
  readonly catalogue: Catalogue;
  /** Source-specific data an extractor left for flow rules (the TS SourceFile, for example). */
  readonly parsed?: unknown;
  /** What this analysis works out once for all its rules (see memo.ts). */
  readonly memo: AnalysisMemo;
  /**
   * The editor's own JSON service already reports syntax errors in JSON documents (the language server
   * sets it when its client says so): invalid-json then reports only what that service does not say.
   */
  readonly editorChecksJsonSyntax?: boolean;
  report(finding: ReportInput): void;
}

export interface Rule {
  meta: RuleMeta;
  check(ctx: RuleContext): void;
}
