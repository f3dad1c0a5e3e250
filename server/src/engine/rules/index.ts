// The rule registry: every rule the engine runs, in the order of the rule catalogue (docs/rules/, one page per rule).

import type { Rule } from '../types.js';
import { rule as unknownField } from './unknown-field.js';
import { rule as typeMismatch } from './type-mismatch.js';
import { rule as invalidEnum } from './invalid-enum.js';
import { rule as outOfRange } from './out-of-range.js';
import { rule as invalidDimensions } from './invalid-dimensions.js';
import { rule as tooManyImages } from './too-many-images.js';
import { rule as missingRequired } from './missing-required.js';
import { rule as invalidId } from './invalid-id.js';
import { rule as optionConflict } from './option-conflict.js';
import { rule as ineffectiveOption } from './ineffective-option.js';
import { rule as deprecatedField } from './deprecated-field.js';
import { rule as duplicateField } from './duplicate-field.js';
import { rule as unknownEndpoint } from './unknown-endpoint.js';
import { rule as invalidJson } from './invalid-json.js';
import { rule as authHeader } from './auth-header.js';
import { rule as hardcodedApiKey } from './hardcoded-api-key.js';
import { rule as clientExposedApiKey } from './client-exposed-api-key.js';
import { rule as presignedUploadAuth } from './presigned-upload-auth.js';
import { rule as directFileUpload } from './direct-file-upload.js';
import { rule as presignedUploadResponse } from './presigned-upload-response.js';
import { rule as uncheckedGenerationStatus } from './unchecked-generation-status.js';
import { rule as wrongIdKind } from './wrong-id-kind.js';
import { rule as unknownResponseField } from './unknown-response-field.js';
import { rule as contentModeration } from './content-moderation.js';

export const allRules: Rule[] = [
  unknownField,
  typeMismatch,
  invalidEnum,
  outOfRange,
  invalidDimensions,
  tooManyImages,
  missingRequired,
  invalidId,
  optionConflict,
  ineffectiveOption,
  deprecatedField,
  duplicateField,
  unknownEndpoint,
  invalidJson,
  authHeader,
  hardcodedApiKey,
  clientExposedApiKey,
  presignedUploadAuth,
  directFileUpload,
  presignedUploadResponse,
  uncheckedGenerationStatus,
  wrongIdKind,
  unknownResponseField,
  contentModeration,
];

export function ruleById(id: string): Rule | undefined {
  return allRules.find((r) => r.meta.id === id);
}
