// out-of-range: a number outside its field's range (`guidance_scale` 1..20) or not one of its
// discrete values (`photoRealStrength` 0.55/0.5/0.45). Width/height belong to invalid-dimensions and
// the image count to too-many-images, so they are skipped here.

import type { Catalogue, Field } from '../../api/types.js';
import { fitMessage, q } from '../messages.js';
import { ruleDocsUrl } from '../rule-docs.js';
import { choiceFixes, replaceValue } from '../fix/builders.js';
import { listOr, nearestNumbers, sameNumber } from '../fix/suggest.js';
import type { NumberValue, ObjectValue, RequestSite, Rule, RuleContext } from '../types.js';
import { endpointLabel, literalOptions, walkBodies, type BodyVisitor } from '../body/walk.js';
import { isDimensionField, numericAllowed } from './invalid-dimensions.js';
import { isImageCountField } from './too-many-images.js';
import { checkOutOfRangeV2 } from '../v2/out-of-range.js';
import { BodyFacts, certainly } from '../body/facts.js';
import { noEffect } from './ineffective-option.js';

const ID = 'out-of-range';

export const rule: Rule = {
  meta: {
    id: ID,
    defaultSeverity: 'error',
    description: "A number outside its field's range or discrete set of values.",
    docsUrl: ruleDocsUrl(ID),
    fixable: true,
  },
  check(ctx) {
    checkOutOfRangeV2(ctx);
    walkBodies(ctx, VISITOR, ctx);
  },
};

/** What the rule does per body property (a module constant: see BodyVisitor). */
const VISITOR: BodyVisitor<RuleContext> = {
  property({ request, object, property, field, path }, ctx) {
    if (!field || isDimensionField(field) || isImageCountField(field)) return;
    if (path === property.key && !forThisModel(request, object, field, ctx.catalogue)) return;
    let ignored: boolean | undefined;
    for (const option of literalOptions(property.value)) {
      if (option.kind !== 'number') continue;
      const nearest = nearestAccepted(option.value, field);
      if (nearest === undefined) continue;
      // A value the API ignores (photoRealStrength without photoReal): ineffective-option's removal is
      // the fix, not a clamp that leaves it ignored. (Asked only of a value out of range.)
      ignored ??= path === property.key && Boolean(noEffect(new BodyFacts(request, object, ctx.catalogue), field.wire));
      if (ignored) return;
      ctx.report({
        message: message(request, path, option, field),
        span: option.span,
        fixes: choiceFixes(
          nearest.map((n) => ({ title: `Set ${q(property.key)} to ${n}`, edit: replaceValue(option, String(n)) })),
          false, // a clamp or the nearest allowed value is a guess at what was meant
        ),
        endpoint: endpointLabel(request),
      });
    }
  },
};

/**
 * Sets the API documents for some models only: text-to-video's `duration` ∈ {4, 6, 8} "on VEO3/VEO3FAST"
 * (leonardo-api.md, the SDK's description), while Leonardo's Kling 2.5 Turbo recipe posts `"duration": 5`
 * with `"model": "KLING2_5"` to the same endpoint, "Duration can be 5 or 10"
 * (docs.leonardo.ai/docs/generate-with-kling-2-5-turbo-using-text-prompts). Judged only where the body
 * certainly names one of the models the set is for.
 */
const MODEL_SCOPED: Record<string, Record<string, readonly string[]>> = {
  createTextToVideoGeneration: { duration: ['VEO3', 'VEO3FAST'] },
};

function forThisModel(request: RequestSite, object: ObjectValue, field: Field, catalogue: Catalogue): boolean {
  const models = request.endpoint && MODEL_SCOPED[request.endpoint.operationId]?.[field.wire];
  if (!models) return true;
  return certainly(new BodyFacts(request, object, catalogue).state('model'), (value) => typeof value === 'string' && models.includes(value));
}

/** Undefined when the value is accepted; otherwise the nearest accepted values (two on a tie). */
function nearestAccepted(value: number, field: Field): number[] | undefined {
  const allowed = numericAllowed(field);
  if (allowed.length > 0) {
    return allowed.some((a) => sameNumber(a, value)) ? undefined : nearestNumbers(value, allowed);
  }
  const { min, max } = field.constraints;
  if (min !== undefined && value < min) return [min];
  if (max !== undefined && value > max) return [max];
  return undefined;
}

function message(request: RequestSite, path: string, value: NumberValue, field: Field): string {
  const endpoint = endpointLabel(request);
  const allowed = numericAllowed(field);
  if (allowed.length > 0) {
    return fitMessage(`${q(path)} ${value.raw} is not accepted by ${endpoint}: use ${listOr(allowed.map(String))}.`, `${q(path)} ${value.raw} is not an accepted value.`);
  }
  const { min, max } = field.constraints;
  const range =
    min !== undefined && max !== undefined ? `from ${min} to ${max}` : min !== undefined ? `of at least ${min}` : `of at most ${max}`;
  return `${q(path)} ${value.raw} is out of range: ${endpoint} takes values ${range}.`;
}
