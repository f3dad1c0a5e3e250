// A bare LSP client for the benchmark: spawns `node dist/server.js --stdio` and speaks LSP over its
// stdio. It declares push diagnostics only (no textDocument.diagnostic capability, versionSupport on),
// so the server publishes diagnostics for every analysed version and the client can wait for the
// diagnostics of exactly the version it sent.

import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type Range,
} from 'vscode-languageserver-protocol/node';
import { ROOT } from './paths.js';

const SERVER = path.join(ROOT, 'dist/server.js');

const LANGUAGES: Record<string, string> = {
  '.ts': 'typescript',
  '.tsx': 'typescriptreact',
  '.js': 'javascript',
  '.json': 'json',
  '.md': 'markdown',
  '.sh': 'shellscript',
  '.http': 'http',
};

export function languageIdOf(file: string): string {
  return LANGUAGES[path.extname(file)] ?? 'plaintext';
}

export function fileUri(file: string): string {
  return pathToFileURL(file).href;
}

interface Waiter {
  version: number | undefined;
  resolve: (params: PublishDiagnosticsParams) => void;
}

export class BenchClient {
  private readonly waiters = new Map<string, Waiter[]>();

  private constructor(
    readonly child: ChildProcess,
    private readonly connection: ProtocolConnection,
  ) {
    connection.onNotification(PublishDiagnosticsNotification.type, (params) => this.published(params));
  }

  /** Spawn the server and complete the initialize handshake with `workspaceFolder` as the only folder. */
  static async start(workspaceFolder: string, env: NodeJS.ProcessEnv = process.env): Promise<BenchClient> {
    // BENCH_SERVER_NODE_ARGS: Node options for the server only (`--cpu-prof --cpu-prof-dir=/tmp/p` to profile it).
    const nodeArgs = process.env.BENCH_SERVER_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
    const child = spawn(process.execPath, [...nodeArgs, SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'], env });
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    connection.listen();
    const client = new BenchClient(child, connection);
    await connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: fileUri(workspaceFolder),
      workspaceFolders: [{ uri: fileUri(workspaceFolder), name: path.basename(workspaceFolder) }],
      capabilities: {
        textDocument: {
          synchronization: { didSave: true, dynamicRegistration: false },
          publishDiagnostics: { versionSupport: true, relatedInformation: true },
        },
      },
    });
    await connection.sendNotification(InitializedNotification.type, {});
    return client;
  }

  private published(params: PublishDiagnosticsParams): void {
    const waiters = this.waiters.get(params.uri);
    if (!waiters) return;
    const remaining = waiters.filter((w) => {
      if (w.version !== undefined && w.version !== params.version) return true;
      w.resolve(params);
      return false;
    });
    if (remaining.length > 0) this.waiters.set(params.uri, remaining);
    else this.waiters.delete(params.uri);
  }

  /** The next diagnostics published for `uri` (for `version`, when given). Call before the action that triggers them. */
  diagnostics(uri: string, version?: number): Promise<PublishDiagnosticsParams> {
    return new Promise((resolve) => {
      const list = this.waiters.get(uri) ?? [];
      list.push({ version, resolve });
      this.waiters.set(uri, list);
    });
  }

  open(uri: string, languageId: string, version: number, text: string): Promise<void> {
    return this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version, text } });
  }

  change(uri: string, version: number, range: Range, text: string): Promise<void> {
    return this.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version },
      contentChanges: [{ range, text }],
    });
  }

  /** The server's resident set size in megabytes (from /proc, so Linux only). */
  rssMegabytes(): number {
    const status = fs.readFileSync(`/proc/${this.child.pid}/status`, 'utf8');
    const kb = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
    if (!kb) throw new Error('no VmRSS in /proc status');
    return Number(kb[1]) / 1024;
  }

  async stop(): Promise<void> {
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    try {
      await this.connection.sendRequest(ShutdownRequest.type);
      await this.connection.sendNotification(ExitNotification.type);
    } catch {
      this.child.kill();
    }
    const timer = setTimeout(() => this.child.kill(), 5000);
    await exited;
    clearTimeout(timer);
    this.connection.dispose();
  }
}
