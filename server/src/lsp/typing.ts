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
    const edit = this.edits.get(analysis.uri);
    if (edit?.cursor === undefined || edit.version !== analysis.version) return diagnostics;
    const elapsed = this.now() - edit.at;
    if (elapsed >= TYPING_PAUSE_MS) return diagnostics;
    const cursor = edit.cursor;
    const findings = analysis.result.findings;
    let held = false;
    const out = diagnostics.map((diagnostic, i) => {
      const finding = findings[i];
      if (finding?.ruleId !== HELD_RULE || cursor < finding.span.start || cursor > finding.span.end) return diagnostic;
      if (!this.isFieldPrefix(analysis, finding.span.start, finding.span.end, cursor)) return diagnostic;
      held = true;
      return { ...diagnostic, severity: DiagnosticSeverity.Hint };
    });
    if (held) this.endHoldAfter(analysis.uri, analysis.version, TYPING_PAUSE_MS - elapsed);
    return out;
  }

  private isFieldPrefix(analysis: DocumentAnalysis, start: number, end: number, cursor: number): boolean {
    const typed = analysis.document.text.slice(start, end).replace(QUOTES, '');
    if (typed.length === 0) return false;
    return completionsAt(analysis, cursor).some((c) => {
      if (c.kind !== 'field') return false;
      const name = c.label.replace(QUOTES, '');
      return name.length > typed.length && name.startsWith(typed);
    });
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
