// What flows into a value in TS/JS code, as far as one file shows: a walk through `const`s,
// destructuring, templates, `+`, `??`/`||`, `?:`, `await`, a few string calls, same-file functions'
// returns, members of same-file objects and classes, and what the visible calls pass a parameter.
// The key rules ask it where the key a header sends comes from: a browser-visible read
// (exposed-env.ts) or a key written as a literal (hardcoded-api-key). Syntax only, over the
// extractor's one parse.

import ts from 'typescript';
import type { TsParsed } from '../extract/typescript.js';
import { resolveIdentifier, skipOuter } from '../extract/ts/scope.js';
import { createContext, type TsContext } from '../extract/ts/context.js';
import { bindingValue, calledFunction, classMemberWrites, iteratedList, memberExpressions, objectProperty, patternElement, returnedExpressions, thisClass, visibleArguments } from '../extract/ts/resolve.js';
import type { Binding } from '../extract/ts/file-index.js';
import { calleeName } from '../extract/ts/values.js';
import { appendAll } from '../arrays.js';

/** Calls whose result is made of the string they are called on: `x.trim()`, `x.replace(/"/g, "")`, `x.toString()`. */
const PASS_THROUGH_METHODS = new Set(['trim', 'toString', 'valueOf', 'trimStart', 'trimEnd', 'replace', 'replaceAll', 'slice', 'substring', 'normalize']);
const MAX_STEPS = 200;
/** How deep walks of a member's receiver nest (`options.apiKey` walks `options`). */
const MAX_DEPTH = 2;

/**
 * What a walk's caller does with what it reaches, handed `state` (what it reads and fills in): a
 * module constant, not closures made per walk (see ARCHITECTURE.md, Performance).
 */
export interface SourceVisitor<S> {
  /** Called on each expression reached; true when it is a source, not followed further. */
  source(node: ts.Expression, state: S): boolean;
  /** Called once on each binding reached (a destructured environment object is a source of its own). */
  binding?(binding: Binding, use: ts.Identifier, state: S): void;
}

/** Collects the object literals reached. */
const OBJECT_LITERALS: SourceVisitor<ts.ObjectLiteralExpression[]> = {
  source: (node, objects) => ts.isObjectLiteralExpression(node) && objects.push(node) > 0,
};

/**
 * Walk what flows into `expression`. A parameter is followed to what every call the file can see
 * passes it, also when other modules may call its function: each of those calls sends what it passes
 * (`new Client(process.env.REACT_APP_KEY)` in the module that exports `Client`), which is what a
 * rule looking for one bad source asks.
 */
export function walkSources<S>(expression: ts.Expression, parsed: TsParsed, visitor: SourceVisitor<S>, state: S, depth = 0): void {
  const ctx = createContext(parsed.sourceFile, parsed.index);
  const seen = new Set<Binding | ts.Node>();
  const pending: ts.Expression[] = [expression];
  let steps = 0;
  while (pending.length > 0 && steps++ < MAX_STEPS) {
    const node = skipOuter(pending.pop()!);
    if (visitor.source(node, state)) continue;
    if (ts.isIdentifier(node)) {
      const binding = resolveIdentifier(parsed.index, node);
      if (!binding) continue;
      // A value it holds there, the list it iterates, or what each call of its function passes it. The
      // value is followed once (a `let` written from itself, `key = key.trim()`, holds another value
      // at the use inside its write).
      const value = bindingValue(node, ctx, binding)?.expression ?? iteratedList(binding);
      if (value) {
        if (seen.has(value)) continue;
        seen.add(value);
        pending.push(value);
      }
      if (seen.has(binding)) continue;
      seen.add(binding);
      visitor.binding?.(binding, node, state);
      if (!value && binding.kind === 'param' && !binding.reassigned && ts.isParameter(binding.node) && ts.isIdentifier(binding.node.name)) {
        appendAll(pending, visibleArguments(binding.node, ctx)?.args ?? []);
      } else if (!value && binding.kind === 'param' && ts.isParameter(binding.node) && ts.isObjectBindingPattern(binding.node.name) && depth < MAX_DEPTH) {
        // `createLeonardoApi({ apiKey })`: that key of each object literal the visible calls pass, and its default.
        appendAll(pending, destructuredMembers(binding.node, binding.node.name, binding.name, parsed, ctx, depth));
      }
      continue;
    }
    if (ts.isCallExpression(node)) {
      // `Bearer ${getApiKey()}`: what a same-file function returns.
      const fn = calledFunction(node, ctx);
      if (fn && !seen.has(fn)) {
        seen.add(fn);
        appendAll(pending, returnedExpressions(fn));
        continue;
      }
    }
    if (ts.isPropertyAccessExpression(node)) {
      // `config.apiKey`, `this.apiKey` (a constructor's parameter followed to each `new`); a key of
      // an object read as a whole from where the key is exposed (`JSON.parse(localStorage.getItem("keys")).leonardo`).
      const members =
        memberExpressions(node, ctx) ?? thisMemberWrites(node, ctx) ?? (depth < MAX_DEPTH && ts.isIdentifier(skipOuter(node.expression)) ? literalMembers(node, parsed, depth) : undefined);
      if (members) appendAll(pending, members);
      else pending.push(node.expression);
      continue;
    }
    if (ts.isElementAccessExpression(node)) {
      // `keys[engine]`: an entry of such an object, by a key the code computes.
      pending.push(node.expression);
      continue;
    }
    appendAll(pending, operands(node));
  }
}

/**
 * `options.apiKey` where `options` is a parameter of an exported constructor or function (the
 * resolver answers for none of its members): the key of each object literal the visible calls pass
 * (`new LeonardoClient({ apiKey: process.env.REACT_APP_LEONARDO_KEY })`).
 */
function literalMembers(access: ts.PropertyAccessExpression, parsed: TsParsed, depth: number): ts.Expression[] | undefined {
  const objects: ts.ObjectLiteralExpression[] = [];
  walkSources(access.expression, parsed, OBJECT_LITERALS, objects, depth + 1);
  const found = objects.flatMap((object) => objectProperty(object, access.name.text) ?? []);
  return found.length > 0 ? found : undefined;
}

/** The key a destructured parameter takes (`{ apiKey }`, `{ key: apiKey = "" }`) in each object literal its visible calls pass, and its default. */
function destructuredMembers(parameter: ts.ParameterDeclaration, pattern: ts.ObjectBindingPattern, name: string, parsed: TsParsed, ctx: TsContext, depth: number): ts.Expression[] {
  const taken = patternElement(pattern, name);
  if (!taken) return [];
  const objects: ts.ObjectLiteralExpression[] = [];
  for (const argument of visibleArguments(parameter, ctx)?.args ?? []) {
    walkSources(argument, parsed, OBJECT_LITERALS, objects, depth + 1);
  }
  const found = objects.flatMap((object) => objectProperty(object, taken.key) ?? []);
  return taken.element.initializer ? [...found, taken.element.initializer] : found;
}

/**
 * `this.key` of a class whose members the resolver does not answer for, as some of what it may hold
 * (an exported class may also be made elsewhere): every `this.key = ...` in the class, and a
 * constructor's parameter property of that name, whose visible `new`s the walk follows.
 */
function thisMemberWrites(access: ts.PropertyAccessExpression, ctx: TsContext): ts.Expression[] | undefined {
  if (skipOuter(access.expression).kind !== ts.SyntaxKind.ThisKeyword) return undefined;
  const owner = thisClass(access);
  if (!owner) return undefined;
  const { values, parameter } = classMemberWrites(owner, access.name.text, ctx);
  const out = parameter ? [...values, parameter.name as ts.Identifier] : values;
  return out.length > 0 ? out : undefined;
}

/** The sub-expressions whose value becomes (part of) `node`'s value. */
function operands(node: ts.Expression): ts.Expression[] {
  if (ts.isTemplateExpression(node)) return node.templateSpans.map((s) => s.expression);
  if (ts.isConditionalExpression(node)) return [node.whenTrue, node.whenFalse];
  if (ts.isAwaitExpression(node)) return [node.expression];
  if (ts.isArrowFunction(node) && !ts.isBlock(node.body)) return [node.body];
  if (ts.isBinaryExpression(node)) {
    switch (node.operatorToken.kind) {
      case ts.SyntaxKind.PlusToken:
      case ts.SyntaxKind.QuestionQuestionToken:
      case ts.SyntaxKind.BarBarToken:
      case ts.SyntaxKind.AmpersandAmpersandToken:
        return [node.left, node.right];
      default:
        return [];
    }
  }
  if (ts.isCallExpression(node)) {
    const callee = skipOuter(node.expression);
    if (ts.isIdentifier(callee) && callee.text === 'String' && node.arguments[0]) return [node.arguments[0]];
    if (ts.isPropertyAccessExpression(callee)) {
      if (PASS_THROUGH_METHODS.has(callee.name.text)) return [callee.expression];
      if (calleeName(callee) === 'JSON.parse' && node.arguments[0]) return [node.arguments[0]];
    }
  }
  return [];
}
