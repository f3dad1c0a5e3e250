// Which kind of id a response field holds: an uploaded init image, a generation, an image of a
// generation, or a variation (upscale, no-background, unzoom, universal upscaler) result.

import type { IdKind, Origin } from './types.js';

/** `<operationId> <wire path>` → the kind of id found there. */
const ID_KINDS: Readonly<Record<string, IdKind>> = {
  'uploadInitImage uploadInitImage.id': 'init-image',
  'uploadCanvasInitImage uploadCanvasInitImage.initImageId': 'init-image',
  'uploadCanvasInitImage uploadCanvasInitImage.maskImageId': 'init-image',
  'getInitImageById init_images_by_pk.id': 'init-image',
  'createGeneration sdGenerationJob.generationId': 'generation',
  'createV2Generation generate.generationId': 'generation',
  'createV2Generation generationId': 'generation',
  'createSVDMotionGeneration motionSvdGenerationJob.generationId': 'generation',
  'createTextToVideoGeneration motionVideoGenerationJob.generationId': 'generation',
  'createImageToVideoGeneration motionVideoGenerationJob.generationId': 'generation',
  'getGenerationById generations_by_pk.id': 'generation',
  'getGenerationsByUserId generations[].id': 'generation',
  'getGenerationById generations_by_pk.generated_images[].id': 'generated-image',
  'getGenerationsByUserId generations[].generated_images[].id': 'generated-image',
  'createVariationUpscale sdUpscaleJob.id': 'variation',
  'createVariationNoBG sdNobgJob.id': 'variation',
  'createVariationUnzoom sdUnzoomJob.id': 'variation',
  'CreateUniversalUpscalerJob universalUpscaler.id': 'variation',
  'getVariationById generated_image_variation_generic[].id': 'variation',
  'getGenerationById generations_by_pk.generated_images[].generated_image_variation_generics[].id': 'variation',
  'getGenerationsByUserId generations[].generated_images[].generated_image_variation_generics[].id': 'variation',
};

export function idKindOf(origin: Origin | undefined): IdKind | undefined {
  if (origin?.kind !== 'response' || origin.stage !== 'body' || !origin.endpoint || !origin.field) return undefined;
  return ID_KINDS[`${origin.endpoint.operationId} ${origin.field.path}`];
}

/** How the message names an id kind. */
export const ID_KIND_NAMES: Readonly<Record<IdKind, string>> = {
  'init-image': 'an uploaded init image id',
  generation: 'a generation id',
  'generated-image': 'a generated image id',
  variation: 'a variation id',
};
