import assert from 'node:assert/strict';
import type { Finding } from '../../../server/src/core/finding';
import { codeActionsFor } from '../../../server/src/features/code-actions';
import { LineIndexCache, toDiagnostics } from '../../../server/src/features/diagnostics';
import type { Workspace } from '../../../server/src/workspace/workspace';
import { applyEdits, renderFindings, siteFromText, testUri } from '../helpers/site';
import {
  completeConfig,
  debianSite,
  multiHostSite,
  nfsrootLinesWith,
  NFSROOT_LINES,
} from './site-kernel-fixtures';

/** The findings of the `kernel/*` rules only, as `path:line:col-line:col severity rule-id`. */
function kernelFindings(ws: Workspace, withMessages = false): string[] {
  return renderFindings(ws, withMessages).filter((l) => / kernel\//.test(l));
}

function findingsOf(ws: Workspace, path: string, ruleId: string): Finding[] {
  return (ws.check().get(testUri(path)) ?? []).filter((f) => f.ruleId === ruleId);
}

/**
 * Applies the quick fix titled `title` of the first `ruleId` diagnostic in `path` the way an editor does (the
 * LSP code action's WorkspaceEdit), writes every edited file back into the workspace and returns the texts.
 */
function applyFix(ws: Workspace, path: string, ruleId: string, title: string): Map<string, string> {
  const uri = testUri(path);
  const lines = new LineIndexCache();
  const findings = ws.check().get(uri) ?? [];
  const diagnostics = toDiagnostics(ws, findings, lines, undefined).filter((d) => d.code === ruleId);
  assert.ok(diagnostics.length > 0, `no ${ruleId} diagnostic in ${path}`);
  const action = codeActionsFor(ws, findings, diagnostics.slice(0, 1), lines).find((a) => a.title === title);
  assert.ok(action, `no quick fix '${title}'`);
  const out = new Map<string, string>();
  for (const [target, edits] of Object.entries(action.edit.changes)) {
    const file = ws.getFile(target);
    assert.ok(file);
    const index = lines.get(target, file.text);
    const text = applyEdits(
      file.text,
      edits.map((e) => ({
        span: { start: index.offset(e.range.start), end: index.offset(e.range.end) },
        newText: e.newText,
      })),
    );
    ws.setFile(target, file.path, text, (file.version ?? 1) + 1);
    out.set(file.path, text);
  }
  return out;
}

/** The lines of `after` that are not in `before`, and the other way round (a line diff by content). */
function changedLines(before: string, after: string): { added: string[]; removed: string[] } {
  const a = before.split('\n');
  const b = after.split('\n');
  const count = (list: string[]): Map<string, number> => {
    const m = new Map<string, number>();
    for (const l of list) m.set(l, (m.get(l) ?? 0) + 1);
    return m;
  };
  const ca = count(a);
  const cb = count(b);
  const diff = (x: Map<string, number>, y: Map<string, number>): string[] =>
    [...x].flatMap(([l, n]) => Array<string>(Math.max(0, n - (y.get(l) ?? 0))).fill(l));
  return { added: diff(cb, ca).sort(), removed: diff(ca, cb).sort() };
}

const DEBIAN = 'boot/config-6.1.0-13-amd64';

describe('kernel/* rules: a kernel against its .config', () => {
  describe("single host without topology: Debian's stock kernel", () => {
    it('a domU without a ramdisk gets every error, on the kernel value; with a ramdisk one information', () => {
      assert.deepEqual(kernelFindings(siteFromText(debianSite())), [
        'etc/xen/web1.cfg:2:10-2:40 error kernel/ip-autoconfig-disabled',
        'etc/xen/web1.cfg:2:10-2:40 error kernel/netfront-not-builtin',
        'etc/xen/web1.cfg:2:10-2:40 error kernel/nfs-not-builtin',
        'etc/xen/web1.cfg:2:10-2:40 error kernel/nfs-version-unavailable',
        'etc/xen/web1.cfg:2:10-2:40 error kernel/root-nfs-disabled',
        'etc/xen/web2.cfg:2:10-2:40 information kernel/root-nfs-disabled',
      ]);
    });

    it('says what is wrong in plain words, with the .config line as related information', () => {
      const ws = siteFromText(debianSite());
      const [nfs] = findingsOf(ws, 'etc/xen/web1.cfg', 'kernel/nfs-not-builtin');
      assert.equal(
        nfs.message,
        `In ${DEBIAN}, CONFIG_NFS_FS is m (a module); an NFS root needs y: a module is loaded only after the root is mounted, so it cannot mount the root`,
      );
      const config = ws.getFile(testUri(DEBIAN))?.text ?? '';
      assert.deepEqual(
        nfs.related?.map((r) => [r.uri, config.slice(r.span.start, r.span.end), r.message]),
        [[testUri(DEBIAN), 'CONFIG_NFS_FS=m', 'CONFIG_NFS_FS is m (a module) here']],
      );
      // IP_PNP and the protocol ip=dhcp asks for are one diagnostic; an absent symbol points at the file's start.
      const [ip] = findingsOf(ws, 'etc/xen/web1.cfg', 'kernel/ip-autoconfig-disabled');
      assert.match(ip.message, /CONFIG_IP_PNP is not set \(n\).*CONFIG_IP_PNP_DHCP has no line/);
      assert.deepEqual(
        ip.related?.map((r) => [config.slice(r.span.start, r.span.end), r.span.start, r.message]),
        [
          [
            '# CONFIG_IP_PNP is not set',
            config.indexOf('# CONFIG_IP_PNP is not set'),
            'CONFIG_IP_PNP is not set (n) here',
          ],
          ['', 0, `${DEBIAN} has no CONFIG_IP_PNP_DHCP line`],
        ],
      );
      const [info] = findingsOf(ws, 'etc/xen/web2.cfg', 'kernel/root-nfs-disabled');
      assert.equal(info.severity, 'information');
      assert.match(info.message, /the initramfs \/boot\/initrd\.img-6\.1\.0-13-amd64 must mount it/);
      assert.equal(info.fixes, undefined);
    });

    it('each rule has a fix for its group of lines and one for everything', () => {
      const ws = siteFromText(debianSite());
      const titles = (ruleId: string): string[] =>
        findingsOf(ws, 'etc/xen/web1.cfg', ruleId).flatMap((f) => f.fixes?.map((x) => x.title) ?? []);
      assert.deepEqual(titles('kernel/root-nfs-disabled'), [
        `Set CONFIG_ROOT_NFS=y and what it needs in ${DEBIAN}`,
        `Set everything an NFS root needs in ${DEBIAN}`,
      ]);
      assert.deepEqual(titles('kernel/ip-autoconfig-disabled'), [
        `Set CONFIG_IP_PNP=y, CONFIG_IP_PNP_DHCP=y and what they need in ${DEBIAN}`,
        `Set everything an NFS root needs in ${DEBIAN}`,
      ]);
    });

    it('"Set CONFIG_ROOT_NFS=y and what it needs" edits only those lines of the .config; the rule is then clean', () => {
      const ws = siteFromText(debianSite());
      const before = ws.getFile(testUri(DEBIAN))?.text ?? '';
      const after = applyFix(
        ws,
        'etc/xen/web1.cfg',
        'kernel/root-nfs-disabled',
        `Set CONFIG_ROOT_NFS=y and what it needs in ${DEBIAN}`,
      );
      assert.deepEqual([...after.keys()], [DEBIAN]);
      assert.deepEqual(changedLines(before, after.get(DEBIAN) ?? ''), {
        added: [
          'CONFIG_IP_PNP=y',
          'CONFIG_LOCKD=y',
          'CONFIG_NFS_FS=y',
          'CONFIG_ROOT_NFS=y',
          'CONFIG_SUNRPC=y',
        ],
        removed: ['# CONFIG_IP_PNP is not set', 'CONFIG_LOCKD=m', 'CONFIG_NFS_FS=m', 'CONFIG_SUNRPC=m'],
      });
      assert.deepEqual(kernelFindings(ws), [
        'etc/xen/web1.cfg:2:10-2:40 error kernel/ip-autoconfig-disabled',
        'etc/xen/web1.cfg:2:10-2:40 error kernel/netfront-not-builtin',
        'etc/xen/web1.cfg:2:10-2:40 error kernel/nfs-version-unavailable',
        'etc/xen/web2.cfg:2:10-2:40 information kernel/ip-autoconfig-disabled',
      ]);
    });

    for (const [ruleId, symbol] of [
      ['kernel/nfs-not-builtin', 'CONFIG_NFS_FS=y'],
      ['kernel/ip-autoconfig-disabled', 'CONFIG_IP_PNP=y, CONFIG_IP_PNP_DHCP=y'],
      ['kernel/nfs-version-unavailable', 'CONFIG_NFS_V3=y'],
      ['kernel/netfront-not-builtin', 'CONFIG_XEN_NETDEV_FRONTEND=y'],
    ]) {
      it(`the fix of ${ruleId} makes that rule clean`, () => {
        const ws = siteFromText(debianSite());
        const what = symbol.includes(',') ? 'what they need' : 'what it needs';
        applyFix(ws, 'etc/xen/web1.cfg', ruleId, `Set ${symbol} and ${what} in ${DEBIAN}`);
        assert.deepEqual(findingsOf(ws, 'etc/xen/web1.cfg', ruleId), []);
      });
    }

    it('"Set everything an NFS root needs" leaves no kernel/* finding and no new kconfig/* finding', () => {
      const ws = siteFromText(debianSite());
      const kconfigBefore = renderFindings(ws).filter((l) => l.includes(' kconfig/'));
      const before = ws.getFile(testUri(DEBIAN))?.text ?? '';
      const after = applyFix(
        ws,
        'etc/xen/web1.cfg',
        'kernel/netfront-not-builtin',
        `Set everything an NFS root needs in ${DEBIAN}`,
      );
      const { added, removed } = changedLines(before, after.get(DEBIAN) ?? '');
      assert.equal(added.length, 8);
      assert.deepEqual(removed, [
        '# CONFIG_IP_PNP is not set',
        'CONFIG_LOCKD=m',
        'CONFIG_NFS_FS=m',
        'CONFIG_NFS_V3=m',
        'CONFIG_SUNRPC=m',
        'CONFIG_XEN_NETDEV_FRONTEND=m',
      ]);
      assert.deepEqual(kernelFindings(ws), []);
      assert.deepEqual(
        renderFindings(ws).filter((l) => l.includes(' kconfig/')),
        kconfigBefore,
      );
    });

    it('kernel/config-not-found: once per kernel reference, with how to map one; never with a ramdisk', () => {
      const ws = siteFromText(`=== etc/xen/a.cfg
name = "a"
kernel = "/boot/vmlinuz-5.10.0-9-amd64"
root = "/dev/nfs"
extra = "nfsroot=10.0.0.1:/a ip=dhcp"
=== etc/xen/b.cfg
name = "b"
kernel = "/boot/vmlinuz"
ramdisk = "/boot/initrd.img"
root = "/dev/nfs"
=== etc/xen/c.cfg
name = "c"
kernel = "/boot/vmlinuz"
cmdline = "root=/dev/nfs nfsroot=10.0.0.1:/c ip=dhcp"
`);
      assert.deepEqual(kernelFindings(ws, true), [
        'etc/xen/a.cfg:2:10-2:40 information kernel/config-not-found: No .config for /boot/vmlinuz-5.10.0-9-amd64 is in the workspace, so it is not checked whether this kernel builds in what an NFS root needs (ROOT_NFS, NFS_FS, IP_PNP, XEN_NETDEV_FRONTEND): map one in xen-nfs-boot.json ("kernels": { "/boot/vmlinuz-5.10.0-9-amd64": "<path of its .config>" }) or put it beside the image as boot/config-5.10.0-9-amd64',
        'etc/xen/c.cfg:2:10-2:25 information kernel/config-not-found: No .config for /boot/vmlinuz is in the workspace, so it is not checked whether this kernel builds in what an NFS root needs (ROOT_NFS, NFS_FS, IP_PNP, XEN_NETDEV_FRONTEND): map one in xen-nfs-boot.json ("kernels": { "/boot/vmlinuz": "<path of its .config>" })',
      ]);
    });

    it('a kernel built for an NFS root has no finding; root on a disk is not looked at', () => {
      const ws = siteFromText(`=== etc/xen/a.cfg
kernel = "/boot/vmlinuz-6.1.0-nfs"
root = "/dev/nfs"
extra = "nfsroot=10.0.0.1:/a,vers=3 ip=dhcp"
=== etc/xen/b.cfg
kernel = "/boot/vmlinuz-6.1.0-13-amd64"
root = "/dev/xvda1"
=== boot/config-6.1.0-nfs
${completeConfig('6.1.0', NFSROOT_LINES)}=== boot/config-6.1.0-13-amd64
${completeConfig('6.1.0', [])}`);
      assert.deepEqual(kernelFindings(ws), []);
    });
  });

  describe('the protocol and the version the command line asks for', () => {
    function check(cmdline: string, lines: readonly string[], toolstack = 'xl', xm = ''): string[] {
      return kernelFindings(
        siteFromText(`=== xen-nfs-boot.json
{ "toolstack": "${toolstack}" }
=== etc/xen/a.cfg
kernel = "/boot/vmlinuz-6.1.0-x"
${cmdline ? `extra = "${cmdline}"\nroot = "/dev/nfs"` : 'root = "/dev/nfs"'}
${xm}
=== boot/config-6.1.0-x
${completeConfig('6.1.0', lines)}`),
      ).map((l) => l.replace(/^\S+ /, ''));
    }
    const noDhcp = nfsrootLinesWith({ 'CONFIG_IP_PNP_DHCP=y': '# CONFIG_IP_PNP_DHCP is not set' });

    it('ip=dhcp needs IP_PNP_DHCP; ip=bootp is served by IP_PNP_DHCP; ip=rarp needs IP_PNP_RARP; a static ip= none', () => {
      assert.deepEqual(check('nfsroot=10.0.0.1:/a ip=dhcp', noDhcp), ['error kernel/ip-autoconfig-disabled']);
      assert.deepEqual(check('nfsroot=10.0.0.1:/a ip=bootp', NFSROOT_LINES), []);
      assert.deepEqual(check('nfsroot=10.0.0.1:/a ip=bootp', noDhcp), [
        'error kernel/ip-autoconfig-disabled',
      ]);
      assert.deepEqual(check('nfsroot=10.0.0.1:/a ip=rarp', NFSROOT_LINES), [
        'error kernel/ip-autoconfig-disabled',
      ]);
      assert.deepEqual(
        check('nfsroot=10.0.0.1:/a ip=10.0.0.5:10.0.0.1::255.255.255.0::eth0:off', noDhcp),
        [],
      );
    });

    it('xm\'s dhcp = "dhcp" asks for DHCP too', () => {
      const xm = 'nfs_server = "10.0.0.1"\nnfs_root = "/a"\ndhcp = "dhcp"';
      assert.deepEqual(check('', noDhcp, 'xm', xm), ['error kernel/ip-autoconfig-disabled']);
      assert.deepEqual(check('', NFSROOT_LINES, 'xm', xm), []);
    });

    it('machines booting one kernel the same way get the same findings and fixes; another way, its own', () => {
      const domain = (name: string, cmdline: string): string =>
        `=== etc/xen/${name}.cfg\nkernel = "/boot/vmlinuz-6.1.0-x"\nroot = "/dev/nfs"\nextra = "${cmdline}"\n`;
      const ws = siteFromText(
        domain('a', 'nfsroot=10.0.0.1:/a ip=dhcp') +
          domain('b', 'nfsroot=10.0.0.1:/b ip=dhcp') +
          domain('c', 'nfsroot=10.0.0.1:/c ip=10.0.0.5:10.0.0.1::255.255.255.0::eth0:off') +
          domain('d', 'nfsroot=10.0.0.1:/d,vers=4.1 ip=dhcp') +
          `=== boot/config-6.1.0-x\n${completeConfig('6.1.0', noDhcp)}`,
      );
      const found = ws.check();
      const kernelOf = (name: string): Finding[] =>
        (found.get(testUri(`etc/xen/${name}.cfg`)) ?? []).filter((f) => f.ruleId.startsWith('kernel/'));
      const shared = (f: Finding): unknown => ({ ...f, uri: undefined });
      assert.deepEqual(
        kernelOf('a').map((f) => f.ruleId),
        ['kernel/ip-autoconfig-disabled'],
      );
      assert.deepEqual(kernelOf('b').map(shared), kernelOf('a').map(shared));
      assert.equal(kernelOf('b')[0].uri, testUri('etc/xen/b.cfg'));
      assert.deepEqual(kernelOf('c'), []);
      assert.deepEqual(
        kernelOf('d').map((f) => [f.ruleId, f.fixes?.map((x) => x.title)]),
        [
          [
            'kernel/ip-autoconfig-disabled',
            [
              'Set CONFIG_IP_PNP_DHCP=y and what it needs in boot/config-6.1.0-x',
              'Set everything an NFS root needs in boot/config-6.1.0-x',
            ],
          ],
          [
            'kernel/nfs-version-unavailable',
            [
              'Set CONFIG_NFS_V4_1=y and what it needs in boot/config-6.1.0-x',
              'Set everything an NFS root needs in boot/config-6.1.0-x',
            ],
          ],
        ],
      );
    });

    it('vers= names the symbol that must be built in; without vers= any of v2, v3, v4', () => {
      assert.deepEqual(check('nfsroot=10.0.0.1:/a,vers=4.1 ip=dhcp', NFSROOT_LINES), [
        'error kernel/nfs-version-unavailable',
      ]);
      assert.deepEqual(check('nfsroot=10.0.0.1:/a,vers=4 ip=dhcp', NFSROOT_LINES), []);
      const v4only = nfsrootLinesWith({ 'CONFIG_NFS_V3=y': 'CONFIG_NFS_V3=m' });
      assert.deepEqual(check('nfsroot=10.0.0.1:/a ip=dhcp', v4only), []);
      assert.deepEqual(check('nfsroot=10.0.0.1:/a,v3 ip=dhcp', v4only), [
        'error kernel/nfs-version-unavailable',
      ]);
    });
  });

  describe('multi-host site with a topology: GRUB legacy, GRUB 2, PXELINUX and domUs', () => {
    it('every rule fires where it should and nowhere else', () => {
      assert.deepEqual(kernelFindings(siteFromText(multiHostSite())), [
        'dom0/boot/grub/grub.cfg:3:11-3:25 error kernel/nfs-version-unavailable',
        'dom0/boot/grub/menu.lst:4:8-4:22 error kernel/ip-autoconfig-disabled',
        'dom0/boot/grub/menu.lst:7:8-7:22 information kernel/ip-autoconfig-disabled',
        'dom0/etc/xen/db1.cfg:2:10-2:33 error kernel/nfs-version-unavailable',
        'dom0/etc/xen/db2.cfg:2:10-2:33 information kernel/config-not-found',
        'dom0/srv/tftp/pxelinux.cfg/01-00-16-3e-00-00-09:4:36-4:50 information kernel/config-not-found',
      ]);
    });

    it('maps a kernel through the topology, and says so when the mapped file is missing', () => {
      const ws = siteFromText(multiHostSite());
      const [lost] = findingsOf(ws, 'dom0/etc/xen/db2.cfg', 'kernel/config-not-found');
      assert.match(
        lost.message,
        /^xen-nfs-boot\.json maps \/srv\/xen\/vmlinuz-lost to kernels\/lost\.config, but no kernel \.config is at that path/,
      );
      const [pxe] = findingsOf(
        ws,
        'dom0/srv/tftp/pxelinux.cfg/01-00-16-3e-00-00-09',
        'kernel/config-not-found',
      );
      assert.match(pxe.message, /put it beside the image as dom0\/srv\/tftp\/config-2\.6\.32$/);
      const [db1] = findingsOf(ws, 'dom0/etc/xen/db1.cfg', 'kernel/nfs-version-unavailable');
      assert.match(db1.message, /^In kernels\/domu\.config, CONFIG_NFS_V3 is not set \(n\)/);
      assert.equal(db1.related?.[0].uri, testUri('kernels/domu.config'));
    });

    it('the fixes edit the config of the right host and clear the rule', () => {
      const ws = siteFromText(multiHostSite());
      const after = applyFix(
        ws,
        'dom0/boot/grub/menu.lst',
        'kernel/ip-autoconfig-disabled',
        'Set CONFIG_IP_PNP_RARP=y and what it needs in dom0/boot/config-3.0.4',
      );
      assert.deepEqual([...after.keys()], ['dom0/boot/config-3.0.4']);
      assert.match(after.get('dom0/boot/config-3.0.4') ?? '', /^CONFIG_IP_PNP_RARP=y$/m);
      applyFix(
        ws,
        'dom0/boot/grub/grub.cfg',
        'kernel/nfs-version-unavailable',
        'Set CONFIG_NFS_V4_1=y and what it needs in dom0/boot/config-3.0.4',
      );
      applyFix(
        ws,
        'dom0/etc/xen/db1.cfg',
        'kernel/nfs-version-unavailable',
        'Set CONFIG_NFS_V3=y and what it needs in kernels/domu.config',
      );
      assert.deepEqual(kernelFindings(ws), [
        'dom0/etc/xen/db2.cfg:2:10-2:33 information kernel/config-not-found',
        'dom0/srv/tftp/pxelinux.cfg/01-00-16-3e-00-00-09:4:36-4:50 information kernel/config-not-found',
      ]);
    });
  });

  describe('SiteModel.kconfigFor (shared CONTRACT.md: kernels map first, then config-<version> beside the image)', () => {
    function configOf(spec: string, subjectPath: string): string | undefined {
      const site = siteFromText(spec).siteModel();
      const subject = site.subjects.find((s) => s.uri === testUri(subjectPath));
      assert.ok(subject);
      const config = site.kconfigFor(subject);
      return config ? site.pathOf(config.uri) : undefined;
    }
    const domU = (kernel: string): string => `name = "a"\nkernel = "${kernel}"\nroot = "/dev/nfs"\n`;
    const cfg = completeConfig('3.0.4', ['CONFIG_NFS_FS=y']);
    const topology = `=== xen-nfs-boot.json
{ "hosts": [ { "name": "dom0", "root": "dom0" }, { "name": "dom1", "root": "dom1" } ],
  "kernels": { "/boot/vmlinuz-3.0.4-mapped": "./kernels/mapped.config" } }
`;

    it("dom0/boot/config-3.0.4 is the config of dom0's /boot/vmlinuz-3.0.4, not dom1's", () => {
      const spec = `${topology}=== dom1/boot/config-3.0.4\n${cfg}=== dom0/boot/config-3.0.4\n${cfg}=== dom0/etc/xen/a\n${domU('/boot/vmlinuz-3.0.4')}=== dom1/etc/xen/a\n${domU('/boot/vmlinuz-3.0.4')}`;
      assert.equal(configOf(spec, 'dom0/etc/xen/a'), 'dom0/boot/config-3.0.4');
      assert.equal(configOf(spec, 'dom1/etc/xen/a'), 'dom1/boot/config-3.0.4');
    });

    it("the topology's kernels map wins over a config beside the image", () => {
      const spec = `${topology}=== dom0/boot/config-3.0.4-mapped\n${cfg}=== kernels/mapped.config\n${cfg}=== dom0/etc/xen/a\n${domU('/boot/vmlinuz-3.0.4-mapped')}`;
      assert.equal(configOf(spec, 'dom0/etc/xen/a'), 'kernels/mapped.config');
      const missing = `${topology}=== dom0/boot/config-3.0.4-mapped\n${cfg}=== dom0/etc/xen/a\n${domU('/boot/vmlinuz-3.0.4-mapped')}`;
      assert.equal(configOf(missing, 'dom0/etc/xen/a'), undefined);
    });

    it('then a config of that version of the same host, then of the site; a folder named after the version', () => {
      const spec = `${topology}=== dom1/srv/config-3.0.4\n${cfg}=== dom0/old/config-3.0.4\n${cfg}=== dom0/boot/grub/menu.lst\ntitle x\nkernel (hd0,0)/vmlinuz-3.0.4 root=/dev/nfs\n`;
      assert.equal(configOf(spec, 'dom0/boot/grub/menu.lst'), 'dom0/old/config-3.0.4');
      const folder = `=== linux-4.9.2/.config\n${completeConfig('4.9.2', ['CONFIG_NFS_FS=y'])}=== etc/xen/a\n${domU('/boot/vmlinuz-4.9.2')}`;
      assert.equal(configOf(folder, 'etc/xen/a'), 'linux-4.9.2/.config');
      assert.equal(configOf(`=== etc/xen/a\n${domU('/boot/vmlinuz')}`, 'etc/xen/a'), undefined);
    });
  });
});
