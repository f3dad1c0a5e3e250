// What the CLI prints and exits with, around the findings: a closed pipe, --max-warnings, unknown rule
// ids (config file, --rule, editor settings), one report per file however it is named, control
// characters in names and messages, and SARIF URIs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { escapeControls, formatSarif, sarifUri } from '../../server/src/cli/format.js';
import { lintFile } from '../../server/src/cli/lint-files.js';
import { ConfigLoader } from '../../server/src/engine/config/file.js';
import { unknownRuleProblem } from '../../server/src/engine/config/lint-config.js';
import { ConfigResolver } from '../../server/src/lsp/settings.js';
import { DEFAULT_SETTINGS } from '../../server/src/lsp/protocol.js';
import { CLI, ensureBuilt } from '../resilience/build.js';
import { cli, tempFolder } from '../helpers/cli.js';

const BODY = '{ "prompt": "a red fox", "sd_Version": "v2", "num_images": 2 }\n';

const temp = tempFolder('leonardo-output-');
const write = (relative: string, text: string) => temp.write(relative, text);

test('`| head -1` ends the run quietly: no EPIPE stack trace, the run’s own exit code', () => {
  ensureBuilt();
  // Far more output than a pipe holds, so the CLI is still writing when head has gone.
  const calls = Array.from({ length: 3000 }, (_, i) => `await fetch('https://cloud.leonardo.ai/api/rest/v1/generations', { method: 'POST', body: JSON.stringify({ prompt: 'fox ${i}', sd_Version: 'v2' }) });`);
  const file = write('epipe/many.ts', calls.join('\n') + '\n');
  const run = spawnSync('bash', ['-c', '"$0" "$1" "$2" | head -1; exit "${PIPESTATUS[0]}"', process.execPath, CLI, file], { encoding: 'utf8', timeout: 120_000 });
  assert.equal(run.signal, null);
  assert.equal(run.stderr, '');
  assert.equal(run.status, 1, 'errors were found');
  assert.equal(run.stdout, '\n', 'head printed the first line (stylish starts with an empty one)');
});

test('--max-warnings counts warnings only, as the summary does; information findings do not count', async () => {
  const file = write('max/a.leonardo.json', BODY);
  const info = await cli(['--rule', 'unknown-field:information', '--max-warnings', '0', file]);
  assert.equal(info.code, 0, info.err);
  assert.match(info.out, /1 problem \(0 errors, 0 warnings, 1 info\)/);
  const warning = await cli(['--rule', 'unknown-field:warning', '--max-warnings', '0', file]);
  assert.equal(warning.code, 1);
  assert.match(warning.out, /1 problem \(0 errors, 1 warning\)/);
  assert.match(warning.err, /too many warnings \(maximum: 0\)/);
});

test('an unknown rule id is reported with the nearest known one: config file, --rule and editor settings', async () => {
  assert.equal(unknownRuleProblem('unknown-field'), undefined);
  // The unused-directive report is a rule id every configuration may name, as the config schema offers it.
  assert.equal(unknownRuleProblem('unused-disable-directive'), undefined);
  assert.equal(unknownRuleProblem('unknwn-field'), '"unknwn-field" is not a Leonardo Lint rule (nearest: "unknown-field")');
  assert.match(unknownRuleProblem('zzz') ?? '', /^"zzz" is not a Leonardo Lint rule \(nearest: "[a-z-]+"\)$/);

  const file = write('rules/sub/a.leonardo.json', BODY);
  write('rules/leonardo-lint.config.json', '{ "rules": { "type-mismatch": "warning", "unknwn-field": "off" } }');
  const fromConfig = await cli(['--format', 'json', file]);
  assert.equal(fromConfig.code, 1);
  assert.match(JSON.parse(fromConfig.out)[0].messages[0].message, /leonardo-lint\.config\.json:1:42: "rules": "unknwn-field" is not a Leonardo Lint rule \(nearest: "unknown-field"\)$/);

  const unused = write('unused/a.leonardo.json', '// POST /generations\n// leonardo-lint-disable-next-line unknown-field\n{ "prompt": "a fox" }\n');
  write('unused/leonardo-lint.config.json', '{ "rules": { "unused-disable-directive": "error" } }');
  const fromConfigUnused = await cli(['--format', 'json', unused]);
  assert.deepEqual(JSON.parse(fromConfigUnused.out)[0].messages.map((m: { ruleId: string; severity: number }) => `${m.ruleId} ${m.severity}`), ['unused-disable-directive 2']);
  const offByFlag = await cli(['--rule', 'unused-disable-directive:off', unused]);
  assert.equal(offByFlag.code, 0, offByFlag.err);
  assert.equal(offByFlag.out, '');

  const fromFlag = await cli(['--rule', 'unknown-feild:off', write('flag/a.leonardo.json', BODY)]);
  assert.equal(fromFlag.code, 2);
  assert.match(fromFlag.err, /--rule: "unknown-feild" is not a Leonardo Lint rule \(nearest: "unknown-field"\)/);

  const resolver = new ConfigResolver();
  const resolved = resolver.resolve(pathToFileURL(write('settings/a.leonardo.json', BODY)).href, { ...DEFAULT_SETTINGS, rules: { 'out-of-rang': 'off', 'unknown-field': 'warning' } });
  assert.equal(resolved.error, 'Setting leonardoLint.rules: "out-of-rang" is not a Leonardo Lint rule (nearest: "out-of-range")');
  assert.equal(resolved.config.rules?.['unknown-field'], 'warning', 'the known ids still apply');
});

test('a file named twice, through a symlink, or inside a named folder is reported once', async () => {
  const file = write('dedupe/a.leonardo.json', BODY);
  fs.symlinkSync('a.leonardo.json', path.join(temp.path, 'dedupe/alias.leonardo.json'));
  fs.symlinkSync('dedupe', path.join(temp.path, 'dedupe-link'));
  const run = await cli(['--format', 'json', file, file, path.join(temp.path, 'dedupe/alias.leonardo.json'), path.join(temp.path, 'dedupe'), path.join(temp.path, 'dedupe-link')]);
  const results = JSON.parse(run.out) as Array<{ filePath: string }>;
  assert.deepEqual(results.map((r) => r.filePath), [file], 'the first name given is the one shown');
});

test('control characters in file names and messages are escaped in the stylish report and in notes', async () => {
  const name = 'evil\u001b[2J\u001b[31m\r\n\u202ename.leonardo.json';
  // The JSON escape puts a real ESC into the field name, which the message quotes.
  const file = write(`controls/${name}`, '{ "prompt": "x", "num_images": 2, "sd_Version": "v2", "num_\\u001b[8mimages": 2 }\n');
  execFileSync('mkfifo', [path.join(temp.path, 'controls', 'pipe\u0007.leonardo.json')]);
  const run = await cli([path.join(temp.path, 'controls')]);
  assert.doesNotMatch(run.out, /[\u0000-\u0008\u000b-\u001f\u007f\u202e]/, 'nothing raw but newlines between rows');
  assert.ok(run.out.includes('evil\\x1b[2J\\x1b[31m\\r\\n\\u202ename.leonardo.json'), run.out);
  assert.ok(run.out.includes('num_\\x1b[8mimages'), 'messages quoting the document are escaped too');
  assert.match(run.err, /controls\/pipe\\x07\.leonardo\.json: skipped: a FIFO/);
  // JSON escapes on its own: the path there is the real one.
  const json = await cli(['--format', 'json', file]);
  assert.equal(JSON.parse(json.out)[0].filePath, file);
  assert.equal(escapeControls('tab\there\u0085\u2028'), 'tab\\there\\x85\\u2028');
  // Usage errors name paths too.
  const missing = await cli([path.join(temp.path, 'gone\u001b[31m.json')]);
  assert.equal(missing.code, 2);
  assert.ok(missing.err.includes('gone\\x1b[31m.json') && !missing.err.includes('\u001b'), missing.err);
});

test('SARIF artifact URIs are percent-encoded RFC 3986 references (relative below the working folder, file: otherwise)', () => {
  const names = ['a b#1%.leonardo.json', 'x:y.leonardo.json', 'ü [1].leonardo.json', "it's (x)!*.leonardo.json", 'sub dir/q?.leonardo.json'];
  const files = names.map((n) => write(`sarif/${n}`, BODY));
  const results = files.map((f) => lintFile({ path: f, explicit: true }, { fix: false, overrides: {}, configs: new ConfigLoader() }));
  const sarif = JSON.parse(formatSarif(results, '0.0.0', path.join(temp.path, 'sarif')));
  const uris = sarif.runs[0].results.map((r: { locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }> }) => r.locations[0].physicalLocation.artifactLocation.uri);
  assert.deepEqual([...new Set(uris)], [
    'a%20b%231%25.leonardo.json',
    'x%3Ay.leonardo.json',
    '%C3%BC%20%5B1%5D.leonardo.json',
    'it%27s%20%28x%29%21%2A.leonardo.json',
    'sub%20dir/q%3F.leonardo.json',
  ]);
  for (const [i, uri] of (uris as string[]).entries()) {
    assert.match(uri, /^([A-Za-z0-9\-._~/]|%[0-9A-F]{2})+$/, 'only unreserved characters, slashes and escapes');
    // Resolved against the working folder, each is the file again.
    assert.equal(decodeURIComponent(new URL(uri, pathToFileURL(path.join(temp.path, 'sarif') + '/')).pathname), files[i]);
  }
  const outside = sarifUri('/elsewhere/a b.json', '/');
  assert.equal(outside, 'elsewhere/a%20b.json');
  assert.equal(sarifUri('/tmp/a b.json', '/tmp/x'), '../a%20b.json');
});
