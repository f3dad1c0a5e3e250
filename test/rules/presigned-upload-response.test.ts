// presigned-upload-response: a body or an id read from the 204 No Content of the presigned upload.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lint } from '../helpers/lint.js';
import { at, CORRECT_FLOWS } from '../engine/flow-fixtures.js';

const RULE = 'presigned-upload-response';
const only = { rules: [RULE] };

const PRESIGN = `import axios from 'axios';
const LEONARDO = 'https://cloud.leonardo.ai/api/rest/v1';
const headers = { authorization: \`Bearer \${process.env.LEONARDO_API_KEY}\` };

async function presign() {
  const { data } = await axios.post(\`\${LEONARDO}/init-image\`, { extension: 'png' }, { headers });
  return data.uploadInitImage;
}

function s3Form(fields: string, file: Blob) {
  const form = new FormData();
  Object.entries(JSON.parse(fields)).forEach(([k, v]) => form.append(k, String(v)));
  form.append('file', file);
  return form;
}
`;

test('await uploadRes.json() after the upload: on the call', () => {
  const code = `${PRESIGN}
export async function upload(file: Blob) {
  const { url, fields } = await presign();
  const uploadRes = await fetch(url, { method: 'POST', body: s3Form(fields, file) });
  const uploaded = await uploadRes.json();
  return uploaded.id;
}
`;
  const hits = lint(code, only);
  assert.equal(hits.length, 1);
  const [hit] = hits;
  assert.deepEqual([hit!.line, hit!.column, hit!.text], [...at(code, 'uploadRes.json()'), 'uploadRes.json()']);
  assert.equal(hit!.severity, 'warning');
  assert.match(hit!.message, /answers 204 No Content, but `uploadRes\.json\(\)` reads a body: there is none, and parsing the empty body throws/);
  assert.match(hit!.message, /The image id is `uploadInitImage\.id` from the POST \/init-image response/);
  assert.equal(hit!.finding.endpoint, 'POST /init-image');
});

test('axios: an id read from the upload response data', () => {
  const code = `${PRESIGN}
export async function upload(file: Blob) {
  const presigned = await presign();
  const res = await axios.post(presigned.url, s3Form(presigned.fields, file));
  const { data: { key } } = await axios.post(presigned.url, s3Form(presigned.fields, file));
  return { id: res.data.id, key };
}
`;
  const hits = lint(code, only);
  assert.deepEqual(hits.map((h) => [h.line, h.column, h.text]), [
    [...at(code, 'key } }'), 'key'],
    [...at(code, 'id, key }'), 'id'],
  ]);
  assert.match(hits[1]!.message, /`id` is read from its body: the body is empty, so it is undefined/);
});

test('.then(r => r.json()) and JSON.parse(await res.text())', () => {
  const code = `${PRESIGN}
export async function upload(file: Blob) {
  const { url, fields } = await presign();
  const meta = await fetch(url, { method: 'POST', body: s3Form(fields, file) }).then((r) => r.json());
  const res = await fetch(url, { method: 'POST', body: s3Form(fields, file) });
  const parsed = JSON.parse(await res.text());
  return [meta, parsed];
}
`;
  assert.deepEqual(lint(code, only).map((h) => h.text), ['r.json()', 'res.text()']);
});

test('silent: status checks, S3 error bodies on failure, the id from the first response', () => {
  const code = `${PRESIGN}
export async function upload(file: Blob) {
  const { url, fields, id } = await presign();
  const res = await fetch(url, { method: 'POST', body: s3Form(fields, file) });
  if (!res.ok) {
    const xml = await res.text();
    throw new Error(\`S3 rejected the upload (\${res.status}): \${xml}\`);
  }
  const again = await fetch(url, { method: 'POST', body: s3Form(fields, file) });
  const detail = again.status === 204 ? '' : await again.text();
  try {
    await axios.post(url, s3Form(fields, file));
  } catch (error: any) {
    console.error(error.response?.data);
  }
  const log = await again.text();
  console.log(res.status, res.statusText, res.headers.get('etag'), detail, log);
  return id;
}
`;
  assert.deepEqual(lint(code, only), []);
});

test('correct flows stay clean', () => {
  for (const [name, code] of Object.entries(CORRECT_FLOWS)) {
    assert.deepEqual(lint(code, { ...only, path: name === 'POLL_TIMEOUT' ? 'app.js' : 'app.ts' }), [], name);
  }
});
