// Completion inside request bodies, built from the request sites of an analysis and the catalogue
// (no LSP here): field names the endpoint accepts and the body lacks (`"key": ` in JSON, `key: ` in
// code, SDK names in SDK calls), and values: an enum's values, a documented set, true/false.
// v2 bodies: the top-level keys, model strings (title and kind beside them, retired ones hidden), the
// chosen model's parameters (only that model's, with type and range), enum values (the default
// marked) and style UUIDs (the style's name as the label, the UUID inserted).
// Half-typed bodies: the extractors keep unfinished properties (`wi`, `"scheduler": `); when the
// text is too broken to yield a request at all, the token at the cursor is blanked and analysed again.

import { getCatalogue } from '../../api/catalogue.js';
import type { Catalogue, Field, Naming } from '../../api/types.js';
import { analyze, type AnalysisResult } from '../analyze.js';
import type { LintConfig } from '../config/lint-config.js';
import { allowedValues, fieldMarkdown, typeLabel } from './hover.js';
import { redactKeys } from '../auth/secrets.js';
import type { LintDocument, ObjectValue, Property, RequestSite, Span, TextEdit } from '../types.js';
import { walkBodies } from '../body/walk.js';
import { getV2Catalogue } from '../../api/v2.js';
import type { V2Param } from '../../api/v2-types.js';
import { isV2Body, keysAt, modelMarkdown, paramDetail, paramMarkdown, paramOf, topLevelKeys, v2ObjectAt, type V2ObjectTarget } from './v2.js';

export interface CompletionInput {
  document: LintDocument;
  result: AnalysisResult;
  config?: LintConfig;
}

export interface Completion {
  label: string;
  kind: 'field' | 'value';
  /** Short line beside the label: the type, `required`. */
  detail: string;
  /** Markdown. */
  documentation?: string;
  edit: TextEdit;
  /** A comma after the previous property, when the new one needs it. */
  extraEdits: TextEdit[];
  /** What the client matches the typed text against. */
  filterText: string;
  sortText: string;
  deprecated: boolean;
  /** Selected first when the list opens (an enum's default). */
  preselect?: boolean;
}

interface ObjectTarget {
  request: RequestSite;
  object: ObjectValue;
  fields: readonly Field[];
}

const WORD = /[\w$.-]/;
const QUOTES = `"'\``;

export function completionsAt(input: CompletionInput, offset: number, catalogue: Catalogue = getCatalogue()): Completion[] {
  const text = input.document.text;
  let requests = input.result.requests;
  const styles = styleItems(text, offset, requests);
  if (styles) return styles;
  let target = objectAt(requests, offset, catalogue);
  let v2 = target ? undefined : v2ObjectAt(requests, offset);
  if (!target && !v2) {
    const blanked = blankToken(text, offset);
    if (blanked === text) return [];
    requests = analyze(Object.assign({}, input.document, { text: blanked }), { config: input.config, rules: [] }).requests;
    target = objectAt(requests, offset, catalogue);
    v2 = target ? undefined : v2ObjectAt(requests, offset);
  }
  if (v2) {
    const context = contextAt(text, offset, v2.object);
    if (!context) return [];
    return context.kind === 'key' ? v2KeyItems(text, v2, context) : v2ValueItems(v2, context);
  }
  if (!target) return [];
  const context = contextAt(text, offset, target.object);
  if (!context) return [];
  const items = context.kind === 'key' ? fieldItems(text, target, context) : valueItems(target, context, catalogue);
  // What the editor shows beside an item is redacted like every text leaving the engine (secrets.ts);
  // labels and edits are what gets inserted, and come from the catalogue.
  return items.map((item) => {
    const detail = redactKeys(item.detail);
    const documentation = item.documentation === undefined ? undefined : redactKeys(item.documentation);
    return detail === item.detail && documentation === item.documentation ? item : Object.assign({}, item, { detail, documentation });
  });
}

/** The innermost body object that holds `offset` between its braces (and not inside an unknown nested value). */
function objectAt(requests: readonly RequestSite[], offset: number, catalogue: Catalogue): ObjectTarget | undefined {
  let best: ObjectTarget | undefined;
  walkBodies({ requests, catalogue }, {
    object({ request, object, fields }) {
      if (offset < object.openBrace.end || offset >= object.span.end) return;
      if (!best || object.span.end - object.span.start < best.object.span.end - best.object.span.start) {
        best = { request, object, fields };
      }
    },
  }, undefined);
  if (!best) return undefined;
  const inNested = best.object.properties.some(
    (p) => (p.value.kind === 'object' || p.value.kind === 'array') && p.value.span.start < offset && offset < p.value.span.end,
  );
  return inNested ? undefined : best;
}

// -- Where the cursor is ---------------------------------------------------------------------------

interface Token {
  /** Where the typed word starts (after an opening quote). */
  start: number;
  end: number;
  /** The opening quote before the word, if any, and the closing one after it. */
  quote?: { open: number; close?: number };
}

function tokenAt(text: string, offset: number): Token {
  let start = offset;
  while (start > 0 && WORD.test(text[start - 1])) start--;
  let end = offset;
  while (end < text.length && WORD.test(text[end])) end++;
  const before = text[start - 1];
  if (before === undefined || !QUOTES.includes(before)) return { start, end };
  return { start, end, quote: { open: start - 1, close: text[end] === before ? end + 1 : undefined } };
}

/** The text with the token at `offset` (and its quotes) replaced by spaces: same length, same offsets. */
function blankToken(text: string, offset: number): string {
  const token = tokenAt(text, offset);
  const from = token.quote?.open ?? token.start;
  const to = token.quote?.close ?? token.end;
  return text.slice(0, from) + ' '.repeat(to - from) + text.slice(to);
}

type Context =
  | { kind: 'key'; replace: Span; colonFollows: boolean; comma?: number; current?: Property }
  | { kind: 'value'; key: string; replace: Span; inString: boolean; close: string };

function contextAt(text: string, offset: number, object: ObjectValue): Context | undefined {
  for (const property of object.properties) {
    const key = property.keySpan;
    if (key.start <= offset && offset <= key.end) {
      const replace = isUnterminated(text, key) ? { start: key.start, end: tokenAt(text, offset).end } : key;
      return { kind: 'key', replace, colonFollows: nextChar(text, replace.end) === ':', current: property };
    }
    const value = property.value;
    if (value.span.start < offset && offset <= value.span.end) {
      if (value.kind === 'string') {
        // An unterminated string (`"E⏎`) runs to the end of the line: replace only the word typed.
        const open = isUnterminated(text, value.span);
        const inner = open ? { start: value.inner.start, end: tokenAt(text, offset).end } : value.inner;
        if (offset < inner.start || offset > inner.end) return undefined;
        return { kind: 'value', key: property.key, replace: inner, inString: true, close: open ? value.quote : '' };
      }
      // A word being typed (`t`, `KL`, `0.5`), not an expression (`pick(a)`, `c ? x : y`).
      if (!/^[\w$.-]*$/.test(text.slice(value.span.start, value.span.end))) return undefined;
      return { kind: 'value', key: property.key, replace: value.span, inString: false, close: '' };
    }
  }
  const token = tokenAt(text, offset);
  const tokenStart = token.quote?.open ?? token.start;
  const tokenEnd = token.quote?.close ?? token.end;
  const before = previousSignificant(text, tokenStart);
  if (before === undefined) return undefined;
  const c = text[before];
  if (c === ':') {
    const key = keyBefore(text, before);
    if (!key) return undefined;
    const close = token.quote && token.quote.close === undefined ? text[token.quote.open] : '';
    return { kind: 'value', key, replace: { start: token.start, end: token.end }, inString: token.quote !== undefined, close };
  }
  const replace = { start: tokenStart, end: tokenEnd };
  const colonFollows = nextChar(text, tokenEnd) === ':';
  if (c === '{' || c === ',') return { kind: 'key', replace, colonFollows };
  // After a complete value with no comma yet: `"a": 1⏎  wid|`.
  if (QUOTES.includes(c) || /[\w}\]]/.test(c)) return { kind: 'key', replace, colonFollows, comma: before + 1 };
  return undefined;
}

/** A quoted span whose closing quote is missing (the scanner ran to the end of the line). */
function isUnterminated(text: string, span: Span): boolean {
  const open = text[span.start];
  if (!QUOTES.includes(open)) return false;
  return span.end - span.start < 2 || text[span.end - 1] !== open;
}

function nextChar(text: string, from: number): string | undefined {
  let i = from;
  while (i < text.length && /\s/.test(text[i])) i++;
  return text[i];
}

function previousSignificant(text: string, before: number): number | undefined {
  let i = before - 1;
  while (i >= 0 && /\s/.test(text[i])) i--;
  return i >= 0 ? i : undefined;
}

/** The key written before the colon at `colon`: `"key"`, `'key'` or an identifier. */
function keyBefore(text: string, colon: number): string | undefined {
  const end = previousSignificant(text, colon);
  if (end === undefined) return undefined;
  const quote = text[end];
  if (QUOTES.includes(quote)) {
    const open = text.lastIndexOf(quote, end - 1);
    return open >= 0 ? text.slice(open + 1, end) : undefined;
  }
  let start = end + 1;
  while (start > 0 && /[\w$]/.test(text[start - 1])) start--;
  return start <= end ? text.slice(start, end + 1) : undefined;
}

// -- Items -----------------------------------------------------------------------------------------

function nameIn(field: Field, naming: Naming): string {
  return naming === 'sdk' ? field.sdk : field.wire;
}

type KeyContext = Extract<Context, { kind: 'key' }>;

/** Writing a key at the cursor: the quote the object uses, `: ` unless a colon follows, a comma before. */
function keyWriter(text: string, object: ObjectValue, context: KeyContext) {
  const present = new Set(object.properties.filter((p) => p !== context.current).map((p) => p.key));
  const quote = object.style.keyQuote || (context.current && QUOTES.includes(text[context.current.keySpan.start]) ? text[context.current.keySpan.start] : '');
  const extraEdits = context.comma !== undefined ? [{ start: context.comma, end: context.comma, newText: ',' }] : [];
  const newText = (name: string): string => {
    const key = quote || !/^[A-Za-z_$][\w$]*$/.test(name) ? `${quote || '"'}${name}${quote || '"'}` : name;
    return context.colonFollows ? key : `${key}: `;
  };
  return { present, extraEdits, newText };
}

function fieldItems(text: string, target: ObjectTarget, context: KeyContext): Completion[] {
  const { request, object, fields } = target;
  const { present, extraEdits, newText: keyText } = keyWriter(text, object, context);
  return fields
    .filter((f) => !present.has(nameIn(f, request.naming)))
    .map((field) => {
      const name = nameIn(field, request.naming);
      const newText = keyText(name);
      return {
        label: name,
        kind: 'field',
        detail: `${typeLabel(field)}${field.required ? ' · required' : ''}`,
        documentation: fieldMarkdown(field, request),
        edit: Object.assign({}, context.replace, { newText }),
        extraEdits,
        filterText: newText,
        sortText: `${field.required ? 0 : field.deprecated ? 2 : 1}${name}`,
        deprecated: field.deprecated,
      } satisfies Completion;
    });
}

function valueItems(
  target: ObjectTarget,
  context: Extract<Context, { kind: 'value' }>,
  catalogue: Catalogue,
): Completion[] {
  const field = catalogue.field(target.fields, context.key, target.request.naming);
  if (!field) return [];
  const values: Array<string | number | boolean> = [...allowedValues(field)];
  if (field.types.includes('boolean')) values.push(true, false);
  // The SDK's default is the value sent when the field is omitted: marked, and selected first.
  const sdkDefault = target.request.naming === 'sdk' ? field.sdkDefault : undefined;
  const name = nameIn(field, target.request.naming);
  return literalItems(values, context, stringQuote(target), (v) => (v === sdkDefault ? `${name} value · SDK default` : `${name} value`), (v) =>
    v === sdkDefault ? { preselect: true } : {},
  );
}

type ValueContext = Extract<Context, { kind: 'value' }>;

/** One item per value, written as a literal of the document's kind (quoted unless typed in a string). */
function literalItems(
  values: ReadonlyArray<string | number | boolean>,
  context: Pick<ValueContext, 'replace' | 'inString' | 'close'>,
  quote: string,
  detail: (v: string | number | boolean) => string,
  more: (v: string | number | boolean) => Partial<Completion> = () => ({}),
): Completion[] {
  return values
    .filter((v) => !context.inString || typeof v === 'string')
    .map((v, i) => {
      const literal = typeof v === 'string' && !context.inString ? `${quote}${v}${quote}` : `${v}${context.close}`;
      return {
        label: String(v),
        kind: 'value',
        detail: detail(v),
        edit: Object.assign({}, context.replace, { newText: literal }),
        extraEdits: [],
        filterText: literal,
        sortText: String(i).padStart(3, '0'),
        deprecated: false,
        ...more(v),
      } satisfies Completion;
    });
}

// -- v2 bodies -------------------------------------------------------------------------------------

const TOP_LEVEL_DOCS: Record<string, string> = {
  model: 'The model string (`gemini-image-2`, `kling-3.0`): it decides which `parameters` the request takes.',
  parameters: "The model's parameters (`prompt`, `width`, `quantity`, ...).",
  public: 'Whether the generation is public in the Leonardo.Ai community feed.',
  ephemeral: 'Sync endpoint only: the result is not stored.',
  base64: 'Sync endpoint only: the image comes back as base64 instead of a URL.',
};

function v2KeyItems(text: string, target: V2ObjectTarget, context: KeyContext): Completion[] {
  const { present, extraEdits, newText } = keyWriter(text, target.object, context);
  const keys: Array<[string, V2Param | undefined]> =
    target.place.kind === 'top' ? topLevelKeys(target.request).map((k) => [k, undefined]) : [...keysAt(target)];
  const models = target.place.kind === 'parameters' ? target.place.models : [];
  return keys
    .filter(([name]) => !present.has(name))
    .map(([name, param]) => {
      const required = param ? param.required === true : name === 'model' || name === 'parameters';
      return {
        label: name,
        kind: 'field',
        detail: param ? paramDetail(param) : name === 'model' || name === 'parameters' ? 'required' : 'optional',
        documentation: param ? paramMarkdown(name, param, models) : TOP_LEVEL_DOCS[name],
        edit: Object.assign({}, context.replace, { newText: newText(name) }),
        extraEdits,
        filterText: newText(name),
        sortText: `${required ? 0 : param?.deprecated ? 2 : 1}${name}`,
        deprecated: param?.deprecated === true,
      } satisfies Completion;
    });
}

function v2ValueItems(target: V2ObjectTarget, context: ValueContext): Completion[] {
  const quote = stringQuote({ object: target.object, request: target.request, fields: [] });
  if (target.place.kind === 'top') {
    if (context.key === 'public' || context.key === 'ephemeral' || context.key === 'base64') {
      return literalItems([true, false], context, quote, () => `${context.key} value`);
    }
    if (context.key !== 'model') return [];
    const models = getV2Catalogue().models();
    const byName = new Map(models.map((m) => [m.model, m]));
    return literalItems(models.map((m) => m.model), context, quote, (v) => `${byName.get(String(v))!.title} · ${byName.get(String(v))!.kind}`, (v) => ({
      documentation: modelMarkdown(byName.get(String(v))!),
    }));
  }
  const { path, models } = target.place;
  const param = paramOf(models, path ? `${path}.${context.key}` : context.key);
  if (!param) return [];
  const values: Array<string | number | boolean> = [...(param.enum ?? [])];
  if (param.type === 'boolean') values.push(true, false);
  return literalItems(values, context, quote, (v) => (v === param.default ? `${context.key} value · default` : `${context.key} value`), (v) =>
    v === param.default ? { sortText: `   ${String(v)}`, preselect: true } : {},
  );
}

/**
 * Inside a `style_ids` array (or any array of a style set) of a v2 body: the model's styles, named,
 * inserting the UUID. Undefined when the offset is not in such an array.
 */
function styleItems(text: string, offset: number, requests: readonly RequestSite[]): Completion[] | undefined {
  const target = requests.find((r) => isV2Body(r) && r.body.span.start < offset && offset < r.body.span.end);
  if (!target || !isV2Body(target)) return undefined;
  const v2 = v2ObjectAt([target], offset);
  if (!v2 || v2.place.kind !== 'parameters') return undefined;
  const property = v2.object.properties.find((p) => p.value.kind === 'array' && p.value.span.start < offset && offset < p.value.span.end);
  if (!property || property.value.kind !== 'array') return undefined;
  const { path, models } = v2.place;
  const param = paramOf(models, path ? `${path}.${property.key}` : property.key);
  const set = param?.items?.styleSet;
  if (!set) return undefined;
  const catalogue = getV2Catalogue();
  const uuids = [...catalogue.styleSet(set)];
  const element = property.value.elements.find((e) => e.span.start < offset && offset <= e.span.end);
  const token = tokenAt(text, offset);
  const replace = element?.kind === 'string' ? element.inner : { start: token.start, end: token.end };
  const inString = element?.kind === 'string';
  const quote = stringQuote({ object: v2.object, request: target, fields: [] });
  return literalItems(uuids, { replace, inString, close: '' }, quote, () => `${property.key} · style UUID`, (v) => {
    const name = catalogue.styleName(String(v));
    return name ? { label: name, filterText: `${name} ${String(v)}` } : {};
  });
}

/** The quote the body's string values use (the object's own, else the body's; `"` in JSON and by default). */
function stringQuote({ object, request }: ObjectTarget): string {
  if (object.style.keyQuote === '"') return '"';
  for (const holder of [object, request.body]) {
    const literal = holder?.kind === 'object' ? holder.properties.find((p) => p.value.kind === 'string') : undefined;
    if (literal?.value.kind === 'string') return literal.value.quote;
  }
  return '"';
}
