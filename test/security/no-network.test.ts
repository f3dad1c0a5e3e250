// The server and the CLI open no network connection (and start no program): both run under
// `node --require no-network-hook.cjs`, which makes every connect, request, name lookup, fetch and
// child process throw and records the attempt, through a whole session of linting, fixing, hovering,
// completing and code actions. The hook is shown to catch such attempts first.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import {
  CodeActionRequest,
  CompletionRequest,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  DidCloseTextDocumentNotification,
  ExecuteCommandRequest,
} from 'vscode-languageserver-protocol/node';
import { exampleDocuments } from '../fuzz/arbitraries.js';
import { generatedDocument } from '../fuzz/render.js';
import { CLI, ensureBuilt } from '../resilience/build.js';
import { languageIdFor, LspProcess } from '../resilience/lsp-client.js';

const HOOK = path.join(__dirname, 'no-network-hook.cjs');

let folder: string;
let log: string;
let files: Array<{ file: string; kind: string; text: string }>;

before(() => {
  ensureBuilt();
  folder = fs.mkdtempSync(path.join(os.tmpdir(), 'leonardo-no-network-'));
  log = path.join(folder, 'network.log');
  fs.writeFileSync(path.join(folder, 'leonardo-lint.config.json'), '{ "rules": { "content-moderation": "warning" } }\n');
  const docs = [...exampleDocuments(), ...fc.sample(generatedDocument, { numRuns: 30, seed: 99 })];
  files = docs.map((doc, i) => {
    const file = path.join(folder, `${i}-${path.basename(doc.path)}`);
    fs.writeFileSync(file, doc.text);
    return { file, kind: doc.kind, text: doc.text };
  });
});

after(() => fs.rmSync(folder, { recursive: true, force: true }));

/** The attempts recorded since the log was last read (the `loaded` lines only prove the hook ran). */
function attempts(): { loaded: number; attempts: string[] } {
  const lines = fs.existsSync(log) ? fs.readFileSync(log, 'utf8').trim().split('\n').filter(Boolean) : [];
  fs.rmSync(log, { force: true });
  const parsed = lines.map((l) => JSON.parse(l) as { loaded?: number; attempt?: string; target?: string });
  return { loaded: parsed.filter((p) => p.loaded).length, attempts: parsed.filter((p) => p.attempt).map((p) => `${p.attempt} ${p.target}`) };
}

test('the hook catches and records connections, requests, lookups, fetch and child processes', () => {
  const probe = `
    const tries = [
      () => require('net').connect(443, 'example.com'),
      () => new (require('net').Socket)().connect(443, 'example.com'),
      () => require('https').get('https://example.com'),
      () => require('dns').lookup('example.com', () => {}),
      () => fetch('https://example.com'),
      () => require('child_process').execSync('true'),
    ];
    let caught = 0;
    for (const t of tries) { try { t(); } catch (e) { if (/no-network-hook/.test(e.message)) caught++; } }
    process.stdout.write(String(caught));`;
  const run = spawnSync(process.execPath, ['--require', HOOK, '-e', probe], { env: { ...process.env, LEONARDO_NETWORK_LOG: log }, encoding: 'utf8' });
  assert.equal(run.stdout, '6', run.stderr);
  const seen = attempts();
  assert.equal(seen.loaded, 1);
  assert.deepEqual(seen.attempts.map((a) => a.split(' ')[0]), ['net.connect', 'net.Socket#connect', 'https.get', 'dns.lookup', 'fetch', 'child_process.execSync']);
});

test('the CLI lints, fixes and explains with no connection', () => {
  const env = { ...process.env, LEONARDO_NETWORK_LOG: log };
  const lint = spawnSync(process.execPath, ['--require', HOOK, CLI, '-f', 'sarif', folder], { env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  assert.ok(lint.status === 0 || lint.status === 1, lint.stderr);
  assert.ok(JSON.parse(lint.stdout).runs[0].results.length > 20);
  const fix = spawnSync(process.execPath, ['--require', HOOK, CLI, '--fix', '-f', 'json', folder], { env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  assert.ok(fix.status === 0 || fix.status === 1, fix.stderr);
  const explain = spawnSync(process.execPath, ['--require', HOOK, CLI, 'explain', '{"error":"Authentication hook unauthorized this request"}'], { env, encoding: 'utf8' });
  assert.equal(explain.status, 0, explain.stderr);
  assert.deepEqual(attempts(), { loaded: 3, attempts: [] });
});

test('the language server serves a whole session with no connection', async () => {
  const server = await LspProcess.start({
    pull: true,
    nodeArgs: ['--require', HOOK],
    env: { ...process.env, LEONARDO_NETWORK_LOG: log },
    rootUri: pathToFileURL(folder).href,
  });
  server.connection.onRequest('window/showDocument', () => ({ success: true }));
  try {
    for (const { file, kind, text } of files) {
      const uri = pathToFileURL(file).href;
      await server.open(uri, languageIdFor(kind), text);
      const diagnostics = await server.pull(uri);
      const first = diagnostics[0];
      if (first) {
        await server.hover(uri, first.range.start);
        await server.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: first.range, context: { diagnostics } });
        await server.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: first.range.start });
        const docs = first.codeDescription?.href;
        if (docs) await server.connection.sendRequest(ExecuteCommandRequest.type, { command: 'leonardoLint.openDocs', arguments: [docs] });
      }
      await server.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
    }
    await server.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
    await server.connection.sendNotification(DidChangeWatchedFilesNotification.type, {
      changes: [{ uri: pathToFileURL(path.join(folder, 'leonardo-lint.config.json')).href, type: 2 }],
    });
  } finally {
    assert.equal(await server.stop(), 0);
  }
  assert.deepEqual(attempts(), { loaded: 1, attempts: [] });
  assert.equal(server.stderr, '');
});
