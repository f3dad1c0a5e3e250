// The packaged extension's size: `npm run package` (the project's own packaging script), written
// into the corpus folder so the repository is left as it was.

import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CORPUS_DIR, ROOT } from './paths.js';
import { atMost, type Result } from './measure.js';

export function vsixFigure(): Result {
  const out = path.join(CORPUS_DIR, 'leonardo-lint.vsix');
  execFileSync('npm', ['run', '--silent', 'package', '--', '--out', out], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  const megabytes = fs.statSync(out).size / (1024 * 1024);
  return atMost('vsix/size', {
    value: megabytes,
    unit: 'MB',
    baseline: null,
    limit: 2,
    detail: 'npm run package (vsce package --no-dependencies): the client and server bundles, package.json, README, LICENSE, icon',
  });
}
