// Golden test: the CLI on the bundled examples. Every planted mistake is found at its place, and
// the clean examples stay clean. Regenerate after an intended change: UPDATE_GOLDEN=1 npm test.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runCli } from '../../server/src/cli/main.js';

const GOLDEN = 'test/cli/golden/examples.txt';

async function lintExamples(): Promise<Array<{ filePath: string; messages: Array<{ ruleId: string; line: number; column: number; severity: number }> }>> {
  let out = '';
  const code = await runCli(['--format', 'json', 'examples'], { out: (t) => (out += t), err: () => {}, stdin: async () => '', isTty: false });
  assert.equal(code, 1, 'the examples hold errors');
  return JSON.parse(out);
}

test('the examples report exactly the golden findings', async () => {
  const results = await lintExamples();
  const lines = results.flatMap((r) =>
    r.messages.map((m) => `${path.relative(process.cwd(), r.filePath).split(path.sep).join('/')}:${m.line}:${m.column} ${m.severity === 2 ? 'error' : 'warning'} ${m.ruleId}`),
  );
  const actual = lines.join('\n') + '\n';
  if (process.env.UPDATE_GOLDEN) fs.writeFileSync(GOLDEN, actual);
  assert.equal(actual, fs.readFileSync(GOLDEN, 'utf8'));
});

test('the clean examples have no findings', async () => {
  const results = await lintExamples();
  const clean = results.filter((r) => r.filePath.includes(`${path.sep}clean${path.sep}`));
  assert.ok(clean.length >= 4);
  for (const r of clean) assert.deepEqual(r.messages, [], r.filePath);
});

test('every rule of the catalogue fires somewhere in the examples', async () => {
  const results = await lintExamples();
  const fired = new Set(results.flatMap((r) => r.messages.map((m) => m.ruleId)));
  const { allRules } = await import('../../server/src/engine/rules/index.js');
  const missing = allRules.map((r) => r.meta.id).filter((id) => !fired.has(id));
  assert.deepEqual(missing, []);
});
