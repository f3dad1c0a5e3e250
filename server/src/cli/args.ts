// Command-line arguments of `leonardo-lint`, parsed with node:util (no dependency needed).

import { parseArgs } from 'node:util';
import { unknownRuleProblem } from '../engine/config/lint-config.js';
import type { SeveritySetting } from '../engine/types.js';

export type FormatName = 'stylish' | 'json' | 'sarif';

export interface LintArgs {
  paths: string[];
  format: FormatName;
  fix: boolean;
  quiet: boolean;
  rules: Record<string, SeveritySetting>;
  configFile?: string;
  reportUnusedDisableDirectives?: boolean;
  maxWarnings?: number;
  /** Exit 0 even when errors are found (usage and internal failures still exit 2). */
  exitZero: boolean;
  color: boolean;
}

export class UsageError extends Error {}

const FORMATS: readonly FormatName[] = ['stylish', 'json', 'sarif'];
const SEVERITIES: readonly SeveritySetting[] = ['off', 'information', 'warning', 'error'];

export const HELP = `Usage: leonardo-lint [options] <paths...>
       leonardo-lint explain '<error JSON or message>' | -
       leonardo-lint rules

Lints Leonardo.Ai REST API requests in TypeScript/JavaScript, JSON request files, curl commands
(shell scripts, Markdown) and .http files. Directories are walked; node_modules and .git are skipped.

Options:
  -f, --format <name>        stylish (default), json (ESLint's JSON shape) or sarif
      --fix                  apply the preferred fixes in place
      --rule <id>:<severity> set a rule's severity (off, information, warning, error); repeatable
  -q, --quiet                report errors only
  -c, --config <file>        use this config file instead of the nearest leonardo-lint.config.json
      --no-unused-directives do not report suppression comments that suppress nothing
      --max-warnings <n>     exit 1 when there are more than n warnings (information findings do not count)
      --exit-zero            exit 0 even when errors are found (for reports)
      --no-color             plain output
  -v, --version              print the version
  -h, --help                 print this help

Exit codes: 0 no errors, 1 errors found, 2 bad usage or an internal failure.`;

export function parseLintArgs(argv: string[], isTty: boolean): LintArgs | 'help' | 'version' {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        format: { type: 'string', short: 'f' },
        fix: { type: 'boolean' },
        rule: { type: 'string', multiple: true },
        quiet: { type: 'boolean', short: 'q' },
        config: { type: 'string', short: 'c' },
        'no-unused-directives': { type: 'boolean' },
        'max-warnings': { type: 'string' },
        'exit-zero': { type: 'boolean' },
        'no-color': { type: 'boolean' },
        color: { type: 'boolean' },
        version: { type: 'boolean', short: 'v' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) return 'help';
  if (values.version) return 'version';
  const format = (values.format ?? 'stylish') as FormatName;
  if (!FORMATS.includes(format)) throw new UsageError(`unknown format "${values.format}" (expected ${FORMATS.join(', ')})`);
  if (positionals.length === 0) throw new UsageError('no paths given: name the files or folders to lint');
  const rules: Record<string, SeveritySetting> = {};
  for (const spec of values.rule ?? []) {
    const m = /^([a-z0-9-]+):([a-z]+)$/.exec(spec);
    if (!m || !SEVERITIES.includes(m[2] as SeveritySetting)) {
      throw new UsageError(`--rule expects <rule-id>:<${SEVERITIES.join('|')}>, got "${spec}"`);
    }
    const unknown = unknownRuleProblem(m[1]);
    if (unknown) throw new UsageError(`--rule: ${unknown}`);
    rules[m[1]] = m[2] as SeveritySetting;
  }
  let maxWarnings: number | undefined;
  if (values['max-warnings'] !== undefined) {
    maxWarnings = Number(values['max-warnings']);
    if (!Number.isInteger(maxWarnings) || maxWarnings < 0) throw new UsageError('--max-warnings expects a whole number');
  }
  return {
    paths: positionals,
    format,
    fix: values.fix ?? false,
    quiet: values.quiet ?? false,
    rules,
    configFile: values.config,
    reportUnusedDisableDirectives: values['no-unused-directives'] ? false : undefined,
    maxWarnings,
    exitZero: values['exit-zero'] ?? false,
    color: values.color ?? (!values['no-color'] && isTty && !process.env.NO_COLOR),
  };
}
