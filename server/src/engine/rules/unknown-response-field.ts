// unknown-response-field: a property read on a known Leonardo response that the response does not
// have (`data.generations_by_pk.images`, `sdGenerationJob.id`, `uploadInitImage[0]`), with the
// nearest real path. Raw HTTP bodies use wire names; SDK results are camelCase under `.object`.
// Reading a body field off the client's response object (axios `res.sdGenerationJob` for
// `res.data.sdGenerationJob`, an SDK result without `.object`, a fetch Response before `.json()`)
// counts too. A response whose type is not known is never judged, and neither is a guess the code
// handles: one operand of a fallback chain (tested first or not), a read where `Array.isArray` or
// `typeof value === "string"` holds of the value read.

import type { Field } from '../../api/types.js';
import { V2_CREATE_GENERATION } from '../../api/v2-responses.js';
import { flowFor, type Flow } from '../flow/analysis.js';
import { isEquality } from '../flow/status-checks.js';
import { memberReads, valueKey, writesMember, type MemberRead } from '../flow/reads.js';
import { endpointName, ERROR_ENVELOPE, PROMISE_MEMBERS, OBJECT_MEMBERS, isArrayField, lacksField, nameOf, objectFields, writtenPath } from '../flow/shape.js';
import type { ResponseOrigin } from '../flow/types.js';
import { fitMessage, q } from '../messages.js';
import { ruleDocsUrl } from '../rule-docs.js';
import { isIdentifierName } from '../fix/builders.js';
import { caseOnlyMatches, foldName, listOr, nearestNames, spellingMatches } from '../fix/suggest.js';
import type { Fix, Rule, RuleContext, TextEdit } from '../types.js';
import ts from 'typescript';
import { isFallbackOperator, outermost, skipOuter } from '../extract/ts/scope.js';
import { calleeName } from '../extract/ts/values.js';
import { accessedKey, isMemberAccess, memberKeys, someNode } from '../extract/ts/resolve.js';
import { member } from '../flow/origins.js';
import type { Binding } from '../extract/ts/file-index.js';

const ID = 'unknown-response-field';

const ARRAY_MEMBERS = new Set([...Object.getOwnPropertyNames(Array.prototype), ...OBJECT_MEMBERS]);
const STRING_MEMBERS = new Set([...Object.getOwnPropertyNames(String.prototype), ...OBJECT_MEMBERS]);

export const rule: Rule = {
  meta: {
    id: ID,
    defaultSeverity: 'warning',
    description: 'A property read on a known Leonardo response that the response does not have; it reads undefined.',
    docsUrl: ruleDocsUrl(ID),
    fixable: true,
  },
  check(ctx) {
    const flow = flowFor(ctx);
    if (!flow) return;
    for (const read of memberReads(flow)) {
      const receiver = read.receiver;
      // (Code that takes the value apart as a list first is written for several shapes: its reads are guesses.)
      if (receiver.kind !== 'response' || !receiver.endpoint || receiver.shapeGuessed) continue;
      if (typeof read.name === 'string' && PROMISE_MEMBERS.has(read.name)) continue;
      if (writesMember(flow, receiver, read.name) || isFallbackGuess(flow, read)) continue;
      if (receiver.stage === 'body') checkBodyRead(ctx, read, receiver);
      else checkEnvelopeRead(ctx, read, receiver);
    }
  },
};

/**
 * One guess among several: `data.uploadInitImage || data.upload_init_image`, `img.url || img.uri`,
 * `data.generate?.generationId || (data.sdGenerationJob && data.sdGenerationJob.generationId)`, or a
 * list of candidates tried in turn (`[data.sdGenerationJob?.generationId, data.generationId]`).
 * Defensive code tries spellings (and the other API version's answer) on purpose; when another operand
 * of the `||`/`??` chain reads a real field, the others are left alone.
 */
function isFallbackGuess(flow: Flow, read: MemberRead): boolean {
  return isGuessAt(flow, read.node, 0);
}

/**
 * `node` (a read, or a use of a constant holding one) is one guess of a fallback chain or a list tried
 * in turn. A guess first taken into a constant (`const byPk = data?.generations_by_pk;` and then
 * `sdJob?.generationId ?? byPk?.id`) is one when every use of the constant is.
 */
function isGuessAt(flow: Flow, node: ts.Node, depth: number): boolean {
  let operand: ts.Node = node;
  while (
    ts.isPropertyAccessExpression(operand.parent) ||
    ts.isElementAccessExpression(operand.parent) ||
    ts.isNonNullExpression(operand.parent) ||
    ts.isParenthesizedExpression(operand.parent) ||
    ts.isAsExpression(operand.parent) ||
    ts.isSatisfiesExpression(operand.parent) ||
    ts.isTypeAssertionExpression(operand.parent) ||
    (ts.isCallExpression(operand.parent) && operand.parent.expression === operand) ||
    // `(typeof body.id === "string" && body.id)`: the guess, its type tested, then read.
    ts.isTypeOfExpression(operand.parent) ||
    (ts.isTypeOfExpression(operand) && ts.isBinaryExpression(operand.parent) && isEquality(operand.parent.operatorToken.kind)) ||
    // `(data.sdGenerationJob && data.sdGenerationJob.generationId)`: the guess, tested and then read, is the operand.
    (ts.isBinaryExpression(operand.parent) && operand.parent.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken)
  ) {
    operand = operand.parent;
  }
  // A list of candidates the code tries in turn (`[d.sdGenerationJob?.generationId, d.generationId].find(Boolean)`,
  // or a constant of them looped over): a chain too, when the others are read off the same name
  // (`[fast.generate.generationId, best.job]` are two values; `[gen.id, gen.statuss]` a row, not tried in turn).
  if (ts.isArrayLiteralExpression(operand.parent) && isTriedInTurn(flow, operand.parent)) {
    const root = rootBinding(flow, operand as ts.Expression);
    return (
      root !== undefined &&
      operand.parent.elements.some((other) => other !== operand && rootBinding(flow, other) === root && flow.originOf(other)?.kind === 'response')
    );
  }
  if (inShapesTriedInTurn(flow, node)) return true;
  const hoisted = hoistedGuess(flow, operand, depth);
  if (hoisted !== undefined) return hoisted;
  let chain = operand.parent;
  while (ts.isBinaryExpression(chain) && isFallbackOperator(chain.operatorToken.kind) && ts.isBinaryExpression(chain.parent) && isFallbackOperator(chain.parent.operatorToken.kind)) {
    chain = chain.parent;
  }
  if (!ts.isBinaryExpression(chain) || !isFallbackOperator(chain.operatorToken.kind)) return false;
  if (fallbackOperands(chain).some((other) => other !== operand && readsRealField(flow, other))) return true;
  // The chain itself taken into a constant (`const fromVideos = gen?.generated_videos?.[0]?.url || null`).
  return hoistedGuess(flow, chain, depth) ?? false;
}

/**
 * `other` reads a field the answer has, or may: `job?.status` where `job` is one of several values
 * (`data?.generations_by_pk || data`, inline or returned by a same-file helper) and one of them has it.
 */
function readsRealField(flow: Flow, other: ts.Expression): boolean {
  if (flow.originOf(other)?.kind === 'response') return true;
  const read = skipOuter(other);
  if (!ts.isPropertyAccessExpression(read) && !ts.isElementAccessExpression(read)) return false;
  const key = accessedKey(read);
  if (key === undefined) return false;
  // (`json.error || json.errorMessage`: the error body's own key, read at the root, is the real one of that answer.)
  const values = flow.alternativesOf(read.expression);
  return values.some((value) => member(value, key)?.kind === 'response' || (ERROR_ENVELOPE.has(key) && value.kind === 'response' && !value.field));
}

/**
 * `node` is the whole initializer of a constant: whether every use of the constant is a guess
 * (undefined when it is not such an initializer).
 */
function hoistedGuess(flow: Flow, node: ts.Node, depth: number): boolean | undefined {
  let value = node;
  while (ts.isParenthesizedExpression(value.parent) || ts.isAsExpression(value.parent) || ts.isNonNullExpression(value.parent)) value = value.parent;
  const declaration = value.parent;
  if (!ts.isVariableDeclaration(declaration) || declaration.initializer !== value || !ts.isIdentifier(declaration.name)) return undefined;
  const binding = flow.binding(declaration.name);
  if (binding?.kind !== 'const' || depth >= 2) return false;
  const uses = flow.referencesOf(binding).filter((use) => use !== declaration.name);
  return uses.length > 0 && uses.every((use) => isGuessAt(flow, use, depth + 1));
}

/** Methods that take the first element that passes (`find(Boolean)`) or keep those that do (`filter(Boolean)[0]`). */
const FIRST_OF = new Set(['find', 'findLast', 'filter', 'some']);

/**
 * A list whose elements are tried one after another: `[...].find(Boolean)` (or `filter`, `some`), or a
 * constant holding it whose every use is such a call or the list of a `for...of`.
 */
function isTriedInTurn(flow: Flow, list: ts.ArrayLiteralExpression): boolean {
  const picksFrom = (use: ts.Node): boolean => {
    const parent = use.parent;
    if (ts.isForOfStatement(parent) && parent.expression === use) return true;
    return ts.isPropertyAccessExpression(parent) && parent.expression === use && FIRST_OF.has(parent.name.text) && ts.isCallExpression(parent.parent);
  };
  const holder = outermost(list);
  if (picksFrom(holder)) return true;
  const declaration = holder.parent;
  if (!ts.isVariableDeclaration(declaration) || declaration.initializer !== holder || !ts.isIdentifier(declaration.name)) return false;
  const binding = flow.binding(declaration.name);
  if (binding?.kind !== 'const') return false;
  const uses = flow.referencesOf(binding).filter((use) => use !== declaration.name);
  return uses.length > 0 && uses.every(picksFrom);
}

/**
 * A guess an `else if` tests (and its branch then reads) where the chain tested a real field of the
 * same value first, and not this guess (`if (data.generations_by_pk?.generated_images?.length) … else if
 * (data.generations?.[0]) { imgs = data.generations[0].generated_images }`): answers of several shapes
 * tried in turn, as a fallback chain tries them. Not a field the branch reads without its test testing
 * it (`else if (gen.status === "FAILED") throw new Error(gen.failureReason)`), nor one the chain tests
 * in several branches (`if (gen.status === "COMPLETE") … else if (gen.status === "FAILED")`).
 */
function inShapesTriedInTurn(flow: Flow, node: ts.Node): boolean {
  const root = rootBinding(flow, node as ts.Expression);
  const path = root && keyPath(node);
  if (!root || !path) return false;
  const readsGuess = (test: ts.Expression): boolean =>
    someNode(test, (n) => (isMemberAccess(n) && rootBinding(flow, n) === root && startsWith(keyPath(n), path)) || undefined);
  let child = node;
  for (let at = node.parent; at && !ts.isFunctionLike(at) && !ts.isSourceFile(at); child = at, at = at.parent) {
    if (!ts.isIfStatement(at) || (at.expression !== child && at.thenStatement !== child)) continue;
    if (!readsGuess(at.expression)) return false;
    let real = false;
    for (let branch: ts.Node = at, earlier = at.parent; ts.isIfStatement(earlier) && earlier.elseStatement === branch; branch = earlier, earlier = earlier.parent) {
      if (readsGuess(earlier.expression)) return false;
      real ||= someNode(earlier.expression, (n) => (isMemberAccess(n) && rootBinding(flow, n) === root && flow.originOf(n)?.kind === 'response') || undefined);
    }
    return real;
  }
  return false;
}

/** The keys a read takes off its root name (`generations`, `0`, `generated_images`); undefined for a computed one. */
function keyPath(node: ts.Node): string[] | undefined {
  const keys = memberKeys(node)?.keys;
  return keys && keys.length > 0 ? keys : undefined;
}

function startsWith(path: string[] | undefined, prefix: string[]): boolean {
  return path !== undefined && path.length >= prefix.length && prefix.every((key, i) => path[i] === key);
}

/** The binding a chain of reads starts from: `d` of `(d.job as Job)?.id`. */
function rootBinding(flow: Flow, expression: ts.Expression): Binding | undefined {
  let node = skipOuter(expression);
  while (ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node)) node = skipOuter(node.expression);
  return ts.isIdentifier(node) ? flow.binding(node) : undefined;
}

function fallbackOperands(node: ts.Expression): ts.Expression[] {
  if (ts.isBinaryExpression(node) && isFallbackOperator(node.operatorToken.kind)) return [...fallbackOperands(node.left), ...fallbackOperands(node.right)];
  return [node];
}

/**
 * A read the code makes only where the value is an array (`Array.isArray(data) ? data[0] : data`,
 * `if (Array.isArray(data) && data.length) throw new Error(data[0].message)`): Leonardo answers some
 * errors as a GraphQL-style list, and the code handles that answer. Likewise any read where the value is a string
 * (`typeof data === "string" ? data.slice(0, 200) : ...`): an error body handed through as text. A member tested before it is read
 * (`if (gen.generated_videos) return gen.generated_videos[0]`) is still judged: the test is as wrong
 * as the read, unless it is one guess of a fallback chain (`isFallbackGuess`).
 */
function isGuardedGuess(flow: Flow, read: MemberRead): boolean {
  const receiver = read.receiver;
  if (receiver.kind !== 'response') return false;
  const testsValue = (test: ts.Expression): boolean => {
    const tested = isArrayTest(test) ? test.arguments[0] : primitiveTested(test);
    const value = tested && flow.originOf(tested);
    return value?.kind === 'response' && valueKey(value) === valueKey(receiver);
  };
  return isReachedOnlyWhen(read.node, (condition, truthy) => implies(condition, truthy, testsValue));
}

/** `Array.isArray(value)`. */
function isArrayTest(node: ts.Expression): node is ts.CallExpression {
  return ts.isCallExpression(node) && node.arguments.length === 1 && calleeName(node.expression) === 'Array.isArray';
}

const PRIMITIVE_TYPES = new Set(['string', 'number', 'boolean']);

/**
 * The value `typeof value === "string"` (or `"number"`, `"boolean"`) tests: where it holds, the body is
 * not the answer the catalogue describes (an error page a client handed through as text), and what
 * the code reads of it (`data.slice(0, 200)`) is not a field.
 */
function primitiveTested(node: ts.Expression): ts.Expression | undefined {
  if (!ts.isBinaryExpression(node)) return undefined;
  const kind = node.operatorToken.kind;
  if (kind !== ts.SyntaxKind.EqualsEqualsEqualsToken && kind !== ts.SyntaxKind.EqualsEqualsToken) return undefined;
  for (const [side, other] of [[node.left, node.right], [node.right, node.left]]) {
    const operand = skipOuter(side);
    const literal = skipOuter(other);
    if (ts.isTypeOfExpression(operand) && ts.isStringLiteralLike(literal) && PRIMITIVE_TYPES.has(literal.text)) return operand.expression;
  }
  return undefined;
}

function isNot(node: ts.Node): node is ts.PrefixUnaryExpression {
  return ts.isPrefixUnaryExpression(node) && node.operator === ts.SyntaxKind.ExclamationToken;
}

/**
 * Whether `condition` being `truthy` makes `test` true of some part of it: `a && b` true makes both
 * true, `a || b` false makes both false, `!a` turns it over.
 */
function implies(condition: ts.Expression, truthy: boolean, test: (node: ts.Expression) => boolean): boolean {
  // A work list, not recursion: the parser builds a long `a && b && ...` chain without recursing.
  const pending: Array<{ node: ts.Expression; truthy: boolean }> = [{ node: condition, truthy }];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const node = skipOuter(next.node);
    if (isNot(node)) {
      pending.push({ node: node.operand, truthy: !next.truthy });
      continue;
    }
    if (ts.isBinaryExpression(node)) {
      const kind = node.operatorToken.kind;
      if (kind === (next.truthy ? ts.SyntaxKind.AmpersandAmpersandToken : ts.SyntaxKind.BarBarToken)) {
        pending.push({ node: node.right, truthy: next.truthy }, { node: node.left, truthy: next.truthy });
        continue;
      }
    }
    if (next.truthy && test(node)) return true;
  }
  return false;
}

/**
 * `node` runs only when `holds(condition, truthy)` for a condition on the way: the branch of an `if` or
 * `?:`, the right of `&&` / `||` / `??`, or the statements after `if (condition) return` (or throw,
 * break, continue).
 */
function isReachedOnlyWhen(node: ts.Node, holds: (condition: ts.Expression, truthy: boolean) => boolean): boolean {
  let child = node;
  for (let parent = node.parent; parent; child = parent, parent = parent.parent) {
    if (ts.isIfStatement(parent)) {
      if (child !== parent.expression && holds(parent.expression, child === parent.thenStatement)) return true;
    } else if (ts.isConditionalExpression(parent)) {
      if (child !== parent.condition && holds(parent.condition, child === parent.whenTrue)) return true;
    } else if (ts.isBinaryExpression(parent) && parent.right === child) {
      const kind = parent.operatorToken.kind;
      if (kind === ts.SyntaxKind.AmpersandAmpersandToken ? holds(parent.left, true) : isFallbackOperator(kind) && holds(parent.left, false)) return true;
    } else if (ts.isBlock(parent) || ts.isSourceFile(parent) || ts.isCaseOrDefaultClause(parent) || ts.isModuleBlock(parent)) {
      for (const statement of parent.statements) {
        if (statement === child) break;
        if (ts.isIfStatement(statement) && !statement.elseStatement && exits(statement.thenStatement) && holds(statement.expression, false)) return true;
      }
    }
  }
  return false;
}

/** The statement leaves the list it is in: `return`, `throw`, `break`, `continue`, or a block ending so. */
function exits(statement: ts.Statement): boolean {
  const last = ts.isBlock(statement) ? statement.statements[statement.statements.length - 1] : statement;
  return !!last && (ts.isReturnStatement(last) || ts.isThrowStatement(last) || ts.isBreakStatement(last) || ts.isContinueStatement(last));
}

/** A suggestion: the text that replaces the read's name (or, for `insert`, goes before it). */
interface Suggestion {
  /** How the path reads after the fix, for the message. */
  shown: string;
  edit?: TextEdit;
  /** The fix's title, when it is not "Read '<shown>'". */
  title?: string;
  /**
   * Certainly the read meant (the other naming, a case or separator difference, the body under
   * `.data` / `.object`, an index on an object): only such a fix is preferred. A nearest name, a
   * deeper path or `[0]` on an array (the code may mean every element) is offered, not preferred.
   */
  certain?: boolean;
}

function checkBodyRead(ctx: RuleContext, read: MemberRead, receiver: ResponseOrigin): void {
  const field = receiver.field;
  const fields = objectFields(receiver);
  const at = where(receiver);
  if (fields) {
    if (typeof read.name === 'number') {
      // (`data[0].error`, `data?.[0]?.message` at the root: the GraphQL-style list some errors come as.)
      if (!ts.isElementAccessExpression(read.node) || (!field && readsErrorKey(read.node))) return;
      const edit = { start: read.node.expression.end, end: read.node.end, newText: '' };
      report(ctx, read, receiver, `${at} is an object, not an array: remove the index '[${read.name}]'`, [
        { shown: writtenPath(receiver), edit, title: 'Remove the index', certain: true },
      ]);
      return;
    }
    const name = read.name;
    if (!lacksField(receiver, name)) return;
    if (!field && receiver.endpoint === V2_CREATE_GENERATION && /GenerationJob$/.test(name)) {
      // A v1 job key on a v2 answer: v2's `generate` holds the same `generationId` and `apiCreditCost`.
      const edit = editableName(read) ? { edit: replaceName(read, 'generate') } : {};
      report(ctx, read, receiver, `'${name}' is v1's answer: the v2 create answers 'generate.generationId'`, [{ shown: 'generate', certain: true, ...edit }]);
      return;
    }
    if (!field && receiver.endpoint === V2_CREATE_GENERATION && /^generat/i.test(name)) {
      // (`data.generation`: the guides' and working clients' `generate` holds the id, the spec's answer has it at the top;
      // a read on from it, `data.generation.id`, is not the id's either way: no edit then.)
      const last = !isMemberAccess(read.node.parent) || read.node.parent.expression !== read.node;
      const both = ['generate', 'generationId'].map((shown) => ({ shown, certain: false, ...(last && editableName(read) ? { edit: replaceName(read, shown) } : {}) }));
      report(ctx, read, receiver, `${at} has no field '${name}'`, both, 'It reads undefined.');
      return;
    }
    const jobKey = jobKeyFor(name, fields, receiver);
    if (jobKey) {
      // Another endpoint's job key (`imageToVideoMotionJob` on POST /generations-motion-svd): this one answers its own.
      const edit = editableName(read) ? { edit: replaceName(read, jobKey) } : {};
      report(ctx, read, receiver, `'${name}' is not in the ${endpointName(receiver.endpoint!)} answer: use '${jobKey}', its one job key`, [{ shown: jobKey, certain: true, ...edit }]);
      return;
    }
    const near = fieldSuggestions(read, name, fields, receiver);
    const video = near.some((n) => n.certain) ? undefined : videoSuggestion(read, name, fields, receiver);
    const suggestions = video ? [video] : near;
    report(ctx, read, receiver, `${at} has no field '${name}'`, suggestions, 'It reads undefined.');
    return;
  }
  if (!field || typeof read.name === 'number') return;
  const name = read.name;
  if (isArrayField(field)) {
    if (ARRAY_MEMBERS.has(name)) return;
    const items = field.items.fields ?? [];
    const element = items.find((f) => nameOf(f, receiver.naming) === name);
    // A name the items lack as well (`user_details.apiCredit`): the nearest item fields, under `[0]`.
    const suggestions: Suggestion[] = element
      ? [elementSuggestion(read, name)]
      : fieldSuggestions(read, name, items, receiver).map((s) => (Object.assign({}, elementSuggestion(read, s.shown), { certain: false })));
    report(ctx, read, receiver, `${at} is an array, with no member '${name}'`, suggestions, 'It reads undefined.');
    return;
  }
  if (field.types.length === 1 && field.types[0] === 'string' && !STRING_MEMBERS.has(name)) {
    const parse = /fields$/i.test(field.wire) ? ` It holds the presigned form fields as a JSON string: read them from \`JSON.parse(${nameOf(field, receiver.naming)})\`.` : '';
    report(ctx, read, receiver, `${at} is a string: '${name}' reads undefined`, [], parse.trim() || undefined);
  }
}

/** `x[0].error` (also `x?.[0]?.message`): an element read for a key of the API's error body. */
function readsErrorKey(element: ts.ElementAccessExpression): boolean {
  let parent = element.parent;
  while (ts.isNonNullExpression(parent) || ts.isParenthesizedExpression(parent)) parent = parent.parent;
  return (ts.isPropertyAccessExpression(parent) || ts.isElementAccessExpression(parent)) && ERROR_ENVELOPE.has(accessedKey(parent) ?? '');
}

/** A body field read off the client's response object: `res.sdGenerationJob` for `res.data.sdGenerationJob`. */
function checkEnvelopeRead(ctx: RuleContext, read: MemberRead, receiver: ResponseOrigin): void {
  if (typeof read.name !== 'string' || !receiver.endpoint?.response) return;
  const name = read.name;
  const top = receiver.endpoint.response.find((f) => f.wire === name || f.sdk === name);
  const label = endpointName(receiver.endpoint);
  if (!top) {
    // `response.data` on an SDK result, as on axios's: the SDK's result holds contentType, statusCode, rawResponse and `object`.
    if (receiver.stage === 'sdk' && SDK_BODY_GUESSES.has(name)) {
      report(ctx, read, receiver, `'${name}' is not on the SDK result of ${label}: read the body from '.object'`, [], BODY_HOLDERS.sdk!.detail);
    }
    return;
  }
  const bodyName = nameOf(top, receiver.naming);
  const canEdit = ts.isPropertyAccessExpression(read.node);
  const holder = BODY_HOLDERS[receiver.stage];
  if (!holder) {
    report(ctx, read, receiver, `'${name}' is not on the Response object of ${label}: read the body first, '(await res.json()).${bodyName}'`, [], 'This reads undefined.');
    return;
  }
  const shown = `${holder.member}.${bodyName}`;
  report(ctx, read, receiver, `'${name}' is not on the ${holder.what} of ${label}: use '.${shown}'`, [
    { shown, certain: true, ...(canEdit ? { edit: replaceName(read, shown) } : {}) },
  ], holder.detail);
}

/** Names other clients keep the body under (`res.data`, `res.body`), which an SDK result does not have. */
const SDK_BODY_GUESSES = new Set(['data', 'body', 'result', 'results', 'payload', 'response']);

/** Where each client's response object holds the body, for the message and its fix. */
const BODY_HOLDERS: Partial<Record<ResponseOrigin['stage'], { what: string; member: string; detail: string }>> = {
  axios: { what: 'axios response', member: 'data', detail: 'The body is under `.data`, so this reads undefined.' },
  got: { what: 'got response', member: 'body', detail: 'With `responseType: "json"` the parsed body is under `.body`, so this reads undefined.' },
  sdk: { what: 'SDK result', member: 'object?', detail: 'The body is under `.object` (camelCase names), so this reads undefined.' },
};

/** The nearest real names for a missing one, best rule first; the first rule with answers wins. */
function fieldSuggestions(read: MemberRead, name: string, fields: readonly Field[], receiver: ResponseOrigin): Suggestion[] {
  const naming = receiver.naming;
  const names = fields.map((f) => nameOf(f, naming));
  const otherNaming = fields.filter((f) => (naming === 'sdk' ? f.wire : f.sdk) === name).map((f) => nameOf(f, naming));
  const folded = foldName(name);
  const bySuffix = folded.length >= 2 ? names.filter((n) => foldName(n).endsWith(folded) && foldName(n) !== folded) : [];
  const byTail = names.filter((n) => foldName(n).length >= 2 && folded.endsWith(foldName(n)) && foldName(n) !== folded);
  const deeper = fields.flatMap((f) =>
    (f.fields ?? []).some((c) => nameOf(c, naming) === name) ? [`${nameOf(f, naming)}.${name}`] : [],
  );
  const rules = [otherNaming, caseOnlyMatches(name, names), spellingMatches(name, names), nearestNames(name, names), bySuffix, byTail, deeper];
  const index = rules.findIndex((list) => list.length > 0);
  const found = index < 0 ? [] : rules[index];
  const certain = index >= 0 && index < 3; // the other naming, case only, separators only
  return found.slice(0, 3).map((shown) => ({ shown, certain, ...(editableName(read) ? { edit: replaceName(read, shown) } : {}) }));
}

/** A job key read on a body whose one top-level field is a job (`*Job`): that job, when the name is a job key too. */
function jobKeyFor(name: string, fields: readonly Field[], receiver: ResponseOrigin): string | undefined {
  if (receiver.field || !/Job$/.test(name)) return undefined;
  const jobs = fields.filter((f) => /Job$/.test(nameOf(f, receiver.naming)));
  return fields.length === 1 && jobs.length === 1 ? nameOf(jobs[0], receiver.naming) : undefined;
}

/**
 * A video read where the API has none (`generated_videos`, `videoUrl`): a motion job's video is the
 * image's `motionMP4URL` (`generated_images[0].motionMP4URL`). Offered, not preferred.
 */
function videoSuggestion(read: MemberRead, name: string, fields: readonly Field[], receiver: ResponseOrigin): Suggestion | undefined {
  if (!/video|mp4/i.test(name)) return undefined;
  const naming = receiver.naming;
  const hasVideo = (list: readonly Field[] | undefined): Field | undefined => list?.find((f) => f.wire === 'motionMP4URL');
  const direct = hasVideo(fields);
  const images = fields.find((f) => isArrayField(f) && hasVideo(f.items?.fields));
  const shown = direct ? nameOf(direct, naming) : images ? `${nameOf(images, naming)}[0].${nameOf(hasVideo(images.items!.fields)!, naming)}` : undefined;
  if (!shown) return undefined;
  // `generated_videos[0].url`: what follows the name reads a video list that does not exist; no edit fits it.
  const parent = read.node.parent;
  const readFurther = (ts.isPropertyAccessExpression(parent) || ts.isElementAccessExpression(parent)) && parent.expression === read.node;
  return { shown, certain: false, ...(editableName(read) && !readFurther ? { edit: replaceName(read, shown) } : {}) };
}

/** `images.url` → `images[0].url`. */
function elementSuggestion(read: MemberRead, name: string): Suggestion {
  const node = read.node;
  if (!ts.isPropertyAccessExpression(node)) return { shown: `[0].${name}` };
  const optional = node.questionDotToken ? '?.' : '';
  return { shown: `[0].${name}`, edit: { start: node.expression.end, end: node.end, newText: `${optional ? '?.' : ''}[0]${optional || '.'}${name}` } };
}

function editableName(read: MemberRead): boolean {
  return ts.isPropertyAccessExpression(read.node) || (ts.isElementAccessExpression(read.node) && ts.isStringLiteralLike(read.nameNode));
}

/** Replace the name read (an identifier, or the text inside a string key) with a path. */
function replaceName(read: MemberRead, path: string): TextEdit {
  const node = read.nameNode;
  const start = node.getStart();
  if (ts.isStringLiteralLike(node)) return { start: start + 1, end: node.end - 1, newText: path };
  return { start, end: node.end, newText: path };
}

function report(ctx: RuleContext, read: MemberRead, receiver: ResponseOrigin, head: string, suggestions: readonly Suggestion[], detail?: string): void {
  // Asked last, of a read about to be reported: the walk up its statements is not made for the reads that are fine.
  const flow = flowFor(ctx);
  if (flow && isGuardedGuess(flow, read)) return;
  const shown = suggestions.map((s) => `'${s.shown}'`);
  // A head that already says the fix (`use …`, `remove …`) takes no "did you mean".
  const hint = suggestions.length > 0 && !/: (?:use|remove|read|the v2) /.test(head) ? `: did you mean ${listOr(shown)}?` : '.';
  const message = `${head}${hint}`;
  const editable = suggestions.filter((s) => s.edit && isPathText(s.edit.newText, read));
  const fixes: Fix[] = editable.map((s) => ({
    title: s.title ?? `Read ${q(s.shown)}`,
    edits: [s.edit!],
    preferred: editable.length === 1 && suggestions.length === 1 && s.certain === true,
  }));
  ctx.report({
    message: fitMessage(message, message.replace(where(receiver), shortWhere(receiver))),
    detail,
    span: { start: read.nameNode.getStart(), end: read.nameNode.end },
    fixes,
    endpoint: receiver.endpoint ? endpointName(receiver.endpoint) : undefined,
  });
}

/** Replacement text that stays valid where it goes (identifier paths for `a.b`, anything inside quotes). */
function isPathText(text: string, read: MemberRead): boolean {
  if (ts.isStringLiteralLike(read.nameNode)) return !/["'`\\]/.test(text);
  return text === '' || text.split(/\?\.|\.|\[0\]/).every((part) => part === '' || isIdentifierName(part));
}

/** `generations_by_pk` of the GET /generations/{id} response, for messages. */
function where(receiver: ResponseOrigin): string {
  const label = endpointName(receiver.endpoint!);
  const path = writtenPath(receiver);
  const sdk = receiver.naming === 'sdk' ? ' SDK result' : ' response';
  return path ? `'${path}' of the ${label}${sdk}` : `The ${label}${sdk} body`;
}

/** The same, shorter, for a message that would be too long with the whole of it. */
function shortWhere(receiver: ResponseOrigin): string {
  const path = writtenPath(receiver);
  return path ? `'${path}'` : 'The response body';
}
