// Nothing in a workspace can hang or exhaust the CLI: FIFOs, sockets and devices (named, found in a
// folder, or under the config file's name, as a cloned repository can hold them through symlinks) are
// never read; files over maxFileSize (bytes) are never read whole; config files are read bounded.
// The process-level cases run the bundle with a generous `timeout` as a safety net only: a hang fails
// the test by the signal, nothing is timed.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli } from '../../server/src/cli/main.js';
import { analyze } from '../../server/src/engine/analyze.js';
import { ConfigLoader, MAX_CONFIG_FILE_SIZE } from '../../server/src/engine/config/file.js';
import { CLI, ensureBuilt } from '../resilience/build.js';

const BODY = '{ "prompt": "a red fox", "sd_Version": "v2", "num_images": 2 }\n';
const SAFETY_NET = 60_000;

let dir: string;
let socketServer: net.Server;

before(async () => {
  ensureBuilt();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'leonardo-special-'));
  fs.mkdirSync(path.join(dir, 'walk'));
  fs.writeFileSync(path.join(dir, 'walk/good.leonardo.json'), BODY);
  execFileSync('mkfifo', [path.join(dir, 'walk/pipe.leonardo.json')]);
  execFileSync('mkfifo', [path.join(dir, 'named.leonardo.json')]);
  socketServer = net.createServer();
  await new Promise<void>((resolve) => socketServer.listen(path.join(dir, 'walk/socket.leonardo.json'), resolve));
});

after(async () => {
  await new Promise((resolve) => socketServer.close(resolve));
  fs.rmSync(dir, { recursive: true, force: true });
});

function bundle(args: string[], options: { cwd?: string } = {}) {
  return spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', timeout: SAFETY_NET, cwd: options.cwd ?? dir, stdio: ['ignore', 'pipe', 'pipe'] });
}

test('a FIFO named on the command line is not opened: a clear error, exit 1, no hang', () => {
  const run = bundle(['named.leonardo.json']);
  assert.equal(run.signal, null, 'not killed by the safety net');
  assert.equal(run.status, 1);
  assert.match(run.stdout, /Not read: a FIFO \(named pipe\), not a regular file\./);
  // Through a symlink too.
  fs.symlinkSync('named.leonardo.json', path.join(dir, 'link-to-fifo.leonardo.json'));
  const linked = bundle(['link-to-fifo.leonardo.json']);
  assert.equal(linked.status, 1);
  assert.match(linked.stdout, /a FIFO/);
});

test('a character device named on the command line is not read', () => {
  const run = bundle(['--format', 'json', '/dev/zero']);
  assert.equal(run.signal, null);
  assert.equal(run.status, 1);
  assert.match(JSON.parse(run.stdout)[0].messages[0].message, /a character device, not a regular file/);
});

test('FIFOs and sockets found in a folder are skipped with a note; the other files are linted', () => {
  const run = bundle(['--format', 'json', 'walk']);
  assert.equal(run.signal, null);
  assert.equal(run.status, 1, 'good.leonardo.json has an error');
  assert.deepEqual(JSON.parse(run.stdout).map((r: { filePath: string }) => path.basename(r.filePath)), ['good.leonardo.json']);
  assert.match(run.stderr, /walk\/pipe\.leonardo\.json: skipped: a FIFO \(named pipe\), not a regular file/);
  assert.match(run.stderr, /walk\/socket\.leonardo\.json: skipped: a socket, not a regular file/);
});

/** A folder whose leonardo-lint.config.json is what `make` creates, with one file to lint. */
function configCase(name: string, make: (config: string) => void): string {
  const folder = path.join(dir, name);
  fs.mkdirSync(folder);
  fs.writeFileSync(path.join(folder, 'a.leonardo.json'), BODY);
  make(path.join(folder, 'leonardo-lint.config.json'));
  return folder;
}

for (const [name, make, expected] of [
  ['config-dev-zero', (c: string) => fs.symlinkSync('/dev/zero', c), /cannot be read: a character device, not a regular file/],
  ['config-fifo', (c: string) => execFileSync('mkfifo', [c]), /cannot be read: a FIFO \(named pipe\), not a regular file/],
  ['config-huge', (c: string) => fs.writeFileSync(c, `{ "rules": {} ${' '.repeat(MAX_CONFIG_FILE_SIZE)}}`), /cannot be read: over 1048576 bytes/],
  ['config-dangling', (c: string) => fs.symlinkSync('nowhere.json', c), /cannot be read: ENOENT/],
] as const) {
  test(`a config file that is ${name.slice(7)} is a clear error, never a hang or an unbounded read`, () => {
    const folder = configCase(name, make);
    const run = bundle(['--format', 'json', path.join(folder, 'a.leonardo.json')]);
    assert.equal(run.signal, null);
    assert.equal(run.status, 1);
    const [message] = JSON.parse(run.stdout)[0].messages;
    assert.match(message.message, expected);
    assert.ok(message.message.includes(path.join(folder, 'leonardo-lint.config.json')));
    // Named with --config: the same error, as bad usage.
    const named = bundle(['--config', path.join(folder, 'leonardo-lint.config.json'), path.join(folder, 'a.leonardo.json')]);
    assert.equal(named.status, 2);
    assert.match(named.stderr, expected);
  });
}

test('a config file linked to /dev/stdin is refused while standard input stays open (no hang)', async () => {
  const folder = configCase('config-stdin', (c) => fs.symlinkSync('/dev/stdin', c));
  const child = spawn(process.execPath, [CLI, '--format', 'json', path.join(folder, 'a.leonardo.json')], { stdio: ['pipe', 'pipe', 'pipe'], timeout: SAFETY_NET });
  let out = '';
  child.stdout.on('data', (chunk) => (out += chunk));
  // Standard input is a pipe nobody writes to and nobody closes until the run is over.
  const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) => child.on('close', (c, s) => resolve([c, s])));
  child.stdin.end();
  assert.equal(signal, null);
  assert.equal(code, 1);
  assert.match(JSON.parse(out)[0].messages[0].message, /cannot be read: a (socket|FIFO \(named pipe\)), not a regular file/);
});

test('a config file with a UTF-8 BOM is accepted', () => {
  const folder = configCase('config-bom', (c) => fs.writeFileSync(c, '\uFEFF{ "rules": { "unknown-field": "off" } }\n'));
  const loaded = new ConfigLoader().forFile(path.join(folder, 'a.leonardo.json'));
  assert.deepEqual(loaded.config.rules, { 'unknown-field': 'off' });
});

// -- maxFileSize -------------------------------------------------------------------------------------

/** Runs the CLI in process, counting the bytes it reads through fs.readSync. */
async function countingReads(args: string[]): Promise<{ code: number; out: string; bytesRead: number }> {
  const nodeFs = createRequire(__filename)('node:fs') as typeof fs;
  const realRead = nodeFs.readSync;
  let bytesRead = 0;
  (nodeFs as { readSync: unknown }).readSync = (...a: Parameters<typeof fs.readSync>) => {
    const n = realRead(...a);
    bytesRead += n;
    return n;
  };
  let out = '';
  try {
    const code = await runCli(args, { out: (t) => (out += t), err: () => {}, stdin: async () => '', isTty: false });
    return { code, out, bytesRead };
  } finally {
    (nodeFs as { readSync: unknown }).readSync = realRead;
  }
}

test('a file over maxFileSize is skipped unread: a 4 GB (sparse) file costs a stat, not a read', async () => {
  const big = path.join(dir, 'big.leonardo.json');
  const handle = fs.openSync(big, 'w');
  fs.ftruncateSync(handle, 4 * 1024 ** 3);
  fs.closeSync(handle);
  const { code, out, bytesRead } = await countingReads(['--format', 'json', big]);
  assert.equal(code, 0);
  assert.equal(JSON.parse(out)[0].messages[0].message, `File skipped: ${4 * 1024 ** 3} bytes is over the maxFileSize limit of 2097152 bytes.`);
  assert.ok(bytesRead < 64 * 1024, `${bytesRead} bytes read`);
  fs.rmSync(big);
});

test('maxFileSize counts bytes, not characters, in the CLI and in the engine (the editor)', async () => {
  const folder = path.join(dir, 'bytes');
  fs.mkdirSync(folder);
  fs.writeFileSync(path.join(folder, 'leonardo-lint.config.json'), '{ "maxFileSize": 1000 }');
  // 700 characters, 1,300 bytes in UTF-8.
  const text = `{ "prompt": "${'é'.repeat(600)}", "sd_Version": "v2", "num_images": 2 }`;
  assert.ok(text.length < 1000 && Buffer.byteLength(text) > 1000);
  fs.writeFileSync(path.join(folder, 'a.leonardo.json'), text);
  const { out } = await countingReads(['--format', 'json', path.join(folder, 'a.leonardo.json')]);
  const [message] = JSON.parse(out)[0].messages;
  assert.equal(message.message, `File skipped: ${Buffer.byteLength(text)} bytes is over the maxFileSize limit of 1000 bytes.`);
  const result = analyze({ text, kind: 'json', path: 'a.leonardo.json' }, { config: { maxFileSize: 1000 } });
  assert.equal(result.skipped, message.message);
  assert.equal(analyze({ text, kind: 'json', path: 'a.leonardo.json' }, { config: { maxFileSize: 2000 } }).skipped, undefined);
});

test('a file read again after it grew past the limit is refused, not read', async () => {
  const { readBounded } = await import('../../server/src/engine/config/file.js');
  const file = path.join(dir, 'growing.json');
  fs.writeFileSync(file, 'x'.repeat(10));
  const read = readBounded(file, 100);
  assert.ok(read.ok && read.bytes.length === 10);
  fs.writeFileSync(file, 'x'.repeat(1000));
  const again = readBounded(file, 100);
  assert.deepEqual(again, { ok: false, reason: 'too-large', size: 1000 });
});
