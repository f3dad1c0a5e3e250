// What client and server agree on for "Leonardo Lint: Lint Workspace" (imported by both, like
// protocol.ts): the request, its answer, and the one-line format the task's problem matcher reads.

export const LINT_WORKSPACE_REQUEST = 'leonardoLint/lintWorkspace';

export interface WorkspaceProblem {
  /** Absolute file path. */
  file: string;
  /** 1-based. */
  line: number;
  column: number;
  severity: 'error' | 'warning' | 'info';
  message: string;
  rule: string;
}

export interface LintWorkspaceResult {
  problems: WorkspaceProblem[];
  files: number;
  /** Set when the workspace has more files than are linted (the bound on files listed). */
  truncated: boolean;
}

/** One problem as a line `file:line:col: severity: message [rule]` (the `$leonardo-lint` problem matcher). */
export function problemLine(problem: WorkspaceProblem): string {
  return `${problem.file}:${problem.line}:${problem.column}: ${problem.severity}: ${problem.message.replace(/[\r\n]+/g, ' ')} [${problem.rule}]`;
}
