// XMLHttpRequest: `xhr.open(method, url)` and the next `xhr.send(body)` on the same object in the
// same function make one request.

import ts from 'typescript';
import type { SendCall } from './calls.js';
import type { TsContext } from './context.js';
import { constInitializer, resolveIdentifier, skipOuter } from './scope.js';
import type { Binding } from './file-index.js';
import { calleeName, constString } from './values.js';

export function xhrSends(ctx: TsContext): SendCall[] {
  const sends: SendCall[] = [];
  const open = new Map<Binding, SendCall>();
  const { calls, calledNames } = ctx.index;
  for (let i = 0; i < calls.length; i++) {
    const member = calledNames[i];
    if (member !== 'open' && member !== 'send') continue;
    const call = calls[i];
    const callee = skipOuter(call.expression);
    if (!ts.isPropertyAccessExpression(callee)) continue;
    const receiver = skipOuter(callee.expression);
    if (!ts.isIdentifier(receiver)) continue;
    const binding = resolveIdentifier(ctx.index, receiver);
    if (!binding || !isXhr(binding)) continue;
    if (member === 'open') {
      const [methodArgument, url] = call.arguments;
      if (!methodArgument || !url) continue;
      const method = constString(methodArgument, ctx);
      const send: SendCall = {
        source: 'xhr',
        call,
        url,
        ...(method ? { method: { value: method.value.toUpperCase(), span: method.inner } } : {}),
        methodExpression: methodArgument,
        headers: [],
        keys: { body: [] },
        openOptions: [],
      };
      sends.push(send);
      open.set(binding, send);
    } else {
      const pending = open.get(binding);
      if (pending && sameFunction(pending.call, call) && call.arguments[0]) pending.body = call.arguments[0];
      open.delete(binding);
    }
  }
  return sends;
}

function isXhr(binding: Binding): boolean {
  const initializer = constInitializer(binding);
  if (!initializer) return false;
  const node = skipOuter(initializer);
  return ts.isNewExpression(node) && calleeName(node.expression)?.replace(/^(window|globalThis|self)\./, '') === 'XMLHttpRequest';
}

function sameFunction(a: ts.Node, b: ts.Node): boolean {
  return enclosing(a) === enclosing(b);
}

function enclosing(node: ts.Node): ts.Node | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (ts.isFunctionLike(current) || ts.isSourceFile(current)) return current;
  }
  return undefined;
}
