// Edits to an exporting module while its importers are open (`WorkspaceIndex.change`): an edit after
// which the module answers exactly as before (typing in a comment, or in a function body without
// changing what it exports) leaves the importers' results standing; any other edit names them to be
// checked again, and their next analysis sees the new answers. Either way, what an importer's
// analysis finds after the edit is what an index built afresh over the edited texts finds.

import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { analyze } from '../../server/src/engine/analyze.js';
import { WorkspaceIndex } from '../../server/src/engine/workspace/index.js';
import { summarizeModule, summarizeModuleAndResponses, summarizeResponses } from '../../server/src/engine/workspace/summary.js';
import { projectIndex, ROOT } from './project.js';

const TSCONFIG = `{ "compilerOptions": { "strict": true, "baseUrl": ".", "paths": { "@/*": ["./src/*"] } } }`;

const LIB = `import axios from "axios";

// The one place that talks to Leonardo.
export const LEONARDO_URL = "https://cloud.leonardo.ai/api/rest/v1";
export const leonardo = axios.create({ baseURL: LEONARDO_URL, headers: { authorization: \`Bearer \${process.env.LEONARDO_API_KEY}\` } });
export const LEONARDO_MODELS = { phoenix: "6b645e3a-d64f-4341-a6d8-7a3690fbf042" };

/* Sends a generation; the caller picks the size. */
export async function generateImage(params: Record<string, unknown>) {
  const response = await leonardo.post("/generations", params);
  return response.data;
}

export async function getGeneration(id: string) {
  const r = await fetch(\`\${LEONARDO_URL}/generations/\${id}\`, { headers: { authorization: \`Bearer \${process.env.LEONARDO_API_KEY}\` } });
  return r.json();
}
`;

const ROUTE = `import { generateImage, getGeneration, LEONARDO_MODELS } from "@/lib/leonardo";

export async function POST(prompt: string) {
  const job = await generateImage({ prompt, modelId: LEONARDO_MODELS.phoenix, width: 1020, height: 768 });
  const data = await getGeneration(job.sdGenerationJob.generationId);
  return Response.json({ images: data.generated_images });
}
`;

const LIB_FILE = path.join(ROOT, 'src/lib/leonardo.ts');
const ROUTE_FILE = path.join(ROOT, 'src/app/api/generate/route.ts');
const open = (file: string): boolean => file === ROUTE_FILE;

function files(lib: string): Record<string, string> {
  return { 'tsconfig.json': TSCONFIG, 'src/lib/leonardo.ts': lib, 'src/app/api/generate/route.ts': ROUTE };
}

/** The route's findings as the editor shows them (message, place, related information), through `index`. */
function routeFindings(index: WorkspaceIndex): string {
  const result = analyze({ text: ROUTE, kind: 'typescript', path: ROUTE_FILE, workspace: index.resolverFor(ROUTE_FILE) });
  return JSON.stringify(result.findings.map((f) => ({ rule: f.ruleId, message: f.message, span: f.span, related: f.related })));
}

/** An index over the project whose route has been analysed once (so the route reads the module). */
function openProject(lib = LIB): { index: WorkspaceIndex; before: string } {
  const index = projectIndex(files(lib));
  index.build();
  return { index, before: routeFindings(index) };
}

/** What an index built afresh over the edited texts finds in the route. */
const fresh = (lib: string): string => openProject(lib).before;

test('typing in a comment leaves the open importer standing, and its results are what a fresh index finds', () => {
  const { index, before } = openProject();
  assert.match(before, /invalid-dimensions/);
  let lib = LIB;
  // A new comment line at the end, typed character by character, then a word typed inside the first comment.
  for (const typed of ['\n', '/', '/', ' ', 'n', 'o', 't', 'e']) {
    lib += typed;
    assert.deepEqual(index.change(LIB_FILE, lib, open), { stale: [], unchanged: [ROUTE_FILE] });
    assert.equal(routeFindings(index), before);
  }
  lib = lib.replace('// The one place', '// The only one place');
  assert.deepEqual(index.change(LIB_FILE, lib, open), { stale: [], unchanged: [ROUTE_FILE] });
  assert.equal(routeFindings(index), before);
  assert.equal(before, fresh(lib));
});

/**
 * Opens the project, edits the module to `lib` and checks that the route is named stale and then finds
 * what a fresh index finds; returns its findings before and after.
 */
function staleAfter(lib: string): { before: string; after: string } {
  const { index, before } = openProject();
  assert.deepEqual(index.change(LIB_FILE, lib, open), { stale: [ROUTE_FILE], unchanged: [] });
  const after = routeFindings(index);
  assert.equal(after, fresh(lib));
  return { before, after };
}

test('an edit that changes what the module exports names the importer, whose next analysis sees it', () => {
  // The base URL loses its version: the wrapper's requests are no longer POST /generations of v1.
  const { before, after } = staleAfter(LIB.replace('"https://cloud.leonardo.ai/api/rest/v1"', '"https://cloud.leonardo.ai/api/rest"'));
  assert.notEqual(after, before);
});

test('a line added above the exports moves what the importer relates to: checked again, with the new places', () => {
  const { before, after } = staleAfter(LIB.replace('// The one place', '// Leonardo.Ai\n// The one place'));
  assert.notEqual(after, before);
  assert.equal(after, before.replace(/"line":(\d+)/g, (_, n: string) => `"line":${Number(n) + 1}`));
});

test('an edit inside a function body that changes what it returns names the importer', () => {
  // getGeneration now returns the generation itself: `generated_images` is a field of it.
  const { before, after } = staleAfter(LIB.replace('  return r.json();', '  return (await r.json()).generations_by_pk;'));
  assert.match(before, /unknown-response-field/);
  assert.doesNotMatch(after, /unknown-response-field/);
});

test('with no reader open, an edit invalidates as before (no module is worked out again for nobody)', () => {
  const { index } = openProject();
  const lib = `${LIB}// note\n`;
  assert.deepEqual(index.change(LIB_FILE, lib, () => false), { stale: [ROUTE_FILE], unchanged: [] });
  // `update` is the same without readers to compare for.
  assert.deepEqual(index.update(LIB_FILE, `${lib}// more\n`), []);
});

test('answers read before the files were listed cannot be compared: the first edit after names the importer', () => {
  const texts = new Map(Object.entries(files(LIB)).map(([name, text]) => [path.join(ROOT, name), text]));
  // As the server does: answers from the reader first, the listing later.
  const index = new WorkspaceIndex({ root: ROOT, read: (file) => texts.get(file) });
  const before = routeFindings(index);
  index.setFiles(texts.keys());
  assert.deepEqual(index.change(LIB_FILE, `${LIB}// a\n`, open).stale, [ROUTE_FILE]);
  assert.equal(routeFindings(index), before);
  // Read again since: comparable.
  assert.deepEqual(index.change(LIB_FILE, `${LIB}// ab\n`, open), { stale: [], unchanged: [ROUTE_FILE] });
});

test('modules that read each other: what each read depended on which came first, so an edit names every reader', () => {
  const a = `import { LEONARDO_URL } from "./b";
export const leonardo = { base: LEONARDO_URL };
export { LEONARDO_URL };
`;
  const b = `import { leonardo } from "./a";
export const LEONARDO_URL = "https://cloud.leonardo.ai/api/rest/v1";
export const client = leonardo;
`;
  const route = `import { client, LEONARDO_URL } from "./a";
import { client as other } from "./b";
export const go = () => fetch(LEONARDO_URL + "/generations", { method: "POST", body: JSON.stringify({ width: 1020, height: 768, prompt: "x" }) });
export const both = [client, other];
`;
  const texts = new Map([
    [path.join(ROOT, 'a.ts'), a],
    [path.join(ROOT, 'b.ts'), b],
    [path.join(ROOT, 'route.ts'), route],
  ]);
  const index = new WorkspaceIndex({ root: ROOT, read: (file) => texts.get(file), files: texts.keys() });
  index.build();
  const routeFile = path.join(ROOT, 'route.ts');
  analyze({ text: route, kind: 'typescript', path: routeFile, workspace: index.resolverFor(routeFile) });
  const change = index.change(path.join(ROOT, 'a.ts'), `${a}// note\n`, (file) => file === routeFile);
  assert.deepEqual(change.unchanged, []);
  assert.ok(change.stale.includes(routeFile));
});

test('edits all over the module: the importer finds after each what a fresh index finds', () => {
  const { index } = openProject();
  let lib = LIB;
  let standing = 0;
  let stale = 0;
  // Insertions and deletions at every 13th offset, each kept (the text drifts as an editor's would).
  for (let at = 1; at < lib.length - 1; at += 13) {
    const edits = [`${lib.slice(0, at)} ${lib.slice(at)}`, `${lib.slice(0, at)}x${lib.slice(at)}`, `${lib.slice(0, at)}${lib.slice(at + 1)}`];
    lib = edits[at % edits.length];
    const change = index.change(LIB_FILE, lib, open);
    if (change.unchanged.length > 0) standing++;
    else stale++;
    assert.equal(routeFindings(index), fresh(lib), `after the edit at ${at}`);
  }
  // Both ways were taken.
  assert.ok(standing > 0 && stale > 0, `${standing} standing, ${stale} stale`);
});

test('a summary and responses from one parse are the ones worked out apart', () => {
  const index = projectIndex(files(LIB));
  const imports = index.resolverFor(LIB_FILE);
  const both = summarizeModuleAndResponses(LIB_FILE, LIB, imports);
  assert.deepEqual(both.summary, summarizeModule(LIB_FILE, LIB, imports));
  assert.deepEqual(both.responses, summarizeResponses(LIB_FILE, LIB, imports));
  assert.ok(both.responses.size > 0 && both.summary.facts.size > 0);
});

test('listed paths with `.`, `..` or doubled separators name the files they resolve to', () => {
  const texts = new Map(Object.entries(files(LIB)).map(([name, text]) => [path.join(ROOT, name), text]));
  const listed = [...texts.keys()].map((file) => file.replace(`${path.sep}src${path.sep}`, `${path.sep}src${path.sep}.${path.sep}app${path.sep}..${path.sep}${path.sep}`));
  assert.equal(listed.filter((file) => file !== path.resolve(file)).length, 2);
  const index = new WorkspaceIndex({ root: ROOT, read: (file) => texts.get(file), files: listed });
  assert.equal(index.resolverFor(ROUTE_FILE).resolve('@/lib/leonardo', 'generateImage')?.kind, 'wrapper');
  assert.deepEqual(index.listedFiles().sort(), [...texts.keys()].sort());
});

test('a change on disk is compared the same way: a save that changes nothing stands, a rewrite names the importer', () => {
  const texts = new Map(Object.entries(files(LIB)).map(([name, text]) => [path.join(ROOT, name), text]));
  const index = new WorkspaceIndex({ root: ROOT, read: (file) => texts.get(file), files: texts.keys() });
  index.build();
  const before = routeFindings(index);
  texts.set(LIB_FILE, `${LIB}// saved\n`);
  assert.deepEqual(index.change(LIB_FILE, undefined, open), { stale: [], unchanged: [ROUTE_FILE] });
  assert.equal(routeFindings(index), before);
  texts.set(LIB_FILE, LIB.replace('width', 'height').replace('"/generations"', '"/generations/extra"'));
  assert.deepEqual(index.change(LIB_FILE, undefined, open), { stale: [ROUTE_FILE], unchanged: [] });
  assert.notEqual(routeFindings(index), before);
});
