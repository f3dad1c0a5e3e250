// Applying fixes to a text: the preferred fix of each finding, skipping any whose edits overlap an
// edit already taken (the next pass picks them up), as ESLint does. Shared by the CLI's --fix and
// the editor's "fix all" actions.

import type { Finding, Fix, Span, TextEdit } from '../types.js';
import { appendAll } from '../arrays.js';

/**
 * The preferred fixes of these findings that can be applied together, in document order. A fix that
 * `reads` other text (a cross-field fix, judged on its companions) is taken only when no other fix
 * taken edits that text, and a fix is not taken when it would edit what a taken fix read: each pass
 * applies what was decided on the text as it is, and the loop re-analyses before the rest.
 * Independent fixes (type conversions, renames) are chosen first, so they go in the first pass and
 * the dependent ones are decided again on their result.
 */
export function compatibleFixes(findings: readonly Finding[], ruleId?: string): Fix[] {
  const chosen: Fix[] = [];
  const taken: TextEdit[] = [];
  const read: Span[] = [];
  const candidates = findings
    .filter((f) => ruleId === undefined || f.ruleId === ruleId)
    .map((f) => f.fixes.find((x) => x.preferred))
    .filter((x): x is Fix => x !== undefined && x.edits.length > 0)
    .sort((a, b) => firstStart(a) - firstStart(b));
  const ordered = [...candidates.filter((f) => !f.reads), ...candidates.filter((f) => f.reads)];
  for (const fix of ordered) {
    if (fix.edits.some((e) => taken.some((t) => overlaps(e, t)) || read.some((r) => touches(e, r)))) continue;
    if (fix.reads?.some((r) => taken.some((t) => touches(t, r)))) continue;
    chosen.push(fix);
    appendAll(taken, fix.edits);
    if (fix.reads) appendAll(read, fix.reads);
  }
  return chosen.sort((a, b) => firstStart(a) - firstStart(b));
}

/** The text with the compatible preferred fixes applied, or undefined when there are none. */
function preferredEdits(text: string, findings: readonly Finding[], ruleId?: string): string | undefined {
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
 * A pass that fixes nothing (every finding that had a preferred fix is still reported, by rule and
 * message, as often as before) is undone and the loop stops: in a file the parser reads with errors
 * an insertion can land where the parser does not see it, and would otherwise be written ten times.
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
    const nextFindings = reanalyze(next);
    if (!fixedAny(currentFindings, nextFindings)) break;
    current = next;
    currentFindings = nextFindings;
    passes++;
  }
  return { text: current, findings: currentFindings, passes };
}

/** Whether some finding with a preferred fix before is reported fewer times after (by rule and message). */
function fixedAny(before: readonly Finding[], after: readonly Finding[]): boolean {
  const was = countByMessage(before);
  const now = countByMessage(after);
  return before.some((f) => f.fixes.some((x) => x.preferred && x.edits.length > 0) && (now.get(messageKey(f)) ?? 0) < was.get(messageKey(f))!);
}

const messageKey = (f: Finding): string => `${f.ruleId}\u0000${f.message}`;

function countByMessage(findings: readonly Finding[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const f of findings) out.set(messageKey(f), (out.get(messageKey(f)) ?? 0) + 1);
  return out;
}

export function applyTextEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => b.start - a.start || b.end - a.end);
  let out = text;
  for (const e of sorted) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}

function firstStart(fix: Fix): number {
  return fix.edits.reduce((first, e) => Math.min(first, e.start), Infinity);
}

/** Whether an edit changes text inside a span (an insertion anywhere from its start to its end included). */
function touches(edit: TextEdit, span: Span): boolean {
  if (edit.start === edit.end) return span.start <= edit.start && edit.start <= span.end;
  return edit.start < span.end && span.start < edit.end;
}

/** Two edits conflict when their ranges intersect, or both insert at the same point. */
function overlaps(a: TextEdit, b: TextEdit): boolean {
  if (a.start === a.end && b.start === b.end) return a.start === b.start;
  return a.start < b.end && b.start < a.end;
}
