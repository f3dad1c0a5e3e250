// direct-file-upload: the file itself sent to an upload endpoint that takes JSON and returns a presigned URL.
import { ruleTester } from '../helpers/rule-tester.js';
import { CORRECT_FLOW_CASES } from '../helpers/correct-flows.js';

ruleTester.run('direct-file-upload', {
  valid: [
    {
      name: 'the JSON request, uploads to the presigned URL, other endpoints, unknown bodies',
      code: `import fs from 'node:fs';
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
`,
    },
    {
      name: 'a data URL sent where one belongs (an image prompt on /generations is no upload endpoint), and a text field of an upload that only names the type',
      code: `const BASE = 'https://cloud.leonardo.ai/api/rest/v1';
const headers = { authorization: \`Bearer \${process.env.LEONARDO_API_KEY}\`, 'content-type': 'application/json' };
export async function fine(b64: string) {
  await fetch(\`\${BASE}/generations\`, { method: 'POST', headers, body: JSON.stringify({ prompt: \`data:image/png;base64,\${b64}\` }) });
  await fetch(\`\${BASE}/init-image\`, { method: 'POST', headers, body: JSON.stringify({ extension: 'image/png'.split('/')[1] }) });
}
`,
    },
    ...CORRECT_FLOW_CASES,
  ],
  invalid: [
    {
      name: 'the image as a base64 data URL in a JSON field of /init-image: the file itself, on the field',
      path: 'upload.js',
      code: `const axios = require('axios');
async function upload(base64Image) {
  const res = await axios.post('https://cloud.leonardo.ai/api/rest/v1/init-image', {
    extension: 'jpg',
    file: \`data:image/jpeg;base64,\${base64Image}\`,
  }, { headers: { Authorization: \`Bearer \${process.env.LEONARDO_API_KEY}\` } });
  return res.data.uploadInitImage.id;
}
module.exports = { upload };
`,
      findings: [
        {
          message: 'POST /init-image is sent the file itself (a base64 data URL): send JSON {extension}, then the file to the presigned URL it answers.',
          at: [5, 11, '`data:image/jpeg;base64,${base64Image}`'],
          fixes: [],
        },
      ],
    },
    {
      name: 'a FormData posted to /init-image: on the body as the call writes it',
      code: `const LEONARDO = 'https://cloud.leonardo.ai/api/rest/v1';

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
`,
      findings: [
        {
          message: 'POST /init-image is sent the file itself (FormData): send JSON {extension}, then the file to the presigned URL it answers.',
          at: [9, 11, 'form'],
          severity: 'error',
          endpoint: 'POST /init-image',
          fixes: [],
        },
      ],
    },
    {
      name: 'Buffers, streams and form posts through axios; a file inside the JSON body',
      code: `import axios from 'axios';
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
`,
      findings: [
        {
          message: 'POST /init-image is sent the file itself (Buffer): send JSON {extension}, then the file to the presigned URL it answers.',
          at: [11, 41, 'fs.readFileSync(path)'],
          fixes: [],
        },
        {
          message: 'POST /init-image is sent the file itself (form data): send JSON {extension}, then the file to the presigned URL it answers.',
          at: [14, 45, '{ file: fs.createReadStream(path) }'],
          fixes: [],
        },
        {
          message: 'POST /init-image is sent the file itself (Buffer): send JSON {extension}, then the file to the presigned URL it answers.',
          at: [17, 68, 'fs.readFileSync(path)'],
          fixes: [],
        },
        {
          message: 'POST /media is sent the file itself (ReadStream): send JSON {extension}, then the file to the presigned URL it answers.',
          at: [20, 36, 'fs.createReadStream(path)'],
          fixes: [],
        },
      ],
    },
    {
      name: 'curl -F to /init-image',
      path: 'upload.sh',
      code: `#!/bin/bash
curl --request POST \\
  --url https://cloud.leonardo.ai/api/rest/v1/init-image \\
  --header "authorization: Bearer $LEONARDO_API_KEY" \\
  -F "file=@./photo.png"
`,
      findings: [
        {
          message: 'POST /init-image is sent the file itself (multipart form data (curl -F)): send JSON, then the file to the presigned URL it answers.',
          at: [4, 53, ' \\\n  -F "file=@./photo.png"'],
          fixes: [],
        },
      ],
    },
    {
      name: 'a multipart .http request to /init-image',
      path: 'upload.http',
      code: `POST https://cloud.leonardo.ai/api/rest/v1/init-image
Authorization: Bearer {{apiKey}}
Content-Type: multipart/form-data; boundary=XYZ

--XYZ
Content-Disposition: form-data; name="file"; filename="photo.png"

< ./photo.png
--XYZ--
`,
      findings: [
        {
          message: 'POST /init-image is sent the file itself (multipart form data): send JSON {extension}, then the file to the presigned URL it answers.',
          at: [5, 1, '--XYZ\nContent-Disposition: form-data; name="file"; filename="photo.png"\n\n< ./photo.png\n--XYZ--'],
          fixes: [],
        },
      ],
    },
  ],
});
