// No regular expression on a path that sees document text can be made to backtrack catastrophically.
//   1. Every regular expression literal in server/src (found on the syntax tree, so a new one is
//      checked the day it is written) runs on adversarial 100 KB inputs (long runs of spaces, quotes,
//      backslashes, braces, slashes, letters, and of the pattern's own words and characters, each
//      ended by a character that completes no match) within 50 ms per run.
//   2. The expressions built at run time (`new RegExp`) are listed, and every path is exercised
//      end to end: 100 KB adversarial documents of every kind through `analyze` (documents.ts), each
//      within 100 ms plus the time TypeScript's own parser takes on the text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import ts from 'typescript';
import { analyze } from '../../server/src/engine/analyze.js';
import { ROOT } from '../resilience/build.js';
import { adversarialDocuments } from './adversarial-documents.js';

const N = 100_000;
const LIMIT_MS = 50;

interface Found {
  where: string;
  regex: RegExp;
}

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? files(full) : e.name.endsWith('.ts') ? [full] : [];
  });
}

/** Every regex literal, and the source of every `new RegExp(…)`, in server/src. */
function scan(): { literals: Found[]; constructed: string[] } {
  const literals: Found[] = [];
  const constructed: string[] = [];
  for (const file of files(path.join(ROOT, 'server/src'))) {
    const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const where = (node: ts.Node) => `${path.relative(ROOT, file).split(path.sep).join('/')}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
    const visit = (node: ts.Node): void => {
      if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
        const text = node.getText();
        const slash = text.lastIndexOf('/');
        literals.push({ where: where(node), regex: new RegExp(text.slice(1, slash), text.slice(slash + 1)) });
      }
      if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'RegExp') constructed.push(where(node));
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return { literals, constructed };
}

/**
 * Literals that only ever see a bounded slice of text, with the bound: run on inputs of that size.
 * (`where` is the file; the pattern identifies the literal.)
 */
const BOUNDED: Array<{ file: string; source: string; length: number; reason: string }> = [
  { file: 'server/src/engine/extract/ts/context.ts', source: '\\s*[\\r\\n]\\s*', length: 320, reason: 'nodeText folds at most 320 characters (4 × its 80-character maximum)' },
  { file: 'server/src/engine/auth/exposed-env.ts', source: '\\s*[\\r\\n]\\s*', length: 320, reason: 'text() folds at most the first 320 characters of an expression' },
];

const run = (unit: string, length = N) => unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
const END = '\u0000';

/** Adversarial inputs for one pattern: generic runs, and runs of its own characters and words. */
function inputs(regex: RegExp, length: number): string[] {
  const units = new Set([' ', '\t', '\n', '"', "'", '\\', '/', '{', '}', '$', '-', '_', 'a', '0', ':', '.', '`', '#', '@', '=', '<', '*', '%', '&', '?']);
  for (const c of regex.source.replace(/\\[a-zA-Z]/g, '')) if (/[\x21-\x7e]/.test(c)) units.add(c);
  const out = [...units].flatMap((u) => [run(u, length) + END, `x${run(u, length)}${END}`]);
  for (const word of (regex.source.match(/[A-Za-z][\w-]{2,}/g) ?? []).slice(0, 4)) {
    out.push(run(`${word} `, length) + END, word + run(' ', length) + END, `${word}:${run(' ', length)}${END}`, `@${word} =${run(' ', length)}x${END}`);
  }
  out.push(run('a ', length) + END, run('\\"', length), run('{{', length), run('${', length), run('a-', length), run('1.', length), run(' :', length), run('a1_-', length));
  return out;
}

/** Milliseconds for the slowest input (all matches, for global patterns). */
function slowest(regex: RegExp, length: number): { ms: number; input: string } {
  let worst = { ms: 0, input: '' };
  for (const input of inputs(regex, length)) {
    const fresh = new RegExp(regex.source, regex.flags);
    const started = performance.now();
    if (fresh.global) input.replace(fresh, '');
    else fresh.test(input);
    const ms = performance.now() - started;
    if (ms > worst.ms) worst = { ms, input: JSON.stringify(input.slice(0, 12)) };
    if (ms > LIMIT_MS) break;
  }
  return worst;
}

test('every regular expression literal in server/src stays within 50 ms on adversarial 100 KB inputs', () => {
  const { literals } = scan();
  assert.ok(literals.length > 200, `${literals.length} literals`);
  const slow: string[] = [];
  for (const { where, regex } of literals) {
    const bounded = BOUNDED.find((b) => where.startsWith(`${b.file}:`) && b.source === regex.source);
    const worst = slowest(regex, bounded?.length ?? N);
    // A busy machine can stall any single run: a slow one is measured again before it counts.
    if (worst.ms > LIMIT_MS && slowest(regex, bounded?.length ?? N).ms > LIMIT_MS) slow.push(`${where} ${regex}: ${worst.ms.toFixed(0)} ms on ${worst.input}…`);
  }
  assert.deepEqual(slow, []);
});

test('each bounded literal is still applied to its bounded slice only', () => {
  const context = fs.readFileSync(path.join(ROOT, 'server/src/engine/extract/ts/context.ts'), 'utf8');
  assert.match(context, /ctx\.text\.slice\(start, Math\.min\(node\.end, start \+ max \* 4\)\)\.replace\(\/\\s\*\[\\r\\n\]\\s\*\/g/);
  const flowEnv = fs.readFileSync(path.join(ROOT, 'server/src/engine/auth/exposed-env.ts'), 'utf8');
  assert.match(flowEnv, /\.slice\(start, Math\.min\(node\.end, start \+ 320\)\)\.replace\(\/\\s\*\[\\r\\n\]\\s\*\/g/);
});

test('the regular expressions built at run time are the known ones, each covered by the documents below', () => {
  assert.deepEqual(
    scan().constructed.map((w) => w.replace(/:\d+$/, '')).sort(),
    [
      // `^(\s*)(?:(GET|POST|…)\s+)?(\S.*)$`, on a request line whose tail was cut by a linear pattern.
      'server/src/engine/extract/http.ts',
      // `"(?:key|key|…)"\s*:` of catalogue field names, tested on whole JSON files: alternatives of literals.
      'server/src/engine/extract/json.ts',
      // Moderation terms as whole words (`(?<![\p{L}\p{N}_])(?:term|…)(?![\p{L}\p{N}_])`): on prompts.
      'server/src/engine/rules/content-moderation.ts',
      // A request path with placeholders as `.+` (`^/?(?:.+/)?a/.+$`), tested on catalogue paths only.
      'server/src/engine/rules/unknown-endpoint.ts',
      // A written path segment to replace, as a literal (`/generation(?=[/?#'"`$]|$)`), on the URL's text: the curl URLs.
      'server/src/engine/rules/unknown-endpoint.ts',
    ],
  );
});

function parseTime(text: string, kind: string): number {
  if (kind !== 'typescript' && kind !== 'javascript') return 0;
  const started = performance.now();
  try {
    ts.createSourceFile('adversarial.ts', text, ts.ScriptTarget.Latest, false);
  } catch {
    // Nested too deeply for the parser: the engine skips such a file (its time is what it took to find out).
  }
  return performance.now() - started;
}

test('adversarial 100 KB documents of every kind, through every extractor and rule, in bounded time', () => {
  const slow: string[] = [];
  const docs = adversarialDocuments();
  assert.ok(docs.length > 250);
  for (const doc of docs) {
    let best = Infinity;
    for (let attempt = 0; attempt < 2 && best > 100; attempt++) {
      const started = performance.now();
      analyze(doc);
      best = Math.min(best, performance.now() - started - parseTime(doc.text, doc.kind));
    }
    if (best > 100) slow.push(`${doc.name} (${doc.kind}, ${doc.text.length} characters): ${best.toFixed(0)} ms beyond the parser`);
  }
  assert.deepEqual(slow, []);
});
