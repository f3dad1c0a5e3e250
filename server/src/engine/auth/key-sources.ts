// What the value a key header sends is made of, in TS/JS: the browser-visible reads
// (client-exposed-api-key) and the string literals (hardcoded-api-key) that flow into it. Both rules
// ask it of every key header; the walk is made once per header and analysis, for both.

import ts from 'typescript';
import type { TsParsed } from '../extract/typescript.js';
import { walkSources, type SourceVisitor } from './value-sources.js';
import { EXPOSED, type ExposedRead } from './exposed-env.js';

export interface KeySources {
  exposed: ExposedRead[];
  /** String literals, and the literal parts of templates (whose `${...}` the walk follows on). */
  literals: ts.Node[];
}

// Per parse, not per node: an incremental parse reuses the nodes of an unchanged region while a
// constant they read may have changed.
const walked = new WeakMap<TsParsed, Map<ts.Expression, KeySources>>();

export function keySources(expression: ts.Expression, parsed: TsParsed): KeySources {
  let known = walked.get(parsed);
  if (!known) walked.set(parsed, (known = new Map<ts.Expression, KeySources>()));
  const cached = known.get(expression);
  if (cached) return cached;
  const sources: KeySources = { exposed: [], literals: [] };
  walkSources(expression, parsed, KEY_SOURCES, { parsed, out: sources.exposed, literals: sources.literals });
  known.set(expression, sources);
  return sources;
}

/** The walk's visitor: the browser-visible reads (EXPOSED's), and the literals. */
const KEY_SOURCES: SourceVisitor<{ readonly parsed: TsParsed; readonly out: ExposedRead[]; readonly literals: ts.Node[] }> = {
  source(node, state) {
    // A read of the environment or storage holds no literal: stopping there loses none.
    if (EXPOSED.source(node, state)) return true;
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
      state.literals.push(node);
      return true;
    }
    if (ts.isTemplateExpression(node)) state.literals.push(node.head, ...node.templateSpans.map((span) => span.literal));
    return false;
  },
  binding: (binding, use, state) => EXPOSED.binding?.(binding, use, state),
};
