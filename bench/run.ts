// `npm run bench`: generate the corpus, measure every figure against its baseline, print the table
// and write bench/results.json (an array of {name, value, unit, baseline, ratio, target, pass, detail}).
// `--only engine,lsp` runs some groups (engine, json, eslint, eslint-plugin, keystroke, startup, memory, framing, cli, vsix, workspace, regex);
// `--out <file>` writes the results elsewhere; `--markdown` also prints the table as Markdown.
// Each group runs in a process of its own (this script again, with `--group`), so no group measures
// in a heap the one before it filled: after the 20,000-line engine runs, the JSON figure here came
// out 3× slower in the same process than alone.

import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { cliFigure } from './cli.js';
import { generateCorpus, type Corpus } from './corpus.js';
import { engineJsonFigure, engineTsFigures, engineVsEslint } from './engine.js';
import { eslintPluginFigure } from './eslint-plugin.js';
import { framingFigure } from './framing.js';
import { BENCH_DIR } from './paths.js';
import { keystrokeFigures, memoryFigure, startupFigure } from './lsp.js';
import { formatMarkdown, formatTable, type Result } from './measure.js';
import { regexFigures } from './regex.js';
import { vsixFigure } from './vsix.js';
import { workspaceFigures } from './workspace.js';

const GROUPS: Record<string, (corpus: Corpus) => Promise<Result[]> | Result[]> = {
  engine: engineTsFigures,
  json: async (c) => [await engineJsonFigure(c)],
  eslint: async (c) => [await engineVsEslint(c)],
  'eslint-plugin': async (c) => [await eslintPluginFigure(c)],
  keystroke: keystrokeFigures,
  startup: async (c) => [await startupFigure(c)],
  memory: async (c) => [await memoryFigure(c)],
  framing: async (c) => [await framingFigure(c)],
  cli: async (c) => [await cliFigure(c)],
  vsix: () => [vsixFigure()],
  workspace: workspaceFigures,
  regex: () => regexFigures(),
};

function option(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

/** `--group <name> --io <file>`: measure one group in this process on the corpus the file describes, and write its rows there. */
async function measureGroup(group: string, ioFile: string): Promise<void> {
  const corpus = JSON.parse(fs.readFileSync(ioFile, 'utf8')) as Corpus;
  fs.writeFileSync(ioFile, JSON.stringify(await GROUPS[group](corpus)));
}

function measureInChild(group: string, corpus: Corpus): Result[] {
  const ioFile = path.join(os.tmpdir(), `leonardo-lint-bench-${process.pid}-${group}.json`);
  fs.writeFileSync(ioFile, JSON.stringify(corpus));
  const child = spawnSync(process.execPath, [...process.execArgv, process.argv[1], '--group', group, '--io', ioFile], { stdio: 'inherit' });
  if (child.status !== 0) throw new Error(`the ${group} group failed (exit ${child.status ?? child.signal})`);
  const rows = JSON.parse(fs.readFileSync(ioFile, 'utf8')) as Result[];
  fs.rmSync(ioFile, { force: true });
  return rows;
}

async function main(): Promise<void> {
  const group = option('--group');
  if (group) return measureGroup(group, option('--io')!);
  const only = option('--only')?.split(',');
  const unknown = only?.filter((g) => !(g in GROUPS)) ?? [];
  if (unknown.length > 0) throw new Error(`unknown group ${unknown.join(', ')}; groups: ${Object.keys(GROUPS).join(', ')}`);
  const out = option('--out') ?? path.join(BENCH_DIR, 'results.json');
  console.log(`Node ${process.version}, ${os.availableParallelism()} cores (${os.cpus()[0]?.model ?? 'unknown CPU'}), ${os.platform()} ${os.arch()}`);

  const started = performance.now();
  const corpus = generateCorpus();
  console.log(`corpus generated in ${Math.round(performance.now() - started)} ms`);
  const results: Result[] = [];
  for (const group of Object.keys(GROUPS)) {
    if (only && !only.includes(group)) continue;
    const t = performance.now();
    const rows = measureInChild(group, corpus);
    results.push(...rows);
    for (const r of rows) console.log(`  ${r.pass ? 'pass' : 'FAIL'} ${r.name}: ${r.value} ${r.unit} (${r.detail})`);
    console.log(`${group}: ${Math.round(performance.now() - t)} ms`);
  }
  console.log('\n' + formatTable(results));
  if (process.argv.includes('--markdown')) console.log('\n' + formatMarkdown(results));
  fs.writeFileSync(out, JSON.stringify(results, null, 2) + '\n');
  console.log(`\nwrote ${path.relative(process.cwd(), out)} (${Math.round((performance.now() - started) / 1000)} s)`);
  const failed = results.filter((r) => !r.pass).length;
  console.log(failed === 0 ? 'every target met' : `${failed} of ${results.length} targets missed`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
