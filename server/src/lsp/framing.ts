// The stdio transport, made robust: messages from the client are re-framed before vscode-jsonrpc's
// reader sees them. That reader trusts every header: one malformed header (`Content-Length: abc`) or
// a Content-Length that does not match its body leaves it reading every later message as part of a
// header, and the server stays alive but deaf (so no client restarts it). Here only whole messages
// (a `Content-Length: n` header and n bytes of JSON) are passed on; anything else is dropped up to
// the next header, and said once per drop in the log.

import { Transform, type TransformCallback } from 'node:stream';
import { inspect } from 'node:util';

const HEADER_END = Buffer.from('\r\n\r\n');
const LENGTH = /^content-length:[ \t]*(\d+)[ \t]*$/im;
const HEADER_LINE = /^[^:\r\n]+:[^\r\n]*$/;
const HEADER_START = /content-length:/gi;
/** A header block longer than this is not one. */
const MAX_HEADER = 8 * 1024;

export class Reframer extends Transform {
  private buffer: Buffer = Buffer.alloc(0);

  /** `dropped` is told why bytes were dropped (a malformed header, a body that is not JSON). */
  constructor(private readonly dropped: (reason: string) => void) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
    this.frames();
    done();
  }

  private frames(): void {
    for (;;) {
      const headerEnd = this.buffer.indexOf(HEADER_END);
      if (headerEnd < 0) {
        if (this.buffer.length <= MAX_HEADER) return;
        this.resync('a header without an end');
        continue;
      }
      const header = this.buffer.toString('latin1', 0, headerEnd);
      const length = LENGTH.exec(header);
      if (!length || headerEnd > MAX_HEADER || !header.split('\r\n').every((line) => HEADER_LINE.test(line))) {
        this.resync('a malformed header');
        continue;
      }
      const bodyEnd = headerEnd + HEADER_END.length + Number(length[1]);
      if (this.buffer.length < bodyEnd) return;
      if (!isJson(this.buffer.subarray(headerEnd + HEADER_END.length, bodyEnd))) {
        // A wrong Content-Length: the next message may begin inside this "body".
        this.resync('a body that is not JSON (or a wrong Content-Length)');
        continue;
      }
      this.push(this.buffer.subarray(0, bodyEnd));
      this.buffer = this.buffer.subarray(bodyEnd);
    }
  }

  /** Drop the bytes before the next `Content-Length:` after the first byte (keeping a tail that may be one). */
  private resync(reason: string): void {
    const text = this.buffer.toString('latin1');
    HEADER_START.lastIndex = 1;
    const next = HEADER_START.exec(text);
    const drop = next ? next.index : Math.max(1, text.length - 'content-length:'.length);
    this.buffer = this.buffer.subarray(drop);
    this.dropped(reason);
  }
}

function isJson(body: Buffer): boolean {
  try {
    JSON.parse(body.toString('utf8'));
    return true;
  } catch {
    return false;
  }
}

type Log = (message: string) => void;

/**
 * Over stdio, stdout is the protocol: console output from any library would corrupt it. Routed to
 * the client's log instead (what vscode-languageserver does itself when it opens stdio).
 */
export function routeConsole(log: Log, error: Log): void {
  const text = (args: unknown[]) => args.map((a) => (typeof a === 'string' ? a : inspect(a))).join(' ');
  console.log = console.info = console.debug = (...args: unknown[]) => log(text(args));
  console.warn = console.error = (...args: unknown[]) => error(text(args));
}
