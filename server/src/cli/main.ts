// `leonardo-lint`: the command-line face of the engine. Same analysis as the editor, for CI.

import * as fs from 'node:fs';
import { ConfigError, ConfigLoader, parseConfig } from '../engine/config/file.js';
import type { LintConfig } from '../engine/config/lint-config.js';
import { allRules } from '../engine/rules/index.js';
import { HELP, parseLintArgs, UsageError, type LintArgs } from './args.js';
import { collectFiles } from './files.js';
import { formatJson, formatSarif, formatStylish } from './format.js';
import { lintFile, type FileResult } from './lint-files.js';
import { runExplain } from './explain.js';

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
      io.err(`leonardo-lint: ${error.message}\n${error instanceof UsageError ? "Run 'leonardo-lint --help' for usage.\n" : ''}`);
      return 2;
    }
    io.err(`leonardo-lint: internal error: ${(error as Error).stack ?? String(error)}\n`);
    return 2;
  }
}

function lint(args: LintArgs, io: CliIo): number {
  const configs = new ConfigLoader();
  let explicitConfig: LintConfig | undefined;
  if (args.configFile) {
    let text: string;
    try {
      text = fs.readFileSync(args.configFile, 'utf8');
    } catch {
      throw new UsageError(`cannot read config file ${args.configFile}`);
    }
    explicitConfig = { ...parseConfig(text, args.configFile), baseDir: process.cwd() };
  }
  const { files, missing } = collectFiles(args.paths, configs);
  if (missing.length > 0) throw new UsageError(`no such file or folder: ${missing.join(', ')}`);
  const overrides: LintConfig = { rules: args.rules };
  if (args.reportUnusedDisableDirectives !== undefined) overrides.reportUnusedDisableDirectives = args.reportUnusedDisableDirectives;

  const results: FileResult[] = files.map((entry) => lintFile(entry, { fix: args.fix, overrides, configs, explicitConfig }));
  const shown = args.quiet ? results.map((r) => ({ ...r, findings: r.findings.filter((f) => f.severity === 'error') })) : results;

  if (args.format === 'json') io.out(formatJson(shown) + '\n');
  else if (args.format === 'sarif') io.out(formatSarif(shown, VERSION) + '\n');
  else io.out(formatStylish(shown, args.color));

  const errors = shown.reduce((n, r) => n + (r.fatal ? 1 : 0) + r.findings.filter((f) => f.severity === 'error').length, 0);
  const warnings = shown.reduce((n, r) => n + r.findings.filter((f) => f.severity !== 'error').length, 0);
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
    process.stdin.on('data', (chunk) => (data += chunk));
    process.stdin.on('end', () => resolve(data));
    process.stdin.on('error', reject);
  });
}

/** Run with the process's own streams and set the exit code (bin/leonardo-lint.js calls this). */
export function main(): void {
  void runCli(process.argv.slice(2), {
    out: (t) => process.stdout.write(t),
    err: (t) => process.stderr.write(t),
    stdin: readStdin,
    isTty: Boolean(process.stdout.isTTY),
  }).then((code) => {
    process.exitCode = code;
  });
}
