import type { Severity } from '../../core/severity';
import type { RuleInfo } from '../catalogue';

const E: Severity = 'error';
const W: Severity = 'warning';

/** The rules of kernel `.config` files (shared RULES.md, "Kernel .config"). */
export const KCONFIG_RULES: readonly RuleInfo[] = [
  {
    id: 'kconfig/syntax',
    severity: E,
    summary: 'a line conf cannot read: it ignores it ("unexpected data")',
  },
  {
    id: 'kconfig/invalid-value',
    severity: E,
    summary: 'a value that is not y, m, n, a number, a hex number or a quoted string',
  },
  { id: 'kconfig/duplicate-symbol', severity: W, summary: 'a symbol set twice (the last line wins)' },
  {
    id: 'kconfig/value-type',
    severity: E,
    summary: 'a value of the wrong type for the symbol (`m` for a bool, a string for a tristate)',
  },
  {
    id: 'kconfig/unmet-dependency',
    severity: W,
    summary: 'a symbol set to y or m while the same file turns off what it depends on: the build drops it',
  },
];
