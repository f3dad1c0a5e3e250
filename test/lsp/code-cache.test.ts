// The server asks the loader to write V8's code cache only once the client has been quiet for a
// moment (lsp/code-cache.ts), so no keystroke waits for the 30–140 ms it takes.

import assert from 'node:assert/strict';
import { EventEmitter } from 'node:events';
import { describe, it } from 'node:test';
import { QUIET_MS, writeCodeCacheWhenQuiet } from '../../server/src/lsp/code-cache.js';

/** Timers run by hand: `elapse(ms)` fires those due. */
function clock() {
  let now = 0;
  let next = 0;
  const timers = new Map<number, { at: number; run: () => void }>();
  return {
    setTimer: (run: () => void, ms: number): unknown => {
      timers.set(++next, { at: now + ms, run });
      return next;
    },
    clearTimer: (timer: unknown): void => void timers.delete(timer as number),
    elapse(ms: number): void {
      now += ms;
      for (const [id, timer] of [...timers]) {
        if (timer.at > now) continue;
        timers.delete(id);
        timer.run();
      }
    },
    pending: () => timers.size,
  };
}

describe('writing the code cache when the client is quiet', () => {
  it('waits until nothing has come for QUIET_MS, however long the typing lasts, then writes once', () => {
    const input = new EventEmitter();
    const time = clock();
    let writes = 0;
    writeCodeCacheWhenQuiet(input, { write: () => writes++, ...time });
    // Three seconds of typing, a keystroke every 100 ms: nothing is written meanwhile.
    for (let i = 0; i < 30; i++) {
      input.emit('data', Buffer.from('x'));
      time.elapse(100);
    }
    assert.equal(writes, 0);
    time.elapse(QUIET_MS);
    assert.equal(writes, 1);
    // Written once: later quiet spells write nothing, and the server stops listening.
    input.emit('data', Buffer.from('x'));
    time.elapse(QUIET_MS * 3);
    assert.deepEqual([writes, input.listenerCount('data'), time.pending()], [1, 0, 0]);
  });

  it('writes after QUIET_MS when the client sends nothing at all', () => {
    const input = new EventEmitter();
    const time = clock();
    let writes = 0;
    writeCodeCacheWhenQuiet(input, { write: () => writes++, ...time });
    time.elapse(QUIET_MS - 1);
    assert.equal(writes, 0);
    time.elapse(1);
    assert.equal(writes, 1);
  });

  it('does nothing when the bundle was not loaded through the loader (no cache to write)', () => {
    const input = new EventEmitter();
    writeCodeCacheWhenQuiet(input);
    assert.equal(input.listenerCount('data'), 0);
  });
});
