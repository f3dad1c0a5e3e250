// Incremental reparsing: analysing a new version of a TS/JS document with the previous version's
// analysis (as the language server does while the user types) updates the old parse, and finds
// exactly what a parse from scratch finds.

import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import ts from 'typescript';
import { analyze, type AnalysisResult } from '../../server/src/engine/analyze.js';
import { isTsParse, isTsParsed, type TsParsed } from '../../server/src/engine/extract/typescript.js';
import { buildIndex, type Binding, type FileIndex } from '../../server/src/engine/extract/ts/file-index.js';
import { collectFacts } from '../../server/src/engine/flow/file-facts.js';
import { allRules } from '../../server/src/engine/rules/index.js';
import type { LintDocument, Rule } from '../../server/src/engine/types.js';

const EXAMPLES = path.resolve(__dirname, '../../examples');
const SOURCES = ['generate-images.ts', 'upload-flow.ts', 'photoreal-sdk.ts', 'variations.js'].map((name) => ({
  path: name,
  text: fs.readFileSync(path.join(EXAMPLES, name), 'utf8'),
}));

function doc(source: { path: string }, text: string): LintDocument {
  return { text, path: source.path, kind: source.path.endsWith('.js') ? 'javascript' : 'typescript' };
}

function sourceFileOf(result: AnalysisResult): ts.SourceFile {
  assert.ok(isTsParse(result.parsed), 'a TS parse');
  return result.parsed.sourceFile;
}

/** What an analysis found, without the parse itself. */
function found(result: AnalysisResult): unknown {
  return {
    findings: result.findings,
    requests: result.requests.map((r) => ({ span: r.span, method: r.method, url: r.url?.text, endpoint: r.endpoint?.path })),
  };
}

interface Edit {
  at: number;
  remove: number;
  insert: string;
}

function applyEdit(text: string, edit: Edit): string {
  const at = Math.min(edit.at, text.length);
  return text.slice(0, at) + edit.insert + text.slice(Math.min(text.length, at + edit.remove));
}

/** An index in terms of each node's place in a walk of the file: two indexes of one file compare equal when they say the same. */
function summarise(index: FileIndex, sourceFile: ts.SourceFile): unknown {
  const ids = new Map<ts.Node, number>();
  const number = (node: ts.Node): void => {
    ids.set(node, ids.size);
    ts.forEachChild(node, number);
  };
  number(sourceFile);
  const id = (node: ts.Node | undefined): number | undefined => (node === undefined ? undefined : (ids.get(node) ?? -1));
  const binding = (b: Binding): unknown[] => [b.name, b.kind, id(b.node), id(b.scope), id(b.initializer), b.module, b.imported, b.reassigned];
  const lists = <K, V extends ts.Node>(map: Map<K, V[]>, key: (k: K) => unknown): unknown[] => [...map].map(([k, list]) => [key(k), list.map(id)]);
  return {
    scopes: [...index.scopes].map(([scope, names]) => [id(scope), [...names.values()].map(binding)]),
    imports: index.imports.map(binding),
    calls: index.calls.map(id),
    constructions: index.constructions.map(id),
    nodes: index.pieces.flatMap((p) => p.nodes).map(id),
    memberAssignments: lists(index.memberAssignments, binding),
    argumentUses: lists(index.argumentUses, binding),
    thisMembers: lists(index.thisMembers, (name) => name),
    writes: lists(index.writes, binding),
    facts: (() => {
      const facts = collectFacts(index);
      return {
        references: [...facts.references].map(([name, ids]) => [name, ids.map(id)]).sort(),
        assignments: lists(facts.assignments, binding),
        opaque: [...facts.opaque].map(binding),
        lists: [facts.accesses, facts.comparisons, facts.switches, facts.patterns].map((list) => list.map(id)),
      };
    })(),
  };
}

describe('incremental reparsing', () => {
  it('updates the previous parse in place of a new one: unchanged statements are the same nodes', () => {
    const source = SOURCES[0];
    const first = analyze(doc(source, source.text));
    const statements = [...sourceFileOf(first).statements];
    // A number, not a string's content: an edit inside a string literal is made in place (token-edit.test.ts).
    const at = source.text.indexOf('num_images: 6') + 'num_images: '.length;
    const second = analyze(doc(source, source.text.slice(0, at) + '9' + source.text.slice(at + 1)), { previous: first });
    const updated = sourceFileOf(second);
    assert.notEqual(updated, sourceFileOf(first));
    assert.ok(updated.statements.some((s) => statements.includes(s)), 'the first statements are reused, not reparsed');
    assert.deepEqual(found(second), found(analyze(doc(source, updated.text))));
  });

  it('finds what a parse from scratch finds, after any sequence of edits', () => {
    const pieces = ['x', "'", '"', '`', '{', '}', '(', ')', ',', ':', '\n', ' ', '// ', '/*', 'width: 1024', 'num_images', '${', 'leonardo'];
    const edit = fc.record({
      at: fc.nat(4000),
      remove: fc.nat(12),
      insert: fc.oneof(fc.constantFrom(...pieces), fc.string({ maxLength: 6 })),
    });
    fc.assert(
      fc.property(fc.constantFrom(...SOURCES), fc.array(edit, { minLength: 1, maxLength: 6 }), (source, edits) => {
        let text = source.text;
        let previous = analyze(doc(source, text));
        for (const e of edits) {
          text = applyEdit(text, e);
          const incremental = analyze(doc(source, text), { previous });
          assert.deepEqual(found(incremental), found(analyze(doc(source, text))));
          previous = incremental;
        }
      }),
      { numRuns: 60, seed: 7 },
    );
  });

  it('reuses the index (and the flow facts) of every statement the parser reused, and they are what a walk of the whole file gives', () => {
    const pairs: Array<[unknown, unknown]> = [];
    const spy: Rule = {
      meta: { id: 'spy', defaultSeverity: 'error', description: 'compares the index with a fresh one', docsUrl: '', fixable: false },
      check: (ctx) => {
        assert.ok(isTsParsed(ctx.parsed));
        const sourceFile = ctx.parsed.sourceFile;
        pairs.push([summarise(ctx.parsed.index, sourceFile), summarise(buildIndex(sourceFile), sourceFile)]);
      },
    };
    const edit = fc.record({
      at: fc.nat(4000),
      remove: fc.nat(12),
      insert: fc.constantFrom('x', ' = 1', '\n', '{', '}', 'let ', 'const ', 'var ', 'import ', '=', '++', 'new ', 'this.x = 2;', '(', ')', '/*', '`'),
    });
    let reused = 0;
    fc.assert(
      fc.property(fc.constantFrom(...SOURCES), fc.array(edit, { minLength: 2, maxLength: 6 }), (source, edits) => {
        let text = source.text;
        let previous = analyze(doc(source, text), { rules: [spy] });
        for (const e of edits) {
          text = applyEdit(text, e);
          const before = isTsParse(previous.parsed) ? previous.parsed.pieces : undefined;
          pairs.length = 0;
          previous = analyze(doc(source, text), { previous, rules: [spy] });
          if (pairs.length === 0) continue; // no Leonardo mention left: nothing parsed
          const [incremental, fresh] = pairs[0];
          assert.deepEqual(incremental, fresh);
          const after = isTsParse(previous.parsed) ? previous.parsed.pieces : undefined;
          if (before && after && [...after.values()].some((piece) => [...before.values()].includes(piece))) reused++;
        }
      }),
      { numRuns: 60, seed: 11 },
    );
    assert.ok(reused > 20, `pieces were reused (${reused} times)`);
  });

  it('works out again whether a reused statement\'s bindings are reassigned, when a write or a second declaration elsewhere goes', () => {
    const source = { path: 'counter.ts' };
    const text =
      "// leonardo\nlet count = 0;\nlet total = 0;\nlet item;\nvar twice = 1;\nvar twice = 2;\n" +
      "function bump(list: number[]) {\n  count = count + 1;\n  total += 1;\n  for (item of list) total++;\n}\n";
    const reassigned = new Map<string, boolean>();
    const pairs: Array<[unknown, unknown]> = [];
    const spy: Rule = {
      meta: { id: 'spy', defaultSeverity: 'error', description: 'reads the bindings', docsUrl: '', fixable: false },
      check: (ctx) => {
        assert.ok(isTsParsed(ctx.parsed));
        for (const names of ctx.parsed.index.scopes.values()) for (const b of names.values()) reassigned.set(b.name, b.reassigned);
        const sourceFile = ctx.parsed.sourceFile;
        pairs.push([summarise(ctx.parsed.index, sourceFile), summarise(buildIndex(sourceFile), sourceFile)]);
      },
    };
    let previous = analyze(doc(source, text), { rules: [spy] });
    previous = analyze(doc(source, text + '\n'), { previous, rules: [spy] });
    assert.deepEqual([reassigned.get('count'), reassigned.get('twice')], [true, true]);
    const edited = text.replace('var twice = 2;\n', '').replace('count = count + 1;', 'return count;');
    reassigned.clear();
    analyze(doc(source, edited + '\n'), { previous, rules: [spy] });
    assert.deepEqual([reassigned.get('count'), reassigned.get('twice')], [false, false]);
    for (const [incremental, fresh] of pairs) assert.deepEqual(incremental, fresh);
  });

  it('keeps no index pieces for a file analysed once', () => {
    const source = SOURCES[0];
    const once = analyze(doc(source, source.text));
    assert.ok(isTsParse(once.parsed) && once.parsed.pieces === undefined);
  });

  it('empties an analysis\'s tables when it ends, and hands on the source file alone', () => {
    const source = SOURCES[1];
    let seen: TsParsed | undefined;
    const spy: Rule = {
      meta: { id: 'spy', defaultSeverity: 'error', description: 'records the parse the rules see', docsUrl: '', fixable: false },
      check: (ctx) => {
        assert.ok(isTsParsed(ctx.parsed));
        seen = ctx.parsed;
        assert.ok(seen.index.calls.length > 0 && seen.index.pieces.flatMap((p) => p.nodes).length > 0 && seen.sends.size > 0, 'the rules see a full index');
      },
    };
    const first = analyze(doc(source, source.text), { rules: [spy, ...allRules] });
    assert.ok(seen);
    const index = seen.index;
    assert.deepEqual([index.scopes.size, index.calls.length, index.pieces.flatMap((p) => p.nodes).length, index.imports.length, seen.sends.size, index.clientNames], [0, 0, 0, 0, 0, undefined]);
    // The one piece of a file analysed once is spent too: a dead list promoted to the old generation would keep the tree alive.
    for (const piece of index.pieces) {
      const lists = [piece.bindings, piece.calls, piece.constructions, piece.thisMembers, piece.nodes, piece.writes, piece.memberAssignments, piece.argumentUses];
      assert.deepEqual([lists.map((l) => l.length), piece.derived, piece.kept], [[0, 0, 0, 0, 0, 0, 0, 0], undefined, false]);
    }
    assert.ok(isTsParse(first.parsed) && !isTsParsed(first.parsed), 'only the source file is handed on');
    assert.equal(first.parsed.sourceFile, seen.sourceFile);
    const second = analyze(doc(source, source.text + '\n// edited\n'), { previous: first });
    assert.deepEqual(found(second), found(analyze(doc(source, source.text + '\n// edited\n'))));
  });

  it('walks a reused key header again when the constant it reads is edited', () => {
    // The key rules walk a header's sources once per analysis; an edit elsewhere changes what a reused header sends.
    const source = { path: 'client.ts' };
    const text = [
      "const KEY = process.env.NEXT_PUBLIC_LEONARDO_KEY;",
      '',
      'export async function me() {',
      "  const res = await fetch('https://cloud.leonardo.ai/api/rest/v1/me', { headers: { authorization: `Bearer ${KEY}` } });",
      '  return res.json();',
      '}',
    ].join('\n');
    const exposed = (result: AnalysisResult): string[] => result.findings.filter((f) => f.ruleId === 'client-exposed-api-key').map((f) => f.message);
    const first = analyze(doc(source, text));
    assert.equal(exposed(first).length, 1);
    const edited = text.replace('NEXT_PUBLIC_LEONARDO_KEY', 'LEONARDO_API_KEY');
    const second = analyze(doc(source, edited), { previous: first });
    assert.ok(sourceFileOf(second).statements.includes(sourceFileOf(first).statements[1]), 'the function is reused');
    assert.deepEqual(exposed(second), []);
    const back = analyze(doc(source, text), { previous: second });
    assert.equal(exposed(back).length, 1);
  });

  it('parses from scratch when the previous parse is of another file or kind', () => {
    const [ts, js] = [SOURCES[0], SOURCES[3]];
    const previous = analyze(doc(ts, ts.text));
    const other = analyze(doc(js, js.text), { previous });
    assert.deepEqual(found(other), found(analyze(doc(js, js.text))));
    assert.ok(!sourceFileOf(other).statements.some((s) => sourceFileOf(previous).statements.includes(s)));
  });
});
