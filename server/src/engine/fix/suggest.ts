// Suggestions for a misspelt name or value: edit distance, case-only and snake/camel matches, and the
// nearest allowed numbers. Shared by the schema rules; pure functions on strings and numbers.

/**
 * Optimal string alignment distance (Levenshtein plus adjacent transpositions), so `promtp` is one
 * edit from `prompt`. Stops early and returns `limit + 1` once the distance must exceed `limit`.
 * Only the middles that differ are compared, and with a finite limit only the cells within `limit` of
 * the diagonal (a cell further off it is already more than `limit` edits away): two long strings cost
 * their length times the limit at most.
 */
export function editDistance(a: string, b: string, limit = Infinity): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  // A common prefix and suffix cost no edit: the table is built for the differing middles only.
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  a = a.slice(start, endA);
  b = b.slice(start, endB);
  const n = a.length;
  const m = b.length;
  const band = Number.isFinite(limit) ? limit : Math.max(n, m);
  // Further than any real distance: the value of every cell outside the band.
  const far = n + m + 1;
  // Three rows of one reused buffer: the schema rules ask for a distance per candidate name, and
  // fresh rows per call were most of a suggestion's cost.
  if (rows.length < 3 * (m + 1)) rows = new Int32Array(Math.max(3 * (m + 1), 2 * rows.length));
  let beforePrevious = 0;
  let previous = m + 1;
  let current = 2 * (m + 1);
  rows.fill(far, 0, 3 * (m + 1));
  for (let j = 0; j <= Math.min(m, band); j++) rows[previous + j] = j;
  for (let i = 1; i <= n; i++) {
    const lo = Math.max(1, i - band);
    const hi = Math.min(m, i + band);
    // The cells on either side of this row's band (the buffer held an older row's values there).
    rows[current + lo - 1] = lo === 1 && i <= band ? i : far;
    if (hi < m) rows[current + hi + 1] = far;
    let rowMin = rows[current + lo - 1];
    for (let j = lo; j <= hi; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(rows[previous + j] + 1, rows[current + j - 1] + 1, rows[previous + j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        d = Math.min(d, rows[beforePrevious + j - 2] + 1);
      }
      rows[current + j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > limit) return limit + 1;
    const oldest = beforePrevious;
    beforePrevious = previous;
    previous = current;
    current = oldest;
  }
  return Math.min(rows[previous + m], limit + 1);
}

/** The rows of `editDistance`, grown as needed (names are short: it stays small). */
let rows = new Int32Array(3 * 64);

/** `numImages` → `num_images`, `initImageId` → `init_image_id`. */
export function camelToSnake(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').replace(/([A-Z])([A-Z][a-z])/g, '$1_$2').toLowerCase();
}

/** A name folded for loose comparison: lower case, without `_`, `-`, spaces or dots. */
export function foldName(name: string): string {
  return name.toLowerCase().replace(/[_\-\s.]/g, '');
}

/** The candidates equal to `name` ignoring case only (`sd_Version` → `sd_version`). */
export function caseOnlyMatches(name: string, candidates: Iterable<string>): string[] {
  const lower = name.toLowerCase();
  const out: string[] = [];
  for (const c of candidates) if (c !== name && c.toLowerCase() === lower) out.push(c);
  return unique(out);
}

/**
 * The candidates that differ from `name` only in case and word separators: `numImages` ↔ `num_images`,
 * `NumImages`, `foreground-only` → `foreground_only`.
 */
export function spellingMatches(name: string, candidates: Iterable<string>): string[] {
  const folded = foldName(name);
  const list = prepared(candidates);
  const out: string[] = [];
  for (let i = 0; i < list.names.length; i++) if (list.folded[i] === folded && list.names[i] !== name) out.push(list.names[i]);
  return out;
}

/** Candidates without repeats, in order, with their folded names. */
interface Prepared {
  names: readonly string[];
  folded: readonly string[];
}

/**
 * The candidates prepared once per list: the catalogue's lists (a body's field names, an enum's
 * values) are built once per process and every suggestion for them reads them again. A list is never
 * changed once it has been asked about (the catalogue's are frozen in use; the others are built for
 * one call).
 */
const preparedLists = new WeakMap<readonly string[], Prepared>();

function prepared(candidates: Iterable<string>): Prepared {
  const list = Array.isArray(candidates) ? (candidates as readonly string[]) : undefined;
  let found = list && preparedLists.get(list);
  if (!found) {
    const names = unique([...candidates]);
    found = { names, folded: names.map(foldName) };
    if (list) preparedLists.set(list, found);
  }
  return found;
}

export interface NearOptions {
  /** How many to return at most (default 3). */
  limit?: number;
  /** The largest edit distance accepted (default: 1 for short names, 2 from 5 characters, 3 from 12). */
  maxDistance?: number;
}

/**
 * The candidates nearest to `input` by edit distance on folded names, best first, ties in candidate
 * order. A candidate that starts with the folded input (`EULER` → `EULER_DISCRETE`) also counts as
 * near. Exact (folded) matches come first.
 */
export function nearestNames(input: string, candidates: Iterable<string>, options: NearOptions = {}): string[] {
  const folded = foldName(input);
  if (folded.length === 0) return [];
  const max = options.maxDistance ?? defaultMaxDistance(folded.length);
  const scored: Array<{ candidate: string; score: number; order: number }> = [];
  const list = prepared(candidates);
  for (let i = 0; i < list.names.length; i++) {
    const candidate = list.names[i];
    const order = i + 1;
    if (candidate === input) continue;
    const other = list.folded[i];
    const distance = editDistance(folded, other, max);
    if (distance <= max) {
      scored.push({ candidate, score: distance, order });
    } else if (folded.length >= 3 && other.startsWith(folded)) {
      scored.push({ candidate, score: max + (other.length - folded.length) / 100, order });
    }
  }
  scored.sort((a, b) => a.score - b.score || a.order - b.order);
  return scored.slice(0, options.limit ?? 3).map((s) => s.candidate);
}

function defaultMaxDistance(length: number): number {
  if (length < 5) return 1;
  return length < 12 ? 2 : 3;
}

/** The allowed numbers nearest to `value`: one, or two on a tie (`5` between `4` and `6`). */
export function nearestNumbers(value: number, allowed: readonly number[]): number[] {
  let best: number[] = [];
  let bestDistance = Infinity;
  for (const candidate of unique([...allowed])) {
    const distance = Math.abs(candidate - value);
    if (distance < bestDistance - 1e-9) {
      best = [candidate];
      bestDistance = distance;
    } else if (Math.abs(distance - bestDistance) <= 1e-9) {
      best.push(candidate);
    }
  }
  return best.sort((a, b) => a - b);
}

/** Whether two numbers are equal up to floating-point noise (`0.1 + 0.2` vs `0.3`). */
export function sameNumber(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}

/** A short list for messages: `a, b or c`. */
export function listOr(items: readonly string[]): string {
  return listWith(items, 'or');
}

/** A short list for messages: `a, b and c`. */
export function listAnd(items: readonly string[]): string {
  return listWith(items, 'and');
}

function listWith(items: readonly string[], conjunction: string): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${conjunction} ${items[items.length - 1]}`;
}

function unique<T>(items: T[]): T[] {
  return [...new Set(items)];
}
