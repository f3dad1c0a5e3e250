// Walking a request body against the catalogue: the one traversal every schema rule shares.

import type { Catalogue, Field, Naming } from '../../api/types.js';
import type { AnalysisMemo, MemoKey } from '../memo.js';
import type { ObjectValue, Property, RequestSite, RuleContext, Value } from '../types.js';

/** One property of a body object, paired with the field the catalogue has for it. */
export interface PropertyVisit {
  request: RequestSite;
  /** The object literal that holds the property. */
  object: ObjectValue;
  property: Property;
  /** The catalogue field, or undefined when the endpoint does not accept the key. */
  field: Field | undefined;
  /** The fields accepted in this object (to suggest names, find siblings). */
  siblings: readonly Field[];
  /** Dotted path of the property: `controlnets[].strengthType`. */
  path: string;
}

/** One object of a body (the root or a nested one) with the fields it accepts. */
export interface ObjectVisit {
  request: RequestSite;
  object: ObjectValue;
  fields: readonly Field[];
  path: string;
}

/**
 * What a rule does per object and property of the bodies. A rule's visitor is a module constant,
 * handed what it reads (`arg`: most rules need only the rule context), not an object of closures made
 * per check (see ARCHITECTURE.md, Performance).
 */
export interface BodyVisitor<A> {
  object?(visit: ObjectVisit, arg: A): void;
  property?(visit: PropertyVisit, arg: A): void;
}

/** The concrete values a Value may take: itself, or each option of an alternatives value. */
export function literalOptions(value: Value): Value[] {
  if (value.kind !== 'alternatives') return [value];
  return value.options.flatMap(literalOptions);
}

/**
 * The options of a whole value a request means to send (a body, a header): its literal options, less
 * an empty fallback beside one that cannot be known (`data || {}`, `process.env.KEY ?? ""`, `input ?
 * { ...input } : {}`). That is a guard for a value that is not there, sent only then; what the code
 * means to send is the other.
 */
export function meantOptions(value: Value): Value[] {
  if (value.kind !== 'alternatives') return [value];
  const options = literalOptions(value);
  // (Beside an object whose keys cannot all be known, `input ? { ...input, modelId } : {}`, too.)
  const guarded = options.some((option) => option.kind === 'unknown' || (option.kind === 'object' && option.hasUnknownKeys));
  return guarded ? options.filter((option) => !isEmptyValue(option)) : options;
}

function isEmptyValue(value: Value): boolean {
  if (value.kind === 'string') return value.value.trim() === '';
  return value.kind === 'object' && value.properties.length === 0 && !value.hasUnknownKeys;
}

/** The v1 request sites whose endpoint is known (and not removed: unknown-endpoint speaks there) with a body. */
export function bodyRequests(requests: readonly RequestSite[]): RequestSite[] {
  return requests.filter(
    (r) => r.endpoint !== undefined && r.endpoint.status !== 'removed' && r.url?.apiVersion !== 'v2' && r.body !== undefined,
  );
}

/** The recorded walk: every visit in order, and the property visits alone (most rules visit only those). */
interface Steps {
  /** Objects and properties; a property visit is the one with a `property`. */
  all: Array<ObjectVisit | PropertyVisit>;
  properties: PropertyVisit[];
}

/** The steps of one analysis's walk, recorded by the first rule that asks and replayed for the others. */
const BODY_STEPS: MemoKey<Steps> = {
  release: (steps) => {
    steps.all.length = 0;
    steps.properties.length = 0;
  },
};

/** What a walk reads: the requests and the catalogue, and the analysis's memo when there is one. */
export type WalkContext = Pick<RuleContext, 'requests' | 'catalogue'> & { readonly memo?: AnalysisMemo };

/**
 * Visit every object and property of every known body, depth first, in document order. A dozen
 * rules walk the same bodies: within one analysis (`ctx.memo`) the steps, with their catalogue
 * lookups and paths, are worked out once and each walk after the first replays them. Without a
 * memo (hover, completion) the walk is made afresh.
 */
export function walkBodies<A>(ctx: WalkContext, visitor: BodyVisitor<A>, arg: A): void {
  const steps = ctx.memo ? ctx.memo.get(BODY_STEPS, () => bodySteps(ctx.requests, ctx.catalogue)) : bodySteps(ctx.requests, ctx.catalogue);
  // The visitor's methods read once, not per step (each rule's visitor is an object of its own shape).
  // eslint-disable-next-line @typescript-eslint/unbound-method -- called with .call(visitor, …) below
  const onObject = visitor.object;
  // eslint-disable-next-line @typescript-eslint/unbound-method -- likewise
  const onProperty = visitor.property;
  if (!onObject) {
    if (onProperty) for (const visit of steps.properties) onProperty.call(visitor, visit, arg);
    return;
  }
  for (const step of steps.all) {
    if ('property' in step) onProperty?.call(visitor, step, arg);
    else onObject.call(visitor, step, arg);
  }
}

function bodySteps(requests: readonly RequestSite[], catalogue: Catalogue): Steps {
  const steps: Steps = { all: [], properties: [] };
  for (const request of bodyRequests(requests)) {
    const endpoint = request.endpoint!;
    for (const body of meantOptions(request.body!)) {
      if (body.kind === 'object') {
        walkObject(request, body, endpoint.fields, '', request.naming, catalogue, steps);
      }
    }
  }
  return steps;
}

function walkObject(
  request: RequestSite,
  object: ObjectValue,
  fields: readonly Field[],
  path: string,
  naming: Naming,
  catalogue: Catalogue,
  steps: Steps,
): void {
  steps.all.push({ request, object, fields, path });
  for (const property of object.properties) {
    const field = catalogue.field(fields, property.key, naming);
    const childPath = path ? `${path}.${property.key}` : property.key;
    const visit: PropertyVisit = { request, object, property, field, siblings: fields, path: childPath };
    steps.all.push(visit);
    steps.properties.push(visit);
    if (field) walkValue(request, property.value, field, childPath, naming, catalogue, steps);
  }
}

function walkValue(
  request: RequestSite,
  value: Value,
  field: Field,
  path: string,
  naming: Naming,
  catalogue: Catalogue,
  steps: Steps,
): void {
  for (const option of literalOptions(value)) {
    if (option.kind === 'object' && field.fields) {
      walkObject(request, option, field.fields, path, naming, catalogue, steps);
    } else if (option.kind === 'array' && field.items) {
      for (const element of option.elements) {
        walkValue(request, element, field.items, `${path}[]`, naming, catalogue, steps);
      }
    }
  }
}

/** The property of an object by exact key (the last one wins, as in JSON.parse). */
export function getProperty(object: ObjectValue, key: string): Property | undefined {
  for (let i = object.properties.length - 1; i >= 0; i--) {
    if (object.properties[i].key === key) return object.properties[i];
  }
  return undefined;
}

/** The property that holds a catalogue field in this naming mode. */
export function propertyFor(object: ObjectValue, field: Field, naming: Naming): Property | undefined {
  return getProperty(object, naming === 'sdk' ? field.sdk : field.wire);
}

/** The name to write for a field in a body of this naming mode. */
export function nameFor(field: Field, naming: Naming): string {
  return naming === 'sdk' ? field.sdk : field.wire;
}

/** `"POST /generations"`: how findings name an endpoint. */
export function endpointLabel(request: RequestSite): string | undefined {
  return request.endpoint ? `${request.endpoint.method} ${request.endpoint.path}` : undefined;
}
