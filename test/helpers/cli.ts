// Test helpers for the CLI: run it in process and capture what it prints; a temporary folder per test
// file, with files written into it.

import { after, before } from 'node:test';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli } from '../../server/src/cli/main.js';

export interface CliRun {
  code: number;
  out: string;
  err: string;
}

/** The CLI in process (the same code as the bundle), with its output and exit code. */
export async function cli(args: string[]): Promise<CliRun> {
  let out = '';
  let err = '';
  const code = await runCli(args, { out: (t) => (out += t), err: (t) => (err += t), stdin: async () => '', isTty: false });
  return { code, out, err };
}

/**
 * A temporary folder made before the file's tests and removed after them; `write` puts a file in it
 * (folders made as needed) and returns its path. `remove` replaces fs.rmSync (e.g. for paths past PATH_MAX).
 */
export function tempFolder(prefix: string, remove: (dir: string) => void = (d) => fs.rmSync(d, { recursive: true, force: true })) {
  const folder = {
    path: '',
    write(relative: string, content: string | Buffer): string {
      const full = path.join(folder.path, relative);
      fs.mkdirSync(path.dirname(full), { recursive: true });
      fs.writeFileSync(full, content);
      return full;
    },
  };
  before(() => {
    folder.path = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  });
  after(() => remove(folder.path));
  return folder;
}
