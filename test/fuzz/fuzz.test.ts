// The bounded slice of the fuzzing that `npm test` runs (fixed seeds, a few seconds); `npm run fuzz`
// runs 200,000 cases with a fresh seed. Also checks that the generators are worth fuzzing with: the
// documents they render parse, hold requests, and draw findings with fixes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { analyze } from '../../server/src/engine/analyze.js';
import { exampleDocuments, fuzzDocument } from './arbitraries.js';
import { checkDocument } from './properties.js';
import { FLAVORS, generatedDocument } from './render.js';
import { syntaxErrors } from './syntax.js';

/** Cases per run of `npm test` (npm run fuzz: 200,000). */
export const TEST_RUNS = 1500;

test(`every property holds for ${TEST_RUNS} fuzzed documents (seed 20260601)`, () => {
  fc.assert(
    fc.property(fuzzDocument(), (doc) => {
      checkDocument(doc);
    }),
    { seed: 20260601, numRuns: TEST_RUNS },
  );
});

test('generated documents parse, hold requests and draw fixable findings in every flavour', () => {
  const docs = fc.sample(generatedDocument, { numRuns: 400, seed: 7 });
  const broken = docs.filter((d) => syntaxErrors(d.text, d.kind, d.path).length > 0);
  assert.deepEqual(broken.map((d) => `${d.path}: ${syntaxErrors(d.text, d.kind, d.path)[0].message}`), []);
  const results = docs.map((d) => ({ doc: d, result: analyze(d) }));
  const withRequests = results.filter((r) => r.result.requests.length > 0).length;
  // Only *.leonardo.json files may hold none: the endpoint is inferred from their keys, and a body
  // mutated down to one or two keys is not evidence enough (by design).
  const silent = results.filter((r) => r.result.requests.length === 0).map((r) => r.doc.path);
  assert.deepEqual([...new Set(silent)], ['request.leonardo.json']);
  assert.ok(withRequests >= docs.length * 0.9, `${withRequests} of ${docs.length} documents hold a request`);
  const fixable = results.filter((r) => r.result.findings.some((f) => f.fixes.some((x) => x.preferred))).length;
  assert.ok(fixable >= docs.length * 0.3, `${fixable} of ${docs.length} documents have a preferred fix`);
  const kinds = new Set(results.filter((r) => r.result.requests.length > 0).map((r) => r.doc.kind));
  assert.deepEqual([...kinds].sort(), ['http', 'javascript', 'json', 'jsonc', 'markdown', 'postman', 'shell', 'typescript']);
  assert.equal(FLAVORS.length, 11);
});

test('the examples are fuzzed too, and pass every property unedited', () => {
  const examples = exampleDocuments();
  assert.ok(examples.length >= 10, `${examples.length} example files`);
  for (const doc of examples) checkDocument(doc);
});
