// The stdio message reader. vscode-jsonrpc's own StreamMessageReader frames stdio well while the client
// is well-behaved, and this reader is kept only for what it does not do (each measured or tested):
// - It trusts every header: after one malformed header (`Content-Length: abc`) it reports an error and
//   reads every later message as part of a header, so the server stays alive but deaf (and no client
//   restarts a live server). Here malformed bytes are dropped up to the next header, and logged.
// - A Content-Length that overstates its body leaves it waiting for that many bytes, after which the
//   messages sent meanwhile are lost inside the "body". Here the next header is looked for while a body
//   arrives (a header cannot occur inside a JSON body: see `headerBlockBefore`), and the message is read
//   again from there at once; and when nothing more comes for STALL_MS while the bytes received are a
//   whole message (a client waiting for the answer to a request it framed wrong), they are read as it.
// - It has no bound on a message's size. Here a message over `maxMessageBytes` is skipped as it arrives
//   (never buffered), and logged.
// - It hands any JSON on, and vscode-jsonrpc logs a message of the wrong shape in full (API key and
//   all). Here a body that is not a JSON-RPC message is dropped, and logged by its size and a short
//   prefix with any key in it redacted.
// The buffer is made room for once per body of known length (else it grows by doubling), and each
// body is parsed once, where it lies: the time is linear in the message's size (the first version concatenated the buffer on every chunk: 18.5 s for a 50 MB didOpen,
// with the server deaf meanwhile). `npm run bench` holds it to StreamMessageReader on the same bytes.

import { inspect } from 'node:util';
import { AbstractMessageReader, Disposable, Message, type DataCallback, type MessageReader } from 'vscode-languageserver/node';
import { redactKey, redactKeys } from '../engine/auth/secrets.js';

/** The default bound on one message: above the 50 MB that VS Code syncs to extensions, escaped as JSON. */
export const DEFAULT_MAX_MESSAGE_BYTES = 128 * 1024 * 1024;
/** A header block longer than this is not one (LSP headers are two short lines). */
const MAX_HEADER = 8 * 1024;
const HEADER_END = Buffer.from('\r\n\r\n');
const HEADER_LINE = /^[^:\r\n]+:[^\r\n]*$/;
const LENGTH = /^content-length:[ \t]*(\d+)[ \t]*$/im;
/** How much of a malformed message the log shows (after redaction). */
const PREFIX_CHARS = 60;
/** How long an incomplete body may wait for its next byte before the bytes received are tried as a whole message. */
const STALL_MS = 2000;
/** The first bytes of an oversized body read for its method. */
const HEAD_BYTES = 256;
const ANY_UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;
/** The bytes read for that prefix: enough for its characters and a key the cut would split, in any UTF-8. */
const PREFIX_BYTES = 4 * (PREFIX_CHARS + 40);

export interface FramingOptions {
  /** A message whose Content-Length exceeds this is dropped unread (default DEFAULT_MAX_MESSAGE_BYTES). */
  maxMessageBytes?: number;
  /** One line per input dropped or corrected: sizes and a redacted prefix, never a whole message. */
  log: (line: string) => void;
}

/** The header being waited for, or the body of a header already read. */
interface Pending {
  /** Offset of the body from the message's first byte (the header's length). */
  bodyStart: number;
  length: number;
  /** Where (from the message's first byte) to go on looking for a header inside the body. */
  scanFrom: number;
}

/**
 * Client bytes in, JSON-RPC messages out (`onMessage`), whatever the bytes. Stream-free, so the bench
 * and the tests drive it with the exact chunks they choose.
 */
export class Framer {
  private buffer = Buffer.allocUnsafe(64 * 1024);
  /** The live bytes are buffer[start, end). */
  private start = 0;
  private end = 0;
  private pending: Pending | undefined;
  /**
   * An oversized message being skipped: its declared size, the bytes still to skip and skipped so far,
   * the last bytes seen (a header may straddle chunks) and the first (for the log).
   */
  private skipping: { declared: number; remaining: number; skipped: number; tail: Buffer; head: Buffer; announced: boolean } | undefined;
  /** Bytes dropped in a row while looking for a header: said in one line when the next header is found. */
  private dropped: { bytes: number; reasons: Set<string>; start: Buffer } | undefined;
  private readonly maxMessageBytes: number;
  /** Bytes copied inside the buffer so far: what makes the framing linear, and what a test holds to a bound. */
  copied = 0;

  constructor(
    private readonly onMessage: (message: Message) => void,
    private readonly options: FramingOptions,
  ) {
    this.maxMessageBytes = options.maxMessageBytes ?? DEFAULT_MAX_MESSAGE_BYTES;
  }

  push(chunk: Buffer): void {
    if (this.skipping) {
      chunk = this.skip(chunk);
      if (chunk.length === 0) return;
    }
    this.append(chunk);
    this.frames();
  }

  private append(chunk: Buffer): void {
    const live = this.end - this.start;
    if (this.end + chunk.length > this.buffer.length) {
      const needed = live + chunk.length;
      // Grow when the live bytes would fill more than half of the buffer, else move them to its start:
      // either way each byte is copied a bounded number of times on average.
      const target = needed > this.buffer.length / 2 ? Buffer.allocUnsafe(Math.max(2 * needed, 64 * 1024)) : this.buffer;
      this.copied += this.buffer.copy(target, 0, this.start, this.end);
      this.buffer = target;
      this.start = 0;
      this.end = live;
    }
    this.copied += chunk.copy(this.buffer, this.end);
    this.end += chunk.length;
  }

  /**
   * Room for a message of `size` bytes (and a chunk after it), made at once: a large body is then
   * copied once, into memory touched once, as vscode-jsonrpc's one concatenation does. Doubling up to
   * it touched three times the memory, and fresh pages are what copying a 50 MB body costs.
   */
  private reserve(size: number): void {
    if (this.start + size <= this.buffer.length) return;
    const target = Buffer.allocUnsafe(size + 64 * 1024);
    this.copied += this.buffer.copy(target, 0, this.start, this.end);
    this.buffer = target;
    this.end -= this.start;
    this.start = 0;
  }

  /** Consume `n` live bytes; an emptied large buffer is let go (one 50 MB message must not pin 100 MB). */
  private consume(n: number): void {
    this.start += n;
    this.pending = undefined;
    if (this.start === this.end) {
      this.start = this.end = 0;
      if (this.buffer.length > 1024 * 1024) this.buffer = Buffer.allocUnsafe(64 * 1024);
    }
  }

  private frames(): void {
    for (;;) {
      const live = this.buffer.subarray(this.start, this.end);
      if (!this.pending) {
        const headerEnd = live.subarray(0, MAX_HEADER + HEADER_END.length).indexOf(HEADER_END);
        if (headerEnd < 0) {
          if (live.length <= MAX_HEADER) return;
          this.resync(live, 'a header without an end');
          continue;
        }
        const header = live.toString('latin1', 0, headerEnd);
        const length = LENGTH.exec(header);
        if (!length || !header.split('\r\n').every((line) => HEADER_LINE.test(line))) {
          this.resync(live, 'a malformed header');
          continue;
        }
        this.saidDropped();
        const bodyStart = headerEnd + HEADER_END.length;
        const declared = Number(length[1]);
        if (declared > this.maxMessageBytes) {
          this.oversized(live, bodyStart, declared);
          continue;
        }
        this.pending = { bodyStart, length: declared, scanFrom: bodyStart };
        this.reserve(bodyStart + declared);
      }
      const { bodyStart, length } = this.pending;
      const bodyEnd = bodyStart + length;
      const next = this.headerInside(live, bodyEnd);
      if (next !== undefined) {
        this.overstated(live, next);
        continue;
      }
      if (live.length < bodyEnd) return;
      this.deliver(live.subarray(bodyStart, bodyEnd));
      this.consume(bodyEnd);
    }
  }

  /**
   * The start of a header block that begins inside the pending body (before `bodyEnd`), looked for in
   * the bytes not yet searched. Such a block proves the Content-Length overstated: see headerBlockBefore.
   */
  private headerInside(live: Buffer, bodyEnd: number): number | undefined {
    const pending = this.pending!;
    // A block that starts before bodyEnd ends within MAX_HEADER after it.
    const limit = Math.min(live.length, bodyEnd + MAX_HEADER);
    for (;;) {
      const at = live.subarray(0, limit).indexOf(HEADER_END, pending.scanFrom);
      if (at < 0) {
        // The last 3 bytes may be the start of a header end still arriving.
        pending.scanFrom = Math.max(pending.bodyStart, limit - (HEADER_END.length - 1));
        return undefined;
      }
      pending.scanFrom = at + 1;
      const windowStart = Math.max(pending.bodyStart, at - 256);
      const block = headerBlockBefore(live.toString('latin1', windowStart, at));
      if (block === undefined) continue;
      const blockStart = windowStart + block;
      if (blockStart < bodyEnd) return blockStart;
      pending.scanFrom = at;
      return undefined;
    }
  }

  /** The pending body was cut short by the next message's header at `next`: read what came before it. */
  private overstated(live: Buffer, next: number): void {
    const { bodyStart, length } = this.pending!;
    const body = live.subarray(bodyStart, next);
    const json = parseJson(body);
    const said = `A Content-Length of ${length} overstated its message: the next message's header came after ${body.length} bytes`;
    this.consume(next);
    if (json.ok && isJsonRpc(json.value)) {
      this.options.log(`${said}; those bytes, a whole message, were read as it.`);
      this.onMessage(json.value);
    } else {
      this.options.log(`${said}, not a message: dropped them with their header (${next} bytes); they start ${quotedPrefix(body)}.`);
    }
  }

  /** Whether a body has begun and not ended: what `stalled` can settle. */
  get waiting(): boolean {
    return this.pending !== undefined && this.end - this.start < this.pending.bodyStart + this.pending.length;
  }

  /**
   * No byte has come for a while and a body is incomplete. A client that overstated the length of a
   * request and waits for its answer sends nothing more: when the bytes received are a whole message,
   * they are read as it (a body cut short is never valid JSON, so a slow client loses nothing).
   */
  stalled(idleMs: number): void {
    if (!this.waiting) return;
    const { bodyStart, length } = this.pending!;
    const live = this.buffer.subarray(this.start, this.end);
    const json = parseJson(live.subarray(bodyStart));
    if (!json.ok || !isJsonRpc(json.value)) return;
    this.options.log(
      `A Content-Length of ${length} overstated its message: nothing more came for ${Math.round(idleMs / 1000)} s, ` +
        `and the ${live.length - bodyStart} bytes received, a whole message, were read as it.`,
    );
    this.consume(live.length);
    this.onMessage(json.value);
  }

  private deliver(body: Buffer): void {
    const json = parseJson(body);
    if (!json.ok) {
      this.options.log(`Dropped a message of ${body.length} bytes from the client: its body is not JSON (or its Content-Length is wrong); it starts ${quotedPrefix(body)}.`);
    } else if (!isJsonRpc(json.value)) {
      this.options.log(`Dropped a message of ${body.length} bytes from the client: JSON, but neither a request, a notification nor a response; it starts ${quotedPrefix(body)}.`);
    } else {
      this.onMessage(json.value);
    }
  }

  /**
   * Drop the bytes before the next `Content-Length:` after the first byte (keeping a tail that may be
   * one). Drops in a row are logged as one, when a header is found: garbage arriving in small chunks
   * is one event, not one line per chunk.
   */
  private resync(live: Buffer, reason: string): void {
    const next = nextContentLength(live, 1);
    const drop = next ?? Math.max(1, live.length - 'content-length:'.length);
    const dropped = (this.dropped ??= { bytes: 0, reasons: new Set(), start: Buffer.alloc(0) });
    dropped.bytes += drop;
    dropped.reasons.add(reason);
    if (dropped.start.length < PREFIX_BYTES) dropped.start = Buffer.concat([dropped.start, live.subarray(0, Math.min(drop, PREFIX_BYTES))]);
    this.consume(drop);
  }

  private saidDropped(): void {
    if (!this.dropped) return;
    const { bytes, reasons, start } = this.dropped;
    this.dropped = undefined;
    this.options.log(`Dropped ${bytes} bytes from the client (${[...reasons].join(', ')}); they start ${quotedPrefix(start.subarray(0, bytes))}.`);
  }

  /** A header over the size bound: its body is skipped as it arrives, never buffered. */
  private oversized(live: Buffer, bodyStart: number, declared: number): void {
    const rest = Buffer.from(live.subarray(bodyStart));
    this.consume(live.length);
    this.skipping = { declared, remaining: declared, skipped: 0, tail: Buffer.alloc(0), head: Buffer.alloc(0), announced: false };
    const after = this.skip(rest);
    if (after.length > 0) this.append(after);
  }

  /**
   * Skip the oversized message's bytes in `chunk`; what follows it is returned. Skipping stops early at
   * a header inside the "body": a lying Content-Length must not make the server deaf.
   */
  private skip(chunk: Buffer): Buffer {
    const skipping = this.skipping!;
    const inChunk = Math.min(chunk.length, skipping.remaining);
    if (skipping.head.length < HEAD_BYTES) skipping.head = Buffer.concat([skipping.head, chunk.subarray(0, Math.min(inChunk, HEAD_BYTES))]);
    const window = Buffer.concat([skipping.tail, chunk.subarray(0, inChunk)]);
    const inside = this.scanForHeader(window);
    if (inside !== undefined) {
      const resume = inside - skipping.tail.length;
      this.announce();
      this.options.log(`The dropped message's Content-Length overstated it: reading again from the next header, after ${skipping.skipped + resume} bytes.`);
      this.skipping = undefined;
      // The header may have begun in the tail kept from the chunk before.
      return resume >= 0 ? chunk.subarray(resume) : Buffer.concat([skipping.tail.subarray(inside), chunk]);
    }
    skipping.remaining -= inChunk;
    skipping.skipped += inChunk;
    skipping.tail = Buffer.from(window.subarray(Math.max(0, window.length - 256)));
    if (skipping.head.length >= HEAD_BYTES) this.announce();
    if (skipping.remaining > 0) return chunk.subarray(chunk.length);
    this.announce();
    this.skipping = undefined;
    return chunk.subarray(inChunk);
  }

  /** Said once, when the body's first bytes have come: they name the method (a didOpen: that file is not linted). */
  private announce(): void {
    const skipping = this.skipping!;
    if (skipping.announced) return;
    skipping.announced = true;
    const method = /"method"\s*:\s*"([\w/$.-]{1,80})"/.exec(skipping.head.toString('utf8'));
    this.options.log(
      `Dropped a message of ${skipping.declared} bytes from the client${method ? ` (${method[1]})` : ''}: over the limit of ${this.maxMessageBytes} bytes ` +
        '(the server option --max-message-bytes).',
    );
  }

  /** The start of the first whole header block in `bytes`, if any. */
  private scanForHeader(bytes: Buffer): number | undefined {
    for (let at = bytes.indexOf(HEADER_END); at >= 0; at = bytes.indexOf(HEADER_END, at + 1)) {
      const windowStart = Math.max(0, at - 256);
      const block = headerBlockBefore(bytes.toString('latin1', windowStart, at));
      if (block !== undefined) return windowStart + block;
    }
    return undefined;
  }
}

/**
 * Where the LSP header block that ends `text` (just before its `\r\n\r\n`) starts: one or more
 * `Content-Length`/`Content-Type` lines, at least one a Content-Length, the first of them possibly glued
 * to the end of the bytes before it (the previous body). Undefined when `text` does not end so.
 *
 * Such a block never occurs inside a JSON text: outside strings `Content-Length` is not JSON, and inside
 * strings a raw CR is not allowed. So a block found inside a body means the body's Content-Length lied.
 */
export function headerBlockBefore(text: string): number | undefined {
  // Cheap rejection first: a body full of blank lines has a line break right before each `\r\n\r\n`.
  const last = text.charCodeAt(text.length - 1);
  if (text.length === 0 || last === 0x0a || last === 0x0d) return undefined;
  let lineEnd = text.length;
  let blockStart: number | undefined;
  let hasLength = false;
  for (;;) {
    const crlf = text.lastIndexOf('\r\n', lineEnd - 1);
    const from = crlf < 0 ? 0 : crlf + 2;
    const line = text.slice(from, lineEnd).toLowerCase();
    const name = line.lastIndexOf('content-');
    if (name < 0 || !/^content-(?:length:[ \t]*\d+[ \t]*|type:[^\r\n]*)$/.test(line.slice(name))) break;
    hasLength ||= line.startsWith('content-length', name);
    blockStart = from + name;
    // A line glued to the bytes before it is the block's first; so is the window's first line.
    if (name > 0 || crlf < 0) break;
    lineEnd = crlf;
  }
  return hasLength ? blockStart : undefined;
}

/** The offset of the next `content-length:` (any case) at or after `from`. */
function nextContentLength(bytes: Buffer, from: number): number | undefined {
  // Searched as bytes, not as a decoded string: each resync costs only the bytes it skips.
  let best: number | undefined;
  for (const needle of ['ength:', 'ENGTH:']) {
    for (let at = bytes.indexOf(needle, from + 9, 'latin1'); at >= 0; at = bytes.indexOf(needle, at + 1, 'latin1')) {
      if (best !== undefined && at - 9 >= best) break;
      if (bytes.toString('latin1', at - 9, at).toLowerCase() === 'content-l') {
        best = at - 9;
        break;
      }
    }
  }
  return best;
}

function parseJson(body: Buffer): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(body.toString('utf8')) as unknown };
  } catch {
    return { ok: false };
  }
}

/** A request, a notification or a response, as vscode-jsonrpc tells them apart (a response needs an id). */
function isJsonRpc(value: unknown): value is Message {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const m = value as Message;
  return Message.isRequest(m) || Message.isNotification(m) || (Message.isResponse(m) && m.id !== null);
}

/**
 * Dropped bytes as the log may show them: their first characters, quoted, with any API key in them
 * redacted (keys are looked for a little past the cut, so one the cut splits is redacted too) and
 * control characters escaped. Never the whole message: it may hold a document, or a key we fail to see.
 */
export function quotedPrefix(bytes: Buffer): string {
  const decoded = bytes.toString('utf8', 0, Math.min(bytes.length, PREFIX_BYTES));
  // A key is 36 characters: one that starts before the cut ends inside this window, and is redacted.
  // Then any UUID-shaped run the key detection leaves (glued to a word, as in `pppp<uuid>`) is cut too:
  // a log line has no use for one.
  const redacted = redactKeys(decoded.slice(0, PREFIX_CHARS + 40)).replace(ANY_UUID, (uuid) => redactKey(uuid));
  const cut = redacted.length > PREFIX_CHARS || decoded.length > PREFIX_CHARS + 40 || bytes.length > PREFIX_BYTES;
  return `${JSON.stringify(redacted.slice(0, PREFIX_CHARS))}${cut ? ' (cut)' : ''}`;
}

/** A MessageReader over a byte stream (the server's stdin) through a Framer. */
export class FramedReader extends AbstractMessageReader implements MessageReader {
  constructor(
    private readonly input: NodeJS.ReadableStream,
    private readonly options: FramingOptions,
  ) {
    super();
  }

  listen(callback: DataCallback): Disposable {
    const framer = new Framer(callback, this.options);
    let lastData = 0;
    let timer: NodeJS.Timeout | undefined;
    // One timer while a body is incomplete, re-armed for what is left of the wait when bytes came meanwhile.
    const watch = (): void => {
      timer = undefined;
      if (!framer.waiting) return;
      const idle = performance.now() - lastData;
      if (idle < STALL_MS) {
        timer = setTimeout(watch, STALL_MS - idle).unref();
        return;
      }
      guarded(() => framer.stalled(idle));
    };
    const guarded = (work: () => void): void => {
      try {
        work();
      } catch (error) {
        this.fireError(error);
      }
    };
    const onData = (chunk: Buffer | string): void => {
      lastData = performance.now();
      guarded(() => framer.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk));
      if (framer.waiting && !timer) timer = setTimeout(watch, STALL_MS).unref();
    };
    const onError = (error: Error): void => this.fireError(error);
    const onClose = (): void => this.fireClose();
    this.input.on('data', onData);
    this.input.on('error', onError);
    this.input.on('close', onClose);
    return Disposable.create(() => {
      if (timer) clearTimeout(timer);
      this.input.off('data', onData);
      this.input.off('error', onError);
      this.input.off('close', onClose);
    });
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
