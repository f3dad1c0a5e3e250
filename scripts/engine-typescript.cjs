'use strict';
// Preloaded (`node --require`) by `npm test` and `npm run fuzz`: the engine's sources (server/src)
// import the parser-only TypeScript the bundles ship (scripts/typescript-parser.cjs), so the tests run
// the engine on the parser the users get. Every other importer (the tests themselves, the scripts)
// keeps the `typescript` package.
const Module = require('module');
const path = require('path');
const { parserOnlyFile } = require('./typescript-parser.cjs');

const engine = path.join(__dirname, '..', 'server', 'src') + path.sep;
const resolve = Module._resolveFilename;
let file;
Module._resolveFilename = function (request, parent, ...rest) {
  // Found (or generated) on the engine's first import: a test process that never loads the engine pays nothing.
  if (request === 'typescript' && parent && parent.filename && parent.filename.startsWith(engine)) return (file ??= parserOnlyFile('cjs'));
  return resolve.call(this, request, parent, ...rest);
};
