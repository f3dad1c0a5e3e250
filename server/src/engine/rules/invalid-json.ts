// invalid-json: a request body that must be JSON and is not: a curl --data argument, an .http body,
// a Postman raw body, a JSON request file. The usual mistakes are named: Python's True/False/None,
// single quotes, trailing commas, unquoted keys, comments. The finding sits on the character at fault.
// Where the right text is certain (a trailing comma removed, `True` -> `true`) that is the preferred fix.

import { ruleDocsUrl } from '../rule-docs.js';
import { describeJsonError, type DescribedError } from '../extract/text/json-body.js';
import type { RequestSite, Rule } from '../types.js';
import { fitMessage } from '../messages.js';
import { endpointLabel } from '../body/walk.js';

const ID = 'invalid-json';

/** What the API answers POST /generations when it cannot read the body (the catalogue's generic answer). */
const GENERATION_ERROR = 'expecting a value for non-nullable variable: "prompt"';

export const rule: Rule = {
  meta: {
    id: ID,
    defaultSeverity: 'error',
    description: 'A request body that must be JSON and is not (Python literals, single quotes, trailing commas, unquoted keys, comments).',
    docsUrl: ruleDocsUrl(ID),
    fixable: true,
  },
  check(ctx) {
    for (const request of ctx.requests) {
      const error = request.jsonErrors?.[0];
      if (!error) continue;
      // JSON files come from the shared JSON extractor, whose messages are the parser's: say it in the usual words.
      const detail: DescribedError =
        request.source === 'json-file'
          ? describeJsonError(ctx.document.text, error.span.start, error.span.end, error.message)
          : { message: error.message, start: error.span.start, end: error.span.end, replacement: error.replacement };
      // The editor's JSON service already reports a bare syntax error in a JSON file: say only what it does not
      // (a certain fix, or the other language the text was written in).
      if (ctx.editorChecksJsonSyntax && request.source === 'json-file' && detail.replacement === undefined && !detail.foreign) continue;
      const generation = request.endpoint?.operationId === 'createGeneration';
      ctx.report({
        message: fitMessage(`${bodyName(request)} is not valid JSON: ${detail.message}.`, `Not valid JSON: ${detail.message}.`),
        detail: generation ? 'The API cannot read it.' : 'The API cannot read it and rejects the request.',
        // At least one character wide, but never past the end of the document (a body cut short).
        span: { start: detail.start, end: Math.min(Math.max(detail.end, detail.start + 1), ctx.document.text.length) },
        fixes:
          detail.replacement === undefined
            ? []
            : [{
                title: detail.replacement === '' ? 'Remove the trailing comma' : `Write ${detail.replacement}`,
                edits: [{ start: detail.start, end: detail.end, newText: detail.replacement }],
                preferred: true,
              }],
        endpoint: endpointLabel(request),
        apiError: generation ? GENERATION_ERROR : undefined,
      });
    }
  },
};

function bodyName(request: RequestSite): string {
  switch (request.source) {
    case 'curl':
      return 'The body of this curl command';
    case 'http-file':
      return 'The body of this request';
    case 'postman':
      return 'The raw body of this Postman request';
    case 'json-file':
      return 'This request file';
    default:
      return 'The request body';
  }
}
