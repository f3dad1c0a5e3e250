// presigned-upload-auth: the API key sent along with the upload to a presigned S3 URL.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fixed, lint } from '../helpers/lint.js';
import { at, CORRECT_FLOWS } from '../engine/flow-fixtures.js';

const RULE = 'presigned-upload-auth';
const only = { rules: [RULE] };

const PRESIGN = `const LEONARDO = 'https://cloud.leonardo.ai/api/rest/v1';
const apiKey = process.env.LEONARDO_API_KEY;
const leonardoHeaders = { accept: 'application/json', 'content-type': 'application/json', authorization: \`Bearer \${apiKey}\` };

async function presign(extension: string) {
  const res = await fetch(\`\${LEONARDO}/init-image\`, { method: 'POST', headers: leonardoHeaders, body: JSON.stringify({ extension }) });
  const { uploadInitImage } = await res.json();
  return uploadInitImage;
}

function formFor(fields: string, file: Blob) {
  const form = new FormData();
  for (const [key, value] of Object.entries(JSON.parse(fields))) form.append(key, value as string);
  form.append('file', file);
  return form;
}
`;

test('an authorization header written in the upload call: on the key, removed by the fix', () => {
  const code = `${PRESIGN}
export async function uploadImage(file: Blob) {
  const { url, fields, id } = await presign('png');
  const upload = await fetch(url, {
    method: 'POST',
    headers: { Authorization: \`Bearer \${apiKey}\` },
    body: formFor(fields, file),
  });
  if (!upload.ok) throw new Error(\`upload failed: \${upload.status}\`);
  return id;
}
`;
  const hits = lint(code, only);
  assert.equal(hits.length, 1);
  const [hit] = hits;
  assert.deepEqual([hit!.line, hit!.column, hit!.text], [...at(code, 'Authorization: `'), 'Authorization']);
  assert.equal(hit!.severity, 'error');
  assert.match(hit!.message, /The upload to the presigned URL \(`uploadInitImage\.url` from POST \/init-image\) sends the API key in `Authorization`: S3 answers 403 Forbidden/);
  assert.equal(hit!.finding.endpoint, 'POST /init-image');
  assert.equal(fixed(code, RULE), code.replace('headers: { Authorization: `Bearer ${apiKey}` },', 'headers: {},'));
});

test('the Leonardo headers reused for the upload: on `headers`, no fix (they are shared)', () => {
  const code = `${PRESIGN}
export async function uploadImage(file: Blob) {
  const presigned = await presign('jpg');
  await fetch(presigned.url, { method: 'POST', headers: leonardoHeaders, body: formFor(presigned.fields, file) });
  return presigned.id;
}
`;
  const [hit, ...rest] = lint(code, only);
  assert.equal(rest.length, 0);
  assert.deepEqual([hit!.line, hit!.column, hit!.text], [...at(code, 'leonardoHeaders', 'presigned.url'), 'leonardoHeaders']);
  assert.match(hit!.message, /sends the API key in `authorization`.*These headers are shared/);
  assert.deepEqual(hit!.finding.fixes, []);
});

test('a spread of the shared headers, and a key under another header name', () => {
  const code = `${PRESIGN}
export async function uploadTwice(file: Blob) {
  const { url, fields } = await presign('webp');
  await fetch(url, { method: 'POST', headers: { ...leonardoHeaders, 'x-upload': '1' }, body: formFor(fields, file) });
  await fetch(url, { method: 'POST', headers: { 'x-api-key': apiKey! }, body: formFor(fields, file) });
}
`;
  const hits = lint(code, only);
  assert.deepEqual(hits.map((h) => h.text), ["{ ...leonardoHeaders, 'x-upload': '1' }", "'x-api-key'"]);
  assert.notEqual(hits[1]!.finding.fixes[0]!.preferred, true, 'a removal is offered, not preferred');
});

test('an axios instance whose defaults carry the key: on the URL, with the reason', () => {
  const code = `import axios from 'axios';

const leonardo = axios.create({
  baseURL: 'https://cloud.leonardo.ai/api/rest/v1',
  headers: { Authorization: \`Bearer \${process.env.LEONARDO_API_KEY}\` },
});

export async function upload(file: Buffer) {
  const { data } = await leonardo.post('/init-image', { extension: 'png' });
  const { url, fields, id } = data.uploadInitImage;
  const form = new FormData();
  Object.entries(JSON.parse(fields)).forEach(([k, v]) => form.append(k, String(v)));
  form.append('file', new Blob([file]));
  await leonardo.post(url, form);
  return id;
}
`;
  const [hit] = lint(code, only);
  assert.deepEqual([hit!.line, hit!.column, hit!.text], [...at(code, 'url', 'leonardo.post(url'), 'url']);
  assert.match(hit!.message, /The client instance adds it to every request/);
});

test('the other presigned endpoints: canvas init image, dataset upload', () => {
  const code = `import axios from 'axios';
const BASE = 'https://cloud.leonardo.ai/api/rest/v1';
const auth = { authorization: \`Bearer \${process.env.LEONARDO_API_KEY}\` };

export async function canvas(init: Blob, mask: Blob, datasetId: string) {
  const { data } = await axios.post(\`\${BASE}/canvas-init-image\`, { initExtension: 'png', maskExtension: 'png' }, { headers: auth });
  const { initUrl, maskUrl } = data.uploadCanvasInitImage;
  await axios.post(initUrl, init, { headers: { ...auth } });
  await axios.post(maskUrl, mask);
  const res = await axios.post(\`\${BASE}/datasets/\${datasetId}/upload\`, { extension: 'jpg' }, { headers: auth });
  await axios.post(res.data.uploadDatasetImage.url, init, { headers: auth });
}
`;
  const hits = lint(code, only);
  assert.deepEqual(hits.map((h) => [h.line, h.column]), [at(code, '{ ...auth }'), at(code, 'auth }', 'uploadDatasetImage.url')]);
  assert.match(hits[0]!.message, /`uploadCanvasInitImage\.initUrl` from POST \/canvas-init-image/);
  assert.match(hits[1]!.message, /`uploadDatasetImage\.url` from POST \/datasets\/\{datasetId\}\/upload/);
});

test('silent: uploads without the key, other URLs with the key, unknown URLs', () => {
  const code = `${PRESIGN}
export async function fine(file: Blob, someUrl: string) {
  const { url, fields } = await presign('png');
  await fetch(url, { method: 'POST', body: formFor(fields, file) });
  await fetch(url, { method: 'POST', headers: { 'content-length': String(file.size) }, body: formFor(fields, file) });
  await fetch(someUrl, { method: 'POST', headers: leonardoHeaders, body: file });
  await fetch(\`\${LEONARDO}/me\`, { headers: leonardoHeaders });
}
`;
  assert.deepEqual(lint(code, only), []);
});

test('correct flows stay clean', () => {
  for (const [name, code] of Object.entries(CORRECT_FLOWS)) {
    assert.deepEqual(lint(code, { ...only, path: name === 'POLL_TIMEOUT' ? 'app.js' : 'app.ts' }), [], name);
  }
});
