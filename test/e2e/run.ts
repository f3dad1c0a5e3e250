// `npm run test:e2e`: the extension proven in real editors, offline. Builds the project, then runs:
//   neovim      headless nvim as an LSP client of dist/server.js;
//   vscode      the packaged extension in code-server, driven like a user through Chromium (screenshots);
//   vscode-api  test/vscode's in-editor suite, in code-server's extension host.
// One line per scenario, then `N passed, N failed`; exits 1 on any failure.
// `npm run test:e2e -- neovim` (or any of the names) runs only those suites.

import { execFileSync } from 'node:child_process';
import { runNeovimSuite } from './neovim/suite.js';
import { finish, formatResult, missingSetup, RESULTS_DIR, ROOT, SETUP_SCRIPT, type ScenarioResult } from './support.js';
import { runVsCodeApiSuite } from './vscode/api-suite.js';
import { runVsCodeSuite } from './vscode/suite.js';

const SUITES = {
  neovim: runNeovimSuite,
  vscode: runVsCodeSuite,
  'vscode-api': runVsCodeApiSuite,
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
  const missing = missingSetup({ vscode: suites.some((s) => s.startsWith('vscode')), neovim: suites.includes('neovim') });
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
      console.log(formatResult(result));
    }
    console.log(`${suite}: ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
  if (results.some((r) => !r.ok)) console.log(`\nScreenshots and VS Code's logs: ${RESULTS_DIR}`);
  finish(results);
}

main().catch((error: unknown) => {
  console.error(error);
  console.log('0 passed, 1 failed');
  process.exitCode = 1;
});
