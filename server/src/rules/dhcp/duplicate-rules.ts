import type { Finding, RelatedLocation } from '../../core/finding';
import { othersOf } from '../../core/finding';
import { formatIpv4 } from '../../core/ipv4';
import type { Span } from '../../core/text';
import { hostIndexOf } from '../../formats/dhcp/host-index';
import type { HostGroups, HostIndex } from '../../formats/dhcp/host-index';
import type { DhcpHost } from '../../formats/dhcp/model';
import type { DhcpConfiguration } from './configuration';
import type { DhcpFile } from './types';

/** A host, the file it is declared in, and where the key it shares with others is written. */
interface Member {
  readonly file: DhcpFile;
  readonly host: DhcpHost;
  readonly span: Span;
}

/** Where a host writes a key: its name, its hardware address, each of its fixed addresses equal to `key`. */
type SpansOf<K> = (host: DhcpHost, key: K) => Span[];

/**
 * The keys that two or more hosts of a configuration share, in the order a reading of its files meets them,
 * with every place they are written (`Member`s in file order). Read from each file's host index
 * (host-index.ts), which knows its repeated keys: a file of 20,000 hosts without duplicates costs nothing
 * per check; with several files, all but the largest are looked up in the others.
 */
function sharedKeys<K>(
  config: DhcpConfiguration,
  groupsOf: (index: HostIndex) => HostGroups<K>,
  spansOf: SpansOf<K>,
): [K, Member[]][] {
  const groups = config.files.map((f) => groupsOf(hostIndexOf(f.model)));
  const keys = new Set<K>();
  for (const g of groups) for (const k of g.repeated()) keys.add(k);
  const largest = groups.reduce((best, g, i) => (g.size > groups[best].size ? i : best), 0);
  groups.forEach((g, i) => {
    if (i === largest) return;
    for (const k of g.keys()) if (groups.some((o, j) => j !== i && o.get(k))) keys.add(k);
  });
  const found: [K, Member[]][] = [];
  for (const key of keys) {
    const members: Member[] = [];
    config.files.forEach((file, i) => {
      for (const host of groups[i].get(key) ?? [])
        for (const span of spansOf(host, key)) members.push({ file, host, span });
    });
    if (members.length > 1) found.push([key, members]);
  }
  const order = (m: Member): [number, number] => [config.files.indexOf(m.file), m.span.start];
  return found.sort(([, a], [, b]) => compareOrder(order(a[0]), order(b[0])));
}

function compareOrder(a: [number, number], b: [number, number]): number {
  return a[0] - b[0] || a[1] - b[1];
}

const nameSpans: SpansOf<string> = (host) => [host.name.span];
const macSpans: SpansOf<string> = (host) =>
  host.hardware ? [host.hardware.hardware?.address?.span ?? host.hardware.span] : [];
const addressSpans: SpansOf<number> = (host, key) =>
  host.fixedAddresses.filter((a) => a.value === key).map((a) => a.span);

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
  return [
    ...sharedKeys(config, (i) => i.byName, nameSpans).flatMap(([key, group]) =>
      reportEach(
        group,
        'dhcp/duplicate-host',
        `host '${key}' is declared more than once: dhcpd refuses to start ("already exists")`,
      ),
    ),
    ...sharedKeys(config, (i) => i.byMac, macSpans).flatMap(([key, group]) =>
      reportEach(
        group,
        'dhcp/duplicate-mac',
        `${group.length} hosts have the hardware address ${key}: dhcpd accepts it and answers with one of them`,
      ),
    ),
    ...duplicateFixedAddresses(sharedKeys(config, (i) => i.byAddress, addressSpans)),
  ];
}

/**
 * `dhcp/duplicate-fixed-address`: every fixed address that two or more hosts are given, reported on each
 * occurrence (a host that lists one address twice alone is no duplicate), each pointing at the other hosts'.
 */
function duplicateFixedAddresses(addresses: [number, Member[]][]): Finding[] {
  const findings: Finding[] = [];
  for (const [value, group] of addresses) {
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
