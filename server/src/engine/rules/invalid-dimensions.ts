// invalid-dimensions: a width or height the endpoint cannot produce: not a multiple of 8 or outside
// the endpoint's bounds (POST /generations 32..1536), or not one of a discrete set (LCM: 512, 640,
// 1024). The API answers `invalid dimensions`. Only numbers are judged here; `"512"` is type-mismatch's.

import type { Field } from '../../api/types.js';
import { ruleDocsUrl } from '../rule-docs.js';
import { choiceFixes, replaceValue } from '../fix/builders.js';
import { listOr, nearestNumbers, sameNumber } from '../fix/suggest.js';
import type { NumberValue, RequestSite, Rule, RuleContext } from '../types.js';
import { endpointLabel, literalOptions, walkBodies, type BodyVisitor } from '../body/walk.js';
import { checkInvalidDimensionsV2 } from '../v2/invalid-dimensions.js';
import { q } from '../messages.js';
import { perObject } from '../per-object.js';

const ID = 'invalid-dimensions';
const API_ERROR = 'invalid dimensions';
/** The upper bound the API's error catalogue still states ("within 32 to 1024"). */
const CATALOGUE_MAX = 1024;

const DIMENSION_NAMES = new Set(['width', 'height', 'imageWidth', 'imageHeight']);

/** A width/height field with known bounds; the fields this rule (alone) judges for numbers. */
export function isDimensionField(field: Field): boolean {
  return DIMENSION_NAMES.has(field.wire) && isBounded(field);
}

/** Whether a field states bounds, once per field. */
const isBounded = perObject((field: Field): boolean => {
  const c = field.constraints;
  return c.min !== undefined || c.max !== undefined || c.multipleOf !== undefined || numericAllowed(field).length > 0;
});

/** The discrete numbers a field allows, when the catalogue states a set. */
export function numericAllowed(field: Field): number[] {
  return (field.constraints.allowed ?? []).filter((v): v is number => typeof v === 'number');
}

export const rule: Rule = {
  meta: {
    id: ID,
    defaultSeverity: 'error',
    description: 'A width or height that is not a multiple of 8 within the endpoint\'s bounds (the API answers `invalid dimensions`).',
    docsUrl: ruleDocsUrl(ID),
    fixable: true,
    apiError: API_ERROR,
  },
  check(ctx) {
    checkInvalidDimensionsV2(ctx);
    walkBodies(ctx, VISITOR, ctx);
  },
};

/** What the rule does per body property (a module constant: see BodyVisitor). */
const VISITOR: BodyVisitor<RuleContext> = {
  property({ request, property, field }, ctx) {
    if (!field || !isDimensionField(field)) return;
    for (const option of literalOptions(property.value)) {
      if (option.kind !== 'number') continue;
      const problem = judge(option.value, field);
      if (!problem) continue;
      ctx.report({
        message: message(request, property.key, option, field, problem),
        detail: catalogueNote(field),
        span: option.span,
        fixes: choiceFixes(
          nearestValid(option.value, field).map((n) => ({
            title: `Set ${q(property.key)} to ${n}`,
            edit: replaceValue(option, String(n)),
          })),
          false, // the nearest valid size is a guess at what was meant
        ),
        endpoint: endpointLabel(request),
        apiError: API_ERROR,
      });
    }
  },
};

type Problem = 'not-allowed' | 'not-multiple' | 'too-small' | 'too-large';

function judge(value: number, field: Field): Problem | undefined {
  const allowed = numericAllowed(field);
  if (allowed.length > 0) return allowed.some((a) => sameNumber(a, value)) ? undefined : 'not-allowed';
  const { min, max } = field.constraints;
  if (min !== undefined && value < min) return 'too-small';
  if (max !== undefined && value > max) return 'too-large';
  const step = field.constraints.multipleOf ?? 1;
  return Number.isInteger(value / step) ? undefined : 'not-multiple';
}

/** The nearest values the endpoint accepts: one, or both neighbours on a tie. */
function nearestValid(value: number, field: Field): number[] {
  const allowed = numericAllowed(field);
  if (allowed.length > 0) return nearestNumbers(value, allowed);
  const step = field.constraints.multipleOf ?? 1;
  const lowest = Math.ceil((field.constraints.min ?? step) / step) * step;
  const highest = Math.floor((field.constraints.max ?? Infinity) / step) * step;
  const below = Math.min(highest, Math.max(lowest, Math.floor(value / step) * step));
  const above = Math.min(highest, Math.max(lowest, Math.ceil(value / step) * step));
  return nearestNumbers(value, [below, above]);
}

function message(request: RequestSite, name: string, value: NumberValue, field: Field, problem: Problem): string {
  const endpoint = endpointLabel(request)!;
  const what: Record<Problem, string> = {
    'not-allowed': `is not one of the sizes ${endpoint} takes`,
    'not-multiple': `is not a multiple of ${field.constraints.multipleOf ?? 1}`,
    'too-small': `is below ${field.constraints.min}`,
    'too-large': `is over ${field.constraints.max}`,
  };
  return `'${name}' ${value.raw} ${what[problem]}: ${rangeText(endpoint, field, problem)}`;
}

function rangeText(endpoint: string, field: Field, problem: Problem): string {
  const allowed = numericAllowed(field);
  if (allowed.length > 0) return problem === 'not-allowed' ? `use ${listOr(allowed.map(String))}.` : `${endpoint} takes ${listOr(allowed.map(String))}.`;
  const { min, max, multipleOf } = field.constraints;
  const bounds = min !== undefined && max !== undefined ? ` from ${min} to ${max}` : '';
  const step = multipleOf ? ` in multiples of ${multipleOf}` : '';
  return `${endpoint} takes sizes${bounds}${step}.`;
}

/** The error catalogue's older bounds, for the hover: the message states the current ones. */
function catalogueNote(field: Field): string | undefined {
  const max = field.constraints.max;
  return max !== undefined && max > CATALOGUE_MAX && numericAllowed(field).length === 0
    ? `The error catalogue still says 32 to ${CATALOGUE_MAX}; the current API accepts up to ${max}.`
    : undefined;
}
