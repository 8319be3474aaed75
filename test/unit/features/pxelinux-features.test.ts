import assert from 'node:assert/strict';
import {
  completePxelinux,
  hoverPxelinux,
  pxelinuxFoldingSpans,
  pxelinuxSymbols,
} from '../../../server/src/features/pxelinux';
import type { PxelinuxFile } from '../../../server/src/rules/pxelinux';
import { PXELINUX_ANALYSER } from '../../../server/src/workspace/formats/pxelinux';
import { cursor } from '../helpers/site';

function analyse(text: string, name = '01-00-16-3e-2a-01-02'): PxelinuxFile {
  const p = `tftp/pxelinux.cfg/${name}`;
  return PXELINUX_ANALYSER.analyse(`file:///site/${p}`, text, { path: p, toolstack: 'xl' }) as PxelinuxFile;
}

function hoverAt(marked: string, name?: string): string {
  const { text, offset } = cursor(marked);
  return hoverPxelinux(analyse(text, name), offset)?.markdown ?? '';
}

function labelsAt(marked: string): string[] {
  const { text, offset } = cursor(marked);
  return completePxelinux(analyse(text), offset).map((c) => c.label);
}

const FILE = [
  '# post01',
  'DEFAULT xen-nfs',
  'LABEL xen-nfs',
  '  MENU LABEL Xen over ^NFS',
  '  KERNEL mboot.c32',
  '  APPEND xen.gz dom0_mem=1024M --- vmlinuz root=/dev/nfs nfsroot=192.168.2.1:/srv/post01 ip=dhcp --- initrd.img',
  '  IPAPPEND 1',
  '',
].join('\n');

describe('hover in PXELINUX files', () => {
  it('on the first line: which machine reads the file', () => {
    assert.match(
      hoverAt(`# po<|>st01\n${FILE.slice(9)}`),
      /read by the machine with MAC address 00:16:3e:2a:01:02/,
    );
    assert.match(hoverAt('# <|>lab\nDEFAULT x\n', 'C0A802'), /192\.168\.2\.0 to 192\.168\.2\.255/);
  });

  it('on a label name: what it boots, and for which machine', () => {
    const md = hoverAt(FILE.replace('LABEL xen-nfs', 'LABEL xen<|>-nfs'));
    assert.match(md, /\*\*Label\*\* `xen-nfs`/);
    assert.match(md, /Xen hypervisor: `xen.gz` `dom0_mem=1024M`/);
    assert.match(md, /dom0 kernel: `vmlinuz`/);
    assert.match(md, /Initrd: `initrd.img`/);
    assert.match(md, /NFS root: server 192.168.2.1 \(from nfsroot=\), path `\/srv\/post01`/);
    assert.match(md, /IPAPPEND 1/);
    assert.match(md, /MAC address 00:16:3e:2a:01:02/);
  });

  it('on keywords and MENU sub-keywords', () => {
    assert.match(hoverAt(FILE.replace('KERNEL', 'KER<|>NEL')), /\*\*KERNEL\*\* \(PXELINUX\)/);
    assert.match(hoverAt(FILE.replace('MENU LABEL', 'MENU LA<|>BEL')), /\*\*MENU LABEL\*\* \(PXELINUX\)/);
  });

  it('in APPEND: Xen options before the first ---, kernel parameters after it', () => {
    assert.match(
      hoverAt(FILE.replace('dom0_mem', 'dom0<|>_mem')),
      /\*\*dom0_mem \(Xen hypervisor option\)\*\*/,
    );
    assert.match(hoverAt(FILE.replace('nfsroot=', 'nfs<|>root=')), /\*\*nfsroot= \(kernel parameter\)\*\*/);
  });
});

describe('completion in PXELINUX files', () => {
  it('keywords at the start of a line, MENU sub-keywords after MENU', () => {
    assert.ok(labelsAt('LABEL x\n  KE<|>').includes('KERNEL'));
    assert.ok(labelsAt('LABEL x\n  MENU <|>').includes('LABEL'));
  });

  it('label names after DEFAULT, kernel and Xen parameters in APPEND', () => {
    assert.deepEqual(labelsAt(`DEFAULT <|>\n${FILE.slice(FILE.indexOf('LABEL'))}`), ['xen-nfs']);
    assert.ok(labelsAt('LABEL y\n  KERNEL vmlinuz\n  APPEND root=/dev/nfs <|>').includes('nfsroot'));
    assert.ok(labelsAt('LABEL y\n  KERNEL mboot.c32\n  APPEND xen.gz <|>').includes('dom0_mem'));
  });
});

describe('symbols and folding in PXELINUX files', () => {
  it('one symbol per label, saying what it boots', () => {
    assert.deepEqual(
      pxelinuxSymbols(analyse(FILE)).map((s) => [s.name, s.detail]),
      [['xen-nfs', 'Xen over NFS · Xen: vmlinuz']],
    );
  });

  it('folds labels', () => {
    assert.equal(pxelinuxFoldingSpans(analyse(FILE)).length, 1);
  });
});
