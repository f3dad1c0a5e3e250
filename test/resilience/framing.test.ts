// The stdio framing of dist/server.js against a client that lies, floods or leaks: a Content-Length
// that overstates its body costs only that message (the next ones are answered as they arrive, not
// after the declared bytes); a message over the bound is dropped with a logged reason and the server
// goes on; a 20 MB didOpen is read; a malformed message is logged by its size and a redacted prefix,
// never whole, never with a key. (The framing chunk by chunk: test/lsp/framing.test.ts.)
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DidOpenTextDocumentNotification, HoverRequest } from 'vscode-languageserver-protocol/node';
import { LspProcess, rawMessages } from './lsp-client.js';

const KEY = '3f2a9c4e-8b1d-4e6f-9a7c-2d5b8e1f0a3c';
const URL = 'https://cloud.leonardo.ai/api/rest/v1/generations';
const CODE = `await fetch("${URL}", {\n  method: "POST",\n  headers: { authorization: \`Bearer \${process.env.LEONARDO_API_KEY}\` },\n  body: JSON.stringify({ prompt: "a fox", wid: 512 }),\n});\n`;
/** Over `prompt`: its field documentation. */
const PROMPT = { line: 3, character: CODE.split('\n')[3].indexOf('prompt') + 2 };
const frame = (body: string) => `Content-Length: ${Buffer.byteLength(body, 'utf8')}\r\n\r\n${body}`;

async function withServer(options: Parameters<typeof LspProcess.start>[0], test: (server: LspProcess) => Promise<void>): Promise<void> {
  const server = await LspProcess.start(options);
  try {
    await server.open('file:///w/a.ts', 'typescript', CODE);
    await test(server);
  } finally {
    assert.equal(await server.stop(), 0);
  }
}

async function answersHover(server: LspProcess): Promise<void> {
  const hover = await server.hover('file:///w/a.ts', PROMPT);
  assert.match(JSON.stringify(hover), /prompt/);
}

describe('framing over stdio: a lying Content-Length', { timeout: 60_000 }, () => {
  it('a header that overstates its body, then valid requests: each is answered on arrival', async () => {
    await withServer({ pull: true }, async (server) => {
      // 100,000 bytes declared, 40 sent: before the fix the server waited for 99,960 more, and the
      // requests below were swallowed by the "body".
      server.writeRaw('Content-Length: 100000\r\n\r\n{"jsonrpc":"2.0","method":"leonardoLint/');
      await answersHover(server);
      await answersHover(server);
      assert.deepEqual((await server.pull('file:///w/a.ts')).map((d) => d.code), ['unknown-field']);
      await server.until(() => server.logs.some((l) => /^A Content-Length of 100000 overstated its message: the next message's header came after 40 bytes, not a message: dropped them/.test(l)));
    });
  });

  it('a request whose header overstates it, and nothing after: answered once the input has been idle', async () => {
    await withServer({ pull: true }, async (server) => {
      const raw = rawMessages(server);
      const hover = JSON.stringify({ jsonrpc: '2.0', id: 'lying-1', method: 'textDocument/hover', params: { textDocument: { uri: 'file:///w/a.ts' }, position: PROMPT } });
      server.writeRaw(`Content-Length: ${Buffer.byteLength(hover) + 20}\r\n\r\n${hover}`);
      const answer = await raw.next((m) => m.id === 'lying-1');
      assert.match(JSON.stringify(answer.result), /prompt/);
      await server.until(() => server.logs.some((l) => /overstated its message: nothing more came for \d+ s/.test(l)));
      await answersHover(server);
    });
  });

  it('a header over the size bound whose body never comes does not stop the server either', async () => {
    await withServer({ pull: true }, async (server) => {
      server.writeRaw('Content-Length: 99999999999999\r\n\r\n{"jsonrpc":');
      await answersHover(server);
      await server.until(() => server.logs.some((l) => /overstated it: reading again from the next header, after 11 bytes/.test(l)));
    });
  });
});

describe('framing over stdio: the size bound', { timeout: 60_000 }, () => {
  it('a message over --max-message-bytes is dropped with a logged reason; the server goes on', async () => {
    await withServer({ pull: true, serverArgs: ['--max-message-bytes=200000'] }, async (server) => {
      const big = `// ${'x'.repeat(300_000)}\n${CODE}`;
      await server.open('file:///w/big.ts', 'typescript', big);
      await server.until(() =>
        server.logs.some((l) => /^Dropped a message of 300\d{3} bytes from the client \(textDocument\/didOpen\): over the limit of 200000 bytes \(the server option --max-message-bytes\)\.$/.test(l)),
      );
      // Not opened: no analysis, no hover. The documents under the bound are served as before.
      assert.equal(await server.hover('file:///w/big.ts', { line: 4, character: 2 }), null);
      await answersHover(server);
      await server.open('file:///w/under.ts', 'typescript', `// ${'x'.repeat(150_000)}\n${CODE}`);
      assert.deepEqual((await server.pull('file:///w/under.ts')).map((d) => d.code), ['unknown-field']);
    });
  });

  it('a 20 MB didOpen is read under the default bound', async () => {
    await withServer({ pull: true }, async (server) => {
      const text = `${CODE}${'const filler = "a fox in the snow";\n'.repeat(20 * 1024 * 1024 / 36)}`;
      await server.connection.sendNotification(DidOpenTextDocumentNotification.type, {
        textDocument: { uri: 'file:///w/huge.ts', languageId: 'typescript', version: 1, text },
      });
      // Opened (above maxFileSize, so skipped with its one information diagnostic), and the server still answers.
      const diagnostics = await server.pull('file:///w/huge.ts');
      assert.ok(diagnostics.every((d) => d.code !== 'unknown-field'));
      await answersHover(server);
      assert.ok(!server.logs.some((l) => /Dropped/.test(l)), server.logs.join('\n'));
    });
  });
});

describe('framing over stdio: malformed messages are logged by size and a redacted prefix', { timeout: 60_000 }, () => {
  const bodies: Array<[string, string]> = [
    ['a body that is not JSON', `{"params":{"h":"Bearer ${KEY}","text":"fetch("},"jsonrpc":"2.0","method":"textDocument/didOpen"`],
    // vscode-jsonrpc logged these two whole ("neither a response nor a notification", "response message without id").
    ['JSON without a method or an id', `{"jsonrpc":"2.0","params":{"authorization":"Bearer ${KEY}","text":"${'t'.repeat(500)}"}}`],
    ['a response without an id', `{"jsonrpc":"2.0","id":null,"error":{"message":"key ${KEY} refused","code":1}}`],
  ];
  it('the size is logged, a short prefix with the key redacted, never the message', async () => {
    await withServer({ pull: true }, async (server) => {
      for (const [what, body] of bodies) {
        const logsBefore = server.logs.length;
        server.writeRaw(frame(body));
        await answersHover(server);
        const line = await server.until(() => server.logs.slice(logsBefore).find((l) => l.startsWith(`Dropped a message of ${Buffer.byteLength(body)} bytes`)));
        assert.ok(line.includes(`${KEY.slice(0, 4)}…`), `${what}: ${line}`);
        assert.ok(line.length < 300, `${what}: ${line}`);
      }
      const everything = server.logs.join('\n') + server.stderr;
      assert.ok(!everything.includes(KEY.slice(4)), everything);
    });
  });

  it('a request the server cannot answer is still answered (the framing passes every JSON-RPC message on)', async () => {
    await withServer({ pull: true }, async (server) => {
      await assert.rejects(server.connection.sendRequest('leonardoLint/noSuchRequest', {}), (e: { code?: number }) => e.code === -32601);
      await answersHover(server);
      assert.equal((await server.connection.sendRequest(HoverRequest.type, { textDocument: { uri: 'file:///w/none.ts' }, position: PROMPT })), null);
    });
  });
});
