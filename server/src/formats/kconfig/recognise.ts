/**
 * Recognising kernel `.config` files (shared issue "Boot loaders … and kernel .config", "Finding these
 * files"): named `.config`, `config-<version>` (Debian's /boot/config-6.1.0-13-amd64) or `*.config`
 * (fragments such as kernel/configs/xen.config), confirmed by content: a `CONFIG_X=` line or a
 * `# CONFIG_X is not set` line.
 */

/** Whether a path (with `/` separators) names a kernel config by name. */
export function isKconfigPath(path: string): boolean {
  const base = path.slice(path.lastIndexOf('/') + 1);
  return base === '.config' || /^config-\d/.test(base) || /^[^.].*\.config$/.test(base);
}

const SETTING_LINE = /^(?:CONFIG_[A-Za-z0-9_]+=|# CONFIG_[A-Za-z0-9_]+ is not set)/gm;
/** The same, for a test (a global pattern keeps its position between calls). */
const ONE_SETTING_LINE = new RegExp(SETTING_LINE.source, 'm');
const HEADER = /^# Linux(?:\/\S+ \S+ Kernel Configuration| kernel version: )/m;

/** How many lines set a symbol in the first 64 KiB. */
function settingLines(text: string): number {
  return text.slice(0, 64 * 1024).match(SETTING_LINE)?.length ?? 0;
}

/**
 * Whether a text reads like a kernel config on its own (a file the user names explicitly): the kernel's
 * header and a setting, or mostly setting lines among the lines that are not comments.
 */
export function looksLikeKconfig(text: string): boolean {
  const head = text.slice(0, 64 * 1024);
  const settings = settingLines(head);
  if (settings === 0) return false;
  if (HEADER.test(head)) return true;
  const other = head
    .split('\n')
    .filter((l) => l.trim() !== '' && !l.startsWith('#') && !l.startsWith('CONFIG_'));
  return settings >= 3 && other.length * 4 <= settings;
}

/** Whether a file is a kernel config: by name, confirmed by content (a setting in the first 64 KiB). */
export function recogniseKconfig(path: string, text: string): boolean {
  // The first setting line is enough: counting the 2,000 lines of 64 KiB for each of a site's configs is not.
  return isKconfigPath(path) && ONE_SETTING_LINE.test(text.slice(0, 64 * 1024));
}
