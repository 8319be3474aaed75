import assert from 'node:assert/strict';
import { LineIndex } from '../../../server/src/core/text';
import type { SiteLocation } from '../../../server/src/features/site-chain';
import { navigationOf, siteDefinition, siteReferences } from '../../../server/src/features/site-navigation';
import type { Workspace } from '../../../server/src/workspace/workspace';
import { siteFromText, testUri } from '../helpers/site';
import { SITE } from './site-fixture';

/** The offset just inside the first occurrence of `needle` in the file at `path`. */
function at(ws: Workspace, path: string, needle: string, inside = 1): number {
  const text = ws.getFile(testUri(path))?.text ?? '';
  const i = text.indexOf(needle);
  assert.ok(i >= 0, `${needle} not in ${path}`);
  return i + inside;
}

/** A location as `path:line:col "first line of what it covers"` (1-based). */
function render(ws: Workspace, locations: readonly SiteLocation[]): string[] {
  return locations.map((l) => {
    const f = ws.getFile(l.uri);
    const text = f?.text ?? '';
    const p = new LineIndex(text).position(l.span.start);
    const covered = text.slice(l.span.start, l.span.end).split('\n')[0];
    return `${f?.path}:${p.line + 1}:${p.character + 1} ${JSON.stringify(covered)}`;
  });
}

function definition(ws: Workspace, path: string, needle: string, inside = 1): string[] {
  return render(ws, siteDefinition(navigationOf(ws), testUri(path), at(ws, path, needle, inside)));
}

function references(ws: Workspace, path: string, needle: string, inside = 1): string[] {
  return render(ws, siteReferences(navigationOf(ws), testUri(path), at(ws, path, needle, inside)));
}

describe('navigation across the files of a boot', () => {
  const ws = siteFromText(SITE);

  it('goes from nfsroot= to the export line that serves it (the path itself, or a parent)', () => {
    assert.deepEqual(definition(ws, 'etc/xen/web1.cfg', 'nfsroot='), [
      'etc/exports:1:1 "/export/web1    192.168.2.10(rw,sync,no_root_squash,no_subtree_check)"',
    ]);
    assert.deepEqual(definition(ws, 'etc/xen/db1.cfg', 'nfsroot=', 12), [
      'etc/exports:2:1 "/export/guests  192.168.2.0/24(rw,sync,no_subtree_check)"',
    ]);
    // Not exported at all: nothing to go to.
    assert.deepEqual(definition(ws, 'etc/xen/lost.cfg', 'nfsroot='), []);
  });

  it('goes from a vif mac= and from a static ip= to the DHCP host block', () => {
    assert.deepEqual(definition(ws, 'etc/xen/db1.cfg', '00:16:3e:2a:00:11'), [
      'etc/dhcp/dhcpd.conf:10:1 "host db1 {"',
    ]);
    assert.deepEqual(definition(ws, 'etc/xen/web1.cfg', 'ip=192'), ['etc/dhcp/dhcpd.conf:6:1 "host web1 {"']);
    // A MAC DHCP does not know.
    assert.deepEqual(definition(ws, 'etc/xen/lost.cfg', '00:16:3e:2a:00:99'), []);
  });

  it('goes from kernel to its .config (config-<version> beside the image), and nowhere without one', () => {
    assert.deepEqual(definition(ws, 'etc/xen/web1.cfg', '/boot/vmlinuz'), [
      'boot/config-6.1.0-nfsroot:3:1 "# Linux/x86 6.1.0 Kernel Configuration"',
    ]);
    assert.deepEqual(definition(ws, 'etc/xen/lost.cfg', '/boot/vmlinuz'), []);
  });

  it('goes from a DHCP option-150 path to the menu file', () => {
    assert.deepEqual(definition(ws, 'etc/dhcp/dhcpd.conf', '"/grub/menu.lst"'), [
      'srv/tftp/grub/menu.lst:1:1 ""',
    ]);
    assert.deepEqual(definition(ws, 'etc/dhcp/dhcpd.conf', 'range'), []);
  });

  it('goes from a GRUB module line nfsroot= to the export line, through the same resolution', () => {
    // /export/dom0 is not exported: no target, and no error.
    assert.deepEqual(definition(ws, 'srv/tftp/grub/menu.lst', 'nfsroot='), []);
  });

  it('finds the guests that use an export line, at their nfsroot=', () => {
    assert.deepEqual(references(ws, 'etc/exports', '/export/guests'), [
      'etc/xen/db1.cfg:4:24 "nfsroot=192.168.2.1:/export/guests/db1"',
    ]);
    assert.deepEqual(references(ws, 'etc/exports', '/export/web1'), [
      'etc/xen/web1.cfg:5:10 "nfsroot=192.168.2.1:/export/web1,vers=3"',
    ]);
  });

  it('finds the guests a DHCP host block answers, at their MAC', () => {
    assert.deepEqual(references(ws, 'etc/dhcp/dhcpd.conf', 'fixed-address 192.168.2.10'), [
      'etc/xen/web1.cfg:3:10 "mac=00:16:3e:2a:00:10"',
    ]);
    assert.deepEqual(references(ws, 'etc/dhcp/dhcpd.conf', 'host db1'), [
      'etc/xen/db1.cfg:3:10 "mac=00:16:3e:2a:00:11"',
    ]);
    assert.deepEqual(references(ws, 'etc/dhcp/dhcpd.conf', 'range'), []);
  });

  it('finds the kernels that use a .config, and the DHCP option that names a menu', () => {
    assert.deepEqual(references(ws, 'boot/config-6.1.0-nfsroot', 'CONFIG_NFS_FS'), [
      'etc/xen/web1.cfg:2:10 "\\"/boot/vmlinuz-6.1.0-nfsroot\\""',
      'etc/xen/db1.cfg:2:10 "\\"/boot/vmlinuz-6.1.0-nfsroot\\""',
    ]);
    assert.deepEqual(references(ws, 'srv/tftp/grub/menu.lst', 'default'), [
      'etc/dhcp/dhcpd.conf:13:21 "\\"/grub/menu.lst\\""',
    ]);
  });

  it('with a topology, an NFS server resolves to the exports of the host that has its address', () => {
    const multi = siteFromText(
      `=== xen-nfs-boot.json
{ "hosts": [ { "name": "dom0", "addresses": ["192.168.2.1"], "root": "dom0" },
             { "name": "nas", "addresses": ["192.168.2.7"], "root": "nas" } ],
  "kernels": { "/boot/vmlinuz-6.1.0-nfsroot": "kernels/guest.config" } }
=== dom0/etc/xen/app.cfg
name = "app"
kernel = "/boot/vmlinuz-6.1.0-nfsroot"
extra = "root=/dev/nfs nfsroot=192.168.2.7:/tank/app ip=192.168.2.30::192.168.2.1:255.255.255.0::eth0:off"
=== dom0/etc/exports
/tank/app 192.168.2.30(rw,no_root_squash,no_subtree_check)
=== nas/etc/exports
/tank 192.168.2.0/255.255.255.0(rw,no_root_squash,no_subtree_check)
=== kernels/guest.config
CONFIG_NFS_FS=y
`,
    );
    assert.deepEqual(definition(multi, 'dom0/etc/xen/app.cfg', 'nfsroot='), [
      'nas/etc/exports:1:1 "/tank 192.168.2.0/255.255.255.0(rw,no_root_squash,no_subtree_check)"',
    ]);
    assert.deepEqual(references(multi, 'dom0/etc/exports', '/tank'), []);
    assert.deepEqual(definition(multi, 'dom0/etc/xen/app.cfg', '/boot/'), ['kernels/guest.config:1:1 ""']);
  });
});
