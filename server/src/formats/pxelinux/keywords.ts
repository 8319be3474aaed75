/**
 * PXELINUX/SYSLINUX configuration keywords (syslinux doc/syslinux.txt "CONFIGURATION FILE", doc/menu.txt,
 * com32/elflink/ldlinux/readconfig.c). Keywords are case-insensitive; the table is the single source for
 * hover, completion and `pxelinux/unknown-keyword`. Docs are this project's own words.
 */

/** What a keyword's argument is. */
export type PxeArgument = 'none' | 'number' | 'file' | 'label' | 'text' | 'command-line';

/** One keyword. */
export interface PxeKeywordSpec {
  readonly name: string;
  readonly argument: PxeArgument;
  /** Whether it belongs inside a LABEL (else it is global, or both). */
  readonly scope: 'global' | 'label' | 'both';
  readonly doc: string;
  readonly source: string;
}

const SYSLINUX = 'syslinux doc/syslinux.txt';
const MENU = 'syslinux doc/menu.txt';

function kw(
  name: string,
  argument: PxeArgument,
  scope: PxeKeywordSpec['scope'],
  doc: string,
  source = SYSLINUX,
): PxeKeywordSpec {
  return { name, argument, scope, doc, source };
}

/** The top-level keywords. */
export const PXE_KEYWORDS: readonly PxeKeywordSpec[] = [
  kw(
    'default',
    'label',
    'global',
    'The label (or, failing that, the kernel command line) booted when the user just presses Enter or the timeout runs out. With a `UI` menu, `MENU DEFAULT` inside a label is the usual way instead.',
  ),
  kw(
    'ui',
    'file',
    'global',
    'Runs a COM32 module as the user interface, such as `menu.c32` or `vesamenu.c32`; the labels then become menu items.',
  ),
  kw(
    'label',
    'text',
    'global',
    'Starts a boot entry; the name is what the user types at the `boot:` prompt and what `DEFAULT`/`ONTIMEOUT` refer to. The lines after it, up to the next `LABEL`, describe it.',
  ),
  kw(
    'kernel',
    'file',
    'both',
    'The file the label boots. Its type follows from its extension (`.c32` COM32 module, `.0` PXE boot program, `.bin`/`.bs` boot sector, `.img` floppy image, anything else a Linux kernel). For Xen, `mboot.c32` with the hypervisor, dom0 kernel and initrd in `APPEND`, separated by `---`.',
  ),
  kw('linux', 'file', 'label', 'Boots the file as a Linux kernel, whatever its name.'),
  kw('com32', 'file', 'label', 'Runs the file as a COM32 module (`mboot.c32`, `chain.c32`, …).'),
  kw('boot', 'file', 'label', 'Boots the file as a boot sector.'),
  kw('bss', 'file', 'label', 'Boots the file as a boot sector, patching in the DOS superblock.'),
  kw('pxe', 'file', 'label', 'Boots the file as a PXE network boot program (NBP).'),
  kw('fdimage', 'file', 'label', 'Boots the file as a floppy disk image.'),
  kw('comboot', 'file', 'label', 'Runs the file as a COMBOOT program.'),
  kw(
    'config',
    'file',
    'both',
    'Loads another configuration file instead of this one (optionally changing the working directory).',
  ),
  kw(
    'append',
    'command-line',
    'both',
    'The kernel command line of the label (global: of every label that has none). For `mboot.c32`: `xen.gz <Xen options> --- vmlinuz <Linux command line> --- initrd.img`. `APPEND -` clears a global APPEND.',
  ),
  kw(
    'initrd',
    'file',
    'both',
    'The initial ramdisk(s), comma-separated; the same as `initrd=` in APPEND. With an initramfs, its `/init` mounts the root, not the kernel.',
  ),
  kw(
    'ipappend',
    'number',
    'both',
    'PXELINUX only: adds network facts to the command line. `1` adds `ip=<client>:<tftp server>:<gateway>:<netmask>` (from DHCP), `2` adds `BOOTIF=01-<mac>`, `3` both. Same as `SYSAPPEND`’s low bits.',
  ),
  kw(
    'sysappend',
    'number',
    'both',
    'A bit mask of system facts appended to the command line (1: `ip=`, 2: `BOOTIF=`, 4: `SYSUUID=`, …).',
  ),
  kw(
    'localboot',
    'number',
    'both',
    'Boots from the local disk instead (`0`), or, with PXELINUX, lets the BIOS try the next boot device (`-1`).',
  ),
  kw(
    'prompt',
    'number',
    'global',
    '`1` always shows the `boot:` prompt; `0` (the default) shows it only when Shift or Alt is held.',
  ),
  kw(
    'timeout',
    'number',
    'global',
    'How long to wait at the prompt or menu, in tenths of a second, before booting the default; `0` waits for ever. A key press cancels it.',
  ),
  kw(
    'totaltimeout',
    'number',
    'global',
    'A timeout, in tenths of a second, that a key press does not cancel.',
  ),
  kw(
    'ontimeout',
    'label',
    'global',
    'The label or command line booted when the timeout expires (instead of `DEFAULT`).',
  ),
  kw('onerror', 'label', 'global', 'The command line run when a kernel cannot be loaded.'),
  kw('noescape', 'number', 'global', '`1` ignores Shift/Alt, so the prompt cannot be forced.'),
  kw('nocomplete', 'number', 'global', '`1` disables Tab completion of labels at the prompt.'),
  kw('allowoptions', 'number', 'global', '`0` stops the user from adding options to a label at the prompt.'),
  kw('implicit', 'number', 'global', '`0` boots only labels, never a kernel file named at the prompt.'),
  kw('say', 'text', 'global', 'Prints the text.'),
  kw('display', 'file', 'global', 'Shows a text file before the prompt.'),
  kw('font', 'file', 'global', 'Loads a console font.'),
  kw('kbdmap', 'file', 'global', 'Loads a keyboard map.'),
  kw('serial', 'text', 'global', 'Sets up a serial console: `SERIAL port [baudrate [flowcontrol]]`.'),
  kw('console', 'number', 'global', '`0` turns the video console off.'),
  kw('include', 'file', 'both', 'Reads another file here, as if its lines stood in this one.'),
  kw(
    'path',
    'text',
    'global',
    'Directories searched for COM32 modules and libraries (space- or colon-separated).',
  ),
  kw(
    'menu',
    'text',
    'both',
    'A menu setting for `menu.c32`/`vesamenu.c32`: `MENU TITLE`, `MENU LABEL`, `MENU DEFAULT`, `MENU HIDE`, `MENU BEGIN … MENU END`, `MENU SEPARATOR`, …',
    MENU,
  ),
  kw(
    'text',
    'text',
    'label',
    '`TEXT HELP` starts a help text for the label, ending at a line `ENDTEXT`.',
    MENU,
  ),
  kw('endtext', 'none', 'label', 'Ends a `TEXT HELP` block.', MENU),
  ...Array.from({ length: 12 }, (_, i) =>
    kw(
      `f${i + 1}`,
      'file',
      'global' as const,
      `Shows the file when the user presses F${i + 1} at the prompt.`,
    ),
  ),
];

/** The `MENU` sub-keywords (doc/menu.txt). */
export const PXE_MENU_KEYWORDS: readonly PxeKeywordSpec[] = [
  kw('title', 'text', 'global', 'The title shown above the menu.', MENU),
  kw(
    'label',
    'text',
    'label',
    'The text of this label in the menu (`^` marks the hot key); the LABEL name is used otherwise.',
    MENU,
  ),
  kw('default', 'none', 'label', 'Makes this label the menu default.', MENU),
  kw('hide', 'none', 'label', 'Hides this label from the menu (it can still be typed).', MENU),
  kw('disable', 'none', 'label', 'Shows this label but does not let it be chosen.', MENU),
  kw('separator', 'none', 'both', 'An empty line in the menu.', MENU),
  kw('begin', 'text', 'global', 'Starts a submenu, ending at `MENU END`.', MENU),
  kw('end', 'none', 'global', 'Ends a submenu started with `MENU BEGIN`.', MENU),
  kw('goto', 'label', 'label', 'Makes the item open the submenu with that tag.', MENU),
  kw('exit', 'label', 'label', 'Makes the item leave this submenu.', MENU),
  kw('quit', 'none', 'label', 'Makes the item leave the menu for the `boot:` prompt.', MENU),
  kw('include', 'file', 'both', 'Reads another file of menu settings.', MENU),
  kw('passwd', 'text', 'both', 'A password for the whole menu, or for this label.', MENU),
  kw('master', 'text', 'global', '`MENU MASTER PASSWD` sets the password for editing.', MENU),
  kw('indent', 'number', 'label', 'Indents this item.', MENU),
  kw('background', 'file', 'global', 'The background picture (vesamenu.c32).', MENU),
  kw('color', 'text', 'global', 'A colour setting of a menu element.', MENU),
  kw('resolution', 'text', 'global', 'The screen resolution (vesamenu.c32).', MENU),
  kw('vshift', 'number', 'global', 'Moves the menu down.', MENU),
  kw('hshift', 'number', 'global', 'Moves the menu right.', MENU),
  kw('width', 'number', 'global', 'The menu width.', MENU),
  kw('margin', 'number', 'global', 'The menu margin.', MENU),
  kw('rows', 'number', 'global', 'The number of rows.', MENU),
  kw('tabmsg', 'text', 'global', 'The message about Tab editing.', MENU),
  kw('tabmsgrow', 'number', 'global', 'The row of the Tab message.', MENU),
  kw('cmdlinerow', 'number', 'global', 'The row of the command line.', MENU),
  kw('endrow', 'number', 'global', 'The last menu row.', MENU),
  kw('passwordrow', 'number', 'global', 'The row of the password prompt.', MENU),
  kw('timeoutrow', 'number', 'global', 'The row of the timeout message.', MENU),
  kw('helpmsgrow', 'number', 'global', 'The row of the help message.', MENU),
  kw('helpmsgendrow', 'number', 'global', 'The last row of the help message.', MENU),
  kw('autoboot', 'text', 'global', 'The autoboot message.', MENU),
  kw('notabmsg', 'text', 'global', 'The message shown when Tab editing is off.', MENU),
  kw('msgcolor', 'text', 'global', 'Colours of help text.', MENU),
  kw('immediate', 'none', 'global', 'Hot keys boot at once.', MENU),
  kw('nohotkeys', 'none', 'global', 'No hot keys.', MENU),
  kw('save', 'none', 'global', 'Remembers the last choice.', MENU),
  kw('nosave', 'none', 'global', 'Does not remember the last choice.', MENU),
  kw('shiftkey', 'none', 'global', 'Shows the menu only when Shift is held.', MENU),
  kw('startpos', 'number', 'global', 'The initially selected row.', MENU),
  kw('helpmsg', 'text', 'global', 'A help message.', MENU),
  kw('clear', 'none', 'global', 'Clears the screen on leaving the menu.', MENU),
  kw('font', 'file', 'global', 'A font for the menu.', MENU),
  kw('hiddenrow', 'number', 'global', 'The row of the hidden-menu message.', MENU),
];

/** Keywords by lower-case name. */
export const PXE_KEYWORD_MAP: ReadonlyMap<string, PxeKeywordSpec> = new Map(
  PXE_KEYWORDS.map((k) => [k.name, k]),
);

/** MENU sub-keywords by lower-case name. */
export const PXE_MENU_KEYWORD_MAP: ReadonlyMap<string, PxeKeywordSpec> = new Map(
  PXE_MENU_KEYWORDS.map((k) => [k.name, k]),
);
