// `npm run test:e2e`: the extension proven in real editors, offline. Builds the project, then runs the
// Neovim suite (headless nvim as an LSP client of dist/server.js) and the VS Code suite (code-server +
// Chromium). One line per scenario, then `N passed, N failed`; exits 1 on any failure.
// `npm run test:e2e -- neovim` or `-- vscode` runs one suite.

import { execFileSync } from 'node:child_process';
import { runNeovimSuite } from './neovim/suite.js';
import { missingSetup, RESULTS_DIR, ROOT, SETUP_SCRIPT, type ScenarioResult } from './support.js';
import { runVsCodeSuite } from './vscode/suite.js';

const SUITES = {
  neovim: runNeovimSuite,
  vscode: runVsCodeSuite,
} satisfies Record<string, () => Promise<ScenarioResult[]>>;

type SuiteName = keyof typeof SUITES;

function chosenSuites(args: string[]): SuiteName[] {
  const names = Object.keys(SUITES) as SuiteName[];
  const unknown = args.filter((arg) => !names.includes(arg as SuiteName));
  if (unknown.length > 0) {
    console.error(`e2e: unknown suite ${unknown.join(', ')} (suites: ${names.join(', ')})`);
    process.exit(2);
  }
  return args.length > 0 ? (args as SuiteName[]) : names;
}

async function main(): Promise<void> {
  const suites = chosenSuites(process.argv.slice(2));
  const missing = missingSetup({ vscode: suites.includes('vscode'), neovim: suites.includes('neovim') });
  if (missing.length > 0) {
    console.error(`e2e: not set up (missing ${missing.join('; ')}). Run \`bash ${SETUP_SCRIPT}\` first (CI runs it before the suites).`);
    console.log('0 passed, 1 failed');
    process.exit(1);
  }
  execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, stdio: 'inherit' });

  const results: ScenarioResult[] = [];
  for (const suite of suites) {
    const started = performance.now();
    console.log(`\n${suite}`);
    for (const result of await SUITES[suite]()) {
      results.push(result);
      console.log(result.ok ? `PASS ${result.name} (${result.ms} ms)` : `FAIL ${result.name}: ${result.error}`);
    }
    console.log(`${suite}: ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
  const failed = results.filter((r) => !r.ok).length;
  if (failed > 0) console.log(`\nScreenshots and the code-server log: ${RESULTS_DIR}`);
  console.log(`\n${results.length - failed} passed, ${failed} failed`);
  process.exitCode = failed > 0 ? 1 : 0;
}

main().catch((error: unknown) => {
  console.error(error);
  console.log('0 passed, 1 failed');
  process.exitCode = 1;
});
