// v2 bodies over the protocol, against the built server: model strings completed with their titles,
// the default enum value preselected, and hovers on the model and a style UUID.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, it } from 'node:test';
import { caret, fileUri, TestClient } from './support.js';

let client: TestClient;
let workspace: string;

before(async () => {
  workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'leonardo-lint-v2-'));
  client = await TestClient.start({ pull: true });
});

after(async () => {
  assert.equal(await client.stop(), 0);
  fs.rmSync(workspace, { recursive: true, force: true });
});

const CODE = `const res = await fetch('https://cloud.leonardo.ai/api/rest/v2/generations', {
  method: 'POST',
  headers: { authorization: \`Bearer \${process.env.LEONARDO_API_KEY}\` },
  body: JSON.stringify({ model: 'gemini-image-2', parameters: { prompt: 'a fox', prompt_enhance: 'ON', style_ids: ['3cbb655a-7ca4-463f-b697-8a03ad67327c'] } }),
});
`;

it('completes model strings with title and kind, and marks the default enum value', async () => {
  const uri = fileUri(path.join(workspace, 'models.ts'));
  const { text, position } = caret(CODE.replace("'gemini-image-2'", "'gem|'"));
  await client.open(uri, 'typescript', text);
  const items = await client.completion(uri, position);
  const banana = items.find((i) => i.label === 'gemini-image-2')!;
  assert.equal(banana.detail, 'Nano Banana Pro · image');
  assert.equal(banana.textEdit && 'range' in banana.textEdit ? banana.textEdit.newText : undefined, 'gemini-image-2');

  const enumAt = caret(CODE.replace("prompt_enhance: 'ON'", "prompt_enhance: '|'"));
  await client.change(uri, enumAt.text);
  const values = await client.completion(uri, enumAt.position);
  const auto = values.find((i) => i.label === 'AUTO')!;
  assert.equal(auto.preselect, true);
  assert.equal(auto.detail, 'prompt_enhance value · default');
});

it('hovers the model and a style UUID', async () => {
  const uri = fileUri(path.join(workspace, 'hover.ts'));
  const model = caret(CODE.replace("'gemini-image-2'", "'gemini-|image-2'"));
  await client.open(uri, 'typescript', model.text);
  const onModel = await client.hover(uri, model.position);
  assert.match((onModel!.contents as { value: string }).value, /^\*\*Nano Banana Pro\*\* · `gemini-image-2` · image/);
  const style = caret(CODE.replace('3cbb655a-7ca4', '3cbb655a-|7ca4'));
  await client.change(uri, style.text);
  const onStyle = await client.hover(uri, style.position);
  assert.match((onStyle!.contents as { value: string }).value, /Style: Acrylic/);
});
