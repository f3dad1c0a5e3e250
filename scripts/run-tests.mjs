// `npm test`'s runner: every test/**/*.test.ts except the end-to-end suites (npm run test:e2e),
// run by node's own test runner with tsx. (Node 20's --test takes no globs, hence this list.)
// Arguments narrow the run: `node scripts/run-tests.mjs test/rules` runs only the rule tests.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const EXCLUDED = new Set(['test/e2e', 'test/vscode']);

function collect(dir, out) {
  if (EXCLUDED.has(dir)) return out;
  for (const name of readdirSync(dir).sort()) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) collect(full, out);
    else if (name.endsWith('.test.ts')) out.push(full);
  }
  return out;
}

const roots = process.argv.slice(2);
const files = (roots.length > 0 ? roots : ['test']).flatMap((root) =>
  statSync(root).isDirectory() ? collect(root, []) : [root],
);
if (files.length === 0) {
  console.error('no test files found');
  process.exit(1);
}
// The engine is tested on the parser-only TypeScript it is bundled with (scripts/engine-typescript.cjs).
// Every analysis checks that it emptied its tables (server/src/engine/memo.ts, assertEmptied).
const result = spawnSync(process.execPath, ['--require', './scripts/engine-typescript.cjs', '--import', 'tsx', '--test', '--test-reporter=spec', ...files], {
  stdio: 'inherit',
  env: { ...process.env, LEONARDO_LINT_CHECK_RELEASE: '1' },
});
process.exit(result.status ?? 1);
