// "Leonardo Lint: Lint Workspace": every file of the workspace folders that Leonardo Lint reads,
// linted with the workspace index (as the editor lints an open file), bounded in files and yielding
// between them; the answer is the problems as the task's problem matcher reads them.

import { TextDocument } from 'vscode-languageserver-textdocument';
import { documentKindForPath } from '../engine/extract/index.js';
import { DEFAULT_MAX_FILES } from '../engine/workspace/index.js';
import { diskReader } from '../cli/workspace.js';
import { pathToFileURL } from 'node:url';
import type { Analyzer } from './analysis.js';
import { listFiles, type BackgroundIndexer } from './workspace-index.js';
import type { LintWorkspaceResult, WorkspaceProblem } from './workspace-protocol.js';

const LINTED = /\.(?:[cm]?[jt]s|[jt]sx|json|jsonc|sh|bash|zsh|md|markdown|http|rest)$/i;
const SEVERITY = { error: 'error', warning: 'warning', information: 'info' } as const;

export async function lintWorkspace(
  indexer: BackgroundIndexer,
  analyzer: Analyzer,
  openDocument: (uri: string) => TextDocument | undefined,
  cancelled: () => boolean,
): Promise<LintWorkspaceResult> {
  const read = diskReader();
  const problems: WorkspaceProblem[] = [];
  let files = 0;
  let truncated = false;
  for (const root of indexer.roots()) {
    const listed = await listFiles(root, cancelled, LINTED);
    truncated ||= listed.length >= DEFAULT_MAX_FILES;
    for (const file of listed) {
      if (cancelled()) return { problems, files, truncated };
      const text = read(file);
      if (text === undefined || !documentKindForPath(file, text)) continue;
      files++;
      const uri = pathToFileURL(file).href;
      // An open file's analysis is the editor's; another is not kept (the workspace's analyses must not stay in memory).
      const open = openDocument(uri);
      const analysis = await analyzer.analysisFor(open ?? TextDocument.create(uri, '', 0, text));
      if (!open) analyzer.forget(uri);
      for (const finding of analysis.result.findings) {
        const start = analysis.lines.positionAt(finding.span.start);
        problems.push({ file, line: start.line + 1, column: start.character + 1, severity: SEVERITY[finding.severity], message: finding.message, rule: finding.ruleId });
      }
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
  return { problems, files, truncated };
}
