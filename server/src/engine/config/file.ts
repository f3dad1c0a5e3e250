// `leonardo-lint.config.json`: found upward from each file, shared by the CLI and the editor.
// Reads the file as data (JSONC) and validates it; it never executes anything from the workspace.
// The file comes with the workspace (a cloned repository can hold a symlink to /dev/zero or a FIFO
// under this name), so it is read like any untrusted file: a regular file only, at most
// MAX_CONFIG_FILE_SIZE bytes, never blocking (see readBounded).

import * as fs from 'node:fs';
import * as path from 'node:path';
import { getNodeValue, parseTree, printParseErrorCode, type Node as JsonNode, type ParseError } from 'jsonc-parser';
import { nearestNames } from '../fix/suggest.js';
import { allRuleMetas } from '../rules/index.js';
import { LineIndex } from '../positions.js';
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

/**
 * A config file that cannot be used. Its message names the file and, for a problem in its text, the
 * first problem's line and column (`file:3:14: ...`, as compilers and ESLint write places); `problems`
 * holds each problem with its range (the editor shows them on the config file).
 */
export class ConfigError extends Error {
  readonly problems: readonly ConfigProblem[];
  /** The system error's code when the file could not be read (`ENOENT`: there is none). */
  code?: string;

  constructor(readonly file: string, message: string, problems: readonly ConfigProblem[] = []) {
    const first = problems[0];
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more problem${problems.length > 2 ? 's' : ''})` : '';
    super(first ? `${file}:${first.line}:${first.column}: ${first.message}${more}` : `${file}: ${message}`);
    this.problems = problems;
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
  return parseConfig(readConfigText(file), file);
}

/** A config file's text, read bounded like any workspace file. Throws ConfigError (with `code` ENOENT for a missing file). */
export function readConfigText(file: string): string {
  const read = readBounded(file, MAX_CONFIG_FILE_SIZE);
  if (!read.ok) {
    if (read.reason === 'not-regular') throw new ConfigError(file, `cannot be read: ${read.what}, not a regular file`);
    if (read.reason === 'too-large') throw new ConfigError(file, `cannot be read: over ${MAX_CONFIG_FILE_SIZE} bytes`);
    throw Object.assign(new ConfigError(file, `cannot be read: ${describeError(read.error)}`), { code: read.error.code });
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(read.bytes);
  } catch {
    throw new ConfigError(file, 'not valid UTF-8 (save it as UTF-8)');
  }
  return text;
}

/** The nearest config file at or above `dir`, or undefined. Stops at the filesystem root. */
export function findConfigFile(dir: string): string | undefined {
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

/**
 * One problem of a config file: what is wrong (a sentence without the file name) and where, as UTF-16
 * offsets into the text as given (BOM included) and the 1-based line and column of its start (the
 * CLI's `file:line:column`, the editor's diagnostic range).
 */
export interface ConfigProblem {
  message: string;
  start: number;
  end: number;
  line: number;
  column: number;
  /**
   * For a name that is not one (an option, a rule id, a severity): the names it could be. The editor
   * holds back a name being typed while it is a prefix of one of them.
   */
  expected?: readonly string[];
}

/** The config file's text checked: its config when it has no problem, else every problem in order. */
export interface CheckedConfig {
  config?: LintConfig;
  problems: ConfigProblem[];
}

/** What jsonc-parser's error codes mean, in words (its own names read `CommaExpected`). */
const JSON_ERRORS: Partial<Record<ReturnType<typeof printParseErrorCode>, string>> = {
  InvalidSymbol: 'unexpected character',
  InvalidNumberFormat: 'not a valid number',
  PropertyNameExpected: 'a property name in double quotes is expected here',
  ValueExpected: 'a value is expected here',
  ColonExpected: 'a colon (:) is expected here',
  CommaExpected: 'a comma is expected here',
  CloseBraceExpected: 'a closing brace (}) is expected here',
  CloseBracketExpected: 'a closing bracket (]) is expected here',
  EndOfFileExpected: 'nothing may follow the closing brace',
  UnexpectedEndOfComment: 'the comment is not closed',
  UnexpectedEndOfString: 'the string is not closed',
  UnexpectedEndOfNumber: 'the number is cut off',
  InvalidUnicode: 'an invalid \\u escape',
  InvalidEscapeCharacter: 'an invalid escape character',
  InvalidCharacter: 'a control character in a string',
};

const OPTIONS = ['rules', 'requestFiles', 'ignores', 'maxFileSize', 'reportUnusedDisableDirectives'] as const;

/**
 * Checks a config file's text, collecting every problem with its place (the editor shows each on the
 * config file itself; the CLI names the first with its line and column). Pure: no file is read.
 */
export function checkConfigText(text: string): CheckedConfig {
  const problems: ConfigProblem[] = [];
  const lines = new LineIndex(text);
  const problem = (message: string, start: number, end: number, expected?: readonly string[]): void => {
    const at = lines.positionAt(start);
    problems.push({ message, start, end: Math.max(end, start), line: at.line + 1, column: at.character + 1, ...(expected ? { expected } : {}) });
  };
  // A UTF-8 BOM (Windows editors write one) is not part of the JSON; offsets stay those of the text.
  const bom = text.startsWith('\uFEFF') ? 1 : 0;
  const at: Report = (node, message, expected) => problem(message, node.offset + bom, node.offset + bom + node.length, expected);
  const errors: ParseError[] = [];
  const root = parseTree(bom ? text.slice(1) : text, errors, { allowTrailingComma: true });
  if (errors.length > 0) {
    // The first syntax error only: the ones after it are mostly its echoes.
    const e = errors[0];
    problem(`not valid JSON: ${JSON_ERRORS[printParseErrorCode(e.error)] ?? printParseErrorCode(e.error)}`, e.offset + bom, e.offset + bom + e.length);
    return { problems };
  }
  if (!root || root.type !== 'object') {
    problem('expected an object ({ "rules": { ... } })', (root?.offset ?? 0) + bom, root ? root.offset + bom + root.length : bom);
    return { problems };
  }
  const config: LintConfig = {};
  for (const property of root.children ?? []) {
    const [keyNode, valueNode] = property.children ?? [];
    if (!keyNode || !valueNode) continue;
    const key = keyNode.value as string;
    const value: unknown = getNodeValue(valueNode);
    switch (key) {
      case '$schema':
        break;
      case 'rules':
        config.rules = checkRules(valueNode, at);
        break;
      case 'requestFiles': {
        const map = checkStringMap(valueNode, 'requestFiles', at);
        for (const entry of valueNode.type === 'object' ? valueNode.children ?? [] : []) {
          const globNode = entry.children?.[0];
          if (globNode) checkConfigGlob(globNode, 'requestFiles', at);
        }
        config.requestFiles = map;
        break;
      }
      case 'ignores':
        if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) {
          at(valueNode, '"ignores" must be an array of glob strings');
          break;
        }
        config.ignores = value as string[];
        for (const globNode of valueNode.children ?? []) checkConfigGlob(globNode, 'ignores', at);
        break;
      case 'maxFileSize':
        if (typeof value !== 'number' || !(value > 0)) at(valueNode, '"maxFileSize" must be a positive number of bytes');
        else config.maxFileSize = value;
        break;
      case 'reportUnusedDisableDirectives':
        if (typeof value !== 'boolean') at(valueNode, '"reportUnusedDisableDirectives" must be true or false');
        else config.reportUnusedDisableDirectives = value;
        break;
      default: {
        const nearest = nearestNames(key, OPTIONS, { limit: 1 })[0];
        // The key clipped: the message stays within a Problems row whatever was pasted as a key.
        const shown = key.length > 30 ? `${key.slice(0, 29)}…` : key;
        at(keyNode, nearest ? `unknown option "${shown}": did you mean "${nearest}"?` : `unknown option "${shown}": use ${OPTIONS.join(', ')}`, OPTIONS);
      }
    }
  }
  return problems.length > 0 ? { problems } : { config, problems };
}

/** Parse and validate a config file's text. Throws ConfigError (naming the first problem's line and column). */
export function parseConfig(text: string, file: string): LintConfig {
  const checked = checkConfigText(text);
  if (!checked.config) throw new ConfigError(file, '', checked.problems);
  return checked.config;
}

type Report = (node: JsonNode, message: string, expected?: readonly string[]) => void;

function checkConfigGlob(node: JsonNode, option: string, report: Report): void {
  const glob = node.value as string;
  try {
    checkGlob(glob);
  } catch (error) {
    if (!(error instanceof GlobError)) throw error;
    report(node, `"${option}": glob ${JSON.stringify(glob.slice(0, 60))}${glob.length > 60 ? '…' : ''}: ${error.message}`);
  }
}

function checkRules(node: JsonNode, report: Report): Record<string, SeveritySetting> {
  const map = checkStringMap(node, 'rules', report);
  for (const entry of node.type === 'object' ? node.children ?? [] : []) {
    const [keyNode, valueNode] = entry.children ?? [];
    if (!keyNode || !valueNode) continue;
    const rule = keyNode.value as string;
    const unknown = unknownRuleProblem(rule);
    if (unknown) report(keyNode, `"rules": ${unknown}`, allRuleMetas.map((r) => r.id));
    const severity: unknown = valueNode.value;
    if (typeof severity === 'string' && !SEVERITIES.includes(severity as SeveritySetting)) {
      report(valueNode, `rule "${rule}": severity must be one of ${SEVERITIES.join(', ')}, not "${severity}"`, SEVERITIES);
    }
  }
  return map as Record<string, SeveritySetting>;
}

function checkStringMap(node: JsonNode, name: string, report: Report): Record<string, string> {
  const out: Record<string, string> = {};
  if (node.type !== 'object') {
    report(node, `"${name}" must be an object`);
    return out;
  }
  for (const entry of node.children ?? []) {
    const [keyNode, valueNode] = entry.children ?? [];
    if (!keyNode || !valueNode) continue;
    const k = keyNode.value as string;
    if (valueNode.type !== 'string') report(valueNode, `"${name}.${k}" must be a string`);
    else out[k] = valueNode.value as string;
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
      ? { config: Object.assign({}, readConfigFile(file), { baseDir: path.dirname(file) }), file, baseDir: path.dirname(file) }
      : { config: { baseDir: dir }, baseDir: dir };
    this.byDir.set(dir, loaded);
    return loaded;
  }

  clear(): void {
    this.byDir.clear();
  }
}
