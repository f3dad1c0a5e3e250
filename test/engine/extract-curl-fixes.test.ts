// Fixes of the schema rules applied inside bodies that are written escaped: a double-quoted curl
// argument, an unquoted here-document, a Postman raw body (a JSON string). The extractors mark those
// regions; the fix text is written with the region's escapes, so the document keeps its quoting.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fixed } from '../helpers/lint.js';

const URL = 'https://cloud.leonardo.ai/api/rest/v1/generations';

test('a double-quoted curl body: a renamed key keeps its \\" quotes, an inserted field is escaped', () => {
  const rename = `curl -X POST ${URL} -d "{\\"prompt\\": \\"a cat\\", \\"numImages\\": 2}"\n`;
  assert.equal(fixed(rename, 'unknown-field', { path: 'run.sh' }), rename.replace('numImages', 'num_images'));
  const insert = `curl -X POST ${URL} -d "{\\"num_images\\": 2}"\n`;
  assert.equal(
    fixed(insert, 'missing-required', { path: 'run.sh' }),
    `curl -X POST ${URL} -d "{\\"num_images\\": 2, \\"prompt\\": \\"TODO: describe what to generate\\"}"\n`,
  );
});

test('a single-quoted curl body needs no escapes', () => {
  const code = `curl -X POST ${URL} -d '{"prompt": "a cat", "alchemy": "true"}'\n`;
  assert.equal(fixed(code, 'type-mismatch', { path: 'run.sh' }), code.replace('"true"', 'true'));
});

test('an unquoted here-document: $ and backticks are escaped, quotes are not', () => {
  const code = `curl -X POST ${URL} --data @- <<EOF\n{"num_images": 2}\nEOF\n`;
  assert.equal(
    fixed(code, 'missing-required', { path: 'run.sh' }),
    `curl -X POST ${URL} --data @- <<EOF\n{"num_images": 2, "prompt": "TODO: describe what to generate"}\nEOF\n`,
  );
});

test('a Postman raw body: the inserted text is JSON-string escaped, line breaks included', () => {
  const collection = JSON.stringify(
    {
      info: { _postman_id: 'x', name: 'L', schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json' },
      item: [{ name: 'gen', request: { method: 'POST', url: URL, body: { mode: 'raw', raw: '{\n  "num_images": 2,\n  "alchemy": "true"\n}' } } }],
    },
    null,
    2,
  );
  const typeFixed = fixed(collection, 'type-mismatch', { path: 'L.postman_collection.json' });
  assert.ok(typeFixed.includes('\\"alchemy\\": true\\n}'));
  const inserted = fixed(collection, 'missing-required', { path: 'L.postman_collection.json' });
  const raw = (JSON.parse(inserted) as { item: Array<{ request: { body: { raw: string } } }> }).item[0].request.body.raw;
  assert.deepEqual(JSON.parse(raw), { num_images: 2, alchemy: 'true', prompt: 'TODO: describe what to generate' });
});
