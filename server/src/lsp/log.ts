// The server's log (window/logMessage, the "Leonardo Lint" output channel in VS Code), by level:
// `leonardoLint.logLevel` (error, warning, info, debug; info by default) says what is sent at all, so
// the per-document lines of `debug` cost nothing unless asked for. Every line leaves with its API
// keys redacted by the engine's one redaction (a config path, a settings value or an error text can
// hold one).

import { redactKeys } from '../engine/auth/secrets.js';

export const LOG_LEVELS = ['error', 'warning', 'info', 'debug'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];
export const DEFAULT_LOG_LEVEL: LogLevel = 'info';

/** What the log writes to: the connection's console (window/logMessage with its message type). */
export interface LogSink {
  error(message: string): void;
  warn(message: string): void;
  info(message: string): void;
  debug(message: string): void;
}

export class ServerLog {
  private rank = LOG_LEVELS.indexOf(DEFAULT_LOG_LEVEL);

  constructor(private readonly sink: LogSink) {}

  get level(): LogLevel {
    return LOG_LEVELS[this.rank];
  }

  /** Sets the level from a setting's value; a value that is no level is said and the level kept. */
  setLevel(value: unknown): void {
    if (value === undefined || value === null) return;
    const level = typeof value === 'string' ? LOG_LEVELS.find((l) => l === value.trim().toLowerCase()) : undefined;
    if (level) this.rank = LOG_LEVELS.indexOf(level);
    else this.warn(`Setting leonardoLint.logLevel is ${JSON.stringify(value)}, not one of ${LOG_LEVELS.join(', ')}; "${this.level}" is kept.`);
  }

  enabled(level: LogLevel): boolean {
    return LOG_LEVELS.indexOf(level) <= this.rank;
  }

  error(message: string): void {
    this.sink.error(redactKeys(message));
  }

  warn(message: string): void {
    if (this.enabled('warning')) this.sink.warn(redactKeys(message));
  }

  info(message: string): void {
    if (this.enabled('info')) this.sink.info(redactKeys(message));
  }

  /** `message` is a function so that a line nobody reads is never built. */
  debug(message: () => string): void {
    if (this.enabled('debug')) this.sink.debug(redactKeys(message()));
  }
}

export interface StartInfo {
  version: string;
  rules: number;
  pull: boolean;
  /** Workspace trust as the client reported it (undefined: the client does not say). */
  trusted?: boolean;
  /** Workspace folders (paths) and the config file that applies at each one's root. */
  folders: ReadonlyArray<{ folder: string; configFile?: string }>;
  level: LogLevel;
}

/** What the log says when the server starts: enough to tell from a bug report what was running where. */
export function startLines(info: StartInfo): string[] {
  const trust = info.trusted === undefined ? 'not reported by the client' : info.trusted ? 'trusted' : 'restricted mode (workspace files are read as data only, as always)';
  const lines = [
    `Leonardo Lint ${info.version} on Node ${process.version} (${process.platform} ${process.arch}): ${info.pull ? 'pull' : 'push'} diagnostics, ${info.rules} rules.`,
    `Workspace trust: ${trust}.`,
  ];
  if (info.folders.length === 0) lines.push('No workspace folder: each file reads the leonardo-lint.config.json above it.');
  for (const { folder, configFile } of info.folders) {
    lines.push(`Folder ${folder}: ${configFile ? `config file ${configFile}` : 'no leonardo-lint.config.json (defaults and settings apply)'}.`);
  }
  lines.push(`Log level: ${info.level} (leonardoLint.logLevel; "debug" logs each analysis; leonardoLint.trace.server traces the protocol).`);
  return lines;
}
