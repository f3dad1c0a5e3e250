// Markdown: curl in fenced and indented code blocks (prompts stripped), ```http blocks; prose ignored.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { getCatalogue } from '../../server/src/api/catalogue.js';
import { extractFromMarkdown } from '../../server/src/engine/extract/markdown.js';
import { codeBlocks } from '../../server/src/engine/extract/markdown-blocks.js';
import type { ObjectValue, RequestSite, Span } from '../../server/src/engine/types.js';

const catalogue = getCatalogue();
const extract = (text: string): RequestSite[] => extractFromMarkdown({ text, kind: 'markdown', path: 'README.md' }, catalogue).requests;
const at = (text: string, span: Span | undefined): string => (span ? text.slice(span.start, span.end) : '<none>');

const README = `# Leonardo quick start

Generate an image with curl (replace the key). Don't run \`curl https://cloud.leonardo.ai/api/rest/v1/generation\` — prose is not linted.

\`\`\`bash
export LEONARDO_API=https://cloud.leonardo.ai/api/rest/v1
$ curl -X POST "$LEONARDO_API/generations" \\
    -H "authorization: Bearer $LEONARDO_API_KEY" \\
    -H 'content-type: application/json' \\
    -d '{"prompt": "a red fox", "num_images": 2}'
\`\`\`

Then check on it:

\`\`\`console
$ curl -s https://cloud.leonardo.ai/api/rest/v1/generations/2f0e0e9c-1111-4c3c-9a0e-9a8e0e9c1111 \\
>   -H "authorization: Bearer $LEONARDO_API_KEY"
{"generations_by_pk": {"status": "PENDING", "generated_images": []}}
$ curl https://cloud.leonardo.ai/api/rest/v1/me --data '
{"x": True}
'
\`\`\`

Indented:

    curl https://cloud.leonardo.ai/api/rest/v1/init-image --json '{"extension": "png"}'

\`\`\`python
requests.post("https://cloud.leonardo.ai/api/rest/v1/generation", json={"prompt": True})
\`\`\`

\`\`\`http
POST https://cloud.leonardo.ai/api/rest/v1/variations/upscale
Content-Type: application/json

{"id": "3f1c5c8e-9a8e-4b8e-9a51-2b0f6a1d2c3e"}
\`\`\`
`;

test('code blocks: fenced with their language, indented ones, nothing from prose', () => {
  const blocks = codeBlocks(README).map((b) => b.info);
  assert.deepEqual(blocks, ['bash', 'console', '', 'python', 'http']);
});

test('a README: curl in bash, console and indented blocks, REST Client in http blocks', () => {
  const sites = extract(README);
  assert.deepEqual(
    sites.map((s) => `${s.source} ${s.method} ${s.url?.path}`),
    [
      'curl POST /generations',
      'curl GET /generations/2f0e0e9c-1111-4c3c-9a0e-9a8e0e9c1111',
      'curl POST /me',
      'curl POST /init-image',
      'http-file POST /variations/upscale',
    ],
  );
  const [create] = sites;
  assert.equal(create.endpoint?.operationId, 'createGeneration');
  const body = create.body as ObjectValue;
  assert.equal(at(README, body.properties[1].value.span), '2');
  assert.equal(at(README, create.url!.pathSpan), '/generations');
});

test('console transcripts: output lines are not commands; > continuation prompts are stripped', () => {
  const sites = extract(README);
  const poll = sites[1];
  assert.deepEqual(poll.headers!.properties.map((p) => p.key), ['authorization']);
  const me = sites[2];
  assert.equal(me.jsonErrors!.length, 1);
  assert.equal(at(README, me.jsonErrors![0].span), 'True');
});

test('a shell block without curl, a python block and prose give nothing', () => {
  assert.deepEqual(extract('Use `curl https://cloud.leonardo.ai/api/rest/v1/x -d "{"`.\n\n```sh\nls -la\n```\n'), []);
  assert.deepEqual(extract('```js\nfetch("https://cloud.leonardo.ai/api/rest/v1/generation")\n```\n'), []);
});

test('~~~ fences, fences in list items, CRLF line ends', () => {
  const text = '1. Run:\r\n\r\n   ~~~sh\r\n   curl https://cloud.leonardo.ai/api/rest/v1/me\r\n   ~~~\r\n';
  const [site] = extract(text);
  assert.equal(site.endpoint?.path, '/me');
  assert.equal(at(text, site.url!.pathSpan), '/me');
});

test('an unterminated quote stays inside its block', () => {
  const text = "```bash\ncurl https://cloud.leonardo.ai/api/rest/v1/generations -d '{\"prompt\": \"a\n```\n\n```bash\ncurl https://cloud.leonardo.ai/api/rest/v1/me\n```\n";
  const sites = extract(text);
  assert.equal(sites.length, 2);
  assert.equal(sites[1].endpoint?.path, '/me');
});
