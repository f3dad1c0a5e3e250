// 100 KB documents built to hit the regular expressions on every path that reads document text:
// long runs of spaces, quotes, backslashes, slashes, braces and repeated prefixes, in URLs, header
// values, keys, prompts, request lines and code fences (test/security/regex.test.ts).

import type { DocumentKind } from '../../server/src/engine/types.js';

export interface AdversarialDocument {
  name: string;
  path: string;
  kind: DocumentKind;
  text: string;
}

const N = 100_000;
const URL = 'https://cloud.leonardo.ai/api/rest/v1';
const run = (unit: string, length = N) => unit.repeat(Math.ceil(length / unit.length)).slice(0, length);

/** Runs that make a careless pattern backtrack: each is followed by a character that ends no match. */
const RUNS: Array<[name: string, text: string]> = [
  ['spaces', run(' ')],
  ['tabs and spaces', run(' \t')],
  ['double quotes', run('"')],
  ['single quotes', run("'")],
  ['backslashes', run('\\')],
  ['escaped quotes', run('\\"')],
  ['slashes', run('/')],
  ['open braces', run('{')],
  ['template openings', run('${')],
  ['double braces', run('{{')],
  ['dashes', run('-')],
  ['underscores', run('_')],
  ['letters', run('a')],
  ['digits and dots', run('1.')],
  ['words and dashes', run('a-')],
  ['colons', run(' :')],
  ['dollar signs', run('$')],
  ['percent signs', run('%')],
  ['angle brackets', run('<')],
  ['hex digits and dashes', run('3f1b2c4d-')],
  ['Bearer', run('Bearer ')],
  ['moderation near-misses', run('nudes naked2 xnaked ')],
];

/** Every document about 100 KB: a run used twice is half as long, and JSON-escaped runs (which may double) a quarter. */
function documentsFor(name: string, r: string): AdversarialDocument[] {
  const half = r.slice(0, N / 2);
  const quarter = r.slice(0, N / 4);
  // A character before each run (so a lazy or unanchored pattern starts inside the line) and one after
  // that ends no match.
  const x = (run: string) => `x${run}\u0001!`;
  const plain = (run: string) => run.replace(/["'\\`$]/g, '');
  return [
    { name: `${name} in a fetch URL`, path: 'a.ts', kind: 'typescript', text: `fetch(\`${URL}/generations/${x(plain(r))}\`, { method: "POST", body: JSON.stringify({ prompt: "x" }) });\n` },
    { name: `${name} in a header value`, path: 'a.ts', kind: 'typescript', text: `fetch("${URL}/me", { headers: { authorization: \`Bearer ${x(plain(r))}\` } });\n` },
    { name: `${name} as a body key and a prompt`, path: 'a.ts', kind: 'typescript', text: `fetch("${URL}/generations", { method: "POST", body: JSON.stringify({ prompt: "${x(plain(half))}", "${x(plain(half))}": 1 }) });\n` },
    { name: `${name} in a code line`, path: 'a.js', kind: 'javascript', text: `// leonardo\nconst x = ${JSON.stringify(quarter)}; ${x(plain(half))}\n` },
    { name: `${name} in a JSON key and value`, path: 'r.jsonc', kind: 'jsonc', text: `// POST /generations\n{ ${JSON.stringify(x(quarter))}: 1, "prompt": ${JSON.stringify(x(quarter))} }\n` },
    // `/generation/…`: a near miss of `/generations/{id}`, so the nearest-endpoint search compares the whole path.
    { name: `${name} in a curl URL`, path: 'a.sh', kind: 'shell', text: `curl -X POST '${URL}/generation/${x(plain(r))}' -H "authorization: Bearer $K" -d '{}'\n` },
    { name: `${name} in a curl header`, path: 'a.sh', kind: 'shell', text: `curl ${URL}/me -H 'authorization: ${x(plain(r))}'\n` },
    { name: `${name} in a curl body`, path: 'a.sh', kind: 'shell', text: `curl -X POST ${URL}/generations -H "authorization: Bearer $K" -d '{"prompt": "${x(plain(half))}", "k${x(plain(half))}": 1}'\n` },
    { name: `${name} on a request line and a header`, path: 'a.http', kind: 'http', text: `POST ${URL}/${x(half)}\nAuthorization: ${x(half)}\n\n{"prompt": 1}\n` },
    { name: `${name} in a file variable`, path: 'a.http', kind: 'http', text: `@base = ${x(r)}\nGET {{base}}/me\n` },
    { name: `${name} in Markdown`, path: 'a.md', kind: 'markdown', text: `\`\`\`${x(half.replace(/[\n`]/g, ''))}\ncurl ${URL}/me\n\`\`\`\n${x(half)}\n` },
    { name: `${name} in a Postman collection`, path: 'c.postman_collection.json', kind: 'postman', text: JSON.stringify({ info: { schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json' }, item: [{ request: { method: 'POST', url: `{{baseUrl}}/${x(quarter)}`, header: [{ key: 'Authorization', value: x(quarter) }], body: { mode: 'raw', raw: `{"prompt": ${JSON.stringify(x(quarter))}}` } } }], variable: [{ key: 'baseUrl', value: URL }] }) },
  ];
}

export function adversarialDocuments(): AdversarialDocument[] {
  return RUNS.flatMap(([name, r]) => documentsFor(name, r));
}
