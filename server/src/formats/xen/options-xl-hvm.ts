/**
 * Domain-config keys of xl.cfg(5) for fully virtualised (HVM, some also PVH) guests: boot device, paging,
 * platform features, time, the emulated display (VNC, SDL, SPICE) and other emulated hardware.
 */

import type { OptionSpec } from '../option-spec';
import { SRC_XL, SRC_XL_PARSER, SRC_XL_XM, XL_AND_XM, XL_ONLY } from './options-shared';

/** Boot device, paging and platform features. */
const PLATFORM: readonly OptionSpec[] = [
  {
    name: 'boot',
    type: 'string',
    default: "xl: 'cd'; xm: 'c'",
    toolstacks: XL_AND_XM,
    doc:
      'HVM boot order as letters tried in turn: `c` hard disk, `d` CD-ROM, `n` network (PXE). An HVM guest ' +
      'that should boot from the network, e.g. into an NFS root via PXELINUX, needs `n`.',
    source: SRC_XL_XM,
  },
  {
    name: 'hdtype',
    type: 'string',
    values: ['ide', 'ahci'],
    default: 'ide',
    toolstacks: XL_ONLY,
    doc: 'HVM: the emulated disk controller, IDE or an AHCI (SATA) controller.',
    source: SRC_XL,
  },
  {
    name: 'hap',
    type: 'boolean',
    default: '1 where the hardware has it',
    toolstacks: XL_AND_XM,
    doc: 'Use hardware-assisted paging (Intel EPT, AMD NPT) rather than shadow page tables.',
    source: SRC_XL_XM,
  },
  {
    name: 'oos',
    type: 'boolean',
    default: '1',
    toolstacks: XL_AND_XM,
    doc: 'In shadow paging mode, allow out-of-sync page tables; turn off only to chase bugs.',
    source: SRC_XL_XM,
  },
  {
    name: 'shadow_memory',
    type: 'integer',
    min: 0,
    default: '1 MiB per vCPU plus 8 KiB per MiB of RAM',
    toolstacks: XL_AND_XM,
    doc: 'MiB set aside for shadow page tables or HAP state (on Arm: the P2M pool).',
    source: SRC_XL_XM,
  },
  {
    name: 'bios',
    type: 'string',
    values: ['rombios', 'seabios', 'ovmf'],
    default: 'chosen from the device model',
    toolstacks: XL_ONLY,
    doc:
      'HVM firmware: ROMBIOS (only one for qemu-xen-traditional), SeaBIOS (qemu-xen default) or OVMF ' +
      '(UEFI).',
    source: SRC_XL,
  },
  {
    name: 'bios_path_override',
    type: 'string',
    toolstacks: XL_ONLY,
    doc: 'Path of a firmware blob replacing the one `bios` would load; it must be of the same kind.',
    source: SRC_XL,
  },
  {
    name: 'pae',
    type: 'boolean',
    default: '1',
    toolstacks: XL_AND_XM,
    doc: 'x86 HVM: expose Physical Address Extension, which 64-bit guests need.',
    source: SRC_XL_XM,
  },
  {
    name: 'acpi',
    type: 'boolean',
    default: '1 on x86, 0 on Arm',
    toolstacks: XL_AND_XM,
    doc: 'Give the guest ACPI tables; most modern guests need them.',
    source: SRC_XL_XM,
  },
  {
    name: 'acpi_s3',
    type: 'boolean',
    default: '1',
    toolstacks: XL_ONLY,
    doc: 'HVM: advertise the S3 (suspend to RAM) sleep state.',
    source: SRC_XL,
  },
  {
    name: 'acpi_s4',
    type: 'boolean',
    default: '1',
    toolstacks: XL_ONLY,
    doc: 'HVM: advertise the S4 (suspend to disk) sleep state.',
    source: SRC_XL,
  },
  {
    name: 'acpi_laptop_slate',
    type: 'boolean',
    default: '0',
    toolstacks: XL_ONLY,
    doc: 'HVM: add the Windows laptop/slate mode switch device to the ACPI tables.',
    source: SRC_XL,
  },
  {
    name: 'apic',
    type: 'boolean',
    default: '1',
    toolstacks: XL_AND_XM,
    doc:
      'x86 HVM: publish MP and PCI interrupt routing tables for a single-vCPU guest; old guests may need ' +
      'it off.',
    source: SRC_XL_XM,
  },
  {
    name: 'nx',
    type: 'boolean',
    toolstacks: XL_ONLY,
    doc: 'x86 HVM: expose the No-eXecute page bit; needs `pae`.',
    source: SRC_XL,
  },
  {
    name: 'hpet',
    type: 'boolean',
    default: '1',
    toolstacks: XL_AND_XM,
    doc: 'x86 HVM: emulate a High Precision Event Timer.',
    source: SRC_XL_XM,
  },
  {
    name: 'altp2m',
    type: 'string',
    alsoAccepts: ['integer'],
    values: ['disabled', 'mixed', 'external', 'limited'],
    default: 'disabled',
    toolstacks: XL_ONLY,
    doc: 'x86: access mode of alternate guest-physical memory views (used for introspection).',
    source: SRC_XL,
  },
  {
    name: 'altp2mhvm',
    type: 'boolean',
    default: '0',
    toolstacks: XL_ONLY,
    deprecated: 'use `altp2m`',
    doc:
      'Older boolean switch for alternate memory views in HVM ' +
      'guests; xl warns and maps it onto `altp2m`.',
    source: SRC_XL,
  },
  {
    name: 'nestedhvm',
    type: 'boolean',
    default: '0',
    toolstacks: XL_ONLY,
    doc: 'Let the guest use hardware virtualisation itself, e.g. to run a nested hypervisor (HVM and PVH).',
    source: SRC_XL,
  },
  {
    name: 'cpuid',
    type: 'string-or-list',
    toolstacks: XL_AND_XM,
    doc:
      'Adjust what the CPUID instruction reports: the libxl form `"host,<feature>=0|1|x|k,…"` or the xend ' +
      'form, a list of `"leaf:reg=<32 bits>"` strings.',
    source: SRC_XL_XM,
  },
  {
    name: 'acpi_firmware',
    type: 'string',
    toolstacks: XL_ONLY,
    doc: 'HVM: file of extra binary ACPI tables to add (existing tables cannot be replaced).',
    source: SRC_XL,
  },
  {
    name: 'smbios_firmware',
    type: 'string',
    toolstacks: XL_ONLY,
    doc:
      'HVM: file of SMBIOS structures, each preceded by its 32-bit size, overriding or adding to the ' +
      'defaults.',
    source: SRC_XL,
  },
  {
    name: 'ms_vm_genid',
    type: 'string',
    values: ['generate', 'none'],
    default: 'none',
    toolstacks: XL_ONLY,
    doc: 'HVM: give the guest a Microsoft VM generation ID, renewed at each create or restore.',
    source: SRC_XL,
  },
  {
    name: 'mmio_hole',
    type: 'integer',
    min: 256,
    toolstacks: XL_ONLY,
    doc: 'HVM with qemu-xen: size in MiB of the MMIO hole below 4 GiB, from 256 to 3840.',
    source: SRC_XL,
  },
  {
    name: 'xen_platform_pci',
    type: 'boolean',
    default: '1',
    toolstacks: XL_AND_XM,
    doc: 'HVM: add the Xen platform PCI device, which PV drivers in the guest (disk, network) need.',
    source: SRC_XL_XM,
  },
  {
    name: 'viridian',
    type: 'list',
    alsoAccepts: ['boolean'],
    toolstacks: XL_AND_XM,
    doc:
      'HVM: Hyper-V enlightenments for Windows guests, as a list of groups (`"base"`, `"freq"`, `"all"`, ' +
      '`"!freq"` …) or a boolean (1 = `["defaults"]`). xm took only 0/1.',
    source: SRC_XL_XM,
  },
];

/** Virtual time keys. */
const TIME: readonly OptionSpec[] = [
  {
    name: 'tsc_mode',
    type: 'string',
    alsoAccepts: ['integer'],
    values: ['default', 'always_emulate', 'native', 'native_paravirt'],
    default: 'default',
    toolstacks: XL_AND_XM,
    doc:
      'x86: how the guest time stamp counter behaves (see xen-tscmode(7)); `native_paravirt` is gone. xm ' +
      'wanted a number 0–3, which xl still reads but warns about.',
    source: SRC_XL_XM,
  },
  {
    name: 'localtime',
    type: 'boolean',
    default: '0 (UTC)',
    toolstacks: XL_AND_XM,
    doc: 'Run the emulated real-time clock in local time instead of UTC.',
    source: SRC_XL_XM,
  },
  {
    name: 'rtc_timeoffset',
    type: 'integer',
    default: '0',
    toolstacks: XL_AND_XM,
    doc: 'Offset of the emulated real-time clock, in seconds.',
    source: SRC_XL_XM,
  },
  {
    name: 'vpt_align',
    type: 'boolean',
    default: '1',
    toolstacks: XL_AND_XM,
    doc: 'HVM: align periodic virtual timers to cut down guest interrupts and power use.',
    source: SRC_XL_XM,
  },
  {
    name: 'timer_mode',
    type: 'string',
    alsoAccepts: ['integer'],
    values: [
      'delay_for_missed_ticks',
      'no_delay_for_missed_ticks',
      'no_missed_ticks_pending',
      'one_missed_tick_pending',
    ],
    default: 'no_delay_for_missed_ticks',
    toolstacks: XL_AND_XM,
    doc:
      'HVM/PVH: how missed timer ticks are delivered. xl rejects it for PV guests; the numeric form xm ' +
      'used still works but draws a warning.',
    source: SRC_XL_XM,
  },
];

/** Emulated graphics and the remote display protocols. */
const DISPLAY: readonly OptionSpec[] = [
  {
    name: 'videoram',
    type: 'integer',
    min: 0,
    toolstacks: XL_AND_XM,
    doc: 'HVM: video memory of the emulated card in MiB; the minimum depends on card and device model.',
    source: SRC_XL_XM,
  },
  {
    name: 'stdvga',
    type: 'boolean',
    default: '0 (Cirrus)',
    toolstacks: XL_AND_XM,
    deprecated: 'use `vga="stdvga"`',
    doc: 'HVM: emulate a standard VGA card with VESA extensions instead of a Cirrus card.',
    source: SRC_XL_XM,
  },
  {
    name: 'vga',
    type: 'string',
    values: ['none', 'stdvga', 'cirrus', 'qxl'],
    default: 'cirrus',
    toolstacks: XL_ONLY,
    doc: 'HVM: the emulated graphics card.',
    source: SRC_XL,
  },
  {
    name: 'vnc',
    type: 'boolean',
    default: '1',
    toolstacks: XL_AND_XM,
    doc:
      'Offer the display over VNC. For a PV guest without `vfb`, xl builds a framebuffer from the ' +
      'top-level VNC keys.',
    source: SRC_XL_XM,
  },
  {
    name: 'vnclisten',
    type: 'string',
    toolstacks: XL_AND_XM,
    doc: 'Address (and optionally `:display`) the VNC server listens on; do not also set `vncdisplay`.',
    source: SRC_XL_XM,
  },
  {
    name: 'vncdisplay',
    type: 'integer',
    min: 0,
    toolstacks: XL_AND_XM,
    doc: 'VNC display number; the TCP port is 5900 plus this.',
    source: SRC_XL_XM,
  },
  {
    name: 'vncunused',
    type: 'boolean',
    toolstacks: XL_AND_XM,
    doc: 'Let the VNC server look for a free port itself; `xl vncviewer` finds it.',
    source: SRC_XL_XM,
  },
  {
    name: 'vncpasswd',
    type: 'string',
    toolstacks: XL_AND_XM,
    doc: 'VNC password; an empty string turns authentication off.',
    source: SRC_XL_XM,
  },
  {
    name: 'keymap',
    type: 'string',
    default: 'en-us',
    toolstacks: XL_AND_XM,
    doc: 'Keyboard layout for the display (e.g. `de`, `fr`); the device model decides which names exist.',
    source: SRC_XL_XM,
  },
  {
    name: 'sdl',
    type: 'boolean',
    default: '0',
    toolstacks: XL_AND_XM,
    doc: 'Show the display in an X window through SDL.',
    source: SRC_XL_XM,
  },
  {
    name: 'opengl',
    type: 'boolean',
    default: '0',
    toolstacks: XL_AND_XM,
    doc: 'OpenGL acceleration of the SDL window (qemu-xen-traditional only).',
    source: SRC_XL_XM,
  },
  {
    name: 'display',
    type: 'string',
    toolstacks: XL_AND_XM,
    doc:
      'X display the SDL window opens on; xl reads it at top level although xl.cfg(5) lists it only for ' +
      '`vfb`.',
    source: `${SRC_XL_PARSER}; ${SRC_XL_XM}`,
  },
  {
    name: 'xauthority',
    type: 'string',
    toolstacks: XL_AND_XM,
    doc: 'X authority file for the SDL window; like `display`, also read at top level.',
    source: `${SRC_XL_PARSER}; ${SRC_XL_XM}`,
  },
  {
    name: 'nographic',
    type: 'boolean',
    default: '0',
    toolstacks: XL_AND_XM,
    doc: 'HVM: turn the emulated graphics card off.',
    source: SRC_XL_XM,
  },
  {
    name: 'spice',
    type: 'boolean',
    toolstacks: XL_ONLY,
    doc: 'HVM: offer the display over SPICE; needs `spiceport` or `spicetls_port`.',
    source: SRC_XL,
  },
  {
    name: 'spicehost',
    type: 'string',
    default: 'all interfaces',
    toolstacks: XL_ONLY,
    doc: 'Address the SPICE server listens on.',
    source: SRC_XL,
  },
  {
    name: 'spiceport',
    type: 'integer',
    min: 0,
    toolstacks: XL_ONLY,
    doc: 'TCP port of the SPICE server.',
    source: SRC_XL,
  },
  {
    name: 'spicetls_port',
    type: 'integer',
    min: 0,
    toolstacks: XL_ONLY,
    doc: 'TLS port of the SPICE server (the options that go with it are not supported).',
    source: SRC_XL,
  },
  {
    name: 'spicedisable_ticketing',
    type: 'boolean',
    default: '0',
    toolstacks: XL_ONLY,
    doc: 'Let SPICE clients in without a password; otherwise `spicepasswd` is needed.',
    source: SRC_XL,
  },
  {
    name: 'spicepasswd',
    type: 'string',
    toolstacks: XL_ONLY,
    doc: 'Password SPICE clients must give.',
    source: SRC_XL,
  },
  {
    name: 'spiceagent_mouse',
    type: 'boolean',
    default: '1',
    toolstacks: XL_ONLY,
    doc: 'Use the SPICE agent for client mouse mode.',
    source: SRC_XL,
  },
  {
    name: 'spicevdagent',
    type: 'boolean',
    default: '0',
    toolstacks: XL_ONLY,
    doc: 'Enable the SPICE vdagent channel (needs the agent inside the guest).',
    source: SRC_XL,
  },
  {
    name: 'spice_clipboard_sharing',
    type: 'boolean',
    default: '0',
    toolstacks: XL_ONLY,
    doc: 'Share the clipboard over SPICE; needs `spicevdagent`.',
    source: SRC_XL,
  },
  {
    name: 'spiceusbredirection',
    type: 'integer',
    min: 0,
    default: '0',
    toolstacks: XL_ONLY,
    doc:
      'Number of SPICE USB redirection channels (up to 4 devices); adds a USB 2.0 controller if none ' +
      'exists.',
    source: SRC_XL,
  },
  {
    name: 'spice_image_compression',
    type: 'string',
    values: ['auto_glz', 'auto_lz', 'quic', 'glz', 'lz', 'off'],
    default: "QEMU's default",
    toolstacks: XL_ONLY,
    doc: 'Image compression SPICE uses.',
    source: SRC_XL,
  },
  {
    name: 'spice_streaming_video',
    type: 'string',
    values: ['filter', 'all', 'off'],
    default: "QEMU's default",
    toolstacks: XL_ONLY,
    doc: 'Video streaming mode SPICE uses.',
    source: SRC_XL,
  },
];

/** Other emulated hardware. */
const EMULATED_HARDWARE: readonly OptionSpec[] = [
  {
    name: 'serial',
    type: 'string-or-list',
    toolstacks: XL_AND_XM,
    doc:
      'HVM: where the emulated serial ports go, in QEMU `-serial` syntax (`"pty"`, `"file:/…"`); a single ' +
      'string is still accepted. A PV guest uses its Xen console (`console=hvc0`) instead.',
    source: SRC_XL_XM,
  },
  {
    name: 'soundhw',
    type: 'string',
    default: 'no sound card',
    toolstacks: XL_AND_XM,
    doc: 'HVM: emulated sound card, e.g. `hda`, `ac97`, `sb16`, as the device model offers them.',
    source: SRC_XL_XM,
  },
  {
    name: 'vkb_device',
    type: 'boolean',
    default: '1',
    toolstacks: XL_ONLY,
    doc: 'HVM: give the guest a paravirtual keyboard device.',
    source: SRC_XL,
  },
  {
    name: 'usb',
    type: 'boolean',
    toolstacks: XL_AND_XM,
    doc: 'HVM: add an emulated USB bus; needed by `usbdevice`.',
    source: SRC_XL_XM,
  },
  {
    name: 'usbversion',
    type: 'integer',
    min: 0,
    default: '0 (no controller)',
    toolstacks: XL_ONLY,
    doc:
      'HVM with upstream QEMU: add a USB 1.1, 2.0 or 3.0 controller; cannot be combined with ' +
      '`usb`/`usbdevice`.',
    source: SRC_XL,
  },
  {
    name: 'usbdevice',
    type: 'string-or-list',
    toolstacks: XL_AND_XM,
    doc: 'HVM: devices on the emulated USB bus, e.g. `["tablet"]` or `"host:<bus>.<addr>"`; needs `usb=1`.',
    source: SRC_XL_XM,
  },
  {
    name: 'vendor_device',
    type: 'string',
    values: ['none', 'xenserver'],
    default: 'none',
    toolstacks: XL_ONLY,
    doc: 'HVM with qemu-xen: which variant of the Xen PV device to add, for XenServer PV drivers.',
    source: SRC_XL,
  },
];

/** The xl.cfg(5) keys for HVM (and some PVH) guests: platform, time, display and emulated hardware. */
export const XL_HVM_OPTIONS: readonly OptionSpec[] = [...PLATFORM, ...TIME, ...DISPLAY, ...EMULATED_HARDWARE];
