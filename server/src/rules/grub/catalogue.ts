import type { Severity } from '../../core/severity';
import type { RuleInfo } from '../catalogue';

const E: Severity = 'error';
const W: Severity = 'warning';
const I: Severity = 'information';

/** The rules of GRUB legacy menus (shared RULES.md, "Syntax" and "Boot loaders"; the last four added here). */
export const GRUB_RULES: readonly RuleInfo[] = [
  { id: 'grub/syntax', severity: E, summary: 'a GRUB legacy line GRUB cannot use as written' },
  {
    id: 'grub/unknown-command',
    severity: E,
    summary: 'a command GRUB legacy does not know (it skips it silently)',
  },
  {
    id: 'grub/default-out-of-range',
    severity: W,
    summary: '`default` or `fallback` beyond the last entry',
  },
  {
    id: 'grub/module-before-kernel',
    severity: E,
    summary: '`module` or `initrd` with no kernel of the right kind before it in the entry',
  },
  { id: 'grub/plaintext-password', severity: W, summary: '`password` without `--md5`' },
  {
    id: 'grub/missing-file',
    severity: W,
    summary: 'a `configfile`, `kernel`, `module` or `initrd` path that does not exist where the site maps it',
  },
  {
    id: 'grub/command-outside-entry',
    severity: W,
    summary: 'an entry command before the first `title`: GRUB skips it',
  },
  {
    id: 'grub/menu-command-in-entry',
    severity: E,
    summary: '`default`, `timeout`, `fallback` or `hiddenmenu` inside an entry: booting it fails',
  },
  {
    id: 'grub/empty-entry',
    severity: W,
    summary: 'a `title` with no command: GRUB leaves it out of the menu',
  },
  {
    id: 'grub/deprecated-command',
    severity: I,
    summary: 'a command the manual keeps only for compatibility',
  },
];
