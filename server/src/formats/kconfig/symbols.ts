/**
 * The kernel configuration symbols that matter to booting over the network with an NFS root: their type,
 * their dependencies and selects as Linux 6.1's Kconfig files declare them, and what each one does, in our
 * own words. `dependsOn` joins the symbol's own `depends on` lines; `menuIf` is the condition of the
 * `if …`/`menu … depends on` block the entry sits in (fs/Kconfig sources fs/nfs/Kconfig inside
 * `if NETWORK_FILESYSTEMS`, for example): both must hold for the symbol to be visible. Hover, completion,
 * the value checks and the NFS-root dependency model (model.ts) all read this table.
 */

/** A Kconfig symbol type (Documentation/kbuild/kconfig-language.rst, "Menu attributes"). */
export type KconfigType = 'bool' | 'tristate' | 'int' | 'hex' | 'string';

/** What part of a network boot a symbol belongs to (groups hover and completion). */
export type KconfigRole =
  | 'nfs-client'
  | 'nfs-server'
  | 'network'
  | 'autoconfig'
  | 'xen'
  | 'nic'
  | 'boot'
  | 'core';

/** One row of the table. */
export interface KconfigSymbolSpec {
  /** The name without `CONFIG_`. */
  readonly name: string;
  readonly type: KconfigType;
  readonly role: KconfigRole;
  /** The symbol's own `depends on` lines, joined with `&&` (Kconfig expression syntax). */
  readonly dependsOn?: string;
  /** The condition of the enclosing `if` block or menu. */
  readonly menuIf?: string;
  /** `select` lines, each `SYMBOL` or `SYMBOL if EXPR`. */
  readonly selects?: readonly string[];
  /** The `default`, when the Kconfig entry has one. */
  readonly default?: string;
  /** False for a symbol without a prompt: users cannot set it, other symbols select it. */
  readonly prompt?: false;
  /** What the symbol does, in a sentence or two. */
  readonly doc: string;
  /** What an NFS-root boot needs from it, when it matters. */
  readonly nfsRoot?: string;
  /** The Kconfig file that declares it (Linux 6.1). */
  readonly source: string;
  /** Set when Linux 6.1 no longer has the symbol: what happened to it. */
  readonly gone?: string;
}

const NETFS = 'NETWORK_FILESYSTEMS';
const ETH = 'NETDEVICES && ETHERNET';
const BUILTIN_NIC =
  'y for a dom0 or a bare-metal client whose root is on NFS without an initramfs: a module cannot be loaded before the root is mounted.';

function nic(
  name: string,
  vendor: string,
  doc: string,
  dependsOn: string,
  source: string,
  selects?: readonly string[],
): KconfigSymbolSpec {
  return {
    name,
    type: 'tristate',
    role: 'nic',
    dependsOn,
    menuIf: `${ETH} && ${vendor}`,
    selects,
    doc,
    nfsRoot: BUILTIN_NIC,
    source,
  };
}

function vendor(name: string, doc: string, dependsOn: string | undefined, source: string): KconfigSymbolSpec {
  return {
    name,
    type: 'bool',
    role: 'nic',
    dependsOn,
    menuIf: ETH,
    default: 'y',
    doc: `${doc} This switch only shows or hides the vendor's drivers; it builds no code itself.`,
    source,
  };
}

/** Every symbol of the table, in the order the kernel writes them into a `.config` (roughly). */
export const KCONFIG_SYMBOLS: readonly KconfigSymbolSpec[] = [
  {
    name: 'BLK_DEV_INITRD',
    type: 'bool',
    role: 'boot',
    doc: 'Lets the kernel unpack an initramfs (or load an old-style initrd) handed over by the boot loader, Xen’s `ramdisk=` or GRUB’s `initrd`/`module` line.',
    nfsRoot:
      'Not needed for the kernel’s own NFS root. With an initramfs, the initramfs mounts the root instead (Debian’s initramfs-tools, `scripts/nfs`), and NFS and the NIC driver may then be modules.',
    source: 'init/Kconfig',
  },
  {
    name: 'MULTIUSER',
    type: 'bool',
    role: 'core',
    default: 'y',
    doc: 'Users, groups and capabilities. Only tiny embedded kernels turn it off (it is asked only with EXPERT).',
    nfsRoot: 'The NFS client and server depend on it.',
    source: 'init/Kconfig',
  },
  {
    name: 'HYPERVISOR_GUEST',
    type: 'bool',
    role: 'xen',
    doc: 'Shows the options for running Linux as a guest of a hypervisor (Xen, KVM, …) on x86.',
    source: 'arch/x86/Kconfig',
  },
  {
    name: 'PARAVIRT',
    type: 'bool',
    role: 'xen',
    dependsOn: 'HAVE_STATIC_CALL',
    menuIf: 'HYPERVISOR_GUEST',
    doc: 'Builds the paravirtualisation hooks that Xen (and other hypervisors) use to replace privileged instructions.',
    source: 'arch/x86/Kconfig',
  },
  {
    name: 'XEN',
    type: 'bool',
    role: 'xen',
    dependsOn:
      'PARAVIRT && (X86_64 || (X86_32 && X86_PAE)) && (X86_64 || (X86_GENERIC || MPENTIUM4 || MCORE2 || MATOM || MK8)) && X86_LOCAL_APIC && X86_TSC',
    menuIf: 'HYPERVISOR_GUEST',
    selects: ['PARAVIRT_CLOCK', 'X86_HV_CALLBACK_VECTOR'],
    doc: 'Lets the kernel run as a Xen guest (and, with XEN_DOM0, as Xen’s control domain). Every Xen driver depends on it.',
    nfsRoot: 'y for any kernel that boots under Xen, dom0 or domU.',
    source: 'arch/x86/xen/Kconfig',
  },
  {
    name: 'XEN_PV',
    type: 'bool',
    role: 'xen',
    dependsOn: 'XEN && X86_64',
    menuIf: 'HYPERVISOR_GUEST',
    selects: ['PARAVIRT_XXL', 'XEN_HAVE_PVMMU', 'XEN_HAVE_VPMU', 'GUEST_PERF_EVENTS'],
    default: 'y',
    doc: 'Support for fully paravirtualised (PV) guests, the classic mode in which xl starts a guest from `kernel=` without any firmware. A PV dom0 needs it too.',
    nfsRoot: 'y for a PV domU (`type = "pv"`, the default for a config with `kernel=` and no `type`).',
    source: 'arch/x86/xen/Kconfig',
  },
  {
    name: 'XEN_PVHVM',
    type: 'bool',
    role: 'xen',
    prompt: false,
    dependsOn: 'XEN && X86_LOCAL_APIC',
    menuIf: 'HYPERVISOR_GUEST',
    default: 'y',
    doc: 'Paravirtualised drivers and timers for hardware-virtualised (HVM) guests. Set automatically with XEN.',
    source: 'arch/x86/xen/Kconfig',
  },
  {
    name: 'XEN_PVH',
    type: 'bool',
    role: 'xen',
    dependsOn: 'XEN && XEN_PVHVM && ACPI',
    menuIf: 'HYPERVISOR_GUEST',
    selects: ['PVH'],
    default: 'n',
    doc: 'Support for PVH guests: hardware virtualisation without emulated devices, booted directly like a PV guest (`type = "pvh"`).',
    nfsRoot: 'y for a PVH domU.',
    source: 'arch/x86/xen/Kconfig',
  },
  {
    name: 'XEN_DOM0',
    type: 'bool',
    role: 'xen',
    dependsOn: '((XEN_PV && SWIOTLB_XEN) || (XEN_PVH && X86_64)) && X86_IO_APIC && ACPI && PCI',
    menuIf: 'HYPERVISOR_GUEST',
    selects: ['X86_X2APIC if XEN_PVH && X86_64'],
    default: 'XEN_PV',
    doc: 'Lets the kernel be Xen’s control domain (dom0): it owns the real hardware and runs the backends for the guests.',
    nfsRoot: 'y for a dom0 kernel (the one GRUB or PXELINUX loads as `module` after `xen.gz`).',
    source: 'arch/x86/xen/Kconfig',
  },
  {
    name: 'XEN_BACKEND',
    type: 'bool',
    role: 'xen',
    menuIf: 'XEN',
    default: 'XEN_DOM0',
    doc: 'Shows the backend drivers, which a driver domain (usually dom0) runs to serve guests’ virtual disks and network cards.',
    source: 'drivers/xen/Kconfig',
  },
  {
    name: 'XEN_XENBUS_FRONTEND',
    type: 'tristate',
    role: 'xen',
    prompt: false,
    menuIf: 'XEN',
    doc: 'The XenBus glue every frontend driver uses to find its backend. The frontends select it.',
    source: 'drivers/xen/Kconfig',
  },
  {
    name: 'NET',
    type: 'bool',
    role: 'network',
    selects: ['NLATTR', 'GENERIC_NET_UTILS', 'BPF'],
    doc: 'Networking support: sockets and the network stack. Almost every kernel has it.',
    nfsRoot: 'y: NFS needs the network.',
    source: 'net/Kconfig',
  },
  {
    name: 'PACKET',
    type: 'tristate',
    role: 'network',
    menuIf: 'NET',
    doc: 'Packet sockets: raw access to network devices, which user-space DHCP clients (dhclient, klibc’s ipconfig in an initramfs) use.',
    nfsRoot:
      'Not needed by the kernel’s own IP autoconfiguration; needed (y or module in the initramfs) when an initramfs runs a DHCP client.',
    source: 'net/packet/Kconfig',
  },
  {
    name: 'INET',
    type: 'bool',
    role: 'network',
    menuIf: 'NET',
    doc: 'TCP/IP networking (IPv4, and the base for IPv6).',
    nfsRoot: 'y: NFS and IP autoconfiguration run over IP.',
    source: 'net/Kconfig',
  },
  {
    name: 'IP_PNP',
    type: 'bool',
    role: 'autoconfig',
    menuIf: 'NET && INET',
    doc: 'Kernel-level IP configuration: the kernel sets up an interface before it mounts the root, from the `ip=` parameter or by asking a DHCP, BOOTP or RARP server (net/ipv4/ipconfig.c).',
    nfsRoot:
      'y: ROOT_NFS depends on it; without it `ip=` is ignored and the kernel has no address to mount from.',
    source: 'net/ipv4/Kconfig',
  },
  {
    name: 'IP_PNP_DHCP',
    type: 'bool',
    role: 'autoconfig',
    dependsOn: 'IP_PNP',
    menuIf: 'NET && INET',
    doc: 'Lets kernel IP autoconfiguration use DHCP (`ip=dhcp`, or the autoconf field `dhcp`, `on`, `any`). The DHCP reply may also give the NFS server (`next-server`) and root path (option 17).',
    nfsRoot:
      'y when the command line asks for `ip=dhcp` (or `on`/`any`, which try every built-in protocol). It also enables BOOTP replies.',
    source: 'net/ipv4/Kconfig',
  },
  {
    name: 'IP_PNP_BOOTP',
    type: 'bool',
    role: 'autoconfig',
    dependsOn: 'IP_PNP',
    menuIf: 'NET && INET',
    doc: 'Lets kernel IP autoconfiguration use BOOTP, DHCP’s predecessor (`ip=bootp`).',
    nfsRoot:
      'y, or IP_PNP_DHCP=y (which brings the BOOTP code too), when the command line asks for `ip=bootp`.',
    source: 'net/ipv4/Kconfig',
  },
  {
    name: 'IP_PNP_RARP',
    type: 'bool',
    role: 'autoconfig',
    dependsOn: 'IP_PNP',
    menuIf: 'NET && INET',
    doc: 'Lets kernel IP autoconfiguration use RARP (`ip=rarp`): the address only, no server or root path.',
    nfsRoot: 'y when the command line asks for `ip=rarp`.',
    source: 'net/ipv4/Kconfig',
  },
  {
    name: 'PAGE_POOL',
    type: 'bool',
    role: 'network',
    prompt: false,
    menuIf: 'NET',
    doc: 'A page recycling allocator for network drivers; the drivers that use it select it.',
    source: 'net/Kconfig',
  },
  {
    name: 'PCI',
    type: 'bool',
    role: 'core',
    dependsOn: 'HAVE_PCI',
    doc: 'PCI bus support; every PCI network card driver depends on it. A PV domU does not need it.',
    source: 'drivers/pci/Kconfig',
  },
  {
    name: 'DEVTMPFS',
    type: 'bool',
    role: 'boot',
    doc: 'A kernel-maintained `/dev` file system that has a node for every device as soon as the driver finds it.',
    nfsRoot: 'Recommended: an NFS root usually has an empty `/dev`, and udev expects devtmpfs.',
    source: 'drivers/base/Kconfig',
  },
  {
    name: 'DEVTMPFS_MOUNT',
    type: 'bool',
    role: 'boot',
    dependsOn: 'DEVTMPFS',
    doc: 'Mounts devtmpfs on `/dev` right after the kernel has mounted the root itself (not with an initramfs, which must mount it).',
    nfsRoot:
      'Recommended for a kernel-mounted NFS root: without it `/dev/console` may be missing when init starts.',
    source: 'drivers/base/Kconfig',
  },
  {
    name: 'BLK_DEV',
    type: 'bool',
    role: 'core',
    dependsOn: 'BLOCK',
    default: 'y',
    doc: 'Shows the block device drivers (loop, RAM disk, Xen’s virtual block device …).',
    source: 'drivers/block/Kconfig',
  },
  {
    name: 'XEN_BLKDEV_FRONTEND',
    type: 'tristate',
    role: 'xen',
    dependsOn: 'XEN',
    menuIf: 'BLK_DEV',
    selects: ['XEN_XENBUS_FRONTEND'],
    default: 'y',
    doc: 'The guest side of Xen’s virtual disks (`disk = [ … ]` in the domain config, seen as /dev/xvd*).',
    nfsRoot:
      'Not needed for an NFS root; y when the guest also mounts a virtual disk before any module can load.',
    source: 'drivers/block/Kconfig',
  },
  {
    name: 'XEN_BLKDEV_BACKEND',
    type: 'tristate',
    role: 'xen',
    dependsOn: 'XEN_BACKEND',
    menuIf: 'BLK_DEV',
    doc: 'The driver-domain side of Xen’s virtual disks (blkback), run in dom0.',
    source: 'drivers/block/Kconfig',
  },
  {
    name: 'NETDEVICES',
    type: 'bool',
    role: 'network',
    dependsOn: 'NET',
    doc: 'Shows the network device drivers: every NIC driver and Xen’s network frontend and backend sit below it.',
    nfsRoot: 'y: the network driver that reaches the NFS server lives under it.',
    source: 'drivers/net/Kconfig',
  },
  {
    name: 'NET_CORE',
    type: 'bool',
    role: 'network',
    menuIf: 'NETDEVICES',
    default: 'y',
    doc: 'Shows the generic network drivers (bonding, tun, virtio-net …).',
    source: 'drivers/net/Kconfig',
  },
  {
    name: 'VIRTIO_NET',
    type: 'tristate',
    role: 'nic',
    dependsOn: 'VIRTIO',
    menuIf: 'NETDEVICES && NET_CORE',
    selects: ['NET_FAILOVER'],
    doc: 'The paravirtual network card of KVM/QEMU guests (virtio-net).',
    nfsRoot: BUILTIN_NIC,
    source: 'drivers/net/Kconfig',
  },
  {
    name: 'VMXNET3',
    type: 'tristate',
    role: 'nic',
    dependsOn: 'PCI && INET && PAGE_SIZE_LESS_THAN_64KB',
    menuIf: 'NETDEVICES',
    doc: 'VMware’s paravirtual network card (vmxnet3).',
    nfsRoot: BUILTIN_NIC,
    source: 'drivers/net/Kconfig',
  },
  {
    name: 'XEN_NETDEV_FRONTEND',
    type: 'tristate',
    role: 'xen',
    dependsOn: 'XEN',
    menuIf: 'NETDEVICES',
    selects: ['XEN_XENBUS_FRONTEND', 'PAGE_POOL'],
    default: 'y',
    doc: 'The guest side of Xen’s virtual network cards (netfront): each `vif` of the domain config appears as an `eth` device.',
    nfsRoot:
      'y for a domU whose root is on NFS without an initramfs: the guest reaches the NFS server only through this driver, and a module cannot be loaded before the root is mounted.',
    source: 'drivers/net/Kconfig',
  },
  {
    name: 'XEN_NETDEV_BACKEND',
    type: 'tristate',
    role: 'xen',
    dependsOn: 'XEN_BACKEND',
    menuIf: 'NETDEVICES',
    doc: 'The driver-domain side of Xen’s virtual network cards (netback), run in dom0; it creates the `vifN.M` interfaces that the bridge joins.',
    nfsRoot: 'y or m in the dom0 that serves the guests’ network.',
    source: 'drivers/net/Kconfig',
  },
  {
    name: 'ETHERNET',
    type: 'bool',
    role: 'network',
    dependsOn: 'NET',
    menuIf: 'NETDEVICES',
    default: 'y',
    doc: 'Shows the Ethernet card drivers, grouped by vendor.',
    source: 'drivers/net/ethernet/Kconfig',
  },
  vendor(
    'NET_VENDOR_3COM',
    '3Com network cards.',
    'ISA || EISA || PCI || PCMCIA',
    'drivers/net/ethernet/3com/Kconfig',
  ),
  nic(
    'VORTEX',
    'NET_VENDOR_3COM',
    '3Com 3c59x/3c90x (Vortex, Boomerang, Cyclone, Tornado) PCI and EISA cards (module 3c59x).',
    '(PCI || EISA) && HAS_IOPORT_MAP',
    'drivers/net/ethernet/3com/Kconfig',
    ['MII'],
  ),
  vendor(
    'NET_VENDOR_AMD',
    'AMD (and Lance-compatible) network cards.',
    'DIO || MACH_DECSTATION || MVME147 || ATARI || SUN3 || SUN3X || SBUS || PCI || ZORRO || (ISA && ISA_DMA_API) || ISA || EISA || PCMCIA || ARM64',
    'drivers/net/ethernet/amd/Kconfig',
  ),
  nic(
    'PCNET32',
    'NET_VENDOR_AMD',
    'AMD PCnet32/PCnet-PCI cards, also emulated by VMware and VirtualBox.',
    'PCI',
    'drivers/net/ethernet/amd/Kconfig',
    ['CRC32', 'MII'],
  ),
  vendor(
    'NET_VENDOR_BROADCOM',
    'Broadcom network cards.',
    '(SSB_POSSIBLE && HAS_DMA) || PCI || BCM63XX || SIBYTE_SB1xxx_SOC',
    'drivers/net/ethernet/broadcom/Kconfig',
  ),
  nic(
    'BNX2',
    'NET_VENDOR_BROADCOM',
    'Broadcom NetXtreme II gigabit cards (bnx2), common in servers; needs firmware files.',
    'PCI',
    'drivers/net/ethernet/broadcom/Kconfig',
    ['CRC32', 'FW_LOADER'],
  ),
  nic(
    'TIGON3',
    'NET_VENDOR_BROADCOM',
    'Broadcom Tigon3 gigabit cards (tg3), found in many servers and workstations.',
    'PCI && PTP_1588_CLOCK_OPTIONAL',
    'drivers/net/ethernet/broadcom/Kconfig',
    ['PHYLIB'],
  ),
  vendor('NET_VENDOR_INTEL', 'Intel network cards.', undefined, 'drivers/net/ethernet/intel/Kconfig'),
  nic(
    'E100',
    'NET_VENDOR_INTEL',
    'Intel PRO/100 fast Ethernet cards (e100).',
    'PCI',
    'drivers/net/ethernet/intel/Kconfig',
    ['MII'],
  ),
  nic(
    'E1000',
    'NET_VENDOR_INTEL',
    'Intel PRO/1000 gigabit PCI cards (e1000), also the card QEMU and many hypervisors emulate (Xen HVM `model=e1000`).',
    'PCI',
    'drivers/net/ethernet/intel/Kconfig',
  ),
  nic(
    'E1000E',
    'NET_VENDOR_INTEL',
    'Intel PRO/1000 PCI Express gigabit cards and on-board chips (e1000e).',
    'PCI && (!SPARC32 || BROKEN) && PTP_1588_CLOCK_OPTIONAL',
    'drivers/net/ethernet/intel/Kconfig',
    ['CRC32', 'PTP_1588_CLOCK'],
  ),
  nic(
    'IGB',
    'NET_VENDOR_INTEL',
    'Intel 82575/82576/i350/i210 server gigabit cards (igb).',
    'PCI && PTP_1588_CLOCK_OPTIONAL',
    'drivers/net/ethernet/intel/Kconfig',
    ['I2C', 'I2C_ALGOBIT'],
  ),
  nic(
    'IXGBE',
    'NET_VENDOR_INTEL',
    'Intel 10 gigabit PCI Express cards (ixgbe).',
    'PCI && PTP_1588_CLOCK_OPTIONAL',
    'drivers/net/ethernet/intel/Kconfig',
    ['MDIO', 'PHYLIB'],
  ),
  vendor(
    'NET_VENDOR_MARVELL',
    'Marvell network cards.',
    'PCI || CPU_PXA168 || PPC32 || PLAT_ORION || INET || COMPILE_TEST',
    'drivers/net/ethernet/marvell/Kconfig',
  ),
  nic(
    'SKY2',
    'NET_VENDOR_MARVELL',
    'Marvell Yukon 2 gigabit chips (sky2), common on desktop boards.',
    'PCI',
    'drivers/net/ethernet/marvell/Kconfig',
    ['CRC32'],
  ),
  vendor(
    'NET_VENDOR_NATSEMI',
    'National Semiconductor network cards.',
    undefined,
    'drivers/net/ethernet/natsemi/Kconfig',
  ),
  vendor(
    'NET_VENDOR_8390',
    'Cards built on the 8390 chip (NE2000 and clones).',
    'NET_VENDOR_NATSEMI',
    'drivers/net/ethernet/8390/Kconfig',
  ),
  nic(
    'NE2K_PCI',
    'NET_VENDOR_8390',
    'PCI NE2000 clones (ne2k-pci), the card QEMU emulates as `ne2k_pci`.',
    'PCI',
    'drivers/net/ethernet/8390/Kconfig',
    ['CRC32'],
  ),
  vendor('NET_VENDOR_NVIDIA', 'NVIDIA network chips.', 'PCI', 'drivers/net/ethernet/nvidia/Kconfig'),
  nic(
    'FORCEDETH',
    'NET_VENDOR_NVIDIA',
    'The Ethernet of NVIDIA nForce chipsets (forcedeth).',
    'PCI',
    'drivers/net/ethernet/nvidia/Kconfig',
  ),
  vendor(
    'NET_VENDOR_REALTEK',
    'Realtek network cards.',
    'PCI || (PARPORT && X86)',
    'drivers/net/ethernet/realtek/Kconfig',
  ),
  nic(
    '8139CP',
    'NET_VENDOR_REALTEK',
    'RealTek RTL-8139C+ fast Ethernet (8139cp), the card QEMU emulates as `rtl8139`, and Xen HVM guests’ default emulated card.',
    'PCI',
    'drivers/net/ethernet/realtek/Kconfig',
    ['CRC32', 'MII'],
  ),
  nic(
    '8139TOO',
    'NET_VENDOR_REALTEK',
    'RealTek RTL-8129/8130/8139 fast Ethernet (8139too), the classic cheap PCI card.',
    'PCI',
    'drivers/net/ethernet/realtek/Kconfig',
    ['CRC32', 'MII'],
  ),
  nic(
    'R8169',
    'NET_VENDOR_REALTEK',
    'Realtek 8169/8168/8101/8125 gigabit chips (r8169), on most consumer boards; needs firmware files for some chips.',
    'PCI',
    'drivers/net/ethernet/realtek/Kconfig',
    ['FW_LOADER', 'CRC32', 'PHYLIB', 'REALTEK_PHY'],
  ),
  {
    name: 'VIRTIO',
    type: 'tristate',
    role: 'core',
    prompt: false,
    doc: 'The virtio core that virtio drivers share; the transports (VIRTIO_PCI …) select it.',
    source: 'drivers/virtio/Kconfig',
  },
  {
    name: 'VIRTIO_PCI',
    type: 'tristate',
    role: 'core',
    dependsOn: 'PCI',
    menuIf: 'VIRTIO_MENU',
    selects: ['VIRTIO_PCI_LIB', 'VIRTIO'],
    default: 'y',
    doc: 'The PCI transport of virtio devices, which KVM/QEMU guests use; VIRTIO_NET needs it to find its card.',
    source: 'drivers/virtio/Kconfig',
  },
  {
    name: 'FILE_LOCKING',
    type: 'bool',
    role: 'core',
    default: 'y',
    doc: 'POSIX file locking (`flock`, `fcntl` locks). Asked only with EXPERT.',
    nfsRoot: 'The NFS client and server depend on it.',
    source: 'fs/Kconfig',
  },
  {
    name: 'TMPFS',
    type: 'bool',
    role: 'boot',
    dependsOn: 'SHMEM',
    doc: 'A file system in memory; diskless clients often mount `/tmp`, `/run` or an overlay on it.',
    source: 'fs/Kconfig',
  },
  {
    name: 'NETWORK_FILESYSTEMS',
    type: 'bool',
    role: 'nfs-client',
    dependsOn: 'NET',
    default: 'y',
    doc: 'Shows the network file systems (NFS client and server, CIFS, Ceph …); fs/Kconfig reads their Kconfig files only inside it.',
    nfsRoot: 'y: NFS_FS sits below it.',
    source: 'fs/Kconfig',
  },
  {
    name: 'NFS_FS',
    type: 'tristate',
    role: 'nfs-client',
    dependsOn: 'INET && FILE_LOCKING && MULTIUSER',
    menuIf: NETFS,
    selects: ['CRC32', 'LOCKD', 'SUNRPC', 'NFS_COMMON', 'NFS_ACL_SUPPORT if NFS_V3_ACL'],
    doc: 'The NFS client: mounting file systems that an NFS server exports.',
    nfsRoot: 'y (built in): a module cannot mount the root, and ROOT_NFS depends on NFS_FS=y.',
    source: 'fs/nfs/Kconfig',
  },
  {
    name: 'NFS_V2',
    type: 'tristate',
    role: 'nfs-client',
    dependsOn: 'NFS_FS',
    menuIf: NETFS,
    default: 'y',
    doc: 'NFS version 2 in the client (RFC 1094). Many servers no longer offer it.',
    nfsRoot:
      'When built in (y), Linux 5.11 and later mount the root with `vers=2` unless `nfsroot=…,vers=` says otherwise (fs/nfs/nfsroot.c), which fails against a server without v2.',
    source: 'fs/nfs/Kconfig',
  },
  {
    name: 'NFS_V3',
    type: 'tristate',
    role: 'nfs-client',
    dependsOn: 'NFS_FS',
    menuIf: NETFS,
    default: 'y',
    doc: 'NFS version 3 in the client (RFC 1813).',
    nfsRoot:
      'y for an NFSv3 root: the kernel’s default when NFS_V2 is not built in, and what `nfsroot=…,vers=3` asks for. A module does not count.',
    source: 'fs/nfs/Kconfig',
  },
  {
    name: 'NFS_V3_ACL',
    type: 'bool',
    role: 'nfs-client',
    dependsOn: 'NFS_V3',
    menuIf: NETFS,
    doc: 'The side protocol some servers offer for POSIX ACLs over NFSv3.',
    source: 'fs/nfs/Kconfig',
  },
  {
    name: 'NFS_V4',
    type: 'tristate',
    role: 'nfs-client',
    dependsOn: 'NFS_FS',
    menuIf: NETFS,
    selects: ['SUNRPC_GSS', 'KEYS'],
    doc: 'NFS version 4 in the client (RFC 3530 and later).',
    nfsRoot: 'y for an NFSv4 root (`nfsroot=…,vers=4`), or when neither NFS_V2 nor NFS_V3 is built in.',
    source: 'fs/nfs/Kconfig',
  },
  {
    name: 'NFS_V4_1',
    type: 'bool',
    role: 'nfs-client',
    dependsOn: 'NFS_V4',
    menuIf: NETFS,
    selects: ['SUNRPC_BACKCHANNEL'],
    doc: 'NFS version 4.1 (sessions, pNFS) in the client (RFC 5661).',
    nfsRoot: 'y, with NFS_V4=y, for `vers=4.1`.',
    source: 'fs/nfs/Kconfig',
  },
  {
    name: 'NFS_V4_2',
    type: 'bool',
    role: 'nfs-client',
    dependsOn: 'NFS_V4_1',
    menuIf: NETFS,
    doc: 'NFS version 4.2 (server-side copy, sparse files, labels) in the client.',
    nfsRoot: 'y, with NFS_V4=y and NFS_V4_1=y, for `vers=4.2`.',
    source: 'fs/nfs/Kconfig',
  },
  {
    name: 'ROOT_NFS',
    type: 'bool',
    role: 'nfs-client',
    dependsOn: 'NFS_FS=y && IP_PNP',
    menuIf: NETFS,
    doc: 'Lets the kernel mount its root file system over NFS itself: `root=/dev/nfs` with `nfsroot=` and `ip=` (Documentation/admin-guide/nfs/nfsroot.rst).',
    nfsRoot:
      'y for a kernel-mounted NFS root. It is only offered when NFS_FS=y and IP_PNP=y, so a `.config` with NFS as a module has no ROOT_NFS line at all.',
    source: 'fs/nfs/Kconfig',
  },
  {
    name: 'NFS_USE_LEGACY_DNS',
    type: 'bool',
    role: 'nfs-client',
    dependsOn: 'NFS_V4',
    menuIf: NETFS,
    doc: 'Resolves NFSv4 referral host names through the old rpc_pipefs upcall instead of the kernel’s DNS resolver.',
    source: 'fs/nfs/Kconfig',
  },
  {
    name: 'NFS_USE_KERNEL_DNS',
    type: 'bool',
    role: 'nfs-client',
    prompt: false,
    dependsOn: 'NFS_V4 && !NFS_USE_LEGACY_DNS',
    menuIf: NETFS,
    selects: ['DNS_RESOLVER'],
    default: 'y',
    doc: 'Set automatically with NFSv4: host names in NFSv4 referrals go through the kernel’s DNS resolver (request-key). It does not make `nfsroot=` accept a host name.',
    source: 'fs/nfs/Kconfig',
  },
  {
    name: 'NFS_DISABLE_UDP_SUPPORT',
    type: 'bool',
    role: 'nfs-client',
    dependsOn: 'NFS_FS',
    menuIf: NETFS,
    default: 'y',
    doc: 'Removes NFS over UDP from the client. The kernel’s NFS root uses TCP by default in Linux 6.1 (fs/nfs/nfsroot.c), so only `nfsroot=…,udp` is affected.',
    source: 'fs/nfs/Kconfig',
  },
  {
    name: 'NFSD',
    type: 'tristate',
    role: 'nfs-server',
    dependsOn: 'INET && FILE_LOCKING && FSNOTIFY && MULTIUSER',
    menuIf: NETFS,
    selects: [
      'CRC32',
      'LOCKD',
      'SUNRPC',
      'EXPORTFS',
      'NFS_COMMON',
      'NFS_ACL_SUPPORT if NFSD_V2_ACL',
      'NFS_ACL_SUPPORT if NFSD_V3_ACL',
    ],
    doc: 'The kernel NFS server (knfsd), which serves what /etc/exports lists; nfs-kernel-server’s tools drive it.',
    nfsRoot:
      'y or m on the machine that serves the clients’ root file systems. In Linux 6.1 it always speaks NFSv3.',
    source: 'fs/nfsd/Kconfig',
  },
  {
    name: 'NFSD_V2',
    type: 'bool',
    role: 'nfs-server',
    dependsOn: 'NFSD',
    menuIf: NETFS,
    doc: 'NFS version 2 in the server (deprecated).',
    nfsRoot:
      'Needed only when a client mounts with `vers=2` (old kernels’ nfsroot default, or a client kernel with NFS_V2=y and no `vers=`).',
    source: 'fs/nfsd/Kconfig',
  },
  {
    name: 'NFSD_V3',
    type: 'bool',
    role: 'nfs-server',
    dependsOn: 'NFSD',
    menuIf: NETFS,
    doc: 'NFS version 3 in the server, in older kernels.',
    gone: 'Linux 6.1 has no NFSD_V3: its server always speaks NFSv3, and conf drops this line.',
    source: 'fs/nfsd/Kconfig (older kernels)',
  },
  {
    name: 'NFSD_V3_ACL',
    type: 'bool',
    role: 'nfs-server',
    dependsOn: 'NFSD',
    menuIf: NETFS,
    doc: 'The NFSv3 ACL side protocol in the server.',
    source: 'fs/nfsd/Kconfig',
  },
  {
    name: 'NFSD_V4',
    type: 'bool',
    role: 'nfs-server',
    dependsOn: 'NFSD && PROC_FS',
    menuIf: NETFS,
    selects: ['FS_POSIX_ACL', 'SUNRPC_GSS', 'CRYPTO', 'CRYPTO_MD5', 'CRYPTO_SHA256', 'GRACE_PERIOD'],
    doc: 'NFS version 4 in the server: needed for clients that mount with `vers=4` and for the `fsid=0` pseudo-root.',
    source: 'fs/nfsd/Kconfig',
  },
  {
    name: 'LOCKD',
    type: 'tristate',
    role: 'nfs-client',
    prompt: false,
    dependsOn: 'FILE_LOCKING',
    menuIf: NETFS,
    selects: ['CRC32', 'GRACE_PERIOD'],
    doc: 'The NFS lock manager (NLM) for NFSv2/v3, selected by NFS_FS and NFSD. The kernel’s NFS root mounts with `nolock`, so it is not used for the root.',
    source: 'fs/Kconfig',
  },
  {
    name: 'NFS_COMMON',
    type: 'bool',
    role: 'nfs-client',
    prompt: false,
    dependsOn: 'NFSD || NFS_FS || LOCKD',
    menuIf: NETFS,
    default: 'y',
    doc: 'Code the NFS client and server share; selected by both.',
    source: 'fs/Kconfig',
  },
  {
    name: 'SUNRPC',
    type: 'tristate',
    role: 'nfs-client',
    prompt: false,
    dependsOn: 'MULTIUSER',
    menuIf: NETFS,
    doc: 'Sun RPC, the remote procedure call layer under NFS; NFS_FS and NFSD select it, so it is built in whenever NFS_FS=y.',
    nfsRoot: 'y follows from NFS_FS=y.',
    source: 'net/sunrpc/Kconfig',
  },
  {
    name: 'SUNRPC_GSS',
    type: 'tristate',
    role: 'nfs-client',
    prompt: false,
    dependsOn: 'MULTIUSER',
    menuIf: NETFS,
    doc: 'RPCSEC_GSS (Kerberos) security for Sun RPC; NFSv4 selects it.',
    source: 'net/sunrpc/Kconfig',
  },
];

/** The table indexed by name (without `CONFIG_`). */
export const KCONFIG_SYMBOL_MAP: ReadonlyMap<string, KconfigSymbolSpec> = new Map(
  KCONFIG_SYMBOLS.map((s) => [s.name, s]),
);

/** The full visibility condition of a symbol: its menu's condition and its own dependencies. */
export function symbolCondition(spec: KconfigSymbolSpec): string | undefined {
  const parts = [spec.menuIf, spec.dependsOn].filter((p): p is string => p !== undefined);
  if (parts.length === 0) return undefined;
  return parts.map((p) => (parts.length > 1 && /\|\|/.test(p) ? `(${p})` : p)).join(' && ');
}
