// The editor's view of v2 request bodies (`{"model": …, "parameters": {…}, "public": …}`), shared by
// completion and hover: where in a body an offset is (the top level, `parameters` of the chosen
// models, or an object nested in it), and Markdown about a model, a parameter, a style UUID or a v1
// platform model UUID, from the v2 catalogue. Nothing here judges a body: the rules do.

import { getV2Catalogue, type V2Catalogue, type V2Model } from '../../api/v2.js';
import type { V2Param } from '../../api/v2-types.js';
import { appendAll } from '../arrays.js';
import type { ObjectValue, RequestSite, Span, StringValue, Value } from '../types.js';

/** The keys the top level of a v2 body takes, by endpoint path. */
export function topLevelKeys(request: RequestSite, catalogue: V2Catalogue = getV2Catalogue()): string[] {
  const path = request.url?.path;
  const endpoint = catalogue.endpoints.find((e) => e.method === 'POST' && `/v2${path ?? ''}` === e.path)
    ?? catalogue.endpoints.find((e) => e.method === 'POST' && e.path === '/v2/generations');
  return endpoint?.topLevel ?? ['model', 'parameters', 'public'];
}

/** A v2 request with an object body: the sites completion and hover look into. */
export function isV2Body(request: RequestSite): request is RequestSite & { body: ObjectValue } {
  return request.url?.apiVersion === 'v2' && request.body?.kind === 'object';
}

/** Where an object sits in a v2 body. */
export type V2Place =
  | { kind: 'top' }
  /** `parameters` itself (`path` is '') or an object under it (`guidances`, `guidances.image_reference[]`). */
  | { kind: 'parameters'; path: string; models: V2Model[] };

export interface V2ObjectTarget {
  request: RequestSite & { body: ObjectValue };
  object: ObjectValue;
  place: V2Place;
}

/** The models a body names: a string, or each string of `c ? "a" : "b"`; none when any is unknown. */
export function modelsOf(body: ObjectValue, catalogue: V2Catalogue = getV2Catalogue()): V2Model[] {
  const value = body.properties.find((p) => p.key === 'model')?.value;
  if (!value) return [];
  const options = value.kind === 'alternatives' ? value.options : [value];
  const models: V2Model[] = [];
  for (const option of options) {
    const model = option.kind === 'string' ? catalogue.model(option.value) : undefined;
    if (!model) return [];
    if (!models.includes(model)) models.push(model);
  }
  return models;
}

/** The parameter at a dotted path of any of the models (the first model that has it). */
export function paramOf(models: readonly V2Model[], path: string, catalogue: V2Catalogue = getV2Catalogue()): V2Param | undefined {
  for (const model of models) {
    const param = catalogue.param(model, path);
    if (param) return param;
  }
  return undefined;
}

/** The properties an object at `place` takes, by name (the union over the chosen models). */
export function keysAt(target: V2ObjectTarget, catalogue: V2Catalogue = getV2Catalogue()): Map<string, V2Param> {
  const out = new Map<string, V2Param>();
  const { place } = target;
  if (place.kind === 'top') return out;
  for (const model of place.models) {
    const holder = place.path === '' ? model.params : catalogue.param(model, place.path)?.properties;
    for (const [key, param] of Object.entries(holder ?? {})) {
      if (model.forbidden?.[key] && place.path === '') continue;
      if (!out.has(key)) out.set(key, param);
    }
  }
  return out;
}

function contains(span: Span, offset: number): boolean {
  return span.start <= offset && offset <= span.end;
}

/** The innermost object of a v2 body that holds `offset` between its braces. */
export function v2ObjectAt(requests: readonly RequestSite[], offset: number, catalogue: V2Catalogue = getV2Catalogue()): V2ObjectTarget | undefined {
  for (const request of requests) {
    if (!isV2Body(request)) continue;
    const body = request.body;
    if (offset < body.openBrace.end || offset >= body.span.end) continue;
    const parameters = body.properties.find((p) => p.key === 'parameters')?.value;
    if (parameters?.kind === 'object' && parameters.openBrace.end <= offset && offset < parameters.span.end) {
      const models = modelsOf(body, catalogue);
      return innermost({ request, object: parameters, place: { kind: 'parameters', path: '', models } }, offset);
    }
    const inNested = body.properties.some((p) => (p.value.kind === 'object' || p.value.kind === 'array') && p.value.span.start < offset && offset < p.value.span.end);
    return inNested ? undefined : { request, object: body, place: { kind: 'top' } };
  }
  return undefined;
}

function innermost(target: V2ObjectTarget, offset: number): V2ObjectTarget | undefined {
  if (target.place.kind !== 'parameters') return target;
  const { path, models } = target.place;
  for (const property of target.object.properties) {
    const value = property.value;
    if (!(value.span.start < offset && offset < value.span.end)) continue;
    const childPath = path ? `${path}.${property.key}` : property.key;
    if (value.kind === 'object' && value.openBrace.end <= offset) {
      return innermost(Object.assign({}, target, { object: value, place: { kind: 'parameters', path: childPath, models } }), offset);
    }
    if (value.kind === 'array') {
      const element = value.elements.find((e) => e.kind === 'object' && e.openBrace.end <= offset && offset < e.span.end);
      if (element?.kind === 'object') {
        return innermost(Object.assign({}, target, { object: element, place: { kind: 'parameters', path: `${childPath}[]`, models } }), offset);
      }
    }
    // In a value of this object (a string being typed, an array of strings): this object is the target.
    return target;
  }
  return target;
}

// -- What a literal is ----------------------------------------------------------------------------

/** The string literal at `offset` anywhere in a request's body (in objects, arrays and alternatives). */
export function stringLiteralIn(value: Value | undefined, offset: number): StringValue | undefined {
  if (!value || !contains(value.span, offset)) return undefined;
  switch (value.kind) {
    case 'string':
      return value;
    case 'object':
      for (const p of value.properties) {
        const found = stringLiteralIn(p.value, offset);
        if (found) return found;
      }
      return undefined;
    case 'array':
      for (const e of value.elements) {
        const found = stringLiteralIn(e, offset);
        if (found) return found;
      }
      return undefined;
    case 'alternatives':
      for (const o of value.options) {
        const found = stringLiteralIn(o, offset);
        if (found) return found;
      }
      return undefined;
    default:
      return undefined;
  }
}

// -- Markdown -------------------------------------------------------------------------------------

function code(text: string): string {
  return `\`${String(text).replace(/`/g, "'")}\``;
}

/** The short label of a parameter's type and bounds, for a completion item's detail. */
export function paramDetail(param: V2Param): string {
  const parts = [param.type === 'array' && param.items ? `array of ${param.items.type}` : param.type];
  if (param.min !== undefined && param.max !== undefined) parts.push(param.min === param.max ? `${param.min}` : `${param.min}–${param.max}`);
  else if (param.max !== undefined) parts.push(`≤ ${param.max}`);
  else if (param.min !== undefined) parts.push(`≥ ${param.min}`);
  if (param.maxItems !== undefined) parts.push(`≤ ${param.maxItems} items`);
  if (param.required) parts.push('required');
  if (param.deprecated) parts.push('deprecated');
  return parts.join(' · ');
}

function valuesLine(label: string, values: ReadonlyArray<string | number>, limit = 24): string {
  const shown = values.slice(0, limit).map((v) => code(String(v))).join(', ');
  return `${label}: ${shown}${values.length > limit ? `, … (${values.length} in all)` : ''}`;
}

/** Markdown about one parameter of the chosen models. */
export function paramMarkdown(name: string, param: V2Param, models: readonly V2Model[], current?: string | number): string {
  const where = models.length > 0 ? ` · ${models.map((m) => `${m.title} (${code(m.model)})`).join(', ')}` : '';
  const lines = [`**${code(name)}** (${param.type === 'array' && param.items ? `array of ${param.items.type}` : param.type})${where}`, ''];
  const facts: string[] = [];
  if (param.min !== undefined && param.max !== undefined) facts.push(`Range: ${code(String(param.min))} to ${code(String(param.max))}`);
  else if (param.min !== undefined) facts.push(`At least ${code(String(param.min))}`);
  else if (param.max !== undefined) facts.push(`At most ${code(String(param.max))}`);
  if (param.multipleOf !== undefined) facts.push(`A multiple of ${code(String(param.multipleOf))}`);
  if (param.enum) {
    const others = param.enum.filter((v) => v !== current);
    facts.push(valuesLine(others.length < param.enum.length ? 'Other allowed values' : 'Allowed values', others));
  }
  if (param.maxItems !== undefined) facts.push(`At most ${param.maxItems} item${param.maxItems === 1 ? '' : 's'}`);
  if (param.maxLength !== undefined) facts.push(`At most ${param.maxLength} characters`);
  if (param.default !== undefined) facts.push(`Default: ${code(JSON.stringify(param.default))}`);
  if (param.required) facts.push('Required');
  if (param.deprecated) facts.push('Deprecated: still accepted');
  if (param.guideOnly) facts.push('Documented by the model guide (not in the v2 OpenAPI yet)');
  if (param.format === 'uuid') facts.push('A UUID');
  appendAll(lines, facts.map((f) => `- ${f}`));
  const sources = models.map((m) => sourceLink(m));
  if (sources.length > 0) lines.push('', sources.join(' · '));
  return lines.join('\n');
}

function sourceLink(model: V2Model): string {
  const date = model.source.updatedAt ?? model.source.capturedAt;
  return `[${model.title} guide](${model.source.url})${date ? ` (${date})` : ''}`;
}

/** Markdown about a model: title, kind, sizes, maximum quantity and its guide page. */
export function modelMarkdown(model: V2Model): string {
  const lines = [`**${model.title}** · ${code(model.model)} · ${model.kind}`, ''];
  const facts: string[] = [];
  const quantity = model.params.quantity;
  if (quantity?.max !== undefined) facts.push(`At most ${quantity.max} output${quantity.max === 1 ? '' : 's'} per request (\`quantity\`)`);
  const width = model.params.width;
  const height = model.params.height;
  if (model.sizes && model.sizes.pairs.length > 0) {
    const pairs = model.sizes.pairs.filter(([w, h]) => w > 0 && h > 0);
    facts.push(valuesLine('Sizes', pairs.map(([w, h]) => `${w}×${h}`), 12));
  } else if (width && height) {
    const range = (p: V2Param) => (p.enum ? p.enum.join('/') : p.min !== undefined && p.max !== undefined ? `${p.min}–${p.max}` : 'any');
    facts.push(`Width ${range(width)}, height ${range(height)}${width.multipleOf ? `, multiples of ${width.multipleOf}` : ''}`);
  }
  if (model.params.duration?.enum) facts.push(valuesLine('Durations (s)', model.params.duration.enum));
  facts.push(`Endpoint: ${model.endpoints.map((e) => code(`POST /api/rest${e}`)).join(' or ')}`);
  if (model.closed) facts.push('`parameters` takes no other keys');
  appendAll(lines, facts.map((f) => `- ${f}`));
  lines.push('', sourceLink(model));
  return lines.join('\n');
}

/** Markdown for a model string that is retired or only in the guides. */
export function otherModelMarkdown(name: string, catalogue: V2Catalogue = getV2Catalogue()): string | undefined {
  const retired = catalogue.retired(name);
  if (retired) {
    return `**${code(name)}**: retired on ${retired.retiredOn}${retired.successor ? `; use ${code(retired.successor)}` : ''}.\n\n[Source](${retired.source.url})`;
  }
  const guideOnly = catalogue.guideOnlyModel(name);
  if (guideOnly) return `**${guideOnly.title}** · ${code(name)} · ${guideOnly.kind}\n\nDocumented by its guide, not in the v2 OpenAPI yet: not checked.\n\n[Guide](${guideOnly.source.url})`;
  return undefined;
}

/** Markdown for a UUID literal that names a v2 style or a v1 platform model. */
export function uuidMarkdown(uuid: string, catalogue: V2Catalogue = getV2Catalogue()): string | undefined {
  const style = catalogue.styleName(uuid);
  if (style) return `**Style: ${style}** (${code(uuid)})`;
  const v1 = catalogue.v1Model(uuid);
  if (v1) {
    return `**${v1.name}** (${code(uuid)}): a v1 platform model id (\`modelId\`)${v1.v2 ? `. On the v2 API its successor is ${code(v1.v2)}.` : '.'}`;
  }
  return undefined;
}

// -- Hover ----------------------------------------------------------------------------------------

export interface V2Hover {
  markdown: string;
  span: Span;
}

/**
 * Hover in a v2 body (a model string, a parameter's key or value) and, in any request, on a UUID
 * literal that names a v2 style or a v1 platform model.
 */
export function v2HoverAt(requests: readonly RequestSite[], offset: number, catalogue: V2Catalogue = getV2Catalogue()): V2Hover | undefined {
  for (const request of requests) {
    if (!request.body || !contains(request.body.span, offset)) continue;
    if (isV2Body(request)) {
      const found = bodyHover(request, offset, catalogue);
      if (found) return found;
    }
    const literal = stringLiteralIn(request.body, offset);
    const markdown = literal && uuidMarkdown(literal.value, catalogue);
    if (literal && markdown) return { markdown, span: literal.span };
  }
  return undefined;
}

function bodyHover(request: RequestSite & { body: ObjectValue }, offset: number, catalogue: V2Catalogue): V2Hover | undefined {
  const body = request.body;
  const model = body.properties.find((p) => p.key === 'model');
  if (model && (contains(model.keySpan, offset) || contains(model.value.span, offset))) {
    const literal = contains(model.keySpan, offset) ? undefined : stringLiteralIn(model.value, offset);
    if (!contains(model.keySpan, offset) && !literal) return undefined;
    const names = literal ? [literal.value] : modelsOf(body, catalogue).map((m) => m.model);
    const parts = names.map((n) => {
      const found = catalogue.model(n);
      return found ? modelMarkdown(found) : otherModelMarkdown(n, catalogue);
    });
    const markdown = parts.filter((p): p is string => p !== undefined).join('\n\n---\n\n');
    return markdown ? { markdown, span: literal?.span ?? model.keySpan } : undefined;
  }
  // Inside `parameters`: the object under the cursor is found by the body's spans, as completion finds
  // it (v2ObjectAt), and only the property there is looked up in the catalogue; nothing is walked again.
  const target = v2ObjectAt([request], offset, catalogue);
  return target?.place.kind === 'parameters' ? parameterHover(target.object, target.place, offset, catalogue) : undefined;
}

/** Hover on a key or a value of one object in `parameters` (a nested object's own keys are its target's). */
function parameterHover(
  object: ObjectValue,
  { path, models }: Extract<V2Place, { kind: 'parameters' }>,
  offset: number,
  catalogue: V2Catalogue,
): V2Hover | undefined {
  if (models.length === 0) return undefined;
  const property = object.properties.find((p) => contains(p.keySpan, offset) || contains(p.value.span, offset));
  if (!property) return undefined;
  const param = paramOf(models, path ? `${path}.${property.key}` : property.key, catalogue);
  if (contains(property.keySpan, offset)) {
    return param ? { markdown: paramMarkdown(property.key, param, models), span: property.keySpan } : undefined;
  }
  const value = property.value;
  if (value.kind === 'array') {
    const element = value.elements.find((e) => contains(e.span, offset));
    const named = element?.kind === 'string' ? uuidMarkdown(element.value, catalogue) : undefined;
    return element && named ? { markdown: named, span: element.span } : undefined;
  }
  const literal = value.kind === 'alternatives' ? value.options.find((o) => contains(o.span, offset)) : value;
  if (param && literal && (literal.kind === 'string' || literal.kind === 'number' || literal.kind === 'boolean')) {
    const current = literal.kind === 'boolean' ? undefined : literal.value;
    const named = literal.kind === 'string' ? uuidMarkdown(literal.value, catalogue) : undefined;
    return { markdown: named ?? paramMarkdown(property.key, param, models, current), span: literal.span };
  }
  return undefined;
}
