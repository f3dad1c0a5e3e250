// What an imported name holds, asked of the workspace index from inside the TS/JS extractor: the
// import binding a use refers to (`leonardo`, `api.client`, a namespace's member `leo.generate`),
// and the fact the index has for it. The one place extraction reads the index through a binding.

import ts from 'typescript';
import type { TsContext } from '../extract/ts/context.js';
import { mayBeChanged } from '../extract/ts/bodies.js';
import { resolveIdentifier, skipOuter } from '../extract/ts/scope.js';
import type { ResponseOrigin } from '../flow/types.js';
import type { Value } from '../types.js';
import { fromPlain } from './plain-values.js';
import type { ExportFact, PlainValue } from './types.js';

/**
 * The fact for an expression naming an import: `name` (a named, default or CommonJS import), or
 * `ns.name` through a namespace import / a whole `require`. Undefined for everything else.
 */
export function importedFact(expression: ts.Expression, ctx: TsContext): ExportFact | undefined {
  const imports = ctx.imports;
  if (!imports) return undefined;
  const node = skipOuter(expression);
  if (ts.isIdentifier(node)) {
    const binding = resolveIdentifier(ctx.index, node);
    if (binding?.kind !== 'import' || binding.module === undefined || !isLocalSpecifierLike(binding.module)) return undefined;
    return imports.resolve(binding.module, binding.imported ?? '*');
  }
  if (ts.isPropertyAccessExpression(node) && ts.isIdentifier(node.expression)) {
    const binding = resolveIdentifier(ctx.index, node.expression);
    if (binding?.kind !== 'import' || binding.module === undefined || !isLocalSpecifierLike(binding.module)) return undefined;
    if (binding.imported === '*') return imports.resolve(binding.module, node.name.text);
    // `LEONARDO_MODELS.phoenix`: a property of an imported object of constants.
    const whole = imports.resolve(binding.module, binding.imported ?? '*');
    if (whole?.kind === 'object' && Object.hasOwn(whole.properties, node.name.text)) {
      return { kind: 'string', text: whole.properties[node.name.text], origin: whole.origin };
    }
    const plain = whole?.kind === 'object' ? whole.value : whole?.kind === 'value' && !whole.function ? whole.value : undefined;
    const property = plain && propertyOf(plain, node.name.text);
    if (property) return { kind: 'value', value: property, function: false, origin: whole!.origin };
  }
  return undefined;
}

/** `obj.key` of plain object data: the last property of that key, when it is certainly there. */
function propertyOf(plain: PlainValue, key: string): PlainValue | undefined {
  if (plain.kind !== 'object') return undefined;
  for (let i = plain.properties.length - 1; i >= 0; i--) {
    const property = plain.properties[i];
    if (property.key === key) return property.conditional ? undefined : property.value;
  }
  return undefined;
}

/**
 * The value an expression reads from another module: an imported constant (`DEFAULT_SIZE`,
 * `LEONARDO_MODELS.phoenix`, `...DEFAULT_BODY`) or the result of calling an imported function whose
 * one `return` is known (`buildGenerationBody(prompt)`). Its spans are the expression's, and the
 * expression is recorded on the file index with the other module's place (see plain-values.ts).
 */
export function importedValue(expression: ts.Expression, ctx: TsContext): Value | undefined {
  if (!ctx.imports) return undefined;
  const node = skipOuter(expression);
  const call = ts.isCallExpression(node);
  if (call && node.arguments.some(ts.isSpreadElement)) return undefined;
  // An imported object the file writes to (`DEFAULT_BODY.width = 512`, `addDefaults(DEFAULT_BODY)`) holds what cannot be known here.
  const root = ts.isIdentifier(node) ? node : ts.isPropertyAccessExpression(node) && ts.isIdentifier(node.expression) ? node.expression : undefined;
  const binding = root && resolveIdentifier(ctx.index, root);
  if (binding && mayBeChanged(binding, ctx)) return undefined;
  const fact = importedFact(call ? node.expression : node, ctx);
  if (!fact) return undefined;
  let plain: PlainValue | undefined;
  if (fact.kind === 'value' && fact.function === call) plain = fact.value;
  else if (!call && fact.kind === 'string') plain = { kind: 'string', value: fact.text };
  else if (!call && fact.kind === 'object') plain = fact.value;
  if (!plain) return undefined;
  const span = { start: node.getStart(ctx.sourceFile), end: node.end };
  const imported = (ctx.index.imported ??= new Map());
  imported.set(`${span.start}:${span.end}`, { span, related: fact.origin.related });
  return fromPlain(plain, span);
}

/** The text of an imported string constant (or a property of an imported object of them). */
export function importedString(node: ts.Expression, ctx: TsContext): string | undefined {
  const fact = importedFact(node, ctx);
  return fact?.kind === 'string' ? fact.text : undefined;
}

/**
 * Package names are never the workspace's modules (`axios`, `@leonardo-ai/sdk`): only relative
 * paths, and specifiers an alias may map (`@/lib`, `~/lib`, `src/lib`), are asked about.
 */
function isLocalSpecifierLike(specifier: string): boolean {
  return specifier.length > 0 && !specifier.startsWith('node:');
}

/** What a call to an imported function returns, when its module's flow knows it is (part of) a Leonardo response. */
export function importedReturn(call: ts.CallExpression, ctx: TsContext): ResponseOrigin | undefined {
  if (!ctx.imports) return undefined;
  const fact = importedFact(call.expression, ctx);
  if (fact?.kind !== 'response' && !(fact?.kind === 'wrapper' && fact.responds)) return undefined;
  return ctx.imports.returns(fact.origin.file, fact.origin.name);
}
