// `leonardo-lint.config.json`: found upward from each file, shared by the CLI and the editor.
// Reads the file as data (JSONC) and validates it; it never executes anything from the workspace.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse as parseJsonc, printParseErrorCode, type ParseError } from 'jsonc-parser';
import type { LintConfig } from './lint-config.js';
import type { SeveritySetting } from '../types.js';

export const CONFIG_FILE_NAME = 'leonardo-lint.config.json';

export interface LoadedConfig {
  config: LintConfig;
  /** The file it came from, when one was found. */
  file?: string;
  /** Globs in the config (ignores, requestFiles) are relative to this folder. */
  baseDir: string;
}

export class ConfigError extends Error {
  constructor(readonly file: string, message: string) {
    super(`${file}: ${message}`);
  }
}

const SEVERITIES: readonly SeveritySetting[] = ['off', 'information', 'warning', 'error'];

/** The nearest config file at or above `dir`, or undefined. Stops at the filesystem root. */
function findConfigFile(dir: string): string | undefined {
  let current = path.resolve(dir);
  for (;;) {
    const candidate = path.join(current, CONFIG_FILE_NAME);
    if (fs.existsSync(candidate)) return candidate;
    const parent = path.dirname(current);
    if (parent === current) return undefined;
    current = parent;
  }
}

/** Parse and validate a config file's text. Throws ConfigError with a clear message. */
export function parseConfig(text: string, file: string): LintConfig {
  const errors: ParseError[] = [];
  const raw: unknown = parseJsonc(text, errors, { allowTrailingComma: true });
  if (errors.length > 0) {
    throw new ConfigError(file, `not valid JSON (${printParseErrorCode(errors[0]!.error)} at offset ${errors[0]!.offset})`);
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new ConfigError(file, 'expected an object');
  }
  const obj = raw as Record<string, unknown>;
  const config: LintConfig = {};
  for (const [key, value] of Object.entries(obj)) {
    switch (key) {
      case '$schema':
        break;
      case 'rules':
        config.rules = parseRules(value, file);
        break;
      case 'requestFiles':
        config.requestFiles = parseStringMap(value, file, 'requestFiles');
        break;
      case 'ignores':
        if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) {
          throw new ConfigError(file, '"ignores" must be an array of glob strings');
        }
        config.ignores = value as string[];
        break;
      case 'maxFileSize':
        if (typeof value !== 'number' || !(value > 0)) {
          throw new ConfigError(file, '"maxFileSize" must be a positive number of bytes');
        }
        config.maxFileSize = value;
        break;
      case 'reportUnusedDisableDirectives':
        if (typeof value !== 'boolean') throw new ConfigError(file, '"reportUnusedDisableDirectives" must be true or false');
        config.reportUnusedDisableDirectives = value;
        break;
      default:
        throw new ConfigError(file, `unknown option "${key}" (expected rules, requestFiles, ignores, maxFileSize, reportUnusedDisableDirectives)`);
    }
  }
  return config;
}

function parseRules(value: unknown, file: string): Record<string, SeveritySetting> {
  const map = parseStringMap(value, file, 'rules');
  for (const [rule, severity] of Object.entries(map)) {
    if (!SEVERITIES.includes(severity as SeveritySetting)) {
      throw new ConfigError(file, `rule "${rule}": severity must be one of ${SEVERITIES.join(', ')}, not "${severity}"`);
    }
  }
  return map as Record<string, SeveritySetting>;
}

function parseStringMap(value: unknown, file: string, name: string): Record<string, string> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ConfigError(file, `"${name}" must be an object`);
  }
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(value)) {
    if (typeof v !== 'string') throw new ConfigError(file, `"${name}.${k}" must be a string`);
    out[k] = v;
  }
  return out;
}

/** Loads configs with a per-folder cache (the CLI walks many files of one project). */
export class ConfigLoader {
  private readonly byDir = new Map<string, LoadedConfig>();

  /** The config that applies to a file: the nearest config file above it, or an empty config. */
  forFile(filePath: string): LoadedConfig {
    const dir = path.dirname(path.resolve(filePath));
    const cached = this.byDir.get(dir);
    if (cached) return cached;
    const file = findConfigFile(dir);
    const loaded: LoadedConfig = file
      ? { config: { ...parseConfig(fs.readFileSync(file, 'utf8'), file), baseDir: path.dirname(file) }, file, baseDir: path.dirname(file) }
      : { config: { baseDir: dir }, baseDir: dir };
    this.byDir.set(dir, loaded);
    return loaded;
  }

  clear(): void {
    this.byDir.clear();
  }
}
