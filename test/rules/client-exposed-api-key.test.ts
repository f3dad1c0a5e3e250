// client-exposed-api-key: the key sent to Leonardo comes from a browser-visible variable or from storage.
import { ruleTester } from '../helpers/rule-tester.js';

/** A request to GET /me whose authorization header reads `expression`. */
const call = (expression: string, prelude = '') =>
  `${prelude}fetch('https://cloud.leonardo.ai/api/rest/v1/me', { headers: { authorization: \`Bearer \${${expression}}\` } });\n`;
const sdk = (option: string) => `import { Leonardo } from '@leonardo-ai/sdk';
export const leonardo = new Leonardo({ bearerAuth: ${option} });
export const generate = (prompt: string) => leonardo.image.createGeneration({ prompt });
`;

const BROWSER_READ = 'The API key is read in the browser: call Leonardo from server code with a server-only secret.';

ruleTester.run('client-exposed-api-key', {
  valid: [
    {
      name: 'a Next.js route handler reading LEONARDO_API_KEY',
      path: 'app/api/generate/route.ts',
      code: `export async function POST(req: Request) {
  const { prompt } = await req.json();
  return fetch('https://cloud.leonardo.ai/api/rest/v1/generations', {
    method: 'POST',
    headers: { authorization: \`Bearer \${process.env.LEONARDO_API_KEY}\`, 'content-type': 'application/json' },
    body: JSON.stringify({ prompt }),
  });
}
`,
    },
    { name: 'the SDK client with bearerAuth from LEONARDO_API_KEY', code: sdk('process.env.LEONARDO_API_KEY') },
    {
      name: 'a key of an object read from the server environment or a request, cleaned by reassignment',
      code: `export async function handler(req: { body: { keys: { leonardo: string } } }) {
  const secrets = JSON.parse(process.env.SECRETS_JSON ?? '{}');
  let apiKey: string = secrets.leonardo ?? req.body.keys.leonardo;
  apiKey = apiKey.trim().replace(/"/g, '');
  return fetch('https://cloud.leonardo.ai/api/rest/v1/me', { headers: { authorization: \`Bearer \${apiKey}\` } });
}
`,
    },
    { name: 'the SDK client with bearerAuth from LEONARDO_API_KEY and a fallback', code: sdk("process.env.LEONARDO_API_KEY ?? ''") },
    {
      name: 'public variables that do not reach Leonardo, and local variables named like globals',
      code: `const analytics = process.env.NEXT_PUBLIC_ANALYTICS_ID;
await fetch('https://api.openai.com/v1/models', { headers: { authorization: \`Bearer \${process.env.NEXT_PUBLIC_OPENAI_KEY}\` } });
await fetch('https://cloud.leonardo.ai/api/rest/v1/me', { headers: { authorization: \`Bearer \${process.env.LEONARDO_API_KEY}\`, 'x-client': analytics } });
export function withStorage(localStorage: Map<string, string>) {
  return fetch('https://cloud.leonardo.ai/api/rest/v1/me', { headers: { authorization: \`Bearer \${localStorage.get('k')}\` } });
}
`,
    },
    {
      name: 'a server-only key sent through a same-file fetch wrapper that hands its options on',
      path: 'src/server/video.ts',
      code: `const fetchWithTimeout = (url: string, opts: RequestInit = {}) => fetch(url, { ...opts, signal: AbortSignal.timeout(30000) });
export const me = () => fetchWithTimeout('https://cloud.leonardo.ai/api/rest/v1/me', { headers: { authorization: \`Bearer \${process.env.LEONARDO_API_KEY}\` } });
`,
    },
    {
      name: 'a server key in a config object read through a getter function, and a getter of a parameter (not followed)',
      path: 'src/server/leonardo.ts',
      code: `const config = { leonardo: { key: process.env.LEONARDO_API_KEY } };
const browser = { leonardo: { key: process.env.NEXT_PUBLIC_LEONARDO_KEY } };
const getConfig = () => config;
const pick = (which: string) => (which === 'server' ? config : browser);
export const me = () => fetch('https://cloud.leonardo.ai/api/rest/v1/me', { headers: { authorization: \`Bearer \${getConfig().leonardo.key}\` } });
export const other = (which: string) => fetch('https://cloud.leonardo.ai/api/rest/v1/me', { headers: { authorization: \`Bearer \${pick(which).leonardo.key}\` } });
`,
    },
    {
      name: 'a factory that destructures its options, made with a server-only key',
      path: 'src/server/leonardo.ts',
      code: `export function createLeonardoApi({ apiKey }: { apiKey: string }) {
  return { me: () => fetch('https://cloud.leonardo.ai/api/rest/v1/me', { headers: { authorization: \`Bearer \${apiKey}\` } }) };
}
export const api = createLeonardoApi({ apiKey: process.env.LEONARDO_API_KEY! });
`,
    },
    {
      name: 'an exported client class made in its module with a server-only variable (other modules may make it with anything)',
      code: `export class LeonardoClient {
  constructor(private apiKey: string) {}
  me() {
    return fetch('https://cloud.leonardo.ai/api/rest/v1/me', { headers: { authorization: \`Bearer \${this.apiKey}\` } });
  }
}
export const leonardo = new LeonardoClient(process.env.LEONARDO_API_KEY!);
`,
    },
  ],
  invalid: [
    {
      name: 'an entry of a JSON blob kept in localStorage (by a computed key), and a stored key cleaned by reassignment',
      path: 'src/lib/leonardo.js',
      code: `export function getSyncedKeys() {
  const raw = localStorage.getItem('synced_ai_keys');
  return raw ? JSON.parse(raw) : {};
}
export async function fromBlob(prompt, engine = 'leonardo') {
  const keys = getSyncedKeys();
  const apiKey = keys[engine];
  return fetch('https://cloud.leonardo.ai/api/rest/v1/me', { headers: { Authorization: \`Bearer \${apiKey}\` } });
}
export async function cleaned(prompt) {
  let apiKey = sessionStorage.getItem('leonardo_key');
  if (!apiKey) throw new Error('connect your Leonardo account first');
  apiKey = apiKey.trim().replace(/^["']|["']$/g, '');
  return fetch('https://cloud.leonardo.ai/api/rest/v1/me', { headers: { Authorization: \`Bearer \${apiKey}\` } });
}
`,
      findings: [
        { message: BROWSER_READ, at: [2, 15, "localStorage.getItem('synced_ai_keys')"], fixes: [] },
        { message: BROWSER_READ, at: [11, 16, "sessionStorage.getItem('leonardo_key')"], fixes: [] },
      ],
    },
    {
      name: 'a React component with a NEXT_PUBLIC_ key, through a same-file const',
      path: 'components/Generate.tsx',
      code: `'use client';
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
`,
      findings: [
        {
          message: 'The API key is shipped to browsers by Next.js: use a server-only variable (LEONARDO_API_KEY) in server code.',
          at: [4, 22, 'process.env.NEXT_PUBLIC_LEONARDO_API_KEY'],
          severity: 'warning',
          endpoint: 'POST /generations',
          fixes: [],
        },
      ],
    },
    {
      name: 'a Vite key sent in the headers a same-file fetch wrapper hands on to fetch (a timeout wrapper)',
      path: 'src/lib/video.ts',
      code: `async function fetchWithTimeout(url: string, opts: RequestInit, timeoutMs = 30000): Promise<Response> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    return await fetch(url, { ...opts, signal: controller.signal });
  } finally {
    clearTimeout(timer);
  }
}

export async function startVideo(prompt: string) {
  const key = import.meta.env.VITE_LEONARDO_API_KEY;
  return fetchWithTimeout('https://cloud.leonardo.ai/api/rest/v1/generations-text-to-video', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: \`Bearer \${key}\` },
    body: JSON.stringify({ prompt, resolution: 'RESOLUTION_720' }),
  });
}
`,
      findings: [
        {
          message: 'The API key is shipped to browsers by Vite: use a server-only variable (LEONARDO_API_KEY) in server code.',
          at: [12, 15, 'import.meta.env.VITE_LEONARDO_API_KEY'],
          severity: 'warning',
          endpoint: 'POST /generations-text-to-video',
          fixes: [],
        },
      ],
    },
    {
      name: 'a CRA key in a config object read through a getter function (getConfig().leonardo.key)',
      path: 'src/leonardo.ts',
      code: `export const config = {
  leonardo: { baseUrl: 'https://cloud.leonardo.ai/api/rest/v1', key: process.env.REACT_APP_LEONARDO_KEY },
  theme: 'dark',
};
function getConfig() {
  return config;
}
const authHeaders = () => ({ authorization: \`Bearer \${getConfig().leonardo.key}\`, 'content-type': 'application/json' });
export async function fetchUser() {
  const res = await fetch(\`\${getConfig().leonardo.baseUrl}/me\`, { headers: authHeaders() });
  return (await res.json()).user_details[0];
}
`,
      findings: [
        {
          message: 'The API key is shipped to browsers by Create React App: use a server-only variable (LEONARDO_API_KEY) in server code.',
          at: [2, 70, 'process.env.REACT_APP_LEONARDO_KEY'],
          severity: 'warning',
          endpoint: 'GET /me',
          fixes: [],
        },
      ],
    },
    {
      name: 'a key handed to a factory that destructures its options (createLeonardoApi({ apiKey })), from localStorage and from NEXT_PUBLIC_',
      path: 'src/lib/leonardo.ts',
      code: `export function createLeonardoApi({ apiKey, base = 'https://cloud.leonardo.ai/api/rest/v1' }: { apiKey?: string; base?: string }) {
  return {
    me: () => fetch(\`\${base}/me\`, { headers: { authorization: \`Bearer \${apiKey}\` } }),
  };
}
export const stored = createLeonardoApi({ apiKey: localStorage.getItem('leonardo_key') ?? undefined });
export const env = createLeonardoApi({ apiKey: process.env.NEXT_PUBLIC_LEONARDO_KEY });
`,
      findings: [
        { message: BROWSER_READ, at: [6, 51, "localStorage.getItem('leonardo_key')"], fixes: [] },
        {
          message: 'The API key is shipped to browsers by Next.js: use a server-only variable (LEONARDO_API_KEY) in server code.',
          at: [7, 48, 'process.env.NEXT_PUBLIC_LEONARDO_KEY'],
          severity: 'warning',
          endpoint: 'GET /me',
          fixes: [],
        },
      ],
    },
    {
      name: 'a Vite app: import.meta.env.VITE_ in an axios instance',
      path: 'src/api.ts',
      code: `import axios from 'axios';
export const leonardo = axios.create({
  baseURL: 'https://cloud.leonardo.ai/api/rest/v1',
  headers: { Authorization: 'Bearer ' + import.meta.env.VITE_LEONARDO_KEY },
});
export const me = () => leonardo.get('/me');
`,
      findings: [
        {
          message: 'The API key is shipped to browsers by Vite: use a server-only variable (LEONARDO_API_KEY) in server code.',
          at: [4, 41, 'import.meta.env.VITE_LEONARDO_KEY'],
          fixes: [],
        },
      ],
    },
    {
      name: 'a Vite app: destructured from import.meta.env',
      path: 'src/me.ts',
      code: `const { VITE_LEONARDO_KEY: key } = import.meta.env;
export const me = () => fetch('https://cloud.leonardo.ai/api/rest/v1/me', { headers: { authorization: \`Bearer \${key}\` } });
`,
      findings: [
        {
          message: 'The API key is shipped to browsers by Vite: use a server-only variable (LEONARDO_API_KEY) in server code.',
          at: [1, 9, 'VITE_LEONARDO_KEY: key'],
          fixes: [],
        },
      ],
    },
    { name: 'Create React App prefix', code: call('process.env.REACT_APP_LEONARDO_KEY'), findings: [
      {
        message: 'The API key is shipped to browsers by Create React App: use a server-only variable (LEONARDO_API_KEY) in server code.',
        at: [1, 89, 'process.env.REACT_APP_LEONARDO_KEY'],
        fixes: [],
      },
    ] },
    { name: 'Expo prefix', code: call('process.env.EXPO_PUBLIC_LEONARDO_KEY'), findings: [
      {
        message: 'The API key is shipped to browsers by Expo: use a server-only variable (LEONARDO_API_KEY) in server code.',
        at: [1, 89, 'process.env.EXPO_PUBLIC_LEONARDO_KEY'],
        fixes: [],
      },
    ] },
    { name: 'SvelteKit and Astro prefix', code: call('process.env.PUBLIC_LEONARDO_KEY'), findings: [
      {
        message: 'The API key is shipped to browsers by SvelteKit and Astro: use a server-only variable (LEONARDO_API_KEY) in server code.',
        at: [1, 89, 'process.env.PUBLIC_LEONARDO_KEY'],
        fixes: [],
      },
    ] },
    { name: 'Next.js prefix, element access', code: call("process.env['NEXT_PUBLIC_LEONARDO_KEY']"), findings: [
      {
        message: 'The API key is shipped to browsers by Next.js: use a server-only variable (LEONARDO_API_KEY) in server code.',
        at: [1, 89, 'process.env[\'NEXT_PUBLIC_LEONARDO_KEY\']'],
        fixes: [],
      },
    ] },
    { name: 'SvelteKit and Astro prefix on import.meta.env', code: call('import.meta.env.PUBLIC_LEONARDO_KEY'), findings: [
      {
        message: 'The API key is shipped to browsers by SvelteKit and Astro: use a server-only variable (LEONARDO_API_KEY) in server code.',
        at: [1, 89, 'import.meta.env.PUBLIC_LEONARDO_KEY'],
        fixes: [],
      },
    ] },
    {
      name: 'SvelteKit public module',
      path: 'src/routes/+page.ts',
      code: call('PUBLIC_LEONARDO_KEY', "import { PUBLIC_LEONARDO_KEY } from '$env/static/public';\n"),
      findings: [
        {
          message: 'The API key is shipped to browsers by SvelteKit: use a server-only variable (LEONARDO_API_KEY) in server code.',
          at: [1, 10, 'PUBLIC_LEONARDO_KEY'],
          fixes: [],
        },
      ],
    },
    { name: 'localStorage', code: call('key', "const key = window.localStorage.getItem('leonardoKey') ?? '';\n"), findings: [
      {
        message: 'The API key is read in the browser: call Leonardo from server code with a server-only secret.',
        at: [1, 13, 'window.localStorage.getItem(\'leonardoKey\')'],
        fixes: [],
      },
    ] },
    { name: 'sessionStorage', code: call('sessionStorage.leonardoKey'), findings: [
      {
        message: 'The API key is read in the browser: call Leonardo from server code with a server-only secret.',
        at: [1, 89, 'sessionStorage.leonardoKey'],
        fixes: [],
      },
    ] },
    { name: 'the SDK client: bearerAuth from a Vite variable', code: sdk("import.meta.env.VITE_LEONARDO_KEY ?? ''"), findings: [
      {
        message: 'The API key is shipped to browsers by Vite: use a server-only variable (LEONARDO_API_KEY) in server code.',
        at: [2, 52, 'import.meta.env.VITE_LEONARDO_KEY'],
        fixes: [],
      },
    ] },
    { name: 'the SDK client: bearerAuth from storage', code: sdk("async () => localStorage.getItem('key') ?? ''"), findings: [
      {
        message: 'The API key is read in the browser: call Leonardo from server code with a server-only secret.',
        at: [2, 64, 'localStorage.getItem(\'key\')'],
        fixes: [],
      },
    ] },
    {
      name: 'the SDK client: options object built first',
      code: `import * as sdk from '@leonardo-ai/sdk';
const options = { bearerAuth: process.env.NEXT_PUBLIC_LEONARDO_KEY };
export const leonardo = new sdk.Leonardo(options);
`,
      findings: [
        {
          message: 'The API key is shipped to browsers by Next.js: use a server-only variable (LEONARDO_API_KEY) in server code.',
          at: [2, 31, 'process.env.NEXT_PUBLIC_LEONARDO_KEY'],
          fixes: [],
        },
      ],
    },
    {
      name: 'an exported client class: the instance the module makes with a public variable sends it',
      code: `export class LeonardoClient {
  private apiKey: string;
  constructor(apiKey: string) {
    this.apiKey = apiKey;
  }
  me() {
    return fetch('https://cloud.leonardo.ai/api/rest/v1/me', { headers: { authorization: \`Bearer \${this.apiKey}\` } });
  }
}
export const leonardo = new LeonardoClient(process.env.REACT_APP_LEONARDO_KEY ?? '');
`,
      findings: [
        {
          message: 'The API key is shipped to browsers by Create React App: use a server-only variable (LEONARDO_API_KEY) in server code.',
          at: [10, 44, 'process.env.REACT_APP_LEONARDO_KEY'],
          endpoint: 'GET /me',
          fixes: [],
        },
      ],
    },
    {
      name: 'an exported client class given an options object: the key of the object the module passes',
      code: `interface ClientOptions { apiKey: string; baseUrl?: string }
export class LeonardoClient {
  private apiKey: string;
  constructor(options: ClientOptions) {
    this.apiKey = options.apiKey;
  }
  me() {
    return fetch('https://cloud.leonardo.ai/api/rest/v1/me', { headers: { authorization: \`Bearer \${this.apiKey}\` } });
  }
}
export const client = new LeonardoClient({ apiKey: process.env.REACT_APP_LEONARDO_KEY as string });
`,
      findings: [
        {
          message: 'The API key is shipped to browsers by Create React App: use a server-only variable (LEONARDO_API_KEY) in server code.',
          at: [11, 52, 'process.env.REACT_APP_LEONARDO_KEY'],
          endpoint: 'GET /me',
          fixes: [],
        },
      ],
    },
  ],
});
