// `npm run fuzz`: the long fuzz run. 200,000 documents (generated, generated with random edits,
// examples/ with random edits) through every property of properties.ts, split over worker processes.
//
//   npm run fuzz                          a random seed (printed), 200,000 cases
//   npm run fuzz -- --seed 1234           the same cases again (each worker's seed is seed + its index)
//   npm run fuzz -- --runs 20000          fewer cases
//   FUZZ_SEED=1234 FUZZ_RUNS=20000 npm run fuzz
//
// A failure is shrunk by fast-check and printed as a regression case for test/fuzz/regressions.json,
// with the seed and path that reproduce it. Exit code 1 when any worker found a failure.

import fc from 'fast-check';
import * as os from 'node:os';
import { fork } from 'node:child_process';
import { fuzzDocument } from './arbitraries.js';
import { checkDocument, PropertyError } from './properties.js';
import type { FuzzDocument } from './render.js';

interface Job {
  seed: number;
  runs: number;
  index: number;
}

interface Outcome {
  index: number;
  seed: number;
  runs: number;
  ms: number;
  failure?: { property: string; message: string; document: FuzzDocument; path: string };
}

function argument(name: string): string | undefined {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

function runJob(job: Job): Outcome {
  const started = performance.now();
  const result = fc.check(
    fc.property(fuzzDocument(), (doc) => {
      checkDocument(doc);
    }),
    { seed: job.seed, numRuns: job.runs },
  );
  const outcome: Outcome = { index: job.index, seed: job.seed, runs: result.numRuns, ms: Math.round(performance.now() - started) };
  if (result.failed && result.counterexample) {
    const [document] = result.counterexample;
    const error = result.errorInstance;
    outcome.failure = {
      property: error instanceof PropertyError ? error.property : 'unexpected error',
      message: error instanceof Error ? error.message : String(error),
      document,
      path: result.counterexamplePath ?? '',
    };
  }
  return outcome;
}

function report(outcomes: readonly Outcome[], seed: number, started: number): number {
  const runs = outcomes.reduce((n, o) => n + o.runs, 0);
  const failures = outcomes.filter((o) => o.failure);
  for (const o of failures) {
    const f = o.failure!;
    console.log(`\n✖ worker ${o.index} (seed ${o.seed}, path ${f.path}): ${f.property}`);
    console.log(f.message.slice(0, 4000));
    console.log('Regression case for test/fuzz/regressions.json:');
    console.log(JSON.stringify({ id: '<name>', property: f.property, bug: '<what was wrong>', ...f.document }, null, 2));
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`\n${runs} cases in ${seconds} s, seed ${seed} (${outcomes.length} workers): ${failures.length === 0 ? 'no failures' : `${failures.length} failing worker(s)`}.`);
  return failures.length === 0 ? 0 : 1;
}

function main(): void {
  const seed = Number(argument('seed') ?? process.env.FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));
  const total = Number(argument('runs') ?? process.env.FUZZ_RUNS ?? 200_000);
  const workers = Math.max(1, Math.min(Number(argument('workers') ?? os.availableParallelism()), total));
  if (!Number.isInteger(seed) || !Number.isInteger(total) || total < 1) {
    console.error('usage: npm run fuzz -- [--seed <integer>] [--runs <count>] [--workers <count>]');
    process.exit(2);
  }
  console.log(`Fuzzing ${total} cases with seed ${seed} on ${workers} worker(s). Reproduce: npm run fuzz -- --seed ${seed} --runs ${total} --workers ${workers}`);
  const started = performance.now();
  const jobs: Job[] = Array.from({ length: workers }, (_, index) => ({
    seed: seed + index,
    index,
    runs: Math.floor(total / workers) + (index < total % workers ? 1 : 0),
  }));
  const outcomes = jobs.map(
    (job) =>
      new Promise<Outcome>((resolve, reject) => {
        const worker = fork(__filename, [], { execArgv: ['--import', 'tsx'], env: { ...process.env, FUZZ_JOB: JSON.stringify(job) } });
        worker.once('message', (outcome: Outcome) => {
          console.log(`worker ${outcome.index}: ${outcome.runs} cases in ${(outcome.ms / 1000).toFixed(1)} s${outcome.failure ? ' — FAILED' : ''}`);
          resolve(outcome);
        });
        worker.once('error', reject);
        worker.once('exit', (code) => code !== 0 && reject(new Error(`worker ${job.index} exited with ${code}`)));
      }),
  );
  Promise.all(outcomes).then(
    (all) => process.exit(report(all, seed, started)),
    (error: unknown) => {
      console.error(error);
      process.exit(2);
    },
  );
}

const job = process.env.FUZZ_JOB;
if (job === undefined) main();
else process.send!(runJob(JSON.parse(job) as Job), () => process.exit(0));
