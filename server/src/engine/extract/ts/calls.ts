// The shape of each HTTP client's call: where its URL, method, body and headers are written.
// `fetch(url, {method, headers, body})`, `axios.post(url, data, config)`, `axios({url, method, data})`,
// `got.post(url, {json})`, `ky(url, {method, json})`, `ofetch(url, {method, body})`,
// `undici.request(url, {method, body})`. The result is syntax only; requests.ts evaluates it.

import ts from 'typescript';
import type { SourceKind, Span } from '../../types.js';
import { clientCallee, isOptionsObject, readOptions, type ClientCallee, type Options } from './clients.js';
import { spanOf, type TsContext } from './context.js';
import { constString } from './values.js';
import { skipOuter } from './scope.js';

export interface MethodRef {
  value: string;
  /** The method as written (the text inside the quotes, or `post` in `axios.post`). */
  span?: Span;
}

/** The option names a client reads its body from. */
export interface OptionKeys {
  /** JSON body keys, first present wins (`json` before `body` for got and ky). */
  body: readonly string[];
  /** A key whose value is sent as a form (got's `form`). */
  form?: string;
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
  /** Where this client reads method and body in options passed through a wrapper. */
  keys: OptionKeys;
  /** Options that cannot be read here (`fetch(url, init)`, `{...init}`): a wrapper's caller may fill them. */
  openOptions: ts.Expression[];
  /**
   * got's answer as its options (or its instance's, `got.extend({...})`) shape it: `json` for
   * `responseType: "json"` (the response's `.body` is the parsed body), `body` for `resolveBodyOnly` with
   * it (the body itself), `unknown` for `resolveBodyOnly` otherwise or options written as expressions.
   * Undefined for the usual response.
   */
  answer?: 'json' | 'body' | 'unknown';
}

const FETCH_KEYS: OptionKeys = { body: ['body'] };
const AXIOS_KEYS: OptionKeys = { body: ['data'] };
const GOT_KEYS: OptionKeys = { body: ['json', 'body'], form: 'form' };
const KY_KEYS: OptionKeys = { body: ['json', 'body'] };

const BODYLESS = new Set(['get', 'delete', 'head', 'options']);
const WITH_DATA = new Set(['post', 'put', 'patch', 'postForm', 'putForm', 'patchForm']);
const VERBS = new Set(['get', 'post', 'put', 'patch', 'delete', 'head']);

/** The send described by a call, or undefined when the call is not an HTTP client call. */
export function sendCall(call: ts.CallExpression, ctx: TsContext): SendCall | undefined {
  const callee = clientCallee(call.expression, ctx);
  return callee && sendThrough(callee, call, ctx);
}

/** The send of a call through a client already known (also one another module exports, from the workspace index). */
export function sendThrough(callee: ClientCallee, call: ts.CallExpression, ctx: TsContext): SendCall | undefined {
  switch (callee.library) {
    case 'fetch':
      return callee.member === undefined ? urlAndOptions('fetch', call, ctx) : undefined;
    case 'undici':
      return callee.member === 'request' ? urlAndOptions('undici', call, ctx) : undefined;
    case 'axios':
      return axiosCall(callee, call, ctx);
    case 'got':
    case 'ky':
    case 'ofetch':
      return optionsClientCall(callee, call, ctx);
  }
}

/** `client(url, {method, body, headers})`: fetch, undici.request. */
function urlAndOptions(source: SourceKind, call: ts.CallExpression, ctx: TsContext): SendCall | undefined {
  const [url, init] = call.arguments;
  if (!url) return undefined;
  const options = readOptions(init, ctx);
  return {
    source,
    call,
    url,
    ...methodOption(options, undefined, ctx),
    body: readBody(options, FETCH_KEYS),
    headers: listOf(options.props.get('headers')),
    keys: FETCH_KEYS,
    openOptions: options.open,
  };
}

function axiosCall(callee: ClientCallee, call: ts.CallExpression, ctx: TsContext): SendCall | undefined {
  const args = call.arguments;
  const instance = readOptions(callee.instance?.config, ctx);
  const member = callee.member;
  let url: ts.Expression | undefined;
  let data: ts.Expression | undefined;
  let config: Options;
  let method: Pick<SendCall, 'method' | 'methodExpression'>;
  if (member === undefined || member === 'request') {
    // axios(config), axios(url, config), axios.request(config)
    const urlFirst = member === undefined && args[0] !== undefined && !isOptionsObject(args[0], ctx);
    config = readOptions(urlFirst ? args[1] : args[0], ctx);
    url = urlFirst ? args[0] : config.props.get('url');
    data = config.props.get('data');
    method = methodOption(config, instance, ctx);
  } else if (BODYLESS.has(member) || WITH_DATA.has(member)) {
    url = args[0];
    const withData = WITH_DATA.has(member);
    data = withData ? args[1] : undefined;
    config = readOptions(withData ? args[2] : args[1], ctx);
    method = { method: memberMethod(member.replace(/Form$/, ''), callee, ctx) };
  } else {
    return undefined;
  }
  if (!url && !instance.props.get('baseURL')) return undefined;
  return {
    source: 'axios',
    call,
    url,
    base: config.props.get('baseURL') ?? instance.props.get('baseURL'),
    ...method,
    body: data,
    ...(member?.endsWith('Form') ? { bodyEncoding: 'form' as const } : {}),
    headers: [...listOf(instance.props.get('headers')), ...listOf(config.props.get('headers'))],
    keys: AXIOS_KEYS,
    openOptions: config.open,
  };
}

/** got, ky and ofetch: `client(url, options)` or `client.post(url, options)`, the body in `json` or `body`. */
function optionsClientCall(callee: ClientCallee, call: ts.CallExpression, ctx: TsContext): SendCall | undefined {
  const library = callee.library;
  const member = callee.member;
  const direct = member === undefined || (library === 'ofetch' && member === 'raw');
  if (!direct && !VERBS.has(member)) return undefined;
  const args = call.arguments;
  // got also takes a single options object with a `url`.
  const optionsOnly = library === 'got' && args.length === 1 && isOptionsObject(args[0], ctx);
  const options = readOptions(optionsOnly ? args[0] : args[1], ctx);
  const url = optionsOnly ? options.props.get('url') : args[0];
  if (!url) return undefined;
  const instance = readOptions(callee.instance?.config, ctx);
  const baseKeys = library === 'ofetch' ? ['baseURL'] : library === 'ky' ? ['prefixUrl', 'prefix'] : ['prefixUrl'];
  const keys = library === 'got' ? GOT_KEYS : library === 'ky' ? KY_KEYS : FETCH_KEYS;
  const form = keys.form ? options.props.get(keys.form) : undefined;
  return {
    source: library as SourceKind,
    call,
    url,
    base: firstOf(options, baseKeys) ?? firstOf(instance, baseKeys),
    ...(direct ? methodOption(options, instance, ctx) : { method: memberMethod(member, callee, ctx) }),
    body: form ?? readBody(options, keys),
    ...(form ? { bodyEncoding: 'form' as const } : {}),
    headers: [...listOf(instance.props.get('headers')), ...listOf(options.props.get('headers'))],
    keys,
    openOptions: options.open,
    ...(library === 'got' ? gotAnswer(options, instance, ctx) : {}),
  };
}

/** What a got call's options make of its answer (SendCall `answer`): the call's own options first, then its instance's. */
function gotAnswer(options: Options, instance: Options, ctx: TsContext): Pick<SendCall, 'answer'> {
  const option = (key: string): ts.Expression | undefined => options.props.get(key) ?? instance.props.get(key);
  const type = option('responseType');
  const bodyOnly = option('resolveBodyOnly');
  const json = type ? constString(type, ctx)?.value : undefined;
  const only = bodyOnly ? skipOuter(bodyOnly).kind : undefined;
  if ((type && json === undefined) || (bodyOnly && only !== ts.SyntaxKind.TrueKeyword && only !== ts.SyntaxKind.FalseKeyword)) return { answer: 'unknown' };
  if (only === ts.SyntaxKind.TrueKeyword) return { answer: json === 'json' ? 'body' : 'unknown' };
  return json === 'json' ? { answer: 'json' } : {};
}

function memberMethod(member: string, callee: ClientCallee, ctx: TsContext): MethodRef {
  return { value: member.toUpperCase(), ...(callee.memberNode ? { span: spanOf(callee.memberNode, ctx) } : {}) };
}

/**
 * The method options give: their literal `method`; unknown for an expression; GET when no
 * option can hold one (options that cannot be read might).
 */
export function methodOption(options: Options, instance: Options | undefined, ctx: TsContext): Pick<SendCall, 'method' | 'methodExpression'> {
  const expression = options.props.get('method') ?? instance?.props.get('method');
  if (!expression) return options.open.length > 0 || (instance?.open.length ?? 0) > 0 ? {} : { method: { value: 'GET' } };
  const literal = constString(expression, ctx);
  if (!literal) return { methodExpression: expression };
  return { method: { value: literal.value.toUpperCase(), span: literal.inner }, methodExpression: expression };
}

/** The body expression of options, by the client's body keys. */
export function readBody(options: Options, keys: OptionKeys): ts.Expression | undefined {
  return firstOf(options, keys.body);
}

function firstOf(options: Options, keys: readonly string[]): ts.Expression | undefined {
  for (const key of keys) {
    const value = options.props.get(key);
    if (value) return value;
  }
  return undefined;
}

function listOf(expression: ts.Expression | undefined): ts.Expression[] {
  return expression ? [expression] : [];
}
