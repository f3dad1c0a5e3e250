// Leonardo's published API error catalogue (reference data, not in this repo) as data: every entry, with the
// text the API sends, the variants of that text, the cause, the fix and the rules that catch the
// mistake before the request is sent. Served by hovers, the `explain` command and the CLI.
//
// The catalogue lists "Failed to find init variation" twice with two causes; here it is one entry with
// both causes. Where the catalogue and the current API disagree, the entry says so (dimensions).

export interface ApiErrorEntry {
  /** Stable id, for tests and links. */
  id: string;
  /** The catalogue's heading. */
  title: string;
  /** The message the API sends, with `<name>` for the variable part. Absent for status-only entries. */
  error?: string;
  /**
   * Message patterns (case-insensitive). Named groups are captured for the explanation:
   * `name` (a field or variable), `term` (a moderation term), `expected`/`found` (types), `user`.
   */
  patterns: RegExp[];
  /** HTTP status, where the catalogue states it. */
  status?: number;
  /** The JSON `code` of the error body. */
  code?: string;
  /** The error as the API sends it (from the catalogue). */
  example?: string;
  /** Why the API answers this; several when the catalogue gives several. */
  causes: string[];
  /** What to change. */
  fixes: string[];
  /** Request or response fields the entry is about (wire names), for field hovers. */
  fields: string[];
  /** Rules that catch the mistake before the request is sent. */
  rules: string[];
  /** Where the current API differs from the catalogue. */
  note?: string;
  /**
   * Status-only entries (no error text of their own) match by status and these context words, and are
   * never offered on hover.
   */
  context?: RegExp;
}

const json = (error: string, code: string): string =>
  JSON.stringify({ error, path: '$', code }, null, 2);

export const SERVICE_ERROR_ID = 'service-error';

export const apiErrors: readonly ApiErrorEntry[] = [
  {
    id: 'invalid-authorization-hook',
    title: 'Invalid response from authorization hook',
    error: 'Invalid response from authorization hook',
    patterns: [/invalid response from (?:the )?authori[sz]ation hook/i],
    code: 'unexpected',
    example: json('Invalid response from authorization hook', 'unexpected'),
    causes: [
      'The API key is not a valid UUID (a truncated or padded key, a placeholder left in place).',
      'The API key is wrong (revoked, from another account, or from another environment).',
      'The key is not sent the way the API expects: it must be the request header `authorization: Bearer <key>`.',
    ],
    fixes: [
      'Send the header `authorization: Bearer XXXXXXXX-XXXX-XXXX-XXXX-XXXXXXXXXXXX` with your key, with the `Bearer ` prefix and nothing else.',
      'Check the key in the Leonardo.Ai web app (API Access) and read it from an environment variable, e.g. `$LEONARDO_API_KEY`.',
    ],
    fields: [],
    rules: ['auth-header', 'hardcoded-api-key'],
  },
  {
    id: 'authentication-hook-unauthorized',
    title: 'Authentication hook unauthorized this request',
    error: 'Authentication hook unauthorized this request',
    patterns: [/authentication hook unauthori[sz]ed this request/i],
    code: 'access-denied',
    example: json('Authentication hook unauthorized this request', 'access-denied'),
    causes: [
      'The API key is missing from the request or is not sent as `authorization: Bearer <key>` (a misspelled header name, `Bearer:` or `Token` instead of `Bearer `).',
    ],
    fixes: ['Send the header `authorization: Bearer <your API key>`.'],
    fields: [],
    rules: ['auth-header'],
  },
  {
    id: 'invalid-file-extension',
    title: 'Invalid file extension',
    error: 'invalid file extension',
    patterns: [/invalid file extension/i],
    code: 'unexpected',
    example: json('invalid file extension', 'unexpected'),
    causes: [
      'The `extension` of POST /init-image (Upload Init Image) is not a bare file extension: it was given a file name (`photo.png`), an extension with a dot (`.png`), or the image data itself.',
    ],
    fixes: [
      'Send only the extension of the image you will upload: `png`, `jpg`, `jpeg` or `webp`.',
      'The call answers with a presigned URL; upload the file to that URL in a second request (see the guide "How to upload an image using a presigned URL").',
    ],
    fields: ['extension', 'initExtension', 'maskExtension'],
    rules: ['invalid-enum', 'direct-file-upload'],
  },
  {
    id: 'expected-boolean',
    title: 'Expected a boolean for type Boolean but found a string',
    error: "expected a boolean for type 'Boolean', but found a string",
    patterns: [
      /expected an? (?<expected>\w+) for type '?(?<type>\w+)'?,? but found an? (?<found>\w+)/i,
    ],
    code: 'validation-failed',
    example: JSON.stringify(
      {
        error: "expected a boolean for type 'Boolean', but found a string",
        path: '$.selectionSet.sdGenerationJob.args.arg1.photoReal',
        code: 'validation-failed',
      },
      null,
      2,
    ),
    causes: [
      'A value of the wrong JSON type: here a boolean field (the last part of `path`, e.g. `photoReal`) was sent as the string `"true"` or `"false"`, often because the code converted its input to a string.',
    ],
    fixes: ['Send the JSON literal `true` or `false`, without quotes (and numbers without quotes).'],
    fields: ['photoReal', 'alchemy', 'public', 'promptMagic', 'isVariation'],
    rules: ['type-mismatch'],
  },
  {
    id: 'photoreal-unexpected-model-id',
    title: 'Photoreal mode, unexpected model id provided',
    error: 'photoreal mode, unexpected model id provided',
    patterns: [/photoreal mode,? unexpected model id provided/i],
    code: 'unexpected',
    example: json('photoreal mode, unexpected model id provided', 'unexpected'),
    causes: [
      '`photoReal: true` (PhotoReal v1, or no `photoRealVersion`) together with a `modelId`: PhotoReal v1 picks its own model.',
      'Through `@leonardo-ai/sdk`: `createGeneration` sends its default `modelId` even when you leave it out.',
    ],
    fixes: [
      'Remove `modelId` from the request (in an SDK call, pass `modelId: null`).',
      'Or use PhotoReal v2 (`photoRealVersion: "v2"`) with a supported model (Kino XL, Diffusion XL or Vision XL).',
    ],
    fields: ['photoReal', 'modelId', 'photoRealVersion'],
    rules: ['option-conflict'],
  },
  {
    id: 'unexpected-variable',
    title: 'Unexpected variable',
    error: 'Unexpected variable <name>',
    patterns: [/unexpected variable:?\s+["'`]?(?<name>[A-Za-z_$][\w$.]*)/i],
    code: 'bad-request',
    example: json('Unexpected variable sd_Version', 'bad-request'),
    causes: [
      'The body has a key the endpoint does not accept. Keys are case-sensitive: `sd_Version` is not `sd_version`. SDK names (`numImages`) and response names (`guidanceScale`) are not request names either.',
    ],
    fixes: ['Rename the key to the endpoint\'s field name, or remove it.'],
    fields: [],
    rules: ['unknown-field'],
  },
  {
    id: 'upload-no-content',
    title: '204 (No Content) when uploading an image',
    patterns: [/\b204\b[^\n]*no content|no content[^\n]*\b204\b/i],
    status: 204,
    context: /upload|presigned|s3|amazonaws|init.?image/i,
    causes: [
      'This is the success answer of the upload to the presigned URL: it has no body, so there is no image id in it.',
    ],
    fixes: [
      'Take the image id from the earlier POST /init-image answer: `uploadInitImage.id`. Do not parse the upload response.',
    ],
    fields: ['uploadInitImage'],
    rules: ['presigned-upload-response'],
  },
  {
    id: 'too-many-images',
    title: '400 Bad Request: Too many images',
    error: 'Too many images',
    patterns: [/too many images/i],
    status: 400,
    causes: [
      '`num_images` is higher than the endpoint allows for the requested size and settings: at most 8, and at most 4 when `width` or `height` is over 768 (the default size 1024×768 counts as large).',
    ],
    fixes: ['Ask for fewer images (`num_images`), or send several generation requests.'],
    fields: ['num_images', 'width', 'height'],
    rules: ['too-many-images'],
  },
  {
    id: 'upload-forbidden',
    title: '403 Forbidden error when uploading an image',
    patterns: [
      /only one auth mechanism allowed/i,
      /unsupported authorization type/i,
      /<code>\s*accessdenied\s*<\/code>/i,
    ],
    status: 403,
    context: /upload|presigned|s3|amazonaws|x-amz|<Error>/i,
    causes: [
      'The upload to the presigned URL carried authentication headers (your API key): the presigned URL already authorises the upload, and S3 rejects the extra credentials.',
    ],
    fixes: ['Send the upload to the presigned URL without the `authorization` header (only the presigned `fields` and the file).'],
    fields: ['uploadInitImage'],
    rules: ['presigned-upload-auth'],
  },
  {
    id: 'content-moderation',
    title: '403 Forbidden: content moderation filter',
    error: 'content moderation filter: <term>',
    patterns: [
      /content moderation filter(?::\s*(?<term>[^"\n]+?))?\s*(?:["\n]|$)/i,
      /prompt appears to contain inappropriate content/i,
    ],
    status: 403,
    code: 'unexpected',
    example: json('content moderation filter: naked', 'unexpected'),
    causes: [
      'The prompt may produce an image outside Leonardo.Ai\'s Terms of Service (for example pornography or violence, as listed under Limitations of Use).',
    ],
    fixes: ['Reword the prompt without the flagged term.'],
    fields: ['prompt'],
    rules: ['content-moderation'],
  },
  {
    id: 'couldnt-access-image',
    title: "Couldn't access image",
    error: "couldn't access image",
    patterns: [/couldn'?t access image|could not access image/i],
    code: 'unexpected',
    example: json("couldn't access image", 'unexpected'),
    causes: [
      'A variation endpoint (Create Upscale, Create Unzoom, No Background) was given an id that is not an image generated on Leonardo.Ai, for example the id of an uploaded init image (`uploadInitImage.id`). Variations of uploaded images are not supported.',
    ],
    fixes: [
      'Pass a generated image id: `generations_by_pk.generated_images[0].id` from GET /generations/{id} (Get a Single Generation).',
    ],
    fields: ['id', 'generated_images'],
    rules: ['wrong-id-kind'],
  },
  {
    id: 'failed-to-find-init-variation',
    title: 'Failed to find init variation',
    error: 'failed to find init variation',
    patterns: [/failed to find init variation/i],
    code: 'unexpected',
    example: json('failed to find init variation', 'unexpected'),
    causes: [
      'The id is not an image generated on Leonardo.Ai (like "couldn\'t access image"): the endpoint expects `generations_by_pk.generated_images[].id` from Get a Single Generation.',
      '`isVariation` does not describe the id: with `isVariation: true` the id must come from a previous variation (e.g. an upscale result); for an id that is not a variation, `isVariation` must be `false` or absent.',
    ],
    fixes: [
      'Pass a generated image id from Get a Single Generation.',
      'Set `isVariation: true` when the id is the result of a previous variation (upscale, unzoom, no background), and leave it out otherwise.',
    ],
    fields: ['id', 'isVariation'],
    rules: ['wrong-id-kind'],
  },
  {
    id: 'invalid-init-image-id',
    title: 'Invalid init image id',
    error: 'invalid init image id',
    patterns: [/invalid init image id/i],
    code: 'unexpected',
    example: json('invalid init image id', 'unexpected'),
    causes: [
      'The init image id is not a UUID.',
      '`init_image_id` was given the id of an image generated on Leonardo.Ai: it takes the id returned by Upload Init Image (`uploadInitImage.id`).',
    ],
    fixes: [
      'For an uploaded image, pass `uploadInitImage.id` as `init_image_id`.',
      'For a generated image, pass its id as `init_generation_image_id` instead.',
    ],
    fields: ['init_image_id', 'init_generation_image_id'],
    rules: ['invalid-id', 'wrong-id-kind'],
  },
  {
    id: 'empty-generated-images',
    title: '200 Success but image URL array is empty',
    patterns: [/"?generated_images"?\s*:\s*\[\s*\]/i, /"?generatedImages"?\s*:\s*\[\s*\]/],
    status: 200,
    causes: [
      'The generation is not finished: Get a Single Generation answers 200 with an empty `generations_by_pk.generated_images` while `status` is `PENDING`. Generation is not instantaneous.',
    ],
    fixes: [
      'Read the images only when `generations_by_pk.status` is `"COMPLETE"`: poll until then (and stop on `"FAILED"`).',
      'Better: configure a webhook callback URL on the API key and receive the image URLs when they are ready.',
    ],
    fields: ['generated_images', 'status'],
    rules: ['unchecked-generation-status'],
  },
  {
    id: 'key-creation-error',
    title: 'Key Creation Error Occurred',
    error: 'WebhookCallbackUrl is not a valid url (must be https://)',
    patterns: [/webhookcallbackurl is not a valid url/i, /key creation error occurred/i],
    code: 'unexpected',
    example: JSON.stringify(
      {
        errors: [
          {
            message: 'WebhookCallbackUrl is not a valid url (must be https://)',
            extensions: { path: '$', code: 'unexpected' },
          },
        ],
      },
      null,
      2,
    ),
    causes: ['The webhook callback URL given when creating a production API key uses `http://`, not `https://`.'],
    fixes: ['Use an `https://` webhook URL.'],
    fields: [],
    rules: [],
  },
  {
    id: 'not-enough-api-tokens',
    title: 'Not enough API tokens',
    error: 'not enough api tokens userId: <user>',
    patterns: [/not enough api (?:tokens|credits)(?:\s+userid:\s*(?<user>[\w-]+))?/i],
    code: 'unexpected',
    example: json('not enough api tokens userId: XXXXXXXXX-XXXXX-XXXXX-XXXXXXXXXXXXXXXXXX', 'unexpected'),
    causes: ['All API credits of the account are used up.'],
    fixes: ['Top up the API credits of the account (Leonardo.Ai web app, API Access).'],
    fields: [],
    rules: [],
  },
  {
    id: SERVICE_ERROR_ID,
    title: 'Service Error',
    error: 'Service Error',
    patterns: [/^\s*service error\s*$/i, /"service error"/i],
    code: 'unexpected',
    example: json('Service Error', 'unexpected'),
    causes: [
      'A generic error from Leonardo.Ai, without details.',
      'For Motion SVD (POST /generations-motion-svd): `imageId` was given a generation id (`sdGenerationJob.generationId` from Create a Generation) instead of an image id from Get a Single Generation.',
    ],
    fixes: [
      'For Motion SVD, pass `generations_by_pk.generated_images[0].id` as `imageId`.',
      'Otherwise contact Leonardo.Ai support.',
    ],
    fields: ['imageId'],
    rules: ['wrong-id-kind'],
  },
  {
    id: 'invalid-dimensions',
    title: 'Invalid Dimensions',
    error: 'invalid dimensions',
    patterns: [/invalid dimensions/i],
    code: 'unexpected',
    example: json('invalid dimensions', 'unexpected'),
    causes: [
      '`width` or `height` is not a multiple of 8, or outside the allowed range. Often seen with Alchemy, whose pipeline ends with images larger than the input size.',
    ],
    fixes: ['Use a `width` and `height` that are multiples of 8 within the endpoint\'s range.'],
    fields: ['width', 'height'],
    rules: ['invalid-dimensions'],
    note: 'The catalogue says 32 to 1024; the current API accepts 32 to 1536 (multiples of 8) on POST /generations. The realtime canvas (LCM) endpoints take 512, 640 or 1024.',
  },
  {
    id: 'non-nullable-variable',
    title: 'Expecting a value for non-nullable variable: "prompt"',
    error: 'expecting a value for non-nullable variable: "<name>"',
    patterns: [/expecting a value for non-nullable variable:?\s*\\?["'`]?(?<name>[\w$.]+)/i],
    code: 'validation-failed',
    example: json('expecting a value for non-nullable variable: "prompt"', 'validation-failed'),
    causes: [
      'A required field is missing or `null`: `prompt` is the only required field of Create a Generation of Images.',
      'The body is not formatted correctly (not JSON, sent as a string or form data), so the API sees no fields at all.',
    ],
    fixes: ['Send a JSON body (with `content-type: application/json`) that has the named field with a value.'],
    fields: ['prompt'],
    rules: ['missing-required', 'invalid-json'],
  },
];

export function entryById(id: string): ApiErrorEntry | undefined {
  return apiErrors.find((e) => e.id === id);
}
