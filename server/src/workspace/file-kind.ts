/**
 * Which of our formats a file is, by name and place, confirmed by content (shared CONTRACT.md, "Which
 * files are ours"). Adding a format adds a recogniser here.
 */

/** The formats this version reads. */
export type FormatId = 'xen-config';

/** The VS Code language id of each format. */
export const LANGUAGE_IDS: Readonly<Record<FormatId, string>> = { 'xen-config': 'xen-config' };

/** Xen's own tool configs that live in /etc/xen but are not domain configs. */
const XEN_TOOL_FILES = new Set([
  'xl.conf',
  'xend-config.sxp',
  'oxenstored.conf',
  'cpupool',
  'xend-pci-permissive.sxp',
  'xend-pci-quirks.sxp',
]);

/** Whether a path (with `/` separators) is a Xen domain config candidate by name and place. */
export function isXenConfigPath(path: string): boolean {
  const parts = path.split('/');
  const base = parts[parts.length - 1];
  if (base === 'xl.cfg') return true;
  if (XEN_TOOL_FILES.has(base) || base.startsWith('.')) return false;
  const dirs = parts.slice(0, -1);
  const xenAt = dirs.lastIndexOf('xen');
  if (xenAt < 0) return false;
  // Directly in a `xen` folder, or in its `auto/` (symlinks for domains started at boot); never under scripts/.
  const below = dirs.slice(xenAt + 1);
  if (!(below.length === 0 || (below.length === 1 && below[0] === 'auto'))) return false;
  return /^[^.]+$/.test(base) || /\.(cfg|xl|conf)$/.test(base);
}

/** Keys that only a Xen domain config has; one assignment of one of them confirms the format. */
const XEN_MARKERS =
  /^[ \t]*(name|kernel|memory|vcpus|vif|disk|builder|type|bootloader|maxmem|on_crash|on_reboot|ramdisk|extra|root|nfs_root)[ \t]*\+?=/m;

/** Whether the text reads like a Xen domain config. */
export function looksLikeXenConfig(text: string): boolean {
  return XEN_MARKERS.test(text.slice(0, 64 * 1024));
}

/** The format of a file, from its path (relative to the workspace, `/` separators) and its text. */
export function classify(path: string, text: string): FormatId | undefined {
  if (isXenConfigPath(path) && (path.endsWith('xl.cfg') || looksLikeXenConfig(text))) return 'xen-config';
  return undefined;
}

/** The format a file would have by name and place alone (for files whose content cannot be read). */
export function classifyByPath(path: string): FormatId | undefined {
  return isXenConfigPath(path) ? 'xen-config' : undefined;
}
