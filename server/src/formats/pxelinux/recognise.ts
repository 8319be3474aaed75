/**
 * Recognising PXELINUX configuration files: any file directly in a `pxelinux.cfg/` folder (`default`,
 * `01-<mac>`, hexadecimal IP prefixes, UUIDs: syslinux doc/pxelinux.txt), and the Debian installer's menu
 * files under `boot-screens/` that `pxelinux.cfg/default` includes, each confirmed by content.
 */

/** Whether a path (with `/` separators) names a PXELINUX file by name and place. */
export function isPxelinuxPath(path: string): boolean {
  const parts = path.split('/');
  const base = parts[parts.length - 1];
  const dir = parts[parts.length - 2];
  if (base.startsWith('.') || base === '') return false;
  if (dir === 'pxelinux.cfg') return true;
  return dir === 'boot-screens' && /\.cfg$/.test(base);
}

/** Keywords that only syslinux files have at the start of a line (not `kernel = …`, which is a Xen config's). */
const PXE_MARKERS =
  /^[ \t]*(label|default|kernel|append|ui|menu[ \t]+(title|label|begin|include)|include|prompt|timeout|localboot|ipappend|sysappend|path|say|display|config)(?=[ \t]|$)(?![ \t]*\+?=)/im;

/** Whether the text reads like a PXELINUX file. */
export function looksLikePxelinux(text: string): boolean {
  const head = text.slice(0, 64 * 1024);
  // GRUB 2 scripts share `default`/`timeout` words but not their braces.
  return PXE_MARKERS.test(head) && !/^[ \t]*(menuentry|submenu)\b/m.test(head);
}

/** Whether a file is a PXELINUX file: by name and place, confirmed by content (an empty file too). */
export function recognisePxelinux(path: string, text: string): boolean {
  if (!isPxelinuxPath(path)) return false;
  return looksLikePxelinux(text) || text.replace(/^[ \t]*#[^\n]*/gm, '').trim() === '';
}
