// invalid-enum on status comparisons the flow follows (issue 19): a status reached through
// destructuring, aliases, optional chains and a reassigned `let` compared with a value it never has,
// and a job status compared with the HTTP status of the response object.
import { edit, ruleTester } from '../helpers/rule-tester.js';
import { reassignedResponseSample } from '../engine/flow-fixtures.js';

const PREAMBLE = `const BASE = 'https://cloud.leonardo.ai/api/rest/v1';
const headers = { authorization: \`Bearer \${process.env.LEONARDO_API_KEY}\` };
`;
/** The status enum finding's message for a compared value (its wording is the rule's, checked in invalid-enum-status.test.ts). */
// The response is named when the message has room for it ("of the GET /generations/{id} response").
const never = (value: string): RegExp => new RegExp(`^'generations_by_pk\\.status'(?: of the GET /generations/\\{id\\} response)? is compared with "${value}"`);
const HTTP = (written: string, value: string): string => `'${written}' is the HTTP status code, a number, never "${value}": compare 'generations_by_pk.status' of the body.`;

ruleTester.run('invalid-enum', {
  valid: [
    {
      name: 'a generator that delegates (yield*) or whose own return is a job: what the loop takes is not known',
      code: `${PREAMBLE}
async function* pages(id: string) {
  yield* other(id);
}
function* jobs(id: string) {
  return fetch(\`\${BASE}/generations/\${id}\`, { headers });
}
export async function first(id: string) {
  for await (const gen of pages(id)) if (gen.status === 'SUCCESS') return gen;
  for (const gen of jobs(id)) if (gen.status === 'SUCCESS') return gen;
}`,
    },
    {
      name: 'HTTP statuses compared with numbers, and statuses of responses the file does not know',
      code: `import axios from 'axios';
${PREAMBLE}
export async function check(id: string, url: string) {
  const res = await fetch(\`\${BASE}/generations/\${id}\`, { headers });
  if (res.status === 200 || res.status === '404') return null;
  const other = await fetch(url);
  if (other.status === 'COMPLETE') return null;
  const { status } = await axios.get(\`\${BASE}/generations/\${id}\`, { headers });
  if (status !== 200) throw new Error('HTTP ' + status);
  const { generations_by_pk: { status: jobStatus } } = await res.json();
  return jobStatus === 'COMPLETE';
}`,
    },
  ],
  invalid: [
    {
      name: 'a job yielded by a same-file async generator, compared in the for await loop with "SUCCESS"',
      code: `${PREAMBLE}
async function* watch(id: string) {
  for (let i = 0; i < 20; i++) {
    const res = await fetch(\`\${BASE}/generations/\${id}\`, { headers });
    yield (await res.json()).generations_by_pk;
    await new Promise((r) => setTimeout(r, 3000));
  }
}
export async function first(id: string) {
  for await (const gen of watch(id)) {
    if (gen.status === 'SUCCESS') return gen.generated_images;
    if (gen.status === 'FAILED') throw new Error('failed');
  }
  return [];
}`,
      findings: [{ message: never('SUCCESS'), at: [13, 24, "'SUCCESS'"], fixes: [] }],
    },
    {
      name: 'a destructured status compared with "succeeded"',
      code: `${PREAMBLE}
export async function check(id: string) {
  const res = await fetch(\`\${BASE}/generations/\${id}\`, { headers });
  const data = await res.json();
  const { status } = data.generations_by_pk;
  if (status === 'succeeded') return data.generations_by_pk.generated_images;
  return null;
}`,
      findings: [{ message: never('succeeded'), at: [8, 18, "'succeeded'"], fixes: [] }],
    },
    {
      name: 'an alias read through optional chains compared with "COMPLETED" and "ERROR"',
      code: `${PREAMBLE}
export async function check(id: string) {
  const data = await (await fetch(\`\${BASE}/generations/\${id}\`, { headers })).json();
  const gen = data?.generations_by_pk;
  if (gen?.status === 'COMPLETED') return gen.generated_images;
  if (gen?.status === 'ERROR') throw new Error('generation failed');
  return null;
}`,
      findings: [
        { message: never('COMPLETED'), at: [7, 23, "'COMPLETED'"], fixes: [{ output: edit("'COMPLETED'", "'COMPLETE'"), preferred: false }] },
        { message: never('ERROR'), at: [8, 23, "'ERROR'"], fixes: [] },
      ],
    },
    {
      name: 'a switch on a renamed destructured status',
      code: `${PREAMBLE}
export async function state(id: string) {
  const { generations_by_pk: { status: state } } = await (await fetch(\`\${BASE}/generations/\${id}\`, { headers })).json();
  switch (state) {
    case 'COMPLETE': return 'done';
    case 'done': return 'done';
    default: return 'waiting';
  }
}`,
      findings: [{ message: never('done'), at: [8, 10, "'done'"], fixes: [] }],
    },
    {
      name: 'Leonardo\'s Node sample: a reassigned let response, read after the GET',
      path: 'app.js',
      code: reassignedResponseSample("if (response.data.generations_by_pk.status === 'complete') console.log('done');"),
      findings: [{ message: never('complete'), at: [7, 50, "'complete'"], fixes: [{ output: edit("'complete'", "'COMPLETE'"), preferred: true }] }],
    },
    {
      name: 'a job status compared with the HTTP status of a fetch Response or an axios response',
      code: `import axios from 'axios';
${PREAMBLE}
export async function check(id: string) {
  const res = await fetch(\`\${BASE}/generations/\${id}\`, { headers });
  if (res.status === 'COMPLETE') return true;
  const response = await axios.get(\`\${BASE}/generations/\${id}\`, { headers });
  const { status } = response;
  return status === 'complete';
}`,
      findings: [
        { message: HTTP('res.status', 'COMPLETE'), at: [7, 22, "'COMPLETE'"], endpoint: 'GET /generations/{id}', fixes: [] },
        { message: HTTP('status', 'complete'), at: [10, 21, "'complete'"], fixes: [] },
      ],
    },
  ],
});
