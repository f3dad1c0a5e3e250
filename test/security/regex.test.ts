// No regular expression on a path that sees document text can be made to backtrack catastrophically,
// checked exactly, never with a stopwatch (a busy machine made the timed version flaky; the times are
// the bench's figure, bench/regex.ts):
//   1. Every regular expression literal in server/src (found on the syntax tree, so a new one is
//      checked the day it is written) has no exponential shape: no repeated group whose body repeats
//      again unless each pass is cut by a character the repetition cannot take, no repeated group
//      whose branches can start on the same character (regex-structure.ts).
//   2. In a child process whose V8 counts each match's backtracks (regex-budget.ts), every literal
//      runs on adversarial 100 KB inputs (long runs of spaces, quotes, backslashes, braces, slashes,
//      letters, and of the pattern's own words and characters, each ended by a character that
//      completes no match), and 100 KB adversarial documents of every kind go through `analyze`
//      (documents.ts), so the expressions built at run time run too: none may pass the budget.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ROOT } from '../resilience/build.js';
import { CANARY, N, scan } from './regex-literals.js';
import { exponentialShape } from './regex-structure.js';

test('no regular expression literal in server/src has an exponential shape', () => {
  const { literals } = scan();
  assert.ok(literals.length > 200, `${literals.length} literals`);
  const found = literals.flatMap(({ where, source, flags }) => {
    const why = exponentialShape(source, flags);
    return why ? [`${where} /${source}/${flags}: ${why}`] : [];
  });
  assert.deepEqual(found, []);
});

test('the shape check sees the exponential patterns it exists for, and passes delimited ones', () => {
  for (const bad of ['(a+)+b', '(?:a*b?)*c', '(?:\\\\.|.)+"', '^(?:\\s|\\/\\*[\\s\\S]*?\\*\\/)*x', '(["\'])((?:\\\\.|(?!\\1).)+)\\1']) {
    assert.ok(exponentialShape(bad, ''), `/${bad}/ is exponential`);
  }
  for (const good of ['(?:\\\\.|[^\\\\"])+"', '(?:[a-z0-9-]+\\.)*leonardo\\.ai', '(?:\\/[\\w.-]+)*\\/?$', '\\s*[\\r\\n]\\s*', '(?:ab|cd)+']) {
    assert.equal(exponentialShape(good, ''), undefined, `/${good}/ is linear`);
  }
  // The i flag folds case: `[a-z]` and `A` overlap under it.
  assert.ok(exponentialShape('(?:[a-z]|A)+1', 'i'));
  assert.equal(exponentialShape('(?:[a-z]|A)+1', ''), undefined);
});

/** The patterns a budgeted child run reports (V8's trace names each one past the budget). */
function pastBudget(mode: 'literals' | 'documents'): { reported: string[]; stdout: string } {
  const child = spawnSync(
    process.execPath,
    [
      '--require', './scripts/engine-typescript.cjs', '--import', 'tsx',
      '--enable-experimental-regexp-engine',
      '--enable-experimental-regexp-engine-on-excessive-backtracks',
      `--regexp-backtracks-before-fallback=${10 * N}`,
      '--trace-experimental-regexp-engine',
      path.join('test', 'security', 'regex-budget.ts'), mode,
    ],
    { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  assert.equal(child.status, 0, child.stderr);
  const reported = child.stdout
    .split('\n')
    .filter((line) => line.startsWith('Experimental execution'))
    .map((line) => line.replace(/^.*<String\[\d+\]: [#u]*"?/, '').replace(/"?>$/, ''));
  return { reported, stdout: child.stdout };
}

test('every literal stays within a backtracking budget of 10 per character on adversarial 100 KB inputs', () => {
  const { reported, stdout } = pastBudget('literals');
  assert.deepEqual(reported, [CANARY], 'only the canary may pass the budget');
  // The literals the budgeted engine cannot run (lookarounds, backreferences) rest on the shape check.
  const unbudgeted = Number(/unbudgeted literals: (\d+)/.exec(stdout)?.[1]);
  assert.ok(unbudgeted < 40, `${unbudgeted} literals outside the budget`);
});

test('adversarial 100 KB documents of every kind, through every extractor and rule, within the budget', () => {
  assert.deepEqual(pastBudget('documents').reported, [CANARY]);
});

test('each bounded literal is still applied to its bounded slice only', () => {
  const context = fs.readFileSync(path.join(ROOT, 'server/src/engine/extract/ts/context.ts'), 'utf8');
  assert.match(context, /ctx\.text\.slice\(start, Math\.min\(node\.end, start \+ max \* 4\)\)\.replace\(\/\\s\*\[\\r\\n\]\\s\*\/g/);
  const flowEnv = fs.readFileSync(path.join(ROOT, 'server/src/engine/auth/exposed-env.ts'), 'utf8');
  assert.match(flowEnv, /\.slice\(start, Math\.min\(node\.end, start \+ 320\)\)\.replace\(\/\\s\*\[\\r\\n\]\\s\*\/g/);
});

test('the regular expressions built at run time are the known ones, each covered by the documents above', () => {
  assert.deepEqual(
    scan().constructed.map((w) => w.replace(/:\d+$/, '')).sort(),
    [
      // `^(\s*)(?:(GET|POST|…)\s+)?(\S.*)$`, on a request line whose tail was cut by a linear pattern.
      'server/src/engine/extract/http.ts',
      // `"(?:key|key|…)"\s*:` of catalogue field names, tested on whole JSON files: alternatives of literals.
      'server/src/engine/extract/json.ts',
      // Moderation terms as whole words (`(?<![\p{L}\p{N}_])(?:term|…)(?![\p{L}\p{N}_])`): on prompts.
      'server/src/engine/rules/content-moderation.ts',
      // A request path with placeholders as `.+` (`^/?(?:.+/)?a/.+$`), tested on catalogue paths only.
      'server/src/engine/rules/unknown-endpoint.ts',
      // A written path segment to replace, as a literal (`/generation(?=[/?#'"`$]|$)`), on the URL's text: the curl URLs.
      'server/src/engine/rules/unknown-endpoint.ts',
    ],
  );
});
