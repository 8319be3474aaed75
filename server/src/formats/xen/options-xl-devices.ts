/**
 * Domain-config keys of xl.cfg(5) for devices: disks, network interfaces, PCI and other passthrough, the
 * paravirtual frontends, the device model and the architecture-specific keys.
 */

import type { OptionSpec } from '../option-spec';
import { SRC_XL, SRC_XL_XM, XL_AND_XM, XL_ONLY } from './options-shared';

/** Block, network and the other paravirtual device lists. */
const PV_DEVICES: readonly OptionSpec[] = [
  {
    name: 'disk',
    type: 'list',
    itemGrammar: 'disk',
    default: 'no disks',
    toolstacks: XL_AND_XM,
    doc:
      'Virtual disks, one spec string per disk (xl-disk-configuration(5)), e.g. ' +
      '`"phy:/dev/vg/domu,xvda,w"`. A guest whose root is on NFS may have none at all.',
    source: `${SRC_XL_XM}; xl-disk-configuration(5)`,
  },
  {
    name: 'vif',
    type: 'list',
    itemGrammar: 'vif',
    default: 'no network interfaces',
    toolstacks: XL_AND_XM,
    boot: true,
    doc:
      'Network interfaces, one spec string per NIC (xl-network-configuration(5)), e.g. ' +
      '`"mac=00:16:3e:00:00:01,bridge=xenbr0"`; `\'\'` gives a NIC with defaults. An NFS-root guest needs ' +
      'one on a bridge that reaches the DHCP and NFS servers, and its `mac=` is what a dhcpd `host` entry ' +
      "must match. The spec's `ip=` only feeds the host-side hotplug script; it does not configure the " +
      'guest.',
    source: `${SRC_XL_XM}; xl-network-configuration(5)`,
  },
  {
    name: 'vtpm',
    type: 'list',
    toolstacks: XL_AND_XM,
    doc:
      'Virtual TPMs, each a `"backend=<domain>[,uuid=<uuid>]"` string; `backend` is required ' +
      '(xen-vtpm(7)).',
    source: SRC_XL_XM,
  },
  {
    name: 'p9',
    type: 'list',
    toolstacks: XL_ONLY,
    doc:
      'Xen 9pfs shares, each `"tag=…,security_model=none,path=…[,backend=…]"`; the guest mounts them by ' +
      'tag. `tag`, `security_model` and `path` are required.',
    source: SRC_XL,
  },
  {
    name: 'pvcalls',
    type: 'list',
    toolstacks: XL_ONLY,
    doc:
      'PV Calls connections, each `"backend=<domain>"`: socket calls forwarded to a backend instead of a ' +
      'NIC.',
    source: SRC_XL,
  },
  {
    name: 'vfb',
    type: 'list',
    toolstacks: XL_AND_XM,
    doc:
      'Paravirtual framebuffers, each a comma-separated list of `vnc=`, `vnclisten=`, `vncdisplay=`, ' +
      '`vncunused=`, `vncpasswd=`, `sdl=`, `display=`, `xauthority=`, `opengl=`, `keymap=`. Not the ' +
      'emulated VGA card of HVM guests.',
    source: SRC_XL_XM,
  },
  {
    name: 'channel',
    type: 'list',
    toolstacks: XL_ONLY,
    doc:
      'Low-bandwidth byte-stream channels to the guest (xen-pv-channel(7)), each ' +
      '`"name=…,connection=pty|socket[,path=…][,backend=…]"`; `name` and `connection` are required.',
    source: SRC_XL,
  },
  {
    name: 'vdispl',
    type: 'list',
    toolstacks: XL_ONLY,
    doc:
      'Virtual displays, each `"connectors=<id>:<W>x<H>;…[,backend=…][,be-alloc=…]"`; at least one ' +
      'connector.',
    source: SRC_XL,
  },
  {
    name: 'vsnd',
    type: 'list',
    toolstacks: XL_ONLY,
    doc: 'Virtual sound cards: a list per card of `"CARD, …"`, `"PCM, …"` and `"STREAM, …"` item strings.',
    source: SRC_XL,
  },
  {
    name: 'vkb',
    type: 'list',
    toolstacks: XL_ONLY,
    doc: 'Virtual keyboards/pointers, each a comma-separated spec; `backend-type=qemu|linux` is required.',
    source: SRC_XL,
  },
  {
    name: 'usbctrl',
    type: 'list',
    toolstacks: XL_ONLY,
    doc: 'USB controllers, each `"type=…,version=…,ports=…"`; type `auto` (the default) picks PV or QEMU.',
    source: SRC_XL,
  },
  {
    name: 'usbdev',
    type: 'list',
    toolstacks: XL_ONLY,
    doc: 'Host USB devices to attach at boot, each `"hostbus=…,hostaddr=…[,controller=…,port=…]"`.',
    source: SRC_XL,
  },
  {
    name: 'max_event_channels',
    type: 'integer',
    min: 1,
    default: '1023',
    toolstacks: XL_ONLY,
    doc: 'The most event channels (PV interrupts) the guest may use.',
    source: SRC_XL,
  },
];

/** PCI and other hardware passthrough. */
const PASSTHROUGH: readonly OptionSpec[] = [
  {
    name: 'pci',
    type: 'list',
    default: 'no devices',
    toolstacks: XL_AND_XM,
    doc:
      'Host PCI devices to pass through, one BDF spec each (xl-pci-configuration(5)), e.g. ' +
      '`"0000:03:00.0"`. A guest that reaches its NFS root through a passed-through NIC needs that NIC\'s ' +
      'driver, not the Xen network frontend, built into its kernel.',
    source: SRC_XL_XM,
  },
  {
    name: 'pci_permissive',
    type: 'boolean',
    default: '0',
    toolstacks: XL_ONLY,
    doc: 'Default `permissive` setting for every passed-through PCI device.',
    source: SRC_XL,
  },
  {
    name: 'pci_msitranslate',
    type: 'boolean',
    toolstacks: XL_AND_XM,
    doc: 'Default `msitranslate` setting (MSI to INTx translation) for every passed-through PCI device.',
    source: SRC_XL_XM,
  },
  {
    name: 'pci_seize',
    type: 'boolean',
    default: '0',
    toolstacks: XL_ONLY,
    doc: 'Default `seize` setting: let xl take devices away from their dom0 driver for passthrough.',
    source: SRC_XL,
  },
  {
    name: 'pci_power_mgmt',
    type: 'boolean',
    default: '0',
    toolstacks: XL_AND_XM,
    doc:
      'HVM only: default `power_mgmt` setting, letting the guest change the power state of passed-through ' +
      'devices.',
    source: SRC_XL_XM,
  },
  {
    name: 'gfx_passthru',
    type: 'string',
    alsoAccepts: ['boolean'],
    values: ['default', 'igd'],
    toolstacks: XL_AND_XM,
    doc:
      'HVM: make a passed-through graphics card the primary display. `0`/`1` turn it off or on with ' +
      'autodetection; the strings `default` and `igd` (Intel) name the kind.',
    source: SRC_XL_XM,
  },
  {
    name: 'rdm',
    type: 'string',
    toolstacks: XL_ONLY,
    doc:
      'HVM/x86: reserved device memory handling, `"strategy=host,policy=strict|relaxed"`, for robust ' +
      'passthrough.',
    source: SRC_XL,
  },
  {
    name: 'rdm_mem_boundary',
    type: 'integer',
    min: 0,
    default: '2048',
    toolstacks: XL_ONLY,
    doc: 'HVM: boundary in MiB used when reserved device memory collides with guest RAM.',
    source: SRC_XL,
  },
  {
    name: 'dtdev',
    type: 'list',
    toolstacks: XL_ONLY,
    doc: 'Arm: absolute device-tree paths of host devices to pass through.',
    source: SRC_XL,
  },
  {
    name: 'ioports',
    type: 'list',
    toolstacks: XL_AND_XM,
    doc: 'Legacy I/O port ranges the guest may access, in hex, e.g. `"2f8-2ff"`. Trusted guests only.',
    source: SRC_XL_XM,
  },
  {
    name: 'iomem',
    type: 'list',
    toolstacks: XL_ONLY,
    doc:
      'Machine memory pages the guest may map, each ' +
      '`"START,NUM_PAGES[@GFN]"` in hex. Not IOMMU protected.',
    source: SRC_XL,
  },
  {
    name: 'irqs',
    type: 'list',
    toolstacks: XL_ONLY,
    doc: 'Physical IRQ numbers the guest may use. Trusted guests only; xm called this `irq`.',
    source: SRC_XL,
  },
  {
    name: 'tee',
    type: 'string',
    values: ['none', 'optee'],
    default: 'none',
    toolstacks: XL_ONLY,
    doc: 'Arm: whether the guest may reach the host Trusted Execution Environment (OP-TEE).',
    source: SRC_XL,
  },
];

/** The device model (QEMU) and the keys tied to one architecture. */
const DEVICE_MODEL_AND_ARCH: readonly OptionSpec[] = [
  {
    name: 'dm_restrict',
    type: 'boolean',
    default: '0',
    toolstacks: XL_ONLY,
    doc:
      'Restrict the device model (QEMU) after start-up to limit the harm of a QEMU exploit. Technology ' +
      'preview.',
    source: SRC_XL,
  },
  {
    name: 'device_model_user',
    type: 'string',
    toolstacks: XL_ONLY,
    doc: 'With `dm_restrict`: the Unix user the device model runs as; each domain needs its own.',
    source: SRC_XL,
  },
  {
    name: 'device_model_version',
    type: 'string',
    values: ['qemu-xen', 'qemu-xen-traditional'],
    default: 'qemu-xen on Linux dom0',
    toolstacks: XL_ONLY,
    doc: 'Which device model emulates the guest hardware: upstream QEMU or the old Xen fork.',
    source: SRC_XL,
  },
  {
    name: 'device_model_override',
    type: 'string',
    toolstacks: XL_ONLY,
    doc:
      "Path of a non-default device model binary; it must match `device_model_version`. xm's " +
      '`device_model` is its ancestor.',
    source: SRC_XL,
  },
  {
    name: 'device_model_stubdomain_override',
    type: 'boolean',
    toolstacks: XL_ONLY,
    doc: 'Force the device model into (or out of) a stub domain instead of a dom0 process.',
    source: SRC_XL,
  },
  {
    name: 'device_model_stubdomain_seclabel',
    type: 'string',
    toolstacks: XL_ONLY,
    doc: 'XSM security label of the device-model stub domain.',
    source: SRC_XL,
  },
  {
    name: 'stubdomain_kernel',
    type: 'string',
    toolstacks: XL_ONLY,
    doc: 'Kernel image of the device-model stub domain; must match `device_model_version`.',
    source: SRC_XL,
  },
  {
    name: 'stubdomain_cmdline',
    type: 'string',
    toolstacks: XL_ONLY,
    doc: "Kernel command line of the device-model stub domain (not the guest's).",
    source: SRC_XL,
  },
  {
    name: 'stubdomain_ramdisk',
    type: 'string',
    toolstacks: XL_ONLY,
    doc: 'Ramdisk of a Linux-based device-model stub domain.',
    source: SRC_XL,
  },
  {
    name: 'stubdomain_memory',
    type: 'integer',
    min: 1,
    default: '128',
    toolstacks: XL_ONLY,
    doc: 'RAM of the device-model stub domain, in MiB.',
    source: SRC_XL,
  },
  {
    name: 'device_model_args',
    type: 'list',
    toolstacks: XL_ONLY,
    doc: 'Extra arguments passed verbatim to the device model, one per list item.',
    source: SRC_XL,
  },
  {
    name: 'device_model_args_pv',
    type: 'list',
    toolstacks: XL_ONLY,
    doc: 'Like `device_model_args`, but only for the device model of a PV guest.',
    source: SRC_XL,
  },
  {
    name: 'device_model_args_hvm',
    type: 'list',
    toolstacks: XL_ONLY,
    doc: 'Like `device_model_args`, but only for the device model of an HVM guest.',
    source: SRC_XL,
  },
  {
    name: 'gic_version',
    type: 'string',
    values: ['v2', 'v3', 'default'],
    default: 'default (as the host)',
    toolstacks: XL_ONLY,
    doc: 'Arm: which interrupt controller (GIC) version the guest sees.',
    source: SRC_XL,
  },
  {
    name: 'vuart',
    type: 'string',
    values: ['sbsa_uart'],
    toolstacks: XL_ONLY,
    doc: 'Arm: give the guest an emulated UART console (only `sbsa_uart` exists); it reserves IRQ 32.',
    source: SRC_XL,
  },
  {
    name: 'mca_caps',
    type: 'list',
    toolstacks: XL_ONLY,
    doc:
      'x86 HVM: extra machine-check capabilities beyond the defaults; `"lmce"` (Intel local MCE) is the ' +
      'only one.',
    source: SRC_XL,
  },
  {
    name: 'msr_relaxed',
    type: 'boolean',
    default: '0',
    toolstacks: XL_ONLY,
    doc:
      'x86: return to the laxer pre-4.15 handling of unknown MSRs for a guest that breaks under the strict ' +
      'one. Interim; xl warns that it will go away.',
    source: SRC_XL,
  },
];

/** The xl.cfg(5) device, passthrough, device-model and architecture keys. */
export const XL_DEVICE_OPTIONS: readonly OptionSpec[] = [
  ...PV_DEVICES,
  ...PASSTHROUGH,
  ...DEVICE_MODEL_AND_ARCH,
];
