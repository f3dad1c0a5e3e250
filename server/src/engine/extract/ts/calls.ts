// The shape of each HTTP client's call: where its URL, method, body and headers are written.
// `fetch(url, {method, headers, body})`, `axios.post(url, data, config)`, `axios({url, method, data})`,
// `got.post(url, {json})`, `ky(url, {method, json})`, `ofetch(url, {method, body})`,
// `undici.request(url, {method, body})`. The result is syntax only; requests.ts evaluates it.

import ts from 'typescript';
import type { SourceKind, Span } from '../../types.js';
import { clientCallee, isOptionsObject, optionProperties, type ClientCallee } from './clients.js';
import { spanOf, type TsContext } from './context.js';
import { constString } from './values.js';

export interface MethodRef {
  value: string;
  /** The method as written (the text inside the quotes, or `post` in `axios.post`). */
  span?: Span;
}

export interface SendCall {
  source: SourceKind;
  call: ts.CallExpression;
  /** The URL expression; undefined when the call has none (a config object without `url`). */
  url?: ts.Expression;
  /** The client's base URL (`baseURL`, `prefixUrl`), from the instance or the call's options. */
  base?: ts.Expression;
  /** The method when known; undefined when it is written as an expression that cannot be known. */
  method?: MethodRef;
  /** The method expression when the method is not a literal (a wrapper's parameter, for example). */
  methodExpression?: ts.Expression;
  body?: ts.Expression;
  /** Set when the client sends the body as a form, not JSON (`axios.postForm`, got `form`). */
  bodyEncoding?: 'form';
  /** Header maps, the instance's first, then the call's own. */
  headers: ts.Expression[];
}

const BODYLESS = new Set(['get', 'delete', 'head', 'options']);
const WITH_DATA = new Set(['post', 'put', 'patch', 'postForm', 'putForm', 'patchForm']);
const VERBS = new Set(['get', 'post', 'put', 'patch', 'delete', 'head']);

/** The send described by a call, or undefined when the call is not an HTTP client call. */
export function sendCall(call: ts.CallExpression, ctx: TsContext): SendCall | undefined {
  const callee = clientCallee(call.expression, ctx);
  if (!callee) return undefined;
  switch (callee.library) {
    case 'fetch':
      return callee.member === undefined ? urlAndOptions('fetch', call, ctx, 'body') : undefined;
    case 'undici':
      return callee.member === 'request' ? urlAndOptions('undici', call, ctx, 'body') : undefined;
    case 'axios':
      return axiosCall(callee, call, ctx);
    case 'got':
    case 'ky':
    case 'ofetch':
      return optionsClientCall(callee, call, ctx);
  }
}

/** `client(url, {method, body, headers})`: fetch, undici.request. */
function urlAndOptions(source: SourceKind, call: ts.CallExpression, ctx: TsContext, bodyKey: string): SendCall | undefined {
  const [url, init] = call.arguments;
  if (!url) return undefined;
  const options = optionProperties(init, ctx);
  return {
    source,
    call,
    url,
    ...methodFrom(options.get('method'), 'GET', ctx),
    body: options.get(bodyKey),
    headers: listOf(options.get('headers')),
  };
}

function axiosCall(callee: ClientCallee, call: ts.CallExpression, ctx: TsContext): SendCall | undefined {
  const args = call.arguments;
  const instance = optionProperties(callee.instance?.config, ctx);
  const member = callee.member;
  let url: ts.Expression | undefined;
  let data: ts.Expression | undefined;
  let config: Map<string, ts.Expression>;
  let method: Pick<SendCall, 'method' | 'methodExpression'>;
  if (member === undefined || member === 'request') {
    // axios(config), axios(url, config), axios.request(config)
    const urlFirst = member === undefined && args[0] !== undefined && !isOptionsObject(args[0], ctx);
    config = optionProperties(urlFirst ? args[1] : args[0], ctx);
    url = urlFirst ? args[0] : config.get('url');
    data = config.get('data');
    method = methodFrom(config.get('method') ?? instance.get('method'), 'GET', ctx);
  } else if (BODYLESS.has(member) || WITH_DATA.has(member)) {
    url = args[0];
    const withData = WITH_DATA.has(member);
    data = withData ? args[1] : undefined;
    config = optionProperties(withData ? args[2] : args[1], ctx);
    method = { method: memberMethod(member.replace(/Form$/, ''), callee, ctx) };
  } else {
    return undefined;
  }
  if (!url && !instance.get('baseURL')) return undefined;
  return {
    source: 'axios',
    call,
    url,
    base: config.get('baseURL') ?? instance.get('baseURL'),
    ...method,
    body: data,
    ...(member?.endsWith('Form') ? { bodyEncoding: 'form' as const } : {}),
    headers: [...listOf(instance.get('headers')), ...listOf(config.get('headers'))],
  };
}

/** got, ky and ofetch: `client(url, options)` or `client.post(url, options)`, the body in `json` or `body`. */
function optionsClientCall(callee: ClientCallee, call: ts.CallExpression, ctx: TsContext): SendCall | undefined {
  const library = callee.library;
  const member = callee.member;
  const direct = member === undefined || (library === 'ofetch' && member === 'raw');
  if (!direct && !VERBS.has(member!)) return undefined;
  const args = call.arguments;
  // got also takes a single options object with a `url`.
  const optionsOnly = library === 'got' && args.length === 1 && isOptionsObject(args[0]!, ctx);
  const options = optionProperties(optionsOnly ? args[0] : args[1], ctx);
  const url = optionsOnly ? options.get('url') : args[0];
  if (!url) return undefined;
  const instance = optionProperties(callee.instance?.config, ctx);
  const baseKey = library === 'ofetch' ? 'baseURL' : 'prefixUrl';
  const method = direct
    ? methodFrom(options.get('method') ?? instance.get('method'), 'GET', ctx)
    : { method: memberMethod(member!, callee, ctx) };
  const form = library === 'got' ? options.get('form') : undefined;
  return {
    source: library as SourceKind,
    call,
    url,
    base: options.get(baseKey) ?? instance.get(baseKey) ?? (library === 'ky' ? options.get('prefix') ?? instance.get('prefix') : undefined),
    ...method,
    body: form ?? (library === 'ofetch' ? options.get('body') : options.get('json') ?? options.get('body')),
    ...(form ? { bodyEncoding: 'form' as const } : {}),
    headers: [...listOf(instance.get('headers')), ...listOf(options.get('headers'))],
  };
}

function memberMethod(member: string, callee: ClientCallee, ctx: TsContext): MethodRef {
  return { value: member.toUpperCase(), ...(callee.memberNode ? { span: spanOf(callee.memberNode, ctx) } : {}) };
}

/** The method an options object gives: its literal, unknown for an expression, `fallback` when absent. */
function methodFrom(expression: ts.Expression | undefined, fallback: string, ctx: TsContext): Pick<SendCall, 'method' | 'methodExpression'> {
  if (!expression) return { method: { value: fallback } };
  const literal = constString(expression, ctx);
  if (!literal) return { methodExpression: expression };
  return { method: { value: literal.value.toUpperCase(), span: literal.inner }, methodExpression: expression };
}

function listOf(expression: ts.Expression | undefined): ts.Expression[] {
  return expression ? [expression] : [];
}

