// Architecture invariants that a reviewer would otherwise have to remember (ARCHITECTURE.md).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sourceFiles(full));
    else if (entry.name.endsWith('.ts')) out.push(full);
  }
  return out;
}

test('the engine and the catalogue import nothing from VS Code or LSP packages', () => {
  const offenders = [...sourceFiles('server/src/engine'), ...sourceFiles('server/src/api')].filter((file) =>
    /from\s+['"](vscode|vscode-languageserver[^'"]*|vscode-languageclient[^'"]*)['"]/.test(fs.readFileSync(file, 'utf8')),
  );
  assert.deepEqual(offenders, []);
});

test('nothing in the engine evaluates code or opens connections', () => {
  const pattern = /\beval\s*\(|new\s+Function\s*\(|from\s+['"]node:(net|http|https|tls|dgram|child_process)['"]|require\(\s*['"](net|http|https|child_process)['"]\s*\)/;
  const offenders = [...sourceFiles('server/src/engine'), ...sourceFiles('server/src/api')].filter((file) =>
    pattern.test(fs.readFileSync(file, 'utf8')),
  );
  assert.deepEqual(offenders, []);
});

test('the whole-file passes over the index read only the node kinds the index lists', async () => {
  const { LISTED_KINDS } = await import('../../server/src/engine/extract/ts/scope.js');
  const ts = (await import('typescript')).default;
  const listed = new Set<number>(LISTED_KINDS);
  const kinds = ts.SyntaxKind as unknown as Record<string, number>;
  const facts = fs.readFileSync('server/src/engine/flow/file-facts.ts', 'utf8');
  const loop = facts.slice(facts.indexOf('for (const node of index.nodes)'), facts.indexOf('facts.accesses.sort'));
  const read = [...loop.matchAll(/case SK\.(\w+):/g)].map((m) => m[1]!);
  const rule = fs.readFileSync('server/src/engine/rules/client-exposed-api-key.ts', 'utf8');
  read.push(...[...rule.matchAll(/= ts\.SyntaxKind\.(\w+);\s*\n\s*for \(const node of parsed\.index\.nodes\)/g)].map((m) => m[1]!));
  assert.ok(read.length >= 12, `found the kinds read: ${read.join(', ')}`);
  assert.deepEqual(read.filter((name) => !listed.has(kinds[name]!)), []);
});
