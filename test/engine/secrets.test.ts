// Keys stay secret: the helpers that tell keys from placeholders and redact them, and the guarantee that no
// finding, fix title, hover or CLI output (stylish, JSON, SARIF) ever shows a found key in full.
import { test } from 'node:test';
import fc from 'fast-check';
import assert from 'node:assert/strict';
import { findKeys, isPlaceholderKey, isUuid, redactKey } from '../../server/src/engine/auth/secrets.js';
import { isUuidOrPlaceholder } from '../../server/src/engine/body/facts.js';
import { formatJson, formatSarif, formatStylish } from '../../server/src/cli/format.js';
import { documentKindForPath } from '../../server/src/engine/extract/index.js';
import { hoverAt } from '../../server/src/engine/editor/hover.js';
import { analyzeSnippet } from '../helpers/lint.js';

const KEY = '3f1b2c4d-1a2b-4c3d-9e8f-0a1b2c3d4e5f';
const PLACEHOLDER = 'XXXXXXXX-XXXX-XXXX-XXXX-XXXXXXXXXXXX';

test('redactKey shows the first 4 characters and an ellipsis, nothing of a short secret', () => {
  assert.equal(redactKey(KEY), '3f1b…');
  assert.equal(redactKey(`  ${KEY} `), '3f1b…');
  assert.equal(redactKey('sk-live-9a8b7c6d'), 'sk-l…');
  assert.equal(redactKey('abcd1234'), '…');
  assert.equal(redactKey(''), '…');
});

test('placeholders are told from keys', () => {
  for (const placeholder of [
    PLACEHOLDER,
    PLACEHOLDER.toLowerCase(),
    '00000000-0000-0000-0000-000000000000',
    'ffffffff-ffff-ffff-ffff-ffffffffffff',
    '12345678-1234-1234-1234-123456789012',
    'YOUR_API_KEY',
    'your-leonardo-api-key',
    '<api-key>',
    '{{apiKey}}',
    '{{$dotenv LEONARDO_API_KEY}}',
    '$LEONARDO_API_KEY',
    '${LEONARDO_API_KEY}',
    '%LEONARDO_API_KEY%',
    '...',
    '',
  ]) {
    assert.ok(isPlaceholderKey(placeholder), placeholder);
    assert.deepEqual(findKeys(placeholder), [], placeholder);
  }
  assert.ok(!isPlaceholderKey(KEY));
  assert.ok(!isPlaceholderKey('sk-live-9a8b7c6d5e4f'));
  assert.deepEqual(findKeys(KEY.toUpperCase()).map((k) => k.key), [KEY.toUpperCase()]);
});

test('a UUID is hex only; an id may also be the docs placeholder', () => {
  for (const uuid of [KEY, KEY.toUpperCase(), PLACEHOLDER.replace(/X/g, 'a')]) {
    assert.ok(isUuid(uuid) && isUuidOrPlaceholder(uuid), uuid);
  }
  for (const placeholder of [PLACEHOLDER, PLACEHOLDER.toLowerCase(), `${KEY.slice(0, 9)}XXXX${KEY.slice(13)}`]) {
    assert.ok(!isUuid(placeholder) && isUuidOrPlaceholder(placeholder), placeholder);
  }
  for (const other of [KEY.slice(1), `${KEY}0`, `{${KEY}}`, KEY.replace(/-/g, ''), `${KEY.slice(0, -1)}g`, '']) {
    assert.ok(!isUuid(other) && !isUuidOrPlaceholder(other), other);
  }
});

test('findKeys finds whole UUIDs in a text, with offsets', () => {
  assert.deepEqual(findKeys(`authorization: Bearer ${KEY}`), [{ key: KEY, start: 22, end: 22 + KEY.length }]);
  assert.deepEqual(findKeys(`x${KEY}`), [], 'not part of a longer word');
  assert.deepEqual(findKeys(`${KEY}-01`), []);
  assert.deepEqual(findKeys(`Bearer ${PLACEHOLDER}`), []);
});

test('findKeys finds what one whole-UUID regex finds, on texts built from UUID pieces', () => {
  const reference = /(?<![0-9a-z-])[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(?![0-9a-z-])/gi;
  const pieces = ['3f1b2c4d', '1a2b', '4C3D', '-', '--', 'x', ' ', '0a1b2c3d4e5f', 'e', '9', '"', 'Bearer ', '\n', KEY, KEY.toUpperCase()];
  let seed = 7;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  for (let n = 0; n < 2000; n++) {
    const text = Array.from({ length: 1 + Math.floor(next() * 14) }, () => pieces[Math.floor(next() * pieces.length)]).join('');
    const expected = [...text.matchAll(reference)]
      .filter((m) => !isPlaceholderKey(m[0]))
      .map((m) => ({ key: m[0], start: m.index, end: m.index + m[0].length }));
    assert.deepEqual(findKeys(text), expected, JSON.stringify(text));
  }
});

/** Documents of every kind that hold KEY where the four rules look. */
const SNIPPETS: Array<[path: string, code: string]> = [
  [
    'app.ts',
    `import { Leonardo } from '@leonardo-ai/sdk';
const LEONARDO_API_KEY = '${KEY}';
export const leonardo = new Leonardo({ bearerAuth: '${KEY}' });
export async function calls(prompt: string) {
  await fetch('https://cloud.leonardo.ai/api/rest/v1/me', { headers: { authorization: '${KEY}' } });
  await fetch('https://cloud.leonardo.ai/api/rest/v1/me', { headers: { 'x-api-key': '${KEY}' } });
  await fetch('https://cloud.leonardo.ai/api/rest/v1/me', { headers: { authorization: 'Token ${KEY}' } });
  await fetch('https://cloud.leonardo.ai/api/rest/v1/me', { headers: { authorization: 'Bearer: ${KEY}' } });
  await fetch('https://cloud.leonardo.ai/api/rest/v1/me', { headers: { 'x-api-key': LEONARDO_API_KEY } });
  await fetch('https://cloud.leonardo.ai/api/rest/v1/generations', {
    method: 'POST',
    headers: { Authorization: \`Bearer ${KEY}\` },
    body: JSON.stringify({ prompt: 'a naked tree', negative_prompt: 'nude' }),
  });
}
`,
  ],
  [
    'generate.sh',
    `export LEONARDO_API_KEY=${KEY}
curl -X POST https://cloud.leonardo.ai/api/rest/v1/generations \\
  -H 'authorization: Bearer: ${KEY}' -H 'content-type: application/json' \\
  -d '{"prompt": "a nude statue"}'
curl -H "x-api-key: ${KEY}" https://cloud.leonardo.ai/api/rest/v1/me
`,
  ],
  ['me.http', `@key = ${KEY}\n\nGET https://cloud.leonardo.ai/api/rest/v1/me\nAuthorisation: {{key}}\n\n###\nGET https://cloud.leonardo.ai/api/rest/v1/me\nAuthorization: Token ${KEY}\n`],
  ['README.md', `\`\`\`sh\ncurl -H 'authorization: ${KEY}' https://cloud.leonardo.ai/api/rest/v1/me\n\`\`\`\n`],
  ['settings.json', `{ "leonardoApiKey": "${KEY}" }\n`],
];

test('no finding, fix title, hover or CLI output shows the key in full', () => {
  const results = SNIPPETS.map(([path, code]) => ({ filePath: `/project/${path}`, text: code, result: analyzeSnippet(code, { path }) }));
  const ruleIds = new Set(results.flatMap((r) => r.result.findings.map((f) => f.ruleId)));
  for (const id of ['auth-header', 'hardcoded-api-key', 'content-moderation']) assert.ok(ruleIds.has(id), `${id} fires in the snippets`);
  let hovers = 0;
  for (const { filePath, text, result } of results) {
    assert.ok(result.findings.length > 0, filePath);
    for (const finding of result.findings) {
      const where = `${finding.ruleId} in ${filePath}`;
      assert.ok(!finding.message.includes(KEY), `${where}: message`);
      assert.ok(!(finding.apiError ?? '').includes(KEY), `${where}: apiError`);
      for (const fix of finding.fixes) assert.ok(!fix.title.includes(KEY), `${where}: fix title`);
      const hover = hoverAt({ document: { text, kind: documentKindForPath(filePath)!, path: filePath }, result }, finding.span.start);
      if (hover) {
        hovers++;
        assert.ok(!hover.markdown.includes(KEY), `${where}: hover`);
      }
    }
  }
  assert.ok(hovers > 0, 'hovers were shown');
  const files = results.map(({ filePath, text, result }) => ({ filePath, text, findings: result.findings }));
  const outputs = { json: formatJson(files), stylish: formatStylish(files, false, '/project'), sarif: formatSarif(files, '0.0.0', '/project') };
  for (const [format, output] of Object.entries(outputs)) {
    assert.ok(output.includes('3f1b…'), `${format} shows the redacted key`);
    assert.ok(!output.includes(KEY), `${format} output shows the key in full`);
  }
});

test('a client-exposed key is named by its variable, never by a value', () => {
  const code = `const key = process.env.NEXT_PUBLIC_LEONARDO_KEY ?? '${KEY}';
export const me = () => fetch('https://cloud.leonardo.ai/api/rest/v1/me', { headers: { authorization: \`Bearer \${key}\` } });
`;
  const findings = analyzeSnippet(code, { path: 'page.tsx' }).findings;
  assert.deepEqual(findings.map((f) => f.ruleId).sort(), ['client-exposed-api-key', 'hardcoded-api-key']);
  for (const f of findings) assert.ok(!f.message.includes(KEY), f.ruleId);
});

/** findKeys as it was written with a regular expression: the hand scan must find exactly the same runs. */
function findKeysByExpression(text: string): Array<{ key: string; start: number; end: number }> {
  const found: Array<{ key: string; start: number; end: number }> = [];
  const re = /-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(?![0-9a-z-])/gi;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const start = m.index - 8;
    if (start < 0 || !/^[0-9a-f]{8}$/i.test(text.slice(start, m.index)) || (start > 0 && /[0-9a-z-]/i.test(text[start - 1]))) continue;
    const key = text.slice(start, m.index + m[0].length);
    // The same sample check as findKeys (a key made of one repeated digit is a sample): compare only real-looking runs.
    if (findKeys(key).length === 1) found.push({ key, start, end: start + key.length });
  }
  return found;
}

test('findKeys finds exactly the runs the regular expression found, on random text around UUID-shaped pieces', () => {
  const piece = fc.oneof(
    fc.constantFrom(KEY, KEY.toUpperCase(), `x${KEY}`, `${KEY}x`, `-${KEY}`, `${KEY}-`, KEY.slice(1), KEY.slice(0, -1), `${KEY.slice(0, 8)}-${KEY}`, '1a2b-4c3d-9e8f-0a1b2c3d4e5f', 'é', '"', ' ', '-', 'Bearer '),
    fc.string({ unit: fc.constantFrom('0', '9', 'a', 'f', 'A', 'F', 'g', 'x', '-', ' ', '_', '"'), maxLength: 40 }),
  );
  fc.assert(
    fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => {
      const text = pieces.join('');
      assert.deepEqual(findKeys(text), findKeysByExpression(text), text);
    }),
    { numRuns: 2000, seed: 20261206 },
  );
});
