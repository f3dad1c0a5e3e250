// Which files the CLI lints: the named files, and the lintable files below the named folders.

import * as fs from 'node:fs';
import * as path from 'node:path';
import picomatch from 'picomatch';
import type { ConfigLoader } from '../engine/config/file.js';
import { documentKindForPath } from '../engine/extract/index.js';

const SKIPPED_FOLDERS = new Set(['node_modules', '.git', '.hg', '.svn']);

export interface FileEntry {
  path: string;
  /** Named on the command line (linted whatever its kind) rather than found in a folder. */
  explicit: boolean;
}

export function collectFiles(inputs: readonly string[], configs: ConfigLoader): { files: FileEntry[]; missing: string[] } {
  const files: FileEntry[] = [];
  const missing: string[] = [];
  const seen = new Set<string>();
  for (const input of inputs) {
    const absolute = path.resolve(input);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(absolute);
    } catch {
      missing.push(input);
      continue;
    }
    if (stat.isDirectory()) walk(absolute, configs, files, seen);
    else if (!seen.has(absolute)) {
      seen.add(absolute);
      files.push({ path: absolute, explicit: true });
    }
  }
  return { files, missing };
}

function walk(dir: string, configs: ConfigLoader, out: FileEntry[], seen: Set<string>): void {
  const stack = [dir];
  while (stack.length > 0) {
    const current = stack.pop()!;
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(current, { withFileTypes: true });
    } catch {
      continue;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const subdirs: string[] = [];
    for (const entry of entries) {
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED_FOLDERS.has(entry.name) && !isIgnored(full, configs, true)) subdirs.push(full);
      } else if (entry.isFile() && !seen.has(full) && isLintable(full) && !isIgnored(full, configs, false)) {
        seen.add(full);
        out.push({ path: full, explicit: false });
      }
    }
    stack.push(...subdirs.reverse());
  }
}

function isLintable(file: string): boolean {
  if (/\.(ts|tsx|mts|cts|js|jsx|mjs|cjs|json|jsonc|sh|bash|zsh|md|markdown|http|rest)$/i.test(file)) {
    return !/\.d\.[cm]?ts$/i.test(file) && !/(^|[\\/])package-lock\.json$/.test(file);
  }
  return false;
}

const ignoreMatchers = new Map<string, (p: string) => boolean>();

/** Whether the config's `ignores` globs (relative to the config file's folder) exclude a path. */
export function isIgnored(full: string, configs: ConfigLoader, isDir: boolean): boolean {
  let loaded;
  try {
    loaded = configs.forFile(isDir ? path.join(full, '_') : full);
  } catch {
    return false; // a broken config is reported when a file below it is linted
  }
  const ignores = loaded.config.ignores;
  if (!ignores || ignores.length === 0) return false;
  const relative = path.relative(loaded.baseDir, full).split(path.sep).join('/');
  if (relative.startsWith('..')) return false;
  return ignores.some((glob) => {
    let m = ignoreMatchers.get(glob);
    if (!m) {
      const pattern = glob.replace(/\/$/, '');
      const g = picomatch(pattern, { dot: true, basename: !pattern.includes('/') });
      const inside = picomatch(`${pattern}/**`, { dot: true });
      m = (p: string) => g(p) || inside(p);
      ignoreMatchers.set(glob, m);
    }
    return m(relative);
  });
}

export function kindOf(file: string, text: string) {
  return documentKindForPath(file, text);
}
