// Where a document is broken, found by parsers independent of the engine's extractors: TypeScript's
// own parse diagnostics, jsonc-parser's errors, and for shell scripts and .http files a small word
// lexer of this file plus jsonc-parser on every request body. Each error is a span of the document.

import { parse, printParseErrorCode, type ParseError } from 'jsonc-parser';
import ts from 'typescript';
import type { DocumentKind, Span } from '../../server/src/engine/types.js';

/** A parse error: where, and what the parser said. */
export interface ParseProblem extends Span {
  message: string;
}

/** Parse errors of a document of this kind (one error over the whole text when the parser gives up). */
export function syntaxErrors(text: string, kind: DocumentKind, path = ''): ParseProblem[] {
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

function tsErrors(text: string, kind: DocumentKind, path: string): ParseProblem[] {
  const scriptKind = /\.(m|c)?js$|\.jsx$/.test(path) || kind === 'javascript' ? ts.ScriptKind.JS : ts.ScriptKind.TS;
  try {
    const file = ts.createSourceFile(path || 'fuzz.ts', text, ts.ScriptTarget.Latest, false, scriptKind);
    const diagnostics = (file as unknown as { parseDiagnostics: readonly ts.Diagnostic[] }).parseDiagnostics;
    return diagnostics.map((d) => ({ start: d.start ?? 0, end: (d.start ?? 0) + (d.length ?? 0), message: ts.flattenDiagnosticMessageText(d.messageText, '\n') }));
  } catch {
    return [{ start: 0, end: text.length, message: 'the parser gave up' }];
  }
}

/** jsonc-parser's errors, shifted by `base` (the JSON text's offset in the document). */
export function jsonErrors(text: string, allowComments: boolean, base = 0): ParseProblem[] {
  const errors: ParseError[] = [];
  try {
    parse(text, errors, { allowTrailingComma: false, disallowComments: !allowComments, allowEmptyContent: false });
  } catch {
    return [{ start: base, end: base + text.length, message: 'the parser gave up' }];
  }
  return errors.map((e) => ({ start: base + e.offset, end: base + e.offset + e.length, message: printParseErrorCode(e.error) }));
}

// -- Shell ---------------------------------------------------------------------------------------

export interface Word {
  /** The word's value after quote removal. */
  value: string;
  /** The document offset of each character of `value`. */
  offsets: number[];
  start: number;
  end: number;
}

export interface LexedShell {
  words: Word[][];
  /** Quotes left open at the end of the text: from the quote to the end. */
  unterminated: ParseProblem[];
}

/**
 * Commands as lists of words: single quotes, double quotes (with `\` before `$`, backquote, `"`, `\`
 * and newline), backslash escapes and line continuations, comments, `;`/`&`/`|`/newline between
 * commands, here-documents skipped. Enough to find curl's data arguments in any script.
 */
export function lexWords(text: string, base = 0): LexedShell {
  const commands: Word[][] = [[]];
  const unterminated: ParseProblem[] = [];
  let i = 0;
  const pendingHeredocs: Array<{ delimiter: string; strip: boolean }> = [];
  const command = () => commands[commands.length - 1];
  while (i < text.length) {
    const c = text[i];
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
        pendingHeredocs.push({ delimiter: m[3], strip: m[1] === '-' });
        i += m[0].length;
        continue;
      }
    }
    const start = i;
    let value = '';
    const offsets: number[] = [];
    const take = (at: number) => {
      value += text[at];
      offsets.push(base + at);
    };
    while (i < text.length) {
      const ch = text[i];
      if (' \t\n\r;&|()'.includes(ch)) break;
      if (ch === '\\') {
        if (text[i + 1] === '\n') i += 2;
        else if (text[i + 1] === '\r' && text[i + 2] === '\n') i += 3;
        else {
          if (i + 1 < text.length) take(i + 1);
          i += 2;
        }
      } else if (ch === "'") {
        const close = text.indexOf("'", i + 1);
        const stop = close < 0 ? text.length : close;
        if (close < 0) unterminated.push({ start: base + i, end: base + text.length, message: 'unterminated quote' });
        for (let j = i + 1; j < stop; j++) take(j);
        i = stop + 1;
      } else if (ch === '"') {
        const open = i++;
        let closed = false;
        while (i < text.length) {
          const d = text[i];
          if (d === '"') {
            closed = true;
            i++;
            break;
          }
          if (d === '\\' && i + 1 < text.length && '$`"\\\n'.includes(text[i + 1])) {
            if (text[i + 1] !== '\n') take(i + 1);
            i += 2;
          } else {
            take(i);
            i++;
          }
        }
        if (!closed) unterminated.push({ start: base + open, end: base + text.length, message: 'unterminated quote' });
      } else {
        take(i);
        i++;
      }
    }
    if (i > start) command().push({ value, offsets, start: base + start, end: base + Math.min(i, text.length) });
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

/** The JSON body of a curl command: a data option's argument (or what is attached to `-d`). */
interface Body {
  value: string;
  offsets: number[];
}

export function curlBodies(lexed: LexedShell): Body[] {
  const bodies: Body[] = [];
  for (const words of lexed.words) {
    if (!words.some((w) => /(^|\/)curl$/.test(w.value))) continue;
    words.forEach((w, i) => {
      const next = words[i + 1];
      if (DATA_OPTIONS.has(w.value) && next) bodies.push(next);
      else if (/^-d./.test(w.value)) bodies.push({ value: w.value.slice(2), offsets: w.offsets.slice(2) });
    });
  }
  return bodies.filter((b) => /^\s*[[{]/.test(b.value));
}

function shellErrors(text: string, base = 0): ParseProblem[] {
  const lexed = lexWords(text, base);
  const bodyErrors = curlBodies(lexed).flatMap((body) =>
    jsonErrors(body.value, false).map((e) => {
      const last = body.offsets[body.offsets.length - 1] ?? base;
      const at = (i: number) => body.offsets[i] ?? last + 1;
      return { start: at(e.start), end: e.end > e.start ? at(e.end - 1) + 1 : at(e.start), message: e.message };
    }),
  );
  return [...lexed.unterminated, ...bodyErrors];
}

// -- .http and Markdown --------------------------------------------------------------------------

interface Line {
  start: number;
  text: string;
}

function lines(text: string, base: number): Line[] {
  const out: Line[] = [];
  for (const m of text.matchAll(/[^\r\n]*(?:\r\n|\r|\n|$)/g)) {
    if (m[0] === '' && m.index >= text.length && out.length > 0) break;
    out.push({ start: base + m.index, text: m[0].replace(/[\r\n]+$/, '') });
    if (m.index >= text.length) break;
  }
  return out;
}

const COMMENT_LINE = /^[ \t]*(?:#|\/\/).*$/gm;

/** Bodies of an .http file: after the first blank line that follows a request line, up to `###`. */
function httpErrors(text: string, base = 0): ParseProblem[] {
  const errors: ParseProblem[] = [];
  let block: Line[] = [];
  const flush = () => {
    const request = block.findIndex((l) => /^\s*(?:GET|POST|PUT|PATCH|DELETE)\s+\S/i.test(l.text));
    const blank = request < 0 ? -1 : block.findIndex((l, i) => i > request && l.text.trim() === '');
    const body = blank < 0 ? [] : block.slice(blank + 1);
    const first = body.find((l) => l.text.trim() !== '' && !/^\s*(?:#|\/\/)/.test(l.text));
    if (first && /^\s*[[{]/.test(first.text)) {
      const last = body[body.length - 1];
      // Comment lines blanked, so offsets stay the document's.
      const json = text.slice(first.start - base, last.start - base + last.text.length).replace(COMMENT_LINE, (c) => ' '.repeat(c.length));
      errors.push(...jsonErrors(json, false, first.start));
    }
    block = [];
  };
  for (const line of lines(text, base)) {
    if (/^[ \t]*###/.test(line.text)) flush();
    else block.push(line);
  }
  flush();
  return errors;
}

function markdownErrors(text: string): ParseProblem[] {
  const errors: ParseProblem[] = [];
  const fence = /^([ \t]*)(`{3,}|~{3,})[ \t]*([\w-]*)[^\r\n]*\r?\n([\s\S]*?)^\1\2[ \t]*$/gm;
  for (const m of text.matchAll(fence)) {
    const lang = m[3].toLowerCase();
    const base = m.index + m[0].indexOf('\n') + 1;
    if (/^(?:bash|sh|shell|zsh|console)$/.test(lang)) errors.push(...shellErrors(m[4], base));
    else if (/^(?:http|rest)$/.test(lang)) errors.push(...httpErrors(m[4], base));
  }
  return errors;
}
