import type { Finding } from '../../core/finding';
import type { Span } from '../../core/text';
import { stringOf } from '../../formats/xen/settings';
import type { Setting } from '../../formats/xen/settings';
import type { XenFile } from '../types';

/** `xen/cmdline-overrides`, `xen/nfs-incomplete`, `xen/ip-and-dhcp`, `xen/ramdisk-nfsroot`. */
export function checkXenBoot(file: XenFile): Finding[] {
  return [...cmdlineOverrides(file), ...nfsIncomplete(file), ...ipAndDhcp(file), ...ramdiskNfsroot(file)];
}

function keySpan(s: Setting): Span {
  return s.key.span;
}

/** xl uses `cmdline` and ignores `root`/`extra` with a warning (tools/xl/xl_parse.c). */
function cmdlineOverrides(file: XenFile): Finding[] {
  const s = file.domain.settings;
  const cmdline = s.get('cmdline');
  if (file.domain.toolstack !== 'xl' || !cmdline || stringOf(cmdline) === undefined) return [];
  return (['root', 'extra'] as const).flatMap((k) => {
    const other = s.get(k);
    if (!other) return [];
    return [
      {
        ruleId: 'xen/cmdline-overrides',
        uri: file.uri,
        span: keySpan(other),
        message: `'${k}' is ignored because 'cmdline' is set: xl passes only 'cmdline' to the kernel`,
        related: [{ uri: file.uri, span: keySpan(cmdline), message: "the 'cmdline' that wins" }],
      },
    ];
  });
}

/**
 * `root=/dev/nfs` with no server anywhere on the command line and no autoconfiguration to learn one
 * (nfsroot.rst: the server comes from `nfsroot=`, else `ip=`'s server field, else DHCP/BOOTP/RARP).
 * xm refused `nfs_root` without `nfs_server` ("Must set nfs root and nfs server").
 */
function nfsIncomplete(file: XenFile): Finding[] {
  const d = file.domain;
  const s = d.settings;
  const nfsRoot = s.get('nfs_root');
  if (d.toolstack === 'xm' && nfsRoot && stringOf(nfsRoot) !== undefined && !stringOf(s.get('nfs_server'))) {
    return [
      {
        ruleId: 'xen/nfs-incomplete',
        uri: file.uri,
        span: keySpan(nfsRoot),
        message:
          "'nfs_root' is set without 'nfs_server': xm refuses the domain (\"Must set nfs root and nfs server\")",
      },
    ];
  }
  if (!d.boot.rootIsNfs || d.boot.server || !d.boot.root) return [];
  const span = d.commandLine.map.locate(d.boot.root.start, d.boot.root.end);
  return [
    {
      ruleId: 'xen/nfs-incomplete',
      uri: file.uri,
      span,
      message: `root=/dev/nfs, but the kernel cannot learn the NFS server: the command line ('${d.commandLine.text}') has no server in nfsroot=, no server field in ip=, and no ip=dhcp`,
    },
  ];
}

function ipAndDhcp(file: XenFile): Finding[] {
  const s = file.domain.settings;
  const ip = s.get('ip');
  const dhcp = s.get('dhcp');
  if (!ip || !stringOf(ip) || stringOf(dhcp) !== 'dhcp' || !dhcp) return [];
  return [
    {
      ruleId: 'xen/ip-and-dhcp',
      uri: file.uri,
      span: keySpan(ip),
      message: `a static ip '${stringOf(ip)}' together with dhcp = "dhcp": the kernel asks DHCP anyway and the reply may give another address`,
      related: [{ uri: file.uri, span: keySpan(dhcp), message: 'DHCP is turned on here' }],
    },
  ];
}

/** With an initramfs the kernel's own nfsroot code is not used (nfsroot.rst; Debian's initramfs-tools mounts the root). */
function ramdiskNfsroot(file: XenFile): Finding[] {
  const d = file.domain;
  const ramdisk = d.settings.get('ramdisk');
  if (!ramdisk || !d.boot.rootIsNfs || stringOf(ramdisk) === undefined) return [];
  return [
    {
      ruleId: 'xen/ramdisk-nfsroot',
      uri: file.uri,
      span: keySpan(ramdisk),
      message:
        'with a ramdisk, the initramfs mounts the NFS root, not the kernel: the initramfs must support it (e.g. Debian initramfs-tools with BOOT=nfs)',
    },
  ];
}
