import type { Finding, RelatedLocation } from '../../core/finding';
import { othersOf } from '../../core/finding';
import { formatIpv4 } from '../../core/ipv4';
import type { Span } from '../../core/text';
import type { DhcpHost } from '../../formats/dhcp/model';
import type { DhcpConfiguration } from './configuration';
import type { DhcpFile } from './types';

/** A host, the file it is declared in, and where the key it shares with others is written. */
interface Member {
  readonly file: DhcpFile;
  readonly host: DhcpHost;
  readonly span: Span;
}

/**
 * Hosts grouped by a key, in one pass over tens of thousands of hosts: only each key's first member is kept,
 * and a list is made only for the keys seen again (usually none).
 */
class KeyGroups<K> {
  private readonly first = new Map<K, Member>();
  private readonly again = new Map<K, Member[]>();

  add(key: K, member: Member): void {
    const first = this.first.get(key);
    if (first === undefined) {
      this.first.set(key, member);
      return;
    }
    const list = this.again.get(key);
    if (list) list.push(member);
    else this.again.set(key, [first, member]);
  }

  /** The keys seen more than once with their members, in the order the keys were first seen. */
  repeated(): [K, Member[]][] {
    if (this.again.size === 0) return [];
    const out: [K, Member[]][] = [];
    for (const key of this.first.keys()) {
      const list = this.again.get(key);
      if (list) out.push([key, list]);
    }
    return out;
  }
}

/** Every member of a group, each pointing at the others. */
function reportEach(group: readonly Member[], ruleId: string, message: string): Finding[] {
  return group.map((g) => {
    const related: RelatedLocation[] = othersOf(group, (o) => o !== g).map((o) => ({
      uri: o.file.uri,
      span: o.span,
      message: `also in host '${o.host.name.text}'`,
    }));
    return { ruleId, uri: g.file.uri, span: g.span, message, related };
  });
}

/** `dhcp/duplicate-host` (E), `dhcp/duplicate-mac` (W), `dhcp/duplicate-fixed-address` (W). */
export function checkDuplicates(config: DhcpConfiguration): Finding[] {
  const names = new KeyGroups<string>();
  const macs = new KeyGroups<string>();
  const addresses = new KeyGroups<number>();
  for (const file of config.files) {
    for (const host of file.model.hosts) {
      names.add(host.name.text.toLowerCase(), { file, host, span: host.name.span });
      if (host.mac && host.hardware) {
        const span = host.hardware.hardware?.address?.span ?? host.hardware.span;
        macs.add(host.mac, { file, host, span });
      }
      for (const a of host.fixedAddresses)
        if (a.value !== undefined) addresses.add(a.value, { file, host, span: a.span });
    }
  }
  return [
    ...names
      .repeated()
      .flatMap(([key, group]) =>
        reportEach(
          group,
          'dhcp/duplicate-host',
          `host '${key}' is declared more than once: dhcpd refuses to start ("already exists")`,
        ),
      ),
    ...macs
      .repeated()
      .flatMap(([key, group]) =>
        reportEach(
          group,
          'dhcp/duplicate-mac',
          `${group.length} hosts have the hardware address ${key}: dhcpd accepts it and answers with one of them`,
        ),
      ),
    ...duplicateFixedAddresses(addresses),
  ];
}

/**
 * `dhcp/duplicate-fixed-address`: every fixed address that two or more hosts are given, reported on each
 * occurrence (a host that lists one address twice alone is no duplicate), each pointing at the other hosts'.
 */
function duplicateFixedAddresses(addresses: KeyGroups<number>): Finding[] {
  const findings: Finding[] = [];
  for (const [value, group] of addresses.repeated()) {
    if (new Set(group.map((g) => g.host)).size < 2) continue;
    const message = `fixed address ${formatIpv4(value)} is given to more than one host`;
    for (const g of group) {
      const related: RelatedLocation[] = othersOf(group, (o) => o.host !== g.host).map((o) => ({
        uri: o.file.uri,
        span: o.span,
        message: `also in host '${o.host.name.text}'`,
      }));
      findings.push({
        ruleId: 'dhcp/duplicate-fixed-address',
        uri: g.file.uri,
        span: g.span,
        message,
        related,
      });
    }
  }
  return findings;
}
