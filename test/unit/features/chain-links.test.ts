import assert from 'node:assert/strict';
import { LineIndex } from '../../../server/src/core/text';
import { bootChainView, overviewView } from '../../../server/src/features/chain-view';
import type { ChainView, RangeOf } from '../../../server/src/features/chain-view';
import type { LinkContext } from '../../../server/src/features/chain-links';
import { effectiveSeverity } from '../../../server/src/features/diagnostics';
import type { Workspace } from '../../../server/src/workspace/workspace';
import { renderFindings, siteFromText, testUri } from '../helpers/site';
import { GOOD_CONFIG, SITE } from './site-fixture';

function context(ws: Workspace): LinkContext {
  return { site: ws.siteModel(), findings: ws.check(), severityOf: (f) => effectiveSeverity(ws, f) };
}

function rangeOf(ws: Workspace): RangeOf {
  return (uri, span) => new LineIndex(ws.getFile(uri)?.text ?? '').range(span);
}

const pathOf = (uri: string): string => uri.replace(testUri(''), '');

/** A chain as the view draws it: a head line, then `status kind: title — detail @path:line [diagnostics]`. */
function render(chain: ChainView): string[] {
  return [
    `${chain.name} (${chain.address}, ${chain.root ?? 'no NFS root'}) ${chain.status}`,
    ...chain.links.map((l) => {
      const rules = l.diagnostics.map((d) => `${d.severity} ${d.code}`).join(', ');
      const where = `${pathOf(l.uri)}:${l.range.start.line + 1}`;
      return `  ${l.status} ${l.kind}: ${l.title} — ${l.detail} @${where}${rules ? ` [${rules}]` : ''}`;
    }),
  ];
}

/** The chains `xenNfsBoot/bootChain` answers for a file, optionally at a 1-based line. */
function chainsOf(ws: Workspace, path: string, line?: number): string[] {
  const uri = testUri(path);
  const index = new LineIndex(ws.getFile(uri)?.text ?? '');
  const offset = line === undefined ? undefined : index.offset({ line: line - 1, character: 0 });
  return bootChainView(context(ws), uri, offset, rangeOf(ws)).chains.flatMap(render);
}

/** The e2e workspace's shape: a static guest whose root is not exported, a DHCP host with a typo, a GRUB menu. */
const BROKEN = `=== etc/xen/app1.cfg
name = "app1"
kernel = "/boot/vmlinuz-6.1"
vif = [ 'mac=00:16:3e:00:00:12,bridge=xenbr0' ]
root = "/dev/nfs"
extra = "nfsroot=192.168.2.1:/export/app1 ip=192.168.2.12:192.168.2.1:192.168.2.1:255.255.255.0:app1:eth0:off"
=== etc/xen/db1.cfg
name = "db1"
kernel = "/boot/vmlinuz-6.1"
vif = [ 'mac=00:16:3e:00:00:11' ]
extra = "root=/dev/nfs nfsroot=192.168.2.1:/export/db1 ip=dhcp"
=== etc/dhcp/dhcpd.conf
subnet 192.168.2.0 netmask 255.255.255.0 {
  range 192.168.2.100 192.168.2.200;
}
host db1 {
  hardware ethernet 00:16:3e:00:00:11;
  fixed-addres 192.168.2.11;
}
=== etc/exports
/export/db1 192.168.2.0/24(ro,sync,no_root_squash,no_subtree_check)
=== boot/grub/menu.lst
default 0
title one
kernel /xen.gz
module /vmlinuz-6.1 root=/dev/nfs nfsroot=192.168.2.1:/export/one ip=dhcp
title two
kernel /vmlinuz-6.1 root=/dev/sda1 ro
=== boot/config-6.1
CONFIG_IP_PNP=y
CONFIG_IP_PNP_DHCP=y
CONFIG_XEN_NETDEV_FRONTEND=y
CONFIG_NFS_FS=y
CONFIG_NFS_V3=y
CONFIG_ROOT_NFS=y
`;

describe('the boot chain view: links, statuses and the diagnostics behind them', () => {
  const site = siteFromText(SITE);
  const broken = siteFromText(BROKEN);

  it('draws a whole chain from the DHCP host to the export line, each link at its file and line', () => {
    assert.deepEqual(chainsOf(site, 'etc/xen/web1.cfg'), [
      'web1 (192.168.2.10, 192.168.2.1:/export/web1) warning',
      '  ok dhcp: DHCP host web1 — 192.168.2.10 @etc/dhcp/dhcpd.conf:6',
      '  ok xen: Xen domU web1 — web1.cfg @etc/xen/web1.cfg:1',
      '  ok kernel: Kernel — /boot/vmlinuz-6.1.0-nfsroot @etc/xen/web1.cfg:2',
      '  warning kconfig: Kernel .config — boot/config-6.1.0-nfsroot @boot/config-6.1.0-nfsroot:14 [warning kconfig/unmet-dependency, warning kconfig/unmet-dependency, warning kconfig/unmet-dependency]',
      '  ok nfs: NFS 192.168.2.1:/export/web1 — nfsroot= @etc/xen/web1.cfg:5',
      '  ok export: Export line — exports line 1: /export/web1 (rw, no_root_squash) @etc/exports:1',
    ]);
  });

  it('turns the .config link red on what the kernel rules find missing, and opens it at that line', () => {
    const lacking = siteFromText(
      SITE.replace(
        GOOD_CONFIG,
        GOOD_CONFIG.replace('CONFIG_IP_PNP_DHCP=y', '# CONFIG_IP_PNP_DHCP is not set'),
      ),
    );
    assert.deepEqual(
      chainsOf(lacking, 'etc/xen/db1.cfg').filter((l) => l.includes('kconfig:')),
      [
        '  error kconfig: Kernel .config — boot/config-6.1.0-nfsroot @boot/config-6.1.0-nfsroot:8 [error kernel/ip-autoconfig-disabled, warning kconfig/unmet-dependency, warning kconfig/unmet-dependency, warning kconfig/unmet-dependency]',
      ],
    );
  });

  it('turns the export link red on nfs/root-not-exported, and marks what it cannot follow as unknown', () => {
    assert.deepEqual(chainsOf(site, 'etc/xen/lost.cfg'), [
      'lost (DHCP, no host, 192.168.2.1:/srv/lost) error',
      '  unknown dhcp: DHCP host — no host for its MAC @etc/xen/lost.cfg:4',
      '  ok xen: Xen domU lost — lost.cfg @etc/xen/lost.cfg:1',
      '  ok kernel: Kernel — /boot/vmlinuz-5.10.0 @etc/xen/lost.cfg:2',
      '  unknown kconfig: Kernel .config — not found (boot/config-5.10.0) @etc/xen/lost.cfg:2 [information kernel/config-not-found]',
      '  ok nfs: NFS 192.168.2.1:/srv/lost — nfsroot= @etc/xen/lost.cfg:4',
      '  error export: Export line — no export serves it @etc/xen/lost.cfg:4 [error nfs/root-not-exported]',
    ]);
  });

  it('puts a DHCP host block’s own error on the DHCP link, and the export rule’s note on the export link', () => {
    assert.deepEqual(chainsOf(broken, 'etc/xen/db1.cfg'), [
      'db1 (DHCP, no fixed address, 192.168.2.1:/export/db1) error',
      '  error dhcp: DHCP host db1 — DHCP, no fixed address @etc/dhcp/dhcpd.conf:4 [error dhcp/syntax]',
      '  ok xen: Xen domU db1 — db1.cfg @etc/xen/db1.cfg:1',
      '  ok kernel: Kernel — /boot/vmlinuz-6.1 @etc/xen/db1.cfg:2',
      '  ok kconfig: Kernel .config — boot/config-6.1 @boot/config-6.1:6',
      '  ok nfs: NFS 192.168.2.1:/export/db1 — nfsroot= @etc/xen/db1.cfg:4',
      // Its address unknown, no line can be said to serve it: the nearest one, and the rule's note.
      '  unknown export: Export line — not exported to its address @etc/exports:1 [information nfs/read-only-root]',
    ]);
  });

  it('draws the boot loader and Xen of a GRUB entry; at a position, only the entry there', () => {
    const one = chainsOf(broken, 'boot/grub/menu.lst', 4);
    assert.deepEqual(one.slice(0, 4), [
      'one (DHCP, no host, 192.168.2.1:/export/one) error',
      '  unknown dhcp: DHCP host — no MAC known @boot/grub/menu.lst:4',
      '  ok loader: Boot loader — one (menu.lst) @boot/grub/menu.lst:2',
      '  ok xen: Xen — /xen.gz @boot/grub/menu.lst:3',
    ]);
    assert.deepEqual(chainsOf(broken, 'boot/grub/menu.lst', 6)[0], 'two (unknown, no NFS root) ok');
    assert.equal(chainsOf(broken, 'boot/grub/menu.lst').filter((l) => !l.startsWith(' ')).length, 2);
  });

  it('shows, for an exports file, the chains that pass through it (at a line, those served by it)', () => {
    const heads = (lines: string[]): string[] => lines.filter((l) => !l.startsWith(' '));
    assert.deepEqual(heads(chainsOf(site, 'etc/exports')), [
      'web1 (192.168.2.10, 192.168.2.1:/export/web1) warning',
      'db1 (192.168.2.11, 192.168.2.1:/export/guests/db1) warning',
    ]);
    assert.deepEqual(heads(chainsOf(site, 'etc/exports', 2)), [
      'db1 (192.168.2.11, 192.168.2.1:/export/guests/db1) warning',
    ]);
  });

  it('has every cross-file diagnostic of a subject’s file on exactly one link, with the severity shown', () => {
    for (const ws of [site, broken]) {
      const shown = new Set(renderFindings(ws));
      const ctx = context(ws);
      for (const chain of overviewView(ctx, rangeOf(ws)).chains) {
        const diagnostics = chain.links.flatMap((l) => l.diagnostics);
        for (const d of diagnostics) {
          const s = d.range.start;
          const e = d.range.end;
          const line = `${pathOf(d.uri)}:${s.line + 1}:${s.character + 1}-${e.line + 1}:${e.character + 1} ${d.severity} ${d.code}`;
          assert.ok(shown.has(line), `${chain.name}: ${line} is not a diagnostic of the workspace`);
        }
        const own = [...shown].filter(
          (l) => l.startsWith(`${pathOf(chain.uri)}:`) && / (net|nfs|kernel)\//.test(l),
        );
        const inFile = diagnostics.filter((d) => d.uri === chain.uri && /^(net|nfs|kernel)\//.test(d.code));
        if (chain.kind === 'domU')
          assert.equal(inFile.length, own.length, `${chain.name}: ${own.join('; ')}`);
        for (const l of chain.links) {
          const worst = l.diagnostics.some((d) => d.severity === 'error')
            ? 'error'
            : l.diagnostics.some((d) => d.severity === 'warning')
              ? 'warning'
              : undefined;
          if (worst) assert.equal(l.status, worst, `${chain.name} ${l.kind}`);
          else assert.ok(l.status === 'ok' || l.status === 'unknown', `${chain.name} ${l.kind}: ${l.status}`);
        }
      }
    }
  });

  it('lists every machine of the site for the overview, with address, root and worst status', () => {
    const machines = overviewView(context(broken), rangeOf(broken)).chains.map(
      (c) =>
        `${c.name} ${c.kind} ${c.address} ${c.root ?? '-'} ${c.status} @${pathOf(c.uri)}:${c.range.start.line + 1}`,
    );
    assert.deepEqual(machines, [
      'app1 domU 192.168.2.12 192.168.2.1:/export/app1 error @etc/xen/app1.cfg:1',
      'db1 domU DHCP, no fixed address 192.168.2.1:/export/db1 error @etc/xen/db1.cfg:1',
      'one machine DHCP, no host 192.168.2.1:/export/one error @boot/grub/menu.lst:2',
      'two machine unknown - ok @boot/grub/menu.lst:5',
    ]);
  });
});
