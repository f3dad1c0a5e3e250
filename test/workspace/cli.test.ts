// The CLI with the workspace index: a folder, one file (its imports read from the disk under its
// project's root), and a subfolder, all find the mistake made through an imported wrapper.

import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { runCli } from '../../server/src/cli/main.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'leonardo-lint-workspace-'));
after(() => fs.rmSync(dir, { recursive: true, force: true }));

const FILES: Record<string, string> = {
  'package.json': '{ "name": "app" }',
  'jsconfig.json': '{ "compilerOptions": { "baseUrl": ".", "paths": { "@/*": ["src/*"] } } }',
  'src/lib/leonardo.js': `import axios from "axios";
export const leonardo = axios.create({ baseURL: "https://cloud.leonardo.ai/api/rest/v1", headers: { Authorization: \`Bearer \${process.env.LEONARDO_API_KEY}\` } });
export const generateImage = (params) => leonardo.post("/generations", params).then((r) => r.data);
`,
  'src/lib/index.js': 'export * from "./leonardo";\n',
  'src/app/api/route.js': `import { generateImage } from "@/lib";
export async function POST() {
  return Response.json(await generateImage({ prompt: "a harbour", height: 1030 }));
}
`,
  'node_modules/fake/index.js': 'export const generateImage = () => fetch("https://cloud.leonardo.ai/api/rest/v1/generations");\n',
};
for (const [name, text] of Object.entries(FILES)) {
  fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
  fs.writeFileSync(path.join(dir, name), text);
}

async function lint(args: string[]): Promise<{ code: number; out: string }> {
  let out = '';
  const cwd = process.cwd();
  process.chdir(dir);
  try {
    const code = await runCli(['--format', 'stylish', '--no-color', ...args], { out: (t) => (out += t), err: () => {}, stdin: () => Promise.resolve(''), isTty: false });
    return { code, out };
  } finally {
    process.chdir(cwd);
  }
}

for (const [what, args] of [
  ['the folder', ['.']],
  ['one file', ['src/app/api/route.js']],
  ['a subfolder', ['src/app']],
] as const) {
  test(`CLI, ${what}: the height sent through the imported wrapper is found at the caller, naming the wrapper's file`, async () => {
    const { code, out } = await lint([...args]);
    assert.equal(code, 1, out);
    assert.match(out, /3:75 +error .*'height' 1030 .*invalid-dimensions/);
    assert.match(out, /see src[\\/]lib[\\/]leonardo\.js:3:14: 'generateImage': the function that sends this request/);
  });
}
