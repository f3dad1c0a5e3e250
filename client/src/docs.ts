// Rule documentation, offline. The rule pages (docs/rules/<id>.md) ship in the VSIX: "Show
// documentation" opens them in VS Code's own Markdown preview, and the rule link of each problem
// (diagnostic.code.target, which the server sets to the web page for other editors) points at the
// shipped page, so no link leaves the editor or asks to open an external site.

import * as vscode from 'vscode';
import type { Middleware } from 'vscode-languageclient/node';

const SOURCE = 'leonardo-lint';
const RULE_ID = /^[a-z][a-z0-9-]*$/;

export class RuleDocs {
  constructor(private readonly extensionUri: vscode.Uri) {}

  /** The shipped page of a rule; undefined for an id that is not a rule name. */
  page(ruleId: string): vscode.Uri | undefined {
    return RULE_ID.test(ruleId) ? vscode.Uri.joinPath(this.extensionUri, 'docs', 'rules', `${ruleId}.md`) : undefined;
  }

  /** Opens a rule's shipped page in the Markdown preview (as text where the editor has no preview). */
  async open(ruleId: string): Promise<boolean> {
    const page = this.page(ruleId);
    if (!page || !(await exists(page))) return false;
    try {
      await vscode.commands.executeCommand('markdown.showPreview', page);
    } catch {
      await vscode.window.showTextDocument(page, { preview: true });
    }
    return true;
  }

  /** The client middleware that points each Leonardo Lint problem's rule link at the shipped page. */
  middleware(): Pick<Middleware, 'handleDiagnostics' | 'provideDiagnostics'> {
    const localize = (diagnostics: vscode.Diagnostic[]): vscode.Diagnostic[] => {
      for (const d of diagnostics) {
        if (d.source !== SOURCE || typeof d.code !== 'object' || typeof d.code.value !== 'string') continue;
        const page = this.page(d.code.value);
        if (page) d.code = { value: d.code.value, target: page };
      }
      return diagnostics;
    };
    return {
      handleDiagnostics: (uri, diagnostics, next) => next(uri, localize(diagnostics)),
      provideDiagnostics: async (document, previousResultId, token, next) => {
        const report = await next(document, previousResultId, token);
        if (report && 'items' in report) localize(report.items);
        return report;
      },
    };
  }
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}
