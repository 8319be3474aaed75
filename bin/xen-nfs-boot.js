#!/usr/bin/env node
'use strict';
// The CLI bundle, compiled with V8's code cache when one can be kept (code-cache.js).
require('./code-cache').runBundle(require('node:path').join(__dirname, '..', 'dist', 'cli.js'));
