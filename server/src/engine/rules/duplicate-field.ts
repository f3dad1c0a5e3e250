// duplicate-field: the same key twice in one object literal or JSON object. JSON.parse and JS keep
// the last one, so the earlier one is dead text that reads as if it were sent. Only keys written
// inside the same literal count: a later `body.x = …` assignment, a conditional spread, or a key
// that comes from another literal through `...spread` is a deliberate override, not a duplicate.

import { ruleDocsUrl } from '../rule-docs.js';
import { removeProperty } from '../fix/builders.js';
import type { ObjectValue, Property, Rule, RuleContext, Span } from '../types.js';
import { endpointLabel, walkBodies, type BodyVisitor } from '../body/walk.js';
import { q } from '../messages.js';

export const rule: Rule = {
  meta: {
    id: 'duplicate-field',
    defaultSeverity: 'warning',
    description: 'The same key twice in one request body; only the last one is sent.',
    docsUrl: ruleDocsUrl('duplicate-field'),
    fixable: true,
  },
  check(ctx) {
    walkBodies(ctx, VISITOR, { ctx, seen: new Set<number>() });
  },
};

/** What the rule does per body object (a module constant: see BodyVisitor), and the literals it has seen. */
const VISITOR: BodyVisitor<{ ctx: RuleContext; seen: Set<number> }> = {
  object({ request, object }, { ctx, seen }) {
    // One literal may be the body of several requests (a shared `const body`): report it once.
    if (seen.has(object.span.start)) return;
    seen.add(object.span.start);
    if (!hasRepeatedKey(object.properties)) return;
    const literal = object.properties.filter((p) => writtenIn(object, p));
    for (let i = 0; i < literal.length; i++) {
      const earlier = literal[i];
      const later = literal.slice(i + 1).find((p) => p.key === earlier.key);
      if (!later) continue;
      ctx.report({
        message: `'${earlier.key}' is set again later in this object: only the later value is sent, this one is ignored.`,
        span: earlier.keySpan,
        fixes: [{ title: `Remove the earlier ${q(earlier.key)}`, edits: [removeProperty(earlier)], preferred: true }],
        endpoint: endpointLabel(request),
      });
    }
  },
};

/** Whether any key appears twice (a quick test before the literal keys are sorted out; most objects have none). */
function hasRepeatedKey(properties: readonly Property[]): boolean {
  for (let i = 1; i < properties.length; i++) {
    const key = properties[i].key;
    for (let j = 0; j < i; j++) if (properties[j].key === key) return true;
  }
  return false;
}

/** A key written directly in this literal: not assigned afterwards, not conditional, inside its braces. */
function writtenIn(object: ObjectValue, property: Property): boolean {
  return !property.assigned && !property.conditional && within(property.span, object.span);
}

function within(inner: Span, outer: Span): boolean {
  return inner.start >= outer.start && inner.end <= outer.end;
}
