import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver/node';
import { connectPair, initializePair, until } from '../helpers/lsp-pair';
import type { LspPair } from '../helpers/lsp-pair';

interface VersionedAction {
  title: string;
  edit: {
    changes?: unknown;
    documentChanges: {
      textDocument: { uri: string; version: number | null };
      edits: { newText: string }[];
    }[];
  };
}

const WEB2 = [
  'name = "web2"',
  'kernel = "/boot/vmlinuz-6.1.0"',
  "vif = [ 'mac=00:16:3e:00:00:11,bridge=xenbr0' ]",
  'root = "/dev/nfs"',
  'extra = "nfsroot=192.168.2.1:/export/web2 ip=192.168.2.11:192.168.2.1:192.168.2.1:255.255.255.0:web2:eth0:off"',
  '',
].join('\n');
const EXPORTS = '/export/web2    192.168.2.99(rw,sync,no_root_squash,no_subtree_check)\n';
const DOMU1 = 'name = "domu1"\nhostname=\'domu1’\n';

describe('quick fixes carry the document version they were computed for (docs/security.md)', () => {
  let dir: string;
  let pair: LspPair;
  const uriOf = (rel: string): string => pathToFileURL(path.join(dir, rel)).href;
  const open = (rel: string, version: number): Promise<void> =>
    pair.client.sendNotification('textDocument/didOpen', {
      textDocument: {
        uri: uriOf(rel),
        languageId: 'plaintext',
        version,
        text: fs.readFileSync(path.join(dir, rel), 'utf8'),
      },
    });
  const diagnostic = (rel: string, code: string): Promise<Diagnostic> =>
    until(() => pair.diagnostics.get(uriOf(rel))?.find((d) => d.code === code));
  const actions = async (rel: string, d: Diagnostic): Promise<VersionedAction[]> =>
    (await pair.client.sendRequest('textDocument/codeAction', {
      textDocument: { uri: uriOf(rel) },
      range: d.range,
      context: { diagnostics: [d] },
    })) as VersionedAction[];
  const versions = (a: VersionedAction[]): [string, string, number | null][] =>
    a.flatMap((x) =>
      x.edit.documentChanges.map((c): [string, string, number | null] => [
        x.title,
        path.relative(dir, new URL(c.textDocument.uri).pathname),
        c.textDocument.version,
      ]),
    );

  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xnb-versions-'));
    fs.mkdirSync(path.join(dir, 'etc', 'xen'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'etc', 'xen', 'web2.cfg'), WEB2);
    fs.writeFileSync(path.join(dir, 'etc', 'xen', 'domu1'), DOMU1);
    fs.writeFileSync(path.join(dir, 'etc', 'exports'), EXPORTS);
    pair = connectPair();
    await initializePair(pair, pathToFileURL(dir).href);
  });
  afterEach(async () => {
    await pair.client.sendRequest('shutdown');
    pair.client.dispose();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("an open document's fix names its version; after an edit the old action's version is visibly stale", async () => {
    await open('etc/xen/domu1', 5);
    const quote = await diagnostic('etc/xen/domu1', 'xen/typographic-quote');
    const first = await actions('etc/xen/domu1', quote);
    assert.deepEqual(versions(first), [['Replace typographic quotes with ASCII quotes', 'etc/xen/domu1', 5]]);
    assert.equal(first[0].edit.changes, undefined);
    assert.equal(first[0].edit.documentChanges[0].edits[0].newText, "'domu1'");
    await pair.client.sendNotification('textDocument/didChange', {
      textDocument: { uri: uriOf('etc/xen/domu1'), version: 6 },
      contentChanges: [
        { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '# a\n' },
      ],
    });
    const moved = await until(() =>
      pair.diagnostics
        .get(uriOf('etc/xen/domu1'))
        ?.find((d) => d.code === 'xen/typographic-quote' && d.range.start.line === 2),
    );
    // The action computed for version 5 says so: a client holding it refuses it on version 6.
    assert.notEqual(first[0].edit.documentChanges[0].textDocument.version, 6);
    assert.deepEqual(versions(await actions('etc/xen/domu1', moved)), [
      ['Replace typographic quotes with ASCII quotes', 'etc/xen/domu1', 6],
    ]);
  });

  it('a fix in a file not open names version null, then its version once open', async () => {
    await open('etc/xen/web2.cfg', 3);
    const d = await diagnostic('etc/xen/web2.cfg', 'nfs/client-not-permitted');
    assert.deepEqual(versions(await actions('etc/xen/web2.cfg', d)), [
      ['Add 192.168.2.11 to the export of /export/web2', 'etc/exports', null],
    ]);
    await open('etc/exports', 9);
    await until(() => pair.diagnostics.get(uriOf('etc/exports')));
    assert.deepEqual(versions(await actions('etc/xen/web2.cfg', d)), [
      ['Add 192.168.2.11 to the export of /export/web2', 'etc/exports', 9],
    ]);
  });

  it('a file changed on disk behind the model gets no fix until it is re-read, then one on the new text', async () => {
    await open('etc/xen/web2.cfg', 1);
    const d = await diagnostic('etc/xen/web2.cfg', 'nfs/client-not-permitted');
    fs.writeFileSync(path.join(dir, 'etc', 'exports'), `# moved down\n${EXPORTS}`); // no watcher event
    assert.deepEqual(await actions('etc/xen/web2.cfg', d), []);
    const again = await actions('etc/xen/web2.cfg', d);
    assert.deepEqual(versions(again), [
      ['Add 192.168.2.11 to the export of /export/web2', 'etc/exports', null],
    ]);
    const edit = (
      again[0].edit.documentChanges[0].edits[0] as unknown as { range: { start: { line: number } } }
    ).range;
    assert.equal(edit.start.line, 1);
  });
});
