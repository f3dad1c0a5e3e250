'use strict';
// The entry point scripts/build.mjs writes beside each Node bundle (dist/server.js → server-main.js,
// dist/cli.js → cli-main.js): it loads the bundle through V8's code cache. Compiling the 1.4 MB bundle
// (TypeScript's parser is most of it) is most of a cold start; the cache lets later starts skip it.
// It is kept per user (never in a shared temp folder: it is code) and keyed by the bundle's size and
// time and the V8 version, so a rebuilt bundle or another Node never reads a stale one. Any problem
// with the cache only costs the compile: the bundle then loads as it would without one.
const fs = require('fs');
const os = require('os');
const path = require('path');
const vm = require('vm');
const Module = require('module');

const bundle = path.join(__dirname, '__BUNDLE__');

function cacheFolder() {
  if (process.platform === 'win32') return process.env.LOCALAPPDATA && path.join(process.env.LOCALAPPDATA, 'leonardo-lint', 'Cache');
  if (process.platform === 'darwin') return path.join(os.homedir(), 'Library', 'Caches', 'leonardo-lint');
  return path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'leonardo-lint');
}

/** The compiled bundle, with the cached code when there is a valid cache; `save` writes the cache when there is none. */
function compile() {
  // The build makes the bundle ASCII: read as Latin-1, it is a one-byte string without a UTF-8 decode.
  const source = fs.readFileSync(bundle, 'latin1');
  let cacheFile;
  let cachedData;
  try {
    const stat = fs.statSync(bundle);
    const folder = cacheFolder();
    const name = path.basename(bundle, '.js');
    cacheFile = folder && path.join(folder, `${name}-${stat.size}-${Math.round(stat.mtimeMs)}-${process.versions.v8}.bin`);
    if (cacheFile && fs.existsSync(cacheFile)) cachedData = fs.readFileSync(cacheFile);
  } catch {
    cacheFile = undefined;
  }
  const script = new vm.Script(Module.wrap(source), { filename: bundle, cachedData });
  let saved = !cacheFile || (cachedData !== undefined && !script.cachedDataRejected);
  const save = () => {
    if (saved) return;
    saved = true;
    try {
      const folder = path.dirname(cacheFile);
      fs.mkdirSync(folder, { recursive: true });
      const prefix = `${path.basename(bundle, '.js')}-`;
      for (const old of fs.readdirSync(folder)) {
        if (old.startsWith(prefix) && path.join(folder, old) !== cacheFile) fs.rmSync(path.join(folder, old), { force: true });
      }
      const partial = `${cacheFile}.${process.pid}`;
      fs.writeFileSync(partial, script.createCachedData());
      fs.renameSync(partial, cacheFile);
    } catch {
      // A read-only home or a full disk: start-ups stay uncached.
    }
  };
  return { script, save };
}

const { script, save } = compile();
// The bundle may ask for the cache to be written at a quiet moment: serialising it blocks the process
// for 30–140 ms, and the language server asks once it has read nothing for a second, so no keystroke
// waits for it (server/src/lsp/code-cache.ts).
globalThis[Symbol.for('leonardo-lint.writeCodeCache')] = save;
const child = new Module(bundle, module);
child.filename = bundle;
child.paths = Module._nodeModulePaths(path.dirname(bundle));
script.runInThisContext().call(child.exports, child.exports, Module.createRequire(bundle), child, bundle, path.dirname(bundle));
child.loaded = true;
module.exports = child.exports;
// Otherwise written at exit (so the functions the run compiled are in it too), or after a minute for a
// process that is neither quiet nor ending, whichever is first.
setTimeout(save, 60_000).unref();
process.once('exit', save);
