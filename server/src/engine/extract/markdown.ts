// Markdown: curl commands inside fenced code blocks (```bash, sh, shell, zsh, console, or no
// language) and indented code blocks, and REST Client requests inside ```http blocks. Prose is never
// linted. The blocks are read by markdown-blocks.ts, which suppressions read too. `$ ` prompts are blanked out (and, in console transcripts, the output lines), so spans
// stay those of the document.

import type { Catalogue } from '../../api/types.js';
import type { LintDocument, RequestSite } from '../types.js';
import { httpRequestsIn } from './http.js';
import type { Extraction } from './index.js';
import { curlRequestsIn } from './shell.js';
import { lexShell } from './text/shell-lexer.js';
import { appendAll } from '../arrays.js';
import { codeBlocks, splitLines, type CodeBlock } from './markdown-blocks.js';

const SHELL_INFO = new Set(['', 'bash', 'sh', 'shell', 'zsh', 'shellscript', 'console', 'shell-session', 'terminal', 'curl']);
const SESSION_INFO = new Set(['console', 'shell-session', 'terminal']);
const HTTP_INFO = new Set(['http', 'rest']);

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
    if (prompt && (prompt[2][0] !== '>' || (session && inCommand))) {
      for (let k = prompt[1].length; k < prompt[0].length; k++) chars[start + k] = ' ';
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
    else if (c === '#' && (i === 0 || /\s/.test(line[i - 1]))) break;
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
