// The stdio framing figure: one 30 MB didOpen read by the server's reader (server/src/lsp/framing.ts)
// against vscode-jsonrpc's own StreamMessageReader on the same bytes in the same 64 KB chunks a pipe
// delivers, both from a stream to the parsed message. The framing earns its place only if it costs
// about what the library costs (the first version concatenated its buffer per chunk: 18.5 s for 50 MB).
// Also measured: the same reader at 3 MB (the per-byte cost must not grow with the size), and the whole
// trip through dist/server.js (didOpen of the 30 MB file to its diagnostics).

import * as fs from 'node:fs';
import * as path from 'node:path';
import { PassThrough } from 'node:stream';
import { StreamMessageReader, type MessageReader } from 'vscode-languageserver-protocol/node';
import { FramedReader } from '../server/src/lsp/framing.js';
import type { Corpus } from './corpus.js';
import { BenchClient, fileUri } from './lsp-client.js';
import { median, round, sideBySide, type Result } from './measure.js';

const CHUNK = 64 * 1024;
const MB = 1024 * 1024;

/** A didOpen of `size` bytes of TypeScript (the 20,000-line corpus file, repeated), framed, in pipe-sized chunks. */
function didOpenChunks(source: string, size: number): { chunks: Buffer[]; text: string } {
  const text = source.repeat(Math.ceil(size / Buffer.byteLength(source))).slice(0, size);
  const body = JSON.stringify({ jsonrpc: '2.0', method: 'textDocument/didOpen', params: { textDocument: { uri: 'file:///bench/big.ts', languageId: 'typescript', version: 1, text } } });
  const bytes = Buffer.from(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
  const chunks: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += CHUNK) chunks.push(bytes.subarray(i, i + CHUNK));
  return { chunks, text };
}

/** Milliseconds from the first chunk written to the message delivered. */
async function read(makeReader: (input: PassThrough) => MessageReader, chunks: readonly Buffer[]): Promise<number> {
  const input = new PassThrough();
  const reader = makeReader(input);
  const started = performance.now();
  const delivered = new Promise<void>((resolve) => reader.listen(() => resolve()));
  for (const chunk of chunks) input.write(chunk);
  await delivered;
  const elapsed = performance.now() - started;
  reader.dispose();
  input.destroy();
  return elapsed;
}

const ours = (input: PassThrough): MessageReader => new FramedReader(input, { log: (line) => console.error(line) });
const theirs = (input: PassThrough): MessageReader => new StreamMessageReader(input);

/** didOpen of the text through dist/server.js to its published diagnostics (skipped above maxFileSize: the framing and the document store). */
async function throughServer(corpus: Corpus, text: string): Promise<number> {
  const client = await BenchClient.start(path.dirname(corpus.small));
  try {
    const uri = fileUri(path.join(path.dirname(corpus.small), 'big.ts'));
    const published = client.diagnostics(uri);
    const started = performance.now();
    await client.open(uri, 'typescript', 1, text);
    await published;
    return performance.now() - started;
  } finally {
    await client.stop();
  }
}

export async function framingFigure(corpus: Corpus): Promise<Result> {
  const source = fs.readFileSync(corpus.ts20k, 'utf8');
  const large = didOpenChunks(source, 30 * MB);
  const small = didOpenChunks(source, 3 * MB);
  const pair = await sideBySide(() => read(ours, large.chunks), () => read(theirs, large.chunks), { warmup: 1, runs: 5 });
  const smallPair = await sideBySide(() => read(ours, small.chunks), () => read(theirs, small.chunks), { warmup: 2, runs: 9 });
  const value = median(pair.figure);
  const baseline = median(pair.baseline);
  const ratio = value / baseline;
  // Per byte, 30 MB against 3 MB (concatenating per chunk made this ~10×).
  const growth = value / 10 / median(smallPair.figure);
  const server = await throughServer(corpus, large.text);
  return {
    name: 'lsp/framing-30mb',
    value: round(value, 1),
    unit: 'ms',
    baseline: round(baseline, 1),
    ratio: round(ratio, 3),
    target: 'ratio ≤ 1.25; per-byte ≤ 1.5× at 3 MB',
    pass: ratio <= 1.25 && growth <= 1.5,
    detail:
      `a 30 MB didOpen in 64 KB chunks, stream to parsed message: the server's FramedReader vs vscode-jsonrpc's StreamMessageReader on the same chunks; ` +
      `per-byte cost 30 MB vs 3 MB ${round(growth, 2)}× (3 MB: ${round(median(smallPair.figure), 1)} ms vs ${round(median(smallPair.baseline), 1)} ms); ` +
      `through dist/server.js, didOpen of the 30 MB file to its diagnostics: ${round(server, 0)} ms`,
  };
}
