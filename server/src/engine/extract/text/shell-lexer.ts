// A POSIX-shell lexer, enough for finding commands and their arguments in scripts and code blocks:
// quotes (`'…'`, `"…"` with `\"` escapes, `$'…'`), backslash escapes and line continuations,
// expansions (`$VAR`, `${VAR:-default}`, `$(cmd)`, backticks: their commands are lexed too),
// comments, operators, redirections, here-documents and here-strings. Every word keeps the mapping
// from its decoded text back to the document.

import type { Span } from '../../types.js';
import { MappedTextBuilder, type MappedText } from './mapped-text.js';

export interface Expansion {
  /** The variable name for `$NAME` / `${NAME…}`; undefined for `$(…)`, backticks and `$1`. */
  name?: string;
  /** The default of `${NAME:-default}` / `${NAME-default}`, as written. */
  fallback?: string;
  /** Range in the word's decoded text. */
  start: number;
  end: number;
}

/** A quoted section of a word: the text between its quotes. */
export interface QuotedPart {
  quote: "'" | '"';
  span: Span;
}

export interface ShellWord {
  value: MappedText;
  /** The word as written, quotes included. */
  span: Span;
  expansions: Expansion[];
  /** Its quoted sections, in order. */
  quoted: QuotedPart[];
}

export interface ShellCommand {
  words: ShellWord[];
  /** From the first word's start to the last word's end. */
  span: Span;
  /** Standard input from a here-document or here-string, when the command has one. */
  stdin?: MappedText;
  /** How the standard input is written: quoted sections of a here-string, or an unquoted here-document's body. */
  stdinQuoting?: QuotedPart[] | 'heredoc';
}

interface PendingHeredoc {
  delimiter: string;
  stripTabs: boolean;
  quoted: boolean;
  command: ShellCommand;
}

const MAX_NESTING = 32;
/** Characters of an expansion's text kept in the word (`$(…)` of a whole script is cut). */
const MAX_EXPANSION_TEXT = 256;

const isBlank = (c: string | undefined): boolean => c === ' ' || c === '\t';
const isNewline = (c: string | undefined): boolean => c === '\n' || c === '\r';
const WORD_END = new Set([' ', '\t', '\n', '\r', ';', '&', '|', '(', ')', '<', '>']);
/** `<YOUR_GENERATION_ID>`, `<generationId>`: a placeholder the docs write inside a word. */
const PLACEHOLDER = /^<[A-Za-z_][\w-]*>/;

/** Every command in text[start, end), commands inside `$(…)` and backticks included. */
export function lexShell(text: string, start = 0, end = text.length): ShellCommand[] {
  const out: ShellCommand[] = [];
  new ShellLexer(text, end, out).lexList(start);
  return out;
}

class ShellLexer {
  private pending: PendingHeredoc[] = [];
  private current: ShellCommand | undefined;

  constructor(
    private readonly t: string,
    private readonly end: number,
    private readonly out: ShellCommand[],
    /** Nesting of `$(…)` and backticks: past MAX_NESTING their text is skipped, not lexed (no stack overflow). */
    private readonly depth = 0,
  ) {}

  /** Lex commands from `pos` until the end, or until an unmatched `terminator`; returns the position after it. */
  lexList(pos: number, terminator?: ')' | '`'): number {
    const t = this.t;
    let depth = 0;
    while (pos < this.end) {
      const c = t[pos];
      if (isBlank(c)) {
        pos++;
      } else if (c === '\\' && isNewline(t[pos + 1])) {
        pos = skipNewline(t, pos + 1);
      } else if (isNewline(c)) {
        this.finish();
        pos = this.readHeredocs(skipNewline(t, pos));
      } else if (c === '#') {
        while (pos < this.end && !isNewline(t[pos])) pos++;
      } else if (terminator === '`' && c === '`') {
        this.finish();
        return pos + 1;
      } else if (c === ')' && terminator === ')' && depth === 0) {
        this.finish();
        return pos + 1;
      } else if (c === '(' || c === ')') {
        depth += c === '(' ? 1 : depth > 0 ? -1 : 0;
        this.finish();
        pos++;
      } else if (isRedirection(t, pos)) {
        pos = this.readRedirection(pos);
      } else if (c === ';' || c === '&' || c === '|') {
        this.finish();
        pos++;
      } else {
        const word = this.readWord(pos, terminator);
        this.command().words.push(word.word);
        pos = word.end;
      }
    }
    this.finish();
    return pos;
  }

  private command(): ShellCommand {
    this.current ??= { words: [], span: { start: 0, end: 0 } };
    return this.current;
  }

  private finish(): void {
    const cmd = this.current;
    this.current = undefined;
    if (!cmd || cmd.words.length === 0) return;
    cmd.span = { start: cmd.words[0].span.start, end: cmd.words[cmd.words.length - 1].span.end };
    this.out.push(cmd);
  }

  private readRedirection(pos: number): number {
    const t = this.t;
    while (/\d/.test(t[pos])) pos++;
    const op = /^(?:<<<|<<-|<<|<>|<&|>>|>&|>\||&>>|&>|<|>)/.exec(t.slice(pos, pos + 4))![0];
    pos += op.length;
    while (isBlank(t[pos])) pos++;
    if ((op === '>&' || op === '<&') && /[\d-]/.test(t[pos] ?? '')) return pos + 1;
    if (pos >= this.end || WORD_END.has(t[pos])) return pos;
    const target = this.readWord(pos);
    if (op === '<<' || op === '<<-') {
      const raw = t.slice(target.word.span.start, target.word.span.end);
      this.pending.push({
        delimiter: target.word.value.text,
        stripTabs: op === '<<-',
        quoted: /['"\\]/.test(raw),
        command: this.command(),
      });
    } else if (op === '<<<') {
      this.command().stdin = target.word.value;
      this.command().stdinQuoting = target.word.quoted;
    }
    return target.end;
  }

  /** Here-document bodies start on the line after their operator; returns where the next command starts. */
  private readHeredocs(pos: number): number {
    const pending = this.pending;
    this.pending = [];
    for (const doc of pending) {
      const b = new MappedTextBuilder();
      let found = false;
      while (pos < this.end && !found) {
        let lineEnd = pos;
        while (lineEnd < this.end && !isNewline(this.t[lineEnd])) lineEnd++;
        const line = this.t.slice(pos, lineEnd);
        if ((doc.stripTabs ? line.replace(/^\t+/, '') : line) === doc.delimiter) {
          found = true;
        } else if (doc.quoted) {
          b.pushVerbatim(this.t.slice(pos, Math.min(skipNewline(this.t, lineEnd), this.end)), pos);
        } else {
          this.decodeHeredocLine(b, pos, Math.min(skipNewline(this.t, lineEnd), this.end));
        }
        pos = skipNewline(this.t, lineEnd);
      }
      doc.command.stdin = b.build();
      if (!doc.quoted) doc.command.stdinQuoting = 'heredoc';
    }
    return pos;
  }

  private decodeHeredocLine(b: MappedTextBuilder, pos: number, end: number): void {
    const t = this.t;
    while (pos < end) {
      const c = t[pos];
      if (c === '\\' && /[$`\\]/.test(t[pos + 1] ?? '')) {
        b.push(t[pos + 1], pos, pos + 2);
        pos += 2;
      } else if (c === '$' || c === '`') {
        pos = this.readExpansion(b, [], pos);
      } else {
        b.push(c, pos);
        pos++;
      }
    }
  }

  private readWord(pos: number, terminator?: ')' | '`'): { word: ShellWord; end: number } {
    const t = this.t;
    const start = pos;
    const b = new MappedTextBuilder();
    const expansions: Expansion[] = [];
    const quoted: QuotedPart[] = [];
    while (pos < this.end) {
      const c = t[pos];
      // `.../generations/<YOUR_GENERATION_ID>`: a documentation placeholder inside a word, not a redirection
      // (written in the docs' commands, to be replaced before they run).
      const placeholder = c === '<' && pos > start ? PLACEHOLDER.exec(t.slice(pos, Math.min(pos + 80, this.end))) : null;
      if (placeholder) {
        b.pushVerbatim(placeholder[0], pos);
        pos += placeholder[0].length;
        continue;
      }
      if (WORD_END.has(c) || (terminator === '`' && c === '`')) break;
      if (c === "'") {
        const close = t.indexOf("'", pos + 1);
        const stop = close < 0 || close >= this.end ? this.end : close;
        b.pushVerbatim(t.slice(pos + 1, stop), pos + 1);
        quoted.push({ quote: "'", span: { start: pos + 1, end: stop } });
        pos = stop + 1;
      } else if (c === '$' && t[pos + 1] === "'") {
        pos = this.readAnsiC(b, pos + 2);
      } else if (c === '"' || (c === '$' && t[pos + 1] === '"')) {
        const open = c === '$' ? pos + 2 : pos + 1;
        pos = this.readDoubleQuoted(b, expansions, open);
        quoted.push({ quote: '"', span: { start: open, end: Math.min(pos - 1, this.end) } });
      } else if (c === '\\') {
        if (isNewline(t[pos + 1])) pos = skipNewline(t, pos + 1);
        else if (pos + 1 < this.end) {
          b.push(t[pos + 1], pos, pos + 2);
          pos += 2;
        } else pos++;
      } else if (c === '$' || c === '`') {
        pos = this.readExpansion(b, expansions, pos);
      } else {
        b.push(c, pos);
        pos++;
      }
    }
    return { word: { value: b.build(), span: { start, end: Math.min(pos, this.end) }, expansions, quoted }, end: pos };
  }

  private readDoubleQuoted(b: MappedTextBuilder, expansions: Expansion[], pos: number): number {
    const t = this.t;
    while (pos < this.end && t[pos] !== '"') {
      const c = t[pos];
      if (c === '\\') {
        const n = t[pos + 1];
        if (isNewline(n)) pos = skipNewline(t, pos + 1);
        else if (n === '$' || n === '`' || n === '"' || n === '\\') {
          b.push(n, pos, pos + 2);
          pos += 2;
        } else {
          b.push(c, pos);
          pos++;
        }
      } else if (c === '$' || c === '`') {
        pos = this.readExpansion(b, expansions, pos);
      } else {
        b.push(c, pos);
        pos++;
      }
    }
    return pos + 1;
  }

  private readAnsiC(b: MappedTextBuilder, pos: number): number {
    const t = this.t;
    const escapes: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', "'": "'", '"': '"', e: '\u001b', a: '\u0007', b: '\b', f: '\f', v: '\v' };
    while (pos < this.end && t[pos] !== "'") {
      if (t[pos] === '\\' && pos + 1 < this.end) {
        b.push(escapes[t[pos + 1]] ?? t[pos + 1], pos, pos + 2);
        pos += 2;
      } else {
        b.push(t[pos], pos);
        pos++;
      }
    }
    return pos + 1;
  }

  /** The commands of a command substitution, lexed by a lexer of their own; returns the position after it. */
  private nested(pos: number, terminator: ')' | '`'): number {
    if (this.depth < MAX_NESTING) return new ShellLexer(this.t, this.end, this.out, this.depth + 1).lexList(pos, terminator);
    return closingPosition(this.t, pos, this.end, terminator === ')' ? '(' : undefined, terminator);
  }

  /** `$NAME`, `${…}`, `$(…)`, `$((…))`, `` `…` ``, `$1`: an unknown part of the word (a lone `$` is literal). */
  private readExpansion(b: MappedTextBuilder, expansions: Expansion[], pos: number): number {
    const t = this.t;
    const start = pos;
    let end: number;
    let name: string | undefined;
    let fallback: string | undefined;
    if (t[pos] === '`') {
      end = this.nested(pos + 1, '`');
    } else if (t.startsWith('$((', pos)) {
      const close = t.indexOf('))', pos + 3);
      end = close < 0 ? this.end : close + 2;
    } else if (t[pos + 1] === '(') {
      end = this.nested(pos + 2, ')');
    } else if (t[pos + 1] === '{') {
      end = closingPosition(t, pos + 2, this.end, '{', '}');
      const inner = /^([A-Za-z_]\w*)(?::?[-=](.*))?$/s.exec(t.slice(pos + 2, end - 1));
      name = inner?.[1];
      fallback = inner?.[2]?.replace(/^(["'])(.*)\1$/s, '$2');
    } else {
      const simple = /^(?:[A-Za-z_]\w*|[0-9@*#?$!-])/.exec(t.slice(pos + 1, pos + 65));
      if (!simple) {
        b.push('$', pos);
        return pos + 1;
      }
      end = pos + 1 + simple[0].length;
      if (/^[A-Za-z_]/.test(simple[0])) name = simple[0];
    }
    end = Math.min(end, this.end);
    const from = b.length;
    // The text of an expansion is for messages (`$LEONARDO_API_KEY`); a long one is cut. Every
    // enclosing `$(…)` level pushes it again, so 100 KB of nested substitutions cost 32 × 100 KB.
    b.pushExpansion(t.slice(start, Math.min(end, start + MAX_EXPANSION_TEXT)), start, end);
    expansions.push({ name, fallback, start: from, end: b.length });
    return end;
  }
}

/**
 * The position after the `close` that ends a construct whose text starts at `pos` (`$(…)`, `${…}`,
 * backticks): nested `open`s counted, quotes and backslash escapes skipped, without recursion.
 */
function closingPosition(t: string, pos: number, end: number, open: string | undefined, close: string): number {
  let depth = 0;
  for (let i = pos; i < end; i++) {
    const c = t[i];
    if (c === '\\') i++;
    else if (c === "'" || c === '"') {
      const quote = t.indexOf(c, i + 1);
      if (quote < 0) return end;
      i = quote;
    } else if (c === open) depth++;
    else if (c === close && depth-- === 0) return i + 1;
  }
  return end;
}

function isRedirection(t: string, pos: number): boolean {
  return /^(?:\d*[<>]|&>)/.test(t.slice(pos, pos + 4));
}

function skipNewline(t: string, pos: number): number {
  if (t[pos] === '\r' && t[pos + 1] === '\n') return pos + 2;
  return isNewline(t[pos]) ? pos + 1 : pos;
}
