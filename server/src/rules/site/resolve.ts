import type { Span } from '../../core/text';
import { parseIpv4 } from '../../core/ipv4';
import { parseNfsRootParam } from '../../formats/cmdline/nfsroot-param';
import { requestedNfsVersion } from '../../formats/cmdline/nfsroot-param';
import { paramSpan } from './subjects';
import type { BootSubject } from './subjects';
import type { SiteModel, SubjectDhcp } from './site-model';

/** How the booting machine gets its address. */
export interface ResolvedAddress {
  readonly address: string | undefined;
  /** `static` (ip= client field), `dhcp-fixed` (DHCP's fixed-address for its MAC), `dhcp-dynamic` (some address of a range), `unknown`. */
  readonly how: 'static' | 'dhcp-fixed' | 'dhcp-dynamic' | 'unknown';
  /** Where the address comes from in the subject's file: the ip= parameter, else the subject's anchor. */
  readonly anchor: Span;
  /** The DHCP answers for the subject (each dhcpd.conf of the site). */
  readonly dhcp: readonly SubjectDhcp[];
  /** Whether the kernel asks DHCP/BOOTP/RARP (ip=dhcp, or no client address and autoconf not off). */
  readonly usesDhcp: boolean;
}

/** Where the NFS root comes from and what it is. */
export interface ResolvedNfsRoot {
  readonly server: string | undefined;
  /** How the kernel learns the server (nfsroot.rst): `nfsroot=`, `ip=`'s server field, DHCP root-path or next-server. */
  readonly serverHow: 'nfsroot' | 'ip' | 'dhcp-root-path' | 'dhcp-next-server' | 'unknown';
  /** The path on the server, `%s` replaced by the client address when known. */
  readonly path: string | undefined;
  /** The NFS version asked for with vers=/nfsvers=/v3…, undefined for the kernel's default. */
  readonly version: string | undefined;
  /** Where a problem with the root sits: the `nfsroot=` parameter (for xm, the `nfs_root` key), else `root=`. */
  readonly anchor: Span;
  /** The DHCP statement that gave the server or path, when it came from DHCP. */
  readonly dhcp: SubjectDhcp | undefined;
}

/** The subject's address, as the kernel will have it. */
export function resolveAddress(site: SiteModel, subject: BootSubject): ResolvedAddress {
  const ip = subject.boot.ip;
  const anchor = ip ? paramSpan(subject, ip.param) : subject.anchor;
  const usesDhcp = ip?.parsed.usesAutoconf ?? false;
  const client = ip?.parsed.client;
  const dhcp = site.dhcpFor(subject, client);
  if (client !== undefined && parseIpv4(client) !== undefined)
    return { address: client, how: 'static', anchor, dhcp, usesDhcp };
  const fixed = dhcp.flatMap((d) => d.answer.host?.fixedAddresses ?? []).find((a) => a.value !== undefined);
  if (fixed) return { address: fixed.text, how: 'dhcp-fixed', anchor, dhcp, usesDhcp };
  const dynamic = dhcp.some((d) => d.answer.ranges.length > 0);
  return {
    address: undefined,
    how: usesDhcp && dynamic ? 'dhcp-dynamic' : 'unknown',
    anchor,
    dhcp,
    usesDhcp,
  };
}

/** The DHCP root-path of a subject, as `server:path` (only a numeric server counts, nfsroot.rst). */
function rootPathOf(
  dhcp: readonly SubjectDhcp[],
): { server: string | undefined; path: string; from: SubjectDhcp } | undefined {
  for (const d of dhcp) {
    const value = d.answer.rootPath?.values[0]?.text;
    if (!value) continue;
    const parsed = parseNfsRootParam(value.replace(/^"|"$/g, ''));
    return { server: parsed.server, path: parsed.path, from: d };
  }
  return undefined;
}

/** Resolves server and path of an NFS root: nfsroot= first, then ip=, then DHCP (nfsroot.rst). */
export function resolveNfsRoot(subject: BootSubject, address: ResolvedAddress): ResolvedNfsRoot {
  const n = subject.boot.nfsroot;
  const anchor = n
    ? paramSpan(subject, n.param)
    : subject.boot.root
      ? paramSpan(subject, subject.boot.root)
      : subject.anchor;
  const fill = (p: string | undefined): string | undefined =>
    p !== undefined && address.address !== undefined ? p.replace(/%s/g, address.address) : p;
  const version = n ? requestedNfsVersion(n.parsed.options) : undefined;
  const rootPath = rootPathOf(address.dhcp);
  const path = n && n.parsed.path !== '' ? n.parsed.path : rootPath?.path;
  if (n?.parsed.server)
    return {
      server: n.parsed.server,
      serverHow: 'nfsroot',
      path: fill(path),
      version,
      anchor,
      dhcp: undefined,
    };
  if (subject.boot.ip?.parsed.server) {
    return {
      server: subject.boot.ip.parsed.server,
      serverHow: 'ip',
      path: fill(path),
      version,
      anchor,
      dhcp: undefined,
    };
  }
  if (address.usesDhcp && rootPath?.server) {
    return {
      server: rootPath.server,
      serverHow: 'dhcp-root-path',
      path: fill(path),
      version,
      anchor,
      dhcp: rootPath.from,
    };
  }
  const next = address.usesDhcp ? address.dhcp.find((d) => d.answer.nextServer) : undefined;
  const nextServer = next?.answer.nextServer?.values[0]?.text;
  if (next && nextServer) {
    return {
      server: nextServer,
      serverHow: 'dhcp-next-server',
      path: fill(path),
      version,
      anchor,
      dhcp: next,
    };
  }
  return { server: undefined, serverHow: 'unknown', path: fill(path), version, anchor, dhcp: rootPath?.from };
}
