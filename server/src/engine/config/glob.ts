// Glob matching for the globs of a configuration (`requestFiles`, `ignores`), in time bounded by the
// product of the pattern's and the path's lengths, whatever the pattern.
//
// Written by hand because the glob libraries compile a glob to a backtracking regular expression:
// picomatch turns `*a*a*a*a*a*a*a*a*a*a*a*a*c` into nested lazy `[^/]*?` groups, and a long file name
// then takes minutes (the number of ways to split a name among k stars grows as length^k). A config
// file comes with the workspace (a cloned repository), so its globs are untrusted input. Here a `*`
// is matched by the classic greedy scan that remembers only the last star (never more than
// pattern × segment steps), and `**` segment by segment with a set of states (never more than
// pattern segments × path segments).
//
// The syntax is picomatch's with `dot: true` for what configs use: `*`, `**` (a whole segment: any
// number of folders, none included), `?`, `[...]` classes (`[!...]`/`[^...]`, ranges, `[:alpha:]`-style
// names), `{a,b}` alternatives (nested), `\` escapes, a leading `!` to negate, a leading `./`. A
// pattern without `/` matches the path's base name when `basename` is set. `*` and `**` never match
// the segments `.` and `..`. Extended globs (`@(a|b)`, `+(...)`, ...) and ranges in braces (`{1..3}`)
// are refused with a GlobError, as are patterns past the bounds below.

/** Longest pattern accepted, in characters. */
export const MAX_GLOB_LENGTH = 1024;
/** Most alternatives a pattern's braces may expand to. */
export const MAX_GLOB_ALTERNATIVES = 64;
/** Longest path matched, in characters (PATH_MAX on Linux): a longer path matches no glob. */
export const MAX_GLOB_PATH_LENGTH = 4096;

export class GlobError extends Error {}

export interface GlobOptions {
  /** A pattern without `/` matches the path's base name (picomatch's `basename`). */
  basename?: boolean;
  /** Counts the matcher's steps (character comparisons and segment transitions), for tests. */
  counter?: { steps: number };
}

/** One character test inside a segment, or a star. */
type Token = { kind: 'star' } | { kind: 'char'; test: (c: string) => boolean };
/** A pattern segment: `**`, or tokens matched against one path segment. */
type Segment = { kind: 'globstar' } | { kind: 'tokens'; tokens: Token[]; literal?: string; suffix?: string };

/** Compiles a glob to a matcher of `/`-separated paths. Throws GlobError for a pattern it refuses. */
export function compileGlob(pattern: string, options: GlobOptions = {}): (path: string) => boolean {
  if (pattern.length > MAX_GLOB_LENGTH) {
    throw new GlobError(`glob is ${pattern.length} characters long; at most ${MAX_GLOB_LENGTH} are accepted`);
  }
  let body = pattern;
  let negated = false;
  while (body.startsWith('!') && !body.startsWith('!(')) {
    negated = !negated;
    body = body.slice(1);
  }
  const alternatives = expandBraces(body).map((alternative) => {
    let plain = alternative;
    while (plain.startsWith('./')) plain = plain.slice(2);
    const onBaseName = options.basename === true && !plain.includes('/');
    const segments = plain.split('/').map(parseSegment);
    const first = segments[0];
    // A first segment written plainly (`requests/*.json`, no `**`, which may match no segment, as
    // in `b/**`) must start the path: most paths are turned away by one comparison, unsplit.
    const plainHead = !onBaseName && segments.length > 1 && first.kind === 'tokens' && first.literal !== undefined;
    const prefix = plainHead && !segments.some((p) => p.kind === 'globstar') ? `${first.literal}/` : undefined;
    // `folder/*.json`: past the prefix, the rest of the path is the one segment left, matched unsplit.
    const last = prefix !== undefined && segments.length === 2 ? (segments[1] as Extract<Segment, { kind: 'tokens' }>) : undefined;
    return { onBaseName, segments, prefix, last };
  });
  const counter = options.counter;
  return (path: string) => {
    if (path.length === 0 || path.length > MAX_GLOB_PATH_LENGTH) return negated;
    let segments: string[] | undefined;
    let matched = false;
    for (const a of alternatives) {
      if (a.prefix !== undefined && !path.startsWith(a.prefix)) continue;
      if (a.last !== undefined) {
        const rest = path.slice(a.prefix!.length);
        if (counter) counter.steps += 2;
        if (!rest.includes('/') && matchSegment(a.last, rest, counter)) {
          matched = true;
          break;
        }
        continue;
      }
      segments ??= path.split('/');
      const name = segments[segments.length - 1] === '' && segments.length > 1 ? segments[segments.length - 2] : segments[segments.length - 1];
      if (matchSegments(a.segments, a.onBaseName ? [name] : segments, counter)) {
        matched = true;
        break;
      }
    }
    return matched !== negated;
  };
}

/** Throws GlobError when `compileGlob` would refuse the pattern. */
export function checkGlob(pattern: string): void {
  compileGlob(pattern);
}

// -- Braces ----------------------------------------------------------------------------------------

/** `a{b,c{d,e}}f` → `abf`, `acdf`, `acef`. A brace without a top-level comma is literal. */
function expandBraces(pattern: string): string[] {
  const open = findBrace(pattern);
  if (!open) return [pattern];
  const { start, end, parts } = open;
  const out: string[] = [];
  const rest = expandBraces(pattern.slice(end + 1));
  for (const part of parts) {
    for (const head of expandBraces(part)) {
      for (const tail of rest) {
        out.push(pattern.slice(0, start) + head + tail);
        if (out.length > MAX_GLOB_ALTERNATIVES) {
          throw new GlobError(`glob expands to more than ${MAX_GLOB_ALTERNATIVES} alternatives`);
        }
      }
    }
  }
  return out;
}

/** The first `{...}` with a top-level comma, split at its commas; unescaped and outside classes. */
function findBrace(pattern: string): { start: number; end: number; parts: string[] } | undefined {
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') i++;
    else if (c === '[') i = classEnd(pattern, i) ?? i;
    else if (c === '{') {
      let depth = 0;
      const commas: number[] = [];
      for (let j = i; j < pattern.length; j++) {
        const d = pattern[j];
        if (d === '\\') j++;
        else if (d === '[') j = classEnd(pattern, j) ?? j;
        else if (d === '{') depth++;
        else if (d === ',' && depth === 1) commas.push(j);
        else if (d === '}' && --depth === 0) {
          const inner = pattern.slice(i + 1, j);
          if (commas.length === 0) {
            if (/^[^.]*\.\.[^.]*$/.test(inner) && !inner.includes('\\')) {
              throw new GlobError(`ranges in braces ("{${inner}}") are not supported: list the values ("{a,b,c}")`);
            }
            break; // literal braces: look for the next `{`
          }
          const bounds = [i, ...commas, j];
          const parts = bounds.slice(1).map((b, k) => pattern.slice(bounds[k] + 1, b));
          return { start: i, end: j, parts };
        }
      }
    }
  }
  return undefined;
}

/** The index of the `]` closing the class that opens at `open`, or undefined when it is not a class. */
function classEnd(pattern: string, open: number): number | undefined {
  let i = open + 1;
  if (pattern[i] === '!' || pattern[i] === '^') i++;
  if (pattern[i] === ']') i++; // `[]]` holds `]`
  for (; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') i++;
    else if (c === '[' && pattern[i + 1] === ':') {
      const close = pattern.indexOf(':]', i + 2);
      if (close > 0) i = close + 1;
    } else if (c === ']') return i;
    else if (c === '/') return undefined;
  }
  return undefined;
}

// -- Segments --------------------------------------------------------------------------------------

function parseSegment(text: string): Segment {
  if (text === '**') return { kind: 'globstar' };
  const tokens: Token[] = [];
  let literal = '';
  let isLiteral = true;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if ((c === '@' || c === '+' || c === '!' || c === '*' || c === '?') && text[i + 1] === '(') {
      throw new GlobError(`extended globs ("${c}(...)") are not supported: use {a,b} alternatives`);
    }
    if (c === '*') {
      isLiteral = false;
      if (tokens[tokens.length - 1]?.kind !== 'star') tokens.push({ kind: 'star' });
    } else if (c === '?') {
      isLiteral = false;
      tokens.push({ kind: 'char', test: () => true });
    } else if (c === '[' && classEnd(text, i) !== undefined) {
      const end = classEnd(text, i)!;
      tokens.push({ kind: 'char', test: parseClass(text.slice(i + 1, end)) });
      isLiteral = false;
      i = end;
    } else {
      const ch = c === '\\' && i + 1 < text.length ? text[++i] : c;
      literal += ch;
      tokens.push({ kind: 'char', test: (x) => x === ch });
    }
  }
  if (isLiteral) return { kind: 'tokens', tokens, literal };
  // `*.json` (a star, then plain characters): most request-file globs end so; matched by the name's end.
  const starThenPlain = tokens.length > 1 && tokens[0].kind === 'star' && tokens.every((t, k) => k === 0 || t.kind === 'char') && !/[?[]/.test(text);
  return starThenPlain ? { kind: 'tokens', tokens, suffix: plainSuffix(text.slice(1)) } : { kind: 'tokens', tokens };
}

/** The characters of a segment's plain text after its star, escapes read. */
function plainSuffix(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) out += text[i] === '\\' && i + 1 < text.length ? text[++i] : text[i];
  return out;
}

const POSIX_CLASSES: Record<string, (c: string) => boolean> = {
  alnum: (c) => /[a-zA-Z0-9]/.test(c),
  alpha: (c) => /[a-zA-Z]/.test(c),
  digit: (c) => /[0-9]/.test(c),
  lower: (c) => /[a-z]/.test(c),
  upper: (c) => /[A-Z]/.test(c),
  space: (c) => /[ \t\r\n\v\f]/.test(c),
  word: (c) => /\w/.test(c),
  xdigit: (c) => /[a-fA-F0-9]/.test(c),
  punct: (c) => /[!-/:-@[-`{-~]/.test(c),
};

/** The test of a class's inside (`a-z_`, `!.`, `[:digit:]x`). */
function parseClass(inside: string): (c: string) => boolean {
  let i = 0;
  let negate = false;
  if (inside[0] === '!' || inside[0] === '^') {
    negate = true;
    i = 1;
  }
  const tests: Array<(c: string) => boolean> = [];
  for (; i < inside.length; i++) {
    if (inside[i] === '[' && inside[i + 1] === ':') {
      const close = inside.indexOf(':]', i + 2);
      const named = close > 0 ? POSIX_CLASSES[inside.slice(i + 2, close)] : undefined;
      if (named) {
        tests.push(named);
        i = close + 1;
        continue;
      }
    }
    const from = inside[i] === '\\' && i + 1 < inside.length ? inside[++i] : inside[i];
    if (inside[i + 1] === '-' && i + 2 < inside.length) {
      const to = inside[i + 2] === '\\' && i + 3 < inside.length ? inside[i + 3] : inside[i + 2];
      i += inside[i + 2] === '\\' ? 3 : 2;
      tests.push((c) => c >= from && c <= to);
    } else {
      tests.push((c) => c === from);
    }
  }
  return (c) => c !== '/' && tests.some((t) => t(c)) !== negate;
}

// -- Matching --------------------------------------------------------------------------------------

/**
 * Pattern segments against path segments: a set of pattern positions, advanced one path segment at
 * a time (`**` stays or moves on). At most pattern segments × path segments transitions.
 */
function matchSegments(pattern: readonly Segment[], path: readonly string[], counter?: { steps: number }): boolean {
  // Without `**` (most patterns) each pattern segment takes one path segment: no sets of states.
  if (!pattern.some((p) => p.kind === 'globstar')) {
    if (pattern.length !== path.length) return false;
    for (let i = 0; i < pattern.length; i++) {
      if (counter) counter.steps++;
      if (!matchSegment(pattern[i] as Extract<Segment, { kind: 'tokens' }>, path[i], counter)) return false;
    }
    return true;
  }
  let states = new Uint8Array(pattern.length + 1);
  states[0] = 1;
  closeOverGlobstars(pattern, states);
  for (const segment of path) {
    const next = new Uint8Array(pattern.length + 1);
    let any = false;
    for (let i = 0; i < pattern.length; i++) {
      if (!states[i]) continue;
      if (counter) counter.steps++;
      const p = pattern[i];
      if (p.kind === 'globstar') {
        if (segment !== '.' && segment !== '..') next[i] = 1;
      } else if (matchSegment(p, segment, counter)) {
        next[i + 1] = 1;
      } else continue;
      any = true;
    }
    if (!any) return false;
    closeOverGlobstars(pattern, next);
    states = next;
  }
  return states[pattern.length] === 1;
}

/** `**` matches no segment too: a state before a `**` is also a state after it. */
function closeOverGlobstars(pattern: readonly Segment[], states: Uint8Array): void {
  for (let i = 0; i < pattern.length; i++) {
    if (states[i] && pattern[i].kind === 'globstar') states[i + 1] = 1;
  }
}

/**
 * One segment: the greedy scan that, on a mismatch, lets the last star take one more character. A
 * later star makes every earlier choice final, so the scan never revisits more than the text after
 * the last star: at most tokens × characters steps.
 */
function matchSegment(p: Extract<Segment, { kind: 'tokens' }>, text: string, counter?: { steps: number }): boolean {
  if (p.literal !== undefined) {
    if (counter) counter.steps += 1;
    return p.literal === text;
  }
  if (text === '.' || text === '..') return false; // only a literal `.`/`..` names these
  if (p.suffix !== undefined) {
    // The star may take nothing (`*.json` matches `.json`, as the scan below does).
    if (counter) counter.steps += 1;
    return text.endsWith(p.suffix);
  }
  const tokens = p.tokens;
  let t = 0;
  let s = 0;
  let starToken = -1;
  let starText = 0;
  while (s < text.length) {
    if (counter) counter.steps++;
    const token = tokens[t];
    if (token?.kind === 'star') {
      starToken = t++;
      starText = s;
    } else if (token && token.test(text[s])) {
      t++;
      s++;
    } else if (starToken >= 0) {
      t = starToken + 1;
      s = ++starText;
    } else {
      return false;
    }
  }
  while (tokens[t]?.kind === 'star') t++;
  // picomatch's `*` alone needs one character: an empty segment is not matched by `*`.
  return t === tokens.length && (text.length > 0 || tokens.length === 0);
}
