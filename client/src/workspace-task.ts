// "Leonardo Lint: Lint Workspace" and the `leonardo-lint` task: the server lints every file of the
// workspace folders (with the workspace index) and the task prints one line per problem, which the
// `$leonardo-lint` problem matcher puts in the Problems panel. A custom execution, not a shell
// command: the extension ships no CLI, and nothing from the workspace is run.

import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { LINT_WORKSPACE_REQUEST, problemLine, type LintWorkspaceResult } from '../../server/src/lsp/workspace-protocol.js';

export const TASK_TYPE = 'leonardo-lint';
const TASK_NAME = 'Lint Workspace';

export function workspaceTask(client: LanguageClient): vscode.Task {
  const execution = new vscode.CustomExecution(() => Promise.resolve(lintTerminal(client)));
  const task = new vscode.Task({ type: TASK_TYPE }, vscode.TaskScope.Workspace, TASK_NAME, 'Leonardo Lint', execution, ['$leonardo-lint']);
  task.presentationOptions = { reveal: vscode.TaskRevealKind.Silent, clear: true };
  return task;
}

/** The task provider and the command that runs the task. */
export function registerWorkspaceTask(client: LanguageClient): vscode.Disposable[] {
  return [
    vscode.tasks.registerTaskProvider(TASK_TYPE, {
      provideTasks: () => [workspaceTask(client)],
      resolveTask: (task) => (task.definition.type === TASK_TYPE ? workspaceTask(client) : undefined),
    }),
    vscode.commands.registerCommand('leonardoLint.lintWorkspace', () => vscode.tasks.executeTask(workspaceTask(client))),
  ];
}

function lintTerminal(client: LanguageClient): vscode.Pseudoterminal {
  const write = new vscode.EventEmitter<string>();
  const close = new vscode.EventEmitter<number>();
  const source = new vscode.CancellationTokenSource();
  return {
    onDidWrite: write.event,
    onDidClose: close.event,
    open: () => {
      write.fire('Leonardo Lint: linting the workspace…\r\n');
      client.sendRequest<LintWorkspaceResult>(LINT_WORKSPACE_REQUEST, {}, source.token).then(
        (result) => {
          for (const problem of result.problems) write.fire(`${problemLine(problem)}\r\n`);
          const more = result.truncated ? ' (the workspace has more files than are linted)' : '';
          write.fire(`${result.problems.length} problem(s) in ${result.files} file(s)${more}.\r\n`);
          close.fire(result.problems.some((p) => p.severity === 'error') ? 1 : 0);
        },
        (error: unknown) => {
          write.fire(`Leonardo Lint: ${String(error)}\r\n`);
          close.fire(2);
        },
      );
    },
    close: () => source.cancel(),
  };
}
