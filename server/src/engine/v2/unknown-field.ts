// unknown-field, v2 cases: a top-level body key other than `model`, `parameters`, `public` (and
// `ephemeral`/`base64`, which `option-conflict` judges); a `parameters` key the model does not take
// (an error where `parameters` is closed or the docs say the key fails, a warning elsewhere: the spec
// leaves the other models' `parameters` open); a v1 name inside `parameters` with its v2 name; an
// unknown guidance kind (an error where `guidances` is closed).

import { getV2Catalogue } from '../../api/v2.js';
import { choiceFixes, keyWrittenAsRead, removeProperty, renameKey } from '../fix/builders.js';
import { caseOnlyMatches, listOr, nearestNames, spellingMatches } from '../fix/suggest.js';
import type { Fix, ObjectValue, Property, RuleContext } from '../types.js';
import { getProperty } from '../body/walk.js';
import { allParameterNames, knownOptions, modelName, reportOnce, v2Walk, type V2Body, type V2PropertyVisit } from './walk.js';
import { q } from '../messages.js';

const TOP_LEVEL = new Set(['model', 'parameters', 'public']);
/** Top-level keys of the sync endpoint only: `option-conflict` reports them on the async one. */
const SYNC_ONLY = new Set(['ephemeral', 'base64']);

/** v1 names sent inside a v2 `parameters`, and what v2 calls them. */
interface V1Name {
  /** The v2 parameter that takes the same value (a rename is then certain). */
  rename?: string;
  /** What to do instead, when a rename is not enough. */
  hint: string;
}
const V1_NAMES: Readonly<Record<string, V1Name>> = {
  num_images: { rename: 'quantity', hint: "v2 takes 'quantity'" },
  numImages: { rename: 'quantity', hint: "v2 takes 'quantity'" },
  negativePrompt: { rename: 'negative_prompt', hint: "v2 takes 'negative_prompt'" },
  promptEnhance: { rename: 'prompt_enhance', hint: 'v2 takes \'prompt_enhance\' ("ON"/"OFF"/"AUTO")' },
  modelId: { hint: "v2 names the model in the top-level 'model'" },
  models: { hint: "v2 names the model in the top-level 'model'" },
  isPublic: { hint: "v2 takes a top-level 'public'" },
  public: { hint: "'public' sits at the top level of the body, beside 'model'" },
  styleUUID: { hint: 'v2 takes \'style_ids: ["<uuid>"]\'' },
  init_image_id: { hint: "v2 takes the image in 'guidances.image_reference'" },
  init_generation_image_id: { hint: "v2 takes the image in 'guidances.image_reference'" },
  imagePrompts: { hint: "v2 takes images in 'guidances.image_reference'" },
  controlnets: { hint: "v2 takes reference images in 'guidances'" },
};
/** v1 options no v2 model takes. */
const V1_ONLY = new Set(['alchemy', 'presetStyle', 'photoReal', 'photoRealVersion', 'ultra', 'sd_version', 'scheduler', 'guidance_scale', 'num_inference_steps', 'promptMagic', 'enhancePrompt', 'contrastRatio', 'expandedDomain', 'highResolution']);


export function checkUnknownFieldV2(ctx: RuleContext): void {
  const report = reportOnce(ctx);
  const { bodies, properties } = v2Walk(ctx);
  const text = ctx.document.text;
  for (const body of bodies) {
    topLevel(body, text, report);
    // Without a known model, only the names no v2 model takes are judged.
    if (!body.models.some((m) => m.model)) for (const object of body.parameterObjects) v1NamesOnly(body, object, text, report);
  }
  for (const visit of properties) {
    if (visit.param) continue;
    if (visit.path === '') parameter(visit, text, report);
    else if (visit.path === 'guidances') guidanceKind(visit, text, report);
    else if (visit.schema.closed) nested(visit, report);
  }
}

type Report = ReturnType<typeof reportOnce>;

function topLevel(body: V2Body, text: string, report: Report): void {
  for (const property of body.body.properties) {
    const key = property.key;
    if (TOP_LEVEL.has(key) || SYNC_ONLY.has(key)) continue;
    if (body.request.source === 'json-file' && key === '$schema') continue;
    let message: string;
    let fixes: Fix[] = [];
    const v2Name = key === 'isPublic' ? 'public' : key === 'modelId' || key === 'models' ? 'model' : undefined;
    if (v2Name && getProperty(body.body, v2Name)) {
      report(Object.assign({}, alreadySet(property, v2Name), { endpoint: body.endpoint }));
      continue;
    }
    if (key === 'isPublic') {
      message = "'isPublic' is v1's name: a v2 body takes 'public'.";
      fixes = renameFixes(property, ['public'], text, true);
    } else if (key === 'modelId' || key === 'models') {
      const model = knownOptions(property.value)[0];
      const v2Model = model?.kind === 'string' && getV2Catalogue().model(model.value);
      message = `'${key}' is v1's: a v2 body names the model in 'model'.`;
      if (v2Model) fixes = renameFixes(property, ['model'], text, true);
    } else if (allParameterNames(getV2Catalogue()).has(key)) {
      message = `'${key}' belongs inside 'parameters': at the top level the v2 API does not read it.`;
    } else {
      const near = nearestNames(key, TOP_LEVEL);
      message = `'${key}' is not a v2 body key: the body takes 'model', 'parameters' and 'public'.`;
      fixes = renameFixes(property, near.filter((n) => !getProperty(body.body, n)), text, false);
    }
    report({ message, span: property.keySpan, fixes, endpoint: body.endpoint });
  }
}

function parameter(visit: V2PropertyVisit, text: string, report: Report): void {
  const { model, property, object, body } = visit;
  const key = property.key;
  const forbidden = model.forbidden && Object.hasOwn(model.forbidden, key) ? model.forbidden[key] : undefined;
  if (forbidden) {
    const since = forbidden.since ? ` since ${forbidden.since}` : '';
    const use = forbidden.use ? `: use '${forbidden.use}'` : '';
    report({
      message: `'${key}' makes ${modelName(model)} requests fail${since}${use}.`,
      span: property.keySpan,
      fixes: [],
      endpoint: body.endpoint,
    });
    return;
  }
  const names = Object.keys(model.params);
  const v1 = Object.hasOwn(V1_NAMES, key) ? V1_NAMES[key] : undefined;
  const severity = model.closed ? undefined : ('warning' as const);
  const outcome = model.closed ? ': the API rejects it' : ' in Leonardo\'s docs or spec';
  const group = `${model.closed ? 'closed' : 'open'}:${key}`;
  if (v1) {
    const target = v1.rename && Object.hasOwn(model.params, v1.rename) ? v1.rename : undefined;
    // The v2 name is already there: a rename would write the key twice. The v1 key is the one to drop.
    if (target && getProperty(object, target)) {
      report(Object.assign({}, alreadySet(property, target), { endpoint: body.endpoint, severity }), `${group}:set`);
      return;
    }
    const message = v1.rename && !target
      ? `'${key}' is v1's name, and ${modelName(model)} takes no '${v1.rename}' either.`
      : `'${key}' is v1's name: ${v1.hint}.`;
    report({
      message,
      span: property.keySpan,
      fixes: target ? renameFixes(property, [target], text, !getProperty(object, target)) : [],
      endpoint: body.endpoint,
      severity,
    }, target ? message : group);
    return;
  }
  if (V1_ONLY.has(key)) {
    report({
      message: `'${key}' is a v1 option: v2 models do not take it.`,
      span: property.keySpan,
      fixes: [],
      endpoint: body.endpoint,
      severity,
    }, group);
    return;
  }
  // (A name the object already sets is no suggestion: `quality` beside `quantity` is not a misspelt `quantity`.)
  const unset = names.filter((n) => !getProperty(object, n));
  const certain = [...new Set([...caseOnlyMatches(key, unset), ...spellingMatches(key, unset)])];
  const suggestions = certain.length > 0 ? certain : nearestNames(key, unset);
  const hint = suggestions.length > 0 ? ` Did you mean ${listOr(suggestions.map((n) => `'${n}'`))}?` : '';
  report({
    message: `'${key}' is not a parameter of ${modelName(model)}${outcome}.${hint}`,
    span: property.keySpan,
    fixes: renameFixes(property, suggestions, text, certain.length === 1),
    endpoint: body.endpoint,
    severity,
  }, `${group}:${suggestions.join()}`);
}

function guidanceKind(visit: V2PropertyVisit, text: string, report: Report): void {
  const { model, property, schema, body, object } = visit;
  const kinds = Object.keys(schema.properties ?? {});
  const near = nearestNames(property.key, kinds);
  const head = `'${property.key}' is not a guidance of ${modelName(model)}`;
  const listed = `: it takes ${listOr(kinds.map((k) => `'${k}'`))}`;
  const tail = near.length > 0
    ? `: did you mean ${listOr(near.map((n) => `'${n}'`))}?`
    : head.length + listed.length < 120 ? `${listed}.` : `: it takes ${kinds.length} other kinds.`;
  report(
    {
      message: `${head}${tail}`,
      span: property.keySpan,
      // The nearest kinds, offered; preferred only for the one kind written in other case or separators.
      fixes: renameFixes(property, near.filter((n) => !getProperty(object, n)), text, spellingMatches(property.key, kinds).length === 1),
      endpoint: body.endpoint,
      severity: schema.closed ? undefined : 'warning',
    },
    `kind:${schema.closed}:${kinds.join()}`,
  );
}

function nested(visit: V2PropertyVisit, report: Report): void {
  const { model, property, path, body } = visit;
  report({
    message: `'${property.key}' is not a field of '${path}' for ${modelName(model)}: the API rejects it.`,
    span: property.keySpan,
    fixes: [],
    endpoint: body.endpoint,
  });
}

/** With no known model: only names that no v2 model takes and that have a v1 → v2 answer. */
function v1NamesOnly(body: V2Body, object: ObjectValue, text: string, report: Report): void {
  const all = allParameterNames(getV2Catalogue());
  for (const property of object.properties) {
    const v1 = Object.hasOwn(V1_NAMES, property.key) ? V1_NAMES[property.key] : undefined;
    if (!v1 || all.has(property.key)) continue;
    const certain = v1.rename !== undefined && v1.rename !== 'negative_prompt' && !getProperty(object, v1.rename);
    report({
      message: `'${property.key}' is v1's name: ${v1.hint}.`,
      span: property.keySpan,
      fixes: v1.rename && certain ? renameFixes(property, [v1.rename], text, true) : [],
      endpoint: body.endpoint,
      severity: 'warning',
    });
  }
}

/** A v1 key beside its v2 name, which is already set: the removal of the v1 key, offered (which value was meant is not certain). */
function alreadySet(property: Property, v2Name: string): { message: string; span: Property['keySpan']; fixes: Fix[] } {
  return {
    message: `'${property.key}' is v1's name for '${v2Name}', which is already set: remove it.`,
    span: property.keySpan,
    fixes: [{ title: `Remove ${q(property.key)}`, edits: [removeProperty(property)] }],
  };
}

/** Renames, preferred only when `certain` and there is exactly one; none for a key not written as read. */
function renameFixes(property: Property, names: readonly string[], text: string, certain: boolean): Fix[] {
  if (!keyWrittenAsRead(text, property) || (property.value.kind === 'unknown' && property.value.span.start === property.value.span.end)) return [];
  return choiceFixes(names.map((name) => ({ title: `Rename to ${q(name)}`, edit: renameKey(property, name) })), certain);
}
