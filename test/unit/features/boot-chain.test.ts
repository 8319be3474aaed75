import assert from 'node:assert/strict';
import { LineIndex } from '../../../server/src/core/text';
import { bootChainHover, bootChainsIn } from '../../../server/src/features/boot-chain';
import type { Workspace } from '../../../server/src/workspace/workspace';
import { siteFromText, testUri } from '../helpers/site';
import { GOOD_CONFIG, SITE } from './site-fixture';

/** Each subject of the file as `title: summary`, and where its first problem sits (`path:line:col "text"`). */
function chains(ws: Workspace, path: string): string[] {
  return bootChainsIn(ws.siteModel(), testUri(path)).map((c) => {
    const p = c.firstProblem;
    const f = p ? ws.getFile(p.uri) : undefined;
    const pos = p && f ? new LineIndex(f.text).position(p.span.start) : undefined;
    const where =
      p && f && pos
        ? ` [first problem ${f.path}:${pos.line + 1}:${pos.character + 1} ${JSON.stringify(f.text.slice(p.span.start, p.span.end))}]`
        : '';
    return `${c.subject.label}: ${c.text}${where}`;
  });
}

describe('the boot chain at a glance', () => {
  const ws = siteFromText(SITE);

  it('summarises a guest with a static address, a served export and a complete .config', () => {
    assert.deepEqual(chains(ws, 'etc/xen/web1.cfg'), [
      'web1: address 192.168.2.10 (DHCP host web1) · root 192.168.2.1:/export/web1 (exports line 1: rw, no_root_squash) · kernel config OK',
    ]);
  });

  it('names a parent export and its squashing for a DHCP guest', () => {
    assert.deepEqual(chains(ws, 'etc/xen/db1.cfg'), [
      'db1: address 192.168.2.11 (DHCP host db1) · root 192.168.2.1:/export/guests/db1 (parent /export/guests on exports line 2: rw, root_squash) · kernel config OK',
    ]);
  });

  it('says what is missing, and points at the first reference that fails', () => {
    assert.deepEqual(chains(ws, 'etc/xen/lost.cfg'), [
      'lost: no DHCP host for its MAC · root 192.168.2.1:/srv/lost (no export serves it) · no .config mapped [first problem etc/xen/lost.cfg:4:54 "ip=dhcp"]',
    ]);
    assert.deepEqual(chains(ws, 'srv/tftp/grub/menu.lst'), [
      'dom0 (Xen, NFS root): address by DHCP (no MAC known) · root 192.168.2.1:/export/dom0 (no export serves it) · no .config mapped [first problem srv/tftp/grub/menu.lst:4:42 "nfsroot=192.168.2.1:/export/dom0"]',
    ]);
  });

  it('names the symbols a .config lacks, as the kernel rules judge them', () => {
    const broken = siteFromText(
      SITE.replace(
        GOOD_CONFIG,
        GOOD_CONFIG.replace('CONFIG_IP_PNP_DHCP=y', '# CONFIG_IP_PNP_DHCP is not set'),
      ),
    );
    assert.deepEqual(chains(broken, 'etc/xen/web1.cfg'), [
      'web1: address 192.168.2.10 (DHCP host web1) · root 192.168.2.1:/export/web1 (exports line 1: rw, no_root_squash) · kernel config OK',
    ]);
    assert.deepEqual(chains(broken, 'etc/xen/db1.cfg'), [
      'db1: address 192.168.2.11 (DHCP host db1) · root 192.168.2.1:/export/guests/db1 (parent /export/guests on exports line 2: rw, root_squash) · kernel config lacks IP_PNP_DHCP=y [first problem etc/xen/db1.cfg:2:10 "\\"/boot/vmlinuz-6.1.0-nfsroot\\""]',
    ]);
  });

  it('tells a client that is exported to another address, and a server without exports (topology)', () => {
    const multi = siteFromText(`=== xen-nfs-boot.json
{ "hosts": [ { "name": "dom0", "addresses": ["192.168.2.1"], "root": "dom0" } ] }
=== dom0/etc/xen/a.cfg
name = "a"
kernel = "/boot/vmlinuz-6.1.0-nfsroot"
ramdisk = "/boot/initrd.img-6.1.0-nfsroot"
extra = "root=/dev/nfs nfsroot=192.168.2.1:/export/a ip=192.168.2.20::192.168.2.1:255.255.255.0::eth0:off"
=== dom0/etc/xen/b.cfg
name = "b"
extra = "root=/dev/nfs nfsroot=192.168.2.9:/export/b ip=192.168.2.21::192.168.2.1:255.255.255.0::eth0:off"
=== dom0/etc/exports
/export/a 192.168.2.99(rw,no_root_squash,no_subtree_check)
`);
    assert.deepEqual(chains(multi, 'dom0/etc/xen/a.cfg'), [
      'a: address 192.168.2.20 (static) · root 192.168.2.1:/export/a (not exported to 192.168.2.20: exports line 1) · initrd mounts the root [first problem dom0/etc/xen/a.cfg:4:24 "nfsroot=192.168.2.1:/export/a"]',
    ]);
    assert.deepEqual(chains(multi, 'dom0/etc/xen/b.cfg'), [
      'b: address 192.168.2.21 (static) · root 192.168.2.9:/export/b (no exports file for 192.168.2.9) [first problem dom0/etc/xen/b.cfg:2:24 "nfsroot=192.168.2.9:/export/b"]',
    ]);
  });

  it('covers PXELINUX entries of a machine known by MAC', () => {
    const pxe = siteFromText(
      `${SITE}=== srv/tftp/pxelinux.cfg/01-00-16-3e-2a-00-11
DEFAULT db1
LABEL db1
  KERNEL vmlinuz-6.1.0-nfsroot
  APPEND root=/dev/nfs nfsroot=192.168.2.1:/export/guests/db1 ip=dhcp
`,
    );
    assert.deepEqual(chains(pxe, 'srv/tftp/pxelinux.cfg/01-00-16-3e-2a-00-11'), [
      'db1: address 192.168.2.11 (DHCP host db1) · root 192.168.2.1:/export/guests/db1 (parent /export/guests on exports line 2: rw, root_squash) · kernel config OK',
    ]);
  });

  it('is the hover text on a subject’s name and kernel, and nothing elsewhere', () => {
    const uri = testUri('etc/xen/web1.cfg');
    const text = ws.getFile(uri)?.text ?? '';
    const site = ws.siteModel();
    assert.match(bootChainHover(site, uri, text.indexOf('web1"'))?.text ?? '', /^address 192\.168\.2\.10/);
    assert.match(bootChainHover(site, uri, text.indexOf('/boot/'))?.text ?? '', /kernel config OK$/);
    assert.equal(bootChainHover(site, uri, text.indexOf('root =')), undefined);
  });
});
