/**
 * Linux kernel command-line parameters that decide an NFS-root boot, the ten fields of `ip=`, and
 * (re-exported from nfsroot-options.ts) the NFS mount options `nfsroot=` passes on. Facts from Linux 6.1:
 * Documentation/admin-guide/nfs/nfsroot.rst, kernel-parameters.txt, fs/nfs/nfsroot.c, net/ipv4/ipconfig.c,
 * init/do_mounts.c.
 */

import type { SubOptionSpec } from '../option-spec';

export { NFSROOT_OPTIONS, NFS_VERSION_VALUES } from './nfsroot-options';

const SRC_NFSROOT = 'Documentation/admin-guide/nfs/nfsroot.rst';
const SRC_PARAMS = 'Documentation/admin-guide/kernel-parameters.txt';
const SRC_IPCONFIG = 'net/ipv4/ipconfig.c';
const SRC_DO_MOUNTS = 'init/do_mounts.c';

/** The autoconfiguration methods of the `ip=` autoconf field, also valid alone as `ip=<method>`. */
export const AUTOCONF_VALUES: readonly string[] = [
  'off',
  'none',
  'on',
  'any',
  'dhcp',
  'bootp',
  'rarp',
  'both',
];

/** Parameters that pick and mount the root file system. */
const ROOT_PARAMS: readonly SubOptionSpec[] = [
  {
    name: 'root',
    doc:
      'The root device. `root=/dev/nfs` is no device node but a marker telling the kernel to mount its ' +
      'root over NFS, using `nfsroot=` and `ip=`; it must be spelt exactly so. `nfsroot=` with no `root=` ' +
      'at all also picks NFS, but any other `root=` wins. With an initramfs its scripts read `root=` ' +
      'instead (initramfs-tools also take `/dev/nfs` to mean an NFS boot).',
    source: `${SRC_NFSROOT}; ${SRC_DO_MOUNTS}; fs/nfs/nfsroot.c`,
  },
  {
    name: 'nfsroot',
    doc:
      '`[<server-ip>:]<root-dir>[,<nfs-options>]`. The server must be a dotted-quad IPv4 address since the ' +
      'kernel resolves no names (`srv:/p` turns into the path `/tftpboot/srv:/p`); without one the kernel ' +
      'takes the server from DHCP root-path or `ip=`/autoconfiguration. The default path is ' +
      '`/tftpboot/%s`, `%s` being the client name (its IP address unless one was set). Ignored when an ' +
      'initramfs `/init` does the mounting.',
    source: `${SRC_NFSROOT}; fs/nfs/nfsroot.c`,
  },
  {
    name: 'nfsrootdebug',
    doc:
      'Log the NFS root server, path and mount options while booting. Only kernels built with RPC ' +
      'debugging (`CONFIG_SUNRPC_DEBUG`) know it.',
    source: `${SRC_NFSROOT}; fs/nfs/nfsroot.c`,
  },
  {
    name: 'rw',
    doc:
      'Mount the root read-write from the start. Without it the kernel mounts the root read-only and ' +
      'leaves remounting to the boot scripts; a diskless root usually needs `rw` and an export that ' +
      'permits writing.',
    source: `${SRC_PARAMS}; ${SRC_DO_MOUNTS}`,
  },
  {
    name: 'ro',
    doc:
      'Mount the root read-only, which is already the default; the boot scripts may remount it read-write ' +
      'later.',
    source: `${SRC_PARAMS}; ${SRC_DO_MOUNTS}`,
  },
  {
    name: 'rootwait',
    doc:
      'Wait, without limit, for a slow root block device to show up. It makes no difference to an NFS ' +
      'root.',
    source: `${SRC_PARAMS}; ${SRC_DO_MOUNTS}`,
  },
  {
    name: 'rootdelay',
    doc:
      'Seconds to sleep before mounting the root, NFS included; ' +
      'the network is already configured by then.',
    source: `${SRC_PARAMS}; ${SRC_DO_MOUNTS}`,
  },
  {
    name: 'rootfstype',
    doc:
      'File-system types to try for a block-device root. An NFS root ignores it: the kernel always mounts ' +
      'it as `nfs`.',
    source: `${SRC_PARAMS}; ${SRC_DO_MOUNTS}`,
  },
  {
    name: 'rootflags',
    doc:
      'Mount options for a block-device root. An NFS root ignores them; NFS options go after the path in ' +
      '`nfsroot=`.',
    source: `${SRC_PARAMS}; ${SRC_DO_MOUNTS}`,
  },
];

/** Parameters for the early network configuration. */
const NETWORK_PARAMS: readonly SubOptionSpec[] = [
  {
    name: 'ip',
    doc:
      'Kernel-level network setup before the root is mounted: ' +
      '`<client-ip>:<server-ip>:<gw-ip>:<netmask>:<hostname>:<device>:<autoconf>:' +
      '<dns0-ip>:<dns1-ip>:<ntp0-ip>`, or just a method such as `ip=dhcp`. Without `ip=` (or `nfsaddrs=`) ' +
      'the kernel configures no network at all, so its NFS root is out of reach. Needs `CONFIG_IP_PNP`, ' +
      'and only the methods compiled in work.',
    source: `${SRC_NFSROOT}; ${SRC_IPCONFIG}`,
  },
  {
    name: 'nfsaddrs',
    doc: 'The original name of `ip=`, still accepted with exactly the same syntax.',
    source: `${SRC_NFSROOT}; ${SRC_IPCONFIG}`,
    deprecated: 'use `ip=`',
  },
  {
    name: 'dhcpclass',
    doc:
      'Vendor class identifier (DHCP option 60) in the kernel DHCP requests, which a dhcpd `class` can ' +
      'match on.',
    source: SRC_IPCONFIG,
  },
  {
    name: 'nfs.nfs4_unique_id',
    doc:
      'A fixed extra string, usually a UUID, that the NFSv4 client adds to its client identity. Diskless ' +
      'clients cloned from one image easily share a host name; a per-client ID keeps the server from ' +
      'confusing their state.',
    source: SRC_PARAMS,
  },
];

/** Parameters about the initramfs, init, console and failure handling. */
const BOOT_FLOW_PARAMS: readonly SubOptionSpec[] = [
  {
    name: 'initrd',
    doc:
      'Where an initial ramdisk is, for boot loaders that take it from the command line (e.g. the EFI ' +
      'stub). A Xen guest gets its ramdisk from the `ramdisk` key of its domain config, a GRUB multiboot ' +
      'entry from a `module` line.',
    source: SRC_PARAMS,
  },
  {
    name: 'noinitrd',
    doc:
      'Do not use an old-style initrd image; a cpio initramfs is still unpacked and its `/init` still ' +
      'runs.',
    source: SRC_PARAMS,
  },
  {
    name: 'rdinit',
    doc:
      'Program to run from the initramfs, `/init` by default. When it exists and can run, it mounts the ' +
      'root itself and the kernel does not look at `root=`/`nfsroot=`.',
    source: `${SRC_NFSROOT}; ${SRC_PARAMS}`,
  },
  {
    name: 'init',
    doc:
      'Program started as PID 1 from the mounted root; by default the kernel tries `/sbin/init`, ' +
      '`/etc/init`, `/bin/init`, then `/bin/sh`.',
    source: SRC_PARAMS,
  },
  {
    name: 'console',
    doc:
      'Where kernel messages go; may be repeated, the last one becoming `/dev/console`. A Xen PV/PVH ' +
      'guest, and dom0, use `hvc0` (the Xen console); `ttyS0,115200n8` is a serial port.',
    source: SRC_PARAMS,
  },
  {
    name: 'earlyprintk',
    doc:
      'Print messages before the real console is up; `earlyprintk=xen` writes to the Xen console of a PV ' +
      'guest.',
    source: SRC_PARAMS,
  },
  {
    name: 'panic',
    doc:
      'Seconds before rebooting after a panic such as "VFS: Unable to mount root fs via NFS"; 0 waits ' +
      "forever. A Xen guest reports its panic to the toolstack as a crash, so the domain's `on_crash` " +
      'decides what follows.',
    source: SRC_PARAMS,
  },
  {
    name: 'quiet',
    doc:
      'Show only error-level and worse messages on the console; hides the "IP-Config:" lines that explain ' +
      'a network boot.',
    source: SRC_PARAMS,
  },
  {
    name: 'loglevel',
    doc:
      'Console log level: messages more urgent than it (0 emergency … 7 debug) are shown; `8` shows them ' +
      'all.',
    source: SRC_PARAMS,
  },
];

/** The command-line parameters that matter to a Linux boot with its root on NFS. */
export const KERNEL_PARAMS: readonly SubOptionSpec[] = [
  ...ROOT_PARAMS,
  ...NETWORK_PARAMS,
  ...BOOT_FLOW_PARAMS,
];

/** The ten colon-separated fields of `ip=`, in order; an empty field is left to autoconfiguration. */
export const IP_FIELDS: readonly SubOptionSpec[] = [
  {
    name: 'client-ip',
    doc: "The client's own IPv4 address; empty (or 0.0.0.0) leaves it to autoconfiguration.",
    source: SRC_NFSROOT,
  },
  {
    name: 'server-ip',
    doc:
      'The NFS server, used when neither `nfsroot=` nor the DHCP root-path names one; with RARP only this ' +
      'server may answer. Empty: the server that answered autoconfiguration (DHCP `next-server`).',
    source: `${SRC_NFSROOT}; ${SRC_IPCONFIG}`,
  },
  {
    name: 'gw-ip',
    doc:
      'Default gateway, needed when the NFS server is on another subnet; it must be inside the client ' +
      'subnet.',
    source: SRC_NFSROOT,
  },
  {
    name: 'netmask',
    doc:
      'Netmask of the client interface; empty: from autoconfiguration, else derived from the address ' +
      'class.',
    source: SRC_NFSROOT,
  },
  {
    name: 'hostname',
    doc:
      'Client name (text after a first `.` becomes the NIS domain); it goes into DHCP requests and ' +
      'replaces `%s` in `nfsroot=`. Empty: the client IP address in dotted form.',
    source: SRC_NFSROOT,
  },
  {
    name: 'device',
    doc:
      'Interface to configure, e.g. `eth0`; empty: the only interface, or the first that answers ' +
      'autoconfiguration. Its driver must be built into the kernel (`XEN_NETDEV_FRONTEND=y` in a Xen ' +
      'guest).',
    source: SRC_NFSROOT,
  },
  {
    name: 'autoconf',
    doc:
      '`off`/`none`: static addresses only; `on`/`any` (default): every method built in; `dhcp`, `bootp`, ' +
      '`rarp`; `both` (BOOTP and RARP). Only methods compiled into the kernel count: an unknown or missing ' +
      'method with an empty client IP switches the configuration off.',
    source: `${SRC_NFSROOT}; ${SRC_IPCONFIG}`,
    values: AUTOCONF_VALUES,
  },
  {
    name: 'dns0-ip',
    doc: 'Primary name server, published in `/proc/net/pnp`; empty: from autoconfiguration, if any.',
    source: SRC_NFSROOT,
  },
  {
    name: 'dns1-ip',
    doc: 'Secondary name server, published in `/proc/net/pnp`.',
    source: SRC_NFSROOT,
  },
  {
    name: 'ntp0-ip',
    doc:
      'An NTP server, only published in `/proc/net/ipconfig/ntp_servers`; the kernel does not set its ' +
      'clock from it.',
    source: SRC_NFSROOT,
  },
];
