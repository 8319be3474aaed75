import assert from 'node:assert/strict';
import { completeGrub } from '../../../server/src/features/grub/completion';
import { configfileTarget } from '../../../server/src/features/grub/definition';
import { GRUB_FEATURES } from '../../../server/src/features/grub';
import { hoverGrub } from '../../../server/src/features/grub/hover';
import { grubFoldingSpans, grubSymbols } from '../../../server/src/features/grub/symbols';
import { analyseGrub, grubSite } from '../helpers/grub-site';
import { applyEdits, cursor } from '../helpers/site';

const XEN_MENU = `default 0
timeout 5
# xenhopt=dom0_mem=512M
title Xen / Linux (NFS root)
  root (nd)
  kernel /xen.gz dom0_mem=512M loglvl=all
  module /vmlinuz root=/dev/nfs nfsroot=192.168.0.5:/srv/dom0 \\
    ip=192.168.0.20:192.168.0.5:192.168.0.1:255.255.255.0:dom0:eth0:off
  module /initrd.img
`;

function hoverAt(marked: string): string {
  const { text, offset } = cursor(marked);
  return hoverGrub(analyseGrub(text), offset)?.markdown ?? '';
}

function labels(marked: string): string[] {
  const { text, offset } = cursor(marked);
  return completeGrub(analyseGrub(text), offset).map((c) => c.label);
}

/** Applies the fix titled `title` of the first `ruleId` finding and returns the new text. */
function applyFix(text: string, ruleId: string, title: string): string {
  const finding = grubSite(`=== boot/grub/menu.lst\n${text}`).findings.find((f) => f.ruleId === ruleId);
  assert.ok(finding, `no ${ruleId} finding`);
  const fix = finding.fixes?.find((f) => f.title === title);
  assert.ok(fix, `no quick fix '${title}'`);
  return applyEdits(text, fix.edits);
}

describe('GRUB legacy features', () => {
  describe('hover', () => {
    it('documents a command from the table', () => {
      const md = hoverAt('title X\n  ker<|>nel /vmlinuz\n');
      assert.match(md, /^\*\*kernel\*\* \(GRUB legacy\)/);
      assert.match(md, /`kernel \[--type=TYPE\] \[--no-mem-option\] FILE \[ARG \.\.\.\]`/);
      assert.match(md, /only inside an entry/);
      assert.match(md, /Source: GRUB legacy manual; stage2\/builtins\.c/);
    });

    it('says an unknown command is skipped', () => {
      assert.equal(
        hoverAt('title X\n  ker<|>nal /vmlinuz\n'),
        '**kernal**: not a GRUB legacy command (GRUB skips it)',
      );
    });

    it("shows the entry's boot summary on its title", () => {
      const md = hoverAt(XEN_MENU.replace('title Xen', 'title X<|>en'));
      assert.equal(
        md,
        [
          '**Xen / Linux (NFS root)** (GRUB legacy, entry 0)',
          'Hypervisor: `/xen.gz` `dom0_mem=512M loglvl=all`',
          'Kernel: `/vmlinuz`',
          'Initrd: `/initrd.img`',
          'Linux command line: `root=/dev/nfs nfsroot=192.168.0.5:/srv/dom0 ip=192.168.0.20:192.168.0.5:192.168.0.1:255.255.255.0:dom0:eth0:off`',
          'NFS root: path `/srv/dom0`, server 192.168.0.5 (from nfsroot=); the initramfs, not the kernel, mounts it',
        ].join('\n\n'),
      );
      assert.match(
        hoverAt(XEN_MENU.replace('title Xen', 'ti<|>tle Xen')),
        /\*\*title\*\* \(GRUB legacy\)[\s\S]*---[\s\S]*Hypervisor:/,
      );
    });

    it("documents Xen's own options on the kernel /xen.gz line", () => {
      const md = hoverAt(XEN_MENU.replace('dom0_mem=512M loglvl', 'dom0_<|>mem=512M loglvl'));
      assert.match(md, /^\*\*dom0_mem \(Xen hypervisor option\)\*\*\n\nMemory for dom0/);
      assert.match(
        hoverAt(XEN_MENU.replace('loglvl=all', 'log<|>lvl=all')),
        /^\*\*loglvl \(Xen hypervisor option\)\*\*/,
      );
    });

    it('documents kernel parameters and ip= fields on the dom0 module line, across the continuation', () => {
      assert.match(
        hoverAt(XEN_MENU.replace('nfsroot=192', 'nfs<|>root=192')),
        /^\*\*nfsroot= \(kernel parameter\)\*\*/,
      );
      const md = hoverAt(XEN_MENU.replace(':255.255.255.0:dom0', ':255.255.255.0:do<|>m0'));
      assert.match(md, /^\*\*ip= field 5: hostname\*\*/);
      assert.match(md, /---\n\n\*\*ip= \(kernel parameter\)\*\*/);
    });

    it('documents kernel parameters on a plain Linux kernel line', () => {
      assert.match(
        hoverAt('title L\n  kernel /boot/vmlinuz ro ro<|>ot=/dev/nfs\n'),
        /^\*\*root= \(kernel parameter\)\*\*/,
      );
    });

    it('documents the Debian update-grub magic comments', () => {
      const md = hoverAt(XEN_MENU.replace('# xenhopt', '# xen<|>hopt'));
      assert.match(md, /^\*\*xenhopt\*\* \(Debian update-grub setting\)\n\nThe Xen hypervisor command line/);
      assert.match(
        hoverAt('# kopt_2_6_<|>18=root=/dev/sda1 ro\n'),
        /^\*\*kopt_2_6_18\*\* \(Debian update-grub setting\)/,
      );
    });
  });

  describe('completion', () => {
    it('offers menu commands before the first title and entry commands after it', () => {
      const menu = labels('<|>\ntitle X\n  kernel /vmlinuz\n');
      assert.ok(menu.includes('default') && menu.includes('timeout') && menu.includes('title'));
      assert.ok(!menu.includes('kernel'));
      const entry = labels('title X\n  k<|>\n');
      assert.ok(entry.includes('kernel') && entry.includes('module') && entry.includes('configfile'));
      assert.ok(!entry.includes('default') && !entry.includes('tftpserver'));
    });

    it("offers Xen's options after kernel /xen.gz and kernel parameters on the module line", () => {
      const xen = labels('title X\n  kernel /xen.gz dom<|>\n  module /vmlinuz\n');
      assert.ok(xen.includes('dom0_mem') && xen.includes('com1') && xen.includes('loglvl'));
      assert.ok(!xen.includes('nfsroot'));
      const linux = labels('title X\n  kernel /xen.gz\n  module /vmlinuz root=/dev/nfs <|>\n');
      assert.ok(linux.includes('nfsroot') && linux.includes('ip') && !linux.includes('dom0_mem'));
      assert.deepEqual(labels('title X\n  kernel /boot/vmlinuz ip=d<|>\n').slice(0, 3), [
        'off',
        'none',
        'on',
      ]);
    });

    it('offers nothing on the file name and entry numbers after default', () => {
      assert.deepEqual(labels('title X\n  kernel /xen<|>\n'), []);
      assert.deepEqual(labels('default <|>\ntitle A\n  kernel /a\ntitle\ntitle B\n  kernel /b\n'), [
        '0',
        '1',
      ]);
    });
  });

  describe('quick fixes', () => {
    it('renames an unknown command to the nearest one', () => {
      assert.equal(
        applyFix('title X\n  kernal /boot/xen.gz\n', 'grub/unknown-command', "Change to 'kernel'"),
        'title X\n  kernel /boot/xen.gz\n',
      );
      assert.equal(
        applyFix('title X\n  linux /boot/vmlinuz ro\n', 'grub/unknown-command', "Change to 'kernel'"),
        'title X\n  kernel /boot/vmlinuz ro\n',
      );
    });

    it('replaces tftpserver with ifconfig --server=', () => {
      assert.equal(
        applyFix(
          'title X\n  dhcp\n  tftpserver 192.168.0.5\n',
          'grub/deprecated-command',
          "Replace with 'ifconfig --server=192.168.0.5'",
        ),
        'title X\n  dhcp\n  ifconfig --server=192.168.0.5\n',
      );
    });

    it('turns an initrd after the Xen hypervisor into a module', () => {
      assert.equal(
        applyFix(
          'title X\n  kernel /xen.gz\n  module /vmlinuz\n  initrd /initrd.img\n',
          'grub/module-before-kernel',
          "Change to 'module'",
        ),
        'title X\n  kernel /xen.gz\n  module /vmlinuz\n  module /initrd.img\n',
      );
    });
  });

  describe('symbols, folding and navigation', () => {
    it('outlines menu commands and entries with their commands', () => {
      const symbols = grubSymbols(analyseGrub(XEN_MENU));
      assert.deepEqual(
        symbols.map((s) => `${s.name} (${s.detail}): ${s.children.map((c) => c.name).join(' ')}`),
        ['default (0): ', 'timeout (5): ', 'Xen / Linux (NFS root) (entry 0): root kernel module module'],
      );
    });

    it('folds entries, continued lines and comment runs', () => {
      const text = `# a\n# b\n${XEN_MENU}`;
      const spans = grubFoldingSpans(analyseGrub(text)).map(
        (f) => `${f.comment ? 'comment ' : ''}${text.slice(f.span.start, f.span.end).split('\n')[0]}`,
      );
      assert.deepEqual(spans, [
        'comment # a',
        'title Xen / Linux (NFS root)',
        'module /vmlinuz root=/dev/nfs nfsroot=192.168.0.5:/srv/dom0 \\',
      ]);
    });

    it('names the file of a configfile (without its device) for go-to-definition', () => {
      const { text, offset } = cursor('title X\n  configfile (nd)/grub/post<|>01.conf\n');
      assert.equal(configfileTarget(analyseGrub(text), offset), '/grub/post01.conf');
      const p = cursor('password secret /boot/grub/<|>admin.lst\ntitle X\n  kernel /a\n');
      assert.equal(configfileTarget(analyseGrub(p.text), p.offset), '/boot/grub/admin.lst');
      assert.equal(configfileTarget(analyseGrub(text), 3), undefined);
    });

    it('GRUB_FEATURES answers only for GRUB files', () => {
      const file = analyseGrub(XEN_MENU);
      assert.ok(GRUB_FEATURES.hover(file, XEN_MENU.indexOf('kernel') + 1));
      assert.equal(GRUB_FEATURES.hover({ uri: 'x', text: '', format: 'xen-config' }, 0), undefined);
      assert.deepEqual(GRUB_FEATURES.symbols({ uri: 'x', text: '', format: 'nfs-exports' }), []);
    });
  });
});
