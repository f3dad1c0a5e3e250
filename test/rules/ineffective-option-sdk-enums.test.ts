// ineffective-option on values written as members of the SDK's enums (`SdVersions.Sdxl09`,
// `SdGenerationStyle.Leonardo`): read as the values they send, from the pinned SDK's own enums.
import { edit, ruleTester } from '../helpers/rule-tester.js';

const MODEL = 'de7d3faf-762f-48e0-b3b7-9d0ac3a3fcf3';
/** A service class calling the SDK, as SDK users write it (the enums imported from the SDK's models). */
const SERVICE = (imports: string, args: string) => `import { Leonardo } from '@leonardo-ai/sdk';
${imports}

export class ImageService {
  private readonly leonardo = new Leonardo({ bearerAuth: process.env.LEONARDO_API_KEY ?? '' });

  async generate(prompt: string) {
    const res = await this.leonardo.image.createGeneration(${args});
    return res.object?.sdGenerationJob?.generationId;
  }
}
`;
const SHARED = `import { SdGenerationStyle, SdVersions } from '@leonardo-ai/sdk/sdk/models/shared';`;

ruleTester.run('ineffective-option', {
  valid: [
    {
      name: 'an alchemy style with alchemy on (the SDK default)',
      code: SERVICE(SHARED, `{ prompt, modelId: '${MODEL}', presetStyle: SdGenerationStyle.Dynamic }`),
    },
    {
      name: 'LEONARDO with alchemy off',
      code: SERVICE(SHARED, `{ prompt, modelId: '${MODEL}', alchemy: false, presetStyle: SdGenerationStyle.Leonardo }`),
    },
    {
      name: 'sdVersion with modelId: null',
      code: SERVICE(SHARED, `{ prompt, modelId: null, sdVersion: SdVersions.Sdxl10 }`),
    },
    {
      name: 'a member the SDK does not have is no value',
      code: SERVICE(SHARED, `{ prompt, modelId: '${MODEL}', presetStyle: (SdGenerationStyle as any).Leonardoo }`),
    },
    {
      name: 'a same-named object of the file is not the SDK enum',
      code: SERVICE(`const SdGenerationStyle = { Leonardo: 'DYNAMIC' } as const;`, `{ prompt, modelId: '${MODEL}', presetStyle: SdGenerationStyle.Leonardo as never }`),
    },
    {
      name: 'an enum of another package',
      code: SERVICE(`import { SdGenerationStyle } from '@acme/leonardo-types';`, `{ prompt, modelId: '${MODEL}', presetStyle: SdGenerationStyle.Leonardo }`),
    },
  ],
  invalid: [
    {
      name: 'sdVersion as an enum member beside a modelId (real code: a typed service class)',
      code: SERVICE(SHARED, `{ prompt, sdVersion: SdVersions.Sdxl09, modelId: '${MODEL}' }`),
      findings: [
        {
          message: "'sdVersion' has no effect when 'modelId' is set: the API uses the model's own base version.",
          at: [8, 70, 'sdVersion'],
          fixes: [{ title: "Remove 'sdVersion'", output: edit(' sdVersion: SdVersions.Sdxl09,', ''), preferred: false }],
        },
      ],
    },
    {
      name: 'LEONARDO as an enum member while alchemy is on (the SDK sends alchemy: true)',
      code: SERVICE(SHARED, `{ prompt, modelId: '${MODEL}', presetStyle: SdGenerationStyle.Leonardo }`),
      findings: [
        {
          message: 'presetStyle "LEONARDO" applies only with alchemy off, and alchemy is on (its default): the API does not apply it.',
          at: [8, 119, 'presetStyle'],
          fixes: [{ title: "Remove 'presetStyle'", output: edit(', presetStyle: SdGenerationStyle.Leonardo', ''), preferred: false }],
        },
      ],
    },
    {
      name: 'through a namespace import of the models folder',
      code: SERVICE(`import * as shared from '@leonardo-ai/sdk/sdk/models/shared';`, `{ prompt, alchemy: false, modelId: '${MODEL}', presetStyle: shared.SdGenerationStyle.Anime }`),
      findings: [
        {
          message: 'presetStyle "ANIME" applies only with alchemy on, and alchemy is off: the API does not apply it.',
          at: [8, 135, 'presetStyle'],
          fixes: [{ title: "Remove 'presetStyle'", output: edit(', presetStyle: shared.SdGenerationStyle.Anime', ''), preferred: false }],
        },
      ],
    },
    {
      name: "the SDK's earlier dist/ path and Enum-suffixed name",
      code: SERVICE(`import { SdVersionsEnum } from '@leonardo-ai/sdk/dist/sdk/models/shared';`, `{ prompt, modelId: '${MODEL}', sdVersion: SdVersionsEnum.Sdxl10 }`),
      findings: [
        {
          message: "'sdVersion' has no effect when 'modelId' is set: the API uses the model's own base version.",
          at: [8, 119, 'sdVersion'],
          fixes: [{ title: "Remove 'sdVersion'", output: edit(', sdVersion: SdVersionsEnum.Sdxl10', ''), preferred: false }],
        },
      ],
    },
  ],
});
