import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Finding } from '../../../server/src/core/finding';
import { codeActionsFor } from '../../../server/src/features/code-actions';
import { LineIndexCache, toDiagnostics } from '../../../server/src/features/diagnostics';
import type { Workspace } from '../../../server/src/workspace/workspace';
import { applyEdits, renderFindings, siteFromText, spanText, testUri } from '../helpers/site';

const FIXTURES = path.join(__dirname, '../../../../test/fixtures/site/net');
const SEED_000 = fs.readFileSync(path.join(__dirname, '../../../../test/fixtures/seeds/000-domu1'), 'utf8');

function fixture(name: string): string {
  return fs.readFileSync(path.join(FIXTURES, name), 'utf8');
}

/** Every diagnostic of the `net/*` rules, with ranges (and messages when asked). */
function net(ws: Workspace, withMessages = false): string[] {
  return renderFindings(ws, withMessages).filter((l) => / net\//.test(l));
}

function findingOf(ws: Workspace, file: string, ruleId: string): Finding {
  const f = (ws.check().get(testUri(file)) ?? []).find((x) => x.ruleId === ruleId);
  assert.ok(f, `no ${ruleId} in ${file}`);
  return f;
}

/** Applies the fix whose title starts with `title` (edits in any file) and returns the texts it changed. */
function applyFix(ws: Workspace, file: string, ruleId: string, title: string): Map<string, string> {
  const fix = findingOf(ws, file, ruleId).fixes?.find((x) => x.title.startsWith(title));
  assert.ok(fix, `no fix '${title}' for ${ruleId} in ${file}`);
  const changed = new Map<string, string>();
  for (const uri of new Set(fix.edits.map((e) => e.uri))) {
    const f = ws.getFile(uri);
    assert.ok(f);
    const text = applyEdits(
      f.text,
      fix.edits.filter((e) => e.uri === uri),
    );
    ws.setFile(uri, f.path, text, f.version + 1);
    changed.set(f.path, text);
  }
  return changed;
}

describe('net/* on a single host without topology (xl, static and DHCP guests, one dhcpd.conf)', () => {
  const ws = (): Workspace => siteFromText(fixture('single-host.site'));

  it('fires where it should and nowhere else', () => {
    assert.deepEqual(net(ws()), [
      'etc/xen/app1.cfg:4:59-4:126 error net/ip-conflict',
      'etc/xen/app2.cfg:5:43-5:111 error net/ip-conflict',
      'etc/xen/cache1.cfg:3:26-3:41 warning net/random-mac',
      'etc/xen/web1.cfg:5:43-5:110 error net/ip-mismatch',
    ]);
  });

  it('says it in plain words, with the DHCP host block or range as related information', () => {
    const site = ws();
    const mismatch = findingOf(site, 'etc/xen/web1.cfg', 'net/ip-mismatch');
    assert.equal(
      mismatch.message,
      'web1 boots as 192.168.2.11, but DHCP gives its MAC 00:16:3e:00:00:01 the fixed address 192.168.2.10 (host web1)',
    );
    assert.equal(mismatch.related?.[0].uri, testUri('etc/dhcp/dhcpd.conf'));
    assert.equal(
      spanText(site, testUri('etc/dhcp/dhcpd.conf'), mismatch.related[0].span),
      'fixed-address 192.168.2.10;',
    );
    const host = findingOf(site, 'etc/xen/app1.cfg', 'net/ip-conflict');
    assert.match(
      host.message,
      /^app1 boots as 192\.168\.2\.10, but DHCP gives that address to another machine: host web1/,
    );
    const range = findingOf(site, 'etc/xen/app2.cfg', 'net/ip-conflict');
    assert.match(range.message, /lies in the dynamic range 192\.168\.2\.100–192\.168\.2\.200/);
    assert.equal(
      spanText(site, testUri('etc/dhcp/dhcpd.conf'), range.related?.[0].span ?? { start: 0, end: 0 }),
      'range 192.168.2.100 192.168.2.200;',
    );
    const random = findingOf(site, 'etc/xen/cache1.cfg', 'net/random-mac');
    assert.equal(spanText(site, testUri('etc/xen/cache1.cfg'), random.span), "'bridge=xenbr1'");
    assert.match(
      random.message,
      /the DHCP host block cache1 \(hardware ethernet 00:16:3e:00:00:0a\) never matches it/,
    );
  });

  it('ip-mismatch: "Use the fixed address" replaces the client field of ip= only', () => {
    const site = ws();
    const before = site.getFile(testUri('etc/xen/web1.cfg'))?.text ?? '';
    const after = applyFix(site, 'etc/xen/web1.cfg', 'net/ip-mismatch', 'Use the fixed address 192.168.2.10');
    assert.equal(after.get('etc/xen/web1.cfg'), before.replace('ip=192.168.2.11:', 'ip=192.168.2.10:'));
    assert.deepEqual(
      net(site).filter((l) => l.startsWith('etc/xen/web1.cfg')),
      [],
    );
  });

  it('random-mac: gives the vif the MAC of the host block named after the domain, or a generated one', () => {
    const site = ws();
    const titles = findingOf(site, 'etc/xen/cache1.cfg', 'net/random-mac').fixes?.map((f) => f.title);
    assert.deepEqual(titles, [
      'Give the vif the MAC of DHCP host cache1 (00:16:3e:00:00:0a)',
      'Give the vif a fixed MAC',
    ]);
    const after = applyFix(site, 'etc/xen/cache1.cfg', 'net/random-mac', 'Give the vif the MAC');
    assert.match(
      after.get('etc/xen/cache1.cfg') ?? '',
      /vif = \[ 'bridge=xenbr0', 'mac=00:16:3e:00:00:0a,bridge=xenbr1' \]/,
    );
    assert.deepEqual(
      net(site).filter((l) => l.startsWith('etc/xen/cache1.cfg')),
      [],
    );
    const other = ws();
    const generated = applyFix(other, 'etc/xen/cache1.cfg', 'net/random-mac', 'Give the vif a fixed MAC');
    assert.match(
      generated.get('etc/xen/cache1.cfg') ?? '',
      /'mac=00:16:3e:[0-9a-f]{2}:[0-9a-f]{2}:[0-9a-f]{2},bridge=xenbr1'/,
    );
    assert.deepEqual(
      net(other).filter((l) => l.includes('random-mac')),
      [],
    );
  });
});

describe('net/* on several hosts with a topology (xl and xm guests, PXELINUX and GRUB, deny unknown-clients)', () => {
  const ws = (): Workspace => siteFromText(fixture('multi-host.site'));

  it('fires where it should and nowhere else', () => {
    assert.deepEqual(net(ws()), [
      'boot/srv/tftp/grub/node2.conf:7:67-7:128 error net/ip-mismatch',
      'boot/srv/tftp/pxelinux.cfg/01-00-11-22-33-44-01:7:85-7:146 error net/ip-mismatch',
      'boot/srv/tftp/pxelinux.cfg/01-00-11-22-33-44-09:1:1-1:12 warning net/no-dhcp-host',
      'dom0/etc/xen/guest1.cfg:3:10-3:31 warning net/no-dhcp-host',
      'dom0/etc/xen/guest2.cfg:3:9-3:24 warning net/random-mac',
      'oldxen/etc/xen/vm02:3:9-3:24 warning net/random-mac',
      'oldxen/etc/xen/vm03:4:1-4:3 error net/ip-conflict',
      'oldxen/etc/xen/vm04:4:1-4:3 error net/ip-mismatch',
    ]);
  });

  it('knows the GRUB menu machine through the DHCP option-150 that names the menu (tftpRoot)', () => {
    const site = ws();
    const f = findingOf(site, 'boot/srv/tftp/grub/node2.conf', 'net/ip-mismatch');
    assert.match(f.message, /gives its MAC 00:11:22:33:44:02 the fixed address 10\.0\.0\.22 \(host node2\)/);
    assert.match(spanText(site, f.uri, f.span), /^ip=10\.0\.0\.30:/);
  });

  it('a pxelinux.cfg/01-<mac> machine without a host block: said once on the first line, whatever the labels', () => {
    const site = ws();
    const f = findingOf(site, 'boot/srv/tftp/pxelinux.cfg/01-00-11-22-33-44-09', 'net/no-dhcp-host');
    assert.equal(
      f.message,
      'The machine 00:11:22:33:44:09 boots with DHCP (ip=dhcp), but no DHCP host block has hardware ethernet ' +
        '00:11:22:33:44:09 and no dynamic range serves 10.0.0.0/24: dhcpd will not answer it',
    );
    assert.equal(
      spanText(site, testUri('boot/etc/dhcp/dhcpd.conf'), f.related?.[0].span ?? f.span),
      'subnet 10.0.0.0 netmask 255.255.255.0',
    );
  });

  it('no-dhcp-host: adds the host block inside the subnet, in the file’s own indentation, then re-checks clean', () => {
    const site = ws();
    const before = site.getFile(testUri('boot/etc/dhcp/dhcpd.conf'))?.text ?? '';
    const after = applyFix(
      site,
      'dom0/etc/xen/guest1.cfg',
      'net/no-dhcp-host',
      'Add a DHCP host block for guest1',
    );
    const conf = after.get('boot/etc/dhcp/dhcpd.conf') ?? '';
    const close = before.lastIndexOf('}');
    const block =
      '    host guest1 {\n        hardware ethernet 00:16:3e:00:01:01;\n        fixed-address 10.0.0.3;\n    }\n';
    assert.equal(conf, before.slice(0, close) + block + before.slice(close));
    assert.deepEqual(
      net(site).filter((l) => l.startsWith('dom0/etc/xen/guest1.cfg')),
      [],
    );
    assert.ok(!renderFindings(site).some((l) => l.startsWith('boot/etc/dhcp/dhcpd.conf')));
  });

  it('the host-block fixes of one check never share an address, so "fix all" stays consistent', () => {
    const site = ws();
    const address = (file: string): string | undefined =>
      /fixed-address ([\d.]+);/.exec(
        findingOf(site, file, 'net/no-dhcp-host').fixes?.[0]?.edits[0]?.newText ?? '',
      )?.[1];
    const pxe = address('boot/srv/tftp/pxelinux.cfg/01-00-11-22-33-44-09');
    assert.equal(pxe, '10.0.0.2');
    assert.equal(address('dom0/etc/xen/guest1.cfg'), '10.0.0.3');
  });

  it('no-dhcp-host for a PXELINUX machine: the host is named after its MAC', () => {
    const site = ws();
    const file = 'boot/srv/tftp/pxelinux.cfg/01-00-11-22-33-44-09';
    const after = applyFix(site, file, 'net/no-dhcp-host', 'Add a DHCP host block for pxe-001122334409');
    assert.match(
      after.get('boot/etc/dhcp/dhcpd.conf') ?? '',
      /host pxe-001122334409 \{\n {8}hardware ethernet 00:11:22:33:44:09;\n {8}fixed-address 10\.0\.0\.2;/,
    );
    assert.deepEqual(
      net(site).filter((l) => l.startsWith(file)),
      [],
    );
  });

  it('random-mac, then no-dhcp-host: a fixed MAC, then a host block for it, and the guest is clean', () => {
    const site = ws();
    const first = applyFix(site, 'dom0/etc/xen/guest2.cfg', 'net/random-mac', 'Give the vif a fixed MAC');
    const mac = /mac=(00:16:3e:[0-9a-f:]{8}),bridge=xenbr0/.exec(
      first.get('dom0/etc/xen/guest2.cfg') ?? '',
    )?.[1];
    assert.ok(mac);
    assert.deepEqual(
      net(site).filter((l) => l.startsWith('dom0/etc/xen/guest2.cfg')),
      ['dom0/etc/xen/guest2.cfg:3:10-3:31 warning net/no-dhcp-host'],
    );
    const second = applyFix(
      site,
      'dom0/etc/xen/guest2.cfg',
      'net/no-dhcp-host',
      'Add a DHCP host block for guest2',
    );
    assert.ok(second.get('boot/etc/dhcp/dhcpd.conf')?.includes(`hardware ethernet ${mac};`));
    assert.deepEqual(
      net(site).filter((l) => l.startsWith('dom0/etc/xen/guest2.cfg')),
      [],
    );
  });

  it('the generated MAC is derived from the name and avoids every MAC of the site', () => {
    const mac = (ws2: Workspace): string =>
      /mac=([0-9a-f:]{17})/.exec(
        applyFix(ws2, 'dom0/etc/xen/guest2.cfg', 'net/random-mac', 'Give the vif a fixed MAC').get(
          'dom0/etc/xen/guest2.cfg',
        ) ?? '',
      )?.[1] ?? '';
    const first = mac(ws());
    assert.equal(mac(ws()), first);
    const taken = siteFromText(
      `${fixture('multi-host.site')}=== dom0/etc/xen/other.cfg\nname = "other"\nvif = [ 'mac=${first}' ]\n`,
    );
    const second = mac(taken);
    assert.notEqual(second, first);
    assert.match(second, /^00:16:3e:/);
  });

  it('xm: the diagnostic sits on the ip key; "Use the fixed address" replaces its value', () => {
    const site = ws();
    const f = findingOf(site, 'oldxen/etc/xen/vm04', 'net/ip-mismatch');
    assert.equal(spanText(site, f.uri, f.span), 'ip');
    const after = applyFix(site, 'oldxen/etc/xen/vm04', 'net/ip-mismatch', 'Use the fixed address 10.0.0.44');
    assert.match(after.get('oldxen/etc/xen/vm04') ?? '', /\nip = "10\.0\.0\.44"\n/);
    assert.deepEqual(
      net(site).filter((l) => l.startsWith('oldxen/etc/xen/vm04')),
      [],
    );
  });

  it('xm with dhcp = "dhcp" and a random vif: the MAC of the host block named after it', () => {
    const site = ws();
    applyFix(site, 'oldxen/etc/xen/vm02', 'net/random-mac', 'Give the vif the MAC of DHCP host vm02');
    assert.match(
      site.getFile(testUri('oldxen/etc/xen/vm02'))?.text ?? '',
      /vif = \[ 'mac=00:16:3e:00:02:02,bridge=xenbr0' \]/,
    );
    assert.deepEqual(
      net(site).filter((l) => l.startsWith('oldxen/etc/xen/vm02')),
      [],
    );
  });

  it('the GRUB and PXELINUX static entries take the fixed address through the same fix', () => {
    const site = ws();
    applyFix(site, 'boot/srv/tftp/grub/node2.conf', 'net/ip-mismatch', 'Use the fixed address 10.0.0.22');
    applyFix(
      site,
      'boot/srv/tftp/pxelinux.cfg/01-00-11-22-33-44-01',
      'net/ip-mismatch',
      'Use the fixed address 10.0.0.21',
    );
    assert.deepEqual(
      net(site).filter((l) => l.includes('ip-mismatch') && l.startsWith('boot/')),
      [],
    );
  });

  it('the LSP code action of a cross-file fix is a WorkspaceEdit on the dhcpd.conf', () => {
    const site = ws();
    const uri = testUri('dom0/etc/xen/guest1.cfg');
    const lines = new LineIndexCache();
    const findings = site.check().get(uri) ?? [];
    const diagnostics = toDiagnostics(site, findings, lines, undefined).filter(
      (d) => d.code === 'net/no-dhcp-host',
    );
    const action = codeActionsFor(site, findings, diagnostics, lines).find(
      (a) => a.title === 'Add a DHCP host block for guest1',
    );
    assert.ok(action);
    assert.deepEqual(Object.keys(action.edit.changes), [testUri('boot/etc/dhcp/dhcpd.conf')]);
  });
});

describe('net/* with the seeds', () => {
  it("seed 001: post01's DHCP host block names the GRUB menu (option-150), so ip=dhcp is answered", () => {
    assert.deepEqual(net(siteFromText(fixture('seed-001.site'))), []);
  });

  it('seed 001 with option-150 set for a group of hosts, not in the host block: the menu is still known', () => {
    const text = fixture('seed-001.site')
      .replace('host post01 {', 'group {\n  option option-150 "/grub/post01.conf";\nhost post01 {')
      .replace('    option option-150    "/grub/post01.conf";\n}', '}\n}')
      .replace(
        'ip=dhcp root=/dev/nfs',
        'ip=192.168.0.150:192.168.0.5:192.168.0.1:255.255.255.0:post01:eth0:off root=/dev/nfs',
      );
    assert.doesNotMatch(text, /option-150 {4}/);
    const site = siteFromText(text);
    const f = findingOf(site, 'virtdom/tftpboot/grub/post01.conf', 'net/ip-mismatch');
    assert.match(f.message, /fixed address 192\.168\.0\.101 \(host post01\)/);
  });

  it('seed 001 with a static address the host block does not give: ip-mismatch on the module line', () => {
    const text = fixture('seed-001.site').replace(
      'ip=dhcp root=/dev/nfs',
      'ip=192.168.0.150:192.168.0.5:192.168.0.1:255.255.255.0:post01:eth0:off root=/dev/nfs',
    );
    const site = siteFromText(text);
    assert.deepEqual(net(site), ['virtdom/tftpboot/grub/post01.conf:9:55-9:125 error net/ip-mismatch']);
    const after = applyFix(
      site,
      'virtdom/tftpboot/grub/post01.conf',
      'net/ip-mismatch',
      'Use the fixed address 192.168.0.101',
    );
    assert.match(after.get('virtdom/tftpboot/grub/post01.conf') ?? '', /ip=192\.168\.0\.101:192\.168\.0\.5:/);
    assert.deepEqual(net(site), []);
  });

  it('seed 001 with a MAC no host block has: the new host goes at the end of the file, as the seed keeps its hosts', () => {
    const text = `${fixture('seed-001.site')}=== virtdom/tftpboot/pxelinux.cfg/01-00-11-2f-a8-b4-d5\nLABEL nfs\n  KERNEL mboot.c32\n  APPEND xen.gz --- vmlinuz ip=dhcp root=/dev/nfs nfsroot=192.168.0.5:/opt/ondemand/root\n`;
    const site = siteFromText(text);
    assert.deepEqual(net(site), [
      'virtdom/tftpboot/pxelinux.cfg/01-00-11-2f-a8-b4-d5:1:1-1:10 warning net/no-dhcp-host',
    ]);
    const before = site.getFile(testUri('infolab/etc/dhcp/dhcpd.conf'))?.text ?? '';
    const after = applyFix(
      site,
      'virtdom/tftpboot/pxelinux.cfg/01-00-11-2f-a8-b4-d5',
      'net/no-dhcp-host',
      'Add a DHCP host block',
    );
    assert.equal(
      after.get('infolab/etc/dhcp/dhcpd.conf'),
      `${before}\nhost pxe-00112fa8b4d5 {\n    hardware ethernet 00:11:2f:a8:b4:d5;\n    fixed-address 192.168.0.2;\n}\n`,
    );
    assert.deepEqual(net(site), []);
  });

  const xm = '=== xen-nfs-boot.json\n{ "toolstack": "xm" }\n=== etc/xen/domu1\n' + SEED_000;

  it('seed 000 (static 192.168.2.2, random vifs) without a dhcpd.conf: nothing to say', () => {
    assert.deepEqual(net(siteFromText(xm)), []);
  });

  it("seed 000: DHCP's fixed address for another MAC is an ip-conflict on the ip key", () => {
    const site = siteFromText(
      `${xm}=== etc/dhcp/dhcpd.conf\nsubnet 192.168.2.0 netmask 255.255.255.0 {\n  range 192.168.2.100 192.168.2.200;\n}\nhost printer {\n  hardware ethernet 00:1b:a9:00:00:01;\n  fixed-address 192.168.2.2;\n}\n`,
    );
    assert.deepEqual(net(site, true), [
      'etc/xen/domu1:21:1-21:3 error net/ip-conflict: domu1 boots as 192.168.2.2, but DHCP gives that address to another machine: host printer (hardware ethernet 00:1b:a9:00:00:01)',
    ]);
  });

  it('seed 000: a host block named after the guest with its address is the guest itself, not a conflict', () => {
    const site = siteFromText(
      `${xm}=== etc/dhcp/dhcpd.conf\nhost domu1 {\n  hardware ethernet 00:16:3e:00:00:99;\n  fixed-address 192.168.2.2;\n}\n`,
    );
    assert.deepEqual(net(site), []);
  });
});

describe('net/no-dhcp-host when the site has no dhcpd.conf', () => {
  it('says so once per reference, as information, with how to add one', () => {
    const site = siteFromText(`=== etc/xen/d.cfg
name = "d"
vif = [ 'mac=00:16:3e:00:00:01' ]
extra = "root=/dev/nfs nfsroot=10.0.0.1:/r ip=dhcp"
=== etc/xen/s.cfg
name = "s"
vif = [ 'mac=00:16:3e:00:00:02' ]
extra = "root=/dev/nfs nfsroot=10.0.0.1:/r ip=10.0.0.5:10.0.0.1::255.255.255.0::eth0:off"
=== etc/xen/novif.cfg
name = "novif"
extra = "root=/dev/nfs nfsroot=10.0.0.1:/r ip=dhcp"
=== srv/tftp/pxelinux.cfg/01-00-11-22-33-44-55
LABEL a
  KERNEL vmlinuz
  APPEND root=/dev/nfs nfsroot=10.0.0.1:/r ip=dhcp
LABEL b
  KERNEL vmlinuz
  APPEND root=/dev/nfs nfsroot=10.0.0.1:/r ip=dhcp single
`);
    const found = net(site, true);
    assert.deepEqual(
      found.map((l) => l.replace(/: .*/, '')),
      [
        'etc/xen/d.cfg:3:44-3:51 information net/no-dhcp-host',
        'srv/tftp/pxelinux.cfg/01-00-11-22-33-44-55:1:1-1:8 information net/no-dhcp-host',
      ],
    );
    assert.match(found[0], /d boots with DHCP \(ip=dhcp\), but the workspace has no dhcpd\.conf/);
    assert.match(found[0], /etc\/dhcp\/dhcpd\.conf/);
  });
});
