import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/engine/analyze.js';
import { completionsAt, type Completion } from '../../server/src/engine/editor/completion.js';
import { documentKindForPath } from '../../server/src/engine/extract/index.js';
import { applyEdits } from '../helpers/lint.js';

interface AtCaret {
  text: string;
  items: Completion[];
}

/** Completions at the `|` caret (removed from the code before analysis). */
function complete(marked: string, path = 'app.ts'): AtCaret {
  const offset = marked.indexOf('|');
  assert.ok(offset >= 0, 'no caret');
  const text = marked.slice(0, offset) + marked.slice(offset + 1);
  const document = { text, kind: documentKindForPath(path, text)!, path };
  return { text, items: completionsAt({ document, result: analyze(document) }, offset) };
}

/** The text after accepting the item labelled `label`. */
function accept({ text, items }: AtCaret, label: string): string {
  const item = items.find((i) => i.label === label);
  assert.ok(item, `no item ${label} among ${items.map((i) => i.label).join(', ')}`);
  return applyEdits(text, [item.edit, ...item.extraEdits]);
}

const labels = ({ items }: AtCaret): string[] => items.map((i) => i.label);

const fetchBody = (body: string): string =>
  `fetch("https://cloud.leonardo.ai/api/rest/v1/generations", { method: "POST", body: JSON.stringify(${body}) });`;

const sdkCall = (body: string): string =>
  `import { Leonardo } from "@leonardo-ai/sdk";\nconst leonardo = new Leonardo({});\nleonardo.image.createGeneration(${body});`;

describe('field names in code', () => {
  it('completes an unfinished key in a fetch body with `key: `, leaving out keys already present', () => {
    const at = complete(fetchBody('{ prompt: "a fox", wi| }'));
    assert.equal(accept(at, 'width'), fetchBody('{ prompt: "a fox", width:  }'));
    assert.ok(!labels(at).includes('prompt'));
    const width = at.items.find((i) => i.label === 'width')!;
    assert.equal(width.kind, 'field');
    assert.equal(width.detail, 'integer');
    assert.match(width.documentation!, /^\*\*`width`\*\* \(integer\) · `POST \/generations`/);
  });

  it('offers every field in an empty spot, required ones first', () => {
    const at = complete(fetchBody('{ | }'));
    const sorted = [...at.items].sort((a, b) => a.sortText.localeCompare(b.sortText));
    assert.equal(sorted[0].label, 'prompt');
    assert.equal(sorted[0].detail, 'string · required');
    assert.equal(accept(at, 'num_images'), fetchBody('{ num_images:  }'));
  });

  it('uses SDK names in SDK calls', () => {
    const at = complete(sdkCall('{ prompt: "a fox", num| }'));
    assert.ok(labels(at).includes('numImages'));
    assert.ok(!labels(at).includes('num_images'));
    assert.equal(accept(at, 'numImages'), sdkCall('{ prompt: "a fox", numImages:  }'));
  });

  it('replaces only the key when the value is already there', () => {
    const at = complete(fetchBody('{ prompt: "a fox", wid|: 512 }'));
    assert.equal(accept(at, 'width'), fetchBody('{ prompt: "a fox", width: 512 }'));
  });

  it('completes keys of objects inside arrays with the item fields', () => {
    const at = complete(fetchBody('{ prompt: "a fox", controlnets: [{ | }] }'));
    assert.deepEqual(labels(at).sort(), ['influence', 'initImageId', 'initImageType', 'preprocessorId', 'strengthType', 'weight']);
  });
});

describe('field names in JSON', () => {
  it('replaces a quoted, half-typed key with `"key": `', () => {
    const at = complete('// POST /generations\n{\n  "prompt": "a fox",\n  "wi|"\n}\n', 'body.jsonc');
    assert.equal(accept(at, 'width'), '// POST /generations\n{\n  "prompt": "a fox",\n  "width": \n}\n');
  });

  it('completes a key whose closing quote is not typed yet', () => {
    const at = complete('{\n  "prompt": "a fox",\n  "num_images": 2,\n  "wi|\n}\n', 'fox.leonardo.json');
    assert.equal(accept(at, 'width'), '{\n  "prompt": "a fox",\n  "num_images": 2,\n  "width": \n}\n');
  });

  it('adds the comma the previous property lacks', () => {
    const at = complete('// POST /generations\n{\n  "prompt": "a fox"\n  |\n}\n', 'body.jsonc');
    assert.equal(accept(at, 'height'), '// POST /generations\n{\n  "prompt": "a fox",\n  "height": \n}\n');
  });
});

describe('values', () => {
  it("inside an enum field's string: its values, replacing what is typed", () => {
    const at = complete(fetchBody('{ prompt: "a fox", scheduler: "EU|" }'));
    assert.deepEqual(labels(at), ['KLMS', 'EULER_ANCESTRAL_DISCRETE', 'EULER_DISCRETE', 'DDIM', 'DPM_SOLVER', 'PNDM', 'LEONARDO']);
    assert.equal(accept(at, 'EULER_DISCRETE'), fetchBody('{ prompt: "a fox", scheduler: "EULER_DISCRETE" }'));
  });

  it('after the colon in JSON: quoted values', () => {
    const at = complete('// POST /generations\n{\n  "prompt": "a fox",\n  "scheduler": |\n}\n', 'body.jsonc');
    assert.equal(accept(at, 'DDIM'), '// POST /generations\n{\n  "prompt": "a fox",\n  "scheduler": "DDIM"\n}\n');
  });

  it('closes a string left open', () => {
    const at = complete('// POST /generations\n{\n  "prompt": "a fox",\n  "scheduler": "DD|\n}\n', 'body.jsonc');
    assert.equal(accept(at, 'DDIM'), '// POST /generations\n{\n  "prompt": "a fox",\n  "scheduler": "DDIM"\n}\n');
  });

  it('booleans offer true and false; documented number sets their numbers', () => {
    assert.deepEqual(labels(complete(fetchBody('{ prompt: "a fox", alchemy: t| }'))), ['true', 'false']);
    assert.deepEqual(labels(complete(fetchBody('{ prompt: "a fox", photoRealStrength: | }'))), ['0.55', '0.5', '0.45']);
  });

  it('nested enum values, in the quote style of the code', () => {
    const at = complete(fetchBody("{ prompt: 'a fox', controlnets: [{ strengthType: | }] }"));
    assert.equal(accept(at, 'High'), fetchBody("{ prompt: 'a fox', controlnets: [{ strengthType: 'High' }] }"));
  });
});

describe('no completion', () => {
  it('in a free-text string, outside bodies and outside Leonardo requests', () => {
    assert.deepEqual(complete(fetchBody('{ prompt: "a f|ox" }')).items, []);
    assert.deepEqual(complete(fetchBody('{ prompt: "a fox" }').replace('method', 'meth|od')).items, []);
    assert.deepEqual(complete('fetch("https://example.com/x", { method: "POST", body: JSON.stringify({ | }) });').items, []);
  });
});

describe('values being typed, not expressions', () => {
  it('does not replace a call or a conditional with a value', () => {
    assert.deepEqual(complete(fetchBody('{ prompt: "a fox", scheduler: pick(a|) }')).items, []);
    assert.deepEqual(complete(fetchBody('{ prompt: "a fox", alchemy: on ? t|rue : false }')).items, []);
  });
});
