// ARCHITECTURE.md's code map names every folder and every file under server/src, so a newcomer goes
// from the map to any behaviour in one hop. A file counts as named when a bullet of the map writes
// its path (in backquotes) relative to the folder that bullet, or one of its parent bullets, is about
// (`- \`server/src/engine/\`` … `- \`flow/\`` … `` `types.ts` ``), or from the repository root;
// `<rule-id>` in a path stands for any name. So `types.ts` under the api bullet names
// server/src/api/types.ts, not server/src/engine/flow/types.ts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../..');

interface Bullet {
  /** The folders this bullet and its parent bullets are about, innermost first, then the root (''). */
  bases: string[];
  /** The backquoted paths the bullet writes. */
  paths: string[];
}

/** The `- ` bullets of the `## Code map` section, with what each is about. */
function bulletsOf(markdown: string): Bullet[] {
  const start = markdown.indexOf('## Code map');
  assert.ok(start >= 0, 'ARCHITECTURE.md has a "## Code map" section');
  const end = markdown.indexOf('\n## ', start + 1);
  const lines = markdown.slice(start, end < 0 ? undefined : end).split('\n');
  const raw: Array<{ indent: number; text: string }> = [];
  for (const line of lines) {
    const bullet = /^(\s*)- (.*)$/.exec(line);
    if (bullet) raw.push({ indent: bullet[1].length, text: bullet[2] });
    else if (raw.length > 0 && line.trim() !== '' && /^\s/.test(line)) raw[raw.length - 1].text += ` ${line.trim()}`;
  }
  const bullets: Bullet[] = [];
  const open: Array<{ indent: number; bases: string[] }> = [];
  for (const { indent, text } of raw) {
    while (open.length > 0 && open[open.length - 1].indent >= indent) open.pop();
    const parentBases = open[open.length - 1]?.bases ?? [''];
    const paths = [...text.matchAll(/`([^`\s]+)`/g)].map((m) => m[1]).filter((p) => p.includes('/') || /\.\w+$/.test(p));
    const folder = paths.find((p) => p.endsWith('/'));
    const own = folder === undefined ? undefined : folder.startsWith('server/') ? folder.slice(0, -1) : path.posix.join(parentBases[0], folder.slice(0, -1));
    const bases = own === undefined ? parentBases : [own, ...parentBases];
    open.push({ indent, bases });
    bullets.push({ bases, paths });
  }
  return bullets;
}

function pattern(written: string): RegExp {
  const escaped = written.replace(/\/$/, '').replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/<[^>]+>/g, '[^/]+');
  return new RegExp(`^${escaped}$`);
}

/** The files and folders of `entries` (paths from the root) that no bullet names. */
function unnamed(markdown: string, entries: readonly string[]): string[] {
  const named: RegExp[] = [];
  for (const bullet of bulletsOf(markdown)) {
    for (const base of bullet.bases) {
      named.push(pattern(base));
      for (const written of bullet.paths) named.push(pattern(path.posix.join(base, written)));
    }
  }
  return entries.filter((entry) => !named.some((re) => re.test(entry)));
}

function entriesUnder(dir: string): string[] {
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const full = path.posix.join(dir, entry.name);
    return entry.isDirectory() ? [full, ...entriesUnder(full)] : [full];
  });
}

test('ARCHITECTURE.md names every folder and file under server/src', () => {
  const markdown = fs.readFileSync(path.join(ROOT, 'ARCHITECTURE.md'), 'utf8');
  const entries = entriesUnder('server/src');
  assert.ok(entries.length > 100, `${entries.length} files and folders`);
  assert.deepEqual(unnamed(markdown, entries), [], 'add these to the code map, in the bullet of their folder');
});

test('the map check fails for a file named only in another folder, or not at all', () => {
  const map = [
    '## Code map',
    '- `server/src/api/` — the catalogue.',
    '  - `types.ts`: types.',
    '- `server/src/engine/`',
    '  - `flow/`: origins. `analysis.ts`.',
    '  - `rules/`: `<rule-id>.ts`, one per file.',
    '  - `extract/`: extractors.',
    '    - `typescript.ts` (+ `ts/`): TS/JS.',
    '      `scope.ts`: names.',
    '## Invariants',
    '- `server/src/engine/flow/types.ts` is only named down here.',
  ].join('\n');
  const entries = [
    'server/src/api',
    'server/src/api/types.ts',
    'server/src/engine/flow',
    'server/src/engine/flow/analysis.ts',
    'server/src/engine/flow/types.ts',
    'server/src/engine/rules/auth-header.ts',
    'server/src/engine/rules/nested/x.ts',
    'server/src/engine/extract/typescript.ts',
    'server/src/engine/extract/ts/scope.ts',
    'server/src/engine/knowledge',
  ];
  assert.deepEqual(unnamed(map, entries), ['server/src/engine/flow/types.ts', 'server/src/engine/rules/nested/x.ts', 'server/src/engine/knowledge']);
});
