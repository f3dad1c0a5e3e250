// The properties every document must satisfy, checked by the fuzz runs and the regression replay.
// Each check throws an Error naming the broken property; `checkDocument` runs them all.
//
//   1. `analyze` never throws, and no rule throws (onRuleError is a failure too).
//   2. A document of up to 100 KB is analysed within 100 ms (the minimum of three runs, so a GC
//      pause or a busy machine is not reported as a slow engine).
//   3. Every finding's span and every fix edit lies within the document (0 <= start <= end <= length),
//      and the edits of one fix do not overlap.
//   4. The scope of a preferred fix (the exact invariant; see `checkFixScope`): a finding that lies in
//      a request's region edits only that request's region; any other finding (a disable comment, a
//      read of a response, a header of an upload to S3) edits only text that starts on its own lines.
//   5. A preferred fix changes the text, and never makes the document less parsable (parsers
//      independent of the engine: TS parse diagnostics, jsonc-parser errors, shell quoting + curl
//      JSON bodies, .http JSON bodies; see syntax.ts), for each finding's preferred fix alone and for
//      every pass of the --fix loop: a document without syntax errors has none after the fix, and in
//      a document that already has some, no error of a kind the fix made more of lies inside the
//      text the fix writes. (In a broken document the error count itself is no measure: removing a
//      property next to garbage changes how the parser recovers, and the count with it.)
//   6. The --fix loop (the CLI's: apply the compatible preferred fixes, analyse again, at most 10
//      passes) fixes something in every pass and reaches a text with no preferred fix left, so no
//      fixed finding is reported again with its fix; and every finding that had a preferred fix is
//      gone (by rule and message) unless the same rule and message were reported as often before.
//      (TS/JS with parse errors: see `recovering`.)
//   7. Messages and fix titles show no JavaScript internals (`[object Object]`, `function … [native
//      code]`): a key like `constructor` or `__proto__` in a document is never looked up on
//      Object.prototype.

import { analyze, type AnalysisResult } from '../../server/src/engine/analyze.js';
import { applyTextEdits, compatibleFixes } from '../../server/src/engine/fix/apply.js';
import type { Finding, RequestSite, Span, TextEdit, Value } from '../../server/src/engine/types.js';
import type { FuzzDocument } from './render.js';
import { syntaxErrors, type ParseProblem } from './syntax.js';

export const TIME_LIMIT_MS = 100;
export const SIZE_LIMIT = 100 * 1024;
/** As in server/src/cli/lint-files.ts. */
const MAX_FIX_PASSES = 10;

export class PropertyError extends Error {
  constructor(
    readonly property: string,
    detail: string,
  ) {
    super(`${property}: ${detail}`);
  }
}

/** Property 1: analyse, failing on a thrown error or a rule failure. */
export function analyzeStrict(doc: FuzzDocument): AnalysisResult {
  const failures: string[] = [];
  let result: AnalysisResult;
  try {
    result = analyze(doc, { onRuleError: (id, e) => failures.push(`${id}: ${(e as Error)?.stack ?? String(e)}`) });
  } catch (error) {
    throw new PropertyError('analyze threw', (error as Error)?.stack ?? String(error));
  }
  if (failures.length > 0) throw new PropertyError('a rule threw', failures.join('\n'));
  return result;
}

/** Property 2. */
export function checkTime(doc: FuzzDocument, limit = TIME_LIMIT_MS): number {
  if (doc.text.length > SIZE_LIMIT) return 0;
  let best = Infinity;
  for (let run = 0; run < 3 && best > limit; run++) {
    const started = performance.now();
    analyze(doc);
    best = Math.min(best, performance.now() - started);
  }
  if (best > limit) throw new PropertyError('too slow', `${best.toFixed(1)} ms for ${doc.text.length} characters (limit ${limit} ms)`);
  return best;
}

const within = (inner: Span, outer: Span) => outer.start <= inner.start && inner.end <= outer.end;

const INTERNALS = /\[object \w+\]|\[native code\]|\bfunction \w*\(/;

/** Property 7. */
export function checkMessages(findings: readonly Finding[]): void {
  for (const f of findings) {
    for (const text of [f.message, ...f.fixes.map((x) => x.title)]) {
      if (INTERNALS.test(text)) throw new PropertyError('JavaScript internals in a message', `${f.ruleId}: ${text}`);
    }
  }
}

/** Property 3. */
export function checkSpans(doc: FuzzDocument, findings: readonly Finding[]): void {
  const length = doc.text.length;
  const valid = (s: Span) => Number.isInteger(s.start) && Number.isInteger(s.end) && s.start >= 0 && s.start <= s.end && s.end <= length;
  for (const f of findings) {
    if (!valid(f.span)) throw new PropertyError('span outside the document', `${f.ruleId} ${JSON.stringify(f.span)} in ${length}`);
    for (const fix of f.fixes) {
      for (const e of fix.edits) {
        if (!valid(e)) throw new PropertyError('edit outside the document', `${f.ruleId} "${fix.title}" ${JSON.stringify(e)} in ${length}`);
      }
      const sorted = [...fix.edits].sort((a, b) => a.start - b.start || a.end - b.end);
      for (let i = 1; i < sorted.length; i++) {
        if (sorted[i].start < sorted[i - 1].end) throw new PropertyError('overlapping edits in one fix', `${f.ruleId} "${fix.title}"`);
      }
    }
  }
}

function valueRegions(value: Value, out: Span[]): void {
  out.push(value.span);
  if (value.kind === 'array') for (const e of value.elements) valueRegions(e, out);
  if (value.kind === 'alternatives') for (const o of value.options) valueRegions(o, out);
  if (value.kind === 'object') {
    for (const p of value.properties) {
      out.push(p.span, p.removeSpan);
      valueRegions(p.value, out);
    }
  }
}

/**
 * A request's region: the request itself (the call, command or block), its method, its URL and the
 * header and body values it sends, wherever in the file they are written (a body built in a
 * variable above the call), with every property's removal span (its comma and line).
 */
export function requestRegion(request: RequestSite): Span[] {
  const out: Span[] = [request.span];
  if (request.methodSpan) out.push(request.methodSpan);
  if (request.url) out.push(request.url.span);
  if (request.headers) valueRegions(request.headers, out);
  if (request.body) valueRegions(request.body, out);
  return out;
}

/** From the start of the span's first line to the end of its last line, the line break included. */
export function linesOf(text: string, span: Span): Span {
  let start = span.start;
  while (start > 0 && text[start - 1] !== '\n' && text[start - 1] !== '\r') start--;
  let end = span.end;
  while (end < text.length && text[end] !== '\n' && text[end] !== '\r') end++;
  if (text[end] === '\r') end++;
  if (text[end] === '\n') end++;
  return { start, end };
}

/**
 * Property 4, the exact invariant. A finding that lies in the region of one or more requests may edit
 * the regions of those requests: each edit inside one region of one of them. Any other finding (not
 * about a Leonardo request: a disable comment, a read of a response, a header sent to S3) may edit
 * text that starts on the lines its span covers (a property removed with the line breaks in it).
 */
export function checkFixScope(doc: FuzzDocument, result: AnalysisResult): void {
  for (const f of result.findings) {
    const fix = f.fixes.find((x) => x.preferred);
    if (!fix) continue;
    const owners = result.requests.map(requestRegion).filter((regions) => regions.some((r) => within(f.span, r)));
    const lines = linesOf(doc.text, f.span);
    const allowed = (e: TextEdit) =>
      owners.length > 0 ? owners.flat().some((r) => within(e, r)) : lines.start <= e.start && e.start <= lines.end;
    const outside = fix.edits.find((e) => !allowed(e));
    if (outside) {
      throw new PropertyError('fix edits outside its scope', `${f.ruleId} "${fix.title}" edits ${JSON.stringify(outside)} ${JSON.stringify(doc.text.slice(outside.start, outside.end))}`);
    }
  }
}

/** Where the new text of each edit lies in the edited text. */
export function writtenRanges(edits: readonly TextEdit[]): Span[] {
  let delta = 0;
  return [...edits]
    .sort((a, b) => a.start - b.start || a.end - b.end)
    .map((e) => {
      const start = e.start + delta;
      delta += e.newText.length - (e.end - e.start);
      return { start, end: start + e.newText.length };
    });
}

function countBy(errors: readonly ParseProblem[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const e of errors) out.set(e.message, (out.get(e.message) ?? 0) + 1);
  return out;
}

/** Property 5 for one set of edits; returns the errors of the edited text. */
export function checkSyntaxKept(doc: FuzzDocument, edits: readonly TextEdit[], before: readonly ParseProblem[], what: string): { text: string; errors: ParseProblem[] } {
  const text = applyTextEdits(doc.text, edits);
  const errors = syntaxErrors(text, doc.kind, doc.path);
  if (before.length === 0 && errors.length > 0) {
    throw new PropertyError('a fix broke the syntax', `${what}: ${errors.length} errors, the first "${errors[0].message}" at ${JSON.stringify(errors[0])}\n--- before\n${doc.text}\n--- after\n${text}`);
  }
  // In a broken document an error the parser already reported (`',' expected` after a half-typed
  // key) may move onto the text a fix wrote: only an error of a kind the fix made more of counts.
  const was = countBy(before);
  const now = countBy(errors);
  const written = writtenRanges(edits).filter((r) => r.end > r.start);
  const inside = errors.find(
    (e) => (now.get(e.message) ?? 0) > (was.get(e.message) ?? 0) && written.some((r) => r.start <= e.start && e.start < r.end && e.end <= r.end),
  );
  if (inside) {
    throw new PropertyError('a fix wrote broken syntax', `${what}: "${inside.message}" at ${JSON.stringify(inside)} ${JSON.stringify(text.slice(inside.start, inside.end + 1))} in the text it wrote\n--- after\n${text}`);
  }
  return { text, errors };
}

/** Property 5 for each preferred fix alone. */
export function checkEachFix(doc: FuzzDocument, findings: readonly Finding[], before = syntaxErrors(doc.text, doc.kind, doc.path), limit = 12): void {
  let checked = 0;
  for (const f of findings) {
    const fix = f.fixes.find((x) => x.preferred);
    if (!fix || fix.edits.length === 0 || checked++ >= limit) continue;
    if (applyTextEdits(doc.text, fix.edits) === doc.text) {
      throw new PropertyError('a fix that changes nothing', `${f.ruleId} "${fix.title}" ${JSON.stringify(fix.edits)}`);
    }
    checkSyntaxKept(doc, fix.edits, before, `${f.ruleId} "${fix.title}" ${JSON.stringify(fix.edits)}`);
  }
}

const key = (f: Finding) => `${f.ruleId}\u0000${f.message}`;

function counts(findings: readonly Finding[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const f of findings) out.set(key(f), (out.get(key(f)) ?? 0) + 1);
  return out;
}

/**
 * TS/JS that the parser reads with errors: where an object literal ends is its recovery's guess, and
 * fixes applied together can move it. Such documents keep properties 1–5 for each fix alone; the
 * --fix loop is only held to what fixUntilStable guarantees (it never keeps a pass that fixed nothing).
 */
function recovering(doc: FuzzDocument, errors: readonly ParseProblem[]): boolean {
  return errors.length > 0 && (doc.kind === 'typescript' || doc.kind === 'javascript');
}

/** Properties 5 (per pass) and 6. Returns the fixed text. */
export function checkFixLoop(doc: FuzzDocument, first: AnalysisResult, before = syntaxErrors(doc.text, doc.kind, doc.path), strict = false): string {
  let current: FuzzDocument = doc;
  let result = first;
  let errors = before;
  const loose = !strict && recovering(doc, before);
  const fixedKeys = new Map<string, number>();
  for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
    const edits = compatibleFixes(result.findings).flatMap((f) => f.edits);
    if (edits.length === 0 || applyTextEdits(current.text, edits) === current.text) {
      return loose ? current.text : checkFixedGone(current.text, result, fixedKeys);
    }
    const original = counts(result.findings);
    const fixable = result.findings.filter((f) => f.fixes.some((x) => x.preferred && x.edits.length > 0));
    for (const f of fixable) fixedKeys.set(key(f), original.get(key(f))!);
    const next = loose ? { text: applyTextEdits(current.text, edits), errors } : checkSyntaxKept(current, edits, errors, `--fix pass ${pass + 1}`);
    const nextDoc = { ...doc, text: next.text };
    const nextResult = analyzeStrict(nextDoc);
    checkSpans(nextDoc, nextResult.findings);
    const now = counts(nextResult.findings);
    if (!fixable.some((f) => (now.get(key(f)) ?? 0) < original.get(key(f))!)) {
      // fixUntilStable undoes such a pass; in a document that parses, it is a fix that does not fix.
      if (loose) return current.text;
      throw new PropertyError('a fix does not fix its finding', `pass ${pass + 1}: ${fixable.map((f) => `${f.ruleId}: ${f.message}`).join('; ')}\n--- after\n${next.text}`);
    }
    errors = next.errors;
    current = nextDoc;
    result = nextResult;
  }
  const left = result.findings.filter((f) => f.fixes.some((x) => x.preferred && x.edits.length > 0));
  throw new PropertyError('--fix does not settle', `${MAX_FIX_PASSES} passes, still fixable: ${left.map((f) => `${f.ruleId}: ${f.message}`).join('; ')}`);
}

function checkFixedGone(text: string, final: AnalysisResult, fixedKeys: ReadonlyMap<string, number>): string {
  const now = counts(final.findings);
  for (const [k, n] of fixedKeys) {
    if ((now.get(k) ?? 0) >= n) {
      throw new PropertyError('a fixed finding is reported again', `${k.replace('\u0000', ': ')}\n--- fixed text\n${text}`);
    }
  }
  return text;
}

export interface CheckOptions {
  /** Check the time limit (off where the harness measures many documents at once). */
  time?: boolean;
  /** Check fixes (properties 4–6). */
  fixes?: boolean;
  /** Hold TS/JS with parse errors to all of property 6 too (the regression cases that were fixed). */
  strict?: boolean;
}

/** Every property for one document. */
export function checkDocument(doc: FuzzDocument, options: CheckOptions = {}): AnalysisResult {
  const started = performance.now();
  const result = analyzeStrict(doc);
  const elapsed = performance.now() - started;
  if (options.time !== false && elapsed > TIME_LIMIT_MS) checkTime(doc);
  checkSpans(doc, result.findings);
  checkMessages(result.findings);
  if (options.fixes !== false && result.findings.some((f) => f.fixes.some((x) => x.preferred))) {
    checkFixScope(doc, result);
    const before = syntaxErrors(doc.text, doc.kind, doc.path);
    checkEachFix(doc, result.findings, before);
    checkFixLoop(doc, result, before, options.strict);
  }
  return result;
}

