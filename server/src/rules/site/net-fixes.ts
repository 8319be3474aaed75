import type { FixSpec } from '../../core/finding';
import { formatIpv4, parseIpv4 } from '../../core/ipv4';
import { XEN_OUI } from '../../core/mac';
import type { DhcpStatement } from '../../formats/dhcp/ast';
import type { VifSpec } from '../../formats/xen/vif';
import type { DhcpFile } from '../dhcp/types';
import { siteHosts } from './net-machines';
import type { SiteSubnet } from './net-machines';
import type { SiteFacts, SiteModel } from './site-model';
import type { BootSubject } from './subjects';

/**
 * The quick fixes of the `net/*` rules. Each one inserts or replaces only what it must and keeps every
 * other byte of the file it edits (the domain config, the boot entry, or the dhcpd.conf of the subnet).
 */

/** "Use the fixed address <addr>": replaces the client field of `ip=` (for xm, the `ip` value). */
export function useFixedAddressFix(
  site: SiteModel,
  subject: BootSubject,
  address: string,
): FixSpec | undefined {
  const ip = subject.boot.ip;
  const field = ip?.parsed.fields.find((f) => f.index === 0);
  if (!ip || !field || ip.param.valueStart === undefined || field.text === '') return undefined;
  const start = ip.param.valueStart + field.start;
  const span = subject.map.locate(start, start + field.text.length);
  // Only where the field's characters are copied one to one into the file (not a synthesised piece).
  if (site.textOf(subject.uri)?.slice(span.start, span.end) !== field.text) return undefined;
  return {
    title: `Use the fixed address ${address}`,
    edits: [{ uri: subject.uri, span, newText: address }],
    preferred: true,
  };
}

/** 32-bit FNV-1a of a string: a stable seed for a MAC derived from a domain name. */
function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

const macCache = new WeakMap<SiteModel, Set<string>>();
const addressCache = new WeakMap<SiteModel, Set<number>>();

/** Every MAC the site already uses: vifs, pxelinux.cfg names, DHCP hosts (once per check of the site). */
function usedMacs(site: SiteModel): Set<string> {
  const cached = macCache.get(site);
  if (cached) return cached;
  const used = new Set(site.subjects.flatMap((s) => s.macs.map((m) => m.mac)));
  for (const { host } of siteHosts(site)) if (host.mac) used.add(host.mac);
  macCache.set(site, used);
  return used;
}

/**
 * A MAC in Xen's OUI (xl-network-configuration(5): `00:16:3e`) derived from `seed` with a hash, then moved
 * on until no vif or DHCP host of the site uses it: the same site always gets the same MAC.
 */
export function generatedMac(site: SiteModel, seed: string): string {
  const used = usedMacs(site);
  let n = fnv1a(seed) & 0xffffff;
  for (let tries = 0; tries < 0x1000000; tries++) {
    const octets = [n >>> 16, (n >>> 8) & 255, n & 255].map((o) => o.toString(16).padStart(2, '0'));
    const mac = `${XEN_OUI}:${octets.join(':')}`;
    if (!used.has(mac)) {
      used.add(mac);
      return mac;
    }
    n = (n + 1) & 0xffffff;
  }
  return `${XEN_OUI}:00:00:01`;
}

/** Inserts `mac=<mac>,` at the start of a vif spec (no comma for an empty spec). */
export function vifMacFix(
  site: SiteModel,
  subject: BootSubject,
  vif: VifSpec,
  mac: string,
  title: string,
): FixSpec | undefined {
  const quote = site.textOf(subject.uri)?.[vif.span.start] ?? '';
  if (!/^['"‘’“”]$/.test(quote)) return undefined;
  const newText = vif.pairs.length === 0 ? `mac=${mac}` : `mac=${mac},`;
  const at = vif.span.start + 1;
  return { title, edits: [{ uri: subject.uri, span: { start: at, end: at }, newText }] };
}

/** Addresses the site already uses or reserves: fixed addresses, any address in a dhcpd.conf, topology, ip=. */
function usedAddresses(site: SiteModel): Set<number> {
  const cached = addressCache.get(site);
  if (cached) return cached;
  const used = new Set<number>(site.facts.derived(addressesOfFacts));
  addressCache.set(site, used);
  const add = (t: string | undefined): void => {
    const n = t !== undefined ? parseIpv4(t) : undefined;
    if (n !== undefined) used.add(n);
  };
  for (const s of site.subjects) {
    const ip = s.boot.ip?.parsed;
    [ip?.client, ip?.server, ip?.gateway, s.boot.nfsroot?.parsed.server].forEach(add);
  }
  return used;
}

/** The addresses written anywhere in the site's dhcpd.conf files and the topology (once per set of facts). */
function addressesOfFacts(facts: SiteFacts): Set<number> {
  const used = new Set<number>();
  const add = (t: string | undefined): void => {
    const n = t !== undefined ? parseIpv4(t) : undefined;
    if (n !== undefined) used.add(n);
  };
  for (const f of facts.dhcpFiles) for (const m of f.text.match(/\b\d{1,3}(?:\.\d{1,3}){3}\b/g) ?? []) add(m);
  for (const h of facts.topology.hosts) h.addresses.forEach(add);
  return used;
}

/** The lower-case names of the site's DHCP host declarations. */
function hostNamesOfFacts(facts: SiteFacts): Set<string> {
  return new Set(facts.dhcpFiles.flatMap((f) => f.model.hosts.map((h) => h.name.text.toLowerCase())));
}

/** The first address of a subnet that no one uses and no dynamic range may lease (deterministic). */
export function freeAddress(site: SiteModel, where: SiteSubnet): string | undefined {
  const { network, mask } = where.subnet;
  const broadcast = (network | (~mask >>> 0)) >>> 0;
  const used = usedAddresses(site);
  const ranges = site.dhcpFiles.flatMap((f) => f.model.ranges);
  for (let a = network + 1; a < broadcast && a - network < 65536; a++) {
    if (!used.has(a) && !ranges.some((r) => a >= r.low && a <= r.high)) {
      // Reserved for this check, so that two fixes applied together ("fix all") never share an address.
      used.add(a);
      return formatIpv4(a);
    }
  }
  return undefined;
}

/** A host name dhcpd accepts and the site does not use yet. */
export function hostNameFor(site: SiteModel, wanted: string): string {
  const base =
    wanted
      .trim()
      .replace(/[^A-Za-z0-9_.-]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'host';
  const taken = site.facts.derived(hostNamesOfFacts);
  let name = base;
  for (let i = 2; taken.has(name.toLowerCase()); i++) name = `${base}-${i}`;
  return name;
}

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

function indentAt(text: string, offset: number): string {
  return /^[ \t]*/.exec(text.slice(lineStart(text, offset)))?.[0] ?? '';
}

/** The indent of a declaration's first statement beyond its own, if that statement is on a line of its own. */
function stepOf(text: string, s: DhcpStatement): string | undefined {
  const child = s.body?.[0];
  if (!child || lineStart(text, child.span.start) === lineStart(text, s.span.start)) return undefined;
  const outer = indentAt(text, s.span.start);
  const inner = indentAt(text, child.span.start);
  return inner.startsWith(outer) && inner.length > outer.length ? inner.slice(outer.length) : undefined;
}

/** The file's own indentation step: that of its host blocks, else of any block (else two spaces). */
function indentUnit(file: DhcpFile): string {
  const fromHost = file.model.hosts.map((h) => stepOf(file.text, h.statement)).find((u) => u !== undefined);
  const visit = (statements: readonly DhcpStatement[]): string | undefined => {
    for (const s of statements) {
      const step = stepOf(file.text, s) ?? (s.body ? visit(s.body) : undefined);
      if (step !== undefined) return step;
    }
    return undefined;
  };
  return fromHost ?? visit(file.ast.statements) ?? '  ';
}

/** The host block text, each line indented by `outer`, its statements by `outer + unit`. */
function hostBlock(
  name: string,
  mac: string,
  address: string,
  outer: string,
  unit: string,
  eol: string,
): string {
  const inner = outer + unit;
  return [
    `${outer}host ${name} {`,
    `${inner}hardware ethernet ${mac};`,
    `${inner}fixed-address ${address};`,
    `${outer}}`,
  ]
    .map((l) => l + eol)
    .join('');
}

/**
 * "Add a DHCP host block for <name>": inside the subnet's braces when the file keeps its hosts there (or has
 * none yet), else at the end of the file, in the file's own indentation and line endings.
 */
export function hostBlockFix(where: SiteSubnet, name: string, mac: string, address: string): FixSpec {
  const { file, subnet } = where;
  const text = file.text;
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const unit = indentUnit(file);
  const hostsAtTop = file.model.hosts.some((h) => h.scope.parent?.kind === 'global');
  const close = subnet.statement.bodySpan ? subnet.statement.bodySpan.end - 1 : -1;
  const title = `Add a DHCP host block for ${name}`;
  if (!hostsAtTop && close >= 0 && text[close] === '}') {
    const outerIndent = indentAt(text, subnet.statement.span.start);
    const block = hostBlock(name, mac, address, outerIndent + unit, unit, eol);
    const start = lineStart(text, close);
    const ownLine = text.slice(start, close).trim() === '';
    const at = ownLine ? start : close;
    const newText = ownLine ? block : `${eol}${block}${outerIndent}`;
    return { title, preferred: true, edits: [{ uri: file.uri, span: { start: at, end: at }, newText }] };
  }
  const lead = (text === '' || text.endsWith('\n') ? '' : eol) + (text.trim() === '' ? '' : eol);
  const newText = lead + hostBlock(name, mac, address, '', unit, eol);
  return {
    title,
    preferred: true,
    edits: [{ uri: file.uri, span: { start: text.length, end: text.length }, newText }],
  };
}
