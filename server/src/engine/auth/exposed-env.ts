// Where a value in TS/JS code comes from, as far as one file shows: followed through `const`s,
// destructuring, templates, `+`, `??`/`||`, `?:`, `await` and a few string calls, down to the reads
// that put a secret in the browser: an environment variable a bundler inlines into client code
// (`process.env.NEXT_PUBLIC_*`, `import.meta.env.VITE_*`, SvelteKit's `$env/static/public`, ...)
// or browser storage (`localStorage.getItem(...)`). Syntax only, over the extractor's one parse.

import ts from 'typescript';
import type { TsParsed } from '../extract/typescript.js';
import { resolveIdentifier, skipOuter } from '../extract/ts/scope.js';
import { walkSources, type SourceVisitor } from './value-sources.js';
import type { Binding } from '../extract/ts/file-index.js';
import type { Related, Span } from '../types.js';
import type { ExportFact } from '../workspace/types.js';

export interface ExposedRead {
  kind: 'public-env' | 'browser-storage';
  /** The read as written, on one line (`process.env.NEXT_PUBLIC_LEONARDO_KEY`, `localStorage.getItem("key")`). */
  expression: string;
  /** Who ships the variable to browsers (`Next.js`), for public environment variables. */
  shippedBy?: string;
  span: Span;
  /** Set when the read is in another module (an imported constant or key function): where it is read. */
  related?: Related;
}

/** Prefixes of environment variables that bundlers inline into client code, with who does it. */
const PUBLIC_PREFIXES: ReadonlyArray<[string, string]> = [
  ['NEXT_PUBLIC_', 'Next.js'],
  ['NUXT_PUBLIC_', 'Nuxt'],
  ['VITE_', 'Vite'],
  ['REACT_APP_', 'Create React App'],
  ['EXPO_PUBLIC_', 'Expo'],
  ['GATSBY_', 'Gatsby'],
  ['VUE_APP_', 'Vue CLI'],
  ['PUBLIC_', 'SvelteKit and Astro'],
];

const PUBLIC_ENV_MODULES = new Set(['$env/static/public', '$env/dynamic/public']);
const STORAGE = new Set(['localStorage', 'sessionStorage']);
const GLOBAL_OBJECTS = new Set(['window', 'globalThis', 'self']);

/**
 * Whether a TS/JS module runs in the browser by its own word: a `"use client"` directive (React Server
 * Components, Next.js) in its directive prologue, after comments and other directives. There
 * `process.env.X` is undefined (only public variables are inlined), so a key cannot be read from it.
 */
export function isClientModule(text: string): boolean {
  // Scanned by hand, not by a regular expression: a pattern for "comments, then directives" backtracks
  // exponentially over a run of comments, and the prologue is a few tokens read once.
  const end = Math.min(text.length, 4096);
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  while (i < end) {
    const c = text[i];
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') i++;
    else if (text.startsWith('//', i)) {
      const newline = text.indexOf('\n', i);
      i = newline < 0 ? end : newline + 1;
    } else if (text.startsWith('/*', i)) {
      const close = text.indexOf('*/', i + 2);
      if (close < 0) return false;
      i = close + 2;
    } else if (c === '"' || c === "'") {
      // A directive: a plain string statement (`'use strict';`), the last one possibly `use client`.
      const close = text.indexOf(c, i + 1);
      if (close < 0 || close > end) return false;
      const directive = text.slice(i + 1, close);
      if (directive === 'use client') return true;
      if (!/^[\w -]*$/.test(directive)) return false;
      i = close + 1;
      if (text[i] === ';') i++;
    } else return false;
  }
  return false;
}

/** Who inlines an environment variable of this name into browser code, if anyone. */
function publicEnvBundler(name: string): string | undefined {
  return PUBLIC_PREFIXES.find(([prefix]) => name.startsWith(prefix))?.[1];
}

/** The reads of browser-visible sources that flow into `expression`. */
export function exposedReads(expression: ts.Expression, parsed: TsParsed): ExposedRead[] {
  const out: ExposedRead[] = [];
  walkSources(expression, parsed, EXPOSED, { parsed, out });
  return out;
}

/** A walk's visitor that stops at each browser-visible read it reaches and adds it to `out`. */
export const EXPOSED: SourceVisitor<{ readonly parsed: TsParsed; readonly out: ExposedRead[] }> = {
  source(node, { parsed, out }) {
    const read = exposedRead(node, parsed) ?? importedRead(node, parsed);
    if (read) out.push(read);
    return read !== undefined;
  },
  binding(binding, use, { parsed, out }) {
    const bound = bindingRead(binding, use, parsed);
    if (bound) out.push(bound);
  },
};

/**
 * An imported constant (`API_KEY`) or a call of an imported function (`getApiKey()`) that the
 * workspace index knows reads a browser-visible place in its own module: reported at the use here,
 * the module's read as related information.
 */
function importedRead(node: ts.Expression, parsed: TsParsed): ExposedRead | undefined {
  if (!parsed.imports) return undefined;
  const call = ts.isCallExpression(node) ? node : undefined;
  const name = skipOuter(call ? call.expression : node);
  if (!ts.isIdentifier(name)) return undefined;
  const binding = resolveIdentifier(parsed.index, name);
  if (binding?.kind !== 'import' || binding.module === undefined || PUBLIC_ENV_MODULES.has(binding.module)) return undefined;
  const fact: ExportFact | undefined = parsed.imports.resolve(binding.module, binding.imported ?? '*');
  if (fact?.kind !== 'exposed' || fact.function !== (call !== undefined)) return undefined;
  const read: ExposedRead = { kind: fact.read.kind, expression: fact.read.expression, span: spanOf(node, parsed), related: fact.origin.related };
  if (fact.read.shippedBy) read.shippedBy = fact.read.shippedBy;
  return read;
}

/** `process.env.X`, `import.meta.env.X`, `env.X` (SvelteKit dynamic), `localStorage.getItem(...)`, `localStorage.x`. */
function exposedRead(node: ts.Expression, parsed: TsParsed): ExposedRead | undefined {
  if (ts.isCallExpression(node)) {
    const callee = skipOuter(node.expression);
    if (ts.isPropertyAccessExpression(callee) && callee.name.text === 'getItem' && isStorage(callee.expression, parsed)) {
      return storageRead(node, parsed);
    }
    return undefined;
  }
  if (!ts.isPropertyAccessExpression(node) && !ts.isElementAccessExpression(node)) return undefined;
  const name = memberName(node);
  if (name === undefined) return undefined;
  const receiver = skipOuter(node.expression);
  if (isStorage(receiver, parsed)) return storageRead(node, parsed);
  if (!isEnvObject(receiver, parsed)) return undefined;
  const shippedBy = publicEnvBundler(name);
  return shippedBy ? { kind: 'public-env', expression: text(node, parsed), shippedBy, span: spanOf(node, parsed) } : undefined;
}

/** A binding that is itself a read: `const { NEXT_PUBLIC_KEY } = process.env`, `import { PUBLIC_KEY } from '$env/static/public'`. */
function bindingRead(binding: Binding, use: ts.Identifier, parsed: TsParsed): ExposedRead | undefined {
  if (binding.kind === 'import') {
    if (!PUBLIC_ENV_MODULES.has(binding.module ?? '') || binding.imported === '*' || binding.imported === 'default') return undefined;
    const name = binding.imported ?? use.text;
    if (!publicEnvBundler(name)) return undefined;
    return { kind: 'public-env', expression: `${name} from '${binding.module}'`, shippedBy: 'SvelteKit', span: spanOf(binding.node, parsed) };
  }
  const declaration = binding.node;
  if (!ts.isVariableDeclaration(declaration) || !ts.isObjectBindingPattern(declaration.name) || !declaration.initializer) return undefined;
  if (!isEnvObject(skipOuter(declaration.initializer), parsed)) return undefined;
  for (const element of declaration.name.elements) {
    if (!ts.isIdentifier(element.name) || element.name.text !== binding.name) continue;
    const property = element.propertyName;
    const name = property && (ts.isIdentifier(property) || ts.isStringLiteral(property)) ? property.text : binding.name;
    const shippedBy = publicEnvBundler(name);
    if (!shippedBy) return undefined;
    return { kind: 'public-env', expression: `${name} from ${text(declaration.initializer, parsed)}`, shippedBy, span: spanOf(element, parsed) };
  }
  return undefined;
}

function storageRead(node: ts.Expression, parsed: TsParsed): ExposedRead {
  return { kind: 'browser-storage', expression: text(node, parsed), span: spanOf(node, parsed) };
}

/** `process.env`, `import.meta.env`, or `env` imported from SvelteKit's `$env/dynamic/public`. */
function isEnvObject(node: ts.Expression, parsed: TsParsed): boolean {
  if (ts.isPropertyAccessExpression(node) && node.name.text === 'env') {
    const receiver = skipOuter(node.expression);
    if (ts.isMetaProperty(receiver)) return receiver.keywordToken === ts.SyntaxKind.ImportKeyword && receiver.name.text === 'meta';
    if (!ts.isIdentifier(receiver) || receiver.text !== 'process') return false;
    const binding = resolveIdentifier(parsed.index, receiver);
    return !binding || (binding.kind === 'import' && (binding.module === 'process' || binding.module === 'node:process'));
  }
  if (ts.isIdentifier(node)) {
    const binding = resolveIdentifier(parsed.index, node);
    return binding?.kind === 'import' && binding.module === '$env/dynamic/public' && binding.imported === 'env';
  }
  return false;
}

/** `localStorage`, `window.localStorage`, `sessionStorage` (not a local variable of that name). */
function isStorage(expression: ts.Expression, parsed: TsParsed): boolean {
  const node = skipOuter(expression);
  if (ts.isIdentifier(node)) return STORAGE.has(node.text) && !resolveIdentifier(parsed.index, node);
  if (ts.isPropertyAccessExpression(node) && STORAGE.has(node.name.text)) {
    const receiver = skipOuter(node.expression);
    return ts.isIdentifier(receiver) && GLOBAL_OBJECTS.has(receiver.text) && !resolveIdentifier(parsed.index, receiver);
  }
  return false;
}

function memberName(node: ts.PropertyAccessExpression | ts.ElementAccessExpression): string | undefined {
  if (ts.isPropertyAccessExpression(node)) return node.name.text;
  const argument = skipOuter(node.argumentExpression);
  return ts.isStringLiteralLike(argument) ? argument.text : undefined;
}

function spanOf(node: ts.Node, parsed: TsParsed): Span {
  return { start: node.getStart(parsed.sourceFile), end: node.end };
}

function text(node: ts.Node, parsed: TsParsed): string {
  // Only the head is shown: a long expression is cut before its line breaks are folded (linear).
  const start = node.getStart(parsed.sourceFile);
  const written = parsed.sourceFile.text.slice(start, Math.min(node.end, start + 320)).replace(/\s*[\r\n]\s*/g, ' ');
  return written.length > 80 ? `${written.slice(0, 79)}…` : written;
}
