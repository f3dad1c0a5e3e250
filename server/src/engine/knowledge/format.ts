// Rendering a catalogue entry (and what was matched) as Markdown for hovers or plain text for the CLI.

import { ruleDocsUrl } from '../rule-docs.js';
import { redactKeys } from '../auth/secrets.js';
import type { ApiErrorEntry } from './api-errors.js';
import type { ErrorMatch } from './match.js';

export type ExplanationFormat = 'markdown' | 'plain';

/** What to collect before contacting support, when the error is the generic one. */
export const SUPPORT_CHECKLIST = [
  'the request body you sent (without your API key)',
  'the time of the request, with its time zone',
  'the generation id (or other job id) involved, if there is one',
  'the full error response: HTTP status and the whole JSON body',
];

interface Section {
  heading: string;
  items: string[];
}

/**
 * The explanation as text, redacted (secrets.ts): the pasted error may quote a key (`explain`, the
 * editor's Explain API Error, hovers on error strings), and no output prints a key in full.
 */
export function formatExplanation(
  entry: ApiErrorEntry,
  match?: Partial<ErrorMatch>,
  format: ExplanationFormat = 'markdown',
): string {
  return redactKeys(unredactedExplanation(entry, match, format));
}

function unredactedExplanation(entry: ApiErrorEntry, match: Partial<ErrorMatch> | undefined, format: ExplanationFormat): string {
  const md = format === 'markdown';
  if (match?.notAnError) return notAnErrorText(md);
  if (match?.candidates && match.candidates.length > 1) return candidatesText(match.candidates, match, md);
  const lines: string[] = [];
  const generic = match?.generic === true;
  const title = explanationTitle(entry, match);
  lines.push(md ? `**${title}**` : title);
  lines.push('');
  const answered = answeredLine(entry, match, generic, md);
  if (answered) lines.push(answered, '');

  const sections: Section[] = [];
  if (generic) {
    sections.push({
      heading: 'What it means',
      items: [
        'Leonardo.Ai\'s error catalogue has no entry for this text. The catalogue\'s generic answer is "Service Error": an error without details, for Leonardo.Ai support to look into.',
      ],
    });
    sections.push({ heading: 'What to send to Leonardo.Ai support', items: SUPPORT_CHECKLIST });
  } else {
    sections.push({ heading: entry.causes.length > 1 ? 'Causes' : 'Cause', items: entry.causes });
    sections.push({ heading: 'Fix', items: [...entry.fixes, ...detailLines(entry, match)] });
    if (entry.id === 'service-error') sections.push({ heading: 'What to send to Leonardo.Ai support', items: SUPPORT_CHECKLIST });
  }
  if (entry.note) sections.push({ heading: 'Note', items: [entry.note] });
  if (entry.rules.length > 0 && !generic) sections.push(caughtBy(entry, md));
  pushSections(lines, sections, md);
  return lines.join('\n').trimEnd() + '\n';
}

/** The title of an explanation: the entry's, or what kind of non-answer it is. */
export function explanationTitle(entry: ApiErrorEntry, match?: Partial<ErrorMatch>): string {
  if (match?.notAnError) return 'Not a Leonardo.Ai error';
  if (match?.candidates && match.candidates.length > 1) {
    return `${match.candidates.length} catalogue entries answer HTTP ${match.status}: which one is yours?`;
  }
  return match?.generic ? 'No catalogue entry matches this error' : entry.title;
}

function caughtBy(entry: ApiErrorEntry, md: boolean): Section {
  return {
    heading: 'Caught before sending by',
    items: entry.rules.map((id) => (md ? `[\`${id}\`](${ruleDocsUrl(id)})` : `${id}: ${ruleDocsUrl(id)}`)),
  };
}

function pushSections(lines: string[], sections: readonly Section[], md: boolean): void {
  for (const section of sections) {
    lines.push(md ? `**${section.heading}**` : `${section.heading}:`);
    for (const item of section.items) lines.push(`- ${md ? item : plain(item)}`);
    lines.push('');
  }
}

function notAnErrorText(md: boolean): string {
  const lines = [
    md ? '**Not a Leonardo.Ai error**' : 'Not a Leonardo.Ai error',
    '',
    'This text does not look like an error response from the Leonardo.Ai API: it has no error JSON, no HTTP status and no error message.',
    '',
  ];
  pushSections(lines, [{
    heading: 'What to paste',
    items: [
      'The whole error response, e.g. `{"error": "Unexpected variable sd_Version", "path": "$", "code": "bad-request"}`,',
      'or just its message, e.g. `invalid dimensions`, or the status line with it, e.g. `HTTP/1.1 403 Forbidden`.',
    ],
  }], md);
  return lines.map((l) => (md ? l : plain(l))).join('\n').trimEnd() + '\n';
}

/** A bare status several entries share: each of them, briefly, so the user can tell which applies. */
function candidatesText(candidates: readonly ApiErrorEntry[], match: Partial<ErrorMatch>, md: boolean): string {
  const title = explanationTitle(candidates[0], match);
  const lines = [md ? `**${title}**` : title, '', 'The status alone does not say which: the message or the request that failed does.', ''];
  for (const entry of candidates) {
    pushSections(lines, [{
      heading: entry.title,
      items: [...entry.causes.map((c) => `Cause: ${c}`), ...entry.fixes.map((f) => `Fix: ${f}`)],
    }], md);
    if (entry.rules.length > 0) pushSections(lines, [caughtBy(entry, md)], md);
  }
  return lines.join('\n').trimEnd() + '\n';
}

function answeredLine(
  entry: ApiErrorEntry,
  match: Partial<ErrorMatch> | undefined,
  generic: boolean,
  md: boolean,
): string | undefined {
  const message = match?.message ?? (generic ? undefined : entry.error);
  const facts: string[] = [];
  const status = match?.status ?? (generic ? undefined : entry.status);
  if (status !== undefined) facts.push(`HTTP ${status}`);
  const code = match?.code ?? (generic ? undefined : entry.code);
  if (code) facts.push(`code \`${code}\``);
  if (match?.path && match.path !== '$') facts.push(`path \`${match.path}\``);
  if (!message && facts.length === 0) return undefined;
  const what = message ? (md ? `\`${message}\`` : `"${message}"`) : 'this';
  const line = `The API answered ${what}${facts.length > 0 ? ` (${facts.join(', ')})` : ''}.`;
  return md ? line : plain(line);
}

/** Lines that use what was captured from the message: the field name, the term, the suggestion. */
function detailLines(entry: ApiErrorEntry, match: Partial<ErrorMatch> | undefined): string[] {
  const captures = match?.captures ?? {};
  const out: string[] = [];
  if (entry.id === 'unexpected-variable' && captures.name) {
    const suggestions = match?.suggestions ?? [];
    out.push(
      suggestions.length > 0
        ? `\`${captures.name}\` is not a request field: did you mean ${suggestions.map((s) => `\`${s}\``).join(' or ')}?`
        : `\`${captures.name}\` is not a request field of the endpoint.`,
    );
  }
  if (entry.id === 'content-moderation' && captures.term) {
    out.push(`The filter flagged the term \`${captures.term}\`.`);
  }
  if (entry.id === 'expected-boolean' && captures.field) {
    const type = captures.expected ?? 'boolean';
    out.push(`The field is \`${captures.field}\`: send it as a JSON ${type}${captures.found ? `, not a ${captures.found}` : ''}.`);
  }
  if (entry.id === 'non-nullable-variable' && captures.name && captures.name !== 'prompt') {
    out.push(`The missing field is \`${captures.name}\`.`);
  }
  return out;
}

/** Markdown inline code and emphasis removed, for terminals. */
function plain(text: string): string {
  return text.replace(/`([^`]*)`/g, '$1');
}
