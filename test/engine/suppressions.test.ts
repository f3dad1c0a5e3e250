import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { LintConfig } from '../../server/src/engine/config/lint-config.js';
import {
  applySuppressions,
  disableFileEdit,
  disableLineEdit,
  parseDirectives,
} from '../../server/src/engine/suppressions.js';
import type { DocumentKind, Finding, RequestSite } from '../../server/src/engine/types.js';
import { applyEdits, lint } from '../helpers/lint.js';

/** A finding of `ruleId` on the `nth` occurrence (0-based) of `needle`. */
function at(code: string, needle: string, ruleId: string, nth = 0): Finding {
  let start = -1;
  for (let i = 0; i <= nth; i++) start = code.indexOf(needle, start + 1);
  assert.ok(start >= 0, `${needle} not in code`);
  return { ruleId, severity: 'error', message: ruleId, span: { start, end: start + needle.length }, fixes: [] };
}

const RAN = ['type-mismatch', 'unknown-field', 'invalid-enum'];

/** Rows `ruleId@text` of the findings left, for compact assertions. */
function run(code: string, kind: DocumentKind, findings: Finding[], config: LintConfig = {}): string[] {
  return applySuppressions({ text: code, kind, path: 'x' }, findings, config, RAN).map(
    (f) => `${f.ruleId}@${code.slice(f.span.start, f.span.end)}`,
  );
}

describe('suppression directives in TS/JS', () => {
  const code = [
    'const body = {',
    '  // leonardo-lint-disable-next-line type-mismatch',
    '  width: "512", height: "512",',
    '  num_images: "4", // leonardo-lint-disable-line unknown-field',
    '  guidance: 7,',
    '};',
  ].join('\n');

  it('disable-next-line covers only the next line and only the listed rule', () => {
    const findings = [
      at(code, '"512"', 'type-mismatch'),
      at(code, '"512"', 'type-mismatch', 1),
      at(code, 'width', 'unknown-field'),
      at(code, '"4"', 'type-mismatch'),
    ];
    assert.deepEqual(run(code, 'typescript', findings), [
      'unknown-field@width',
      'type-mismatch@"4"',
      'unused-disable-directive@// leonardo-lint-disable-line unknown-field',
    ]);
  });

  it('disable-line covers the comment line; a rule suppressing nothing is reported', () => {
    const findings = [at(code, 'num_images', 'unknown-field'), at(code, 'guidance', 'unknown-field')];
    assert.deepEqual(run(code, 'typescript', findings), [
      'unused-disable-directive@// leonardo-lint-disable-next-line type-mismatch',
      'unknown-field@guidance',
    ]);
  });

  it('a file-level directive without rules suppresses every rule, wherever it is', () => {
    const file = `${code}\n/* leonardo-lint-disable */\n`;
    const findings = [
      at(file, '"512"', 'type-mismatch'),
      at(file, 'num_images', 'unknown-field'),
      at(file, 'guidance', 'invalid-enum'),
      at(file, '"4"', 'type-mismatch'),
    ];
    assert.deepEqual(run(file, 'typescript', findings), []);
  });

  it('lists rules separated by commas or spaces, and ignores a `-- reason`', () => {
    const file = '// leonardo-lint-disable unknown-field,  invalid-enum type-mismatch -- generated file\nx = {a: 1}';
    const directives = parseDirectives(file, 'typescript');
    assert.deepEqual(directives.map((d) => d.rules.map((r) => r.id)), [['unknown-field', 'invalid-enum', 'type-mismatch']]);
    assert.equal(directives[0].kind, 'disable');
  });

  it('a block comment spanning lines covers the line after its end', () => {
    const file = 'x = {\n  /* leonardo-lint-disable-next-line\n     unknown-field */\n  a: 1,\n};';
    assert.deepEqual(run(file, 'typescript', [at(file, 'a:', 'unknown-field')]), []);
  });

  it('ignores directive text inside strings and non-directive words', () => {
    const file = [
      'const s = "// leonardo-lint-disable-next-line unknown-field";',
      "const t = `it's // leonardo-lint-disable-line unknown-field`;",
      '// leonardo-lint-disabled unknown-field',
      'x = {a: 1}',
    ].join('\n');
    assert.deepEqual(parseDirectives(file, 'typescript'), []);
    assert.deepEqual(run(file, 'typescript', [at(file, 'a:', 'unknown-field')]), ['unknown-field@a:']);
  });

  it('honours CRLF line endings', () => {
    const file = 'x = {\r\n  // leonardo-lint-disable-next-line\r\n  a: 1,\r\n  b: 2,\r\n};';
    const findings = [at(file, 'a:', 'unknown-field'), at(file, 'b:', 'unknown-field')];
    assert.deepEqual(run(file, 'typescript', findings), ['unknown-field@b:']);
  });
});

describe('unused directives', () => {
  it('names an unknown rule, and its fix removes the whole comment line', () => {
    const code = 'x = {\n  // leonardo-lint-disable-next-line unknwn-field\n  a: 1,\n};';
    const [unused] = applySuppressions({ text: code, kind: 'typescript', path: 'x.ts' }, [], {}, RAN);
    assert.equal(unused.ruleId, 'unused-disable-directive');
    assert.equal(unused.severity, 'warning');
    assert.equal(unused.message, "Unused leonardo-lint-disable-next-line directive ('unknwn-field' is not a leonardo-lint rule).");
    assert.equal(applyEdits(code, unused.fixes[0].edits), 'x = {\n  a: 1,\n};');
    assert.equal(unused.fixes[0].preferred, true);
  });

  it('a directive without rules that suppresses nothing; the fix keeps the code before it', () => {
    const code = 'call(); // leonardo-lint-disable-line\n';
    const [unused] = applySuppressions({ text: code, kind: 'javascript', path: 'x.js' }, [], {}, RAN);
    assert.equal(unused.message, 'Unused leonardo-lint-disable-line directive (no problems were reported).');
    assert.equal(applyEdits(code, unused.fixes[0].edits), 'call();\n');
  });

  it('reports only the unused rules of a list, each with a fix that drops it from the list', () => {
    const code = 'x = {\n  // leonardo-lint-disable-next-line invalid-enum, unknown-field type-mismatch\n  a: "b",\n};';
    const findings = applySuppressions({ text: code, kind: 'typescript', path: 'x.ts' }, [at(code, 'a: "b"', 'unknown-field')], {}, RAN);
    assert.deepEqual(
      findings.map((f) => [code.slice(f.span.start, f.span.end), f.message]),
      [
        ['invalid-enum', "Unused leonardo-lint-disable-next-line directive (no problems were reported from 'invalid-enum')."],
        ['type-mismatch', "Unused leonardo-lint-disable-next-line directive (no problems were reported from 'type-mismatch')."],
      ],
    );
    assert.match(applyEdits(code, findings[0].fixes[0].edits), /disable-next-line unknown-field, type-mismatch\n/);
  });

  it('is silent when turned off, and takes a configured severity', () => {
    const code = '// leonardo-lint-disable invalid-enum\n';
    assert.deepEqual(run(code, 'typescript', [], { reportUnusedDisableDirectives: false }), []);
    assert.deepEqual(run(code, 'typescript', [], { rules: { 'unused-disable-directive': 'off' } }), []);
    const [f] = applySuppressions({ text: code, kind: 'typescript', path: 'x' }, [], { rules: { 'unused-disable-directive': 'error' } }, RAN);
    assert.equal(f.severity, 'error');
  });
});

describe('other comment forms', () => {
  it('shell: `#` comments, not inside quotes or words', () => {
    const code = [
      '# leonardo-lint-disable-next-line invalid-enum',
      'curl -d \'{"scheduler": "KARRAS"}\' https://cloud.leonardo.ai/api/rest/v1/generations',
      'echo "# leonardo-lint-disable unknown-field"',
      'a#leonardo-lint-disable unknown-field',
      'curl https://cloud.leonardo.ai/api/rest/v1/generations -d \'{"x": 1}\' # leonardo-lint-disable-line unknown-field',
    ].join('\n');
    assert.deepEqual(parseDirectives(code, 'shell').map((d) => d.kind), ['disable-next-line', 'disable-line']);
    const findings = [at(code, '"KARRAS"', 'invalid-enum'), at(code, '"x"', 'unknown-field')];
    assert.deepEqual(run(code, 'shell', findings), []);
  });

  it('.http: `#` and `//` at the start of a line only', () => {
    const code = [
      '# leonardo-lint-disable-next-line',
      'POST https://cloud.leonardo.ai/api/rest/v1/generationz',
      '// leonardo-lint-disable unknown-field',
      '{"a": "http://x # leonardo-lint-disable invalid-enum"}',
    ].join('\n');
    assert.deepEqual(parseDirectives(code, 'http').map((d) => [d.kind, d.opener]), [['disable-next-line', '#'], ['disable', '//']]);
  });

  it('Markdown: `<!-- -->` in prose, `#` inside fences, neither in inline code', () => {
    const code = [
      '<!-- leonardo-lint-disable unknown-field -->',
      'Write `<!-- leonardo-lint-disable invalid-enum -->` to turn a rule off.',
      '# leonardo-lint-disable type-mismatch',
      '```bash',
      '# leonardo-lint-disable-next-line invalid-enum',
      'curl https://cloud.leonardo.ai/api/rest/v1/generations -d \'{"scheduler": "X"}\'',
      '<!-- leonardo-lint-disable type-mismatch -->',
      '```',
    ].join('\n');
    const directives = parseDirectives(code, 'markdown');
    assert.deepEqual(directives.map((d) => [d.kind, d.opener, d.rules.map((r) => r.id).join()]), [
      ['disable', '<!--', 'unknown-field'],
      ['disable-next-line', '#', 'invalid-enum'],
    ]);
    assert.deepEqual(run(code, 'markdown', [at(code, '"X"', 'invalid-enum')]), ['unused-disable-directive@<!-- leonardo-lint-disable unknown-field -->']);
  });

  it('JSON and JSONC: `//` and `/* */`; Postman collections have none', () => {
    const code = '// POST /generations\n{\n  /* leonardo-lint-disable-next-line */\n  "width": "512"\n}';
    assert.deepEqual(run(code, 'jsonc', [at(code, '"512"', 'type-mismatch')]), []);
    assert.deepEqual(run(code, 'json', [at(code, '"512"', 'type-mismatch')]), []);
    assert.deepEqual(parseDirectives(code, 'postman'), []);
  });
});

describe('writing directives', () => {
  const request = (code: string, needle: string): RequestSite => {
    const start = code.indexOf(needle);
    return { source: 'curl', naming: 'wire', span: { start, end: start + needle.length } };
  };

  it('TS: a disable-next-line comment with the line indentation', () => {
    const code = 'const b = {\n    width: "512",\n};\n';
    const edit = disableLineEdit({ text: code, kind: 'typescript', path: 'a.ts' }, [], 1, 'type-mismatch');
    assert.equal(applyEdits(code, [edit!]), 'const b = {\n    // leonardo-lint-disable-next-line type-mismatch\n    width: "512",\n};\n');
  });

  it('appends to an existing disable-next-line comment rather than stacking a second one', () => {
    const code = 'const b = {\r\n  // leonardo-lint-disable-next-line type-mismatch -- legacy\r\n  width: "512",\r\n};';
    const edit = disableLineEdit({ text: code, kind: 'typescript', path: 'a.ts' }, [], 2, 'unknown-field');
    assert.equal(applyEdits(code, [edit!]), code.replace('type-mismatch', 'type-mismatch, unknown-field'));
  });

  it('JSONC gets `//`; plain JSON has no comment form', () => {
    const code = '{\n  "width": "512"\n}';
    const jsonc = disableLineEdit({ text: code, kind: 'jsonc', path: 'a.jsonc' }, [], 1, 'type-mismatch');
    assert.equal(applyEdits(code, [jsonc!]), '{\n  // leonardo-lint-disable-next-line type-mismatch\n  "width": "512"\n}');
    assert.equal(disableLineEdit({ text: code, kind: 'json', path: 'a.json' }, [], 1, 'type-mismatch'), undefined);
    assert.equal(disableFileEdit({ text: code, kind: 'json', path: 'a.json' }, 'type-mismatch'), undefined);
  });

  it('shell: only on the line where a request starts, never inside a continued command', () => {
    const code = 'set -e\ncurl -X POST https://cloud.leonardo.ai/api/rest/v1/generations \\\n  -d \'{"width": "512"}\'\n';
    const doc = { text: code, kind: 'shell' as const, path: 'a.sh' };
    const requests = [request(code, 'curl -X POST')];
    assert.equal(disableLineEdit(doc, requests, 2, 'type-mismatch'), undefined);
    const edit = disableLineEdit(doc, requests, 1, 'unknown-endpoint');
    assert.equal(applyEdits(code, [edit!]).split('\n')[1], '# leonardo-lint-disable-next-line unknown-endpoint');
  });

  it('file level: after a shebang, after a JSONC endpoint comment, after Markdown front matter', () => {
    const sh = disableFileEdit({ text: '#!/bin/bash\ncurl x\n', kind: 'shell', path: 'a.sh' }, 'invalid-json');
    assert.equal(applyEdits('#!/bin/bash\ncurl x\n', [sh!]), '#!/bin/bash\n# leonardo-lint-disable invalid-json\ncurl x\n');
    const jsonc = '// POST /generations\n{}';
    assert.equal(
      applyEdits(jsonc, [disableFileEdit({ text: jsonc, kind: 'jsonc', path: 'a.jsonc' }, 'unknown-field')!]),
      '// POST /generations\n// leonardo-lint-disable unknown-field\n{}',
    );
    const md = '---\ntitle: x\n---\n# Title\n';
    assert.equal(
      applyEdits(md, [disableFileEdit({ text: md, kind: 'markdown', path: 'a.md' }, 'auth-header')!]),
      '---\ntitle: x\n---\n<!-- leonardo-lint-disable auth-header -->\n# Title\n',
    );
  });

  it('file level: appends to an existing file directive', () => {
    const code = 'import x from "y";\n/* leonardo-lint-disable unknown-field */\n';
    const edit = disableFileEdit({ text: code, kind: 'typescript', path: 'a.ts' }, 'invalid-enum');
    assert.equal(applyEdits(code, [edit!]), 'import x from "y";\n/* leonardo-lint-disable unknown-field, invalid-enum */\n');
  });
});

describe('through analyze (the CLI and the editor alike)', () => {
  const code = [
    'await fetch("https://cloud.leonardo.ai/api/rest/v1/generations", {',
    '  method: "POST", headers: { authorization: `Bearer ${process.env.LEONARDO_API_KEY}` },',
    '  body: JSON.stringify({',
    '    prompt: "a fox",',
    '    // leonardo-lint-disable-next-line unknown-field -- the proxy renames it',
    '    wid: 512,',
    '    scheduler: "KARRAS", // leonardo-lint-disable-line invalid-enum',
    '    heigth: 512,',
    '  }),',
    '});',
  ].join('\n');

  it('real findings are suppressed, the rest stay', () => {
    assert.deepEqual(lint(code).map((h) => `${h.ruleId}@${h.line}:${h.text}`), ['unknown-field@8:heigth']);
  });

  it('a listed rule that did not run is not judged; one that ran and found nothing is', () => {
    const hits = lint(code.replace('wid:', 'width:'), { rules: ['unknown-field'] });
    assert.deepEqual(hits.map((h) => `${h.ruleId}@${h.line}`), ['unused-disable-directive@5', 'unknown-field@8']);
    assert.equal(hits[0].message, "Unused leonardo-lint-disable-next-line directive (no problems were reported from 'unknown-field').");
  });

  it('the configuration turns unused-directive reports off', () => {
    const hits = lint(code.replace('wid:', 'width:'), { config: { reportUnusedDisableDirectives: false } });
    assert.deepEqual(hits.map((h) => h.ruleId), ['unknown-field']);
  });
});
