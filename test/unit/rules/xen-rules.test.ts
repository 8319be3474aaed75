import assert from 'node:assert/strict';
import { renderFindings, siteFromText } from '../helpers/site';

/** One row: a whole workspace and every diagnostic expected in it (no more, no less). */
interface Case {
  readonly name: string;
  readonly site: string;
  readonly expected: readonly string[];
}

const CASES: readonly Case[] = [
  {
    name: 'a clean xl domU with an NFS root has no findings',
    site: `=== etc/xen/web1.cfg
name = "web1"
kernel = "/boot/vmlinuz"
memory = 512
vif = [ 'mac=00:16:3e:00:00:01,bridge=xenbr0' ]
root = "/dev/nfs"
extra = "nfsroot=192.168.2.1:/export/web1,vers=3 ip=192.168.2.10:192.168.2.1:192.168.2.1:255.255.255.0:web1:eth0:off"
`,
    // No .config for the kernel in this workspace: said once, as information (shared CONTRACT.md).
    expected: ['etc/xen/web1.cfg:2:10-2:25 information kernel/config-not-found'],
  },
  {
    name: 'syntax: a missing value, an unterminated string and an unknown key; later lines still analysed',
    site: `=== etc/xen/a.cfg
name =
kernel = "/boot/vmlinuz
memroy = 512
on_crash = "explode"
`,
    expected: [
      'etc/xen/a.cfg:1:6-1:7 error xen/syntax',
      'etc/xen/a.cfg:2:10-2:24 error xen/syntax',
      'etc/xen/a.cfg:3:1-3:7 warning xen/unknown-option',
      'etc/xen/a.cfg:4:12-4:21 error xen/invalid-value',
    ],
  },
  {
    name: 'Python under xl is a syntax error; under xm it is information',
    site: `=== xen-nfs-boot.json
{ "hosts": [ { "name": "old", "root": "old", "toolstack": "xm" } ] }
=== etc/xen/new.cfg
name = "VM%d" % 3
memory = 128
=== old/etc/xen/vm
name = "VM%d" % 3
memory = 128
`,
    expected: [
      'etc/xen/new.cfg:1:1-1:18 error xen/syntax',
      'old/etc/xen/vm:1:1-1:18 information xen/python-code',
    ],
  },
  {
    name: 'types: a list for a string, a word for a number, a scalar for a list; memory 0',
    site: `=== etc/xen/t.cfg
name = [ "a" ]
memory = "lots"
vif = 'bridge=xenbr0'
maxmem = 0
`,
    expected: [
      'etc/xen/t.cfg:1:8-1:15 error xen/type',
      'etc/xen/t.cfg:2:10-2:16 error xen/type',
      'etc/xen/t.cfg:3:7-3:22 error xen/type',
      'etc/xen/t.cfg:4:10-4:11 error xen/invalid-value',
    ],
  },
  {
    name: 'vif: malformed MAC (error) and unknown key (warning), each on its own pair',
    site: `=== etc/xen/v.cfg
name = "v"
vif = [ 'mac=00:16:3e:00:00:zz, brige=xenbr0' ]
`,
    expected: ['etc/xen/v.cfg:2:10-2:31 error xen/vif', 'etc/xen/v.cfg:2:33-2:38 warning xen/vif'],
  },
  {
    name: 'cmdline overrides root and extra',
    site: `=== etc/xen/c.cfg
name = "c"
root = "/dev/nfs"
extra = "quiet"
cmdline = "root=/dev/nfs nfsroot=10.0.0.1:/r ip=dhcp"
`,
    expected: [
      'etc/xen/c.cfg:2:1-2:5 warning xen/cmdline-overrides',
      'etc/xen/c.cfg:3:1-3:6 warning xen/cmdline-overrides',
    ],
  },
  {
    name: 'kernel command line rules point inside the string',
    site: `=== etc/xen/k.cfg
name = "k"
extra = "root=/dev/sda1 nfsroot=srv:/export/k ip=10.0.0.5:10.0.0.1:10.1.0.1:255.255.0.255::eth0:dhcpx"
`,
    expected: [
      'etc/xen/k.cfg:2:25-2:46 warning cmdline/nfsroot-without-nfs-root',
      'etc/xen/k.cfg:2:33-2:36 error cmdline/nfsroot-hostname',
      'etc/xen/k.cfg:2:77-2:90 error cmdline/ip',
      'etc/xen/k.cfg:2:97-2:102 error cmdline/ip',
    ],
  },
  {
    name: 'a gateway outside the subnet',
    site: `=== etc/xen/g.cfg
name = "g"
extra = "root=/dev/nfs nfsroot=10.0.0.1:/r ip=10.0.0.5:10.0.0.1:10.0.1.1:255.255.255.0::eth0:off"
`,
    expected: ['etc/xen/g.cfg:2:65-2:73 warning cmdline/gateway-off-subnet'],
  },
  {
    name: 'nfs-incomplete: root=/dev/nfs with no server and no autoconfiguration',
    site: `=== etc/xen/n.cfg
name = "n"
root = "/dev/nfs"
extra = "nfsroot=/export/n"
`,
    expected: ['etc/xen/n.cfg:2:1-2:5 error xen/nfs-incomplete'],
  },
  {
    name: 'ip=dhcp gives the kernel a way to learn the server',
    site: `=== etc/xen/d.cfg
name = "d"
root = "/dev/nfs"
extra = "nfsroot=/export/d ip=dhcp"
`,
    expected: [],
  },
  {
    name: 'ramdisk with an NFS root is information',
    site: `=== etc/xen/r.cfg
name = "r"
ramdisk = "/boot/initrd.img"
root = "/dev/nfs"
extra = "ip=dhcp"
`,
    expected: ['etc/xen/r.cfg:2:1-2:8 information xen/ramdisk-nfsroot'],
  },
  {
    name: 'duplicates across files: every occurrence is reported',
    site: `=== etc/xen/a.cfg
name = "twin"
vif = [ 'mac=00:16:3e:00:00:01' ]
=== etc/xen/b.cfg
name = "twin"
vif = [ 'mac=00:16:3E:00:00:01' ]
`,
    expected: [
      'etc/xen/a.cfg:1:8-1:14 error xen/duplicate-name',
      'etc/xen/a.cfg:2:10-2:31 error xen/duplicate-mac',
      'etc/xen/b.cfg:1:8-1:14 error xen/duplicate-name',
      'etc/xen/b.cfg:2:10-2:31 error xen/duplicate-mac',
    ],
  },
  {
    name: 'xm: ip with dhcp = "dhcp"; xm-only keys are fine under xm',
    site: `=== xen-nfs-boot.json
{ "toolstack": "xm" }
=== etc/xen/x
name = "x"
ip = "10.0.0.5"
dhcp = "dhcp"
nfs_server = "10.0.0.1"
nfs_root = "/export/x"
root = "/dev/nfs"
`,
    expected: ['etc/xen/x:2:1-2:3 warning xen/ip-and-dhcp'],
  },
  {
    name: 'xm: bad addresses and a non-contiguous netmask',
    site: `=== xen-nfs-boot.json
{ "toolstack": "xm" }
=== etc/xen/x
name = "x"
ip = "10.0.0.256"
netmask = "255.0.255.0"
`,
    expected: ['etc/xen/x:2:6-2:18 error xen/invalid-value', 'etc/xen/x:3:11-3:24 error xen/invalid-value'],
  },
  {
    name: 'xl rejects CRLF line endings and upper-case keys',
    site: `=== etc/xen/w.cfg
name = "w"\r\nMemory = 128\r\n`,
    expected: [
      'etc/xen/w.cfg:1:11-1:12 error xen/syntax',
      'etc/xen/w.cfg:2:1-2:7 error xen/syntax',
      'etc/xen/w.cfg:2:1-2:7 warning xen/unknown-option',
    ],
  },
  {
    name: "xl's string rules: a bad escape and += between a list and a string are errors; dotted keys lex",
    site: `=== etc/xen/e.cfg
name = "e\\q"
extra = "a"
extra += [ "b" ]
site.rack = "r2"
`,
    expected: [
      'etc/xen/e.cfg:1:10-1:12 error xen/syntax',
      'etc/xen/e.cfg:3:10-3:17 error xen/syntax',
      'etc/xen/e.cfg:4:1-4:10 warning xen/unknown-option',
    ],
  },
  {
    name: 'rule severities from the topology file, including off',
    site: `=== xen-nfs-boot.json
{ "rules": { "xen/unknown-option": "off", "xen/name-whitespace": "error" } }
=== etc/xen/s.cfg
name = " s"
colour = "red"
`,
    expected: ['etc/xen/s.cfg:1:8-1:12 error xen/name-whitespace'],
  },
];

describe('Xen rules on whole workspaces', () => {
  for (const c of CASES) {
    it(c.name, () => {
      assert.deepEqual(
        renderFindings(siteFromText(c.site)),
        [...c.expected].sort((a, b) => a.localeCompare(b, 'en', { numeric: true })),
      );
    });
  }
});

describe('files that cannot be analysed', () => {
  it('reports a binary file under /etc/xen once and analyses the others', () => {
    const ws = siteFromText(
      `=== etc/xen/image\nname = "a"\u0000\u0001\u0002\n=== etc/xen/ok.cfg\nname = " ok"\n`,
    );
    assert.deepEqual(renderFindings(ws), [
      'etc/xen/image:1:1-1:1 warning workspace/file-skipped',
      'etc/xen/ok.cfg:1:8-1:13 warning xen/name-whitespace',
    ]);
  });

  it('reports a file over the size limit without parsing it', () => {
    const ws = siteFromText('');
    ws.setSettings({ maxFileBytes: 1024 });
    ws.setFile('file:///site/etc/xen/big.cfg', 'etc/xen/big.cfg', `name = "x"\n${'#'.repeat(2048)}\n`, 1);
    assert.deepEqual(renderFindings(ws, true), [
      'etc/xen/big.cfg:1:1-1:1 warning workspace/file-skipped: the file is larger than 0 MiB and is not analysed',
    ]);
  });
});
