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

const INPUT_BOX: vscode.InputBoxOptions = {
  title: 'Explain a Leonardo.Ai API error',
  prompt: 'Paste the error response (JSON) or its message',
  placeHolder: '{"error": "Unexpected variable sd_Version", "path": "$", "code": "bad-request"}',
  ignoreFocusOut: true,
};

/** The selection, else the clipboard, else what the user types; where it came from, for a retry. */
async function errorText(): Promise<{ text: string; asked: boolean } | undefined> {
  const editor = vscode.window.activeTextEditor;
  const selected = editor && !editor.selection.isEmpty ? editor.document.getText(editor.selection) : '';
  if (selected.trim()) return { text: selected, asked: false };
  const clipboard = await vscode.env.clipboard.readText();
  if (clipboard.trim()) return { text: clipboard, asked: false };
  const typed = await vscode.window.showInputBox(INPUT_BOX);
  return typed?.trim() ? { text: typed, asked: true } : undefined;
}

function explain(client: LanguageClient, text: string): Promise<ExplainErrorResult> {
  const params: ExplainErrorParams = { text };
  return client.sendRequest<ExplainErrorResult>(EXPLAIN_ERROR_REQUEST, params);
}

export async function explainApiError(client: LanguageClient, documents: ExplanationDocuments, docs: RuleDocs): Promise<void> {
  const input = await errorText();
  if (!input) return;
  let result = await explain(client, input.text);
  if (result.notAnError && !input.asked) {
    // The selection or clipboard held something else (a line of code): ask for the error instead.
    const typed = await vscode.window.showInputBox({
      ...INPUT_BOX,
      prompt: 'The selection or clipboard holds no Leonardo.Ai error. Paste the error response (JSON) or its message',
    });
    if (!typed?.trim()) return;
    result = await explain(client, typed);
  }
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
