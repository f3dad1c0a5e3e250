import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { describe, it, type TestContext } from 'node:test';
import { fileURLToPath } from 'node:url';
import { getCatalogue } from '../../server/src/api/catalogue.js';
import { ruleDocsUrl } from '../../server/src/engine/rule-docs.js';
import {
  apiErrors,
  entriesMentioningField,
  errorHoverAt,
  explainError,
  formatExplanation,
  stringLiteralAt,
} from '../../server/src/engine/knowledge/index.js';

import { allRules } from '../../server/src/engine/rules/index.js';

// Leonardo's published error catalogue (reference data, not in this repo: a checkout may have it in
// `../shared/reference/` beside it) is what the knowledge base was written from. Where it is present
// the coverage cases check the knowledge base against it; where it is not they are skipped, each one
// counted and saying why. The knowledge base itself is tested below either way.
const CATALOGUE_FILE = fileURLToPath(new URL('../../../shared/reference/leonardo-api-errors.txt', import.meta.url));
const catalogueText = existsSync(CATALOGUE_FILE) ? readFileSync(CATALOGUE_FILE, 'utf8') : undefined;

/** The catalogue's text, or undefined after marking the test skipped (counted by the runner). */
function catalogue(t: TestContext): string | undefined {
  if (catalogueText === undefined) t.skip(`the API error catalogue (reference data, not in this repo) is not at ${CATALOGUE_FILE}`);
  return catalogueText;
}

describe('error knowledge base: coverage of the catalogue', () => {
  it('has one entry per catalogue heading (the duplicated "Failed to find init variation" merged)', (t) => {
    const text = catalogue(t);
    if (text === undefined) return;
    const titles = apiErrors.map((e) => e.title);
    assert.equal(new Set(titles).size, titles.length);
    for (const title of titles) assert.ok(text.includes(title), `heading not in the catalogue: ${title}`);
    assert.equal(text.split('\nFailed to find init variation\n').length - 1, 2);
    assert.equal(apiErrors.length, 19);
  });

  it('matches every "error" text the catalogue quotes to an entry that is not the generic one by accident', (t) => {
    const text = catalogue(t);
    if (text === undefined) return;
    const quoted = [...text.matchAll(/"(?:error|message)":\s*"((?:\\.|[^"\\])*)"/g)].map((m) => JSON.parse(`"${m[1]}"`) as string);
    assert.ok(quoted.length >= 17);
    for (const quote of quoted) {
      const match = explainError(quote);
      assert.equal(match.generic, false, quote);
    }
  });
});

describe('error knowledge base: the catalogue as data', () => {
  it('merges both causes of "failed to find init variation"', () => {
    const entry = explainError('failed to find init variation').entry;
    assert.equal(entry.causes.length, 2);
    assert.match(entry.causes.join(' '), /isVariation/);
    assert.match(entry.causes.join(' '), /generated on Leonardo/);
  });
});

describe('error knowledge base: links', () => {
  it('links every related rule to a registered rule', () => {
    const ids = new Set(allRules.map((r) => r.meta.id));
    for (const entry of apiErrors) for (const id of entry.rules) assert.ok(ids.has(id), `${entry.id}: ${id}`);
  });
});

describe('explainError', () => {
  it('reads a full JSON error response', () => {
    const m = explainError('{"error": "Unexpected variable sd_Version", "path": "$", "code": "bad-request"}', getCatalogue());
    assert.equal(m.entry.id, 'unexpected-variable');
    assert.equal(m.captures.name, 'sd_Version');
    assert.equal(m.code, 'bad-request');
    assert.deepEqual(m.suggestions, ['sd_version']);
  });

  it('reads the errors[] shape with extensions', () => {
    const m = explainError(
      '{"errors":[{"message":"WebhookCallbackUrl is not a valid url (must be https://)","extensions":{"path":"$","code":"unexpected"}}]}',
    );
    assert.equal(m.entry.id, 'key-creation-error');
    assert.equal(m.code, 'unexpected');
  });

  it('reads a response pasted with its HTTP status line and headers', () => {
    const m = explainError(
      'HTTP/2 400\ncontent-type: application/json\n\n{"error":"invalid dimensions","path":"$","code":"unexpected"}',
    );
    assert.equal(m.entry.id, 'invalid-dimensions');
    assert.equal(m.status, 400);
    assert.match(formatExplanation(m.entry, m, 'plain'), /1536/);
  });

  it('reads a message inside log text, and node util.inspect output', () => {
    assert.equal(
      explainError('2026-05-02T10:00:00Z ERROR generation failed: not enough api tokens userId: 1234-abcd').entry.id,
      'not-enough-api-tokens',
    );
    const inspected = "AxiosError: Request failed with status code 400\n  data: { error: 'photoreal mode, unexpected model id provided', path: '$' }";
    const m = explainError(inspected);
    assert.equal(m.entry.id, 'photoreal-unexpected-model-id');
    assert.equal(m.status, 400);
  });

  it('captures the variable parts of messages', () => {
    assert.equal(explainError('content moderation filter: naked').captures.term, 'naked');
    const bool = explainError(
      '{"error":"expected a boolean for type \'Boolean\', but found a string","path":"$.selectionSet.sdGenerationJob.args.arg1.photoReal","code":"validation-failed"}',
    );
    assert.equal(bool.entry.id, 'expected-boolean');
    assert.equal(bool.captures.field, 'photoReal');
    assert.match(formatExplanation(bool.entry, bool, 'plain'), /The field is photoReal/);
    const nonNull = explainError('{"error":"expecting a value for non-nullable variable: \\"imageId\\""}');
    assert.equal(nonNull.entry.id, 'non-nullable-variable');
    assert.equal(nonNull.captures.name, 'imageId');
  });

  it('matches status-only entries by status and context', () => {
    assert.equal(explainError('PUT to the presigned S3 upload URL returned 403 Forbidden').entry.id, 'upload-forbidden');
    assert.equal(explainError('upload: HTTP/1.1 204 No Content').entry.id, 'upload-no-content');
    assert.equal(
      explainError('{"generations_by_pk":{"status":"PENDING","generated_images":[]}}').entry.id,
      'empty-generated-images',
    );
    // A moderation 403 is not an upload 403.
    assert.equal(explainError('403 Forbidden {"error":"content moderation filter: naked"}').entry.id, 'content-moderation');
  });

  it('answers an unknown error with the generic Service Error entry and the support checklist', () => {
    const m = explainError('{"error":"something nobody has seen","code":"unexpected"}');
    assert.equal(m.generic, true);
    assert.equal(m.entry.id, 'service-error');
    const text = formatExplanation(m.entry, m, 'plain');
    assert.match(text, /something nobody has seen/);
    assert.match(text, /without your API key/);
    assert.match(text, /generation id/);
    assert.match(text, /full error response/);
  });

  it('says when a text is not an error at all, instead of answering it with unrelated advice', () => {
    for (const text of ['const x = 42', 'https://cloud.leonardo.ai/api/rest/v1/generations', 'a lighthouse at dusk, oil painting']) {
      const m = explainError(text);
      assert.equal(m.notAnError, true, text);
      const out = formatExplanation(m.entry, m, 'plain');
      assert.match(out, /^Not a Leonardo\.Ai error\n/);
      assert.doesNotMatch(out, /Motion SVD|The API answered/);
    }
    for (const text of ['Error: socket hang up', 'Request failed with status code 500', '{"error":"the moon is full"}']) {
      assert.equal(explainError(text).notAnError, false, text);
    }
  });

  it('a bare status that several entries share lists them all, and no unrelated advice', () => {
    const m = explainError('403 Forbidden');
    assert.deepEqual(m.candidates.map((e) => e.id), ['upload-forbidden', 'content-moderation']);
    const out = formatExplanation(m.entry, m, 'plain');
    assert.match(out, /^2 catalogue entries answer HTTP 403: which one is yours\?/);
    assert.match(out, /403 Forbidden error when uploading an image:/);
    assert.match(out, /403 Forbidden: content moderation filter:/);
    assert.match(out, /presigned-upload-auth/);
    assert.doesNotMatch(out, /Motion SVD/);
    // A status with context, or with a message, still finds its one entry.
    assert.deepEqual(explainError('403 Forbidden from the presigned S3 upload').candidates, []);
    assert.equal(explainError('403 Forbidden from the presigned S3 upload').entry.id, 'upload-forbidden');
  });

  it('the generic answer gives no cause of another entry (no Motion SVD advice for an unknown error)', () => {
    const m = explainError('{"error":"something nobody has seen","code":"unexpected"}');
    const out = formatExplanation(m.entry, m, 'plain');
    assert.doesNotMatch(out, /Motion SVD|wrong-id-kind/);
  });

  it('a literal "Service Error" is the known entry, with the motion SVD cause', () => {
    const m = explainError('{"error":"Service Error","path":"$","code":"unexpected"}');
    assert.equal(m.generic, false);
    assert.match(formatExplanation(m.entry, m, 'plain'), /Motion SVD/);
  });
});

describe('formatExplanation', () => {
  it('renders markdown with links to the related rules', () => {
    const m = explainError('Unexpected variable numImages', getCatalogue());
    const md = formatExplanation(m.entry, m, 'markdown');
    assert.ok(md.includes(`[\`unknown-field\`](${ruleDocsUrl('unknown-field')})`));
    assert.match(md, /did you mean `num_images`/);
  });

  it('renders plain text without markdown', () => {
    const m = explainError('invalid init image id');
    const text = formatExplanation(m.entry, m, 'plain');
    assert.doesNotMatch(text, /\*\*|`/);
    assert.ok(text.includes(`invalid-id: ${ruleDocsUrl('invalid-id')}`));
    assert.match(text, /init_generation_image_id/);
  });
});

describe('hovers', () => {
  it('explains a string literal holding an API error text', () => {
    const code = 'if (body.error === "invalid dimensions") retry();';
    const md = errorHoverAt(code, code.indexOf('dimensions'));
    assert.ok(md);
    assert.match(md, /multiples of 8/);
    assert.equal(errorHoverAt(code, code.indexOf('retry')), undefined);
  });

  it('ignores literals that are not API errors, and status-only entries', () => {
    const code = `const a = 'hello world'; const b = "204 No Content upload";`;
    assert.equal(errorHoverAt(code, 13), undefined);
    assert.equal(errorHoverAt(code, code.indexOf('No Content')), undefined);
  });

  it('finds the literal under the cursor on its line only', () => {
    const code = `x = "a"\ny = 'not enough api tokens'`;
    const at = stringLiteralAt(code, code.indexOf('enough'));
    assert.equal(at?.content, 'not enough api tokens');
    assert.equal(stringLiteralAt(code, 2), undefined);
  });

  it('lists entries that mention a field, by wire or SDK name', () => {
    const ids = (name: string) => entriesMentioningField(name).map((e) => e.id);
    assert.ok(ids('num_images').includes('too-many-images'));
    assert.deepEqual(ids('numImages'), ids('num_images'));
    assert.ok(ids('isVariation').includes('failed-to-find-init-variation'));
    assert.deepEqual(ids('scheduler'), []);
  });
});
