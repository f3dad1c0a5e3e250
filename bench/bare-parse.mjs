// The floor for the CLI figure: one process that walks the same folder as `leonardo-lint` and does
// nothing but read every lintable file and parse it (ts.createSourceFile for TS/JS, JSON.parse for
// JSON; the other kinds are only read). `node bench/bare-parse.mjs <folder>`; prints the file count.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';

const KINDS = { '.ts': ts.ScriptKind.TS, '.tsx': ts.ScriptKind.TSX, '.js': ts.ScriptKind.JS, '.jsx': ts.ScriptKind.JSX };
const READ_ONLY = new Set(['.md', '.sh', '.http']);

let files = 0;
const stack = [process.argv[2]];
while (stack.length > 0) {
  const dir = stack.pop();
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules' && entry.name !== '.git') stack.push(full);
      continue;
    }
    const ext = entry.name.slice(entry.name.lastIndexOf('.'));
    if (!(ext in KINDS) && ext !== '.json' && !READ_ONLY.has(ext)) continue;
    const text = readFileSync(full, 'utf8');
    if (ext === '.json') JSON.parse(text);
    else if (ext in KINDS) ts.createSourceFile(full, text, ts.ScriptTarget.Latest, false, KINDS[ext]);
    files++;
  }
}
process.stdout.write(`${files}\n`);
