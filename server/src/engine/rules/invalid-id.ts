// invalid-id: an id field (`modelId`, `init_image_id`, variation `id`, `akUUID`, `styleIds[]`, …)
// whose literal is not a UUID. A URL or a file name gets the explanation of how images reach the
// API: upload first, then pass the id. The docs' `XXXXXXXX-XXXX-…` placeholder is UUID-shaped and
// passes; templates and unknown values are never judged.

import type { Field } from '../../api/types.js';
import { getV2Catalogue } from '../../api/v2.js';
import { checkInvalidIdV2 } from '../v2/invalid-id.js';
import { isIdField, isUuidOrPlaceholder } from '../body/facts.js';
import { ruleDocsUrl } from '../rule-docs.js';
import { choiceFixes, replaceWithString } from '../fix/builders.js';
import { listOr } from '../fix/suggest.js';
import type { RequestSite, Rule, RuleContext, StringValue, Value } from '../types.js';
import { fitMessage, plainCode, q } from '../messages.js';
import { endpointLabel, literalOptions, nameFor, walkBodies, type BodyVisitor } from '../body/walk.js';

const INIT_IMAGE_ERROR = 'invalid init image id';
const MODEL_HINT = 'Model ids are listed by GET /platformModels.';
/** The image hints below, as a message that would be too long with the whole of one says them (by wire name). */
const SHORT_HINTS: Readonly<Record<string, string>> = {
  init_image_id: 'upload it with POST /init-image and pass its id',
  initImageId: 'upload it with POST /init-image and pass its id',
  canvasInitId: 'upload it with POST /canvas-init-image and pass its id',
  canvasMaskId: 'upload it with POST /canvas-init-image and pass its id',
  init_generation_image_id: "pass a generated image's id",
  generatedImageId: "pass a generated image's id",
  id: "pass a generated image's id",
  imageId: "pass a generated or uploaded image's id",
};

export const rule: Rule = {
  meta: {
    id: 'invalid-id',
    defaultSeverity: 'error',
    description: 'An id field whose value is not a UUID (a name, a URL or a file name instead of the id the API returned).',
    docsUrl: ruleDocsUrl('invalid-id'),
    fixable: true,
    apiError: INIT_IMAGE_ERROR,
  },
  check(ctx) {
    checkInvalidIdV2(ctx);
    walkBodies(ctx, VISITOR, ctx);
  },
};

/** What the rule does per body property (a module constant: see BodyVisitor). */
const VISITOR: BodyVisitor<RuleContext> = {
  property({ request, property, field }, ctx) {
    if (!field) return;
    if (isIdField(field)) {
      for (const value of badIds(property.value)) report(ctx, request, field, value, q(nameFor(field, request.naming)));
    } else if (isIdListField(field)) {
      const list = literalOptions(property.value);
      for (const option of list) {
        if (option.kind !== 'array') continue;
        for (const element of option.elements) for (const value of badIds(element)) report(ctx, request, field, value, `An entry of ${q(nameFor(field, request.naming))}`);
      }
    }
  },
};

/** Report one id that is not a UUID (a v2 model's name, a platform model's name, a file name, ...). */
function report(ctx: RuleContext, request: RequestSite, field: Field, value: StringValue, subject: string): void {
  const v2 = field.wire === 'modelId' ? v2ModelNamed(value.value) : undefined;
  if (v2) {
    // A v2 model string in a v1 request: that model is reached only through the v2 API.
    const named = v2 === value.value ? `${q(v2)} is a v2 model` : `${q(value.value)} is the v2 model ${q(v2)}`;
    const message = fitMessage(`${named}: send it as 'model' to POST /api/rest/v2/generations; v1 'modelId' takes a UUID.`, `${named}: send it as 'model' to POST /api/rest/v2/generations.`);
    ctx.report({ message, span: value.span, fixes: [], endpoint: endpointLabel(request) });
    return;
  }
  const platform = field.wire === 'modelId' ? getV2Catalogue().v1ModelsNamed(value.value) : [];
  if (platform.length > 0 && !describe(value.value)) {
    // A platform model's name for its id (`"Phoenix"`): its UUID, offered (a name may mean several versions).
    const names = platform.map((p) => p.model.name);
    const full = `modelId takes a UUID, not the name ${shown(value.value)}: use the id of ${listOr(names)}.`;
    ctx.report({
      message: fitMessage(full, `modelId takes a UUID, not a model's name: use the id of ${names[0]} or another version.`),
      span: value.span,
      fixes: choiceFixes(platform.map((p) => ({ title: `Use the id of ${p.model.name}`, edit: replaceWithString(value, p.uuid) })), false),
      endpoint: endpointLabel(request),
    });
    return;
  }
  const apiError = field.wire === 'init_image_id' ? INIT_IMAGE_ERROR : undefined;
  const what = describe(value.value);
  const hint = what ? imageHint(field, request) : field.wire === 'modelId' ? MODEL_HINT : undefined;
  const head = `${subject} must be a UUID, not ${what ?? shown(value.value)}`;
  const short = hint && SHORT_HINTS[field.wire];
  const message = hint ? fitMessage(`${head}: ${hint[0].toLowerCase()}${plainCode(hint.slice(1))}`, ...(short ? [`${head}: ${short}.`] : []), `${head}.`) : `${head}.`;
  const detail = `${apiError ? '' : 'The API rejects the request. '}${hint ?? ''}`.trim() || undefined;
  ctx.report({ message, detail, span: value.span, fixes: [], endpoint: endpointLabel(request), apiError });
}

/** The v2 model string a v1 `modelId` names (exactly, or but for case), retired and guide-only ones too. */
function v2ModelNamed(text: string): string | undefined {
  const catalogue = getV2Catalogue();
  if (catalogue.model(text) || catalogue.retired(text) || catalogue.guideOnlyModel(text)) return text;
  return catalogue.certainModel(text);
}

/** `styleIds`: a list of UUIDs. */
function isIdListField(field: Field): boolean {
  return /Ids$/.test(field.wire) && field.items !== undefined && field.items.types.includes('string');
}

/** The string options of a value that are not UUID-shaped (templates with placeholders are skipped). */
function badIds(value: Value): StringValue[] {
  return literalOptions(value).filter(
    (o): o is StringValue => o.kind === 'string' && !isUuidOrPlaceholder(o.value) && !isTemplate(o.value),
  );
}

/** `${id}`, `{{imageId}}` (Postman, REST Client), `{…}` (a resolved URL's unknown part). */
function isTemplate(text: string): boolean {
  return /\$\{|\{\{|\{\u2026\}/.test(text);
}

const FILE_NAME = /\.(png|jpe?g|webp|gif|bmp|tiff?|avif|heic|mp4|mov)$/i;

/** What a non-id string is, when it is recognisably something else: a URL, a data URL, a file name. */
function describe(text: string): string | undefined {
  if (/^data:/i.test(text)) return 'image data (a data URL)';
  if (/^(https?|file|blob):/i.test(text)) return `a URL (${shown(text)})`;
  if (FILE_NAME.test(text.trim())) return `a file name (${shown(text)})`;
  return undefined;
}

function shown(text: string): string {
  return JSON.stringify(text.length > 40 ? `${text.slice(0, 39)}…` : text);
}

/** How an image reaches the API for this field, when the field takes an image. */
function imageHint(field: Field, request: RequestSite): string | undefined {
  const path = request.endpoint!.path;
  if (field.wire === 'init_image_id' || field.wire === 'initImageId') {
    return 'Upload the image with POST /init-image first (then send the file to the presigned URL it returns), and pass `uploadInitImage.id`.';
  }
  if (field.wire === 'canvasInitId' || field.wire === 'canvasMaskId') {
    return 'Upload the images with POST /canvas-init-image first, and pass the ids it returns.';
  }
  if (path.startsWith('/variations/') || field.wire === 'init_generation_image_id' || field.wire === 'generatedImageId') {
    return 'Pass the id of an image generated on Leonardo.Ai (`generations_by_pk.generated_images[].id` of GET /generations/{id}).';
  }
  if (field.wire === 'imageId' || field.path === 'endFrameImage.id') {
    return 'Pass the id of a generated image, or upload the file with POST /init-image first and pass `uploadInitImage.id`.';
  }
  return undefined;
}
