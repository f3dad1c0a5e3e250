// The programmatic API (`require('leonardo-lint')`, `import { lintText } from 'leonardo-lint'`): the
// CLI's analysis for a program, with results in ESLint's `LintResult` shape (what the CLI's
// `--format json` prints, plus the fields ESLint's formatters read), so a script can hand them to any
// ESLint formatter. The published types, types/index.d.ts, are generated from this module's exports
// (`npm run gen:types`, scripts/public-types.ts): what it exports, and exports the types of, is the
// published API. Promises, as ESLint's `lintText`/`lintFiles` are.

import * as path from 'node:path';
import { collectFiles } from '../cli/files.js';
import { toEslintResults, type EslintResult } from '../cli/format.js';
import { lintFile, type FileResult } from '../cli/lint-files.js';
import { analyze } from '../engine/analyze.js';
import { ConfigLoader } from '../engine/config/file.js';
import { mergeConfigs, type LintConfig } from '../engine/config/lint-config.js';
import { documentKindForPath } from '../engine/extract/index.js';
import { allRuleMetas } from '../engine/rules/index.js';
import { plugin, type LeonardoEslintPlugin } from '../eslint-plugin/index.js';

export type { LintConfig } from '../engine/config/lint-config.js';
export type { SeveritySetting } from '../engine/types.js';
export type { LintMessage, LintRelatedLocation } from '../cli/format.js';
export type { LeonardoEslintPlugin } from '../eslint-plugin/index.js';

/** The ESLint plugin (also `leonardo-lint/eslint`). */
export const eslintPlugin: LeonardoEslintPlugin = plugin;

declare const LEONARDO_LINT_VERSION: string | undefined;
/** The package's version. */
export const version: string = typeof LEONARDO_LINT_VERSION === 'string' ? LEONARDO_LINT_VERSION : '0.0.0-dev';

/** One file's findings, in ESLint's `LintResult` shape (what `leonardo-lint --format json` prints, and the fields ESLint's formatters read). */
export interface LintResult extends EslintResult {
  fatalErrorCount: number;
  suppressedMessages: [];
  usedDeprecatedRules: [];
}

export interface LintTextOptions {
  /** The file the text is from: decides how it is read (TS/JS, JSON, shell, Markdown, .http) and which config applies. */
  filePath?: string;
  /** The configuration to use instead of the nearest `leonardo-lint.config.json` (the CLI's `--config`). */
  config?: LintConfig;
}

export interface LintFilesOptions {
  /** The configuration to use instead of each file's nearest `leonardo-lint.config.json`. */
  config?: LintConfig;
}

function withEslintFields(results: readonly FileResult[]): LintResult[] {
  return toEslintResults(results).map((r) => (Object.assign({}, r, {
    fatalErrorCount: r.messages.filter((m) => m.fatal).length,
    suppressedMessages: [] as [],
    usedDeprecatedRules: [] as [],
  })));
}

/** A config given by a program is checked as a config file is: the wrong shape is an error, not a silent default. */
function checkedConfig(config: LintConfig | undefined): LintConfig | undefined {
  if (config === undefined) return undefined;
  if (typeof config !== 'object' || config === null || Array.isArray(config)) throw new TypeError('leonardo-lint: config must be an object');
  const known = new Set(allRuleMetas.map((r) => r.id));
  for (const id of Object.keys(config.rules ?? {})) {
    if (!known.has(id)) throw new TypeError(`leonardo-lint: unknown rule "${id}" in config.rules`);
  }
  return { baseDir: process.cwd(), ...config };
}

/**
 * Lint one text. Without `filePath` it is read as TypeScript; with it, the file name decides, and a
 * file of a kind Leonardo Lint does not read gets no messages. Resolves to one result, in an array
 * (as ESLint's `lintText`).
 */
// eslint-disable-next-line @typescript-eslint/require-await -- a Promise API, as ESLint's: a bad argument rejects
export async function lintText(text: string, options: LintTextOptions = {}): Promise<LintResult[]> {
  if (typeof text !== 'string') throw new TypeError('leonardo-lint: lintText expects a string');
  const filePath = options.filePath === undefined ? '<text>' : path.resolve(options.filePath);
  const kind = options.filePath === undefined ? 'typescript' : documentKindForPath(filePath, text);
  const config = checkedConfig(options.config) ?? (options.filePath === undefined ? {} : new ConfigLoader().forFile(filePath).config);
  const findings = kind ? analyze({ text, kind, path: filePath }, { config: mergeConfigs(config) }).findings : [];
  return withEslintFields([{ filePath, text, findings }]);
}

/**
 * Lint files and folders, as the CLI does (folders walked, node_modules and `ignores` skipped). Never
 * writes a file. A path that does not exist is an error (as ESLint's "No files matching").
 */
// eslint-disable-next-line @typescript-eslint/require-await -- a Promise API, as ESLint's: a bad argument rejects
export async function lintFiles(paths: string | readonly string[], options: LintFilesOptions = {}): Promise<LintResult[]> {
  const list = typeof paths === 'string' ? [paths] : [...paths];
  const configs = new ConfigLoader();
  const { files, missing } = collectFiles(list, configs);
  if (missing.length > 0) throw new Error(`leonardo-lint: no such file or folder: ${missing.join(', ')}`);
  const explicitConfig = checkedConfig(options.config);
  return withEslintFields(files.map((entry) => lintFile(entry, { fix: false, overrides: {}, configs, explicitConfig })));
}
