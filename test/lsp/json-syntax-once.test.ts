// A syntax error in a JSON request file is said once: VS Code's JSON service reports it (`json(516)` and
// the like), so a client that says so (`jsonSyntaxChecked`) gets from invalid-json only what that
// service does not say: a mistake with a certain fix (a trailing comma, Python's True, single quotes, an
// unquoted key). Without the option (Neovim, any other client) every syntax error is reported.

import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileUri, TestClient } from './support.js';

const MISSING_COMMA = '{\n  "prompt": "a red fox"\n  "num_images": 2\n}\n';
const TRAILING_COMMA = '{\n  "prompt": "a red fox",\n  "num_images": 2,\n}\n';
const SINGLE_QUOTES = "{\n  \"prompt\": 'a red fox',\n  \"num_images\": 2\n}\n";

let workspace: string;

before(() => {
  workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'leonardo-lint-json-syntax-'));
});

after(() => {
  fs.rmSync(workspace, { recursive: true, force: true });
});

for (const jsonSyntaxChecked of [true, false]) {
  describe(`a client ${jsonSyntaxChecked ? 'whose JSON service checks syntax' : 'without a JSON service'}`, () => {
    let client: TestClient;

    before(async () => {
      client = await TestClient.start({ pull: true, workspaceFolder: workspace, initializationOptions: { jsonSyntaxChecked } });
    });

    after(async () => {
      assert.equal(await client.stop(), 0);
    });

    async function invalidJson(name: string, text: string): Promise<string[]> {
      const uri = fileUri(path.join(workspace, name));
      await client.open(uri, 'json', text);
      const diagnostics = await client.pull(uri);
      return diagnostics.filter((d) => d.code === 'invalid-json').map((d) => `${d.range.start.line}:${d.range.start.character}`);
    }

    it(jsonSyntaxChecked ? 'a missing comma is left to the JSON service' : 'a missing comma is reported', async () => {
      assert.deepEqual(await invalidJson('comma.leonardo.json', MISSING_COMMA), jsonSyntaxChecked ? [] : ['2:2']);
    });

    it('a trailing comma and single quotes are reported, with their fixes', async () => {
      assert.deepEqual(await invalidJson('trailing.leonardo.json', TRAILING_COMMA), ['2:17']);
      assert.deepEqual(await invalidJson('quotes.leonardo.json', SINGLE_QUOTES), ['1:12']);
    });
  });
}
