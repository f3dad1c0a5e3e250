import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/engine/analyze.js';
import { documentKindForPath } from '../../server/src/engine/extract/index.js';
import { hoverAt } from '../../server/src/engine/editor/hover.js';

/** The hover Markdown at the `|` caret (removed from the code before analysis). */
function hover(marked: string, path = 'app.ts'): string | undefined {
  const offset = marked.indexOf('|');
  assert.ok(offset >= 0, 'no caret');
  const text = marked.slice(0, offset) + marked.slice(offset + 1);
  const document = { text, kind: documentKindForPath(path, text)!, path };
  return hoverAt({ document, result: analyze(document) }, offset)?.markdown;
}

const fetchBody = (body: string): string =>
  `await fetch("https://cloud.leonardo.ai/api/rest/v1/generations", {\n  method: "POST",\n  body: JSON.stringify(${body}),\n});\n`;

const sdkCall = (body: string): string =>
  `import { Leonardo } from "@leonardo-ai/sdk";\nconst leonardo = new Leonardo({ bearerAuth: process.env.KEY });\nawait leonardo.image.createGeneration(${body});\n`;

const DOCS = '[POST /generations reference](https://docs.leonardo.ai/reference/creategeneration)';
const TOO_MANY =
  '- `Too many images`: `num_images` is higher than the endpoint allows for the requested size and settings: at most 8, and at most 4 when `width` or `height` is over 768 (the default size 1024×768 counts as large).';

describe('hover on a request field', () => {
  it('a key in a fetch body: type, range, SDK default, names, API errors, docs link', () => {
    assert.equal(
      hover(fetchBody('{ prompt: "a fox", num_im|ages: 4 }')),
      [
        '**`num_images`** (integer) · `POST /generations`',
        '',
        'The number of images to generate. Must be between 1 and 8. If either width or height is over 768, must be between 1 and 4.',
        '',
        '- Range: `1` to `8`',
        '- SDK default: `4` (the SDK sends it even when the field is omitted)',
        '- Names: wire `num_images`, SDK `numImages`',
        '',
        '**API errors about this field**',
        '',
        TOO_MANY,
        '',
        DOCS,
      ].join('\n'),
    );
  });

  it('a key in an SDK call is named as the SDK names it, with the SDK method, without the SDK\'s JSDoc (TypeScript shows it)', () => {
    assert.equal(
      hover(sdkCall('{ prompt: "a fox", guidance|Scale: 7 }')),
      [
        '**`guidanceScale`** (number) · `image.createGeneration` (`POST /generations`)',
        '',
        '- Range: `1` to `20`',
        '- Names: wire `guidance_scale`, SDK `guidanceScale`',
        '',
        DOCS,
      ].join('\n'),
    );
  });

  it('a key in a JSON request file: multiple of 8, and every API error that mentions it', () => {
    assert.equal(
      hover('// POST /generations\n{\n  "prompt": "a fox",\n  "w|idth": 512\n}\n', 'body.jsonc'),
      [
        '**`width`** (integer) · `POST /generations`',
        '',
        'The input width of the images. Must be between 32 and 1536 and be a multiple of 8. Note: Input resolution is not always the same as output resolution due to upscaling from other features.',
        '',
        '- Range: `32` to `1536`',
        '- A multiple of `8`',
        '- SDK default: `1024` (the SDK sends it even when the field is omitted)',
        '- Name: `width` (wire and SDK)',
        '',
        '**API errors about this field**',
        '',
        TOO_MANY,
        '- `invalid dimensions`: `width` or `height` is not a multiple of 8, or outside the allowed range. Often seen with Alchemy, whose pipeline ends with images larger than the input size.',
        '',
        DOCS,
      ].join('\n'),
    );
  });
});

describe('hover on a value', () => {
  it('an enum value lists the other allowed values; prose is escaped for Markdown', () => {
    assert.equal(
      hover(fetchBody('{ prompt: "a fox", scheduler: "KL|MS" }')),
      [
        '**`scheduler`** (string) · `POST /generations`',
        '',
        'The scheduler to generate images with. Defaults to EULER\\_DISCRETE if not specified.',
        '',
        '- Other allowed values: `EULER_ANCESTRAL_DISCRETE`, `EULER_DISCRETE`, `DDIM`, `DPM_SOLVER`, `PNDM`, `LEONARDO`',
        '- Name: `scheduler` (wire and SDK)',
        '',
        DOCS,
      ].join('\n'),
    );
  });

  it('a value inside an array of objects is a nested field', () => {
    const markdown = hover(fetchBody('{ prompt: "a fox", controlnets: [{ strengthType: "Hi|gh" }] }'));
    assert.equal(markdown?.split('\n')[0], '**`controlnets[].strengthType`** (string) · `POST /generations`');
    assert.match(markdown, /^- Other allowed values: `Low`, `Mid`, `Ultra`, `Max`$/m);
  });
});

describe('hover on a finding', () => {
  it("explains the rule with the API's own error text and links its docs", () => {
    assert.equal(
      hover(fetchBody('{ prompt: "a fox", wi|d: 512 }')),
      [
        '**Leonardo Lint: `unknown-field`**',
        '',
        'A body field the endpoint does not accept (the API answers `Unexpected variable <name>`).',
        '',
        'The API answers: `Unexpected variable wid`',
        '',
        '[Documentation for unknown-field](https://github.com/leonardo-lint/leonardo-lint/blob/main/docs/rules/unknown-field.md)',
      ].join('\n'),
    );
  });

  it('puts the finding first and the field after a rule when both are under the cursor', () => {
    const markdown = hover(fetchBody('{ prompt: "a fox", scheduler: "KAR|RAS" }'))!;
    const [finding, field] = markdown.split('\n\n---\n\n');
    assert.equal(finding.split('\n')[0], '**Leonardo Lint: `invalid-enum`**');
    assert.equal(field.split('\n')[0], '**`scheduler`** (string) · `POST /generations`');
    assert.match(field, /^- Allowed values: `KLMS`, /m);
  });
});

describe('hover elsewhere', () => {
  it("explains a string literal holding an API error text", () => {
    const markdown = hover('if (body.error === "invalid dimen|sions") retry();\n');
    assert.equal(markdown?.split('\n')[0], '**Invalid Dimensions**');
  });

  it('says nothing outside Leonardo requests', () => {
    assert.equal(hover(fetchBody('{ prompt: "a fox" }').replace('await', 'aw|ait')), undefined);
    assert.equal(hover('await fetch("https://example.com/api", { method: "POST", body: JSON.stringify({ wid|th: "512" }) });\n'), undefined);
  });
});
