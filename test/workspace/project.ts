// Multi-file projects for the workspace index tests: files in memory under a root, the index built
// over them, and every TS/JS file analysed with it, as the CLI does for a folder.

import path from 'node:path';
import { analyze } from '../../server/src/engine/analyze.js';
import { documentKindForPath } from '../../server/src/engine/extract/index.js';
import type { Finding } from '../../server/src/engine/types.js';
import { WorkspaceIndex } from '../../server/src/engine/workspace/index.js';

export const ROOT = path.resolve('/project');

export interface Linted {
  index: WorkspaceIndex;
  /** Findings by path relative to the root. */
  findings: Record<string, Finding[]>;
  /** `rule-id line:col text` per finding, by relative path (1-based lines and columns). */
  described: Record<string, string[]>;
}

export function projectIndex(files: Record<string, string>): WorkspaceIndex {
  const texts = new Map(Object.entries(files).map(([name, text]) => [path.join(ROOT, name), text]));
  return new WorkspaceIndex({ root: ROOT, read: (file) => texts.get(file), files: texts.keys() });
}

/** Analyse every file of the project with the index (or alone, with `alone`). */
export function lintProject(files: Record<string, string>, options: { alone?: boolean } = {}): Linted {
  const index = projectIndex(files);
  index.build();
  const findings: Record<string, Finding[]> = {};
  const described: Record<string, string[]> = {};
  for (const [name, text] of Object.entries(files)) {
    const file = path.join(ROOT, name);
    const kind = documentKindForPath(file, text);
    if (!kind) continue;
    const result = analyze({ text, kind, path: file, ...(options.alone ? {} : { workspace: index.resolverFor(file) }) });
    findings[name] = result.findings;
    described[name] = result.findings.map((f) => `${f.ruleId} ${position(text, f.span.start)} ${text.slice(f.span.start, f.span.end)}`);
  }
  return { index, findings, described };
}

function position(text: string, offset: number): string {
  const before = text.slice(0, offset).split('\n');
  return `${before.length}:${before[before.length - 1].length + 1}`;
}
