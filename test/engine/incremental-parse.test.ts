// Incremental reparsing: analysing a new version of a TS/JS document with the previous version's
// analysis (as the language server does while the user types) updates the old parse, and finds
// exactly what a parse from scratch finds.

import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import type ts from 'typescript';
import { analyze, type AnalysisResult } from '../../server/src/engine/analyze.js';
import { isTsParsed } from '../../server/src/engine/extract/typescript.js';
import type { LintDocument } from '../../server/src/engine/types.js';

const EXAMPLES = path.resolve(__dirname, '../../examples');
const SOURCES = ['generate-images.ts', 'upload-flow.ts', 'photoreal-sdk.ts', 'variations.js'].map((name) => ({
  path: name,
  text: fs.readFileSync(path.join(EXAMPLES, name), 'utf8'),
}));

function doc(source: { path: string }, text: string): LintDocument {
  return { text, path: source.path, kind: source.path.endsWith('.js') ? 'javascript' : 'typescript' };
}

function sourceFileOf(result: AnalysisResult): ts.SourceFile {
  assert.ok(isTsParsed(result.parsed), 'a TS parse');
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

describe('incremental reparsing', () => {
  it('updates the previous parse in place of a new one: unchanged statements are the same nodes', () => {
    const source = SOURCES[0]!;
    const first = analyze(doc(source, source.text));
    const statements = [...sourceFileOf(first).statements];
    const at = source.text.indexOf("sd_Version: 'SDXL_1_0'") + "sd_Version: 'SDXL_1_".length;
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

  it('empties the spent analysis, so its tables keep nothing of the new version alive', () => {
    const source = SOURCES[1]!;
    const first = analyze(doc(source, source.text));
    assert.ok(isTsParsed(first.parsed) && first.parsed.index.calls.length > 0 && first.parsed.sends.size > 0);
    const second = analyze(doc(source, source.text + '\n// edited\n'), { previous: first });
    assert.ok(isTsParsed(first.parsed) && isTsParsed(second.parsed));
    assert.deepEqual([first.parsed.index.scopes.size, first.parsed.index.calls.length, first.parsed.index.nodes.length, first.parsed.sends.size], [0, 0, 0, 0]);
    assert.ok(second.parsed.index.calls.length > 0 && second.parsed.sends.size > 0);
    assert.deepEqual(found(second), found(analyze(doc(source, source.text + '\n// edited\n'))));
  });

  it('parses from scratch when the previous parse is of another file or kind', () => {
    const [ts, js] = [SOURCES[0]!, SOURCES[3]!];
    const previous = analyze(doc(ts, ts.text));
    const other = analyze(doc(js, js.text), { previous });
    assert.deepEqual(found(other), found(analyze(doc(js, js.text))));
    assert.ok(!sourceFileOf(other).statements.some((s) => sourceFileOf(previous).statements.includes(s)));
  });
});
