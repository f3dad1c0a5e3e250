// A document nested deeper than the parsers can follow: TypeScript's parser and jsonc-parser
// recurse once per level, so 100,000 open brackets exhaust the stack. Extractors throw this and
// `analyze` skips the file with one information finding that says why (as for a file too large).

export class NestedTooDeeply extends Error {
  constructor() {
    super('it is nested too deeply to analyse');
    this.name = 'NestedTooDeeply';
  }
}
