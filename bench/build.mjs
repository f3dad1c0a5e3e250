// Bundles the bench (bench/run.ts and the engine sources it measures) the way scripts/build.mjs
// bundles the product: esbuild, no keepNames helpers, TypeScript taken once (the same plugin), so
// the engine runs here as it runs in dist/. Packages (typescript, eslint, the JSON language
// service) stay external: the engine and the baselines share one TypeScript. Output:
// bench/corpus/bench.cjs (git-ignored).
import * as esbuild from 'esbuild';
import { typescriptOnce } from '../scripts/typescript-once.mjs';

await esbuild.build({
  entryPoints: ['bench/run.ts'],
  outfile: 'bench/corpus/bench.cjs',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  packages: 'external',
  logLevel: 'warning',
  plugins: [typescriptOnce],
});
