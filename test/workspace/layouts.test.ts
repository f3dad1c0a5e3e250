// Express with services (CommonJS) and a monorepo package (index files, re-exports, `.js` written for
// `.ts`, a `paths` alias through `extends`): what is found across files, where, and what is not.

import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { WorkspaceIndex } from '../../server/src/engine/workspace/index.js';
import { lintProject, projectIndex, ROOT } from './project.js';

const EXPRESS = {
  'package.json': '{ "name": "api" }',
  'services/leonardo.js': `const axios = require("axios");

const client = axios.create({
  baseURL: "https://cloud.leonardo.ai/api/rest/v1",
  headers: { authorization: "Bearer " + process.env.LEONARDO_API_KEY },
});

async function leonardoRequest(method, path, body) {
  const res = await client.request({ method, url: path, data: body });
  return res.data;
}

module.exports = { client, leonardoRequest };
`,
  'routes/images.js': `const express = require("express");
const { leonardoRequest } = require("../services/leonardo");
const leo = require("../services/leonardo");

const router = express.Router();

router.post("/images", async (req, res) => {
  const job = await leonardoRequest("POST", "/generations", { prompt: req.body.prompt, num_images: 12 });
  const models = await leo.client.get("/platformModels");
  const upscaled = await leonardoRequest("POST", "/variations/upscale", { id: req.body.imageId });
  res.json({ job, models: models.data, upscaled });
});

module.exports = router;
`,
};

test('Express: CommonJS services called from routes through require, whole or destructured', () => {
  const { findings, described } = lintProject(EXPRESS);
  const route = described['routes/images.js'];
  assert.deepEqual(
    route.filter((d) => !d.startsWith('unchecked-generation-status')),
    ['too-many-images 8:100 12'],
    route.join('\n'),
  );
  const related = findings['routes/images.js'].find((f) => f.ruleId === 'too-many-images')!.related!;
  assert.equal(related[0].file, path.join(ROOT, 'services/leonardo.js'));
  assert.match(related[0].message, /leonardoRequest/);
  // The wrapper's own file is unchanged: its request is still seen (with unknown parts), nothing flagged.
  assert.deepEqual(described['services/leonardo.js'], []);
});

const MONOREPO = {
  'packages/leonardo/tsconfig.json': `{ "extends": "../../tsconfig.base.json", "compilerOptions": { "outDir": "dist" } }`,
  'tsconfig.base.json': `{ "compilerOptions": { "baseUrl": ".", "paths": { "@acme/leonardo": ["packages/leonardo/src/index.ts"], "@acme/leonardo/*": ["packages/leonardo/src/*"], "@acme/*": ["packages/*/src"] } } }`,
  'packages/leonardo/src/index.ts': `export { LeonardoModels, createImage } from "./generate.js";\nexport * from "./client.js";\n`,
  'packages/leonardo/src/client.ts': `import ky from "ky";
export const LEONARDO_BASE = "https://cloud.leonardo.ai/api/rest/v1";
export const api = ky.create({ prefixUrl: LEONARDO_BASE, headers: { authorization: \`Bearer \${process.env.LEONARDO_API_KEY}\` } });
export default api;
`,
  'packages/leonardo/src/generate.ts': `import { api } from "./client.js";
export const LeonardoModels = { phoenix: "6b645e3a-d64f-4341-a6d8-7a3690fbf042" } as const;
export async function createImage(json: object) {
  return api.post("generations", { json }).json();
}
`,
  'packages/web/tsconfig.json': `{ "extends": "../../tsconfig.base.json" }`,
  'packages/web/src/jobs.ts': `import { createImage, LeonardoModels, LEONARDO_BASE } from "@acme/leonardo";
import api from "@acme/leonardo/client";

export async function nightly() {
  await createImage({ prompt: "a lighthouse", modelId: LeonardoModels.phoenix, guidance_scale: 40 });
  await fetch(\`\${LEONARDO_BASE}/generations\`, { method: "POST", headers: { authorization: "Bearer x" }, body: JSON.stringify({ prompt: "x", guidance_scale: 41 }) });
  await api.post("generations", { json: { prompt: "y", guidance_scale: 42 } });
}
`,
};

test('monorepo: a package imported through a paths alias, its index file, re-exports and `export default`', () => {
  const { described } = lintProject(MONOREPO);
  const jobs = described['packages/web/src/jobs.ts'].filter((d) => d.startsWith('out-of-range'));
  assert.deepEqual(jobs, ['out-of-range 5:96 40', 'out-of-range 6:157 41', 'out-of-range 7:72 42'], described['packages/web/src/jobs.ts'].join('\n'));
});

test('a finding is never made of what cannot be known: unresolved, package and non-Leonardo imports stay silent', () => {
  const { described } = lintProject({
    'src/util.ts': `export const api = (path: string, body: unknown) => fetch("https://example.com" + path, { method: "POST", body: JSON.stringify(body) });\nexport const BASE = process.env.API_URL;\n`,
    'src/main.ts': `import { api, BASE } from "./util";
import { generate } from "./missing";
import { Leonardo } from "@leonardo-ai/sdk";
export async function run() {
  await api("/generations", { num_images: 99 });
  await generate("/generations", { num_images: 99 });
  await fetch(BASE + "/generations", { method: "POST", body: JSON.stringify({ num_images: 99 }) });
  return Leonardo;
}
`,
  });
  assert.deepEqual(described['src/main.ts'], []);
});

test('the index reads nothing outside its root and nothing in node_modules', () => {
  const asked: string[] = [];
  // No file list: existence is asked of the reader, as when the CLI lints one file.
  const index = new WorkspaceIndex({ root: ROOT, read: (file) => (asked.push(file), file === path.join(ROOT, 'a.ts') ? 'export const x = Date.now();' : undefined) });
  const resolver = index.resolverFor(path.join(ROOT, 'src/b.ts'));
  assert.equal(resolver.resolve('../../outside/leonardo', 'x'), undefined);
  assert.equal(resolver.resolve('./node_modules/leonardo/index', 'y'), undefined);
  assert.equal(resolver.resolve('/etc/passwd', 'default'), undefined);
  assert.equal(resolver.resolve('../a', 'x'), undefined);
  assert.ok(asked.length > 0);
  assert.deepEqual(asked.filter((file) => !file.startsWith(ROOT + path.sep) || file.includes('node_modules')), []);
});

test('an edit to an exporting module names its importers, and their next analysis sees the new export', () => {
  const files = { ...EXPRESS };
  const index = projectIndex(files);
  index.build();
  const route = path.join(ROOT, 'routes/images.js');
  const service = path.join(ROOT, 'services/leonardo.js');
  assert.equal(index.resolverFor(route).resolve('../services/leonardo', 'leonardoRequest')?.kind, 'wrapper');
  const affected = index.update(service, files['services/leonardo.js'].replace('module.exports = { client, leonardoRequest };', 'module.exports = { client };'));
  assert.deepEqual(affected, [route]);
  assert.equal(index.resolverFor(route).resolve('../services/leonardo', 'leonardoRequest'), undefined);
  // Deleted: nothing resolves to it any more.
  index.update(service, null);
  assert.equal(index.resolverFor(route).resolve('../services/leonardo', 'client'), undefined);
});
