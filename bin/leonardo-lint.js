#!/usr/bin/env node
'use strict';
// The CLI entry point: the real work is in the bundle built by `npm install` (scripts/build.mjs).
require('../dist/cli.js').main();
