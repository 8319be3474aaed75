import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { PassThrough } from 'node:stream';
import { pathToFileURL } from 'node:url';
import {
  createConnection,
  createMessageConnection,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-languageserver/node';
import type { Diagnostic, MessageConnection } from 'vscode-languageserver/node';
import { BOOT_CHAIN_REQUEST, OVERVIEW_REQUEST } from '../../../server/src/features/chain-view';
import type { ChainsResult } from '../../../server/src/features/chain-view';
import { startServer } from '../../../server/src/lsp/server';
import { SITE } from '../features/site-fixture';

/** The server under test on one end of a JSON-RPC pair; the diagnostics it publishes, per URI. */
function connect(): { client: MessageConnection; published: Map<string, Diagnostic[]> } {
  const up = new PassThrough();
  const down = new PassThrough();
  startServer(createConnection(new StreamMessageReader(up), new StreamMessageWriter(down)), {
    debounceMs: 10,
  });
  const client = createMessageConnection(new StreamMessageReader(down), new StreamMessageWriter(up));
  const published = new Map<string, Diagnostic[]>();
  client.onNotification('textDocument/publishDiagnostics', (p: { uri: string; diagnostics: Diagnostic[] }) =>
    published.set(p.uri, p.diagnostics),
  );
  client.listen();
  return { client, published };
}

async function until(what: () => boolean, ms = 5000): Promise<void> {
  const t0 = Date.now();
  while (!what()) {
    if (Date.now() - t0 > ms) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('language server: xenNfsBoot/bootChain and xenNfsBoot/overview', () => {
  let dir: string;
  const uri = (p: string): string => pathToFileURL(path.join(dir, ...p.split('/'))).href;

  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xnb-chain-'));
    const parts = SITE.split(/^=== (.+)\n/m).slice(1);
    for (let i = 0; i < parts.length; i += 2) {
      const file = path.join(dir, ...parts[i].trim().split('/'));
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, parts[i + 1]);
    }
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('answers with the links of the published diagnostics', async () => {
    const { client, published } = connect();
    const rootUri = pathToFileURL(dir).href;
    await client.sendRequest('initialize', {
      processId: null,
      rootUri,
      workspaceFolders: [{ uri: rootUri, name: 'site' }],
      capabilities: {},
    });
    await client.sendNotification('initialized', {});
    const lost = uri('etc/xen/lost.cfg');
    await until(() => published.has(lost));

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
