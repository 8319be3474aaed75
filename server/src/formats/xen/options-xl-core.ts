/**
 * Domain-config keys of xl.cfg(5) for the guest as a whole: name and type, CPUs, memory, shutdown actions,
 * the kernel and its command line, firmware and the PV-only keys. Keys xm also read are marked so.
 */

import type { OptionSpec } from '../option-spec';
import { SHUTDOWN_ACTIONS, SRC_XL, SRC_XL_PARSER, SRC_XL_XM, XL_AND_XM, XL_ONLY } from './options-shared';

const ACTIONS_NOTE =
  'Actions: `destroy`, `restart`, `rename-restart`, `preserve`, `coredump-destroy`, `coredump-restart`, ' +
  '`soft-reset` (xm knew only the first four, plus the two `coredump-*` for `on_crash`).';

/** Guest identity, CPU, memory and shutdown-action keys. */
const IDENTITY_CPU_MEMORY: readonly OptionSpec[] = [
  {
    name: 'name',
    type: 'string',
    toolstacks: XL_AND_XM,
    boot: true,
    doc:
      'The domain name; it must be unique on the host. xl refuses to start without it, while xm fell back ' +
      'to the config file name. Everything between the quotes counts, so a stray trailing space becomes ' +
      'part of the name.',
    source: SRC_XL_XM,
  },
  {
    name: 'type',
    type: 'string',
    values: ['pv', 'pvh', 'hvm'],
    default: 'pv on x86, pvh on Arm',
    toolstacks: XL_ONLY,
    boot: true,
    doc:
      'The kind of guest: `pv` (paravirtualised), `pvh` (PV kernel in a light HVM container, needs a ' +
      'PVH-capable kernel) or `hvm` (fully emulated machine). Direct kernel boot with an NFS root is the ' +
      'usual PV setup; an HVM guest can instead network-boot with `boot="n"`.',
    source: SRC_XL,
  },
  {
    name: 'builder',
    type: 'string',
    values: ['generic', 'hvm', 'linux'],
    default: "xl: 'generic' (PV); xm: 'linux'",
    toolstacks: XL_AND_XM,
    deprecated: 'xl prefers `type` (deprecated since Xen 4.10)',
    doc:
      'The older way to pick the guest kind. xl takes `generic` (PV) or `hvm` and exits on a contradicting ' +
      "`type`; xm's PV builder was called `linux`, a value xl rejects as an invalid domain type.",
    source: SRC_XL_XM,
  },
  {
    name: 'pool',
    type: 'string',
    toolstacks: XL_ONLY,
    doc: 'The CPU pool whose physical CPUs run the guest; by default the pool the toolstack domain is in.',
    source: SRC_XL,
  },
  {
    name: 'vcpus',
    type: 'integer',
    min: 1,
    default: '1',
    toolstacks: XL_AND_XM,
    doc: 'How many virtual CPUs are online when the guest starts.',
    source: SRC_XL_XM,
  },
  {
    name: 'maxvcpus',
    type: 'integer',
    min: 1,
    default: 'the value of `vcpus`',
    toolstacks: XL_AND_XM,
    doc:
      'The most vCPUs the guest may ever bring online; those above `vcpus` start offline. xl stops with ' +
      '"maxvcpus < vcpus" when it is smaller than `vcpus`.',
    source: SRC_XL_XM,
  },
  {
    name: 'cpus',
    type: 'string-or-list',
    default: 'no pinning',
    toolstacks: XL_AND_XM,
    doc:
      'Hard affinity: the host CPUs the vCPUs may run on, e.g. `"0-3,^1"`, `"all"` or `"nodes:0"`. A list ' +
      'gives one such string per vCPU.',
    source: SRC_XL_XM,
  },
  {
    name: 'cpus_soft',
    type: 'string-or-list',
    default: 'no preference',
    toolstacks: XL_ONLY,
    doc:
      'Soft affinity: the host CPUs the vCPUs prefer, written ' +
      'like `cpus`; it is a preference, not a pin.',
    source: SRC_XL,
  },
  {
    name: 'cpu_weight',
    type: 'integer',
    min: 1,
    default: '256',
    toolstacks: XL_AND_XM,
    doc:
      'Relative CPU share under the credit and credit2 schedulers, from 1 to 65535; twice the weight means ' +
      'twice the CPU time when the host is busy.',
    source: SRC_XL_XM,
  },
  {
    name: 'cap',
    type: 'integer',
    min: 0,
    default: '0 (no cap)',
    toolstacks: XL_ONLY,
    doc:
      'Upper limit on CPU use in percent of one physical CPU (200 = two CPUs), honoured by credit and ' +
      'credit2. xm called this `cpu_cap`.',
    source: SRC_XL,
  },
  {
    name: 'period',
    type: 'integer',
    toolstacks: XL_ONLY,
    doc:
      'Scheduler period for schedulers that use one (e.g. RTDS); xl reads it although xl.cfg(5) does not ' +
      'list it.',
    source: SRC_XL_PARSER,
  },
  {
    name: 'slice',
    type: 'integer',
    toolstacks: XL_ONLY,
    doc: 'Scheduler time slice for schedulers that use one; read by xl but not documented in xl.cfg(5).',
    source: SRC_XL_PARSER,
  },
  {
    name: 'latency',
    type: 'integer',
    toolstacks: XL_ONLY,
    doc: 'Scheduler latency parameter; read by xl but not documented in xl.cfg(5).',
    source: SRC_XL_PARSER,
  },
  {
    name: 'extratime',
    type: 'integer',
    toolstacks: XL_ONLY,
    doc:
      'Whether the guest may use spare CPU time beyond its budget ' +
      '(RTDS); read by xl but not in xl.cfg(5).',
    source: SRC_XL_PARSER,
  },
  {
    name: 'memory',
    type: 'integer',
    min: 1,
    default: "xm: 128; xl: libxl's built-in default",
    toolstacks: XL_AND_XM,
    doc:
      'Guest RAM at start, in MiB. A diskless guest keeps no swap, so its page cache and tmpfs directories ' +
      'all live in this memory.',
    source: SRC_XL_XM,
  },
  {
    name: 'maxmem',
    type: 'integer',
    min: 1,
    default: 'the value of `memory`',
    toolstacks: XL_AND_XM,
    doc:
      'The most RAM the guest may balloon up to, in MiB; it must not be below `memory`. When the two ' +
      'differ the guest starts ballooned down, which an HVM guest survives only with a balloon driver.',
    source: SRC_XL_XM,
  },
  {
    name: 'vnuma',
    type: 'list',
    toolstacks: XL_ONLY,
    doc:
      'Virtual NUMA layout: one list per virtual node of `"pnode=…"`, `"size=…"`, `"vcpus=…"`, ' +
      '`"vdistances=…"` strings. Not for PV guests; a guest with it cannot be saved or migrated.',
    source: SRC_XL,
  },
  {
    name: 'on_poweroff',
    type: 'string',
    values: SHUTDOWN_ACTIONS,
    default: 'destroy',
    toolstacks: XL_AND_XM,
    doc: `What the toolstack does when the guest powers itself off. ${ACTIONS_NOTE}`,
    source: SRC_XL_XM,
  },
  {
    name: 'on_reboot',
    type: 'string',
    values: SHUTDOWN_ACTIONS,
    default: 'restart',
    toolstacks: XL_AND_XM,
    doc:
      'What happens when the guest asks to reboot; `restart` builds a fresh domain from the same config ' +
      `file. ${ACTIONS_NOTE}`,
    source: SRC_XL_XM,
  },
  {
    name: 'on_watchdog',
    type: 'string',
    values: SHUTDOWN_ACTIONS,
    default: 'destroy',
    toolstacks: XL_ONLY,
    doc: `What happens when the guest's Xen watchdog expires. ${ACTIONS_NOTE}`,
    source: SRC_XL,
  },
  {
    name: 'on_crash',
    type: 'string',
    values: SHUTDOWN_ACTIONS,
    default: 'destroy',
    toolstacks: XL_AND_XM,
    doc:
      'What happens when the guest crashes; a Linux guest whose kernel panics, e.g. because it cannot ' +
      'mount its NFS root, ends up here. `preserve` keeps the dead domain for `xl dump-core` until ' +
      '`xl destroy`. ' +
      ACTIONS_NOTE,
    source: SRC_XL_XM,
  },
  {
    name: 'on_soft_reset',
    type: 'string',
    values: SHUTDOWN_ACTIONS,
    default: 'soft-reset',
    toolstacks: XL_ONLY,
    doc:
      `What happens when the guest performs a soft reset, e.g. a ` +
      `kexec into a new kernel. ${ACTIONS_NOTE}`,
    source: SRC_XL,
  },
];

/** Direct kernel boot, firmware and the PV/PVH boot keys. */
const KERNEL_AND_FIRMWARE: readonly OptionSpec[] = [
  {
    name: 'kernel',
    type: 'string',
    toolstacks: XL_AND_XM,
    boot: true,
    doc:
      'Path, on the host that runs the toolstack, of the guest kernel to boot directly. For an NFS root ' +
      'without a ramdisk this kernel itself must carry NFS client, `ROOT_NFS`, `IP_PNP` and the Xen ' +
      'network frontend built in (`=y`). A PV or PVH guest needs `kernel`, `firmware` or `bootloader`.',
    source: SRC_XL_XM,
  },
  {
    name: 'ramdisk',
    type: 'string',
    toolstacks: XL_AND_XM,
    boot: true,
    doc:
      'Path on the host of the initrd/initramfs handed to the guest kernel. When it holds an executable ' +
      "`/init`, that program mounts the root (Debian's initramfs-tools via `scripts/nfs`), not the kernel, " +
      "so the kernel's own `nfsroot=` handling and its `ROOT_NFS`/`IP_PNP` requirements no longer apply. " +
      'Neither toolstack has an `initrd` key.',
    source: SRC_XL_XM,
  },
  {
    name: 'cmdline',
    type: 'string',
    toolstacks: XL_ONLY,
    boot: true,
    doc:
      'The whole guest kernel command line, e.g. `"root=/dev/nfs nfsroot=10.0.0.1:/srv/nfs/domu ip=dhcp ' +
      'rw"`. When set, xl drops `root` and `extra` with a warning. Unknown to xm, which silently ignored ' +
      'it.',
    source: SRC_XL,
  },
  {
    name: 'root',
    type: 'string',
    toolstacks: XL_AND_XM,
    boot: true,
    doc:
      'Becomes `root=<value>` at the start of the kernel command line; `/dev/nfs` asks the kernel for an ' +
      'NFS root. Write the value only: xm stripped a leading `root=` but xl does not, giving ' +
      '`root=root=…`. xl ignores this key when `cmdline` is set.',
    source: SRC_XL_XM,
  },
  {
    name: 'extra',
    type: 'string',
    toolstacks: XL_AND_XM,
    boot: true,
    doc:
      'Text appended to the kernel command line after `root=…`; under xl this is where `nfsroot=…` and ' +
      '`ip=…` go. xm put its generated `nfsroot=` before this text. xl ignores it when `cmdline` is set.',
    source: SRC_XL_XM,
  },
  {
    name: 'firmware',
    type: 'string',
    toolstacks: XL_ONLY,
    doc:
      'Boot through firmware instead of a host-side kernel: `pvgrub32`/`pvgrub64` for PV (not together ' +
      'with `kernel`), or `bios`, `uefi`, `seabios`, `rombios`, `ovmf` or a file path for HVM. PVH guests ' +
      'have none.',
    source: SRC_XL,
  },
  {
    name: 'firmware_override',
    type: 'string',
    toolstacks: XL_ONLY,
    doc:
      'Path of a non-default HVM firmware image; xl reads it but ' +
      'xl.cfg(5) only mentions it in a warning.',
    source: SRC_XL_PARSER,
  },
  {
    name: 'pvshim',
    type: 'boolean',
    default: '0',
    toolstacks: XL_ONLY,
    doc:
      'For `type="pvh"`: run a PV kernel inside a PVH container through the PV shim (a Meltdown ' +
      'mitigation).',
    source: SRC_XL,
  },
  {
    name: 'pvshim_path',
    type: 'string',
    toolstacks: XL_ONLY,
    doc: 'Path of a non-default PV shim binary; only used when `pvshim` is on.',
    source: SRC_XL,
  },
  {
    name: 'pvshim_cmdline',
    type: 'string',
    default: 'pv-shim console=xen,pv',
    toolstacks: XL_ONLY,
    doc: "The shim's own command line (not the guest kernel's); only used when `pvshim` is on.",
    source: SRC_XL,
  },
  {
    name: 'pvshim_extra',
    type: 'string',
    toolstacks: XL_ONLY,
    doc: 'Extra words appended to `pvshim_cmdline`; only used when `pvshim` is on.',
    source: SRC_XL,
  },
  {
    name: 'bootloader',
    type: 'string',
    toolstacks: XL_AND_XM,
    doc:
      "A host program, normally `pygrub`, that reads the kernel and ramdisk out of the guest's first disk. " +
      'A guest whose root is on NFS has no such disk, so it boots with `kernel` instead.',
    source: SRC_XL_XM,
  },
  {
    name: 'bootloader_args',
    type: 'string-or-list',
    toolstacks: XL_ONLY,
    doc:
      'Arguments for the `bootloader` program, one per list item. A single string is still split at ' +
      'whitespace but xl warns that form is deprecated. xm called this `bootargs`.',
    source: SRC_XL,
  },
  {
    name: 'e820_host',
    type: 'boolean',
    default: '1 with PCI passthrough, else 0',
    toolstacks: XL_ONLY,
    doc:
      "PV only: give the guest a memory map shaped like the host's, with the host's PCI holes, for " +
      'passthrough.',
    source: SRC_XL,
  },
];

/** Identity, security label and miscellaneous domain-wide keys. */
const DOMAIN_MISC: readonly OptionSpec[] = [
  {
    name: 'uuid',
    type: 'string',
    default: 'a new random UUID',
    toolstacks: XL_AND_XM,
    doc: 'The domain UUID; xl exits if it cannot parse it.',
    source: SRC_XL_XM,
  },
  {
    name: 'seclabel',
    type: 'string',
    toolstacks: XL_ONLY,
    doc: 'XSM (e.g. FLASK) security label of the domain.',
    source: SRC_XL,
  },
  {
    name: 'init_seclabel',
    type: 'string',
    toolstacks: XL_ONLY,
    doc:
      'XSM label used while the domain is being built; it switches to `seclabel` before the guest first ' +
      'runs.',
    source: SRC_XL,
  },
  {
    name: 'max_grant_frames',
    type: 'integer',
    min: 0,
    default: 'from xl.conf(5)',
    toolstacks: XL_ONLY,
    doc:
      'How many grant-table frames the guest may use, which bounds how much memory it can share with ' +
      'backends.',
    source: SRC_XL,
  },
  {
    name: 'max_maptrack_frames',
    type: 'integer',
    min: 0,
    default: 'from xl.conf(5)',
    toolstacks: XL_ONLY,
    doc: 'How many maptrack frames the guest may use, bounding how many foreign grants it can map.',
    source: SRC_XL,
  },
  {
    name: 'max_grant_version',
    type: 'integer',
    default: 'from xl.conf(5)',
    toolstacks: XL_ONLY,
    doc: 'The highest grant-table version the guest may use.',
    source: SRC_XL,
  },
  {
    name: 'nomigrate',
    type: 'boolean',
    default: '0',
    toolstacks: XL_AND_XM,
    doc:
      'Forbid migrating the guest; this lets Xen expose features that would not survive a migration (e.g. ' +
      'invariant TSC).',
    source: SRC_XL_XM,
  },
  {
    name: 'driver_domain',
    type: 'boolean',
    default: '0',
    toolstacks: XL_ONLY,
    doc: 'Mark the guest as a driver domain that will serve backends (e.g. network) to other guests.',
    source: SRC_XL,
  },
  {
    name: 'device_tree',
    type: 'string',
    toolstacks: XL_ONLY,
    doc:
      'Arm: a compiled partial device tree whose `/passthrough` and `/aliases` nodes are copied into the ' +
      'guest.',
    source: SRC_XL,
  },
  {
    name: 'passthrough',
    type: 'string',
    values: ['disabled', 'enabled', 'sync_pt', 'share_pt', 'default'],
    default: 'enabled with passthrough devices, else disabled',
    toolstacks: XL_ONLY,
    doc: 'Whether, and how, the guest gets IOMMU mappings for passed-through hardware.',
    source: SRC_XL,
  },
  {
    name: 'xend_suspend_evtchn_compat',
    type: 'boolean',
    default: '0',
    toolstacks: XL_ONLY,
    doc: "Bring back xend's way of publishing the suspend event channel, for old PV drivers that need it.",
    source: SRC_XL,
  },
  {
    name: 'vmtrace_buf_kb',
    type: 'integer',
    min: 0,
    default: '0 (off)',
    toolstacks: XL_ONLY,
    doc:
      'Per-vCPU processor trace buffer size in KiB; platform ' +
      'limits apply (Intel PT wants a power of two).',
    source: SRC_XL,
  },
  {
    name: 'vpmu',
    type: 'boolean',
    default: '0',
    toolstacks: XL_ONLY,
    doc:
      'Arm only: let the guest reach the performance-monitor registers directly. Experimental; trusted ' +
      'guests only.',
    source: SRC_XL,
  },
];

/** The xl.cfg(5) keys about the guest as a whole, in the order the man page gives them. */
export const XL_CORE_OPTIONS: readonly OptionSpec[] = [
  ...IDENTITY_CPU_MEMORY,
  ...KERNEL_AND_FIRMWARE,
  ...DOMAIN_MISC,
];
