// missing-required, v2 cases: a body without `model`; a parameter the model requires (both sources
// agree: `prompt` for generation models, `width`/`height` for hailuo-2_3, `guidances` with its
// `image_reference` for the upscalers and remove-bg) absent from `parameters`, or `parameters`
// itself absent; inside guidances, a required kind (`start_frame` for grok-imagine-1.5) or an item
// without `image`. Absence sits on the opening brace; a `null` on the key. An object with unknown keys
// or a conditional property may hold the field: never reported.

import { fitMessage, q } from '../messages.js';
import type { V2Param } from '../../api/v2-types.js';
import { insertProperty, stringLiteral } from '../fix/builders.js';
import { listAnd } from '../fix/suggest.js';
import type { Fix, ObjectValue, RuleContext } from '../types.js';
import { getProperty, literalOptions } from '../body/walk.js';
import { modelName, reportOnce, v2Walk } from './walk.js';

export function checkMissingRequiredV2(ctx: RuleContext): void {
  const report = reportOnce(ctx);
  const { bodies, objects } = v2Walk(ctx);
  for (const body of bodies) {
    const object = body.body;
    // `models`/`modelId` instead of `model`: the body still has no `model` (as a v1 `promt` leaves `prompt`
    // missing), and unknown-field's rename of that key is the fix of both, so this finding offers none.
    const misnamed = (['models', 'modelId'] as const).find((key) => getProperty(object, key));
    if (!body.modelProperty && !object.hasUnknownKeys) {
      report({
        message: misnamed
          ? `Rename '${misnamed}' to 'model': a v2 body needs 'model', the model string, and has none.`
          : "A v2 body needs 'model', the model string ('gpt-image-1.5', 'kling-3.0', ...).",
        span: object.openBrace,
        fixes: misnamed ? [] : [insert(object, 'model', '"TODO: model string"', '"TODO: model string"')],
        endpoint: body.endpoint,
      });
    }
    if (body.parametersProperty || object.hasUnknownKeys) continue;
    for (const { model } of body.models) {
      const required = model ? requiredNames(model.params) : [];
      if (!model || required.length === 0) continue;
      report({
        message: `${modelName(model)} requires 'parameters' with ${required.map((n) => `'${n}'`).join(', ')}, and it is missing.`,
        span: object.openBrace,
        fixes: [],
        endpoint: body.endpoint,
      });
    }
  }
  for (const { body, model, object, schema, path } of objects) {
    if (!schema.properties) continue;
    const where = path ? `'${path}'` : "'parameters'";
    const properties = schema.properties;
    const required = requiredNames(properties);
    // Several fields missing from one object are one finding on its brace, not one per field on the same `{`.
    const absent = object.hasUnknownKeys ? [] : required.filter((name) => !getProperty(object, name));
    if (absent.length > 1) {
      report(
        {
          message: missingMessage(path || 'parameters', absent, modelName(model)),
          span: object.openBrace,
          fixes: absent.flatMap((name) => placeholderFix(object, name, properties[name])),
          endpoint: body.endpoint,
        },
        `${path}:${absent.join()}`,
      );
    }
    for (const name of required) {
      const property = getProperty(object, name);
      if (!property) {
        if (object.hasUnknownKeys || absent.length > 1) continue;
        report(
          {
            message: `${where} needs '${name}' for ${modelName(model)}, and it is missing.`,
            span: object.openBrace,
            fixes: placeholderFix(object, name, schema.properties[name]),
            endpoint: body.endpoint,
          },
          `${path}:${name}`,
        );
        continue;
      }
      if (property.conditional) continue;
      const isNull = literalOptions(property.value).some((o) => o.kind === 'null');
      if (!isNull) continue;
      report(
        {
          message: `${where} needs '${name}' for ${modelName(model)}, and it is null.`,
          span: property.keySpan,
          fixes: [],
          endpoint: body.endpoint,
        },
        `${path}:${name}:null`,
      );
    }
  }
}

/** Within the message limit: the names, or their count when they are many. */
function missingMessage(where: string, absent: readonly string[], model: string): string {
  return fitMessage(
    `'${where}' is missing ${listAnd(absent.map(q))}, which ${model} requires: add them.`,
    `'${where}' is missing ${absent.length} fields ${model} requires: add them.`,
  );
}

function requiredNames(properties: Readonly<Record<string, V2Param>>): string[] {
  return Object.entries(properties)
    .filter(([, p]) => p.required)
    .map(([name]) => name);
}

/** A placeholder for a missing string (`prompt`); others have no certain stand-in. */
function placeholderFix(object: ObjectValue, name: string, param: V2Param): Fix[] {
  if (param.type !== 'string') return [];
  const value = param.enum?.[0] !== undefined ? String(param.enum[0]) : name === 'prompt' ? 'TODO: describe what to generate' : `TODO: ${name}`;
  return [insert(object, name, stringLiteral(value, quoteOf(object)), JSON.stringify(value))];
}

/** The title writes the value as JSON, as messages do, whatever quotes the edit uses. */
function insert(object: ObjectValue, name: string, valueText: string, shown: string): Fix {
  return { title: `Add ${q(`${name}: ${shown}`)}`, edits: [insertProperty(object, name, valueText)] };
}

/** The quote of the object's string literals (`"` when it has none). */
function quoteOf(object: ObjectValue): '"' | "'" {
  for (const property of object.properties) {
    for (const option of literalOptions(property.value)) if (option.kind === 'string' && option.quote === "'") return "'";
  }
  return '"';
}
