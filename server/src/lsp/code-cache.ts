// The loader (scripts/cached-entry.cjs) writes V8's code cache of the bundle, so later starts skip
// compiling it. Serialising the cache blocks the process for 30–140 ms: written while the user types
// (it was written 2 s after the start), one keystroke's diagnostics waited that long. The server asks
// for it once it has read nothing from the client for QUIET_MS; the loader still writes it at exit,
// and after a minute for a server that is never quiet.

/** How long the client must send nothing before the cache is written. */
export const QUIET_MS = 1000;

const WRITE_CODE_CACHE = Symbol.for('leonardo-lint.writeCodeCache');

export interface QuietOptions {
  /** What writes the cache (the loader's, when the bundle was loaded through it). */
  write?: () => void;
  setTimer?: (run: () => void, ms: number) => unknown;
  clearTimer?: (timer: unknown) => void;
}

/** Write the code cache once `input` (the client's messages) has been quiet for QUIET_MS. */
export function writeCodeCacheWhenQuiet(input: NodeJS.EventEmitter, options: QuietOptions = {}): void {
  const write = options.write ?? (globalThis as Record<symbol, unknown>)[WRITE_CODE_CACHE];
  // Run from the sources (tests, `npm run dev`): there is no cache to write.
  if (typeof write !== 'function') return;
  const setTimer = options.setTimer ?? ((run, ms) => setTimeout(run, ms).unref());
  const clearTimer = options.clearTimer ?? ((timer) => clearTimeout(timer as NodeJS.Timeout));
  let timer: unknown;
  const quiet = (): void => {
    input.off('data', active);
    (write as () => void)();
  };
  const active = (): void => {
    clearTimer(timer);
    timer = setTimer(quiet, QUIET_MS);
  };
  input.on('data', active);
  active();
}
