import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseKconfigExpr } from '../../../../server/src/formats/kconfig/expression';
import { nfsRootRequirements, versionFromFileName } from '../../../../server/src/formats/kconfig/model';
import {
  isKconfigPath,
  looksLikeKconfig,
  recogniseKconfig,
} from '../../../../server/src/formats/kconfig/recognise';
import {
  KCONFIG_SYMBOLS,
  KCONFIG_SYMBOL_MAP,
  symbolCondition,
} from '../../../../server/src/formats/kconfig/symbols';
import { FIXTURES, analyseKconfig, applyKconfigEdits, debianStockConfig } from '../../helpers/kconfig-site';

const fixture = (name: string): string => fs.readFileSync(path.join(FIXTURES, 'kconfig', name), 'utf8');

/** The lines a group of settings writes. */
const lines = (settings: readonly { line: string }[]): string[] => settings.map((s) => s.line);

describe('kconfig model: symbol values and the header', () => {
  it("reads each symbol's value with its line; '# … is not set' is n; the last line wins", () => {
    const file = analyseKconfig(
      'CONFIG_NFS_FS=m\n# CONFIG_IP_PNP is not set\nCONFIG_NFS_FS=y\nCONFIG_X="a"\n',
    );
    const nfs = file.model.symbols.get('NFS_FS');
    assert.equal(nfs?.state, 'y');
    assert.equal(nfs?.occurrences.length, 2);
    assert.equal(file.text.slice(nfs?.entry.line.start, nfs?.entry.line.end), 'CONFIG_NFS_FS=y');
    assert.equal(file.model.symbols.get('IP_PNP')?.state, 'n');
    assert.deepEqual(
      [file.model.symbols.get('X')?.state, file.model.symbols.get('X')?.text],
      ['value', '"a"'],
    );
    assert.equal(file.model.symbols.get('ROOT_NFS'), undefined);
    assert.equal(file.model.complete, false);
  });

  it('reads the kernel version from the header, old and new style, and from a config-<version> name', () => {
    assert.deepEqual(
      [
        analyseKconfig(debianStockConfig()).model.version?.version,
        analyseKconfig(debianStockConfig()).model.version?.arch,
      ],
      ['6.1.192', 'x86'],
    );
    assert.equal(analyseKconfig(fixture('old-2.6.config')).model.version?.version, '2.6.20-xen');
    assert.equal(versionFromFileName('boot/config-6.1.0-13-amd64'), '6.1.0-13-amd64');
    assert.equal(versionFromFileName('boot/.config'), undefined);
  });
});

describe('kconfig symbol table', () => {
  it('has unique names, Kconfig expressions that parse, and selects that name symbols', () => {
    assert.equal(KCONFIG_SYMBOL_MAP.size, KCONFIG_SYMBOLS.length);
    for (const s of KCONFIG_SYMBOLS) {
      const condition = symbolCondition(s);
      if (condition) assert.doesNotThrow(() => parseKconfigExpr(condition), s.name);
      for (const sel of s.selects ?? []) assert.match(sel, /^[A-Z0-9_]+( if .+)?$/, s.name);
      assert.ok(s.doc.length > 20 && s.source.length > 0, s.name);
    }
  });

  it('covers the symbols an NFS-root boot depends on', () => {
    for (const name of [
      'NFS_FS',
      'NFS_V2',
      'NFS_V3',
      'NFS_V4',
      'NFS_V4_1',
      'NFS_V4_2',
      'ROOT_NFS',
      'NFS_USE_KERNEL_DNS',
      'SUNRPC',
      'LOCKD',
      'IP_PNP',
      'IP_PNP_DHCP',
      'IP_PNP_BOOTP',
      'IP_PNP_RARP',
      'NET',
      'INET',
      'XEN',
      'XEN_PV',
      'XEN_PVH',
      'XEN_DOM0',
      'XEN_NETDEV_FRONTEND',
      'XEN_NETDEV_BACKEND',
      'XEN_BLKDEV_FRONTEND',
      'NETDEVICES',
      'ETHERNET',
      'E1000',
      'E1000E',
      'IGB',
      'R8169',
      'TIGON3',
      'BNX2',
      'VIRTIO_NET',
      '8139CP',
      'VORTEX',
      'DEVTMPFS',
      'DEVTMPFS_MOUNT',
      'BLK_DEV_INITRD',
      'NFSD',
      'NFSD_V3',
      'NFSD_V4',
    ])
      assert.ok(KCONFIG_SYMBOL_MAP.has(name), name);
    assert.equal(
      symbolCondition(KCONFIG_SYMBOL_MAP.get('ROOT_NFS')!),
      'NETWORK_FILESYSTEMS && NFS_FS=y && IP_PNP',
    );
  });
});

describe('nfsRootRequirements', () => {
  it("Debian's stock config: NFS_FS=m, IP_PNP not set, ROOT_NFS absent, XEN_NETDEV_FRONTEND=m", () => {
    const file = analyseKconfig(debianStockConfig());
    const r = nfsRootRequirements(file, { domU: true, protocol: 'dhcp' });
    assert.deepEqual(
      r.problems.map((p) => `${p.ruleId} ${p.symbol}`),
      [
        'kernel/nfs-not-builtin NFS_FS',
        'kernel/ip-autoconfig-disabled IP_PNP',
        'kernel/ip-autoconfig-disabled IP_PNP_DHCP',
        'kernel/root-nfs-disabled ROOT_NFS',
        'kernel/nfs-version-unavailable NFS_V3',
        'kernel/netfront-not-builtin XEN_NETDEV_FRONTEND',
      ],
    );
    assert.match(r.problems[0].message, /^CONFIG_NFS_FS is m \(a module\); an NFS root needs y/);
    assert.match(r.problems[1].message, /^CONFIG_IP_PNP is not set \(n\)/);
    assert.match(
      r.problems[3].message,
      /^CONFIG_ROOT_NFS has no line \(its dependencies are off, so it is n\)/,
    );
    // ROOT_NFS alone brings its whole dependency group: NFS_FS=y (and what NFS_FS selects) and IP_PNP.
    assert.deepEqual(lines(r.problems[3].settings), [
      'CONFIG_ROOT_NFS=y',
      'CONFIG_NFS_FS=y',
      'CONFIG_LOCKD=y',
      'CONFIG_SUNRPC=y',
      'CONFIG_IP_PNP=y',
    ]);
    assert.deepEqual(lines(r.settings), [
      'CONFIG_NFS_FS=y',
      'CONFIG_LOCKD=y',
      'CONFIG_SUNRPC=y',
      'CONFIG_IP_PNP=y',
      'CONFIG_IP_PNP_DHCP=y',
      'CONFIG_ROOT_NFS=y',
      'CONFIG_NFS_V3=y',
      'CONFIG_XEN_NETDEV_FRONTEND=y',
    ]);
    assert.deepEqual(r.unresolved, []);
  });

  it('writes the group into the stock config: lines replaced in place, missing ones inserted near their kin', () => {
    const text = debianStockConfig();
    const file = analyseKconfig(text);
    const fixed = applyKconfigEdits(text, nfsRootRequirements(file, { domU: true, protocol: 'dhcp' }).edits);
    assert.match(fixed, /\nCONFIG_IP_PNP=y\nCONFIG_IP_PNP_DHCP=y\n/);
    assert.match(fixed, /\nCONFIG_NFS_V4_2=y\nCONFIG_ROOT_NFS=y\n/);
    assert.doesNotMatch(fixed, /CONFIG_NFS_FS=m|# CONFIG_IP_PNP is not set|CONFIG_XEN_NETDEV_FRONTEND=m/);
    const again = analyseKconfig(fixed);
    assert.deepEqual(nfsRootRequirements(again, { domU: true, protocol: 'dhcp' }).problems, []);
  });

  it('a good NFS-root domU config needs nothing', () => {
    const file = analyseKconfig(fixture('domu-nfsroot.config'));
    const r = nfsRootRequirements(file, { domU: true, protocol: 'dhcp', nfsVersion: '3' });
    assert.deepEqual([r.problems, r.settings, r.edits], [[], [], []]);
  });

  it('asks for the protocol and version the command line names', () => {
    const file = analyseKconfig(fixture('domu-nfsroot.config'));
    const r = nfsRootRequirements(file, { domU: false, protocol: 'rarp', nfsVersion: '4.1' });
    assert.deepEqual(
      r.problems.map((p) => `${p.ruleId} ${p.symbol}`),
      ['kernel/ip-autoconfig-disabled IP_PNP_RARP', 'kernel/nfs-version-unavailable NFS_V4_1'],
    );
    // The fixture has the kernel's header, so a symbol without a line is n: NFS_V4's select of SUNRPC_GSS
    // and what that needs join the group.
    assert.deepEqual(lines(r.problems[1].settings), [
      'CONFIG_NFS_V4_1=y',
      'CONFIG_NFS_V4=y',
      'CONFIG_SUNRPC_GSS=y',
      'CONFIG_MULTIUSER=y',
    ]);
    // ip=bootp is served by the DHCP code too (net/ipv4/ipconfig.c), so IP_PNP_DHCP=y is enough.
    assert.deepEqual(nfsRootRequirements(file, { domU: false, protocol: 'bootp' }).problems, []);
  });

  it("seed 001's fragment 'CONFIG_IP_PNP=y CONFIG_IP_PNP_DHCP=y': the rest is missing, nothing assumed about deps", () => {
    const file = analyseKconfig('CONFIG_IP_PNP=y\nCONFIG_IP_PNP_DHCP=y\n', 'kernel/nfsroot.config');
    const r = nfsRootRequirements(file, { domU: false, protocol: 'dhcp' });
    assert.deepEqual(
      r.problems.map((p) => p.symbol),
      ['NFS_FS', 'ROOT_NFS', 'NFS_V3'],
    );
    assert.match(r.problems[0].message, /CONFIG_NFS_FS is not in this file/);
    // In a fragment, a dependency without a line is unknown, not off: no INET=y or NETWORK_FILESYSTEMS=y is added.
    assert.deepEqual(lines(r.settings), ['CONFIG_NFS_FS=y', 'CONFIG_ROOT_NFS=y', 'CONFIG_NFS_V3=y']);
    assert.equal(
      applyKconfigEdits(file.text, r.edits),
      'CONFIG_IP_PNP=y\nCONFIG_IP_PNP_DHCP=y\nCONFIG_NFS_FS=y\nCONFIG_NFS_V3=y\nCONFIG_ROOT_NFS=y\n',
    );
  });

  it("seed 001's whole list: a dom0 kernel that is fine, a domU kernel without netfront built in", () => {
    const file = analyseKconfig(fixture('seed-001.config'), 'seed/kernel.config');
    assert.deepEqual(nfsRootRequirements(file, { domU: false, protocol: 'dhcp' }).problems, []);
    const domU = nfsRootRequirements(file, { domU: true, protocol: 'dhcp' });
    assert.deepEqual(
      domU.problems.map((p) => p.message),
      [
        'CONFIG_XEN_NETDEV_FRONTEND is m (a module); an NFS root needs y: the guest’s only network card is Xen’s netfront, and a module is loaded only after the root is mounted',
      ],
    );
  });
});

describe('kconfig recognition', () => {
  it('by name: .config, config-<version>, *.config; confirmed by content', () => {
    for (const p of ['linux/.config', 'boot/config-6.1.0-13-amd64', 'kernel/configs/xen.config'])
      assert.ok(isKconfigPath(p), p);
    for (const p of ['etc/config', 'boot/config', '.git/config', 'x/.hidden.config'])
      assert.ok(!isKconfigPath(p), p);
    assert.ok(recogniseKconfig('boot/config-6.1.0', '# CONFIG_NFS_FS is not set\n'));
    assert.ok(!recogniseKconfig('web.config', '<configuration/>\n'));
  });

  it('by content alone: the header, or mostly CONFIG_ lines', () => {
    assert.ok(looksLikeKconfig(debianStockConfig()));
    assert.ok(looksLikeKconfig('CONFIG_A=y\nCONFIG_B=m\n# CONFIG_C is not set\n'));
    assert.ok(!looksLikeKconfig('#!/bin/sh\nCONFIG_A=y\necho a\necho b\nexit 0\n'));
    assert.ok(!looksLikeKconfig('name = "domu1"\n'));
  });
});
