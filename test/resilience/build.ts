// The bundles the process-level tests run (dist/server.js, dist/cli.js), rebuilt only when a source
// is newer than them: several test files share one build instead of each paying for its own.

import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

export const ROOT = path.resolve(__dirname, '../..');
export const SERVER = path.join(ROOT, 'dist/server.js');
export const CLI = path.join(ROOT, 'bin/leonardo-lint.js');
const BUNDLES = ['dist/server.js', 'dist/server-main.js', 'dist/cli.js', 'dist/cli-main.js', 'dist/client.js'].map((b) => path.join(ROOT, b));
const SOURCES = ['server/src', 'client/src', 'package.json', 'scripts/build.mjs', 'scripts/typescript-parser.cjs'].map((s) => path.join(ROOT, s));

function newestMtime(target: string): number {
  const stat = fs.statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...fs.readdirSync(target).map((name) => newestMtime(path.join(target, name))));
}

let checked = false;

/** `npm run build` when a bundle is missing or older than a source file; once per test process. */
export function ensureBuilt(): void {
  if (checked) return;
  const built = Math.min(...BUNDLES.map((b) => (fs.existsSync(b) ? fs.statSync(b).mtimeMs : 0)));
  if (built < Math.max(...SOURCES.map(newestMtime))) {
    execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, stdio: 'inherit' });
  }
  checked = true;
}
