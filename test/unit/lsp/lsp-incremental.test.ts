import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { connectPair, initializePair, waitFor, writeSite } from '../helpers/lsp-pair';
import type { LspPair } from '../helpers/lsp-pair';

/**
 * Issue 6 through the protocol: an edit republishes only the files whose diagnostics changed, a check runs
 * in slices so that requests are answered meanwhile, and `xenNfsBoot/checked` ends each run.
 */

const SITE = fs.readFileSync(
  path.join(__dirname, '../../../../test/fixtures/site/nfs/single-host.site'),
  'utf8',
);

/** A site with `n` more domain configs, each with its own export (so that a check has many files to do). */
function bigSite(n: number): string {
  const extra: string[] = [];
  const exports: string[] = [];
  for (let i = 0; i < n; i++) {
    const name = `g${i}`;
    extra.push(
      `=== etc/xen/${name}.cfg\nname = "${name}"\nkernel = "/boot/vmlinuz-6.1.0"\nvif = [ 'mac=00:16:3e:01:${(i >> 8).toString(16).padStart(2, '0')}:${(i & 255).toString(16).padStart(2, '0')}' ]\nroot = "/dev/nfs"\nextra = "nfsroot=192.168.2.1:/export/${name} ip=dhcp"\n`,
    );
    exports.push(`/export/${name} 192.168.2.0/24(rw,sync,no_root_squash,no_subtree_check)`);
  }
  return `${SITE}${exports.join('\n')}\n${extra.join('')}`;
}

/** Starts a server on `dir` and waits for its first finished check. */
async function started(dir: string, pair: LspPair): Promise<LspPair> {
  await initializePair(pair, pathToFileURL(dir).href);
  await waitFor(() => pair.events.some((e) => e.kind === 'checked'));
  return pair;
}

describe('language server: incremental publishing', () => {
  let dir: string;
  const uri = (p: string): string => pathToFileURL(path.join(dir, ...p.split('/'))).href;

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xnb-incr-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('republishes only the edited file when nothing else changes', async () => {
    writeSite(dir, SITE);
    const lsp = await started(dir, connectPair());
    const initial = lsp.events.filter((e) => e.kind === 'diagnostics').length;
    assert.ok(initial >= 12, `every file published once at start (${initial})`);
    const app1 = uri('etc/xen/app1.cfg');
    const text = fs.readFileSync(path.join(dir, 'etc/xen/app1.cfg'), 'utf8');
    await lsp.client.sendNotification('textDocument/didOpen', {
      textDocument: { uri: app1, languageId: 'xen-config', version: 1, text },
    });
    const mark = lsp.events.length;
    await lsp.client.sendNotification('textDocument/didChange', {
      textDocument: { uri: app1, version: 2 },
      contentChanges: [{ text: text.replace('/export/app1', '/export/web1') }],
    });
    await waitFor(() => lsp.events.slice(mark).some((e) => e.kind === 'checked'));
    const after = lsp.events.slice(mark).filter((e) => e.kind === 'diagnostics');
    assert.deepEqual(
      after.map((e) => e.uri),
      [app1],
    );
    assert.ok(!(lsp.diagnostics.get(app1) ?? []).some((d) => d.code === 'nfs/root-not-exported'));
    lsp.client.dispose();
  });

  it('answers a hover while a long check is still running', async () => {
    writeSite(dir, bigSite(300));
    const lsp = await started(dir, connectPair({ debounceMs: 0, sliceMs: 0 }));
    const exportsUri = uri('etc/exports');
    const text = fs.readFileSync(path.join(dir, 'etc/exports'), 'utf8');
    await lsp.client.sendNotification('textDocument/didOpen', {
      textDocument: { uri: exportsUri, languageId: 'nfs-exports', version: 1, text },
    });
    await waitFor(() => lsp.events.filter((e) => e.kind === 'checked').length >= 2);
    // An exports edit changes the site's facts: every domain config's cross-file checks run again.
    const mark = lsp.events.length;
    await lsp.client.sendNotification('textDocument/didChange', {
      textDocument: { uri: exportsUri, version: 2 },
      contentChanges: [{ text: text.replace('/export/g7 ', '/export/g7x ') }],
    });
    await waitFor(() => lsp.events.slice(mark).some((e) => e.kind === 'diagnostics'));
    const hover = lsp.client
      .sendRequest('textDocument/hover', {
        textDocument: { uri: exportsUri },
        position: { line: 1, character: 45 },
      })
      .then((h) => {
        lsp.events.push({ kind: 'response' });
        return h;
      });
    assert.ok(await hover, 'a hover on no_root_squash');
    await waitFor(() => lsp.events.slice(mark).some((e) => e.kind === 'checked'));
    const order = lsp.events.slice(mark).map((e) => e.kind);
    assert.ok(
      order.indexOf('response') < order.indexOf('checked'),
      `hover answered mid-check: ${order.join(' ')}`,
    );
    const g7 = lsp.diagnostics.get(uri('etc/xen/g7.cfg')) ?? [];
    assert.deepEqual(
      g7.map((d) => d.code),
      ['kernel/config-not-found', 'nfs/root-not-exported'],
    );
    lsp.client.dispose();
  });
});
