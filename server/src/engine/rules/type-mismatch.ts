// type-mismatch: a literal of the wrong JSON type for its field: `"true"` for a boolean, `"512"` or
// `7.5` for an integer, a number for a string, an object for an array. `null` is missing-required's
// business; numeric width/height values belong to invalid-dimensions.

import type { Field, FieldType } from '../../api/types.js';
import { intendedLiteral } from '../body/facts.js';
import { q } from '../messages.js';
import { ruleDocsUrl } from '../rule-docs.js';
import { choiceFixes, replaceValue, stringLiteral } from '../fix/builders.js';
import type { Fix, RequestSite, Rule, RuleContext, TextEdit, Value } from '../types.js';
import { endpointLabel, literalOptions, walkBodies, type BodyVisitor } from '../body/walk.js';
import { isDimensionField } from './invalid-dimensions.js';
import { checkTypeMismatchV2 } from '../v2/type-mismatch.js';

const ID = 'type-mismatch';
const BOOLEAN_STRING_ERROR = "expected a boolean for type 'Boolean', but found a string";

export const rule: Rule = {
  meta: {
    id: ID,
    defaultSeverity: 'error',
    description: 'A body value of the wrong JSON type (a string for a boolean or a number, an object for an array).',
    docsUrl: ruleDocsUrl(ID),
    fixable: true,
    apiError: BOOLEAN_STRING_ERROR,
  },
  check(ctx) {
    checkTypeMismatchV2(ctx);
    walkBodies(ctx, VISITOR, ctx);
  },
};

/** What the rule does per body property (a module constant: see BodyVisitor). */
const VISITOR: BodyVisitor<RuleContext> = {
  property({ request, property, field, path }, ctx) {
    if (field) checkValue(ctx, request, property.value, field, path);
  },
};

/** Check every literal the value can take; array elements against the item type. */
function checkValue(ctx: RuleContext, request: RequestSite, value: Value, field: Field, path: string): void {
  for (const option of literalOptions(value)) {
    const type = typeOf(option);
    if (type === undefined) continue;
    if (accepts(field, option)) {
      if (option.kind === 'array' && field.items) {
        for (const element of option.elements) checkValue(ctx, request, element, field.items, `${path}[]`);
      }
      continue;
    }
    if (option.kind === 'number' && isDimensionField(field)) continue;
    const booleanAsString = option.kind === 'string' && field.types.includes('boolean');
    ctx.report({
      message: `${q(path)} must be ${field.types.map((t) => TYPE_NAMES[t]).join(' or ')}, not ${describe(option)}.`,
      detail: outcome(request, booleanAsString),
      span: option.span,
      fixes: conversions(option, field),
      endpoint: endpointLabel(request),
      apiError: booleanAsString && request.naming === 'wire' ? BOOLEAN_STRING_ERROR : undefined,
    });
  }
}

/** The JSON type of a literal; undefined for values this rule does not judge (null, unknown, foreign). */
function typeOf(value: Value): FieldType | undefined {
  switch (value.kind) {
    case 'string':
    case 'boolean':
    case 'object':
    case 'array':
      return value.kind;
    case 'number':
      return Number.isInteger(value.value) ? 'integer' : 'number';
    default:
      return undefined;
  }
}

/** The types a value is judged against (a catalogue field, or a v2 parameter's one type). */
export type TypeSpec = Pick<Field, 'types'> & { items?: Pick<Field, 'types'> };

function accepts(field: Pick<Field, 'types'>, value: Value): boolean {
  const type = typeOf(value)!;
  if (field.types.includes(type)) return true;
  return type === 'integer' && field.types.includes('number');
}

/** The lossless rewrites of a literal into the field's type (none when meaning could change). */
export function conversions(value: Value, field: TypeSpec): Fix[] {
  const choices: Array<{ title: string; edit: TextEdit }> = [];
  const to = (title: string, text: string) => choices.push({ title, edit: replaceValue(value, text) });
  const types = field.types;
  if (value.kind === 'string') {
    // The same reading the cross-field rules give the value (body-facts), so they judge what this fix writes.
    const intended = intendedLiteral(value.value, types);
    if (typeof intended === 'boolean') to(`Use the boolean ${intended}`, String(intended));
    else if (typeof intended === 'number') to(`Use the number ${intended}`, String(intended));
  } else if (value.kind === 'number' && types.includes('string')) {
    to(`Use the string "${value.raw}"`, stringLiteral(value.raw));
  }
  if (choices.length === 0 && types.includes('array') && field.items && accepts(field.items, value)) {
    return [{ title: 'Wrap the value in an array', edits: wrapEdits(value), preferred: true }];
  }
  // Lossless conversions: `"true"` → true, `"512"` → 512, 512 → `"512"`.
  return choiceFixes(choices, true);
}

/** Insert `[` and `]` around the value, leaving its text (and comments) as written. */
function wrapEdits(value: Value): TextEdit[] {
  return [
    { start: value.span.start, end: value.span.start, newText: '[' },
    { start: value.span.end, end: value.span.end, newText: ']' },
  ];
}

export const TYPE_NAMES: Record<FieldType, string> = {
  string: 'a string',
  integer: 'an integer',
  number: 'a number',
  boolean: 'a boolean',
  object: 'an object',
  array: 'an array',
};

export function describe(value: Value): string {
  switch (value.kind) {
    case 'string':
      return `the string ${JSON.stringify(value.value.length > 40 ? `${value.value.slice(0, 40)}…` : value.value)}`;
    case 'number':
      return Number.isInteger(value.value) ? `the number ${value.raw}` : `the fractional number ${value.raw}`;
    case 'boolean':
      return `the boolean ${value.value}`;
    default:
      return TYPE_NAMES[typeOf(value)!];
  }
}

/** What happens to the request, for the hover (the API's own text, when known, is the finding's `apiError`). */
function outcome(request: RequestSite, booleanAsString: boolean): string | undefined {
  if (request.naming === 'sdk') return "The SDK's schema rejects the call before anything is sent.";
  if (booleanAsString) return undefined;
  return `The API rejects the request (${endpointLabel(request)}).`;
}
