// The v2 walk costs nothing on a document without v2 requests: every v1 rule runs its v2 check
// first, so on every v1 file the walk must answer at once, without the memo or the v2 catalogue.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { getCatalogue } from '../../server/src/api/catalogue.js';
import { extractRequests } from '../../server/src/engine/extract/index.js';
import type { AnalysisMemo } from '../../server/src/engine/memo.js';
import { v2Walk } from '../../server/src/engine/v2/walk.js';

const memoThatThrows = { get: () => assert.fail('the memo was asked') } as unknown as AnalysisMemo;

function requestsOf(text: string, path: string) {
  return extractRequests({ text, kind: 'json', path }, getCatalogue(), {}).requests;
}

test('a v1 request file: the v2 walk is empty, without asking the memo, and cannot be written to', () => {
  const requests = requestsOf('// POST /generations\n{ "prompt": "a fox", "modelId": "Phoenix" }\n', 'fox.json');
  assert.equal(requests.length, 1);
  const walk = v2Walk({ requests, memo: memoThatThrows });
  assert.deepEqual([walk.bodies.length, walk.objects.length, walk.properties.length], [0, 0, 0]);
  assert.throws(() => walk.properties.push(walk.properties[0]));
});

test('a v2 request file: the v2 walk is memoised and holds its body', () => {
  const requests = requestsOf('// POST /v2/generations\n{ "model": "gpt-image-1.5", "parameters": { "prompt": "a fox" } }\n', 'fox.json');
  let asked = 0;
  const memo = { get: (_key: unknown, compute: () => unknown) => (asked++, compute()) } as unknown as AnalysisMemo;
  const walk = v2Walk({ requests, memo });
  assert.equal(asked, 1);
  assert.equal(walk.bodies.length, 1);
  assert.deepEqual(walk.properties.map((p) => p.propertyPath), ['prompt']);
});
