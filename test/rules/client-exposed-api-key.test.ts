// client-exposed-api-key: the key sent to Leonardo comes from a browser-visible variable or from storage.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lint } from '../helpers/lint.js';

const RULE = 'client-exposed-api-key';
const run = (code: string, path = 'app.ts') => lint(code, { rules: [RULE], path });
const rows = (code: string, path = 'app.ts') => run(code, path).map((h) => [h.line, h.column, h.text]);

test('a React component with a NEXT_PUBLIC_ key, through a same-file const', () => {
  const code = `'use client';
import { useState } from 'react';

const LEONARDO_KEY = process.env.NEXT_PUBLIC_LEONARDO_API_KEY;

export function Generate() {
  const [prompt, setPrompt] = useState('');
  async function submit() {
    await fetch('https://cloud.leonardo.ai/api/rest/v1/generations', {
      method: 'POST',
      headers: { authorization: \`Bearer \${LEONARDO_KEY}\`, 'content-type': 'application/json' },
      body: JSON.stringify({ prompt }),
    });
  }
  return <button onClick={submit}>{prompt}</button>;
}
`;
  const hits = run(code, 'components/Generate.tsx');
  assert.deepEqual(hits.map((h) => [h.line, h.column, h.text]), [[4, 22, 'process.env.NEXT_PUBLIC_LEONARDO_API_KEY']]);
  assert.equal(
    hits[0]!.message,
    'The Leonardo API key comes from `process.env.NEXT_PUBLIC_LEONARDO_API_KEY`: Next.js puts this variable into the JavaScript ' +
      'it sends to browsers, so anyone who loads the page can copy the key. Keep the key in a server-only variable ' +
      '(`LEONARDO_API_KEY`) and call Leonardo from server code.',
  );
  assert.equal(hits[0]!.severity, 'warning');
  assert.equal(hits[0]!.finding.endpoint, 'POST /generations');
  assert.deepEqual(hits[0]!.finding.fixes, []);
});

test('a Next.js route handler reading LEONARDO_API_KEY is clean', () => {
  const code = `export async function POST(req: Request) {
  const { prompt } = await req.json();
  return fetch('https://cloud.leonardo.ai/api/rest/v1/generations', {
    method: 'POST',
    headers: { authorization: \`Bearer \${process.env.LEONARDO_API_KEY}\`, 'content-type': 'application/json' },
    body: JSON.stringify({ prompt }),
  });
}
`;
  assert.deepEqual(rows(code, 'app/api/generate/route.ts'), []);
});

test('a Vite app: import.meta.env.VITE_ in an axios instance, and destructured', () => {
  const instance = `import axios from 'axios';
export const leonardo = axios.create({
  baseURL: 'https://cloud.leonardo.ai/api/rest/v1',
  headers: { Authorization: 'Bearer ' + import.meta.env.VITE_LEONARDO_KEY },
});
export const me = () => leonardo.get('/me');
`;
  assert.deepEqual(rows(instance, 'src/api.ts'), [[4, 41, 'import.meta.env.VITE_LEONARDO_KEY']]);
  assert.match(run(instance, 'src/api.ts')[0]!.message, /Vite puts this variable into the JavaScript/);

  const destructured = `const { VITE_LEONARDO_KEY: key } = import.meta.env;
export const me = () => fetch('https://cloud.leonardo.ai/api/rest/v1/me', { headers: { authorization: \`Bearer \${key}\` } });
`;
  assert.deepEqual(rows(destructured, 'src/me.ts'), [[1, 9, 'VITE_LEONARDO_KEY: key']]);
});

test('the other bundler prefixes, SvelteKit public modules and browser storage', () => {
  const call = (expression: string, prelude = '') =>
    `${prelude}fetch('https://cloud.leonardo.ai/api/rest/v1/me', { headers: { authorization: \`Bearer \${${expression}}\` } });\n`;
  for (const [expression, bundler] of [
    ['process.env.REACT_APP_LEONARDO_KEY', 'Create React App'],
    ['process.env.EXPO_PUBLIC_LEONARDO_KEY', 'Expo'],
    ['process.env.PUBLIC_LEONARDO_KEY', 'SvelteKit and Astro'],
    ["process.env['NEXT_PUBLIC_LEONARDO_KEY']", 'Next.js'],
    ['import.meta.env.PUBLIC_LEONARDO_KEY', 'SvelteKit and Astro'],
  ] as const) {
    const hits = run(call(expression));
    assert.deepEqual(hits.map((h) => h.text), [expression]);
    assert.match(hits[0]!.message, new RegExp(`: ${bundler} puts this variable`));
  }
  const svelte = call('PUBLIC_LEONARDO_KEY', "import { PUBLIC_LEONARDO_KEY } from '$env/static/public';\n");
  assert.deepEqual(rows(svelte, 'src/routes/+page.ts'), [[1, 10, 'PUBLIC_LEONARDO_KEY']]);
  const stored = call('key', "const key = window.localStorage.getItem('leonardoKey') ?? '';\n");
  const hits = run(stored);
  assert.deepEqual(hits.map((h) => h.text), ["window.localStorage.getItem('leonardoKey')"]);
  assert.match(hits[0]!.message, /it lives in the browser/);
  assert.deepEqual(rows(call('sessionStorage.leonardoKey')).map((r) => r[2]), ['sessionStorage.leonardoKey']);
});

test('the SDK client: bearerAuth from a public variable is flagged, from LEONARDO_API_KEY it is clean', () => {
  const sdk = (option: string) => `import { Leonardo } from '@leonardo-ai/sdk';
export const leonardo = new Leonardo({ bearerAuth: ${option} });
export const generate = (prompt: string) => leonardo.image.createGeneration({ prompt });
`;
  assert.deepEqual(rows(sdk('process.env.LEONARDO_API_KEY')), []);
  assert.deepEqual(rows(sdk("process.env.LEONARDO_API_KEY ?? ''")), []);
  assert.deepEqual(rows(sdk("import.meta.env.VITE_LEONARDO_KEY ?? ''")), [[2, 52, 'import.meta.env.VITE_LEONARDO_KEY']]);
  assert.deepEqual(rows(sdk("async () => localStorage.getItem('key') ?? ''")).map((r) => r[2]), ["localStorage.getItem('key')"]);
  const options = `import * as sdk from '@leonardo-ai/sdk';
const options = { bearerAuth: process.env.NEXT_PUBLIC_LEONARDO_KEY };
export const leonardo = new sdk.Leonardo(options);
`;
  assert.deepEqual(rows(options).map((r) => r[2]), ['process.env.NEXT_PUBLIC_LEONARDO_KEY']);
});

test('public variables that do not reach Leonardo, and local variables named like globals, stay quiet', () => {
  const code = `const analytics = process.env.NEXT_PUBLIC_ANALYTICS_ID;
await fetch('https://api.openai.com/v1/models', { headers: { authorization: \`Bearer \${process.env.NEXT_PUBLIC_OPENAI_KEY}\` } });
await fetch('https://cloud.leonardo.ai/api/rest/v1/me', { headers: { authorization: \`Bearer \${process.env.LEONARDO_API_KEY}\`, 'x-client': analytics } });
export function withStorage(localStorage: Map<string, string>) {
  return fetch('https://cloud.leonardo.ai/api/rest/v1/me', { headers: { authorization: \`Bearer \${localStorage.get('k')}\` } });
}
`;
  assert.deepEqual(rows(code), []);
});
