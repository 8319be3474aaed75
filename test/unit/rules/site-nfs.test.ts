import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Finding } from '../../../server/src/core/finding';
import { codeActionsFor } from '../../../server/src/features/code-actions';
import { LineIndexCache, toDiagnostics } from '../../../server/src/features/diagnostics';
import type { Workspace } from '../../../server/src/workspace/workspace';
import { applyEdits, renderFindings, siteFromText, spanText, testUri } from '../helpers/site';

const SEED = fs.readFileSync(path.join(__dirname, '../../../../test/fixtures/seeds/000-domu1'), 'utf8');
const FIXTURES = path.join(__dirname, '../../../../test/fixtures/site/nfs');

function fixture(name: string): string {
  return fs.readFileSync(path.join(FIXTURES, name), 'utf8');
}

/** Every `nfs/*` diagnostic of the site, as `path:line:col-line:col severity rule-id`. */
function nfsLines(ws: Workspace, withMessages = false): string[] {
  return renderFindings(ws, withMessages).filter((l) => / nfs\//.test(l));
}

/** The `nfs/*` finding of a rule in a file. */
function nfsFinding(ws: Workspace, file: string, ruleId: string): Finding {
  const found = (ws.check().get(testUri(file)) ?? []).filter((f) => f.ruleId === ruleId);
  assert.equal(found.length, 1, `${file}: ${found.length} × ${ruleId}`);
  return found[0];
}

/** Applies the fix titled `title` of the finding to the workspace's files (any file) and returns their new texts. */
function applyFix(ws: Workspace, f: Finding, title: string): Map<string, string> {
  const fix = f.fixes?.find((x) => x.title === title);
  assert.ok(fix, `no fix '${title}' among ${(f.fixes ?? []).map((x) => x.title).join(' | ')}`);
  const texts = new Map<string, string>();
  for (const uri of new Set(fix.edits.map((e) => e.uri))) {
    const file = ws.getFile(uri);
    assert.ok(file);
    const text = applyEdits(
      file.text,
      fix.edits.filter((e) => e.uri === uri),
    );
    ws.setFile(uri, file.path, text, file.version + 1);
    texts.set(file.path, text);
  }
  return texts;
}

describe('nfs/* on a single host without a topology file (xl, GRUB, GRUB 2, PXELINUX)', () => {
  const site = (): Workspace => siteFromText(fixture('single-host.site'));

  it('fires where it should and nowhere else', () => {
    assert.deepEqual(nfsLines(site()), [
      'boot/grub/grub.cfg:3:40-3:72 information nfs/client-not-permitted',
      'boot/grub/menu.lst:4:39-4:71 warning nfs/root-squash',
      'etc/xen/app1.cfg:5:10-5:42 error nfs/root-not-exported',
      'etc/xen/cache1.cfg:5:10-5:44 warning nfs/root-squash',
      'etc/xen/db1.cfg:5:10-5:38 error nfs/client-not-permitted',
      'etc/xen/lost1.cfg:5:10-5:43 error nfs/client-not-permitted',
      'etc/xen/mail1.cfg:5:10-5:43 information nfs/read-only-root',
      'etc/xen/web2.cfg:5:10-5:42 error nfs/client-not-permitted',
      'srv/tftp/pxelinux.cfg/01-00-16-3e-00-00-50:4:49-4:62 warning nfs/root-squash',
    ]);
  });

  it('sits on nfsroot= (or root= when DHCP gave the server) with the export lines as related information', () => {
    const ws = site();
    const web2 = nfsFinding(ws, 'etc/xen/web2.cfg', 'nfs/client-not-permitted');
    assert.equal(spanText(ws, web2.uri, web2.span), 'nfsroot=192.168.2.1:/export/web2');
    assert.equal(web2.message, '/export/web2 is exported to 192.168.2.99 only; web2 boots as 192.168.2.11.');
    assert.deepEqual(
      web2.related?.map((r) => [r.uri, spanText(ws, r.uri, r.span), r.message]),
      [
        [
          testUri('etc/exports'),
          '/export/web2    192.168.2.99(rw,sync,no_root_squash,no_subtree_check)',
          'exports /export/web2 to 192.168.2.99',
        ],
      ],
    );
    const pxe = nfsFinding(ws, 'srv/tftp/pxelinux.cfg/01-00-16-3e-00-00-50', 'nfs/root-squash');
    assert.equal(spanText(ws, pxe.uri, pxe.span), 'root=/dev/nfs');
    assert.match(
      pxe.message,
      /^\/export\/pxe1 is exported to 192\.168\.2\.48\/29 with root_squash \(the default\)/,
    );
  });

  it('a DHCP range must be wholly covered: says which addresses are refused', () => {
    const db1 = nfsFinding(site(), 'etc/xen/db1.cfg', 'nfs/client-not-permitted');
    assert.equal(
      db1.message,
      '/srv/db1 is not exported itself, and its parent /srv is exported to 192.168.2.0/25 only; db1 takes any ' +
        'address of the DHCP range 192.168.2.100–192.168.2.200; 192.168.2.128–192.168.2.200 are not admitted.',
    );
  });

  it('an unknown address is said as information, not guessed', () => {
    const grub2 = nfsFinding(site(), 'boot/grub/grub.cfg', 'nfs/client-not-permitted');
    assert.equal(grub2.severity, 'information');
    assert.match(
      grub2.message,
      /the address of ‘Xen on NFS’ is unknown: it asks DHCP for its address, and no MAC/,
    );
    assert.deepEqual(grub2.fixes ?? [], []);
  });

  it('root-not-exported names the server and relates the closest export lines', () => {
    const ws = site();
    const app1 = nfsFinding(ws, 'etc/xen/app1.cfg', 'nfs/root-not-exported');
    assert.equal(
      app1.message,
      '/export/app1 is not exported by 192.168.2.1: no line of etc/exports exports it or a parent directory, so ' +
        'app1 cannot mount its root.',
    );
    assert.equal(app1.related?.length, 3);
    assert.ok(app1.related?.every((r) => r.message.endsWith('(the closest exported path)')));
  });

  it('host names and wildcards match through the DHCP host declarations', () => {
    const ws = site();
    assert.match(
      nfsFinding(ws, 'etc/xen/cache1.cfg', 'nfs/root-squash').message,
      /to cache1 with root_squash:/,
    );
    assert.match(
      nfsFinding(ws, 'etc/xen/mail1.cfg', 'nfs/read-only-root').message,
      /read-only \(ro is the default\) to mail\*/,
    );
    assert.match(
      nfsFinding(ws, 'etc/xen/lost1.cfg', 'nfs/client-not-permitted').message,
      /^\/export\/mail1 is exported to mail\* only; lost1 boots as 192\.168\.2\.45\.$/,
    );
  });

  // [file, rule, fix title, exports text before, after]
  const fixes: [string, string, string, string, string][] = [
    [
      'etc/xen/web2.cfg',
      'nfs/client-not-permitted',
      'Add 192.168.2.11 to the export of /export/web2',
      '/export/web2    192.168.2.99(rw,sync,no_root_squash,no_subtree_check)\n',
      '/export/web2    192.168.2.99(rw,sync,no_root_squash,no_subtree_check) 192.168.2.11(rw,sync,no_root_squash,no_subtree_check)\n',
    ],
    [
      'etc/xen/app1.cfg',
      'nfs/root-not-exported',
      'Add an export of /export/app1 for 192.168.2.20',
      '',
      '/export/app1 192.168.2.20(rw,sync,no_root_squash,no_subtree_check)\n',
    ],
    [
      'etc/xen/db1.cfg',
      'nfs/client-not-permitted',
      'Add an export of /srv/db1 for 192.168.2.0/24',
      '',
      '/srv/db1 192.168.2.0/24(rw,sync,no_root_squash,no_subtree_check)\n',
    ],
    [
      'etc/xen/db1.cfg',
      'nfs/client-not-permitted',
      'Add 192.168.2.0/24 to the export of /srv',
      '/srv            192.168.2.0/25(rw,sync,no_root_squash,no_subtree_check)\n',
      '/srv            192.168.2.0/25(rw,sync,no_root_squash,no_subtree_check) 192.168.2.0/24(rw,sync,no_root_squash,no_subtree_check)\n',
    ],
    [
      'etc/xen/cache1.cfg',
      'nfs/root-squash',
      'Add no_root_squash',
      'cache1(rw,sync,root_squash,no_subtree_check)',
      'cache1(rw,sync,no_root_squash,no_subtree_check)',
    ],
    [
      'etc/xen/mail1.cfg',
      'nfs/read-only-root',
      'Make the export read-write',
      'mail*(sync,no_root_squash,no_subtree_check)',
      'mail*(sync,no_root_squash,no_subtree_check,rw)',
    ],
    [
      'boot/grub/menu.lst',
      'nfs/root-squash',
      'Add no_root_squash',
      '192.168.2.0/24(rw,sync,no_subtree_check)',
      '192.168.2.0/24(rw,sync,no_subtree_check,no_root_squash)',
    ],
  ];
  for (const [file, ruleId, title, before, after] of fixes) {
    it(`quick fix '${title}' (${file}) edits only the exports file, and the rule is then clean there`, () => {
      const ws = site();
      const original = ws.getFile(testUri('etc/exports'))?.text ?? '';
      const texts = applyFix(ws, nfsFinding(ws, file, ruleId), title);
      assert.deepEqual([...texts.keys()], ['etc/exports']);
      // An empty `before`: the fix appends a line at the end of the file.
      assert.equal(
        texts.get('etc/exports'),
        before === '' ? original + after : original.replace(before, after),
      );
      assert.deepEqual(
        nfsLines(ws).filter((l) => l.startsWith(`${file}:`) && l.includes(ruleId)),
        [],
      );
    });
  }

  it('the LSP code action carries the edit of the other file', () => {
    const ws = site();
    const uri = testUri('etc/xen/web2.cfg');
    const lines = new LineIndexCache();
    const findings = ws.check().get(uri) ?? [];
    const diagnostics = toDiagnostics(ws, findings, lines, undefined).filter(
      (d) => d.code === 'nfs/client-not-permitted',
    );
    const actions = codeActionsFor(ws, findings, diagnostics, lines);
    assert.deepEqual(
      actions.map((a) => [a.title, Object.keys(a.edit.changes), a.isPreferred]),
      [['Add 192.168.2.11 to the export of /export/web2', [testUri('etc/exports')], true]],
    );
  });
});

describe('nfs/* on several hosts with a topology file', () => {
  const site = (): Workspace => siteFromText(fixture('multi-host.site'));

  it('fires where it should and nowhere else', () => {
    assert.deepEqual(nfsLines(site()), [
      'dom0/etc/xen/g2.cfg:5:10-5:47 warning nfs/fsid-root-path',
      'dom0/etc/xen/g4.cfg:5:10-5:40 warning nfs/fsid-root-path',
      'dom0/etc/xen/g5.cfg:5:10-5:40 information nfs/server-unknown',
      'dom0/etc/xen/g6.cfg:5:10-5:40 information nfs/server-unknown',
      'dom0/etc/xen/g7.cfg:5:10-5:40 error nfs/root-not-exported',
      'oldxen/etc/xen/vm02:7:1-7:9 error nfs/client-not-permitted',
    ]);
  });

  it('fsid=0: judged by the NFS version the kernel will use (vers=, else the .config)', () => {
    const ws = site();
    assert.equal(
      nfsFinding(ws, 'dom0/etc/xen/g2.cfg', 'nfs/fsid-root-path').message,
      '/export is the NFSv4 pseudo-root of 192.168.2.5 (fsid=0), and g2 mounts over NFSv4 (vers=4 on nfsroot=): ' +
        'NFSv4 takes the path below the pseudo-root, so /export/g2 means /export/export/g2 on the server. Mount ' +
        '192.168.2.5:/g2 instead, or mount over NFSv3 (vers=3), which uses the full path.',
    );
    assert.match(
      nfsFinding(ws, 'dom0/etc/xen/g4.cfg', 'nfs/fsid-root-path').message,
      /mounts over NFSv4 \(the kernel’s default: only CONFIG_NFS_V4 is built in, not NFS_V2 or NFS_V3\)/,
    );
    const related = nfsFinding(ws, 'dom0/etc/xen/g2.cfg', 'nfs/fsid-root-path').related ?? [];
    assert.deepEqual(
      related.map((r) => [r.uri, spanText(ws, r.uri, r.span)]),
      [
        [
          testUri('nas/etc/exports'),
          '/export     192.168.2.0/24(rw,sync,fsid=0,no_root_squash,no_subtree_check)',
        ],
      ],
    );
  });

  it('server-unknown says how to map the server, once, without a fix', () => {
    const ws = site();
    const g5 = nfsFinding(ws, 'dom0/etc/xen/g5.cfg', 'nfs/server-unknown');
    assert.match(g5.message, /no host of xen-nfs-boot\.json has that address/);
    assert.match(g5.message, /add 192\.168\.2\.9 to the "addresses" of the host that serves NFS/);
    const g6 = nfsFinding(ws, 'dom0/etc/xen/g6.cfg', 'nfs/server-unknown');
    assert.match(
      g6.message,
      /host store of xen-nfs-boot\.json, but no exports file of the workspace lies under its root \(store\/\)/,
    );
    assert.deepEqual([g5.fixes ?? [], g6.fixes ?? []], [[], []]);
  });

  it("each server's own exports: the fix goes into that host's /etc/exports", () => {
    const ws = site();
    const g7 = nfsFinding(ws, 'dom0/etc/xen/g7.cfg', 'nfs/root-not-exported');
    assert.match(
      g7.message,
      /^\/export\/g7 is not exported by dom0 \(192\.168\.2\.1\): no line of dom0\/etc\/exports/,
    );
    const texts = applyFix(ws, g7, 'Add an export of /export/g7 for 192.168.2.27');
    assert.deepEqual([...texts.keys()], ['dom0/etc/exports']);
    assert.ok(
      texts
        .get('dom0/etc/exports')
        ?.endsWith('\n/export/g7 192.168.2.27(rw,sync,no_root_squash,no_subtree_check)\n'),
    );
    assert.deepEqual(
      nfsLines(ws).filter((l) => l.startsWith('dom0/etc/xen/g7.cfg')),
      [],
    );
  });

  it("xm's nfs_root: the diagnostic sits on the key, the fix adds the guest's address", () => {
    const ws = site();
    const vm02 = nfsFinding(ws, 'oldxen/etc/xen/vm02', 'nfs/client-not-permitted');
    assert.equal(spanText(ws, vm02.uri, vm02.span), 'nfs_root');
    assert.equal(
      vm02.message,
      '/export/vm02 is not exported itself, and its parent /export is exported to 192.168.2.0/24 only; vm02 ' +
        'boots as 10.0.0.28.',
    );
    applyFix(ws, vm02, 'Add an export of /export/vm02 for 10.0.0.28');
    assert.deepEqual(
      nfsLines(ws).filter((l) => l.startsWith('oldxen/')),
      [],
    );
  });
});

describe('nfs/* on effective options', () => {
  const guest = (n: number, path: string): string =>
    `=== etc/xen/g${n}.cfg\nname = "g${n}"\nroot = "/dev/nfs"\n` +
    `extra = "nfsroot=10.0.0.1:${path} ip=10.0.0.${n}:10.0.0.1::255.255.255.0::eth0:off"\n`;

  it("`-` default lists, all_squash, and an unknown address with an export to everyone ('*')", () => {
    const ws = siteFromText(
      guest(2, '/d') +
        guest(3, '/s') +
        '=== boot/grub/menu.lst\ntitle any\n  kernel /xen.gz\n  module /vmlinuz root=/dev/nfs nfsroot=10.0.0.1:/w ip=dhcp\n' +
        '=== etc/exports\n/d -rw,no_root_squash 10.0.0.2(sync,no_subtree_check)\n' +
        '/s 10.0.0.3(rw,all_squash,no_subtree_check)\n/w *(rw,sync,no_subtree_check)\n',
    );
    assert.deepEqual(nfsLines(ws, true), [
      'boot/grub/menu.lst:3:33-3:52 warning nfs/root-squash: /w is exported to the world with root_squash (the ' +
        'default): root on ‘any’ becomes nobody on the server, and a root file system needs root (files owned by ' +
        'root, setuid programs, writes at boot). Add no_root_squash.',
      'etc/xen/g3.cfg:3:10-3:29 warning nfs/root-squash: /s is exported to 10.0.0.3 with all_squash: root on g3 ' +
        'becomes nobody on the server, and a root file system needs root (files owned by root, setuid programs, ' +
        'writes at boot). Add no_root_squash.',
    ]);
    const texts = applyFix(ws, nfsFinding(ws, 'etc/xen/g3.cfg', 'nfs/root-squash'), 'Add no_root_squash');
    assert.match(texts.get('etc/exports') ?? '', /^\/s 10\.0\.0\.3\(rw,no_root_squash,no_subtree_check\)$/m);
    assert.deepEqual(
      nfsLines(ws).filter((l) => l.startsWith('etc/xen/')),
      [],
    );
  });
});

describe('nfs/* stays silent without the information to judge', () => {
  it('no exports file and no topology: nothing (nfs/server-unknown needs topology hosts)', () => {
    const ws = siteFromText(fixture('single-host.site').replace(/=== etc\/exports\n[^]*?(?==== |$)/, ''));
    assert.deepEqual(nfsLines(ws), []);
  });

  it('no server the kernel can learn, a server named by host name, an xm config under xl: nothing', () => {
    const ws = siteFromText(
      '=== etc/xen/a.cfg\nname = "a"\nroot = "/dev/nfs"\nextra = "ip=10.0.0.2::10.0.0.1:255.255.255.0::eth0:off"\n' +
        '=== etc/xen/b.cfg\nname = "b"\nroot = "/dev/nfs"\nextra = "nfsroot=nas:/export/b ip=10.0.0.3::::::off"\n' +
        `=== etc/xen/domu1\n${SEED}` +
        '=== etc/exports\n/export/x 10.0.0.9(rw,sync,no_root_squash,no_subtree_check)\n',
    );
    assert.deepEqual(nfsLines(ws), []);
  });
});

describe('nfs/* on the example lab (examples/lab, with its topology file)', () => {
  const LAB = path.join(__dirname, '../../../../examples/lab');

  /** The lab as a workspace; `edit` may change a file's text by its lab path. */
  function lab(edit: (p: string, text: string) => string = (_p, t) => t): Workspace {
    const files: [string, string][] = [];
    const walk = (dir: string): void => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, e.name);
        if (e.isDirectory()) walk(full);
        else files.push([path.relative(LAB, full).split(path.sep).join('/'), fs.readFileSync(full, 'utf8')]);
      }
    };
    walk(LAB);
    return siteFromText(files.map(([p, t]) => `=== ${p}\n${edit(p, t)}`).join(''));
  }

  it('as shipped: only app1 is not exported (db1 names its server by name, domu1 runs under xl: other rules)', () => {
    assert.deepEqual(nfsLines(lab()), ['dom0/etc/xen/app1.cfg:9:10-9:49 error nfs/root-not-exported']);
  });

  it("the seed's domU under xm against the lab's export line with a space before '('", () => {
    const ws = lab((p, t) =>
      p === 'xen-nfs-boot.json' ? t.replace('"root": "dom0" }', '"root": "dom0", "toolstack": "xm" }') : t,
    );
    assert.deepEqual(nfsLines(ws), [
      'dom0/etc/xen/app1.cfg:9:10-9:49 error nfs/root-not-exported',
      'dom0/etc/xen/domu1:33:1-33:9 information nfs/read-only-root',
      'dom0/etc/xen/domu1:33:1-33:9 warning nfs/root-squash',
    ]);
  });

  it('a GRUB menu handed out by a DHCP host (option-150) boots as that host’s fixed-address', () => {
    const ws = lab((p, t) =>
      p === 'dom0/etc/exports'
        ? t.replace('/export/xen2    192.168.2.20(', '/export/xen2    192.168.2.21(')
        : t,
    );
    const lines = nfsLines(ws, true).filter((l) => !l.startsWith('dom0/etc/xen/app1.cfg'));
    assert.equal(lines.length, 1);
    assert.match(
      lines[0],
      /^dom0\/srv\/tftp\/grub\/menu\.lst:\d+:\d+-\d+:\d+ error nfs\/client-not-permitted: \/export\/xen2 is exported to 192\.168\.2\.21 only; ‘Xen 4\.17 \/ Linux 6\.1, root on NFS from dom0’ boots as 192\.168\.2\.20 \(its DHCP fixed-address\)\.$/,
    );
  });
});

describe('seed how-to 000 under xm with its /etc/exports line', () => {
  const EXPORT = '/export/domu1 192.168.2.2(rw,fsid=0,async,wdelay,no_root_squash,no_subtree_check)\n';
  const seedSite = (config: string, exportsText = EXPORT): Workspace =>
    siteFromText(
      `=== xen-nfs-boot.json\n{ "toolstack": "xm" }\n=== etc/xen/domu1\n${config}=== etc/exports\n${exportsText}`,
    );

  it('clean: a 3.0 kernel mounts /export/domu1 over NFSv2 (v3 with vers=3), where fsid=0 changes no path', () => {
    assert.deepEqual(nfsLines(seedSite(SEED)), []);
  });

  it('nfs/fsid-root-path once the guest mounts over NFSv4', () => {
    const v4 = SEED.replace("nfs_root ='/export/domu1'", "nfs_root ='/export/domu1,vers=4'");
    const ws = seedSite(v4);
    assert.deepEqual(nfsLines(ws, true), [
      `etc/xen/domu1:33:1-33:9 warning nfs/fsid-root-path: /export/domu1 is the NFSv4 pseudo-root of 192.168.2.1 ` +
        '(fsid=0), and domu1 mounts over NFSv4 (vers=4 on nfsroot=): NFSv4 takes the path below the pseudo-root, ' +
        'so /export/domu1 means /export/domu1/export/domu1 on the server. Mount 192.168.2.1:/ instead, or mount ' +
        'over NFSv3 (vers=3), which uses the full path.',
    ]);
  });

  it("the lab's copy with a space before '(': 192.168.2.2 gets the defaults; both fixes make it clean", () => {
    const lab = '/export/domu1   192.168.2.2 (rw,fsid=0,async,wdelay,no_root_squash,no_subtree_check)\n';
    const ws = seedSite(SEED, lab);
    assert.deepEqual(nfsLines(ws), [
      'etc/xen/domu1:33:1-33:9 information nfs/read-only-root',
      'etc/xen/domu1:33:1-33:9 warning nfs/root-squash',
    ]);
    applyFix(ws, nfsFinding(ws, 'etc/xen/domu1', 'nfs/root-squash'), 'Add no_root_squash');
    applyFix(ws, nfsFinding(ws, 'etc/xen/domu1', 'nfs/read-only-root'), 'Make the export read-write');
    assert.equal(
      ws.getFile(testUri('etc/exports'))?.text,
      '/export/domu1   192.168.2.2(no_root_squash,rw) (rw,fsid=0,async,wdelay,no_root_squash,no_subtree_check)\n',
    );
    assert.deepEqual(nfsLines(ws), []);
  });
});
