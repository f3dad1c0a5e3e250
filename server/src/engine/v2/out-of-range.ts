// out-of-range, v2 cases: a number outside the model's range or set (`seed`, `duration`,
// `upscale_factor`, `quantity` below 1, ...), a string longer than its maximum (`prompt`), and an
// array with more items than allowed (guidance references above `maxItems`, `style_ids` longer than
// its limit: a warning where only the guides state the limit). Width and height are
// `invalid-dimensions`'; quantity above its maximum is `too-many-images`'.

import type { V2Param } from '../../api/v2-types.js';
import type { ArrayValue, RuleContext } from '../types.js';
import { DIMENSIONS, largest, numberFixes, numberProblem } from './numbers.js';
import { knownOptions, modelName, reportOnce, v2Walk, type V2PropertyVisit } from './walk.js';

export function checkOutOfRangeV2(ctx: RuleContext): void {
  const report = reportOnce(ctx);
  for (const visit of v2Walk(ctx).properties) {
    const { param, property, model, body } = visit;
    if (!param || param.guideOnly) continue;
    const name = visit.propertyPath;
    for (const option of knownOptions(property.value)) {
      if (option.kind === 'number') {
        if (visit.path === '' && DIMENSIONS.has(property.key)) continue;
        const problem = numberProblem(option.value, param);
        if (!problem) continue;
        if (visit.path === '' && property.key === 'quantity' && option.value > (largest(param) ?? Infinity)) continue;
        report(
          {
            message: `'${name}' ${option.raw} is ${problem.what} for ${modelName(model)}.`,
            span: option.span,
            fixes: numberFixes(option, property.key, problem.instead),
            endpoint: body.endpoint,
          },
          `${name}:${option.raw}:${problem.what}`,
        );
      } else if (option.kind === 'string') {
        const length = [...option.value].length;
        const limit = param.maxLength !== undefined && length > param.maxLength ? param.maxLength : undefined;
        if (limit === undefined) continue;
        report(
          {
            message: `'${name}' is ${length} characters, more than the ${limit} ${modelName(model)} takes.`,
            span: option.span,
            fixes: [],
            endpoint: body.endpoint,
          },
          `${name}:length:${limit}`,
        );
      } else if (option.kind === 'array') {
        items(visit, option, param, report);
      }
    }
  }
}

function items(visit: V2PropertyVisit, array: ArrayValue, param: V2Param, report: ReturnType<typeof reportOnce>): void {
  const count = array.elements.length;
  const name = visit.propertyPath;
  const hard = param.maxItems;
  const soft = param.softMaxItems;
  let limit: number | undefined;
  let severity: 'warning' | undefined;
  if (hard !== undefined && count > hard) limit = hard;
  else if (soft !== undefined && count > soft) [limit, severity] = [soft, 'warning'];
  if (limit !== undefined) {
    const what = limit === 0 ? 'takes none' : `takes at most ${limit}`;
    report(
      {
        message: `'${name}' has ${count} items: ${modelName(visit.model)} ${what}.`,
        span: array.span,
        fixes: [],
        endpoint: visit.body.endpoint,
        severity,
      },
      `${name}:${count}:${limit}`,
    );
    return;
  }
  if (param.minItems !== undefined && count < param.minItems && !array.hasUnknownElements) {
    report(
      {
        message: `'${name}' is empty: ${modelName(visit.model)} needs at least ${param.minItems}.`,
        span: array.span,
        fixes: [],
        endpoint: visit.body.endpoint,
      },
      `${name}:${count}:min`,
    );
  }
}
