// One iterative pass over the file for what the flow analysis looks up repeatedly: identifier
// references, plain assignments to variables (and bindings written in ways it cannot follow),
// member reads, equality comparisons and switches.

import ts from 'typescript';
import type { Binding, FileIndex } from '../extract/ts/scope.js';
import { resolveIdentifier } from '../extract/ts/scope.js';

export interface FileFacts {
  /** Identifiers used as references (not declarations, not property names), by name. */
  references: Map<string, ts.Identifier[]>;
  /** `x = expr` writes by the binding written. */
  assignments: Map<Binding, ts.Expression[]>;
  /** Bindings written some other way (`x += 1`, `[a] = ...`, `for (x of ...)`): their value is unknown. */
  opaque: Set<Binding>;
  /** `a.b` and `a[b]` in document order. */
  accesses: Array<ts.PropertyAccessExpression | ts.ElementAccessExpression>;
  /** `===`, `==`, `!==`, `!=` comparisons. */
  comparisons: ts.BinaryExpression[];
  switches: ts.SwitchStatement[];
  /** Destructuring declarations and parameters (`const { a } = x`, `({ a }) => ...`). */
  patterns: Array<ts.VariableDeclaration | ts.ParameterDeclaration>;
}

const EQUALITY = new Set([
  ts.SyntaxKind.EqualsEqualsEqualsToken,
  ts.SyntaxKind.EqualsEqualsToken,
  ts.SyntaxKind.ExclamationEqualsEqualsToken,
  ts.SyntaxKind.ExclamationEqualsToken,
]);

export function collectFacts(sourceFile: ts.SourceFile, index: FileIndex): FileFacts {
  const facts: FileFacts = {
    references: new Map(),
    assignments: new Map(),
    opaque: new Set(),
    accesses: [],
    comparisons: [],
    switches: [],
    patterns: [],
  };
  const plainWrites: Array<[ts.Identifier, ts.Expression]> = [];
  const opaqueWrites: ts.Identifier[] = [];
  const stack: ts.Node[] = [sourceFile];
  const children: ts.Node[] = [];
  const collect = (child: ts.Node): undefined => {
    children.push(child);
    return undefined;
  };
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (ts.isIdentifier(node)) {
      if (isReference(node)) push(facts.references, node.text, node);
      if (isPatternTarget(node)) opaqueWrites.push(node);
    } else if (ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node)) {
      facts.accesses.push(node);
    } else if (ts.isBinaryExpression(node)) {
      visitBinary(node, facts, plainWrites, opaqueWrites);
    } else if (ts.isSwitchStatement(node)) {
      facts.switches.push(node);
    } else if ((ts.isVariableDeclaration(node) || ts.isParameter(node)) && !ts.isIdentifier(node.name)) {
      facts.patterns.push(node);
    } else if ((ts.isPrefixUnaryExpression(node) || ts.isPostfixUnaryExpression(node)) && ts.isIdentifier(node.operand)) {
      if (node.operator === ts.SyntaxKind.PlusPlusToken || node.operator === ts.SyntaxKind.MinusMinusToken) opaqueWrites.push(node.operand);
    } else if ((ts.isForOfStatement(node) || ts.isForInStatement(node)) && ts.isIdentifier(node.initializer)) {
      opaqueWrites.push(node.initializer);
    }
    children.length = 0;
    ts.forEachChild(node, collect);
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  facts.accesses.sort((a, b) => a.pos - b.pos);
  for (const [target, value] of plainWrites) {
    const binding = resolveIdentifier(index, target);
    if (binding) push(facts.assignments, binding, value);
  }
  for (const target of opaqueWrites) {
    const binding = resolveIdentifier(index, target);
    if (binding) facts.opaque.add(binding);
  }
  return facts;
}

function visitBinary(
  node: ts.BinaryExpression,
  facts: FileFacts,
  plainWrites: Array<[ts.Identifier, ts.Expression]>,
  opaqueWrites: ts.Identifier[],
): void {
  const operator = node.operatorToken.kind;
  if (EQUALITY.has(operator)) {
    facts.comparisons.push(node);
    return;
  }
  if (operator === ts.SyntaxKind.EqualsToken) {
    if (ts.isIdentifier(node.left)) plainWrites.push([node.left, node.right]);
  } else if (
    operator >= ts.SyntaxKind.FirstCompoundAssignment &&
    operator <= ts.SyntaxKind.LastCompoundAssignment &&
    ts.isIdentifier(node.left)
  ) {
    opaqueWrites.push(node.left);
  }
}

/** `a` in `[a, b] = ...` or `({ a, b: [c] } = ...)`: written by a destructuring assignment. */
function isPatternTarget(id: ts.Identifier): boolean {
  let node: ts.Node = id;
  for (let parent = id.parent; parent; node = parent, parent = parent.parent) {
    if (ts.isPropertyAssignment(parent)) {
      if (parent.initializer !== node) return false;
    } else if (ts.isBinaryExpression(parent) && parent.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
      if (parent.left !== node) return false;
      if (ts.isObjectLiteralExpression(node) || ts.isArrayLiteralExpression(node)) return true;
      // `[a = 1] = list`: a default inside a pattern; anything else is a plain assignment.
      if (!isPatternPart(parent.parent)) return false;
    } else if (!isPatternPart(parent)) {
      return false;
    }
  }
  return false;
}

function isPatternPart(node: ts.Node): boolean {
  return (
    ts.isObjectLiteralExpression(node) ||
    ts.isArrayLiteralExpression(node) ||
    ts.isShorthandPropertyAssignment(node) ||
    ts.isPropertyAssignment(node) ||
    ts.isSpreadElement(node) ||
    ts.isSpreadAssignment(node)
  );
}

/** An identifier that reads a binding (not a declaration name, property name, label or type name). */
function isReference(id: ts.Identifier): boolean {
  const parent = id.parent;
  if (!parent) return false;
  if (ts.isPropertyAccessExpression(parent)) return parent.expression === id;
  if (ts.isQualifiedName(parent) || ts.isTypeReferenceNode(parent) || ts.isTypeQueryNode(parent)) return false;
  if (ts.isBindingElement(parent)) return parent.initializer === id;
  if (ts.isPropertyAssignment(parent)) return parent.initializer === id;
  if (
    ts.isVariableDeclaration(parent) ||
    ts.isParameter(parent) ||
    ts.isFunctionDeclaration(parent) ||
    ts.isFunctionExpression(parent) ||
    ts.isClassDeclaration(parent) ||
    ts.isClassExpression(parent) ||
    ts.isMethodDeclaration(parent) ||
    ts.isPropertyDeclaration(parent) ||
    ts.isPropertySignature(parent) ||
    ts.isMethodSignature(parent) ||
    ts.isGetAccessorDeclaration(parent) ||
    ts.isSetAccessorDeclaration(parent) ||
    ts.isEnumMember(parent) ||
    ts.isInterfaceDeclaration(parent) ||
    ts.isTypeAliasDeclaration(parent) ||
    ts.isEnumDeclaration(parent) ||
    ts.isModuleDeclaration(parent) ||
    ts.isTypeParameterDeclaration(parent)
  ) {
    return parent.name !== id;
  }
  if (ts.isImportSpecifier(parent) || ts.isExportSpecifier(parent) || ts.isImportClause(parent) || ts.isNamespaceImport(parent)) return false;
  if (ts.isLabeledStatement(parent) || ts.isBreakOrContinueStatement(parent)) return false;
  if (ts.isJsxAttribute(parent)) return false;
  return true;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
