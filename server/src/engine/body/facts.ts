// Cross-field facts about one body object: is a field sent, and with which literal value?
// Shared by the rules that judge combinations (option-conflict, ineffective-option, missing-required).
//
// A field's state (docs/rules/option-conflict.md, "Omitted fields follow the API"):
// - a literal property is sent with its literal value(s) (each option of `c ? a : b`);
// - a conditional property (`if (c) body.x = …`, `...(c && {x})`) may or may not be sent;
// - an absent field in an object with unknown keys may be there: never assume absence;
// - in an SDK call, a field the SDK always sends (its zod default) is sent with the SDK default;
// - in a raw request, an absent field is absent (a rule may pass the API default it needs);
// - a literal of the wrong type is judged as what it plainly means (`"true"` as true, `"512"` as
//   512: the value type-mismatch's preferred fix writes, so `--fix` is judged on the text as it will
//   be); any other wrongly typed literal (`"yes"` for a boolean) is unknown, never "certainly off".

import type { Catalogue, Field, FieldType, Naming } from '../../api/types.js';
import type { ObjectValue, Property, RequestSite, Value } from '../types.js';
import { bodyRequests, literalOptions, nameFor, propertyFor } from './walk.js';

export type Literal = string | number | boolean | null;

export type FieldState =
  /** Certainly not in the request. */
  | { sent: 'no' }
  /** Certainly in the request; `literals` is undefined when its value cannot be known. */
  | {
      sent: 'yes';
      /** The property in the body, undefined when the value comes from a default. */
      property?: Property;
      literals?: Literal[];
      source: 'literal' | 'sdk-default' | 'api-default';
    }
  /** Possibly in the request (conditional property, unknown keys): judge nothing. */
  | { sent: 'maybe'; property?: Property };

export interface StateOptions {
  /** In a raw request, treat an absent field as sent with this API default. */
  apiDefault?: Literal;
}

/** The literal values a Value can take, or undefined when any option is not a JSON literal. */
export function literalValues(value: Value): Literal[] | undefined {
  const out: Literal[] = [];
  for (const option of literalOptions(value)) {
    switch (option.kind) {
      case 'string':
      case 'number':
      case 'boolean':
        out.push(option.value);
        break;
      case 'null':
        out.push(null);
        break;
      default:
        return undefined;
    }
  }
  return out;
}

/**
 * The value a wrongly typed literal plainly stands for in a field of these types: `"true"` / `"False"`
 * for a boolean, `"512"` / `" 7.5 "` for a number (an integer only for an integer field). Undefined
 * when the literal's type is right, or when its intent is not plain. type-mismatch's conversions
 * are these values, so a cross-field rule judges the request as `--fix` will leave it.
 */
export function intendedLiteral(value: Literal, types: readonly FieldType[]): Literal | undefined {
  if (typeof value !== 'string' || types.includes('string')) return undefined;
  const text = value.trim();
  if (types.includes('boolean') && /^(?:true|false)$/i.test(text)) return text.toLowerCase() === 'true';
  if (!types.includes('number') && !types.includes('integer')) return undefined;
  if (!/^-?(?:\d+(?:\.\d+)?|\.\d+)(?:[eE][+-]?\d+)?$/.test(text)) return undefined;
  const number = Number(text);
  if (!Number.isFinite(number)) return undefined;
  return types.includes('number') || Number.isInteger(number) ? number : undefined;
}

/** Whether a JSON literal has one of the field's types (an integer counts as a number). */
function hasType(value: Literal, types: readonly FieldType[]): boolean {
  if (value === null) return true; // null is missing-required's business, and means "not set" here
  switch (typeof value) {
    case 'string':
      return types.includes('string');
    case 'boolean':
      return types.includes('boolean');
    case 'number':
      return types.includes('number') || (types.includes('integer') && Number.isInteger(value));
    default:
      return false;
  }
}

/**
 * A property's literal values as the field will receive them once the certain type fixes are made:
 * a wrongly typed literal with a plain intent counts as that value, any other wrongly typed one makes
 * the value unknown (undefined), so no cross-field rule calls a field "off" for `"true"` or `"yes"`.
 */
function intendedLiterals(value: Value, field: Field): Literal[] | undefined {
  const literals = literalValues(value);
  if (!literals || field.types.length === 0) return literals;
  const out: Literal[] = [];
  for (const literal of literals) {
    if (hasType(literal, field.types)) out.push(literal);
    else {
      const intended = intendedLiteral(literal, field.types);
      if (intended === undefined) return undefined;
      out.push(intended);
    }
  }
  return out;
}

/** What is known of `field` in `object`, a body in `naming`. */
function fieldState(
  object: ObjectValue,
  field: Field,
  naming: Naming,
  options: StateOptions = {},
): FieldState {
  const property = propertyFor(object, field, naming);
  if (property) {
    if (property.conditional) return { sent: 'maybe', property };
    return { sent: 'yes', property, literals: intendedLiterals(property.value, field), source: 'literal' };
  }
  if (object.hasUnknownKeys) return MAYBE;
  if (naming === 'sdk' && field.sdkAlwaysSent) {
    return { sent: 'yes', literals: [field.sdkDefault as Literal], source: 'sdk-default' };
  }
  if (naming === 'wire' && options.apiDefault !== undefined) {
    return { sent: 'yes', literals: [options.apiDefault], source: 'api-default' };
  }
  return NOT_SENT;
}

/** The two states without a property, shared (the rules ask for many absent fields of every body). */
const MAYBE: FieldState = Object.freeze({ sent: 'maybe' });
const NOT_SENT: FieldState = Object.freeze({ sent: 'no' });

/** The field is certainly sent and every value it can take satisfies `test`. */
export function certainly(state: FieldState, test: (value: Literal) => boolean): boolean {
  return state.sent === 'yes' && state.literals !== undefined && state.literals.every(test);
}

/**
 * The field certainly has no effect-giving value: absent, or sent only with values failing `test`
 * (`false`, `null`). Unknown or conditional states are not "certainly off".
 */
export function certainlyNot(state: FieldState, test: (value: Literal) => boolean): boolean {
  if (state.sent === 'no') return true;
  return state.sent === 'yes' && state.literals !== undefined && !state.literals.some(test);
}

/**
 * The field is certainly sent with a value other than null, also one that cannot be known but is
 * certainly there (`options.modelId || "<uuid>"`: the left side is sent only when it holds something).
 */
export function certainlySet(state: FieldState): boolean {
  if (state.sent !== 'yes') return false;
  if (state.literals) return state.literals.every(isSet);
  return state.property !== undefined && literalOptions(state.property.value).every((option) => (option.kind === 'unknown' ? option.present === true : SET_KINDS.has(option.kind)));
}

/** Values that are something (not null, not `undefined` or another value JSON leaves out). */
const SET_KINDS = new Set<Value['kind']>(['string', 'number', 'boolean', 'object', 'array']);

export const isTrue = (v: Literal): boolean => v === true;
/** A value other than null: what "the field is set" means to the API (null is "not provided"). */
export const isSet = (v: Literal): boolean => v !== null;

/** The top-level body object of one request, with look-ups by wire name that respect its naming. */
export class BodyFacts {
  constructor(
    readonly request: RequestSite,
    readonly object: ObjectValue,
    private readonly catalogue: Catalogue,
  ) {}

  get naming(): Naming {
    return this.request.naming;
  }

  /** The catalogue field for a wire name (undefined when the endpoint has no such field). */
  field(wire: string): Field | undefined {
    return this.catalogue.field(this.request.endpoint!.fields, wire, 'wire');
  }

  /** The property written for a field (by its name in this naming), the last one when repeated. */
  property(wire: string): Property | undefined {
    const field = this.field(wire);
    return field ? propertyFor(this.object, field, this.naming) : undefined;
  }

  /** The name to write for a field in this body (`init_image_id` raw, `initImageId` in an SDK call). */
  name(wire: string): string {
    const field = this.field(wire);
    return field ? nameFor(field, this.naming) : wire;
  }

  /** What is known of a field; a field the catalogue lacks is `maybe` (judge nothing). */
  state(wire: string, options: StateOptions = {}): FieldState {
    const field = this.field(wire);
    return field ? fieldState(this.object, field, this.naming, options) : MAYBE;
  }
}

/** The object bodies of the v1 requests to the given operations (each option of `c ? {…} : {…}`). */
export function bodiesOf(
  requests: readonly RequestSite[],
  catalogue: Catalogue,
  operationIds: readonly string[],
): BodyFacts[] {
  const out: BodyFacts[] = [];
  for (const request of bodyRequests(requests)) {
    if (!operationIds.includes(request.endpoint!.operationId)) continue;
    for (const body of literalOptions(request.body!)) {
      if (body.kind === 'object') out.push(new BodyFacts(request, body, catalogue));
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Id fields.

/** The docs' placeholder id: UUID-shaped, plainly a stand-in. */
export const UUID_PLACEHOLDER = 'XXXXXXXX-XXXX-XXXX-XXXX-XXXXXXXXXXXX';

const UUID_OR_PLACEHOLDER = /^[0-9a-fx]{8}-[0-9a-fx]{4}-[0-9a-fx]{4}-[0-9a-fx]{4}-[0-9a-fx]{12}$/i;

/**
 * A UUID, or the docs' `XXXXXXXX-XXXX-…` placeholder (any mix of hex digits and X): an id field
 * holding either is well-formed. (A key, which must be real, is judged by auth/secrets.ts `isUuid`.)
 */
export function isUuidOrPlaceholder(text: string): boolean {
  return UUID_OR_PLACEHOLDER.test(text);
}

/** Names of string fields that hold an id: `id`, `modelId`, `init_image_id`, `akUUID`, `styleUUID`. */
const ID_NAME = /(^id$|Id$|_id$|UUID$)/;

/**
 * Whether a field holds a UUID id, by name, among string fields. Blueprint `nodeId`s are ids of
 * nodes inside a blueprint, whose format the API does not document: not judged.
 */
export function isIdField(field: Field): boolean {
  return field.types.includes('string') && ID_NAME.test(field.wire) && field.wire !== 'nodeId';
}
