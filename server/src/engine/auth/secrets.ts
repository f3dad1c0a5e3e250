// API keys: what a Leonardo key looks like, what is only a placeholder for one, and how to show a key
// without revealing it. Every place that could show a key (messages, fix titles, hovers, CLI output)
// shows `redactKey(key)`: its first 4 characters and `…`, never more. Text leaving the engine goes
// through `redactKeys` (analyze's findings, hovers, completion details, error explanations), so a
// rule that quotes a value holding a key cannot print it.

import { getCatalogue } from '../../api/catalogue.js';
import { getV2Catalogue } from '../../api/v2.js';

/** A UUID as Leonardo writes keys and ids: 8-4-4-4-12 hex digits, any case. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The docs placeholder and its relatives: `XXXXXXXX-XXXX-XXXX-XXXX-XXXXXXXXXXXX`, `xxxxxxxx-…`, `********-…`. */
const MASKED_UUID = /^[x*#.]{8}-[x*#.]{4}-[x*#.]{4}-[x*#.]{4}-[x*#.]{12}$/i;

/** Variables and template syntax: `{{key}}`, `{{$dotenv K}}`, `$VAR`, `${VAR}`, `%VAR%`, `<your-key>`, `[KEY]`. */
const VARIABLE_SYNTAX = /^(?:\{\{.*\}\}|\$\{?[A-Za-z_][\w.]*\}?|\$\(.*\)|%[A-Za-z_]\w*%|<[^<>]*>|\[[^[\]]*\])$/s;

/** Words that mark sample text: `YOUR_API_KEY`, `api-key-here`, `<token>`, `REDACTED`, `xxxx`, `...`. */
const PLACEHOLDER_WORDS = /your|my[_-]?(?:api)?[_-]?key|api[_-]?key|apikey|token|secret|here|placeholder|example|sample|dummy|redacted|changeme|replace|insert|x{4,}|\*{3,}|\.{3}|\u2026/i;

/** A UUID, hex digits only (`3f1b2c4d-1a2b-…`): what a real key or id is; a placeholder is not one. */
export function isUuid(text: string): boolean {
  return UUID.test(text);
}

/**
 * Whether `text` is a stand-in for a key rather than a key: the docs' all-X UUID, a UUID of one
 * repeated digit or of counting digits (`00000000-…`, `12345678-1234-…`), a variable reference,
 * or sample wording (`YOUR_API_KEY`, `<api-key>`).
 */
export function isPlaceholderKey(text: string): boolean {
  const key = text.trim();
  if (key === '') return true;
  if (MASKED_UUID.test(key) || VARIABLE_SYNTAX.test(key)) return true;
  if (UUID.test(key)) return isSampleUuid(key);
  return PLACEHOLDER_WORDS.test(key);
}

/** Digits counting up, as sample UUIDs write them (`12345678-1234-…-1234567890ab` or `…-123456789012`). */
const COUNTING = ['1234567890abcdef', '123456789012'];

/**
 * A UUID nobody would be issued: one repeated digit, or groups that count up (`12345678-1234-…`).
 * Read character by character: every UUID in a document (each model id of a request) is checked.
 */
function isSampleUuid(uuid: string): boolean {
  const first = uuid.charCodeAt(0) | 0x20;
  let repeated = true;
  for (let i = 1; i < uuid.length && repeated; i++) {
    const c = uuid.charCodeAt(i);
    repeated = c === 0x2d || (c | 0x20) === first;
  }
  if (repeated) return true;
  let groupStart = 0;
  for (let i = 0; i <= uuid.length; i++) {
    if (i < uuid.length && uuid.charCodeAt(i) !== 0x2d) continue;
    if (!COUNTING.some((run) => countsUp(uuid, groupStart, i, run))) return false;
    groupStart = i + 1;
  }
  return true;
}

/** Whether uuid[start, end) is the start of `run`, in any case. */
function countsUp(uuid: string, start: number, end: number, run: string): boolean {
  if (end - start > run.length) return false;
  for (let i = start; i < end; i++) if ((uuid.charCodeAt(i) | 0x20) !== run.charCodeAt(i - start)) return false;
  return true;
}


/**
 * The real-looking keys inside a longer text (`Bearer <key>`), with their offsets in it: UUID-shaped
 * runs (8-4-4-4-12 hex digits, any case) not inside a longer word of letters, digits and dashes.
 *
 * A hand scan from dash to dash, not a regular expression: every request file and source with a UUID
 * in it (a model id) is scanned whole, and the expression's search and match objects were 8 % of
 * linting a JSON request file. A run is looked for at each dash as the expression did (its first dash,
 * then the 4-4-4-12 after it, then the 8 digits before); after a run the scan goes on past it.
 */
export function findKeys(text: string): Array<{ key: string; start: number; end: number }> {
  const found: Array<{ key: string; start: number; end: number }> = [];
  for (let dash = text.indexOf('-'); dash >= 0; ) {
    if (!isUuidTail(text, dash)) {
      dash = text.indexOf('-', dash + 1);
      continue;
    }
    const start = dash - 8;
    const end = dash + UUID_TAIL_LENGTH;
    if (start >= 0 && isHexRun(text, start, dash) && !(start > 0 && isWordChar(text.charCodeAt(start - 1)))) {
      const key = text.slice(start, end);
      if (!isSampleUuid(key)) found.push({ key, start, end });
    }
    dash = text.indexOf('-', end);
  }
  return found;
}

/** `-XXXX-XXXX-XXXX-XXXXXXXXXXXX` (hex) at `dash`, not followed by a letter, digit or dash. */
const UUID_TAIL_LENGTH = 28;

function isUuidTail(text: string, dash: number): boolean {
  if (dash + UUID_TAIL_LENGTH > text.length) return false;
  for (let i = 1; i < UUID_TAIL_LENGTH; i++) {
    const c = text.charCodeAt(dash + i);
    if (i === 5 || i === 10 || i === 15) {
      if (c !== 0x2d) return false;
    } else if (!isHex(c)) return false;
  }
  return !isWordChar(text.charCodeAt(dash + UUID_TAIL_LENGTH));
}

function isHex(c: number): boolean {
  const letter = c | 0x20;
  return (c >= 0x30 && c <= 0x39) || (letter >= 0x61 && letter <= 0x66);
}

/** A letter, digit or dash (ASCII, any case); NaN (past the end) is none. */
function isWordChar(c: number): boolean {
  const letter = c | 0x20;
  return (c >= 0x30 && c <= 0x39) || (letter >= 0x61 && letter <= 0x7a) || c === 0x2d;
}

function isHexRun(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (!isHex(text.charCodeAt(i))) return false;
  return true;
}

/** A key as it may be shown: its first 4 characters and `…` (only `…` for a key too short to hide). */
export function redactKey(key: string): string {
  const trimmed = key.trim();
  return trimmed.length > 8 ? `${trimmed.slice(0, 4)}…` : '…';
}

// ---------------------------------------------------------------------------------------------
// Redaction of text that leaves the engine.
//
// What counts as a key: every UUID-shaped run (8-4-4-4-12 hex digits), wherever it sits in the
// text (`Bearer<key>`, `<key>.png`, `x<key>`), and every UUID-shaped prefix a message cut short
// with `…` (`3f2a9c1e-7b4d-4e8a…`). Leonardo's ids (models, generations, images, uploads) have the
// same shape as its keys, and nothing in a text tells a key from an id: an id of the user's (a
// fine-tuned model, a generation) is shown as `abcd…` too, since the finding's span already points
// at it. Kept whole: the sample UUIDs that are plainly stand-ins (`00000000-…`, `12345678-1234-…`;
// the docs' `XXXXXXXX-…` is not hex) and the ids the API catalogue itself names (the SDK's default
// model id), which are public and no one's secret.

/** A UUID-shaped run anywhere, or a UUID-shaped prefix cut short by `…` (found from its first dash, see above). */
const KEY_OR_CUT_KEY = /-[0-9a-f](?:[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[0-9a-f-]{0,25}\u2026)/gi;

let catalogueIds: ReadonlySet<string> | undefined;

/** The UUIDs the API catalogue names (defaults, enums, descriptions): public ids, shown whole. Built once. */
function publicIds(): ReadonlySet<string> {
  if (!catalogueIds) {
    const found = new Set<string>();
    let text = '';
    try {
      // The v1 catalogue's ids, and the v2 catalogue's style and platform model UUIDs (a style's UUID
      // is what completion inserts and a hover names).
      const v2 = getV2Catalogue();
      text = JSON.stringify(getCatalogue().endpoints) + JSON.stringify(v2.publicIds());
    } catch {
      // A catalogue that cannot be read as text names no ids: every UUID is then redacted.
    }
    for (const m of text.matchAll(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi)) found.add(m[0].toLowerCase());
    catalogueIds = found;
  }
  return catalogueIds;
}

/**
 * `text` with every key-shaped token in it redacted to `redactKey`'s form (see above for what counts):
 * the one redaction applied to text on its way out of the engine (findings, fix titles, hovers,
 * completion details, explanations).
 */
export function redactKeys(text: string): string {
  if (text.indexOf('-') < 0) return text;
  const re = KEY_OR_CUT_KEY;
  re.lastIndex = 0;
  let out = '';
  let at = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const start = m.index - 8;
    if (start < at || !isHexRun(text, start, m.index)) {
      re.lastIndex = m.index + 1;
      continue;
    }
    const run = text.slice(start, m.index + m[0].length);
    const cut = run.endsWith('\u2026');
    if (!cut && (isSampleUuid(run) || publicIds().has(run.toLowerCase()))) continue;
    out += text.slice(at, start) + redactKey(cut ? run.slice(0, -1) : run);
    at = start + run.length;
  }
  return at === 0 ? text : out + text.slice(at);
}

/**
 * A value with every string in it passed through `redactKeys` (a Finding, a hover, a completion item):
 * messages, titles and details, whatever their field; fix edits are left alone (they are the
 * document's own text, written back to it, never shown). The value itself is returned when nothing
 * changes, so the common case allocates nothing.
 */
export function redactDeep<T>(value: T): T {
  if (typeof value === 'string') return redactKeys(value) as T;
  if (Array.isArray(value)) {
    let out: unknown[] | undefined;
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      const redacted = redactDeep(item);
      if (redacted !== item) (out ??= (value as unknown[]).slice())[i] = redacted;
    }
    return (out ?? value) as T;
  }
  if (value !== null && typeof value === 'object') {
    let out: Record<string, unknown> | undefined;
    // for-in over own keys: no array of keys (or [key, value] pairs) allocated per finding and fix.
    for (const key in value) {
      if (!Object.hasOwn(value, key)) continue;
      // Edits are the document's own text written back; spans are numbers: neither is shown.
      if (key === 'edits' || key === 'span') continue;
      const field = (value as Record<string, unknown>)[key];
      const redacted = redactDeep(field);
      if (redacted !== field) (out ??= { ...(value as Record<string, unknown>) })[key] = redacted;
    }
    return (out ?? value) as T;
  }
  return value;
}
