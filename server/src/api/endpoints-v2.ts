// The v2 API's endpoints (paths under /api/rest/v2): the generated v2 catalogue's `endpoints`, which
// `npm run gen:api:v2` takes from Leonardo's v2 OpenAPI operations "Create Async Generation"
// (POST /generations), "Create Sync Generation" (POST /generationssync) and "Get Available Models"
// (GET /models), as the project's v2 reference transcribes them. Read on first use, so a run that meets
// no v2 URL never parses the v2 catalogue.
//
// Prose only, so not in the catalogue: no spec has a `GET /v2/generations/{id}`; v2 results are read
// with v1's `GET /generations/{id}` (the v2 guides' "Get generation" recipe; unknown-endpoint says so).

import { getV2Catalogue } from './v2.js';
import type { V2OperationId } from './v2-types.js';
import type { HttpMethod } from './types.js';

export interface V2Endpoint {
  method: HttpMethod;
  /** Path under /api/rest/v2 (`/generations`). */
  path: string;
  operationId: V2OperationId;
  /** True when the operation takes a JSON body (`{model, parameters, public}`). */
  hasBody: boolean;
}

let endpoints: readonly V2Endpoint[] | undefined;

/** The v2 endpoints, built once per process from the catalogue (a module-level cache of catalogue facts only). */
export function v2Endpoints(): readonly V2Endpoint[] {
  endpoints ??= getV2Catalogue().endpoints.map((e) => ({
    method: e.method,
    path: e.path.slice('/v2'.length),
    operationId: e.operationId,
    hasBody: e.hasBody,
  }));
  return endpoints;
}

/** The v2 endpoint of a method and a path under /api/rest/v2 (exact, case-sensitive), if any. */
export function matchV2Endpoint(method: string, path: string): V2Endpoint | undefined {
  const upper = method.toUpperCase();
  return v2Endpoints().find((e) => e.method === upper && e.path === path);
}
