// Hovers in SDK calls carry the findings and the Leonardo facts, not a copy of the SDK's JSDoc:
// TypeScript's own hover shows that text, and it can say what a finding contradicts ("if not using a
// custom model…" on an sdVersion that the SDK's default modelId makes ineffective).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze } from '../../server/src/engine/analyze.js';
import { hoverAt } from '../../server/src/engine/editor/hover.js';

const JSDOC = 'The base version of stable diffusion to use if not using a custom model';

function hover(marked: string, path: string): string {
  const offset = marked.indexOf('|');
  const text = marked.slice(0, offset) + marked.slice(offset + 1);
  const document = { text, kind: path.endsWith('.json') ? ('json' as const) : ('typescript' as const), path };
  const markdown = hoverAt({ document, result: analyze(document) }, offset)?.markdown;
  assert.ok(markdown, 'a hover');
  return markdown;
}

test('sdVersion in an SDK call: the ineffective-option finding and the facts, not the JSDoc', () => {
  const markdown = hover(
    `import { Leonardo } from "@leonardo-ai/sdk";\nconst leonardo = new Leonardo({ bearerAuth: process.env.LEONARDO_API_KEY });\nawait leonardo.image.createGeneration({ prompt: "a fox", sdV|ersion: "SDXL_1_0" });\n`,
    'app.ts',
  );
  assert.doesNotMatch(markdown, new RegExp(JSDOC));
  assert.match(markdown, /ineffective-option/);
  assert.match(markdown, /Names: wire `sd_version`, SDK `sdVersion`/);
});

test('the same field in a JSON request file keeps its description (no TypeScript hover there)', () => {
  const markdown = hover('{"prompt": "a fox", "sd_v|ersion": "SDXL_1_0", "num_images": 2}\n', 'fox.leonardo.json');
  assert.match(markdown, new RegExp(JSDOC));
});
