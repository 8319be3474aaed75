import { formatIpv4, netmaskPrefix, prefixMask, readDottedQuad } from '../../core/ipv4';
import { plainRecord } from '../../core/plain-record';
import type { Writable } from '../../core/plain-record';

/**
 * Client specifications of exports(5) and what addresses each covers. The classification follows
 * exportfs (nfs-utils support/export/client.c `client_gettype`): empty or `*` is anyone, `gss/…` a
 * security flavour, `@…` a netgroup, a `*`, `?` or `[` anywhere a wildcard, a `/` a network, anything else
 * a single host (an address, or a name to resolve).
 */

/** A parsed client specification. */
export type ClientSpec =
  | { readonly kind: 'anyone'; readonly text: string }
  | { readonly kind: 'ipv4'; readonly text: string; readonly address: number }
  | {
      readonly kind: 'ipv4-network';
      readonly text: string;
      readonly base: number;
      readonly mask: number;
      /** The prefix length; undefined for a netmask with holes (exportfs accepts one). */
      readonly prefix: number | undefined;
      readonly notation: 'prefix' | 'netmask';
    }
  | { readonly kind: 'ipv6'; readonly text: string }
  | { readonly kind: 'ipv6-network'; readonly text: string; readonly prefix: number }
  | { readonly kind: 'hostname'; readonly text: string; readonly name: string }
  | { readonly kind: 'wildcard'; readonly text: string; readonly pattern: string }
  | { readonly kind: 'netgroup'; readonly text: string; readonly group: string }
  | { readonly kind: 'gss'; readonly text: string; readonly flavour: string }
  | { readonly kind: 'invalid'; readonly text: string; readonly reason: string };

type Spec<K extends ClientSpec['kind']> = Writable<Extract<ClientSpec, { kind: K }>>;

// The specs of most clients, as plain records (core/plain-record.ts): one per client of a large file.
const Ipv4Spec = plainRecord(function (this: Spec<'ipv4'>, text: string, address: number) {
  this.kind = 'ipv4';
  this.text = text;
  this.address = address;
});

const HostnameSpec = plainRecord(function (this: Spec<'hostname'>, text: string, name: string) {
  this.kind = 'hostname';
  this.text = text;
  this.name = name;
});

const WildcardSpec = plainRecord(function (this: Spec<'wildcard'>, text: string, pattern: string) {
  this.kind = 'wildcard';
  this.text = text;
  this.pattern = pattern;
});

const NetworkSpec = plainRecord(function (
  this: Spec<'ipv4-network'>,
  text: string,
  base: number,
  mask: number,
  prefix: number | undefined,
  notation: 'prefix' | 'netmask',
) {
  this.kind = 'ipv4-network';
  this.text = text;
  this.base = base;
  this.mask = mask;
  this.prefix = prefix;
  this.notation = notation;
});

/** One octet as inet_pton(3) reads it: decimal, no leading zero, at most 255. */
const OCTET = /^(0|[1-9]\d{0,2})$/;

/** Parses a dotted quad strictly, as inet_pton(AF_INET) does (exportfs's host_pton uses it first). */
export function parseStrictIpv4(text: string): number | undefined {
  // Character codes (every client of a large exports file comes here, issue 6); the same as the patterns.
  return readDottedQuad(text, false);
}

/** The same, by the patterns (the reference `parseStrictIpv4` is tested against). */
export function parseStrictIpv4ByPatterns(text: string): number | undefined {
  const parts = text.split('.');
  if (parts.length !== 4 || !parts.every((p) => OCTET.test(p) && Number(p) <= 255)) return undefined;
  return parts.reduce((n, p) => n * 256 + Number(p), 0);
}

/** Whether `text` is an IPv6 address as inet_pton(AF_INET6) reads it (with an optional IPv4 tail). */
export function isIpv6(text: string): boolean {
  if (!text.includes(':') || /:::/.test(text)) return false;
  const halves = text.split('::');
  if (halves.length > 2) return false;
  const groups = halves.flatMap((h) => (h === '' ? [] : h.split(':')));
  let count = 0;
  for (let i = 0; i < groups.length; i++) {
    const g = groups[i];
    if (i === groups.length - 1 && g.includes('.')) {
      if (parseStrictIpv4(g) === undefined) return false;
      count += 2;
    } else if (/^[0-9a-fA-F]{1,4}$/.test(g)) count++;
    else return false;
  }
  return halves.length === 2 ? count <= 7 : count === 8;
}

function parseNetwork(text: string): ClientSpec {
  const slash = text.indexOf('/');
  const address = text.slice(0, slash);
  const mask = text.slice(slash + 1);
  const v4 = parseStrictIpv4(address);
  const v6 = v4 === undefined && isIpv6(address);
  // exportfs: "Invalid IP address %s", "Invalid netmask `%s' for %s", "Invalid prefix `%s' for %s".
  if (v4 === undefined && !v6) return invalid(text, `'${address}' is not an IP address`);
  if (mask.includes('.')) {
    const m = v4 !== undefined ? parseStrictIpv4(mask) : undefined;
    if (m === undefined || v4 === undefined) return invalid(text, `'${mask}' is not a valid netmask`);
    return new NetworkSpec(text, v4, m, netmaskPrefix(m), 'netmask');
  }
  const max = v6 ? 128 : 32;
  // exportfs reads an empty prefix (`10.0.0.0/`) as /0 without a word: the whole address space.
  if (mask === '' && v4 !== undefined) {
    return new NetworkSpec(text, v4, 0, 0, 'prefix');
  }
  if (!/^\d{1,3}$/.test(mask) || Number(mask) > max) {
    return invalid(text, `'${mask}' is not a prefix length (0 to ${max})`);
  }
  const prefix = Number(mask);
  if (v6) return { kind: 'ipv6-network', text, prefix };
  return new NetworkSpec(text, v4 ?? 0, prefixMask(prefix), prefix, 'prefix');
}

function invalid(text: string, reason: string): ClientSpec {
  return { kind: 'invalid', text, reason };
}

/** Host names as the resolver takes them: letters, digits, `-`, `_` and dots. */
const HOST_NAME = /^[A-Za-z0-9_]([A-Za-z0-9_.-]*[A-Za-z0-9_.])?$/;

function parseSingleHost(text: string): ClientSpec {
  const v4 = parseStrictIpv4(text);
  if (v4 !== undefined) return new Ipv4Spec(text, v4);
  if (isIpv6(text)) return { kind: 'ipv6', text };
  if (/^[\d.]+$/.test(text)) {
    return invalid(text, `'${text}' is not a valid IPv4 address (exportfs looks it up as a host name)`);
  }
  if (text.includes(':')) return invalid(text, `'${text}' is not a valid IPv6 address`);
  if (!HOST_NAME.test(text)) return invalid(text, `'${text}' is not a valid host name`);
  return new HostnameSpec(text, text.toLowerCase());
}

/** Classifies and parses a client as exportfs does; `text` has its quotes removed already. */
export function parseClient(text: string): ClientSpec {
  if (text === '' || text === '*') return { kind: 'anyone', text };
  if (text.startsWith('gss/')) return { kind: 'gss', text, flavour: text.slice(4) };
  if (text.startsWith('@')) {
    return text.length > 1
      ? { kind: 'netgroup', text, group: text.slice(1) }
      : invalid(text, "'@' without a netgroup name");
  }
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '*' || c === '?' || c === '[') return new WildcardSpec(text, text.toLowerCase());
    if (c === '/') return parseNetwork(text);
    if (c === '\\') i++;
  }
  return parseSingleHost(text);
}

/** The IPv4 addresses a spec covers, as an inclusive range (contiguous networks and hosts only). */
export function ipv4Range(spec: ClientSpec): { first: number; last: number } | undefined {
  if (spec.kind === 'ipv4') return { first: spec.address, last: spec.address };
  if (spec.kind === 'anyone') return { first: 0, last: 0xffffffff };
  if (spec.kind === 'ipv4-network' && spec.prefix !== undefined) {
    const first = (spec.base & spec.mask) >>> 0;
    return { first, last: (first + 2 ** (32 - spec.prefix) - 1) >>> 0 };
  }
  return undefined;
}

/** Whether a spec stands for every host: `*`, no host at all, or a /0 network. */
export function coversEveryone(spec: ClientSpec): boolean {
  return spec.kind === 'anyone' || (spec.kind === 'ipv4-network' && spec.mask === 0);
}

/** fnmatch(3)-style `*`, `?` and `[…]` as a case-insensitive expression; `*` and `?` match dots too. */
export function wildcardRegExp(pattern: string): RegExp {
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '*') out += '.*';
    else if (c === '?') out += '.';
    else if (c === '[') {
      const end = pattern.indexOf(']', i + 2);
      if (end < 0) out += '\\[';
      else {
        const body = pattern
          .slice(i + 1, end)
          .replace(/^!/, '^')
          .replace(/\\/g, '\\\\');
        out += `[${body}]`;
        i = end;
      }
    } else out += c.replace(/[.+^${}()|\\\]]/g, '\\$&');
  }
  try {
    return new RegExp(`^${out}$`, 'i');
  } catch {
    return /$^/;
  }
}

/**
 * Whether a client spec admits the IPv4 address `ip`. Host names and wildcards match through
 * `hostAddresses` (name → addresses, from the site itself); netgroups and GSS flavours never match here.
 */
export function clientAdmits(
  spec: ClientSpec,
  ip: number,
  hostAddresses: ReadonlyMap<string, readonly string[]>,
): boolean {
  switch (spec.kind) {
    case 'anyone':
      return true;
    case 'ipv4':
      return spec.address === ip;
    case 'ipv4-network':
      return (spec.base & spec.mask) >>> 0 === (ip & spec.mask) >>> 0;
    case 'hostname':
      return namesOf(ip, hostAddresses).some((n) => n === spec.name);
    case 'wildcard': {
      const re = wildcardRegExp(spec.pattern);
      return namesOf(ip, hostAddresses).some((n) => re.test(n));
    }
    default:
      return false;
  }
}

function namesOf(ip: number, hostAddresses: ReadonlyMap<string, readonly string[]>): string[] {
  const text = formatIpv4(ip);
  const names: string[] = [];
  for (const [name, addresses] of hostAddresses) if (addresses.includes(text)) names.push(name.toLowerCase());
  return names;
}

function count(n: number): string {
  return `${n.toLocaleString('en-US')} address${n === 1 ? '' : 'es'}`;
}

/** What addresses a spec covers, in one sentence of Markdown (for hover). */
export function describeCoverage(spec: ClientSpec): string {
  switch (spec.kind) {
    case 'anyone':
      return 'every host (the world)';
    case 'ipv4':
      return `the single host ${spec.text}`;
    case 'ipv4-network': {
      const zeros = 32 - [...spec.mask.toString(2).padStart(32, '0')].filter((b) => b === '1').length;
      const range = ipv4Range(spec);
      if (!range) {
        return `every address a with a & ${formatIpv4(spec.mask)} = ${formatIpv4((spec.base & spec.mask) >>> 0)} (${count(2 ** zeros)}; the netmask has holes)`;
      }
      return `\`${spec.text}\` covers ${formatIpv4(range.first)}–${formatIpv4(range.last)} (${count(2 ** zeros)})`;
    }
    case 'ipv6':
      return `the single IPv6 host ${spec.text}`;
    case 'ipv6-network':
      return `the IPv6 network \`${spec.text}\` (2^${128 - spec.prefix} addresses)`;
    case 'hostname':
      return `the host named \`${spec.name}\`: the addresses its name resolves to when exportfs runs`;
    case 'wildcard':
      return `every host whose name matches \`${spec.pattern}\` (\`*\` and \`?\` match dots too)`;
    case 'netgroup':
      return `the host parts of the NIS netgroup \`${spec.group}\``;
    case 'gss':
      return `clients using the RPCSEC_GSS flavour \`${spec.flavour}\` (deprecated: use \`sec=\`)`;
    case 'invalid':
      return `nothing: ${spec.reason}`;
  }
}

/** The precedence class exportfs gives a client (support/export: MCL_FQDN first, MCL_ANONYMOUS last). */
export function precedenceClass(spec: ClientSpec): number {
  switch (spec.kind) {
    case 'ipv4':
    case 'ipv6':
    case 'hostname':
      return 0;
    case 'ipv4-network':
    case 'ipv6-network':
      return 1;
    case 'wildcard':
      return 2;
    case 'netgroup':
      return 3;
    case 'anyone':
      return 4;
    default:
      return 5;
  }
}
