// The curl JSON injection grammar is wired into the extension: contributed in package.json with the
// scopes it injects into, shipped in the VSIX, and consistent with itself. (Its highlighting is tested
// by `npm run test:grammar` with vscode-tmgrammar-test.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';

const GRAMMAR = 'syntaxes/curl-json.injection.tmLanguage.json';

interface Contribution {
  scopeName: string;
  path: string;
  injectTo?: string[];
  embeddedLanguages?: Record<string, string>;
}

const manifest = JSON.parse(fs.readFileSync('package.json', 'utf8')) as {
  contributes: { grammars?: Contribution[] };
  scripts: Record<string, string>;
};
const grammar = JSON.parse(fs.readFileSync(GRAMMAR, 'utf8')) as {
  scopeName: string;
  injectionSelector: string;
  repository: Record<string, { contentName?: string }>;
};

test('package.json contributes the injection into shell scripts and Markdown', () => {
  const entry = manifest.contributes.grammars?.find((g) => g.path === `./${GRAMMAR}`);
  assert.ok(entry, 'grammar not contributed');
  assert.equal(entry.scopeName, grammar.scopeName);
  assert.deepEqual(entry.injectTo, ['source.shell', 'text.html.markdown']);
  const embedded = Object.keys(entry.embeddedLanguages ?? {});
  for (const rule of Object.values(grammar.repository)) assert.ok(embedded.includes(rule.contentName!), rule.contentName);
});

test('the selector covers shell files and Markdown shell blocks, never strings or comments', () => {
  const parts = grammar.injectionSelector.split(',').map((s) => s.trim());
  assert.deepEqual(parts, ['L:source.shell -comment -string', 'L:meta.embedded.block.shellscript -comment -string']);
});

test('the grammar ships in the VSIX and its tests run with npm test', () => {
  const ignore = fs.readFileSync('.vscodeignore', 'utf8').split(/\r?\n/);
  assert.ok(ignore.includes(`!${GRAMMAR}`));
  assert.match(manifest.scripts.test, /npm run test:grammar/);
  assert.match(manifest.scripts['test:grammar'], /vscode-tmgrammar-test/);
});

test('.http files are highlighted: a grammar and comment settings for the http language, shipped in the VSIX', () => {
  const http = JSON.parse(fs.readFileSync('syntaxes/http.tmLanguage.json', 'utf8')) as { scopeName: string };
  const entry = manifest.contributes.grammars?.find((g) => g.path === './syntaxes/http.tmLanguage.json') as Contribution & { language?: string };
  assert.ok(entry, 'http grammar not contributed');
  assert.equal(entry.language, 'http');
  assert.equal(entry.scopeName, http.scopeName);
  assert.deepEqual(entry.embeddedLanguages, { 'meta.embedded.block.json.http': 'json' });
  const languages = (manifest.contributes as { languages?: Array<{ id: string; configuration?: string }> }).languages ?? [];
  assert.equal(languages.find((l) => l.id === 'http')?.configuration, './language-configuration/http.json');
  const ignore = fs.readFileSync('.vscodeignore', 'utf8').split(/\r?\n/);
  assert.ok(ignore.includes('!syntaxes/http.tmLanguage.json'));
  assert.ok(ignore.includes('!language-configuration/http.json'));
  assert.match(manifest.scripts['test:grammar'], /-g syntaxes\/http\.tmLanguage\.json .*"test\/grammar\/\*\.test\.http"/);
});
