// One reader of Markdown code blocks for extraction and suppressions: what is linted as code is
// exactly where a `#` disable comment counts, at any indentation (CommonMark's fences at most 3
// columns in, indented code blocks at 4, both measured inside list items from the item's content).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../server/src/engine/analyze.js';
import { codeBlocks } from '../../server/src/engine/extract/markdown-blocks.js';

const CURL = `curl -X POST https://cloud.leonardo.ai/api/rest/v1/generations -H "authorization: Bearer $LEONARDO_API_KEY" -H 'content-type: application/json' -d '{"prompt": "a fox", "num_imagez": 2}'`;
const DISABLE = '# leonardo-lint-disable-next-line unknown-field';

/** `body`'s lines indented by `indent`, after a paragraph and a blank line. */
function doc(indent: string, body: string[], before = 'Generate:'): string {
  return `${before}\n\n${body.map((line) => (line === '' ? '' : indent + line)).join('\n')}\n\nDone.\n`;
}

const CASES: Array<{ name: string; text: (lines: string[]) => string; code: boolean }> = [
  { name: 'a fence', text: (lines) => doc('', ['```bash', ...lines, '```']), code: true },
  { name: 'a fence indented 3 spaces', text: (lines) => doc('   ', ['```sh', ...lines, '```']), code: true },
  { name: 'a fence indented 4 spaces: an indented code block', text: (lines) => doc('    ', ['```bash', ...lines, '```']), code: true },
  { name: 'an indented code block', text: (lines) => doc('    ', lines), code: true },
  { name: 'a tab-indented code block', text: (lines) => doc('\t', lines), code: true },
  { name: 'a fence in a nested list step, 5 spaces in', text: (lines) => doc('     ', ['```bash', ...lines, '```'], '1. Install:\n   - then run:'), code: true },
  { name: 'a list item paragraph indented 4 spaces', text: (lines) => doc('    ', lines, '1. Run:'), code: false },
  { name: 'an indented line that continues a paragraph', text: (lines) => `Run:\n${lines.map((l) => `    ${l}`).join('\n')}\n`, code: false },
];

test('extraction and suppressions agree on every kind of block: linted where a disable comment counts', () => {
  for (const { name, text, code } of CASES) {
    const plain = analyze({ text: text([CURL]), kind: 'markdown', path: 'README.md' }).findings.map((f) => f.ruleId);
    assert.deepEqual(plain, code ? ['unknown-field'] : [], `${name}: linted`);
    const disabled = analyze({ text: text([DISABLE, CURL]), kind: 'markdown', path: 'README.md' }).findings.map((f) => f.ruleId);
    assert.deepEqual(disabled, [], `${name}: the disable comment suppresses exactly what is linted (no finding, no unused directive)`);
  }
});

test('code blocks: content spans, fences excluded, info only for fences', () => {
  const text = '# T\n\n```Bash title\ncurl a\n```\n\n~~~\nx\n~~~~\n\n    y\n\n    z\n\ntext\n```http\nGET /\n';
  const blocks = codeBlocks(text).map((b) => ({ info: b.info, fenced: b.fenced, content: text.slice(b.start, b.end) }));
  assert.deepEqual(blocks, [
    { info: 'bash', fenced: true, content: 'curl a' },
    { info: '', fenced: true, content: 'x' },
    { info: '', fenced: false, content: '    y\n\n    z' },
    { info: 'http', fenced: true, content: 'GET /' },
  ]);
  assert.deepEqual(codeBlocks('```\n```\n'), [], 'an empty fence has no content');
  assert.deepEqual(codeBlocks('``` a`b\nx\n'), [], 'a backtick fence with a backtick in its info string is not a fence');
  const open = '```\nx\n    ```\ny\n```\n';
  assert.deepEqual(codeBlocks(open).map((b) => open.slice(b.start, b.end)), ['x\n    ```\ny'], 'a closing fence indented 4 spaces does not close');
});
