// presigned-upload-response: code that reads a body or an id from the response of the upload to a
// presigned URL. S3 answers 204 No Content: `await res.json()` throws, `res.data.id` is undefined. The
// image id is `uploadInitImage.id` from the earlier POST /init-image. Reading the body of a failed
// upload (S3's XML error, in a `!res.ok` branch or a catch) is fine and never flagged.

import ts from 'typescript';
import { flowFor } from '../flow/analysis.js';
import { uploadedIdPath } from '../flow/presigned.js';
import { memberReads } from '../flow/reads.js';
import { endpointName, PROMISE_MEMBERS } from '../flow/shape.js';
import type { UploadOrigin } from '../flow/types.js';
import { fitMessage } from '../messages.js';
import { ruleDocsUrl } from '../rule-docs.js';
import { calleeName } from '../extract/ts/values.js';
import type { Rule, RuleContext, Span } from '../types.js';

const ID = 'presigned-upload-response';
/** Readers whose use on an empty body is a mistake by itself; `.text()` only when the text is parsed. */
const PARSING_READERS = new Set(['json', 'formData']);
/** The members of a fetch `Response`: anything else read off it is undefined. */
const FETCH_RESPONSE_MEMBERS = new Set(['ok', 'status', 'statusText', 'headers', 'url', 'redirected', 'type', 'body', 'bodyUsed', 'json', 'text', 'blob', 'arrayBuffer', 'formData', 'bytes', 'clone']);
/** A condition about how the request went (`!res.ok`, `res.status !== 204`). */
const OUTCOME_TEST = /\.ok\b|\.status(?:Code|Text)?\b/;

export const rule: Rule = {
  meta: {
    id: ID,
    defaultSeverity: 'warning',
    description: 'A body or an id read from the presigned upload response, which is 204 No Content.',
    docsUrl: ruleDocsUrl(ID),
    fixable: false,
  },
  check(ctx) {
    const flow = flowFor(ctx);
    if (!flow) return;
    for (const read of memberReads(flow)) {
      const receiver = read.receiver;
      if (receiver.kind !== 'upload' || typeof read.name !== 'string' || PROMISE_MEMBERS.has(read.name)) continue;
      if (inFailureHandling(read.node)) continue;
      if (receiver.stage === 'http') {
        const call = read.node.parent;
        if (givesFetchResponse(receiver.call) && !FETCH_RESPONSE_MEMBERS.has(read.name) && !(ts.isCallExpression(call) && call.expression === read.node)) {
          // `up.uploadInitImage.id`: a body field read off the fetch Response itself, which has none.
          report(ctx, receiver, { start: read.nameNode.getStart(), end: read.nameNode.end }, `'${read.name}' is read from the response`, 'A fetch Response has no such member, and the body is empty.');
          continue;
        }
        if (!ts.isCallExpression(call) || call.expression !== read.node || !isParsingRead(read.name, call)) continue;
        const parses = read.name === 'text' ? 'parses' : 'reads';
        report(ctx, receiver, flow.spanOf(call), fitMessage(`'${read.node.getText()}()' ${parses} a body`, `'${read.name}()' ${parses} a body`), 'There is no body, and parsing the empty body throws.');
      } else if (receiver.stage === 'body' && !receiver.readBy) {
        report(ctx, receiver, { start: read.nameNode.getStart(), end: read.nameNode.end }, `'${read.name}' is read from its body`, 'The body is empty, so it is undefined.');
      }
    }
  },
};

/** The upload is `fetch(...)` or `ky.post(...)`, which answer a fetch Response (got's response has members of its own: `statusCode`, `rawBody`). */
function givesFetchResponse(call: ts.CallExpression): boolean {
  const name = calleeName(call.expression);
  return name !== undefined && /^(?:(?:globalThis\.|window\.)?fetch|ky(?:\.(?:get|post|put|patch|delete))?)$/.test(name);
}

/** `.json()`, or `.text()` whose result goes straight into `JSON.parse`. */
function isParsingRead(name: string, call: ts.CallExpression): boolean {
  if (PARSING_READERS.has(name)) return true;
  if (name !== 'text') return false;
  let node: ts.Node = call;
  while (ts.isAwaitExpression(node.parent) || ts.isParenthesizedExpression(node.parent)) node = node.parent;
  const parent = node.parent;
  return ts.isCallExpression(parent) && parent.arguments[0] === node && parent.expression.getText() === 'JSON.parse';
}

/** Inside a branch that handles a failed request, or a catch: reading S3's error body there is right. */
function inFailureHandling(node: ts.Node): boolean {
  for (let from = node, current = node.parent; current && !ts.isSourceFile(current); from = current, current = current.parent) {
    if (ts.isCatchClause(current)) return true;
    if (ts.isIfStatement(current) && OUTCOME_TEST.test(current.expression.getText())) return true;
    if (ts.isConditionalExpression(current) && OUTCOME_TEST.test(current.condition.getText())) return true;
    // In a `.catch(...)` handler; not in the chain a `.catch` ends (`fetch(...).then(...).catch(...)` holds every step).
    if (ts.isCallExpression(current) && ts.isPropertyAccessExpression(current.expression) && current.expression.name.text === 'catch' && current.expression !== from) return true;
  }
  return false;
}

function report(ctx: RuleContext, upload: UploadOrigin, span: Span, what: string, why: string): void {
  ctx.report({
    message: fitMessage(`The presigned upload answers 204 with no body, but ${what}: check 'res.ok' instead.`, `The presigned upload answers 204 with no body: check 'res.ok' instead.`),
    detail:
      `${why} The image id is \`${uploadedIdPath(upload.endpoint)}\` from the ${endpointName(upload.endpoint)} response; ` +
      'check the upload with `res.ok` or `res.status === 204`.',
    span,
    fixes: [],
    endpoint: endpointName(upload.endpoint),
  });
}

