// resolveIdentifier finds a use's binding by position (the scopes that declare its name, and the
// innermost of them holding the use) instead of walking up the use's parents. These tests hold it to
// the walk, the definition it shortcuts, on every identifier of real code, of code written to trip
// it, and of files the incremental parser updated.

import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import ts from 'typescript';
import { serviceFile } from '../../bench/corpus.js';
import { Random } from '../../bench/random.js';
import { analyze } from '../../server/src/engine/analyze.js';
import { isTsParsed } from '../../server/src/engine/extract/typescript.js';
import { resolveIdentifier } from '../../server/src/engine/extract/ts/scope.js';
import { buildIndex, updateIndex, type Binding, type FileIndex } from '../../server/src/engine/extract/ts/file-index.js';
import type { Rule } from '../../server/src/engine/types.js';

const ROOT = path.resolve(__dirname, '../..');

/** The definition: up the parent chain to the nearest scope that declares the name. */
function byWalking(scopes: ReadonlyMap<ts.Node, ReadonlyMap<string, Binding>>, id: ts.Identifier): Binding | undefined {
  for (let node: ts.Node | undefined = id.parent; node; node = node.parent) {
    const binding = scopes.get(node)?.get(id.text);
    if (binding) return binding;
  }
  return undefined;
}

/** Every identifier of the file resolved both ways; the number resolved to a binding. */
function compareAll(index: FileIndex, sourceFile: ts.SourceFile, label: string): number {
  let bound = 0;
  const scopes = index.scopes;
  const visit = (node: ts.Node): void => {
    if (ts.isIdentifier(node)) {
      const expected = byWalking(scopes, node);
      assert.equal(resolveIdentifier(index, node), expected, `${label}: "${node.text}" at ${node.pos}`);
      if (expected) bound++;
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return bound;
}

/** The file indexed whole (one piece) and by top-level statements (as while it is edited), each from a parse of its own. */
function indexesOf(file: string, text: string): Array<{ sourceFile: ts.SourceFile; index: FileIndex; label: string }> {
  const kind = /\.tsx$/.test(file) ? ts.ScriptKind.TSX : /\.jsx?$|\.mjs$/.test(file) ? ts.ScriptKind.JS : ts.ScriptKind.TS;
  const parse = () => ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false, kind);
  const whole = parse();
  const byStatement = parse();
  return [
    { sourceFile: whole, index: buildIndex(whole), label: `${file} (whole)` },
    { sourceFile: byStatement, index: updateIndex(byStatement, undefined).index, label: `${file} (by statement)` },
  ];
}

function compareBoth(file: string, text: string): number {
  return indexesOf(file, text).reduce((bound, { sourceFile, index, label }) => bound + compareAll(index, sourceFile, label), 0);
}

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sources(full);
    return /\.(tsx?|m?js|jsx)$/.test(entry.name) ? [full] : [];
  });
}

describe('resolving an identifier', () => {
  it('finds the binding the parent walk finds, for every identifier of real code', () => {
    const files = ['server/src', 'examples', 'test', 'bench', 'scripts'].flatMap((dir) => sources(path.join(ROOT, dir)));
    let bound = 0;
    for (const file of files) bound += compareBoth(path.relative(ROOT, file), fs.readFileSync(file, 'utf8'));
    bound += compareBoth('service.ts', serviceFile(new Random(5), 3000, 40));
    assert.ok(files.length > 150 && bound > 50_000, `${files.length} files, ${bound} uses of a binding`);
  });

  it('tells nested scopes that start at one place apart, and a shadowing name from the one it shadows', () => {
    const cases = [
      // The function is the file's first statement and its last: it and the file span the same text.
      'function x(x) { return x }',
      'function x(x) { return x }\nx(1)',
      // A block first in the file, and the file, declaring one name: the block's is found first by start.
      '{ let a = 1; a } let a = 2; a',
      'for (let i = 0; i < 1; i++) i; let i = 1; i',
      'const f = (f) => f; f(f)',
      'class C { m(C) { return C } }\nnew C()',
      '(function g(g) { return g })(1)',
      'const k = class k { static m() { return k } }',
      'try { } catch (e) { e } e',
      'for (const i of [1]) { for (const i of [2]) i } i',
      'let a = 1; { let a = 2; { a } a } a',
      'switch (1) { case 1: let s = 1; s }',
      'var v; function h() { var v; return v } v',
      'import d from "m"; function u(d) { return d } d',
      'export {}; declare module "m" { const q: number; export { q } }',
    ];
    for (const text of cases) assert.ok(compareBoth('case.ts', text) > 0, text);
  });

  it('looks up the long way past many scopes declaring the same name, and for the empty names of parse errors', () => {
    const many = Array.from({ length: 30 }, (_, i) => `function f${i}(data) { return data.id }`).join('\n');
    // In one statement: the use after thirty functions of its own `data` reads the block's.
    const inBlock = `{\n  let data = 1;\n${many}\n  data;\n}`;
    const outer = `const data = 1;\n${many}\nconst g = () => data;\n${inBlock}\nexport const h = data;`;
    const broken = 'const = 1; function (a, , b) { return a + }\nlet { x: } = y; x. ; new ( ; class { m( }';
    // A missing operand (a name of no width) where a function whose rest parameter has no name starts,
    // and one at the end of a statement, inside an arrow function with such a parameter.
    const edges = 'x = \nexport function f(...) {}\nconst g = (...) => a + \nexport const h = 1';
    for (const text of [many, inBlock, outer, broken, edges, `${broken}\n${outer}`]) compareBoth('case.ts', text);
  });

  it('sets every parent and lists the nodes in document order, however deep the tree', () => {
    // 1,200 nested blocks, each declaring a name the next level reads and shadows: the walk (from a
    // work list, not recursive) must set the parents TypeScript sets, and list the calls in order.
    const depth = 1200;
    const open = Array.from({ length: depth }, (_, i) => `if (a${i}) { let a${i + 1} = a${i}; let x = call(a${i}, x);`).join('\n');
    const text = `let a0 = 1;\nlet x = 0;\n${open}\n${'}'.repeat(depth)}\nfetch(x);\n`;
    assert.ok(compareBoth('deep.ts', text) > 3 * depth);
    const expected = ts.createSourceFile('deep.ts', text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
    const mine = ts.createSourceFile('deep.ts', text, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
    const index = buildIndex(mine);
    // The test's own walks are iterative too: a recursive one overflows the stack at this depth as the
    // frames of unoptimised code are larger (it did, now and then, under the whole suite).
    const preorder = (root: ts.Node): ts.Node[] => {
      const out: ts.Node[] = [];
      const stack: ts.Node[] = [root];
      while (stack.length > 0) {
        const node = stack.pop()!;
        out.push(node);
        const children: ts.Node[] = [];
        ts.forEachChild(node, (child) => {
          children.push(child);
        });
        for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
      }
      return out;
    };
    const parents = (root: ts.Node): string[] => preorder(root).slice(1).map((node) => `${node.kind}@${node.pos} in ${node.parent?.kind}@${node.parent?.pos}`);
    assert.deepEqual(parents(mine), parents(expected));
    const calls = preorder(expected).filter(ts.isCallExpression).map((call) => call.pos);
    assert.deepEqual(index.calls.map((call) => call.pos), calls);
  });

  it('finds the same bindings in a file the incremental parser updated, with reused statements moved', () => {
    let compared = 0;
    const spy: Rule = {
      meta: { id: 'spy', defaultSeverity: 'error', description: 'resolves every identifier both ways', docsUrl: '', fixable: false },
      check: (ctx) => {
        assert.ok(isTsParsed(ctx.parsed));
        compared += compareAll(ctx.parsed.index, ctx.parsed.sourceFile, `version ${compared}`);
      },
    };
    const file = path.join(ROOT, 'examples/upload-flow.ts');
    let text = fs.readFileSync(file, 'utf8');
    let previous = analyze({ text, kind: 'typescript', path: file }, { rules: [spy] });
    const edits = ['function data(response) { return response }\n', 'const response = 1;\n', '{ let headers = 2; headers }\n', 'x'];
    for (const [i, insert] of edits.entries()) {
      const at = Math.floor((text.length * (i + 1)) / (edits.length + 1));
      const line = text.indexOf('\n', at) + 1;
      text = text.slice(0, line) + insert + text.slice(line);
      previous = analyze({ text, kind: 'typescript', path: file }, { previous, rules: [spy] });
    }
    assert.ok(compared > 200, `${compared} uses compared`);
  });
});
