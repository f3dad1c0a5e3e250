// Reading a file's bytes as text and writing fixed text back, for --fix: nothing but the bytes of the
// edits may change, and a write never leaves a file empty or cut.
//
// Encodings: UTF-8 (a BOM kept), UTF-16 LE/BE with their BOM, and any other bytes as Latin-1. Latin-1
// maps each byte to one character and back, so a Windows-1252 or Latin-1 file (or any file that is
// not valid UTF-8) comes back byte for byte except where an edit was made; columns of its non-ASCII
// characters count bytes. The BOM is not part of the text the engine sees (as in ESLint): columns on
// the first line start at 1, and it is written back in front of the fixed text.
//
// Writing: the new bytes go to a temporary file in the file's folder, which is flushed (fsync) and
// renamed over the file, so at every moment the file holds either its old or its new content. The
// temporary file gets the file's mode (and owner, where the process may set it). A symlink is
// resolved first, so its target is replaced and the link stays a link. Just before the rename the
// file is read again: if it changed since it was read (an editor or a formatter saved it), it is left
// as it is and reported. A file with several hard links is written in place instead (a rename would
// give this name a new inode and split it from its other names): the content is written over the old
// one, then cut to length, and flushed; that write is not atomic (see SECURITY.md).

import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describeError } from '../engine/config/file.js';

export type Encoding = 'utf8' | 'utf16le' | 'utf16be' | 'latin1';

export interface DecodedFile {
  /** The text the engine reads: the file's characters without the BOM. */
  text: string;
  encoding: Encoding;
  /** The BOM's bytes (empty when there is none), written back in front of the text. */
  bom: Buffer;
  /** Why the file can be read but not written back exactly, when it cannot. */
  unwritable?: string;
}

const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const UTF16LE_BOM = Buffer.from([0xff, 0xfe]);
const UTF16BE_BOM = Buffer.from([0xfe, 0xff]);

export const ENCODING_NAMES: Record<Encoding, string> = {
  utf8: 'UTF-8',
  utf16le: 'UTF-16 LE',
  utf16be: 'UTF-16 BE',
  latin1: 'Latin-1',
};

/** The text of a file's bytes, with what it takes to write text back the same way. */
export function decodeFile(bytes: Buffer): DecodedFile {
  if (startsWith(bytes, UTF16LE_BOM) && !startsWith(bytes, Buffer.from([0xff, 0xfe, 0, 0]))) {
    return checked(bytes, 'utf16le', UTF16LE_BOM);
  }
  if (startsWith(bytes, UTF16BE_BOM)) return checked(bytes, 'utf16be', UTF16BE_BOM);
  const bom = startsWith(bytes, UTF8_BOM) ? UTF8_BOM : Buffer.alloc(0);
  const rest = bytes.subarray(bom.length);
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(rest), encoding: 'utf8', bom };
  } catch {
    // Not UTF-8: every byte is one Latin-1 character, so nothing is lost, whatever the real encoding.
    return { text: rest.toString('latin1'), encoding: 'latin1', bom };
  }
}

/** A decoding whose text must encode back to exactly the same bytes, or the file is not written. */
function checked(bytes: Buffer, encoding: Encoding, bom: Buffer): DecodedFile {
  const rest = bytes.subarray(bom.length);
  if (rest.length % 2 !== 0) {
    return { text: decode(rest.subarray(0, rest.length - 1), encoding), encoding, bom, unwritable: `not valid ${ENCODING_NAMES[encoding]} (an odd number of bytes)` };
  }
  return { text: decode(rest, encoding), encoding, bom };
}

function decode(bytes: Buffer, encoding: Encoding): string {
  if (encoding === 'utf16be') return Buffer.from(bytes).swap16().toString('utf16le');
  return bytes.toString(encoding);
}

/**
 * The bytes of `text` written the way the file was, or the reason it cannot be: Latin-1 holds only
 * U+0000–U+00FF, and UTF-8 no lone surrogate.
 */
export function encodeFile(decoded: DecodedFile, text: string): Buffer | { error: string } {
  if (decoded.unwritable) return { error: `is ${decoded.unwritable}` };
  let body: Buffer;
  if (decoded.encoding === 'latin1') {
    if (/[^\u0000-\u00ff]/.test(text)) return { error: 'is Latin-1 (not UTF-8) and the fixes need characters Latin-1 cannot hold' };
    body = Buffer.from(text, 'latin1');
  } else if (decoded.encoding === 'utf8') {
    if (wellFormed(text) !== text) return { error: 'would hold a lone surrogate after the fixes, which UTF-8 cannot encode' };
    body = Buffer.from(text, 'utf8');
  } else {
    body = Buffer.from(text, 'utf16le');
    if (decoded.encoding === 'utf16be') body.swap16();
  }
  return Buffer.concat([decoded.bom, body]);
}

/** The text with each UTF-16 surrogate that lacks its pair replaced by U+FFFD. */
export function wellFormed(text: string): string {
  return text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}

function startsWith(bytes: Buffer, prefix: Buffer): boolean {
  return bytes.length >= prefix.length && bytes.subarray(0, prefix.length).equals(prefix);
}

// -- Writing ---------------------------------------------------------------------------------------

export type WriteOutcome =
  | { written: true; inPlace: boolean }
  | { written: false; reason: 'changed' | 'error'; message: string };

/**
 * Replaces the file's content with `next`, if the file still holds `original` (the bytes it was read
 * with) and `stat` still describes it. Never throws for a file system error: it says what happened.
 */
export function writeFileSafely(file: string, original: Buffer, stat: fs.Stats, next: Buffer): WriteOutcome {
  let target: string;
  try {
    // Through a symlink, the target is what changes; the link stays a link.
    target = fs.realpathSync(file);
  } catch (error) {
    return failure(error);
  }
  const now = currentState(target, stat);
  if ('message' in now) return now;
  if (changedSince(now.stat, now.bytes, stat, original)) return changed();
  try {
    // The file's own permission decides, not the folder's: a read-only file is not replaced.
    fs.accessSync(target, fs.constants.W_OK);
  } catch (error) {
    return failure(error);
  }
  if (now.stat.nlink > 1) return writeInPlace(target, original, stat, next);
  return writeByRename(target, original, stat, next);
}

function writeByRename(target: string, original: Buffer, stat: fs.Stats, next: Buffer): WriteOutcome {
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(6).toString('hex')}.leonardo-lint.tmp`);
  let fd: number | undefined;
  try {
    try {
      fd = fs.openSync(temp, fs.constants.O_WRONLY | fs.constants.O_CREAT | fs.constants.O_EXCL, 0o600);
    } catch (error) {
      // A folder this process may not add files to, around a file it may write: write in place.
      if ((error as NodeJS.ErrnoException).code === 'EACCES') return writeInPlace(target, original, stat, next);
      throw error;
    }
    writeAll(fd, next);
    if (!keepOwnerAndMode(fd, stat)) {
      fs.closeSync(fd);
      fd = undefined;
      fs.unlinkSync(temp);
      // The new file could not get the old one's owner: write in place, which keeps it.
      return writeInPlace(target, original, stat, next);
    }
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fd = undefined;
    // The last look before the rename: anything saved meanwhile wins, and this run's fixes are dropped.
    const now = currentState(target, stat);
    if ('message' in now) {
      fs.unlinkSync(temp);
      return now;
    }
    if (changedSince(now.stat, now.bytes, stat, original)) {
      fs.unlinkSync(temp);
      return changed();
    }
    fs.renameSync(temp, target);
  } catch (error) {
    if (fd !== undefined) closeQuietly(fd);
    removeQuietly(temp);
    return failure(error);
  }
  syncFolder(path.dirname(target));
  return { written: true, inPlace: false };
}

/** For hard-linked files and owners the process cannot give a new file: over the old content, flushed. */
function writeInPlace(target: string, original: Buffer, stat: fs.Stats, next: Buffer): WriteOutcome {
  let fd: number | undefined;
  try {
    fd = fs.openSync(target, fs.constants.O_RDWR | (fs.constants.O_NONBLOCK ?? 0));
    const opened = fs.fstatSync(fd);
    if (!opened.isFile() || opened.size !== stat.size) return changed();
    const bytes = readAll(fd, opened.size);
    if (changedSince(opened, bytes, stat, original)) return changed();
    writeAll(fd, next, 0);
    fs.ftruncateSync(fd, next.length);
    fs.fsyncSync(fd);
    return { written: true, inPlace: true };
  } catch (error) {
    return failure(error);
  } finally {
    if (fd !== undefined) closeQuietly(fd);
  }
}

/** The file as it is now; its bytes are read only when its size is still the size it was read with. */
function currentState(target: string, then: fs.Stats): { stat: fs.Stats; bytes: Buffer } | { written: false; reason: 'changed' | 'error'; message: string } {
  let fd: number | undefined;
  try {
    fd = fs.openSync(target, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
    const stat = fs.fstatSync(fd);
    if (!stat.isFile() || stat.size !== then.size) return changed();
    return { stat, bytes: readAll(fd, stat.size) };
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? changed() : failure(error);
  } finally {
    if (fd !== undefined) closeQuietly(fd);
  }
}

function changedSince(now: fs.Stats, bytes: Buffer, then: fs.Stats, original: Buffer): boolean {
  return now.ino !== then.ino || now.dev !== then.dev || now.size !== then.size || now.mtimeMs !== then.mtimeMs || !bytes.equals(original);
}

/** Mode always; owner and group when they differ from the new file's. False when they cannot be kept. */
function keepOwnerAndMode(fd: number, stat: fs.Stats): boolean {
  fs.fchmodSync(fd, stat.mode & 0o7777);
  const created = fs.fstatSync(fd);
  if (created.uid === stat.uid && created.gid === stat.gid) return true;
  try {
    fs.fchownSync(fd, stat.uid, stat.gid);
  } catch {
    return false;
  }
  // chown clears the set-id bits: set the mode again.
  fs.fchmodSync(fd, stat.mode & 0o7777);
  return true;
}

function readAll(fd: number, size: number): Buffer {
  const buffer = Buffer.alloc(size);
  let at = 0;
  while (at < size) {
    const n = fs.readSync(fd, buffer, at, size - at, at);
    if (n === 0) return buffer.subarray(0, at);
    at += n;
  }
  return buffer;
}

function writeAll(fd: number, bytes: Buffer, position?: number): void {
  let at = 0;
  while (at < bytes.length) {
    at += fs.writeSync(fd, bytes, at, bytes.length - at, position === undefined ? null : position + at);
  }
}

/** The rename is durable once the folder is flushed; not every system can open a folder for that. */
function syncFolder(dir: string): void {
  let fd: number | undefined;
  try {
    fd = fs.openSync(dir, fs.constants.O_RDONLY);
    fs.fsyncSync(fd);
  } catch {
    // Best effort: the rename itself has happened.
  } finally {
    if (fd !== undefined) closeQuietly(fd);
  }
}

function changed(): { written: false; reason: 'changed'; message: string } {
  return { written: false, reason: 'changed', message: 'changed since it was read' };
}

function failure(error: unknown): { written: false; reason: 'error'; message: string } {
  const detail = typeof error === 'object' && error !== null && 'code' in error ? describeError(error as NodeJS.ErrnoException) : String(error);
  return { written: false, reason: 'error', message: `could not be written: ${detail}` };
}

function closeQuietly(fd: number): void {
  try {
    fs.closeSync(fd);
  } catch {
    // Already closed or gone: nothing to release.
  }
}

function removeQuietly(file: string): void {
  try {
    fs.unlinkSync(file);
  } catch {
    // Never created, or already renamed.
  }
}
