// content-moderation: a prompt literal with a word Leonardo's moderation filter rejects
// (`403 Forbidden`, `content moderation filter: <term>`). Fields named `prompt` only, on any
// endpoint and in SDK calls; never `negative_prompt`. The words and the policy live in
// data/moderation-terms.ts.

import { MODERATION_TERMS } from '../data/moderation-terms.js';
import { isLeonardoRequest } from '../auth/headers.js';
import { ruleDocsUrl } from '../rule-docs.js';
import type { LintDocument, ObjectValue, RequestSite, Rule, RuleContext, Span, Value } from '../types.js';
import { endpointLabel, literalOptions } from '../body/walk.js';

const ID = 'content-moderation';
const PROMPT = 'prompt';

/** Every term, longest first, as whole words: no letter, digit or `_` on either side. */
const TERMS = new RegExp(
  `(?<![\\p{L}\\p{N}_])(?:${[...MODERATION_TERMS]
    .map((t) => t.term)
    .sort((a, b) => b.length - a.length)
    .map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+'))
    .join('|')})(?![\\p{L}\\p{N}_])`,
  'giu',
);

export const rule: Rule = {
  meta: {
    id: ID,
    defaultSeverity: 'information',
    description: "A prompt with a word Leonardo's content moderation filter rejects (403 Forbidden).",
    docsUrl: ruleDocsUrl(ID),
    fixable: false,
    apiError: 'content moderation filter: <term>',
  },
  check(ctx) {
    const reported = new Set<string>();
    for (const request of ctx.requests) {
      if (!isLeonardoRequest(request) || request.body === undefined) continue;
      for (const body of literalOptions(request.body)) {
        if (body.kind === 'object') visitObject(ctx, request, body, reported, 0);
      }
    }
  },
};

const MAX_DEPTH = 8;

/** Prompts anywhere in the body (`parameters.prompt` of the v2 API, for one); depth-limited. */
function visitObject(ctx: RuleContext, request: RequestSite, object: ObjectValue, reported: Set<string>, depth: number): void {
  if (depth > MAX_DEPTH) return;
  for (const property of object.properties) {
    for (const value of literalOptions(property.value)) {
      if (property.key === PROMPT) checkPrompt(ctx, request, value, reported);
      else visitValue(ctx, request, value, reported, depth + 1);
    }
  }
}

function visitValue(ctx: RuleContext, request: RequestSite, value: Value, reported: Set<string>, depth: number): void {
  if (value.kind === 'object') visitObject(ctx, request, value, reported, depth);
  else if (value.kind === 'array') for (const element of value.elements) visitValue(ctx, request, element, reported, depth + 1);
}

function checkPrompt(ctx: RuleContext, request: RequestSite, value: Value, reported: Set<string>): void {
  for (const hit of termHits(value, ctx.document)) {
    const id = `${hit.span.start}:${hit.term}`;
    if (reported.has(id)) continue;
    reported.add(id);
    ctx.report({
      message: `The prompt contains "${hit.word}", which Leonardo's moderation filter rejects (403): rephrase the prompt.`,
      detail: 'See the Terms of Service, Limitations of Use.',
      span: hit.span,
      fixes: [],
      endpoint: endpointLabel(request),
      apiError: `content moderation filter: ${hit.term}`,
    });
  }
}

interface TermHit {
  term: string;
  /** The word as written. */
  word: string;
  span: Span;
}

/**
 * The terms in a prompt: a string literal (located in the literal as written when escapes allow,
 * else on the whole literal), or the literal text of a JS template (`` `a ${x} naked` ``).
 */
function termHits(value: Value, doc: LintDocument): TermHit[] {
  if (value.kind === 'string') {
    const written = doc.text.slice(value.inner.start, value.inner.end);
    const hits = matches(written, value.inner.start);
    if (hits.length > 0 || written === value.value) return firstOfEach(hits);
    return firstOfEach(matches(value.value, 0)).map((h) => (Object.assign({}, h, { span: value.span })));
  }
  if (value.kind === 'unknown' && (doc.kind === 'typescript' || doc.kind === 'javascript')) {
    const written = doc.text.slice(value.span.start, value.span.end);
    if (!written.startsWith('`')) return [];
    return firstOfEach(matches(templateText(written), value.span.start));
  }
  return [];
}

function matches(text: string, offset: number): TermHit[] {
  const hits: TermHit[] = [];
  // A test first: matchAll copies the expression per call, and most prompts hold no term. `test`
  // moves a global expression's lastIndex, which matchAll starts from: it is put back to 0.
  TERMS.lastIndex = 0;
  const any = TERMS.test(text);
  TERMS.lastIndex = 0;
  if (!any) return hits;
  for (const m of text.matchAll(TERMS)) {
    hits.push({ term: m[0].toLowerCase().replace(/\s+/g, ' '), word: m[0], span: { start: offset + m.index, end: offset + m.index + m[0].length } });
  }
  return hits;
}

function firstOfEach(hits: TermHit[]): TermHit[] {
  if (hits.length < 2) return hits;
  const seen = new Set<string>();
  return hits.filter((h) => !seen.has(h.term) && seen.add(h.term));
}

/** A template literal with each `${…}` blanked out (same length, so offsets stay those of the document). */
function templateText(written: string): string {
  let out = '';
  let depth = 0;
  for (let i = 0; i < written.length; i++) {
    const c = written[i];
    if (depth === 0 && c === '$' && written[i + 1] === '{') {
      depth = 1;
      out += '  ';
      i++;
      continue;
    }
    if (depth > 0) {
      if (c === '{') depth++;
      else if (c === '}') depth--;
      out += c === '\n' ? '\n' : ' ';
      continue;
    }
    out += c;
  }
  return out;
}
