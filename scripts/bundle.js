// Bundles the extension client, the language server and the CLI with esbuild (CommonJS, Node 20).
// Bundling keeps the .vsix small and free of node_modules; chevrotain 10.5 is CommonJS (see docs/architecture.md).
'use strict';
const fs = require('node:fs');
const esbuild = require('esbuild');
const { version } = require('../package.json');

const common = {
  bundle: true,
  platform: 'node',
  target: 'node18',
  format: 'cjs',
  sourcemap: true,
  minify: process.argv.includes('--minify'),
  define: { XEN_NFS_BOOT_VERSION: JSON.stringify(version) },
  logLevel: 'warning',
};

Promise.all([
  // The language client is its own bundle, loaded after activation (client/src/language-client.ts).
  esbuild.build({
    ...common,
    entryPoints: ['client/src/extension.ts'],
    outfile: 'dist/client.js',
    external: ['vscode', './language-client.js'],
  }),
  esbuild.build({
    ...common,
    entryPoints: ['client/src/language-client.ts'],
    outfile: 'dist/language-client.js',
    external: ['vscode'],
  }),
  esbuild.build({ ...common, entryPoints: ['server/src/lsp/entry.ts'], outfile: 'dist/server.js' }),
  esbuild.build({ ...common, entryPoints: ['server/src/cli/entry.ts'], outfile: 'dist/cli.js' }),
])
  .then(() => ['client', 'language-client', 'server', 'cli'].forEach((name) => asciiOnly(`dist/${name}.js`)))
  .catch((e) => {
    console.error(e);
    process.exit(1);
  });

/**
 * Escapes the non-ASCII characters esbuild leaves (in comments and regular expression literals; it escapes
 * those of strings itself) as `\uXXXX`, which means the same there. Node keeps a bundle's source text for as
 * long as it runs: one character above U+00FF makes it a two-byte string, 3.3 MB instead of 1.7 MB for the
 * server (issue 6).
 */
function asciiOnly(file) {
  const text = fs.readFileSync(file, 'utf8');
  const escaped = text.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  if (escaped !== text) fs.writeFileSync(file, escaped);
}
