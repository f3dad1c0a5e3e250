// One esbuild script for the three bundles: the VS Code client, the language server and the CLI.
// `node scripts/build.mjs` builds once (minified); `--watch` rebuilds on change; `--dev` keeps names.
import * as esbuild from 'esbuild';
import { readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

const watch = process.argv.includes('--watch');
const dev = watch || process.argv.includes('--dev');

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
  // TypeScript's bundle probes for optional modules it never needs in a syntax-only parse.
  external: ['vscode', 'source-map-support', '@microsoft/typescript-etw'],
  mainFields: ['module', 'main'],
};

const entries = [
  { entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js' },
  { entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js' },
  { entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.js' },
];

if (watch) {
  for (const entry of entries) {
    const ctx = await esbuild.context({ ...common, ...entry });
    await ctx.watch();
  }
  console.log('esbuild: watching for changes');
} else {
  await Promise.all(entries.map((entry) => esbuild.build({ ...common, ...entry })));
}
