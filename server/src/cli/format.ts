// Output formats: stylish (ESLint's default look), json (ESLint's JSON formatter shape, plus
// `relatedLocations` on a message that depends on another file) and SARIF 2.1.0 (for code-scanning
// tools). Lines and columns are 1-based; columns count UTF-16 units.

import { createHash } from 'node:crypto';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { LineIndex } from '../engine/positions.js';
import { allRuleMetas } from '../engine/rules/index.js';
import { REPOSITORY_URL } from '../engine/rule-docs.js';
import { applyTextEdits } from '../engine/fix/apply.js';
import type { Finding, Related } from '../engine/types.js';
import { wellFormed } from './file-io.js';
import type { FileResult } from './lint-files.js';

/** One finding, in ESLint's `LintMessage` shape. Lines and columns are 1-based; columns count UTF-16 units. */
export interface LintMessage {
  /** The rule id (`unknown-field`); null for a file that could not be read or written. */
  ruleId: string | null;
  /** 2 for errors, 1 for warnings and information. */
  severity: 1 | 2;
  message: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  fatal?: boolean;
  /** The preferred (certain) fix: replace `range` (offsets into the text) with `text`. */
  fix?: { range: [number, number]; text: string };
  /**
   * The other files a finding depends on (an imported client, wrapper or key): the LSP's
   * `relatedInformation`, SARIF's `relatedLocations`. Not a field of ESLint's `LintMessage`: ESLint's
   * formatters and tools that read its JSON read the fields they know and pass over this one. Only set
   * when there is one.
   */
  relatedLocations?: LintRelatedLocation[];
}

/** A place in another file, in the message's own terms: an absolute path, 1-based lines and columns. */
export interface LintRelatedLocation {
  filePath: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  message: string;
}

export interface EslintResult {
  filePath: string;
  messages: LintMessage[];
  errorCount: number;
  warningCount: number;
  fixableErrorCount: number;
  fixableWarningCount: number;
}

export function toEslintResults(results: readonly FileResult[]): EslintResult[] {
  return results.map((r) => {
    const lines = new LineIndex(r.text);
    const messages: LintMessage[] = r.fatal
      ? [{ ruleId: null, severity: 2, message: r.fatal, line: 1, column: 1, fatal: true }]
      : r.findings.map((f) => toMessage(f, lines, r.text));
    // After the findings, so that message i is still finding i.
    if (r.writeError) messages.push({ ruleId: null, severity: 2, message: r.writeError, line: 1, column: 1 });
    const count = (sev: 1 | 2, fixable: boolean) =>
      messages.filter((m) => m.severity === sev && (!fixable || m.fix !== undefined)).length;
    return {
      filePath: r.filePath,
      messages,
      errorCount: count(2, false),
      warningCount: count(1, false),
      fixableErrorCount: count(2, true),
      fixableWarningCount: count(1, true),
    };
  });
}

function toMessage(f: Finding, lines: LineIndex, text: string): LintMessage {
  const start = lines.positionAt(f.span.start);
  const end = lines.positionAt(f.span.end);
  const message: LintMessage = {
    ruleId: f.ruleId,
    severity: f.severity === 'error' ? 2 : 1,
    message: f.message,
    line: start.line + 1,
    column: start.character + 1,
    endLine: end.line + 1,
    endColumn: end.character + 1,
  };
  const fix = f.fixes.find((x) => x.preferred);
  if (fix && fix.edits.length > 0) {
    const from = Math.min(...fix.edits.map((e) => e.start));
    const to = Math.max(...fix.edits.map((e) => e.end));
    const shifted = fix.edits.map((e) => (Object.assign({}, e, { start: e.start - from, end: e.end - from })));
    message.fix = { range: [from, to], text: applyTextEdits(text.slice(from, to), shifted) };
  }
  if (f.related && f.related.length > 0) message.relatedLocations = f.related.map(relatedLocation);
  return message;
}

function relatedLocation(r: Related): LintRelatedLocation {
  const { start, end } = r.range;
  return { filePath: r.file, line: start.line + 1, column: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1, message: r.message };
}

export function formatJson(results: readonly FileResult[]): string {
  return JSON.stringify(toEslintResults(results));
}

// -- stylish ---------------------------------------------------------------------------------------

const ansi = (code: string, on: boolean) => (s: string) => (on ? `\u001b[${code}m${s}\u001b[0m` : s);

export function formatStylish(results: readonly FileResult[], color: boolean, cwd = process.cwd()): string {
  const red = ansi('31', color);
  const yellow = ansi('33', color);
  const blue = ansi('34', color);
  const dim = ansi('2', color);
  const bold = ansi('1', color);
  const underline = ansi('4', color);
  const eslint = toEslintResults(results);
  let out = '';
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  let fixableErrors = 0;
  let fixableWarnings = 0;
  eslint.forEach((result, i) => {
    if (result.messages.length === 0) return;
    const findings = results[i].findings;
    out += `\n${underline(escapeControls(path.relative(cwd, result.filePath) || result.filePath))}\n`;
    const rows = result.messages.map((m, j) => {
      const isInfo = !m.fatal && findings[j]?.severity === 'information';
      const label = m.severity === 2 ? red('error') : isInfo ? blue('info') : yellow('warning');
      if (m.severity === 2) errors++;
      else if (isInfo) infos++;
      else warnings++;
      if (m.fix && m.severity === 2) fixableErrors++;
      if (m.fix && m.severity === 1) fixableWarnings++;
      return [`${m.line}:${m.column}`, label, escapeControls(m.message), dim(m.ruleId ?? '')];
    });
    // A reduce, not Math.max(...): a file can have more findings than the stack has room for arguments.
    const width = (k: number) => rows.reduce((w, r) => Math.max(w, visible(r[k]).length), 0);
    const w0 = width(0);
    const w1 = width(1);
    rows.forEach((r, j) => {
      out += `  ${dim(r[0].padEnd(w0))}  ${r[1]}${' '.repeat(w1 - visible(r[1]).length)}  ${r[2]}  ${r[3]}\n`;
      // A finding that depends on another file (an imported client, wrapper or key) names it.
      for (const related of result.messages[j].relatedLocations ?? []) {
        const where = `${path.relative(cwd, related.filePath) || related.filePath}:${related.line}:${related.column}`;
        out += `  ${' '.repeat(w0)}  ${dim(escapeControls(`see ${where}: ${related.message}`))}\n`;
      }
    });
  });
  const total = errors + warnings + infos;
  if (total === 0) return '';
  const summary = `${total} problem${total === 1 ? '' : 's'} (${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}${infos ? `, ${infos} info` : ''})`;
  out += `\n${bold((errors ? red : yellow)(`✖ ${summary}`))}\n`;
  if (fixableErrors + fixableWarnings > 0) {
    out += bold(`  ${fixableErrors} error${fixableErrors === 1 ? '' : 's'} and ${fixableWarnings} warning${fixableWarnings === 1 ? '' : 's'} potentially fixable with the \`--fix\` option.`) + '\n';
  }
  return out;
}

function visible(s: string): string {
  return s.replace(/\u001b\[[0-9;]*m/g, '');
}

/**
 * Text for a terminal: control characters (C0, DEL, C1), line and paragraph separators and the
 * bidirectional controls are written as escapes, so a file name or a quoted field cannot move the
 * cursor, recolour the screen, start a new line or reorder what is shown (Trojan Source).
 */
export function escapeControls(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, (c) => {
    const named: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };
    const code = c.charCodeAt(0);
    return named[c] ?? (code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`);
  });
}

/** A path as printed in messages and the stylish report: relative to the working folder when below it. */
export function displayPath(file: string, cwd = process.cwd()): string {
  const relative = path.isAbsolute(file) ? path.relative(cwd, file) : file;
  return escapeControls(relative === '' || relative.startsWith('..') || path.isAbsolute(relative) ? file : relative);
}

// -- SARIF -----------------------------------------------------------------------------------------

/**
 * An RFC 3986 URI reference for a file: relative to the working folder when it is below it or
 * beside it (each segment percent-encoded, `:` too, so a first segment is never read as a scheme),
 * otherwise an absolute `file:` URI (percent-encoded likewise).
 */
export function sarifUri(file: string, cwd = process.cwd()): string {
  const relative = path.relative(cwd, file);
  if (relative !== '' && !path.isAbsolute(relative)) return encodeSegments(relative.split(path.sep));
  const url = pathToFileURL(file);
  // pathToFileURL leaves some characters RFC 3986 reserves (`[`, `]`, `'`, ...) as they are.
  return `file://${url.host}${encodeSegments(decodeURIComponent(url.pathname).split('/'))}`;
}

function encodeSegments(segments: readonly string[]): string {
  return segments
    .map((s, i) => {
      if (s === '.' || s === '..' || (i === 1 && /^[A-Za-z]:$/.test(s))) return s; // a Windows drive stays `C:`
      // encodeURIComponent throws on a lone surrogate: it becomes U+FFFD.
      return encodeURIComponent(wellFormed(s)).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
    })
    .join('/');
}

/** The rules SARIF's `tool.driver.rules` lists (results point into it by `ruleIndex`). */
const sarifRules = allRuleMetas;
const sarifRuleIndex = new Map(sarifRules.map((r, i) => [r.id, i]));

/**
 * What identifies a finding across commits for code scanning (`partialFingerprints`): its rule, the
 * text of its line (trimmed) and which occurrence of that pair in the file it is, hashed. Not the
 * line number, so lines added above a finding keep its identity; not the message, which names
 * values. In GitHub's own key and form (`<hash>:<occurrence>`), so upload-sarif does not compute
 * its own, which would also hash the lines around it.
 */
function lineHashes(text: string, messages: readonly LintMessage[]): string[] {
  const lines = text.split(/\r\n|\r|\n/);
  const seen = new Map<string, number>();
  return messages.map((m) => {
    const key = `${m.ruleId ?? 'fatal'}\u0000${(lines[m.line - 1] ?? '').trim()}`;
    const occurrence = (seen.get(key) ?? 0) + 1;
    seen.set(key, occurrence);
    return `${createHash('sha256').update(`${key}\u0000${occurrence}`).digest('hex').slice(0, 16)}:${occurrence}`;
  });
}

/** A SARIF `physicalLocation`: the file's URI as `sarifUri` writes it, and the region. */
function physicalLocation(at: { filePath: string; line: number; column: number; endLine?: number; endColumn?: number }, cwd: string) {
  return {
    artifactLocation: { uri: sarifUri(at.filePath, cwd) },
    region: { startLine: at.line, startColumn: at.column, endLine: at.endLine ?? at.line, endColumn: at.endColumn ?? at.column },
  };
}

export function formatSarif(results: readonly FileResult[], version: string, cwd = process.cwd()): string {
  const eslint = toEslintResults(results);
  const level = (m: LintMessage, f?: Finding) =>
    m.severity === 2 ? 'error' : f?.severity === 'information' ? 'note' : 'warning';
  const sarifResults = eslint.flatMap((r, i) => {
    const hashes = lineHashes(results[i].text, r.messages);
    return r.messages.map((m, j) => {
      const f = results[i].findings[j];
      const ruleIndex = sarifRuleIndex.get(m.ruleId ?? '');
      return {
        ruleId: m.ruleId ?? 'fatal',
        ...(ruleIndex === undefined ? {} : { ruleIndex }),
        level: level(m, f),
        message: { text: m.message },
        locations: [{ physicalLocation: physicalLocation({ filePath: r.filePath, ...m }, cwd) }],
        ...(m.relatedLocations ? { relatedLocations: m.relatedLocations.map((l, k) => ({ id: k + 1, physicalLocation: physicalLocation(l, cwd), message: { text: l.message } })) } : {}),
        partialFingerprints: { primaryLocationLineHash: hashes[j] },
      };
    });
  });
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'leonardo-lint',
            version,
            informationUri: REPOSITORY_URL,
            rules: sarifRules.map((r) => ({
              id: r.id,
              shortDescription: { text: r.description },
              helpUri: r.docsUrl,
              defaultConfiguration: { level: r.defaultSeverity === 'information' ? 'note' : r.defaultSeverity },
            })),
          },
        },
        results: sarifResults,
      },
    ],
  };
  return JSON.stringify(sarif, null, 2);
}
