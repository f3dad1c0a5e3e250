// From what a user pastes (an error response, a log line, a bare message) to the catalogue entry
// that explains it. Never empty-handed: no match gives the generic "Service Error" answer, a bare
// status that several entries share lists them as candidates, and a text that is no error at all (a
// line of code on the clipboard) is said to be none.

import type { Catalogue, Field } from '../../api/types.js';
import { redactKeys } from '../auth/secrets.js';
import { nearestNames, spellingMatches } from '../fix/suggest.js';
import { apiErrors, SERVICE_ERROR_ID, type ApiErrorEntry } from './api-errors.js';

export interface ErrorMatch {
  entry: ApiErrorEntry;
  /** True when no entry matched and the answer is the generic one. */
  generic: boolean;
  /** The text does not look like an error response at all (no error JSON, status or error wording). */
  notAnError: boolean;
  /** No message matched, but the status is one that these entries answer with (e.g. both 403s). */
  candidates: ApiErrorEntry[];
  /** The error message found in the input (the JSON `error`, `errors[].message`, or the text). */
  message?: string;
  status?: number;
  code?: string;
  path?: string;
  /** Named parts of the message: `name`, `term`, `expected`, `found`, `user`, `field`. */
  captures: Record<string, string>;
  /** For an unknown field name: the request field names it was probably meant to be. */
  suggestions: string[];
}

interface ParsedInput {
  messages: string[];
  status?: number;
  code?: string;
  path?: string;
  raw: string;
}

/** Explain an API error: JSON (`{"error":…}`, `{"errors":[…]}`), with HTTP lines or log text around it, or bare text. */
export function explainError(input: string, catalogue?: Catalogue): ErrorMatch {
  // The pasted text may hold a key (a log line with the request's headers): it is redacted before
  // anything is read from it, so no part of the answer (the message, a capture, a line cut at 200
  // characters) can carry it.
  const parsed = parseInput(redactKeys(input));
  const found = findEntry(parsed);
  const captures = { ...found?.captures };
  if (found?.entry.id === 'expected-boolean' && parsed.path) {
    const field = /(?<![\w$])([A-Za-z_$][\w$]*)\s*$/.exec(parsed.path)?.[1];
    if (field && field !== '$') captures.field = field;
  }
  const entry = found?.entry ?? apiErrors.find((e) => e.id === SERVICE_ERROR_ID)!;
  const name = captures.name;
  const candidates = found || parsed.status === undefined ? [] : apiErrors.filter((e) => e.status === parsed.status);
  return {
    entry,
    generic: !found,
    notAnError: !found && parsed.messages.length === 0 && parsed.status === undefined && !ERROR_WORDING.test(parsed.raw),
    candidates: candidates.length > 1 ? candidates : [],
    message: parsed.messages[0] ?? (found ? undefined : firstLine(parsed.raw)),
    status: parsed.status,
    code: parsed.code,
    path: parsed.path,
    captures,
    suggestions:
      entry.id === 'unexpected-variable' && name && catalogue ? suggestFieldNames(name, catalogue) : [],
  };
}

/** Words an error text has: a pasted line of code or prose without any of them is not an error. */
const ERROR_WORDING =
  /\b(?:errors?|fail(?:ed|ure|s)?|exception|invalid|unexpected|forbidden|unauthori[sz]ed|denied|not found|bad request|time[sd]? ?out|refused|rejected|cannot|can't|couldn't|unable|not allowed|too many|expected|missing|moderation)\b/i;

function firstLine(text: string): string | undefined {
  const line = text.trim().split(/\r?\n/)[0]?.trim();
  return line ? line.slice(0, 200) : undefined;
}

// -- Input --------------------------------------------------------------------------------------

function parseInput(input: string): ParsedInput {
  const raw = input.trim();
  const out: ParsedInput = { messages: [], raw };
  for (const object of jsonObjects(raw)) readErrorObject(object, out);
  if (out.messages.length === 0) {
    // util.inspect / Python dict output: `error: '…'`, `'error': "…"`. An escape or one other character
    // (never a backslash: with `.` there a run of backslashes split two ways, exponentially many times).
    const loose = /["']?(?:error|message)["']?\s*[:=]\s*(["'])((?:\\.|(?!\1)[^\\\r\n\u2028\u2029])+)\1/i.exec(raw);
    if (loose) out.messages.push(loose[2].replace(/\\(["'\\])/g, '$1'));
  }
  out.status ??= statusFromText(raw);
  return out;
}

function readErrorObject(value: unknown, out: ParsedInput, depth = 0): void {
  if (depth > 4 || typeof value !== 'object' || value === null) return;
  const o = value as Record<string, unknown>;
  if (typeof o.error === 'string') out.messages.push(o.error);
  else if (typeof o.error === 'object') readErrorObject(o.error, out, depth + 1);
  if (typeof o.message === 'string') out.messages.push(o.message);
  if (Array.isArray(o.errors)) {
    for (const e of o.errors) {
      if (typeof e === 'string') out.messages.push(e);
      else readErrorObject(e, out, depth + 1);
    }
  }
  if (typeof o.code === 'string') out.code ??= o.code;
  if (typeof o.path === 'string') out.path ??= o.path;
  for (const key of ['status', 'statusCode']) {
    const s = o[key];
    if (typeof s === 'number' && s >= 100 && s < 600) out.status ??= s;
  }
  // Nested shapes: `{extensions: {code, path}}`, axios `{response: {status, data}}`.
  for (const key of ['extensions', 'response', 'data', 'body']) readErrorObject(o[key], out, depth + 1);
}

/** Every balanced `{…}` in the text that parses as JSON, outermost first. */
function jsonObjects(text: string): unknown[] {
  const out: unknown[] = [];
  let i = text.indexOf('{');
  while (i >= 0 && out.length < 5) {
    const end = balancedEnd(text, i);
    if (end > i) {
      try {
        out.push(JSON.parse(text.slice(i, end)));
        i = text.indexOf('{', end);
        continue;
      } catch {
        // Not JSON from here: try the next brace.
      }
    }
    i = text.indexOf('{', i + 1);
  }
  return out;
}

function balancedEnd(text: string, open: number): number {
  let depth = 0;
  let inString = false;
  for (let i = open; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') {
      depth--;
      if (depth === 0) return i + 1;
    }
  }
  return -1;
}

const STATUS_PATTERNS = [
  /\bHTTP\/[\d.]+\s+(\d{3})\b/i,
  /\bstatus(?:[ _]?code)?["']?\s*[:=]?\s*(\d{3})\b/i,
  /\bstatus code (\d{3})\b/i,
  /(?:^|[\s:(])(\d{3})\s+(?:Bad Request|Unauthorized|Payment Required|Forbidden|Not Found|No Content|OK|Too Many Requests|Internal Server Error)\b/i,
];

function statusFromText(text: string): number | undefined {
  for (const re of STATUS_PATTERNS) {
    const m = re.exec(text);
    if (m) return Number(m[1]);
  }
  return undefined;
}

// -- Matching -----------------------------------------------------------------------------------

interface Found {
  entry: ApiErrorEntry;
  captures: Record<string, string>;
}

/** Entries in the order they are tried: the generic Service Error last. */
const ORDERED = [...apiErrors].sort(
  (a, b) => Number(a.id === SERVICE_ERROR_ID) - Number(b.id === SERVICE_ERROR_ID),
);

function findEntry(input: ParsedInput): Found | undefined {
  for (const text of [...input.messages, input.raw]) {
    for (const entry of ORDERED) {
      const captures = matchEntry(entry, text);
      if (captures) return { entry, captures };
    }
  }
  // Status-only entries: the status and a word of context (an S3 upload, a presigned URL).
  for (const entry of ORDERED) {
    if (entry.context && entry.status === input.status && entry.context.test(input.raw)) {
      return { entry, captures: {} };
    }
  }
  return undefined;
}

/** The named captures when one of the entry's patterns matches the text. */
export function matchEntry(entry: ApiErrorEntry, text: string): Record<string, string> | undefined {
  for (const pattern of entry.patterns) {
    const m = pattern.exec(text);
    if (!m) continue;
    const captures: Record<string, string> = {};
    for (const [key, value] of Object.entries(m.groups ?? {})) {
      if (value !== undefined) captures[key] = value.trim();
    }
    return captures;
  }
  return undefined;
}

// -- Field suggestions --------------------------------------------------------------------------

function allFieldNames(catalogue: Catalogue): Set<string> {
  const names = new Set<string>();
  const visit = (fields: readonly Field[] | undefined): void => {
    for (const f of fields ?? []) {
      names.add(f.wire);
      visit(f.fields);
      visit(f.items?.fields);
    }
  };
  for (const e of catalogue.endpoints) visit(e.fields);
  return names;
}

/** Field names the unknown `name` was probably meant to be: case or snake/camel differences first, then near misses. */
export function suggestFieldNames(name: string, catalogue: Catalogue): string[] {
  const names = allFieldNames(catalogue);
  const spelling = spellingMatches(name, names);
  return spelling.length > 0 ? spelling.slice(0, 3) : nearestNames(name, names);
}
