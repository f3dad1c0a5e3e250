// The npm package as a user gets it: `npm pack`, then `npm i -D ./leonardo-lint-*.tgz` in an empty
// project, and one small app linted three ways (the CLI through npx, ESLint's Node API with the
// plugin, the programmatic API) that must agree finding for finding. The package is built from the
// current sources into a staging copy of its own (scripts/build.mjs --outdir), so the test never
// reads or writes dist/, which other tests build and load. The consumer's types are checked with tsc
// against the installed .d.ts. Skipped, visibly, when npm cannot pack or install here.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { JS_UPSCALE } from './sample-app.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const NPX = process.platform === 'win32' ? 'npx.cmd' : 'npx';

let work: string;
let app: string;
/** Why the package could not be packed or installed here, when it could not. */
let unavailable: string | undefined;

function run(command: string, args: string[], cwd: string): SpawnSyncReturns<string> {
  // npm_config_* from an enclosing `npm test` (its cache, its prefix) must not steer the inner npm.
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k)));
  return spawnSync(command, args, { cwd, encoding: 'utf8', env: { ...env, NO_COLOR: '1' }, timeout: 300_000 });
}

function must(result: SpawnSyncReturns<string>, what: string): string {
  assert.equal(result.status, 0, `${what} failed (${result.status ?? result.signal}):\n${result.stderr}\n${result.stdout}`);
  return result.stdout;
}

/** The app: two source files ESLint reads, a request file and a shell script only the CLI and API read. */
const APP: Record<string, string> = {
  'src/generate.ts': `const LEONARDO = 'https://cloud.leonardo.ai/api/rest/v1';

export async function generate(prompt: string): Promise<string> {
  const res = await fetch(\`\${LEONARDO}/generations\`, {
    method: 'POST',
    headers: { authorization: \`Bearer \${process.env.LEONARDO_API_KEY}\`, 'content-type': 'application/json' },
    body: JSON.stringify({
      prompt,
      modelId: 'aa77f04e-3eec-4034-9c07-d0f619684628',
      Width: 1024,
      height: 770,
      alchemy: 'true',
      // eslint-disable-next-line leonardo/out-of-range -- checked with support
      guidance_scale: 25,
    }),
  });
  const json = (await res.json()) as { sdGenerationJob: { generationId: string } };
  return json.sdGenerationJob.generationId;
}
`,
  'src/upscale.mjs': JS_UPSCALE("    upscalerStyle: 'GENERAL',\n    ultraUpscaleStyle: 'REALISTIC',"),
  'src/clean.ts': `export const add = (a: number, b: number): number => a + b;\n`,
  'requests/portrait.leonardo.json': '{\n  "prompt": "an astronaut in a sunflower field",\n  "num_inference_steps": 5,\n  "Width": 832\n}\n',
  'scripts/generate.sh': `#!/bin/sh\ncurl -X POST https://cloud.leonardo.ai/api/rest/v1/generations \\\n  -H "authorization: Bearer $LEONARDO_API_KEY" \\\n  -d '{"prompt": "a fox", "num_images": 9}'\n`,
  // The plugin through ESLint as a user configures it (ESLint's Node API reads this file).
  'eslint.config.mjs': `import tsParser from '@typescript-eslint/parser';
import leonardo from 'leonardo-lint/eslint';

export default [
  { files: ['**/*.ts'], languageOptions: { parser: tsParser } },
  leonardo.configs.recommended,
];
`,
  // The programmatic API from a Node script, with the published types checked by tsc.
  'api.ts': `import { lintFiles, lintText, version, type LintResult } from 'leonardo-lint';
import leonardo from 'leonardo-lint/eslint';

const results: LintResult[] = await lintFiles(['src', 'requests', 'scripts']);
const [one] = await lintText('fetch("https://cloud.leonardo.ai/api/rest/v1/generations", { method: "POST", headers: { authorization: "Bearer " + process.env.LEONARDO_API_KEY }, body: JSON.stringify({ prompt: "a fox", Width: 1024 }) })', { filePath: 'x.ts', config: { rules: { 'unknown-field': 'warning' } } });
const rules: number = Object.keys(leonardo.rules).length;
console.log(JSON.stringify({ version, rules, results, one }));
`,
  'eslint-run.mjs': `import { ESLint } from 'eslint';
const eslint = new ESLint();
const results = await eslint.lintFiles(['src']);
console.log(JSON.stringify(results));
`,
};

before(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'leonardo-lint-package-'));
  // The package's own files, as npm would pack them from the repository (its .npmignore decides)…
  const listed = run(NPM, ['pack', '--dry-run', '--json', '--ignore-scripts'], ROOT);
  if (listed.status !== 0) {
    unavailable = `npm pack is not available here: ${(listed.stderr || String(listed.error)).trim().split('\n').pop()}`;
    return;
  }
  const staging = path.join(work, 'package');
  const files = (JSON.parse(listed.stdout) as Array<{ files: Array<{ path: string }> }>)[0].files.map((f) => f.path);
  for (const file of [...files.filter((f) => !f.startsWith('dist/')), '.npmignore']) {
    fs.mkdirSync(path.dirname(path.join(staging, file)), { recursive: true });
    fs.copyFileSync(path.join(ROOT, file), path.join(staging, file));
  }
  // …with bundles built from the current sources.
  must(run(process.execPath, ['scripts/build.mjs', '--outdir', path.join(staging, 'dist')], ROOT), 'the build');
  const packed = must(run(NPM, ['pack', '--ignore-scripts', '--json', '--pack-destination', work], staging), 'npm pack');
  const tarball = path.join(work, (JSON.parse(packed) as Array<{ filename: string }>)[0].filename);

  app = path.join(work, 'app');
  fs.mkdirSync(app);
  fs.writeFileSync(path.join(app, 'package.json'), JSON.stringify({ name: 'leonardo-app', private: true, type: 'module' }, null, 2));
  const installed = run(NPM, ['i', '-D', tarball, '--no-audit', '--no-fund', '--prefer-offline'], app);
  if (installed.status !== 0) {
    const reason = (installed.stderr || String(installed.error)).trim().split('\n').slice(-3).join(' ');
    if (/ENOTFOUND|ECONNREFUSED|ETIMEDOUT|EAI_AGAIN|ENETUNREACH|offline/i.test(reason)) {
      unavailable = `npm cannot install here: ${reason}`;
      return;
    }
    must(installed, 'npm i -D leonardo-lint-*.tgz');
  }
  for (const [name, text] of Object.entries(APP)) {
    fs.mkdirSync(path.dirname(path.join(app, name)), { recursive: true });
    fs.writeFileSync(path.join(app, name), text);
  }
  // ESLint, its TypeScript parser and Node's types are the app's own dev tools: the repository's copies stand in for installing them.
  for (const dep of ['eslint', '@typescript-eslint/parser', '@types/node']) {
    const link = path.join(app, 'node_modules', dep);
    fs.mkdirSync(path.dirname(link), { recursive: true });
    fs.symlinkSync(fs.realpathSync(path.join(ROOT, 'node_modules', dep)), link, 'dir');
  }
});

after(() => {
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

/** The repository's tsc, strict, as a NodeNext consumer of the installed package. */
function tsc(args: string[]): SpawnSyncReturns<string> {
  const bin = path.join(ROOT, 'node_modules/typescript/bin/tsc');
  return run(process.execPath, [bin, '--strict', '--module', 'nodenext', '--moduleResolution', 'nodenext', '--target', 'es2022', '--types', 'node', ...args], app);
}

interface Row {
  file: string;
  rule: string;
  severity: number;
  at: string;
  message: string;
  fix?: string;
}

interface Result {
  filePath: string;
  messages: Array<{ ruleId: string | null; severity: number; line: number; column: number; endLine?: number; endColumn?: number; message: string; fix?: { range: [number, number]; text: string } }>;
}

function rows(results: Result[], only?: (file: string) => boolean): Row[] {
  return results
    .map((r) => ({ ...r, filePath: path.relative(app, r.filePath).split(path.sep).join('/') }))
    .filter((r) => !only || only(r.filePath))
    .flatMap((r) =>
      r.messages.map((m) => ({
        file: r.filePath,
        rule: String(m.ruleId).replace(/^leonardo\//, ''),
        severity: m.severity,
        at: `${m.line}:${m.column}-${m.endLine}:${m.endColumn}`,
        message: m.message,
        ...(m.fix ? { fix: `${m.fix.range.join('-')} ${m.fix.text}` } : {}),
      })),
    )
    .sort((a, b) => (a.file + a.at + a.rule < b.file + b.at + b.rule ? -1 : 1));
}

test('the installed package: npx leonardo-lint, ESLint with the plugin and the API agree finding for finding', async (t) => {
  if (unavailable) {
    t.skip(unavailable);
    return;
  }
  const pkg = JSON.parse(fs.readFileSync(path.join(app, 'node_modules/leonardo-lint/package.json'), 'utf8'));
  assert.equal(pkg.dependencies, undefined, 'the package installs no runtime dependencies');
  const shipped = fs.readdirSync(path.join(app, 'node_modules/leonardo-lint/dist')).sort();
  assert.deepEqual(shipped, ['api.js', 'cli-main.js', 'cli.js', 'eslint.js'], 'the VS Code bundles are not published');
  assert.ok(fs.existsSync(path.join(app, 'node_modules/leonardo-lint/docs/rules/unknown-field.md')));

  assert.match(must(run(NPX, ['--no-install', 'leonardo-lint', '--version'], app), 'npx leonardo-lint --version'), /^\d+\.\d+\.\d+/);
  const cli = run(NPX, ['--no-install', 'leonardo-lint', '--format', 'json', 'src', 'requests', 'scripts'], app);
  assert.equal(cli.status, 1, `errors found exit 1, as ESLint's: ${cli.stderr}`);
  const fromCli = rows(JSON.parse(cli.stdout));

  // The API script is TypeScript: tsc checks it against the published types, and its output runs.
  must(tsc(['--outDir', 'out', 'api.ts']), 'tsc on the API script');
  const api = JSON.parse(must(run(process.execPath, ['out/api.js'], app), 'the API script'));
  const fromApi = rows(api.results);
  const fromEslint = rows(JSON.parse(must(run(process.execPath, ['eslint-run.mjs'], app), 'ESLint')));

  assert.deepEqual(
    fromCli.map((r) => r.rule).sort(),
    ['invalid-dimensions', 'option-conflict', 'out-of-range', 'out-of-range', 'too-many-images', 'type-mismatch', 'unknown-field', 'unknown-field'],
    JSON.stringify(fromCli, null, 1),
  );
  assert.deepEqual(fromApi, fromCli);
  // ESLint reads the TS/JS files (the request file and the script need a language ESLint lacks here),
  // and honours its own disable comment: the CLI reports that finding, ESLint does not.
  const eslintsShare = fromCli.filter((r) => r.file.startsWith('src/') && !(r.file === 'src/generate.ts' && r.rule === 'out-of-range'));
  assert.equal(eslintsShare.length, 4);
  assert.deepEqual(fromEslint, eslintsShare);
  assert.ok(fromEslint.some((r) => r.fix), 'preferred fixes are ESLint fixes');
  assert.equal(api.rules, 25);
  assert.equal(api.one.messages[0].ruleId, 'unknown-field');
  assert.equal(api.one.messages[0].severity, 1, 'the config given to lintText is used');
  assert.equal(api.version, pkg.version);
});

test('the published types reject a misuse', (t) => {
  if (unavailable) {
    t.skip(unavailable);
    return;
  }
  fs.writeFileSync(path.join(app, 'wrong.ts'), "import { lintText } from 'leonardo-lint';\nawait lintText('x', { filepath: 'a.ts' });\n");
  const wrong = tsc(['--noEmit', 'wrong.ts']);
  assert.notEqual(wrong.status, 0);
  assert.match(wrong.stdout, /filepath/);
});
