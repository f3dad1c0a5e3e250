// Lint configuration: what `leonardo-lint.config.json`, CLI flags and editor settings agree on.
// Pure data and merging; reading files from disk lives in file.ts.

import type { SeveritySetting } from '../types.js';

export interface LintConfig {
  /** Rule id → severity (`off` turns a rule off). */
  rules?: Record<string, SeveritySetting>;
  /** Glob → endpoint (`"requests/*.json": "POST /generations"`): JSON files that are request bodies. */
  requestFiles?: Record<string, string>;
  /** Globs of files the CLI skips (relative to the config file). */
  ignores?: string[];
  /** Files larger than this many bytes are skipped with one information finding. */
  maxFileSize?: number;
  /** Report suppression comments that suppress nothing (default true). */
  reportUnusedDisableDirectives?: boolean;
  /** Folder that relative globs in `requestFiles` and `ignores` are resolved against. */
  baseDir?: string;
}

export const DEFAULT_MAX_FILE_SIZE = 2 * 1024 * 1024;

/** Later configs win, rule by rule; `requestFiles` are merged, `ignores` concatenated. */
export function mergeConfigs(...configs: Array<LintConfig | undefined>): LintConfig {
  const out: LintConfig = {};
  for (const c of configs) {
    if (!c) continue;
    if (c.rules) out.rules = { ...out.rules, ...c.rules };
    if (c.requestFiles) out.requestFiles = { ...out.requestFiles, ...c.requestFiles };
    if (c.ignores) out.ignores = [...(out.ignores ?? []), ...c.ignores];
    if (c.maxFileSize !== undefined) out.maxFileSize = c.maxFileSize;
    if (c.baseDir !== undefined) out.baseDir = c.baseDir;
    if (c.reportUnusedDisableDirectives !== undefined) {
      out.reportUnusedDisableDirectives = c.reportUnusedDisableDirectives;
    }
  }
  return out;
}
