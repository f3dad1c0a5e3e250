// `.gitignore` files as git reads them, for the workspace listing: every folder's own file, its
// patterns relative to that folder; the last pattern that matches decides, and a deeper file's
// patterns come before its parents'; `!pattern` re-includes; `dir/` matches folders only; a `/` at
// the start or in the middle anchors a pattern to its file's folder, and a pattern without one
// matches a name at any depth; `**/`, `/**/` and a trailing `/**` as git's; `\` escapes; trailing
// spaces dropped unless escaped. git's rule that a file cannot be re-included when a parent folder is
// excluded is the walker's: it never enters an excluded folder. The walker also reads the repository's
// `.git/info/exclude`, below every .gitignore as in git; the user's global excludes file is not read
// (it lies outside the workspace).
//
// Written by hand: the `ignore` package in node_modules is only a dependency of ESLint's and
// typescript-eslint's, not the project's, and the project's other glob library compiles patterns to
// backtracking regular expressions, while a .gitignore comes with the workspace (untrusted input).
// The patterns are matched by the configuration's bounded matcher (engine/config/glob.ts), after
// escaping what it reads differently from git (braces and extended-glob parentheses are literal in git).

import { compileGlob } from '../engine/config/glob.js';

/** Patterns read from one file (more are dropped), and the bytes of it read. */
export const MAX_GITIGNORE_PATTERNS = 500;
export const MAX_GITIGNORE_BYTES = 64 * 1024;

interface Pattern {
  match: (relative: string) => boolean;
  negated: boolean;
  dirOnly: boolean;
}

/** One folder's .gitignore: its folder (relative to the root, `/`-separated, '' for the root) and patterns. */
export interface GitignoreFile {
  base: string;
  patterns: Pattern[];
}

/** The .gitignore files that apply in a folder: its own (when it has one) and its parents'. */
export interface Gitignores {
  file: GitignoreFile;
  parent: Gitignores | undefined;
}

/** Parses a .gitignore found in the folder `base` (relative to the root). */
export function parseGitignore(text: string, base: string): GitignoreFile {
  const patterns: Pattern[] = [];
  for (const raw of text.slice(0, MAX_GITIGNORE_BYTES).split(/\r?\n/)) {
    if (patterns.length >= MAX_GITIGNORE_PATTERNS) break;
    const pattern = parsePattern(raw);
    if (pattern) patterns.push(pattern);
  }
  return { base, patterns };
}

function parsePattern(raw: string): Pattern | undefined {
  let line = trimTrailingSpaces(raw);
  if (line === '' || line.startsWith('#')) return undefined;
  const negated = line.startsWith('!');
  if (negated) line = line.slice(1);
  // A pattern ending in an unescaped backslash is invalid in git: it matches nothing.
  if (line.endsWith('\\') && !escapedAt(line, line.length - 1)) return undefined;
  const dirOnly = line.endsWith('/');
  if (dirOnly) line = line.slice(0, -1);
  const anchored = line.includes('/');
  if (line.startsWith('/')) line = line.slice(1);
  // `x/**` matches what is inside x, not x itself (the matcher's `**` may match no folder at all).
  if (line.endsWith('/**')) line += '/*';
  if (line === '') return undefined;
  try {
    return { match: compileGlob(escapeForMatcher(line), { basename: !anchored }), negated, dirOnly };
  } catch {
    return undefined; // past the matcher's bounds: not applied
  }
}

/** Trailing spaces are dropped, except one written `\ `. */
function trimTrailingSpaces(line: string): string {
  let end = line.length;
  while (end > 0 && line[end - 1] === ' ' && !escapedAt(line, end - 1)) end--;
  return line.slice(0, end);
}

/** Whether the character at `i` is escaped (an odd number of backslashes before it). */
function escapedAt(text: string, i: number): boolean {
  let slashes = 0;
  while (i - slashes - 1 >= 0 && text[i - slashes - 1] === '\\') slashes++;
  return slashes % 2 === 1;
}

/** Braces, parentheses and a leading `!` are plain characters in git; the matcher reads them otherwise. */
function escapeForMatcher(pattern: string): string {
  let out = pattern.startsWith('!') ? '\\' : '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\' && i + 1 < pattern.length) {
      out += c + pattern[++i];
    } else {
      out += c === '{' || c === '}' || c === '(' || c === ')' ? `\\${c}` : c;
    }
  }
  return out;
}

/**
 * Whether git ignores the file or folder at `relative` (`/`-separated, from the root), by the
 * .gitignore files of its folder and its parents. Its parent folders are taken as not ignored (the
 * walker does not enter ignored ones).
 */
export function isIgnored(gitignores: Gitignores | undefined, relative: string, isDir: boolean): boolean {
  for (let g = gitignores; g; g = g.parent) {
    const { base, patterns } = g.file;
    const inside = base === '' ? relative : relative.slice(base.length + 1);
    for (let i = patterns.length - 1; i >= 0; i--) {
      const p = patterns[i];
      if ((isDir || !p.dirOnly) && p.match(inside)) return !p.negated;
    }
  }
  return false;
}
