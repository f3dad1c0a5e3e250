// invalid-enum, v2 cases: a `model` that is not a v2 model string (with the nearest one: a case-only
// difference is the preferred fix, `nano-banana-pro` → `gemini-image-2` is offered), a retired one
// (its date and successor), a v1 platform model UUID; a string parameter outside the model's values
// (`quality`, `mode`, `prompt_enhance`, guidance `strength`, image `type`, ...) and a `style_ids`
// entry outside the model's style set. The values allowed are the union of the spec's and the guides'.

import { getV2Catalogue, type V2Catalogue } from '../../api/v2.js';
import { isUuidOrPlaceholder } from '../body/facts.js';
import { replaceWithString } from '../fix/builders.js';
import { listOr, nearestNames } from '../fix/suggest.js';
import type { Fix, RuleContext, StringValue, Value } from '../types.js';
import { knownOptions, modelName, reportOnce, v2Walk, type V2Body, type V2PropertyVisit } from './walk.js';

type Report = ReturnType<typeof reportOnce>;

export function checkInvalidEnumV2(ctx: RuleContext): void {
  const report = reportOnce(ctx);
  const { bodies, properties } = v2Walk(ctx);
  if (bodies.length === 0) return;
  const catalogue = getV2Catalogue();
  for (const body of bodies) {
    for (const { value, model } of body.models) if (!model) modelString(body, value, catalogue, report);
  }
  for (const visit of properties) {
    const { param } = visit;
    if (!param || param.guideOnly) continue;
    for (const option of knownOptions(visit.property.value)) {
      if (option.kind === 'string' && param.enum?.some((v) => typeof v === 'string')) {
        valueOf(visit, option, param.enum.filter((v): v is string => typeof v === 'string'), report);
      } else if (option.kind === 'array' && param.items?.styleSet) {
        styles(visit, option.elements, catalogue.styleSet(param.items.styleSet), catalogue, report);
      }
    }
  }
}

function modelString(body: V2Body, value: StringValue, catalogue: V2Catalogue, report: Report): void {
  const name = value.value;
  if (catalogue.guideOnlyModel(name)) return;
  const endpoint = body.endpoint;
  const retired = catalogue.retired(name);
  if (retired) {
    const instead = retired.successor ? `use '${retired.successor}'` : 'pick a current model';
    report({
      message: `'${name}' was retired on ${retired.retiredOn}: ${instead}.`,
      span: value.span,
      fixes: retired.successor ? [replaceFix(value, retired.successor, false)] : [],
      endpoint,
    });
    return;
  }
  if (isUuidOrPlaceholder(name)) {
    const v1 = catalogue.v1Model(name);
    const v2 = v1?.v2 ? `: v2's 'model' is '${v1.v2}'` : ': v2 takes a model string';
    report({
      message: `'${short(name)}' is a v1 model id${v1 ? ` (${v1.name})` : ''}${v2}.`,
      span: value.span,
      fixes: v1?.v2 ? [replaceFix(value, v1.v2, false)] : [],
      endpoint,
    });
    return;
  }
  const found = catalogue.nearestModel(name);
  // A case-only difference is certain: the one suggestion, preferred.
  const suggestions = found[0]?.reason === 'case' ? [found[0]] : found;
  const first = suggestions[0];
  let hint = '';
  if (first?.reason === 'case') hint = `: model strings are case-sensitive, use '${first.model}'`;
  else if (first?.reason === 'alias') hint = `: use '${first.model}' (${catalogue.model(first.model)?.title ?? first.model})`;
  else if (first) hint = `: did you mean ${listOr(suggestions.map((s) => `'${s.model}'`))}?`;
  report({
    message: `'${name}' is not a v2 model string${hint}${hint.endsWith('?') ? '' : '.'}`,
    span: value.span,
    fixes: suggestions.map((s) => replaceFix(value, s.model, s.reason === 'case')),
    endpoint,
  });
}

function valueOf(visit: V2PropertyVisit, option: StringValue, allowed: readonly string[], report: Report): void {
  if (allowed.includes(option.value)) return;
  const { property, model, body } = visit;
  const caseMatch = allowed.filter((v) => v.toLowerCase() === option.value.toLowerCase());
  const suggestions = caseMatch.length > 0 ? caseMatch : nearestNames(option.value, allowed);
  const fix = caseMatch.length === 1 ? `: use "${caseMatch[0]}"` : '';
  const name = visit.propertyPath.length <= 30 ? visit.propertyPath : property.key;
  const head = `'${name}' "${option.value}" is not allowed for ${modelName(model)}`;
  const listed = `: it takes ${listOr(allowed.map((v) => `"${v}"`))}`;
  const tail = fix || (allowed.length <= 6 && head.length + listed.length < 120 ? listed : `: it takes one of ${allowed.length} values`);
  report(
    {
      message: `${head}${tail}.`,
      span: option.span,
      fixes: suggestions.map((s) => replaceFix(option, s, caseMatch.length === 1)),
      endpoint: body.endpoint,
    },
    `${property.key}:${option.value}:${allowed.join()}`,
  );
}

function styles(visit: V2PropertyVisit, elements: readonly Value[], allowed: ReadonlySet<string>, catalogue: V2Catalogue, report: Report): void {
  if (allowed.size === 0) return;
  for (const element of elements) {
    for (const option of knownOptions(element)) {
      // A non-UUID is `invalid-id`'s; a UUID outside the model's set is this rule's.
      if (option.kind !== 'string' || !isUuidOrPlaceholder(option.value) || /x/i.test(option.value)) continue;
      if (allowed.has(option.value.toLowerCase()) || allowed.has(option.value)) continue;
      const named = catalogue.styleName(option.value.toLowerCase());
      report(
        {
          message: `Style '${short(option.value)}'${named ? ` (${named})` : ''} is not one of ${modelName(visit.model)}'s ${allowed.size} styles.`,
          span: option.span,
          fixes: [],
          endpoint: visit.body.endpoint,
        },
        `style:${option.value}:${[...allowed].join()}`,
      );
    }
  }
}

function replaceFix(value: StringValue, text: string, preferred: boolean): Fix {
  return { title: `Change to "${text}"`, edits: [replaceWithString(value, text)], preferred };
}

/** `de7d3faf…` for a UUID in a message (the whole value is under the squiggle). */
function short(uuid: string): string {
  return uuid.length > 13 ? `${uuid.slice(0, 8)}…` : uuid;
}
