// Which write of a reassigned `let`/`var` a use reads, in straight-line code: Leonardo's own Node
// samples reuse one `let response` for every call (`response = await axios.post(...)`, then
// `response = await axios.get(...)`), and a read of `response.data` belongs to the call assigned last
// before it. Only a write that certainly reaches the use is an answer: the last write before it, a
// statement of a statement list that holds the use, with no loop around the use that writes the
// name again, all writes being plain `x = value` statements in the declaring function. Anything else
// (a write in a branch, a loop or a callback) is no answer, never a guess.

import ts from 'typescript';
import type { Binding } from '../extract/ts/file-index.js';

/**
 * The expression that gives `binding` its value at `use` (its initializer, or the right side of one of
 * `writes`, the right sides of the file's `name = value` writes), or undefined when that cannot be known.
 */
export function reachingWrite(binding: Binding, use: ts.Node, writes: readonly ts.Expression[]): ts.Expression | undefined {
  const declaration = binding.node;
  if ((binding.kind !== 'let' && binding.kind !== 'var') || !ts.isVariableDeclaration(declaration) || !ts.isIdentifier(declaration.name)) return undefined;
  const home = enclosingFunction(declaration);
  if (enclosingFunction(use) !== home) return undefined;
  let last: { statement: ts.Node; value: ts.Expression | undefined; end: number } | undefined;
  if (declaration.end <= use.pos) last = { statement: declaration.parent.parent, value: declaration.initializer, end: declaration.end };
  for (const value of writes) {
    const assignment = value.parent;
    if (!ts.isBinaryExpression(assignment) || enclosingFunction(assignment) !== home) return undefined;
    if (assignment.end <= use.pos && (!last || assignment.end > last.end)) last = { statement: assignment.parent, value, end: assignment.end };
  }
  if (!last?.value) return undefined;
  const { statement } = last;
  if (!ts.isVariableStatement(statement) && !ts.isExpressionStatement(statement)) return undefined;
  const list = statement.parent;
  if (!(ts.isBlock(list) || ts.isSourceFile(list) || ts.isCaseClause(list) || ts.isDefaultClause(list) || ts.isModuleBlock(list))) return undefined;
  for (let node = use.parent; node !== list; node = node.parent) {
    if (!node) return undefined;
    if (isLoop(node) && writes.some((w) => w.pos >= node.pos && w.end <= node.end)) return undefined;
  }
  return last.value;
}

function isLoop(node: ts.Node): boolean {
  return ts.isForStatement(node) || ts.isForOfStatement(node) || ts.isForInStatement(node) || ts.isWhileStatement(node) || ts.isDoStatement(node);
}

function enclosingFunction(node: ts.Node): ts.Node {
  let current = node.parent;
  while (current && !ts.isFunctionLike(current) && !ts.isSourceFile(current)) current = current.parent;
  return current ?? node.getSourceFile();
}
