// The code blocks of a Markdown document, read once for extraction (markdown.ts: what is linted) and
// suppressions (suppressions.ts: where a `#` comment is a directive), so the two always agree on what
// is code. CommonMark's rules, as far as code blocks need them:
// - a fence is 3+ backticks or tildes indented at most 3 columns (a backtick fence's info string has
//   no backtick); it closes at a line of the same character, at least as long, indented at most 3
//   columns, with nothing after it but blanks; unclosed, it runs to the end of the document;
// - a line indented 4+ columns after a blank line (an indented code block cannot interrupt a
//   paragraph) starts an indented code block, which runs on over blank lines while indented lines follow;
// - inside a list item, both are measured from the item's content column (`- `, `1. `), so a fence in
//   a nested list step is a fence. Block quotes, lazy continuation lines and HTML blocks are not read.
// Written by hand: the project has no Markdown parser among its dependencies (markdown-it is only in
// node_modules as a build tool's own dependency), and these few rules are all the linter needs.

export interface CodeBlock {
  /** The language of a fenced block (lower-cased first word of the info string), '' for none or indented. */
  info: string;
  fenced: boolean;
  /** The block's content, without its fences: from the start of its first line to the end of its last. */
  start: number;
  end: number;
}

export interface Line {
  start: number;
  /** End of the text, before the line break. */
  end: number;
  text: string;
}

export function splitLines(text: string): Line[] {
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

const isBlank = (line: Line | undefined): boolean => line === undefined || line.text.trim() === '';

/** The column a line's text starts at (a tab advances to the next multiple of 4), and at which character. */
function indentOf(text: string): { column: number; at: number } {
  let column = 0;
  let at = 0;
  for (; at < text.length; at++) {
    if (text[at] === ' ') column++;
    else if (text[at] === '\t') column += 4 - (column % 4);
    else break;
  }
  return { column, at };
}

const FENCE = /^(`{3,}|~{3,})[ \t]*([^\s`{]*)/;
const LIST_ITEM = /^(?:[-+*]|\d{1,9}[.)])( {1,4})(?=\S)/;

/** Fenced and indented code blocks, in document order (empty fenced blocks left out). */
export function codeBlocks(text: string): CodeBlock[] {
  const lines = splitLines(text);
  // After a final line break there is no line: an unclosed fence ends with the document's last line.
  if (lines.length > 1 && lines[lines.length - 1].start === text.length) lines.pop();
  const blocks: CodeBlock[] = [];
  // Content columns of the list items the current line may be inside, innermost last.
  const items: number[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (isBlank(line)) continue;
    const { column, at } = indentOf(line.text);
    while (items.length > 0 && column < items[items.length - 1]) items.pop();
    const container = items[items.length - 1] ?? 0;
    const rest = line.text.slice(at);
    const fence = column - container <= 3 ? FENCE.exec(rest) : null;
    if (fence && !(fence[1][0] === '`' && rest.slice(fence[1].length).includes('`'))) {
      const marker = fence[1];
      let j = i + 1;
      while (j < lines.length && !closesFence(lines[j].text, marker, container)) j++;
      if (j > i + 1) blocks.push({ info: fence[2].toLowerCase(), fenced: true, start: lines[i + 1].start, end: lines[j - 1].end });
      i = j;
      continue;
    }
    if (column - container >= 4 && isBlank(lines[i - 1])) {
      let last = i;
      for (let j = i + 1; j < lines.length; j++) {
        if (isBlank(lines[j])) continue;
        if (indentOf(lines[j].text).column - container < 4) break;
        last = j;
      }
      blocks.push({ info: '', fenced: false, start: line.start, end: lines[last].end });
      i = last;
      continue;
    }
    const item = LIST_ITEM.exec(rest);
    if (item) items.push(column + item[0].length);
  }
  return blocks;
}

function closesFence(line: string, marker: string, container: number): boolean {
  const { column, at } = indentOf(line);
  if (column - container > 3) return false;
  const m = /^(`{3,}|~{3,})[ \t]*$/.exec(line.slice(at));
  return m !== null && m[1][0] === marker[0] && m[1].length >= marker.length;
}

/** Whether `offset` lies on a content line of one of `blocks` (sorted, as codeBlocks returns them). */
export function inCodeBlock(blocks: readonly CodeBlock[], offset: number): boolean {
  let low = 0;
  let high = blocks.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (blocks[middle].end < offset) low = middle + 1;
    else high = middle;
  }
  const block = blocks[low];
  return block !== undefined && block.start <= offset;
}
