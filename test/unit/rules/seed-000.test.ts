import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { hoverXen } from '../../../server/src/features/hover';
import { parseTopology } from '../../../server/src/workspace/topology';
import { Workspace } from '../../../server/src/workspace/workspace';
import { renderFindings, testUri } from '../helpers/site';

// The domU config of seed how-to 000, saved verbatim as /etc/xen/domu1 (typographic quote included).
const SEED = fs.readFileSync(path.join(__dirname, '../../../../test/fixtures/seeds/000-domu1'), 'utf8');

function site(topology: string | undefined): Workspace {
  const ws = new Workspace();
  if (topology) ws.setTopology(parseTopology(topology).topology);
  ws.setFile(testUri('etc/xen/domu1'), 'etc/xen/domu1', SEED, 1);
  return ws;
}

function lineOf(text: string, needle: string): number {
  return text.split('\n').findIndex((l) => l.startsWith(needle)) + 1;
}

describe('seed how-to 000: /etc/xen/domu1 (shared CONTRACT.md worked example)', () => {
  it('under xl (the default): exactly the findings an administrator expects', () => {
    const at = (needle: string): number => lineOf(SEED, needle);
    const found = renderFindings(site(undefined), true).map((l) =>
      l.replace(/-\d+:\d+ /, ' ').replace(/: .*$/, ''),
    );
    const expected = [
      `etc/xen/domu1:${at('name')}:8 warning xen/name-whitespace`,
      `etc/xen/domu1:${at('hostname')}:10 error xen/typographic-quote`,
      `etc/xen/domu1:${at('root')}:1 error xen/nfs-incomplete`,
      // No .config for the seed's kernel in this workspace: said once, as information (kernel/* rules).
      `etc/xen/domu1:${at('kernel')}:10 information kernel/config-not-found`,
      ...['ip', 'netmask', 'gateway', 'hostname', 'nfs_server', 'nfs_root'].map(
        (k) => `etc/xen/domu1:${at(`${k} `) || at(`${k}=`)}:1 warning xen/xm-only-option`,
      ),
    ];
    assert.deepEqual(found.sort(), expected.sort());
  });

  it('under xl, the incomplete NFS root says what the kernel gets', () => {
    const messages = renderFindings(site(undefined), true).filter((l) => l.includes('xen/nfs-incomplete'));
    assert.equal(messages.length, 1);
    assert.match(messages[0], /'root=\/dev\/nfs 4'/);
  });

  it('under xm: no xm-only-option, no nfs-incomplete, still the quote and the name', () => {
    const found = renderFindings(site('{ "toolstack": "xm" }')).map((l) => l.split(' ').slice(1).join(' '));
    assert.deepEqual(found.sort(), [
      'error xen/typographic-quote',
      'information kernel/config-not-found',
      'warning xen/name-whitespace',
    ]);
  });

  it("under xm, the hover on 'kernel' shows the command line xm synthesised", () => {
    const ws = site('{ "toolstack": "xm" }');
    const file = ws.xenFile(testUri('etc/xen/domu1'));
    assert.ok(file);
    const hover = hoverXen(file, SEED.indexOf('\nkernel = ') + 3);
    assert.ok(hover);
    assert.match(hover.markdown, /Effective kernel command line/);
    const line = /`([^`]*ip=[^`]*)`/.exec(hover.markdown)?.[1] ?? '';
    const words = line.split(' ').sort();
    assert.deepEqual(words, [
      '4',
      'ip=192.168.2.2:192.168.2.1:192.168.2.1:255.255.255.0:domu1:eth0:off',
      'nfsroot=192.168.2.1:/export/domu1',
      'root=/dev/nfs',
    ]);
  });
});
