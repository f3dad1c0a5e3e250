// v2 bodies across rules: every model's documented defaults are clean, messages stay short, and v1
// and v2 requests side by side each get only their own API's rules.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../server/src/engine/analyze.js';
import { getV2Catalogue } from '../../server/src/api/v2.js';
import type { V2Param } from '../../server/src/api/v2-types.js';
import { allRules } from '../../server/src/engine/rules/index.js';
import { checkInvalid, checkValid, edit } from '../helpers/rule-tester.js';
import { fetchCode } from '../helpers/v2.js';

const ID = '5c1c7b5e-0d6e-4e55-9bd0-0b3b5c8c3b1a';
const SCHEMA_RULES = ['unknown-field', 'invalid-enum', 'type-mismatch', 'missing-required', 'out-of-range', 'invalid-dimensions', 'too-many-images', 'deprecated-field', 'option-conflict'];

/** A body built from a model's catalogue entry: its defaults (not deprecated ones) and its required fields. */
function defaultBody(model: string, params: Readonly<Record<string, V2Param>>): object {
  const parameters: Record<string, unknown> = {};
  for (const [name, p] of Object.entries(params)) {
    if (p.default !== undefined && !p.deprecated) parameters[name] = p.default;
    else if (p.required && p.type === 'string') parameters[name] = 'a red fox in fresh snow, golden hour';
    else if (p.required && (p.type === 'integer' || p.type === 'number')) parameters[name] = p.enum?.[0] ?? p.min ?? 1;
    else if (p.required && name === 'guidances') {
      const kinds = Object.entries(p.properties ?? {}).filter(([, k]) => k.required);
      parameters[name] = Object.fromEntries(kinds.map(([kind]) => [kind, [{ image: { id: ID, type: 'GENERATED' } }]]));
    }
  }
  return { model, parameters, public: false };
}

test('the 79 models: a body of each model\'s defaults and required fields gets no finding from any rule', () => {
  const models = getV2Catalogue().models();
  assert.equal(models.length, 79);
  for (const m of models) {
    const code = fetchCode(JSON.stringify(defaultBody(m.model, m.params)));
    for (const rule of allRules) checkValid(rule, { name: m.model, code });
  }
});

// Every finding of these bodies is read, not stated one by one: what is checked is the shape of each
// message, across rules, so the engine is called directly rather than through the rule test harness.
test('every v2 message leads with the problem and stays under 140 characters', () => {
  const bad = [
    `{ model: 'nano-banana-pro', isPublic: true, prompt, parameters: { num_images: 9 } }`,
    `{ model: 'sora-2-pro', parameters: { prompt } }`,
    `{ model: 'openai/gpt-image-2.5-sunburst', parameters: { prompt: null, quantity: 99, width: 17, height: 'big', quality: 'ultra', prompt_enhance: false, style_ids: ['964d8a8f-865b-48c5-b79e-e75ae8727648', 'a5632c7c-ddbb-4e2f-ba34-8456ab3ac436'], guidances: { image_reference: [{ image: { id: '${ID}', type: 'PNG' } }], style_reference: [] } }, ephemeral: true }`,
    `{ model: 'bytedance/seedance-2.5', parameters: { prompt, duration: 99, mode: 'RESOLUTION_4K', start_frame: { id: '${ID}' }, guidances: { end_frame: [{ image: { id: '${ID}', type: 'GENERATED' } }] } } }`,
    `{ model: 'dialogue-v3', parameters: { prompt, voice: 'Adam', quantity: 5 } }`,
    `{ parameters: {} }`,
  ];
  const rules = allRules.filter((r) => SCHEMA_RULES.includes(r.meta.id));
  assert.equal(rules.length, SCHEMA_RULES.length);
  let count = 0;
  for (const body of bad) {
    for (const finding of analyze({ text: fetchCode(body), kind: 'typescript', path: 'app.ts' }, { rules }).findings) {
      count++;
      assert.ok(finding.message.length <= 140, `${finding.message.length}: ${finding.message}`);
      assert.doesNotMatch(finding.message, /undefined|\[object/);
    }
  }
  assert.ok(count >= 20, `only ${count} findings`);
});

const sideBySide = `const headers = { authorization: \`Bearer \${process.env.LEONARDO_API_KEY}\`, 'content-type': 'application/json' };
export async function both(prompt: string) {
  const v1 = await fetch('https://cloud.leonardo.ai/api/rest/v1/generations', {
    method: 'POST', headers,
    body: JSON.stringify({ prompt, modelId: 'de7d3faf-762f-48e0-b3b7-9d0ac3a3fcf3', num_images: 4, width: 1024, height: 1024, alchemy: true, contrast: 3.5 }),
  });
  const v2 = await fetch('https://cloud.leonardo.ai/api/rest/v2/generations', {
    method: 'POST', headers,
    body: JSON.stringify({ model: 'phoenix-v1.0', parameters: { prompt, quantity: 4, width: 1024, height: 1024, contrast: 'HIGH', mode: 'QUALITY' }, public: false }),
  });
  return [await v1.json(), await v2.json()];
}
`;

test('v1 and v2 side by side: each gets only its own API\'s rules', () => {
  for (const rule of SCHEMA_RULES) checkValid(rule, { code: sideBySide });
});

test('v1 and v2 side by side, the names swapped: each is its own API\'s mistake', () => {
  const code = sideBySide
    .replace('num_images: 4, width: 1024, height: 1024, alchemy: true, contrast: 3.5', "num_images: 4, quantity: 4, contrast: 'HIGH'")
    .replace("quantity: 4, width: 1024, height: 1024, contrast: 'HIGH'", 'num_images: 4, width: 1024, height: 1024, contrast: 3.5');
  checkInvalid('unknown-field', {
    code,
    findings: [
      {
        message: "'quantity' is not a field of POST /generations: here the setting is 'num_images'.",
        at: [5, 100, 'quantity'],
        fixes: [{ title: "Rename to 'num_images'", output: edit('quantity', 'num_images'), preferred: false }],
      },
      {
        message: "'num_images' is v1's name: v2 takes 'quantity'.",
        at: [9, 73, 'num_images'],
        fixes: [{ title: "Rename to 'quantity'", output: edit('prompt, num_images: 4', 'prompt, quantity: 4'), preferred: true }],
      },
    ],
  });
  checkInvalid('type-mismatch', {
    code,
    findings: [
      {
        message: `'contrast' must be a number, not the string "HIGH".`,
        at: [5, 123, "'HIGH'"],
        fixes: [],
      },
      {
        message: `'contrast' must be one of "LOW", "MEDIUM", "HIGH" for phoenix-v1.0, not the fractional number 3.5.`,
        at: [9, 125, '3.5'],
        fixes: [],
      },
    ],
  });
  for (const rule of SCHEMA_RULES.filter((r) => r !== 'unknown-field' && r !== 'type-mismatch')) checkValid(rule, { code });
});
