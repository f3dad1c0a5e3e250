// Every message the examples get fits the Problems panel: at most MAX_MESSAGE_LENGTH characters, one
// line, no Markdown backticks (server/src/engine/messages.ts). The rule tests' harness checks the same
// on every finding of every rule test (test/helpers/rule-tester.ts), so a new rule cannot miss it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze } from '../../server/src/engine/analyze.js';
import { readConfigFile } from '../../server/src/engine/config/file.js';
import { hoverAt } from '../../server/src/engine/editor/hover.js';
import { documentKindForPath } from '../../server/src/engine/extract/index.js';
import { MAX_MESSAGE_LENGTH } from '../../server/src/engine/messages.js';
import { checkFixTitle, checkMessageForm } from '../helpers/rule-tester.js';

const EXAMPLES = 'examples';

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? filesUnder(full) : [full];
  });
}

test(`every message on the examples is at most ${MAX_MESSAGE_LENGTH} characters, one line, without backticks (and every fix title plain)`, () => {
  const config = readConfigFile(path.join(EXAMPLES, 'leonardo-lint.config.json'));
  const messages: string[] = [];
  for (const file of filesUnder(EXAMPLES)) {
    const relative = path.relative(EXAMPLES, file).split(path.sep).join('/');
    const text = fs.readFileSync(file, 'utf8');
    const kind = documentKindForPath(relative, text);
    if (!kind) continue;
    for (const finding of analyze({ text, kind, path: relative }, { config }).findings) {
      checkMessageForm(finding.message, `${relative}: ${finding.ruleId}`);
      for (const fix of finding.fixes) checkFixTitle(fix.title, `${relative}: ${finding.ruleId}, fix`);
      messages.push(finding.message);
    }
  }
  // The examples hold a planted mistake for every rule: a run that found nothing would prove nothing.
  assert.ok(messages.length >= 40, `only ${messages.length} findings on the examples`);
});

test('what a message leaves out is in the hover: the background of a finding is its detail', () => {
  const text = '// POST /generations\n{"prompt": "a lighthouse", "width": 1024, "height": 1600}';
  const document = { text, kind: 'jsonc' as const, path: 'request.jsonc' };
  const result = analyze(document);
  const [finding] = result.findings.filter((f) => f.ruleId === 'invalid-dimensions');
  assert.equal(finding.message, "'height' 1600 is over 1536: POST /generations takes sizes from 32 to 1536 in multiples of 8.");
  assert.match(finding.detail ?? '', /error catalogue still says 32 to 1024/);
  const markdown = hoverAt({ document, result }, text.indexOf('1600'))?.markdown ?? '';
  assert.match(markdown, /error catalogue still says 32 to 1024/);
  assert.match(markdown, /The API answers: `invalid dimensions`/);
});
