// @leonardo-ai/sdk calls: `leonardo.image.createGeneration({...})` (or `leonardo.createGeneration`)
// on an instance of the SDK client (`new Leonardo(...)` from the package, a `this.client` member, or
// a parameter typed `Leonardo`). Bodies use SDK names; the catalogue finds the operation.

import ts from 'typescript';
import type { Catalogue, Endpoint } from '../../../api/types.js';
import type { Related, RequestSite, Value } from '../../types.js';
import { importedFact } from '../../workspace/imported-names.js';
import { bodyValue } from './bodies.js';
import { spanOf, type TsContext } from './context.js';
import { constInitializer, resolveIdentifier, skipOuter } from './scope.js';
import type { Binding } from './file-index.js';

const SDK_MODULE = '@leonardo-ai/sdk';
const CLIENT_CLASS = 'Leonardo';

/**
 * Where the SDK method takes the request body when it is not the first argument
 * (node_modules/@leonardo-ai/sdk/src/sdk/*.ts: `delete3DModelById(id, requestBody?)`).
 */
const BODY_ARGUMENT: Record<string, number> = { delete3DModelById: 1 };

/**
 * Namespaces the SDK renamed: older releases had the generation operations under `sdk.generation`
 * (`sdk.generation.createGeneration({...})`, as their README and much code still have it). Their
 * bodies are the same. Their oldest answers (`createGeneration200ApplicationJSONObject`) are not
 * followed by the flow, which reads an SDK answer only under `.object`, so nothing is said of those reads.
 */
const RENAMED_NAMESPACES: Record<string, string> = { generation: 'image' };

export function sdkSites(ctx: TsContext, catalogue: Catalogue): RequestSite[] {
  // A file that imports neither the SDK nor anything the workspace could say is an SDK client has none.
  if (!importsSdk(ctx) && !ctx.imports) return [];
  const sites: RequestSite[] = [];
  const { calls, calledNames } = ctx.index;
  for (let i = 0; i < calls.length; i++) {
    // Most calls are not SDK operations: the name settles it before the call is looked at.
    const method = calledNames[i];
    if (method === undefined || !catalogue.bySdkMethod(method)) continue;
    const call = calls[i];
    const callee = skipOuter(call.expression);
    if (!ts.isPropertyAccessExpression(callee)) continue;
    const target = operationTarget(skipOuter(callee.expression), ctx);
    if (!target) continue;
    const renamed = target.namespace !== undefined && Object.hasOwn(RENAMED_NAMESPACES, target.namespace) ? RENAMED_NAMESPACES[target.namespace] : undefined;
    const endpoint = catalogue.bySdkMethod(method, target.namespace) ?? (renamed ? catalogue.bySdkMethod(method, renamed) : undefined);
    if (!endpoint) continue;
    const site: RequestSite = { source: 'sdk', naming: 'sdk', method: endpoint.method, endpoint, span: spanOf(call, ctx) };
    if (target.imported) site.related = [target.imported];
    const body = endpoint.hasBody ? call.arguments[BODY_ARGUMENT[method] ?? 0] : undefined;
    if (body) site.body = unwrapRequestBody(bodyValue(body, ctx), endpoint);
    sites.push(site);
  }
  return sites;
}

/** Older SDK releases took `{ id, requestBody: {...} }` for operations with path parameters. */
function unwrapRequestBody(body: Value, endpoint: Endpoint): Value {
  if (body.kind !== 'object' || endpoint.fields.some((f) => f.sdk === 'requestBody')) return body;
  const wrapped = body.properties.find((p) => p.key === 'requestBody');
  return wrapped ? wrapped.value : body;
}

function importsSdk(ctx: TsContext): boolean {
  return ctx.index.imports.some((b) => b.module === SDK_MODULE);
}

/** `new Leonardo({...})` of the SDK's client class (what a module exports as an `sdk-client`). */
export function isSdkClientConstruction(expression: ts.Expression, ctx: TsContext): boolean {
  const node = skipOuter(expression);
  return ts.isNewExpression(node) && importsSdk(ctx) && isClientClass(node.expression, ctx);
}

/**
 * `client` (no namespace) or `client.image` (namespace `image`), or a variable bound to `client.image`;
 * `imported`: the other module's client, when the client is imported.
 */
function operationTarget(receiver: ts.Expression, ctx: TsContext): { namespace?: string; imported?: Related } | undefined {
  const client = (expression: ts.Expression): { imported?: Related } | undefined => {
    if (isClient(expression, ctx)) return {};
    const fact = ctx.imports && ts.isIdentifier(expression) ? importedFact(expression, ctx) : undefined;
    return fact?.kind === 'sdk-client' ? { imported: fact.origin.related } : undefined;
  };
  const whole = client(receiver);
  if (whole) return whole;
  if (ts.isPropertyAccessExpression(receiver)) {
    const owner = client(skipOuter(receiver.expression));
    return owner && Object.assign(owner, { namespace: receiver.name.text });
  }
  if (ts.isIdentifier(receiver)) {
    const initializer = constInitializer(resolveIdentifier(ctx.index, receiver));
    const alias = initializer && skipOuter(initializer);
    const owner = alias && ts.isPropertyAccessExpression(alias) ? client(skipOuter(alias.expression)) : undefined;
    if (owner) return Object.assign(owner, { namespace: (alias as ts.PropertyAccessExpression).name.text });
  }
  return undefined;
}

/** An expression that holds an SDK client instance made in this file (or typed as one). */
function isClient(expression: ts.Expression, ctx: TsContext): boolean {
  if (ts.isNewExpression(expression)) return isClientClass(expression.expression, ctx);
  if (ts.isIdentifier(expression)) {
    const binding = resolveIdentifier(ctx.index, expression);
    if (!binding) return false;
    if (binding.kind === 'param') return isClientType((binding.node as ts.ParameterDeclaration).type, ctx);
    const initializer = constInitializer(binding) ?? declaredOnce(binding);
    const node = initializer && skipOuter(initializer);
    if (node && ts.isNewExpression(node)) return isClientClass(node.expression, ctx);
    return isClientType(declaredType(binding), ctx);
  }
  if (ts.isPropertyAccessExpression(expression) && expression.expression.kind === ts.SyntaxKind.ThisKeyword) {
    const name = expression.name.text;
    for (const initializer of ctx.index.thisMembers.get(name) ?? []) {
      const node = skipOuter(initializer);
      if (ts.isNewExpression(node) && isClientClass(node.expression, ctx)) return true;
    }
    return memberTyped(expression, name, ctx);
  }
  return false;
}

/** A `let client;` assigned once elsewhere has no constant initializer; its declaration may still say `new`. */
function declaredOnce(binding: Binding): ts.Expression | undefined {
  return binding.kind === 'let' || binding.kind === 'var' ? binding.initializer : undefined;
}

function declaredType(binding: Binding): ts.TypeNode | undefined {
  return ts.isVariableDeclaration(binding.node) ? binding.node.type : undefined;
}

/** `this.client` declared in the class as `client: Leonardo` or as a constructor parameter property. */
function memberTyped(access: ts.PropertyAccessExpression, name: string, ctx: TsContext): boolean {
  let cls: ts.Node | undefined = access.parent;
  while (cls && !ts.isClassLike(cls)) cls = cls.parent;
  if (!cls) return false;
  for (const member of cls.members) {
    if (ts.isPropertyDeclaration(member) && ts.isIdentifier(member.name) && member.name.text === name) {
      return isClientType(member.type, ctx);
    }
    if (ts.isConstructorDeclaration(member)) {
      for (const parameter of member.parameters) {
        if (ts.isIdentifier(parameter.name) && parameter.name.text === name && ts.getModifiers(parameter)?.length) {
          return isClientType(parameter.type, ctx);
        }
      }
    }
  }
  return false;
}

function isClientType(type: ts.TypeNode | undefined, ctx: TsContext): boolean {
  return !!type && ts.isTypeReferenceNode(type) && isClientName(type.typeName, ctx);
}

function isClientClass(expression: ts.Expression, ctx: TsContext): boolean {
  const node = skipOuter(expression);
  if (ts.isIdentifier(node)) return isClientName(node, ctx);
  if (ts.isPropertyAccessExpression(node) && node.name.text === CLIENT_CLASS && ts.isIdentifier(node.expression)) {
    const binding = resolveIdentifier(ctx.index, node.expression);
    return binding?.kind === 'import' && binding.module === SDK_MODULE && binding.imported === '*';
  }
  return false;
}

/** `Leonardo` imported (named, default or required) from the SDK, or `sdk.Leonardo` for a namespace import. */
function isClientName(name: ts.EntityName, ctx: TsContext): boolean {
  if (ts.isQualifiedName(name)) {
    if (name.right.text !== CLIENT_CLASS || !ts.isIdentifier(name.left)) return false;
    const binding = resolveIdentifier(ctx.index, name.left);
    return binding?.kind === 'import' && binding.module === SDK_MODULE;
  }
  const binding = resolveIdentifier(ctx.index, name);
  if (binding?.kind !== 'import' || binding.module !== SDK_MODULE) return false;
  return binding.imported === CLIENT_CLASS || binding.imported === 'default';
}
