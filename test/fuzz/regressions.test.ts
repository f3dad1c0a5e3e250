// Every failure the fuzzers found, replayed: test/fuzz/regressions.json holds the (minimised)
// documents, the property each broke and what was wrong. Each must now pass every property, strictly
// (TS/JS with parse errors held to all of property 6 as well).
import { test } from 'node:test';
import * as fs from 'node:fs';
import * as path from 'node:path';
import assert from 'node:assert/strict';
import { analyze } from '../../server/src/engine/analyze.js';
import { fixUntilStable } from '../../server/src/engine/fix/apply.js';
import type { DocumentKind } from '../../server/src/engine/types.js';
import { checkDocument } from './properties.js';

interface RegressionCase {
  id: string;
  /** The property the document broke (properties.ts). */
  property: string;
  /** What was wrong, in a sentence. */
  bug: string;
  path: string;
  kind: DocumentKind;
  text: string;
}

const cases = JSON.parse(fs.readFileSync(path.join(__dirname, 'regressions.json'), 'utf8')) as RegressionCase[];

for (const c of cases) {
  test(`${c.id}: ${c.bug}`, () => {
    checkDocument({ path: c.path, kind: c.kind, text: c.text }, { strict: true });
  });
}

// Found by `npm run fuzz` (seed 101): in an SDK call broken by a stray `$(`, TypeScript reads the rest
// of the object as the parameters of a method `$(…)`, so option-conflict's `modelId: null` lands where
// the parser never sees it, and --fix wrote it ten times. The loop now undoes a pass that fixes nothing.
test('the --fix loop keeps no pass that fixes nothing (a `$(` typo in an SDK call)', () => {
  const text = "// A batch script that uses the official SDK (@leonardo-ai/sdk). SDK calls take camelCase names:\n// a wire name such as `num_images` is dropped by the SDK without a word.\nimport { Leonardo } from '@leonardo-ai/sdk';\n\nconst leonardo = new Leonardo({ bearerAuth: process.env.LEONARDO_API_KEY ?? '' });\n\nexport async function renderProductShots(prompts: string[]): Promise<string[]> {\n  const ids: string[] = [];\n  for (const prompt of prompts) {\n    const result = await leonardo.image.createGeneration({\n      prompt,\n      photoReal: true,$(             // option-conflict: the SDK sends its default modelId, photoReal v1 rejects it\n      photoRealVersion: 'v1',\n      num_images: 2,               // unknown-field: the SDK expects numImages\n      width: 768,\n      height: 768,\n      controlNet: false,           // deprecated-field: use controlnets\n    });\n    const id = result.object?.sdGenerationJob?.generationId;\n    if (id) ids.push(id);\n  }\n  return ids;\n}\n";
  const doc = { text, kind: 'typescript' as const, path: 'examples/photoreal-sdk.ts' };
  const first = analyze(doc);
  // option-conflict still reports it; its fix is no longer preferred while the body holds a key that is
  // no field (here the `$` the broken parse makes a method), so --fix must leave the text alone.
  assert.ok(first.findings.some((f) => f.ruleId === 'option-conflict'));
  const fixed = fixUntilStable(text, first.findings, (next) => analyze({ ...doc, text: next }).findings);
  assert.equal(fixed.text.split('modelId: null').length - 1, 0);
  assert.equal(fixed.passes, 0);
});
