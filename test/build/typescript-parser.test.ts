// The parser-only TypeScript the engine is bundled with (scripts/typescript-parser.cjs) against the
// `typescript` package: the same trees, incremental updates and parse errors on real code; nothing it
// keeps refers to a statement it dropped; and the engine reads TypeScript only in the form the build
// derives its names from.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as esbuild from 'esbuild';
import ts from 'typescript';
import { ROOT } from '../resilience/build.js';

interface Generator {
  parserOnlyFile(this: void, format: 'esm' | 'cjs'): string;
  bundleNames(this: void, typescript: typeof ts): string[];
}

// The generator is a CommonJS build script, and the module it writes is CommonJS: both loaded by path.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const generator = require(path.join(ROOT, 'scripts/typescript-parser.cjs')) as Generator;

/** The module `npm test` hands the engine (scripts/engine-typescript.cjs). */
function parserOnly(): typeof ts {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(generator.parserOnlyFile('cjs')) as typeof ts;
}

function files(dir: string, pattern: RegExp): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : files(full, pattern);
    return pattern.test(entry.name) ? [full] : [];
  });
}

/** Real code of every kind the engine parses: the engine's own sources, the examples, the test fixtures. */
function corpus(): { file: string; kind: ts.ScriptKind; text: string }[] {
  const kinds: Record<string, ts.ScriptKind> = { '.ts': ts.ScriptKind.TS, '.tsx': ts.ScriptKind.TSX, '.js': ts.ScriptKind.JS, '.mjs': ts.ScriptKind.JS, '.jsx': ts.ScriptKind.JSX };
  return [...files(path.join(ROOT, 'server/src'), /\.ts$/), ...files(path.join(ROOT, 'examples'), /\.(tsx?|m?js|jsx)$/), ...files(path.join(ROOT, 'test'), /\.(tsx?|m?js|jsx)$/)]
    .map((file) => ({ file, kind: kinds[path.extname(file)], text: fs.readFileSync(file, 'utf8') }));
}

/** Every node's class, kind, flags, extents and data, in order, parents checked; and the parse errors. */
function dump(source: ts.SourceFile): string[] {
  const out: string[] = [];
  const visit = (node: ts.Node, parent: ts.Node | undefined): void => {
    assert.equal(node.parent, parent, `the parent of a ${ts.SyntaxKind[node.kind]} at ${node.pos}`);
    const data = Object.entries(node)
      .filter(([key, value]) => key !== 'parent' && (value === null || typeof value !== 'object'))
      .map(([key, value]) => `${key}=${String(value)}`);
    const text = ts.isIdentifier(node) || ts.isPrivateIdentifier(node) ? ` text=${node.text}` : '';
    out.push(`${node.constructor.name} ${ts.SyntaxKind[node.kind]} ${node.getStart(source)} ${data.join(' ')}${text}`);
    ts.forEachChild(node, (child) => visit(child, node));
  };
  visit(source, undefined);
  for (const d of (source as unknown as { parseDiagnostics: ts.DiagnosticWithLocation[] }).parseDiagnostics) out.push(`error ${d.code} ${d.start} ${d.length}`);
  return out;
}

test('the parser-only TypeScript parses real code of every kind to the same trees and errors as the package', () => {
  const parser = parserOnly();
  assert.notEqual(parser.createSourceFile, ts.createSourceFile, 'the test compares two TypeScripts');
  const documents = corpus();
  assert.ok(documents.length > 150, `${documents.length} documents`);
  for (const { file, kind, text } of documents) {
    const mine = parser.createSourceFile(file, text, parser.ScriptTarget.Latest, true, kind);
    const theirs = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, kind);
    assert.deepEqual(dump(mine), dump(theirs), path.relative(ROOT, file));
    assert.deepEqual(mine.getLineAndCharacterOfPosition(text.length), theirs.getLineAndCharacterOfPosition(text.length));
  }
});

test('the parser-only TypeScript updates a tree incrementally as the package does', () => {
  const parser = parserOnly();
  const documents = corpus().filter((d) => d.text.length > 2000).slice(0, 40);
  assert.ok(documents.length >= 20);
  for (const { file, kind, text } of documents) {
    let mine = parser.createSourceFile(file, text, parser.ScriptTarget.Latest, true, kind);
    let theirs = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, kind);
    let current = text;
    // Edits spread through the file: a character typed, one deleted, a brace opened (a parse error).
    for (const [k, edit] of ['x', '', '{'].entries()) {
      const at = Math.floor(((k + 1) * current.length) / 4);
      const length = edit === '' ? 1 : 0;
      current = current.slice(0, at) + edit + current.slice(at + length);
      const change = { span: { start: at, length }, newLength: edit.length };
      mine = parser.updateSourceFile(mine, current, change);
      theirs = ts.updateSourceFile(theirs, current, change);
      assert.deepEqual(dump(mine), dump(theirs), `${path.relative(ROOT, file)}, edit ${k}`);
    }
  }
});

test('nothing the parser-only TypeScript keeps refers to a statement of the package it dropped', async () => {
  const { parserOnlyFile } = generator;
  // Minified, every name bound in the module is renamed; a name left as written is free: a global, or a
  // top-level name of the package that the module lacks.
  const minified = await esbuild.build({
    entryPoints: [parserOnlyFile('esm')],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'node',
    minifyIdentifiers: true,
    logLevel: 'silent',
  });
  const module = ts.createSourceFile('parser-only.js', minified.outputFiles[0].text, ts.ScriptTarget.Latest, true, ts.ScriptKind.JS);
  const packageSource = fs.readFileSync(require.resolve('typescript'), 'utf8');
  const topLevel = new Set([...packageSource.matchAll(/^(?:function\*? |var |class )([A-Za-z_$][\w$]*)/gm)].map((m) => m[1]));
  assert.ok(topLevel.size > 5000, `${topLevel.size} top-level names in the package`);
  const free = new Set<string>();
  const visit = (node: ts.Node): void => {
    if (ts.isIdentifier(node) && topLevel.has(node.text)) {
      const p = node.parent;
      const member =
        ((ts.isPropertyAccessExpression(p) || ts.isPropertyAssignment(p) || ts.isMethodDeclaration(p) || ts.isPropertyDeclaration(p) || ts.isGetAccessor(p) || ts.isSetAccessor(p)) && p.name === node) ||
        (ts.isBindingElement(p) && p.propertyName === node);
      if (!member && node.text.length > 3) free.add(node.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(module);
  assert.deepEqual([...free].sort(), []);
});

test('the engine reads TypeScript only as `ts.<name>`, the form the build takes its names from', () => {
  const { bundleNames } = generator;
  const names = bundleNames(ts);
  assert.ok(names.includes('createSourceFile') && names.includes('updateSourceFile') && names.includes('SyntaxKind'), names.join(', '));
  const parser = parserOnly();
  assert.deepEqual(names.filter((name) => !(name in parser)), []);
  // The form itself (only `import ts from 'typescript'`) is an ESLint rule (eslint.config.mjs, no-restricted-syntax).
});
