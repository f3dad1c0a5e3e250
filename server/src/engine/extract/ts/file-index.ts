// The per-file index the TS/JS extractor builds in one iterative pass over the syntax tree (the pass
// that also sets parent pointers): every binding (const/let/var, parameter, function, class, import)
// with the scope it lives in, every call, every member assignment (`body.x = ...`), and the nodes of
// the kinds later whole-file passes read. For a document being edited the index is kept in pieces,
// one per top-level statement. Which binding a use refers to is scope.ts's job.

import ts from 'typescript';
import { concatAll } from '../../arrays.js';
import { kindTable, resolveIdentifier, skipOuter } from './scope.js';
import { emptyPieceFacts, noteFact, releaseFacts, releasePieceFacts, type FileFacts, type PieceFacts } from '../../flow/file-facts.js';
import type { ImportedSpan } from '../../workspace/plain-values.js';
import type { ClientNames } from './clients.js';
import type { Span } from '../../types.js';

// `ts.x` is a getter on the module object: hot loops read it once.
const forEachChild = ts.forEachChild;

export type BindingKind = 'const' | 'let' | 'var' | 'param' | 'function' | 'class' | 'enum' | 'import' | 'other';

export interface Binding {
  name: string;
  kind: BindingKind;
  /** The declaring node (VariableDeclaration, ParameterDeclaration, FunctionDeclaration, ...). */
  node: ts.Node;
  /** The node whose subtree sees the binding. */
  scope: ts.Node;
  /** The initializer of a variable declared with a plain identifier name. */
  initializer?: ts.Expression;
  /** For imports (and `require`): the module and the imported name (`default`, `*` or a named export). */
  module?: string;
  imported?: string;
  /** True when a plain assignment (`x = ...`, `x++`) writes the binding somewhere in the file. */
  reassigned: boolean;
}

export interface FileIndex {
  /** The bindings each scope node declares, by name. */
  scopes: Map<ts.Node, Map<string, Binding>>;
  /** The kinds of the nodes in `scopes` (by kind): a use's ancestors of other kinds declare nothing. */
  scopeKinds: boolean[];
  /**
   * The bindings in `scopes` by name (one per scope that declares the name), for `resolveIdentifier`:
   * a name no scope declares is a global, and a name most scopes do not declare is found without
   * walking up from the use. A list is sorted by where its scopes start when it is first read.
   */
  byName: Map<string, Binding[]>;
  /** The names whose `byName` list has grown since it was last sorted. */
  unsorted: Set<string>;
  /** Every import (and `require`) binding. */
  imports: Binding[];
  /** Every call expression, in document order. */
  calls: ts.CallExpression[];
  /**
   * The name each of `calls` calls by (`calledName`), at the same position. The whole-file passes over
   * the calls rule most of them out by this name alone, without reading the call's nodes: those are
   * spread over a tree larger than the processor's cache, so each node a pass reads is a wait on memory
   * (see ARCHITECTURE.md, Performance).
   */
  calledNames: Array<string | undefined>;
  /**
   * Where each of `calls` ends, at the same position, for the passes that look for the calls at known
   * spans (the flow's requests and sends) without reading every call: noted by the walk of a file parsed
   * afresh, worked out on first use otherwise (`callEndsOf`: an edit moves the calls after it).
   */
  callEnds: number[] | undefined;
  /** Every `new` expression, in document order. */
  constructions: ts.NewExpression[];
  /** `x.key = value` and `x["key"] = value`, and deeper (`x.parameters.seed = value`), by the binding of `x`. */
  memberAssignments: Map<Binding, ts.BinaryExpression[]>;
  /** Calls that receive `x` itself as an argument (`Object.assign(x, ...)`, `addDefaults(x)`), by the binding of `x`. */
  argumentUses: Map<Binding, ts.CallExpression[]>;
  /** `delete x.key` and `delete x["key"]`: the member deleted, by the binding of `x`. */
  deletes: Map<Binding, Array<ts.PropertyAccessExpression | ts.ElementAccessExpression>>;
  /** `this.x = expr` assignments and class property initializers, by member name. */
  thisMembers: Map<string, ts.Expression[]>;
  /** The identifiers that plain assignments, `++`/`--` and destructuring write, by the binding written (see resolve.ts). */
  writes: Map<Binding, ts.Identifier[]>;
  /** Every identifier of the file by its text (worked out on first use by `referencesOf`). */
  references?: Map<string, ts.Identifier[]>;
  /** The calls by the name they call (`f` of `f()`, `m` of `x.m()`; worked out on first use by `callsNamed`). */
  callsByName?: Map<string, ts.CallExpression[]>;
  /**
   * The pieces the index was put together from, in document order: their `nodes` are the nodes of
   * the kinds later whole-file passes look at (`LISTED_KINDS`: identifiers, member accesses, binary
   * expressions, declarations, ...), in document (pre-)order, which those passes read instead of
   * walking the tree again.
   */
  pieces: readonly Piece[];
  /** The names a direct HTTP client call can use in the file (worked out on first use by clients.ts). */
  clientNames?: ClientNames;
  /** By class: the members whose object the class writes into (worked out on first use by resolve.ts `writtenInto`). */
  writtenInto?: Map<ts.Node, ReadonlySet<string>>;
  /** Expressions that read a value another module exports, by `start:end` (see workspace/plain-values.ts). */
  imported?: Map<string, ImportedSpan>;
  /** Members of the SDK's enums read as the values they send (`SdVersions.Sdxl09`): no fix writes over them (see values.ts). */
  enumMembers?: Span[];
  /** What the flow analysis reads of the whole file, put together from the pieces' (worked out on first use by flow/file-facts.ts `factsOfFile`). */
  facts?: FileFacts;
}

/**
 * What the walk finds under one node (the whole file, or one top-level statement), before it is put
 * into an index: the bindings in the order they are declared, and the uses that are resolved once
 * every binding of the file is known.
 */
export interface Piece {
  bindings: Binding[];
  calls: ts.CallExpression[];
  calledNames: Array<string | undefined>;
  /** Where each of `calls` ends (see FileIndex.callEnds): noted only by the walk of a file parsed afresh (a kept piece's calls move with the edits). */
  callEnds: number[] | undefined;
  constructions: ts.NewExpression[];
  thisMembers: Array<{ name: string; value: ts.Expression }>;
  nodes: ts.Node[];
  /** Identifiers written by plain assignments (`x = ...`, `x++`). */
  writes: ts.Identifier[];
  memberAssignments: Array<{ target: ts.Identifier; assignment: ts.BinaryExpression }>;
  argumentUses: Array<{ target: ts.Identifier; call: ts.CallExpression }>;
  /** `delete x.key`: the identifier `x` and the member deleted. */
  deletes: Array<{ target: ts.Identifier; member: ts.PropertyAccessExpression | ts.ElementAccessExpression }>;
  /** Kept for the file's next version (updateIndex): nothing may empty its lists. */
  kept: boolean;
  /**
   * Every node and node list of the statement, for a document being edited (a piece walked by
   * updateIndex): an edit inside a string literal before the statement moves them all by a loop over
   * this list (ts/token-edit.ts), where a walk of the subtree went through TypeScript's per-kind visitors.
   */
  tree?: ts.TextRange[];
  /**
   * What the flow analysis reads of this piece's nodes alone (flow/file-facts.ts), noted by the walk as
   * it lists them; kept with a kept piece, handed over (and emptied with the flow) otherwise.
   */
  derived?: object;
}

/** The pieces of a file by its top-level statements: what the index of the file's next version may reuse. */
export type IndexPieces = Map<ts.Node, Piece>;

/**
 * Build the index in one pass, setting every node's parent pointer on the way (the source file is
 * parsed without them). `listed` is the table of kinds `nodes` keeps (a test lists every kind, to
 * show that the others change nothing).
 */
export function buildIndex(sourceFile: ts.SourceFile, listed: readonly boolean[] = LISTED): FileIndex {
  return assemble(sourceFile, [walk(sourceFile, listed, true)]);
}

/**
 * The index of a file the incremental parser updated, with its pieces for the next version: a
 * top-level statement the parser reused from the earlier version (the same node, its subtree
 * unchanged, only moved) keeps its piece, and only the statements around the edit are walked.
 * `edited`: a statement that is the same node but was edited in place (ts/token-edit.ts), walked again.
 */
export function updateIndex(sourceFile: ts.SourceFile, previous: ReadonlyMap<ts.Node, Piece> | undefined, edited?: ts.Node): { index: FileIndex; pieces: IndexPieces } {
  const pieces: IndexPieces = new Map();
  const list: Piece[] = [];
  forEachChild(sourceFile, (child) => {
    if (child.parent !== sourceFile) (child as { parent: ts.Node }).parent = sourceFile;
    const piece = (child !== edited && previous?.get(child)) || walk(child, LISTED, false);
    piece.kept = true;
    pieces.set(child, piece);
    list.push(piece);
  });
  return { index: assemble(sourceFile, list), pieces };
}

/**
 * Walk `root`'s subtree (iterative, so a deeply nested tree cannot overflow the stack), setting parent
 * pointers. `fresh`: the tree was parsed without parent pointers, so every node gets one.
 */
function walk(root: ts.Node, listed: readonly boolean[], fresh: boolean): Piece {
  const facts = emptyPieceFacts();
  const piece: Piece = { bindings: [], calls: [], calledNames: [], callEnds: fresh ? [] : undefined, constructions: [], thisMembers: [], nodes: [], writes: [], memberAssignments: [], argumentUses: [], deletes: [], kept: false, derived: facts };
  const nodes = piece.nodes;
  const stack: ts.Node[] = [root];
  walkStack = stack;
  walkParent = root;
  // A statement of a document being edited lists its whole tree (Piece.tree), node lists included.
  const tree: ts.TextRange[] | undefined = fresh ? undefined : [root];
  if (tree) piece.tree = walkTree = tree;
  const push = fresh ? pushFresh : pushEdited;
  const pushList = tree ? pushListEdited : undefined;
  try {
    while (stack.length > 0) {
      const node = stack.pop()!;
      // The kind is read once (a load from nodes of every shape) for both tables.
      const kind = node.kind;
      if (listed[kind]) {
        nodes.push(node);
        // The flow's facts are noted here, while the node is at hand, not in a pass of their own (see noteFact).
        noteFact(node, facts);
      }
      VISITORS[kind]?.(node, piece);
      walkParent = node;
      // Children go on the stack reversed, so they come off in document order.
      const first = stack.length;
      forEachChild(node, push, pushList);
      for (let i = first, j = stack.length - 1; i < j; i++, j--) {
        const swap = stack[i];
        stack[i] = stack[j]!;
        stack[j] = swap;
      }
    }
  } finally {
    // (The module keeps no tree between walks.)
    walkStack = NO_NODES;
    walkParent = undefined;
    walkTree = NO_RANGES;
  }
  return piece;
}

// The walk's state, read by its push functions: module state, not closures made per walk (see
// ARCHITECTURE.md, Performance). A walk makes no other walk, so one set serves.
const NO_NODES: ts.Node[] = [];
const NO_RANGES: ts.TextRange[] = [];
let walkStack: ts.Node[] = NO_NODES;
let walkParent: ts.Node | undefined;
let walkTree: ts.TextRange[] = NO_RANGES;

/** Parsed without parents: a write, without first reading a property of a node of any shape. */
function pushFresh(child: ts.Node): undefined {
  (child as { parent: ts.Node | undefined }).parent = walkParent;
  walkStack.push(child);
  return undefined;
}

/** The incremental parser sets parents itself, and a reused node has its parent already: a read, not a write. */
function pushEdited(child: ts.Node): undefined {
  if (child.parent !== walkParent) (child as { parent: ts.Node | undefined }).parent = walkParent;
  walkStack.push(child);
  walkTree.push(child);
  return undefined;
}

function pushListEdited(list: ts.NodeArray<ts.Node>): undefined {
  walkTree.push(list);
  for (const child of list) pushEdited(child);
  return undefined;
}

/**
 * The index of the pieces, in document order. A reused piece's bindings are taken as new: their
 * scope is the new source file where it was the old one, and whether they are reassigned is worked
 * out again (a write elsewhere in the file may have come or gone).
 */
function assemble(sourceFile: ts.SourceFile, pieces: readonly Piece[]): FileIndex {
  // (Only a piece that is not kept may lend the index its lists: the index is emptied when the analysis ends.)
  const single = pieces.length === 1 && !pieces[0].kept ? pieces[0] : undefined;
  const index: FileIndex = {
    scopes: new Map(),
    scopeKinds: [],
    byName: new Map(),
    unsorted: new Set(),
    imports: [],
    calls: single?.calls ?? concatAll(pieces.map((p) => p.calls)),
    calledNames: single?.calledNames ?? concatAll(pieces.map((p) => p.calledNames)),
    // (A piece that is not kept is a whole file walked afresh: its calls end where the walk saw them.)
    callEnds: single?.callEnds,
    constructions: single?.constructions ?? concatAll(pieces.map((p) => p.constructions)),
    memberAssignments: new Map(),
    argumentUses: new Map(),
    deletes: new Map(),
    thisMembers: new Map(),
    writes: new Map(),
    pieces,
    // What is worked out on first use, declared here: every index has one shape, so the hot reads of
    // its tables stay monomorphic however many of these an analysis fills (and in what order).
    references: undefined,
    callsByName: undefined,
    clientNames: undefined,
    writtenInto: undefined,
    imported: undefined,
    enumMembers: undefined,
    facts: undefined,
  };
  for (const piece of pieces) {
    for (const binding of piece.bindings) {
      binding.reassigned = false;
      if (binding.scope.kind === SK.SourceFile) binding.scope = sourceFile;
      addBinding(index, binding);
    }
    for (const { name, value } of piece.thisMembers) addToList(index.thisMembers, name, value);
  }
  for (const piece of pieces) {
    for (const id of piece.writes) {
      const binding = resolveIdentifier(index, id);
      if (binding) {
        binding.reassigned = true;
        addToList(index.writes, binding, id);
      }
    }
    for (const { target, assignment } of piece.memberAssignments) {
      const binding = resolveIdentifier(index, target);
      if (binding) addToList(index.memberAssignments, binding, assignment);
    }
    for (const { target, call } of piece.argumentUses) {
      const binding = resolveIdentifier(index, target);
      if (binding) addToList(index.argumentUses, binding, call);
    }
    for (const { target, member } of piece.deletes) {
      const binding = resolveIdentifier(index, target);
      if (binding) addToList(index.deletes, binding, member);
    }
  }
  return index;
}

/**
 * Empty an index when its analysis ends, and the pieces that are not kept with it: emptied, not
 * merely dropped (see ../../memo.ts: a dead list in the old generation keeps the young nodes it points
 * to alive, and the tree through their parents). A kept piece is left whole for the next version.
 */
export function releaseIndex(index: FileIndex): void {
  index.scopes.clear();
  index.scopeKinds.length = 0;
  index.byName.clear();
  index.unsorted.clear();
  index.imports.length = 0;
  index.calls.length = 0;
  index.calledNames.length = 0;
  index.constructions.length = 0;
  index.memberAssignments.clear();
  index.argumentUses.clear();
  index.deletes.clear();
  index.thisMembers.clear();
  index.writes.clear();
  resetDerived(index);
  for (const piece of index.pieces) {
    if (piece.kept) continue;
    if (piece.derived) releasePieceFacts(piece.derived as PieceFacts);
    piece.derived = undefined;
    for (const list of [piece.bindings, piece.calls, piece.calledNames, piece.callEnds ?? [], piece.constructions, piece.thisMembers, piece.nodes, piece.writes, piece.memberAssignments, piece.argumentUses, piece.deletes, piece.tree ?? []]) {
      list.length = 0;
    }
  }
  // The kept pieces live on in the parse handed to the next version (IndexPieces), not in this list.
  (index.pieces as Piece[]).length = 0;
}

/**
 * The tables of an index kept for the document's next version: the ones built from the pieces, and
 * those resetDerived keeps of what is worked out on first use. resetDerived empties every other one
 * (the release check in analyze.ts holds it to that).
 */
export const KEPT_WITH_INDEX: ReadonlySet<keyof FileIndex> = new Set<keyof FileIndex>([
  'scopes', 'scopeKinds', 'byName', 'unsorted', 'imports', 'calls', 'calledNames', 'constructions', 'memberAssignments', 'argumentUses', 'deletes', 'thisMembers', 'writes', 'pieces',
  'references', 'callsByName', 'clientNames', 'facts',
]);

/**
 * Empty what an analysis worked out from the index on first use. `kept`: the index is kept for the
 * document's next version (ts/token-edit.ts `keepsIndex`), where an edit inside a string literal the
 * index never reads leaves the tree's shape and every name as they were: what depends on them alone
 * (references, calls by name, client names, the flow's file facts) is kept with it; what holds spans or
 * reads literals (imported values, enum members, the members classes write into) is worked out again.
 */
export function resetDerived(index: FileIndex, kept = false): void {
  if (!kept) {
    index.references?.clear();
    index.references = undefined;
    index.callsByName?.clear();
    index.callsByName = undefined;
    index.clientNames = undefined;
    if (index.facts) releaseFacts(index.facts);
    index.facts = undefined;
  }
  // (Positions: an index kept for the next version is worked out again, after an edit moved them.)
  if (index.callEnds) index.callEnds.length = 0;
  index.callEnds = undefined;
  index.writtenInto?.clear();
  index.writtenInto = undefined;
  index.imported?.clear();
  index.imported = undefined;
  if (index.enumMembers) index.enumMembers.length = 0;
  index.enumMembers = undefined;
}

/** Where each of the index's calls ends (FileIndex.callEnds). */
export function callEndsOf(index: FileIndex): readonly number[] {
  return (index.callEnds ??= index.calls.map(endOf));
}

function endOf(node: ts.Node): number {
  return node.end;
}

/** The name a call (or `new`) calls by: `f` of `f()`, `m` of `x.m()`. */
export function calledName(call: ts.CallExpression | ts.NewExpression): string | undefined {
  const callee = skipOuter(call.expression);
  return ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : undefined;
}

/** The calls that call by `name` (`name()`, `x.name()`). */
export function callsNamed(index: FileIndex, name: string): readonly ts.CallExpression[] {
  let byName = index.callsByName;
  if (!byName) {
    byName = new Map();
    const { calls, calledNames } = index;
    for (let i = 0; i < calls.length; i++) {
      const called = calledNames[i];
      if (called !== undefined) addToList(byName, called, calls[i]);
    }
    index.callsByName = byName;
  }
  return byName.get(name) ?? [];
}

/** The identifiers of the file named `name` (uses and declarations alike), from the pieces' listed nodes. */
export function referencesOf(index: FileIndex, name: string): readonly ts.Identifier[] {
  let references = index.references;
  if (!references) {
    references = new Map();
    for (const piece of index.pieces) {
      for (const node of piece.nodes) if (node.kind === SK.Identifier) addToList(references, (node as ts.Identifier).text, node as ts.Identifier);
    }
    index.references = references;
  }
  return references.get(name) ?? [];
}

/** The kinds `FileIndex.nodes` lists: what flow/file-facts.ts and the rules' whole-file passes read. */
const LISTED_KINDS: readonly ts.SyntaxKind[] = [
  ts.SyntaxKind.Identifier,
  ts.SyntaxKind.PropertyAccessExpression,
  ts.SyntaxKind.ElementAccessExpression,
  ts.SyntaxKind.BinaryExpression,
  ts.SyntaxKind.PrefixUnaryExpression,
  ts.SyntaxKind.PostfixUnaryExpression,
  ts.SyntaxKind.SwitchStatement,
  ts.SyntaxKind.VariableDeclaration,
  ts.SyntaxKind.Parameter,
  ts.SyntaxKind.ForOfStatement,
  ts.SyntaxKind.ForInStatement,
];
const LISTED = kindTable(LISTED_KINDS);

type Visitor = (node: ts.Node, piece: Piece) => void;

/** What the walk does per node kind; most kinds need nothing (one array load per node, no getter). */
const VISITORS: Array<Visitor | undefined> = [];
const SK = ts.SyntaxKind;

function on(kinds: ts.SyntaxKind[], visitor: Visitor): void {
  for (const kind of kinds) VISITORS[kind] = visitor;
}

on([SK.CallExpression], (node, piece) => visitCall(node as ts.CallExpression, piece));
on([SK.NewExpression], (node, piece) => {
  piece.constructions.push(node as ts.NewExpression);
});
on([SK.BinaryExpression], (node, piece) => visitBinary(node as ts.BinaryExpression, piece));
on([SK.PrefixUnaryExpression, SK.PostfixUnaryExpression], (node, piece) => {
  const { operator, operand } = node as ts.PrefixUnaryExpression | ts.PostfixUnaryExpression;
  if ((operator === SK.PlusPlusToken || operator === SK.MinusMinusToken) && ts.isIdentifier(operand)) {
    piece.writes.push(operand);
  }
});
on([SK.VariableDeclaration], (node, piece) => visitVariable(node as ts.VariableDeclaration, piece));
on([SK.Parameter], (node, piece) => {
  const parameter = node as ts.ParameterDeclaration;
  addPatternBindings(piece, parameter.name, 'param', parameter, parameter.parent);
});
on([SK.FunctionDeclaration, SK.ClassDeclaration, SK.FunctionExpression, SK.ClassExpression], (node, piece) => {
  const named = node as ts.FunctionDeclaration | ts.ClassDeclaration | ts.FunctionExpression | ts.ClassExpression;
  if (!named.name) return;
  // A declaration is seen by its container; a named expression only sees its own name.
  const declared = ts.isFunctionDeclaration(node) || ts.isClassDeclaration(node);
  const kind = !declared ? 'other' : ts.isFunctionDeclaration(node) ? 'function' : 'class';
  piece.bindings.push({ name: named.name.text, kind, node, scope: declared ? node.parent : node, reassigned: false });
});
on([SK.EnumDeclaration], (node, piece) => {
  const declaration = node as ts.EnumDeclaration;
  piece.bindings.push({ name: declaration.name.text, kind: 'enum', node, scope: node.parent, reassigned: false });
});
on([SK.CatchClause], (node, piece) => {
  const clause = node as ts.CatchClause;
  if (clause.variableDeclaration) {
    addPatternBindings(piece, clause.variableDeclaration.name, 'other', clause.variableDeclaration, clause);
  }
});
on([SK.ImportDeclaration], (node, piece) => visitImport(node as ts.ImportDeclaration, piece));
on([SK.ImportEqualsDeclaration], (node, piece) => {
  const declaration = node as ts.ImportEqualsDeclaration;
  const reference = declaration.moduleReference;
  if (ts.isExternalModuleReference(reference) && ts.isStringLiteral(reference.expression)) {
    addImport(piece, declaration.name.text, declaration, reference.expression.text, '*', declaration.parent);
  }
});
on([SK.DeleteExpression], (node, piece) => {
  const member = skipOuter((node as ts.DeleteExpression).expression);
  if ((ts.isPropertyAccessExpression(member) || ts.isElementAccessExpression(member)) && ts.isIdentifier(skipOuter(member.expression))) {
    piece.deletes.push({ target: skipOuter(member.expression) as ts.Identifier, member });
  }
});
on([SK.PropertyDeclaration], (node, piece) => {
  const property = node as ts.PropertyDeclaration;
  if (property.initializer && (ts.isIdentifier(property.name) || ts.isPrivateIdentifier(property.name))) {
    piece.thisMembers.push({ name: property.name.text, value: property.initializer });
  }
});

function visitCall(call: ts.CallExpression, piece: Piece): void {
  piece.calls.push(call);
  // (Read while the walk is at the call: its callee is the next node it visits.)
  piece.calledNames.push(calledName(call));
  piece.callEnds?.push(call.end);
  for (const argument of call.arguments) {
    const target = skipOuter(argument);
    if (ts.isIdentifier(target)) piece.argumentUses.push({ target, call });
  }
}

const COMPOUND_ASSIGNMENTS = new Set([
  ts.SyntaxKind.PlusEqualsToken,
  ts.SyntaxKind.MinusEqualsToken,
  ts.SyntaxKind.AsteriskEqualsToken,
  ts.SyntaxKind.SlashEqualsToken,
  ts.SyntaxKind.BarBarEqualsToken,
  ts.SyntaxKind.QuestionQuestionEqualsToken,
  ts.SyntaxKind.AmpersandAmpersandEqualsToken,
]);

function visitBinary(binary: ts.BinaryExpression, piece: Piece): void {
  const writes = piece.writes;
  const operator = binary.operatorToken.kind;
  const left = binary.left;
  if (operator === ts.SyntaxKind.EqualsToken) {
    if (ts.isIdentifier(left)) {
      writes.push(left);
    } else if (ts.isPropertyAccessExpression(left) || ts.isElementAccessExpression(left)) {
      const target = left.expression;
      const root = memberRoot(target);
      if (root) {
        piece.memberAssignments.push({ target: root, assignment: binary });
      } else if (target.kind === ts.SyntaxKind.ThisKeyword && ts.isPropertyAccessExpression(left)) {
        piece.thisMembers.push({ name: left.name.text, value: binary.right });
      }
    } else if (ts.isObjectLiteralExpression(left) || ts.isArrayLiteralExpression(left)) {
      collectPatternWrites(left, writes);
    }
  } else if (COMPOUND_ASSIGNMENTS.has(operator) && ts.isIdentifier(left)) {
    writes.push(left);
  }
}

/** `x` of `x`, `x.a`, `x["a"].b` (a v2 body's `payload.parameters`): the variable a member chain starts at. */
function memberRoot(expression: ts.Expression): ts.Identifier | undefined {
  let node = expression;
  for (let depth = 0; depth < 8; depth++) {
    if (ts.isIdentifier(node)) return node;
    if (!ts.isPropertyAccessExpression(node) && !ts.isElementAccessExpression(node)) return undefined;
    node = node.expression;
  }
  return undefined;
}

/** Identifiers written by a destructuring assignment (`[a, b] = ...`, `({ a } = ...)`). */
function collectPatternWrites(pattern: ts.Expression, writes: ts.Identifier[]): void {
  const pending: ts.Node[] = [pattern];
  while (pending.length > 0) {
    const node = pending.pop()!;
    if (ts.isIdentifier(node)) writes.push(node);
    else if (ts.isShorthandPropertyAssignment(node)) writes.push(node.name);
    else if (ts.isPropertyAssignment(node)) pending.push(node.initializer);
    else if (ts.isObjectLiteralExpression(node) || ts.isArrayLiteralExpression(node) || ts.isSpreadElement(node) || ts.isSpreadAssignment(node)) {
      ts.forEachChild(node, (child) => {
        pending.push(child);
      });
    } else if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
      pending.push(node.left);
    }
  }
}

function visitVariable(declaration: ts.VariableDeclaration, piece: Piece): void {
  const list = declaration.parent;
  if (!ts.isVariableDeclarationList(list)) return;
  const flags = list.flags;
  const kind: BindingKind =
    flags & ts.NodeFlags.Const || flags & ts.NodeFlags.Using ? 'const' : flags & ts.NodeFlags.Let ? 'let' : 'var';
  const scope = kind === 'var' ? functionScope(declaration) : blockScope(list);
  const init = declaration.initializer;
  const required = init ? requiredModule(init) : undefined;
  if (required && ts.isIdentifier(declaration.name)) {
    addImport(piece, declaration.name.text, declaration, required.module, required.imported, scope);
    return;
  }
  if (required && ts.isObjectBindingPattern(declaration.name)) {
    for (const element of declaration.name.elements) {
      if (!ts.isIdentifier(element.name)) continue;
      const property = element.propertyName;
      const imported = property && (ts.isIdentifier(property) || ts.isStringLiteral(property)) ? property.text : element.name.text;
      addImport(piece, element.name.text, element, required.module, imported, scope);
    }
    return;
  }
  if (ts.isIdentifier(declaration.name)) {
    piece.bindings.push({ name: declaration.name.text, kind, node: declaration, scope, initializer: init, reassigned: false });
  } else {
    addPatternBindings(piece, declaration.name, kind, declaration, scope);
  }
}

/** `require("m")`, `require("m").default` / `.name`, `await import("m")`. */
function requiredModule(init: ts.Expression): { module: string; imported: string } | undefined {
  let expression = skipOuter(init);
  let imported = '*';
  if (ts.isPropertyAccessExpression(expression)) {
    imported = expression.name.text;
    expression = skipOuter(expression.expression);
  }
  if (ts.isAwaitExpression(expression)) expression = skipOuter(expression.expression);
  if (!ts.isCallExpression(expression) || expression.arguments.length !== 1) return undefined;
  const argument = expression.arguments[0];
  const isRequire = ts.isIdentifier(expression.expression) && expression.expression.text === 'require';
  const isImport = expression.expression.kind === ts.SyntaxKind.ImportKeyword;
  if (!(isRequire || isImport) || !ts.isStringLiteralLike(argument)) return undefined;
  return { module: argument.text, imported };
}

function visitImport(declaration: ts.ImportDeclaration, piece: Piece): void {
  const clause = declaration.importClause;
  if (!clause || !ts.isStringLiteral(declaration.moduleSpecifier)) return;
  const module = declaration.moduleSpecifier.text;
  // The children of the declaration have no parent pointer yet: the scope is the declaration's container.
  const scope = declaration.parent;
  if (clause.name) addImport(piece, clause.name.text, clause, module, 'default', scope);
  const bindings = clause.namedBindings;
  if (!bindings) return;
  if (ts.isNamespaceImport(bindings)) {
    addImport(piece, bindings.name.text, bindings, module, '*', scope);
  } else {
    for (const element of bindings.elements) {
      const imported = element.propertyName ? element.propertyName.text : element.name.text;
      addImport(piece, element.name.text, element, module, imported, scope);
    }
  }
}

function addImport(piece: Piece, name: string, node: ts.Node, module: string, imported: string, scope: ts.Node): void {
  piece.bindings.push({
    name,
    kind: 'import',
    node,
    scope,
    module,
    imported,
    reassigned: false,
  });
}

function addPatternBindings(piece: Piece, name: ts.BindingName, kind: BindingKind, node: ts.Node, scope: ts.Node): void {
  // Most names are plain identifiers (every simple parameter): no work list for them.
  if (name.kind === SK.Identifier) {
    piece.bindings.push({ name: name.text, kind, node, scope, reassigned: false });
    return;
  }
  for (const id of bindingNames(name)) piece.bindings.push({ name: id.text, kind, node, scope, reassigned: false });
}

/** The identifiers a binding name declares: `x`, or those of a pattern (`{ a, b: { c } }`, `[d, ...e]`). */
export function bindingNames(name: ts.BindingName): ts.Identifier[] {
  if (ts.isIdentifier(name)) return [name];
  const found: ts.Identifier[] = [];
  const pending: ts.BindingName[] = [name];
  while (pending.length > 0) {
    const current = pending.pop()!;
    if (ts.isIdentifier(current)) {
      found.push(current);
    } else {
      for (const element of current.elements) {
        if (!ts.isOmittedExpression(element)) pending.push(element.name);
      }
    }
  }
  return found;
}

function addBinding(index: FileIndex, binding: Binding): void {
  let scope = index.scopes.get(binding.scope);
  if (!scope) {
    index.scopes.set(binding.scope, (scope = new Map<string, Binding>()));
    index.scopeKinds[binding.scope.kind] = true;
  }
  const existing = scope.get(binding.name);
  if (existing) {
    // Declared twice in one scope (`var x = 1; var x = 2;`): neither value can be trusted.
    existing.reassigned = true;
    return;
  }
  scope.set(binding.name, binding);
  const same = index.byName.get(binding.name);
  if (!same) {
    index.byName.set(binding.name, [binding]);
  } else {
    same.push(binding);
    index.unsorted.add(binding.name);
  }
  if (binding.kind === 'import') index.imports.push(binding);
}

function addToList<K, T>(map: Map<K, T[]>, key: K, item: T): void {
  const list = map.get(key);
  if (list) list.push(item);
  else map.set(key, [item]);
}

/** The nearest function (or the file) around a node: where `var` and parameters live. */
function functionScope(node: ts.Node): ts.Node {
  let current = node.parent;
  while (current && !ts.isFunctionLike(current) && !ts.isSourceFile(current) && !ts.isModuleBlock(current)) {
    current = current.parent;
  }
  return current ?? node.getSourceFile();
}

function blockScope(list: ts.VariableDeclarationList): ts.Node {
  const parent = list.parent;
  return ts.isVariableStatement(parent) ? parent.parent : parent;
}
