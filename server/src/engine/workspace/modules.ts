// Module specifiers → workspace files, as TypeScript's bundler resolution finds them, for files only:
// relative paths, `index` files, the extensions a bundler tries (and `./x.js` written for `x.ts`),
// and `compilerOptions.paths` / `baseUrl` aliases of the nearest tsconfig.json or jsconfig.json
// (`@/lib/leonardo`). Never a path outside the root, never node_modules: a package is not the
// workspace's code. Written here because TypeScript's resolver needs a file system host and the full
// compiler, which the bundles do not ship.

import path from 'node:path';
import { parse as parseJsonc } from 'jsonc-parser';

const EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];
const JS_TO_TS: Record<string, string[]> = { '.js': ['.ts', '.tsx'], '.jsx': ['.tsx'], '.mjs': ['.mts'], '.cjs': ['.cts'] };
const MAX_EXTENDS = 4;

export interface ModuleHost {
  /** The workspace root: no module outside it is resolved. */
  root: string;
  /** Whether a file exists in the workspace (the index's file list, or the disk). */
  exists(file: string): boolean;
  /** A file's text (config files). */
  read(file: string): string | undefined;
}

interface Aliases {
  /** The folder `paths` are relative to. */
  base: string;
  paths: Array<{ prefix: string; suffix: string; wildcard: boolean; targets: string[] }>;
  /** `baseUrl`, when set: bare specifiers are also tried under it. */
  baseUrl?: string;
}

export class ModuleResolver {
  private readonly cache = new Map<string, string | null>();
  private readonly aliases = new Map<string, Aliases | null>();
  /** The nearest config's folder, by folder (every bare specifier asks it: a keystroke's imports walked up each time). */
  private readonly configDirs = new Map<string, string | null>();

  constructor(private readonly host: ModuleHost) {}

  /** Forget what was resolved (files were created, deleted or renamed; a config changed). */
  clear(): void {
    this.cache.clear();
    this.aliases.clear();
    this.configDirs.clear();
  }

  /** The file `specifier` names when imported from `fromFile`, or undefined (a package, or nothing in the workspace). */
  resolve(fromFile: string, specifier: string): string | undefined {
    const dir = path.dirname(fromFile);
    const relative = specifier.startsWith('./') || specifier.startsWith('../') || specifier === '.' || specifier === '..';
    const key = relative ? `${dir}\0${specifier}` : `${this.aliasKey(dir)}\0${specifier}`;
    const cached = this.cache.get(key);
    if (cached !== undefined) return cached ?? undefined;
    const found = relative ? this.file(path.resolve(dir, specifier)) : this.aliased(dir, specifier);
    this.cache.set(key, found ?? null);
    return found;
  }

  private aliasKey(dir: string): string {
    return this.configDir(dir) ?? '';
  }

  private aliased(dir: string, specifier: string): string | undefined {
    if (specifier.startsWith('node:') || specifier.startsWith('/')) return undefined;
    const aliases = this.aliasesFor(dir);
    if (!aliases) return undefined;
    for (const alias of aliases.paths) {
      if (!specifier.startsWith(alias.prefix)) continue;
      if (!alias.wildcard && specifier !== alias.prefix) continue;
      if (alias.wildcard && !specifier.endsWith(alias.suffix)) continue;
      const middle = alias.wildcard ? specifier.slice(alias.prefix.length, specifier.length - alias.suffix.length) : '';
      for (const target of alias.targets) {
        const found = this.file(path.resolve(aliases.base, target.replace('*', middle)));
        if (found) return found;
      }
    }
    return aliases.baseUrl ? this.file(path.resolve(aliases.baseUrl, specifier)) : undefined;
  }

  /** The file a path names: itself, with an extension, a `.js` written for a `.ts`, or its folder's index. */
  private file(base: string): string | undefined {
    if (!this.inside(base)) return undefined;
    const extension = path.extname(base);
    if (EXTENSIONS.includes(extension) && this.host.exists(base)) return base;
    for (const replacement of JS_TO_TS[extension] ?? []) {
      const candidate = base.slice(0, -extension.length) + replacement;
      if (this.host.exists(candidate)) return candidate;
    }
    for (const ext of EXTENSIONS) if (this.host.exists(base + ext)) return base + ext;
    for (const ext of EXTENSIONS) {
      const index = path.join(base, `index${ext}`);
      if (this.host.exists(index)) return index;
    }
    return undefined;
  }

  private inside(file: string): boolean {
    const relative = path.relative(this.host.root, file);
    if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return false;
    return !relative.split(/[\\/]/).includes('node_modules');
  }

  /** The folder of the nearest tsconfig.json / jsconfig.json at or above `dir`, inside the root. */
  private configDir(dir: string): string | undefined {
    const known = this.configDirs.get(dir);
    if (known !== undefined) return known ?? undefined;
    const found = this.findConfigDir(dir);
    this.configDirs.set(dir, found ?? null);
    return found;
  }

  private findConfigDir(dir: string): string | undefined {
    for (let current = dir; ; current = path.dirname(current)) {
      if (this.host.exists(path.join(current, 'tsconfig.json')) || this.host.exists(path.join(current, 'jsconfig.json'))) return current;
      if (current === this.host.root || !this.inside(path.join(current, 'x')) || path.dirname(current) === current) return undefined;
    }
  }

  private aliasesFor(dir: string): Aliases | undefined {
    const configDir = this.configDir(dir);
    if (configDir === undefined) return undefined;
    const cached = this.aliases.get(configDir);
    if (cached !== undefined) return cached ?? undefined;
    const tsconfig = path.join(configDir, 'tsconfig.json');
    const file = this.host.exists(tsconfig) ? tsconfig : path.join(configDir, 'jsconfig.json');
    const aliases = this.readAliases(file, 0);
    this.aliases.set(configDir, aliases ?? null);
    return aliases;
  }

  /** `compilerOptions.paths` and `baseUrl` of a config, following `extends` (relative ones, a few levels). */
  private readAliases(file: string, depth: number): Aliases | undefined {
    if (depth > MAX_EXTENDS || !this.inside(file)) return undefined;
    const text = this.host.read(file);
    if (text === undefined) return undefined;
    const config: unknown = parseJsonc(text, [], { allowTrailingComma: true });
    if (typeof config !== 'object' || config === null) return undefined;
    const { compilerOptions, extends: parent } = config as { compilerOptions?: { paths?: unknown; baseUrl?: unknown }; extends?: unknown };
    const dir = path.dirname(file);
    const inherited =
      typeof parent === 'string' && parent.startsWith('.')
        ? this.readAliases(path.resolve(dir, parent.endsWith('.json') ? parent : `${parent}.json`), depth + 1)
        : undefined;
    const baseUrl = typeof compilerOptions?.baseUrl === 'string' ? path.resolve(dir, compilerOptions.baseUrl) : inherited?.baseUrl;
    const paths = compilerOptions?.paths;
    if (typeof paths !== 'object' || paths === null) {
      return inherited || baseUrl ? { base: inherited?.base ?? dir, paths: inherited?.paths ?? [], ...(baseUrl ? { baseUrl } : {}) } : undefined;
    }
    const list: Aliases['paths'] = [];
    for (const [pattern, targets] of Object.entries(paths as Record<string, unknown>)) {
      if (!Array.isArray(targets)) continue;
      const star = pattern.indexOf('*');
      list.push({
        prefix: star >= 0 ? pattern.slice(0, star) : pattern,
        suffix: star >= 0 ? pattern.slice(star + 1) : '',
        wildcard: star >= 0,
        targets: targets.filter((t): t is string => typeof t === 'string'),
      });
    }
    // The longest prefix wins, as in TypeScript.
    list.sort((a, b) => b.prefix.length - a.prefix.length);
    return { base: baseUrl ?? dir, paths: list, ...(baseUrl ? { baseUrl } : {}) };
  }
}
