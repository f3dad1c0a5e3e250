// wrong-id-kind: an id of one kind passed where another is expected, followed through the file from
// the response it came from: an uploaded init image id given to a variation endpoint or as
// `init_generation_image_id`; a generation id given as motion `imageId` or a variation `id`; a
// generated image id given as `init_image_id`; a variation result id given without `isVariation: true`.

import type { Field } from '../../api/types.js';
import { flowFor, type Flow } from '../flow/analysis.js';
import { ID_KIND_NAMES, idKindOf } from '../flow/id-kinds.js';
import { endpointName, nameOf, writtenPath } from '../flow/shape.js';
import type { IdKind, ResponseOrigin } from '../flow/types.js';
import { fitMessage, plainCode, q } from '../messages.js';
import { ruleDocsUrl } from '../rule-docs.js';
import { expressionAt } from '../extract/ts/locate.js';
import { insertProperty, renameKey, replaceValue, stringLiteral } from '../fix/builders.js';
import type { Fix, ObjectValue, Property, RequestSite, Rule, RuleContext, StringValue } from '../types.js';
import { endpointLabel, getProperty, literalOptions, walkBodies, type BodyVisitor } from '../body/walk.js';

const ID = 'wrong-id-kind';
const COULD_NOT_ACCESS = "couldn't access image";
const NO_INIT_VARIATION = 'failed to find init variation';
const INVALID_INIT_IMAGE = 'invalid init image id';
const SERVICE_ERROR = 'Service Error';

const GENERATED_IMAGE_PATH = '`generations_by_pk.generated_images[0].id` from GET /generations/{id}';
/** The same, as a message that would be too long with the whole path says it. */
const GENERATED_IMAGE_SHORT = 'a generated image\'s id';

export const rule: Rule = {
  meta: {
    id: ID,
    defaultSeverity: 'error',
    description: 'An id of one kind (uploaded image, generation, generated image, variation) passed where another kind is expected.',
    docsUrl: ruleDocsUrl(ID),
    fixable: true,
    apiError: COULD_NOT_ACCESS,
  },
  check(ctx) {
    const flow = flowFor(ctx);
    if (!flow) return;
    walkBodies(ctx, VISITOR, { ctx, flow });
  },
};

/** What the rule does per body property (a module constant: see BodyVisitor). */
const VISITOR: BodyVisitor<{ ctx: RuleContext; flow: Flow }> = {
  property({ request, object, property, field }, { ctx, flow }) {
    if (!field || request.url?.apiVersion === 'v2') return;
    for (const option of literalOptions(property.value)) {
      if (option.kind !== 'unknown') continue;
      const node = expressionAt(flow.sourceFile, option.span);
      const origin = node && flow.originOf(node);
      const kind = idKindOf(origin);
      if (!kind || origin?.kind !== 'response') continue;
      const slot: Slot = { ctx, flow, request, object, property, field, kind, origin };
      judge(slot);
    }
  },
};

interface Slot {
  ctx: RuleContext;
  flow: Flow;
  request: RequestSite;
  object: ObjectValue;
  property: Property;
  field: Field;
  kind: IdKind;
  origin: ResponseOrigin;
}

function judge(slot: Slot): void {
  const operation = slot.request.endpoint!.operationId;
  const { kind } = slot;
  switch (`${operation} ${slot.field.path}`) {
    case 'createVariationUpscale id':
    case 'createVariationUnzoom id':
    case 'createVariationNoBG id':
      if (kind === 'init-image' || kind === 'generation') {
        report(slot, `variations take the id of an image generated on Leonardo.Ai (${GENERATED_IMAGE_PATH}); variations of uploaded images are not supported`, COULD_NOT_ACCESS, []);
      } else if (operation !== 'createVariationUpscale') {
        variationFlag(slot, 'isVariation', kind === 'variation', NO_INIT_VARIATION);
      }
      return;
    case 'createSVDMotionGeneration imageId':
      if (kind === 'generation') {
        report(slot, `motion takes the id of an image (${GENERATED_IMAGE_PATH}), not the generation's id`, SERVICE_ERROR, []);
      } else if (kind === 'init-image') {
        variationFlag(slot, 'isInitImage', true);
      } else if (kind === 'variation') {
        variationFlag(slot, 'isVariation', true);
      }
      return;
    case 'createGeneration init_image_id': {
      const generated = fieldName(slot, 'init_generation_image_id');
      if (kind === 'generated-image') {
        report(slot, `it takes the id returned by POST /init-image (\`uploadInitImage.id\`); an image generated on Leonardo.Ai goes in \`${generated}\``, INVALID_INIT_IMAGE, rename(slot, 'init_generation_image_id'));
      } else if (kind === 'generation') {
        report(slot, `it takes an image id, not a generation id: for an image of that generation pass ${GENERATED_IMAGE_PATH} as \`${generated}\``, INVALID_INIT_IMAGE, []);
      }
      return;
    }
    case 'createGeneration init_generation_image_id':
      if (kind === 'init-image') {
        report(slot, `it takes the id of an image generated on Leonardo.Ai; an image uploaded with POST /init-image goes in \`${fieldName(slot, 'init_image_id')}\``, undefined, rename(slot, 'init_image_id'));
      } else if (kind === 'generation') {
        report(slot, `it takes an image id, not a generation id: pass ${GENERATED_IMAGE_PATH}`, undefined, []);
      }
      return;
    case 'CreateUniversalUpscalerJob generatedImageId':
    case 'CreateUniversalUpscalerJob initImageId':
    case 'CreateUniversalUpscalerJob variationId':
      upscalerSource(slot);
      return;
    case 'createImageToVideoGeneration imageId':
      imageType(slot, 'imageType');
      return;
    case 'createGeneration controlnets[].initImageId':
      imageType(slot, 'initImageType');
      return;
    case 'uploadDatasetImageFromGen generatedImageId':
      if (kind === 'init-image' || kind === 'generation') {
        report(slot, `it takes the id of an image generated on Leonardo.Ai (${GENERATED_IMAGE_PATH}); an uploaded image goes to POST /datasets/{datasetId}/upload`, undefined, []);
      }
      return;
  }
}

/**
 * A boolean companion that says what kind of id is given (`isVariation`, `isInitImage`): it must be
 * `want`. Silent when the body may set it out of sight or sets it to something not literal.
 */
function variationFlag(slot: Slot, flag: 'isVariation' | 'isInitImage', want: boolean, apiError?: string): void {
  const { object } = slot;
  const existing = getProperty(object, flag);
  const why = !want
    ? `with \`${flag}: true\` the API looks for a variation with that id, and a generated image is not one`
    : flag === 'isVariation'
      ? 'the API looks it up among variations only with `isVariation: true`'
      : 'the API looks it up among uploaded images only with `isInitImage: true`';
  if (existing) {
    const value = existing.value;
    if (existing.conditional || (value.kind !== 'boolean' && value.kind !== 'null')) return;
    if (value.kind === 'boolean' ? value.value === want : !want) return;
    report(slot, why, apiError, [{ title: `Set ${q(flag)} to ${want}`, edits: [replaceValue(value, String(want))], preferred: true }]);
    return;
  }
  if (!want || object.hasUnknownKeys) return;
  report(slot, why, apiError, [{ title: `Add ${q(`${flag}: true`)}`, edits: [insertProperty(object, flag, 'true')], preferred: true }]);
}

/** The universal upscaler names its source by kind: `generatedImageId`, `initImageId` or `variationId`. */
function upscalerSource(slot: Slot): void {
  const slotFor: Partial<Record<IdKind, string>> = { 'generated-image': 'generatedImageId', 'init-image': 'initImageId', variation: 'variationId' };
  const wanted = slotFor[slot.kind];
  if (slot.kind === 'generation') {
    report(slot, `it takes an image id, not a generation id: pass ${GENERATED_IMAGE_PATH} as \`generatedImageId\``, undefined, []);
  } else if (wanted && wanted !== slot.field.wire) {
    report(slot, `the universal upscaler takes this kind of id as \`${wanted}\``, undefined, rename(slot, wanted));
  }
}

/** `imageType` / `controlnets[].initImageType` says whether the id is GENERATED or UPLOADED. */
function imageType(slot: Slot, typeKey: string): void {
  const want = slot.kind === 'init-image' ? 'UPLOADED' : slot.kind === 'generated-image' ? 'GENERATED' : undefined;
  if (!want) return;
  const existing = getProperty(slot.object, typeKey);
  if (!existing || existing.conditional) return;
  const values = literalOptions(existing.value);
  const wrong = values.filter((v): v is StringValue => v.kind === 'string' && v.value !== want && (v.value === 'UPLOADED' || v.value === 'GENERATED'));
  if (wrong.length === 0 || wrong.length !== values.length) return;
  const fixes: Fix[] = wrong.map((v) => ({ title: `Set ${q(typeKey)} to "${want}"`, edits: [replaceValue(v, stringLiteral(want, v.quote))], preferred: true }));
  report(slot, `\`${typeKey}\` must say "${want}"`, undefined, fixes);
}

/** The name a field of the request's endpoint has in this request (wire or SDK name). */
function fieldName(slot: Slot, wire: string): string {
  const target = slot.request.endpoint!.fields.find((f) => f.wire === wire);
  return target ? nameOf(target, slot.request.naming) : wire;
}

/** Rename the key to another field of the same body (not offered when that key is already there). */
function rename(slot: Slot, wire: string): Fix[] {
  const name = fieldName(slot, wire);
  if (getProperty(slot.object, name)) return [];
  return [{ title: `Rename to ${q(name)}`, edits: [renameKey(slot.property, name)], preferred: true }];
}

function report(slot: Slot, why: string, apiError: string | undefined, fixes: Fix[]): void {
  const { property, origin, kind, request } = slot;
  // Each fix is decided on the body's other keys (the companion flag, whether the new name is taken):
  // `--fix` applies it in a pass in which no other fix edits the body (fix/apply.ts), and it is offered,
  // not preferred, while the body has a key the endpoint does not know (fix/reads.ts).
  for (const fix of fixes) fix.reads = [slot.object.span];
  const source = `The id is \`${writtenPath(origin)}\` from ${endpointName(origin.endpoint!)}.`;
  const head = `${q(property.key)} is given ${ID_KIND_NAMES[kind]}`;
  const shorter = plainCode(why.replace(GENERATED_IMAGE_PATH, GENERATED_IMAGE_SHORT));
  // `it takes X; Y goes in Z`: the second half is the fix, when the whole is too long.
  const fix = shorter.includes('; ') ? shorter.slice(shorter.indexOf('; ') + 2) : shorter;
  const message = fitMessage(`${head}: ${plainCode(why)}.`, `${head}: ${shorter}.`, `${head}: ${fix}.`, `${head}.`);
  slot.ctx.report({
    message,
    detail: message.endsWith(`${head}.`) ? `${source} ${why[0].toUpperCase()}${why.slice(1)}.` : source,
    span: property.keySpan,
    fixes,
    endpoint: endpointLabel(request),
    apiError,
  });
}
