// Settings per document (workspace/configuration with the document's URI as scope, so multi-root
// folders each get their own), merged over leonardo-lint.config.json exactly as the CLI reads it.
// Nothing is kept in globals: settings are cached per URI and dropped on every configuration change.

import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Connection } from 'vscode-languageserver';
import { ConfigError, ConfigLoader } from '../engine/config/file.js';
import { mergeConfigs, unknownRuleProblems, type LintConfig } from '../engine/config/lint-config.js';
import type { SeveritySetting } from '../engine/types.js';
import { DEFAULT_SETTINGS, SETTINGS_SECTION, type Settings } from './protocol.js';

const SEVERITIES: readonly SeveritySetting[] = ['off', 'information', 'warning', 'error'];

/**
 * Settings as sent by any client, checked value by value. A value of the wrong type falls back to the
 * default, and `warn` is told once per value: which setting, what was given, what is used instead (a
 * setting dropped without a word looks to the user like a linter that ignores them). A boolean or an
 * enum value written as a string with the right spelling but the wrong type or case (`"false"`,
 * `"OnSave"`) is read as what it spells, never by JavaScript truthiness, and said too.
 */
export function sanitizeSettings(raw: unknown, warn: (message: string) => void = () => undefined): Settings {
  const obj = isRecord(raw) ? raw : {};
  if (!isRecord(raw) && raw !== undefined && raw !== null) {
    warn(`Setting ${SETTINGS_SECTION} is ${given(raw)}, not an object of settings; the defaults are used.`);
  }
  const setting = (key: keyof Settings) => `Setting ${SETTINGS_SECTION}.${key}`;
  return {
    enable: readEnable(obj.enable, (m) => warn(`${setting('enable')} ${m}`)),
    run: readRun(obj.run, (m) => warn(`${setting('run')} ${m}`)),
    rules: stringMap(obj.rules, SEVERITIES, (m) => warn(`${setting('rules')}${m}`), 'one of ' + SEVERITIES.join(', '), 'the config file\'s or the default severity is used'),
    requestFiles: stringMap(obj.requestFiles, undefined, (m) => warn(`${setting('requestFiles')}${m}`), 'an endpoint such as "POST /generations"', 'the glob is not used'),
    maxFileSize: readMaxFileSize(obj.maxFileSize, (m) => warn(`${setting('maxFileSize')} ${m}`)),
  };
}

function readEnable(value: unknown, warn: (message: string) => void): boolean {
  if (value === undefined || typeof value === 'boolean') return value ?? DEFAULT_SETTINGS.enable;
  const spelled = typeof value === 'string' ? value.trim().toLowerCase() : undefined;
  if (spelled === 'true' || spelled === 'false') {
    warn(`is ${given(value)}, not a boolean; read as ${spelled}. Write it without quotes.`);
    return spelled === 'true';
  }
  warn(`is ${given(value)}, not true or false; the default, ${DEFAULT_SETTINGS.enable}, is used.`);
  return DEFAULT_SETTINGS.enable;
}

const RUN_VALUES: ReadonlyArray<Settings['run']> = ['onType', 'onSave'];

function readRun(value: unknown, warn: (message: string) => void): Settings['run'] {
  if (value === undefined) return DEFAULT_SETTINGS.run;
  const exact = RUN_VALUES.find((v) => v === value);
  if (exact) return exact;
  const cased = typeof value === 'string' ? RUN_VALUES.find((v) => v.toLowerCase() === value.trim().toLowerCase()) : undefined;
  if (cased) {
    warn(`is ${given(value)}; read as "${cased}", its spelling.`);
    return cased;
  }
  warn(`is ${given(value)}, not "onType" or "onSave"; the default, "${DEFAULT_SETTINGS.run}", is used.`);
  return DEFAULT_SETTINGS.run;
}

function readMaxFileSize(value: unknown, warn: (message: string) => void): number | null {
  if (value === undefined || value === null) return null;
  if (typeof value === 'number' && Number.isFinite(value) && value > 0) return value;
  warn(`is ${given(value)}, not a positive number; the config file's maxFileSize (or 2 MB) is used.`);
  return null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A map of strings, entry by entry: `allowed` lists the values taken (any string when undefined; a
 * value in the wrong case is taken in the listed spelling and said), the rest is said and left out.
 */
function stringMap<T extends string>(
  value: unknown,
  allowed: readonly T[] | undefined,
  warn: (message: string) => void,
  expected: string,
  instead: string,
): Record<string, T> {
  const out: Record<string, T> = {};
  if (value === undefined || value === null) return out;
  if (!isRecord(value)) {
    warn(` is ${given(value)}, not an object; it is not used.`);
    return out;
  }
  for (const [key, v] of Object.entries(value)) {
    const entry = `[${JSON.stringify(key)}]`;
    if (typeof v === 'string' && (!allowed || allowed.includes(v as T))) {
      out[key] = v as T;
      continue;
    }
    const cased = typeof v === 'string' ? allowed?.find((a) => a === v.trim().toLowerCase()) : undefined;
    if (cased) {
      warn(`${entry} is ${given(v)}; read as "${cased}".`);
      out[key] = cased;
    } else {
      warn(`${entry} is ${given(v)}, not ${expected}; ${instead}.`);
    }
  }
  return out;
}

/** A setting's value as the log shows it: its type and a short JSON rendering. */
function given(value: unknown): string {
  const kind = Array.isArray(value) ? 'the array' : value === null ? '' : `the ${typeof value}`;
  let json = JSON.stringify(value) ?? String(value);
  if (json.length > 60) json = `${json.slice(0, 57)}...`;
  return kind ? `${kind} ${json}` : json;
}

/** Settings per document URI, fetched from the client (or pushed by it, for clients that push). */
export class SettingsStore {
  private readonly byUri = new Map<string, Promise<Settings>>();
  private pushed: Settings = DEFAULT_SETTINGS;
  /** What was said about malformed settings since the last change: each document reads its own, and a problem is said once. */
  private readonly warned = new Set<string>();

  constructor(
    private readonly connection: Connection,
    private readonly pullsConfiguration: boolean,
  ) {}

  private sanitize(raw: unknown): Settings {
    return sanitizeSettings(raw, (message) => {
      if (this.warned.has(message)) return;
      this.warned.add(message);
      this.connection.console.warn(message);
    });
  }

  get(uri: string): Promise<Settings> {
    if (!this.pullsConfiguration) return Promise.resolve(this.pushed);
    let settings = this.byUri.get(uri);
    if (!settings) {
      settings = this.connection.workspace
        .getConfiguration({ scopeUri: uri, section: SETTINGS_SECTION })
        .then((raw) => this.sanitize(raw), () => DEFAULT_SETTINGS);
      this.byUri.set(uri, settings);
    }
    return settings;
  }

  /** workspace/didChangeConfiguration: forget everything; take pushed settings when the client sends them. */
  changed(pushedSettings: unknown): void {
    this.byUri.clear();
    this.warned.clear();
    if (!this.pullsConfiguration && isRecord(pushedSettings)) {
      this.pushed = this.sanitize(pushedSettings[SETTINGS_SECTION]);
    }
  }

  forget(uri: string): void {
    this.byUri.delete(uri);
  }
}

export interface ResolvedConfig {
  config: LintConfig;
  /** A leonardo-lint.config.json that could not be read: its message (the document is linted without it). */
  error?: string;
  /** The leonardo-lint.config.json that applies to the document (read or broken), if there is one. */
  file?: string;
}

/** The file system path of a `file:` URI, or undefined for untitled and virtual documents. */
export function filePathOf(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

/** leonardo-lint.config.json (nearest above the file, cached per folder) overridden by the editor settings. */
export class ConfigResolver {
  private readonly loader = new ConfigLoader();
  private folders: string[] = [];
  /**
   * What `resolve` gave, per settings object and the document's folders, until `clear()`: a keystroke
   * gets the same config as the last one, so what the engine keys on it (a request-file glob table
   * compiled once per config) is not rebuilt per version. New settings are a new object.
   */
  private resolved = new WeakMap<Settings, Map<string, ResolvedConfig>>();

  setWorkspaceFolders(uris: readonly string[]): void {
    this.folders = uris.map(filePathOf).filter((p): p is string => p !== undefined);
    this.resolved = new WeakMap();
  }

  clear(): void {
    this.loader.clear();
    this.resolved = new WeakMap();
  }

  resolve(uri: string, settings: Settings): ResolvedConfig {
    const filePath = filePathOf(uri);
    const folder = this.folderOf(filePath);
    // Untitled documents read the config of the first workspace folder.
    const lookup = filePath ?? (folder ? path.join(folder, 'untitled') : undefined);
    const key = `${folder ?? ''}\u0000${lookup === undefined ? '' : path.dirname(lookup)}`;
    let bySettings = this.resolved.get(settings);
    if (!bySettings) this.resolved.set(settings, (bySettings = new Map<string, ResolvedConfig>()));
    let resolved = bySettings.get(key);
    if (!resolved) bySettings.set(key, (resolved = this.load(lookup, folder, filePath, settings)));
    return resolved;
  }

  private load(lookup: string | undefined, folder: string | undefined, filePath: string | undefined, settings: Settings): ResolvedConfig {
    let fileConfig: LintConfig = {};
    let baseDir = folder ?? (filePath ? path.dirname(filePath) : undefined);
    let error: string | undefined;
    let file: string | undefined;
    if (lookup) {
      try {
        const loaded = this.loader.forFile(lookup);
        if (loaded.file) {
          fileConfig = loaded.config;
          baseDir = loaded.baseDir;
          file = loaded.file;
        }
      } catch (e) {
        error = e instanceof ConfigError ? `${e.message}; its settings are not applied until it is fixed` : String(e);
        if (e instanceof ConfigError) file = e.file;
      }
    }
    // A rule id in the settings that is no rule: said like a config file's (the other rules still apply).
    const unknownRules = unknownRuleProblems(settings.rules);
    if (unknownRules.length > 0 && !error) error = `Setting leonardoLint.rules: ${unknownRules.join('; ')}`;
    const fromSettings: LintConfig = {
      rules: settings.rules,
      requestFiles: rebaseGlobs(settings.requestFiles, folder, baseDir),
      ...(settings.maxFileSize !== null ? { maxFileSize: settings.maxFileSize } : {}),
    };
    return { config: mergeConfigs(fileConfig, fromSettings, baseDir ? { baseDir } : undefined), error, file };
  }

  private folderOf(filePath: string | undefined): string | undefined {
    if (!filePath) return this.folders[0];
    let best: string | undefined;
    for (const folder of this.folders) {
      const inside = filePath === folder || filePath.startsWith(folder.endsWith(path.sep) ? folder : folder + path.sep);
      if (inside && (!best || folder.length > best.length)) best = folder;
    }
    return best;
  }
}

/**
 * Settings globs are relative to the workspace folder; the engine resolves globs against the
 * config's base folder (where leonardo-lint.config.json is). Globs without `/` match base names
 * anywhere and stay as they are.
 */
function rebaseGlobs(
  globs: Record<string, string>,
  folder: string | undefined,
  baseDir: string | undefined,
): Record<string, string> {
  if (!folder || !baseDir || folder === baseDir) return globs;
  const prefix = path.relative(baseDir, folder).split(path.sep).join('/');
  const out: Record<string, string> = {};
  for (const [glob, endpoint] of Object.entries(globs)) {
    out[glob.includes('/') ? `${prefix}/${glob.replace(/^\.\//, '')}` : glob] = endpoint;
  }
  return out;
}
