// The workspace index's vocabulary: what another module exports that matters to a Leonardo request,
// as plain data (no syntax tree outlives the summary of its module), and the narrow question the
// TS/JS extractor asks through `LintDocument.workspace`: "what does this imported name hold?".

import type { ClientLibrary } from '../extract/ts/clients.js';
import type { OptionKeys } from '../extract/ts/calls.js';
import type { Related } from '../types.js';

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

export type ExportFact =
  /** An HTTP client instance (`axios.create({ baseURL })`, `ky.create({ prefixUrl })`, ...). */
  | { kind: 'client'; library: ClientLibrary; base?: string; origin: FactOrigin }
  /**
   * A function that sends a request: the URL is built from parameter `urlParam` (or is fixed when it
   * is absent), the body is parameter `bodyParam`, the client options parameter `optionsParam`.
   */
  | {
      kind: 'wrapper';
      url: ExportedUrlPiece[];
      urlParam?: number;
      bodyParam?: number;
      methodParam?: number;
      optionsParam?: number;
      method?: string;
      keys: OptionKeys;
      /** The parameters' defaults, when literal strings (a URL or method parameter left out by the caller). */
      defaults?: Array<string | undefined>;
      origin: FactOrigin;
    }
  /** A string constant whose whole text is known (a base URL, a model id). */
  | { kind: 'string'; text: string; origin: FactOrigin }
  /** An object of string constants (`LEONARDO_MODELS = { phoenix: '…' }`, `ENDPOINTS = { generations: '…' }`). */
  | { kind: 'object'; properties: Record<string, string>; origin: FactOrigin }
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
}
