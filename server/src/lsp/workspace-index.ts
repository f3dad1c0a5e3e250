// The language server's workspace index: one WorkspaceIndex per workspace folder, answering from the
// disk at once (so the first diagnostics of an open file never wait) while the folder's files are
// listed and indexed in the background, in slices that leave the event loop free between them.
// node_modules, VCS folders and what the folder's .gitignore ignores are not listed; the listing is
// bounded in files and folders; nothing outside a folder is read, and nothing is executed, so an
// untrusted workspace is as safe as a trusted one.

import fs from 'node:fs';
import path from 'node:path';
import { compileGlob } from '../engine/config/glob.js';
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
const MAX_GITIGNORE_PATTERNS = 500;

/** When no file is opened, the background indexing starts this long after the server. */
const START_AFTER_MS = 1000;

const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

export interface IndexerHooks {
  /** Files whose analyses read something that changed: open ones should be checked again. */
  affected(files: string[]): void;
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

  /** An open document's text changed (or it was opened): its importers are told. */
  documentChanged(file: string, text: string): void {
    const folder = this.folderOf(file);
    if (folder) this.report(folder.index.update(file, text));
  }

  /** A document was closed: the disk's text counts again. */
  documentClosed(file: string): void {
    const folder = this.folderOf(file);
    if (folder) this.report(folder.index.release(file));
  }

  /** workspace/didChangeWatchedFiles: a file was created, changed or deleted on disk (not an open one's edit). */
  fileChanged(file: string, deleted: boolean): void {
    const folder = this.folderOf(file);
    if (folder) this.report(folder.index.update(file, deleted ? null : undefined));
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
    const files = await listFiles(folder.root, () => folder.cancelled);
    if (folder.cancelled) return;
    folder.index.setFiles(files);
    const listed = folder.index.listedFiles();
    let slice = performance.now();
    for (let i = 0; i < listed.length; i++) {
      if (performance.now() - this.lastTyping < QUIET_MS) {
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
 * folders skipped, the root's .gitignore respected, at most DEFAULT_MAX_FILES files and MAX_FOLDERS
 * folders. Asynchronous, yielding between folders.
 */
const INDEXED = /\.(?:[cm]?[jt]s|[jt]sx|json)$/i;

export async function listFiles(root: string, cancelled: () => boolean, wanted: RegExp = INDEXED): Promise<string[]> {
  const ignored = gitignore(root);
  const files: string[] = [];
  const stack = [root];
  let folders = 0;
  while (stack.length > 0 && files.length < DEFAULT_MAX_FILES && folders++ < MAX_FOLDERS) {
    if (cancelled()) return files;
    const dir = stack.pop()!;
    let entries: fs.Dirent[];
    try {
      entries = await fs.promises.readdir(dir, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      const relative = path.relative(root, full).split(path.sep).join('/');
      if (entry.isDirectory()) {
        if (!SKIPPED_FOLDERS.has(entry.name) && !ignored(relative, true)) stack.push(full);
      } else if (entry.isFile() && wanted.test(entry.name) && !ignored(relative, false)) {
        files.push(full);
      }
    }
  }
  return files;
}

/**
 * The root .gitignore as a test of `/`-separated relative paths: patterns without a slash match a
 * name at any depth, others from the root; a trailing `/` matches folders only. Negations (`!x`) are
 * not applied, so at worst a re-included file is not indexed. (No library in the project reads
 * .gitignore; the globs are the config's own bounded matcher.)
 */
function gitignore(root: string): (relative: string, isDir: boolean) => boolean {
  let text: string;
  try {
    text = fs.readFileSync(path.join(root, '.gitignore'), 'utf8').slice(0, 64 * 1024);
  } catch {
    return () => false;
  }
  const tests: Array<{ match: (p: string) => boolean; dirOnly: boolean }> = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#') || line.startsWith('!') || tests.length >= MAX_GITIGNORE_PATTERNS) continue;
    const dirOnly = line.endsWith('/');
    let pattern = dirOnly ? line.slice(0, -1) : line;
    const anchored = pattern.includes('/');
    if (pattern.startsWith('/')) pattern = pattern.slice(1);
    try {
      const glob = compileGlob(anchored ? pattern : pattern, { basename: !anchored });
      tests.push({ match: glob, dirOnly });
    } catch {
      continue;
    }
  }
  return (relative, isDir) => tests.some((t) => (isDir || !t.dirOnly) && t.match(relative));
}
