// type-mismatch, v2 cases: a parameter literal of the wrong JSON type for the model: `prompt_enhance:
// true` (it takes "ON"/"OFF"/"AUTO"), `style_ids: "<uuid>"` (an array), `"1024"` for a number,
// `7.5` for an integer, `public: "false"` at the top level. Lossless conversions are the preferred
// fix; `true` → "ON" is offered. Parameters only the guides document are not judged.

import type { V2Param } from '../../api/v2-types.js';
import { replaceWithString } from '../fix/builders.js';
import { conversions, describe, TYPE_NAMES, type TypeSpec } from '../rules/type-mismatch.js';
import type { Fix, RuleContext, Value } from '../types.js';
import { hasType, knownOptions, modelName, reportOnce, v2Walk } from './walk.js';

export function checkTypeMismatchV2(ctx: RuleContext): void {
  const report = reportOnce(ctx);
  const { bodies, properties } = v2Walk(ctx);
  for (const body of bodies) {
    // `public` at the top level: a boolean.
    const pub = body.body.properties.find((p) => p.key === 'public');
    for (const option of pub ? knownOptions(pub.value) : []) {
      if (option.kind === 'null' || hasType(option, 'boolean')) continue;
      report({
        message: `'public' must be a boolean, not ${describe(option)}.`,
        span: option.span,
        fixes: conversions(option, { types: ['boolean'] }),
        endpoint: body.endpoint,
      });
    }
  }
  for (const visit of properties) {
    const { param } = visit;
    if (!param || param.guideOnly) continue;
    for (const option of knownOptions(visit.property.value)) {
      if (option.kind === 'null' || hasType(option, param.type)) continue;
      report(
        {
          message: `'${visit.propertyPath}' must be ${expected(param)} for ${modelName(visit.model)}, not ${describe(option)}.`,
          span: option.span,
          fixes: fixes(option, param),
          endpoint: visit.body.endpoint,
        },
        `${visit.propertyPath}:${describe(option)}:${expected(param)}`,
      );
    }
  }
}

/** `an integer`, or the values for an enum (`"ON", "OFF" or "AUTO"`). */
function expected(param: V2Param): string {
  const values = param.enum?.filter((v): v is string => typeof v === 'string');
  const listed = values?.map((v) => `"${v}"`).join(', ') ?? '';
  if (param.type === 'string' && values && values.length > 0 && values.length <= 4 && listed.length <= 40) return `one of ${listed}`;
  return TYPE_NAMES[param.type];
}

function fixes(value: Value, param: V2Param): Fix[] {
  const spec: TypeSpec = { types: [param.type], ...(param.items ? { items: { types: [param.items.type] } } : {}) };
  const lossless = conversions(value, spec).filter((fix) => fix.title.startsWith('Wrap') || !param.enum || enumAccepts(param, fix));
  if (lossless.length > 0) return lossless;
  // A boolean for an ON/OFF switch (`prompt_enhance: true`): offered, never preferred (AUTO exists too).
  if (value.kind === 'boolean' && param.enum?.includes('ON') && param.enum.includes('OFF')) {
    const text = value.value ? 'ON' : 'OFF';
    return [{ title: `Change to "${text}"`, edits: [replaceWithString(value, text)], preferred: false }];
  }
  return [];
}

/** A conversion to a number is only offered when the number is one of the enum's values. */
function enumAccepts(param: V2Param, fix: Fix): boolean {
  const text = fix.edits[0]?.newText ?? '';
  return param.enum!.some((v) => String(v) === text || JSON.stringify(v) === text);
}
