// The v2 catalogue: v2-catalogue.generated.json (written by scripts/gen-api-v2.ts, trust policy already
// applied) loaded on first use, its shared shapes resolved, and indexed once per process.
//
// Loaded lazily: a process that never meets a v2 request (most CLI runs on v1 code, the server's
// start) never parses the file. The bundler keeps a `require` inside a function as a module that is
// evaluated on the first call.

import { foldName, nearestNames } from '../engine/fix/suggest.js';
import type { V1PlatformModel, V2CatalogueData, V2GuideOnlyModel, V2ModelData, V2Param, V2Retired } from './v2-types.js';

/** A model with its parameters resolved (no `$ref` left). Shared, read-only: never mutate. */
export type V2Model = Readonly<V2ModelData>;

/** Why `nearestModel` suggests a model string. */
export type V2SuggestionReason =
  /** Equal but for letter case (`GPT-Image-1.5`): certain, the preferred fix. */
  | 'case'
  /** A wrong string seen in public code (`nano-banana-pro` → `gemini-image-2`) or the model's title. */
  | 'alias'
  /** Near by spelling or edit distance (`gpt-image-1-5` → `gpt-image-1.5`). */
  | 'near';

export interface V2ModelSuggestion {
  model: string;
  reason: V2SuggestionReason;
}

export interface V2Catalogue {
  /** The 79 models, sorted by model string. */
  models(): readonly V2Model[];
  /** A model by its exact (case-sensitive) string; undefined for retired, guide-only and unknown strings. */
  model(name: string): V2Model | undefined;
  /** A retired model string (`sora-2`): its retirement date and successor. */
  retired(name: string): V2Retired | undefined;
  /** A string a guide documents but the spec does not list yet (`google/nano-banana-2.1`): never flagged. */
  guideOnlyModel(name: string): V2GuideOnlyModel | undefined;
  /**
   * Model strings to suggest for an unknown one, best first (at most 3): a case-only match, then a
   * known alias or a title (`Nano Banana Pro`), then near spellings. Empty when nothing is close.
   */
  nearestModel(name: string): V2ModelSuggestion[];
  /**
   * The model an unknown string certainly means (a case-only match, a known alias, a retired
   * model's successor or a title): `nearestModel`'s first suggestion when it is not a near spelling,
   * without the spelling search (a v1 `modelId` that is no UUID asks this on every analysis).
   */
  certainModel(name: string): string | undefined;
  /**
   * A parameter of a model by dotted path under `parameters`: `quantity`, `guidances.image_reference`,
   * `guidances.image_reference[].image.type` (`[]` steps into array items).
   */
  param(model: string | V2Model, path: string): V2Param | undefined;
  /** The UUIDs a `styleSet` id allows (empty for an unknown id). */
  styleSet(id: string): ReadonlySet<string>;
  /** A style UUID's name (`Dynamic`), from the guides; the video styles have none. */
  styleName(uuid: string): string | undefined;
  /** A v1 platform model by its UUID (the v1 `modelId`): its name and v2 successor. */
  v1Model(uuid: string): V1PlatformModel | undefined;
  /**
   * The v1 platform models a name written for a `modelId` names (`Phoenix`, `Leonardo Phoenix 1.0`,
   * `kino xl`): its words start the model's name, with or without the leading "Leonardo". Best first
   * (an exact name before a prefix), at most 3.
   */
  v1ModelsNamed(name: string): Array<{ uuid: string; model: V1PlatformModel }>;
  /** Every UUID the catalogue names (style UUIDs, v1 platform model ids): public, never a secret. */
  publicIds(): readonly string[];
  /** The v2 endpoints: path under /api/rest (`/v2/generations`), method, the top-level keys they take. */
  readonly endpoints: V2CatalogueData['endpoints'];
  /** The spec's page and date. */
  readonly spec: V2CatalogueData['spec'];
}

type Ref = { $ref: string };
const isRef = (value: unknown): value is Ref => typeof value === 'object' && value !== null && '$ref' in value;

/** Replace every `{"$ref": name}` by its shape (resolved once, shared). */
function resolveShapes(data: V2CatalogueData): void {
  const done = new Map<string, V2Param>();
  const shape = (name: string): V2Param => {
    let found = done.get(name);
    if (!found) {
      const raw = data.shapes[name];
      if (!raw) throw new Error(`v2 catalogue: unknown shape ${name}`);
      found = resolve(raw);
      done.set(name, found);
    }
    return found;
  };
  const resolve = (param: V2Param): V2Param => {
    if (isRef(param)) return shape(param.$ref);
    if (param.items) param.items = resolve(param.items);
    if (param.properties) for (const [key, value] of Object.entries(param.properties)) param.properties[key] = resolve(value);
    return param;
  };
  for (const model of data.models) for (const [key, value] of Object.entries(model.params)) model.params[key] = resolve(value);
}

/** Build the accessor over generated data (exported for tests with their own data). */
export function buildV2Catalogue(data: V2CatalogueData): V2Catalogue {
  resolveShapes(data);
  const byName = new Map(data.models.map((m) => [m.model, m]));
  const byLower = new Map(data.models.map((m) => [m.model.toLowerCase(), m.model]));
  const retired = new Map(data.retired.map((r) => [r.model, r]));
  const guideOnly = new Map(data.guideOnlyModels.map((m) => [m.model, m]));
  const byTitle = new Map(data.models.map((m) => [foldName(m.title), m.model]));
  const styleSets = new Map(Object.entries(data.styleSets).map(([id, uuids]) => [id, new Set(uuids)]));
  const empty: ReadonlySet<string> = new Set();
  const names = data.models.map((m) => m.model);
  let modelWords: ModelWords[] | undefined;

  const param = (model: string | V2Model, path: string): V2Param | undefined => {
    const found = typeof model === 'string' ? byName.get(model) : model;
    if (!found) return undefined;
    let current: V2Param | undefined = { type: 'object', properties: found.params };
    for (const step of path.split('.')) {
      const arrays = /(\[\])*$/.exec(step)![0].length / 2;
      current = current?.properties?.[step.slice(0, step.length - arrays * 2)];
      for (let i = 0; i < arrays; i++) current = current?.items;
      if (!current) return undefined;
    }
    return current;
  };

  const add = (out: V2ModelSuggestion[], name: string, model: string | undefined, reason: V2SuggestionReason) => {
    if (model && model !== name && !out.some((s) => s.model === model)) out.push({ model, reason });
  };
  /** The suggestions that are certain (case, alias, successor, title), in that order. */
  const certainModels = (name: string): V2ModelSuggestion[] => {
    const out: V2ModelSuggestion[] = [];
    add(out, name, byLower.get(name.toLowerCase()), 'case');
    add(out, name, data.aliases[name], 'alias');
    add(out, name, retired.get(name)?.successor, 'alias');
    add(out, name, byTitle.get(foldName(name)), 'alias');
    return out;
  };

  return {
    models: () => data.models,
    model: (name) => byName.get(name),
    retired: (name) => retired.get(name),
    guideOnlyModel: (name) => guideOnly.get(name),
    nearestModel: (name) => {
      if (byName.has(name)) return [];
      const out = certainModels(name);
      for (const near of nearestNames(name, names)) add(out, name, near, 'near');
      return out.slice(0, 3);
    },
    certainModel: (name) => (byName.has(name) ? undefined : certainModels(name)[0]?.model),
    param,
    styleSet: (id) => styleSets.get(id) ?? empty,
    styleName: (uuid) => data.styleNames[uuid],
    v1Model: (uuid) => data.v1Models[uuid.toLowerCase()],
    v1ModelsNamed: (name) => v1ModelsNamed((modelWords ??= modelWordsOf(data.v1Models)), name),
    publicIds: () => [...Object.values(data.styleSets).flat(), ...Object.keys(data.styleNames), ...Object.keys(data.v1Models)],
    endpoints: data.endpoints,
    spec: data.spec,
  };
}

let catalogue: V2Catalogue | undefined;

/** The v2 catalogue, loaded and indexed on first use, once per process. */
export function getV2Catalogue(): V2Catalogue {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- lazy: see the header
  catalogue ??= buildV2Catalogue(require('./v2-catalogue.generated.json') as V2CatalogueData);
  return catalogue;
}

/** The words of a model name, for matching (`Leonardo Phoenix 1.0` → `leonardo`, `phoenix`, `1.0`). */
function nameWords(name: string): string[] {
  return name.toLowerCase().split(/[\s_-]+/).filter((w) => w !== '');
}

/** Each v1 platform model with the word lists its name is matched by (with and without `Leonardo`). */
interface ModelWords {
  uuid: string;
  model: V1PlatformModel;
  candidates: string[][];
}

function modelWordsOf(models: Record<string, V1PlatformModel>): ModelWords[] {
  return Object.entries(models).map(([uuid, model]) => {
    const words = nameWords(model.name);
    return { uuid, model, candidates: words[0] === 'leonardo' ? [words, words.slice(1)] : [words] };
  });
}

function v1ModelsNamed(models: readonly ModelWords[], name: string): Array<{ uuid: string; model: V1PlatformModel }> {
  const given = nameWords(name);
  if (given.length === 0 || given.join('').length < 3) return [];
  const scored: Array<{ uuid: string; model: V1PlatformModel; exact: boolean }> = [];
  for (const { uuid, model, candidates } of models) {
    for (const candidate of candidates) {
      if (given.length > candidate.length || !given.every((w, i) => w === candidate[i])) continue;
      scored.push({ uuid, model, exact: given.length === candidate.length });
      break;
    }
  }
  scored.sort((a, b) => Number(b.exact) - Number(a.exact) || b.model.name.localeCompare(a.model.name));
  return scored.slice(0, 3).map(({ uuid, model }) => ({ uuid, model }));
}
