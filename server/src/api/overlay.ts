// Hand-written facts the SDK's zod schemas do not carry, merged over catalogue.generated.json by
// catalogue.ts. Every fact names its source: the SDK description it was read from (quoted, so
// test/api/overlay.test.ts can catch an SDK bump that changes the prose), the OpenAPI document, or
// a docs.leonardo.ai page. Paths are wire names, dotted, `[]` for array items.

import type { EndpointSpec, EndpointStatus, FieldConstraints, FieldSpec, FieldType } from './types.js';

export interface ConstraintPatch extends FieldConstraints {
  source: string;
}

export interface OverlayEndpoint extends EndpointSpec {
  removedNote?: string;
  /** Where the endpoint's facts come from. */
  source: string;
}

export interface Overlay {
  /** operationId → wire path → constraints stated only in prose. */
  constraints: Record<string, Record<string, ConstraintPatch>>;
  /** operationId → wire path → why the field is required although the SDK marks it optional. */
  required: Record<string, Record<string, string>>;
  /**
   * operationId → fields the API accepts although the spec lacks them; `extra` says why. `under` is the
   * wire path of the object (or list of objects, `controlnets[]`) that holds one, when it is not the body.
   */
  extraFields: Record<string, Array<FieldSpec & { extra: string; under?: string }>>;
  /** operationId → status other than `current`, with its source. */
  status: Record<string, { status: EndpointStatus; source: string }>;
  /** Operations the SDK does not generate. */
  endpoints: OverlayEndpoint[];
}

/** A range read from an SDK description; `quote` is the sentence that states it. */
function range(min: number, max: number, quote: string, multipleOf?: number): ConstraintPatch {
  return { min, max, ...(multipleOf ? { multipleOf } : {}), source: `SDK description: "${quote}"` };
}

function allowed(values: Array<number | string>, quote: string): ConstraintPatch {
  return { allowed: values, source: `SDK description: "${quote}"` };
}

function maxOnly(max: number, quote: string): ConstraintPatch {
  return { max, source: `SDK description: "${quote}"` };
}

/** A field of an operation the SDK does not generate (facts from the OpenAPI document). */
function specField(wire: string, types: FieldType[], more: Partial<FieldSpec> = {}): FieldSpec {
  return { wire, sdk: wire, types, nullable: false, required: false, sdkAlwaysSent: false, deprecated: false, ...more };
}

const IMAGE_EXTENSIONS = allowed(['png', 'jpg', 'jpeg', 'webp'], 'Has to be png, jpg, jpeg, or webp.');
const SIZE_1536 = range(32, 1536, 'Must be between 32 and 1536 and be a multiple of 8.', 8);
const SIZE_1024 = range(32, 1024, 'Must be between 32 and 1024 and be a multiple of 8.', 8);
const NUM_IMAGES = range(1, 8, 'Must be between 1 and 8. If either width or height is over 768, must be between 1 and 4.');
const STEPS = range(10, 60, 'Must be between 10 and 60.');
const PHOTOREAL_STRENGTH = allowed([0.55, 0.5, 0.45], 'Must be 0.55 for low, 0.5 for medium, or 0.45 for high.');
const PHOTOREAL_VERSION = allowed(['v1', 'v2'], 'The version of photoReal to use. Must be v1 or v2.');
const PROMPT_MAGIC_STRENGTH = range(0.1, 1, 'Strength of prompt magic. Must be a float between 0.1 and 1.0');
const PROMPT_MAGIC_VERSION = allowed(['v2', 'v3'], 'Prompt magic version v2 or v3, for use when promptMagic: true');
const SEED_MAX = maxOnly(9999999998, 'The maximum seed value is 2147483637 for Flux and 9999999998 for other models');
const LCM_SIZE = allowed([512, 640, 1024], 'Must be 512, 640 or 1024.');

/** The Realtime Canvas (LCM) bodies share their sampling fields and descriptions. */
const LCM = {
  width: LCM_SIZE,
  height: LCM_SIZE,
  steps: range(4, 16, 'Must be between 4 and 16.'),
  guidance: range(0.5, 20, 'Must be a float between 0.5 and 20.'),
  strength: range(0.1, 1, 'Must be a float between 0.1 and 1.'),
  seed: SEED_MAX,
};

const SPEC_REQUIRED = 'OpenAPI document: listed in `required` (the SDK makes it optional because the spec also gives a default)';

export const overlay: Overlay = {
  constraints: {
    createGeneration: {
      width: SIZE_1536,
      height: SIZE_1536,
      num_images: NUM_IMAGES,
      num_inference_steps: STEPS,
      guidance_scale: range(1, 20, 'Must be between 1 and 20.'),
      init_strength: range(0.1, 0.9, 'Must be a float between 0.1 and 0.9.'),
      // minimum/maximum are real OpenAPI keywords here; the discrete set is prose.
      contrast: {
        min: 1,
        max: 4.5,
        allowed: [1, 1.3, 1.8, 2.5, 3, 3.5, 4, 4.5],
        source: 'OpenAPI document (minimum 1, maximum 4.5); SDK description: "Accepts values [1.0, 1.3, 1.8, 2.5, 3, 3.5, 4, 4.5]."',
      },
      contrastRatio: range(0, 1, 'Must be a float between 0 and 1 inclusive.'),
      photoRealStrength: PHOTOREAL_STRENGTH,
      photoRealVersion: PHOTOREAL_VERSION,
      promptMagicStrength: PROMPT_MAGIC_STRENGTH,
      promptMagicVersion: PROMPT_MAGIC_VERSION,
      seed: SEED_MAX,
    },
    createLCMGeneration: LCM,
    performInstantRefine: LCM,
    performInpaintingLCM: LCM,
    performAlchemyUpscaleLCM: Object.assign({}, LCM, { refineStrength: range(0.5, 0.9, 'Must be a float between 0.5 and 0.9.') }),
    CreateUniversalUpscalerJob: {
      creativityStrength: range(1, 10, 'The creativity strength of the universal upscaler. Must be between 1 and 10.'),
      detailContrast: range(1, 10, 'The detail contrast of the universal upscaler. Must be between 1 and 10.'),
      similarity: range(1, 10, 'The similarity of the universal upscaler. Must be between 1 and 10.'),
      upscaleMultiplier: range(1, 2, 'The upscale multiplier of the universal upscaler. Must be between 1.0 and 2.0.'),
    },
    createTextToVideoGeneration: {
      duration: allowed([4, 6, 8], 'Allowed values: 4, 6, or 8. Supported on models VEO3 and VEO3FAST.'),
      seed: maxOnly(4294967293, 'The maximum seed value is 2147483637 for Motion 2.0 and 4294967293 for Veo3.'),
    },
    createImageToVideoGeneration: {
      duration: allowed(
        [4, 6, 8, 5, 10],
        'Allowed values: 4, 6, or 8 on models VEO3 and VEO3FAST (default: 8) and 5 or 10 on model KLING2_5 (default: 5).',
      ),
      seed: maxOnly(2147483637, 'The maximum seed value is 2147483637 for Motion 2.0.'),
    },
    uploadInitImage: { extension: IMAGE_EXTENSIONS },
    uploadDatasetImage: { extension: IMAGE_EXTENSIONS },
    uploadCanvasInitImage: { initExtension: IMAGE_EXTENSIONS, maskExtension: IMAGE_EXTENSIONS },
    uploadMedia: { extension: allowed(['mp4', 'mov'], 'Supported extensions: mp4, mov.') },
    createModel: { resolution: allowed([512, 768], 'The resolution for training. Must be 512 or 768.') },
    createElement: {
      resolution: allowed([1024], 'The resolution for training. Must be 1024.'),
      // The values are listed in prose, not as an enum.
      lora_focus: allowed(['General', 'Character', 'Style', 'Object'], "Options are 'General' | 'Character' | 'Style' | 'Object'."),
      // The widest bounds of the per-model table in the description (FLUX_DEV narrows them).
      learning_rate: { min: 0.00000001, max: 0.001, source: 'SDK description: table of Min/Max per Model Type and Lora Focus' },
      num_train_epochs: { min: 1, max: 250, source: 'SDK description: table of Min/Max per Model Type and Lora Focus' },
    },
    pricingCalculator: {
      'serviceParams.IMAGE_GENERATION.imageWidth': SIZE_1024,
      'serviceParams.IMAGE_GENERATION.imageHeight': SIZE_1024,
      'serviceParams.IMAGE_GENERATION.numImages': NUM_IMAGES,
      'serviceParams.IMAGE_GENERATION.inferenceSteps': STEPS,
      'serviceParams.IMAGE_GENERATION.photoRealStrength': PHOTOREAL_STRENGTH,
      'serviceParams.IMAGE_GENERATION.photoRealVersion': PHOTOREAL_VERSION,
      'serviceParams.IMAGE_GENERATION.promptMagicStrength': PROMPT_MAGIC_STRENGTH,
      'serviceParams.IMAGE_GENERATION.promptMagicVersion': PROMPT_MAGIC_VERSION,
      'serviceParams.FANTASY_AVATAR_GENERATION.imageWidth': SIZE_1024,
      'serviceParams.FANTASY_AVATAR_GENERATION.imageHeight': SIZE_1024,
      'serviceParams.FANTASY_AVATAR_GENERATION.numImages': NUM_IMAGES,
      'serviceParams.LCM_GENERATION.width': LCM_SIZE,
      'serviceParams.LCM_GENERATION.height': LCM_SIZE,
      'serviceParams.MODEL_TRAINING.datasetImageCount': range(1, 50, 'Must be between 1 and 50.'),
      'serviceParams.MODEL_TRAINING.resolution': allowed([512, 768, 1024], 'Must be 512, 768, or 1024.'),
      'serviceParams.MOTION_VIDEO_GENERATION.resolution': allowed(
        ['RESOLUTION_480', 'RESOLUTION_720'],
        'Must be RESOLUTION_480 or RESOLUTION_720.',
      ),
      'serviceParams.UNIVERSAL_UPSCALER.megapixel': maxOnly(20, 'The maximum upscaled image size is 20 megapixels.'),
      'serviceParams.UNIVERSAL_UPSCALER_ULTRA.upscaleMultiplier': range(1, 2, 'Must be between 1.00 and 2.00.'),
    },
    listBlueprints: {
      first: { min: 1, max: 100, source: 'OpenAPI document: listBlueprints first (minimum 1, maximum 100)' },
      last: { min: 1, max: 100, source: 'OpenAPI document: listBlueprints last (minimum 1, maximum 100)' },
    },
  },

  required: {
    createGeneration: { prompt: SPEC_REQUIRED },
    createElement: {
      name: SPEC_REQUIRED,
      datasetId: SPEC_REQUIRED,
      sd_version: SPEC_REQUIRED,
      train_text_encoder: SPEC_REQUIRED,
    },
  },

  extraFields: {
    createGeneration: [
      Object.assign({}, specField('styleUUID', ['string'], { description: 'The UUID of a style to apply (Phoenix and Flux models).' }), {
        extra: 'docs.leonardo.ai guides "Generate with Leonardo Phoenix" and "Generate with Flux" send styleUUID',
      }),
      Object.assign({}, specField('contextImages', ['array'], { description: 'The images FLUX.1 Kontext works from (`{ type: "UPLOADED", id }`).' }), {
        extra: 'docs.leonardo.ai FLUX.1 Kontext recipe (2025) sends contextImages: [{ type: "UPLOADED", id }] to POST /generations',
      }),
      Object.assign(
        {},
        specField('influence', ['number'], {
          description: 'With several Style References, the ratio of their influences (1 and 1 is 1:1; the total need not be 1).',
        }),
        {
          under: 'controlnets[]',
          extra: 'docs.leonardo.ai guide "Generate Images Using Image Guidance" (Style Reference) sends controlnets[].influence',
        },
      ),
    ],
  },

  status: {
    createVideoUpscale: {
      status: 'sdk-only',
      source: 'in @leonardo-ai/sdk 4.21.3, absent from the 2026-05-21 OpenAPI document',
    },
  },

  endpoints: [
    {
      method: 'GET',
      path: '/blueprints',
      operationId: 'listBlueprints',
      summary: 'List Blueprints',
      hasBody: true,
      bodyRequired: false,
      status: 'spec-only',
      source: 'OpenAPI document (GET with a JSON body; the SDK does not generate it)',
      fields: [
        specField('first', ['integer'], { description: 'Number of items to return after the cursor (forward pagination)' }),
        specField('after', ['string'], { description: 'Cursor to paginate forward from' }),
        specField('last', ['integer'], { description: 'Number of items to return before the cursor (backward pagination)' }),
        specField('before', ['string'], { description: 'Cursor to paginate backward from' }),
        specField('platforms', ['array'], {
          items: specField('platforms', ['string'], { enum: ['Android', 'iOS', 'Web', 'API'], required: true }),
          description: 'Filter Blueprints by platforms that they can be executed on',
        }),
        specField('categories', ['array'], {
          items: specField('categories', ['string'], { required: true }),
          description: 'Filter Blueprints by category',
        }),
      ],
    },
    {
      method: 'GET',
      path: '/models-3d/{id}',
      operationId: 'get3DModelById',
      summary: 'Get 3D Model by ID',
      hasBody: true,
      bodyRequired: false,
      status: 'spec-only',
      source: 'OpenAPI document (GET with a JSON body; the SDK does not generate it)',
      fields: [specField('id', ['string'], { nullable: true })],
    },
    {
      method: 'GET',
      path: '/models-3d/user/{userId}',
      operationId: 'get3DModelsByUserId',
      summary: 'Get 3D models by user ID',
      hasBody: true,
      bodyRequired: false,
      status: 'spec-only',
      source: 'OpenAPI document (GET with a JSON body; the SDK does not generate it)',
      fields: [specField('userId', ['string'], { nullable: true })],
    },
    {
      method: 'POST',
      path: '/generations-texture',
      operationId: 'createTextureGeneration',
      summary: 'Create Texture Generation',
      hasBody: true,
      bodyRequired: false,
      status: 'removed',
      removedNote: 'removed from the API in April 2026',
      source: 'OpenAPI document of 2026-04-15 (absent from the 2026-04-20 document and from SDK 4.21.3)',
      fields: [
        specField('front_rotation_offset', ['integer'], { nullable: true }),
        specField('modelAssetId', ['string']),
        specField('negative_prompt', ['string'], { nullable: true }),
        specField('preview', ['boolean'], { nullable: true }),
        specField('preview_direction', ['string'], { nullable: true }),
        specField('prompt', ['string']),
        specField('sd_version', ['string'], { nullable: true }),
        specField('seed', ['integer'], { nullable: true }),
      ],
    },
  ],
};
