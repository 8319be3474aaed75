import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { BOOT_CHAIN_REQUEST, OVERVIEW_REQUEST } from '../../../server/src/features/chain-view';
import type { ChainsResult } from '../../../server/src/features/chain-view';
import { connectPair, initializePair, waitFor, writeSite } from '../helpers/lsp-pair';
import { SITE } from '../features/site-fixture';

describe('language server: xenNfsBoot/bootChain and xenNfsBoot/overview', () => {
  let dir: string;
  const uri = (p: string): string => pathToFileURL(path.join(dir, ...p.split('/'))).href;

  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xnb-chain-'));
    writeSite(dir, SITE);
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('answers with the links of the published diagnostics', async () => {
    const pair = connectPair();
    const { client, diagnostics: published } = pair;
    await initializePair(pair, pathToFileURL(dir).href);
    const lost = uri('etc/xen/lost.cfg');
    await waitFor(() => published.has(lost));

    const { chains } = (await client.sendRequest(BOOT_CHAIN_REQUEST, { uri: lost })) as ChainsResult;
    assert.deepEqual(
      chains.map((c) => [c.name, c.status, c.links.map((l) => `${l.kind}:${l.status}`).join(' ')]),
      [['lost', 'error', 'dhcp:unknown xen:ok kernel:ok kconfig:unknown nfs:ok export:error']],
    );
    const exportLink = chains[0].links.find((l) => l.kind === 'export');
    const diagnostic = published.get(lost)?.find((d) => d.code === 'nfs/root-not-exported');
    assert.ok(diagnostic, 'nfs/root-not-exported is published');
    assert.deepEqual(
      exportLink?.diagnostics.map((d) => [d.code, d.severity, d.message, d.range]),
      [['nfs/root-not-exported', 'error', diagnostic.message, diagnostic.range]],
    );

    const overview = (await client.sendRequest(OVERVIEW_REQUEST, {})) as ChainsResult;
    assert.deepEqual(
      overview.chains.map((c) => `${c.name} ${c.address} ${c.status}`),
      [
        'db1 192.168.2.11 warning',
        'dom0 (Xen, NFS root) DHCP, no host error',
        'lost DHCP, no host error',
        'web1 192.168.2.10 warning',
      ],
    );
    await client.sendRequest('shutdown');
    client.dispose();
  });
});
