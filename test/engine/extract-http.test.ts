// REST Client (.http / .rest) files: separators, names, variables, request lines, headers, bodies.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { getCatalogue } from '../../server/src/api/catalogue.js';
import { extractFromHttp } from '../../server/src/engine/extract/http.js';
import type { ObjectValue, RequestSite, Span } from '../../server/src/engine/types.js';

const catalogue = getCatalogue();
const extract = (text: string): RequestSite[] => extractFromHttp({ text, kind: 'http', path: 'leonardo.http' }, catalogue).requests;
const at = (text: string, span: Span | undefined): string => (span ? text.slice(span.start, span.end) : '<none>');
const prop = (o: ObjectValue, key: string) => o.properties.find((p) => p.key === key);

const FILE = `@baseUrl = https://cloud.leonardo.ai/api/rest/v1
@apiKey = {{$dotenv LEONARDO_API_KEY}}

### Create a generation
# @name createGeneration
POST {{baseUrl}}/generations HTTP/1.1
Authorization: Bearer {{apiKey}}
Content-Type: application/json

{
  "prompt": "{{prompt}}",
  "modelId": "b24e16ff-06e3-43eb-8d33-4416c2d75876",
  "num_images": {{count}},
  "width": 1024
}

### Poll it
GET {{baseUrl}}/generations/{{createGeneration.response.body.$.sdGenerationJob.generationId}}
Authorization: Bearer {{apiKey}}

###

// @name me
{{baseUrl}}/me
Authorization: Bearer {{apiKey}}
`;

test('a REST Client file with variables: three requests, URLs resolved from file variables', () => {
  const [create, poll, me, ...rest] = extract(FILE);
  assert.equal(rest.length, 0);
  assert.equal(create.source, 'http-file');
  assert.equal(create.method, 'POST');
  assert.equal(at(FILE, create.methodSpan), 'POST');
  assert.equal(create.endpoint?.operationId, 'createGeneration');
  assert.equal(create.url!.text, 'https://cloud.leonardo.ai/api/rest/v1/generations');
  assert.equal(at(FILE, create.url!.pathSpan), '/generations');
  assert.equal(poll.endpoint?.path, '/generations/{id}');
  assert.equal(poll.method, 'GET');
  assert.equal(me.method, 'GET');
  assert.equal(me.methodSpan, undefined);
  assert.equal(me.endpoint?.path, '/me');
});

test('{{variables}} in a body are unknown values, the rest keeps exact spans', () => {
  const [create] = extract(FILE);
  assert.equal(create.jsonErrors, undefined);
  const body = create.body as ObjectValue;
  assert.equal(prop(body, 'prompt')!.value.kind, 'unknown');
  assert.equal(prop(body, 'num_images')!.value.kind, 'unknown');
  assert.equal(at(FILE, prop(body, 'num_images')!.value.span), '{{count}}');
  assert.equal(at(FILE, prop(body, 'width')!.value.span), '1024');
  assert.equal(at(FILE, prop(body, 'width')!.keySpan), '"width"');
});

test('headers: names and values with spans; a {{var}} value is unknown; removal takes the line', () => {
  const [create] = extract(FILE);
  const headers = create.headers!;
  assert.deepEqual(headers.properties.map((p) => p.key), ['Authorization', 'Content-Type']);
  const auth = prop(headers, 'Authorization')!;
  assert.equal(auth.value.kind, 'unknown');
  assert.equal(auth.value.kind === 'unknown' && auth.value.text, 'Bearer {{apiKey}}');
  assert.equal(at(FILE, auth.removeSpan), 'Authorization: Bearer {{apiKey}}\n');
  const type = prop(headers, 'Content-Type')!;
  assert.equal(at(FILE, type.value.span), 'application/json');
});

test('an invalid body is reported on the exact character', () => {
  const text = `POST https://cloud.leonardo.ai/api/rest/v1/generations
Content-Type: application/json

{
  "prompt": "a cat",
  "alchemy": true,
}
`;
  const [site] = extract(text);
  assert.equal(site.jsonErrors!.length, 1);
  assert.equal(at(text, site.jsonErrors![0].span), ',');
  assert.equal(text.slice(0, site.jsonErrors![0].span.start).split('\n').length, 6);
  assert.match(site.jsonErrors![0].message, /trailing comma/);
});

test('CRLF files, query continuation lines, file bodies and non-JSON content types', () => {
  const crlf = 'GET https://cloud.leonardo.ai/api/rest/v1/generations/user/abc\r\n    ?offset=0\r\n    &limit=10\r\nauthorization: Bearer {{key}}\r\n';
  const [list] = extract(crlf);
  assert.equal(list.endpoint?.path, '/generations/user/{userId}');
  assert.equal(list.url!.text, 'https://cloud.leonardo.ai/api/rest/v1/generations/user/abc?offset=0&limit=10');

  const file = `POST https://cloud.leonardo.ai/api/rest/v1/generations
Content-Type: application/json

< ./bodies/generation.json
`;
  assert.equal(extract(file)[0].body?.kind, 'unknown');
  assert.equal(extract(file)[0].jsonErrors, undefined);

  const form = `POST https://cloud.leonardo.ai/api/rest/v1/init-image
Content-Type: multipart/form-data; boundary=X

--X
Content-Disposition: form-data; name="file"; filename="a.png"
`;
  assert.equal(extract(form)[0].body?.kind, 'foreign');
});

test('JetBrains response handlers end the body', () => {
  const text = `POST https://cloud.leonardo.ai/api/rest/v1/prompt/improve
Content-Type: application/json

{"prompt": "a cat"}

> {%
  client.global.set("p", response.body.promptGeneration.prompt);
%}
`;
  const [site] = extract(text);
  assert.equal(site.jsonErrors, undefined);
  assert.equal((site.body as ObjectValue).properties[0].key, 'prompt');
});

test('not Leonardo: other hosts, unknown base URLs, v2 recognised', () => {
  assert.deepEqual(extract('POST https://api.example.com/generations\n\n{"prompt": True}\n'), []);
  assert.deepEqual(extract('POST {{host}}/generations\n\n{"prompt": True}\n'), []);
  const [v2] = extract('POST https://cloud.leonardo.ai/api/rest/v2/generations\nContent-Type: application/json\n\n{"model": "x", "parameters": {}}\n');
  assert.equal(v2.url!.apiVersion, 'v2');
  assert.equal(v2.endpoint, undefined);
});
