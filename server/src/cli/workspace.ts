// The workspace index from the disk, for the CLI (and the language server's background indexing):
// where a project's root is, and a reader that reads only regular files inside it, bounded in size,
// never through a link (a link could lead outside the project) and never in node_modules.

import fs from 'node:fs';
import path from 'node:path';
import { DEFAULT_MAX_FILE_SIZE } from '../engine/config/lint-config.js';
import { readBounded } from '../engine/config/file.js';
import type { ImportResolver } from '../engine/workspace/types.js';
import { WorkspaceIndex } from '../engine/workspace/index.js';
import { decodeFile } from './file-io.js';

/** What marks a project's root when one file is linted: its imports are resolved up to there. */
const ROOT_MARKERS = ['package.json', 'tsconfig.json', 'jsconfig.json', '.git'];
const MAX_ROOT_DEPTH = 12;

/** A file's text from the disk: a regular file (not a link), at most `maxBytes`, decoded as the CLI decodes. */
export function diskReader(maxBytes = DEFAULT_MAX_FILE_SIZE): (file: string) => string | undefined {
  return (file) => {
    const stat = fs.lstatSync(file, { throwIfNoEntry: false });
    if (!stat?.isFile()) return undefined;
    const read = readBounded(file, maxBytes);
    return read.ok ? decodeFile(read.bytes).text : undefined;
  };
}

/** The nearest folder at or above `dir` holding a package.json, tsconfig/jsconfig or .git; `dir` when none. */
export function projectRoot(dir: string): string {
  let current = path.resolve(dir);
  for (let depth = 0; depth < MAX_ROOT_DEPTH; depth++) {
    if (ROOT_MARKERS.some((marker) => fs.existsSync(path.join(current, marker)))) return current;
    const parent = path.dirname(current);
    if (parent === current) break;
    current = parent;
  }
  return path.resolve(dir);
}

/**
 * The indexes of one CLI run: a folder named on the command line is its own workspace, its files
 * the ones listed (so an ignored folder stays ignored); a file named alone resolves its imports from
 * the disk under its project's root. Each index is built once, lazily: only what an analysis asks
 * about is read (a folder of files that never mention Leonardo costs one scan per imported module).
 */
export class CliWorkspaces {
  private readonly indexes: WorkspaceIndex[] = [];

  constructor(inputs: readonly string[], listed: readonly string[]) {
    const read = diskReader();
    const folders = inputs.map((input) => path.resolve(input)).filter((input) => fs.statSync(input, { throwIfNoEntry: false })?.isDirectory());
    // Longest first, so a file is answered by the innermost folder named.
    folders.sort((a, b) => b.length - a.length);
    for (const folder of folders) {
      const root = projectRoot(folder);
      const inside = root === folder ? listed.filter((file) => isInside(folder, file)) : undefined;
      this.indexes.push(new WorkspaceIndex({ root, read, ...(inside ? { files: inside } : {}) }));
    }
    this.read = read;
  }

  private readonly read: (file: string) => string | undefined;
  private readonly singles = new Map<string, WorkspaceIndex>();

  /** What the analysis of `file` may ask about its imports. */
  resolverFor(file: string): ImportResolver {
    const absolute = path.resolve(file);
    let index = this.indexes.find((candidate) => isInside(candidate.root, absolute));
    if (!index) {
      const root = projectRoot(path.dirname(absolute));
      index = this.singles.get(root);
      if (!index) this.singles.set(root, (index = new WorkspaceIndex({ root, read: this.read })));
    }
    return index.resolverFor(absolute);
  }
}

function isInside(dir: string, file: string): boolean {
  const relative = path.relative(dir, file);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}
