import type { Severity } from '../../core/severity';
import type { RuleInfo } from '../catalogue';

const E: Severity = 'error';
const W: Severity = 'warning';

/** The `net/*` rules: a booting machine's address against the site's DHCP (shared RULES.md, "Across files"). */
export const NET_RULES: readonly RuleInfo[] = [
  {
    id: 'net/no-dhcp-host',
    severity: W,
    summary: 'the machine boots with DHCP, but no host block matches its MAC and no range serves its subnet',
  },
  {
    id: 'net/ip-mismatch',
    severity: E,
    summary: 'the static address differs from the fixed address DHCP gives its MAC',
  },
  {
    id: 'net/ip-conflict',
    severity: E,
    summary: 'the static address is DHCP’s fixed address for another MAC, or lies in a dynamic range',
  },
  {
    id: 'net/random-mac',
    severity: W,
    summary: 'the machine relies on a DHCP host block, but its vif has no fixed MAC',
  },
];
