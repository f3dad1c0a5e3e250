// The regular expressions of server/src and the adversarial inputs they are run on (regex.test.ts, and
// the budgeted child process it starts, regex-budget.ts).
import * as fs from 'node:fs';
import * as path from 'node:path';
import ts from 'typescript';
import { ROOT } from '../resilience/build.js';

export const N = 100_000;

/** A pattern that backtracks exponentially: the budgeted run must report it, or it proves nothing. */
export const CANARY = '(a+)+b';

export interface Found {
  where: string;
  source: string;
  flags: string;
}

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? files(full) : e.name.endsWith('.ts') ? [full] : [];
  });
}

/** Every regex literal, and the place of every `new RegExp(…)`, in server/src (found on the syntax tree). */
export function scan(): { literals: Found[]; constructed: string[] } {
  const literals: Found[] = [];
  const constructed: string[] = [];
  for (const file of files(path.join(ROOT, 'server/src'))) {
    const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const where = (node: ts.Node) => `${path.relative(ROOT, file).split(path.sep).join('/')}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
    const visit = (node: ts.Node): void => {
      if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
        const text = node.getText();
        const slash = text.lastIndexOf('/');
        literals.push({ where: where(node), source: text.slice(1, slash), flags: text.slice(slash + 1) });
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
export const BOUNDED: Array<{ file: string; source: string; length: number; reason: string }> = [
  { file: 'server/src/engine/extract/ts/context.ts', source: '\\s*[\\r\\n]\\s*', length: 320, reason: 'nodeText folds at most 320 characters (4 × its 80-character maximum)' },
  { file: 'server/src/engine/auth/exposed-env.ts', source: '\\s*[\\r\\n]\\s*', length: 320, reason: 'text() folds at most the first 320 characters of an expression' },
];

/** The input length a literal is run on: its bound, or N. */
export function lengthFor({ where, source }: Found): number {
  return BOUNDED.find((b) => where.startsWith(`${b.file}:`) && b.source === source)?.length ?? N;
}

const run = (unit: string, length = N) => unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
const END = '\u0000';

/** Adversarial inputs for one pattern: generic runs, and runs of its own characters and words, each ended by a character that completes no match. */
export function inputs(source: string, length: number): string[] {
  const units = new Set([' ', '\t', '\n', '"', "'", '\\', '/', '{', '}', '$', '-', '_', 'a', '0', ':', '.', '`', '#', '@', '=', '<', '*', '%', '&', '?']);
  for (const c of source.replace(/\\[a-zA-Z]/g, '')) if (/[\x21-\x7e]/.test(c)) units.add(c);
  const out = [...units].flatMap((u) => [run(u, length) + END, `x${run(u, length)}${END}`]);
  for (const word of (source.match(/[A-Za-z][\w-]{2,}/g) ?? []).slice(0, 4)) {
    out.push(run(`${word} `, length) + END, word + run(' ', length) + END, `${word}:${run(' ', length)}${END}`, `@${word} =${run(' ', length)}x${END}`);
  }
  out.push(run('a ', length) + END, run('\\"', length), run('{{', length), run('${', length), run('a-', length), run('1.', length), run(' :', length), run('a1_-', length));
  return out;
}
