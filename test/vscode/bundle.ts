// The in-editor suite (test/vscode/suite) as VS Code loads it: one CommonJS bundle, and the results it writes
// beside itself. Shared by test:vscode (Electron) and the e2e run in code-server's extension host.

import * as esbuild from 'esbuild';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { ROOT, type ScenarioResult } from '../e2e/support.js';
import { RESULTS_FILE } from './suite/results.js';

/** Bundles the suite into `dir`; returns the path to give VS Code as `extensionTestsPath`. */
export async function bundleSuite(dir: string): Promise<string> {
  const outfile = path.join(dir, 'index.js');
  await esbuild.build({
    entryPoints: [path.join(ROOT, 'test/vscode/suite/index.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode'],
    logLevel: 'warning',
  });
  return outfile;
}

/** The suite's results, or undefined while it has not finished. */
export function readResults(dir: string): ScenarioResult[] | undefined {
  const file = path.join(dir, RESULTS_FILE);
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as ScenarioResult[]) : undefined;
}
