// Getting diagnostics to the client: pulled (textDocument/diagnostic) by clients that support it,
// pushed (publishDiagnostics) to those that do not. Typing is debounced only when edits come faster
// than the document is analysed; a result is never sent for a version the document has already left;
// with `run: onSave` only saved versions are analysed.

import {
  DocumentDiagnosticReportKind,
  LSPErrorCodes,
  ResponseError,
  type CancellationToken,
  type Connection,
  type Diagnostic,
  type DocumentDiagnosticParams,
  type DocumentDiagnosticReport,
  type TextDocuments,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analyzer, DocumentAnalysis } from './analysis.js';
import { toDiagnostics } from './diagnostics.js';

/** What the editor's state changes in an analysis's diagnostics on their way out (lsp/typing.ts). */
export type AdjustDiagnostics = (analysis: DocumentAnalysis, diagnostics: Diagnostic[]) => Diagnostic[];
const unchanged: AdjustDiagnostics = (_analysis, diagnostics) => diagnostics;

/** Quiet time after the last keystroke before a document is analysed, while typing outpaces analysis. */
export const DEBOUNCE_MS = 150;

/**
 * Resolves once the messages already received have been handled. The connection handles one message
 * per turn of the event loop, so changes that arrived while an analysis ran (a burst behind a long
 * analysis) are applied first and supersede the version that was about to be analysed: a burst is
 * analysed for its last version, while a change sent after the previous diagnostics arrived (an
 * editor's next keystroke) is analysed at once.
 */
export function afterQueuedMessages(): Promise<void> {
  return new Promise((resolve) => setImmediate(() => setImmediate(resolve)));
}

interface Report {
  resultId: string;
  items: Diagnostic[];
}

/** Per document: when it last changed, which version was last saved, and the last report sent. */
export class DocumentStates {
  private readonly lastChange = new Map<string, number>();
  /** Milliseconds between the last two changes. */
  private readonly changeGap = new Map<string, number>();
  /** Milliseconds the last analysis took. */
  private readonly analysisTime = new Map<string, number>();
  private readonly savedVersion = new Map<string, number>();
  private readonly reports = new Map<string, Report>();

  opened(doc: TextDocument): void {
    this.savedVersion.set(doc.uri, doc.version);
  }

  changed(uri: string, now = performance.now()): void {
    const previous = this.lastChange.get(uri);
    if (previous === undefined) this.changeGap.delete(uri);
    else this.changeGap.set(uri, now - previous);
    this.lastChange.set(uri, now);
  }

  analysed(uri: string, milliseconds: number): void {
    this.analysisTime.set(uri, milliseconds);
  }

  /**
   * How long to wait after the last change before analysing. Nothing while changes come further apart
   * than the document takes to analyse: each version then gets its diagnostics at once, and the time
   * between keystrokes is spent idle anyway. DEBOUNCE_MS while they come faster (typing outpaces the
   * analysis): wait for a pause instead of analysing versions that are superseded before they finish.
   */
  debounce(uri: string): number {
    const gap = this.changeGap.get(uri);
    if (gap === undefined) return 0;
    return gap > (this.analysisTime.get(uri) ?? 0) ? 0 : DEBOUNCE_MS;
  }

  saved(doc: TextDocument): void {
    this.savedVersion.set(doc.uri, doc.version);
  }

  isSaved(doc: TextDocument): boolean {
    return this.savedVersion.get(doc.uri) === doc.version;
  }

  closed(uri: string): void {
    this.lastChange.delete(uri);
    this.changeGap.delete(uri);
    this.analysisTime.delete(uri);
    this.savedVersion.delete(uri);
    this.reports.delete(uri);
  }

  report(uri: string): Report | undefined {
    return this.reports.get(uri);
  }

  remember(uri: string, report: Report): void {
    this.reports.set(uri, report);
  }

  /**
   * Resolves once the document has been quiet for its debounce, or on cancellation: at once for a
   * document not changed since it was opened, after the messages already received for one that was.
   */
  async settled(uri: string, token: CancellationToken): Promise<void> {
    for (;;) {
      const last = this.lastChange.get(uri);
      if (last === undefined || token.isCancellationRequested) return;
      await afterQueuedMessages();
      if (this.lastChange.get(uri) !== last) continue;
      const wait = this.debounce(uri) - (performance.now() - last);
      if (wait <= 0 || token.isCancellationRequested) return;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, wait);
        token.onCancellationRequested(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }
}

/** textDocument/diagnostic. */
export async function pullDiagnostics(
  params: DocumentDiagnosticParams,
  token: CancellationToken,
  documents: TextDocuments<TextDocument>,
  states: DocumentStates,
  analyzer: Analyzer,
  adjust: AdjustDiagnostics = unchanged,
): Promise<DocumentDiagnosticReport> {
  const uri = params.textDocument.uri;
  await states.settled(uri, token);
  if (token.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'Cancelled');
  const doc = documents.get(uri);
  if (!doc) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
  const analysis = await analyzer.analysisFor(doc);
  const previous = states.report(uri);
  if (analysis.settings.run === 'onSave' && !states.isSaved(doc) && previous) {
    // Unsaved edits with `run: onSave`: the last saved version's problems stand.
    return previous.resultId === params.previousResultId
      ? { kind: DocumentDiagnosticReportKind.Unchanged, resultId: previous.resultId }
      : { kind: DocumentDiagnosticReportKind.Full, resultId: previous.resultId, items: previous.items };
  }
  if (documents.get(uri)?.version !== analysis.version) {
    throw new ResponseError(LSPErrorCodes.ServerCancelled, 'The document changed', { retriggerRequest: true });
  }
  const report: Report = { resultId: `${analysis.version}`, items: adjust(analysis, toDiagnostics(analysis)) };
  states.remember(uri, report);
  return { kind: DocumentDiagnosticReportKind.Full, resultId: report.resultId, items: report.items };
}

/** publishDiagnostics, for clients without pull diagnostics (Neovim 0.7–0.9, older editors). */
export class DiagnosticsPusher {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  /** Per document, the number of the latest schedule: an earlier one that comes due does nothing. */
  private readonly schedules = new Map<string, number>();

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly analyzer: Analyzer,
    private readonly onError: (error: unknown) => void,
    private readonly adjust: AdjustDiagnostics = unchanged,
  ) {}

  /**
   * Analyse and publish after `delay` ms (0: once the messages already received are handled); a newer
   * schedule for the same document replaces this one.
   */
  schedule(uri: string, delay: number): void {
    clearTimeout(this.timers.get(uri));
    this.timers.delete(uri);
    const schedule = (this.schedules.get(uri) ?? 0) + 1;
    this.schedules.set(uri, schedule);
    const run = (): void => {
      if (this.schedules.get(uri) !== schedule) return;
      this.timers.delete(uri);
      this.publish(uri).catch(this.onError);
    };
    if (delay > 0) this.timers.set(uri, setTimeout(run, delay));
    else void afterQueuedMessages().then(run);
  }

  /**
   * Publish the document's current analysis now, without waiting for queued messages: for a result
   * known to stand (an importer whose imports answer as before), which costs no analysis.
   */
  republish(uri: string): void {
    this.publish(uri).catch(this.onError);
  }

  async publish(uri: string): Promise<void> {
    const doc = this.documents.get(uri);
    if (!doc) return;
    const analysis = await this.analyzer.analysisFor(doc);
    // The document moved on while settings were fetched: the newer version has its own schedule.
    if (this.documents.get(uri)?.version !== analysis.version) return;
    await this.connection.sendDiagnostics({ uri, version: analysis.version, diagnostics: this.adjust(analysis, toDiagnostics(analysis)) });
  }

  closed(uri: string): void {
    clearTimeout(this.timers.get(uri));
    this.timers.delete(uri);
    this.schedules.delete(uri);
    this.connection.sendDiagnostics({ uri, diagnostics: [] }).catch(this.onError);
  }
}
