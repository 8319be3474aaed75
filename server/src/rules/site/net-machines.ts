import { parseIpv4 } from '../../core/ipv4';
import type { Span } from '../../core/text';
import { effectiveValue, subnetContains } from '../../formats/dhcp/model';
import { firstValueText } from '../../formats/dhcp/lazy-statement';
import type { DhcpHost, DhcpModel, DhcpRange, DhcpScope, DhcpSubnet } from '../../formats/dhcp/model';
import { XM_DUMMY_NFS_SERVER } from '../../formats/xen/command-line-model';
import type { DhcpFile } from '../dhcp/types';
import type { SiteFacts, SiteModel } from './site-model';
import type { BootSubject } from './subjects';

/**
 * Who a boot subject is on the network, for the `net/*` rules: the MACs it is known by (a vif's `mac=`, a
 * pxelinux.cfg/01-<mac> file name, or the DHCP host whose `filename`/`option-150` names the menu it boots),
 * the host blocks meant for it by name, and the subnet it sits on.
 */

/** A DHCP host declaration with the file it is in. */
export interface SiteHost {
  readonly file: DhcpFile;
  readonly host: DhcpHost;
}

/** A MAC the booting machine is known by. */
export interface KnownMac {
  readonly mac: string;
  /** Where the subject's file says so: the vif's `mac=` pair, the first line of a pxelinux.cfg/01-<mac> file. */
  readonly span: Span | undefined;
  /** `vif`, `pxelinux` (the file name), `menu` (a DHCP host hands this menu to that MAC). */
  readonly via: 'vif' | 'pxelinux' | 'menu';
  /** For `menu`: the host block that points at the menu. */
  readonly host?: SiteHost;
}

/** Server-address placeholders xm wrote when `nfs_server` was not set (1.2.3.4 in older releases). */
const DUMMY_SERVERS = new Set([XM_DUMMY_NFS_SERVER, '1.2.3.4']);

/** DHCP values that name the file a boot loader reads as its menu (pxegrub's option 150, PXELINUX's 209). */
const MENU_KEYS = ['filename', 'option option-150', 'option pxelinux.configfile', 'option configfile'];

/** The span of the first line of a text (where a diagnostic about a pxelinux.cfg file name sits). */
export function firstLineSpan(text: string | undefined): Span {
  const t = text ?? '';
  const nl = t.search(/\r?\n/);
  return { start: 0, end: nl < 0 ? t.length : nl };
}

/** Every host declaration of the site's dhcpd.conf files (built once per set of facts). */
export function siteHosts(site: SiteModel): readonly SiteHost[] {
  return site.facts.derived(allHosts);
}

function allHosts(facts: SiteFacts): SiteHost[] {
  return facts.dhcpFiles.flatMap((file) => file.model.hosts.map((host) => ({ file, host })));
}

/** Adds `item` to the list under `key`. */
function push<K, V>(map: Map<K, V[]>, key: K, item: V): void {
  const list = map.get(key);
  if (list) list.push(item);
  else map.set(key, [item]);
}

/** The site's host blocks by MAC. */
function hostsByMacIndex(facts: SiteFacts): Map<string, SiteHost[]> {
  const index = new Map<string, SiteHost[]>();
  for (const h of facts.derived(allHosts)) if (h.host.mac) push(index, h.host.mac, h);
  return index;
}

/** The site's host blocks by lower-case declaration name and `option host-name` (each host once per name). */
function hostsByNameIndex(facts: SiteFacts): Map<string, Ordered[]> {
  const index = new Map<string, Ordered[]>();
  facts.derived(allHosts).forEach((host, order) => {
    const hostName = effectiveValue(host.file.model, 'option host-name', { host: host.host })?.values[0]
      ?.text;
    const names = new Set([host.host.name.text, hostName].flatMap((n) => (n ? [n.toLowerCase()] : [])));
    for (const n of names) push(index, n, { host, order });
  });
  return index;
}

/** A host block with its position among the site's hosts (answers keep declaration order). */
interface Ordered {
  readonly host: SiteHost;
  readonly order: number;
}

/** The hosts of `found`, each once, in declaration order. */
function inOrder(found: readonly Ordered[]): SiteHost[] {
  const byOrder = new Map(found.map((f) => [f.order, f.host]));
  return [...byOrder].sort((a, b) => a[0] - b[0]).map(([, host]) => host);
}

/** A host block that hands out a menu: what it names, with the host's position in `allHosts` for order. */
interface MenuPointer extends Ordered {
  readonly value: string;
}

/**
 * Host blocks with a MAC by the last path segment of each menu value they hand out (`filename`,
 * option 150, …): a menu file can only be named by a value that ends with its own name.
 */
function menuPointerIndex(facts: SiteFacts): Map<string, MenuPointer[]> {
  const index = new Map<string, MenuPointer[]>();
  const keysSet = new Map<DhcpFile, Set<string>>();
  facts.derived(allHosts).forEach((host, order) => {
    if (!host.host.mac) return;
    const setInFile = mapGet(keysSet, host.file, () => keysSetIn(host.file.model));
    for (const key of MENU_KEYS) {
      // A key no scope of the file sets has no value for any host: most files set only `filename`, and
      // asking the model for the others costs a walk of the ranges and subnets per host (issue 6).
      if (!setInFile.has(key)) continue;
      const found = effectiveValue(host.file.model, key, { host: host.host });
      // Its text only: the words of 20,000 hosts' filenames need not be made and kept for an index.
      const value = found && firstValueText(found.statement);
      if (value !== undefined) push(index, value.slice(value.lastIndexOf('/') + 1), { host, order, value });
    }
  });
  return index;
}

/** The value under `key`, made by `make` the first time. */
function mapGet<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  let value = map.get(key);
  if (value === undefined) map.set(key, (value = make()));
  return value;
}

/**
 * The keys some scope of a model sets: the global scope and every scope above a host, subnet or range, which
 * are all the scopes `effectiveValue` reads. A key outside this set has no value for any client.
 */
function keysSetIn(model: DhcpModel): Set<string> {
  const keys = new Set<string>();
  const seen = new Set<DhcpScope>();
  const climb = (scope: DhcpScope | undefined): void => {
    for (let s = scope; s && !seen.has(s); s = s.parent) {
      seen.add(s);
      for (const key of s.values.keys()) keys.add(key);
    }
  };
  climb(model.global);
  for (const h of model.hosts) climb(h.scope);
  for (const s of model.subnets) climb(s.scope);
  for (const r of model.ranges) climb(r.scope);
  return keys;
}

function folder(p: string): string {
  return p.replace(/\\/g, '/').replace(/^\.\//, '').replace(/\/+$/, '');
}

/**
 * Whether a DHCP-given path (`/grub/post01.conf`) names the menu at workspace path `menu`: resolved against
 * the `tftpRoot` of the topology host that serves it (shared CONTRACT.md), else by the end of the path.
 */
function menuMatches(site: SiteModel, menu: string, value: string): boolean {
  const want = value.replace(/^\/+/, '');
  if (want === '') return false;
  const roots = site.topology.hosts.flatMap((h) => (h.tftpRoot ? [folder(h.tftpRoot)] : []));
  const under = roots.filter((r) => menu.startsWith(`${r}/`));
  if (under.length > 0) return under.some((r) => menu === `${r}/${want}`);
  return menu === want || menu.endsWith(`/${want}`);
}

/** The host blocks whose boot file or menu option names the subject's menu file. */
function hostsPointingAt(site: SiteModel, subject: BootSubject): SiteHost[] {
  const path = site.pathOf(subject.uri);
  if (path === undefined) return [];
  const candidates = site.facts.derived(menuPointerIndex).get(path.slice(path.lastIndexOf('/') + 1)) ?? [];
  return inOrder(candidates.filter((c) => menuMatches(site, path, c.value)));
}

/** The MACs a subject is known by, in the order the kernel would try its interfaces. */
export function knownMacs(site: SiteModel, subject: BootSubject): KnownMac[] {
  if (subject.kind === 'domU') return subject.macs.map((m) => ({ mac: m.mac, span: m.span, via: 'vif' }));
  if (subject.pxelinuxMachine?.kind === 'mac') {
    const span = firstLineSpan(site.textOf(subject.uri));
    return [{ mac: subject.pxelinuxMachine.mac, span, via: 'pxelinux' }];
  }
  return hostsPointingAt(site, subject).map((h) => ({
    mac: h.host.mac ?? '',
    span: undefined,
    via: 'menu',
    host: h,
  }));
}

/** The host blocks for a MAC, across the site. */
export function hostsForMac(site: SiteModel, mac: string): readonly SiteHost[] {
  return site.facts.derived(hostsByMacIndex).get(mac) ?? [];
}

/** The names a subject goes by: a domain's name and the `ip=` hostname field, lower case. */
export function subjectNames(subject: BootSubject): string[] {
  const names = [subject.boot.ip?.parsed.hostname];
  if (subject.kind === 'domU') names.push(subject.label);
  return [...new Set(names.flatMap((n) => (n?.trim() ? [n.trim().toLowerCase()] : [])))];
}

/** Host blocks named after the subject (by declaration name or `option host-name`). */
export function hostsNamedFor(site: SiteModel, subject: BootSubject): SiteHost[] {
  const names = subjectNames(subject);
  if (names.length === 0) return [];
  const index = site.facts.derived(hostsByNameIndex);
  return inOrder(names.flatMap((n) => index.get(n) ?? []));
}

/**
 * Addresses that tell which subnet a DHCP client sits on, best first: the `ip=` gateway and server fields,
 * the `nfsroot=` server, then the addresses of the topology host its file belongs to (a domU's dom0).
 */
export function subnetClues(site: SiteModel, subject: BootSubject): number[] {
  const ip = subject.boot.ip?.parsed;
  const texts = [ip?.gateway, ip?.server, subject.boot.nfsroot?.parsed.server];
  texts.push(...(site.hostOfUri(subject.uri)?.addresses ?? []));
  return texts.flatMap((t) => {
    const n = t !== undefined && !DUMMY_SERVERS.has(t) ? parseIpv4(t) : undefined;
    return n === undefined ? [] : [n];
  });
}

/** A subnet declaration with its file. */
export interface SiteSubnet {
  readonly file: DhcpFile;
  readonly subnet: DhcpSubnet;
}

/** The subnet declaration the subject sits on, from the first clue a subnet of the site covers. */
export function subnetOfSubject(site: SiteModel, subject: BootSubject): SiteSubnet | undefined {
  for (const clue of subnetClues(site, subject)) {
    for (const file of site.dhcpFiles) {
      const subnet = file.model.subnets.find((s) => subnetContains(s, clue));
      if (subnet) return { file, subnet };
    }
  }
  return undefined;
}

function deniesUnknown(scope: DhcpScope | undefined): boolean {
  for (let s = scope; s; s = s.parent) {
    const body = s.statement?.body ?? [];
    const denied = body.some(
      (c) => /^(deny|ignore)$/i.test(c.keyword.text) && c.words[0]?.text.toLowerCase() === 'unknown-clients',
    );
    if (denied) return true;
  }
  return false;
}

/**
 * The dynamic ranges that would lease an address to a machine with no host block: those of its subnet when
 * known, else every range of the site; a range under `deny unknown-clients` serves only declared hosts
 * (dhcpd.conf(5), "The unknown-clients keyword").
 */
export function rangesServing(site: SiteModel, subnet: SiteSubnet | undefined): DhcpRange[] {
  return site.dhcpFiles.flatMap((f) =>
    f.model.ranges.filter(
      (r) => (!subnet || subnetContains(subnet.subnet, r.low)) && !deniesUnknown(r.scope),
    ),
  );
}
