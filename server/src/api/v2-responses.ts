// What the v2 endpoints answer (the async create, the sync create, the model list), as catalogue endpoints the flow can follow (response reads,
// id kinds), like the v1 endpoints whose response shapes the SDK gives. Hand-written: no SDK
// describes v2, and the two sources disagree on the shape.
//
// Source: Leonardo's v2 OpenAPI ("Create Async Generation", updatedAt 2026-09-01) says the 200 body is
// `{generationId, apiCreditCost}`; the docs' recipes and every working public client read
// `generate.generationId` (and `generate.apiCreditCost`). Both are accepted, so neither read is flagged.
// The reference marks this shape disputed, linter silent (spec-vs-guides.md, "POST /v2/generations | 200
// response shape"; leonardo-api-v2.md D1): the spec's schema is judged wrong, and the recipes show only
// the fields they read. So `generate.cost`, which working public clients read (`generate.cost.amount`,
// `.unit`, the `{amount, unit}` the sync create's spec gives its `cost`), is accepted too, with its
// members unjudged: no source describes them for this endpoint.

import type { V2Endpoint } from './endpoints-v2.js';
import type { Endpoint, Field, FieldType } from './types.js';

function field(wire: string, types: FieldType[], path: string, fields?: Field[]): Field {
  return { wire, sdk: wire, types, nullable: types.includes('integer'), required: false, sdkAlwaysSent: false, deprecated: false, constraints: {}, path, ...(fields ? { fields } : {}) };
}

/** `POST /api/rest/v2/generations`: the operation id keys its ids (flow/id-kinds.ts). */
export const V2_CREATE_GENERATION: Endpoint = {
  method: 'POST',
  path: '/v2/generations',
  operationId: 'createV2Generation',
  summary: 'Create Async Generation (v2)',
  hasBody: true,
  bodyRequired: true,
  fields: [],
  status: 'current',
  docsUrl: 'https://docs.leonardo.ai/reference/creategeneration',
  response: [
    field('generate', ['object'], 'generate', [
      field('generationId', ['string'], 'generate.generationId'),
      field('apiCreditCost', ['integer'], 'generate.apiCreditCost'),
      Object.assign(field('cost', ['object'], 'generate.cost'), {
        extra: 'read by working public clients (generate.cost.amount, .unit); the create answer\'s shape is disputed (reference D1: silent)',
      }),
    ]),
    field('generationId', ['string'], 'generationId'),
    field('apiCreditCost', ['integer'], 'apiCreditCost'),
  ],
};

/** An array field whose items are objects with `items` fields. */
function list(wire: string, path: string, items: Field[]): Field {
  return Object.assign({}, field(wire, ['array'], path), { items: field(wire, ['object'], `${path}[]`, items) });
}

/**
 * `POST /api/rest/v2/generationssync` (remove-bg): the sync spec ("Create Sync Generation", updatedAt
 * 2026-08-31) answers `{id, cost?: {amount, unit}, results: [{contentType, url?, dataB64?, width?, height?}],
 * blockedCount}`: the images are in the answer itself, as an array (`url` is omitted with `base64: true`).
 * Only one source describes it, and nothing disputes it.
 */
export const V2_CREATE_SYNC_GENERATION: Endpoint = Object.assign({}, V2_CREATE_GENERATION, {
  path: '/v2/generationssync',
  operationId: 'createV2SyncGeneration',
  summary: 'Create Sync Generation (v2)',
  docsUrl: 'https://docs.leonardo.ai/reference/createsyncgeneration',
  response: [
    field('id', ['string'], 'id'),
    field('cost', ['object'], 'cost', [field('amount', ['string'], 'cost.amount'), field('unit', ['string'], 'cost.unit')]),
    list('results', 'results', [
      field('contentType', ['string'], 'results[].contentType'),
      field('url', ['string'], 'results[].url'),
      field('dataB64', ['string'], 'results[].dataB64'),
      field('width', ['integer'], 'results[].width'),
      field('height', ['integer'], 'results[].height'),
    ]),
    field('blockedCount', ['integer'], 'blockedCount'),
  ],
});

/**
 * `GET /api/rest/v2/models` ("Get Available Models"): `{productionApiAvailableModels: [{id, name,
 * parameters}]}`, where `parameters` is an open OpenAPI schema object (never judged) and `id`
 * (`GPT_IMAGE_1_5`) is not the `model` string a create request sends (`gpt-image-1.5`).
 */
export const V2_GET_MODELS: Endpoint = Object.assign({}, V2_CREATE_GENERATION, {
  method: 'GET',
  path: '/v2/models',
  operationId: 'getV2Models',
  summary: 'Get Available Models (v2)',
  hasBody: false,
  bodyRequired: false,
  docsUrl: 'https://docs.leonardo.ai/reference/getmodels',
  response: [
    list('productionApiAvailableModels', 'productionApiAvailableModels', [
      field('id', ['string'], 'productionApiAvailableModels[].id'),
      field('name', ['string'], 'productionApiAvailableModels[].name'),
      field('parameters', ['object'], 'productionApiAvailableModels[].parameters'),
    ]),
  ],
});

const BY_OPERATION: Record<V2Endpoint['operationId'], Endpoint> = {
  createGeneration: V2_CREATE_GENERATION,
  createSyncGeneration: V2_CREATE_SYNC_GENERATION,
  getModels: V2_GET_MODELS,
};

/** The response the flow knows for a v2 request's endpoint (`RequestSite.v2Endpoint`). */
export function v2ResponseEndpoint(endpoint: V2Endpoint | undefined): Endpoint | undefined {
  return endpoint && BY_OPERATION[endpoint.operationId];
}
