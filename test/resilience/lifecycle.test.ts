// The end of a session, per the LSP specification, over stdio against dist/server.js: after `shutdown`
// every request is answered with InvalidRequest (-32600) and other notifications are not acted on;
// `exit` ends the process with 0 after shutdown and 1 without; so does the client closing stdin. Over
// stdio and over node-ipc.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { fork } from 'node:child_process';
import {
  createProtocolConnection,
  DidOpenTextDocumentNotification,
  DocumentDiagnosticRequest,
  ExitNotification,
  HoverRequest,
  InitializeRequest,
  IPCMessageReader,
  IPCMessageWriter,
  ShutdownRequest,
} from 'vscode-languageserver-protocol/node';
import { ensureBuilt, SERVER } from './build.js';
import { LspProcess } from './lsp-client.js';

const URL = 'https://cloud.leonardo.ai/api/rest/v1/generations';
const CODE = `await fetch("${URL}", {\n  method: "POST",\n  body: JSON.stringify({ prompt: "a fox", wid: 512 }),\n});\n`;
const PROMPT = { line: 2, character: CODE.split('\n')[2].indexOf('prompt') + 2 };
const INVALID_REQUEST = -32600;

const refused = (e: { code?: number; message?: string }) => e.code === INVALID_REQUEST && /shut down/.test(e.message ?? '');

describe('after shutdown', { timeout: 30_000 }, () => {
  it('every request is answered InvalidRequest, notifications are not acted on, and exit exits with 0', async () => {
    const server = await LspProcess.start({ pull: false });
    await server.open('file:///w/a.ts', 'typescript', CODE);
    await server.pushed('file:///w/a.ts', 1);
    assert.match(JSON.stringify(await server.hover('file:///w/a.ts', PROMPT)), /prompt/);

    assert.equal(await server.connection.sendRequest(ShutdownRequest.type), null);
    // A request with a handler, one the client library answers itself, an unknown one, and a second shutdown.
    await assert.rejects(server.hover('file:///w/a.ts', PROMPT), refused);
    await assert.rejects(server.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri: 'file:///w/a.ts' } }), refused);
    await assert.rejects(server.connection.sendRequest('leonardoLint/noSuchRequest', {}), refused);
    await assert.rejects(server.connection.sendRequest(ShutdownRequest.type), refused);
    // A document opened after shutdown is not analysed: no diagnostics are published for it.
    await server.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri: 'file:///w/late.ts', languageId: 'typescript', version: 1, text: CODE },
    });
    await assert.rejects(server.connection.sendRequest(HoverRequest.type, { textDocument: { uri: 'file:///w/late.ts' }, position: PROMPT }), refused);

    await server.connection.sendNotification(ExitNotification.type);
    assert.equal(await server.exited, 0);
    assert.deepEqual(server.published.filter((p) => p.uri === 'file:///w/late.ts'), []);
    assert.equal(server.stderr, '');
    server.connection.dispose();
  });
});

describe('exit codes', { timeout: 30_000 }, () => {
  it('exit without shutdown exits with 1', async () => {
    const server = await LspProcess.start({ pull: true });
    await server.connection.sendNotification(ExitNotification.type);
    assert.equal(await server.exited, 1);
    server.connection.dispose();
  });

  it('stdin closed after shutdown exits with 0, and without shutdown with 1', async () => {
    const polite = await LspProcess.start({ pull: true });
    await polite.connection.sendRequest(ShutdownRequest.type);
    polite.child.stdin!.end();
    assert.equal(await polite.exited, 0);
    polite.connection.dispose();

    const gone = await LspProcess.start({ pull: true });
    gone.child.stdin!.end();
    assert.equal(await gone.exited, 1);
    gone.connection.dispose();
  });
});

describe('over node-ipc (the transport of the VS Code client)', { timeout: 30_000 }, () => {
  it('requests after shutdown are refused the same way, and exit exits with 0', async () => {
    ensureBuilt();
    const child = fork(SERVER, ['--node-ipc'], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    const connection = createProtocolConnection(new IPCMessageReader(child), new IPCMessageWriter(child));
    connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => ({})));
    connection.listen();
    try {
      await connection.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: null, workspaceFolders: null, capabilities: {} });
      const hover = { textDocument: { uri: 'file:///w/a.ts' }, position: PROMPT };
      assert.equal(await connection.sendRequest(HoverRequest.type, hover), null);
      assert.equal(await connection.sendRequest(ShutdownRequest.type), null);
      await assert.rejects(connection.sendRequest(HoverRequest.type, hover), refused);
      await connection.sendNotification(ExitNotification.type);
      assert.equal(await exited, 0);
    } finally {
      connection.dispose();
    }
  });
});
