// Code actions built from an analysis, without a server: which actions each kind of document gets.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CodeAction, Diagnostic, TextDocumentEdit } from 'vscode-languageserver';
import { analyze } from '../../server/src/engine/analyze.js';
import { LineIndex } from '../../server/src/engine/positions.js';
import type { DocumentKind } from '../../server/src/engine/types.js';
import type { DocumentAnalysis } from '../../server/src/lsp/analysis.js';
import { codeActions, type CodeActionOptions } from '../../server/src/lsp/code-actions.js';
import { toDiagnostics } from '../../server/src/lsp/diagnostics.js';
import { DEFAULT_SETTINGS } from '../../server/src/lsp/protocol.js';
import { applyTextEdits } from './support.js';

function analysisOf(text: string, kind: DocumentKind, path: string, version = 1): DocumentAnalysis {
  const document = { text, kind, path };
  return {
    uri: `file://${path}`,
    version,
    document,
    lines: new LineIndex(text),
    settings: DEFAULT_SETTINGS,
    config: {},
    result: analyze(document),
    state: 'ok',
    time: 0,
  };
}

const OPTIONS: CodeActionOptions = { documentChanges: true, turnOffRuleCommand: false };

function actionsFor(analysis: DocumentAnalysis, diagnostic: Diagnostic, options = OPTIONS): CodeAction[] {
  return codeActions(analysis, { textDocument: { uri: analysis.uri }, range: diagnostic.range, context: { diagnostics: [diagnostic] } }, options);
}

function applied(analysis: DocumentAnalysis, action: CodeAction): string {
  const [change] = action.edit!.documentChanges! as TextDocumentEdit[];
  assert.equal(change.textDocument.version, analysis.version);
  return applyTextEdits(analysis.document.text, change.edits as never);
}

const JSON_BODY = '{\n  "prompt": "a fox",\n  "num_images": "2",\n  "width": "512"\n}\n';

describe('code actions by document kind', () => {
  it('plain JSON has no comments: no disable actions, or the settings command when the client has it', () => {
    const analysis = analysisOf(JSON_BODY, 'json', '/w/fox.leonardo.json');
    const [first] = toDiagnostics(analysis);
    assert.deepEqual(actionsFor(analysis, first).map((a) => a.title), [
      'Use the number 2',
      'Fix all type-mismatch problems in this file',
      'Show documentation for type-mismatch',
    ]);
    const withCommand = actionsFor(analysis, first, { ...OPTIONS, turnOffRuleCommand: true });
    const turnOff = withCommand.find((a) => a.command?.command === 'leonardoLint.turnOffRule')!;
    assert.equal(turnOff.title, "Turn off type-mismatch in this folder's settings (JSON has no comments)");
    assert.deepEqual(turnOff.command!.arguments, ['type-mismatch', analysis.uri]);
  });

  it('"Show documentation" opens the web page, or the shipped page when the client opens rule pages itself', () => {
    const analysis = analysisOf(JSON_BODY, 'json', '/w/fox.leonardo.json');
    const [first] = toDiagnostics(analysis);
    const web = actionsFor(analysis, first).find((a) => a.title === 'Show documentation for type-mismatch')!;
    assert.equal(web.command!.command, 'leonardoLint.openDocs');
    assert.match(String(web.command!.arguments![0]), /^https:\/\/.*\/docs\/rules\/type-mismatch\.md$/);
    const local = actionsFor(analysis, first, { ...OPTIONS, showDocumentationCommand: true }).find(
      (a) => a.title === 'Show documentation for type-mismatch',
    )!;
    assert.equal(local.command!.command, 'leonardoLint.showDocumentation');
    assert.deepEqual(local.command!.arguments, ['type-mismatch']);
  });

  it('"Fix all <rule>" fixes every problem of the rule at once', () => {
    const analysis = analysisOf(JSON_BODY, 'json', '/w/fox.leonardo.json');
    const [first] = toDiagnostics(analysis);
    const fixAll = actionsFor(analysis, first).find((a) => a.title === 'Fix all type-mismatch problems in this file')!;
    assert.equal(applied(analysis, fixAll), '{\n  "prompt": "a fox",\n  "num_images": 2,\n  "width": 512\n}\n');
  });

  it('JSONC gets `//` disable comments', () => {
    const analysis = analysisOf(`// POST /generations\n${JSON_BODY}`, 'jsonc', '/w/fox.jsonc');
    const [first] = toDiagnostics(analysis);
    const line = actionsFor(analysis, first).find((a) => a.title === 'Disable type-mismatch for this line')!;
    assert.match(applied(analysis, line), /\n {2}\/\/ leonardo-lint-disable-next-line type-mismatch\n {2}"num_images": "2",/);
    const file = actionsFor(analysis, first).find((a) => a.title === 'Disable type-mismatch for this file')!;
    assert.match(applied(analysis, file), /^\/\/ POST \/generations\n\/\/ leonardo-lint-disable type-mismatch\n\{/);
  });

  it('a .http body line cannot take a comment: only the file-level directive', () => {
    const http = 'POST https://cloud.leonardo.ai/api/rest/v1/generations\nauthorization: Bearer {{key}}\ncontent-type: application/json\n\n{\n  "prompt": "a fox",\n  "width": "512"\n}\n';
    const analysis = analysisOf(http, 'http', '/w/fox.http');
    const mismatch = toDiagnostics(analysis).find((d) => d.code === 'type-mismatch')!;
    const titles = actionsFor(analysis, mismatch).map((a) => a.title);
    assert.ok(!titles.includes('Disable type-mismatch for this line'));
    const file = actionsFor(analysis, mismatch).find((a) => a.title === 'Disable type-mismatch for this file')!;
    assert.match(applied(analysis, file), /^# leonardo-lint-disable type-mismatch\nPOST /);
  });

  it('clients without documentChanges get plain changes', () => {
    const analysis = analysisOf(JSON_BODY, 'json', '/w/fox.leonardo.json');
    const [first] = toDiagnostics(analysis);
    const [fix] = actionsFor(analysis, first, { documentChanges: false, turnOffRuleCommand: false });
    assert.deepEqual(Object.keys(fix.edit!.changes!), [analysis.uri]);
  });

  it("a diagnostic of an older version takes its fixes from the current analysis, or none", () => {
    const older = analysisOf(JSON_BODY, 'json', '/w/fox.leonardo.json', 1);
    const current = analysisOf(JSON_BODY, 'json', '/w/fox.leonardo.json', 2);
    const [stale] = toDiagnostics(older);
    assert.equal(actionsFor(current, stale)[0].title, 'Use the number 2');
    const moved = { ...stale, range: { start: { line: 9, character: 0 }, end: { line: 9, character: 1 } } };
    assert.deepEqual(actionsFor(current, moved), []);
  });

  it('only quick fixes unless a fix-all kind is asked for', () => {
    const analysis = analysisOf(JSON_BODY, 'json', '/w/fox.leonardo.json');
    const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    const ask = (only?: string[]) =>
      codeActions(analysis, { textDocument: { uri: analysis.uri }, range, context: { diagnostics: [], only } }, OPTIONS).map((a) => a.kind);
    assert.deepEqual(ask(), []);
    assert.deepEqual(ask(['source.fixAll']), ['source.fixAll.leonardoLint']);
    assert.deepEqual(ask(['source']), ['source.fixAll.leonardoLint']);
    assert.deepEqual(ask(['source.organizeImports']), []);
  });
});
