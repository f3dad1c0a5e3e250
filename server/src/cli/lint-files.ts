// Lint files with the engine, and apply preferred fixes for --fix (ESLint-style: repeat until stable).
// A file is read bounded (see readBounded) and decoded as file-io.ts says; --fix writes it back the
// same way, atomically, and only if nobody changed it meanwhile. A file that cannot be written keeps
// its findings, with one more error saying why it was not fixed.

import { analyze, skipFinding, tooLargeReason } from '../engine/analyze.js';
import { DEFAULT_MAX_FILE_SIZE, mergeConfigs, type LintConfig } from '../engine/config/lint-config.js';
import { describeError, readBounded, type ConfigLoader } from '../engine/config/file.js';
import { fixUntilStable } from '../engine/fix/apply.js';
import type { Finding, LintDocument } from '../engine/types.js';
import type { ImportResolver } from '../engine/workspace/types.js';
import { decodeFile, encodeFile, ENCODING_NAMES, writeFileSafely } from './file-io.js';
import type { FileEntry } from './files.js';
import { kindOf } from './files.js';
import { displayPath } from './format.js';

export interface FileResult {
  filePath: string;
  /** The text the findings refer to (after fixes, when --fix wrote the file), without a BOM. */
  text: string;
  findings: Finding[];
  /** A failure to read or analyse the file: reported, and the other files are still linted. */
  fatal?: string;
  /** Why --fix did not write the file's fixes (the findings are those of the file as it is). */
  writeError?: string;
  /** Whether --fix changed the file. */
  fixed?: boolean;
  /** What the user should know that is not a finding (how the file was decoded), for standard error. */
  notes?: string[];
}

export interface LintRunOptions {
  fix: boolean;
  /** Overrides from the command line (rules, unused directives), applied over the config file. */
  overrides: LintConfig;
  configs: ConfigLoader;
  /** A config file named with --config replaces the nearest one. */
  explicitConfig?: LintConfig;
  /** What each file's imports hold (the workspace index), so requests split over modules are checked. */
  workspaces?: { resolverFor(file: string): ImportResolver };
}

export function lintFile(entry: FileEntry, options: LintRunOptions): FileResult {
  const filePath = entry.path;
  let config: LintConfig;
  try {
    config = mergeConfigs(options.explicitConfig ?? options.configs.forFile(filePath).config, options.overrides);
  } catch (error) {
    return { filePath, text: '', findings: [], fatal: (error as Error).message };
  }
  // The size is known before the file is read: a file over maxFileSize is never read.
  const maxSize = config.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
  const read = readBounded(filePath, maxSize);
  if (!read.ok) {
    if (read.reason === 'too-large') return { filePath, text: '', findings: [skipFinding(tooLargeReason(read.size, maxSize))] };
    const fatal = read.reason === 'not-regular' ? `Not read: ${read.what}, not a regular file.` : `Cannot read file: ${describeError(read.error)}`;
    return { filePath, text: '', findings: [], fatal };
  }
  const decoded = decodeFile(read.bytes);
  const text = decoded.text;
  const kind = kindOf(filePath, text);
  if (!kind) {
    return entry.explicit
      ? { filePath, text, findings: [], fatal: 'Not a file type Leonardo Lint reads (TS/JS, JSON, shell, Markdown, .http).' }
      : { filePath, text, findings: [] };
  }
  try {
    const doc: LintDocument = { text, kind, path: filePath };
    if (options.workspaces && (kind === 'typescript' || kind === 'javascript')) doc.workspace = options.workspaces.resolverFor(filePath);
    const result = analyze(doc, { config });
    // A file the engine did not read without a finding (binary data) is said in a note: the editor shows
    // no finding for it either, and the CLI's findings are the editor's.
    const findings = result.findings;
    if (result.skipped !== undefined && findings.length === 0) {
      return { filePath, text, findings, notes: [`${displayPath(filePath)}: ${result.skipped.replace(/^File skipped: /, 'skipped: ')}`] };
    }
    if (!options.fix) return { filePath, text, findings };
    const fixed = fixUntilStable(text, findings, (next) => analyze(Object.assign({}, doc, { text: next }), { config }).findings);
    if (fixed.text === text) return { filePath, text, findings: fixed.findings };
    const bytes = encodeFile(decoded, fixed.text);
    const outcome = Buffer.isBuffer(bytes) ? writeFileSafely(filePath, read.bytes, read.stat, bytes) : { written: false as const, message: bytes.error };
    if (!outcome.written) return { filePath, text, findings, writeError: `File ${outcome.message}; not fixed.` };
    const notes =
      decoded.encoding === 'latin1'
        ? [`${displayPath(filePath)}: not valid UTF-8, so fixed as ${ENCODING_NAMES.latin1}: every byte outside the fixes is unchanged`]
        : undefined;
    return { filePath, text: fixed.text, findings: fixed.findings, fixed: true, ...(notes ? { notes } : {}) };
  } catch (error) {
    return { filePath, text, findings: [], fatal: `Internal error while linting: ${(error as Error).message}` };
  }
}
