// JSON request files: which files are requests, which endpoint, and exact spans.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { getCatalogue } from '../../server/src/api/catalogue.js';
import { extractFromJson } from '../../server/src/engine/extract/json.js';
import { parseJsonValue } from '../../server/src/engine/extract/json-values.js';
import { NestedTooDeeply } from '../../server/src/engine/extract/nesting.js';
import type { LintConfig } from '../../server/src/engine/config/lint-config.js';
import type { ObjectValue } from '../../server/src/engine/types.js';

const catalogue = getCatalogue();

function extract(text: string, path: string, config: LintConfig = {}) {
  return extractFromJson({ text, path, kind: path.endsWith('.jsonc') ? 'jsonc' : 'json' }, catalogue, config).requests;
}

const GENERATION = `{
  "prompt": "a castle on a hill",
  "modelId": "b24e16ff-06e3-43eb-8d33-4416c2d75876",
  "num_images": 2,
  "width": 512
}`;

test('a *.leonardo.json file is inferred from its keys', () => {
  const [site] = extract(GENERATION, 'requests/castle.leonardo.json');
  assert.equal(site?.endpoint?.operationId, 'createGeneration');
  assert.equal(site?.naming, 'wire');
  assert.equal(site?.source, 'json-file');
});

test('an ordinary JSON file with clearly Leonardo keys is inferred too', () => {
  const [site] = extract(GENERATION, 'fixtures/castle.json');
  assert.equal(site?.endpoint?.operationId, 'createGeneration');
});

test('package.json, tsconfig.json and other APIs’ bodies are not requests', () => {
  assert.deepEqual(extract('{"name": "x", "version": "1.0.0", "scripts": {"start": "node ."}}', 'package.json'), []);
  assert.deepEqual(extract('{"compilerOptions": {"strict": true}}', 'tsconfig.json'), []);
  assert.deepEqual(extract('{"model": "gpt-4o", "prompt": "hi", "width": "512", "n": 2}', 'openai-request.json'), []);
  assert.deepEqual(extract('{"prompt": "hi", "width": 512, "height": 512}', 'generic.json'), []);
});

test('a first-line comment names the endpoint, with spans for method and path', () => {
  const text = '// POST /generations-lcm\n{"prompt": "x", "imageDataUrl": "data:image/jpeg;base64,AAAA"}';
  const [site] = extract(text, 'sketch.jsonc');
  assert.equal(site?.endpoint?.operationId, 'createLCMGeneration');
  assert.equal(text.slice(site.methodSpan!.start, site.methodSpan!.end), 'POST');
  assert.equal(text.slice(site.url!.pathSpan!.start, site.url!.pathSpan!.end), '/generations-lcm');
});

test('a first-line comment with a wrong path still yields a request for unknown-endpoint', () => {
  const [site] = extract('// POST /generation\n{"prompt": "x"}', 'a.jsonc');
  assert.equal(site?.endpoint, undefined);
  assert.equal(site?.url?.path, '/generation');
});

test('a full URL in the comment, and v2 requests are recognised as v2', () => {
  const [v1] = extract('// POST https://cloud.leonardo.ai/api/rest/v1/variations/upscale\n{"id": "x"}', 'a.jsonc');
  assert.equal(v1?.endpoint?.operationId, 'createVariationUpscale');
  const [v2] = extract('// POST https://cloud.leonardo.ai/api/rest/v2/generations\n{"model": "flux", "parameters": {}}', 'b.jsonc');
  assert.equal(v2?.url?.apiVersion, 'v2');
  assert.equal(v2?.endpoint, undefined);
});

test('requestFiles globs map files to endpoints, relative to the config folder', () => {
  const config: LintConfig = { requestFiles: { 'bodies/*.json': 'POST /variations/nobg' }, baseDir: '/proj' };
  const [site] = extract('{"id": "x"}', '/proj/bodies/one.json', config);
  assert.equal(site?.endpoint?.operationId, 'createVariationNoBG');
  assert.deepEqual(extract('{"id": "x"}', '/proj/other/one.json', config), []);
});

test('spans are exact with CRLF, tabs, a BOM and astral characters', () => {
  const text = '\uFEFF{\r\n\t"prompt": "🦄 unicorn",\r\n\t"sd_Version": "v2",\r\n\t"modelId": "b24e16ff-06e3-43eb-8d33-4416c2d75876"\r\n}';
  const [site] = extract(text, 'x.leonardo.json');
  const body = site.body as ObjectValue;
  const key = body.properties[1];
  assert.equal(text.slice(key.keySpan.start, key.keySpan.end), '"sd_Version"');
  assert.equal(text.slice(key.value.span.start, key.value.span.end), '"v2"');
  assert.equal(body.style.separator, '\r\n\t');
});

test('a request file that does not parse carries its JSON errors', () => {
  const [site] = extract('// POST /generations\n{"prompt": "x",}', 'a.jsonc');
  assert.ok(site?.jsonErrors && site.jsonErrors.length > 0);
});

test('removal spans take the comma and the whole line', () => {
  const text = '{\n  "a": 1,\n  "b": 2,\n  "c": 3\n}';
  const body = parseJsonValue(text).value as ObjectValue;
  const [a, , c] = body.properties;
  assert.equal(text.slice(0, a.removeSpan.start) + text.slice(a.removeSpan.end), '{\n  "b": 2,\n  "c": 3\n}');
  assert.equal(text.slice(0, c.removeSpan.start) + text.slice(c.removeSpan.end), '{\n  "a": 1,\n  "b": 2\n}');
});

test('deep nesting does not overflow the stack', () => {
  const deep = '['.repeat(100_000) + ']'.repeat(100_000);
  // Deeper than jsonc-parser can recurse: a clear NestedTooDeeply (analyze skips the file saying so).
  assert.throws(() => parseJsonValue(deep), NestedTooDeeply);
  assert.equal(parseJsonValue('['.repeat(1000) + ']'.repeat(1000)).errors.length, 0);
});
