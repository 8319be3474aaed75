#!/usr/bin/env node
'use strict';
// Usage: xen-nfs-boot-language-server --stdio
require('../dist/server.js');
