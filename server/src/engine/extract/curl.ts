// curl command lines (from shell scripts and Markdown code blocks) → RequestSites. Understands the
// options that shape a request: the URL (positional or --url), -X/--request, -H/--header,
// -d/--data/--data-raw/--data-binary/--json (a body `@file` is not linted; `@-` reads the command's
// here-document), -F/--form, -G/--get, -I/--head and -T/--upload-file. Short options may be bundled
// (`-sSX POST`) or attached (`-XPOST`, `-d'{…}'`).

import type { Catalogue } from '../../api/types.js';
import type { EscapedRegion, JsonError, ObjectValue, Property, RequestSite, Span, Value } from '../types.js';
import { headerObject, headerProperty } from './text/headers.js';
import { parseMappedJson } from './text/json-body.js';
import { mapSpan, MappedTextBuilder, sliceMapped, type MappedText } from './text/mapped-text.js';
import { endpointFor, leonardoRequestUrl } from './text/request-url.js';
import type { QuotedPart, ShellCommand, ShellWord } from './text/shell-lexer.js';

/** Long options that take an argument (the rest are flags). */
const LONG_WITH_ARG = new Set(
  (
    'url request header data data-raw data-binary data-ascii data-urlencode json form form-string user ' +
    'user-agent referer cookie cookie-jar output output-dir max-time connect-timeout retry retry-delay ' +
    'retry-max-time write-out proxy proxy-user proxy-header cacert capath cert cert-type key key-type pass ' +
    'config upload-file range resolve connect-to limit-rate dump-header trace trace-ascii stderr interface ' +
    'local-port max-filesize max-redirs oauth2-bearer variable aws-sigv4 ciphers dns-servers doh-url ' +
    'keepalive-time netrc-file noproxy pinnedpubkey proto proto-redir pubkey quote request-target socks5 ' +
    'socks5-hostname speed-limit speed-time time-cond tls-max unix-socket abstract-unix-socket url-query ' +
    'expect100-timeout happy-eyeballs-timeout-ms parallel-max ftp-port sasl-authzid service-name ' +
    'etag-save etag-compare ech ipfs-gateway proxy-cacert mail-from mail-rcpt header-file ' +
    'expand-url expand-data expand-header expand-json expand-output create-file-mode rate'
  ).split(' '),
);

/** Short options that take an argument (`-X POST`, `-XPOST`). */
const SHORT_WITH_ARG = new Set('AbcCdDeEFHKmoPQrtTuUwxXyYz'.split(''));

const SHORT_TO_LONG: Record<string, string> = {
  X: 'request',
  H: 'header',
  d: 'data',
  F: 'form',
  T: 'upload-file',
  K: 'config',
  G: 'get',
  I: 'head',
};

const DATA_OPTIONS = new Set(['data', 'data-raw', 'data-binary', 'data-ascii', 'data-urlencode', 'json', 'expand-data']);

/** One option argument: the word, and where the argument starts in it (after `-X` in `-XPOST`). */
interface Argument {
  option: string;
  word: ShellWord;
  start: number;
  /** The span of the option and its argument, and the whitespace up to the next word (for removal). */
  span: Span;
}

interface CurlCall {
  words: ShellWord[];
  args: Argument[];
  flags: Set<string>;
  positionals: ShellWord[];
  /** An unquoted expansion among the options (`$CURL_OPTS`): anything may be in it. */
  opaque: boolean;
}

/** The words of a curl invocation, after assignments and wrappers (`sudo`, `time`, `env X=1`). */
function curlWords(command: ShellCommand): ShellWord[] | undefined {
  const words = command.words;
  let i = 0;
  while (i < words.length) {
    const text = words[i].value.text;
    if (/^[A-Za-z_]\w*=/.test(text) || /^(?:sudo|time|command|exec|nohup|env|noglob|builtin)$/.test(text)) i++;
    else if (/^-/.test(text) && i > 0) i++;
    else break;
  }
  const head = words[i]?.value.text;
  if (!head || !/^(?:.*\/)?curl(?:\.exe)?$/.test(head)) return undefined;
  return words.slice(i);
}

function parseCall(words: ShellWord[], docText: string): CurlCall {
  const call: CurlCall = { words, args: [], flags: new Set(), positionals: [], opaque: false };
  const removal = (from: ShellWord, to: ShellWord, index: number): Span => {
    const next = words[index + 1];
    if (next) return { start: from.span.start, end: next.span.start };
    const prev = words[words.indexOf(from) - 1];
    return { start: prev ? prev.span.end : from.span.start, end: to.span.end };
  };
  let endOfOptions = false;
  for (let i = 1; i < words.length; i++) {
    const word = words[i];
    const text = word.value.text;
    const expanded = word.value.unknown[0]?.start === 0;
    if (endOfOptions || !text.startsWith('-') || text === '-' || expanded) {
      // An unquoted expansion (`$CURL_OPTS`) may hold any options.
      if (!endOfOptions && expanded && docText[word.span.start] === '$') call.opaque = true;
      call.positionals.push(word);
      continue;
    }
    if (text === '--') {
      endOfOptions = true;
      continue;
    }
    if (text.startsWith('--')) {
      const name = text.slice(2);
      if (LONG_WITH_ARG.has(name) && i + 1 < words.length) {
        call.args.push({ option: name, word: words[i + 1], start: 0, span: removal(word, words[i + 1], i + 1) });
        i++;
      } else {
        call.flags.add(name.replace(/^no-/, ''));
      }
      continue;
    }
    // A bundle of short options: flags until one that takes an argument.
    for (let k = 1; k < text.length; k++) {
      const letter = text[k];
      const long = SHORT_TO_LONG[letter] ?? letter;
      if (!SHORT_WITH_ARG.has(letter)) {
        call.flags.add(long);
        continue;
      }
      if (k + 1 < text.length) {
        call.args.push({ option: long, word, start: k + 1, span: removal(word, word, i) });
      } else if (i + 1 < words.length) {
        call.args.push({ option: long, word: words[i + 1], start: 0, span: removal(word, words[i + 1], i + 1) });
        i++;
      }
      break;
    }
  }
  return call;
}

/** Shell variables known at a point of a script (`API=https://…` assignments before it). */
export type ShellVariables = ReadonlyMap<string, string>;

/** The word with the variables whose value is known put in (mapped to the `$NAME` they replace). */
export function resolveVariables(word: ShellWord, variables: ShellVariables): MappedText {
  if (word.expansions.length === 0) return word.value;
  const m = word.value;
  const b = new MappedTextBuilder();
  let i = 0;
  for (const e of word.expansions) {
    if (e.start > i) b.pushMapped(sliceMapped(m, i, e.start));
    const known = e.name !== undefined ? (variables.get(e.name) ?? e.fallback) : undefined;
    const span = mapSpan(m, e.start, e.end);
    if (known !== undefined && !/\$/.test(known)) b.pushExpansion(known, span.start, span.end, true);
    else b.pushMapped(sliceMapped(m, e.start, e.end));
    i = e.end;
  }
  if (i < m.text.length) b.pushMapped(sliceMapped(m, i, m.text.length));
  return b.build();
}

/** The RequestSite of a curl command to Leonardo's API, or undefined for other commands and URLs. */
export function curlRequest(
  command: ShellCommand,
  docText: string,
  catalogue: Catalogue,
  variables: ShellVariables,
): RequestSite | undefined {
  const words = curlWords(command);
  if (!words) return undefined;
  const call = parseCall(words, docText);
  const urlArg = call.args.find((a) => a.option === 'url');
  const urlWord = urlArg?.word ?? call.positionals.find((w) => /:\/\/|leonardo\.ai/i.test(resolveVariables(w, variables).text));
  if (!urlWord) return undefined;
  const url = leonardoRequestUrl(resolveVariables(urlWord, variables), docText);
  if (!url) return undefined;

  const data = call.args.filter((a) => DATA_OPTIONS.has(a.option));
  const form = call.args.some((a) => a.option === 'form' || a.option === 'form-string');
  const site: RequestSite = {
    source: 'curl',
    naming: 'wire',
    url,
    span: { start: words[0].span.start, end: command.span.end },
  };
  const methodArg = [...call.args].reverse().find((a) => a.option === 'request');
  if (methodArg) {
    const method = sliceMapped(methodArg.word.value, methodArg.start, methodArg.word.value.text.length);
    if (method.unknown.length === 0 && method.text !== '') {
      site.method = method.text.toUpperCase();
      site.methodSpan = mapSpan(method, 0, method.text.length);
    }
  } else if (call.flags.has('get')) site.method = 'GET';
  else if (call.flags.has('head')) site.method = 'HEAD';
  else if (data.length > 0 || form) site.method = 'POST';
  else if (call.args.some((a) => a.option === 'upload-file')) site.method = 'PUT';
  else site.method = 'GET';

  site.endpoint = endpointFor(catalogue, site.method, url);
  site.headers = curlHeaders(call, docText);
  if (call.flags.has('get')) return site;
  if (form) {
    site.body = { kind: 'foreign', what: 'multipart form data (curl -F)', span: call.args.find((a) => a.option === 'form' || a.option === 'form-string')!.span };
  } else if (data.length === 1) {
    const body = curlBody(data[0], command);
    site.body = body.value;
    if (body.errors.length > 0) site.jsonErrors = body.errors;
    if (body.regions.length > 0) site.escapedRegions = body.regions;
  } else if (data.length > 1) {
    site.body = { kind: 'unknown', span: { start: data[0].span.start, end: data[data.length - 1].span.end } };
  }
  return site;
}

interface CurlBody {
  value: Value;
  errors: JsonError[];
  /** Where fixes to the body must be written shell-escaped. */
  regions: EscapedRegion[];
}

/** The body of a single data option: parsed JSON, or unknown for a file, stdin without a here-document, or form encoding. */
function curlBody(arg: Argument, command: ShellCommand): CurlBody {
  const text = sliceMapped(arg.word.value, arg.start, arg.word.value.text.length);
  const span = mapSpan(text, 0, text.text.length);
  const unknown = { value: { kind: 'unknown', span, text: text.text } as Value, errors: [], regions: [] };
  const readsFile = arg.option !== 'data-raw' && text.text.startsWith('@') && text.unknown[0]?.start !== 0;
  if (readsFile) {
    const file = text.text.slice(1);
    if ((file === '-' || file === '/dev/stdin') && command.stdin) {
      const stdinSpan = mapSpan(command.stdin, 0, command.stdin.text.length);
      return Object.assign({}, parseMappedJson(command.stdin), { regions: shellRegions(command.stdinQuoting, stdinSpan) });
    }
    return unknown;
  }
  if (arg.option === 'data-urlencode' || arg.option === 'expand-data') return unknown;
  return Object.assign({}, parseMappedJson(text), { regions: shellRegions(arg.word.quoted, span) });
}

/** `'` inside single quotes is written `'\''`; `\`, `"`, `$` and backticks inside double quotes take a backslash. */
const SHELL_ENCODERS: Record<QuotedPart['quote'] | 'heredoc', (text: string) => string> = {
  "'": (text) => text.replace(/'/g, "'\\''"),
  '"': (text) => text.replace(/[\\"$`]/g, '\\$&'),
  heredoc: (text) => text.replace(/[\\$`]/g, '\\$&'),
};

function shellRegions(quoting: QuotedPart[] | 'heredoc' | undefined, body: Span): EscapedRegion[] {
  if (quoting === 'heredoc') return [{ span: body, encode: SHELL_ENCODERS.heredoc }];
  return (quoting ?? [])
    .filter((part) => part.span.start < body.end && part.span.end > body.start)
    .map((part) => ({ span: part.span, encode: SHELL_ENCODERS[part.quote] }));
}

function curlHeaders(call: CurlCall, docText: string): ObjectValue {
  const properties: Property[] = [];
  // A config file may add headers; --oauth2-bearer sends `Authorization: Bearer …` itself.
  let hasUnknownKeys = call.opaque || call.args.some((a) => a.option === 'config' || a.option === 'oauth2-bearer');
  let anchor = call.words[0].span;
  for (const arg of call.args) {
    if (arg.option === 'url' || arg.option === 'header') anchor = arg.word.span;
    if (arg.option !== 'header') continue;
    if (arg.word.value.text.startsWith('@', arg.start)) {
      hasUnknownKeys = true;
      continue;
    }
    const first = docText[arg.word.span.start];
    const quote = first === "'" || first === '"' ? first : '"';
    const property = headerProperty({ text: arg.word.value, start: arg.start, removeSpan: arg.span, quote });
    if (property === 'unknownName') hasUnknownKeys = true;
    else if (property) properties.push(property);
  }
  return headerObject(properties, anchor, hasUnknownKeys);
}
