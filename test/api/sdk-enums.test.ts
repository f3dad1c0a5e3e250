// The SDK's enums as code writes them: the table generated from the pinned SDK, and the module
// specifiers that name the SDK's model folders.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sdkEnumValue, sdkModelsFolder } from '../../server/src/api/sdk-enums.js';

test('members read as the values the pinned SDK sends', () => {
  assert.equal(sdkEnumValue('shared', 'SdVersions', 'Sdxl09'), 'SDXL_0_9');
  assert.equal(sdkEnumValue('shared', 'SdGenerationStyle', 'Leonardo'), 'LEONARDO');
  assert.equal(sdkEnumValue('shared', 'StrengthType', 'Mid'), 'Mid');
  // The folders keep enums of one name apart: operations.SdVersions lists models, not base versions.
  assert.equal(sdkEnumValue('operations', 'SdVersions', 'LeonardoDiffusionXl'), 'LEONARDO_DIFFUSION_XL');
  assert.equal(sdkEnumValue('shared', 'SdVersions', 'LeonardoDiffusionXl'), undefined);
});

test("an earlier SDK's Enum-suffixed name is the enum without it; anything else is no value", () => {
  assert.equal(sdkEnumValue('shared', 'SdGenerationStyleEnum', 'Anime'), 'ANIME');
  assert.equal(sdkEnumValue('shared', 'SdVersions', 'Sdxl9'), undefined);
  assert.equal(sdkEnumValue('shared', 'Nope', 'Leonardo'), undefined);
  // Object.prototype is no member.
  assert.equal(sdkEnumValue('shared', 'SdVersions', 'toString'), undefined);
  assert.equal(sdkEnumValue('shared', 'constructor', 'name'), undefined);
});

test("the module specifiers of the SDK's model folders", () => {
  assert.equal(sdkModelsFolder('@leonardo-ai/sdk/sdk/models/shared'), 'shared');
  assert.equal(sdkModelsFolder('@leonardo-ai/sdk/sdk/models/shared/index.js'), 'shared');
  assert.equal(sdkModelsFolder('@leonardo-ai/sdk/sdk/models/shared/sdversions.js'), 'shared');
  assert.equal(sdkModelsFolder('@leonardo-ai/sdk/sdk/models/operations'), 'operations');
  assert.equal(sdkModelsFolder('@leonardo-ai/sdk/dist/sdk/models/shared'), 'shared');
  assert.equal(sdkModelsFolder('@leonardo-ai/sdk'), undefined);
  assert.equal(sdkModelsFolder('@leonardo-ai/sdk/sdk/models/errors'), undefined);
  assert.equal(sdkModelsFolder('@leonardo-ai/sdk-fork/sdk/models/shared'), undefined);
  assert.equal(sdkModelsFolder('./sdk/models/shared'), undefined);
});
