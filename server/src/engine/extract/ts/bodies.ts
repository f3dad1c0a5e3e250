// Request bodies as code builds them: an object literal bound to a variable plus what the code adds
// to it before it is sent (`body.x = ...`, `body["x"] = ...`, `body.parameters.x = ...` in a nested
// object, `Object.assign(body, {...})`), and the body argument of a call (`JSON.stringify(body)`, a
// variable holding `JSON.stringify(...)`).

import ts from 'typescript';
import type { ObjectValue, Property, Span, Value } from '../../types.js';
import { spanOf, type TsContext } from './context.js';
import { spreadProperties } from './objects.js';
import { resolveIdentifier, skipOuter } from './scope.js';
import { bindingValue, inOtherArm, isStatementList, takenOnArm, type BoundValue } from './resolve.js';
import type { Binding } from './file-index.js';
import { calleeName, constString, valueOf } from './values.js';
import { clientCallee } from './clients.js';
import { appendAll } from '../../arrays.js';
import { handedWrites, writtenProperties, type Write } from './instances.js';

/**
 * The object literal a name holds (`bound`: its declaration, or the assignment that reaches the use),
 * with the properties that assignments and `Object.assign` calls add between there and `use`.
 */
export function composeObject(literal: ObjectValue, bound: BoundValue, use: ts.Identifier, ctx: TsContext, depth: number): ObjectValue {
  const { binding, from } = bound;
  const to = use.getStart(ctx.sourceFile);
  const added: Property[] = [];
  let hasUnknownKeys = literal.hasUnknownKeys;
  let nested: ObjectValue | undefined;
  const put = (path: readonly string[], property: Property | undefined): void => {
    if (path.length > 0) nested = withNestedProperty(nested ?? literal, path, property);
    else if (property) addProperty(added, property);
    else hasUnknownKeys = true;
  };
  // Calls of same-file functions that only write into the object (`setSize(body, 1250)`), each in its place among the assignments.
  const handed = handedCalls(binding, from, to, ctx);
  const flush = (before: number): void => {
    while (handed.length > 0 && handed[0].call.pos < before) {
      const { call, writes } = handed.shift()!;
      const conditional = isConditional(call, binding, ctx);
      for (const write of writes) {
        for (const { path, property } of writtenProperties(write, ctx, (e) => valueOf(e, ctx, depth + 1))) {
          put(path, property && conditional ? Object.assign(property, { conditional: true }) : property);
        }
      }
    }
  };

  for (const assignment of ctx.index.memberAssignments.get(binding) ?? []) {
    // (Made under one arm of an `if`/`switch`, another arm's writes do not run.)
    if (assignment.pos < from || assignment.end > to || inOtherArm(assignment, ctx)) continue;
    // Into an object the path cannot name (`body[k].x`, `body.items[0].x`): not a key of this one.
    const path = memberPath(assignment);
    if (path === undefined) continue;
    flush(assignment.pos);
    put(path, assignedProperty(assignment, binding, ctx, depth));
  }
  flush(Infinity);
  if (!ctx.branch) noteArmWrites(binding, from, to, ctx);
  const base = nested ?? literal;
  for (const call of ctx.index.argumentUses.get(binding) ?? []) {
    if (call.pos < from || call.end > to || inOtherArm(call, ctx)) continue;
    const callee = calleeName(call.expression);
    if (callee === 'Object.assign') {
      // `Object.assign(body, {...})` adds keys; `Object.assign({}, body)` only reads it.
      if (call.arguments[0] && isTarget(call.arguments[0], binding, ctx)) {
        const conditional = isConditional(call, binding, ctx);
        for (const source of call.arguments.slice(1)) {
          const spread = spreadProperties(source, conditional, ctx, depth + 1);
          appendAll(added, spread.properties.map((p) => (Object.assign({}, p, { assigned: true }))));
          hasUnknownKeys ||= spread.unknown;
        }
      }
    } else if (mayWriteInto(call, binding, ctx) && !handedWritesAt(call, binding, ctx)) {
      // Handed to a function before it is sent (`addDefaults(body)`): keys may be added there.
      hasUnknownKeys = true;
    }
  }
  const deleted = deletedKeys(binding, ctx);
  if (deleted) {
    // `delete body.uiOnly`: that key may not be sent (and a key deleted by a name that cannot be known, any).
    const properties = deleted === 'any' ? [] : [...base.properties, ...added].filter((p) => !deleted.has(p.key));
    return Object.assign({}, base, { properties, hasUnknownKeys: true });
  }
  if (added.length === 0 && hasUnknownKeys === literal.hasUnknownKeys) return base;
  const properties = [...base.properties];
  for (const property of added) addProperty(properties, property);
  return Object.assign({}, base, { properties, hasUnknownKeys });
}

/** The calls between `from` and `to` that hand the object to a same-file function only writing into it, in order, with those writes. */
function handedCalls(binding: Binding, from: number, to: number, ctx: TsContext): Array<{ call: ts.CallExpression; writes: Write[] }> {
  const out: Array<{ call: ts.CallExpression; writes: Write[] }> = [];
  for (const call of ctx.index.argumentUses.get(binding) ?? []) {
    if (call.pos < from || call.end > to || inOtherArm(call, ctx)) continue;
    const writes = handedWritesAt(call, binding, ctx);
    if (writes && writes.length > 0) out.push({ call, writes });
  }
  return out.sort((a, b) => a.call.pos - b.call.pos);
}

/** What a call writes into the object `binding` holds when it hands it to a same-file function that only writes into it (instances.ts). */
function handedWritesAt(call: ts.CallExpression, binding: Binding, ctx: TsContext): Write[] | undefined {
  const position = call.arguments.findIndex((argument) => isTarget(argument, binding, ctx));
  // (Handed twice, `merge(body, body)`, the writes through one name could be reads through the other.)
  if (position < 0 || call.arguments.filter((argument) => isTarget(argument, binding, ctx)).length > 1) return undefined;
  return handedWrites(call, position, ctx);
}

/**
 * Keys written together in one arm of an `if` or `switch` (`if (photoreal) { payload.photoReal = true;
 * payload.modelId = id; }`) go together: the statement is noted (context.ts `refused`) for the request to
 * be made once per arm (requests.ts `perBranchSites`), where each arm's writes are certain and another
 * arm's absent. One key per arm is an option as any conditional write is.
 */
function noteArmWrites(binding: Binding, from: number, to: number, ctx: TsContext): void {
  const keysByArm = new Map<ts.Node, Set<string>>();
  for (const assignment of ctx.index.memberAssignments.get(binding) ?? []) {
    if (assignment.pos < from || assignment.end > to || !ts.isExpressionStatement(assignment.parent)) continue;
    const arm = armAround(assignment.parent, binding);
    if (!arm) continue;
    const keys = keysByArm.get(arm) ?? new Set<string>();
    keys.add(assignment.left.getText(ctx.sourceFile));
    keysByArm.set(arm, keys);
    if (keys.size > 1) {
      ctx.refused ??= arm.parent.kind === ts.SyntaxKind.CaseBlock ? (arm.parent.parent as ts.SwitchStatement) : (arm.parent as ts.IfStatement);
      return;
    }
  }
}

/** The arm of an `if` (its then or else statement) or `switch` (a clause) a statement is in, before any loop or function up to the binding's scope. */
function armAround(statement: ts.Statement, binding: Binding): ts.Node | undefined {
  let child: ts.Node = statement;
  for (let current = statement.parent; current && current !== binding.scope; child = current, current = current.parent) {
    if (ts.isIfStatement(current)) return child === current.expression ? undefined : child;
    if (ts.isCaseClause(current) || ts.isDefaultClause(current)) return current;
    if (!ts.isBlock(current)) return undefined;
  }
  return undefined;
}

/**
 * A property written after the others: one written on every path (`body.width = 1024;`) replaces
 * what the key held (the literal's `width: 2048` is never sent); a conditional one is one option more.
 */
function addProperty(properties: Property[], property: Property): void {
  if (!property.conditional) {
    for (let i = properties.length - 1; i >= 0; i--) if (properties[i].key === property.key) properties.splice(i, 1);
  }
  properties.push(property);
}

/**
 * The keys the code deletes from the object a binding holds (`delete body.uiOnly`, `delete body["x"]`),
 * anywhere in the file; `any` when one is deleted by a key that cannot be known; undefined when none is.
 */
function deletedKeys(binding: Binding, ctx: TsContext): Set<string> | 'any' | undefined {
  const members = ctx.index.deletes.get(binding);
  if (!members) return undefined;
  let keys: Set<string> | undefined;
  for (const member of members) {
    const key = ts.isPropertyAccessExpression(member) ? member.name.text : constString(member.argumentExpression, ctx)?.value;
    if (key === undefined) return 'any';
    (keys ??= new Set()).add(key);
  }
  return keys;
}

/**
 * The keys between the variable and the assigned key: `[]` for `body.x = v`, `['parameters']` for
 * `body.parameters.x = v`; undefined when one of them is not a known key (`body[k].x = v`, an index).
 */
function memberPath(assignment: ts.BinaryExpression): string[] | undefined {
  const path: string[] = [];
  let node = (assignment.left as ts.PropertyAccessExpression | ts.ElementAccessExpression).expression;
  while (!ts.isIdentifier(node)) {
    if (ts.isPropertyAccessExpression(node)) path.unshift(node.name.text);
    else if (ts.isElementAccessExpression(node) && ts.isStringLiteralLike(node.argumentExpression)) path.unshift(node.argumentExpression.text);
    else return undefined;
    node = (node).expression;
  }
  return path;
}

/**
 * The object with a property added at `path` (copied along the path). A key that cannot be known
 * makes that object's keys unknown; a path through anything but a known object adds nothing (the
 * code would throw there, or writes to a value the body does not show).
 */
export function withNestedProperty(object: ObjectValue, path: readonly string[], property: Property | undefined): ObjectValue {
  if (path.length === 0) {
    if (!property) return Object.assign({}, object, { hasUnknownKeys: true });
    const properties = [...object.properties];
    addProperty(properties, property);
    return Object.assign({}, object, { properties });
  }
  let index = object.properties.length - 1;
  while (index >= 0 && object.properties[index].key !== path[0]) index--;
  const inner = index >= 0 ? object.properties[index] : undefined;
  if (!inner || inner.value.kind !== 'object') return object;
  const properties = [...object.properties];
  properties[index] = Object.assign({}, inner, { value: withNestedProperty(inner.value, path.slice(1), property) });
  return Object.assign({}, object, { properties });
}

/**
 * Whether code anywhere in the file may change what `binding` holds: a member assignment, a deleted
 * key, or a call it is handed to that may write into it (`mayWriteInto`; for a value another module
 * reads at no known time). The call around `use`, when given, is not counted: it is the one that
 * sends what is read there.
 */
export function mayBeChanged(binding: Binding, ctx: TsContext, use?: ts.Node): boolean {
  if (ctx.index.memberAssignments.has(binding) || ctx.index.deletes.has(binding)) return true;
  const calls = ctx.index.argumentUses.get(binding);
  // The call that hands on the use being read (`axios.post(url, params)`) is what sends it.
  return calls !== undefined && calls.some((call) => !(use && call.pos <= use.pos && use.end <= call.end) && mayWriteInto(call, binding, ctx));
}

/**
 * Whether a call that is handed the object `binding` holds may write into it: the one policy for a
 * body, an options object and a value another module reads. `Object.assign`, `Object.defineProperty`
 * write into their first argument only; serialisers, loggers, conversions, membership tests
 * (`MODELS.includes(model)`) and HTTP client calls only read what they are given (one options object
 * shared by `axios.post(url, body, auth)` and `axios.get(url, auth)` is common); any other function,
 * of the file or not, may add or change keys.
 */
export function mayWriteInto(call: ts.CallExpression, binding: Binding, ctx: TsContext): boolean {
  const callee = calleeName(call.expression);
  if (callee !== undefined && WRITES_FIRST_ARGUMENT.has(callee)) return call.arguments[0] !== undefined && isTarget(call.arguments[0], binding, ctx);
  if (callee !== undefined && READ_ONLY_CALLS.test(callee)) return false;
  const method = skipOuter(call.expression);
  if (ts.isPropertyAccessExpression(method) && MEMBERSHIP_TESTS.has(method.name.text)) return false;
  return clientCallee(call.expression, ctx) === undefined;
}

const WRITES_FIRST_ARGUMENT = new Set(['Object.assign', 'Object.defineProperty', 'Object.defineProperties']);

/** Calls that read an object without adding keys to it: serialisers and loggers, and conversions. */
const READ_ONLY_CALLS = /^(?:JSON\.stringify|console\.\w+|Object\.(?:keys|values|entries|freeze)|structuredClone|String|Number|Boolean|encodeURIComponent|Array\.isArray)$/;

/** The membership tests of lists, sets, maps and strings (`MODELS.includes(model)`, `new Set(list).has(model)`): they only read their argument. */
const MEMBERSHIP_TESTS = new Set(['includes', 'indexOf', 'lastIndexOf', 'has', 'startsWith', 'endsWith']);

function isTarget(expression: ts.Expression, binding: Binding, ctx: TsContext): boolean {
  const node = skipOuter(expression);
  return ts.isIdentifier(node) && resolveIdentifier(ctx.index, node) === binding;
}

/** `body.x = v` / `body["x"] = v` as a property; undefined when the key cannot be known. */
function assignedProperty(assignment: ts.BinaryExpression, binding: Binding, ctx: TsContext, depth: number): Property | undefined {
  const left = assignment.left as ts.PropertyAccessExpression | ts.ElementAccessExpression;
  let key: string | undefined;
  let keyNode: ts.Node;
  if (ts.isPropertyAccessExpression(left)) {
    key = left.name.text;
    keyNode = left.name;
  } else {
    key = constString(left.argumentExpression, ctx)?.value;
    keyNode = left.argumentExpression;
  }
  if (key === undefined) return undefined;
  const property = writtenProperty(assignment, key, keyNode, valueOf(assignment.right, ctx, depth + 1), ctx);
  return isConditional(assignment, binding, ctx) ? Object.assign(property, { conditional: true }) : property;
}

/** The property an assignment writes (`body.x = v`, `this.body.x = v` in a builder), with the value worked out. */
export function writtenProperty(assignment: ts.BinaryExpression, key: string, keyNode: ts.Node, value: Value, ctx: TsContext): Property {
  const statement = assignment.parent;
  // A statement of its own in a block can go with its line; `if (c) body.x = 1;` keeps its `;`.
  const standalone = ts.isExpressionStatement(statement) && isStatementList(statement.parent);
  const removeSpan = standalone ? lineRemoval(ctx.text, statement.getStart(ctx.sourceFile), statement.end) : spanOf(assignment, ctx);
  return { key, keySpan: spanOf(keyNode, ctx), value, span: spanOf(assignment, ctx), removeSpan, assigned: true };
}

/** [start, end) with its whole line when nothing else is on it. */
function lineRemoval(text: string, start: number, end: number): Span {
  let lineStart = start;
  while (lineStart > 0 && (text[lineStart - 1] === ' ' || text[lineStart - 1] === '\t')) lineStart--;
  let lineEnd = end;
  while (text[lineEnd] === ' ' || text[lineEnd] === '\t') lineEnd++;
  const atLineStart = lineStart === 0 || text[lineStart - 1] === '\n' || text[lineStart - 1] === '\r';
  if (!atLineStart) return { start, end };
  if (text[lineEnd] === '\r' && text[lineEnd + 1] === '\n') return { start: lineStart, end: lineEnd + 2 };
  if (text[lineEnd] === '\n' || text[lineEnd] === '\r') return { start: lineStart, end: lineEnd + 1 };
  return lineEnd >= text.length ? { start: lineStart, end: lineEnd } : { start, end };
}

/**
 * True when something between `node` and the binding's scope makes it run on some paths only
 * (a `try` block runs; its `catch` only on errors).
 */
function isConditional(node: ts.Node, binding: Binding, ctx: TsContext): boolean {
  for (let current = node.parent; current && current !== binding.scope; current = current.parent) {
    switch (current.kind) {
      case ts.SyntaxKind.IfStatement:
      case ts.SyntaxKind.SwitchStatement:
        // The statement a request is made under one arm of: that arm runs.
        if (takenOnArm(current, node, ctx)) break;
        return true;
      case ts.SyntaxKind.ConditionalExpression:
      case ts.SyntaxKind.ForStatement:
      case ts.SyntaxKind.ForInStatement:
      case ts.SyntaxKind.ForOfStatement:
      case ts.SyntaxKind.WhileStatement:
      case ts.SyntaxKind.DoStatement:
      case ts.SyntaxKind.CatchClause:
        return true;
      case ts.SyntaxKind.BinaryExpression: {
        const operator = (current as ts.BinaryExpression).operatorToken.kind;
        if (
          operator === ts.SyntaxKind.AmpersandAmpersandToken ||
          operator === ts.SyntaxKind.BarBarToken ||
          operator === ts.SyntaxKind.QuestionQuestionToken
        ) {
          return true;
        }
        break;
      }
      default:
        if (ts.isFunctionLike(current)) return true;
    }
  }
  return false;
}

/** The value a body argument sends. */
export function bodyValue(expression: ts.Expression, ctx: TsContext): Value {
  return valueOf(sentExpression(expression, ctx), ctx);
}

/**
 * The expression whose value a body argument sends: `JSON.stringify(x)` sends x, and so does a
 * variable holding `JSON.stringify(x)`; a body sent only when there is one (`b ? JSON.stringify(b) :
 * undefined`, `b && JSON.stringify(b)`, `b ?? undefined`) sends what it sends when it is sent;
 * anything else sends itself.
 */
export function sentExpression(expression: ts.Expression, ctx: TsContext, depth = 0): ts.Expression {
  const node = skipOuter(expression);
  const stringified = stringifyArgument(node);
  if (stringified) return stringified;
  const present = depth < 4 ? sentWhenPresent(node) : undefined;
  if (present) return sentExpression(present, ctx, depth + 1);
  if (ts.isIdentifier(node) && depth < 4) {
    // `const payload = body ? JSON.stringify(body) : undefined`: what the variable sends.
    const bound = bindingValue(node, ctx);
    const held = bound && skipOuter(bound.expression);
    const inner = held && sentExpression(held, ctx, depth + 1);
    if (inner && inner !== held) return inner;
  }
  return node;
}

/** The one branch of a conditional that sends something, when the other sends nothing (`undefined`, `null`, `void 0`). */
function sentWhenPresent(node: ts.Expression): ts.Expression | undefined {
  if (ts.isConditionalExpression(node)) {
    if (sendsNothing(node.whenFalse)) return node.whenTrue;
    if (sendsNothing(node.whenTrue)) return node.whenFalse;
    return undefined;
  }
  if (!ts.isBinaryExpression(node)) return undefined;
  switch (node.operatorToken.kind) {
    case ts.SyntaxKind.AmpersandAmpersandToken:
      return node.right;
    case ts.SyntaxKind.QuestionQuestionToken:
    case ts.SyntaxKind.BarBarToken:
      return sendsNothing(node.right) ? node.left : undefined;
    default:
      return undefined;
  }
}

/** `undefined`, `null` or `void 0`: a value that sends nothing. */
export function sendsNothing(expression: ts.Expression): boolean {
  const node = skipOuter(expression);
  return node.kind === ts.SyntaxKind.NullKeyword || ts.isVoidExpression(node) || (ts.isIdentifier(node) && node.text === 'undefined');
}

/** The first argument of `JSON.stringify(...)`. */
function stringifyArgument(node: ts.Expression): ts.Expression | undefined {
  if (!ts.isCallExpression(node) || node.arguments.length === 0) return undefined;
  const callee = skipOuter(node.expression);
  if (
    ts.isPropertyAccessExpression(callee) &&
    callee.name.text === 'stringify' &&
    ts.isIdentifier(callee.expression) &&
    callee.expression.text === 'JSON'
  ) {
    return node.arguments[0];
  }
  return undefined;
}
