import type { Severity } from '../../core/severity';
import type { RuleInfo } from '../catalogue';

const E: Severity = 'error';
const W: Severity = 'warning';

/** The rules of PXELINUX files (shared RULES.md: `pxelinux/syntax`, and rules in the same style). */
export const PXELINUX_RULES: readonly RuleInfo[] = [
  {
    id: 'pxelinux/syntax',
    severity: E,
    summary:
      'a line syslinux cannot use: a keyword without its file or label, a number that is none, an unclosed MENU BEGIN or TEXT HELP',
  },
  {
    id: 'pxelinux/unknown-keyword',
    severity: W,
    summary: 'a keyword syslinux does not know (it ignores the line)',
  },
  {
    id: 'pxelinux/default-unknown-label',
    severity: W,
    summary: '`DEFAULT` or `ONTIMEOUT` names no LABEL of the file',
  },
  {
    id: 'pxelinux/bad-mac-filename',
    severity: W,
    summary: 'a `pxelinux.cfg/01-…` name that is not a MAC address as PXELINUX asks for it',
  },
  {
    id: 'pxelinux/xen-without-dom0',
    severity: E,
    summary: 'an mboot.c32 label whose APPEND has no dom0 kernel after `---`',
  },
];
