// Code actions, as in vscode-eslint: per diagnostic its fixes (the certain one preferred), then per
// rule "Fix all <rule> problems", "Disable <rule> for this line / file" and "Show documentation";
// and `source.fixAll.leonardoLint`, a versioned edit for `editor.codeActionsOnSave`.

import {
  CodeActionKind,
  type CodeAction,
  type CodeActionParams,
  type Diagnostic,
  type TextEdit as LspTextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import { compatibleFixes } from '../engine/fix/apply.js';
import { ruleDocsUrl } from '../engine/rule-docs.js';
import { disableFileEdit, disableLineEdit, UNUSED_DIRECTIVE_RULE_ID } from '../engine/suppressions.js';
import type { TextEdit } from '../engine/types.js';
import type { DocumentAnalysis } from './analysis.js';
import { diagnosticData, isRule, toLspFix, toRange, type LspFix } from './diagnostics.js';
import { fixAllEdits } from './fix-all.js';
import { FIX_ALL_KIND, OPEN_DOCS_COMMAND, SHOW_DOCUMENTATION_COMMAND, TURN_OFF_RULE_COMMAND } from './protocol.js';

export interface CodeActionOptions {
  /** The client applies versioned `documentChanges` (else plain `changes`). */
  documentChanges: boolean;
  /** The client implements `leonardoLint.turnOffRule` (offered where comments cannot go). */
  turnOffRuleCommand: boolean;
  /** The client opens shipped rule pages itself (`leonardoLint.showDocumentation` with a rule id). */
  showDocumentationCommand?: boolean;
}

/** Whether a requested kind (`source`, `source.fixAll`, …) covers `kind`. */
function covers(requested: string, kind: string): boolean {
  return kind === requested || kind.startsWith(`${requested}.`);
}

export function codeActions(analysis: DocumentAnalysis, params: CodeActionParams, options: CodeActionOptions): CodeAction[] {
  const only = params.context.only;
  const actions: CodeAction[] = [];
  if (only?.some((k) => covers(k, FIX_ALL_KIND))) {
    const fixAll = fixAllAction(analysis, options);
    if (fixAll) actions.push(fixAll);
  }
  if (!only || only.some((k) => covers(k, CodeActionKind.QuickFix))) {
    actions.push(...quickFixes(analysis, params.context.diagnostics, options));
  }
  return actions;
}

/** `source.fixAll.leonardoLint`: every preferred fix, for the analysed version only. */
export function fixAllAction(analysis: DocumentAnalysis, options: CodeActionOptions): CodeAction | undefined {
  const edits = fixAllEdits(analysis);
  if (edits.length === 0) return undefined;
  return {
    title: 'Fix all auto-fixable Leonardo Lint problems',
    kind: FIX_ALL_KIND,
    edit: workspaceEdit(analysis, edits.map((e) => toLspEdit(analysis, e)), options),
  };
}

function quickFixes(analysis: DocumentAnalysis, diagnostics: readonly Diagnostic[], options: CodeActionOptions): CodeAction[] {
  const fixes: CodeAction[] = [];
  const perRule: CodeAction[] = [];
  const rulesDone = new Set<string>();
  for (const diagnostic of diagnostics) {
    const ruleId = typeof diagnostic.code === 'string' ? diagnostic.code : undefined;
    const ownFixes = ruleId ? fixesOf(analysis, diagnostic, ruleId) : undefined;
    if (!ruleId || !ownFixes) continue;
    for (const fix of ownFixes) {
      fixes.push({
        title: fix.title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        isPreferred: fix.preferred || undefined,
        edit: workspaceEdit(analysis, fix.edits, options),
      });
    }
    if (rulesDone.has(ruleId) || !isRule(ruleId)) continue;
    rulesDone.add(ruleId);
    perRule.push(...ruleActions(analysis, diagnostic, ruleId, options));
  }
  return [...fixes, ...perRule];
}

/** A diagnostic's fixes: from its data when it is of the analysed version, else from the matching finding. */
function fixesOf(analysis: DocumentAnalysis, diagnostic: Diagnostic, ruleId: string): LspFix[] | undefined {
  const data = diagnosticData(diagnostic);
  if (!data) return undefined;
  if (data.version === analysis.version) return data.fixes;
  const finding = analysis.result.findings.find((f) => {
    if (f.ruleId !== ruleId) return false;
    const range = toRange(analysis.lines, f.span);
    return JSON.stringify(range) === JSON.stringify(diagnostic.range);
  });
  return finding?.fixes.map((f) => toLspFix(analysis.lines, f));
}

function ruleActions(analysis: DocumentAnalysis, diagnostic: Diagnostic, ruleId: string, options: CodeActionOptions): CodeAction[] {
  const actions: CodeAction[] = [];
  const quickFix = (title: string, edits: TextEdit[]): CodeAction => ({
    title,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    edit: workspaceEdit(analysis, edits.map((e) => toLspEdit(analysis, e)), options),
  });

  // One pass, no re-analysis: code actions are asked for on every cursor move.
  const ruleFixes = compatibleFixes(analysis.result.findings, ruleId);
  if (ruleFixes.length > 1) {
    actions.push(quickFix(`Fix all ${ruleId} problems in this file`, ruleFixes.flatMap((f) => f.edits)));
  }
  if (ruleId === UNUSED_DIRECTIVE_RULE_ID) return actions;

  const doc = analysis.document;
  const lineEdit = disableLineEdit(doc, analysis.result.requests, diagnostic.range.start.line, ruleId);
  if (lineEdit) actions.push(quickFix(`Disable ${ruleId} for this line`, [lineEdit]));
  const fileEdit = disableFileEdit(doc, ruleId);
  if (fileEdit) {
    actions.push(quickFix(`Disable ${ruleId} for this file`, [fileEdit]));
  } else if (options.turnOffRuleCommand) {
    actions.push({
      title: `Turn off ${ruleId} in this folder's settings (JSON has no comments)`,
      kind: CodeActionKind.QuickFix,
      diagnostics: [diagnostic],
      command: { title: `Turn off ${ruleId}`, command: TURN_OFF_RULE_COMMAND, arguments: [ruleId, analysis.uri] },
    });
  }
  actions.push({
    title: `Show documentation for ${ruleId}`,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    command: options.showDocumentationCommand
      ? { title: `Show documentation for ${ruleId}`, command: SHOW_DOCUMENTATION_COMMAND, arguments: [ruleId] }
      : { title: `Show documentation for ${ruleId}`, command: OPEN_DOCS_COMMAND, arguments: [ruleDocsUrl(ruleId)] },
  });
  return actions;
}

function toLspEdit(analysis: DocumentAnalysis, edit: TextEdit): LspTextEdit {
  return { range: toRange(analysis.lines, edit), newText: edit.newText };
}

function workspaceEdit(analysis: DocumentAnalysis, edits: LspTextEdit[], options: CodeActionOptions): WorkspaceEdit {
  if (options.documentChanges) {
    return { documentChanges: [{ textDocument: { uri: analysis.uri, version: analysis.version }, edits }] };
  }
  return { changes: { [analysis.uri]: edits } };
}
