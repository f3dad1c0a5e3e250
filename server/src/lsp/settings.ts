// Settings per document (workspace/configuration with the document's URI as scope, so multi-root
// folders each get their own), merged over leonardo-lint.config.json exactly as the CLI reads it.
// Nothing is kept in globals: settings are cached per URI and dropped on every configuration change.

import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Connection } from 'vscode-languageserver';
import { ConfigError, ConfigLoader } from '../engine/config-file.js';
import { mergeConfigs, unknownRuleProblems, type LintConfig } from '../engine/config.js';
import type { SeveritySetting } from '../engine/types.js';
import { DEFAULT_SETTINGS, SETTINGS_SECTION, type Settings } from './protocol.js';

const SEVERITIES: readonly SeveritySetting[] = ['off', 'information', 'warning', 'error'];

/** Settings as sent by any client, checked value by value; anything malformed falls back to the default. */
export function sanitizeSettings(raw: unknown): Settings {
  const obj = isRecord(raw) ? raw : {};
  return {
    enable: typeof obj.enable === 'boolean' ? obj.enable : DEFAULT_SETTINGS.enable,
    run: obj.run === 'onSave' ? 'onSave' : 'onType',
    rules: stringMap(obj.rules, (v): v is SeveritySetting => SEVERITIES.includes(v as SeveritySetting)),
    requestFiles: stringMap(obj.requestFiles, (v): v is string => typeof v === 'string'),
    maxFileSize: typeof obj.maxFileSize === 'number' && obj.maxFileSize > 0 ? obj.maxFileSize : null,
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function stringMap<T extends string>(value: unknown, valid: (v: unknown) => v is T): Record<string, T> {
  const out: Record<string, T> = {};
  if (isRecord(value)) for (const [k, v] of Object.entries(value)) if (valid(v)) out[k] = v;
  return out;
}

/** Settings per document URI, fetched from the client (or pushed by it, for clients that push). */
export class SettingsStore {
  private readonly byUri = new Map<string, Promise<Settings>>();
  private pushed: Settings = DEFAULT_SETTINGS;

  constructor(
    private readonly connection: Connection,
    private readonly pullsConfiguration: boolean,
  ) {}

  get(uri: string): Promise<Settings> {
    if (!this.pullsConfiguration) return Promise.resolve(this.pushed);
    let settings = this.byUri.get(uri);
    if (!settings) {
      settings = this.connection.workspace
        .getConfiguration({ scopeUri: uri, section: SETTINGS_SECTION })
        .then(sanitizeSettings, () => DEFAULT_SETTINGS);
      this.byUri.set(uri, settings);
    }
    return settings;
  }

  /** workspace/didChangeConfiguration: forget everything; take pushed settings when the client sends them. */
  changed(pushedSettings: unknown): void {
    this.byUri.clear();
    if (!this.pullsConfiguration && isRecord(pushedSettings)) {
      this.pushed = sanitizeSettings(pushedSettings[SETTINGS_SECTION]);
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
    if (!bySettings) this.resolved.set(settings, (bySettings = new Map()));
    let resolved = bySettings.get(key);
    if (!resolved) bySettings.set(key, (resolved = this.load(lookup, folder, filePath, settings)));
    return resolved;
  }

  private load(lookup: string | undefined, folder: string | undefined, filePath: string | undefined, settings: Settings): ResolvedConfig {
    let fileConfig: LintConfig = {};
    let baseDir = folder ?? (filePath ? path.dirname(filePath) : undefined);
    let error: string | undefined;
    if (lookup) {
      try {
        const loaded = this.loader.forFile(lookup);
        if (loaded.file) {
          fileConfig = loaded.config;
          baseDir = loaded.baseDir;
        }
      } catch (e) {
        error = e instanceof ConfigError ? e.message : String(e);
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
    return { config: mergeConfigs(fileConfig, fromSettings, baseDir ? { baseDir } : undefined), error };
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
