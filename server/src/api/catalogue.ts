// The API catalogue: catalogue.generated.json (what the pinned SDK says) merged once with the
// hand-written overlay (ranges from prose, spec-only operations, required overrides), with the
// indexes rules, hovers and completion look things up by.

import generatedJson from './catalogue.generated.json';
import { matchPathTemplate, normalizePath, type PathSegment, type PathTemplate, parseTemplate } from './paths.js';
import { overlay as defaultOverlay, type Overlay } from './overlay.js';
import type {
  Catalogue,
  Endpoint,
  EndpointMatch,
  EndpointSpec,
  Field,
  FieldSpec,
  GeneratedCatalogue,
  Naming,
} from './types.js';

const DOCS_BASE = 'https://docs.leonardo.ai/reference/';

function toField(spec: FieldSpec, path: string): Field {
  const { items, fields, ...rest } = spec;
  // Built by assignment, not `{ ...rest, … }` (ARCHITECTURE.md, "Performance"); the keys keep that order.
  const field = Object.assign({}, rest) as Field;
  if (items) field.items = toField(items, `${path}[]`);
  if (fields) field.fields = fields.map((f) => toField(f, `${path}.${f.wire}`.replace(/^\./, '')));
  field.constraints = {};
  field.path = path;
  return field;
}

/** Every field of a tree by its dotted wire path. */
function fieldsByPath(fields: readonly Field[], out = new Map<string, Field>()): Map<string, Field> {
  for (const field of fields) {
    out.set(field.path, field);
    if (field.fields) fieldsByPath(field.fields, out);
    if (field.items) {
      out.set(field.items.path, field.items);
      if (field.items.fields) fieldsByPath(field.items.fields, out);
    }
  }
  return out;
}

function toEndpoint(spec: EndpointSpec, response?: readonly FieldSpec[], removedNote?: string): Endpoint {
  const endpoint = Object.assign({}, spec, {
    fields: spec.fields.map((f) => toField(f, f.wire)),
    docsUrl: `${DOCS_BASE}${spec.operationId.toLowerCase()}`,
  }) as Endpoint;
  if (removedNote) endpoint.removedNote = removedNote;
  if (response) endpoint.response = response.map((f) => toField(f, f.wire));
  return endpoint;
}

/** Generated endpoints plus the overlay's, with the overlay's facts applied. Throws on a stale overlay path. */
export function mergeCatalogue(generated: GeneratedCatalogue, overlay: Overlay): Endpoint[] {
  const endpoints = [
    ...generated.endpoints.map((spec) => toEndpoint(spec, generated.responses?.[spec.operationId])),
    ...overlay.endpoints.map(({ source: _source, removedNote, ...spec }) => toEndpoint(spec, undefined, removedNote)),
  ];
  const byId = new Map(endpoints.map((e) => [e.operationId, e]));
  const endpointFor = (operationId: string): Endpoint => {
    const endpoint = byId.get(operationId);
    if (!endpoint) throw new Error(`overlay: unknown operationId ${operationId}`);
    return endpoint;
  };
  const fieldAt = (operationId: string, path: string): Field => {
    const field = fieldsByPath(endpointFor(operationId).fields).get(path);
    if (!field) throw new Error(`overlay: ${operationId} has no field ${path}`);
    return field;
  };

  for (const [operationId, patches] of Object.entries(overlay.constraints)) {
    for (const [path, patch] of Object.entries(patches)) fieldAt(operationId, path).constraints = { ...patch };
  }
  for (const [operationId, paths] of Object.entries(overlay.required)) {
    for (const path of Object.keys(paths)) fieldAt(operationId, path).required = true;
  }
  for (const [operationId, extras] of Object.entries(overlay.extraFields)) {
    const endpoint = endpointFor(operationId);
    for (const { extra, under, ...spec } of extras) {
      if (under === undefined) {
        endpoint.fields.push(Object.assign({}, toField(spec, spec.wire), { extra }));
        continue;
      }
      // A field of a nested object, or of each object of a list (`controlnets[]`).
      const holder = fieldAt(operationId, under);
      holder.fields = [...(holder.fields ?? []), Object.assign({}, toField(spec, `${under}.${spec.wire}`), { extra })];
    }
  }
  for (const [operationId, { status }] of Object.entries(overlay.status)) endpointFor(operationId).status = status;
  return endpoints;
}

/** Build a Catalogue over merged endpoints: the indexes and the look-ups. */
function buildCatalogue(sdkVersion: string, endpoints: readonly Endpoint[]): Catalogue {
  const templates: Array<{ template: PathTemplate; endpoints: Endpoint[] }> = [];
  const byTemplate = new Map<string, Endpoint[]>();
  const byMethodPath = new Map<string, Endpoint>();
  const byOperationId = new Map<string, Endpoint>();
  const bySdk = new Map<string, Endpoint[]>();
  for (const endpoint of endpoints) {
    let group = byTemplate.get(endpoint.path);
    if (!group) {
      group = [];
      byTemplate.set(endpoint.path, group);
      templates.push({ template: parseTemplate(endpoint.path), endpoints: group });
    }
    group.push(endpoint);
    byMethodPath.set(`${endpoint.method} ${endpoint.path}`, endpoint);
    byOperationId.set(endpoint.operationId, endpoint);
    if (endpoint.sdkMethod) bySdk.set(endpoint.sdkMethod, [...(bySdk.get(endpoint.sdkMethod) ?? []), endpoint]);
  }

  const fieldIndex = new WeakMap<readonly Field[], { wire: Map<string, Field>; sdk: Map<string, Field> }>();
  // The last list asked for, beside the WeakMap: the properties of one object ask with one list in a row.
  let lastFields: readonly Field[] | undefined;
  let lastIndex: { wire: Map<string, Field>; sdk: Map<string, Field> } | undefined;
  const indexOf = (fields: readonly Field[]) => {
    if (fields === lastFields) return lastIndex!;
    let index = fieldIndex.get(fields);
    if (!index) {
      index = { wire: new Map(fields.map((f) => [f.wire, f])), sdk: new Map(fields.map((f) => [f.sdk, f])) };
      fieldIndex.set(fields, index);
    }
    lastFields = fields;
    lastIndex = index;
    return index;
  };

  /** The endpoints of the most specific template matching the path, with its params. */
  const bestFor = (segments: readonly PathSegment[]) => {
    let best: { endpoints: Endpoint[]; params: Record<string, string>; score: number[]; template: PathTemplate } | undefined;
    for (const { template, endpoints: group } of templates) {
      const found = matchPathTemplate(template, segments);
      if (found && (!best || compareScores(found.score, best.score) > 0)) best = { endpoints: group, ...found, template };
    }
    return best;
  };
  const matches = new Map<string, EndpointMatch | null>();
  // A leading placeholder that leaves no match is a base URL (`${BASE_URL}/generations`): drop it.
  const bestPath = (path: string): { endpoints: Endpoint[]; params: Record<string, string> } | undefined => {
    let segments = normalizePath(path);
    let best = bestFor(segments);
    while (!best && segments.length > 1 && 'placeholder' in segments[0]) {
      segments = segments.slice(1);
      best = bestFor(segments);
    }
    return best && !truncated(segments, best.template) ? best : undefined;
  };
  /**
   * A path that is the start of a longer endpoint's, spelt out to a word of it where the match takes an id
   * (`/generations/user` of `/generations/user/{userId}`): that endpoint with its id left out, not
   * `/generations/{id}` with the word for an id.
   */
  const truncated = (segments: readonly PathSegment[], matched: PathTemplate): boolean =>
    templates.some(
      ({ template }) =>
        template.length > segments.length &&
        segments.some((segment, i) => 'param' in matched[i] && 'literal' in template[i] && 'value' in segment && segment.value === template[i].literal) &&
        segments.every((segment, i) => {
          const part = template[i];
          return 'literal' in part ? 'value' in segment && segment.value === part.literal : true;
        }),
    );

  return {
    sdkVersion,
    endpoints,
    match(method: string, path: string): EndpointMatch | undefined {
      // A thousand request files name a handful of endpoints: the path search is remembered, a
      // bounded number of paths at a time (paths come from documents, so there is no end to them).
      const key = `${method} ${path}`;
      let found = matches.get(key);
      if (found === undefined) {
        const best = bestPath(path);
        const upper = method.toUpperCase();
        const endpoint = best?.endpoints.find((e) => e.method === upper);
        found = endpoint ? { endpoint, params: best!.params } : null;
        if (matches.size >= MATCH_MEMO_SIZE) matches.clear();
        matches.set(key, found);
      }
      return found ? { endpoint: found.endpoint, params: { ...found.params } } : undefined;
    },
    matchPath(path: string): Endpoint[] {
      return [...(bestPath(path)?.endpoints ?? [])];
    },
    bySdkMethod(method: string, namespace?: string): Endpoint | undefined {
      return bySdk.get(method)?.find((e) => namespace === undefined || e.sdkNamespace === namespace);
    },
    byOperationId(operationId: string): Endpoint | undefined {
      return byOperationId.get(operationId);
    },
    field(fields: readonly Field[], name: string, naming: Naming): Field | undefined {
      return indexOf(fields)[naming].get(name);
    },
  };
}

/** Literal segments beat parameters, compared left to right (so `/variations/nobg` beats `/variations/{id}`). */
function compareScores(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i] - b[i];
  return a.length - b.length;
}

const MATCH_MEMO_SIZE = 512;

let memo: Catalogue | undefined;

/** The catalogue, merged and indexed on first use. */
export function getCatalogue(): Catalogue {
  if (!memo) {
    const generated = generatedJson as unknown as GeneratedCatalogue;
    memo = buildCatalogue(generated.sdkVersion, mergeCatalogue(generated, defaultOverlay));
  }
  return memo;
}
