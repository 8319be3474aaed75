import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { GRUB2_RULES } from '../../../server/src/rules/grub2';
import { GRUB2_ANALYSER } from '../../../server/src/workspace/formats/grub2';
import { applyFixEdits, checkBootFile } from '../helpers/boot-loader-site';

const DOCS = path.join(__dirname, '../../../../docs/rules');

function check(text: string, withMessages = false): string[] {
  return checkBootFile(GRUB2_ANALYSER, GRUB2_RULES, 'boot/grub/grub.cfg', text, withMessages).lines;
}

describe('grub2 rules', () => {
  it('grub2/syntax: an unterminated menuentry, a stray brace, a missing fi', () => {
    assert.deepEqual(check("menuentry 'a' {\n  linux /vmlinuz\n"), ['1:15-1:16 error grub2/syntax']);
    assert.deepEqual(check("menuentry 'a' {\n  linux /vmlinuz\n}\n}\n"), ['4:1-4:2 error grub2/syntax']);
    assert.deepEqual(check('if true; then\n  echo\n'), ['1:1-1:3 error grub2/syntax']);
  });

  it('grub2/syntax says why a brace on the next line fails', () => {
    const [line] = check("menuentry 'a'\n{\n  linux /vmlinuz\n}\n", true);
    assert.match(line, /^2:1-2:2 error grub2\/syntax: a '\{' must stand on the same line/);
  });

  it('grub2/no-commands: comments only (grub-script-check rejects it)', () => {
    assert.deepEqual(check('# nothing\n'), ['1:1-1:10 error grub2/no-commands']);
    assert.deepEqual(check('function f { echo; }\n'), ['1:1-1:21 error grub2/no-commands']);
  });

  it('grub2/module-before-multiboot and grub2/initrd-before-linux', () => {
    const text =
      "menuentry 'x' {\n  module2 /vmlinuz root=/dev/sda1\n  multiboot2 /xen.gz\n}\nmenuentry 'y' {\n  initrd /initrd\n  linux /vmlinuz\n}\n";
    assert.deepEqual(check(text), [
      '2:3-2:10 error grub2/module-before-multiboot',
      '6:3-6:9 error grub2/initrd-before-linux',
    ]);
  });

  it('grub2/module-before-multiboot: module2 after multiboot (v1) is refused too', () => {
    assert.deepEqual(check("menuentry 'x' {\n  multiboot /xen.gz\n  module2 /vmlinuz\n}\n"), [
      '3:3-3:10 error grub2/module-before-multiboot',
    ]);
  });

  it('grub2/xen-without-dom0', () => {
    assert.deepEqual(check("menuentry 'x' {\n  multiboot2 /boot/xen.gz dom0_mem=1G\n}\n"), [
      '2:3-2:13 error grub2/xen-without-dom0',
    ]);
  });

  it('grub2/unknown-command with a fix to the nearest command; functions and assignments are known', () => {
    const text =
      "function load_video { insmod all_video; }\nmenuentry 'x' {\n  load_video\n  xen_rm_opts=\n  linx /vmlinuz\n}\n";
    const { findings } = checkBootFile(GRUB2_ANALYSER, GRUB2_RULES, 'boot/grub/grub.cfg', text);
    assert.deepEqual(
      findings.map((f) => f.ruleId),
      ['grub2/unknown-command'],
    );
    const fix = findings[0].fixes?.[0];
    assert.equal(fix?.title, "Change to 'linux'");
    assert.match(applyFixEdits(text, fix?.edits ?? []), /\n {2}linux \/vmlinuz\n/);
  });

  it('grub2/default-out-of-range: a number past the last entry, a title no entry has', () => {
    const entries = "menuentry 'A' { linux /a }\nsubmenu 'S' { menuentry 'B' { linux /b } }\n";
    assert.deepEqual(check(`set default=2\n${entries}`), ['1:5-1:14 warning grub2/default-out-of-range']);
    assert.deepEqual(check(`set default=1\n${entries}`), []);
    assert.deepEqual(check(`set default='S>B'\n${entries}`), []);
    assert.deepEqual(check(`set default="Nope"\n${entries}`), [
      '1:5-1:19 warning grub2/default-out-of-range',
    ]);
    assert.deepEqual(check(`set default="\${saved_entry}"\n${entries}`), []);
  });

  it('cmdline/* on the dom0 command line of module2, at the character in the file', () => {
    const text =
      "menuentry 'x' {\n  multiboot2 /xen.gz\n  module2 /vmlinuz placeholder root=/dev/nfs nfsroot=srv:/export ip=10.0.0.300::::::dhcp\n}\n";
    assert.deepEqual(check(text), ['3:54-3:57 error cmdline/nfsroot-hostname', '3:69-3:79 error cmdline/ip']);
  });

  it('cmdline/* on linux lines; variables set once are expanded, others left out', () => {
    const text =
      "set srv=10.0.0.1\nmenuentry 'x' {\n  linux /vmlinuz root=/dev/nfs nfsroot=${srv}:/r ip=$dyn\n}\n";
    assert.deepEqual(check(text), []);
    const warn = "menuentry 'x' {\n  linux /vmlinuz nfsroot=10.0.0.1:/r\n}\n";
    assert.deepEqual(check(warn), ['2:18-2:37 warning cmdline/nfsroot-without-nfs-root']);
  });

  it('the realistic fixtures have no finding at all', () => {
    const dir = path.join(__dirname, '../../../../test/fixtures/grub2');
    for (const f of fs.readdirSync(dir).filter((x) => !x.endsWith('.golden') && !x.startsWith('broken-'))) {
      assert.deepEqual(check(fs.readFileSync(path.join(dir, f), 'utf8'), true), [], f);
    }
  });

  for (const rule of GRUB2_RULES) {
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
