// invalid-id, v2 cases: an image id (`image.id` of a guidance) or a style id (`style_ids[]`) whose
// literal is not a UUID. A URL or image data in an image's `id` gets the v2 way to send it (`type:
// "URL"` with `url`, or `"BASE64"` with `data`); a style given by its name gets the model's UUID for
// that name (the preferred fix when the name is exactly one of the model's styles).

import { getV2Catalogue } from '../../api/v2.js';
import type { V2Param } from '../../api/v2-types.js';
import { isUuidOrPlaceholder } from '../body/facts.js';
import type { Fix, RuleContext, StringValue, Value } from '../types.js';
import { knownOptions, modelName, reportOnce, v2Walk } from './walk.js';

export function checkInvalidIdV2(ctx: RuleContext): void {
  const report = reportOnce(ctx);
  for (const visit of v2Walk(ctx).properties) {
    const { param } = visit;
    if (!param || param.guideOnly) continue;
    if (param.format === 'uuid') {
      for (const value of badIds(visit.property.value)) {
        report({ message: imageIdMessage(visit.propertyPath, value.value), span: value.span, fixes: [], endpoint: visit.body.endpoint });
      }
    } else if (param.type === 'array' && param.items?.format === 'uuid') {
      for (const list of knownOptions(visit.property.value)) {
        if (list.kind !== 'array') continue;
        for (const element of list.elements) {
          for (const value of badIds(element)) {
            const style = styleNamed(param.items, value.value);
            const message = style
              ? `'${visit.propertyPath}' takes style UUIDs: use ${style.uuid} for "${style.name}".`
              : `An entry of '${visit.propertyPath}' must be a style UUID of ${modelName(visit.model)}, not "${short(value.value)}".`;
            const fixes: Fix[] = style
              ? [{ title: `Use ${style.name}'s UUID`, edits: [{ start: value.inner.start, end: value.inner.end, newText: style.uuid }], preferred: true }]
              : [];
            report({ message, span: value.span, fixes, endpoint: visit.body.endpoint }, `${visit.propertyPath}:${value.value}`);
          }
        }
      }
    }
  }
}

function badIds(value: Value): StringValue[] {
  return knownOptions(value).filter((o): o is StringValue => o.kind === 'string' && !isUuidOrPlaceholder(o.value) && !/\$\{|\{\{|\{\u2026\}/.test(o.value));
}

function short(text: string): string {
  return text.length > 40 ? `${text.slice(0, 39)}\u2026` : text;
}

function imageIdMessage(path: string, text: string): string {
  if (/^data:/i.test(text)) return `'${path}' must be a UUID, not image data: send it as 'type: "BASE64"' with 'data'.`;
  if (/^https?:/i.test(text)) return `'${path}' must be a UUID, not a URL: send it as 'type: "URL"' with 'url'.`;
  return `'${path}' must be a UUID (an uploaded or generated image's id), not "${short(text)}".`;
}

/** A style named instead of its UUID: the model's style of that name (case-insensitive), when there is one. */
function styleNamed(items: V2Param, text: string): { uuid: string; name: string } | undefined {
  if (!items.styleSet) return undefined;
  const catalogue = getV2Catalogue();
  const wanted = text.trim().toLowerCase();
  for (const uuid of catalogue.styleSet(items.styleSet)) {
    const name = catalogue.styleName(uuid);
    if (name?.toLowerCase() === wanted) return { uuid, name };
  }
  return undefined;
}
