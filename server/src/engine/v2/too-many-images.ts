// too-many-images, v2 cases: `quantity` above the model's maximum (most image models 8,
// `seedream-5.0-pro` 6, `ideogram-v4.0` 4, video, tools and 3D 1). The API answers `Too many images`.
// Setting the maximum is offered, never preferred.

import type { RuleContext } from '../types.js';
import { largest, numberFixes } from './numbers.js';
import { knownOptions, modelName, reportOnce, v2Walk } from './walk.js';

const API_ERROR = 'Too many images';

export function checkTooManyImagesV2(ctx: RuleContext): void {
  const report = reportOnce(ctx);
  for (const { param, property, model, body, path } of v2Walk(ctx).properties) {
    if (!param || path !== '' || property.key !== 'quantity') continue;
    const max = largest(param);
    if (max === undefined) continue;
    for (const option of knownOptions(property.value)) {
      if (option.kind !== 'number' || option.value <= max) continue;
      report({
        message: `'quantity' ${option.raw} is more than ${modelName(model)} allows (${max}): the API answers '${API_ERROR}'.`,
        span: option.span,
        fixes: numberFixes(option, 'quantity', [max]),
        endpoint: body.endpoint,
        apiError: API_ERROR,
      });
    }
  }
}
