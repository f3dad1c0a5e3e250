// invalid-dimensions, v2 cases: `width`/`height` outside the model's list or range, or not a multiple
// where the model says so; and a width × height pair the model does not list (only where the spec
// has a pair rule; the allowed pairs are both sources' together; 0 means "auto"). For nano-banana-2
// the guide says the server does not validate pairs: an unlisted pair is a warning there.

import type { V2Model } from '../../api/v2.js';
import type { NumberValue, ObjectValue, RuleContext } from '../types.js';
import { getProperty, literalOptions } from '../body/walk.js';
import { numberFixes, numberProblem, DIMENSIONS } from './numbers.js';
import { knownOptions, modelName, reportOnce, v2Walk } from './walk.js';

export function checkInvalidDimensionsV2(ctx: RuleContext): void {
  const report = reportOnce(ctx);
  const walk = v2Walk(ctx);
  for (const { param, property, model, body, path } of walk.properties) {
    if (!param || param.guideOnly || path !== '' || !DIMENSIONS.has(property.key)) continue;
    for (const option of knownOptions(property.value)) {
      if (option.kind !== 'number') continue;
      const problem = numberProblem(option.value, param);
      if (!problem) continue;
      report(
        {
          message: `'${property.key}' ${option.raw} is ${problem.what} for ${modelName(model)}.`,
          span: option.span,
          fixes: numberFixes(option, property.key, problem.instead),
          endpoint: body.endpoint,
        },
        `${property.key}:${option.raw}:${problem.what}`,
      );
    }
  }
  for (const { object, model, body, path } of walk.objects) {
    if (path !== '' || !model.sizes) continue;
    pair(object, model, body.endpoint, report);
  }
}

/**
 * Both sides known (each option), each valid on its own, and the pair in neither source's list. With
 * several options on both sides, which width goes with which height cannot be known
 * (`width: hd ? 1920 : 1280, height: hd ? 1080 : 720`): a pair is reported only when one of its
 * sides goes with none of the other side's options.
 */
function pair(object: ObjectValue, model: V2Model, endpoint: string, report: ReturnType<typeof reportOnce>): void {
  const sizes = model.sizes!;
  const width = sides(object, 'width', model);
  const height = sides(object, 'height', model);
  if (!width || !height) return;
  const fits = (w: NumberValue, h: NumberValue): boolean =>
    (sizes.zeroEitherSide === true && (w.value === 0 || h.value === 0)) || sizes.pairs.some(([pw, ph]) => pw === w.value && ph === h.value);
  for (const w of width) {
    for (const h of height) {
      if (fits(w, h)) continue;
      if (width.some((other) => fits(other, h)) && height.some((other) => fits(w, other))) continue;
      const sameAspect = sizes.pairs.filter(([pw, ph]) => pw !== 0 && Math.abs(pw / ph - w.value / h.value) < 0.02);
      const hint = sameAspect.length > 0 ? `: try ${sameAspect.slice(0, 3).map(([a, b]) => `${a}x${b}`).join(', ')}` : '';
      const outcome = sizes.advisory ? 'the API falls back to 1:1' : 'the API rejects it';
      // One finding per width literal: the first pair it makes.
      report(
        {
          message: `${w.raw}x${h.raw} is not one of ${modelName(model)}'s sizes: ${outcome}${hint}.`,
          span: w.span,
          fixes: [],
          endpoint,
          severity: sizes.advisory ? 'warning' : undefined,
        },
        'pair',
      );
    }
  }
}

/** The number options of a side, when every option is a number valid on its own; else undefined. */
function sides(object: ObjectValue, name: string, model: V2Model): NumberValue[] | undefined {
  const property = getProperty(object, name);
  if (!property || property.conditional) return undefined;
  const options = knownOptions(property.value);
  if (options.length === 0 || options.length !== literalOptions(property.value).length) return undefined;
  const numbers = options.filter((o): o is NumberValue => o.kind === 'number');
  if (numbers.length !== options.length) return undefined;
  const param = model.params[name];
  if (param && numbers.some((n) => numberProblem(n.value, param))) return undefined;
  return numbers;
}
