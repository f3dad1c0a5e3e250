// unknown-field: a body key the endpoint does not accept. A raw request gets `Unexpected variable
// <name>` back; an SDK call drops the key silently. The message names the key that was meant.

import type { Catalogue, Endpoint, Field, Naming } from '../../api/types.js';
import { fitMessage, q } from '../messages.js';
import { perObject } from '../per-object.js';
import { ruleDocsUrl } from '../rule-docs.js';
import { choiceFixes, keyWrittenAsRead, removeProperty, renameKey } from '../fix/builders.js';
import { BodyFacts } from '../body/facts.js';
import { noEffect } from './ineffective-option.js';
import { caseOnlyMatches, camelToSnake, foldName, listOr, nearestNames, spellingMatches } from '../fix/suggest.js';
import type { Fix, LintDocument, Property, RequestSite, Rule, RuleContext, Span } from '../types.js';
import { endpointLabel, getProperty, nameFor, walkBodies, type PropertyVisit, type BodyVisitor } from '../body/walk.js';
import { checkUnknownFieldV2 } from '../v2/unknown-field.js';

const ID = 'unknown-field';

/**
 * Names the GET /generations/{id} response uses for request fields (wire names). Copying a
 * response into a new request sends these. The fold of the name finds the rest (`guidanceScale`).
 */
const RESPONSE_TO_REQUEST: Readonly<Record<string, string>> = {
  imageWidth: 'width',
  imageHeight: 'height',
  inferenceSteps: 'num_inference_steps',
};

/** The same setting under another endpoint's name (wire names), or the v2 API's. */
const OTHER_ENDPOINT_NAMES: Readonly<Record<string, string[]>> = {
  isPublic: ['public'],
  public: ['isPublic'],
  promptEnhance: ['enhancePrompt'],
  enhancePrompt: ['promptEnhance'],
  promptEnhanceInstruction: ['enhancePromptInstruction'],
  enhancePromptInstruction: ['promptEnhanceInstruction'],
  quantity: ['num_images'],
  style_ids: ['styleIds'],
};

/** Why a name is suggested; decides the wording of the message. */
type Reason = 'other-naming' | 'case' | 'spelling' | 'response' | 'other-endpoint' | 'near';

interface Suggestion {
  names: string[];
  reason: Reason;
  /** For `other-naming`: the field the key names in the other naming. */
  field?: Field;
}

export const rule: Rule = {
  meta: {
    id: ID,
    defaultSeverity: 'error',
    description: 'A body field the endpoint does not accept (the API answers `Unexpected variable <name>`).',
    docsUrl: ruleDocsUrl(ID),
    fixable: true,
    apiError: 'Unexpected variable <name>',
  },
  check(ctx) {
    walkBodies(ctx, VISITOR, ctx);
    checkUnknownFieldV2(ctx);
  },
};

/** What the rule does per body property (a module constant: see BodyVisitor). */
const VISITOR: BodyVisitor<RuleContext> = {
  property(visit, ctx) {
    if (visit.field || ignoredKey(visit) || typeScriptSaysIt(visit, ctx.document)) return;
    const { request, property } = visit;
    const suggestion = suggest(property.key, visit.siblings, request.naming, ctx.catalogue, request.endpoint!);
    const fixes = renameFixes(visit, suggestion, ctx.document.text);
    // The field meant would have no effect here (`sd_Version` beside a modelId): say so now, and offer
    // its removal beside the rename, so the rename does not merely uncover ineffective-option's finding.
    const ignored = fixes.length > 0 ? ignoredOnceRenamed(visit, suggestion, ctx.catalogue) : undefined;
    if (ignored) fixes.push({ title: `Remove ${q(property.key)}`, edits: [removeProperty(property)] });
    // Read field by field, not spread: a spread of the message's object costs more than the rest of the finding.
    const said = ignored ? { message: ignored, detail: undefined } : message(visit, suggestion);
    ctx.report({
      message: said.message,
      detail: said.detail,
      span: property.keySpan,
      fixes,
      endpoint: endpointLabel(request),
      apiError: request.naming === 'wire' ? `Unexpected variable ${property.key}` : undefined,
    });
  },
};

/** The suggestions that are certainly the field meant: the same words in other case or separators, or the other naming's name. */
const CERTAIN_REASONS: ReadonlySet<Reason> = new Set<Reason>(['other-naming', 'case', 'spelling']);

/**
 * A rename per suggestion. Preferred only for a certain suggestion (`sd_Version` → `sd_version`,
 * `numImages` → `num_images`), never for a nearest name or a response / other-endpoint name (guesses),
 * and never when the new name is already in the object (a duplicate). None for a key still being
 * typed: completion offers the names.
 */
function renameFixes({ property, object }: PropertyVisit, suggestion: Suggestion | undefined, text: string): Fix[] {
  const names = suggestion?.names ?? [];
  if (!renameable(property, text)) return [];
  const certain = suggestion !== undefined && CERTAIN_REASONS.has(suggestion.reason) && !names.some((name) => getProperty(object, name));
  const fixes = choiceFixes(names.map((name) => ({ title: `Rename to ${q(name)}`, edit: renameKey(property, name) })), certain);
  // Keys that a fix of the same pass may rename to the same name (`Prompt` and `PROMPT`): the rename
  // reads them, so `--fix` never applies both in one pass and writes the name twice.
  // (Loops, not closures made per call: see ARCHITECTURE.md, Performance.)
  const folded = names.map(foldName);
  const rivals: Span[] = [];
  for (const p of object.properties) if (p !== property && folded.includes(foldName(p.key))) rivals.push(p.keySpan);
  if (rivals.length > 0) for (const fix of fixes) fix.reads = rivals.slice();
  return fixes;
}

/**
 * The message for a key whose one suggested name would have no effect in this body (ineffective-option's
 * cases, judged on the top-level object's other fields); undefined otherwise.
 */
function ignoredOnceRenamed(visit: PropertyVisit, suggestion: Suggestion | undefined, catalogue: Catalogue): string | undefined {
  const { request, property, object, path } = visit;
  if (!suggestion || suggestion.names.length !== 1 || path !== property.key) return undefined;
  const name = suggestion.names[0];
  const field = visit.siblings.find((f) => nameFor(f, request.naming) === name);
  const why = field && noEffect(new BodyFacts(request, object, catalogue), field.wire);
  if (!why) return undefined;
  const misnamed = CERTAIN_REASONS.has(suggestion.reason) ? `should be ${q(name)}, which` : `is not a field; ${q(name)}, if meant,`;
  const full = `${q(property.key)} ${misnamed} has no effect ${why}: rename it, or remove it.`;
  // Long names: the condition goes (ineffective-option's page has it), the fix stays.
  return fitMessage(full, `${q(property.key)} ${misnamed} has no effect here: rename it, or remove it.`);
}

/**
 * Not a key without a value (`"wi"` being typed in a broken body), and a key written as it reads
 * (not `'wi⏎` without its closing quote, not `"g\neratedImageId"` with an escape in it).
 */
function renameable(property: Property, text: string): boolean {
  const { value } = property;
  if (value.kind === 'unknown' && value.span.start === value.span.end) return false;
  return keyWrittenAsRead(text, property);
}

/**
 * An SDK call's argument written as an object literal in a type-checked file (TypeScript, or JavaScript
 * under `// @ts-check`): the SDK's types make TypeScript report the key itself (ts2353/ts2561, with its
 * "Did you mean" and quick fix), so saying it twice adds nothing. A key TypeScript does not check (added
 * by `body.x = …`, a conditional spread, or a literal declared elsewhere and passed by name) is still
 * reported, and so is every key in a JavaScript file.
 */
function typeScriptSaysIt({ request, property }: PropertyVisit, document: LintDocument): boolean {
  if (request.source !== 'sdk' || property.assigned || property.conditional) return false;
  if (property.span.start < request.span.start || property.span.end > request.span.end) return false;
  return document.kind === 'typescript' || (document.kind === 'javascript' && hasTsCheck(document.text.slice(0, 2048)));
}

/**
 * `// @ts-check` before the code (TypeScript reads it only in a file's leading comments). A loop over
 * the leading comments, not one regular expression: comments in a row (an empty block comment
 * repeated) can be split in exponentially many ways by a pattern, and one did backtrack that long.
 */
function hasTsCheck(text: string): boolean {
  let at = 0;
  while (at < text.length) {
    if (/\s/.test(text[at])) at++;
    else if (text.startsWith('/*', at)) {
      const end = text.indexOf('*/', at + 2);
      if (end < 0) return false;
      at = end + 2;
    } else if (text.startsWith('//', at)) {
      if (/^\/\/\s*@ts-check\b/.test(text.slice(at))) return true;
      const end = text.indexOf('\n', at);
      if (end < 0) return false;
      at = end + 1;
    } else return false;
  }
  return false;
}

/** `$schema` at the top of a JSON request file is for the editor, not a field sent to the API. */
function ignoredKey(visit: PropertyVisit): boolean {
  return visit.request.source === 'json-file' && visit.path === '$schema';
}

function suggest(
  key: string,
  siblings: readonly Field[],
  naming: Naming,
  catalogue: Catalogue,
  endpoint: Endpoint,
): Suggestion | undefined {
  const { names, byOtherName } = namesOf(siblings, naming);
  const otherField = byOtherName.get(key);
  if (otherField) return { names: [nameFor(otherField, naming)], reason: 'other-naming', field: otherField };

  const tiers: Array<[Reason, () => string[]]> = [
    ['case', () => caseOnlyMatches(key, names)],
    ['spelling', () => spellingMatches(key, names)],
    ['response', () => responseMatches(key, siblings, naming, catalogue, endpoint)],
    ['other-endpoint', () => renamed(ownEntry(OTHER_ENDPOINT_NAMES, key) ?? [], siblings, naming)],
    ['near', () => nearestNames(key, names)],
  ];
  for (const [reason, find] of tiers) {
    const found = find();
    if (found.length > 0) return { names: found, reason };
  }
  return undefined;
}

/** A field list's names in a naming, and its fields by their name in the other naming (where it differs). */
interface Names {
  names: string[];
  byOtherName: Map<string, Field>;
}

/** Made once per list and naming. */
const fieldNames = { wire: perObject((fields: readonly Field[]) => namesIn(fields, 'wire')), sdk: perObject((fields: readonly Field[]) => namesIn(fields, 'sdk')) };

function namesOf(fields: readonly Field[], naming: Naming): Names {
  return fieldNames[naming](fields);
}

function namesIn(fields: readonly Field[], naming: Naming): Names {
  const other: Naming = naming === 'wire' ? 'sdk' : 'wire';
  const byOtherName = new Map<string, Field>();
  for (const f of fields) if (f.wire !== f.sdk && !byOtherName.has(nameFor(f, other))) byOtherName.set(nameFor(f, other), f);
  return { names: fields.map((f) => nameFor(f, naming)), byOtherName };
}

/** A table's own entry: a key from the document (`constructor`, `__proto__`) never reads Object.prototype. */
function ownEntry<T>(table: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}

/** Wire names → the names of those fields in this naming, for the ones the object accepts. */
function renamed(wireNames: readonly string[], siblings: readonly Field[], naming: Naming): string[] {
  return wireNames.flatMap((wire) => {
    const field = siblings.find((f) => f.wire === wire);
    return field ? [nameFor(field, naming)] : [];
  });
}

/** A response name copied into a request: `imageWidth` → `width`, `guidanceScale` → `guidance_scale`. */
function responseMatches(
  key: string,
  siblings: readonly Field[],
  naming: Naming,
  catalogue: Catalogue,
  endpoint: Endpoint,
): string[] {
  if (!isResponseName(key, catalogue, endpoint)) return [];
  const mapped = ownEntry(RESPONSE_TO_REQUEST, key);
  if (mapped) return renamed([mapped], siblings, naming);
  return renamed([camelToSnake(key)], siblings, naming);
}

/**
 * Whether `key` is a field of the response to GET /generations/{id} (when the catalogue knows
 * the response), or one of the known response names (when it does not). Only for POST /generations.
 */
function isResponseName(key: string, catalogue: Catalogue, endpoint: Endpoint): boolean {
  if (endpoint.operationId !== 'createGeneration') return false;
  const response = catalogue.byOperationId('getGenerationById')?.response;
  const generation = response?.find((f) => f.wire === 'generations_by_pk')?.fields;
  if (generation) return generation.some((f) => f.wire === key);
  return Object.hasOwn(RESPONSE_TO_REQUEST, key);
}

function message(visit: PropertyVisit, suggestion: Suggestion | undefined): { message: string; detail?: string } {
  const { request, property, path } = visit;
  const key = property.key;
  const parent = path.includes('.') ? `${path.slice(0, path.lastIndexOf('.'))} in ` : '';
  const where = `${parent}${describeTarget(request)}`;
  // The API's own answer (`Unexpected variable …`) is the finding's apiError; the SDK's silence is said here.
  const outcome = request.naming === 'wire' ? undefined : 'The SDK drops it silently, so the API never sees it.';
  const head = `${q(key)} is not a field of ${where}`;
  const short = `${q(key)} is not a field here`;
  const worded = (fix: string, extra?: string) => ({
    message: fitMessage(`${head}: ${fix}`, `${short}: ${fix}`),
    detail: [outcome, extra].filter(Boolean).join(' ') || undefined,
  });
  if (!suggestion) return { message: fitMessage(`${head}.`, `${short}.`), detail: outcome };
  const quoted = suggestion.names.map(q);
  const first = quoted[0];
  switch (suggestion.reason) {
    case 'other-naming':
      return otherNaming(visit, suggestion.field!, outcome);
    case 'case':
      return worded(`use ${first} (field names are case-sensitive).`);
    case 'spelling':
      return worded(`did you mean ${first}?`);
    case 'response':
      return worded(`use ${first}.`, `\`${key}\` is the name in the GET /generations/{id} response.`);
    case 'other-endpoint':
      return worded(`here the setting is ${first}.`, `Other endpoints call this setting \`${key}\`.`);
    case 'near':
      return worded(`did you mean ${listOr(quoted)}?`);
  }
}

function otherNaming({ property, object, request }: PropertyVisit, field: Field, outcome: string | undefined): { message: string; detail?: string } {
  if (request.naming === 'wire') {
    return { message: `${q(property.key)} is the SDK's name: a raw request to ${endpointLabel(request)} sends ${q(field.wire)}.` };
  }
  const sendsDefault = field.sdkAlwaysSent && field.sdkDefault !== undefined && !getProperty(object, field.sdk);
  const instead = sendsDefault ? ` Without it the SDK sends its default, ${JSON.stringify(field.sdkDefault)}.` : '';
  return { message: `${q(property.key)} is the wire name: the SDK takes ${q(field.sdk)}.`, detail: `${outcome}${instead}` };
}

/** `POST /generations`, or `leonardo.image.createGeneration (POST /generations)` for SDK calls. */
function describeTarget(request: RequestSite): string {
  const label = endpointLabel(request)!;
  const { sdkNamespace, sdkMethod } = request.endpoint!;
  if (request.naming !== 'sdk' || !sdkMethod) return label;
  return `${sdkNamespace ? `${sdkNamespace}.` : ''}${sdkMethod} (${label})`;
}
