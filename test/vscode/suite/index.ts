// The e2e scenarios as in-editor tests: loaded by VS Code's extension host (`extensionTestsPath`), they
// drive the extension through the `vscode` API on the fixture workspace that test/vscode/run.ts opens.
// Each scenario's result goes to results.json beside the bundled suite; run() rejects on a failure.

import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import {
  AFTER_FIX_ALL_PROBLEMS,
  FIXED_JSON_TEXT,
  JSON_FILE,
  JSON_PROBLEMS,
  TS_FILE,
  TS_PROBLEMS,
  WIDTH_HOVER,
  type ExpectedProblem,
} from '../../e2e/fixtures/expected.js';
import { runScenario, type ScenarioResult } from '../../e2e/support.js';
import { RESULTS_FILE } from './results.js';

const TIMEOUT_MS = 30_000;
const SOURCE = 'leonardo-lint';

function workspaceUri(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('VS Code opened no workspace folder');
  return vscode.Uri.joinPath(folder.uri, name);
}

function ruleIdOf(diagnostic: vscode.Diagnostic): string {
  const code = diagnostic.code;
  return String(typeof code === 'object' && code !== null ? code.value : code);
}

function ours(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE);
}

/** Resolves when `check()` holds, re-checking whenever diagnostics change; rejects after the timeout. */
function waitForDiagnostics(what: string, uri: vscode.Uri, check: (d: vscode.Diagnostic[]) => boolean): Promise<void> {
  return new Promise((resolve, reject) => {
    const done = (error?: Error) => {
      clearTimeout(timer);
      listener.dispose();
      if (error) reject(error);
      else resolve();
    };
    const listener = vscode.languages.onDidChangeDiagnostics(() => {
      if (check(ours(uri))) done();
    });
    const timer = setTimeout(() => {
      const now = ours(uri).map((d) => `${ruleIdOf(d)}: ${d.message}`);
      done(new Error(`timed out waiting for ${what}; diagnostics now: ${now.join(' | ') || 'none'}`));
    }, TIMEOUT_MS);
    if (check(ours(uri))) done();
  });
}

function matches(diagnostics: vscode.Diagnostic[], problems: readonly ExpectedProblem[]): boolean {
  return (
    diagnostics.length === problems.length &&
    problems.every((p) => diagnostics.some((d) => ruleIdOf(d) === p.ruleId && d.message.includes(p.text)))
  );
}

async function openEditor(name: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(workspaceUri(name));
  return vscode.window.showTextDocument(document);
}

function positionOf(document: vscode.TextDocument, needle: string): vscode.Position {
  const offset = document.getText().indexOf(needle);
  if (offset < 0) throw new Error(`${needle} is not in ${path.basename(document.fileName)}`);
  return document.positionAt(offset);
}

function hoverText(hovers: vscode.Hover[]): string {
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : c.value))
    .join('\n');
}

const jsonUri = () => workspaceUri(JSON_FILE);
const tsUri = () => workspaceUri(TS_FILE);

const scenarios: Array<[string, () => Promise<void>]> = [
  [
    'vscode-api: diagnostics in a JSON request file',
    async () => {
      await openEditor(JSON_FILE);
      await waitForDiagnostics('the JSON fixture problems', jsonUri(), (d) => matches(d, JSON_PROBLEMS));
    },
  ],
  [
    'vscode-api: hover on a request field shows its documentation',
    async () => {
      const { document } = await openEditor(JSON_FILE);
      const position = positionOf(document, 'width').translate(0, 1);
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, position);
      const text = hoverText(hovers).toLowerCase();
      const missing = WIDTH_HOVER.filter((word) => !text.includes(word));
      if (missing.length > 0) throw new Error(`the hover does not mention ${missing.join(', ')}: ${text}`);
    },
  ],
  [
    'vscode-api: the preferred quick fix renames sd_Version and its diagnostic goes',
    async () => {
      const { document } = await openEditor(JSON_FILE);
      const diagnostic = ours(document.uri).find((d) => ruleIdOf(d) === 'unknown-field');
      if (!diagnostic) throw new Error('no unknown-field diagnostic');
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
        'vscode.executeCodeActionProvider',
        document.uri,
        diagnostic.range,
        vscode.CodeActionKind.QuickFix.value,
      );
      const preferred = actions.find((a) => a.isPreferred && a.edit);
      if (!preferred?.edit) throw new Error(`no preferred quick fix among: ${actions.map((a) => a.title).join(', ')}`);
      if (!(await vscode.workspace.applyEdit(preferred.edit))) throw new Error('VS Code refused the edit');
      if (!document.getText().includes('"sd_version"')) throw new Error(`the text did not change: ${JSON.stringify(document.getText())}`);
      const rest = JSON_PROBLEMS.filter((p) => p.ruleId !== 'unknown-field');
      await waitForDiagnostics('unknown-field to go', document.uri, (d) => matches(d, rest));
    },
  ],
  [
    'vscode-api: source.fixAll.leonardoLint on save fixes the rest',
    async () => {
      const { document } = await openEditor(JSON_FILE);
      await vscode.commands.executeCommand('workbench.action.files.save');
      if (document.isDirty) throw new Error('the document is still dirty after the save');
      if (document.getText() !== FIXED_JSON_TEXT) throw new Error(`the saved text is not the fixed request: ${JSON.stringify(document.getText())}`);
      await waitForDiagnostics('only the problems without a certain fix', document.uri, (d) => matches(d, AFTER_FIX_ALL_PROBLEMS));
    },
  ],
  [
    'vscode-api: diagnostics in a TypeScript fetch call',
    async () => {
      await openEditor(TS_FILE);
      await waitForDiagnostics('the TypeScript fixture problems', tsUri(), (d) => matches(d, TS_PROBLEMS));
    },
  ],
  [
    'vscode-api: rule documentation opens offline, from the shipped pages',
    async () => {
      const diagnostic = ours(tsUri()).find((d) => ruleIdOf(d) === 'unknown-field');
      const code = diagnostic?.code;
      if (typeof code !== 'object' || code === null) throw new Error('the unknown-field diagnostic has no rule link');
      if (code.target.scheme !== 'file' || !code.target.path.endsWith('/docs/rules/unknown-field.md')) {
        throw new Error(`the rule link is not the shipped page: ${code.target.toString()}`);
      }
      await vscode.workspace.fs.stat(code.target);
      const preview = () =>
        vscode.window.tabGroups.all
          .flatMap((g) => g.tabs)
          .find((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.includes('markdown.preview'));
      const opened = (): Promise<vscode.Tab> => new Promise<vscode.Tab>((resolve, reject) => {
        const timer = setTimeout(() => {
          listener.dispose();
          const tabs = vscode.window.tabGroups.all.flatMap((g) => g.tabs).map((t) => t.label);
          reject(new Error(`no Markdown preview tab opened; tabs: ${tabs.join(', ')}`));
        }, TIMEOUT_MS);
        const listener = vscode.window.tabGroups.onDidChangeTabs(() => {
          const tab = preview();
          if (!tab) return;
          clearTimeout(timer);
          listener.dispose();
          resolve(tab);
        });
      });
      await vscode.commands.executeCommand('leonardoLint.showDocumentation', 'unknown-field');
      const tab = preview() ?? (await opened());
      if (!/unknown-field/.test(tab.label)) throw new Error(`the preview is not the rule's page: ${tab.label}`);
    },
  ],
  [
    'vscode-api: leonardoLint.rules turns unknown-field off',
    async () => {
      if (!matches(ours(tsUri()), TS_PROBLEMS)) throw new Error('the TypeScript fixture problems are not there to begin with');
      const config = vscode.workspace.getConfiguration('leonardoLint', tsUri());
      await config.update('rules', { 'unknown-field': 'off' }, vscode.ConfigurationTarget.WorkspaceFolder);
      const rest = TS_PROBLEMS.filter((p) => p.ruleId !== 'unknown-field');
      await waitForDiagnostics('unknown-field to go', tsUri(), (d) => matches(d, rest));
    },
  ],
  [
    'vscode-api: a config file error is a diagnostic on the config file, at its place, cleared when fixed',
    async () => {
      // In a folder of its own, last: the other scenarios read the workspace's config.
      const uri = workspaceUri('config-check/leonardo-lint.config.json');
      await vscode.workspace.fs.writeFile(uri, Buffer.from('{\n  "rules": { "unknown-field": "loud" }\n}\n'));
      try {
        const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
        const loud = positionOf(editor.document, '"loud"');
        await waitForDiagnostics('the severity problem on "loud"', uri, (d) =>
          d.length === 1 && d[0].range.start.isEqual(loud) && d[0].severity === vscode.DiagnosticSeverity.Error && d[0].message.includes('severity must be one of'),
        );
        const edit = new vscode.WorkspaceEdit();
        edit.replace(uri, new vscode.Range(loud, loud.translate(0, '"loud"'.length)), '"warning"');
        if (!(await vscode.workspace.applyEdit(edit))) throw new Error('VS Code refused the edit');
        await waitForDiagnostics('the problem to clear as typed (unsaved)', uri, (d) => d.length === 0);
      } finally {
        await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
        await vscode.workspace.fs.delete(workspaceUri('config-check'), { recursive: true });
      }
    },
  ],
];

export async function run(): Promise<void> {
  const results: ScenarioResult[] = [];
  for (const [name, scenario] of scenarios) results.push(await runScenario(name, scenario));
  writeFileSync(path.join(__dirname, RESULTS_FILE), JSON.stringify(results, null, 2));
  const failed = results.filter((r) => !r.ok);
  if (failed.length > 0) throw new Error(`${failed.length} scenario(s) failed: ${failed.map((r) => r.name).join('; ')}`);
}
