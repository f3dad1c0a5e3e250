// The shape of the v2 catalogue: what scripts/gen-api-v2.ts writes to v2-catalogue.generated.json
// (facts only, with the trust policy already applied), and the accessor v2.ts builds over it.
//
// The v2 API (`POST /api/rest/v2/generations`, `/v2/generationssync`) takes
// `{"model": "<model string>", "parameters": {...}, "public": <bool>}`; each model has its own
// `parameters` schema. Two sources describe it: Leonardo's v2 OpenAPI ("the spec") and the model
// guide pages ("the guides"). The generator merges them so that every constraint written here is one
// that BOTH sources would reject when broken:
//   - an enum is the union of both sources' lists;
//   - a range (min/max, maxLength, maxItems) is the wider of the two; a bound only one source states
//     is kept only when the spec states it (the guides lag the spec); absurd spec maxima
//     (9007199254740991, JS Number.MAX_SAFE_INTEGER) are no bound;
//   - `required` only where the spec requires it and the guide does not say it is optional;
//   - a parameter only the guides document is known (`guideOnly`), so it is never an unknown field;
//   - rows of the reference comparison marked *silent* never produce a constraint here.
// A rule reading this file can therefore flag any violation it sees, at the severity the rule gives.

/** What a model produces. */
export type V2Kind = 'image' | 'video' | 'tool' | '3d' | 'audio';

/** JSON types a parameter may take (`integer`: a whole number). */
export type V2Type = 'string' | 'integer' | 'number' | 'boolean' | 'object' | 'array';

/** One parameter (or nested property / array item) of a model's `parameters`. */
export interface V2Param {
  type: V2Type;
  /** Both sources require it (a property of an object: see the parent's `properties`). */
  required?: true;
  /** Allowed values: the union of both sources. Strings match case-sensitively. */
  enum?: Array<string | number>;
  /** Inclusive bounds of a number (the wider of both sources). */
  min?: number;
  max?: number;
  /** The number must be a multiple of this (spec). */
  multipleOf?: number;
  /** String length bounds. */
  minLength?: number;
  maxLength?: number;
  /** Array length bounds (hard: both sources). */
  minItems?: number;
  maxItems?: number;
  /**
   * An array bound only the guides (and the spec's prose, not its schema) state, e.g. `style_ids`
   * "limited to 1 style": worth a warning, never an error.
   */
  softMaxItems?: number;
  /** The default the API applies when the parameter is omitted. */
  default?: unknown;
  /** `uuid` for ids (image ids, style ids, element `akUUID`s). */
  format?: 'uuid';
  /** Still accepted but marked deprecated (the video `mode` resolution tiers, legacy frame objects). */
  deprecated?: true;
  /** Only the guides document it (the spec does not declare it): known, never constrained. */
  guideOnly?: true;
  /** For `style_ids` items: the id of the style set in `V2CatalogueData.styleSets` (the allowed UUIDs). */
  styleSet?: string;
  /** Array item schema. */
  items?: V2Param;
  /** Object properties (guidance kinds, image objects, element items). */
  properties?: Record<string, V2Param>;
  /** The object takes no other keys (`additionalProperties: false`, e.g. 26 models' `guidances`). */
  closed?: true;
}

/** A parameter a model rejects although it is not in the spec: `mode` on gpt-image-1.5 since 2026-05-04. */
export interface V2Forbidden {
  /** What the docs say, short. */
  note: string;
  /** The date it started failing (YYYY-MM-DD), when the docs give one. */
  since?: string;
  /** The parameter to use instead (`quality`). */
  use?: string;
}

/** Allowed width × height pairs (when both are given). `0` means "auto/match the input". */
export interface V2Sizes {
  /** Every pair either source lists: a pair in neither is rejected (`[w, h]`). */
  pairs: Array<[number, number]>;
  /** Either side 0 is accepted whatever the other side. */
  zeroEitherSide?: true;
  /** The guide says the server does not validate pairs (nano-banana-2): a warning at most. */
  advisory?: true;
}

/** Where a model's facts come from: its guide page (or the spec when it has none) and that page's date. */
export interface V2Source {
  url: string;
  /** The page's own date (YYYY-MM-DD), when the copy read shows it. */
  updatedAt?: string;
  /** Otherwise the date the copy read was captured (YYYY-MM-DD), when known. */
  capturedAt?: string;
}

export interface V2ModelData {
  /** The exact model string (`gemini-image-2`, `bytedance/seedance-2.5`). */
  model: string;
  /** The product name (`Nano Banana Pro`). */
  title: string;
  kind: V2Kind;
  /** The endpoints that take it (`/v2/generations`; remove-bg also `/v2/generationssync`). */
  endpoints: string[];
  source: V2Source;
  /** `parameters` takes no other keys (remove-bg, rodin-v2, the 4 audio models): unknown = error. */
  closed?: true;
  /** Only these models' parameters are known; an unknown key elsewhere is a warning. */
  params: Record<string, V2Param>;
  /** Parameters the docs say fail for this model, keyed by name. */
  forbidden?: Record<string, V2Forbidden>;
  sizes?: V2Sizes;
  /**
   * Pairs of keys the model forbids together when both are sent non-empty: the legacy `start_frame`
   * with `guidances.start_frame` (spec), `guidances.image_reference` with a start or end frame on the
   * Kling 3.0/O1/O3 models (guides). Dotted paths under `parameters`.
   */
  notBoth?: Array<[string, string]>;
}

/** A model string that no longer works. */
export interface V2Retired {
  model: string;
  /** YYYY-MM-DD. */
  retiredOn: string;
  /** The string to use instead, when the docs name one. */
  successor?: string;
  source: V2Source;
}

/** A model string a guide documents but the spec does not list yet: known, never checked. */
export interface V2GuideOnlyModel {
  model: string;
  title: string;
  kind: V2Kind;
  source: V2Source;
}

/** A v1 platform model (its UUID is the v1 `modelId`). */
export interface V1PlatformModel {
  name: string;
  /** Its v2 successor model string, when there is one. */
  v2?: string;
}

/** The operations of the v2 spec, by their OpenAPI operation ids. */
export type V2OperationId = 'createGeneration' | 'createSyncGeneration' | 'getModels';

/** A v2 endpoint as the spec states it. */
export interface V2EndpointData {
  method: 'GET' | 'POST';
  /** The path under /api/rest (`/v2/generations`). */
  path: string;
  operationId: V2OperationId;
  /** The operation takes a JSON body (`{model, parameters, public}`). */
  hasBody: boolean;
  /** The only models the endpoint accepts, when the spec restricts them (the sync endpoint). */
  models?: string[];
  /** The keys the body's top level takes. */
  topLevel: string[];
}

/** The generated file. */
export interface V2CatalogueData {
  /** The spec's page and date. */
  spec: V2Source;
  /** `POST /api/rest/v2/generations`, `POST /api/rest/v2/generationssync`, `GET /api/rest/v2/models`. */
  endpoints: V2EndpointData[];
  /** The 79 models of the spec, sorted by model string. */
  models: V2ModelData[];
  /**
   * Parameter subtrees that recur across models (the image object, guidance kinds, element items),
   * written once. In the FILE any V2Param may be `{"$ref": "<name>"}` naming one of these; the
   * accessor (v2.ts) resolves them, so code using `getV2Catalogue()` never sees a `$ref`.
   */
  shapes: Record<string, V2Param>;
  retired: V2Retired[];
  guideOnlyModels: V2GuideOnlyModel[];
  /** Wrong strings seen in public code → the right model string (`nano-banana-pro` → `gemini-image-2`). */
  aliases: Record<string, string>;
  /** Style sets by id: the allowed style UUIDs (union of both sources). */
  styleSets: Record<string, string[]>;
  /** Style UUID → its name (from the guides; the 37 video styles have none). */
  styleNames: Record<string, string>;
  /** v1 platform model UUID → name and v2 successor. */
  v1Models: Record<string, V1PlatformModel>;
}
