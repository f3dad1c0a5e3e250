// The API catalogue as JSON Schema (draft-07), for the peer the JSON figure is measured against:
// vscode-json-languageservice validating the same request files. Everything the catalogue knows
// that a schema can say is said: types, nullability, enums, ranges, multiples, discrete value sets,
// required fields, and no properties beyond the endpoint's.

import type { Endpoint, Field } from '../server/src/api/types.js';

export type JsonSchema = Record<string, unknown>;

export function endpointSchema(endpoint: Endpoint): JsonSchema {
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: `${endpoint.method} ${endpoint.path}`,
    ...objectSchema(endpoint.fields),
  };
}

function objectSchema(fields: readonly Field[]): JsonSchema {
  const required = fields.filter((f) => f.required).map((f) => f.wire);
  return {
    type: 'object',
    properties: Object.fromEntries(fields.map((f) => [f.wire, fieldSchema(f)])),
    ...(required.length > 0 ? { required } : {}),
    additionalProperties: false,
  };
}

function fieldSchema(field: Field): JsonSchema {
  const types: string[] = [...field.types];
  if (field.nullable) types.push('null');
  const schema: JsonSchema = { type: types.length === 1 ? types[0] : types };
  if (field.description) schema.description = field.description;
  const values = field.enum ?? field.constraints.allowed;
  if (values) schema.enum = field.nullable ? [...values, null] : [...values];
  const { min, max, multipleOf } = field.constraints;
  if (min !== undefined) schema.minimum = min;
  if (max !== undefined) schema.maximum = max;
  if (multipleOf !== undefined) schema.multipleOf = multipleOf;
  if (field.fields) Object.assign(schema, objectSchema(field.fields), { type: schema.type });
  if (field.items) schema.items = fieldSchema(field.items);
  if (field.deprecated) schema.deprecated = true;
  return schema;
}
