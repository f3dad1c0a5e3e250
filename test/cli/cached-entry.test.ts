// dist/cli.js and dist/server.js load their bundles through V8's code cache (scripts/cached-entry.cjs):
// the first run writes the cache, later runs read it, and a broken or stale cache changes nothing.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { before, describe, it } from 'node:test';

const ROOT = path.resolve(__dirname, '../..');

function runCli(cacheHome: string, args: string[]): string {
  return execFileSync(process.execPath, [path.join(ROOT, 'bin/leonardo-lint.js'), ...args], {
    cwd: ROOT,
    env: { ...process.env, XDG_CACHE_HOME: cacheHome, LOCALAPPDATA: cacheHome },
    encoding: 'utf8',
  });
}

function cacheFiles(cacheHome: string): string[] {
  const folder = process.platform === 'darwin' ? path.join(os.homedir(), 'Library/Caches/leonardo-lint') : path.join(cacheHome, 'leonardo-lint');
  const inner = process.platform === 'win32' ? path.join(folder, 'Cache') : folder;
  return fs.existsSync(inner) ? fs.readdirSync(inner).map((f) => path.join(inner, f)) : [];
}

describe('bundles loaded through the code cache', { skip: process.platform === 'darwin' }, () => {
  before(() => {
    execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, stdio: 'inherit' });
  });

  it('are ASCII, as the loader reads them as Latin-1', () => {
    for (const bundle of ['server-main.js', 'cli-main.js']) {
      const bytes = fs.readFileSync(path.join(ROOT, 'dist', bundle));
      assert.equal(bytes.findIndex((b) => b > 0x7f), -1, `${bundle} holds a non-ASCII byte`);
    }
  });

  it('prints non-ASCII message text intact (it is escaped in the bundle, not lost)', () => {
    const out = runCli(fs.mkdtempSync(path.join(os.tmpdir(), 'leonardo-cache-')), ['--exit-zero', 'examples/scripts/seed-gallery.mjs']);
    assert.match(out, /\(3f6c…\)/);
  });

  it('writes the cache on the first run and gives the same output with it', () => {
    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'leonardo-cache-'));
    const args = ['--format', 'json', '--exit-zero', 'examples/generate-images.ts'];
    const first = runCli(home, args);
    const [cache] = cacheFiles(home);
    assert.ok(cache && /cli-main-\d+-\d+-.+\.bin$/.test(cache), 'one cache file for the CLI bundle');
    assert.ok(fs.statSync(cache).size > 100_000);
    assert.equal(runCli(home, args), first);
  });

  it('ignores a cache it cannot use, and replaces it', () => {
    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'leonardo-cache-'));
    const expected = runCli(home, ['--version']);
    const [cache] = cacheFiles(home);
    fs.writeFileSync(cache, 'not V8 code');
    assert.equal(runCli(home, ['--version']), expected);
    assert.ok(fs.statSync(cache).size > 100_000, 'the rejected cache is written anew');
  });

  it('keeps one cache per bundle: a rebuilt bundle drops the old one', () => {
    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'leonardo-cache-'));
    runCli(home, ['--version']);
    const [cache] = cacheFiles(home);
    const stale = cache.replace(/cli-main-\d+-/, 'cli-main-1-');
    fs.renameSync(cache, stale);
    runCli(home, ['--version']);
    assert.deepEqual(cacheFiles(home).map((f) => path.basename(f)), [path.basename(cache)]);
  });
});
