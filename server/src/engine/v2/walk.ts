// Walking v2 request bodies (`{model, parameters, public}`) against the v2 catalogue: the one
// traversal every schema rule shares for v2, as walk.ts is for v1. Worked out once per analysis (in
// `ctx.memo`) and read by each rule, which reports its own cases (one rule per file).
//
// A body's `model` may be one string, or alternatives (`c ? "a" : "b"`): `parameters` is walked once
// per known model string, so each is checked. A value that cannot be known is never walked into.
// Retired, guide-only and unknown model strings have no schema: their parameters are not walked
// (`invalid-enum` speaks about the model), but the model-free checks (top-level keys, v1 names inside
// `parameters`) still see them through `V2Body.parameterObjects`.

import { v2Endpoints } from '../../api/endpoints-v2.js';
import { getV2Catalogue, type V2Catalogue, type V2Model } from '../../api/v2.js';
import type { V2Param } from '../../api/v2-types.js';
import type { MemoKey } from '../memo.js';
import type { ObjectValue, Property, ReportInput, RequestSite, RuleContext, StringValue, Value } from '../types.js';
import { getProperty, literalOptions, meantOptions } from '../body/walk.js';

/** One literal option of a v2 request's body. */
export interface V2Body {
  request: RequestSite;
  /** `POST /v2/generations`, for findings. */
  endpoint: string;
  /** The path under /api/rest (`/v2/generations`, `/v2/generationssync`). */
  path: string;
  body: ObjectValue;
  /** The `model` property, when present. */
  modelProperty?: Property;
  /** Each string the `model` may be, with its catalogue entry when it is a current model string. */
  models: Array<{ value: StringValue; model?: V2Model }>;
  /** The `parameters` property, when present. */
  parametersProperty?: Property;
  /** The object literals `parameters` may be (empty when it is not an object or not known). */
  parameterObjects: ObjectValue[];
}

/** An object inside `parameters` (or `parameters` itself) checked against one model. */
export interface V2ObjectVisit {
  body: V2Body;
  model: V2Model;
  object: ObjectValue;
  /** The object's schema: for `parameters` itself `{type: 'object', properties: model.params}`. */
  schema: V2Param;
  /** Dotted path under `parameters` (`''` for `parameters`, `guidances.image_reference[]`). */
  path: string;
}

/** One property of such an object, with the parameter the model has for it. */
export interface V2PropertyVisit extends V2ObjectVisit {
  property: Property;
  /** The parameter, or undefined when the schema does not list the key. */
  param: V2Param | undefined;
  /** Dotted path of the property (`quantity`, `guidances.image_reference[].image.type`). */
  propertyPath: string;
}

export interface V2Walk {
  bodies: V2Body[];
  objects: V2ObjectVisit[];
  properties: V2PropertyVisit[];
}

const V2_WALK: MemoKey<V2Walk> = {
  release: (walk) => {
    walk.bodies.length = 0;
    walk.objects.length = 0;
    walk.properties.length = 0;
  },
};

/** The paths whose bodies are generation requests (under /api/rest/v2): the v2 endpoints that take a body. */
let bodyPaths: ReadonlySet<string> | undefined;

/**
 * The v2 requests of a document with a known body, sent to a generation path (or to a path that
 * cannot be known): a body sent to a path that does not exist is `unknown-endpoint`'s to report.
 */
export function v2Requests(requests: readonly RequestSite[]): RequestSite[] {
  return requests.filter(isV2Request);
}

/** The walk of a document without v2 requests: shared, never memoised (so never emptied), never written. */
const NO_V2: V2Walk = Object.freeze({ bodies: frozenEmpty<V2Body>(), objects: frozenEmpty<V2ObjectVisit>(), properties: frozenEmpty<V2PropertyVisit>() });

/** An empty array that throws on a write (the type stays mutable: V2Walk's arrays are emptied on release). */
function frozenEmpty<T>(): T[] {
  return Object.freeze([]) as unknown as T[];
}

/**
 * The walk of this analysis's v2 bodies (memoised in `ctx.memo`; afresh without one). A document
 * without a v2 request (every v1 file) gets NO_V2 at once: nothing allocated, nothing memoised.
 */
export function v2Walk(ctx: Pick<RuleContext, 'requests'> & { readonly memo?: RuleContext['memo'] }): V2Walk {
  if (!ctx.requests.some(isV2Request)) return NO_V2;
  return ctx.memo ? ctx.memo.get(V2_WALK, () => walk(ctx.requests)) : walk(ctx.requests);
}

function isV2Request(r: RequestSite): boolean {
  if (r.url?.apiVersion !== 'v2' || r.body === undefined) return false;
  if (r.url.path === undefined) return true;
  bodyPaths ??= new Set(v2Endpoints().filter((e) => e.hasBody).map((e) => e.path));
  return bodyPaths.has(r.url.path);
}

function walk(requests: readonly RequestSite[]): V2Walk {
  const out: V2Walk = { bodies: [], objects: [], properties: [] };
  const sites = v2Requests(requests);
  if (sites.length === 0) return out;
  const catalogue = getV2Catalogue();
  for (const request of sites) {
    for (const body of meantOptions(request.body!)) {
      if (body.kind !== 'object') continue;
      const v2Body = describe(request, body, catalogue);
      out.bodies.push(v2Body);
      // A model and parameters that each have several options (`model: hd ? a : b` beside `parameters:
      // hd ? p : q`, or each written in both branches of an `if`) are paired by the code in a way the
      // values do not say: no parameters object is judged against a model it may never be sent with.
      if (v2Body.models.length > 1 && v2Body.parameterObjects.length > 1) continue;
      for (const { model } of v2Body.models) {
        if (!model) continue;
        const schema: V2Param = { type: 'object', properties: model.params, ...(model.closed ? { closed: true as const } : {}) };
        for (const object of v2Body.parameterObjects) walkObject(out, v2Body, model, object, schema, '');
      }
    }
  }
  return out;
}

function describe(request: RequestSite, body: ObjectValue, catalogue: V2Catalogue): V2Body {
  const path = `/v2${request.url?.path ?? ''}`;
  const modelProperty = getProperty(body, 'model');
  const parametersProperty = getProperty(body, 'parameters');
  const models: V2Body['models'] = [];
  for (const option of modelProperty ? literalOptions(modelProperty.value) : []) {
    if (option.kind === 'string') models.push({ value: option, model: catalogue.model(option.value) });
  }
  const parameterObjects = parametersProperty
    ? literalOptions(parametersProperty.value).filter((v): v is ObjectValue => v.kind === 'object')
    : [];
  return {
    request,
    endpoint: `${request.method ?? 'POST'} ${path}`,
    path,
    body,
    ...(modelProperty ? { modelProperty } : {}),
    models,
    ...(parametersProperty ? { parametersProperty } : {}),
    parameterObjects,
  };
}

function walkObject(out: V2Walk, body: V2Body, model: V2Model, object: ObjectValue, schema: V2Param, path: string): void {
  out.objects.push({ body, model, object, schema, path });
  for (const property of object.properties) {
    const param = Object.hasOwn(schema.properties ?? {}, property.key) ? schema.properties![property.key] : undefined;
    // A parameter added under a condition (`if (modelId === "gpt-image-1.5") parameters.quality = ...`) where
    // the model is one of several, another of which takes it: the condition may be the one that chooses that
    // model, so it is not judged against the models that do not.
    if (!param && !path && property.conditional && body.models.some((m) => m.model && m.model !== model && Object.hasOwn(m.model.params, property.key))) continue;
    const propertyPath = path ? `${path}.${property.key}` : property.key;
    out.properties.push({ body, model, object, schema, path, property, param, propertyPath });
    if (param) walkValue(out, body, model, property.value, param, propertyPath);
  }
}

function walkValue(out: V2Walk, body: V2Body, model: V2Model, value: Property['value'], param: V2Param, path: string): void {
  for (const option of literalOptions(value)) {
    if (option.kind === 'object' && param.properties) walkObject(out, body, model, option, param, path);
    else if (option.kind === 'array' && param.items) {
      for (const element of option.elements) walkValue(out, body, model, element, param.items, `${path}[]`);
    }
  }
}

/**
 * A reporter that drops a finding already reported: a `parameters` object walked for two models
 * (`c ? "a" : "b"`) shows the same mistake twice. Same span and message by default; `key` groups
 * findings whose messages differ only by the model named (the first one reported stays).
 */
export function reportOnce(ctx: Pick<RuleContext, 'report'>): (finding: ReportInput, key?: string) => void {
  // Made at the first report: most documents have no v2 request, and no v2 rule reports anything.
  let seen: Set<string> | undefined;
  return (finding, key = finding.message) => {
    const id = `${finding.span.start}:${finding.span.end}:${key}`;
    seen ??= new Set();
    if (seen.has(id)) return;
    seen.add(id);
    ctx.report(finding);
  };
}

/** A model as messages name it: its model string, bare (`gpt-image-1.5`). */
export function modelName(model: V2Model): string {
  return model.model;
}

/** Whether a literal is of a parameter's JSON type (`integer`: a whole number). */
export function hasType(value: Value, type: V2Param['type']): boolean {
  switch (type) {
    case 'string':
    case 'boolean':
    case 'object':
    case 'array':
      return value.kind === type;
    case 'number':
      return value.kind === 'number';
    case 'integer':
      return value.kind === 'number' && Number.isInteger(value.value);
  }
}

/** The literals a value may be (each option of alternatives), without the ones not known statically. */
export function knownOptions(value: Value): Value[] {
  return literalOptions(value).filter((v) => v.kind !== 'unknown' && v.kind !== 'foreign');
}

/** Every parameter name of every v2 model (for the checks that hold whatever the model). */
export function allParameterNames(catalogue: V2Catalogue): ReadonlySet<string> {
  let names = ALL_NAMES.get(catalogue);
  if (!names) {
    names = new Set(catalogue.models().flatMap((m) => Object.keys(m.params)));
    ALL_NAMES.set(catalogue, names);
  }
  return names;
}
/** Depends on the catalogue only (built once per process). */
const ALL_NAMES = new WeakMap<V2Catalogue, ReadonlySet<string>>();
