// `npm run test:vscode`: the e2e scenarios inside a real VS Code (Electron) with @vscode/test-electron,
// for maintainers with internet. It downloads VS Code (cached in .e2e/vscode-test); when the download
// host is not reachable it says so and exits 0 without running anything (CI runs `npm run test:e2e`).
// VSCODE_TEST_VERSION picks the version (default `stable`; `1.91.0` is the oldest engines.vscode allows).

import { downloadAndUnzipVSCode, runTests } from '@vscode/test-electron';
import * as esbuild from 'esbuild';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import * as path from 'node:path';
import { copyFixtures, ROOT } from '../e2e/support.js';

const NETWORK_ERRORS = /ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH|EHOSTUNREACH|timed? ?out/i;

interface Result {
  name: string;
  ok: boolean;
  ms: number;
  error?: string;
}

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
  const resultsFile = path.join(runDir, 'results.json');
  mkdirSync(suiteDir);
  await esbuild.build({
    entryPoints: [path.join(ROOT, 'test/vscode/suite/index.ts')],
    outfile: path.join(suiteDir, 'index.js'),
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode'],
    logLevel: 'warning',
  });

  let runError: unknown;
  try {
    await runTests({
      vscodeExecutablePath,
      extensionDevelopmentPath: ROOT,
      extensionTestsPath: path.join(suiteDir, 'index.js'),
      extensionTestsEnv: { LEONARDO_VSCODE_RESULTS: resultsFile },
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

  const results: Result[] = existsSync(resultsFile) ? (JSON.parse(readFileSync(resultsFile, 'utf8')) as Result[]) : [];
  rmSync(runDir, { recursive: true, force: true });
  for (const r of results) console.log(r.ok ? `PASS ${r.name} (${r.ms} ms)` : `FAIL ${r.name}: ${r.error}`);
  if (results.length === 0) {
    console.log(`FAIL vscode-electron: the suite did not run: ${runError instanceof Error ? runError.message : String(runError)}`);
  }
  const passed = results.filter((r) => r.ok).length;
  const failed = results.length === 0 ? 1 : results.length - passed;
  console.log(`\n${passed} passed, ${failed} failed`);
  process.exitCode = failed > 0 ? 1 : 0;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
