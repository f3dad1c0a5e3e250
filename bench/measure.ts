// Timing and the result rows. A figure and its baseline run alternately in the same process (so
// both see the same machine state), after warm-up runs, and each is summarised by its median.

export interface Result {
  name: string;
  /** The figure: median milliseconds, a p95, megabytes or a ratio, per `unit`. */
  value: number;
  unit: string;
  /** The same measurement for the baseline it is compared with (null when there is none). */
  baseline: number | null;
  /** value / baseline (null when there is no baseline). */
  ratio: number | null;
  /** Every condition the figure must meet, as written in the issue. */
  target: string;
  pass: boolean;
  /** What was measured against what, and any secondary numbers. */
  detail: string;
}

export function median(values: readonly number[]): number {
  return percentile(values, 50);
}

/** Nearest-rank percentile. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

export interface Pair {
  figure: number[];
  baseline: number[];
}

/**
 * Run `figure(i)` and `baseline(i)` alternately, `warmup` times untimed and then `runs` times timed,
 * swapping which goes first on every run. `i` lets callers hand each run its own input.
 */
export async function sideBySide(
  figure: (i: number) => unknown,
  baseline: (i: number) => unknown,
  { warmup, runs, clock = 'wall' }: { warmup: number; runs: number; clock?: 'wall' | 'cpu' },
): Promise<Pair> {
  // The process's CPU time (all its threads, the collector's included) leaves out the moments it waits
  // for a core: on a shared machine, most of the noise.
  const now = clock === 'cpu' ? cpuMs : () => performance.now();
  const out: Pair = { figure: [], baseline: [] };
  for (let i = 0; i < warmup + runs; i++) {
    const order: Array<[(i: number) => unknown, number[]]> = [
      [figure, out.figure],
      [baseline, out.baseline],
    ];
    if (i % 2 === 1) order.reverse();
    // No forced collection between runs: a full gc() also throws away type feedback and optimised
    // code, so the run after it measures a cold engine (3-7x slower here), not garbage.
    for (const [fn, times] of order) {
      const started = now();
      await fn(i);
      const elapsed = now() - started;
      if (i >= warmup) times.push(elapsed);
    }
  }
  return out;
}

/** The process's CPU time so far (user and system, every thread), in milliseconds. */
export function cpuMs(): number {
  const used = process.cpuUsage();
  return (used.user + used.system) / 1000;
}

/** A figure with an absolute limit (`value ≤ limit`), compared with a baseline for context. */
export function atMost(
  name: string,
  measured: { value: number; unit: string; baseline: number | null; limit: number; target?: string; detail: string },
): Result {
  const { value, unit, baseline, limit, detail } = measured;
  return {
    name,
    value: round(value, 2),
    unit,
    baseline: baseline === null ? null : round(baseline, 2),
    ratio: baseline === null ? null : round(value / baseline, 3),
    target: measured.target ?? `≤ ${limit} ${unit}`,
    pass: value <= limit,
    detail,
  };
}

export function round(value: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/** The results as a fixed-width table for the terminal. */
export function formatTable(results: readonly Result[]): string {
  const rows = results.map((r) => [
    r.name,
    `${fmt(r.value)} ${r.unit}`,
    r.baseline === null ? '-' : `${fmt(r.baseline)} ${r.unit}`,
    r.ratio === null ? '-' : fmt(r.ratio, 3),
    r.target,
    r.pass ? 'pass' : 'FAIL',
  ]);
  const header = ['figure', 'value', 'baseline', 'ratio', 'target', ''];
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((row) => row[c].length)));
  const line = (cells: string[]) => cells.map((cell, c) => cell.padEnd(widths[c])).join('  ').trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

/** The results as a Markdown table (for the README). */
export function formatMarkdown(results: readonly Result[]): string {
  const rows = results.map(
    (r) =>
      `| ${r.name} | ${fmt(r.value)} ${r.unit} | ${r.baseline === null ? '–' : `${fmt(r.baseline)} ${r.unit}`} | ${r.ratio === null ? '–' : fmt(r.ratio, 3)} | ${r.target} | ${r.pass ? 'pass' : '**fail**'} |`,
  );
  return ['| figure | value | baseline | ratio | target | |', '|---|---|---|---|---|---|', ...rows].join('\n');
}

function fmt(value: number, digits = 2): string {
  if (!Number.isFinite(value)) return String(value);
  return Math.abs(value) >= 100 ? value.toFixed(0) : value.toFixed(digits);
}
