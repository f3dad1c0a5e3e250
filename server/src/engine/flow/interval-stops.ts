// A `setInterval` poll that reads the generation's status but stops only when it is COMPLETE: a
// FAILED job never becomes COMPLETE, so the interval polls it forever (or until it gives up). The
// callback's status reads are all accounted for, or the answer is "don't know": every read is a
// comparison with a known value (all of them COMPLETE), a `switch` or `.includes` with known values,
// an alias whose reads are accounted for the same way, or a log line. A comparison with any other
// value (FAILED, PENDING, unknown), a status handed on to other code, or an else/default branch that
// may stop the interval makes the poll one this check does not judge.

import ts from 'typescript';
import { skipOuter } from '../extract/ts/scope.js';
import { accessedKey, enclosingFunction, isFunctionNode, isMemberAccess } from '../extract/ts/resolve.js';
import type { Flow } from './analysis.js';
import type { FunctionNode } from './functions.js';
import { containsNode, isEquality, isHttpStatusTest, isInlineCallback, isIntervalCallback, isLoggingCall, isStatusExpression } from './status-checks.js';
import { calledName } from '../extract/ts/file-index.js';

export interface FailureBlindInterval {
  /** The interval's callback. */
  callback: FunctionNode;
  /** Something else may stop it (an attempts count, a `clearInterval` elsewhere): it is not polled forever. */
  bounded: boolean;
  /** The status read compares with `JobStatus.Complete` (the SDK's form). */
  sdk: boolean;
}

const COMPLETE = 'COMPLETE';
const CLEARS = new Set(['clearInterval', 'clearTimeout']);

/** The `setInterval` callback around `node` when it stops only on COMPLETE (see above); worked out once per callback. */
export function failureBlindInterval(flow: Flow, node: ts.Node): FailureBlindInterval | undefined {
  const callback = intervalAround(flow, node);
  if (!callback?.body) return undefined;
  const memo = flow.derived('interval-stops', () => new Map<ts.Node, FailureBlindInterval | null>());
  let answer = memo.get(callback);
  if (answer === undefined) memo.set(callback, (answer = judge(flow, callback, callback.body) ?? null));
  return answer ?? undefined;
}

/** The interval callback `node` runs in: its own function, or one it is an inline callback of (`.then(...)`). */
function intervalAround(flow: Flow, node: ts.Node): FunctionNode | undefined {
  for (let fn = enclosingFunction(node); fn; fn = enclosingFunction(fn)) {
    if (isIntervalCallback(fn, flow)) return fn;
    if (!isInlineCallback(fn)) return undefined;
  }
  return undefined;
}

/** Where the callback goes on when the status is COMPLETE, as [pos, end) ranges. */
type Ranges = Array<[number, number]>;

function judge(flow: Flow, callback: FunctionNode, body: ts.Node): FailureBlindInterval | undefined {
  const reads = statusReads(flow, body);
  if (!reads) return undefined;
  const complete: Ranges = [];
  let known = false;
  let sdk = false;
  for (const read of reads) {
    const use = useOf(flow, read);
    if (!use) return undefined;
    if (use.kind === 'log' || use.kind === 'other') continue;
    if (use.values.some((v) => v.text !== COMPLETE)) return undefined;
    known ||= isJobStatus(flow, read);
    sdk ||= use.values.some((v) => v.sdk);
    if (use.kind === 'switch') {
      for (const clause of use.statement.caseBlock.clauses) {
        if (ts.isDefaultClause(clause)) {
          if (mayStop(flow, clause)) return undefined;
        } else {
          complete.push([clause.pos, clause.end]);
        }
      }
      continue;
    }
    // The branch taken when the status is not COMPLETE must not stop (it is the FAILED branch too).
    const branches = branchesOf(use.test, use.equal);
    if (!branches) return undefined;
    if (branches.other && mayStop(flow, branches.other)) return undefined;
    if (branches.complete) complete.push([branches.complete.pos, branches.complete.end]);
    if (branches.after) complete.push(branches.after);
  }
  if (!known) return undefined;
  const stops = stopsIn(flow, body);
  const onComplete = (node: ts.Node): boolean => complete.some(([pos, end]) => node.pos >= pos && node.end <= end);
  if (!stops.some(onComplete)) return undefined;
  const bounded = stops.some((stop) => !onComplete(stop) && !inCatch(stop, body)) || clearedElsewhere(flow, callback);
  return { callback, bounded, sdk };
}

/** The status reads under `body` (aliases followed to their reads); undefined when one is written to. */
function statusReads(flow: Flow, body: ts.Node): ts.Expression[] | undefined {
  const out = new Set<ts.Expression>();
  let opaque = false;
  const alias = (name: ts.BindingName): void => {
    if (!ts.isIdentifier(name)) return;
    const binding = flow.binding(name);
    if (!binding || binding.reassigned) {
      opaque = true;
      return;
    }
    for (const use of flow.referencesOf(binding)) out.add(use);
  };
  const visit = (node: ts.Node): void => {
    if (opaque) return;
    if (ts.isBindingElement(node) && node.propertyName && !node.dotDotDotToken && propertyText(node.propertyName) === 'status') alias(node.name);
    else if (ts.isIdentifier(node) ? isStatusReference(node) : isMemberAccess(node) && accessedKey(node) === 'status') {
      if (isStatusExpression(node as ts.Expression, flow)) out.add(node as ts.Expression);
    }
    node.forEachChild(visit);
  };
  visit(body);
  if (opaque) return undefined;
  // `const s = gen.status`: the alias's reads are judged instead.
  for (const read of [...out]) {
    const declaration = usedBy(read);
    if (ts.isVariableDeclaration(declaration) && declaration.initializer && skipOuter(declaration.initializer) === read) {
      out.delete(read);
      alias(declaration.name);
    }
  }
  return opaque ? undefined : [...out];
}

function propertyText(name: ts.PropertyName): string | undefined {
  return ts.isIdentifier(name) || ts.isStringLiteral(name) ? name.text : undefined;
}


/** An identifier that reads a variable (not a declared name, a property name, or `JobStatus` in `JobStatus.Complete`). */
function isStatusReference(id: ts.Identifier): boolean {
  const parent = id.parent;
  if (ts.isPropertyAccessExpression(parent)) return parent.expression === id && !/^[A-Z]/.test(parent.name.text);
  if (ts.isBindingElement(parent) || ts.isVariableDeclaration(parent) || ts.isParameter(parent) || ts.isPropertyAssignment(parent)) {
    return (parent as { initializer?: ts.Node }).initializer === id;
  }
  return !(ts.isFunctionLike(parent) || ts.isPropertyDeclaration(parent) || ts.isImportSpecifier(parent) || ts.isTypeReferenceNode(parent));
}

/** The node that uses an expression, past parentheses, `!`, `as` and `await`. */
function usedBy(node: ts.Node): ts.Node {
  let current = node;
  while (ts.isParenthesizedExpression(current.parent) || ts.isNonNullExpression(current.parent) || ts.isAsExpression(current.parent) || ts.isAwaitExpression(current.parent)) {
    current = current.parent;
  }
  return current.parent;
}

interface StatusValue {
  text: string;
  sdk: boolean;
}

type Use =
  | { kind: 'log' }
  /** A read of another status (an HTTP one). */
  | { kind: 'other' }
  | { kind: 'compare'; values: StatusValue[]; test: ts.Expression; equal: boolean }
  | { kind: 'switch'; values: StatusValue[]; statement: ts.SwitchStatement };

/** What code does with a status read; undefined for anything this check cannot follow. */
function useOf(flow: Flow, read: ts.Expression): Use | undefined {
  let node: ts.Node = read;
  while (ts.isParenthesizedExpression(node.parent) || ts.isNonNullExpression(node.parent) || ts.isAsExpression(node.parent)) node = node.parent;
  const parent = node.parent;
  // An HTTP status (`err.response?.status === 429` in the callback's catch) tells nothing of the job's.
  if (ts.isBinaryExpression(parent) && isHttpStatusTest(parent, flow)) return { kind: 'other' };
  if (ts.isBinaryExpression(parent) && isEquality(parent.operatorToken.kind)) {
    const value = statusValue(flow, parent.left === node ? parent.right : parent.left);
    if (!value) return undefined;
    const kind = parent.operatorToken.kind;
    return { kind: 'compare', values: [value], test: parent, equal: kind === ts.SyntaxKind.EqualsEqualsEqualsToken || kind === ts.SyntaxKind.EqualsEqualsToken };
  }
  if (ts.isSwitchStatement(parent) && parent.expression === node) {
    const values: StatusValue[] = [];
    for (const clause of parent.caseBlock.clauses) {
      if (!ts.isCaseClause(clause)) continue;
      const value = statusValue(flow, clause.expression);
      if (!value) return undefined;
      values.push(value);
    }
    return { kind: 'switch', values, statement: parent };
  }
  // `["COMPLETE"].includes(status)`
  if (ts.isCallExpression(parent) && parent.arguments[0] === node && ts.isPropertyAccessExpression(parent.expression) && parent.expression.name.text === 'includes') {
    const list = skipOuter(parent.expression.expression);
    if (!ts.isArrayLiteralExpression(list)) return undefined;
    const values = list.elements.map((e) => statusValue(flow, e));
    return values.every((v) => v !== undefined) ? { kind: 'compare', values, test: parent, equal: true } : undefined;
  }
  return isLogged(node) ? { kind: 'log' } : undefined;
}

/** `console.log("status", status)`, also inside a template or a concatenation. */
function isLogged(node: ts.Node): boolean {
  let current = node;
  while (ts.isTemplateSpan(current.parent) || ts.isTemplateExpression(current.parent) || (ts.isBinaryExpression(current.parent) && current.parent.operatorToken.kind === ts.SyntaxKind.PlusToken)) {
    current = current.parent;
  }
  const call = current.parent;
  if (!ts.isCallExpression(call) || !call.arguments.includes(current as ts.Expression)) return false;
  return isLoggingCall(call);
}

/** A known status value: a string (or a constant holding one), or `JobStatus.Complete`. */
function statusValue(flow: Flow, expression: ts.Expression): StatusValue | undefined {
  const node = skipOuter(expression);
  // (A member of a same-file constant, `STATUS.DONE` of `const STATUS = { DONE: "COMPLETE" }`, is its string.)
  const origin = flow.originOf(node);
  if (origin?.kind === 'literal' && typeof origin.value === 'string') return { text: origin.value, sdk: false };
  if (ts.isPropertyAccessExpression(node) && ts.isIdentifier(node.expression) && /status$/i.test(node.expression.text)) {
    return { text: node.name.text.toUpperCase(), sdk: true };
  }
  return undefined;
}

/** The status read is the job status of a known generation (its enum says FAILED is one of its values). */
function isJobStatus(flow: Flow, read: ts.Expression): boolean {
  const origin = flow.originOf(read);
  return origin?.kind === 'response' && origin.field?.wire === 'status' && (origin.field.enum?.includes('FAILED') ?? false);
}

/**
 * The branches a status test decides: the one taken on COMPLETE (and, after an early exit on
 * `!== "COMPLETE"`, the statements that follow it), and the other one. Undefined when the test sits
 * somewhere this check does not read.
 */
function branchesOf(test: ts.Expression, equal: boolean): { complete?: ts.Node; other?: ts.Node; after?: [number, number] } | undefined {
  let node: ts.Node = test;
  let positive = equal;
  for (;;) {
    const parent = node.parent;
    if (ts.isParenthesizedExpression(parent)) node = parent;
    else if (ts.isPrefixUnaryExpression(parent) && parent.operator === ts.SyntaxKind.ExclamationToken) {
      positive = !positive;
      node = parent;
    } else if (ts.isBinaryExpression(parent) && (parent.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken || parent.operatorToken.kind === ts.SyntaxKind.BarBarToken)) {
      // `status === "COMPLETE" && images.length`: still decided by the status; `||` with something else is not read.
      if (parent.operatorToken.kind === ts.SyntaxKind.BarBarToken && positive) return undefined;
      if (parent.left === node && ts.isExpressionStatement(parent.parent)) return positive ? { complete: parent.right } : { other: parent.right };
      node = parent;
    } else break;
  }
  const parent = node.parent;
  if (ts.isIfStatement(parent) && parent.expression === node) {
    const [complete, other] = positive ? [parent.thenStatement, parent.elseStatement] : [parent.elseStatement, parent.thenStatement];
    const after = !positive && !parent.elseStatement && exits(parent.thenStatement) ? restOf(parent) : undefined;
    return { complete, other, after };
  }
  if (ts.isConditionalExpression(parent) && parent.condition === node) {
    return positive ? { complete: parent.whenTrue, other: parent.whenFalse } : { complete: parent.whenFalse, other: parent.whenTrue };
  }
  // A status test stored, returned or passed on is not a branch of the callback's own.
  return undefined;
}

/** The statement ends in `return` (or `continue`): what follows it runs only when its test was false. */
function exits(statement: ts.Statement): boolean {
  const last = ts.isBlock(statement) ? statement.statements[statement.statements.length - 1] : statement;
  return !!last && (ts.isReturnStatement(last) || ts.isContinueStatement(last));
}

/** The rest of the statement list after `statement`. */
function restOf(statement: ts.Statement): [number, number] | undefined {
  const list = statement.parent;
  return ts.isBlock(list) || ts.isCaseClause(list) || ts.isDefaultClause(list) ? [statement.end, list.end] : undefined;
}

/** The calls and `throw`s under `root` that stop the poll (see mayStop), with calls of other code that might. */
function stopsIn(flow: Flow, root: ts.Node): ts.Node[] {
  const out: ts.Node[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isThrowStatement(node) || (ts.isCallExpression(node) && stops(flow, node))) out.push(node);
    node.forEachChild(visit);
  };
  visit(root);
  return out;
}

/** A branch that may stop the poll: it throws, clears a timer, settles the promise around, or calls code that may. */
function mayStop(flow: Flow, branch: ts.Node): boolean {
  let found = false;
  const visit = (node: ts.Node): void => {
    if (found) return;
    if (ts.isThrowStatement(node) || (ts.isCallExpression(node) && (stops(flow, node) || !isHarmless(flow, node)))) {
      found = true;
      return;
    }
    node.forEachChild(visit);
  };
  visit(branch);
  return found;
}

/** `clearInterval(id)`, `resolve(...)`/`reject(...)` of a `new Promise` around, or a same-file function that clears a timer. */
function stops(flow: Flow, call: ts.CallExpression): boolean {
  const callee = skipOuter(call.expression);
  if (CLEARS.has(calledName(call) ?? '')) return true;
  if (ts.isIdentifier(callee) && isExecutorParameter(flow, callee)) return true;
  const fn = flow.calledFunction(call);
  return !!fn?.body && containsNode(fn.body, (n) => ts.isCallExpression(n) && CLEARS.has(calledName(n) ?? ''));
}

/** A call that certainly does not stop the poll: a log line, or a same-file function that neither clears, throws nor settles. */
function isHarmless(flow: Flow, call: ts.CallExpression): boolean {
  if (isLoggingCall(call)) return true;
  const fn = flow.calledFunction(call);
  return !!fn?.body && !containsNode(fn.body, (n) => ts.isThrowStatement(n) || ts.isCallExpression(n));
}

/** `resolve` / `reject` of `new Promise((resolve, reject) => ...)`. */
function isExecutorParameter(flow: Flow, id: ts.Identifier): boolean {
  const declaration = flow.binding(id)?.node;
  if (!declaration || !ts.isParameter(declaration)) return false;
  const executor = declaration.parent;
  const construction = executor.parent;
  return isFunctionNode(executor) && ts.isNewExpression(construction) && construction.arguments?.[0] === executor && calledName(construction) === 'Promise';
}

function inCatch(node: ts.Node, root: ts.Node): boolean {
  for (let current = node.parent; current && current !== root; current = current.parent) if (ts.isCatchClause(current)) return true;
  return false;
}

/**
 * A `clearInterval` outside the callback (a timeout, a stop button): the poll ends some day. A React
 * effect's cleanup (`return () => clearInterval(id)`) does not count: it runs when the page goes.
 */
function clearedElsewhere(flow: Flow, callback: FunctionNode): boolean {
  return flow.index.calls.some((call) => CLEARS.has(calledName(call) ?? '') && (call.pos < callback.pos || call.end > callback.end) && !isCleanup(call));
}

function isCleanup(call: ts.CallExpression): boolean {
  const fn = enclosingFunction(call);
  return !!fn && isFunctionNode(fn) && ts.isReturnStatement(fn.parent);
}
