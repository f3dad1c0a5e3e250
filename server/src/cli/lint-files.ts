// Lint files with the engine, and apply preferred fixes for --fix (ESLint-style: repeat until stable).

import * as fs from 'node:fs';
import { analyze } from '../engine/analyze.js';
import { mergeConfigs, type LintConfig } from '../engine/config/lint-config.js';
import type { ConfigLoader } from '../engine/config/file.js';
import { fixUntilStable } from '../engine/fix/apply.js';
import type { Finding, LintDocument } from '../engine/types.js';
import type { FileEntry } from './files.js';
import { kindOf } from './files.js';

export interface FileResult {
  filePath: string;
  /** The text the findings refer to (after fixes, when --fix wrote the file). */
  text: string;
  findings: Finding[];
  /** A failure to read or analyse the file: reported, and the other files are still linted. */
  fatal?: string;
  /** Whether --fix changed the file. */
  fixed?: boolean;
}

export interface LintRunOptions {
  fix: boolean;
  /** Overrides from the command line (rules, unused directives), applied over the config file. */
  overrides: LintConfig;
  configs: ConfigLoader;
  /** A config file named with --config replaces the nearest one. */
  explicitConfig?: LintConfig;
}

export function lintFile(entry: FileEntry, options: LintRunOptions): FileResult {
  const filePath = entry.path;
  let text: string;
  try {
    text = fs.readFileSync(filePath, 'utf8');
  } catch (error) {
    return { filePath, text: '', findings: [], fatal: `Cannot read file: ${(error as NodeJS.ErrnoException).code ?? String(error)}` };
  }
  const kind = kindOf(filePath, text);
  if (!kind) {
    return entry.explicit
      ? { filePath, text, findings: [], fatal: 'Not a file type Leonardo Lint reads (TS/JS, JSON, shell, Markdown, .http).' }
      : { filePath, text, findings: [] };
  }
  let config: LintConfig;
  try {
    config = mergeConfigs(options.explicitConfig ?? options.configs.forFile(filePath).config, options.overrides);
  } catch (error) {
    return { filePath, text, findings: [], fatal: (error as Error).message };
  }
  try {
    const doc: LintDocument = { text, kind, path: filePath };
    const result = analyze(doc, { config });
    if (!options.fix) return { filePath, text, findings: result.findings };
    const fixed = fixUntilStable(text, result.findings, (next) => analyze({ ...doc, text: next }, { config }).findings);
    if (fixed.text !== text) fs.writeFileSync(filePath, fixed.text, 'utf8');
    return { filePath, text: fixed.text, findings: fixed.findings, fixed: fixed.text !== text };
  } catch (error) {
    return { filePath, text, findings: [], fatal: `Internal error while linting: ${(error as Error).message}` };
  }
}
