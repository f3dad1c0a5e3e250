// Test helpers for v2 requests: realistic code around a v2 body, in the source kinds whose URL says v2.

import { lint, type Hit, type LintOptions } from './lint.js';

export const V2_URL = 'https://cloud.leonardo.ai/api/rest/v2/generations';

/** A Next.js-style route handler that posts `body` (a JS object literal text) with fetch. */
export function fetchCode(body: string): string {
  return `export async function POST(req: Request) {
  const { prompt } = await req.json();
  const res = await fetch('${V2_URL}', {
    method: 'POST',
    headers: { authorization: \`Bearer \${process.env.LEONARDO_API_KEY}\`, 'content-type': 'application/json' },
    body: JSON.stringify(${body}),
  });
  const data = await res.json();
  return Response.json({ id: data.generate.generationId });
}
`;
}

/** A JSONC request file whose first line names the v2 endpoint. */
export function jsonFile(body: string): string {
  return `// POST ${V2_URL}\n${body}\n`;
}

/** The findings of one rule on a TS route posting `body`. */
export function lintFetch(rule: string, body: string, options: LintOptions = {}): Hit[] {
  return lint(fetchCode(body), { ...options, rules: [rule] });
}

/** The findings of one rule on a v2 JSONC request file. */
export function lintJson(rule: string, body: string): Hit[] {
  return lint(jsonFile(body), { rules: [rule], path: 'request.jsonc' });
}

/** `[text, severity]` rows, for compact assertions. */
export function rows(hits: readonly Hit[]): Array<[string, string]> {
  return hits.map((h) => [h.text, h.severity]);
}
