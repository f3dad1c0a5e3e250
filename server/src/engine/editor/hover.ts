// Hover text, built from the request sites of an analysis and the catalogue (no LSP here):
//   on a body key or value: the field (type, allowed values or range, default, names, description,
//   the endpoint's docs page, the API errors that mention it); on an enum value also the others;
//   on a finding: its rule's explanation and the API's own error text;
//   on a string literal holding an API error text: the error catalogue's explanation;
//   in a v2 body: the model (title, kind, sizes, maximum quantity, guide page), each parameter, and in
//   any request a style UUID's or a v1 platform model UUID's name (editor/v2.ts).

import { getCatalogue } from '../../api/catalogue.js';
import type { Catalogue, Endpoint, Field, Naming } from '../../api/types.js';
import type { AnalysisResult } from '../analyze.js';
import { entriesMentioningField, errorHoverAt, type ApiErrorEntry } from '../knowledge/index.js';
import { ruleById } from '../rules/index.js';
import { redactKeys } from '../auth/secrets.js';
import { UNUSED_DIRECTIVE_DESCRIPTION, UNUSED_DIRECTIVE_RULE_ID } from '../suppressions.js';
import type { Finding, LintDocument, RequestSite, Span, Value } from '../types.js';
import { literalOptions, walkBodies } from '../body/walk.js';
import { v2HoverAt } from './v2.js';

export interface HoverInput {
  document: LintDocument;
  result: AnalysisResult;
}

export interface Hover {
  markdown: string;
  /** What the hover is about (a key, a value, a finding). */
  span: Span;
}

const SECTION_BREAK = '\n\n---\n\n';

/** The hover at an offset, its Markdown redacted (no key in full: secrets.ts). */
export function hoverAt(input: HoverInput, offset: number, catalogue: Catalogue = getCatalogue()): Hover | undefined {
  const hover = unredactedHoverAt(input, offset, catalogue);
  return hover && { markdown: redactKeys(hover.markdown), span: hover.span };
}

function unredactedHoverAt(input: HoverInput, offset: number, catalogue: Catalogue): Hover | undefined {
  const parts: string[] = [];
  let span: Span | undefined;
  const findings = input.result.findings.filter((f) => contains(f.span, offset) && f.ruleId !== 'file-skipped');
  const seen = new Set<string>();
  for (const finding of findings) {
    if (seen.has(finding.ruleId)) continue;
    seen.add(finding.ruleId);
    parts.push(findingMarkdown(finding));
    span ??= finding.span;
  }
  const target = fieldAt(input.result.requests, offset, catalogue);
  if (target) {
    parts.push(fieldMarkdown(target.field, target.request, target.value));
    span = target.span;
  }
  const v2 = v2HoverAt(input.result.requests, offset);
  if (v2) {
    parts.push(v2.markdown);
    span = v2.span;
  }
  if (parts.length === 0) {
    const error = errorHoverAt(input.document.text, offset);
    if (error) return { markdown: error.trimEnd(), span: { start: offset, end: offset } };
    return undefined;
  }
  return { markdown: parts.join(SECTION_BREAK), span: span! };
}

function contains(span: Span, offset: number): boolean {
  return span.start <= offset && (offset < span.end || span.start === span.end);
}

interface FieldTarget {
  request: RequestSite;
  field: Field;
  /** The literal under the cursor, when the hover is on a value rather than a key. */
  value?: Value;
  span: Span;
}

/** The body field whose key or literal value is at `offset`. */
function fieldAt(requests: readonly RequestSite[], offset: number, catalogue: Catalogue): FieldTarget | undefined {
  let found: FieldTarget | undefined;
  walkBodies({ requests, catalogue }, {
    property({ request, property, field }) {
      if (!field || found) return;
      if (contains(property.keySpan, offset)) {
        found = { request, field, span: property.keySpan };
        return;
      }
      const candidates = literalOptions(property.value).flatMap((v) =>
        v.kind === 'array' && field.items ? v.elements.flatMap(literalOptions).map((e) => ({ v: e, f: field.items! })) : [{ v, f: field }],
      );
      for (const { v, f } of candidates) {
        if ((v.kind === 'string' || v.kind === 'number' || v.kind === 'boolean') && contains(v.span, offset)) {
          found = { request, field: f, value: v, span: v.span };
          return;
        }
      }
    },
  }, undefined);
  return found;
}

// -- Findings -------------------------------------------------------------------------------------

function findingMarkdown(finding: Finding): string {
  const meta = ruleById(finding.ruleId)?.meta;
  const description = meta?.description ?? (finding.ruleId === UNUSED_DIRECTIVE_RULE_ID ? UNUSED_DIRECTIVE_DESCRIPTION : undefined);
  const lines = [`**Leonardo Lint: \`${finding.ruleId}\`**`];
  if (description) lines.push('', escapeMarkdown(description));
  if (finding.detail) lines.push('', finding.detail);
  if (finding.apiError) lines.push('', `The API answers: \`${codeSpan(finding.apiError)}\``);
  if (meta) lines.push('', `[Documentation for ${finding.ruleId}](${meta.docsUrl})`);
  return lines.join('\n');
}

// -- Fields ---------------------------------------------------------------------------------------

/** Markdown about a body field (shared with completion's item documentation). */
export function fieldMarkdown(field: Field, request: Pick<RequestSite, 'endpoint' | 'naming'>, value?: Value): string {
  const endpoint = request.endpoint;
  const name = nameOf(field, request.naming);
  const where = endpoint ? ` · ${endpointTitle(endpoint, request.naming)}` : '';
  const lines = [`**\`${codeSpan(name)}\`** (${typeLabel(field)})${where}`];
  // In an SDK call the description is the SDK's JSDoc, which TypeScript's own hover already shows (and
  // which may say what a finding here contradicts: "uses sd_version if no modelId", where the SDK sends
  // a default modelId). This hover carries the findings and the Leonardo facts only.
  if (field.description && request.naming !== 'sdk') lines.push('', escapeMarkdown(oneLine(field.description)));
  lines.push('', ...factLines(field, value).map((fact) => `- ${fact}`));
  const errors = apiErrorsAbout(field);
  if (errors.length > 0) {
    lines.push('', '**API errors about this field**', '', ...errors.map((e) => `- ${errorLine(e)}`));
  }
  if (endpoint) lines.push('', `[${endpoint.method} ${endpoint.path} reference](${endpoint.docsUrl})`);
  return lines.join('\n');
}

function nameOf(field: Field, naming: Naming): string {
  const leaf = naming === 'sdk' ? field.sdk : field.wire;
  const parent = field.path.includes('.') ? field.path.slice(0, field.path.lastIndexOf('.') + 1) : '';
  return parent ? `${parent}${leaf}` : leaf;
}

function endpointTitle(endpoint: Endpoint, naming: Naming): string {
  const route = `\`${endpoint.method} ${endpoint.path}\``;
  return naming === 'sdk' && endpoint.sdkMethod ? `\`${endpoint.sdkNamespace ? `${endpoint.sdkNamespace}.` : ''}${endpoint.sdkMethod}\` (${route})` : route;
}

export function typeLabel(field: Field): string {
  return field.types
    .map((t) => (t === 'array' && field.items ? `array of ${field.items.types.join(' or ')}` : t))
    .join(' or ');
}

function factLines(field: Field, value: Value | undefined): string[] {
  const facts: string[] = [];
  const c = field.constraints;
  if (c.min !== undefined && c.max !== undefined) facts.push(`Range: \`${c.min}\` to \`${c.max}\``);
  else if (c.min !== undefined) facts.push(`At least \`${c.min}\``);
  else if (c.max !== undefined) facts.push(`At most \`${c.max}\``);
  if (c.multipleOf !== undefined) facts.push(`A multiple of \`${c.multipleOf}\``);
  const allowed = allowedValues(field);
  if (allowed.length > 0) {
    const current = value && (value.kind === 'string' || value.kind === 'number') ? value.value : undefined;
    const others = allowed.filter((v) => v !== current);
    const label = others.length < allowed.length ? 'Other allowed values' : 'Allowed values';
    facts.push(`${label}: ${others.map((v) => `\`${codeSpan(String(v))}\``).join(', ')}`);
  }
  if (field.required) facts.push('Required');
  if (field.sdkDefault !== undefined) {
    const sent = field.sdkAlwaysSent ? 'the SDK sends it even when the field is omitted' : 'applied by the SDK when omitted';
    facts.push(`SDK default: \`${codeSpan(JSON.stringify(field.sdkDefault))}\` (${sent})`);
  }
  facts.push(field.wire === field.sdk ? `Name: \`${field.wire}\` (wire and SDK)` : `Names: wire \`${field.wire}\`, SDK \`${field.sdk}\``);
  if (field.deprecated) facts.push('Deprecated');
  if (field.extra) facts.push(`Not in the API's schema, but accepted: ${escapeMarkdown(field.extra)}`);
  return facts;
}

/** The values a field takes: its enum, else the discrete set stated in prose. */
export function allowedValues(field: Field): Array<string | number> {
  return field.enum ?? field.constraints.allowed ?? [];
}

/**
 * API error catalogue entries that mention the field (by wire or SDK name): the knowledge base's
 * index of errors by field.
 */
function apiErrorsAbout(field: Field): ApiErrorEntry[] {
  return entriesMentioningField(field.wire);
}

function errorLine(entry: ApiErrorEntry): string {
  const head = entry.error ? `\`${codeSpan(entry.error)}\`` : escapeMarkdown(entry.title);
  const cause = entry.causes[0];
  return cause ? `${head}: ${escapeMarkdown(cause)}` : head;
}

// -- Markdown -------------------------------------------------------------------------------------

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Prose from the catalogue, safe in Markdown: emphasis, links and HTML characters escaped; code spans kept. */
function escapeMarkdown(text: string): string {
  return text
    .split(/(`[^`]*`)/)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(/[\\*_[\]<>#|]/g, '\\$&')))
    .join('');
}

/** Text for inside a single-backtick code span (backticks cannot be escaped there). */
function codeSpan(text: string): string {
  return text.replace(/`/g, "'");
}
