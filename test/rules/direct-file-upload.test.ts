// direct-file-upload: the file itself sent to an upload endpoint that takes JSON and returns a presigned URL.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lint } from '../helpers/lint.js';
import { at, CORRECT_FLOWS } from '../engine/flow-fixtures.js';

const RULE = 'direct-file-upload';
const only = { rules: [RULE] };

test('a FormData posted to /init-image: on the body as the call writes it', () => {
  const code = `const LEONARDO = 'https://cloud.leonardo.ai/api/rest/v1';

export async function uploadAvatar(file: File) {
  const form = new FormData();
  form.append('image', file);
  const res = await fetch(\`\${LEONARDO}/init-image\`, {
    method: 'POST',
    headers: { authorization: \`Bearer \${process.env.LEONARDO_API_KEY}\` },
    body: form,
  });
  const { uploadInitImage } = await res.json();
  return uploadInitImage.id;
}
`;
  const hits = lint(code, only);
  assert.equal(hits.length, 1);
  const [hit] = hits;
  assert.deepEqual([hit!.line, hit!.column, hit!.text], [...at(code, 'form,'), 'form']);
  assert.equal(hit!.severity, 'error');
  assert.match(hit!.message, /POST \/init-image is sent the file itself \(FormData\): it takes JSON \{extension\} and answers with a presigned URL and form fields/);
  assert.match(hit!.message, /the id to use afterwards is `uploadInitImage\.id`/);
  assert.deepEqual(hit!.finding.fixes, []);
  assert.equal(hit!.finding.endpoint, 'POST /init-image');
});

test('Buffers, streams and form posts through axios; a file inside the JSON body', () => {
  const code = `import axios from 'axios';
import fs from 'node:fs';

const leonardo = axios.create({
  baseURL: 'https://cloud.leonardo.ai/api/rest/v1',
  headers: { authorization: \`Bearer \${process.env.LEONARDO_API_KEY}\` },
});

export class Uploader {
  async raw(path: string) {
    return leonardo.post('/init-image', fs.readFileSync(path), { headers: { 'content-type': 'image/png' } });
  }
  async form(path: string) {
    return leonardo.postForm('/init-image', { file: fs.createReadStream(path) });
  }
  async inline(path: string) {
    return leonardo.post('/init-image', { extension: 'png', image: fs.readFileSync(path) });
  }
  async media(path: string) {
    return leonardo.post('/media', fs.createReadStream(path));
  }
}
`;
  const hits = lint(code, only);
  assert.deepEqual(
    hits.map((h) => [h.line, h.text]),
    [
      [11, 'fs.readFileSync(path)'],
      [14, '{ file: fs.createReadStream(path) }'],
      [17, 'fs.readFileSync(path)'],
      [20, 'fs.createReadStream(path)'],
    ],
  );
  assert.match(hits[1]!.message, /\(form data\)/);
  assert.match(hits[3]!.message, /POST \/media is sent the file itself \(ReadStream\).*`uploadMedia\.uploadId`/);
});

test('curl -F and a multipart .http request to /init-image', () => {
  const curl = `#!/bin/bash
curl --request POST \\
  --url https://cloud.leonardo.ai/api/rest/v1/init-image \\
  --header "authorization: Bearer $LEONARDO_API_KEY" \\
  -F "file=@./photo.png"
`;
  const [fromCurl] = lint(curl, { ...only, path: 'upload.sh' });
  assert.ok(fromCurl!.text.includes('-F "file=@./photo.png"'));
  assert.match(fromCurl!.message, /multipart form data \(curl -F\)/);
  const http = `POST https://cloud.leonardo.ai/api/rest/v1/init-image
Authorization: Bearer {{apiKey}}
Content-Type: multipart/form-data; boundary=XYZ

--XYZ
Content-Disposition: form-data; name="file"; filename="photo.png"

< ./photo.png
--XYZ--
`;
  assert.equal(lint(http, { ...only, path: 'upload.http' }).length, 1);
});

test('silent: the JSON request, uploads to the presigned URL, other endpoints, unknown bodies', () => {
  const code = `import fs from 'node:fs';
const BASE = 'https://cloud.leonardo.ai/api/rest/v1';
const headers = { authorization: \`Bearer \${process.env.LEONARDO_API_KEY}\`, 'content-type': 'application/json' };

export async function fine(path: string, body: unknown) {
  const res = await fetch(\`\${BASE}/init-image\`, { method: 'POST', headers, body: JSON.stringify({ extension: 'png' }) });
  const { uploadInitImage } = await res.json();
  const form = new FormData();
  form.append('file', new Blob([fs.readFileSync(path)]));
  await fetch(uploadInitImage.url, { method: 'POST', body: form });
  await fetch(\`\${BASE}/init-image\`, { method: 'POST', headers, body: JSON.stringify(body) });
  await fetch('https://example.com/api/init-image', { method: 'POST', body: form });
}
`;
  assert.deepEqual(lint(code, only), []);
});

test('correct flows stay clean', () => {
  for (const [name, code] of Object.entries(CORRECT_FLOWS)) {
    assert.deepEqual(lint(code, { ...only, path: name === 'POLL_TIMEOUT' ? 'app.js' : 'app.ts' }), [], name);
  }
});
