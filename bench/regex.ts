// The regular-expression figures: how long the slowest literal of server/src takes on its adversarial
// 100 KB inputs, and the slowest adversarial 100 KB document through `analyze` beyond TypeScript's own
// parse. The unit tests check the same inputs exactly (test/security/regex.test.ts: no exponential
// shape, a backtracking budget); V8 does not count the characters a greedy loop gives back, so a
// pattern that is only quadratic shows here, as time (`--only regex`; targets: 50 ms per literal,
// 100 ms per document).

import ts from 'typescript';
import { analyze } from '../server/src/engine/analyze.js';
import { adversarialDocuments } from '../test/security/adversarial-documents.js';
import { inputs, lengthFor, scan } from '../test/security/regex-literals.js';
import { round, type Result } from './measure.js';

const LITERAL_MS = 50;
const DOCUMENT_MS = 100;

/** The slowest run of each literal on its inputs (every match for a global pattern), best of two. */
function slowestLiteral(): { ms: number; what: string } {
  let worst = { ms: 0, what: '' };
  for (const literal of scan().literals) {
    for (const input of inputs(literal.source, lengthFor(literal))) {
      let best = Infinity;
      for (let attempt = 0; attempt < 2; attempt++) {
        const regex = new RegExp(literal.source, literal.flags);
        const started = performance.now();
        if (regex.global) input.replace(regex, '');
        else regex.test(input);
        best = Math.min(best, performance.now() - started);
      }
      if (best > worst.ms) worst = { ms: best, what: `${literal.where} /${literal.source}/ on ${JSON.stringify(input.slice(0, 12))}…` };
    }
  }
  return worst;
}

function parseTime(text: string, kind: string): number {
  if (kind !== 'typescript' && kind !== 'javascript') return 0;
  const started = performance.now();
  try {
    ts.createSourceFile('adversarial.ts', text, ts.ScriptTarget.Latest, false);
  } catch {
    // Nested too deeply for the parser: the engine skips such a file (its time is what it took to find out).
  }
  return performance.now() - started;
}

/** The slowest adversarial document through `analyze`, less its parse, best of two. */
function slowestDocument(): { ms: number; what: string } {
  let worst = { ms: 0, what: '' };
  for (const doc of adversarialDocuments()) {
    let best = Infinity;
    for (let attempt = 0; attempt < 2; attempt++) {
      const started = performance.now();
      analyze(doc);
      best = Math.min(best, performance.now() - started - parseTime(doc.text, doc.kind));
    }
    if (best > worst.ms) worst = { ms: best, what: `${doc.name} (${doc.kind}, ${doc.text.length} characters)` };
  }
  return worst;
}

export function regexFigures(): Result[] {
  const literal = slowestLiteral();
  const document = slowestDocument();
  return [
    { name: 'regex/literal-100k', value: round(literal.ms), unit: 'ms', baseline: null, ratio: null, target: `≤ ${LITERAL_MS} ms`, pass: literal.ms <= LITERAL_MS, detail: literal.what },
    { name: 'regex/document-100k', value: round(document.ms), unit: 'ms', baseline: null, ratio: null, target: `≤ ${DOCUMENT_MS} ms`, pass: document.ms <= DOCUMENT_MS, detail: document.what },
  ];
}

if (process.argv[1]?.endsWith('regex.ts')) {
  for (const r of regexFigures()) console.log(`${r.pass ? 'ok  ' : 'FAIL'} ${r.name}: ${r.value} ${r.unit} (${r.target}) ${r.detail}`);
}
