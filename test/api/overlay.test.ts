// The overlay against the SDK's own prose: an SDK bump that changes a description, fixes a lost
// `required` or starts generating a spec-only operation makes one of these fail.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import generatedJson from '../../server/src/api/catalogue.generated.json';
import { getCatalogue, mergeCatalogue } from '../../server/src/api/catalogue.js';
import { overlay } from '../../server/src/api/overlay.js';
import type { Endpoint, Field, FieldSpec, GeneratedCatalogue } from '../../server/src/api/types.js';

const generated = generatedJson as unknown as GeneratedCatalogue;
const catalogue = getCatalogue();

/** Every field of a tree, items included. */
function allFields(fields: readonly Field[]): Field[] {
  return fields.flatMap((f) => [
    f,
    ...allFields(f.fields ?? []),
    ...(f.items ? [f.items, ...allFields(f.items.fields ?? [])] : []),
  ]);
}

function fieldAt(endpoint: Endpoint, path: string): Field {
  const found = allFields(endpoint.fields).find((f) => f.path === path);
  assert.ok(found, `${endpoint.operationId} has no field ${path}`);
  return found;
}

const normalise = (text: string) => text.replace(/\s+/g, ' ');

/** "between A and B" in a description: the first statement of a range. */
function statedRange(description: string | undefined): [number, number] | undefined {
  const found = /between (-?\d+(?:\.\d+)?) and (-?\d+(?:\.\d+)?)/.exec(description ?? '');
  return found ? [Number(found[1]), Number(found[2])] : undefined;
}

const patches = Object.entries(overlay.constraints).flatMap(([operationId, byPath]) =>
  Object.entries(byPath).map(([path, patch]) => ({ operationId, path, patch })),
);

describe('overlay constraints', () => {
  it('apply to fields that exist', () => {
    for (const { operationId, path, patch } of patches) {
      const endpoint = catalogue.byOperationId(operationId);
      assert.ok(endpoint, operationId);
      assert.deepEqual(fieldAt(endpoint, path).constraints, patch, `${operationId} ${path}`);
    }
  });

  it('quote the SDK description they come from', () => {
    for (const { operationId, path, patch } of patches) {
      const quote = /^SDK description: "(.*)"$/.exec(patch.source)?.[1];
      if (!quote) continue;
      const description = fieldAt(catalogue.byOperationId(operationId)!, path).description ?? '';
      assert.ok(normalise(description).includes(normalise(quote)), `${operationId} ${path}: "${quote}" not in "${description}"`);
    }
  });

  it('state the same range as the description ("between A and B")', () => {
    let checked = 0;
    for (const { operationId, path, patch } of patches) {
      const range = statedRange(fieldAt(catalogue.byOperationId(operationId)!, path).description);
      if (!range) continue;
      assert.deepEqual([patch.min, patch.max], range, `${operationId} ${path}`);
      checked++;
    }
    assert.ok(checked >= 20, `only ${checked} ranges cross-checked`);
  });

  it('cover every request field whose description states a range or a multiple', () => {
    for (const endpoint of catalogue.endpoints) {
      for (const field of allFields(endpoint.fields)) {
        const range = statedRange(field.description);
        if (range) assert.deepEqual([field.constraints.min, field.constraints.max], range, `${endpoint.operationId} ${field.path}`);
        const multiple = /multiple of (\d+)/.exec(field.description ?? '');
        if (multiple) assert.equal(field.constraints.multipleOf, Number(multiple[1]), `${endpoint.operationId} ${field.path}`);
      }
    }
  });

  it('list allowed values the description names', () => {
    for (const { operationId, path, patch } of patches) {
      if (!patch.allowed || !patch.source.startsWith('SDK description')) continue;
      const description = fieldAt(catalogue.byOperationId(operationId)!, path).description ?? '';
      for (const value of patch.allowed) {
        assert.ok(description.includes(String(value)), `${operationId} ${path}: ${value} not in "${description}"`);
      }
    }
  });

  it('keep ranges consistent with their field types', () => {
    for (const { operationId, path, patch } of patches) {
      const field = fieldAt(catalogue.byOperationId(operationId)!, path);
      if (patch.min !== undefined || patch.max !== undefined || patch.multipleOf !== undefined) {
        assert.ok(field.types.some((t) => t === 'integer' || t === 'number'), `${operationId} ${path} is not numeric`);
      }
      if (patch.min !== undefined && patch.max !== undefined) assert.ok(patch.min <= patch.max);
    }
  });
});

describe('overlay required overrides', () => {
  it('name fields the SDK makes optional only because it fills a default', () => {
    for (const [operationId, paths] of Object.entries(overlay.required)) {
      const spec = generated.endpoints.find((e) => e.operationId === operationId);
      assert.ok(spec, operationId);
      for (const path of Object.keys(paths)) {
        const field: FieldSpec | undefined = spec.fields.find((f) => f.wire === path);
        assert.ok(field, `${operationId} ${path}`);
        assert.equal(field.required, false, `${operationId} ${path}: the SDK now says required; drop the override`);
        assert.equal(field.sdkAlwaysSent, true, `${operationId} ${path}`);
        assert.equal(fieldAt(catalogue.byOperationId(operationId)!, path).required, true);
      }
    }
  });
});

describe('overlay endpoints', () => {
  it('add only operations the SDK does not generate', () => {
    for (const endpoint of overlay.endpoints) {
      assert.ok(!generated.endpoints.some((e) => e.operationId === endpoint.operationId), endpoint.operationId);
      assert.ok(
        !generated.endpoints.some((e) => e.method === endpoint.method && e.path === endpoint.path),
        `${endpoint.method} ${endpoint.path}`,
      );
      assert.notEqual(endpoint.status, 'current');
    }
    assert.deepEqual(
      overlay.endpoints.map((e) => `${e.method} ${e.path} ${e.status}`),
      [
        'GET /blueprints spec-only',
        'GET /models-3d/{id} spec-only',
        'GET /models-3d/user/{userId} spec-only',
        'POST /generations-texture removed',
      ],
    );
  });

  it('match like generated ones', () => {
    assert.equal(catalogue.match('GET', '/blueprints')?.endpoint.operationId, 'listBlueprints');
    assert.equal(catalogue.match('GET', '/blueprints/b1')?.endpoint.operationId, 'getBlueprintById');
    assert.equal(catalogue.match('GET', '/models-3d/user/u1')?.endpoint.operationId, 'get3DModelsByUserId');
    assert.equal(catalogue.match('POST', '/generations-texture')?.endpoint.status, 'removed');
    const platforms = fieldAt(catalogue.byOperationId('listBlueprints')!, 'platforms[]');
    assert.deepEqual(platforms.enum, ['Android', 'iOS', 'Web', 'API']);
  });

  it('mark extra fields with their source', () => {
    const style = catalogue.field(catalogue.byOperationId('createGeneration')!.fields, 'styleUUID', 'wire');
    assert.match(style?.extra ?? '', /Phoenix/);
    assert.equal(style?.sdk, 'styleUUID');
    assert.equal(style?.required, false);
    const context = catalogue.field(catalogue.byOperationId('createGeneration')!.fields, 'contextImages', 'wire');
    assert.match(context?.extra ?? '', /Kontext/);
    assert.deepEqual(context?.types, ['array']);
  });

  it('mark an extra field of each object of a list with its source, at its path', () => {
    const controlnet = fieldAt(catalogue.byOperationId('createGeneration')!, 'controlnets[]');
    const influence = catalogue.field(controlnet.fields ?? [], 'influence', 'wire');
    assert.match(influence?.extra ?? '', /Image Guidance/);
    assert.equal(influence?.path, 'controlnets[].influence');
    assert.deepEqual(influence?.types, ['number']);
  });
});

describe('mergeCatalogue', () => {
  it('rejects an overlay path the catalogue lacks', () => {
    const stale = { ...overlay, constraints: { createGeneration: { numImages: { min: 1, source: 'test' } } } };
    assert.throws(() => mergeCatalogue(generated, stale), /createGeneration has no field numImages/);
    const unknown = { ...overlay, required: { createGenerations: { prompt: 'test' } } };
    assert.throws(() => mergeCatalogue(generated, unknown), /unknown operationId createGenerations/);
  });

  it('does not change the generated data it merges', () => {
    const before = JSON.stringify(generated);
    mergeCatalogue(generated, overlay);
    assert.equal(JSON.stringify(generated), before);
  });
});
