// Pathological documents (documents.ts) through the engine, the CLI and the language server: each in
// bounded time, with no crash, no rule failure, every span inside the document, and the result the
// document calls for (skipped with a reason, findings, or none).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { analyze, type AnalysisResult } from '../../server/src/engine/analyze.js';
import { checkSpans } from '../fuzz/properties.js';
import { CLI, ensureBuilt } from './build.js';
import { pathologicalDocuments, type Pathological } from './documents.js';
import { languageIdFor, LspProcess } from './lsp-client.js';

const docs = pathologicalDocuments();

/** The skip reason the expectation names, as analyze words it. */
const SKIP_TEXT: Partial<Record<Pathological['expect'], RegExp>> = {
  'skipped: too large': /^File skipped: \d+ bytes is over the maxFileSize limit of \d+ bytes\.$/,
  'skipped: nested too deeply': /^File skipped: it is nested too deeply to analyse\.$/,
  'skipped: binary': /^File skipped: it looks like binary data\.$/,
};

function checkResult(doc: Pathological, result: AnalysisResult): void {
  const skip = SKIP_TEXT[doc.expect];
  if (skip) assert.match(result.skipped ?? '', skip, doc.name);
  else assert.equal(result.skipped, undefined, doc.name);
  if (doc.expect === 'findings') assert.ok(result.findings.length > 0, `${doc.name}: no findings`);
  if (doc.expect === 'no findings') assert.deepEqual(result.findings, [], doc.name);
}

describe('the engine', () => {
  for (const doc of docs) {
    it(`${doc.name}: within ${doc.budget} ms`, () => {
      const failures: string[] = [];
      const started = performance.now();
      const result = analyze({ text: doc.text, kind: doc.kind, path: doc.file }, { onRuleError: (id, e) => failures.push(`${id}: ${String(e)}`) });
      const elapsed = performance.now() - started;
      assert.deepEqual(failures, []);
      assert.ok(elapsed < doc.budget, `${elapsed.toFixed(0)} ms`);
      checkSpans({ text: doc.text, kind: doc.kind, path: doc.file }, result.findings);
      checkResult(doc, result);
    });
  }

  it('a shell script behind a BOM is read as without it', () => {
    const script = `curl -X POST https://cloud.leonardo.ai/api/rest/v1/generations -H "authorization: Bearer $K" -d '{"prompt":"x","wid":1}'\n`;
    const plain = analyze({ text: script, kind: 'shell', path: 'a.sh' }).findings;
    const bom = analyze({ text: `\ufeff${script}`, kind: 'shell', path: 'a.sh' }).findings;
    assert.deepEqual(bom.map((f) => [f.ruleId, f.span.start - 1]), plain.map((f) => [f.ruleId, f.span.start]));
    assert.equal(plain.length, 1);
  });

  it('100 KB of nested command substitutions within the 100 ms of any 100 KB document', () => {
    const text = `curl https://cloud.leonardo.ai/api/rest/v1/me ${'"$('.repeat(20_000)}${')"'.repeat(20_000)}\n`;
    let best = Infinity;
    for (let i = 0; i < 3; i++) {
      const started = performance.now();
      analyze({ text, kind: 'shell', path: 'a.sh' });
      best = Math.min(best, performance.now() - started);
    }
    assert.ok(text.length >= 100_000 && best < 100, `${best.toFixed(0)} ms for ${text.length} characters`);
  });
});

describe('the CLI and the language server', () => {
  let folder: string;
  let files: Array<{ doc: Pathological; file: string }>;

  before(() => {
    ensureBuilt();
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'leonardo-pathological-'));
    fs.writeFileSync(path.join(folder, 'leonardo-lint.config.json'), '{}\n');
    files = docs.map((doc) => {
      const file = path.join(folder, doc.file);
      // Binary content as bytes; lone surrogates become U+FFFD on disk, as any editor would save them.
      fs.writeFileSync(file, doc.expect === 'skipped: binary' ? Buffer.from(doc.text, 'latin1') : doc.text);
      return { doc, file };
    });
  });

  after(() => fs.rmSync(folder, { recursive: true, force: true }));

  it('the CLI lints them all in one run: no internal error, a reason for each skipped file', () => {
    const started = performance.now();
    const run = spawnSync(process.execPath, [CLI, '-f', 'json', folder], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, timeout: 120_000 });
    assert.ok(run.status === 0 || run.status === 1, `exit ${run.status} ${run.signal ?? ''}: ${run.stderr.slice(0, 2000)}`);
    const results = new Map((JSON.parse(run.stdout) as Array<{ filePath: string; messages: Array<{ ruleId: string | null; message: string; fatal?: boolean }> }>).map((r) => [r.filePath, r.messages]));
    for (const { doc, file } of files) {
      const messages = results.get(file);
      assert.ok(messages, `${doc.name}: not linted`);
      assert.ok(!messages.some((m) => m.fatal), `${doc.name}: ${messages.find((m) => m.fatal)?.message}`);
      const skip = SKIP_TEXT[doc.expect];
      if (skip && doc.expect !== 'skipped: binary') assert.deepEqual(messages.map((m) => skip.test(m.message)), [true], doc.name);
      if (doc.expect === 'skipped: binary' || doc.expect === 'no findings') assert.deepEqual(messages, [], doc.name);
      if (doc.expect === 'findings') assert.ok(messages.length > 0, doc.name);
    }
    assert.ok(performance.now() - started < 120_000);
  });

  it('the language server answers each of them, and a hover afterwards', async () => {
    const server = await LspProcess.start({ pull: true, rootUri: pathToFileURL(folder).href });
    try {
      for (const { doc, file } of files) {
        const uri = pathToFileURL(file).href;
        // The text as sent over the protocol (lone surrogates and NULs included, escaped in JSON).
        await server.open(uri, languageIdFor(doc.kind), doc.text);
        const diagnostics = await server.pull(uri);
        const skip = SKIP_TEXT[doc.expect];
        if (skip && doc.expect !== 'skipped: binary') {
          assert.deepEqual(diagnostics.map((d) => [d.code, d.severity, skip.test(d.message as string)]), [['file-skipped', 3, true]], doc.name);
        }
        if (doc.expect === 'skipped: binary' || doc.expect === 'no findings') assert.deepEqual(diagnostics, [], doc.name);
        if (doc.expect === 'findings') assert.ok(diagnostics.length > 0, doc.name);
      }
      const bom = files.find((f) => f.doc.file === 'bom.ts')!;
      const hover = await server.hover(pathToFileURL(bom.file).href, { line: 0, character: 80 });
      assert.ok(hover !== undefined);
      assert.equal(server.stderr, '');
    } finally {
      assert.equal(await server.stop(), 0);
    }
  });
});
