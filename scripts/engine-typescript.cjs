'use strict';
// Preloaded (`node --require`) by `npm test` and `npm run fuzz`: the engine's sources (server/src)
// import the parser-only TypeScript the bundles ship (scripts/typescript-parser.cjs), so the tests run
// the engine on the parser the users get. Every other importer (the tests themselves, the scripts)
// keeps the `typescript` package.
const Module = require('module');
const path = require('path');
const { parserOnlyFile } = require('./typescript-parser.cjs');

const file = parserOnlyFile('cjs');
const engine = path.join(__dirname, '..', 'server', 'src') + path.sep;
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, parent, ...rest) {
  if (request === 'typescript' && parent && parent.filename && parent.filename.startsWith(engine)) return file;
  return resolve.call(this, request, parent, ...rest);
};
