// hardcoded-api-key: a real Leonardo key written in a file, shown only redacted, replaced by the environment.
// Its fixes are never preferred: the request fails until the variable is set, so none is applied unasked.
// Every message is stated whole, so a key printed in full would fail its case.
import { edit, ruleTester } from '../helpers/rule-tester.js';

const KEY = '3f1b2c4d-1a2b-4c3d-9e8f-0a1b2c3d4e5f';
const PLACEHOLDER = 'XXXXXXXX-XXXX-XXXX-XXXX-XXXXXXXXXXXX';

const GENERATE = (headers: string, prelude = '') => `${prelude}export async function generate(prompt: string) {
  const res = await fetch('https://cloud.leonardo.ai/api/rest/v1/generations', {
    method: 'POST',
    headers: ${headers},
    body: JSON.stringify({ prompt, width: 1024, height: 768 }),
  });
  return res.json();
}
`;

ruleTester.run('hardcoded-api-key', {
  valid: [
    { name: 'the docs placeholder', code: GENERATE(`{ authorization: 'Bearer ${PLACEHOLDER}' }`) },
    { name: 'an all-zero UUID', code: GENERATE("{ authorization: 'Bearer 00000000-0000-0000-0000-000000000000' }") },
    {
      name: 'model ids and other UUIDs, generic names not sent as the key',
      code: `const MODEL_ID = '${KEY}';
const apiKey = '${KEY.replace('3f', '6c')}'; // sent to another service below
${GENERATE('{ authorization: `Bearer ${process.env.LEONARDO_API_KEY}` }')}
await fetch('https://api.example.com/v1/things', { headers: { 'x-api-key': apiKey } });
`,
    },
    { name: 'curl with the docs placeholder', path: 'me.sh', code: `curl -H 'authorization: Bearer ${PLACEHOLDER}' https://cloud.leonardo.ai/api/rest/v1/me\n` },
    {
      name: 'a shell variable with another meaning',
      path: 'me.sh',
      code: `REQUEST_ID='${KEY}'\ncurl -H "authorization: Bearer $LEONARDO_API_KEY" -H "x-request-id: $REQUEST_ID" https://cloud.leonardo.ai/api/rest/v1/me\n`,
    },
    {
      name: 'a UUID in a config object that the key header does not read (a model id beside the key)',
      code: GENERATE('{ authorization: `Bearer ${config.apiKey}` }', `const config = { modelId: '${KEY}', apiKey: process.env.LEONARDO_API_KEY };\n`),
    },
  ],
  invalid: [
    {
      name: 'a key in a nested config object the header reads: the literal is replaced where it is written',
      code: GENERATE('{ authorization: `Bearer ${config.leonardo.apiKey}` }', `const config = { leonardo: { apiKey: '${KEY}' } };\n`),
      findings: [
        {
          message: 'A Leonardo API key (3f1b…) is written in this file: read it from LEONARDO_API_KEY and revoke this one.',
          at: [1, 39, '3f1b2c4d-1a2b-4c3d-9e8f-0a1b2c3d4e5f'],
          endpoint: 'POST /generations',
          fixes: [{ title: "Read the key from 'process.env.LEONARDO_API_KEY'", output: edit("'3f1b2c4d-1a2b-4c3d-9e8f-0a1b2c3d4e5f'", 'process.env.LEONARDO_API_KEY'), preferred: false }],
        },
      ],
    },
    {
      name: "a key in a const joined to 'Bearer ' with +",
      code: GENERATE("{ authorization: 'Bearer ' + KEY }", `const KEY = '${KEY}';\n`),
      findings: [
        {
          message: 'A Leonardo API key (3f1b…) is written in this file: read it from LEONARDO_API_KEY and revoke this one.',
          at: [1, 14, '3f1b2c4d-1a2b-4c3d-9e8f-0a1b2c3d4e5f'],
          endpoint: 'POST /generations',
          fixes: [{ title: "Read the key from 'process.env.LEONARDO_API_KEY'", output: edit("'3f1b2c4d-1a2b-4c3d-9e8f-0a1b2c3d4e5f'", 'process.env.LEONARDO_API_KEY'), preferred: false }],
        },
      ],
    },
    {
      name: 'a key passed to the constructor of an exported client class that sends this.apiKey, beside a Bearer literal in a const',
      code: `export class LeonardoClient {
  constructor(private apiKey: string) {}
  me() {
    return fetch('https://cloud.leonardo.ai/api/rest/v1/me', { headers: { authorization: \`Bearer \${this.apiKey}\` } });
  }
}
export const leonardo = new LeonardoClient('${KEY}');
const AUTH = 'Bearer ${KEY.replace('3f', '6c')}';
export const me = () => fetch('https://cloud.leonardo.ai/api/rest/v1/me', { headers: { authorization: AUTH } });
`,
      findings: [
        {
          message: 'A Leonardo API key (3f1b…) is written in this file: read it from LEONARDO_API_KEY and revoke this one.',
          at: [7, 45, '3f1b2c4d-1a2b-4c3d-9e8f-0a1b2c3d4e5f'],
          endpoint: 'GET /me',
          fixes: [{ title: "Read the key from 'process.env.LEONARDO_API_KEY'", output: edit("'3f1b2c4d-1a2b-4c3d-9e8f-0a1b2c3d4e5f'", 'process.env.LEONARDO_API_KEY'), preferred: false }],
        },
        {
          message: 'A Leonardo API key (6c1b…) is written in this file: read it from LEONARDO_API_KEY and revoke this one.',
          at: [8, 22, '6c1b2c4d-1a2b-4c3d-9e8f-0a1b2c3d4e5f'],
          endpoint: 'GET /me',
          fixes: [{ title: "Read the key from 'process.env.LEONARDO_API_KEY'", output: edit("'Bearer 6c1b2c4d-1a2b-4c3d-9e8f-0a1b2c3d4e5f'", '`Bearer ${process.env.LEONARDO_API_KEY}`'), preferred: false }],
        },
      ],
    },
    {
      name: 'a key in the authorization header: flagged on the key, redacted, replaced by process.env',
      code: GENERATE(`{ authorization: 'Bearer ${KEY}', 'content-type': 'application/json' }`),
      findings: [
        {
          message: 'A Leonardo API key (3f1b…) is written in this file: read it from LEONARDO_API_KEY and revoke this one.',
          at: [4, 39, '3f1b2c4d-1a2b-4c3d-9e8f-0a1b2c3d4e5f'],
          severity: 'warning',
          endpoint: 'POST /generations',
          fixes: [{ title: "Read the key from 'process.env.LEONARDO_API_KEY'", output: edit('\'Bearer 3f1b2c4d-1a2b-4c3d-9e8f-0a1b2c3d4e5f\'', '`Bearer ${process.env.LEONARDO_API_KEY}`'), preferred: false }],
        },
      ],
    },
    { name: 'a key in a const: the literal is replaced where it is declared', code: GENERATE('{ authorization: KEY }', `const KEY = "${KEY}";\n`), findings: [
      {
        message: 'A Leonardo API key (3f1b…) is written in this file: read it from LEONARDO_API_KEY and revoke this one.',
        at: [1, 14, '3f1b2c4d-1a2b-4c3d-9e8f-0a1b2c3d4e5f'],
        fixes: [{ title: "Read the key from 'process.env.LEONARDO_API_KEY'", output: edit('"3f1b2c4d-1a2b-4c3d-9e8f-0a1b2c3d4e5f"', 'process.env.LEONARDO_API_KEY'), preferred: false }],
      },
    ] },
    { name: 'a key in a const with a type annotation read by a template', code: GENERATE('{ Authorization: `Bearer ${API_KEY}` }', `const API_KEY: string = '${KEY}';\n`), findings: [
      {
        message: 'A Leonardo API key (3f1b…) is written in this file: read it from LEONARDO_API_KEY and revoke this one.',
        at: [1, 26, '3f1b2c4d-1a2b-4c3d-9e8f-0a1b2c3d4e5f'],
        fixes: [{ title: "Read the key from 'process.env.LEONARDO_API_KEY'", output: edit('\'3f1b2c4d-1a2b-4c3d-9e8f-0a1b2c3d4e5f\'', 'process.env.LEONARDO_API_KEY'), preferred: false }],
      },
    ] },
    { name: 'a key in a const read by a template', code: GENERATE('{ Authorization: `Bearer ${API_KEY}` }', `const API_KEY = '${KEY}';\n`), findings: [
      {
        message: 'A Leonardo API key (3f1b…) is written in this file: read it from LEONARDO_API_KEY and revoke this one.',
        at: [1, 18, '3f1b2c4d-1a2b-4c3d-9e8f-0a1b2c3d4e5f'],
        fixes: [{ title: "Read the key from 'process.env.LEONARDO_API_KEY'", output: edit('\'3f1b2c4d-1a2b-4c3d-9e8f-0a1b2c3d4e5f\'', 'process.env.LEONARDO_API_KEY'), preferred: false }],
      },
    ] },
    {
      // The walk of the header's value has no value for a \`let\` written in a later statement; the
      // search by name (a key assigned to a name the header reads) finds it, in TS/JS too.
      name: 'a key assigned in a statement to a let the header template reads',
      code: GENERATE('{ Authorization: `Bearer ${apiToken}` }', `let apiToken: string;\nif (process.env.NODE_ENV !== 'test') apiToken = '${KEY}';\n`),
      findings: [
        {
          message: 'A Leonardo API key (3f1b…) is written in this file: read it from LEONARDO_API_KEY and revoke this one.',
          at: [2, 50, '3f1b2c4d-1a2b-4c3d-9e8f-0a1b2c3d4e5f'],
          fixes: [{ title: "Read the key from 'process.env.LEONARDO_API_KEY'", output: edit('\'3f1b2c4d-1a2b-4c3d-9e8f-0a1b2c3d4e5f\'', 'process.env.LEONARDO_API_KEY'), preferred: false }],
        },
      ],
    },
    {
      name: 'variables and properties named like a Leonardo key, and the SDK bearerAuth',
      code: `import { Leonardo } from '@leonardo-ai/sdk';
export const LEONARDO_API_KEY = process.env.LEONARDO_API_KEY ?? '${KEY}';
const config = { leonardoApiKey: "${KEY.replace('3f', '4e')}" };
export const leonardo = new Leonardo({ bearerAuth: \`${KEY.replace('3f', '5d')}\` });
`,
      findings: [
        {
          message: 'A Leonardo API key (3f1b…) is written in this file: read it from LEONARDO_API_KEY and revoke this one.',
          at: [2, 66, '3f1b2c4d-1a2b-4c3d-9e8f-0a1b2c3d4e5f'],
          fixes: [{ title: "Read the key from 'process.env.LEONARDO_API_KEY'", output: edit('\'3f1b2c4d-1a2b-4c3d-9e8f-0a1b2c3d4e5f\'', 'process.env.LEONARDO_API_KEY'), preferred: false }],
        },
        {
          message: 'A Leonardo API key (4e1b…) is written in this file: read it from LEONARDO_API_KEY and revoke this one.',
          at: [3, 35, '4e1b2c4d-1a2b-4c3d-9e8f-0a1b2c3d4e5f'],
          fixes: [{ title: "Read the key from 'process.env.LEONARDO_API_KEY'", output: edit('"4e1b2c4d-1a2b-4c3d-9e8f-0a1b2c3d4e5f"', 'process.env.LEONARDO_API_KEY'), preferred: false }],
        },
        {
          message: 'A Leonardo API key (5d1b…) is written in this file: read it from LEONARDO_API_KEY and revoke this one.',
          at: [4, 53, '5d1b2c4d-1a2b-4c3d-9e8f-0a1b2c3d4e5f'],
          fixes: [{ title: "Read the key from 'process.env.LEONARDO_API_KEY'", output: edit('`5d1b2c4d-1a2b-4c3d-9e8f-0a1b2c3d4e5f`', 'process.env.LEONARDO_API_KEY'), preferred: false }],
        },
      ],
    },
    {
      name: 'curl: single-quoted header switched to double quotes',
      path: 'generate.sh',
      code: `curl --request POST \\
  --url https://cloud.leonardo.ai/api/rest/v1/generations \\
  --header 'authorization: Bearer ${KEY}' \\
  --header 'content-type: application/json' \\
  --data '{"prompt": "An oil painting of a cat"}'
`,
      findings: [
        {
          message: 'A Leonardo API key (3f1b…) is written in this file: read it from LEONARDO_API_KEY and revoke this one.',
          at: [3, 35, '3f1b2c4d-1a2b-4c3d-9e8f-0a1b2c3d4e5f'],
          fixes: [{ title: "Read the key from '$LEONARDO_API_KEY'", output: edit('\'authorization: Bearer 3f1b2c4d-1a2b-4c3d-9e8f-0a1b2c3d4e5f\'', '"authorization: Bearer $LEONARDO_API_KEY"'), preferred: false }],
        },
      ],
    },
    { name: 'curl: double-quoted header keeps its quotes', path: 'me.sh', code: `curl -H "Authorization: Bearer ${KEY}" https://cloud.leonardo.ai/api/rest/v1/me\n`, findings: [
      {
        message: 'A Leonardo API key (3f1b…) is written in this file: read it from LEONARDO_API_KEY and revoke this one.',
        at: [1, 32, '3f1b2c4d-1a2b-4c3d-9e8f-0a1b2c3d4e5f'],
        fixes: [{ title: "Read the key from '$LEONARDO_API_KEY'", output: edit('3f1b2c4d-1a2b-4c3d-9e8f-0a1b2c3d4e5f', '$LEONARDO_API_KEY'), preferred: false }],
      },
    ] },
    {
      name: 'curl: only the key header changes quotes',
      path: 'me.sh',
      code: `curl -H 'Authorization: Bearer ${KEY}' -H 'x-note: "quoted"' https://cloud.leonardo.ai/api/rest/v1/me\n`,
      findings: [
        {
          message: 'A Leonardo API key (3f1b…) is written in this file: read it from LEONARDO_API_KEY and revoke this one.',
          at: [1, 32, '3f1b2c4d-1a2b-4c3d-9e8f-0a1b2c3d4e5f'],
          fixes: [{ title: "Read the key from '$LEONARDO_API_KEY'", output: edit('\'Authorization: Bearer 3f1b2c4d-1a2b-4c3d-9e8f-0a1b2c3d4e5f\'', '"Authorization: Bearer $LEONARDO_API_KEY"'), preferred: false }],
        },
      ],
    },
    {
      name: 'curl: no fix when a backslash would mean something else in double quotes',
      path: 'me.sh',
      code: `curl -H 'Authorization: Bearer ${KEY} \\' https://cloud.leonardo.ai/api/rest/v1/me\n`,
      findings: [
        {
          message: 'A Leonardo API key (3f1b…) is written in this file: read it from LEONARDO_API_KEY and revoke this one.',
          at: [1, 32, '3f1b2c4d-1a2b-4c3d-9e8f-0a1b2c3d4e5f'],
          fixes: [],
        },
      ],
    },
    {
      name: 'shell: a Leonardo-named export',
      path: 'me.sh',
      code: `#!/usr/bin/env bash
export LEONARDO_API_KEY=${KEY}
curl -H "authorization: Bearer $LEONARDO_API_KEY" https://cloud.leonardo.ai/api/rest/v1/me
`,
      findings: [
        {
          message: 'A Leonardo API key (3f1b…) is written in this file: read it from LEONARDO_API_KEY and revoke this one.',
          at: [2, 25, '3f1b2c4d-1a2b-4c3d-9e8f-0a1b2c3d4e5f'],
          fixes: [{ title: "Read the key from '$LEONARDO_API_KEY'", output: edit('3f1b2c4d-1a2b-4c3d-9e8f-0a1b2c3d4e5f', '"$LEONARDO_API_KEY"'), preferred: false }],
        },
      ],
    },
    {
      name: 'shell: a generic name the header reads',
      path: 'me.sh',
      code: `TOKEN='${KEY}'\ncurl -H "authorization: Bearer \${TOKEN}" https://cloud.leonardo.ai/api/rest/v1/me\n`,
      findings: [
        {
          message: 'A Leonardo API key (3f1b…) is written in this file: read it from LEONARDO_API_KEY and revoke this one.',
          at: [1, 8, '3f1b2c4d-1a2b-4c3d-9e8f-0a1b2c3d4e5f'],
          fixes: [{ title: "Read the key from '$LEONARDO_API_KEY'", output: edit('\'3f1b2c4d-1a2b-4c3d-9e8f-0a1b2c3d4e5f\'', '"$LEONARDO_API_KEY"'), preferred: false }],
        },
      ],
    },
    {
      name: '.http files: a header, replaced by {{$dotenv …}} or {{$processEnv …}}',
      path: 'gen.http',
      code: `POST https://cloud.leonardo.ai/api/rest/v1/generations
Authorization: Bearer ${KEY}
Content-Type: application/json

{"prompt": "An oil painting of a cat"}
`,
      findings: [
        {
          message: 'A Leonardo API key (3f1b…) is written in this file: read it from LEONARDO_API_KEY and revoke this one.',
          at: [2, 23, '3f1b2c4d-1a2b-4c3d-9e8f-0a1b2c3d4e5f'],
          fixes: [
            { title: "Read the key from .env ('{{$dotenv LEONARDO_API_KEY}}')", output: edit('3f1b2c4d-1a2b-4c3d-9e8f-0a1b2c3d4e5f', '{{$dotenv LEONARDO_API_KEY}}'), preferred: false },
            { title: "Read the key from the environment ('{{$processEnv LEONARDO_API_KEY}}')", output: edit('3f1b2c4d-1a2b-4c3d-9e8f-0a1b2c3d4e5f', '{{$processEnv LEONARDO_API_KEY}}'), preferred: false },
          ],
        },
      ],
    },
    {
      name: '.http files: a file variable',
      path: 'me.http',
      code: `@apiKey = ${KEY}\n\nGET https://cloud.leonardo.ai/api/rest/v1/me\nAuthorization: Bearer {{apiKey}}\n`,
      findings: [
        {
          message: 'A Leonardo API key (3f1b…) is written in this file: read it from LEONARDO_API_KEY and revoke this one.',
          at: [1, 11, '3f1b2c4d-1a2b-4c3d-9e8f-0a1b2c3d4e5f'],
          fixes: [
            { title: "Read the key from .env ('{{$dotenv LEONARDO_API_KEY}}')", output: edit('3f1b2c4d-1a2b-4c3d-9e8f-0a1b2c3d4e5f', '{{$dotenv LEONARDO_API_KEY}}'), preferred: false },
            { title: "Read the key from the environment ('{{$processEnv LEONARDO_API_KEY}}')", output: edit('3f1b2c4d-1a2b-4c3d-9e8f-0a1b2c3d4e5f', '{{$processEnv LEONARDO_API_KEY}}'), preferred: false },
          ],
        },
      ],
    },
    {
      name: 'JSON: a key-named property',
      path: 'settings.json',
      code: `{\n  "leonardoApiKey": "${KEY}",\n  "modelId": "${KEY.replace('3f', '7a')}"\n}\n`,
      findings: [
        {
          message: 'A Leonardo API key (3f1b…) is written in this file: read it from LEONARDO_API_KEY and revoke this one.',
          at: [2, 22, '3f1b2c4d-1a2b-4c3d-9e8f-0a1b2c3d4e5f'],
          fixes: [],
        },
      ],
    },
    {
      name: 'Markdown: a curl example',
      path: 'README.md',
      code: `## Try it\n\n\`\`\`bash\ncurl -H 'authorization: Bearer ${KEY}' https://cloud.leonardo.ai/api/rest/v1/me\n\`\`\`\n`,
      findings: [
        {
          message: 'A Leonardo API key (3f1b…) is written in this file: read it from LEONARDO_API_KEY and revoke this one.',
          at: [4, 32, '3f1b2c4d-1a2b-4c3d-9e8f-0a1b2c3d4e5f'],
          fixes: [{ title: "Read the key from '$LEONARDO_API_KEY'", output: edit('\'authorization: Bearer 3f1b2c4d-1a2b-4c3d-9e8f-0a1b2c3d4e5f\'', '"authorization: Bearer $LEONARDO_API_KEY"'), preferred: false }],
        },
      ],
    },
    {
      name: 'Postman: the bearer token of a collection that calls Leonardo, and a key-named variable',
      path: 'leonardo.postman_collection.json',
      code: JSON.stringify(
        {
          info: { _postman_id: '1b2c', name: 'Leonardo', schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json' },
          auth: { type: 'bearer', bearer: [{ key: 'token', value: KEY, type: 'string' }] },
          item: [{ name: 'Me', request: { method: 'GET', header: [], url: { raw: 'https://cloud.leonardo.ai/api/rest/v1/me' } } }],
          variable: [{ key: 'leonardoKey', value: KEY.replace('3f', '8b') }],
        },
        null,
        2,
      ),
      findings: [
        {
          message: 'A Leonardo API key (3f1b…) is written in this file: read it from LEONARDO_API_KEY and revoke this one.',
          at: [12, 19, '3f1b2c4d-1a2b-4c3d-9e8f-0a1b2c3d4e5f'],
          fixes: [{ title: "Use the '{{LEONARDO_API_KEY}}' variable", output: edit('3f1b2c4d-1a2b-4c3d-9e8f-0a1b2c3d4e5f', '{{LEONARDO_API_KEY}}'), preferred: false }],
        },
        {
          message: 'A Leonardo API key (8b1b…) is written in this file: read it from LEONARDO_API_KEY and revoke this one.',
          at: [32, 17, '8b1b2c4d-1a2b-4c3d-9e8f-0a1b2c3d4e5f'],
          fixes: [{ title: "Use the '{{LEONARDO_API_KEY}}' variable", output: edit('8b1b2c4d-1a2b-4c3d-9e8f-0a1b2c3d4e5f', '{{LEONARDO_API_KEY}}'), preferred: false }],
        },
      ],
    },
  ],
});
