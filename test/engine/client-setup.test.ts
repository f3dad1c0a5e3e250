// Headers added outside the calls (interceptors, client defaults, hooks) and axios response
// interceptors are decided on the syntax tree: a comment or a string that mentions them changes
// nothing, the code that installs them does.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../server/src/engine/analyze.js';
import { ruleById } from '../../server/src/engine/rules/index.js';

function findings(text: string, ruleId: string): string[] {
  const rule = ruleById(ruleId)!;
  return analyze({ text, kind: 'typescript', path: 'client.ts' }, { rules: [rule] }).findings.map((f) => text.slice(f.span.start, f.span.end));
}

const NO_KEY = `import axios from 'axios';
const api = axios.create({ baseURL: 'https://cloud.leonardo.ai/api/rest/v1' });
export async function generate(prompt: string) {
  await fetch('https://cloud.leonardo.ai/api/rest/v1/generations', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ prompt }),
  });
  return fetch('https://cloud.leonardo.ai/api/rest/v1/me');
}
`;
/** The headers object without `authorization` (reported at its brace), and the bare `fetch`'s URL. */
const MISSING = ['{', "'https://cloud.leonardo.ai/api/rest/v1/me'"];

test('auth-header: a comment or a string that mentions interceptors or default headers no longer silences it', () => {
  assert.deepEqual(findings(NO_KEY, 'auth-header'), MISSING);
  for (const mention of [
    '// The key is added by an axios interceptor: api.interceptors.request.use(...)',
    '/* see axios.defaults.headers.common, ky beforeRequest hooks, ofetch onRequest */',
    "export const note = 'headers.set(\"authorization\") happens in the proxy, via res.setHeader(...)';",
  ]) {
    assert.deepEqual(findings(`${NO_KEY}${mention}\n`, 'auth-header'), MISSING, mention);
  }
});

test('auth-header: code that adds headers outside the calls still silences it', () => {
  for (const setup of [
    'api.interceptors.request.use((config) => { config.headers.Authorization = `Bearer ${process.env.LEONARDO_API_KEY}`; return config; });',
    'api.interceptors.response.use((r) => r, async (error) => { error.config.headers.authorization = `Bearer ${await refresh()}`; return api.request(error.config); });',
    "axios.defaults.headers.common['Authorization'] = `Bearer ${process.env.LEONARDO_API_KEY}`;",
    "api.defaults.headers.authorization = 'Bearer ' + process.env.LEONARDO_API_KEY;",
    'export const hooks = { beforeRequest: [(request: Request) => request.headers.set("authorization", "x")] };',
    'export const options = { onRequest({ options }: { options: { headers: Headers } }) { options.headers.append("authorization", "x"); } };',
    // A hook that adds the key in a function this file names only (no `headers.set` in sight).
    'import { addKey } from "./auth"; export const hooks = { beforeRequest: [addKey] };',
    'export function proxy(res: { setHeader(name: string, value: string): void }) { res.setHeader("authorization", "x"); }',
    'export function sign(headers: Headers) { headers.set("authorization", "x"); }',
  ]) {
    assert.deepEqual(findings(`${NO_KEY}${setup}\n`, 'auth-header'), [], setup);
  }
});

const UNWRAPPED = `import axios from 'axios';
const api = axios.create({ baseURL: 'https://cloud.leonardo.ai/api/rest/v1' });
export async function create(prompt: string) {
  const job = await api.post('/generations', { prompt });
  return job.sdGenerationJob.generationId;
}
`;

test('an axios response interceptor is one the code installs, not one a comment mentions', () => {
  assert.deepEqual(findings(UNWRAPPED, 'unknown-response-field'), ['sdGenerationJob'], 'without an interceptor, `.data` is missing');
  const mentioned = `${UNWRAPPED}// TODO: api.interceptors.response.use((response) => response.data)\nexport const hint = 'interceptors.response';\n`;
  assert.deepEqual(findings(mentioned, 'unknown-response-field'), ['sdGenerationJob']);
  const installed = `${UNWRAPPED}api.interceptors.response.use((response) => response.data);\n`;
  assert.deepEqual(findings(installed, 'unknown-response-field'), []);
  const requestOnly = `${UNWRAPPED}api.interceptors.request.use((config) => config);\n`;
  assert.deepEqual(findings(requestOnly, 'unknown-response-field'), ['sdGenerationJob'], 'a request interceptor leaves the response as it is');
});

test('an axios response interceptor that hands back the response it is given (after a log, or only handling errors) changes no answer', () => {
  for (const handler of [
    '(response) => response',
    '(response) => { console.log(response.status); return response; }',
    'function (res) { if (res.status >= 400) console.warn(res.status); return res; }',
    'undefined',
  ]) {
    const code = `${UNWRAPPED}api.interceptors.response.use(${handler}, (error) => Promise.reject(error));\n`;
    assert.deepEqual(findings(code, 'unknown-response-field'), ['sdGenerationJob'], handler);
  }
  for (const handler of [
    '(response) => { response.data = response.data.result; return response; }',
    '(response) => { if (response.data?.job) return response.data.job; return response; }',
    '(response) => { log(response); }',
  ]) {
    const code = `${UNWRAPPED}api.interceptors.response.use(${handler});\n`;
    assert.deepEqual(findings(code, 'unknown-response-field'), [], handler);
  }
});
