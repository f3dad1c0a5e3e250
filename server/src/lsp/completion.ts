// textDocument/completion: the engine's body completions at the cursor, as LSP items with exact
// replace ranges (so a half-typed `"wi` becomes `"width": `), for the analysed version.

import {
  CompletionItemKind,
  CompletionItemTag,
  InsertTextFormat,
  MarkupKind,
  type CompletionItem,
  type CompletionList,
  type Position,
} from 'vscode-languageserver';
import { completionsAt } from '../engine/editor/completion.js';
import type { DocumentAnalysis } from './analysis.js';
import { toRange } from './diagnostics.js';

export function completionAt(analysis: DocumentAnalysis, position: Position): CompletionList | null {
  const completions = completionsAt(analysis, analysis.lines.offsetAt(position));
  if (completions.length === 0) return null;
  const items = completions.map((c): CompletionItem => ({
    label: c.label,
    kind: c.kind === 'field' ? CompletionItemKind.Field : CompletionItemKind.EnumMember,
    detail: c.detail,
    documentation: c.documentation ? { kind: MarkupKind.Markdown, value: c.documentation } : undefined,
    textEdit: { range: toRange(analysis.lines, c.edit), newText: c.edit.newText },
    additionalTextEdits: c.extraEdits.map((e) => ({ range: toRange(analysis.lines, e), newText: e.newText })),
    insertTextFormat: InsertTextFormat.PlainText,
    filterText: c.filterText,
    sortText: c.sortText,
    preselect: c.preselect,
    tags: c.deprecated ? [CompletionItemTag.Deprecated] : undefined,
  }));
  // Complete: the list is every field (or value) there is, the client filters as the user types.
  return { isIncomplete: false, items };
}
