// auth-header: the API key must travel as `authorization: Bearer <key>`. On every Leonardo request
// whose headers are visible: no such header, a misspelt or foreign header name (`Authorisation`,
// `x-api-key`), a value without the `Bearer ` scheme, with `Bearer:`, `Token …` or `Bearer Bearer`,
// an empty key, a literal key that is not a UUID, and `$VAR` inside single quotes in curl.

import path from 'node:path';
import ts from 'typescript';
import { ruleDocsUrl } from '../rule-docs.js';
import { insertProperty, keyWrittenAsRead, renameKey } from '../fix/builders.js';
import {
  AUTH_HEADER,
  headerTexts,
  isLeonardoRequest,
  headSpan,
  headerNameKind,
  keyHeaders,
  requestsWithHeaders,
  useSiteSpan,
  type HeaderNameKind,
  type HeaderText,
} from '../auth/headers.js';
import { isTsParsed, type TsParsed } from '../extract/typescript.js';
import { expressionAt } from '../extract/ts/locate.js';
import { skipOuter } from '../extract/ts/scope.js';
import { someNode } from '../extract/ts/resolve.js';
import { flowFor, type Flow } from '../flow/analysis.js';
import { setsHeadersOutsideCalls } from '../extract/ts/client-setup.js';
import { isPlaceholderKey, isUuid, redactKey } from '../auth/secrets.js';
import { switchToDoubleQuotes } from '../fix/shell-quotes.js';
import type { Fix, LintDocument, ObjectValue, Property, RequestSite, Rule, RuleContext, Span, TextEdit, Value } from '../types.js';
import type { ImportedClientHeaders } from '../workspace/types.js';
import { endpointLabel } from '../body/walk.js';
import { appendAll } from '../arrays.js';
import { q } from '../messages.js';

const ID = 'auth-header';
const MALFORMED = 'Invalid response from authorization hook';
const UNAUTHORIZED = 'Authentication hook unauthorized this request';
const EXAMPLE = "'authorization: Bearer <your API key>'";

/** Schemes whose credential is not a bare key (`Basic` is base64 of `user:password`): renaming is a guess. */
const ENCODED_SCHEMES = /^(?:basic|digest|negotiate|ntlm|hoba|mutual|aws4-hmac-sha256)$/i;


export const rule: Rule = {
  meta: {
    id: ID,
    defaultSeverity: 'error',
    description: 'A Leonardo request without `authorization: Bearer <key>`: header missing, misnamed, or its value malformed.',
    docsUrl: ruleDocsUrl(ID),
    fixable: true,
    apiError: MALFORMED,
  },
  check(ctx) {
    const reported = new Set<string>();
    const report = (input: Parameters<RuleContext['report']>[0]): void => {
      const id = `${input.span.start}:${input.span.end}`;
      if (reported.has(id)) return;
      reported.add(id);
      ctx.report(input);
    };
    let outside: boolean | undefined;
    // Whether the file's code adds headers outside the calls (interceptors, defaults, hooks): asked once.
    const headersOutside = (): boolean => (outside ??= isTsParsed(ctx.parsed) && setsHeadersOutsideCalls(ctx.parsed));
    for (const request of requestsWithHeaders(ctx.requests)) {
      const { headers } = request;
      const found = keyHeaders(headers);
      const auth = found.filter((h) => h.kind === 'authorization');
      if (auth.length > 0) {
        for (const { property } of auth) checkValue(ctx, request, property, report);
        continue;
      }
      if (headers.hasUnknownKeys) continue;
      const client = request.clientHeaders;
      if (client && checkClientAuth(ctx, request, client, report)) continue;
      if (found.length > 0) {
        for (const { property, kind } of found) reportWrongName(ctx, request, property, kind, found.length === 1, report);
        continue;
      }
      if (client && clientWrongNames(request, client, report)) continue;
      if (!authMayComeFromElsewhere(ctx.document, request, headersOutside)) reportMissing(ctx, request, headers, report);
    }
    // Requests through an imported client that show no headers of their own: the client's are all there is.
    for (const request of ctx.requests) {
      const client = request.clientHeaders;
      if (request.headers || !client || !isLeonardoRequest(request)) continue;
      if (checkClientAuth(ctx, request, client, report) || clientWrongNames(request, client, report)) continue;
      if (authMayComeFromElsewhere(ctx.document, request, headersOutside)) continue;
      report({
        message: `This request to Leonardo sends no 'authorization' header: send ${EXAMPLE}.`,
        detail: `It goes through a client made in \`${path.basename(client.client.file)}\`, whose headers carry no key: add the header there.`,
        span: client.at,
        fixes: [],
        endpoint: endpointLabel(request),
        apiError: UNAUTHORIZED,
        related: [client.client],
      });
    }
    for (const { request, edit } of bareFetches(ctx, headersOutside)) {
      report({
        message: `This fetch to Leonardo sends no 'authorization' header: send ${EXAMPLE}.`,
        span: request.url!.span,
        fixes: [{ title: `Add the 'authorization' header from ${q('process.env.LEONARDO_API_KEY')}`, edits: [edit], preferred: false }],
        endpoint: endpointLabel(request),
        apiError: UNAUTHORIZED,
      });
    }
  },
};

/**
 * The authorization header an imported client sets in its module, judged as if it were written here:
 * a finding lands where the call names the client, relates to the header, and has no fix (the text
 * to edit is in the other module). False when the client sets no such header.
 */
function checkClientAuth(ctx: RuleContext, request: RequestSite, client: ImportedClientHeaders, report: Report): boolean {
  const auth = client.headers.filter((h) => headerNameKind(h.name) === 'authorization');
  for (const header of auth) {
    const span = client.at;
    const property: Property = { key: header.name, keySpan: span, span, removeSpan: span, value: { kind: 'unknown', span } };
    for (const written of header.texts) {
      const value: Value = written.complete ? { kind: 'string', value: written.head, span, inner: span, quote: '"' } : { kind: 'unknown', span };
      const text: HeaderText = { value, head: written.head, complete: written.complete, ...(written.expression ? { expression: written.expression } : {}) };
      const problem = valueProblem(text, property, ctx.document);
      if (!problem) continue;
      report({ message: problem.message, detail: clientDetail(client, problem.detail), span, fixes: [], endpoint: endpointLabel(request), apiError: problem.apiError, related: [header.related] });
    }
  }
  return auth.length > 0;
}

/** Key headers of an imported client under a name Leonardo does not read. False when it sets none. */
function clientWrongNames(request: RequestSite, client: ImportedClientHeaders, report: Report): boolean {
  for (const header of client.headers) {
    const kind = headerNameKind(header.name);
    const what = kind === 'misspelt' ? `'${header.name}' is a misspelling of the 'authorization' header` : `Leonardo does not read the '${header.name}' header`;
    report({ message: `${what}: the API key goes in ${EXAMPLE}.`, detail: clientDetail(client), span: client.at, fixes: [], endpoint: endpointLabel(request), apiError: UNAUTHORIZED, related: [header.related] });
  }
  return client.headers.length > 0;
}

function clientDetail(client: ImportedClientHeaders, detail?: string): string {
  const where = `The header is set on the client made in \`${path.basename(client.client.file)}\`: fix it there.`;
  return detail ? `${where} ${detail}` : where;
}

const HEADERS_WITH_KEY = "headers: { authorization: `Bearer ${process.env.LEONARDO_API_KEY}` }";

/**
 * `fetch(url)` to Leonardo with no second argument, or with options written out whole and no
 * `headers` among them (`fetch(url, { method: "POST", body })`): it cannot carry a header. With the
 * edit that adds one.
 */
function bareFetches(ctx: RuleContext, headersOutside: () => boolean): Array<{ request: RequestSite; edit: TextEdit }> {
  const parsed = ctx.parsed;
  if (!isTsParsed(parsed) || headersOutside()) return [];
  const out: Array<{ request: RequestSite; edit: TextEdit }> = [];
  for (const request of ctx.requests) {
    if (request.source !== 'fetch' || request.headers || !request.url || !isLeonardoRequest(request)) continue;
    const call = expressionAt(parsed.sourceFile, request.span);
    if (call === undefined || !ts.isCallExpression(call) || call.arguments.length === 0 || !spansEqual(call.arguments[0], request.url.span, parsed)) continue;
    const url = request.url.span;
    if (call.arguments.length === 1) out.push({ request, edit: { start: url.end, end: url.end, newText: `, { ${HEADERS_WITH_KEY} }` } });
    const options = call.arguments.length === 2 ? skipOuter(call.arguments[1]) : undefined;
    if (options && ts.isObjectLiteralExpression(options) && withoutHeaders(options)) out.push({ request, edit: headerInsertion(options, ctx.document.text, parsed) });
  }
  return out;
}

/** Options whose every key is written out (no spread, no computed name), none of them `headers`. */
function withoutHeaders(options: ts.ObjectLiteralExpression): boolean {
  return options.properties.every((p) => p.name !== undefined && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name) || ts.isNumericLiteral(p.name)) && p.name.text !== 'headers');
}

/** `headers: {...}` as the options' first property, on a line of its own where the first one is. */
function headerInsertion(options: ts.ObjectLiteralExpression, text: string, parsed: TsParsed): TextEdit {
  const first = options.properties[0];
  if (!first) {
    // Right after the brace (an insertion only: a brace the parser supplied for broken code has no text).
    const at = options.getStart(parsed.sourceFile) + 1;
    return { start: at, end: at, newText: ` ${HEADERS_WITH_KEY} ` };
  }
  const start = first.getStart(parsed.sourceFile);
  const indent = text.slice(text.lastIndexOf('\n', start - 1) + 1, start);
  return { start, end: start, newText: /^[ \t]*$/.test(indent) ? `${HEADERS_WITH_KEY},\n${indent}` : `${HEADERS_WITH_KEY}, ` };
}

function spansEqual(node: ts.Node, span: Span, parsed: TsParsed): boolean {
  return node.getStart(parsed.sourceFile) === span.start && node.end === span.end;
}

type Report = (input: Parameters<RuleContext['report']>[0]) => void;

/** A problem with the value of the authorization header, and the edits that fix it (when they can be written). */
interface ValueProblem {
  message: string;
  detail?: string;
  span: Span;
  edits?: TextEdit[];
  fixTitle?: string;
  preferred?: boolean;
  apiError: string;
}

function checkValue(ctx: RuleContext, request: RequestSite, property: Property, report: Report): void {
  let tested: boolean | undefined;
  for (const text of headerTexts(property.value, ctx.document, request.source)) {
    // (A value the code takes only once a test says it has the scheme is that test's: `key.startsWith("Bearer ") ? key : ...`.)
    if (text.head.trim() === '' && (tested ??= schemeTested(ctx, property))) continue;
    const problem = valueProblem(text, property, ctx.document);
    if (!problem) continue;
    const fixes: Fix[] =
      problem.edits && problem.fixTitle ? [{ title: problem.fixTitle, edits: problem.edits, preferred: problem.preferred ?? true }] : [];
    report({ message: problem.message, detail: problem.detail, span: problem.span, fixes, endpoint: endpointLabel(request), apiError: problem.apiError });
  }
}

/**
 * The header's value is chosen by a test of the scheme: `key.startsWith("Bearer ") ? key : \`Bearer ${key}\``,
 * also through a constant holding it or a same-file function that tests it (`if (/^Bearer /i.test(key)) return
 * key`). The test names the scheme (a string or regex with "bearer" in it), so whichever value is taken has one.
 */
function schemeTested(ctx: RuleContext, property: Property): boolean {
  const flow = isTsParsed(ctx.parsed) ? flowFor(ctx) : undefined;
  const value = flow && expressionAt(flow.sourceFile, property.value.span);
  return value !== undefined && testsScheme(flow!, value, 0);
}

function testsScheme(flow: Flow, expression: ts.Expression, depth: number): boolean {
  const node = skipOuter(expression);
  if (depth > 3) return false;
  if (ts.isConditionalExpression(node)) return namesScheme(node.condition) || testsScheme(flow, node.whenTrue, depth + 1) || testsScheme(flow, node.whenFalse, depth + 1);
  if (ts.isIdentifier(node)) {
    const binding = flow.binding(node);
    return binding?.kind === 'const' && binding.initializer !== undefined && testsScheme(flow, binding.initializer, depth + 1);
  }
  if (!ts.isCallExpression(node)) return false;
  const body = flow.calledFunction(node)?.body;
  if (!body) return false;
  if (!ts.isBlock(body)) return testsScheme(flow, body, depth + 1);
  return someNode(body, (n) => (ts.isFunctionLike(n) ? false : (ts.isIfStatement(n) || ts.isConditionalExpression(n)) && namesScheme(ts.isIfStatement(n) ? n.expression : n.condition)) || undefined);
}

/** A test that mentions the scheme: a string or regex literal with "bearer" in it. */
function namesScheme(condition: ts.Expression): boolean {
  let found = false;
  const visit = (node: ts.Node): void => {
    if (found) return;
    if ((ts.isStringLiteralLike(node) || ts.isRegularExpressionLiteral(node)) && /bearer/i.test(node.text)) found = true;
    else node.forEachChild(visit);
  };
  visit(condition);
  return found;
}

function valueProblem(text: HeaderText, property: Property, doc: LintDocument): ValueProblem | undefined {
  const { head, complete } = text;
  const whole = text.value.span;
  const lead = head.length - head.trimStart().length;

  const colon = /^\s*Bearer\s*:\s*/i.exec(head);
  if (colon) {
    return replaceHead(text, lead, colon[0].length, 'Bearer ', whole, {
      message: `Remove the colon after 'Bearer': the API expects ${EXAMPLE}.`,
      fixTitle: "Remove the colon after 'Bearer'",
    });
  }
  const twice = /^\s*Bearer\s+Bearer\b\s*/i.exec(head);
  if (twice) {
    return replaceHead(text, lead, twice[0].length, 'Bearer ', whole, {
      message: `The authorization value says 'Bearer' twice: the API expects ${EXAMPLE}.`,
      fixTitle: "Remove the second 'Bearer'",
    });
  }
  const scheme = /^\s*([A-Za-z][\w.-]*)\s+/.exec(head);
  if (scheme && !/^bearer$/i.test(scheme[1]) && (!complete || head.trim() !== scheme[1])) {
    return wrongScheme(text, scheme[1], lead, whole);
  }
  if (/^\s*Bearer$/i.test(head) && !complete) return missingSpace(text, lead, whole);
  if (/^\s*Bearer(?=[^\s:])/i.test(head)) return missingSpace(text, lead, whole);
  const bearer = /^\s*Bearer(?:\s+|$)/i.exec(head);
  if (bearer) return complete ? credentialProblem(text, head.slice(bearer[0].length).trim(), whole, doc) : undefined;
  return missingScheme(text, property, doc);
}

function replaceHead(
  text: HeaderText,
  from: number,
  to: number,
  newText: string,
  whole: Span,
  parts: { message: string; fixTitle: string },
): ValueProblem {
  const span = headSpan(text, from, to);
  return {
    message: parts.message,
    span: span ?? whole,
    ...(span ? { edits: [Object.assign({}, span, { newText })], fixTitle: parts.fixTitle } : {}),
    apiError: MALFORMED,
  };
}

function wrongScheme(text: HeaderText, scheme: string, lead: number, whole: Span): ValueProblem {
  const credential = text.head.slice(lead + scheme.length).trim();
  const certain = !ENCODED_SCHEMES.test(scheme) || (text.complete && isUuid(credential));
  const problem = replaceHead(text, lead, lead + scheme.length, 'Bearer', whole, {
    message: `The authorization value uses the '${scheme}' scheme: Leonardo takes only ${EXAMPLE}.`,
    fixTitle: `Replace ${q(scheme)} with 'Bearer'`,
  });
  return Object.assign({}, problem, { preferred: certain });
}

function missingSpace(text: HeaderText, lead: number, whole: Span): ValueProblem {
  const at = lead + 'Bearer'.length;
  const span = headSpan(text, at, at);
  return {
    message: `Add a space after 'Bearer': the API expects ${EXAMPLE}.`,
    span: headSpan(text, lead, at) ?? whole,
    ...(span ? { edits: [Object.assign({}, span, { newText: ' ' })], fixTitle: "Add the space after 'Bearer'" } : {}),
    apiError: MALFORMED,
  };
}

/** `Bearer <credential>` with everything known: an empty key, `$VAR` the shell will not expand, a key that is not a UUID. */
function credentialProblem(text: HeaderText, credential: string, whole: Span, doc: LintDocument): ValueProblem | undefined {
  if (credential === '') {
    return { message: "The authorization value is 'Bearer' with no key after it: add the API key.", span: whole, apiError: UNAUTHORIZED };
  }
  const unexpanded = unexpandedVariable(text, credential, doc);
  if (unexpanded) return unexpanded;
  if (isUuid(credential) || isPlaceholderKey(credential)) return undefined;
  return {
    message:
      `The API key '${redactKey(credential)}' is not a UUID: copy the key again from Leonardo's API access page.`,
    detail: 'Leonardo keys look like `XXXXXXXX-XXXX-XXXX-XXXX-XXXXXXXXXXXX`.',
    span: whole,
    apiError: MALFORMED,
  };
}

/** curl `-H 'authorization: Bearer $KEY'`: single quotes send `$KEY` as written. */
function unexpandedVariable(text: HeaderText, credential: string, doc: LintDocument): ValueProblem | undefined {
  if (text.shellQuote !== "'" || !/^\$\{?[A-Za-z_]\w*\}?$/.test(credential)) return undefined;
  const edits = text.headStart === undefined ? undefined : switchToDoubleQuotes(doc.text, text.value.span, true);
  return {
    message:
      `'${credential}' is inside single quotes, so the shell sends it as written: use double quotes around the header.`,
    span: text.value.span,
    ...(edits ? { edits, fixTitle: 'Use double quotes so the shell expands the variable' } : {}),
    apiError: MALFORMED,
  };
}

/** A value that is the key alone: `"<uuid>"`, `` `${key}` ``, `process.env.LEONARDO_API_KEY`, `$LEONARDO_API_KEY`. */
function missingScheme(text: HeaderText, property: Property, doc: LintDocument): ValueProblem | undefined {
  const message = `The authorization value has no 'Bearer ' scheme: the API expects ${EXAMPLE}.`;
  if (text.complete) {
    const token = text.head.trim();
    if (token === '') {
      return { message: `The authorization header is empty: send ${EXAMPLE}.`, span: text.value.span, apiError: UNAUTHORIZED };
    }
    if (/\s/.test(token)) return undefined;
  } else if (text.head !== '' || !text.expression || !isKeyExpression(text.expression)) {
    return undefined;
  }
  const isCode = doc.kind === 'typescript' || doc.kind === 'javascript';
  const atProperty = text.value.span.start >= property.span.start && text.value.span.end <= property.span.end;
  // Preferred only when the result is certainly a complete `Bearer <key>`: a literal key, or a
  // variable named for a key. `{{token}}` or `abc` may hold something else (a whole header value).
  const certain = !text.complete || certainlyKey(text.head.trim());
  // Where the value is one of several (`useBearer ? \`Bearer ${key}\` : key`), wrapping it whole would send
  // 'Bearer Bearer' on the other path: only this option's own text is edited, where it is written there.
  const several = property.value.kind === 'alternatives' && headerTexts(property.value, doc, 'fetch' /* (code: no shell quotes) */).some((option) => /^\s*Bearer\b/i.test(option.head));
  const problem = !isCode || (atProperty && (text.complete || doc.text[text.value.span.start] === '`'))
    ? insertBearer(text, message)
    : several
      ? { message, span: text.value.span, apiError: MALFORMED }
      : wrapAtUseSite(property, doc, message);
  return Object.assign({}, problem, { preferred: certain });
}

/** A literal key (or the docs' all-X placeholder), or a variable named for a key (`$LEONARDO_API_KEY`, `{{apiKey}}`). */
function certainlyKey(token: string): boolean {
  return isUuid(token) || /^x{8}-x{4}-x{4}-x{4}-x{12}$/i.test(token) || isKeyExpression(token);
}

function insertBearer(text: HeaderText, message: string): ValueProblem {
  const lead = text.head.length - text.head.trimStart().length;
  const at = headSpan(text, lead, lead);
  return {
    message,
    span: text.value.span,
    ...(at ? { edits: [Object.assign({}, at, { newText: 'Bearer ' })], fixTitle: "Add the 'Bearer' prefix" } : {}),
    apiError: MALFORMED,
  };
}

/**
 * Wrap the expression as written at the property (`as string` and `!` included), not where a
 * `const` it reads is declared: `authorization: key` → `` authorization: `Bearer ${key}` ``.
 */
function wrapAtUseSite(property: Property, doc: LintDocument, message: string): ValueProblem {
  const use = useSiteSpan(property, doc);
  if (use) return wrap(use, doc.text.slice(use.start, use.end), message);
  const key = property.key;
  if (property.span.start === property.keySpan.start && property.span.end === property.keySpan.end && /^[A-Za-z_$][\w$]*$/.test(key)) {
    return {
      message,
      span: property.keySpan,
      edits: [Object.assign({}, property.keySpan, { newText: `${key}: \`Bearer \${${key}}\`` })],
      fixTitle: "Add the 'Bearer' prefix",
      apiError: MALFORMED,
    };
  }
  return { message, span: property.span, apiError: MALFORMED };
}

function wrap(span: Span, expression: string, message: string): ValueProblem {
  return { message, span, edits: [Object.assign({}, span, { newText: `\`Bearer \${${expression}}\`` })], fixTitle: "Add the 'Bearer' prefix", apiError: MALFORMED };
}

/**
 * An expression that holds a bare key: a name ending in `key` or `secret` (`apiKey`, `$LEONARDO_API_KEY`),
 * or an environment variable named for one (`LEONARDO_KEY_PROD`, `LEONARDO_TOKEN`).
 * Names that may already hold the whole header (`LEONARDO_AUTH_HEADER`, `bearer`, `token`,
 * `authorization`), or that say nothing of what they hold (`process.env.LEONARDO_API`), are not judged.
 */
function isKeyExpression(expression: string): boolean {
  const inner = expression.replace(/^\$\{?|\}$|^\{\{\s*(?:\$(?:dotenv|processEnv)\s+%?)?|(?<!\s)\s*\}\}$/g, '');
  const env = /^(?:process\.env|import\.meta\.env)(?:\.(\w+)|\[\s*(['"])(\w+)\2\s*\])$/.exec(inner);
  const name = env ? (env[1] ?? env[3]) : /^[\w$.]+$/.test(inner) ? /(?<![\w$])([A-Za-z_$][\w$]*)$/.exec(inner)?.[1] : undefined;
  if (!name || /bearer|auth|header/i.test(name)) return false;
  return /(?:key|secret)$/i.test(name) || (env !== null && /(?:^|_)(?:KEY|SECRET|TOKEN)(?:_|$)/i.test(name));
}

function reportWrongName(
  ctx: RuleContext,
  request: RequestSite,
  property: Property,
  kind: HeaderNameKind,
  alone: boolean,
  report: Report,
): void {
  const name = /^[A-Z]/.test(property.key) ? 'Authorization' : AUTH_HEADER;
  const what =
    kind === 'misspelt'
      ? `'${property.key}' is a misspelling of the 'authorization' header`
      : `Leonardo does not read the '${property.key}' header`;
  const message = `${what}: the API key goes in ${EXAMPLE}.`;
  if (!keyWrittenAsRead(ctx.document.text, property)) {
    // A name put together from pieces of a shell word (`}"authorization: …"`): no edit can rename it in place.
    report({ message, span: property.keySpan, fixes: [], endpoint: endpointLabel(request), apiError: UNAUTHORIZED });
    return;
  }
  const edits: TextEdit[] = [renameKey(property, name)];
  // Preferred only when every value the header can take ends up a complete `Bearer <key>`: a rename
  // alone (`x-api-key: {{token}}` → `authorization: {{token}}`) cannot be known to do that.
  const texts = headerTexts(property.value, ctx.document, request.source);
  let certain = alone && texts.length > 0;
  for (const text of texts) {
    const problem = /^\s*Bearer\s+/i.test(text.head) ? undefined : missingScheme(text, property, ctx.document);
    if (problem?.edits) appendAll(edits, problem.edits);
    if (!/^\s*Bearer\s+/i.test(text.head) && !(problem?.edits && problem.preferred)) certain = false;
  }
  report({
    message,
    span: property.keySpan,
    fixes: [{ title: `Send the key as ${q(`${name}: Bearer …`)}`, edits: dedupeEdits(edits), preferred: certain }],
    endpoint: endpointLabel(request),
    apiError: UNAUTHORIZED,
  });
}

function dedupeEdits(edits: TextEdit[]): TextEdit[] {
  const seen = new Set<string>();
  return edits.filter((e) => {
    const id = `${e.start}:${e.end}:${e.newText}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}

function reportMissing(ctx: RuleContext, request: RequestSite, headers: ObjectValue, report: Report): void {
  const capitalised = headers.properties.some((p) => /^[A-Z]/.test(p.key));
  const name = capitalised ? 'Authorization' : AUTH_HEADER;
  const insert = missingHeaderInsert(ctx.document, request, headers, name);
  report({
    message: `This request to Leonardo sends no 'authorization' header: send ${EXAMPLE}.`,
    span: headers.openBrace,
    fixes: insert ? [{ title: `Add the ${q(name)} header from ${q(insert.reads)}`, edits: [insert.edit], preferred: false }] : [],
    endpoint: endpointLabel(request),
    apiError: UNAUTHORIZED,
  });
}

/**
 * The header to add, reading the key from the environment: a property in JS/TS, a `-H` option
 * (double-quoted, so the shell expands the variable) in curl, a header line in .http files. Never
 * preferred: the request still needs the variable set.
 */
function missingHeaderInsert(
  doc: LintDocument,
  request: RequestSite,
  headers: ObjectValue,
  name: string,
): { edit: TextEdit; reads: string } | undefined {
  if (doc.kind === 'typescript' || doc.kind === 'javascript') {
    if (headers.properties.some((p) => p.assigned)) return undefined;
    return { edit: insertProperty(headers, name, '`Bearer ${process.env.LEONARDO_API_KEY}`'), reads: 'process.env.LEONARDO_API_KEY' };
  }
  if (request.source === 'curl') {
    return { edit: { start: headers.insertAt, end: headers.insertAt, newText: ` -H "${name}: Bearer $LEONARDO_API_KEY"` }, reads: '$LEONARDO_API_KEY' };
  }
  if (request.source === 'http-file') {
    const eol = doc.text.includes('\r\n') ? '\r\n' : '\n';
    return {
      edit: { start: headers.insertAt, end: headers.insertAt, newText: `${eol}${name}: Bearer {{$dotenv LEONARDO_API_KEY}}` },
      reads: '{{$dotenv LEONARDO_API_KEY}}',
    };
  }
  return undefined;
}

/**
 * Whether the key may be added where the extractor cannot see: axios interceptors and defaults,
 * ky/got hooks, ofetch `onRequest`, `headers.set(...)`, or curl's own `--oauth2-bearer` / `--user`.
 */
function authMayComeFromElsewhere(doc: LintDocument, request: RequestSite, headersOutside: () => boolean): boolean {
  if (request.source === 'curl') {
    const command = doc.text.slice(request.span.start, request.span.end);
    return /(?:^|\s)(?:--oauth2-bearer|--user|-u|--netrc|--netrc-file|-n)(?=[\s=]|$)/.test(command);
  }
  if (doc.kind === 'typescript' || doc.kind === 'javascript') {
    // Another module may set up the global axios (`axios.defaults.headers.common.Authorization = …`).
    return headersOutside() || (request.source === 'axios' && doc.workspace?.axiosSetUpElsewhere?.() === true);
  }
  return false;
}
