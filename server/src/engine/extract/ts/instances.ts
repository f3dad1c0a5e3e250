// Builders: what a chain of a same-file class's setters leaves on its instance, for the method at the end
// of the chain (`new GenerationBuilder().prompt(p).size(1020, 576).count(2).build()`, or
// `const request = new PosterRequest(p).setCount(6); request.toJSON()`). The constructor, the field
// initializers and each setter in the chain's order are run over a small model of the instance: each
// member is the expression last written to it, with the arguments of the call that wrote it, or an
// object literal with the keys written into it since (`this.body.width = width`). A member the model
// cannot follow is unknown, never guessed.
//
// Only straight-line code is run: `this.key = value` and `this.key.sub = value` statements, locals
// that do not touch `this`, guards that throw, and `return this`. Anything else (a branch that writes,
// a loop, a call on `this`, a value read from `this` while it is being changed, a class that extends
// another) leaves the chain to the class-wide reading of resolve.ts, which does not read an object a
// class writes into.

import ts from 'typescript';
import type { ObjectValue, Property, Value } from '../../types.js';
import { writtenProperty, withNestedProperty } from './bodies.js';
import { type TsContext } from './context.js';
import { accessedKey, calledFunction, isMemberAccess, isObjectAssign, memberKeys, parametersBound, passedFor, someNode, thisClass, usesOf, withBound, type FunctionNode } from './resolve.js';
import { resolveIdentifier, skipOuter } from './scope.js';
import { propertyKey } from './objects.js';

type Bound = TsContext['bound'];

/**
 * A write into an object, with the writing call's arguments: `this.body.width = width` or `b.width = w`
 * (`assignment`, the path to the key written), or `Object.assign(b, { scheduler })` (`sources`, the path to
 * the object they are copied into).
 */
export type Write =
  | { path: string[]; assignment: ts.BinaryExpression; bound: Bound; sources?: undefined }
  | { path: string[]; sources: readonly ts.Expression[]; bound: Bound; assignment?: undefined };

/**
 * The properties a write adds, each with the path of the object it goes into; a property undefined where
 * the write adds keys that cannot be known (a source that is not a known object).
 */
export function writtenProperties(write: Write, ctx: TsContext, valueOf: (e: ts.Expression) => Value): Array<{ path: string[]; property: Property | undefined }> {
  if (write.assignment) {
    const left = write.assignment.left as ts.PropertyAccessExpression | ts.ElementAccessExpression;
    const keyNode = ts.isPropertyAccessExpression(left) ? left.name : left.argumentExpression;
    const right = write.assignment.right;
    const value = withBound(ctx, write.bound, () => valueOf(right));
    return [{ path: write.path.slice(0, -1), property: writtenProperty(write.assignment, write.path[write.path.length - 1], keyNode, value, ctx) }];
  }
  const out: Array<{ path: string[]; property: Property | undefined }> = [];
  for (const source of write.sources) {
    const value = withBound(ctx, write.bound, () => valueOf(source));
    if (value.kind !== 'object' || value.hasUnknownKeys) out.push({ path: write.path, property: undefined });
    if (value.kind === 'object') for (const property of value.properties) out.push({ path: write.path, property: Object.assign({}, property, { assigned: true }) });
  }
  return out;
}

type MemberState =
  | { kind: 'value'; expression: ts.Expression; bound: Bound }
  | { kind: 'object'; base: ts.ObjectLiteralExpression; bound: Bound; writes: Write[] }
  | { kind: 'unknown' };

/** The instance a chain leaves: its class and what each member holds. */
export interface InstanceState {
  owner: ts.ClassDeclaration;
  members: Map<string, MemberState>;
}

/** Most setter calls in one chain (each is run over the model). */
const MAX_CHAIN = 24;

/**
 * The state of the instance a method is called on (`receiver.method()`), when the receiver is a chain
 * of setters on `new C(...)` of a same-file class, directly or through a constant used only for
 * calls of methods that change nothing. Undefined when the chain has no setter (the class-wide
 * reading is exact then) or cannot be run.
 */
export function instanceState(receiver: ts.Expression, method: FunctionNode, ctx: TsContext): InstanceState | undefined {
  const owner = method.parent;
  if (!ts.isMethodDeclaration(method) && !ts.isGetAccessorDeclaration(method)) return undefined;
  if (!ts.isClassDeclaration(owner) || owner.heritageClauses?.some((clause) => clause.token === ts.SyntaxKind.ExtendsKeyword)) return undefined;
  let node = skipOuter(receiver);
  // (Most method calls are on something else than a chain of calls: ruled out before anything is walked.)
  if (ts.isIdentifier(node)) {
    const binding = resolveIdentifier(ctx.index, node);
    if (binding?.kind !== 'const' || !binding.initializer || !ts.isCallExpression(skipOuter(binding.initializer))) return undefined;
  } else if (!ts.isCallExpression(node)) {
    return undefined;
  }
  // The method read at the end changes nothing itself.
  if (!changesNothing(method)) return undefined;
  if (ts.isIdentifier(node)) {
    const chain = heldChain(node, owner, ctx);
    if (!chain) return undefined;
    node = chain;
  }
  const calls: Array<{ call: ts.CallExpression; fn: FunctionNode }> = [];
  while (ts.isCallExpression(node) && calls.length <= MAX_CHAIN) {
    const callee = skipOuter(node.expression);
    const fn = calledFunction(node, ctx);
    if (!ts.isPropertyAccessExpression(callee) || !fn || fn.parent !== owner) return undefined;
    calls.unshift({ call: node, fn });
    node = skipOuter(callee.expression);
  }
  if (calls.length === 0 || !ts.isNewExpression(node) || !constructs(node, owner, ctx)) return undefined;
  const state: InstanceState = { owner, members: new Map() };
  if (!construct(state, node, ctx)) return undefined;
  for (const { call, fn } of calls) {
    if (!run(state, fn, call.arguments, ctx)) return undefined;
  }
  return state;
}

/**
 * What `this.key` (or `this.key.sub`) holds in the instance being read, as a value; undefined when the
 * model does not know it. `none` when the access is not a read of that instance's member.
 */
export function instanceRead(access: ts.Expression, state: InstanceState, ctx: TsContext, valueOf: (e: ts.Expression) => Value): Value | undefined | 'none' {
  const path: string[] = [];
  let node: ts.Expression = access;
  while (isMemberAccess(node)) {
    const key = accessedKey(node);
    if (key === undefined) return 'none';
    path.unshift(key);
    node = skipOuter(node.expression);
  }
  if (node.kind !== ts.SyntaxKind.ThisKeyword || path.length === 0 || thisClass(access) !== state.owner) return 'none';
  const member = state.members.get(path[0]);
  let value = member && memberValue(member, ctx, valueOf);
  for (const key of path.slice(1)) {
    if (value?.kind !== 'object') return undefined;
    const found = [...value.properties].reverse().find((p) => p.key === key);
    value = found && !found.conditional ? found.value : undefined;
  }
  return value;
}

function memberValue(member: MemberState, ctx: TsContext, valueOf: (e: ts.Expression) => Value): Value | undefined {
  if (member.kind === 'unknown') return undefined;
  if (member.kind === 'value') return withBound(ctx, member.bound, () => valueOf(member.expression));
  const base = withBound(ctx, member.bound, () => valueOf(member.base));
  if (base.kind !== 'object') return undefined;
  let object: ObjectValue = base;
  for (const write of member.writes) {
    for (const { path, property } of writtenProperties(write, ctx, valueOf)) object = withNestedProperty(object, path, property);
  }
  return object;
}

/** `new C(...)` of the class itself. */
function constructs(node: ts.NewExpression, owner: ts.ClassDeclaration, ctx: TsContext): boolean {
  const callee = skipOuter(node.expression);
  const binding = ts.isIdentifier(callee) ? resolveIdentifier(ctx.index, callee) : undefined;
  return binding?.kind === 'class' && binding.node === owner;
}

/**
 * The chain a constant holds (`const request = new PosterRequest(p).setCount(6)`), when every use of the
 * constant calls a method of the class that changes nothing: nothing else may change the instance.
 */
function heldChain(name: ts.Identifier, owner: ts.ClassDeclaration, ctx: TsContext): ts.Expression | undefined {
  const binding = resolveIdentifier(ctx.index, name);
  if (binding?.kind !== 'const' || !binding.initializer) return undefined;
  const uses = usesOf(binding, ctx, (use) => {
    const access = use.parent;
    const call = access.parent;
    if (!ts.isPropertyAccessExpression(access) || access.expression !== use || !ts.isCallExpression(call) || call.expression !== access) return undefined;
    const fn = calledFunction(call, ctx);
    return fn && fn.parent === owner && changesNothing(fn) ? call : undefined;
  });
  return uses ? skipOuter(binding.initializer) : undefined;
}

/** A method that writes nothing on `this` and calls nothing through it. */
function changesNothing(fn: FunctionNode): boolean {
  return !someNode(fn, (node) => {
    if (ts.isBinaryExpression(node) && node.operatorToken.kind >= ts.SyntaxKind.FirstAssignment && node.operatorToken.kind <= ts.SyntaxKind.LastAssignment) {
      return mentionsThis(node.left) || undefined;
    }
    if (ts.isCallExpression(node) && mentionsThis(node.expression)) return true;
    if (ts.isDeleteExpression(node) || ts.isPrefixUnaryExpression(node) || ts.isPostfixUnaryExpression(node)) return mentionsThis(node) || undefined;
    return undefined;
  });
}

function mentionsThis(node: ts.Node): boolean {
  return node.kind === ts.SyntaxKind.ThisKeyword || someNode(node, (n) => n.kind === ts.SyntaxKind.ThisKeyword || undefined);
}

/** Parameter properties, field initializers, then the constructor's body, with the `new`'s arguments. */
function construct(state: InstanceState, made: ts.NewExpression, ctx: TsContext): boolean {
  const constructor = state.owner.members.find(ts.isConstructorDeclaration);
  const args = made.arguments ?? [];
  const bound = constructor ? parametersBound(constructor, args, ctx, true) : ctx.bound;
  if (constructor && !bound) return false;
  for (const parameter of constructor?.parameters ?? []) {
    if (!ts.isParameterPropertyDeclaration(parameter, constructor!) || !ts.isIdentifier(parameter.name)) continue;
    const passed = passedFor(args, constructor!.parameters.indexOf(parameter), parameter, ctx);
    state.members.set(parameter.name.text, passed ? { kind: 'value', expression: passed, bound: ctx.bound } : { kind: 'unknown' });
  }
  for (const member of state.owner.members) {
    if (!ts.isPropertyDeclaration(member) || !member.initializer || hasStatic(member)) continue;
    const name = propertyKey(member.name, ctx);
    if (name === undefined) continue;
    setMember(state, name, mentionsThis(member.initializer) ? undefined : member.initializer, undefined);
  }
  return constructor ? run(state, constructor, args, ctx, bound) : true;
}

function hasStatic(member: ts.ClassElement): boolean {
  return ts.getModifiers(member as ts.HasModifiers)?.some((m) => m.kind === ts.SyntaxKind.StaticKeyword) ?? false;
}

/** Run a setter's (or the constructor's) statements over the model; false when one cannot be run. */
function run(state: InstanceState, fn: FunctionNode, args: readonly ts.Expression[], ctx: TsContext, given?: Bound): boolean {
  const bound = given ?? parametersBound(fn, args, ctx, true);
  const writes = bound && straightWrites(fn, isThis, bound);
  if (!writes) return false;
  return writes.every((one) => write(state, one));
}

const isThis = (node: ts.Node): boolean => node.kind === ts.SyntaxKind.ThisKeyword;

/**
 * The writes a function's straight-line statements make onto an object (`this`, or a parameter it is
 * handed), in order, each with its path from that object: `root.key = value` and `root.key.sub = value`,
 * locals and other statements that do not touch the object, guards that throw, and a `return` of
 * nothing or of the object itself. Undefined when any other statement touches it (a branch or loop
 * around a write, a call it is handed to) or a written value reads it.
 */
function straightWrites(fn: FunctionNode, isRoot: (node: ts.Node) => boolean, bound: Bound): Write[] | undefined {
  const body = fn.body;
  if (!body || !ts.isBlock(body)) return undefined;
  const mentions = (node: ts.Node): boolean => isRoot(node) || someNode(node, (n) => isRoot(n) || undefined);
  const writes: Write[] = [];
  for (const statement of body.statements) {
    if (ts.isExpressionStatement(statement)) {
      const expression = skipOuter(statement.expression);
      if (ts.isBinaryExpression(expression) && expression.operatorToken.kind === ts.SyntaxKind.EqualsToken && mentions(expression.left)) {
        const path = rootPath(expression.left, isRoot);
        if (!path || mentions(expression.right)) return undefined;
        writes.push({ path, assignment: expression, bound });
        continue;
      }
      // `Object.assign(b, { scheduler }, DEFAULTS)`: the sources' keys copied into the object (or one under it).
      const assigned = ts.isCallExpression(expression) && isObjectAssign(expression) ? assignedInto(expression, isRoot, mentions) : undefined;
      if (assigned) {
        writes.push({ path: assigned.path, sources: assigned.sources, bound });
        continue;
      }
      if (mentions(expression)) return undefined;
      continue;
    }
    if (ts.isReturnStatement(statement)) {
      if (statement.expression && !isRoot(skipOuter(statement.expression))) return undefined;
      break;
    }
    // A guard that throws (`if (n > 8) throw new Error(...)`): what comes after runs only past it.
    if (ts.isIfStatement(statement) && !statement.elseStatement && throwsOnly(statement.thenStatement) && !mentions(statement.expression)) continue;
    if (mentions(statement)) return undefined;
  }
  return writes;
}

/**
 * What a call of a same-file function writes into the object it is handed at `position`
 * (`setSize(body, 1250)` with `function setSize(b, w) { b.width = w; b.height = w; }`): its writes,
 * each with the function's parameters at the call's arguments. Undefined when the function does
 * anything else with the object.
 */
export function handedWrites(call: ts.CallExpression, position: number, ctx: TsContext): Write[] | undefined {
  const fn = calledFunction(call, ctx);
  const parameter = fn?.parameters[position];
  if (!fn || !parameter || !ts.isIdentifier(parameter.name) || parameter.dotDotDotToken || ts.isSpreadElement(call.arguments[position])) return undefined;
  const binding = resolveIdentifier(ctx.index, parameter.name);
  if (binding?.kind !== 'param' || binding.reassigned) return undefined;
  const bound = parametersBound(fn, call.arguments, ctx, true);
  const isParameter = (node: ts.Node): boolean => ts.isIdentifier(node) && node.text === binding.name && resolveIdentifier(ctx.index, node) === binding;
  return bound && straightWrites(fn, isParameter, bound);
}

/** `Object.assign(target, ...sources)` into the root or an object under it, the sources not touching it. */
function assignedInto(call: ts.CallExpression, isRoot: (node: ts.Node) => boolean, mentions: (node: ts.Node) => boolean): { path: string[]; sources: ts.Expression[] } | undefined {
  const [target, ...sources] = call.arguments;
  if (!target || sources.length === 0 || call.arguments.some(ts.isSpreadElement) || sources.some(mentions)) return undefined;
  const node = skipOuter(target);
  const path = isRoot(node) ? [] : rootPath(node, isRoot);
  return path ? { path, sources } : undefined;
}

function throwsOnly(statement: ts.Statement): boolean {
  if (ts.isThrowStatement(statement)) return true;
  return ts.isBlock(statement) && statement.statements.length === 1 && ts.isThrowStatement(statement.statements[0]);
}

/** The keys of `root.a.b` (`["a", "b"]`); undefined for a computed key or another root. */
function rootPath(left: ts.Expression, isRoot: (node: ts.Node) => boolean): string[] | undefined {
  const read = memberKeys(skipOuter(left));
  return read && isRoot(read.root) && read.keys.length > 0 ? read.keys : undefined;
}

/** A write onto the instance's model; false for one it cannot take (`Object.assign(this, ...)`). */
function write(state: InstanceState, one: Write): boolean {
  const [name, ...below] = one.path;
  if (name === undefined) return false;
  if (one.assignment && below.length === 0) {
    setMember(state, name, one.assignment.right, one.bound);
    return true;
  }
  const member = state.members.get(name);
  if (member?.kind === 'object') member.writes.push(Object.assign({}, one, { path: below }));
  else state.members.set(name, { kind: 'unknown' });
  return true;
}

function setMember(state: InstanceState, name: string, expression: ts.Expression | undefined, bound: Bound): void {
  const node = expression && skipOuter(expression);
  if (!node) state.members.set(name, { kind: 'unknown' });
  else if (ts.isObjectLiteralExpression(node)) state.members.set(name, { kind: 'object', base: node, bound, writes: [] });
  else state.members.set(name, { kind: 'value', expression: node, bound });
}
