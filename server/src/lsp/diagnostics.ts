// Findings → LSP diagnostics. Each diagnostic carries its fixes (as LSP edits for the analysed
// version) in `data`, so code actions never re-run the rules.

import {
  DiagnosticSeverity,
  DiagnosticTag,
  type Diagnostic,
  type Range,
  type TextEdit as LspTextEdit,
} from 'vscode-languageserver';
import { pathToFileURL } from 'node:url';
import { ruleDocsUrl } from '../engine/rule-docs.js';
import type { LineIndex } from '../engine/positions.js';
import { UNUSED_DIRECTIVE_RULE_ID } from '../engine/suppressions.js';
import type { Finding, Fix, Severity, Span } from '../engine/types.js';
import type { DocumentAnalysis } from './analysis.js';

export const DIAGNOSTIC_SOURCE = 'leonardo-lint';

/** Findings the engine reports that are not rules (no docs page, no disable actions). */
const NOT_RULES = new Set(['file-skipped']);

export interface LspFix {
  title: string;
  preferred: boolean;
  edits: LspTextEdit[];
}

export interface DiagnosticData {
  /** The document version the ranges and edits refer to. */
  version: number;
  fixes: LspFix[];
}

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
};

export function isRule(ruleId: string): boolean {
  return !NOT_RULES.has(ruleId);
}

export function toRange(lines: LineIndex, span: Span): Range {
  return { start: lines.positionAt(span.start), end: lines.positionAt(span.end) };
}

export function toLspFix(lines: LineIndex, fix: Fix): LspFix {
  return {
    title: fix.title,
    preferred: fix.preferred === true,
    edits: fix.edits.map((e) => ({ range: toRange(lines, e), newText: e.newText })),
  };
}

export function toDiagnostic(analysis: DocumentAnalysis, finding: Finding): Diagnostic {
  const data: DiagnosticData = { version: analysis.version, fixes: finding.fixes.map((f) => toLspFix(analysis.lines, f)) };
  const diagnostic: Diagnostic = {
    range: toRange(analysis.lines, finding.span),
    severity: SEVERITY[finding.severity],
    source: DIAGNOSTIC_SOURCE,
    code: finding.ruleId,
    message: finding.message,
    data,
  };
  // A finding that depends on another file (an imported client, wrapper or key) names it.
  if (finding.related) {
    diagnostic.relatedInformation = finding.related.map((r) => ({ location: { uri: pathToFileURL(r.file).href, range: r.range }, message: r.message }));
  }
  if (isRule(finding.ruleId)) diagnostic.codeDescription = { href: ruleDocsUrl(finding.ruleId) };
  if (finding.ruleId === UNUSED_DIRECTIVE_RULE_ID) diagnostic.tags = [DiagnosticTag.Unnecessary];
  else if (finding.ruleId === 'deprecated-field') diagnostic.tags = [DiagnosticTag.Deprecated];
  return diagnostic;
}

export function toDiagnostics(analysis: DocumentAnalysis): Diagnostic[] {
  return analysis.result.findings.map((f) => toDiagnostic(analysis, f));
}

/** The data of a diagnostic this server published, if it is one. */
export function diagnosticData(diagnostic: Diagnostic): DiagnosticData | undefined {
  if (diagnostic.source !== DIAGNOSTIC_SOURCE) return undefined;
  const data = diagnostic.data as Partial<DiagnosticData> | undefined;
  return data && typeof data.version === 'number' && Array.isArray(data.fixes) ? (data as DiagnosticData) : undefined;
}
