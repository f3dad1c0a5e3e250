// What one analysis works out once and shares among its rules (the body walk, the flow analysis),
// emptied when the analysis ends. Emptied, not merely dropped: tables that outlived a young-generation
// collection sit dead in the old generation until the next full one, and until then every young
// node they point to survives each young collection, and the tree with it through parent pointers
// (2,000-line file, analysed 80 times: 220 MB promoted and a median of 30 ms; emptied, 25 MB and 14 ms).
// A key is an object of its own (its identity is the key), saying how to empty its value.

/** The key of a memoised value. */
export interface MemoKey<T> {
  /** Empty the value's tables when the analysis ends. */
  readonly release?: (value: T) => void;
}

export class AnalysisMemo {
  /** Made on the first `get`: most analyses of small files memoise nothing or little. */
  private values: Map<MemoKey<never>, unknown> | undefined;

  /** The value for `key`, computed the first time it is asked for in this analysis. */
  get<T>(key: MemoKey<T>, compute: () => T): T {
    const values = (this.values ??= new Map());
    const known: unknown = values.get(key);
    // (A value computed as undefined is found by `has`.)
    if (known !== undefined || values.has(key)) return known as T;
    const value = compute();
    values.set(key, value);
    return value;
  }

  /**
   * Empty every value (the analysis is over; nothing reads them again). Returns the values when
   * `CHECK_RELEASE` is on, for `assertEmptied`.
   */
  release(): unknown[] {
    const values = this.values;
    if (!values) return [];
    const released = CHECK_RELEASE ? [...values.values()] : [];
    for (const [key, value] of values) (key as MemoKey<unknown>).release?.(value);
    values.clear();
    return released;
  }
}

/**
 * Whether analyses check that their tables were emptied (`assertEmptied`): on when the environment
 * sets LEONARDO_LINT_CHECK_RELEASE=1, as `npm test` does, so a new table that nobody empties fails
 * the tests instead of quietly bringing the slowdown back.
 */
export const CHECK_RELEASE = typeof process !== 'undefined' && process.env.LEONARDO_LINT_CHECK_RELEASE === '1';

/** How deep into the released objects the check looks (a flow's facts, its context's sets). */
const CHECK_DEPTH = 3;

/**
 * Throw when a Map, Set or array reachable from `released` (by name: the memo's values, the file
 * index, ...) still holds entries: the analysis is over, and every table it built must be empty.
 * Syntax nodes are not looked into (the parse is handed on), nor is anything deeper than CHECK_DEPTH.
 */
export function assertEmptied(released: Record<string, unknown>, kept: readonly object[] = []): void {
  // What is kept for the document's next version (an index, see extract/typescript.ts) is not looked into where the tables reach it.
  const seen = new Set<object>(kept);
  const full: string[] = [];
  const visit = (value: unknown, path: string, depth: number): void => {
    if (typeof value !== 'object' || value === null || seen.has(value) || isSyntaxNode(value)) return;
    seen.add(value);
    const size = value instanceof Map || value instanceof Set ? value.size : Array.isArray(value) ? value.length : undefined;
    if (size !== undefined) {
      if (size > 0) full.push(`${path} (${size})`);
      return;
    }
    if (depth >= CHECK_DEPTH) return;
    for (const [name, field] of Object.entries(value)) visit(field, `${path}.${name}`, depth + 1);
  };
  for (const [name, value] of Object.entries(released)) {
    if (Array.isArray(value) && name === 'memo') value.forEach((item: unknown, i) => visit(item, `memo[${i}]:${(item as { constructor?: { name?: string } } | null)?.constructor?.name ?? typeof item}`, 0));
    else visit(value, name, 0);
  }
  if (full.length > 0) throw new Error(`Tables not emptied when the analysis ended: ${full.join(', ')}`);
}

function isSyntaxNode(value: object): boolean {
  const node = value as { kind?: unknown; pos?: unknown; end?: unknown };
  return typeof node.kind === 'number' && typeof node.pos === 'number' && typeof node.end === 'number';
}
