// unchecked-generation-status: `generations_by_pk.generated_images` (SDK: `generationsByPk.generatedImages`)
// read with no check of the job's `status` against "COMPLETE" on the way, or right after creating the
// generation without waiting: while the job is PENDING the API answers 200 with an empty array.
// What counts as a check is in flow/status-checks.ts; when in doubt the rule stays silent.

import ts from 'typescript';
import { flowFor, type Flow } from '../flow/analysis.js';
import { memberReads, type MemberRead } from '../flow/reads.js';
import { endpointName, memberOf } from '../flow/shape.js';
import { conditionAround, hasStatusTest, isLoggingCall, statusBlindPoll } from '../flow/status-checks.js';
import { failureBlindInterval } from '../flow/interval-stops.js';
import type { Binding } from '../extract/ts/file-index.js';
import { enclosingFunction, isLoop } from '../extract/ts/resolve.js';
import { isFallbackOperator, skipOuter } from '../extract/ts/scope.js';
import { ruleDocsUrl } from '../rule-docs.js';
import { expressionAt } from '../extract/ts/locate.js';
import { calleeName } from '../extract/ts/values.js';
import type { RequestSite, Rule } from '../types.js';

const ID = 'unchecked-generation-status';
const IMAGES_PATH = 'generations_by_pk.generated_images';
const STATUS_PATH = 'generations_by_pk.status';
const WEBHOOK = /webhook/i;

export const rule: Rule = {
  meta: {
    id: ID,
    defaultSeverity: 'warning',
    description: 'Generated images read without checking that the generation is COMPLETE: a PENDING job has none yet.',
    docsUrl: ruleDocsUrl(ID),
    fixable: false,
  },
  check(ctx) {
    const flow = flowFor(ctx);
    if (!flow || WEBHOOK.test(ctx.document.path)) return;
    const polls = new Set<ts.Node>();
    for (const read of memberReads(flow)) {
      const receiver = read.receiver;
      if (receiver.kind !== 'response' || typeof read.name !== 'string' || receiver.statusChecked) continue;
      if (memberOf(receiver, read.name)?.field?.path !== IMAGES_PATH) continue;
      const sdk = receiver.naming === 'sdk';
      // A poll that retries until the images appear and never reads the status: one finding, on its first read.
      const poll = statusBlindPoll(flow, read.node);
      if (poll) {
        if (polls.has(poll) || flow.statusCheckedAt(poll)) continue;
        polls.add(poll);
        ctx.report({
          message: pollMessage(sdk),
          span: { start: read.nameNode.getStart(), end: read.nameNode.end },
          fixes: [],
          endpoint: receiver.endpoint && endpointName(receiver.endpoint),
        });
        continue;
      }
      if (isChecked(flow, read)) {
        // A setInterval that reads the status but stops only on COMPLETE: one finding, on its first read.
        const interval = failureBlindInterval(flow, read.node);
        if (!interval || polls.has(interval.callback)) continue;
        polls.add(interval.callback);
        ctx.report({
          message: intervalMessage(sdk, interval.bounded),
          detail: INTERVAL_DETAIL,
          span: { start: read.nameNode.getStart(), end: read.nameNode.end },
          fixes: [],
          endpoint: receiver.endpoint && endpointName(receiver.endpoint),
        });
        continue;
      }
      const created = createdJustBefore(flow, ctx.requests, read);
      ctx.report({
        message: message(sdk, created),
        detail: detail(sdk),
        span: { start: read.nameNode.getStart(), end: read.nameNode.end },
        fixes: [],
        endpoint: receiver.endpoint && endpointName(receiver.endpoint),
      });
    }
  },
};

/** The read is part of a check (`if (gen.generated_images.length)`), is guarded, or every use of the variable it fills is. */
function isChecked(flow: Flow, read: MemberRead): boolean {
  const node = read.node;
  if (checkedHere(flow, node)) return true;
  const binding = boundName(flow, node);
  if (!binding) return false;
  const uses = flow.referencesOf(binding);
  // (A use that only logs the value reads nothing of the images; a constant that is only logged is not checked.)
  const checked = uses.filter((use) => !isLogged(use));
  return checked.length > 0 && checked.every((use) => checkedHere(flow, use));
}

/**
 * `console.log("image", url)` (status-checks.ts `isLoggingCall`), also inside a template or a `+`, negated
 * (`!!url`), or in an object or list logged whole (`logger.debug({ hasImage: !!url })`): a use that reads
 * nothing of the images.
 */
function isLogged(use: ts.Node): boolean {
  let value = use;
  for (;;) {
    const parent = value.parent;
    const within =
      ts.isTemplateSpan(parent) ||
      ts.isTemplateExpression(parent) ||
      ts.isParenthesizedExpression(parent) ||
      (ts.isBinaryExpression(parent) && parent.operatorToken.kind === ts.SyntaxKind.PlusToken) ||
      (ts.isPrefixUnaryExpression(parent) && parent.operator === ts.SyntaxKind.ExclamationToken) ||
      ts.isArrayLiteralExpression(parent) ||
      ts.isObjectLiteralExpression(parent);
    if (within) value = parent;
    else if ((ts.isPropertyAssignment(parent) && parent.initializer === value) || ts.isShorthandPropertyAssignment(parent)) value = parent.parent;
    else break;
  }
  const call = value.parent;
  return ts.isCallExpression(call) && call.arguments.includes(value as ts.Expression) && isLoggingCall(call);
}

function checkedHere(flow: Flow, node: ts.Node): boolean {
  const condition = conditionAround(node);
  return (condition !== undefined && hasStatusTest(condition, flow)) || flow.statusCheckedAt(node) || handedOnWithStatus(flow, node);
}

/**
 * `return { status: gen.status, images: gen.generated_images.map(...) }`: the images go out beside the
 * job's status, in one object, for the code that receives them to check (the helper itself uses none).
 */
function handedOnWithStatus(flow: Flow, node: ts.Node): boolean {
  let value = node;
  for (let parent = value.parent; parent; parent = value.parent) {
    if (carries(parent, value)) value = parent;
    // `Array.isArray(gen.generated_images) ? gen.generated_images : []`: the test of what the branch hands on.
    else if (isListTest(parent, value) && ts.isConditionalExpression(parent.parent) && parent.parent.condition === parent) value = parent.parent;
    else break;
  }
  const property = value.parent;
  const held = (ts.isPropertyAssignment(property) && property.initializer === value) || (ts.isShorthandPropertyAssignment(property) && property.name === value);
  if (!held) return false;
  const object = property.parent;
  const readHere = memberReads(flow).some(
    (read) =>
      read.node.pos >= object.pos &&
      read.node.end <= object.end &&
      read.receiver.kind === 'response' &&
      typeof read.name === 'string' &&
      memberOf(read.receiver, read.name)?.field?.path === STATUS_PATH,
  );
  // (`const status = gen.status; return { status, imageUrl }`: a name holding the job's status, beside them.)
  return readHere || object.properties.some((p) => holdsStatus(flow, ts.isShorthandPropertyAssignment(p) ? p.name : ts.isPropertyAssignment(p) ? p.initializer : undefined));
}

/** A name whose value is the job's status, read from the answer (not a name merely called `status`). */
function holdsStatus(flow: Flow, expression: ts.Expression | undefined): boolean {
  const node = expression && skipOuter(expression);
  if (!node || !ts.isIdentifier(node)) return false;
  const origin = flow.originOf(node);
  return origin?.kind === 'response' && origin.field?.path === STATUS_PATH;
}

/** `Array.isArray(child)`. */
function isListTest(parent: ts.Node, child: ts.Node): parent is ts.CallExpression {
  return ts.isCallExpression(parent) && parent.arguments[0] === child && calleeName(parent.expression) === 'Array.isArray';
}

/** `parent` holds what `child` gives: a member read, a method call on it, a fallback, a branch, parentheses. */
function carries(parent: ts.Node, child: ts.Node): boolean {
  switch (parent.kind) {
    case ts.SyntaxKind.PropertyAccessExpression:
    case ts.SyntaxKind.ElementAccessExpression:
      return (parent as ts.PropertyAccessExpression | ts.ElementAccessExpression).expression === child;
    case ts.SyntaxKind.CallExpression:
      return (parent as ts.CallExpression).expression === child;
    case ts.SyntaxKind.BinaryExpression:
      return isFallbackOperator((parent as ts.BinaryExpression).operatorToken.kind);
    case ts.SyntaxKind.ConditionalExpression:
      return (parent as ts.ConditionalExpression).condition !== child;
    case ts.SyntaxKind.ParenthesizedExpression:
    case ts.SyntaxKind.NonNullExpression:
    case ts.SyntaxKind.AsExpression:
    case ts.SyntaxKind.AwaitExpression:
      return true;
    default:
      return false;
  }
}

/** The variable the read fills: `const images = gen.generated_images ?? []`, `const { generated_images } = gen`. */
function boundName(flow: Flow, node: ts.Node): Binding | undefined {
  if (ts.isBindingElement(node)) return ts.isIdentifier(node.name) ? flow.binding(node.name) : undefined;
  let current = node;
  while (
    // (`const url = gen.generated_images?.[0]?.url`: the variable holds what is read off the images.)
    (ts.isPropertyAccessExpression(current.parent) && current.parent.expression === current) ||
    (ts.isElementAccessExpression(current.parent) && current.parent.expression === current) ||
    ts.isParenthesizedExpression(current.parent) ||
    ts.isAwaitExpression(current.parent) ||
    ts.isNonNullExpression(current.parent) ||
    (ts.isBinaryExpression(current.parent) && current.parent.left === current && isFallbackOperator(current.parent.operatorToken.kind))
  ) {
    current = current.parent;
  }
  const declaration = current.parent;
  if (!ts.isVariableDeclaration(declaration) || declaration.initializer !== current || !ts.isIdentifier(declaration.name)) return undefined;
  return flow.binding(declaration.name);
}

/**
 * What comes before the read in its function: `'now'` when a create (v1 `POST /generations` or v2's) comes
 * first and nothing waits between them, `'after a wait'` when a fixed delay does (`await sleep(20000)`,
 * `setTimeout`), also with no create in the function (an id handed in, then a wait), undefined otherwise.
 */
function createdJustBefore(flow: Flow, requests: readonly RequestSite[], read: MemberRead): 'now' | 'after a wait' | undefined {
  const start = read.node.getStart();
  const scope = enclosingFunction(read.node);
  const site = requests.find((s) => {
    if ((s.endpoint?.operationId !== 'createGeneration' && s.v2Endpoint?.operationId !== 'createGeneration') || s.span.end > start) return false;
    const call = expressionAt(flow.sourceFile, s.span);
    return call !== undefined && enclosingFunction(call) === scope;
  });
  const from = site?.span.end ?? scope?.pos;
  if (from === undefined) return undefined;
  // (A wait in a callback or a function declared on the way is not one this read comes after.)
  const waits = flow.index.calls.some((call) => call.pos >= from && call.end <= start && DELAY.test(calleeName(call.expression) ?? '') && waitsIn(call, scope, read.node));
  return waits ? 'after a wait' : site ? 'now' : undefined;
}

/**
 * The wait runs in `scope` itself, or in the executor of a `new Promise` there (`await new Promise((r) =>
 * setTimeout(r, 5000))`), and not in a loop around the read too (a pause between the rounds of a loop over
 * several jobs is a throttle; one in a poll is the poll's).
 */
function waitsIn(call: ts.CallExpression, scope: ts.Node | undefined, read: ts.Node): boolean {
  const fn = enclosingFunction(call);
  let at: ts.Node = call;
  if (fn !== scope) {
    const made = fn?.parent;
    if (!made || !ts.isNewExpression(made) || calleeName(made.expression) !== 'Promise' || enclosingFunction(made) !== scope) return false;
    at = made;
  }
  // (A loop of pauses before the read, `for (...) await sleep(5000)`, is a fixed wait still.)
  for (let node = at.parent; node && node !== scope; node = node.parent) if (isLoop(node) && read.pos >= node.pos && read.end <= node.end) return false;
  return true;
}

/** A call that waits a fixed time (`sleep(20000)`, `delay(…)`, `waitForTimeout`; `setTimeout` inside a `new Promise` is the callback's). */
const DELAY = /(?:^|\.)(?:sleep|delay|wait|setTimeout|waitForTimeout|pause)$/i;

function message(sdk: boolean, createdBefore: 'now' | 'after a wait' | undefined): string {
  const images = sdk ? 'generationsByPk.generatedImages' : IMAGES_PATH;
  switch (createdBefore) {
    case 'now':
      return `'${images}' is read right after creating the generation: poll until its status is COMPLETE first.`;
    case 'after a wait':
      return `'${images}' is read after a fixed wait: poll until its status is COMPLETE first.`;
    default:
      return `'${images}' is read without checking the status: poll until it is COMPLETE first.`;
  }
}

function detail(sdk: boolean): string {
  const status = sdk ? '`generationsByPk.status` against `JobStatus.Complete`' : '`generations_by_pk.status` against `"COMPLETE"`';
  return (
    `While the job is PENDING the API answers 200 with an empty array (the catalogue's "200 Success but image URL array is empty"). ` +
    `Compare ${status}, stop on FAILED, or receive the images through the API key's webhook.`
  );
}

function pollMessage(sdk: boolean): string {
  const status = sdk ? "'generationsByPk.status'" : "'generations_by_pk.status'";
  return `This poll waits for the images but never reads ${status}: stop on FAILED, or a failed job is polled until it gives up.`;
}

function intervalMessage(sdk: boolean, bounded: boolean): string {
  const failed = sdk ? "'generationsByPk.status' is 'JobStatus.Failed'" : `'${STATUS_PATH}' is "FAILED"`;
  return `Stop the interval when ${failed}: as written a failed job is polled ${bounded ? 'until it gives up' : 'forever'}.`;
}

const INTERVAL_DETAIL =
  'The interval is stopped only when the status is COMPLETE. A failed generation stays FAILED and never gets images: ' +
  'clear the interval (and report the failure) when the status is `"FAILED"`, or on any status other than `"PENDING"`.';
