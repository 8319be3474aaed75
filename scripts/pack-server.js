// Builds the npm package xen-nfs-boot-language-server (the stdio language server and the CLI, as the
// esbuild bundles of `npm run build`) into dist/xen-nfs-boot-language-server-<version>.tgz (or into the
// folder given as the first argument).
// The package is staged in a temporary folder from packages/language-server/ (package.json, README.md)
// plus the bundles, the bin scripts, docs/rules/ (diagnostics link there), editors/ and LICENSE,
// so nothing generated lands in the source tree. Its version is the root package's.
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { execFileSync } = require('node:child_process');

const repo = path.join(__dirname, '..');
const { version } = require('../package.json');

for (const bundle of ['dist/server.js', 'dist/cli.js']) {
  if (!fs.existsSync(path.join(repo, bundle))) {
    console.error(`pack-server: ${bundle} is missing: run npm run build first`);
    process.exit(1);
  }
}

const stage = fs.mkdtempSync(path.join(os.tmpdir(), 'xnb-pack-server-'));
try {
  const manifest = JSON.parse(
    fs.readFileSync(path.join(repo, 'packages/language-server/package.json'), 'utf8'),
  );
  manifest.version = version;
  fs.writeFileSync(path.join(stage, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  fs.copyFileSync(path.join(repo, 'packages/language-server/README.md'), path.join(stage, 'README.md'));
  fs.copyFileSync(path.join(repo, 'LICENSE'), path.join(stage, 'LICENSE'));
  fs.mkdirSync(path.join(stage, 'dist'));
  for (const bundle of ['server.js', 'cli.js']) {
    // The source maps stay out of the package: drop the comment that points at them.
    const code = fs.readFileSync(path.join(repo, 'dist', bundle), 'utf8');
    fs.writeFileSync(
      path.join(stage, 'dist', bundle),
      code.replace(/\n\/\/# sourceMappingURL=\S+\s*$/, '\n'),
    );
  }
  for (const dir of ['bin', 'docs/rules', 'editors'])
    fs.cpSync(path.join(repo, dir), path.join(stage, dir), { recursive: true });
  const destination = path.resolve(process.argv[2] ?? path.join(repo, 'dist'));
  const out = execFileSync('npm', ['pack', '--json', '--pack-destination', destination], {
    cwd: stage,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const [packed] = JSON.parse(out);
  console.log(`${path.join(destination, packed.filename)}: ${packed.entryCount} files, ${packed.size} bytes`);
} finally {
  fs.rmSync(stage, { recursive: true, force: true });
}
