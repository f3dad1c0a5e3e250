// The stdio framing (server/src/lsp/framing.ts) fed chunk by chunk, as a pipe delivers bytes: every
// chunking gives the same messages; a lying Content-Length costs only its own message; a message over
// the bound is skipped unbuffered; nothing is copied more than a bounded number of times; and the log
// never holds a dropped message whole, nor a key in it. Over real stdio: test/resilience/framing.test.ts.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Message } from 'vscode-languageserver/node';
import { Framer, headerBlockBefore } from '../../server/src/lsp/framing.js';

const KEY = '3f2a9c4e-8b1d-4e6f-9a7c-2d5b8e1f0a3c';
const frame = (body: string, header = ''): string => `${header}Content-Length: ${Buffer.byteLength(body, 'utf8')}\r\n\r\n${body}`;
const request = (id: number, params: unknown = {}): string => JSON.stringify({ jsonrpc: '2.0', id, method: 'textDocument/hover', params });

/** Feed `bytes` in chunks of `size` (one chunk when undefined); the messages' ids or methods, and the log. */
function run(input: string | Buffer | Array<string | Buffer>, size?: number, maxMessageBytes?: number): { got: unknown[]; logs: string[]; framer: Framer } {
  const got: unknown[] = [];
  const logs: string[] = [];
  const framer = new Framer((m: Message) => got.push((m as { id?: unknown }).id ?? (m as { method?: string }).method), { log: (l) => logs.push(l), maxMessageBytes });
  for (const piece of Array.isArray(input) ? input : [input]) {
    const bytes = Buffer.isBuffer(piece) ? piece : Buffer.from(piece, 'utf8');
    const step = size ?? bytes.length;
    for (let i = 0; i < bytes.length; i += step) framer.push(bytes.subarray(i, i + step));
  }
  return { got, logs, framer };
}

describe('framing: well-formed input', () => {
  // Multi-byte characters (split by small chunks), a Content-Type line, JSON that mentions headers.
  const bodies = [
    request(1, { text: 'é£ — 🦊' }),
    request(2, { text: 'Content-Length: 5\r\n\r\n{}' }),
    // Pretty-printed with CRLFs and blank lines: legal JSON whitespace, no header.
    `{\r\n\r\n  "jsonrpc": "2.0",\r\n\r\n  "id": 3,\r\n  "method": "x"\r\n\r\n}`,
    request(4),
  ];
  const stream = frame(bodies[0]) + frame(bodies[1], 'Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n') + frame(bodies[2]) + frame(bodies[3]);

  for (const size of [1, 2, 3, 7, 64, undefined]) {
    it(`gives every message, in order, in chunks of ${size ?? 'all'} bytes, and logs nothing`, () => {
      const { got, logs } = run(stream, size);
      assert.deepEqual(got, [1, 2, 3, 4]);
      assert.deepEqual(logs, []);
    });
  }
});

describe('framing: a Content-Length that overstates its body', () => {
  it('the bytes before the next header are read as the message when they are one, and the next messages follow', () => {
    const { got, logs } = run(`Content-Length: 4000\r\n\r\n${request(1)}${frame(request(2))}${frame(request(3))}`, 5);
    assert.deepEqual(got, [1, 2, 3]);
    assert.equal(logs.length, 1);
    const said = `A Content-Length of 4000 overstated its message: the next message's header came after ${Buffer.byteLength(request(1))} bytes; those bytes, a whole message, were read as it.`;
    assert.deepEqual(logs, [said]);
  });

  it('bytes that are not a message are dropped, with their count', () => {
    const lie = 'Content-Length: 4000\r\n\r\n{"jsonrpc":"2.0","id":1,';
    const { got, logs } = run(lie + frame(request(2)), 3);
    assert.deepEqual(got, [2]);
    assert.deepEqual(logs, [
      'A Content-Length of 4000 overstated its message: the next message\'s header came after 24 bytes, not a message: ' +
        `dropped them with their header (${lie.length} bytes); they start "{\\"jsonrpc\\":\\"2.0\\",\\"id\\":1,".`,
    ]);
  });

  it('the next messages are read as they arrive, not after the declared length', () => {
    // The lie, then (as separate writes) the next messages: each is delivered on arrival.
    const got: unknown[] = [];
    const framer = new Framer((m: Message) => got.push((m as { id?: number }).id), { log: () => undefined });
    framer.push(Buffer.from(`Content-Length: 100000000\r\n\r\n${request(1).slice(0, 20)}`));
    assert.deepEqual(got, []);
    framer.push(Buffer.from(frame(request(2))));
    assert.deepEqual(got, [2]);
    framer.push(Buffer.from(frame(request(3))));
    assert.deepEqual(got, [2, 3]);
  });

  it('when nothing more comes, the bytes received are read as the message if they are one (stalled)', () => {
    const got: unknown[] = [];
    const logs: string[] = [];
    const framer = new Framer((m: Message) => got.push((m as { id?: number }).id), { log: (l) => logs.push(l) });
    framer.push(Buffer.from(`Content-Length: 400\r\n\r\n${request(1).slice(0, 30)}`));
    assert.equal(framer.waiting, true);
    // A body cut short is never valid JSON: a slow client's message is not read early.
    framer.stalled(2500);
    assert.deepEqual([got, logs], [[], []]);
    framer.push(Buffer.from(request(1).slice(30)));
    framer.stalled(2500);
    assert.deepEqual(got, [1]);
    assert.equal(framer.waiting, false);
    assert.deepEqual(logs, [
      `A Content-Length of 400 overstated its message: nothing more came for 3 s, and the ${Buffer.byteLength(request(1))} bytes received, a whole message, were read as it.`,
    ]);
    framer.push(Buffer.from(frame(request(2))));
    assert.deepEqual(got, [1, 2]);
  });

  it('the next header is found when it comes with a Content-Type line first', () => {
    const next = frame(request(2), 'Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n');
    const { got, logs } = run(`Content-Length: 999\r\n\r\n${request(1)}${next}${frame(request(3))}`, 4);
    assert.deepEqual(got, [1, 2, 3]);
    assert.match(logs[0], new RegExp(`came after ${Buffer.byteLength(request(1))} bytes; those bytes, a whole message, were read as it`));
  });
});

describe('framing: other malformed input', () => {
  it('a Content-Length that understates its body drops that message only', () => {
    const { got, logs } = run(`Content-Length: 10\r\n\r\n${request(1)}${frame(request(2))}`, 7);
    assert.deepEqual(got, [2]);
    assert.match(logs.join('\n'), /Dropped a message of 10 bytes from the client: its body is not JSON/);
  });

  it('garbage arriving byte by byte is one log line, said when the next header is found', () => {
    const garbage = 'Content-Length: abc\r\n\r\n{}\u0000\u00ff garbage\r\n\r\n';
    const { got, logs } = run(garbage + frame(request(1)), 1);
    assert.deepEqual(got, [1]);
    assert.deepEqual(logs, [`Dropped ${Buffer.byteLength(garbage)} bytes from the client (a malformed header); they start ${JSON.stringify(garbage)}.`]);
  });

  it('JSON that is not a JSON-RPC message is dropped, and a response without an id too', () => {
    const { got, logs } = run(frame('[1,2]') + frame('{"jsonrpc":"2.0","id":5}') + frame('{"jsonrpc":"2.0","id":null,"error":{"code":1,"message":"m"}}') + frame(request(6)));
    assert.deepEqual(got, [6]);
    assert.equal(logs.filter((l) => /neither a request, a notification nor a response/.test(l)).length, 3);
  });
});

describe('framing: the size bound', () => {
  const big = JSON.stringify({ jsonrpc: '2.0', method: 'textDocument/didOpen', params: { text: 'x'.repeat(200_000) } });

  it('a message over the bound is dropped and said, and the next one read', () => {
    const { got, logs, framer } = run(frame(big) + frame(request(1)), 64 * 1024, 100_000);
    assert.deepEqual(got, [1]);
    assert.equal(logs.length, 1);
    assert.match(logs[0], /^Dropped a message of 200\d+ bytes from the client \(textDocument\/didOpen\): over the limit of 100000 bytes/);
    // Skipped as it arrived: its body was never buffered.
    assert.ok(framer.copied < 100_000, `${framer.copied} bytes copied`);
  });

  it('an oversized Content-Length that lies is cut short by the next header', () => {
    const { got, logs } = run([`Content-Length: 1000000000000\r\n\r\n{"jsonrpc":`, frame(request(1)), frame(request(2))], 3, 100_000);
    assert.deepEqual(got, [1, 2]);
    assert.match(logs.join('\n'), /over the limit[^]*overstated it: reading again from the next header, after 11 bytes/);
  });

  it('a message at the bound is read', () => {
    const body = request(1, { text: 'y'.repeat(1000) });
    assert.deepEqual(run(frame(body) + frame(request(2)), 100, Buffer.byteLength(body)).got, [1, 2]);
  });
});

describe('framing: linear in the message size', () => {
  it('copies each byte of an 8 MB message at most twice, whatever its chunks', () => {
    const body = request(1, { text: 'const a = 1;\n'.repeat(8 * 1024 * 1024 / 13) });
    const bytes = Buffer.from(frame(body));
    for (const size of [64 * 1024, 4096]) {
      const { got, framer } = run(bytes, size);
      assert.deepEqual(got, [1]);
      // Concatenating the buffer on every chunk (the first version) copied ~n²/(2·chunk): 500 MB here.
      assert.ok(framer.copied <= 2 * bytes.length, `${framer.copied} bytes copied for ${bytes.length}`);
    }
  });

  it('copies each byte of 20,000 small messages in one chunk at most twice', () => {
    const bytes = Buffer.from(Array.from({ length: 20_000 }, (_, i) => frame(request(i))).join(''));
    const { got, framer } = run(bytes);
    assert.equal(got.length, 20_000);
    assert.ok(framer.copied <= 2 * bytes.length, `${framer.copied} bytes copied for ${bytes.length}`);
  });
});

describe('framing: the log never holds a key in full', () => {
  const placements: Array<[string, string]> = [
    ['at the start of a body that is not JSON', `${KEY} {"jsonrpc":`],
    ['in an Authorization value of a truncated message', `{"jsonrpc":"2.0","method":"x","params":{"h":"Bearer ${KEY}"`],
    ['split by the prefix cut (60 characters)', `{"jsonrpc":"2.0","method":"x","params":{"pad":"${'p'.repeat(7)} ${KEY}"`],
    ['glued to a word (not a key to the detection, still cut)', `{"jsonrpc":"2.0","method":"x","params":{"k":"v${KEY}"`],
    ['past the prefix', `{"jsonrpc":"2.0","method":"x","params":{"pad":"${'p'.repeat(200)}","key":"${KEY}"`],
  ];
  for (const [where, body] of placements) {
    it(`a malformed message with a key ${where}`, () => {
      const { got, logs } = run(frame(body) + frame(request(1)), 16);
      assert.deepEqual(got, [1]);
      assert.equal(logs.length, 1);
      assert.match(logs[0], new RegExp(`Dropped a message of ${Buffer.byteLength(body)} bytes`));
      assert.ok(!logs[0].includes(KEY.slice(4, 13)), logs[0]);
      if (body.indexOf(KEY) < 56) assert.ok(logs[0].includes(`${KEY.slice(0, 4)}…`), logs[0]);
    });
  }

  it('a key in bytes dropped for a malformed header, and in a response without an id', () => {
    const { logs } = run(`Authorization: Bearer ${KEY}\r\n\r\n${frame(`{"jsonrpc":"2.0","id":null,"error":{"code":1,"message":"${KEY}"}}`)}${frame(request(1))}`);
    assert.equal(logs.length, 2);
    for (const line of logs) assert.ok(!line.includes(KEY.slice(4, 13)), line);
  });
});

describe('headerBlockBefore', () => {
  it('finds the header block at the end of the text, glued to a body or not', () => {
    assert.equal(headerBlockBefore('Content-Length: 12'), 0);
    assert.equal(headerBlockBefore('{"a":1}Content-Length: 12'), 7);
    assert.equal(headerBlockBefore('{"a":1}content-type: x; charset=utf-8\r\nCONTENT-LENGTH: 12'), 7);
    assert.equal(headerBlockBefore('{"a":1}Content-Length: 12\r\nContent-Type: application/vscode-jsonrpc'), 7);
  });

  it('finds none where JSON can be: no Content-Length line, or text after it', () => {
    assert.equal(headerBlockBefore('{"a":1}Content-Type: x'), undefined);
    assert.equal(headerBlockBefore('  "id": 3,\r\n  "method": "x"'), undefined);
    assert.equal(headerBlockBefore('"Content-Length: 12"'), undefined);
    assert.equal(headerBlockBefore('Content-Length: 12 }'), undefined);
    assert.equal(headerBlockBefore('Content-Length: 12\r\n'), undefined);
    assert.equal(headerBlockBefore(''), undefined);
  });
});
