// A TS/JS expression → the engine's Value: literals with exact spans, alternatives for `c ? a : b`
// and fallbacks (`x ?? 10`), same-file constants resolved to their declaration, a parameter to what
// every visible call passes, things JSON cannot carry (functions, FormData, Buffers, streams) as
// foreign values, and everything else unknown.

import ts from 'typescript';
import type { AlternativesValue, ArrayValue, NumberValue, ObjectValue, Property, StringValue, Value } from '../../types.js';
import { composeObject, mayBeChanged } from './bodies.js';
import { nodeText, spanOf, step, withBinding, type TsContext } from './context.js';
import { assignedObject, lastMemberOpen, objectValues } from './objects.js';
import { outermost, resolveIdentifier, skipOuter } from './scope.js';
import { referencesOf, type Binding } from './file-index.js';
import { accessedKey, argumentsOfParameter, bindingValue, bindingValues, calledFunction, entryExpressions, holds, isFunctionNode, iteratedList, memberExpressions, objectUses, patternElement, returnedExpressions, unfrozen, visibleArguments, withArguments, type BoundValue } from './resolve.js';
import { appendAll } from '../../arrays.js';
import { importedValue } from '../../workspace/imported-names.js';
import { instanceRead, instanceState } from './instances.js';
import { sdkEnumValue, sdkModelsFolder } from '../../../api/sdk-enums.js';

export function valueOf(expression: ts.Expression, ctx: TsContext, depth = 0): Value {
  const node = skipOuter(expression);
  if (!step(ctx, depth)) return unknownValue(node, ctx);
  switch (node.kind) {
    case ts.SyntaxKind.StringLiteral:
    case ts.SyntaxKind.NoSubstitutionTemplateLiteral:
      return stringValue(node as ts.StringLiteral | ts.NoSubstitutionTemplateLiteral, ctx);
    case ts.SyntaxKind.NumericLiteral:
      return { kind: 'number', value: Number((node as ts.NumericLiteral).text), raw: nodeText(node, ctx), span: spanOf(node, ctx) };
    case ts.SyntaxKind.PrefixUnaryExpression:
      return signedNumber(node as ts.PrefixUnaryExpression, ctx);
    case ts.SyntaxKind.TrueKeyword:
    case ts.SyntaxKind.FalseKeyword:
      return { kind: 'boolean', value: node.kind === ts.SyntaxKind.TrueKeyword, span: spanOf(node, ctx) };
    case ts.SyntaxKind.NullKeyword:
      return { kind: 'null', span: spanOf(node, ctx) };
    case ts.SyntaxKind.VoidExpression:
      return { kind: 'foreign', what: 'undefined', span: spanOf(node, ctx) };
    case ts.SyntaxKind.Identifier:
      return identifierValue(node as ts.Identifier, ctx, depth);
    case ts.SyntaxKind.ObjectLiteralExpression:
      // A string left open at the end (`{ a: "x⏎`) swallows the rest of its line: the literal is being
      // typed, and a property inserted after its last member would land inside the string.
      if (lastMemberOpen(node as ts.ObjectLiteralExpression, ctx)) return unknownValue(node, ctx);
      return objectValues(node as ts.ObjectLiteralExpression, ctx, depth);
    case ts.SyntaxKind.ArrayLiteralExpression:
      return arrayValue(node as ts.ArrayLiteralExpression, ctx, depth);
    case ts.SyntaxKind.ConditionalExpression:
      return conditionalValue(node as ts.ConditionalExpression, ctx, depth);
    case ts.SyntaxKind.BinaryExpression:
      return binaryValue(node as ts.BinaryExpression, ctx, depth);
    case ts.SyntaxKind.AwaitExpression:
      return valueOf((node as ts.AwaitExpression).expression, ctx, depth + 1);
    case ts.SyntaxKind.ArrowFunction:
    case ts.SyntaxKind.FunctionExpression:
      return { kind: 'foreign', what: 'function', span: spanOf(node, ctx) };
    case ts.SyntaxKind.NewExpression:
      return foreignValue(node as ts.NewExpression, ctx) ?? unknownValue(node, ctx);
    case ts.SyntaxKind.CallExpression:
      return foreignValue(node as ts.CallExpression, ctx) ?? callValue(node as ts.CallExpression, ctx, depth) ?? unknownValue(node, ctx);
    case ts.SyntaxKind.PropertyAccessExpression:
      return memberValue(node as ts.PropertyAccessExpression, ctx, depth) ?? unknownValue(node, ctx);
    case ts.SyntaxKind.ElementAccessExpression: {
      const access = node as ts.ElementAccessExpression;
      // `MODELS["creative"]`, `this.models['creative']`: a member by its name, as `MODELS.creative` is.
      if (ts.isStringLiteralLike(skipOuter(access.argumentExpression))) return memberValue(access, ctx, depth) ?? unknownValue(node, ctx);
      return entryValue(access, ctx, depth) ?? indexedElement(access, ctx, depth) ?? unknownValue(node, ctx);
    }
    default:
      return unknownValue(node, ctx);
  }
}

export function unknownValue(node: ts.Node, ctx: TsContext): Value {
  return { kind: 'unknown', span: spanOf(node, ctx), text: nodeText(node, ctx) };
}

export function stringValue(node: ts.StringLiteral | ts.NoSubstitutionTemplateLiteral, ctx: TsContext): StringValue {
  const span = spanOf(node, ctx);
  const quote = ctx.text[span.start] as StringValue['quote'];
  // While typing, the closing quote may be missing.
  const closed = span.end - span.start >= 2 && ctx.text[span.end - 1] === quote;
  return { kind: 'string', value: node.text, span, inner: { start: span.start + 1, end: closed ? span.end - 1 : span.end }, quote };
}

/** `-1`, `+2.5`: a sign applied to a numeric literal is still a literal. */
function signedNumber(node: ts.PrefixUnaryExpression, ctx: TsContext): Value {
  const operand = skipOuter(node.operand);
  const sign = node.operator === ts.SyntaxKind.MinusToken ? -1 : node.operator === ts.SyntaxKind.PlusToken ? 1 : 0;
  if (sign === 0 || !ts.isNumericLiteral(operand)) return unknownValue(node, ctx);
  return { kind: 'number', value: sign * Number(operand.text), raw: nodeText(node, ctx), span: spanOf(node, ctx) };
}

function identifierValue(node: ts.Identifier, ctx: TsContext, depth: number): Value {
  const binding = resolveIdentifier(ctx.index, node);
  if (!binding) {
    if (node.text === 'undefined') return { kind: 'foreign', what: 'undefined', span: spanOf(node, ctx) };
    return unknownValue(node, ctx);
  }
  // A constant another module exports (the workspace index's answer).
  if (binding.kind === 'import') return importedValue(node, ctx) ?? unknownValue(node, ctx);
  // A parameter taken at one call's argument while that call's request is made (requests.ts
  // `perCallSites`), or while that call's return is read (`withArguments`); not one the function
  // writes into (`body.prompt = ...`), which holds more than the call passed.
  const passed = ctx.bound?.get(binding);
  if (passed && !(binding.kind === 'param' && mayBeChanged(binding, ctx, node))) return withBinding(ctx, binding, () => valueOf(passed, ctx, depth + 1)) ?? unknownValue(node, ctx);
  // (A parameter's or a destructured name's default is ruled out where the code tests the name first, as a write's is.)
  if (binding.kind === 'param') return handled(parameterValue(node, binding, ctx, depth), binding, node, ctx);
  if (ts.isVariableDeclaration(binding.node) && ts.isObjectBindingPattern(binding.node.name)) {
    return handled(destructuredValue(node, binding, ctx, depth), binding, node, ctx);
  }
  const bounds = bindingValues(node, ctx, binding);
  if (!bounds) {
    const list = iteratedList(binding);
    return (list && withBinding(ctx, binding, () => elementValue(list, node, ctx, depth))) ?? unknownValue(node, ctx);
  }
  const resolved = withBinding(ctx, binding, () => {
    if (bounds.length === 1) return handledAbsence(writtenValue(bounds[0], node, ctx, depth), binding, node, ctx);
    // One of an `if`/`else`'s or a `switch`'s writes: each is an option, as a conditional's branches are
    // (less those the path that keeps it rules out: not "" after `if (!ext) ext = "png"`).
    const options: Value[] = [];
    for (const bound of bounds) {
      const value = writtenValue(bound, node, ctx, depth);
      for (const option of value.kind === 'alternatives' ? value.options : [value]) {
        if (!bound.kept || !ruledOut(option, bound.kept)) options.push(option);
      }
    }
    // (And null where the code tests it first: `if (endImageId) payload.endFrameImage = { id: endImageId }`.)
    return handledAbsence({ kind: 'alternatives', span: spanOf(node, ctx), options } satisfies AlternativesValue, binding, node, ctx);
  });
  return resolved ?? unknownValue(node, ctx);
}

function handled(value: Value | undefined, binding: Binding, use: ts.Identifier, ctx: TsContext): Value {
  return value ? handledAbsence(value, binding, use, ctx) : unknownValue(use, ctx);
}

/**
 * A name that may hold `undefined` or `null` (`const prompt = i >= 0 ? args[i + 1] : undefined`) and is
 * tested before this use (`if (!prompt) process.exit(1)`, `prompt && ...`, `prompt ?? ...`, `prompt ==
 * null`): the code handles that case, so it is not an option at the use; what else it may hold stays.
 */
function handledAbsence(value: Value, binding: Binding, use: ts.Identifier, ctx: TsContext): Value {
  if (value.kind !== 'alternatives') return value;
  // (A falsy literal too where the test is of truth: `""` after `if (!modelId) return`.)
  const kept = value.options.some((o) => ruledOut(o, 'truthy') && !isAbsent(o)) && truthyBefore(binding, use, ctx) ? 'truthy' : 'present';
  if (!value.options.some((o) => ruledOut(o, kept)) || (kept === 'present' && !testedBefore(binding, use, ctx))) return value;
  const options = value.options.filter((o) => !ruledOut(o, kept));
  return options.length === 1 ? options[0] : Object.assign({}, value, { options });
}

/**
 * The binding is truthy at `use`: an `if (!x)` before it whose branch leaves, or `use` runs only where
 * `x` holds (`if (x) { use }`, `x ? use : ...`, `x && use`), the test being the name alone.
 */
function truthyBefore(binding: Binding, use: ts.Node, ctx: TsContext): boolean {
  return referencesOf(ctx.index, binding.name).some((id) => {
    if (id.end > use.pos || resolveIdentifier(ctx.index, id) !== binding) return false;
    const tested = outermost(id);
    const negation = tested.parent;
    const negated = ts.isPrefixUnaryExpression(negation) && negation.operator === ts.SyntaxKind.ExclamationToken;
    const test = negated ? negation : tested;
    const parent = test.parent;
    if (ts.isIfStatement(parent) && parent.expression === test) return negated ? exits(parent.thenStatement) : holds(parent.thenStatement, use);
    if (negated) return false;
    if (ts.isConditionalExpression(parent) && parent.condition === test) return holds(parent.whenTrue, use);
    return ts.isBinaryExpression(parent) && parent.left === test && parent.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken && holds(parent.right, use);
  });
}

/** A literal the path that keeps a value rules out: a falsy one where it must be truthy, null or undefined where it must be there. */
function ruledOut(value: Value, kept: 'truthy' | 'present'): boolean {
  if (isAbsent(value)) return true;
  if (kept === 'present') return false;
  return (value.kind === 'string' && value.value === '') || (value.kind === 'number' && value.value === 0) || (value.kind === 'boolean' && !value.value);
}

function isAbsent(value: Value): boolean {
  return value.kind === 'null' || (value.kind === 'foreign' && value.what === 'undefined');
}

const TESTS = new Set([ts.SyntaxKind.AmpersandAmpersandToken, ts.SyntaxKind.BarBarToken, ts.SyntaxKind.QuestionQuestionToken]);
const EQUALITIES = new Set([ts.SyntaxKind.EqualsEqualsToken, ts.SyntaxKind.EqualsEqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsToken, ts.SyntaxKind.ExclamationEqualsEqualsToken]);

/**
 * Some use of the binding before `use` tests whether it is there (`!x`, `x == null`, `x &&`, ...) in the
 * condition of an `if` that leaves when the test fails (`if (!prompt) process.exit(1)`), or in a
 * condition that `use` runs only behind (`if (prompt) send(prompt)`, `prompt && send(prompt)`). A test
 * whose outcome the use does not depend on (`if (x) console.log(x)`) handles nothing.
 */
function testedBefore(binding: Binding, use: ts.Node, ctx: TsContext): boolean {
  return referencesOf(ctx.index, binding.name).some((id) => {
    if (id.end > use.pos || resolveIdentifier(ctx.index, id) !== binding || !isPresenceTest(id)) return false;
    for (let node: ts.Node = id; node.parent; node = node.parent) {
      const parent = node.parent;
      if (ts.isFunctionLike(parent)) return false;
      if (ts.isIfStatement(parent) && parent.expression === node) return exits(parent.thenStatement) || holds(parent.thenStatement, use);
      if (ts.isConditionalExpression(parent) && parent.condition === node && holds(parent.whenTrue, use)) return true;
      if (ts.isBinaryExpression(parent) && parent.left === node && TESTS.has(parent.operatorToken.kind) && holds(parent.right, use)) return true;
      if (!ts.isExpression(parent)) return false;
    }
    return false;
  });
}

/** `!x`, `x`, `x == null`, `x === undefined` (and the other equalities): a test of whether `x` is there. */
function isPresenceTest(id: ts.Identifier): boolean {
  const tested = outermost(id);
  const parent = tested.parent;
  if (ts.isPrefixUnaryExpression(parent)) return parent.operator === ts.SyntaxKind.ExclamationToken;
  if (ts.isIfStatement(parent) || ts.isConditionalExpression(parent)) return true;
  if (!ts.isBinaryExpression(parent)) return false;
  const operator = parent.operatorToken.kind;
  // (`if (hd && endImageId)`: the right of an `&&` that is itself a condition is tested too.)
  if (TESTS.has(operator)) return parent.left === tested || (operator === ts.SyntaxKind.AmpersandAmpersandToken && isCondition(parent));
  if (!EQUALITIES.has(operator)) return false;
  const other = skipOuter(parent.left === tested ? parent.right : parent.left);
  return other.kind === ts.SyntaxKind.NullKeyword || (ts.isIdentifier(other) && other.text === 'undefined');
}

/** An expression that is a condition (of an `if`, a `?:`, or inside such a chain of `&&`s). */
function isCondition(expression: ts.Expression): boolean {
  let node: ts.Node = expression;
  while (ts.isParenthesizedExpression(node.parent) || (ts.isBinaryExpression(node.parent) && node.parent.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken)) node = node.parent;
  const parent = node.parent;
  return (ts.isIfStatement(parent) && parent.expression === node) || (ts.isConditionalExpression(parent) && parent.condition === node);
}

/** A statement that leaves what follows it: `return`, `throw`, `continue`, `break`, `process.exit()`, or a block ending so. */
function exits(statement: ts.Statement): boolean {
  if (ts.isBlock(statement)) return statement.statements.length > 0 && exits(statement.statements[statement.statements.length - 1]);
  if (ts.isReturnStatement(statement) || ts.isThrowStatement(statement) || ts.isContinueStatement(statement) || ts.isBreakStatement(statement)) return true;
  return ts.isExpressionStatement(statement) && ts.isCallExpression(statement.expression) && calleeName(statement.expression.expression) === 'process.exit';
}

/** The value a name holds from one write, with what the code adds to each object of it before this use. */
function writtenValue(bound: BoundValue, use: ts.Identifier, ctx: TsContext, depth: number): Value {
  const value = valueOf(bound.expression, ctx, depth + 1);
  if (value.kind === 'object') return composeObject(value, bound, use, ctx, depth);
  if (value.kind === 'alternatives' && value.options.some((o) => o.kind === 'object')) {
    return Object.assign({}, value, { options: value.options.map((o) => (o.kind === 'object' ? composeObject(o, bound, use, ctx, depth) : o)) });
  }
  return value;
}

/**
 * What a parameter holds: an element callback's (`list.map((p) => …)`) each element of its list; a
 * function's or method's, what the calls this file makes pass (`generate({ prompt, num_images: 9 })`),
 * when the function writes nothing into the parameter; calls it cannot see (an exported function, a
 * method) may pass anything, or leave out an argument that has a default. One call gives its
 * argument's value; more, each of them as alternatives. The values' spans are the callers' (a
 * default's, the function's).
 */
function parameterValue(node: ts.Identifier, binding: Binding, ctx: TsContext, depth: number): Value | undefined {
  if (ts.isParameter(binding.node) && ts.isObjectBindingPattern(binding.node.name)) return destructuredValue(node, binding, ctx, depth);
  const list = iteratedList(binding);
  if (list) return withBinding(ctx, binding, () => elementValue(list, node, ctx, depth));
  const parameter = binding.node;
  if (binding.reassigned || !ts.isParameter(parameter) || !ts.isIdentifier(parameter.name)) return undefined;
  // A parameter the function writes into or hands on (`params.modelId = …`, `addDefaults(params)`) holds more than the callers wrote.
  if (mayBeChanged(binding, ctx, node)) return undefined;
  const visible = visibleArguments(parameter, ctx);
  // A default is what a call that leaves the argument out sends (`model = "x"`, as `model ?? "x"` is).
  // A visible call without the argument brings it already. With no visible call at all (an exported
  // function), it is one option beside the unknown: as one call more beside visible ones, read apart it
  // would pair with another parameter's value at a visible call (`generate({ quality }, "gpt-image-2")`
  // beside `model = "flux-pro-2.0"`), which that call does not send together.
  if (!visible) {
    const fallback = parameter.initializer;
    return fallback && withBinding(ctx, binding, () => ({ kind: 'alternatives', span: spanOf(node, ctx), options: [unknownValue(node, ctx), valueOf(fallback, ctx, depth + 1)] }) satisfies AlternativesValue);
  }
  if (visible.args.length > MAX_CALLERS) return undefined;
  // Each call's value is one option (and calls this file cannot see, one unknown option more); two
  // parameters read apart would pair one call's value with another's (a width from one call, a count
  // from the next): several calls only for a use that takes the value whole (the body itself, or
  // spread into it), where each option stays one call's. (Unknown options pair with nothing.)
  const { args, complete } = visible;
  if (args.length > 1 && !takenWhole(node)) return undefined;
  return withBinding(ctx, binding, () => {
    const options = args.map((argument) => valueOf(argument, ctx, depth + 1));
    if (!complete) options.push(unknownValue(node, ctx));
    return options.length === 1 ? options[0] : ({ kind: 'alternatives', span: spanOf(node, ctx), options } satisfies AlternativesValue);
  });
}

/** A use that takes a value whole: spread into an object literal, or handed to a call as an argument (`JSON.stringify(x)`, `axios.post(url, x)`). */
function takenWhole(node: ts.Identifier): boolean {
  const child = outermost(node) as ts.Expression;
  const parent = child.parent;
  return ts.isSpreadAssignment(parent) || (ts.isCallExpression(parent) && parent.arguments.includes(child));
}

/** Beyond this many calls, a parameter's value is left unknown (each call is one more option to judge). */
const MAX_CALLERS = 16;

/**
 * A name an object pattern declares at its top level (`{ prompt, width = 1024 }` of a parameter, or
 * `const { width = 1024 } = options`): in the one object the destructured value is, the property of
 * that key, or the default (`undefined` without one) when the object certainly lacks it. Unknown when
 * the object may hold the key unseen or only on some paths, and when the parameter's function has
 * several calls (or the value several objects).
 */
function destructuredValue(node: ts.Identifier, binding: Binding, ctx: TsContext, depth: number): Value | undefined {
  const declaration = binding.node;
  if (binding.reassigned || !(ts.isParameter(declaration) || ts.isVariableDeclaration(declaration)) || !ts.isObjectBindingPattern(declaration.name)) return undefined;
  const pattern = declaration.name;
  const taken = patternElement(pattern, binding.name);
  if (!taken) return undefined;
  const { element, key } = taken;
  let sources: readonly ts.Expression[] | undefined;
  if (ts.isParameter(declaration)) sources = argumentsOfParameter(declaration, ctx);
  else sources = declaration.initializer ? [declaration.initializer] : undefined;
  // A default with no call to be seen (an exported function's `{ count = 8 }`) is one option beside
  // the unknown, as a plain parameter's is (parameterValue), and as `options.count ?? 8` is.
  const fallback = (): Value | undefined =>
    element.initializer && withBinding(ctx, binding, () => ({ kind: 'alternatives', span: spanOf(node, ctx), options: [unknownValue(node, ctx), valueOf(element.initializer!, ctx, depth + 1)] }) satisfies AlternativesValue);
  if (!sources && ts.isParameter(declaration) && !visibleArguments(declaration, ctx)) return fallback();
  // One object only: the names of a pattern are read apart, and several objects would pair one's
  // width with another's count (see parameterValue).
  if (sources?.length !== 1) return undefined;
  const source = sources[0];
  const value = withBinding(ctx, binding, () => valueOf(source, ctx, depth + 1));
  // `const { steps = 75 } = options`, of an object that cannot be known: its key, or the default.
  if (value?.kind === 'unknown') return fallback();
  return withBinding(ctx, binding, () => {
    if (!value) return undefined;
    if (value.kind === 'alternatives' && pattern.elements.length === 1 && ts.isVariableDeclaration(declaration) && isTableEntry(source)) {
      // `const { modelId } = MODELS[style]`: the key of each entry of the table (a key outside it throws
      // here, sending nothing). One name only: two read apart would pair one entry's with another's.
      const options = value.options.filter((o) => o.kind !== 'unknown').map((o) => (o.kind === 'object' ? propertyValue(o, key) : undefined));
      if (options.length === 0 || options.some((o) => o === undefined)) return undefined;
      return { kind: 'alternatives', span: spanOf(node, ctx), options: options as Value[] } satisfies AlternativesValue;
    }
    if (value.kind !== 'object') return undefined;
    const property = lastProperty(value, key);
    if (property?.conditional) return undefined;
    if (property && !(property.value.kind === 'foreign' && property.value.what === 'undefined')) return property.value;
    // Absent (or `undefined`): the default, when the object certainly lacks the key.
    if (!property && value.hasUnknownKeys) return undefined;
    return element.initializer ? valueOf(element.initializer, ctx, depth + 1) : ({ kind: 'foreign', what: 'undefined', span: spanOf(node, ctx) } satisfies Value);
  });
}

/** `TABLE[key]` for a key the code computes. */
function isTableEntry(source: ts.Expression): boolean {
  const node = skipOuter(source);
  return ts.isElementAccessExpression(node) && !ts.isStringLiteralLike(skipOuter(node.argumentExpression)) && !ts.isNumericLiteral(skipOuter(node.argumentExpression));
}

/** What `object.key` reads: its last property of that key, when it is certainly there. */
function propertyValue(object: ObjectValue, key: string): Value | undefined {
  const property = lastProperty(object, key);
  return property && !property.conditional ? property.value : undefined;
}

/** The last property of `key` an object literal writes (a later one replaces an earlier one). */
function lastProperty(object: ObjectValue, key: string): Property | undefined {
  for (let i = object.properties.length - 1; i >= 0; i--) if (object.properties[i].key === key) return object.properties[i];
  return undefined;
}

/**
 * `requests[i]` for an index the code computes (an index loop's): one of the list's elements, as a
 * `for...of` element is. A known index (`sizes[0]`, or a constant holding one) is not read so: it
 * would judge elements never sent.
 */
function indexedElement(node: ts.ElementAccessExpression, ctx: TsContext, depth: number): Value | undefined {
  const index = skipOuter(node.argumentExpression);
  if (ts.isStringLiteralLike(index) || ts.isNumericLiteral(index) || valueOf(index, ctx, depth + 1).kind !== 'unknown') return undefined;
  return elementValue(node.expression, node, ctx, depth);
}

/**
 * What a loop variable or an element callback's parameter holds: each element of the list in turn
 * (every one of them is sent). A list made by `list.map((x) => value)` holds that value each time;
 * a list with elements that cannot be known may also hold something unknown.
 */
function elementValue(list: ts.Expression, use: ts.Expression, ctx: TsContext, depth: number): Value | undefined {
  const mapped = mappedElement(list, ctx);
  if (mapped) return valueOf(mapped, ctx, depth + 1);
  const value = valueOf(list, ctx, depth + 1);
  if (value.kind !== 'array') return undefined;
  const known = value.elements.filter((element) => element.kind !== 'unknown');
  if (known.length === 0) return undefined;
  if (known.length === 1 && !value.hasUnknownElements) return known[0];
  const options = value.hasUnknownElements || known.length < value.elements.length ? [...known, unknownValue(use, ctx)] : known;
  return { kind: 'alternatives', span: spanOf(use, ctx), options };
}

/** The value each element of `list.map((x) => value)` gets (through names holding it), when the callback has one `return`. */
function mappedElement(list: ts.Expression, ctx: TsContext): ts.Expression | undefined {
  let node = skipOuter(list);
  for (let hops = 0; ts.isIdentifier(node) && hops < 4; hops++) {
    const bound = bindingValue(node, ctx);
    if (!bound) return undefined;
    node = skipOuter(bound.expression);
  }
  if (!ts.isCallExpression(node)) return undefined;
  const callee = skipOuter(node.expression);
  // `list.map(cb)`, or `Array.from({ length: n }, cb)`, whose elements are the callback's too.
  const from = isArrayFrom(callee, ctx);
  const argument = node.arguments[from ? 1 : 0];
  const callback = argument && skipOuter(argument);
  if (!ts.isPropertyAccessExpression(callee) || (callee.name.text !== 'map' && !from) || !callback || !isFunctionNode(callback)) return undefined;
  const returned = returnedExpressions(callback);
  return returned.length === 1 ? returned[0] : undefined;
}

/** What `structuredClone(x)` or `JSON.parse(JSON.stringify(x))` copies: `x` (the globals only). */
function deepCopied(call: ts.CallExpression, ctx: TsContext): ts.Expression | undefined {
  const callee = skipOuter(call.expression);
  const global = (name: ts.Expression, text: string): boolean => ts.isIdentifier(name) && name.text === text && !resolveIdentifier(ctx.index, name);
  if (call.arguments.length !== 1 || ts.isSpreadElement(call.arguments[0])) return undefined;
  if (global(callee, 'structuredClone')) return call.arguments[0];
  const inner = skipOuter(call.arguments[0]);
  if (!ts.isPropertyAccessExpression(callee) || callee.name.text !== 'parse' || !global(skipOuter(callee.expression), 'JSON') || !ts.isCallExpression(inner)) return undefined;
  const stringify = skipOuter(inner.expression);
  const isStringify = ts.isPropertyAccessExpression(stringify) && stringify.name.text === 'stringify' && global(skipOuter(stringify.expression), 'JSON');
  return isStringify && inner.arguments.length === 1 && !ts.isSpreadElement(inner.arguments[0]) ? inner.arguments[0] : undefined;
}

/** `Array.from` (the global). */
function isArrayFrom(callee: ts.Expression, ctx: TsContext): boolean {
  if (!ts.isPropertyAccessExpression(callee) || callee.name.text !== 'from') return false;
  const receiver = skipOuter(callee.expression);
  return ts.isIdentifier(receiver) && receiver.text === 'Array' && !resolveIdentifier(ctx.index, receiver);
}

function arrayValue(node: ts.ArrayLiteralExpression, ctx: TsContext, depth: number): ArrayValue {
  const elements: Value[] = [];
  let hasUnknownElements = false;
  for (const element of node.elements) {
    if (ts.isOmittedExpression(element)) {
      elements.push({ kind: 'null', span: spanOf(element, ctx) });
    } else if (ts.isSpreadElement(element)) {
      const spread = valueOf(element.expression, ctx, depth + 1);
      if (spread.kind === 'array') {
        appendAll(elements, spread.elements);
        hasUnknownElements ||= spread.hasUnknownElements;
      } else {
        hasUnknownElements = true;
      }
    } else {
      elements.push(valueOf(element, ctx, depth + 1));
    }
  }
  return { kind: 'array', span: spanOf(node, ctx), elements, hasUnknownElements };
}

function alternatives(node: ts.Node, branches: ts.Expression[], ctx: TsContext, depth: number): AlternativesValue {
  const options: Value[] = [];
  for (const branch of branches) {
    const value = valueOf(branch, ctx, depth + 1);
    if (value.kind === 'alternatives') appendAll(options, value.options);
    else options.push(value);
  }
  return { kind: 'alternatives', span: spanOf(node, ctx), options };
}

/**
 * `c ? a : b`: either branch. A branch that is what the condition tests (`x ? x : "A"`, `!x ? "A" : x`)
 * is taken only when it holds something, as the left side of `x || "A"` is: an unknown there is present.
 */
function conditionalValue(node: ts.ConditionalExpression, ctx: TsContext, depth: number): Value {
  let tested = skipOuter(node.condition);
  let kept = node.whenTrue;
  if (ts.isPrefixUnaryExpression(tested) && tested.operator === ts.SyntaxKind.ExclamationToken) {
    tested = skipOuter(tested.operand);
    kept = node.whenFalse;
  }
  const branch = skipOuter(kept);
  const same = branch.end - branch.getStart(ctx.sourceFile) === tested.end - tested.getStart(ctx.sourceFile) && branch.getText(ctx.sourceFile) === tested.getText(ctx.sourceFile);
  if (!same) return alternatives(node, [node.whenTrue, node.whenFalse], ctx, depth);
  const options: Value[] = [];
  for (const side of [node.whenTrue, node.whenFalse]) {
    const value = valueOf(side, ctx, depth + 1);
    const flat = value.kind === 'alternatives' ? value.options : [value];
    for (const option of flat) options.push(side === kept && option.kind === 'unknown' ? Object.assign({}, option, { present: true as const }) : option);
  }
  return { kind: 'alternatives', span: spanOf(node, ctx), options };
}

/** `x || "A"`, `x ?? 10`, `c && "A"`: the literal side can be sent, the other side stays unknown. */
function binaryValue(node: ts.BinaryExpression, ctx: TsContext, depth: number): Value {
  switch (node.operatorToken.kind) {
    case ts.SyntaxKind.BarBarToken:
    case ts.SyntaxKind.QuestionQuestionToken: {
      // The left side is sent only when it holds something: an unknown there is present.
      const flat = (value: Value): Value[] => (value.kind === 'alternatives' ? value.options : [value]);
      const left = flat(valueOf(node.left, ctx, depth + 1)).map((option): Value => (option.kind === 'unknown' ? Object.assign({}, option, { present: true as const }) : option));
      return { kind: 'alternatives', span: spanOf(node, ctx), options: [...left, ...flat(valueOf(node.right, ctx, depth + 1))] };
    }
    case ts.SyntaxKind.AmpersandAmpersandToken: {
      const result = alternatives(node, [node.right], ctx, depth);
      result.options.unshift(unknownValue(node.left, ctx));
      return result;
    }
    default:
      return unknownValue(node, ctx);
  }
}

/**
 * A member of an enum the SDK exports (`SdVersions.Sdxl09`, `shared.SdGenerationStyle.Leonardo` through a
 * namespace import): the value it sends. Its span is noted on the index (`enumMembers`): no fix may
 * write a string literal over it, where the SDK's types want the enum.
 */
function sdkEnumMember(node: ts.PropertyAccessExpression | ts.ElementAccessExpression, ctx: TsContext): StringValue | undefined {
  const receiver = skipOuter(node.expression);
  const namespaced = ts.isPropertyAccessExpression(receiver);
  const root = namespaced ? skipOuter(receiver.expression) : receiver;
  if (!ts.isIdentifier(root)) return undefined;
  const binding = resolveIdentifier(ctx.index, root);
  if (binding?.kind !== 'import' || binding.module === undefined || binding.imported === undefined) return undefined;
  const folder = sdkModelsFolder(binding.module);
  const member = folder && accessedKey(node);
  if (!folder || member === undefined) return undefined;
  // `SdVersions.Sdxl09` (a named import), or `shared.SdVersions.Sdxl09` (the whole folder).
  const name = namespaced ? (binding.imported === '*' ? receiver.name.text : undefined) : binding.imported !== '*' && binding.imported !== 'default' ? binding.imported : undefined;
  const value = name === undefined ? undefined : sdkEnumValue(folder, name, member);
  if (value === undefined) return undefined;
  const span = spanOf(node, ctx);
  (ctx.index.enumMembers ??= []).push(span);
  return { kind: 'string', value, span, inner: span, quote: '"' };
}

/**
 * `CONFIG.model` where `CONFIG` is a same-file constant object literal (with what code adds to it),
 * and `this.x`, `Class.x`, `config.nested.x` as the resolver finds them (one writer only).
 */
function memberValue(node: ts.PropertyAccessExpression | ts.ElementAccessExpression, ctx: TsContext, depth: number): Value | undefined {
  if (ctx.instance) {
    const read = instanceRead(node, ctx.instance, ctx, (expression) => valueOf(expression, ctx, depth + 1));
    if (read !== 'none') return read;
  }
  const enumMember = sdkEnumMember(node, ctx);
  if (enumMember) return enumMember;
  const imported = ts.isPropertyAccessExpression(node) ? importedValue(node, ctx) : undefined;
  if (imported) return imported;
  const key = accessedKey(node);
  if (key === undefined) return undefined;
  const receiver = skipOuter(node.expression);
  if (ts.isIdentifier(receiver)) {
    // (An object the code hands to `Object.assign` or to an alias may be written where its name is not.)
    const binding = resolveIdentifier(ctx.index, receiver);
    const literal = binding?.kind === 'const' && binding.initializer !== undefined && ts.isObjectLiteralExpression(unfrozen(binding.initializer));
    if (literal && objectUses(binding, ctx) === 'aliased') return undefined;
    const target = valueOf(node.expression, ctx, depth + 1);
    if (target.kind === 'object') return propertyValue(target, key);
    // One object and what cannot be seen (a method's one call here, `config.width`): the key of that
    // object, or something unknown. (Several objects are not read apart: see parameterValue.)
    if (target.kind === 'alternatives' && target.options.every((o) => o.kind === 'object' || o.kind === 'unknown')) {
      const objects = target.options.filter((o): o is ObjectValue => o.kind === 'object');
      const picked = objects.length === 1 ? propertyValue(objects[0], key) : undefined;
      if (picked) return { kind: 'alternatives', span: spanOf(node, ctx), options: [picked, unknownValue(node, ctx)] };
    }
  }
  const written = memberExpressions(node, ctx);
  return written?.length === 1 ? valueOf(written[0], ctx, depth + 1) : undefined;
}

/**
 * `MODELS[tier]` for a key the code computes: one of the table's values (each judged, as a
 * conditional's branches are), or what a key outside it gives (an unknown option). Several values
 * are not read apart (`MODELS[tier].width` stays unknown), so no two entries are paired. A table of
 * values of different kinds (strings and objects) is read by code that tells them apart
 * (`typeof spec === "string" ? spec : spec.prompt`), which the values do not follow: unknown.
 */
function entryValue(node: ts.ElementAccessExpression, ctx: TsContext, depth: number): Value | undefined {
  const entries = entryExpressions(node, ctx);
  if (!entries) return undefined;
  const options = entries.map((entry) => valueOf(entry, ctx, depth + 1));
  if (options.some((option) => option.kind !== options[0].kind || option.kind === 'alternatives' || option.kind === 'unknown')) return undefined;
  options.push(unknownValue(node, ctx));
  return { kind: 'alternatives', span: spanOf(node, ctx), options };
}

/**
 * What a call evaluates to, when it can be known: `list.map((x) => value)` is a list of such values
 * (how many is not known); `Math.min(n, 8)` is at most 8 and `Math.max(n, 1)` at least 1, so each
 * literal bound is a value it can take; a same-file function with one `return` gives its value.
 */
function callValue(node: ts.CallExpression, ctx: TsContext, depth: number): Value | undefined {
  const callee = skipOuter(node.expression);
  // `structuredClone(DEFAULTS)`, `JSON.parse(JSON.stringify(DEFAULTS))`: a copy, holding what the original holds.
  const copied = deepCopied(node, ctx);
  if (copied) return valueOf(copied, ctx, depth + 1);
  if (ts.isPropertyAccessExpression(callee)) {
    const method = callee.name.text;
    if (method === 'map' || (method === 'from' && isArrayFrom(callee, ctx))) {
      const element = mappedElement(node, ctx);
      return element && { kind: 'array', span: spanOf(node, ctx), elements: [valueOf(element, ctx, depth + 1)], hasUnknownElements: true };
    }
    if ((method === 'min' || method === 'max') && ts.isIdentifier(callee.expression) && callee.expression.text === 'Math' && node.arguments.length >= 2) {
      return resolveIdentifier(ctx.index, callee.expression) ? undefined : boundValue(node, method, ctx, depth);
    }
    if (method === 'assign' && ts.isIdentifier(callee.expression) && callee.expression.text === 'Object') {
      return resolveIdentifier(ctx.index, callee.expression) ? undefined : assignedObject(node, ctx, depth);
    }
    const frozen = unfrozen(node);
    if (frozen !== node) return resolveIdentifier(ctx.index, callee.expression as ts.Identifier) ? undefined : valueOf(frozen, ctx, depth + 1);
  }
  const fn = calledFunction(node, ctx);
  if (!fn) return importedValue(node, ctx);
  const returned = returnedExpressions(fn);
  if (returned.length === 0 || returned.length > MAX_RETURNS) return undefined;
  // A builder's method at the end of a chain of setters (`new B().size(1020, 576).build()`): read on what the chain leaves.
  const instance = ts.isPropertyAccessExpression(callee) && ts.isMethodDeclaration(fn) ? instanceState(callee.expression, fn, ctx) : undefined;
  if (instance) {
    const outer = ctx.instance;
    ctx.instance = instance;
    try {
      return withBinding(ctx, fn, () =>
        withArguments(fn, node, ctx, () => (returned.length === 1 ? valueOf(returned[0], ctx, depth + 1) : alternatives(node, returned, ctx, depth))),
      );
    } finally {
      ctx.instance = outer;
    }
  }
  // Several returns (a `switch` that returns the style): each is a value the call may give, as a
  // conditional's branches are.
  return withBinding(ctx, fn, () =>
    withArguments(fn, node, ctx, () => (returned.length === 1 ? valueOf(returned[0], ctx, depth + 1) : alternatives(node, returned, ctx, depth))),
  );
}

/** Beyond this many `return`s, what a call gives is left unknown (each is one more option to judge). */
const MAX_RETURNS = 8;


/**
 * `Math.min(n, 8, 16)`: the smallest literal is the most it can be, reached when the unknown
 * arguments are larger; with every argument known, that literal is the value. (`Math.max` alike.)
 */
function boundValue(node: ts.CallExpression, method: 'min' | 'max', ctx: TsContext, depth: number): Value | undefined {
  let bound: NumberValue | undefined;
  const unknowns: Value[] = [];
  for (const argument of node.arguments) {
    if (ts.isSpreadElement(argument)) return undefined;
    const value = valueOf(argument, ctx, depth + 1);
    // A value that is one of several (`x ?? 7`, a nested bound) is not a bound of its own.
    if (value.kind === 'unknown' || value.kind === 'alternatives') unknowns.push(unknownValue(argument, ctx));
    else if (value.kind !== 'number') return undefined;
    else if (!bound || (method === 'min' ? value.value < bound.value : value.value > bound.value)) bound = value;
  }
  if (!bound) return undefined;
  return unknowns.length === 0 ? bound : { kind: 'alternatives', span: spanOf(node, ctx), options: [...unknowns, bound] };
}

const FOREIGN_CONSTRUCTORS: Record<string, string> = {
  FormData: 'FormData',
  Blob: 'Blob',
  File: 'File',
  URLSearchParams: 'URLSearchParams',
  ReadableStream: 'stream',
  ArrayBuffer: 'ArrayBuffer',
  Uint8Array: 'Uint8Array',
  Map: 'Map',
  Set: 'Set',
};

const FOREIGN_CALLS: Record<string, string> = {
  'Buffer.from': 'Buffer',
  'Buffer.alloc': 'Buffer',
  'Buffer.concat': 'Buffer',
  createReadStream: 'ReadStream',
  'fs.createReadStream': 'ReadStream',
  readFileSync: 'Buffer',
  'fs.readFileSync': 'Buffer',
  readFile: 'Buffer',
  'fs.readFile': 'Buffer',
  'fs.promises.readFile': 'Buffer',
  'fsp.readFile': 'Buffer',
  'Readable.from': 'stream',
  fileFromPath: 'File',
  fileFrom: 'File',
  blobFrom: 'Blob',
};

/** What a `new X(...)` or a well-known call produces when JSON cannot carry it. */
function foreignValue(node: ts.NewExpression | ts.CallExpression, ctx: TsContext): Value | undefined {
  const callee = calleeName(node.expression);
  if (!callee) return undefined;
  const table = ts.isNewExpression(node) ? FOREIGN_CONSTRUCTORS : FOREIGN_CALLS;
  const what = Object.hasOwn(table, callee) ? table[callee] : undefined;
  if (what) return { kind: 'foreign', what, span: spanOf(node, ctx) };
  // `await res.blob()`, `file.arrayBuffer()`: a binary body read from another object.
  if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
    const method = node.expression.name.text;
    if (method === 'blob') return { kind: 'foreign', what: 'Blob', span: spanOf(node, ctx) };
    if (method === 'arrayBuffer') return { kind: 'foreign', what: 'ArrayBuffer', span: spanOf(node, ctx) };
  }
  return undefined;
}

/** `a.b.c` for a chain of identifiers, else undefined. Iterative: chains can be very long. */
export function calleeName(expression: ts.Expression): string | undefined {
  const names: string[] = [];
  let node = skipOuter(expression);
  while (ts.isPropertyAccessExpression(node)) {
    names.push(node.name.text);
    node = skipOuter(node.expression);
  }
  if (!ts.isIdentifier(node)) return undefined;
  names.push(node.text);
  return names.reverse().join('.');
}

/** The string a same-file expression always evaluates to, when it is one literal string. */
export function constString(expression: ts.Expression, ctx: TsContext): StringValue | undefined {
  const value = valueOf(expression, ctx);
  return value.kind === 'string' ? value : undefined;
}
