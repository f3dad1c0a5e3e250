// `workspace/index-10k`: the workspace index on a generated 10,000-file Next.js-like project (one file
// in twenty calls Leonardo, half of them through the wrappers and clients `src/lib/leonardo.ts` and
// `src/lib/client.ts` export, imported through the `@/` alias). Three figures from one run:
// - the index built cold (a new index: read every file, scan it, summarise the few that matter)
//   against a bare read + `ts.createSourceFile` of every file, side by side: ratio ≤ 0.3;
// - the language server's RSS once its background indexing of the project is done: ≤ 250 MB;
// - the first diagnostics of a file opened right after start-up, while the index is still building:
//   ≤ 300 ms after the server process is spawned;
// - `workspace/keystroke-exporter`: once the index is built, the exporting module and five of its
//   importers open, a keystroke in the exporter to the republished diagnostics of every open importer,
//   p95 against the bare parse of the 2,000-line file that `lsp/keystroke-2k` is held to: ratio ≤ 1.0.

import * as fs from 'node:fs';
import * as path from 'node:path';
import ts from 'typescript';
import { LogMessageNotification, type ProtocolConnection } from 'vscode-languageserver-protocol/node';
import { WorkspaceIndex } from '../server/src/engine/workspace/index.js';
import { BenchClient, fileUri } from './lsp-client.js';
import { session, timeParse } from './lsp.js';
import { atMost, median, percentile, round, sideBySide, type Result } from './measure.js';
import { CORPUS_DIR } from './paths.js';
import { Random } from './random.js';
import type { Corpus } from './corpus.js';

const FILES = 10_000;
const SEED = 20261206;

const LIB = `import axios from "axios";
import { LEONARDO_KEY } from "./config";

export const LEONARDO_URL = "https://cloud.leonardo.ai/api/rest/v1";
export const leonardo = axios.create({ baseURL: LEONARDO_URL, headers: { authorization: \`Bearer \${LEONARDO_KEY}\` } });
export const LEONARDO_MODELS = { phoenix: "6b645e3a-d64f-4341-a6d8-7a3690fbf042", kino: "aa77f04e-3eec-4034-9c07-d0f619684628" };

export async function generateImage(params: Record<string, unknown>) {
  const response = await leonardo.post("/generations", params);
  return response.data;
}

export async function leonardoRequest(method: string, path: string, body?: unknown) {
  const response = await leonardo.request({ method, url: path, data: body });
  return response.data;
}
`;

/** A plain module: helpers, a component-ish function, imports of a few siblings. */
function plainFile(r: Random, i: number): string {
  const lines: string[] = [];
  for (let k = 0; k < 3; k++) {
    const other = r.int(0, FILES - 1);
    lines.push(`import { helper${other} } from "@/modules/m${Math.floor(other / 100)}/file${other}";`);
  }
  lines.push('', `export interface Item${i} { id: string; name: string; count: number }`, '');
  for (let k = 0; k < r.int(4, 10); k++) {
    lines.push(
      `export function helper${k === 0 ? i : `${i}_${k}`}(items: Item${i}[], limit = ${r.int(1, 99)}): Item${i}[] {`,
      `  const seen = new Set<string>();`,
      `  const out = items.filter((item) => !seen.has(item.id) && seen.add(item.id) && item.count < limit);`,
      `  return out.sort((a, b) => a.name.localeCompare(b.name)).slice(0, ${r.int(5, 50)});`,
      `}`,
      '',
    );
  }
  return lines.join('\n');
}

/** A route calling Leonardo: directly (even files) or through the imported wrappers and client (odd ones). */
function leonardoFile(r: Random, i: number, imported: boolean): string {
  const width = r.pick([512, 768, 1024, 1020]);
  if (imported) {
    return `import { generateImage, leonardo, leonardoRequest, LEONARDO_MODELS } from "@/lib/leonardo";
import { helper${i - 1} } from "@/modules/m${Math.floor((i - 1) / 100)}/file${i - 1}";

export async function POST${i}(prompt: string) {
  const job = await generateImage({ prompt, modelId: LEONARDO_MODELS.phoenix, width: ${width}, height: 768, num_images: ${r.int(1, 4)} });
  const me = await leonardo.get("/me");
  const upscale = await leonardoRequest("POST", "/variations/upscale", { id: job.id });
  return { job, me: me.data, upscale, helper: helper${i - 1} };
}
`;
  }
  return `const BASE = "https://cloud.leonardo.ai/api/rest/v1";

export async function create${i}(prompt: string) {
  const response = await fetch(\`\${BASE}/generations\`, {
    method: "POST",
    headers: { authorization: \`Bearer \${process.env.LEONARDO_API_KEY}\`, "content-type": "application/json" },
    body: JSON.stringify({ prompt, width: ${width}, height: 768, num_images: ${r.int(1, 4)} }),
  });
  return response.json();
}
`;
}

/** Writes the project once (deterministic); returns its root and the file opened first. */
export function writeWorkspaceProject(): { root: string; files: string[]; opened: string } {
  const root = path.join(CORPUS_DIR, 'workspace-10k');
  const marker = path.join(root, '.complete');
  const files: string[] = [];
  const r = new Random(SEED);
  const fresh = !fs.existsSync(marker);
  if (fresh) fs.rmSync(root, { recursive: true, force: true });
  const write = (name: string, text: string): void => {
    const file = path.join(root, name);
    files.push(file);
    if (!fresh) return;
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
  };
  write('tsconfig.json', '{ "compilerOptions": { "strict": true, "baseUrl": ".", "paths": { "@/*": ["./src/*"] } } }\n');
  write('src/lib/leonardo.ts', LIB);
  write('src/lib/config.ts', 'export const LEONARDO_KEY = process.env.LEONARDO_API_KEY ?? "";\n');
  let opened = '';
  for (let i = 0; i < FILES - 3; i++) {
    const calls = i % 20 === 19;
    const name = `src/modules/m${Math.floor(i / 100)}/file${i}.ts`;
    const text = calls ? leonardoFile(r, i, i % 40 === 39) : plainFile(r, i);
    write(name, text);
    // The file opened first: one whose mistake (a width of 1020) is found only through the index.
    if (calls && i % 40 === 39 && !opened && text.includes('width: 1020')) opened = path.join(root, name);
  }
  if (fresh) fs.writeFileSync(marker, '');
  return { root, files, opened };
}

export async function workspaceFigures(corpus: Corpus): Promise<Result[]> {
  const { root, files, opened } = writeWorkspaceProject();
  const moduleFiles = files.filter((file) => file.endsWith('.ts'));
  let summarised = 0;
  const timed = await sideBySide(
    () => {
      const index = new WorkspaceIndex({ root, read: (file) => fs.readFileSync(file, 'utf8'), files });
      index.build();
      summarised = index.summarized;
    },
    () => {
      for (const file of moduleFiles) ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
    },
    { warmup: 1, runs: 3 },
  );
  const build = median(timed.figure);
  const parse = median(timed.baseline);
  const ratio = build / parse;
  const results: Result[] = [
    {
      name: 'workspace/index-10k',
      value: round(build, 1),
      unit: 'ms',
      baseline: round(parse, 1),
      ratio: round(ratio, 3),
      target: 'ratio ≤ 0.3',
      pass: ratio <= 0.3,
      detail: `a new index over ${files.length} files (read, scanned; ${summarised} modules summarised) vs reading and parsing every file`,
    },
  ];
  // The opened file and the next importers of src/lib/leonardo.ts.
  const importers = [opened];
  for (const file of files) {
    if (importers.length === IMPORTERS) break;
    if (file !== opened && fs.readFileSync(file, 'utf8').includes('from "@/lib/leonardo"')) importers.push(file);
  }
  results.push(...(await serverFigures(root, opened, importers, corpus)));
  return results;
}

/** Open importers of the exporter whose keystrokes `workspace/keystroke-exporter` times. */
const IMPORTERS = 5;

/** The server on the project: first diagnostics of an open file during indexing, RSS after it, and keystrokes in the exporter. */
async function serverFigures(root: string, opened: string, importers: string[], corpus: Corpus): Promise<Result[]> {
  const started = performance.now();
  const client = await BenchClient.start(root);
  const ready = performance.now();
  try {
    // The server logs one line when a folder's background indexing is done.
    const connection = (client as unknown as { connection: ProtocolConnection }).connection;
    let indexedAt: number | undefined;
    const indexed = new Promise<void>((resolve) =>
      connection.onNotification(LogMessageNotification.type, (params) => {
        if (params.message.startsWith('Workspace index of')) {
          indexedAt = performance.now();
          resolve();
        }
      }),
    );
    const uri = fileUri(opened);
    const first = client.diagnostics(uri);
    await client.open(uri, 'typescript', 1, fs.readFileSync(opened, 'utf8'));
    const diagnostics = await first;
    const firstAt = performance.now() - ready;
    const fromSpawn = performance.now() - started;
    const duringIndexing = indexedAt === undefined;
    await indexed;
    const rss = client.rssMegabytes();
    return [
      atMost('workspace/first-diagnostics', {
        value: firstAt,
        unit: 'ms',
        baseline: null,
        limit: 300,
        detail: `from the server's initialize answer to the first diagnostics of an importing file (${diagnostics.diagnostics.length} found), ${duringIndexing ? 'while the index was still building' : 'after the index was built'} (${Math.round(fromSpawn)} ms from spawn); indexing done ${Math.round(indexedAt! - started)} ms after spawn`,
      }),
      atMost('workspace/server-rss', {
        value: rss,
        unit: 'MB',
        baseline: null,
        limit: 250,
        detail: `server RSS after indexing the ${FILES}-file project in the background, one file open`,
      }),
      await exporterKeystrokes(client, path.join(root, 'src/lib/leonardo.ts'), opened, importers, corpus),
    ];
  } finally {
    await client.stop();
  }
}

/**
 * `workspace/keystroke-exporter`: the exporting module and its importers open (the first already is),
 * one-character edits typed into a comment at the exporter's end, each timed from its didChange to the
 * diagnostics the server publishes again for every open importer (the next edit sent once those and
 * the exporter's own are in). Ten typing sessions of twenty edits after one of warm-up, as
 * `lsp/keystroke-2k` types; its baseline, the bare parse of the 2,000-line file, measured here too,
 * before and between the sessions.
 */
async function exporterKeystrokes(client: BenchClient, exporter: string, alreadyOpen: string, importers: string[], corpus: Corpus): Promise<Result> {
  const baselineText = fs.readFileSync(corpus.ts2k, 'utf8');
  for (let i = 0; i < 3; i++) timeParse(corpus.ts2k, baselineText);
  const parses = Array.from({ length: 5 }, () => timeParse(corpus.ts2k, baselineText));
  const importerUris = importers.map(fileUri);
  await Promise.all(
    importers.map(async (file, k) => {
      if (file === alreadyOpen) return;
      const published = client.diagnostics(importerUris[k]);
      await client.open(importerUris[k], 'typescript', 1, fs.readFileSync(file, 'utf8'));
      await published;
    }),
  );
  const uri = fileUri(exporter);
  const text = fs.readFileSync(exporter, 'utf8');
  let version = 1;
  const opened = client.diagnostics(uri, version);
  await client.open(uri, 'typescript', version, text);
  await opened;
  const lastLine = text.split('\n').length - 1;
  // Each edit: its time to every importer's diagnostics; the exporter's own are awaited too, untimed.
  const edit = async (range: { start: { line: number; character: number }; end: { line: number; character: number } }, typed: string): Promise<number> => {
    version++;
    const republished = Promise.all(importerUris.map((importer) => client.diagnostics(importer)));
    const own = client.diagnostics(uri, version);
    const started = performance.now();
    await client.change(uri, version, range, typed);
    await republished;
    const elapsed = performance.now() - started;
    await own;
    return elapsed;
  };
  const comment = '// notes:';
  const end = { line: lastLine, character: text.length - text.lastIndexOf('\n') - 1 };
  await edit({ start: end, end }, `\n${comment}`);
  const latencies: number[] = [];
  let spot = { line: lastLine + 1, character: comment.length };
  for (let k = 0; k < 11; k++) {
    for (const e of session(spot)) {
      const elapsed = await edit(e.range, e.text);
      // The first session is warm-up.
      if (k > 0) latencies.push(elapsed);
    }
    // A session types twelve characters in all: the next one starts after them.
    spot = { line: spot.line, character: spot.character + 12 };
    parses.push(timeParse(corpus.ts2k, baselineText));
  }
  const p95 = percentile(latencies, 95);
  const parse = median(parses);
  return {
    name: 'workspace/keystroke-exporter',
    value: round(p95, 2),
    unit: 'ms',
    baseline: round(parse, 2),
    ratio: round(p95 / parse, 3),
    target: 'p95 ≤ 1.0× a bare parse (of the 2,000-line file)',
    pass: p95 <= parse,
    detail:
      `${latencies.length} one-character edits in src/lib/leonardo.ts (after 20 warm-up edits), each timed to the republished diagnostics of its ${importers.length} open importers ` +
      `(push diagnostics; median ${round(median(latencies), 2)} ms, max ${round(Math.max(...latencies), 2)} ms), in the ${FILES}-file project once indexed; ` +
      `baseline: the median of ${parses.length} ts.createSourceFile of the 2,000-line file (lsp/keystroke-2k's), before and between the typing sessions`,
  };
}
