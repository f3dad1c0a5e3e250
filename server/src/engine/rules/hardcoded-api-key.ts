// hardcoded-api-key: a real Leonardo API key (a UUID, not a placeholder) written into the document:
// in the header that carries the key on a Leonardo request, in a variable or property named like a
// Leonardo key (`LEONARDO_API_KEY = "…"`, `leonardoApiKey: "…"`, `bearerAuth: "…"`), or in a
// variable the key header reads (`Bearer ${API_KEY}`, `$API_KEY`, `{{apiKey}}`). The message shows
// the key redacted; the fix reads it from the environment instead.

import { ruleDocsUrl } from '../rule-docs.js';
import { keyHeaders, requestsWithHeaders } from '../auth/headers.js';
import { findKeys, redactKey } from '../auth/secrets.js';
import { isClientModule } from '../auth/exposed-env.js';
import { switchToDoubleQuotes } from '../fix/shell-quotes.js';
import type { Fix, LintDocument, RequestSite, Rule, Span, StringValue, TextEdit, Value } from '../types.js';
import { endpointLabel, literalOptions } from '../body/walk.js';
import { q } from '../messages.js';
import ts from 'typescript';
import { isTsParsed } from '../extract/typescript.js';
import { expressionAtOnce } from '../extract/ts/locate.js';
import { keySources } from '../auth/key-sources.js';

const ID = 'hardcoded-api-key';
const ENV_NAME = 'LEONARDO_API_KEY';
const JS_ENV = `process.env.${ENV_NAME}`;

/** `name =`, `name:`, `"name":`, `@name =` (REST Client), `export name=`: the last one before a key on its line. */
// Tried only where a run of name characters begins (digits and `-` skipped), so a long run stays linear.
// (A TypeScript annotation between the name and `=` is the name's type: `const API_KEY: string = "..."`.)
const ASSIGNED_NAME = /(?<![\w$-])[\d-]*([A-Za-z_$][\w$-]*)["']?\s*(?::\s*[A-Za-z_$][\w$.]*(?:\[\])?\s*(?==))?(?:=(?![=>])|:(?!:))/g;

export const rule: Rule = {
  meta: {
    id: ID,
    defaultSeverity: 'warning',
    description: 'A real Leonardo API key written in the source (header, curl command, .http file or a key variable).',
    docsUrl: ruleDocsUrl(ID),
    fixable: true,
  },
  check(ctx) {
    const doc = ctx.document;
    // No key without its dashed middle groups (a test that starts at a dash: cheap on any text).
    if (!/-[0-9a-f]{4}-[0-9a-f]{4}-/i.test(doc.text)) return;
    // Made at the first report: most files with a UUID in them (a model id) have no key.
    let reported: Set<number> | undefined;
    // In a `"use client"` module `process.env.LEONARDO_API_KEY` is undefined in the browser: no fix can
    // keep the key there; the message says where the call belongs instead.
    const browser = (doc.kind === 'typescript' || doc.kind === 'javascript') && isClientModule(doc.text);
    const report = (span: Span, key: string, fixes: Fix[], request?: RequestSite): void => {
      reported ??= new Set<number>();
      if (reported.has(span.start)) return;
      reported.add(span.start);
      ctx.report({
        message: browser ? clientModuleMessage(key) : message(key),
        detail: DETAIL,
        span,
        fixes: browser ? [] : fixes,
        endpoint: request ? endpointLabel(request) : undefined,
      });
    };
    const referenced = new Set<string>();
    const parsed = isTsParsed(ctx.parsed) ? ctx.parsed : undefined;
    for (const request of requestsWithHeaders(ctx.requests)) {
      for (const { property } of keyHeaders(request.headers)) {
        for (const option of literalOptions(property.value)) {
          const written = doc.text.slice(option.span.start, option.span.end);
          for (const found of findKeys(written)) {
            const span = { start: option.span.start + found.start, end: option.span.start + found.end };
            report(span, found.key, headerKeyFixes(doc, request, option, span), request);
          }
          // The names a header's text reads, for the search by name below. In TS/JS too: the walk
          // has no value for a \`let\` written in a later statement, where the name still says it.
          for (const name of referencedNames(written)) referenced.add(name);
          // In TS/JS, the literals the header's value is made of, followed through constants, config
          // objects, a client's `this.apiKey` and its constructor's callers (`new Client("<key>")`).
          const expression = parsed && expressionAtOnce(ctx.memo, parsed.sourceFile, option.span);
          if (!parsed || !expression) continue;
          for (const literal of keySources(expression, parsed).literals) {
            const start = literal.getStart(parsed.sourceFile);
            for (const found of findKeys(doc.text.slice(start, literal.end))) {
              const span = { start: start + found.start, end: start + found.end };
              report(span, found.key, literalKeyFixes(doc, literal, span), request);
            }
          }
        }
      }
    }
    for (const found of findKeys(doc.text)) {
      const span = { start: found.start, end: found.end };
      const name = assignedName(doc.text, found.start);
      if (name && (isLeonardoKeyName(name) || referenced.has(name))) {
        report(span, found.key, assignmentFixes(doc, span));
      } else if (doc.kind === 'postman' && isPostmanSecret(doc.text, found.start, ctx.requests.length > 0)) {
        report(span, found.key, [envFix("Use the '{{LEONARDO_API_KEY}}' variable", [Object.assign({}, span, { newText: '{{LEONARDO_API_KEY}}' })])]);
      }
    }
  },
};

const DETAIL = "Anyone who can read the file can spend your API credits. Revoke the key on Leonardo's API access page.";

function message(key: string): string {
  return `A Leonardo API key (${redactKey(key)}) is written in this file: read it from ${ENV_NAME} and revoke this one.`;
}

function clientModuleMessage(key: string): string {
  return `API key ${redactKey(key)} in a "use client" file ships to every browser: call Leonardo from a server route, and revoke this key.`;
}

/** A name that says it holds a Leonardo key: `LEONARDO_API_KEY`, `leonardoToken`, the SDK's `bearerAuth`. */
function isLeonardoKeyName(name: string): boolean {
  if (name === 'bearerAuth') return true;
  return /leonardo/i.test(name) && /key|token|secret|auth/i.test(name);
}

/** The variables a header value reads: `${API_KEY}` in a template, `$API_KEY` in shell, `{{apiKey}}` in .http. */
function referencedNames(written: string): string[] {
  const names: string[] = [];
  for (const m of written.matchAll(/\$\{\s*([A-Za-z_$][\w$]*)\s*\}|\$([A-Za-z_]\w*)|\{\{\s*([A-Za-z_][\w.-]*)\s*\}\}/g)) {
    names.push((m[1] ?? m[2] ?? m[3]));
  }
  return names;
}

/** How far before a key its name is looked for: an assignment sits right before its value. */
const NAME_LOOKBEHIND = 256;

/**
 * The name a key on this line is assigned to (`LEONARDO_API_KEY=`, `apiKey:`), when there is one.
 * Only the last NAME_LOOKBEHIND characters of the line are read: reading the whole line for every key
 * made a one-line body of 24,000 UUIDs take minutes (quadratic).
 */
function assignedName(text: string, at: number): string | undefined {
  const window = text.slice(Math.max(0, at - NAME_LOOKBEHIND), at);
  const line = window.slice(window.lastIndexOf('\n') + 1);
  let name: string | undefined;
  ASSIGNED_NAME.lastIndex = 0;
  for (let m = ASSIGNED_NAME.exec(line); m; m = ASSIGNED_NAME.exec(line)) name = m[1];
  return name;
}

/**
 * A Postman `{"key": …, "value": "<key>"}` entry that holds a Leonardo key: a variable named like one,
 * or the token of a bearer auth helper in a collection that calls Leonardo.
 */
function isPostmanSecret(text: string, at: number, callsLeonardo: boolean): boolean {
  if (!/"value"\s*:\s*"$/.test(text.slice(Math.max(0, at - 40), at))) return false;
  const open = text.lastIndexOf('{', at);
  const close = text.indexOf('}', at);
  if (open < 0 || close < 0) return false;
  const name = /"key"\s*:\s*"([^"\\]*)"/.exec(text.slice(open, close))?.[1];
  if (name === undefined) return false;
  if (isLeonardoKeyName(name)) return true;
  return callsLeonardo && name === 'token' && /"bearer"\s*:\s*\[\s*$/.test(text.slice(Math.max(0, open - 100), open));
}

// ---------------------------------------------------------------------------------------------
// Fixes: the environment variable, written the way each kind of document reads one.

function headerKeyFixes(doc: LintDocument, request: RequestSite, value: Value, key: Span): Fix[] {
  switch (doc.kind) {
    case 'typescript':
    case 'javascript':
      return value.kind === 'string' ? jsLiteralFix(doc, value, key) : [];
    case 'shell':
    case 'markdown':
      return request.source === 'curl' && value.kind === 'string' ? shellFix(doc, value.quote, key) : [];
    case 'http':
      return httpFixes(key);
    default:
      return [];
  }
}

function assignmentFixes(doc: LintDocument, key: Span): Fix[] {
  const before = doc.text[key.start - 1];
  const after = doc.text[key.end];
  const quoted = (before === '"' || before === "'" || before === '`') && after === before;
  const literal = quoted ? { start: key.start - 1, end: key.end + 1 } : key;
  switch (doc.kind) {
    case 'typescript':
    case 'javascript':
      return quoted ? [envFix(`Read the key from ${q(JS_ENV)}`, [Object.assign({}, literal, { newText: JS_ENV })])] : [];
    case 'shell':
      return isShellAssignment(doc.text, literal.start)
        ? [envFix(`Read the key from ${q(`$${ENV_NAME}`)}`, [Object.assign({}, literal, { newText: `"$${ENV_NAME}"` })])]
        : [];
    case 'http':
      return httpFixes(key);
    default:
      return [];
  }
}

/** A string literal holding the key, whole or beside other text (`'Bearer <key>'`), read from the environment instead. */
function literalKeyFixes(doc: LintDocument, literal: ts.Node, key: Span): Fix[] {
  if (!ts.isStringLiteral(literal) && !ts.isNoSubstitutionTemplateLiteral(literal)) return [];
  const start = literal.getStart();
  const value: StringValue = {
    kind: 'string',
    value: literal.text,
    span: { start, end: literal.end },
    inner: { start: start + 1, end: literal.end - 1 },
    quote: doc.text[start] as StringValue['quote'],
  };
  return jsLiteralFix(doc, value, key);
}

/** `NAME=<key>` (optionally `export`ed) with the key right after the `=`. */
function isShellAssignment(text: string, valueStart: number): boolean {
  const lineStart = text.lastIndexOf('\n', valueStart - 1) + 1;
  return /^\s*(?:(?:export|local|readonly|declare)\s+)?[A-Za-z_]\w*=$/.test(text.slice(lineStart, valueStart));
}

/** `"Bearer <key>"` → `` `Bearer ${process.env.LEONARDO_API_KEY}` ``; `"<key>"` → `process.env.LEONARDO_API_KEY`. */
function jsLiteralFix(doc: LintDocument, value: StringValue, key: Span): Fix[] {
  const raw = doc.text.slice(value.inner.start, value.inner.end);
  if (raw !== value.value) return [];
  const before = doc.text.slice(value.inner.start, key.start);
  const after = doc.text.slice(key.end, value.inner.end);
  const escape = (s: string): string => s.replace(/[`\\]|\$\{/g, (m) => `\\${m}`);
  const replacement = before === '' && after === '' ? JS_ENV : `\`${escape(before)}\${${JS_ENV}}${escape(after)}\``;
  return [envFix(`Read the key from ${q(JS_ENV)}`, [{ start: value.span.start, end: value.span.end, newText: replacement }])];
}

/** A curl header: `$LEONARDO_API_KEY`, in double quotes so the shell expands it. */
function shellFix(doc: LintDocument, quote: StringValue['quote'], key: Span): Fix[] {
  const variable = Object.assign({}, key, { newText: `$${ENV_NAME}` });
  if (quote !== "'") return [envFix(`Read the key from ${q(`$${ENV_NAME}`)}`, [variable])];
  const switched = switchToDoubleQuotes(doc.text, key, false);
  return switched ? [envFix(`Read the key from ${q(`$${ENV_NAME}`)}`, [...switched, variable])] : [];
}

/** REST Client reads `.env` next to the file with `{{$dotenv NAME}}`, the process environment with `{{$processEnv NAME}}`. */
function httpFixes(key: Span): Fix[] {
  return [
    envFix(`Read the key from .env (${q(`{{$dotenv ${ENV_NAME}}}`)})`, [Object.assign({}, key, { newText: `{{$dotenv ${ENV_NAME}}}` })]),
    envFix(`Read the key from the environment (${q(`{{$processEnv ${ENV_NAME}}}`)})`, [Object.assign({}, key, { newText: `{{$processEnv ${ENV_NAME}}}` })]),
  ];
}

/** Never preferred: the request fails until the variable is set, so `--fix` must not apply it unasked. */
function envFix(title: string, edits: TextEdit[]): Fix {
  return { title, edits, preferred: false };
}
