// hardcoded-api-key in a `"use client"` module: `process.env.LEONARDO_API_KEY` is undefined in the
// browser, so the usual fix would break the call. No fix; the message says to call Leonardo from a
// server route. Server code keeps its fix.
import { edit, ruleTester } from '../helpers/rule-tester.js';

const KEY = '3f1c5c8e-9a8e-4b8e-9a51-2b0f6a1d2c3e';
const COMPONENT = (directive: string) => `${directive}import { useState } from 'react';

export default function Generate() {
  const [status, setStatus] = useState('');
  async function go() {
    const res = await fetch('https://cloud.leonardo.ai/api/rest/v1/generations', {
      method: 'POST',
      headers: { authorization: 'Bearer ${KEY}', 'content-type': 'application/json' },
      body: JSON.stringify({ prompt: 'a cat' }),
    });
    setStatus(String(res.status));
  }
  return <button onClick={go}>{status}</button>;
}
`;
const MESSAGE = 'API key 3f1c… in a "use client" file ships to every browser: call Leonardo from a server route, and revoke this key.';

ruleTester.run('hardcoded-api-key', {
  valid: [{ name: 'a client component that reads no key', path: 'page.tsx', code: COMPONENT("'use client';\n").replace(`Bearer ${KEY}`, 'Bearer ') }],
  invalid: [
    {
      name: '"use client": no process.env fix, the message says where the call belongs',
      path: 'app/page.tsx',
      code: COMPONENT("'use client';\n"),
      findings: [{ message: MESSAGE, at: [9, 41, KEY], fixes: [] }],
    },
    {
      name: '"use client" after a comment and "use strict", in JavaScript',
      path: 'app/page.jsx',
      code: `// The generate page\n"use strict";\n"use client";\nconst LEONARDO_API_KEY = '${KEY}';\nexport const headers = { authorization: \`Bearer \${LEONARDO_API_KEY}\` };\n`,
      findings: [{ message: MESSAGE, at: [4, 27, KEY], fixes: [] }],
    },
    {
      name: 'the same component without the directive (server code) keeps the environment fix',
      path: 'app/route.tsx',
      code: COMPONENT(''),
      findings: [{
        message: /written in this file/,
        at: [8, 41, KEY],
        fixes: [{ output: edit(`'Bearer ${KEY}'`, '`Bearer ${process.env.LEONARDO_API_KEY}`'), preferred: false }],
      }],
    },
    {
      name: 'a "use client" string that is not a directive changes nothing',
      path: 'app/route.ts',
      code: `import x from 'y';\nexport const mode = 'use client';\nconst LEONARDO_API_KEY = '${KEY}';\n`,
      findings: [{ message: /written in this file/, at: [3, 27, KEY], fixes: [{ output: edit(`'${KEY}'`, 'process.env.LEONARDO_API_KEY'), preferred: false }] }],
    },
  ],
});
