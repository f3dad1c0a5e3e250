'use strict';
// Preloaded (`node --require`) by the test runner: the engine's sources (server/src) import the
// parser-only TypeScript the bundles ship (scripts/typescript-parser.mjs), named by the runner in
// LEONARDO_LINT_ENGINE_TYPESCRIPT, so the unit tests run the engine on the parser the users get.
// Every other importer (the tests themselves, the scripts) keeps the `typescript` package.
const Module = require('module');
const path = require('path');

const file = process.env.LEONARDO_LINT_ENGINE_TYPESCRIPT;
if (file) {
  const engine = path.join(__dirname, '..', 'server', 'src') + path.sep;
  const resolve = Module._resolveFilename;
  Module._resolveFilename = function (request, parent, ...rest) {
    if (request === 'typescript' && parent && parent.filename && parent.filename.startsWith(engine)) return file;
    return resolve.call(this, request, parent, ...rest);
  };
}
