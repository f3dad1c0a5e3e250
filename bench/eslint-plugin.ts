// What the ESLint plugin adds to a lint run: ESLint (the vs-eslint baseline's Linter: the TypeScript
// parser and one trivial rule) with and without `leonardo.configs.recommended`, over the bench
// project's TS files, against the engine's own time on the same files. The plugin should cost
// little more than the engine does alone: it analyses each file once for all its rules and reads
// the text, not ESLint's tree. The three run interleaved file by file, in a rotating order, on fresh
// copies of the texts each run.

import * as fs from 'node:fs';
import * as tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { analyze } from '../server/src/engine/analyze.js';
import { documentKindForPath } from '../server/src/engine/extract/index.js';
import { plugin } from '../server/src/eslint-plugin/index.js';
import type { Corpus } from './corpus.js';
import { eslintLinter, ratioResult, variants } from './engine.js';
import { median, round, type Result } from './measure.js';

const LIMIT = 1.2;

export async function eslintPluginFigure(corpus: Corpus): Promise<Result> {
  const warmup = 2;
  const runs = 5;
  // One TS file in four (ESLint over the whole project, three ways, nine times, took minutes here).
  // The generator writes TypeScript into some .js files: the engine reads them, ESLint's parser would not.
  const files = corpus.projectFiles.filter((f) => /\.tsx?$/.test(f)).filter((_, i) => i % 4 === 0);
  const texts = files.map((f) => variants(fs.readFileSync(f, 'utf8'), warmup + runs));
  const without = eslintLinter();
  const withPlugin = eslintLinter(plugin.configs.recommended);
  let findings = 0;
  const jobs: Array<[string, (f: string, text: string) => void]> = [
    ['without', (f, text) => without(f, text)],
    ['with', (f, text) => (findings += withPlugin(f, text).length)],
    ['engine', (f, text) => analyze({ text, kind: documentKindForPath(f)!, path: f })],
  ];
  // Interleaved file by file, not run by run: on a loaded machine a whole ESLint pass varies by more
  // than the plugin adds, and a slow moment then falls on all three alike.
  const times: Record<string, number[]> = { without: [], with: [], engine: [] };
  for (let i = 0; i < warmup + runs; i++) {
    const total: Record<string, number> = { without: 0, with: 0, engine: 0 };
    findings = 0;
    files.forEach((f, j) => {
      for (let k = 0; k < jobs.length; k++) {
        const [name, job] = jobs[(i + j + k) % jobs.length];
        const started = performance.now();
        job(f, texts[j][i]);
        total[name] += performance.now() - started;
      }
    });
    if (i >= warmup) for (const name of Object.keys(times)) times[name].push(total[name]);
  }
  const eslint = median(times.without);
  // Paired: each run's difference, then the median of those.
  const added = median(times.with.map((t, i) => t - times.without[i]));
  const engine = median(times.engine);
  const inRules = pluginRuleTime(files, texts.map((t) => t[0]));
  return ratioResult(
    'eslint/plugin-cost',
    { engine: added, parse: engine },
    LIMIT,
      `time the plugin (recommended config) adds to ESLint over ${files.length} TS files of the bench project (one in four) vs analyze() alone on them; ` +
      `ESLint without the plugin ${round(eslint, 0)} ms, so the plugin adds ${round((100 * added) / eslint, 1)}% to the run; ` +
      `${findings} findings per run; ESLint's own rule timings (stats) put the plugin's rules at ${round(inRules, 0)} ms of one run`,
  );
}

/** A cross-check by ESLint's own clock: the time its `stats` option records in the plugin's rules over one run. */
function pluginRuleTime(files: readonly string[], texts: readonly string[]): number {
  const linter = new Linter({ configType: 'flat' });
  const config: Linter.Config[] = [
    { files: ['**/*.{ts,tsx}'], languageOptions: { parser: tsParser, ecmaVersion: 'latest', sourceType: 'module' } },
    plugin.configs.recommended,
  ];
  // `stats` and getTimes() are ESLint 9's, not (yet) in its type declarations; they keep the times of
  // verifyAndFix's passes (no fix applied here), not of verify's.
  const timed = linter as Linter & { getTimes(): { passes: Array<{ rules?: Record<string, { total: number }> }> } };
  let total = 0;
  files.forEach((f, j) => {
    timed.verifyAndFix(texts[j], config, { filename: f, fix: false, stats: true } as Linter.FixOptions);
    for (const pass of timed.getTimes().passes) {
      for (const [id, time] of Object.entries(pass.rules ?? {})) if (id.startsWith('leonardo/')) total += time.total;
    }
  });
  return total;
}
