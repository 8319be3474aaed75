// Bundles the extension client, the language server and the CLI with esbuild (CommonJS, Node 20).
// Bundling keeps the .vsix small and free of node_modules; chevrotain 10.5 is CommonJS (see docs/architecture.md).
'use strict';
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
]).catch((e) => {
  console.error(e);
  process.exit(1);
});
