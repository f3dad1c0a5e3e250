// Property test: `--fix` on POST /generations bodies full of fixes that depend on each other (string
// booleans, companions, conflicts, clamps, mis-cased and duplicated keys), in JSON request files and
// TS/JS calls (fetch, a body variable, axios, the SDK). It runs the loop `--fix` runs (fixUntilStable,
// re-analysing between passes) and checks that
//   1. every field the user wrote is still in the result, by name up to case and separators (a
//      certain rename keeps the field). The one preferred fix that removes anything is duplicate-field's
//      removal of the earlier of two identical keys: the later one, the value the API reads, stays,
//      so the field is still there;
//   2. the result is a fixed point: a second --fix changes nothing;
//   3. the result still parses.
// Deterministic seed; a few seconds in `npm test`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { getCatalogue } from '../../server/src/api/catalogue.js';
import type { Naming } from '../../server/src/api/types.js';
import { analyze } from '../../server/src/engine/analyze.js';
import { fixUntilStable } from '../../server/src/engine/fix/apply.js';
import type { BodyNode } from './bodies.js';
import { renderDocument, type Flavor, type FuzzDocument, type JsStyle } from './render.js';
import { syntaxErrors } from './syntax.js';

const RUNS = 150;
const SEED = 16_2026;

const endpoint = getCatalogue().byOperationId('createGeneration')!;
const PHOENIX = 'b24e16ff-06e3-43eb-8d33-4416c2d75876';
const OTHER_MODEL = 'aa77f04e-3eec-4034-9c07-d0f619684628';

type Literal = string | number | boolean | null;

/** A boolean as people write it: right, as a string, in another case, or unclear. */
const booleanish = fc.constantFrom<Literal>(true, false, 'true', 'false', 'True', 'FALSE', 'yes', null);

/** Optional fields of one companion group: each present or not. */
function group(fields: Record<string, fc.Arbitrary<Literal | Literal[]>>): fc.Arbitrary<Array<[string, Literal | Literal[]]>> {
  return fc.tuple(...Object.entries(fields).map(([name, value]) => fc.option(value.map((v) => [name, v] as [string, Literal | Literal[]]), { nil: undefined })))
    .map((entries) => entries.filter((e): e is [string, Literal | Literal[]] => e !== undefined));
}

const GROUPS = [
  group({ enhancePrompt: booleanish, enhancePromptInstruction: fc.constant('make it moody') }),
  group({ photoReal: booleanish, photoRealVersion: fc.constantFrom<Literal>('v1', 'v2', 'V2'), photoRealStrength: fc.constantFrom<Literal>(0.45, 0.5, 0.55, '0.5', 0.6) }),
  group({ modelId: fc.constantFrom<Literal>(PHOENIX, OTHER_MODEL, null) }),
  group({ promptMagic: booleanish, promptMagicStrength: fc.constantFrom<Literal>(0.5, '0.5', 2), promptMagicVersion: fc.constantFrom<Literal>('v2', 'v3') }),
  group({ unzoom: booleanish, unzoomAmount: fc.constantFrom<Literal>(1.2, '1.2'), init_image_id: fc.constant<Literal>(OTHER_MODEL) }),
  group({ imagePrompts: fc.constantFrom<Literal[]>([], [OTHER_MODEL]), imagePromptWeight: fc.constantFrom<Literal>(0.4, '0.4') }),
  group({ sd_version: fc.constantFrom<Literal>('SDXL_1_0', 'v2', 'sdxl_1_0') }),
  group({ alchemy: booleanish, presetStyle: fc.constantFrom<Literal>('ANIME', 'LEONARDO', 'NONE', 'cinematic', 'DYNAMIC'), ultra: booleanish }),
  group({ guidance_scale: fc.constantFrom<Literal>(7, 25, '7', 0), num_inference_steps: fc.constantFrom<Literal>(30, 70, '30'), num_images: fc.constantFrom<Literal>(4, 12, '2'), width: fc.constantFrom<Literal>(512, 770, '1024') }),
];

/** How a key is written: as the API spells it, in another case, or with the other separators. */
const KEY_SPELLINGS = ['as-is', 'as-is', 'as-is', 'lower', 'upper-first', 'swap'] as const;

function spell(name: string, how: (typeof KEY_SPELLINGS)[number]): string {
  switch (how) {
    case 'lower':
      return name.toLowerCase();
    case 'upper-first':
      return name[0].toUpperCase() + name.slice(1);
    case 'swap':
      return name.includes('_') ? name.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase()) : name.replace(/([a-z])([A-Z])/g, '$1_$2').toLowerCase();
    default:
      return name;
  }
}

/** The name of a wire field in this naming (SDK calls use the SDK's names). */
function named(wire: string, naming: Naming): string {
  const field = endpoint.fields.find((f) => f.wire === wire);
  return field && naming === 'sdk' ? field.sdk : wire;
}

const toNode = (value: Literal | Literal[]): BodyNode =>
  Array.isArray(value) ? { kind: 'array', items: value.map((v) => ({ kind: 'literal', value: v })) } : { kind: 'literal', value };

const FLAVORS: readonly Flavor[] = ['json', 'fetch', 'fetch-variable', 'axios', 'sdk'];

interface Case {
  doc: FuzzDocument;
  /** The keys as written. */
  keys: string[];
}

const caseArbitrary: fc.Arbitrary<Case> = fc
  .record({
    flavor: fc.constantFrom(...FLAVORS),
    groups: fc.tuple(...GROUPS),
    spellings: fc.array(fc.constantFrom(...KEY_SPELLINGS), { minLength: 24, maxLength: 24 }),
    duplicate: fc.option(fc.nat(20), { nil: undefined }),
    order: fc.array(fc.nat(1000), { minLength: 24, maxLength: 24 }),
    style: fc.record({
      indent: fc.constantFrom('  ', '\t'),
      compact: fc.boolean(),
      quote: fc.constantFrom<JsStyle['quote']>('"', "'"),
      quoteKeys: fc.boolean(),
    }),
  })
  .map(({ flavor, groups, spellings, duplicate, order, style }) => {
    const naming: Naming = flavor === 'sdk' ? 'sdk' : 'wire';
    const fields = groups.flat();
    let entries: Array<[string, BodyNode]> = fields.map(([wire, value], i) => [spell(named(wire, naming), spellings[i % spellings.length]), toNode(value)]);
    entries = entries.map((e, i) => ({ e, k: order[i % order.length] })).sort((a, b) => a.k - b.k).map((x) => x.e);
    entries.unshift(['prompt', { kind: 'literal', value: 'a lighthouse at dusk' }]);
    if (duplicate !== undefined && entries.length > 1) {
      const [key, value] = entries[duplicate % entries.length];
      entries.push([key, value]);
    }
    const doc = renderDocument({ flavor, requests: [{ endpoint, body: { kind: 'object', entries } }], style, crlf: false, dataOption: '-d', extras: [] });
    return { doc, keys: entries.map(([k]) => k) };
  });

/** Case and separators do not make another field (`sd_Version`, `sdVersion` and `sd_version` are one). */
const fold = (name: string) => name.toLowerCase().replace(/[_-]/g, '');

/** Every key written in the text (`"key":`, `'key':`, `key:`), folded: read with a pattern, not with the engine. */
function keysIn(text: string): Set<string> {
  const out = new Set<string>();
  for (const m of text.matchAll(/["'`]?([A-Za-z_$][\w$]*)["'`]?\s*:/g)) out.add(fold(m[1]));
  return out;
}

function fix(doc: FuzzDocument, text: string): { text: string; passes: number } {
  const run = (t: string) => analyze({ ...doc, text: t }).findings;
  const result = fixUntilStable(text, run(text), run);
  return { text: result.text, passes: result.passes };
}

test(`--fix keeps every field the user wrote, settles and keeps the file parsing (${RUNS} bodies, seed ${SEED})`, () => {
  let changed = 0;
  fc.assert(
    fc.property(caseArbitrary, ({ doc, keys }) => {
      assert.deepEqual(syntaxErrors(doc.text, doc.kind, doc.path), [], `the generated document parses:\n${doc.text}`);
      const first = fix(doc, doc.text);
      if (first.text !== doc.text) changed++;
      const kept = keysIn(first.text);
      const lost = keys.filter((k) => !kept.has(fold(k)));
      assert.deepEqual(lost, [], `--fix removed fields the user wrote\n--- before\n${doc.text}\n--- after\n${first.text}`);
      assert.deepEqual(syntaxErrors(first.text, doc.kind, doc.path), [], `--fix broke the file\n--- after\n${first.text}`);
      const second = fix(doc, first.text);
      assert.equal(second.text, first.text, `a second --fix changed the result\n--- first\n${first.text}`);
      assert.equal(second.passes, 0);
    }),
    { seed: SEED, numRuns: RUNS },
  );
  // The generator is worth running: most bodies hold something --fix changes.
  assert.ok(changed >= RUNS * 0.5, `${changed} of ${RUNS} bodies were changed by --fix`);
});

test('the property can fail: a removal applied by --fix is caught', () => {
  const doc: FuzzDocument = { path: 'request.leonardo.json', kind: 'json', text: '{"prompt": "x", "enhancePrompt": "false", "enhancePromptInstruction": "y"}\n' };
  const findings = analyze(doc).findings;
  const removal = findings.find((f) => f.ruleId === 'ineffective-option')!;
  assert.ok(removal, 'the instruction is reported: "false" means off');
  assert.equal(removal.fixes[0].preferred ?? false, false);
  // Had the removal been preferred, the field would be gone, and the check above would name it.
  const forced = removal.fixes[0].edits.reduce((t, e) => t.slice(0, e.start) + e.newText + t.slice(e.end), doc.text);
  assert.equal(keysIn(forced).has(fold('enhancePromptInstruction')), false);
});
