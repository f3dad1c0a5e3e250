// Generates server/src/api/v2-catalogue.generated.json, the v2 API's facts, from the reference files
// in ../shared/reference/leonardo-v2 (the v2 OpenAPI transcribed per model, the guide pages' view,
// the v1 platform models). `npm run gen:api:v2` writes the file; test/api/v2-catalogue.test.ts checks
// that the committed file equals a fresh generation when the reference folder is present.
//
// The trust policy is applied HERE, once, so that every constraint in the output is one both sources
// would reject when broken (see v2-types.ts): enums are unions, ranges the wider, required only where
// both require, guide-only parameters known but unconstrained, absurd spec maxima dropped. Prose,
// descriptions and examples are dropped: the file holds facts only.
//
// Written by hand: the inputs are this project's own reference transcriptions, in a shape no library
// reads, and the merge policy is the project's.

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type {
  V1PlatformModel,
  V2CatalogueData,
  V2EndpointData,
  V2Forbidden,
  V2GuideOnlyModel,
  V2Kind,
  V2ModelData,
  V2OperationId,
  V2Param,
  V2Retired,
  V2Sizes,
  V2Source,
  V2Type,
} from '../server/src/api/v2-types.js';

export const V2_CATALOGUE_FILE = resolve(__dirname, '../server/src/api/v2-catalogue.generated.json');
/**
 * The reference folder: `../shared/reference/leonardo-v2` beside the checkout, or the folder named by
 * LEONARDO_V2_REFERENCE (a git worktree elsewhere). Absent in a clone on its own: the test then skips.
 */
export const V2_REFERENCE_DIR = process.env.LEONARDO_V2_REFERENCE
  ? resolve(process.env.LEONARDO_V2_REFERENCE)
  : resolve(__dirname, '../../shared/reference/leonardo-v2');

/** JS Number.MAX_SAFE_INTEGER and the like: a generated "no bound", not a bound. */
const ABSURD = 9007199254740991;

// ---------------------------------------------------------------------------------------------
// Input shapes (only what is read).

interface SpecNode {
  type?: string;
  required?: boolean | string[];
  requiredProperties?: string[];
  enum?: Array<string | number>;
  minimum?: number;
  maximum?: number;
  multipleOf?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number | string;
  maxItems?: number | string;
  default?: unknown;
  format?: string;
  deprecated?: boolean;
  additionalProperties?: boolean | string;
  properties?: Record<string, SpecNode>;
  items?: SpecNode;
  sharedSchema?: string;
}

interface SpecModel {
  model: string;
  title: string;
  kind: V2Kind;
  additionalProperties: boolean | string;
  parameters: Record<string, SpecNode>;
  crossFieldRules?: Array<{
    kind: string;
    pairs?: Array<[number, number]>;
    zeroEitherSide?: boolean;
    kinds?: string[];
  }>;
  syncVariant?: { endpoint: string };
}

interface GuideParam {
  type: string;
  required: boolean | string;
  enum?: Array<string | number>;
  enumRef?: string;
  min?: number;
  max?: number;
  maxLength?: number;
  maxItems?: number;
  pairs?: string[] | Record<string, string[]>;
  deprecated?: boolean;
  note?: string;
  source: string;
  items?: {
    image?: { fields?: { type?: string[] } };
    strength?: { enum?: string[]; required?: boolean };
  };
}

interface GuideModel {
  model: string;
  title: string;
  kind: V2Kind;
  status: string;
  docSource: string;
  inSpec20260901: boolean;
  detailLevel: string;
  parameters: Record<string, GuideParam>;
  notes?: string[];
}

interface GuideFile {
  sources: Record<string, { url: string; updatedAt: string }>;
  styleSets: Record<string, { styles?: Record<string, string>; uuids?: string[]; voices?: undefined }>;
  voiceSets: Record<string, { voices?: Record<string, string> | string[]; uuids?: undefined; styles?: undefined }>;
  models: GuideModel[];
}

interface SpecFile {
  source: { specUpdatedAt: string };
  endpoints: SpecEndpoint[];
  models: SpecModel[];
}

/** One operation of the spec (`v2-spec-facts.json` `endpoints`). */
interface SpecEndpoint {
  method: string;
  /** `/api/rest/v2/generations`. */
  path: string;
  operationId: string;
  requestBodyRequired?: boolean;
  /** The body's top-level keys; `model.enum` lists the models when the operation accepts only some. */
  bodyTopLevel?: Record<string, { enum?: unknown }>;
}

// ---------------------------------------------------------------------------------------------
// Facts that the reference files state only in prose (each with where it is written).

/**
 * Retired strings: dates and successors from the Deprecations & Changes page
 * (leonardo-api-v2.md "Dead strings"; v2-models.json notes). A successor only where the docs name one.
 */
const RETIREMENTS: Record<string, { retiredOn: string; successor?: string }> = {
  'sora-2': { retiredOn: '2026-07-09' },
  'sora-2-pro': { retiredOn: '2026-07-09' },
  'veo-3.0-generate-001': { retiredOn: '2026-06-29' },
  'veo-3.0-fast-generate-001': { retiredOn: '2026-06-29' },
  'veo-3.0-generate-preview': { retiredOn: '2026-05-13' },
  'veo-3.0-fast-generate-preview': { retiredOn: '2026-05-13' },
  'veo-3.1-generate-preview': { retiredOn: '2026-05-13', successor: 'veo-3.1-generate-001' },
  'veo-3.1-fast-generate-preview': { retiredOn: '2026-05-13', successor: 'veo-3.1-fast-generate-001' },
  'seedance-1.0-lite': { retiredOn: '2026-05-13', successor: 'seedance-1.0-pro-fast' },
};

/** Wrong strings seen in public code (v2-wild.md) → the v2 string. */
const ALIASES: Record<string, string> = {
  'nano-banana-pro': 'gemini-image-2',
  VEO3_1: 'veo-3.1-generate-001',
  'seedance-2.5': 'bytedance/seedance-2.5',
  Kling2_5: 'kling-2.5',
  KLING2_5: 'kling-2.5',
};

/** Parameters whose guide type is `removed`/`forbidden`: the date and replacement (deprecations page). */
const FORBIDDEN_DETAILS: Record<string, Omit<V2Forbidden, 'note'>> = {
  'gpt-image-1.5/mode': { since: '2026-05-04', use: 'quality' },
  'ideogram-v3.0/mode': { since: '2026-05-04', use: 'quality' },
};

/**
 * Models whose guides forbid mixing reference images with start/end frames (leonardo-api-v2.md §2:
 * "Kling 3.0, Kling O1 and Kling O3 forbid mixing image_reference with start_frame/end_frame").
 */
const NO_FRAME_MIX = new Set(['kling-3.0', 'kling-video-o-1', 'kling-video-o-3']);

/** Guide detail levels (v2-models.json) where the model's own guide page was read. */
const GUIDE_READ = new Set(['guide', 'guide-excerpt+catalogue', 'spec+guide']);

/** Models whose guide says width/height pairs are not validated by the server (doc:nano-banana-2). */
const ADVISORY_PAIRS = new Set(['nano-banana-2']);

// ---------------------------------------------------------------------------------------------

const TYPES = new Set<V2Type>(['string', 'integer', 'number', 'boolean', 'object', 'array']);

function specType(node: SpecNode): V2Type {
  const type = (node.type ?? 'object') as V2Type;
  if (!TYPES.has(type)) throw new Error(`gen-api-v2: unexpected spec type ${node.type}`);
  return type;
}

function guideType(type: string): V2Type | undefined {
  if (type.startsWith('array')) return 'array';
  return TYPES.has(type as V2Type) ? (type as V2Type) : undefined;
}

const numberOrUndefined = (value: unknown): number | undefined => (typeof value === 'number' ? value : undefined);

/** A spec node → V2Param (no guide yet). `styleSetOf` names a style enum. */
function fromSpec(node: SpecNode, required: boolean, styleSetOf: (uuids: string[]) => string): V2Param {
  const param: V2Param = { type: specType(node) };
  if (required) param.required = true;
  if (node.enum) param.enum = [...node.enum];
  if (node.minimum !== undefined) param.min = node.minimum;
  if (node.maximum !== undefined && node.maximum < ABSURD) param.max = node.maximum;
  if (node.multipleOf !== undefined) param.multipleOf = node.multipleOf;
  if (node.minLength !== undefined) param.minLength = node.minLength;
  if (node.maxLength !== undefined) param.maxLength = node.maxLength;
  const minItems = numberOrUndefined(node.minItems);
  const maxItems = numberOrUndefined(node.maxItems);
  if (minItems !== undefined) param.minItems = minItems;
  if (maxItems !== undefined) param.maxItems = maxItems;
  if (node.default !== undefined && !Array.isArray(node.default)) param.default = node.default;
  if (node.format === 'uuid') param.format = 'uuid';
  if (node.deprecated) param.deprecated = true;
  if (node.additionalProperties === false) param.closed = true;
  if (node.items) {
    const items = fromSpec(node.items, false, styleSetOf);
    if (items.format === 'uuid' && items.enum && items.enum.every((v) => typeof v === 'string')) {
      items.styleSet = styleSetOf(items.enum);
      delete items.enum;
    }
    param.items = items;
  }
  if (node.properties) {
    const requiredNames = new Set([
      ...(Array.isArray(node.required) ? node.required : []),
      ...(node.requiredProperties ?? []),
    ]);
    param.properties = {};
    for (const [name, child] of Object.entries(node.properties)) {
      // Nested required flags: the parent's list (JSON Schema), or a boolean on the child.
      param.properties[name] = fromSpec(child, requiredNames.has(name) || child.required === true, styleSetOf);
    }
  }
  return param;
}

const union = <T>(a: readonly T[], b: readonly T[]): T[] => [...a, ...b.filter((v) => !a.includes(v))];

/** The guide says the parameter is optional, in its own voice (a `catalogue` row merely restates the spec). */
const guideSaysOptional = (guide: GuideParam | undefined): boolean =>
  guide !== undefined && guide.source !== 'catalogue' && guide.required === false;

/** Apply a guide parameter to a spec parameter under the trust policy. */
function mergeGuide(param: V2Param, guide: GuideParam, styleUuids: (ref: string) => string[], styleSetOf: (uuids: string[]) => string): void {
  // A row taken from the third-party catalogue restates the spec: the spec wins (spec-vs-guides.md).
  if (guide.source === 'catalogue') return;
  if (param.required && guide.required === false) delete param.required;
  if (param.type === 'integer' && guide.type === 'number') param.type = 'number';
  if (param.enum && guide.enum) param.enum = union(param.enum, guide.enum);
  if (param.min !== undefined && guide.min !== undefined) param.min = Math.min(param.min, guide.min);
  if (param.max !== undefined && guide.max !== undefined) param.max = Math.max(param.max, guide.max);
  if (param.maxLength !== undefined && guide.maxLength !== undefined) param.maxLength = Math.max(param.maxLength, guide.maxLength);
  if (guide.maxItems !== undefined) {
    if (param.maxItems !== undefined) param.maxItems = Math.max(param.maxItems, guide.maxItems);
    // style_ids: "limited to 1 style" (spec prose, guide table) without a schema maxItems: a warning.
    else if (param.items?.styleSet !== undefined) param.softMaxItems = guide.maxItems;
  }
  if (guide.deprecated) param.deprecated = true;
  if (guide.enumRef) {
    const values = styleUuids(guide.enumRef);
    if (param.items?.styleSet !== undefined) {
      param.items.styleSet = styleSetOf(union(STYLE_SETS_BY_ID.get(param.items.styleSet) ?? [], values));
    } else if (param.enum) {
      param.enum = union(param.enum, values);
    }
  }
  // Guidance items: image.type and strength (present in either source).
  const item = param.items;
  if (guide.items && item?.properties) {
    const imageType = item.properties.image?.properties?.type;
    const guideTypes = guide.items.image?.fields?.type;
    if (imageType?.enum && guideTypes) imageType.enum = union(imageType.enum, guideTypes);
    const strength = guide.items.strength;
    if (strength?.enum) {
      const own = item.properties.strength;
      if (own) {
        if (own.enum) own.enum = union(own.enum, strength.enum);
        if (own.required && strength.required === false) delete own.required;
      } else {
        // The spec declares no strength here, the guide does: known, optional, values from the guide.
        item.properties.strength = { type: 'string', enum: [...strength.enum], guideOnly: true };
      }
    }
  }
  if (param.items?.properties) {
    // Item-level required lists stay (e.g. `image`); an item strength only the spec requires does not.
    const strength = param.items.properties.strength;
    if (strength?.required && guide.items && guide.items.strength?.required !== true) delete strength.required;
  }
}

/** Registry of style sets: UUID lists by a stable id (the first model to use the list, plus a counter). */
const STYLE_SETS_BY_ID = new Map<string, string[]>();

function parsePairs(pairs: GuideParam['pairs']): Array<[number, number]> {
  const texts = Array.isArray(pairs) ? pairs : Object.values(pairs ?? {}).flat();
  const out: Array<[number, number]> = [];
  for (const text of texts) {
    const match = /^(\d+)x(\d+)/.exec(text);
    if (match) out.push([Number(match[1]), Number(match[2])]);
  }
  return out;
}

/** A page's date: its own `updatedAt`, or, when the copy shows none, the date the copy was captured. */
function datesOf(url: string, text: string): V2Source {
  const own = /^\d{4}-\d{2}-\d{2}/.exec(text);
  if (own) return { url, updatedAt: own[0] };
  const captured = [...text.matchAll(/\d{4}-\d{2}-\d{2}/g)].at(-1);
  return captured ? { url, capturedAt: captured[0] } : { url };
}

/** Everything the reference files say about v2, merged under the trust policy. Pure: reads only `dir`. */
export function generateV2Catalogue(dir: string = V2_REFERENCE_DIR): V2CatalogueData {
  STYLE_SETS_BY_ID.clear();
  const read = <T>(name: string) => JSON.parse(readFileSync(join(dir, name), 'utf8')) as T;
  const spec = read<SpecFile>('v2-spec-facts.json');
  const guide = read<GuideFile>('v2-models.json');
  const v1 = read<{ models: Array<{ id: string; name: string; v2ModelString?: string | null }> }>('v1-platform-models.json');

  const specSource = guide.sources['spec'];
  if (!specSource) throw new Error('gen-api-v2: v2-models.json has no spec source');
  const specSrc = datesOf(specSource.url, specSource.updatedAt);
  const sourceOf = (key: string): V2Source => {
    const source = guide.sources[key];
    if (!source || !/^https?:/.test(source.url)) return specSrc;
    return datesOf(source.url.split(' ')[0], source.updatedAt);
  };

  // Style sets: named by the first model using each distinct list.
  let currentModel = '';
  const setIds = new Map<string, string>();
  const styleSetOf = (uuids: string[]): string => {
    const key = [...uuids].sort().join(',');
    let id = setIds.get(key);
    if (!id) {
      id = currentModel;
      for (let n = 2; STYLE_SETS_BY_ID.has(id); n++) id = `${currentModel}#${n}`;
      setIds.set(key, id);
      STYLE_SETS_BY_ID.set(id, [...uuids]);
    }
    return id;
  };
  /** `styleSets.<name>` or `voiceSets.<name>` (a trailing remark in parentheses ignored) → its values. */
  const styleUuids = (ref: string): string[] => {
    const [group, name] = ref.replace(/ \(.*\)$/, '').split('.') as [string, string];
    const sets = group === 'voiceSets' ? guide.voiceSets : group === 'styleSets' ? guide.styleSets : undefined;
    const set = sets?.[name];
    if (!set) throw new Error(`gen-api-v2: unknown set ${ref}`);
    const listed = set.uuids ?? set.voices ?? set.styles ?? {};
    return Array.isArray(listed) ? listed : Object.values(listed);
  };
  const styleNames: Record<string, string> = {};
  for (const set of Object.values(guide.styleSets)) {
    for (const [name, uuid] of Object.entries(set.styles ?? {})) styleNames[uuid] ??= name;
  }

  const guides = new Map(guide.models.map((m) => [m.model, m]));
  const models: V2ModelData[] = [];
  for (const specModel of [...spec.models].sort((a, b) => a.model.localeCompare(b.model))) {
    currentModel = specModel.model;
    const guideModel = guides.get(specModel.model);
    if (!guideModel) throw new Error(`gen-api-v2: ${specModel.model} has no guide entry`);
    const guideParams = guideModel.parameters;

    const params: Record<string, V2Param> = {};
    for (const name of Object.keys(specModel.parameters).sort()) {
      const node = specModel.parameters[name];
      const param = fromSpec(node, node.required === true, styleSetOf);
      const own = guideParams[name];
      if (own && guideType(own.type)) mergeGuide(param, own, styleUuids, styleSetOf);
      if (guideSaysOptional(own)) delete param.required;
      params[name] = param;
    }
    // Guidance kinds: `guidances.<kind>` rows of the guide.
    const guidances = params['guidances'];
    const forbidden: Record<string, V2Forbidden> = {};
    for (const [key, own] of Object.entries(guideParams)) {
      const kind = key.startsWith('guidances.') ? key.slice('guidances.'.length) : undefined;
      if (kind !== undefined) {
        if (!guidances?.properties) continue;
        const existing = guidances.properties[kind];
        if (existing) {
          mergeGuide(existing, own, styleUuids, styleSetOf);
          if (guideSaysOptional(own)) delete existing.required;
        } else if (own.source !== 'catalogue') {
          // Only the guide documents this kind (kling-3.0 image_reference): known, unconstrained.
          guidances.properties[kind] = { type: 'array', guideOnly: true };
        }
        continue;
      }
      if (key in params) continue;
      if (own.type === 'removed' || own.type === 'forbidden') {
        forbidden[key] = { note: own.note ?? 'requests with it fail', ...FORBIDDEN_DETAILS[`${specModel.model}/${key}`] };
        continue;
      }
      if (own.source === 'catalogue') continue;
      const type = guideType(own.type);
      if (!type) throw new Error(`gen-api-v2: ${specModel.model}.${key}: guide-only parameter of unknown type ${own.type}`);
      params[key] = { type, guideOnly: true };
    }
    if (guidances?.properties) {
      guidances.properties = Object.fromEntries(Object.entries(guidances.properties).sort(([a], [b]) => a.localeCompare(b)));
    }
    if (guidances?.required && guideSaysOptional(guideParams['guidances'])) delete guidances.required;
    // A parameter the spec requires but a model's own guide page (read in full) never mentions is
    // required by one source only: not required. Models without a guide keep the spec's word, and
    // `guidances` stays required while one of its kinds is.
    if (GUIDE_READ.has(guideModel.detailLevel)) {
      for (const [name, param] of Object.entries(params)) {
        if (!param.required || guideParams[name]) continue;
        const kindRequired = Object.values(param.properties ?? {}).some((kind) => kind.required);
        if (name !== 'guidances' || !kindRequired) delete param.required;
      }
    }

    // Sizes: the union of the spec's pair rules and the guide's pair list, when the spec has a pair rule.
    let sizes: V2Sizes | undefined;
    const notBoth: Array<[string, string]> = [];
    for (const rule of specModel.crossFieldRules ?? []) {
      if (rule.kind === 'sizePairs' || rule.kind === 'sizePairsOrZero') {
        sizes ??= { pairs: [] };
        for (const pair of rule.pairs ?? []) {
          if (!sizes.pairs.some(([w, h]) => w === pair[0] && h === pair[1])) sizes.pairs.push([pair[0], pair[1]]);
        }
        if (rule.zeroEitherSide) sizes.zeroEitherSide = true;
      } else if (rule.kind === 'notBoth') {
        for (const kind of rule.kinds ?? []) notBoth.push([kind, `guidances.${kind}`]);
      }
    }
    if (NO_FRAME_MIX.has(specModel.model)) {
      notBoth.push(['guidances.image_reference', 'guidances.start_frame'], ['guidances.image_reference', 'guidances.end_frame']);
    }
    const guideWidth = guideParams['width'];
    if (sizes && guideWidth?.pairs && guideWidth.source !== 'catalogue') {
      for (const pair of parsePairs(guideWidth.pairs)) {
        if (!sizes.pairs.some(([w, h]) => w === pair[0] && h === pair[1])) sizes.pairs.push(pair);
      }
    }
    if (sizes && ADVISORY_PAIRS.has(specModel.model)) sizes.advisory = true;

    const endpoints = ['/v2/generations'];
    if (specModel.syncVariant) endpoints.push('/v2/generationssync');
    const data: V2ModelData = {
      model: specModel.model,
      title: specModel.title,
      kind: specModel.kind,
      endpoints,
      source: guideModel.docSource.startsWith('doc:') ? sourceOf(guideModel.docSource) : specSrc,
      ...(specModel.additionalProperties === false ? { closed: true as const } : {}),
      params,
      ...(Object.keys(forbidden).length ? { forbidden } : {}),
      ...(sizes ? { sizes } : {}),
      ...(notBoth.length ? { notBoth } : {}),
    };
    models.push(data);
  }

  const specModels = new Set(models.map((m) => m.model));
  const retired: V2Retired[] = [];
  const guideOnlyModels: V2GuideOnlyModel[] = [];
  for (const m of guide.models) {
    if (specModels.has(m.model) || m.model.includes(' ')) continue; // ' (v1)' rows are v1 values
    if (m.status === 'retired') {
      const facts = RETIREMENTS[m.model];
      if (!facts) throw new Error(`gen-api-v2: no retirement date for ${m.model}`);
      retired.push({ model: m.model, ...facts, source: sourceOf(m.docSource) });
    } else {
      guideOnlyModels.push({ model: m.model, title: m.title, kind: m.kind, source: sourceOf(m.docSource) });
    }
  }
  retired.sort((a, b) => a.model.localeCompare(b.model));
  for (const [alias, target] of Object.entries(ALIASES)) {
    if (!specModels.has(target)) throw new Error(`gen-api-v2: alias ${alias} → unknown ${target}`);
  }

  const v1Models: Record<string, V1PlatformModel> = {};
  for (const m of [...v1.models].sort((a, b) => a.id.localeCompare(b.id))) {
    v1Models[m.id] = { name: m.name, ...(m.v2ModelString ? { v2: m.v2ModelString } : {}) };
  }

  const sortedStyleNames = Object.fromEntries(Object.entries(styleNames).sort(([a], [b]) => a.localeCompare(b)));
  const styleSets = Object.fromEntries([...STYLE_SETS_BY_ID].sort(([a], [b]) => a.localeCompare(b)));
  const shapes = shareShapes(models);
  const syncModels = models.filter((m) => m.endpoints.includes('/v2/generationssync')).map((m) => m.model);
  return {
    spec: specSrc,
    endpoints: spec.endpoints.map((e) => endpointOf(e, syncModels)),
    models,
    shapes,
    retired,
    guideOnlyModels,
    aliases: ALIASES,
    styleSets,
    styleNames: sortedStyleNames,
    v1Models,
  };
}

const OPERATIONS: readonly V2OperationId[] = ['createGeneration', 'createSyncGeneration', 'getModels'];

/**
 * A v2 endpoint as the spec states it: method, path, operation, whether it takes a body, its top-level
 * keys and, where the spec lists them, its models (which must be the models whose guides say sync).
 */
function endpointOf(e: SpecEndpoint, syncModels: readonly string[]): V2EndpointData {
  const operationId = OPERATIONS.find((o) => o === e.operationId);
  if (!operationId) throw new Error(`gen-api-v2: unknown v2 operation ${e.operationId}`);
  if (e.method !== 'GET' && e.method !== 'POST') throw new Error(`gen-api-v2: ${e.operationId} has method ${e.method}`);
  if (!e.path.startsWith('/api/rest/v2/')) throw new Error(`gen-api-v2: ${e.operationId} is at ${e.path}`);
  const listed = e.bodyTopLevel?.model?.enum;
  const only = Array.isArray(listed) ? listed.map(String) : undefined;
  if (only && [...only].sort().join() !== [...syncModels].sort().join()) {
    throw new Error(`gen-api-v2: ${e.operationId} lists ${only.join(', ')}, the guides' sync models are ${syncModels.join(', ')}`);
  }
  return {
    method: e.method,
    path: e.path.slice('/api/rest'.length),
    operationId,
    hasBody: e.requestBodyRequired === true,
    ...(only ? { models: [...syncModels] } : {}),
    topLevel: Object.keys(e.bodyTopLevel ?? {}),
  };
}

/** A subtree at least this long (as JSON) that occurs twice or more is written once, in `shapes`. */
const SHARE_ABOVE = 120;

/**
 * Writes each repeated parameter subtree once (`shapes`, referenced as `{"$ref": name}`): the same
 * image object, guidance kind and element item recur across dozens of models. Names are the property
 * name where a shape is first met (models sorted), with `#2`, `#3` for different shapes of one name.
 */
function shareShapes(models: V2ModelData[]): Record<string, V2Param> {
  const counts = new Map<string, number>();
  const count = (node: V2Param): void => {
    const key = JSON.stringify(node);
    counts.set(key, (counts.get(key) ?? 0) + 1);
    if (node.items) count(node.items);
    for (const child of Object.values(node.properties ?? {})) count(child);
  };
  for (const m of models) for (const p of Object.values(m.params)) count(p);

  const shapes: Record<string, V2Param> = {};
  const names = new Map<string, string>();
  const share = (node: V2Param, name: string): V2Param => {
    const key = JSON.stringify(node);
    const out: V2Param = { ...node };
    if (node.items) out.items = share(node.items, `${name}[]`);
    if (node.properties) out.properties = Object.fromEntries(Object.entries(node.properties).map(([k, v]) => [k, share(v, k)]));
    if ((counts.get(key) ?? 0) < 2 || key.length < SHARE_ABOVE) return out;
    let ref = names.get(key);
    if (!ref) {
      ref = name;
      for (let n = 2; ref in shapes; n++) ref = `${name}#${n}`;
      names.set(key, ref);
      shapes[ref] = out;
    }
    return { $ref: ref } as unknown as V2Param;
  };
  for (const m of models) m.params = Object.fromEntries(Object.entries(m.params).map(([k, v]) => [k, share(v, k)]));
  return Object.fromEntries(Object.entries(shapes).sort(([a], [b]) => a.localeCompare(b)));
}

/**
 * The committed file's exact text: indented JSON, with arrays of scalars and objects of scalars on
 * one line each (a size list or an enum is one line in a diff, and the file stays small).
 */
export function serializeV2Catalogue(data: V2CatalogueData): string {
  const flat = (value: unknown): boolean =>
    value === null || typeof value !== 'object' || (Array.isArray(value) && value.every((v) => v === null || typeof v !== 'object'));
  const write = (value: unknown, indent: string): string => {
    if (flat(value)) return JSON.stringify(value);
    const inner = `${indent}  `;
    if (Array.isArray(value)) {
      if (value.every(flat)) return JSON.stringify(value);
      return `[\n${value.map((v) => inner + write(v, inner)).join(',\n')}\n${indent}]`;
    }
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    if (entries.length === 0) return '{}';
    const oneLine = JSON.stringify(value);
    if (oneLine.length <= 100) return oneLine;
    return `{\n${entries.map(([k, v]) => `${inner}${JSON.stringify(k)}: ${write(v, inner)}`).join(',\n')}\n${indent}}`;
  };
  return `${write(data, '')}\n`;
}

if (require.main === module) {
  if (!existsSync(V2_REFERENCE_DIR)) {
    console.error(`gen-api-v2: the reference folder ${V2_REFERENCE_DIR} is absent`);
    process.exit(1);
  }
  const data = generateV2Catalogue();
  const text = serializeV2Catalogue(data);
  writeFileSync(V2_CATALOGUE_FILE, text);
  const params = data.models.reduce((sum, m) => sum + Object.keys(m.params).length, 0);
  console.log(`gen-api-v2: ${data.models.length} models, ${params} parameters, ${text.length} bytes → ${V2_CATALOGUE_FILE}`);
}
