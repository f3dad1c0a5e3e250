// No output prints an API key in full. A real-looking key is planted in every position that can reach
// a message (field values, a field name, headers, URLs, a prompt, an error string, the text pasted
// into explain) and every way text leaves: findings (message, fix titles, every field), hovers,
// completion details, explanations, the built CLI's formats and its explain command, and the
// language server's diagnostics, code actions, hovers and Explain API Error answer.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { analyze } from '../../server/src/engine/analyze.js';
import { completionsAt } from '../../server/src/engine/editor/completion.js';
import { documentKindForPath } from '../../server/src/engine/extract/index.js';
import { hoverAt } from '../../server/src/engine/editor/hover.js';
import { explainError, formatExplanation } from '../../server/src/engine/knowledge/index.js';
import { LineIndex } from '../../server/src/engine/positions.js';
import { redactKeys } from '../../server/src/engine/auth/secrets.js';
import { EXPLAIN_ERROR_REQUEST, type ExplainErrorResult } from '../../server/src/lsp/protocol.js';
import { buildOnce, ROOT, TestClient } from '../lsp/support.js';

const KEY = '3f2a9c1e-7b4d-4e8a-9f01-2c3d4e5f6a7b';
/** The same key in upper case: a key is a key in any case. */
const KEY_UPPER = KEY.toUpperCase();

/** Fails when the text holds the key in full, or all but its last few characters. */
function assertNoKey(text: string, where: string): void {
  const lower = text.toLowerCase();
  assert.ok(!lower.includes(KEY.slice(0, 30)), `${where} shows the key: ${text}`);
}

const DOCUMENTS: Record<string, string> = {
  'app.ts': `const apiKey = "${KEY}";
const leonardoKey = "${KEY_UPPER}";
export async function run() {
  await fetch("https://cloud.leonardo.ai/api/rest/v1/init-image", {
    method: "POST",
    headers: { authorization: \`Bearer \${apiKey}\` },
    body: JSON.stringify({ extension: apiKey }),
  });
  await fetch("https://cloud.leonardo.ai/api/rest/v1/generations", {
    method: "POST",
    headers: { authorization: \`Bearer \${apiKey}\` },
    body: JSON.stringify({ prompt: "naked ${KEY}", scheduler: "${KEY}", modelId: apiKey + ".png", init_image_id: "${KEY}.png", presetStyle: leonardoKey, num_images: "${KEY}", guidance_scale: "x${KEY}" }),
  });
  await fetch("https://cloud.leonardo.ai/api/rest/v1/generationz/${KEY}", { headers: { "x-leonardo-key": "${KEY}" } });
  await fetch("https://cloud.leonardo.ai/v1/me?key=${KEY}", { headers: { authorization: "Token ${KEY}" } });
  await fetch("https://cloud.leonardo.ai/api/rest/v1/me", { headers: { authorization: "Bearer:${KEY}" } });
  await fetch("https://cloud.leonardo.ai/api/rest/v1/me", { headers: { authorization: "Bearer${KEY}" } });
  throw new Error("Unexpected variable ${KEY}");
}
`,
  'portrait.leonardo.json': `{
  "prompt": "${KEY}",
  "scheduler": "${KEY}",
  "modelId": "${KEY}.png",
  "sd_Version": "${KEY}",
  "${KEY}": 1,
  "num_images": "${KEY}",
  "presetStyle": "${'a'.repeat(20)}${KEY}"
}
`,
  'generate.sh': `curl -X POST https://cloud.leonardo.ai/api/rest/v1/generations -H "x-api-key: ${KEY}" -H "content-type: application/json" -d '{"prompt": "x", "scheduler": "${KEY}", "sd_version": "${KEY}"}'
curl https://cloud.leonardo.ai/api/rest/v1/me -H "authorization: ${KEY}x"
`,
  'requests.http': `POST https://cloud.leonardo.ai/api/rest/v1/generations
x-api-key: ${KEY}
content-type: application/json

{"prompt": "x", "scheduler": "${KEY}", "alchemy": "${KEY}"}
`,
};

const PASTED_ERRORS = [
  `{"error": "Unexpected variable ${KEY}", "path": "$.${KEY}", "code": "${KEY}"}`,
  `HTTP/1.1 401 Unauthorized\nauthorization: Bearer ${KEY}\n{"error": "Authentication hook unauthorized this request"}`,
  `${'x'.repeat(190)} Bearer ${KEY} failed`,
  `invalid api key ${KEY_UPPER}`,
  `{"error": "expected a boolean for type 'Boolean', but found a string", "path": "$.${KEY}"}`,
];

function analyzed(name: string) {
  const text = DOCUMENTS[name];
  const document = { text, kind: documentKindForPath(name, text) ?? 'typescript', path: name };
  return { document, result: analyze(document) };
}

test('redactKeys: every key-shaped token, glued to other text or cut short; public and sample ids kept', () => {
  assert.equal(redactKeys(`Bearer ${KEY}`), 'Bearer 3f2a…');
  assert.equal(redactKeys(`Bearer${KEY}.png`), 'Bearer3f2a….png');
  assert.equal(redactKeys(`"x${KEY_UPPER}y"`), '"x3F2A…y"');
  assert.equal(redactKeys(`"${KEY.slice(0, 23)}…"`), '"3f2a…"');
  assert.equal(redactKeys(`${KEY} and ${KEY}`), '3f2a… and 3f2a…');
  // The catalogue's own model id (the SDK default), sample UUIDs and the docs' placeholder are no one's secret.
  for (const kept of ['b24e16ff-06e3-43eb-8d33-4416c2d75876', '00000000-0000-0000-0000-000000000000', '12345678-1234-1234-1234-123456789012', 'XXXXXXXX-XXXX-XXXX-XXXX-XXXXXXXXXXXX']) {
    assert.equal(redactKeys(`modelId ${kept}`), `modelId ${kept}`);
  }
  assert.equal(redactKeys('no key here: a-b-c, 2024-01-01'), 'no key here: a-b-c, 2024-01-01');
});

test('findings: no message, fix title or other field shows a planted key', () => {
  for (const name of Object.keys(DOCUMENTS)) {
    const { result } = analyzed(name);
    assert.ok(result.findings.length >= 4, `${name}: the planted values are reported (${result.findings.length})`);
    const shown = JSON.stringify(result.findings.map((f) => ({ ...f, fixes: f.fixes.map((x) => ({ ...x, edits: undefined })) })));
    assertNoKey(shown, `${name} findings`);
    // The key did reach messages: they show it redacted.
    assert.ok(result.findings.some((f) => /3f2a…/i.test(f.message)), `${name}: some message quotes the redacted key`);
  }
});

test('hovers and completion details at every character of every planted key', () => {
  for (const name of Object.keys(DOCUMENTS)) {
    const { document, result } = analyzed(name);
    const text = document.text;
    const offsets = new Set<number>();
    for (let at = text.toLowerCase().indexOf(KEY); at >= 0; at = text.toLowerCase().indexOf(KEY, at + 1)) {
      for (let i = at; i <= at + KEY.length; i += 6) offsets.add(i);
    }
    for (const f of result.findings) offsets.add(f.span.start);
    let hovers = 0;
    for (const offset of offsets) {
      const hover = hoverAt({ document, result }, offset);
      if (hover) {
        hovers++;
        assertNoKey(hover.markdown, `${name} hover at ${offset}`);
      }
      for (const item of completionsAt({ document, result }, offset)) {
        assertNoKey(`${item.detail}\n${item.documentation ?? ''}`, `${name} completion at ${offset}`);
      }
    }
    assert.ok(hovers > 0, `${name}: some hover is shown`);
  }
});

test('explain: the pasted error text never comes back with the key, in any part of the answer', () => {
  for (const pasted of PASTED_ERRORS) {
    const match = explainError(pasted);
    assertNoKey(JSON.stringify({ ...match, entry: undefined }), 'explainError');
    assertNoKey(formatExplanation(match.entry, match, 'markdown'), 'explanation (markdown)');
    assertNoKey(formatExplanation(match.entry, match, 'plain'), 'explanation (plain)');
  }
});

test('the built CLI: stylish, json and sarif output, explain with an argument and on stdin', (t) => {
  buildOnce();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'leonardo-lint-redaction-'));
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  for (const [name, text] of Object.entries(DOCUMENTS)) fs.writeFileSync(path.join(dir, name), text);
  const bin = path.join(ROOT, 'bin/leonardo-lint.js');
  const run = (args: string[], input?: string) => {
    const out = spawnSync(process.execPath, [bin, ...args], { cwd: dir, input, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    return { status: out.status, text: `${out.stdout}\n${out.stderr}` };
  };
  for (const format of ['stylish', 'json', 'sarif']) {
    const out = run(['--format', format, '.']);
    assert.equal(out.status, 1, `--format ${format} reports the findings: ${out.text.slice(0, 300)}`);
    assert.match(out.text, /3f2a…/i, `--format ${format} shows the key redacted`);
    assertNoKey(out.text, `--format ${format}`);
  }
  for (const pasted of PASTED_ERRORS) {
    const byArgument = run(['explain', pasted]);
    assert.equal(byArgument.status, 0);
    assertNoKey(byArgument.text, 'explain <text>');
    const byStdin = run(['explain', '-'], pasted);
    assert.equal(byStdin.status, 0);
    assertNoKey(byStdin.text, 'explain -');
  }
});

test('the language server: diagnostics, code actions, hovers and Explain API Error', async () => {
  const client = await TestClient.start({ pull: true });
  try {
    for (const [name, text] of Object.entries(DOCUMENTS)) {
      const uri = pathToFileURL(path.join(os.tmpdir(), 'redaction', name)).toString();
      const languageId = name.endsWith('.ts') ? 'typescript' : name.endsWith('.json') ? 'json' : name.endsWith('.sh') ? 'shellscript' : 'http';
      await client.open(uri, languageId, text);
      const diagnostics = await client.pull(uri);
      assert.ok(diagnostics.length > 0, `${name}: diagnostics`);
      // What the editor shows; `data` carries the fixes' edits, the document's own text written back to it.
      assertNoKey(JSON.stringify(diagnostics.map((d) => ({ ...d, data: undefined }))), `${name} diagnostics`);
      const lines = new LineIndex(text);
      for (const diagnostic of diagnostics) {
        const actions = await client.codeActions(uri, diagnostic.range, [diagnostic]);
        assertNoKey(JSON.stringify(actions.map((a) => a.title)), `${name} code action titles`);
        const hover = await client.hover(uri, diagnostic.range.start);
        if (hover) assertNoKey(JSON.stringify(hover.contents), `${name} hover`);
      }
      const at = text.indexOf(KEY);
      const hover = await client.hover(uri, lines.positionAt(at + 3));
      if (hover) assertNoKey(JSON.stringify(hover.contents), `${name} hover on the key`);
      await client.close(uri);
    }
    for (const pasted of PASTED_ERRORS) {
      const result: ExplainErrorResult = await client.connection.sendRequest(EXPLAIN_ERROR_REQUEST, { text: pasted });
      assertNoKey(`${result.title}\n${result.markdown}`, 'Explain API Error');
    }
  } finally {
    assert.equal(await client.stop(), 0);
  }
});
