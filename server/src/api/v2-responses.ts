// What the v2 create endpoint answers, as a catalogue endpoint the flow can follow (response reads,
// id kinds), like the v1 endpoints whose response shapes the SDK gives. Hand-written: no SDK
// describes v2, and the two sources disagree on the shape.
//
// Source: Leonardo's v2 OpenAPI ("Create Async Generation", updatedAt 2026-09-01) says the 200 body is
// `{generationId, apiCreditCost}`; the docs' recipes and every working public client read
// `generate.generationId` (and `generate.apiCreditCost`). Both are accepted, so neither read is flagged.

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
    ]),
    field('generationId', ['string'], 'generationId'),
    field('apiCreditCost', ['integer'], 'apiCreditCost'),
  ],
};

/** The response the flow knows for a v2 request's endpoint (`RequestSite.v2Endpoint`): the async create's. */
export function v2ResponseEndpoint(endpoint: V2Endpoint | undefined): Endpoint | undefined {
  return endpoint?.operationId === 'createGeneration' ? V2_CREATE_GENERATION : undefined;
}
