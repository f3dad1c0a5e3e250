// TypeScript's parser without the rest of TypeScript: the module the engine is bundled (and unit-tested)
// with in place of the `typescript` package. The engine only parses (createSourceFile, updateSourceFile,
// forEachChild, the node tests and enums), yet the package is one 9 MB file, the checker, emitter,
// language service and tsserver included, and the server paid to read, deserialize and initialise all
// of it on every start. esbuild cannot shake it: it is one closure whose export table names everything.
//
// This takes TypeScript's own file apart, unmodified statement by statement, and keeps the statements
// the engine's names reach:
// - every top-level statement of the file is a unit: a declaration (function, class, var) declares its
//   names; a statement that only initialises a declared name belongs to it (a namespace's
//   `((X2) => {…})(X || (X = {}))`, `X.y = …`, `__export(X, {…})`);
// - the roots are the `ts.<name>`s the engine's (and the bench's) sources read, and the language
//   service's node classes (below); a unit is kept when a kept unit names one of its names (by name, so
//   it over-keeps, never under-keeps: a statement is dropped only when nothing kept can refer to it);
// - a top-level statement that belongs to no name is a side effect of loading TypeScript; none of them
//   is needed to parse, so all are dropped, and REVIEWED_EFFECTS lists them: a TypeScript with a new
//   one fails the build until it is looked at.
// One effect is replaced: the language service installs its node classes (`getText()`, `getStart()`,
// an identifier's `text`) as the parser's allocator when TypeScript loads, and the engine reads them.
// The same classes are installed here, without the symbol, type and signature classes, which pull in
// the language service.
// The output is the kept statements in their original order. esbuild then shakes the bundle further.
'use strict';
const { createHash } = require('node:crypto');
const { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } = require('node:fs');
const { dirname, join } = require('node:path');

const ROOT = join(__dirname, '..');
const TYPESCRIPT_FILE = require.resolve('typescript', { paths: [ROOT] });

const WRAPPER_HEAD = 'var ts = {}; ((module) => {\n';
const WRAPPER_TAIL = '})({ get exports()';

/** The statement that installs the language service's node classes: its names are roots too. */
const ALLOCATOR =
  'setObjectAllocator({ getNodeConstructor: () => NodeObject, getTokenConstructor: () => TokenObject, ' +
  'getIdentifierConstructor: () => IdentifierObject, getPrivateIdentifierConstructor: () => PrivateIdentifierObject, ' +
  'getSourceFileConstructor: () => SourceFileObject });\n';

/** The top-level side effects of TypeScript 5.9's file, by the start of their text: none is needed to parse. */
const REVIEWED_EFFECTS = [
  'if (sys && sys.getEnvironmentVariable) {', // polling intervals and assertion level from the environment
  'if (sys && sys.debugMode) {', // debugger support
  'registerRefactor(', // the language service's refactors (28) and code fixes (70+)
  'registerCodeFix(',
  'setObjectAllocator(getServicesObjectAllocator());', // replaced by ALLOCATOR
  '{\n}', // an empty block in tsserver's protocol
  'module.exports = __toCommonJS(typescript_exports);', // the package's export table, replaced by the engine's names
  'if (typeof console !== "undefined") {', // Debug's logging host
  '0 && (module.exports = {', // the CommonJS export annotation for Node's ESM loader
];

/** Every `ts.<name>` written in the engine (server/src) and the bench, values and types alike. */
function writtenNames() {
  const names = new Set();
  const visit = (dir) => {
    for (const entry of readdirSync(dir).sort()) {
      const full = join(dir, entry);
      if (statSync(full).isDirectory()) {
        if (entry !== 'corpus') visit(full); // bench/corpus: the generated files the bench measures
      } else if (entry.endsWith('.ts')) {
        for (const m of readFileSync(full, 'utf8').matchAll(/\bts\.([A-Za-z_$][\w$]*)/g)) names.add(m[1]);
      }
    }
  };
  visit(join(ROOT, 'server/src'));
  visit(join(ROOT, 'bench'));
  return [...names].sort();
}

/** The TypeScript exports the bundles read: the written names that are values of `ts`. */
function bundleNames(ts) {
  return writtenNames().filter((name) => Object.prototype.hasOwnProperty.call(ts, name));
}

/** The names a statement refers to (every identifier but property and member names; labels are few). */
function referencedNames(ts, node, out) {
  const visit = (n) => {
    if (n.kind === ts.SyntaxKind.Identifier) {
      const p = n.parent;
      const memberName =
        ((ts.isPropertyAccessExpression(p) || ts.isPropertyAssignment(p) || ts.isMethodDeclaration(p) || ts.isPropertyDeclaration(p) ||
          ts.isGetAccessorDeclaration(p) || ts.isSetAccessorDeclaration(p)) && p.name === n) || (ts.isBindingElement(p) && p.propertyName === n);
      if (!memberName) out.add(n.text);
      return;
    }
    ts.forEachChild(n, visit);
  };
  visit(node);
}

/** The name a non-declaration statement initialises, if it only initialises one. */
function ownerOf(ts, statement) {
  if (!ts.isExpressionStatement(statement)) return undefined;
  const e = statement.expression;
  if (ts.isCallExpression(e)) {
    // __export(X, {…})
    if (ts.isIdentifier(e.expression) && e.expression.text === '__export' && e.arguments[0] && ts.isIdentifier(e.arguments[0])) return e.arguments[0].text;
    // ((X2) => {…})(X || (X = {}))
    const arg = e.arguments[0];
    if (e.arguments.length === 1 && arg && ts.isBinaryExpression(arg) && arg.operatorToken.kind === ts.SyntaxKind.BarBarToken && ts.isIdentifier(arg.left)) {
      return arg.left.text;
    }
    return undefined;
  }
  // X.y = …
  if (ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
    let target = e.left;
    while (ts.isPropertyAccessExpression(target) || ts.isElementAccessExpression(target)) target = target.expression;
    if (ts.isIdentifier(target) && target !== e.left && target.text !== 'module') return target.text;
  }
  return undefined;
}

function declaredNames(ts, statement) {
  if ((ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement)) && statement.name) return [statement.name.text];
  if (!ts.isVariableStatement(statement)) return undefined;
  const names = [];
  const bind = (name) => {
    if (ts.isIdentifier(name)) names.push(name.text);
    else for (const element of name.elements) if (!ts.isOmittedExpression(element)) bind(element.name);
  };
  for (const d of statement.declarationList.declarations) bind(d.name);
  return names;
}

/** The parser-only module's source: `format` 'esm' (for esbuild, which shakes it further) or 'cjs' (for Node). */
function buildParserOnly(ts, names, format) {
  const source = readFileSync(TYPESCRIPT_FILE, 'utf8');
  const head = source.indexOf(WRAPPER_HEAD);
  const tail = source.lastIndexOf(WRAPPER_TAIL);
  if (head < 0 || tail < head) throw new Error(`${TYPESCRIPT_FILE}: not the file layout this build knows (TypeScript ${ts.version})`);
  const body = source.slice(head + WRAPPER_HEAD.length, tail);
  const file = ts.createSourceFile('typescript.js', body, ts.ScriptTarget.Latest, true, ts.ScriptKind.JS);
  const units = file.statements.map((statement) => ({ statement, kept: false, refs: undefined }));
  const byName = new Map();
  const claim = (name, unit) => (byName.get(name) ?? byName.set(name, []).get(name)).push(unit);
  const effects = [];
  for (const unit of units) {
    const st = unit.statement;
    if (ts.isExpressionStatement(st) && ts.isStringLiteral(st.expression)) unit.kept = true; // "use strict"
    const declared = declaredNames(ts, st);
    if (declared) for (const name of declared) claim(name, unit);
    else {
      const owner = ownerOf(ts, st);
      if (owner !== undefined) claim(owner, unit);
      else if (!unit.kept) effects.push(body.slice(st.getStart(file), st.end));
    }
  }
  const unreviewed = effects.filter((text) => !REVIEWED_EFFECTS.some((known) => text.startsWith(known)));
  if (unreviewed.length > 0) {
    throw new Error(`TypeScript ${ts.version} has top-level side effects this build has not reviewed:\n${unreviewed.map((t) => `  ${t.slice(0, 100)}`).join('\n')}`);
  }
  const allocatorNames = new Set();
  referencedNames(ts, ts.createSourceFile('allocator.js', ALLOCATOR, ts.ScriptTarget.Latest, true, ts.ScriptKind.JS), allocatorNames);
  const pending = [...names, ...allocatorNames];
  const missing = pending.filter((n) => !byName.has(n));
  if (missing.length > 0) throw new Error(`TypeScript ${ts.version} declares no ${missing.join(', ')} at the top level`);
  const reached = new Set();
  while (pending.length > 0) {
    const name = pending.pop();
    if (reached.has(name)) continue;
    reached.add(name);
    for (const unit of byName.get(name) ?? []) {
      if (unit.refs) continue;
      unit.kept = true;
      unit.refs = new Set();
      referencedNames(ts, unit.statement, unit.refs);
      for (const ref of unit.refs) if (!reached.has(ref) && byName.has(ref)) pending.push(ref);
    }
  }
  const kept = units.filter((u) => u.kept).map((u) => body.slice(u.statement.pos, u.statement.end));
  const table = `{ ${names.join(', ')} }`;
  const exported = format === 'esm' ? `export default ${table};\n` : `module.exports = ${table};\n`;
  return `${kept.join('')}\n${ALLOCATOR}${exported}`;
}

/**
 * The parser-only module for the engine's names, as a file in node_modules/.cache, generated once per
 * TypeScript version, set of written names and version of this script (it takes a couple of seconds;
 * finding it again loads nothing of TypeScript).
 */
function parserOnlyFile(format) {
  const version = JSON.parse(readFileSync(join(dirname(TYPESCRIPT_FILE), '..', 'package.json'), 'utf8')).version;
  const script = readFileSync(__filename);
  const key = createHash('sha256').update(version).update(writtenNames().join(',')).update(script).digest('hex').slice(0, 16);
  const folder = join(ROOT, 'node_modules/.cache/leonardo-lint');
  const file = join(folder, `typescript-parser-${key}.${format === 'esm' ? 'mjs' : 'cjs'}`);
  if (!existsSync(file)) {
    mkdirSync(folder, { recursive: true });
    const suffix = file.slice(file.lastIndexOf('.'));
    for (const old of readdirSync(folder)) {
      if (old.startsWith('typescript-parser-') && old.endsWith(suffix)) rmSync(join(folder, old), { force: true });
    }
    const ts = require(TYPESCRIPT_FILE);
    const partial = `${file}.${process.pid}`;
    writeFileSync(partial, buildParserOnly(ts, bundleNames(ts), format));
    renameSync(partial, file);
  }
  return file;
}

/**
 * The esbuild plugin that gives a bundle the parser-only TypeScript for every `import … from 'typescript'`
 * in its sources (the engine's; in the bench's bundle the baselines' too, so that the engine and its
 * baseline parse with one TypeScript, as the server does). All of them resolve to the one generated
 * file, so a bundle holds one TypeScript, and its export is a plain object (the package's exports are
 * getters: the engine reads `ts.SyntaxKind.X` and `ts.isX` hundreds of thousands of times per large file).
 */
const parserOnlyTypeScript = {
  name: 'parser-only-typescript',
  setup(build) {
    let file;
    build.onResolve({ filter: /^typescript$/ }, () => {
      file ??= parserOnlyFile('esm');
      return { path: file };
    });
  },
};

module.exports = { bundleNames, parserOnlyFile, parserOnlyTypeScript };
