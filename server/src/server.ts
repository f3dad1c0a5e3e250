// The language server entry point (`node dist/server.js --stdio`, or `--node-ipc` from VS Code):
// wiring only. The work is in server/src/lsp (LSP adapters) and server/src/engine (the linter).

import {
  CodeActionKind,
  createConnection,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  DocumentDiagnosticReportKind,
  FileChangeType,
  IPCMessageReader,
  IPCMessageWriter,
  LSPErrorCodes,
  ProposedFeatures,
  ResponseError,
  StreamMessageWriter,
  TextDocuments,
  TextDocumentSyncKind,
  type CancellationToken,
  type ClientCapabilities,
  type Diagnostic,
  type InitializeResult,
  type MessageReader,
  type MessageWriter,
  type ServerCapabilities,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CONFIG_FILE_NAME, findConfigFile } from './engine/config/file.js';
import { allRules } from './engine/rules/index.js';
import { explainError, explanationTitle, formatExplanation } from './engine/knowledge/index.js';
import { redactKeys } from './engine/auth/secrets.js';
import { getCatalogue } from './api/catalogue.js';
import { Analyzer, serverRules, type DocumentAnalysis } from './lsp/analysis.js';
import { codeActions } from './lsp/code-actions.js';
import { completionAt } from './lsp/completion.js';
import { DiagnosticsPusher, DocumentStates, pullDiagnostics } from './lsp/delivery.js';
import { writeCodeCacheWhenQuiet } from './lsp/code-cache.js';
import { DEFAULT_MAX_MESSAGE_BYTES, FramedReader, routeConsole } from './lsp/framing.js';
import { hoverAt } from './lsp/hover.js';
import { ShutdownGate } from './lsp/lifecycle.js';
import {
  FIX_ALL_KIND,
  OPEN_DOCS_COMMAND,
  EXPLAIN_ERROR_REQUEST,
  type ExplainErrorParams,
  type ExplainErrorResult,
  RULES_REQUEST,
  SETTINGS_SECTION,
  STATUS_NOTIFICATION,
  type InitializationOptions,
  type RuleInfo,
  type StatusParams,
} from './lsp/protocol.js';
import { ConfigResolver, SettingsStore, filePathOf } from './lsp/settings.js';
import { ConfigDiagnostics, isConfigFileUri } from './lsp/config-diagnostics.js';
import { ServerLog, startLines } from './lsp/log.js';
import { TypingTracker } from './lsp/typing.js';
import { BackgroundIndexer } from './lsp/workspace-index.js';
import { lintWorkspace } from './lsp/lint-workspace.js';
import { LINT_WORKSPACE_REQUEST, type LintWorkspaceResult } from './lsp/workspace-protocol.js';
import { affectedDocuments, isWorkspaceModule, WORKSPACE_WATCHERS } from './lsp/workspace-wiring.js';
import { version } from '../../package.json';

// The transports, opened here rather than by vscode-languageserver so that every request after
// `shutdown` is refused (lsp/lifecycle.ts), and so that over stdio the client's bytes are framed by
// lsp/framing.ts: bounded, linear, and recovering from a malformed header or a lying Content-Length.
// (`--socket`/`--pipe`, which no client of ours uses, are left to vscode-languageserver as they were.)
const stdio = process.argv.includes('--stdio');
const transport = openTransport();
const connection = transport
  ? createConnection(ProposedFeatures.all, transport.reader, transport.writer)
  : createConnection(ProposedFeatures.all);
if (stdio) routeConsole((m) => connection.console.log(m), (m) => connection.console.error(m));

function openTransport(): { reader: ShutdownGate; writer: MessageWriter } | undefined {
  let reader: MessageReader;
  let writer: MessageWriter;
  if (stdio) {
    reader = new FramedReader(process.stdin, { maxMessageBytes: maxMessageBytes(), log: (line) => connection.console.error(line) });
    writer = new StreamMessageWriter(process.stdout);
  } else if (process.argv.includes('--node-ipc')) {
    reader = new IPCMessageReader(process);
    writer = new IPCMessageWriter(process);
  } else {
    return undefined;
  }
  const gate = new ShutdownGate(reader, writer);
  if (stdio) {
    // What vscode-languageserver does for a stdin it opens: the client is gone, so is the server.
    const gone = (): never => process.exit(gate.shutDown ? 0 : 1);
    process.stdin.on('end', gone);
    process.stdin.on('close', gone);
  }
  return { reader: gate, writer };
}

/** `--max-message-bytes=<n>`: the bound on one message from the client (DEFAULT_MAX_MESSAGE_BYTES). */
function maxMessageBytes(): number {
  const arg = process.argv.find((a) => a.startsWith('--max-message-bytes='));
  if (arg === undefined) return DEFAULT_MAX_MESSAGE_BYTES;
  const value = Number(arg.slice('--max-message-bytes='.length));
  if (Number.isSafeInteger(value) && value > 0) return value;
  // Said once the connection exists (a log message may precede the initialize answer).
  queueMicrotask(() => connection.console.error(`${arg} is not a positive whole number of bytes; the default, ${DEFAULT_MAX_MESSAGE_BYTES}, is used.`));
  return DEFAULT_MAX_MESSAGE_BYTES;
}

const documents = new TextDocuments(TextDocument);
const states = new DocumentStates();
const configs = new ConfigResolver();

let client: ClientCapabilities = {};
let options: InitializationOptions = {};
let analyzer: Analyzer;
let pusher: DiagnosticsPusher | undefined;
let indexer: BackgroundIndexer | undefined;

const serverLog = new ServerLog(connection.console);
const log = (message: string): void => serverLog.info(message);
const logError = (error: unknown): void => {
  serverLog.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
};
const configDiagnostics = new ConfigDiagnostics({
  publish: (uri, diagnostics) => void connection.sendDiagnostics({ uri, diagnostics }).catch(logError),
  openText: (uri) => documents.get(uri)?.getText(),
  typing: (uri, text, problem) => {
    const version = documents.get(uri)?.version;
    return version !== undefined && problem.expected !== undefined && typing.holds(uri, version, text, problem.start, problem.end, problem.expected);
  },
  problems: (file, problems) => {
    // Debug only: while the config file is typed in, its problems change with every keystroke.
    serverLog.debug(() => problems.map((p) => `Config ${file}:${p.line}:${p.column}: ${p.message}.`).join('\n'));
  },
});
const typing = new TypingTracker({
  // The typing paused on a half-typed key: its diagnostics go out again, now in full.
  paused: (uri) => {
    if (isConfigFileUri(uri)) configDiagnostics.check(uri);
    if (pusher) pusher.schedule(uri, 0);
    else if (client.workspace?.diagnostics?.refreshSupport) connection.languages.diagnostics.refresh().catch(logError);
  },
});

/**
 * Every handler runs through this: an exception is logged and answered with `fallback`, never a
 * crash. A ResponseError (RequestCancelled) is the answer itself.
 */
function guard<P extends unknown[], R>(fallback: R, handler: (...args: P) => R | Promise<R>): (...args: P) => Promise<R> {
  return async (...args: P) => {
    try {
      return await handler(...args);
    } catch (error) {
      if (error instanceof ResponseError) throw error;
      logError(error);
      return fallback;
    }
  };
}

/** The analysis of the document's current version, or undefined when it is closed, superseded or cancelled. */
async function currentAnalysis(uri: string, token?: CancellationToken): Promise<DocumentAnalysis | undefined> {
  const doc = documents.get(uri);
  if (!doc) return undefined;
  const analysis = await analyzer.analysisFor(doc);
  if (token?.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'Cancelled');
  if (documents.get(uri)?.version !== analysis.version) return undefined;
  return analysis;
}

function serverCapabilities(pullDiagnostics: boolean): ServerCapabilities {
  return {
    textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
    ...(pullDiagnostics
      ? { diagnosticProvider: { identifier: 'leonardo-lint', interFileDependencies: true, workspaceDiagnostics: false } }
      : {}),
    codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
    hoverProvider: true,
    completionProvider: { triggerCharacters: ['"', "'"] },
    executeCommandProvider: { commands: [OPEN_DOCS_COMMAND] },
    workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
  };
}

connection.onInitialize((params): InitializeResult => {
  client = params.capabilities;
  options = (params.initializationOptions ?? {}) as InitializationOptions;
  serverLog.setLevel(options.logLevel);
  const pull = client.textDocument?.diagnostic !== undefined;
  const settings = new SettingsStore(connection, client.workspace?.configuration === true);
  configs.setWorkspaceFolders((params.workspaceFolders ?? []).map((f) => f.uri));
  indexer = new BackgroundIndexer({ affected: recheckImporters, unchanged: republishImporters, openFiles, log });
  indexer.setFolders(folderPaths(params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : [])));
  analyzer = new Analyzer(settings, configs, {
    ruleFailed: (ruleId, error) => {
      connection.console.error(`Rule ${ruleId} failed; its findings are dropped for the files where it fails.`);
      logError(error);
    },
    // In the log and the status item; each problem is a diagnostic on the config file (no message box).
    configFailed: (message) => serverLog.error(message),
    analysed: (analysis) => {
      states.analysed(analysis.uri, analysis.time);
      indexer?.analysed();
      sendStatus(analysis);
      if (analysis.configFile && configDiagnostics.track(analysis.configFile)) log(`Config file ${analysis.configFile} applies to ${analysis.uri}.`);
      serverLog.debug(() => analysisLine(analysis));
    },
  }, serverRules(options), options.jsonSyntaxChecked === true, (file) => indexer?.resolverFor(file));
  if (!pull) pusher = new DiagnosticsPusher(connection, documents, analyzer, logError, adjustDiagnostics);
  const folders = (params.workspaceFolders ?? []).flatMap((f) => filePathOf(f.uri) ?? []);
  const lines = startLines({
    version,
    rules: allRules.length,
    pull,
    trusted: options.workspaceTrusted,
    folders: folders.map((folder) => ({ folder, configFile: findConfigFile(folder) })),
    level: serverLog.level,
  });
  for (const line of lines) log(line);
  return { capabilities: serverCapabilities(pull), serverInfo: { name: 'leonardo-lint', version } };
});

connection.onInitialized(
  guard(undefined, async () => {
    if (client.workspace?.didChangeConfiguration?.dynamicRegistration) {
      await connection.client.register(DidChangeConfigurationNotification.type, { section: SETTINGS_SECTION });
    }
    if (client.workspace?.didChangeWatchedFiles?.dynamicRegistration && !options.watchesConfigFiles) {
      await connection.client.register(DidChangeWatchedFilesNotification.type, {
        watchers: [{ globPattern: `**/${CONFIG_FILE_NAME}` }, ...WORKSPACE_WATCHERS.map((globPattern) => ({ globPattern }))],
      });
    }
    if (client.workspace?.workspaceFolders) {
      connection.workspace.onDidChangeWorkspaceFolders(
        guard(undefined, async () => {
          const folders = ((await connection.workspace.getWorkspaceFolders()) ?? []).map((f) => f.uri);
          configs.setWorkspaceFolders(folders);
          indexer?.setFolders(folderPaths(folders));
          reanalyseAll();
        }),
      );
    }
  }),
);

const adjustDiagnostics = (analysis: DocumentAnalysis, diagnostics: Diagnostic[]): Diagnostic[] => typing.adjust(analysis, diagnostics);

/** The debug line of one analysis. */
function analysisLine(analysis: DocumentAnalysis): string {
  const r = analysis.result;
  const state = analysis.state === 'ok' ? '' : `; ${analysis.state}: ${analysis.message ?? ''}`;
  const what = `${r.requests.length} request(s), ${r.findings.length} problem(s)${state}`;
  return `Analysed ${analysis.uri} v${analysis.version} (${analysis.document.kind}) in ${analysis.time} ms: ${what}`;
}

/** leonardoLint.logLevel, read again when the settings change (window-scoped: no document scope). */
async function readLogLevel(pushed?: unknown): Promise<void> {
  const section: unknown = client.workspace?.configuration
    ? await connection.workspace.getConfiguration({ section: SETTINGS_SECTION })
    : typeof pushed === 'object' && pushed !== null
      ? (pushed as Record<string, unknown>)[SETTINGS_SECTION]
      : undefined;
  if (typeof section === 'object' && section !== null) serverLog.setLevel((section as Record<string, unknown>).logLevel);
}

function sendStatus(analysis: DocumentAnalysis): void {
  if (!options.statusNotification) return;
  const status: StatusParams = {
    uri: analysis.uri,
    state: analysis.state,
    requests: analysis.result.requests.length,
    problems: analysis.result.findings.length,
    message: analysis.message,
    time: analysis.time,
  };
  connection.sendNotification(STATUS_NOTIFICATION, status).catch(logError);
}

/** Settings or a config file changed: drop every analysis and show fresh diagnostics. */
function reanalyseAll(): void {
  analyzer.clear();
  if (pusher) {
    for (const doc of documents.all()) pusher.schedule(doc.uri, 0);
  } else if (client.workspace?.diagnostics?.refreshSupport) {
    connection.languages.diagnostics.refresh().catch(logError);
  }
}

/** Another module's exports changed: the open documents that read them are checked again (`*`: all of them). */
function recheckImporters(files: string[]): void {
  const open = documents.all().map((doc) => ({ uri: doc.uri, path: filePathOf(doc.uri) }));
  const stale = affectedDocuments(open, files);
  for (const uri of stale) {
    analyzer.invalidate(uri);
    pusher?.schedule(uri, 0);
  }
  if (stale.length > 0 && !pusher && client.workspace?.diagnostics?.refreshSupport) {
    connection.languages.diagnostics.refresh().catch(logError);
  }
}

/**
 * An edited module answers its importers as before: their analyses stand, and pushed diagnostics go
 * out again as they are, at once (the client sees every open importer checked against the edit,
 * before the edited module's own analysis).
 */
function republishImporters(files: string[]): void {
  if (!pusher) return;
  const open = documents.all().map((doc) => ({ uri: doc.uri, path: filePathOf(doc.uri) }));
  for (const uri of affectedDocuments(open, files)) pusher.republish(uri);
}

function openFiles(): ReadonlySet<string> {
  const files = new Set<string>();
  for (const doc of documents.all()) {
    const file = filePathOf(doc.uri);
    if (file) files.add(file);
  }
  return files;
}

function folderPaths(uris: readonly string[]): string[] {
  return uris.map((uri) => filePathOf(uri)).filter((p): p is string => p !== undefined);
}

// -- Documents -------------------------------------------------------------------------------

documents.onDidOpen((event) => {
  states.opened(event.document);
  typing.opened(event.document);
  if (isConfigFileUri(event.document.uri)) configDiagnostics.check(event.document.uri);
  pusher?.schedule(event.document.uri, 0);
});

documents.onDidChangeContent(
  guard(undefined, async (event) => {
    // The index answers with the editor's text (its importers are checked again when it exports something).
    const file = filePathOf(event.document.uri);
    if (file && isWorkspaceModule(file)) indexer?.documentChanged(file, event.document.getText());
    // Opening a document also fires a content change; only edits count as typing.
    if (states.isSaved(event.document)) return;
    indexer?.typing();
    states.changed(event.document.uri);
    typing.changed(event.document);
    // The config file as typed: its problems follow the live text (the config in force is the saved one).
    if (isConfigFileUri(event.document.uri)) configDiagnostics.check(event.document.uri);
    if (pusher && (await analyzer.settingsFor(event.document.uri)).run === 'onType') {
      pusher.schedule(event.document.uri, states.debounce(event.document.uri));
    }
  }),
);

documents.onDidSave(
  guard(undefined, async (event) => {
    states.saved(event.document);
    // A held half-typed key is reported in full once saved (pulling clients pull on save).
    const held = typing.saved(event.document.uri);
    if (pusher && (held || (await analyzer.settingsFor(event.document.uri)).run === 'onSave')) pusher.schedule(event.document.uri, 0);
  }),
);

documents.onDidClose((event) => {
  const file = filePathOf(event.document.uri);
  if (file) indexer?.documentClosed(file);
  analyzer.forget(event.document.uri);
  states.closed(event.document.uri);
  typing.closed(event.document.uri);
  // Closed without saving: the file on disk is what counts again.
  if (isConfigFileUri(event.document.uri)) configDiagnostics.check(event.document.uri);
  pusher?.closed(event.document.uri);
});

// -- Configuration -------------------------------------------------------------------------------

connection.onDidChangeConfiguration(
  guard(undefined, async (params) => {
    analyzer.settingsChanged(params.settings);
    reanalyseAll();
    await readLogLevel(params.settings);
  }),
);

connection.onDidChangeWatchedFiles(
  guard(undefined, (params) => {
    // Config files get their diagnostics; TS/JS modules created, changed, deleted or renamed go to the
    // index; anything else that is no module (a config file) re-checks all.
    let others = false;
    for (const change of params.changes) {
      if (isConfigFileUri(change.uri)) {
        if (change.type === FileChangeType.Deleted) configDiagnostics.deleted(change.uri);
        else configDiagnostics.check(change.uri);
      }
      const file = filePathOf(change.uri);
      if (file && isWorkspaceModule(file)) indexer?.fileChanged(file, change.type === FileChangeType.Deleted);
      else others = true;
    }
    if (others) reanalyseAll();
  }),
);

// -- Features ------------------------------------------------------------------------------------

connection.languages.diagnostics.on(async (params, token) => {
  try {
    return await pullDiagnostics(params, token, documents, states, analyzer, adjustDiagnostics);
  } catch (error) {
    if (error instanceof ResponseError) throw error;
    // An empty report rather than an error: stale problems must not stay on screen.
    logError(error);
    return { kind: DocumentDiagnosticReportKind.Full, items: [] };
  }
});

connection.onCodeAction(
  guard([], async (params, token) => {
    const analysis = await currentAnalysis(params.textDocument.uri, token);
    if (!analysis || analysis.state === 'disabled') return [];
    return codeActions(analysis, params, {
      documentChanges: client.workspace?.workspaceEdit?.documentChanges === true,
      turnOffRuleCommand: options.turnOffRuleCommand === true,
      showDocumentationCommand: options.showDocumentationCommand === true,
    });
  }),
);

connection.onHover(
  guard(null, async (params, token) => {
    const analysis = await currentAnalysis(params.textDocument.uri, token);
    return analysis && analysis.state !== 'disabled' ? hoverAt(analysis, params.position) : null;
  }),
);

connection.onCompletion(
  guard(null, async (params, token) => {
    const analysis = await currentAnalysis(params.textDocument.uri, token);
    return analysis && analysis.state !== 'disabled' ? completionAt(analysis, params.position) : null;
  }),
);

connection.onExecuteCommand(
  guard(undefined, async (params) => {
    const url: unknown = params.arguments?.[0];
    if (params.command !== OPEN_DOCS_COMMAND || typeof url !== 'string' || !/^https?:\/\//.test(url)) return;
    if (client.window?.showDocument?.support) await connection.window.showDocument({ uri: url, external: true });
    else log(`Documentation: ${url}`);
  }),
);

// The explanation quotes the pasted error, and a pasted error often holds the key that caused it: the
// answer leaves the server with every key redacted (idempotent, so harmless where the engine did it).
connection.onRequest(EXPLAIN_ERROR_REQUEST, (params: ExplainErrorParams): ExplainErrorResult => {
  const match = explainError(String(params?.text ?? ''), getCatalogue());
  return {
    title: redactKeys(explanationTitle(match.entry, match)),
    markdown: redactKeys(formatExplanation(match.entry, match, 'markdown')),
    generic: match.generic,
    notAnError: match.notAnError,
    candidates: match.candidates.map((e) => e.title),
  };
});

connection.onRequest(
  RULES_REQUEST,
  (): RuleInfo[] => allRules.map((r) => ({ id: r.meta.id, description: r.meta.description, docsUrl: r.meta.docsUrl })),
);

connection.onRequest(LINT_WORKSPACE_REQUEST, (_params: unknown, token: CancellationToken): Promise<LintWorkspaceResult> =>
  indexer ? lintWorkspace(indexer, analyzer, (uri) => documents.get(uri), () => token.isCancellationRequested) : Promise.resolve({ problems: [], files: 0, truncated: false }),
);

process.on('unhandledRejection', logError);

documents.listen(connection);
connection.listen();
// After the reader listens: a 'data' listener puts stdin in flowing mode, and no chunk may come before the reader's.
if (stdio) writeCodeCacheWhenQuiet(process.stdin);
