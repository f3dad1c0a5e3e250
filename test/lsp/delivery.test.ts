// Debounce and cancellation of pulled diagnostics, without a server or a clock.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CancellationTokenSource, LSPErrorCodes, TextDocuments } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analyzer } from '../../server/src/lsp/analysis.js';
import { DocumentStates, pullDiagnostics } from '../../server/src/lsp/delivery.js';

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
