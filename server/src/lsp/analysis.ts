// One analysis per (document URI, version), shared by diagnostics, code actions, hover and
// completion. Settings and the config file are resolved per document; a configuration change
// clears everything.

import type { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze, type AnalysisResult } from '../engine/analyze.js';
import type { LintConfig } from '../engine/config/lint-config.js';
import { documentKindForLanguage, documentKindForPath } from '../engine/extract/index.js';
import { LineIndex } from '../engine/positions.js';
import { allRules } from '../engine/rules/index.js';
import type { DocumentKind, LintDocument, Rule } from '../engine/types.js';
import type { ImportResolver } from '../engine/workspace/types.js';
import type { InitializationOptions, Settings, StatusParams } from './protocol.js';
import { filePathOf, type ConfigResolver, type SettingsStore } from './settings.js';

export interface DocumentAnalysis {
  uri: string;
  version: number;
  document: LintDocument;
  lines: LineIndex;
  settings: Settings;
  config: LintConfig;
  result: AnalysisResult;
  state: StatusParams['state'];
  /** Why the state is not `ok` (a config file error is reported with state `error`, findings still stand). */
  message?: string;
  /** The leonardo-lint.config.json that applies (read or broken), if any. */
  configFile?: string;
  /** Milliseconds the engine took. */
  time: number;
}

export interface AnalyzerHooks {
  /** Once per rule that throws (the rule loses its findings for that document only). */
  ruleFailed(ruleId: string, error: unknown): void;
  /** Once per distinct config-file error. */
  configFailed(message: string): void;
  /** After each analysis (for the status notification). */
  analysed(analysis: DocumentAnalysis): void;
}

/** The engine's kind for an editor document: the language id, except for names that decide it alone. */
export function documentKindOf(languageId: string, uri: string, text: string): DocumentKind | undefined {
  const filePath = filePathOf(uri) ?? uriPath(uri);
  const byPath = filePath ? documentKindForPath(filePath, text) : undefined;
  if (byPath === 'postman') return byPath;
  return documentKindForLanguage(languageId) ?? byPath;
}

function uriPath(uri: string): string {
  try {
    return decodeURIComponent(new URL(uri).pathname);
  } catch {
    return '';
  }
}

const EMPTY_RESULT: AnalysisResult = { findings: [], requests: [] };
const DISABLED_MESSAGE = 'Leonardo Lint is turned off for this file (leonardoLint.enable).';

export class Analyzer {
  private readonly entries = new Map<string, { version: number; analysis: Promise<DocumentAnalysis> }>();
  private readonly failedRules = new Set<string>();
  private readonly failedConfigs = new Set<string>();

  constructor(
    private readonly settings: SettingsStore,
    private readonly configs: ConfigResolver,
    private readonly hooks: AnalyzerHooks,
    private readonly rules: readonly Rule[] = allRules,
    /** The client's JSON service reports JSON syntax errors (`InitializationOptions.jsonSyntaxChecked`). */
    private readonly editorChecksJsonSyntax = false,
    /** What a TS/JS file's imports hold (the workspace index), when the file is in a workspace folder. */
    private readonly workspace?: (file: string) => ImportResolver | undefined,
  ) {}

  /**
   * The analysis of this exact version, computed once. The analysis it replaces hands its parse on to
   * be updated incrementally: a superseded version's analysis is never read again (every reader
   * checks the version), so its tree may be reused.
   */
  analysisFor(doc: TextDocument): Promise<DocumentAnalysis> {
    const entry = this.entries.get(doc.uri);
    if (entry && entry.version === doc.version) return entry.analysis;
    const analysis = this.compute(doc, entry?.analysis);
    this.entries.set(doc.uri, { version: doc.version, analysis });
    // A failed computation is not cached: the next request tries again.
    analysis.catch(() => this.entries.get(doc.uri)?.analysis === analysis && this.entries.delete(doc.uri));
    return analysis;
  }

  settingsFor(uri: string): Promise<Settings> {
    return this.settings.get(uri);
  }

  /** workspace/didChangeConfiguration (with the settings, for clients that push them). */
  settingsChanged(pushed: unknown): void {
    this.settings.changed(pushed);
    this.clear();
  }

  /** Something another file exports changed: this document's analysis is stale although its version is not. */
  invalidate(uri: string): void {
    this.entries.delete(uri);
  }

  forget(uri: string): void {
    this.entries.delete(uri);
    this.settings.forget(uri);
  }

  /** Settings or a config file changed: every analysis is stale. */
  clear(): void {
    this.entries.clear();
    this.configs.clear();
    this.failedConfigs.clear();
  }

  private async compute(doc: TextDocument, previous?: Promise<DocumentAnalysis>): Promise<DocumentAnalysis> {
    const analysis = await this.run(doc, previous);
    this.hooks.analysed(analysis);
    return analysis;
  }

  private async run(doc: TextDocument, previous?: Promise<DocumentAnalysis>): Promise<DocumentAnalysis> {
    const settings = await this.settings.get(doc.uri);
    const before = await previous?.catch(() => undefined);
    const text = doc.getText();
    const kind = documentKindOf(doc.languageId, doc.uri, text);
    const document: LintDocument = { text, kind: kind ?? 'typescript', path: filePathOf(doc.uri) ?? uriPath(doc.uri) };
    const base = { uri: doc.uri, version: doc.version, document, lines: new LineIndex(text), settings };
    if (!settings.enable || !kind) {
      if (kind) return Object.assign({}, base, { config: {}, result: EMPTY_RESULT, state: 'disabled' as const, message: DISABLED_MESSAGE, time: 0 });
      return Object.assign({}, base, { config: {}, result: EMPTY_RESULT, state: 'ok' as const, time: 0 });
    }
    const { config, error, file: configFile } = this.configs.resolve(doc.uri, settings);
    if (error && !this.failedConfigs.has(error)) {
      this.failedConfigs.add(error);
      this.hooks.configFailed(error);
    }
    if ((kind === 'typescript' || kind === 'javascript') && document.path) {
      const imports = this.workspace?.(document.path);
      if (imports) document.workspace = imports;
    }
    const started = performance.now();
    const result = analyze(document, {
      config,
      rules: this.rules,
      previous: before?.result,
      editorChecksJsonSyntax: this.editorChecksJsonSyntax,
      onRuleError: (ruleId, e) => {
        if (this.failedRules.has(ruleId)) return;
        this.failedRules.add(ruleId);
        this.hooks.ruleFailed(ruleId, e);
      },
    });
    return Object.assign({}, base, {
      config,
      result,
      state: error ? ('error' as const) : result.skipped ? ('skipped' as const) : ('ok' as const),
      message: error ?? result.skipped,
      configFile,
      time: Math.round(performance.now() - started),
    });
  }
}

/**
 * The rules the server runs: `allRules`, except with the test-only `failingRuleForTests` option,
 * where the rule with that id throws on every document.
 */
export function serverRules(options: InitializationOptions): readonly Rule[] {
  const failing = options.failingRuleForTests;
  if (failing === undefined) return allRules;
  return allRules.map((rule) =>
    rule.meta.id !== failing
      ? rule
      : {
          meta: rule.meta,
          check: () => {
            throw new Error(`${failing} fails on purpose (the failingRuleForTests initialization option)`);
          },
        },
  );
}
