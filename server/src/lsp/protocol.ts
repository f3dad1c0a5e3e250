// What the client and the server agree on beyond LSP: settings, custom messages, command ids.
// Imported by both sides (client/src and server/src), so it imports nothing.

import type { SeveritySetting } from '../engine/types.js';

/** The `leonardoLint.*` settings, as the client sends them through workspace/configuration. */
export interface Settings {
  enable: boolean;
  run: 'onType' | 'onSave';
  /** Rule id → severity; overrides leonardo-lint.config.json rule by rule. */
  rules: Record<string, SeveritySetting>;
  /** Glob (relative to the workspace folder) → `METHOD /path`. */
  requestFiles: Record<string, string>;
  /** Files longer than this are skipped; null leaves it to the config file (default 2 MB). */
  maxFileSize: number | null;
}

export const DEFAULT_SETTINGS: Settings = { enable: true, run: 'onType', rules: {}, requestFiles: {}, maxFileSize: null };

export const SETTINGS_SECTION = 'leonardoLint';

/** What the VS Code client tells the server it can do (initializationOptions). */
export interface InitializationOptions {
  /** The client wants `leonardoLint/status` notifications. */
  statusNotification?: boolean;
  /** The client watches leonardo-lint.config.json itself (so the server need not register a watcher). */
  watchesConfigFiles?: boolean;
  /** The client implements the `leonardoLint.turnOffRule` command (writes the rule setting). */
  turnOffRuleCommand?: boolean;
  /**
   * The client implements `leonardoLint.showDocumentation` with a rule id argument and opens the rule
   * pages it ships (offline, in the editor's Markdown preview), so "Show documentation" actions use it
   * instead of the web page.
   */
  showDocumentationCommand?: boolean;
  /** `leonardoLint.logLevel` when the server starts (error, warning, info, debug); later changes come as settings. */
  logLevel?: string;
  /** Whether the user trusts the workspace (said in the log; the server reads workspace files as data either way). */
  workspaceTrusted?: boolean;
  /**
   * The client's own JSON language service checks JSON syntax in `json`/`jsonc` documents (VS Code's
   * does: `json(516)` and the like), so invalid-json reports in JSON request files only what that
   * service does not say: a mistake with a certain fix, or text written for another language.
   */
  jsonSyntaxChecked?: boolean;
  /**
   * Test-only: the rule with this id throws on every document, so a test can watch a failing rule
   * lose only its own findings and be logged once (test/resilience/server.test.ts). Inert unless a
   * client passes it; no editor client does.
   */
  failingRuleForTests?: string;
}

/** `leonardoLint/status`: sent after each analysis, for the language status item. */
export const STATUS_NOTIFICATION = 'leonardoLint/status';

export interface StatusParams {
  uri: string;
  /** `ok`: analysed; `disabled`: leonardoLint.enable is false; `skipped`: too large or binary; `error`: config error. */
  state: 'ok' | 'disabled' | 'skipped' | 'error';
  /** Leonardo requests found in the document. */
  requests: number;
  /** Problems reported. */
  problems: number;
  /** Why the state is not `ok`. */
  message?: string;
  /** Milliseconds the analysis took. */
  time: number;
}

/** `leonardoLint/rules`: every rule id with its description and docs URL (for the docs picker). */
export const RULES_REQUEST = 'leonardoLint/rules';

export interface RuleInfo {
  id: string;
  description: string;
  docsUrl: string;
}

/** `leonardoLint/explainError`: explain an API error response (JSON or bare message). */
export const EXPLAIN_ERROR_REQUEST = 'leonardoLint/explainError';

export interface ExplainErrorParams {
  text: string;
}

export interface ExplainErrorResult {
  /** The entry's title (or that nothing matched). */
  title: string;
  /** The explanation as Markdown, with links to the related rules' docs. */
  markdown: string;
  /** True when no catalogue entry matched and the answer is the generic one. */
  generic: boolean;
  /** The text is not an error response at all (the client may ask for one instead). */
  notAnError?: boolean;
  /** Several entries fit (a bare status): their titles. */
  candidates?: string[];
}

/** Server command: open a URL in the browser (window/showDocument, external). Arguments: [url]. */
export const OPEN_DOCS_COMMAND = 'leonardoLint.openDocs';

/** The client's command that opens a rule's shipped page (argument: the rule id). */
export const SHOW_DOCUMENTATION_COMMAND = 'leonardoLint.showDocumentation';
/** Client command: turn a rule off in the workspace folder's settings. Arguments: [ruleId, uri]. */
export const TURN_OFF_RULE_COMMAND = 'leonardoLint.turnOffRule';

/** The code action kind of "fix all" (for `editor.codeActionsOnSave`). */
export const FIX_ALL_KIND = 'source.fixAll.leonardoLint';
