// Which files the CLI lints: the named files, and the lintable files below the named folders.
// Nothing is passed over in silence: a folder that cannot be read, or a name that is not valid UTF-8,
// is a problem reported with the results; a special file (FIFO, socket, device) or a symbolic link
// found in a folder is skipped with a note. Each file is linted once, however many names reach it.

import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ConfigLoader } from '../engine/config/file.js';
import { describeError, describeFileType } from '../engine/config/file.js';
import type { LintConfig } from '../engine/config/lint-config.js';
import { documentKindForPath } from '../engine/extract/index.js';
import { compileGlob } from '../engine/config/glob.js';
import { displayPath } from './format.js';

const SKIPPED_FOLDERS = new Set(['node_modules', '.git', '.hg', '.svn']);

export interface FileEntry {
  path: string;
  /** Named on the command line (linted whatever its kind) rather than found in a folder. */
  explicit: boolean;
}

export interface CollectedFiles {
  files: FileEntry[];
  /** Named paths that do not exist. */
  missing: string[];
  /** Named paths that cannot be looked at (too long, permission denied, a loop of links): path and reason. */
  unreachable: Array<{ path: string; reason: string }>;
  /** Folders and names that could not be read: reported with the results, as errors. */
  problems: Array<{ path: string; message: string }>;
  /** What was skipped and why (special files, links), for standard error. */
  notes: string[];
}

export function collectFiles(inputs: readonly string[], configs: ConfigLoader, explicitConfig?: LintConfig): CollectedFiles {
  const collected: CollectedFiles = { files: [], missing: [], unreachable: [], problems: [], notes: [] };
  // Real paths already listed: a file named twice, or through a link, is linted once.
  const seen = new Set<string>();
  const ignores = ignoreTest(configs, explicitConfig);
  for (const input of inputs) {
    const absolute = path.resolve(input);
    let stat: fs.Stats;
    let real: string;
    try {
      stat = fs.statSync(absolute);
      real = fs.realpathSync(absolute);
    } catch (error) {
      const e = error as NodeJS.ErrnoException;
      if (e.code === 'ENOENT') collected.missing.push(input);
      else collected.unreachable.push({ path: input, reason: describeError(e) });
      continue;
    }
    if (stat.isDirectory()) walk(absolute, real, ignores, collected, seen);
    else if (!seen.has(real)) {
      seen.add(real);
      collected.files.push({ path: absolute, explicit: true });
    }
  }
  return collected;
}

function walk(dir: string, realDir: string, ignored: IgnoreTest, out: CollectedFiles, seen: Set<string>): void {
  // The walk follows no link, so below a real folder every path is real.
  const stack: Array<{ path: string; real: string }> = [{ path: dir, real: realDir }];
  while (stack.length > 0) {
    const current = stack.pop()!;
    let entries: Array<fs.Dirent<Buffer>>;
    try {
      entries = fs.readdirSync(current.path, { withFileTypes: true, encoding: 'buffer' });
    } catch (error) {
      out.problems.push({ path: current.path, message: `Cannot read folder: ${describeError(error as NodeJS.ErrnoException)}.` });
      continue;
    }
    const named = entries.map((entry) => ({ entry, name: utf8Name(entry.name) }));
    named.sort((a, b) => compareNames(a.name ?? '', b.name ?? ''));
    const subdirs: Array<{ path: string; real: string }> = [];
    for (const { entry, name } of named) {
      if (name === undefined) {
        const shown = path.join(current.path, escapeNameBytes(entry.name));
        // A name Node cannot pass back to the system as a string: it cannot be read, so it is said.
        if (entryType(entry, current.path) === 'folder' || isLintable(entry.name.toString('latin1'))) {
          out.problems.push({ path: shown, message: 'Not read: the name is not valid UTF-8 (rename it to lint it).' });
        }
        continue;
      }
      const full = path.join(current.path, name);
      const real = path.join(current.real, name);
      const type = entryType(entry, full);
      if (type === 'folder') {
        if (!SKIPPED_FOLDERS.has(name) && !ignored(full, true)) subdirs.push({ path: full, real });
      } else if (!isLintable(full) || seen.has(real) || ignored(full, false)) {
        continue;
      } else if (type === 'file') {
        seen.add(real);
        out.files.push({ path: full, explicit: false });
      } else if (type === 'gone') {
        continue; // removed while the folder was read
      } else if (type === 'link') {
        out.notes.push(`${displayPath(full)}: skipped: a symbolic link (links in folders are not followed; name it to lint it)`);
      } else {
        out.notes.push(`${displayPath(full)}: skipped: ${type}, not a regular file`);
      }
    }
    stack.push(...subdirs.reverse());
  }
}

/** `file`, `folder`, `link`, or the name of another kind of entry (`FIFO`, `socket`, ...). */
type EntryType = string;

/** The entry's type from the folder listing, or from lstat when the file system does not say. */
function entryType(entry: fs.Dirent<Buffer>, full: string): EntryType {
  if (entry.isFile()) return 'file';
  if (entry.isDirectory()) return 'folder';
  if (entry.isSymbolicLink()) return 'link';
  if (entry.isFIFO() || entry.isSocket() || entry.isCharacterDevice() || entry.isBlockDevice()) {
    return describeFileType(entry);
  }
  const stat = fs.lstatSync(full, { throwIfNoEntry: false });
  if (!stat) return 'gone';
  if (stat.isFile()) return 'file';
  if (stat.isDirectory()) return 'folder';
  if (stat.isSymbolicLink()) return 'link';
  return describeFileType(stat);
}

function compareNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

const UTF8 = new TextDecoder('utf-8', { fatal: true });

function utf8Name(bytes: Buffer): string | undefined {
  try {
    return UTF8.decode(bytes);
  } catch {
    return undefined;
  }
}

/** A name that is not valid UTF-8, readable: valid stretches as they are, each other byte as `\xNN`. */
export function escapeNameBytes(bytes: Buffer): string {
  let out = '';
  let i = 0;
  while (i < bytes.length) {
    const length = utf8SequenceLength(bytes, i);
    if (length > 0) {
      out += bytes.subarray(i, i + length).toString('utf8');
      i += length;
    } else {
      out += `\\x${bytes[i].toString(16).padStart(2, '0')}`;
      i++;
    }
  }
  return out;
}

/** The length of the well-formed UTF-8 sequence at `i`, or 0. */
function utf8SequenceLength(bytes: Buffer, i: number): number {
  const lead = bytes[i];
  const length = lead < 0x80 ? 1 : lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
  if (length === 0 || i + length > bytes.length) return 0;
  return utf8Name(bytes.subarray(i, i + length)) === undefined ? 0 : length;
}

function isLintable(file: string): boolean {
  if (/\.(ts|tsx|mts|cts|js|jsx|mjs|cjs|json|jsonc|sh|bash|zsh|md|markdown|http|rest)$/i.test(file)) {
    return !/\.d\.[cm]?ts$/i.test(file) && !/(^|[\\/])package-lock\.json$/.test(file);
  }
  return false;
}

type IgnoreTest = (full: string, isDir: boolean) => boolean;

function ignoreTest(configs: ConfigLoader, explicitConfig: LintConfig | undefined): IgnoreTest {
  if (explicitConfig) {
    const baseDir = explicitConfig.baseDir ?? process.cwd();
    return (full) => matchesIgnores(full, baseDir, explicitConfig.ignores);
  }
  return (full, isDir) => isIgnored(full, configs, isDir);
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
  return matchesIgnores(full, loaded.baseDir, loaded.config.ignores);
}

function matchesIgnores(full: string, baseDir: string, ignores: readonly string[] | undefined): boolean {
  if (!ignores || ignores.length === 0) return false;
  const relative = path.relative(baseDir, full).split(path.sep).join('/');
  if (relative.startsWith('..')) return false;
  return ignores.some((glob) => {
    let m = ignoreMatchers.get(glob);
    if (!m) {
      // The config was checked when it was read (compileGlob's bounds); a glob refused here ignores nothing.
      try {
        const pattern = glob.replace(/\/$/, '');
        const g = compileGlob(pattern, { basename: !pattern.includes('/') });
        const inside = compileGlob(`${pattern}/**`);
        m = (p: string) => g(p) || inside(p);
      } catch {
        m = () => false;
      }
      ignoreMatchers.set(glob, m);
    }
    return m(relative);
  });
}

export function kindOf(file: string, text: string) {
  return documentKindForPath(file, text);
}
