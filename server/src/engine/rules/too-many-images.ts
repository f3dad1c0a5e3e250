// too-many-images: more images than one request may ask for: 8 at most, 4 at most when width or
// height is over 768. An omitted size counts as the default 1024×768 (the API's, and what the SDK
// sends), so `num_images: 5` without a size is too many. The API answers `400 Bad Request: Too many
// images`. This rule alone judges the image count (out-of-range skips it).

import type { Field, Naming } from '../../api/types.js';
import { q } from '../messages.js';
import { perObject } from '../per-object.js';
import { ruleDocsUrl } from '../rule-docs.js';
import { choiceFixes, replaceValue } from '../fix/builders.js';
import type { ObjectValue, Rule, RuleContext } from '../types.js';
import { endpointLabel, literalOptions, nameFor, propertyFor, walkBodies, type ObjectVisit, type BodyVisitor } from '../body/walk.js';
import { checkTooManyImagesV2 } from '../v2/too-many-images.js';

const ID = 'too-many-images';
const API_ERROR = '400 Bad Request: Too many images';
const MAX_IMAGES = 8;
const MAX_LARGE_IMAGES = 4;
/** Width or height over this makes a request "large". */
const LARGE_SIDE = 768;

const COUNT_NAMES = new Set(['num_images', 'numImages']);
/** Width first, for `1024×768`. */
const SIZE_NAMES = ['width', 'imageWidth', 'height', 'imageHeight'];

/** The number-of-images field (`num_images`, the pricing calculator's `numImages`). */
export function isImageCountField(field: Field): boolean {
  return COUNT_NAMES.has(field.wire);
}

/** Why the request is large: the side and the value that make it so. */
interface LargeSide {
  name: string;
  value: number;
  /** The value is the default for an omitted field. */
  isDefault: boolean;
}

export const rule: Rule = {
  meta: {
    id: ID,
    defaultSeverity: 'error',
    description: 'More images than one request may ask for: 8, or 4 when width or height is over 768.',
    docsUrl: ruleDocsUrl(ID),
    fixable: true,
    apiError: API_ERROR,
  },
  check(ctx) {
    checkTooManyImagesV2(ctx);
    walkBodies(ctx, VISITOR, ctx);
  },
};

/** What the rule does per body object (a module constant: see BodyVisitor). */
const VISITOR: BodyVisitor<RuleContext> = {
  object(visit, ctx) {
    const countField = countFieldOf(visit.fields);
    const count = countField && propertyFor(visit.object, countField, visit.request.naming);
    if (!count) return;
    // Up to 4 images is never too many: the sizes are read only when the count could be.
    if (!literalOptions(count.value).some((o) => o.kind === 'number' && o.value > MAX_LARGE_IMAGES)) return;
    // A count with several options (`hd ? 2 : 8`) is paired with no one option of a side that has
    // several (`hd ? 1024 : 512`): which goes with which cannot be known, so every option must be large.
    const countOptions = literalOptions(count.value).filter((o) => o.kind === 'number').length;
    const large = largeSide(visit, countOptions > 1);
    const limit = large ? MAX_LARGE_IMAGES : MAX_IMAGES;
    for (const option of literalOptions(count.value)) {
      if (option.kind !== 'number' || option.value <= limit) continue;
      // Read field by field, not spread: a spread of the message's object costs more than the rest of the finding.
      const said = message(count.key, option.raw, limit, large, visit);
      ctx.report({
        message: said.message,
        detail: said.detail,
        span: option.span,
        fixes: choiceFixes([{ title: `Set ${q(count.key)} to ${limit}`, edit: replaceValue(option, String(limit)) }], false), // a clamp
        endpoint: endpointLabel(visit.request),
        apiError: API_ERROR,
      });
    }
  },
};

/**
 * The first side over 768 that can be sent: a literal (any option of `c ? 1024 : 512`; every option
 * when `every`), or the default of an omitted side. A side that is conditional, unknown, or possibly
 * among unknown keys does not count: then only the hard limit of 8 is judged.
 */
function largeSide({ object, fields, request }: ObjectVisit, every = false): LargeSide | undefined {
  for (const field of sizeFields(fields)) {
    const side = sideValues(object, field, request.naming);
    if (every && side?.values.some((v) => v <= LARGE_SIDE)) continue;
    const value = side?.values.find((v) => v > LARGE_SIDE);
    if (side && value !== undefined) return { name: nameFor(field, request.naming), value, isDefault: side.isDefault };
  }
  return undefined;
}

const sizeFields = perObject((fields: readonly Field[]) => SIZE_NAMES.flatMap((name) => fields.filter((f) => f.wire === name)));

/** The image-count field among an object's fields. */
const countFieldOf = perObject((fields: readonly Field[]) => fields.find(isImageCountField));

function sideValues(object: ObjectValue, field: Field, naming: Naming): { values: number[]; isDefault: boolean } | undefined {
  const property = propertyFor(object, field, naming);
  if (property) {
    if (property.conditional) return undefined;
    const values = literalOptions(property.value).flatMap((o) => (o.kind === 'number' ? [o.value] : []));
    return { values, isDefault: false };
  }
  if (object.hasUnknownKeys || typeof field.sdkDefault !== 'number') return undefined;
  return { values: [field.sdkDefault], isDefault: true };
}

function message(name: string, raw: string, limit: number, large: LargeSide | undefined, visit: ObjectVisit): { message: string; detail?: string } {
  if (!large) return { message: `${q(name)} ${raw} is more than the ${MAX_IMAGES} images one request may ask for: use ${MAX_IMAGES} or fewer.` };
  const defaults = sizeFields(visit.fields).filter((f) => typeof f.sdkDefault === 'number');
  const whose = visit.request.naming === 'sdk' ? 'the SDK sends' : 'the API uses';
  const size = large.isDefault ? `the default ${large.name} ${large.value}` : `${large.name} ${large.value}`;
  const rule = `When width or height is over ${LARGE_SIDE}, a request may ask for at most ${limit} images.`;
  // (Over 8, the count is too many whatever the size: that is said first, the size only for the limit.)
  const over = Number(raw) > MAX_IMAGES;
  return {
    message: over
      ? `${q(name)} ${raw} is more than the ${MAX_IMAGES} images one request may ask for, and ${limit} with ${size}: use ${limit} or fewer.`
      : `${q(name)} ${raw} is too many with ${size}: over ${LARGE_SIDE} wide or high, use ${limit} or fewer.`,
    detail: large.isDefault ? `${large.name} is omitted, and ${whose} ${defaults.map((f) => f.sdkDefault).join('×')}. ${rule}` : rule,
  };
}
