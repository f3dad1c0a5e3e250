// One pass over the index's listed nodes for what the flow analysis looks up repeatedly: identifier
// references, plain assignments to variables (and bindings written in ways it cannot follow),
// member reads, equality comparisons and switches.

import ts from 'typescript';
import { byPos, concatAll } from '../arrays.js';
import type { Binding, FileIndex, Piece } from '../extract/ts/file-index.js';
import { kindTable, resolveIdentifier } from '../extract/ts/scope.js';

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

const SK = ts.SyntaxKind;
// `ts.x` is a getter on the module object, and this pass visits every node of the file: the hot
// paths test `node.kind` against tables instead of calling `ts.isX`.

const EQUALITY = new Set([SK.EqualsEqualsEqualsToken, SK.EqualsEqualsToken, SK.ExclamationEqualsEqualsToken, SK.ExclamationEqualsToken]);

/**
 * What one piece of the index says on its own, noted by the index's walk as it lists each node
 * (`noteFact`): kept with the piece, so a statement the incremental parser reused keeps it.
 */
export interface PieceFacts {
  references: Map<string, ts.Identifier[]>;
  accesses: Array<ts.PropertyAccessExpression | ts.ElementAccessExpression>;
  comparisons: ts.BinaryExpression[];
  switches: ts.SwitchStatement[];
  patterns: Array<ts.VariableDeclaration | ts.ParameterDeclaration>;
  plainWrites: Array<[ts.Identifier, ts.Expression]>;
  opaqueWrites: ts.Identifier[];
  /**
   * Whether `accesses` came in document order, as the walk's pre-order lists them: checked against the
   * access noted before, while both are at hand, so the file's list is sorted only when one is not
   * (a sort of an ordered list still reads every node from memory).
   */
  accessesInOrder: boolean;
}

/**
 * The facts of the file `index` was built from, kept on the index (FileIndex.facts): every flow of
 * the analysis reads the same, and an index kept for the document's next version keeps them; they
 * are emptied with the index.
 */
export function factsOfFile(index: FileIndex): FileFacts {
  return (index.facts ??= collectFacts(index));
}

/** The facts of the file `index` was built from (its pieces' node lists, which hold every kind this switch reads: the tree is not walked again). */
export function collectFacts(index: FileIndex): FileFacts {
  const parts = index.pieces.map(factsOf);
  // A piece that is not kept (a file analysed once) lends its lists: the facts are emptied when the analysis ends.
  const alone = parts.length === 1 && !index.pieces[0].kept ? parts[0] : undefined;
  const facts: FileFacts = {
    references: alone?.references ?? mergeReferences(parts),
    assignments: new Map(),
    opaque: new Set(),
    accesses: alone?.accesses ?? concatAll(parts.map((p) => p.accesses)),
    comparisons: alone?.comparisons ?? concatAll(parts.map((p) => p.comparisons)),
    switches: alone?.switches ?? concatAll(parts.map((p) => p.switches)),
    patterns: alone?.patterns ?? concatAll(parts.map((p) => p.patterns)),
  };
  // Pieces are in document order and do not overlap: their lists, each in order, make one in order.
  if (!parts.every(inOrder)) facts.accesses.sort(byPos);
  for (const part of parts) {
    for (const [target, value] of part.plainWrites) {
      const binding = resolveIdentifier(index, target);
      if (binding) push(facts.assignments, binding, value);
    }
    for (const target of part.opaqueWrites) {
      const binding = resolveIdentifier(index, target);
      if (binding) facts.opaque.add(binding);
    }
  }
  return facts;
}

/**
 * The facts the walk noted for a piece. A kept piece keeps them for the next version; the one piece
 * of a file analysed once hands them over (the flow empties them when the analysis ends) and works
 * them out again from its nodes if asked again.
 */
function factsOf(piece: Piece): PieceFacts {
  const noted = piece.derived as PieceFacts | undefined;
  if (!piece.kept) {
    piece.derived = undefined;
    return noted ?? pieceFacts(piece.nodes);
  }
  return noted ?? (piece.derived = pieceFacts(piece.nodes));
}

function inOrder(part: PieceFacts): boolean {
  return part.accessesInOrder;
}

function mergeReferences(parts: readonly PieceFacts[]): Map<string, ts.Identifier[]> {
  const lists = new Map<string, ts.Identifier[][]>();
  for (const part of parts) for (const [name, ids] of part.references) push(lists, name, ids);
  const merged = new Map<string, ts.Identifier[]>();
  // A name read in one piece only keeps that piece's list (read, never written: the flow filters it).
  for (const [name, chunks] of lists) merged.set(name, chunks.length === 1 ? chunks[0] : concatAll(chunks));
  return merged;
}

function pieceFacts(nodes: readonly ts.Node[]): PieceFacts {
  const facts = emptyPieceFacts();
  for (const node of nodes) noteFact(node, facts);
  return facts;
}

export function emptyPieceFacts(): PieceFacts {
  return { references: new Map(), accesses: [], comparisons: [], switches: [], patterns: [], plainWrites: [], opaqueWrites: [], accessesInOrder: true };
}

/** Empty the facts of a piece that is not kept, when its index is released. */
export function releasePieceFacts(facts: PieceFacts): void {
  facts.references.clear();
  for (const list of [facts.accesses, facts.comparisons, facts.switches, facts.patterns, facts.plainWrites, facts.opaqueWrites]) list.length = 0;
  facts.accessesInOrder = true;
}

/**
 * What `node` (one of the index's listed kinds, its parent pointer set) adds to its piece's facts.
 * The index's walk calls it as it lists the node: the node and its parent were just read there, where
 * a pass of its own over the listed nodes afterwards read them back from memory (most of a large tree
 * is no longer in the processor's caches by then).
 */
export function noteFact(node: ts.Node, facts: PieceFacts): void {
  const opaqueWrites = facts.opaqueWrites;
  switch (node.kind) {
    case SK.Identifier: {
      const id = node as ts.Identifier;
      const parent = id.parent;
      if (!parent) break;
      // The parent's kind is read once for both tests (a load from nodes of every shape).
      const around = parent.kind;
      if (isReferenceIn(id, parent, around)) push(facts.references, id.text, id);
      // Only an identifier inside a pattern, or on the left of `=` (a default), can be a pattern target.
      if ((PATTERN_PART[around] || around === SK.BinaryExpression) && isPatternTarget(id)) opaqueWrites.push(id);
      break;
    }
    case SK.PropertyAccessExpression:
    case SK.ElementAccessExpression: {
      const accesses = facts.accesses;
      if (accesses.length > 0 && node.pos < accesses[accesses.length - 1].pos) facts.accessesInOrder = false;
      accesses.push(node as ts.PropertyAccessExpression | ts.ElementAccessExpression);
      break;
    }
    case SK.BinaryExpression:
      visitBinary(node as ts.BinaryExpression, facts, facts.plainWrites, opaqueWrites);
      break;
    case SK.SwitchStatement:
      facts.switches.push(node as ts.SwitchStatement);
      break;
    case SK.VariableDeclaration:
    case SK.Parameter: {
      const declaration = node as ts.VariableDeclaration | ts.ParameterDeclaration;
      if (declaration.name.kind !== SK.Identifier) facts.patterns.push(declaration);
      break;
    }
    case SK.PrefixUnaryExpression:
    case SK.PostfixUnaryExpression: {
      const { operator, operand } = node as ts.PrefixUnaryExpression | ts.PostfixUnaryExpression;
      if (operand.kind === SK.Identifier && (operator === SK.PlusPlusToken || operator === SK.MinusMinusToken)) {
        opaqueWrites.push(operand as ts.Identifier);
      }
      break;
    }
    case SK.ForOfStatement:
    case SK.ForInStatement: {
      const initializer = (node as ts.ForOfStatement | ts.ForInStatement).initializer;
      if (initializer.kind === SK.Identifier) opaqueWrites.push(initializer as ts.Identifier);
      break;
    }
  }
}

/** Empty the facts of a superseded parse (see `Flow.release`). */
export function releaseFacts(facts: FileFacts): void {
  facts.references.clear();
  facts.assignments.clear();
  facts.opaque.clear();
  facts.accesses.length = 0;
  facts.comparisons.length = 0;
  facts.switches.length = 0;
  facts.patterns.length = 0;
}

function visitBinary(
  node: ts.BinaryExpression,
  facts: PieceFacts,
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
    if (parent.kind === SK.PropertyAssignment) {
      if ((parent as ts.PropertyAssignment).initializer !== node) return false;
    } else if (parent.kind === SK.BinaryExpression && (parent as ts.BinaryExpression).operatorToken.kind === SK.EqualsToken) {
      if ((parent as ts.BinaryExpression).left !== node) return false;
      if (node.kind === SK.ObjectLiteralExpression || node.kind === SK.ArrayLiteralExpression) return true;
      // `[a = 1] = list`: a default inside a pattern; anything else is a plain assignment.
      if (!PATTERN_PART[parent.parent.kind]) return false;
    } else if (!PATTERN_PART[parent.kind]) {
      return false;
    }
  }
  return false;
}

/** The nodes a destructuring assignment target is built of. */
const PATTERN_PART = kindTable([
  SK.ObjectLiteralExpression,
  SK.ArrayLiteralExpression,
  SK.ShorthandPropertyAssignment,
  SK.PropertyAssignment,
  SK.SpreadElement,
  SK.SpreadAssignment,
]);

/** Declarations whose `name` is the declared name, not a reference. */
const DECLARATIONS = kindTable([
  SK.VariableDeclaration,
  SK.Parameter,
  SK.FunctionDeclaration,
  SK.FunctionExpression,
  SK.ClassDeclaration,
  SK.ClassExpression,
  SK.MethodDeclaration,
  SK.PropertyDeclaration,
  SK.PropertySignature,
  SK.MethodSignature,
  SK.GetAccessor,
  SK.SetAccessor,
  SK.EnumMember,
  SK.InterfaceDeclaration,
  SK.TypeAliasDeclaration,
  SK.EnumDeclaration,
  SK.ModuleDeclaration,
  SK.TypeParameter,
]);

/** Parents under which an identifier never reads a binding (type names, import/export names, labels, JSX attributes). */
const NEVER_REFERENCES = kindTable([
  SK.QualifiedName,
  SK.TypeReference,
  SK.TypeQuery,
  SK.ImportSpecifier,
  SK.ExportSpecifier,
  SK.ImportClause,
  SK.NamespaceImport,
  SK.LabeledStatement,
  SK.BreakStatement,
  SK.ContinueStatement,
  SK.JsxAttribute,
]);

/** An identifier that reads a binding (not a declaration name, property name, label or type name), given its parent and the parent's kind. */
function isReferenceIn(id: ts.Identifier, parent: ts.Node, kind: ts.SyntaxKind): boolean {
  switch (kind) {
    case SK.PropertyAccessExpression:
      return (parent as ts.PropertyAccessExpression).expression === id;
    case SK.BindingElement:
      return (parent as ts.BindingElement).initializer === id;
    case SK.PropertyAssignment:
      return (parent as ts.PropertyAssignment).initializer === id;
  }
  if (DECLARATIONS[kind]) return (parent as ts.NamedDeclaration).name !== id;
  return !NEVER_REFERENCES[kind];
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
