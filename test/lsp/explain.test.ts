// `leonardoLint/explainError`: the request behind the "Explain API Error" command.
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { EXPLAIN_ERROR_REQUEST, type ExplainErrorResult } from '../../server/src/lsp/protocol.js';
import { TestClient } from './support.js';

let client: TestClient;

before(async () => {
  client = await TestClient.start({ pull: true });
});

after(async () => {
  assert.equal(await client.stop(), 0);
});

it('explains a full JSON error response, linking the rule', async () => {
  const result: ExplainErrorResult = await client.connection.sendRequest(EXPLAIN_ERROR_REQUEST, {
    text: '{"error": "Unexpected variable sd_Version", "path": "$", "code": "bad-request"}',
  });
  assert.equal(result.generic, false);
  assert.match(result.title, /Unexpected variable/);
  assert.match(result.markdown, /sd_version/);
  assert.match(result.markdown, /docs\/rules\/unknown-field\.md/);
});

it('answers an unknown error with the generic entry, never a blank', async () => {
  const result: ExplainErrorResult = await client.connection.sendRequest(EXPLAIN_ERROR_REQUEST, { text: 'Error: something odd happened' });
  assert.equal(result.generic, true);
  assert.ok(result.markdown.length > 100);
  assert.match(result.markdown, /Service Error|support/i);
});

it('says when the text is no error, and lists the candidates of a bare status', async () => {
  const code: ExplainErrorResult = await client.connection.sendRequest(EXPLAIN_ERROR_REQUEST, { text: 'const x = 42' });
  assert.equal(code.notAnError, true);
  assert.equal(code.title, 'Not a Leonardo.Ai error');
  const status: ExplainErrorResult = await client.connection.sendRequest(EXPLAIN_ERROR_REQUEST, { text: '403 Forbidden' });
  assert.equal(status.notAnError, false);
  assert.deepEqual(status.candidates, ['403 Forbidden error when uploading an image', '403 Forbidden: content moderation filter']);
  assert.match(status.title, /^2 catalogue entries answer HTTP 403/);
});
