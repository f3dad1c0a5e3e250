// REST Client request files (.http, .rest; the JetBrains HTTP client format is close enough):
// requests separated by `###` lines, `# @name` and other comment lines, `@name = value` file
// variables, a request line `METHOD URL [HTTP/1.1]` (or just the URL: GET), `?`/`&` query lines,
// headers, a blank line, and the body up to the next separator. `{{variables}}` are resolved in URLs
// when the file defines them and are unknown everywhere else.

import type { Catalogue } from '../../api/types.js';
import type { LintDocument, Property, RequestSite, Span } from '../types.js';
import type { Extraction } from './index.js';
import { headerObject, headerProperty } from './text/headers.js';
import { parseMappedJson } from './text/json-body.js';
import { MappedTextBuilder, mapSpan, verbatim } from './text/mapped-text.js';
import { endpointFor, leonardoRequestUrl } from './text/request-url.js';
import { expandTemplate } from './text/template.js';

export function extractFromHttp(doc: LintDocument, catalogue: Catalogue): Extraction {
  return { requests: httpRequestsIn(doc.text, 0, doc.text.length, catalogue) };
}

interface Line {
  start: number;
  /** End of the text, before the line break. */
  end: number;
  /** After the line break. */
  next: number;
  text: string;
}

function linesOf(text: string, start: number, end: number): Line[] {
  const lines: Line[] = [];
  let pos = start;
  while (pos < end || (pos === end && lines.length === 0)) {
    let eol = pos;
    while (eol < end && text[eol] !== '\n' && text[eol] !== '\r') eol++;
    const next = text[eol] === '\r' && text[eol + 1] === '\n' ? eol + 2 : eol + 1;
    lines.push({ start: pos, end: eol, next: Math.min(next, end), text: text.slice(pos, eol) });
    if (eol >= end) break;
    pos = next;
  }
  return lines;
}

const SEPARATOR = /^\s*#{3,}/;
const COMMENT = /^\s*(?:#|\/\/)/;
// (Greedy to the last non-blank: a lazy value before `\s*$` rescans a long blank run at every step.)
const FILE_VARIABLE = /^\s*@([\w.-]+)\s*=\s*(.*\S|)\s*$/;
const METHODS = 'GET|POST|PUT|DELETE|PATCH|HEAD|OPTIONS|CONNECT|TRACE';
/** Read on the line without its tail (LINE_TAIL). */
const REQUEST_LINE = new RegExp(`^(\\s*)(?:(${METHODS})\\s+)?(\\S.*)$`, 'i');
/** A trailing `HTTP/1.1` and blanks, tried only after a non-blank: linear on a long run of blanks. */
const LINE_TAIL = /(?<!\s)(?:\s+HTTP\/[\d.]+)?\s*$/i;
/** Response handlers and output redirection of the JetBrains format end a body. */
const BODY_END = /^\s*(?:>\s*\{%|>\s+\S|>>!?\s|<>\s)/;

/** The requests in text[start, end) (a whole .http file, or a ```http block of a Markdown file). */
export function httpRequestsIn(text: string, start: number, end: number, catalogue: Catalogue): RequestSite[] {
  const lines = linesOf(text, start, end);
  const variables = new Map<string, string>();
  for (const line of lines) {
    const m = FILE_VARIABLE.exec(line.text);
    if (m) variables.set(m[1], m[2]);
  }
  const requests: RequestSite[] = [];
  let block: Line[] = [];
  for (const line of lines) {
    if (SEPARATOR.test(line.text)) {
      pushRequest(block);
      block = [];
    } else block.push(line);
  }
  pushRequest(block);
  return requests;

  function pushRequest(block: Line[]): void {
    const site = requestOf(text, block, variables, catalogue);
    if (site) requests.push(site);
  }
}

function requestOf(
  text: string,
  block: Line[],
  variables: ReadonlyMap<string, string>,
  catalogue: Catalogue,
): RequestSite | undefined {
  let i = 0;
  while (i < block.length && (block[i].text.trim() === '' || COMMENT.test(block[i].text) || FILE_VARIABLE.test(block[i].text))) i++;
  const requestLine = block[i];
  if (!requestLine) return undefined;
  const m = REQUEST_LINE.exec(requestLine.text.replace(LINE_TAIL, ''));
  if (!m) return undefined;
  const methodStart = requestLine.start + m[1].length;
  const urlStart = requestLine.start + m[0].indexOf(m[3], m[1].length + (m[2]?.length ?? 0));

  // The URL, with `?`/`&` continuation lines appended.
  const rawUrl = new MappedTextBuilder().pushMapped(verbatim(text, urlStart, urlStart + m[3].length));
  i++;
  while (i < block.length && /^\s*[?&]/.test(block[i].text)) {
    const line = block[i];
    const from = line.start + line.text.length - line.text.trimStart().length;
    rawUrl.pushMapped(verbatim(text, from, line.start + line.text.trimEnd().length));
    i++;
  }
  const url = leonardoRequestUrl(expandTemplate(rawUrl.build(), variables), text);
  if (!url) return undefined;

  const site: RequestSite = {
    source: 'http-file',
    naming: 'wire',
    method: (m[2] ?? 'GET').toUpperCase(),
    url,
    span: { start: methodStart, end: requestLine.end },
  };
  if (m[2]) site.methodSpan = { start: methodStart, end: methodStart + m[2].length };
  site.endpoint = endpointFor(catalogue, site.method, url);

  // Headers up to the first blank line.
  const properties: Property[] = [];
  let hasUnknownKeys = false;
  let anchor: Span = { start: methodStart, end: requestLine.end };
  let contentType = '';
  for (; i < block.length && block[i].text.trim() !== ''; i++) {
    const line = block[i];
    if (COMMENT.test(line.text)) continue;
    const property = headerProperty({
      text: expandTemplate(verbatim(text, line.start, line.end)),
      start: 0,
      removeSpan: { start: line.start, end: line.next },
      quote: '"',
    });
    if (property === 'unknownName') hasUnknownKeys = true;
    else if (property) {
      properties.push(property);
      anchor = { start: line.start, end: line.end };
      if (property.key.toLowerCase() === 'content-type' && property.value.kind === 'string') contentType = property.value.value.toLowerCase();
    }
  }
  site.headers = headerObject(properties, anchor, hasUnknownKeys);

  // The body: after the blank line, up to the end of the block (trailing blank lines, comments and
  // response handlers excluded).
  const bodyLines = block.slice(i + 1);
  let last = bodyLines.findIndex((l) => BODY_END.test(l.text));
  if (last < 0) last = bodyLines.length;
  while (last > 0 && (bodyLines[last - 1].text.trim() === '' || COMMENT.test(bodyLines[last - 1].text))) last--;
  const content = bodyLines.slice(0, last);
  site.span = { start: methodStart, end: content.length > 0 ? content[content.length - 1].end : anchor.end };
  if (content.length === 0) return site;
  const bodyStart = content[0].start;
  const bodyEnd = content[content.length - 1].end;
  const body = expandTemplate(verbatim(text, bodyStart, bodyEnd));
  const bodySpan = mapSpan(body, 0, body.text.length);
  if (/^\s*<@?\s/.test(body.text)) {
    site.body = { kind: 'unknown', span: bodySpan, text: body.text.trim() };
  } else if (contentType.includes('multipart/form-data')) {
    site.body = { kind: 'foreign', what: 'multipart form data', span: bodySpan };
  } else if (contentType && !contentType.includes('json')) {
    site.body = { kind: 'unknown', span: bodySpan, text: body.text };
  } else {
    const parsed = parseMappedJson(body);
    site.body = parsed.value;
    if (parsed.errors.length > 0) site.jsonErrors = parsed.errors;
  }
  return site;
}
