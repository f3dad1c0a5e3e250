// `leonardo-lint.config.json`: found upward from each file, shared by the CLI and the editor.
// Reads the file as data (JSONC) and validates it; it never executes anything from the workspace.
// The file comes with the workspace (a cloned repository can hold a symlink to /dev/zero or a FIFO
// under this name), so it is read like any untrusted file: a regular file only, at most
// MAX_CONFIG_FILE_SIZE bytes, never blocking (see readBounded).

import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse as parseJsonc, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { unknownRuleProblem, type LintConfig } from './lint-config.js';
import { GlobError, checkGlob } from './glob.js';
import type { SeveritySetting } from '../types.js';

export const CONFIG_FILE_NAME = 'leonardo-lint.config.json';

export interface LoadedConfig {
  config: LintConfig;
  /** The file it came from, when one was found. */
  file?: string;
  /** Globs in the config (ignores, requestFiles) are relative to this folder. */
  baseDir: string;
}

export class ConfigError extends Error {
  constructor(readonly file: string, message: string) {
    super(`${file}: ${message}`);
  }
}

const SEVERITIES: readonly SeveritySetting[] = ['off', 'information', 'warning', 'error'];

/** A config file is a few hundred bytes; anything past this is refused unread. */
export const MAX_CONFIG_FILE_SIZE = 1024 * 1024;

// -- Bounded reading -------------------------------------------------------------------------------

export type BoundedRead =
  | { ok: true; bytes: Buffer; stat: fs.Stats }
  | { ok: false; reason: 'not-regular'; what: string }
  | { ok: false; reason: 'too-large'; size: number }
  | { ok: false; reason: 'error'; error: NodeJS.ErrnoException };

/**
 * Reads a regular file of at most `maxBytes` bytes, deciding before reading: a FIFO, socket, device
 * or folder is never opened for reading (opening a FIFO blocks until a writer comes; /dev/zero never
 * ends), and a larger file is never read whole. The file is opened non-blocking and checked again on
 * the open descriptor (it may have been replaced since the first look), and at most `maxBytes + 1`
 * bytes are read (it may be growing).
 */
export function readBounded(file: string, maxBytes: number): BoundedRead {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch (error) {
    return { ok: false, reason: 'error', error: error as NodeJS.ErrnoException };
  }
  if (!stat.isFile()) return { ok: false, reason: 'not-regular', what: describeFileType(stat) };
  if (stat.size > maxBytes) return { ok: false, reason: 'too-large', size: stat.size };
  let fd: number;
  try {
    fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
  } catch (error) {
    return { ok: false, reason: 'error', error: error as NodeJS.ErrnoException };
  }
  try {
    const opened = fs.fstatSync(fd);
    if (!opened.isFile()) return { ok: false, reason: 'not-regular', what: describeFileType(opened) };
    if (opened.size > maxBytes) return { ok: false, reason: 'too-large', size: opened.size };
    const chunks: Buffer[] = [];
    let total = 0;
    const limit = maxBytes + 1;
    while (total < limit) {
      const chunk = Buffer.allocUnsafe(Math.min(limit - total, Math.max(opened.size - total, 0) + 1, 1 << 20));
      const n = fs.readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      chunks.push(n === chunk.length ? chunk : chunk.subarray(0, n));
      total += n;
    }
    if (total > maxBytes) return { ok: false, reason: 'too-large', size: total };
    return { ok: true, bytes: chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, total), stat: opened };
  } catch (error) {
    return { ok: false, reason: 'error', error: error as NodeJS.ErrnoException };
  } finally {
    fs.closeSync(fd);
  }
}

/** What a file that is not a regular file is, for messages. */
export function describeFileType(stat: Pick<fs.Stats, 'isDirectory' | 'isFIFO' | 'isSocket' | 'isCharacterDevice' | 'isBlockDevice'>): string {
  if (stat.isDirectory()) return 'a folder';
  if (stat.isFIFO()) return 'a FIFO (named pipe)';
  if (stat.isSocket()) return 'a socket';
  if (stat.isCharacterDevice()) return 'a character device';
  if (stat.isBlockDevice()) return 'a block device';
  return 'not a regular file';
}

/** A system error with its words: `EACCES (permission denied)`. */
export function describeError(error: NodeJS.ErrnoException): string {
  const words: Record<string, string> = {
    ENOENT: 'no such file or folder',
    EACCES: 'permission denied',
    EPERM: 'operation not permitted',
    ENAMETOOLONG: 'path too long',
    ELOOP: 'too many levels of symbolic links',
    ENOTDIR: 'a part of the path is not a folder',
    EISDIR: 'is a folder',
    EROFS: 'read-only file system',
    ENOSPC: 'no space left on the device',
    EDQUOT: 'disk quota exceeded',
    EIO: 'input/output error',
    EBUSY: 'busy',
    EMFILE: 'too many open files',
    EXDEV: 'on another device',
  };
  const code = error.code;
  if (!code) return error.message;
  return words[code] ? `${code} (${words[code]})` : code;
}

/** Reads and parses a config file, bounded like any workspace file. Throws ConfigError. */
export function readConfigFile(file: string): LintConfig {
  const read = readBounded(file, MAX_CONFIG_FILE_SIZE);
  if (!read.ok) {
    if (read.reason === 'not-regular') throw new ConfigError(file, `cannot be read: ${read.what}, not a regular file`);
    if (read.reason === 'too-large') throw new ConfigError(file, `cannot be read: over ${MAX_CONFIG_FILE_SIZE} bytes`);
    throw new ConfigError(file, `cannot be read: ${describeError(read.error)}`);
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(read.bytes);
  } catch {
    throw new ConfigError(file, 'not valid UTF-8 (save it as UTF-8)');
  }
  return parseConfig(text, file);
}

/** The nearest config file at or above `dir`, or undefined. Stops at the filesystem root. */
function findConfigFile(dir: string): string | undefined {
  let current = path.resolve(dir);
  for (;;) {
    const candidate = path.join(current, CONFIG_FILE_NAME);
    // Anything under the name, a dangling symlink too, is the config: reading it says what is wrong.
    if (fs.lstatSync(candidate, { throwIfNoEntry: false })) return candidate;
    const parent = path.dirname(current);
    if (parent === current) return undefined;
    current = parent;
  }
}

/** Parse and validate a config file's text. Throws ConfigError with a clear message. */
export function parseConfig(text: string, file: string): LintConfig {
  const errors: ParseError[] = [];
  // A UTF-8 BOM (Windows editors write one) is not part of the JSON.
  const raw: unknown = parseJsonc(text.startsWith('\uFEFF') ? text.slice(1) : text, errors, { allowTrailingComma: true });
  if (errors.length > 0) {
    throw new ConfigError(file, `not valid JSON (${printParseErrorCode(errors[0].error)} at offset ${errors[0].offset})`);
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new ConfigError(file, 'expected an object');
  }
  const obj = raw as Record<string, unknown>;
  const config: LintConfig = {};
  for (const [key, value] of Object.entries(obj)) {
    switch (key) {
      case '$schema':
        break;
      case 'rules':
        config.rules = parseRules(value, file);
        break;
      case 'requestFiles':
        config.requestFiles = parseStringMap(value, file, 'requestFiles');
        for (const glob of Object.keys(config.requestFiles)) checkConfigGlob(glob, file, 'requestFiles');
        break;
      case 'ignores':
        if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) {
          throw new ConfigError(file, '"ignores" must be an array of glob strings');
        }
        config.ignores = value as string[];
        for (const glob of config.ignores) checkConfigGlob(glob, file, 'ignores');
        break;
      case 'maxFileSize':
        if (typeof value !== 'number' || !(value > 0)) {
          throw new ConfigError(file, '"maxFileSize" must be a positive number of bytes');
        }
        config.maxFileSize = value;
        break;
      case 'reportUnusedDisableDirectives':
        if (typeof value !== 'boolean') throw new ConfigError(file, '"reportUnusedDisableDirectives" must be true or false');
        config.reportUnusedDisableDirectives = value;
        break;
      default:
        throw new ConfigError(file, `unknown option "${key}" (expected rules, requestFiles, ignores, maxFileSize, reportUnusedDisableDirectives)`);
    }
  }
  return config;
}

function checkConfigGlob(glob: string, file: string, option: string): void {
  try {
    checkGlob(glob);
  } catch (error) {
    if (error instanceof GlobError) throw new ConfigError(file, `"${option}": glob ${JSON.stringify(glob.slice(0, 60))}${glob.length > 60 ? '…' : ''}: ${error.message}`);
    throw error;
  }
}

function parseRules(value: unknown, file: string): Record<string, SeveritySetting> {
  const map = parseStringMap(value, file, 'rules');
  for (const [rule, severity] of Object.entries(map)) {
    const unknown = unknownRuleProblem(rule);
    if (unknown) throw new ConfigError(file, `"rules": ${unknown}`);
    if (!SEVERITIES.includes(severity as SeveritySetting)) {
      throw new ConfigError(file, `rule "${rule}": severity must be one of ${SEVERITIES.join(', ')}, not "${severity}"`);
    }
  }
  return map as Record<string, SeveritySetting>;
}

function parseStringMap(value: unknown, file: string, name: string): Record<string, string> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ConfigError(file, `"${name}" must be an object`);
  }
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(value)) {
    if (typeof v !== 'string') throw new ConfigError(file, `"${name}.${k}" must be a string`);
    out[k] = v;
  }
  return out;
}

/** Loads configs with a per-folder cache (the CLI walks many files of one project). */
export class ConfigLoader {
  private readonly byDir = new Map<string, LoadedConfig>();

  /** The config that applies to a file: the nearest config file above it, or an empty config. */
  forFile(filePath: string): LoadedConfig {
    const dir = path.dirname(path.resolve(filePath));
    const cached = this.byDir.get(dir);
    if (cached) return cached;
    const file = findConfigFile(dir);
    const loaded: LoadedConfig = file
      ? { config: { ...readConfigFile(file), baseDir: path.dirname(file) }, file, baseDir: path.dirname(file) }
      : { config: { baseDir: dir }, baseDir: dir };
    this.byDir.set(dir, loaded);
    return loaded;
  }

  clear(): void {
    this.byDir.clear();
  }
}
