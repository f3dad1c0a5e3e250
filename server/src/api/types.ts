// The shape of the API catalogue: what the generator (scripts/gen-api.ts) writes to
// catalogue.generated.json, and what the overlay (overlay.ts) adds to it.

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** JSON types a field may take. `integer` is a number with `.int()` in the SDK's zod schema. */
export type FieldType = 'string' | 'integer' | 'number' | 'boolean' | 'object' | 'array';

export interface FieldSpec {
  /** Name on the wire (raw HTTP bodies, JSON files, curl). */
  wire: string;
  /** Name in an `@leonardo-ai/sdk` call (camelCase; equal to `wire` for most fields). */
  sdk: string;
  /** One type, or several for unions (`string` or `array` for blueprint `value`). */
  types: FieldType[];
  /** Element spec for arrays. */
  items?: FieldSpec;
  /** Member specs for objects (and for array items that are objects, via `items.fields`). */
  fields?: FieldSpec[];
  /** Formal enum values (zod native enums). */
  enum?: string[];
  nullable: boolean;
  /** The API's requirement (the spec's `required`, which wins over the SDK's defaults). */
  required: boolean;
  /** The default the SDK sends when the caller omits the field. */
  sdkDefault?: unknown;
  /** True when the SDK serialises the field even when the caller omits it. */
  sdkAlwaysSent: boolean;
  deprecated: boolean;
  description?: string;
}

export type EndpointStatus = 'current' | 'sdk-only' | 'spec-only' | 'removed';

export interface EndpointSpec {
  method: HttpMethod;
  /** Path under /api/rest/v1 with `{param}` templates, e.g. `/generations/{id}`. */
  path: string;
  operationId: string;
  /** The SDK namespace and method (`image`, `createGeneration`), when the SDK generates the operation. */
  sdkNamespace?: string;
  sdkMethod?: string;
  summary?: string;
  /** True when the operation takes a JSON body. */
  hasBody: boolean;
  bodyRequired: boolean;
  /** Top-level body fields (empty when `hasBody` is false). */
  fields: FieldSpec[];
  status: EndpointStatus;
}

/** The generated file: everything the SDK says, nothing hand-written. */
export interface GeneratedCatalogue {
  sdkVersion: string;
  endpoints: EndpointSpec[];
  /** Response shapes by operationId (issue 5): wire names, nested. */
  responses?: Record<string, FieldSpec[]>;
  /** The SDK's enums by `<folder>.<name>` (`shared.SdVersions`): member name → the value it sends. */
  sdkEnums?: Record<string, Record<string, string>>;
}

/** Facts that exist only in prose, added by the hand-written overlay (overlay.ts). */
export interface FieldConstraints {
  min?: number;
  max?: number;
  /** Numbers must be a multiple of this (width/height: 8). */
  multipleOf?: number;
  /** A discrete set of allowed values stated in prose (photoRealStrength 0.55/0.5/0.45, extension png/jpg/...). */
  allowed?: Array<number | string>;
  /** Where the fact comes from (a doc page or the SDK description), for hovers and reviewers. */
  source?: string;
}

/** A catalogue field after the overlay is merged in: what rules, hovers and completion read. */
export interface Field extends Omit<FieldSpec, 'items' | 'fields'> {
  items?: Field;
  fields?: Field[];
  constraints: FieldConstraints;
  /** Dotted path from the body root, `[]` for array items: `controlnets[].strengthType`. */
  path: string;
  /** Fields accepted by the API although the spec lacks them (`styleUUID`), with their source. */
  extra?: string;
}

export interface Endpoint extends Omit<EndpointSpec, 'fields'> {
  fields: Field[];
  /** Link to the operation's page on docs.leonardo.ai. */
  docsUrl: string;
  /** For removed endpoints: what the message should say. */
  removedNote?: string;
  /** The 200 response body's fields (wire names, nested), when the SDK knows them. */
  response?: Field[];
}

/** A path matched against the catalogue. */
export interface EndpointMatch {
  endpoint: Endpoint;
  /** Values of `{param}` segments. */
  params: Record<string, string>;
}

/** The merged catalogue (generated data + overlay), built once at start-up with indexes. */
export interface Catalogue {
  readonly sdkVersion: string;
  readonly endpoints: readonly Endpoint[];
  /** Exact method + path (path may contain concrete ids or `{param}` / `${...}` placeholders). */
  match(method: string, path: string): EndpointMatch | undefined;
  /** Every endpoint whose path template matches, whatever the method. */
  matchPath(path: string): Endpoint[];
  /** The SDK operation by method name (`createGeneration`), optionally with its namespace (`image`). */
  bySdkMethod(method: string, namespace?: string): Endpoint | undefined;
  byOperationId(operationId: string): Endpoint | undefined;
  /** Field lookup by wire name (or SDK name) in a list of fields. */
  field(fields: readonly Field[], name: string, naming: Naming): Field | undefined;
}

/** Which names a body uses: raw HTTP (wire names) or an SDK call (SDK names). */
export type Naming = 'wire' | 'sdk';
