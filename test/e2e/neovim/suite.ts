// The Neovim suite: headless nvim runs harness.lua against the built server and a copy of the fixtures.
// The harness prints `PASS <name> (<ms> ms)` / `FAIL <name>: <why>` per scenario; this turns them into results.

import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import * as path from 'node:path';
import { JSON_FILE, JSON_PROBLEMS, TS_FILE, TS_PROBLEMS, WIDTH_HOVER } from '../fixtures/expected.js';
import { copyFixtures, ROOT, SERVER_JS, type ScenarioResult } from '../support.js';

const HARNESS = path.join(ROOT, 'test/e2e/neovim/harness.lua');
/** The whole nvim run; each wait inside the harness has its own, shorter limit. */
const SUITE_TIMEOUT_MS = 120_000;

/** The fixtures' expectations, handed to the harness as JSON (one source for both suites). */
const EXPECTED = JSON.stringify({
  jsonFile: JSON_FILE,
  jsonProblems: JSON_PROBLEMS,
  tsFile: TS_FILE,
  tsProblems: TS_PROBLEMS,
  widthHover: WIDTH_HOVER,
});

export async function runNeovimSuite(): Promise<ScenarioResult[]> {
  const workspace = copyFixtures('neovim');
  try {
    const { code, stdout, stderr } = await runNvim(workspace);
    const results = parseHarnessOutput(stdout);
    for (const line of stdout.split('\n')) if (line.startsWith('LOG ')) console.log(`  nvim: ${line.slice(4)}`);
    if (results.length === 0 || (code !== 0 && results.every((r) => r.ok))) {
      const why = `nvim exited with ${code} after ${results.length} scenario(s): ${(stderr || stdout).trim().slice(0, 500)}`;
      results.push({ name: 'neovim: harness ran to the end', ok: false, ms: 0, error: why });
    }
    return results;
  } finally {
    rmSync(path.dirname(workspace), { recursive: true, force: true });
  }
}

export function parseHarnessOutput(stdout: string): ScenarioResult[] {
  const results: ScenarioResult[] = [];
  for (const line of stdout.split('\n')) {
    const pass = /^PASS (.+) \((\d+) ms\)$/.exec(line);
    if (pass) results.push({ name: pass[1], ok: true, ms: Number(pass[2]) });
    const fail = /^FAIL (.+?): (.*)$/.exec(line);
    if (fail) results.push({ name: fail[1], ok: false, ms: 0, error: fail[2] });
  }
  return results;
}

function runNvim(workspace: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    // The harness quits by itself; if it stops on a Lua error, the second command exits with 3.
    const child = spawn('nvim', ['--headless', '--clean', '-c', `luafile ${HARNESS}`, '-c', 'cquit 3'], {
      cwd: workspace,
      env: { ...process.env, LEONARDO_SERVER: SERVER_JS, LEONARDO_WORKSPACE: workspace, LEONARDO_EXPECTED: EXPECTED },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => {
      stderr += `\n(killed after ${SUITE_TIMEOUT_MS} ms)`;
      child.kill('SIGKILL');
    }, SUITE_TIMEOUT_MS);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}
