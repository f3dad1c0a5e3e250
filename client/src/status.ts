// The language status item ({} in the status bar for the languages the server reads): the server's
// state, and for the active file the Leonardo requests found and the problems reported.

import * as vscode from 'vscode';
import type { StatusParams } from '../../server/src/lsp/protocol.js';

type ServerState = 'starting' | 'running' | 'stopped';

export class LeonardoStatus implements vscode.Disposable {
  private readonly item: vscode.LanguageStatusItem;
  private readonly byUri = new Map<string, StatusParams>();
  private readonly listener: vscode.Disposable;
  private server: ServerState = 'starting';

  constructor(selector: vscode.DocumentSelector) {
    this.item = vscode.languages.createLanguageStatusItem('leonardoLint.status', selector);
    this.item.name = 'Leonardo Lint';
    this.item.command = { title: 'Show output', command: 'leonardoLint.showOutput' };
    this.listener = vscode.window.onDidChangeActiveTextEditor(() => this.render());
    this.render();
  }

  serverState(state: ServerState): void {
    this.server = state;
    this.render();
  }

  update(status: StatusParams): void {
    this.byUri.set(status.uri, status);
    if (vscode.window.activeTextEditor?.document.uri.toString() === status.uri) this.render();
  }

  forget(uri: string): void {
    this.byUri.delete(uri);
  }

  clear(): void {
    this.byUri.clear();
    this.render();
  }

  dispose(): void {
    this.listener.dispose();
    this.item.dispose();
  }

  private render(): void {
    const item = this.item;
    item.busy = this.server === 'starting';
    item.severity = vscode.LanguageStatusSeverity.Information;
    item.detail = undefined;
    if (this.server !== 'running') {
      item.text = `Leonardo Lint: ${this.server === 'starting' ? 'starting' : 'stopped'}`;
      if (this.server === 'stopped') item.severity = vscode.LanguageStatusSeverity.Error;
      return;
    }
    const uri = vscode.window.activeTextEditor?.document.uri.toString();
    const status = uri ? this.byUri.get(uri) : undefined;
    if (!status) {
      item.text = 'Leonardo Lint';
      return;
    }
    switch (status.state) {
      case 'disabled':
        item.text = 'Leonardo Lint: off';
        item.detail = status.message;
        return;
      case 'skipped':
        item.text = '$(warning) Leonardo Lint: file skipped';
        item.detail = status.message;
        item.severity = vscode.LanguageStatusSeverity.Warning;
        return;
      case 'error':
        item.text = '$(error) Leonardo Lint: config error';
        item.detail = status.message;
        item.severity = vscode.LanguageStatusSeverity.Error;
        return;
      case 'ok': {
        const requests = status.requests === 1 ? '1 Leonardo request' : `${status.requests} Leonardo requests`;
        item.text = `$(check) ${requests}`;
        item.detail = `${status.problems === 1 ? '1 problem' : `${status.problems} problems`} · analysed in ${status.time} ms`;
      }
    }
  }
}
