// The engine's entry point: guards, rule isolation, severities and de-duplication.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../server/src/engine/analyze.js';
import { allRules } from '../../server/src/engine/rules/index.js';
import type { Rule } from '../../server/src/engine/types.js';
import { lint } from '../helpers/lint.js';

const TWICE = `
const URL = 'https://cloud.leonardo.ai/api/rest/v1/generations';
const body = { prompt: 'a fox', sd_Version: 'v2' };
export const a = () => fetch(URL, { method: 'POST', body: JSON.stringify(body) });
export const b = () => fetch(URL, { method: 'POST', body: JSON.stringify(body) });
`;

test('one literal body sent by two requests is reported once', () => {
  const hits = lint(TWICE, { rules: ['unknown-field'] });
  assert.equal(hits.length, 1);
  assert.equal(hits[0].text, 'sd_Version');
});

test('a rule that throws loses only its own findings; the error is reported once', () => {
  const broken: Rule = {
    meta: { id: 'broken', defaultSeverity: 'error', description: 'always throws', docsUrl: '', fixable: false },
    check() {
      throw new Error('boom');
    },
  };
  const errors: string[] = [];
  const result = analyze(
    { text: TWICE, kind: 'typescript', path: 'a.ts' },
    { rules: [broken, ...allRules], onRuleError: (id) => errors.push(id) },
  );
  assert.deepEqual(errors, ['broken']);
  assert.ok(result.findings.some((f) => f.ruleId === 'unknown-field'));
});

test('configured severities win; off turns a rule off', () => {
  const config = { rules: { 'unknown-field': 'warning' as const } };
  assert.equal(lint(TWICE, { config, rules: ['unknown-field'] })[0].severity, 'warning');
  assert.equal(lint(TWICE, { config: { rules: { 'unknown-field': 'off' } }, rules: ['unknown-field'] }).length, 0);
});

test('a file over maxFileSize is skipped with one information finding', () => {
  const result = analyze({ text: TWICE, kind: 'typescript', path: 'a.ts' }, { config: { maxFileSize: 100 } });
  assert.equal(result.findings.length, 1);
  assert.equal(result.findings[0].severity, 'information');
  assert.match(result.findings[0].message, /maxFileSize/);
});

test('binary content is skipped without findings', () => {
  const result = analyze({ text: 'leonardo\u0000\u0001\u0002', kind: 'typescript', path: 'a.ts' });
  assert.deepEqual(result.findings, []);
  assert.match(result.skipped ?? '', /binary/);
});

test('a body sent to a removed endpoint gets unknown-endpoint alone, not schema findings', () => {
  const code = `fetch('https://cloud.leonardo.ai/api/rest/v1/generations-texture', { method: 'POST', body: JSON.stringify({ prompt: 'x', bogus: 1 }) });`;
  const ids = lint(code).map((h) => h.ruleId);
  assert.ok(!ids.includes('unknown-field'), ids.join(', '));
});

test("no fix writes over a value written as a member of the SDK's enums; one that removes it whole stands", () => {
  const code = `import { Leonardo } from '@leonardo-ai/sdk';
import { SdGenerationStyle } from '@leonardo-ai/sdk/sdk/models/shared';
const leonardo = new Leonardo({ bearerAuth: process.env.LEONARDO_API_KEY ?? '' });
export const go = (prompt: string) => leonardo.image.createGeneration({ prompt, alchemy: false, presetStyle: SdGenerationStyle.Anime });
`;
  // A rule offering both: a string literal over the member (which the SDK's types refuse), and the property removed.
  const rewriting: Rule = {
    meta: { id: 'rewriting', defaultSeverity: 'error', description: 'offers both kinds of fix', docsUrl: '', fixable: true },
    check(ctx) {
      for (const request of ctx.requests) {
        const style = request.body?.kind === 'object' ? request.body.properties.find((p) => p.key === 'presetStyle') : undefined;
        if (style?.value.kind !== 'string') continue;
        ctx.report({
          message: `presetStyle ${style.value.value}`,
          span: style.keySpan,
          fixes: [
            { title: 'Use DYNAMIC', edits: [{ start: style.value.span.start, end: style.value.span.end, newText: '"DYNAMIC"' }] },
            { title: 'Remove it', edits: [{ start: style.removeSpan.start, end: style.removeSpan.end, newText: '' }] },
          ],
        });
      }
    },
  };
  const findings = analyze({ text: code, kind: 'typescript', path: 'a.ts' }, { rules: [rewriting] }).findings;
  assert.equal(findings.length, 1);
  assert.equal(findings[0].message, 'presetStyle ANIME');
  assert.deepEqual(findings[0].fixes.map((f) => f.title), ['Remove it']);
});
