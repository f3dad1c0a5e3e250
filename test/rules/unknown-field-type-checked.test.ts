// unknown-field in SDK calls of type-checked files: where the SDK's types make TypeScript report an
// unknown key itself (ts2353/ts2561: an object literal written as the call's argument), unknown-field
// stays silent instead of saying it a second time. Where TypeScript does not look (a key added by a
// conditional spread, a literal passed by name, a JavaScript file without `// @ts-check`), it reports.
import { edit, ruleTester } from '../helpers/rule-tester.js';

const SDK = (before: string, args: string) => `import { Leonardo } from '@leonardo-ai/sdk';
const leonardo = new Leonardo({ bearerAuth: process.env.LEONARDO_API_KEY ?? '' });
export async function run(prompt) {
${before}  return leonardo.image.createGeneration(${args});
}
`;

ruleTester.run('unknown-field', {
  valid: [
    { name: 'TypeScript: a key of the literal argument is TypeScript\'s to report', path: 'app.ts', code: SDK('', '{ prompt, num_images: 2, alchemy: true }') },
    { name: 'TSX: the same', path: 'page.tsx', code: SDK('', '{ prompt, num_images: 2 }') },
    { name: 'TypeScript: a nested literal too', path: 'app.ts', code: SDK('', '{ prompt, controlnets: [{ initImageId: "3f1c5c8e-9a8e-4b8e-9a51-2b0f6a1d2c3e", preprocessorId: 67, strength_type: "Low" }] }') },
    { name: 'JavaScript under // @ts-check', path: 'app.js', code: `// @ts-check\n${SDK('', '{ prompt, num_images: 2 }')}` },
    { name: 'JavaScript under // @ts-check after other leading comments', path: 'app.js', code: `/* eslint-disable */\n// generated\n/**/ /* x */\n  //   @ts-check\n${SDK('', '{ prompt, num_images: 2 }')}` },
  ],
  invalid: [
    {
      name: 'TypeScript: a literal passed by name is not checked by TypeScript against the SDK type: reported',
      path: 'app.ts',
      code: SDK('  const request = { prompt, num_images: 2 };\n', 'request'),
      findings: [{ message: /num_images/, at: [4, 29, 'num_images'], fixes: [{ output: edit('num_images: 2', 'numImages: 2'), preferred: true }] }],
    },
    {
      name: 'TypeScript: a key of a conditional spread is not checked by TypeScript: reported',
      path: 'app.ts',
      code: SDK('', '{ prompt, ...(prompt.length > 10 ? { num_images: 2 } : {}) }'),
      findings: [{ message: /num_images/, at: [4, 79, 'num_images'], fixes: [{ output: edit('num_images: 2', 'numImages: 2'), preferred: true }] }],
    },
    {
      name: 'JavaScript whose // @ts-check comes after code, or never after a run of empty comments: not type-checked',
      path: 'app.js',
      code: `${'/**/'.repeat(500)}\nconst a = 1; // @ts-check\n${SDK('', '{ prompt, num_images: 2 }')}`,
      findings: [{ message: /num_images/, at: [6, 52, 'num_images'], fixes: [{ output: edit('num_images: 2', 'numImages: 2'), preferred: true }] }],
    },
    {
      name: 'JavaScript without // @ts-check: nobody else says it, so unknown-field does',
      path: 'app.js',
      code: SDK('', '{ prompt, num_images: 2 }'),
      findings: [{ message: /num_images/, at: [4, 52, 'num_images'], fixes: [{ output: edit('num_images: 2', 'numImages: 2'), preferred: true }] }],
    },
  ],
});
