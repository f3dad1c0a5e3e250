// Bundles the bench (bench/run.ts and the engine sources it measures) the way scripts/build.mjs
// bundles the product: esbuild, no keepNames helpers, the parser-only TypeScript (the same plugin), so
// the engine runs here as it runs in dist/. The baselines import TypeScript through the same plugin:
// the engine and the `ts.createSourceFile` it is held to are one TypeScript, as in the server (with
// the package's parser beside the engine's, both ran slower). Other packages (eslint, the JSON
// language service) stay external. Output:
// bench/corpus/bench.cjs (git-ignored).
import * as esbuild from 'esbuild';
import { parserOnlyTypeScript } from '../scripts/typescript-parser.cjs';

await esbuild.build({
  entryPoints: ['bench/run.ts'],
  outfile: 'bench/corpus/bench.cjs',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  packages: 'external',
  logLevel: 'warning',
  plugins: [parserOnlyTypeScript],
});
