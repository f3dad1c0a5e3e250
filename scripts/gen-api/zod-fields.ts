// Turning the SDK's zod (v3) schemas into FieldSpecs by walking their `_def`s.
// Outbound (request) schemas are keyed by SDK names and remap to wire names in a wrapping
// ZodEffects transform; inbound (response) schemas are keyed by wire names and remap to SDK names.
// Calling that transform on an identity object `{k: k}` reads the mapping without parsing code.

import type { FieldSpec, FieldType } from '../../server/src/api/types.js';
import type { MemberDoc, TypeDocs } from './docs.js';

/** The parts of a zod v3 schema this walker reads. */
export interface ZodLike {
  _def: { typeName: string } & Record<string, unknown>;
}

export type Direction = 'outbound' | 'inbound';

export interface WalkContext {
  direction: Direction;
  /** Exported schema object → its folder and TS type (`operations.CreateGenerationRequestBody`). */
  typeOf: Map<ZodLike, string>;
  docs: TypeDocs;
}

interface Unwrapped {
  base: ZodLike;
  nullable: boolean;
  optional: boolean;
  /** True when the SDK fills a default for an omitted value (ZodDefault not under ZodOptional). */
  alwaysSent: boolean;
  defaultValue?: unknown;
  /** The folder and TS type of the object (for JSDoc), when the schema is an exported one. */
  typeName?: string;
  /** The remap transform wrapped around an object schema. */
  transform?: (value: unknown, ctx: unknown) => unknown;
}

function unwrap(schema: ZodLike, ctx: WalkContext): Unwrapped {
  const out: Unwrapped = { base: schema, nullable: false, optional: false, alwaysSent: false };
  let current = schema;
  for (;;) {
    out.typeName = ctx.typeOf.get(current) ?? out.typeName;
    const def = current._def;
    switch (def.typeName) {
      case 'ZodOptional':
        out.optional = true;
        current = def.innerType as ZodLike;
        continue;
      case 'ZodNullable':
        out.nullable = true;
        current = def.innerType as ZodLike;
        continue;
      case 'ZodDefault':
        if (!out.optional) {
          out.alwaysSent = true;
          out.defaultValue = (def.defaultValue as () => unknown)();
        }
        current = def.innerType as ZodLike;
        continue;
      case 'ZodLazy':
        current = (def.getter as () => ZodLike)();
        continue;
      case 'ZodEffects': {
        const effect = def.effect as { type: string; transform?: Unwrapped['transform'] };
        if (effect.type === 'transform') out.transform = effect.transform;
        current = def.schema as ZodLike;
        continue;
      }
    }
    out.base = current;
    return out;
  }
}

/** Shape key → renamed key, read by running the remap transform on an identity object. */
function renames(keys: string[], transform: Unwrapped['transform']): Map<string, string> {
  const map = new Map<string, string>();
  if (!transform) return map;
  const identity = Object.fromEntries(keys.map((k) => [k, k]));
  const ctx = { addIssue() {}, path: [] };
  const output = transform(identity, ctx) as Record<string, string>;
  for (const [renamed, original] of Object.entries(output)) map.set(original, renamed);
  return map;
}

interface Shape {
  types: FieldType[];
  items?: FieldSpec;
  fields?: FieldSpec[];
  enum?: string[];
  nullable: boolean;
}

/** The schema of one member of an object schema, by its renamed key (`RequestBody`, `object`). */
export function memberSchema(schema: ZodLike, ctx: WalkContext, renamedKey: string): ZodLike | undefined {
  const u = unwrap(schema, ctx);
  if (u.base._def.typeName !== 'ZodObject') return undefined;
  const shape = (u.base._def.shape as () => Record<string, ZodLike>)();
  const renamed = renames(Object.keys(shape), u.transform);
  const key = Object.keys(shape).find((k) => (renamed.get(k) ?? k) === renamedKey);
  return key === undefined ? undefined : shape[key];
}

/** The fields of an object schema (after unwrapping), or undefined when it is not an object. */
export function objectFields(schema: ZodLike, ctx: WalkContext, seen: ZodLike[] = []): FieldSpec[] | undefined {
  return describe(unwrap(schema, ctx), ctx, seen, '', '').fields;
}

function describe(u: Unwrapped, ctx: WalkContext, seen: ZodLike[], wire: string, sdk: string): Shape {
  const def = u.base._def;
  const shape: Shape = { types: [], nullable: u.nullable };
  switch (def.typeName) {
    case 'ZodString':
      shape.types = ['string'];
      break;
    case 'ZodBoolean':
      shape.types = ['boolean'];
      break;
    case 'ZodNumber': {
      const checks = def.checks as Array<{ kind: string }>;
      shape.types = [checks.some((c) => c.kind === 'int') ? 'integer' : 'number'];
      break;
    }
    case 'ZodNativeEnum': {
      const values = Object.values(def.values as Record<string, string | number>);
      shape.types = values.every((v) => typeof v === 'number') ? ['number'] : ['string'];
      shape.enum = values.filter((v): v is string => typeof v === 'string');
      break;
    }
    case 'ZodEnum':
      shape.types = ['string'];
      shape.enum = [...(def.values as string[])];
      break;
    case 'ZodObject':
      shape.types = ['object'];
      // A schema already on the walk stack is recursive: describe it as an opaque object.
      if (!seen.includes(u.base)) shape.fields = objectMembers(u, ctx, [...seen, u.base]);
      break;
    case 'ZodArray': {
      shape.types = ['array'];
      shape.items = fieldSpec(wire, sdk, def.type as ZodLike, ctx, seen, undefined, true);
      break;
    }
    case 'ZodUnion':
      for (const option of def.options as ZodLike[]) mergeInto(shape, describe(unwrap(option, ctx), ctx, seen, wire, sdk));
      break;
    // ZodInstanceof (RawResponse) and anything else: no JSON type to state.
  }
  return shape;
}

function mergeInto(target: Shape, option: Shape): void {
  for (const t of option.types) if (!target.types.includes(t)) target.types.push(t);
  if (option.enum) target.enum = [...(target.enum ?? []), ...option.enum.filter((v) => !target.enum?.includes(v))];
  if (option.fields) {
    const known = new Set((target.fields ?? []).map((f) => f.wire));
    target.fields = [...(target.fields ?? []), ...option.fields.filter((f) => !known.has(f.wire))];
  }
  target.items ??= option.items;
  target.nullable ||= option.nullable;
}

function objectMembers(u: Unwrapped, ctx: WalkContext, seen: ZodLike[]): FieldSpec[] {
  const entries = Object.entries((u.base._def.shape as () => Record<string, ZodLike>)());
  const renamed = renames(entries.map(([k]) => k), u.transform);
  const members = u.typeName ? ctx.docs.get(u.typeName) : undefined;
  return entries.map(([key, schema]) => {
    const other = renamed.get(key) ?? key;
    const [wire, sdk] = ctx.direction === 'outbound' ? [other, key] : [key, other];
    return fieldSpec(wire, sdk, schema, ctx, seen, members?.get(sdk), false);
  });
}

/** One FieldSpec, keys in a fixed order so the generated JSON is stable. */
function fieldSpec(
  wire: string,
  sdk: string,
  schema: ZodLike,
  ctx: WalkContext,
  seen: ZodLike[],
  doc: MemberDoc | undefined,
  isItem: boolean,
): FieldSpec {
  const u = unwrap(schema, ctx);
  const shape = describe(u, ctx, seen, wire, sdk);
  // A default in an inbound schema fills a value the response left out: the field is still in the
  // API's shape (required unless optional), and nothing is "sent" by the SDK.
  const sent = ctx.direction === 'outbound' && u.alwaysSent;
  const required = isItem || (!u.optional && !sent);
  const spec: FieldSpec = {
    wire,
    sdk,
    types: shape.types,
    ...(shape.items ? { items: shape.items } : {}),
    ...(shape.fields ? { fields: shape.fields } : {}),
    ...(shape.enum ? { enum: shape.enum } : {}),
    nullable: shape.nullable,
    required,
    ...(sent ? { sdkDefault: u.defaultValue } : {}),
    sdkAlwaysSent: sent,
    deprecated: doc?.deprecated ?? false,
    ...(doc?.description ? { description: doc.description } : {}),
  };
  return spec;
}
