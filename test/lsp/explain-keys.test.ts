// The "Explain API Error" request never sends a key back in full: the pasted error is quoted in the
// explanation, and a pasted error often holds the key that caused it.
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { EXPLAIN_ERROR_REQUEST, type ExplainErrorResult } from '../../server/src/lsp/protocol.js';
import { TestClient } from './support.js';

const KEY = '3f2a9c4e-8b1d-4e6f-9a7c-2d5b8e1f0a3c';
let client: TestClient;

before(async () => {
  client = await TestClient.start({ pull: true });
});

after(async () => {
  assert.equal(await client.stop(), 0);
});

const pasted = [
  `{"error": "Invalid API key ${KEY}", "code": "unauthorized"}`,
  `Authorization: Bearer ${KEY} -> 401 Unauthorized`,
  `{"error": "Unexpected variable sd_Version", "path": "$", "code": "bad-request", "key": "${KEY}"}`,
  `{"error":"modelId ${KEY} not found"}`,
];

for (const text of pasted) {
  it(`redacts the key in the explanation of ${text.slice(0, 40)}…`, async () => {
    const result: ExplainErrorResult = await client.connection.sendRequest(EXPLAIN_ERROR_REQUEST, { text });
    const answer = JSON.stringify(result);
    assert.ok(!answer.includes(KEY.slice(4)), answer);
    assert.ok(result.markdown.length > 100);
  });
}
