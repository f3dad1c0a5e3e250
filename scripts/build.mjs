// One esbuild script for the bundles: the VS Code client, the language server, the CLI, and the npm
// package's programmatic API with the ESLint plugin (dist/api.js; dist/eslint.js is the plugin alone).
// `node scripts/build.mjs` builds once (minified); `--watch` rebuilds on change; `--dev` keeps names;
// `--outdir <dir>` writes the bundles elsewhere than dist/ (the package test packs a copy of its own).
import * as esbuild from 'esbuild';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { parserOnlyTypeScript } from './typescript-parser.cjs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

const watch = process.argv.includes('--watch');
const dev = watch || process.argv.includes('--dev');
const outdirAt = process.argv.indexOf('--outdir');
const out = outdirAt >= 0 ? process.argv[outdirAt + 1] : 'dist';

/** @type {import('esbuild').BuildOptions} */
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: dev ? 'inline' : false,
  minify: !dev,
  legalComments: 'none',
  define: { LEONARDO_LINT_VERSION: JSON.stringify(pkg.version) },
  logLevel: 'warning',
  external: ['vscode'],
  mainFields: ['module', 'main'],
  plugins: [parserOnlyTypeScript],
};

const entries = [
  { entryPoints: ['client/src/extension.ts'], outfile: `${out}/client.js` },
  { entryPoints: ['server/src/server.ts'], outfile: `${out}/server-main.js` },
  { entryPoints: ['server/src/cli/main.ts'], outfile: `${out}/cli-main.js` },
  // `require('leonardo-lint')`. esbuild marks its exports so Node's ESM import finds them by name.
  { entryPoints: ['server/src/node-api/index.ts'], outfile: `${out}/api.js` },
];

// dist/server.js and dist/cli.js load their bundles through V8's code cache (scripts/cached-entry.cjs).
const cachedEntry = readFileSync(new URL('./cached-entry.cjs', import.meta.url), 'utf8');
mkdirSync(out, { recursive: true });
for (const name of ['server', 'cli']) {
  writeFileSync(`${out}/${name}.js`, cachedEntry.replace('__BUNDLE__', `${name}-main.js`));
}
// `leonardo-lint/eslint`: the plugin object as module.exports, so both `require()` and ESM's default
// import (`import leonardo from 'leonardo-lint/eslint'`) give the plugin itself, not a namespace.
// It shares the API's bundle: the engine is published once.
writeFileSync(`${out}/eslint.js`, "'use strict';\n// The ESLint plugin (see server/src/eslint-plugin).\nmodule.exports = require('./api.js').eslintPlugin;\n");

if (watch) {
  for (const entry of entries) {
    const ctx = await esbuild.context({ ...common, ...entry });
    await ctx.watch();
  }
  console.log('esbuild: watching for changes');
} else {
  await Promise.all(entries.map((entry) => esbuild.build({ ...common, ...entry })));
  // The loader reads the Node bundles as Latin-1: an ASCII file is then a one-byte string read in about
  // a millisecond, where decoding the bundle (4 MB then) with one non-ASCII character as UTF-8 took
  // ~50 ms of every start and made a two-byte string of twice the size. esbuild escapes strings but not regular
  // expression literals: write such a character as `\uXXXX` in the source. A --dev bundle keeps the
  // sources' comments, which may be anything: it is not checked (and loads a little slower).
  for (const name of dev ? [] : ['server', 'cli']) {
    const bytes = readFileSync(`${out}/${name}-main.js`);
    const at = bytes.findIndex((b) => b > 0x7f);
    if (at >= 0) {
      const context = bytes.subarray(Math.max(0, at - 60), at + 20).toString('utf8');
      console.error(`build: dist/${name}-main.js is not ASCII at byte ${at}: …${context}…\nWrite the character as a \\u escape in the source.`);
      process.exit(1);
    }
  }
}
