// presigned-upload-auth: the upload to the presigned URL that POST /init-image (or /canvas-init-image,
// /datasets/{id}/upload, /media, /models-3d/upload) returns carries an `authorization` header or the
// API key. The URL and its form fields are the authorization; S3 answers 403 Forbidden.

import ts from 'typescript';
import { headerNameKind } from '../auth/headers.js';
import { headersOf } from '../extract/ts/requests.js';
import { skipOuter } from '../extract/ts/scope.js';
import { flowFor, type Flow } from '../flow/analysis.js';
import { isPresignedUrl } from '../flow/presigned.js';
import { isTsParsed } from '../extract/typescript.js';
import { wrapperSend } from '../extract/ts/wrappers.js';
import { functionName, memberName } from '../extract/ts/resolve.js';
import { endpointName, writtenPath } from '../flow/shape.js';
import type { ResponseOrigin } from '../flow/types.js';
import { fitMessage, q } from '../messages.js';
import { ruleDocsUrl } from '../rule-docs.js';
import { removeProperty } from '../fix/builders.js';
import type { Fix, Property, Rule, RuleContext, Span } from '../types.js';

const ID = 'presigned-upload-auth';
/** A header value that is (or builds on) the API key. */
const KEY_VALUE = /\bBearer\b|api[_-]?key|LEONARDO[A-Z_]*(?:KEY|TOKEN)/i;

export const rule: Rule = {
  meta: {
    id: ID,
    defaultSeverity: 'error',
    description: 'The upload to a presigned URL sends the API key: S3 answers 403 Forbidden.',
    docsUrl: ruleDocsUrl(ID),
    fixable: true,
  },
  check(ctx) {
    const flow = flowFor(ctx);
    if (!flow) return;
    const reported = new Set<string>();
    for (const [call, send] of flow.allSends()) {
      const url = send.url && flow.originOf(send.url);
      if (url?.kind !== 'response' || !isPresignedUrl(url)) continue;
      for (const expression of send.headers) {
        const headers = headersOf([expression], flow.context);
        for (const property of headers?.properties ?? []) {
          if (!carriesKey(property)) continue;
          const finding = placement(flow, call, property, () => {
            const written = flow.spanOf(skipOuter(expression));
            const shared = madeByFactory(expression) ? 'instance' : 'constant';
            return { span: within(written, flow.spanOf(call)) ? written : flow.spanOf(send.url!), fixes: [], shared };
          });
          if (reported.has(spanKey(finding.span))) continue;
          reported.add(spanKey(finding.span));
          reported.add(spanKey(property.keySpan));
          report(ctx, url, property, finding);
        }
      }
    }
    // Through a same-file wrapper that sends the URL it is given (`fetchWithTimeout(uploadInitImage.url, {...})`).
    const parsed = ctx.parsed;
    for (const [call, wrapper] of (isTsParsed(parsed) && parsed.wrapperCalls) || []) {
      const sent = wrapperSend(call, wrapper, flow.context);
      const url = sent && flow.originOf(sent.url);
      if (!sent?.headers || url?.kind !== 'response' || !isPresignedUrl(url)) continue;
      for (const property of sent.headers.properties) {
        // (A header of the wrapper's own already reported where the wrapper sends it: every call of it uploads.)
        if (!carriesKey(property) || reported.has(spanKey(property.keySpan))) continue;
        const finding = placement(flow, call, property, () => ({
          span: flow.spanOf(sent.url),
          fixes: [],
          shared: 'wrapper',
          wrapper: functionName(wrapper.fn) ?? memberName(wrapper.fn),
        }));
        if (reported.has(spanKey(finding.span))) continue;
        reported.add(spanKey(finding.span));
        report(ctx, url, property, finding);
      }
    }
  },
};

/** `authorization` (or another key header name), or a header whose value is the key. */
function carriesKey(property: Property): boolean {
  if (headerNameKind(property.key)) return true;
  const value = property.value;
  const text = value.kind === 'string' ? value.value : value.kind === 'unknown' ? (value.text ?? '') : '';
  return KEY_VALUE.test(text);
}

interface Placement {
  span: Span;
  fixes: Fix[];
  /** Where the header comes from, when it is not written in the upload call itself. */
  shared?: 'constant' | 'instance' | 'wrapper';
  /** The wrapper's name, for `shared: 'wrapper'`. */
  wrapper?: string;
}

/**
 * On the header's key with a removal fix when the upload call writes it; elsewhere (`shared`): on the
 * call's `headers` when it brings in a shared constant (removing the header there would break the
 * Leonardo calls), on the URL when a client instance or a wrapper adds it.
 */
function placement(flow: Flow, call: ts.CallExpression, property: Property, shared: () => Placement): Placement {
  if (within(property.span, flow.spanOf(call)) && !property.assigned) {
    // Offered, not preferred: a removal changes what is sent, and RULES.md keeps removals to the user.
    return { span: property.keySpan, fixes: [{ title: `Remove the ${q(property.key)} header`, edits: [removeProperty(property)] }] };
  }
  return shared();
}

function within(span: Span, outer: Span): boolean {
  return span.start >= outer.start && span.end <= outer.end;
}

function spanKey(span: Span): string {
  return `${span.start}:${span.end}`;
}

/** Headers written in `axios.create({...})` / `ky.extend({...})`: the defaults of a client instance. */
function madeByFactory(node: ts.Node): boolean {
  for (let current = node.parent; current && !ts.isSourceFile(current); current = current.parent) {
    if (ts.isCallExpression(current) && ts.isPropertyAccessExpression(current.expression)) {
      const name = current.expression.name.text;
      if (name === 'create' || name === 'extend') return true;
    }
    if (ts.isStatement(current)) return false;
  }
  return false;
}

function report(ctx: RuleContext, url: ResponseOrigin, property: Property, placement: Placement): void {
  const head = `The upload to the presigned URL sends the API key in '${property.key}' (S3 answers 403)`;
  // The fix for the message, and where the header comes from for the hover.
  const [fix, where] =
    placement.shared === 'constant'
      ? ['give the upload its own headers, without the key.', ' These headers are shared (with the Leonardo calls, most likely).']
      : placement.shared === 'instance'
        ? ['upload with a client that adds no authorization.', ' The client instance adds it to every request: upload with plain `fetch` or `axios`.']
        : placement.shared === 'wrapper'
          ? ['upload with a plain fetch, not with a helper that adds it.', ` ${placement.wrapper ? `\`${placement.wrapper}\`` : 'The helper'} adds it to every request it sends.`]
          : ['send no API key there.', ''];
  const from = `The URL is \`${writtenPath(url)}\` from ${endpointName(url.endpoint!)}. The presigned URL and its form fields are the authorization.`;
  ctx.report({
    message: fitMessage(`${head}: ${fix}`, `The upload to the presigned URL sends the API key (S3 answers 403): ${fix}`),
    detail: `${from}${where}`,
    span: placement.span,
    fixes: placement.fixes,
    endpoint: endpointName(url.endpoint!),
  });
}
