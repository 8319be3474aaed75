/**
 * Options of the Xen hypervisor's own command line, the words after `kernel /xen.gz` (GRUB legacy),
 * `multiboot2 /xen.gz` (GRUB 2) or `xen.gz` in a PXELINUX `mboot.c32` APPEND line. Facts from
 * docs/misc/xen-command-line.pandoc (Xen 4.17). Booleans take `yes|on|true|enable|1` or
 * `no|off|false|disable|0`, a bare name means true and a `no-` prefix false; sizes take a `K`/`M`/`G`/`T`
 * suffix and default to KiB.
 */

import type { SubOptionSpec } from '../option-spec';

const SRC = 'docs/misc/xen-command-line.pandoc';

const LOG_LEVELS: readonly string[] = ['none', 'error', 'warning', 'info', 'debug', 'all'];

/** dom0 sizing and placement. */
const DOM0: readonly SubOptionSpec[] = [
  {
    name: 'dom0_mem',
    doc:
      'Memory for dom0: a size such as `1024M`, optionally with `min:` and `max:` entries, e.g. ' +
      '`1024M,max:1024M`; a negative size or a percentage is relative to host RAM. Without it dom0 takes ' +
      'nearly all memory and must balloon down for every guest; when it is set, turn off autoballooning in ' +
      'xl.conf(5).',
    source: SRC,
  },
  {
    name: 'dom0_max_vcpus',
    doc:
      'vCPUs of dom0, as a number or a `<min>-<max>` range around the host CPU count; default one per host ' +
      'CPU.',
    source: SRC,
  },
  {
    name: 'dom0_vcpus_pin',
    doc: 'Pin each dom0 vCPU to the physical CPU of the same number (boolean, default off).',
    source: SRC,
  },
  {
    name: 'dom0_nodes',
    doc:
      'x86: NUMA nodes (ACPI PXM numbers) dom0 is placed on, plus `relaxed` or `strict` (default) ' +
      'affinity.',
    source: SRC,
  },
  {
    name: 'dom0',
    doc:
      'x86: how dom0 is built, a list of `pv` (default) or `pvh`, `shadow=`, `verbose=`, ' +
      '`cpuid-faulting=`, `msr-relaxed=`. A PVH dom0 needs a kernel that can run as one.',
    source: SRC,
  },
  {
    name: 'dom0-iommu',
    doc: 'IOMMU handling for dom0: `passthrough=`, `strict=`, `map-inclusive=`, `map-reserved=`, `none`.',
    source: SRC,
  },
  {
    name: 'dom0_ioports_disable',
    doc: 'x86: I/O port ranges (`<hex>-<hex>`, comma-separated) dom0 may not touch.',
    source: SRC,
  },
  {
    name: 'extra_guest_irqs',
    doc: 'Extra PIRQs per guest: `[<domU>][,<dom0>]`, e.g. `,512` to raise only the dom0 number.',
    source: SRC,
  },
  {
    name: 'hardware_dom',
    doc:
      'Create a separate hardware domain late, with this domain ' +
      'ID (x86 builds with XSM only); default 0.',
    source: SRC,
  },
];

/** Consoles, serial ports and logging. */
const CONSOLE: readonly SubOptionSpec[] = [
  {
    name: 'console',
    doc:
      'Where Xen writes its console, a comma-separated list (`com1H`/`com1L` variants too); default ' +
      '`com1,vga`. For a serial console set the port up with `com1=` and give dom0 Linux `console=hvc0` to ' +
      'write through Xen.',
    source: SRC,
    values: ['vga', 'com1', 'com2', 'pv', 'dbgp', 'ehci', 'xhci', 'none'],
  },
  {
    name: 'com1',
    doc:
      'First serial port: `<baud>[/<base-baud>][,DPS[,<io-base>|pci|amt[,<irq>|msi…]]]`, e.g. ' +
      '`115200,8n1`; `auto` keeps the baud rate firmware set. Named forms such as `baud=`, `io-base=` also ' +
      'work.',
    source: SRC,
  },
  {
    name: 'com2',
    doc: 'Second serial port, written like `com1`.',
    source: SRC,
  },
  {
    name: 'dbgp',
    doc: 'USB debug port for the console: `ehci[<n>|@pci<b>:<d>.<f>]` or `xhci[…][,share=…]`.',
    source: SRC,
  },
  {
    name: 'conring_size',
    doc: 'Size of the console ring buffer read by `xl dmesg`; default 16k.',
    source: SRC,
  },
  {
    name: 'console_to_ring',
    doc: 'Also copy all guest console output into the console ring (boolean, default off).',
    source: SRC,
  },
  {
    name: 'console_timestamps',
    doc: 'Timestamp format on console lines; bare `console_timestamps` means `date`. Default `none`.',
    source: SRC,
    values: ['none', 'date', 'datems', 'boot', 'raw'],
  },
  {
    name: 'conswitch',
    doc:
      'Character that, pressed with Ctrl three times, switches serial input between Xen and dom0; default ' +
      '`a`. A trailing `x` keeps input with Xen.',
    source: SRC,
  },
  {
    name: 'sync_console',
    doc:
      'Write console output synchronously, so the last lines before a crash are not lost; slow, for ' +
      'debugging only.',
    source: SRC,
  },
  {
    name: 'serial_tx_buffer',
    doc: 'Size of the serial transmit buffer; default 16kB.',
    source: SRC,
  },
  {
    name: 'vga',
    doc:
      'Text or graphics mode Xen sets up: `ask`, `current`, `text-80x<rows>`, `gfx-<w>x<h>x<depth>`, ' +
      '`mode-<hex>`; add `,keep` to keep the VGA console after dom0 starts.',
    source: SRC,
  },
  {
    name: 'loglvl',
    doc: 'Which Xen messages are printed, `<level>[/<rate-limited level>]`; default `warning`.',
    source: SRC,
    values: LOG_LEVELS,
  },
  {
    name: 'guest_loglvl',
    doc:
      'Which messages caused by guests are printed, `<level>[/<rate-limited level>]`; default ' +
      '`none/warning`.',
    source: SRC,
    values: LOG_LEVELS,
  },
];

/** Crash, reboot and watchdog behaviour. */
const FAILURE: readonly SubOptionSpec[] = [
  {
    name: 'noreboot',
    doc:
      'Do not reboot automatically after a fatal error, so the message stays on screen (default: reboot ' +
      'after 5 s).',
    source: SRC,
  },
  {
    name: 'reboot',
    doc:
      'x86: how the host reboots (`triple`, `kbd`, `acpi`, `pci`, `Power`, `efi`, `xen`, optionally ' +
      '`,warm`/`,cold`); `no` means do not reboot after a crash.',
    source: SRC,
  },
  {
    name: 'watchdog',
    doc:
      'x86: run an NMI watchdog that panics when a CPU is stuck; `force` also keeps handling unknown NMIs. ' +
      'Disables vPMU.',
    source: SRC,
  },
  {
    name: 'watchdog_timeout',
    doc: 'x86: seconds a CPU may hang before the watchdog fires; default 5, 0 turns the watchdog off.',
    source: SRC,
  },
  {
    name: 'nmi',
    doc: 'x86: what to do on an NMI parity or I/O error.',
    source: SRC,
    values: ['ignore', 'dom0', 'fatal'],
  },
  {
    name: 'crashkernel',
    doc: 'Memory reserved for a kexec crash kernel: `<size>[@<offset>]` or `<ram-range>:<size>,…`.',
    source: SRC,
  },
];

/** CPUs, scheduling and power management. */
const CPU_AND_SCHEDULING: readonly SubOptionSpec[] = [
  {
    name: 'sched',
    doc: 'Default scheduler; the build decides the default (normally `credit2`).',
    source: SRC,
    values: ['credit', 'credit2', 'arinc653', 'rtds', 'null'],
  },
  {
    name: 'sched_credit_tslice_ms',
    doc: 'Time slice of the credit scheduler in milliseconds; default 30.',
    source: SRC,
  },
  {
    name: 'sched_ratelimit_us',
    doc: 'Least time a vCPU runs before it can be preempted, in microseconds; default 1000, 0 disables.',
    source: SRC,
  },
  {
    name: 'sched-gran',
    doc: 'x86: schedule single CPUs, whole cores or whole sockets as a unit; default `cpu`.',
    source: SRC,
    values: ['cpu', 'core', 'socket'],
  },
  {
    name: 'credit2_runqueue',
    doc: 'How credit2 groups CPUs into run queues; default `socket`.',
    source: SRC,
    values: ['cpu', 'core', 'socket', 'node', 'all'],
  },
  {
    name: 'maxcpus',
    doc: 'Bring up at most this many physical CPUs.',
    source: SRC,
  },
  {
    name: 'nosmp',
    doc: 'x86: boot only the first CPU.',
    source: SRC,
  },
  {
    name: 'smt',
    doc: 'x86: whether hyper-threads are brought up (boolean, default on).',
    source: SRC,
  },
  {
    name: 'cpufreq',
    doc:
      'Who drives CPU frequency: `xen` (default, optionally `:<governor>,<max>,<min>,verbose`), `none`, or ' +
      'the deprecated `dom0-kernel`.',
    source: SRC,
  },
  {
    name: 'cpuidle',
    doc: 'x86: use idle states (C-states) (boolean).',
    source: SRC,
  },
  {
    name: 'max_cstate',
    doc: 'x86: deepest C-state CPUs may enter, optionally with the deepest sub-state.',
    source: SRC,
  },
  {
    name: 'core_parking',
    doc: 'Core parking policy; default `power`.',
    source: SRC,
    values: ['power', 'performance'],
  },
  {
    name: 'numa',
    doc: 'x86: NUMA handling; default `on`, `fake=<n>` makes up nodes.',
    source: SRC,
  },
];

/** Memory, paging and virtualisation hardware. */
const MEMORY_AND_PAGING: readonly SubOptionSpec[] = [
  {
    name: 'mem',
    doc: 'x86: highest physical address Xen uses; RAM above it is ignored.',
    source: SRC,
  },
  {
    name: 'availmem',
    doc: 'Cap on the memory Xen will use, by clipping the e820 map; default 0 (no cap).',
    source: SRC,
  },
  {
    name: 'badpage',
    doc: 'Page numbers or ranges (in pages, not bytes) that hold bad RAM and must not be used.',
    source: SRC,
  },
  {
    name: 'bootscrub',
    doc: 'Scrub free RAM at boot, `idle` (default: in the background) or a boolean.',
    source: SRC,
  },
  {
    name: 'low_mem_virq_limit',
    doc: 'Below this much free memory Xen tells dom0 that memory runs low; default 64M, 0 disables.',
    source: SRC,
  },
  {
    name: 'hap',
    doc: 'x86: allow hardware-assisted paging (EPT/NPT) at all (boolean, default on).',
    source: SRC,
  },
  {
    name: 'hap_1gb',
    doc: 'x86: use 1 GiB pages in HAP page tables (boolean, default on).',
    source: SRC,
  },
  {
    name: 'hap_2mb',
    doc: 'x86: use 2 MiB pages in HAP page tables (boolean, default on).',
    source: SRC,
  },
  {
    name: 'ept',
    doc: 'Intel: EPT details, a list of `ad=`, `pml=`, `exec-sp=`.',
    source: SRC,
  },
  {
    name: 'vpid',
    doc: 'Intel: use Virtual Processor IDs to avoid TLB flushes (boolean, default on).',
    source: SRC,
  },
  {
    name: 'gnttab_max_frames',
    doc:
      'Upper bound on grant-table frames of any domain, and the size dom0 uses for its own table; default ' +
      '64.',
    source: SRC,
  },
  {
    name: 'gnttab_max_maptrack_frames',
    doc: 'Upper bound on maptrack frames of any domain; default 1024.',
    source: SRC,
  },
  {
    name: 'gnttab',
    doc: 'Grant-table features offered to guests: `max-ver:<1|2>`, `transitive=`, `transfer=`.',
    source: SRC,
  },
  {
    name: 'pv',
    doc: 'x86: PV guest support, `32=<bool>` to allow 32-bit PV guests (forced off with CET shadow stacks).',
    source: SRC,
  },
  {
    name: 'pv-shim',
    doc: 'x86: run as the PV shim inside an HVM container (set by the toolstack, not by hand).',
    source: SRC,
  },
];

/** Platform, IOMMU and firmware handling. */
const PLATFORM: readonly SubOptionSpec[] = [
  {
    name: 'iommu',
    doc:
      'IOMMU use: a boolean plus sub-options such as `verbose`, `force`/`required` (refuse to boot without ' +
      'one), `quarantine=`, `intremap`, `qinval`. On by default where present; PCI passthrough needs it.',
    source: SRC,
  },
  {
    name: 'acpi',
    doc:
      'ACPI use: `force`, `ht`, `noirq`, `verbose` or a boolean to turn it off; passed on to the dom0 ' +
      'command line.',
    source: SRC,
  },
  {
    name: 'noapic',
    doc: 'x86: ignore IO-APICs and use the legacy PIC; also passed to dom0. Not advised with pvops kernels.',
    source: SRC,
  },
  {
    name: 'x2apic',
    doc: 'x86: allow x2APIC mode (boolean, default on).',
    source: SRC,
  },
  {
    name: 'apic_verbosity',
    doc: 'x86: more APIC messages.',
    source: SRC,
    values: ['verbose', 'debug'],
  },
  {
    name: 'clocksource',
    doc: 'x86: platform timer to use instead of the automatic choice; `tsc` only when asked for.',
    source: SRC,
    values: ['pit', 'hpet', 'acpi', 'tsc'],
  },
  {
    name: 'tsc',
    doc: 'x86: tell Xen how reliable the TSC is.',
    source: SRC,
    values: ['unstable', 'skewed', 'stable:socket'],
  },
  {
    name: 'hpet',
    doc: 'x86: HPET use, a boolean plus `broadcast=` and `legacy-replacement=`.',
    source: SRC,
  },
  {
    name: 'msi',
    doc: 'x86: use PCI MSI whatever the ACPI FADT says (boolean, default on).',
    source: SRC,
  },
  {
    name: 'pci',
    doc: 'Override firmware PCI error signalling: `serr=`, `perr=`.',
    source: SRC,
  },
  {
    name: 'e820-verbose',
    doc: 'x86: print details while the e820 memory map is processed.',
    source: SRC,
  },
  {
    name: 'edd',
    doc: 'x86: how to fetch BIOS Extended Disk Data at boot.',
    source: SRC,
    values: ['off', 'on', 'skipmbr'],
  },
  {
    name: 'no-real-mode',
    doc: 'x86: skip the real-mode boot code; debugging only, and it disables `vga=`.',
    source: SRC,
  },
  {
    name: 'efi',
    doc: 'EFI handling: `rs=<bool>` for runtime services, `attr=no|uc` for memory of unknown cacheability.',
    source: SRC,
  },
  {
    name: 'mce',
    doc: 'x86: handle Machine Check Exceptions (boolean, default on).',
    source: SRC,
  },
  {
    name: 'ucode',
    doc:
      'x86: microcode loading, `<module index>` (e.g. `-1` for the last GRUB module), `scan`, `nmi=`, ' +
      '`allow-same=`.',
    source: SRC,
  },
];

/** Speculation mitigations and security modules. */
const SECURITY: readonly SubOptionSpec[] = [
  {
    name: 'spec-ctrl',
    doc:
      'Speculative-execution mitigations; `spec-ctrl=no` turns them all off. Leave it alone unless you ' +
      'know why.',
    source: SRC,
  },
  {
    name: 'xpti',
    doc:
      'x86: page-table isolation for 64-bit PV guests (Meltdown), e.g. `dom0=false`; on where the CPU is ' +
      'affected.',
    source: SRC,
  },
  {
    name: 'pv-l1tf',
    doc: 'x86: L1TF mitigation for PV guests, a boolean or `dom0=`/`domu=`.',
    source: SRC,
  },
  {
    name: 'tsx',
    doc:
      'x86: whether Transactional Synchronization Extensions are enabled; off by default on parts open to ' +
      'TAA.',
    source: SRC,
  },
  {
    name: 'vpmu',
    doc:
      'x86: let guests use performance counters (off by default, not safe for production); `watchdog` ' +
      'overrides it.',
    source: SRC,
  },
  {
    name: 'xsm',
    doc: 'Security module to enable, in builds with XSM.',
    source: SRC,
    values: ['dummy', 'flask', 'silo'],
  },
  {
    name: 'flask',
    doc: 'FLASK mode, in builds with FLASK; default `enforcing`.',
    source: SRC,
    values: ['permissive', 'enforcing', 'late', 'disabled'],
  },
];

/** The Xen hypervisor command-line options an NFS-root host is likely to carry on its `xen.gz` line. */
export const XEN_HYPERVISOR_PARAMS: readonly SubOptionSpec[] = [
  ...DOM0,
  ...CONSOLE,
  ...FAILURE,
  ...CPU_AND_SCHEDULING,
  ...MEMORY_AND_PAGING,
  ...PLATFORM,
  ...SECURITY,
];
