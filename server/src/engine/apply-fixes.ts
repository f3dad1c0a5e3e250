// Applying fixes to a text: the preferred fix of each finding, skipping any whose edits overlap an
// edit already taken (the next pass picks them up), as ESLint does. Shared by the CLI's --fix and
// the editor's "fix all" actions.

import type { Finding, Fix, TextEdit } from './types.js';

/** The preferred fixes of these findings that can be applied together, in document order. */
export function compatibleFixes(findings: readonly Finding[], ruleId?: string): Fix[] {
  const chosen: Fix[] = [];
  const taken: TextEdit[] = [];
  const candidates = findings
    .filter((f) => ruleId === undefined || f.ruleId === ruleId)
    .map((f) => f.fixes.find((x) => x.preferred))
    .filter((x): x is Fix => x !== undefined && x.edits.length > 0)
    .sort((a, b) => firstStart(a) - firstStart(b));
  for (const fix of candidates) {
    if (fix.edits.some((e) => taken.some((t) => overlaps(e, t)))) continue;
    chosen.push(fix);
    taken.push(...fix.edits);
  }
  return chosen;
}

/** The text with the compatible preferred fixes applied, or undefined when there are none. */
export function preferredEdits(text: string, findings: readonly Finding[], ruleId?: string): string | undefined {
  const fixes = compatibleFixes(findings, ruleId);
  if (fixes.length === 0) return undefined;
  return applyTextEdits(text, fixes.flatMap((f) => f.edits));
}

export interface FixLoopResult {
  text: string;
  /** The findings of the final text. */
  findings: Finding[];
  /** How many passes changed the text (0: nothing to fix). */
  passes: number;
}

export const MAX_FIX_PASSES = 10;

/**
 * Apply preferred fixes pass after pass, re-analysing the fixed text each time, until nothing
 * changes (ESLint's --fix loop). Shared by the CLI's `--fix` and the editor's fix-all.
 */
export function fixUntilStable(
  text: string,
  findings: Finding[],
  reanalyze: (text: string) => Finding[],
): FixLoopResult {
  let current = text;
  let currentFindings = findings;
  let passes = 0;
  while (passes < MAX_FIX_PASSES) {
    const next = preferredEdits(current, currentFindings);
    if (next === undefined || next === current) break;
    current = next;
    currentFindings = reanalyze(current);
    passes++;
  }
  return { text: current, findings: currentFindings, passes };
}

export function applyTextEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => b.start - a.start || b.end - a.end);
  let out = text;
  for (const e of sorted) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}

function firstStart(fix: Fix): number {
  return Math.min(...fix.edits.map((e) => e.start));
}

/** Two edits conflict when their ranges intersect, or both insert at the same point. */
function overlaps(a: TextEdit, b: TextEdit): boolean {
  if (a.start === a.end && b.start === b.end) return a.start === b.start;
  return a.start < b.end && b.start < a.end;
}
