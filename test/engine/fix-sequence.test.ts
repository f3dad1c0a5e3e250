// "One fix uncovers the next problem" (the editor issue): fix-all applied until nothing changes must not
// end on a finding whose fix the first pass should already have offered. The first pass says what the
// last one would (sd_Version's rename beside a modelId offers the removal too), and a value the API
// ignores gets no clamp (out-of-range stays silent; ineffective-option's removal is the fix).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../server/src/engine/analyze.js';
import { fixUntilStable } from '../../server/src/engine/fix/apply.js';
import { documentKindForPath } from '../../server/src/engine/extract/index.js';
import type { Finding } from '../../server/src/engine/types.js';

const PHOENIX = 'b24e16ff-06e3-43eb-8d33-4416c2d75876';

function run(text: string, path: string): Finding[] {
  return analyze({ text, kind: documentKindForPath(path, text) ?? 'typescript', path }, {}).findings;
}

/** A fix's title as a decision, whatever the case of the name it names. */
const decision = (title: string): string => title.toLowerCase();

/** Applies the preferred fixes until stable and returns the first pass and the last. */
function fixAll(text: string, path: string): { first: Finding[]; text: string; last: Finding[] } {
  const first = run(text, path);
  const result = fixUntilStable(text, first, (t) => run(t, path));
  return { first, text: result.text, last: result.findings };
}

function assertNothingNewAtTheEnd(first: Finding[], last: Finding[]): void {
  const offered = new Set(first.flatMap((f) => f.fixes.map((x) => decision(x.title))));
  for (const finding of last) {
    for (const fix of finding.fixes) {
      assert.ok(offered.has(decision(fix.title)), `after fix-all, ${finding.ruleId} offers "${fix.title}", which the first pass did not:\n${finding.message}`);
    }
  }
}

for (const [path, text] of [
  ['portrait.leonardo.json', `{"prompt": "a cat", "modelId": "${PHOENIX}", "sd_Version": "SDXL_1_0", "photoRealStrength": 0.7, "alchemy": "true"}\n`],
  [
    'generate.ts',
    `export async function generate() {
  return fetch('https://cloud.leonardo.ai/api/rest/v1/generations', {
    method: 'POST',
    headers: { authorization: \`Bearer \${process.env.LEONARDO_API_KEY}\` },
    body: JSON.stringify({ prompt: 'a cat', modelId: '${PHOENIX}', sd_Version: 'SDXL_1_0', photoRealStrength: 0.7 }),
  });
}
`,
  ],
] as const) {
  test(`fix-all on ${path} ends on no finding the first pass did not already offer the fix of`, () => {
    const { first, text: fixed, last } = fixAll(text, path);
    const rename = first.find((f) => f.ruleId === 'unknown-field');
    assert.ok(rename, 'sd_Version is reported');
    assert.match(rename.message, /sd_version.*no effect when modelId is set/);
    assert.deepEqual(rename.fixes.map((f) => [f.title, f.preferred === true]), [["Rename to 'sd_version'", true], ["Remove 'sd_Version'", false]]);
    // No clamp for a value the API ignores: one finding, ineffective-option's, with the removal.
    assert.deepEqual(first.filter((f) => f.ruleId === 'out-of-range'), []);
    assert.ok(first.some((f) => f.ruleId === 'ineffective-option' && f.fixes.some((x) => /remove/i.test(x.title) && /photoRealStrength/.test(x.title))));

    assert.match(fixed, /sd_version/);
    assert.deepEqual(last.map((f) => f.ruleId).sort(), ['ineffective-option', 'ineffective-option']);
    assertNothingNewAtTheEnd(first, last);
  });
}

test('photoRealStrength out of range with photoReal on is still clamped (the value takes effect)', () => {
  const text = `{"prompt": "a cat", "alchemy": true, "photoReal": true, "photoRealVersion": "v2", "modelId": "${PHOENIX}", "photoRealStrength": 0.7}\n`;
  const outOfRange = run(text, 'portrait.leonardo.json').filter((f) => f.ruleId === 'out-of-range');
  assert.equal(outOfRange.length, 1);
  assert.equal(outOfRange[0].fixes.length, 1);
});

test('sd_Version without a modelId: the rename alone, and the message says nothing of an effect', () => {
  const findings = run('{"prompt": "a cat", "sd_Version": "SDXL_1_0"}\n', 'portrait.leonardo.json').filter((f) => f.ruleId === 'unknown-field');
  assert.equal(findings.length, 1);
  assert.doesNotMatch(findings[0].message, /no effect/);
  assert.deepEqual(findings[0].fixes.map((f) => f.title), ["Rename to 'sd_version'"]);
});
