// Every rule is registered once, has a public id from the catalogue (RULES.md), a docs page and tests.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { allRules } from '../../server/src/engine/rules/index.js';
import { ruleDocsUrl } from '../../server/src/engine/rule-docs.js';

/** The public rule ids of RULES.md. A rule id is an interface: never renamed. */
const CATALOGUE_IDS = [
  'unknown-field', 'type-mismatch', 'invalid-enum', 'out-of-range', 'invalid-dimensions', 'too-many-images',
  'missing-required', 'invalid-id', 'option-conflict', 'ineffective-option', 'deprecated-field', 'duplicate-field',
  'unknown-endpoint', 'invalid-json', 'auth-header', 'hardcoded-api-key', 'client-exposed-api-key',
  'presigned-upload-auth', 'direct-file-upload', 'presigned-upload-response', 'unchecked-generation-status',
  'wrong-id-kind', 'unknown-response-field', 'content-moderation',
];

test('rule ids are unique and come from the catalogue', () => {
  const ids = allRules.map((r) => r.meta.id);
  assert.equal(new Set(ids).size, ids.length, 'duplicate rule id');
  for (const id of ids) assert.ok(CATALOGUE_IDS.includes(id), `${id} is not a catalogue rule id`);
});

test('every rule has a rules/<id>.ts file, a docs page, a test file and a docs link', () => {
  for (const { meta } of allRules) {
    assert.ok(fs.existsSync(`server/src/engine/rules/${meta.id}.ts`), `server/src/engine/rules/${meta.id}.ts`);
    assert.ok(fs.existsSync(`docs/rules/${meta.id}.md`), `docs/rules/${meta.id}.md`);
    assert.ok(fs.existsSync(`test/rules/${meta.id}.test.ts`), `test/rules/${meta.id}.test.ts`);
    assert.equal(meta.docsUrl, ruleDocsUrl(meta.id));
    assert.ok(meta.description.length > 10, `${meta.id} needs a description`);
  }
});

test('every rule file in the rules folder is registered', () => {
  const files = fs.readdirSync('server/src/engine/rules').filter((f) => f.endsWith('.ts') && f !== 'index.ts');
  const ids = new Set(allRules.map((r) => r.meta.id));
  for (const f of files) assert.ok(ids.has(f.replace(/\.ts$/, '')), `${f} is not in rules/index.ts`);
});

test('every docs page starts with its rule id as the title', () => {
  for (const { meta } of allRules) {
    const first = fs.readFileSync(`docs/rules/${meta.id}.md`, 'utf8').split('\n')[0];
    assert.equal(first, `# ${meta.id}`);
  }
});

test('every rule test states its cases through the rule test harness', () => {
  for (const { meta } of allRules) {
    const source = fs.readFileSync(`test/rules/${meta.id}.test.ts`, 'utf8');
    assert.ok(source.includes(`ruleTester.run('${meta.id}'`), `test/rules/${meta.id}.test.ts: use ruleTester.run('${meta.id}', …)`);
  }
  for (const file of fs.readdirSync('test/rules').filter((f) => f.endsWith('.test.ts'))) {
    const source = fs.readFileSync(`test/rules/${file}`, 'utf8');
    assert.doesNotMatch(source, /helpers\/lint\.js/, `${file}: state findings and fixes through the harness, not lint()/fixed()`);
  }
});
