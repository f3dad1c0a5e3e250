// The `invalid-enum` check for responses: a field of a known Leonardo response that has an enum
// (`generations_by_pk.status`: PENDING, COMPLETE, FAILED; `transformType`, `presetStyle`, ...) compared
// with a string it can never hold (`status === "complete"`, `case "done":`). The comparison is always
// false (or always true for `!==`), so a polling loop never ends or a guard never opens.
// A job status compared with the HTTP status of the response object (`res.status === "COMPLETE"`,
// axios `response.status`) never matches either: that is reported here too.
// Called from rules/invalid-enum.ts; reports under that rule.

import ts from 'typescript';
import { skipOuter } from '../extract/ts/scope.js';
import { stringValue } from '../extract/ts/values.js';
import { choiceFixes, replaceWithString } from '../fix/builders.js';
import { caseOnlyMatches, listOr, nearestNames, spellingMatches } from '../fix/suggest.js';
import { fitMessage } from '../messages.js';
import type { RuleContext } from '../types.js';
import { flowFor, type Flow } from './analysis.js';
import { endpointName, writtenPath } from './shape.js';
import type { Field } from '../../api/types.js';
import { patternSteps } from './origins.js';
import { responseReach } from './reach.js';
import type { LiteralOrigin, ResponseOrigin, UploadOrigin } from './types.js';

/** Report comparisons of response enums with impossible strings, in `==`/`!=` and `switch` cases. */
export function checkResponseEnumComparisons(ctx: RuleContext): void {
  const flow = flowFor(ctx);
  if (!flow) return;
  const reported = new Set<ts.Node>();
  // Only a side a response may reach can be a field of one (or its HTTP status).
  const reach = responseReach(flow);
  const judge = (origin: ResponseOrigin, other: ts.Expression): void => {
    const literal = literalOf(flow, other);
    if (literal && !reported.has(literal) && reportImpossible(ctx, flow, origin, literal)) reported.add(literal);
  };
  for (const comparison of flow.facts.comparisons) {
    for (const [side, other] of [
      [comparison.left, comparison.right],
      [comparison.right, comparison.left],
    ] as const) {
      if (!reach.has(side)) continue;
      const origin = enumOrigin(flow, side);
      if (origin) judge(origin, other);
      const response = origin ? undefined : httpStatusOf(flow, side);
      const literal = response && literalOf(flow, other);
      if (response && literal && !reported.has(literal) && /^\D/.test(literal.text)) {
        reported.add(literal);
        reportHttpStatus(ctx, flow, side, response, literal);
      }
    }
  }
  for (const statement of flow.facts.switches) {
    if (!reach.has(statement.expression)) continue;
    const origin = enumOrigin(flow, statement.expression);
    if (!origin) continue;
    for (const clause of statement.caseBlock.clauses) {
      if (ts.isCaseClause(clause)) judge(origin, clause.expression);
    }
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

function reportHttpStatus(ctx: RuleContext, flow: Flow, side: ts.Expression, response: ResponseOrigin, literal: ts.StringLiteral | ts.NoSubstitutionTemplateLiteral): void {
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

function enumOrigin(flow: Flow, expression: ts.Expression): ResponseOrigin | undefined {
  const origin = flow.originOf(expression);
  if (origin?.kind !== 'response' || origin.stage !== 'body' || !origin.endpoint || !origin.field?.enum?.length) return undefined;
  return origin;
}

/** The string the other side is: a literal, or a same-file constant initialised with one (edited there). */
function literalOf(flow: Flow, expression: ts.Expression): ts.StringLiteral | ts.NoSubstitutionTemplateLiteral | undefined {
  const node = skipOuter(expression);
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node;
  if (!ts.isIdentifier(node)) return undefined;
  const binding = flow.binding(node);
  const initializer = binding?.kind === 'const' && binding.initializer ? skipOuter(binding.initializer) : undefined;
  return initializer && (ts.isStringLiteral(initializer) || ts.isNoSubstitutionTemplateLiteral(initializer)) ? initializer : undefined;
}

/** Report the literal when the field never holds it; true when reported. */
function reportImpossible(ctx: RuleContext, flow: Flow, origin: ResponseOrigin, literal: ts.StringLiteral | ts.NoSubstitutionTemplateLiteral): boolean {
  const allowed = origin.field!.enum!;
  if (allowed.includes(literal.text)) return false;
  const value = stringValue(literal, flow.context);
  const byCase = caseOnlyMatches(value.value, allowed);
  const bySpelling = byCase.length > 0 ? byCase : spellingMatches(value.value, allowed);
  const suggestions = bySpelling.length > 0 ? bySpelling : nearestNames(value.value, allowed);
  // A case or separator difference is certain; the nearest value is a guess (offered, not preferred).
  const certain = bySpelling.length > 0;
  const field = `'${writtenPath(origin)}' of the ${endpointName(origin.endpoint!)} response`;
  const hint = suggestions.length > 0 ? `: did you mean ${listOr(suggestions.map((s) => JSON.stringify(s)))}?` : ', so the comparison never matches.';
  const head = `is compared with ${JSON.stringify(value.value)}, a value it never has${hint}`;
  ctx.report({
    message: fitMessage(`${field} ${head}`, `'${writtenPath(origin)}' ${head}`, `'${writtenPath(origin).split('.').pop()}' ${head}`),
    detail: `The API sends ${listOr(allowed.map((v) => `\`${JSON.stringify(v)}\``))} (enum values are case-sensitive).`,
    span: value.span,
    fixes: choiceFixes(suggestions.map((s) => ({ title: `Change to ${JSON.stringify(s)}`, edit: replaceWithString(value, s) })), certain),
    endpoint: endpointName(origin.endpoint!),
  });
  return true;
}
