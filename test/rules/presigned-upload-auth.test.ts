// presigned-upload-auth: the API key sent along with the upload to a presigned S3 URL.
import { edit, ruleTester } from '../helpers/rule-tester.js';
import { CORRECT_FLOW_CASES } from '../helpers/correct-flows.js';

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

ruleTester.run('presigned-upload-auth', {
  valid: [
    {
      name: 'uploads without the key, other URLs with the key, unknown URLs',
      code: `${PRESIGN}
export async function fine(file: Blob, someUrl: string) {
  const { url, fields } = await presign('png');
  await fetch(url, { method: 'POST', body: formFor(fields, file) });
  await fetch(url, { method: 'POST', headers: { 'content-length': String(file.size) }, body: formFor(fields, file) });
  await fetch(someUrl, { method: 'POST', headers: leonardoHeaders, body: file });
  await fetch(\`\${LEONARDO}/me\`, { headers: leonardoHeaders });
}
`,
    },
    {
      name: 'uploads through same-file wrappers that add no key, or that build the URL on the API base (no presigned URL can go through)',
      code: `${PRESIGN}
const withTimeout = (url: string, init: RequestInit = {}) => fetch(url, { ...init, signal: AbortSignal.timeout(30_000) });
const api = (path: string, init: RequestInit = {}) => fetch(\`\${LEONARDO}\${path}\`, { ...init, headers: leonardoHeaders });
export async function fine(file: Blob) {
  const { url, fields } = await presign('png');
  await withTimeout(url, { method: 'POST', body: formFor(fields, file) });
  await api('/me');
}
`,
    },
    ...CORRECT_FLOW_CASES,
  ],
  invalid: [
    {
      name: 'through a same-file wrapper: a key the call hands it (removed by the fix), and one the wrapper adds itself (on the URL, no fix)',
      code: `${PRESIGN}
async function fetchWithTimeout(url: string, init: RequestInit = {}, ms = 30_000) {
  return fetch(url, { ...init, signal: AbortSignal.timeout(ms) });
}
async function leoFetch(url: string, init: RequestInit = {}) {
  return fetch(url, { ...init, headers: { ...init.headers, authorization: \`Bearer \${apiKey}\` } });
}
export async function uploadImage(file: Blob) {
  const { url, fields, id } = await presign('png');
  await fetchWithTimeout(url, { method: 'POST', headers: { authorization: \`Bearer \${apiKey}\` }, body: formFor(fields, file) });
  await leoFetch(url, { method: 'POST', body: formFor(fields, file) });
  await leoFetch(\`\${LEONARDO}/me\`);
  return id;
}
`,
      findings: [
        {
          message: "The upload to the presigned URL sends the API key in 'authorization' (S3 answers 403): send no API key there.",
          at: [26, 60, 'authorization'],
          fixes: [{ title: "Remove the 'authorization' header", output: edit('{ authorization: `Bearer ${apiKey}` }', '{}'), preferred: false }],
        },
        {
          message: 'The upload to the presigned URL sends the API key (S3 answers 403): upload with a plain fetch, not with a helper that adds it.',
          at: [27, 18, 'url'],
          fixes: [],
        },
      ],
    },
    {
      name: 'an authorization header written in the upload call: on the key, removed by the fix',
      code: `${PRESIGN}
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
`,
      findings: [
        {
          message: "The upload to the presigned URL sends the API key in 'Authorization' (S3 answers 403): send no API key there.",
          at: [22, 16, 'Authorization'],
          severity: 'error',
          endpoint: 'POST /init-image',
          fixes: [{ title: "Remove the 'Authorization' header", output: edit(' Authorization: `Bearer ${apiKey}` ', ''), preferred: false }],
        },
      ],
    },
    {
      name: 'the Leonardo headers reused for the upload: on `headers`, no fix (they are shared)',
      code: `${PRESIGN}
export async function uploadImage(file: Blob) {
  const presigned = await presign('jpg');
  await fetch(presigned.url, { method: 'POST', headers: leonardoHeaders, body: formFor(presigned.fields, file) });
  return presigned.id;
}
`,
      findings: [
        {
          message: "The upload to the presigned URL sends the API key in 'authorization' (S3 answers 403): give the upload its own headers, without the key.",
          at: [20, 57, 'leonardoHeaders'],
          fixes: [],
        },
      ],
    },
    {
      name: 'a spread of the shared headers, and a key under another header name',
      code: `${PRESIGN}
export async function uploadTwice(file: Blob) {
  const { url, fields } = await presign('webp');
  await fetch(url, { method: 'POST', headers: { ...leonardoHeaders, 'x-upload': '1' }, body: formFor(fields, file) });
  await fetch(url, { method: 'POST', headers: { 'x-api-key': apiKey! }, body: formFor(fields, file) });
}
`,
      findings: [
        {
          message: "The upload to the presigned URL sends the API key in 'authorization' (S3 answers 403): give the upload its own headers, without the key.",
          at: [20, 47, '{ ...leonardoHeaders, \'x-upload\': \'1\' }'],
          fixes: [],
        },
        {
          message: "The upload to the presigned URL sends the API key in 'x-api-key' (S3 answers 403): send no API key there.",
          at: [21, 49, '\'x-api-key\''],
          fixes: [{ title: "Remove the 'x-api-key' header", output: edit(' \'x-api-key\': apiKey! ', ''), preferred: false }],
        },
      ],
    },
    {
      name: 'a headers helper with a parameter (extra = {}), called for both the init-image request and the upload: each call with its own argument',
      code: `import axios from 'axios';
import FormData from 'form-data';
const LEONARDO = 'https://cloud.leonardo.ai/api/rest/v1';
function buildHeaders(extra: Record<string, string> = {}) {
  return { authorization: \`Bearer \${process.env.LEONARDO_API_KEY}\`, ...extra };
}
export async function upload(buf: Buffer): Promise<string> {
  const { data } = await axios.post(\`\${LEONARDO}/init-image\`, { extension: 'jpg' }, { headers: buildHeaders({ 'content-type': 'application/json' }) });
  const { url, fields, id } = data.uploadInitImage;
  const form = new FormData();
  for (const [k, v] of Object.entries(JSON.parse(fields) as Record<string, string>)) form.append(k, v);
  form.append('file', buf);
  await axios.post(url, form, { headers: buildHeaders(form.getHeaders()) });
  return id;
}
`,
      findings: [
        {
          message: "The upload to the presigned URL sends the API key in 'authorization' (S3 answers 403): give the upload its own headers, without the key.",
          at: [13, 42, 'buildHeaders(form.getHeaders())'],
          fixes: [],
        },
      ],
    },
    {
      name: 'an axios instance whose defaults carry the key: on the URL, with the reason',
      code: `import axios from 'axios';

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
`,
      findings: [
        {
          message: "The upload to the presigned URL sends the API key in 'Authorization' (S3 answers 403): upload with a client that adds no authorization.",
          at: [14, 23, 'url'],
          fixes: [],
        },
      ],
    },
    {
      name: 'the other presigned endpoints: canvas init image, dataset upload',
      code: `import axios from 'axios';
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
`,
      findings: [
        {
          message: "The upload to the presigned URL sends the API key in 'authorization' (S3 answers 403): give the upload its own headers, without the key.",
          at: [8, 46, '{ ...auth }'],
          fixes: [],
        },
        {
          message: "The upload to the presigned URL sends the API key in 'authorization' (S3 answers 403): give the upload its own headers, without the key.",
          at: [11, 70, 'auth'],
          fixes: [],
        },
      ],
    },
  ],
});
