// Types of the programmatic API (`require('leonardo-lint')` / `import { lintText } from 'leonardo-lint'`).
// Written by hand: the published API is these few names (server/src/node-api/index.ts implements them).
import type { ESLint, Linter, Rule } from 'eslint';

/** A rule's severity in a configuration. */
export type SeveritySetting = 'off' | 'information' | 'warning' | 'error';

/** The configuration: what `leonardo-lint.config.json` holds. */
export interface LintConfig {
  /** Rule id -> severity (`off` turns a rule off). */
  rules?: Record<string, SeveritySetting>;
  /** Glob -> endpoint (`"requests/*.json": "POST /generations"`): JSON files that are request bodies. */
  requestFiles?: Record<string, string>;
  /** Globs of files `lintFiles` skips (relative to `baseDir`). */
  ignores?: string[];
  /** Files larger than this many characters are skipped with one information finding. */
  maxFileSize?: number;
  /** Report `leonardo-lint-disable` comments that suppress nothing (default true). */
  reportUnusedDisableDirectives?: boolean;
  /** Folder the globs are relative to (default: the current folder). */
  baseDir?: string;
}

/** One finding, in ESLint's `LintMessage` shape. Lines and columns are 1-based; columns count UTF-16 units. */
export interface LintMessage {
  /** The rule id (`unknown-field`); null for a file that could not be read. */
  ruleId: string | null;
  /** 2 for errors, 1 for warnings and information. */
  severity: 1 | 2;
  message: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  fatal?: boolean;
  /** The preferred (certain) fix: replace `range` (offsets into the text) with `text`. */
  fix?: { range: [number, number]; text: string };
  /** The other files the finding depends on (an imported client, wrapper or key); absent when none. */
  relatedLocations?: LintRelatedLocation[];
}

/** A place in another file: an absolute path, 1-based lines and columns. */
export interface LintRelatedLocation {
  filePath: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  message: string;
}

/** One file's findings, in ESLint's `LintResult` shape (what `leonardo-lint --format json` prints). */
export interface LintResult {
  filePath: string;
  messages: LintMessage[];
  errorCount: number;
  warningCount: number;
  fixableErrorCount: number;
  fixableWarningCount: number;
  fatalErrorCount: number;
  suppressedMessages: [];
  usedDeprecatedRules: [];
}

export interface LintTextOptions {
  /** The file the text is from: decides how it is read (TS/JS, JSON, shell, Markdown, .http) and which config applies. */
  filePath?: string;
  /** Use this configuration instead of the nearest `leonardo-lint.config.json`. */
  config?: LintConfig;
}

export interface LintFilesOptions {
  /** Use this configuration instead of each file's nearest `leonardo-lint.config.json`. */
  config?: LintConfig;
}

/** Lint a text (read as TypeScript unless `filePath` says otherwise). Resolves to one result in an array. */
export function lintText(text: string, options?: LintTextOptions): Promise<LintResult[]>;

/** Lint files and folders as the CLI does (folders walked, node_modules skipped). Never writes files. */
export function lintFiles(paths: string | readonly string[], options?: LintFilesOptions): Promise<LintResult[]>;

/** The ESLint plugin's shape. */
export interface LeonardoEslintPlugin extends ESLint.Plugin {
  meta: { name: string; version: string };
  /** One rule per Leonardo Lint rule id (`leonardo/unknown-field` in a config). */
  rules: Record<string, Rule.RuleModule>;
  configs: {
    /** Every rule at its default severity (error -> "error"; warning and information -> "warn"). */
    recommended: Linter.Config;
  };
}

/** The ESLint plugin (also `leonardo-lint/eslint`). */
export const eslintPlugin: LeonardoEslintPlugin;

/** The package's version. */
export const version: string;
