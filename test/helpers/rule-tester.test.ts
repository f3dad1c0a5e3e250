// The rule test harness rejects a case that leaves anything unstated, and fails on what it promises to catch.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Fix, Rule } from '../../server/src/engine/types.js';
import { checkInvalid, checkValid, edit, type InvalidCase } from './rule-tester.js';

const RULE = 'too-many-images';
const CODE = '// POST /generations\n{"prompt": "a field of tulips", "num_images": 10, "width": 512, "height": 512}';
const MESSAGE = "'num_images' 10 is more than the 8 images one request may ask for: use 8 or fewer.";
const complete = (): InvalidCase => ({
  path: 'request.jsonc',
  code: CODE,
  findings: [{ message: MESSAGE, at: [2, 47, '10'], fixes: [{ title: "Set 'num_images' to 8", output: edit('10', '8'), preferred: false }] }],
});
/** The complete case with its one finding changed. */
const withFinding = (change: (f: Record<string, unknown>) => void): InvalidCase => {
  const c = complete();
  change(c.findings[0] as unknown as Record<string, unknown>);
  return c;
};
const withFix = (change: (f: Record<string, unknown>) => void): InvalidCase =>
  withFinding((f) => change((f.fixes as Record<string, unknown>[])[0]));

test('a complete case passes, with the output as a whole text or as an edit, and the message as text or pattern', () => {
  checkInvalid(RULE, complete());
  checkInvalid(RULE, withFix((x) => (x.output = CODE.replace('10', '8'))));
  checkInvalid(RULE, withFinding((f) => (f.message = /is more than the 8 images/)));
});

test('an invalid case must state its findings, each with message, place and fixes', () => {
  assert.throws(() => checkInvalid(RULE, { ...complete(), findings: undefined } as unknown as InvalidCase), /must state its findings/);
  assert.throws(() => checkInvalid(RULE, { ...complete(), findings: [] }), /must state its findings/);
  assert.throws(() => checkInvalid(RULE, withFinding((f) => delete f.message)), /must state its message/);
  assert.throws(() => checkInvalid(RULE, withFinding((f) => delete f.at)), /must state where it sits/);
  assert.throws(() => checkInvalid(RULE, withFinding((f) => (f.at = [2, 47]))), /must state where it sits/);
  assert.throws(() => checkInvalid(RULE, withFinding((f) => delete f.fixes)), /must state its fixes/);
});

test('every fix offered must be stated, with its output and its preferredness', () => {
  assert.throws(() => checkInvalid(RULE, withFinding((f) => (f.fixes = []))), /offers 1 fixes, 0 stated/);
  assert.throws(() => checkInvalid(RULE, withFix((x) => delete x.output)), /must state its output/);
  assert.throws(() => checkInvalid(RULE, withFix((x) => delete x.preferred)), /must state whether it is preferred/);
});

test('a misspelt property fails instead of being ignored', () => {
  assert.throws(() => checkInvalid(RULE, withFinding((f) => (f.fix = f.fixes))), /unknown property `fix`/);
  assert.throws(() => checkInvalid(RULE, withFix((x) => (x.prefered = true))), /unknown property `prefered`/);
  assert.throws(() => checkValid(RULE, { code: CODE, findings: [] } as never), /unknown property `findings`/);
});

test('what is stated must be what is reported', () => {
  assert.throws(() => checkInvalid(RULE, withFinding((f) => (f.message = 'Too many images.'))), /finding 1: message/);
  assert.throws(() => checkInvalid(RULE, withFinding((f) => (f.at = [2, 48, '10']))), /at \[line, column, text\]/);
  assert.throws(() => checkInvalid(RULE, withFix((x) => (x.preferred = true))), /fix 1 \(Set 'num_images' to 8\): preferred/);
  assert.throws(() => checkInvalid(RULE, withFix((x) => (x.output = edit('10', '4')))), /fix 1 \(Set 'num_images' to 8\): output/);
  assert.throws(() => checkInvalid(RULE, withFix((x) => (x.title = 'Set to 8'))), /title/);
  assert.throws(() => checkInvalid(RULE, { ...complete(), code: CODE.replace('10', '8') }), /reported 0 findings, 1 stated/);
  assert.throws(() => checkValid(RULE, { path: 'request.jsonc', code: CODE }), /reported on a valid case/);
  checkValid(RULE, { path: 'request.jsonc', code: CODE.replace('10', '8') });
});

test('a failure shows what was reported, written as the statements a case needs', () => {
  assert.throws(
    () => checkInvalid(RULE, withFinding((f) => (f.message = 'x'))),
    (error: Error) => error.message.includes(`fixes: [{ title: "Set 'num_images' to 8", output: edit('10', '8'), preferred: false }]`),
  );
});

test('edit() must name one place in the code', () => {
  assert.throws(() => checkInvalid(RULE, withFix((x) => (x.output = edit('"', "'")))), /occurs more than once/);
  assert.throws(() => checkInvalid(RULE, withFix((x) => (x.output = edit('11', '8')))), /is not in the code/);
});

/** A made-up rule reporting on every JSON request body, with the given fixes (and message). */
function fakeRule(fixes: (code: string, start: number, end: number) => Fix[], check?: () => void, message = 'fake'): Rule {
  return {
    meta: { id: 'fake-rule', defaultSeverity: 'warning', description: 'a rule made up for the harness test', docsUrl: '', fixable: true },
    check(ctx) {
      check?.();
      for (const request of ctx.requests) {
        if (request.body) ctx.report({ message, span: request.body.span, fixes: fixes(ctx.document.text, request.body.span.start, request.body.span.end) });
      }
    },
  };
}

test('a fix that breaks the document fails the case, preferred or not', () => {
  const breaking = (preferred: boolean) => fakeRule((_code, start) => [{ title: 'break', edits: [{ start, end: start + 1, newText: '' }], preferred }]);
  const at: [number, number, string] = [2, 1, CODE.slice(CODE.indexOf('{'))];
  for (const preferred of [true, false]) {
    const c: InvalidCase = { path: 'request.jsonc', code: CODE, findings: [{ message: 'fake', at, fixes: [{ output: CODE.replace('{', ''), preferred }] }] };
    assert.throws(() => checkInvalid(breaking(preferred), c), /new invalid-json findings/);
  }
  const ts = `await fetch('https://cloud.leonardo.ai/api/rest/v1/generations', { method: 'POST', body: JSON.stringify({ prompt: 'x' }) });`;
  const tsAt: [number, number, string] = [1, 105, "{ prompt: 'x' }"];
  const tsCase: InvalidCase = { code: ts, findings: [{ message: 'fake', at: tsAt, fixes: [{ output: ts.replace("{ prompt: 'x' }", "{ prompt: 'x' "), preferred: true }] }] };
  const dropBrace = fakeRule((_code, _start, end) => [{ title: 'break', edits: [{ start: end - 1, end, newText: '' }], preferred: true }]);
  assert.throws(() => checkInvalid(dropBrace, tsCase), /new syntax errors/);
});

test('more than one preferred fix on a finding fails', () => {
  const two = fakeRule((_code, start) => [
    { title: 'a', edits: [{ start: start + 1, end: start + 1, newText: ' ' }], preferred: true },
    { title: 'b', edits: [{ start: start + 1, end: start + 1, newText: '  ' }], preferred: true },
  ]);
  const at: [number, number, string] = [2, 1, CODE.slice(CODE.indexOf('{'))];
  const c: InvalidCase = {
    path: 'request.jsonc',
    code: CODE,
    findings: [{ message: 'fake', at, fixes: [{ output: edit('{"', '{ "'), preferred: true }, { output: edit('{"', '{  "'), preferred: true }] }],
  };
  assert.throws(() => checkInvalid(two, c), /more than one preferred fix/);
});

test('a message over 140 characters, with a backtick or on two lines fails the case, even when stated exactly', () => {
  const at: [number, number, string] = [2, 1, CODE.slice(CODE.indexOf('{'))];
  const saying = (message: string): [Rule, InvalidCase] => [
    fakeRule(() => [], undefined, message),
    { path: 'request.jsonc', code: CODE, findings: [{ message, at, fixes: [] }] },
  ];
  const fits = `'num_images' ${'x'.repeat(140 - 13)}`;
  assert.equal(fits.length, 140);
  checkInvalid(...saying(fits));
  assert.throws(() => checkInvalid(...saying(`${fits}y`)), /has 141 characters, over 140/);
  assert.throws(() => checkInvalid(...saying('`num_images` is wrong')), /has a backtick/);
  assert.throws(() => checkInvalid(...saying('num_images is wrong\nand so on')), /has a line break/);
});

test('a fix title over 80 characters or with a backtick fails the case, even when stated exactly', () => {
  const at: [number, number, string] = [2, 1, CODE.slice(CODE.indexOf('{'))];
  const titled = (title: string): [Rule, InvalidCase] => [
    fakeRule((_code, start) => [{ title, edits: [{ start: start + 1, end: start + 1, newText: ' ' }], preferred: false }]),
    { path: 'request.jsonc', code: CODE, findings: [{ message: 'fake', at, fixes: [{ title, output: CODE.replace('{', '{ '), preferred: false }] }] },
  ];
  const fits = `Set 'num_images' to ${'9'.repeat(80 - 20)}`;
  assert.equal(fits.length, 80);
  checkInvalid(...titled(fits));
  assert.throws(() => checkInvalid(...titled(`${fits}9`)), /a title of 81 characters, over 80/);
  assert.throws(() => checkInvalid(...titled('Set `num_images` to 8')), /the title has a backtick/);
});

test('a rule that throws fails the case, valid or invalid', () => {
  const throwing = fakeRule(() => [], () => {
    throw new Error('boom');
  });
  assert.throws(() => checkValid(throwing, { path: 'request.jsonc', code: CODE }), /a rule threw/);
});
