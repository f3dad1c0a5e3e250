// The CLI end to end, in process: arguments, files, formats, --fix, config and exit codes.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli } from '../../server/src/cli/main.js';
import { lintFile } from '../../server/src/cli/lint-files.js';
import { ConfigLoader } from '../../server/src/engine/config/file.js';

let dir: string;

async function cli(args: string[], stdin = ''): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(args, {
    out: (t) => (out += t),
    err: (t) => (err += t),
    stdin: async () => stdin,
    isTty: false,
  });
  return { code, out, err };
}

function write(relative: string, text: string): string {
  const file = path.join(dir, relative);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  return file;
}

const BAD_BODY = '{\n  "prompt": "a red fox",\n  "sd_Version": "v2",\n  "num_images": 2\n}\n';

before(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'leonardo-lint-cli-'));
});

after(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

test('--help and --version exit 0', async () => {
  const help = await cli(['--help']);
  assert.equal(help.code, 0);
  assert.match(help.out, /Usage: leonardo-lint/);
  const version = await cli(['--version']);
  assert.equal(version.code, 0);
  assert.match(version.out, /\d+\.\d+\.\d+/);
});

test('bad usage exits 2 with a clear message', async () => {
  assert.equal((await cli([])).code, 2);
  const format = await cli(['--format', 'xml', '.']);
  assert.equal(format.code, 2);
  assert.match(format.err, /unknown format "xml"/);
  const rule = await cli(['--rule', 'unknown-field=off', '.']);
  assert.equal(rule.code, 2);
  assert.match(rule.err, /--rule expects/);
  const missing = await cli([path.join(dir, 'does-not-exist')]);
  assert.equal(missing.code, 2);
  assert.match(missing.err, /no such file or folder/);
});

test('errors found exit 1; the stylish report names line, column, rule', async () => {
  const file = write('stylish/castle.leonardo.json', BAD_BODY);
  const { code, out } = await cli([file]);
  assert.equal(code, 1);
  assert.match(out, /3:3\s+error\s+.*sd_Version.*unknown-field/);
  assert.match(out, /✖ 1 problem \(1 error, 0 warnings\)/);
  assert.match(out, /1 error and 0 warnings potentially fixable with the `--fix` option/);
});

test('--exit-zero reports but exits 0', async () => {
  const file = write('exitzero/castle.leonardo.json', BAD_BODY);
  const { code, out } = await cli(['--exit-zero', file]);
  assert.equal(code, 0);
  assert.match(out, /unknown-field/);
});

test('--format json has exactly the shape of ESLint’s JSON formatter', async () => {
  const file = write('json/castle.leonardo.json', BAD_BODY);
  const { code, out } = await cli(['--format', 'json', file]);
  assert.equal(code, 1);
  const [result] = JSON.parse(out);
  assert.deepEqual(Object.keys(result).sort(), ['errorCount', 'filePath', 'fixableErrorCount', 'fixableWarningCount', 'messages', 'warningCount']);
  assert.equal(result.filePath, file);
  assert.equal(result.errorCount, 1);
  assert.equal(result.fixableErrorCount, 1);
  const [message] = result.messages;
  assert.equal(message.ruleId, 'unknown-field');
  assert.equal(message.severity, 2);
  assert.deepEqual([message.line, message.column, message.endLine, message.endColumn], [3, 3, 3, 15]);
  const at = BAD_BODY.indexOf('sd_Version');
  assert.deepEqual(message.fix, { range: [at, at + 'sd_Version'.length], text: 'sd_version' });
});

test('--format json: a finding made through another file names it in relatedLocations, which ESLint’s formatters pass over', async () => {
  write('related/package.json', '{ "name": "app" }');
  const lib = write('related/lib/leonardo.js', `import axios from 'axios';
export const leonardo = axios.create({ baseURL: 'https://cloud.leonardo.ai/api/rest/v1' });
export async function generate(body) {
  return (await leonardo.post('/generations', body)).data;
}
`);
  const caller = write('related/jobs/nightly.js', `import { generate } from '../lib/leonardo.js';
await generate({ prompt: 'a lighthouse at dusk', num_images: 2 });
await generate({ prompt: 'a lighthouse at dawn', Num_images: 2 });
`);
  const { code, out } = await cli(['--format', 'json', path.join(dir, 'related')]);
  assert.equal(code, 1);
  const results: Array<{ filePath: string; messages: Array<{ ruleId: string; line: number; relatedLocations?: unknown }> }> = JSON.parse(out);
  const messages = results.find((r) => r.filePath === caller)?.messages ?? [];
  assert.deepEqual(messages.map((m) => `${m.line} ${m.ruleId}`), ['3 unknown-field']);
  assert.deepEqual(messages[0].relatedLocations, [
    { filePath: lib, line: 3, column: 23, endLine: 3, endColumn: 31, message: "'generate': the function that sends this request" },
  ]);
  // The library's own messages (none here) and every finding made in its own file carry no such field.
  assert.ok(results.every((r) => r.filePath === caller || r.messages.every((m) => !('relatedLocations' in m))));
  // ESLint's own formatters read the output as they read ESLint's.
  const { ESLint } = await import('eslint');
  const stylish = await (await new ESLint().loadFormatter('stylish')).format(JSON.parse(out) as never);
  assert.match(stylish, /3:\d+ +error +'Num_images' is not a field/);
});

test('--format sarif lists the rules and the results', async () => {
  const file = write('sarif/castle.leonardo.json', BAD_BODY);
  const { out } = await cli(['--format', 'sarif', file]);
  const sarif = JSON.parse(out);
  assert.equal(sarif.version, '2.1.0');
  const run = sarif.runs[0];
  assert.ok(run.tool.driver.rules.some((r: { id: string }) => r.id === 'unknown-field'));
  assert.equal(run.results[0].ruleId, 'unknown-field');
  assert.deepEqual(run.results[0].locations[0].physicalLocation.region, { startLine: 3, startColumn: 3, endLine: 3, endColumn: 15 });
});

test('--fix rewrites the file and nothing is left to report', async () => {
  const file = write('fix/castle.leonardo.json', BAD_BODY);
  const { code } = await cli(['--fix', file]);
  assert.equal(code, 0);
  assert.equal(fs.readFileSync(file, 'utf8'), BAD_BODY.replace('sd_Version', 'sd_version'));
});

test('--rule turns a rule off or down; --quiet hides warnings', async () => {
  const file = write('rule/castle.leonardo.json', BAD_BODY);
  assert.equal((await cli(['--rule', 'unknown-field:off', file])).out, '');
  const warning = await cli(['--rule', 'unknown-field:warning', file]);
  assert.equal(warning.code, 0);
  assert.match(warning.out, /warning/);
  const quiet = await cli(['--quiet', '--rule', 'unknown-field:warning', file]);
  assert.equal(quiet.out, '');
});

test('folders are walked; node_modules, .git and config ignores are skipped', async () => {
  write('walk/src/a.leonardo.json', BAD_BODY);
  write('walk/node_modules/pkg/b.leonardo.json', BAD_BODY);
  write('walk/.git/c.leonardo.json', BAD_BODY);
  write('walk/legacy/d.leonardo.json', BAD_BODY);
  write('walk/leonardo-lint.config.json', '{ "ignores": ["legacy/**"] }');
  const { out } = await cli(['--format', 'json', path.join(dir, 'walk')]);
  const results: Array<{ filePath: string; messages: unknown[] }> = JSON.parse(out);
  const files = results.map((r) => path.relative(path.join(dir, 'walk'), r.filePath));
  assert.deepEqual(files.sort(), ['leonardo-lint.config.json', 'src/a.leonardo.json']);
  assert.deepEqual(results.filter((r) => r.messages.length > 0).length, 1);
});

test('the nearest config file sets severities; a broken one is a clear error', async () => {
  write('config/leonardo-lint.config.json', '{ "rules": { "unknown-field": "off" } }');
  const quiet = write('config/sub/castle.leonardo.json', BAD_BODY);
  assert.equal((await cli([quiet])).code, 0);
  write('broken/leonardo-lint.config.json', '{ "rules": { "unknown-field": "loud" } }');
  const file = write('broken/castle.leonardo.json', BAD_BODY);
  const { code, out } = await cli(['--format', 'json', file]);
  assert.equal(code, 1);
  const message: string = JSON.parse(out)[0].messages[0].message;
  assert.match(message, /severity must be one of/);
  // Where in the config file: line and column, not an offset.
  assert.match(message, /leonardo-lint\.config\.json:1:31: rule "unknown-field": severity/);
});

test('a file that cannot be read is reported as fatal, not thrown', () => {
  const result = lintFile({ path: path.join(dir, 'vanished.leonardo.json'), explicit: true }, { fix: false, overrides: {}, configs: new ConfigLoader() });
  assert.match(result.fatal ?? '', /Cannot read file: ENOENT/);
});

test('a folder entry that is a broken file does not stop the run', async () => {
  write('mixed/bad.leonardo.json', '{ "prompt": ');
  write('mixed/good.leonardo.json', BAD_BODY);
  const { out } = await cli(['--format', 'json', path.join(dir, 'mixed')]);
  const results = JSON.parse(out);
  assert.equal(results.length, 2);
  assert.ok(results.some((r: { messages: Array<{ ruleId: string }> }) => r.messages.some((m) => m.ruleId === 'unknown-field')));
});
