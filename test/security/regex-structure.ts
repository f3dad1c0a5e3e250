// The shape of a regular expression, for the check that no pattern can backtrack exponentially: a
// repeated group whose body repeats again (`(a+)+`), or whose branches can start on the same character
// (`(?:\\.|.)+`), gives a backtracking engine exponentially many ways to split a failing input.
// Written by hand: the project has no regular-expression parser among its dependencies, and the check
// needs only the parts below (terms, quantifiers, groups, and the characters a branch can start with).

interface Term {
  atom: Atom;
  min: number;
  max: number;
}

type Atom =
  | { kind: 'chars'; set: Ranges }
  | { kind: 'group'; branches: Term[][] }
  /** Anchors, word boundaries and lookarounds: they consume nothing. */
  | { kind: 'zero-width' }
  /** `\1`, `\k<name>`: may be any text. */
  | { kind: 'backreference' };

type Ranges = Array<[number, number]>;

const MAX = 0x10ffff;
const ANY: Ranges = [[0, MAX]];
const DIGIT: Ranges = [[48, 57]];
const WORD: Ranges = [[48, 57], [65, 90], [95, 95], [97, 122]];
const SPACE: Ranges = [[9, 13], [32, 32], [160, 160], [0x1680, 0x1680], [0x2000, 0x200a], [0x2028, 0x2029], [0x202f, 0x202f], [0x205f, 0x205f], [0x3000, 0x3000], [0xfeff, 0xfeff]];
const LINE_ENDS: Ranges = [[10, 10], [13, 13], [0x2028, 0x2029]];

function complement(set: Ranges): Ranges {
  const sorted = [...set].sort((a, b) => a[0] - b[0]);
  const out: Ranges = [];
  let next = 0;
  for (const [lo, hi] of sorted) {
    if (lo > next) out.push([next, lo - 1]);
    next = Math.max(next, hi + 1);
  }
  if (next <= MAX) out.push([next, MAX]);
  return out;
}

function intersects(a: Ranges, b: Ranges): boolean {
  return a.some(([alo, ahi]) => b.some(([blo, bhi]) => alo <= bhi && blo <= ahi));
}

/** A character, with its other case under the `i` flag (ASCII letters: what the patterns here use). */
function char(code: number, ignoreCase: boolean): Ranges {
  const out: Ranges = [[code, code]];
  if (ignoreCase && /[a-z]/i.test(String.fromCharCode(code))) {
    const other = String.fromCharCode(code).toLowerCase() === String.fromCharCode(code) ? String.fromCharCode(code).toUpperCase() : String.fromCharCode(code).toLowerCase();
    out.push([other.charCodeAt(0), other.charCodeAt(0)]);
  }
  return out;
}

class Parser {
  private at = 0;
  constructor(private readonly source: string, private readonly flags: string) {}

  parse(): Term[][] {
    const branches = this.alternation();
    if (this.at < this.source.length) throw new Error(`unexpected ')' at ${this.at} in /${this.source}/`);
    return branches;
  }

  private get ignoreCase(): boolean {
    return this.flags.includes('i');
  }

  private alternation(): Term[][] {
    const branches: Term[][] = [[]];
    while (this.at < this.source.length && this.source[this.at] !== ')') {
      if (this.source[this.at] === '|') {
        this.at++;
        branches.push([]);
        continue;
      }
      const atom = this.atom();
      branches[branches.length - 1].push({ atom, ...this.quantifier() });
    }
    return branches;
  }

  private quantifier(): { min: number; max: number } {
    const c = this.source[this.at];
    let bounds: { min: number; max: number } | undefined;
    if (c === '*') bounds = { min: 0, max: Infinity };
    else if (c === '+') bounds = { min: 1, max: Infinity };
    else if (c === '?') bounds = { min: 0, max: 1 };
    if (bounds) this.at++;
    else {
      const counted = /^\{(\d+)(,(\d*))?\}/.exec(this.source.slice(this.at));
      if (!counted) return { min: 1, max: 1 };
      this.at += counted[0].length;
      const min = Number(counted[1]);
      bounds = { min, max: counted[2] === undefined ? min : counted[3] === '' ? Infinity : Number(counted[3]) };
    }
    if (this.source[this.at] === '?') this.at++; // lazy: the same ways to split, tried in another order
    return bounds;
  }

  private atom(): Atom {
    const c = this.source[this.at++];
    switch (c) {
      case '^':
      case '$':
        return { kind: 'zero-width' };
      case '.':
        return { kind: 'chars', set: this.flags.includes('s') ? ANY : complement(LINE_ENDS) };
      case '[':
        return { kind: 'chars', set: this.characterClass() };
      case '(':
        return this.group();
      case '\\':
        return this.escape(false) ?? { kind: 'zero-width' };
      default:
        return { kind: 'chars', set: char(c.charCodeAt(0), this.ignoreCase) };
    }
  }

  private group(): Atom {
    const rest = this.source.slice(this.at);
    const lookaround = /^\?<?[=!]/.exec(rest);
    if (lookaround) {
      this.at += lookaround[0].length;
      this.alternation();
      this.at++;
      return { kind: 'zero-width' };
    }
    const prefix = /^\?(?::|<[A-Za-z_$][\w$]*>)/.exec(rest);
    if (prefix) this.at += prefix[0].length;
    const branches = this.alternation();
    this.at++; // ')'
    return { kind: 'group', branches };
  }

  /** An escape outside a class (`\d`, `\.`, `\u2026`, `\1`); undefined for `\b` and `\B`. */
  private escape(inClass: boolean): Atom | undefined {
    const c = this.source[this.at++];
    const sets: Record<string, Ranges> = { d: DIGIT, w: WORD, s: SPACE, D: complement(DIGIT), W: complement(WORD), S: complement(SPACE) };
    if (sets[c]) return { kind: 'chars', set: sets[c] };
    if (!inClass && (c === 'b' || c === 'B')) return undefined;
    if (!inClass && /[1-9]/.test(c)) {
      while (/\d/.test(this.source[this.at] ?? '')) this.at++;
      return { kind: 'backreference' };
    }
    if (!inClass && c === 'k' && this.source[this.at] === '<') {
      this.at = this.source.indexOf('>', this.at) + 1;
      return { kind: 'backreference' };
    }
    if (c === 'p' || c === 'P') {
      this.at = this.source.indexOf('}', this.at) + 1;
      return { kind: 'chars', set: ANY }; // a Unicode property: taken as any character (never under-reports)
    }
    const hex = /^u\{([0-9a-f]+)\}|^u([0-9a-f]{4})|^x([0-9a-f]{2})/i.exec(this.source.slice(this.at - 1));
    if (hex) {
      this.at += hex[0].length - 1;
      return { kind: 'chars', set: char(parseInt(hex[1] ?? hex[2] ?? hex[3], 16), this.ignoreCase) };
    }
    const controls: Record<string, number> = { n: 10, r: 13, t: 9, f: 12, v: 11, '0': 0 };
    if (c === 'b') return { kind: 'chars', set: [[8, 8]] };
    return { kind: 'chars', set: char(controls[c] ?? c.charCodeAt(0), this.ignoreCase) };
  }

  private characterClass(): Ranges {
    const negated = this.source[this.at] === '^';
    if (negated) this.at++;
    const set: Ranges = [];
    let first = true;
    while (this.at < this.source.length && (this.source[this.at] !== ']' || first)) {
      first = false;
      const low = this.classAtom();
      if (this.source[this.at] === '-' && this.source[this.at + 1] !== ']' && low.length === 1 && low[0][0] === low[0][1]) {
        this.at++;
        const high = this.classAtom();
        set.push([low[0][0], high[0][1]]);
        if (this.ignoreCase) for (const [lo, hi] of [[low[0][0], high[0][1]]]) set.push(...caseRange(lo, hi));
      } else set.push(...low);
    }
    this.at++; // ']'
    return negated ? complement(set) : set;
  }

  private classAtom(): Ranges {
    const c = this.source[this.at++];
    if (c !== '\\') return char(c.charCodeAt(0), this.ignoreCase).slice(0, 1);
    const atom = this.escape(true);
    return atom?.kind === 'chars' ? atom.set : ANY;
  }
}

/** The other case of the ASCII letters in a range. */
function caseRange(lo: number, hi: number): Ranges {
  const out: Ranges = [];
  const upper: [number, number] = [Math.max(lo, 65), Math.min(hi, 90)];
  const lower: [number, number] = [Math.max(lo, 97), Math.min(hi, 122)];
  if (upper[0] <= upper[1]) out.push([upper[0] + 32, upper[1] + 32]);
  if (lower[0] <= lower[1]) out.push([lower[0] - 32, lower[1] - 32]);
  return out;
}

function nullable(term: Term): boolean {
  if (term.min === 0) return true;
  const { atom } = term;
  if (atom.kind === 'zero-width' || atom.kind === 'backreference') return true;
  return atom.kind === 'group' && atom.branches.some((b) => b.every(nullable));
}

/** The characters a sequence of terms can start its match with. */
function firstChars(terms: readonly Term[]): Ranges {
  const out: Ranges = [];
  for (const term of terms) {
    const { atom } = term;
    if (atom.kind === 'chars') out.push(...atom.set);
    else if (atom.kind === 'backreference') out.push(...ANY);
    else if (atom.kind === 'group') for (const branch of atom.branches) out.push(...firstChars(branch));
    if (!nullable(term)) break;
  }
  return out;
}

function repeatsInside(branches: readonly Term[][]): boolean {
  return branches.some((b) => b.some((t) => t.max > 1 || (t.atom.kind === 'group' && repeatsInside(t.atom.branches))));
}

/**
 * Each pass of a repeated group is cut unambiguously: every branch starts or ends with one required
 * character its own repetitions cannot take (`(?:[a-z0-9-]+\.)*`, `(?:\/[\w.-]+)*`).
 */
function delimited(branches: readonly Term[][]): boolean {
  return branches.every((branch) => {
    const repeated: Ranges = [];
    for (const term of branch) {
      if (term.atom.kind === 'group' || term.atom.kind === 'backreference') return false;
      if (term.max > 1 && term.atom.kind === 'chars') repeated.push(...term.atom.set);
    }
    const cuts = (t: Term | undefined) => t !== undefined && t.atom.kind === 'chars' && t.min === 1 && t.max === 1 && !intersects(t.atom.set, repeated);
    return cuts(branch[0]) || cuts(branch[branch.length - 1]);
  });
}

/**
 * Why a pattern can backtrack exponentially, or undefined: a group repeated without bound whose body
 * repeats again, or whose branches can start on the same character.
 */
export function exponentialShape(source: string, flags: string): string | undefined {
  let found: string | undefined;
  const visit = (branches: readonly Term[][]): void => {
    for (const term of branches.flat()) {
      if (term.atom.kind !== 'group') continue;
      const inner = term.atom.branches;
      if (term.max === Infinity && repeatsInside(inner) && !delimited(inner)) found ??= 'a repeated group whose body repeats';
      if (term.max > 1) {
        const firsts = inner.map(firstChars);
        if (firsts.some((a, i) => firsts.some((b, j) => j > i && intersects(a, b)))) found ??= 'a repeated group whose branches can start on the same character';
      }
      visit(inner);
    }
  };
  visit(new Parser(source, flags).parse());
  return found;
}
