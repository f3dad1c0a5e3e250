// Test helpers: lint a snippet and read findings as (rule, line, column, text) rows.

import { analyze, type AnalysisResult } from '../../server/src/engine/analyze.js';
import type { LintConfig } from '../../server/src/engine/config/lint-config.js';
import { documentKindForPath } from '../../server/src/engine/extract/index.js';
import { LineIndex } from '../../server/src/engine/positions.js';
import { allRules } from '../../server/src/engine/rules/index.js';
import type { DocumentKind, Finding, Fix, TextEdit } from '../../server/src/engine/types.js';

export interface LintOptions {
  /** File name; decides the document kind unless `kind` is given (default `app.ts`). */
  path?: string;
  kind?: DocumentKind;
  /** Only these rules run (default: all). */
  rules?: string[];
  config?: LintConfig;
}

export interface Hit {
  ruleId: string;
  severity: string;
  /** 1-based, as the CLI prints. */
  line: number;
  column: number;
  /** The text the finding covers. */
  text: string;
  message: string;
  finding: Finding;
}

export function analyzeSnippet(code: string, options: LintOptions = {}): AnalysisResult {
  const path = options.path ?? 'app.ts';
  const kind = options.kind ?? documentKindForPath(path, code) ?? 'typescript';
  const rules = options.rules ? allRules.filter((r) => options.rules!.includes(r.meta.id)) : undefined;
  if (options.rules && rules!.length !== options.rules.length) {
    throw new Error(`unknown rule in ${options.rules.join(', ')}`);
  }
  return analyze({ text: code, kind, path }, { config: options.config, rules });
}

export function lint(code: string, options: LintOptions = {}): Hit[] {
  const lines = new LineIndex(code);
  return analyzeSnippet(code, options).findings.map((finding) => {
    const pos = lines.positionAt(finding.span.start);
    return {
      ruleId: finding.ruleId,
      severity: finding.severity,
      line: pos.line + 1,
      column: pos.character + 1,
      text: code.slice(finding.span.start, finding.span.end),
      message: finding.message,
      finding,
    };
  });
}

/** Apply text edits (non-overlapping) to a text. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => b.start - a.start || b.end - a.end);
  let out = text;
  for (const e of sorted) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}

export function applyFix(text: string, fix: Fix): string {
  return applyEdits(text, fix.edits);
}

/** The preferred fix of the single finding of `ruleId`, applied. Throws when there is not exactly one. */
export function fixed(code: string, ruleId: string, options: LintOptions = {}): string {
  const hits = lint(code, { ...options, rules: options.rules ?? [ruleId] }).filter((h) => h.ruleId === ruleId);
  if (hits.length !== 1) throw new Error(`expected one ${ruleId} finding, got ${hits.length}`);
  const fix = hits[0].finding.fixes.find((f) => f.preferred) ?? hits[0].finding.fixes[0];
  if (!fix) throw new Error(`${ruleId} finding has no fix`);
  return applyFix(code, fix);
}
