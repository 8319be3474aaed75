// The npm packages as a user gets them: `npm pack` of the main package (xen-nfs-boot) and
// `npm run pack:server` (xen-nfs-boot-language-server), each installed offline into an empty project; then
// `npx xen-nfs-boot check` on the example lab and the installed language server over stdio.
// Needs the bundles of `npm run build` in dist/.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import type { SpawnSyncReturns } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  createMessageConnection,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-languageserver/node';
import type { Diagnostic, Hover, PublishDiagnosticsParams } from 'vscode-languageserver/node';

const REPO = path.join(__dirname, '../../..');
const SITE = path.join(REPO, 'test/fixtures/editors/site');
const { version } = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8')) as {
  version: string;
};

/** The environment without the npm_* variables an outer `npm run` sets (the inner npm would obey them). */
function cleanEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k)));
}

function run(cmd: string, args: string[], cwd: string): SpawnSyncReturns<string> {
  return spawnSync(cmd, args, { cwd, env: cleanEnv(), encoding: 'utf8', timeout: 120000 });
}

function ok(r: SpawnSyncReturns<string>, what: string): string {
  assert.equal(r.status, 0, `${what} failed (${r.status}): ${r.error ?? ''}\n${r.stderr}`);
  return r.stdout;
}

interface Packed {
  tarball: string;
  files: string[];
  size: number;
}

function tarList(tarball: string): string[] {
  return ok(run('tar', ['tzf', tarball], path.dirname(tarball)), 'tar tzf')
    .trim()
    .split('\n')
    .map((f) => f.replace(/^package\//, ''));
}

function packMain(dest: string): Packed {
  const [info] = JSON.parse(
    ok(run('npm', ['pack', '--json', '--pack-destination', dest], REPO), 'npm pack'),
  ) as {
    filename: string;
    size: number;
  }[];
  const tarball = path.join(dest, info.filename);
  return { tarball, files: tarList(tarball), size: info.size };
}

function packServer(dest: string): Packed {
  ok(run(process.execPath, [path.join(REPO, 'scripts/pack-server.js'), dest], REPO), 'npm run pack:server');
  const tarball = path.join(dest, `xen-nfs-boot-language-server-${version}.tgz`);
  return { tarball, files: tarList(tarball), size: fs.statSync(tarball).size };
}

/** A new project with the tarball installed from the npm cache only; returns its folder. */
function installInto(dir: string, tarball: string): string {
  fs.mkdirSync(dir);
  fs.writeFileSync(path.join(dir, 'package.json'), '{ "name": "probe", "private": true }\n');
  ok(
    run('npm', ['install', '--offline', '--no-audit', '--no-fund', '--loglevel=error', tarball], dir),
    'npm install',
  );
  fs.cpSync(path.join(REPO, 'examples/lab'), path.join(dir, 'lab'), { recursive: true });
  return dir;
}

/** Starts the installed `xen-nfs-boot-language-server --stdio`, opens the domU config, waits for diagnostics. */
async function probeServer(project: string): Promise<{ diagnostics: Diagnostic[]; hover: Hover | null }> {
  const bin = path.join(project, 'node_modules/.bin/xen-nfs-boot-language-server');
  const server = spawn(bin, ['--stdio'], {
    cwd: project,
    env: cleanEnv(),
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const client = createMessageConnection(
    new StreamMessageReader(server.stdout),
    new StreamMessageWriter(server.stdin),
  );
  const published = new Map<string, Diagnostic[]>();
  client.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) =>
    published.set(p.uri, p.diagnostics),
  );
  client.onRequest(() => null);
  client.listen();
  const uri = pathToFileURL(path.join(SITE, 'etc/xen/domu1')).href;
  try {
    await client.sendRequest('initialize', {
      processId: process.pid,
      rootUri: pathToFileURL(SITE).href,
      workspaceFolders: [{ uri: pathToFileURL(SITE).href, name: 'site' }],
      capabilities: {},
    });
    await client.sendNotification('initialized', {});
    const text = fs.readFileSync(fileURLToPath(uri), 'utf8');
    await client.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId: 'xen-config', version: 1, text },
    });
    const t0 = Date.now();
    while (!published.has(uri) && Date.now() - t0 < 20000) await new Promise((r) => setTimeout(r, 20));
    const hover = await client.sendRequest<Hover | null>('textDocument/hover', {
      textDocument: { uri },
      position: { line: 2, character: 2 },
    });
    await client.sendRequest('shutdown');
    await client.sendNotification('exit');
    return { diagnostics: published.get(uri) ?? [], hover };
  } finally {
    client.dispose();
    server.kill();
  }
}

function checkTarball(p: Packed, maxBytes: number): void {
  assert.ok(p.size < maxBytes, `${path.basename(p.tarball)} is ${p.size} bytes`);
  for (const f of [
    'package.json',
    'README.md',
    'LICENSE',
    'dist/server.js',
    'dist/cli.js',
    'editors/neovim/xen-nfs-boot.lua',
  ])
    assert.ok(p.files.includes(f), `${f} missing from ${path.basename(p.tarball)}`);
  const unwanted = p.files.filter((f) =>
    /\.ts$|\.map$|^(server|client|test|out|node_modules|scripts)\//.test(f),
  );
  assert.deepEqual(unwanted, [], 'sources, tests or source maps in the tarball');
}

for (const which of ['xen-nfs-boot', 'xen-nfs-boot-language-server'] as const) {
  describe(`the npm package ${which}, installed offline`, function () {
    this.timeout(300000);
    let tmp: string;
    let packed: Packed;
    let project: string;
    before(() => {
      for (const bundle of ['dist/server.js', 'dist/cli.js'])
        assert.ok(fs.existsSync(path.join(REPO, bundle)), `${bundle} is missing: npm run build first`);
      tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'xnb-package-'));
      packed = which === 'xen-nfs-boot' ? packMain(tmp) : packServer(tmp);
      project = installInto(path.join(tmp, 'project'), packed.tarball);
    });
    after(() => fs.rmSync(tmp, { recursive: true, force: true }));

    it('is a small tarball of bundles: no sources, tests or source maps', () => {
      checkTarball(packed, which === 'xen-nfs-boot' ? 1_500_000 : 1_000_000);
      if (which === 'xen-nfs-boot-language-server')
        assert.deepEqual([...new Set(packed.files.map((f) => f.split('/')[0]))].sort(), [
          'LICENSE',
          'README.md',
          'bin',
          'dist',
          'docs',
          'editors',
          'package.json',
        ]);
    });

    it('installs without dependencies (the bundles carry them), with both commands', () => {
      const modules = fs.readdirSync(path.join(project, 'node_modules')).filter((n) => !n.startsWith('.'));
      assert.deepEqual(modules, [which]);
      const bins = fs.readdirSync(path.join(project, 'node_modules/.bin')).sort();
      assert.deepEqual(bins, ['xen-nfs-boot', 'xen-nfs-boot-language-server']);
    });

    it("runs `npx xen-nfs-boot check lab`: the lab's errors, exit 1", () => {
      const r = run('npx', ['--offline', 'xen-nfs-boot', 'check', 'lab'], project);
      assert.equal(r.status, 1, r.stderr);
      assert.ok(
        r.stdout.includes(
          'lab/dom0/etc/xen/domu1:27:10: error: this string is delimited by a typographic quote (’ ‘ “ ”), probably copied from a web page: use \' or " [xen/typographic-quote]\n',
        ),
        r.stdout,
      );
      assert.match(r.stdout, /^\d+ error\(s\), \d+ warning\(s\), \d+ note\(s\)\n$/m);
      assert.equal(
        ok(run('npx', ['--offline', 'xen-nfs-boot', '--version'], project), 'npx --version'),
        `${version}\n`,
      );
    });

    it('writes SARIF whose rule help links open pages inside the installed package', () => {
      const r = run('npx', ['--offline', 'xen-nfs-boot', 'check', 'lab', '--format', 'sarif'], project);
      const log = JSON.parse(r.stdout) as {
        runs: { tool: { driver: { rules: { id: string; helpUri: string }[] } } }[];
      };
      const rule = log.runs[0].tool.driver.rules.find((x) => x.id === 'xen/typographic-quote');
      assert.ok(rule);
      const page = fileURLToPath(rule.helpUri);
      assert.ok(page.startsWith(path.join(project, 'node_modules', which, 'docs/rules')), page);
      assert.ok(fs.existsSync(page), page);
    });

    it('serves LSP over stdio: the diagnostics and a hover of the fixture site', async () => {
      const { diagnostics, hover } = await probeServer(project);
      assert.deepEqual(
        diagnostics.map((d) => [d.code, d.range.start.line, d.range.start.character]),
        [
          ['kernel/config-not-found', 2, 9],
          ['net/ip-mismatch', 6, 9],
          ['xen/typographic-quote', 7, 11],
        ],
      );
      const href = diagnostics[0].codeDescription?.href;
      assert.ok(href && fs.existsSync(fileURLToPath(href)), `rule page ${href} not in the installed package`);
      const value = (hover?.contents as { value: string } | undefined)?.value ?? '';
      assert.match(value, /^\*\*kernel\*\* \(Xen domain config\)/);
    });
  });
}

describe('npx from the main package tarball, without installing it', function () {
  this.timeout(300000);
  it('runs `npx --package xen-nfs-boot-<version>.tgz xen-nfs-boot check` in an empty folder', () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'xnb-npx-'));
    try {
      const { tarball } = packMain(tmp);
      const empty = path.join(tmp, 'empty');
      fs.mkdirSync(empty);
      fs.cpSync(path.join(REPO, 'test/fixtures/editors/site'), path.join(empty, 'site'), { recursive: true });
      const r = run(
        'npx',
        ['--offline', '--yes', '--package', tarball, '--', 'xen-nfs-boot', 'check', 'site'],
        empty,
      );
      assert.equal(r.status, 1, r.stderr);
      assert.match(
        r.stdout,
        /^site\/etc\/dhcp\/dhcpd\.conf:7:5: error: 'filname' is not a dhcpd\.conf statement/m,
      );
      assert.match(r.stdout, /^3 error\(s\), 0 warning\(s\), 1 note\(s\)$/m);
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });
});
