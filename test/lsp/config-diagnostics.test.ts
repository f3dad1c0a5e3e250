// Problems of leonardo-lint.config.json are diagnostics on the config file itself (the Problems
// panel), at the line and column of the offending key or value: published when a document's config is
// read, following the editor's live text while the file is open, the disk after a watched change,
// cleared when fixed or deleted; never a message box. Over stdio against dist/server.js.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { checkConfigText } from '../../server/src/engine/config/file.js';
import { LineIndex } from '../../server/src/engine/positions.js';
import { configDiagnostic } from '../../server/src/lsp/config-diagnostics.js';
import { TestClient, fileUri } from './support.js';

const BROKEN = '{\n  "rules": {\n    "unknown-field": "loud"\n  }\n}\n';
const FIXED = '{\n  "rules": {\n    "unknown-field": "warning"\n  }\n}\n';
const MISSPELT_OPTION = '{\n  "ignore": ["legacy/**"]\n}\n';
const CODE = 'await fetch("https://cloud.leonardo.ai/api/rest/v1/generations", { method: "POST", body: JSON.stringify({ prompt: "a fox", wid: 512 }) });\n';

/** A diagnostic as `line:character-line:character message`, 0-based as LSP counts. */
function at(d: Diagnostic): string {
  return `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${typeof d.message === 'string' ? d.message : d.message.value}`;
}

describe('config file problems in the Problems panel', { timeout: 60_000 }, () => {
  let workspace: string;
  let client: TestClient;
  let configFile: string;
  let configUri: string;
  /** The next diagnostics published for the config file after what `action` sends. */
  const publishedAfter = async (action: () => Promise<unknown>): Promise<Diagnostic[]> => {
    const since = client.published.all.length;
    await action();
    return client.nextPublished(configUri, since);
  };

  before(async () => {
    workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'leonardo-lint-config-diags-'));
    configFile = path.join(workspace, 'leonardo-lint.config.json');
    configUri = fileUri(configFile);
    fs.writeFileSync(configFile, BROKEN);
    client = await TestClient.start({ pull: true, workspaceFolder: workspace, initializationOptions: { statusNotification: true } });
  });

  after(async () => {
    await client.stop();
    fs.rmSync(workspace, { recursive: true, force: true });
  });

  it('a document whose config is broken puts the problem on the config file, at its line and column', async () => {
    const uri = fileUri(path.join(workspace, 'a.ts'));
    const diagnostics = await publishedAfter(async () => {
      await client.open(uri, 'typescript', CODE);
      await client.pull(uri);
    });
    assert.deepEqual(diagnostics.map(at), [
      '2:21-2:27 Rule "unknown-field": severity must be one of off, information, warning, error, not "loud". The file is not applied until fixed.',
    ]);
    assert.equal(diagnostics[0].severity, 1);
    assert.equal(diagnostics[0].source, 'leonardo-lint');
    // The status item says it with the place; no message box, and no offset anywhere.
    const status = await client.statuses.next((s) => s.uri === uri);
    assert.equal(status.state, 'error');
    assert.match(status.message ?? '', /leonardo-lint\.config\.json:3:22: rule "unknown-field"/);
    assert.deepEqual(client.shownMessages, []);
    assert.ok(!client.logs.some((l) => /offset \d/.test(l)), client.logs.join('\n'));
  });

  it('follows the live text while the config file is open, and the disk again when it is closed', async () => {
    // Opened as it is on disk: the same problem, not published again.
    await client.open(configUri, 'json', BROKEN);
    const fixed = await publishedAfter(() => client.change(configUri, FIXED));
    assert.deepEqual(fixed, [], 'fixed in the editor: cleared at once');
    const misspelt = await publishedAfter(() => client.change(configUri, MISSPELT_OPTION));
    assert.deepEqual(misspelt.map(at), ['1:2-1:10 Unknown option "ignore": did you mean "ignores"? The file is not applied until fixed.']);
    // Closed without saving: the disk's text (still broken) is what counts.
    const closed = await publishedAfter(() => client.close(configUri));
    assert.deepEqual(closed.map((d) => d.range.start), [{ line: 2, character: 21 }]);
    assert.deepEqual(client.shownMessages, []);
  });

  it('an option or rule id being typed is a hint while it is a prefix of one, an error once it is none', async () => {
    const text = (key: string, rule: string) => `{\n  "rules": { "${rule}": "off" },\n  "${key}": []\n}\n`;
    const severities = (diagnostics: Diagnostic[]) => diagnostics.map((d) => `${d.range.start.line}:${d.severity === 4 ? 'hint' : 'error'}`);
    assert.deepEqual(severities(await publishedAfter(() => client.open(configUri, 'json', text('i', 'unknown-field')))), ['2:error'], 'opened: not being typed');
    assert.deepEqual(severities(await publishedAfter(() => client.change(configUri, text('ig', 'unknown-field')))), ['2:hint'], '"ig" of "ignores", typed');
    assert.deepEqual(severities(await publishedAfter(() => client.change(configUri, text('igz', 'unknown-field')))), ['2:error'], '"igz": no option');
    assert.deepEqual(severities(await publishedAfter(() => client.change(configUri, text('ignores', 'unknown-field')))), []);
    assert.deepEqual(severities(await publishedAfter(() => client.change(configUri, text('ignores', 'unknown-f')))), ['1:hint'], 'a rule id being typed');
    assert.deepEqual(severities(await publishedAfter(() => client.save(configUri).then(() => client.change(configUri, text('ignores', 'unknown-fx'))))), ['1:error']);
    await publishedAfter(() => client.close(configUri));
  });

  it('a fix on disk clears it (watched files), a new problem on disk shows, and deleting the file clears it', async () => {
    fs.writeFileSync(configFile, FIXED);
    assert.deepEqual(await publishedAfter(() => client.watchedFileChanged(configUri)), []);
    fs.writeFileSync(configFile, '{\n  "maxFileSize": -1\n}\n');
    const negative = await publishedAfter(() => client.watchedFileChanged(configUri));
    assert.deepEqual(negative.map(at), ['1:17-1:19 "maxFileSize" must be a positive number of bytes. The file is not applied until fixed.']);
    fs.rmSync(configFile);
    assert.deepEqual(await publishedAfter(() => client.watchedFileChanged(configUri, 3)), []);
    assert.deepEqual(client.shownMessages, []);
  });
});

describe('configDiagnostic: within a Problems row', () => {
  it('says the consequence when it fits in 140 characters, and only the problem when not', () => {
    const texts = ['{ "ignore": [] }', `{ "${'q'.repeat(200)}": 1 }`, '{ "rules": { "client-exposed-api-key": "loudest" } }'];
    for (const text of texts) {
      const lines = new LineIndex(text);
      for (const problem of checkConfigText(text).problems) {
        const message = configDiagnostic(problem, lines).message as string;
        assert.ok(message.length <= 140, `${message.length}: ${message}`);
        assert.match(message, /^[A-Z"]/);
      }
    }
    const short = configDiagnostic(checkConfigText(texts[0]).problems[0], new LineIndex(texts[0])).message;
    assert.equal(short, 'Unknown option "ignore": did you mean "ignores"? The file is not applied until fixed.');
  });
});
