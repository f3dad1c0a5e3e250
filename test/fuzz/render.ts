// Bodies rendered as the documents people write: TS/JS calls (fetch, axios, the SDK with SDK names),
// JSON request files (*.leonardo.json, and .jsonc with an endpoint comment), curl commands in shell
// scripts (single- and double-quoted bodies), .http files, Markdown with both kinds of blocks and
// Postman collections. TS/JS documents also get statements for the flow rules (responses read,
// status polled), keys written in the code and suppression comments.

import fc from 'fast-check';
import type { Endpoint } from '../../server/src/api/types.js';
import type { DocumentKind } from '../../server/src/engine/types.js';
import { BODY_ENDPOINTS, mutatedBody, type BodyNode } from './bodies.js';

export interface FuzzDocument {
  path: string;
  kind: DocumentKind;
  text: string;
}

const BASE = 'https://cloud.leonardo.ai/api/rest/v1';
const ID = 'aa77f04e-3eec-4034-9c07-d0f619684628';

export function concretePath(endpoint: Endpoint): string {
  return endpoint.path.replace(/\{\w+\}/g, ID);
}

// -- JSON --------------------------------------------------------------------------------------

export interface JsonStyle {
  indent: string;
  /** Everything on one line. */
  compact: boolean;
}

export function renderJson(node: BodyNode, style: JsonStyle, depth = 0): string {
  if (node.kind === 'literal') return JSON.stringify(node.value);
  const open = node.kind === 'object' ? '{' : '[';
  const close = node.kind === 'object' ? '}' : ']';
  const parts = node.kind === 'object'
    ? node.entries.map(([k, v]) => `${JSON.stringify(k)}:${style.compact ? '' : ' '}${renderJson(v, style, depth + 1)}`)
    : node.items.map((v) => renderJson(v, style, depth + 1));
  if (parts.length === 0) return open + close;
  if (style.compact) return open + parts.join(',') + close;
  const inner = style.indent.repeat(depth + 1);
  return `${open}\n${parts.map((p) => inner + p).join(',\n')}\n${style.indent.repeat(depth)}${close}`;
}

// -- JS ----------------------------------------------------------------------------------------

export interface JsStyle extends JsonStyle {
  quote: '"' | "'" | '`';
  /** Quote every key, even identifiers. */
  quoteKeys: boolean;
}

export function jsString(value: string, quote: JsStyle['quote']): string {
  const escaped = value
    .replace(/\\/g, '\\\\')
    .replace(/\n/g, '\\n')
    .replace(/\r/g, '\\r')
    .replace(/\t/g, '\\t')
    .replace(new RegExp(quote === '`' ? '`|\\$\\{' : quote, 'g'), (m) => `\\${m}`);
  return quote + escaped + quote;
}

export function renderJs(node: BodyNode, style: JsStyle, depth = 0): string {
  if (node.kind === 'literal') {
    if (typeof node.value === 'string') return jsString(node.value, style.quote);
    return node.value === null ? 'null' : Object.is(node.value, -0) ? '-0' : String(node.value);
  }
  const open = node.kind === 'object' ? '{' : '[';
  const close = node.kind === 'object' ? '}' : ']';
  const key = (k: string) => (!style.quoteKeys && /^[A-Za-z_$][\w$]*$/.test(k) ? k : jsString(k, style.quote === '`' ? "'" : style.quote));
  const parts = node.kind === 'object'
    ? node.entries.map(([k, v]) => `${key(k)}: ${renderJs(v, style, depth + 1)}`)
    : node.items.map((v) => renderJs(v, style, depth + 1));
  if (parts.length === 0) return open + close;
  if (style.compact) return `${open} ${parts.join(', ')} ${close}`;
  const inner = style.indent.repeat(depth + 2);
  return `${open}\n${parts.map((p) => inner + p).join(',\n')},\n${style.indent.repeat(depth + 1)}${close}`;
}

// -- Shell -------------------------------------------------------------------------------------

export function singleQuoted(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

export function doubleQuoted(text: string): string {
  return `"${text.replace(/[\\"$`]/g, (c) => `\\${c}`)}"`;
}

// -- Documents ---------------------------------------------------------------------------------

export type Flavor = 'fetch' | 'fetch-variable' | 'axios' | 'sdk' | 'json' | 'jsonc' | 'curl-single' | 'curl-double' | 'http' | 'markdown' | 'postman';
export const FLAVORS: readonly Flavor[] = ['fetch', 'fetch-variable', 'axios', 'sdk', 'json', 'jsonc', 'curl-single', 'curl-double', 'http', 'markdown', 'postman'];

/** A key that looks real (never a real one): for the key rules and the redaction guarantees. */
export const SAMPLE_KEY = '3f1b2c4d-1a2b-4c3d-9e8f-0a1b2c3d4e5f';

/** Statements after the calls of a TS/JS document (`r0` is the first call's result). */
export const TS_EXTRAS = [
  '  const json = await r0.json();\n  console.log(json.sdGenerationJob.generationId);\n',
  '  const data = await r0.json();\n  console.log(data.sdGenerationJob.generationID, data.generations_by_pk?.generated_images[0].url);\n',
  '  const { sdGenerationJob } = await r0.json();\n  const g = await fetch(`${API}/generations/${sdGenerationJob.generationId}`, { headers: { authorization: `Bearer ${process.env.LEONARDO_API_KEY}` } });\n  const images = (await g.json()).generations_by_pk.generated_images;\n  console.log(images[0].url);\n',
  '  const poll = await fetch(`${API}/generations/x`, { headers: { authorization: `Bearer ${process.env.LEONARDO_API_KEY}` } });\n  const body = await poll.json();\n  if (body.generations_by_pk.status === "COMPLETE") console.log(body.generations_by_pk.generated_images);\n',
  `  const LEONARDO_API_KEY = '${SAMPLE_KEY}';\n  await fetch(\`\${API}/me\`, { headers: { authorization: \`Bearer \${LEONARDO_API_KEY}\` } });\n`,
  `  await fetch('https://cloud.leonardo.ai/api/rest/v1/me', { headers: { 'x-api-key': '${SAMPLE_KEY}' } });\n`,
  '  await fetch(`${API}/me`, { headers: { authorization: import.meta.env.VITE_LEONARDO_API_KEY } });\n',
  '  // leonardo-lint-disable-next-line unknown-field\n',
  '  // leonardo-lint-disable-next-line\n',
  '  /* leonardo-lint-disable */\n',
  '  // leonardo-lint-enable\n',
  '  await fetch(`${API}/generations`, { method: "POST", body: JSON.stringify({ prompt: "x", wid: 512 }) });\n',
  '  await fetch(`${API}/init-image`, { method: "POST", headers: { authorization: `Bearer ${process.env.LEONARDO_API_KEY}` }, body: JSON.stringify({ extension: "png" }) });\n',
];

export interface Request {
  endpoint: Endpoint;
  body: BodyNode;
}

const AUTH_TS = 'authorization: `Bearer ${process.env.LEONARDO_API_KEY}`';

function tsRequest(flavor: Flavor, r: Request, style: JsStyle, n: number): string {
  const url = `'${BASE}${concretePath(r.endpoint)}'`;
  const body = renderJs(r.body, style);
  const method = r.endpoint.method;
  switch (flavor) {
    case 'fetch':
      return `  const r${n} = await fetch(${url}, {\n    method: '${method}',\n    headers: { ${AUTH_TS}, 'content-type': 'application/json' },\n    body: JSON.stringify(${body}),\n  });\n`;
    case 'fetch-variable':
      return `  const body${n} = ${body};\n  const r${n} = await fetch(\`\${API}${concretePath(r.endpoint)}\`, {\n    method: '${method}',\n    headers: { ${AUTH_TS} },\n    body: JSON.stringify(body${n}),\n  });\n`;
    case 'axios':
      return method === 'DELETE'
        ? `  const r${n} = await axios.delete(${url}, { data: ${body}, headers: { ${AUTH_TS} } });\n`
        : `  const r${n} = await axios.${method.toLowerCase()}(${url}, ${body}, { headers: { ${AUTH_TS} } });\n`;
    default:
      return `  const r${n} = await leonardo.${r.endpoint.sdkNamespace}.${r.endpoint.sdkMethod}(${body});\n`;
  }
}

function curlCommand(flavor: Flavor, r: Request, json: string, option: string): string {
  const quoted = flavor === 'curl-single' ? singleQuoted(json) : doubleQuoted(json);
  return `curl -X ${r.endpoint.method} '${BASE}${concretePath(r.endpoint)}' \\\n  -H "authorization: Bearer $LEONARDO_API_KEY" \\\n  -H 'content-type: application/json' \\\n  ${option} ${quoted}\n`;
}

function httpRequest(r: Request, json: string): string {
  return `POST {{base}}${concretePath(r.endpoint)}\nAuthorization: Bearer {{$dotenv LEONARDO_API_KEY}}\nContent-Type: application/json\n\n${json}\n`.replace(/^POST/, r.endpoint.method);
}

export interface RenderOptions {
  flavor: Flavor;
  requests: Request[];
  style: JsStyle;
  crlf: boolean;
  dataOption: string;
  /** Indexes into TS_EXTRAS, for TS/JS documents. */
  extras: number[];
}

function postmanCollection(requests: readonly Request[], style: JsStyle): string {
  const item = requests.map((r, i) => ({
    name: `r${i}`,
    request: {
      method: r.endpoint.method,
      header: [
        { key: 'Authorization', value: i % 2 === 0 ? 'Bearer {{apiKey}}' : `Bearer ${SAMPLE_KEY}` },
        { key: 'Content-Type', value: 'application/json' },
      ],
      url: { raw: `{{baseUrl}}${concretePath(r.endpoint)}` },
      body: { mode: 'raw', raw: renderJson(r.body, style), options: { raw: { language: 'json' } } },
    },
  }));
  const collection = {
    info: { name: 'Leonardo', schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json' },
    item,
    variable: [{ key: 'baseUrl', value: BASE }],
  };
  return JSON.stringify(collection, null, style.compact ? undefined : style.indent) + '\n';
}

export function renderDocument(o: RenderOptions): FuzzDocument {
  const { flavor, requests, style } = o;
  const json = (r: Request) => renderJson(r.body, style);
  let doc: FuzzDocument;
  switch (flavor) {
    case 'fetch':
    case 'fetch-variable':
    case 'axios':
    case 'sdk': {
      const head = flavor === 'sdk'
        ? "import { Leonardo } from '@leonardo-ai/sdk';\n\nconst leonardo = new Leonardo({ bearerAuth: process.env.LEONARDO_API_KEY ?? '' });\n"
        : flavor === 'axios' ? "import axios from 'axios';\n" : `const API = '${BASE}';\n`;
      const calls = requests.map((r, i) => tsRequest(flavor, r, style, i)).join('');
      const extras = o.extras.map((i) => TS_EXTRAS[i % TS_EXTRAS.length]).join('');
      const api = flavor === 'fetch' || flavor === 'fetch-variable' ? '' : `const API = '${BASE}';\n`;
      const text = `${head}${api}\nexport async function run() {\n${calls}${extras}}\n`;
      doc = { path: flavor === 'axios' ? 'client.js' : 'app.ts', kind: flavor === 'axios' ? 'javascript' : 'typescript', text };
      break;
    }
    case 'json':
      doc = { path: 'request.leonardo.json', kind: 'json', text: json(requests[0]) + '\n' };
      break;
    case 'jsonc':
      doc = { path: 'request.jsonc', kind: 'jsonc', text: `// ${requests[0].endpoint.method} ${requests[0].endpoint.path}\n${json(requests[0])}\n` };
      break;
    case 'curl-single':
    case 'curl-double':
      doc = { path: 'generate.sh', kind: 'shell', text: `#!/bin/sh\nset -eu\n${requests.map((r) => curlCommand(flavor, r, json(r), o.dataOption)).join('\n')}` };
      break;
    case 'http':
      doc = { path: 'requests.http', kind: 'http', text: `@base = ${BASE}\n\n${requests.map((r) => `### ${r.endpoint.operationId}\n${httpRequest(r, json(r))}`).join('\n')}` };
      break;
    case 'markdown': {
      const blocks = requests.map((r, i) =>
        i % 2 === 0
          ? `\`\`\`bash\n${curlCommand('curl-single', r, json(r), o.dataOption)}\`\`\`\n`
          : `\`\`\`http\n${httpRequest(r, json(r)).replace('{{base}}', BASE)}\`\`\`\n`,
      );
      doc = { path: 'README.md', kind: 'markdown', text: `# Calling Leonardo\n\n${blocks.join('\nThen:\n\n')}` };
      break;
    }
    case 'postman':
      doc = { path: 'leonardo.postman_collection.json', kind: 'postman', text: postmanCollection(requests, style) };
      break;
  }
  return o.crlf ? { ...doc, text: doc.text.replace(/\n/g, '\r\n') } : doc;
}

// -- Arbitraries -------------------------------------------------------------------------------

const SDK_ENDPOINTS = BODY_ENDPOINTS.filter((e) => e.sdkMethod && e.sdkNamespace && !e.path.includes('{') && e.status !== 'removed');

export const jsStyle: fc.Arbitrary<JsStyle> = fc.record({
  indent: fc.constantFrom('  ', '    ', '\t'),
  compact: fc.boolean(),
  quote: fc.constantFrom<JsStyle['quote']>('"', "'", '`'),
  quoteKeys: fc.boolean(),
});

function requestFor(flavor: Flavor): fc.Arbitrary<Request> {
  const sdk = flavor === 'sdk';
  return fc.constantFrom(...(sdk ? SDK_ENDPOINTS : BODY_ENDPOINTS)).chain((endpoint) =>
    mutatedBody(endpoint, sdk ? 'sdk' : 'wire').map((body) => ({ endpoint, body })),
  );
}

/** One generated document: a flavour, one to three requests (one for JSON files), a style. */
export const generatedDocument: fc.Arbitrary<FuzzDocument> = fc.constantFrom(...FLAVORS).chain((flavor) =>
  fc
    .record({
      requests: fc.array(requestFor(flavor), { minLength: 1, maxLength: flavor === 'json' || flavor === 'jsonc' ? 1 : 3 }),
      style: jsStyle,
      crlf: fc.boolean(),
      dataOption: fc.constantFrom('-d', '--data', '--data-raw', '--json'),
      extras: fc.array(fc.nat(TS_EXTRAS.length - 1), { maxLength: 3 }),
    })
    .map((o) => renderDocument({ ...o, flavor })),
);
