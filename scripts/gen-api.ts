// Generates server/src/api/catalogue.generated.json from the pinned `@leonardo-ai/sdk` devDependency:
// every operation (method, path, operationId, SDK namespace/method, summary), every JSON body field
// (nested, with wire/SDK names, types, enums, nullability, defaults, deprecation, description) and
// the response body shapes. `npm run gen:api` writes the file; test/api/catalogue.test.ts checks
// that the committed file equals a fresh generation.
//
// Facts the SDK does not carry (ranges from prose, spec-only operations, `required` overrides) live
// in the hand-written server/src/api/overlay.ts, never here.

import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { EndpointSpec, FieldSpec, GeneratedCatalogue } from '../server/src/api/types.js';
import { readTypeDocs } from './gen-api/docs.js';
import { readOperations, type SdkOperation } from './gen-api/operations.js';
import { memberSchema, objectFields, type Direction, type WalkContext, type ZodLike } from './gen-api/zod-fields.js';

export const CATALOGUE_FILE = resolve(__dirname, '../server/src/api/catalogue.generated.json');

/** The installed SDK's root folder (holds package.json, src/ and the compiled CJS). */
export function sdkRoot(): string {
  return dirname(require.resolve('@leonardo-ai/sdk/package.json'));
}

type SchemaModule = Record<string, unknown>;

/** The SDK's two model folders: `operations` (per-operation types) and `shared`. */
const MODEL_FOLDERS = ['operations', 'shared'] as const;

/**
 * Exported schema object → `<folder>.<TS type name>`, for `$outboundSchema` or `$inboundSchema`
 * exports (the folder keeps `operations.SdVersions` apart from `shared.SdVersions`).
 */
function schemaTypes(modules: Map<string, SchemaModule>, suffix: string): Map<ZodLike, string> {
  const map = new Map<ZodLike, string>();
  for (const [folder, module] of modules) {
    for (const [name, value] of Object.entries(module)) {
      if (name.endsWith(suffix) && value && typeof value === 'object') {
        map.set(value as ZodLike, `${folder}.${name.slice(0, -suffix.length)}`);
      }
    }
  }
  return map;
}

function schema(module: SchemaModule, name: string): ZodLike {
  const value = module[name];
  if (!value || typeof value !== 'object') throw new Error(`gen-api: the SDK exports no ${name}`);
  return value as ZodLike;
}

/** Everything the pinned SDK says about the API, as plain data. Pure: reads only the SDK's files. */
export function generateCatalogue(root: string = sdkRoot()): GeneratedCatalogue {
  // The SDK's compiled CommonJS modules, loaded by path from the pinned package (the generator only reads them).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const load = (path: string) => require(join(root, path)) as SchemaModule;
  const modules = new Map(MODEL_FOLDERS.map((folder) => [folder, load(`sdk/models/${folder}/index.js`)]));
  const operationsModule = modules.get('operations')!;
  const docs = new Map(
    MODEL_FOLDERS.flatMap((folder) =>
      [...readTypeDocs(join(root, 'src/sdk/models', folder))].map(([type, members]) => [`${folder}.${type}`, members] as const),
    ),
  );
  const context = (direction: Direction): WalkContext => ({
    direction,
    typeOf: schemaTypes(modules, direction === 'outbound' ? '$outboundSchema' : '$inboundSchema'),
    docs,
  });
  const outbound = context('outbound');
  const inbound = context('inbound');

  const bodyFields = (op: SdkOperation): FieldSpec[] => {
    if (!op.body) return [];
    const request = schema(operationsModule, `${op.body.requestSchema}$outboundSchema`);
    const body = op.body.member ? memberSchema(request, outbound, op.body.member) : request;
    const fields = body ? objectFields(body, outbound) : undefined;
    if (!fields) throw new Error(`gen-api: ${op.operationId} has no object body schema`);
    return fields;
  };

  const operations = readOperations(join(root, 'src')).sort(
    (a, b) => a.path.localeCompare(b.path) || a.method.localeCompare(b.method),
  );
  const endpoints: EndpointSpec[] = operations.map((op) => ({
    method: op.method,
    path: op.path,
    operationId: op.operationId,
    ...(op.sdkNamespace ? { sdkNamespace: op.sdkNamespace, sdkMethod: op.sdkMethod } : {}),
    ...(op.summary ? { summary: op.summary } : {}),
    hasBody: op.body !== undefined,
    bodyRequired: op.body?.required ?? false,
    fields: bodyFields(op),
    status: 'current',
  }));

  const responses: Record<string, FieldSpec[]> = {};
  for (const op of [...operations].sort((a, b) => a.operationId.localeCompare(b.operationId))) {
    if (!op.response) continue;
    const envelope = schema(operationsModule, `${op.response.schema}$inboundSchema`);
    const body = memberSchema(envelope, inbound, op.response.key);
    const fields = body ? objectFields(body, inbound) : undefined;
    if (fields) responses[op.operationId] = fields;
  }

  const version = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;
  return { sdkVersion: version, endpoints, responses, sdkEnums: sdkEnums(modules) };
}

/**
 * The SDK's enums, by `<folder>.<name>`: each member's name and the value it sends (`shared.SdVersions`:
 * `Sdxl09` → `SDXL_0_9`), for code that writes a field as `SdVersions.Sdxl09`. An enum is an exported
 * object of string values with a zod native enum of its own (`SdVersions$outboundSchema`).
 */
function sdkEnums(modules: Map<string, SchemaModule>): Record<string, Record<string, string>> {
  const out: Record<string, Record<string, string>> = {};
  for (const [folder, module] of [...modules].sort(([a], [b]) => a.localeCompare(b))) {
    for (const name of Object.keys(module).sort()) {
      const value = module[name];
      const zod = module[`${name}$outboundSchema`] as { _def?: { typeName?: string; values?: unknown } } | undefined;
      if (name.includes('$') || zod?._def?.typeName !== 'ZodNativeEnum' || zod._def.values !== value) continue;
      const members = Object.entries(value as Record<string, unknown>);
      if (members.length === 0 || !members.every(([, v]) => typeof v === 'string')) continue;
      out[`${folder}.${name}`] = Object.fromEntries(members as Array<[string, string]>);
    }
  }
  return out;
}

/** The committed file's exact text: pretty-printed, newline-terminated. */
export function serializeCatalogue(catalogue: GeneratedCatalogue): string {
  return `${JSON.stringify(catalogue, null, 2)}\n`;
}

if (require.main === module) {
  const catalogue = generateCatalogue();
  writeFileSync(CATALOGUE_FILE, serializeCatalogue(catalogue));
  const bodies = catalogue.endpoints.filter((e) => e.hasBody);
  console.log(`gen-api: ${catalogue.endpoints.length} operations, ${bodies.length} JSON bodies → ${CATALOGUE_FILE}`);
}
