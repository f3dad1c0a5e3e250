// Wrong-typed editor settings are not dropped silently: each is said once in the server's log (which
// setting, what was given, what is used instead), and a boolean written as a string is read as what it
// spells, never by truthiness. Unit checks of sanitizeSettings, then a real session over stdio.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DEFAULT_SETTINGS, type Settings } from '../../server/src/lsp/protocol.js';
import { sanitizeSettings } from '../../server/src/lsp/settings.js';
import { TestClient } from './support.js';

function sanitized(raw: unknown): { settings: Settings; said: string[] } {
  const said: string[] = [];
  return { settings: sanitizeSettings(raw, (m) => said.push(m)), said };
}

describe('sanitizeSettings: what it says about wrong-typed values', () => {
  it('says nothing about well-formed, missing or null settings', () => {
    const good = { enable: false, run: 'onSave', rules: { 'unknown-field': 'warning' }, requestFiles: { 'r/*.json': 'POST /generations' }, maxFileSize: 1000 };
    assert.deepEqual(sanitized(good).said, []);
    assert.deepEqual(sanitized({}).said, []);
    assert.deepEqual(sanitized(undefined).said, []);
    assert.deepEqual(sanitized(null).said, []);
    assert.deepEqual(sanitized({ maxFileSize: null, rules: null }).said, []);
  });

  it('enable: "false" is read as false, never as a truthy string; other strings give the default', () => {
    assert.deepEqual(sanitized({ enable: 'false' }), {
      settings: { ...DEFAULT_SETTINGS, enable: false },
      said: ['Setting leonardoLint.enable is the string "false", not a boolean; read as false. Write it without quotes.'],
    });
    assert.equal(sanitized({ enable: ' TRUE ' }).settings.enable, true);
    assert.deepEqual(sanitized({ enable: 'no' }), {
      settings: DEFAULT_SETTINGS,
      said: ['Setting leonardoLint.enable is the string "no", not true or false; the default, true, is used.'],
    });
    assert.deepEqual(sanitized({ enable: 0 }).said, ['Setting leonardoLint.enable is the number 0, not true or false; the default, true, is used.']);
  });

  it('rules: "off" and severities that are not one', () => {
    assert.deepEqual(sanitized({ rules: 'off' }), {
      settings: DEFAULT_SETTINGS,
      said: ['Setting leonardoLint.rules is the string "off", not an object; it is not used.'],
    });
    const { settings, said } = sanitized({ rules: { 'unknown-field': 'warn', 'invalid-enum': 'Warning', 'out-of-range': 2, 'type-mismatch': 'off' } });
    assert.deepEqual(settings.rules, { 'invalid-enum': 'warning', 'type-mismatch': 'off' });
    assert.deepEqual(said, [
      'Setting leonardoLint.rules["unknown-field"] is the string "warn", not one of off, information, warning, error; the config file\'s or the default severity is used.',
      'Setting leonardoLint.rules["invalid-enum"] is the string "Warning"; read as "warning".',
      'Setting leonardoLint.rules["out-of-range"] is the number 2, not one of off, information, warning, error; the config file\'s or the default severity is used.',
    ]);
  });

  it('maxFileSize: -1, run: 5, requestFiles: [] and a section that is not an object', () => {
    assert.deepEqual(sanitized({ maxFileSize: -1 }).said, [
      "Setting leonardoLint.maxFileSize is the number -1, not a positive number; the config file's maxFileSize (or 2 MB) is used.",
    ]);
    assert.equal(sanitized({ maxFileSize: '2000000' }).settings.maxFileSize, null);
    assert.deepEqual(sanitized({ run: 5 }), { settings: DEFAULT_SETTINGS, said: ['Setting leonardoLint.run is the number 5, not "onType" or "onSave"; the default, "onType", is used.'] });
    assert.deepEqual(sanitized({ run: 'onsave' }), { settings: { ...DEFAULT_SETTINGS, run: 'onSave' }, said: ['Setting leonardoLint.run is the string "onsave"; read as "onSave", its spelling.'] });
    assert.deepEqual(sanitized({ requestFiles: [] }).said, ['Setting leonardoLint.requestFiles is the array [], not an object; it is not used.']);
    assert.deepEqual(sanitized({ requestFiles: { 'a/*.json': 5 } }).said, [
      'Setting leonardoLint.requestFiles["a/*.json"] is the number 5, not an endpoint such as "POST /generations"; the glob is not used.',
    ]);
    assert.deepEqual(sanitized('on').said, ['Setting leonardoLint is the string "on", not an object of settings; the defaults are used.']);
  });

  it('a long value is shortened in the message', () => {
    const [line] = sanitized({ run: 'x'.repeat(5000) }).said;
    assert.ok(line.length < 200, line);
  });
});

describe('wrong-typed settings in a session', { timeout: 30_000 }, () => {
  let client: TestClient;
  const URL = 'https://cloud.leonardo.ai/api/rest/v1/generations';
  const CODE = `await fetch("${URL}", { method: "POST", headers: { authorization: "Bearer " + process.env.LEONARDO_API_KEY }, body: JSON.stringify({ prompt: "a fox", wid: 512 }) });\n`;
  const settingLines = () => client.logs.filter((l) => l.startsWith('Setting leonardoLint'));

  before(async () => {
    client = await TestClient.start({ pull: true });
  });

  after(async () => {
    assert.equal(await client.stop(), 0);
  });

  it('each is said once in the log, for however many documents read it; enable: "false" disables', async () => {
    client.settings.set('*', { enable: 'false', rules: 'off', maxFileSize: -1, run: 5, requestFiles: [] } as unknown as Partial<Settings>);
    await client.configurationChanged();
    for (const name of ['a.ts', 'b.ts', 'c.ts']) {
      await client.open(`file:///w/${name}`, 'typescript', CODE);
      assert.deepEqual(await client.pull(`file:///w/${name}`), []);
    }
    assert.deepEqual(settingLines().sort(), [
      'Setting leonardoLint.enable is the string "false", not a boolean; read as false. Write it without quotes.',
      "Setting leonardoLint.maxFileSize is the number -1, not a positive number; the config file's maxFileSize (or 2 MB) is used.",
      'Setting leonardoLint.requestFiles is the array [], not an object; it is not used.',
      'Setting leonardoLint.rules is the string "off", not an object; it is not used.',
      'Setting leonardoLint.run is the number 5, not "onType" or "onSave"; the default, "onType", is used.',
    ]);
  });

  it('fixed settings are read without a word, and the document is linted again', async () => {
    const before = settingLines().length;
    client.settings.set('*', { enable: true });
    await client.configurationChanged();
    assert.deepEqual((await client.pull('file:///w/a.ts')).map((d) => d.code), ['unknown-field']);
    assert.equal(settingLines().length, before);
  });
});
