// Preloaded into the CLI (`node --require`) by fix-killed.test.ts. Counts the calls that change files
// (opening for writing, writing, flushing, mode and owner changes, renaming, cutting, removing) and,
// with FS_STEP_KILL_AT=N, kills the process with SIGKILL at the Nth, as a Ctrl+C, a CI timeout or the
// OOM killer would: a write is cut in half first. With FS_STEP_COUNT_FILE it writes the count at exit.
'use strict';
const fs = require('node:fs');

const killAt = Number(process.env.FS_STEP_KILL_AT || 0);
const countFile = process.env.FS_STEP_COUNT_FILE;
let step = 0;

function die() {
  process.kill(process.pid, 'SIGKILL');
  // Not reached: SIGKILL is delivered before kill() returns. Block rather than go on, whatever happens.
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);
}

const WRITE_FLAGS = fs.constants.O_WRONLY | fs.constants.O_RDWR;
const opensForWriting = (flags) => (typeof flags === 'number' ? (flags & WRITE_FLAGS) !== 0 : typeof flags === 'string' && /[wa+]/.test(flags));

function wrap(name, isStep, beforeDying) {
  const real = fs[name];
  fs[name] = function (...args) {
    if (isStep(args)) {
      step++;
      if (step === killAt) {
        if (beforeDying) beforeDying(real, args);
        die();
      }
    }
    return real.apply(this, args);
  };
}

const always = () => true;
wrap('openSync', (args) => opensForWriting(args[1]));
wrap('writeSync', always, (real, [fd, buffer, offset = 0, length = buffer.length - offset, position = null]) => {
  real(fd, buffer, offset, Math.floor(length / 2), position);
});
// writeFileSync truncates, then writes: killed in between, half the data is there.
wrap('writeFileSync', always, (real, [file, data, options]) => {
  const bytes = Buffer.from(data, typeof options === 'string' ? options : options?.encoding ?? 'utf8');
  real(file, bytes.subarray(0, Math.floor(bytes.length / 2)));
});
for (const name of ['fsyncSync', 'fchmodSync', 'fchownSync', 'renameSync', 'ftruncateSync', 'unlinkSync']) wrap(name, always);

process.on('exit', () => {
  if (countFile) fs.appendFileSync(countFile, `${step}\n`);
});
