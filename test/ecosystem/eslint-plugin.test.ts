// The ESLint plugin: ESLint's RuleTester on real request code (TypeScript through
// @typescript-eslint/parser, JavaScript through espree), ESLint's own disable comments, the
// recommended config's severities, one analysis per file shared by all the rules, the rules' meta,
// and files ESLint hands over under other languages (JSON, Markdown) read from the text alone.
import { describe, it, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import * as tsParser from '@typescript-eslint/parser';
import { Linter, RuleTester, type ESLint, type Rule as EslintRule } from 'eslint';
import { analysesRun, plugin } from '../../server/src/eslint-plugin/index.js';
import { allRules } from '../../server/src/engine/rules/index.js';
import { lintText } from '../../server/src/node-api/index.js';
import { JS_UPSCALE, TS_GENERATE } from './sample-app.js';

// RuleTester reports through the test framework's describe/it when it is given them.
RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

const tsTester = new RuleTester({ languageOptions: { parser: tsParser, ecmaVersion: 'latest', sourceType: 'module' } });
const jsTester = new RuleTester({ languageOptions: { ecmaVersion: 'latest', sourceType: 'module' } });

// The preferred fix (a case-only rename) is ESLint's fix.
tsTester.run('unknown-field', plugin.rules['unknown-field'], {
  valid: [
    { name: 'the right names', code: TS_GENERATE('width: 1024, height: 768'), filename: 'generate.ts' },
    { name: 'a width not known statically', code: TS_GENERATE('width: Number(process.env.WIDTH), height: 768'), filename: 'generate.ts' },
    {
      name: "a fetch that is not Leonardo's",
      code: "await fetch('https://api.example.com/v1/generations', { method: 'POST', body: JSON.stringify({ Width: 1024 }) });\n",
      filename: 'other.ts',
    },
  ],
  invalid: [
    {
      name: 'a case-only misspelling, fixed',
      code: TS_GENERATE('Width: 1024, height: 768'),
      filename: 'generate.ts',
      output: TS_GENERATE('width: 1024, height: 768'),
      errors: [{ line: 7, column: 85, endLine: 7, endColumn: 90, message: /^'Width' is not a field of POST \/generations.*use 'width'/ }],
    },
  ],
});

// Fixes that are offered, never preferred (removing a field), are suggestions, and `--fix` leaves the code.
jsTester.run('option-conflict', plugin.rules['option-conflict'], {
  valid: [{ name: 'one style', code: JS_UPSCALE("    upscalerStyle: 'GENERAL',"), filename: 'upscale.mjs' }],
  invalid: [
    {
      name: 'both styles: two removals suggested',
      code: JS_UPSCALE("    upscalerStyle: 'GENERAL',\n    ultraUpscaleStyle: 'REALISTIC',"),
      filename: 'upscale.mjs',
      output: null,
      errors: [
        {
          message: "'upscalerStyle' cannot be used with 'ultraUpscaleStyle': keep one.",
          line: 11,
          column: 5,
          suggestions: [
            { desc: "Remove 'upscalerStyle'", output: JS_UPSCALE("    ultraUpscaleStyle: 'REALISTIC',") },
            { desc: "Remove 'ultraUpscaleStyle'", output: JS_UPSCALE("    upscalerStyle: 'GENERAL',") },
          ],
        },
      ],
    },
  ],
});

function recommendedLinter(): { linter: Linter; config: Linter.Config[] } {
  const linter = new Linter({ configType: 'flat' });
  const config: Linter.Config[] = [
    {
      files: ['**/*.ts'],
      languageOptions: { parser: tsParser, ecmaVersion: 'latest', sourceType: 'module' },
    },
    plugin.configs.recommended,
  ];
  return { linter, config };
}

test("ESLint's own disable comments silence a rule; the engine's keep working too", () => {
  const { linter, config } = recommendedLinter();
  const bad = TS_GENERATE('Width: 1024, height: 768');
  const flagged = linter.verify(bad, config, { filename: 'generate.ts' });
  assert.deepEqual(flagged.map((m) => m.ruleId), ['leonardo/unknown-field']);
  const eslintDisabled = bad.replace('    body:', '    // eslint-disable-next-line leonardo/unknown-field -- the proxy renames it\n    body:');
  assert.deepEqual(linter.verify(eslintDisabled, config, { filename: 'generate.ts' }), []);
  const engineDisabled = bad.replace('    body:', '    // leonardo-lint-disable-next-line unknown-field\n    body:');
  assert.deepEqual(linter.verify(engineDisabled, config, { filename: 'generate.ts' }), []);
  // ESLint's directive for another rule does not hide this one (and ESLint reports it unused: ruleId null).
  const otherRule = bad.replace('    body:', '    // eslint-disable-next-line leonardo/invalid-enum\n    body:');
  assert.deepEqual(linter.verify(otherRule, config, { filename: 'generate.ts' }).map((m) => m.ruleId), [null, 'leonardo/unknown-field']);
});

test('the recommended config gives each rule its default severity (information is a warning)', () => {
  const { linter, config } = recommendedLinter();
  const code = TS_GENERATE("width: 1024, height: 768, presetStyle: 'CINEMATIC', promptMagicStrength: 0.4").replace(
    'prompt, modelId',
    "prompt: `${prompt}, naked`, modelId",
  );
  const messages = linter.verify(code, config, { filename: 'generate.ts' });
  const byRule = Object.fromEntries(messages.map((m) => [m.ruleId, m.severity]));
  assert.deepEqual(byRule, { 'leonardo/content-moderation': 1, 'leonardo/ineffective-option': 1 });
  for (const r of allRules) {
    const expected = r.meta.defaultSeverity === 'error' ? 'error' : 'warn';
    assert.equal(plugin.configs.recommended.rules?.[`leonardo/${r.meta.id}`], expected, r.meta.id);
  }
  assert.equal(plugin.configs.recommended.rules?.['leonardo/unused-disable-directive'], 'warn');
});

test('the engine analyses a file once for all the rules, and once per fix pass', () => {
  const { linter, config } = recommendedLinter();
  const before = analysesRun();
  const messages = linter.verify(TS_GENERATE("Width: 1024, height: 770, alchemy: 'true'"), config, { filename: 'generate.ts' });
  assert.deepEqual(messages.map((m) => m.ruleId), ['leonardo/unknown-field', 'leonardo/invalid-dimensions', 'leonardo/type-mismatch']);
  assert.equal(analysesRun() - before, 1);
  const start = analysesRun();
  const fixed = linter.verifyAndFix(TS_GENERATE("Width: 1024, height: 768, alchemy: 'true'"), config, { filename: 'generate.ts' });
  assert.equal(fixed.output, TS_GENERATE('width: 1024, height: 768, alchemy: true'));
  assert.deepEqual(fixed.messages, []);
  // One pass that fixes both, one that finds nothing left.
  assert.equal(analysesRun() - start, 2);
});

test('every rule has the meta ESLint expects: docs URL, fixable, suggestions, messages, schema', () => {
  const ids = [...allRules.map((r) => r.meta.id), 'unused-disable-directive'];
  assert.deepEqual(Object.keys(plugin.rules).sort(), [...ids].sort());
  for (const r of allRules) {
    const meta = plugin.rules[r.meta.id].meta!;
    assert.equal(meta.docs?.url, r.meta.docsUrl);
    assert.ok(fs.existsSync(path.join('docs', 'rules', `${r.meta.id}.md`)), `docs/rules/${r.meta.id}.md`);
    assert.equal(meta.fixable, r.meta.fixable ? 'code' : undefined, r.meta.id);
    assert.equal(meta.hasSuggestions, r.meta.fixable ? true : undefined, r.meta.id);
    assert.deepEqual(meta.schema, []);
    assert.ok(meta.messages?.finding);
  }
  assert.equal(plugin.configs.recommended.plugins?.leonardo, plugin);
});

test('the plugin agrees with the programmatic API on a JS file', async () => {
  const code = JS_UPSCALE("    upscalerStyle: 'GENERAL',\n    ultraUpscaleStyle: 'REALISTIC',\n    upscaleMultiplier: 3,");
  const linter = new Linter({ configType: 'flat' });
  const eslint = linter.verify(code, [{ files: ['**/*.mjs'] }, plugin.configs.recommended], { filename: 'upscale.mjs' });
  const [api] = await lintText(code, { filePath: 'upscale.mjs' });
  const rows = (ms: Array<{ ruleId: string | null; severity: number; line: number; column: number; message: string }>) =>
    ms.map((m) => `${m.ruleId?.replace(/^leonardo\//, '')} ${m.severity} ${m.line}:${m.column} ${m.message}`);
  assert.ok(api.messages.length >= 2);
  assert.deepEqual(rows(eslint), rows(api.messages));
});

// Under @eslint/json or @eslint/markdown, ESLint hands the plugin a SourceCode without a JS tree: the
// plugin reads only its text and the file name. A context of exactly that shape stands in for them
// here; the real languages are tested below when they are installed.
function lintAsTextLanguage(filename: string, text: string, settings: Record<string, unknown> = {}) {
  const reports: EslintRule.ReportDescriptor[] = [];
  const sourceCode = { text, ast: { type: 'Document' } };
  const cwd = path.resolve('test/ecosystem');
  for (const [id, rule] of Object.entries(plugin.rules)) {
    rule.create({ sourceCode, filename: path.join(cwd, filename), cwd, settings, id, report: (d: EslintRule.ReportDescriptor) => reports.push(d) } as unknown as EslintRule.RuleContext);
  }
  return reports.map((r) => ({ ...(r as { loc: unknown }), data: r.data }));
}

test('a request file and curl in Markdown are read from the text alone (as under @eslint/json, @eslint/markdown)', () => {
  const json = '{\n  "prompt": "a lighthouse at dusk",\n  "modelId": "aa77f04e-3eec-4034-9c07-d0f619684628",\n  "num_inference_steps": 5,\n  "Width": 832\n}\n';
  const jsonReports = lintAsTextLanguage('portrait.leonardo.json', json);
  // ESLint's loc: 1-based lines, 0-based columns. Reports come rule by rule (the catalogue's order).
  assert.deepEqual(
    jsonReports.map((r) => [(r.loc as { start: { line: number; column: number } }).start, String(r.data?.message).split(':')[0]]),
    [
      [{ line: 5, column: 2 }, "'Width' is not a field of POST /generations"],
      [{ line: 4, column: 25 }, "'num_inference_steps' 5 is out of range"],
    ],
  );
  const md = '# Notes\n\n```sh\ncurl -X POST https://cloud.leonardo.ai/api/rest/v1/generations \\\n  -H "authorization: Bearer $LEONARDO_API_KEY" \\\n  -d \'{"prompt": "a fox", "num_images": 9}\'\n```\n\nA plain `fetch("https://example.com")` in prose.\n';
  const mdReports = lintAsTextLanguage('README.md', md);
  assert.equal(mdReports.length, 1);
  assert.deepEqual((mdReports[0].loc as { start: unknown }).start, { line: 6, column: 40 });
  assert.match(String(mdReports[0].data?.message), /^'num_images' 9 is more than the 8 images one request may ask for/);
  // A JSON file that is not a Leonardo request gets nothing.
  assert.deepEqual(lintAsTextLanguage('tsconfig.json', '{ "compilerOptions": { "Width": 1 } }\n'), []);
});

test("settings['leonardo-lint'] configures the engine (request files by glob), never the rules' severities", () => {
  const body = '{\n  "prompt": "a lighthouse at dusk",\n  "num_images": 12\n}\n';
  assert.deepEqual(lintAsTextLanguage('bodies/lighthouse.json', body), [], 'a plain .json file is not known to be a request');
  const settings = { 'leonardo-lint': { requestFiles: { 'bodies/*.json': 'POST /generations' }, rules: { 'too-many-images': 'off' } } };
  const reports = lintAsTextLanguage('bodies/lighthouse.json', body, settings);
  assert.deepEqual(reports.map((r) => String(r.data?.message).split(':')[0]), ["'num_images' 12 is more than the 8 images one request may ask for, and 4 with the default width 1024"]);
  // The plugin works the engine's config out once per settings object: another one is read afresh.
  const elsewhere = { 'leonardo-lint': { requestFiles: { 'other/*.json': 'POST /generations' } } };
  assert.deepEqual(lintAsTextLanguage('bodies/lighthouse.json', body, elsewhere), [], 'the other settings do not cover bodies/');
  assert.equal(lintAsTextLanguage('bodies/lighthouse.json', body, settings).length, 1, 'the first settings still do');
});

const requireFromRoot = createRequire(path.resolve('package.json'));
function installed(name: string): boolean {
  try {
    requireFromRoot.resolve(name);
    return true;
  } catch {
    return false;
  }
}

const OTHER_LANGUAGES = [
  {
    title: 'with @eslint/json: a *.leonardo.json request file through ESLint',
    pkg: '@eslint/json',
    config: { files: ['**/*.json'], language: 'json/json' },
    filename: 'a.leonardo.json',
    text: '{\n  "prompt": "a lighthouse",\n  "Width": 832\n}\n',
    expected: ['leonardo/unknown-field'],
  },
  {
    title: 'with @eslint/markdown: curl in a Markdown code block through ESLint',
    pkg: '@eslint/markdown',
    config: { files: ['**/*.md'], language: 'markdown/commonmark' },
    filename: 'README.md',
    text: '```sh\ncurl -X POST https://cloud.leonardo.ai/api/rest/v1/generations -d \'{"prompt": "a fox", "num_images": 9}\'\n```\n',
    expected: ['leonardo/too-many-images'],
  },
];

for (const c of OTHER_LANGUAGES) {
  test(c.title, async (t) => {
    if (!installed(c.pkg)) {
      t.skip(`${c.pkg} is not installed (not a devDependency): the text-only test above covers the plugin side`);
      return;
    }
    const { default: language } = (await import(c.pkg)) as { default: ESLint.Plugin };
    const namespace = c.config.language.split('/')[0];
    const linter = new Linter({ configType: 'flat' });
    const messages = linter.verify(c.text, [{ ...c.config, plugins: { [namespace]: language } }, plugin.configs.recommended], { filename: c.filename });
    assert.deepEqual(messages.map((m) => m.ruleId), c.expected);
  });
}
