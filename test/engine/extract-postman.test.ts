// Postman collections: nested items, collection variables, raw JSON bodies whose escapes map back
// into the collection file, headers, auth helpers, routing of JSON files.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { getCatalogue } from '../../server/src/api/catalogue.js';
import type { LintConfig } from '../../server/src/engine/config/lint-config.js';
import { documentKindForPath, extractRequests } from '../../server/src/engine/extract/index.js';
import { extractFromPostman } from '../../server/src/engine/extract/postman.js';
import type { ObjectValue, RequestSite, Span } from '../../server/src/engine/types.js';

const catalogue = getCatalogue();
const at = (text: string, span: Span | undefined): string => (span ? text.slice(span.start, span.end) : '<none>');
const prop = (o: ObjectValue, key: string) => o.properties.find((p) => p.key === key);
const extract = (text: string): RequestSite[] => extractFromPostman({ text, kind: 'postman', path: 'c.postman_collection.json' }, catalogue).requests;

/** A collection as Postman exports it (tab-indented JSON). */
const COLLECTION = JSON.stringify(
  {
    info: {
      _postman_id: '7d1c2f8e-0b5a-4a55-9a0e-3c6f6f0a1b2c',
      name: 'Leonardo.Ai',
      schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json',
      _exporter_id: '123456',
    },
    item: [
      {
        name: 'Generations',
        item: [
          {
            name: 'Create a generation',
            request: {
              method: 'POST',
              header: [
                { key: 'accept', value: 'application/json' },
                { key: 'content-type', value: 'application/json' },
                { key: 'x-debug', value: '1', disabled: true },
              ],
              body: {
                mode: 'raw',
                raw: '{\n    "prompt": "A lighthouse at dusk, \\"oil\\" painting",\n    "num_images": {{numImages}},\n    "alchemy": "true",\n    "width": 1024\n}',
                options: { raw: { language: 'json' } },
              },
              url: { raw: '{{baseUrl}}/generations', host: ['{{baseUrl}}'], path: ['generations'] },
            },
            response: [],
          },
          {
            name: 'Get a generation',
            request: {
              method: 'GET',
              header: [],
              url: { raw: '{{baseUrl}}/generations/:generationId', host: ['{{baseUrl}}'], path: ['generations', ':generationId'] },
            },
            response: [],
          },
        ],
      },
      {
        name: 'Upload an init image',
        request: {
          method: 'POST',
          header: [{ key: 'Authorization', value: 'Bearer {{leonardoApiKey}}' }],
          body: { mode: 'raw', raw: "{\n    \"prompt\": \"a cat\",\n    'extension': 'png'\n}", options: { raw: { language: 'json' } } },
          url: 'https://cloud.leonardo.ai/api/rest/v1/init-image',
        },
        response: [],
      },
      {
        name: 'Another API',
        request: { method: 'POST', header: [], body: { mode: 'raw', raw: "{'not': 'leonardo'}" }, url: 'https://api.example.com/v1/things' },
        response: [],
      },
    ],
    auth: { type: 'bearer', bearer: [{ key: 'token', value: '{{leonardoApiKey}}', type: 'string' }] },
    variable: [{ key: 'baseUrl', value: 'https://cloud.leonardo.ai/api/rest/v1', type: 'string' }],
  },
  null,
  '\t',
);

test('an exported collection: Leonardo requests in nested folders, other APIs skipped', () => {
  const sites = extract(COLLECTION);
  assert.deepEqual(
    sites.map((s) => `${s.source} ${s.method} ${s.endpoint?.operationId}`),
    ['postman POST createGeneration', 'postman GET getGenerationById', 'postman POST uploadInitImage'],
  );
  assert.equal(at(COLLECTION, sites[0].methodSpan), 'POST');
  assert.equal(sites[0].url!.text, 'https://cloud.leonardo.ai/api/rest/v1/generations');
});

test('the raw body maps through the JSON string escapes to the collection file', () => {
  const [create] = extract(COLLECTION);
  const body = create.body as ObjectValue;
  assert.equal(create.jsonErrors, undefined);
  assert.equal(at(COLLECTION, prop(body, 'alchemy')!.keySpan), '\\"alchemy\\"');
  assert.equal(at(COLLECTION, prop(body, 'alchemy')!.value.span), '\\"true\\"');
  assert.equal(at(COLLECTION, prop(body, 'width')!.value.span), '1024');
  const prompt = prop(body, 'prompt')!.value;
  assert.equal(prompt.kind === 'string' && prompt.value, 'A lighthouse at dusk, "oil" painting');
  assert.equal(prompt.kind === 'string' && at(COLLECTION, prompt.inner), 'A lighthouse at dusk, \\\\\\"oil\\\\\\" painting');
  assert.equal(prop(body, 'num_images')!.value.kind, 'unknown');
});

test('headers: disabled ones skipped; collection auth makes the header set open', () => {
  const [create, , upload] = extract(COLLECTION);
  assert.deepEqual(create.headers!.properties.map((p) => p.key), ['accept', 'content-type']);
  assert.equal(create.headers!.hasUnknownKeys, true);
  assert.equal(at(COLLECTION, prop(create.headers!, 'accept')!.value.span), '"application/json"');
  const auth = prop(upload.headers!, 'Authorization')!;
  assert.equal(auth.value.kind, 'unknown');
  assert.equal(at(COLLECTION, auth.keySpan), 'Authorization');
});

test('an invalid raw body is reported on the exact characters of the collection file', () => {
  const upload = extract(COLLECTION)[2];
  assert.equal(upload.jsonErrors!.length, 1);
  assert.equal(at(COLLECTION, upload.jsonErrors![0].span), "'extension'");
  assert.match(upload.jsonErrors![0].message, /single quotes/);
});

test('routing: a .postman_collection.json name, and any JSON that is a collection by its info', () => {
  const config: LintConfig = {};
  assert.equal(documentKindForPath('api/Leonardo.postman_collection.json'), 'postman');
  const asJson = extractRequests({ text: COLLECTION, kind: 'json', path: 'exports/leonardo.json' }, catalogue, config);
  assert.equal(asJson.requests.length, 3);
  assert.equal(asJson.requests[0].source, 'postman');
  const notCollection = '{"info": {"name": "x"}, "_postman_id": 1, "prompt": "a", "num_images": 2, "modelId": "b24e16ff-06e3-43eb-8d33-4416c2d75876", "alchemy": true}';
  const fallback = extractRequests({ text: notCollection, kind: 'json', path: 'x.leonardo.json' }, catalogue, config);
  assert.equal(fallback.requests[0]?.source, 'json-file');
});

test('v2.0 URL objects without raw, request given as a bare URL string', () => {
  const text = JSON.stringify({
    info: { name: 'old', schema: 'https://schema.getpostman.com/json/collection/v2.0.0/collection.json' },
    item: [
      { name: 'me', request: 'https://cloud.leonardo.ai/api/rest/v1/me' },
      { name: 'models', request: { method: 'GET', url: { protocol: 'https', host: ['cloud', 'leonardo', 'ai'], path: ['api', 'rest', 'v1', 'platformModels'] } } },
    ],
  });
  assert.deepEqual(extract(text).map((s) => s.endpoint?.path), ['/me', '/platformModels']);
});
