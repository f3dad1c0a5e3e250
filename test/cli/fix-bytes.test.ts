// --fix changes only the bytes of its edits: foreign encodings (Latin-1/Windows-1252, UTF-16 with a
// BOM), BOMs, file modes and owners, symlinks and hard links all come through, and a file that changed
// since it was read is not overwritten. In process, on real files in a temporary folder.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import fc from 'fast-check';
import { decodeFile, encodeFile, writeFileSafely } from '../../server/src/cli/file-io.js';
import { readBounded } from '../../server/src/engine/config/file.js';
import { cli, tempFolder } from '../helpers/cli.js';

const temp = tempFolder('leonardo-fix-bytes-');
const file = (relative: string, bytes: Buffer | string) => temp.write(relative, bytes);

/** A request body with one certain fix (`sd_Version` → `sd_version`), around the given raw bytes. */
function body(prompt: Buffer): Buffer {
  return Buffer.concat([Buffer.from('{\n  "prompt": "'), prompt, Buffer.from('",\n  "sd_Version": "v2",\n  "num_images": 2\n}\n')]);
}

/** The bytes with the one fix applied where it is, and nothing else changed. */
function fixedBytes(bytes: Buffer): Buffer {
  const at = bytes.indexOf('sd_Version');
  assert.ok(at > 0);
  const out = Buffer.from(bytes);
  out.write('sd_version', at, 'latin1');
  return out;
}

function utf16(text: string, endian: 'le' | 'be'): Buffer {
  const b = Buffer.from(text, 'utf16le');
  if (endian === 'be') b.swap16();
  return Buffer.concat([Buffer.from(endian === 'le' ? [0xff, 0xfe] : [0xfe, 0xff]), b]);
}

test('a Latin-1 / Windows-1252 file is fixed with every other byte kept, and the run says how', async () => {
  // Every byte from 0x80 to 0xFF but the two that would end the JSON string early, plus é and £ in Latin-1.
  const high = Buffer.from(Array.from({ length: 128 }, (_, i) => 0x80 + i));
  const latin = file('latin/win1252.leonardo.json', body(Buffer.concat([Buffer.from('caf\xe9 \xa3 ', 'latin1'), high])));
  const original = fs.readFileSync(latin);
  const utf8 = file('latin/plain.leonardo.json', body(Buffer.from('café £', 'utf8')));
  const utf8Original = fs.readFileSync(utf8);
  const { code, err } = await cli(['--fix', path.join(temp.path, 'latin')]);
  assert.equal(code, 0);
  const after = fs.readFileSync(latin);
  assert.ok(after.equals(fixedBytes(original)), 'only the ten bytes of the fix changed');
  // Byte by byte, for the record: the file has the same length and differs at one byte (V → v).
  const differing = [...after.keys()].filter((i) => after[i] !== original[i]);
  assert.deepEqual(differing.map((i) => String.fromCharCode(original[i])), ['V']);
  assert.ok(fs.readFileSync(utf8).equals(fixedBytes(utf8Original)), 'the UTF-8 file beside it is fixed too');
  assert.match(err, /win1252\.leonardo\.json: not valid UTF-8, so fixed as Latin-1: every byte outside the fixes is unchanged/);
});

test('a Latin-1 file is linted with its findings at the right places', async () => {
  const latin = file('latin-lint/a.leonardo.json', body(Buffer.from('\xe9\xe9\xe9', 'latin1')));
  const { code, out } = await cli(['--format', 'json', latin]);
  assert.equal(code, 1);
  const [message] = JSON.parse(out)[0].messages;
  assert.deepEqual([message.ruleId, message.line, message.column], ['unknown-field', 3, 3]);
});

for (const endian of ['le', 'be'] as const) {
  test(`a UTF-16 ${endian.toUpperCase()} file with a BOM is read as text and written back in UTF-16 ${endian.toUpperCase()} with its BOM`, async () => {
    const text = '{"prompt": "café 🦊", "sd_Version": "v2", "num_images": 2}\r\n';
    const f = file(`utf16${endian}/a.leonardo.json`, utf16(text, endian));
    const lint = await cli(['--format', 'json', f]);
    assert.equal(lint.code, 1);
    const [message] = JSON.parse(lint.out)[0].messages;
    // Line 1, and the column counts from the first character after the BOM.
    assert.deepEqual([message.ruleId, message.line, message.column], ['unknown-field', 1, text.indexOf('"sd_Version"') + 1]);
    assert.equal((await cli(['--fix', f])).code, 0);
    assert.ok(fs.readFileSync(f).equals(utf16(text.replace('sd_Version', 'sd_version'), endian)));
  });
}

test('a UTF-8 BOM is kept, and columns on line 1 are not one too high', async () => {
  const text = '{"prompt": "x", "sd_Version": "v2", "num_images": 2}\n';
  const f = file('bom/a.leonardo.json', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]));
  const { out } = await cli(['--format', 'json', f]);
  const [message] = JSON.parse(out)[0].messages;
  assert.equal(message.column, text.indexOf('"sd_Version"') + 1);
  assert.equal(message.fix.range[0], text.indexOf('sd_Version'), 'fix ranges too count from after the BOM (as ESLint)');
  const stylish = await cli([f]);
  assert.match(stylish.out, new RegExp(`1:${text.indexOf('"sd_Version"') + 1}\\s+error`));
  await cli(['--fix', f]);
  assert.equal(fs.readFileSync(f, 'utf8'), '\uFEFF' + text.replace('sd_Version', 'sd_version'));
});

test('a UTF-16 file that cannot be written back exactly is left untouched, with a clear error; the others are fixed', async () => {
  const odd = Buffer.concat([utf16('{"prompt": "x", "sd_Version": "v2", "num_images": 2}', 'le'), Buffer.from([0x20])]);
  const broken = file('odd/a.leonardo.json', odd);
  const fine = file('odd/b.leonardo.json', body(Buffer.from('x')));
  const fineOriginal = fs.readFileSync(fine);
  const { code, out } = await cli(['--fix', '--format', 'json', path.join(temp.path, 'odd')]);
  assert.equal(code, 1);
  assert.ok(fs.readFileSync(broken).equals(odd));
  assert.ok(fs.readFileSync(fine).equals(fixedBytes(fineOriginal)));
  const result = JSON.parse(out).find((r: { filePath: string }) => r.filePath === broken);
  const messages = result.messages.map((m: { ruleId: string | null; message: string }) => `${m.ruleId}: ${m.message}`);
  assert.ok(messages.some((m: string) => m.startsWith('unknown-field')), 'its findings are still reported');
  assert.ok(messages.includes('null: File is not valid UTF-16 LE (an odd number of bytes); not fixed.'), messages.join('\n'));
});

test('decoding and encoding give back any bytes exactly (UTF-8, BOMs, UTF-16, anything else as Latin-1)', () => {
  const prefixes = fc.constantFrom([], [0xef, 0xbb, 0xbf], [0xff, 0xfe], [0xfe, 0xff]);
  fc.assert(
    fc.property(prefixes, fc.uint8Array({ maxLength: 64 }), (prefix, rest) => {
      const bytes = Buffer.concat([Buffer.from(prefix), Buffer.from(rest)]);
      const decoded = decodeFile(bytes);
      const encoded = encodeFile(decoded, decoded.text);
      if (decoded.unwritable) assert.ok(!Buffer.isBuffer(encoded));
      else assert.ok(Buffer.isBuffer(encoded) && encoded.equals(bytes), `${bytes.toString('hex')} as ${decoded.encoding}`);
    }),
    { numRuns: 2000, seed: 16 },
  );
  // Latin-1 cannot hold what it has no byte for: such a text is refused, never written lossily.
  const latin = decodeFile(Buffer.from([0x7b, 0xe9, 0xff]));
  assert.equal(latin.encoding, 'latin1');
  assert.ok(!Buffer.isBuffer(encodeFile(latin, '{é€')));
});

// -- How the file is written -------------------------------------------------------------------------

test('the mode of the file is kept, and no temporary file is left', async () => {
  const f = file('mode/a.leonardo.json', body(Buffer.from('x')));
  fs.chmodSync(f, 0o751);
  await cli(['--fix', f]);
  assert.equal(fs.statSync(f).mode & 0o7777, 0o751);
  assert.deepEqual(fs.readdirSync(path.dirname(f)), ['a.leonardo.json']);
});

test('the owner and group are kept (when running as root, who can give them)', async (t) => {
  if (process.getuid?.() !== 0) {
    t.skip('not root: a process can only give files its own owner');
    return;
  }
  const f = file('owner/a.leonardo.json', body(Buffer.from('x')));
  fs.chownSync(f, 4321, 4322);
  fs.chmodSync(f, 0o2640);
  const inode = fs.statSync(f).ino;
  await cli(['--fix', f]);
  const stat = fs.statSync(f);
  assert.notEqual(stat.ino, inode, 'replaced by rename');
  assert.deepEqual([stat.uid, stat.gid, stat.mode & 0o7777], [4321, 4322, 0o2640]);
});

test('through a symlink, the target is fixed and the link stays a link', async () => {
  const target = file('link/real/a.leonardo.json', body(Buffer.from('x')));
  const original = fs.readFileSync(target);
  const link = path.join(temp.path, 'link/alias.leonardo.json');
  fs.symlinkSync(path.join('real', 'a.leonardo.json'), link);
  const { code } = await cli(['--fix', link]);
  assert.equal(code, 0);
  assert.ok(fs.lstatSync(link).isSymbolicLink());
  assert.equal(fs.readlinkSync(link), path.join('real', 'a.leonardo.json'));
  assert.ok(fs.readFileSync(target).equals(fixedBytes(original)));
  assert.deepEqual(fs.readdirSync(path.dirname(link)).sort(), ['alias.leonardo.json', 'real']);
});

test('a hard-linked file is written in place: every name sees the fix, and they stay one file', async () => {
  const f = file('hard/a.leonardo.json', body(Buffer.from('x')));
  const original = fs.readFileSync(f);
  const other = path.join(temp.path, 'hard-other.json');
  fs.linkSync(f, other);
  const inode = fs.statSync(f).ino;
  await cli(['--fix', f]);
  assert.equal(fs.statSync(f).ino, inode);
  assert.equal(fs.statSync(other).nlink, 2);
  assert.ok(fs.readFileSync(other).equals(fixedBytes(original)));
});

test('a file changed since it was read is not overwritten, and the run says so', async () => {
  const f = file('changed/a.leonardo.json', body(Buffer.from('x')));
  const read = readBounded(f, 1 << 20);
  assert.ok(read.ok);
  // Another program saves the file between the read and the write.
  const edited = body(Buffer.from('edited by someone else'));
  fs.writeFileSync(f, edited);
  const outcome = writeFileSafely(f, read.bytes, read.stat, fixedBytes(read.bytes));
  assert.deepEqual(outcome, { written: false, reason: 'changed', message: 'changed since it was read' });
  assert.ok(fs.readFileSync(f).equals(edited));
});

test('a save that lands while the fixed content is being written wins: the rename is not done', async () => {
  const f = file('race/a.leonardo.json', body(Buffer.from('x')));
  const edited = Buffer.concat([body(Buffer.from('x')), Buffer.from('\n')]);
  // The module object itself (the import above is a read-only view of it), as the CLI's code reads it.
  const fsModule = createRequire(__filename)('node:fs') as { fsyncSync: (fd: number) => void };
  const realFsync = fsModule.fsyncSync;
  let saved = false;
  // The temporary file is flushed after the first check and before the last one: the editor saves then.
  fsModule.fsyncSync = (fd: number) => {
    realFsync(fd);
    if (!saved) {
      saved = true;
      fs.writeFileSync(f, edited);
    }
  };
  let result;
  try {
    result = await cli(['--fix', '--format', 'json', f]);
  } finally {
    fsModule.fsyncSync = realFsync;
  }
  assert.ok(saved, 'the hook ran');
  assert.ok(fs.readFileSync(f).equals(edited), 'the save is kept');
  assert.deepEqual(fs.readdirSync(path.dirname(f)), ['a.leonardo.json'], 'the temporary file is removed');
  assert.equal(result.code, 1);
  const messages = JSON.parse(result.out)[0].messages.map((m: { message: string }) => m.message);
  assert.ok(messages.includes('File changed since it was read; not fixed.'), messages.join('\n'));
  assert.ok(messages.some((m: string) => m.includes('sd_Version')), 'the findings of the file as read are reported');
  const stylish = await cli(['--fix', f]);
  assert.equal(stylish.code, 0, 'a second run fixes the saved file');
});
