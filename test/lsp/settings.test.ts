import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { analyze } from '../../server/src/engine/analyze.js';
import { DEFAULT_SETTINGS, type Settings } from '../../server/src/lsp/protocol.js';
import { ConfigResolver, sanitizeSettings } from '../../server/src/lsp/settings.js';

describe('sanitizeSettings', () => {
  it('keeps well-formed values and drops the rest, value by value', () => {
    assert.deepEqual(
      sanitizeSettings({
        enable: false,
        run: 'onSave',
        rules: { 'unknown-field': 'warning', 'invalid-enum': 'loud', 'out-of-range': 3 },
        requestFiles: { 'requests/*.json': 'POST /generations', bad: 1 },
        maxFileSize: 1000,
        extra: true,
      }),
      { enable: false, run: 'onSave', rules: { 'unknown-field': 'warning' }, requestFiles: { 'requests/*.json': 'POST /generations' }, maxFileSize: 1000 },
    );
  });

  it('falls back to the defaults for a missing or malformed section', () => {
    assert.deepEqual(sanitizeSettings(null), DEFAULT_SETTINGS);
    assert.deepEqual(sanitizeSettings({ enable: 'yes', run: 'sometimes', rules: [], maxFileSize: -1 }), DEFAULT_SETTINGS);
  });
});

describe('ConfigResolver: the config file under the settings', () => {
  let root: string;
  const settings = (partial: Partial<Settings>): Settings => ({ ...DEFAULT_SETTINGS, ...partial });
  const uri = (...segments: string[]): string => pathToFileURL(path.join(root, ...segments)).href;
  const write = (relative: string, text: string): void => {
    fs.mkdirSync(path.dirname(path.join(root, relative)), { recursive: true });
    fs.writeFileSync(path.join(root, relative), text);
  };

  before(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'leonardo-lint-settings-'));
    // A monorepo: the config at the root, the workspace folder is `app`.
    write('leonardo-lint.config.json', '{ "rules": { "unknown-field": "warning", "invalid-enum": "off" } }');
    write('broken/leonardo-lint.config.json', '{ "rules": { "unknown-field": "loud" } }');
  });

  after(() => fs.rmSync(root, { recursive: true, force: true }));

  it('settings override the file rule by rule', () => {
    const resolver = new ConfigResolver();
    resolver.setWorkspaceFolders([uri('app')]);
    const { config, error } = resolver.resolve(uri('app', 'src', 'a.ts'), settings({ rules: { 'unknown-field': 'error' } }));
    assert.equal(error, undefined);
    assert.deepEqual(config.rules, { 'unknown-field': 'error', 'invalid-enum': 'off' });
    assert.equal(config.baseDir, root);
  });

  it('settings globs are relative to the workspace folder, and match as the engine reads them', () => {
    const resolver = new ConfigResolver();
    resolver.setWorkspaceFolders([uri('app')]);
    const file = path.join(root, 'app', 'requests', 'fox.json');
    const { config } = resolver.resolve(pathToFileURL(file).href, settings({ requestFiles: { 'requests/*.json': 'POST /generations', '*.body.json': 'POST /init-image' } }));
    assert.deepEqual(config.requestFiles, { 'app/requests/*.json': 'POST /generations', '*.body.json': 'POST /init-image' });
    const result = analyze({ text: '{ "prompt": "a fox" }', kind: 'json', path: file }, { config });
    assert.equal(result.requests[0]?.endpoint?.operationId, 'createGeneration');
  });

  it('without a config file the workspace folder is the base', () => {
    const resolver = new ConfigResolver();
    const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'leonardo-lint-nocfg-'));
    try {
      resolver.setWorkspaceFolders([pathToFileURL(outside).href]);
      const { config } = resolver.resolve(pathToFileURL(path.join(outside, 'a.json')).href, settings({ requestFiles: { 'r/*.json': 'POST /generations' } }));
      assert.deepEqual(config, { rules: {}, requestFiles: { 'r/*.json': 'POST /generations' }, baseDir: outside });
    } finally {
      fs.rmSync(outside, { recursive: true, force: true });
    }
  });

  it('reports a broken config file and lints with the settings alone', () => {
    const resolver = new ConfigResolver();
    const { config, error } = resolver.resolve(uri('broken', 'a.ts'), settings({ maxFileSize: 10 }));
    assert.match(error!, /rule "unknown-field": severity must be one of/);
    assert.equal(config.maxFileSize, 10);
  });

  it('gives a folder the same config until settings or config files change', () => {
    const resolver = new ConfigResolver();
    resolver.setWorkspaceFolders([uri('app')]);
    const typed = settings({ requestFiles: { 'requests/*.json': 'POST /generations' } });
    const first = resolver.resolve(uri('app', 'requests', 'a.json'), typed);
    assert.equal(resolver.resolve(uri('app', 'requests', 'b.json'), typed), first, 'another file of the folder, the same settings');
    assert.notEqual(resolver.resolve(uri('app', 'src', 'c.json'), typed), first, 'another folder');
    const changed = resolver.resolve(uri('app', 'requests', 'a.json'), settings({ requestFiles: {} }));
    assert.deepEqual(changed.config.requestFiles, {}, 'new settings');
    write('app/requests/leonardo-lint.config.json', '{ "rules": { "unknown-field": "off" } }');
    try {
      assert.equal(resolver.resolve(uri('app', 'requests', 'a.json'), typed), first, 'a config file is read again only after clear()');
      resolver.clear();
      assert.deepEqual(resolver.resolve(uri('app', 'requests', 'a.json'), typed).config.rules, { 'unknown-field': 'off' });
    } finally {
      fs.rmSync(path.join(root, 'app/requests/leonardo-lint.config.json'));
    }
  });

  it('untitled documents read the first workspace folder’s config', () => {
    const resolver = new ConfigResolver();
    resolver.setWorkspaceFolders([uri('app')]);
    assert.deepEqual(resolver.resolve('untitled:Untitled-1', DEFAULT_SETTINGS).config.rules, { 'unknown-field': 'warning', 'invalid-enum': 'off' });
  });
});
