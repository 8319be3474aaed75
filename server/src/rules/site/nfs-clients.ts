import { formatIpv4, parseIpv4 } from '../../core/ipv4';
import type { DhcpHost, DhcpRange, DhcpSubnet } from '../../formats/dhcp/model';
import { coversEveryone } from '../../formats/exports/clients';
import type { ExportLookup, ExportMatch, ExportTable } from '../../formats/exports/model';
import { knownMacs, rangesServing, subnetOfSubject } from './net-machines';
import type { ResolvedAddress } from './resolve';
import type { SiteModel } from './site-model';
import type { BootSubject } from './subjects';

/**
 * Who asks the NFS server for the root, and what the export table answers each address it may have. A
 * machine with a fixed address asks from that address; one that takes an address from a DHCP range may ask
 * from any address of it, so the export must admit the whole range (issue 5: "a range must be wholly
 * covered"); one whose address cannot be told is reported as such, never guessed.
 */

/** A dynamic range a machine may take its address from. */
export interface DynamicRange {
  readonly low: number;
  readonly high: number;
  /** The subnet declaration the range lies in, for a fix that exports to the whole subnet. */
  readonly subnet: DhcpSubnet | undefined;
}

/** The address (or addresses) the NFS server sees the machine mount from. */
export type NfsClient =
  | { readonly kind: 'address'; readonly address: string; readonly how: 'static' | 'dhcp-fixed' }
  | { readonly kind: 'range'; readonly ranges: readonly DynamicRange[] }
  | { readonly kind: 'unknown'; readonly why: string };

function rangeOf(r: DhcpRange, subnets: readonly DhcpSubnet[]): DynamicRange {
  const subnet = subnets.find((s) => s.ranges.includes(r));
  return { low: r.low, high: r.high, subnet };
}

/** The DHCP host blocks that hand out the menu a boot-loader entry is in (net-machines.ts, `via: 'menu'`). */
function menuHosts(site: SiteModel, subject: BootSubject): DhcpHost[] {
  if (subject.kind === 'domU' || subject.macs.length > 0) return [];
  return knownMacs(site, subject).flatMap((k) => (k.host ? [k.host.host] : []));
}

/**
 * How the booting machine appears to the NFS server: the address resolve.ts finds (static, or DHCP's
 * fixed-address for its MAC), else the fixed-address of the DHCP host that hands out its boot menu, else any
 * address of the DHCP ranges that serve its subnet (net-machines.ts `rangesServing`: `deny unknown-clients`
 * ranges excluded), else unknown.
 */
export function nfsClientOf(site: SiteModel, subject: BootSubject, address: ResolvedAddress): NfsClient {
  if (address.address !== undefined && (address.how === 'static' || address.how === 'dhcp-fixed'))
    return { kind: 'address', address: address.address, how: address.how };
  // Without ip= the kernel configures no network at all (net/ipv4/ipconfig.c: ic_enable is set only by
  // ip=/nfsaddrs=); an initramfs (Debian's initramfs-tools) asks DHCP by itself.
  const autoconf = address.usesDhcp || (!subject.boot.ip && subject.initrd !== undefined);
  if (!autoconf)
    return { kind: 'unknown', why: 'ip= gives no client address and turns autoconfiguration off' };
  const loaders = menuHosts(site, subject);
  const fixed = loaders.flatMap((h) => h.fixedAddresses).find((a) => a.value !== undefined);
  if (fixed) return { kind: 'address', address: fixed.text, how: 'dhcp-fixed' };
  if (subject.macs.length === 0 && subject.randomMacVifs.length === 0 && loaders.length === 0) {
    return {
      kind: 'unknown',
      why: 'it asks DHCP for its address, and no MAC address is known for it, so no DHCP host block can be matched',
    };
  }
  const subnets = site.dhcpFiles.flatMap((f) => f.model.subnets);
  const fromAnswers = address.dhcp.flatMap((d) => d.answer.ranges);
  const ranges = fromAnswers.length > 0 ? fromAnswers : rangesServing(site, subnetOfSubject(site, subject));
  if (ranges.length === 0) {
    return {
      kind: 'unknown',
      why: 'it asks DHCP for its address, and no dhcpd.conf of the workspace gives its MAC a fixed-address or has a range for it',
    };
  }
  return { kind: 'range', ranges: ranges.map((r) => rangeOf(r, subnets)) };
}

/** What the export table answers every address of the client. */
export interface ExportVerdict {
  /** The distinct exports that serve the client's addresses, in address order. */
  readonly served: readonly ExportMatch[];
  /** The client's addresses that no export of the path (or a parent) admits, as inclusive intervals. */
  readonly refused: readonly { readonly first: number; readonly last: number }[];
  /** The export lines of the nearest exported path (the path itself or its nearest exported parent). */
  readonly nearest: ExportLookup['nearest'];
  /** The address is unknown and the export does not admit everyone: whether it admits the machine is open. */
  readonly undecided: boolean;
}

/** At most this many addresses of DHCP ranges are looked up one by one; beyond it, only the range ends. */
const MAX_ADDRESSES = 1 << 16;

function addressesOf(client: NfsClient): number[] {
  if (client.kind === 'address') return [parseIpv4(client.address) ?? 0];
  if (client.kind === 'unknown') return [];
  const out: number[] = [];
  for (const r of client.ranges) {
    if (r.high - r.low + 1 > MAX_ADDRESSES) out.push(r.low, r.high);
    else for (let a = r.low; a <= r.high; a++) out.push(a);
  }
  return out;
}

/** What tells two answers apart: the client entry that admits, or the line when it names no client. */
function matchKey(m: ExportMatch): object {
  return m.client ?? m.entry;
}

/** Asks the export table about every address the client may mount from. */
export function judgeExport(
  table: ExportTable,
  path: string,
  client: NfsClient,
  hostAddresses: ReadonlyMap<string, readonly string[]>,
): ExportVerdict {
  if (client.kind === 'unknown') {
    // Only an export to everyone (`*`, no client, a /0 network) admits an address nobody knows.
    const probe = table.lookup(path, 0, hostAddresses);
    const everyone = probe.served && (!probe.served.client || coversEveryone(probe.served.client.spec));
    const served = everyone && probe.served ? [probe.served] : [];
    return { served, refused: [], nearest: probe.nearest, undecided: !everyone && probe.nearest.length > 0 };
  }
  const served = new Map<object, ExportMatch>();
  const refused: { first: number; last: number }[] = [];
  let nearest: ExportLookup['nearest'] = [];
  for (const a of addressesOf(client)) {
    const answer = table.lookup(path, a, hostAddresses);
    if (nearest.length === 0) nearest = answer.nearest;
    if (answer.served) {
      const key = matchKey(answer.served);
      if (!served.has(key)) served.set(key, answer.served);
      continue;
    }
    const last = refused[refused.length - 1];
    if (last && last.last === a - 1) last.last = a;
    else refused.push({ first: a, last: a });
  }
  return { served: [...served.values()], refused, nearest, undecided: false };
}

/** An interval of addresses in words: `192.168.2.5` or `192.168.2.100–192.168.2.200`. */
export function formatInterval(i: { first: number; last: number }): string {
  return i.first === i.last ? formatIpv4(i.first) : `${formatIpv4(i.first)}–${formatIpv4(i.last)}`;
}

/** The client in words: `web1 boots as 192.168.2.10`, `db1 takes an address from 192.168.2.100–…`. */
export function describeClient(label: string, client: NfsClient): string {
  if (client.kind === 'address') {
    return `${label} boots as ${client.address}${client.how === 'dhcp-fixed' ? ' (its DHCP fixed-address)' : ''}`;
  }
  if (client.kind === 'unknown') return `the address of ${label} is unknown: ${client.why}`;
  const ranges = client.ranges.map((r) => formatInterval({ first: r.low, last: r.high })).join(', ');
  return `${label} takes any address of the DHCP range ${ranges}`;
}
