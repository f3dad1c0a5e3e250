// What the server writes to its log (window/logMessage, the "Leonardo Lint" output channel): at start
// the version, Node, workspace trust and the config file of each folder; with leonardoLint.logLevel
// "debug" one line per analysed document; config errors with their line and column; and never an
// API key in full. Over stdio against dist/server.js; messages arrive in order, so a pull's answer
// comes after every line its analysis logged.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ServerLog } from '../../server/src/lsp/log.js';
import { TestClient, fileUri } from './support.js';

const KEY = '3f2a9c4e-8b1d-4e6f-9a7c-2d5b8e1f0a3c';
const CODE = 'await fetch("https://cloud.leonardo.ai/api/rest/v1/generations", { method: "POST", body: JSON.stringify({ prompt: "a fox", wid: 512 }) });\n';
const version = (JSON.parse(fs.readFileSync(path.join(__dirname, '../../package.json'), 'utf8')) as { version: string }).version;

describe('the server log over stdio', { timeout: 60_000 }, () => {
  let workspace: string;
  let client: TestClient;
  const MessageType = { error: 1, warning: 2, info: 3, debug: 5 };

  before(async () => {
    workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'leonardo-lint-log-'));
    // A key pasted where a rule id goes: the config error quotes it, the log must not.
    fs.writeFileSync(path.join(workspace, 'leonardo-lint.config.json'), `{\n  "rules": { "${KEY}": "off" }\n}\n`);
    client = await TestClient.start({ pull: true, workspaceFolder: workspace, initializationOptions: { logLevel: 'debug', workspaceTrusted: false } });
  });

  after(async () => {
    await client.stop();
    fs.rmSync(workspace, { recursive: true, force: true });
  });

  it('says at start what runs where: version, Node, trust, each folder\'s config file, the log level', async () => {
    await client.logged.next((l) => l.message.startsWith('Log level:'));
    const start = client.logged.all.filter((l) => l.type === MessageType.info).map((l) => l.message);
    assert.match(start[0], new RegExp(`^Leonardo Lint ${version.replace(/\./g, '\\.')} on Node v\\d+\\.\\d+\\.\\d+ \\(\\w+ \\w+\\): pull diagnostics, \\d+ rules\\.$`));
    assert.ok(start.includes('Workspace trust: restricted mode (workspace files are read as data only, as always).'), start.join('\n'));
    assert.ok(start.includes(`Folder ${workspace}: config file ${path.join(workspace, 'leonardo-lint.config.json')}.`), start.join('\n'));
    assert.ok(start.some((l) => l.startsWith('Log level: debug ')), start.join('\n'));
  });

  it('with debug, one line per analysis; the config error with its line and column; the key redacted', async () => {
    const uri = fileUri(path.join(workspace, 'a.ts'));
    await client.open(uri, 'typescript', CODE);
    await client.pull(uri);
    const analysed = client.logged.all.filter((l) => l.message.startsWith(`Analysed ${uri} v1 (typescript)`));
    assert.equal(analysed.length, 1, client.logs.join('\n'));
    assert.equal(analysed[0].type, MessageType.debug);
    assert.match(analysed[0].message, /: 1 request\(s\), \d+ problem\(s\); error: .*leonardo-lint\.config\.json:2:14: "rules": ".*" is not a Leonardo Lint rule/);
    const configError = client.logged.all.find((l) => l.type === MessageType.error && /config\.json:2:14:/.test(l.message));
    assert.ok(configError, client.logs.join('\n'));
    assert.ok(!client.logs.some((l) => l.includes(KEY)), 'no log line holds the key in full');
    assert.ok(client.logs.some((l) => l.includes(KEY.slice(0, 4))), 'the key is there, redacted');
  });

  it('logLevel "info" from the settings: no more analysis lines', async () => {
    client.settings.set('*', { logLevel: 'info' } as never);
    await client.configurationChanged();
    const uri = fileUri(path.join(workspace, 'b.ts'));
    await client.open(uri, 'typescript', CODE);
    await client.pull(uri);
    assert.ok(!client.logs.some((l) => l.startsWith(`Analysed ${uri}`)), client.logs.join('\n'));
  });
});

describe('ServerLog', () => {
  it('filters by level, redacts keys, and says a level that is none', () => {
    const lines: string[] = [];
    const sink = { error: (m: string) => lines.push(`E ${m}`), warn: (m: string) => lines.push(`W ${m}`), info: (m: string) => lines.push(`I ${m}`), debug: (m: string) => lines.push(`D ${m}`) };
    const log = new ServerLog(sink);
    let built = 0;
    log.debug(() => `built ${++built}`);
    assert.equal(built, 0, 'a debug line nobody reads is never built');
    log.info(`key ${KEY}`);
    log.setLevel('loud');
    log.setLevel('DEBUG');
    log.debug(() => 'now');
    log.setLevel('error');
    log.warn('hidden');
    log.error('shown');
    assert.equal(lines.length, 4, lines.join('\n'));
    assert.ok(!lines[0].includes(KEY) && lines[0].startsWith('I key 3f2a'), lines[0]);
    assert.equal(lines[1], 'W Setting leonardoLint.logLevel is "loud", not one of error, warning, info, debug; "info" is kept.');
    assert.deepEqual(lines.slice(2), ['D now', 'E shown']);
  });
});
