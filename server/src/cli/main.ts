// `leonardo-lint`: the command-line face of the engine. Same analysis as the editor, for CI.

import { ConfigError, ConfigLoader, readConfigFile } from '../engine/config/file.js';
import type { LintConfig } from '../engine/config/lint-config.js';
import { allRules } from '../engine/rules/index.js';
import { HELP, parseLintArgs, UsageError, type LintArgs } from './args.js';
import { collectFiles } from './files.js';
import { displayPath, escapeControls, formatJson, formatSarif, formatStylish } from './format.js';
import { lintFile, type FileResult } from './lint-files.js';
import { runExplain } from './explain.js';
import { CliWorkspaces } from './workspace.js';

declare const LEONARDO_LINT_VERSION: string | undefined;
const VERSION = typeof LEONARDO_LINT_VERSION === 'string' ? LEONARDO_LINT_VERSION : '0.0.0-dev';

export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
  stdin: () => Promise<string>;
  isTty: boolean;
}

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  try {
    if (argv[0] === 'explain') return await runExplain(argv.slice(1), { stdin: io.stdin, out: io.out });
    if (argv[0] === 'rules') return listRules(io);
    const args = parseLintArgs(argv, io.isTty);
    if (args === 'help') {
      io.out(HELP + '\n');
      return 0;
    }
    if (args === 'version') {
      io.out(VERSION + '\n');
      return 0;
    }
    return lint(args, io);
  } catch (error) {
    if (error instanceof UsageError || error instanceof ConfigError) {
      io.err(`leonardo-lint: ${escapeControls(error.message)}\n${error instanceof UsageError ? "Run 'leonardo-lint --help' for usage.\n" : ''}`);
      return 2;
    }
    io.err(`leonardo-lint: internal error: ${(error as Error).stack ?? String(error)}\n`);
    return 2;
  }
}

function lint(args: LintArgs, io: CliIo): number {
  const configs = new ConfigLoader();
  let explicitConfig: LintConfig | undefined;
  if (args.configFile) explicitConfig = Object.assign({}, readConfigFile(args.configFile), { baseDir: process.cwd() });
  const collected = collectFiles(args.paths, configs, explicitConfig);
  const { files, missing, unreachable } = collected;
  if (missing.length > 0) throw new UsageError(`no such file or folder: ${missing.map((p) => displayPath(p)).join(', ')}`);
  if (unreachable.length > 0) {
    throw new UsageError(`cannot read ${unreachable.map((u) => `${displayPath(u.path)}: ${u.reason}`).join(', ')}`);
  }
  if (files.length === 0 && collected.problems.length === 0) {
    // As ESLint does: a run that read nothing must not look like a clean one.
    throw new UsageError(`no files to lint in ${args.paths.map((p) => displayPath(p)).join(', ')} (TS/JS, JSON, shell, Markdown, .http)`);
  }
  const overrides: LintConfig = { rules: args.rules };
  if (args.reportUnusedDisableDirectives !== undefined) overrides.reportUnusedDisableDirectives = args.reportUnusedDisableDirectives;

  // One workspace index per folder named (built lazily, shared by its files), so imports resolve.
  const workspaces = new CliWorkspaces(args.paths, files.map((entry) => entry.path));
  const results: FileResult[] = [
    ...collected.problems.map((p): FileResult => ({ filePath: p.path, text: '', findings: [], fatal: p.message })),
    ...files.map((entry) => lintFile(entry, { fix: args.fix, overrides, configs, explicitConfig, workspaces })),
  ];
  for (const note of [...collected.notes, ...results.flatMap((r) => r.notes ?? [])]) io.err(`leonardo-lint: ${note}\n`);
  const shown = args.quiet ? results.map((r) => (Object.assign({}, r, { findings: r.findings.filter((f) => f.severity === 'error') }))) : results;

  if (args.format === 'json') io.out(formatJson(shown) + '\n');
  else if (args.format === 'sarif') io.out(formatSarif(shown, VERSION) + '\n');
  else io.out(formatStylish(shown, args.color));

  const errors = shown.reduce((n, r) => n + (r.fatal ? 1 : 0) + (r.writeError ? 1 : 0) + r.findings.filter((f) => f.severity === 'error').length, 0);
  // Warnings only, as the summary counts them: information findings are not warnings.
  const warnings = shown.reduce((n, r) => n + r.findings.filter((f) => f.severity === 'warning').length, 0);
  if (args.exitZero) return 0;
  if (errors > 0) return 1;
  if (args.maxWarnings !== undefined && warnings > args.maxWarnings) {
    io.err(`leonardo-lint found too many warnings (maximum: ${args.maxWarnings}).\n`);
    return 1;
  }
  return 0;
}

function listRules(io: CliIo): number {
  const width = Math.max(...allRules.map((r) => r.meta.id.length));
  for (const r of allRules) {
    io.out(`${r.meta.id.padEnd(width)}  ${r.meta.defaultSeverity.padEnd(11)}  ${r.meta.fixable ? 'fix' : '   '}  ${r.meta.description}\n`);
  }
  return 0;
}

function readStdin(): Promise<string> {
  return new Promise((resolve, reject) => {
    let data = '';
    process.stdin.setEncoding('utf8');
    process.stdin.on('data', (chunk: Buffer | string) => (data += chunk.toString()));
    process.stdin.on('end', () => resolve(data));
    process.stdin.on('error', reject);
  });
}

/**
 * A reader that stops reading (`leonardo-lint . | head -1`) is not an error of the run: the rest of
 * the output is dropped, the run finishes (fixes included) and exits with its own code.
 */
function quietOnClosedPipe(stream: NodeJS.WriteStream, state: { closed: boolean; failed: boolean }): void {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    state.closed = true;
    // Any other failure to write the report is a failure of the run (it may come after the run's end).
    if (error.code !== 'EPIPE') {
      state.failed = true;
      process.exitCode = 2;
    }
  });
}

/** Run with the process's own streams and set the exit code (bin/leonardo-lint.js calls this). */
export function main(): void {
  const out = { closed: false, failed: false };
  const err = { closed: false, failed: false };
  quietOnClosedPipe(process.stdout, out);
  quietOnClosedPipe(process.stderr, err);
  void runCli(process.argv.slice(2), {
    out: (t) => {
      if (!out.closed) process.stdout.write(t);
    },
    err: (t) => {
      if (!err.closed) process.stderr.write(t);
    },
    stdin: readStdin,
    isTty: Boolean(process.stdout.isTTY),
  }).then((code) => {
    process.exitCode = out.failed || err.failed ? 2 : code;
  });
}
