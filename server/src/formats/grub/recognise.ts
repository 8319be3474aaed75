/**
 * Recognising GRUB legacy menus (shared issue 4, "Finding these files"): by name (`menu.lst`, Red Hat's
 * `grub.conf`), by place (pxegrub sites keep one menu per machine as `/tftpboot/grub/<host>.conf`, i.e. a
 * `.conf` file in a folder named `grub`), confirmed by content: GRUB legacy commands with a `title`.
 */

const GRUB_LEGACY_NAMES = new Set(['menu.lst', 'grub.conf']);

/** Whether a path (with `/` separators) names a GRUB legacy menu by name and place. */
export function isGrubLegacyPath(path: string): boolean {
  const parts = path.split('/');
  const base = parts[parts.length - 1];
  if (GRUB_LEGACY_NAMES.has(base)) return true;
  return parts.length >= 2 && parts[parts.length - 2] === 'grub' && /^[^.].*\.conf$/.test(base);
}

/** Commands that only a GRUB legacy menu has, at the start of a line. */
const ENTRY_COMMAND =
  /^[ \t]*(kernel|module|modulenounzip|initrd|root|rootnoverify|chainloader|configfile|makeactive|dhcp|bootp|ifconfig)[ \t=]/m;
const TITLE = /^[ \t]*title[ \t=]/m;
/** GRUB 2 (grub.cfg) and PXELINUX markers: their files are not GRUB legacy menus. */
const OTHER_LOADERS =
  /^[ \t]*(menuentry[ \t]|submenu[ \t]|insmod[ \t]|set[ \t]+[A-Za-z_]+=|LABEL[ \t]|APPEND[ \t])/m;

/** Whether a text reads like a GRUB legacy menu: a `title` and an entry command, and no GRUB 2 syntax. */
export function looksLikeGrubLegacy(text: string): boolean {
  const head = text.slice(0, 64 * 1024);
  return TITLE.test(head) && ENTRY_COMMAND.test(head) && !OTHER_LOADERS.test(head);
}

/**
 * Whether a file is a GRUB legacy menu: `menu.lst` and `grub.conf` by name unless they hold GRUB 2 syntax,
 * a `grub/*.conf` only when its content confirms it.
 */
export function recogniseGrubLegacy(path: string, text: string): boolean {
  if (!isGrubLegacyPath(path)) return false;
  const base = path.slice(path.lastIndexOf('/') + 1);
  if (GRUB_LEGACY_NAMES.has(base)) return !OTHER_LOADERS.test(text.slice(0, 64 * 1024));
  return looksLikeGrubLegacy(text);
}
