// The language server figures, measured through a client over stdio against dist/server.js:
// keystroke latency (didChange → the diagnostics published for that version), start-up, memory.

import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import ts from 'typescript';
import type { Corpus } from './corpus.js';
import { BenchClient, fileUri, languageIdOf } from './lsp-client.js';
import { CORPUS_DIR } from './paths.js';
import { atMost, median, percentile, round, type Result } from './measure.js';

interface Spot {
  line: number;
  character: number;
}

/**
 * Where the typing happens: just inside the closing quote of string literals on distinct lines,
 * spread through the file, half of them Leonardo prompts and half ordinary strings.
 */
function typingSpots(text: string, count: number): Spot[] {
  const lines = text.split('\n');
  const prompts: Spot[] = [];
  const others: Spot[] = [];
  lines.forEach((line, i) => {
    const m = /^\s*(?:prompt|logger\.\w+\(.*)'([^']*)'/.exec(line);
    if (!m) return;
    const character = m.index + m[0].length - 1;
    (line.includes('prompt') ? prompts : others).push({ line: i, character });
  });
  const spread = (spots: Spot[], n: number) => Array.from({ length: Math.min(n, spots.length) }, (_, k) => spots[Math.floor(((k + 0.5) * spots.length) / n)]);
  const chosen = [...spread(prompts, count / 2), ...spread(others, count - Math.min(count / 2, prompts.length))];
  if (chosen.length < count) throw new Error(`only ${chosen.length} typing spots in the file`);
  return chosen.sort((a, b) => a.line - b.line);
}

/** Twenty one-character edits at a spot: twelve characters typed, four backspaces, four more typed (twelve in all). */
export function* session(spot: Spot): Generator<{ range: { start: Spot; end: Spot }; text: string }> {
  const word = ' with soft light';
  let typed = 0;
  const at = () => ({ line: spot.line, character: spot.character + typed });
  for (let i = 0; i < 12; i++, typed++) yield { range: { start: at(), end: at() }, text: word[i] };
  for (let i = 0; i < 4; i++) {
    typed--;
    yield { range: { start: at(), end: { line: spot.line, character: spot.character + typed + 1 } }, text: '' };
  }
  for (let i = 8; i < 12; i++, typed++) yield { range: { start: at(), end: at() }, text: word[i] };
}

/** One bare parse of `text` (no parent pointers), in milliseconds: the keystroke figures' baseline. */
export function timeParse(file: string, text: string): number {
  const started = performance.now();
  ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  return performance.now() - started;
}

async function keystrokes(corpus: Corpus, file: string, name: string): Promise<Result> {
  const text = fs.readFileSync(file, 'utf8');
  // The baseline is measured through the session, between its typing spots (and before it), so the
  // ratio compares the two in the same window of the machine's drifting speed.
  for (let i = 0; i < 3; i++) timeParse(file, text);
  const parses = Array.from({ length: 5 }, () => timeParse(file, text));
  const client = await BenchClient.start(path.dirname(corpus.ts2k));
  try {
    const uri = fileUri(file);
    let version = 1;
    const opened = client.diagnostics(uri, version);
    await client.open(uri, 'typescript', version, text);
    await opened;
    const spots = typingSpots(text, 11);
    const latencies: number[] = [];
    for (const [k, spot] of spots.entries()) {
      for (const edit of session(spot)) {
        version++;
        const published = client.diagnostics(uri, version);
        const started = performance.now();
        await client.change(uri, version, edit.range, edit.text);
        await published;
        // The first spot is warm-up.
        if (k > 0) latencies.push(performance.now() - started);
      }
      parses.push(timeParse(file, text));
    }
    const p95 = percentile(latencies, 95);
    const parse = median(parses);
    return {
      name,
      value: round(p95, 2),
      unit: 'ms',
      baseline: round(parse, 2),
      ratio: round(p95 / parse, 3),
      target: 'p95 ≤ 1.0× a bare parse',
      pass: p95 <= parse,
      detail:
        `${latencies.length} one-character edits (after 20 warm-up edits), each sent after the previous version's diagnostics; ` +
        `push diagnostics; median ${round(median(latencies), 2)} ms, max ${round(Math.max(...latencies), 2)} ms; ` +
        `baseline: the median of ${parses.length} ts.createSourceFile of the file (no parent pointers) in the bench process, before and between the typing spots`,
    };
  } finally {
    await client.stop();
  }
}

export async function keystrokeFigures(corpus: Corpus): Promise<Result[]> {
  return [await keystrokes(corpus, corpus.ts2k, 'lsp/keystroke-2k'), await keystrokes(corpus, corpus.ts20k, 'lsp/keystroke-20k')];
}

/** Spawn to the first diagnostics of a small file, against spawning node until its first output. */
export async function startupFigure(corpus: Corpus): Promise<Result> {
  const text = fs.readFileSync(corpus.small, 'utf8');
  const uri = fileUri(corpus.small);
  // The server's code cache goes to a folder of the bench's own, emptied first: the warm-up start is a cold one.
  const cacheHome = path.join(CORPUS_DIR, 'code-cache');
  fs.rmSync(cacheHome, { recursive: true, force: true });
  const env = { ...process.env, XDG_CACHE_HOME: cacheHome, LOCALAPPDATA: cacheHome };
  const server = async (): Promise<number> => {
    const started = performance.now();
    const client = await BenchClient.start(path.dirname(corpus.small), env);
    const published = client.diagnostics(uri);
    await client.open(uri, 'typescript', 1, text);
    await published;
    const elapsed = performance.now() - started;
    await client.stop();
    return elapsed;
  };
  const node = async (): Promise<number> => {
    const started = performance.now();
    await nodeFirstOutput();
    return performance.now() - started;
  };
  const servers: number[] = [];
  const nodes: number[] = [];
  let cold = 0;
  for (let i = 0; i < 11; i++) {
    // The first round is warm-up (disk cache, and the server's first start writes its code cache); the order alternates.
    const [a, b] = i % 2 === 0 ? [await server(), await node()] : [await node(), await server()].reverse();
    if (i > 0) {
      servers.push(a);
      nodes.push(b);
    } else cold = a!;
  }
  return atMost('lsp/startup', {
    value: median(servers),
    unit: 'ms',
    baseline: median(nodes),
    limit: 300,
    detail:
      `spawn of node dist/server.js --stdio → initialize → didOpen of a 60-line file → its diagnostics, with the code cache of ` +
      `an earlier start (the first start, without it: ${round(cold, 0)} ms); baseline: spawn of node to its first output`,
  });
}

function nodeFirstOutput(): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', 'process.stdout.write("x")'], { stdio: ['ignore', 'pipe', 'inherit'] });
    child.stdout.once('data', () => resolve());
    child.once('error', reject);
  });
}

/** RSS after opening 500 files of the project (all kinds), against RSS with one small file open. */
export async function memoryFigure(corpus: Corpus): Promise<Result> {
  // The first half of the project: every kind of file, one in ten calling Leonardo.
  const files = corpus.projectFiles.slice(0, 500);
  const client = await BenchClient.start(corpus.projectDir);
  try {
    const smallUri = fileUri(corpus.small);
    const first = client.diagnostics(smallUri);
    await client.open(smallUri, 'typescript', 1, fs.readFileSync(corpus.small, 'utf8'));
    await first;
    await pause(300);
    const idle = client.rssMegabytes();
    const all = files.map((file) => {
      const uri = fileUri(file);
      const published = client.diagnostics(uri);
      void client.open(uri, languageIdOf(file), 1, fs.readFileSync(file, 'utf8'));
      return published;
    });
    const diagnostics = await Promise.all(all);
    await pause(300);
    const problems = diagnostics.reduce((n, d) => n + d.diagnostics.length, 0);
    return atMost('lsp/memory-500', {
      value: client.rssMegabytes(),
      unit: 'MB',
      baseline: idle,
      limit: 150,
      detail: `server RSS after opening ${files.length} project files (TS, TSX, JS, JSON, Markdown, shell, .http; ${problems} diagnostics) and receiving their diagnostics; baseline: RSS with one small file open`,
    });
  } finally {
    await client.stop();
  }
}

function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

