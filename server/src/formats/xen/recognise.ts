/**
 * Recognising Xen domain configs by name and place, confirmed by content (shared CONTRACT.md, "Which
 * files are ours").
 */

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

/** Whether a file is a Xen domain config: by name and place, confirmed by content (`xl.cfg` by name alone). */
export function recogniseXenConfig(path: string, text: string): boolean {
  return isXenConfigPath(path) && (path === 'xl.cfg' || path.endsWith('/xl.cfg') || looksLikeXenConfig(text));
}
