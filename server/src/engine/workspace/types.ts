// The workspace index's vocabulary: what another module exports that matters to a Leonardo request,
// as plain data (no syntax tree outlives the summary of its module), and the narrow question the
// TS/JS extractor asks through `LintDocument.workspace`: "what does this imported name hold?".

import type { ClientLibrary } from '../extract/ts/clients.js';
import type { OptionKeys } from '../extract/ts/calls.js';
import type { ResponseOrigin } from '../flow/types.js';
import type { Related, Span } from '../types.js';

/** A piece of a wrapper's URL: known text, or the place where the caller's URL argument goes. */
export type ExportedUrlPiece = { text: string } | { param: true };

/** Where a fact was found in its module: the related information of a finding that depends on it. */
export interface FactOrigin {
  /** The module's path, as the index was given it. */
  file: string;
  /** The exported name (or `default`). */
  name: string;
  related: Related;
}

/**
 * A value as plain data, without spans (they belong to the module that wrote it): an importer reads
 * it at the expression that names the import. Mirrors the engine's `Value`.
 */
export type PlainValue =
  | { kind: 'string'; value: string }
  | { kind: 'number'; value: number; raw: string }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'null' }
  | { kind: 'unknown'; text?: string }
  | { kind: 'foreign'; what: string }
  | { kind: 'object'; properties: Array<{ key: string; value: PlainValue; conditional?: boolean }>; hasUnknownKeys: boolean }
  | { kind: 'array'; elements: PlainValue[]; hasUnknownElements: boolean }
  | { kind: 'alternatives'; options: PlainValue[] };

/** One header a client instance sets that carries (or was meant to carry) the key, read as text in its module. */
export interface ClientHeader {
  name: string;
  /** The value's text as `auth/headers.ts` reads it; undefined when it is not text (a number, an object). */
  texts: Array<{ head: string; complete: boolean; expression?: string }>;
  /** Where the header is written. */
  related: Related;
}

/**
 * What a client instance's own headers say about the key: `unknown` when they cannot all be seen
 * (a spread of an unknown object, headers from a call, an interceptor, defaults or a hook set in
 * its module); otherwise the headers that carry the key (none: the client sends no key).
 */
export type ClientHeaders = { unknown: true } | { unknown?: false; keyHeaders: ClientHeader[] };

/** The headers of an imported client, on a request made through it (`RequestSite.clientHeaders`). */
export interface ImportedClientHeaders {
  headers: ClientHeader[];
  /** The client's declaration (the related information of a missing header). */
  client: Related;
  /** Where the caller names the client (`leonardo.post`): a finding about the client's headers lands here. */
  at: Span;
}

export type ExportFact =
  /** An HTTP client instance (`axios.create({ baseURL })`, `ky.create({ prefixUrl })`, ...). */
  | { kind: 'client'; library: ClientLibrary; base?: string; headers?: ClientHeaders; origin: FactOrigin }
  /**
   * A function that sends a request: the URL is built from parameter `urlParam` (or is fixed when it
   * is absent), the body is parameter `bodyParam`, the client options parameter `optionsParam`.
   */
  | {
      kind: 'wrapper';
      url: ExportedUrlPiece[];
      urlParam?: number;
      bodyParam?: number;
      /**
       * The body is built around that parameter (`{ ...params, modelId }`): the keys written after it,
       * whose values the caller's are replaced by, and whether the body has keys the caller did not write.
       */
      bodyOverrides?: string[];
      bodyAdds?: true;
      methodParam?: number;
      optionsParam?: number;
      method?: string;
      keys: OptionKeys;
      /** The parameters' defaults, when literal strings (a URL or method parameter left out by the caller). */
      defaults?: Array<string | undefined>;
      /** It may return (part of) its request's response: ask `ImportResolver.returns` (endpoint unset: bound at each call). */
      responds?: true;
      origin: FactOrigin;
    }
  /** An instance of the SDK's client (`new Leonardo({ bearerAuth })`): calls on it are SDK operations. */
  | { kind: 'sdk-client'; origin: FactOrigin }
  /** A function that may return the response of a Leonardo request it makes (what it returns: `ImportResolver.returns`). */
  | { kind: 'response'; origin: FactOrigin }
  /** A string constant whose whole text is known (a base URL, a model id). */
  | { kind: 'string'; text: string; origin: FactOrigin }
  /** An object of string constants (`LEONARDO_MODELS = { phoenix: '…' }`, `ENDPOINTS = { generations: '…' }`). */
  | { kind: 'object'; properties: Record<string, string>; value?: PlainValue; origin: FactOrigin }
  /**
   * A constant of any other known value (`DEFAULT_SIZE = 1025`, `DEFAULT_BODY = {...}`), or a
   * function (`function: true`) whose one `return` is one (`buildGenerationBody(prompt)`; its
   * parameters unknown).
   */
  | { kind: 'value'; value: PlainValue; function: boolean; origin: FactOrigin }
  /** A constant, or a function returning one, that holds a value read from a browser-visible place. */
  | { kind: 'exposed'; read: { kind: 'public-env' | 'browser-storage'; expression: string; shippedBy?: string }; function: boolean; origin: FactOrigin };

/**
 * What the extractor may ask about the file it analyses. Answers come from the workspace index; a
 * name it knows nothing of is `undefined`, and the extractor treats it as before (unknown).
 */
export interface ImportResolver {
  /** What `imported` (`default`, `*` or a name) of the module `specifier` holds, as seen from the analysed file. */
  resolve(specifier: string, imported: string): ExportFact | undefined;
  /** True when the text imports a module that sends or configures Leonardo requests (so a file that never says "leonardo" is still read). */
  importsLeonardo(text: string): boolean;
  /**
   * What the function `name` of `file` (a fact's origin) returns when it is (part of) a Leonardo
   * response, as that module's flow analysis works it out (endpoint unset: bound at each call).
   */
  returns(file: string, name: string): ResponseOrigin | undefined;
  /**
   * Whether another module installs an interceptor on, or sets default headers of, the global axios
   * (or an axios client it cannot name): a direct axios request's headers are then not all it sends.
   */
  axiosSetUpElsewhere?(): boolean;
}
