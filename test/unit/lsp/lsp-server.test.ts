import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { connectPair, until } from '../helpers/lsp-pair';

describe('language server over a JSON-RPC connection', () => {
  let dir: string;
  let uri: string;
  let otherUri: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xnb-lsp-'));
    fs.mkdirSync(path.join(dir, 'etc', 'xen'), { recursive: true });
    fs.writeFileSync(
      path.join(dir, 'etc', 'xen', 'domu1'),
      "name = \"domu1\"\nhostname='domu1’\nvif = [ 'mac=00:16:3e:00:00:01' ]\n",
    );
    fs.writeFileSync(
      path.join(dir, 'etc', 'xen', 'other.cfg'),
      'name = "other"\nvif = [ \'mac=00:16:3e:00:00:01\' ]\n',
    );
    uri = pathToFileURL(path.join(dir, 'etc', 'xen', 'domu1')).href;
    otherUri = pathToFileURL(path.join(dir, 'etc', 'xen', 'other.cfg')).href;
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('indexes the folder, recognises files, publishes diagnostics, answers hover and quick fixes', async () => {
    const { client, diagnostics, versions, kinds } = connectPair();
    const rootUri = pathToFileURL(dir).href;
    const init = await client.sendRequest('initialize', {
      processId: null,
      rootUri,
      workspaceFolders: [{ uri: rootUri, name: 'site' }],
      capabilities: {},
    });
    assert.ok((init as { capabilities: { hoverProvider?: boolean } }).capabilities.hoverProvider);
    await client.sendNotification('initialized', {});

    // Files on disk, never opened, are checked too: the duplicate MAC is reported in both.
    const onDisk = await until(() => diagnostics.get(otherUri));
    assert.deepEqual(
      onDisk.map((d) => d.code),
      ['xen/duplicate-mac'],
    );
    assert.equal(onDisk[0].relatedInformation?.[0].location.uri, uri);
    assert.deepEqual(kinds[0], {
      files: [
        { uri, languageId: 'xen-config' },
        { uri: otherUri, languageId: 'xen-config' },
      ],
    });

    const text = fs.readFileSync(new URL(uri), 'utf8');
    await client.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId: 'plaintext', version: 1, text },
    });
    const quote = (await until(() => diagnostics.get(uri))).find((d) => d.code === 'xen/typographic-quote');
    assert.ok(quote);
    assert.deepEqual(quote.range, { start: { line: 1, character: 9 }, end: { line: 1, character: 16 } });
    assert.equal(quote.severity, 1);
    assert.equal(quote.source, 'xen-nfs-boot');

    const hover = (await client.sendRequest('textDocument/hover', {
      textDocument: { uri },
      position: { line: 0, character: 1 },
    })) as {
      contents: { value: string };
    };
    assert.match(hover.contents.value, /\*\*name\*\*/);

    const actions = (await client.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: quote.range,
      context: { diagnostics: [quote] },
    })) as {
      title: string;
      edit: {
        documentChanges: { textDocument: { uri: string; version: number }; edits: { newText: string }[] }[];
      };
    }[];
    assert.equal(actions[0].title, 'Replace typographic quotes with ASCII quotes');
    assert.deepEqual(actions[0].edit.documentChanges[0].textDocument, { uri, version: 1 });
    assert.equal(actions[0].edit.documentChanges[0].edits[0].newText, "'domu1'");

    // An edit re-checks: fixing the quote removes the diagnostic. The diagnostics of version 1 (the check the
    // opening started) may still arrive after the edit is sent: an editor ignores them, so does this test.
    await client.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: quote.range, text: "'domu1'" }],
    });
    const after = await until(() => (versions.get(uri) === 2 ? diagnostics.get(uri) : undefined));
    assert.ok(!after.some((d) => d.code === 'xen/typographic-quote'));

    await client.sendRequest('shutdown');
    client.dispose();
  });
});
