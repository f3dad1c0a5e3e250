// A key being typed is not yet a mistake. While the user types `negative_prompt`, the body holds
// `ne`, then `negativ`: unknown-field on each keystroke is a red squiggle and a Problems row that
// come and go under the cursor. What editors do for a word being typed (TypeScript and rust-analyzer
// report at once, but their completion list is open on that word) is followed here by the rule a
// demanding user would state: a key that is the one just edited, with the cursor in it, and a strict
// prefix of a field that the body accepts there (the engine's own completion at the cursor says which)
// is shown as a hint (no squiggle, not in the Problems panel, its quick fixes still offered) until the
// typing moves elsewhere, the file is saved, or the typing pauses for TYPING_PAUSE_MS (then the
// diagnostics are delivered again, pushed or refreshed). A key that is no field's prefix (`negtive`)
// is a typo and is flagged at once, as is everything else. The engine stays pure: what was typed
// where and when is the editor's knowledge, kept here.

import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { completionsAt } from '../engine/editor/completion.js';
import { changeBetween } from '../engine/extract/ts/text-change.js';
import type { DocumentAnalysis } from './analysis.js';

/** A pause in typing this long ends the hold on a half-typed key. */
export const TYPING_PAUSE_MS = 1500;

const HELD_RULE = 'unknown-field';
const QUOTES = /^["'`]|["'`]$/g;

interface LastEdit {
  version: number;
  text: string;
  /** Where the cursor is after the last edit (the end of its inserted text), while it counts as typing. */
  cursor?: number;
  at: number;
}

export interface TypingOptions {
  /** Milliseconds, monotonic. */
  now?: () => number;
  /** Runs `run` after `ms`; the hold's end is delivered through it. */
  setTimer?: (run: () => void, ms: number) => void;
  /** The typing paused on a document whose diagnostics held a key back: deliver them again. */
  paused?: (uri: string) => void;
}

export class TypingTracker {
  private readonly edits = new Map<string, LastEdit>();
  private readonly now: () => number;
  private readonly setTimer: (run: () => void, ms: number) => void;
  /** Per document, the version whose hold has a timer pending. */
  private readonly timers = new Map<string, number>();

  constructor(private readonly options: TypingOptions = {}) {
    this.now = options.now ?? (() => performance.now());
    this.setTimer = options.setTimer ?? ((run, ms) => void setTimeout(run, ms));
  }

  opened(doc: TextDocument): void {
    this.edits.set(doc.uri, { version: doc.version, text: doc.getText(), at: this.now() });
  }

  changed(doc: TextDocument): void {
    const before = this.edits.get(doc.uri);
    const text = doc.getText();
    const change = before ? changeBetween(before.text, text) : undefined;
    const cursor = change && (change.oldLength > 0 || change.newLength > 0) ? change.start + change.newLength : undefined;
    this.edits.set(doc.uri, { version: doc.version, text, cursor, at: this.now() });
  }

  /** Saving ends the hold: the saved text is what the user means. True when a hold may have ended. */
  saved(uri: string): boolean {
    const edit = this.edits.get(uri);
    if (edit?.cursor === undefined) return false;
    edit.cursor = undefined;
    return true;
  }

  closed(uri: string): void {
    this.edits.delete(uri);
    this.timers.delete(uri);
  }

  /** The diagnostics of an analysis with the half-typed key under the cursor, if any, as a hint. */
  adjust(analysis: DocumentAnalysis, diagnostics: Diagnostic[]): Diagnostic[] {
    const typing = this.typing(analysis.uri, analysis.version);
    if (!typing) return diagnostics;
    const findings = analysis.result.findings;
    let held = false;
    const out = diagnostics.map((diagnostic, i) => {
      const finding = findings[i];
      if (finding?.ruleId !== HELD_RULE || typing.cursor < finding.span.start || typing.cursor > finding.span.end) return diagnostic;
      const fields = completionsAt(analysis, typing.cursor).flatMap((c) => (c.kind === 'field' ? [c.label] : []));
      if (!isPrefixOfOne(analysis.document.text.slice(finding.span.start, finding.span.end), fields)) return diagnostic;
      held = true;
      return Object.assign({}, diagnostic, { severity: DiagnosticSeverity.Hint });
    });
    if (held) this.endHoldAfter(analysis.uri, analysis.version, TYPING_PAUSE_MS - typing.elapsed);
    return out;
  }

  /**
   * The same hold for a name typed in another kind of file (an option or a rule id in
   * leonardo-lint.config.json): true while the text at [start, end] of this version is the one being
   * typed and a strict prefix of one of `names`.
   */
  holds(uri: string, version: number, text: string, start: number, end: number, names: readonly string[]): boolean {
    const typing = this.typing(uri, version);
    if (!typing || typing.cursor < start || typing.cursor > end || !isPrefixOfOne(text.slice(start, end), names)) return false;
    this.endHoldAfter(uri, version, TYPING_PAUSE_MS - typing.elapsed);
    return true;
  }

  /** Where the cursor of this version's edit is, while it still counts as typing (not saved, not paused). */
  private typing(uri: string, version: number): { cursor: number; elapsed: number } | undefined {
    const edit = this.edits.get(uri);
    if (edit?.cursor === undefined || edit.version !== version) return undefined;
    const elapsed = this.now() - edit.at;
    return elapsed < TYPING_PAUSE_MS ? { cursor: edit.cursor, elapsed } : undefined;
  }

  private endHoldAfter(uri: string, version: number, ms: number): void {
    if (this.timers.get(uri) === version) return;
    this.timers.set(uri, version);
    this.setTimer(() => {
      if (this.timers.get(uri) !== version) return;
      this.timers.delete(uri);
      // Edited since: that version has its own diagnostics (and its own hold, if any).
      if (this.edits.get(uri)?.version !== version) return;
      this.options.paused?.(uri);
    }, Math.max(0, ms));
  }
}

/** Whether `written` (quotes stripped) is a strict, non-empty prefix of one of `names`. */
function isPrefixOfOne(written: string, names: readonly string[]): boolean {
  const typed = written.replace(QUOTES, '');
  return typed.length > 0 && names.some((n) => {
    const name = n.replace(QUOTES, '');
    return name.length > typed.length && name.startsWith(typed);
  });
}
