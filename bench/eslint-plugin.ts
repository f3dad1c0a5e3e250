// What the ESLint plugin adds to a lint run: ESLint with and without `leonardo.configs.recommended`
// (beside the vs-eslint baseline's TypeScript parser and one trivial rule), over the bench project's
// TS files, against the engine's own time on the same files. The plugin should cost little more
// than the engine does alone: it analyses each file once for all its rules and reads the text, not
// ESLint's tree. The three run interleaved file by file, in a rotating order, on fresh copies of the
// texts each run.
//
// ESLint runs as `npx eslint` runs it: through the ESLint class, which builds the config array once
// and merges the config objects a file matches once per combination. `Linter.verify` handed a plain
// array (the vs-eslint figure's way, fine for one rule) builds, merges and validates the whole config
// again for every file, so it charged the plugin the check of its 26 rules' settings 176 times a run,
// a cost no ESLint run pays.
//
// Each job is timed by the process's CPU time as well as the clock, file by file. On a shared
// 2-core machine the clock counts the moments the process waits for a core, and those fall on one
// job or another at random: ESLint's 2-6 s per run then varies by more than the plugin adds, and the
// difference of two run totals said little (on one loaded afternoon 0.5× on one run, 2.2× on the
// next). So the figure is CPU time (all the process's threads, the garbage collector's included),
// and for each file and job the fastest of the runs (noise only ever adds time), summed over the
// files; the detail gives the medians and the clock beside it, and a cross-check that is no
// difference at all: the CPU time spent inside the plugin's rules.

import * as fs from 'node:fs';
import * as tsParser from '@typescript-eslint/parser';
import { ESLint, type Linter, type Rule as EslintRule } from 'eslint';
import { analyze } from '../server/src/engine/analyze.js';
import { documentKindForPath } from '../server/src/engine/extract/index.js';
import { plugin, PLUGIN_NAME } from '../server/src/eslint-plugin/index.js';
import type { Corpus } from './corpus.js';
import { ratioResult, variants } from './engine.js';
import { median, round, type Result } from './measure.js';

const LIMIT = 1.2;

/** The config of the vs-eslint baseline: the TypeScript parser and one trivial rule, then `extra`. */
function eslintConfig(...extra: Linter.Config[]): Linter.Config[] {
  const rule: EslintRule.RuleModule = {
    meta: { type: 'problem', schema: [] },
    create: (context) => ({ DebuggerStatement: (node) => context.report({ node, message: 'debugger statement' }) }),
  };
  return [
    {
      files: ['**/*.{ts,tsx,js}'],
      languageOptions: { parser: tsParser, ecmaVersion: 'latest', sourceType: 'module' },
      plugins: { bench: { rules: { 'no-debugger-statement': rule } } },
      rules: { 'bench/no-debugger-statement': 'error' },
    },
    ...extra,
  ];
}

/** ESLint as its CLI runs it, on one text at a time: the number of messages. */
function eslintRunner(cwd: string, ...extra: Linter.Config[]): (file: string, text: string) => Promise<number> {
  const eslint = new ESLint({ cwd, overrideConfigFile: true, overrideConfig: eslintConfig(...extra) });
  return async (file, text) => {
    const [result] = await eslint.lintText(text, { filePath: file });
    const fatal = result.messages.find((m) => m.fatal);
    if (fatal) throw new Error(`ESLint could not parse ${file}: ${fatal.message}`);
    return result.messages.length;
  };
}

type Clock = 'cpu' | 'wall';

export async function eslintPluginFigure(corpus: Corpus): Promise<Result> {
  const warmup = 2;
  const runs = 9;
  // One TS file in four (ESLint over the whole project, three ways, nine times, took minutes here).
  // The generator writes TypeScript into some .js files: the engine reads them, ESLint's parser would not.
  const files = corpus.projectFiles.filter((f) => /\.tsx?$/.test(f)).filter((_, i) => i % 4 === 0);
  const texts = files.map((f) => variants(fs.readFileSync(f, 'utf8'), warmup + runs));
  const without = eslintRunner(corpus.projectDir);
  const withPlugin = eslintRunner(corpus.projectDir, plugin.configs.recommended);
  let findings = 0;
  const jobs: Array<[string, (f: string, text: string) => unknown]> = [
    ['without', (f, text) => without(f, text)],
    ['with', async (f, text) => (findings += await withPlugin(f, text))],
    ['engine', (f, text) => analyze({ text, kind: documentKindForPath(f)!, path: f })],
  ];
  // Interleaved file by file, not run by run: a slow moment then falls on all three alike.
  // time[clock][job][file][run]
  const time: Record<Clock, Record<string, number[][]>> = { cpu: {}, wall: {} };
  for (const clock of ['cpu', 'wall'] as const) for (const [name] of jobs) time[clock][name] = files.map(() => []);
  for (let i = 0; i < warmup + runs; i++) {
    findings = 0;
    for (let j = 0; j < files.length; j++) {
      for (let k = 0; k < jobs.length; k++) {
        const [name, job] = jobs[(i + j + k) % jobs.length];
        const cpu = process.cpuUsage();
        const started = performance.now();
        await job(files[j], texts[j][i]);
        const wall = performance.now() - started;
        const used = process.cpuUsage(cpu);
        if (i < warmup) continue;
        time.wall[name][j].push(wall);
        time.cpu[name][j].push((used.user + used.system) / 1000);
      }
    }
  }
  // Per file, each job's fastest run (the load only ever adds time), summed over the files.
  const fastest = (clock: Clock, name: string) => sum(time[clock][name].map((runs) => Math.min(...runs)));
  const added = (clock: Clock) => fastest(clock, 'with') - fastest(clock, 'without');
  // The same with each file's median run, for comparison.
  const medianAdded = sum(time.cpu.with.map((runs, j) => median(runs.map((t, r) => t - time.cpu.without[j][r]))));
  const medianEngine = sum(time.cpu.engine.map((runs) => median(runs)));
  const eslint = fastest('cpu', 'without');
  const inRules = await pluginCpuTime(corpus.projectDir, files, texts.map((t) => t[0]));
  return ratioResult(
    'eslint/plugin-cost',
    { engine: added('cpu'), parse: fastest('cpu', 'engine') },
    LIMIT,
    `CPU time the plugin (recommended config) adds to ESLint (the ESLint class, as its CLI runs) over ${files.length} TS files of the bench project (one in four) vs analyze() alone on them, ` +
      `each file's fastest of ${runs} runs; ESLint without the plugin ${round(eslint, 0)} ms, so the plugin adds ${round((100 * added('cpu')) / eslint, 1)}% to the run; ` +
      `with each file's median run ${round(medianAdded, 0)} ms vs ${round(medianEngine, 0)} ms (${round(medianAdded / medianEngine, 2)}); ` +
      `by the clock ${round(added('wall'), 0)} ms vs ${round(fastest('wall', 'engine'), 0)} ms (${round(added('wall') / fastest('wall', 'engine'), 2)}); ` +
      `the plugin's rules themselves took ${round(inRules, 0)} ms of CPU in one more run; ${findings} findings per run`,
  );
}

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

/**
 * A cross-check that is no difference of two large times: the CPU time spent in the plugin's rules
 * themselves (the analysis in the first one per file and the reports of all) over one run.
 */
async function pluginCpuTime(cwd: string, files: readonly string[], texts: readonly string[]): Promise<number> {
  let total = 0;
  const timedRules = Object.fromEntries(
    Object.entries(plugin.rules).map(([id, rule]) => [
      id,
      {
        ...rule,
        create(context: EslintRule.RuleContext) {
          const started = process.cpuUsage();
          const listeners = rule.create(context);
          const used = process.cpuUsage(started);
          total += (used.user + used.system) / 1000;
          return listeners;
        },
      },
    ]),
  );
  const lint = eslintRunner(cwd, { ...plugin.configs.recommended, plugins: { [PLUGIN_NAME]: { ...plugin, rules: timedRules } } });
  for (let j = 0; j < files.length; j++) await lint(files[j], texts[j]);
  return total;
}
