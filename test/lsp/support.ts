// A test client for the language server: spawns `node dist/server.js --stdio` and speaks LSP over
// its stdio with vscode-languageserver-protocol. It answers the server's requests
// (workspace/configuration from per-test settings, registrations, refreshes, showDocument) and turns
// notifications into promises, so tests wait for events and never sleep.

import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  CodeActionRequest,
  CompletionRequest,
  ConfigurationRequest,
  DiagnosticRefreshRequest,
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  DidChangeWatchedFilesNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  DidSaveTextDocumentNotification,
  DocumentDiagnosticRequest,
  ExitNotification,
  HoverRequest,
  InitializedNotification,
  InitializeRequest,
  LogMessageNotification,
  NotificationType,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  ShowDocumentRequest,
  ShowMessageNotification,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  createProtocolConnection,
  type ClientCapabilities,
  type CodeAction,
  type CompletionItem,
  type Diagnostic,
  type DocumentDiagnosticReport,
  type Hover,
  type InitializeResult,
  type Position,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type Range,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver-protocol/node';
import { LineIndex } from '../../server/src/engine/positions.js';
import { STATUS_NOTIFICATION, type Settings, type StatusParams } from '../../server/src/lsp/protocol.js';

export const ROOT = path.resolve(__dirname, '../..');
const SERVER = path.join(ROOT, 'dist/server.js');

let built = false;

/** `npm run build`, once per test process. */
export function buildOnce(): void {
  if (built) return;
  execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, stdio: 'inherit' });
  built = true;
}

export function fileUri(filePath: string): string {
  return pathToFileURL(filePath).href;
}

/** Text with a `|` caret marker → the text without it and the caret's position. */
export function caret(marked: string): { text: string; position: Position } {
  const offset = marked.indexOf('|');
  if (offset < 0) throw new Error('no | caret in the text');
  const text = marked.slice(0, offset) + marked.slice(offset + 1);
  return { text, position: new LineIndex(text).positionAt(offset) };
}

export function applyTextEdits(text: string, edits: readonly TextEdit[]): string {
  const lines = new LineIndex(text);
  const offsets = edits
    .map((e) => ({ start: lines.offsetAt(e.range.start), end: lines.offsetAt(e.range.end), newText: e.newText }))
    .sort((a, b) => b.start - a.start);
  return offsets.reduce((t, e) => t.slice(0, e.start) + e.newText + t.slice(e.end), text);
}

export interface ClientOptions {
  /** Declare textDocument.diagnostic (pull). */
  pull: boolean;
  workspaceFolder?: string;
  initializationOptions?: unknown;
}

interface Waiter<T> {
  accept(value: T): boolean;
}

/** Events the server sent, kept in order, with waiters that resolve on the first match. */
class EventLog<T> {
  readonly all: T[] = [];
  private waiters: Array<Waiter<T>> = [];

  push(value: T): void {
    this.all.push(value);
    this.waiters = this.waiters.filter((w) => !w.accept(value));
  }

  /** The first event (already received, after `since`, or to come) that matches. */
  next(match: (value: T) => boolean, since = 0): Promise<T> {
    const seen = this.all.slice(since).find(match);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve) => {
      this.waiters.push({ accept: (v) => (match(v) ? (resolve(v), true) : false) });
    });
  }
}

export class TestClient {
  readonly published = new EventLog<PublishDiagnosticsParams>();
  readonly statuses = new EventLog<StatusParams>();
  readonly refreshes = new EventLog<number>();
  readonly shownDocuments: string[] = [];
  readonly logs: string[] = [];
  /** window/logMessage lines as they come, to wait for one. */
  readonly logged = new EventLog<{ type: number; message: string }>();
  /** window/showMessage texts (message boxes), apart from the log. */
  readonly shownMessages: string[] = [];
  /** workspace/configuration answers, by document URI (`*` for any). */
  readonly settings = new Map<string, Partial<Settings>>();
  readonly versions = new Map<string, number>();
  readonly texts = new Map<string, string>();
  initializeResult!: InitializeResult;

  private constructor(
    readonly process: ChildProcess,
    readonly connection: ProtocolConnection,
  ) {}

  static async start(options: ClientOptions): Promise<TestClient> {
    buildOnce();
    const child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    const client = new TestClient(child, connection);
    client.listen();
    const capabilities: ClientCapabilities = {
      workspace: {
        configuration: true,
        didChangeConfiguration: { dynamicRegistration: true },
        didChangeWatchedFiles: { dynamicRegistration: true },
        workspaceEdit: { documentChanges: true },
        workspaceFolders: true,
        diagnostics: options.pull ? { refreshSupport: true } : undefined,
      },
      textDocument: {
        publishDiagnostics: { versionSupport: true, relatedInformation: true },
        ...(options.pull ? { diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false } } : {}),
        codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll'] } }, isPreferredSupport: true },
        hover: { contentFormat: ['markdown', 'plaintext'] },
        completion: { completionItem: { snippetSupport: false, documentationFormat: ['markdown'] } },
      },
      window: { showDocument: { support: true } },
    };
    const folder = options.workspaceFolder;
    client.initializeResult = await connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: folder ? fileUri(folder) : null,
      workspaceFolders: folder ? [{ uri: fileUri(folder), name: path.basename(folder) }] : null,
      capabilities,
      initializationOptions: options.initializationOptions,
    });
    await connection.sendNotification(InitializedNotification.type, {});
    return client;
  }

  private listen(): void {
    const c = this.connection;
    c.onRequest(ConfigurationRequest.type, (params) =>
      params.items.map((item) => ({ ...this.settings.get('*'), ...this.settings.get(item.scopeUri ?? '') })),
    );
    c.onRequest(RegistrationRequest.type, () => undefined);
    c.onRequest(DiagnosticRefreshRequest.type, () => {
      this.refreshes.push(this.refreshes.all.length + 1);
    });
    c.onRequest(ShowDocumentRequest.type, (params) => {
      this.shownDocuments.push(params.uri);
      return { success: true };
    });
    c.onNotification(PublishDiagnosticsNotification.type, (params) => this.published.push(params));
    c.onNotification(new NotificationType<StatusParams>(STATUS_NOTIFICATION), (params) => this.statuses.push(params));
    c.onNotification(LogMessageNotification.type, (params) => {
      this.logs.push(params.message);
      this.logged.push(params);
    });
    c.onNotification(ShowMessageNotification.type, (params) => {
      this.logs.push(params.message);
      this.shownMessages.push(params.message);
    });
    c.listen();
  }

  async open(uri: string, languageId: string, text: string): Promise<void> {
    this.versions.set(uri, 1);
    this.texts.set(uri, text);
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId, version: 1, text },
    });
  }

  /** Replace the whole text; returns the new version. */
  async change(uri: string, text: string): Promise<number> {
    const version = (this.versions.get(uri) ?? 0) + 1;
    this.versions.set(uri, version);
    this.texts.set(uri, text);
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version },
      contentChanges: [{ text }],
    });
    return version;
  }

  async save(uri: string): Promise<void> {
    await this.connection.sendNotification(DidSaveTextDocumentNotification.type, { textDocument: { uri } });
  }

  async close(uri: string): Promise<void> {
    await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  /** Apply a workspace edit to the client's copy and send it to the server as a change. */
  async apply(edit: WorkspaceEdit): Promise<void> {
    for (const change of edit.documentChanges ?? []) {
      if (!('textDocument' in change)) throw new Error('unexpected resource operation');
      const { uri, version } = change.textDocument;
      if (version !== this.versions.get(uri)) throw new Error(`edit for version ${version}, document is at ${this.versions.get(uri)}`);
      await this.change(uri, applyTextEdits(this.texts.get(uri)!, change.edits as TextEdit[]));
    }
  }

  async pull(uri: string): Promise<Diagnostic[]> {
    const report: DocumentDiagnosticReport = await this.connection.sendRequest(DocumentDiagnosticRequest.type, {
      textDocument: { uri },
    });
    if (report.kind !== 'full') throw new Error(`expected a full report, got ${report.kind}`);
    return report.items;
  }

  /** The next publishDiagnostics for this version of the document. */
  pushed(uri: string, version = this.versions.get(uri)): Promise<Diagnostic[]> {
    return this.published.next((p) => p.uri === uri && p.version === version).then((p) => p.diagnostics);
  }

  codeActions(uri: string, range: Range, diagnostics: Diagnostic[], only?: string[]): Promise<CodeAction[]> {
    return this.connection
      .sendRequest(CodeActionRequest.type, { textDocument: { uri }, range, context: { diagnostics, only } })
      .then((actions) => (actions ?? []) as CodeAction[]);
  }

  hover(uri: string, position: Position): Promise<Hover | null> {
    return this.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position });
  }

  async completion(uri: string, position: Position): Promise<CompletionItem[]> {
    const result = await this.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position });
    return Array.isArray(result) ? result : ((result)?.items ?? []);
  }

  async configurationChanged(): Promise<void> {
    await this.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
  }

  /** type: 1 created, 2 changed, 3 deleted. */
  async watchedFileChanged(uri: string, type: 1 | 2 | 3 = 2): Promise<void> {
    await this.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri, type }] });
  }

  /** The next publishDiagnostics for a URI (any version) after the `since`-th one received. */
  nextPublished(uri: string, since: number): Promise<Diagnostic[]> {
    return this.published.next((p) => p.uri === uri, since).then((p) => p.diagnostics);
  }

  /** shutdown + exit; resolves with the process exit code. */
  async stop(): Promise<number | null> {
    const exited = new Promise<number | null>((resolve) => this.process.once('exit', (code) => resolve(code)));
    await this.connection.sendRequest(ShutdownRequest.type);
    await this.connection.sendNotification(ExitNotification.type);
    const code = await exited;
    this.connection.dispose();
    return code;
  }
}
