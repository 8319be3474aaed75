import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { GRUB_RULES } from '../../../server/src/rules/grub/catalogue';
import type { GrubPathReference } from '../../../server/src/rules/grub/missing-file';
import { applyEdits } from '../helpers/site';
import { grubSite, renderGrubFindings } from '../helpers/grub-site';

/** One row: a whole site of menus and every diagnostic expected in it (no more, no less). */
interface Case {
  readonly name: string;
  readonly site: string;
  readonly expected: readonly string[];
}

const FIXTURES = path.join(__dirname, '../../../../test/fixtures/grub');
const fixture = (name: string): string => fs.readFileSync(path.join(FIXTURES, name), 'utf8');

const CASES: readonly Case[] = [
  {
    name: 'a clean Xen-over-NFS entry has no findings',
    site: `=== tftpboot/grub/dom0.conf
default 0
timeout 5
title Xen / Linux (NFS root)
  root (nd)
  kernel /xen.gz dom0_mem=512M loglvl=all
  module /vmlinuz root=/dev/nfs nfsroot=192.168.0.5:/srv/dom0 ip=dhcp
`,
    expected: [],
  },
  {
    name: 'seed 001, first menu: plain-text passwords and the deprecated tftpserver',
    site: `=== tftpboot/grub/menu.lst\n${fixture('seed-001-infolab.conf')}`,
    expected: [
      'tftpboot/grub/menu.lst:3:10-3:15 warning grub/plaintext-password',
      'tftpboot/grub/menu.lst:10:18-10:23 warning grub/plaintext-password',
      'tftpboot/grub/menu.lst:12:9-12:19 information grub/deprecated-command',
    ],
  },
  {
    name: 'seed 001, virtdom menu: the continued module line is one clean NFS command line',
    site: `=== tftpboot/grub/post01.conf\n${fixture('seed-001-post01.conf')}`,
    expected: [],
  },
  {
    name: 'cmdline rules inside a continued module line point at the characters in the file',
    site: `=== boot/grub/menu.lst
title NFS dom0
  root (nd)
  kernel /xen.gz dom0_mem=512M
  module /vmlinuz root=/dev/nfs \\
     nfsroot=nfs-server:/export/dom0 ip=10.0.0.5:10.0.0.1:10.1.0.1:255.255.255.0::eth0:bogus
title Plain Linux
  kernel /boot/vmlinuz ro nfsroot=10.0.0.1:/export/pc
`,
    expected: [
      'boot/grub/menu.lst:5:14-5:24 error cmdline/nfsroot-hostname',
      'boot/grub/menu.lst:5:59-5:67 warning cmdline/gateway-off-subnet',
      'boot/grub/menu.lst:5:88-5:93 error cmdline/ip',
      'boot/grub/menu.lst:7:27-7:54 warning cmdline/nfsroot-without-nfs-root',
    ],
  },
  {
    name: 'unknown commands (a misspelt kernel, GRUB 2 words) and what follows from them',
    site: `=== boot/grub/menu.lst
title Xen
  kernal /boot/xen.gz
  module /boot/vmlinuz root=/dev/sda1
  Initrd /boot/initrd.img
  linux /boot/vmlinuz
`,
    expected: [
      'boot/grub/menu.lst:2:3-2:9 error grub/unknown-command',
      'boot/grub/menu.lst:3:3-3:9 error grub/module-before-kernel',
      'boot/grub/menu.lst:4:3-4:9 error grub/unknown-command',
      'boot/grub/menu.lst:5:3-5:8 error grub/unknown-command',
    ],
  },
  {
    name: 'default out of range: the fallback entry boots instead; a fallback out of range is dropped',
    site: `=== a/menu.lst
default 2
fallback 1 5
title A
  kernel /vmlinuz
title B
  kernel /vmlinuz
=== b/menu.lst
default=0x7
title Only
  chainloader +1
`,
    expected: [
      'a/menu.lst:1:9-1:10 warning grub/default-out-of-range',
      'a/menu.lst:2:12-2:13 warning grub/default-out-of-range',
      'b/menu.lst:1:9-1:12 warning grub/default-out-of-range',
    ],
  },
  {
    name: 'an empty title is left out: default counts without it',
    site: `=== boot/grub/menu.lst
default 2
title Old entry, commented out
# kernel /vmlinuz-old
title New
  kernel /vmlinuz
title Rescue
  kernel /vmlinuz single
`,
    expected: [
      'boot/grub/menu.lst:1:9-1:10 warning grub/default-out-of-range',
      'boot/grub/menu.lst:2:1-2:31 warning grub/empty-entry',
    ],
  },
  {
    name: 'entry commands before the first title are skipped; menu commands inside an entry fail it',
    site: `=== boot/grub/menu.lst
root (hd0,0)
kernel /vmlinuz root=/dev/sda1
title Linux
  timeout 5
  hiddenmenu
  kernel /vmlinuz root=/dev/sda1
`,
    expected: [
      'boot/grub/menu.lst:1:1-1:5 warning grub/command-outside-entry',
      'boot/grub/menu.lst:2:1-2:7 warning grub/command-outside-entry',
      'boot/grub/menu.lst:4:3-4:10 error grub/menu-command-in-entry',
      'boot/grub/menu.lst:5:3-5:13 error grub/menu-command-in-entry',
    ],
  },
  {
    name: 'module and initrd need a kernel of the right kind',
    site: `=== boot/grub/menu.lst
title Xen with initrd
  kernel /boot/xen-4.0-amd64.gz
  module /boot/vmlinuz-2.6.32-5-xen-amd64 root=/dev/sda1
  initrd /boot/initrd.img-2.6.32-5-xen-amd64
title Windows
  chainloader +1
  module /boot/x.mod
title Linux with module as initrd
  kernel /boot/vmlinuz
  module /boot/initrd.img
title Unknown kernel
  kernel /boot/mykernel
  initrd /boot/initrd.img
`,
    expected: [
      'boot/grub/menu.lst:4:3-4:9 error grub/module-before-kernel',
      'boot/grub/menu.lst:7:3-7:9 error grub/module-before-kernel',
    ],
  },
  {
    name: 'syntax: bad numbers, devices, file names, kernel types',
    site: `=== boot/grub/menu.lst
default first
timeout
title Bad
  root hd0,0
  kernel --type=xen boot/vmlinuz
  map (hd0) (hd9,300)
  tftpserver server.example.com
`,
    expected: [
      'boot/grub/menu.lst:1:9-1:14 error grub/syntax',
      'boot/grub/menu.lst:2:1-2:8 error grub/syntax',
      'boot/grub/menu.lst:4:8-4:13 error grub/syntax',
      'boot/grub/menu.lst:5:10-5:20 error grub/syntax',
      'boot/grub/menu.lst:5:21-5:33 error grub/syntax',
      'boot/grub/menu.lst:6:13-6:22 error grub/syntax',
      'boot/grub/menu.lst:7:3-7:13 information grub/deprecated-command',
      'boot/grub/menu.lst:7:14-7:32 error grub/syntax',
    ],
  },
  {
    name: 'a menu with CRLF line ends, NUL bytes and an over-long line',
    site: `=== boot/grub/menu.lst\n${fixture('broken-crlf-nul.menu.lst')}`,
    expected: [
      'boot/grub/menu.lst:1:9-1:10 warning grub/default-out-of-range',
      'boot/grub/menu.lst:3:12-3:13 warning grub/default-out-of-range',
      'boot/grub/menu.lst:6:8-6:15 error grub/syntax',
      'boot/grub/menu.lst:7:3-7:9 error grub/unknown-command',
      'boot/grub/menu.lst:8:3-8:9 error grub/module-before-kernel',
      'boot/grub/menu.lst:9:3-9:9 error grub/module-before-kernel',
      'boot/grub/menu.lst:10:1-10:6 warning grub/empty-entry',
      'boot/grub/menu.lst:13:3-13:9 error grub/module-before-kernel',
      'boot/grub/menu.lst:14:10-14:22 error grub/syntax',
      'boot/grub/menu.lst:14:23-14:30 error grub/syntax',
      'boot/grub/menu.lst:15:3-15:10 error grub/menu-command-in-entry',
      'boot/grub/menu.lst:16:3-16:8 error grub/unknown-command',
      'boot/grub/menu.lst:18:23-18:25 error grub/syntax',
      'boot/grub/menu.lst:19:9-19:18 error grub/syntax',
      'boot/grub/menu.lst:20:12-20:32 error grub/syntax',
      'boot/grub/menu.lst:20:33-20:45 error grub/syntax',
    ],
  },
];

describe('GRUB legacy rules', () => {
  for (const c of CASES) {
    it(c.name, () => assert.deepEqual(renderGrubFindings(grubSite(c.site)), c.expected));
  }

  for (const name of ['grub-0.97-example.menu.lst', 'debian-etch-xen.menu.lst', 'rhel5-xen.grub.conf']) {
    it(`real menu ${name}: no findings at all`, () => {
      assert.deepEqual(renderGrubFindings(grubSite(`=== boot/grub/menu.lst\n${fixture(name)}`), true), []);
    });
  }

  it('an over-long line is cut at 1500 characters (leading spaces do not count)', () => {
    const site = grubSite(`=== menu.lst\ntitle Long\n  kernel /vmlinuz ${'quiet '.repeat(300)}\n`);
    assert.deepEqual(renderGrubFindings(site), ['menu.lst:2:1503-2:1819 error grub/syntax']);
  });

  it('messages say what GRUB does', () => {
    const site = grubSite(
      `=== m.lst\ndefault 4\nfallback 1\ntitle A\n  kernal /vmlinuz\n  initrd /initrd\ntitle B\n  kernel /vmlinuz\n`,
    );
    const messages = site.findings.map((f) => f.message);
    assert.ok(
      messages.includes(
        `'kernal' is not a GRUB legacy command: GRUB skips this line without a word; did you mean 'kernel'?`,
      ),
    );
    assert.ok(
      messages.includes(
        "default 4 does not exist (the menu has 2 entries, numbered from 0 to 1): GRUB boots the fallback entry 1 ('B') instead",
      ),
    );
    assert.ok(messages.some((m) => m.includes('Error 19: Linux kernel must be loaded before initrd')));
  });

  it('grub/missing-file asks the site for each path, with the device it is read from', () => {
    const asked: GrubPathReference[] = [];
    const present = new Set(['nd:/hypervisors/xen-3.1.gz', 'nd:/grub/post01.conf']);
    const exists = (p: string, ref: GrubPathReference): boolean => {
      asked.push(ref);
      return present.has(`${ref.device}:${p}`);
    };
    const site = grubSite(
      `=== tftpboot/grub/post01.conf\n${fixture('seed-001-post01.conf')}=== tftpboot/grub/menu.lst\n${fixture('seed-001-infolab.conf')}`,
      exists,
    );
    const missing = renderGrubFindings(site, true).filter((l) => l.includes('grub/missing-file'));
    assert.deepEqual(missing, [
      `tftpboot/grub/menu.lst:7:16-7:37 warning grub/missing-file: '/kernel/ltsp-2.6.17.8' (kernel) does not exist on the TFTP server as the site maps it: GRUB stops with "Error 15: File not found"`,
      `tftpboot/grub/menu.lst:8:16-8:40 warning grub/missing-file: '/initrd/ltsp-2.6.17.8.gz' (initrd) does not exist on the TFTP server as the site maps it: GRUB stops with "Error 15: File not found"`,
      `tftpboot/grub/post01.conf:9:16-9:54 warning grub/missing-file: '/kernels/kernel-2.6.20-xen-r6-pIV-rltk' (module) does not exist on the TFTP server as the site maps it: GRUB stops with "Error 15: File not found"`,
    ]);
    assert.deepEqual(asked.map((r) => `${r.command} ${r.device} ${r.path}`).sort(), [
      'configfile nd /grub/post01.conf',
      'initrd nd /initrd/ltsp-2.6.17.8.gz',
      'kernel nd /hypervisors/xen-3.1.gz',
      'kernel nd /kernel/ltsp-2.6.17.8',
      'module nd /kernels/kernel-2.6.20-xen-r6-pIV-rltk',
    ]);
  });

  it('the unknown-command fix renames to the nearest command', () => {
    const text = 'title X\n  kernal /boot/xen.gz\n  module /vmlinuz\n';
    const f = grubSite(`=== m.lst\n${text}`).findings.find((x) => x.ruleId === 'grub/unknown-command');
    assert.equal(
      applyEdits(text, f?.fixes?.[0]?.edits ?? []),
      'title X\n  kernel /boot/xen.gz\n  module /vmlinuz\n',
    );
  });

  for (const rule of GRUB_RULES) {
    it(`${rule.id} has a documentation page with its default severity and an index row`, () => {
      const docs = path.join(__dirname, '../../../../docs/rules');
      const page = fs.readFileSync(path.join(docs, `${rule.id}.md`), 'utf8');
      assert.match(page, new RegExp(`^# ${rule.id}\\n`));
      assert.match(page, new RegExp(`Default severity: \\*\\*${rule.severity}\\*\\*`));
      for (const section of ['What it finds', 'Why it matters', 'Example', 'How to fix', 'Configuration']) {
        assert.match(page, new RegExp(`## ${section}`), `${rule.id}: no section ${section}`);
      }
      assert.ok(fs.readFileSync(path.join(docs, 'README.md'), 'utf8').includes(`(${rule.id}.md)`));
    });
  }

  it('the catalogue lists every rule these checks report, once', () => {
    const ids = GRUB_RULES.map((r) => r.id);
    assert.equal(new Set(ids).size, ids.length);
    for (const c of CASES)
      for (const line of c.expected) {
        const id = line.split(' ')[2];
        if (id.startsWith('grub/')) assert.ok(ids.includes(id), id);
      }
  });
});
