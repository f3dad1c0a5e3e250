// The response of an imported function (`getGeneration(id)` in lib/leonardo.ts returns `r.json()`):
// the flow rules treat what the caller gets like the return of a same-file function — a status
// compared with a value it never has, a field read off the wrong level, images read before the
// status is checked — and stay silent when the function's module already checked the status or
// returns something the flow cannot follow.

import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { analyze } from '../../server/src/engine/analyze.js';
import { lintProject, projectIndex, ROOT } from './project.js';

const TSCONFIG = `{ "compilerOptions": { "strict": true, "baseUrl": ".", "paths": { "@/*": ["./src/*"] } } }`;

const LIB = `const BASE = "https://cloud.leonardo.ai/api/rest/v1";
const headers = { accept: "application/json", authorization: \`Bearer \${process.env.LEONARDO_API_KEY}\` };

export async function getGeneration(id: string) {
  const r = await fetch(\`\${BASE}/generations/\${id}\`, { headers });
  return r.json();
}

export async function getUser() {
  const r = await fetch(\`\${BASE}/me\`, { headers });
  return r.json();
}

export async function waitForImages(id: string) {
  for (;;) {
    const data = await getGeneration(id);
    if (data.generations_by_pk.status === "COMPLETE") return data.generations_by_pk.generated_images;
    if (data.generations_by_pk.status === "FAILED") throw new Error("generation failed");
    await new Promise((resolve) => setTimeout(resolve, 2000));
  }
}

export async function getGenerationRaw(id: string) {
  return fetch(\`\${BASE}/generations/\${id}\`, { headers });
}
`;

const ROUTE = 'src/app/api/status/route.ts';

function lint(route: string, lib = LIB) {
  return lintProject({ 'tsconfig.json': TSCONFIG, 'src/lib/leonardo.ts': lib, [ROUTE]: route });
}

test('a status compared with a value it never has, and a field read off the wrong level', () => {
  const { findings, described } = lint(`import { getGeneration, getUser } from "@/lib/leonardo";

export async function GET(request: Request) {
  const id = new URL(request.url).searchParams.get("id")!;
  const data = await getGeneration(id);
  if (data.generations_by_pk.status === "COMPLETED") {
    return Response.json({ images: data.generated_images });
  }
  const me = await getUser();
  return Response.json({ status: data.generations_by_pk.status, user: me.user_details[0].user.username, tokens: me.user_details[0].subscriptionTokens });
}
`);
  assert.deepEqual(
    described[ROUTE],
    ['invalid-enum 6:41 "COMPLETED"', 'unknown-response-field 7:41 generated_images'],
    described[ROUTE].join('\n'),
  );
  const status = findings[ROUTE][0];
  assert.match(status.message, /did you mean "COMPLETE"/);
  // The comparison is the caller's literal: its fix stays.
  assert.equal(status.fixes.length, 1);
  assert.match(findings[ROUTE][1].message, /'generations_by_pk\.generated_images'/);
});

test('images read before the status is checked: unchecked-generation-status through the import', () => {
  const unchecked = lint(`import { getGeneration } from "@/lib/leonardo";

export async function GET(_request: Request, { params }: { params: { id: string } }) {
  const data = await getGeneration(params.id);
  const url = data.generations_by_pk.generated_images[0].url;
  return Response.json({ url });
}
`);
  assert.deepEqual(
    unchecked.described[ROUTE].map((d) => d.split(' ')[0]),
    ['unchecked-generation-status'],
    unchecked.described[ROUTE].join('\n'),
  );

  const checked = lint(`import { getGeneration } from "@/lib/leonardo";

export async function GET(_request: Request, { params }: { params: { id: string } }) {
  const data = await getGeneration(params.id);
  if (data.generations_by_pk.status !== "COMPLETE") return Response.json({ pending: true });
  return Response.json({ url: data.generations_by_pk.generated_images[0].url });
}
`);
  assert.deepEqual(checked.described[ROUTE], []);
});

test('a helper that polls until COMPLETE returns checked images; a raw Response is followed to its .json()', () => {
  const { described } = lint(`import { getGenerationRaw, waitForImages } from "@/lib/leonardo";

export async function GET(_request: Request, { params }: { params: { id: string } }) {
  const images = await waitForImages(params.id);
  const response = await getGenerationRaw(params.id);
  const body = await response.json();
  return Response.json({ first: images[0].url, status: body.generations_by_pk.status === "DONE" });
}
`);
  assert.deepEqual(described[ROUTE], ['invalid-enum 7:90 "DONE"'], described[ROUTE].join('\n'));
});

test('through a client another module makes, and through CommonJS', () => {
  const { described } = lintProject({
    'services/client.js': `const axios = require("axios");
const client = axios.create({ baseURL: "https://cloud.leonardo.ai/api/rest/v1", headers: { authorization: "Bearer " + process.env.LEONARDO_API_KEY } });
module.exports = { client };
`,
    'services/generations.js': `const { client } = require("./client");
async function getLeonardoGeneration(id) {
  const { data } = await client.get("/generations/" + id);
  return data.generations_by_pk;
}
module.exports = { getLeonardoGeneration };
`,
    'routes/status.js': `const { getLeonardoGeneration } = require("../services/generations");
async function status(req, res) {
  const generation = await getLeonardoGeneration(req.params.id);
  res.json({ done: generation.status === "SUCCEEDED", count: generation.imageCount });
}
module.exports = { status };
`,
  });
  assert.deepEqual(
    described['routes/status.js'],
    ['invalid-enum 4:42 "SUCCEEDED"', 'unknown-response-field 4:73 imageCount'],
    described['routes/status.js'].join('\n'),
  );
});

test('what the flow cannot follow stays unknown: a returned value of several shapes, an unresolved module', () => {
  const { described } = lint(`import { getAnything } from "@/lib/leonardo";
import { getGeneration } from "@/lib/missing";

export async function GET() {
  const a = await getAnything("x");
  const b = await getGeneration("y");
  return Response.json({ a: a.generated_images, b: b.generations_by_pk.status === "COMPLETED" });
}
`, `${LIB}
export async function getAnything(id: string) {
  if (id.startsWith("u")) return (await fetch(\`\${BASE}/me\`, { headers })).json();
  return (await fetch(\`\${BASE}/generations/\${id}\`, { headers })).json();
}
`);
  assert.deepEqual(described[ROUTE], []);
});

test('each file alone: the imported function returns an unknown value, nothing is reported', () => {
  const { described } = lintProject(
    {
      'tsconfig.json': TSCONFIG,
      'src/lib/leonardo.ts': LIB,
      [ROUTE]: `import { getGeneration } from "@/lib/leonardo";
export async function GET() {
  const data = await getGeneration("x");
  return Response.json({ ok: data.generations_by_pk.status === "COMPLETED", images: data.generated_images });
}
`,
    },
    { alone: true },
  );
  assert.deepEqual(described[ROUTE], []);
});

test('an edit to the exporting module names the importer, whose next analysis sees the new return', () => {
  const route = `import { getGeneration } from "@/lib/leonardo";
export async function GET() {
  const data = await getGeneration("x");
  return Response.json({ images: data.generated_images });
}
`;
  const files = { 'tsconfig.json': TSCONFIG, 'src/lib/leonardo.ts': LIB, [ROUTE]: route };
  const index = projectIndex(files);
  index.build();
  const routeFile = path.join(ROOT, ROUTE);
  const lint = () => analyze({ text: route, kind: 'typescript', path: routeFile, workspace: index.resolverFor(routeFile) }).findings.map((f) => f.ruleId);
  assert.deepEqual(lint(), ['unknown-response-field']);
  // getGeneration now returns the generation itself: `generated_images` is a field of it.
  const affected = index.update(path.join(ROOT, 'src/lib/leonardo.ts'), LIB.replace('  return r.json();\n}\n\nexport async function getUser', '  return (await r.json()).generations_by_pk;\n}\n\nexport async function getUser'));
  assert.deepEqual(affected, [routeFile]);
  assert.deepEqual(lint(), ['unchecked-generation-status']);
});

test('an imported function that is not a request of its own: what it returns is still followed', () => {
  // `me()` sends nothing itself (the request was started when the module loaded), so its calls are
  // not request sites: the response reaches the caller only as what the function returns.
  const { described } = lint(`import { me } from "@/lib/leonardo";

export async function GET() {
  const data = await me();
  return Response.json({ credit: data.user_details.apiCredit });
}
`, `${LIB}
const pending = fetch(\`\${BASE}/me\`, { headers });
export async function me() {
  return (await pending).json();
}
`);
  assert.deepEqual(described[ROUTE].map((d) => d.split(' ')[0]), ['unknown-response-field'], described[ROUTE].join('\n'));
});
