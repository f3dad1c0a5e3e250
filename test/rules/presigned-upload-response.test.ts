// presigned-upload-response: a body or an id read from the 204 No Content of the presigned upload.
import { ruleTester } from '../helpers/rule-tester.js';
import { CORRECT_FLOW_CASES } from '../helpers/correct-flows.js';

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

ruleTester.run('presigned-upload-response', {
  valid: [
    {
      name: "got's response of the upload, read for its own members (statusCode, rawBody, statusMessage)",
      code: `import got from 'got';
export async function upload(form: FormData): Promise<string> {
  const headers = { 'content-type': 'application/json', authorization: \`Bearer \${process.env.LEONARDO_API_KEY}\` };
  const res = await fetch('https://cloud.leonardo.ai/api/rest/v1/init-image', { method: 'POST', headers, body: JSON.stringify({ extension: 'jpg' }) });
  const data = await res.json();
  const up = await got.post(data.uploadInitImage.url, { body: form });
  console.log('upload', up.statusCode, up.statusMessage, up.rawBody.length);
  return data.uploadInitImage.id;
}`,
    },
    {
      name: 'status checks, S3 error bodies on failure, the id from the first response',
      code: `${PRESIGN}
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
`,
    },
    {
      name: "the upload's body read in a .catch handler (S3's error), beside a chain that a .catch ends",
      code: `${PRESIGN}
export async function upload(file: Blob) {
  const { url, fields, id } = await presign();
  const up = await fetch(url, { method: 'POST', body: s3Form(fields, file) });
  return Promise.resolve(up.ok ? id : Promise.reject(new Error(String(up.status))))
    .then((uploaded) => fetch(\`\${LEONARDO}/generations\`, { method: 'POST', headers, body: JSON.stringify({ prompt: 'a cat', init_image_id: uploaded, init_strength: 0.5 }) }))
    .catch(async () => {
      throw new Error(JSON.stringify(await up.json()));
    });
}
`,
    },
    ...CORRECT_FLOW_CASES,
  ],
  invalid: [
    {
      name: "a body field read straight off fetch's Response of the upload (it has no such member, and no body)",
      code: `export async function upload(file: Blob): Promise<string> {
  const headers = { "content-type": "application/json", authorization: \`Bearer \${process.env.LEONARDO_API_KEY}\` };
  const res = await fetch("https://cloud.leonardo.ai/api/rest/v1/init-image", { method: "POST", headers, body: JSON.stringify({ extension: "jpg" }) });
  const data = await res.json();
  const form = new FormData();
  Object.entries(JSON.parse(data.uploadInitImage.fields)).forEach(([k, v]) => form.append(k, v as string));
  form.append("file", file);
  const up = await fetch(data.uploadInitImage.url, { method: "POST", body: form });
  if (up.status !== 204 && !up.ok) throw new Error(\`upload failed: \${up.statusText}\`);
  return up.uploadInitImage.id;
}`,
      findings: [
        {
          message: "The presigned upload answers 204 with no body, but 'uploadInitImage' is read from the response: check 'res.ok' instead.",
          at: [10, 13, 'uploadInitImage'],
          fixes: [],
        },
      ],
    },
    {
      name: 'a .then chain ending in .catch: the id read off the upload in a later step is still flagged (round I)',
      code: `const headers = { 'content-type': 'application/json', authorization: \`Bearer \${process.env.LEONARDO_API_KEY}\` };

fetch('https://cloud.leonardo.ai/api/rest/v1/init-image', { method: 'POST', headers, body: JSON.stringify({ extension: 'jpg' }) })
  .then((response) => response.json())
  .then((data) => {
    if (data.uploadInitImage) {
      const form = new FormData();
      form.append('file', new Blob([]));
      return fetch(data.uploadInitImage.url, { method: 'POST', body: form });
    } else {
      throw new Error('uploadInitImage is undefined');
    }
  })
  .then((data) => {
    const payload = { prompt: 'An oil painting of a cat', width: 512, height: 512, imagePrompts: [data.uploadInitImage.id] };
    return fetch('https://cloud.leonardo.ai/api/rest/v1/generations', { method: 'POST', headers, body: JSON.stringify(payload) });
  })
  .then((response) => response.json())
  .catch((error) => console.error('Error:', error));
`,
      findings: [
        {
          message: "The presigned upload answers 204 with no body, but 'uploadInitImage' is read from the response: check 'res.ok' instead.",
          at: [15, 104, 'uploadInitImage'],
          fixes: [],
        },
      ],
    },
    {
      name: 'await uploadRes.json() after the upload: on the call',
      code: `${PRESIGN}
export async function upload(file: Blob) {
  const { url, fields } = await presign();
  const uploadRes = await fetch(url, { method: 'POST', body: s3Form(fields, file) });
  const uploaded = await uploadRes.json();
  return uploaded.id;
}
`,
      findings: [
        {
          message: "The presigned upload answers 204 with no body, but 'uploadRes.json()' reads a body: check 'res.ok' instead.",
          at: [20, 26, 'uploadRes.json()'],
          severity: 'warning',
          endpoint: 'POST /init-image',
          fixes: [],
        },
      ],
    },
    {
      name: 'axios: an id read from the upload response data',
      code: `${PRESIGN}
export async function upload(file: Blob) {
  const presigned = await presign();
  const res = await axios.post(presigned.url, s3Form(presigned.fields, file));
  const { data: { key } } = await axios.post(presigned.url, s3Form(presigned.fields, file));
  return { id: res.data.id, key };
}
`,
      findings: [
        {
          message: "The presigned upload answers 204 with no body, but 'key' is read from its body: check 'res.ok' instead.",
          at: [20, 19, 'key'],
          fixes: [],
        },
        {
          message: "The presigned upload answers 204 with no body, but 'id' is read from its body: check 'res.ok' instead.",
          at: [21, 25, 'id'],
          fixes: [],
        },
      ],
    },
    {
      name: '.then(r => r.json()) and JSON.parse(await res.text())',
      code: `${PRESIGN}
export async function upload(file: Blob) {
  const { url, fields } = await presign();
  const meta = await fetch(url, { method: 'POST', body: s3Form(fields, file) }).then((r) => r.json());
  const res = await fetch(url, { method: 'POST', body: s3Form(fields, file) });
  const parsed = JSON.parse(await res.text());
  return [meta, parsed];
}
`,
      findings: [
        {
          message: "The presigned upload answers 204 with no body, but 'r.json()' reads a body: check 'res.ok' instead.",
          at: [19, 93, 'r.json()'],
          fixes: [],
        },
        {
          message: "The presigned upload answers 204 with no body, but 'res.text()' parses a body: check 'res.ok' instead.",
          at: [21, 35, 'res.text()'],
          fixes: [],
        },
      ],
    },
  ],
});
