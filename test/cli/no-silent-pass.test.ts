// A clean result means the files were read. A path that does not exist or cannot be looked at, a
// folder nothing can be linted in, a folder past PATH_MAX, a name that is not valid UTF-8: each is a
// clear message and a non-zero exit, never `[]` and exit 0.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { cli, tempFolder } from '../helpers/cli.js';

const BODY = '{ "prompt": "a red fox", "sd_Version": "v2", "num_images": 2 }\n';

// rm copes with paths past PATH_MAX, which fs.rmSync does not.
const temp = tempFolder('leonardo-silent-', (d) => execFileSync('rm', ['-rf', d]));

test('a path that does not exist: exit 2, naming it', async () => {
  const run = await cli(['--format', 'json', path.join(temp.path, 'nope.leonardo.json')]);
  assert.equal(run.code, 2);
  assert.equal(run.out, '');
  assert.match(run.err, /no such file or folder: .*nope\.leonardo\.json/);
});

test('a path over PATH_MAX named on the command line: exit 2 with the reason', async () => {
  const long = path.join(temp.path, ...Array.from({ length: 20 }, () => 'x'.repeat(250)), 'a.leonardo.json');
  const run = await cli(['--format', 'json', long]);
  assert.equal(run.code, 2);
  assert.match(run.err, /cannot read .*: ENAMETOOLONG \(path too long\)/);
});

test('a folder whose files lie past PATH_MAX is an error, not a clean pass', async () => {
  const top = path.join(temp.path, 'deep');
  fs.mkdirSync(top);
  // Built one level at a time from inside (no single path given to the system is too long).
  const name = 'd'.repeat(250);
  execFileSync('bash', ['-c', `cd "${top}" && for i in $(seq 1 18); do mkdir ${name} && cd ${name}; done && printf '%s' '${BODY.trim()}' > a.leonardo.json`]);
  const run = await cli(['--format', 'json', top]);
  assert.equal(run.code, 1);
  const results = JSON.parse(run.out) as Array<{ filePath: string; messages: Array<{ message: string }> }>;
  assert.equal(results.length, 1);
  assert.match(results[0].messages[0].message, /^Cannot read folder: ENAMETOOLONG \(path too long\)\.$/);
});

test('a file or folder name that is not valid UTF-8 is reported, escaped, with exit 1', async () => {
  const folder = path.join(temp.path, 'latin-names');
  fs.mkdirSync(folder);
  fs.writeFileSync(path.join(folder, 'good.leonardo.json'), '{ "prompt": "a red fox", "num_images": 2 }\n');
  fs.writeFileSync(Buffer.from(`${folder}/caf\xe9.leonardo.json`, 'latin1'), BODY);
  fs.mkdirSync(Buffer.from(`${folder}/r\xe9sum\xe9s`, 'latin1'));
  // Not lintable by its name: not a problem (it would not be read anyway).
  fs.writeFileSync(Buffer.from(`${folder}/image-\xff.png`, 'latin1'), 'x');
  const run = await cli(['--format', 'json', folder]);
  assert.equal(run.code, 1);
  const results = JSON.parse(run.out) as Array<{ filePath: string; messages: Array<{ message: string }> }>;
  const problems = results.filter((r) => r.messages.length > 0).map((r) => [path.basename(r.filePath), r.messages[0].message]);
  assert.deepEqual(problems.sort(), [
    ['caf\\xe9.leonardo.json', 'Not read: the name is not valid UTF-8 (rename it to lint it).'],
    ['r\\xe9sum\\xe9s', 'Not read: the name is not valid UTF-8 (rename it to lint it).'],
  ]);
  assert.ok(results.some((r) => r.filePath.endsWith('good.leonardo.json')));
});

test('a folder with nothing to lint, or all of it ignored: exit 2, saying so', async () => {
  const empty = path.join(temp.path, 'empty');
  fs.mkdirSync(empty);
  fs.writeFileSync(path.join(empty, 'notes.txt'), 'not lintable');
  const run = await cli([empty]);
  assert.equal(run.code, 2);
  assert.match(run.err, /no files to lint in .*empty/);
  const ignored = path.join(temp.path, 'all-ignored');
  fs.mkdirSync(ignored);
  fs.writeFileSync(path.join(ignored, 'leonardo-lint.config.json'), '{ "ignores": ["**"] }');
  fs.writeFileSync(path.join(ignored, 'a.leonardo.json'), BODY);
  assert.equal((await cli([ignored])).code, 2);
});

test('a binary file (or UTF-16 without a BOM), named or found in a folder, is said to be skipped', async () => {
  const named = temp.write('binary/utf16-no-bom.leonardo.json', Buffer.from('{"prompt": "x", "sd_Version": "v2"}', 'utf16le'));
  const run = await cli(['--format', 'json', named]);
  assert.equal(run.code, 0);
  // No finding, as in the editor (the CLI's findings are the editor's): a note on standard error.
  assert.deepEqual(JSON.parse(run.out)[0].messages, []);
  assert.match(run.err, /utf16-no-bom\.leonardo\.json: skipped: it looks like binary data\./);
  temp.write('binary/ok.leonardo.json', BODY);
  const walked = await cli(['--format', 'json', path.join(temp.path, 'binary')]);
  assert.match(walked.err, /binary\/utf16-no-bom\.leonardo\.json: skipped: it looks like binary data\./);
});
