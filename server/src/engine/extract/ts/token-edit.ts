// An edit that stays inside one string literal (the common keystroke of a Leonardo file: typing a
// prompt) leaves the file's syntax as it was: the same tokens, the same tree, one literal's text
// longer or shorter. For such an edit the tree is brought up to date in place, the way
// rust-analyzer's `reparse_token` relexes the one token an edit falls in before it reparses a block:
// the literal's text is replaced, the literal and its ancestors end later (or sooner), and every
// node after it moves. TypeScript's incremental parser, which this stands in for, moves the same
// nodes but first marks the ones around the edit and then reparses the file with a cursor over the
// old tree: on a 2,000-line file that was a fifth of a keystroke's analysis, and most of the time of
// the first keystrokes after a start, before V8 has optimised the parser's walks.
//
// Anything else (an edit that touches a quote, types an escape, a line break or `${`, spans two
// tokens, or a file with syntax errors) goes to TypeScript's incremental parser, as before.

import ts from 'typescript';
import type { Piece } from './file-index.js';
import { innermostAt } from './locate.js';
import type { TextChange } from './text-change.js';

const SK = ts.SyntaxKind;
const forEachChild = ts.forEachChild;

/** The parser's fields this reads and writes that TypeScript's public typings leave out. */
interface ParsedFile {
  text: string;
  parseDiagnostics: readonly ts.Diagnostic[];
  commentDirectives?: ReadonlyArray<{ range: ts.TextRange }>;
  lineMap?: readonly number[];
}

/** What an in-place edit changed: the literal, and the top-level statement it is in. */
export interface TokenEdit {
  statement: ts.Node;
  literal: ts.StringLiteral | ts.NoSubstitutionTemplateLiteral;
}

/**
 * Where a literal is a value the file's index never reads (file-index.ts reads a literal's text only
 * as a module name, an imported name or a class property's name): an edit of it leaves the index as
 * it was, and the index of the earlier version is reused whole.
 */
const VALUE_PARENTS = new Set<ts.SyntaxKind>([
  SK.PropertyAssignment,
  SK.BinaryExpression,
  SK.ReturnStatement,
  SK.ArrayLiteralExpression,
  SK.ConditionalExpression,
  SK.ParenthesizedExpression,
  SK.AsExpression,
  SK.SatisfiesExpression,
  SK.NonNullExpression,
  SK.AwaitExpression,
  SK.ArrowFunction,
  SK.ThrowStatement,
  SK.CaseClause,
  SK.ElementAccessExpression,
  SK.JsxAttribute,
  SK.NewExpression,
]);

/** Whether the edited literal is a value (VALUE_PARENTS, an initialiser, an argument): the file's index stays as it was. */
export function keepsIndex(edit: TokenEdit): boolean {
  const literal = edit.literal;
  const parent = literal.parent;
  if (VALUE_PARENTS.has(parent.kind)) return true;
  if (ts.isVariableDeclaration(parent) || ts.isParameter(parent) || ts.isPropertyDeclaration(parent)) return parent.initializer === literal;
  // An argument, except a module's name (`require('axios')`, `import('node-fetch')`).
  if (ts.isCallExpression(parent)) {
    const callee = parent.expression;
    return callee !== literal && callee.kind !== SK.ImportKeyword && !(ts.isIdentifier(callee) && callee.text === 'require');
  }
  return false;
}

/**
 * Update `sourceFile` (parsed from its `text`) in place to `text`, when `change` falls inside the
 * content of one string literal and leaves it one: the same quotes, no escape, no line break. Returns
 * undefined, and changes nothing, otherwise. `pieces`: the index's pieces of the tree, whose lists of
 * nodes move a statement faster than a walk.
 */
export function editLiteralInPlace(sourceFile: ts.SourceFile, text: string, change: TextChange, pieces?: ReadonlyMap<ts.Node, Piece>): TokenEdit | undefined {
  const parsed = sourceFile as unknown as ParsedFile;
  // A file with syntax errors: the parser's recovery may read the edited text differently.
  if (parsed.parseDiagnostics.length > 0) return undefined;
  const found = literalAround(sourceFile, change);
  if (!found) return undefined;
  const { literal, statement, tokenStart } = found;
  const delta = change.newLength - change.oldLength;
  const contentStart = tokenStart + 1;
  const quote = parsed.text.charCodeAt(tokenStart);
  const content = text.slice(contentStart, literal.end - 1 + delta);
  // Both versions plain: the literal's text (and a template's raw text) is then its content, before and after.
  if (!plainContent(parsed.text.slice(contentStart, literal.end - 1), quote) || !plainContent(content, quote)) return undefined;

  const written = literal as { text: string; rawText?: string };
  written.text = content;
  if (literal.kind === SK.NoSubstitutionTemplateLiteral) written.rawText = content;
  moveAfter(sourceFile, change.start, delta, pieces);
  // The comment directives (`// @ts-ignore`) the next incremental parse reads by position.
  for (const directive of parsed.commentDirectives ?? []) {
    if (directive.range.pos > change.start) move(directive.range, change.start, delta);
  }
  parsed.text = text;
  // The line starts TypeScript works out on first use, from the old text.
  parsed.lineMap = undefined;
  return { statement, literal };
}

interface Found {
  literal: ts.StringLiteral | ts.NoSubstitutionTemplateLiteral;
  statement: ts.Node;
  tokenStart: number;
}

/** The literal whose content holds the whole of the change (between its quotes), and its top-level statement. */
function literalAround(sourceFile: ts.SourceFile, change: TextChange): Found | undefined {
  const start = change.start;
  const end = change.start + change.oldLength;
  // (An insertion is looked up by the character it goes before: inside a literal, its content or closing quote.)
  const node = innermostAt(sourceFile, { start, end: Math.max(end, start + 1) });
  if (!node || (node.kind !== SK.StringLiteral && node.kind !== SK.NoSubstitutionTemplateLiteral)) return undefined;
  // A directive (`'use client'`) is a statement of its own: whether the file runs in the browser
  // hangs on it, and the parser's prologue is left to the parser.
  if (node.parent.kind === SK.ExpressionStatement) return undefined;
  const tokenStart = node.getStart(sourceFile);
  if (start <= tokenStart || end > node.end - 1) return undefined;
  let statement: ts.Node = node;
  while (statement.parent !== sourceFile) statement = statement.parent;
  return { literal: node as Found['literal'], statement, tokenStart };
}

/** Whether `content` is a literal's content whose text is itself: no escape, no line break, no quote of its kind, nothing a template reads. */
function plainContent(content: string, quote: number): boolean {
  for (let i = 0; i < content.length; i++) {
    const c = content.charCodeAt(i);
    if (c === quote || c === 0x5c /* \ */ || c === 0x0a || c === 0x0d || c === 0x2028 || c === 0x2029) return false;
    if (quote === 0x60 /* ` */ && c === 0x24 /* $ */) return false;
  }
  return true;
}

/**
 * Move the nodes (and node lists) of the tree by `delta` past `at`: a node that starts after it moves
 * whole, one around it (the literal and its ancestors) ends `delta` later, one before it stays. A
 * statement whose piece lists its tree (file-index.ts: a document being edited) is moved by a loop
 * over that list; another is walked, iteratively (a deeply nested tree cannot overflow the stack),
 * not entering a subtree that ends before the edit.
 */
function moveAfter(sourceFile: ts.SourceFile, at: number, delta: number, pieces: ReadonlyMap<ts.Node, Piece> | undefined): void {
  move(sourceFile, at, delta);
  move(sourceFile.statements, at, delta);
  move(sourceFile.endOfFileToken, at, delta);
  const stack: ts.Node[] = [];
  const visitNode = (node: ts.Node): undefined => {
    if (node.end <= at) return undefined;
    move(node, at, delta);
    stack.push(node);
    return undefined;
  };
  const visitNodes = (nodes: ts.NodeArray<ts.Node>): undefined => {
    if (nodes.end <= at) return undefined;
    move(nodes, at, delta);
    for (const node of nodes) visitNode(node);
    return undefined;
  };
  for (const statement of sourceFile.statements) {
    if (statement.end <= at) continue;
    const tree = pieces?.get(statement)?.tree;
    if (tree && statement.pos > at) {
      // Wholly after the edit: every node of it moves.
      for (const range of tree) {
        range.pos += delta;
        range.end += delta;
      }
      continue;
    }
    if (tree) {
      for (const range of tree) move(range, at, delta);
      continue;
    }
    visitNode(statement);
    while (stack.length > 0) forEachChild(stack.pop()!, visitNode, visitNodes);
  }
}

/** A range (node or node list) after `at` moves whole; one that ends after it ends `delta` later; one before it stays. */
function move(range: ts.TextRange, at: number, delta: number): void {
  if (range.pos > at) range.pos += delta;
  if (range.end > at) range.end += delta;
}
