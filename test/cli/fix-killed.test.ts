// A --fix run killed at any moment (SIGKILL: Ctrl+C twice, a CI timeout, the OOM killer) leaves every
// file either as it was or fully fixed, never empty or cut. The CLI runs under fs-step-hook.cjs, which
// kills it at the Nth call that changes a file (a write cut in half first), for every N of a whole
// run over a folder: deterministic, no timing.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli } from '../../server/src/cli/main.js';
import { CLI, ensureBuilt } from '../resilience/build.js';

const HOOK = path.join(__dirname, 'fs-step-hook.cjs');

/** The folder linted: three files with fixes (one Latin-1, one in a subfolder), one without. */
const FILES: Record<string, Buffer> = {
  'a.leonardo.json': Buffer.from('{\n  "prompt": "a red fox",\n  "sd_Version": "v2",\n  "num_images": 2\n}\n'),
  'b.leonardo.json': Buffer.from('{ "prompt": "caf\xe9 \xa3", "sd_Version": "v2", "photoReal": "true", "num_images": 2 }\n', 'latin1'),
  'sub/c.ts': Buffer.from(
    "await fetch('https://cloud.leonardo.ai/api/rest/v1/generations', {\n  method: 'POST',\n  headers: { authorization: `Bearer ${process.env.LEONARDO_API_KEY}` },\n  body: JSON.stringify({ prompt: 'a fox', Num_images: 2, sd_Version: 'v2' }),\n});\n",
  ),
  'clean.leonardo.json': Buffer.from('{ "prompt": "a red fox", "num_images": 2 }\n'),
};

let root: string;
let fixed: Record<string, Buffer>;
let steps: number;

function populate(dir: string): void {
  for (const [name, bytes] of Object.entries(FILES)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), bytes);
  }
}

function runFix(dir: string, env: Record<string, string>) {
  return spawnSync(process.execPath, ['--require', HOOK, CLI, '--fix', '--format', 'json', dir], {
    env: { ...process.env, ...env },
    encoding: 'utf8',
    timeout: 60_000, // a safety net for a hang, not a measurement
  });
}

function read(dir: string): Record<string, Buffer> {
  return Object.fromEntries(Object.keys(FILES).map((name) => [name, fs.readFileSync(path.join(dir, name))]));
}

before(() => {
  ensureBuilt();
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'leonardo-fix-killed-'));
  const reference = path.join(root, 'reference');
  populate(reference);
  const countFile = path.join(root, 'count');
  const run = runFix(reference, { FS_STEP_COUNT_FILE: countFile });
  assert.equal(run.status, 0, run.stderr);
  fixed = read(reference);
  steps = Number(fs.readFileSync(countFile, 'utf8').trim());
});

after(() => fs.rmSync(root, { recursive: true, force: true }));

test('the reference run fixes the three files and leaves the clean one alone', () => {
  for (const name of ['a.leonardo.json', 'b.leonardo.json', 'sub/c.ts']) assert.ok(!fixed[name].equals(FILES[name]), name);
  assert.ok(fixed['clean.leonardo.json'].equals(FILES['clean.leonardo.json']));
  assert.ok(steps >= 3 * 4, `${steps} steps: at least open, write, flush and rename per fixed file`);
});

test('killed at every step of the run, each file is the original or the fully fixed content', async () => {
  const seen = new Set<string>();
  for (let n = 1; n <= steps; n++) {
    const dir = path.join(root, `kill-${n}`);
    populate(dir);
    const run = runFix(dir, { FS_STEP_KILL_AT: String(n) });
    assert.equal(run.signal, 'SIGKILL', `step ${n}: the run was killed (${run.stderr})`);
    const state = Object.entries(read(dir)).map(([name, bytes]) => {
      assert.ok(bytes.length > 0, `step ${n}: ${name} is empty`);
      const asOriginal = bytes.equals(FILES[name]);
      assert.ok(asOriginal || bytes.equals(fixed[name]), `step ${n}: ${name} is neither the original nor the fixed content`);
      return asOriginal ? 'o' : 'F';
    });
    seen.add(state.join('').slice(0, 3));
    // What a kill may leave besides the files: temporary files, hidden, which the next run does not read.
    const extra = listAll(dir).filter((f) => !(f in FILES));
    for (const f of extra) assert.match(path.basename(f), /^\..+\.leonardo-lint\.tmp$/, `step ${n}: ${f}`);
    // In process, for speed: the same code as the bundle.
    let out = '';
    const code = await runCli(['--fix', '--format', 'json', dir], { out: (t) => (out += t), err: () => {}, stdin: async () => '', isTty: false });
    assert.equal(code, 0, `step ${n}: a second run finishes the job (${out})`);
    assert.deepEqual(read(dir), fixed, `step ${n}: after the second run`);
  }
  // The kills landed before, between and after the files' writes (original, partly and fully fixed).
  assert.ok(seen.has('ooo') && seen.has('FFF') && [...seen].some((s) => s !== 'ooo' && s !== 'FFF'), [...seen].join(' '));
});

function listAll(dir: string, prefix = ''): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? listAll(path.join(dir, e.name), `${prefix}${e.name}/`) : [`${prefix}${e.name}`]));
}
