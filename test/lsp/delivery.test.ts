// Debounce and cancellation of pulled diagnostics, without a server or a clock.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CancellationTokenSource, LSPErrorCodes, TextDocuments } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analyzer } from '../../server/src/lsp/analysis.js';
import { DEBOUNCE_MS, DocumentStates, pullDiagnostics } from '../../server/src/lsp/delivery.js';

const URI = 'file:///w/app.ts';

describe('pulled diagnostics while typing', () => {
  it('a document that has not changed since it was opened is analysed at once', async () => {
    const states = new DocumentStates();
    states.opened(TextDocument.create(URI, 'typescript', 1, ''));
    let settled = false;
    void states.settled(URI, new CancellationTokenSource().token).then(() => (settled = true));
    await Promise.resolve();
    await Promise.resolve();
    assert.equal(settled, true, 'settled within microtasks, with no timer');
  });

  it('a pull waiting for typing to pause ends as cancelled when the client cancels it', async () => {
    const states = new DocumentStates();
    states.changed(URI);
    const source = new CancellationTokenSource();
    const analyzer = {
      analysisFor: () => assert.fail('a cancelled pull must not analyse'),
    } as unknown as Analyzer;
    const pending = pullDiagnostics({ textDocument: { uri: URI } }, source.token, new TextDocuments(TextDocument), states, analyzer);
    source.cancel();
    await assert.rejects(pending, (error: { code?: number }) => error.code === LSPErrorCodes.RequestCancelled);
  });
});

describe('debounce while typing', () => {
  it('analyses the first change of a document at once', () => {
    const states = new DocumentStates();
    assert.equal(states.debounce(URI), 0);
    states.changed(URI, 1000);
    assert.equal(states.debounce(URI), 0);
  });

  it('analyses at once while changes come further apart than an analysis takes', () => {
    const states = new DocumentStates();
    states.changed(URI, 1000);
    states.analysed(URI, 40);
    states.changed(URI, 1100);
    assert.equal(states.debounce(URI), 0);
  });

  it('lets a change already received supersede the version a pull was about to analyse', async () => {
    const states = new DocumentStates();
    states.changed(URI, 1000);
    let changes = 1;
    const settled = states.settled(URI, new CancellationTokenSource().token).then(() => changes);
    // The connection's next queued message: handled on a later turn of the event loop.
    setImmediate(() => {
      states.changed(URI, 1000.5);
      changes++;
    });
    assert.equal(await settled, 2);
  });

  it('waits for a pause while changes come faster than the document is analysed', () => {
    const states = new DocumentStates();
    states.changed(URI, 1000);
    states.analysed(URI, 40);
    states.changed(URI, 1030);
    assert.equal(states.debounce(URI), DEBOUNCE_MS);
    states.changed(URI, 1300);
    assert.equal(states.debounce(URI), 0, 'a pause longer than the analysis ends the debounce');
  });

  it('forgets the typing rhythm of a closed document', () => {
    const states = new DocumentStates();
    states.changed(URI, 1000);
    states.analysed(URI, 40);
    states.changed(URI, 1001);
    states.closed(URI);
    states.changed(URI, 1002);
    assert.equal(states.debounce(URI), 0);
  });
});
