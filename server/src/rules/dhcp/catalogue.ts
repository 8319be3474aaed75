import type { Severity } from '../../core/severity';
import type { RuleInfo } from '../catalogue';

const E: Severity = 'error';
const W: Severity = 'warning';

/**
 * The dhcpd.conf rules (shared RULES.md, "dhcpd.conf"), merged into the catalogue by rules/catalogue.ts.
 * An error here is something `dhcpd -t` (ISC DHCP 4.4.3) rejects; a warning is something it accepts.
 */
export const DHCP_RULES: readonly RuleInfo[] = [
  { id: 'dhcp/syntax', severity: E, summary: 'dhcpd.conf text that dhcpd cannot parse or refuses' },
  { id: 'dhcp/undeclared-option', severity: E, summary: 'an option that is neither standard nor declared' },
  { id: 'dhcp/duplicate-host', severity: E, summary: 'two host declarations with one name' },
  { id: 'dhcp/duplicate-mac', severity: W, summary: 'two hosts with one hardware address' },
  { id: 'dhcp/duplicate-fixed-address', severity: W, summary: 'two hosts with one fixed address' },
  { id: 'dhcp/fixed-address-in-range', severity: W, summary: 'a fixed address inside a dynamic range' },
  {
    id: 'dhcp/fixed-address-outside-subnet',
    severity: W,
    summary: 'a fixed address no subnet declaration covers',
  },
  { id: 'dhcp/range-outside-subnet', severity: E, summary: 'a range outside its subnet' },
  { id: 'dhcp/invalid-address', severity: E, summary: 'a malformed IPv4 address or netmask' },
  { id: 'dhcp/invalid-mac', severity: E, summary: 'a malformed hardware address' },
  { id: 'dhcp/no-next-server', severity: W, summary: 'a boot filename with no next-server in scope' },
  {
    id: 'dhcp/unknown-statement',
    severity: W,
    summary: 'a lone word that is no dhcpd statement (dhcpd ignores it)',
  },
  { id: 'dhcp/include-not-found', severity: W, summary: 'an included file that is not in the workspace' },
];
