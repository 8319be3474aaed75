import type { Severity } from '../../core/severity';
import type { RuleInfo } from '../catalogue';

const E: Severity = 'error';
const W: Severity = 'warning';

/** The rules of GRUB 2's grub.cfg (shared RULES.md: `grub2/syntax`, and rules in the same style). */
export const GRUB2_RULES: readonly RuleInfo[] = [
  { id: 'grub2/syntax', severity: E, summary: 'a grub.cfg that grub-script-check rejects' },
  {
    id: 'grub2/no-commands',
    severity: E,
    summary: 'a grub.cfg with no command at all (grub-script-check rejects it; GRUB shows no menu)',
  },
  {
    id: 'grub2/module-before-multiboot',
    severity: E,
    summary: 'a `module2`/`module` before any `multiboot2`/`multiboot` in an entry',
  },
  {
    id: 'grub2/initrd-before-linux',
    severity: E,
    summary: 'an `initrd` before any `linux` in an entry',
  },
  {
    id: 'grub2/xen-without-dom0',
    severity: E,
    summary: 'an entry that loads the Xen hypervisor but no dom0 kernel module',
  },
  { id: 'grub2/unknown-command', severity: W, summary: 'a command GRUB 2 does not have (a typo?)' },
  {
    id: 'grub2/default-out-of-range',
    severity: W,
    summary: '`set default=` names no entry of the menu',
  },
];
