// The rule registry: every rule the engine runs, in the order of the rule catalogue (docs/rules/, one page per rule).

import { ruleDocsUrl } from '../rule-docs.js';
import type { Rule, RuleMeta } from '../types.js';
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

export const UNUSED_DIRECTIVE_RULE_ID = 'unused-disable-directive';
export const UNUSED_DIRECTIVE_DESCRIPTION =
  'A leonardo-lint-disable comment that suppresses nothing: the problem it was written for is gone, or a rule name is wrong.';
/** The unused-directive report's meta, as a rule's (the report itself is made by suppressions.ts). */
export const UNUSED_DIRECTIVE_META: RuleMeta = {
  id: UNUSED_DIRECTIVE_RULE_ID,
  defaultSeverity: 'warning',
  description: UNUSED_DIRECTIVE_DESCRIPTION,
  docsUrl: ruleDocsUrl(UNUSED_DIRECTIVE_RULE_ID),
  fixable: true,
};

/**
 * Every rule a finding can come from, in catalogue order: the rules, then the unused-directive report.
 * The one list SARIF's `tool.driver.rules`, the ESLint plugin's rules, the config schema and the
 * check of rule ids in configurations read.
 */
export const allRuleMetas: readonly RuleMeta[] = [...allRules.map((r) => r.meta), UNUSED_DIRECTIVE_META];

export function ruleById(id: string): Rule | undefined {
  return allRules.find((r) => r.meta.id === id);
}
