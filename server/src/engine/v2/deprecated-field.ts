// deprecated-field, v2 cases: a parameter the model still accepts but marks deprecated: the video
// `mode` resolution tiers (the size comes from `width` and `height`) and the legacy `start_frame` /
// `end_frame` objects (replaced by `guidances.start_frame` / `guidances.end_frame` arrays). No fix.

import type { RuleContext } from '../types.js';
import { modelName, reportOnce, v2Walk } from './walk.js';

/** What to use instead, by parameter name. */
const INSTEAD: Readonly<Record<string, string>> = {
  mode: "set 'width' and 'height' instead",
  start_frame: "use 'guidances.start_frame: [{ image }]'",
  end_frame: "use 'guidances.end_frame: [{ image }]'",
};

export function checkDeprecatedFieldV2(ctx: RuleContext): void {
  const report = reportOnce(ctx);
  for (const { param, property, model, body, propertyPath } of v2Walk(ctx).properties) {
    if (!param?.deprecated) continue;
    const instead = Object.hasOwn(INSTEAD, property.key) ? `: ${INSTEAD[property.key]}` : '';
    report(
      {
        message: `'${propertyPath}' is deprecated on ${modelName(model)}${instead}.`,
        span: property.keySpan,
        fixes: [],
        endpoint: body.endpoint,
      },
      `deprecated:${propertyPath}`,
    );
  }
}
