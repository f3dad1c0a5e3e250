// The SDK's enums as code writes them (`SdVersions.Sdxl09`, `shared.SdGenerationStyle.Leonardo`): the
// value each member sends, from the pinned SDK (catalogue.generated.json's `sdkEnums`, written by
// scripts/gen-api.ts). A member name is the SDK generator's spelling of its value, so a member this
// table lacks (an older SDK's, a misspelt one) is no value at all, never another one.

import generatedJson from './catalogue.generated.json';
import type { GeneratedCatalogue } from './types.js';

const ENUMS = (generatedJson as GeneratedCatalogue).sdkEnums ?? {};

export type SdkModelsFolder = 'shared' | 'operations';

/**
 * The SDK's model folders as modules import them: `@leonardo-ai/sdk/sdk/models/shared`, one file of it
 * (`.../shared/sdversions.js`), and the `dist/` paths of the SDK's earlier versions.
 */
const MODELS = /^@leonardo-ai\/sdk\/(?:dist\/|src\/)?sdk\/models\/(shared|operations)(?:\/[\w.-]+)?$/;

/** Which of the SDK's model folders a module specifier names, if any. */
export function sdkModelsFolder(module: string): SdkModelsFolder | undefined {
  return MODELS.exec(module)?.[1] as SdkModelsFolder | undefined;
}

/**
 * The value `name.member` sends, for an enum of `folder`. The SDK's earlier versions named their
 * enums with an `Enum` suffix (`SdVersionsEnum`): such a name is read as the enum without it.
 */
export function sdkEnumValue(folder: SdkModelsFolder, name: string, member: string): string | undefined {
  const members = Object.hasOwn(ENUMS, `${folder}.${name}`)
    ? ENUMS[`${folder}.${name}`]
    : name.endsWith('Enum') && Object.hasOwn(ENUMS, `${folder}.${name.slice(0, -4)}`)
      ? ENUMS[`${folder}.${name.slice(0, -4)}`]
      : undefined;
  return members && Object.hasOwn(members, member) ? members[member] : undefined;
}
