// The engine figures: analyze() in this process against the floor (TypeScript's own parse of the
// same text) and against peers (ESLint with the TypeScript parser; vscode-json-languageservice
// with a schema generated from the catalogue). Every run gets its own copy of the text (a trailing
// comment with the run number), so no cache keyed by text can answer for the work.

import * as fs from 'node:fs';
import * as path from 'node:path';
import * as tsParser from '@typescript-eslint/parser';
import { Linter, type Rule as EslintRule } from 'eslint';
import ts from 'typescript';
import { getLanguageService, TextDocument, type Diagnostic as JsonDiagnostic } from 'vscode-json-languageservice';
import { getCatalogue } from '../server/src/api/catalogue.js';
import { analyze } from '../server/src/engine/analyze.js';
import type { LintConfig } from '../server/src/engine/config/lint-config.js';
import type { Finding } from '../server/src/engine/types.js';
import type { Corpus, JsonCorpus } from './corpus.js';
import { endpointSchema } from './json-schema.js';
import { cpuMs, median, round, sideBySide, type Result } from './measure.js';

/**
 * Copies of `text`, one per run, that differ only in a trailing comment. Each is made flat before
 * it is timed: a concatenation is a rope that V8 copies into one string the first time it is read
 * (0.2 ms for 66 KB here), and neither the editor (JSON.parse) nor the CLI (readFileSync) hands
 * the engine a rope. The baseline gets the same flat strings.
 */
export function variants(text: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => {
    const copy = `${text}\n// run ${i}\n`;
    copy.indexOf('\u0000'); // reading it flattens it in place
    return copy;
  });
}

function parseOnly(file: string, text: string): ts.SourceFile {
  return ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
}

/** TypeScript's parse with parent pointers: the floor of a whole-file analysis (every rule reads a node's parent). */
function parseWithParents(file: string, text: string): ts.SourceFile {
  return ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
}

function lintTs(file: string, text: string) {
  return analyze({ text, kind: 'typescript', path: file });
}

interface Timed {
  engine: number;
  parse: number;
}

async function engineVsParse(
  file: string,
  warmup: number,
  runs: number,
  parse: (file: string, text: string) => ts.SourceFile = parseOnly,
): Promise<Timed> {
  const texts = variants(fs.readFileSync(file, 'utf8'), warmup + runs);
  // CPU time: on a shared machine the clock's medians moved the ratio by more than the work measured.
  // Medians, not each side's fastest run: the analysis's collections are its own cost.
  const pair = await sideBySide(
    (i) => lintTs(file, texts[i]),
    (i) => parse(file, texts[i]),
    { warmup, runs, clock: 'cpu' },
  );
  return { engine: median(pair.figure), parse: median(pair.baseline) };
}

/**
 * What the least a whole-file analysis does on top of the parse costs, as ratios to the same parse:
 * TypeScript's own parse with parent pointers (every rule reads a node's parent), and one walk of
 * every node of a parsed tree, doing nothing (the parse is not timed).
 */
async function floors(file: string, warmup: number, runs: number): Promise<{ parents: number; walk: number }> {
  const texts = variants(fs.readFileSync(file, 'utf8'), warmup + runs);
  const withParents = await sideBySide(
    (i) => parseWithParents(file, texts[i]),
    (i) => parseOnly(file, texts[i]),
    { warmup, runs },
  );
  const visit = (node: ts.Node): void => node.forEachChild(visit);
  const trees = texts.map((text) => parseOnly(file, text));
  const walks = await sideBySide(
    (i) => visit(trees[i]),
    () => undefined,
    { warmup, runs },
  );
  const parse = median(withParents.baseline);
  return { parents: median(withParents.figure) / parse, walk: median(walks.figure) / parse };
}

function floorNote(floor: { parents: number; walk: number }): string {
  return `; against the bare parse (no parent pointers): the parse with parents ${round(floor.parents, 2)}×, a bare walk of every node ${round(floor.walk, 2)}×`;
}

/** A figure `t.engine` against its baseline `t.parse`, as a ratio with a limit. */
export function ratioResult(name: string, t: Timed, limit: number, detail: string): Result {
  const ratio = t.engine / t.parse;
  return {
    name,
    value: round(t.engine, 3),
    unit: 'ms',
    baseline: round(t.parse, 3),
    ratio: round(ratio, 3),
    target: `ratio ≤ ${limit}`,
    pass: ratio <= limit,
    detail,
  };
}

export async function engineTsFigures(corpus: Corpus): Promise<Result[]> {
  // The baseline of ts-2k and ts-20k is TypeScript's parse with parent pointers, measured side by
  // side in the same run: the least a whole-file analysis costs, and a ratio that holds as the
  // machine's speed drifts.
  const small = await engineVsParse(corpus.ts2k, 15, 41, parseWithParents);
  const large = await engineVsParse(corpus.ts20k, 4, 15, parseWithParents);
  const plain = await engineVsParse(corpus.plain2k, 15, 41);
  const smallFloor = floorNote(await floors(corpus.ts2k, 15, 41));
  const largeFloor = floorNote(await floors(corpus.ts20k, 4, 15));
  const perLine = large.engine / 20 / small.engine;
  const ts20k = ratioResult('engine/ts-20k', large, 1.2, `analyze() vs ts.createSourceFile with parent pointers, 20,000 lines, 200 requests, CPU time, medians; per-line cost ${round(perLine, 3)}× ts-2k${largeFloor}`);
  ts20k.target = 'ratio ≤ 1.2; per-line ≤ 1.2× ts-2k';
  ts20k.pass = ts20k.pass && perLine <= 1.2;
  return [
    ratioResult('engine/ts-2k', small, 1.2, `analyze() vs ts.createSourceFile with parent pointers, 2,000 lines, 20 requests, CPU time, medians${smallFloor}`),
    ts20k,
    ratioResult('engine/no-leonardo', plain, 0.05, 'analyze() vs ts.createSourceFile (no parent pointers), 2,000 lines that never call Leonardo'),
  ];
}

/**
 * ESLint 9's Linter with @typescript-eslint/parser and one rule that reports `debugger` statements,
 * and any further config entries (the ESLint plugin's figure adds the plugin's).
 */
export function eslintLinter(...extra: Linter.Config[]): (file: string, text: string) => Linter.LintMessage[] {
  const rule: EslintRule.RuleModule = {
    meta: { type: 'problem', schema: [] },
    create: (context) => ({ DebuggerStatement: (node) => context.report({ node, message: 'debugger statement' }) }),
  };
  const linter = new Linter({ configType: 'flat' });
  const config: Linter.Config[] = [
    {
      files: ['**/*.{ts,tsx,js}'],
      languageOptions: { parser: tsParser, ecmaVersion: 'latest', sourceType: 'module' },
      plugins: { bench: { rules: { 'no-debugger-statement': rule } } },
      rules: { 'bench/no-debugger-statement': 'error' },
    },
    ...extra,
  ];
  return (file, text) => {
    const messages = linter.verify(text, config, { filename: file });
    const fatal = messages.find((m) => m.fatal);
    if (fatal) throw new Error(`ESLint could not parse ${file}: ${fatal.message}`);
    return messages;
  };
}

export async function engineVsEslint(corpus: Corpus): Promise<Result> {
  const file = corpus.ts2k;
  const eslint = eslintLinter();
  const runs = 21;
  const texts = variants(fs.readFileSync(file, 'utf8'), 5 + runs);
  const name = path.basename(file);
  const pair = await sideBySide(
    (i) => lintTs(file, texts[i]),
    (i) => eslint(name, texts[i]),
    { warmup: 5, runs },
  );
  const t = { engine: median(pair.figure), parse: median(pair.baseline) };
  return ratioResult('engine/vs-eslint', t, 0.25, 'analyze() vs ESLint 9 Linter.verify (@typescript-eslint/parser, one trivial rule), 2,000 lines');
}

// -- JSON ------------------------------------------------------------------------------------------

interface JsonFile {
  file: string;
  text: string;
  folder: string;
}

function jsonSetup(json: JsonCorpus) {
  const catalogue = getCatalogue();
  const config: LintConfig = {
    requestFiles: Object.fromEntries(Object.entries(json.endpoints).map(([folder, endpoint]) => [`${folder}/*.json`, endpoint])),
    baseDir: json.dir,
  };
  const service = getLanguageService({});
  service.configure({
    validate: true,
    allowComments: false,
    schemas: Object.entries(json.endpoints).map(([folder, endpoint]) => {
      const [method, p] = endpoint.split(' ') as [string, string];
      const found = catalogue.match(method, p);
      if (!found) throw new Error(`the catalogue has no ${endpoint}`);
      return { uri: `bench://schemas/${folder}.json`, fileMatch: [`requests/${folder}/*.json`], schema: endpointSchema(found.endpoint) };
    }),
  });
  const files: JsonFile[] = json.files.map((file) => ({
    file,
    text: fs.readFileSync(file, 'utf8'),
    folder: path.basename(path.dirname(file)),
  }));
  const engine = (f: JsonFile): Finding[] => analyze({ text: f.text, kind: 'json', path: f.file }, { config }).findings;
  const validate = (f: JsonFile, version: number): PromiseLike<JsonDiagnostic[]> => {
    const doc = TextDocument.create(`file://${f.file}`, 'json', version, f.text);
    return service.doValidation(doc, service.parseJSONDocument(doc));
  };
  return { files, engine, validate };
}

/** How many files each side lints before the other takes its turn. */
const JSON_CHUNK = 50;

/**
 * Both sides over the 1,000 files, interleaved a chunk at a time (a slow moment of a shared machine
 * then falls on both alike, not on one whole run), timed by the process's CPU time (the moments it
 * waits for a core are not counted), each chunk's fastest run (noise only ever adds time), summed.
 */
async function jsonSideBySide(setup: ReturnType<typeof jsonSetup>, { warmup, runs }: { warmup: number; runs: number }): Promise<{ engine: number; schema: number }> {
  const chunks: JsonFile[][] = [];
  for (let i = 0; i < setup.files.length; i += JSON_CHUNK) chunks.push(setup.files.slice(i, i + JSON_CHUNK));
  const engine = chunks.map(() => Infinity);
  const schema = chunks.map(() => Infinity);
  for (let i = 0; i < warmup + runs; i++) {
    for (let c = 0; c < chunks.length; c++) {
      const sides: Array<[() => unknown, number[]]> = [
        [() => { for (const f of chunks[c]) setup.engine(f); }, engine],
        [async () => { for (const f of chunks[c]) await setup.validate(f, i + 1); }, schema],
      ];
      if ((i + c) % 2 === 1) sides.reverse();
      for (const [side, fastest] of sides) {
        const started = cpuMs();
        await side();
        const used = cpuMs() - started;
        if (i >= warmup) fastest[c] = Math.min(fastest[c], used);
      }
    }
  }
  const total = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  return { engine: total(engine), schema: total(schema) };
}

/** What a schema diagnostic says, and the engine rules that say the same thing. */
const SCHEMA_KINDS: Array<[RegExp, string[]]> = [
  [/not allowed/i, ['unknown-field', 'deprecated-field']],
  [/missing property/i, ['missing-required']],
  [/incorrect type/i, ['type-mismatch']],
  [/not accepted|valid values/i, ['invalid-enum', 'out-of-range', 'invalid-dimensions', 'type-mismatch']],
  [/minimum|maximum|divisible|multiple/i, ['out-of-range', 'invalid-dimensions', 'too-many-images']],
];

interface Coverage {
  schemaFindings: number;
  engineFindings: number;
  missed: string[];
}

/** Is every schema diagnostic also an engine finding of a matching rule on an overlapping span? */
async function compareFindings(setup: ReturnType<typeof jsonSetup>): Promise<Coverage> {
  const out: Coverage = { schemaFindings: 0, engineFindings: 0, missed: [] };
  for (const f of setup.files) {
    const findings = setup.engine(f);
    const doc = TextDocument.create(`file://${f.file}`, 'json', 0, f.text);
    const diagnostics = await setup.validate(f, 0);
    out.engineFindings += findings.length;
    out.schemaFindings += diagnostics.length;
    for (const d of diagnostics) {
      const start = doc.offsetAt(d.range.start);
      const end = doc.offsetAt(d.range.end);
      const message = typeof d.message === 'string' ? d.message : d.message.value;
      const rules = SCHEMA_KINDS.find(([re]) => re.test(message))?.[1];
      const covered = findings.some(
        (x) => (!rules || rules.includes(x.ruleId)) && x.span.start <= Math.max(end, start + 1) && start <= Math.max(x.span.end, x.span.start + 1),
      );
      if (!covered) out.missed.push(`${path.relative(path.dirname(setup.files[0].file), f.file)}:${d.range.start.line + 1}: ${message}`);
    }
  }
  return out;
}

export async function engineJsonFigure(corpus: Corpus): Promise<Result> {
  const setup = jsonSetup(corpus.json);
  const coverage = await compareFindings(setup);
  const { engine, schema } = await jsonSideBySide(setup, { warmup: 2, runs: 9 });
  const ratio = engine / schema;
  const superset = coverage.missed.length === 0;
  const missed = coverage.missed.slice(0, 5).join('; ');
  return {
    name: 'engine/json-1000',
    value: round(engine, 2),
    unit: 'ms',
    baseline: round(schema, 2),
    ratio: round(ratio, 3),
    target: 'ratio ≤ 1.0; findings ⊇ schema validator',
    pass: ratio <= 1.0 && superset,
    detail:
      `1,000 request files: analyze() vs vscode-json-languageservice parse + doValidation with the catalogue's JSON Schema, ` +
      `CPU time, interleaved ${JSON_CHUNK} files at a time, each chunk's fastest of 9 runs; ` +
      `schema validator ${coverage.schemaFindings} diagnostics, engine ${coverage.engineFindings} findings, ` +
      `${coverage.missed.length} schema diagnostics without an engine finding${missed ? ` (${missed})` : ''}`,
  };
}
