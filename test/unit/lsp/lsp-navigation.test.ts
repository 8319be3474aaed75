import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CodeLens, Hover, Location } from 'vscode-languageserver/node';
import { SITE } from '../features/site-fixture';
import { connectPair, waitFor, writeSite } from '../helpers/lsp-pair';

describe('language server: definition, references and CodeLens across files', () => {
  let dir: string;
  const uri = (p: string): string => pathToFileURL(path.join(dir, ...p.split('/'))).href;

  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xnb-nav-'));
    writeSite(dir, SITE);
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('answers over JSON-RPC for files indexed from disk', async () => {
    const pair = connectPair();
    const { client } = pair;
    const published = { has: (u: string): boolean => pair.diagnostics.has(u) };
    const rootUri = pathToFileURL(dir).href;
    const init = (await client.sendRequest('initialize', {
      processId: null,
      rootUri,
      workspaceFolders: [{ uri: rootUri, name: 'site' }],
      capabilities: {},
    })) as { capabilities: { referencesProvider?: boolean; codeLensProvider?: object } };
    assert.equal(init.capabilities.referencesProvider, true);
    assert.ok(init.capabilities.codeLensProvider);
    await client.sendNotification('initialized', {});
    await waitFor(() => published.has(uri('etc/exports')));

    const web1 = uri('etc/xen/web1.cfg');
    // Line 5: extra = "nfsroot=…": character 12 is inside nfsroot=.
    const definition = (await client.sendRequest('textDocument/definition', {
      textDocument: { uri: web1 },
      position: { line: 4, character: 12 },
    })) as Location[];
    assert.deepEqual(definition, [
      {
        uri: uri('etc/exports'),
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 69 } },
      },
    ]);

    const references = (await client.sendRequest('textDocument/references', {
      textDocument: { uri: uri('etc/dhcp/dhcpd.conf') },
      position: { line: 5, character: 2 },
      context: { includeDeclaration: false },
    })) as Location[];
    assert.deepEqual(references, [
      { uri: web1, range: { start: { line: 2, character: 9 }, end: { line: 2, character: 30 } } },
    ]);

    const lenses = (await client.sendRequest('textDocument/codeLens', {
      textDocument: { uri: uri('etc/xen/lost.cfg') },
    })) as CodeLens[];
    assert.equal(lenses.length, 1);
    assert.deepEqual(lenses[0].range, { start: { line: 0, character: 7 }, end: { line: 0, character: 13 } });
    assert.equal(
      lenses[0].command?.title,
      'no DHCP host for its MAC · root 192.168.2.1:/srv/lost (no export serves it) · no .config mapped',
    );
    assert.equal(lenses[0].command?.command, 'workbench.actions.view.problems');

    const hover = (await client.sendRequest('textDocument/hover', {
      textDocument: { uri: web1 },
      position: { line: 1, character: 14 },
    })) as Hover;
    assert.match(
      (hover.contents as { value: string }).value,
      /\*\*Boot chain:\*\* address 192\.168\.2\.10 \(DHCP host web1\) · .* · kernel config OK$/,
    );

    await client.sendRequest('shutdown');
    client.dispose();
  });
});
