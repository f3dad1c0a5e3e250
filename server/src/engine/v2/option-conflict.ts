// option-conflict, v2 cases: `ephemeral`/`base64` sent to the async `/v2/generations` (they exist
// only on `/v2/generationssync`); two keys the model forbids together (the legacy `start_frame`
// object with `guidances.start_frame`; reference images with frames on Kling 3.0/O1/O3); an
// `end_frame` without a `start_frame`. Removing the field is offered, never preferred.

import { removeProperty } from '../fix/builders.js';
import type { ObjectValue, Property, RuleContext } from '../types.js';
import { getProperty, literalOptions } from '../body/walk.js';
import { modelName, reportOnce, v2Walk } from './walk.js';
import { q } from '../messages.js';

const SYNC_ONLY = ['ephemeral', 'base64'];

export function checkOptionConflictV2(ctx: RuleContext): void {
  const report = reportOnce(ctx);
  const walk = v2Walk(ctx);
  for (const body of walk.bodies) {
    if (body.path !== '/v2/generations') continue;
    for (const key of SYNC_ONLY) {
      const property = getProperty(body.body, key);
      if (!property) continue;
      report({
        message: `'${key}' is only for /v2/generationssync: do not send it to /v2/generations.`,
        span: property.keySpan,
        fixes: [{ title: `Remove ${q(key)}`, edits: [removeProperty(property)], preferred: false }],
        endpoint: body.endpoint,
      });
    }
  }
  for (const { object, model, body, path } of walk.objects) {
    if (path !== '') continue;
    for (const [a, b] of model.notBoth ?? []) {
      const first = sent(object, a);
      const second = sent(object, b);
      if (!first || !second) continue;
      report(
        {
          message: `${modelName(model)} does not take '${a}' together with '${b}': send one of them.`,
          span: first.keySpan,
          fixes: [],
          endpoint: body.endpoint,
        },
        `notBoth:${a}:${b}`,
      );
    }
    const guidances = sent(object, 'guidances');
    const end = sent(object, 'guidances.end_frame');
    if (!end || !guidances || !model.params['guidances']?.properties?.['start_frame']) continue;
    const guidanceObject = literalOptions(guidances.value).find((v): v is ObjectValue => v.kind === 'object');
    if (!guidanceObject || guidanceObject.hasUnknownKeys || sent(object, 'guidances.start_frame') || sent(object, 'start_frame')) continue;
    if (object.hasUnknownKeys) continue;
    report(
      {
        message: `'guidances.end_frame' needs a 'start_frame' for ${modelName(model)}: add one or drop the end frame.`,
        span: end.keySpan,
        fixes: [],
        endpoint: body.endpoint,
      },
      'end-without-start',
    );
  }
}

/**
 * The property at a dotted path when it is certainly sent non-empty: not conditional, and a
 * non-empty array or an object (one literal), following object literals only.
 */
function sent(object: ObjectValue, path: string): Property | undefined {
  let current: ObjectValue | undefined = object;
  let property: Property | undefined;
  for (const key of path.split('.')) {
    property = current ? getProperty(current, key) : undefined;
    if (!property || property.conditional) return undefined;
    const options = literalOptions(property.value);
    if (options.length !== 1) return undefined;
    const value = options[0];
    current = value.kind === 'object' ? value : undefined;
  }
  const value = literalOptions(property!.value)[0];
  if (value.kind === 'array') return value.elements.length > 0 ? property : undefined;
  return value.kind === 'object' || value.kind === 'string' ? property : undefined;
}
