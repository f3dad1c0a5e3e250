// Lint configuration: what `leonardo-lint.config.json`, CLI flags and editor settings agree on.
// Pure data, merging and checking rule ids; reading files from disk lives in file.ts.

import { allRuleMetas } from '../rules/index.js';
import { editDistance, nearestNames } from '../fix/suggest.js';
import type { SeveritySetting } from '../types.js';

/** The configuration: what `leonardo-lint.config.json` holds (and the API's `config` option). */
export interface LintConfig {
  /** Rule id → severity (`off` turns a rule off). */
  rules?: Record<string, SeveritySetting>;
  /** Glob → endpoint (`"requests/*.json": "POST /generations"`): JSON files that are request bodies. */
  requestFiles?: Record<string, string>;
  /** Globs of files the CLI skips (relative to the config file). */
  ignores?: string[];
  /** Files larger than this many bytes (not characters) are skipped, unread, with one information finding. */
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
    if (c.rules) out.rules = Object.assign({}, out.rules, c.rules);
    if (c.requestFiles) out.requestFiles = Object.assign({}, out.requestFiles, c.requestFiles);
    if (c.ignores) out.ignores = [...(out.ignores ?? []), ...c.ignores];
    if (c.maxFileSize !== undefined) out.maxFileSize = c.maxFileSize;
    if (c.baseDir !== undefined) out.baseDir = c.baseDir;
    if (c.reportUnusedDisableDirectives !== undefined) {
      out.reportUnusedDisableDirectives = c.reportUnusedDisableDirectives;
    }
  }
  return out;
}

/**
 * The problem with a rule id a configuration names, or undefined when it is a rule: which id is
 * unknown and the nearest known one. Shared by the config file, `--rule` and the editor settings.
 */
export function unknownRuleProblem(id: string): string | undefined {
  const known = allRuleMetas.map((r) => r.id);
  if (known.includes(id)) return undefined;
  const nearest = nearestNames(id, known, { limit: 1 })[0] ?? nearestByDistance(id, known);
  return `"${id}" is not a Leonardo Lint rule${nearest ? ` (nearest: "${nearest}")` : ''}`;
}

/** The problems of every unknown rule id of a rules map, in order. */
export function unknownRuleProblems(rules: Record<string, unknown> | undefined): string[] {
  return Object.keys(rules ?? {}).flatMap((id) => unknownRuleProblem(id) ?? []);
}

function nearestByDistance(id: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of known) {
    const distance = editDistance(id, candidate, bestDistance);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}
