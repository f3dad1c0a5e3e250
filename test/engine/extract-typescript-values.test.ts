// Request bodies in TS/JS: values, keys, spreads, later assignments, and the spans fixes edit.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Value } from '../../server/src/engine/types.js';
import { edit, extract, objectOf, only, plain, property, text } from './extract-typescript-helpers.js';

/** The one request of `fetch(URL, {method: "POST", body: JSON.stringify(<body>)})` after `prelude`. */
function bodyOf(body: string, prelude = ''): { code: string; value: Value | undefined } {
  const code = `${prelude}\nawait fetch("https://cloud.leonardo.ai/api/rest/v1/generations", { method: "POST", body: JSON.stringify(${body}) });\n`;
  return { code, value: only(code).body };
}

test('literals: strings, numbers (negative too), booleans, null, arrays, nested objects', () => {
  const { code, value } = bodyOf(
    `{ prompt: 'a fox', style: \`dynamic\`, num_images: 2, seed: -1, guidance_scale: 7.5, alchemy: true, public: false, modelId: null, controlnets: [{ initImageId: "x", weight: .5 }], elements: [] }`,
  );
  assert.deepEqual(plain(value), {
    prompt: 'a fox',
    style: 'dynamic',
    num_images: 2,
    seed: -1,
    guidance_scale: 7.5,
    alchemy: true,
    public: false,
    modelId: null,
    controlnets: [{ initImageId: 'x', weight: 0.5 }],
    elements: [],
  });
  const prompt = property(value, 'prompt').value;
  assert.equal(prompt.kind === 'string' && prompt.quote, "'");
  assert.equal(prompt.kind === 'string' && text(code, prompt.inner), 'a fox');
  const style = property(value, 'style').value;
  assert.equal(style.kind === 'string' && style.quote, '`');
  const seed = property(value, 'seed').value;
  assert.equal(seed.kind === 'number' && seed.raw, '-1');
  assert.equal(text(code, seed.span), '-1');
  const weight = property(value, 'controlnets').value;
  assert.equal(weight.kind === 'array' && weight.elements[0]?.kind, 'object');
});

test('alternatives: both branches of a conditional, the literal side of || and ??', () => {
  const { code, value } = bodyOf(`{ presetStyle: hd ? "CINEMATIC" : "DYNAMIC", scheduler: opts.s || "EULER_ANCESTRAL", num_images: opts.n ?? 10 }`);
  assert.deepEqual(plain(value), {
    presetStyle: { oneOf: ['CINEMATIC', 'DYNAMIC'] },
    scheduler: { oneOf: ['?opts.s', 'EULER_ANCESTRAL'] },
    num_images: { oneOf: ['?opts.n', 10] },
  });
  const n = property(value, 'num_images').value;
  assert.equal(n.kind === 'alternatives' && text(code, n.options[1].span), '10');
});

test('template literals with substitutions, calls and other expressions are unknown, with their text', () => {
  const { value } = bodyOf(`{ prompt: \`a \${animal}\`, width: size * 8, modelId: pickModel(), height: cfg.height }`);
  assert.deepEqual(plain(value), { prompt: '?`a ${animal}`', width: '?size * 8', modelId: '?pickModel()', height: '?cfg.height' });
});

test('what JSON cannot carry is foreign', () => {
  const { value } = bodyOf(
    `{ a: undefined, b: () => 1, c: function () {}, d: new FormData(), e: Buffer.from(data), f: fs.createReadStream(p), g: void 0, h() {} }`,
  );
  assert.deepEqual(plain(value), {
    a: '<undefined>',
    b: '<function>',
    c: '<function>',
    d: '<FormData>',
    e: '<Buffer>',
    f: '<ReadStream>',
    g: '<undefined>',
    h: '<function>',
  });
});

test('same-file constants resolve to their literal, with the declaration spans', () => {
  const { code, value } = bodyOf(`{ modelId: MODEL, width: SIZE.w, prompt, negative_prompt }`, `const MODEL = "6b645e3a-d64f-4341-a6d8-7a3690fbf042";
const SIZE = { w: 512 } as const;
const prompt = "a lighthouse";
let negative_prompt = input.neg;`);
  assert.deepEqual(plain(value), {
    modelId: '6b645e3a-d64f-4341-a6d8-7a3690fbf042',
    width: 512,
    prompt: 'a lighthouse',
    negative_prompt: '?input.neg',
  });
  const model = property(value, 'modelId');
  assert.equal(text(code, model.value.span), '"6b645e3a-d64f-4341-a6d8-7a3690fbf042"');
  assert.ok(model.value.span.start < code.indexOf('fetch'), 'the span is at the declaration');
  assert.equal(text(code, property(value, 'prompt').span), 'prompt');
});

test('parentheses, as, satisfies, non-null and angle-bracket assertions are looked through', () => {
  const { value } = bodyOf(`({ width: (512 as number), height: <number>768, prompt: p!, alchemy: true satisfies boolean } as Body)`);
  assert.deepEqual(plain(value), { width: 512, height: 768, prompt: '?p', alchemy: true });
});

test('keys: identifiers, quoted, numeric and constant computed keys; other computed keys are unknown keys', () => {
  const { code, value } = bodyOf(`{ prompt: "x", "num_images": 2, 'sd_version': "v2", 3: 1, [KEY]: true, [dynamic]: 1 }`, `const KEY = "alchemy";`);
  const object = objectOf(value);
  assert.deepEqual(object.properties.map((p) => p.key), ['prompt', 'num_images', 'sd_version', '3', 'alchemy']);
  assert.equal(object.hasUnknownKeys, true);
  assert.equal(text(code, property(value, 'num_images').keySpan), '"num_images"');
  assert.equal(text(code, property(value, 'sd_version').keySpan), "'sd_version'");
});

test('spreads: conditional pieces, inlined constants, unknown keys from parameters and calls', () => {
  const prelude = `const DEFAULTS = { width: 1024, height: 768 };`;
  const { value } = bodyOf(`{ prompt: "x", ...DEFAULTS, ...(hd && { alchemy: true }), ...(fast ? { num_inference_steps: 10 } : {}), ...(neg ? { negative_prompt: neg } : undefined) }`, prelude);
  const object = objectOf(value);
  assert.equal(object.hasUnknownKeys, false);
  assert.deepEqual(
    object.properties.map((p) => `${p.key}${p.conditional ? '?' : ''}`),
    ['prompt', 'width', 'height', 'alchemy?', 'num_inference_steps?', 'negative_prompt?'],
  );
  for (const unknownSpread of ['...options', '...getDefaults()', '...(opts || {})']) {
    const spread = bodyOf(`{ prompt: "x", ${unknownSpread} }`);
    assert.equal(objectOf(spread.value).hasUnknownKeys, true, unknownSpread);
    assert.deepEqual(objectOf(spread.value).properties.map((p) => p.key), ['prompt']);
  }
});

test('the body variable plus what the function adds to it before sending', () => {
  const code = `export async function generate(prompt: string, hd: boolean, opts: Options) {
  const body: Record<string, unknown> = { prompt, modelId: MODEL };
  body.width = 1024;
  body["height"] = 768;
  if (hd) {
    body.alchemy = true;
  }
  for (const k of keys) body[k] = opts[k];
  Object.assign(body, { public: false });
  const res = await fetch(URL, { method: "POST", body: JSON.stringify(body) });
  body.num_images = 4;
  return res;
}
const MODEL = "6b645e3a-d64f-4341-a6d8-7a3690fbf042";
const URL = "https://cloud.leonardo.ai/api/rest/v1/generations";`;
  const body = objectOf(only(code).body);
  assert.deepEqual(
    body.properties.map((p) => `${p.key}${p.assigned ? '=' : ''}${p.conditional ? '?' : ''}`),
    ['prompt', 'modelId', 'width=', 'height=', 'alchemy=?', 'public='],
  );
  assert.equal(body.hasUnknownKeys, true, 'body[k] has a key that cannot be known');
  const width = property(body, 'width');
  assert.equal(text(code, width.keySpan), 'width');
  assert.equal(text(code, width.span), 'body.width = 1024');
  assert.equal(text(code, width.removeSpan), '  body.width = 1024;\n');
  assert.equal(text(code, property(body, 'height').keySpan), '"height"');
});

test('a body held in a variable as JSON.stringify(...) and a body built in another function', () => {
  const code = `const payload = JSON.stringify({ prompt: "x", width: 512 });
await fetch("https://cloud.leonardo.ai/api/rest/v1/generations", { method: "POST", body: payload });
const shared = { prompt: "y" };
function tweak() { shared.height = 640; }
await fetch("https://cloud.leonardo.ai/api/rest/v1/generations", { method: "POST", body: JSON.stringify(shared) });`;
  const [first, second] = extract(code);
  assert.deepEqual(plain(first?.body), { prompt: 'x', width: 512 });
  assert.deepEqual(objectOf(second?.body).properties.map((p) => `${p.key}${p.conditional ? '?' : ''}`), ['prompt', 'height?']);
});

test('a raw string body and a FormData body', () => {
  const code = `const form = new FormData();
form.append("file", blob);
await fetch("https://cloud.leonardo.ai/api/rest/v1/init-image", { method: "POST", body: form });`;
  assert.deepEqual(plain(only(code).body), '<FormData>');
});

test('removing a property: its own line, the following comma, or the preceding comma', () => {
  const multi = bodyOf(`{
    prompt: "x",
    width: 512,
    height: 768
  }`);
  const width = property(multi.value, 'width');
  assert.equal(text(multi.code, width.removeSpan), '    width: 512,\n');
  assert.ok(edit(multi.code, width.removeSpan, '').includes('prompt: "x",\n    height: 768'));
  const height = property(multi.value, 'height');
  assert.ok(edit(multi.code, height.removeSpan, '').includes('width: 512\n  }'));

  const single = bodyOf(`{ prompt: "x", width: 512, height: 768 }`);
  assert.equal(edit(single.code, property(single.value, 'width').removeSpan, '').includes('{ prompt: "x", height: 768 }'), true);
  assert.equal(edit(single.code, property(single.value, 'height').removeSpan, '').includes('{ prompt: "x", width: 512 }'), true);
  const alone = bodyOf(`{ width: 512 }`);
  assert.ok(edit(alone.code, property(alone.value, 'width').removeSpan, '').includes('JSON.stringify({})'));
});

test('inserting a property: where, with which separator and key quotes', () => {
  const crlf = bodyOf(`{\r\n\t\tprompt: "x",\r\n\t\twidth: 512,\r\n\t}`);
  const object = objectOf(crlf.value);
  assert.equal(text(crlf.code, object.openBrace), '{');
  assert.deepEqual(object.style, { keyQuote: '', separator: '\r\n\t\t', needsComma: true });
  const inserted = edit(crlf.code, { start: object.insertAt, end: object.insertAt }, `,${object.style.separator}height: 768`);
  assert.ok(inserted.includes('width: 512,\r\n\t\theight: 768,\r\n\t}'));

  const single = objectOf(bodyOf(`{ "prompt": "x" }`).value);
  assert.deepEqual(single.style, { keyQuote: '"', separator: ' ', needsComma: true });
  const empty = bodyOf(`{}`);
  const emptyObject = objectOf(empty.value);
  assert.equal(emptyObject.style.needsComma, false);
  assert.equal(emptyObject.insertAt, emptyObject.openBrace.end);
});

test('assignments in a try block are unconditional; in a catch block, a callback or a switch they are conditional', () => {
  const code = `const body: Record<string, unknown> = { prompt: "x" };
try {
  body.width = 512;
} catch {
  body.height = 512;
}
switch (mode) {
  case "hd":
    body.alchemy = true;
}
items.forEach((item) => { body.seed = 1; });
await fetch("https://cloud.leonardo.ai/api/rest/v1/generations", { method: "POST", body: JSON.stringify(body) });`;
  assert.deepEqual(
    objectOf(only(code).body).properties.map((p) => `${p.key}${p.conditional ? '?' : ''}`),
    ['prompt', 'width', 'height?', 'alchemy?', 'seed?'],
  );
});

test('a body handed to another function before it is sent may gain keys there', () => {
  const code = `export async function generate(prompt: string) {
  const body = { width: 512 };
  console.log("sending", body);
  const copy = Object.assign({}, body);
  addDefaults(body);
  return fetch("https://cloud.leonardo.ai/api/rest/v1/generations", { method: "POST", body: JSON.stringify(body) });
}
export async function plain() {
  const body = { prompt: "x" };
  console.log(JSON.stringify(body));
  return fetch("https://cloud.leonardo.ai/api/rest/v1/generations", { method: "POST", body: JSON.stringify(body) });
}`;
  const [handed, logged] = extract(code);
  assert.equal(objectOf(handed?.body).hasUnknownKeys, true);
  assert.deepEqual(plain(handed?.body), { width: 512 });
  assert.equal(objectOf(logged?.body).hasUnknownKeys, false);
});
