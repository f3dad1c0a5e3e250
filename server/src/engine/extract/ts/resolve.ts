// The one way the TS/JS engine resolves what code refers to, shared by the extractor (values, URLs,
// bodies, headers, wrappers), the key-exposure reads and the flow analysis. Syntax only, same file:
//
// - `bindingValue(id)`: the expression a name holds AT a use: a constant's initializer, or for a
//   reassigned `let`/`var` the one write that certainly reaches the use in straight-line code
//   (flow-sensitive; a write in a branch, a loop or another function makes it unknown, never guessed;
//   a use in another function than the declaration's takes that function's own last write, when no
//   code runs between the write and the use). `bindingValues(id)`: the same, or the final writes of
//   an `if`/`else` or `switch` that writes the name on every path to the use (one of them reaches it).
// - `iteratedList(binding)`: the list a `for...of` variable or an element callback's parameter
//   (`list.map((x) => ...)`) takes its elements from.
// - `calledFunction(call)`: the same-file function a call calls (`f()`, `this.m()`, `Class.m()`,
//   `obj.m()` for a constant object literal or `new Class()`); `resolvedCalls(fn)`, the calls of the
//   file it finds calling a function; `returnedExpressions(fn)`.
// - `parameterArguments(binding)`: what a parameter receives at each call (or `new`) of its function,
//   when every one is visible; `visibleArguments`, at the calls this file makes, and whether those are all.
// - `memberExpressions(access)`: what `obj.key` / `obj["key"]` / `this.key` / `Class.key` holds: a
//   constant object literal's property, a class member's initializer or its `this.key = ...` writes (a
//   constructor parameter followed to each `new`); `accessedKey(access)`, the key an access names;
//   `constantObject(receiver)`, a constant whose members are read where they were written.
// - `runsBefore(statement, use)`, `memberWriteOrder(assignment, use, bound)`: whether a statement or a
//   write into an object (`init.body = ...`) runs before a use, by the same straight-line rules.
// - `enclosingFunction(node)`, `isLoop(node)`, `isStatementList(node)`: what every part means by "the
//   function around", "a loop" and "a list of statements"; `someNode(root, test)`, a search of a subtree
//   from a work list (no recursion: code may be nested deeper than the stack).
// Every answer is "undefined: cannot be known" when the file leaves any doubt.

import ts from 'typescript';
import type { TsContext } from './context.js';
import { bindingNames, callsNamed, referencesOf, type Binding, type FileIndex } from './file-index.js';
import { appendAll } from '../../arrays.js';
import { kindTable, outermost, resolveIdentifier, skipOuter } from './scope.js';

export type FunctionNode = ts.SignatureDeclaration & { body?: ts.ConciseBody };

/** Array methods whose callback's first parameter is an element. */
export const ELEMENT_CALLBACKS = new Set(['map', 'forEach', 'filter', 'find', 'findLast', 'findIndex', 'findLastIndex', 'some', 'every', 'flatMap']);

/** What a use of a name holds there: the expression, and where it was written (for what code adds after it). */
export interface BoundValue {
  binding: Binding;
  expression: ts.Expression;
  /** The end of the declaration or assignment that wrote it (of the `if` or `switch` around a branch's write). */
  from: number;
  /**
   * The value reaches the use only when it is truthy (`if (!ext) ext = "png"` writes any other), or
   * only when it is there (`if (ext == null) ...`): what it cannot be there is no option.
   */
  kept?: 'truthy' | 'present';
}

/** The expression `id` holds at this use, or undefined when it cannot be known (or may be one of several writes). */
export function bindingValue(id: ts.Identifier, ctx: TsContext, binding = resolveIdentifier(ctx.index, id)): BoundValue | undefined {
  const values = bindingValues(id, ctx, binding);
  return values?.length === 1 ? values[0] : undefined;
}

/**
 * The expressions `id` may hold at this use, one of which it certainly holds: one (bindingValue's
 * answer), or each final write of an `if`/`else` or `switch` that assigns the name on every path to
 * the use (as a conditional expression's branches are). Undefined when it cannot be known.
 */
export function bindingValues(id: ts.Identifier, ctx: TsContext, binding = resolveIdentifier(ctx.index, id)): BoundValue[] | undefined {
  if (!binding) return undefined;
  if (binding.kind !== 'const' && binding.kind !== 'let' && binding.kind !== 'var') return undefined;
  if (!binding.reassigned) return binding.initializer ? [{ binding, expression: binding.initializer, from: binding.node.end }] : destructuredConstant(binding, ctx);
  return reachingWrites(binding, id, ctx);
}

/** A name whose object code may write into: a member assignment, a `delete`, or a call it is handed to. */
function writtenThrough(name: ts.Identifier, ctx: TsContext): boolean {
  const binding = resolveIdentifier(ctx.index, name);
  return binding !== undefined && (ctx.index.memberAssignments.has(binding) || ctx.index.deletes.has(binding) || ctx.index.argumentUses.has(binding));
}

/**
 * A name a constant's destructuring takes from an object the file writes once
 * (`const { endpoint, token } = settings.leonardo`): that object literal's property. Undefined with a
 * default (the key may be absent), a computed key, or an object the code may change.
 */
function destructuredConstant(binding: Binding, ctx: TsContext): BoundValue[] | undefined {
  const declaration = binding.node;
  if (binding.kind !== 'const' || !ts.isVariableDeclaration(declaration) || !ts.isObjectBindingPattern(declaration.name) || !declaration.initializer) return undefined;
  const taken = patternElement(declaration.name, binding.name);
  if (!taken || taken.element.initializer) return undefined;
  const { key } = taken;
  const object = constantLiteral(declaration.initializer, ctx);
  const values = object && objectProperty(object, key);
  return values?.length === 1 ? [{ binding, expression: values[0], from: declaration.end }] : undefined;
}

/**
 * The element of an object pattern that declares `name` (not a rest), with the key it reads (`{ a }`,
 * `{ a: b }`, `{ "a": b }`); undefined for a computed key. The one reading of a pattern for the values,
 * the resolver and the wrappers.
 */
export function patternElement(pattern: ts.ObjectBindingPattern, name: string): { element: ts.BindingElement; key: string } | undefined {
  // (A loop, not a closure made per call: see ARCHITECTURE.md, Performance.)
  let element: ts.BindingElement | undefined;
  for (const e of pattern.elements) {
    if (!e.dotDotDotToken && ts.isIdentifier(e.name) && e.name.text === name) {
      element = e;
      break;
    }
  }
  const keyNode = element?.propertyName ?? element?.name;
  const key = keyNode && (ts.isIdentifier(keyNode) || ts.isStringLiteral(keyNode)) ? keyNode.text : undefined;
  return element && key !== undefined ? { element, key } : undefined;
}

/** The object literal an expression certainly holds: a constant's (`settings`) or a constant's member's (`settings.leonardo`). */
function constantLiteral(expression: ts.Expression, ctx: TsContext): ts.ObjectLiteralExpression | undefined {
  const node = skipOuter(expression);
  let value: ts.Expression | undefined;
  if (ts.isIdentifier(node)) {
    const binding = constantObject(node, ctx.index);
    const uses = binding && objectUses(binding, ctx);
    if (uses === 'read' || uses === 'copied') value = binding!.initializer;
  } else if (isMemberAccess(node)) {
    const values = memberExpressions(node, ctx);
    if (values?.length === 1) value = values[0];
  }
  const literal = value && unfrozen(value);
  return literal && ts.isObjectLiteralExpression(literal) ? literal : undefined;
}

/**
 * The initializer or plain assignment that certainly gives `binding` its value at `use` (see bindingValue),
 * or the writes of the branching statement one of which certainly does.
 *
 * In the function that declares the name, every write must be ordered: one in another function could
 * run at any call. A use in another function (a module's `let response;` written and read in `main`,
 * or a closure's) holds that function's last write before it when no code can run in between: no
 * call, `new`, `await` or `yield` between the write and the use, so no write elsewhere comes between.
 */
function reachingWrites(binding: Binding, use: ts.Node, ctx: TsContext): BoundValue[] | undefined {
  const declaration = binding.node;
  if (binding.kind === 'const' || !ts.isVariableDeclaration(declaration) || !ts.isIdentifier(declaration.name)) return undefined;
  const writes = ctx.index.writes.get(binding);
  if (!writes) return undefined;
  const home = enclosingFunction(declaration);
  const useHome = enclosingFunction(use);
  const own = useHome === home;
  const usePos = use.pos;
  let last: { statement: ts.Node; expression: ts.Expression | undefined; end: number } | undefined;
  if (own && declaration.end <= usePos) last = { statement: declaration.parent.parent, expression: declaration.initializer, end: declaration.end };
  for (const write of writes) {
    const assignment = write.parent;
    const where = enclosingFunction(assignment);
    // A write in another function than the use's: in the declaring function's, it could run at any call;
    // elsewhere, only at the calls and awaits that codeRunsBetween rules out.
    if (where !== useHome) {
      if (own) return undefined;
      continue;
    }
    // Only `x = value;` as a statement of its own, in this function, can be ordered.
    if (!ts.isBinaryExpression(assignment) || assignment.left !== write || assignment.operatorToken.kind !== ts.SyntaxKind.EqualsToken) return undefined;
    if (assignment.end <= usePos && (!last || assignment.end > last.end)) {
      last = { statement: assignment.parent, expression: assignment.right, end: assignment.end };
    }
  }
  if (!last) return undefined;
  let values: BoundValue[] | undefined;
  let statement = last.statement;
  if (ts.isVariableStatement(statement) || ts.isExpressionStatement(statement)) {
    // The write is a statement of a statement list holding the use: it ran before the use, and nothing
    // wrote the name since (it is the last write before the use).
    if (last.expression && runsBefore(statement, use)) values = [{ binding, expression: last.expression, from: last.end }];
  }
  if (!values) {
    // The last write is inside a statement of such a list: an `if`/`else` or `switch` that ends every
    // path through it with a write of the name leaves one of those writes in it.
    while (!(isStatementList(statement.parent) && holds(statement.parent, use)) && !ts.isFunctionLike(statement.parent)) statement = statement.parent;
    const finals = ts.isIfStatement(statement) || ts.isSwitchStatement(statement) || ts.isTryStatement(statement) ? finalWrites(statement, binding, ctx) : undefined;
    if (!finals || (finals.writes.length === 0 && !finals.open)) return undefined;
    // In another function than the declaration's, code that runs after a write in its branch could write the name elsewhere.
    const branching = statement;
    if (!own && (finals.open || finals.writes.some((write) => codeRunsBetween(branching, write.end, branching.end)))) return undefined;
    // Branches that write another name too (`if (draft) { model = "flux-schnell"; width = 512; }`) set
    // values that go together: each name's options read apart would pair one branch's with another's.
    // They are read one arm at a time (requests.ts `perBranchSites`), or not at all. (One path that
    // completes, as a `try` whose `catch` returns, leaves one value: nothing to pair.)
    const writes = finals.writes.length + (finals.open ? 1 : 0) > 1 ? writeTargets(branching) : [];
    if (writesAnotherName(writes, binding, ctx)) {
      const taken = ctx.branch;
      if (taken?.statement !== branching) {
        // (Writes into objects in the arms, `parameters.width = 1024`, follow the arm too: bodies.ts
        // composes an object with the taken arm's writes and none of another arm's.)
        if (!ts.isTryStatement(branching)) ctx.refused ??= branching as ts.IfStatement | ts.SwitchStatement;
        return undefined;
      }
      values = armValues(taken.statement, taken.arm, binding, ctx);
      if (!values) return undefined;
    } else {
      // What follows a final write in its branch does not name the value: what the code does to it is
      // done after the statement, on every path. (Where an arm writes into the object after its write,
      // `payload.height = 1540`, that arm's object is not the write alone: it is read one arm at a time
      // only where the arms write another name too.)
      if (finals.changed) return undefined;
      values = finals.writes.map((write) => ({ binding, expression: write.right, from: branching.end }));
      // A path that writes nothing (`if` without `else`) keeps what the name held before the statement,
      // as a conditional expression's other branch: one of the options, when that is known.
      if (finals.open) {
        const before = unlessPlaceholder(reachingWrites(binding, branching, ctx), finals.writes.length > 0);
        if (!before) return undefined;
        const kept = ts.isIfStatement(branching) ? keptWhenUnwritten(branching, binding, ctx) : undefined;
        for (const value of before) values.push(kept ? Object.assign({}, value, { kept }) : value);
      }
    }
  }
  const block = statement.parent;
  if (statement.end > usePos || !holds(block, use)) return undefined;
  // Unless a loop around the use repeats a write.
  for (let node = use.parent; node !== block; node = node.parent) {
    if (!node) return undefined;
    if (isLoop(node) && writes.some((w) => w.pos >= node.pos && w.end <= node.end)) return undefined;
  }
  if (!own && codeRunsBetween(block, statement.end, usePos)) return undefined;
  return values;
}

/**
 * True when a statement certainly runs before `use` each time the use runs: a statement of a
 * statement list holding the use, in the same function, ending before it. With `after` (the write
 * of a name that reaches the use), it also comes after that write when the two are in one function.
 */
export function runsBefore(statement: ts.Node, use: ts.Node, after?: BoundValue): boolean {
  if (statement.end > use.pos || !isStatementList(statement.parent) || !holds(statement.parent, use)) return false;
  const home = enclosingFunction(statement);
  if (home !== enclosingFunction(use)) return false;
  return !after || statement.pos >= after.from || enclosingFunction(after.expression) !== home;
}

/**
 * How a write into the object a name holds (`init.body = ...`) stands to a read of the name at `use`,
 * `bound` being the write of the name that reaches the use: `before` when it is a statement that
 * runsBefore the use after `bound`; `never` when it cannot run between the two (in the function
 * that made the object and reads it, after the read or before `bound`, and no loop around the read
 * repeats it); else `maybe` (in a branch, a loop, another function, or after the read of an object
 * made outside the function, which a later call reads again).
 */
export function memberWriteOrder(assignment: ts.BinaryExpression, use: ts.Node, bound: BoundValue): 'before' | 'never' | 'maybe' {
  const home = enclosingFunction(use);
  if (enclosingFunction(assignment) !== home) return 'maybe';
  const statement = assignment.parent;
  if (ts.isExpressionStatement(statement) && statement.expression === assignment && runsBefore(statement, use, bound)) return 'before';
  if (enclosingFunction(bound.expression) !== home) return 'maybe';
  for (let node = use.parent; node && node !== home; node = node.parent) {
    if (isLoop(node) && holds(node, assignment)) return 'maybe';
  }
  return assignment.pos >= use.end || assignment.end <= bound.from ? 'never' : 'maybe';
}

/**
 * How the uses of a constant object's name may change or copy the object: `copied` when some use hands
 * it on whole (an argument, `{ ...obj }`, `Object.create(obj)`), `aliased` when code may write into it
 * where its name is not written (`Object.assign(obj, ...)`, `const alias = obj`), `changed` when code
 * writes into it by its name (`obj.key = ...`, `delete obj.key`: what values.ts composes in order).
 * Reads of its members (`obj.key`, `obj.m()`, `obj[k]`) and type positions (`typeof obj`) do none of these.
 */
export function objectUses(binding: Binding, ctx: TsContext): 'read' | 'copied' | 'aliased' | 'changed' {
  let uses: 'read' | 'copied' | 'changed' = ctx.index.memberAssignments.has(binding) ? 'changed' : 'read';
  const declared = declaredName(binding);
  for (const id of referencesOf(ctx.index, binding.name)) {
    if (id === declared || resolveIdentifier(ctx.index, id) !== binding) continue;
    const use = outermost(id);
    const parent = use.parent;
    if ((ts.isPropertyAccessExpression(parent) || ts.isElementAccessExpression(parent)) && parent.expression === use) {
      if (ts.isDeleteExpression(outermost(parent).parent)) uses = 'changed';
      continue;
    }
    if (ts.isTypeQueryNode(parent) || ts.isExportSpecifier(parent) || ts.isExportAssignment(parent)) continue;
    if (ts.isCallExpression(parent) && isObjectAssign(parent) && parent.arguments[0] === use) return 'aliased';
    // Handed on whole: an alias may be written through (`const t = STATES; t.DONE = ...`). (Exported
    // with `module.exports = obj`, it is read elsewhere as `export const` is.)
    if (ts.isBinaryExpression(parent) && parent.right === use && isCommonJsExport(parent.left)) continue;
    // `const { endpoint } = settings` reads members, unless a name it takes is written through
    // (`const { leonardo } = settings; leonardo.endpoint = ...`) or handed on.
    if (ts.isVariableDeclaration(parent) && parent.initializer === use && ts.isObjectBindingPattern(parent.name)) {
      if (bindingNames(parent.name).some((name) => writtenThrough(name, ctx))) return 'aliased';
      if (uses === 'read') uses = 'copied';
      continue;
    }
    // `const cfg = config` reads it under another name, unless code writes through that name or hands it on.
    if (ts.isVariableDeclaration(parent) && parent.initializer === use && ts.isIdentifier(parent.name) && resolveIdentifier(ctx.index, parent.name)?.kind === 'const' && !writtenThrough(parent.name, ctx)) {
      if (uses === 'read') uses = 'copied';
      continue;
    }
    if (ts.isVariableDeclaration(parent) || (ts.isBinaryExpression(parent) && parent.right === use)) return 'aliased';
    if (uses === 'read') uses = 'copied';
  }
  return uses;
}

/** `module.exports`, `module.exports.x`, `exports.x`. */
function isCommonJsExport(target: ts.Expression): boolean {
  let node = skipOuter(target);
  if (ts.isPropertyAccessExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'exports') return true;
  if (ts.isPropertyAccessExpression(node) && ts.isPropertyAccessExpression(node.expression)) node = node.expression;
  return ts.isPropertyAccessExpression(node) && node.name.text === 'exports' && ts.isIdentifier(node.expression) && node.expression.text === 'module';
}

/** `inner` lies within `outer`, by position. */
export function holds(outer: ts.Node, inner: ts.Node): boolean {
  return outer.pos <= inner.pos && inner.end <= outer.end;
}

/** A block, the file, a module block or a `case`/`default` clause: a list of statements run in order. */
export function isStatementList(node: ts.Node): boolean {
  return ts.isBlock(node) || ts.isSourceFile(node) || ts.isCaseClause(node) || ts.isDefaultClause(node) || ts.isModuleBlock(node);
}

/**
 * How a statement leaves a name when it completes normally: the assignments `name = value;` that are
 * the last to write it on a path through it (`writes`), and whether some path through it writes
 * nothing (`open`: the name keeps the value it had before the statement).
 */
interface FinalWrites {
  writes: ts.BinaryExpression[];
  open: boolean;
  /** Some path writes into the object after its final write (`payload = {...}; payload.height = 1540;`). */
  changed?: boolean;
}

const NEVER_COMPLETES: FinalWrites = { writes: [], open: false };
const WRITES_NOTHING: FinalWrites = { writes: [], open: true };

/**
 * The final writes of `statement` (see FinalWrites): the statement itself, a block's last statement
 * that writes the name, each branch of an `if` (one without an `else`, or a branch that never names
 * the name, leaves a path open), and each clause of a `switch` (a clause ends with its writes and a
 * `break`, or falls through empty; no `default` leaves a path open). A `throw` or `return` never
 * completes. Undefined when some path cannot be followed: a branch that names the name without
 * writing it (code there could change the object it holds), or that leaves by `break` or `continue`.
 */
function finalWrites(statement: ts.Statement, binding: Binding, ctx: TsContext, depth = 0): FinalWrites | undefined {
  if (depth > 16) return undefined;
  const writes = ctx.index.writes.get(binding) ?? [];
  // (A block is read statement by statement: one that ends with a `throw` never completes.)
  if (!ts.isBlock(statement) && !writes.some((w) => holds(statement, w))) return unwritten(statement, binding, ctx);
  switch (statement.kind) {
    case ts.SyntaxKind.ExpressionStatement: {
      const expression = (statement as ts.ExpressionStatement).expression;
      const written =
        ts.isBinaryExpression(expression) &&
        expression.operatorToken.kind === ts.SyntaxKind.EqualsToken &&
        ts.isIdentifier(expression.left) &&
        resolveIdentifier(ctx.index, expression.left) === binding;
      return written ? { writes: [expression], open: false } : undefined;
    }
    case ts.SyntaxKind.Block:
      return listWrites((statement as ts.Block).statements, binding, ctx, depth);
    case ts.SyntaxKind.IfStatement: {
      const { thenStatement, elseStatement } = statement as ts.IfStatement;
      const then = finalWrites(thenStatement, binding, ctx, depth + 1);
      const otherwise = then && (elseStatement ? finalWrites(elseStatement, binding, ctx, depth + 1) : WRITES_NOTHING);
      return otherwise && { writes: [...then.writes, ...otherwise.writes], open: then.open || otherwise.open, changed: then.changed || otherwise.changed };
    }
    case ts.SyntaxKind.SwitchStatement: {
      const clauses = (statement as ts.SwitchStatement).caseBlock.clauses;
      const out: FinalWrites = { writes: [], open: !clauses.some(ts.isDefaultClause) };
      for (let i = 0; i < clauses.length; i++) {
        const statements = clauseBody(clauses[i]);
        const isLast = i === clauses.length - 1;
        // An empty clause falls through to the next one (the last one completes the switch unwritten).
        if (statements.length === 0) {
          if (isLast) out.open = true;
          continue;
        }
        const tail = statements[statements.length - 1];
        const breaks = ts.isBreakStatement(tail) && !tail.label;
        const body = breaks ? statements.slice(0, -1) : statements;
        // An earlier `break` leaves the switch before the write.
        if (body.some(breaksOut)) return undefined;
        const written = listWrites(body, binding, ctx, depth);
        if (!written) return undefined;
        // A clause that writes and neither breaks nor ends the switch falls through into the next one's writes.
        if (written.writes.length > 0 && !breaks && !isLast) return undefined;
        appendAll(out.writes, written.writes);
        out.changed ||= written.changed;
        // A clause that leaves a path unwritten completes the switch so when it breaks or is the last.
        if (written.open && (breaks || isLast)) out.open = true;
      }
      return out;
    }
    case ts.SyntaxKind.TryStatement: {
      const { tryBlock, catchClause, finallyBlock } = statement as ts.TryStatement;
      if (finallyBlock && names(finallyBlock, binding.name)) return undefined;
      const tried = finalWrites(tryBlock, binding, ctx, depth + 1);
      if (!tried || !catchClause) return tried;
      // The error may come before the try block's write: a `catch` that completes must write the name itself.
      const caught = finalWrites(catchClause.block, binding, ctx, depth + 1);
      if (!caught || caught.open) return undefined;
      return { writes: [...tried.writes, ...caught.writes], open: tried.open, changed: tried.changed || caught.changed };
    }
    default:
      return undefined;
  }
}

/** A statement that holds no write of the name: it leaves the name as it was, unless it names it or leaves its list. */
function unwritten(statement: ts.Statement, binding: Binding, ctx: TsContext): FinalWrites | undefined {
  if (neverCompletes([statement], ctx)) return NEVER_COMPLETES;
  return names(statement, binding.name) || leavesByJump(statement) ? undefined : WRITES_NOTHING;
}

/**
 * The final writes of a statement list: those of its last statement that writes the name, when what
 * follows it does not name it (code there could change the object it holds, after the write, on
 * this path only), unless the list ends with a `throw` or `return` after it. Where that statement
 * leaves a path unwritten, the statements before it are read the same way for that path.
 */
function listWrites(statements: readonly ts.Statement[], binding: Binding, ctx: TsContext, depth: number): FinalWrites | undefined {
  const writes = ctx.index.writes.get(binding) ?? [];
  const out: FinalWrites = { writes: [], open: true };
  for (let i = statements.length - 1; i >= 0 && out.open; i--) {
    const statement = statements[i];
    if (neverCompletes([statement], ctx)) return out.writes.length === 0 ? NEVER_COMPLETES : undefined;
    if (writes.some((w) => holds(statement, w))) {
      const finals = finalWrites(statement, binding, ctx, depth + 1);
      if (!finals) return undefined;
      appendAll(out.writes, finals.writes);
      out.open = finals.open;
      out.changed ||= finals.changed;
    } else if (out.writes.length === 0 && writesMemberOf(statement, binding, ctx)) {
      // After the list's last write, code that adds to the object (read one arm at a time, see `changed`).
      out.changed = true;
    } else if (names(statement, binding.name) || leavesByJump(statement)) {
      return undefined;
    }
  }
  return out;
}

/**
 * A statement that names `name` only to write into its object: `name.key = value` (or deeper,
 * `name.parameters.key = value`), also under an `if` (`if (hd) { payload.width = 1536; }`), where no
 * value written names it, no function captures it and nothing leaves the list by `break` or `continue`.
 */
function writesMemberOf(statement: ts.Statement, binding: Binding, ctx: TsContext): boolean {
  if (leavesByJump(statement)) return false;
  let writes = 0;
  const other = someNode(statement, (node) => {
    if (ts.isFunctionLike(node)) return names(node, binding.name) || false;
    if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isExpressionStatement(node.parent) && isMemberAccess(skipOuter(node.left))) {
      let root = skipOuter(node.left);
      while (isMemberAccess(root)) root = skipOuter(root.expression);
      if (ts.isIdentifier(root) && root.text === binding.name) {
        if (resolveIdentifier(ctx.index, root) !== binding || names(node.right, binding.name)) return true;
        writes++;
        return false;
      }
    }
    return ts.isIdentifier(node) && node.text === binding.name ? true : undefined;
  });
  return !other && writes > 0;
}

/**
 * What the name must hold for `if (test) { ...writes it }` (no `else`) to leave it unwritten: truthy
 * after `if (!name)`, there after `if (name == null)` / `if (name === undefined)`.
 */
function keptWhenUnwritten(statement: ts.IfStatement, binding: Binding, ctx: TsContext): BoundValue['kept'] {
  if (statement.elseStatement) return undefined;
  const test = skipOuter(statement.expression);
  const names = (node: ts.Expression): boolean => {
    const inner = skipOuter(node);
    return ts.isIdentifier(inner) && resolveIdentifier(ctx.index, inner) === binding;
  };
  if (ts.isPrefixUnaryExpression(test) && test.operator === ts.SyntaxKind.ExclamationToken) return names(test.operand) ? 'truthy' : undefined;
  if (!ts.isBinaryExpression(test)) return undefined;
  const operator = test.operatorToken.kind;
  if (operator !== ts.SyntaxKind.EqualsEqualsToken && operator !== ts.SyntaxKind.EqualsEqualsEqualsToken) return undefined;
  const [subject, other] = names(test.left) ? [test.left, skipOuter(test.right)] : names(test.right) ? [test.right, skipOuter(test.left)] : [undefined, undefined];
  if (!subject || !other) return undefined;
  const absent = other.kind === ts.SyntaxKind.NullKeyword || (ts.isIdentifier(other) && other.text === 'undefined' && !resolveIdentifier(ctx.index, other));
  return absent ? 'present' : undefined;
}

/**
 * A `case` clause's statements, its block opened when it is written `case "x": { ...; break; }` (or
 * with the `break` after the block).
 */
function clauseBody(clause: ts.CaseOrDefaultClause): readonly ts.Statement[] {
  const statements = clause.statements;
  const [first, second] = statements;
  if (!first || !ts.isBlock(first) || statements.length > 2) return statements;
  if (!second) return first.statements;
  return ts.isBreakStatement(second) && !second.label ? [...first.statements, second] : statements;
}

/**
 * The paths through an `if` (its `else if` chain flattened) or a `switch`: each arm (a branch's
 * statement, a non-empty clause), and `undefined` for the path through none (no `else`, no `default`,
 * or an empty last clause). Arms that never complete (they end with `return` or `throw`) are left out:
 * no code after the statement runs on them. None for a `switch` whose clause runs on into the next
 * one after code of its own: that arm is two clauses.
 */
export function armsOf(statement: ts.IfStatement | ts.SwitchStatement, ctx: TsContext): Array<ts.Node | undefined> {
  const arms: Array<ts.Node | undefined> = [];
  if (ts.isIfStatement(statement)) {
    let otherwise: ts.Statement | undefined = statement;
    for (; otherwise && ts.isIfStatement(otherwise); otherwise = otherwise.elseStatement) arms.push(otherwise.thenStatement);
    arms.push(otherwise);
  } else {
    const clauses = statement.caseBlock.clauses;
    for (const [i, clause] of clauses.entries()) {
      const body = clauseBody(clause);
      if (body.length === 0) continue;
      const last = body[body.length - 1];
      const jumps = ts.isBreakStatement(last) || ts.isContinueStatement(last) || neverCompletes(body, ctx);
      if (!jumps && i < clauses.length - 1) return [];
      arms.push(clause);
    }
    if (!clauses.some(ts.isDefaultClause) || clauses[clauses.length - 1].statements.length === 0) arms.push(undefined);
  }
  return arms.filter((arm) => !arm || !neverCompletes(ts.isCaseOrDefaultClause(arm) ? clauseBody(arm) : [arm as ts.Statement], ctx));
}

/**
 * The last of the statements (a block's, in turn) is a `return`, a `throw`, `process.exit(...)`, or a
 * call of a same-file function that never returns (declared `never`, or itself ending so).
 */
function neverCompletes(statements: readonly ts.Statement[], ctx: TsContext, depth = 0): boolean {
  const last = statements[statements.length - 1];
  if (!last || depth > 4) return false;
  if (ts.isBlock(last)) return neverCompletes(last.statements, ctx, depth + 1);
  if (ts.isExpressionStatement(last) && ts.isCallExpression(skipOuter(last.expression))) {
    const call = skipOuter(last.expression) as ts.CallExpression;
    const callee = skipOuter(call.expression);
    if (ts.isPropertyAccessExpression(callee) && callee.name.text === 'exit' && ts.isIdentifier(callee.expression) && callee.expression.text === 'process') return true;
    const fn = calledFunction(call, ctx);
    if (!fn) return false;
    if (fn.type?.kind === ts.SyntaxKind.NeverKeyword) return true;
    return !!fn.body && ts.isBlock(fn.body) && neverCompletes(fn.body.statements, ctx, depth + 1);
  }
  return ts.isReturnStatement(last) || ts.isThrowStatement(last);
}

/**
 * What `binding` holds after `statement` when its path through it is `arm` (armsOf): the arm's one
 * final write of it, or what it held before when the arm does not write it (or for the path through
 * no arm). Undefined when the arm itself leaves one of several values: its own branches would pair
 * apart again.
 */
function armValues(statement: ts.IfStatement | ts.SwitchStatement, arm: ts.Node | undefined, binding: Binding, ctx: TsContext): BoundValue[] | undefined {
  if (arm) {
    let finals: FinalWrites | undefined;
    if (ts.isCaseOrDefaultClause(arm)) {
      const statements = clauseBody(arm);
      const last = statements[statements.length - 1];
      finals = listWrites(last && ts.isBreakStatement(last) && !last.label ? statements.slice(0, -1) : statements, binding, ctx, 0);
    } else {
      finals = finalWrites(arm as ts.Statement, binding, ctx);
    }
    if (!finals || !finals.open || finals.writes.length > 0) {
      // (From the write on: what the arm then writes into the object, `payload.height = 1540`, is part of it.)
      return finals?.writes.length === 1 && !finals.open ? [{ binding, expression: finals.writes[0].right, from: finals.writes[0].end }] : undefined;
    }
  }
  return unlessPlaceholder(reachingWrites(binding, statement, ctx), true);
}

/**
 * What a name held before a statement that writes it on some path, less an empty object or list it
 * was declared with to be filled in there (`let payload = {};` before `if (model === "kling-3.0")
 * payload = {...}`): the path that writes nothing keeps a placeholder, not what the code means to send.
 * Undefined when nothing else is left.
 */
function unlessPlaceholder(values: BoundValue[] | undefined, written: boolean): BoundValue[] | undefined {
  if (!values || !written) return values;
  const kept = values.filter(({ expression }) => {
    const node = expression && skipOuter(expression);
    return !node || !((ts.isObjectLiteralExpression(node) && node.properties.length === 0) || (ts.isArrayLiteralExpression(node) && node.elements.length === 0));
  });
  return kept.length > 0 ? kept : undefined;
}

/**
 * What `statement` writes (outside the functions in it): each target, `x` of `x = ...`, `o.k` of
 * `o.k = ...`, `delete o.k` and `Object.assign(o, ...)`.
 */
function writeTargets(statement: ts.Node): ts.Expression[] {
  const out: ts.Expression[] = [];
  someNode(statement, (node) => {
    if (ts.isFunctionLike(node)) return false;
    if (ts.isBinaryExpression(node) && node.operatorToken.kind >= ts.SyntaxKind.FirstAssignment && node.operatorToken.kind <= ts.SyntaxKind.LastAssignment) {
      out.push(node.left);
    } else if (ts.isDeleteExpression(node)) {
      out.push(node.expression);
    } else if (ts.isCallExpression(node) && isObjectAssign(node) && node.arguments[0]) {
      out.push(node.arguments[0]);
    }
    return undefined;
  });
  return out;
}

/**
 * Where a request is made under one arm of a statement (`ctx.branch`): whether `node` is in another
 * arm of it, code that does not run on that path.
 */
export function inOtherArm(node: ts.Node, ctx: TsContext): boolean {
  const taken = ctx.branch;
  return taken !== undefined && holds(taken.statement, node) && !(taken.arm && holds(taken.arm, node));
}

/**
 * Where a request is made under one arm of a statement: whether `current`, an `if` or `switch` around
 * `node`, is that statement or one of its `else if`s on the way to the arm, whose condition holds there.
 */
export function takenOnArm(current: ts.Node, node: ts.Node, ctx: TsContext): boolean {
  const taken = ctx.branch;
  return taken?.arm !== undefined && holds(taken.arm, node) && holds(taken.statement, current) && holds(current, taken.arm);
}

/**
 * True when a write writes something other than `binding`: another name, or a member of what another
 * name holds (`parameters.quality = "HIGH"`, `Object.assign(options, ...)`, `delete x.y`).
 */
function writesAnotherName(writes: readonly ts.Expression[], binding: Binding, ctx: TsContext): boolean {
  return writes.some((target) => {
    let root = skipOuter(target);
    while (isMemberAccess(root)) root = skipOuter(root.expression);
    return !ts.isIdentifier(root) || resolveIdentifier(ctx.index, root) !== binding;
  });
}

export function isObjectAssign(call: ts.CallExpression): boolean {
  const callee = skipOuter(call.expression);
  return ts.isPropertyAccessExpression(callee) && callee.name.text === 'assign' && ts.isIdentifier(callee.expression) && callee.expression.text === 'Object';
}

/** True when an identifier spelt `name` occurs in a node (a property name of that spelling too). */
function names(node: ts.Node, name: string): boolean {
  return someNode(node, (n) => (ts.isIdentifier(n) && n.text === name ? true : undefined));
}

/** True when a statement holds a `break` or `continue` that leaves it (not one of a loop inside it). */
function leavesByJump(node: ts.Node): boolean {
  return someNode(node, (n) =>
    ts.isBreakStatement(n) || ts.isContinueStatement(n) ? true : isLoop(n) || ts.isFunctionLike(n) || ts.isClassLike(n) ? false : undefined,
  );
}

/** True when a statement holds a `break` of the statement around it (not one of a loop or switch inside it). */
function breaksOut(node: ts.Node): boolean {
  return someNode(node, (n) => (ts.isBreakStatement(n) ? true : isLoop(n) || ts.isSwitchStatement(n) || ts.isFunctionLike(n) || ts.isClassLike(n) ? false : undefined));
}

/**
 * True when `test` answers true for `root` or a node under it; `false` leaves a node's subtree out.
 * A work list, not recursion: the code between two statements may be nested deeper than the stack.
 */
export function someNode(root: ts.Node, test: (node: ts.Node) => boolean | undefined): boolean {
  const pending: ts.Node[] = [root];
  for (let node = pending.pop(); node; node = pending.pop()) {
    const answer = test(node);
    if (answer === true) return true;
    if (answer === undefined) {
      // (`test` may search too, but never while the children are pushed: one list at a time.)
      somePending = pending;
      ts.forEachChild(node, pushPending);
      somePending = NO_NODES;
    }
  }
  return false;
}

// someNode's work list, read by its push function: module state, not a closure made per search
// (see ARCHITECTURE.md, Performance).
const NO_NODES: ts.Node[] = [];
let somePending: ts.Node[] = NO_NODES;

function pushPending(child: ts.Node): undefined {
  somePending.push(child);
  return undefined;
}

/**
 * Kinds that run other code (or let it run) where they are evaluated: calls, `await`, iterators (a
 * spread, `for...of`, an array pattern), a class's static parts. Getters and implicit conversions
 * (`${x}`, `a + b`) are not counted, as nowhere else in the engine.
 */
const RUNS_CODE = kindTable([
  ts.SyntaxKind.CallExpression,
  ts.SyntaxKind.NewExpression,
  ts.SyntaxKind.AwaitExpression,
  ts.SyntaxKind.YieldExpression,
  ts.SyntaxKind.TaggedTemplateExpression,
  ts.SyntaxKind.ClassDeclaration,
  ts.SyntaxKind.ClassExpression,
  ts.SyntaxKind.ForOfStatement,
  ts.SyntaxKind.SpreadElement,
  ts.SyntaxKind.ArrayBindingPattern,
]);

/**
 * True when something in `root` between `from` and `to` may run other code before `to` is reached: a
 * call, `new`, `await`, `yield` or tagged template that ends before it (one around `to` runs after its
 * operands), a class (its static parts run where it is defined), a `for...of` (an iterator). A nested
 * function's body does not run where it is written.
 */
function codeRunsBetween(root: ts.Node, from: number, to: number): boolean {
  return someNode(root, (node) => {
    if (node === root) return undefined;
    if (node.end <= from || node.pos >= to || ts.isFunctionLike(node)) return false;
    return RUNS_CODE[node.kind] && (node.end <= to || ts.isForOfStatement(node) || ts.isClassLike(node)) ? true : undefined;
  });
}

export type Loop = ts.WhileStatement | ts.DoStatement | ts.ForStatement | ts.ForOfStatement | ts.ForInStatement;

/** A `for`, `for...of`, `for...in`, `while` or `do` statement. */
export function isLoop(node: ts.Node): node is Loop {
  switch (node.kind) {
    case ts.SyntaxKind.ForStatement:
    case ts.SyntaxKind.ForOfStatement:
    case ts.SyntaxKind.ForInStatement:
    case ts.SyntaxKind.WhileStatement:
    case ts.SyntaxKind.DoStatement:
      return true;
    default:
      return false;
  }
}

/**
 * The nearest function around a node, or undefined at the top level: a declaration, expression or
 * arrow, a method, an accessor, a constructor (anything `ts.isFunctionLike`). A class static block is
 * not one: it runs in place, where the class is defined. Callers that want the file for the top level
 * write `enclosingFunction(node) ?? sourceFile`; two nodes share a home when their answers are equal.
 */
export function enclosingFunction(node: ts.Node): ts.SignatureDeclaration | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (ts.isFunctionLike(current)) return current;
  }
  return undefined;
}

/**
 * The list whose elements a binding takes in turn: `for (const x of list)`, `x` of
 * `for (const [i, x] of list.entries())`, or the first parameter of `list.map((x) => ...)` (and the
 * other element callbacks). Undefined for any other binding.
 */
export function iteratedList(binding: Binding): ts.Expression | undefined {
  const node = binding.node;
  if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && !node.initializer) {
    const loop = node.parent.parent;
    return ts.isForOfStatement(loop) && binding.kind === 'const' ? loop.expression : undefined;
  }
  // `for (const [i, request] of requests.entries())`: the second name takes the list's elements.
  if (ts.isVariableDeclaration(node) && ts.isArrayBindingPattern(node.name) && !node.initializer && binding.kind === 'const') {
    const loop = node.parent.parent;
    const element = node.name.elements[1];
    if (!ts.isForOfStatement(loop) || !element || !ts.isBindingElement(element) || element.dotDotDotToken || !ts.isIdentifier(element.name) || element.name.text !== binding.name) return undefined;
    const iterated = skipOuter(loop.expression);
    const callee = ts.isCallExpression(iterated) && iterated.arguments.length === 0 ? skipOuter(iterated.expression) : undefined;
    return callee && ts.isPropertyAccessExpression(callee) && callee.name.text === 'entries' ? callee.expression : undefined;
  }
  if (binding.kind !== 'param' || !ts.isParameter(node) || !ts.isIdentifier(node.name) || binding.reassigned) return undefined;
  const fn = node.parent;
  return fn.parameters[0] === node ? callbackList(fn) : undefined;
}

/** The list a function is the element callback of (`items` of `items.map((x) => ...)`); undefined for any other function. */
export function callbackList(fn: ts.Node): ts.Expression | undefined {
  if (!isFunctionNode(fn)) return undefined;
  const call = fn.parent;
  if (!ts.isCallExpression(call) || call.arguments[0] !== fn) return undefined;
  const callee = skipOuter(call.expression);
  return ts.isPropertyAccessExpression(callee) && ELEMENT_CALLBACKS.has(callee.name.text) ? callee.expression : undefined;
}

export function isFunctionNode(node: ts.Node): node is ts.ArrowFunction | ts.FunctionExpression {
  return ts.isArrowFunction(node) || ts.isFunctionExpression(node);
}

/** The function a binding names: a function declaration, or a `const` initialised with a function. */
export function functionOfBinding(binding: Binding | undefined): FunctionNode | undefined {
  if (!binding) return undefined;
  if (binding.kind === 'function' && ts.isFunctionDeclaration(binding.node)) return binding.node;
  if (binding.kind !== 'const' || !binding.initializer) return undefined;
  const initializer = skipOuter(binding.initializer);
  return isFunctionNode(initializer) ? initializer : undefined;
}

/** The method (or arrow-function property) `name` of the class around `node`. */
export function classMember(node: ts.Node, name: string, ctx: TsContext): FunctionNode | undefined {
  const owner = thisClass(node);
  if (owner) return memberFunction(owner.members, name);
  const object = thisObject(node, ctx);
  return object && memberFunction(object.properties, name);
}

/** A method `name() {}` or a property `name = () => ...` / `name: function () {}`. */
export function namedMember(node: ts.Node, name: string): FunctionNode | undefined {
  if (ts.isMethodDeclaration(node) && ts.isIdentifier(node.name) && node.name.text === name) return node;
  if ((ts.isPropertyDeclaration(node) || ts.isPropertyAssignment(node)) && ts.isIdentifier(node.name) && node.name.text === name) {
    const value = node.initializer && skipOuter(node.initializer);
    return value && isFunctionNode(value) ? value : undefined;
  }
  return undefined;
}

function memberFunction(members: ts.NodeArray<ts.Node>, name: string, ctx?: TsContext): FunctionNode | undefined {
  for (const member of members) {
    const fn = namedMember(member, name) ?? (ctx && memberNamingFunction(member, name, ctx));
    if (fn) return fn;
  }
  return undefined;
}

/** `{ post }` or `{ post: send }` in an object literal, naming a same-file function. */
function memberNamingFunction(member: ts.Node, name: string, ctx: TsContext): FunctionNode | undefined {
  let named: ts.Expression | undefined;
  if (ts.isShorthandPropertyAssignment(member)) named = member.name.text === name ? member.name : undefined;
  else if (ts.isPropertyAssignment(member) && ts.isIdentifier(member.name) && member.name.text === name) named = skipOuter(member.initializer);
  return named && ts.isIdentifier(named) ? functionOfBinding(resolveIdentifier(ctx.index, named)) : undefined;
}

/**
 * What `this` is at a node: the class around it, or the object literal whose method, accessor or
 * `function` property it is in (an arrow has the `this` around it; a plain `function` its own).
 */
function thisOwner(node: ts.Node): ts.ClassLikeDeclaration | ts.ObjectLiteralExpression | undefined {
  for (let at = node.parent; at; at = at.parent) {
    if (ts.isClassLike(at)) return at;
    if (ts.isArrowFunction(at) || !ts.isFunctionLike(at)) continue;
    if ((ts.isMethodDeclaration(at) || ts.isAccessor(at)) && ts.isObjectLiteralExpression(at.parent)) return at.parent;
    if (ts.isFunctionExpression(at) && ts.isPropertyAssignment(at.parent)) return at.parent.parent;
    if (ts.isFunctionDeclaration(at) || ts.isFunctionExpression(at)) return undefined;
  }
  return undefined;
}

/**
 * The constant object literal `this` is at a node, in one of its methods (`const api = { base: "...",
 * post(path) { fetch(this.base + path) } }`), while the file uses the object by its name alone
 * (objectUses: no copy runs its methods with another `this`, no code writes into it).
 */
export function thisObject(node: ts.Node, ctx: TsContext): ts.ObjectLiteralExpression | undefined {
  const holder = thisOwner(node);
  if (!holder || !ts.isObjectLiteralExpression(holder)) return undefined;
  const declaration = holder.parent;
  const isConst = ts.isVariableDeclaration(declaration) && declaration.initializer === holder && ts.isVariableDeclarationList(declaration.parent) && (declaration.parent.flags & ts.NodeFlags.Const) !== 0;
  const binding = isConst && ts.isIdentifier(declaration.name) ? resolveIdentifier(ctx.index, declaration.name) : undefined;
  return binding && objectUses(binding, ctx) === 'read' ? holder : undefined;
}

/** The class whose instance `this` is at a node (not through a `function`, which has its own `this`, nor an object literal's method). */
export function thisClass(node: ts.Node): ts.ClassLikeDeclaration | undefined {
  const owner = thisOwner(node);
  return owner && ts.isClassLike(owner) ? owner : undefined;
}

/**
 * The same-file function a call calls: `f()` for a function or a `const` holding one, `this.m()`
 * in a class, `Class.m()` (a static method), `obj.m()` for a constant object literal, and
 * `instance.m()` for a constant `new Class(...)`.
 */
export function calledFunction(call: ts.CallExpression | ts.NewExpression, ctx: TsContext): FunctionNode | undefined {
  const callee = skipOuter(call.expression);
  if (ts.isIdentifier(callee)) {
    const binding = resolveIdentifier(ctx.index, callee);
    return binding?.kind === 'param' ? passedFunction(binding, ctx) : functionOfBinding(binding);
  }
  if (!ts.isPropertyAccessExpression(callee)) return undefined;
  const name = callee.name.text;
  const receiver = skipOuter(callee.expression);
  if (receiver.kind === ts.SyntaxKind.ThisKeyword) return classMember(call, name, ctx);
  const container = containerOf(receiver, ctx) ?? factoryObject(receiver, ctx);
  if (!container) return undefined;
  if (ts.isObjectLiteralExpression(container)) {
    // (A method the code writes over, `api.post = other`, may be either.)
    const rewritten = ts.isIdentifier(receiver) && aliasedBindings(receiver, ctx).some((b) => ctx.index.memberAssignments.get(b)?.some((a) => writesKey(a.left, name)));
    return rewritten ? undefined : memberFunction(container.properties, name, ctx);
  }
  const fn = memberFunction(container.members, name);
  // `Class.m()` calls a static method; `instance.m()` one that is not.
  return fn && hasModifier(ts.isMethodDeclaration(fn) ? fn : fn.parent, ts.SyntaxKind.StaticKeyword) === isClassName(receiver, ctx) ? fn : undefined;
}

/**
 * The object literal a same-file factory returns, called there or through the constant holding its
 * result (`makeClient(key).post()`, `const client = makeClient(key)`): its methods are the same functions
 * at every call, whatever the arguments (what they read of them is read where they run).
 */
function factoryObject(receiver: ts.Expression, ctx: TsContext): ts.ObjectLiteralExpression | undefined {
  let made: ts.Expression | undefined = receiver;
  if (ts.isIdentifier(receiver)) {
    const binding = resolveIdentifier(ctx.index, receiver);
    made = binding?.kind === 'const' && binding.initializer ? skipOuter(binding.initializer) : undefined;
  }
  if (!made || !ts.isCallExpression(made)) return undefined;
  const fn = calledFunction(made, ctx);
  const node = fn && singleReturned(fn);
  return node && ts.isObjectLiteralExpression(node) ? node : undefined;
}

/**
 * The keys a chain of reads takes off what it starts from (`["a", "b"]` of `root.a.b`, parentheses and
 * casts inside the chain skipped), and that start; undefined when a key is computed.
 */
export function memberKeys(node: ts.Node): { keys: string[]; root: ts.Node } | undefined {
  const keys: string[] = [];
  let at = node;
  while (isMemberAccess(at)) {
    const key = accessedKey(at);
    if (key === undefined) return undefined;
    keys.unshift(key);
    at = skipOuter(at.expression);
  }
  return { keys, root: at };
}

function isClassName(receiver: ts.Expression, ctx: TsContext): boolean {
  return ts.isIdentifier(receiver) && resolveIdentifier(ctx.index, receiver)?.kind === 'class';
}

/**
 * `fetcher()` where `fetcher` is a parameter: the same-file function every visible call passes for it
 * (`poll(() => axios.get(url), ...)`), when those are all its calls and they pass one function.
 */
function passedFunction(binding: Binding, ctx: TsContext): FunctionNode | undefined {
  const passed = passedFunctions(binding, ctx);
  return passed && new Set(passed).size === 1 ? passed[0] : undefined;
}

/**
 * The same-file function each visible call passes for a parameter (an arrow or function written there,
 * or a name of one), when those are all its calls; undefined when one passes anything else.
 */
export function passedFunctions(binding: Binding, ctx: TsContext): FunctionNode[] | undefined {
  const passed = parameterArguments(binding, ctx);
  if (!passed || passed.length === 0) return undefined;
  const out: FunctionNode[] = [];
  for (const argument of passed) {
    const node = skipOuter(argument);
    const fn = isFunctionNode(node) ? node : ts.isIdentifier(node) ? functionOfBinding(resolveIdentifier(ctx.index, node)) : undefined;
    if (!fn) return undefined;
    out.push(fn);
  }
  return out;
}

/**
 * The calls a function makes of its own parameter (`isDone(value)` in `poll(fetcher, isDone)`),
 * when the parameter is used for nothing else (it does not escape, and nothing writes it); undefined
 * otherwise.
 */
export function parameterCalls(parameter: ts.ParameterDeclaration, ctx: TsContext): ts.CallExpression[] | undefined {
  if (parameter.dotDotDotToken || !ts.isIdentifier(parameter.name)) return undefined;
  const binding = resolveIdentifier(ctx.index, parameter.name);
  if (binding?.kind !== 'param' || binding.node !== parameter || binding.reassigned) return undefined;
  return usesOf(binding, ctx, (use) => (ts.isCallExpression(use.parent) && use.parent.expression === use ? use.parent : undefined));
}

/** What a receiver names: a same-file class (or an instance of one), or a constant object literal. */
function containerOf(receiver: ts.Expression, ctx: TsContext, depth = 0): ts.ClassLikeDeclaration | ts.ObjectLiteralExpression | undefined {
  if (isMemberAccess(receiver) && depth < 8) {
    // `config.leonardo` in `config.leonardo.baseUrl`: a nested object literal.
    const values = memberExpressions(receiver, ctx, depth + 1);
    const node = values?.length === 1 ? skipOuter(values[0]) : undefined;
    return node && ts.isObjectLiteralExpression(node) ? node : undefined;
  }
  // `new Builder().build()`, and a chain of methods that return the instance (`new Builder().size(1024).build()`).
  if (ts.isNewExpression(receiver)) return constructedClass(receiver, ctx);
  // (What a factory of no parameters returns: `return { post }`.)
  if (ts.isObjectLiteralExpression(receiver)) return receiver;
  if (ts.isCallExpression(receiver) && depth < 8) {
    const fn = calledFunction(receiver, ctx);
    // `getConfig().leonardo.key` of `function getConfig() { return config; }`: what a function of no parameters returns.
    const returned = fn && fn.parameters.length === 0 && !returnsInstance(fn) ? singleReturned(fn) : undefined;
    return returned ? containerOf(returned, ctx, depth + 1) : returnsInstance(fn);
  }
  if (!ts.isIdentifier(receiver)) return undefined;
  const binding = resolveIdentifier(ctx.index, receiver);
  if (binding?.kind === 'class' && ts.isClassDeclaration(binding.node)) return binding.node;
  // A parameter given one object by the one call of its function (`new Client({ apiKey })`, `constructor(options)`).
  const passed = binding?.kind === 'param' ? parameterArguments(binding, ctx) : undefined;
  const value = passed ? (passed.length === 1 ? passed[0] : undefined) : bindingValue(receiver, ctx, binding)?.expression;
  const node = value && unfrozen(value);
  if (!node) return undefined;
  if (ts.isObjectLiteralExpression(node)) return node;
  // `const cfg = config`, `const leo = config.leonardo`: another name for a constant's object (see aliasedBindings).
  if (binding?.kind === 'const' && (ts.isIdentifier(node) || isMemberAccess(node)) && depth < 8) return containerOf(node, ctx, depth + 1);
  if (ts.isNewExpression(node)) return constructedClass(node, ctx);
  // `const request = new PosterRequest(p).setCount(6)`: the instance its setters hand back; `const client =
  // makeClient()`: the object a factory of no parameters returns.
  return ts.isCallExpression(node) && depth < 8 ? containerOf(node, ctx, depth + 1) : undefined;
}

/** The name a call of a same-file function of no parameters returns (`getConfig()` returning `config`). */
function returnedConstant(call: ts.CallExpression, ctx: TsContext): ts.Identifier | undefined {
  const fn = calledFunction(call, ctx);
  const node = fn && fn.parameters.length === 0 ? singleReturned(fn) : undefined;
  return node && ts.isIdentifier(node) ? node : undefined;
}

/** The same-file class `new C(...)` makes. */
function constructedClass(node: ts.NewExpression, ctx: TsContext): ts.ClassDeclaration | undefined {
  const callee = skipOuter(node.expression);
  const target = ts.isIdentifier(callee) ? resolveIdentifier(ctx.index, callee) : undefined;
  return target?.kind === 'class' && ts.isClassDeclaration(target.node) ? target.node : undefined;
}

/** The class of a method every `return` of which hands back the instance itself (`return this`): a builder's setter. */
function returnsInstance(fn: FunctionNode | undefined): ts.ClassDeclaration | undefined {
  if (!fn || !ts.isMethodDeclaration(fn) || !ts.isClassDeclaration(fn.parent) || hasModifier(fn, ts.SyntaxKind.StaticKeyword)) return undefined;
  const returned = returnedExpressions(fn);
  return returned.length > 0 && returned.every((e) => skipOuter(e).kind === ts.SyntaxKind.ThisKeyword) ? fn.parent : undefined;
}

/** What a function gives when it has exactly one `return` (or an expression body), parentheses and casts skipped. */
export function singleReturned(fn: FunctionNode): ts.Expression | undefined {
  const returned = returnedExpressions(fn);
  return returned.length === 1 ? skipOuter(returned[0]) : undefined;
}

/** The expressions a function returns: an arrow's expression body, or its `return`s (not those of nested functions). */
export function returnedExpressions(fn: FunctionNode): ts.Expression[] {
  const body = fn.body;
  if (!body) return [];
  if (!ts.isBlock(body)) return [body];
  const out: ts.Expression[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionLike(node)) return;
    if (ts.isReturnStatement(node)) {
      if (node.expression) out.push(node.expression);
      return;
    }
    node.forEachChild(visit);
  };
  body.forEachChild(visit);
  return out;
}

/** The expression a call returns when its function has exactly one `return` (or an expression body). */
export function returnedExpression(call: ts.CallExpression, ctx: TsContext): ts.Expression | undefined {
  const fn = calledFunction(call, ctx);
  const returned = fn && returnedExpressions(fn);
  return returned?.length === 1 ? returned[0] : undefined;
}

/**
 * What a parameter receives at each call of its function (its default where a call passes nothing),
 * when every use of the function is a visible call; undefined otherwise. Constructors are followed
 * to each `new` of their class.
 */
export function parameterArguments(binding: Binding, ctx: TsContext): ts.Expression[] | undefined {
  const parameter = binding.node;
  if (binding.kind !== 'param' || binding.reassigned || !ts.isParameter(parameter) || !ts.isIdentifier(parameter.name) || parameter.dotDotDotToken) return undefined;
  return argumentsOfParameter(parameter, ctx);
}

/** What a parameter (a name or a destructuring pattern) receives at each call, as `parameterArguments`. */
export function argumentsOfParameter(parameter: ts.ParameterDeclaration, ctx: TsContext): ts.Expression[] | undefined {
  if (parameter.dotDotDotToken) return undefined;
  const fn = parameter.parent;
  const position = fn.parameters.indexOf(parameter);
  const calls = callsOf(fn, ctx);
  if (!calls || calls.length === 0) return undefined;
  const out: ts.Expression[] = [];
  for (const call of calls) {
    const args = call.arguments ?? [];
    if (args.slice(0, position + 1).some(ts.isSpreadElement)) return undefined;
    const argument = passedFor(args, position, parameter, ctx);
    if (!argument) return undefined;
    out.push(argument);
  }
  return out;
}

/**
 * What a call passes for the parameter at `position`: its argument, or the parameter's default where
 * it passes none or passes `undefined` (`generate(prompt, undefined)`, `void 0`), for which JavaScript
 * uses the default too.
 */
export function passedFor(args: readonly ts.Expression[], position: number, parameter: ts.ParameterDeclaration | undefined, ctx: TsContext): ts.Expression | undefined {
  const argument = args[position];
  const fallback = parameter?.initializer;
  return argument === undefined || (fallback && isUndefined(argument, ctx)) ? (fallback ?? argument) : argument;
}

/**
 * Runs `evaluate` with the function's parameters taken at this call's arguments (or their defaults),
 * as requests.ts takes them for a request made once per call: `buildHeaders({ ... })` gives its
 * return with what this call passes, not with every call's argument as options (values.ts, urls.ts).
 */
export function withArguments<T>(fn: FunctionNode, call: ts.CallExpression, ctx: TsContext, evaluate: () => T): T {
  const bound = fn.parameters.length === 0 ? undefined : parametersBound(fn, call.arguments, ctx, false);
  return bound ? withBound(ctx, bound, evaluate) : evaluate();
}

/** Runs `evaluate` with these bindings in force (`ctx.bound`), then restores the ones before. */
export function withBound<T>(ctx: TsContext, bound: TsContext['bound'], evaluate: () => T): T {
  const outer = ctx.bound;
  ctx.bound = bound;
  try {
    return evaluate();
  } finally {
    ctx.bound = outer;
  }
}

/**
 * The bindings in force (`ctx.bound`) with a function's parameters taken at a call's arguments (their
 * defaults where it passes none). A destructured or rest parameter, or one the function writes, is left
 * out; with `every`, it makes the answer undefined, as a spread argument always does.
 */
export function parametersBound(fn: ts.SignatureDeclaration, args: readonly ts.Expression[], ctx: TsContext, every: boolean): Map<Binding | ts.Node, ts.Expression> | undefined {
  if (args.some(ts.isSpreadElement)) return undefined;
  const bound = new Map(ctx.bound ?? []);
  for (const [position, parameter] of fn.parameters.entries()) {
    const binding = ts.isIdentifier(parameter.name) && !parameter.dotDotDotToken ? resolveIdentifier(ctx.index, parameter.name) : undefined;
    if (binding?.kind !== 'param' || binding.reassigned) {
      if (every) return undefined;
      continue;
    }
    const argument = passedFor(args, position, parameter, ctx);
    if (argument) bound.set(binding, argument);
  }
  return bound;
}

/** `undefined` (the global, not a local of that name) or `void 0`. */
function isUndefined(expression: ts.Expression, ctx: TsContext): boolean {
  const node = skipOuter(expression);
  if (ts.isVoidExpression(node)) return true;
  return ts.isIdentifier(node) && node.text === 'undefined' && !resolveIdentifier(ctx.index, node);
}

/**
 * What a parameter receives at the calls this file can see, and whether those are all its calls (as
 * `argumentsOfParameter` says). Otherwise the calls that resolve to its function here (`f()`,
 * `this.m()`, `Class.m()`, `instance.m()`) are some of them: an exported function, a method, a
 * function also passed on as a value may be called elsewhere with what cannot be seen.
 */
export function visibleArguments(parameter: ts.ParameterDeclaration, ctx: TsContext): { args: ts.Expression[]; complete: boolean } | undefined {
  if (parameter.dotDotDotToken) return undefined;
  const all = argumentsOfParameter(parameter, ctx);
  if (all) return all.length > 0 ? { args: all, complete: true } : undefined;
  const fn = parameter.parent;
  const position = fn.parameters.indexOf(parameter);
  const args: ts.Expression[] = [];
  for (const call of ts.isConstructorDeclaration(fn) ? visibleConstructions(fn, ctx) : resolvedCalls(fn, ctx)) {
    const list = call.arguments ?? [];
    if (list.slice(0, position + 1).some(ts.isSpreadElement)) continue;
    const argument = passedFor(list, position, parameter, ctx);
    if (argument) args.push(argument);
  }
  return args.length > 0 ? { args, complete: false } : undefined;
}

/** The `new Class(...)` this file makes of a constructor's class (an exported class may also be made elsewhere). */
function visibleConstructions(constructor: ts.ConstructorDeclaration, ctx: TsContext): ts.NewExpression[] {
  const owner = constructor.parent;
  const binding = ts.isClassDeclaration(owner) && owner.name ? resolveIdentifier(ctx.index, owner.name) : undefined;
  if (!binding) return [];
  return ctx.index.constructions.filter((c) => ts.isIdentifier(c.expression) && resolveIdentifier(ctx.index, c.expression) === binding);
}

/**
 * The calls this file makes that the resolver finds calling `fn` (`f()`, `this.m()`, `Class.m()`,
 * `instance.m()`), looked for among the calls by the name it is called by.
 */
export function resolvedCalls(fn: ts.SignatureDeclaration, ctx: TsContext): ts.CallExpression[] {
  const name = functionName(fn) ?? memberName(fn);
  return name === undefined ? [] : callsNamed(ctx.index, name).filter((call) => calledFunction(call, ctx) === fn);
}

/** The name a function is called by directly: its own, or the variable it initialises. */
export function functionName(fn: ts.SignatureDeclaration): string | undefined {
  if (ts.isFunctionDeclaration(fn) && fn.name) return fn.name.text;
  const parent = fn.parent;
  return ts.isVariableDeclaration(parent) && ts.isIdentifier(parent.name) ? parent.name.text : undefined;
}

/** The name calls use through a member: a method, or a property initialised with the function. */
export function memberName(fn: ts.SignatureDeclaration): string | undefined {
  if (ts.isMethodDeclaration(fn) && ts.isIdentifier(fn.name)) return fn.name.text;
  const parent = fn.parent;
  if ((ts.isPropertyAssignment(parent) || ts.isPropertyDeclaration(parent)) && ts.isIdentifier(parent.name)) {
    return parent.name.text;
  }
  return undefined;
}

/** The calls of a function or constructor, when every use of it is one (an export or a value passed on hides callers). */
function callsOf(fn: ts.SignatureDeclaration, ctx: TsContext): Array<ts.CallExpression | ts.NewExpression> | undefined {
  if (ts.isConstructorDeclaration(fn)) {
    const owner = fn.parent;
    if (!ts.isClassDeclaration(owner) || !owner.name || isExported(owner)) return undefined;
    const name = owner.name;
    const binding = resolveIdentifier(ctx.index, name);
    // A read of a static member (`Leo.headers(key)`) constructs nothing, unless the class constructs
    // itself some other way than by its name (`new this(...)` in a static method).
    const selfConstructs = ctx.index.constructions.some((c) => !ts.isIdentifier(c.expression) && c.pos >= owner.pos && c.end <= owner.end);
    return usesOf(binding, ctx, (use) => {
      const parent = use.parent;
      if (ts.isNewExpression(parent) && parent.expression === use) return parent;
      return !selfConstructs && ts.isPropertyAccessExpression(parent) && parent.expression === use && isStaticMember(owner, parent.name.text) ? SKIP : undefined;
    });
  }
  let binding: Binding | undefined;
  if (ts.isFunctionDeclaration(fn) && fn.name && !isExported(fn)) binding = resolveIdentifier(ctx.index, fn.name);
  else if (isFunctionNode(fn) && ts.isVariableDeclaration(fn.parent) && ts.isIdentifier(fn.parent.name) && !isExported(fn.parent.parent.parent)) {
    binding = resolveIdentifier(ctx.index, fn.parent.name);
  }
  if (binding?.kind !== 'function' && binding?.kind !== 'const') return undefined;
  return usesOf(binding, ctx, (use) => (ts.isCallExpression(use.parent) && use.parent.expression === use ? use.parent : undefined));
}

/** What `usesOf`'s mapping answers for a use that neither calls the function nor lets it escape. */
const SKIP = Symbol('not a call, and harmless');

/** Every use of a binding mapped to a call; undefined as soon as one use is something else. */
export function usesOf<T>(binding: Binding | undefined, ctx: TsContext, toCall: (use: ts.Identifier) => T | typeof SKIP | undefined): T[] | undefined {
  if (!binding) return undefined;
  const out: T[] = [];
  for (const use of referencesOf(ctx.index, binding.name)) {
    if (use === declaredName(binding) || resolveIdentifier(ctx.index, use) !== binding) continue;
    const call = toCall(use);
    if (call === SKIP) continue;
    if (!call) return undefined;
    out.push(call);
  }
  return out;
}

/** True when the class declares a static member named `name` (a method, property or accessor). */
function isStaticMember(owner: ts.ClassLikeDeclaration, name: string): boolean {
  return owner.members.some((m) => m.name !== undefined && ts.isIdentifier(m.name) && m.name.text === name && hasModifier(m, ts.SyntaxKind.StaticKeyword));
}

/** The name a binding is declared by (its declaration's `name`). */
export function declaredName(binding: Binding): ts.Node | undefined {
  return (binding.node as { name?: ts.Node }).name;
}

/** A declaration or statement written with `export`. */
export function isExported(node: ts.Node | undefined): boolean {
  return !!node && hasModifier(node, ts.SyntaxKind.ExportKeyword);
}

function hasModifier(node: ts.Node, kind: ts.SyntaxKind): boolean {
  return ts.canHaveModifiers(node) && ts.getModifiers(node)?.some((m) => m.kind === kind) === true;
}

export type MemberAccess = ts.PropertyAccessExpression | ts.ElementAccessExpression;

export function isMemberAccess(node: ts.Node): node is MemberAccess {
  return node.kind === ts.SyntaxKind.PropertyAccessExpression || node.kind === ts.SyntaxKind.ElementAccessExpression;
}

/**
 * The key an access reads when the code names it: `a.b`, `a?.b`, `this.#b`, `a["b"]`, `` a[`b`] ``;
 * undefined for a computed key. The one reading of a member's key, for the resolver and the flow.
 */
export function accessedKey(access: MemberAccess): string | undefined {
  if (ts.isPropertyAccessExpression(access)) return access.name.text;
  const key = skipOuter(access.argumentExpression);
  return ts.isStringLiteralLike(key) ? key.text : undefined;
}

/** Most entries of a constant object read by a computed key that are each judged. */
const MAX_ENTRIES = 8;

/**
 * What `table[key]` may hold for a key the code computes (`MODELS[tier]`): each value of a constant
 * object literal whose entries are all written in it (no spread, method or computed name) and that no
 * code writes into. Undefined otherwise. A key outside the table gives `undefined`: the caller keeps
 * an unknown option beside these.
 */
export function entryExpressions(access: ts.ElementAccessExpression, ctx: TsContext): ts.Expression[] | undefined {
  const receiver = skipOuter(access.expression);
  if (accessedKey(access) !== undefined || !ts.isIdentifier(receiver)) return undefined;
  const binding = resolveIdentifier(ctx.index, receiver);
  const table = binding?.kind === 'const' && binding.initializer ? unfrozen(binding.initializer) : undefined;
  if (!binding || !table || !ts.isObjectLiteralExpression(table) || ctx.index.memberAssignments.has(binding)) return undefined;
  const entries = table.properties;
  if (entries.length < 2 || entries.length > MAX_ENTRIES) return undefined;
  const values: ts.Expression[] = [];
  for (const entry of entries) {
    if (!ts.isPropertyAssignment(entry) || ts.isComputedPropertyName(entry.name)) return undefined;
    values.push(entry.initializer);
  }
  return values;
}

/**
 * The binding of a constant holding an object literal or a `new` (`const state = { ... }`,
 * `const jobs = new Jobs()`): a receiver whose members are read where they were written.
 */
export function constantObject(receiver: ts.Identifier, index: FileIndex): Binding | undefined {
  const binding = resolveIdentifier(index, receiver);
  const initializer = binding?.kind === 'const' && binding.initializer ? skipOuter(binding.initializer) : undefined;
  return initializer && (ts.isObjectLiteralExpression(initializer) || ts.isNewExpression(initializer)) ? binding : undefined;
}

/**
 * What `receiver.key` (or `receiver["key"]`) holds, as the expressions that may have written it: a
 * constant object literal's property (undefined when code also writes `obj.key`, or a computed key,
 * or the literal spreads something in after it), `Class.key` for a static property or getter, `this.key` as its
 * initializer and every `this.key = ...` in the class, and a constructor's parameter property
 * (`constructor(private key)`) followed to the arguments of each `new`.
 */
export function memberExpressions(access: MemberAccess, ctx: TsContext, depth = 0): ts.Expression[] | undefined {
  const name = accessedKey(access);
  if (name === undefined) return undefined;
  const receiver = skipOuter(access.expression);
  if (receiver.kind === ts.SyntaxKind.ThisKeyword) {
    const owner = thisClass(access);
    if (owner) return classMemberValues(owner, name, ctx);
    // `this.base` in a method of a constant object literal: its property, while no code writes it.
    // (Only while the object is used by its name alone: a copy, `{ ...client, base }`, runs the same
    // methods with another `this`.)
    const object = thisObject(access, ctx);
    if (!object) return undefined;
    const writtenHere = ctx.index.thisMembers.get(name)?.some((value) => holds(object, value));
    return writtenHere ? undefined : objectProperty(object, name);
  }
  const named = ts.isIdentifier(receiver) ? resolveIdentifier(ctx.index, receiver) : undefined;
  if (named?.kind === 'enum') return enumMember(named.node as ts.EnumDeclaration, name);
  const container = containerOf(receiver, ctx, depth);
  if (!container) return undefined;
  if (!ts.isIdentifier(receiver)) {
    // A nested object (`config.leonardo.baseUrl`): only while code writes no member of the root object.
    let root: ts.Expression = receiver;
    while (isMemberAccess(root)) root = skipOuter(root.expression);
    // (Through a function of no parameters that returns a constant, `getConfig().leonardo`: that constant is the root.)
    const given = ts.isCallExpression(root) ? returnedConstant(root, ctx) : undefined;
    if (given) root = given;
    // (`this.models["creative"]`: a member object of the class, while no code of the class writes into it.)
    if (root.kind === ts.SyntaxKind.ThisKeyword) {
      let first: ts.Expression = receiver;
      while (isMemberAccess(first) && isMemberAccess(skipOuter(first.expression))) first = skipOuter(first.expression);
      const owner = thisClass(receiver);
      const key = isMemberAccess(first) ? accessedKey(first) : undefined;
      return owner && key !== undefined && !writtenInto(owner, ctx).has(key) && ts.isObjectLiteralExpression(container) ? objectProperty(container, name) : undefined;
    }
    const binding = ts.isIdentifier(root) ? resolveIdentifier(ctx.index, root) : undefined;
    if (!binding || ctx.index.memberAssignments.has(binding)) return undefined;
    return ts.isObjectLiteralExpression(container) ? objectProperty(container, name) : undefined;
  }
  if (ts.isObjectLiteralExpression(container)) {
    // The receiver's binding and, for an alias (`const cfg = config`), those of the constants it reads through.
    const bindings = aliasedBindings(receiver, ctx);
    const written = bindings.some((binding) => ctx.index.memberAssignments.get(binding)?.some((a) => writesKey(a.left, name)));
    // (Changed by `Object.assign(obj, ...)` or through another alias, it may hold anything.)
    return written || bindings.some((binding) => binding.kind === 'const' && objectUses(binding, ctx) === 'aliased') ? undefined : objectProperty(container, name);
  }
  if (!isClassName(receiver, ctx)) return classMemberValues(container, name, ctx);
  // `Class.key`: a static property's initializer, or what a static getter returns.
  const member = container.members.find((m) => (ts.isPropertyDeclaration(m) || ts.isGetAccessorDeclaration(m)) && ts.isIdentifier(m.name) && m.name.text === name);
  if (member && ts.isGetAccessorDeclaration(member)) return hasModifier(member, ts.SyntaxKind.StaticKeyword) ? getterValues(member) : undefined;
  return member && ts.isPropertyDeclaration(member) && member.initializer ? [member.initializer] : undefined;
}

/**
 * A member of a same-file `enum` (`LeoModel.Phoenix`): its initializer when that is a literal (string
 * enums, `= 3`). An enum declared again in the file (merged) or a member numbered by its place is not read.
 */
function enumMember(declaration: ts.EnumDeclaration, name: string): ts.Expression[] | undefined {
  const member = declaration.members.find((m) => (ts.isIdentifier(m.name) || ts.isStringLiteral(m.name)) && m.name.text === name);
  const initializer = member?.initializer && skipOuter(member.initializer);
  if (!initializer || !(ts.isStringLiteral(initializer) || ts.isNoSubstitutionTemplateLiteral(initializer) || ts.isNumericLiteral(initializer))) return undefined;
  const parent = declaration.parent;
  const statements = ts.isSourceFile(parent) || ts.isBlock(parent) || ts.isModuleBlock(parent) ? parent.statements : [];
  const merged = statements.some((s) => s !== declaration && ts.isEnumDeclaration(s) && s.name.text === declaration.name.text);
  return merged ? undefined : [initializer];
}

/**
 * `cfg` of `const cfg = config` or `const leo = config.leonardo`: the binding of the name and of each
 * constant it is another name for (`cfg`, `config`), to the first that is not such an alias.
 */
function aliasedBindings(receiver: ts.Identifier, ctx: TsContext): Binding[] {
  const out: Binding[] = [];
  let node: ts.Expression = receiver;
  while (out.length < 8) {
    while (isMemberAccess(node)) node = skipOuter(node.expression);
    const binding = ts.isIdentifier(node) ? resolveIdentifier(ctx.index, node) : undefined;
    if (!binding || out.includes(binding)) break;
    out.push(binding);
    const initializer = binding.kind === 'const' && binding.initializer ? skipOuter(binding.initializer) : undefined;
    if (!initializer || !(ts.isIdentifier(initializer) || isMemberAccess(initializer))) break;
    node = initializer;
  }
  return out;
}

/** `obj.name = ...`, `obj["name"] = ...`, or `obj[key] = ...` (a key the code computes may be `name`). */
function writesKey(left: ts.Expression, name: string): boolean {
  if (!isMemberAccess(left)) return false;
  const key = accessedKey(left);
  return key === name || (key === undefined && !isMemberAccess(skipOuter(left.expression)));
}

/** An object literal that certainly has no key `name`: every member is a plain, named property of another key (no spread, no computed key). */
export function lacksKey(object: ts.ObjectLiteralExpression, name: string, ctx: TsContext): boolean {
  return object.properties.every(
    (p) => (ts.isPropertyAssignment(p) || ts.isShorthandPropertyAssignment(p) || ts.isMethodDeclaration(p)) && !ts.isComputedPropertyName(p.name) && p.name.getText(ctx.sourceFile).replace(/^['"]|['"]$/g, '') !== name,
  );
}

/** The value of key `name` in an object literal: its last property of that name, if nothing after it may replace it. */
export function objectProperty(object: ts.ObjectLiteralExpression, name: string): ts.Expression[] | undefined {
  const members = object.properties;
  for (let i = members.length - 1; i >= 0; i--) {
    const member = members[i];
    if (ts.isSpreadAssignment(member) || (member.name && ts.isComputedPropertyName(member.name))) return undefined;
    if (!member.name || !(ts.isIdentifier(member.name) || ts.isStringLiteral(member.name)) || member.name.text !== name) continue;
    if (ts.isPropertyAssignment(member)) return [member.initializer];
    if (ts.isShorthandPropertyAssignment(member)) return [member.name];
    if (ts.isGetAccessorDeclaration(member)) return getterValues(member);
    return undefined;
  }
  return undefined;
}

/** The expressions a class's `this.name` may hold (see memberExpressions). */
/**
 * What gives `this.name` of a class a value, as written: each `this.name = ...` in the class and its
 * initializer, and the constructor's parameter property of that name (`constructor(private name)`).
 */
export function classMemberWrites(owner: ts.ClassLikeDeclaration, name: string, ctx: TsContext): { values: ts.Expression[]; parameter?: ts.ParameterDeclaration } {
  const values = (ctx.index.thisMembers.get(name) ?? []).filter((value) => thisClass(value) === owner);
  const constructor = owner.members.find(ts.isConstructorDeclaration);
  const parameter = constructor?.parameters.find((p) => ts.isIdentifier(p.name) && p.name.text === name && ts.isParameterPropertyDeclaration(p, constructor));
  return parameter ? { values, parameter } : { values };
}

function classMemberValues(owner: ts.ClassLikeDeclaration, name: string, ctx: TsContext): ts.Expression[] | undefined {
  // `Object.assign(this, options)` may write any member.
  if (someNode(owner, (n) => (ts.isCallExpression(n) && isObjectAssign(n) && n.arguments[0]?.kind === ts.SyntaxKind.ThisKeyword) || undefined)) return undefined;
  // `this.body.prompt = text` in a builder's setter: the object holds more than any value written to it.
  if (writtenInto(owner, ctx).has(name)) return undefined;
  const constructor = owner.members.find(ts.isConstructorDeclaration);
  const { values, parameter } = classMemberWrites(owner, name, ctx);
  const out: ts.Expression[] = [];
  for (const value of values) {
    // `this.apiKey = apiKey` in the constructor: what each `new` passes.
    const node = skipOuter(value);
    const binding = ts.isIdentifier(node) ? resolveIdentifier(ctx.index, node) : undefined;
    // (A name of a destructured parameter, `{ baseUrl = "..." } = {}`, is read as that name: what the
    // `new`s pass for its key, or its default.)
    if (constructor && binding?.kind === 'param' && binding.scope === constructor && !(ts.isParameter(binding.node) && !ts.isIdentifier(binding.node.name))) {
      const args = parameterArguments(binding, ctx);
      if (!args) return undefined;
      appendAll(out, args);
    } else {
      out.push(value);
    }
  }
  if (parameter) {
    const binding = resolveIdentifier(ctx.index, parameter.name as ts.Identifier);
    const args = binding && parameterArguments(binding, ctx);
    if (!args) return undefined;
    appendAll(out, args);
  }
  // `get apiKey() { return ... }`: what the getter returns, when nothing else gives the member a value.
  const getter = owner.members.find((m): m is ts.GetAccessorDeclaration => ts.isGetAccessorDeclaration(m) && ts.isIdentifier(m.name) && m.name.text === name);
  if (getter) return out.length === 0 ? getterValues(getter) : undefined;
  return out.length > 0 ? out : undefined;
}

/**
 * The members whose object code of the class changes, or may: writes a member of it (`this.body.prompt =
 * text`, deeper too), deletes one, or hands it whole to a call (`Object.assign(this.body, extra)`) or to
 * another name (`const body = this.body`). Worked out once per class and analysis (on the index).
 */
function writtenInto(owner: ts.ClassLikeDeclaration, ctx: TsContext): ReadonlySet<string> {
  const byClass = (ctx.index.writtenInto ??= new Map<ts.Node, ReadonlySet<string>>());
  let names = byClass.get(owner);
  if (names) return names;
  const found = new Set<string>();
  someNode(owner, (n) => {
    if (!isMemberAccess(n) || skipOuter(n.expression).kind !== ts.SyntaxKind.ThisKeyword) return undefined;
    const name = accessedKey(n);
    if (name !== undefined && !found.has(name) && changesObject(n)) found.add(name);
    return false;
  });
  byClass.set(owner, (names = found));
  return names;
}

/** `this.body` (the access) is written into, handed to a call, or given another name. */
function changesObject(access: ts.Node): boolean {
  let outer: ts.Node = access;
  while (ts.isParenthesizedExpression(outer.parent) || ts.isNonNullExpression(outer.parent) || ts.isAsExpression(outer.parent)) outer = outer.parent;
  const parent = outer.parent;
  if (ts.isCallExpression(parent) && parent.arguments.includes(outer as ts.Expression)) return true;
  if (ts.isVariableDeclaration(parent) && parent.initializer === outer) return true;
  if (!isMemberAccess(parent) || parent.expression !== outer) return false;
  // `this.body.x = ...`, `this.body.a.b = ...`, `delete this.body.x`, `this.body.x++`.
  let top: ts.Node = parent;
  while (isMemberAccess(top.parent) && top.parent.expression === top) top = top.parent;
  const use = top.parent;
  return (
    (ts.isBinaryExpression(use) && use.left === top && use.operatorToken.kind >= ts.SyntaxKind.FirstAssignment && use.operatorToken.kind <= ts.SyntaxKind.LastAssignment) ||
    ts.isDeleteExpression(use) ||
    ((ts.isPrefixUnaryExpression(use) || ts.isPostfixUnaryExpression(use)) && (use.operator === ts.SyntaxKind.PlusPlusToken || use.operator === ts.SyntaxKind.MinusMinusToken))
  );
}

/** What a getter returns: its `return`s (one or more), when it has a body. */
function getterValues(getter: ts.GetAccessorDeclaration): ts.Expression[] | undefined {
  const returned = getter.body ? returnedExpressions(getter) : [];
  return returned.length > 0 ? returned : undefined;
}

/** `Object.freeze(x)` is `x` (as a value: the same object, frozen); any other expression is itself. */
export function unfrozen(expression: ts.Expression): ts.Expression {
  const node = skipOuter(expression);
  if (!ts.isCallExpression(node) || node.arguments.length !== 1 || ts.isSpreadElement(node.arguments[0])) return node;
  const callee = skipOuter(node.expression);
  const isFreeze = ts.isPropertyAccessExpression(callee) && callee.name.text === 'freeze' && ts.isIdentifier(callee.expression) && callee.expression.text === 'Object';
  return isFreeze ? skipOuter(node.arguments[0]) : node;
}
