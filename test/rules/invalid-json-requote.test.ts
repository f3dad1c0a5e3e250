// invalid-json's requoting fixes: a single-quoted string or an unquoted key becomes double-quoted when
// that is certainly the same text (nothing inside needs an escape, the quote that closes it ends it).
import { edit, ruleTester } from '../helpers/rule-tester.js';

const HEADER = '// POST /generations\n';

ruleTester.run('invalid-json', {
  valid: [{ name: 'double quotes throughout', path: 'cat.jsonc', code: `${HEADER}{"prompt": "a cat's portrait"}\n` }],
  invalid: [
    {
      name: 'a single-quoted value in a request file is requoted (preferred: the same string)',
      path: 'cat.jsonc',
      code: `${HEADER}{"prompt": 'a cat', "num_images": 2}\n`,
      findings: [{ message: /single quotes/, at: [2, 12, "'a cat'"], fixes: [{ title: 'Write "a cat"', output: edit("'a cat'", '"a cat"'), preferred: true }] }],
    },
    {
      name: 'a single-quoted string holding a double quote is not requoted (it would need an escape)',
      path: 'cat.jsonc',
      code: `${HEADER}{"prompt": 'a "cat"'}\n`,
      findings: [{ message: /single quotes/, at: [2, 12, `'a "cat"'`], fixes: [] }],
    },
    {
      name: 'an apostrophe inside single quotes: the first quote does not end the string, so no fix',
      path: 'cat.jsonc',
      code: `${HEADER}{"prompt": 'a cat's toy'}\n`,
      findings: [{ message: /single quotes/, at: [2, 12, "'a cat'"], fixes: [] }],
    },
    {
      name: 'an unquoted key is quoted',
      path: 'cat.jsonc',
      code: `${HEADER}{prompt: "a cat"}\n`,
      findings: [{ message: /not quoted/, at: [2, 2, 'prompt'], fixes: [{ title: 'Write "prompt"', output: edit('{prompt', '{"prompt"'), preferred: true }] }],
    },
  ],
});
