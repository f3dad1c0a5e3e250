// SARIF for code scanning: the CLI's output validates against SARIF 2.1.0 (the schema's definitions
// for every object written, transcribed in fixtures/: no installed package ships the schema, and
// tests stay offline), each result points at its rule by ruleIndex, and partialFingerprints follow a
// finding across commits: lines added above it or edits elsewhere keep it, an edit of its line does not.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { getLanguageService, TextDocument } from 'vscode-json-languageservice';
import { runCli } from '../../server/src/cli/main.js';

let dir: string;
before(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'leonardo-lint-sarif-'));
});
after(() => fs.rmSync(dir, { recursive: true, force: true }));

const SCHEMA = JSON.parse(fs.readFileSync(path.join(import.meta.dirname, 'fixtures', 'sarif-2.1.0-subset.schema.json'), 'utf8'));

async function schemaErrors(sarifText: string): Promise<string[]> {
  const service = getLanguageService({});
  // The log names the schema by its $schema URI: that URI is served the transcription, offline.
  service.configure({ validate: true, schemas: [{ uri: 'https://json.schemastore.org/sarif-2.1.0.json', fileMatch: ['*.sarif'], schema: SCHEMA }] });
  const doc = TextDocument.create('file:///out.sarif', 'json', 1, sarifText);
  const diagnostics = await service.doValidation(doc, service.parseJSONDocument(doc));
  return diagnostics.map((d) => `${d.range.start.line + 1}: ${typeof d.message === 'string' ? d.message : d.message.value}`);
}

interface SarifResult {
  ruleId: string;
  ruleIndex?: number;
  partialFingerprints: Record<string, string>;
  locations: Array<{ physicalLocation: SarifPhysicalLocation }>;
  relatedLocations?: Array<{ id: number; physicalLocation: SarifPhysicalLocation; message: { text: string } }>;
}

interface SarifPhysicalLocation {
  artifactLocation: { uri: string };
  region: { startLine: number; startColumn: number; endLine: number; endColumn: number };
}

async function sarifOf(files: Record<string, string>): Promise<{ text: string; results: SarifResult[]; rules: Array<{ id: string; helpUri: string; defaultConfiguration: { level: string } }> }> {
  const paths = Object.entries(files).map(([name, text]) => {
    const file = path.join(dir, name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
    return file;
  });
  let out = '';
  const code = await runCli(['--format', 'sarif', ...paths], { out: (t) => (out += t), err: () => undefined, stdin: async () => '', isTty: false });
  assert.ok(code === 0 || code === 1, `exit ${code}`);
  const run = JSON.parse(out).runs[0];
  return { text: out, results: run.results, rules: run.tool.driver.rules };
}

const APP = (before: string, fields: string) => `import fetch from 'node-fetch';
${before}
export async function generate(prompt: string) {
  const body = { prompt, ${fields} };
  const res = await fetch('https://cloud.leonardo.ai/api/rest/v1/generations', {
    method: 'POST',
    headers: { authorization: \`Bearer \${process.env.LEONARDO_API_KEY}\`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return res.json();
}

export async function generateMany(prompt: string) {
  const body = { prompt, ${fields} };
  return fetch('https://cloud.leonardo.ai/api/rest/v1/generations', { method: 'POST', headers: { authorization: \`Bearer \${process.env.LEONARDO_API_KEY}\` }, body: JSON.stringify(body) });
}
`;

test('the SARIF validates against the SARIF 2.1.0 definitions, and the check can fail', async () => {
  const { text, results } = await sarifOf({
    'validate/app.ts': APP('', "Width: 1024, guidance_scale: 25, presetStyle: 'cinematic'"),
    'validate/notes.md': '```sh\ncurl -X POST https://cloud.leonardo.ai/api/rest/v1/generation -H "authorization: $KEY" -d \'{"prompt": "a fox"}\'\n```\n',
    'validate/dir with space/a.leonardo.json': '{ "prompt": "x", "num_images": 12 }\n',
  });
  assert.ok(results.length >= 6, `${results.length} results`);
  assert.deepEqual(await schemaErrors(text), []);
  // The same check rejects what SARIF forbids: a property it does not define, a result without a message.
  const log = JSON.parse(text);
  log.runs[0].results[0].fingerprint = 'x';
  delete log.runs[0].results[1].message;
  log.runs[0].results[2].ruleIndex = 'one';
  log.runs[0].results[3].relatedLocations = [{ id: 'lib', physicalLocation: { artifactLocation: { uri: 'lib.ts' } }, message: 'a string, not a message' }];
  const errors = await schemaErrors(JSON.stringify(log, null, 2));
  assert.equal(errors.length, 5, errors.join('\n'));
});

test('a finding made through another file carries that file as relatedLocations: valid SARIF, URIs relative as the primary location', async () => {
  const { text, results } = await sarifOf({
    'related/package.json': '{ "name": "app" }',
    'related/src/lib/leonardo.ts': `import axios from 'axios';
export const leonardo = axios.create({ baseURL: 'https://cloud.leonardo.ai/api/rest/v1', headers: { Authorization: \`Bearer \${process.env.LEONARDO_API_KEY}\` } });
export const generateImage = (params: object) => leonardo.post('/generations', params).then((r) => r.data);
`,
    'related/src/app/route.ts': `import { generateImage } from '../lib/leonardo';
export async function POST() {
  return Response.json(await generateImage({ prompt: 'a harbour', height: 1030 }));
}
`,
  });
  assert.deepEqual(await schemaErrors(text), []);
  const finding = results.find((r) => r.ruleId === 'invalid-dimensions');
  assert.ok(finding, JSON.stringify(results, null, 1));
  const primary = finding.locations[0].physicalLocation;
  assert.match(primary.artifactLocation.uri, /related\/src\/app\/route\.ts$/);
  assert.equal(primary.region.startLine, 3);
  assert.deepEqual(finding.relatedLocations, [
    {
      id: 1,
      physicalLocation: {
        // Relative to the working folder, as the primary location's URI is.
        artifactLocation: { uri: primary.artifactLocation.uri.replace('app/route.ts', 'lib/leonardo.ts') },
        region: { startLine: 3, startColumn: 14, endLine: 3, endColumn: 27 },
      },
      message: { text: "'generateImage': the function that sends this request" },
    },
  ]);
  // A finding made in its own file has none.
  assert.ok(results.filter((r) => r.relatedLocations === undefined).length + 1 === results.length, JSON.stringify(results.map((r) => r.ruleId)));
});

test('every result points at its rule by ruleIndex; the rules carry help URIs and default levels', async () => {
  const { results, rules } = await sarifOf({
    'index/app.ts': APP('// leonardo-lint-disable-next-line invalid-enum\n', "Width: 1024, guidance_scale: 25, presetStyle: 'cinematic'"),
  });
  assert.ok(results.some((r) => r.ruleId === 'unused-disable-directive'));
  for (const r of results) assert.equal(rules[r.ruleIndex!].id, r.ruleId);
  const unknownField = rules.find((r) => r.id === 'unknown-field')!;
  assert.match(unknownField.helpUri, /docs\/rules\/unknown-field\.md$/);
  assert.equal(unknownField.defaultConfiguration.level, 'error');
  assert.equal(rules.find((r) => r.id === 'content-moderation')!.defaultConfiguration.level, 'note');
});

test('partialFingerprints: stable when lines move or other lines change; distinct per occurrence; new when the line changes', async () => {
  const fields = "Width: 1024, guidance_scale: 25";
  const fingerprints = async (name: string, text: string) =>
    (await sarifOf({ [name]: text })).results.map((r) => `${r.ruleId} ${r.partialFingerprints.primaryLocationLineHash}`);
  const first = await fingerprints('fp/app.ts', APP('', fields));
  assert.equal(first.length, 4); // two rules, on two identical lines
  assert.equal(new Set(first).size, 4, 'the same finding on two identical lines is two occurrences');
  assert.match(first[0], / [0-9a-f]{16}:1$/);
  // Lines added above, and another line edited: every finding keeps its fingerprint.
  const moved = await fingerprints('fp/app.ts', APP('\nconst LOG = true;\n\n', fields).replace("return res.json();", 'return await res.json();'));
  assert.deepEqual(moved, first);
  // Another file with the same code: the same fingerprints (they name the finding; the location names the file).
  assert.deepEqual(await fingerprints('fp/copy/app.ts', APP('', fields)), first);
  // The finding's own line edited: new fingerprints for it.
  const edited = await fingerprints('fp/app.ts', APP('', "Width: 1024, guidance_scale: 25, height: 768"));
  assert.equal(edited.filter((f) => first.includes(f)).length, 0);
});
