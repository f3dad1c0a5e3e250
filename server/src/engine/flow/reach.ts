// Where a response may go: the expressions of the file that may hold a response (or an upload's
// answer), or something a response is read from by a call or a member (a function that returns one,
// an object or class that keeps one), worked out forward from the calls that answer them. It is an
// over-approximation of what the flow (analysis.ts, which works backward from a use) can follow, and
// of what the status comparisons (status-comparisons.ts) read a status through, so a whole-file pass
// may skip every expression outside it without losing an answer: of the thousands of member reads in
// a service file, about one in ten is kept.
//
// Forward, one kind of step for each backward step of the flow:
// - a request, a client call (fetch, axios, ...) and a call of an imported function that returns a
//   response are where responses start;
// - an expression around one holds it too: `await`, parentheses and casts, `a ?? b`, `a || b`,
//   `c && a`, `c ? a : b`, `a.b`, `a[0]`, `a.m()`, `JSON.parse(a)`, `Promise.all(a)`, `String(a)`, the
//   object `{ k: a }` and the list `[a]`, and `p.then(cb)` where `cb` returns it;
// - a name it is declared or assigned with holds it wherever the name is read (destructured names and
//   `for...of` elements too), as does a member `this.k = a` or a class field, read through `this` or
//   a constant holding an object or a `new`;
// - the parameters of a same-file function it is passed to, of the callbacks a call on it is given,
//   and of the constructor of a class it is passed to with `new`;
// - a function that returns one is followed to its calls: a declared function through its name, a
//   method where the resolver finds it called, a function value wherever the value goes.
// Members are taken by name, and a function's parameters all at once, where the flow resolves them
// more narrowly: more is kept, never less.

import ts from 'typescript';
import { bindingNames, callEndsOf, referencesOf, type Binding } from '../extract/ts/file-index.js';
import { propertyKey } from '../extract/ts/objects.js';
import { accessedKey, calledFunction, constantObject, enclosingFunction, functionOfBinding, resolvedCalls, type FunctionNode } from '../extract/ts/resolve.js';
import { resolveIdentifier, skipOuter } from '../extract/ts/scope.js';
import { calleeName } from '../extract/ts/values.js';
import { importedReturn } from '../workspace/imported-names.js';
import type { Flow } from './analysis.js';

const SK = ts.SyntaxKind;

/** The expressions (and destructuring declarations and parameters) a response may reach; worked out once per flow. */
export function responseReach(flow: Flow): ReadonlySet<ts.Node> {
  return flow.derived('response-reach', () => new Reach(flow).run());
}

class Reach {
  private readonly reached = new Set<ts.Node>();
  private readonly pending: ts.Node[] = [];
  private readonly bindings = new Set<Binding>();
  private readonly members = new Set<string>();
  private readonly fed = new Set<ts.Node>();
  private readonly returning = new Set<ts.Node>();
  /** `x["key"]` reads by key (built when a member is first reached). */
  private elementReads?: Map<string, ts.ElementAccessExpression[]>;

  constructor(private readonly flow: Flow) {}

  run(): ReadonlySet<ts.Node> {
    const { calls } = this.flow.index;
    const ends = callEndsOf(this.flow.index);
    // (A call of an imported function is asked about only with a workspace: then every call is.)
    const imports = this.flow.context.imports !== undefined;
    for (let i = 0; i < calls.length; i++) {
      if (!imports && !this.flow.mayRequestOrSendAt(ends[i])) continue;
      const call = calls[i];
      if (this.flow.siteOf(call) || this.flow.send(call) || this.callsImport(call)) this.mark(call);
    }
    for (let node = this.pending.pop(); node; node = this.pending.pop()) this.step(node);
    return this.reached;
  }

  /** `f()`, `ns.f()` of an imported function that returns a response (as the flow asks it: only with a workspace to ask). */
  private callsImport(call: ts.CallExpression): boolean {
    return this.flow.context.imports !== undefined && importedReturn(call, this.flow.context) !== undefined;
  }

  private mark(node: ts.Node): void {
    if (this.reached.has(node)) return;
    this.reached.add(node);
    this.pending.push(node);
  }

  /** One step out from a reached node, to what then holds its value. */
  private step(node: ts.Node): void {
    const parent = node.parent;
    if (!parent) return;
    switch (parent.kind) {
      case SK.ParenthesizedExpression:
      case SK.AsExpression:
      case SK.SatisfiesExpression:
      case SK.NonNullExpression:
      case SK.TypeAssertionExpression:
      case SK.AwaitExpression:
        return this.mark(parent);
      case SK.ConditionalExpression:
        if ((parent as ts.ConditionalExpression).condition !== node) this.mark(parent);
        return;
      case SK.BinaryExpression:
        return this.binary(parent as ts.BinaryExpression, node);
      case SK.PropertyAccessExpression:
      case SK.ElementAccessExpression:
        if ((parent as ts.PropertyAccessExpression | ts.ElementAccessExpression).expression === node) this.mark(parent);
        return;
      case SK.CallExpression:
        return this.call(parent as ts.CallExpression, node);
      case SK.NewExpression:
        if ((parent as ts.NewExpression).expression !== node) this.feedConstructor(parent as ts.NewExpression);
        return;
      case SK.VariableDeclaration: {
        const declaration = parent as ts.VariableDeclaration;
        if (declaration.initializer === node) this.declare(declaration.name, declaration);
        return;
      }
      case SK.ForOfStatement: {
        const loop = parent as ts.ForOfStatement;
        if (loop.expression === node && ts.isVariableDeclarationList(loop.initializer)) {
          for (const declaration of loop.initializer.declarations) this.declare(declaration.name, declaration);
        }
        return;
      }
      case SK.ReturnStatement:
        return this.returns(enclosingFunction(parent));
      case SK.ArrowFunction:
        if ((parent as ts.ArrowFunction).body === node) this.returns(parent as ts.ArrowFunction);
        return;
      case SK.PropertyAssignment:
      case SK.ShorthandPropertyAssignment:
        // `{ key: value }`: the object holds it (a constant's `obj.key` is a read of the object).
        return this.mark(parent.parent);
      case SK.ArrayLiteralExpression:
        // `[first, second]`: the list holds it (handed to `Promise.all`, its names destructured).
        return this.mark(parent);
      case SK.PropertyDeclaration: {
        // A class field's initial value: `this.key` of the class.
        const key = propertyKey((parent as ts.PropertyDeclaration).name, this.flow.context);
        if (key !== undefined) this.member(key);
        return;
      }
      default:
        return;
    }
  }

  private binary(binary: ts.BinaryExpression, node: ts.Node): void {
    switch (binary.operatorToken.kind) {
      case SK.BarBarToken:
      case SK.QuestionQuestionToken:
      case SK.AmpersandAmpersandToken:
        return this.mark(binary);
      case SK.EqualsToken:
        // `x = value` and `this.key = value` (other writes leave a name's value unknown to the flow).
        if (binary.right === node) this.assign(binary.left);
        return;
      default:
        return;
    }
  }

  private assign(target: ts.Expression): void {
    const node = skipOuter(target);
    if (ts.isIdentifier(node)) {
      this.binding(resolveIdentifier(this.flow.index, node));
    } else if ((ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node)) && node.expression.kind === SK.ThisKeyword) {
      const key = accessedKey(node);
      if (key !== undefined) this.member(key);
    }
  }

  /** A declaration whose value is reached: every name it declares (and the declaration, for a destructuring pass). */
  private declare(name: ts.BindingName, declaration: ts.Node): void {
    this.reached.add(declaration);
    for (const id of bindingNames(name)) this.binding(resolveIdentifier(this.flow.index, id));
  }

  private binding(binding: Binding | undefined): void {
    if (!binding || this.bindings.has(binding)) return;
    this.bindings.add(binding);
    for (const use of this.flow.referencesOf(binding)) this.mark(use);
  }

  /** A member that may hold a reached value: its reads where the flow reads members where they were written. */
  private member(key: string): void {
    if (this.members.has(key)) return;
    this.members.add(key);
    for (const id of referencesOf(this.flow.index, key)) {
      const parent = id.parent;
      if (ts.isPropertyAccessExpression(parent) && parent.name === id && this.keepsMembers(parent.expression)) this.mark(parent);
    }
    if (!this.elementReads) {
      this.elementReads = new Map();
      for (const access of this.flow.facts.accesses) {
        if (!ts.isElementAccessExpression(access)) continue;
        const name = accessedKey(access);
        if (name === undefined) continue;
        const list = this.elementReads.get(name);
        if (list) list.push(access);
        else this.elementReads.set(name, [access]);
      }
    }
    for (const access of this.elementReads.get(key) ?? []) if (this.keepsMembers(access.expression)) this.mark(access);
  }

  /**
   * A receiver whose members the flow reads where they were written (analysis.ts `access`): `this`,
   * and a constant holding an object literal or a `new` (`this.key` of its class).
   */
  private keepsMembers(receiver: ts.Expression): boolean {
    const node = skipOuter(receiver);
    return node.kind === SK.ThisKeyword || (ts.isIdentifier(node) && constantObject(node, this.flow.index) !== undefined);
  }

  /**
   * A call a reached value is the callee or an argument of. Called on a response (`res.json()`,
   * `data.items.map(cb)`, `p.then(cb)`): its result, and the callbacks' parameters. Given as an
   * argument: the parameters of the same-file function it calls, and the result of `JSON.parse(text)` and `String(a)`.
   */
  private call(call: ts.CallExpression, node: ts.Node): void {
    if (call.expression === node) {
      this.mark(call);
      for (const argument of call.arguments) {
        const callback = skipOuter(argument);
        if (ts.isArrowFunction(callback) || ts.isFunctionExpression(callback)) this.feed(callback);
        else if (ts.isIdentifier(callback)) {
          const fn = functionOfBinding(resolveIdentifier(this.flow.index, callback));
          if (fn) this.feed(fn);
        }
      }
      return;
    }
    // `p.then(cb)` where `cb` returns a response: the flow reads the chain as what `cb` returns.
    if (call.arguments[0] === node && ts.isPropertyAccessExpression(call.expression) && call.expression.name.text === 'then' && ts.isFunctionLike(skipOuter(node as ts.Expression))) this.mark(call);
    const fn = calledFunction(call, this.flow.context);
    if (fn) this.feed(fn);
    // `String(status)`: the flow gives it no origin, but the status comparisons read a status through it.
    const callee = calleeName(call.expression);
    if (callee === 'JSON.parse' || callee === 'Promise.all' || callee === 'Promise.race' || callee === 'Promise.any' || callee === 'String') this.mark(call);
  }

  /** `new View(response)`: the parameters of the class's constructor (`this.data = data` there). */
  private feedConstructor(construction: ts.NewExpression): void {
    const callee = skipOuter(construction.expression);
    if (!ts.isIdentifier(callee)) return;
    for (const id of referencesOf(this.flow.index, callee.text)) {
      const declaration = id.parent;
      if (!(ts.isClassDeclaration(declaration) || ts.isClassExpression(declaration)) || declaration.name !== id) continue;
      for (const member of declaration.members) if (ts.isConstructorDeclaration(member)) this.feed(member);
    }
  }

  /** A function that may receive a reached value: every parameter may hold it. */
  private feed(fn: FunctionNode): void {
    if (this.fed.has(fn)) return;
    this.fed.add(fn);
    for (const parameter of fn.parameters) this.declare(parameter.name, parameter);
  }

  /**
   * A function that may return a reached value: its calls. A declared function's through its name; a
   * method's (or a function-valued property's) where the flow's resolver finds it called; a function
   * value's wherever the value goes (a constant, an object's property, a callback's call).
   */
  private returns(fn: ts.SignatureDeclaration | undefined): void {
    if (!fn || this.returning.has(fn)) return;
    this.returning.add(fn);
    if (ts.isFunctionDeclaration(fn)) {
      if (fn.name) this.binding(resolveIdentifier(this.flow.index, fn.name));
      return;
    }
    for (const call of resolvedCalls(fn, this.flow.context)) this.mark(call);
    if (ts.isArrowFunction(fn) || ts.isFunctionExpression(fn)) this.mark(fn);
  }
}
