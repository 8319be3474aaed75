import type { Finding } from '../../core/finding';
import type { Span } from '../../core/text';
import type { BootEntry } from '../../formats/boot-entry';
import { checkCommandLine } from '../cmdline/cmdline-rules';

/**
 * Every `cmdline/*` rule on the Linux command line of a boot entry, where it stands in the file. Shared by
 * the boot-loader formats (GRUB 2, PXELINUX).
 */
export function checkEntryCommandLine(uri: string, entry: BootEntry): Finding[] {
  if (!entry.boot || !entry.commandLine) return [];
  const fallback: Span = entry.kernel?.span ?? entry.span;
  return checkCommandLine({ uri, boot: entry.boot, map: entry.commandLine.map }).map((f) =>
    // SourceMap.locate gives no offset for a position just past the line's last character (`nfsroot=` at
    // the very end): such a finding sits on the kernel path instead.
    Number.isFinite(f.span.start) && Number.isFinite(f.span.end) ? f : { ...f, span: fallback },
  );
}
