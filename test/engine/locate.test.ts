import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import ts from 'typescript';
import { expressionAt } from '../../server/src/engine/extract/ts/locate.js';

/** Every node in document order, with parents, as the textbook walk sees them. */
function allNodes(sourceFile: ts.SourceFile): ts.Node[] {
  const out: ts.Node[] = [];
  const visit = (node: ts.Node): void => {
    out.push(node);
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return out;
}

const statement = (i: number) =>
  [
    `const url${i} = 'https://cloud.leonardo.ai/api/rest/v1/generations'`,
    `register(url${i})`,
    `// a comment before ${i}`,
    `export async function generate${i}(prompt: string) {`,
    ...Array.from({ length: 20 }, (_, k) => `  const v${k} = prompt.length + ${k}; /* ${k} */`),
    `  log(prompt)`,
    `  return fetch(url${i}, { method: 'POST', body: JSON.stringify({ prompt, width: ${i} }) });`,
    `}`,
  ].join('\n');

describe('expressionAt', () => {
  it('finds the outermost expression at every expression span, as a walk of the whole tree does', () => {
    const text = Array.from({ length: 40 }, (_, i) => statement(i)).join('\n\n');
    const sourceFile = ts.createSourceFile('f.ts', text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
    const nodes = allNodes(sourceFile);
    let checked = 0;
    for (const node of nodes) {
      if (!ts.isExpression(node)) continue;
      const span = { start: node.getStart(sourceFile), end: node.end };
      // The outermost expression with exactly this span, first in document order.
      const expected = nodes.find((n) => ts.isExpression(n) && n.getStart(sourceFile) === span.start && n.end === span.end);
      assert.equal(expressionAt(sourceFile, span), expected, `at ${span.start}-${span.end}`);
      checked++;
    }
    assert.ok(checked > 2000);
  });

  it('finds nothing for a span that is not an expression, or lies in a comment', () => {
    const text = Array.from({ length: 40 }, (_, i) => statement(i)).join('\n\n');
    const sourceFile = ts.createSourceFile('f.ts', text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
    const comment = text.indexOf('// a comment before 7');
    assert.equal(expressionAt(sourceFile, { start: comment, end: comment + 5 }), undefined);
    const keyword = text.indexOf('export async function generate9');
    assert.equal(expressionAt(sourceFile, { start: keyword, end: keyword + 6 }), undefined);
  });
});
