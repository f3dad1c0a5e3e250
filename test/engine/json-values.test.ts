// JSON text → Values, against jsonc-parser's own tree: parseJsonValue builds Values from the
// parser's events, and every Value must have the extent parseTree gives the same node (cut at the
// end of the text), on valid JSON and on JSON broken the ways an editor breaks it mid-typing.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseTree, type Node, type ParseError } from 'jsonc-parser';
import { parseJsonValue, parseWithVisitor } from '../../server/src/engine/extract/json-values.js';
import type { Span, Value } from '../../server/src/engine/types.js';
import { applyTextEdit, textEdit } from '../fuzz/text-mutations.js';

const BASE = 7;

function clampedEnd(node: Node, length: number): number {
  return node.offset + Math.max(0, Math.min(node.length, length - node.offset));
}

function spanOf(node: Node, length: number): Span {
  return { start: BASE + node.offset, end: BASE + clampedEnd(node, length) };
}

/** Compare a Value with the parseTree node it stands for, at nesting `depth`. */
function expectLike(value: Value, node: Node, text: string, depth: number, where: string): void {
  assert.deepEqual(value.span, spanOf(node, text.length), `${where}: span`);
  const container = node.type === 'object' || node.type === 'array';
  if (container && depth >= 64) {
    assert.equal(value.kind, 'unknown', `${where}: too deep`);
    return;
  }
  switch (node.type) {
    case 'string':
      assert.ok(value.kind === 'string' && value.value === node.value, `${where}: string`);
      return;
    case 'number':
      assert.ok(value.kind === 'number' && Object.is(value.value, node.value), `${where}: number`);
      assert.equal(value.raw, text.slice(node.offset, clampedEnd(node, text.length)), `${where}: raw`);
      return;
    case 'boolean':
      assert.ok(value.kind === 'boolean' && value.value === node.value, `${where}: boolean`);
      return;
    case 'null':
      assert.equal(value.kind, 'null', `${where}: null`);
      return;
    case 'array': {
      assert.ok(value.kind === 'array', `${where}: array`);
      const children = node.children ?? [];
      assert.equal(value.elements.length, children.length, `${where}: element count`);
      children.forEach((child, i) => expectLike(value.elements[i], child, text, depth + 1, `${where}[${i}]`));
      return;
    }
    case 'object': {
      assert.ok(value.kind === 'object', `${where}: object`);
      const members = node.children ?? [];
      assert.equal(value.properties.length, members.length, `${where}: property count`);
      members.forEach((member, i) => {
        const property = value.properties[i];
        const [key, child] = member.children!;
        assert.equal(property.key, key.value, `${where}: key ${i}`);
        assert.deepEqual(property.keySpan, spanOf(key, text.length), `${where}.${property.key}: key span`);
        const end = child ? clampedEnd(child, text.length) : clampedEnd(key, text.length);
        assert.deepEqual(property.span, { start: BASE + member.offset, end: BASE + end }, `${where}.${property.key}: span`);
        if (child) expectLike(property.value, child, text, depth + 1, `${where}.${property.key}`);
        else assert.equal(property.value.kind, 'unknown', `${where}.${property.key}: missing value`);
      });
      assert.equal(value.hasUnknownKeys, members.some((m) => m.children!.length < 2), `${where}: unknown keys`);
      const last = members[members.length - 1];
      assert.equal(value.insertAt, BASE + (last ? clampedEnd(last, text.length) : node.offset + 1), `${where}: insertAt`);
      return;
    }
    default:
      assert.fail(`${where}: unexpected node ${node.type}`);
  }
}

function check(source: string, allowComments = true): void {
  // parseJsonValue reads a byte-order mark as a space.
  const text = source.charCodeAt(0) === 0xfeff ? ` ${source.slice(1)}` : source;
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { disallowComments: !allowComments, allowTrailingComma: false, allowEmptyContent: true });
  const parsed = parseJsonValue(source, { baseOffset: BASE, allowComments });
  assert.deepEqual(
    parsed.errors.map((e) => e.span.start - BASE),
    errors.map((e) => e.offset),
    `errors of ${JSON.stringify(text)}`,
  );
  if (!root) {
    assert.equal(parsed.value, undefined, `no value for ${JSON.stringify(text)}`);
    return;
  }
  assert.ok(parsed.value, `a value for ${JSON.stringify(text)}`);
  expectLike(parsed.value, root, text, 0, JSON.stringify(text));
}

describe('parseJsonValue', () => {
  it('gives every value the extent of jsonc-parser’s tree, on broken JSON as an editor leaves it', () => {
    for (const text of [
      '{"prompt": "a cat", "width": 512, "alchemy": true, "seed": null, "tags": [1, 2.5, -0, 1e999]}',
      '{"a": }',
      '{"a": , "b": 1}',
      '{"a" "b": 1}',
      '{"a": 1 "b": 2}',
      '{"a": [1, {"b": }',
      '{"a": "unterminated',
      '[1, 2 /* unterminated comment',
      '{"a": /* unterminated comment',
      '{"a": 1, "b" /* unterminated',
      '{"a" /*',
      '{"a": [1 /*',
      '[/*',
      '{"a": 1} trailing',
      '{"a": 1,}',
      '\uFEFF{"a": 1}',
      '',
      '   ',
      '}',
      '{"a": {"b": {"c": [[[]]]}}}',
      `${'['.repeat(70)}1${']'.repeat(70)}`,
      `${'{"k":'.repeat(70)}1${'}'.repeat(70)}`,
      `${'['.repeat(70)}`,
    ]) {
      check(text);
    }
  });

  it('matches jsonc-parser on random JSON and random edits of it', () => {
    fc.assert(
      fc.property(fc.json({ maxDepth: 4 }), fc.array(textEdit, { maxLength: 4 }), fc.boolean(), (json, edits, comments) => {
        const pretty = JSON.stringify(JSON.parse(json), null, 2) ?? json;
        check(edits.reduce(applyTextEdit, pretty), comments);
      }),
      { numRuns: 600, seed: 20261202 },
    );
  });

  it('reads well-formed JSON by its fast path exactly as jsonc-parser’s visitor does', () => {
    const same = (source: string, allowComments: boolean) => {
      const text = source.charCodeAt(0) === 0xfeff ? ` ${source.slice(1)}` : source;
      assert.deepEqual(
        parseJsonValue(source, { baseOffset: BASE, allowComments }),
        parseWithVisitor(text, BASE, { allowComments }),
        `${JSON.stringify(source)}, comments ${allowComments}`,
      );
    };
    for (const text of [
      '// POST /generations\n{\n  "prompt": "a cat",\n  "width": 512\n}\n',
      '/* header */ {"a": /* inline */ 1 // trailing\n}',
      '{"esc\\"aped": "line\\nbreak \\u00e9 \\ud83d\\ude00 \\/ \\\\", "bad": "\\x"}',
      '{"n": [0, -0, 1.5e3, -2E-2, 1e999, 01, 1., .5, -, 1e, 12abc]}',
      '[true, false, null, truex, nul]',
      '{"a": 1,}',
      '{"a": "tab\tin string"}',
      '{"nbsp":\u00a01}',
      '{"a": 1}\u2028',
      '{"a": 1} // end',
      '{"a": 1} /* unterminated',
      ' \n ',
      '// only a comment',
      '\uFEFF{"a": [1, {"b": {}}, []]}',
      `${'['.repeat(300)}${']'.repeat(300)}`,
      `${'{"k":'.repeat(70)}1${'}'.repeat(70)}`,
    ]) {
      same(text, true);
      same(text, false);
    }
    fc.assert(
      fc.property(fc.json({ maxDepth: 4 }), fc.array(textEdit, { maxLength: 3 }), fc.boolean(), fc.boolean(), (json, edits, comments, pretty) => {
        const written = JSON.stringify(JSON.parse(json), null, pretty ? 2 : undefined) ?? json;
        same(edits.reduce(applyTextEdit, written), comments);
      }),
      { numRuns: 800, seed: 20261206 },
    );
  });
});
