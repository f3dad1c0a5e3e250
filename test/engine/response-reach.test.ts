// The response reach (flow/reach.ts) lets the member-read pass and the status comparisons skip
// expressions no response can reach. It may keep too much, never too little: these tests hold it to
// the flow itself on every member read, destructuring and comparison of the code the test suite
// writes (each code snippet of the tests), of the bundled examples and of the bench's service files,
// and check that it does skip most reads of ordinary code.

import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import ts from 'typescript';
import { serviceFile } from '../../bench/corpus.js';
import { Random } from '../../bench/random.js';
import { getCatalogue } from '../../server/src/api/catalogue.js';
import { extractRequests } from '../../server/src/engine/extract/index.js';
import { flowFor, type Flow } from '../../server/src/engine/flow/analysis.js';
import { responseReach } from '../../server/src/engine/flow/reach.js';
import { comparedField } from '../../server/src/engine/flow/status-comparisons.js';
import { AnalysisMemo } from '../../server/src/engine/memo.js';

const ROOT = path.resolve(__dirname, '../..');

function flowOf(code: string, file = 'app.ts'): { flow: Flow | undefined; memo: AnalysisMemo } {
  const { requests, parsed } = extractRequests({ text: code, kind: 'typescript', path: file }, getCatalogue(), {});
  const memo = new AnalysisMemo();
  return { flow: flowFor({ parsed, requests, memo }), memo };
}

/** Every read the flow answers with a response or an upload is in the reach; how many reads there were, and how many were kept. */
function check(code: string, label: string): { accesses: number; kept: number; answered: number; reads: string[] } {
  const { flow, memo } = flowOf(code);
  // (A snippet the extractor does not take as TS/JS has no flow.)
  if (!flow) return { accesses: 0, kept: 0, answered: 0, reads: [] };
  const reach = responseReach(flow);
  let kept = 0;
  let answered = 0;
  const reads: string[] = [];
  for (const access of flow.facts.accesses) {
    if (reach.has(access.expression)) kept++;
    const origin = flow.originOf(access.expression);
    if (!origin || origin.kind === 'literal') continue;
    answered++;
    reads.push(access.getText(flow.sourceFile));
    const line = flow.sourceFile.getLineAndCharacterOfPosition(access.getStart(flow.sourceFile)).line + 1;
    assert.ok(reach.has(access.expression), `${label}:${line}: ${access.getText(flow.sourceFile)} reads a ${origin.kind}, outside the reach`);
  }
  for (const declaration of flow.facts.patterns) {
    const origin = flow.patternSource(declaration);
    if (!origin || origin.kind === 'literal') continue;
    answered++;
    const line = flow.sourceFile.getLineAndCharacterOfPosition(declaration.getStart(flow.sourceFile)).line + 1;
    assert.ok(reach.has(declaration), `${label}:${line}: ${declaration.getText(flow.sourceFile)} takes a ${origin.kind} apart, outside the reach`);
  }
  // The sides of comparisons and the subjects of switches (a status compared with a value it never has).
  const compared = [...flow.facts.comparisons.flatMap((c) => [c.left, c.right]), ...flow.facts.switches.map((s) => s.expression)];
  for (const side of compared) {
    const origin = flow.originOf(side);
    if (!origin || origin.kind === 'literal') continue;
    answered++;
    const line = flow.sourceFile.getLineAndCharacterOfPosition(side.getStart(flow.sourceFile)).line + 1;
    assert.ok(reach.has(side), `${label}:${line}: ${side.getText(flow.sourceFile)} is compared as a ${origin.kind}, outside the reach`);
  }
  // What the status comparisons find a response enum in beyond the flow's origin (a fallback to a path
  // the answer lacks, `String(status).toUpperCase()`), and the values `[...].includes(x)` compares.
  const includes = flow.index.calls.flatMap((call) => {
    const callee = call.expression;
    return ts.isPropertyAccessExpression(callee) && callee.name.text === 'includes' && call.arguments.length === 1 ? [call.arguments[0]] : [];
  });
  for (const side of [...compared, ...includes]) {
    if (!comparedField(flow, side)) continue;
    const line = flow.sourceFile.getLineAndCharacterOfPosition(side.getStart(flow.sourceFile)).line + 1;
    assert.ok(reach.has(side), `${label}:${line}: ${side.getText(flow.sourceFile)} is compared as a response enum, outside the reach`);
  }
  const accesses = flow.facts.accesses.length;
  memo.release();
  return { accesses, kept, answered, reads };
}

/** The code the test suite writes: every template literal of the test files that reads like TS/JS calling an API. */
function snippets(): Array<{ code: string; label: string }> {
  const found: Array<{ code: string; label: string }> = [];
  const files: string[] = [];
  const collect = (dir: string): void => {
    for (const name of fs.readdirSync(dir).sort()) {
      const full = path.join(dir, name);
      if (fs.statSync(full).isDirectory()) collect(full);
      else if (/\.ts$/.test(name)) files.push(full);
    }
  };
  collect(path.join(ROOT, 'test'));
  for (const file of files) {
    const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
    const visit = (node: ts.Node): void => {
      let code: string | undefined;
      // A snippet's `${PREAMBLE}` and the like are left out: what is left is still code to follow.
      if (ts.isNoSubstitutionTemplateLiteral(node)) code = node.text;
      else if (ts.isTemplateExpression(node)) code = node.head.text + node.templateSpans.map((span) => `\n${span.literal.text}`).join('');
      if (code !== undefined && /\b(?:fetch|axios|ky|got|ofetch|leonardo|Leonardo)\b/.test(code) && /\bconst\b|\bfunction\b|=>/.test(code)) {
        const line = source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
        found.push({ code, label: `${path.relative(ROOT, file)}:${line}` });
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return found;
}

describe('the response reach holds every read of a response', () => {
  it('in every snippet of code the tests write', () => {
    const all = snippets();
    assert.ok(all.length > 300, `found ${all.length} snippets`);
    let answered = 0;
    for (const { code, label } of all) answered += check(code, label).answered;
    // The snippets read responses: the check is not vacuous.
    assert.ok(answered > 250, `${answered} reads answered`);
  });

  it('in the bundled examples', () => {
    const dir = path.join(ROOT, 'examples');
    let answered = 0;
    for (const name of fs.readdirSync(dir).sort()) {
      if (!/\.(?:ts|tsx|js|mjs)$/.test(name)) continue;
      answered += check(fs.readFileSync(path.join(dir, name), 'utf8'), `examples/${name}`).answered;
    }
    assert.ok(answered > 0);
  });

  it('in service files among ordinary code, where it skips most reads', () => {
    const r = new Random(11);
    for (let i = 0; i < 3; i++) {
      const { accesses, kept, answered } = check(serviceFile(r, 2000, 20), `service-${i}.ts`);
      assert.ok(answered > 20, `${answered} reads of responses`);
      assert.ok(kept < accesses / 4, `kept ${kept} of ${accesses} reads`);
    }
  });
});

describe('what the reach follows', () => {
  // Each with a read the flow answers only through the step named.
  const cases: Array<[string, string, string]> = [
    [
      'a method of a class that keeps the response on `this`, read in another method',
      `class Jobs {
  private last: any;
  async start(body: object) {
    this.last = await fetch('https://cloud.leonardo.ai/api/rest/v1/generations', { method: 'POST', body: JSON.stringify(body) });
  }
  async id() { const data = await this.last.json(); return data.sdGenerationJob.generationId; }
}`,
      'this.last.json',
    ],
    [
      'a wrapper whose result is passed to a function that takes it apart',
      `const BASE = 'https://cloud.leonardo.ai/api/rest/v1';
async function get(id: string) { const r = await fetch(\`\${BASE}/generations/\${id}\`); return r.json(); }
function urls({ generations_by_pk }: any) { return generations_by_pk.generated_images.map((i: any) => i.url); }
export async function run(id: string) { return urls(await get(id)); }`,
      'generations_by_pk.generated_images',
    ],
    [
      'a response handed to a constructor that keeps it on `this`',
      `class View {
  private data: any;
  constructor(data: any) { this.data = data; }
  status() { return this.data.generations_by_pk.status; }
}
export async function show(id: string) {
  const res = await fetch(\`https://cloud.leonardo.ai/api/rest/v1/generations/\${id}\`);
  return new View(await res.json()).status();
}`,
      'this.data.generations_by_pk',
    ],
    [
      'a promise chain with a named callback and an object of results',
      `const BASE = 'https://cloud.leonardo.ai/api/rest/v1';
function pick(data: any) { return { job: data.sdGenerationJob }; }
export const start = (body: object) =>
  fetch(\`\${BASE}/generations\`, { method: 'POST', body: JSON.stringify(body) }).then((r) => r.json()).then(pick).then((o) => o.job.generationId);`,
      'data.sdGenerationJob',
    ],
    [
      'a promise chain that starts before the request: a .then callback returns the fetch',
      `export const start = (prompt: string) =>
  Promise.resolve(prompt.trim())
    .then((text) => fetch('https://cloud.leonardo.ai/api/rest/v1/generations', { method: 'POST', body: JSON.stringify({ prompt: text }) }))
    .then((res) => res.json())
    .then((data) => data.sdGenerationJob);`,
      'data.sdGenerationJob',
    ],
    [
      'a conditional and a guard around the body',
      `export async function job(res: Response) {
  const data = res.ok ? await res.json() : null;
  const created = res.ok && data;
  return [data.sdGenerationJob, created.sdGenerationJob];
}
export async function run() { return job(await fetch('https://cloud.leonardo.ai/api/rest/v1/generations', { method: 'POST' })); }`,
      'created.sdGenerationJob',
    ],
    [
      'a class member written through this and read by its key as a string',
      `class Jobs {
  private job: any;
  async start() {
    const res = await fetch('https://cloud.leonardo.ai/api/rest/v1/generations', { method: 'POST' });
    this.job = await res.json();
  }
  id() { return this['job'].sdGenerationJob.generationId; }
}`,
      "this['job'].sdGenerationJob",
    ],
    [
      'a method that returns the response, called through this and through an instance',
      `const BASE = 'https://cloud.leonardo.ai/api/rest/v1';
export class Client {
  async load(id: string) { const r = await fetch(\`\${BASE}/generations/\${id}\`); return r.json(); }
  async images(id: string) { const d = await this.load(id); return d.generations_by_pk.generated_images; }
}
export async function status(id: string) {
  let client = new Client();
  const data = await client.load(id);
  return data.generations_by_pk.status;
}`,
      'data.generations_by_pk',
    ],
    [
      'a response handed to a method that reads it',
      `export class Poller {
  handle(data: any) { return data.sdGenerationJob.generationId; }
  async start(body: object) {
    const res = await fetch('https://cloud.leonardo.ai/api/rest/v1/generations', { method: 'POST', body: JSON.stringify(body) });
    return this.handle(await res.json());
  }
}`,
      'data.sdGenerationJob',
    ],
    [
      'a request started in a class field',
      `export class Me {
  private pending = fetch('https://cloud.leonardo.ai/api/rest/v1/me');
  async credits() { const r = await this.pending; return (await r.json()).user_details; }
}`,
      'r.json',
    ],
    [
      'a constant object holding the response in shorthand, and an instance keeping it',
      `class Watcher {
  last: any;
  async poll(id: string) { this.last = await fetch(\`https://cloud.leonardo.ai/api/rest/v1/generations/\${id}\`); }
}
const watcher = new Watcher();
export async function check(id: string) {
  await watcher.poll(id);
  const data = await watcher.last.json();
  const out = { data };
  return out.data.generations_by_pk;
}`,
      'out.data.generations_by_pk',
    ],
    [
      'a body read as text and parsed',
      `export async function get(id: string) {
  const res = await fetch(\`https://cloud.leonardo.ai/api/rest/v1/generations/\${id}\`);
  const parsed = JSON.parse(await res.text());
  return parsed.generations_by_pk.status;
}`,
      'parsed.generations_by_pk',
    ],
    [
      'a method that returns a kept response, called on an instance',
      `class Tracker {
  private last: any;
  async poll(id: string) { this.last = await (await fetch(\`https://cloud.leonardo.ai/api/rest/v1/generations/\${id}\`)).json(); }
  current() { return this.last; }
}
export async function status(id: string) {
  let tracker = new Tracker();
  await tracker.poll(id);
  const data = tracker.current();
  return data.generations_by_pk.status;
}`,
      'data.generations_by_pk',
    ],
    [
      'an arrow function that reads the body of what it is given',
      `const body = (res: any) => res.json();
export async function me() {
  const data = await body(await fetch('https://cloud.leonardo.ai/api/rest/v1/me'));
  return data.user_details;
}`,
      'data.user_details',
    ],
    [
      'a non-null assertion and an empty fallback',
      `export async function status(id: string) {
  const res = await fetch(\`https://cloud.leonardo.ai/api/rest/v1/generations/\${id}\`);
  const body = (await res.json())!;
  const generation = body.generations_by_pk || {};
  return generation.status;
}`,
      'generation.status',
    ],
  ];
  for (const [name, code, read] of cases) {
    it(name, () => {
      const { reads } = check(code, name);
      assert.ok(reads.includes(read), `the flow answers ${read} (it answers ${reads.join(', ')})`);
    });
  }

  it('a status the comparisons read through String(), a fallback to a path the answer lacks, and includes', () => {
    const code = `export async function state(id: string) {
  const body = await (await fetch(\`https://cloud.leonardo.ai/api/rest/v1/generations/\${id}\`)).json();
  const upper = String(body.generations_by_pk.status).toUpperCase();
  const either = body.job?.status || body.generations_by_pk?.status;
  if (upper === 'COMPLETE' || either === 'FAILED') return true;
  return ['PENDING'].includes(upper);
}`;
    check(code, 'comparisons');
    const { flow, memo } = flowOf(code);
    const sides = flow!.facts.comparisons.map((c) => c.left);
    const includes = flow!.index.calls.filter((call) => call.expression.getText(flow!.sourceFile).endsWith('.includes')).map((call) => call.arguments[0]);
    // None of them has an origin of the flow's own: they are in the reach for the comparisons alone.
    for (const side of [...sides, ...includes]) {
      assert.equal(flow!.originOf(side), undefined, side.getText(flow!.sourceFile));
      assert.equal(comparedField(flow!, side)?.field?.path, 'generations_by_pk.status', side.getText(flow!.sourceFile));
    }
    memo.release();
  });
});
