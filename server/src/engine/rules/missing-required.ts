// missing-required: a field the endpoint requires is absent from a body object, or sent as null.
// Absence sits on the object's opening brace, a null on the key. An object with unknown keys may
// hold the field (never reported), a conditional property may be sent (never reported), and in an
// SDK call a field the SDK fills with its default is sent (never reported).

import type { Field, Naming } from '../../api/types.js';
import { ruleDocsUrl } from '../rule-docs.js';
import { q } from '../messages.js';
import { insertProperty, replaceValue, stringLiteral } from '../fix/builders.js';
import { isIdField, UUID_PLACEHOLDER } from '../body/facts.js';
import type { Fix, ObjectValue, Property, RequestSite, Rule, RuleContext, StringValue, Value } from '../types.js';
import { endpointLabel, literalOptions, nameFor, propertyFor, walkBodies, type BodyVisitor } from '../body/walk.js';
import { checkMissingRequiredV2 } from '../v2/missing-required.js';

const PROMPT_ERROR = 'expecting a value for non-nullable variable: "prompt"';

export const rule: Rule = {
  meta: {
    id: 'missing-required',
    defaultSeverity: 'error',
    description: 'A field the endpoint requires is missing or null.',
    docsUrl: ruleDocsUrl('missing-required'),
    fixable: true,
    apiError: PROMPT_ERROR,
  },
  check(ctx) {
    checkMissingRequiredV2(ctx);
    walkBodies(ctx, VISITOR, ctx);
  },
};

/** What the rule does per body object (a module constant: see BodyVisitor). */
const VISITOR: BodyVisitor<RuleContext> = {
  object({ request, object, fields, path }, ctx) {
    for (const field of fields) {
      if (!field.required) continue;
      const property = propertyFor(object, field, request.naming);
      if (!property) {
        if (object.hasUnknownKeys) continue;
        if (request.naming === 'sdk' && field.sdkAlwaysSent) continue;
        const { name, endpoint, where, detail, apiError } = wording(request, field, path);
        ctx.report({
          message: `${q(name)} is required by ${endpoint}${where} and is missing.`,
          detail,
          span: object.openBrace,
          fixes: [insertFix(object, field, name, request.naming)],
          endpoint,
          apiError,
        });
        continue;
      }
      if (property.conditional || field.nullable) continue;
      const dropped = droppedOption(property, request.naming);
      if (!dropped) continue;
      const { name, endpoint, where, detail, apiError } = wording(request, field, path);
      ctx.report({
        message: `${q(name)} is required by ${endpoint}${where} but is ${dropped.what}.`,
        detail,
        span: property.keySpan,
        fixes: [replaceFix(dropped.value, field, name, object, request.naming)],
        endpoint,
        apiError,
      });
    }
  },
};

/** The words of a finding on a required field (made only when there is one to report). */
function wording(request: RequestSite, field: Field, path: string) {
  const endpoint = endpointLabel(request);
  const apiError = endpoint === 'POST /generations' && field.wire === 'prompt' ? PROMPT_ERROR : undefined;
  return {
    name: nameFor(field, request.naming),
    endpoint,
    where: path ? ` in ${q(path)}` : '',
    detail: apiError ? undefined : 'The API rejects the request.',
    apiError,
  };
}

/**
 * The option of a present property that sends no value: `null` (also one side of `c ? x : null`, a
 * literal that can be sent), or `undefined`, which JSON.stringify leaves out of a raw body.
 */
function droppedOption(property: Property, naming: Naming): { value: Value; what: string } | undefined {
  const options = literalOptions(property.value);
  const onePath = options.length > 1 ? ' on one path' : '';
  const nullOption = options.find((o) => o.kind === 'null');
  if (nullOption) return { value: nullOption, what: `null${onePath}` };
  const undefinedOption = options.find((o) => o.kind === 'foreign' && o.what === 'undefined');
  if (undefinedOption && naming === 'wire') {
    return { value: undefinedOption, what: `undefined${onePath}, which JSON.stringify leaves out` };
  }
  return undefined;
}

// The titles write a string value as JSON, as messages do, whatever quotes the edit uses.
function insertFix(object: ObjectValue, field: Field, name: string, naming: Naming): Fix {
  const value = placeholder(field, naming, quoteOf(object));
  return { title: `Add ${q(`${name}: ${placeholder(field, naming, '"')}`)}`, edits: [insertProperty(object, name, value)] };
}

function replaceFix(dropped: Value, field: Field, name: string, object: ObjectValue, naming: Naming): Fix {
  const value = placeholder(field, naming, quoteOf(object));
  return { title: `Set ${q(name)} to ${placeholder(field, naming, '"')}`, edits: [replaceValue(dropped, value)] };
}

/** The quote style of the object's string literals, `"` when it has none (valid in JSON and JS). */
function quoteOf(object: ObjectValue): StringValue['quote'] {
  for (const property of object.properties) {
    for (const option of literalOptions(property.value)) {
      if (option.kind === 'string' && option.quote !== '`') return option.quote;
    }
  }
  return '"';
}

/**
 * A type-correct value that is plainly a stand-in: the docs' UUID placeholder for ids, a TODO text
 * for free text, the first allowed value of an enum, the SDK's default or the lower bound for numbers.
 */
function placeholder(field: Field, naming: Naming, quote: StringValue['quote']): string {
  const type = field.types[0];
  const allowed = field.enum ?? field.constraints.allowed;
  if (type === 'string') {
    if (isIdField(field)) return stringLiteral(UUID_PLACEHOLDER, quote);
    if (allowed && allowed.length > 0) return stringLiteral(String(allowed[0]), quote);
    if (/prompt/i.test(field.wire)) return stringLiteral('TODO: describe what to generate', quote);
    return stringLiteral(`TODO: ${nameFor(field, naming)}`, quote);
  }
  if (type === 'integer' || type === 'number') {
    if (typeof field.sdkDefault === 'number') return String(field.sdkDefault);
    if (allowed && typeof allowed[0] === 'number') return String(allowed[0]);
    return String(field.constraints.min ?? 0);
  }
  if (type === 'boolean') return typeof field.sdkDefault === 'boolean' ? String(field.sdkDefault) : 'false';
  if (type === 'array') return '[]';
  return '{}';
}
