// Problems of leonardo-lint.config.json as diagnostics on the config file itself (the Problems panel,
// with line and column), instead of a message box: pushed with publishDiagnostics whether or not the
// client pulls document diagnostics (the config file need not be open, and its pulled report stays the
// document's own findings). Checked from the editor's live text while the file is open, from disk
// otherwise; published again only when they change, and cleared when fixed or deleted.

import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import { CONFIG_FILE_NAME, ConfigError, checkConfigText, readConfigText, type ConfigProblem } from '../engine/config/file.js';
import { fitMessage } from '../engine/messages.js';
import { LineIndex } from '../engine/positions.js';
import { DIAGNOSTIC_SOURCE } from './diagnostics.js';
import { filePathOf } from './settings.js';

/** Said after each problem: a broken config file is not applied at all (the defaults and settings are). */
const NOT_APPLIED = 'The file is not applied until fixed.';

export interface ConfigDiagnosticsHost {
  /** publishDiagnostics for a config file's URI. */
  publish(uri: string, diagnostics: Diagnostic[]): void;
  /** The text of the config file when it is open in the editor. */
  openText(uri: string): string | undefined;
  /** Whether a problem of the open file's live text is a name still being typed (shown as a hint meanwhile). */
  typing(uri: string, text: string, problem: ConfigProblem): boolean;
  /** Once per distinct problem set of a file (for the log). */
  problems(file: string, problems: readonly ConfigProblem[], message: string | undefined): void;
}

export function isConfigFileUri(uri: string): boolean {
  const file = filePathOf(uri);
  return file !== undefined && path.basename(file) === CONFIG_FILE_NAME;
}

/** A config problem as a diagnostic: the message leads with what is wrong, then says the consequence. */
export function configDiagnostic(problem: ConfigProblem, lines: LineIndex, typing = false): Diagnostic {
  const message = problem.message.charAt(0).toUpperCase() + problem.message.slice(1);
  return {
    range: { start: lines.positionAt(problem.start), end: lines.positionAt(problem.end) },
    severity: typing ? DiagnosticSeverity.Hint : DiagnosticSeverity.Error,
    source: DIAGNOSTIC_SOURCE,
    message: withConsequence(message),
  };
}

/** The problem and, within a Problems row's 140 characters, that the file is not applied (the status item says it too). */
function withConsequence(message: string): string {
  const sentence = /[.?!]$/.test(message) ? message : `${message}.`;
  const full = `${sentence} ${NOT_APPLIED}`;
  return fitMessage(full, sentence);
}

export class ConfigDiagnostics {
  /**
   * Per config file path, the URI published to and the diagnostics last published (as JSON), so
   * unchanged ones are not sent again. Keyed by path: the client may spell a file's URI differently
   * from `pathToFileURL` (VS Code escapes a drive letter's colon), and its spelling is the one used.
   */
  private readonly published = new Map<string, { uri: string; json: string }>();

  constructor(private readonly host: ConfigDiagnosticsHost) {}

  /** The config file a document's configuration came from: checked the first time it is seen (then true). */
  track(file: string): boolean {
    if (this.published.has(file)) return false;
    this.check(pathToFileURL(file).href);
    return true;
  }

  /** Check a config file now (opened, edited, closed, changed on disk), from its live text when open. */
  check(uri: string): void {
    const file = filePathOf(uri);
    if (!file) return;
    let text = this.host.openText(uri);
    const live = text;
    let diagnostics: Diagnostic[];
    let problems: readonly ConfigProblem[] = [];
    let unreadable: string | undefined;
    if (text === undefined) {
      try {
        text = readConfigText(file);
      } catch (error) {
        if (!(error instanceof ConfigError)) throw error;
        // Deleted: its problems go with it.
        if (error.code === 'ENOENT') return this.deleted(uri);
        unreadable = error.message;
      }
    }
    if (text !== undefined) {
      problems = checkConfigText(text).problems;
      const lines = new LineIndex(text);
      diagnostics = problems.map((p) => configDiagnostic(p, lines, live !== undefined && this.host.typing(uri, live, p)));
    } else {
      const message = `${unreadable ?? 'cannot be read'}. ${NOT_APPLIED}`;
      diagnostics = [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, severity: DiagnosticSeverity.Error, source: DIAGNOSTIC_SOURCE, message }];
    }
    const json = JSON.stringify(diagnostics);
    const before = this.published.get(file);
    if (before?.uri === uri && before.json === json) return;
    if (!before && diagnostics.length === 0) {
      // Seen clean: nothing to clear.
      this.published.set(file, { uri, json });
      return;
    }
    if (before && before.uri !== uri && before.json !== '[]') this.host.publish(before.uri, []);
    this.published.set(file, { uri, json });
    this.host.publish(uri, diagnostics);
    if (diagnostics.length > 0) this.host.problems(file, problems, unreadable);
  }

  /** A watched config file was deleted. */
  deleted(uri: string): void {
    const file = filePathOf(uri);
    const before = file === undefined ? undefined : this.published.get(file);
    if (!file || !before) return;
    this.published.delete(file);
    if (before.json !== '[]') this.host.publish(before.uri, []);
  }

  /** Every config file seen, checked again (settings changed, files changed on disk). */
  refresh(): void {
    for (const { uri } of [...this.published.values()]) this.check(uri);
  }
}
