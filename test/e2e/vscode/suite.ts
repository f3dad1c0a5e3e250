// The VS Code suite: the packaged extension in code-server, driven like a user through Chromium.
// Scenarios run in order on one workbench (the quick fix leaves the file dirty for fix-all on save).

import { copyFileSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import {
  AFTER_FIX_ALL_PROBLEMS,
  FIXED_JSON_TEXT,
  JSON_FILE,
  JSON_PROBLEMS,
  TS_FILE,
  TS_PROBLEMS,
  WIDTH_HOVER,
  type ExpectedProblem,
} from '../fixtures/expected.js';
import { copyFixtures, RESULTS_DIR, ROOT, runScenario, type ScenarioResult } from '../support.js';
import { keepLogs, startCodeServer, type CodeServer } from './code-server.js';
import { UI_TIMEOUT_MS, Workbench } from './workbench.js';

interface Context {
  workbench: Workbench;
  workspace: string;
}

type Scenario = [name: string, run: (ctx: Context) => Promise<void>];

/** The screenshots the README's tour shows, as docs/images/<file>; refreshed by LEONARDO_E2E_UPDATE_IMAGES=1. */
const TOUR_IMAGES: Record<string, string> = {
  'diagnostic-hover': 'diagnostic.png',
  'field-hover': 'hover.png',
  'quick-fix-menu': 'quick-fix.png',
  'typescript-diagnostics': 'typescript.png',
};

const scenarios: Scenario[] = [
  ['vscode: squiggles and Problems entries in a JSON request file', jsonDiagnostics],
  ['vscode: hover on a request field shows its documentation', fieldHover],
  ['vscode: the preferred quick fix (Ctrl+.) renames sd_Version and its diagnostic goes', quickFix],
  ['vscode: source.fixAll.leonardoLint on save fixes the rest', fixAllOnSave],
  ['vscode: squiggles and Problems entries in a TypeScript fetch call', tsDiagnostics],
  ['vscode: leonardoLint.rules turns unknown-field off', ruleTurnedOff],
];

export async function runVsCodeSuite(): Promise<ScenarioResult[]> {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const workspace = copyFixtures('vscode');
  const runDir = path.dirname(workspace);
  let server: CodeServer | undefined;
  let workbench: Workbench | undefined;
  const results: ScenarioResult[] = [];
  try {
    const started = await runScenario('vscode: code-server starts with the extension installed', async () => {
      server = await startCodeServer(runDir, workspace, path.join(RESULTS_DIR, 'code-server.log'));
      console.log(`  vscode: extension installed from ${server.installedFrom === 'vsix' ? 'the VSIX' : 'the built folder'}`);
      workbench = await Workbench.open(server.url, workspace, RESULTS_DIR);
    });
    results.push(started);
    if (!workbench) return results;
    const ctx: Context = { workbench, workspace };
    for (const [name, run] of scenarios) {
      const result = await runScenario(name, () => run(ctx));
      if (!result.ok) await workbench.screenshot(`FAILED-${slug(name)}`).catch(() => undefined);
      results.push(result);
    }
    if (process.env.LEONARDO_E2E_UPDATE_IMAGES === '1' && results.every((r) => r.ok)) updateTourImages(workbench);
    return results;
  } finally {
    await workbench?.close().catch(() => undefined);
    await server?.stop();
    keepLogs(runDir, path.join(RESULTS_DIR, 'vscode-logs'));
    rmSync(runDir, { recursive: true, force: true });
  }
}

async function expectProblems(workbench: Workbench, problems: readonly ExpectedProblem[]): Promise<void> {
  await workbench.showProblems();
  for (const problem of problems) {
    try {
      await workbench.problem(problem.text, problem.ruleId).waitFor();
    } catch (error) {
      const rows = await workbench.problemTexts();
      throw new Error(`no Problems entry "${problem.text}" (${problem.ruleId}); rows: ${rows.join(' | ')}`, { cause: error });
    }
  }
}

async function jsonDiagnostics({ workbench }: Context): Promise<void> {
  await workbench.openFile(JSON_FILE);
  await workbench.waitForSquiggles(JSON_PROBLEMS.length);
  await expectProblems(workbench, JSON_PROBLEMS);
  await workbench.screenshot('diagnostics-problems');
  // The message as a hover on the squiggle, with its rule id (the README's diagnostic picture).
  await workbench.hover('"sd_Version"', 'unknown-field');
  await workbench.screenshot('diagnostic-hover');
  await workbench.dismissHover();
}

async function fieldHover({ workbench }: Context): Promise<void> {
  const hover = await workbench.hover('"width"', WIDTH_HOVER[0]);
  const text = await hover.innerText();
  for (const word of WIDTH_HOVER) {
    if (!text.toLowerCase().includes(word)) throw new Error(`the hover does not mention "${word}": ${text}`);
  }
  await workbench.screenshot('field-hover');
  await workbench.dismissHover();
}

async function quickFix({ workbench }: Context): Promise<void> {
  await workbench.token('"sd_Version"').click();
  // The lightbulb VS Code shows when a preferred fix is available ("autofix"), then the menu from Ctrl+.
  await workbench.page.locator('.lightBulbWidget.codicon-lightbulb-autofix').waitFor();
  await workbench.page.keyboard.press('Control+.');
  await workbench.page.locator('.action-widget .monaco-list-row.focused', { hasText: 'sd_version' }).waitFor();
  await workbench.screenshot('quick-fix-menu');
  await workbench.page.keyboard.press('Enter');
  await workbench.waitForEditorText({ contains: ['"sd_version"'], lacks: ['"sd_Version"'] });
  await workbench.problem('sd_Version', 'unknown-field').waitFor({ state: 'detached' });
  await workbench.waitForSquiggles(JSON_PROBLEMS.length - 1);
  await workbench.screenshot('quick-fix-applied');
}

async function fixAllOnSave({ workbench, workspace }: Context): Promise<void> {
  await workbench.editor().locator('.view-lines').click();
  await workbench.page.keyboard.press('Control+S');
  await workbench.waitForEditorText({ contains: ['"alchemy": true', '"presetStyle": "CINEMATIC"'], lacks: ['"alchemy": "true"'] });
  await workbench.page.locator('.tab.active:not(.dirty)', { hasText: JSON_FILE }).waitFor();
  const fixed = JSON_PROBLEMS.filter((p) => !AFTER_FIX_ALL_PROBLEMS.includes(p));
  for (const problem of fixed) await workbench.problem(problem.text, problem.ruleId).waitFor({ state: 'detached' });
  for (const problem of AFTER_FIX_ALL_PROBLEMS) await workbench.problem(problem.text, problem.ruleId).waitFor();
  await waitForFile(path.join(workspace, JSON_FILE), FIXED_JSON_TEXT);
  await workbench.screenshot('fix-all-on-save');
}

async function tsDiagnostics({ workbench }: Context): Promise<void> {
  await workbench.openFile(TS_FILE);
  await workbench.waitForSquiggles(TS_PROBLEMS.length);
  await expectProblems(workbench, TS_PROBLEMS);
  await workbench.screenshot('typescript-diagnostics');
}

async function ruleTurnedOff({ workbench, workspace }: Context): Promise<void> {
  const [unknownField, outOfRange] = TS_PROBLEMS;
  await workbench.problem(unknownField.text, unknownField.ruleId).waitFor();
  const settingsFile = path.join(workspace, '.vscode/settings.json');
  const settings = JSON.parse(readFileSync(settingsFile, 'utf8')) as Record<string, unknown>;
  settings['leonardoLint.rules'] = { 'unknown-field': 'off' };
  // Written whole and renamed into place, so VS Code never reads a half-written file.
  writeFileSync(`${settingsFile}.tmp`, JSON.stringify(settings, null, 2));
  renameSync(`${settingsFile}.tmp`, settingsFile);
  await workbench.problem(unknownField.text, unknownField.ruleId).waitFor({ state: 'detached' });
  await workbench.problem(outOfRange.text, outOfRange.ruleId).waitFor();
  await workbench.editor().locator('.squiggly-error').nth(1).waitFor({ state: 'detached' });
  await workbench.screenshot('rule-turned-off');
}

/** Waits until the file on disk holds `expected` (the tab shows saved before the remote write is flushed). */
async function waitForFile(file: string, expected: string): Promise<void> {
  const deadline = Date.now() + UI_TIMEOUT_MS;
  let text = '';
  while (Date.now() < deadline) {
    text = readFileSync(file, 'utf8');
    if (text === expected) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`the saved file is not the fixed request: ${JSON.stringify(text)}`);
}

function updateTourImages(workbench: Workbench): void {
  const dir = path.join(ROOT, 'docs/images');
  mkdirSync(dir, { recursive: true });
  for (const [shot, file] of Object.entries(TOUR_IMAGES)) {
    const from = workbench.screenshots.get(shot);
    if (!from) throw new Error(`no screenshot named ${shot} for docs/images/${file}`);
    copyFileSync(from, path.join(dir, file));
  }
  console.log(`  vscode: updated docs/images (${Object.values(TOUR_IMAGES).join(', ')})`);
}

function slug(name: string): string {
  return name
    .replace(/^vscode: /, '')
    .replace(/[^a-z0-9]+/gi, '-')
    .replace(/^-|-$/g, '')
    .toLowerCase()
    .slice(0, 60);
}
