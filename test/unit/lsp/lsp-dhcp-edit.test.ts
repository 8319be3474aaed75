import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { connectPair, initializePair, waitFor } from '../helpers/lsp-pair';

/**
 * A dhcpd.conf edit is read again in part and the rest of the tree moves (formats/dhcp/reparse.ts); its
 * statements make their words from the text when asked (lazy-statement.ts). Through the protocol, after an
 * edit near the top of a file long enough to be read in pieces: the hover on a host far below names the right
 * host at the right place, and a diagnostic there stands on the address in the new text.
 */

/** 1,500 hosts (some 100 KB: several pieces); the last takes h1400's fixed address. */
function dhcpdConf(): string {
  const lines = ['subnet 10.0.0.0 netmask 255.255.0.0 {', '  range 10.0.250.1 10.0.250.200;', '}'];
  for (let i = 0; i < 1500; i++) {
    const mac = `00:16:3e:00:${(i >> 8).toString(16).padStart(2, '0')}:${(i & 255).toString(16).padStart(2, '0')}`;
    const address = i === 1499 ? '10.0.5.121' : `10.0.${i >> 8}.${(i & 255) + 1}`;
    lines.push(`host h${i} {`, `  hardware ethernet ${mac};`, `  fixed-address ${address};`, '}');
  }
  return `${lines.join('\n')}\n`;
}

function positionOf(text: string, needle: string): { line: number; character: number } {
  const at = text.indexOf(needle);
  assert.ok(at >= 0, `${needle} is in the text`);
  const before = text.slice(0, at).split('\n');
  return { line: before.length - 1, character: before[before.length - 1].length };
}

describe('language server: a dhcpd.conf edit moves the rest of the file', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xnb-dhcp-edit-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('hovers and reports at the new places after lines are inserted above', async () => {
    const file = path.join(dir, 'etc', 'dhcp', 'dhcpd.conf');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const text = dhcpdConf();
    fs.writeFileSync(file, text);
    const uri = pathToFileURL(file).href;
    const lsp = connectPair();
    await initializePair(lsp, pathToFileURL(dir).href);
    await waitFor(() => lsp.events.some((e) => e.kind === 'checked'));
    await lsp.client.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId: 'dhcpd-conf', version: 1, text },
    });
    // Read every host's words once before the edit, so that words made before a move are exercised too.
    const early = await lsp.client.sendRequest('textDocument/documentSymbol', { textDocument: { uri } });
    assert.ok(Array.isArray(early) && early.length > 1500);
    const edited = text.replace('}\n', '}\n# two lines added\n# above every host\n');
    const mark = lsp.events.length;
    await lsp.client.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ text: edited }],
    });
    await waitFor(() => lsp.events.slice(mark).some((e) => e.kind === 'checked'));

    const macAt = positionOf(edited, '00:16:3e:00:05:78');
    const hover = (await lsp.client.sendRequest('textDocument/hover', {
      textDocument: { uri },
      position: { line: macAt.line, character: macAt.character + 3 },
    })) as { contents: { value: string }; range: { start: unknown; end: unknown } };
    assert.match(hover.contents.value, /\*\*00:16:3e:00:05:78\*\*/);
    assert.match(hover.contents.value, /hardware address of host `h1400`/);
    assert.deepEqual(hover.range, {
      start: macAt,
      end: { line: macAt.line, character: macAt.character + '00:16:3e:00:05:78'.length },
    });

    const duplicates = (lsp.diagnostics.get(uri) ?? []).filter(
      (d) => d.code === 'dhcp/duplicate-fixed-address',
    );
    const first = positionOf(edited, 'fixed-address 10.0.5.121;\n}\nhost h1401');
    const lines = duplicates.map((d) => d.range.start.line).sort((a, b) => a - b);
    assert.ok(
      lines.includes(first.line),
      `a duplicate reported on h1400's line ${first.line} (got ${lines.join(', ')})`,
    );
    const onFirst = duplicates.find((d) => d.range.start.line === first.line);
    assert.equal(
      edited.split('\n')[first.line].slice(onFirst?.range.start.character, onFirst?.range.end.character),
      '10.0.5.121',
    );
    lsp.client.dispose();
  });
});
