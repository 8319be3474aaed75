import type { Finding } from '../../core/finding';
import { formatIpv4 } from '../../core/ipv4';
import type { DhcpModel, DhcpRange, DhcpSubnet } from '../../formats/dhcp/model';
import { subnetContains } from '../../formats/dhcp/model';
import type { DhcpFile } from './types';

function subnetsOfNetwork(model: DhcpModel, range: DhcpRange): DhcpSubnet[] {
  const net = range.network;
  if (!net) return [];
  if (net.kind === 'subnet') return model.subnets.filter((s) => s.scope === net);
  // A pool in a shared-network: any subnet of that shared-network may hold the range.
  const inside = (scope: DhcpSubnet['scope']): boolean => {
    for (let s: DhcpSubnet['scope'] | undefined = scope; s; s = s.parent) if (s === net) return true;
    return false;
  };
  return model.subnets.filter((s) => inside(s.scope));
}

/**
 * `dhcp/range-outside-subnet`: a range whose ends lie outside the subnet it is declared in. dhcpd refuses to
 * start ("bad range, address A not in subnet N netmask M", server/confpars.c `parse_address_range`; printed
 * without a line number).
 */
export function checkRanges(file: DhcpFile): Finding[] {
  const findings: Finding[] = [];
  for (const range of file.model.ranges) {
    const subnets = subnetsOfNetwork(file.model, range);
    if (subnets.length === 0) continue;
    const ends = range.statement.addresses ?? [];
    const bad = ends.find(
      (a) => a.value !== undefined && !subnets.some((s) => subnetContains(s, a.value as number)),
    );
    if (!bad) continue;
    const s = subnets[0];
    const where =
      subnets.length === 1
        ? `subnet ${formatIpv4(s.network)} netmask ${formatIpv4(s.mask)}`
        : 'any subnet of its shared-network';
    findings.push({
      ruleId: 'dhcp/range-outside-subnet',
      uri: file.uri,
      span: { start: ends[0].span.start, end: ends[ends.length - 1].span.end },
      message: `${bad.text} is not in ${where}: dhcpd refuses to start ("bad range")`,
      related: [
        { uri: file.uri, span: s.statement.keyword.span, message: 'the subnet the range is declared in' },
      ],
    });
  }
  return findings;
}
