// The SDK's operations, read from its generated source (Speakeasy layout):
// src/funcs/<group><Op>.ts holds the method, path, operationID, body encoding and response schema;
// src/sdk/<group>.ts classes expose each function as `leonardo.<namespace>.<method>()`.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { HttpMethod } from '../../server/src/api/types.js';
import { functionSummary } from './docs.js';

export interface SdkOperation {
  method: HttpMethod;
  path: string;
  operationId: string;
  summary?: string;
  sdkNamespace?: string;
  sdkMethod?: string;
  /** How the JSON body is taken from the parsed request, when the operation sends one. */
  body?: {
    /** `operations.<schema>$outboundSchema` parses the request. */
    requestSchema: string;
    /** The body is the whole payload, or its `RequestBody` member (operations with path params). */
    member?: 'RequestBody';
    required: boolean;
  };
  /** `operations.<schema>$inboundSchema` and the key of the 200 JSON body in it. */
  response?: { schema: string; key: string };
}

function one(text: string, pattern: RegExp, what: string, file: string): string {
  const found = pattern.exec(text);
  if (!found) throw new Error(`gen-api: no ${what} in ${file}`);
  return found[1];
}

/** funcs function name → SDK namespace and method, from the classes in src/sdk/*.ts. */
function sdkMethods(sdkSrc: string): Map<string, { namespace: string; method: string }> {
  const root = readFileSync(join(sdkSrc, 'sdk', 'sdk.ts'), 'utf8');
  const namespaceOf = new Map<string, string>();
  for (const m of root.matchAll(/get (\w+)\(\): (\w+) \{/g)) namespaceOf.set(m[2], m[1]);

  const byFunction = new Map<string, { namespace: string; method: string }>();
  for (const file of readdirSync(join(sdkSrc, 'sdk')).filter((f) => f.endsWith('.ts')).sort()) {
    const text = readFileSync(join(sdkSrc, 'sdk', file), 'utf8');
    const className = /export class (\w+) extends ClientSDK/.exec(text)?.[1];
    const namespace = className ? namespaceOf.get(className) : undefined;
    if (!namespace) continue;
    for (const m of text.matchAll(/async (\w+)\([\s\S]*?unwrapAsync\((\w+)\(/g)) {
      byFunction.set(m[2], { namespace, method: m[1] });
    }
  }
  return byFunction;
}

export function readOperations(sdkSrc: string): SdkOperation[] {
  const methods = sdkMethods(sdkSrc);
  const funcsDir = join(sdkSrc, 'funcs');
  const operations: SdkOperation[] = [];
  for (const file of readdirSync(funcsDir).filter((f) => f.endsWith('.ts')).sort()) {
    const text = readFileSync(join(funcsDir, file), 'utf8');
    const functionName = one(text, /export function (\w+)\(/, 'exported function', file);
    const signature = one(text, /export function \w+\(([\s\S]*?)\): APIPromise/, 'signature', file);
    const encoded = /encodeJSON\("body", payload(\.RequestBody)?,/.exec(text);
    const response = /M\.json\(\s*200,\s*operations\.(\w+)\$inboundSchema,\s*\{\s*key: "(\w+)"/.exec(text);
    const sdk = methods.get(functionName);
    const summary = functionSummary(text, file);
    const operation: SdkOperation = {
      method: one(text, /\bmethod: "(\w+)"/, 'method', file) as HttpMethod,
      path: one(text, /pathToFunc\("([^"]+)"\)/, 'path', file),
      operationId: one(text, /operationID: "([^"]+)"/, 'operationID', file),
      ...(summary ? { summary } : {}),
      ...(sdk ? { sdkNamespace: sdk.namespace, sdkMethod: sdk.method } : {}),
    };
    if (encoded) {
      const member = encoded[1] ? 'RequestBody' : undefined;
      // The body parameter is `request` (whole payload) or `requestBody` (beside path params).
      const parameter = member ? 'requestBody' : 'request';
      const optional = new RegExp(`\\b${parameter}\\?:`).test(signature);
      operation.body = {
        requestSchema: one(text, /operations\.(\w+)\$outboundSchema\s*(?:\.optional\(\)\s*)?\.parse\(/, 'request schema', file),
        ...(member ? { member } : {}),
        required: !optional,
      };
    }
    if (response) operation.response = { schema: response[1], key: response[2] };
    operations.push(operation);
  }
  return operations;
}
