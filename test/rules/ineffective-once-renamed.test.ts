// A fix that would only uncover the next finding: the rename of a misnamed field that has no effect in
// this body says so and offers the removal beside it (unknown-field), and a value the API ignores gets
// no clamp (out-of-range), since ineffective-option's removal is the one fix that makes it right.
// The fix-all sequence itself is tested in test/engine/fix-sequence.test.ts.
import { edit, ruleTester } from '../helpers/rule-tester.js';

const PHOENIX = 'b24e16ff-06e3-43eb-8d33-4416c2d75876';
const SDK = (body: string) => `import { Leonardo } from '@leonardo-ai/sdk';
const leonardo = new Leonardo({ bearerAuth: process.env.LEONARDO_API_KEY });
export async function run(prompt) {
  return leonardo.image.createGeneration(${body});
}
`;

ruleTester.run('unknown-field', {
  valid: [{ name: 'the right name, even where it has no effect, is not unknown-field\'s', path: 'r.leonardo.json', code: `{"prompt": "x", "modelId": "${PHOENIX}", "sd_version": "SDXL_1_0"}\n` }],
  invalid: [
    {
      name: 'sd_Version beside a modelId: the rename (certain) and the removal (what makes the request right)',
      path: 'r.leonardo.json',
      code: `{"prompt": "x", "modelId": "${PHOENIX}", "sd_Version": "SDXL_1_0"}\n`,
      findings: [{
        message: "'sd_Version' should be 'sd_version', which has no effect when modelId is set: rename it, or remove it.",
        at: [1, 68, '"sd_Version"'],
        fixes: [
          { title: "Rename to 'sd_version'", output: edit('sd_Version', 'sd_version'), preferred: true },
          { title: "Remove 'sd_Version'", output: edit(', "sd_Version": "SDXL_1_0"', ''), preferred: false },
        ],
      }],
    },
    {
      name: 'a misspelt photoRealStrength without photoReal: the guess and the removal, neither preferred',
      path: 'r.leonardo.json',
      code: '{"prompt": "x", "photoRealStrenght": 0.5}\n',
      findings: [{
        message: "'photoRealStrenght' is not a field; 'photoRealStrength', if meant, has no effect without photoReal: true: rename it, or remove it.",
        at: [1, 17, '"photoRealStrenght"'],
        fixes: [
          { title: "Rename to 'photoRealStrength'", output: edit('photoRealStrenght', 'photoRealStrength'), preferred: false },
          { title: "Remove 'photoRealStrenght'", output: edit(', "photoRealStrenght": 0.5', ''), preferred: false },
        ],
      }],
    },
    {
      name: 'SDK call (JavaScript, where no type checker says it): sd_version under the SDK name, where the SDK sends its default modelId',
      path: 'app.js',
      code: SDK("{ prompt, sd_version: 'SDXL_1_0' }"),
      findings: [{
        message: "'sd_version' should be 'sdVersion', which has no effect unless modelId is null (the SDK sends a default one): rename it, or remove it.",
        at: [4, 52, 'sd_version'],
        fixes: [
          { title: "Rename to 'sdVersion'", output: edit('sd_version', 'sdVersion'), preferred: true },
          { title: "Remove 'sd_version'", output: edit(", sd_version: 'SDXL_1_0'", ''), preferred: false },
        ],
      }],
    },
  ],
});

ruleTester.run('out-of-range', {
  valid: [
    { name: 'photoRealStrength without photoReal: ignored by the API, so no clamp', path: 'r.leonardo.json', code: '{"prompt": "x", "photoRealStrength": 0.7}\n' },
    { name: 'promptMagicStrength without promptMagic: no clamp', path: 'r.leonardo.json', code: '{"prompt": "x", "promptMagicStrength": 2}\n' },
  ],
  invalid: [{
    name: 'photoRealStrength with photoReal on takes effect: clamped',
    path: 'r.leonardo.json',
    code: '{"prompt": "x", "alchemy": true, "photoReal": true, "photoRealStrength": 0.7}\n',
    findings: [{ message: /photoRealStrength/, at: [1, 74, '0.7'], fixes: [{ output: edit('0.7', '0.55'), preferred: false }] }],
  }],
});
