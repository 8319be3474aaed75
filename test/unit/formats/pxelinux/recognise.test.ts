import assert from 'node:assert/strict';
import { looksLikePxelinux } from '../../../../server/src/formats/pxelinux/recognise';
import { formatByContent } from '../../../../server/src/workspace/format-registry';

describe('PXELINUX recognised by content', () => {
  it('reads syslinux keywords at the start of a line', () => {
    assert.ok(looksLikePxelinux('DEFAULT xen\nLABEL xen\n  KERNEL mboot.c32\n'));
    assert.ok(looksLikePxelinux('kernel vmlinuz\nappend root=/dev/nfs\n'));
  });

  it('does not take a Xen config’s `kernel = …` for a syslinux KERNEL line', () => {
    const xm = '# xm config\nkernel = "/boot/vmlinuz"\nmemory = 128\nname = "domu1"\n';
    assert.equal(looksLikePxelinux(xm), false);
    assert.equal(formatByContent(xm), 'xen-config');
  });
});
