// The engine's one entry point: a document in, findings (with fixes) out. The CLI and the language
// server both call `analyze`, so the editor and CI never disagree.

import { getCatalogue } from '../api/catalogue.js';
import { bySpan } from './arrays.js';
import type { Catalogue } from '../api/types.js';
import { DEFAULT_MAX_FILE_SIZE, type LintConfig } from './config/lint-config.js';
import { extractRequests } from './extract/index.js';
import { NestedTooDeeply } from './extract/nesting.js';
import { isTsParse, isTsParsed, releaseParse } from './extract/typescript.js';
import { KEPT_WITH_INDEX, type FileIndex } from './extract/ts/file-index.js';
import { AnalysisMemo, assertEmptied, CHECK_RELEASE } from './memo.js';
import { allRules } from './rules/index.js';
import { redactDeep } from './auth/secrets.js';
import { applySuppressions } from './suppressions.js';
import { declineUncertainReads } from './fix/reads.js';
import { editsImported, type ImportedSpan } from './workspace/plain-values.js';
import type { Finding, LintDocument, ReportInput, RequestSite, Rule, Severity, Span, TextEdit } from './types.js';

export interface AnalyzeOptions {
  config?: LintConfig;
  /** The rules to run (default: all). Tests pass one rule to see it alone. */
  rules?: readonly Rule[];
  /** Called once per rule failure; the rule loses its findings for this document, the rest stand. */
  onRuleError?: (ruleId: string, error: unknown) => void;
  /**
   * The analysis of an earlier version of this document (the language server passes it while the
   * user types): its parse is updated instead of parsing anew, in place for an edit inside one string
   * literal (extract/ts/token-edit.ts), by TypeScript's incremental parser otherwise. Both reuse and
   * move the old tree's nodes, and its index may be reused, so `previous` is spent: nothing may read
   * its `parsed` afterwards.
   */
  previous?: AnalysisResult;
  /** The editor's JSON service reports JSON syntax errors itself (see `RuleContext.editorChecksJsonSyntax`). */
  editorChecksJsonSyntax?: boolean;
}

export interface AnalysisResult {
  findings: Finding[];
  requests: RequestSite[];
  /**
   * What the analysis of the document's next version may reuse (`previous`): for TS/JS, the source
   * file. The rest of the extractor's output (index, client calls) and the rules' shared tables are
   * emptied when the analysis ends (see memo.ts).
   */
  parsed?: unknown;
  /** Why the document was not analysed (too large, binary, nested too deeply), when it was not. */
  skipped?: string;
}

const SKIP_RULE_ID = 'file-skipped';

export function analyze(doc: LintDocument, options: AnalyzeOptions = {}): AnalysisResult {
  const config = options.config ?? {};
  const maxSize = config.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
  // maxFileSize counts bytes (of the text in UTF-8), as documented, not characters. A UTF-16 unit
  // is at most 3 bytes in UTF-8: most texts are plainly within the limit without counting.
  const bytes = doc.text.length * 3 <= maxSize ? 0 : Buffer.byteLength(doc.text, 'utf8');
  if (bytes > maxSize) {
    const reason = tooLargeReason(bytes, maxSize);
    return { findings: [skipFinding(reason)], requests: [], skipped: reason };
  }
  if (looksBinary(doc.text)) {
    return { findings: [], requests: [], skipped: 'File skipped: it looks like binary data.' };
  }

  const catalogue = getCatalogue();
  let extracted;
  try {
    extracted = extractRequests(doc, catalogue, config, options.previous?.parsed);
  } catch (error) {
    if (!(error instanceof NestedTooDeeply)) throw error;
    const reason = `File skipped: ${error.message}.`;
    return { findings: [skipFinding(reason)], requests: [], skipped: reason };
  }
  const memo = new AnalysisMemo();
  let findings: Finding[];
  try {
    findings = encodeFixes(runRules(doc, extracted.requests, extracted.parsed, catalogue, config, options, memo), extracted.requests);
  } finally {
    // The analysis is over: its tables are emptied, and only the parse is handed on.
    const released = memo.release();
    const parsed = extracted.parsed;
    if (isTsParsed(parsed)) extracted.parsed = releaseParse(parsed);
    if (CHECK_RELEASE) {
      const kept = isTsParse(extracted.parsed) ? extracted.parsed.keptIndex : undefined;
      assertEmptied({ memo: released, ...(isTsParsed(parsed) ? { index: kept ? derivedOf(kept) : parsed.index, sends: parsed.sends } : {}) }, kept ? keptTables(kept) : []);
    }
  }
  return {
    // Where findings leave the engine: no message, title or detail prints a key in full (secrets.ts).
    findings: redactDeep(applySuppressions(doc, findings, config, () => ranRuleIds(options.rules ?? allRules, config))),
    requests: extracted.requests,
    parsed: extracted.parsed,
  };
}

/** An index kept for the next version and the tables it keeps, wherever the analysis's tables reach them. */
function keptTables(index: FileIndex): object[] {
  const tables = Object.entries(index).flatMap(([name, table]) => (KEPT_WITH_INDEX.has(name as keyof FileIndex) && typeof table === 'object' && table !== null ? [table as object] : []));
  return [index, ...tables];
}

/** What an analysis worked out from an index kept for the next version (every other table of it): emptied when the analysis ends, as every table is. */
function derivedOf(index: FileIndex): unknown {
  return Object.fromEntries(Object.entries(index).filter(([name]) => !KEPT_WITH_INDEX.has(name as keyof FileIndex)));
}

function runRules(
  doc: LintDocument,
  requests: RequestSite[],
  parsed: unknown,
  catalogue: Catalogue,
  config: LintConfig,
  options: AnalyzeOptions,
  memo: AnalysisMemo,
): Finding[] {
  const findings: Finding[] = [];
  // One report function for every rule, reading the rule being run (no closure per rule and document).
  let rule: Rule;
  let configured: Severity | undefined;
  const ctx = {
    document: doc,
    requests,
    catalogue,
    parsed,
    memo,
    editorChecksJsonSyntax: options.editorChecksJsonSyntax === true,
    report(input: ReportInput): void {
      const severity: Severity = configured ?? input.severity ?? rule.meta.defaultSeverity;
      // Field by field, not `{ ...input }`: the rules' inputs differ in shape, and a spread of many
      // shapes is V8's slow generic copy (the largest single cost of linting small JSON files).
      const finding: Finding = { ruleId: rule.meta.id, severity, message: input.message, span: input.span, fixes: input.fixes ?? [] };
      if (input.endpoint !== undefined) finding.endpoint = input.endpoint;
      if (input.apiError !== undefined) finding.apiError = input.apiError;
      if (input.related !== undefined) finding.related = input.related;
      if (input.detail !== undefined) finding.detail = input.detail;
      findings.push(finding);
    },
  };
  for (rule of options.rules ?? allRules) {
    const setting = config.rules?.[rule.meta.id];
    if (setting === 'off') continue;
    configured = setting;
    const before = findings.length;
    try {
      rule.check(ctx);
    } catch (error) {
      // The rule loses what it reported on this document; the others' findings stand.
      findings.length = before;
      options.onRuleError?.(rule.meta.id, error);
    }
  }
  relateToOtherFiles(findings, requests, isTsParsed(parsed) ? parsed.index.imported : undefined);
  if (isTsParsed(parsed) && parsed.index.enumMembers) keepEnumMembers(findings, parsed.index.enumMembers);
  declineUncertainReads(findings, requests);
  return dedupe(findings.sort(bySpan), requests);
}

/**
 * A finding inside a request made through another file's client or wrapper names that file
 * (related information): the mistake is where it is written, the request is configured elsewhere.
 */
function relateToOtherFiles(findings: Finding[], requests: readonly RequestSite[], imported?: ReadonlyMap<string, ImportedSpan>): void {
  // A value read from another module (`width: DEFAULT_SIZE`, `...DEFAULT_BODY`): the finding names the
  // module where it is written, and no fix edits the expression that reads it (the literal is not here).
  if (imported && imported.size > 0) {
    const spans = [...imported.values()];
    for (const finding of findings) {
      const within = spans.find((i) => i.span.start <= finding.span.start && finding.span.end <= i.span.end);
      if (within && !finding.related) finding.related = [within.related];
      if (finding.fixes.some((fix) => fix.edits.some((edit) => editsImported(edit, spans)))) {
        finding.fixes = finding.fixes.filter((fix) => !fix.edits.some((edit) => editsImported(edit, spans)));
      }
    }
  }
  const related = requests.filter((r) => r.related !== undefined);
  if (related.length === 0) return;
  for (const finding of findings) {
    if (finding.related) continue;
    const site = related.find((r) => r.span.start <= finding.span.start && finding.span.end <= r.span.end);
    if (site) finding.related = site.related;
  }
}

/**
 * A value written as a member of the SDK's enums (`SdGenerationStyle.Leonardo`) is not rewritten: a fix
 * that would write over it (a string literal where the SDK's types want the enum) is dropped. A fix
 * whose edit takes the member out whole, with more around it (the property removed), stands.
 */
function keepEnumMembers(findings: Finding[], members: readonly Span[]): void {
  const writesOver = (edit: { start: number; end: number }): boolean =>
    members.some((m) => edit.start < m.end && edit.end > m.start && !(edit.start <= m.start && m.end <= edit.end && edit.end - edit.start > m.end - m.start));
  for (const finding of findings) {
    if (finding.fixes.some((fix) => fix.edits.some(writesOver))) finding.fixes = finding.fixes.filter((fix) => !fix.edits.some(writesOver));
  }
}

/**
 * One literal sent by several requests is one mistake: findings of one rule at one span with one
 * message are reported once. Inside a call that makes several requests (`perElement`: one per call of
 * its function, per element, per arm), their messages may differ by what each request pairs the
 * literal with (`num_images: 10` in a function called with four widths): there one per rule and span
 * is kept, the first (two required fields missing there are reported as one). Elsewhere findings of
 * one rule at one span that say different things are different mistakes (two required fields missing
 * from one object, both at its brace). Sorted by span, equal spans sit in one run, so each is compared
 * with the ones kept before it in its run.
 */
function dedupe(sorted: Finding[], requests: readonly RequestSite[]): Finding[] {
  const out: Finding[] = [];
  let runStart = 0;
  for (const f of sorted) {
    const last = out[out.length - 1];
    if (!last || last.span.start !== f.span.start || last.span.end !== f.span.end) runStart = out.length;
    let seen = false;
    for (let i = runStart; i < out.length && !seen; i++) {
      seen = out[i].ruleId === f.ruleId && (out[i].message === f.message || madeSeveralTimes(f.span, requests));
    }
    if (!seen) out.push(f);
  }
  return out;
}

/**
 * The span lies in a call that makes several requests, or in the body one sends (written before it),
 * and in no other request. Asked only of a second finding at a span: the sites are few.
 */
function madeSeveralTimes(span: Span, requests: readonly RequestSite[]): boolean {
  const within = (outer: Span | undefined): boolean => outer !== undefined && outer.start <= span.start && span.end <= outer.end;
  let several = false;
  for (const r of requests) {
    if (!within(r.span) && !within(r.body?.span)) continue;
    if (r.perElement !== true) return false;
    several = true;
  }
  return several;
}

function ranRuleIds(rules: readonly Rule[], config: LintConfig): string[] {
  return rules.map((r) => r.meta.id).filter((id) => config.rules?.[id] !== 'off');
}

/** Fix edits inside an escaped region (a quoted shell word, a JSON string) are written escaped. */
function encodeFixes(findings: Finding[], requests: readonly RequestSite[]): Finding[] {
  if (!requests.some((r) => r.escapedRegions !== undefined && r.escapedRegions.length > 0)) return findings;
  const regions = requests.flatMap((r) => r.escapedRegions ?? []);
  const regionOf = (e: TextEdit) => regions.find((r) => r.span.start <= e.start && e.end <= r.span.end);
  return findings.map((finding) => (Object.assign({}, finding, {
    fixes: finding.fixes.map((fix) => (Object.assign({}, fix, {
      edits: fix.edits.map((edit) => {
        const region = regionOf(edit);
        return region ? Object.assign({}, edit, { newText: region.encode(edit.newText) }) : edit;
      }),
    }))),
  })));
}

/** Why a file of `bytes` bytes is not analysed (the CLI says the same of a file it does not read). */
export function tooLargeReason(bytes: number, maxSize: number): string {
  return `File skipped: ${bytes} bytes is over the maxFileSize limit of ${maxSize} bytes.`;
}

/** The one information finding of a file that is not analysed. */
export function skipFinding(message: string): Finding {
  return { ruleId: SKIP_RULE_ID, severity: 'information', message, span: { start: 0, end: 0 }, fixes: [] };
}

/** NUL bytes in the first 8 KB: the heuristic git and most editors use for binary content. */
function looksBinary(text: string): boolean {
  return text.slice(0, 8192).includes('\u0000');
}
