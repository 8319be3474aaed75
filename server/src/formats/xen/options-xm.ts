/**
 * Variables that only the old xm toolstack read (`xm create`, Xen 4.4 and earlier,
 * tools/python/xen/xm/create.py).
 * xl reads none of them: unless a row says otherwise it skips them without a word, which is how an xm config
 * run under xl silently loses its NFS root.
 */

import { AUTOCONF_VALUES } from '../cmdline/params';
import type { OptionSpec } from '../option-spec';
import { SRC_XM, XM_ONLY } from './options-shared';

const XL_SILENT = 'xl ignores this key without a warning.';

/** The xm variables from which xm built the guest's `ip=` and `nfsroot=` kernel parameters. */
const NFS_ROOT_VARIABLES: readonly OptionSpec[] = [
  {
    name: 'nfs_server',
    type: 'string',
    toolstacks: XM_ONLY,
    boot: true,
    doc:
      `NFS server of the guest root. xm wrote it into \`nfsroot=<nfs_server>:<nfs_root>\` and into the ` +
      `server field of the \`ip=\` it generated; it must be a numeric address because the kernel resolves ` +
      `no names. ${XL_SILENT} Under xl, write \`nfsroot=…\` into \`extra\` or \`cmdline\`.`,
    source: SRC_XM,
  },
  {
    name: 'nfs_root',
    type: 'string',
    toolstacks: XM_ONLY,
    boot: true,
    doc:
      `Directory on \`nfs_server\` that becomes the guest \`/\`. xm put ` +
      `\`nfsroot=<nfs_server>:<nfs_root>\` in front of \`extra\` and stopped with "Must set nfs root and ` +
      `nfs server" when \`nfs_server\` was missing; \`root="/dev/nfs"\` was still needed. ${XL_SILENT}`,
    source: SRC_XM,
  },
  {
    name: 'ip',
    type: 'string',
    default: "'' (none)",
    toolstacks: XM_ONLY,
    boot: true,
    doc:
      `Guest IPv4 address for kernel-level network setup (not the vif \`ip=\`). When it is set, or ` +
      `\`dhcp\` is not \`off\`, xm generated ` +
      `\`ip=<ip>:<nfs_server>:<gateway>:<netmask>:<hostname>:<interface>:<dhcp>\`, with a placeholder ` +
      `server if \`nfs_server\` was unset. ${XL_SILENT} Under xl, put \`ip=…\` into \`extra\`.`,
    source: SRC_XM,
  },
  {
    name: 'netmask',
    type: 'string',
    default: "'' (none)",
    toolstacks: XM_ONLY,
    boot: true,
    doc:
      `Guest netmask, the fourth field of the \`ip=\` xm generated (only when \`ip\` or \`dhcp\` is set). ` +
      `${XL_SILENT}`,
    source: SRC_XM,
  },
  {
    name: 'gateway',
    type: 'string',
    default: "'' (none)",
    toolstacks: XM_ONLY,
    boot: true,
    doc:
      `Default gateway of the guest, the third field of the \`ip=\` xm generated (only when \`ip\` or ` +
      `\`dhcp\` is set). It must lie inside the guest's subnet. ${XL_SILENT}`,
    source: SRC_XM,
  },
  {
    name: 'hostname',
    type: 'string',
    default: "'' (none)",
    toolstacks: XM_ONLY,
    boot: true,
    doc:
      `Guest host name, the fifth field of the \`ip=\` xm generated (only when \`ip\` or \`dhcp\` is set). ` +
      `${XL_SILENT}`,
    source: SRC_XM,
  },
  {
    name: 'interface',
    type: 'string',
    default: 'eth0',
    toolstacks: XM_ONLY,
    boot: true,
    doc:
      `Guest network device the kernel configures, the sixth field of xm's generated \`ip=\`; the first ` +
      `vif normally appears as \`eth0\` inside the guest. ${XL_SILENT}`,
    source: SRC_XM,
  },
  {
    name: 'dhcp',
    type: 'string',
    values: AUTOCONF_VALUES,
    default: 'off',
    toolstacks: XM_ONLY,
    boot: true,
    doc:
      `\`'dhcp'\` has the guest kernel ask DHCP for its address: it is copied into the autoconf field of ` +
      `the generated \`ip=\`, e.g. \`ip=:10.0.0.1::::eth0:dhcp\`. \`'off'\` means no \`ip=\` at all unless ` +
      `\`ip\` is set. ${XL_SILENT} Under xl, write \`ip=dhcp\` into \`extra\`.`,
    source: SRC_XM,
  },
];

/** xm variables replaced by differently named xl keys. */
const RENAMED_IN_XL: readonly OptionSpec[] = [
  {
    name: 'bootargs',
    type: 'string',
    toolstacks: XM_ONLY,
    doc: `Arguments for the \`bootloader\` program. ${XL_SILENT} xl's key is \`bootloader_args\`.`,
    source: SRC_XM,
  },
  {
    name: 'bootentry',
    type: 'string',
    toolstacks: XM_ONLY,
    deprecated: 'use `bootargs` (xm) or `bootloader_args` (xl)',
    doc: `Entry the boot loader should pick; already deprecated in xm. ${XL_SILENT}`,
    source: SRC_XM,
  },
  {
    name: 'cpu_cap',
    type: 'integer',
    min: 0,
    toolstacks: XM_ONLY,
    doc: `Most CPU the domain may use, in percent of one physical CPU. ${XL_SILENT} xl's key is \`cap\`.`,
    source: SRC_XM,
  },
  {
    name: 'cpu',
    type: 'integer',
    min: 0,
    toolstacks: XM_ONLY,
    doc: `Physical CPU for the first vCPU. ${XL_SILENT} Pin with \`cpus\` under xl.`,
    source: SRC_XM,
  },
  {
    name: 'vcpu_avail',
    type: 'integer',
    toolstacks: XM_ONLY,
    doc: `Bit mask of the vCPUs online at start. ${XL_SILENT} xl uses \`vcpus\` together with \`maxvcpus\`.`,
    source: SRC_XM,
  },
  {
    name: 'irq',
    type: 'list',
    toolstacks: XM_ONLY,
    doc: `Physical IRQs the guest may use. ${XL_SILENT} xl's key is \`irqs\`.`,
    source: SRC_XM,
  },
  {
    name: 'access_control',
    type: 'list',
    toolstacks: XM_ONLY,
    doc: `ACM security label, \`"policy=…,label=…"\`. ${XL_SILENT} xl uses \`seclabel\` (XSM).`,
    source: SRC_XM,
  },
  {
    name: 'loader',
    type: 'string',
    toolstacks: XM_ONLY,
    doc:
      `HVM firmware loader, usually \`hvmloader\`. ${XL_SILENT} xl picks firmware with \`firmware\` or ` +
      `\`bios\`.`,
    source: SRC_XM,
  },
  {
    name: 'vusb',
    type: 'list',
    toolstacks: XM_ONLY,
    doc:
      `Virtual USB host controllers, \`"usbver=…,numports=…,port_N=…"\`. ${XL_SILENT} xl uses \`usbctrl\` ` +
      `and \`usbdev\`.`,
    source: SRC_XM,
  },
  {
    name: 'blkif',
    type: 'boolean',
    default: '0',
    toolstacks: XM_ONLY,
    doc: `Make the domain a block-device backend. ${XL_SILENT} Under xl see \`driver_domain\`.`,
    source: SRC_XM,
  },
  {
    name: 'netif',
    type: 'boolean',
    default: '0',
    toolstacks: XM_ONLY,
    doc: `Make the domain a network backend. ${XL_SILENT} Under xl see \`driver_domain\`.`,
    source: SRC_XM,
  },
  {
    name: 'tpmif',
    type: 'boolean',
    default: '0',
    toolstacks: XM_ONLY,
    doc: `Make the domain a TPM backend. ${XL_SILENT}`,
    source: SRC_XM,
  },
];

/** xm variables xl reads only to warn about, or that were already obsolete under xm. */
const OBSOLETE: readonly OptionSpec[] = [
  {
    name: 'device_model',
    type: 'string',
    toolstacks: XM_ONLY,
    deprecated: 'use `device_model_override` (xl)',
    doc: 'Path of the device model program (qemu-dm). xl prints a warning and ignores it.',
    source: `${SRC_XM}; tools/xl/xl_parse.c`,
  },
  {
    name: 'vncviewer',
    type: 'boolean',
    toolstacks: XM_ONLY,
    deprecated: 'use `vncconsole` (xm) or `xl create -V`',
    doc:
      'Old xm switch that started a listening VNC viewer for the guest. xl prints a warning and ignores ' +
      'it.',
    source: `${SRC_XM}; tools/xl/xl_parse.c`,
  },
  {
    name: 'vif2',
    type: 'list',
    toolstacks: XM_ONLY,
    deprecated: 'use `vif`',
    doc:
      'Netchannel2 network interfaces. xl warns that netchannel2 is deprecated and unsupported and creates ' +
      'none.',
    source: `${SRC_XM}; tools/xl/xl_parse.c`,
  },
  {
    name: 'nics',
    type: 'integer',
    min: 0,
    toolstacks: XM_ONLY,
    deprecated: "list empty vif entries instead, e.g. `vif = ['']`",
    doc: `Number of network interfaces to create; xm itself warned that it is deprecated. ${XL_SILENT}`,
    source: SRC_XM,
  },
  {
    name: 'restart',
    type: 'string',
    values: ['onreboot', 'always', 'never'],
    toolstacks: XM_ONLY,
    deprecated: 'use `on_poweroff`, `on_reboot` and `on_crash`',
    doc: `Whether xend restarted the domain when it stopped. ${XL_SILENT}`,
    source: SRC_XM,
  },
];

/** Other variables that have no xl counterpart. */
const XM_ONLY_MISC: readonly OptionSpec[] = [
  {
    name: 'vncconsole',
    type: 'boolean',
    toolstacks: XM_ONLY,
    doc:
      `Open a VNC viewer on the guest's graphical console once it is created (needs \`vnc=1\`). ` +
      `${XL_SILENT} Use \`xl create -V\`.`,
    source: SRC_XM,
  },
  {
    name: 'features',
    type: 'string',
    toolstacks: XM_ONLY,
    doc: `Guest-kernel feature flags handed to xend's domain builder. ${XL_SILENT}`,
    source: SRC_XM,
  },
  {
    name: 'vhpt',
    type: 'integer',
    toolstacks: XM_ONLY,
    doc: `IA-64 only: log2 of the guest's VHPT size. ${XL_SILENT}`,
    source: SRC_XM,
  },
  {
    name: 'vscsi',
    type: 'list',
    toolstacks: XM_ONLY,
    doc: `Host SCSI devices passed to the guest, each \`"PDEV,VDEV[,DOM]"\`. ${XL_SILENT}`,
    source: SRC_XM,
  },
  {
    name: 'fda',
    type: 'string',
    toolstacks: XM_ONLY,
    doc: `HVM: image for the first emulated floppy drive. ${XL_SILENT}`,
    source: SRC_XM,
  },
  {
    name: 'fdb',
    type: 'string',
    toolstacks: XM_ONLY,
    doc: `HVM: image for the second emulated floppy drive. ${XL_SILENT}`,
    source: SRC_XM,
  },
  {
    name: 'monitor',
    type: 'boolean',
    default: '0',
    toolstacks: XM_ONLY,
    doc: `HVM: give the device model a monitor. ${XL_SILENT}`,
    source: SRC_XM,
  },
  {
    name: 'isa',
    type: 'boolean',
    default: '0',
    toolstacks: XM_ONLY,
    doc: `HVM: emulate a machine with an ISA bus only. ${XL_SILENT}`,
    source: SRC_XM,
  },
  {
    name: 'guest_os_type',
    type: 'string',
    default: 'default',
    toolstacks: XM_ONLY,
    doc: `HVM: hint about the operating system inside the guest. ${XL_SILENT}`,
    source: SRC_XM,
  },
  {
    name: 'description',
    type: 'string',
    toolstacks: XM_ONLY,
    doc: `Free-text description of the domain, kept by xend. ${XL_SILENT}`,
    source: SRC_XM,
  },
  {
    name: 'on_xend_start',
    type: 'string',
    values: ['ignore', 'start'],
    default: 'ignore',
    toolstacks: XM_ONLY,
    doc: `What xend did with this (managed) domain when xend started. ${XL_SILENT}`,
    source: SRC_XM,
  },
  {
    name: 'on_xend_stop',
    type: 'string',
    values: ['ignore', 'shutdown', 'suspend'],
    default: 'ignore',
    toolstacks: XM_ONLY,
    doc: `What xend did with the running domain when xend stopped. ${XL_SILENT}`,
    source: SRC_XM,
  },
  {
    name: 'target',
    type: 'integer',
    min: 0,
    toolstacks: XM_ONLY,
    doc: `Domain ID of the guest this domain serves, e.g. as its device-model stub domain. ${XL_SILENT}`,
    source: SRC_XM,
  },
  {
    name: 's3_integrity',
    type: 'boolean',
    default: '1',
    toolstacks: XM_ONLY,
    doc: `With tboot: check the domain's memory integrity across S3 suspend. ${XL_SILENT}`,
    source: SRC_XM,
  },
  {
    name: 'cpuid_check',
    type: 'list',
    toolstacks: XM_ONLY,
    doc:
      `CPUID values the host must report for the domain to start, in the xend \`cpuid\` syntax. ` +
      `${XL_SILENT}`,
    source: SRC_XM,
  },
  {
    name: 'machine_address_size',
    type: 'integer',
    min: 1,
    toolstacks: XM_ONLY,
    doc: `Widest machine address, in bits, the guest's memory may use. ${XL_SILENT}`,
    source: SRC_XM,
  },
  {
    name: 'suppress_spurious_page_faults',
    type: 'boolean',
    toolstacks: XM_ONLY,
    doc: `Keep Xen from injecting spurious page faults into the guest. ${XL_SILENT}`,
    source: SRC_XM,
  },
  {
    name: 'superpages',
    type: 'boolean',
    default: '0',
    toolstacks: XM_ONLY,
    doc: `Build the domain's memory from superpages. ${XL_SILENT}`,
    source: SRC_XM,
  },
];

/** Every variable of `xm create` that xl does not read, NFS-root ones first. */
export const XM_ONLY_OPTIONS: readonly OptionSpec[] = [
  ...NFS_ROOT_VARIABLES,
  ...RENAMED_IN_XL,
  ...OBSOLETE,
  ...XM_ONLY_MISC,
];
