// What both editor suites share: where things are, the setup check, the fixture copy and the scenario record.

import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

export const ROOT = path.resolve(__dirname, '../..');
export const SETUP_SCRIPT = 'scripts/setup-e2e.sh';
export const CODE_SERVER_DIR = path.join(ROOT, '.e2e/code-server');
export const CODE_SERVER_BIN = path.join(CODE_SERVER_DIR, 'node_modules/.bin/code-server');
export const CHROMIUM = '/usr/bin/chromium';
export const FIXTURES = path.join(ROOT, 'test/e2e/fixtures/workspace');
/** Screenshots and logs; git-ignored, kept by CI. */
export const RESULTS_DIR = path.join(ROOT, 'test-results/e2e');
export const SERVER_JS = path.join(ROOT, 'dist/server.js');

export interface ScenarioResult {
  name: string;
  ok: boolean;
  ms: number;
  error?: string;
}

/** Runs one scenario, turning an exception into a failed result (the suite goes on with the next one). */
export async function runScenario(name: string, fn: () => Promise<void>): Promise<ScenarioResult> {
  const started = performance.now();
  try {
    await fn();
    return { name, ok: true, ms: Math.round(performance.now() - started) };
  } catch (error) {
    return { name, ok: false, ms: Math.round(performance.now() - started), error: summarize(error) };
  }
}

/** An error on one line; for a Playwright timeout, with what it was waiting for (from its call log). */
function summarize(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const lines = message.replace(/\u001b\[[0-9;]*m/g, '').split('\n');
  const waiting = lines.find((line) => /^\s*- waiting for /.test(line));
  return waiting ? `${lines[0]} ${waiting.trim().slice(2)}` : lines[0];
}

/** One line per scenario. */
export function formatResult(result: ScenarioResult): string {
  return result.ok ? `PASS ${result.name} (${result.ms} ms)` : `FAIL ${result.name}: ${result.error}`;
}

/** Prints the closing `N passed, N failed` line alone on its line and sets the exit code. */
export function finish(results: ScenarioResult[]): void {
  const failed = results.filter((r) => !r.ok).length;
  console.log(`\n${results.length - failed} passed, ${failed} failed`);
  process.exitCode = failed > 0 ? 1 : 0;
}

/** The code-server version scripts/setup-e2e.sh pins (read from the script: one source of truth). */
export function pinnedCodeServerVersion(): string {
  const match = /^CODE_SERVER_VERSION=(\S+)/m.exec(readFileSync(path.join(ROOT, SETUP_SCRIPT), 'utf8'));
  if (!match) throw new Error(`${SETUP_SCRIPT} does not set CODE_SERVER_VERSION`);
  return match[1];
}

/** What scripts/setup-e2e.sh should have installed and is not there (empty when ready). */
export function missingSetup(suites: { vscode: boolean; neovim: boolean }): string[] {
  const missing: string[] = [];
  if (suites.neovim && !commandExists('nvim')) missing.push('neovim (nvim)');
  if (suites.vscode) {
    const pinned = pinnedCodeServerVersion();
    const pkg = path.join(CODE_SERVER_DIR, 'node_modules/code-server/package.json');
    const installed = existsSync(pkg) ? (JSON.parse(readFileSync(pkg, 'utf8')) as { version: string }).version : undefined;
    if (installed !== pinned || !existsSync(CODE_SERVER_BIN)) {
      missing.push(`code-server ${pinned} in .e2e/code-server${installed ? ` (found ${installed})` : ''}`);
    }
    if (!existsSync(CHROMIUM)) missing.push(`chromium (${CHROMIUM})`);
    if (!existsSync(path.join(ROOT, 'node_modules/playwright-core/package.json'))) missing.push('playwright-core (npm ci)');
  }
  return missing;
}

function commandExists(command: string): boolean {
  try {
    execFileSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** A fresh copy of the fixture workspace in a temporary folder (the suites edit it). */
export function copyFixtures(prefix: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), `leonardo-e2e-${prefix}-`));
  const workspace = path.join(dir, 'workspace');
  cpSync(FIXTURES, workspace, { recursive: true });
  return workspace;
}
