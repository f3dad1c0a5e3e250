// The CLI figure: `node bin/leonardo-lint.js` over the 1,000-file project, against a bare read-and-
// parse pass over the same files (bench/bare-parse.mjs). Both are child processes timed by the wall
// clock from spawn to exit, so both pay node's start-up and module loading.

import { spawn } from 'node:child_process';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Corpus } from './corpus.js';
import { ROOT } from './paths.js';
import { median, round, sideBySide, type Result } from './measure.js';

function run(args: string[], okCodes: number[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('error', reject);
    child.once('exit', (code) => (okCodes.includes(code ?? -1) ? resolve() : reject(new Error(`${args.join(' ')} exited ${code}: ${stderr}`))));
  });
}

export async function cliFigure(corpus: Corpus): Promise<Result> {
  const lint = () => run([path.join(ROOT, 'bin/leonardo-lint.js'), '--format', 'json', corpus.projectDir], [0, 1]);
  const parse = () => run([path.join(ROOT, 'bench/bare-parse.mjs'), corpus.projectDir], [0]);
  const pair = await sideBySide(lint, parse, { warmup: 1, runs: 5 });
  const wall = median(pair.figure);
  const floor = median(pair.baseline);
  const ratio = wall / floor;
  return {
    name: 'cli/repo-1000',
    value: round(wall, 0),
    unit: 'ms',
    baseline: round(floor, 0),
    ratio: round(ratio, 3),
    target: 'wall ≤ 2000 ms; ratio ≤ 1.5',
    pass: wall <= 2000 && ratio <= 1.5,
    detail: `leonardo-lint --format json over ${corpus.projectFiles.length} files (one in ten calls Leonardo) vs read + ts.createSourceFile / JSON.parse of the same files; both child processes; ${os.availableParallelism()} cores`,
  };
}
