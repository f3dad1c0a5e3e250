// A small LSP client for the resilience, security and parity tests: spawns `node dist/server.js
// --stdio` (with extra node arguments, e.g. a --require hook), speaks JSON-RPC over its stdio with
// vscode-languageserver-protocol, records what the server sends (diagnostics, log messages, stderr)
// and can write raw bytes to the server's stdin for malformed-message tests. Tests wait on events,
// never on clocks.

import { spawn, type ChildProcess } from 'node:child_process';
import {
  createProtocolConnection,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  DocumentDiagnosticRequest,
  ExitNotification,
  HoverRequest,
  InitializedNotification,
  InitializeRequest,
  LogMessageNotification,
  PublishDiagnosticsNotification,
  ShowMessageNotification,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  type Diagnostic,
  type DocumentDiagnosticReport,
  type Hover,
  type Position,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';
import { ensureBuilt, ROOT, SERVER } from './build.js';

export interface StartOptions {
  /** Declare pull diagnostics (VS Code) rather than push only (older clients). */
  pull?: boolean;
  /** Node arguments before the server script (`--require hook.cjs`). */
  nodeArgs?: string[];
  /** Server arguments after `--stdio` (`--max-message-bytes=<n>`). */
  serverArgs?: string[];
  env?: NodeJS.ProcessEnv;
  rootUri?: string | null;
  initializationOptions?: unknown;
}

export class LspProcess {
  readonly published: PublishDiagnosticsParams[] = [];
  readonly logs: string[] = [];
  stderr = '';
  private waiters: Array<() => void> = [];
  readonly exited: Promise<number | null>;

  private constructor(
    readonly child: ChildProcess,
    readonly connection: ProtocolConnection,
  ) {
    this.exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (this.stderr += chunk));
    connection.onNotification(PublishDiagnosticsNotification.type, (p) => this.record(() => this.published.push(p)));
    connection.onNotification(LogMessageNotification.type, (p) => this.record(() => this.logs.push(p.message)));
    connection.onNotification(ShowMessageNotification.type, (p) => this.record(() => this.logs.push(p.message)));
    connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => ({})));
    connection.onRequest('client/registerCapability', () => null);
    connection.onRequest('workspace/diagnostic/refresh', () => null);
    connection.listen();
  }

  static async start(options: StartOptions = {}): Promise<LspProcess> {
    ensureBuilt();
    const child = spawn(process.execPath, [...(options.nodeArgs ?? []), SERVER, '--stdio', ...(options.serverArgs ?? [])], {
      cwd: ROOT,
      env: options.env ?? process.env,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    const server = new LspProcess(child, connection);
    await connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: options.rootUri ?? null,
      workspaceFolders: null,
      capabilities: {
        workspace: { configuration: true },
        textDocument: {
          publishDiagnostics: { versionSupport: true },
          ...(options.pull ? { diagnostic: { dynamicRegistration: false } } : {}),
          hover: { contentFormat: ['markdown', 'plaintext'] },
        },
      },
      initializationOptions: options.initializationOptions,
    });
    await connection.sendNotification(InitializedNotification.type, {});
    return server;
  }

  private record(push: () => void): void {
    push();
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) w();
  }

  /** Resolves once `test()` holds (checked now and after every notification). */
  async until<T>(test: () => T | undefined | false): Promise<T> {
    for (;;) {
      const value = test();
      if (value) return value;
      await new Promise<void>((resolve) => this.waiters.push(resolve));
    }
  }

  /** The published diagnostics for `uri` at `version` (push clients). */
  pushed(uri: string, version: number): Promise<Diagnostic[]> {
    return this.until(() => this.published.find((p) => p.uri === uri && p.version === version)?.diagnostics);
  }

  open(uri: string, languageId: string, text: string, version = 1): Promise<void> {
    return this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version, text } });
  }

  change(uri: string, version: number, text: string): Promise<void> {
    return this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [{ text }] });
  }

  /** An incremental edit: `text` inserted at `at`. */
  insert(uri: string, version: number, at: Position, text: string): Promise<void> {
    return this.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version },
      contentChanges: [{ range: { start: at, end: at }, text }],
    });
  }

  async pull(uri: string): Promise<Diagnostic[]> {
    const report: DocumentDiagnosticReport = await this.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } });
    if (report.kind !== 'full') throw new Error(`expected a full report, got ${report.kind}`);
    return report.items;
  }

  hover(uri: string, position: Position): Promise<Hover | null> {
    return this.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position });
  }

  /** Bytes straight to the server's stdin, bypassing the protocol writer. */
  writeRaw(data: string | Buffer): void {
    this.child.stdin!.write(data);
  }

  /** shutdown + exit; resolves with the exit code. */
  async stop(): Promise<number | null> {
    await this.connection.sendRequest(ShutdownRequest.type);
    await this.connection.sendNotification(ExitNotification.type);
    const code = await this.exited;
    this.connection.dispose();
    return code;
  }

  /** SIGKILL, as a crash or the OS would end it. */
  async kill(): Promise<void> {
    this.child.kill('SIGKILL');
    await this.exited;
    this.connection.dispose();
  }
}

export interface RawMessage {
  id?: number | string | null;
  method?: string;
  result?: unknown;
  error?: { code: number; message: string };
}

/** Every JSON-RPC message the server writes, read from its stdout beside the protocol connection. */
export function rawMessages(server: LspProcess): { messages: RawMessage[]; next: (match: (m: RawMessage) => boolean) => Promise<RawMessage> } {
  const messages: RawMessage[] = [];
  const waiters: Array<() => void> = [];
  let buffer = Buffer.alloc(0);
  server.child.stdout!.on('data', (chunk: Buffer) => {
    buffer = Buffer.concat([buffer, chunk]);
    for (;;) {
      const end = buffer.indexOf('\r\n\r\n');
      if (end < 0) break;
      const length = Number(/Content-Length: (\d+)/i.exec(buffer.toString('latin1', 0, end))![1]);
      if (buffer.length < end + 4 + length) break;
      messages.push(JSON.parse(buffer.toString('utf8', end + 4, end + 4 + length)) as RawMessage);
      buffer = buffer.subarray(end + 4 + length);
    }
    waiters.splice(0).forEach((w) => w());
  });
  const next = async (match: (m: RawMessage) => boolean): Promise<RawMessage> => {
    for (;;) {
      const found = messages.find(match);
      if (found) return found;
      await new Promise<void>((resolve) => waiters.push(resolve));
    }
  };
  return { messages, next };
}

/** The LSP language id for a document kind (as VS Code would send it). */
export function languageIdFor(kind: string): string {
  switch (kind) {
    case 'shell':
      return 'shellscript';
    case 'postman':
      return 'json';
    default:
      return kind;
  }
}
