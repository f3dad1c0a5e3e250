// Completion and hover inside v2 request bodies (`{model, parameters, public}`), from the v2 catalogue:
// model strings with their titles, only the chosen model's parameters, enum values with the default
// marked, style UUIDs by name; hovers on the model, a parameter, a style UUID and a v1 model UUID.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/engine/analyze.js';
import { completionsAt, type Completion } from '../../server/src/engine/editor/completion.js';
import { documentKindForPath } from '../../server/src/engine/extract/index.js';
import { hoverAt } from '../../server/src/engine/editor/hover.js';
import { applyEdits } from '../helpers/lint.js';

const V2 = 'https://cloud.leonardo.ai/api/rest/v2/generations';

function documentOf(text: string, path: string) {
  return { text, kind: documentKindForPath(path, text)!, path };
}

interface AtCaret {
  text: string;
  items: Completion[];
}

function complete(marked: string, path = 'route.ts'): AtCaret {
  const offset = marked.indexOf('|');
  assert.ok(offset >= 0, 'no caret');
  const text = marked.slice(0, offset) + marked.slice(offset + 1);
  const document = documentOf(text, path);
  return { text, items: completionsAt({ document, result: analyze(document) }, offset) };
}

function accept({ text, items }: AtCaret, label: string): string {
  const item = items.find((i) => i.label === label);
  assert.ok(item, `no item ${label} among ${items.map((i) => i.label).slice(0, 30).join(', ')}`);
  return applyEdits(text, [item.edit, ...item.extraEdits]);
}

const labels = ({ items }: AtCaret): string[] => items.map((i) => i.label);

function hover(marked: string, path = 'route.ts'): string | undefined {
  const offset = marked.indexOf('|');
  const text = marked.slice(0, offset) + marked.slice(offset + 1);
  const document = documentOf(text, path);
  return hoverAt({ document, result: analyze(document) }, offset)?.markdown;
}

const route = (body: string): string => `export async function POST(req: Request) {
  const { prompt } = await req.json();
  const res = await fetch('${V2}', {
    method: 'POST',
    headers: { authorization: \`Bearer \${process.env.LEONARDO_API_KEY}\`, 'content-type': 'application/json' },
    body: JSON.stringify(${body}),
  });
  return Response.json(await res.json());
}
`;

describe('v2 completion', () => {
  it('top-level keys of a v2 body, leaving out those present', () => {
    const at = complete(route(`{ model: 'gemini-image-2', | }`));
    assert.deepEqual(labels(at).sort(), ['parameters', 'public']);
    assert.equal(accept(at, 'parameters'), route(`{ model: 'gemini-image-2', parameters:  }`));
  });

  it('model strings with title and kind beside them; retired ones are not offered', () => {
    const at = complete(route(`{ model: '|', parameters: { prompt } }`));
    const banana = at.items.find((i) => i.label === 'gemini-image-2')!;
    assert.equal(banana.detail, 'Nano Banana Pro · image');
    assert.match(banana.documentation!, /\*\*Nano Banana Pro\*\* · `gemini-image-2` · image/);
    assert.match(banana.documentation!, /At most 8 outputs per request/);
    assert.match(banana.documentation!, /docs\.leonardo\.ai\/docs\/nano-banana-pro/);
    assert.equal(at.items.find((i) => i.label === 'kling-3.0')!.detail.endsWith('· video'), true);
    assert.ok(!labels(at).includes('sora-2'), 'a retired model is offered');
    assert.equal(accept(at, 'gpt-image-1.5'), route(`{ model: 'gpt-image-1.5', parameters: { prompt } }`));
  });

  it("only the chosen model's parameters, with type and range", () => {
    const at = complete(route(`{ model: 'gemini-image-2', parameters: { prompt, q| } }`));
    const quantity = at.items.find((i) => i.label === 'quantity')!;
    assert.equal(quantity.detail, 'integer · 1–8');
    assert.ok(labels(at).includes('prompt_enhance'));
    assert.ok(!labels(at).includes('prompt'), 'a present key is offered again');
    assert.ok(!labels(at).includes('duration'), 'a video parameter is offered for an image model');
    assert.equal(accept(at, 'quantity'), route(`{ model: 'gemini-image-2', parameters: { prompt, quantity:  } }`));
    const video = complete(route(`{ model: 'kling-3.0', parameters: { prompt, | } }`));
    assert.ok(labels(video).includes('duration'));
    assert.ok(!labels(video).includes('style_ids'));
  });

  it('a model chosen by a ternary offers the parameters of both', () => {
    const at = complete(route(`{ model: hd ? 'gemini-image-2' : 'kling-3.0', parameters: { prompt, | } }`));
    assert.ok(labels(at).includes('style_ids'));
    assert.ok(labels(at).includes('duration'));
  });

  it('enum values with the default marked and selected first', () => {
    const at = complete(route(`{ model: 'gemini-image-2', parameters: { prompt, prompt_enhance: '|' } }`));
    assert.deepEqual(labels(at).sort(), ['AUTO', 'OFF', 'ON']);
    const auto = at.items.find((i) => i.label === 'AUTO')!;
    assert.equal(auto.detail, 'prompt_enhance value · default');
    assert.equal(auto.preselect, true);
    assert.equal(accept(at, 'OFF'), route(`{ model: 'gemini-image-2', parameters: { prompt, prompt_enhance: 'OFF' } }`));
  });

  it('style UUIDs: the style name as the label, the UUID inserted', () => {
    const at = complete(route(`{ model: 'gemini-image-2', parameters: { prompt, style_ids: [|] } }`));
    const acrylic = at.items.find((i) => i.label === 'Acrylic')!;
    assert.equal(acrylic.edit.newText, "'3cbb655a-7ca4-463f-b697-8a03ad67327c'");
    assert.equal(
      accept(at, 'Acrylic'),
      route(`{ model: 'gemini-image-2', parameters: { prompt, style_ids: ['3cbb655a-7ca4-463f-b697-8a03ad67327c'] } }`),
    );
    const inString = complete(route(`{ model: 'gemini-image-2', parameters: { prompt, style_ids: ["|"] } }`));
    assert.equal(inString.items.find((i) => i.label === 'Acrylic')!.edit.newText, '3cbb655a-7ca4-463f-b697-8a03ad67327c');
  });

  it('no parameter completions while the model is unknown (a variable, a typo)', () => {
    assert.deepEqual(labels(complete(route(`{ model: MODEL, parameters: { prompt, | } }`))), []);
    assert.deepEqual(labels(complete(route(`{ model: 'gemini-image-3', parameters: { prompt, | } }`))), []);
  });

  it('curl and .http bodies too', () => {
    const curl = complete(`curl -X POST ${V2} \\\n  -H "authorization: Bearer $LEONARDO_API_KEY" \\\n  -d '{"model": "|", "parameters": {"prompt": "waves"}}'\n`, 'run.sh');
    assert.ok(labels(curl).includes('kling-3.0'));
    const http = complete(`POST ${V2}\nAuthorization: Bearer {{key}}\nContent-Type: application/json\n\n{"model": "gemini-image-2", "parameters": {"prompt": "x", "quantity": 2, "prompt_enhance": "|"}}\n`, 'gen.http');
    assert.deepEqual(labels(http).sort(), ['AUTO', 'OFF', 'ON']);
  });

  it('v1 bodies keep their own completions (no v2 keys)', () => {
    const at = complete(`fetch('https://cloud.leonardo.ai/api/rest/v1/generations', { method: 'POST', body: JSON.stringify({ prompt: 'x', | }) });`);
    assert.ok(labels(at).includes('num_images'));
    assert.ok(!labels(at).includes('parameters'));
  });
});

describe('v2 hover', () => {
  it('on the model: title, kind, sizes, maximum quantity and the guide page', () => {
    const md = hover(route(`{ model: 'gemini-ima|ge-2', parameters: { prompt } }`))!;
    assert.match(md, /\*\*Nano Banana Pro\*\* · `gemini-image-2` · image/);
    assert.match(md, /At most 8 outputs per request/);
    assert.match(md, /Width .*height|Sizes:/);
    assert.match(md, /\[Nano Banana Pro guide\]\(https:\/\/docs\.leonardo\.ai\/docs\/nano-banana-pro\) \(2026-01-22\)/);
    assert.match(hover(route(`{ mo|del: 'kling-3.0', parameters: { prompt } }`))!, /Durations \(s\): `3`/);
  });

  it('on a retired model: the date and the successor', () => {
    assert.match(hover(route(`{ model: 'seedance-1.0-li|te', parameters: { prompt } }`))!, /retired on 2026-05-13; use `seedance-1\.0-pro-fast`/);
  });

  it('on a parameter key and value: type, range or values, default', () => {
    const key = hover(route(`{ model: 'gemini-image-2', parameters: { prompt, quan|tity: 2 } }`))!;
    assert.match(key, /\*\*`quantity`\*\* \(integer\) · Nano Banana Pro \(`gemini-image-2`\)/);
    assert.match(key, /Range: `1` to `8`/);
    assert.match(key, /Default: `1`/);
    const value = hover(route(`{ model: 'gemini-image-2', parameters: { prompt, prompt_enhance: 'O|N' } }`))!;
    assert.match(value, /Other allowed values: `AUTO`, `OFF`/);
  });

  it('in objects and arrays under parameters: the parameter at its path, and nothing on braces', () => {
    const body = (marked: string) => route(`{ model: 'gemini-image-2', parameters: { prompt, guidances: { image_reference: [${marked}] } } }`);
    const strength = hover(body(`{ image: { id: imageId, type: 'UPLOADED' }, stren|gth: 'MID' }`))!;
    assert.match(strength, /\*\*`strength`\*\* \(string\)/);
    assert.match(strength, /Allowed values: `LOW`, `MID`, `HIGH`/);
    const type = hover(body(`{ image: { id: imageId, type: 'UPLO|ADED' }, strength: 'MID' }`))!;
    assert.match(type, /\*\*`type`\*\* \(string\)/);
    assert.match(type, /Other allowed values: `GENERATED`/);
    assert.match(hover(body(`{ image: { id: imageId, type: 'UPLOADED' }, or|der: 1 }`))!, /\*\*`order`\*\* \(integer\)/);
    assert.equal(hover(body(`|{ image: { id: imageId, type: 'UPLOADED' } }`)), undefined);
    assert.equal(hover(body(`{ image: |{ id: imageId, type: 'UPLOADED' } }`)), undefined);
    // A key the model does not take has no parameter to show.
    assert.equal(hover(body(`{ image: { id: imageId, type: 'UPLOADED' }, wei|ght: 1 }`)), undefined);
  });

  it('on a style UUID: its name', () => {
    assert.match(hover(route(`{ model: 'gemini-image-2', parameters: { prompt, style_ids: ['3cbb655a-7ca4|-463f-b697-8a03ad67327c'] } }`))!, /\*\*Style: Acrylic\*\*/);
  });

  it('on a v1 platform model UUID anywhere in a request: its name and v2 successor', () => {
    const v1 = `fetch('https://cloud.leonardo.ai/api/rest/v1/generations', { method: 'POST', body: JSON.stringify({ prompt: 'x', modelId: '05ce0082-2d80|-4a2d-8653-4d1c85e2418e' }) });`;
    const md = hover(v1)!;
    assert.match(md, /\*\*Lucid Realism\*\* \(`05ce0082-2d80-4a2d-8653-4d1c85e2418e`\): a v1 platform model id/);
    assert.match(md, /successor is `lucid-realism`/);
    assert.match(md, /`modelId`/);
  });

  it('nothing v2 on an unknown UUID or outside requests', () => {
    assert.equal(hover(`const id = '05ce0082-2d80|-4a2d-8653-4d1c85e2418e';`), undefined);
    // A UUID outside the model's styles is invalid-enum's finding (its hover), never a named style.
    const unknown = hover(route(`{ model: 'gemini-image-2', parameters: { prompt, style_ids: ['11111111-2222|-3333-4444-555555555555'] } }`)) ?? '';
    assert.doesNotMatch(unknown, /Style:|platform model/);
  });
});
