// What a user without the rights sees: a read-only file under --fix keeps its findings and is said not
// to be written; an unreadable folder or file is an error, never a clean pass. Permissions do not bind
// root, so as root the CLI bundle runs as `nobody` (uid 65534); as any other user, as that user.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CLI, ensureBuilt } from '../resilience/build.js';

const BODY = '{ "prompt": "a red fox", "sd_Version": "v2", "num_images": 2 }\n';
const NOBODY = 65534;
const asRoot = process.getuid?.() === 0;

let dir: string;

before(() => {
  ensureBuilt();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'leonardo-permissions-'));
});

after(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Files and folders the unprivileged run owns (so that only the modes set below stop it). */
function own(target: string): void {
  if (asRoot) fs.chownSync(target, NOBODY, NOBODY);
}

function setUp(name: string, files: Record<string, string>): string {
  const folder = path.join(dir, name);
  fs.mkdirSync(folder, { recursive: true });
  fs.chmodSync(dir, 0o755);
  own(folder);
  for (const [file, text] of Object.entries(files)) {
    const full = path.join(folder, file);
    fs.mkdirSync(path.dirname(full), { recursive: true });
    own(path.dirname(full));
    fs.writeFileSync(full, text);
    own(full);
  }
  return folder;
}

function unprivileged(args: string[]) {
  return spawnSync(process.execPath, [CLI, ...args], {
    encoding: 'utf8',
    timeout: 60_000,
    ...(asRoot ? { uid: NOBODY, gid: NOBODY, env: { ...process.env, HOME: dir } } : {}),
  });
}

test('a read-only file under --fix: its findings are reported and the run says it could not be written', () => {
  const folder = setUp('read-only', { 'locked.leonardo.json': BODY, 'open.leonardo.json': BODY });
  const locked = path.join(folder, 'locked.leonardo.json');
  fs.chmodSync(locked, 0o444);
  const run = unprivileged(['--fix', '--format', 'json', folder]);
  assert.equal(run.status, 1, run.stderr);
  const results = JSON.parse(run.stdout) as Array<{ filePath: string; messages: Array<{ ruleId: string | null; message: string }> }>;
  const lockedResult = results.find((r) => r.filePath === locked)!;
  assert.deepEqual(
    lockedResult.messages.map((m) => m.ruleId),
    ['unknown-field', null],
    'the finding, then why it was not fixed',
  );
  assert.equal(lockedResult.messages[1].message, 'File could not be written: EACCES (permission denied); not fixed.');
  assert.doesNotMatch(run.stdout + run.stderr, /Internal error/);
  assert.equal(fs.readFileSync(locked, 'utf8'), BODY, 'unchanged');
  assert.equal(fs.statSync(locked).mode & 0o777, 0o444);
  assert.equal(fs.readFileSync(path.join(folder, 'open.leonardo.json'), 'utf8'), BODY.replace('sd_Version', 'sd_version'), 'the writable file is fixed');
  const stylish = unprivileged(['--fix', locked]);
  assert.match(stylish.stdout, /1:1\s+error\s+File could not be written: EACCES \(permission denied\); not fixed\./);
});

test('a file in a folder the user may not add files to is still fixed (in place)', () => {
  const folder = setUp('fixed-folder', { 'a.leonardo.json': BODY });
  fs.chmodSync(folder, 0o555);
  try {
    const run = unprivileged(['--fix', folder]);
    assert.equal(run.status, 0, run.stdout + run.stderr);
    assert.equal(fs.readFileSync(path.join(folder, 'a.leonardo.json'), 'utf8'), BODY.replace('sd_Version', 'sd_version'));
  } finally {
    fs.chmodSync(folder, 0o755);
  }
});

test('an unreadable folder is an error with its reason, never an empty clean result', () => {
  const folder = setUp('unreadable', { 'secret/a.leonardo.json': BODY, 'b.leonardo.json': '{ "prompt": "x" }\n' });
  fs.chmodSync(path.join(folder, 'secret'), 0o000);
  try {
    const run = unprivileged(['--format', 'json', folder]);
    assert.equal(run.status, 1);
    const results = JSON.parse(run.stdout) as Array<{ filePath: string; messages: Array<{ message: string }> }>;
    const secret = results.find((r) => r.filePath === path.join(folder, 'secret'));
    assert.equal(secret?.messages[0]?.message, 'Cannot read folder: EACCES (permission denied).');
    assert.ok(results.some((r) => r.filePath.endsWith('b.leonardo.json')), 'the rest is linted');
    // Named directly: the same.
    const named = unprivileged(['--format', 'json', path.join(folder, 'secret')]);
    assert.equal(named.status, 1);
    assert.match(named.stdout, /Cannot read folder: EACCES/);
  } finally {
    fs.chmodSync(path.join(folder, 'secret'), 0o755);
  }
});

test('an unreadable file is an error with its reason', () => {
  const folder = setUp('unreadable-file', { 'a.leonardo.json': BODY });
  fs.chmodSync(path.join(folder, 'a.leonardo.json'), 0o000);
  const run = unprivileged(['--format', 'json', folder]);
  assert.equal(run.status, 1);
  assert.equal(JSON.parse(run.stdout)[0].messages[0].message, 'Cannot read file: EACCES (permission denied)');
});
