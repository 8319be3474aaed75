/**
 * Recognising GRUB 2 configuration files: `grub.cfg` by name (where grub-mkconfig writes it, /boot/grub/,
 * and the copies on EFI partitions and install media), and `*.cfg` files under a `grub` folder (Debian's
 * netboot `grub/grub.cfg` sources others), each confirmed by content. GRUB legacy's `menu.lst`/`grub.conf`
 * are another format.
 */

/** Whether a path (with `/` separators) names a grub.cfg candidate by name and place. */
export function isGrub2Path(path: string): boolean {
  const parts = path.split('/');
  const base = parts[parts.length - 1];
  if (base === 'grub.cfg') return true;
  const dirs = parts.slice(0, -1);
  return (dirs.includes('grub') || dirs.includes('grub2')) && /^[^.].*\.cfg$/.test(base);
}

/** Commands that only GRUB 2 scripts have; one at the start of a line confirms the format. */
const GRUB2_MARKERS =
  /^[ \t]*(menuentry|submenu|insmod|search(\.fs_uuid|\.file|\.fs_label)?|multiboot2|module2|linux16|linuxefi|set[ \t]+(root|default|timeout|prefix)=|if[ \t]+\[|function[ \t]+\w+|export[ \t]+\w+|load_env|terminal_output|source)\b/m;

/** GRUB legacy's commands: `title` entries and `kernel` lines do not exist in GRUB 2. */
const GRUB_LEGACY_MARKERS = /^[ \t]*(title[ \t=]|kernel[ \t]|root[ \t]+\(|hiddenmenu\b)/m;

/** Whether the text reads like a GRUB 2 script. */
export function looksLikeGrub2(text: string): boolean {
  const head = text.slice(0, 64 * 1024);
  return GRUB2_MARKERS.test(head) && !GRUB_LEGACY_MARKERS.test(head);
}

/** Whether a file is a GRUB 2 script: by name and place, confirmed by content (an empty grub.cfg too). */
export function recogniseGrub2(path: string, text: string): boolean {
  if (!isGrub2Path(path)) return false;
  const base = path.slice(path.lastIndexOf('/') + 1);
  if (base === 'grub.cfg' && text.replace(/#[^\n]*/g, '').trim() === '') return true;
  return looksLikeGrub2(text);
}
