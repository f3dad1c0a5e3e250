// The text-based extractors never throw and never produce a span outside the document, whatever
// they are given (the editor lints on every keystroke: half-typed quotes, heredocs, braces), and a
// path span always covers the path it names. Property-based, with a seeded generator.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { getCatalogue } from '../../server/src/api/catalogue.js';
import { extractFromHttp } from '../../server/src/engine/extract/http.js';
import { extractFromMarkdown } from '../../server/src/engine/extract/markdown.js';
import { extractFromPostman } from '../../server/src/engine/extract/postman.js';
import { extractFromShell } from '../../server/src/engine/extract/shell.js';
import { lexShell } from '../../server/src/engine/extract/text/shell-lexer.js';
import type { LintDocument, RequestSite, Span, Value } from '../../server/src/engine/types.js';

const catalogue = getCatalogue();
const RUNS = { numRuns: 300, seed: 20260525 };

/** Pieces that matter to the lexers, glued in random order. */
const PIECES = [
  'curl ', '-X POST ', '-d ', '--data ', '--json ', '-H ', "'", '"', '\\', '\\\n', '\n', '\r\n', ' ', '$', '${', '}', '$(', ')', '`',
  '<<EOF\n', 'EOF\n', '<<<', '#', '{', '[', ']', ':', ',', '"prompt"', 'True', '{{x}}', '@-', '@f.json', '|', ';', '&&',
  'https://cloud.leonardo.ai/api/rest/v1/generations', 'https://api.leonardo.ai/v1/', '/me', 'authorization: Bearer k',
  '```bash\n', '```\n', '    ', '$ ', '> ', 'POST ', 'GET ', '###\n', '@base = https://cloud.leonardo.ai/api/rest/v1\n',
  '{{base}}', 'Content-Type: application/json\n', 'x',
];

const text = fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }).map((parts) => parts.join(''));

function spansOf(site: RequestSite): Span[] {
  const out: Span[] = [site.span];
  if (site.methodSpan) out.push(site.methodSpan);
  if (site.url) out.push(site.url.span, ...(site.url.pathSpan ? [site.url.pathSpan] : []));
  if (site.body) out.push(...valueSpans(site.body));
  if (site.headers) out.push(...valueSpans(site.headers));
  for (const e of site.jsonErrors ?? []) out.push(e.span);
  for (const r of site.escapedRegions ?? []) out.push(r.span);
  return out;
}

function valueSpans(value: Value): Span[] {
  const out: Span[] = [value.span];
  if (value.kind === 'string') out.push(value.inner);
  if (value.kind === 'array') for (const e of value.elements) out.push(...valueSpans(e));
  if (value.kind === 'object') {
    out.push(value.openBrace, { start: value.insertAt, end: value.insertAt });
    for (const p of value.properties) out.push(p.keySpan, p.span, p.removeSpan, ...valueSpans(p.value));
  }
  return out;
}

function checkSites(doc: LintDocument, sites: RequestSite[]): void {
  for (const site of sites) {
    for (const span of spansOf(site)) {
      assert.ok(span.start >= 0 && span.start <= span.end && span.end <= doc.text.length, `${JSON.stringify(span)} in ${doc.text.length}`);
    }
    const pathSpan = site.url?.pathSpan;
    if (pathSpan) assert.equal(doc.text.slice(pathSpan.start, pathSpan.end), site.url!.path);
  }
}

test('the shell lexer keeps every word span inside the text', () => {
  fc.assert(
    fc.property(text, (t) => {
      for (const command of lexShell(t)) {
        for (const word of command.words) {
          assert.ok(word.span.start >= 0 && word.span.end <= t.length && word.span.start <= word.span.end);
          for (let i = 0; i < word.value.text.length; i++) {
            assert.ok(word.value.starts[i] >= 0 && word.value.ends[i] <= t.length && word.value.starts[i] < word.value.ends[i]);
          }
        }
      }
    }),
    RUNS,
  );
});

for (const [kind, path, extract] of [
  ['shell', 'a.sh', extractFromShell],
  ['markdown', 'README.md', extractFromMarkdown],
  ['http', 'a.http', extractFromHttp],
] as const) {
  test(`${kind}: any text extracts without throwing, with spans inside the document`, () => {
    fc.assert(
      fc.property(text, (t) => {
        const doc: LintDocument = { text: t, kind, path };
        checkSites(doc, extract(doc, catalogue).requests);
      }),
      RUNS,
    );
  });
}

test('postman: collections with any raw body and URL extract with spans inside the document', () => {
  fc.assert(
    fc.property(text, text, (raw, url) => {
      const collection = JSON.stringify({
        info: { _postman_id: 'p', schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json' },
        item: [
          { name: 'a', request: { method: 'POST', url: `https://cloud.leonardo.ai/api/rest/v1/generations${url}`, body: { mode: 'raw', raw } } },
          { name: 'b', request: { method: 'POST', url, header: [{ key: url, value: raw }] } },
        ],
      }, null, '\t');
      const doc: LintDocument = { text: collection, kind: 'postman', path: 'c.postman_collection.json' };
      checkSites(doc, extractFromPostman(doc, catalogue).requests);
    }),
    RUNS,
  );
});

test('deeply nested command substitutions do not overflow the stack', () => {
  const n = 5000;
  const script = `echo ${'$('.repeat(n)}curl x${')'.repeat(n)}\ncurl https://cloud.leonardo.ai/api/rest/v1/me\n`;
  const sites = extractFromShell({ text: script, kind: 'shell', path: 'a.sh' }, catalogue).requests;
  assert.deepEqual(sites.map((s) => s.url?.path), ['/me']);
});
