// ESLint for the project's own code: typescript-eslint's type-checked recommended rules on every
// TypeScript source, and the architecture's invariants as lint rules instead of text searches:
// invariant 1 (the engine and the catalogue import nothing of VS Code or LSP) and invariant 7's form
// (TypeScript is read only as `import ts from 'typescript'` and `ts.<name>`, the form the build takes
// the parser-only module's names from). `npm run lint`; `npm test` runs it.
import tseslint from 'typescript-eslint';

const EDITOR_PACKAGES = ['vscode', 'vscode-languageserver', 'vscode-languageserver/*', 'vscode-languageserver-*', 'vscode-languageclient', 'vscode-languageclient/*'];

const TS_FORM = 'Read TypeScript as `import ts from \'typescript\'` and `ts.<name>` (ARCHITECTURE.md, invariant 7).';

const SPREAD_COPY =
  'An object literal that starts with a spread and adds to it (`{ ...x, k: v }`) costs microseconds on Node 20 (V8 migrates the copy\'s map): ' +
  'write `Object.assign({}, x, { k: v })` (ARCHITECTURE.md, "Performance").';

export default tseslint.config(
  {
    ignores: ['dist/**', 'node_modules/**', '.e2e/**', 'bench/corpus/**', 'test-results/**', '.fuzz-scratch/**', 'examples/**', 'test/**/fixtures/**', 'types/**', '**/*.js', '**/*.cjs', '**/*.mjs'],
  },
  {
    files: ['**/*.ts'],
    extends: [...tseslint.configs.recommendedTypeChecked],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      // `_`-named bindings are deliberately unused (a destructured field left out, a loop counter).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
    },
  },
  {
    // node:test's test(), it() and describe() return promises the runner awaits itself. Tests read the
    // CLI's and the server's JSON output (JSON.parse gives `any`) and assert on it: that is what they
    // check, so the no-unsafe-* family stays on for the product's code only.
    files: ['test/**/*.ts', 'bench/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      // Test doubles implement async interfaces (`stdin: async () => text`) without awaiting anything.
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/no-floating-promises': ['error', {
        allowForKnownSafeCalls: [{ from: 'package', package: 'node:test', name: ['test', 'it', 'describe', 'suite', 'before', 'after', 'beforeEach', 'afterEach'] }],
      }],
    },
  },
  {
    files: ['server/src/engine/**/*.ts', 'server/src/api/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{ group: EDITOR_PACKAGES, message: 'The engine and the catalogue know nothing of VS Code or LSP (ARCHITECTURE.md, invariant 1).' }],
      }],
    },
  },
  {
    files: ['server/src/**/*.ts'],
    rules: {
      'no-restricted-syntax': ['error',
        { selector: "ImportDeclaration[source.value='typescript'] > ImportSpecifier", message: TS_FORM },
        { selector: "ImportDeclaration[source.value='typescript'] > ImportNamespaceSpecifier", message: TS_FORM },
        { selector: "ImportDeclaration[source.value='typescript'] > ImportDefaultSpecifier[local.name!='ts']", message: TS_FORM },
        { selector: "ImportExpression[source.value='typescript']", message: TS_FORM },
        { selector: "CallExpression[callee.name='require'][arguments.0.value='typescript']", message: TS_FORM },
        { selector: 'ObjectExpression > SpreadElement:first-child:not(:last-child)', message: SPREAD_COPY },
      ],
    },
  },
);
