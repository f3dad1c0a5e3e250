// A key being typed is not an error on every keystroke: while the key just edited, with the cursor in
// it, is a strict prefix of a field the body accepts (`ne`, `neg` of negative_prompt), unknown-field on
// it is a hint (no squiggle, not in the Problems panel); typing elsewhere, saving, or a pause in the
// typing makes it a full diagnostic again, and a key that is no field's prefix is flagged at once.
// The pause is driven by an injected clock and timer (TypingTracker); the rest over stdio.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze } from '../../server/src/engine/analyze.js';
import { LineIndex } from '../../server/src/engine/positions.js';
import type { DocumentAnalysis } from '../../server/src/lsp/analysis.js';
import { toDiagnostics } from '../../server/src/lsp/diagnostics.js';
import { DEFAULT_SETTINGS } from '../../server/src/lsp/protocol.js';
import { TYPING_PAUSE_MS, TypingTracker } from '../../server/src/lsp/typing.js';
import { TestClient } from './support.js';

const code = (prompt: string, key: string): string =>
  `await fetch("https://cloud.leonardo.ai/api/rest/v1/generations", {\n  method: "POST",\n  headers: { authorization: \`Bearer \${process.env.LEONARDO_API_KEY}\` },\n  body: JSON.stringify({ prompt: "${prompt}", ${key}: "blurry" }),\n});\n`;

/** The unknown-field diagnostic on the key, by its severity: `hint` or `full`. */
function keySeverity(diagnostics: Diagnostic[], key: string): string {
  // The body's one unknown field is the key (messages are worded elsewhere: not matched here).
  const found = diagnostics.filter((d) => d.code === 'unknown-field');
  assert.equal(found.length, 1, `one unknown-field on ${key}: ${JSON.stringify(diagnostics.map((d) => d.message))}`);
  return found[0].severity === DiagnosticSeverity.Hint ? 'hint' : 'full';
}

describe('a half-typed key over stdio', { timeout: 60_000 }, () => {
  let client: TestClient;
  const uri = 'file:///typing/request.ts';

  before(async () => {
    client = await TestClient.start({ pull: true });
  });

  after(async () => {
    await client.stop();
  });

  it('is a hint while typed, full once the typing moves elsewhere or the file is saved; a typo is full at once', async () => {
    await client.open(uri, 'typescript', code('a fox', 'n'));
    assert.equal(keySeverity(await client.pull(uri), '"n"'), 'full', 'opened, not typed: reported');
    await client.change(uri, code('a fox', 'ne'));
    assert.equal(keySeverity(await client.pull(uri), '"ne"'), 'hint', '`ne` typed, a prefix of negative_prompt');
    await client.change(uri, code('a red fox', 'ne'));
    assert.equal(keySeverity(await client.pull(uri), '"ne"'), 'full', 'the typing moved to the prompt');
    await client.change(uri, code('a red fox', 'neg'));
    assert.equal(keySeverity(await client.pull(uri), '"neg"'), 'hint');
    await client.save(uri);
    assert.equal(keySeverity(await client.pull(uri), '"neg"'), 'full', 'saved');
    await client.change(uri, code('a red fox', 'negt'));
    assert.equal(keySeverity(await client.pull(uri), '"negt"'), 'full', '`negt` is no field\'s prefix: a typo');
  });
});

describe('TypingTracker: the pause', () => {
  const uri = 'file:///typing/pause.ts';
  let now = 0;
  const timers: Array<{ run: () => void; at: number }> = [];
  const paused: string[] = [];
  const tracker = new TypingTracker({ now: () => now, setTimer: (run, ms) => void timers.push({ run, at: now + ms }), paused: (u) => paused.push(u) });

  function analysisOf(doc: TextDocument): DocumentAnalysis {
    const text = doc.getText();
    const document = { text, kind: 'typescript' as const, path: '/typing/pause.ts' };
    return { uri, version: doc.version, document, lines: new LineIndex(text), settings: DEFAULT_SETTINGS, config: {}, result: analyze(document), state: 'ok', time: 0 };
  }
  const severity = (doc: TextDocument, key: string): string => {
    const analysis = analysisOf(doc);
    return keySeverity(tracker.adjust(analysis, toDiagnostics(analysis)), key);
  };
  /** Runs the timers due by `now`. */
  const tick = (ms: number): void => {
    now += ms;
    for (const t of timers.splice(0).filter((t) => t.at <= now || (timers.push(t), false))) t.run();
  };

  it('holds the key until the typing pauses, then asks for the diagnostics to be delivered again', () => {
    let doc = TextDocument.create(uri, 'typescript', 1, code('a fox', 'n'));
    tracker.opened(doc);
    doc = TextDocument.create(uri, 'typescript', 2, code('a fox', 'ne'));
    tracker.changed(doc);
    assert.equal(severity(doc, '"ne"'), 'hint');
    assert.equal(timers.length, 1, 'one timer for the hold');
    assert.equal(severity(doc, '"ne"'), 'hint', 'asked again within the pause');
    assert.equal(timers.length, 1, 'still one timer');
    tick(TYPING_PAUSE_MS - 1);
    assert.deepEqual(paused, []);
    tick(1);
    assert.deepEqual(paused, [uri], 'the pause ends the hold');
    assert.equal(severity(doc, '"ne"'), 'full');
  });

  it('a keystroke within the pause starts it again, and the old timer delivers nothing', () => {
    paused.length = 0;
    let doc = TextDocument.create(uri, 'typescript', 3, code('a fox', 'neg'));
    tracker.changed(doc);
    assert.equal(severity(doc, '"neg"'), 'hint');
    tick(1000);
    doc = TextDocument.create(uri, 'typescript', 4, code('a fox', 'nega'));
    tracker.changed(doc);
    assert.equal(severity(doc, '"nega"'), 'hint');
    tick(TYPING_PAUSE_MS - 1000);
    assert.deepEqual(paused, [], 'the first hold\'s timer: the document moved on');
    tick(1000);
    assert.deepEqual(paused, [uri]);
  });
});
