// auth-header: `authorization: Bearer <key>` on every Leonardo request whose headers are visible.
import { edit, ruleTester } from '../helpers/rule-tester.js';

const KEY = '3f1b2c4d-1a2b-4c3d-9e8f-0a1b2c3d4e5f';

/** A Next.js route handler that calls Leonardo with the given headers object. */
const ROUTE = (headers: string) => `import { NextResponse } from 'next/server';

export async function POST(request: Request) {
  const { prompt } = await request.json();
  const res = await fetch('https://cloud.leonardo.ai/api/rest/v1/generations', {
    method: 'POST',
    headers: ${headers},
    body: JSON.stringify({ prompt, modelId: 'b24e16ff-06e3-43eb-8d33-4416c2d75876', num_images: 1 }),
  });
  return NextResponse.json(await res.json());
}
`;
/** An axios instance with the given headers, calling GET /me. */
const INSTANCE = (headers: string) => `import axios from 'axios';
const leonardo = axios.create({
  baseURL: 'https://cloud.leonardo.ai/api/rest/v1',
  headers: ${headers},
});
export const me = () => leonardo.get('/me');
`;
/** A Postman collection calling GET /me with the given auth helper and headers. */
const COLLECTION = (auth: object | undefined, header: object[]) =>
  JSON.stringify(
    {
      info: { _postman_id: '7c1d', name: 'Leonardo', schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json' },
      ...(auth ? { auth } : {}),
      item: [{ name: 'Me', request: { method: 'GET', header, url: { raw: 'https://cloud.leonardo.ai/api/rest/v1/me' } } }],
    },
    null,
    2,
  );
/** A fetch wrapper that hands its caller's options on (a timeout), with the given wrapper options, and calls of it. */
const TIMEOUT_WRAPPER = (options: string, calls: string) => `const API = 'https://cloud.leonardo.ai/api/rest/v1';
async function fetchWithTimeout(url: string, opts: RequestInit = {}, ms = 30000): Promise<Response> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), ms);
  try {
    return await fetch(url, ${options});
  } finally {
    clearTimeout(timer);
  }
}
${calls}`;
const POSTMAN = 'leonardo.postman_collection.json';
const CURL_SINGLE = `curl --request GET \\
  --url https://cloud.leonardo.ai/api/rest/v1/me \\
  --header 'accept: application/json' \\
  --header 'authorization: Bearer $LEONARDO_API_KEY'
`;

ruleTester.run('auth-header', {
  valid: [
    {
      name: 'a value chosen by a test of the scheme (startsWith, a regex, an if that returns it) sends one whichever way it goes',
      code: `const BASE = 'https://cloud.leonardo.ai/api/rest/v1';
const key = process.env.LEONARDO_API_KEY!;
const header = key.startsWith('Bearer ') ? key : \`Bearer \${key}\`;
function auth(raw: string) {
  if (/^bearer /i.test(raw)) return raw;
  return \`Bearer \${raw}\`;
}
const withScheme = (raw: string) => (raw.toLowerCase().includes('bearer') ? raw : \`Bearer \${raw}\`);
export const a = () => fetch(\`\${BASE}/me\`, { headers: { authorization: key.startsWith('Bearer ') ? key : \`Bearer \${key}\` } });
export const b = () => fetch(\`\${BASE}/me\`, { headers: { authorization: header } });
export const c = () => fetch(\`\${BASE}/me\`, { headers: { authorization: auth(key) } });
export const d = () => fetch(\`\${BASE}/me\`, { headers: { authorization: withScheme(key) } });
`,
    },
    {
      name: 'a Next.js route handler with `Bearer ${process.env.LEONARDO_API_KEY}`',
      code: ROUTE("{ accept: 'application/json', 'content-type': 'application/json', authorization: `Bearer ${process.env.LEONARDO_API_KEY}` }"),
    },
    { name: "'Bearer ' + process.env.LEONARDO_API_KEY", code: ROUTE("{ Authorization: 'Bearer ' + process.env.LEONARDO_API_KEY }") },
    { name: 'the scheme is case-insensitive', code: ROUTE(`{ authorization: 'bearer ${KEY}' }`) },
    ...['XXXXXXXX-XXXX-XXXX-XXXX-XXXXXXXXXXXX', 'YOUR_API_KEY', '<your-api-key>', '{{apiKey}}'].map((placeholder) => ({
      name: `the placeholder ${placeholder}`,
      code: ROUTE(`{ authorization: 'Bearer ${placeholder}' }`),
    })),
    { name: 'unknown: a whole-header variable', code: ROUTE('{ authorization: authHeader }') },
    { name: 'unknown: a parameter named token', code: ROUTE('{ authorization: token }') },
    { name: 'unknown: a template built elsewhere', code: ROUTE('{ authorization: `${scheme} ${key}` }') },
    { name: 'unknown: a call', code: ROUTE('{ authorization: getAuthorization() }') },
    { name: 'an empty string only when no token is set: a guard, not what is meant to be sent', code: ROUTE("{ authorization: token ? `Bearer ${token}` : '' }") },
    { name: 'unknown: a variable holding the whole header', code: ROUTE('{ authorization: process.env.LEONARDO_AUTH_HEADER! }') },
    { name: "unknown: an environment variable whose name does not say it is the key (it may hold 'Bearer …')", code: ROUTE('{ Authorization: process.env.LEONARDO_API }') },
    { name: 'a spread of unknown headers hides whether the key is there', code: ROUTE("{ ...defaultHeaders, 'content-type': 'application/json' }") },
    { name: 'a spread of unknown headers next to x-api-key', code: ROUTE("{ ...defaultHeaders, 'x-api-key': process.env.LEONARDO_API_KEY }") },
    {
      name: 'SDK calls have no headers',
      code: `import { Leonardo } from '@leonardo-ai/sdk';
const leonardo = new Leonardo({ bearerAuth: process.env.LEONARDO_API_KEY });
export const go = () => leonardo.image.createGeneration({ prompt: 'a fox', numImages: 1 });
`,
    },
    { name: 'axios.create with the key in the instance headers', code: INSTANCE('{ Authorization: `Bearer ${process.env.LEONARDO_API_KEY}` }') },
    {
      name: 'axios: an interceptor may add the key',
      code: `${INSTANCE("{ 'Content-Type': 'application/json' }")}
leonardo.interceptors.request.use((config) => {
  config.headers.Authorization = \`Bearer \${process.env.LEONARDO_API_KEY}\`;
  return config;
});
`,
    },
    {
      name: "other providers' x-api-key and missing headers are never judged",
      code: `export async function both(prompt: string) {
  await fetch('https://api.anthropic.com/v1/messages', {
    method: 'POST',
    headers: { 'x-api-key': process.env.ANTHROPIC_API_KEY!, 'anthropic-version': '2023-06-01' },
    body: JSON.stringify({ model: 'claude', messages: [{ role: 'user', content: prompt }] }),
  });
  await fetch('https://api.stability.ai/v2beta/stable-image/generate/core', { method: 'POST', headers: { accept: 'image/*' } });
  // leonardo is called elsewhere
}
`,
    },
    { name: 'curl: double quotes expand the key', path: 'me.sh', code: CURL_SINGLE.replace(/'authorization: Bearer \$LEONARDO_API_KEY'/, '"authorization: Bearer $LEONARDO_API_KEY"') },
    { name: "curl: --oauth2-bearer is curl's own bearer header", path: 'me.sh', code: 'curl --oauth2-bearer "$LEONARDO_API_KEY" https://cloud.leonardo.ai/api/rest/v1/me\n' },
    { name: 'curl: -u sends credentials the rule cannot judge', path: 'me.sh', code: 'curl -u "$LEONARDO_USER:$LEONARDO_PASSWORD" https://cloud.leonardo.ai/api/rest/v1/me\n' },
    { name: 'curl: --user likewise', path: 'me.sh', code: 'curl --user "$LEONARDO_USER:$LEONARDO_PASSWORD" https://cloud.leonardo.ai/api/rest/v1/me\n' },
    { name: 'curl to another provider', path: 'me.sh', code: 'curl -H "x-api-key: $KEY" https://api.example.com/v1/me\n' },
    {
      name: '.http: the docs example',
      path: 'gen.http',
      code: 'POST https://cloud.leonardo.ai/api/rest/v1/generations\naccept: application/json\nauthorization: Bearer XXXXXXXX-XXXX-XXXX-XXXX-XXXXXXXXXXXX\ncontent-type: application/json\n\n{"prompt": "An oil painting of a cat"}\n',
    },
    {
      name: 'Postman: the auth helper counts as the header',
      path: POSTMAN,
      code: COLLECTION({ type: 'bearer', bearer: [{ key: 'token', value: '{{LEONARDO_API_KEY}}', type: 'string' }] }, []),
    },
    {
      name: 'a wrapper that replaces its caller’s headers with its own, or sets the key after them: the caller’s are not what is sent',
      code: TIMEOUT_WRAPPER(
        '{ ...opts, signal: controller.signal, headers: { ...opts.headers, authorization: `Bearer ${process.env.LEONARDO_API_KEY}` } }',
        "export const me = (key: string) => fetchWithTimeout(`${API}/me`, { headers: { authorization: key, 'x-api-key': key } });\n",
      ),
    },
    {
      name: 'a wrapper whose own headers come after the spread and do not take the caller’s',
      code: TIMEOUT_WRAPPER(
        "{ ...opts, headers: { authorization: `Bearer ${process.env.LEONARDO_API_KEY}`, 'content-type': 'application/json' } }",
        'export const me = (key: string) => fetchWithTimeout(`${API}/me`, { headers: { authorization: key } });\n',
      ),
    },
    {
      name: 'a wrapper that merges in headers of its own: a key the caller leaves out may be the wrapper’s',
      code: TIMEOUT_WRAPPER(
        '{ ...opts, headers: { ...defaultHeaders(), ...opts.headers } }',
        "export const me = () => fetchWithTimeout(`${API}/me`, { headers: { accept: 'application/json' } });\n",
      ),
    },
    { name: 'fetch(url, init) is not judged', code: "export const me = (init: RequestInit) => fetch('https://cloud.leonardo.ai/api/rest/v1/me', init);" },
    {
      name: 'options that may hold headers: a spread, a computed key, a quoted headers key',
      code: `const URL = 'https://cloud.leonardo.ai/api/rest/v1/generations';
export const a = (init: RequestInit, body: string) => fetch(URL, { ...init, method: 'POST', body });
export const b = (key: string, value: HeadersInit, body: string) => fetch(URL, { method: 'POST', [key]: value, body });
export const c = (body: string) => fetch(URL, { method: 'POST', 'headers': { authorization: \`Bearer \${process.env.LEONARDO_API_KEY}\` }, body });
`,
    },
    {
      name: 'options without headers where the file sets headers elsewhere (an interceptor)',
      code: `import axios from 'axios';
axios.interceptors.request.use((config) => config);
export const a = (body: string) => fetch('https://cloud.leonardo.ai/api/rest/v1/generations', { method: 'POST', body });
`,
    },
    { name: 'a CDN URL is not the API', code: "export const img = (url: string) => fetch('https://cdn.leonardo.ai/users/1/generations/2/image.jpg');" },
  ],
  invalid: [
    {
      name: 'one option of several without the scheme, chosen by a test of something else: reported, and the value is not wrapped whole (the other option would say Bearer twice)',
      code: `const BASE = 'https://cloud.leonardo.ai/api/rest/v1';
const key = process.env.LEONARDO_API_KEY!;
export const me = (useBearer: boolean) => fetch(\`\${BASE}/me\`, { headers: { authorization: useBearer ? \`Bearer \${key}\` : key } });
const bare = (raw: string) => raw;
export const me2 = () => fetch(\`\${BASE}/me\`, { headers: { authorization: bare(key) } });
`,
      findings: [
        { message: "The authorization value has no 'Bearer ' scheme: the API expects 'authorization: Bearer <your API key>'.", at: [2, 13, 'process.env.LEONARDO_API_KEY'], fixes: [] },
        {
          message: "The authorization value has no 'Bearer ' scheme: the API expects 'authorization: Bearer <your API key>'.",
          at: [5, 74, 'bare(key)'],
          fixes: [{ title: "Add the 'Bearer' prefix", output: edit('bare(key)', '`Bearer ${bare(key)}`'), preferred: true }],
        },
      ],
    },
    {
      name: 'headers passed through a same-file wrapper that hands its options on: judged where the call writes them',
      code: TIMEOUT_WRAPPER(
        '{ ...opts, signal: controller.signal }',
        `export async function credits(apiKey: string) {
  const res = await fetchWithTimeout(\`\${API}/me\`, { headers: { Authorization: apiKey, accept: 'application/json' } });
  return res.json();
}
export const start = (prompt: string) =>
  fetchWithTimeout(\`\${API}/generations\`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-api-key': process.env.LEONARDO_API_KEY! },
    body: JSON.stringify({ prompt }),
  });
`,
      ),
      findings: [
        {
          message: "The authorization value has no 'Bearer ' scheme: the API expects 'authorization: Bearer <your API key>'.",
          at: [12, 79, 'apiKey'],
          fixes: [{ title: "Add the 'Bearer' prefix", output: edit(' apiKey,', ' `Bearer ${apiKey}`,'), preferred: true }],
        },
        {
          message: "Leonardo does not read the 'x-api-key' header: the API key goes in 'authorization: Bearer <your API key>'.",
          at: [18, 52, "'x-api-key'"],
          fixes: [
            {
              title: "Send the key as 'authorization: Bearer …'",
              output: edit("x-api-key': process.env.LEONARDO_API_KEY!", "authorization': `Bearer ${process.env.LEONARDO_API_KEY!}`"),
              preferred: true,
            },
          ],
        },
      ],
    },
    {
      name: 'a wrapper that merges the caller’s headers into a map of its own without a key: the caller’s misspelt or missing key is reported',
      code: TIMEOUT_WRAPPER(
        "{ ...opts, headers: { 'content-type': 'application/json', ...opts.headers } }",
        "export const me = () => fetchWithTimeout(`${API}/me`, { headers: { authorisation: `Bearer ${process.env.LEONARDO_API_KEY}` } });\nexport const models = () => fetchWithTimeout(`${API}/platformModels`, { headers: { accept: 'application/json' } });\n",
      ),
      findings: [
        {
          message: "'authorisation' is a misspelling of the 'authorization' header: the API key goes in 'authorization: Bearer <your API key>'.",
          at: [11, 68, 'authorisation'],
          fixes: [{ title: "Send the key as 'authorization: Bearer …'", output: edit('authorisation', 'authorization'), preferred: true }],
        },
        {
          message: "This request to Leonardo sends no 'authorization' header: send 'authorization: Bearer <your API key>'.",
          at: [12, 82, '{'],
          fixes: [
            {
              title: "Add the 'authorization' header from 'process.env.LEONARDO_API_KEY'",
              output: edit("json' }", "json', authorization: `Bearer ${process.env.LEONARDO_API_KEY}` }"),
              preferred: false,
            },
          ],
        },
      ],
    },
    {
      name: 'no authorization header: reported on the headers object, with a (non-preferred) insertion',
      code: ROUTE("{ 'content-type': 'application/json' }"),
      findings: [
        {
          message: "This request to Leonardo sends no 'authorization' header: send 'authorization: Bearer <your API key>'.",
          at: [7, 14, '{'],
          apiError: 'Authentication hook unauthorized this request',
          endpoint: 'POST /generations',
          fixes: [{ title: "Add the 'authorization' header from 'process.env.LEONARDO_API_KEY'", output: edit('json\' }', 'json\', \'authorization\': `Bearer ${process.env.LEONARDO_API_KEY}` }'), preferred: false }],
        },
      ],
    },
    { name: '`Authorisation` (misspelt) is renamed', code: ROUTE('{ Authorisation: `Bearer ${process.env.LEONARDO_API_KEY}` }'), findings: [
      {
        message: "'Authorisation' is a misspelling of the 'authorization' header: the API key goes in 'authorization: Bearer <your API key>'.",
        at: [7, 16, 'Authorisation'],
        fixes: [{ title: "Send the key as 'Authorization: Bearer …'", output: edit('Authorisation', 'Authorization'), preferred: true }],
      },
    ] },
    { name: '`x-api-key` is renamed and gets the Bearer prefix', code: ROUTE("{ 'x-api-key': process.env.LEONARDO_API_KEY! }"), findings: [
      {
        message: "Leonardo does not read the 'x-api-key' header: the API key goes in 'authorization: Bearer <your API key>'.",
        at: [7, 16, '\'x-api-key\''],
        fixes: [{ title: "Send the key as 'authorization: Bearer …'", output: edit('x-api-key\': process.env.LEONARDO_API_KEY!', 'authorization\': `Bearer ${process.env.LEONARDO_API_KEY!}`'), preferred: true }],
      },
    ] },
    { name: '`api-key` with a literal key is renamed and gets the Bearer prefix', code: ROUTE(`{ 'api-key': '${KEY}' }`), findings: [
      {
        message: "Leonardo does not read the 'api-key' header: the API key goes in 'authorization: Bearer <your API key>'.",
        at: [7, 16, '\'api-key\''],
        fixes: [{ title: "Send the key as 'authorization: Bearer …'", output: edit('api-key\': \'', 'authorization\': \'Bearer '), preferred: true }],
      },
    ] },
    { name: '`Token …`: the scheme is corrected in place', code: ROUTE('{ authorization: `Token ${process.env.LEONARDO_API_KEY}` }'), findings: [
      {
        message: "The authorization value uses the 'Token' scheme: Leonardo takes only 'authorization: Bearer <your API key>'.",
        at: [7, 32, 'Token'],
        apiError: 'Invalid response from authorization hook',
        fixes: [{ title: "Replace 'Token' with 'Bearer'", output: edit('Token', 'Bearer'), preferred: true }],
      },
    ] },
    { name: '`Bearer:`: the scheme is corrected in place', code: ROUTE(`{ authorization: 'Bearer: ${KEY}' }`), findings: [
      {
        message: "Remove the colon after 'Bearer': the API expects 'authorization: Bearer <your API key>'.",
        at: [7, 32, 'Bearer: '],
        fixes: [{ title: "Remove the colon after 'Bearer'", output: edit('Bearer: ', 'Bearer '), preferred: true }],
      },
    ] },
    { name: '`Bearer Bearer`: the scheme is corrected in place', code: ROUTE('{ authorization: `Bearer Bearer ${process.env.LEONARDO_API_KEY}` }'), findings: [
      {
        message: "The authorization value says 'Bearer' twice: the API expects 'authorization: Bearer <your API key>'.",
        at: [7, 32, 'Bearer Bearer '],
        fixes: [{ title: "Remove the second 'Bearer'", output: edit('Bearer Bearer ', 'Bearer '), preferred: true }],
      },
    ] },
    { name: 'no space after Bearer', code: ROUTE('{ authorization: `Bearer${process.env.LEONARDO_API_KEY}` }'), findings: [
      {
        message: "Add a space after 'Bearer': the API expects 'authorization: Bearer <your API key>'.",
        at: [7, 32, 'Bearer'],
        fixes: [{ title: "Add the space after 'Bearer'", output: edit('Bearer', 'Bearer '), preferred: true }],
      },
    ] },
    { name: '`Basic …` with an encoded credential: the rename is offered, not applied automatically', code: ROUTE("{ authorization: 'Basic ' + btoa(user + ':' + pass) }"), findings: [
      {
        message: "The authorization value uses the 'Basic' scheme: Leonardo takes only 'authorization: Bearer <your API key>'.",
        at: [7, 32, 'Basic'],
        fixes: [{ title: "Replace 'Basic' with 'Bearer'", output: edit('Basic', 'Bearer'), preferred: false }],
      },
    ] },
    { name: 'a bare literal key gets the prefix', code: ROUTE(`{ authorization: '${KEY}' }`), findings: [
      {
        message: "The authorization value has no 'Bearer ' scheme: the API expects 'authorization: Bearer <your API key>'.",
        at: [7, 31, '\'3f1b2c4d-1a2b-4c3d-9e8f-0a1b2c3d4e5f\''],
        fixes: [{ title: "Add the 'Bearer' prefix", output: edit('3f1b2c4d', 'Bearer 3f1b2c4d'), preferred: true }],
      },
    ] },
    { name: 'a bare env read is wrapped at the use', code: ROUTE('{ authorization: process.env.LEONARDO_API_KEY as string }'), findings: [
      {
        message: "The authorization value has no 'Bearer ' scheme: the API expects 'authorization: Bearer <your API key>'.",
        at: [7, 31, 'process.env.LEONARDO_API_KEY as string'],
        fixes: [{ title: "Add the 'Bearer' prefix", output: edit('process.env.LEONARDO_API_KEY as string', '`Bearer ${process.env.LEONARDO_API_KEY as string}`'), preferred: true }],
      },
    ] },
    { name: 'a key variable is wrapped at the use; the declaration stays as it is', code: `const apiKey = process.env.LEONARDO_API_KEY;\n${ROUTE('{ authorization: apiKey }')}`, findings: [
      {
        message: "The authorization value has no 'Bearer ' scheme: the API expects 'authorization: Bearer <your API key>'.",
        at: [8, 31, 'apiKey'],
        fixes: [{ title: "Add the 'Bearer' prefix", output: edit(': apiKey }', ': `Bearer ${apiKey}` }'), preferred: true }],
      },
    ] },
    { name: 'an empty header', code: ROUTE("{ authorization: '' }"), findings: [
      {
        message: "The authorization header is empty: send 'authorization: Bearer <your API key>'.",
        at: [7, 31, "''"],
        fixes: [],
      },
    ] },
    { name: 'an env key with an empty fallback: the missing scheme is reported, not the empty guard', code: `const cfg = { apiKey: process.env.LEONARDO_API_KEY ?? '' };\n${ROUTE('{ Authorization: cfg.apiKey }')}`, findings: [
      {
        message: "The authorization value has no 'Bearer ' scheme: the API expects 'authorization: Bearer <your API key>'.",
        at: [8, 31, 'cfg.apiKey'],
        fixes: [{ title: "Add the 'Bearer' prefix", output: edit(': cfg.apiKey }', ': `Bearer ${cfg.apiKey}` }'), preferred: true }],
      },
    ] },
    { name: 'a template of the bare key gets the prefix', code: ROUTE('{ authorization: `${process.env.LEONARDO_API_KEY}` }'), findings: [
      {
        message: "The authorization value has no 'Bearer ' scheme: the API expects 'authorization: Bearer <your API key>'.",
        at: [7, 31, '`${process.env.LEONARDO_API_KEY}`'],
        fixes: [{ title: "Add the 'Bearer' prefix", output: edit(': `${process', ': `Bearer ${process'), preferred: true }],
      },
    ] },
    { name: 'a literal in a const is wrapped where it is used too', code: `const KEY = '${KEY}';\n${ROUTE("{ 'x-api-key': KEY }")}`, findings: [
      {
        message: "Leonardo does not read the 'x-api-key' header: the API key goes in 'authorization: Bearer <your API key>'.",
        at: [8, 16, '\'x-api-key\''],
        fixes: [{ title: "Send the key as 'authorization: Bearer …'", output: edit('x-api-key\': KEY', 'authorization\': `Bearer ${KEY}`'), preferred: true }],
      },
    ] },
    { name: 'a literal key that is not a UUID is flagged without showing it', code: ROUTE("{ authorization: 'Bearer sk-live-9a8b7c6d5e4f' }"), findings: [
      {
        message: "The API key 'sk-l…' is not a UUID: copy the key again from Leonardo's API access page.",
        at: [7, 31, '\'Bearer sk-live-9a8b7c6d5e4f\''],
        fixes: [],
      },
    ] },
    { name: '`Bearer` with no key', code: ROUTE("{ authorization: 'Bearer ' }"), findings: [
      {
        message: "The authorization value is 'Bearer' with no key after it: add the API key.",
        at: [7, 31, '\'Bearer \''],
        fixes: [],
      },
    ] },
    { name: 'a token variable holds the bare key', code: ROUTE("{ authorization: process.env['LEONARDO_TOKEN'] }"), findings: [
      {
        message: "The authorization value has no 'Bearer ' scheme: the API expects 'authorization: Bearer <your API key>'.",
        at: [7, 31, 'process.env[\'LEONARDO_TOKEN\']'],
        fixes: [{ title: "Add the 'Bearer' prefix", output: edit('process.env[\'LEONARDO_TOKEN\']', '`Bearer ${process.env[\'LEONARDO_TOKEN\']}`'), preferred: true }],
      },
    ] },
    { name: 'axios.create without the key: capitalised and quoted like the other headers', code: INSTANCE("{ 'Content-Type': 'application/json' }"), findings: [
      {
        message: "This request to Leonardo sends no 'authorization' header: send 'authorization: Bearer <your API key>'.",
        at: [4, 12, '{'],
        fixes: [{ title: "Add the 'Authorization' header from 'process.env.LEONARDO_API_KEY'", output: edit('json\' }', 'json\', \'Authorization\': `Bearer ${process.env.LEONARDO_API_KEY}` }'), preferred: false }],
      },
    ] },
    { name: 'axios.create with X-Api-Key', code: INSTANCE("{ 'X-Api-Key': process.env.LEONARDO_API_KEY }"), findings: [
      {
        message: "Leonardo does not read the 'X-Api-Key' header: the API key goes in 'authorization: Bearer <your API key>'.",
        at: [4, 14, '\'X-Api-Key\''],
        fixes: [{ title: "Send the key as 'Authorization: Bearer …'", output: edit('X-Api-Key\': process.env.LEONARDO_API_KEY', 'Authorization\': `Bearer ${process.env.LEONARDO_API_KEY}`'), preferred: true }],
      },
    ] },
    { name: 'curl: single quotes keep `$LEONARDO_API_KEY` from expanding', path: 'me.sh', code: CURL_SINGLE, findings: [
      {
        message: "'$LEONARDO_API_KEY' is inside single quotes, so the shell sends it as written: use double quotes around the header.",
        at: [4, 28, 'Bearer $LEONARDO_API_KEY'],
        fixes: [{ title: 'Use double quotes so the shell expands the variable', output: edit('\'authorization: Bearer $LEONARDO_API_KEY\'', '"authorization: Bearer $LEONARDO_API_KEY"'), preferred: true }],
      },
    ] },
    { name: 'curl: a missing Bearer', path: 'me.sh', code: 'curl -H "Authorization: $LEONARDO_API_KEY" https://cloud.leonardo.ai/api/rest/v1/me\n', findings: [
      {
        message: "The authorization value has no 'Bearer ' scheme: the API expects 'authorization: Bearer <your API key>'.",
        at: [1, 25, '$LEONARDO_API_KEY'],
        fixes: [{ title: "Add the 'Bearer' prefix", output: edit(': $LEONARDO_API_KEY', ': Bearer $LEONARDO_API_KEY'), preferred: true }],
      },
    ] },
    { name: 'curl: no header at all', path: 'me.sh', code: 'curl https://cloud.leonardo.ai/api/rest/v1/me\n', findings: [
      {
        message: "This request to Leonardo sends no 'authorization' header: send 'authorization: Bearer <your API key>'.",
        at: [1, 1, 'curl'],
        fixes: [{ title: "Add the 'authorization' header from '$LEONARDO_API_KEY'", output: edit('curl', 'curl -H "authorization: Bearer $LEONARDO_API_KEY"'), preferred: false }],
      },
    ] },
    {
      name: 'curl in a Markdown code block: `Token` is corrected',
      path: 'README.md',
      code: '# Calling the API\n\n```bash\ncurl https://cloud.leonardo.ai/api/rest/v1/me -H "authorization: Token $LEONARDO_API_KEY"\n```\n',
      findings: [
        {
          message: "The authorization value uses the 'Token' scheme: Leonardo takes only 'authorization: Bearer <your API key>'.",
          at: [4, 66, 'Token'],
          fixes: [{ title: "Replace 'Token' with 'Bearer'", output: edit('Token', 'Bearer'), preferred: true }],
        },
      ],
    },
    { name: '.http files: a misspelt header', path: 'me.http', code: 'GET https://cloud.leonardo.ai/api/rest/v1/me\nAuthorizaton: Bearer {{$dotenv LEONARDO_API_KEY}}\n', findings: [
      {
        message: "'Authorizaton' is a misspelling of the 'authorization' header: the API key goes in 'authorization: Bearer <your API key>'.",
        at: [2, 1, 'Authorizaton'],
        fixes: [{ title: "Send the key as 'Authorization: Bearer …'", output: edit('Authorizaton', 'Authorization'), preferred: true }],
      },
    ] },
    {
      name: '.http files: a missing header',
      path: 'gen.http',
      code: 'POST https://cloud.leonardo.ai/api/rest/v1/generations\nContent-Type: application/json\n\n{"prompt": "a fox"}\n',
      findings: [
        {
          message: "This request to Leonardo sends no 'authorization' header: send 'authorization: Bearer <your API key>'.",
          at: [2, 1, 'Content-Type: application/json'],
          fixes: [{ title: "Add the 'Authorization' header from '{{$dotenv LEONARDO_API_KEY}}'", output: edit('json', 'json\nAuthorization: Bearer {{$dotenv LEONARDO_API_KEY}}'), preferred: false }],
        },
      ],
    },
    { name: 'Postman: a foreign header is renamed', path: POSTMAN, code: COLLECTION(undefined, [{ key: 'x-api-key', value: '{{LEONARDO_API_KEY}}' }]), findings: [
      {
        message: "Leonardo does not read the 'x-api-key' header: the API key goes in 'authorization: Bearer <your API key>'.",
        at: [14, 21, 'x-api-key'],
        fixes: [{ title: "Send the key as 'authorization: Bearer …'", output: edit('x-api-key",\n            "value": "', 'authorization",\n            "value": "Bearer '), preferred: true }],
      },
    ] },
    { name: 'Postman: no header and no auth helper', path: POSTMAN, code: COLLECTION(undefined, [{ key: 'Accept', value: 'application/json' }]), findings: [
      {
        message: "This request to Leonardo sends no 'authorization' header: send 'authorization: Bearer <your API key>'.",
        at: [12, 19, '[\n          {\n            "key": "Accept",\n            "value": "application/json"\n          }\n        ]'],
        fixes: [],
      },
    ] },
    {
      name: 'fetch with its options written out and no headers among them (public real42)',
      code: `export async function generate(prompt: string) {
  const res = await fetch('https://cloud.leonardo.ai/api/rest/v1/generations', {
    method: 'POST',
    body: JSON.stringify({ prompt, modelId: 'de7d3faf-762f-48e0-b3b7-9d0ac3a3fcf3' }),
  });
  return res.json();
}
`,
      findings: [
        {
          message: "This fetch to Leonardo sends no 'authorization' header: send 'authorization: Bearer <your API key>'.",
          at: [2, 27, "'https://cloud.leonardo.ai/api/rest/v1/generations'"],
          fixes: [
            {
              title: "Add the 'authorization' header from 'process.env.LEONARDO_API_KEY'",
              output: edit("{\n    method: 'POST',", "{\n    headers: { authorization: `Bearer ${process.env.LEONARDO_API_KEY}` },\n    method: 'POST',"),
              preferred: false,
            },
          ],
        },
      ],
    },
    {
      name: 'fetch with one-line options and no headers',
      code: `export const me = () => fetch('https://cloud.leonardo.ai/api/rest/v1/me', { method: 'GET' });
`,
      findings: [
        {
          message: "This fetch to Leonardo sends no 'authorization' header: send 'authorization: Bearer <your API key>'.",
          at: [1, 31, "'https://cloud.leonardo.ai/api/rest/v1/me'"],
          fixes: [
            {
              title: "Add the 'authorization' header from 'process.env.LEONARDO_API_KEY'",
              output: edit("{ method: 'GET' }", "{ headers: { authorization: `Bearer ${process.env.LEONARDO_API_KEY}` }, method: 'GET' }"),
              preferred: false,
            },
          ],
        },
      ],
    },
    {
      name: 'fetch(url) with no options cannot send the key',
      code: `export async function poll(id: string) {
  const res = await fetch(\`https://cloud.leonardo.ai/api/rest/v1/generations/\${id}\`);
  return res.json();
}
`,
      findings: [
        {
          message: "This fetch to Leonardo sends no 'authorization' header: send 'authorization: Bearer <your API key>'.",
          at: [2, 27, '`https://cloud.leonardo.ai/api/rest/v1/generations/${id}`'],
          fixes: [{ title: "Add the 'authorization' header from 'process.env.LEONARDO_API_KEY'", output: edit('id}`);\n', 'id}`, { headers: { authorization: `Bearer ${process.env.LEONARDO_API_KEY}` } });\n'), preferred: false }],
        },
      ],
    },
  ],
});
