// The language server with the workspace index (over stdio, against dist/server.js): an open route
// handler's request through an unopened module's wrapper is checked, with related information; an
// edit to the exporting module re-checks the open importer; a module created on disk is followed.

import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { DidChangeWatchedFilesNotification, FileChangeType } from 'vscode-languageserver-protocol';
import { fileUri, TestClient } from '../lsp/support.js';
import { LINT_WORKSPACE_REQUEST, problemLine, type LintWorkspaceResult } from '../../server/src/lsp/workspace-protocol.js';
import packageJson from '../../package.json';

const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'leonardo-lint-lsp-workspace-')));
after(() => fs.rmSync(dir, { recursive: true, force: true }));

const LIB = `import axios from "axios";
const leonardo = axios.create({ baseURL: "https://cloud.leonardo.ai/api/rest/v1", headers: { authorization: \`Bearer \${process.env.LEONARDO_API_KEY}\` } });
export async function generateImage(params: object) {
  return (await leonardo.post("/generations", params)).data;
}
`;
const ROUTE = `import { generateImage } from "./lib/leonardo";
export async function POST() {
  return Response.json(await generateImage({ prompt: "a bridge", width: 1030 }));
}
`;
const LATER = `import { createVariation } from "./lib/variations";
export const run = () => createVariation("/variations/upscale", { id: 7 });
`;
fs.mkdirSync(path.join(dir, 'lib'));
fs.writeFileSync(path.join(dir, 'lib/leonardo.ts'), LIB);
fs.writeFileSync(path.join(dir, 'route.ts'), ROUTE);
fs.writeFileSync(path.join(dir, 'later.ts'), LATER);
fs.mkdirSync(path.join(dir, 'node_modules/pkg'), { recursive: true });
fs.writeFileSync(path.join(dir, 'node_modules/pkg/index.ts'), 'export const leonardo = 1;\n');

test('server: a request through an unopened module is checked at once, re-checked when that module is edited, and followed on disk', async () => {
  const client = await TestClient.start({ pull: false, workspaceFolder: dir });
  try {
    const route = fileUri(path.join(dir, 'route.ts'));
    await client.open(route, 'typescript', ROUTE);
    const first = await client.published.next((p) => p.uri === route && p.diagnostics.some((d) => d.code === 'invalid-dimensions'));
    const finding = first.diagnostics.find((d) => d.code === 'invalid-dimensions')!;
    assert.deepEqual(finding.range.start, { line: 2, character: 72 });
    assert.equal(finding.relatedInformation?.[0].location.uri, fileUri(path.join(dir, 'lib/leonardo.ts')));
    assert.match(finding.relatedInformation[0].message, /generateImage/);

    // The module is opened and its wrapper renamed: the open importer's request is no longer one.
    const lib = fileUri(path.join(dir, 'lib/leonardo.ts'));
    const since = client.published.all.length;
    await client.open(lib, 'typescript', LIB);
    await client.change(lib, LIB.replace('generateImage', 'makeImage'));
    await client.published.next((p) => p.uri === route && p.diagnostics.length === 0, since);

    // A module created on disk, announced by workspace/didChangeWatchedFiles, is followed.
    const later = fileUri(path.join(dir, 'later.ts'));
    await client.open(later, 'typescript', LATER);
    fs.writeFileSync(
      path.join(dir, 'lib/variations.ts'),
      `export const createVariation = (path: string, body: object) => fetch("https://cloud.leonardo.ai/api/rest/v1" + path, { method: "POST", body: JSON.stringify(body) });\n`,
    );
    const before = client.published.all.length;
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, {
      changes: [{ uri: fileUri(path.join(dir, 'lib/variations.ts')), type: FileChangeType.Created }],
    });
    const found = await client.published.next((p) => p.uri === later && p.diagnostics.length > 0, before);
    assert.ok(found.diagnostics.every((d) => d.relatedInformation?.[0].location.uri === fileUri(path.join(dir, 'lib/variations.ts'))));

    // "Lint Workspace": every file, as lines the task's problem matcher reads; node_modules not linted.
    const result: LintWorkspaceResult = await client.connection.sendRequest(LINT_WORKSPACE_REQUEST, {});
    const lines = result.problems.map(problemLine);
    assert.ok(lines.some((line) => line.startsWith(`${path.join(dir, 'later.ts')}:2:`)), lines.join('\n'));
    assert.ok(!lines.some((line) => line.includes('node_modules')));
    const matcher = new RegExp((packageJson.contributes.problemMatchers[0].pattern as { regexp: string }).regexp);
    for (const line of lines) assert.match(line, matcher);
  } finally {
    await client.stop();
  }
});

test('server: typing in a comment of an open module publishes its open importer again as it stands; an edit that moves its export re-checks it', async () => {
  const client = await TestClient.start({ pull: false, workspaceFolder: dir, initializationOptions: { statusNotification: true } });
  try {
    const route = fileUri(path.join(dir, 'route.ts'));
    const lib = fileUri(path.join(dir, 'lib/leonardo.ts'));
    const indexed = client.logged.next((m) => m.message.startsWith('Workspace index of'));
    await client.open(route, 'typescript', ROUTE);
    const first = await client.published.next((p) => p.uri === route && p.diagnostics.some((d) => d.code === 'invalid-dimensions'));
    // Once the background index is built (its end re-checks the open files), an edit of the route settles it.
    await indexed;
    await client.change(route, `${ROUTE}\n`);
    const settled = await client.pushed(route);
    assert.deepEqual(settled.map((d) => d.message), first.diagnostics.map((d) => d.message));
    await client.open(lib, 'typescript', LIB);
    await client.pushed(lib);

    // A comment typed at the module's end: the route is published again, as it was, without an analysis.
    let published = client.published.all.length;
    let analysed = client.statuses.all.length;
    for (const text of [`${LIB}/`, `${LIB}//`, `${LIB}// n`]) {
      await client.change(lib, text);
      await client.pushed(lib);
    }
    const again = client.published.all.slice(published).filter((p) => p.uri === route);
    assert.equal(again.length, 3);
    for (const p of again) assert.deepEqual(p.diagnostics, settled);
    assert.deepEqual(client.statuses.all.slice(analysed).filter((s) => s.uri === route), []);

    // A line added above the wrapper: the route is analysed again, its related information one line lower.
    published = client.published.all.length;
    analysed = client.statuses.all.length;
    await client.change(lib, `// Leonardo.Ai\n${LIB}`);
    const moved = await client.nextPublished(route, published);
    const line = (diagnostics: typeof moved) => diagnostics.find((d) => d.code === 'invalid-dimensions')?.relatedInformation?.[0].location.range.start.line;
    assert.equal(line(moved), line(settled)! + 1);
    assert.ok(client.statuses.all.slice(analysed).some((s) => s.uri === route));
  } finally {
    await client.stop();
  }
});
