// Architecture invariants that a reviewer would otherwise have to remember (ARCHITECTURE.md).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

/** The files under `dir` whose names end with one of `extensions` (TypeScript sources by default). */
function sourceFiles(dir: string, extensions: readonly string[] = ['.ts']): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sourceFiles(full, extensions));
    else if (extensions.some((ext) => entry.name.endsWith(ext))) out.push(full);
  }
  return out;
}

test('ESLint carries invariant 1 and the TypeScript form: an engine file importing LSP, or TypeScript by name, fails the lint', async () => {
  // The project's own ESLint config (npm run lint, part of npm test) enforces these on every file; this
  // checks that the config still says so, with just its restriction rules (no type information needed).
  const { Linter } = await import('eslint');
  const parser = await import('@typescript-eslint/parser');
  const configUrl = pathToFileURL(path.resolve('eslint.config.mjs')).href;
  const config = (await import(configUrl) as { default: Array<{ files?: string[]; rules?: Record<string, unknown> }> }).default;
  const restrictions = config.filter((c) => c.rules && ('no-restricted-imports' in c.rules || 'no-restricted-syntax' in c.rules));
  const linter = new Linter({ configType: 'flat' });
  const lint = (code: string, file: string) =>
    linter.verify(code, [{ files: ['**/*.ts'], languageOptions: { parser } }, ...restrictions] as never, file).map((m) => m.ruleId);
  assert.deepEqual(lint("import { createConnection } from 'vscode-languageserver/node';\n", 'server/src/engine/rules/x.ts'), ['no-restricted-imports']);
  assert.deepEqual(lint("import * as vscode from 'vscode';\n", 'server/src/api/x.ts'), ['no-restricted-imports']);
  assert.deepEqual(lint("import { createConnection } from 'vscode-languageserver/node';\n", 'server/src/lsp/x.ts'), []);
  assert.deepEqual(lint("import { SyntaxKind } from 'typescript';\n", 'server/src/engine/x.ts'), ['no-restricted-syntax']);
  assert.deepEqual(lint("import * as ts from 'typescript';\n", 'server/src/engine/x.ts'), ['no-restricted-syntax']);
  assert.deepEqual(lint("import ts from 'typescript';\nexport const k = ts.SyntaxKind.Identifier;\n", 'server/src/engine/x.ts'), []);
});

test('nothing in the engine evaluates code or opens connections', () => {
  const pattern = /\beval\s*\(|new\s+Function\s*\(|from\s+['"]node:(net|http|https|tls|dgram|child_process)['"]|require\(\s*['"](net|http|https|child_process)['"]\s*\)/;
  const offenders = [...sourceFiles('server/src/engine'), ...sourceFiles('server/src/api')].filter((file) =>
    pattern.test(fs.readFileSync(file, 'utf8')),
  );
  assert.deepEqual(offenders, []);
});

test('the engine never spreads a list into call arguments (long input would overflow the stack): appendAll instead', () => {
  const spread = /\.push\(\s*\.\.\.|Math\.(?:max|min)\(\s*\.\.\./;
  const offenders = [...sourceFiles('server/src/engine'), ...sourceFiles('server/src/api')].filter((file) =>
    fs.readFileSync(file, 'utf8').split('\n').some((line) => !line.trimStart().startsWith('//') && spread.test(line)),
  );
  assert.deepEqual(offenders, []);
});

/** Code that reaches every kind of node the whole-file passes read: comparisons, switches, patterns, loops, `new`, writes. */
const EVERY_KIND_READ = `import { Leonardo } from '@leonardo-ai/sdk';
const sdk = new Leonardo({ bearerAuth: process.env.NEXT_PUBLIC_LEONARDO_KEY });
const BASE = 'https://cloud.leonardo.ai/api/rest/v1';
const headers = { authorization: \`Bearer \${process.env.LEONARDO_API_KEY}\`, 'content-type': 'application/json' };
let attempts = 0;
async function poll(id: string) {
  for (;;) {
    attempts++;
    const res = await fetch(\`\${BASE}/generations/\${id}\`, { headers });
    const { generations_by_pk: job } = await res.json();
    if (job.status === 'DONE') return job;
    switch (job.status) {
      case 'FAILED': throw new Error('failed');
    }
    for (const image of job.generated_images) console.log(image.url, image.nsfw);
  }
}
async function upload() {
  const res = await fetch(BASE + '/init-image', { method: 'POST', headers, body: JSON.stringify({ extension: 'png' }) });
  const { uploadInitImage } = await res.json();
  let fields = JSON.parse(uploadInitImage.fields);
  fields = { ...fields };
  const form = new FormData();
  for (const key in fields) form.append(key, fields[key]);
  await fetch(uploadInitImage.url, { method: 'POST', headers, body: form });
  return uploadInitImage.id;
}
const show = ({ generationId }: { generationId: string }) => poll(generationId);
let key = '';
let label = '';
let retries = 3;
for (key in headers) console.log(key);
for (label of ['a', 'b']) console.log(label);
--retries;
export { poll, upload, show, sdk };
`;

test('listing only the index\'s node kinds changes nothing: the facts and every rule\'s findings are the same with every kind listed', async () => {
  const ts = (await import('typescript')).default;
  const { buildIndex } = await import('../../server/src/engine/extract/ts/file-index.js');
  const { extractFromTypeScript, isTsParsed } = await import('../../server/src/engine/extract/typescript.js');
  const { collectFacts } = await import('../../server/src/engine/flow/file-facts.js');
  const { getCatalogue } = await import('../../server/src/api/catalogue.js');
  const { AnalysisMemo } = await import('../../server/src/engine/memo.js');
  const { allRules } = await import('../../server/src/engine/rules/index.js');
  const { serviceFile } = await import('../../bench/corpus.js');
  const { Random } = await import('../../bench/random.js');
  const catalogue = getCatalogue();
  const everyKind: boolean[] = Array.from({ length: ts.SyntaxKind.Count }, () => true);
  const documents = [
    { path: 'every-kind.ts', text: EVERY_KIND_READ },
    { path: 'service.ts', text: serviceFile(new Random(11), 1500, 30) },
    ...sourceFiles('examples', ['.ts', '.tsx', '.js', '.mjs']).map((file) => ({ path: file, text: fs.readFileSync(file, 'utf8') })),
  ];
  let findings = 0;
  let facts = 0;
  for (const { path: file, text } of documents) {
    const doc = { text, kind: /\.tsx?$/.test(file) ? 'typescript' : 'javascript', path: file } as const;
    const { requests, parsed } = extractFromTypeScript(doc, catalogue);
    if (!isTsParsed(parsed)) continue;
    const seen = (index: typeof parsed.index) => {
      const found: string[] = [];
      const ctx = { document: doc, requests, catalogue, parsed: { ...parsed, index }, memo: new AnalysisMemo(), report: (f: { message: string; span: { start: number } }) => found.push(`${f.span.start} ${f.message}`) };
      for (const rule of allRules) rule.check(ctx);
      ctx.memo.release();
      const f = collectFacts(index);
      const at = (nodes: readonly { pos: number; kind: number }[]) => nodes.map((n) => `${n.kind}@${n.pos}`).join(' ');
      const summary = {
        references: [...f.references].map(([name, ids]) => `${name}: ${at(ids)}`).sort(),
        assignments: [...f.assignments].map(([b, values]) => `${b.name}@${b.node.pos}: ${at(values)}`).sort(),
        opaque: [...f.opaque].map((b) => `${b.name}@${b.node.pos}`).sort(),
        accesses: at(f.accesses),
        comparisons: at(f.comparisons),
        switches: at(f.switches),
        patterns: at(f.patterns),
      };
      return { found: found.sort(), summary };
    };
    const listed = seen(parsed.index);
    const every = seen(buildIndex(parsed.sourceFile, everyKind));
    assert.deepEqual(listed, every, file);
    findings += listed.found.length;
    facts += listed.summary.comparisons.length + listed.summary.switches.length + listed.summary.patterns.length + listed.summary.opaque.length;
  }
  assert.ok(findings >= 20 && facts > 0, `the documents give the passes something to find (${findings} findings)`);
});
