import assert from 'node:assert/strict';
import {
  isGrubLegacyPath,
  looksLikeGrubLegacy,
  recogniseGrubLegacy,
} from '../../../../server/src/formats/grub/recognise';
import { GRUB_ANALYSER } from '../../../../server/src/workspace/formats/grub';

const MENU = 'default 0\ntitle Dom0 - NFS\n  root (nd)\n  kernel /xen.gz\n';
const GRUB2 = "menuentry 'Debian' {\n  linux /vmlinuz\n}\ntitle x\nkernel /y\n";

describe('GRUB legacy recognition', () => {
  it('by name and by place', () => {
    for (const p of ['boot/grub/menu.lst', 'menu.lst', 'boot/grub/grub.conf', 'tftpboot/grub/post01.conf']) {
      assert.ok(isGrubLegacyPath(p), p);
    }
    for (const p of [
      'boot/grub/grub.cfg',
      'etc/dhcp/dhcpd.conf',
      'tftpboot/grub/.hidden.conf',
      'grub/x.lst',
    ]) {
      assert.ok(!isGrubLegacyPath(p), p);
    }
  });

  it('a grub/*.conf only when its content is a GRUB legacy menu; menu.lst unless it holds GRUB 2', () => {
    assert.ok(recogniseGrubLegacy('tftpboot/grub/post01.conf', MENU));
    assert.ok(!recogniseGrubLegacy('srv/grub/settings.conf', 'color=blue\n'));
    assert.ok(recogniseGrubLegacy('boot/grub/menu.lst', ''));
    assert.ok(!recogniseGrubLegacy('boot/grub/menu.lst', GRUB2));
  });

  it('by content: a title and an entry command, no GRUB 2 or PXELINUX syntax', () => {
    assert.ok(looksLikeGrubLegacy(MENU));
    assert.ok(looksLikeGrubLegacy('title=A\nconfigfile=/grub/b.conf\n'));
    assert.ok(!looksLikeGrubLegacy('title A\n'));
    assert.ok(!looksLikeGrubLegacy(GRUB2));
    assert.ok(
      !looksLikeGrubLegacy(
        'DEFAULT xen\nLABEL xen\n  KERNEL mboot.c32\n  APPEND xen.gz --- vmlinuz\ntitle x\nkernel y\n',
      ),
    );
  });

  it('the analyser names its format and language', () => {
    assert.equal(GRUB_ANALYSER.id, 'grub-legacy');
    assert.equal(GRUB_ANALYSER.languageId, 'grub-legacy');
    assert.ok(GRUB_ANALYSER.matchesPath('tftpboot/grub/host.conf'));
    assert.equal(GRUB_ANALYSER.contextKey({ path: 'x', toolstack: 'xm' }), '');
  });
});
