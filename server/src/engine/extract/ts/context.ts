// What every part of the TS/JS extractor needs: the parse, the file index, and the guards that keep
// evaluation bounded on adversarial input.

import ts from 'typescript';
import type { Span } from '../../types.js';
import type { Binding, FileIndex } from './file-index.js';
import type { ImportResolver } from '../../workspace/types.js';
import type { InstanceState } from './instances.js';

export interface TsContext {
  sourceFile: ts.SourceFile;
  text: string;
  index: FileIndex;
  /** Bindings and functions being resolved right now (a cycle such as `const a = [b]; const b = [a]` stops here). */
  resolving: Set<Binding | ts.Node>;
  /** Evaluation steps left for this file: a pathological file degrades to unknown values, not to a hang. */
  budget: { left: number };
  /** What other modules export (the workspace index), when the analysis was given it. */
  imports?: ImportResolver;
  /**
   * A loop variable taken at one element of its list, a condition's choice at one branch, or a
   * function's parameters at one call's arguments, while that request is made (requests.ts
   * `perElementSites`, `perCallSites`).
   */
  bound?: Map<Binding | ts.Node, ts.Expression>;
  /**
   * One arm of an `if` or `switch` that writes several names (`if (draft) { model = "flux-schnell";
   * width = 512; }`), taken while that path's request is made (requests.ts `perBranchSites`): each
   * name holds what that arm leaves in it, so one arm's values are never paired with another's.
   */
  branch?: { statement: ts.IfStatement | ts.SwitchStatement; arm: ts.Node | undefined };
  /** The first such statement the resolver met and could not read without taking an arm (set by resolve.ts). */
  refused?: ts.IfStatement | ts.SwitchStatement;
  /** The instance a builder's chain of setters leaves, while the method at its end is read (instances.ts). */
  instance?: InstanceState;
}

/** Deeper than this an expression is not a request body; it is unknown. */
export const MAX_DEPTH = 48;

const EVALUATION_BUDGET = 250_000;

export function createContext(sourceFile: ts.SourceFile, index: FileIndex, imports?: ImportResolver): TsContext {
  // Every field set here, `undefined` or not: one shape for every context (an engine-wide hot object).
  return { sourceFile, text: sourceFile.text, index, resolving: new Set(), budget: { left: EVALUATION_BUDGET }, imports, bound: undefined, branch: undefined, refused: undefined, instance: undefined };
}

export function spanOf(node: ts.Node, ctx: TsContext): Span {
  return { start: node.getStart(ctx.sourceFile), end: node.end };
}

/** The expression as written, on one line and shortened, for messages and flow rules. */
export function nodeText(node: ts.Node, ctx: TsContext, max = 80): string {
  const start = node.getStart(ctx.sourceFile);
  // Only the head of a long expression is ever shown: do not copy the rest.
  const text = ctx.text.slice(start, Math.min(node.end, start + max * 4)).replace(/\s*[\r\n]\s*/g, ' ');
  return text.length > max || node.end > start + max * 4 ? `${text.slice(0, max - 1)}…` : text;
}

/** Spend one evaluation step; false when the file's budget or the depth limit is exhausted. */
export function step(ctx: TsContext, depth: number): boolean {
  if (depth > MAX_DEPTH || ctx.budget.left <= 0) return false;
  ctx.budget.left--;
  return true;
}

/** Evaluate `fn` with `binding` (or a function whose return is read) marked as being resolved; undefined on a cycle. */
export function withBinding<T>(ctx: TsContext, binding: Binding | ts.Node, fn: () => T): T | undefined {
  if (ctx.resolving.has(binding)) return undefined;
  ctx.resolving.add(binding);
  try {
    return fn();
  } finally {
    ctx.resolving.delete(binding);
  }
}
