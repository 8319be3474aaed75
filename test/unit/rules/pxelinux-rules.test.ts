import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { PXELINUX_RULES } from '../../../server/src/rules/pxelinux';
import { PXELINUX_ANALYSER } from '../../../server/src/workspace/formats/pxelinux';
import { applyFixEdits, checkBootFile } from '../helpers/boot-loader-site';

const DOCS = path.join(__dirname, '../../../../docs/rules');
const FIXTURES = path.join(__dirname, '../../../../test/fixtures/pxelinux');

function check(text: string, name = 'default', withMessages = false): string[] {
  return checkBootFile(PXELINUX_ANALYSER, PXELINUX_RULES, `tftp/pxelinux.cfg/${name}`, text, withMessages)
    .lines;
}

describe('pxelinux rules', () => {
  it('pxelinux/syntax: a label without a name, a kernel without a file, a number that is none, unclosed blocks', () => {
    const text = 'TIMEOUT 5s\nLABEL\n  KERNEL\nMENU END\nMENU BEGIN sub\nLABEL x\n  TEXT HELP\n  help\n';
    assert.deepEqual(check(text), [
      '1:9-1:11 error pxelinux/syntax',
      '2:1-2:6 error pxelinux/syntax',
      '3:3-3:9 error pxelinux/syntax',
      '4:1-4:9 error pxelinux/syntax',
      '5:1-5:15 error pxelinux/syntax',
      '7:3-7:12 error pxelinux/syntax',
    ]);
  });

  it('pxelinux/unknown-keyword, with a fix to the nearest keyword (MENU sub-keywords too)', () => {
    const text = 'LABEL x\n  KERNAL vmlinuz\n  MENU DEFALT\n';
    const { findings, lines } = checkBootFile(
      PXELINUX_ANALYSER,
      PXELINUX_RULES,
      'tftp/pxelinux.cfg/default',
      text,
    );
    assert.deepEqual(lines, [
      '2:3-2:9 warning pxelinux/unknown-keyword',
      '3:8-3:14 warning pxelinux/unknown-keyword',
    ]);
    assert.equal(
      applyFixEdits(
        text,
        findings.flatMap((f) => f.fixes?.[0]?.edits ?? []),
      ),
      'LABEL x\n  KERNEL vmlinuz\n  MENU DEFAULT\n',
    );
  });

  it('pxelinux/default-unknown-label: DEFAULT and ONTIMEOUT; not for files, not when other files are included', () => {
    const labels =
      'LABEL xen-nfs\n  KERNEL mboot.c32\n  APPEND xen.gz --- vmlinuz root=/dev/nfs ip=dhcp nfsroot=10.0.0.1:/r\n';
    assert.deepEqual(check(`DEFAULT xen-nsf\nONTIMEOUT xen-nfs\n${labels}`), [
      '1:9-1:16 warning pxelinux/default-unknown-label',
    ]);
    assert.deepEqual(check(`DEFAULT menu.c32\n${labels}`), []);
    assert.deepEqual(check(`INCLUDE more.cfg\nDEFAULT other\n${labels}`), []);
  });

  it('pxelinux/bad-mac-filename: the file name, not the content', () => {
    assert.deepEqual(check('DEFAULT x\nLABEL x\n  LOCALBOOT 0\n', '01-00-16-3e-00-01'), [
      '1:1-1:10 warning pxelinux/bad-mac-filename',
    ]);
    assert.deepEqual(check('DEFAULT x\nLABEL x\n  LOCALBOOT 0\n', '01-00-16-3E-00-01-02'), [
      '1:1-1:10 warning pxelinux/bad-mac-filename',
    ]);
    assert.deepEqual(check('DEFAULT x\nLABEL x\n  LOCALBOOT 0\n', '01-00-16-3e-00-01-02'), []);
  });

  it('pxelinux/xen-without-dom0: mboot.c32 with only the hypervisor', () => {
    assert.deepEqual(check('LABEL x\n  KERNEL mboot.c32\n  APPEND xen.gz dom0_mem=512M\n'), [
      '3:10-3:30 error pxelinux/xen-without-dom0',
    ]);
  });

  it('cmdline/* on the dom0 part of an mboot.c32 APPEND and on a Linux APPEND, at the character', () => {
    const text =
      'LABEL x\n  KERNEL mboot.c32\n  APPEND xen.gz --- vmlinuz root=/dev/nfs nfsroot=srv:/r ip=dhcp --- initrd\nLABEL y\n  KERNEL vmlinuz\n  APPEND nfsroot=10.0.0.1:/r\n';
    assert.deepEqual(check(text), [
      '3:51-3:54 error cmdline/nfsroot-hostname',
      '6:10-6:29 warning cmdline/nfsroot-without-nfs-root',
    ]);
  });

  it('the realistic fixtures have no finding at all', () => {
    const names: Record<string, string> = { 'debian-installer-menu.cfg': 'd-i/amd64/boot-screens/menu.cfg' };
    for (const f of fs
      .readdirSync(FIXTURES)
      .filter((x) => !x.endsWith('.golden') && !x.startsWith('broken-'))) {
      const p = names[f] ?? `tftp/pxelinux.cfg/${f}`;
      const text = fs.readFileSync(path.join(FIXTURES, f), 'utf8');
      assert.ok(PXELINUX_ANALYSER.recognise(p, text), `${f} is recognised`);
      assert.deepEqual(checkBootFile(PXELINUX_ANALYSER, PXELINUX_RULES, p, text, true).lines, [], f);
    }
  });

  for (const rule of PXELINUX_RULES) {
    it(`${rule.id} has a documentation page with its default severity and an index row`, () => {
      const page = fs.readFileSync(path.join(DOCS, `${rule.id}.md`), 'utf8');
      assert.match(page, new RegExp(`^# ${rule.id}\\n`));
      assert.match(page, new RegExp(`Default severity: \\*\\*${rule.severity}\\*\\*`));
      for (const section of ['What it finds', 'Why it matters', 'Example', 'How to fix', 'Configuration'])
        assert.match(page, new RegExp(`## ${section}`), `${rule.id}: no section ${section}`);
      assert.ok(fs.readFileSync(path.join(DOCS, 'README.md'), 'utf8').includes(`(${rule.id}.md)`));
    });
  }
});
