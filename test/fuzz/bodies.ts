// Request bodies drawn from the catalogue: endpoints and fields with their types, enums and
// constraints (valid bodies), then mutated the ways people get them wrong: wrong types, casings,
// ranges, missing and extra keys, duplicates. A body is a tree of entries (not a JS object) so
// duplicate keys and key order survive into the rendered document.

import fc from 'fast-check';
import { getCatalogue } from '../../server/src/api/catalogue.js';
import type { Endpoint, Field, FieldType, Naming } from '../../server/src/api/types.js';

export type BodyNode =
  | { kind: 'object'; entries: Array<[string, BodyNode]> }
  | { kind: 'array'; items: BodyNode[] }
  | { kind: 'literal'; value: string | number | boolean | null };

const catalogue = getCatalogue();

/** Endpoints that take a JSON body with known fields (removed ones too: unknown-endpoint must cope). */
export const BODY_ENDPOINTS: readonly Endpoint[] = catalogue.endpoints.filter((e) => e.hasBody && e.fields.length > 0);

const literal = (value: string | number | boolean | null): BodyNode => ({ kind: 'literal', value });

const WORDS = ['a', 'red', 'fox', 'in', 'the', 'snow', 'cinematic', 'naked', 'café', '雪', '🦊', "it's", 'say "hi"', 'back\\slash', '$HOME', '`x`', 'tab\there', 'line\nbreak'];
const UUIDS = ['aa77f04e-3eec-4034-9c07-d0f619684628', 'b24e16ff-06e3-43eb-8d33-4416c2d75876', '00000000-0000-0000-0000-000000000000', 'not-a-uuid', ''];

const text = fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 5 }).map((w) => w.join(' '));

function stringFor(field: Field): fc.Arbitrary<string> {
  if (field.enum && field.enum.length > 0) return fc.constantFrom(...field.enum);
  const allowed = field.constraints.allowed?.filter((v): v is string => typeof v === 'string');
  if (allowed && allowed.length > 0) return fc.constantFrom(...allowed);
  if (/id$|uuid$|Id$|_id$/i.test(field.wire)) return fc.constantFrom(...UUIDS);
  return text;
}

function numberFor(field: Field, integer: boolean): fc.Arbitrary<number> {
  const allowed = field.constraints.allowed?.filter((v): v is number => typeof v === 'number');
  if (allowed && allowed.length > 0) return fc.constantFrom(...allowed);
  const min = field.constraints.min ?? 0;
  const max = Math.min(field.constraints.max ?? 100, min + 10_000);
  const step = field.constraints.multipleOf ?? 1;
  if (integer || field.constraints.multipleOf) {
    const lo = Math.ceil(min / step);
    const hi = Math.max(lo, Math.floor(max / step));
    return fc.integer({ min: lo, max: hi }).map((n) => n * step);
  }
  return fc.double({ min, max, noNaN: true, noDefaultInfinity: true }).map((n) => Math.round(n * 100) / 100);
}

function valueOfType(field: Field, type: FieldType, naming: Naming, depth: number): fc.Arbitrary<BodyNode> {
  switch (type) {
    case 'string':
      return stringFor(field).map(literal);
    case 'integer':
      return numberFor(field, true).map(literal);
    case 'number':
      return numberFor(field, false).map(literal);
    case 'boolean':
      return fc.boolean().map(literal);
    case 'array': {
      const items = field.items;
      if (!items || depth > 3) return fc.constant<BodyNode>({ kind: 'array', items: [] });
      return fc.array(validValue(items, naming, depth + 1), { maxLength: 3 }).map((list) => ({ kind: 'array', items: list }));
    }
    case 'object':
      if (!field.fields || depth > 3) return fc.constant<BodyNode>({ kind: 'object', entries: [] });
      return validObject(field.fields, naming, depth + 1);
  }
}

/** A value the catalogue accepts for `field`. */
export function validValue(field: Field, naming: Naming, depth = 0): fc.Arbitrary<BodyNode> {
  const typed = fc.oneof(...field.types.map((t) => valueOfType(field, t, naming, depth)));
  return field.nullable ? fc.oneof({ weight: 9, arbitrary: typed }, { weight: 1, arbitrary: fc.constant(literal(null)) }) : typed;
}

/** Every required field and a random selection of the others, in random order. */
export function validObject(fields: readonly Field[], naming: Naming, depth = 0): fc.Arbitrary<BodyNode> {
  const entries = fields.map((f) => {
    const name = naming === 'sdk' ? f.sdk : f.wire;
    const entry = validValue(f, naming, depth).map((v): [string, BodyNode] => [name, v]);
    return f.required ? entry.map((e) => [e]) : fc.option(entry, { freq: 3 }).map((e) => (e ? [e] : []));
  });
  return fc.tuple(...entries).chain((chosen) => fc.shuffledSubarray(chosen.flat(), { minLength: chosen.flat().length }))
    .map((list) => ({ kind: 'object', entries: list }));
}

// -- Mutations ---------------------------------------------------------------------------------

export type MutationKind = 'wrong-type' | 'casing' | 'range' | 'missing' | 'extra' | 'duplicate' | 'enum-casing';

const toCamel = (s: string) => s.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
const toSnake = (s: string) => s.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
const CASINGS: Array<(s: string) => string> = [
  toCamel,
  toSnake,
  (s) => s.toUpperCase(),
  (s) => s.toLowerCase(),
  (s) => s.charAt(0).toUpperCase() + s.slice(1),
  (s) => s.replace(/_/g, '-'),
];

const WRONG_VALUES: BodyNode[] = [
  literal('2'),
  literal('true'),
  literal('512'),
  literal(''),
  literal(12),
  literal(-1),
  literal(0.5),
  literal(true),
  literal(null),
  { kind: 'array', items: [literal(1)] },
  { kind: 'object', entries: [['x', literal(1)]] },
];

const EXTRA_KEYS = ['foo', 'wid', 'num_image', 'negativePrompt', 'modelID', 'init_image', 'sd_Version', 'prompt ', '', '__proto__', 'constructor', 'a-b', '0', 'ünïcode'];

/** Paths to every object node in the tree (the root is []). */
function objectPaths(node: BodyNode, path: number[] = [], out: number[][] = []): number[][] {
  if (node.kind === 'object') {
    out.push(path);
    node.entries.forEach(([, v], i) => objectPaths(v, [...path, i], out));
  } else if (node.kind === 'array') {
    node.items.forEach((v, i) => objectPaths(v, [...path, i], out));
  }
  return out;
}

function at(node: BodyNode, path: readonly number[]): BodyNode {
  let current = node;
  for (const i of path) current = current.kind === 'object' ? current.entries[i][1] : current.kind === 'array' ? current.items[i] : current;
  return current;
}

function clone(node: BodyNode): BodyNode {
  return JSON.parse(JSON.stringify(node)) as BodyNode;
}

function mutateNumber(value: number): number[] {
  return [value + 1, value - 1, -value - 1, value * 1000 + 7, value + 0.5, 1e21, -0, 3];
}

/** One mutation of one object of the body, chosen by `pick` (0..1 numbers). */
export function mutate(root: BodyNode, kind: MutationKind, pick: readonly number[]): BodyNode {
  const body = clone(root);
  const objects = objectPaths(body);
  if (objects.length === 0) return body;
  const choose = <T>(list: readonly T[], i: number): T => list[Math.floor((pick[i % pick.length] ?? 0) * list.length) % list.length];
  const target = at(body, choose(objects, 0));
  if (target.kind !== 'object') return body;
  const entries = target.entries;
  const index = entries.length > 0 ? Math.floor((pick[1 % pick.length] ?? 0) * entries.length) % entries.length : -1;
  const entry = index >= 0 ? entries[index] : undefined;
  switch (kind) {
    case 'wrong-type':
      if (entry) entry[1] = choose(WRONG_VALUES, 2);
      break;
    case 'casing':
      if (entry) entry[0] = choose(CASINGS, 2)(entry[0]);
      break;
    case 'enum-casing':
      if (entry && entry[1].kind === 'literal' && typeof entry[1].value === 'string') {
        entry[1] = literal(choose(CASINGS, 2)(entry[1].value));
      }
      break;
    case 'range':
      if (entry && entry[1].kind === 'literal' && typeof entry[1].value === 'number') entry[1] = literal(choose(mutateNumber(entry[1].value), 2));
      else if (entry) entry[1] = literal(choose([0, -8, 4096, 1537, 7, 2147483648, 0.05], 2));
      break;
    case 'missing':
      if (entry) entries.splice(index, 1);
      break;
    case 'extra':
      entries.splice(Math.max(0, index), 0, [choose(EXTRA_KEYS, 2), choose(WRONG_VALUES, 3)]);
      break;
    case 'duplicate':
      if (entry) entries.push([entry[0], clone(entry[1])]);
      break;
  }
  return body;
}

export const MUTATIONS: readonly MutationKind[] = ['wrong-type', 'casing', 'range', 'missing', 'extra', 'duplicate', 'enum-casing'];

/** A body for `endpoint` with up to `max` mutations. */
export function mutatedBody(endpoint: Endpoint, naming: Naming, max = 3): fc.Arbitrary<BodyNode> {
  const mutation = fc.tuple(fc.constantFrom(...MUTATIONS), fc.array(fc.double({ min: 0, max: 0.999, noNaN: true }), { minLength: 4, maxLength: 4 }));
  return fc
    .tuple(validObject(endpoint.fields, naming), fc.array(mutation, { maxLength: max }))
    .map(([body, mutations]) => mutations.reduce((b, [kind, pick]) => mutate(b, kind, pick), body));
}

/** The body as the plain JSON value it stands for (duplicate keys: the last one wins, as in JSON.parse). */
export function toJsonValue(node: BodyNode): unknown {
  if (node.kind === 'literal') return node.value;
  if (node.kind === 'array') return node.items.map(toJsonValue);
  const out: Record<string, unknown> = {};
  for (const [k, v] of node.entries) Object.defineProperty(out, k, { value: toJsonValue(v), enumerable: true, configurable: true, writable: true });
  return out;
}
