// The configuration's JSON schemas (scripts/config-schema.ts): generated from the rule list, committed,
// contributed to VS Code, and doing their job in the JSON language service VS Code runs: completing
// rule ids and severities, and flagging an unknown rule id, option or severity.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { getLanguageService, TextDocument, type JSONSchema } from 'vscode-json-languageservice';
import { CONFIG_SCHEMA_FILE, configSchema, rulesSettingSchema } from '../../scripts/config-schema.js';
import { allRules } from '../../server/src/engine/rules/index.js';

const manifest = JSON.parse(fs.readFileSync('package.json', 'utf8'));
const committed = JSON.parse(fs.readFileSync(CONFIG_SCHEMA_FILE, 'utf8')) as JSONSchema;

test('the committed schemas are the generated ones (run npm run gen:schema after adding a rule)', () => {
  assert.deepEqual(committed, configSchema());
  assert.deepEqual(manifest.contributes.configuration.properties['leonardoLint.rules'], rulesSettingSchema());
  const ids = Object.keys(((committed.properties as Record<string, JSONSchema>).rules).properties!);
  for (const rule of allRules) assert.ok(ids.includes(rule.meta.id), rule.meta.id);
});

test('contributed for leonardo-lint.config.json and shipped in the VSIX', () => {
  assert.deepEqual(manifest.contributes.jsonValidation, [{ fileMatch: 'leonardo-lint.config.json', url: `./${CONFIG_SCHEMA_FILE}` }]);
  const ignore = fs.readFileSync('.vscodeignore', 'utf8').split(/\r?\n/);
  assert.ok(ignore.includes(`!${CONFIG_SCHEMA_FILE}`));
});

const SCHEMA_URI = 'leonardo-lint://schemas/config.json';

function service() {
  const ls = getLanguageService({ schemaRequestService: async () => JSON.stringify(committed) });
  ls.configure({ validate: true, schemas: [{ uri: SCHEMA_URI, fileMatch: ['leonardo-lint.config.json'] }] });
  return ls;
}

function documentOf(text: string) {
  return TextDocument.create('file:///project/leonardo-lint.config.json', 'json', 1, text);
}

test('the JSON language service flags an unknown rule id, an unknown option and a wrong severity', async () => {
  const ls = service();
  const text = '{\n  "rules": { "unknown-feild": "off", "type-mismatch": "warn" },\n  "maxFileSize": -5,\n  "ignore": []\n}\n';
  const doc = documentOf(text);
  const problems = await ls.doValidation(doc, ls.parseJSONDocument(doc));
  const at = (needle: string) => problems.filter((p) => doc.offsetAt(p.range.start) === text.indexOf(needle));
  assert.equal(at('"unknown-feild"').length, 1, 'unknown rule id');
  assert.equal(at('"warn"').length, 1, 'wrong severity');
  assert.equal(at('-5').length, 1, 'negative maxFileSize');
  assert.equal(at('"ignore"').length, 1, 'unknown option');
  assert.equal(problems.length, 4, JSON.stringify(problems.map((p) => p.message)));
});

test('a correct config has no problems', async () => {
  const ls = service();
  const doc = documentOf('{\n  "$schema": "./x.json",\n  "rules": { "content-moderation": "off" },\n  "requestFiles": { "requests/*.json": "POST /generations" },\n  "ignores": ["dist/**"],\n  "maxFileSize": 100000,\n  "reportUnusedDisableDirectives": false\n}\n');
  assert.deepEqual(await ls.doValidation(doc, ls.parseJSONDocument(doc)), []);
});

test('the JSON language service completes rule ids and severities', async () => {
  const ls = service();
  const idText = '{ "rules": { "" } }';
  const idDoc = documentOf(idText);
  const ids = await ls.doComplete(idDoc, idDoc.positionAt(idText.indexOf('""') + 1), ls.parseJSONDocument(idDoc));
  const labels = ids!.items.map((i) => i.label);
  for (const rule of allRules) assert.ok(labels.includes(rule.meta.id), `no completion for ${rule.meta.id}`);
  const sevText = '{ "rules": { "invalid-enum": "" } }';
  const sevDoc = documentOf(sevText);
  const severities = await ls.doComplete(sevDoc, sevDoc.positionAt(sevText.lastIndexOf('""') + 1), ls.parseJSONDocument(sevDoc));
  assert.deepEqual(severities!.items.map((i) => i.label).sort(), ['"error"', '"information"', '"off"', '"warning"']);
});
