// The VS Code extension: a thin client. It starts the language server (dist/server.js), shows its
// state and the Leonardo requests found in the active file, and offers a few commands. Everything
// else (diagnostics, fixes, hovers, completion) is the server's.

import * as vscode from 'vscode';
import {
  DiagnosticPullMode,
  LanguageClient,
  RevealOutputChannelOn,
  State,
  TransportKind,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import {
  RULES_REQUEST,
  SETTINGS_SECTION,
  SHOW_DOCUMENTATION_COMMAND,
  STATUS_NOTIFICATION,
  TURN_OFF_RULE_COMMAND,
  type InitializationOptions,
  type RuleInfo,
  type StatusParams,
} from '../../server/src/lsp/protocol.js';
import { LeonardoStatus } from './status.js';
import { EXPLAIN_SCHEME, ExplanationDocuments, explainApiError } from './explain.js';
import { RuleDocs } from './docs.js';
import { registerWorkspaceTask } from './workspace-task.js';
import { WORKSPACE_WATCHERS } from '../../server/src/lsp/workspace-wiring.js';

const LANGUAGES = [
  'typescript',
  'typescriptreact',
  'javascript',
  'javascriptreact',
  'json',
  'jsonc',
  'shellscript',
  'markdown',
  'http',
];

/** Saved and unsaved documents, and those of virtual workspaces (GitHub Repositories). */
const SCHEMES = ['file', 'untitled', 'vscode-vfs'];

/** The documents the server reads: these languages, and .http/.rest files whatever their language. */
export const DOCUMENT_SELECTOR: Array<{ scheme: string; language?: string; pattern?: string }> = [
  ...LANGUAGES.flatMap((language) => SCHEMES.map((scheme) => ({ scheme, language }))),
  { scheme: 'file', pattern: '**/*.{http,rest}' },
];

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel('Leonardo Lint', { log: true });
  const status = new LeonardoStatus(DOCUMENT_SELECTOR);
  const explanations = new ExplanationDocuments();
  const docs = new RuleDocs(context.extensionUri);
  context.subscriptions.push(output, status, explanations, vscode.workspace.registerTextDocumentContentProvider(EXPLAIN_SCHEME, explanations));

  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const initializationOptions: InitializationOptions = {
    statusNotification: true,
    watchesConfigFiles: true,
    turnOffRuleCommand: true,
    showDocumentationCommand: true,
    logLevel: vscode.workspace.getConfiguration(SETTINGS_SECTION).get<string>('logLevel'),
    workspaceTrusted: vscode.workspace.isTrusted,
    jsonSyntaxChecked: true,
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: DOCUMENT_SELECTOR,
    outputChannel: output,
    revealOutputChannelOn: RevealOutputChannelOn.Never,
    initializationOptions,
    middleware: docs.middleware(),
    synchronize: {
      fileEvents: [
        vscode.workspace.createFileSystemWatcher('**/leonardo-lint.config.json'),
        // For the workspace index: modules created, changed, deleted or renamed on disk.
        ...WORKSPACE_WATCHERS.map((glob) => vscode.workspace.createFileSystemWatcher(glob)),
      ],
    },
    diagnosticPullOptions: {
      onChange: true,
      onSave: true,
      // `run: onSave`: no pull while typing (the server also keeps the saved version's problems).
      filter: (document, mode) =>
        mode === DiagnosticPullMode.onType &&
        vscode.workspace.getConfiguration(SETTINGS_SECTION, document.uri).get('run') === 'onSave',
    },
  };
  // The default error handler restarts a crashed server (up to 4 times in 3 minutes); on restart the
  // client opens every document again, so each is analysed afresh.
  client = new LanguageClient('leonardoLint', 'Leonardo Lint', serverOptions, clientOptions);
  const lc = client;
  context.subscriptions.push(
    lc.onDidChangeState((e) => status.serverState(e.newState === State.Running ? 'running' : e.newState === State.Starting ? 'starting' : 'stopped')),
    lc.onNotification(STATUS_NOTIFICATION, (params: StatusParams) => status.update(params)),
    vscode.workspace.onDidCloseTextDocument((doc) => status.forget(doc.uri.toString())),
    vscode.commands.registerCommand('leonardoLint.restartServer', async () => {
      status.clear();
      await lc.restart();
    }),
    vscode.commands.registerCommand('leonardoLint.showOutput', () => output.show(true)),
    vscode.commands.registerCommand('leonardoLint.explainError', () => explainApiError(lc, explanations, docs)),
    vscode.commands.registerCommand(SHOW_DOCUMENTATION_COMMAND, (ruleId?: unknown) => showDocumentation(lc, docs, ruleId)),
    vscode.commands.registerCommand(TURN_OFF_RULE_COMMAND, turnOffRule),
    ...registerWorkspaceTask(lc),
  );
  await lc.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}

/**
 * Opens a rule's page: the one named (from a "Show documentation" action), or one picked from the
 * server's rule list. The shipped page opens in the Markdown preview; the web page only if it is missing.
 */
async function showDocumentation(lc: LanguageClient, docs: RuleDocs, ruleId: unknown): Promise<void> {
  let id = typeof ruleId === 'string' ? ruleId : undefined;
  let url: string | undefined;
  if (!id) {
    const rules = await lc.sendRequest<RuleInfo[]>(RULES_REQUEST);
    const picked = await vscode.window.showQuickPick(
      rules.map((r) => ({ label: r.id, detail: r.description, url: r.docsUrl })),
      { placeHolder: 'Open the documentation of a Leonardo Lint rule', matchOnDetail: true },
    );
    if (!picked) return;
    id = picked.label;
    url = picked.url;
  }
  if (await docs.open(id)) return;
  if (url) await vscode.env.openExternal(vscode.Uri.parse(url));
}

/** JSON has no comments: the "disable" action for JSON turns the rule off in the folder's settings. */
async function turnOffRule(ruleId: string, uri: string): Promise<void> {
  const resource = vscode.Uri.parse(uri);
  const config = vscode.workspace.getConfiguration(SETTINGS_SECTION, resource);
  const rules = { ...(config.get<Record<string, string>>('rules') ?? {}), [ruleId]: 'off' };
  const target = vscode.workspace.getWorkspaceFolder(resource)
    ? vscode.ConfigurationTarget.WorkspaceFolder
    : vscode.workspace.workspaceFolders
      ? vscode.ConfigurationTarget.Workspace
      : vscode.ConfigurationTarget.Global;
  await config.update('rules', rules, target);
}
