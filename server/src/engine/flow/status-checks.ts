// Whether a generation's job status has been checked before a point in the code. Counts as checked
// (docs/rules/unchecked-generation-status.md): `status === "COMPLETE"` guarding the point, `status !== "COMPLETE"` with
// an early exit before it, a `switch` on status, a polling loop whose condition (or body) reads the
// status, the SDK's `JobStatus.Complete`, a wait helper called before it (a same-file function that
// checks the status, or one named like `waitFor...` / `poll...`), a loop that waits between rounds,
// a test of the images themselves (`images.length`, `images[0]?.url`), and a webhook handler. Deliberately
// lenient: when a check is anywhere on the way, the point is checked.

import ts from 'typescript';
import { isFallbackOperator, skipOuter } from '../extract/ts/scope.js';
import { accessedKey, isLoop, isMemberAccess, isStatementList, objectProperty, returnedExpressions, someNode, type Loop } from '../extract/ts/resolve.js';
import type { Flow } from './analysis.js';
import { lacksField, STRING_CHANGES } from './shape.js';
import { bindingOfFunction, isEmptyFallback, isGenerator, type FunctionNode } from './functions.js';
import { calledName } from '../extract/ts/file-index.js';
import { calleeName } from '../extract/ts/values.js';

/**
 * Job statuses that say whether to wait (FAILED alone does not: a PENDING job passes it), and the words
 * code writes for them (`"succeeded"`, `"COMPLETED"`): a comparison with a status the field never has is
 * `invalid-enum`'s finding (status-comparisons.ts), and the read it guards is not reported again.
 */
const WAIT_STATUSES = new Set(['COMPLETE', 'PENDING', 'COMPLETED', 'SUCCEEDED', 'SUCCESS', 'SUCCESSFUL', 'DONE', 'FINISHED', 'READY', 'PROCESSING', 'IN_PROGRESS', 'RUNNING', 'QUEUED']);
const WAIT_HELPER = /wait|poll|until/i;
const IMAGES = new Set(['generated_images', 'generatedImages']);
const DELAY = /sleep|delay|wait|timeout|pause/i;
const THEN_METHODS = new Set(['then', 'finally']);
/** A word a status predicate's name starts one of its words with (`isDone`, `checkStatus`, `wait_until_ready`; not `findOne`). */
const STATUS_WORD = /^(?:complete|done|ready|finish|succe|status)/i;

/** A name one of whose words (camelCase or snake_case) names a status: `isDone`, `getJobStatus`, `waitUntilReady`. */
function namesStatus(name: string): boolean {
  return name.split(/[_\W]+|(?<=[a-z0-9])(?=[A-Z])/).some((word) => STATUS_WORD.test(word));
}
const WEBHOOK = /webhook/i;
/** How many levels of callers are followed to find the check. */
const CALLER_DEPTH = 3;

export function isStatusCheckedAt(flow: Flow, node: ts.Node, depth = 0): boolean {
  let child: ts.Node = node;
  for (let parent = node.parent; parent; child = parent, parent = parent.parent) {
    if (guards(parent, child, flow)) return true;
    if (isStatementList(parent) && precededByCheck(parent, child, flow)) return true;
    if (ts.isCallExpression(parent) && parent.arguments.some((a) => isWebhookRoute(a))) return true;
    if (!ts.isFunctionLike(parent)) continue;
    if (WEBHOOK.test(functionName(parent))) return true;
    if (isInlineCallback(parent)) continue;
    return depth < CALLER_DEPTH && callersChecked(flow, parent, depth);
  }
  return false;
}

/** `parent` runs `child` only after (or while) the status says so. */
function guards(parent: ts.Node, child: ts.Node, flow: Flow): boolean {
  if (ts.isIfStatement(parent)) return child !== parent.expression && hasStatusTest(parent.expression, flow);
  if (ts.isConditionalExpression(parent)) return child !== parent.condition && hasStatusTest(parent.condition, flow);
  if (ts.isBinaryExpression(parent)) {
    return isLogical(parent.operatorToken.kind) && child === parent.right && hasStatusTest(parent.left, flow);
  }
  // `waitUntilComplete(id).then(() => fetchGeneration(id)).then((g) => g.generated_images)`
  if (ts.isCallExpression(parent) && parent.arguments.includes(child as ts.Expression) && ts.isPropertyAccessExpression(parent.expression)) {
    const receiver = parent.expression.expression;
    return THEN_METHODS.has(parent.expression.name.text) && (hasStatusTest(receiver, flow, true) || waits(receiver, flow));
  }
  if (ts.isCaseClause(parent) || ts.isDefaultClause(parent)) return isStatusExpression(parent.parent.parent.expression, flow);
  if (isLoop(parent)) return child === parent.statement && isPollingLoop(parent, flow);
  return false;
}

/** A statement before `child` in the same list checks the status or waits for it. */
function precededByCheck(list: ts.Node, child: ts.Node, flow: Flow): boolean {
  const first = memo(flow, 'first-check', list, () => {
    // A declaration runs nothing where it stands (a function declared before its call is not a check before it).
    const found = statementsOf(list).find((statement) => !isDeclaration(statement) && (hasStatusTest(statement, flow, true) || waits(statement, flow)));
    return found ? found.pos : Infinity;
  });
  return first < child.pos;
}

function isDeclaration(statement: ts.Node): boolean {
  return ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement) || ts.isInterfaceDeclaration(statement) || ts.isTypeAliasDeclaration(statement);
}

/** Facts about a statement list or loop, computed once per analysis (reads in long functions share them). */
function memo<T extends number | boolean>(flow: Flow, kind: string, node: ts.Node, compute: () => T): T {
  const byKind = flow.derived('status-checks', () => new Map<string, Map<ts.Node, number | boolean>>());
  let byNode = byKind.get(kind);
  if (!byNode) byKind.set(kind, (byNode = new Map<ts.Node, number | boolean>()));
  let value = byNode.get(node) as T | undefined;
  if (value === undefined) {
    value = compute();
    byNode.set(node, value);
  }
  return value;
}

/** `await waitForGeneration(id)`, or a call to a same-file function that checks the status. */
function waits(statement: ts.Node, flow: Flow): boolean {
  let found = false;
  const visit = (node: ts.Node): void => {
    // (`const run = (id) => getImages(id)` declares a function; it waits for nothing here.)
    if (found || runsElsewhere(node, statement, true)) return;
    if (ts.isCallExpression(node)) {
      const name = calledName(node) ?? '';
      const fn = flow.calledFunction(node);
      // A same-file function waits when its body tests the status (`const wait = (ms) => ...` does not); an
      // imported one when named for it, unless it is a delay (`wait(15000)`, `page.waitForTimeout(5000)`).
      const named = !fn && WAIT_HELPER.test(name) && !isDelayCall(node, name, flow);
      if (named || (fn?.body && memo(flow, 'body-tests', fn.body, () => hasStatusTest(fn.body!, flow, true)))) {
        found = true;
        return;
      }
    }
    node.forEachChild(visit);
  };
  visit(statement);
  return found;
}

/** A function under `root` that does not run where it stands; an inline callback (`new Promise((r) => ...)`) does, when `callbacks`. */
function runsElsewhere(node: ts.Node, root: ts.Node, callbacks: boolean): boolean {
  return node !== root && ts.isFunctionLike(node) && !(callbacks && isInlineCallback(node));
}

/**
 * The node compares a status with COMPLETE / PENDING (`===`, `!==`, `.includes(status)`), switches on a
 * status, or polls with a loop that reads one (a test of the images too, unless `images` is false). Nested functions are searched only when asked.
 */
export function hasStatusTest(node: ts.Node, flow: Flow, intoFunctions = false, images = true): boolean {
  let found = false;
  const visit = (current: ts.Node): void => {
    // A function declared here does not run here: only an inline callback (`new Promise((r) => ...)`) is searched.
    if (found || runsElsewhere(current, node, intoFunctions)) return;
    if (isStatusTest(current, flow, images)) {
      found = true;
      return;
    }
    // A loop inside is judged whole (a poll that reads the status is a test): the test of the images
    // that ends a status-blind poll is that poll's, not a check around it.
    if (current !== node && isLoop(current)) return;
    current.forEachChild(visit);
  };
  visit(node);
  return found;
}

function isStatusTest(node: ts.Node, flow: Flow, images = true): boolean {
  if (isImagesTest(node, flow)) return images && conditionAround(node) !== undefined;
  if (ts.isBinaryExpression(node) && isEquality(node.operatorToken.kind)) {
    return (
      (isStatusExpression(node.left, flow) && isWaitStatus(node.right, flow)) ||
      (isStatusExpression(node.right, flow) && isWaitStatus(node.left, flow))
    );
  }
  if (ts.isSwitchStatement(node)) return isStatusExpression(node.expression, flow);
  if (ts.isCallExpression(node) && isStatusPredicate(node, flow) && !comparedWithOtherState(node, flow)) return true;
  // A loop that only waits between rounds is a fixed delay unless it reads a status.
  if (isLoop(node)) return isPollingCondition(node, flow) || (waitsBetweenRounds(node, flow) && readsStatus(flow, node));
  if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && node.expression.name.text === 'includes') {
    const list = skipOuter(node.expression.expression);
    const argument = node.arguments[0];
    return (
      !!argument &&
      isStatusExpression(argument, flow) &&
      ts.isArrayLiteralExpression(list) &&
      list.elements.some((e) => isWaitStatus(e, flow))
    );
  }
  return false;
}

/**
 * `x.generated_images.length`, `images?.[0]?.url`, `images.at(0)`: code that waits for the images
 * themselves (the array, by name or by origin, measured or indexed in a test).
 */
function isImagesTest(node: ts.Node, flow: Flow): boolean {
  // A constant holding such a read (`const imageUrl = gen.generated_images?.[0]?.url; if (imageUrl)`).
  if (ts.isIdentifier(node)) {
    const binding = flow.binding(node);
    let held = binding?.kind === 'const' && binding.initializer ? skipOuter(binding.initializer) : undefined;
    // (`gen.generated_images?.[0]?.url ?? null`: the empty fallback is what the test tells from a URL.)
    while (held && ts.isBinaryExpression(held) && isFallbackOperator(held.operatorToken.kind) && isEmptyFallback(held.right)) held = skipOuter(held.left);
    while (held && ts.isPropertyAccessExpression(held) && held.name.text !== 'length') held = skipOuter(held.expression);
    return held !== undefined && !ts.isIdentifier(held) && isImagesTest(held, flow);
  }
  let list: ts.Expression;
  if (ts.isPropertyAccessExpression(node) && node.name.text === 'length') list = node.expression;
  else if (ts.isElementAccessExpression(node) && ts.isNumericLiteral(skipOuter(node.argumentExpression))) list = node.expression;
  else return false;
  const images = skipOuter(list);
  if (ts.isPropertyAccessExpression(images) && IMAGES.has(images.name.text)) return true;
  const origin = flow.originOf(images);
  return origin?.kind === 'response' && origin.field !== undefined && IMAGES.has(origin.field.wire);
}

/** The condition `node` sits in (an `if`, loop, `?:` condition, or the left of `&&`/`||`), if any. */
export function conditionAround(node: ts.Node): ts.Expression | undefined {
  let child = node;
  for (let parent = node.parent; parent && !ts.isFunctionLike(parent); child = parent, parent = parent.parent) {
    if ((ts.isIfStatement(parent) || ts.isWhileStatement(parent) || ts.isDoStatement(parent)) && parent.expression === child) return parent.expression;
    if (ts.isForStatement(parent) && parent.condition === child) return parent.condition;
    if (ts.isConditionalExpression(parent) && parent.condition === child) return parent.condition;
    // (`x ?? fallback` only picks a value: nothing runs on its test, so a read there is in no condition.)
    if (ts.isBinaryExpression(parent) && parent.left === child && isLogical(parent.operatorToken.kind)) {
      return parent.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken ? undefined : parent;
    }
    if (!ts.isExpression(parent)) return undefined;
  }
  return undefined;
}

/**
 * `isComplete(generation)`, `generationReady(g)`: a predicate named for the status, or a same-file
 * function (not nested in the call) whose own body tests it.
 */
function isStatusPredicate(call: ts.CallExpression, flow: Flow): boolean {
  if (namesStatus(calledName(call) ?? '') && !setsHttpStatus(call)) return true;
  const fn = flow.calledFunction(call);
  return !!fn?.body && !isAncestor(fn, call) && memo(flow, 'own-body-tests', fn.body, () => hasStatusTest(fn.body!, flow));
}

/**
 * `res.status(405)`: an HTTP server's response (Express, Next.js) given its status code, no job's
 * status: a numeric code, or a call answered on at once (`res.status(code).json(...)`). A client's
 * `jobs.status(gen)` is a status read.
 */
function setsHttpStatus(call: ts.CallExpression): boolean {
  const callee = skipOuter(call.expression);
  if (!ts.isPropertyAccessExpression(callee) || callee.name.text !== 'status' || call.arguments.length !== 1) return false;
  if (ts.isNumericLiteral(skipOuter(call.arguments[0]))) return true;
  const next = call.parent;
  return ts.isPropertyAccessExpression(next) && next.expression === call && HTTP_ANSWERS.has(next.name.text);
}

/** What an HTTP server's response is told after its status: `res.status(code).json(...)`. */
const HTTP_ANSWERS = new Set(['json', 'send', 'end', 'sendFile', 'render', 'redirect', 'type', 'set', 'header']);

function isAncestor(ancestor: ts.Node, node: ts.Node): boolean {
  for (let current: ts.Node | undefined = node; current; current = current.parent) if (current === ancestor) return true;
  return false;
}

/**
 * A polling loop: its condition reads a status, its body tests one (`while (true) { ... if (done) break; }`),
 * or it waits between rounds (`while`, `do`, `for` with a `sleep`/`setTimeout` in the body) and reads a status.
 */
function isPollingLoop(loop: Loop, flow: Flow): boolean {
  // (A test of the images in the body is what a status-blind poll waits on, not a check of the status.)
  return memo(flow, 'polling', loop, () => isPollingCondition(loop, flow) || hasStatusTest(loop.statement, flow, false, false) || (waitsBetweenRounds(loop, flow) && readsStatus(flow, loop)));
}

function waitsBetweenRounds(loop: Loop, flow: Flow): boolean {
  if (ts.isForOfStatement(loop) || ts.isForInStatement(loop)) return false;
  let found = false;
  const visit = (node: ts.Node): void => {
    if (found) return;
    if ((ts.isCallExpression(node) || ts.isNewExpression(node)) && isWaitCall(node, flow)) found = true;
    node.forEachChild(visit);
  };
  visit(loop.statement);
  return found;
}

/**
 * A call that waits: named for it (`sleep`, `delay`, `setTimeout`, `waitFor…`), or a call of a same-file
 * function that makes one (`backoff(attempt)` returning `new Promise((r) => setTimeout(r, ms))`), whatever
 * that function is called.
 */
export function isWaitCall(node: ts.CallExpression | ts.NewExpression, flow: Flow): boolean {
  if (DELAY.test(calledName(node) ?? '')) return true;
  const fn = ts.isCallExpression(node) ? flow.calledFunction(node) : undefined;
  const body = fn?.body;
  return body !== undefined && memo(flow, 'waiting', body, () => containsNode(body, (n) => (ts.isCallExpression(n) || ts.isNewExpression(n)) && DELAY.test(calledName(n) ?? '')));
}

function isPollingCondition(loop: Loop, flow: Flow): boolean {
  const condition = ts.isForStatement(loop) ? loop.condition : ts.isWhileStatement(loop) || ts.isDoStatement(loop) ? loop.expression : undefined;
  if (!condition) return false;
  let found = false;
  const visit = (node: ts.Node): void => {
    if (found || ts.isFunctionLike(node)) return;
    if (ts.isExpression(node) && isStatusExpression(node, flow)) {
      found = true;
      return;
    }
    node.forEachChild(visit);
  };
  visit(condition);
  return found;
}

/**
 * `x.status`, `x["status"]`, a variable named `status` / `jobStatus` or holding a response's `status`
 * (`const { status: state } = generation`): a job status, unless it is the HTTP status of a response object.
 */
export function isStatusExpression(expression: ts.Expression, flow: Flow): boolean {
  const node = unconverted(expression);
  if (ts.isIdentifier(node)) {
    if (/(?:^|_)status$|[a-z]Status$/.test(node.text)) return true;
    const origin = flow.originOf(node);
    if (origin?.kind === 'response' && origin.stage === 'body' && origin.field?.wire === 'status') return true;
    // `const state = gen.status.toLowerCase()`: a constant holding the status, converted.
    const binding = flow.binding(node);
    const held = binding?.kind === 'const' && binding.initializer ? unconverted(binding.initializer) : undefined;
    return held !== undefined && held !== skipOuter(binding!.initializer!) && isStatusExpression(held, flow);
  }
  if (!isMemberAccess(node) || accessedKey(node) !== 'status') return false;
  // `res.status(405)` (Express, Next.js) sets the HTTP answer's: it reads no status.
  if (ts.isCallExpression(node.parent) && node.parent.expression === node && setsHttpStatus(node.parent)) return false;
  if (labelledByHelper(node.expression, flow)) return false;
  const origin = flow.originOf(node.expression);
  if (!origin || origin.kind === 'literal') return true;
  // A status read where the answer has none (an image's, `generated_images[0].status`) is not the job's.
  return origin.stage === 'body' && !(origin.kind === 'response' && origin.endpoint !== undefined && lacksField(origin, 'status'));
}

/** String methods that change a status's case or space, not what it says (a check does not need the locale's result). */
const CASE_CONVERSIONS = new Set([...STRING_CHANGES.keys(), 'toLocaleLowerCase', 'toLocaleUpperCase']);

/** The value `gen.status.toLowerCase()`, `String(gen.status)`, `gen.status?.trim()` converts: `gen.status`. */
function unconverted(expression: ts.Expression): ts.Expression {
  let node = skipOuter(expression);
  for (let i = 0; i < 4 && ts.isCallExpression(node); i++) {
    const callee = skipOuter(node.expression);
    if (ts.isPropertyAccessExpression(callee) && CASE_CONVERSIONS.has(callee.name.text) && node.arguments.length === 0) node = skipOuter(callee.expression);
    else if (ts.isIdentifier(callee) && callee.text === 'String' && node.arguments.length === 1) node = skipOuter(node.arguments[0]);
    else break;
  }
  return node;
}

/**
 * `again.status` where `again` holds what a same-file function returns (`await getGenerations(id)`) and
 * each of its returns is an object literal that gives `status` a literal string
 * (`{ status: "success", data }`): the helper's own label, not the job's status. A job status it
 * reads to choose the label is read in the helper, where the check looks for it.
 */
function labelledByHelper(receiver: ts.Expression, flow: Flow): boolean {
  let node = skipOuter(receiver);
  if (ts.isIdentifier(node)) {
    const binding = flow.binding(node);
    const declaration = binding?.node;
    if (!binding || binding.reassigned || !declaration || !ts.isVariableDeclaration(declaration) || !ts.isIdentifier(declaration.name) || !declaration.initializer) return false;
    node = skipOuter(declaration.initializer);
  }
  if (ts.isAwaitExpression(node)) node = skipOuter(node.expression);
  const fn = ts.isCallExpression(node) ? flow.calledFunction(node) : undefined;
  const returns = fn ? returnedExpressions(fn) : [];
  return (
    returns.length > 0 &&
    returns.every((returned) => {
      const object = skipOuter(returned);
      const status = ts.isObjectLiteralExpression(object) ? objectProperty(object, 'status') : undefined;
      return status?.length === 1 && ts.isStringLiteralLike(skipOuter(status[0]));
    })
  );
}

/** "COMPLETE" / "PENDING" (any case), `JobStatus.Complete`, or a constant holding one. */
/** What a job's status may be compared with: the states it waits through, and its failures. */
const JOB_STATES = new Set([...WAIT_STATUSES, 'FAILED', 'FAILURE', 'ERROR', 'ERRORED', 'CANCELLED', 'CANCELED']);

/** `getMongoStatus() === "connected"`: a call named for a status, compared with a state no job has (a database's). */
function comparedWithOtherState(call: ts.CallExpression, flow: Flow): boolean {
  let node: ts.Node = call;
  while (ts.isParenthesizedExpression(node.parent) || ts.isAwaitExpression(node.parent)) node = node.parent;
  const parent = node.parent;
  if (!ts.isBinaryExpression(parent) || !isEquality(parent.operatorToken.kind)) return false;
  const state = stringLiteral(parent.left === node ? parent.right : parent.left, flow);
  return state !== undefined && !JOB_STATES.has(state.toUpperCase());
}

/** The string a literal expression holds (through constants), when it is one. */
function stringLiteral(expression: ts.Expression, flow: Flow): string | undefined {
  const origin = flow.originOf(expression);
  return origin?.kind === 'literal' && typeof origin.value === 'string' ? origin.value : undefined;
}

function isWaitStatus(expression: ts.Expression, flow: Flow): boolean {
  const node = skipOuter(expression);
  if (ts.isPropertyAccessExpression(node)) {
    // The name first: it rules out most accesses without copying the receiver's text.
    return WAIT_STATUSES.has(node.name.text.toUpperCase()) && /status$/i.test(node.expression.getText(flow.sourceFile));
  }
  const state = stringLiteral(node, flow);
  return state !== undefined && WAIT_STATUSES.has(state.toUpperCase());
}

/** `error.response?.status === 401`, `res.status >= 400`: a comparison with a number, an HTTP status, which is no job's. */
export function isHttpStatusTest(node: ts.BinaryExpression, flow: Flow): boolean {
  return isComparison(node.operatorToken.kind) && (isNumber(node.left, flow) || isNumber(node.right, flow));
}

function isComparison(kind: ts.SyntaxKind): boolean {
  return isEquality(kind) || (kind >= ts.SyntaxKind.LessThanToken && kind <= ts.SyntaxKind.GreaterThanEqualsToken);
}

function isLogical(kind: ts.SyntaxKind): boolean {
  return kind === ts.SyntaxKind.AmpersandAmpersandToken || kind === ts.SyntaxKind.BarBarToken || kind === ts.SyntaxKind.QuestionQuestionToken;
}

export function isEquality(kind: ts.SyntaxKind): boolean {
  return (
    kind === ts.SyntaxKind.EqualsEqualsEqualsToken ||
    kind === ts.SyntaxKind.EqualsEqualsToken ||
    kind === ts.SyntaxKind.ExclamationEqualsEqualsToken ||
    kind === ts.SyntaxKind.ExclamationEqualsToken
  );
}

function statementsOf(list: ts.Node): readonly ts.Node[] {
  if (ts.isBlock(list) || ts.isSourceFile(list) || ts.isModuleBlock(list) || ts.isCaseClause(list) || ts.isDefaultClause(list)) {
    return list.statements;
  }
  return [];
}

/** An arrow or function expression passed to a call (`setTimeout(() => ...)`, `.then(d => ...)`, `new Promise(...)`). */
export function isInlineCallback(fn: ts.Node): boolean {
  if (!ts.isArrowFunction(fn) && !ts.isFunctionExpression(fn)) return false;
  const parent = fn.parent;
  return (ts.isCallExpression(parent) || ts.isNewExpression(parent)) && (parent.arguments?.includes(fn) ?? false);
}

/** A route registration for a webhook: `app.post("/api/leonardo-webhook", handler)`. */
function isWebhookRoute(argument: ts.Expression): boolean {
  const node = skipOuter(argument);
  return ts.isStringLiteralLike(node) && WEBHOOK.test(node.text);
}

function functionName(fn: ts.SignatureDeclaration): string {
  if (fn.name && ts.isIdentifier(fn.name)) return fn.name.text;
  const parent = fn.parent;
  if ((ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent) || ts.isPropertyDeclaration(parent)) && ts.isIdentifier(parent.name)) {
    return parent.name.text;
  }
  return '';
}

/** Every same-file caller of the function is itself checked (and there is at least one). */
function callersChecked(flow: Flow, fn: FunctionNode, depth: number): boolean {
  const callers = flow.callersOf(fn);
  const uses = [...callers.calls, ...callers.callbacks];
  if (callers.escapes || uses.length === 0) return false;
  return uses.every((call) => isStatusCheckedAt(flow, call, depth + 1));
}

/** A fixed delay: named for one (`sleep`, `delay`, `waitForTimeout`), or given only numbers (`wait(15000)`). */
function isDelayCall(call: ts.CallExpression, name: string, flow: Flow): boolean {
  if (/sleep|delay|timeout|pause/i.test(name)) return true;
  return call.arguments.length > 0 && call.arguments.every((argument) => isNumber(argument, flow));
}

function isNumber(expression: ts.Expression, flow: Flow): boolean {
  const node = skipOuter(expression);
  if (ts.isNumericLiteral(node)) return true;
  if (ts.isBinaryExpression(node)) return isNumber(node.left, flow) && isNumber(node.right, flow);
  const origin = ts.isIdentifier(node) ? flow.originOf(node) : undefined;
  return origin?.kind === 'literal' && typeof origin.value === 'number';
}

/**
 * The poll around a node that never reads a job status, if any: polling until the images appear (or
 * a URL does) never stops on FAILED, so a failed job is polled until the attempts run out (or forever).
 * A poll is a loop that waits between rounds or whose condition waits for the images, a `setInterval`
 * callback, or a function that schedules itself again (`setTimeout(check, 2000)`); the node's own
 * function is searched, through inline callbacks, and then the callers of a same-file helper (one level).
 */
export function statusBlindPoll(flow: Flow, node: ts.Node, viaCallers = true): ts.Node | undefined {
  let child: ts.Node = node;
  for (let parent = node.parent; parent; child = parent, parent = parent.parent) {
    if (isLoop(parent)) {
      if (!ts.isForStatement(parent) || child !== parent.initializer) {
        if (isPollLoop(parent, flow)) return readsStatus(flow, parent) ? undefined : parent;
      }
      continue;
    }
    if (!ts.isFunctionLike(parent)) continue;
    if (isIntervalCallback(parent, flow) || schedulesItself(parent, flow)) return readsStatus(flow, parent) ? undefined : parent;
    if (!isInlineCallback(parent)) return viaCallers ? callersPoll(flow, parent) : undefined;
  }
  return undefined;
}

/** `const images = await getImages(id)` in such a poll: the poll of every same-file caller, when they all have one. */
function callersPoll(flow: Flow, fn: FunctionNode): ts.Node | undefined {
  const callers = flow.callersOf(fn);
  if (callers.escapes || callers.calls.length === 0 || callers.callbacks.length > 0) return undefined;
  let first: ts.Node | undefined;
  for (const call of callers.calls) {
    const poll = statusBlindPoll(flow, call, false);
    if (!poll) return undefined;
    first ??= poll;
  }
  return first;
}

/** A loop that polls: it waits between rounds (and does not walk a list), or its condition waits for the images. */
function isPollLoop(loop: Loop, flow: Flow): boolean {
  return memo(flow, 'poll-loop', loop, () => {
    // `for await (const gen of pollGeneration(id))` over a same-file generator that waits between rounds:
    // the generator polls, and the loop takes each round. When the generator stops on a status itself,
    // the loop is no blind poll.
    if (ts.isForOfStatement(loop) && loop.awaitModifier) {
      const generator = pollingGenerator(loop.expression, flow);
      return generator !== undefined && !readsStatus(flow, generator);
    }
    const condition = loopCondition(loop);
    if (condition && containsNode(condition, (n) => isImagesTest(n, flow))) return true;
    if (!waitsBetweenRounds(loop, flow)) return false;
    // `for (let i = 0; i < ids.length; i++)` walks a list, with a pause between items.
    return !(ts.isForStatement(loop) && condition && containsNode(condition, (n) => ts.isPropertyAccessExpression(n) && n.name.text === 'length'));
  });
}

/** The same-file generator a `for await` iterates, when a loop of its own waits between rounds. */
function pollingGenerator(iterated: ts.Expression, flow: Flow): FunctionNode | undefined {
  const call = skipOuter(iterated);
  const fn = ts.isCallExpression(call) ? flow.calledFunction(call) : undefined;
  const generator = fn && isGenerator(fn) ? fn : undefined;
  const body = generator?.body;
  return body && someNode(body, (node) => (isLoop(node) && waitsBetweenRounds(node, flow)) || undefined) ? generator : undefined;
}

function loopCondition(loop: Loop): ts.Expression | undefined {
  if (ts.isForStatement(loop)) return loop.condition;
  return ts.isWhileStatement(loop) || ts.isDoStatement(loop) ? loop.expression : undefined;
}

/** `setInterval(async () => ..., 3000)`, or `setInterval(check, 3000)` for a same-file `check`. */
export function isIntervalCallback(fn: FunctionNode, flow: Flow): boolean {
  if (isTimerArgument(fn, 'setInterval')) return true;
  const binding = bindingOfFunction(fn, (id) => flow.binding(id));
  return !!binding && flow.referencesOf(binding).some((use) => isTimerArgument(use, 'setInterval'));
}

/**
 * `setTimeout(check, 2000)` or `setTimeout(() => check(), 2000)` inside `check`, a recursive call after a
 * delay, or one made only while the images are not there (`if (!images.length) return getImages(id)`).
 */
function schedulesItself(fn: FunctionNode, flow: Flow): boolean {
  const binding = bindingOfFunction(fn, (id) => flow.binding(id));
  const body = fn.body;
  if (!binding || !body) return false;
  const inside = flow.referencesOf(binding).filter((use) => use.pos >= body.pos && use.end <= body.end);
  if (inside.length === 0) return false;
  return memo(flow, 'delays', body, () => containsNode(body, (n) => ts.isCallExpression(n) && isWaitCall(n, flow))) || inside.some((use) => retriesOnImages(use, fn, flow));
}

/** `use` runs only in a branch of a test of the images (`if (images.length === 0) return again()`). */
function retriesOnImages(use: ts.Node, fn: FunctionNode, flow: Flow): boolean {
  let child = use;
  for (let parent = use.parent; parent && parent !== fn; child = parent, parent = parent.parent) {
    const condition = ts.isIfStatement(parent) || ts.isConditionalExpression(parent) ? (ts.isIfStatement(parent) ? parent.expression : parent.condition) : undefined;
    if (condition && condition !== child && containsNode(condition, (n) => isImagesTest(n, flow))) return true;
  }
  return false;
}

/** The node is the first argument of a `setInterval` / `setTimeout` call (also `window.setInterval`). */
function isTimerArgument(node: ts.Node, timer: string): boolean {
  const parent = node.parent;
  return !!parent && ts.isCallExpression(parent) && parent.arguments[0] === node && calledName(parent) === timer;
}


/**
 * The poll reads a job status somewhere: `x.status` of a body, a variable named for a status, the SDK's
 * `JobStatus`, a status predicate or wait helper (`isComplete(g)`, `waitForGeneration(id)`), or a
 * same-file function that does.
 */
export function readsStatus(flow: Flow, poll: ts.Node): boolean {
  return memo(flow, 'reads-status', poll, () => {
    // A function that calls itself reads no status by doing so.
    memoSet(flow, 'reads-status', poll, false);
    return someNode(poll, (node) => {
      // A type (`Promise<{ status: string; data: unknown }>`) reads nothing.
      if (ts.isTypeNode(node)) return false;
      // A status only logged (`console.log(\`status \${gen.status}\`)`) or stored (`{ status: gen.status }`
      // in a database row) stops nothing: a FAILED job is polled on.
      if (ts.isCallExpression(node) && isLoggingCall(node)) return false;
      if (ts.isPropertyAssignment(node) && isStatusExpression(node.initializer, flow)) return false;
      if (ts.isBinaryExpression(node) && isHttpStatusTest(node, flow)) return false;
      return readsStatusAt(node, poll, flow) || undefined;
    });
  });
}

/** Loggers' calls: what they are handed is written out, never tested. */
const LOGGING = /^(?:console\.\w+|(?:logger|log)\.(?:log|info|debug|warn|error|trace))$/;

/** `console.log(...)`, `logger.info(...)`: a call that only writes out what it is handed (the one test of it). */
export function isLoggingCall(call: ts.CallExpression): boolean {
  return LOGGING.test(calleeName(call.expression) ?? '');
}

/** `node` itself reads a status (its subtree is the walk's to look at). */
function readsStatusAt(node: ts.Node, poll: ts.Node, flow: Flow): boolean {
  if (ts.isIdentifier(node)) {
    const parent = node.parent;
    if (ts.isPropertyAccessExpression(parent) && parent.name === node) return false;
    // A key written, not read (axios's `validateStatus: () => true`).
    if ((ts.isPropertyAssignment(parent) || ts.isMethodDeclaration(parent) || ts.isPropertyDeclaration(parent)) && parent.name === node) return false;
    return isStatusExpression(node, flow);
  }
  if (ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node)) {
    if (isStatusExpression(node, flow)) return true;
    // (The text is copied only when it ends in "Status" where the receiver ends.)
    return ts.isPropertyAccessExpression(node) && flow.text.startsWith('Status', node.expression.end - 6) && /Status$/.test(node.expression.getText(flow.sourceFile));
  }
  if (!ts.isCallExpression(node)) return false;
  const fn = flow.calledFunction(node);
  if (fn?.body) return fn !== poll && readsStatus(flow, fn.body);
  const name = calledName(node) ?? '';
  // A predicate tested in a condition (`if (await isDone(id))`); `onDone(url)` is a callback, not a test.
  if (namesStatus(name) && !setsHttpStatus(node) && !comparedWithOtherState(node, flow) && (/status/i.test(name) || conditionAround(node) !== undefined)) return true;
  return WAIT_HELPER.test(name) && !isDelayCall(node, name, flow);
}

function memoSet(flow: Flow, kind: string, node: ts.Node, value: boolean): void {
  memo(flow, kind, node, () => value);
}

/** Some node under `root` (itself included) passes `test` (resolve.ts's work-list walk). */
export function containsNode(root: ts.Node, test: (node: ts.Node) => boolean): boolean {
  return someNode(root, (node) => (test(node) ? true : undefined));
}
