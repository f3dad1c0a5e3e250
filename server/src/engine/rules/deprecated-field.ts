// deprecated-field: a field the API marks deprecated (`controlNet`, `controlNetType`, `weighting` on
// POST /generations: "will be deprecated in September 2024, use the controlnets array"). There is
// no mechanical rewrite: a `controlnets` entry needs a preprocessor id and an init image id that
// the old fields do not carry, so no fix is offered.

import type { Field } from '../../api/types.js';
import { ruleDocsUrl } from '../rule-docs.js';
import type { Rule, RuleContext } from '../types.js';
import { endpointLabel, nameFor, walkBodies, type BodyVisitor } from '../body/walk.js';
import { checkDeprecatedFieldV2 } from '../v2/deprecated-field.js';

/** What replaces each deprecated field, when the API says so. */
const REPLACEMENTS: Record<string, string> = {
  controlNet: "an entry in the 'controlnets' array",
  controlNetType: "'controlnets[].preprocessorId' (the controlnet to apply)",
  weighting: "'controlnets[].weight'",
};

export const rule: Rule = {
  meta: {
    id: 'deprecated-field',
    defaultSeverity: 'warning',
    description: 'A field the API marks deprecated (controlNet, controlNetType, weighting: use controlnets).',
    docsUrl: ruleDocsUrl('deprecated-field'),
    fixable: false,
  },
  check(ctx) {
    checkDeprecatedFieldV2(ctx);
    walkBodies(ctx, VISITOR, ctx);
  },
};

/** What the rule does per body property (a module constant: see BodyVisitor). */
const VISITOR: BodyVisitor<RuleContext> = {
  property({ request, property, field }, ctx) {
    if (!field?.deprecated) return;
    ctx.report({
      message: message(field, nameFor(field, request.naming)),
      detail: REPLACEMENTS[field.wire] ? 'The API may ignore it.' : undefined,
      span: property.keySpan,
      fixes: [],
      endpoint: endpointLabel(request),
    });
  },
};

function message(field: Field, name: string): string {
  const replacement = REPLACEMENTS[field.wire];
  const since = /September 2024/.test(field.description ?? '') ? ' (since September 2024)' : '';
  return replacement
    ? `'${name}' is deprecated${since}: use ${replacement} instead.`
    : `'${name}' is deprecated: the API may ignore or drop it.`;
}
