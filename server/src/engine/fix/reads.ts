// What a fix's `reads` means for whether it is certain. A cross-field fix (`modelId: null` beside
// photoReal v1, `isVariation: true` beside a variation's id) is decided on the other keys of the body
// it reads, and on the absence of some: a key there that the endpoint does not know
// (`photorealVersion`) may be a misspelling of the very field that changes the decision. Whether a
// rule of ours renames that key (unknown-field, in a later pass) or TypeScript reports it (a
// type-checked SDK call, where unknown-field is silent), the fix is no longer certain: it is offered,
// not preferred. Decided here, once, for every rule that declares what its fixes read; the applier
// (apply.ts) adds the other half: a fix waits while another fix of the same pass edits what it read.

import type { Finding, ObjectValue, RequestSite, Span } from '../types.js';
import { bodyRequests, literalOptions, nameFor } from '../body/walk.js';

/** Un-prefer each preferred fix that read a request body holding a top-level key its endpoint does not know. */
export function declineUncertainReads(findings: readonly Finding[], requests: readonly RequestSite[]): void {
  let misnamed: ObjectValue[] | undefined;
  for (const finding of findings) {
    for (const fix of finding.fixes) {
      if (!fix.preferred || !fix.reads) continue;
      misnamed ??= bodiesWithUnknownKeys(requests);
      if (misnamed.some((body) => fix.reads!.some((read) => contains(read, body.span)))) fix.preferred = false;
    }
  }
}

/** The v1 bodies (each object a ternary may send) with a top-level key their endpoint does not know. */
function bodiesWithUnknownKeys(requests: readonly RequestSite[]): ObjectValue[] {
  const out: ObjectValue[] = [];
  for (const request of bodyRequests(requests)) {
    const names = new Set(request.endpoint!.fields.map((f) => nameFor(f, request.naming)));
    // A request file's `$schema` is for the editor, not sent (unknown-field leaves it alone too).
    if (request.source === 'json-file') names.add('$schema');
    for (const body of literalOptions(request.body!)) {
      if (body.kind === 'object' && body.properties.some((p) => !names.has(p.key))) out.push(body);
    }
  }
  return out;
}

function contains(outer: Span, inner: Span): boolean {
  return outer.start <= inner.start && inner.end <= outer.end;
}
