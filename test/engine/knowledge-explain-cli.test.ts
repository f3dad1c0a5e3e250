import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runExplain } from '../../server/src/cli/explain.js';

async function explain(args: string[], stdin = ''): Promise<{ code: number; out: string }> {
  let out = '';
  const code = await runExplain(args, { stdin: async () => stdin, out: (s) => (out += s) });
  return { code, out };
}

describe('leonardo-lint explain', () => {
  it('explains a JSON error given as an argument (exit 0)', async () => {
    const r = await explain(['{"error":"invalid dimensions","path":"$","code":"unexpected"}']);
    assert.equal(r.code, 0);
    assert.match(r.out, /^Invalid Dimensions/);
    assert.match(r.out, /invalid-dimensions: https:\/\//);
  });

  it('joins several arguments (an unquoted message)', async () => {
    const r = await explain(['Too', 'many', 'images']);
    assert.equal(r.code, 0);
    assert.match(r.out, /num_images/);
  });

  it('reads standard input with -', async () => {
    const r = await explain(['-'], 'HTTP/1.1 403 Forbidden\n{"error":"content moderation filter: naked","path":"$","code":"unexpected"}\n');
    assert.equal(r.code, 0);
    assert.match(r.out, /flagged the term naked/);
  });

  it('answers an unknown error generically, still exit 0', async () => {
    const r = await explain(['{"error":"the moon is full"}']);
    assert.equal(r.code, 0);
    assert.match(r.out, /What to send to Leonardo.Ai support/);
  });

  it('exits 1 and says so when the text is not an error response', async () => {
    const r = await explain(['const x = 42']);
    assert.equal(r.code, 1);
    assert.match(r.out, /^Not a Leonardo\.Ai error/);
    assert.doesNotMatch(r.out, /Motion SVD/);
  });

  it('exits 2 with usage when there is no input', async () => {
    assert.equal((await explain([])).code, 2);
    const empty = await explain(['-'], '   \n');
    assert.equal(empty.code, 2);
    assert.match(empty.out, /Usage: leonardo-lint explain/);
  });
});
