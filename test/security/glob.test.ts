// Config globs (`requestFiles`, `ignores`) come with the workspace: a cloned repository's config file
// can hold any pattern. The matcher (server/src/engine/config/glob.ts) must finish in steps bounded by the
// pattern's and the path's lengths whatever the pattern; it is counted, not timed. It must also agree
// with picomatch (the library it replaces) on the globs configs use.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import picomatch from 'picomatch';
import { compileGlob, GlobError, MAX_GLOB_ALTERNATIVES, MAX_GLOB_LENGTH, MAX_GLOB_PATH_LENGTH } from '../../server/src/engine/config/glob.js';
import { ConfigError, parseConfig } from '../../server/src/engine/config/file.js';
import { extractRequests } from '../../server/src/engine/extract/index.js';
import { getCatalogue } from '../../server/src/api/catalogue.js';
import { runCli } from '../../server/src/cli/main.js';

/** Steps of one match, and the bound the matcher promises: (pattern + 1) × (path + 1) and then some per segment. */
function steps(pattern: string, file: string, basename = false): { steps: number; bound: number; matched: boolean } {
  const counter = { steps: 0 };
  const matched = compileGlob(pattern, { basename, counter })(file);
  const segments = file.split('/').length;
  return { steps: counter.steps, bound: (pattern.length + 1) * (file.length + 1) + (pattern.split('/').length + 1) * (segments + 1), matched };
}

test('the pathological globs of a hostile config take steps bounded by pattern × path', () => {
  const name = 'a'.repeat(250);
  const long = Array.from({ length: 16 }, () => name).join('/');
  const cases: Array<[string, string]> = [
    ['*a*a*a*a*a*a*a*a*a*a*a*a*c', name],
    ['*a*a*a*a*a*a*a*a*a*a*a*a*c', long],
    ['**/*a*a*a*a*a*a*a*a*a*a*a*a*c', long],
    ['**/**/**/**/**/**/**/**/**/**/**/b', long],
    ['*?*?*?*?*?*?*?*?*?*?*?*?*?*?*?*?*?*?*?*?c', name],
    ['[a-z]*[a-z]*[a-z]*[a-z]*[a-z]*[a-z]*[a-z]*[a-z]*[!a]', name],
    ['{*a*a*a*c,*a*a*a*a*d,**/*a*a*a*a*a*e}', long],
    ['*'.repeat(1000) + 'c', name],
  ];
  for (const [pattern, file] of cases) {
    const run = steps(pattern, file, !pattern.includes('/'));
    assert.equal(run.matched, false, pattern);
    assert.ok(run.steps <= run.bound, `${pattern.slice(0, 30)}: ${run.steps} steps, bound ${run.bound}`);
  }
  // picomatch on the first case, for the record of what the bound replaces: its regular expression
  // is the nested lazy stars that backtrack (not run here: minutes on a long name).
  assert.match(picomatch.makeRe('*a*a*a*a*a*a*a*a*a*a*a*a*c', { dot: true }).source, /(\[\^\/\]\*\?a){12}/);
});

test('steps grow with the product of the lengths, never with a power of them', () => {
  // Doubling the name doubles the steps of a 12-star pattern (a backtracking matcher multiplies them).
  const pattern = '*a*a*a*a*a*a*a*a*a*a*a*a*c';
  const small = steps(pattern, 'a'.repeat(100)).steps;
  const large = steps(pattern, 'a'.repeat(200)).steps;
  assert.ok(large <= 2 * small + pattern.length * 2, `${small} → ${large}`);
});

test('a path past PATH_MAX matches nothing (and a negated glob everything), without being scanned', () => {
  const counter = { steps: 0 };
  const tooLong = 'a/'.repeat(MAX_GLOB_PATH_LENGTH) + 'x.json';
  assert.equal(compileGlob('**/*.json', { counter })(tooLong), false);
  assert.equal(compileGlob('!**/*.json')(tooLong), true);
  assert.equal(counter.steps, 0);
});

test('patterns past the bounds, extended globs and brace ranges are refused with a clear error', () => {
  assert.throws(() => compileGlob('a'.repeat(MAX_GLOB_LENGTH + 1)), GlobError);
  assert.throws(() => compileGlob('{a,b}{c,d}{e,f}{g,h}{i,j}{k,l}{m,n}'), /more than 64 alternatives/);
  assert.equal(2 ** 6 <= MAX_GLOB_ALTERNATIVES, true);
  assert.doesNotThrow(() => compileGlob('{a,b}{c,d}{e,f}{g,h}{i,j}{k,l}'));
  assert.throws(() => compileGlob('+(a|aa)*c'), /extended globs/);
  assert.throws(() => compileGlob('src/@(a|b)/*.json'), /extended globs/);
  assert.throws(() => compileGlob('file{1..3}.json'), /ranges in braces/);
});

test('a config file with a refused glob is a config error naming the option and the glob', () => {
  assert.throws(() => parseConfig('{ "ignores": ["+(a|aa)*c"] }', 'leonardo-lint.config.json'), (e: unknown) => {
    assert.ok(e instanceof ConfigError);
    assert.match(e.message, /"ignores": glob "\+\(a\|aa\)\*c": extended globs/);
    return true;
  });
  assert.throws(() => parseConfig(JSON.stringify({ requestFiles: { [`${'*a'.repeat(600)}c`]: 'POST /generations' } }), 'c.json'), /"requestFiles": glob .*at most 1024/);
  // The pathological glob itself is accepted: it is matched in bounded time.
  assert.doesNotThrow(() => parseConfig('{ "ignores": ["*a*a*a*a*a*a*a*a*a*a*a*a*c"] }', 'c.json'));
});

test('the CLI walks a folder whose config holds the pathological glob, and a file with a long name', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'leonardo-glob-'));
  try {
    fs.writeFileSync(path.join(dir, 'leonardo-lint.config.json'), JSON.stringify({ ignores: ['*a*a*a*a*a*a*a*a*a*a*a*a*c'], requestFiles: { '**/*a*a*a*a*a*a*a*a*a*a*a*a*c': 'POST /generations' } }));
    const name = `${'a'.repeat(240)}.leonardo.json`;
    fs.writeFileSync(path.join(dir, name), '{ "prompt": "x", "sd_Version": "v2", "num_images": 2 }');
    fs.writeFileSync(path.join(dir, 'ignore-me-ac'), '');
    let out = '';
    const code = await runCli(['--format', 'json', dir], { out: (t) => (out += t), err: () => {}, stdin: async () => '', isTty: false });
    const results = JSON.parse(out) as Array<{ filePath: string }>;
    assert.deepEqual(results.map((r) => path.basename(r.filePath)).sort(), [name, 'leonardo-lint.config.json'].sort());
    assert.equal(code, 1, 'the long-named file is linted');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('the request-file globs of the engine go through the bounded matcher too', () => {
  const config = { requestFiles: { 'bodies/*a*a*a*a*a*a*a*a*a*a*a*a*c': 'POST /generations', 'bodies/*.json': 'POST /variations/nobg' }, baseDir: '/proj' };
  const file = `/proj/bodies/${'a'.repeat(250)}.json`;
  const [site] = extractRequests({ text: '{"id": "x"}', kind: 'json', path: file }, getCatalogue(), config).requests;
  assert.equal(site?.endpoint?.operationId, 'createVariationNoBG');
});

// -- Agreement with picomatch ------------------------------------------------------------------------

const segment = fc.array(fc.constantFrom('a', 'b', '.', '*', '?', '[ab]', '[^a]', '[a-c]', '{a,b}', 'x', '\\*'), { minLength: 1, maxLength: 4 }).map((a) => a.join(''));
const pattern = fc.array(fc.oneof(segment, fc.constant('**')), { minLength: 1, maxLength: 4 }).map((a) => a.join('/'));
const pathSegment = fc
  .array(fc.constantFrom('a', 'b', '.', 'x', '*'), { minLength: 1, maxLength: 4 })
  .map((a) => a.join(''))
  .filter((s) => s !== '.' && s !== '..');
const filePath = fc.array(pathSegment, { minLength: 1, maxLength: 4 }).map((a) => a.join('/'));

/**
 * Where picomatch itself is inconsistent, the matcher follows glob(7) and says so in glob.ts:
 * `[!a]` (picomatch, without its posix option, reads `!` as a member), `x*` + `/**` at the end (picomatch
 * matches `dir/**` against `dir` for a literal `dir` only) and `**` inside a segment not in
 * base-name mode (picomatch lets `**.json` cross folders at the start of a pattern only).
 */
function comparable(glob: string): boolean {
  if (/(^|\/)[^/]*[*?[{\\][^/]*\/\*\*$/.test(glob)) return false;
  return !/(^|[^/])\*\*|\*\*[^/]/.test(glob);
}

test('the matcher agrees with picomatch (dot: true) on generated globs and paths', () => {
  for (const basename of [false, true]) {
    fc.assert(
      fc.property(pattern, filePath, (glob, file) => {
        fc.pre(comparable(glob));
        const onBase = basename && !glob.includes('/');
        const expected = picomatch(glob, { dot: true, basename: onBase })(file);
        assert.equal(compileGlob(glob, { basename: onBase })(file), expected, `${glob} on ${file}`);
      }),
      { numRuns: 3000, seed: 16 },
    );
  }
});

test('the globs of the documentation and the tests match as before', () => {
  const cases: Array<[string, string, boolean, boolean?]> = [
    ['requests/**/*.json', 'requests/a.json', true],
    ['requests/**/*.json', 'requests/x/y/a.json', true],
    ['requests/**/*.json', 'other/a.json', false],
    ['fixtures/legacy/**', 'fixtures/legacy/a/b.ts', true],
    ['fixtures/legacy/**', 'fixtures/legacy', true],
    ['legacy/**', 'legacy/d.leonardo.json', true],
    ['*.body.json', 'deep/x/a.body.json', true, true],
    ['*.body.json', 'a.json', false, true],
    ['bodies/*.json', 'bodies/one.json', true],
    ['bodies/*.json', '../bodies/one.json', false],
    // A folder, then one segment: matched past the folder without splitting the path.
    ['bodies/*.json', 'bodies/sub/one.json', false],
    ['bodies/*.json', 'bodies/.json', true],
    ['bodies/*', 'bodies/', false],
    ['bodies/*', 'bodies/..', false],
    ['bodies/a?.json', 'bodies/ab.json', true],
    ['**/*.json', '../x.json', false],
    ['**/.github/**', '.github/workflows/x.json', true],
    ['!**/*.md', 'a/b.md', false],
    ['!**/*.md', 'a/b.json', true],
    ['./src/*.{ts,json}', 'src/a.json', true],
    ['src/\\*.json', 'src/*.json', true],
    ['src/\\*.json', 'src/a.json', false],
    ['[[:digit:]]*.json', '1a.json', true],
  ];
  for (const [glob, file, expected, basename] of cases) {
    assert.equal(compileGlob(glob, { basename: basename ?? false })(file), expected, `${glob} on ${file}`);
  }
});
