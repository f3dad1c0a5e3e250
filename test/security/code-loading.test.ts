// The extension never executes workspace code: nothing in our sources or in the built bundles
// evaluates text (`eval`, `new Function`) or loads a module whose name is computed. Our sources are
// checked on their syntax tree; the bundles (which carry TypeScript's parser and the LSP libraries)
// are scanned, and every module they load by name that runs programs or connects must be one of the
// explained ones below.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import ts from 'typescript';
import { ensureBuilt, ROOT } from '../resilience/build.js';

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sources(full);
    return /\.(ts|mts|cts|js|mjs|cjs)$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [full] : [];
  });
}

/** Modules that run programs, open connections or compile code. */
const DANGEROUS_MODULES = /^(?:node:)?(?:child_process|cluster|net|tls|http|https|http2|dgram|dns|vm|worker_threads|inspector)$/;

/** Our own files that may use one of them, and why. */
const ALLOWED_IN_SOURCES: Record<string, { modules: string[]; reason: string }> = {
  'scripts/cached-entry.cjs': {
    modules: ['vm'],
    reason: 'the start-up loader compiles the extension’s own bundle (dist/*-main.js, beside it) with V8’s code cache; no other file',
  },
};

interface Offence {
  file: string;
  line: number;
  what: string;
}

function offencesIn(file: string): Offence[] {
  const text = fs.readFileSync(file, 'utf8');
  const relative = path.relative(ROOT, file).split(path.sep).join('/');
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const allowed = ALLOWED_IN_SOURCES[relative]?.modules ?? [];
  const out: Offence[] = [];
  const report = (node: ts.Node, what: string) =>
    out.push({ file: relative, line: source.getLineAndCharacterOfPosition(node.getStart()).line + 1, what });
  const checkModule = (node: ts.Node, name: string) => {
    if (DANGEROUS_MODULES.test(name) && !allowed.includes(name.replace(/^node:/, ''))) report(node, `loads ${name}`);
  };
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node)) {
      const callee = node.expression;
      const argument = node.arguments[0];
      if (ts.isIdentifier(callee) && (callee.text === 'eval' || callee.text === 'Function')) report(node, `${callee.text}(…)`);
      if ((ts.isIdentifier(callee) && callee.text === 'require') || callee.kind === ts.SyntaxKind.ImportKeyword) {
        if (!argument || !ts.isStringLiteralLike(argument)) report(node, `${callee.getText()}(<computed>)`);
        else checkModule(node, argument.text);
      }
    }
    if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'Function') report(node, 'new Function(…)');
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      checkModule(node, node.moduleSpecifier.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}

test('our sources evaluate no text and load no module by a computed name', () => {
  const files = [...sources(path.join(ROOT, 'server/src')), ...sources(path.join(ROOT, 'client/src')), ...sources(path.join(ROOT, 'scripts')).filter((f) => f.endsWith('cached-entry.cjs')), path.join(ROOT, 'bin/leonardo-lint.js')];
  assert.ok(files.length > 50, `${files.length} files`);
  assert.deepEqual(files.flatMap(offencesIn), []);
});

test('the source check would catch each kind of offence', () => {
  const probe = path.join(ROOT, 'test/security/.probe.ts');
  fs.writeFileSync(probe, "import * as cp from 'node:child_process';\neval('1');\nnew Function('x');\nrequire(name);\nawait import(p);\nrequire('net');\n");
  try {
    assert.deepEqual(
      offencesIn(probe).map((o) => o.what),
      ['loads node:child_process', 'eval(…)', 'new Function(…)', 'require(<computed>)', 'import(<computed>)', 'loads net'],
    );
  } finally {
    fs.rmSync(probe);
  }
});

/** Modules each bundle may require by name, and why the dangerous ones are there. */
const MODULES: Record<string, Record<string, string>> = {
  'server-main.js': {
    child_process: 'vscode-languageserver’s Files.resolveGlobalNodePath/resolveGlobalYarnPath (spawn npm/yarn); the server never calls them',
    net: 'vscode-jsonrpc’s socket and pipe transports; the server is started with --stdio or --node-ipc',
  },
  'cli-main.js': {},
  'client.js': {
    child_process: 'vscode-languageclient starts the extension’s own server (dist/server.js) as a child process',
    net: 'vscode-jsonrpc’s socket and pipe transports; the client talks to the server over IPC',
  },
};

test('the bundles evaluate no text, and load modules by name, the dangerous ones only in the explained cases', () => {
  ensureBuilt();
  for (const bundle of Object.keys(MODULES)) {
    const text = fs.readFileSync(path.join(ROOT, 'dist', bundle), 'utf8');
    assert.deepEqual(text.match(/(?<![\w$.'"])(?:eval|Function)\(/g) ?? [], [], `${bundle}: eval or Function`);
    // A name or member expression as the argument (message texts like `require({2})` are not calls).
    assert.deepEqual(text.match(/(?<![\w$.])require\([A-Za-z_$][\w$.]*\)/g) ?? [], [], `${bundle}: require of a computed name`);
    assert.deepEqual(text.match(/(?<![\w$.`])import\([A-Za-z_$][\w$.]*\)/g) ?? [], [], `${bundle}: import() of a computed name`);
    const required = new Set([...text.matchAll(/(?<![\w$.])require\(["']([^"']+)["']\)/g)].map((m) => m[1].replace(/^node:/, '')));
    const dangerous = [...required].filter((m) => DANGEROUS_MODULES.test(m)).sort();
    assert.deepEqual(dangerous, Object.keys(MODULES[bundle]).sort(), `${bundle}: modules that run programs, connect or compile code`);
  }
});

test('the start-up loaders compile only the bundle beside them', () => {
  ensureBuilt();
  for (const [loader, bundle] of [['server.js', 'server-main.js'], ['cli.js', 'cli-main.js']]) {
    const text = fs.readFileSync(path.join(ROOT, 'dist', loader), 'utf8');
    assert.match(text, new RegExp(`const bundle = path\\.join\\(__dirname, '${bundle.replace('.', '\\.')}'\\);`));
    assert.equal(text.match(/new vm\.Script\(/g)?.length, 1);
    assert.match(text, /new vm\.Script\(Module\.wrap\(source\), \{ filename: bundle, cachedData \}\)/);
    assert.match(text, /const source = fs\.readFileSync\(bundle, 'latin1'\);/);
  }
});
