// Markdown: curl commands inside fenced code blocks (```bash, sh, shell, zsh, console, or no
// language) and indented code blocks, and REST Client requests inside ```http blocks. Prose is never
// linted. `$ ` prompts are blanked out (and, in console transcripts, the output lines), so spans
// stay those of the document.

import type { Catalogue } from '../../api/types.js';
import type { LintDocument, RequestSite } from '../types.js';
import { httpRequestsIn } from './http.js';
import type { Extraction } from './index.js';
import { curlRequestsIn } from './shell.js';
import { lexShell } from './text/shell-lexer.js';
import { appendAll } from '../arrays.js';

const SHELL_INFO = new Set(['', 'bash', 'sh', 'shell', 'zsh', 'shellscript', 'console', 'shell-session', 'terminal', 'curl']);
const SESSION_INFO = new Set(['console', 'shell-session', 'terminal']);
const HTTP_INFO = new Set(['http', 'rest']);

export interface CodeBlock {
  /** The language of a fenced block (lower-cased first word of the info string), '' for none or indented. */
  info: string;
  /** The block's content, without fences. */
  start: number;
  end: number;
}

interface Line {
  start: number;
  /** End of the text, before the line break. */
  end: number;
  text: string;
}

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  const re = /\r\n|\n|\r/g;
  let start = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    lines.push({ start, end: m.index, text: text.slice(start, m.index) });
    start = m.index + m[0].length;
  }
  lines.push({ start, end: text.length, text: text.slice(start) });
  return lines;
}

const isBlankLine = (line: Line | undefined): boolean => !line || line.text.trim() === '';

/** Fenced and indented code blocks, in document order. */
export function codeBlocks(text: string): CodeBlock[] {
  const lines = splitLines(text);
  const blocks: CodeBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const fence = /^(\s*)(`{3,}|~{3,})\s*([^\s`{]*)/.exec(line.text);
    if (fence) {
      const marker = fence[2]!;
      let j = i + 1;
      while (j < lines.length && !closesFence(lines[j]!.text, marker)) j++;
      const first = lines[i + 1];
      const last = lines[j - 1];
      if (first && last && j > i + 1) blocks.push({ info: fence[3]!.toLowerCase(), start: first.start, end: last.end });
      i = j;
      continue;
    }
    if (/^(?: {4}|\t)/.test(line.text) && line.text.trim() !== '' && isBlankLine(lines[i - 1])) {
      let j = i;
      while (j < lines.length && (/^(?: {4}|\t)/.test(lines[j]!.text) || (isBlankLine(lines[j]) && /^(?: {4}|\t)/.test(lines[j + 1]?.text ?? '')))) j++;
      blocks.push({ info: '', start: line.start, end: lines[j - 1]!.end });
      i = j - 1;
    }
  }
  return blocks;
}

function closesFence(line: string, marker: string): boolean {
  const m = /^\s*(`{3,}|~{3,})\s*$/.exec(line);
  return !!m && m[1]![0] === marker[0] && m[1]!.length >= marker.length;
}

/**
 * Blank out, in a shell block, the prompts (`$ `, `% `, and `> ` continuation prompts in a session)
 * and, in a console session, the output lines. `chars` is the document as UTF-16 units.
 */
function maskShellBlock(chars: string[], text: string, block: CodeBlock): void {
  const session = SESSION_INFO.has(block.info);
  let open: OpenState = { quote: undefined, continued: false };
  for (const line of splitLines(text.slice(block.start, block.end))) {
    const start = block.start + line.start;
    const inCommand = open.quote !== undefined || open.continued;
    const prompt = inCommand && open.quote ? null : /^(\s*)([$%] |>\s)/.exec(line.text);
    if (prompt && (prompt[2]![0] !== '>' || (session && inCommand))) {
      for (let k = prompt[1]!.length; k < prompt[0].length; k++) chars[start + k] = ' ';
    } else if (session && !inCommand) {
      for (let k = 0; k < line.text.length; k++) chars[start + k] = ' ';
      continue;
    }
    open = scanLine(line.text, open.quote);
  }
}

interface OpenState {
  /** The quote left open at the end of the line. */
  quote: string | undefined;
  /** The line ends with a `\` continuation. */
  continued: boolean;
}

/** Quote state at the end of a line, starting inside `quote` (a multi-line `--data '…'`). */
function scanLine(line: string, quote: string | undefined): OpenState {
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quote) {
      if (c === '\\' && quote === '"') i++;
      else if (c === quote) quote = undefined;
    } else if (c === '\\') i++;
    else if (c === "'" || c === '"') quote = c;
    else if (c === '#' && (i === 0 || /\s/.test(line[i - 1]!))) break;
  }
  return { quote, continued: quote === undefined && /\\$/.test(line) };
}

export function extractFromMarkdown(doc: LintDocument, catalogue: Catalogue): Extraction {
  const blocks = codeBlocks(doc.text);
  if (blocks.length === 0) return { requests: [] };
  const requests: RequestSite[] = [];
  const shellBlocks: CodeBlock[] = [];
  for (const block of blocks) {
    if (HTTP_INFO.has(block.info)) appendAll(requests, httpRequestsIn(doc.text, block.start, block.end, catalogue));
    else if (SHELL_INFO.has(block.info) && /\bcurl\b/.test(doc.text.slice(block.start, block.end))) shellBlocks.push(block);
  }
  if (shellBlocks.length > 0) {
    const chars = doc.text.split('');
    for (const block of shellBlocks) maskShellBlock(chars, doc.text, block);
    const masked = chars.join('');
    // One command list for the whole document: a variable set in one block is known in the next.
    const commands = shellBlocks.flatMap((block) => lexShell(masked, block.start, block.end));
    appendAll(requests, curlRequestsIn(doc.text, commands, catalogue));
  }
  return { requests: requests.sort((a, b) => a.span.start - b.span.start) };
}
