import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Hover } from 'vscode-languageserver/node';
import { Workspace } from '../../../server/src/workspace/workspace';
import { connectPair, initializePair, until } from '../helpers/lsp-pair';

describe('language server survival: a handler that throws is logged and answered, the server goes on', () => {
  let dir: string;
  const realAnalysedFile = Workspace.prototype.analysedFile;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xnb-survive-'));
    fs.mkdirSync(path.join(dir, 'etc', 'xen'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'etc', 'xen', 'good.cfg'), 'name = "good"\nmemory = 512\n');
    fs.writeFileSync(path.join(dir, 'etc', 'xen', 'boom.cfg'), 'name = "boom"\nmemory = 512\n');
  });
  after(() => {
    Workspace.prototype.analysedFile = realAnalysedFile;
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('hover, completion, symbols and folding on a file whose analysis throws answer null; the next request works', async () => {
    // The test hook: analysing boom.cfg throws, as a parser bug on a pathological file would.
    Workspace.prototype.analysedFile = function (this: Workspace, uri: string) {
      if (uri.endsWith('/boom.cfg')) throw new RangeError('simulated parser failure');
      return realAnalysedFile.call(this, uri);
    };
    const pair = connectPair();
    try {
      await initializePair(pair, pathToFileURL(dir).href);
      const good = pathToFileURL(path.join(dir, 'etc', 'xen', 'good.cfg')).href;
      const boom = pathToFileURL(path.join(dir, 'etc', 'xen', 'boom.cfg')).href;
      await until(() => pair.diagnostics.get(good));
      const at = (uri: string) => ({ textDocument: { uri }, position: { line: 0, character: 1 } });
      for (const method of [
        'textDocument/hover',
        'textDocument/completion',
        'textDocument/documentSymbol',
        'textDocument/foldingRange',
        'textDocument/definition',
        'textDocument/codeLens',
      ])
        assert.equal(await pair.client.sendRequest(method, at(boom)), null, method);
      const errors = pair.log.filter((l) => l.includes('failed: RangeError: simulated parser failure'));
      assert.ok(errors.length >= 6, pair.log.join('\n'));
      assert.match(errors[0], /^xen-nfs-boot: onHover failed: RangeError: simulated parser failure\n\s+at /);
      const hover = (await pair.client.sendRequest('textDocument/hover', at(good))) as Hover;
      assert.match((hover.contents as { value: string }).value, /\*\*name\*\*/);
      await pair.client.sendRequest('shutdown');
    } finally {
      Workspace.prototype.analysedFile = realAnalysedFile;
      pair.client.dispose();
    }
  });
});
