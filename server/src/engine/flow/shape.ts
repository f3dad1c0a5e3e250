// Stepping through a response the way code reads it: `.json()` / `.data` / `.object` to reach the
// body, then property names (wire names for raw HTTP, camelCase for SDK results) and array elements,
// against the catalogue's response shape.

import type { Endpoint, Field, Naming } from '../../api/types.js';
import type { ResponseOrigin, ResponseStage } from './types.js';

/** The member that holds the JSON body on a client's response object. */
const BODY_MEMBER: Partial<Record<ResponseStage, string>> = { axios: 'data', got: 'body', sdk: 'object' };

/** The analysis does not tell a promise from its value (`fetch(...).then(...).then(...)`): never a field. */
export const PROMISE_MEMBERS = new Set(['then', 'catch', 'finally']);

/** Keys of the API's error body (`{error, path, code}`) and of GraphQL-style errors: never "unknown". */
export const ERROR_ENVELOPE = new Set(['error', 'errors', 'message', 'code', 'path', 'details', 'detail', 'extensions']);

/** Members every object has (`constructor`, `hasOwnProperty`, ...): never a missing field. */
export const OBJECT_MEMBERS = new Set(Object.getOwnPropertyNames(Object.prototype));

export function nameOf(field: Field, naming: Naming): string {
  return naming === 'sdk' ? field.sdk : field.wire;
}

export function isArrayField(field: Field): field is Field & { items: Field } {
  return field.items !== undefined && field.types.includes('array');
}

/** The body root of a response, at the given stage. */
export function responseRoot(endpoint: Endpoint | undefined, naming: Naming, stage: ResponseStage): ResponseOrigin {
  return { kind: 'response', ...(endpoint ? { endpoint } : {}), naming, stage, statusChecked: false };
}

/** The fields of the object the origin points at; undefined when it is not a body object with known fields. */
export function objectFields(origin: ResponseOrigin): readonly Field[] | undefined {
  if (origin.stage !== 'body' || !origin.endpoint) return undefined;
  if (!origin.field) return origin.endpoint.response;
  return isArrayField(origin.field) ? undefined : origin.field.fields;
}

/** `origin.name`: the body from a response object, or a field of the body. */
export function memberOf(origin: ResponseOrigin, name: string): ResponseOrigin | undefined {
  if (origin.stage !== 'body') {
    return BODY_MEMBER[origin.stage] === name ? Object.assign({}, origin, { stage: 'body', field: undefined }) : undefined;
  }
  const child = objectFields(origin)?.find((f) => nameOf(f, origin.naming) === name);
  return child ? Object.assign({}, origin, { field: child }) : undefined;
}

/**
 * `origin.name` certainly reads undefined: `origin` is a body object whose fields the catalogue knows,
 * none is so named, and the name is not a member every object has, a promise's (the analysis does not
 * tell a promise from its value) or, at the root, a key of the API's error body (`message`, `error`).
 * (Whether the code writes the member itself is the caller's question: reads.ts `writesMember`.)
 */
export function lacksField(origin: ResponseOrigin, name: string): boolean {
  const fields = objectFields(origin);
  if (!fields || fields.some((f) => nameOf(f, origin.naming) === name)) return false;
  if (OBJECT_MEMBERS.has(name) || PROMISE_MEMBERS.has(name)) return false;
  return origin.field !== undefined || !ERROR_ENVELOPE.has(name);
}

/** `origin[i]`: an element of an array field. */
export function itemOf(origin: ResponseOrigin): ResponseOrigin | undefined {
  if (origin.stage !== 'body' || !origin.field || !isArrayField(origin.field)) return undefined;
  return Object.assign({}, origin, { field: origin.field.items });
}

/** The chain of fields from the body root down to `target` (items included), or undefined. */
function chainTo(fields: readonly Field[], target: Field): Field[] | undefined {
  for (const field of fields) {
    if (field === target) return [field];
    const below = [...(field.fields ?? []), ...(field.items ? [field.items] : [])];
    const rest = chainTo(below, target);
    if (rest) return [field, ...rest];
  }
  return undefined;
}

/** How code writes the path to a field: `generations_by_pk.generated_images[0].id`, or camelCase for the SDK. */
export function writtenPath(origin: ResponseOrigin): string {
  if (!origin.endpoint?.response || !origin.field) return '';
  const chain = chainTo(origin.endpoint.response, origin.field) ?? [];
  let out = '';
  let parent: Field | undefined;
  for (const field of chain) {
    out += parent && parent.items === field ? '[0]' : `${out ? '.' : ''}${nameOf(field, origin.naming)}`;
    parent = field;
  }
  return out;
}

/** `POST /generations`. */
export function endpointName(endpoint: Endpoint): string {
  return `${endpoint.method} ${endpoint.path}`;
}

/** A change of a string the values of an enum go through: `toLowerCase()`, `toUpperCase()`, `trim()`. */
export interface StringChange {
  cased?: 'lower' | 'upper';
  apply(value: string): string;
}

/** The methods whose result on an enum value is known (not `toLocaleLowerCase`: in a Turkish locale "I" lowers to a dotless "ı"). */
export const STRING_CHANGES = new Map<string, StringChange>([
  ['toLowerCase', { cased: 'lower', apply: (v) => v.toLowerCase() }],
  ['toUpperCase', { cased: 'upper', apply: (v) => v.toUpperCase() }],
  ['trim', { apply: (v) => v.trim() }],
  ['trimStart', { apply: (v) => v.trimStart() }],
  ['trimEnd', { apply: (v) => v.trimEnd() }],
]);
