import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { CATALOGUE_FILE, generateCatalogue, serializeCatalogue } from '../../scripts/gen-api.js';
import { getCatalogue } from '../../server/src/api/catalogue.js';
import type { Endpoint, Field, FieldSpec } from '../../server/src/api/types.js';

/** The first differing line of two texts, for a short failure message. */
function diffHint(committed: string, fresh: string): string {
  const a = committed.split('\n');
  const b = fresh.split('\n');
  const line = a.findIndex((text, i) => text !== b[i]);
  const at = line < 0 ? Math.min(a.length, b.length) : line;
  return [
    `catalogue.generated.json is stale at line ${at + 1}; run \`npm run gen:api\` and review the diff.`,
    `  committed: ${a[at] ?? '<end of file>'}`,
    `  generated: ${b[at] ?? '<end of file>'}`,
  ].join('\n');
}

function countFields(fields: readonly FieldSpec[]): number {
  return fields.reduce(
    (sum, f) => sum + 1 + countFields(f.fields ?? []) + countFields(f.items?.fields ?? []),
    0,
  );
}

const catalogue = getCatalogue();

function endpoint(operationId: string): Endpoint {
  const found = catalogue.byOperationId(operationId);
  assert.ok(found, `no endpoint ${operationId}`);
  return found;
}

function field(fields: readonly Field[], wire: string): Field {
  const found = catalogue.field(fields, wire, 'wire');
  assert.ok(found, `no field ${wire}`);
  return found;
}

describe('catalogue.generated.json', () => {
  const generated = generateCatalogue();

  it('equals a fresh generation from the pinned SDK', () => {
    const committed = readFileSync(CATALOGUE_FILE, 'utf8');
    const fresh = serializeCatalogue(generated);
    if (committed !== fresh) assert.fail(diffHint(committed, fresh));
  });

  it('holds all 51 SDK operations and its 26 JSON bodies (182 top-level / 254 total fields)', () => {
    assert.equal(generated.sdkVersion, '4.21.3');
    assert.equal(generated.endpoints.length, 51);
    const bodies = generated.endpoints.filter((e) => e.hasBody);
    assert.equal(bodies.length, 26);
    assert.equal(bodies.reduce((sum, e) => sum + e.fields.length, 0), 182);
    assert.equal(bodies.reduce((sum, e) => sum + countFields(e.fields), 0), 254);
    assert.ok(generated.endpoints.every((e) => e.sdkNamespace && e.sdkMethod && e.summary));
  });
});

describe('getCatalogue', () => {
  it('is memoised and adds the overlay endpoints', () => {
    assert.equal(getCatalogue(), catalogue);
    assert.equal(catalogue.endpoints.length, 55);
    assert.equal(endpoint('listBlueprints').status, 'spec-only');
    assert.equal(endpoint('get3DModelById').status, 'spec-only');
    assert.equal(endpoint('get3DModelsByUserId').status, 'spec-only');
    assert.equal(endpoint('createVideoUpscale').status, 'sdk-only');
    const texture = endpoint('createTextureGeneration');
    assert.equal(texture.status, 'removed');
    assert.equal(texture.removedNote, 'removed from the API in April 2026');
  });

  it('knows operations without a body', () => {
    const me = catalogue.match('GET', '/me');
    assert.equal(me?.endpoint.operationId, 'getUserSelf');
    assert.equal(me?.endpoint.hasBody, false);
    assert.equal(catalogue.match('DELETE', '/variations/abc'), undefined);
    assert.equal(catalogue.match('GET', '/generations/abc')?.endpoint.sdkMethod, 'getGenerationById');
    assert.equal(catalogue.match('DELETE', '/generations/abc')?.endpoint.operationId, 'deleteGenerationById');
  });

  it('carries the createGeneration facts', () => {
    const gen = endpoint('createGeneration');
    assert.equal(gen.docsUrl, 'https://docs.leonardo.ai/reference/creategeneration');
    assert.equal(gen.bodyRequired, true);
    const numImages = field(gen.fields, 'num_images');
    assert.equal(numImages.sdk, 'numImages');
    assert.equal(catalogue.field(gen.fields, 'numImages', 'sdk'), numImages);
    assert.equal(catalogue.field(gen.fields, 'numImages', 'wire'), undefined);
    assert.deepEqual(numImages.types, ['integer']);
    assert.equal(numImages.sdkDefault, 4);
    assert.equal(numImages.sdkAlwaysSent, true);
    assert.deepEqual(numImages.constraints.min, 1);
    assert.deepEqual(numImages.constraints.max, 8);
    assert.equal(field(gen.fields, 'prompt').required, true);
    assert.equal(field(gen.fields, 'modelId').sdkDefault, 'b24e16ff-06e3-43eb-8d33-4416c2d75876');
    assert.equal(field(gen.fields, 'controlNet').deprecated, true);
    assert.equal(field(gen.fields, 'controlnets').deprecated, false);
    assert.equal(field(gen.fields, 'presetStyle').enum?.length, 31);
    assert.deepEqual(field(gen.fields, 'transparency').enum, ['disabled', 'foreground_only']);
    const strengthType = field(field(gen.fields, 'controlnets').items!.fields!, 'strengthType');
    assert.deepEqual(strengthType.enum, ['Low', 'Mid', 'High', 'Ultra', 'Max']);
    assert.equal(strengthType.path, 'controlnets[].strengthType');
    assert.deepEqual(field(gen.fields, 'width').constraints, {
      min: 32,
      max: 1536,
      multipleOf: 8,
      source: 'SDK description: "Must be between 32 and 1536 and be a multiple of 8."',
    });
    assert.ok(field(gen.fields, 'styleUUID').extra);
  });

  it('restores the spec `required` the SDK loses to defaults', () => {
    const element = endpoint('createElement');
    for (const name of ['name', 'datasetId', 'sd_version', 'train_text_encoder']) {
      assert.equal(field(element.fields, name).required, true, name);
    }
    assert.equal(field(element.fields, 'description').required, false);
  });

  it('names wire and SDK fields, nested and in path-param bodies', () => {
    const pricing = endpoint('pricingCalculator');
    const image = field(field(pricing.fields, 'serviceParams').fields!, 'IMAGE_GENERATION');
    assert.equal(image.sdk, 'imageGeneration');
    assert.equal(image.path, 'serviceParams.IMAGE_GENERATION');
    assert.equal(field(image.fields!, 'imageWidth').constraints.max, 1024);
    const upload = catalogue.match('POST', '/datasets/abc/upload');
    assert.equal(upload?.endpoint.operationId, 'uploadDatasetImage');
    assert.deepEqual(upload?.params, { datasetId: 'abc' });
    assert.deepEqual(upload?.endpoint.fields.map((f) => f.wire), ['extension']);
    const blueprint = endpoint('executeBlueprint');
    const value = field(field(field(blueprint.fields, 'input').fields!, 'nodeInputs').items!.fields!, 'value');
    assert.deepEqual(value.types, ['string', 'array']);
    assert.equal(value.items?.fields?.[0]?.path, 'input.nodeInputs[].value[].name');
  });
});

describe('match', () => {
  it('prefers static paths over templated ones', () => {
    assert.equal(catalogue.match('POST', '/variations/nobg')?.endpoint.operationId, 'createVariationNoBG');
    assert.equal(catalogue.match('GET', '/variations/nobg'), undefined);
    assert.deepEqual(catalogue.matchPath('/variations/nobg').map((e) => e.operationId), ['createVariationNoBG']);
    assert.equal(catalogue.match('GET', '/variations/123')?.endpoint.operationId, 'getVariationById');
  });

  it('matches concrete ids and placeholders, ignoring query strings and trailing slashes', () => {
    const id = '3f2a7b4c-1111-2222-3333-444455556666';
    assert.deepEqual(catalogue.match('GET', `/generations/${id}`)?.params, { id });
    for (const path of ['/generations/${id}', '/generations/${gen.id}', '/generations/{id}', '/generations/{{id}}', '/generations/:id']) {
      assert.equal(catalogue.match('GET', path)?.endpoint.operationId, 'getGenerationById', path);
    }
    assert.equal(catalogue.match('POST', '/generations?x=1')?.endpoint.operationId, 'createGeneration');
    assert.equal(catalogue.match('POST', '/generations/')?.endpoint.operationId, 'createGeneration');
    assert.equal(catalogue.match('POST', 'https://cloud.leonardo.ai/api/rest/v1/generations')?.endpoint.operationId, 'createGeneration');
    assert.equal(catalogue.match('GET', '/elements/user/u1')?.endpoint.operationId, 'getCustomElementsByUserId');
  });

  it('keeps literal segments exact and placeholders off literals', () => {
    assert.equal(catalogue.match('POST', '/Generations'), undefined);
    assert.equal(catalogue.match('POST', '/generation'), undefined);
    assert.deepEqual(catalogue.matchPath('/variations/${kind}').map((e) => e.operationId), ['getVariationById']);
    assert.deepEqual(catalogue.matchPath('/nope'), []);
    assert.deepEqual(catalogue.matchPath('/${id}'), []);
  });

  it('reads a leading placeholder as the base URL when nothing else matches', () => {
    assert.equal(catalogue.match('POST', '${BASE_URL}/generations')?.endpoint.operationId, 'createGeneration');
    assert.equal(catalogue.match('GET', '${base}/generations/${id}')?.endpoint.operationId, 'getGenerationById');
    assert.equal(catalogue.match('GET', '${base}/variations/abc')?.endpoint.operationId, 'getVariationById');
  });

  it('returns undefined for a wrong method while matchPath still finds the path', () => {
    assert.equal(catalogue.match('PUT', '/generations'), undefined);
    assert.deepEqual(catalogue.matchPath('/generations').map((e) => e.operationId), ['createGeneration']);
    assert.deepEqual(
      catalogue.matchPath('/models-3d/abc').map((e) => `${e.method} ${e.operationId}`).sort(),
      ['DELETE delete3DModelById', 'GET get3DModelById'],
    );
  });
});

describe('lookups', () => {
  it('finds SDK methods with and without namespace', () => {
    assert.equal(catalogue.bySdkMethod('createGeneration')?.path, '/generations');
    assert.equal(catalogue.bySdkMethod('createGeneration', 'image')?.path, '/generations');
    assert.equal(catalogue.bySdkMethod('createGeneration', 'motion'), undefined);
    assert.equal(catalogue.bySdkMethod('createUniversalUpscalerJob')?.operationId, 'CreateUniversalUpscalerJob');
    assert.equal(catalogue.bySdkMethod('getUserSelf', 'user')?.path, '/me');
  });
});

describe('responses', () => {
  it('describes GET /generations/{id} in wire names', () => {
    const response = endpoint('getGenerationById').response!;
    const byPk = field(response, 'generations_by_pk');
    assert.equal(byPk.sdk, 'generationsByPk');
    assert.deepEqual(field(byPk.fields!, 'status').enum, ['PENDING', 'COMPLETE', 'FAILED']);
    const images = field(byPk.fields!, 'generated_images');
    assert.equal(field(images.items!.fields!, 'id').path, 'generations_by_pk.generated_images[].id');
    const variations = field(images.items!.fields!, 'generated_image_variation_generics');
    assert.deepEqual(field(variations.items!.fields!, 'transformType').enum, ['OUTPAINT', 'INPAINT', 'UPSCALE', 'UNZOOM', 'NOBG']);
    assert.equal(field(byPk.fields!, 'presetStyle').required, true);
    assert.equal(field(byPk.fields!, 'presetStyle').nullable, true);
  });

  it('describes the create envelopes', () => {
    const job = field(endpoint('createGeneration').response!, 'sdGenerationJob');
    assert.ok(catalogue.field(job.fields!, 'generationId', 'wire'));
    assert.equal(field(job.fields!, 'apiCreditCost').deprecated, true);
    const upload = field(endpoint('uploadInitImage').response!, 'uploadInitImage');
    assert.deepEqual(upload.fields!.map((f) => f.wire).sort(), ['fields', 'id', 'key', 'url']);
  });
});
