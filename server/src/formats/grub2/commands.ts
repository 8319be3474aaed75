/**
 * GRUB 2 commands (GRUB 2.06 manual, "The list of command-line and menu entry commands", and the
 * commands its modules register). The table is the single source for hover, completion and
 * `grub2/unknown-command`. Docs are this project's own words.
 */

/** One GRUB 2 command. */
export interface Grub2CommandSpec {
  readonly name: string;
  /** How it is called. */
  readonly synopsis: string;
  /** What it does, in Markdown. */
  readonly doc: string;
  /** Where the fact comes from. */
  readonly source: string;
  /** Commands that decide what boots: listed first in completion. */
  readonly boot?: boolean;
}

const MANUAL = 'GRUB 2.06 manual';

function cmd(name: string, synopsis: string, doc: string, boot = false, source = MANUAL): Grub2CommandSpec {
  return { name, synopsis, doc, source, boot };
}

/** The commands that load and boot kernels and hypervisors. */
const BOOT_COMMANDS: readonly Grub2CommandSpec[] = [
  cmd(
    'menuentry',
    "menuentry 'TITLE' [--class C]… [--id ID] [--users U] [--unrestricted] { COMMANDS }",
    'Adds an entry to the boot menu. Its block runs when the entry is chosen; the entry boots when the block has loaded a kernel (GRUB then runs `boot` by itself).',
    true,
  ),
  cmd(
    'submenu',
    "submenu 'TITLE' [--class C]… [--id ID] { MENU ENTRIES }",
    'Adds an entry that opens a nested menu, such as update-grub\'s "Advanced options".',
    true,
  ),
  cmd(
    'linux',
    'linux FILE [KERNEL PARAMETERS…]',
    'Loads a Linux kernel with the 32-bit boot protocol; every word after the file is the kernel command line (`root=`, `nfsroot=`, `ip=`…). Boots Linux without Xen.',
    true,
  ),
  cmd(
    'linux16',
    'linux16 FILE [KERNEL PARAMETERS…]',
    'Loads a Linux kernel with the 16-bit boot protocol (BIOS only); the rest is the kernel command line.',
    true,
  ),
  cmd(
    'linuxefi',
    'linuxefi FILE [KERNEL PARAMETERS…]',
    'Distribution patch (Fedora, Ubuntu): `linux` through the EFI handover protocol.',
    true,
    'distribution GRUB patches',
  ),
  cmd(
    'initrd',
    'initrd FILE [FILE…]',
    'Loads the initial ramdisk(s) for the kernel loaded by `linux`. With an initramfs, its `/init` (for Debian, initramfs-tools) mounts the root, not the kernel.',
    true,
  ),
  cmd('initrd16', 'initrd16 FILE [FILE…]', 'The ramdisk for a kernel loaded with `linux16`.', true),
  cmd(
    'initrdefi',
    'initrdefi FILE [FILE…]',
    'Distribution patch: the ramdisk for `linuxefi`.',
    true,
    'distribution GRUB patches',
  ),
  cmd(
    'multiboot2',
    'multiboot2 FILE [ARGUMENTS…]',
    'Loads a Multiboot2 kernel, here the Xen hypervisor (`/boot/xen.gz`); the words after it are the hypervisor command line (`dom0_mem=`, `console=`…). Each following `module2` is handed to it: the first is the dom0 kernel, the next its initrd.',
    true,
  ),
  cmd(
    'module2',
    'module2 [--nounzip] FILE [ARGUMENTS…]',
    'Loads a module for the kernel loaded by `multiboot2`. Under Xen, the first module is the dom0 Linux kernel, and its words are the Linux command line; the second is its initrd (`--nounzip` keeps it compressed, as initramfs wants).',
    true,
  ),
  cmd(
    'multiboot',
    'multiboot [--quirk-…] FILE [ARGUMENTS…]',
    'Loads a kernel with the original Multiboot protocol; older Xen entries use it for `xen.gz`, with `module` for dom0.',
    true,
  ),
  cmd(
    'module',
    'module [--nounzip] FILE [ARGUMENTS…]',
    "Loads a module for the kernel loaded by `multiboot`: under Xen, dom0's kernel with its command line, then its initrd.",
    true,
  ),
  cmd(
    'xen_hypervisor',
    'xen_hypervisor FILE [ARGUMENTS…]',
    'ARM64: loads the Xen hypervisor; `xen_module` then loads dom0 and its initrd.',
    true,
  ),
  cmd(
    'xen_module',
    'xen_module [--nounzip] FILE [ARGUMENTS…]',
    'ARM64: a module for Xen (dom0 kernel, initrd).',
    true,
  ),
  cmd(
    'chainloader',
    'chainloader [--force] FILE',
    'Loads another boot loader (a boot sector, an EFI application) to hand over to.',
    true,
  ),
  cmd('boot', 'boot', 'Boots what was loaded. Implicit at the end of a menu entry.', true),
  cmd(
    'configfile',
    'configfile FILE',
    'Reads another configuration file as a new menu (its menu replaces this one).',
    true,
  ),
  cmd(
    'source',
    'source FILE',
    'Runs another configuration file in this context: its entries join this menu.',
    true,
  ),
];

/** Commands that set up the environment an entry needs. */
const SETUP_COMMANDS: readonly Grub2CommandSpec[] = [
  cmd(
    'set',
    'set [NAME=VALUE]',
    'Sets a variable. Special ones: `root` (the device paths start from), `prefix`, `default`, `timeout`, `gfxpayload`, `net_default_server`.',
  ),
  cmd('unset', 'unset NAME', 'Removes a variable.'),
  cmd('export', 'export NAME', 'Makes a variable visible in menus and files read with `configfile`.'),
  cmd('insmod', 'insmod MODULE', 'Loads a GRUB module (a file system, a partition map, `gzio`, `net`…).'),
  cmd('rmmod', 'rmmod MODULE', 'Unloads a GRUB module.'),
  cmd(
    'search',
    'search [--file|--label|--fs-uuid] [--set[=VAR]] [--no-floppy] [--hint…] NAME',
    'Finds the device holding a file, label or file system UUID and stores it in `root` (or VAR). update-grub uses it so that an entry keeps working when disks are renumbered.',
  ),
  cmd('search.file', 'search.file FILE [VAR]', 'Short for `search --file`.'),
  cmd('search.fs_label', 'search.fs_label LABEL [VAR]', 'Short for `search --label`.'),
  cmd('search.fs_uuid', 'search.fs_uuid UUID [VAR]', 'Short for `search --fs-uuid`.'),
  cmd(
    'load_env',
    'load_env [--file FILE] [VAR…]',
    'Reads variables saved in the environment block (`grubenv`).',
  ),
  cmd('save_env', 'save_env [--file FILE] VAR…', 'Saves variables to the environment block (`grubenv`).'),
  cmd('list_env', 'list_env [--file FILE]', 'Lists the variables of the environment block.'),
  cmd('echo', 'echo [-n] [-e] TEXT…', 'Prints text on the console.'),
  cmd(
    'test',
    'test EXPRESSION',
    'Evaluates a condition for `if`/`while` (`-f FILE`, `-z STR`, `A = B`, `-eq`…).',
  ),
  cmd('[', '[ EXPRESSION ]', 'Same as `test`; the last argument must be `]`.'),
  cmd('true', 'true', 'Succeeds.'),
  cmd('false', 'false', 'Fails.'),
  cmd('sleep', 'sleep [--verbose] [--interruptible] SECONDS', 'Waits.'),
  cmd('terminal_input', 'terminal_input [TERMINAL…]', 'Chooses the input terminals (`console`, `serial`…).'),
  cmd(
    'terminal_output',
    'terminal_output [TERMINAL…]',
    'Chooses the output terminals (`console`, `gfxterm`, `serial`…).',
  ),
  cmd(
    'serial',
    'serial [--unit N] [--speed BPS] …',
    'Sets up a serial port for `terminal_input/output serial`.',
  ),
  cmd('terminfo', 'terminfo [-a|-u|-v] TERMINAL TYPE', 'Sets the type of a terminal.'),
  cmd('loadfont', 'loadfont FILE', 'Loads a font for the graphical terminal.'),
  cmd('background_image', 'background_image FILE', 'Shows an image behind the graphical menu.'),
  cmd('background_color', 'background_color COLOR', 'Sets the background colour of the graphical menu.'),
  cmd('password', 'password USER PASSWORD', 'Defines a user with a plain-text password (see `superusers`).'),
  cmd('password_pbkdf2', 'password_pbkdf2 USER HASH', 'Defines a user with a hashed password.'),
  cmd('authenticate', 'authenticate [USER…]', 'Asks for a password.'),
  cmd('net_bootp', 'net_bootp [CARD]', 'Configures a network card by BOOTP/DHCP (older name of `net_dhcp`).'),
  cmd('net_dhcp', 'net_dhcp [CARD]', 'Configures a network card by DHCP.'),
  cmd('net_add_addr', 'net_add_addr NAME CARD ADDRESS', 'Gives a network card a static address.'),
  cmd('net_add_route', 'net_add_route NAME PREFIX [INTERFACE|gw GATEWAY]', 'Adds a network route.'),
  cmd('net_ls_addr', 'net_ls_addr', 'Lists network addresses.'),
  cmd('net_ls_cards', 'net_ls_cards', 'Lists network cards.'),
  cmd('net_ipv6_autoconf', 'net_ipv6_autoconf [CARD]', 'Configures IPv6 without state.'),
  cmd('net_nslookup', 'net_nslookup NAME [SERVER]', 'Resolves a host name.'),
  cmd('return', 'return [N]', 'Leaves a function.'),
  cmd('break', 'break [N]', 'Leaves a loop.'),
  cmd('continue', 'continue [N]', 'Starts the next loop iteration.'),
  cmd('shift', 'shift [N]', 'Drops positional parameters.'),
  cmd('setparams', 'setparams [ARG…]', 'Replaces the positional parameters.'),
  cmd('exit', 'exit [N]', 'Leaves GRUB (EFI) or the current script.'),
  cmd('eval', 'eval STRING…', 'Runs its arguments as a script.'),
  cmd('regexp', 'regexp [--set [N:]VAR]… REGEXP STRING', 'Matches a regular expression.'),
  cmd('gettext', 'gettext STRING', 'Translates a string.'),
  cmd('read', 'read [VAR]', 'Reads a line from the user.'),
  cmd('keystatus', 'keystatus [--shift] [--ctrl] [--alt]', 'Checks modifier keys.'),
];

/** Commands seen in grub.cfg files that need no more than a line of explanation. */
const OTHER_COMMANDS: readonly string[] = [
  'acpi',
  'all_video',
  'badram',
  'blocklist',
  'cat',
  'clear',
  'cmosclean',
  'cmp',
  'cpuid',
  'cryptomount',
  'cutmem',
  'date',
  'devicetree',
  'drivemap',
  'efi_gop',
  'efi_uga',
  'fwsetup',
  'gptsync',
  'halt',
  'hashsum',
  'help',
  'hexdump',
  'legacy_configfile',
  'legacy_source',
  'loopback',
  'ls',
  'lsfonts',
  'lsmod',
  'lspci',
  'md5sum',
  'nativedisk',
  'normal',
  'normal_exit',
  'parttool',
  'play',
  'probe',
  'rdmsr',
  'reboot',
  'sendkey',
  'setpci',
  'sha1sum',
  'sha256sum',
  'sha512sum',
  'smbios',
  'terminal',
  'tr',
  'trust',
  'distrust',
  'list_trusted',
  'verify_detached',
  'vbeinfo',
  'videoinfo',
  'videotest',
  'wrmsr',
  'backtrace',
  'file',
  'fix_video',
  'usb',
  'lsefi',
  'tpm',
  'outb',
  'inb',
  'appleloader',
  'kfreebsd',
  'knetbsd',
  'kopenbsd',
  'xnu_kernel',
  'xnu_kernel64',
];

/** Every command this project knows, by name. */
export const GRUB2_COMMANDS: readonly Grub2CommandSpec[] = [
  ...BOOT_COMMANDS,
  ...SETUP_COMMANDS,
  ...OTHER_COMMANDS.map((n) => cmd(n, n, 'A GRUB 2 command (see the GRUB manual).')),
];

/** The command table indexed by name. */
export const GRUB2_COMMAND_MAP: ReadonlyMap<string, Grub2CommandSpec> = new Map(
  GRUB2_COMMANDS.map((c) => [c.name, c]),
);
