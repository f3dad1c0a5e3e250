// What an imported name holds, asked of the workspace index from inside the TS/JS extractor: the
// import binding a use refers to (`leonardo`, `api.client`, a namespace's member `leo.generate`),
// and the fact the index has for it. The one place extraction reads the index through a binding.

import ts from 'typescript';
import type { TsContext } from '../extract/ts/context.js';
import { resolveIdentifier, skipOuter } from '../extract/ts/scope.js';
import type { ExportFact } from './types.js';

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
  }
  return undefined;
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
