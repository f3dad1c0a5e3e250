// The ESLint plugin: the engine's rules as ESLint rules, one per rule id, so a team already running
// ESLint gets the same findings, messages and fixes as the CLI and the editor without another tool.
//
// ESLint hands each rule the file; the engine analyses a whole document at once, for all its rules.
// So the first of the plugin's rules to run on a file analyses it, and the others read the same
// result: it is kept in a WeakMap keyed by the file's SourceCode object (one per file and per fix
// pass), so it goes when ESLint drops the file. The engine reads only the text and the file name,
// never the parser's tree: the plugin works under any parser or language that hands ESLint the
// file's text (espree, @typescript-eslint/parser, @eslint/json, @eslint/markdown's languages).
//
// ESLint decides severity and on/off (its own config, `leonardo.configs.recommended` for the rules'
// default severities) and handles `// eslint-disable…` comments; the engine's own
// `leonardo-lint-disable…` comments keep working too, as in the CLI. Preferred fixes are ESLint fixes
// (`--fix`); the other fixes are suggestions (the editor's quick fixes).

import * as path from 'node:path';
import type { ESLint, Linter, Rule as EslintRule, SourceCode } from 'eslint';
import { analyze } from '../engine/analyze.js';
import { ConfigError, ConfigLoader } from '../engine/config/file.js';
import type { LintConfig } from '../engine/config/lint-config.js';
import { documentKindForPath } from '../engine/extract/index.js';
import { LineIndex } from '../engine/positions.js';
import { allRuleMetas } from '../engine/rules/index.js';
import type { DocumentKind, Finding, Fix, RuleMeta, Severity } from '../engine/types.js';

declare const LEONARDO_LINT_VERSION: string | undefined;
const VERSION = typeof LEONARDO_LINT_VERSION === 'string' ? LEONARDO_LINT_VERSION : '0.0.0-dev';

/** The prefix of the plugin's rules in an ESLint config: `leonardo/unknown-field`. */
export const PLUGIN_NAME = 'leonardo';

/**
 * The ESLint rules: the engine's rules, and the engine's report of its own unused
 * `leonardo-lint-disable` comments (a finding the CLI reports too, so it is a rule here).
 */
const RULE_METAS: readonly RuleMeta[] = allRuleMetas;

/**
 * ESLint's severity for each engine severity. ESLint has two levels: `information` (the one
 * advisory rule, content-moderation) is a warning, as in the CLI's JSON output, so the CLI, the API
 * and ESLint with the recommended config report the same findings at the same levels.
 */
const ESLINT_SEVERITY: Record<Severity, Linter.RuleSeverity> = { error: 'error', warning: 'warn', information: 'warn' };

interface FileAnalysis {
  /** The file's findings by rule id, in document order. */
  byRule: Map<string, Finding[]>;
  /** Offset -> ESLint's 1-based line, 0-based column. */
  locOf(offset: number): { line: number; column: number };
}

const analyses = new WeakMap<SourceCode, FileAnalysis>();
const configs = new ConfigLoader();
let analysisCount = 0;

/** How many files the plugin has analysed in this process (tests check it is one per file and fix pass). */
export function analysesRun(): number {
  return analysisCount;
}

/** The engine's config from `settings['leonardo-lint']`, by settings object and working folder. */
const fromSettingsCache = new WeakMap<object, Map<string, LintConfig>>();
/** The engine's config from the nearest config file, by the file's folder. */
const fromFileCache = new Map<string, LintConfig>();

/**
 * The engine's configuration for a file: `settings['leonardo-lint']` of the ESLint config when it is
 * there (its globs relative to ESLint's working folder, as the CLI's `--config` file's are to its
 * own), else the nearest `leonardo-lint.config.json`, read as the CLI reads it. Either way without
 * rule severities: in ESLint, ESLint's config turns rules on and off. Worked out once per settings
 * object (ESLint hands every file under one config the same one) or per folder, not per file.
 */
function engineConfig(context: EslintRule.RuleContext): LintConfig {
  const fromSettings = (context.settings as { 'leonardo-lint'?: LintConfig } | undefined)?.['leonardo-lint'];
  if (fromSettings) {
    let byCwd = fromSettingsCache.get(fromSettings);
    if (!byCwd) fromSettingsCache.set(fromSettings, (byCwd = new Map<string, LintConfig>()));
    let config = byCwd.get(context.cwd);
    if (!config) byCwd.set(context.cwd, (config = withoutSeverities({ baseDir: context.cwd, ...fromSettings })));
    return config;
  }
  if (!context.filename || context.filename.startsWith('<')) return {};
  const dir = path.dirname(path.resolve(context.filename));
  let config = fromFileCache.get(dir);
  if (!config) {
    try {
      config = withoutSeverities(configs.forFile(context.filename).config);
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      throw new Error(`leonardo-lint: ${error.message}`);
    }
    fromFileCache.set(dir, config);
  }
  return config;
}

function withoutSeverities(config: LintConfig): LintConfig {
  const { rules: _severities, ...rest } = config;
  return rest;
}

/** What the engine reads a file as: by its name, else as TS/JS (ESLint's own files; the TS reader reads JS too). */
function kindOf(filename: string, text: string): DocumentKind {
  return documentKindForPath(filename, text) ?? 'typescript';
}

function analysisFor(context: EslintRule.RuleContext): FileAnalysis {
  const sourceCode = context.sourceCode;
  const cached = analyses.get(sourceCode);
  if (cached) return cached;
  const filename = context.filename;
  // ESLint hands rules the text without its BOM, and its fix ranges index that text: the engine
  // analyses the same text, so its spans are ESLint's ranges.
  const text = sourceCode.text;
  const config = engineConfig(context);
  analysisCount++;
  const { findings } = analyze({ text, kind: kindOf(filename, text), path: filename }, { config });
  const byRule = new Map<string, Finding[]>();
  for (const f of findings) {
    const list = byRule.get(f.ruleId);
    if (list) list.push(f);
    else byRule.set(f.ruleId, [f]);
  }
  // ESLint's own line breaks for JS (it also breaks lines at U+2028/9) when the source code offers
  // them; the engine's otherwise (the same as the CLI's).
  const fromEslint = typeof sourceCode.getLocFromIndex === 'function' ? (i: number) => sourceCode.getLocFromIndex(i) : undefined;
  let lines: LineIndex | undefined;
  const locOf =
    fromEslint ??
    ((i: number) => {
      lines ??= new LineIndex(text);
      const p = lines.positionAt(i);
      return { line: p.line + 1, column: p.character };
    });
  const analysis: FileAnalysis = { byRule, locOf };
  analyses.set(sourceCode, analysis);
  return analysis;
}

function eslintFix(fix: Fix): EslintRule.ReportFixer {
  return (fixer) => fix.edits.map((e) => fixer.replaceTextRange([e.start, e.end], e.newText));
}

function eslintRule(meta: RuleMeta): EslintRule.RuleModule {
  const id = meta.id;
  return {
    meta: {
      type: meta.defaultSeverity === 'information' ? 'suggestion' : 'problem',
      docs: { description: meta.description, url: meta.docsUrl, recommended: true },
      ...(meta.fixable ? { fixable: 'code' as const, hasSuggestions: true } : {}),
      schema: [],
      // The engine writes each message (it names the field, the value and the fix): ESLint gets it whole.
      messages: { finding: '{{message}}', suggestion: '{{title}}' },
    },
    create(context) {
      const analysis = analysisFor(context);
      for (const finding of analysis.byRule.get(id) ?? []) {
        const preferred = meta.fixable ? finding.fixes.find((f) => f.preferred && f.edits.length > 0) : undefined;
        const others = meta.fixable ? finding.fixes.filter((f) => f !== preferred && f.edits.length > 0) : [];
        context.report({
          loc: { start: analysis.locOf(finding.span.start), end: analysis.locOf(finding.span.end) },
          messageId: 'finding',
          data: { message: finding.message },
          ...(preferred ? { fix: eslintFix(preferred) } : {}),
          ...(others.length > 0
            ? { suggest: others.map((f) => ({ messageId: 'suggestion', data: { title: f.title }, fix: eslintFix(f) })) }
            : {}),
        });
      }
      // Everything is reported from the text: no node of the parser's tree is visited.
      return {};
    },
  };
}

const rules: Record<string, EslintRule.RuleModule> = Object.fromEntries(RULE_METAS.map((m) => [m.id, eslintRule(m)]));

/** `leonardo.configs.recommended`: every rule at its default severity (see ESLINT_SEVERITY). */
const recommendedRules: Linter.RulesRecord = Object.fromEntries(
  RULE_METAS.map((m) => [`${PLUGIN_NAME}/${m.id}`, ESLINT_SEVERITY[m.defaultSeverity]]),
);

/** The ESLint plugin's shape. */
export interface LeonardoEslintPlugin extends ESLint.Plugin {
  meta: { name: string; version: string };
  /** One rule per Leonardo Lint rule id (`leonardo/unknown-field` in a config). */
  rules: Record<string, EslintRule.RuleModule>;
  configs: {
    /** Every rule at its default severity (error -> "error"; warning and information -> "warn"). */
    recommended: Linter.Config;
  };
}

export const plugin: LeonardoEslintPlugin = {
  meta: { name: 'leonardo-lint', version: VERSION },
  rules,
  configs: {} as { recommended: Linter.Config },
};
// The config refers to the plugin itself (flat config: `plugins: { leonardo: plugin }`).
plugin.configs.recommended = {
  name: 'leonardo-lint/recommended',
  plugins: { [PLUGIN_NAME]: plugin },
  rules: recommendedRules,
};

export default plugin;
