/**
 * The commands of GRUB legacy (GRUB 0.97) as a data table: hover, completion and validation all read it.
 * Facts from the GRUB legacy manual ("Commands": menu-specific, general and command-line commands) and
 * from stage2/builtins.c, whose flags decide where a command may stand: `BUILTIN_MENU` commands run while
 * the menu file is read (before the first `title`), `BUILTIN_CMDLINE` commands run when an entry boots, and
 * a command with only `BUILTIN_MENU` fails an entry with "Error 27: Unrecognized command"
 * (stage2/cmdline.c `run_script`). Docs are in this project's own words.
 */

/**
 * What the arguments of a command are, for validation:
 * `none`; `entry-number` (`default`: a number or `saved`); `numbers` (`fallback`); `number`;
 * `device` (one device such as `(hd0,0)`); `root` (an optional device and BSD bias); `map` (two devices);
 * `kernel` (`--type=…`/`--no-mem-option` flags, a file, the command line); `module` (a file and its command line);
 * `file` (one file); `chainloader` (`--force` and a file); `password` (`--md5`, the password, an optional file);
 * `address` (an IPv4 address); `ifconfig` (`--address=` … flags); `color`; `any` (not checked).
 */
export type GrubArgs =
  | 'none'
  | 'entry-number'
  | 'numbers'
  | 'number'
  | 'device'
  | 'root'
  | 'map'
  | 'kernel'
  | 'module'
  | 'file'
  | 'chainloader'
  | 'password'
  | 'address'
  | 'ifconfig'
  | 'color'
  | 'title'
  | 'any';

/**
 * Where a command may stand: `menu` only before the first `title` (BUILTIN_MENU alone), `entry` only in an
 * entry (BUILTIN_CMDLINE alone: before the first `title` GRUB skips it), `both`, or `title` itself.
 */
export type GrubScope = 'menu' | 'entry' | 'both' | 'title';

/** One GRUB legacy command. */
export interface GrubCommandSpec {
  readonly name: string;
  /** The usage line, as the manual writes it. */
  readonly syntax: string;
  /** What it does, in Markdown, in this project's own words. */
  readonly doc: string;
  readonly source: string;
  readonly scope: GrubScope;
  readonly args: GrubArgs;
  /** Only in GRUB builds with network support (pxegrub, nbgrub: `--enable-diskless`). */
  readonly netboot?: boolean;
  /** Not in GRUB 0.97 itself but in the distributions' patched builds (Debian, Red Hat, SUSE). */
  readonly patched?: string;
  /** Set when the manual calls the command obsolete, with what to use instead. */
  readonly deprecated?: string;
}

const MANUAL = 'GRUB legacy manual';
const SRC = `${MANUAL}; stage2/builtins.c`;

/** Commands that shape the menu: run while the file is read, before the first `title`. */
const MENU_COMMANDS: readonly GrubCommandSpec[] = [
  {
    name: 'default',
    syntax: 'default NUM | saved',
    doc:
      'The entry booted when the timeout runs out, counted from 0 in the order of the `title` lines that ' +
      'have at least one command. `saved` takes the number `savedefault` stored. A number past the last ' +
      'entry makes GRUB boot the first `fallback` entry, or entry 0 if there is none.',
    source: `${SRC}; stage2/stage2.c`,
    scope: 'menu',
    args: 'entry-number',
  },
  {
    name: 'fallback',
    syntax: 'fallback NUM...',
    doc:
      'Entries to try, in order, when booting the default entry fails with an error, without waiting for a ' +
      'key. Numbers past the last entry are dropped silently. It cannot help once a kernel has started.',
    source: `${SRC}; stage2/stage2.c`,
    scope: 'menu',
    args: 'numbers',
  },
  {
    name: 'timeout',
    syntax: 'timeout SEC',
    doc: 'Seconds to wait before the default entry boots. Without it the menu waits for a key forever.',
    source: SRC,
    scope: 'menu',
    args: 'number',
  },
  {
    name: 'hiddenmenu',
    syntax: 'hiddenmenu',
    doc: 'Do not draw the menu: the default entry boots after the timeout unless Esc is pressed.',
    source: SRC,
    scope: 'menu',
    args: 'none',
  },
  {
    name: 'title',
    syntax: 'title NAME ...',
    doc:
      'Starts a boot entry named by the rest of the line; the commands up to the next `title` are run when ' +
      'it is chosen. A `title` with no command after it is left out of the menu, and the entries after it ' +
      'move up by one.',
    source: `${SRC}; stage2/stage2.c`,
    scope: 'title',
    args: 'title',
  },
  {
    name: 'gfxmenu',
    syntax: 'gfxmenu FILE',
    doc: 'Uses the graphical menu stored in FILE (SUSE).',
    source: MANUAL,
    scope: 'menu',
    args: 'file',
    patched: 'SUSE',
  },
];

/** Commands valid in the menu section and in entries. */
const GENERAL_COMMANDS: readonly GrubCommandSpec[] = [
  {
    name: 'password',
    syntax: 'password [--md5] PASSWD [FILE]',
    doc:
      'Before the first `title`: locks the menu editor and command line until PASSWD is typed (then FILE, if ' +
      'given, is loaded as the new menu) and makes `lock` entries ask for it. Inside an entry: asks for ' +
      'the password before going on. Without `--md5` the password is stored in clear text in a file that ' +
      'is often world-readable or served over TFTP; create a hash with `grub-md5-crypt`.',
    source: SRC,
    scope: 'both',
    args: 'password',
  },
  {
    name: 'color',
    syntax: 'color NORMAL [HIGHLIGHT]',
    doc:
      'Menu colors as `FG/BG` names (`light-gray/blue`), optionally `blink-` before FG; only the first eight ' +
      'names (black … light-gray) can be a background.',
    source: SRC,
    scope: 'both',
    args: 'color',
  },
  {
    name: 'splashimage',
    syntax: 'splashimage FILE',
    doc: 'A gzipped 640x480, 14-color XPM image behind the menu.',
    source: MANUAL,
    scope: 'both',
    args: 'file',
    patched: 'Debian, Red Hat and SUSE graphics patch',
  },
  {
    name: 'foreground',
    syntax: 'foreground RRGGBB',
    doc: 'Text color over the splash image.',
    source: MANUAL,
    scope: 'both',
    args: 'any',
    patched: 'Debian, Red Hat and SUSE graphics patch',
  },
  {
    name: 'background',
    syntax: 'background RRGGBB',
    doc: 'Background color of the highlighted line over the splash image.',
    source: MANUAL,
    scope: 'both',
    args: 'any',
    patched: 'Debian, Red Hat and SUSE graphics patch',
  },
  {
    name: 'serial',
    syntax:
      'serial [--unit=UNIT] [--port=PORT] [--speed=SPEED] [--word=WORD] [--parity=PARITY] [--stop=STOP]',
    doc: 'Sets up a serial port (unit 0 is COM1; default 9600 8N1); use `terminal serial` to put the menu on it.',
    source: SRC,
    scope: 'both',
    args: 'any',
  },
  {
    name: 'terminal',
    syntax:
      'terminal [--dumb] [--no-echo] [--no-edit] [--timeout=SECS] [--lines=LINES] [--silent] [console] [serial] [hercules]',
    doc:
      'Chooses where the menu is shown; with several terminals GRUB waits for a key on any of them and ' +
      'uses the one it came from.',
    source: SRC,
    scope: 'both',
    args: 'any',
  },
  {
    name: 'terminfo',
    syntax:
      'terminfo --name=NAME --cursor-address=SEQ [--clear-screen=SEQ] [--enter-standout-mode=SEQ] [--exit-standout-mode=SEQ]',
    doc: 'Escape sequences of a terminal that is not VT100-compatible.',
    source: SRC,
    scope: 'both',
    args: 'any',
  },
  {
    name: 'hide',
    syntax: 'hide PARTITION',
    doc: 'Sets the hidden bit in the type of a primary partition, so that DOS and Windows do not see it.',
    source: SRC,
    scope: 'both',
    args: 'device',
  },
  {
    name: 'unhide',
    syntax: 'unhide PARTITION',
    doc: 'Clears the hidden bit of a partition set by `hide`.',
    source: SRC,
    scope: 'both',
    args: 'device',
  },
  {
    name: 'partnew',
    syntax: 'partnew PART TYPE START LEN',
    doc: 'Writes a new primary partition into the partition table (start and length in sectors).',
    source: SRC,
    scope: 'both',
    args: 'any',
  },
  {
    name: 'parttype',
    syntax: 'parttype PART TYPE',
    doc: 'Changes the type byte of a partition.',
    source: SRC,
    scope: 'both',
    args: 'any',
  },
  {
    name: 'setkey',
    syntax: 'setkey [TO_KEY FROM_KEY]',
    doc: 'Remaps a key (for keyboards that are not US); with no argument every mapping is reset.',
    source: SRC,
    scope: 'both',
    args: 'any',
  },
  {
    name: 'pager',
    syntax: 'pager [on | off]',
    doc: "Turns GRUB's internal pager on or off, or toggles it.",
    source: SRC,
    scope: 'both',
    args: 'any',
  },
  {
    name: 'device',
    syntax: 'device DRIVE FILE',
    doc: 'Only in the `grub` shell under an operating system: names the OS device file behind a BIOS drive.',
    source: SRC,
    scope: 'both',
    args: 'any',
  },
];

/** Network commands: only in GRUB images built with network support (pxegrub, nbgrub). */
const NETWORK_COMMANDS: readonly GrubCommandSpec[] = [
  {
    name: 'dhcp',
    syntax: 'dhcp [--with-configfile]',
    doc:
      'Configures the network card by DHCP. With `--with-configfile` GRUB then loads the menu named by ' +
      'DHCP option 150. Files on `(nd)` are fetched over TFTP from the `next-server` of the reply.',
    source: SRC,
    scope: 'both',
    args: 'any',
    netboot: true,
  },
  {
    name: 'bootp',
    syntax: 'bootp [--with-configfile]',
    doc: 'Configures the network card by BOOTP; `--with-configfile` as for `dhcp`.',
    source: SRC,
    scope: 'both',
    args: 'any',
    netboot: true,
  },
  {
    name: 'rarp',
    syntax: 'rarp',
    doc: 'Configures the network card by RARP.',
    source: SRC,
    scope: 'both',
    args: 'none',
    netboot: true,
  },
  {
    name: 'ifconfig',
    syntax: 'ifconfig [--address=IP] [--gateway=IP] [--mask=MASK] [--server=IP]',
    doc:
      'Sets the address, netmask, gateway and TFTP server of the network card by hand (or shows them); ' +
      '`--server=` is how to choose the TFTP server that `(nd)` files come from.',
    source: SRC,
    scope: 'both',
    args: 'ifconfig',
    netboot: true,
  },
  {
    name: 'tftpserver',
    syntax: 'tftpserver IPADDR',
    doc: 'Overrides the TFTP server address that `(nd)` files are fetched from.',
    source: SRC,
    scope: 'both',
    args: 'address',
    netboot: true,
    deprecated: 'the manual keeps it only for backward compatibility: use `ifconfig --server=IPADDR`',
  },
];

/** Commands that load and boot an operating system: they belong in entries. */
const BOOT_COMMANDS: readonly GrubCommandSpec[] = [
  {
    name: 'root',
    syntax: 'root [DEVICE [HDBIAS]]',
    doc:
      'Sets the root device, where paths without a device of their own are read, and mounts it. `(nd)` ' +
      'is the network: files then come over TFTP. HDBIAS tells a BSD kernel how many BIOS drives come first.',
    source: SRC,
    scope: 'entry',
    args: 'root',
  },
  {
    name: 'rootnoverify',
    syntax: 'rootnoverify [DEVICE [HDBIAS]]',
    doc: 'Like `root` but without mounting the device: for chain-loading systems GRUB cannot read.',
    source: SRC,
    scope: 'entry',
    args: 'root',
  },
  {
    name: 'kernel',
    syntax: 'kernel [--type=TYPE] [--no-mem-option] FILE [ARG ...]',
    doc:
      'Loads the boot image: a Linux kernel (the rest of the line is its command line) or a Multiboot ' +
      'kernel such as Xen (`kernel /xen.gz dom0_mem=…`: the rest is the hypervisor command line, and ' +
      'dom0 follows as a `module`). A new `kernel` forgets the modules loaded before it. TYPE is one of ' +
      '`netbsd`, `freebsd`, `openbsd`, `linux`, `biglinux`, `multiboot`.',
    source: SRC,
    scope: 'entry',
    args: 'kernel',
  },
  {
    name: 'module',
    syntax: 'module FILE [ARG ...]',
    doc:
      'Loads a module for the Multiboot kernel before it. Under Xen the first module is the dom0 Linux ' +
      'kernel with its command line (`root=/dev/nfs nfsroot=… ip=…`) and the second its initrd. After a ' +
      'Linux `kernel` it loads an initrd. Before any `kernel`: "Error 20: Multiboot kernel must be loaded ' +
      'before modules".',
    source: SRC,
    scope: 'entry',
    args: 'module',
  },
  {
    name: 'modulenounzip',
    syntax: 'modulenounzip FILE [ARG ...]',
    doc: 'Like `module`, but a gzipped file is loaded as it is, not decompressed.',
    source: SRC,
    scope: 'entry',
    args: 'module',
  },
  {
    name: 'initrd',
    syntax: 'initrd FILE [ARG ...]',
    doc:
      'Loads the initial RAM disk of a Linux kernel. Only after a Linux `kernel`: otherwise "Error 19: ' +
      'Linux kernel must be loaded before initrd" (under Xen the initrd is a second `module`). With an ' +
      "initramfs its scripts, not the kernel's nfsroot code, mount the root.",
    source: SRC,
    scope: 'entry',
    args: 'file',
  },
  {
    name: 'chainloader',
    syntax: 'chainloader [--force] FILE',
    doc:
      'Loads another boot loader, usually the boot sector of a partition (`chainloader +1`); `--force` ' +
      'skips the check for a boot signature.',
    source: SRC,
    scope: 'entry',
    args: 'chainloader',
  },
  {
    name: 'configfile',
    syntax: 'configfile FILE',
    doc:
      'Replaces the menu by the one in FILE, e.g. a per-machine menu on the TFTP server ' +
      '(`configfile (nd)/grub/host.conf`).',
    source: SRC,
    scope: 'entry',
    args: 'file',
  },
  {
    name: 'boot',
    syntax: 'boot',
    doc: 'Boots what was loaded. In a menu entry it is implied after the last command.',
    source: SRC,
    scope: 'entry',
    args: 'none',
  },
  {
    name: 'makeactive',
    syntax: 'makeactive',
    doc: 'Marks the root partition active in the partition table (primary partitions only).',
    source: SRC,
    scope: 'entry',
    args: 'none',
  },
  {
    name: 'map',
    syntax: 'map TO_DRIVE FROM_DRIVE',
    doc: 'Swaps BIOS drives for a chain-loaded system that only boots from the first disk.',
    source: SRC,
    scope: 'entry',
    args: 'map',
  },
  {
    name: 'savedefault',
    syntax: 'savedefault [NUM | fallback]',
    doc: 'Stores this entry (or NUM, or the next fallback) as the one `default saved` boots next time.',
    source: SRC,
    scope: 'entry',
    args: 'any',
  },
  {
    name: 'lock',
    syntax: 'lock',
    doc: 'Stops the entry here unless the menu `password` was typed: protects entries such as single-user mode.',
    source: SRC,
    scope: 'entry',
    args: 'none',
  },
  {
    name: 'pause',
    syntax: 'pause [MESSAGE ...]',
    doc: 'Prints the message and waits for a key (Esc stops the entry).',
    source: SRC,
    scope: 'entry',
    args: 'any',
  },
  {
    name: 'uppermem',
    syntax: 'uppermem KBYTES',
    doc: 'Tells GRUB how much upper memory there is, overriding the BIOS.',
    source: SRC,
    scope: 'entry',
    args: 'number',
  },
  {
    name: 'find',
    syntax: 'find FILENAME',
    doc: 'Lists the devices on which a file exists.',
    source: SRC,
    scope: 'entry',
    args: 'any',
  },
  {
    name: 'setup',
    syntax: 'setup [--prefix=DIR] [--stage2=STAGE2_FILE] [--force-lba] INSTALL_DEVICE [IMAGE_DEVICE]',
    doc: 'Installs GRUB into INSTALL_DEVICE, finding its stage files on the root device.',
    source: SRC,
    scope: 'entry',
    args: 'any',
  },
];

/** Commands of the interactive command line: valid in entries, rarely seen in a menu. */
const SHELL_COMMANDS: readonly GrubCommandSpec[] = (
  [
    ['blocklist', 'blocklist FILE', 'Prints where a file lies on the disk, in block-list notation.'],
    ['cat', 'cat FILE', 'Prints a file.'],
    ['cmp', 'cmp FILE1 FILE2', 'Compares two files byte by byte.'],
    ['debug', 'debug', 'Toggles debug mode.'],
    ['displayapm', 'displayapm', 'Prints the APM BIOS information.'],
    ['displaymem', 'displaymem', "Prints GRUB's view of the memory map."],
    ['embed', 'embed STAGE1_5 DEVICE', 'Embeds a Stage 1.5 after the MBR or in a boot area.'],
    ['fstest', 'fstest', 'Toggles file-system test mode.'],
    ['geometry', 'geometry DRIVE [CYLINDER HEAD SECTOR [TOTAL_SECTOR]]', 'Prints the geometry of a drive.'],
    ['halt', 'halt [--no-apm]', 'Turns the machine off.'],
    ['help', 'help [--all] [PATTERN ...]', 'Prints help on commands.'],
    ['impsprobe', 'impsprobe', 'Probes the Intel MultiProcessor configuration.'],
    [
      'install',
      'install [OPTIONS] STAGE1 [d] DEVICE STAGE2 [ADDR] [p] [CONFIG_FILE]',
      'Installs GRUB by hand.',
    ],
    ['ioprobe', 'ioprobe DRIVE', 'Prints the I/O ports a drive uses.'],
    ['md5crypt', 'md5crypt', 'Asks for a password and prints its MD5 hash for `password --md5`.'],
    ['quit', 'quit', 'Leaves the `grub` shell.'],
    ['read', 'read ADDR', 'Prints a 32-bit value from memory.'],
    ['reboot', 'reboot', 'Reboots the machine.'],
    ['testload', 'testload FILE', 'Reads a file in several ways to test the file system code.'],
    ['testvbe', 'testvbe MODE', 'Tests a VBE video mode.'],
    ['vbeprobe', 'vbeprobe [MODE]', 'Lists VBE video modes.'],
    ['clear', 'clear', 'Clears the screen (in patched builds).'],
  ] as const
).map(
  ([name, syntax, doc]): GrubCommandSpec => ({ name, syntax, doc, source: SRC, scope: 'entry', args: 'any' }),
);

/** Every GRUB legacy command this extension knows. */
export const GRUB_COMMANDS: readonly GrubCommandSpec[] = [
  ...MENU_COMMANDS,
  ...GENERAL_COMMANDS,
  ...NETWORK_COMMANDS,
  ...BOOT_COMMANDS,
  ...SHELL_COMMANDS,
];

/** The commands by name (GRUB compares names case-sensitively, stage2/cmdline.c `find_command`). */
export const GRUB_COMMAND_MAP: ReadonlyMap<string, GrubCommandSpec> = new Map(
  GRUB_COMMANDS.map((c) => [c.name, c]),
);
