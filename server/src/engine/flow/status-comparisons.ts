// The `invalid-enum` check for responses: a field of a known Leonardo response that has an enum
// (`generations_by_pk.status`: PENDING, COMPLETE, FAILED; `transformType`, `presetStyle`, ...) compared
// with a string it can never hold (`status === "complete"`, `case "done":`). The comparison is always
// false (or always true for `!==`), so a polling loop never ends or a guard never opens.
// A job status compared with the HTTP status of the response object (`res.status === "COMPLETE"`,
// axios `response.status`) never matches either: that is reported here too.
// Where the flow's one origin is not enough, what the compared expression may hold is worked out
// here, for the comparisons only: a fallback to a path the answer does not have (`data.generation?.status
// || data.generations_by_pk?.status`, `(st.generations_by_pk ?? st).status`: the enum's values or
// undefined), a literal fallback (`status ?? "UNKNOWN"`), the value in another case (`status.toLowerCase()`,
// `String(status).toUpperCase()`: the values so mapped), and `["COMPLETED", "FAILED"].includes(status)`
// (each string of the list is compared).
// Called from rules/invalid-enum.ts; reports under that rule.

import ts from 'typescript';
import { appendAll } from '../arrays.js';
import { callsNamed, type Binding } from '../extract/ts/file-index.js';
import { accessedKey, bindingValue, isExported, isMemberAccess, memberExpressions, type MemberAccess } from '../extract/ts/resolve.js';
import { isFallbackOperator, skipOuter } from '../extract/ts/scope.js';
import { stringValue } from '../extract/ts/values.js';
import { choiceFixes, replaceWithString } from '../fix/builders.js';
import { caseOnlyMatches, listOr, nearestNames, spellingMatches } from '../fix/suggest.js';
import { fitMessage } from '../messages.js';
import type { RuleContext } from '../types.js';
import { flowFor, type Flow } from './analysis.js';
import { isEmptyFallback } from './functions.js';
import { writesMember } from './reads.js';
import { endpointName, lacksField, memberOf, STRING_CHANGES, writtenPath, type StringChange } from './shape.js';
import type { Field } from '../../api/types.js';
import { patternSteps } from './origins.js';
import { responseReach } from './reach.js';
import type { LiteralOrigin, ResponseOrigin, UploadOrigin } from './types.js';

type StringLiteral = ts.StringLiteral | ts.NoSubstitutionTemplateLiteral;

/** Report comparisons of response enums with impossible strings, in `==`/`!=`, `switch` cases and `[...].includes(x)`. */
export function checkResponseEnumComparisons(ctx: RuleContext): void {
  const flow = flowFor(ctx);
  if (!flow) return;
  const reported = new Set<ts.Node>();
  // Only a side a response may reach can be a field of one (or its HTTP status).
  const reach = responseReach(flow);
  const values = new ComparedValues(flow);
  const judgeLiteral = (compared: Compared, literal: StringLiteral): void => {
    if (!reported.has(literal) && reportImpossible(ctx, flow, compared, literal)) reported.add(literal);
  };
  const judge = (compared: Compared, other: ts.Expression): void => {
    const literal = literalOf(flow, other);
    if (literal) judgeLiteral(compared, literal);
  };
  for (const comparison of flow.facts.comparisons) {
    for (const [side, other] of [
      [comparison.left, comparison.right],
      [comparison.right, comparison.left],
    ] as const) {
      if (!reach.has(side)) continue;
      // Only a comparison with a string is judged: what the side holds is worked out for those alone.
      const literal = literalOf(flow, other);
      if (!literal || reported.has(literal)) continue;
      const compared = values.of(side);
      if (compared) {
        judgeLiteral(compared, literal);
        continue;
      }
      const response = httpStatusOf(flow, side);
      if (response && /^\D/.test(literal.text)) {
        reported.add(literal);
        reportHttpStatus(ctx, flow, side, response, literal);
      }
    }
  }
  for (const statement of flow.facts.switches) {
    if (!reach.has(statement.expression)) continue;
    const compared = values.of(statement.expression);
    if (!compared) continue;
    for (const clause of statement.caseBlock.clauses) {
      if (ts.isCaseClause(clause)) judge(compared, clause.expression);
    }
  }
  checkIncludes(flow, reach, values, judge);
}

/**
 * `["COMPLETED", "FAILED"].includes(status)`, or through a constant (`DONE.includes(status)`): each
 * string of the list is compared with the status. A constant is judged only when it is not exported and
 * every use of it is such a call on a value whose enum is known (the same one, in the same case): a
 * string another use may match, or that code elsewhere may read, is left alone.
 */
function checkIncludes(flow: Flow, reach: ReadonlySet<ts.Node>, values: ComparedValues, judge: (compared: Compared, other: ts.Expression) => void): void {
  const done = new Set<ts.Node>();
  // The index's calls by name: the file's few `includes` calls, of which those on a value a response may reach.
  for (const call of callsNamed(flow.index, 'includes')) {
    const argument = includesArgument(call);
    if (!argument || !reach.has(argument)) continue;
    const list = listOf(flow, call);
    if (!list || done.has(list.array)) continue;
    done.add(list.array);
    let compared: Compared | undefined;
    for (const use of list.calls) {
      const subject = includesArgument(use);
      const found = subject && reach.has(subject) ? values.of(subject) : undefined;
      compared = found && (!compared || sameField(compared, found)) ? joined(compared, found) : undefined;
      if (!compared) break;
    }
    if (!compared) continue;
    for (const element of list.array.elements) judge(compared, element);
  }
}

/** The argument of `list.includes(x)`; none with a second one (`fromIndex`: the first elements are not compared) or a spread. */
function includesArgument(call: ts.CallExpression): ts.Expression | undefined {
  const callee = skipOuter(call.expression);
  if (!ts.isPropertyAccessExpression(callee) || callee.name.text !== 'includes' || call.arguments.length !== 1) return undefined;
  const argument = call.arguments[0];
  return ts.isSpreadElement(argument) ? undefined : argument;
}

/** The array literal `includes` is called on, and every `.includes(x)` call on it (the one call, for a literal written there). */
function listOf(flow: Flow, call: ts.CallExpression): { array: ts.ArrayLiteralExpression; calls: ts.CallExpression[] } | undefined {
  const receiver = skipOuter((skipOuter(call.expression) as ts.PropertyAccessExpression).expression);
  if (ts.isArrayLiteralExpression(receiver)) return { array: receiver, calls: [call] };
  if (!ts.isIdentifier(receiver)) return undefined;
  const binding = flow.binding(receiver);
  const array = binding?.kind === 'const' && binding.initializer ? skipOuter(binding.initializer) : undefined;
  if (!binding || !array || !ts.isArrayLiteralExpression(array) || isExportedConstant(binding.node, binding.name)) return undefined;
  const calls: ts.CallExpression[] = [];
  for (const use of flow.referencesOf(binding)) {
    const access = use.parent;
    const useCall = access.parent;
    if (!ts.isPropertyAccessExpression(access) || access.expression !== use || !ts.isCallExpression(useCall) || useCall.expression !== access) return undefined;
    if (!includesArgument(useCall)) return undefined;
    calls.push(useCall);
  }
  return { array, calls };
}

/** `export const X = ...` or `export { X }` of a module-level constant: other modules may read it. */
function isExportedConstant(declaration: ts.Node, name: string): boolean {
  const statement = declaration.parent?.parent;
  if (!statement || !ts.isVariableStatement(statement) || !ts.isSourceFile(statement.parent)) return false;
  if (isExported(statement)) return true;
  // `export { X }` names no reference of X (`export default X` is one, and is no `.includes` call).
  return statement.parent.statements.some(
    (s) => ts.isExportDeclaration(s) && !s.moduleSpecifier && s.exportClause !== undefined && ts.isNamedExports(s.exportClause) && s.exportClause.elements.some((e) => (e.propertyName ?? e.name).text === name),
  );
}

/**
 * The response enum field whose values `expression` holds, as the comparisons work it out (for the
 * reach's test: every such expression must be in the reach, or it would never be judged).
 */
export function comparedField(flow: Flow, expression: ts.Expression): ResponseOrigin | undefined {
  return new ComparedValues(flow).of(expression)?.origin;
}

/** What a compared expression may hold: one response enum field's values (in the case the code maps them to), and other strings. */
interface Compared {
  /** The enum field. */
  origin: ResponseOrigin;
  /** The case the code changes the field's value to (`status.toLowerCase()`), if it does. */
  cased?: 'lower' | 'upper';
  /** The field's values as the expression holds them. */
  values: readonly string[];
  /** Other strings it may hold (a literal fallback, what `String()` makes of undefined): never reported, never suggested. */
  others: readonly string[];
}

function sameField(a: Compared, b: Compared): boolean {
  return a.origin.field === b.origin.field && a.cased === b.cased && a.values.join('\n') === b.values.join('\n');
}

function joined(a: Compared | undefined, b: Compared): Compared {
  return a ? Object.assign({}, a, { others: [...a.others, ...b.others] }) : b;
}

/**
 * One value an expression may hold: (part of) a response, a string field of it possibly changed by
 * `changes`; a string; or something that is not a string (undefined, null, a number, an empty
 * fallback), with what `String()` makes of it when that is known.
 */
type Alternative =
  | { kind: 'response'; origin: ResponseOrigin; changes?: readonly StringChange[] }
  | { kind: 'string'; value: string }
  | { kind: 'other'; shown?: string };

const UNDEFINED: Alternative = { kind: 'other', shown: 'undefined' };

/** Bounds on the work for one compared expression (a chain of names and fallbacks is a few dozen steps). */
const MAX_DEPTH = 40;
const MAX_STEPS = 400;

/**
 * What compared expressions may hold, each alternative of it: the flow's origin where it has one, and
 * where it has none (its merge gives up when two values differ) the alternatives of `a || b`, `a ?? b`
 * and `c ? a : b`, a name's value as the resolver finds it, a member of each alternative (a path the
 * answer's shape does not have reads undefined), and the string methods above and `String(x)`. Anything
 * else is unknown, and unknown anywhere makes the whole unknown. Asked only for the sides of comparisons
 * with a string that a response may reach.
 */
class ComparedValues {
  private steps = 0;
  /** What the value a name holds may be, by that value's expression (a name compared many times is followed once). */
  private readonly held = new Map<ts.Expression, Alternative[] | undefined>();

  constructor(private readonly flow: Flow) {}

  /** The enum values `expression` may hold, when one response enum field is among what it holds and the rest is known. */
  of(expression: ts.Expression): Compared | undefined {
    this.steps = 0;
    const alternatives = this.alternatives(expression, 0);
    if (!alternatives) return undefined;
    let compared: Compared | undefined;
    const others: string[] = [];
    for (const alternative of alternatives) {
      if (alternative.kind === 'string') others.push(alternative.value);
      if (alternative.kind !== 'response') continue;
      const field = enumField(alternative.origin);
      if (!field) return undefined;
      const changes = alternative.changes ?? [];
      const values = changes.length === 0 ? field.enum! : [...new Set(field.enum!.map((v) => changes.reduce((text, change) => change.apply(text), v)))];
      // The last change of case decides it (`trim()` after `toLowerCase()` keeps it lower).
      const cased = changes.reduceRight<StringChange['cased']>((found, change) => found ?? change.cased, undefined);
      const next: Compared = { origin: alternative.origin, values, others: [], ...(cased ? { cased } : {}) };
      if (compared && !sameField(compared, next)) return undefined;
      compared ??= next;
    }
    return compared && Object.assign(compared, { others });
  }

  private alternatives(expression: ts.Expression, depth: number): Alternative[] | undefined {
    if (depth > MAX_DEPTH || ++this.steps > MAX_STEPS) return undefined;
    const node = skipOuter(expression);
    const origin = this.flow.originOf(node);
    if (origin?.kind === 'response') return [{ kind: 'response', origin }];
    if (origin?.kind === 'literal') return [typeof origin.value === 'string' ? { kind: 'string', value: origin.value } : { kind: 'other', shown: String(origin.value) }];
    if (origin) return undefined;
    switch (node.kind) {
      case ts.SyntaxKind.Identifier:
        return this.name(node as ts.Identifier, depth);
      case ts.SyntaxKind.BinaryExpression: {
        const binary = node as ts.BinaryExpression;
        if (!isFallbackOperator(binary.operatorToken.kind)) return undefined;
        return this.either(binary.left, binary.right, depth);
      }
      case ts.SyntaxKind.ConditionalExpression:
        return this.either((node as ts.ConditionalExpression).whenTrue, (node as ts.ConditionalExpression).whenFalse, depth);
      case ts.SyntaxKind.PropertyAccessExpression:
      case ts.SyntaxKind.ElementAccessExpression:
        return this.member(node as MemberAccess, depth);
      case ts.SyntaxKind.CallExpression:
        return this.call(node as ts.CallExpression, depth);
      case ts.SyntaxKind.ObjectLiteralExpression:
      case ts.SyntaxKind.ArrayLiteralExpression:
        // `a || {}`: no string, and none of its members is one.
        return isEmptyFallback(node) ? [{ kind: 'other' }] : undefined;
      default:
        return undefined;
    }
  }

  private either(a: ts.Expression, b: ts.Expression, depth: number): Alternative[] | undefined {
    const first = this.alternatives(a, depth + 1);
    const second = first && this.alternatives(b, depth + 1);
    return first && second && [...first, ...second];
  }

  /** A name: `undefined`, or the value the resolver says it holds there (as the flow reads a name). */
  private name(id: ts.Identifier, depth: number): Alternative[] | undefined {
    const binding = this.flow.binding(id);
    if (!binding) return id.text === 'undefined' ? [UNDEFINED] : undefined;
    if (this.flow.facts.opaque.has(binding)) return undefined;
    const expression = bindingValue(id, this.flow.context, binding)?.expression;
    if (!expression) return this.everyWrite(binding, depth);
    if (this.held.has(expression)) return this.held.get(expression);
    // Unknown while it is worked out: a name whose value reads itself has no answer.
    this.held.set(expression, undefined);
    const alternatives = this.alternatives(expression, depth + 1);
    this.held.set(expression, alternatives);
    return alternatives;
  }

  /**
   * A `let` no one write reaches (`let status = "PENDING"; while (...) { status = job.status; }` read after
   * the loop): any of the values it is given, its initializer and every write, when each is known.
   */
  private everyWrite(binding: Binding, depth: number): Alternative[] | undefined {
    const writes = this.flow.facts.assignments.get(binding);
    const declaration = binding.node;
    if (!writes || (binding.kind !== 'let' && binding.kind !== 'var') || !ts.isVariableDeclaration(declaration) || !ts.isIdentifier(declaration.name)) return undefined;
    // (Without an initializer it holds undefined until its first write.)
    const out: Alternative[] = declaration.initializer ? [] : [UNDEFINED];
    for (const value of declaration.initializer ? [declaration.initializer, ...writes] : writes) {
      const alternatives = this.alternatives(value, depth + 1);
      if (!alternatives) return undefined;
      appendAll(out, alternatives);
    }
    return out;
  }

  /** `a.b`, `a?.b`, `a["b"]`: the member of each alternative of `a`. */
  private member(access: MemberAccess, depth: number): Alternative[] | undefined {
    const key = accessedKey(access);
    // (A computed key, `list?.[0]`, is known only of undefined: undefined again.)
    const receivers = this.alternatives(access.expression, depth + 1);
    if (!receivers) return undefined;
    const out: Alternative[] = [];
    for (const receiver of receivers) {
      if (receiver.kind === 'other') {
        // A member of undefined or null is undefined (`?.`) or a throw; of anything else, no string.
        out.push(receiver.shown === 'undefined' || receiver.shown === 'null' ? UNDEFINED : { kind: 'other' });
        continue;
      }
      if (receiver.kind !== 'response' || receiver.changes || key === undefined) return undefined;
      const child = memberOf(receiver.origin, key);
      if (child) out.push({ kind: 'response', origin: child });
      // A path the answer's shape does not have, and the code does not write, reads undefined.
      else if (lacksField(receiver.origin, key) && !writesMember(this.flow, receiver.origin, key)) out.push(UNDEFINED);
      else return undefined;
    }
    return out;
  }

  /** `x.toLowerCase()`, `x.trim()`, `String(x)`. */
  private call(call: ts.CallExpression, depth: number): Alternative[] | undefined {
    const callee = skipOuter(call.expression);
    if (ts.isPropertyAccessExpression(callee) && call.arguments.length === 0) {
      const change = STRING_CHANGES.get(callee.name.text);
      const receivers = change && this.alternatives(callee.expression, depth + 1);
      return change && receivers && mapAll(receivers, (receiver) => changed(receiver, change));
    }
    if (ts.isIdentifier(callee) && callee.text === 'String' && !this.flow.binding(callee) && call.arguments.length === 1 && !ts.isSpreadElement(call.arguments[0])) {
      const values = this.alternatives(call.arguments[0], depth + 1);
      return values && mapAll(values, stringified);
    }
    return undefined;
  }
}

/** Each alternative mapped to one or more; undefined as soon as one is unknown. */
function mapAll(alternatives: readonly Alternative[], map: (alternative: Alternative) => Alternative[] | undefined): Alternative[] | undefined {
  const out: Alternative[] = [];
  for (const alternative of alternatives) {
    const mapped = map(alternative);
    if (!mapped) return undefined;
    appendAll(out, mapped);
  }
  return out;
}

/** A string method's result: an enum field's values changed, a string changed; on anything else, a throw or (`?.`) undefined. */
function changed(alternative: Alternative, change: StringChange): Alternative[] | undefined {
  switch (alternative.kind) {
    case 'response':
      return enumField(alternative.origin) ? [{ kind: 'response', origin: alternative.origin, changes: [...(alternative.changes ?? []), change] }] : undefined;
    case 'string':
      return [{ kind: 'string', value: change.apply(alternative.value) }];
    default:
      return [UNDEFINED];
  }
}

/** `String(x)`: an enum field's values, and "undefined" or "null" when the API leaves it out or sends null; a string; what the rest prints as. */
function stringified(alternative: Alternative): Alternative[] | undefined {
  switch (alternative.kind) {
    case 'response':
      return enumField(alternative.origin) ? [alternative, { kind: 'string', value: 'undefined' }, { kind: 'string', value: 'null' }] : undefined;
    case 'string':
      return [alternative];
    default:
      return alternative.shown === undefined ? undefined : [{ kind: 'string', value: alternative.shown }];
  }
}

/**
 * `res.status` of a fetch Response or an axios response (also `const { status } = res`): the HTTP status,
 * a number, where code meant the job's status in the body.
 */
function httpStatusOf(flow: Flow, expression: ts.Expression): ResponseOrigin | undefined {
  const node = skipOuter(expression);
  let receiver: ResponseOrigin | UploadOrigin | LiteralOrigin | undefined;
  if (ts.isPropertyAccessExpression(node) && node.name.text === 'status') {
    receiver = flow.originOf(node.expression);
  } else if (ts.isIdentifier(node)) {
    const declaration = flow.binding(node)?.node;
    if (!declaration || !ts.isVariableDeclaration(declaration) || !ts.isObjectBindingPattern(declaration.name)) return undefined;
    const steps = patternSteps(declaration.name, node.text);
    if (steps?.length !== 1 || !('property' in steps[0]) || steps[0].property !== 'status') return undefined;
    receiver = flow.patternSource(declaration);
  }
  if (receiver?.kind !== 'response' || !receiver.endpoint || (receiver.stage !== 'http' && receiver.stage !== 'axios')) return undefined;
  return receiver;
}

/** The job status fields of a response body, as code writes their paths (`generations_by_pk.status`). */
function jobStatusPaths(response: ResponseOrigin): string[] {
  const out: string[] = [];
  const visit = (fields: readonly Field[] | undefined, prefix: string): void => {
    for (const field of fields ?? []) {
      const path = `${prefix}${field.wire}`;
      if (field.wire === 'status' && field.enum?.length) out.push(path);
      else if (!field.items) visit(field.fields, `${path}.`);
    }
  };
  visit(response.endpoint?.response, '');
  return out;
}

function reportHttpStatus(ctx: RuleContext, flow: Flow, side: ts.Expression, response: ResponseOrigin, literal: StringLiteral): void {
  const value = stringValue(literal, flow.context);
  const written = skipOuter(side).getText(flow.sourceFile);
  const [path] = jobStatusPaths(response);
  const instead = path ? `: compare '${path}' of the body` : '';
  const never = `is the HTTP status code, a number, never ${JSON.stringify(value.value)}${instead}.`;
  ctx.report({
    message: fitMessage(`'${written}' ${never}`, `This ${never}`),
    span: value.span,
    fixes: [],
    endpoint: endpointName(response.endpoint!),
  });
}

/** The field of a response body value that has an enum (`generations_by_pk.status`). */
function enumField(origin: ResponseOrigin): Field | undefined {
  return origin.stage === 'body' && origin.endpoint && origin.field?.enum?.length ? origin.field : undefined;
}

/**
 * The string the other side is: a literal, or a same-file constant initialised with one, or a member
 * of a constant object or an enum holding one (`JOB_STATUS.DONE`; resolve.ts memberExpressions), edited
 * where it is written.
 */
function literalOf(flow: Flow, expression: ts.Expression): StringLiteral | undefined {
  const node = skipOuter(expression);
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node;
  let initializer: ts.Expression | undefined;
  if (ts.isIdentifier(node)) {
    const binding = flow.binding(node);
    initializer = binding?.kind === 'const' && binding.initializer ? skipOuter(binding.initializer) : undefined;
  } else if (isMemberAccess(node)) {
    const written = memberExpressions(node, flow.context);
    initializer = written?.length === 1 ? skipOuter(written[0]) : undefined;
  }
  return initializer && (ts.isStringLiteral(initializer) || ts.isNoSubstitutionTemplateLiteral(initializer)) ? initializer : undefined;
}

/** Report the literal when the compared value never holds it; true when reported. */
function reportImpossible(ctx: RuleContext, flow: Flow, compared: Compared, literal: StringLiteral): boolean {
  const { origin, values: allowed, cased } = compared;
  if (allowed.includes(literal.text) || compared.others.includes(literal.text)) return false;
  const value = stringValue(literal, flow.context);
  const byCase = caseOnlyMatches(value.value, allowed);
  const bySpelling = byCase.length > 0 ? byCase : spellingMatches(value.value, allowed);
  const suggestions = bySpelling.length > 0 ? bySpelling : nearestNames(value.value, allowed);
  // A case or separator difference is certain; the nearest value is a guess (offered, not preferred).
  const certain = bySpelling.length > 0;
  const path = writtenPath(origin);
  // Values the code changed to one case are named so: "complete" is a value of `status.toLowerCase()`.
  const how = cased ? `, ${cased}-cased,` : '';
  const field = `'${path}' of the ${endpointName(origin.endpoint!)} response${how}`;
  const hint = suggestions.length > 0 ? `: did you mean ${listOr(suggestions.map((s) => JSON.stringify(s)))}?` : ', so the comparison never matches.';
  const head = `is compared with ${JSON.stringify(value.value)}, a value it never has${hint}`;
  const listed = (values: readonly string[]): string => listOr(values.map((v) => `\`${JSON.stringify(v)}\``));
  const sent = origin.field!.enum!;
  ctx.report({
    message: fitMessage(`${field} ${head}`, `'${path}'${how} ${head}`, `'${path.split('.').pop()}'${how} ${head}`),
    detail: cased ? `The API sends ${listed(sent)}; ${cased}-cased, ${listed(allowed)}.` : `The API sends ${listed(sent)} (enum values are case-sensitive).`,
    span: value.span,
    fixes: choiceFixes(suggestions.map((s) => ({ title: `Change to ${JSON.stringify(s)}`, edit: replaceWithString(value, s) })), certain),
    endpoint: endpointName(origin.endpoint!),
  });
  return true;
}
