import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DHCP_RULES } from '../../../server/src/rules/dhcp/catalogue';
import { dhcpFilesFromText, renderDhcpFindings } from '../helpers/dhcp-site';

/** One row: dhcpd.conf files and every diagnostic expected in them (no more, no less). */
interface Case {
  readonly name: string;
  readonly site: string;
  readonly expected: readonly string[];
}

const CASES: readonly Case[] = [
  {
    name: "the seed's dhcpd.conf (PXE option space, pxeclients class, option-150, host post01) is clean",
    site: `=== etc/dhcp/dhcpd.conf
option space PXE;
option PXE.mtftp-ip code 1 = ip-address;
class "pxeclients" {
  match if substring (option vendor-class-identifier, 0, 9) = "PXEClient";
  option vendor-class-identifier "PXEClient";
  vendor-option-space PXE;
  option PXE.mtftp-ip 0.0.0.0;
}
option option-150 code 150 = text;
host post01 {
  next-server 192.168.0.100;
  hardware ethernet 00:11:2f:a8:b4:d4;
  fixed-address 192.168.0.101;
  filename "pxegrub";
  option option-150 "/grub/post01.conf";
}
`,
    expected: [],
  },
  {
    name: 'syntax: a missing semicolon (named at the next token), a misspelt keyword, a stray brace; the rest is still read',
    site: `=== dhcpd.conf
subnet 10.0.0.0 netmask 255.255.255.0 {
  range 10.0.0.10 10.0.0.20
  option routers 10.0.0.1;
}
hots a { }
}
default-lease-time 600;
`,
    expected: [
      'dhcpd.conf:3:3-3:9 error dhcp/syntax',
      'dhcpd.conf:5:1-5:5 error dhcp/syntax',
      'dhcpd.conf:6:1-6:2 error dhcp/syntax',
    ],
  },
  {
    name: 'undeclared options, bad octets and netmasks, bad and odd MACs',
    site: `=== dhcpd.conf
option option-150 "/grub/a.conf";
option rooters 10.0.0.1;
subnet 10.0.0.0 netmask 255.0.255.0 { }
subnet 10.1.0.5 netmask 255.255.0.0 { }
host a { hardware ethernet 00:11:22:33:44:zz; fixed-address 10.0.0.300; }
host b { hardware ethernet 00:11:22:33:44:55:66; }
`,
    expected: [
      'dhcpd.conf:1:8-1:18 error dhcp/undeclared-option',
      'dhcpd.conf:2:8-2:15 error dhcp/undeclared-option',
      'dhcpd.conf:3:25-3:36 warning dhcp/invalid-address',
      'dhcpd.conf:4:8-4:36 error dhcp/invalid-address',
      'dhcpd.conf:5:28-5:45 error dhcp/invalid-mac',
      'dhcpd.conf:5:61-5:71 error dhcp/invalid-address',
      'dhcpd.conf:6:28-6:48 warning dhcp/invalid-mac',
    ],
  },
  {
    name: 'hosts: duplicate name (error), MAC and fixed address (warnings), in a range, outside every subnet',
    site: `=== dhcpd.conf
next-server 10.0.0.1;
subnet 10.0.0.0 netmask 255.255.255.0 {
  range 10.0.0.100 10.0.0.200;
}
host a { hardware ethernet 00:16:3e:00:00:01; fixed-address 10.0.0.150; }
host a { hardware ethernet 00:16:3e:00:00:01; fixed-address 10.0.0.150; }
host c { fixed-address 192.168.9.9; }
`,
    expected: [
      'dhcpd.conf:5:6-5:7 error dhcp/duplicate-host',
      'dhcpd.conf:5:28-5:45 warning dhcp/duplicate-mac',
      'dhcpd.conf:5:61-5:71 warning dhcp/duplicate-fixed-address',
      'dhcpd.conf:5:61-5:71 warning dhcp/fixed-address-in-range',
      'dhcpd.conf:6:6-6:7 error dhcp/duplicate-host',
      'dhcpd.conf:6:28-6:45 warning dhcp/duplicate-mac',
      'dhcpd.conf:6:61-6:71 warning dhcp/duplicate-fixed-address',
      'dhcpd.conf:6:61-6:71 warning dhcp/fixed-address-in-range',
      'dhcpd.conf:7:24-7:35 warning dhcp/fixed-address-outside-subnet',
    ],
  },
  {
    name: 'a range outside its subnet, and a boot filename with no next-server in scope',
    site: `=== dhcpd.conf
subnet 10.0.0.0 netmask 255.255.255.0 {
  range 10.0.1.10 10.0.1.20;
}
group {
  filename "pxelinux.0";
  host a { hardware ethernet 00:16:3e:00:00:01; fixed-address 10.0.0.5; }
}
`,
    expected: [
      'dhcpd.conf:2:9-2:28 error dhcp/range-outside-subnet',
      'dhcpd.conf:5:3-5:25 warning dhcp/no-next-server',
    ],
  },
  {
    name: 'included files: duplicates across them, a missing include, and a lone word dhcpd ignores',
    site: `=== etc/dhcp/dhcpd.conf
include "/etc/dhcp/hosts.conf";
include "/etc/dhcp/missing.conf";
authoritativ;
host a { hardware ethernet 00:16:3e:00:00:01; }
=== etc/dhcp/hosts.conf
host a { hardware ethernet 00:16:3e:00:00:02; }
`,
    expected: [
      'etc/dhcp/dhcpd.conf:2:9-2:33 warning dhcp/include-not-found',
      'etc/dhcp/dhcpd.conf:3:1-3:13 warning dhcp/unknown-statement',
      'etc/dhcp/dhcpd.conf:4:6-4:7 error dhcp/duplicate-host',
      'etc/dhcp/hosts.conf:1:6-1:7 error dhcp/duplicate-host',
    ],
  },
  {
    name: 'two DHCP servers in one workspace are not compared with each other',
    site: `=== a/etc/dhcp/dhcpd.conf
host a { hardware ethernet 00:16:3e:00:00:01; }
=== b/etc/dhcp/dhcpd.conf
host a { hardware ethernet 00:16:3e:00:00:01; }
`,
    expected: [],
  },
];

describe('dhcpd.conf rules', () => {
  for (const c of CASES) {
    it(c.name, () => {
      assert.deepEqual(
        renderDhcpFindings(dhcpFilesFromText(c.site)),
        [...c.expected].sort((a, b) => a.localeCompare(b, 'en', { numeric: true })),
      );
    });
  }
});

describe('dhcpd.conf rule catalogue', () => {
  const docs = path.join(__dirname, '../../../../docs/rules');
  it('has unique dhcp/ IDs, each with its documentation page and index row', () => {
    const ids = DHCP_RULES.map((r) => r.id);
    assert.equal(new Set(ids).size, ids.length);
    const rows = fs.readFileSync(path.join(docs, 'README.md'), 'utf8');
    for (const r of DHCP_RULES) {
      assert.match(r.id, /^dhcp\/[a-z0-9-]+$/);
      const page = fs.readFileSync(path.join(docs, `${r.id}.md`), 'utf8');
      assert.match(page, new RegExp(`^# ${r.id}\\n`));
      assert.match(page, new RegExp(`Default severity: \\*\\*${r.severity}\\*\\*`));
      for (const s of ['What it finds', 'Why it matters', 'Example', 'How to fix', 'Configuration'])
        assert.match(page, new RegExp(`## ${s}`));
      assert.ok(rows.includes(`(${r.id}.md)`), r.id);
    }
  });
});
