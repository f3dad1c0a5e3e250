// How broken a document is, counted by parsers independent of the engine's extractors: TypeScript's
// own parse diagnostics, jsonc-parser's errors, and for shell scripts and .http files a small
// word lexer of this file plus jsonc-parser on every request body. "A fix never makes a document
// less parsable" is `syntaxErrors(after) <= syntaxErrors(before)`.

import { parse, type ParseError } from 'jsonc-parser';
import ts from 'typescript';
import type { DocumentKind } from '../../server/src/engine/types.js';

/** Parse errors of a document of this kind (Infinity when the parser itself gives up). */
export function syntaxErrors(text: string, kind: DocumentKind, path = ''): number {
  switch (kind) {
    case 'typescript':
    case 'javascript':
      return tsErrors(text, kind, path);
    case 'json':
    case 'postman':
      return jsonErrors(text, false);
    case 'jsonc':
      return jsonErrors(text, true);
    case 'shell':
      return shellErrors(text);
    case 'http':
      return httpErrors(text);
    case 'markdown':
      return markdownErrors(text);
  }
}

function tsErrors(text: string, kind: DocumentKind, path: string): number {
  const scriptKind = /\.(m|c)?js$|\.jsx$/.test(path) || kind === 'javascript' ? ts.ScriptKind.JS : ts.ScriptKind.TS;
  try {
    const file = ts.createSourceFile(path || 'fuzz.ts', text, ts.ScriptTarget.Latest, false, scriptKind);
    return (file as unknown as { parseDiagnostics: readonly ts.Diagnostic[] }).parseDiagnostics.length;
  } catch {
    return Infinity;
  }
}

export function jsonErrors(text: string, allowComments: boolean): number {
  const errors: ParseError[] = [];
  parse(text, errors, { allowTrailingComma: false, disallowComments: !allowComments, allowEmptyContent: false });
  return errors.length;
}

// -- Shell ---------------------------------------------------------------------------------------

export interface Word {
  /** The word's value after quote removal. */
  value: string;
  start: number;
  end: number;
}

export interface LexedShell {
  words: Word[][];
  /** Quotes left open at the end of the text. */
  unterminated: number;
}

/**
 * Commands as lists of words: single quotes, double quotes (with `\` before `$`, backquote, `"`, `\`
 * and newline), backslash escapes and line continuations, comments, `;`/`&`/`|`/newline between
 * commands, here-documents skipped. Enough to find curl's data arguments in any script.
 */
export function lexWords(text: string): LexedShell {
  const commands: Word[][] = [[]];
  let unterminated = 0;
  let i = 0;
  const pendingHeredocs: Array<{ delimiter: string; strip: boolean }> = [];
  const command = () => commands[commands.length - 1]!;
  while (i < text.length) {
    const c = text[i]!;
    if (c === ' ' || c === '\t') {
      i++;
      continue;
    }
    if (c === '\n' || c === '\r' || c === ';' || c === '&' || c === '|' || c === '(' || c === ')') {
      if ((c === '\n' || c === '\r') && pendingHeredocs.length > 0) {
        i = skipHeredocs(text, i + (c === '\r' && text[i + 1] === '\n' ? 2 : 1), pendingHeredocs.splice(0));
      } else i++;
      if (command().length > 0) commands.push([]);
      continue;
    }
    if (c === '#') {
      while (i < text.length && text[i] !== '\n' && text[i] !== '\r') i++;
      continue;
    }
    if (c === '<' && text[i + 1] === '<' && text[i + 2] !== '<') {
      const m = /^<<(-?)\s*(['"]?)([A-Za-z_][\w-]*)\2/.exec(text.slice(i, i + 200));
      if (m) {
        pendingHeredocs.push({ delimiter: m[3]!, strip: m[1] === '-' });
        i += m[0].length;
        continue;
      }
    }
    const start = i;
    let value = '';
    while (i < text.length) {
      const ch = text[i]!;
      if (' \t\n\r;&|()'.includes(ch)) break;
      if (ch === '\\') {
        if (text[i + 1] === '\n') i += 2;
        else if (text[i + 1] === '\r' && text[i + 2] === '\n') i += 3;
        else {
          value += text[i + 1] ?? '';
          i += 2;
        }
      } else if (ch === "'") {
        const close = text.indexOf("'", i + 1);
        if (close < 0) {
          unterminated++;
          value += text.slice(i + 1);
          i = text.length;
        } else {
          value += text.slice(i + 1, close);
          i = close + 1;
        }
      } else if (ch === '"') {
        i++;
        let closed = false;
        while (i < text.length) {
          const d = text[i]!;
          if (d === '"') {
            closed = true;
            i++;
            break;
          }
          if (d === '\\' && i + 1 < text.length && '$`"\\\n'.includes(text[i + 1]!)) {
            if (text[i + 1] !== '\n') value += text[i + 1];
            i += 2;
          } else {
            value += d;
            i++;
          }
        }
        if (!closed) unterminated++;
      } else {
        value += ch;
        i++;
      }
    }
    if (i > start) command().push({ value, start, end: i });
    else i++;
  }
  return { words: commands.filter((c) => c.length > 0), unterminated };
}

function skipHeredocs(text: string, at: number, heredocs: Array<{ delimiter: string; strip: boolean }>): number {
  let i = at;
  for (const h of heredocs) {
    while (i < text.length) {
      let eol = i;
      while (eol < text.length && text[eol] !== '\n') eol++;
      const line = text.slice(i, eol).replace(/\r$/, '');
      i = eol + 1;
      if ((h.strip ? line.replace(/^\t+/, '') : line) === h.delimiter) break;
    }
  }
  return Math.min(i, text.length);
}

const DATA_OPTIONS = new Set(['-d', '--data', '--data-raw', '--data-binary', '--data-ascii', '--json']);

/** JSON bodies of curl commands: the argument of a data option (or attached to `-d`). */
export function curlBodies(lexed: LexedShell): string[] {
  const bodies: string[] = [];
  for (const words of lexed.words) {
    if (!words.some((w) => /(^|\/)curl$/.test(w.value))) continue;
    words.forEach((w, i) => {
      if (DATA_OPTIONS.has(w.value) && words[i + 1]) bodies.push(words[i + 1]!.value);
      else if (/^-d./.test(w.value)) bodies.push(w.value.slice(2));
    });
  }
  return bodies.filter((b) => /^\s*[[{]/.test(b));
}

function shellErrors(text: string): number {
  const lexed = lexWords(text);
  return lexed.unterminated + curlBodies(lexed).reduce((n, body) => n + jsonErrors(body, false), 0);
}

// -- .http and Markdown --------------------------------------------------------------------------

/** Bodies of an .http file: after the first blank line that follows a request line, up to `###`. */
export function httpBodies(text: string): string[] {
  const bodies: string[] = [];
  for (const block of text.split(/^[ \t]*###.*$/m)) {
    const lines = block.split(/\r\n|\r|\n/);
    const request = lines.findIndex((l) => /^\s*(?:GET|POST|PUT|PATCH|DELETE)\s+\S/i.test(l));
    if (request < 0) continue;
    const blank = lines.findIndex((l, i) => i > request && l.trim() === '');
    if (blank < 0) continue;
    const body = lines.slice(blank + 1).filter((l) => !/^\s*(?:#|\/\/)/.test(l)).join('\n').trim();
    if (/^[[{]/.test(body)) bodies.push(body);
  }
  return bodies;
}

function httpErrors(text: string): number {
  return httpBodies(text).reduce((n, body) => n + jsonErrors(body, false), 0);
}

function markdownErrors(text: string): number {
  let errors = 0;
  const fence = /^(\s*)(`{3,}|~{3,})[ \t]*([\w-]*)[^\n]*\n([\s\S]*?)^\1\2[ \t]*$/gm;
  for (const m of text.replace(/\r\n?/g, '\n').matchAll(fence)) {
    const lang = m[3]!.toLowerCase();
    if (/^(?:bash|sh|shell|zsh|console)$/.test(lang)) errors += shellErrors(m[4]!);
    else if (/^(?:http|rest)$/.test(lang)) errors += httpErrors(m[4]!);
  }
  return errors;
}
