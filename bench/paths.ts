// Where things are, whether the bench runs from source (tsx) or from its bundle in bench/corpus/.

import * as fs from 'node:fs';
import * as path from 'node:path';

function packageRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'package.json')) && fs.existsSync(path.join(dir, 'bench'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`no package root above ${from}`);
  }
}

export const ROOT = packageRoot(__dirname);
export const BENCH_DIR = path.join(ROOT, 'bench');
export const CORPUS_DIR = path.join(BENCH_DIR, 'corpus');
