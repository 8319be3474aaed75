import { debianStockConfig } from '../helpers/kconfig-site';

/**
 * Whole sites for the `kernel/*` rules (shared RULES.md, "Across files"), each a string of `=== path`
 * sections for `siteFromText`. Debian 12's stock config (NFS_FS=m, IP_PNP not set, ROOT_NFS absent,
 * XEN_NETDEV_FRONTEND=m) stands for a distribution kernel; `completeConfig` for one built for an NFS root.
 */

/** A `.config` with the header the kernel's tools write (so a symbol without a line is n), and `lines`. */
export function completeConfig(version: string, lines: readonly string[]): string {
  return `#\n# Automatically generated file; DO NOT EDIT.\n# Linux/x86 ${version} Kernel Configuration\n#\n${lines.join('\n')}\n`;
}

/** What a kernel that mounts its root over NFS by itself has, as `make olddefconfig` writes it. */
export const NFSROOT_LINES: readonly string[] = [
  'CONFIG_XEN=y',
  'CONFIG_NET=y',
  'CONFIG_INET=y',
  'CONFIG_IP_PNP=y',
  'CONFIG_IP_PNP_DHCP=y',
  '# CONFIG_IP_PNP_BOOTP is not set',
  '# CONFIG_IP_PNP_RARP is not set',
  'CONFIG_XEN_NETDEV_FRONTEND=y',
  'CONFIG_NFS_FS=y',
  '# CONFIG_NFS_V2 is not set',
  'CONFIG_NFS_V3=y',
  'CONFIG_NFS_V4=y',
  '# CONFIG_NFS_V4_1 is not set',
  'CONFIG_ROOT_NFS=y',
  'CONFIG_LOCKD=y',
  'CONFIG_SUNRPC=y',
];

/** NFSROOT_LINES with some lines replaced: `{ 'CONFIG_IP_PNP_DHCP=y': '# CONFIG_IP_PNP_DHCP is not set' }`. */
export function nfsrootLinesWith(changes: Readonly<Record<string, string>>): string[] {
  return NFSROOT_LINES.map((l) => changes[l] ?? l);
}

/** Single host, no topology (so xl): Debian's stock kernel under three domUs. */
export function debianSite(): string {
  return `=== etc/xen/web1.cfg
name = "web1"
kernel = "/boot/vmlinuz-6.1.0-13-amd64"
root = "/dev/nfs"
extra = "nfsroot=192.168.2.1:/export/web1 ip=dhcp"
vif = [ 'mac=00:16:3e:00:00:01' ]
=== etc/xen/web2.cfg
name = "web2"
kernel = "/boot/vmlinuz-6.1.0-13-amd64"
ramdisk = "/boot/initrd.img-6.1.0-13-amd64"
root = "/dev/nfs"
extra = "nfsroot=192.168.2.1:/export/web2 ip=dhcp"
=== etc/xen/disk.cfg
name = "disk"
kernel = "/boot/vmlinuz-6.1.0-13-amd64"
root = "/dev/xvda1 ro"
=== boot/config-6.1.0-13-amd64
${debianStockConfig()}`;
}

/**
 * Two hosts with a topology: dom0 boots from NFS through GRUB legacy, GRUB 2 and PXELINUX (its own
 * kernel, `dom0/boot/config-3.0.4`, lacks IP_PNP_RARP and has XEN_NETDEV_FRONTEND=m, which a dom0 does
 * not need); its domUs use a kernel mapped by the topology's `kernels` and one found by version.
 */
export function multiHostSite(): string {
  const dom0Config = completeConfig(
    '3.0.4',
    nfsrootLinesWith({ 'CONFIG_XEN_NETDEV_FRONTEND=y': 'CONFIG_XEN_NETDEV_FRONTEND=m' }),
  );
  // The same version under another host's root: not dom0's (its kernel is beside the image in dom0/).
  const otherConfig = completeConfig('3.0.4', nfsrootLinesWith({ 'CONFIG_NFS_FS=y': 'CONFIG_NFS_FS=m' }));
  const domuConfig = completeConfig(
    '6.1.0',
    nfsrootLinesWith({
      'CONFIG_NFS_V4=y': 'CONFIG_NFS_V4=m',
      'CONFIG_NFS_V3=y': '# CONFIG_NFS_V3 is not set',
    }),
  );
  return `=== xen-nfs-boot.json
{
  "toolstack": "xl",
  "hosts": [
    { "name": "dom0", "addresses": ["192.168.2.1"], "root": "dom0", "tftpRoot": "dom0/srv/tftp" },
    { "name": "nfs", "addresses": ["192.168.2.5"], "root": "nfs" }
  ],
  "kernels": { "/srv/xen/vmlinuz-domu": "kernels/domu.config", "/srv/xen/vmlinuz-lost": "kernels/lost.config" }
}
=== dom0/boot/grub/menu.lst
default 0
title Xen NFS root
kernel /xen.gz dom0_mem=1024M
module /vmlinuz-3.0.4 root=/dev/nfs nfsroot=192.168.2.5:/export/dom0 ip=rarp
title Xen NFS root with initrd
kernel /xen.gz dom0_mem=1024M
module /vmlinuz-3.0.4 root=/dev/nfs nfsroot=192.168.2.5:/export/dom0 ip=rarp
module /initrd.img-3.0.4
=== dom0/boot/grub/grub.cfg
menuentry 'Xen (GRUB 2)' {
  multiboot2 /xen.gz dom0_mem=1024M
  module2 /vmlinuz-3.0.4 root=/dev/nfs nfsroot=192.168.2.5:/export/dom0,vers=4.1 ip=dhcp
}
=== dom0/srv/tftp/pxelinux.cfg/01-00-16-3e-00-00-09
DEFAULT xen
LABEL xen
  KERNEL mboot.c32
  APPEND xen.gz dom0_mem=1024M --- vmlinuz-2.6.32 root=/dev/nfs nfsroot=192.168.2.5:/export/dom0 ip=bootp
=== dom0/boot/config-3.0.4
${dom0Config}=== nfs/boot/config-3.0.4
${otherConfig}=== dom0/etc/xen/db1.cfg
name = "db1"
kernel = "/srv/xen/vmlinuz-domu"
root = "/dev/nfs"
extra = "nfsroot=192.168.2.5:/export/db1 ip=192.168.2.20:192.168.2.5:192.168.2.1:255.255.255.0:db1:eth0:off"
=== dom0/etc/xen/db2.cfg
name = "db2"
kernel = "/srv/xen/vmlinuz-lost"
root = "/dev/nfs"
extra = "nfsroot=192.168.2.5:/export/db2 ip=dhcp"
=== kernels/domu.config
${domuConfig}`;
}
