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
// The figure is a difference of two ESLint runs, and with @typescript-eslint/parser those runs are
// 2-6 s each to find 0.1-0.2 s: on a shared 2-core machine the difference scattered from 0.97 to 2.5
// (bench/README.md). The plugin reads only the text (`sourceCode.text`, `getLocFromIndex`) and
// registers no listener, so what it adds to a run does not depend on the tree the parser builds. The
// two runs the figure subtracts therefore use a parser that hands ESLint the text with an empty
// Program: ESLint's own work per file (its SourceCode, line index, config, rule contexts, reports,
// disable directives) is all there, the parse is not, and the difference is no longer buried in it.
// The TypeScript parser's runs stay as a cross-check in the detail (one run each way, and the CPU
// time inside the plugin's rules).
//
// Each job is timed by the process's CPU time (all its threads, the garbage collector's included),
// file by file, interleaved, and for each file and job the fastest of the runs (noise only ever adds
// time), summed over the files.
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

/**
 * A parser that gives ESLint the file's text and an empty program: what ESLint does for every file
 * beside the parse, and no more. (The plugin never reads the tree; see the header.)
 */
const textOnlyParser: Linter.Parser = {
  meta: { name: 'bench-text-only' },
  parseForESLint: (code: string) => ({
    ast: {
      type: 'Program',
      body: [],
      sourceType: 'module',
      range: [0, code.length],
      loc: { start: { line: 1, column: 0 }, end: { line: 1, column: 0 } },
      tokens: [],
      comments: [],
    },
    visitorKeys: { Program: ['body'] },
  }),
};

type Parse = 'typescript' | 'text-only';

/** The config of the vs-eslint baseline: the TypeScript parser (or the text-only one) and one trivial rule, then `extra`. */
function eslintConfig(parse: Parse, ...extra: Linter.Config[]): Linter.Config[] {
  const rule: EslintRule.RuleModule = {
    meta: { type: 'problem', schema: [] },
    create: (context) => ({ DebuggerStatement: (node) => context.report({ node, message: 'debugger statement' }) }),
  };
  return [
    {
      files: ['**/*.{ts,tsx,js}'],
      languageOptions: { parser: parse === 'typescript' ? tsParser : textOnlyParser, ecmaVersion: 'latest', sourceType: 'module' },
      plugins: { bench: { rules: { 'no-debugger-statement': rule } } },
      rules: { 'bench/no-debugger-statement': 'error' },
    },
    ...extra,
  ];
}

/** ESLint as its CLI runs it, on one text at a time: the number of messages. */
function eslintRunner(cwd: string, parse: Parse, ...extra: Linter.Config[]): (file: string, text: string) => Promise<number> {
  const eslint = new ESLint({ cwd, overrideConfigFile: true, overrideConfig: eslintConfig(parse, ...extra) });
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
  const without = eslintRunner(corpus.projectDir, 'text-only');
  const withPlugin = eslintRunner(corpus.projectDir, 'text-only', plugin.configs.recommended);
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
  const check = await typeScriptParserCheck(corpus.projectDir, files, texts.map((t) => t[0]));
  return ratioResult(
    'eslint/plugin-cost',
    { engine: added('cpu'), parse: fastest('cpu', 'engine') },
    LIMIT,
    `CPU time the plugin (recommended config) adds to ESLint (the ESLint class, as its CLI runs; a text-only parser, see bench/eslint-plugin.ts) over ${files.length} TS files of the bench project (one in four) vs analyze() alone on them, ` +
      `each file's fastest of ${runs} runs; ESLint without the plugin ${round(eslint, 0)} ms; ` +
      `with each file's median run ${round(medianAdded, 0)} ms vs ${round(medianEngine, 0)} ms (${round(medianAdded / medianEngine, 2)}); ` +
      `by the clock ${round(added('wall'), 0)} ms vs ${round(fastest('wall', 'engine'), 0)} ms (${round(added('wall') / fastest('wall', 'engine'), 2)}); ` +
      `with @typescript-eslint/parser, one run each way: ${round(check.without, 0)} ms without the plugin, ${round(check.with, 0)} ms with it (${round((100 * (check.with - check.without)) / check.without, 1)}% more), ` +
      `of which ${round(check.inRules, 0)} ms inside the plugin's rules; ${findings} findings per run`,
  );
}

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

/**
 * The cross-check with the TypeScript parser: one ESLint run without the plugin and one with it (CPU
 * time), and the CPU time spent inside the plugin's rules in the second (the analysis in the first
 * rule per file and the reports of all), which is no difference of two large times.
 */
async function typeScriptParserCheck(cwd: string, files: readonly string[], texts: readonly string[]): Promise<{ without: number; with: number; inRules: number }> {
  let inRules = 0;
  const timedRules = Object.fromEntries(
    Object.entries(plugin.rules).map(([id, rule]) => [
      id,
      {
        ...rule,
        create(context: EslintRule.RuleContext) {
          const started = process.cpuUsage();
          const listeners = rule.create(context);
          const used = process.cpuUsage(started);
          inRules += (used.user + used.system) / 1000;
          return listeners;
        },
      },
    ]),
  );
  const without = eslintRunner(cwd, 'typescript');
  const withPlugin = eslintRunner(cwd, 'typescript', { ...plugin.configs.recommended, plugins: { [PLUGIN_NAME]: { ...plugin, rules: timedRules } } });
  const cpu = { without: 0, with: 0 };
  for (let j = 0; j < files.length; j++) {
    for (const [name, lint] of [['without', without], ['with', withPlugin]] as const) {
      const started = process.cpuUsage();
      await lint(files[j], texts[j]);
      const used = process.cpuUsage(started);
      cpu[name] += (used.user + used.system) / 1000;
    }
  }
  return { ...cpu, inRules };
}
