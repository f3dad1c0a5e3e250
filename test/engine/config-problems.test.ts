// leonardo-lint.config.json problems carry their place: every problem of the text with its range and
// 1-based line and column (the editor's diagnostics on the config file), and the error the CLI prints
// names the first one as `file:line:column`, never an offset.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConfigError, checkConfigText, parseConfig, type ConfigProblem } from '../../server/src/engine/config/file.js';

/** Each problem as `line:column text-of-its-range: message`, for readable assertions. */
function problems(text: string): string[] {
  return checkConfigText(text).problems.map((p: ConfigProblem) => `${p.line}:${p.column} ${text.slice(p.start, p.end)}: ${p.message}`);
}

describe('config file problems: where they are', () => {
  it('a valid config has none and is read', () => {
    const text = '{\n  // comments are allowed\n  "$schema": "x",\n  "rules": { "unknown-field": "off" },\n  "ignores": ["legacy/**"],\n  "maxFileSize": 1000,\n}\n';
    assert.deepEqual(checkConfigText(text), {
      config: { rules: { 'unknown-field': 'off' }, ignores: ['legacy/**'], maxFileSize: 1000 },
      problems: [],
    });
  });

  it('every problem of the file, each on its key or value', () => {
    const text = [
      '{',
      '  "rules": {',
      '    "unknown-field": "loud",',
      '    "unknwn-field": "off"',
      '  },',
      '  "ignore": ["legacy/**"],',
      '  "maxFileSize": -1',
      '}',
    ].join('\n');
    assert.deepEqual(problems(text), [
      '3:22 "loud": rule "unknown-field": severity must be one of off, information, warning, error, not "loud"',
      '4:5 "unknwn-field": "rules": "unknwn-field" is not a Leonardo Lint rule (nearest: "unknown-field")',
      '6:3 "ignore": unknown option "ignore": did you mean "ignores"?',
      '7:18 -1: "maxFileSize" must be a positive number of bytes',
    ]);
    assert.equal(checkConfigText(text).config, undefined, 'a config with a problem is not used');
  });

  it('an option unlike any says the options', () => {
    assert.deepEqual(problems('{ "zzz": 1 }'), ['1:3 "zzz": unknown option "zzz": use rules, requestFiles, ignores, maxFileSize, reportUnusedDisableDirectives']);
    const long = checkConfigText(`{ "${'q'.repeat(200)}": 1 }`).problems[0].message;
    assert.ok(long.length <= 130, long);
  });

  it('a JSON syntax error: the first one, in words, at its line and column', () => {
    assert.deepEqual(problems('{\n  "rules": {\n    "unknown-field": "off"\n    "invalid-enum": "off"\n  }\n}'), [
      '4:5 "invalid-enum": not valid JSON: a comma is expected here',
    ]);
    assert.deepEqual(problems('{\n  "rules": {\n'), ['3:1 : not valid JSON: a closing brace (}) is expected here']);
  });

  it('columns count from after a BOM as the editor shows them, and CRLF lines count once', () => {
    assert.deepEqual(problems('\uFEFF{ "maxFileSize": 0 }'), ['1:19 0: "maxFileSize" must be a positive number of bytes']);
    assert.deepEqual(problems('{\r\n  "rules": 3\r\n}'), ['2:12 3: "rules" must be an object']);
  });

  it('wrong types of values and a text that is not an object', () => {
    assert.deepEqual(problems('{ "rules": { "invalid-enum": 2 }, "reportUnusedDisableDirectives": "yes", "ignores": "a/**" }'), [
      '1:30 2: "rules.invalid-enum" must be a string',
      '1:68 "yes": "reportUnusedDisableDirectives" must be true or false',
      '1:86 "a/**": "ignores" must be an array of glob strings',
    ]);
    assert.deepEqual(problems('[]'), ['1:1 []: expected an object ({ "rules": { ... } })']);
  });
});

describe('ConfigError: the first problem as file:line:column', () => {
  it('names the place and how many more there are', () => {
    assert.throws(
      () => parseConfig('{\n  "rules": 3,\n  "x": 1\n}', '/p/leonardo-lint.config.json'),
      (e: unknown) => {
        assert.ok(e instanceof ConfigError);
        assert.equal(e.message, '/p/leonardo-lint.config.json:2:12: "rules" must be an object (and 1 more problem)');
        assert.equal(e.problems.length, 2);
        assert.doesNotMatch(e.message, /offset/);
        return true;
      },
    );
    assert.throws(() => parseConfig('{ "rules": ', 'c.json'), /^Error: c\.json:1:12: not valid JSON: a value is expected here$/);
  });
});
