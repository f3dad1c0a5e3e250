// The CLI and the language server report the same findings for the same file: generated and edited
// documents are written to a folder, linted by `leonardo-lint -f json` and opened in
// `node dist/server.js --stdio` (pull diagnostics), and rule id, range and message are compared.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import type { Diagnostic } from 'vscode-languageserver-protocol/node';
import { CLI, ensureBuilt } from '../resilience/build.js';
import { languageIdFor, LspProcess } from '../resilience/lsp-client.js';
import { fuzzDocument } from './arbitraries.js';
import type { FuzzDocument } from './render.js';

const SAMPLE = 60;

interface EslintMessage {
  ruleId: string | null;
  message: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
}

let folder: string;
let server: LspProcess;

before(async () => {
  ensureBuilt();
  folder = fs.mkdtempSync(path.join(os.tmpdir(), 'leonardo-parity-'));
  // The same (empty) configuration for both, whatever lies above the temporary folder.
  fs.writeFileSync(path.join(folder, 'leonardo-lint.config.json'), '{}\n');
  server = await LspProcess.start({ pull: true, rootUri: pathToFileURL(folder).href });
});

after(async () => {
  await server.stop();
  fs.rmSync(folder, { recursive: true, force: true });
});

const row = (ruleId: string | null, range: string, message: string) => `${ruleId} ${range} ${message}`;

function fromCli(m: EslintMessage): string {
  return row(m.ruleId, `${m.line - 1}:${m.column - 1}-${(m.endLine ?? m.line) - 1}:${(m.endColumn ?? m.column) - 1}`, m.message);
}

function fromServer(d: Diagnostic): string {
  const { start, end } = d.range;
  return row(String(d.code), `${start.line}:${start.character}-${end.line}:${end.character}`, typeof d.message === 'string' ? d.message : d.message.value);
}

test(`the CLI and the language server agree on ${SAMPLE} fuzzed files`, async () => {
  const docs = fc.sample(fuzzDocument(), { numRuns: SAMPLE, seed: 424242 });
  const files = docs.map((doc: FuzzDocument, i) => {
    const file = path.join(folder, `f${i}-${path.basename(doc.path)}`);
    fs.writeFileSync(file, doc.text, 'utf8');
    // What is on disk (lone surrogates are written as U+FFFD) is what both of them read.
    return { file, kind: doc.kind, text: fs.readFileSync(file, 'utf8') };
  });
  const out = execFileSync(process.execPath, [CLI, '-f', 'json', '--exit-zero', ...files.map((f) => f.file)], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const cli = new Map((JSON.parse(out) as Array<{ filePath: string; messages: EslintMessage[] }>).map((r) => [r.filePath, r.messages.map(fromCli)]));
  let compared = 0;
  for (const f of files) {
    const uri = pathToFileURL(f.file).href;
    await server.open(uri, languageIdFor(f.kind), f.text);
    const diagnostics = (await server.pull(uri)).map(fromServer);
    assert.deepEqual(diagnostics, cli.get(f.file) ?? [], f.file);
    compared += diagnostics.length;
  }
  assert.ok(compared >= SAMPLE, `${compared} findings compared`);
});
