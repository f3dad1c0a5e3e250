// "Leonardo Lint: Explain API Error": explains the selection, or else the clipboard (a full JSON
// error response or just its message), in a Markdown preview beside the editor. The knowledge lives
// in the server; the client only asks and shows.

import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { RuleDocs } from './docs.js';
import { EXPLAIN_ERROR_REQUEST, type ExplainErrorParams, type ExplainErrorResult } from '../../server/src/lsp/protocol.js';

export const EXPLAIN_SCHEME = 'leonardo-lint-explain';

/** Read-only documents holding the explanations, shown through VS Code's Markdown preview. */
export class ExplanationDocuments implements vscode.TextDocumentContentProvider {
  private readonly contents = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private counter = 0;

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.contents.get(uri.toString()) ?? '';
  }

  add(markdown: string): vscode.Uri {
    const uri = vscode.Uri.parse(`${EXPLAIN_SCHEME}:Leonardo API error ${++this.counter}.md`);
    this.contents.set(uri.toString(), markdown);
    this.changed.fire(uri);
    return uri;
  }

  dispose(): void {
    this.changed.dispose();
  }
}

async function errorText(): Promise<string | undefined> {
  const editor = vscode.window.activeTextEditor;
  const selected = editor && !editor.selection.isEmpty ? editor.document.getText(editor.selection) : '';
  if (selected.trim()) return selected;
  const clipboard = await vscode.env.clipboard.readText();
  if (clipboard.trim()) return clipboard;
  return vscode.window.showInputBox({
    title: 'Explain a Leonardo.Ai API error',
    prompt: 'Paste the error response (JSON) or its message',
    placeHolder: '{"error": "Unexpected variable sd_Version", "path": "$", "code": "bad-request"}',
  });
}

export async function explainApiError(client: LanguageClient, documents: ExplanationDocuments, docs: RuleDocs): Promise<void> {
  const text = await errorText();
  if (!text?.trim()) return;
  const params: ExplainErrorParams = { text };
  const result = await client.sendRequest<ExplainErrorResult>(EXPLAIN_ERROR_REQUEST, params);
  const uri = documents.add(result.markdown);
  try {
    await vscode.commands.executeCommand('markdown.showPreviewToSide', uri);
  } catch {
    // No Markdown preview (a stripped-down editor): show the explanation as a notification.
    const open = 'Open rule documentation';
    const ruleId = /\/docs\/rules\/([a-z0-9-]+)\.md\)/.exec(result.markdown)?.[1];
    const choice = await vscode.window.showInformationMessage(result.title, ...(ruleId ? [open] : []));
    if (choice === open && ruleId) await docs.open(ruleId);
  }
}
