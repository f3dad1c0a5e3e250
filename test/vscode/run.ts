// `npm run test:vscode`: the e2e scenarios inside a real VS Code (Electron) with @vscode/test-electron,
// for maintainers with internet. It downloads VS Code (cached in .e2e/vscode-test); when the download
// host is not reachable it says so and exits 0 without running anything (CI runs `npm run test:e2e`).
// VSCODE_TEST_VERSION picks the version (default `stable`; `1.91.0` is the oldest engines.vscode allows).

import { downloadAndUnzipVSCode, runTests } from '@vscode/test-electron';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import * as path from 'node:path';
import { copyFixtures, finish, formatResult, ROOT } from '../e2e/support.js';
import { bundleSuite, readResults } from './bundle.js';

const NETWORK_ERRORS = /ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH|EHOSTUNREACH|timed? ?out/i;

/** Electron needs a display: on a headless Linux machine, run again under xvfb-run when it is there. */
function ensureDisplay(): void {
  if (process.platform !== 'linux' || process.env.DISPLAY || process.env.LEONARDO_UNDER_XVFB) return;
  if (spawnSync('sh', ['-c', 'command -v xvfb-run'], { stdio: 'ignore' }).status !== 0) {
    console.log('test:vscode: no DISPLAY and no xvfb-run (apt-get install xvfb); VS Code may fail to start');
    return;
  }
  const rerun = spawnSync('xvfb-run', ['-a', process.execPath, ...process.execArgv, ...process.argv.slice(1)], {
    stdio: 'inherit',
    env: { ...process.env, LEONARDO_UNDER_XVFB: '1' },
  });
  process.exit(rerun.status ?? 1);
}

async function download(): Promise<string | undefined> {
  try {
    return await downloadAndUnzipVSCode({
      version: process.env.VSCODE_TEST_VERSION ?? 'stable',
      cachePath: path.join(ROOT, '.e2e/vscode-test'),
      timeout: 15_000,
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (NETWORK_ERRORS.test(message)) return undefined;
    throw error;
  }
}

async function main(): Promise<void> {
  ensureDisplay();
  const vscodeExecutablePath = await download();
  if (!vscodeExecutablePath) {
    console.log('skipped: VS Code download not reachable');
    return;
  }
  execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, stdio: 'inherit' });

  const workspace = copyFixtures('electron');
  const runDir = path.dirname(workspace);
  const suiteDir = path.join(runDir, 'suite');
  mkdirSync(suiteDir);
  const extensionTestsPath = await bundleSuite(suiteDir);

  let runError: unknown;
  try {
    await runTests({
      vscodeExecutablePath,
      extensionDevelopmentPath: ROOT,
      extensionTestsPath,
      launchArgs: [
        workspace,
        '--disable-extensions',
        '--disable-workspace-trust',
        '--skip-welcome',
        '--skip-release-notes',
        '--user-data-dir',
        path.join(runDir, 'user-data'),
      ],
    });
  } catch (error) {
    runError = error;
  }

  const results = readResults(suiteDir) ?? [];
  rmSync(runDir, { recursive: true, force: true });
  if (results.length === 0) {
    const why = runError instanceof Error ? runError.message : String(runError);
    results.push({ name: 'vscode-api: the suite ran in VS Code', ok: false, ms: 0, error: why });
  }
  for (const result of results) console.log(formatResult(result));
  finish(results);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
