import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { runCli } from '../../../server/src/cli/main';
import type { CliDiagnostic } from '../../../server/src/cli/report';
import { readTextFile, scanFolderFully } from '../../../server/src/node/disk';
import { connectPair, initializePair, until } from '../helpers/lsp-pair';
import { forbiddenOpens, makeHostileSite, MARKER, spyOnOpens } from './hostile-site';
import type { HostileSite } from './hostile-site';

/** The range of `"/etc/passwd"` (with its quotes) on the first line of the hostile dhcpd.conf. */
const PASSWD_RANGE = { start: { line: 0, character: 8 }, end: { line: 0, character: 21 } };

describe('containment: only files inside the workspace are read (docs/security.md)', () => {
  let site: HostileSite;
  beforeEach(() => (site = makeHostileSite()));
  afterEach(() => site.dispose());

  it('CLI: refuses links out of the folder, FIFOs and loops with a note, reports include "/etc/passwd"', () => {
    const spy = spyOnOpens();
    let out = '';
    let err = '';
    let code: number;
    try {
      code = runCli(['check', '.', '--format', 'json'], {
        cwd: site.root,
        out: (s) => (out += s),
        err: (s) => (err += s),
      });
    } finally {
      spy.stop();
    }
    assert.ok(spy.opened.includes(site.dhcpdConf), 'the spy saw no read');
    assert.deepEqual(forbiddenOpens(spy.opened, site.forbidden), []);
    assert.ok(!out.includes(MARKER) && !err.includes(MARKER), out + err);
    const { diagnostics } = JSON.parse(out) as { diagnostics: CliDiagnostic[] };
    const files = new Set(diagnostics.map((d) => d.file));
    for (const f of ['etc/exports', 'etc/xen/escape.cfg', 'etc/dhcp/secret.conf', 'nfs1/etc/exports'])
      assert.ok(!files.has(f), `${f} was analysed`);
    const notes = err.split('\n').filter((l) => l.startsWith('xen-nfs-boot: note: not read: '));
    const note = (rel: string): string | undefined =>
      notes.find((l) => l.startsWith(`xen-nfs-boot: note: not read: ${path.join(site.root, rel)}: `));
    assert.match(
      note('etc/exports') ?? '',
      /a symbolic link to \/etc\/shadow, outside the folder: not read$/,
    );
    assert.match(note('etc/xen/escape.cfg') ?? '', /outside the folder: not read$/);
    assert.match(
      note('nfs1/etc/exports') ?? '',
      /not a regular file \(a FIFO, socket or device\): not opened$/,
    );
    assert.match(note('ping') ?? '', /does not resolve \(missing target or a loop\)$/);
    const include = diagnostics.filter(
      (d) => d.file === 'etc/dhcp/dhcpd.conf' && d.code === 'dhcp/include-not-found',
    );
    assert.deepEqual(
      include.map((d) => [d.range, d.severity]),
      [
        [PASSWD_RANGE, 'warning'],
        [{ start: { line: 1, character: 8 }, end: { line: 1, character: 31 } }, 'warning'],
      ],
    );
    assert.match(include[0].message, /^'\/etc\/passwd' is not in the workspace: it is not read/);
    // The loop is walked once: the Xen file is not found again through loop/up/…
    assert.deepEqual(
      [...files].filter((f) => f.endsWith('domu1')),
      diagnostics.some((d) => d.file === 'etc/xen/domu1') ? ['etc/xen/domu1'] : [],
    );
    assert.notEqual(code, 2, err);
  });

  it('scan: a symbolic-link loop is not followed, each file is listed once, a FIFO is not a file', () => {
    const scan = scanFolderFully(site.root);
    const rel = scan.all.map((f) => path.relative(site.root, f));
    assert.deepEqual(
      rel.filter((f) => f.endsWith('domu1')),
      ['etc/xen/domu1'],
    );
    assert.ok(!rel.includes('nfs1/etc/exports'));
    assert.ok(!rel.includes('etc/exports'));
    assert.deepEqual(
      scan.refused.map((r) => path.relative(site.root, r.file)),
      ['etc/dhcp/secret.conf', 'etc/exports', 'etc/xen/escape.cfg', 'nfs1/etc/exports', 'ping', 'pong'],
    );
  });

  it('reads: a FIFO is not opened (no hang), a file over the limit is not read', () => {
    const fifo = readTextFile(path.join(site.root, 'nfs1/etc/exports'), 1024);
    assert.deepEqual(fifo, {
      ok: false,
      error: 'not a regular file (a FIFO, socket or device): not opened',
      refused: true,
    });
    const big = path.join(site.root, 'etc/xen/big.cfg');
    fs.writeFileSync(big, 'x'.repeat(4096));
    const spy = spyOnOpens();
    let read;
    try {
      read = readTextFile(big, 1024);
    } finally {
      spy.stop();
    }
    assert.deepEqual(read, { ok: true, text: '', tooLarge: 4096 });
    assert.equal(spy.reads(), 0);
    // The path the kernel opened is checked again (Linux): a folder swapped for a link meanwhile is caught.
    if (process.platform === 'linux') {
      const swapped = readTextFile(big, 1 << 20, () => false);
      assert.deepEqual(swapped, {
        ok: false,
        error: `${big} was opened instead, outside the workspace: not read`,
        refused: true,
      });
    }
  });

  it('language server: the same refusals, noted in the output channel; watcher events cannot bring them in', async () => {
    const spy = spyOnOpens();
    const pair = connectPair();
    try {
      await initializePair(pair, pathToFileURL(site.root).href);
      const dhcpUri = pathToFileURL(site.dhcpdConf).href;
      const dhcp = await until(() => pair.diagnostics.get(dhcpUri));
      const include = dhcp.filter((d) => d.code === 'dhcp/include-not-found');
      assert.deepEqual(include[0].range, PASSWD_RANGE);
      assert.match(include[0].message, /is not in the workspace: it is not read/);
      const escapeUri = pathToFileURL(path.join(site.root, 'etc/xen/escape.cfg')).href;
      await pair.client.sendNotification('workspace/didChangeWatchedFiles', {
        changes: [{ uri: escapeUri, type: 2 }],
      });
      const hover = await pair.client.sendRequest('textDocument/hover', {
        textDocument: { uri: escapeUri },
        position: { line: 0, character: 1 },
      });
      assert.equal(hover, null);
      const kinds = pair.kinds.flatMap((k) =>
        k.files.map((f) => path.relative(site.root, new URL(f.uri).pathname)),
      );
      assert.ok(kinds.includes('etc/xen/domu1'));
      for (const f of ['etc/exports', 'etc/xen/escape.cfg', 'nfs1/etc/exports'])
        assert.ok(!kinds.includes(f), f);
      assert.ok(!kinds.some((f) => f.startsWith('loop/')), kinds.join());
      const logged = pair.log.join('\n');
      assert.ok(!logged.includes(MARKER));
      assert.ok(![...pair.diagnostics.values()].flat().some((d) => d.message.includes(MARKER)));
      assert.ok(
        pair.log.includes(
          `xen-nfs-boot: not read: ${path.join(site.root, 'etc/exports')}: a symbolic link to /etc/shadow, outside the folder: not read`,
        ),
        logged,
      );
      assert.match(logged, /not read: .*nfs1\/etc\/exports: not a regular file/);
      await pair.client.sendRequest('shutdown');
    } finally {
      spy.stop();
      pair.client.dispose();
    }
    assert.ok(spy.opened.includes(site.dhcpdConf), 'the spy saw no read');
    assert.deepEqual(forbiddenOpens(spy.opened, site.forbidden), []);
  });
});
