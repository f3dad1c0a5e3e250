// The v2 API's endpoints (paths under /api/rest/v2). Source: Leonardo's v2 OpenAPI documents
// "Create Async Generation" (POST /generations, updatedAt 2026-09-01), "Create Sync Generation"
// (POST /generationssync, 2026-08-31) and "Get Available Models" (GET /models), as transcribed in
// the project's v2 reference (`leonardo-v2/v2-spec-facts.json`, `endpoints`). Written by hand: three
// rows, until the generated v2 catalogue carries them. No spec has a `GET /v2/generations/{id}`:
// v2 results are read with v1's `GET /generations/{id}`.

import type { HttpMethod } from './types.js';

export interface V2Endpoint {
  method: HttpMethod;
  /** Path under /api/rest/v2 (`/generations`). */
  path: string;
  operationId: 'createGeneration' | 'createSyncGeneration' | 'getModels';
  /** True when the operation takes a JSON body (`{model, parameters, public}`). */
  hasBody: boolean;
}

export const V2_ENDPOINTS: readonly V2Endpoint[] = [
  { method: 'POST', path: '/generations', operationId: 'createGeneration', hasBody: true },
  { method: 'POST', path: '/generationssync', operationId: 'createSyncGeneration', hasBody: true },
  { method: 'GET', path: '/models', operationId: 'getModels', hasBody: false },
];

/** The v2 endpoint of a method and a path under /api/rest/v2 (exact, case-sensitive), if any. */
export function matchV2Endpoint(method: string, path: string): V2Endpoint | undefined {
  const upper = method.toUpperCase();
  return V2_ENDPOINTS.find((e) => e.method === upper && e.path === path);
}
