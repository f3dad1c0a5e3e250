// invalid-enum on status comparisons where the flow's one origin is not enough: a fallback to a path
// the answer does not have (always undefined), a literal fallback, a status changed to one case
// (`toLowerCase()`, `String(x).toUpperCase()`) and `[...].includes(status)`. What the compared value may
// hold is the enum's values (so changed) and values that are no string or are known strings; a string
// outside them never matches. Unknown anywhere (a parameter, a response the catalogue does not know, a
// member the code writes itself) stays silent.
import { edit, ruleTester } from '../helpers/rule-tester.js';

const PREAMBLE = `const BASE = 'https://cloud.leonardo.ai/api/rest/v1';
const headers = { authorization: \`Bearer \${process.env.LEONARDO_API_KEY}\` };
`;
/** The status finding's message (the response is named when the message has room for it). */
const never = (value: string, rest: string, cased = ''): RegExp =>
  new RegExp(`^'generations_by_pk\\.status'(?: of the GET /generations/\\{id\\} response)?${cased ? `, ${cased}-cased,` : ''} is compared with "${value}", a value it never has${rest.replace(/[?.]/g, '\\$&')}$`);
const NEVER_MATCHES = ', so the comparison never matches.';

ruleTester.run('invalid-enum', {
  valid: [
    {
      name: 'a let also given a value that cannot be known is not known after the loop',
      code: `${PREAMBLE}
export async function waitFor(id: string, initial: string) {
  let status = initial;
  for (let i = 0; i < 60; i++) {
    status = (await (await fetch(\`\${BASE}/generations/\${id}\`, { headers })).json()).generations_by_pk?.status;
    if (status === 'COMPLETE') break;
  }
  if (status !== 'completed') throw new Error(\`not done: \${status}\`);
}`,
    },
    {
      name: 'fallbacks to absent paths, case changes and lists compared with values the status has',
      code: `${PREAMBLE}
export async function state(id: string) {
  const body = await (await fetch(\`\${BASE}/generations/\${id}\`, { headers })).json();
  const state = body?.job?.status || body?.generations_by_pk?.status;
  if (state === 'COMPLETE' || state === undefined) return 'done';
  const generation = body?.generations_by_pk ?? body;
  if (generation?.status === 'FAILED') return 'failed';
  const label = body.generations_by_pk?.status ?? 'UNKNOWN';
  if (label === 'UNKNOWN') return 'unknown';
  const lower = body.generations_by_pk.status.toLowerCase();
  if (lower === 'complete' || lower === 'failed') return lower;
  if (String(body.generations_by_pk.status).toUpperCase() === 'PENDING') return 'pending';
  if (String(body.generations_by_pk?.status) === 'undefined') return 'missing';
  switch (body.generations_by_pk.status.trim()) {
    case 'PENDING': return 'pending';
  }
  if (['COMPLETE', 'FAILED'].includes(body.generations_by_pk.status)) return 'finished';
  const FINISHED = ['complete', 'failed'];
  return FINISHED.includes(lower) ? 'finished' : 'running';
}`,
    },
    {
      name: 'the other side unknown: a parameter, a response the catalogue does not know, the error body, a member the code writes',
      code: `${PREAMBLE}
export async function state(id: string, job: { status?: string }, url: string) {
  const body = await (await fetch(\`\${BASE}/generations/\${id}\`, { headers })).json();
  const mine = job.status || body.generations_by_pk?.status;
  if (mine === 'completed') return 'done';
  const other = await (await fetch(url)).json();
  if ((other.status ?? body.generations_by_pk?.status) === 'succeeded') return 'done';
  if ((body.message || body.generations_by_pk?.status) === 'Not found') return 'missing';
  body.state = 'queued';
  const state = body.state || body.generations_by_pk?.status;
  if (state === 'queued' || state === 'done') return state;
  const anyCase = body.generations_by_pk.status.toLocaleLowerCase();
  return anyCase === 'completed' ? 'done' : 'running';
}`,
    },
    {
      name: 'a member of an object the code writes, or of an enum numbered by its place, holds nothing known',
      code: `${PREAMBLE}
const LABELS: Record<string, string> = { done: 'COMPLETED' };
LABELS.done = process.env.DONE_LABEL ?? 'COMPLETE';
enum Step { Queued, Done }
export async function state(id: string) {
  const gen = (await (await fetch(\`\${BASE}/generations/\${id}\`, { headers })).json()).generations_by_pk;
  if (gen.status === LABELS.done) return 'done';
  return gen.status === Step.Done ? 'done' : 'running';
}`,
    },
    {
      name: 'includes that is no comparison with the status: a string, the status itself, a list read elsewhere or exported',
      code: `${PREAMBLE}
export const TERMINAL = ['COMPLETED', 'FAILED'];
export async function state(id: string) {
  const { generations_by_pk: generation } = await (await fetch(\`\${BASE}/generations/\${id}\`, { headers })).json();
  if ('COMPLETED|FAILED'.includes(generation.status)) return 'finished';
  if (generation.status.includes('COMPLET')) return 'done';
  if (TERMINAL.includes(generation.status)) return 'finished';
  const SEEN = ['DONE', 'PENDING'];
  console.log(SEEN.join(', '));
  if (SEEN.includes(generation.status)) return 'seen';
  if (['DONE', 'ERROR'].includes(generation.status, 1)) return 'odd';
  return 'running';
}`,
    },
  ],
  invalid: [
    {
      name: 'a let read after the loop that writes it (let status = "PENDING"; while (...) status = job.status): any of the values it is given',
      code: `${PREAMBLE}
export async function waitFor(id: string) {
  let status = 'PENDING';
  for (let i = 0; i < 60 && status === 'PENDING'; i++) {
    await new Promise((r) => setTimeout(r, 2000));
    status = (await (await fetch(\`\${BASE}/generations/\${id}\`, { headers })).json()).generations_by_pk?.status;
    if (status === 'FAILED') throw new Error('failed');
  }
  if (status !== 'completed') throw new Error(\`not done: \${status}\`);
}`,
      findings: [{ message: never('completed', ': did you mean "COMPLETE"?'), at: [11, 18, "'completed'"], fixes: [{ output: edit('completed', 'COMPLETE'), preferred: false }] }],
    },
    {
      name: 'compared with a member of a constant (frozen) object or of an enum: judged, and fixed, where the string is written',
      code: `${PREAMBLE}
export const JOB_STATUS = Object.freeze({ DONE: 'COMPLETED', FAILED: 'FAILED' });
enum Phase { Ready = 'READY', Waiting = 'PENDING' }
export async function isReady(id: string) {
  const gen = (await (await fetch(\`\${BASE}/generations/\${id}\`, { headers })).json()).generations_by_pk;
  if (gen.status === JOB_STATUS.FAILED) throw new Error('failed');
  if (gen.status === Phase.Waiting) return false;
  return gen.status === JOB_STATUS.DONE || gen.status === Phase.Ready;
}`,
      findings: [
        { message: never('COMPLETED', ': did you mean "COMPLETE"?'), at: [4, 49, "'COMPLETED'"], fixes: [{ output: edit("'COMPLETED'", "'COMPLETE'"), preferred: false }] },
        { message: never('READY', NEVER_MATCHES), at: [5, 22, "'READY'"], fixes: [] },
      ],
    },
    {
      name: 'a fallback whose first path the answer does not have: the status or undefined',
      code: `${PREAMBLE}
export async function state(id: string) {
  const res = await fetch(\`\${BASE}/generations/\${id}\`, { headers });
  const body = await res.json();
  const state = body?.job?.status || body?.generations_by_pk?.status || body?.generations?.[0]?.status;
  if (state === 'complete') return body.generations_by_pk.generated_images;
  if (state === 'FAILED') throw new Error('generation failed');
  return null;
}`,
      findings: [{ message: never('complete', ': did you mean "COMPLETE"?'), at: [8, 17, "'complete'"], fixes: [{ output: edit("'complete'", "'COMPLETE'"), preferred: true }] }],
    },
    {
      name: 'the job or the whole body (which has no status), an empty object, and a literal fallback',
      code: `${PREAMBLE}
export async function poll(id: string) {
  const payload = await (await fetch(\`\${BASE}/generations/\${id}\`, { headers })).json();
  const generation = payload?.generations_by_pk ?? payload;
  if (generation?.status === 'SUCCEEDED') return generation.generated_images;
  if ((payload.generation || payload.generations_by_pk || {}).status === 'COMPLETED') return [];
  const label = payload.generations_by_pk?.status ?? 'UNKNOWN';
  return label === 'DONE' ? [] : null;
}`,
      findings: [
        { message: never('SUCCEEDED', NEVER_MATCHES), at: [7, 30, "'SUCCEEDED'"], fixes: [] },
        { message: never('COMPLETED', ': did you mean "COMPLETE"?'), at: [8, 74, "'COMPLETED'"], fixes: [{ output: edit("'COMPLETED'", "'COMPLETE'"), preferred: false }] },
        { message: never('DONE', NEVER_MATCHES), at: [10, 20, "'DONE'"], fixes: [] },
      ],
    },
    {
      name: 'a status changed to one case: judged, and fixed, in that case',
      code: `${PREAMBLE}
export async function poll(id: string) {
  const data = await (await fetch(\`\${BASE}/generations/\${id}\`, { headers })).json();
  const status = String(data.generations_by_pk.status).toUpperCase();
  if (status === 'SUCCEEDED') return true;
  if (status === 'failed') return false;
  if (data.generations_by_pk.status.toLowerCase() === 'completed') return true;
  if (data.generations_by_pk.status.trim() === 'complete') return true;
  switch (data.generations_by_pk?.status?.toLowerCase()) {
    case 'complete': return true;
    case 'done': return true;
  }
  return null;
}`,
      findings: [
        { message: never('SUCCEEDED', NEVER_MATCHES, 'upper'), at: [7, 18, "'SUCCEEDED'"], fixes: [] },
        { message: never('failed', ': did you mean "FAILED"?', 'upper'), at: [8, 18, "'failed'"], fixes: [{ output: edit("'failed'", "'FAILED'"), preferred: true }] },
        {
          message: never('completed', ': did you mean "complete"?', 'lower'),
          at: [9, 55, "'completed'"],
          fixes: [{ title: 'Change to "complete"', output: edit("'completed'", "'complete'"), preferred: false }],
        },
        { message: never('complete', ': did you mean "COMPLETE"?'), at: [10, 48, "'complete'"], fixes: [{ output: edit("trim() === 'complete'", "trim() === 'COMPLETE'"), preferred: true }] },
        { message: never('done', NEVER_MATCHES, 'lower'), at: [13, 10, "'done'"], fixes: [] },
      ],
    },
    {
      name: 'includes on a list written there or held by a constant: each string the status never has',
      code: `${PREAMBLE}
const FINISHED = ['COMPLETE', 'failed'] as const;
export async function poll(id: string) {
  const gen = (await (await fetch(\`\${BASE}/generations/\${id}\`, { headers })).json()).generations_by_pk;
  if (['COMPLETED', 'SUCCEEDED', 'COMPLETE'].includes(gen.status)) return gen.generated_images;
  if (['done', 'failed'].includes(gen.status.toLowerCase())) return [];
  while (!FINISHED.includes(gen?.status)) await new Promise((resolve) => setTimeout(resolve, 1000));
  return null;
}`,
      findings: [
        { message: never('failed', ': did you mean "FAILED"?'), at: [4, 31, "'failed'"], fixes: [{ output: edit("'COMPLETE', 'failed'", "'COMPLETE', 'FAILED'"), preferred: true }] },
        { message: never('COMPLETED', ': did you mean "COMPLETE"?'), at: [7, 8, "'COMPLETED'"], fixes: [{ output: edit("'COMPLETED'", "'COMPLETE'"), preferred: false }] },
        { message: never('SUCCEEDED', NEVER_MATCHES), at: [7, 21, "'SUCCEEDED'"], fixes: [] },
        { message: never('done', NEVER_MATCHES, 'lower'), at: [8, 8, "'done'"], fixes: [] },
      ],
    },
  ],
});
