// Edits inside one string literal update the previous tree in place (extract/ts/token-edit.ts): the
// tree they leave is the tree a parse from scratch gives, node for node, and the analysis finds what
// one from scratch finds. Every other edit is left to TypeScript's incremental parser.

import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import ts from 'typescript';
import { analyze, type AnalysisResult } from '../../server/src/engine/analyze.js';
import { isTsParse, isTsParsed } from '../../server/src/engine/extract/typescript.js';
import { editLiteralInPlace } from '../../server/src/engine/extract/ts/token-edit.js';
import { callEndsOf } from '../../server/src/engine/extract/ts/file-index.js';
import { changeBetween } from '../../server/src/engine/extract/ts/text-change.js';
import { allRules } from '../../server/src/engine/rules/index.js';
import type { LintDocument, Rule } from '../../server/src/engine/types.js';

const EXAMPLES = path.resolve(__dirname, '../../examples');
const SOURCES = ['generate-images.ts', 'upload-flow.ts', 'photoreal-sdk.ts', 'variations.js'].map((name) => ({
  path: name,
  text: fs.readFileSync(path.join(EXAMPLES, name), 'utf8'),
}));

const OPTIONS: ts.CreateSourceFileOptions = { languageVersion: ts.ScriptTarget.Latest, jsDocParsingMode: ts.JSDocParsingMode.ParseNone };

function parse(text: string, fileName = 'file.ts'): ts.SourceFile {
  return ts.createSourceFile(fileName, text, OPTIONS, true, fileName.endsWith('.js') ? ts.ScriptKind.JS : ts.ScriptKind.TS);
}

/** What TypeScript works out about a subtree on first use and caches in its flags (HasAggregatedChildData, ThisNodeOrAnySubNodesHasError). */
const LAZY_FLAGS = (1 << 21) | (1 << 20);

/** Every node and node list of a tree, in order, with its kind, place, flags and (for literals and identifiers) text. */
function shape(sourceFile: ts.SourceFile): unknown[] {
  const out: unknown[] = [];
  const visitNode = (node: ts.Node): void => {
    const text = (node as { text?: unknown }).text;
    out.push([ts.SyntaxKind[node.kind], node.pos, node.end, node.flags & ~LAZY_FLAGS, typeof text === 'string' ? text : undefined, (node as { rawText?: string }).rawText]);
    ts.forEachChild(node, visitNode, visitNodes);
  };
  const visitNodes = (nodes: ts.NodeArray<ts.Node>): void => {
    out.push(['list', nodes.pos, nodes.end]);
    nodes.forEach(visitNode);
  };
  visitNode(sourceFile);
  const directives = (sourceFile as unknown as { commentDirectives?: Array<{ range: ts.TextRange; type: number }> }).commentDirectives ?? [];
  // As a set: TypeScript's own incremental parser lists a directive before the edit twice.
  out.push([...new Set(directives.map((d) => `${d.range.pos}-${d.range.end}:${d.type}`))]);
  return out;
}

/** The string literals' contents of a text: where an edit stays inside one. */
function literalContents(sourceFile: ts.SourceFile): Array<{ start: number; end: number }> {
  const found: Array<{ start: number; end: number }> = [];
  const visit = (node: ts.Node): void => {
    if ((ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) && !ts.isExpressionStatement(node.parent)) {
      found.push({ start: node.getStart(sourceFile) + 1, end: node.end - 1 });
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return found;
}

function edit(text: string, at: number, remove: number, insert: string): string {
  return text.slice(0, at) + insert + text.slice(at + remove);
}

function doc(source: { path: string }, text: string): LintDocument {
  return { text, path: source.path, kind: source.path.endsWith('.js') ? 'javascript' : 'typescript' };
}

function found(result: AnalysisResult): unknown {
  return {
    findings: result.findings,
    requests: result.requests.map((r) => ({ span: r.span, method: r.method, url: r.url?.text, endpoint: r.endpoint?.path })),
  };
}

function sourceFileOf(result: AnalysisResult): ts.SourceFile {
  assert.ok(isTsParse(result.parsed));
  return result.parsed.sourceFile;
}

const SERVICE = [
  "// @ts-nocheck",
  "import axios from 'axios';",
  "const BASE = 'https://cloud.leonardo.ai/api/rest/v1';",
  '',
  'export class Images {',
  "  private readonly key = process.env.LEONARDO_API_KEY ?? '';",
  '',
  '  async generate(prompt: string) {',
  '    // @ts-expect-error the body is loose on purpose',
  "    const res = await axios.post(`${BASE}/generations`, { prompt: 'a red fox, ' + prompt, modelId: 'b24e16ff-06e3-43eb-8d33-4416c2d75876', width: 1024, height: 768, sd_version: 'SDXL_1_0' }, {",
  "      headers: { authorization: `Bearer ${this.key}`, 'content-type': 'application/json' },",
  '    });',
  '    return res.data.sdGenerationJob.generationId;',
  '  }',
  '}',
  '',
  "logger.info('generation started');",
  "const tag = `plain template`;",
  '',
].join('\n');

describe('in-place edits of a string literal', () => {
  it('leaves the tree a parse from scratch gives, after any sequence of edits inside literals', () => {
    const sources = [...SOURCES, { path: 'service.ts', text: SERVICE }];
    const typed = fc.oneof(fc.constantFrom('a', ' ', 'soft light', 'é', '😀', '-', ''), fc.string({ maxLength: 4 }).filter((s) => !/['"`\\\n\r$\u2028\u2029]/.test(s)));
    let inPlace = 0;
    fc.assert(
      fc.property(fc.constantFrom(...sources), fc.array(fc.record({ which: fc.nat(), offset: fc.nat(), remove: fc.nat(3), insert: typed }), { minLength: 1, maxLength: 5 }), (source, edits) => {
        const fileName = source.path;
        let text = source.text;
        const tree = parse(text, fileName);
        for (const e of edits) {
          const contents = literalContents(tree);
          const literal = contents[e.which % contents.length];
          const at = literal.start + (e.offset % (literal.end - literal.start + 1));
          const next = edit(text, at, Math.min(e.remove, literal.end - at), e.insert);
          if (next === text) continue;
          const change = changeBetween(text, next);
          if (!editLiteralInPlace(tree, next, change)) {
            // Only an old content with an escape (a literal of the examples) is left to the parser.
            assert.match(text.slice(literal.start, literal.end), /\\/);
            return;
          }
          inPlace++;
          text = next;
          assert.deepEqual(shape(tree), shape(parse(text, fileName)));
          assert.equal(tree.text, text);
          assert.deepEqual(tree.getLineAndCharacterOfPosition(text.length), parse(text, fileName).getLineAndCharacterOfPosition(text.length));
        }
      }),
      { numRuns: 120, seed: 3 },
    );
    assert.ok(inPlace > 200, `edits were made in place (${inPlace})`);
  });

  it('moves a statement of a document being edited by the list of its nodes, to the same tree and the same findings', () => {
    const sources = [...SOURCES, { path: 'service.ts', text: SERVICE }];
    let inPlace = 0;
    fc.assert(
      fc.property(fc.constantFrom(...sources), fc.array(fc.record({ which: fc.nat(), offset: fc.nat(), remove: fc.nat(2), insert: fc.constantFrom('a', 'soft light, ', '') }), { minLength: 2, maxLength: 5 }), (source, edits) => {
        let text = source.text;
        let previous = analyze(doc(source, text));
        for (const e of edits) {
          const contents = literalContents(parse(text, source.path)).filter((c) => !/\\/.test(text.slice(c.start, c.end)));
          const literal = contents[e.which % contents.length];
          const at = literal.start + (e.offset % (literal.end - literal.start + 1));
          const next = edit(text, at, Math.min(e.remove, literal.end - at), e.insert);
          if (next === text) continue;
          text = next;
          const result = analyze(doc(source, text), { previous });
          if (sourceFileOf(result) === sourceFileOf(previous)) inPlace++;
          assert.deepEqual(shape(sourceFileOf(result)), shape(parse(text, source.path)));
          assert.deepEqual(found(result), found(analyze(doc(source, text))));
          previous = result;
        }
      }),
      { numRuns: 40, seed: 5 },
    );
    assert.ok(inPlace > 60, `edits were made in place (${inPlace})`);
  });

  it('finds what an analysis from scratch finds, while literal edits and other edits take turns', () => {
    const source = { path: 'service.ts', text: SERVICE };
    const sdAt = SERVICE.indexOf("'SDXL_1_0'") + 1;
    const steps: Array<(text: string) => string> = [
      (t) => edit(t, t.indexOf("'SDXL_1_0'") + 8, 1, '9'), // in place: an enum value becomes invalid
      (t) => edit(t, t.indexOf('width: 1024'), 0, 'num_images: 9, '), // the parser: a new property
      (t) => edit(t, t.indexOf("'a red fox, '") + 1, 0, 'soft light, '), // in place: the prompt
      (t) => edit(t, t.indexOf('generation started'), 0, 'the '), // in place: after the request
      (t) => edit(t, t.indexOf("'SDXL_1_9'") + 8, 1, '0'), // in place: valid again
      (t) => edit(t, t.indexOf('// @ts-expect-error'), 0, '\n'), // the parser: a line before the directive
      (t) => edit(t, t.indexOf('`plain template`') + 1, 0, 'still '), // in place: a template
      (t) => edit(t, t.indexOf("'a red fox, "), 0, '\n'), // the parser: a line break between tokens
    ];
    assert.ok(sdAt > 0);
    let text = SERVICE;
    let previous = analyze(doc(source, text));
    const sameTree: boolean[] = [];
    for (const step of steps) {
      text = step(text);
      const result = analyze(doc(source, text), { previous });
      sameTree.push(sourceFileOf(result) === sourceFileOf(previous));
      assert.deepEqual(found(result), found(analyze(doc(source, text))));
      assert.deepEqual(shape(sourceFileOf(result)), shape(parse(text, 'service.ts')));
      previous = result;
    }
    assert.deepEqual(sameTree, [true, false, true, true, true, false, true, false]);
    const messages = (result: AnalysisResult) => result.findings.map((f) => f.ruleId);
    assert.ok(messages(analyze(doc(source, steps[0](SERVICE)))).includes('invalid-enum'), 'the edited value is checked');
  });

  it('reports the edited literal at once: an enum value typed wrong, then right', () => {
    const source = { path: 'service.ts', text: SERVICE };
    const first = analyze(doc(source, SERVICE));
    const at = SERVICE.indexOf("'SDXL_1_0'") + 8;
    const wrong = analyze(doc(source, edit(SERVICE, at, 1, '7')), { previous: first });
    assert.equal(sourceFileOf(wrong), sourceFileOf(first), 'the tree was edited in place');
    assert.ok(wrong.findings.some((f) => f.ruleId === 'invalid-enum' && /SDXL_1_7/.test(f.message)));
    const right = analyze(doc(source, SERVICE), { previous: wrong });
    assert.ok(!right.findings.some((f) => f.ruleId === 'invalid-enum'));
  });

  it('reuses the index whole when the edited literal is a value, and builds it again when it names a module', () => {
    const source = { path: 'service.ts', text: SERVICE };
    const indexes: unknown[] = [];
    const spy: Rule = {
      meta: { id: 'spy', defaultSeverity: 'error', description: 'records the index', docsUrl: '', fixable: false },
      check: (ctx) => {
        assert.ok(isTsParsed(ctx.parsed));
        indexes.push(ctx.parsed.index);
        // Where the calls end: noted by the walk of a fresh parse, worked out again for a kept index the edit moved.
        assert.deepEqual(callEndsOf(ctx.parsed.index), ctx.parsed.index.calls.map((call) => call.end));
      },
    };
    const rules = [spy, ...allRules];
    let text = SERVICE;
    let previous = analyze(doc(source, text), { rules });
    const step = (change: (t: string) => string): AnalysisResult => {
      text = change(text);
      previous = analyze(doc(source, text), { previous, rules });
      assert.deepEqual(found(previous), found(analyze(doc(source, text))));
      return previous;
    };
    step((t) => t + '\n'); // the parser: the index is built by statement from here on
    step((t) => edit(t, t.indexOf('red fox, '), 0, 'a '));
    step((t) => edit(t, t.indexOf('red fox, '), 0, 'b '));
    assert.equal(indexes[3], indexes[2], 'a prompt typed: the same index');
    const axios = step((t) => edit(t, t.indexOf("'axios'") + 5, 0, 'z'));
    assert.notEqual(indexes[4], indexes[3], 'a module renamed: a new index');
    assert.deepEqual(axios.requests, [], 'axioz is no HTTP client');
    const back = step((t) => edit(t, t.indexOf("'axiozs'") + 5, 1, ''));
    assert.deepEqual(back.findings.map((f) => f.ruleId), ['ineffective-option'], 'axios again: the request is found again');
  });

  it('leaves every other edit to the parser, and changes nothing then', () => {
    const cases: Array<[string, (t: string) => string]> = [
      ['a quote typed', (t) => edit(t, t.indexOf('generation started'), 0, "'")],
      ['a backslash typed', (t) => edit(t, t.indexOf('generation started'), 0, '\\n')],
      ['a line break typed', (t) => edit(t, t.indexOf('generation started'), 0, '\n')],
      ['`${` typed in a template', (t) => edit(t, t.indexOf('plain template'), 0, '${')],
      ['the closing quote removed', (t) => edit(t, t.indexOf("started'") + 7, 1, '')],
      ['an edit across two tokens', (t) => edit(t, t.indexOf("started');"), 10, 'x')],
      ['an edit in a comment', (t) => edit(t, t.indexOf('loose on purpose'), 0, 'very ')],
      ['an identifier typed', (t) => edit(t, t.indexOf('prompt: string'), 0, 'the')],
      ['an edit before the opening quote', (t) => edit(t, t.indexOf("'generation started'"), 0, ' ')],
    ];
    for (const [name, change] of cases) {
      const tree = parse(SERVICE, 'service.ts');
      const before = shape(tree);
      const next = change(SERVICE);
      assert.equal(editLiteralInPlace(tree, next, changeBetween(SERVICE, next)), undefined, name);
      assert.deepEqual(shape(tree), before, name);
      assert.equal(tree.text, SERVICE, name);
    }
  });

  it('leaves a directive prologue and a file with syntax errors to the parser', () => {
    const directive = "'use client';\nconst KEY = process.env.NEXT_PUBLIC_LEONARDO_KEY;\n";
    const tree = parse(directive);
    const next = edit(directive, 5, 0, 'x');
    assert.equal(editLiteralInPlace(tree, next, changeBetween(directive, next)), undefined);
    const broken = "const body = { prompt: 'a fox', width: };\n";
    const brokenTree = parse(broken);
    const typed = edit(broken, broken.indexOf('a fox'), 0, 'x');
    assert.equal(editLiteralInPlace(brokenTree, typed, changeBetween(broken, typed)), undefined);
  });
});
