// Resolving a name in the per-file index (file-index.ts) by position: an identifier use refers to
// the nearest scope around it that declares the name (syntax only, no type checker), found among
// the scopes declaring that name rather than by walking up the use's parents. Also what a use or an
// expression stands for once looked through: a constant's initializer, the expression under
// parentheses and type assertions.

import ts from 'typescript';
import type { Binding, FileIndex } from './file-index.js';

/** The binding an identifier use refers to, or undefined for globals and unknown names. */
export function resolveIdentifier(index: FileIndex, id: ts.Identifier): Binding | undefined {
  const name = id.text;
  const bindings = index.byName.get(name);
  if (!bindings) return undefined;
  const pos = id.pos;
  const end = id.end;
  // A scope sees a use when the use lies within it: a node's range holds its subtree and nothing else
  // of any width. (A missing name, from a parse error, has no width and sits where the next node
  // starts, inside that node's range but not its subtree: it is looked up the long way.)
  if (end > pos) {
    if (bindings.length === 1) {
      const scope = bindings[0].scope;
      return scope.pos <= pos && end <= scope.end ? bindings[0] : undefined;
    }
    const found = innermostAround(index, name, bindings, pos, end);
    if (found !== LOOK_UP) return found;
  }
  return lookUp(index, id, name);
}

const LOOK_UP = Symbol('look up');
/** How many scopes that start before a use and do not hold it are passed over before looking up instead. */
const MAX_PASSED = 8;

/** Bindings by where their scopes start (a module function: see ARCHITECTURE.md, Performance). */
function byScopePos(a: Binding, b: Binding): number {
  return a.scope.pos - b.scope.pos;
}

/**
 * Of the scopes declaring `name`, the innermost holding [pos, end): the scopes around a use are
 * nested, so it is the one starting last before the use. Two scopes starting at one place (a
 * function that is the file's first statement, and the file) cannot be told apart by position:
 * LOOK_UP, as after passing more than MAX_PASSED scopes that end before the use.
 */
function innermostAround(index: FileIndex, name: string, bindings: Binding[], pos: number, end: number): Binding | undefined | typeof LOOK_UP {
  if (index.unsorted.delete(name)) bindings.sort(byScopePos);
  // The last binding whose scope starts at or before the use.
  let low = 0;
  let high = bindings.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (bindings[middle].scope.pos <= pos) low = middle + 1;
    else high = middle;
  }
  for (let i = low - 1, passed = 0; i >= 0; i--) {
    const scope = bindings[i].scope;
    if (end <= scope.end) return i > 0 && bindings[i - 1].scope.pos === scope.pos ? LOOK_UP : bindings[i];
    if (++passed > MAX_PASSED) return LOOK_UP;
  }
  return undefined;
}

/** Up the parent chain to the nearest scope that declares the name. */
function lookUp(index: FileIndex, id: ts.Identifier, name: string): Binding | undefined {
  const kinds = index.scopeKinds;
  for (let node: ts.Node | undefined = id.parent; node; node = node.parent) {
    if (!kinds[node.kind]) continue;
    const binding = index.scopes.get(node)?.get(name);
    if (binding) return binding;
  }
  return undefined;
}

/** The initializer of a binding whose value does not change: a `const`, or a never-reassigned `let`/`var`. */
export function constInitializer(binding: Binding | undefined): ts.Expression | undefined {
  if (!binding || binding.reassigned) return undefined;
  if (binding.kind !== 'const' && binding.kind !== 'let' && binding.kind !== 'var') return undefined;
  return binding.initializer;
}

/** The kinds `skipOuter` looks through: they wrap an `expression` and change nothing at run time. */
/** A table of syntax kinds, read by `table[node.kind]` (one array load in the hot loops, no Set lookup). */
export function kindTable(kinds: readonly ts.SyntaxKind[]): boolean[] {
  const table: boolean[] = [];
  for (const kind of kinds) table[kind] = true;
  return table;
}

const SK = ts.SyntaxKind;
const OUTER_KINDS = kindTable([SK.ParenthesizedExpression, SK.AsExpression, SK.SatisfiesExpression, SK.NonNullExpression, SK.TypeAssertionExpression]);

/** `a || b`, `a ?? b`: the right side is what the expression gives where the left has nothing. */
export function isFallbackOperator(kind: ts.SyntaxKind): boolean {
  return kind === ts.SyntaxKind.BarBarToken || kind === ts.SyntaxKind.QuestionQuestionToken;
}

/** The outermost of the parentheses, type assertions, `as`, `satisfies` and `!` around a node (the node itself without any). */
export function outermost(node: ts.Node): ts.Node {
  let current = node;
  while (OUTER_KINDS[current.parent.kind]) current = current.parent;
  return current;
}

/** Strip parentheses, type assertions, `as`, `satisfies` and non-null `!`. */
export function skipOuter(expression: ts.Expression): ts.Expression {
  let current = expression;
  while (OUTER_KINDS[current.kind]) current = (current as ts.ParenthesizedExpression).expression;
  return current;
}
