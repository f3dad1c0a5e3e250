// The language server stays up and keeps answering: a rule that throws loses only its own findings
// and is logged once; malformed JSON-RPC input is dropped or answered with an error; cancelled
// requests answer RequestCancelled; a burst of 1,000 edits is analysed for the final version only
// and leaves hovers prompt; a killed server's successor publishes the same diagnostics.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { NotificationType } from 'vscode-languageserver-protocol/node';
import { analyze } from '../../server/src/engine/analyze.js';
import { allRules } from '../../server/src/engine/rules/index.js';
import type { Rule } from '../../server/src/engine/types.js';
import { STATUS_NOTIFICATION, type StatusParams } from '../../server/src/lsp/protocol.js';
import { ROOT } from './build.js';
import { LspProcess, rawMessages } from './lsp-client.js';

const URL = 'https://cloud.leonardo.ai/api/rest/v1/generations';
/** unknown-field (`wid`) and type-mismatch (`num_images: "2"`). */
const CODE = `await fetch("${URL}", {\n  method: "POST",\n  headers: { authorization: \`Bearer \${process.env.LEONARDO_API_KEY}\` },\n  body: JSON.stringify({ prompt: "a fox", wid: 512, num_images: "2" }),\n});\n`;
const JSON_BODY = '{\n  "prompt": "a fox",\n  "wid": 512,\n  "num_images": "2"\n}\n';

const codes = (diagnostics: Array<{ code?: number | string }>) => diagnostics.map((d) => String(d.code)).sort();

describe('a rule that throws', { timeout: 30_000 }, () => {
  it('loses only its own findings, reported once per document (engine)', () => {
    const failures: string[] = [];
    const throwing: Rule = {
      meta: { ...allRules.find((r) => r.meta.id === 'unknown-field')!.meta },
      check: () => {
        throw new Error('boom');
      },
    };
    const rules = allRules.map((r) => (r.meta.id === 'unknown-field' ? throwing : r));
    const result = analyze({ text: CODE, kind: 'typescript', path: 'a.ts' }, { rules, onRuleError: (id) => failures.push(id) });
    assert.deepEqual(failures, ['unknown-field']);
    assert.deepEqual(result.findings.map((f) => f.ruleId), ['type-mismatch']);
    assert.deepEqual(analyze({ text: CODE, kind: 'typescript', path: 'a.ts' }).findings.map((f) => f.ruleId), ['unknown-field', 'type-mismatch']);
  });

  it('in the server: the rest is published for every document, and the failure is logged once', async () => {
    const server = await LspProcess.start({ pull: true, initializationOptions: { failingRuleForTests: 'unknown-field' } });
    try {
      await server.open('file:///w/a.ts', 'typescript', CODE);
      await server.open('file:///w/b.leonardo.json', 'json', JSON_BODY);
      assert.deepEqual(codes(await server.pull('file:///w/a.ts')), ['type-mismatch']);
      assert.deepEqual(codes(await server.pull('file:///w/b.leonardo.json')), ['type-mismatch']);
      assert.deepEqual(codes(await server.pull('file:///w/a.ts')), ['type-mismatch']);
      assert.equal(server.logs.filter((l) => /^Rule unknown-field failed/.test(l)).length, 1);
      assert.equal(server.logs.filter((l) => /fails on purpose/.test(l)).length, 1);
    } finally {
      assert.equal(await server.stop(), 0);
    }
  });

  it('the test-only option is inert unless passed', async () => {
    const server = await LspProcess.start({ pull: true });
    try {
      await server.open('file:///w/a.ts', 'typescript', CODE);
      assert.deepEqual(codes(await server.pull('file:///w/a.ts')), ['type-mismatch', 'unknown-field']);
      assert.ok(!server.logs.some((l) => /failed/.test(l)));
    } finally {
      assert.equal(await server.stop(), 0);
    }
  });
});

const frame = (body: string) => `Content-Length: ${Buffer.byteLength(body, 'utf8')}\r\n\r\n${body}`;
/** Over `prompt` in CODE (its field documentation). */
const PROMPT = { line: 3, character: CODE.split('\n')[3].indexOf('prompt') + 2 };
const hover = (id: number) =>
  JSON.stringify({ jsonrpc: '2.0', id, method: 'textDocument/hover', params: { textDocument: { uri: 'file:///w/a.ts' }, position: PROMPT } });
/** A notification nobody handles, padded: what a client sends next. */
const filler = () => frame(JSON.stringify({ jsonrpc: '2.0', method: 'leonardoLint/padding', params: { pad: 'x'.repeat(500) } }));

describe('malformed JSON-RPC input', { timeout: 30_000 }, () => {
  let server: LspProcess;
  let raw: ReturnType<typeof rawMessages>;
  let id = 1000;

  before(async () => {
    server = await LspProcess.start({ pull: true });
    raw = rawMessages(server);
    await server.open('file:///w/a.ts', 'typescript', CODE);
    await server.pull('file:///w/a.ts');
  });

  after(async () => {
    assert.equal(server.stderr, '');
    assert.equal(await server.stop(), 0);
  });

  /** After the bad input, the server answers a hover (it is neither dead nor out of step). */
  async function stillAnswers(): Promise<void> {
    const mine = ++id;
    server.writeRaw(frame(hover(mine)));
    const answer = await raw.next((m) => m.id === mine);
    assert.equal(answer.error, undefined);
    assert.match(JSON.stringify(answer.result), /prompt/);
  }

  const cases: Array<[name: string, bytes: () => string, log?: RegExp]> = [
    ['bad JSON with a right Content-Length', () => frame('{"jsonrpc":"2.0","id":1,"method":"textDocument/hover",'), /not JSON/],
    ['a Content-Length that is not a number', () => 'Content-Length: abc\r\n\r\n{}', /malformed header/],
    ['a header without Content-Length', () => 'Content-Type: application/vscode-jsonrpc\r\n\r\n{}', /malformed header/],
    ['a header line without a colon', () => 'Content-Length 2\r\n\r\n{}', /malformed header/],
    ['a Content-Length too short for its body', () => `Content-Length: 10\r\n\r\n${hover(1)}`, /not JSON/],
    // The next message's header inside the "body" shows the lie at once: the bytes before it (here a whole message) are read as it.
    ['a Content-Length longer than its body', () => `Content-Length: 400\r\n\r\n${hover(4242)}${filler()}`, /overstated/],
    ['bytes that are no message at all', () => '\u0000\u00ff garbage \r\n\r\n\r\n', /malformed header/],
    ['JSON that is not a JSON-RPC message', () => frame('[1,2,3]') + frame('{"jsonrpc":"2.0","id":5}'), /neither a request, a notification nor a response/],
    ['an unknown notification', () => frame('{"jsonrpc":"2.0","method":"leonardoLint/noSuchThing","params":{}}')],
    ['a request with parameters of the wrong shape', () => frame('{"jsonrpc":"2.0","id":77,"method":"textDocument/hover","params":{"textDocument":7}}')],
  ];

  for (const [name, bytes, log] of cases) {
    it(`${name}: dropped or answered, and the server goes on`, async () => {
      const logsBefore = server.logs.length;
      server.writeRaw(bytes());
      await stillAnswers();
      // Said in the log (the log notification may come after the hover's answer).
      if (log) await server.until(() => server.logs.slice(logsBefore).some((l) => log.test(l)));
    });
  }

  it('an unknown request gets MethodNotFound', async () => {
    server.writeRaw(frame('{"jsonrpc":"2.0","id":"x-1","method":"leonardoLint/noSuchRequest","params":{}}'));
    const answer = await raw.next((m) => m.id === 'x-1');
    assert.equal(answer.error?.code, -32601);
  });

  it('a request with parameters of the wrong shape gets an answer (null), not silence', async () => {
    server.writeRaw(frame('{"jsonrpc":"2.0","id":"x-2","method":"textDocument/hover","params":{"textDocument":7}}'));
    const answer = await raw.next((m) => m.id === 'x-2');
    assert.equal(answer.result, null);
  });

  it('a cancelled hover, code action, completion and pull answer RequestCancelled', async () => {
    const requests = [
      { method: 'textDocument/hover', params: { textDocument: { uri: 'file:///w/a.ts' }, position: PROMPT } },
      { method: 'textDocument/codeAction', params: { textDocument: { uri: 'file:///w/a.ts' }, range: { start: { line: 3, character: 0 }, end: { line: 3, character: 9 } }, context: { diagnostics: [] } } },
      { method: 'textDocument/completion', params: { textDocument: { uri: 'file:///w/a.ts' }, position: { line: 3, character: 40 } } },
      { method: 'textDocument/diagnostic', params: { textDocument: { uri: 'file:///w/a.ts' } } },
    ];
    for (const [i, request] of requests.entries()) {
      const mine = `cancel-${i}`;
      // The request and its cancellation in one write: the server must not answer with a result.
      server.writeRaw(frame(JSON.stringify({ jsonrpc: '2.0', id: mine, ...request })) + frame(JSON.stringify({ jsonrpc: '2.0', method: '$/cancelRequest', params: { id: mine } })));
      const answer = await raw.next((m) => m.id === mine);
      assert.equal(answer.error?.code, -32800, `${request.method}: ${JSON.stringify(answer)}`);
    }
    await stillAnswers();
  });
});

describe('a burst of 1,000 edits', { timeout: 30_000 }, () => {
  it('is analysed for its final version only, and a hover right after is prompt', async () => {
    const server = await LspProcess.start({ pull: false, initializationOptions: { statusNotification: true } });
    const statuses: StatusParams[] = [];
    server.connection.onNotification(new NotificationType<StatusParams>(STATUS_NOTIFICATION), (s) => {
      statuses.push(s);
    });
    try {
      const uri = 'file:///w/burst.ts';
      // 300 requests: an analysis takes longer than the gaps between the burst's edits.
      await server.open(uri, 'typescript', CODE.repeat(300));
      await server.pushed(uri, 1);
      const analysesBefore = statuses.length;
      const started = performance.now();
      const sent: Array<Promise<void>> = [];
      // Typing: each edit adds an unknown field (`w2: 1, `, `w3: 1, `, …) before `wid`.
      const at = { line: 3, character: CODE.split('\n')[3].indexOf('wid') };
      for (let version = 2; version <= 1001; version++) sent.push(server.insert(uri, version, at, `w${version}: 1, `));
      await Promise.all(sent);
      const sending = performance.now() - started;
      const final = await server.pushed(uri, 1001);
      assert.equal(final.filter((d) => d.code === 'unknown-field').length, 300 + 1000);
      const published = server.published.filter((p) => p.uri === uri).map((p) => p.version);
      const analyses = statuses.slice(analysesBefore).map((s) => `${s.problems} problems in ${s.time} ms`);
      // The first edit may be analysed (and published) at once: nothing says a burst is coming. Then
      // only the final version: no analysis in step with the edits, no stale diagnostics.
      assert.ok(published.join() === '1,1001' || published.join() === '1,2,1001', `published ${published.join()}; ${analyses.join('; ')}`);
      assert.ok(analyses.length <= 2, `${analyses.join('; ')} (the burst took ${sending.toFixed(0)} ms to send)`);
      const asked = performance.now();
      const answer = await server.hover(uri, PROMPT);
      assert.ok(answer !== null);
      assert.ok(performance.now() - asked < 1000, `hover took ${(performance.now() - asked).toFixed(0)} ms`);
    } finally {
      assert.equal(await server.stop(), 0);
    }
  });
});

describe('a killed server', { timeout: 30_000 }, () => {
  const documents: Array<[uri: string, languageId: string, text: string]> = [
    ['file:///w/a.ts', 'typescript', CODE],
    ['file:///w/b.leonardo.json', 'json', JSON_BODY],
    ['file:///w/c.sh', 'shellscript', `curl -X POST ${URL} -H "authorization: Bearer $KEY" -d '{"prompt":"a fox","wid":1}'\n`],
  ];

  async function diagnosticsOf(server: LspProcess): Promise<string[][]> {
    for (const [uri, languageId, text] of documents) await server.open(uri, languageId, text);
    return Promise.all(documents.map(([uri]) => server.pushed(uri, 1).then(codes)));
  }

  it('is replaced by one that publishes the same diagnostics for the open documents', async () => {
    const first = await LspProcess.start();
    const before = await diagnosticsOf(first);
    assert.deepEqual(before, [['type-mismatch', 'unknown-field'], ['type-mismatch', 'unknown-field'], ['unknown-field']]);
    await first.kill();
    assert.equal(first.child.signalCode, 'SIGKILL');
    // What vscode-languageclient does after a crash: start the server again and open the documents.
    const second = await LspProcess.start();
    try {
      assert.deepEqual(await diagnosticsOf(second), before);
    } finally {
      assert.equal(await second.stop(), 0);
    }
  });

  it('the VS Code client keeps vscode-languageclient’s restart policy (a crashed server is restarted)', () => {
    const extension = fs.readFileSync(path.join(ROOT, 'client/src/extension.ts'), 'utf8');
    // No handler of its own that would stop restarts, and no restart limit of zero.
    assert.doesNotMatch(extension, /errorHandler\s*:|maxRestartCount|CloseAction\.DoNotRestart/);
    assert.match(extension, /new LanguageClient\(/);
    // The library's default: restart after a close unless it crashed 5 times in 3 minutes.
    const library = fs.readFileSync(path.join(ROOT, 'node_modules/vscode-languageclient/lib/common/client.js'), 'utf8');
    const handler = /class DefaultErrorHandler \{[\s\S]*?\n\}/.exec(library)?.[0] ?? '';
    assert.match(handler, /closed\(\) \{[\s\S]*?CloseAction\.Restart/);
    assert.match(handler, /maxRestartCount/);
  });
});
