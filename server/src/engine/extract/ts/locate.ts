// Finding the expression written at a span, for the rules that start from a request's span.

import ts from 'typescript';
import type { AnalysisMemo, MemoKey } from '../../memo.js';
import type { Span } from '../../types.js';

/** The expressions located in one analysis, by span start, then end. */
const LOCATED: MemoKey<Map<number, Map<number, ts.Expression | undefined>>> = { release: (located) => located.clear() };

/**
 * `expressionAt`, once per span in an analysis: the key rules (hardcoded-api-key, client-exposed-api-key)
 * locate the same header options of every request, each descent from the file's root (2 % of a
 * 20,000-line file's analysis).
 */
export function expressionAtOnce(memo: AnalysisMemo, sourceFile: ts.SourceFile, span: Span): ts.Expression | undefined {
  const located = memo.get(LOCATED, () => new Map<number, Map<number, ts.Expression | undefined>>());
  let byEnd = located.get(span.start);
  if (!byEnd) located.set(span.start, (byEnd = new Map<number, ts.Expression | undefined>()));
  if (byEnd.has(span.end)) return byEnd.get(span.end);
  const expression = expressionAt(sourceFile, span);
  byEnd.set(span.end, expression);
  return expression;
}

/** The outermost expression written exactly at `span`, when there is one. */
export function expressionAt(sourceFile: ts.SourceFile, span: Span): ts.Expression | undefined {
  let node: ts.Node = sourceFile;
  for (;;) {
    const next = childCovering(node, span, sourceFile);
    if (!next) return undefined;
    if (next.getStart(sourceFile) === span.start && next.end === span.end && ts.isExpression(next)) return next;
    node = next;
  }
}

/** The innermost node whose text (not only its leading trivia) holds `span`, when one below the file does. */
export function innermostAt(sourceFile: ts.SourceFile, span: Span): ts.Node | undefined {
  let found: ts.Node | undefined;
  for (let next = childCovering(sourceFile, span, sourceFile); next; next = childCovering(next, span, sourceFile)) found = next;
  return found;
}

/** Long statement lists are searched by bisection: a 20,000-line file has thousands at its top level. */
const BISECT_FROM = 16;

/** The child of `node` that holds `span` (its text, not only its leading trivia). */
function childCovering(node: ts.Node, span: Span, sourceFile: ts.SourceFile): ts.Node | undefined {
  const statements = ts.isSourceFile(node) || ts.isBlock(node) || ts.isModuleBlock(node) ? node.statements : undefined;
  // Statements are in order and meet end to end, so a non-empty span lies in at most one of them.
  if (statements && statements.length >= BISECT_FROM && span.end > span.start) {
    let low = 0;
    let high = statements.length - 1;
    while (low <= high) {
      const mid = (low + high) >>> 1;
      const statement = statements[mid];
      if (statement.end < span.end) low = mid + 1;
      else if (statement.pos > span.start) high = mid - 1;
      else return statement.getStart(sourceFile) <= span.start ? statement : undefined;
    }
    return undefined;
  }
  coverStart = span.start;
  coverEnd = span.end;
  coverFile = sourceFile;
  const found = ts.forEachChild(node, covers);
  coverFile = undefined; // (the module keeps no tree)
  return found;
}

// What `covers` tests against: module state set by each call (the test never calls back into this
// module), not a closure made per call (see ARCHITECTURE.md, Performance).
let coverStart = 0;
let coverEnd = 0;
let coverFile: ts.SourceFile | undefined;

function covers(child: ts.Node): ts.Node | undefined {
  // `pos` (before the leading trivia) is checked first: getStart() scans the trivia.
  return child.pos <= coverStart && child.end >= coverEnd && child.getStart(coverFile) <= coverStart ? child : undefined;
}
