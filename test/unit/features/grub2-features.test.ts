import assert from 'node:assert/strict';
import {
  completeGrub2,
  grub2FoldingSpans,
  grub2Symbols,
  hoverGrub2,
} from '../../../server/src/features/grub2';
import type { Grub2File } from '../../../server/src/rules/grub2';
import { GRUB2_ANALYSER } from '../../../server/src/workspace/formats/grub2';
import { cursor } from '../helpers/site';

function analyse(text: string): Grub2File {
  return GRUB2_ANALYSER.analyse('file:///site/boot/grub/grub.cfg', text, {
    path: 'boot/grub/grub.cfg',
    toolstack: 'xl',
  }) as Grub2File;
}

function hoverAt(marked: string): string {
  const { text, offset } = cursor(marked);
  return hoverGrub2(analyse(text), offset)?.markdown ?? '';
}

function labelsAt(marked: string): string[] {
  const { text, offset } = cursor(marked);
  return completeGrub2(analyse(text), offset).map((c) => c.label);
}

const XEN_ENTRY = [
  "menuentry 'Xen over NFS' --class xen {",
  '\tmultiboot2 /xen.gz placeholder dom0_mem=1024M loglvl=all',
  '\tmodule2 /vmlinuz placeholder root=/dev/nfs nfsroot=192.168.2.1:/srv/dom0,vers=3 ip=10.0.0.2::10.0.0.1:255.255.255.0::eth0:off',
  '\tmodule2 --nounzip /initrd.img',
  '}',
  '',
].join('\n');

describe('hover in grub.cfg', () => {
  it('on an entry title: what the entry boots', () => {
    const md = hoverAt(XEN_ENTRY.replace('Xen over', 'Xen o<|>ver'));
    assert.match(md, /\*\*Menu entry\*\* `Xen over NFS`/);
    assert.match(md, /Xen hypervisor: `\/xen.gz` `dom0_mem=1024M loglvl=all`/);
    assert.match(md, /dom0 kernel: `\/vmlinuz`/);
    assert.match(md, /Initrd: `\/initrd.img`/);
    assert.match(md, /Kernel command line: `root=\/dev\/nfs nfsroot=192.168.2.1:\/srv\/dom0,vers=3 ip=/);
    assert.match(
      md,
      /NFS root: server 192.168.2.1 \(from nfsroot=\), path `\/srv\/dom0`; the initramfs mounts it/,
    );
  });

  it('on a command: its documentation, and on a loader the entry summary', () => {
    const md = hoverAt(XEN_ENTRY.replace('\tmodule2 /vmlinuz', '\tmod<|>ule2 /vmlinuz'));
    assert.match(md, /\*\*module2\*\* \(GRUB 2 command\)/);
    assert.match(md, /Menu entry/);
    assert.match(hoverAt('ins<|>mod gzio\n'), /\*\*insmod\*\* \(GRUB 2 command\)/);
  });

  it('on a kernel parameter of the dom0 command line, and on an ip= field', () => {
    assert.match(
      hoverAt(XEN_ENTRY.replace('nfsroot=', 'nfs<|>root=')),
      /\*\*nfsroot= \(kernel parameter\)\*\*/,
    );
    assert.match(hoverAt(XEN_ENTRY.replace(':eth0:off', ':eth0:o<|>ff')), /ip= field 7: autoconf/);
  });

  it('on a Xen hypervisor option', () => {
    assert.match(
      hoverAt(XEN_ENTRY.replace('dom0_mem', 'dom0<|>_mem')),
      /\*\*dom0_mem \(Xen hypervisor option\)\*\*/,
    );
  });

  it('on a function defined in the file', () => {
    assert.match(
      hoverAt('function load_video { insmod all_video; }\nload_<|>video\n'),
      /a function defined in this file/,
    );
  });
});

describe('completion in grub.cfg', () => {
  it('commands where a command starts, boot commands first, functions of the file too', () => {
    const labels = labelsAt('function load_video { insmod all_video; }\nmenuentry x {\n\tmu<|>\n}\n');
    assert.ok(labels.includes('multiboot2') && labels.includes('module2') && labels.includes('load_video'));
  });

  it('kernel parameters after the kernel path, Xen options after the hypervisor path', () => {
    assert.ok(labelsAt('\tmodule2 /vmlinuz root=/dev/nfs nfs<|>').includes('nfsroot'));
    assert.ok(labelsAt('\tlinux /vmlinuz <|>').includes('ip'));
    assert.ok(labelsAt('\tmultiboot2 /xen.gz dom0<|>').includes('dom0_mem'));
    assert.deepEqual(labelsAt("\techo 'x' <|>"), []);
  });
});

describe('symbols and folding in grub.cfg', () => {
  it('submenus hold their entries; Xen entries say what dom0 kernel they boot', () => {
    const file = analyse(`function f { echo; }\nsubmenu 'Advanced' {\n${XEN_ENTRY}}\n`);
    const symbols = grub2Symbols(file);
    assert.deepEqual(
      symbols.map((s) => [s.name, s.detail, s.children.map((c) => `${c.name}: ${c.detail}`)]),
      [
        ['f', 'function', []],
        ['Advanced', 'submenu', ['Xen over NFS: Xen: /vmlinuz']],
      ],
    );
  });

  it('folds blocks and comment runs', () => {
    const file = analyse(`# a\n# b\n${XEN_ENTRY}`);
    const folds = grub2FoldingSpans(file);
    assert.equal(folds.filter((f) => f.comment).length, 1);
    assert.equal(folds.filter((f) => !f.comment).length, 1);
  });
});
