// The workspace listing reads .gitignore files as git does: negations, nested files, folder-only,
// anchored and `**` patterns, escapes; a file cannot be re-included when a parent folder is excluded.
// Checked against stated expectations on a realistic monorepo, and against git itself (`git ls-files
// --others --exclude-standard` in a fresh repository of the same files) when git is installed.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { isIgnored, parseGitignore } from '../../server/src/lsp/gitignore.js';
import { listFiles } from '../../server/src/lsp/workspace-index.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'leonardo-lint-gitignore-'));
after(() => fs.rmSync(dir, { recursive: true, force: true }));

const SOURCE = 'export const x = 1;\n';

/** A Next.js app and a package in a monorepo, with the ignore files such projects have. */
const FILES: Record<string, string> = {
  '.gitignore': `# dependencies
/node_modules
/.pnp
.pnp.js

# next.js
/.next/
/out/

# production
/build

# misc
.DS_Store
*.pem

# local env files
.env*.local

# generated clients, except the one checked in
*.generated.ts
!keep.generated.ts

# logs: the folder's files, but one is kept
logs/*
!logs/important.ts

# build output anywhere; a re-include inside it cannot work (its folder is excluded)
dist/
!dist/keep.ts

# fixtures folders at any depth
**/fixtures/**

# a name with glob-looking characters; trailing spaces dropped, unless escaped
{a,b}.ts
spaced.ts   
kept.ts\\ 

# scratch files, but not a folder of that name
scratch.ts
tmp/
`,
  'src/lib/leonardo.ts': SOURCE,
  'src/lib/leonardo.generated.ts': SOURCE,
  'src/lib/keep.generated.ts': SOURCE,
  'src/app/page.tsx': SOURCE,
  'build/server.js': SOURCE,
  'src/build/helper.ts': SOURCE, // `/build` is anchored: this one stays
  '.next/server/app.js': SOURCE,
  'out/index.js': SOURCE,
  'src/out/index.ts': SOURCE, // `/out/` is anchored too
  'logs/debug.ts': SOURCE,
  'logs/important.ts': SOURCE,
  'logs/nested/deep.ts': SOURCE, // `logs/*` excludes the folder logs/nested: nothing in it comes back
  'dist/bundle.js': SOURCE,
  'dist/keep.ts': SOURCE,
  'packages/ui/dist/index.js': SOURCE,
  'packages/ui/src/index.ts': SOURCE,
  'test/fixtures/request.json': '{}\n',
  'packages/ui/test/fixtures/deep/x.ts': SOURCE,
  'test/fixtures.ts': SOURCE, // a file named like the folder is not inside it
  '{a,b}.ts': SOURCE,
  'a.ts': SOURCE,
  'spaced.ts': SOURCE,
  'kept.ts': SOURCE,
  'src/scratch.ts': SOURCE,
  'src/scratch.ts.bak.ts': SOURCE,
  'src/tmp.ts': SOURCE, // `tmp/` matches folders only
  'src/tmp/t.ts': SOURCE,
  // A nested ignore file: its patterns are relative to its folder and come before the root's.
  'packages/web/.gitignore': `/generated/
!legacy.generated.ts
src/old.ts
# a negation of a folder the root's file excludes, from deeper down
!/dist/
`,
  'packages/web/generated/client.ts': SOURCE,
  'packages/web/src/generated/client.ts': SOURCE, // anchored `/generated/`: only the package's top folder
  'packages/web/src/legacy.generated.ts': SOURCE,
  'packages/web/src/api.generated.ts': SOURCE,
  'packages/web/src/old.ts': SOURCE,
  'packages/web/src/src/old.ts': SOURCE,
  'packages/web/dist/app.js': SOURCE,
  'src/old.ts': SOURCE, // the package's pattern does not reach the root's src
  // The same names below a folder re-included by a negation of the whole folder.
  'docs/.gitignore': '*\n!*/\n!*.ts\n',
  'docs/guide.md.ts': SOURCE,
  'docs/page.js': SOURCE,
  'docs/api/ref.ts': SOURCE,
  'docs/api/ref.js': SOURCE,
};

for (const [name, text] of Object.entries(FILES)) {
  fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
  fs.writeFileSync(path.join(dir, name), text);
}

const EXPECTED = [
  'a.ts',
  'docs/api/ref.ts',
  'docs/guide.md.ts',
  'kept.ts',
  'logs/important.ts',
  'packages/ui/src/index.ts',
  'packages/web/dist/app.js',
  'packages/web/src/generated/client.ts',
  'packages/web/src/legacy.generated.ts',
  'packages/web/src/src/old.ts',
  'src/app/page.tsx',
  'src/build/helper.ts',
  'src/lib/keep.generated.ts',
  'src/lib/leonardo.ts',
  'src/old.ts',
  'src/out/index.ts',
  'src/scratch.ts.bak.ts',
  'src/tmp.ts',
  'test/fixtures.ts',
];

async function listed(): Promise<string[]> {
  const files = await listFiles(dir, () => false);
  return files.map((f) => path.relative(dir, f).split(path.sep).join('/')).sort();
}

test('the listing applies every folder’s .gitignore as git does', async () => {
  assert.deepEqual(await listed(), EXPECTED);
});

test('git lists the same files (git ls-files --others --exclude-standard)', async (t) => {
  const env = { ...process.env, HOME: dir, XDG_CONFIG_HOME: dir, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: path.join(dir, 'no-gitconfig') };
  const repo = path.join(dir, '.git');
  const init = spawnSync('git', ['init', '-q', dir], { env, encoding: 'utf8' });
  if (init.error || init.status !== 0) {
    t.skip(`git is not available here: ${String(init.error ?? init.stderr)}`);
    return;
  }
  try {
    const run = spawnSync('git', ['-C', dir, '-c', 'core.quotePath=false', 'ls-files', '-z', '--others', '--exclude-standard'], { env, encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    const byGit = run.stdout
      .split('\0')
      .filter((f) => /\.(?:[cm]?[jt]s|[jt]sx|json)$/i.test(f))
      .sort();
    assert.deepEqual(await listed(), byGit);
  } finally {
    fs.rmSync(repo, { recursive: true, force: true });
  }
});

test('patterns one by one: the last match decides, a deeper file before its parents', () => {
  const root = parseGitignore('*.log\n!important.log\n/only-here\nsub/deep/\n**/cache/**\nfoo/**/bar\n\\#hash\n\\!bang\n', '');
  const nested = { file: parseGitignore('!debug.log\nimportant.log\n', 'pkg'), parent: { file: root, parent: undefined } };
  const ignored = (relative: string, isDir = false) => isIgnored(nested, relative, isDir);
  assert.equal(ignored('debug.log'), true);
  assert.equal(ignored('x/important.log'), false);
  assert.equal(ignored('pkg/debug.log'), false, 'the nested file re-includes');
  assert.equal(ignored('pkg/important.log'), true, 'the nested file excludes again');
  assert.equal(ignored('only-here'), true);
  assert.equal(ignored('x/only-here'), false);
  assert.equal(ignored('sub/deep', true), true);
  assert.equal(ignored('sub/deep', false), false, 'a folder pattern does not match a file');
  assert.equal(ignored('x/sub/deep', true), false, 'a middle slash anchors');
  assert.equal(ignored('a/cache', true), false, '`cache/**` is what is inside cache');
  assert.equal(ignored('a/cache/x'), true);
  assert.equal(ignored('foo/bar'), true, '`/**/` matches no folder too');
  assert.equal(ignored('foo/a/b/bar'), true);
  assert.equal(ignored('#hash'), true);
  assert.equal(ignored('!bang'), true);
  assert.equal(ignored('bang'), false);
});

test('a pattern ending in a lone backslash matches nothing; an escaped one is a backslash', () => {
  const gitignores = { file: parseGitignore('broken\\\nname\\\\\n', ''), parent: undefined };
  assert.equal(isIgnored(gitignores, 'broken', false), false);
  assert.equal(isIgnored(gitignores, 'broken\\', false), false);
  assert.equal(isIgnored(gitignores, 'name\\', false), true);
});

test('.git/info/exclude applies below every .gitignore; not read through a link or when .git is a file', async () => {
  const repo = fs.mkdtempSync(path.join(dir, 'exclude-'));
  const put = (name: string, text: string) => {
    fs.mkdirSync(path.dirname(path.join(repo, name)), { recursive: true });
    fs.writeFileSync(path.join(repo, name), text);
  };
  put('.git/info/exclude', '# git ls-files --exclude-standard\nscratch/\nnotes.ts\n');
  put('.gitignore', '!notes.ts\n');
  put('scratch/try.ts', SOURCE);
  put('notes.ts', SOURCE);
  put('src/app.ts', SOURCE);
  const names = async () => (await listFiles(repo, () => false)).map((f) => path.relative(repo, f).split(path.sep).join('/')).sort();
  // The .gitignore's negation wins over the exclude file, as in git.
  assert.deepEqual(await names(), ['notes.ts', 'src/app.ts']);
  // A link on the way: the exclude file is not read.
  fs.renameSync(path.join(repo, '.git/info'), path.join(repo, 'info-elsewhere'));
  fs.symlinkSync(path.join(repo, 'info-elsewhere'), path.join(repo, '.git/info'));
  assert.deepEqual(await names(), ['notes.ts', 'scratch/try.ts', 'src/app.ts']);
  // A worktree's .git is a file.
  fs.rmSync(path.join(repo, '.git'), { recursive: true });
  put('.git', 'gitdir: ../elsewhere/.git/worktrees/x\n');
  assert.deepEqual(await names(), ['notes.ts', 'scratch/try.ts', 'src/app.ts']);
});

test('the listing waits before each folder for what `pause` hands it (the server pauses it while the user types)', async () => {
  const all = await listFiles(dir, () => false);
  let release!: () => void;
  let asked = 0;
  const listing = listFiles(dir, () => false, undefined, () => {
    asked++;
    return asked === 2 ? new Promise<void>((resolve) => (release = resolve)) : undefined;
  });
  let done = false;
  void listing.then(() => (done = true));
  // The first folder is read; before the second the listing waits, whatever else the event loop does.
  const turn = () => new Promise((resolve) => setImmediate(resolve));
  while (asked < 2) await turn();
  for (let i = 0; i < 20; i++) await turn();
  assert.equal(asked, 2);
  assert.equal(done, false);
  release();
  assert.deepEqual((await listing).sort(), [...all].sort());
  assert.ok(asked > 2);
});
