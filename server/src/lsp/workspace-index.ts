// The language server's workspace index: one WorkspaceIndex per workspace folder, answering from the
// disk at once (so the first diagnostics of an open file never wait) while the folder's files are
// listed and indexed in the background, in slices that leave the event loop free between them.
// node_modules, VCS folders and what the folder's .gitignore files ignore are not listed; the listing is
// bounded in files and folders; nothing outside a folder is read, and nothing is executed, so an
// untrusted workspace is as safe as a trusted one.

import fs from 'node:fs';
import path from 'node:path';
import { isIgnored, MAX_GITIGNORE_BYTES, parseGitignore, type Gitignores } from './gitignore.js';
import { WorkspaceIndex, DEFAULT_MAX_FILES } from '../engine/workspace/index.js';
import type { ImportResolver } from '../engine/workspace/types.js';
import { diskReader } from '../cli/workspace.js';

const SKIPPED_FOLDERS = new Set(['node_modules', '.git', '.hg', '.svn']);
const MAX_FOLDERS = 50_000;
/**
 * Indexing gives the event loop back after this much work (a keystroke's didChange then waits for
 * at most one such slice, or one file, behind the indexer): 64 files at a time held a keystroke up
 * for a tenth of a second in a large workspace.
 */
const SLICE_MS = 8;
/** After an edit, background indexing waits for this long a pause in the typing (the edits' analyses come first). */
const QUIET_MS = 300;

/** When no file is opened, the background indexing starts this long after the server. */
const START_AFTER_MS = 1000;

const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

export interface IndexerHooks {
  /** Files whose analyses read something that changed: open ones should be checked again. */
  affected(files: string[]): void;
  /**
   * Files whose analyses read an edited module that answers exactly as before: their results stand
   * (open ones may be published again as they are).
   */
  unchanged(files: string[]): void;
  /** The files open in the editor (an edit to a module one of them reads is compared at once). */
  openFiles(): ReadonlySet<string>;
  log(message: string): void;
}

interface Folder {
  root: string;
  index: WorkspaceIndex;
  /** Set when the folder is gone or replaced: its background work stops. */
  cancelled: boolean;
  /** Resolves when the background indexing is done (for the bench and the tests). */
  done: Promise<void>;
}

export class BackgroundIndexer {
  private folders: Folder[] = [];
  private readonly read = diskReader();
  private startNow!: () => void;
  /** Background work waits for the first analysis (the open files come first), or for START_AFTER_MS. */
  private readonly started = new Promise<void>((resolve) => (this.startNow = resolve));

  constructor(private readonly hooks: IndexerHooks) {
    setTimeout(() => this.startNow(), START_AFTER_MS).unref();
  }

  /** When the user last typed in any document (performance.now()). */
  private lastTyping = -Infinity;

  /** An analysis finished: the first one lets the background indexing start. */
  analysed(): void {
    this.startNow();
  }

  /** A document was edited: background indexing pauses until the typing does. */
  typing(): void {
    this.lastTyping = performance.now();
  }

  private isTyping(): boolean {
    return performance.now() - this.lastTyping < QUIET_MS;
  }

  /** Resolves once no edit has come for QUIET_MS. */
  private async quiet(): Promise<void> {
    for (;;) {
      const wait = this.lastTyping + QUIET_MS - performance.now();
      if (wait <= 0) return;
      await new Promise<void>((resolve) => setTimeout(resolve, wait).unref());
    }
  }

  /** The workspace folders (file paths); each new one is listed and indexed in the background. */
  setFolders(roots: readonly string[]): void {
    const wanted = new Set(roots.map((root) => path.resolve(root)));
    for (const folder of this.folders) if (!wanted.has(folder.root)) folder.cancelled = true;
    const kept = this.folders.filter((folder) => !folder.cancelled);
    for (const root of wanted) {
      if (kept.some((folder) => folder.root === root)) continue;
      const folder: Folder = { root, index: new WorkspaceIndex({ root, read: this.read }), cancelled: false, done: Promise.resolve() };
      folder.done = this.indexInBackground(folder).catch((error: unknown) => this.hooks.log(`Workspace index of ${root}: ${String(error)}`));
      kept.push(folder);
    }
    // Innermost first: a file is answered by the nearest folder.
    this.folders = kept.sort((a, b) => b.root.length - a.root.length);
  }

  /** The workspace folders' roots. */
  roots(): string[] {
    return this.folders.map((folder) => folder.root);
  }

  /** Resolves when every folder's background indexing is done. */
  whenIndexed(): Promise<void> {
    return Promise.all(this.folders.map((folder) => folder.done)).then(() => undefined);
  }

  /** What the analysis of a file may ask about its imports; undefined outside every folder. */
  resolverFor(file: string): ImportResolver | undefined {
    return this.folderOf(file)?.index.resolverFor(file);
  }

  /** An open document's text changed (or it was opened): its importers are told whether their results stand. */
  documentChanged(file: string, text: string): void {
    this.changed(file, text);
  }

  /** A document was closed: the disk's text counts again. */
  documentClosed(file: string): void {
    const folder = this.folderOf(file);
    if (folder) this.report(folder.index.release(file));
  }

  /**
   * workspace/didChangeWatchedFiles: a file was created, changed or deleted on disk (not an open one's
   * edit; a save of an open module changes nothing its importers read).
   */
  fileChanged(file: string, deleted: boolean): void {
    this.changed(file, deleted ? null : undefined);
  }

  private changed(file: string, text: string | null | undefined): void {
    const folder = this.folderOf(file);
    if (!folder) return;
    let open: ReadonlySet<string> | undefined;
    const change = folder.index.change(file, text, (reader) => (open ??= this.hooks.openFiles()).has(reader));
    this.report(change.stale);
    if (change.unchanged.length > 0) this.hooks.unchanged(change.unchanged);
  }

  private report(files: string[]): void {
    if (files.length > 0) this.hooks.affected(files);
  }

  private folderOf(file: string): Folder | undefined {
    const resolved = path.resolve(file);
    return this.folders.find((folder) => {
      const relative = path.relative(folder.root, resolved);
      return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
    });
  }

  private async indexInBackground(folder: Folder): Promise<void> {
    // After start-up: the first requests (an open file's diagnostics) are answered first.
    await this.started;
    await yieldToEventLoop();
    const started = performance.now();
    // The listing, like the indexing, waits while the user types (reading folders is a slice of work each).
    const files = await listFiles(folder.root, () => folder.cancelled, INDEXED, () => (this.isTyping() ? this.quiet() : undefined));
    if (folder.cancelled) return;
    if (this.isTyping()) await this.quiet();
    folder.index.setFiles(files);
    const listed = folder.index.listedFiles();
    let slice = performance.now();
    for (let i = 0; i < listed.length; i++) {
      if (this.isTyping()) {
        await this.quiet();
        slice = performance.now();
      }
      if (folder.cancelled) return;
      folder.index.buildFile(listed[i]);
      if (performance.now() - slice >= SLICE_MS) {
        await yieldToEventLoop();
        slice = performance.now();
      }
    }
    this.hooks.log(
      `Workspace index of ${folder.root}: ${listed.length} files, ${folder.index.summarized} modules summarised, ${Math.round(performance.now() - started)} ms.`,
    );
    // Analyses made before the listing answered from the disk alone: they may now see more (or less).
    this.report(['*']);
  }
}

/**
 * The TS/JS files and tsconfig/jsconfig files under `root`: no link followed, node_modules and VCS
 * folders skipped, every folder's .gitignore respected as git reads it (./gitignore.ts), at most
 * DEFAULT_MAX_FILES files and MAX_FOLDERS folders. Asynchronous, yielding between folders.
 */
const INDEXED = /\.(?:[cm]?[jt]s|[jt]sx|json)$/i;

export async function listFiles(
  root: string,
  cancelled: () => boolean,
  wanted: RegExp = INDEXED,
  /** Asked before each folder is read: a promise to wait for first (the background listing pauses while the user types). */
  pause?: () => Promise<void> | undefined,
): Promise<string[]> {
  const files: string[] = [];
  const stack: Array<{ dir: string; gitignores: Gitignores | undefined }> = [{ dir: root, gitignores: await infoExclude(root) }];
  let folders = 0;
  while (stack.length > 0 && files.length < DEFAULT_MAX_FILES && folders++ < MAX_FOLDERS) {
    const wait = pause?.();
    if (wait) await wait;
    if (cancelled()) return files;
    const next = stack.pop()!;
    const dir = next.dir;
    let gitignores = next.gitignores;
    let entries: fs.Dirent[];
    try {
      entries = await fs.promises.readdir(dir, { withFileTypes: true });
    } catch {
      continue;
    }
    const base = path.relative(root, dir).split(path.sep).join('/');
    if (entries.some((entry) => entry.name === '.gitignore' && entry.isFile())) {
      const text = await readStart(path.join(dir, '.gitignore'), MAX_GITIGNORE_BYTES);
      if (text !== undefined) gitignores = { file: parseGitignore(text, base), parent: gitignores };
    }
    for (const entry of entries) {
      const relative = base === '' ? entry.name : `${base}/${entry.name}`;
      if (entry.isDirectory()) {
        if (!SKIPPED_FOLDERS.has(entry.name) && !isIgnored(gitignores, relative, true)) stack.push({ dir: path.join(dir, entry.name), gitignores });
      } else if (entry.isFile() && wanted.test(entry.name) && !isIgnored(gitignores, relative, false)) {
        files.push(path.join(dir, entry.name));
      }
    }
  }
  return files;
}

/**
 * The repository's own excludes (`.git/info/exclude`), which git applies below every .gitignore; not
 * read when `.git` is a file (a worktree's or submodule's pointer elsewhere) or a link is on the way.
 */
async function infoExclude(root: string): Promise<Gitignores | undefined> {
  const info = path.join(root, '.git', 'info');
  try {
    const folders = await Promise.all([fs.promises.lstat(path.dirname(info)), fs.promises.lstat(info)]);
    if (!folders.every((stat) => stat.isDirectory())) return undefined;
  } catch {
    return undefined;
  }
  const text = await readStart(path.join(info, 'exclude'), MAX_GITIGNORE_BYTES);
  return text === undefined ? undefined : { file: parseGitignore(text, ''), parent: undefined };
}

/** The first `bytes` of a regular file as UTF-8 (never through a link), or undefined when it cannot be read. */
async function readStart(file: string, bytes: number): Promise<string | undefined> {
  let handle: fs.promises.FileHandle | undefined;
  try {
    handle = await fs.promises.open(file, fs.constants.O_RDONLY | (fs.constants.O_NOFOLLOW ?? 0) | (fs.constants.O_NONBLOCK ?? 0));
    if (!(await handle.stat()).isFile()) return undefined;
    const buffer = Buffer.alloc(bytes);
    const { bytesRead } = await handle.read(buffer, 0, bytes, 0);
    return buffer.subarray(0, bytesRead).toString('utf8');
  } catch {
    return undefined;
  } finally {
    await handle?.close();
  }
}

