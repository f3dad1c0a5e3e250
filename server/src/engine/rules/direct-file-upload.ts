// direct-file-upload: the image itself (a FormData, Blob, File, Buffer, stream, a multipart body)
// sent to POST /init-image or another presigned-upload endpoint. Those endpoints take JSON
// (`{extension}`) and answer with a presigned URL and form fields; the file goes to that URL in a
// second request. Language-neutral: extractors mark such bodies as foreign values.

import ts from 'typescript';
import { flowFor } from '../flow/analysis.js';
import { isPresignedUploadEndpoint, uploadedIdPath } from '../flow/presigned.js';
import { endpointName } from '../flow/shape.js';
import { fitMessage } from '../messages.js';
import { ruleDocsUrl } from '../rule-docs.js';
import { expressionAt } from '../extract/ts/locate.js';
import type { ForeignValue, RequestSite, Rule, RuleContext, Span, Value } from '../types.js';
import { literalOptions } from '../body/walk.js';

const ID = 'direct-file-upload';
/** Foreign values that are file contents (or a form carrying them), as the extractors name them. */
const FILE_DATA = /^(?:FormData|Blob|File|Buffer|ReadStream|stream|ArrayBuffer|Uint8Array)$|form data/i;

export const rule: Rule = {
  meta: {
    id: ID,
    defaultSeverity: 'error',
    description: 'The file itself sent to an upload endpoint that takes JSON and answers with a presigned URL.',
    docsUrl: ruleDocsUrl(ID),
    fixable: false,
  },
  check(ctx) {
    for (const request of ctx.requests) {
      const endpoint = request.endpoint;
      if (!endpoint || !isPresignedUploadEndpoint(endpoint) || request.url?.apiVersion === 'v2' || !request.body) continue;
      const sentAt = useSite(ctx, request);
      for (const data of fileData(request.body)) {
        const label = endpointName(endpoint);
        const takes = endpoint.fields.length > 0 ? ` {${endpoint.fields.map((f) => (request.naming === 'sdk' ? f.sdk : f.wire)).join(', ')}}` : '';
        ctx.report({
          message: fitMessage(
            `${label} is sent the file itself (${data.what}): send JSON${takes}, then the file to the presigned URL it answers.`,
            `${label} is sent the file itself (${data.what}): send JSON, then the file to the presigned URL it answers.`,
          ),
          detail:
            `${label} takes JSON${takes} and answers with a presigned URL and form fields. ` +
            `Send the file to that URL in a second request (a multipart POST of the fields plus the file, without the API key); the id to use afterwards is \`${uploadedIdPath(endpoint)}\` from the first response.`,
          span: data === request.body && sentAt ? sentAt : data.span,
          fixes: [],
          endpoint: label,
        });
      }
    }
  },
};

/**
 * Where a TS/JS call writes its body (`body: form`): a body bound to a constant has the span of its
 * declaration, and the finding belongs on the request.
 */
function useSite(ctx: RuleContext, request: RequestSite): Span | undefined {
  const flow = flowFor(ctx);
  const call = flow && expressionAt(flow.sourceFile, request.span);
  if (!flow || !call || !ts.isCallExpression(call)) return undefined;
  const body = flow.send(call)?.body;
  return body && flow.spanOf(body);
}

/**
 * The file data in a body: the body itself, or a property's value (`{ extension, file: buffer }`, also the
 * image as a base64 data URL: `{ image: \`data:image/jpeg;base64,${b64}\` }`).
 */
function fileData(body: Value): ForeignValue[] {
  const out: ForeignValue[] = [];
  for (const option of literalOptions(body)) {
    if (isFileData(option)) out.push(option);
    else if (option.kind === 'object') {
      for (const property of option.properties) {
        for (const value of literalOptions(property.value)) {
          if (isFileData(value)) out.push(value);
          else if (isDataUrl(value)) out.push({ kind: 'foreign', what: 'a base64 data URL', span: value.span });
        }
      }
    }
  }
  return out;
}

/** A string, or an expression written as one, that starts as a base64 data URL (`data:image/png;base64,...`). */
function isDataUrl(value: Value): boolean {
  const text = value.kind === 'string' ? value.value : value.kind === 'unknown' ? value.text?.replace(/^[`'"]/, '') : undefined;
  return text !== undefined && DATA_URL.test(text);
}

const DATA_URL = /^data:[\w.+-]+\/[\w.+-]+;base64,/i;

function isFileData(value: Value): value is ForeignValue {
  return value.kind === 'foreign' && FILE_DATA.test(value.what);
}
