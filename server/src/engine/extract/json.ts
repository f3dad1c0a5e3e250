// JSON / JSONC request files. A JSON file is a Leonardo request body when:
//   1. its first line is a comment naming the endpoint (`// POST /generations`), or
//   2. a `requestFiles` glob of the configuration maps it to an endpoint, or
//   3. its keys clearly match one endpoint (for `*.leonardo.json` files, and for other JSON files that
//      carry Leonardo-specific keys), or
//   4. it is a `*.leonardo.json` file whose top level has `model` and a `parameters` object: a v2 body
//      (POST /v2/generations; /v2/generationssync for a remove-bg body with the sync-only `ephemeral`
//      or `base64`). Other JSON files with those two keys are not inferred: other providers' bodies
//      look alike.
// Anything else (package.json, tsconfig.json, fixtures of other APIs) yields no request.

import * as path from 'node:path';
import type { Catalogue, Endpoint } from '../../api/types.js';
import type { LintConfig } from '../config/lint-config.js';
import { compileGlob } from '../config/glob.js';
import type { LintDocument, ObjectValue, RequestSite, Span } from '../types.js';
import type { Extraction } from './index.js';
import { parseJsonValue } from './json-values.js';
import { perObject } from '../per-object.js';
import { nearestNames } from '../fix/suggest.js';
import { LEONARDO_HOST, parseEndpointRef, type EndpointRef } from './leonardo-url.js';

/** What hover and completion need from a JSON request file. */
export interface JsonParsed {
  kind: 'json';
  /**
   * A `*.leonardo.json` file whose endpoint could not be told (no comment, no `requestFiles` entry, keys
   * that match no one endpoint even allowing misspellings): `unknown-endpoint` gives it one note, so a
   * file the user named as a request is never skipped in silence. Where the note sits.
   */
  unidentified?: Span;
}

function isLeonardoJsonName(filePath: string): boolean {
  // By the name's end: a regular expression tried at every position of the path cost more, per file.
  const end = filePath.length - ((filePath.charCodeAt(filePath.length - 1) | 32) === 99 /* c */ ? 1 : 0);
  if (end < LEONARDO_JSON.length) return false;
  // (Compared a character at a time, in lower case: no slice of the path is made.)
  for (let i = 0, at = end - LEONARDO_JSON.length; i < LEONARDO_JSON.length; i++, at++) {
    const c = filePath.charCodeAt(at);
    if ((c >= 65 && c <= 90 ? c | 32 : c) !== LEONARDO_JSON.charCodeAt(i)) return false;
  }
  return true;
}
const LEONARDO_JSON = '.leonardo.json';

export function extractFromJson(doc: LintDocument, catalogue: Catalogue, config: LintConfig): Extraction {
  const named = isLeonardoJsonName(doc.path);
  const comment = firstLineEndpoint(doc.text);
  const configured = comment ? undefined : configuredEndpoint(doc.path, config);
  if (!named && !comment && !configured && !hasLeonardoMarkers(doc.text, catalogue)) return { requests: [] };

  const parsed = parseJsonValue(doc.text, { allowComments: true, allowTrailingComma: false });
  const body = parsed.value;
  const explicit = comment ?? configured;
  if (!explicit && (!body || body.kind !== 'object')) {
    // A named file whose body is not an object is not judged, but it is not passed over in silence (an
    // empty one, just created, is: there is nothing in it yet).
    return named && body !== undefined && body.kind !== 'array' ? unidentified(body.span) : { requests: [] };
  }

  const site: RequestSite = {
    source: 'json-file',
    naming: 'wire',
    span: { start: 0, end: doc.text.length },
    body,
    jsonErrors: parsed.errors.length > 0 ? parsed.errors : undefined,
  };
  if (explicit) {
    applyRef(site, explicit.ref, explicit.offset, catalogue);
    return { requests: [site], parsed: { kind: 'json' } satisfies JsonParsed };
  }
  const v2 = named ? v2BodyRef(body as ObjectValue) : undefined;
  if (v2) {
    applyRef(site, v2, -1, catalogue);
    return { requests: [site], parsed: { kind: 'json' } satisfies JsonParsed };
  }
  const object = body as ObjectValue;
  const inferred = inferEndpoint(object, catalogue, named) ?? (named ? inferEndpointAllowingTypos(object, catalogue) : undefined);
  if (!inferred) return named ? unidentified(object.openBrace) : { requests: [] };
  site.method = inferred.method;
  site.endpoint = inferred;
  return { requests: [site], parsed: { kind: 'json' } satisfies JsonParsed };
}

function unidentified(span: Span): Extraction {
  return { requests: [], parsed: { kind: 'json', unidentified: span } satisfies JsonParsed };
}

interface LocatedRef {
  ref: EndpointRef;
  /** Offset of the reference text in the document (for method and path spans), or -1 if not in it. */
  offset: number;
}

function applyRef(site: RequestSite, ref: EndpointRef, offset: number, catalogue: Catalogue): void {
  site.method = ref.method;
  const inDoc = offset >= 0;
  if (inDoc) site.methodSpan = spanOf(offset + ref.methodOffset, ref.method.length);
  const pathSpan: Span | undefined = inDoc ? spanOf(offset + ref.pathOffset, ref.path.length) : undefined;
  site.url = {
    text: `https://${ref.host}/api/rest/${ref.apiVersion}${ref.path}`,
    span: pathSpan ?? { start: 0, end: 0 },
    host: ref.host,
    path: ref.path,
    apiVersion: ref.apiVersion,
    pathSpan,
  };
  if (ref.apiVersion === 'v1' && ref.host === LEONARDO_HOST) site.endpoint = endpointOf(ref, catalogue);
}

/**
 * The catalogue's endpoint for a ref, once per ref: a configuration's `requestFiles` refs are parsed
 * once (requestFileRules) and name the endpoint of every file they match.
 */
const endpointsOfRefs = perObject((catalogue: Catalogue) => perObject((ref: EndpointRef) => catalogue.match(ref.method, ref.path)?.endpoint));

function endpointOf(ref: EndpointRef, catalogue: Catalogue): Endpoint | undefined {
  return endpointsOfRefs(catalogue)(ref);
}

function spanOf(start: number, length: number): Span {
  return { start, end: start + length };
}

/** `// POST /generations` on the first line (after a BOM and blank lines). */
function firstLineEndpoint(text: string): LocatedRef | undefined {
  const m = /^\uFEFF?\s*\/\/([^\r\n]*)/.exec(text);
  if (!m) return undefined;
  const ref = parseEndpointRef(m[1]);
  return ref ? { ref, offset: m.index + m[0].length - m[1].length } : undefined;
}

/** The compiled `requestFiles` of a configuration, in order: its globs' matchers and parsed endpoints. */
const compiledRequestFiles = new WeakMap<Record<string, string>, Array<{ matches: (p: string) => boolean; ref: EndpointRef | undefined }>>();

function requestFileRules(requestFiles: Record<string, string>) {
  let rules = compiledRequestFiles.get(requestFiles);
  if (!rules) {
    rules = Object.entries(requestFiles).map(([glob, endpoint]) => ({
      matches: requestFileMatcher(glob),
      ref: parseEndpointRef(endpoint),
    }));
    compiledRequestFiles.set(requestFiles, rules);
  }
  return rules;
}

/** A glob from the configuration, matched in bounded time (glob.ts); a glob it refuses matches nothing. */
function requestFileMatcher(glob: string): (p: string) => boolean {
  try {
    return compileGlob(glob, { basename: !glob.includes('/') });
  } catch {
    return () => false; // a config file's globs were checked when it was read; settings' are not
  }
}

function configuredEndpoint(filePath: string, config: LintConfig): LocatedRef | undefined {
  if (!config.requestFiles || !filePath) return undefined;
  const base = config.baseDir;
  let relative = filePath;
  if (base && path.isAbsolute(filePath)) {
    // Inside the base folder, written plainly (no `.`, `..` or empty segment for path.relative to
    // resolve), the relative path is the rest of the path.
    const prefix = folderPrefix(base);
    // Only the part past the base is looked at (from the base's own trailing separator on).
    const rest = prefix.length - 1;
    const plain = filePath.startsWith(prefix) && filePath.indexOf(DOT_SEGMENT, rest) < 0 && filePath.indexOf(EMPTY_SEGMENT, rest) < 0;
    relative = plain ? filePath.slice(prefix.length) : path.relative(base, filePath);
  }
  const candidate = path.sep === '/' ? relative : relative.split(path.sep).join('/');
  for (const { matches, ref } of requestFileRules(config.requestFiles)) {
    if (ref && matches(candidate)) return { ref, offset: -1 };
  }
  return undefined;
}

const DOT_SEGMENT = path.sep + '.';
const EMPTY_SEGMENT = path.sep + path.sep;

/** `base` with one trailing separator, made once per base: a string built per file is copied again by every comparison. */
function folderPrefix(base: string): string {
  if (base !== lastBase) {
    lastBase = base;
    lastPrefix = base.endsWith(path.sep) ? base : base + path.sep;
  }
  return lastPrefix;
}
let lastBase = '';
let lastPrefix = '';

// -- Inference -----------------------------------------------------------------------------------

/** The v2 endpoint a body `{model, parameters: {...}, ...}` goes to; undefined for any other body. */
function v2BodyRef(body: ObjectValue): EndpointRef | undefined {
  const value = (key: string) => body.properties.find((p) => p.key === key)?.value;
  if (!value('model') || value('parameters')?.kind !== 'object') return undefined;
  const model = value('model');
  const syncOnly = body.properties.some((p) => p.key === 'ephemeral' || p.key === 'base64');
  const sync = syncOnly && model?.kind === 'string' && model.value === 'remove-bg';
  return { method: 'POST', methodOffset: 0, path: sync ? '/generationssync' : '/generations', pathOffset: 0, apiVersion: 'v2', host: LEONARDO_HOST };
}

/** Field names too common to be evidence of a Leonardo request on their own. */
const GENERIC_KEYS = new Set(['prompt', 'name', 'description', 'id', 'width', 'height', 'seed', 'style', 'model', 'strength', 'resolution', 'duration', 'public', 'steps', 'guidance', 'elements']);

const markerCache = new WeakMap<Catalogue, RegExp>();

/** Cheap test before parsing: does the text mention a Leonardo-specific key as a JSON key? */
function hasLeonardoMarkers(text: string, catalogue: Catalogue): boolean {
  if (text.length > 512 * 1024) return false;
  let re = markerCache.get(catalogue);
  if (!re) {
    const names = new Set<string>();
    for (const e of catalogue.endpoints) {
      if (e.status === 'current') for (const f of e.fields) if (!GENERIC_KEYS.has(f.wire)) names.add(f.wire);
    }
    const alternatives = [...names].map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
    re = new RegExp(`"(?:${alternatives})"\\s*:`);
    markerCache.set(catalogue, re);
  }
  return re.test(text);
}

/** An endpoint's top-level wire names. Depends on the catalogue only: built once per endpoint, not per file. */
const WIRE_NAMES = new WeakMap<Endpoint, ReadonlySet<string>>();

function wireNames(endpoint: Endpoint): ReadonlySet<string> {
  let names = WIRE_NAMES.get(endpoint);
  if (!names) {
    names = new Set(endpoint.fields.map((f) => f.wire));
    WIRE_NAMES.set(endpoint, names);
  }
  return names;
}

/**
 * The endpoints a body may be sent to (with a body, not removed, not GET), in the catalogue's order,
 * and by each wire name the positions of those that know it: a body's keys are counted against the
 * endpoints that know them, where each endpoint was asked about every key (11% of a 1,000-file JSON
 * run's profile went to that).
 */
interface WireIndex {
  endpoints: readonly Endpoint[];
  byWire: ReadonlyMap<string, readonly number[]>;
  /** Per endpoint, the keys of the body being scored that it knows (zero between bodies). */
  scores: Int32Array;
}

const WIRE_INDEX = new WeakMap<Catalogue, WireIndex>();

function wireIndex(catalogue: Catalogue): WireIndex {
  let index = WIRE_INDEX.get(catalogue);
  if (!index) {
    const endpoints = catalogue.endpoints.filter((e) => e.hasBody && e.status !== 'removed' && e.method !== 'GET');
    const byWire = new Map<string, number[]>();
    endpoints.forEach((endpoint, position) => {
      for (const wire of wireNames(endpoint)) {
        const list = byWire.get(wire);
        if (list) list.push(position);
        else byWire.set(wire, [position]);
      }
    });
    index = { endpoints, byWire, scores: new Int32Array(endpoints.length) };
    WIRE_INDEX.set(catalogue, index);
  }
  return index;
}

/**
 * The endpoint whose body fields clearly match the object's keys: at least three keys known to it
 * and three quarters of all keys (two keys and half for `*.leonardo.json`), at least one Leonardo-specific
 * key, and strictly more matches than any other endpoint. Otherwise undefined: stay silent.
 */
function inferEndpoint(body: ObjectValue, catalogue: Catalogue, named: boolean): Endpoint | undefined {
  const keys = distinctKeys(body);
  if (keys.length === 0) return undefined;
  const { endpoints, byWire, scores } = wireIndex(catalogue);
  for (const key of keys) {
    const known = byWire.get(key);
    if (known) for (const position of known) scores[position]++;
  }
  // The first endpoint with the most keys, unless another has as many (every score is set back to zero).
  let best: Endpoint | undefined;
  let bestScore = 0;
  let tie = false;
  for (let position = 0; position < endpoints.length; position++) {
    const score = scores[position];
    if (score === 0) continue;
    scores[position] = 0;
    if (score > bestScore) {
      best = endpoints[position];
      bestScore = score;
      tie = false;
    } else if (score === bestScore) {
      tie = true;
    }
  }
  if (!best || tie) return undefined;
  const minimum = named ? 2 : 3;
  const known = wireNames(best);
  const specific = keys.some((k) => !GENERIC_KEYS.has(k) && known.has(k));
  const share = named ? 0.5 : 0.75;
  if (bestScore < minimum || bestScore < keys.length * share || !specific) return undefined;
  return best;
}

/** An object's keys, each once, in order (a request body's list is short: no set is made for one). */
function distinctKeys(body: ObjectValue): string[] {
  const properties = body.properties;
  if (properties.length > 32) return [...new Set(properties.map((p) => p.key))];
  const keys: string[] = [];
  for (const property of properties) if (!keys.includes(property.key)) keys.push(property.key);
  return keys;
}

/** How many keys the misspelling-tolerant inference looks at: a request body has a few dozen at most. */
const MAX_KEYS_FOR_TYPOS = 64;

/**
 * For a `*.leonardo.json` file whose keys match no endpoint as written: the endpoint its keys most nearly
 * match, a misspelt key (`promt`) counting for the field it is nearest to. The same bar as for the named
 * file's exact inference (two keys, half of all, one Leonardo-specific), and one endpoint strictly ahead
 * of every other (on matches, then on exact matches); otherwise undefined, and the file gets a note.
 */
function inferEndpointAllowingTypos(body: ObjectValue, catalogue: Catalogue): Endpoint | undefined {
  const keys = distinctKeys(body);
  if (keys.length === 0 || keys.length > MAX_KEYS_FOR_TYPOS) return undefined;
  let best: { endpoint: Endpoint; score: number; exact: number; specific: boolean } | undefined;
  let tie = false;
  for (const endpoint of catalogue.endpoints) {
    if (!endpoint.hasBody || endpoint.status === 'removed' || endpoint.method === 'GET') continue;
    const known = wireNames(endpoint);
    let score = 0;
    let exact = 0;
    let specific = false;
    for (const key of keys) {
      const field = known.has(key) ? key : nearestNames(key, known, { limit: 1 })[0];
      if (field === undefined) continue;
      score++;
      if (field === key) exact++;
      if (!GENERIC_KEYS.has(field)) specific = true;
    }
    if (score === 0) continue;
    const ahead = !best || score > best.score || (score === best.score && exact > best.exact);
    if (ahead) {
      best = { endpoint, score, exact, specific };
      tie = false;
    } else if (score === best!.score && exact === best!.exact) {
      tie = true;
    }
  }
  if (!best || tie || !best.specific || best.score < 2 || best.score < keys.length * 0.5) return undefined;
  return best.endpoint;
}
