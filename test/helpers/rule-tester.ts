// The rule test harness, in the spirit of ESLint's RuleTester: a rule's tests are cases, and every
// invalid case states everything the rule reports: each finding's message, where it sits, and every fix
// it offers with the document text after that fix and whether the fix is preferred (`fixes: []` when
// there is none). A case that leaves any of it unstated fails, as RuleTester fails a case without
// `output`: a fix nobody wrote down (or a preferredness nobody checked) is behaviour nobody tests.
// Every valid case states that the rule reports nothing. Both kinds also fail when any rule throws.
//
// Written here, not taken from ESLint: ESLint's RuleTester runs ESLint rules on an ESTree, while these
// rules run on the engine's request sites across seven source kinds and carry several fixes each.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import ts from 'typescript';
import { analyze } from '../../server/src/engine/analyze.js';
import { documentKindForPath } from '../../server/src/engine/extract/index.js';
import { allRules } from '../../server/src/engine/rules/index.js';
import type { DocumentKind, Finding, Fix, Rule } from '../../server/src/engine/types.js';
import { applyFix, type LintOptions } from './lint.js';
import { MAX_MESSAGE_LENGTH } from '../../server/src/engine/messages.js';

/** The document text after a fix: the whole text, or `edit(from, to)` of the case's code. */
export type Output = string | OutputEdit;

export interface OutputEdit {
  (code: string): string;
  /** For failure messages. */
  readonly shown: string;
}

export interface FixStatement {
  /** The fix's title as offered in the editor (exact text or a pattern); optional. */
  title?: string | RegExp;
  output: Output;
  preferred: boolean;
}

export interface FindingStatement {
  /** The exact message, or a pattern it must match. */
  message: string | RegExp;
  /** Where the finding sits: 1-based line and column (as the CLI prints) and the text it covers. */
  at: [line: number, column: number, text: string];
  /** Every fix offered, in order; `[]` states that there is none. */
  fixes: FixStatement[];
  severity?: Finding['severity'];
  endpoint?: string;
  apiError?: string;
}

interface CaseBase {
  /** The test's name (default: the code's first line). */
  name?: string;
  code: string;
  /** File name; decides the source kind (default `app.ts`): `.json`/`.jsonc` request files, `.sh`, `.md`, `.http`, `.postman_collection.json`. */
  path?: string;
  kind?: DocumentKind;
  config?: LintOptions['config'];
}

export type ValidCase = CaseBase;

export interface InvalidCase extends CaseBase {
  /** Every finding of the rule, in document order. */
  findings: FindingStatement[];
}

export interface RuleCases {
  valid: ValidCase[];
  invalid: InvalidCase[];
}

const CASE_KEYS = ['name', 'code', 'path', 'kind', 'config'];
const FINDING_KEYS = ['message', 'at', 'fixes', 'severity', 'endpoint', 'apiError'];
const FIX_KEYS = ['title', 'output', 'preferred'];

/**
 * `edit('10', '8')`: the case's code with its one occurrence of `from` replaced by `to`. Fails when
 * `from` occurs more than once (quote more context), so the stated output stays unambiguous.
 */
export function edit(from: string, to: string): OutputEdit {
  const apply = (code: string): string => {
    const at = code.indexOf(from);
    assert.ok(from !== '' && at >= 0, `edit(): ${quote(from)} is not in the code`);
    assert.equal(code.indexOf(from, at + 1), -1, `edit(): ${quote(from)} occurs more than once in the code; quote more of it`);
    return code.slice(0, at) + to + code.slice(at + from.length);
  };
  return Object.assign(apply, { shown: `edit(${quote(from)}, ${quote(to)})` });
}

/** Registers one test per case under `describe(ruleId)`. */
export function run(rule: string | Rule, cases: RuleCases): void {
  const target = resolveRule(rule);
  describe(target.meta.id, () => {
    assert.ok(cases.invalid.length > 0 && cases.valid.length > 0, `${target.meta.id}: state valid and invalid cases`);
    for (const c of cases.valid) test(`valid: ${caseName(c)}`, () => checkValid(target, c));
    for (const c of cases.invalid) {
      test(`invalid: ${caseName(c)}`, () => checkInvalid(target, c));
    }
  });
}

export const ruleTester = { run };

/** Asserts the rule reports nothing on the case and no rule throws. */
export function checkValid(rule: string | Rule, c: ValidCase): void {
  const target = resolveRule(rule);
  checkKeys(c, CASE_KEYS, 'a valid case');
  const findings = analyseCase(target, c);
  assert.equal(findings.length, 0, `${target.meta.id} reported on a valid case:\n${render(c.code, findings)}`);
}

/** Asserts the rule reports exactly the stated findings, each with exactly the stated fixes. */
export function checkInvalid(rule: string | Rule, c: InvalidCase): void {
  const target = resolveRule(rule);
  checkKeys(c, [...CASE_KEYS, 'findings'], 'an invalid case');
  assert.ok(Array.isArray(c.findings) && c.findings.length > 0, 'an invalid case must state its findings (`findings: [...]`, at least one)');
  c.findings.forEach((f, i) => checkFindingStatement(f, `finding ${i + 1}`));

  const findings = analyseCase(target, c);
  const actual = `\nreported:\n${render(c.code, findings)}`;
  assert.equal(findings.length, c.findings.length, `${target.meta.id} reported ${findings.length} findings, ${c.findings.length} stated${actual}`);
  const kind = caseKind(c);
  findings.forEach((finding, i) => {
    const stated = c.findings[i];
    const where = `finding ${i + 1}`;
    const [line, column] = lineColumn(c.code, finding.span.start);
    checkMessageForm(finding.message, `${where}: message`);
    if (typeof stated.message === 'string') assert.equal(finding.message, stated.message, `${where}: message${actual}`);
    else assert.match(finding.message, stated.message, `${where}: message${actual}`);
    assert.deepEqual([line, column, c.code.slice(finding.span.start, finding.span.end)], stated.at, `${where}: at [line, column, text]${actual}`);
    if (stated.severity !== undefined) assert.equal(finding.severity, stated.severity, `${where}: severity`);
    if (stated.endpoint !== undefined) assert.equal(finding.endpoint, stated.endpoint, `${where}: endpoint`);
    if (stated.apiError !== undefined) assert.equal(finding.apiError, stated.apiError, `${where}: apiError`);

    assert.equal(
      finding.fixes.length,
      stated.fixes.length,
      `${where} offers ${finding.fixes.length} fixes, ${stated.fixes.length} stated: state every fix's output and preferredness${actual}`,
    );
    assert.ok(finding.fixes.filter((f) => f.preferred).length <= 1, `${where}: more than one preferred fix`);
    finding.fixes.forEach((fix, j) => {
      const statedFix = stated.fixes[j];
      const fixWhere = `${where}, fix ${j + 1} (${fix.title})`;
      checkFixTitle(fix.title, fixWhere);
      if (typeof statedFix.title === 'string') assert.equal(fix.title, statedFix.title, `${fixWhere}: title`);
      else if (statedFix.title) assert.match(fix.title, statedFix.title, `${fixWhere}: title`);
      const output = applyFix(c.code, fix);
      const expected = typeof statedFix.output === 'string' ? statedFix.output : statedFix.output(c.code);
      assert.equal(output, expected, `${fixWhere}: output${actual}`);
      assert.equal(fix.preferred === true, statedFix.preferred, `${fixWhere}: preferred${actual}`);
      checkStillParses(c, kind, output, fixWhere);
    });
  });
}

/**
 * A message is one plain line for the Problems panel, where Markdown is not rendered: at most
 * MAX_MESSAGE_LENGTH characters, no backticks (code is quoted 'like this', string values "like this").
 */
export function checkMessageForm(message: string, where: string): void {
  assert.ok(message.length <= MAX_MESSAGE_LENGTH, `${where} has ${message.length} characters, over ${MAX_MESSAGE_LENGTH}: ${message}`);
  assert.ok(!message.includes('`'), `${where} has a backtick (quote code 'like this'): ${message}`);
  assert.ok(!/[\r\n]/.test(message), `${where} has a line break: ${message}`);
}

/** The longest fix title: a code action's title is one line of the lightbulb menu. */
export const MAX_FIX_TITLE_LENGTH = 80;

/**
 * A fix's title is plain text in the editor's lightbulb menu (and ESLint's suggestions): one line of at
 * most MAX_FIX_TITLE_LENGTH characters, names quoted 'like this' as messages quote them, no backticks.
 */
export function checkFixTitle(title: string, where: string): void {
  assert.ok(title.length > 0 && title.length <= MAX_FIX_TITLE_LENGTH, `${where}: a title of ${title.length} characters, over ${MAX_FIX_TITLE_LENGTH}: ${title}`);
  assert.ok(!title.includes('`'), `${where}: the title has a backtick (quote code 'like this'): ${title}`);
  assert.ok(!/[\r\n]/.test(title), `${where}: the title has a line break: ${title}`);
}

function checkFindingStatement(f: FindingStatement, where: string): void {
  checkKeys(f, FINDING_KEYS, where);
  assert.ok(typeof f.message === 'string' || f.message instanceof RegExp, `${where} must state its message (text or pattern)`);
  assert.ok(
    Array.isArray(f.at) && f.at.length === 3 && typeof f.at[0] === 'number' && typeof f.at[1] === 'number' && typeof f.at[2] === 'string',
    `${where} must state where it sits: \`at: [line, column, text]\``,
  );
  assert.ok(Array.isArray(f.fixes), `${where} must state its fixes (\`fixes: []\` when it has none)`);
  f.fixes.forEach((x, j) => {
    const fixWhere = `${where}, fix ${j + 1}`;
    checkKeys(x, FIX_KEYS, fixWhere);
    assert.ok(typeof x.output === 'string' || typeof x.output === 'function', `${fixWhere} must state its output (the document text after the fix)`);
    assert.equal(typeof x.preferred, 'boolean', `${fixWhere} must state whether it is preferred`);
  });
}

function checkKeys(object: object, allowed: readonly string[], where: string): void {
  assert.ok(object !== null && typeof object === 'object', `${where} must be an object`);
  for (const key of Object.keys(object)) assert.ok(allowed.includes(key), `${where}: unknown property \`${key}\` (allowed: ${allowed.join(', ')})`);
}

/** All rules run (as in the editor), so a rule that throws on the case fails it; the target's findings are returned. */
function analyseCase(target: Rule, c: CaseBase): Finding[] {
  assert.equal(typeof c.code, 'string', 'a case must state its code');
  return analyseText(target, c, c.code).filter((f) => f.ruleId === target.meta.id);
}

function analyseText(target: Rule, c: CaseBase, text: string): Finding[] {
  const errors: string[] = [];
  const rules = [...allRules.filter((r) => r.meta.id !== target.meta.id), target];
  const result = analyze(
    { text, kind: caseKind(c), path: c.path ?? 'app.ts' },
    { config: c.config, rules, onRuleError: (id, error) => errors.push(`${id}: ${error instanceof Error ? error.stack : String(error)}`) },
  );
  assert.deepEqual(errors, [], 'a rule threw');
  return result.findings;
}

/** A fix must not break the document: no new `invalid-json` finding, and no new TS/JS syntax error. */
function checkStillParses(c: CaseBase, kind: DocumentKind, output: string, where: string): void {
  const invalidJson = (text: string) => analyseText(resolveRule('invalid-json'), c, text).filter((f) => f.ruleId === 'invalid-json').length;
  assert.ok(invalidJson(output) <= invalidJson(c.code), `${where}: the fixed text has new invalid-json findings:\n${output}`);
  if (kind === 'typescript' || kind === 'javascript') {
    assert.ok(syntaxErrors(c, output) <= syntaxErrors(c, c.code), `${where}: the fixed text has new syntax errors:\n${output}`);
  }
}

function syntaxErrors(c: CaseBase, text: string): number {
  const fileName = c.path ?? 'app.ts';
  return ts.transpileModule(text, { fileName, reportDiagnostics: true, compilerOptions: { noEmit: true } }).diagnostics?.length ?? 0;
}

function caseKind(c: CaseBase): DocumentKind {
  return c.kind ?? documentKindForPath(c.path ?? 'app.ts', c.code) ?? 'typescript';
}

function resolveRule(rule: string | Rule): Rule {
  if (typeof rule !== 'string') return rule;
  const found = allRules.find((r) => r.meta.id === rule);
  assert.ok(found, `unknown rule ${rule}`);
  return found;
}

function caseName(c: CaseBase): string {
  return c.name ?? (c.code ?? '').split('\n').find((l) => l.trim() !== '')?.trim().slice(0, 80) ?? '(empty)';
}

/** 1-based line and UTF-16 column, as the CLI prints them. */
function lineColumn(text: string, offset: number): [number, number] {
  const before = text.slice(0, offset);
  const lineStart = before.lastIndexOf('\n') + 1;
  return [before.split('\n').length, offset - lineStart + 1];
}

// ---------------------------------------------------------------------------------------------
// What was reported, written as the statements a case would need: failures show it, so a new case
// starts from the engine's answer and a reviewer reads the difference.

export function render(code: string, findings: readonly Finding[]): string {
  if (findings.length === 0) return '(nothing)';
  return findings.map((f) => renderFinding(code, f)).join('\n');
}

function renderFinding(code: string, f: Finding): string {
  const [line, column] = lineColumn(code, f.span.start);
  const fixes = f.fixes.map((fix) => `{ title: ${quote(fix.title)}, output: ${renderOutput(code, fix)}, preferred: ${fix.preferred === true} }`);
  return [
    '{',
    `  message: ${quote(f.message)},`,
    `  at: [${line}, ${column}, ${quote(code.slice(f.span.start, f.span.end))}],`,
    fixes.length <= 1 ? `  fixes: [${fixes.join('')}],` : `  fixes: [\n${fixes.map((x) => `    ${x},`).join('\n')}\n  ],`,
    '},',
  ].join('\n');
}

/** `edit(from, to)` over the fix's edits, widened to word boundaries until `from` holds a word and is unique in the code. */
function renderOutput(code: string, fix: Fix): string {
  const output = applyFix(code, fix);
  let start = Math.min(...fix.edits.map((e) => e.start));
  let end = Math.max(...fix.edits.map((e) => e.end));
  const word = /\w/;
  for (;;) {
    while (start > 0 && word.test(code[start - 1]) && (start === end || word.test(code[start]))) start--;
    while (end < code.length && word.test(code[end]) && (start === end || word.test(code[end - 1]))) end++;
    const from = code.slice(start, end);
    if (word.test(from) && code.indexOf(from) === code.lastIndexOf(from)) break;
    if (start === 0 && end === code.length) return quote(output);
    if (start > 0) start--;
    if (end < code.length) end++;
  }
  return edit(code.slice(start, end), output.slice(start, output.length - (code.length - end))).shown;
}

function quote(text: string): string {
  // Double quotes for a text with single quotes in it (a message or title quoting 'names') and no double ones.
  const mark = text.includes("'") && !text.includes('"') ? '"' : "'";
  const escaped = text.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/\r/g, '\\r').replace(/\t/g, '\\t');
  return `${mark}${mark === "'" ? escaped.replace(/'/g, "\\'") : escaped}${mark}`;
}
