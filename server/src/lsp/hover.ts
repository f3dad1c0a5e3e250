// textDocument/hover: the engine's hover Markdown at the cursor, for the analysed version.

import { MarkupKind, type Hover, type Position } from 'vscode-languageserver';
import { hoverAt as engineHover } from '../engine/editor/hover.js';
import type { DocumentAnalysis } from './analysis.js';
import { toRange } from './diagnostics.js';

export function hoverAt(analysis: DocumentAnalysis, position: Position): Hover | null {
  const hover = engineHover(analysis, analysis.lines.offsetAt(position));
  if (!hover) return null;
  return {
    contents: { kind: MarkupKind.Markdown, value: hover.markdown },
    range: hover.span.start === hover.span.end ? undefined : toRange(analysis.lines, hover.span),
  };
}
