// client-exposed-api-key: the key sent to Leonardo (the authorization header of a request, or the
// SDK client's `bearerAuth`) is read from a place that lives in the browser: an environment variable
// a bundler inlines into client code (`NEXT_PUBLIC_*`, `VITE_*`, `REACT_APP_*`, `EXPO_PUBLIC_*`,
// `PUBLIC_*`, ...) or localStorage / sessionStorage. Followed through same-file constants.

import ts from 'typescript';
import { ruleDocsUrl } from '../rule-docs.js';
import { keyHeaders, requestsWithHeaders } from '../auth/headers.js';
import { isTsParsed, type TsParsed } from '../extract/typescript.js';
import { resolveIdentifier, skipOuter } from '../extract/ts/scope.js';
import { exposedReads, type ExposedRead } from '../auth/exposed-env.js';
import { expressionAtOnce } from '../extract/ts/locate.js';
import { keySources } from '../auth/key-sources.js';
import type { Rule } from '../types.js';
import { endpointLabel, literalOptions } from '../body/walk.js';

const ID = 'client-exposed-api-key';
const SDK_MODULES = new Set(['@leonardo-ai/sdk', '@leonardo-ai/sdk/core.js', '@leonardo-ai/sdk/core']);
const SDK_CLASSES = new Set(['Leonardo', 'LeonardoCore']);

export const rule: Rule = {
  meta: {
    id: ID,
    defaultSeverity: 'warning',
    description: 'The Leonardo API key is read from a browser-visible place (a NEXT_PUBLIC_/VITE_/REACT_APP_… variable or localStorage).',
    docsUrl: ruleDocsUrl(ID),
    fixable: false,
  },
  check(ctx) {
    const parsed = ctx.parsed;
    if (!isTsParsed(parsed)) return;
    const reported = new Set<number>();
    const report = (read: ExposedRead, endpoint?: string): void => {
      if (reported.has(read.span.start)) return;
      reported.add(read.span.start);
      ctx.report({ message: message(read), detail: detail(read), span: read.span, fixes: [], endpoint, ...(read.related ? { related: [read.related] } : {}) });
    };
    for (const request of requestsWithHeaders(ctx.requests)) {
      for (const { property } of keyHeaders(request.headers)) {
        for (const option of literalOptions(property.value)) {
          const expression = expressionAtOnce(ctx.memo, parsed.sourceFile, option.span);
          if (expression) for (const read of keySources(expression, parsed).exposed) report(read, endpointLabel(request));
        }
      }
    }
    for (const bearerAuth of sdkBearerAuths(parsed)) {
      for (const read of exposedReads(bearerAuth, parsed)) report(read);
    }
  },
};

function message(read: ExposedRead): string {
  if (read.kind === 'browser-storage') return 'The API key is read in the browser: call Leonardo from server code with a server-only secret.';
  return `The API key is shipped to browsers by ${read.shippedBy}: use a server-only variable (LEONARDO_API_KEY) in server code.`;
}

function detail(read: ExposedRead): string {
  if (read.kind === 'browser-storage') {
    return `The key comes from \`${read.expression}\`: it lives in the browser, so the page's users and scripts can read it and spend your API credits.`;
  }
  return `The key comes from \`${read.expression}\`: ${read.shippedBy} puts this variable into the JavaScript it sends to browsers, so anyone who loads the page can copy the key.`;
}

/** The `bearerAuth` option of every `new Leonardo({...})` (or `LeonardoCore`) of the SDK in the file. */
function sdkBearerAuths(parsed: TsParsed): ts.Expression[] {
  if (!importsSdk(parsed)) return [];
  const out: ts.Expression[] = [];
  for (const node of parsed.index.constructions) {
    if (isSdkClass(node.expression, parsed)) {
      const option = bearerAuthOf(node.arguments?.[0], parsed);
      if (option) out.push(option);
    }
  }
  return out;
}

function importsSdk(parsed: TsParsed): boolean {
  return parsed.index.imports.some((b) => SDK_MODULES.has(b.module ?? ''));
}

function isSdkClass(expression: ts.Expression, parsed: TsParsed): boolean {
  const node = skipOuter(expression);
  if (ts.isIdentifier(node)) {
    const binding = resolveIdentifier(parsed.index, node);
    return binding?.kind === 'import' && SDK_MODULES.has(binding.module ?? '') && (SDK_CLASSES.has(binding.imported ?? '') || binding.imported === 'default');
  }
  if (ts.isPropertyAccessExpression(node) && SDK_CLASSES.has(node.name.text) && ts.isIdentifier(node.expression)) {
    const binding = resolveIdentifier(parsed.index, node.expression);
    return binding?.kind === 'import' && SDK_MODULES.has(binding.module ?? '');
  }
  return false;
}

/** `{ bearerAuth: x }`, `{ bearerAuth }`, or a same-file constant holding such an object. */
function bearerAuthOf(options: ts.Expression | undefined, parsed: TsParsed): ts.Expression | undefined {
  let node = options && skipOuter(options);
  if (node && ts.isIdentifier(node)) {
    const binding = resolveIdentifier(parsed.index, node);
    node = binding?.initializer && !binding.reassigned ? skipOuter(binding.initializer) : undefined;
  }
  if (!node || !ts.isObjectLiteralExpression(node)) return undefined;
  for (const member of node.properties) {
    if (!member.name || !ts.isIdentifier(member.name) || member.name.text !== 'bearerAuth') continue;
    if (ts.isPropertyAssignment(member)) return member.initializer;
    if (ts.isShorthandPropertyAssignment(member)) return member.name;
  }
  return undefined;
}
