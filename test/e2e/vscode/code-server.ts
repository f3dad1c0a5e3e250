// code-server (VS Code in a browser, with a real Node extension host) for the e2e suite: the extension
// installed into a throwaway extensions folder, and a server on a free loopback port that writes nothing
// outside its run folder.

import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { cpSync, createWriteStream, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import * as path from 'node:path';
import { CODE_SERVER_BIN, ROOT } from '../support.js';

interface Manifest {
  name: string;
  publisher: string;
  version: string;
  files?: string[];
  scripts?: Record<string, string>;
}

/** User settings that keep the workbench quiet and deterministic (no welcome page, trust prompt, updates). */
const USER_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'security.workspace.trust.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'update.mode': 'none',
  // The TypeScript extension's own errors would add squiggles of their own to the .ts fixture.
  'typescript.validate.enable': false,
  'editor.minimap.enabled': false,
  'workbench.reduceMotion': 'on',
};

export interface CodeServer {
  url: string;
  /** How the extension got into the extensions folder (`none`: it is loaded as a development extension). */
  installedFrom: 'vsix' | 'folder' | 'none';
  stop(): Promise<void>;
}

/** Environment that keeps code-server's config, data and temp files inside `runDir`. */
function isolatedEnv(runDir: string): NodeJS.ProcessEnv {
  const xdg = path.join(runDir, 'xdg');
  return { ...process.env, XDG_CONFIG_HOME: xdg, XDG_DATA_HOME: xdg, XDG_CACHE_HOME: xdg, TMPDIR: runDir };
}

/**
 * Puts the extension into `extensionsDir`: the VSIX from `npm run package` when the project has that
 * script (installed with `code-server --install-extension`, as a user would), else the built folder.
 * LEONARDO_E2E_EXTENSION=folder skips packaging (quicker while iterating on the suite).
 */
export function installExtension(runDir: string, extensionsDir: string): 'vsix' | 'folder' {
  const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as Manifest;
  if (manifest.scripts?.package && process.env.LEONARDO_E2E_EXTENSION !== 'folder') {
    execFileSync('npm', ['run', '--silent', 'package'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
    const vsix = path.join(ROOT, `${manifest.name}-${manifest.version}.vsix`);
    if (!existsSync(vsix)) throw new Error(`npm run package did not write ${path.basename(vsix)}`);
    execFileSync(CODE_SERVER_BIN, ['--install-extension', vsix, '--extensions-dir', extensionsDir], {
      env: isolatedEnv(runDir),
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    return 'vsix';
  }
  const target = path.join(extensionsDir, `${manifest.publisher}.${manifest.name}-${manifest.version}`);
  const entries = new Set(['package.json', 'dist', 'README.md', 'LICENSE', 'CHANGELOG.md', ...(manifest.files ?? [])]);
  for (const entry of entries) {
    const from = path.join(ROOT, entry);
    if (existsSync(from)) cpSync(from, path.join(target, entry), { recursive: true });
  }
  return 'folder';
}

/**
 * Starts code-server on `workspace`. `install: false` leaves the extensions folder empty (for a run that
 * loads the extension as a development extension instead).
 */
export async function startCodeServer(
  runDir: string,
  workspace: string,
  logFile: string,
  { install = true }: { install?: boolean } = {},
): Promise<CodeServer> {
  const userData = path.join(runDir, 'user-data');
  const extensionsDir = path.join(runDir, 'extensions');
  mkdirSync(path.join(userData, 'User'), { recursive: true });
  mkdirSync(extensionsDir, { recursive: true });
  writeFileSync(path.join(userData, 'User/settings.json'), JSON.stringify(USER_SETTINGS, null, 2));
  const installedFrom = install ? installExtension(runDir, extensionsDir) : 'none';

  const port = await freePort();
  const configFile = path.join(runDir, 'code-server.yaml');
  writeFileSync(configFile, `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`);
  const log = createWriteStream(logFile);
  const child = spawn(
    CODE_SERVER_BIN,
    [
      '--config', configFile,
      '--user-data-dir', userData,
      '--extensions-dir', extensionsDir,
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--disable-getting-started-override',
      workspace,
    ],
    { env: isolatedEnv(runDir), stdio: ['ignore', 'pipe', 'pipe'] },
  );
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  const url = `http://127.0.0.1:${port}`;
  await waitForHealth(url, child);
  return { url, installedFrom, stop: () => stopProcess(child) };
}

/** Copies VS Code's logs (extension host, the extension's output channel) from a run to `target`. */
export function keepLogs(runDir: string, target: string): void {
  const logs = path.join(runDir, 'user-data/logs');
  rmSync(target, { recursive: true, force: true });
  if (existsSync(logs)) cpSync(logs, target, { recursive: true });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Polls /healthz until code-server answers (about half a second), or fails if it exits or takes 30 s. */
async function waitForHealth(url: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`code-server exited with ${child.exitCode} before it was ready`);
    try {
      if ((await fetch(`${url}/healthz`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('code-server did not answer /healthz within 30 s');
}

function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
