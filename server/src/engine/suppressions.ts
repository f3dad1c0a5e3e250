// Suppression comments, for the CLI and the editor alike:
//   leonardo-lint-disable-next-line <rules>   the line after the comment
//   leonardo-lint-disable-line <rules>        the comment's own line
//   leonardo-lint-disable <rules>             the whole file, wherever the comment is
// No rules listed means every rule. Rules are separated by commas or spaces; ` -- ` starts a reason.
// Comment forms by document kind: `//` and `/* */` (TS, JS, JSON, JSONC), `#` (shell, and `#` or
// `//` at the start of a line in .http files), `<!-- -->` in Markdown prose and `#` lines inside
// Markdown code blocks (fenced or indented). A directive that suppresses nothing is reported as `unused-disable-directive`.

import { fitMessage, q } from './messages.js';
import type { LintConfig } from './config/lint-config.js';
import { LineIndex } from './positions.js';
import { bySpan } from './arrays.js';
import { codeBlocks, inCodeBlock } from './extract/markdown-blocks.js';
import { ruleById, UNUSED_DIRECTIVE_RULE_ID } from './rules/index.js';
import type { DocumentKind, Finding, LintDocument, RequestSite, Span, TextEdit } from './types.js';

// The unused-directive report's id, description and meta live with the rule registry (its list of
// every rule a finding can come from); re-exported here, where the report is made.
export { UNUSED_DIRECTIVE_DESCRIPTION, UNUSED_DIRECTIVE_META, UNUSED_DIRECTIVE_RULE_ID } from './rules/index.js';

export type DirectiveKind = 'disable' | 'disable-line' | 'disable-next-line';

type Opener = '//' | '/*' | '#' | '<!--';

export interface DirectiveRule {
  id: string;
  span: Span;
}

export interface Directive {
  kind: DirectiveKind;
  /** The rules listed, in order; empty means every rule. */
  rules: DirectiveRule[];
  /** The whole comment, opener to closer. */
  span: Span;
  opener: Opener;
  /** 0-based line the directive covers (`disable-line`, `disable-next-line`); undefined for the file. */
  line?: number;
}

const KEYWORD = /leonardo-lint-disable(-next-line|-line)?(?=$|[\s,]|\*\/|-->)/gm;
const CLOSERS: Partial<Record<Opener, string>> = { '/*': '*/', '<!--': '-->' };

/** The comment openers a document kind has (Markdown is special-cased: see `markdownOpeners`). */
function openersFor(kind: DocumentKind): readonly Opener[] {
  switch (kind) {
    case 'typescript':
    case 'javascript':
    case 'json':
    case 'jsonc':
      return ['//', '/*'];
    case 'shell':
      return ['#'];
    case 'http':
      return ['#', '//'];
    case 'markdown':
      return ['<!--', '#'];
    case 'postman':
      return [];
  }
}

/** Every suppression directive in a document, in document order. */
export function parseDirectives(text: string, kind: DocumentKind): Directive[] {
  const openers = openersFor(kind);
  if (openers.length === 0 || !text.includes('leonardo-lint-disable')) return [];
  const lines = new LineIndex(text);
  // In Markdown, a `#` comment is a directive on a line of a code block (the blocks extraction lints), `<!-- -->` elsewhere.
  const blocks = kind === 'markdown' ? codeBlocks(text) : undefined;
  const directives: Directive[] = [];
  for (const m of text.matchAll(KEYWORD)) {
    const at = m.index;
    const line = lines.positionAt(at).line;
    const lineStart = lines.lineStart(line);
    const opened = openerBefore(text.slice(lineStart, at), openers);
    if (!opened) continue;
    const openerStart = lineStart + opened.index;
    const prefix = text.slice(lineStart, openerStart);
    if (!openerAllowed(kind, opened.opener, prefix, blocks !== undefined && inCodeBlock(blocks, lineStart))) continue;
    const closer = CLOSERS[opened.opener];
    const bodyStart = at + m[0].length;
    let commentEnd: number;
    let bodyEnd: number;
    if (closer) {
      const close = text.indexOf(closer, bodyStart);
      if (close < 0) continue;
      bodyEnd = close;
      commentEnd = close + closer.length;
    } else {
      bodyEnd = lineEndAt(text, bodyStart);
      commentEnd = bodyEnd;
    }
    const kindOf: DirectiveKind = m[1] === '-next-line' ? 'disable-next-line' : m[1] === '-line' ? 'disable-line' : 'disable';
    const endLine = lines.positionAt(commentEnd).line;
    directives.push({
      kind: kindOf,
      rules: ruleList(text, bodyStart, bodyEnd),
      span: { start: openerStart, end: commentEnd },
      opener: opened.opener,
      line: kindOf === 'disable-line' ? line : kindOf === 'disable-next-line' ? endLine + 1 : undefined,
    });
  }
  return directives;
}

/** The opener that ends right before the keyword (only blanks and extra `*` between). */
function openerBefore(prefix: string, openers: readonly Opener[]): { opener: Opener; index: number } | undefined {
  const m = /(\/\/|\/\*+|#|<!--)[ \t]*$/.exec(prefix);
  if (!m) return undefined;
  const opener = (m[1].startsWith('/*') ? '/*' : m[1]) as Opener;
  return openers.includes(opener) ? { opener, index: m.index } : undefined;
}

function openerAllowed(kind: DocumentKind, opener: Opener, prefix: string, inCode: boolean): boolean {
  const atLineStart = prefix.trim() === '';
  switch (kind) {
    case 'http':
      return atLineStart;
    case 'markdown':
      return opener === '#' ? inCode && atLineStart : !inCode && !insideQuotes(prefix, '`');
    case 'shell':
      return (atLineStart || /\s$/.test(prefix)) && !insideQuotes(prefix, `"'`);
    default:
      return !insideQuotes(prefix, `"'\``);
  }
}

/** Whether the end of `prefix` (one line) is inside a quoted string, ignoring escaped quotes. */
function insideQuotes(prefix: string, quotes: string): boolean {
  let open: string | undefined;
  for (let i = 0; i < prefix.length; i++) {
    const c = prefix[i];
    if (c === '\\' && open !== undefined && open !== "'") i++;
    else if (open === undefined && quotes.includes(c)) open = c;
    else if (c === open) open = undefined;
  }
  return open !== undefined;
}

function lineEndAt(text: string, from: number): number {
  let i = from;
  while (i < text.length && text[i] !== '\n' && text[i] !== '\r') i++;
  return i;
}

/** The rule ids in a directive's body, up to a ` -- reason`. */
function ruleList(text: string, start: number, end: number): DirectiveRule[] {
  let body = text.slice(start, end);
  const reason = /(?:^|\s)--(?:\s|$)/.exec(body);
  if (reason) body = body.slice(0, reason.index);
  const rules: DirectiveRule[] = [];
  for (const m of body.matchAll(/[^\s,]+/g)) {
    rules.push({ id: m[0], span: { start: start + m.index, end: start + m.index + m[0].length } });
  }
  return rules;
}

// ---------------------------------------------------------------------------------------------
// Applying directives to findings.

/**
 * Drop the findings that directives suppress, and report directives (or listed rules) that
 * suppress nothing. `ranRules` are the rules that ran: a listed rule that is known but did not run
 * (turned off, or left out by the caller) is not judged. It may be a function, called only when the
 * document has a directive (most have none, and listing the rules is work).
 */
export function applySuppressions(
  doc: LintDocument,
  findings: Finding[],
  config: LintConfig,
  ranRulesOrList?: readonly string[] | (() => readonly string[]),
): Finding[] {
  const directives = parseDirectives(doc.text, doc.kind);
  if (directives.length === 0) return findings;
  const ranRules = typeof ranRulesOrList === 'function' ? ranRulesOrList() : ranRulesOrList;
  const lines = new LineIndex(doc.text);
  const used = directives.map(() => new Set<string>());
  const kept = findings.filter((finding) => {
    const line = lines.positionAt(finding.span.start).line;
    let suppressed = false;
    directives.forEach((d, i) => {
      if (d.line !== undefined && d.line !== line) return;
      if (d.rules.length > 0 && !d.rules.some((r) => r.id === finding.ruleId)) return;
      used[i].add(finding.ruleId);
      suppressed = true;
    });
    return !suppressed;
  });
  const severity = config.rules?.[UNUSED_DIRECTIVE_RULE_ID];
  if (config.reportUnusedDisableDirectives === false || severity === 'off') return kept;
  const ran = new Set(ranRules);
  const known = (id: string): boolean => ran.has(id) || ruleById(id) !== undefined;
  const judged = (id: string): boolean => ranRules === undefined || ran.has(id) || !known(id);
  const unused = directives.flatMap((d, i) => unusedFindings(doc.text, d, used[i], judged, known));
  if (unused.length === 0) return kept;
  for (const u of unused) if (severity) u.severity = severity;
  return [...kept, ...unused].sort(bySpan);
}

function unusedFindings(
  text: string,
  d: Directive,
  used: Set<string>,
  judged: (id: string) => boolean,
  known: (id: string) => boolean,
): Finding[] {
  const reason = (id: string): string =>
    known(id) ? `no problems were reported from '${id}'` : `'${id}' is not a leonardo-lint rule`;
  const label = `leonardo-lint-${d.kind}`;
  if (d.rules.length === 0) {
    if (used.size > 0) return [];
    return [unusedFinding(`Unused ${label} directive (no problems were reported).`, d.span, removeComment(text, d))];
  }
  const unusedRules = d.rules.filter((r) => !used.has(r.id) && judged(r.id));
  if (unusedRules.length === 0) return [];
  if (unusedRules.length === d.rules.length) {
    const names = unusedRules.map((r) => reason(r.id)).join(', ');
    return [unusedFinding(fitMessage(`Unused ${label} directive (${names}).`, `Unused ${label} directive (none of its ${unusedRules.length} rules reported a problem here).`), d.span, removeComment(text, d))];
  }
  const list: Span = { start: d.rules[0].span.start, end: d.rules[d.rules.length - 1].span.end };
  return unusedRules.map((r) =>
    unusedFinding(`Unused ${label} directive (${reason(r.id)}).`, r.span, {
      title: `Remove ${q(r.id)} from the directive`,
      edit: Object.assign({}, list, { newText: d.rules.filter((other) => other !== r).map((other) => other.id).join(', ') }),
    }),
  );
}

function unusedFinding(message: string, span: Span, fix: { title: string; edit: TextEdit }): Finding {
  return {
    ruleId: UNUSED_DIRECTIVE_RULE_ID,
    severity: 'warning',
    message,
    span,
    fixes: [{ title: fix.title, edits: [fix.edit], preferred: true }],
  };
}

/** Remove a directive comment: its whole line when it stands alone, else the comment and the blanks before it. */
function removeComment(text: string, d: Directive): { title: string; edit: TextEdit } {
  let start = d.span.start;
  while (start > 0 && (text[start - 1] === ' ' || text[start - 1] === '\t')) start--;
  let end = d.span.end;
  while (end < text.length && (text[end] === ' ' || text[end] === '\t')) end++;
  const ownLine = (start === 0 || text[start - 1] === '\n' || text[start - 1] === '\r') && (end === text.length || text[end] === '\n' || text[end] === '\r');
  if (ownLine) {
    if (text[end] === '\r' && text[end + 1] === '\n') end += 2;
    else if (end < text.length) end += 1;
  } else {
    end = d.span.end;
  }
  return { title: 'Remove the unused directive', edit: { start, end, newText: '' } };
}

// ---------------------------------------------------------------------------------------------
// Writing directives (the editor's "Disable <rule> for this line / file" actions).

interface CommentForm {
  open: string;
  close: string;
}

function lineCommentForm(kind: DocumentKind): CommentForm | undefined {
  switch (kind) {
    case 'typescript':
    case 'javascript':
    case 'jsonc':
      return { open: '//', close: '' };
    case 'shell':
    case 'http':
    case 'markdown':
      return { open: '#', close: '' };
    default:
      return undefined;
  }
}

/**
 * The edit that disables `ruleId` on a 0-based line, or undefined when a comment cannot go there:
 * plain JSON and Postman collections have no comments, and in shell scripts, .http files and
 * Markdown fences a comment line only fits right before a request (inside a multi-line curl command
 * or a request body it would change what is sent). An existing `disable-next-line` comment on the
 * line before gets the rule appended.
 */
export function disableLineEdit(
  doc: LintDocument,
  requests: readonly RequestSite[],
  line: number,
  ruleId: string,
): TextEdit | undefined {
  const form = lineCommentForm(doc.kind);
  if (!form) return undefined;
  const lines = new LineIndex(doc.text);
  const lineStart = lines.lineStart(line);
  if (form.open === '#' && !startsRequest(doc.text, requests, lines, line)) return undefined;
  const previous = parseDirectives(doc.text, doc.kind).find(
    (d) => d.kind === 'disable-next-line' && d.line === line && d.rules.length > 0 && !CLOSERS[d.opener],
  );
  if (previous) return appendRule(previous, ruleId);
  const indent = /^[ \t]*/.exec(doc.text.slice(lineStart))![0];
  return { start: lineStart, end: lineStart, newText: `${indent}${form.open} leonardo-lint-disable-next-line ${ruleId}${eolOf(doc.text)}` };
}

/** A line where a request starts, and not the continuation (`\\` at the end of the line before) of a command. */
function startsRequest(text: string, requests: readonly RequestSite[], lines: LineIndex, line: number): boolean {
  const continued = line > 0 && /\\[ \t]*$/.test(text.slice(lines.lineStart(line - 1), lines.lineStart(line)).replace(/\r?\n$|\r$/, ''));
  return !continued && requests.some((r) => lines.positionAt(r.span.start).line === line);
}

/**
 * The edit that disables `ruleId` for the whole file: appended to an existing file-level directive,
 * else a new comment at the top (after a shebang, a JSONC endpoint comment or Markdown front matter).
 * Undefined for kinds without comments (plain JSON, Postman collections).
 */
export function disableFileEdit(doc: LintDocument, ruleId: string): TextEdit | undefined {
  const form: CommentForm | undefined = doc.kind === 'markdown' ? { open: '<!--', close: ' -->' } : lineCommentForm(doc.kind);
  if (!form) return undefined;
  const existing = parseDirectives(doc.text, doc.kind).find((d) => d.kind === 'disable' && d.rules.length > 0);
  if (existing) return appendRule(existing, ruleId);
  const at = fileHeaderEnd(doc.text, doc.kind);
  return { start: at, end: at, newText: `${form.open} leonardo-lint-disable ${ruleId}${form.close}${eolOf(doc.text)}` };
}

function appendRule(d: Directive, ruleId: string): TextEdit {
  const last = d.rules[d.rules.length - 1].span.end;
  return { start: last, end: last, newText: `, ${ruleId}` };
}

/** Offset after the lines that must stay first: BOM, shebang, JSONC endpoint comment, front matter. */
function fileHeaderEnd(text: string, kind: DocumentKind): number {
  let at = text.startsWith('\uFEFF') ? 1 : 0;
  const rest = text.slice(at);
  const header =
    /^#![^\r\n]*(?:\r\n|\r|\n)?/.exec(rest) ??
    (kind === 'jsonc' || kind === 'json' ? /^\s*\/\/[^\r\n]*(?:\r\n|\r|\n)?/.exec(rest) : null) ??
    (kind === 'markdown' ? /^---\r?\n[\s\S]*?\r?\n---[ \t]*(?:\r\n|\n|$)/.exec(rest) : null);
  if (header) at += header[0].length;
  return at;
}

function eolOf(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}
