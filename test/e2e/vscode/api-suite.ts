// The in-editor suite of test/vscode (the `vscode` API: diagnostics, hover and code action providers,
// applyEdit, save, configuration) run offline in code-server's extension host, with the extension loaded
// as a development extension. It keeps test/vscode honest where @vscode/test-electron cannot download.

import { mkdirSync, rmSync } from 'node:fs';
import * as path from 'node:path';
import { bundleSuite, readResults } from '../../vscode/bundle.js';
import { copyFixtures, RESULTS_DIR, ROOT, runScenario, type ScenarioResult } from '../support.js';
import { keepLogs, startCodeServer, type CodeServer } from './code-server.js';
import { Workbench } from './workbench.js';

/** The whole in-editor suite, from the workbench opening to its results file. */
const SUITE_TIMEOUT_MS = 180_000;

export async function runVsCodeApiSuite(): Promise<ScenarioResult[]> {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const workspace = copyFixtures('vscode-api');
  const runDir = path.dirname(workspace);
  const suiteDir = path.join(runDir, 'suite');
  mkdirSync(suiteDir);
  let server: CodeServer | undefined;
  let workbench: Workbench | undefined;
  let results: ScenarioResult[] | undefined;
  try {
    const ran = await runScenario('vscode-api: the in-editor suite runs in the extension host', async () => {
      const testsPath = await bundleSuite(suiteDir);
      server = await startCodeServer(runDir, workspace, path.join(RESULTS_DIR, 'code-server-api.log'), { install: false });
      // The workbench reads development options from its URL; paths are on the (local) remote host.
      const remote = `vscode-remote://${new URL(server.url).host}`;
      const payload = [
        ['extensionDevelopmentPath', `${remote}${ROOT}`],
        ['extensionTestsPath', `${remote}${testsPath}`],
      ];
      workbench = await Workbench.open(server.url, workspace, RESULTS_DIR, { payload: JSON.stringify(payload) });
      results = await waitForResults(suiteDir);
    });
    if (!ran.ok) await workbench?.screenshot('FAILED-vscode-api').catch(() => undefined);
    return ran.ok && results ? results : [ran];
  } finally {
    await workbench?.close().catch(() => undefined);
    await server?.stop();
    keepLogs(runDir, path.join(RESULTS_DIR, 'vscode-api-logs'));
    rmSync(runDir, { recursive: true, force: true });
  }
}

/** Waits for the suite's results file (written when its last scenario ends). */
async function waitForResults(suiteDir: string): Promise<ScenarioResult[]> {
  const deadline = Date.now() + SUITE_TIMEOUT_MS;
  while (Date.now() < deadline) {
    const results = readResults(suiteDir);
    if (results) return results;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`the in-editor suite wrote no results within ${SUITE_TIMEOUT_MS / 1000} s`);
}
