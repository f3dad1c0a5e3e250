// The language server over stdio, as an editor sees it: `node dist/server.js --stdio` driven by a
// vscode-languageserver-protocol client. Pull diagnostics (VS Code) and push (Neovim 0.7–0.9).

import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ExecuteCommandRequest, type Diagnostic } from 'vscode-languageserver-protocol/node';
import { caret, fileUri, TestClient } from './support.js';

const TS_CODE = [
  'await fetch("https://cloud.leonardo.ai/api/rest/v1/generations", {',
  '  method: "POST",',
  '  headers: { authorization: `Bearer ${process.env.LEONARDO_API_KEY}` },',
  '  body: JSON.stringify({ prompt: "a red fox", wid: 512, scheduler: "KARRAS" }),',
  '});',
  '',
].join('\n');

const JSON_CODE = '{\n  "prompt": "a red fox",\n  "num_images": "2",\n  "sd_Version": "v2"\n}\n';

/** `rule@line:character severity` rows, for compact assertions. */
function rows(diagnostics: Diagnostic[]): string[] {
  return diagnostics.map((d) => `${d.code}@${d.range.start.line}:${d.range.start.character} ${d.severity}`);
}

let workspace: string;

before(() => {
  workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'leonardo-lint-lsp-'));
});

after(() => {
  fs.rmSync(workspace, { recursive: true, force: true });
});

describe('a client with pull diagnostics (VS Code)', () => {
  let client: TestClient;
  let tsUri: string;
  let jsonUri: string;

  before(async () => {
    client = await TestClient.start({ pull: true, workspaceFolder: workspace, initializationOptions: { statusNotification: true } });
    tsUri = fileUri(path.join(workspace, 'app.ts'));
    jsonUri = fileUri(path.join(workspace, 'fox.leonardo.json'));
  });

  after(async () => {
    assert.equal(await client.stop(), 0);
  });

  it('declares its capabilities', () => {
    assert.deepEqual(client.initializeResult, {
      capabilities: {
        textDocumentSync: { openClose: true, change: 2, save: { includeText: false } },
        diagnosticProvider: { identifier: 'leonardo-lint', interFileDependencies: true, workspaceDiagnostics: false },
        codeActionProvider: { codeActionKinds: ['quickfix', 'source.fixAll.leonardoLint'] },
        hoverProvider: true,
        completionProvider: { triggerCharacters: ['"', "'"] },
        executeCommandProvider: { commands: ['leonardoLint.openDocs'] },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'leonardo-lint', version: client.initializeResult.serverInfo!.version },
    });
  });

  it('reports a TS file: rule ids, docs links, messages and fixes in data', async () => {
    await client.open(tsUri, 'typescript', TS_CODE);
    const diagnostics = await client.pull(tsUri);
    assert.deepEqual(rows(diagnostics), ['unknown-field@3:46 1', 'invalid-enum@3:67 1']);
    const [unknown] = diagnostics;
    assert.equal(unknown.source, 'leonardo-lint');
    assert.equal(unknown.codeDescription?.href, 'https://github.com/leonardo-lint/leonardo-lint/blob/main/docs/rules/unknown-field.md');
    assert.match(unknown.message as string, /'wid' is not a field of POST \/generations/);
    assert.deepEqual(unknown.data, {
      version: 1,
      fixes: [{ title: "Rename to 'width'", preferred: false, edits: [{ range: unknown.range, newText: 'width' }] }],
    });
    const status = await client.statuses.next((s) => s.uri === tsUri);
    assert.deepEqual({ ...status, time: 0 }, { uri: tsUri, state: 'ok', requests: 1, problems: 2, time: 0 });
  });

  it('reports a JSON request file', async () => {
    await client.open(jsonUri, 'json', JSON_CODE);
    assert.deepEqual(rows(await client.pull(jsonUri)), ['type-mismatch@2:16 1', 'unknown-field@3:2 1']);
  });

  it('offers quick fixes, disable comments and docs; the preferred fix clears the problem', async () => {
    const [unknown] = await client.pull(tsUri);
    const actions = await client.codeActions(tsUri, unknown.range, [unknown]);
    assert.deepEqual(
      actions.map((a) => `${a.title}${a.isPreferred ? ' (preferred)' : ''}`),
      [
        "Rename to 'width'", // `wid` → `width` is a near miss: offered, not preferred
        'Disable unknown-field for this line',
        'Disable unknown-field for this file',
        'Show documentation for unknown-field',
      ],
    );
    await client.apply(actions[0].edit!);
    assert.deepEqual(rows(await client.pull(tsUri)), ['invalid-enum@3:69 1']);
  });

  it('inserts a disable comment with the line indentation', async () => {
    const uri = fileUri(path.join(workspace, 'disable.ts'));
    await client.open(uri, 'typescript', TS_CODE);
    const [unknown] = await client.pull(uri);
    const actions = await client.codeActions(uri, unknown.range, [unknown]);
    await client.apply(actions.find((a) => a.title === 'Disable unknown-field for this line')!.edit!);
    assert.equal(client.texts.get(uri)!.split('\n')[3], '  // leonardo-lint-disable-next-line unknown-field');
    assert.deepEqual(rows(await client.pull(uri)), ['invalid-enum@4:67 1']);
  });

  it('opens a rule page through workspace/executeCommand and window/showDocument', async () => {
    const [diagnostic] = await client.pull(tsUri);
    const actions = await client.codeActions(tsUri, diagnostic.range, [diagnostic]);
    const docs = actions.find((a) => a.title === 'Show documentation for invalid-enum')!;
    await client.connection.sendRequest(ExecuteCommandRequest.type, docs.command!);
    assert.deepEqual(client.shownDocuments, ['https://github.com/leonardo-lint/leonardo-lint/blob/main/docs/rules/invalid-enum.md']);
  });

  it('source.fixAll.leonardoLint returns a versioned edit with every preferred fix', async () => {
    const before = rows(await client.pull(jsonUri));
    const [fixAll] = await client.codeActions(jsonUri, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, [], [
      'source.fixAll.leonardoLint',
    ]);
    assert.equal(fixAll.kind, 'source.fixAll.leonardoLint');
    await client.apply(fixAll.edit!);
    assert.equal(client.texts.get(jsonUri), '{\n  "prompt": "a red fox",\n  "num_images": 2,\n  "sd_version": "v2"\n}\n');
    assert.equal(before.length, 2);
    assert.deepEqual(await client.pull(jsonUri), []);
  });

  it('hovers a field and completes one', async () => {
    const uri = fileUri(path.join(workspace, 'hover.ts'));
    const { text, position } = caret(TS_CODE.replace('scheduler', 'sched|uler').replace('wid: 512', 'wi'));
    await client.open(uri, 'typescript', text);
    const hover = await client.hover(uri, position);
    const contents = hover!.contents as { kind: string; value: string };
    assert.equal(contents.kind, 'markdown');
    assert.equal(contents.value.split('\n')[0], '**`scheduler`** (string) · `POST /generations`');
    assert.deepEqual(hover!.range, { start: { line: 3, character: 50 }, end: { line: 3, character: 59 } });

    const items = await client.completion(uri, { line: 3, character: 48 });
    const width = items.find((i) => i.label === 'width')!;
    assert.deepEqual(width.textEdit, { range: { start: { line: 3, character: 46 }, end: { line: 3, character: 48 } }, newText: 'width: ' });
    assert.equal(width.kind, 5 /* Field */);
  });

  it('applies settings changes without a restart: severities, then the rule off', async () => {
    const uri = fileUri(path.join(workspace, 'settings.ts'));
    await client.open(uri, 'typescript', TS_CODE);
    assert.deepEqual(rows(await client.pull(uri)), ['unknown-field@3:46 1', 'invalid-enum@3:67 1']);

    let refreshes = client.refreshes.all.length;
    client.settings.set('*', { rules: { 'unknown-field': 'warning', 'invalid-enum': 'information' } });
    await client.configurationChanged();
    await client.refreshes.next(() => true, refreshes);
    assert.deepEqual(rows(await client.pull(uri)), ['unknown-field@3:46 2', 'invalid-enum@3:67 3']);

    refreshes = client.refreshes.all.length;
    client.settings.set('*', { rules: { 'unknown-field': 'off' } });
    await client.configurationChanged();
    await client.refreshes.next(() => true, refreshes);
    assert.deepEqual(rows(await client.pull(uri)), ['invalid-enum@3:67 1']);

    client.settings.set('*', { enable: false });
    await client.configurationChanged();
    assert.deepEqual(await client.pull(uri), []);
    client.settings.delete('*');
    await client.configurationChanged();
  });

  it('reads leonardo-lint.config.json as the CLI does, and re-reads it when it changes', async () => {
    const uri = fileUri(path.join(workspace, 'configured.ts'));
    await client.open(uri, 'typescript', TS_CODE);
    assert.equal((await client.pull(uri)).length, 2);
    const configFile = path.join(workspace, 'leonardo-lint.config.json');
    fs.writeFileSync(configFile, '{ "rules": { "invalid-enum": "off", "unknown-field": "warning" } }');
    const refreshes = client.refreshes.all.length;
    await client.watchedFileChanged(fileUri(configFile));
    await client.refreshes.next(() => true, refreshes);
    assert.deepEqual(rows(await client.pull(uri)), ['unknown-field@3:46 2']);

    // Settings override the file, rule by rule.
    client.settings.set('*', { rules: { 'unknown-field': 'error' } });
    await client.configurationChanged();
    assert.deepEqual(rows(await client.pull(uri)), ['unknown-field@3:46 1']);
    client.settings.delete('*');
    fs.rmSync(configFile);
    await client.watchedFileChanged(fileUri(configFile));
  });

  it('with run: onSave, unsaved edits keep the saved version’s problems until the save', async () => {
    const uri = fileUri(path.join(workspace, 'on-save.ts'));
    client.settings.set(uri, { run: 'onSave' });
    await client.open(uri, 'typescript', TS_CODE);
    assert.equal((await client.pull(uri)).length, 2);
    await client.change(uri, TS_CODE.replace('wid', 'width'));
    assert.equal((await client.pull(uri)).length, 2);
    await client.save(uri);
    assert.deepEqual(rows(await client.pull(uri)), ['invalid-enum@3:69 1']);
  });

  it('reports an unused disable directive, and its fix removes it', async () => {
    const uri = fileUri(path.join(workspace, 'unused.ts'));
    await client.open(uri, 'typescript', `// leonardo-lint-disable-next-line invalid-id\n${TS_CODE}`);
    const diagnostics = await client.pull(uri);
    const unused = diagnostics.find((d) => d.code === 'unused-disable-directive')!;
    assert.equal(unused.severity, 2);
    assert.deepEqual(unused.tags, [1 /* Unnecessary */]);
    const actions = await client.codeActions(uri, unused.range, [unused]);
    await client.apply(actions.find((a) => a.isPreferred)!.edit!);
    assert.equal(client.texts.get(uri), TS_CODE);
  });
});

describe('a client without pull diagnostics (Neovim 0.7–0.9)', () => {
  let client: TestClient;
  let uri: string;

  before(async () => {
    client = await TestClient.start({ pull: false, workspaceFolder: workspace });
    uri = fileUri(path.join(workspace, 'pushed.ts'));
  });

  after(async () => {
    assert.equal(await client.stop(), 0);
  });

  it('does not declare a diagnostic provider', () => {
    assert.equal(client.initializeResult.capabilities.diagnosticProvider, undefined);
  });

  it('publishes on open, then for each settled version only, newest last', async () => {
    await client.open(uri, 'typescript', TS_CODE);
    assert.deepEqual(rows(await client.pushed(uri, 1)), ['unknown-field@3:46 1', 'invalid-enum@3:67 1']);
    await client.change(uri, TS_CODE.replace('wid', 'widt'));
    await client.change(uri, TS_CODE.replace('wid', 'width'));
    assert.deepEqual(rows(await client.pushed(uri, 3)), ['invalid-enum@3:69 1']);
    const versions = client.published.all.filter((p) => p.uri === uri).map((p) => p.version!);
    assert.deepEqual(versions, [...versions].sort((a, b) => a - b));
    assert.equal(versions[versions.length - 1], 3);
  });

  it('publishes for a JSON request file too', async () => {
    const jsonUri = fileUri(path.join(workspace, 'pushed.leonardo.json'));
    await client.open(jsonUri, 'json', JSON_CODE);
    assert.deepEqual(rows(await client.pushed(jsonUri, 1)), ['type-mismatch@2:16 1', 'unknown-field@3:2 1']);
  });

  it('re-publishes when settings change', async () => {
    const since = client.published.all.length;
    client.settings.set('*', { rules: { 'invalid-enum': 'warning' } });
    await client.configurationChanged();
    const next = await client.published.next((p) => p.uri === uri, since);
    assert.deepEqual(rows(next.diagnostics), ['invalid-enum@3:69 2']);
    client.settings.delete('*');
  });

  it('clears the problems of a closed document', async () => {
    const since = client.published.all.length;
    await client.close(uri);
    const cleared = await client.published.next((p) => p.uri === uri, since);
    assert.deepEqual(cleared.diagnostics, []);
  });
});
